//! Each application version sees exactly its own schema while a plan rolls out
//! (`MIGC_TEST_POSTGRES_URL`; each test makes its own scratch database and drops it). The old
//! and the new application connect through the session statements of the manifest's `apps`
//! (printed by `migc connect`) and, from expand to contract, each reads and writes its own
//! names, types and required columns; each one's writes reach the other through `up` and
//! `down`; a rollback keeps every row either wrote; after contract the new application's
//! connections keep working unchanged.

mod apply_support;

use apply_support::*;
use migc_db::Connection;

const V1: &str = r#"
table items {
  id     bigint primary key identity
  title  text   not null
  rating text   not null
}
"#;

const V2: &str = r#"
table items {
  id     bigint primary key identity
  name   text   not null renamed from title
  rating int32  not null from rating up (cast(rating as int)) down (cast(rating as text))
  score  int32  not null from rating up (cast(rating as int) * 10)
}
"#;

/// A connection of one application version: the statements `migc connect` prints, run first.
fn session(plan: &str, url: &str, app: &str) -> Box<dyn Connection> {
    let o = run(&["connect", plan, "--app", app]);
    expect(&o, 0);
    let mut conn = connect(url);
    for st in text(&o.stdout).lines().filter(|l| !l.trim().is_empty()) {
        conn.execute(st)
            .unwrap_or_else(|e| panic!("{app}: {st}: {e}"));
    }
    conn
}

/// The SQLSTATE of a statement that must fail.
fn fails(conn: &mut dyn Connection, sql: &str) -> String {
    match conn.execute(sql) {
        Ok(()) => panic!("`{sql}` succeeded"),
        Err(e) => e.code.clone().unwrap_or_else(|| panic!("`{sql}`: {e}")),
    }
}

fn rows(conn: &mut dyn Connection, sql: &str) -> Vec<Vec<Option<String>>> {
    conn.query(sql).unwrap_or_else(|e| panic!("{sql}: {e}"))
}

#[test]
#[cfg_attr(
    not(live_postgres),
    ignore = "needs a PostgreSQL server: set MIGC_TEST_POSTGRES_URL"
)]
fn postgres_versions_each_see_their_own_shape() {
    let Some(server) = live(
        "MIGC_TEST_POSTGRES_URL",
        "postgres_versions_each_see_their_own_shape",
    ) else {
        return;
    };
    let db = Scratch::new(&server);
    let work = Work::new();
    let v1 = work.schema("v1", V1);
    let v2 = work.schema("v2", V2);
    let p1 = work.plan("empty", &v1, "postgres", "p1");
    let p2 = work.plan(&v1, &v2, "postgres", "p2");
    expect(
        &run(&["apply", &p1, "--url", &db.url, "--through", "contract"]),
        0,
    );
    connect(&db.url)
        .execute("INSERT INTO items (title, rating) VALUES ('seeded', '12'), ('other', '4')")
        .unwrap();

    // The statements hold before the plan runs: the old application connects as it will.
    let before = session(&p2, &db.url, "old");
    expect(
        &run(&["apply", &p2, "--url", &db.url, "--phase", "expand"]),
        0,
    );
    drop(before);
    let mut old = session(&p2, &db.url, "old");
    let mut new = session(&p2, &db.url, "new");

    // Each sees its own columns and types.
    assert_eq!(
        rows(
            new.as_mut(),
            "SELECT pg_typeof(rating)::text FROM items LIMIT 1"
        ),
        vec![vec![Some("integer".to_string())]]
    );
    assert_eq!(
        rows(
            old.as_mut(),
            "SELECT pg_typeof(rating)::text FROM items LIMIT 1"
        ),
        vec![vec![Some("text".to_string())]]
    );
    assert_eq!(fails(new.as_mut(), "SELECT title FROM items"), "42703");
    assert_eq!(fails(old.as_mut(), "SELECT name FROM items"), "42703");
    assert_eq!(fails(old.as_mut(), "SELECT score FROM items"), "42703");
    assert_eq!(
        fails(old.as_mut(), "SELECT rating__migc_new FROM items"),
        "42703"
    );

    // Each one's writes reach the other through `up` and `down`.
    old.execute("INSERT INTO items (title, rating) VALUES ('from old', '7')")
        .unwrap();
    new.execute("INSERT INTO items (name, rating, score) VALUES ('from new', 30, 5)")
        .unwrap();
    assert_eq!(
        rows(
            new.as_mut(),
            "SELECT rating, score FROM items WHERE name = 'from old'"
        ),
        vec![vec![Some("7".into()), Some("70".into())]]
    );
    assert_eq!(
        rows(
            old.as_mut(),
            "SELECT rating FROM items WHERE title = 'from new'"
        ),
        vec![vec![Some("30".into())]]
    );
    // The new application's own required column: leaving it out fails as NOT NULL would.
    assert_eq!(
        fails(
            new.as_mut(),
            "INSERT INTO items (name, rating) VALUES ('no score', 1)"
        ),
        "23502"
    );
    // An update by the new application is not mistaken for one by the old.
    new.execute("UPDATE items SET score = 99 WHERE name = 'from new'")
        .unwrap();
    assert_eq!(
        rows(
            new.as_mut(),
            "SELECT score FROM items WHERE name = 'from new'"
        ),
        vec![vec![Some("99".into())]]
    );
    // Through backfill and switch, then back: nothing either wrote is lost.
    expect(
        &run(&["apply", &p2, "--url", &db.url, "--through", "switch"]),
        0,
    );
    // Backfilled rows too, sorted as the new application's type says.
    let sorted: Vec<Option<String>> = rows(
        new.as_mut(),
        "SELECT rating FROM items WHERE rating IN (4, 12) ORDER BY rating",
    )
    .into_iter()
    .map(|r| r[0].clone())
    .collect();
    assert_eq!(sorted, vec![Some("4".into()), Some("12".into())]);

    new.execute("INSERT INTO items (name, rating, score) VALUES ('after switch', 2, 20)")
        .unwrap();
    expect(
        &run(&["rollback", &p2, "--url", &db.url, "--to", "expand"]),
        0,
    );
    let mut plain = connect(&db.url);
    assert_eq!(
        rows(
            plain.as_mut(),
            "SELECT title, rating FROM items ORDER BY id"
        ),
        vec![
            vec![Some("seeded".into()), Some("12".into())],
            vec![Some("other".into()), Some("4".into())],
            vec![Some("from old".into()), Some("7".into())],
            vec![Some("from new".into()), Some("30".into())],
            vec![Some("after switch".into()), Some("2".into())],
        ]
    );

    // Forward to the end: the new application's connections keep working unchanged.
    expect(
        &run(&["apply", &p2, "--url", &db.url, "--through", "contract"]),
        0,
    );
    let mut new = session(&p2, &db.url, "new");
    assert_eq!(
        rows(
            new.as_mut(),
            "SELECT pg_typeof(rating)::text, count(*) FROM items GROUP BY 1"
        ),
        vec![vec![Some("integer".into()), Some("5".into())]]
    );
    new.execute("INSERT INTO items (name, rating, score) VALUES ('after contract', 3, 30)")
        .unwrap();
    // The layer is gone with contract: no schema of it is left behind.
    assert_eq!(
        number(
            plain.as_mut(),
            "SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'migc\\_%'"
        ),
        0
    );
}

const M1: &str = r#"
table items {
  id     bigint primary key identity
  title  varchar(100) not null
  rating varchar(10)  not null
  legacy varchar(100) not null
}
"#;

const M2: &str = r#"
table items {
  id     bigint primary key identity
  name   varchar(100) not null renamed from title
  rating int32 not null from rating up (cast(rating as int)) down (cast(rating as text))
  size   int32 not null from title up (char_length(title))
  note   varchar(100)
  retire legacy down (concat('n:', name))
}
"#;

/// The columns and types a connection sees of `table` in the database it selected.
fn seen(conn: &mut dyn Connection, table: &str) -> Vec<Vec<Option<String>>> {
    rows(
        conn,
        &format!("SELECT COLUMN_NAME, DATA_TYPE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '{table}' ORDER BY ORDINAL_POSITION"),
    )
}

/// The new version's columns of `items` (M2), with their data types.
const NEW_SHAPE: &[(&str, &str)] = &[
    ("id", "bigint"),
    ("name", "varchar"),
    ("rating", "int"),
    ("size", "int"),
    ("note", "varchar"),
];

fn pairs(list: &[(&str, &str)]) -> Vec<Vec<Option<String>>> {
    list.iter()
        .map(|(c, t)| vec![Some(c.to_string()), Some(t.to_string())])
        .collect()
}

/// MySQL/MariaDB: each version has a database of its own beside the application's, named after
/// it (here a name long enough to be cut short with a hash), holding views in its shape; its
/// connections select it and mark themselves, so the dual-write triggers translate each one's
/// writes exactly. The databases carry the application database's grants, and go with it.
#[test]
#[cfg_attr(
    not(live_mysql),
    ignore = "needs a MySQL/MariaDB server: set MIGC_TEST_MYSQL_URL"
)]
fn mysql_versions_each_see_their_own_shape() {
    let Some(server) = live(
        "MIGC_TEST_MYSQL_URL",
        "mysql_versions_each_see_their_own_shape",
    ) else {
        return;
    };
    let db = Scratch::with_suffix(&server, "_with_a_name_longer_than_what_fits");
    assert!(db.name.len() > 45, "the name must be cut short");
    let work = Work::new();
    let v1 = work.schema("v1", M1);
    let v2 = work.schema("v2", M2);
    let p1 = work.plan("empty", &v1, "mysql", "p1");
    let p2 = work.plan(&v1, &v2, "mysql", "p2");
    expect(
        &run(&["apply", &p1, "--url", &db.url, "--through", "contract"]),
        0,
    );
    let mut plain = connect(&db.url);
    // A user allowed to use the application's database may use the versions' databases.
    let user = format!("{}_app", &db.name[..20]);
    plain
        .execute(&format!(
            "DROP USER IF EXISTS '{user}'@'%'; CREATE USER '{user}'@'%'; GRANT SELECT, INSERT, UPDATE, DELETE ON `{}`.* TO '{user}'@'%'",
            db.name
        ))
        .unwrap();
    // The statements hold before the plan runs (the connection stays where it is), and the
    // old application's writes are its own.
    let mut old = session(&p2, &db.url, "old");
    old.execute("INSERT INTO items (title, rating, legacy) VALUES ('seeded', '12', 'kept'), ('other', '4', 'k')")
        .unwrap();
    expect(
        &run(&["apply", &p2, "--url", &db.url, "--phase", "expand"]),
        0,
    );
    let mut old = session(&p2, &db.url, "old");
    let mut new = session(&p2, &db.url, "new");

    // Each sees its own columns and types, in its own order.
    assert_eq!(
        seen(old.as_mut(), "items"),
        pairs(&[
            ("id", "bigint"),
            ("title", "varchar"),
            ("rating", "varchar"),
            ("legacy", "varchar")
        ])
    );
    assert_eq!(seen(new.as_mut(), "items"), pairs(NEW_SHAPE));
    // The version's database is the one `migc connect --url` names, and a plain `USE` of it
    // (as it prints) works as the prepared one does.
    let o = run(&["connect", &p2, "--app", "new", "--url", &db.url]);
    expect(&o, 0);
    let printed = text(&o.stdout);
    let selected = rows(new.as_mut(), "SELECT DATABASE()")[0][0]
        .clone()
        .unwrap();
    assert!(printed.contains(&format!("USE `{selected}`;")), "{printed}");
    assert!(selected.len() <= 64 && selected.ends_with(&format!("__{}", namespace(&p2, "new"))));
    let mut by_url = connect(&db.url);
    for st in printed.lines() {
        by_url.execute(st).unwrap();
    }
    assert_eq!(seen(by_url.as_mut(), "items"), seen(new.as_mut(), "items"));

    // Each one's writes reach the other through `up` and `down`.
    old.execute("INSERT INTO items (title, rating, legacy) VALUES ('from old', '7', 'mine')")
        .unwrap();
    new.execute("INSERT INTO items (name, rating, size) VALUES ('from new', 30, 1)")
        .unwrap();
    assert_eq!(
        rows(
            new.as_mut(),
            "SELECT rating, size FROM items WHERE name = 'from old'"
        ),
        vec![vec![Some("7".into()), Some("8".into())]]
    );
    assert_eq!(
        rows(
            old.as_mut(),
            "SELECT rating, legacy FROM items WHERE title = 'from new'"
        ),
        vec![vec![Some("30".into()), Some("n:from new".into())]]
    );
    // Neither sees the other's columns.
    assert_eq!(
        fails(new.as_mut(), "SELECT title FROM items").as_str(),
        "1054"
    );
    assert_eq!(
        fails(old.as_mut(), "SELECT size FROM items").as_str(),
        "1054"
    );
    // Leaving out a column it declares `not null` fails as NOT NULL would (error 1048).
    let e = new
        .execute("INSERT INTO items (name, rating) VALUES ('no size', 1)")
        .expect_err("the new application's row without `size`");
    assert_eq!(e.code.as_deref(), Some("1048"), "{e}");
    // An update of a column both versions have is not mistaken for the old application's.
    new.execute("UPDATE items SET size = 99, rating = 31 WHERE name = 'from new'")
        .unwrap();
    assert_eq!(
        rows(
            old.as_mut(),
            "SELECT rating FROM items WHERE title = 'from new'"
        ),
        vec![vec![Some("31".into())]]
    );
    // The application's user may use the new version's database.
    let mut as_user = connect(&migc_db::with_database(
        &server.replacen("root@", &format!("{user}@"), 1),
        &db.name,
    ));
    for st in printed.lines().filter(|l| l.starts_with("USE")) {
        as_user.execute(st).unwrap();
    }
    assert_eq!(number(as_user.as_mut(), "SELECT count(*) FROM items"), 4);
    drop(as_user);

    // Through switch and back to expand: every row either wrote is still there.
    expect(
        &run(&["apply", &p2, "--url", &db.url, "--through", "switch"]),
        0,
    );
    // Backfilled rows too, sorted as the new application's type says.
    let sorted: Vec<Option<String>> = rows(
        new.as_mut(),
        "SELECT rating FROM items WHERE name IN ('seeded', 'other', 'from old') ORDER BY rating",
    )
    .into_iter()
    .map(|r| r[0].clone())
    .collect();
    assert_eq!(
        sorted,
        vec![Some("4".into()), Some("7".into()), Some("12".into())]
    );
    new.execute("INSERT INTO items (name, rating, size) VALUES ('after switch', 2, 2)")
        .unwrap();
    expect(
        &run(&["rollback", &p2, "--url", &db.url, "--to", "expand"]),
        0,
    );
    assert_eq!(number(plain.as_mut(), "SELECT count(*) FROM items"), 5);
    expect(
        &run(&["apply", &p2, "--url", &db.url, "--through", "contract"]),
        0,
    );
    // After contract the new application's connections keep working unchanged: its database
    // stays, showing the table as it now is; the old version's is gone.
    let mut new = session(&p2, &db.url, "new");
    new.execute("INSERT INTO items (name, rating, size) VALUES ('after contract', 3, 3)")
        .unwrap();
    assert_eq!(seen(new.as_mut(), "items"), pairs(NEW_SHAPE));
    assert_eq!(number(plain.as_mut(), "SELECT count(*) FROM items"), 6);
    // Each version's database, by the name `migc connect --url` gives it.
    let database_of = |app: &str| -> String {
        let o = run(&["connect", &p2, "--app", app, "--url", &db.url]);
        expect(&o, 0);
        let out = text(&o.stdout);
        let line = out.lines().find(|l| l.starts_with("USE `")).expect("a USE");
        line["USE `".len()..line.len() - "`;".len()].to_string()
    };
    let (old_db, new_db) = (database_of("old"), database_of("new"));
    let exists = |conn: &mut dyn Connection, name: &str| {
        number(
            conn,
            &format!(
                "SELECT count(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = '{name}'"
            ),
        ) == 1
    };
    assert!(
        exists(plain.as_mut(), &new_db),
        "{new_db} stays after contract"
    );
    assert!(
        !exists(plain.as_mut(), &old_db),
        "{old_db} goes at contract"
    );
    plain
        .execute(&format!("DROP USER IF EXISTS '{user}'@'%'"))
        .unwrap();
    // The scratch database goes with the databases beside it.
    drop(db);
    assert!(
        !exists(plain.as_mut(), &new_db),
        "{new_db} goes with its database"
    );
}

/// The namespace of a version of the plan in `plan`.
fn namespace(plan: &str, app: &str) -> String {
    let text = std::fs::read_to_string(std::path::Path::new(plan).join("manifest.json")).unwrap();
    let m: serde_json::Value = serde_json::from_str(&text).unwrap();
    m["apps"][app]["namespace"].as_str().unwrap().to_string()
}

#[test]
fn connect_prints_each_form() {
    let work = Work::new();
    let v1 = work.schema("v1", V1);
    let v2 = work.schema("v2", V2);
    let p2 = work.plan(&v1, &v2, "postgres", "p2");
    let sql = text(&run(&["connect", &p2, "--app", "new"]).stdout);
    assert!(sql.contains("set_config('search_path'"), "{sql}");
    let o = run(&[
        "connect",
        &p2,
        "--app",
        "new",
        "--format",
        "url",
        "--url",
        "postgres://app:s3cret@db.example/shop",
    ]);
    expect(&o, 0);
    let url = text(&o.stdout);
    assert!(
        url.starts_with("postgres://app:***@db.example/shop?options=-c%20search_path%3D%22migc_"),
        "{url}"
    );
    assert!(!url.contains("s3cret"), "{url}");
    let env = text(&run(&["connect", &p2, "--app", "old", "--format", "env"]).stdout);
    assert!(
        env.starts_with("PGOPTIONS='-c search_path=\"migc_"),
        "{env}"
    );
    // A URL is needed for the URL form.
    expect(
        &run(&["connect", &p2, "--app", "new", "--format", "url"]),
        2,
    );
    // MySQL/MariaDB: the version's mark, for the dual-write triggers.
    let p4 = work.plan(&v1, &v2, "mysql", "p4");
    let o = run(&["connect", &p4, "--app", "new"]);
    expect(&o, 0);
    let mark = text(&o.stdout);
    assert!(mark.starts_with("SET @migc_app = 'migc_"), "{mark}");
    // With the application's URL: a plain `USE` of the version's database, and the URL naming
    // it (its password hidden).
    let ns = namespace(&p4, "new");
    let url = "mysql://app:s3cret@db:3306/shop";
    let o = run(&["connect", &p4, "--app", "new", "--url", url]);
    expect(&o, 0);
    assert!(
        text(&o.stdout).ends_with(&format!("USE `shop__{ns}`;\n")),
        "{}",
        text(&o.stdout)
    );
    let o = run(&[
        "connect", &p4, "--app", "new", "--url", url, "--format", "url",
    ]);
    expect(&o, 0);
    assert_eq!(
        text(&o.stdout),
        format!("mysql://app:***@db:3306/shop__{ns}\n")
    );
    assert!(text(&o.stderr).contains("still runs the first statement"));
    // SQLite has no version layer: nothing to run.
    let p3 = work.plan(&v1, &v2, "sqlite", "p3");
    let o = run(&["connect", &p3, "--app", "new"]);
    expect(&o, 0);
    assert_eq!(text(&o.stdout), "");
}

const R1: &str = "table people {\n  id bigint primary key identity\n  first varchar(50) not null\n  last varchar(50) not null\n  full_name varchar(120) not null\n}\n";

const R2: &str = "table people {\n  id bigint primary key identity\n  first varchar(50) not null\n  last varchar(50) not null\n  retire full_name down (first || ' ' || last)\n}\n";

/// A column retired with a `down` from a table whose new shape adds no column: a row written
/// without it by a connection that says nothing of its version is the new application's, and
/// gets `down` (the old application always writes it); the old application's value stays.
fn retired_column_is_filled_for_rows_written_without_it(dialect: &str, url: &str) {
    let work = Work::new();
    let v1 = work.schema("v1", R1);
    let v2 = work.schema("v2", R2);
    let p1 = work.plan("empty", &v1, dialect, "p1");
    let p2 = work.plan(&v1, &v2, dialect, "p2");
    expect(
        &run(&["apply", &p1, "--url", url, "--through", "contract"]),
        0,
    );
    expect(&run(&["apply", &p2, "--url", url, "--phase", "expand"]), 0);
    let mut plain = connect(url);
    plain
        .execute("INSERT INTO people (first, last) VALUES ('Ada', 'Lovelace')")
        .unwrap();
    plain
        .execute(
            "INSERT INTO people (first, last, full_name) VALUES ('Alan', 'Turing', 'A. M. Turing')",
        )
        .unwrap();
    assert_eq!(
        rows(plain.as_mut(), "SELECT full_name FROM people ORDER BY id"),
        vec![
            vec![Some("Ada Lovelace".to_string())],
            vec![Some("A. M. Turing".to_string())]
        ],
        "{dialect}"
    );
    // Rolled back, the column holds a value in every row again.
    expect(&run(&["rollback", &p2, "--url", url]), 0);
    assert_eq!(
        number(
            plain.as_mut(),
            "SELECT count(*) FROM people WHERE full_name IS NULL"
        ),
        0
    );
}

#[test]
fn sqlite_retired_column_is_filled_for_rows_written_without_it() {
    let work = Work::new();
    let url = format!("sqlite://{}", work.path("db.sqlite").display());
    retired_column_is_filled_for_rows_written_without_it("sqlite", &url);
}

#[test]
#[cfg_attr(
    not(live_postgres),
    ignore = "needs a PostgreSQL server: set MIGC_TEST_POSTGRES_URL"
)]
fn postgres_retired_column_is_filled_for_rows_written_without_it() {
    let Some(server) = live(
        "MIGC_TEST_POSTGRES_URL",
        "postgres_retired_column_is_filled_for_rows_written_without_it",
    ) else {
        return;
    };
    let db = Scratch::new(&server);
    retired_column_is_filled_for_rows_written_without_it("postgres", &db.url);
}

#[test]
#[cfg_attr(
    not(live_mysql),
    ignore = "needs a MySQL/MariaDB server: set MIGC_TEST_MYSQL_URL"
)]
fn mysql_retired_column_is_filled_for_rows_written_without_it() {
    let Some(server) = live(
        "MIGC_TEST_MYSQL_URL",
        "mysql_retired_column_is_filled_for_rows_written_without_it",
    ) else {
        return;
    };
    let db = Scratch::new(&server);
    retired_column_is_filled_for_rows_written_without_it("mysql", &db.url);
}
