//! `migc apply`, `rollback` and `status` on PostgreSQL (`MIGC_TEST_POSTGRES_URL`; each test
//! makes its own scratch database and drops it): a generated plan applied step by step with its
//! backfill in batches from the manifest's batch form, rolled back with the state table
//! following; a backfill killed with SIGKILL part-way and resumed without losing or redoing a
//! row; a second concurrent run refused by the advisory lock; another session holding ACCESS
//! EXCLUSIVE longer than the lock timeout (the run retries, gives up cleanly without leaving an
//! invalid index, and completes once the lock is released).

mod apply_support;

use apply_support::*;

const ROWS: i64 = 3000;
const STEP: &str = "backfill.backfill.t";

fn server(test: &str) -> Option<String> {
    live("MIGC_TEST_POSTGRES_URL", test)
}

/// A scratch database at v1 with `ROWS` rows, and the plan to `to` (expand applied when
/// `expand`).
fn deployed(work: &Work, db: &Scratch, to: &str, expand: bool) -> String {
    let v1 = work.schema("v1", V1);
    let v2 = work.schema("v2", to);
    let p1 = work.plan("empty", &v1, "postgres", "p1");
    let p2 = work.plan(&v1, &v2, "postgres", "p2");
    expect(
        &run(&["apply", &p1, "--url", &db.url, "--through", "contract"]),
        0,
    );
    connect(&db.url)
        .execute(&format!(
            "INSERT INTO t (id, a) SELECT i, 'row ' || i FROM generate_series(1, {ROWS}) i"
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

#[test]
#[cfg_attr(
    not(live_postgres),
    ignore = "needs a PostgreSQL server: set MIGC_TEST_POSTGRES_URL"
)]
fn apply_and_rollback_step_by_step() {
    let Some(server) = server("apply_and_rollback_step_by_step") else {
        return;
    };
    let db = Scratch::new(&server);
    let work = Work::new();
    let p2 = deployed(&work, &db, V2, false);
    let o = run(&[
        "apply",
        &p2,
        "--url",
        &db.url,
        "--batch-size",
        "700",
        "--pause-ms",
        "0",
    ]);
    expect(&o, 0);
    let out = text(&o.stdout);
    assert!(out.contains("[1] add column"), "{out}");
    assert!(out.contains("stopped before contract"), "{out}");
    let mut c = connect(&db.url);
    assert_eq!(
        number(c.as_mut(), "SELECT count(*) FROM t WHERE b = upper(a)"),
        ROWS
    );
    let (status, checkpoint, done) = state_of(c.as_mut(), STEP).unwrap();
    assert_eq!((status.as_str(), done), ("done", ROWS));
    assert_eq!(
        checkpoint.as_deref(),
        Some(format!("[\"{ROWS}\"]").as_str())
    );
    // Every step of expand is recorded by id (the column, the trigger, each version's view of
    // `t`), and each phase as a whole.
    assert_eq!(
        number(
            c.as_mut(),
            "SELECT count(*) FROM migc_state WHERE phase = 'expand' AND label NOT LIKE 'empty %'"
        ),
        5
    );
    let status = text(&run(&["status", "--url", &db.url]).stdout);
    assert!(status.contains("backfill  applied"), "{status}");
    assert!(
        status.contains(&format!(
            "backfill {STEP}: {ROWS} of {ROWS} rows walked, last key ({ROWS}), done"
        )),
        "{status}"
    );
    let o = run(&["apply", &p2, "--url", &db.url, "--through", "contract"]);
    expect(&o, 0);
    assert!(
        text(&o.stdout).contains("expand: already applied"),
        "{}",
        show(&o)
    );
    assert_eq!(
        number(
            c.as_mut(),
            "SELECT count(*) FROM pg_trigger WHERE tgname = 'migc_sync_t'"
        ),
        0
    );

    expect(&run(&["rollback", &p2, "--url", &db.url]), 0);
    assert_eq!(
        number(
            c.as_mut(),
            "SELECT count(*) FROM information_schema.columns WHERE table_name = 't' AND column_name = 'b'"
        ),
        0
    );
    assert_eq!(number(c.as_mut(), "SELECT count(*) FROM t"), ROWS);
    assert_eq!(
        number(
            c.as_mut(),
            "SELECT count(*) FROM migc_state WHERE label NOT LIKE 'empty %'"
        ),
        0
    );
}

#[test]
#[cfg_attr(
    not(live_postgres),
    ignore = "needs a PostgreSQL server: set MIGC_TEST_POSTGRES_URL"
)]
fn a_killed_backfill_resumes_from_its_checkpoint() {
    let Some(server) = server("a_killed_backfill_resumes_from_its_checkpoint") else {
        return;
    };
    let db = Scratch::new(&server);
    let work = Work::new();
    let p2 = deployed(&work, &db, V2, true);
    let mut c = connect(&db.url);
    c.execute(
        "CREATE TABLE fills (id bigint NOT NULL);
         CREATE FUNCTION log_fill() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN INSERT INTO fills VALUES (NEW.id); RETURN NEW; END $$;
         CREATE TRIGGER fills_log AFTER UPDATE OF b ON t FOR EACH ROW
           WHEN (OLD.b IS NULL AND NEW.b IS NOT NULL) EXECUTE FUNCTION log_fill();",
    )
    .unwrap();
    kill_and_resume(
        &KilledBackfill {
            plan: &p2,
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
    let (status, _, done) = state_of(c.as_mut(), STEP).unwrap();
    assert_eq!((status.as_str(), done), ("done", ROWS));
}

#[test]
#[cfg_attr(
    not(live_postgres),
    ignore = "needs a PostgreSQL server: set MIGC_TEST_POSTGRES_URL"
)]
fn a_second_concurrent_run_is_refused() {
    let Some(server) = server("a_second_concurrent_run_is_refused") else {
        return;
    };
    let db = Scratch::new(&server);
    let work = Work::new();
    let p2 = deployed(&work, &db, V2, true);
    let slow = Spawned::start(&[
        "apply",
        &p2,
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
    let second = run(&["apply", &p2, "--url", &db.url]);
    let (code, out, err) = slow.finish();
    assert_eq!(code, Some(0), "{out}\n{err}");
    expect(&second, 2);
    assert!(
        text(&second.stderr).contains("another migc run holds the lock"),
        "{}",
        show(&second)
    );
    assert_eq!(
        number(c.as_mut(), "SELECT count(*) FROM t WHERE b = upper(a)"),
        ROWS
    );
}

/// `CREATE INDEX CONCURRENTLY` runs outside the scripts' retrying blocks, under the run's lock
/// timeout: with ACCESS EXCLUSIVE held by another session it retries, gives up after the bound
/// leaving no invalid index and the step unrecorded, and completes once the lock is released.
#[test]
#[cfg_attr(
    not(live_postgres),
    ignore = "needs a PostgreSQL server: set MIGC_TEST_POSTGRES_URL"
)]
fn a_held_lock_is_retried_then_given_up_cleanly_and_resumed() {
    let Some(server) = server("a_held_lock_is_retried_then_given_up_cleanly_and_resumed") else {
        return;
    };
    let db = Scratch::new(&server);
    let work = Work::new();
    let p2 = deployed(&work, &db, V1_INDEXED, false);
    let mut holder = connect(&db.url);
    holder
        .execute("BEGIN; LOCK TABLE t IN ACCESS EXCLUSIVE MODE;")
        .unwrap();
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
    assert!(err.contains("attempt 2 of 3; retrying"), "{err}");
    assert!(
        err.contains("gave up after 3 attempts to take a lock"),
        "{err}"
    );
    holder.execute("ROLLBACK").unwrap();
    let mut c = connect(&db.url);
    assert_eq!(
        number(
            c.as_mut(),
            "SELECT count(*) FROM pg_indexes WHERE indexname = 't_a_idx'"
        ),
        0
    );
    let status = text(&run(&["status", "--url", &db.url]).stdout);
    let ours = &status[status.find("v1 -> v2 (").expect("the plan is listed")..];
    assert!(
        ours.contains("expand    part-way (0 steps done)"),
        "{status}"
    );
    assert!(
        ours.contains("step expand.create_index.t.t_a_idx failed at"),
        "{status}"
    );

    holder
        .execute("BEGIN; LOCK TABLE t IN ACCESS EXCLUSIVE MODE;")
        .unwrap();
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
        number(
            c.as_mut(),
            "SELECT count(*) FROM pg_index WHERE indexrelid = 't_a_idx'::regclass AND indisvalid"
        ),
        1
    );
}

/// A step inside the scripts' retrying `DO` blocks (adding a column takes ACCESS EXCLUSIVE)
/// follows the run's `--lock-timeout` and `--retries` too: the run hands the block its timeout
/// and lets it try once, so three attempts of 100 ms give up within seconds. The block's own
/// defaults (2 s, ten attempts) would keep each of the run's attempts for over 20 s.
#[test]
#[cfg_attr(
    not(live_postgres),
    ignore = "needs a PostgreSQL server: set MIGC_TEST_POSTGRES_URL"
)]
fn retrying_blocks_follow_the_runs_lock_timeout_and_bound() {
    let Some(server) = server("retrying_blocks_follow_the_runs_lock_timeout_and_bound") else {
        return;
    };
    let db = Scratch::new(&server);
    let work = Work::new();
    let p2 = deployed(&work, &db, V2, false);
    let mut holder = connect(&db.url);
    holder
        .execute("BEGIN; LOCK TABLE t IN ACCESS EXCLUSIVE MODE;")
        .unwrap();
    let started = std::time::Instant::now();
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
    let took = started.elapsed();
    holder.execute("ROLLBACK").unwrap();
    expect(&o, 1);
    let err = text(&o.stderr);
    assert!(
        err.contains("gave up after 3 attempts to take a lock"),
        "{err}"
    );
    assert!(
        took < std::time::Duration::from_secs(15),
        "the run took {took:?}: the block kept its own timeout and attempts\n{err}"
    );
    let mut c = connect(&db.url);
    assert_eq!(
        number(
            c.as_mut(),
            "SELECT count(*) FROM information_schema.columns WHERE table_name = 't' AND column_name = 'b'"
        ),
        0
    );
    expect(&run(&["apply", &p2, "--url", &db.url]), 0);
    assert_eq!(
        number(c.as_mut(), "SELECT count(*) FROM t WHERE b = upper(a)"),
        ROWS
    );
}

/// Rolling back a widened `varchar` after the new application wrote a value only the wider type
/// holds: the rollback keeps the wider type (as the manifest says) and the row, where narrowing
/// back would fail with `value too long` and leave the rollback unable to finish.
#[test]
#[cfg_attr(
    not(live_postgres),
    ignore = "needs a PostgreSQL server: set MIGC_TEST_POSTGRES_URL"
)]
fn rolling_back_a_widening_keeps_the_new_applications_longer_values() {
    let Some(server) = server("rolling_back_a_widening_keeps_the_new_applications_longer_values")
    else {
        return;
    };
    let db = Scratch::new(&server);
    let work = Work::new();
    let v1 = work.schema(
        "v1",
        "table codes {\n  id bigint primary key\n  code varchar(4) not null\n}\n",
    );
    let v2 = work.schema(
        "v2",
        "table codes {\n  id bigint primary key\n  code varchar(12) not null\n}\n",
    );
    let p1 = work.plan("empty", &v1, "postgres", "p1");
    let p2 = work.plan(&v1, &v2, "postgres", "p2");
    expect(
        &run(&["apply", &p1, "--url", &db.url, "--through", "contract"]),
        0,
    );
    let manifest =
        std::fs::read_to_string(std::path::Path::new(&p2).join("manifest.json")).expect("manifest");
    assert!(
        manifest.contains("keeps the wider type (it was varchar(4))"),
        "{manifest}"
    );
    expect(
        &run(&["apply", &p2, "--url", &db.url, "--phase", "expand"]),
        0,
    );
    let mut c = connect(&db.url);
    c.execute("INSERT INTO codes VALUES (1, 'abc'), (2, 'longer-code')")
        .unwrap();
    expect(&run(&["rollback", &p2, "--url", &db.url]), 0);
    assert_eq!(
        value(c.as_mut(), "SELECT code FROM codes WHERE id = 2").as_deref(),
        Some("longer-code")
    );
    assert_eq!(
        value(
            c.as_mut(),
            "SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'codes'::regclass AND attname = 'code'"
        )
        .as_deref(),
        Some("character varying(12)")
    );
    // The plan applies again over the wider column.
    expect(
        &run(&["apply", &p2, "--url", &db.url, "--through", "contract"]),
        0,
    );
}

/// A run killed while `CREATE INDEX CONCURRENTLY` builds (a step that cannot commit together
/// with its row): `status` shows the step started and not finished, with the run's session
/// and the build's phase while it goes on, and once that session is gone the INVALID index it
/// left behind; `apply` then drops the index, builds it again and finishes.
#[test]
#[cfg_attr(
    not(live_postgres),
    ignore = "needs a PostgreSQL server: set MIGC_TEST_POSTGRES_URL"
)]
fn a_killed_index_build_shows_in_status_and_resumes() {
    let Some(server) = server("a_killed_index_build_shows_in_status_and_resumes") else {
        return;
    };
    let db = Scratch::new(&server);
    let work = Work::new();
    let p2 = deployed(&work, &db, V1_INDEXED, false);
    const INDEX_STEP: &str = "expand.create_index.t.t_a_idx";
    // A writer in an open transaction: the build waits for it once its index is in the
    // catalog (INVALID until built).
    let mut writer = connect(&db.url);
    writer
        .execute("BEGIN; INSERT INTO t (id, a) VALUES (0, 'writer')")
        .unwrap();
    let building = Spawned::start(&["apply", &p2, "--url", &db.url, "--lock-timeout", "120s"]);
    let mut c = connect(&db.url);
    wait_until("the build to wait for the writer", || {
        number(
            c.as_mut(),
            "SELECT count(*) FROM pg_stat_progress_create_index WHERE phase LIKE 'waiting for writers%'",
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
    let plan = doc["plans"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["label"] == "v1 -> v2")
        .expect("the plan is listed");
    let started = &plan["phases"][0]["started"];
    assert_eq!(started[0]["step"], INDEX_STEP, "{doc:#}");
    assert_eq!(started[0]["run_holds_lock"], true, "{doc:#}");
    let session = doc["active_run"]["session"]
        .as_str()
        .expect("the run's session")
        .to_string();
    assert!(
        doc["active_run"]["query"]
            .as_str()
            .is_some_and(|q| q.contains("CREATE INDEX CONCURRENTLY")),
        "{doc:#}"
    );
    assert!(
        doc["active_run"]["progress"]
            .as_str()
            .is_some_and(|p| p.contains("waiting for writers")),
        "{doc:#}"
    );
    assert_eq!(doc["invalid_indexes"][0]["name"], "t_a_idx", "{doc:#}");
    assert_eq!(doc["invalid_indexes"][0]["step"], INDEX_STEP, "{doc:#}");
    let human = status(false);
    for line in [
        &format!("    step {INDEX_STEP} started at "),
        "not finished (interrupted or still running)\n",
        "      a migc run holds the lock now (see below): it may still be running it\n",
        "      index public.t_a_idx on t is INVALID while it is built\n",
        &format!("a migc run is going on now: session {session}, active since "),
        "  progress: CREATE INDEX CONCURRENTLY: waiting for writers before build",
    ] {
        assert!(human.contains(line), "`{line}` in:\n{human}");
    }

    // Killed: its server session goes on waiting until it is ended, as an operator would.
    building.kill();
    c.execute(&format!("SELECT pg_terminate_backend({session})"))
        .unwrap();
    wait_until("the run's session to end", || {
        number(
            c.as_mut(),
            &format!("SELECT count(*) FROM pg_stat_activity WHERE pid = {session}"),
        ) == 0
    });
    writer.execute("ROLLBACK").unwrap();
    let doc: serde_json::Value = serde_json::from_str(&status(true)).unwrap();
    let plan = doc["plans"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["label"] == "v1 -> v2")
        .unwrap();
    assert_eq!(plan["phases"][0]["started"][0]["run_holds_lock"], false);
    assert_eq!(doc["active_run"], serde_json::Value::Null);
    assert_eq!(doc["invalid_indexes"][0]["step"], INDEX_STEP, "{doc:#}");
    let human = status(false);
    for line in [
        "      no migc run holds the lock: it was interrupted; a re-run starts it again\n",
        "      it left the INVALID index public.t_a_idx on t behind; a re-run drops it and builds it again\n",
    ] {
        assert!(human.contains(line), "`{line}` in:\n{human}");
    }
    assert!(!human.contains("a migc run is going on now"), "{human}");

    let o = run(&["apply", &p2, "--url", &db.url]);
    expect(&o, 0);
    assert_eq!(
        number(
            c.as_mut(),
            "SELECT count(*) FROM pg_index WHERE indexrelid = 't_a_idx'::regclass AND indisvalid"
        ),
        1
    );
    assert_eq!(
        state_of(c.as_mut(), INDEX_STEP)
            .map(|(s, _, _)| s)
            .as_deref(),
        Some("done")
    );
    let human = status(false);
    assert!(!human.contains("not finished"), "{human}");
    assert!(!human.contains("INVALID"), "{human}");
}
