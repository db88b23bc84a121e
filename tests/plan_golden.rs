//! Golden plans: every consecutive pair of every example chain (and `empty` to its first
//! version) is planned for each dialect migc lowers to, and the written files must equal the
//! snapshots under `tests/golden/plans/<chain>/<from>-<to>/<dialect>/`.
//!
//! A pair a dialect cannot plan (exit 1: a function it has no spelling for) has its
//! diagnostics as the snapshot, `errors.txt`.
//!
//! `MIGC_BLESS=1 cargo test --test plan_golden` rewrites the snapshots. Snapshot directories
//! that no example pair produces anymore fail the test.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

const DIALECTS: &[&str] = &["postgres", "mysql", "sqlite"];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// (chain, from label, from source, to version) for every planned pair, sorted.
fn pairs() -> Vec<(String, String, String, String)> {
    let mut out = Vec::new();
    let mut chains: Vec<PathBuf> = std::fs::read_dir(root().join("examples"))
        .expect("examples/ exists")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    chains.sort();
    for chain in chains {
        let name = chain
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let mut versions: Vec<String> = std::fs::read_dir(&chain)
            .expect("readable chain")
            .filter_map(Result::ok)
            .filter(|e| e.path().is_dir())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|v| v.starts_with('v'))
            .collect();
        versions.sort_by_key(|v| v[1..].parse::<u32>().unwrap_or(u32::MAX));
        let mut previous: Option<String> = None;
        for v in versions {
            let (label, source) = match &previous {
                None => ("empty".to_string(), "empty".to_string()),
                Some(p) => (p.clone(), format!("examples/{name}/{p}")),
            };
            out.push((name.clone(), label, source, v.clone()));
            previous = Some(v);
        }
    }
    out
}

fn read_dir_files(dir: &Path) -> BTreeMap<String, String> {
    let mut files = BTreeMap::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.filter_map(Result::ok) {
            let name = e.file_name().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(e.path()).expect("snapshot is UTF-8");
            files.insert(name, text);
        }
    }
    files
}

fn plan(source: &str, to: &str, dialect: &str, out: &Path) -> BTreeMap<String, String> {
    let output = Command::new(env!("CARGO_BIN_EXE_migc"))
        .current_dir(root())
        .args([
            "plan",
            "--from",
            source,
            "--to",
            to,
            "--dialect",
            dialect,
            "--out",
        ])
        .arg(out)
        .output()
        .expect("migc runs");
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    if output.status.code() == Some(1) {
        // The change cannot be planned for this dialect (a function it has no spelling for):
        // the diagnostics are the snapshot.
        return BTreeMap::from([("errors.txt".to_string(), stderr)]);
    }
    assert!(
        output.status.success(),
        "planning {source} -> {to} for {dialect} failed:\n{stderr}"
    );
    read_dir_files(out)
}

#[test]
fn example_plans_match_their_snapshots() {
    let bless = std::env::var_os("MIGC_BLESS").is_some();
    let golden = root().join("tests/golden/plans");
    let tmp = tempfile::tempdir().expect("temp dir");
    let mut expected_dirs = Vec::new();
    let mut failures = Vec::new();
    for (chain, label, source, version) in pairs() {
        for dialect in DIALECTS {
            let rel = format!("{chain}/{label}-{version}/{dialect}");
            let out = tmp.path().join(rel.replace('/', "_"));
            let to = format!("examples/{chain}/{version}");
            let files = plan(&source, &to, dialect, &out);
            // Same inputs, same bytes.
            let again = plan(&source, &to, dialect, &tmp.path().join("again"));
            assert_eq!(files, again, "{rel}: two runs gave different output");
            let dir = golden.join(&rel);
            expected_dirs.push(dir.clone());
            if bless {
                let _ = std::fs::remove_dir_all(&dir);
                std::fs::create_dir_all(&dir).expect("create snapshot dir");
                for (name, text) in &files {
                    std::fs::write(dir.join(name), text).expect("write snapshot");
                }
                continue;
            }
            let snapshot = read_dir_files(&dir);
            if snapshot.is_empty() {
                failures.push(format!(
                    "{rel}: no snapshot; run `MIGC_BLESS=1 cargo test --test plan_golden`"
                ));
                continue;
            }
            for (name, text) in &files {
                match snapshot.get(name) {
                    None => failures.push(format!("{rel}/{name}: not in the snapshot")),
                    Some(s) if s != text => {
                        failures.push(format!("{rel}/{name}: differs from the snapshot"))
                    }
                    Some(_) => {}
                }
            }
            for name in snapshot.keys() {
                if !files.contains_key(name) {
                    failures.push(format!(
                        "{rel}/{name}: in the snapshot but no longer written"
                    ));
                }
            }
        }
    }
    // No snapshot without an example pair.
    if golden.exists() && !bless {
        for chain in std::fs::read_dir(&golden)
            .expect("golden dir")
            .filter_map(Result::ok)
        {
            for pair in std::fs::read_dir(chain.path())
                .expect("chain dir")
                .filter_map(Result::ok)
            {
                for dialect in std::fs::read_dir(pair.path())
                    .expect("pair dir")
                    .filter_map(Result::ok)
                {
                    if !expected_dirs.contains(&dialect.path()) {
                        failures.push(format!(
                            "{}: no example pair produces it",
                            dialect.path().display()
                        ));
                    }
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "golden plans:\n{}",
        failures.join("\n")
    );
}

#[test]
fn check_reports_a_stale_plan_directory() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = tmp.path().join("plan");
    let run = |extra: &[&str]| {
        let mut args = vec![
            "plan",
            "--from",
            "examples/shop/v1",
            "--to",
            "examples/shop/v2",
            "--dialect",
            "postgres",
        ];
        args.extend(extra);
        args.push("--out");
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_migc"));
        cmd.current_dir(root());
        cmd.args(&args).arg(&out);
        cmd.output().expect("migc runs")
    };
    let check = |extra: &[&str]| {
        let mut e = vec!["--check"];
        e.extend(extra);
        run(&e)
    };
    assert_eq!(
        check(&[]).status.code(),
        Some(1),
        "a missing directory is stale"
    );
    assert!(run(&[]).status.success());
    let fresh = check(&[]);
    assert_eq!(
        fresh.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&fresh.stdout)
    );
    std::fs::write(out.join("02-backfill.up.sql"), "-- edited\n").expect("edit");
    let stale = check(&[]);
    assert_eq!(stale.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&stale.stdout).contains("02-backfill.up.sql differs"));
    // Regenerating puts it right.
    assert!(run(&[]).status.success());
    assert_eq!(check(&[]).status.code(), Some(0));
    // A file that is not part of a plan makes it a directory migc does not replace: refused,
    // and left as it was.
    std::fs::write(out.join("NOTES.md"), "mine\n").expect("write");
    std::fs::write(out.join("02-backfill.up.sql"), "-- edited\n").expect("edit");
    let refused = run(&[]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("NOTES.md"));
    assert_eq!(
        std::fs::read_to_string(out.join("NOTES.md")).expect("kept"),
        "mine\n"
    );
    assert_eq!(
        std::fs::read_to_string(out.join("02-backfill.up.sql")).expect("kept"),
        "-- edited\n"
    );
}
