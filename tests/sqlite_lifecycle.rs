//! The SQLite proof (DESIGN.md §7), in process with rusqlite's bundled SQLite, no server: every
//! kind of change of `tests/data/plan` and every step of the example chains runs through the
//! lifecycle harness (`tests/lifecycle/`): deployed, seeded, run phase by phase with the old and
//! the new application writing and reading after each phase, rolled back from every phase, every
//! script run twice, the backfill also run batch by batch, the result compared with a database
//! built directly from the target. Then a few plans run through the `sqlite3` shell
//! (`sqlite3 db < file`), including scripts that fail half-way, which must change nothing.
//!
//! `MIGC_SQLITE_CASES=a,b` runs only the cases whose name contains one of the words. Without the
//! `sqlite3` shell the shell tests print a note and pass, except in CI (`CI=true`).

mod lifecycle;

use lifecycle::sqlite::{run_cli, sqlite3, SQLITE};
use lifecycle::{plan, Apps, Change, Db, Engine, Expect, Prepared, Server};
use std::path::Path;

const EXPECT: Expect = Expect {
    seed_rows: 8,
    refused: &[],
    known: &[],
};

fn server(test: &str) -> Server {
    Server::for_test(&SQLITE, test).expect("SQLite runs in process")
}

/// A change prepared with the generated applications, and v1 seeded with `rows` rows a table.
fn seeded<'a>(
    server: &'a Server,
    change: &Change,
    rows: usize,
) -> (Prepared<'a>, Apps, Db, lifecycle::shape::Counters) {
    let prep = Prepared::new(server, change).unwrap_or_else(|e| panic!("{}: {e:?}", change.name));
    let apps = Apps::new(&prep, rows).expect("the applications");
    let (db, counters) = prep.seeded(&apps, "seeded").expect("seeded");
    (prep, apps, db, counters)
}

fn dump(db: &Db) -> String {
    SQLITE.dump(&mut *db.connect()).expect("dump")
}

/// Every case also runs its backfill batch by batch from the manifest: batches of three rows,
/// each in its own transaction, both applications inserting between batches; the result must
/// equal the backfill script's and no row be left to fill.
#[test]
fn lifecycle_of_every_kind_of_change() {
    let test = "lifecycle_of_every_kind_of_change";
    let reports = lifecycle::every_change(&server(test), test, plan::data_cases(), &EXPECT);
    if std::env::var("MIGC_SQLITE_CASES").is_ok_and(|f| !f.trim().is_empty()) {
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
    let test = "lifecycle_of_example_chains";
    lifecycle::every_change(&server(test), test, plan::example_pairs(), &EXPECT);
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
        let change = Change::inline(
            name,
            &tmp.path().join(name),
            "table people {\n  id bigint primary key identity\n  name text not null\n}\n",
            &format!("table people {{\n  id bigint primary key identity\n  name text not null\n  part text null from name up (split_part(name, ' ', {field}))\n}}\n"),
        );
        let out_dir = tmp.path().join(name).join("plan");
        let out = std::process::Command::new(plan::migc())
            .args(["plan", "--from"])
            .arg(&change.from)
            .arg("--to")
            .arg(&change.to)
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
    if sqlite3().is_some() {
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

/// The same plans run through `sqlite3 db < file` give the same database as in process.
#[test]
fn scripts_run_in_the_sqlite3_shell() {
    let test = "scripts_run_in_the_sqlite3_shell";
    if !shell(test) {
        return;
    }
    let server = server(test);
    for name in [
        "computed_column_no_retire",
        "rename_table",
        "enum_rename_value",
        "new_foreign_key",
        "native_objects_rebuilt",
    ] {
        let change = Change::data(name);
        let prep = Prepared::new(&server, &change).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        let apps = Apps::new(&prep, 5).expect("the applications");
        let cli = server.scratch("cli");
        for p in &prep.deploy.phases {
            let (ok, text) = run_cli(&cli.path(), &p.up).expect("sqlite3 runs");
            assert!(ok, "{name}: deploy {} up in sqlite3:\n{text}", p.name);
        }
        prep.seed(&apps, &cli).expect("seed");
        let lib = server.copy(&cli, "lib").expect("a copy");
        for p in &prep.plan.phases {
            let (ok, text) = run_cli(&cli.path(), &p.up).expect("sqlite3 runs");
            assert!(ok, "{name}: {} up in sqlite3:\n{text}", p.name);
            assert!(
                text.lines().all(|l| l.trim() == "10000"),
                "{name}: {} up printed more than the busy timeout:\n{text}",
                p.name
            );
            lib.run(&p.up).unwrap_or_else(|e| panic!("{name}: {e}"));
        }
        assert_eq!(
            dump(&cli),
            dump(&lib),
            "{name}: sqlite3 and rusqlite give different databases"
        );
        // And back.
        for p in prep.plan.phases.iter().rev() {
            let (ok, text) = run_cli(&cli.path(), &p.down).expect("sqlite3 runs");
            assert!(ok, "{name}: {} down in sqlite3:\n{text}", p.name);
        }
    }
}

/// A script that fails half-way changes nothing, in the shell (which goes on after the error)
/// and in process.
#[test]
fn failing_scripts_change_nothing() {
    let test = "failing_scripts_change_nothing";
    let server = server(test);
    let (prep, _, db, _) = seeded(&server, &Change::data("new_check"), 5);
    // A row the new check refuses: the switch's rebuild cannot copy it.
    db.connect()
        .execute("UPDATE items SET title = '' WHERE id = 1")
        .expect("update");
    let switch = prep.plan.phase("switch").expect("a switch phase");
    db.run(&prep.plan.phases[0].up).expect("expand");
    let before = dump(&db);
    let err = db.run(&switch.up).expect_err("the switch must fail");
    assert!(err.contains("CHECK constraint failed"), "{err}");
    assert_eq!(
        before,
        dump(&db),
        "in process, the failed switch changed the database"
    );
    if !shell(test) {
        return;
    }
    let (ok, text) = run_cli(&db.path(), &switch.up).expect("sqlite3 runs");
    assert!(!ok, "the switch must fail in sqlite3:\n{text}");
    assert!(text.contains("CHECK constraint failed"), "{text}");
    assert!(
        text.contains("migc: a statement of this script failed"),
        "{text}"
    );
    assert_eq!(
        before,
        dump(&db),
        "in sqlite3, the failed switch changed the database"
    );
}

/// A script applied a second time is refused and changes nothing, in process and in the shell.
#[test]
fn scripts_run_twice_are_refused() {
    let test = "scripts_run_twice_are_refused";
    let server = server(test);
    let (prep, _, db, _) = seeded(&server, &Change::data("add_nullable_column"), 5);
    let expand = &prep.plan.phases[0];
    db.run(&expand.up).expect("expand");
    let before = dump(&db);
    let err = db.run(&expand.up).expect_err("expand twice");
    assert!(err.contains("duplicate column name"), "{err}");
    assert_eq!(before, dump(&db), "expand run twice changed the database");
    if !shell(test) {
        return;
    }
    let (ok, text) = run_cli(&db.path(), &expand.up).expect("sqlite3 runs");
    assert!(!ok, "expand twice must fail in sqlite3:\n{text}");
    assert!(
        text.contains("migc: the database is not in the state this script starts from"),
        "{text}"
    );
    assert_eq!(
        before,
        dump(&db),
        "in sqlite3, expand run twice changed the database"
    );
}

/// While each phase up to switch runs, the old application keeps writing from its own
/// connection: its writes wait for the phase's transaction (busy timeout) and none fails.
#[test]
fn concurrent_writers_wait_and_see_no_errors() {
    use lifecycle::writers::{during, Load, Writer};
    let test = "concurrent_writers_wait_and_see_no_errors";
    let server = server(test);
    let (prep, apps, db, mut counters) = seeded(&server, &Change::data("combo_concurrent"), 50);
    let writer = Writer {
        app: lifecycle::App::Old,
        step: Box::new(|conn, n| {
            apps.round_on(conn, lifecycle::App::Old, &mut counters, n as usize)
                .map_err(|e| (e, format!("round {n}")))
        }),
    };
    let load = Load {
        before: 1,
        at_least: 20,
        ..Load::default()
    };
    let (_, logs) = during(&db, &prep.plan, &load, vec![writer], || {
        for p in prep.plan.phases.iter().filter(|p| p.name != "contract") {
            db.run(&p.up)
                .unwrap_or_else(|e| panic!("{} up under load: {e}", p.name));
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
    });
    let problems = logs[0].problems("the phases ran");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(logs[0].ops >= 20, "{} rounds", logs[0].ops);
}

/// The batched backfill walks a composite primary key (row values, text and integer parts),
/// within the whole lifecycle of the change. (A table without a primary key is refused by the
/// planner before any dialect: there is no key to backfill by.)
#[test]
fn batched_backfill_walks_composite_keys() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let change = Change::inline(
        "composite_key",
        tmp.path(),
        "table pairs {\n  region text not null\n  n bigint not null\n  amount bigint not null\n  primary key (region, n)\n}\n",
        "table pairs {\n  region text not null\n  n bigint not null\n  amount bigint not null\n  cents bigint not null from amount up (amount * 100)\n  primary key (region, n)\n}\n",
    );
    let server = server("batched_backfill_walks_composite_keys");
    let report = lifecycle::report::run_case(&server, &change, &|p: &Prepared<'_>| Apps::new(p, 8));
    let failures = report.failures(&[]);
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    assert!(
        report.batches.is_some_and(|n| n > 2),
        "batches: {:?}",
        report.batches
    );
    let prep = Prepared::new(&server, &change).expect("prepared");
    let (list, _) = prep.plan.batches().expect("batches");
    let keys: Vec<(String, Vec<String>)> = list.into_iter().map(|b| (b.table, b.key)).collect();
    assert_eq!(
        keys,
        [(
            "pairs".to_string(),
            vec!["region".to_string(), "n".to_string()]
        )]
    );
}

/// DESIGN.md §7: every statement of every generated SQLite script re-parses with sqlparser's
/// SQLiteDialect (a `CREATE TRIGGER` whole, to the `END` of its body). The lifecycle tests run
/// every one of these scripts on SQLite.
#[test]
fn every_generated_statement_reparses_with_sqlparser() {
    let checked = lifecycle::reparse::every_statement(&lifecycle::reparse::Reader {
        dialect: migc_stdlib::Dialect::Sqlite,
        parser: Box::new(sqlparser::dialect::SQLiteDialect {}),
        statements: lifecycle::sqlite::statements,
        known: |_| None,
        inner: |_| Vec::new(),
        refused: &[],
    });
    assert!(checked > 1000, "{checked} statements");
}

/// SQLite stores no comments: a comment change is a step that says so and runs nothing (the
/// lifecycle of `comment_change` also runs these scripts with both applications).
#[test]
fn comment_changes_are_steps_that_say_sqlite_keeps_no_comments() {
    let change = Change::data("comment_change");
    let tmp = tempfile::tempdir().expect("temp dir");
    let plan = plan::plan(
        &plan::arg(&change.from),
        &plan::arg(&change.to),
        migc_stdlib::Dialect::Sqlite,
        &tmp.path().join("plan"),
    )
    .expect("plan");
    for phase in plan.manifest["phases"].as_array().into_iter().flatten() {
        for step in phase["steps"].as_array().into_iter().flatten() {
            assert_eq!(step["lock"], "none", "{step}");
            assert_eq!(step["rewrite"], false, "{step}");
            assert!(step["rollback_loses"].is_null(), "{step}");
        }
    }
    let mut ops = plan.ops();
    ops.sort();
    assert_eq!(ops, ["comment_column", "comment_table"]);
    for script in plan.scripts() {
        let text = std::fs::read_to_string(&script).expect("read");
        let stmts = lifecycle::sqlite::statements(&text).expect("statements");
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
    let readme = std::fs::read_to_string(plan::root().join("README.md")).expect("README.md");
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
    let mut cmd = std::process::Command::new(plan::migc());
    cmd.current_dir(plan::root());
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
    let change = Change {
        name: "readme".into(),
        from: plan::root().join(arg("--from")),
        to: plan::root().join(arg("--to")),
    };
    let server = server("the_readme_command_plans_for_sqlite_and_its_scripts_run");
    let (prep, _, db, _) = seeded(&server, &change, 5);
    // The README command's own scripts (the harness's plan only names them).
    let script = |p: &Path| out.join(p.file_name().expect("file name"));
    let cli = sqlite3().is_some();
    let run_up = |script: &Path| {
        if cli {
            let (ok, text) = run_cli(&db.path(), script).expect("sqlite3 runs");
            assert!(ok, "{}:\n{text}", script.display());
        } else {
            db.run(script).expect("script");
        }
    };
    let catalog = || SQLITE.catalog(&mut *db.connect()).expect("catalog");
    for p in &prep.plan.phases {
        run_up(&script(&p.up));
    }
    let diffs = lifecycle::catalog::diff(&prep.target, &catalog());
    assert!(
        diffs.is_empty(),
        "{:?}",
        diffs.iter().map(|d| &d.text).collect::<Vec<_>>()
    );
    for p in prep.plan.phases.iter().rev() {
        run_up(&script(&p.down));
    }
    let diffs = lifecycle::catalog::diff(&prep.deployed, &catalog());
    assert!(
        diffs.is_empty(),
        "{:?}",
        diffs.iter().map(|d| &d.text).collect::<Vec<_>>()
    );
}
