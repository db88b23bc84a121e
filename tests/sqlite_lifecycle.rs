//! The SQLite proof (DESIGN.md §7), in process with rusqlite's bundled SQLite, no server: every
//! kind of change of `tests/data/plan` and every step of the example chains that plans for
//! SQLite is deployed, seeded and run phase by phase with the old and the new application
//! writing and reading after each phase; it is rolled back from every phase and the schema and
//! every row compared with the deployed database; every script is run twice (the second run
//! must change nothing); the result equals a database built directly from the target, with no
//! helper object left. Then a few plans run through the `sqlite3` shell (`sqlite3 db < file`),
//! including scripts that fail half-way, which must change nothing.
//!
//! `MIGC_SQLITE_CASES=a,b` runs only the cases whose name contains one of the words. Without the
//! `sqlite3` shell the shell tests print a note and pass, except in CI (`CI=true`).

mod sqlite_support;

use sqlite_support as s;
use std::path::Path;

fn selected(name: &str) -> bool {
    match std::env::var("MIGC_SQLITE_CASES") {
        Ok(filter) if !filter.trim().is_empty() => {
            filter.split(',').any(|w| name.contains(w.trim()))
        }
        _ => true,
    }
}

fn conclude(test: &str, reports: &[s::Report]) {
    let mut failures = Vec::new();
    for r in reports {
        if let Some(why) = &r.skipped {
            eprintln!(
                "note: {test}: case {} not run, it does not plan for SQLite: {why}",
                r.case
            );
        }
        for n in &r.notes {
            eprintln!("note: {test}: case {}: {n}", r.case);
        }
        failures.extend(r.failures.iter().cloned());
    }
    let ran = reports.iter().filter(|r| r.skipped.is_none()).count();
    let batched: Vec<String> = reports
        .iter()
        .filter_map(|r| r.batches.map(|n| format!("{} ({n} batches)", r.case)))
        .collect();
    eprintln!(
        "{test}: {ran} cases run, {} skipped, {} failures; backfills run batch by batch: {}",
        reports.len() - ran,
        failures.len(),
        batched.join(", ")
    );
    assert!(
        failures.is_empty(),
        "{test}: {} failures:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

/// Runs the cases on two threads; the reports in case order.
fn run(
    list: Vec<(String, std::path::PathBuf, std::path::PathBuf)>,
    skip_unplanned: bool,
) -> Vec<s::Report> {
    let cases: Vec<s::Case> = list
        .into_iter()
        .filter(|(name, _, _)| selected(name))
        .map(|(name, from, to)| s::Case { name, from, to })
        .collect();
    let next = std::sync::atomic::AtomicUsize::new(0);
    let results = std::sync::Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for _ in 0..2 {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                let Some(case) = cases.get(i) else { break };
                let started = std::time::Instant::now();
                let r = s::run_case(case, skip_unplanned);
                eprintln!(
                    "case {}: {} ({:.1}s)",
                    r.case,
                    if r.skipped.is_some() {
                        "skipped"
                    } else if r.failures.is_empty() {
                        "ok"
                    } else {
                        "FAILED"
                    },
                    started.elapsed().as_secs_f64()
                );
                results
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .push((i, r));
            });
        }
    });
    let mut results = results.into_inner().unwrap_or_else(|e| e.into_inner());
    results.sort_by_key(|(i, _)| *i);
    results.into_iter().map(|(_, r)| r).collect()
}

/// Every case also runs its backfill batch by batch from the manifest (`s::batched_backfill`):
/// batches of `s::BATCH_ROWS` rows, each in its own transaction, both applications inserting
/// between batches; the result must equal the backfill script's and no row be left to fill.
#[test]
fn lifecycle_of_every_kind_of_change() {
    let reports = run(s::data_cases(), false);
    conclude("lifecycle_of_every_kind_of_change", &reports);
    if !selected_all() {
        return;
    }
    let batched = |case: &str| {
        reports
            .iter()
            .any(|r| r.case == case && r.batches.is_some_and(|n| n > 1))
    };
    for case in [
        "split_column",
        "computed_column",
        "rename_column",
        "column_retyped_narrowing",
    ] {
        assert!(
            batched(case),
            "{case}: its backfill did not run in several batches"
        );
    }
}

#[test]
fn lifecycle_of_example_chains() {
    let reports = run(s::example_pairs(), false);
    conclude("lifecycle_of_example_chains", &reports);
}

fn selected_all() -> bool {
    std::env::var("MIGC_SQLITE_CASES").map_or(true, |f| f.trim().is_empty())
}

/// `split_part` as PostgreSQL defines it: the n-th field (from 1) of `text` split at
/// `delimiter`, `''` past the last field; an empty delimiter makes the whole text field 1.
fn split_part_reference(text: &str, delimiter: &str, n: usize) -> String {
    if delimiter.is_empty() {
        return if n == 1 {
            text.to_string()
        } else {
            String::new()
        };
    }
    text.split(delimiter)
        .nth(n - 1)
        .unwrap_or_default()
        .to_string()
}

/// SQLite has no `split_part`: its spelling from the stdlib, run on SQLite, gives what
/// PostgreSQL's `split_part` gives, for every field number it is spelled for, with literal and
/// column delimiters; null stays null.
#[test]
fn split_part_spelling_agrees_with_postgres() {
    let f = migc_stdlib::function("split_part").expect("split_part is in the stdlib");
    let conn = rusqlite::Connection::open_in_memory().expect("open");
    conn.execute_batch("CREATE TABLE t (s TEXT, d TEXT);")
        .expect("create");
    let texts = [
        "",
        "a",
        "a b",
        "a b c",
        " a",
        "a ",
        "a  b",
        "ab:cd:ef:gh:ij:kl",
        "é ü ß",
        "a::b",
    ];
    let delimiters = [" ", ":", "::", "", "b"];
    let max = migc_stdlib::SQLITE_SPLIT_PART_MAX_FIELD as usize;
    let mut checked = 0;
    for d in delimiters {
        for text in texts {
            conn.execute("DELETE FROM t", []).expect("delete");
            conn.execute("INSERT INTO t (s, d) VALUES (?1, ?2)", [text, d])
                .expect("insert");
            for n in 1..=max {
                let literal = format!("'{}'", d.replace('\'', "''"));
                for delimiter in [literal, "d".to_string()] {
                    let args = ["s".to_string(), delimiter.clone(), n.to_string()];
                    let sql = f
                        .render(migc_stdlib::Dialect::Sqlite, &args)
                        .unwrap_or_else(|| panic!("field {n} is spelled"));
                    let got: String = conn
                        .query_row(&format!("SELECT {sql} FROM t"), [], |r| r.get(0))
                        .unwrap_or_else(|e| panic!("{sql}: {e}"));
                    assert_eq!(
                        got,
                        split_part_reference(text, d, n),
                        "split_part({text:?}, {delimiter}, {n}) as {sql}"
                    );
                    checked += 1;
                }
            }
        }
    }
    let sql = f
        .render(
            migc_stdlib::Dialect::Sqlite,
            &["NULL".into(), "' '".into(), "2".into()],
        )
        .expect("spelled");
    let null: Option<String> = conn
        .query_row(&format!("SELECT {sql}"), [], |r| r.get(0))
        .expect("query");
    assert_eq!(null, None, "{sql}");
    assert!(f
        .render(
            migc_stdlib::Dialect::Sqlite,
            &["s".into(), "' '".into(), (max + 1).to_string()]
        )
        .is_none());
    assert!(checked > 400, "{checked}");
}

/// A call the SQLite spelling cannot express (a field number past the limit, or computed) is
/// refused with the limit, the `.mig` location and no plan written.
#[test]
fn calls_without_an_sqlite_spelling_are_refused_with_their_location() {
    let tmp = tempfile::tempdir().expect("temp dir");
    for (name, field) in [("far", "6"), ("computed", "length(name)")] {
        let from = tmp.path().join(name).join("from");
        let to = tmp.path().join(name).join("to");
        std::fs::create_dir_all(&from).expect("mkdir");
        std::fs::create_dir_all(&to).expect("mkdir");
        std::fs::write(
            from.join("schema.mig"),
            "table people {\n  id bigint primary key identity\n  name text not null\n}\n",
        )
        .expect("write");
        std::fs::write(
            to.join("schema.mig"),
            format!("table people {{\n  id bigint primary key identity\n  name text not null\n  part text null from name up (split_part(name, ' ', {field}))\n}}\n"),
        )
        .expect("write");
        let out_dir = tmp.path().join(name).join("plan");
        let out = std::process::Command::new(s::migc())
            .args(["plan", "--from"])
            .arg(&from)
            .arg("--to")
            .arg(&to)
            .args(["--dialect", "sqlite", "--out"])
            .arg(&out_dir)
            .output()
            .expect("migc runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{name}: {stderr}");
        assert!(
            stderr.contains("this call of `split_part` cannot be spelled for SQLite"),
            "{name}: {stderr}"
        );
        assert!(
            stderr.contains("for a field number written as a whole number from 1 to 5"),
            "{name}: {stderr}"
        );
        assert!(
            stderr.contains("schema.mig:4:"),
            "{name}: no location:\n{stderr}"
        );
        assert!(!out_dir.exists(), "{name}: a plan was written");
    }
}

/// Whether the `sqlite3` shell can be used; without it the test passes with a note, except in CI.
fn shell(test: &str) -> bool {
    if s::sqlite3().is_some() {
        return true;
    }
    let ci = std::env::var("CI").is_ok_and(|v| v == "true");
    assert!(
        !ci,
        "{test}: the sqlite3 shell is not installed (apt-get install sqlite3)"
    );
    eprintln!("note: {test}: the sqlite3 shell is not installed; skipped");
    false
}

fn case_dirs(name: &str) -> (String, String) {
    (
        format!("tests/data/plan/{name}/from"),
        format!("tests/data/plan/{name}/to"),
    )
}

fn abs(p: &str) -> String {
    s::root().join(p).to_string_lossy().into_owned()
}

/// The same plans run through `sqlite3 db < file` give the same database as in process.
#[test]
fn scripts_run_in_the_sqlite3_shell() {
    if !shell("scripts_run_in_the_sqlite3_shell") {
        return;
    }
    for name in [
        "computed_column_no_retire",
        "rename_table",
        "enum_rename_value",
        "new_foreign_key",
        "native_objects_rebuilt",
    ] {
        let (from, to) = case_dirs(name);
        if !Path::new(&abs(&from)).is_dir() {
            continue;
        }
        let tmp = tempfile::tempdir().expect("temp dir");
        let deploy =
            s::plan("empty", &abs(&from), &tmp.path().join("deploy")).expect("deploy plan");
        let plan = s::plan(&abs(&from), &abs(&to), &tmp.path().join("plan")).expect("plan");
        let cli_db = tmp.path().join("cli.db");
        let lib_db = tmp.path().join("lib.db");
        for p in &deploy.phases {
            let (ok, text) = s::run_cli(&cli_db, &p.up).expect("sqlite3 runs");
            assert!(ok, "{name}: deploy {} up in sqlite3:\n{text}", p.name);
        }
        std::fs::copy(&cli_db, &lib_db).expect("copy");
        let lib = s::open(&lib_db).expect("open");
        let mut old = s::Shape::new(
            "old app",
            s::snapshot(&s::root().join(&from)).expect("snapshot"),
        );
        let mut counters = s::Counters::default();
        s::seed(&lib, &mut old, &mut counters, 5).expect("seed");
        drop(lib);
        std::fs::copy(&lib_db, &cli_db).expect("copy");
        let lib = s::open(&lib_db).expect("open");
        for p in &plan.phases {
            let (ok, text) = s::run_cli(&cli_db, &p.up).expect("sqlite3 runs");
            assert!(ok, "{name}: {} up in sqlite3:\n{text}", p.name);
            assert!(
                text.lines().all(|l| l.trim() == "10000"),
                "{name}: {} up printed more than the busy timeout:\n{text}",
                p.name
            );
            s::run_script(&lib, &p.up).unwrap_or_else(|e| panic!("{name}: {e}"));
        }
        let cli = s::open(&cli_db).expect("open");
        assert_eq!(
            s::dump(&cli).expect("dump"),
            s::dump(&lib).expect("dump"),
            "{name}: sqlite3 and rusqlite give different databases"
        );
        // And back.
        for p in plan.phases.iter().rev() {
            let (ok, text) = s::run_cli(&cli_db, &p.down).expect("sqlite3 runs");
            assert!(ok, "{name}: {} down in sqlite3:\n{text}", p.name);
        }
    }
}

/// A script that fails half-way changes nothing, in the shell (which goes on after the error)
/// and in process; a script run a second time is refused and changes nothing.
#[test]
fn failing_scripts_change_nothing() {
    let (from, to) = case_dirs("new_check");
    if !Path::new(&abs(&from)).is_dir() {
        return;
    }
    let tmp = tempfile::tempdir().expect("temp dir");
    let deploy = s::plan("empty", &abs(&from), &tmp.path().join("deploy")).expect("deploy plan");
    let plan = s::plan(&abs(&from), &abs(&to), &tmp.path().join("plan")).expect("plan");
    let db = tmp.path().join("db");
    let conn = s::open(&db).expect("open");
    for p in &deploy.phases {
        s::run_script(&conn, &p.up).expect("deploy");
    }
    let mut old = s::Shape::new(
        "old app",
        s::snapshot(&s::root().join(&from)).expect("snapshot"),
    );
    s::seed(&conn, &mut old, &mut s::Counters::default(), 5).expect("seed");
    // A row the new check refuses: the switch's rebuild cannot copy it.
    conn.execute("UPDATE items SET title = '' WHERE id = 1", [])
        .expect("update");
    let expand = &plan.phases[0];
    let switch = plan
        .phases
        .iter()
        .find(|p| p.name == "switch")
        .expect("a switch phase");
    s::run_script(&conn, &expand.up).expect("expand");
    let before = s::dump(&conn).expect("dump");
    let err = s::run_script(&conn, &switch.up).expect_err("the switch must fail");
    assert!(err.contains("CHECK constraint failed"), "{err}");
    assert_eq!(
        before,
        s::dump(&conn).expect("dump"),
        "in process, the failed switch changed the database"
    );
    drop(conn);
    if !shell("failing_scripts_change_nothing") {
        return;
    }
    let (ok, text) = s::run_cli(&db, &switch.up).expect("sqlite3 runs");
    assert!(!ok, "the switch must fail in sqlite3:\n{text}");
    assert!(text.contains("CHECK constraint failed"), "{text}");
    assert!(
        text.contains("migc: a statement of this script failed"),
        "{text}"
    );
    let conn = s::open(&db).expect("open");
    assert_eq!(
        before,
        s::dump(&conn).expect("dump"),
        "in sqlite3, the failed switch changed the database"
    );
}

/// A script applied a second time is refused and changes nothing, in process and in the shell.
#[test]
fn scripts_run_twice_are_refused() {
    let (from, to) = case_dirs("add_nullable_column");
    if !Path::new(&abs(&from)).is_dir() {
        return;
    }
    let tmp = tempfile::tempdir().expect("temp dir");
    let deploy = s::plan("empty", &abs(&from), &tmp.path().join("deploy")).expect("deploy plan");
    let plan = s::plan(&abs(&from), &abs(&to), &tmp.path().join("plan")).expect("plan");
    let db = tmp.path().join("db");
    let conn = s::open(&db).expect("open");
    for p in &deploy.phases {
        s::run_script(&conn, &p.up).expect("deploy");
    }
    let mut old = s::Shape::new(
        "old app",
        s::snapshot(&s::root().join(&from)).expect("snapshot"),
    );
    s::seed(&conn, &mut old, &mut s::Counters::default(), 5).expect("seed");
    let expand = &plan.phases[0];
    s::run_script(&conn, &expand.up).expect("expand");
    let before = s::dump(&conn).expect("dump");
    let err = s::run_script(&conn, &expand.up).expect_err("expand twice");
    assert!(err.contains("duplicate column name"), "{err}");
    assert_eq!(
        before,
        s::dump(&conn).expect("dump"),
        "expand run twice changed the database"
    );
    drop(conn);
    if !shell("scripts_run_twice_are_refused") {
        return;
    }
    let (ok, text) = s::run_cli(&db, &expand.up).expect("sqlite3 runs");
    assert!(!ok, "expand twice must fail in sqlite3:\n{text}");
    assert!(
        text.contains("migc: the database is not in the state this script starts from"),
        "{text}"
    );
    let conn = s::open(&db).expect("open");
    assert_eq!(
        before,
        s::dump(&conn).expect("dump"),
        "in sqlite3, expand run twice changed the database"
    );
}

/// While each phase up to switch runs, the old application keeps inserting from another
/// connection: its writes wait for the phase's transaction (busy timeout) and none fails.
#[test]
fn concurrent_writers_wait_and_see_no_errors() {
    let (from, to) = case_dirs("combo_concurrent");
    if !Path::new(&abs(&from)).is_dir() {
        return;
    }
    let tmp = tempfile::tempdir().expect("temp dir");
    let deploy = s::plan("empty", &abs(&from), &tmp.path().join("deploy")).expect("deploy plan");
    let plan = s::plan(&abs(&from), &abs(&to), &tmp.path().join("plan")).expect("plan");
    let db = tmp.path().join("db");
    let conn = s::open(&db).expect("open");
    for p in &deploy.phases {
        s::run_script(&conn, &p.up).expect("deploy");
    }
    let mut old = s::Shape::new(
        "old app",
        s::snapshot(&s::root().join(&from)).expect("snapshot"),
    );
    let mut counters = s::Counters::default();
    s::seed(&conn, &mut old, &mut counters, 50).expect("seed");
    let stop = std::sync::atomic::AtomicBool::new(false);
    std::thread::scope(|scope| {
        let writer = scope.spawn(|| {
            let c = s::open(&db).expect("open");
            let mut counters = counters.clone();
            let mut n = 0;
            while !stop.load(std::sync::atomic::Ordering::SeqCst) || n < 20 {
                s::round(&c, &old, &mut counters, n).map_err(|e| format!("write {n}: {e}"))?;
                n += 1;
            }
            Ok::<usize, String>(n)
        });
        for p in plan.phases.iter().filter(|p| p.name != "contract") {
            s::run_script(&conn, &p.up).unwrap_or_else(|e| panic!("{} up under load: {e}", p.name));
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        stop.store(true, std::sync::atomic::Ordering::SeqCst);
        let rounds = writer
            .join()
            .expect("writer thread")
            .expect("the old application's writes");
        assert!(rounds >= 20, "{rounds} rounds");
    });
}

/// The batched backfill walks a composite primary key (row values, text and integer parts),
/// within the whole lifecycle of the change. (A table without a primary key is refused by the
/// planner before any dialect: there is no key to backfill by.)
#[test]
fn batched_backfill_walks_composite_keys() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let from = tmp.path().join("from");
    let to = tmp.path().join("to");
    std::fs::create_dir_all(&from).expect("mkdir");
    std::fs::create_dir_all(&to).expect("mkdir");
    std::fs::write(
        from.join("schema.mig"),
        "table pairs {\n  region text not null\n  n bigint not null\n  amount bigint not null\n  primary key (region, n)\n}\n",
    )
    .expect("write");
    std::fs::write(
        to.join("schema.mig"),
        "table pairs {\n  region text not null\n  n bigint not null\n  amount bigint not null\n  cents bigint not null from amount up (amount * 100)\n  primary key (region, n)\n}\n",
    )
    .expect("write");
    let case = s::Case {
        name: "composite_key".into(),
        from,
        to,
    };
    let report = s::run_case(&case, false);
    assert!(
        report.failures.is_empty(),
        "{}",
        report.failures.join("\n\n")
    );
    assert!(
        report.batches.is_some_and(|n| n > 2),
        "batches: {:?}",
        report.batches
    );
    let prep = match s::prepare(&case) {
        Ok(p) => p,
        Err(_) => panic!("prepare"),
    };
    let (list, _) = s::batches(&prep.plan).expect("batches");
    let keys: Vec<(String, Vec<String>)> = list.into_iter().map(|b| (b.table, b.key)).collect();
    assert_eq!(
        keys,
        [(
            "pairs".to_string(),
            vec!["region".to_string(), "n".to_string()]
        )]
    );
}

/// The statements of a script as written, split at top-level semicolons found by sqlparser's
/// tokenizer; a `CREATE TRIGGER` runs to the `END` that closes its body. Comments and blank
/// statements dropped.
fn statements(text: &str) -> Result<Vec<String>, String> {
    use sqlparser::tokenizer::{Location, Token, Tokenizer};
    let dialect = sqlparser::dialect::SQLiteDialect {};
    let tokens = Tokenizer::new(&dialect, text)
        .tokenize_with_location()
        .map_err(|e| format!("the tokenizer fails: {e}"))?;
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
                let trigger = words.first().is_some_and(|w| w == "CREATE")
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

/// DESIGN.md §7: every statement of every generated SQLite script re-parses with sqlparser's
/// SQLiteDialect: the plans of every case of `tests/data/plan` and of every example pair, and
/// the plans that build each of their schemas from `empty`. The lifecycle tests run every one
/// of these scripts on SQLite.
#[test]
fn every_generated_statement_reparses_with_sqlparser() {
    use sqlparser::dialect::SQLiteDialect;
    use sqlparser::parser::Parser;
    let work = tempfile::tempdir().expect("tempdir");
    let path = |p: &Path| p.to_string_lossy().to_string();
    let mut plans = Vec::new();
    let mut sources = std::collections::BTreeSet::new();
    for (name, from, to) in s::data_cases().into_iter().chain(s::example_pairs()) {
        let p = s::plan(&path(&from), &path(&to), &work.path().join(&name))
            .unwrap_or_else(|e| panic!("planning {name}: {e}"));
        plans.push((name, p));
        sources.insert(from);
        sources.insert(to);
    }
    for (i, src) in sources.iter().enumerate() {
        let p = s::plan(
            "empty",
            &path(src),
            &work.path().join(format!("empty_to_{i}")),
        )
        .unwrap_or_else(|e| panic!("planning empty -> {}: {e}", src.display()));
        plans.push((format!("empty -> {}", src.display()), p));
    }
    let mut failures: Vec<String> = Vec::new();
    let mut kinds: std::collections::BTreeMap<String, usize> = std::collections::BTreeMap::new();
    let mut checked = 0usize;
    for (name, p) in &plans {
        let mut texts: Vec<(String, String)> = Vec::new();
        for script in p.scripts() {
            let text = std::fs::read_to_string(&script)
                .unwrap_or_else(|e| panic!("read {}: {e}", script.display()));
            let file = script
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .to_string();
            texts.push((file, text));
        }
        // The manifest's statements: batches and gate checks.
        let (batches, _) = s::batches(p).expect("batches");
        for b in batches {
            let lit = "1 = 1";
            for stmt in [&b.next, &b.fill, &b.remaining]
                .into_iter()
                .chain(&b.setup)
                .chain(&b.teardown)
            {
                let stmt = stmt
                    .replace("{after}", lit)
                    .replace("{upto}", lit)
                    .replace("{limit}", "1000");
                texts.push(("manifest.json (batch)".into(), stmt));
            }
        }
        for check in p.gate_checks("switch") {
            texts.push(("manifest.json (gate)".into(), check));
        }
        for (file, text) in texts {
            let stmts = match statements(&text) {
                Ok(s) => s,
                Err(e) => {
                    failures.push(format!("{name}: {file}: {e}"));
                    continue;
                }
            };
            for stmt in stmts {
                checked += 1;
                if let Err(e) = Parser::parse_sql(&SQLiteDialect {}, &stmt) {
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
    assert!(checked > 1000, "{checked} statements");
    assert!(
        failures.is_empty(),
        "statements sqlparser cannot parse, by kind: {kinds:?}\n\n{}",
        failures.join("\n\n")
    );
}

/// SQLite stores no comments: a comment change is a step that says so and runs nothing (the
/// lifecycle of `comment_change` also runs these scripts with both applications).
#[test]
fn comment_changes_are_steps_that_say_sqlite_keeps_no_comments() {
    let (from, to) = case_dirs("comment_change");
    let tmp = tempfile::tempdir().expect("temp dir");
    let plan = s::plan(&abs(&from), &abs(&to), &tmp.path().join("plan")).expect("plan");
    let mut ops = Vec::new();
    for phase in plan.manifest["phases"].as_array().into_iter().flatten() {
        for step in phase["steps"].as_array().into_iter().flatten() {
            ops.push(step["op"].as_str().unwrap_or_default().to_string());
            assert_eq!(step["lock"], "none", "{step}");
            assert_eq!(step["rewrite"], false, "{step}");
            assert!(step["rollback_loses"].is_null(), "{step}");
        }
    }
    ops.sort();
    assert_eq!(ops, ["comment_column", "comment_table"]);
    for script in plan.scripts() {
        let text = std::fs::read_to_string(&script).expect("read");
        let stmts = statements(&text).expect("statements");
        assert!(stmts.is_empty(), "{}: {stmts:?}", script.display());
    }
    let expand = std::fs::read_to_string(&plan.phases[0].up).expect("read");
    assert_eq!(
        expand
            .matches("-- SQLite has no comments: they stay in the .mig files")
            .count(),
        2,
        "{expand}"
    );
}

/// The README's first command ("On a fresh machine") plans for SQLite, and its scripts turn a
/// database of the deployed version into the target version, in process and in the `sqlite3`
/// shell, and back.
#[test]
fn the_readme_command_plans_for_sqlite_and_its_scripts_run() {
    let readme = std::fs::read_to_string(s::root().join("README.md")).expect("README.md");
    let line = readme
        .lines()
        .map(str::trim)
        .find(|l| l.starts_with("cargo run --release -- plan "))
        .expect("the README's plan command");
    let args: Vec<&str> = line
        .trim_start_matches("cargo run --release -- ")
        .split_whitespace()
        .collect();
    let arg = |flag: &str| {
        args.iter()
            .position(|a| *a == flag)
            .and_then(|i| args.get(i + 1))
            .copied()
            .unwrap_or_else(|| panic!("{flag} in `{line}`"))
    };
    assert_eq!(arg("--dialect"), "sqlite", "{line}");
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = tmp.path().join(arg("--out"));
    let mut cmd = std::process::Command::new(s::migc());
    cmd.current_dir(s::root());
    for a in &args {
        if *a == arg("--out") {
            cmd.arg(&out);
        } else {
            cmd.arg(a);
        }
    }
    let run = cmd.output().expect("migc runs");
    assert!(
        run.status.success(),
        "{line}: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    let plan = s::plan(
        &abs(arg("--from")),
        &abs(arg("--to")),
        &tmp.path().join("again"),
    )
    .expect("plan");
    // The README command's own scripts (the second plan only names them).
    let script = |p: &Path| out.join(p.file_name().expect("file name"));
    let deploy = s::plan("empty", &abs(arg("--from")), &tmp.path().join("deploy")).expect("deploy");
    let target = s::plan("empty", &abs(arg("--to")), &tmp.path().join("target")).expect("target");
    let db = tmp.path().join("db");
    let target_db = tmp.path().join("target.db");
    let conn = s::open(&db).expect("open");
    for p in &deploy.phases {
        s::run_script(&conn, &p.up).expect("deploy");
    }
    let mut old = s::Shape::new(
        "old app",
        s::snapshot(&s::root().join(arg("--from"))).expect("snapshot"),
    );
    s::seed(&conn, &mut old, &mut s::Counters::default(), 5).expect("seed");
    let deployed = s::catalog(&conn).expect("catalog");
    drop(conn);
    let tconn = s::open(&target_db).expect("open");
    for p in &target.phases {
        s::run_script(&tconn, &p.up).expect("target");
    }
    let expected = s::catalog(&tconn).expect("catalog");
    let cli = s::sqlite3().is_some();
    let run_up = |script: &Path| {
        if cli {
            let (ok, text) = s::run_cli(&db, script).expect("sqlite3 runs");
            assert!(ok, "{}:\n{text}", script.display());
        } else {
            let conn = s::open(&db).expect("open");
            s::run_script(&conn, script).expect("script");
        }
    };
    for p in &plan.phases {
        run_up(&script(&p.up));
    }
    let conn = s::open(&db).expect("open");
    let diffs = s::diff(&expected, &s::catalog(&conn).expect("catalog"));
    assert!(
        diffs.is_empty(),
        "{:?}",
        diffs.iter().map(|d| &d.text).collect::<Vec<_>>()
    );
    drop(conn);
    for p in plan.phases.iter().rev() {
        run_up(&script(&p.down));
    }
    let conn = s::open(&db).expect("open");
    let diffs = s::diff(&deployed, &s::catalog(&conn).expect("catalog"));
    assert!(
        diffs.is_empty(),
        "{:?}",
        diffs.iter().map(|d| &d.text).collect::<Vec<_>>()
    );
}
