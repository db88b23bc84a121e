//! Every generated PostgreSQL script (the golden plans of the examples) passes `squawk` with no
//! safety finding. The rules excluded below are deliberate; README.md ("squawk") says why.
//!
//! squawk comes from PyPI (`pip install squawk-cli`). Without it the test is skipped with a
//! note, except in CI (`CI=true`), where it must be there.

use std::path::{Path, PathBuf};
use std::process::Command;

/// Rules migc does not follow, on purpose (see README.md).
const EXCLUDED: &[&str] = &[
    // Contract and rollback scripts remove the old shape after the gate; migc's own lint
    // (E3001) makes the author acknowledge every drop of data.
    "ban-drop-table",
    "ban-drop-view",
    "ban-drop-type",
    "ban-drop-function",
    "ban-drop-extension",
    // Type choices of the declared schema, not properties of the migration.
    "prefer-bigint-over-int",
    "prefer-bigint-over-smallint",
    "prefer-text-field",
];

fn scripts(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            scripts(&p, out);
        } else if p.extension().is_some_and(|e| e == "sql")
            && p.to_string_lossy().contains("/postgres/")
        {
            out.push(p);
        }
    }
}

#[test]
fn generated_postgres_scripts_pass_squawk() {
    let available = Command::new("squawk")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !available {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "squawk is not installed (pip install squawk-cli)"
        );
        eprintln!("note: squawk is not installed; skipping (pip install squawk-cli)");
        return;
    }
    let mut files = Vec::new();
    scripts(
        &PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden/plans"),
        &mut files,
    );
    assert!(!files.is_empty(), "no generated scripts found");
    let output = Command::new("squawk")
        .arg("--exclude")
        .arg(EXCLUDED.join(","))
        .args(&files)
        .env("NO_COLOR", "1")
        .output()
        .expect("squawk runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "squawk found issues in generated scripts:\n{stdout}\n{stderr}"
    );
}
