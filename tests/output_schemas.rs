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
    ] {
        let run = migc(d, args);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
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
