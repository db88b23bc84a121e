//! Generated columns (`as (…) stored|virtual`) on a real database of each dialect: created with
//! their table, added to a table that has rows, carried through the changes that copy a table
//! (a SQLite rebuild, a MySQL copy for a new check), computed for rows written before and
//! after, read back by `drift` as matching and by `import` as generated columns.

mod import_support;

use import_support::*;
use migc_db::DbUrl;
use std::path::Path;

const V1: &str = r#"table items {
  id    int64          primary key
  price decimal(10, 2) not null
  qty   int32          not null
  total decimal(12, 2) as (price * qty) stored
  label text
}
"#;

/// `doubled` is added (stored where the dialect adds one: PostgreSQL in place, MySQL by the
/// online table copy; virtual on SQLite, whose `ADD COLUMN` takes no stored one), `label`
/// becomes required and a check is added: SQLite rebuilds the table, MySQL copies it.
fn v2(dialect: &str) -> String {
    let kind = if dialect == "sqlite" {
        "virtual"
    } else {
        "stored"
    };
    format!(
        r#"table items {{
  id      int64          primary key
  price   decimal(10, 2) not null
  qty     int32          not null
  total   decimal(12, 2) as (price * qty) stored
  label   text           not null default ''
  doubled int64          as (qty * 2) {kind}
  check (qty >= 0)
}}
"#
    )
}

fn connect(url: &str) -> Box<dyn migc_db::Connection> {
    migc_db::connect(&DbUrl::parse(url).expect("URL")).expect("connect")
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
    connect(url)
        .execute("INSERT INTO items (id, price, qty, label) VALUES (1, 2.50, 4, 'a')")
        .expect("insert");
    plan("v1", "v2", "p2");
    expect(
        d,
        &["apply", "p2", "--url", url, "--through", "contract"],
        0,
    );
    let mut c = connect(url);
    c.execute("INSERT INTO items (id, price, qty) VALUES (2, 1.25, 3)")
        .expect("insert");
    c.execute("UPDATE items SET qty = 5 WHERE id = 1")
        .expect("update");
    let rows = c
        .query("SELECT id, total, doubled FROM items ORDER BY id")
        .expect("select");
    let numbers: Vec<(String, f64, i64)> = rows
        .iter()
        .map(|r| {
            let f = |i: usize| r[i].clone().unwrap_or_default();
            (
                f(0),
                f(1).parse().expect("total"),
                f(2).parse().expect("doubled"),
            )
        })
        .collect();
    assert_eq!(
        numbers,
        [("1".to_string(), 12.5, 10), ("2".to_string(), 3.75, 6)],
        "the database computes both columns, for rows old and new"
    );
    expect(d, &["drift", "--url", url, "--to", "v2"], 0);
    expect(d, &["import", url, "-o", "imported"], 0);
    let items = std::fs::read_to_string(d.join("imported/tables/items.mig")).expect("items");
    assert!(
        items.contains("as (price * qty) stored") && items.contains("as (qty * 2)"),
        "{items}"
    );
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
fn sqlite_generated_columns() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let url = format!("sqlite://{}", tmp.path().join("app.db").display());
    lifecycle(tmp.path(), "sqlite", &url);
}

#[test]
#[cfg_attr(
    not(live_postgres),
    ignore = "needs a PostgreSQL server: set MIGC_TEST_POSTGRES_URL"
)]
fn postgres_generated_columns() {
    let Some(admin) = server("MIGC_TEST_POSTGRES_URL", "postgres_generated_columns") else {
        return;
    };
    let db = Scratch::new(&admin, "migc_generated_pg");
    let tmp = tempfile::tempdir().expect("tempdir");
    lifecycle(tmp.path(), "postgres", &db.url);
}

#[test]
#[cfg_attr(
    not(live_mysql),
    ignore = "needs a MySQL/MariaDB server: set MIGC_TEST_MYSQL_URL"
)]
fn mysql_generated_columns() {
    let Some(admin) = server("MIGC_TEST_MYSQL_URL", "mysql_generated_columns") else {
        return;
    };
    let db = Scratch::new(&admin, "migc_generated_my");
    let tmp = tempfile::tempdir().expect("tempdir");
    lifecycle(tmp.path(), "mysql", &db.url);
}

/// What the dialects cannot do in place is refused at plan time, saying why.
#[test]
fn refusals_say_why() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let d = tmp.path();
    std::fs::create_dir_all(d.join("v1")).expect("dir");
    std::fs::write(d.join("v1/schema.mig"), V1).expect("write");
    let write = |name: &str, text: &str| {
        std::fs::create_dir_all(d.join(name)).expect("dir");
        std::fs::write(d.join(name).join("schema.mig"), text).expect("write");
    };
    write("virtual", &V1.replace("stored", "virtual"));
    write("changed", &V1.replace("price * qty", "price * qty * 2"));
    let refused = |from: &str, to: &str, dialect: &str, says: &str| {
        let out = expect(
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
                "p",
            ],
            1,
        );
        let err = text(&out.stderr);
        assert!(err.contains(says), "{from} -> {to} ({dialect}):\n{err}");
    };
    refused("empty", "virtual", "postgres", "only when stored");
    for dialect in ["postgres", "mysql", "sqlite"] {
        refused(
            "v1",
            "changed",
            dialect,
            "changing the expression of generated column `items.total`",
        );
    }
}
