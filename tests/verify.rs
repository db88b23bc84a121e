//! `migc verify`: every step of the example chains verified on embedded SQLite (the steps that
//! do not plan for SQLite are refused with the planner's error) and on PostgreSQL
//! (`MIGC_TEST_POSTGRES_URL`, a scratch database made and dropped per run); a plan broken on
//! purpose is reported as a violation with exit 1; usage errors exit 2.

mod apply_support;

use apply_support::*;
use migc_db::DbUrl;
use migc_runner::verify::{self, Case, Cell};
use migc_runner::PlanDir;
use std::collections::BTreeMap;

/// Every step of every example chain: (from, to), `empty` first.
fn chain_steps() -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut examples: Vec<_> = std::fs::read_dir(root().join("examples"))
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    examples.sort();
    for ex in examples {
        let mut versions: Vec<_> = std::fs::read_dir(&ex)
            .unwrap()
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.is_dir())
            .collect();
        versions.sort();
        let mut from = "empty".to_string();
        for v in versions {
            let to = path_str(&v);
            out.push((from, to.clone()));
            from = to;
        }
    }
    assert!(out.len() >= 10, "the example chains are found: {out:?}");
    out
}

const PHASES: [&str; 4] = ["expand", "backfill", "switch", "contract"];

/// Checks the printed matrix of a verification that passed.
#[track_caller]
fn matrix_holds(out: &str, from: &str) {
    for phase in PHASES {
        let line = out
            .lines()
            .find(|l| l.starts_with(&format!("{phase} ")))
            .unwrap_or_else(|| panic!("no `{phase}` line:\n{out}"));
        let marks: Vec<&str> = line.split_whitespace().skip(1).collect();
        let old_after_contract = phase == "contract" && from != "empty";
        let expected_old = if old_after_contract { "–" } else { "✓" };
        assert_eq!(marks, [expected_old, "✓", "✓"], "{phase}:\n{out}");
    }
    assert!(
        out.contains("ok: every promise of the plan's compatibility matrix holds"),
        "{out}"
    );
}

#[test]
fn every_example_step_verifies_on_embedded_sqlite() {
    for (from, to) in chain_steps() {
        let o = run(&["verify", "--from", &from, "--to", &to, "--rows", "12"]);
        expect(&o, 0);
        let out = text(&o.stdout);
        assert!(
            out.starts_with(&format!(
                "verify {from} -> {to} on sqlite, an embedded SQLite scratch database, 12 rows per table\n"
            )),
            "{out}"
        );
        matrix_holds(&out, &from);
    }
}

/// The README's first command ("On a fresh machine") runs as written and proves its plan.
#[test]
fn the_readme_verify_command_works() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let line = readme
        .lines()
        .map(str::trim)
        .find(|l| l.starts_with("cargo run --release -- "))
        .expect("a command in the README");
    let args: Vec<&str> = line
        .trim_start_matches("cargo run --release -- ")
        .split_whitespace()
        .collect();
    assert_eq!(args.first(), Some(&"verify"), "{line}");
    let from = args[args.iter().position(|a| *a == "--from").unwrap() + 1];
    let o = run(&args);
    expect(&o, 0);
    matrix_holds(&text(&o.stdout), from);
}

#[test]
#[cfg_attr(
    not(live_postgres),
    ignore = "needs a PostgreSQL server: set MIGC_TEST_POSTGRES_URL"
)]
fn every_example_step_verifies_on_postgres() {
    let Some(server) = live(
        "MIGC_TEST_POSTGRES_URL",
        "every_example_step_verifies_on_postgres",
    ) else {
        return;
    };
    let mut admin = connect(&server);
    let scratch_count = |admin: &mut Box<dyn migc_db::Connection>| {
        number(
            admin.as_mut(),
            "SELECT count(*) FROM pg_database WHERE datname LIKE 'migc\\_verify\\_%'",
        )
    };
    let before = scratch_count(&mut admin);
    for (from, to) in chain_steps() {
        let o = run(&[
            "verify", "--from", &from, "--to", &to, "--url", &server, "--rows", "12",
        ]);
        expect(&o, 0);
        let out = text(&o.stdout);
        assert!(
            out.contains(" on postgres, a scratch database on "),
            "{out}"
        );
        matrix_holds(&out, &from);
    }
    assert_eq!(
        scratch_count(&mut admin),
        before,
        "a scratch database was left behind"
    );
}

/// A plan whose expand renames a column the old application uses: the old application breaks
/// after expand, which the plan promises it does not.
#[test]
fn a_plan_that_breaks_the_old_application_is_a_violation() {
    let mut sources = migc_grammar::Sources::new();
    let mut compile = |name: &str, text: &str| {
        let file = sources.add(name.to_string(), text.to_string());
        migc_compiler::compile(&mut sources, &[file])
            .schema
            .expect("the schema compiles")
    };
    let from = compile("v1.mig", V1);
    let to = compile("v2.mig", V2);
    let render = |a: &migc_compiler::schema::Schema, b: &migc_compiler::schema::Schema| {
        let plan = migc_planner::plan(a, b, &migc_planner::Options::default());
        let labels = migc_planner::Labels { from: "a", to: "b" };
        let mut files =
            migc_planner::render(&plan, a, b, migc_stdlib::Dialect::Sqlite, &labels, &|_| {
                None
            })
            .expect("the plan renders")
            .files;
        let manifest = files.remove("manifest.json").unwrap();
        (manifest, files.into_iter().collect::<BTreeMap<_, _>>())
    };
    let empty = migc_compiler::schema::Schema::default();
    let (m, s) = render(&empty, &from);
    let deploy = PlanDir::from_files(&m, s).unwrap();
    let (m, mut s) = render(&from, &to);
    let broken = "-- expand, broken on purpose\n\n-- [1] add column `b`\n--     lock: none\nALTER TABLE t RENAME COLUMN a TO a_gone;\n\n-- [2] nothing\n--     lock: none\nSELECT 1;\n";
    s.insert("01-expand.up.sql".into(), broken.into());
    let mut manifest: serde_json::Value = serde_json::from_str(&m).unwrap();
    manifest["checksums"]["01-expand.up.sql"] = migc_planner::manifest::sha256(broken).into();
    let plan = PlanDir::from_files(&serde_json::to_string(&manifest).unwrap(), s).unwrap();

    let url = DbUrl::Sqlite(None);
    let mut conn = migc_db::connect(&url).unwrap();
    let report = verify::run(
        &url,
        conn.as_mut(),
        &Case {
            from: &from,
            to: &to,
            deploy: &deploy,
            plan: &plan,
            rows: 5,
        },
    )
    .unwrap();
    let expand = &report.lines[0];
    assert_eq!(expand.apply, None, "{}", report.render());
    assert_eq!(expand.phase, "expand");
    assert!(
        matches!(&expand.old, Cell::Broken(why) if why.contains("a_gone") || why.contains("no column named a")),
        "{:?}",
        expand.old
    );
    assert!(!report.violations().is_empty());
    let printed = report.render();
    assert!(printed.contains("expand     ✗"), "{printed}");
    assert!(
        printed.contains("violations:\n  expand: old app: insert into `t`"),
        "{printed}"
    );
}

#[test]
fn verify_on_a_server_dialect_needs_a_url() {
    let o = run(&[
        "verify",
        "--from",
        "empty",
        "--to",
        &path_str(&root().join("examples/blog/v1")),
        "--dialect",
        "postgres",
    ]);
    expect(&o, 2);
    assert!(
        text(&o.stderr).contains("needs a server: give `--url`"),
        "{}",
        show(&o)
    );
}

/// `migc verify --url mysql://…` on MariaDB: every step of the example chains, from empty to
/// each first version (whole schemas: expression and unique partial indexes on generated
/// columns included) and between versions (table copies of referenced tables, of tables with
/// dual-write triggers and of one gaining a self-reference), a split column and a new
/// expression index on a filled table.
#[test]
#[cfg_attr(
    not(live_mysql),
    ignore = "needs a MySQL/MariaDB server: set MIGC_TEST_MYSQL_URL"
)]
fn example_versions_and_changes_verify_on_mysql() {
    let Some(server) = live(
        "MIGC_TEST_MYSQL_URL",
        "example_versions_and_changes_verify_on_mysql",
    ) else {
        return;
    };
    let data = |case: &str, side: &str| {
        root()
            .join("tests/data/plan")
            .join(case)
            .join(side)
            .to_string_lossy()
            .into_owned()
    };
    let mut steps = chain_steps();
    for case in ["split_column", "new_index"] {
        steps.push((data(case, "from"), data(case, "to")));
    }
    for (from, to) in steps {
        let o = run(&[
            "verify", "--from", &from, "--to", &to, "--url", &server, "--rows", "12",
        ]);
        expect(&o, 0);
        let out = text(&o.stdout);
        assert!(out.contains(" on mysql, a scratch database on "), "{out}");
        if from.ends_with("new_index/from") {
            // Nothing breaks the old application there, not even contract.
            assert!(
                out.contains("ok: every promise of the plan's compatibility matrix holds"),
                "{out}"
            );
        } else {
            matrix_holds(&out, &from);
        }
    }
}

/// A schema imported from a dump (native `char(2)`, `timestamp`, `year` columns, checks that
/// list their values) and a change to it verify on the dump's own server: the generated rows
/// fit the natives and the checks instead of failing on values such as `'COUNTRY 1'`.
fn imported_schema_verifies(dialect: &str, server: &str, dump: &str) {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let imported = path_str(&d.join("v1"));
    let o = run(&[
        "import",
        &path_str(&root().join("tests/data/verify").join(dump)),
        "--dialect",
        dialect,
        "-o",
        &imported,
    ]);
    expect(&o, 0);
    let changed = d.join("v2");
    std::fs::create_dir_all(changed.join("tables")).unwrap();
    let table = std::fs::read_to_string(d.join("v1/tables/customers.mig")).unwrap();
    let with_note = table.replacen("\n}", "\n  note text\n}", 1);
    assert_ne!(table, with_note);
    std::fs::write(changed.join("tables/customers.mig"), with_note).unwrap();
    for (from, to) in [
        ("empty".to_string(), imported.clone()),
        (imported.clone(), path_str(&changed)),
    ] {
        let o = run(&[
            "verify", "--from", &from, "--to", &to, "--url", server, "--rows", "12",
        ]);
        expect(&o, 0);
        let out = text(&o.stdout);
        assert!(
            out.contains("ok: every promise of the plan's compatibility matrix holds"),
            "{out}"
        );
    }
}

#[test]
#[cfg_attr(
    not(live_mysql),
    ignore = "needs a MySQL/MariaDB server: set MIGC_TEST_MYSQL_URL"
)]
fn an_imported_mysql_schema_verifies() {
    let Some(server) = live("MIGC_TEST_MYSQL_URL", "an_imported_mysql_schema_verifies") else {
        return;
    };
    imported_schema_verifies("mysql", &server, "mysql_dump.sql");
}

#[test]
#[cfg_attr(
    not(live_postgres),
    ignore = "needs a PostgreSQL server: set MIGC_TEST_POSTGRES_URL"
)]
fn an_imported_postgres_schema_verifies() {
    let Some(server) = live(
        "MIGC_TEST_POSTGRES_URL",
        "an_imported_postgres_schema_verifies",
    ) else {
        return;
    };
    imported_schema_verifies("postgres", &server, "postgres_dump.sql");
}

/// The schema imported from a PostgreSQL dump is portable: its `character(2)` is `char(2)`, and
/// it verifies on SQLite as it is.
#[test]
fn an_imported_postgres_schema_verifies_on_sqlite() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let imported = path_str(&d.join("v1"));
    let o = run(&[
        "import",
        &path_str(&root().join("tests/data/verify/postgres_dump.sql")),
        "--dialect",
        "postgres",
        "-o",
        &imported,
    ]);
    expect(&o, 0);
    let customers = std::fs::read_to_string(d.join("v1/tables/customers.mig")).unwrap();
    assert!(customers.contains("country    char(2)"), "{customers}");
    let url = format!("sqlite://{}", path_str(&d.join("app.db")));
    let o = run(&[
        "verify", "--from", "empty", "--to", &imported, "--url", &url, "--rows", "12",
    ]);
    expect(&o, 0);
}
