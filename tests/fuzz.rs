//! The front end never panics, on any input (DESIGN.md §7), and the formatter's output always
//! parses again.
//!
//! Inputs come from a small deterministic generator (SplitMix64 with fixed seeds, no
//! dependency): arbitrary bytes made UTF-8, and mutations of real `.mig` text (the golden cases,
//! the examples and the stdlib). Each input runs through parse, compile, both diagnostic
//! renderers, the snapshot writer and the formatter, in-process under `catch_unwind`; a few of
//! them also run through the real binary. A failure prints the seed and case number that
//! reproduce it: `MIGC_FUZZ_SEED=<seed> MIGC_FUZZ_CASE=<n> cargo test --test fuzz`.
//! `MIGC_FUZZ_ITERATIONS` runs more (or fewer) cases per seed.

use migc_grammar::Sources;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::Command;

/// SplitMix64: tiny, fast, and good enough to pick mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// The seed of one case, derived from the run's seed and the case number, so that any case can
/// be replayed alone.
fn case_seed(seed: u64, case: usize) -> u64 {
    Rng(seed ^ (case as u64).wrapping_mul(0xA24B_AED4_963E_E407)).next()
}

/// Keywords and punctuation of the grammar, and text that tends to reach corners: SQL, quotes,
/// comments, huge numbers, non-ASCII, line ends.
#[rustfmt::skip]
const TOKENS: &[&str] = &[
    "use", "enum", "table", "mixin", "view", "as", "native", "for", "up", "down", "drop", "column",
    "index", "unique", "where", "primary", "key", "check", "foreign", "references", "include",
    "comment", "retire", "not", "null", "identity", "default", "renamed", "from", "on", "delete",
    "update", "cascade", "restrict", "set", "no", "action", "std", "timestamps", "soft_delete",
    "postgres", "mysql", "sqlite", "int64", "text", "varchar", "decimal", "bool", "uuid",
    "timestamptz", "json", "{", "}", "(", ")", ",", ";", ":", ".", "`", "\"", "'", "''", "\\",
    "\\q", "//", "// c\n", "\n", "\r\n", "\r", "\t", " ", "  ", "=", "<>", ">=", "||", "*", "-",
    "+", "/", "0", "-1", "1.5", "99999999999999999999999", "18446744073709551616", "now()",
    "lower(", "substr(", "select", "select * from t", ";select 1", "x", "é", "ß", "日本", "\u{0}",
    "\u{feff}", "😀", "`a b`", "\"s\"", "'s'",
];

/// The texts mutations start from.
fn corpus() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = Vec::new();
    for dir in ["tests/data/ok", "tests/data/err", "examples", "stdlib/mig"] {
        mig_files(&root.join(dir), &mut paths);
    }
    paths.sort();
    let corpus: Vec<(String, String)> = paths
        .into_iter()
        .filter_map(|p| {
            let text = std::fs::read_to_string(&p).ok()?;
            let name = p.strip_prefix(root).unwrap_or(&p).display().to_string();
            Some((name, text))
        })
        .collect();
    assert!(
        corpus.len() >= 10,
        "the fuzz corpus is too small: {} files",
        corpus.len()
    );
    corpus
}

fn mig_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            mig_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "mig") {
            out.push(path);
        }
    }
}

/// Arbitrary bytes, biased towards the grammar's alphabet, made UTF-8.
fn random_text(rng: &mut Rng) -> String {
    let len = rng.below(200);
    let mut bytes = Vec::with_capacity(len * 2);
    while bytes.len() < len {
        match rng.below(4) {
            0 => bytes.push(rng.next() as u8),
            1 => bytes.push(*rng.pick(b"{}()[],;:.`\"'\\/ \n\t-=<>|*+_abcxyz0129")),
            _ => bytes.extend_from_slice(rng.pick(TOKENS).as_bytes()),
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Mutations of a real text: usually one, sometimes up to four. Half of them keep the text's
/// shape (whole lines, words, blank lines, comments), so that many mutants still parse and
/// reach the compiler and the formatter.
fn mutate(rng: &mut Rng, text: &str, corpus: &[(String, String)]) -> String {
    let mut bytes = text.as_bytes().to_vec();
    let count = if rng.below(2) == 0 {
        1
    } else {
        1 + rng.below(4)
    };
    for _ in 0..count {
        let at = rng.below(bytes.len() + 1);
        match rng.below(14) {
            0 if at < bytes.len() => bytes[at] ^= 1 << rng.below(8),
            1 if at < bytes.len() => {
                let end = (at + 1 + rng.below(16)).min(bytes.len());
                bytes.drain(at..end);
            }
            2 | 3 => {
                let token = rng.pick(TOKENS).as_bytes();
                bytes.splice(at..at, token.iter().copied());
            }
            4..=6 => {
                let mut lines: Vec<Vec<u8>> =
                    bytes.split(|&b| b == b'\n').map(<[u8]>::to_vec).collect();
                let i = rng.below(lines.len());
                let j = rng.below(lines.len());
                match rng.below(5) {
                    0 => {
                        let copy = lines[i].clone();
                        lines.insert(j, copy);
                    }
                    1 => lines.swap(i, j),
                    2 => {
                        lines.remove(i);
                    }
                    3 => lines.insert(i, Vec::new()),
                    _ => {
                        // A comment at the end of a line, or on a line of its own.
                        let comment = format!(" // note {}", rng.below(100));
                        if rng.below(2) == 0 {
                            lines[i].extend_from_slice(comment.as_bytes());
                        } else {
                            lines.insert(i, comment.trim_start().as_bytes().to_vec());
                        }
                    }
                }
                bytes = lines.join(&b'\n');
            }
            7 => bytes.truncate(at),
            8 => {
                // Splice in a piece of another file.
                let other = rng.pick(corpus).1.as_bytes();
                let start = rng.below(other.len() + 1);
                let end = (start + rng.below(80)).min(other.len());
                bytes.splice(at..at, other[start..end].iter().copied());
            }
            9 | 10 => {
                // Replace a word by a word of the grammar.
                let is_word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
                if at < bytes.len() && is_word(bytes[at]) {
                    let start = (0..at)
                        .rev()
                        .find(|&i| !is_word(bytes[i]))
                        .map_or(0, |i| i + 1);
                    let end = (at..bytes.len())
                        .find(|&i| !is_word(bytes[i]))
                        .unwrap_or(bytes.len());
                    let word =
                        rng.pick(&TOKENS[..TOKENS.iter().position(|t| *t == "{").unwrap_or(1)]);
                    bytes.splice(start..end, word.bytes());
                }
            }
            // Spaces and tabs between tokens are free.
            11 if at < bytes.len() && bytes[at] == b' ' => {
                let blank = *rng.pick(&[&b"   "[..], b"\t", b""]);
                bytes.splice(at..at + 1, blank.iter().copied());
            }
            _ if at < bytes.len() => bytes[at] = *rng.pick(b"{}(),;`\"'\n "),
            _ => {}
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// The input of one case.
fn input(seed: u64, case: usize, corpus: &[(String, String)]) -> String {
    let mut rng = Rng(case_seed(seed, case));
    if rng.below(4) == 0 {
        random_text(&mut rng)
    } else {
        let (_, text) = rng.pick(corpus);
        mutate(&mut rng, text, corpus)
    }
}

/// Runs the whole front end on one text. `Err` says what went wrong.
fn exercise(text: &str) -> Result<(), String> {
    let outcome = catch_unwind(AssertUnwindSafe(|| front_end(text)));
    match outcome {
        Ok(result) => result,
        Err(payload) => {
            let message = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "a panic".to_string());
            Err(format!("panicked: {message}"))
        }
    }
}

fn front_end(text: &str) -> Result<(), String> {
    let mut sources = Sources::new();
    let file = sources.add("fuzz.mig", text);
    let parsed = migc_grammar::parse(file, text);
    let compiled = migc_compiler::compile(&mut sources, &[file]);
    if parsed.is_err() && !compiled.has_errors() {
        return Err("parse failed but compile reported no error".into());
    }
    for d in &compiled.diagnostics {
        for label in &d.labels {
            let source = &sources.get(label.span.file).text;
            if label.span.start > label.span.end || label.span.end as usize > source.len() {
                return Err(format!("label outside its file: {d:?}"));
            }
        }
    }
    let human = migc::render::human(&sources, &compiled.diagnostics);
    if compiled.diagnostics.is_empty() != human.is_empty() {
        return Err("human rendering lost or invented diagnostics".into());
    }
    let json = migc::render::json(&sources, &compiled.diagnostics);
    serde_json::from_str::<serde_json::Value>(&json)
        .map_err(|e| format!("invalid JSON diagnostics: {e}"))?;
    let sarif = migc::render::sarif(
        migc::render::Subject("case.mig"),
        &sources,
        &compiled.diagnostics,
    );
    serde_json::from_str::<serde_json::Value>(&sarif).map_err(|e| format!("invalid SARIF: {e}"))?;
    let github = migc::render::github(&sources, &compiled.diagnostics);
    if github.lines().count() != compiled.diagnostics.len() {
        return Err(format!(
            "not one workflow command per diagnostic:\n{github}"
        ));
    }
    let snapshot = compiled
        .schema
        .as_ref()
        .map(migc_compiler::snapshot::to_json);
    if let Some(snapshot) = &snapshot {
        migc_compiler::snapshot::from_json(snapshot)
            .map_err(|e| format!("snapshot does not read back: {e}"))?;
    }

    let Ok(ast) = parsed else { return Ok(()) };
    let once = migc_grammar::format::format(&ast, text);
    let again = migc_grammar::parse(file, &once)
        .map_err(|e| format!("formatted text does not parse ({}):\n{once}", e[0].message))?;
    let texts = |f: &migc_grammar::ast::File| {
        f.comments
            .iter()
            .map(|c| c.text.clone())
            .collect::<Vec<_>>()
    };
    if texts(&again) != texts(&ast) {
        return Err(format!(
            "formatting lost, changed or reordered comments:\n{once}"
        ));
    }
    let twice = migc_grammar::format::format(&again, &once);
    if twice != once {
        return Err(format!(
            "formatting is not idempotent:\n--- once\n{once}--- twice\n{twice}"
        ));
    }
    // Formatting does not change what the schema means.
    let mut formatted_sources = Sources::new();
    let formatted_file = formatted_sources.add("fuzz.mig", once.as_str());
    let recompiled = migc_compiler::compile(&mut formatted_sources, &[formatted_file]);
    let resnapshot = recompiled
        .schema
        .as_ref()
        .map(migc_compiler::snapshot::to_json);
    if resnapshot != snapshot {
        return Err(format!("formatting changed the compiled schema:\n{once}"));
    }
    Ok(())
}

fn seeds() -> Vec<u64> {
    match std::env::var("MIGC_FUZZ_SEED") {
        Ok(s) => vec![s.parse().expect("MIGC_FUZZ_SEED is a number")],
        Err(_) => vec![0x5EED_0001, 0x5EED_0002, 0x5EED_0003],
    }
}

fn iterations(default: usize) -> std::ops::Range<usize> {
    if let Ok(case) = std::env::var("MIGC_FUZZ_CASE") {
        let case: usize = case.parse().expect("MIGC_FUZZ_CASE is a number");
        return case..case + 1;
    }
    let n = std::env::var("MIGC_FUZZ_ITERATIONS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(default);
    0..n
}

#[test]
fn the_front_end_never_panics_and_formats_to_text_that_parses() {
    let corpus = corpus();
    let mut failures = Vec::new();
    for seed in seeds() {
        for case in iterations(500) {
            let text = input(seed, case, &corpus);
            if let Err(why) = exercise(&text) {
                failures.push(format!(
                    "MIGC_FUZZ_SEED={seed} MIGC_FUZZ_CASE={case}: {why}\ninput: {text:?}"
                ));
                if failures.len() >= 5 {
                    break;
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failing case(s):\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

/// The unmodified corpus, each file on its own: a baseline the mutations start from.
#[test]
fn the_corpus_itself_passes() {
    for (name, text) in corpus() {
        if let Err(why) = exercise(&text) {
            panic!("{name}: {why}");
        }
    }
}

/// Pathological shapes a random walk rarely reaches.
#[test]
fn extreme_inputs() {
    let deep = |open: &str, close: &str, n: usize| {
        format!(
            "table t {{\n  id int64 primary key\n  c int32 check ({}id{})\n}}\n",
            open.repeat(n),
            close.repeat(n)
        )
    };
    let cases = [
        String::new(),
        "\n".repeat(10_000),
        "// only a comment".to_string(),
        "table".to_string(),
        "table t {".to_string(),
        "table t { id int64 primary key } }".to_string(),
        deep("(", ")", 30),
        deep("(", ")", 5_000),
        deep("(", "", 5_000),
        format!("enum e {{ {} }}", (0..5_000).map(|i| format!("v{i}")).collect::<Vec<_>>().join(", ")),
        format!("table t {{\n{}}}\n", (0..2_000).map(|i| format!("  c{i} int32 primary key\n")).collect::<String>()),
        format!("table `{}` {{ id int64 primary key }}", "x".repeat(10_000)),
        "table t {\n  id int64 primary key\n  c varchar(18446744073709551615)\n  d decimal(18446744073709551615, 18446744073709551615)\n}\n".to_string(),
        "table t {\n  id int64 primary key comment \"\\".to_string(),
        "table t { id int64 primary key default '\u{0}' }".to_string(),
        "\u{feff}table t { id int64 primary key }".to_string(),
        "table t {\r\n  id int64 primary key\r\n}\r\n".to_string(),
        "view v as (select 1; select 2)".to_string(),
        "view v as (".to_string() + &"(".repeat(2_000),
    ];
    for (i, text) in cases.iter().enumerate() {
        if let Err(why) = exercise(text) {
            let shown: String = text.chars().take(200).collect();
            panic!("extreme case {i} ({shown:?}…): {why}");
        }
    }
}

/// Some of the generated inputs through the real binary: it exits 0 or 1, never 2 (the files
/// exist and are UTF-8) and never by a signal or panic.
#[test]
fn the_binary_exits_0_or_1_on_generated_input() {
    let corpus = corpus();
    let dir = tempfile::tempdir().expect("temp dir");
    let seed = seeds()[0];
    for case in iterations(50) {
        let text = input(seed, case, &corpus);
        let path = dir.path().join("case.mig");
        std::fs::write(&path, &text).expect("write case");
        for args in [&["check", "case.mig"][..], &["fmt", "--check", "case.mig"]] {
            let out = Command::new(env!("CARGO_BIN_EXE_migc"))
                .args(args)
                .current_dir(dir.path())
                .output()
                .expect("run migc");
            let code = out.status.code();
            assert!(
                matches!(code, Some(0 | 1)),
                "MIGC_FUZZ_SEED={seed} MIGC_FUZZ_CASE={case}: `migc {}` exited with {code:?}\nstderr: {}\ninput: {text:?}",
                args.join(" "),
                String::from_utf8_lossy(&out.stderr),
            );
        }
    }
}
