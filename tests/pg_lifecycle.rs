//! The live-database proof on PostgreSQL (DESIGN.md §7): every planned change is deployed,
//! seeded and run phase by phase with the old and the new application writing after each
//! phase; it is rolled back from every phase; re-running a script changes nothing; the result
//! equals a database built directly from the target. Plus concurrent writers during every
//! phase, a backfill of a million rows under insert load, and a re-parse of every script with
//! sqlparser.
//!
//! Needs `MIGC_TEST_POSTGRES_URL` (e.g. `postgres://postgres@127.0.0.1:5432/test`); without it
//! the tests print a note and pass, except in CI (`CI=true`) where they fail. Each test makes
//! its own scratch databases and drops them. `MIGC_PG_CASES=a,b` runs only the cases whose name
//! contains one of the words; `MIGC_PG_JOBS` sets how many cases run at once (default 2).

mod pg_support;

use pg_support::lifecycle::{self, Case, Report};
use pg_support::{db, plan};

fn jobs() -> usize {
    std::env::var("MIGC_PG_JOBS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2)
}

fn selected(name: &str) -> bool {
    match std::env::var("MIGC_PG_CASES") {
        Ok(filter) if !filter.trim().is_empty() => {
            filter.split(',').any(|w| name.contains(w.trim()))
        }
        _ => true,
    }
}

fn cases(list: Vec<(String, std::path::PathBuf, std::path::PathBuf)>) -> Vec<Case> {
    list.into_iter()
        .filter(|(name, _, _)| selected(name))
        .map(|(name, from, to)| Case { name, from, to })
        .collect()
}

/// Prints every report and fails with all failures at once.
fn conclude(test: &str, reports: &[Report]) {
    let mut failures = Vec::new();
    for r in reports {
        if let Some(why) = &r.skipped {
            eprintln!(
                "note: {test}: case {} not run, the planner refuses it: {why}",
                r.case
            );
        }
        for n in &r.notes {
            eprintln!("note: {test}: case {}: {n}", r.case);
        }
        failures.extend(r.failures.iter().cloned());
    }
    let ran = reports.iter().filter(|r| r.skipped.is_none()).count();
    eprintln!(
        "{test}: {ran} cases run, {} skipped, {} failures",
        reports.len() - ran,
        failures.len()
    );
    assert!(
        failures.is_empty(),
        "{test}: {} failures:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

#[test]
fn lifecycle_of_every_kind_of_change() {
    let Some(server) = db::server("lifecycle_of_every_kind_of_change") else {
        return;
    };
    let cases = cases(plan::data_cases());
    let reports = lifecycle::run_cases(&server, &cases, false, jobs());
    conclude("lifecycle_of_every_kind_of_change", &reports);
}

#[test]
fn lifecycle_of_example_chains() {
    let Some(server) = db::server("lifecycle_of_example_chains") else {
        return;
    };
    let cases = cases(plan::example_pairs());
    let reports = lifecycle::run_cases(&server, &cases, true, jobs());
    conclude("lifecycle_of_example_chains", &reports);
}

/// A writer thread's statements: the old or the new application's, as it would send them.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Writer {
    Old,
    New,
}

/// What one writer thread did while a script ran.
#[derive(Debug, Default)]
struct WriterLog {
    ops: u64,
    /// Distinct error texts with how often each was met and one statement that met it.
    errors: std::collections::BTreeMap<String, (u64, String)>,
}

/// Writes in a loop (INSERT, an UPDATE of the changing columns, an UPDATE of one unrelated
/// column) until `stop` is set and it has written at least a few rows, at most `max_ops`
/// statements and `max_time`.
fn write_loop(
    url: &str,
    who: Writer,
    seed: u64,
    started: &std::sync::atomic::AtomicUsize,
    stop: &std::sync::atomic::AtomicBool,
) -> WriterLog {
    use std::sync::atomic::Ordering;
    let mut log = WriterLog::default();
    let mut client = db::connect(url);
    let max_ops = 20_000u64;
    let max_time = std::time::Duration::from_secs(120);
    let begun = std::time::Instant::now();
    let mut rng = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    let mut next = move |m: u64| {
        rng = rng
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (rng >> 33) % m.max(1)
    };
    let mut announced = false;
    while log.ops < max_ops && begun.elapsed() < max_time {
        if stop.load(Ordering::SeqCst) && log.ops >= 30 {
            break;
        }
        let n = next(1_000_000);
        let account = 1 + next(50);
        let row = 1 + next(20_000);
        let reviewer = if n % 3 == 0 {
            "NULL".to_string()
        } else {
            (1 + next(50)).to_string()
        };
        let sql = match (who, log.ops % 3) {
            (Writer::Old, 0) => format!(
                "INSERT INTO items (account_id, title, amount, note, reviewer_id) VALUES ({account}, 'old {n}', {}.{:02}, 'note {n}', {reviewer})",
                n % 1000,
                n % 100
            ),
            (Writer::Old, 1) => format!(
                "UPDATE items SET amount = {}.{:02}, note = 'old note {n}' WHERE id = {row}",
                n % 1000,
                n % 100
            ),
            (Writer::Old, _) => format!("UPDATE items SET title = 'old title {n}' WHERE id = {row}"),
            (Writer::New, 0) => format!(
                "INSERT INTO items (account_id, title, cents, remark, reviewer_id) VALUES ({account}, 'new {n}', {}, 'remark {n}', {reviewer})",
                n % 100_000
            ),
            (Writer::New, 1) => format!(
                "UPDATE items SET cents = {}, remark = 'new remark {n}' WHERE id = {row}",
                n % 100_000
            ),
            (Writer::New, _) => format!("UPDATE items SET title = 'new title {n}' WHERE id = {row}"),
        };
        if let Err(e) = client.batch_execute(&sql) {
            let text = pg_support::apps::db_error(&e);
            let text = text
                .split("; Failing row")
                .next()
                .unwrap_or(&text)
                .to_string();
            log.errors.entry(text).or_insert((0, sql.clone())).0 += 1;
        }
        log.ops += 1;
        if !announced && log.ops >= 10 {
            announced = true;
            started.fetch_add(1, Ordering::SeqCst);
        }
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    if !announced {
        started.fetch_add(1, Ordering::SeqCst);
    }
    log
}

/// DESIGN.md §7: writers of both application versions see no error while any phase's script
/// runs, for a realistic change (a computed column, a rename and a new foreign key at once).
#[test]
fn concurrent_writers_see_no_errors_during_any_phase() {
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    let Some(server) = db::server("concurrent_writers_see_no_errors_during_any_phase") else {
        return;
    };
    let reaper = db::Reaper::new(&server);
    let server = server.reaped_by(&reaper);
    let case = plan::root().join("tests/data/plan/combo_concurrent");
    let work = tempfile::tempdir().expect("tempdir");
    let s = |p: std::path::PathBuf| p.to_string_lossy().to_string();
    let change = plan::plan(
        &s(case.join("from")),
        &s(case.join("to")),
        &work.path().join("plan"),
    )
    .unwrap_or_else(|e| panic!("planning combo_concurrent: {e}"));
    let deploy = plan::plan("empty", &s(case.join("from")), &work.path().join("deploy"))
        .unwrap_or_else(|e| panic!("planning the deployed schema: {e}"));
    let scratch = db::ScratchDb::create(&server, "concurrent");
    for p in &deploy.phases {
        db::psql(&scratch.url, &p.up, None).unwrap_or_else(|e| panic!("deploying: {e}"));
    }
    let mut client = scratch.connect();
    client
        .batch_execute(
            "INSERT INTO accounts (name, email) SELECT 'account ' || g, 'a' || g || '@example.com' FROM generate_series(1, 50) g;
             INSERT INTO items (account_id, title, amount, note, reviewer_id)
               SELECT 1 + g % 50, 'item ' || g, (g % 1000) / 10.0, CASE WHEN g % 4 = 0 THEN NULL ELSE 'note ' || g END,
                      CASE WHEN g % 3 = 0 THEN NULL ELSE 1 + g % 50 END
               FROM generate_series(1, 20000) g;",
        )
        .expect("seeding");
    let mut failures = Vec::new();
    for (p, phase) in change.phases.iter().enumerate() {
        // Different statements in every phase.
        let seed = 100 * p as u64 + 7;
        // Who runs while the phase's script runs (DESIGN.md §4): the old application until
        // expand is done, both between expand and the gate, the new one from contract on.
        let writers: Vec<Writer> = match phase.name.as_str() {
            "expand" => vec![Writer::Old, Writer::Old],
            "contract" => vec![Writer::New, Writer::New],
            _ => vec![Writer::Old, Writer::New, Writer::Old, Writer::New],
        };
        let started = AtomicUsize::new(0);
        let stop = AtomicBool::new(false);
        let (script, logs) = std::thread::scope(|s| {
            let handles: Vec<_> = writers
                .iter()
                .enumerate()
                .map(|(i, who)| {
                    let (url, started, stop) = (&scratch.url, &started, &stop);
                    s.spawn(move || write_loop(url, *who, seed + i as u64, started, stop))
                })
                .collect();
            while started.load(Ordering::SeqCst) < writers.len() {
                std::thread::sleep(std::time::Duration::from_millis(5));
            }
            // Small batches with pauses: the backfill takes a while, with writers in between.
            let script = db::psql(
                &scratch.url,
                &phase.up,
                Some("-c migc.batch_size=500 -c migc.pause_ms=20"),
            );
            stop.store(true, Ordering::SeqCst);
            let logs: Vec<WriterLog> = handles
                .into_iter()
                .map(|h| h.join().expect("writer thread panicked"))
                .collect();
            (script, logs)
        });
        if let Err(e) = script {
            failures.push(format!(
                "{} up failed under concurrent writers: {e}",
                phase.name
            ));
            break;
        }
        for (who, log) in writers.iter().zip(&logs) {
            eprintln!(
                "{}: {who:?} writer ran {} statements, {} errors",
                phase.name,
                log.ops,
                log.errors.values().map(|(n, _)| n).sum::<u64>()
            );
            for (e, (count, example)) in &log.errors {
                failures.push(format!(
                    "while {} up ran: the {who:?} application's writer got {count} x {e}\n      e.g. {example}",
                    phase.name
                ));
            }
        }
    }
    let left: i64 = client
        .query_one("SELECT count(*) FROM items WHERE cents IS NULL", &[])
        .map(|r| r.get(0))
        .unwrap_or(-1);
    if failures.is_empty() && left != 0 {
        failures.push(format!("after all phases {left} rows have no cents"));
    }
    assert!(
        failures.is_empty(),
        "concurrent writers saw {} problems:\n  {}",
        failures.len(),
        failures.join("\n  ")
    );
}

/// DESIGN.md §7: the backfill of a million rows ends while an old-application writer inserts
/// steadily, and leaves no row without its computed value.
#[test]
fn backfill_of_a_million_rows_ends_under_insert_load() {
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    let Some(server) = db::server("backfill_of_a_million_rows_ends_under_insert_load") else {
        return;
    };
    let reaper = db::Reaper::new(&server);
    let server = server.reaped_by(&reaper);
    let case = plan::root().join("tests/data/plan/computed_column_no_retire");
    let work = tempfile::tempdir().expect("tempdir");
    let s = |p: std::path::PathBuf| p.to_string_lossy().to_string();
    let change = plan::plan(
        &s(case.join("from")),
        &s(case.join("to")),
        &work.path().join("plan"),
    )
    .unwrap_or_else(|e| panic!("planning computed_column_no_retire: {e}"));
    let deploy = plan::plan("empty", &s(case.join("from")), &work.path().join("deploy"))
        .unwrap_or_else(|e| panic!("planning the deployed schema: {e}"));
    let scratch = db::ScratchDb::create(&server, "backfill_scale");
    for p in &deploy.phases {
        db::psql(&scratch.url, &p.up, None).unwrap_or_else(|e| panic!("deploying: {e}"));
    }
    let mut client = scratch.connect();
    let t = std::time::Instant::now();
    client
        .batch_execute(
            "INSERT INTO accounts (name, email) VALUES ('one', 'one@example.com');
             INSERT INTO items (account_id, title, amount, note)
               SELECT 1, 'item ' || g, (g % 100000) / 100.0, NULL FROM generate_series(1, 1000000) g;
             ANALYZE items;",
        )
        .expect("inserting a million rows");
    eprintln!(
        "inserted 1,000,000 rows in {:.1}s",
        t.elapsed().as_secs_f64()
    );
    let phase = |name: &str| {
        change
            .phases
            .iter()
            .find(|p| p.name == name)
            .unwrap_or_else(|| panic!("the plan has no {name} phase"))
            .clone()
    };
    db::psql(&scratch.url, &phase("expand").up, None).unwrap_or_else(|e| panic!("expand up: {e}"));

    let started = AtomicUsize::new(0);
    let done = AtomicBool::new(false);
    let t = std::time::Instant::now();
    let (result, inserted, writer_errors) = std::thread::scope(|s| {
        let writer = s.spawn(|| {
            let mut c = db::connect(&scratch.url);
            let (mut n, mut errors) = (0u64, Vec::new());
            let begun = std::time::Instant::now();
            // Steady inserts until the backfill ends, bounded in count and time.
            while !done.load(Ordering::SeqCst) && n < 50_000 && begun.elapsed().as_secs() < 240 {
                let sql = format!(
                    "INSERT INTO items (account_id, title, amount) VALUES (1, 'during backfill {n}', {}.{:02})",
                    n % 1000,
                    n % 100
                );
                if let Err(e) = c.batch_execute(&sql) {
                    errors.push(pg_support::apps::db_error(&e));
                }
                n += 1;
                if n == 5 {
                    started.store(1, Ordering::SeqCst);
                }
                std::thread::sleep(std::time::Duration::from_millis(5));
            }
            started.store(1, Ordering::SeqCst);
            (n, errors)
        });
        while started.load(Ordering::SeqCst) == 0 {
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        let result = db::psql_within(
            &scratch.url,
            &phase("backfill").up,
            Some("-c migc.batch_size=10000"),
            std::time::Duration::from_secs(240),
        );
        done.store(true, Ordering::SeqCst);
        let (n, errors) = writer.join().expect("writer thread panicked");
        (result, n, errors)
    });
    eprintln!(
        "backfill of 1,000,000 rows took {:.1}s while {inserted} rows were inserted",
        t.elapsed().as_secs_f64()
    );
    result.unwrap_or_else(|e| panic!("the backfill did not end well under insert load: {e}"));
    assert!(
        writer_errors.is_empty(),
        "the writer saw errors during the backfill: {writer_errors:?}"
    );
    let missing: i64 = client
        .query_one(
            "SELECT count(*) FROM items WHERE cents IS NULL AND round(amount * 100) IS NOT NULL",
            &[],
        )
        .expect("counting rows")
        .get(0);
    assert_eq!(
        missing, 0,
        "rows left without their computed value after the backfill"
    );
    for check in change.gate_checks("switch") {
        let n: i64 = client
            .query_one(check.trim_end_matches(';'), &[])
            .unwrap_or_else(|e| panic!("gate check {check}: {e}"))
            .get(0);
        assert_eq!(n, 0, "gate check before switch is not 0: {check}");
    }
    db::psql(&scratch.url, &phase("switch").up, None)
        .unwrap_or_else(|e| panic!("switch up after the backfill: {e}"));
}

/// The statements of a script as written, split at top-level semicolons found by sqlparser's
/// tokenizer (which knows dollar quoting); comments and blank statements dropped.
fn statements(text: &str) -> Result<Vec<String>, String> {
    use sqlparser::tokenizer::{Location, Token, Tokenizer};
    let dialect = sqlparser::dialect::PostgreSqlDialect {};
    let tokens = Tokenizer::new(&dialect, text)
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
    for t in tokens {
        match &t.token {
            Token::SemiColon => {
                if let Some(s) = start.take() {
                    out.push(text[s..offset(t.span.end)].trim().to_string());
                }
            }
            Token::Whitespace(_) | Token::EOF => {}
            _ => {
                start.get_or_insert(offset(t.span.start));
            }
        }
    }
    if let Some(s) = start {
        out.push(text[s..].trim().to_string());
    }
    Ok(out)
}

/// Statements migc emits that sqlparser 0.63 cannot parse, although PostgreSQL runs them (the
/// lifecycle tests run every script with psql): `DO` blocks, whose PL/pgSQL bodies are outside
/// SQL (sqlparser has no `DO` statement), and `DROP INDEX CONCURRENTLY IF EXISTS`, valid
/// PostgreSQL (`DROP INDEX [ CONCURRENTLY ] [ IF EXISTS ] name`) that sqlparser rejects after
/// `CONCURRENTLY`. Each is counted and printed; every other statement must parse.
fn known_unparseable(stmt: &str) -> Option<&'static str> {
    let words: Vec<String> = stmt
        .split_whitespace()
        .take(5)
        .map(str::to_ascii_uppercase)
        .collect();
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    match words.as_slice() {
        ["DO", tag, ..] if tag.starts_with('$') => Some("DO block (PL/pgSQL)"),
        ["DROP", "INDEX", "CONCURRENTLY", "IF", "EXISTS"] => {
            Some("DROP INDEX CONCURRENTLY IF EXISTS")
        }
        _ => None,
    }
}

/// DESIGN.md §7: every statement of every generated PostgreSQL script re-parses with
/// sqlparser's PostgreSqlDialect. Covers the plans of every case of `tests/data/plan` and of
/// every example pair that plans, and the plans that build each of their schemas from `empty`.
/// Needs no database.
#[test]
fn every_generated_statement_reparses_with_sqlparser() {
    use sqlparser::dialect::PostgreSqlDialect;
    use sqlparser::parser::Parser;
    let work = tempfile::tempdir().expect("tempdir");
    let s = |p: &std::path::Path| p.to_string_lossy().to_string();
    let mut plans = Vec::new();
    let mut sources = std::collections::BTreeSet::new();
    for (name, from, to) in plan::data_cases().into_iter().chain(plan::example_pairs()) {
        match plan::plan(&s(&from), &s(&to), &work.path().join(&name)) {
            Ok(p) => plans.push((name.clone(), p)),
            Err(e) => eprintln!("note: {name} does not plan, its scripts are not checked: {e}"),
        }
        sources.insert(from);
        sources.insert(to);
    }
    for (i, src) in sources.iter().enumerate() {
        let name = format!("empty_to_{i}");
        match plan::plan("empty", &s(src), &work.path().join(&name)) {
            Ok(p) => plans.push((format!("empty -> {}", src.display()), p)),
            Err(e) => panic!("planning empty -> {}: {e}", src.display()),
        }
    }
    let mut failures: Vec<String> = Vec::new();
    let mut kinds: std::collections::BTreeMap<String, usize> = std::collections::BTreeMap::new();
    let mut checked = 0usize;
    let mut known: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for (name, p) in &plans {
        for script in p.scripts() {
            let text = std::fs::read_to_string(&script)
                .unwrap_or_else(|e| panic!("read {}: {e}", script.display()));
            let stmts = match statements(&text) {
                Ok(s) => s,
                Err(e) => {
                    failures.push(format!("{name}: {}: {e}", script.display()));
                    continue;
                }
            };
            for stmt in stmts {
                checked += 1;
                let result = Parser::parse_sql(&PostgreSqlDialect {}, &stmt);
                if let (Err(_), Some(kind)) = (&result, known_unparseable(&stmt)) {
                    *known.entry(kind).or_insert(0) += 1;
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
                        let short: String = stmt.chars().take(300).collect();
                        failures.push(format!(
                            "{name}: {}: {e}\n    {short}",
                            script.file_name().unwrap_or_default().to_string_lossy()
                        ));
                    }
                }
            }
        }
    }
    eprintln!("{checked} statements of {} plans checked", plans.len());
    for (kind, n) in &known {
        eprintln!("note: sqlparser 0.63 cannot parse {n} statements of the kind `{kind}` (PostgreSQL runs them)");
    }
    assert!(
        failures.is_empty(),
        "statements sqlparser cannot parse, by kind: {kinds:?}\n\n{}",
        failures.join("\n\n")
    );
}
