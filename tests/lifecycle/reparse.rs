//! DESIGN.md §7: every statement migc emits re-parses with sqlparser for its dialect. The plans
//! of every case of `tests/data/plan` and every example pair, the plans that build each of
//! their schemas from `empty`, and the statements of their manifests (batches, gate checks).

use super::plan::{self, data_cases, example_pairs};
use migc_stdlib::Dialect;
use std::collections::{BTreeMap, BTreeSet};

/// The statements of a script as written, split at top-level semicolons found by sqlparser's
/// tokenizer (which knows the dialect's quoting); with `triggers`, a `CREATE TRIGGER` runs to
/// the `END` that closes its body. Comments and blank statements dropped.
pub fn split(
    dialect: &dyn sqlparser::dialect::Dialect,
    text: &str,
    triggers: bool,
) -> Result<Vec<String>, String> {
    use sqlparser::tokenizer::{Location, Token, Tokenizer};
    let tokens = Tokenizer::new(dialect, text)
        .tokenize_with_location()
        .map_err(|e| format!("the tokenizer fails: {e}"))?;
    // Byte offset of a (line, column) location, both counted from 1, columns in characters.
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let offset = |l: Location| -> usize {
        let start = line_starts
            .get(l.line.saturating_sub(1) as usize)
            .copied()
            .unwrap_or(text.len());
        text[start..]
            .char_indices()
            .nth(l.column.saturating_sub(1) as usize)
            .map_or(text.len(), |(i, _)| start + i)
    };
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    // Words of the statement so far (upper case), to find trigger bodies.
    let mut words: Vec<String> = Vec::new();
    let mut last_word = String::new();
    for t in tokens {
        match &t.token {
            Token::SemiColon => {
                let trigger = triggers
                    && words.first().is_some_and(|w| w == "CREATE")
                    && words.iter().take(4).any(|w| w == "TRIGGER");
                if trigger && last_word != "END" {
                    continue;
                }
                if let Some(s) = start.take() {
                    out.push(text[s..offset(t.span.end)].trim().to_string());
                }
                words.clear();
            }
            Token::Whitespace(_) | Token::EOF => {}
            other => {
                start.get_or_insert(offset(t.span.start));
                last_word = match other {
                    Token::Word(w) if w.quote_style.is_none() => w.value.to_ascii_uppercase(),
                    _ => String::new(),
                };
                if !last_word.is_empty() {
                    words.push(last_word.clone());
                }
            }
        }
    }
    if let Some(s) = start {
        out.push(text[s..].trim().to_string());
    }
    Ok(out)
}

/// How one dialect's scripts are read back.
pub struct Reader {
    pub dialect: Dialect,
    pub parser: Box<dyn sqlparser::dialect::Dialect>,
    /// The statements of a script as its client sends them.
    pub statements: fn(&str) -> Result<Vec<String>, String>,
    /// Statements sqlparser cannot parse although the server runs them, and why (each counted
    /// and printed; every other statement must parse).
    pub known: fn(&str) -> Option<&'static str>,
    /// The statements a statement holds that sqlparser can parse on their own (the plain
    /// statements of a MySQL stored procedure).
    pub inner: fn(&str) -> Vec<String>,
    /// Cases the dialect refuses to plan; every other case must plan.
    pub refused: &'static [&'static str],
}

/// Checks every statement; the number checked.
pub fn every_statement(reader: &Reader) -> usize {
    use sqlparser::parser::Parser;
    let work = tempfile::tempdir().expect("tempdir");
    let mut plans = Vec::new();
    let mut sources = BTreeSet::new();
    for c in data_cases().into_iter().chain(example_pairs()) {
        let (from, to) = (plan::arg(&c.from), plan::arg(&c.to));
        match plan::plan(&from, &to, reader.dialect, &work.path().join(&c.name)) {
            Ok(p) => plans.push((c.name.clone(), p)),
            Err(e) if reader.refused.contains(&c.name.as_str()) => {
                eprintln!(
                    "note: {} does not plan, its scripts are not checked: {e}",
                    c.name
                )
            }
            Err(e) => panic!("planning {}: {e}", c.name),
        }
        sources.insert(c.from);
        sources.insert(c.to);
    }
    for (i, src) in sources.iter().enumerate() {
        let out = work.path().join(format!("empty_to_{i}"));
        match plan::plan("empty", &plan::arg(src), reader.dialect, &out) {
            Ok(p) => plans.push((format!("empty -> {}", src.display()), p)),
            Err(e) => panic!("planning empty -> {}: {e}", src.display()),
        }
    }
    let mut failures: Vec<String> = Vec::new();
    let mut kinds: BTreeMap<String, usize> = BTreeMap::new();
    let mut known: BTreeMap<&str, usize> = BTreeMap::new();
    let mut checked = 0usize;
    for (name, p) in &plans {
        let mut texts: Vec<(String, Vec<String>)> = Vec::new();
        for script in p.scripts() {
            let text = std::fs::read_to_string(&script)
                .unwrap_or_else(|e| panic!("read {}: {e}", script.display()));
            let file = script.file_name().unwrap_or_default().to_string_lossy();
            match (reader.statements)(&text) {
                Ok(s) => texts.push((file.to_string(), s)),
                Err(e) => failures.push(format!("{name}: {file}: {e}")),
            }
        }
        // The manifest's statements: batches and gate checks.
        let (batches, _) = p.batches().unwrap_or_else(|e| panic!("{name}: {e}"));
        for b in batches {
            let stmts = [&b.next, &b.fill, &b.remaining]
                .into_iter()
                .chain(&b.setup)
                .chain(&b.teardown)
                .map(|s| {
                    s.replace("{after}", "1 = 1")
                        .replace("{upto}", "1 = 1")
                        .replace("{limit}", "1000")
                })
                .collect();
            texts.push(("manifest.json (batch)".into(), stmts));
        }
        texts.push(("manifest.json (gate)".into(), p.gate_checks("switch")));
        for (file, stmts) in texts {
            let stmts: Vec<String> = stmts
                .into_iter()
                .flat_map(|s| (reader.inner)(&s).into_iter().chain([s]))
                .collect();
            for stmt in stmts {
                checked += 1;
                let result = Parser::parse_sql(&*reader.parser, &stmt);
                if let (Err(e), Some(kind)) = (&result, (reader.known)(&stmt)) {
                    let n = known.entry(kind).or_insert(0);
                    if *n == 0 {
                        eprintln!("note: first `{kind}` sqlparser refuses: {e}");
                    }
                    *n += 1;
                    continue;
                }
                if let Err(e) = result {
                    let head: String = stmt
                        .split_whitespace()
                        .take(3)
                        .collect::<Vec<_>>()
                        .join(" ");
                    *kinds.entry(head.clone()).or_insert(0) += 1;
                    if kinds[&head] <= 2 {
                        let short: String = stmt.chars().take(400).collect();
                        failures.push(format!("{name}: {file}: {e}\n    {short}"));
                    }
                }
            }
        }
    }
    eprintln!("{checked} statements of {} plans checked", plans.len());
    for (kind, n) in &known {
        eprintln!(
            "note: sqlparser 0.63 cannot parse {n} statements of the kind `{kind}` ({} runs them)",
            reader.dialect.name()
        );
    }
    assert!(
        failures.is_empty(),
        "statements sqlparser cannot parse, by kind: {kinds:?}\n\n{}",
        failures.join("\n\n")
    );
    checked
}
