//! `up` and `down` on a column whose type stays but whose constraints change: a check that
//! comes with an `up` repairing the values it refuses (the old application's writes included),
//! and a check that goes with a `down` giving the old application values its own check holds.
//! Run on SQLite always, on PostgreSQL and MySQL/MariaDB where their URLs are set; each test
//! makes its own scratch database and drops it.

mod apply_support;

use apply_support::*;
use migc_db::Connection;

const V1: &str = r#"
table items {
  id       bigint primary key identity
  priority int32  not null
  amount   int32  not null check (amount >= 0)
}
"#;

const V2: &str = r#"
table items {
  id       bigint primary key identity
  priority int32  not null check (priority >= 1 and priority <= 5) up (case when priority < 1 then 1 when priority > 5 then 5 else priority end) down (priority)
  amount   int32  not null up (amount) down (case when amount < 0 then 0 else amount end)
}
"#;

fn rows(conn: &mut dyn Connection, sql: &str) -> Vec<Vec<Option<String>>> {
    conn.query(sql).unwrap_or_else(|e| panic!("{sql}: {e}"))
}

fn s(v: &str) -> Option<String> {
    Some(v.to_string())
}

/// Plans v1 → v2 for `dialect`, applies v1 and expand on `url`, writes as the old application,
/// then goes through contract; returns the plan and a plain connection.
fn through(dialect: &str, url: &str, work: &Work) -> (String, Box<dyn Connection>) {
    let v1 = work.schema("v1", V1);
    let v2 = work.schema("v2", V2);
    let p1 = work.plan("empty", &v1, dialect, "p1");
    let p2 = work.plan(&v1, &v2, dialect, "p2");
    expect(
        &run(&["apply", &p1, "--url", url, "--through", "contract"]),
        0,
    );
    let mut c = connect(url);
    c.execute("INSERT INTO items (priority, amount) VALUES (0, 1), (3, 2), (9, 3)")
        .unwrap();
    expect(&run(&["apply", &p2, "--url", url, "--phase", "expand"]), 0);
    // The old application keeps writing values the new check refuses.
    c.execute("INSERT INTO items (priority, amount) VALUES (12, 4)")
        .unwrap();
    c.execute("UPDATE items SET priority = -4 WHERE amount = 2")
        .unwrap();
    (p2, c)
}

/// After contract: every value the check refuses was repaired through `up`, the check holds,
/// and the dropped check no longer refuses.
fn repaired(c: &mut dyn Connection) {
    assert_eq!(
        rows(c, "SELECT priority, amount FROM items ORDER BY amount"),
        vec![
            vec![s("1"), s("1")],
            vec![s("1"), s("2")],
            vec![s("5"), s("3")],
            vec![s("5"), s("4")],
        ]
    );
    assert!(c
        .execute("INSERT INTO items (priority, amount) VALUES (7, 1)")
        .is_err());
    c.execute("INSERT INTO items (priority, amount) VALUES (2, -1)")
        .unwrap();
}

#[test]
fn sqlite_repairs_the_values_a_new_check_refuses() {
    let work = Work::new();
    let url = format!("sqlite://{}", work.path("db.sqlite").display());
    let (p2, mut c) = through("sqlite", &url, &work);
    // Back to expand and forward again: nothing is lost on the way.
    expect(
        &run(&["apply", &p2, "--url", &url, "--through", "switch"]),
        0,
    );
    expect(&run(&["rollback", &p2, "--url", &url, "--to", "expand"]), 0);
    assert_eq!(number(c.as_mut(), "SELECT count(*) FROM items"), 4);
    expect(
        &run(&["apply", &p2, "--url", &url, "--through", "contract"]),
        0,
    );
    let mut c = connect(&url);
    repaired(c.as_mut());
}

#[test]
#[cfg_attr(
    not(live_mysql),
    ignore = "needs a MySQL/MariaDB server: set MIGC_TEST_MYSQL_URL"
)]
fn mysql_repairs_the_values_a_new_check_refuses() {
    let Some(server) = live(
        "MIGC_TEST_MYSQL_URL",
        "mysql_repairs_the_values_a_new_check_refuses",
    ) else {
        return;
    };
    let db = Scratch::new(&server);
    let work = Work::new();
    let (p2, mut c) = through("mysql", &db.url, &work);
    expect(
        &run(&["apply", &p2, "--url", &db.url, "--through", "switch"]),
        0,
    );
    expect(
        &run(&["rollback", &p2, "--url", &db.url, "--to", "expand"]),
        0,
    );
    assert_eq!(number(c.as_mut(), "SELECT count(*) FROM items"), 4);
    expect(
        &run(&["apply", &p2, "--url", &db.url, "--through", "contract"]),
        0,
    );
    repaired(c.as_mut());
}

#[test]
#[cfg_attr(
    not(live_postgres),
    ignore = "needs a PostgreSQL server: set MIGC_TEST_POSTGRES_URL"
)]
fn postgres_new_app_meets_its_check_and_old_app_is_repaired() {
    let Some(server) = live(
        "MIGC_TEST_POSTGRES_URL",
        "postgres_new_app_meets_its_check_and_old_app_is_repaired",
    ) else {
        return;
    };
    let db = Scratch::new(&server);
    let work = Work::new();
    let (p2, mut c) = through("postgres", &db.url, &work);
    let session = |app: &str| {
        let o = run(&["connect", &p2, "--app", app]);
        expect(&o, 0);
        let mut conn = connect(&db.url);
        for st in text(&o.stdout).lines().filter(|l| !l.trim().is_empty()) {
            conn.execute(st)
                .unwrap_or_else(|e| panic!("{app}: {st}: {e}"));
        }
        conn
    };
    expect(
        &run(&["apply", &p2, "--url", &db.url, "--phase", "backfill"]),
        0,
    );
    let mut new = session("new");
    let mut old = session("old");
    // The new application sees the repaired values, and its own writes meet its check.
    assert_eq!(
        rows(new.as_mut(), "SELECT priority FROM items ORDER BY amount"),
        vec![vec![s("1")], vec![s("1")], vec![s("5")], vec![s("5")]]
    );
    let e = new
        .execute("INSERT INTO items (priority, amount) VALUES (7, 5)")
        .expect_err("a value the new check refuses");
    assert_eq!(e.code.as_deref(), Some("23514"), "{e}");
    // Its value that the old check refuses reaches the old application through `down`.
    new.execute("INSERT INTO items (priority, amount) VALUES (2, -3)")
        .unwrap();
    assert_eq!(
        rows(
            old.as_mut(),
            "SELECT priority, amount FROM items WHERE priority = 2"
        ),
        vec![vec![s("2"), s("0")]]
    );
    assert_eq!(
        rows(new.as_mut(), "SELECT amount FROM items WHERE priority = 2"),
        vec![vec![s("-3")]]
    );
    // The old application still writes what its own shape allows.
    old.execute("INSERT INTO items (priority, amount) VALUES (0, 6)")
        .unwrap();
    assert_eq!(
        rows(new.as_mut(), "SELECT priority FROM items WHERE amount = 6"),
        vec![vec![s("1")]]
    );
    expect(
        &run(&["apply", &p2, "--url", &db.url, "--through", "switch"]),
        0,
    );
    expect(
        &run(&["rollback", &p2, "--url", &db.url, "--to", "expand"]),
        0,
    );
    assert_eq!(number(c.as_mut(), "SELECT count(*) FROM items"), 6);
    expect(
        &run(&["apply", &p2, "--url", &db.url, "--through", "contract"]),
        0,
    );
    assert_eq!(
        rows(c.as_mut(), "SELECT priority, amount FROM items ORDER BY id"),
        vec![
            vec![s("1"), s("1")],
            vec![s("1"), s("2")],
            vec![s("5"), s("3")],
            vec![s("5"), s("4")],
            vec![s("2"), s("-3")],
            vec![s("1"), s("6")],
        ]
    );
    let e = c
        .execute("INSERT INTO items (priority, amount) VALUES (7, 1)")
        .expect_err("the check holds after contract");
    assert_eq!(e.code.as_deref(), Some("23514"), "{e}");
}

const U1: &str = r#"
table tags {
  id    bigint primary key identity
  label varchar(40) not null
}
"#;

const U2: &str = r#"
table tags {
  id    bigint primary key identity
  label varchar(40) not null unique from label, id up (substr(label, 1, 20) || '#' || cast(id as text))
}
"#;

/// A unique key that comes with an `up` reading the row's key: the old application keeps
/// writing duplicates, which `up` makes unique; the new application's own duplicates are
/// refused. MySQL/MariaDB refuses the plan: its trigger sees an `AUTO_INCREMENT` key as 0.
#[test]
#[cfg_attr(
    not(live_postgres),
    ignore = "needs a PostgreSQL server: set MIGC_TEST_POSTGRES_URL"
)]
fn postgres_dedupes_through_up_while_the_old_app_writes_duplicates() {
    let Some(server) = live(
        "MIGC_TEST_POSTGRES_URL",
        "postgres_dedupes_through_up_while_the_old_app_writes_duplicates",
    ) else {
        return;
    };
    let db = Scratch::new(&server);
    let work = Work::new();
    let v1 = work.schema("u1", U1);
    let v2 = work.schema("u2", U2);
    let p1 = work.plan("empty", &v1, "postgres", "p1");
    let p2 = work.plan(&v1, &v2, "postgres", "p2");
    expect(
        &run(&["apply", &p1, "--url", &db.url, "--through", "contract"]),
        0,
    );
    let mut c = connect(&db.url);
    c.execute("INSERT INTO tags (label) VALUES ('red'), ('red')")
        .unwrap();
    expect(
        &run(&["apply", &p2, "--url", &db.url, "--through", "switch"]),
        0,
    );
    // The old application still writes a duplicate.
    c.execute("INSERT INTO tags (label) VALUES ('red')")
        .unwrap();
    let o = run(&["connect", &p2, "--app", "new"]);
    let mut new = connect(&db.url);
    for st in text(&o.stdout).lines().filter(|l| !l.trim().is_empty()) {
        new.execute(st).unwrap();
    }
    assert_eq!(
        rows(new.as_mut(), "SELECT label FROM tags ORDER BY id"),
        vec![vec![s("red#1")], vec![s("red#2")], vec![s("red#3")]]
    );
    let e = new
        .execute("INSERT INTO tags (label) VALUES ('red#1')")
        .expect_err("a duplicate of the new shape");
    assert_eq!(e.code.as_deref(), Some("23505"), "{e}");
    expect(
        &run(&["apply", &p2, "--url", &db.url, "--through", "contract"]),
        0,
    );
    assert_eq!(
        rows(c.as_mut(), "SELECT label FROM tags ORDER BY id"),
        vec![vec![s("red#1")], vec![s("red#2")], vec![s("red#3")]]
    );
    assert!(c
        .execute("INSERT INTO tags (label) VALUES ('red#2')")
        .is_err());
    // MySQL/MariaDB cannot: the `BEFORE INSERT` trigger sees the new row's key as 0.
    let o = run(&[
        "plan",
        "--from",
        &v1,
        "--to",
        &v2,
        "--dialect",
        "mysql",
        "--out",
        &work.path("my").display().to_string(),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
    assert!(text(&o.stderr).contains(
        "reads `id`, which MySQL/MariaDB fills only after the dual-write trigger has run"
    ));
}

#[test]
fn sqlite_dedupes_through_up_while_the_old_app_writes_duplicates() {
    let work = Work::new();
    let url = format!("sqlite://{}", work.path("db.sqlite").display());
    let v1 = work.schema("u1", U1);
    let v2 = work.schema("u2", U2);
    let p1 = work.plan("empty", &v1, "sqlite", "p1");
    let p2 = work.plan(&v1, &v2, "sqlite", "p2");
    expect(
        &run(&["apply", &p1, "--url", &url, "--through", "contract"]),
        0,
    );
    let mut c = connect(&url);
    c.execute("INSERT INTO tags (label) VALUES ('red'), ('red')")
        .unwrap();
    expect(
        &run(&["apply", &p2, "--url", &url, "--through", "switch"]),
        0,
    );
    c.execute("INSERT INTO tags (label) VALUES ('red')")
        .unwrap();
    expect(
        &run(&["apply", &p2, "--url", &url, "--through", "contract"]),
        0,
    );
    let mut c = connect(&url);
    assert_eq!(
        rows(c.as_mut(), "SELECT label FROM tags ORDER BY id"),
        vec![vec![s("red#1")], vec![s("red#2")], vec![s("red#3")]]
    );
    assert!(c
        .execute("INSERT INTO tags (label) VALUES ('red#2')")
        .is_err());
}

const W1: &str =
    "table notes {\n  id    bigint primary key identity\n  title varchar(10) not null\n}\n";
const W2: &str = "table notes {\n  id    bigint primary key identity\n  title varchar(20) not null up (title) down (substr(title, 1, 10))\n}\n";

/// A widening with a declared `down`: the new application writes values only the wider type
/// holds, the old application reads them through `down`, and a rollback gives the deployed
/// type back with the rows as `down` makes them (rather than keeping the wide type).
#[test]
#[cfg_attr(
    not(live_postgres),
    ignore = "needs a PostgreSQL server: set MIGC_TEST_POSTGRES_URL"
)]
fn postgres_widening_with_down_rolls_back_to_the_deployed_type() {
    let Some(server) = live(
        "MIGC_TEST_POSTGRES_URL",
        "postgres_widening_with_down_rolls_back_to_the_deployed_type",
    ) else {
        return;
    };
    let db = Scratch::new(&server);
    let work = Work::new();
    let v1 = work.schema("w1", W1);
    let v2 = work.schema("w2", W2);
    let p1 = work.plan("empty", &v1, "postgres", "p1");
    let p2 = work.plan(&v1, &v2, "postgres", "p2");
    expect(
        &run(&["apply", &p1, "--url", &db.url, "--through", "contract"]),
        0,
    );
    expect(
        &run(&["apply", &p2, "--url", &db.url, "--through", "switch"]),
        0,
    );
    let o = run(&["connect", &p2, "--app", "new"]);
    let mut new = connect(&db.url);
    for st in text(&o.stdout).lines().filter(|l| !l.trim().is_empty()) {
        new.execute(st).unwrap();
    }
    new.execute("INSERT INTO notes (title) VALUES ('fifteen chars!!')")
        .unwrap();
    let mut c = connect(&db.url);
    assert_eq!(
        rows(c.as_mut(), "SELECT title FROM notes"),
        vec![vec![s("fifteen ch")]]
    );
    expect(&run(&["rollback", &p2, "--url", &db.url]), 0);
    assert_eq!(
        rows(
            c.as_mut(),
            "SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'notes'::regclass AND attname = 'title'"
        ),
        vec![vec![s("character varying(10)")]]
    );
    assert_eq!(
        rows(c.as_mut(), "SELECT title FROM notes"),
        vec![vec![s("fifteen ch")]]
    );
}
