//! Generated columns (`as (…) stored|virtual`) on a real database of each dialect: created with
//! their table, added to a table that has rows, carried through the changes that copy a table
//! (a SQLite rebuild, a MySQL copy for a new check), computed otherwise (their expression
//! changed), computed for rows written before and after, read back by `drift` as matching and
//! by `import` as generated columns.

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

/// `migc plan --from FROM --to TO --dialect DIALECT --out OUT` in `d`, which must succeed.
fn plan(d: &Path, dialect: &str, from: &str, to: &str, out: &str) -> std::process::Output {
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
        plan(d, dialect, from, to, out);
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
    write(
        "ordinary",
        &V1.replace(
            "total decimal(12, 2) as (price * qty) stored",
            "total decimal(12, 2)",
        ),
    );
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
    // PostgreSQL drops and adds the column to compute it otherwise: not under an index.
    write(
        "indexed",
        &V1.replace("  label text\n", "  label text\n  index (total)\n"),
    );
    write(
        "indexed_changed",
        &V1.replace("price * qty", "price * qty * 2")
            .replace("  label text\n", "  label text\n  index (total)\n"),
    );
    refused(
        "indexed",
        "indexed_changed",
        "postgres",
        "generated column `items.total` is computed otherwise, but `items_total_idx` read it",
    );
    for dialect in ["postgres", "mysql", "sqlite"] {
        refused(
            "v1",
            "ordinary",
            dialect,
            "making generated column `items.total` an ordinary one",
        );
    }
}

/// `total` computed otherwise, and where the dialect has virtual columns one of those too
/// (MySQL: `total` under an index, copied online; the virtual one in its metadata only): rows
/// written before and during the rollout get the new values from expand, a rollback computes
/// the old ones again, and the catalog reads back as declared.
fn recomputed(d: &Path, dialect: &str, url: &str) {
    let virtual_column = if dialect == "postgres" {
        ""
    } else {
        "  doubled int64          as (qty * 2) virtual\n"
    };
    let index = if dialect == "mysql" {
        "  index (total)\n"
    } else {
        ""
    };
    let v1 = format!(
        "table items {{\n  id      int64          primary key\n  price   decimal(10, 2) not null\n  qty     int32          not null\n  total   decimal(12, 2) as (price * qty) stored\n{virtual_column}{index}}}\n"
    );
    let v3 = v1
        .replace("(price * qty)", "(price * qty * 2)")
        .replace("(qty * 2)", "(qty * 3)");
    for (name, text) in [("r1", &v1), ("r3", &v3)] {
        std::fs::create_dir_all(d.join(name)).expect("dir");
        std::fs::write(d.join(name).join("schema.mig"), text).expect("write");
    }
    let plan = |from: &str, to: &str, out: &str| plan(d, dialect, from, to, out);
    plan("empty", "r1", "q1");
    expect(
        d,
        &["apply", "q1", "--url", url, "--through", "contract"],
        0,
    );
    let mut c = connect(url);
    c.execute("INSERT INTO items (id, price, qty) VALUES (1, 2.50, 4)")
        .expect("insert");
    plan("r1", "r3", "q3");
    let values = |c: &mut Box<dyn migc_db::Connection>| -> Vec<(f64, i64)> {
        let doubled = if dialect == "postgres" {
            "0"
        } else {
            "doubled"
        };
        c.query(&format!("SELECT total, {doubled} FROM items ORDER BY id"))
            .expect("select")
            .iter()
            .map(|r| {
                let f = |i: usize| r[i].clone().unwrap_or_default();
                (f(0).parse().expect("total"), f(1).parse().expect("doubled"))
            })
            .collect()
    };
    let virtual_or_zero = |n: i64| if dialect == "postgres" { 0 } else { n };
    expect(d, &["apply", "q3", "--url", url, "--through", "switch"], 0);
    let mut c = connect(url);
    c.execute("INSERT INTO items (id, price, qty) VALUES (2, 1.25, 3)")
        .expect("insert during the rollout");
    assert_eq!(
        values(&mut c),
        [(20.0, virtual_or_zero(12)), (7.5, virtual_or_zero(9))],
        "computed as declared from expand"
    );
    drop(c);
    expect(d, &["rollback", "q3", "--url", url], 0);
    let mut c = connect(url);
    assert_eq!(
        values(&mut c),
        [(10.0, virtual_or_zero(8)), (3.75, virtual_or_zero(6))],
        "computed as before after the rollback, no row lost"
    );
    drop(c);
    expect(
        d,
        &["apply", "q3", "--url", url, "--through", "contract"],
        0,
    );
    let mut c = connect(url);
    assert_eq!(
        values(&mut c),
        [(20.0, virtual_or_zero(12)), (7.5, virtual_or_zero(9))]
    );
    let out = plan(url, "r3", "again");
    assert!(
        text(&out.stdout).contains("(0 steps"),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn sqlite_generated_columns_computed_otherwise() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let url = format!("sqlite://{}", tmp.path().join("app.db").display());
    recomputed(tmp.path(), "sqlite", &url);
}

#[test]
#[cfg_attr(
    not(live_postgres),
    ignore = "needs a PostgreSQL server: set MIGC_TEST_POSTGRES_URL"
)]
fn postgres_generated_columns_computed_otherwise() {
    let Some(admin) = server(
        "MIGC_TEST_POSTGRES_URL",
        "postgres_generated_columns_computed_otherwise",
    ) else {
        return;
    };
    let db = Scratch::new(&admin, "migc_generated_recompute_pg");
    let tmp = tempfile::tempdir().expect("tempdir");
    recomputed(tmp.path(), "postgres", &db.url);
}

#[test]
#[cfg_attr(
    not(live_mysql),
    ignore = "needs a MySQL/MariaDB server: set MIGC_TEST_MYSQL_URL"
)]
fn mysql_generated_columns_computed_otherwise() {
    let Some(admin) = server(
        "MIGC_TEST_MYSQL_URL",
        "mysql_generated_columns_computed_otherwise",
    ) else {
        return;
    };
    let db = Scratch::new(&admin, "migc_generated_recompute_my");
    let tmp = tempfile::tempdir().expect("tempdir");
    recomputed(tmp.path(), "mysql", &db.url);
}
