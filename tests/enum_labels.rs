//! An enum label added with a `down` for the old application (`MIGC_TEST_POSTGRES_URL`,
//! `MIGC_TEST_MYSQL_URL`; each test makes its own scratch database and drops it): while the
//! plan rolls out the new application writes and reads the new label, and on PostgreSQL, where
//! each version has a shape of its own, the old application reads what `down` makes of it
//! (MySQL/MariaDB and SQLite show both versions the deployed column); a rollback leaves every
//! row with a label of the deployed enum; after contract the new label is kept.

mod apply_support;

use apply_support::*;
use migc_db::Connection;

const V1: &str = "enum state { draft, active, archived }

table accounts {
  id    int64 primary key
  state state not null default 'draft'
}
";

const V2: &str = "enum state { draft, active, paused, archived }

table accounts {
  id    int64 primary key
  state state not null default 'draft' up (state) down (case when state = 'paused' then 'active' else state end)
}
";

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

fn states(conn: &mut dyn Connection) -> Vec<String> {
    conn.query("SELECT state FROM accounts ORDER BY id")
        .expect("select")
        .into_iter()
        .map(|r| r[0].clone().unwrap_or_default())
        .collect()
}

/// `old_reads`: what the old application reads of the rows while the plan rolls out.
fn label_added_with_down(dialect: &str, url: &str, old_reads: [&str; 2]) {
    let work = Work::new();
    let s1 = work.schema("v1", V1);
    let s2 = work.schema("v2", V2);
    let p1 = work.plan("empty", &s1, dialect, "p1");
    let p2 = work.plan(&s1, &s2, dialect, "p2");
    expect(
        &run(&["apply", &p1, "--url", url, "--through", "contract"]),
        0,
    );
    connect(url)
        .execute("INSERT INTO accounts (id, state) VALUES (1, 'draft')")
        .expect("insert");

    expect(
        &run(&["apply", &p2, "--url", url, "--through", "switch"]),
        0,
    );
    let mut new = session(&p2, url, "new");
    new.execute("INSERT INTO accounts (id, state) VALUES (2, 'paused')")
        .expect("the new application writes its new label");
    assert_eq!(states(new.as_mut()), ["draft", "paused"]);
    let mut old = session(&p2, url, "old");
    assert_eq!(states(old.as_mut()), old_reads);
    old.execute("INSERT INTO accounts (id, state) VALUES (3, 'archived')")
        .expect("the old application writes");
    drop((new, old));

    expect(&run(&["rollback", &p2, "--url", url]), 0);
    assert_eq!(
        states(connect(url).as_mut()),
        ["draft", "active", "archived"],
        "after the rollback every row holds a label of the deployed enum"
    );

    expect(
        &run(&["apply", &p2, "--url", url, "--through", "contract"]),
        0,
    );
    let mut c = connect(url);
    c.execute("INSERT INTO accounts (id, state) VALUES (4, 'paused')")
        .expect("after contract the table takes the new label");
    assert_eq!(
        states(c.as_mut()),
        ["draft", "active", "archived", "paused"]
    );
}

#[test]
#[cfg_attr(
    not(live_postgres),
    ignore = "needs a PostgreSQL server: set MIGC_TEST_POSTGRES_URL"
)]
fn postgres_old_app_reads_down_of_an_added_label() {
    let Some(server) = live(
        "MIGC_TEST_POSTGRES_URL",
        "postgres_old_app_reads_down_of_an_added_label",
    ) else {
        return;
    };
    let db = Scratch::new(&server);
    label_added_with_down("postgres", &db.url, ["draft", "active"]);
}

#[test]
#[cfg_attr(
    not(live_mysql),
    ignore = "needs a MySQL/MariaDB server: set MIGC_TEST_MYSQL_URL"
)]
fn mysql_rollback_maps_an_added_label_through_down() {
    let Some(server) = live(
        "MIGC_TEST_MYSQL_URL",
        "mysql_rollback_maps_an_added_label_through_down",
    ) else {
        return;
    };
    let db = Scratch::new(&server);
    label_added_with_down("mysql", &db.url, ["draft", "paused"]);
}

#[test]
fn sqlite_rollback_maps_an_added_label_through_down() {
    let work = Work::new();
    let url = format!("sqlite://{}", path_str(&work.path("app.db")));
    label_added_with_down("sqlite", &url, ["draft", "paused"]);
}
