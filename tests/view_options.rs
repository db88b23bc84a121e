//! Views declared `security invoker` and `with [local] check option` (`MIGC_TEST_POSTGRES_URL`,
//! `MIGC_TEST_MYSQL_URL`; each test makes its own scratch database and drops it): the server's
//! catalog holds what was declared, a write through the view that breaks its condition is
//! refused, a change of the clauses makes the view again, and on PostgreSQL a type change of a
//! column the view reads (which sets the view aside and makes it again) keeps both.
//! SQLite has no check option: a plan that needs one is refused with a diagnostic.

mod apply_support;

use apply_support::*;

const V1: &str = "table items {
  id    int64       primary key
  title varchar(20) not null
  price int32       not null
}

view cheap_items as (select id, title, price from items where price < 100)
";

const V2: &str = "table items {
  id    int64       primary key
  title varchar(40) not null
  price int32       not null
}

view cheap_items security invoker as (select id, title, price from items where price < 100) with local check option
";

/// Plans and applies `V1`, then `V2` through contract, and plans again from the database.
fn migrate(dialect: &str, url: &str) {
    let work = Work::new();
    let s1 = work.schema("v1", V1);
    let s2 = work.schema("v2", V2);
    let p1 = work.plan("empty", &s1, dialect, "p1");
    let p2 = work.plan(&s1, &s2, dialect, "p2");
    expect(
        &run(&["apply", &p1, "--url", url, "--through", "contract"]),
        0,
    );
    let mut c = connect(url);
    c.execute("INSERT INTO items (id, title, price) VALUES (1, 'pen', 5)")
        .unwrap();
    expect(
        &run(&["apply", &p2, "--url", url, "--through", "contract"]),
        0,
    );
    // Nothing left to do: the catalog reads back as declared.
    let again = work.plan(url, &s2, dialect, "again");
    let manifest = std::fs::read_to_string(std::path::Path::new(&again).join("manifest.json"))
        .expect("manifest");
    assert!(
        !manifest.contains("\"op\""),
        "planned again from the database:\n{manifest}"
    );
}

/// A write through the view inside its condition goes in; one outside is refused.
fn check_option_holds(url: &str) {
    let mut c = connect(url);
    c.execute("INSERT INTO cheap_items (id, title, price) VALUES (2, 'cup', 50)")
        .expect("a row the view shows goes in through it");
    let refused = c.execute("INSERT INTO cheap_items (id, title, price) VALUES (3, 'tv', 500)");
    assert!(
        refused.is_err(),
        "a row the view does not show went in through it"
    );
    assert_eq!(number(c.as_mut(), "SELECT count(*) FROM items"), 2);
}

#[test]
#[cfg_attr(
    not(live_postgres),
    ignore = "needs a PostgreSQL server: set MIGC_TEST_POSTGRES_URL"
)]
fn postgres_keeps_security_invoker_and_the_check_option() {
    let Some(server) = live(
        "MIGC_TEST_POSTGRES_URL",
        "postgres_keeps_security_invoker_and_the_check_option",
    ) else {
        return;
    };
    let db = Scratch::new(&server);
    migrate("postgres", &db.url);
    let options = |c: &mut dyn migc_db::Connection| {
        value(
            c,
            "SELECT array_to_string(reloptions, ',') FROM pg_class WHERE relname = 'cheap_items'",
        )
        .map(|o| {
            let mut parts: Vec<&str> = o.split(',').collect();
            parts.sort();
            parts.join(",")
        })
    };
    let mut c = connect(&db.url);
    let declared = Some("check_option=local,security_invoker=true".to_string());
    assert_eq!(options(c.as_mut()), declared);
    // Widened in place, with the views that read the column set aside and made again.
    let work = Work::new();
    let s2 = work.schema("v2", V2);
    let s3 = work.schema("v3", &V2.replace("varchar(40)", "varchar(60)"));
    let p3 = work.plan(&s2, &s3, "postgres", "p3");
    expect(
        &run(&["apply", &p3, "--url", &db.url, "--through", "contract"]),
        0,
    );
    assert_eq!(options(c.as_mut()), declared);
    check_option_holds(&db.url);
}

#[test]
#[cfg_attr(
    not(live_mysql),
    ignore = "needs a MySQL/MariaDB server: set MIGC_TEST_MYSQL_URL"
)]
fn mysql_keeps_sql_security_and_the_check_option() {
    let Some(server) = live(
        "MIGC_TEST_MYSQL_URL",
        "mysql_keeps_sql_security_and_the_check_option",
    ) else {
        return;
    };
    let db = Scratch::new(&server);
    migrate("mysql", &db.url);
    let mut c = connect(&db.url);
    assert_eq!(
        value(
            c.as_mut(),
            "SELECT concat(SECURITY_TYPE, ' ', CHECK_OPTION) FROM information_schema.VIEWS \
             WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'cheap_items'"
        ),
        Some("INVOKER LOCAL".to_string())
    );
    check_option_holds(&db.url);
}

#[test]
fn sqlite_refuses_a_check_option_and_takes_security_invoker() {
    let work = Work::new();
    let s1 = work.schema("v1", V1);
    let s2 = work.schema("v2", V2);
    let p = path_str(&work.path("p"));
    let out = run(&[
        "plan",
        "--from",
        &s1,
        "--to",
        &s2,
        "--dialect",
        "sqlite",
        "--out",
        &p,
    ]);
    expect(&out, 1);
    let err = text(&out.stderr);
    assert!(
        err.contains(
            "view `cheap_items` is declared `with check option`, which SQLite does not have"
        ) && err.contains("v2/schema.mig"),
        "{err}"
    );
    assert!(
        !work.path("p").exists(),
        "a refused plan wrote its directory"
    );
    // Without the check option the view is made, whose rights it runs with being moot.
    let s3 = work.schema("v3", &V2.replace(" with local check option", ""));
    work.plan(&s1, &s3, "sqlite", "p3");
}
