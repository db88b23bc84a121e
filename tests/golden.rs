//! Golden tests discovered from files (sbdchd/squawk:crates/squawk_parser/tests/tests.rs).
//!
//! - `tests/data/ok/<name>.mig` (or a directory `tests/data/ok/<name>/` of `.mig` files forming
//!   one schema) must compile without any diagnostic, not even a warning.
//! - `tests/data/err/<name>.mig` (or a directory) must produce diagnostics; their rendered text,
//!   as `migc check` prints it on standard error, is compared with `tests/data/err/<name>.stderr`.
//!
//! Adding a case needs no Rust: write the `.mig` file, then run
//! `MIGC_BLESS=1 cargo test --test golden` to write its snapshot, and read the snapshot.

use migc_grammar::{Code, Diagnostic, FileId, Sources};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

const OK: &str = "tests/data/ok";
const ERR: &str = "tests/data/err";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn blessing() -> bool {
    std::env::var_os("MIGC_BLESS").is_some_and(|v| !v.is_empty() && v != "0")
}

/// One case: a `.mig` file, or a directory whose `.mig` files form one schema.
struct Case {
    name: String,
    /// Each file with the name it is reported under (relative to the package, `/`-separated,
    /// so that snapshots do not depend on where the repository is checked out).
    files: Vec<(String, PathBuf)>,
}

fn cases(dir: &str) -> Vec<Case> {
    let mut out = Vec::new();
    for path in entries(&root().join(dir)) {
        let Some(file_name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        if path.is_dir() {
            let files: Vec<(String, PathBuf)> = entries(&path)
                .into_iter()
                .filter(|p| p.extension().is_some_and(|e| e == "mig"))
                .map(|p| {
                    let shown = format!(
                        "{dir}/{file_name}/{}",
                        p.file_name().unwrap().to_string_lossy()
                    );
                    (shown, p)
                })
                .collect();
            assert!(!files.is_empty(), "{dir}/{file_name}/ holds no .mig file");
            out.push(Case {
                name: file_name.to_string(),
                files,
            });
        } else if let Some(stem) = file_name.strip_suffix(".mig") {
            out.push(Case {
                name: stem.to_string(),
                files: vec![(format!("{dir}/{file_name}"), path.clone())],
            });
        }
    }
    out
}

/// A directory's entries, sorted.
fn entries(dir: &Path) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .collect();
    paths.sort();
    paths
}

fn compile(case: &Case) -> (Sources, Vec<Diagnostic>) {
    let mut sources = Sources::new();
    let files: Vec<FileId> = case
        .files
        .iter()
        .map(|(shown, path)| {
            let text = std::fs::read_to_string(path)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
            sources.add(shown.clone(), text)
        })
        .collect();
    let compiled = migc_compiler::compile(&mut sources, &files);
    (sources, compiled.diagnostics)
}

/// What `migc check` prints on standard error.
fn rendered(sources: &Sources, diagnostics: &[Diagnostic]) -> String {
    let mut text = migc::render::human(sources, diagnostics);
    if let Some(summary) = migc::render::summary(diagnostics) {
        let _ = writeln!(text, "{summary} emitted");
    }
    text
}

#[test]
fn ok_cases_compile_without_diagnostics() {
    let cases = cases(OK);
    assert!(
        cases.len() >= 10,
        "expected at least 10 ok cases, found {}",
        cases.len()
    );
    let mut failures = String::new();
    for case in &cases {
        let (sources, diagnostics) = compile(case);
        if !diagnostics.is_empty() {
            let _ = writeln!(
                failures,
                "--- {OK}/{}:\n{}",
                case.name,
                rendered(&sources, &diagnostics)
            );
        }
    }
    assert!(
        failures.is_empty(),
        "ok cases with diagnostics:\n{failures}"
    );
}

#[test]
fn err_cases_match_snapshots() {
    let bless = blessing();
    let mut failures = Vec::new();
    for case in cases(ERR) {
        let (sources, diagnostics) = compile(&case);
        let snapshot = root().join(ERR).join(format!("{}.stderr", case.name));
        let shown = format!("{ERR}/{}.stderr", case.name);
        if diagnostics.is_empty() {
            failures.push(format!(
                "{ERR}/{}: no diagnostic at all (an err case must produce some)",
                case.name
            ));
            continue;
        }
        let actual = rendered(&sources, &diagnostics);
        let expected = match std::fs::read_to_string(&snapshot) {
            Ok(text) => Some(text),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => panic!("cannot read {shown}: {e}"),
        };
        if expected.as_deref() == Some(actual.as_str()) {
            continue;
        }
        if bless {
            std::fs::write(&snapshot, &actual)
                .unwrap_or_else(|e| panic!("cannot write {shown}: {e}"));
            eprintln!("blessed {shown}");
            continue;
        }
        failures.push(match expected {
            None => format!(
                "{shown} is missing; create it with `MIGC_BLESS=1 cargo test --test golden` and review it. \
                 The diagnostics are:\n{actual}"
            ),
            Some(expected) => format!(
                "{shown} differs from the diagnostics (rerun with MIGC_BLESS=1 to accept them):\n{}",
                diff(&expected, &actual)
            ),
        });
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// A line diff good enough for short snapshots: `-` expected, `+` actual.
fn diff(expected: &str, actual: &str) -> String {
    let e: Vec<&str> = expected.lines().collect();
    let a: Vec<&str> = actual.lines().collect();
    // Longest common subsequence table, then walk it.
    let mut lcs = vec![vec![0usize; a.len() + 1]; e.len() + 1];
    for i in (0..e.len()).rev() {
        for j in (0..a.len()).rev() {
            lcs[i][j] = if e[i] == a[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut out = String::new();
    while i < e.len() || j < a.len() {
        if i < e.len() && j < a.len() && e[i] == a[j] {
            let _ = writeln!(out, "  {}", e[i]);
            i += 1;
            j += 1;
        } else if j < a.len() && (i == e.len() || lcs[i][j + 1] >= lcs[i + 1][j]) {
            let _ = writeln!(out, "+ {}", a[j]);
            j += 1;
        } else {
            let _ = writeln!(out, "- {}", e[i]);
            i += 1;
        }
    }
    if expected.ends_with('\n') != actual.ends_with('\n') {
        out.push_str("(the texts differ in their final line end)\n");
    }
    out
}

#[test]
fn every_snapshot_has_its_case() {
    let mut stale = Vec::new();
    for path in entries(&root().join(ERR)) {
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        if let Some(stem) = name.strip_suffix(".stderr") {
            let file = root().join(ERR).join(format!("{stem}.mig"));
            let dir = root().join(ERR).join(stem);
            if !file.is_file() && !dir.is_dir() {
                stale.push(format!("{ERR}/{name}"));
            }
        } else if !(name.ends_with(".mig") || path.is_dir()) {
            stale.push(format!("{ERR}/{name} (neither a case nor a snapshot)"));
        }
    }
    for path in entries(&root().join(OK)) {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if !(name.ends_with(".mig") || path.is_dir()) {
            stale.push(format!("{OK}/{name} (ok cases have no snapshot)"));
        }
    }
    assert!(
        stale.is_empty(),
        "files without a case, delete them:\n{}",
        stale.join("\n")
    );
}

#[test]
fn every_front_end_code_has_an_err_case() {
    let snapshots: Vec<String> = entries(&root().join(ERR))
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "stderr"))
        .map(|p| std::fs::read_to_string(&p).unwrap_or_default())
        .collect();
    let missing: Vec<String> = Code::ALL
        .iter()
        .filter(|c| ["E0", "E1", "W1"].iter().any(|p| c.as_str().starts_with(p)))
        .filter(|c| {
            let tag = format!("[{}]", c.as_str());
            !snapshots.iter().any(|s| s.contains(&tag))
        })
        .map(|c| format!("{} ({})", c.as_str(), c.description()))
        .collect();
    assert!(
        missing.is_empty(),
        "codes without an err case in {ERR}:\n{}",
        missing.join("\n")
    );
}

/// Every err case stops at the first failing phase: when a file has a syntax error, no compiler
/// finding is reported alongside it.
#[test]
fn syntax_errors_stop_before_resolution() {
    for case in cases(ERR) {
        let (_, diagnostics) = compile(&case);
        let syntax = diagnostics
            .iter()
            .any(|d| d.code.as_str().starts_with("E0"));
        let other = diagnostics
            .iter()
            .any(|d| !d.code.as_str().starts_with("E0"));
        assert!(
            !(syntax && other),
            "{ERR}/{}: syntax errors mixed with later findings",
            case.name
        );
    }
}
