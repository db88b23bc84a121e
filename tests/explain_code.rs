//! `migc explain-code`: every code's long description, and its example run through the real
//! binary to show that it triggers the code it explains.
//!
//! An example is the code blocks of the description's `## Example` section: a ```mig block is
//! checked with `migc check`; with a ```mig deployed (or ```json deployed, a snapshot) block it
//! is the declared side of `migc plan` from that deployed side (from `empty` when the declared
//! block names a dialect and there is no deployed block); a ```sql DIALECT block is imported
//! with `migc import`. A word after `mig` naming a dialect plans for it (PostgreSQL
//! otherwise).

use migc_grammar::Code;
use std::path::Path;
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
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// The code blocks of the `## Example` section: (info string, text).
fn example_blocks(text: &str) -> Vec<(String, String)> {
    let section = text
        .split("\n## Example\n")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .unwrap_or_default();
    let mut blocks = Vec::new();
    let mut lines = section.lines();
    while let Some(line) = lines.next() {
        let Some(info) = line.strip_prefix("```") else {
            continue;
        };
        let mut body = String::new();
        for l in lines.by_ref() {
            if l == "```" {
                break;
            }
            body.push_str(l);
            body.push('\n');
        }
        blocks.push((info.trim().to_string(), body));
    }
    blocks
}

/// Codes whose example cannot be run from a file: the reason is in their description.
const NOT_RUNNABLE: &[&str] = &[
    // A cycle comes only from a snapshot edited by hand: `migc check` refuses its source.
    "E2001",
];

/// Runs a code's example; returns its exit code and the codes it reported (from
/// `--format json`).
fn run_example(code: Code) -> (i32, Vec<String>) {
    let blocks = example_blocks(code.explanation());
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    let mut deployed = None;
    let mut declared = None;
    let mut dialect = None;
    let mut sql = None;
    for (info, body) in &blocks {
        let words: Vec<&str> = info.split_whitespace().collect();
        let named = words
            .iter()
            .find(|w| ["postgres", "mysql", "sqlite"].contains(w))
            .copied();
        match words.first().copied() {
            Some("mig") if words.contains(&"deployed") => {
                std::fs::write(d.join("deployed.mig"), body).unwrap();
                deployed = Some("deployed.mig");
            }
            Some("json") if words.contains(&"deployed") => {
                std::fs::write(d.join("deployed.json"), body).unwrap();
                deployed = Some("deployed.json");
            }
            Some("mig") => {
                // `␀` stands for a NUL character the text cannot show.
                std::fs::write(d.join("declared.mig"), body.replace('␀', "\0")).unwrap();
                declared = Some("declared.mig");
                dialect = named.or(dialect);
            }
            Some("sql") => {
                std::fs::write(d.join("dump.sql"), body).unwrap();
                sql = Some(named.expect("a ```sql block names its dialect"));
            }
            _ => {}
        }
    }
    let run = if let Some(dialect) = sql {
        migc(
            d,
            &[
                "import",
                "dump.sql",
                "--dialect",
                dialect,
                "-o",
                "out",
                "--format",
                "json",
            ],
        )
    } else if deployed.is_some() || dialect.is_some() {
        let from = deployed.unwrap_or("empty");
        let to =
            declared.unwrap_or_else(|| panic!("{code}: a deployed side without a declared one"));
        migc(
            d,
            &[
                "plan",
                "--from",
                from,
                "--to",
                to,
                "--dialect",
                dialect.unwrap_or("postgres"),
                "--out",
                "plan",
                "--format",
                "json",
            ],
        )
    } else {
        let file = declared.unwrap_or_else(|| panic!("{code}: no runnable example"));
        migc(d, &["check", file, "--format", "json"])
    };
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).unwrap_or_else(|e| {
        panic!(
            "{code}: not JSON ({e}):\n{}\n--- stderr:\n{}",
            run.stdout, run.stderr
        )
    });
    let codes: Vec<String> = doc["diagnostics"]
        .as_array()
        .map(|ds| {
            ds.iter()
                .filter_map(|d| d["code"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    (run.code, codes)
}

#[test]
fn every_example_triggers_its_code() {
    let mut failures = Vec::new();
    for &code in Code::ALL {
        if NOT_RUNNABLE.contains(&code.as_str()) {
            continue;
        }
        let (exit, codes) = run_example(code);
        if !codes.iter().any(|c| c == code.as_str()) {
            failures.push(format!("{code}: the example reports {codes:?}"));
        }
        // An error fails the run; a warning alone does not (W2002 comes with the E3001 of the
        // drop it may stand for).
        let only_warnings = codes.iter().all(|c| c.starts_with('W'));
        let expected = if only_warnings { 0 } else { 1 };
        if exit != expected {
            failures.push(format!("{code}: exit {exit} for {codes:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn explain_code_prints_the_description() {
    let dir = tempfile::tempdir().expect("temp dir");
    let run = migc(dir.path(), &["explain-code", "E1004"]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    assert_eq!(run.stdout, Code::UnknownType.explanation());
    assert!(run.stdout.starts_with("# E1004: unknown type\n"));
    // Any case, and through `check --explain`.
    let lower = migc(dir.path(), &["explain-code", "e1004"]);
    assert_eq!(lower.stdout, run.stdout);
    let check = migc(dir.path(), &["check", "--explain", "E1004"]);
    assert_eq!(
        (check.code, check.stdout.as_str()),
        (0, run.stdout.as_str())
    );
}

#[test]
fn explain_code_as_json() {
    let dir = tempfile::tempdir().expect("temp dir");
    for args in [
        &["explain-code", "W3001", "--format", "json"][..],
        &["check", "--explain", "W3001", "--format", "json"],
    ] {
        let run = migc(dir.path(), args);
        assert_eq!((run.code, run.stderr.as_str()), (0, ""));
        let doc: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
        assert_eq!(doc["code"], "W3001");
        assert_eq!(doc["level"], "warning");
        assert_eq!(doc["description"], Code::ValidationMayFail.explanation());
        assert_eq!(doc["summary"], Code::ValidationMayFail.description());
    }
}

#[test]
fn an_unknown_code_is_a_usage_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    for code in ["E9999", "", "nonsense\n::error::x"] {
        let run = migc(dir.path(), &["explain-code", code]);
        assert_eq!((run.code, run.stdout.as_str()), (2, ""), "{code:?}");
        assert!(
            run.stderr.starts_with("error: `") && run.stderr.contains("is not a diagnostic code"),
            "{}",
            run.stderr
        );
        assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    }
    let run = migc(dir.path(), &["explain-code", "E9999", "--format", "json"]);
    assert_eq!(run.code, 2);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(doc["error"]["exit_code"], 2);
    // `check --explain` with files to check is a usage error of its own.
    let run = migc(dir.path(), &["check", "--explain", "E1004", "a.mig"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
}

/// `migc explain DIR` still explains a plan directory.
#[test]
fn explain_of_a_plan_directory_is_unchanged() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    std::fs::write(d.join("v1.mig"), "table t {\n  id int64 primary key\n}\n").unwrap();
    let plan = migc(
        d,
        &[
            "plan",
            "--from",
            "empty",
            "--to",
            "v1.mig",
            "--dialect",
            "sqlite",
            "--out",
            "p",
        ],
    );
    assert_eq!(plan.code, 0, "{}", plan.stderr);
    let run = migc(d, &["explain", "p"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run
        .stdout
        .starts_with("# Migration plan: `empty` → `v1.mig` (sqlite)"));
}
