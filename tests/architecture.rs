//! Where a dialect difference lives (ARCHITECTURE.md): code outside the dialect
//! implementations asks a dialect's capabilities (`Behaviour`, `Lowering`, `Reading`) and never
//! branches on which dialect it is; and the names migc derives are read back by one helper
//! (`planner/src/names.rs`), never by their suffix.

use std::path::{Path, PathBuf};

/// The files that may name a dialect: the identity type, the implementations of each dialect
/// (stdlib's behaviours, the planner's lowerings, import's readers and introspection, the
/// connections and their URLs), and the stdlib's tables of per-dialect spellings.
const MAY_NAME_A_DIALECT: &[&str] = &[
    "stdlib/src/dialect.rs",
    "stdlib/src/behaviour/postgres.rs",
    "stdlib/src/behaviour/mysql.rs",
    "stdlib/src/behaviour/sqlite.rs",
    "stdlib/src/function.rs",
    "planner/src/dialect/",
    "import/src/dialect/",
    "import/src/introspect/",
    "db/src/postgres.rs",
    "db/src/mysql.rs",
    "db/src/sqlite.rs",
    "db/src/url.rs",
];

const VARIANTS: [&str; 3] = ["Dialect::Postgres", "Dialect::Mysql", "Dialect::Sqlite"];

/// Every Rust source file of the crates, with its path relative to the workspace.
fn sources() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for krate in [
        "src", "stdlib", "grammar", "compiler", "planner", "db", "import", "runner",
    ] {
        let dir = if krate == "src" {
            root.join("src")
        } else {
            root.join(krate).join("src")
        };
        let mut stack: Vec<PathBuf> = vec![dir];
        while let Some(d) = stack.pop() {
            let Ok(entries) = std::fs::read_dir(&d) else {
                continue;
            };
            for e in entries.flatten() {
                let p = e.path();
                if p.is_dir() {
                    stack.push(p);
                } else if p.extension().is_some_and(|x| x == "rs") {
                    let rel = p
                        .strip_prefix(root)
                        .expect("under the workspace")
                        .to_string_lossy()
                        .replace('\\', "/");
                    let text = std::fs::read_to_string(&p).expect("readable source");
                    out.push((rel, text));
                }
            }
        }
    }
    out.sort();
    assert!(out.len() > 50, "the crates' sources are found");
    out
}

/// The code of a file before its unit tests, as numbered lines.
fn code_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .take_while(|(_, l)| l.trim() != "#[cfg(test)]")
        .map(|(i, l)| (i + 1, l))
        .filter(|(_, l)| !l.trim_start().starts_with("//"))
}

#[test]
fn no_code_outside_the_dialect_implementations_names_a_dialect() {
    let mut found = Vec::new();
    for (path, text) in sources() {
        if MAY_NAME_A_DIALECT.iter().any(|a| path.starts_with(a)) {
            continue;
        }
        for (n, line) in code_lines(&text) {
            if VARIANTS.iter().any(|v| line.contains(v)) {
                found.push(format!("{path}:{n}: {}", line.trim()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "ask the dialect's capabilities instead of naming it:\n{}",
        found.join("\n")
    );
}

#[test]
fn derived_names_are_read_back_by_the_names_helper_only() {
    let mut found = Vec::new();
    for (path, text) in sources() {
        if path == "planner/src/names.rs" {
            continue;
        }
        for (n, line) in code_lines(&text) {
            let reads_suffix = ["ends_with(\"__migc", "trim_end_matches(\"__migc"]
                .iter()
                .chain(&["strip_suffix(\"__migc"])
                .any(|p| line.contains(p));
            if reads_suffix {
                found.push(format!("{path}:{n}: {}", line.trim()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "read a derived name with planner/src/names.rs:\n{}",
        found.join("\n")
    );
}
