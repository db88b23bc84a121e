//! `migc apply`, `rollback` and `status` on MySQL/MariaDB (`MIGC_TEST_MYSQL_URL`; each test makes
//! its own scratch database and drops it).
//!
//! Most tests run a plan directory written here by hand in the shape `migc plan` writes
//! (manifest with checksums, framed scripts, a backfill with a batch form): a column added with
//! `ALGORITHM=INSTANT`, a dual-write trigger created through the client's `DELIMITER`
//! directive, a batched backfill, a contract dropping the trigger. What they prove is the
//! runner's part: statement splitting with `DELIMITER`, steps recorded after their statements
//! (DDL commits by itself), batches committed with their checkpoint, `GET_LOCK` against
//! concurrent runs, and lock-wait timeouts retried and given up. One runs a plan `migc plan`
//! generates (procedure-wrapped steps, the batch form with backticks), killed mid-backfill,
//! resumed, applied through contract and rolled back.

mod apply_support;

use apply_support::*;
use std::collections::BTreeMap;

const ROWS: i64 = 3000;
const STEP: &str = "backfill.backfill.t";

fn server(test: &str) -> Option<String> {
    live("MIGC_TEST_MYSQL_URL", test)
}

const TRIGGER: &str = "DROP TRIGGER IF EXISTS migc_sync_t_insert;
DELIMITER //
CREATE TRIGGER migc_sync_t_insert BEFORE INSERT ON t FOR EACH ROW
BEGIN
  -- the old application writes no `b`; a `;` in a comment or 'a;string' ends nothing
  IF @migc_backfill IS NULL AND NEW.b IS NULL THEN
    SET NEW.b = upper(NEW.a);
  END IF;
END//
DELIMITER ;";

fn script(phase: &str, direction: &str, steps: &[(usize, &str, &str)]) -> String {
    let mut s = format!(
        "-- migc 0.1.0: {phase} phase ({direction}) for mysql\n-- written by hand for the tests\nSET SESSION lock_wait_timeout = 5;\n"
    );
    for (n, summary, sql) in steps {
        s.push_str(&format!(
            "\n-- [{n}] {summary}\n--     lock: see the test; rewrite: no; scan: no; from the test\n{sql}\n"
        ));
    }
    s
}

/// Writes the hand-made plan to `dir`.
fn write_plan(dir: &std::path::Path) {
    std::fs::create_dir_all(dir).unwrap();
    let mut files = BTreeMap::new();
    let add = "ALTER TABLE t ADD COLUMN IF NOT EXISTS b text NULL, ALGORITHM=INSTANT;";
    let drop_trigger = "DROP TRIGGER IF EXISTS migc_sync_t_insert;";
    files.insert(
        "01-expand.up.sql",
        script(
            "expand",
            "up",
            &[
                (1, "add column `b` to `t`", add),
                (2, "install the dual-write trigger on `t`", TRIGGER),
            ],
        ),
    );
    files.insert(
        "01-expand.down.sql",
        script(
            "expand",
            "down",
            &[
                (
                    2,
                    "undo: install the dual-write trigger on `t`",
                    drop_trigger,
                ),
                (
                    1,
                    "undo: add column `b` to `t`",
                    "ALTER TABLE t DROP COLUMN IF EXISTS b;",
                ),
            ],
        ),
    );
    files.insert(
        "02-backfill.up.sql",
        script(
            "backfill",
            "up",
            &[(
                3,
                "backfill `b` on `t`",
                "SET @migc_backfill = 1;\nUPDATE t SET b = coalesce(b, upper(a)) WHERE b IS NULL;\nSET @migc_backfill = NULL;",
            )],
        ),
    );
    files.insert(
        "02-backfill.down.sql",
        script(
            "backfill",
            "down",
            &[(3, "undo: backfill `b` on `t`", "DO 0;")],
        ),
    );
    files.insert("03-switch.up.sql", script("switch", "up", &[]));
    files.insert("03-switch.down.sql", script("switch", "down", &[]));
    files.insert(
        "04-contract.up.sql",
        script(
            "contract",
            "up",
            &[(4, "remove the dual-write trigger on `t`", drop_trigger)],
        ),
    );
    files.insert(
        "04-contract.down.sql",
        script(
            "contract",
            "down",
            &[(4, "undo: remove the dual-write trigger on `t`", TRIGGER)],
        ),
    );
    let step = |id: &str, summary: &str, backfill: Option<serde_json::Value>| {
        let mut s = serde_json::json!({
            "id": id, "summary": summary, "op": "x", "object": "t", "lock": "see the test",
            "rewrite": false, "scan": false, "transactional": false, "after": []
        });
        if let Some(b) = backfill {
            s["backfill"] = b;
        }
        s
    };
    let phase = |n: usize, name: &str, steps: Vec<serde_json::Value>| {
        serde_json::json!({
            "name": name,
            "up": format!("0{n}-{name}.up.sql"),
            "down": format!("0{n}-{name}.down.sql"),
            "steps": steps
        })
    };
    let batch = serde_json::json!({
        "table": "t",
        "key": ["id"],
        "next": "SELECT id FROM t WHERE {after} ORDER BY id LIMIT {limit}",
        "setup": ["SET @migc_backfill = 1"],
        "fill": "UPDATE t SET b = coalesce(b, upper(a)) WHERE {after} AND {upto} AND b IS NULL",
        "teardown": ["SET @migc_backfill = NULL"],
        "remaining": "SELECT count(*) FROM t WHERE b IS NULL"
    });
    let checksums: BTreeMap<&str, String> = files
        .iter()
        .map(|(n, t)| (*n, migc_planner::manifest::sha256(t)))
        .collect();
    let manifest = serde_json::json!({
        "format": "migc-plan", "version": 1, "generator": "the tests", "dialect": "mysql",
        "from": "v1", "to": "v2",
        "phases": [
            phase(1, "expand", vec![
                step("expand.add_column.t.b", "add column `b` to `t`", None),
                step("expand.install_sync.t", "install the dual-write trigger on `t`", None),
            ]),
            phase(2, "backfill", vec![step(STEP, "backfill `b` on `t`", Some(batch))]),
            phase(3, "switch", vec![]),
            phase(4, "contract", vec![step("contract.remove_sync.t", "remove the dual-write trigger on `t`", None)]),
        ],
        "gates": [], "compatibility": [],
        "point_of_no_return": {"phase": "contract", "cannot_restore": []},
        "lint": [], "checksums": checksums
    });
    for (name, text) in &files {
        std::fs::write(dir.join(name), text).unwrap();
    }
    std::fs::write(
        dir.join("manifest.json"),
        serde_json::to_string_pretty(&manifest).unwrap(),
    )
    .unwrap();
}

fn deployed(work: &Work, db: &Scratch) -> String {
    let dir = work.path("plan");
    write_plan(&dir);
    let mut c = connect(&db.url);
    c.execute("CREATE TABLE t (id bigint PRIMARY KEY, a text NOT NULL) ENGINE=InnoDB")
        .unwrap();
    // MariaDB's name for the recursion bound, then MySQL's; each server knows one of them.
    let _ = c.execute("SET SESSION max_recursive_iterations = 100000");
    let _ = c.execute("SET SESSION cte_max_recursion_depth = 100000");
    c.execute(&format!(
        "INSERT INTO t (id, a) WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {ROWS}) SELECT i, concat('row ', i) FROM n"
    ))
    .unwrap();
    path_str(&dir)
}

#[test]
#[cfg_attr(
    not(live_mysql),
    ignore = "needs a MySQL/MariaDB server: set MIGC_TEST_MYSQL_URL"
)]
fn apply_and_rollback_with_delimiter_scripts() {
    let Some(server) = server("apply_and_rollback_with_delimiter_scripts") else {
        return;
    };
    let db = Scratch::new(&server);
    let work = Work::new();
    let plan = deployed(&work, &db);
    let o = run(&["apply", &plan, "--url", &db.url, "--phase", "expand"]);
    expect(&o, 0);
    let mut c = connect(&db.url);
    // The trigger created through DELIMITER works: the old application's insert gets `b`.
    c.execute("INSERT INTO t (id, a) VALUES (100000, 'new row')")
        .unwrap();
    assert_eq!(
        value(c.as_mut(), "SELECT b FROM t WHERE id = 100000").as_deref(),
        Some("NEW ROW")
    );
    let o = run(&[
        "apply",
        &plan,
        "--url",
        &db.url,
        "--through",
        "contract",
        "--batch-size",
        "700",
    ]);
    expect(&o, 0);
    assert!(
        text(&o.stdout).contains("expand: already applied"),
        "{}",
        show(&o)
    );
    assert_eq!(
        number(c.as_mut(), "SELECT count(*) FROM t WHERE b = upper(a)"),
        ROWS + 1
    );
    assert_eq!(
        number(
            c.as_mut(),
            "SELECT count(*) FROM information_schema.triggers WHERE trigger_schema = DATABASE()"
        ),
        0
    );
    let status = text(&run(&["status", "--url", &db.url]).stdout);
    assert!(status.contains("plan v1 -> v2"), "{status}");
    assert!(status.contains("contract  applied"), "{status}");

    let o = run(&["rollback", &plan, "--url", &db.url, "--to", "expand"]);
    expect(&o, 0);
    assert_eq!(
        number(
            c.as_mut(),
            "SELECT count(*) FROM information_schema.triggers WHERE trigger_schema = DATABASE()"
        ),
        1
    );
    expect(&run(&["rollback", &plan, "--url", &db.url]), 0);
    assert_eq!(
        number(c.as_mut(), "SELECT count(*) FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = 't' AND column_name = 'b'"),
        0
    );
    assert_eq!(number(c.as_mut(), "SELECT count(*) FROM migc_state"), 0);
}

#[test]
#[cfg_attr(
    not(live_mysql),
    ignore = "needs a MySQL/MariaDB server: set MIGC_TEST_MYSQL_URL"
)]
fn a_killed_backfill_resumes_from_its_checkpoint() {
    let Some(server) = server("a_killed_backfill_resumes_from_its_checkpoint") else {
        return;
    };
    let db = Scratch::new(&server);
    let work = Work::new();
    let plan = deployed(&work, &db);
    expect(
        &run(&["apply", &plan, "--url", &db.url, "--phase", "expand"]),
        0,
    );
    let mut c = connect(&db.url);
    c.execute("CREATE TABLE fills (id bigint NOT NULL)")
        .unwrap();
    c.execute(
        "CREATE TRIGGER fills_log AFTER UPDATE ON t FOR EACH ROW
         BEGIN IF OLD.b IS NULL AND NEW.b IS NOT NULL THEN INSERT INTO fills VALUES (NEW.id); END IF; END",
    )
    .unwrap();
    kill_and_resume(
        &KilledBackfill {
            plan: &plan,
            url: &db.url,
            step: STEP,
            table: "t",
            rows: ROWS,
            at_kill: &[
                "SELECT count(*) FROM t WHERE b IS NOT NULL",
                "SELECT count(*) FROM fills",
            ],
        },
        &|| connect(&db.url),
    );
    assert_eq!(
        number(c.as_mut(), "SELECT count(*) FROM t WHERE b = upper(a)"),
        ROWS
    );
    assert_eq!(number(c.as_mut(), "SELECT count(*) FROM fills"), ROWS);
    assert_eq!(
        number(c.as_mut(), "SELECT count(DISTINCT id) FROM fills"),
        ROWS
    );
}

#[test]
#[cfg_attr(
    not(live_mysql),
    ignore = "needs a MySQL/MariaDB server: set MIGC_TEST_MYSQL_URL"
)]
fn a_second_concurrent_run_is_refused() {
    let Some(server) = server("a_second_concurrent_run_is_refused") else {
        return;
    };
    let db = Scratch::new(&server);
    let work = Work::new();
    let plan = deployed(&work, &db);
    expect(
        &run(&["apply", &plan, "--url", &db.url, "--phase", "expand"]),
        0,
    );
    let slow = Spawned::start(&[
        "apply",
        &plan,
        "--url",
        &db.url,
        "--phase",
        "backfill",
        "--batch-size",
        "20",
        "--pause-ms",
        "20",
    ]);
    let mut c = connect(&db.url);
    wait_until("the first run to start its backfill", || {
        state_of(c.as_mut(), STEP).is_some()
    });
    let second = run(&["apply", &plan, "--url", &db.url]);
    let (code, out, err) = slow.finish();
    assert_eq!(code, Some(0), "{out}\n{err}");
    expect(&second, 2);
    assert!(
        text(&second.stderr).contains("another migc run holds the lock"),
        "{}",
        show(&second)
    );
}

/// Another session's open transaction holds the table's metadata lock: `ALTER TABLE` waits
/// `lock_wait_timeout` (the run's `--lock-timeout`, one second at least on MySQL), is retried,
/// and gives up after the bound with nothing recorded; after the release a re-run completes.
#[test]
#[cfg_attr(
    not(live_mysql),
    ignore = "needs a MySQL/MariaDB server: set MIGC_TEST_MYSQL_URL"
)]
fn a_held_metadata_lock_is_retried_then_given_up_cleanly_and_resumed() {
    let Some(server) = server("a_held_metadata_lock_is_retried_then_given_up_cleanly_and_resumed")
    else {
        return;
    };
    let db = Scratch::new(&server);
    let work = Work::new();
    let plan = deployed(&work, &db);
    let mut holder = connect(&db.url);
    holder.execute("START TRANSACTION").unwrap();
    holder.query("SELECT count(*) FROM t").unwrap();
    let started = std::time::Instant::now();
    let o = run(&[
        "apply",
        &plan,
        "--url",
        &db.url,
        "--phase",
        "expand",
        "--lock-timeout",
        "1s",
        "--retries",
        "1",
    ]);
    let waited = started.elapsed();
    expect(&o, 1);
    // Two attempts of one second and a pause between them: the scripts' programs try once
    // under the runner's policy instead of retrying on their own (which waited ~44 s).
    assert!(
        waited < std::time::Duration::from_secs(15),
        "--lock-timeout 1s --retries 1 waited {waited:?}"
    );
    let err = text(&o.stderr);
    assert!(err.contains("attempt 1 of 2; retrying"), "{err}");
    assert!(
        err.contains("gave up after 2 attempts to take a lock"),
        "{err}"
    );
    holder.execute("COMMIT").unwrap();
    let status = text(&run(&["status", "--url", &db.url]).stdout);
    assert!(
        status.contains("expand    part-way (0 steps done)"),
        "{status}"
    );
    assert!(
        status.contains("step expand.add_column.t.b failed"),
        "{status}"
    );

    holder.execute("START TRANSACTION").unwrap();
    holder.query("SELECT count(*) FROM t").unwrap();
    let mut waiting = Spawned::start(&[
        "apply",
        &plan,
        "--url",
        &db.url,
        "--phase",
        "expand",
        "--lock-timeout",
        "1s",
        "--retries",
        "100",
    ]);
    assert!(waiting.wait_for_line("retrying"), "{:?}", waiting.stderr);
    holder.execute("COMMIT").unwrap();
    let (code, out, err) = waiting.finish();
    assert_eq!(code, Some(0), "{out}\n{err}");
    let mut c = connect(&db.url);
    assert_eq!(
        number(c.as_mut(), "SELECT count(*) FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = 't' AND column_name = 'b'"),
        1
    );
}

/// Runs a script with the `mariadb` client into the database of `url`
/// (`mysql://user@host:port/db`), as the README says to.
fn with_client(url: &str, file: &std::path::Path) {
    let rest = url.strip_prefix("mysql://").expect("a mysql:// URL");
    let (auth, rest) = rest.split_once('@').expect("user@host");
    let (user, password) = auth.split_once(':').unwrap_or((auth, ""));
    let (hostport, db) = rest.split_once('/').expect("host/db");
    let (host, port) = hostport.split_once(':').unwrap_or((hostport, "3306"));
    let mut cmd = std::process::Command::new("mariadb");
    cmd.args(["-h", host, "-P", port, "-u", user, db]);
    if !password.is_empty() {
        cmd.arg(format!("-p{password}"));
    }
    let o = cmd
        .stdin(std::fs::File::open(file).expect("script"))
        .output()
        .expect("the mariadb client runs");
    assert!(
        o.status.success(),
        "{}: {}",
        file.display(),
        String::from_utf8_lossy(&o.stderr)
    );
}

/// A plan `migc plan` writes (tests/data/plan/split_column: two new columns filled from one
/// that leaves, dual-write triggers, a batched backfill, NOT NULL at switch, the old column
/// dropped at contract) run by `migc apply`: the backfill is killed with SIGKILL part-way,
/// resumed from its checkpoint through its batch form, the plan applied through contract and
/// rolled back entirely, with every row's values kept.
#[test]
#[cfg_attr(
    not(live_mysql),
    ignore = "needs a MySQL/MariaDB server: set MIGC_TEST_MYSQL_URL"
)]
fn a_generated_plan_applies_resumes_after_a_kill_and_rolls_back() {
    let Some(server) = server("a_generated_plan_applies_resumes_after_a_kill_and_rolls_back")
    else {
        return;
    };
    let db = Scratch::new(&server);
    let work = Work::new();
    let case = root().join("tests/data/plan/split_column");
    let (from, to) = (path_str(&case.join("from")), path_str(&case.join("to")));
    let deploy = work.plan("empty", &from, "mysql", "deploy");
    for phase in ["01-expand", "02-backfill", "03-switch", "04-contract"] {
        with_client(
            &db.url,
            &std::path::Path::new(&deploy).join(format!("{phase}.up.sql")),
        );
    }
    let plan = work.plan(&from, &to, "mysql", "change");
    let mut c = connect(&db.url);
    c.execute("INSERT INTO accounts (name, email) VALUES ('one', 'one@example.com')")
        .unwrap();
    let _ = c.execute("SET SESSION max_recursive_iterations = 100000");
    let _ = c.execute("SET SESSION cte_max_recursion_depth = 100000");
    c.execute(&format!(
        "INSERT INTO items (id, account_id, title, amount, owner) WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {ROWS}) SELECT i, 1, concat('item ', i), i % 100, concat('first', i, ' last', i) FROM n"
    ))
    .unwrap();
    expect(
        &run(&["apply", &plan, "--url", &db.url, "--phase", "expand"]),
        0,
    );
    let step = "backfill.backfill.items";
    kill_and_resume(
        &KilledBackfill {
            plan: &plan,
            url: &db.url,
            step,
            table: "items",
            rows: ROWS,
            at_kill: &["SELECT count(*) FROM items WHERE first IS NOT NULL"],
        },
        &|| connect(&db.url),
    );
    assert_eq!(
        number(
            c.as_mut(),
            "SELECT count(*) FROM items WHERE concat(first, ' ', last) = owner"
        ),
        ROWS
    );
    expect(
        &run(&["apply", &plan, "--url", &db.url, "--through", "contract"]),
        0,
    );
    let column = |c: &mut dyn migc_db::Connection, name: &str| {
        number(c, &format!("SELECT count(*) FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = 'items' AND column_name = '{name}'"))
    };
    assert_eq!(column(c.as_mut(), "owner"), 0);
    assert_eq!(
        number(
            c.as_mut(),
            "SELECT count(*) FROM information_schema.triggers WHERE trigger_schema = DATABASE()"
        ),
        0
    );
    // The new application writes; rolling everything back gives the old column its values.
    c.execute("INSERT INTO items (account_id, title, amount, first, last) VALUES (1, 'new', 1, 'ann', 'new')")
        .unwrap();
    expect(&run(&["rollback", &plan, "--url", &db.url]), 0);
    assert_eq!(column(c.as_mut(), "first"), 0);
    assert_eq!(
        number(
            c.as_mut(),
            "SELECT count(*) FROM items WHERE owner = concat('first', id, ' last', id) OR owner = 'ann new'"
        ),
        ROWS + 1
    );
    assert_eq!(number(c.as_mut(), "SELECT count(*) FROM migc_state"), 0);
}

/// A type change through a shadow column: at contract the dual-write triggers go and the shadow
/// takes the column's place. Writes that come while the swap waits for its lock must neither
/// fail (the shadow is `not null` without a default by then, error 1364) nor miss the shadow:
/// the triggers go only once the table is locked for the swap.
#[test]
#[cfg_attr(
    not(live_mysql),
    ignore = "needs a MySQL/MariaDB server: set MIGC_TEST_MYSQL_URL"
)]
fn writes_while_contract_waits_for_the_column_swap_keep_their_values() {
    let Some(server) = server("writes_while_contract_waits_for_the_column_swap_keep_their_values")
    else {
        return;
    };
    let db = Scratch::new(&server);
    let work = Work::new();
    let v1 = work.schema(
        "v1",
        "table accounts {\n  id bigint primary key identity\n  balance int32 not null\n}\n",
    );
    let v2 = work.schema(
        "v2",
        "table accounts {\n  id bigint primary key identity\n  balance int64 not null from balance up (balance) down (balance)\n}\n",
    );
    let p1 = work.plan("empty", &v1, "mysql", "p1");
    let p2 = work.plan(&v1, &v2, "mysql", "p2");
    expect(
        &run(&["apply", &p1, "--url", &db.url, "--through", "contract"]),
        0,
    );
    connect(&db.url)
        .execute("INSERT INTO accounts (balance) VALUES (1), (2)")
        .unwrap();
    expect(
        &run(&["apply", &p2, "--url", &db.url, "--through", "switch"]),
        0,
    );
    // Another session's open transaction holds the table's metadata lock for three seconds,
    // longer than the scripts' lock wait: the swap waits, gives up and is retried.
    let mut holder = connect(&db.url);
    holder.execute("START TRANSACTION").unwrap();
    holder.query("SELECT count(*) FROM accounts").unwrap();
    let contract = Spawned::start(&["apply", &p2, "--url", &db.url, "--phase", "contract"]);
    std::thread::sleep(std::time::Duration::from_millis(500));
    let url = db.url.clone();
    let writer = std::thread::spawn(move || {
        let mut c = connect(&url);
        let mut failures = Vec::new();
        for i in 0..20 {
            if let Err(e) = c.execute(&format!(
                "INSERT INTO accounts (balance) VALUES ({})",
                100 + i
            )) {
                failures.push(e.to_string());
            }
            std::thread::sleep(std::time::Duration::from_millis(150));
        }
        failures
    });
    std::thread::sleep(std::time::Duration::from_millis(2500));
    holder.execute("COMMIT").unwrap();
    let failures = writer.join().expect("the writer");
    let (code, out, err) = contract.finish();
    assert_eq!(code, Some(0), "{out}\n{err}");
    assert!(
        failures.is_empty(),
        "writes failed during contract: {failures:?}"
    );
    let mut c = connect(&db.url);
    assert_eq!(
        number(
            c.as_mut(),
            "SELECT count(*) FROM accounts WHERE balance IN (1, 2) OR balance BETWEEN 100 AND 119"
        ),
        22
    );
    assert_eq!(
        value(
            c.as_mut(),
            "SELECT data_type FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = 'accounts' AND column_name = 'balance'"
        )
        .as_deref(),
        Some("bigint")
    );
}

/// A run killed while its DDL waits for a metadata lock (MySQL/MariaDB DDL commits by itself,
/// so a step cannot commit together with its row): `status` shows the step started and not
/// finished, with the run's connection while it goes on; once that connection is gone, as
/// interrupted; `apply` then runs the step again and finishes.
#[test]
#[cfg_attr(
    not(live_mysql),
    ignore = "needs a MySQL/MariaDB server: set MIGC_TEST_MYSQL_URL"
)]
fn a_killed_step_shows_in_status_and_resumes() {
    let Some(server) = server("a_killed_step_shows_in_status_and_resumes") else {
        return;
    };
    let db = Scratch::new(&server);
    let work = Work::new();
    let plan = deployed(&work, &db);
    const ADD: &str = "expand.add_column.t.b";
    let mut holder = connect(&db.url);
    holder.execute("START TRANSACTION").unwrap();
    holder.query("SELECT count(*) FROM t").unwrap();
    let waiting = Spawned::start(&[
        "apply",
        &plan,
        "--url",
        &db.url,
        "--phase",
        "expand",
        "--lock-timeout",
        "120s",
    ]);
    let mut c = connect(&db.url);
    wait_until("the step to wait for the metadata lock", || {
        // The process list is the server's: other tests wait on their own `t` meanwhile.
        number(
            c.as_mut(),
            &format!(
                "SELECT count(*) FROM information_schema.PROCESSLIST WHERE DB = '{}' AND STATE LIKE 'Waiting for table metadata lock%' AND INFO LIKE 'ALTER TABLE t%'",
                db.name
            ),
        ) == 1
    });
    let status = |json: bool| {
        let o = run(&[
            "status",
            "--url",
            &db.url,
            "--format",
            if json { "json" } else { "human" },
        ]);
        expect(&o, 0);
        text(&o.stdout)
    };
    let doc: serde_json::Value = serde_json::from_str(&status(true)).unwrap();
    let started = &doc["plans"][0]["phases"][0]["started"];
    assert_eq!(started[0]["step"], ADD, "{doc:#}");
    assert_eq!(started[0]["run_holds_lock"], true, "{doc:#}");
    let session = doc["active_run"]["session"]
        .as_str()
        .expect("the run's connection")
        .to_string();
    assert!(
        doc["active_run"]["state"]
            .as_str()
            .is_some_and(|s| s.contains("metadata lock")),
        "{doc:#}"
    );
    assert!(
        doc["active_run"]["query"]
            .as_str()
            .is_some_and(|q| q.starts_with("ALTER TABLE t ADD COLUMN")),
        "{doc:#}"
    );
    let human = status(false);
    for line in [
        &format!("    step {ADD} started at "),
        "not finished (interrupted or still running)\n",
        "      a migc run holds the lock now (see below): it may still be running it\n",
        &format!("a migc run is going on now: session {session}, Query: Waiting for table metadata lock since "),
        "  statement: ALTER TABLE t ADD COLUMN",
    ] {
        assert!(human.contains(line), "`{line}` in:\n{human}");
    }

    waiting.kill();
    c.execute(&format!("KILL {session}")).unwrap();
    wait_until("the run's connection to end", || {
        number(
            c.as_mut(),
            &format!("SELECT count(*) FROM information_schema.PROCESSLIST WHERE ID = {session}"),
        ) == 0
    });
    holder.execute("COMMIT").unwrap();
    let doc: serde_json::Value = serde_json::from_str(&status(true)).unwrap();
    assert_eq!(
        doc["plans"][0]["phases"][0]["started"][0]["run_holds_lock"], false,
        "{doc:#}"
    );
    assert_eq!(doc["active_run"], serde_json::Value::Null);
    assert!(status(false).contains(
        "      no migc run holds the lock: it was interrupted; a re-run starts it again\n"
    ));

    expect(
        &run(&["apply", &plan, "--url", &db.url, "--phase", "expand"]),
        0,
    );
    assert_eq!(
        number(c.as_mut(), "SELECT count(*) FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = 't' AND column_name = 'b'"),
        1
    );
    assert_eq!(
        state_of(c.as_mut(), ADD).map(|(s, _, _)| s).as_deref(),
        Some("done")
    );
    assert!(!status(false).contains("not finished"));
}

/// A table copied online (a check added) while writers update, delete and insert rows in it,
/// in small batches so that the copy and the writes interleave: the copy ends while they
/// still insert, and afterwards the table holds exactly the rows the writers left, each with
/// the last value written, none lost, none brought back.
#[test]
#[cfg_attr(
    not(live_mysql),
    ignore = "needs a MySQL/MariaDB server: set MIGC_TEST_MYSQL_URL"
)]
fn an_online_copy_keeps_every_concurrent_write() {
    use std::sync::atomic::{AtomicBool, Ordering};
    let Some(server) = server("an_online_copy_keeps_every_concurrent_write") else {
        return;
    };
    let db = Scratch::new(&server);
    let work = Work::new();
    let table = |check: &str| {
        format!("table accounts {{\n  id      bigint primary key\n  balance int32 not null default 0\n{check}}}\n")
    };
    let v1 = work.schema("v1", &table(""));
    let v2 = work.schema("v2", &table("  check accounts_balance_ok (balance >= 0)\n"));
    let p1 = work.plan("empty", &v1, "mysql", "p1");
    let p2 = work.plan(&v1, &v2, "mysql", "p2");
    expect(
        &run(&["apply", &p1, "--url", &db.url, "--through", "contract"]),
        0,
    );
    const ROWS: i64 = 6000;
    let mut c = connect(&db.url);
    let values: Vec<String> = (1..=ROWS).map(|i| format!("({i}, {i})")).collect();
    c.execute(&format!(
        "INSERT INTO accounts (id, balance) VALUES {}",
        values.join(", ")
    ))
    .unwrap();
    let manifest =
        std::fs::read_to_string(std::path::Path::new(&p2).join("manifest.json")).expect("manifest");
    assert!(manifest.contains("\"op\": \"copy_fill\""), "{manifest}");

    // Each writer owns the rows whose id leaves its number modulo 2, and new ids above them.
    // Writers that insert without a pause at the end of the table must not keep the copy
    // going: they stop on their own only after a generous while, which fails the test.
    let stop = AtomicBool::new(false);
    let outlasted = AtomicBool::new(false);
    let started = std::time::Instant::now();
    let (applied, expected) = std::thread::scope(|s| {
        let writers: Vec<_> = (0..2i64)
            .map(|w| {
                let (stop, outlasted, url) = (&stop, &outlasted, db.url.clone());
                s.spawn(move || {
                    let mut conn = connect(&url);
                    let mut rows: BTreeMap<i64, i64> =
                        (1..=ROWS).filter(|i| i % 2 == w).map(|i| (i, i)).collect();
                    let mut next = ROWS * 10 + w;
                    let mut n: i64 = 0;
                    while !stop.load(Ordering::SeqCst) || n < 300 {
                        if started.elapsed() > std::time::Duration::from_secs(60) {
                            outlasted.store(true, Ordering::SeqCst);
                            break;
                        }
                        n += 1;
                        let id = 2 * ((n * 7_919) % (ROWS / 2)) + w;
                        let (sql, after): (String, Option<(i64, Option<i64>)>) = match n % 4 {
                            0 => (
                                format!("DELETE FROM accounts WHERE id = {id}"),
                                Some((id, None)),
                            ),
                            1 => {
                                next += 2;
                                (
                                    format!(
                                        "INSERT INTO accounts (id, balance) VALUES ({next}, {n})"
                                    ),
                                    Some((next, Some(n))),
                                )
                            }
                            _ => (
                                format!("UPDATE accounts SET balance = {n} WHERE id = {id}"),
                                rows.contains_key(&id).then_some((id, Some(n))),
                            ),
                        };
                        if conn.execute(&sql).is_ok() {
                            match after {
                                Some((id, Some(v))) => {
                                    rows.insert(id, v);
                                }
                                Some((id, None)) => {
                                    rows.remove(&id);
                                }
                                None => {}
                            }
                        }
                    }
                    rows
                })
            })
            .collect();
        let applied = run(&[
            "apply",
            &p2,
            "--url",
            &db.url,
            "--through",
            "contract",
            "--batch-size",
            "100",
            "--pause-ms",
            "10",
        ]);
        stop.store(true, Ordering::SeqCst);
        let mut expected = BTreeMap::new();
        for w in writers {
            expected.extend(w.join().expect("writer"));
        }
        (applied, expected)
    });
    expect(&applied, 0);
    assert!(
        !outlasted.load(Ordering::SeqCst),
        "the copy went on as long as the writers inserted rows"
    );
    let rows = c
        .query("SELECT id, balance FROM accounts ORDER BY id")
        .unwrap();
    let got: BTreeMap<i64, i64> = rows
        .iter()
        .map(|r| {
            let n = |i: usize| r[i].as_deref().unwrap_or("0").parse::<i64>().unwrap();
            (n(0), n(1))
        })
        .collect();
    let missing: Vec<_> = expected
        .iter()
        .filter(|(k, v)| got.get(k) != Some(v))
        .take(5)
        .collect();
    let extra: Vec<_> = got
        .keys()
        .filter(|k| !expected.contains_key(k))
        .take(5)
        .collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "rows differ after the copy: expected but not found (or other value) {missing:?}, found but not expected {extra:?} ({} expected, {} found)",
        expected.len(),
        got.len()
    );
    // The check holds for new writes: the table is the copy, with the check.
    assert!(c
        .execute("UPDATE accounts SET balance = -1 WHERE id = 2")
        .is_err());
}
