//! Defaults written per dialect (`default native(sqlite: "datetime('now')", …)`), on a real
//! database of each dialect: added to a table that has rows (the rows get the default, new rows
//! too), kept through a rebuild of the table, read back by `drift` as matching, and read by
//! `import` as a native default of the database's dialect.

mod import_support;

use import_support::*;
use migc_db::DbUrl;
use std::path::Path;

const V1: &str = r#"table events {
  id   int64 primary key
  kind text  not null
}
"#;

/// `events` gains a required column filled by a native default and a nullable one; `marks`
/// is new, with a native default from the start.
fn v2(dialect: &str) -> String {
    let (stamp, token) = match dialect {
        "postgres" => ("to_char(now(), 'YYYY-MM-DD')", "md5(random()::text)"),
        "mysql" => ("date_format(now(), '%Y-%m-%d')", "md5(rand())"),
        _ => ("date('now')", "lower(hex(randomblob(16)))"),
    };
    format!(
        r#"table events {{
  id    int64 primary key
  kind  text  not null
  day   text  not null default native({dialect}: "{stamp}")
  token text  default native({dialect}: "{token}")
}}

table marks {{
  id    int64 primary key
  token text  not null default native({dialect}: "{token}")
}}
"#
    )
}

fn query(url: &str, sql: &str) -> Vec<Vec<Option<String>>> {
    let mut c = migc_db::connect(&DbUrl::parse(url).expect("URL")).expect("connect");
    c.query(sql).unwrap_or_else(|e| panic!("{sql}: {e}"))
}

fn run(url: &str, sql: &str) {
    let mut c = migc_db::connect(&DbUrl::parse(url).expect("URL")).expect("connect");
    c.execute(sql).unwrap_or_else(|e| panic!("{sql}: {e}"));
}

fn lifecycle(d: &Path, dialect: &str, url: &str) {
    std::fs::create_dir_all(d.join("v1")).expect("dir");
    std::fs::create_dir_all(d.join("v2")).expect("dir");
    std::fs::write(d.join("v1/schema.mig"), V1).expect("write");
    std::fs::write(d.join("v2/schema.mig"), v2(dialect)).expect("write");
    let plan = |from: &str, to: &str, out: &str| {
        expect(
            d,
            &[
                "plan",
                "--from",
                from,
                "--to",
                to,
                "--dialect",
                dialect,
                "--out",
                out,
            ],
            0,
        );
    };
    plan("empty", "v1", "p1");
    expect(
        d,
        &["apply", "p1", "--url", url, "--through", "contract"],
        0,
    );
    run(url, "INSERT INTO events (id, kind) VALUES (1, 'before')");
    plan("v1", "v2", "p2");
    expect(
        d,
        &["apply", "p2", "--url", url, "--through", "contract"],
        0,
    );
    run(url, "INSERT INTO events (id, kind) VALUES (2, 'after')");
    run(url, "INSERT INTO marks (id) VALUES (1)");
    let rows = query(url, "SELECT id, day, token FROM events ORDER BY id");
    assert_eq!(rows.len(), 2, "{rows:?}");
    for r in &rows {
        let day = r[1].as_deref().unwrap_or_default();
        assert!(
            day.len() == 10 && day.as_bytes()[4] == b'-',
            "the row's day is the default's: {rows:?}"
        );
    }
    // Rows written after the plan get the default; those before it were filled by the plan
    // only where the column requires a value.
    assert!(
        rows[1][2].as_deref().is_some_and(|t| t.len() == 32),
        "{rows:?}"
    );
    let marks = query(url, "SELECT token FROM marks");
    assert!(
        marks[0][0].as_deref().is_some_and(|t| t.len() == 32),
        "{marks:?}"
    );
    expect(d, &["drift", "--url", url, "--to", "v2"], 0);
    expect(d, &["import", url, "-o", "imported"], 0);
    let events = std::fs::read_to_string(d.join("imported/tables/events.mig")).expect("events");
    assert!(
        events.contains(&format!("default native({dialect}: ")),
        "{events}"
    );
    // The imported schema plans nothing against the database it was read from.
    let out = expect(
        d,
        &[
            "plan",
            "--from",
            url,
            "--to",
            "imported",
            "--dialect",
            dialect,
            "--out",
            "p3",
        ],
        0,
    );
    assert!(
        text(&out.stdout).contains("(0 steps"),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn sqlite_native_defaults() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let url = format!("sqlite://{}", tmp.path().join("app.db").display());
    lifecycle(tmp.path(), "sqlite", &url);
}

#[test]
#[cfg_attr(
    not(live_postgres),
    ignore = "needs a PostgreSQL server: set MIGC_TEST_POSTGRES_URL"
)]
fn postgres_native_defaults() {
    let Some(admin) = server("MIGC_TEST_POSTGRES_URL", "postgres_native_defaults") else {
        return;
    };
    let db = Scratch::new(&admin, "migc_native_defaults_pg");
    let tmp = tempfile::tempdir().expect("tempdir");
    lifecycle(tmp.path(), "postgres", &db.url);
}

#[test]
#[cfg_attr(
    not(live_mysql),
    ignore = "needs a MySQL/MariaDB server: set MIGC_TEST_MYSQL_URL"
)]
fn mysql_native_defaults() {
    let Some(admin) = server("MIGC_TEST_MYSQL_URL", "mysql_native_defaults") else {
        return;
    };
    let db = Scratch::new(&admin, "migc_native_defaults_my");
    let tmp = tempfile::tempdir().expect("tempdir");
    lifecycle(tmp.path(), "mysql", &db.url);
}
