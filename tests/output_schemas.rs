//! Every JSON document migc prints or writes validates against its schema under `schemas/`:
//! each command run on real inputs (the examples, SQLite databases, a live server where the
//! output differs by dialect), error cases included.

mod import_support;

use import_support::{server, Scratch};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn migc(dir: &Path, args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_migc"))
        .args(args)
        .current_dir(dir)
        .env_remove("RUST_BACKTRACE")
        .output()
        .expect("run migc");
    Run {
        code: out.status.code().expect("migc exited by a signal"),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn example(path: &str) -> String {
    root().join("examples").join(path).display().to_string()
}

/// Checks `doc` against `schemas/<name>.schema.json` (and that the document names its own
/// format); returns it.
#[track_caller]
fn valid(name: &str, doc: &str) -> Value {
    let path = root().join("schemas").join(format!("{name}.schema.json"));
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())),
    )
    .expect("the schema is JSON");
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap_or_else(|e| panic!("{name}: the schema does not compile: {e}"));
    let value: Value =
        serde_json::from_str(doc).unwrap_or_else(|e| panic!("{name}: not JSON ({e}):\n{doc}"));
    let errors: Vec<String> = validator
        .iter_errors(&value)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{name}:\n{}\n{doc}", errors.join("\n"));
    value
}

/// A document of one format does not pass for another: the schemas are not vacuous.
#[test]
fn schemas_refuse_what_is_not_their_format() {
    let dir = tempfile::tempdir().expect("temp dir");
    let run = migc(dir.path(), &["explain-code", "E1004", "--format", "json"]);
    let doc = run.stdout;
    let value: Value = serde_json::from_str(&doc).expect("JSON");
    for name in [
        "migc-diagnostics-1",
        "migc-error-1",
        "migc-explain-1",
        "migc-plan-1",
        "migc-status-1",
        "migc-drift-1",
        "migc-snapshot-1",
        "migc-verify-1",
        "migc-progress-1",
        "migc-connect-1",
    ] {
        let path = root().join("schemas").join(format!("{name}.schema.json"));
        let schema: Value =
            serde_json::from_str(&std::fs::read_to_string(path).expect("schema")).expect("JSON");
        let validator = jsonschema::validator_for(&schema).expect("compiles");
        assert!(!validator.is_valid(&value), "{name} takes explain-code");
    }
    // A diagnostic missing its code.
    let broken = r#"{"format": "migc-diagnostics-1", "errors": 0, "warnings": 1,
        "diagnostics": [{"severity": "warning", "message": "m", "file": null, "line": null,
        "column": null, "labels": [], "notes": [], "help": null}]}"#;
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("schemas/migc-diagnostics-1.schema.json"))
            .expect("schema"),
    )
    .expect("JSON");
    let validator = jsonschema::validator_for(&schema).expect("compiles");
    assert!(!validator.is_valid(&serde_json::from_str(broken).expect("JSON")));
    // A progress line missing what its event carries (a finished step's duration), and one
    // of an event that does not exist.
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("schemas/migc-progress-1.schema.json"))
            .expect("schema"),
    )
    .expect("JSON");
    let validator = jsonschema::validator_for(&schema).expect("compiles");
    let line = r#"{"format": "migc-progress-1", "at": "2025-01-01T00:00:00.000Z",
        "event": "step_finished", "phase": "expand", "direction": "up", "step": "s",
        "number": 1, "summary": "x", "rows": null}"#;
    let mut value: Value = serde_json::from_str(line).expect("JSON");
    assert!(!validator.is_valid(&value));
    value["duration_ms"] = Value::from(3);
    assert!(validator.is_valid(&value));
    value["event"] = Value::from("step_exploded");
    assert!(!validator.is_valid(&value));
}

#[test]
fn check_fmt_and_snapshot() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    // A clean schema, and one with errors and warnings.
    let run = migc(d, &["check", &example("shop/v3"), "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let doc = valid("migc-diagnostics-1", &run.stdout);
    assert_eq!(doc["errors"], 0);
    let err = root().join("tests/data/err/warnings_and_errors.mig");
    let run = migc(d, &["check", err.to_str().unwrap(), "--format", "json"]);
    assert_eq!(run.code, 1);
    let doc = valid("migc-diagnostics-1", &run.stdout);
    assert!(doc["errors"].as_u64().unwrap() > 0 && doc["warnings"].as_u64().unwrap() > 0);
    // A syntax error found by fmt.
    std::fs::write(d.join("bad.mig"), "tabel t {}\n").unwrap();
    let run = migc(d, &["fmt", "bad.mig", "--format", "json"]);
    assert_eq!(run.code, 1);
    valid("migc-diagnostics-1", &run.stdout);
    // The snapshot itself, and one read back as a source.
    let run = migc(d, &["snapshot", &example("shop/v3")]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let doc = valid("migc-snapshot-1", &run.stdout);
    assert!(doc["schema"]["tables"]
        .as_object()
        .is_some_and(|t| !t.is_empty()));
    // The explanation of every code.
    for code in migc_grammar::Code::ALL {
        let run = migc(d, &["explain-code", code.as_str(), "--format", "json"]);
        assert_eq!(run.code, 0);
        valid("migc-explain-code-1", &run.stdout);
    }
}

/// Usage and I/O errors of every command that takes `--format json`.
#[test]
fn errors() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    let missing = format!("sqlite://{}", d.join("missing.db").display());
    for args in [
        &["check", "missing.mig", "--format", "json"][..],
        &["fmt", "missing.mig", "--format", "json"],
        &["snapshot", "missing.mig", "--format", "json"],
        &[
            "plan",
            "--from",
            "empty",
            "--to",
            "missing",
            "--dialect",
            "sqlite",
            "--out",
            "p",
            "--format",
            "json",
        ],
        &["explain", "no-plan", "--format", "json"],
        &["explain-code", "E0000", "--format", "json"],
        &["status", "--url", &missing, "--format", "json"],
        &[
            "drift", "--url", &missing, "--to", "x.mig", "--format", "json",
        ],
        &["import", &missing, "-o", "out", "--format", "json"],
        &[
            "verify", "--from", "empty", "--to", "missing", "--format", "json",
        ],
        &["connect", "no-plan", "--app", "new", "--format", "json"],
        &["apply", "no-plan", "--url", &missing, "--format", "json"],
        &["rollback", "no-plan", "--url", &missing, "--format", "json"],
    ] {
        let run = migc(d, args);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        if matches!(args[0], "apply" | "rollback") {
            // JSON lines: the error object is one line.
            assert_eq!(run.stdout.lines().count(), 1, "{args:?}: {}", run.stdout);
        }
        let doc = valid("migc-error-1", &run.stdout);
        assert_eq!(
            format!("error: {}\n", doc["error"]["message"].as_str().unwrap()),
            run.stderr,
            "{args:?}"
        );
    }
}

/// A plan, its manifest and review, applied to SQLite: status, drift, import and verify.
#[test]
fn plan_explain_status_drift_import_and_verify_on_sqlite() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    let (v2, v3) = (example("shop/v2"), example("shop/v3"));
    let run = migc(
        d,
        &[
            "plan",
            "--from",
            &v2,
            "--to",
            &v3,
            "--dialect",
            "sqlite",
            "--out",
            "p",
            "--format",
            "json",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let doc = valid("migc-diagnostics-1", &run.stdout);
    assert!(doc["plan"]["steps"].as_u64().unwrap() > 0);
    valid(
        "migc-plan-1",
        &std::fs::read_to_string(d.join("p/manifest.json")).unwrap(),
    );
    // `--check`: the plan's summary says it is up to date.
    let run = migc(
        d,
        &[
            "plan",
            "--from",
            &v2,
            "--to",
            &v3,
            "--dialect",
            "sqlite",
            "--out",
            "p",
            "--check",
            "--format",
            "json",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let doc = valid("migc-diagnostics-1", &run.stdout);
    assert_eq!(doc["plan"]["check"]["up_to_date"], true);
    // Errors of a plan.
    let run = migc(
        d,
        &[
            "plan",
            "--from",
            &v3,
            "--to",
            &v2,
            "--dialect",
            "sqlite",
            "--out",
            "q",
            "--format",
            "json",
        ],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    let doc = valid("migc-diagnostics-1", &run.stdout);
    assert!(doc.get("plan").is_none());

    let run = migc(d, &["explain", "p", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    valid("migc-explain-1", &run.stdout);

    // The deployed version built, then the plan's expand applied.
    let url = format!("sqlite://{}", d.join("shop.db").display());
    let run = migc(
        d,
        &[
            "plan",
            "--from",
            "empty",
            "--to",
            &v2,
            "--dialect",
            "sqlite",
            "--out",
            "deploy",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    for (plan, phase) in [("deploy", "contract"), ("p", "expand")] {
        let run = migc(d, &["apply", plan, "--url", &url, "--through", phase]);
        assert_eq!(run.code, 0, "{}", run.stderr);
    }
    let run = migc(d, &["status", "--url", &url, "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let doc = valid("migc-status-1", &run.stdout);
    assert_eq!(doc["plans"].as_array().map(Vec::len), Some(2));

    // Mid-rollout the database matches neither version: differences.
    let run = migc(
        d,
        &["drift", "--url", &url, "--to", &v3, "--format", "json"],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    let doc = valid("migc-drift-1", &run.stdout);
    assert!(!doc["differences"].as_array().unwrap().is_empty());
    let run = migc(d, &["import", &url, "-o", "imported", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    valid("migc-diagnostics-1", &run.stdout);

    let run = migc(
        d,
        &[
            "verify", "--from", &v2, "--to", &v3, "--rows", "3", "--format", "json",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let doc = valid("migc-verify-1", &run.stdout);
    assert_eq!(doc["phases"].as_array().map(Vec::len), Some(4));
    assert_eq!(doc["violations"], serde_json::json!([]));
    // Errors in its input: the diagnostics document.
    let err = root().join("tests/data/err/unknown_types.mig");
    let run = migc(
        d,
        &[
            "verify",
            "--from",
            "empty",
            "--to",
            err.to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    valid("migc-diagnostics-1", &run.stdout);
}

/// The documents that read a server: the same schemas on PostgreSQL.
#[test]
#[cfg_attr(
    not(live_postgres),
    ignore = "needs a PostgreSQL server: set MIGC_TEST_POSTGRES_URL"
)]
fn status_drift_and_import_on_postgres() {
    let Some(admin) = server("MIGC_TEST_POSTGRES_URL", "output_schemas_postgres") else {
        return;
    };
    let db = Scratch::new(&admin, "migc_output_schemas_pg");
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    let (v2, v3) = (example("shop/v2"), example("shop/v3"));
    for (from, to, out) in [("empty", v2.as_str(), "deploy"), (&v2, &v3, "p")] {
        let run = migc(
            d,
            &[
                "plan",
                "--from",
                from,
                "--to",
                to,
                "--dialect",
                "postgres",
                "--out",
                out,
            ],
        );
        assert_eq!(run.code, 0, "{}", run.stderr);
    }
    valid(
        "migc-plan-1",
        &std::fs::read_to_string(d.join("p/manifest.json")).unwrap(),
    );
    for (plan, phase) in [("deploy", "contract"), ("p", "expand")] {
        let run = migc(d, &["apply", plan, "--url", &db.url, "--through", phase]);
        assert_eq!(run.code, 0, "{}", run.stderr);
    }
    let run = migc(d, &["status", "--url", &db.url, "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    valid("migc-status-1", &run.stdout);
    let run = migc(
        d,
        &["drift", "--url", &db.url, "--to", &v3, "--format", "json"],
    );
    assert!(run.code <= 1, "{}", run.stderr);
    valid("migc-drift-1", &run.stdout);
    let run = migc(
        d,
        &["import", &db.url, "-o", "imported", "--format", "json"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    valid("migc-diagnostics-1", &run.stdout);
}

/// Each line of `apply`/`rollback --format json`, checked against `migc-progress-1`.
#[track_caller]
fn progress(stdout: &str) -> Vec<Value> {
    assert!(!stdout.trim().is_empty(), "no progress printed");
    stdout
        .lines()
        .map(|line| valid("migc-progress-1", line))
        .collect()
}

/// The events of the lines, in order.
fn events(lines: &[Value]) -> Vec<&str> {
    lines.iter().filter_map(|l| l["event"].as_str()).collect()
}

/// The lines of one event.
fn of<'a>(lines: &'a [Value], event: &str) -> Vec<&'a Value> {
    lines.iter().filter(|l| l["event"] == event).collect()
}

const T_V1: &str = "table t {\n  id bigint primary key\n  a  text   not null\n}\n";
/// v1 plus a column computed from `a` (a backfill) and an index (built CONCURRENTLY on
/// PostgreSQL, outside any transaction).
const T_V2: &str = "table t {\n  id bigint primary key\n  a  text   not null\n  b  text   null from a up (upper(a))\n  index t_a_idx (a)\n}\n";
const T_ROWS: usize = 250;

/// Writes the schemas `v1` and `v2` and the plans `deploy` (empty to v1) and `p` (v1 to v2)
/// for `dialect` under `d`.
fn t_plans(d: &Path, dialect: &str) {
    for (name, text) in [("v1", T_V1), ("v2", T_V2)] {
        std::fs::create_dir_all(d.join(name)).unwrap();
        std::fs::write(d.join(name).join("t.mig"), text).unwrap();
    }
    for (from, to, out) in [("empty", "v1", "deploy"), ("v1", "v2", "p")] {
        let run = migc(
            d,
            &[
                "plan",
                "--from",
                from,
                "--to",
                to,
                "--dialect",
                dialect,
                "--out",
                out,
            ],
        );
        assert_eq!(run.code, 0, "{}", run.stderr);
    }
}

/// Deploys v1 with `T_ROWS` rows, then checks the progress of `p`: applied up to its gate in
/// batches, a dry run of contract, applied again (every phase skipped), rolled back. Every line
/// validates; the events say what happened, in order.
fn apply_and_rollback_progress(d: &Path, url: &str) {
    let run = migc(
        d,
        &[
            "apply",
            "deploy",
            "--url",
            url,
            "--through",
            "contract",
            "--format",
            "json",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stderr, "", "JSON lines leave standard error alone");
    let lines = progress(&run.stdout);
    let ev = events(&lines);
    assert_eq!(ev.first(), Some(&"plan_started"), "{ev:?}");
    assert_eq!(ev.last(), Some(&"plan_finished"), "{ev:?}");
    assert_eq!(of(&lines, "phase_finished").len(), 4, "{ev:?}");
    assert_eq!(lines.last().unwrap()["phases"], 4);
    let mut c = migc_db::connect(&migc_db::DbUrl::parse(url).unwrap()).expect("connect");
    for i in 1..=T_ROWS {
        c.execute(&format!("INSERT INTO t (id, a) VALUES ({i}, 'row {i}')"))
            .expect("insert");
    }
    drop(c);

    let run = migc(
        d,
        &[
            "apply",
            "p",
            "--url",
            url,
            "--batch-size",
            "100",
            "--pause-ms",
            "0",
            "--format",
            "json",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let lines = progress(&run.stdout);
    let ev = events(&lines);
    assert_eq!(ev.first(), Some(&"plan_started"), "{ev:?}");
    assert_eq!(lines[0]["command"], "apply");
    assert_eq!(lines[0]["label"], "v1 -> v2");
    let phases: Vec<&str> = of(&lines, "phase_started")
        .iter()
        .map(|l| l["phase"].as_str().unwrap())
        .collect();
    assert_eq!(phases, ["expand", "backfill", "switch"], "{ev:?}");
    // Every step that starts finishes, in the order it started.
    let started: Vec<&Value> = of(&lines, "step_started")
        .into_iter()
        .map(|l| &l["step"])
        .collect();
    let finished: Vec<&Value> = of(&lines, "step_finished")
        .into_iter()
        .map(|l| &l["step"])
        .collect();
    assert!(!started.is_empty());
    assert_eq!(started, finished);
    // The backfill walked every row in batches of 100, each batch's checkpoint reported.
    let batches = of(&lines, "backfill_batch");
    let rows: Vec<u64> = batches
        .iter()
        .map(|b| b["rows"].as_u64().unwrap())
        .collect();
    assert_eq!(rows, [100, 100, 50], "{ev:?}");
    assert_eq!(batches.last().unwrap()["rows_done"], T_ROWS);
    assert_eq!(
        batches.last().unwrap()["last_key"],
        serde_json::json!([T_ROWS.to_string()])
    );
    let walk = of(&lines, "backfill_started");
    assert_eq!(walk.len(), 1, "{ev:?}");
    assert_eq!(walk[0]["rows_total"], T_ROWS);
    assert_eq!(walk[0]["resumed_after"], Value::Null);
    let filled = of(&lines, "step_finished")
        .into_iter()
        .find(|l| l["step"] == "backfill.backfill.t")
        .expect("the backfill step finished");
    assert_eq!(filled["rows"], T_ROWS);
    let last = lines.last().unwrap();
    assert_eq!(last["event"], "plan_finished");
    assert_eq!(last["phases"], 3);
    assert_eq!(last["stopped_before"], "contract");
    assert!(last["gate"].as_str().is_some_and(|g| !g.is_empty()));

    // A dry run: what would run, nothing run.
    let run = migc(
        d,
        &[
            "apply",
            "p",
            "--url",
            url,
            "--phase",
            "contract",
            "--dry-run",
            "--format",
            "json",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let lines = progress(&run.stdout);
    assert_eq!(lines[0]["dry_run"], true);
    assert!(!of(&lines, "would_run").is_empty());
    assert!(of(&lines, "phase_started").is_empty());

    // Again: every phase is applied.
    let run = migc(d, &["apply", "p", "--url", url, "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let lines = progress(&run.stdout);
    assert_eq!(
        events(&lines),
        [
            "plan_started",
            "phase_skipped",
            "phase_skipped",
            "phase_skipped",
            "plan_finished"
        ]
    );

    let run = migc(d, &["rollback", "p", "--url", url, "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let lines = progress(&run.stdout);
    let down: Vec<(&str, &str)> = of(&lines, "phase_started")
        .iter()
        .map(|l| {
            (
                l["phase"].as_str().unwrap(),
                l["direction"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        down,
        [("switch", "down"), ("backfill", "down"), ("expand", "down")]
    );
    let last = lines.last().unwrap();
    assert_eq!(
        (&last["event"], &last["command"], &last["phases"]),
        (
            &Value::from("plan_finished"),
            &Value::from("rollback"),
            &Value::from(3)
        )
    );
}

/// A plan refused (a script changed) ends its lines with `plan_stopped` and exit 1; a URL that
/// is not one is a `migc-error-1` line and exit 2.
fn refusals(d: &Path, url: &str) {
    let edited = d.join("edited");
    std::fs::create_dir_all(&edited).unwrap();
    for entry in std::fs::read_dir(d.join("p")).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), edited.join(entry.file_name())).unwrap();
    }
    let script = edited.join("01-expand.up.sql");
    let text = std::fs::read_to_string(&script).unwrap();
    std::fs::write(&script, format!("{text}\n-- edited by hand\n")).unwrap();
    let run = migc(d, &["apply", "edited", "--url", url, "--format", "json"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let lines = progress(&run.stdout);
    let last = lines.last().unwrap();
    assert_eq!(last["event"], "plan_stopped");
    assert_eq!(last["error"]["exit_code"], 1);
    assert_eq!(
        format!("error: {}\n", last["error"]["message"].as_str().unwrap()),
        run.stderr
    );
    let run = migc(
        d,
        &["apply", "p", "--url", "nowhere://x", "--format", "json"],
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_eq!(run.stdout.lines().count(), 1, "{}", run.stdout);
    valid("migc-error-1", &run.stdout);
}

#[test]
fn apply_and_rollback_progress_on_sqlite() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    t_plans(d, "sqlite");
    let url = format!("sqlite://{}", d.join("t.db").display());
    apply_and_rollback_progress(d, &url);
    refusals(d, &url);
}

/// A step recorded started and never finished (a run killed in a step that cannot commit with
/// its row): `status` shows it, in both forms. SQLite's phases commit whole, so the row is
/// written here as such a run leaves it.
#[test]
fn status_shows_a_started_step() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    t_plans(d, "sqlite");
    let url = format!("sqlite://{}", d.join("t.db").display());
    let run = migc(
        d,
        &["apply", "deploy", "--url", &url, "--through", "contract"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut c = migc_db::connect(&migc_db::DbUrl::parse(&url).unwrap()).expect("connect");
    c.execute(
        "INSERT INTO migc_state (plan, label, phase, step, status, rows_done, updated_at) \
         VALUES ('0123456789abcdef', 'v1 -> v2', 'expand', 'expand.create_index.t.t_a_idx', \
         'started', 0, '2030-01-02 03:04:05')",
    )
    .expect("insert");
    drop(c);
    let run = migc(d, &["status", "--url", &url, "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let doc = valid("migc-status-1", &run.stdout);
    let plan = doc["plans"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["plan"] == "0123456789abcdef")
        .expect("the plan is listed");
    assert_eq!(plan["phases"][0]["state"], "part_way");
    assert_eq!(
        plan["phases"][0]["started"],
        serde_json::json!([{
            "step": "expand.create_index.t.t_a_idx",
            "at": "2030-01-02 03:04:05",
            "run_holds_lock": null
        }])
    );
    assert_eq!(doc["active_run"], Value::Null);
    assert_eq!(doc["invalid_indexes"], serde_json::json!([]));
    let run = migc(d, &["status", "--url", &url]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains(
            "    step expand.create_index.t.t_a_idx started at 2030-01-02 03:04:05, not finished (interrupted or still running)\n"
        ),
        "{}",
        run.stdout
    );
}

#[test]
fn connect_as_json() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    t_plans(d, "sqlite");
    let run = migc(d, &["connect", "p", "--app", "new", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let doc = valid("migc-connect-1", &run.stdout);
    assert_eq!(doc["dialect"], "sqlite");
    assert_eq!(doc["namespace"], Value::Null);
    assert_eq!(doc["session"], serde_json::json!([]));
    assert_eq!(doc["notes"].as_array().map(Vec::len), Some(1));

    let (v1, v2) = (d.join("v1"), d.join("v2"));
    let run = migc(
        d,
        &[
            "plan",
            "--from",
            v1.to_str().unwrap(),
            "--to",
            v2.to_str().unwrap(),
            "--dialect",
            "postgres",
            "--out",
            "pg",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let manifest: Value =
        serde_json::from_str(&std::fs::read_to_string(d.join("pg/manifest.json")).unwrap())
            .unwrap();
    for app in ["old", "new"] {
        let run = migc(
            d,
            &[
                "connect",
                "pg",
                "--app",
                app,
                "--format",
                "json",
                "--url",
                "postgres://app:s3cr3t@db/shop",
            ],
        );
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert!(!run.stdout.contains("s3cr3t"), "{}", run.stdout);
        let doc = valid("migc-connect-1", &run.stdout);
        assert_eq!(doc["app"], app);
        assert_eq!(doc["namespace"], manifest["apps"][app]["namespace"]);
        assert_eq!(doc["session"], manifest["apps"][app]["session"]);
        assert_eq!(doc["startup"]["variable"], "PGOPTIONS");
        // The same as the other formats print.
        for (format, field) in [("url", &doc["url"]), ("env", &Value::Null)] {
            let mut args = vec!["connect", "pg", "--app", app, "--format", format];
            if format == "url" {
                args.extend(["--url", "postgres://app:s3cr3t@db/shop"]);
            }
            let other = migc(d, &args);
            assert_eq!(other.code, 0, "{}", other.stderr);
            match format {
                "url" => assert_eq!(Some(other.stdout.trim()), field.as_str()),
                _ => assert_eq!(
                    other.stdout.trim(),
                    format!(
                        "PGOPTIONS='{}'",
                        doc["startup"]["options"].as_str().unwrap()
                    )
                ),
            }
        }
    }
}

/// The same lines on PostgreSQL, where steps run one by one (an index built CONCURRENTLY
/// among them), with a lock held by another session: the run's lock waits, the failed step
/// and `plan_stopped`, then the run resumed to the end and rolled back step by step.
#[test]
#[cfg_attr(
    not(live_postgres),
    ignore = "needs a PostgreSQL server: set MIGC_TEST_POSTGRES_URL"
)]
fn apply_and_rollback_progress_on_postgres() {
    let Some(admin) = server(
        "MIGC_TEST_POSTGRES_URL",
        "apply_and_rollback_progress_on_postgres",
    ) else {
        return;
    };
    let db = Scratch::new(&admin, "migc_output_schemas_progress_pg");
    progress_on_a_server(
        &db.url,
        "postgres",
        "BEGIN; LOCK TABLE t IN ACCESS EXCLUSIVE MODE;",
    );
}

#[test]
#[cfg_attr(
    not(live_mysql),
    ignore = "needs a MySQL/MariaDB server: set MIGC_TEST_MYSQL_URL"
)]
fn apply_and_rollback_progress_on_mysql() {
    let Some(admin) = server(
        "MIGC_TEST_MYSQL_URL",
        "apply_and_rollback_progress_on_mysql",
    ) else {
        return;
    };
    let db = Scratch::new(&admin, "migc_output_schemas_progress_my");
    // An open transaction that read `t` holds its metadata lock: DDL on `t` waits for it.
    progress_on_a_server(&db.url, "mysql", "BEGIN; SELECT count(*) FROM t;");
}

fn progress_on_a_server(url: &str, dialect: &str, hold: &str) {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    t_plans(d, dialect);
    let run = migc(
        d,
        &["apply", "deploy", "--url", url, "--through", "contract"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);

    let mut holder = migc_db::connect(&migc_db::DbUrl::parse(url).unwrap()).expect("connect");
    holder.execute(hold).expect("hold a lock");
    let run = migc(
        d,
        &[
            "apply",
            "p",
            "--url",
            url,
            "--lock-timeout",
            "1s",
            "--retries",
            "1",
            "--format",
            "json",
        ],
    );
    holder.execute("ROLLBACK").expect("release");
    drop(holder);
    assert_eq!(run.code, 1, "{}\n{}", run.stdout, run.stderr);
    let lines = progress(&run.stdout);
    let ev = events(&lines);
    let waits = of(&lines, "lock_wait");
    assert_eq!(waits.len(), 1, "{ev:?}");
    assert_eq!(
        (&waits[0]["attempt"], &waits[0]["attempts"]),
        (&Value::from(1), &Value::from(2))
    );
    let failed = of(&lines, "step_failed");
    assert_eq!(failed.len(), 1, "{ev:?}");
    assert_eq!(failed[0]["error"]["exit_code"], 1);
    assert_eq!(ev.last(), Some(&"plan_stopped"), "{ev:?}");

    apply_and_rollback_progress_after_failure(d, url);
}

/// Runs `p` to its gate and rolls it back, checking the lines: down steps carry the ids of
/// their up steps.
fn apply_and_rollback_progress_after_failure(d: &Path, url: &str) {
    let run = migc(d, &["apply", "p", "--url", url, "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let lines = progress(&run.stdout);
    let up: std::collections::BTreeMap<u64, String> = of(&lines, "step_started")
        .iter()
        .filter_map(|l| Some((l["number"].as_u64()?, l["step"].as_str()?.to_string())))
        .collect();
    assert!(
        up.values().any(|s| s == "expand.create_index.t.t_a_idx"),
        "{up:?}"
    );
    assert_eq!(lines.last().unwrap()["stopped_before"], "contract");
    let run = migc(d, &["rollback", "p", "--url", url, "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let lines = progress(&run.stdout);
    let down = of(&lines, "step_finished");
    assert!(!down.is_empty());
    for l in down {
        assert_eq!(l["direction"], "down");
        let n = l["number"].as_u64().expect("a down step's number");
        if let Some(id) = up.get(&n) {
            assert_eq!(l["step"], id.as_str());
        }
    }
}
