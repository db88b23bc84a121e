//! `migc apply`, `rollback` and `status` on SQLite files (bundled SQLite, no server): a plan
//! applied and rolled back with the state table following; changed scripts refused; a dry run
//! changing nothing; a backfill killed with SIGKILL part-way and resumed without losing or
//! redoing a row; a second concurrent run refused; a writer holding the database's lock longer
//! than the lock timeout (the run retries, gives up cleanly, and resumes once it is released).
//! Every plan is generated; its backfill runs in batches from the manifest's batch form.

mod apply_support;

use apply_support::*;
use migc_db::Connection;

const ROWS: i64 = 3000;

struct Db {
    url: String,
}

fn db(work: &Work) -> Db {
    Db {
        url: format!("sqlite://{}", work.path("app.db").display()),
    }
}

fn conn(db: &Db) -> Box<dyn Connection> {
    let mut c = connect(&db.url);
    c.execute("PRAGMA busy_timeout = 5000").unwrap();
    c
}

/// The database at v1 with `ROWS` rows, and the plan to v2 (expand applied when `expand`;
/// with its backfill's batch form checked).
fn deployed(work: &Work, db: &Db, expand: bool) -> String {
    let v1 = work.schema("v1", V1);
    let v2 = work.schema("v2", V2);
    let p1 = work.plan("empty", &v1, "sqlite", "p1");
    let p2 = work.plan(&v1, &v2, "sqlite", "p2");
    has_batch_form(&p2);
    expect(
        &run(&["apply", &p1, "--url", &db.url, "--through", "contract"]),
        0,
    );
    conn(db)
        .execute(&format!(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {ROWS})
             INSERT INTO t (id, a) SELECT i, 'row ' || i FROM n;"
        ))
        .unwrap();
    if expand {
        expect(
            &run(&["apply", &p2, "--url", &db.url, "--phase", "expand"]),
            0,
        );
    }
    p2
}

/// The plan's backfill of `t` carries the batch form the executor runs.
fn has_batch_form(plan: &str) {
    let path = std::path::Path::new(plan).join("manifest.json");
    let m: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let step = m["phases"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p["steps"].as_array().unwrap().iter())
        .find(|s| s["id"] == "backfill.backfill.t")
        .expect("the plan backfills t");
    assert_eq!(step["backfill"]["key"], serde_json::json!(["id"]), "{step}");
}

#[test]
fn apply_resumes_and_rollback_returns_with_the_state_table_following() {
    let work = Work::new();
    let db = db(&work);
    let p2 = deployed(&work, &db, false);
    let o = run(&["apply", &p2, "--url", &db.url]);
    expect(&o, 0);
    let out = text(&o.stdout);
    assert!(out.contains("expand: applied"), "{out}");
    assert!(out.contains("stopped before contract"), "{out}");
    let mut c = conn(&db);
    assert_eq!(
        number(c.as_mut(), "SELECT count(*) FROM t WHERE b = upper(a)"),
        ROWS
    );

    let o = run(&["status", "--url", &db.url]);
    expect(&o, 0);
    let status = text(&o.stdout);
    assert!(status.contains("-> "), "{status}");
    assert!(status.contains("switch    applied"), "{status}");
    assert!(status.contains("contract  not applied"), "{status}");

    // A re-run finds everything done.
    let o = run(&["apply", &p2, "--url", &db.url]);
    expect(&o, 0);
    for phase in ["expand", "backfill", "switch"] {
        assert!(
            text(&o.stdout).contains(&format!("{phase}: already applied")),
            "{}",
            show(&o)
        );
    }
    // Contract cannot come alone before its gate is passed explicitly; then it runs.
    expect(
        &run(&["apply", &p2, "--url", &db.url, "--phase", "contract"]),
        0,
    );
    assert!(text(&run(&["status", "--url", &db.url]).stdout).contains("contract  applied"));

    let o = run(&["rollback", &p2, "--url", &db.url, "--to", "expand"]);
    expect(&o, 0);
    let out = text(&o.stdout);
    let order: Vec<usize> = [
        "contract: rolled back",
        "switch: rolled back",
        "backfill: rolled back",
    ]
    .iter()
    .map(|l| out.find(l).unwrap_or_else(|| panic!("{l} missing:\n{out}")))
    .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{out}");
    assert!(!out.contains("expand: rolled back"), "{out}");
    let status = text(&run(&["status", "--url", &db.url]).stdout);
    assert!(status.contains("expand    applied"), "{status}");
    assert!(status.contains("backfill  not applied"), "{status}");

    expect(&run(&["rollback", &p2, "--url", &db.url]), 0);
    let mut c = conn(&db);
    assert_eq!(
        number(
            c.as_mut(),
            "SELECT count(*) FROM pragma_table_info('t') WHERE name = 'b'"
        ),
        0
    );
    assert_eq!(number(c.as_mut(), "SELECT count(*) FROM t"), ROWS);
    // The plan's rows are gone from the state table; the deploying plan's stay.
    let plans = number(c.as_mut(), "SELECT count(DISTINCT plan) FROM migc_state");
    assert_eq!(plans, 1);
    let o = run(&["rollback", &p2, "--url", &db.url]);
    expect(&o, 0);
    assert!(
        text(&o.stdout).contains("nothing to roll back"),
        "{}",
        show(&o)
    );
}

#[test]
fn scripts_changed_since_the_plan_was_written_are_refused() {
    let work = Work::new();
    let db = db(&work);
    let v1 = work.schema("v1", V1);
    let p1 = work.plan("empty", &v1, "sqlite", "p1");
    let script = std::path::Path::new(&p1).join("01-expand.up.sql");
    let mut text_of = std::fs::read_to_string(&script).unwrap();
    text_of.push_str("\nDROP TABLE IF EXISTS important;\n");
    std::fs::write(&script, text_of).unwrap();
    let o = run(&["apply", &p1, "--url", &db.url]);
    expect(&o, 1);
    assert!(
        text(&o.stderr).contains("`01-expand.up.sql` changed since the plan was written"),
        "{}",
        show(&o)
    );
    // Refused before the database is opened: not even its file is created.
    assert!(!work.path("app.db").exists());
}

#[test]
fn a_dry_run_prints_the_steps_and_changes_nothing() {
    let work = Work::new();
    let db = db(&work);
    let p2 = deployed(&work, &db, false);
    let o = run(&["apply", &p2, "--url", &db.url, "--dry-run"]);
    expect(&o, 0);
    let out = text(&o.stdout);
    assert!(
        out.contains("-- expand: would run 01-expand.up.sql"),
        "{out}"
    );
    for line in [
        "-- [1] add column `t.b` (filled from the deployed shape)",
        "-- [2] install the dual-write trigger on `t`",
        "-- backfill: would run 02-backfill.up.sql",
        "-- [3] backfill `b` on `t`",
        "-- switch: would run 03-switch.up.sql",
    ] {
        assert!(out.contains(line), "{line} missing:\n{out}");
    }
    let mut c = conn(&db);
    assert_eq!(
        number(
            c.as_mut(),
            "SELECT count(*) FROM pragma_table_info('t') WHERE name = 'b'"
        ),
        0
    );
    // Nothing was recorded: only the deploying plan is listed.
    let status = text(&run(&["status", "--url", &db.url]).stdout);
    assert_eq!(
        status.lines().filter(|l| l.starts_with("plan ")).count(),
        1,
        "{status}"
    );
    assert!(status.starts_with("plan empty -> "), "{status}");
}

/// Kills a batched backfill with SIGKILL part-way: the batches that committed are recorded with
/// their checkpoint, the one in flight left nothing; the re-run resumes after the checkpoint and
/// every row is filled exactly once.
#[test]
fn a_killed_backfill_resumes_from_its_checkpoint() {
    let work = Work::new();
    let db = db(&work);
    let p2 = deployed(&work, &db, true);
    conn(&db)
        .execute(
            "CREATE TABLE fills (id integer NOT NULL);
             CREATE TRIGGER fills_log AFTER UPDATE OF b ON t WHEN NEW.b IS NOT NULL AND OLD.b IS NULL
             BEGIN INSERT INTO fills VALUES (NEW.id); END;",
        )
        .unwrap();
    let step = "backfill.backfill.t";
    kill_and_resume(
        &KilledBackfill {
            plan: &p2,
            url: &db.url,
            step,
            table: "t",
            rows: ROWS,
            at_kill: &[
                "SELECT count(*) FROM t WHERE b IS NOT NULL",
                "SELECT count(*) FROM fills",
            ],
        },
        &|| conn(&db),
    );
    let mut c = conn(&db);
    assert_eq!(
        number(c.as_mut(), "SELECT count(*) FROM t WHERE b = upper(a)"),
        ROWS
    );
    assert_eq!(number(c.as_mut(), "SELECT count(*) FROM fills"), ROWS);
    assert_eq!(
        number(c.as_mut(), "SELECT count(DISTINCT id) FROM fills"),
        ROWS
    );
    let (status, checkpoint, done) = state_of(c.as_mut(), step).unwrap();
    assert_eq!((status.as_str(), done), ("done", ROWS));
    assert_eq!(
        checkpoint.as_deref(),
        Some(format!("[\"{ROWS}\"]").as_str())
    );
    // The phase script ran after the batches (its own checks passed) and is recorded.
    assert_eq!(
        number(c.as_mut(), "SELECT count(*) FROM migc_state WHERE phase = 'backfill' AND step = '*' AND status = 'done' AND label NOT LIKE 'empty %'"),
        1
    );
}

#[test]
fn a_second_concurrent_run_is_refused() {
    let work = Work::new();
    let db = db(&work);
    let p2 = deployed(&work, &db, true);
    let slow = Spawned::start(&[
        "apply",
        &p2,
        "--url",
        &db.url,
        "--phase",
        "backfill",
        "--batch-size",
        "10",
        "--pause-ms",
        "20",
    ]);
    let mut c = conn(&db);
    wait_until("the first run to start its backfill", || {
        state_of(c.as_mut(), "backfill.backfill.t").is_some()
    });
    let o = run(&["apply", &p2, "--url", &db.url]);
    let (second_code, second_err) = (o.status.code(), text(&o.stderr));
    let rollback = run(&["rollback", &p2, "--url", &db.url]);
    let (code, _, err) = slow.finish();
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(second_code, Some(2), "{second_err}");
    assert!(
        second_err.contains("another migc run holds the lock"),
        "{second_err}"
    );
    expect(&rollback, 2);
    assert_eq!(
        number(c.as_mut(), "SELECT count(*) FROM t WHERE b = upper(a)"),
        ROWS
    );
}

/// Another connection holds the database's write lock longer than the lock timeout: the run
/// retries with backoff, gives up after the bound with exit 1 and nothing of the phase applied,
/// and a re-run after the lock is released completes.
#[test]
fn a_held_lock_is_retried_then_given_up_cleanly_and_resumed() {
    let work = Work::new();
    let db = db(&work);
    let p2 = deployed(&work, &db, true);
    let mut holder = conn(&db);
    holder.execute("BEGIN IMMEDIATE").unwrap();
    let o = run(&[
        "apply",
        &p2,
        "--url",
        &db.url,
        "--lock-timeout",
        "100ms",
        "--retries",
        "2",
    ]);
    expect(&o, 1);
    let err = text(&o.stderr);
    assert!(err.contains("attempt 1 of 3; retrying"), "{err}");
    assert!(err.contains("attempt 2 of 3; retrying"), "{err}");
    assert!(
        err.contains("gave up after 3 attempts to take a lock"),
        "{err}"
    );
    holder.execute("ROLLBACK").unwrap();
    let status = text(&run(&["status", "--url", &db.url]).stdout);
    let ours = &status[status.find("v1 -> v2 (").expect("the plan is listed")..];
    assert!(ours.contains("expand    applied"), "{status}");
    assert!(!ours.contains("backfill  applied"), "{status}");

    // Held again; released as soon as the run says it is retrying: the run then completes.
    holder.execute("BEGIN IMMEDIATE").unwrap();
    let mut waiting = Spawned::start(&[
        "apply",
        &p2,
        "--url",
        &db.url,
        "--lock-timeout",
        "100ms",
        "--retries",
        "100",
    ]);
    assert!(waiting.wait_for_line("retrying"), "{:?}", waiting.stderr);
    holder.execute("ROLLBACK").unwrap();
    let (code, out, err) = waiting.finish();
    assert_eq!(code, Some(0), "{out}\n{err}");
    assert_eq!(
        number(holder.as_mut(), "SELECT count(*) FROM t WHERE b = upper(a)"),
        ROWS
    );
}

/// Switch waits for the backfill gate: rows still to fill (written here past the dual-write
/// trigger) refuse it with exit 1 and nothing run; once filled, it runs.
#[test]
fn switch_is_refused_until_the_backfill_gate_holds() {
    let work = Work::new();
    let db = db(&work);
    let p2 = deployed(&work, &db, false);
    expect(
        &run(&["apply", &p2, "--url", &db.url, "--through", "backfill"]),
        0,
    );
    let mut c = conn(&db);
    c.execute(
        "INSERT INTO migc_sync_t_guard (active) VALUES (1);
         UPDATE t SET b = NULL WHERE id <= 5;
         DELETE FROM migc_sync_t_guard;",
    )
    .unwrap();
    let o = run(&["apply", &p2, "--url", &db.url, "--phase", "switch"]);
    expect(&o, 1);
    assert!(
        text(&o.stderr).contains("the gate before switch is not met"),
        "{}",
        show(&o)
    );
    assert!(text(&o.stderr).contains("returns 5, not 0"), "{}", show(&o));
    c.execute("UPDATE t SET b = upper(a) WHERE b IS NULL")
        .unwrap();
    expect(
        &run(&["apply", &p2, "--url", &db.url, "--phase", "switch"]),
        0,
    );
}

/// A rollback that stopped part-way must be finished before anything is applied again.
#[test]
fn an_unfinished_rollback_blocks_apply_until_it_is_finished() {
    let work = Work::new();
    let db = db(&work);
    let p2 = deployed(&work, &db, false);
    expect(&run(&["apply", &p2, "--url", &db.url]), 0);
    // As a rollback of switch leaves it when it stops after marking the phase.
    conn(&db)
        .execute(
            "UPDATE migc_state SET status = 'rolling back' WHERE phase = 'switch' AND label NOT LIKE 'empty %'",
        )
        .unwrap();
    let status = text(&run(&["status", "--url", &db.url]).stdout);
    assert!(
        status.contains("switch    rolling back (not finished)"),
        "{status}"
    );
    let o = run(&["apply", &p2, "--url", &db.url]);
    expect(&o, 1);
    assert!(
        text(&o.stderr).contains("a rollback of switch did not finish"),
        "{}",
        show(&o)
    );
    expect(
        &run(&["rollback", &p2, "--url", &db.url, "--to", "backfill"]),
        0,
    );
    let o = run(&["apply", &p2, "--url", &db.url]);
    expect(&o, 0);
    assert!(text(&o.stdout).contains("switch: applied"), "{}", show(&o));
}

/// A table without a primary key is walked by its rowid: the plan's batch form names `rowid`,
/// the batched backfill fills every row, and the plan rolls back with every row kept.
#[test]
fn a_table_without_a_primary_key_is_backfilled_by_rowid() {
    let work = Work::new();
    let db = db(&work);
    let v1 = work.schema("nopk1", "table t {\n  a text not null\n}\n");
    let v2 = work.schema(
        "nopk2",
        "table t {\n  a text not null\n  b text null from a up (upper(a))\n}\n",
    );
    let p1 = work.plan("empty", &v1, "sqlite", "nopk_p1");
    let p2 = work.plan(&v1, &v2, "sqlite", "nopk_p2");
    let manifest =
        std::fs::read_to_string(std::path::Path::new(&p2).join("manifest.json")).unwrap();
    assert!(manifest.contains("\"rowid\""), "{manifest}");
    expect(
        &run(&["apply", &p1, "--url", &db.url, "--through", "contract"]),
        0,
    );
    conn(&db)
        .execute(&format!(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {ROWS})
             INSERT INTO t (a) SELECT 'row ' || i FROM n;"
        ))
        .unwrap();
    let o = run(&[
        "apply",
        &p2,
        "--url",
        &db.url,
        "--batch-size",
        "250",
        "--pause-ms",
        "0",
    ]);
    expect(&o, 0);
    let mut c = conn(&db);
    assert_eq!(
        number(c.as_mut(), "SELECT count(*) FROM t WHERE b = upper(a)"),
        ROWS
    );
    expect(&run(&["rollback", &p2, "--url", &db.url]), 0);
    assert_eq!(number(c.as_mut(), "SELECT count(*) FROM t"), ROWS);
    assert_eq!(
        number(
            c.as_mut(),
            "SELECT count(*) FROM pragma_table_info('t') WHERE name = 'b'"
        ),
        0
    );
}
