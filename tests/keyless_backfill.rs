//! Backfills of tables without a primary key (`MIGC_TEST_POSTGRES_URL`, `MIGC_TEST_MYSQL_URL`;
//! each test makes its own scratch database and drops it): PostgreSQL walks the table's pages,
//! and MySQL/MariaDB walks a unique key on `not null` columns like a primary key. Every row is
//! filled, none is lost, and the rollback takes the new column away again.

mod apply_support;

use apply_support::*;

const V1: &str = "table events {\n  code varchar(20) not null unique\n  kind text not null\n}\n";
const V2: &str = "table events {\n  code varchar(20) not null unique\n  kind text not null\n  label text not null from kind up (upper(kind))\n}\n";
const KEYLESS_V1: &str = "table events {\n  kind text not null\n}\n";
const KEYLESS_V2: &str =
    "table events {\n  kind text not null\n  label text not null from kind up (upper(kind))\n}\n";

/// Plans and applies `v1`, seeds 5,000 rows, applies `v2` through contract and checks every
/// row got its label; then the same from a fresh start, rolled back from switch.
fn fills_every_row(dialect: &str, url: &str, v1: &str, v2: &str, seed: &str) {
    let work = Work::new();
    let s1 = work.schema("v1", v1);
    let s2 = work.schema("v2", v2);
    let p1 = work.plan("empty", &s1, dialect, "p1");
    let p2 = work.plan(&s1, &s2, dialect, "p2");
    expect(
        &run(&["apply", &p1, "--url", url, "--through", "contract"]),
        0,
    );
    let mut c = connect(url);
    c.execute(seed).unwrap();
    expect(
        &run(&["apply", &p2, "--url", url, "--through", "switch"]),
        0,
    );
    // Written while the plan is under way, by the old application.
    c.execute("INSERT INTO events (code, kind) VALUES ('late', 'late')")
        .or_else(|_| c.execute("INSERT INTO events (kind) VALUES ('late')"))
        .unwrap();
    expect(&run(&["rollback", &p2, "--url", url, "--to", "expand"]), 0);
    expect(
        &run(&["apply", &p2, "--url", url, "--through", "contract"]),
        0,
    );
    assert_eq!(number(c.as_mut(), "SELECT count(*) FROM events"), 5001);
    assert_eq!(
        number(
            c.as_mut(),
            "SELECT count(*) FROM events WHERE label IS NULL OR label <> upper(kind)"
        ),
        0
    );
}

#[test]
#[cfg_attr(
    not(live_postgres),
    ignore = "needs a PostgreSQL server: set MIGC_TEST_POSTGRES_URL"
)]
fn postgres_walks_the_pages_of_a_table_without_a_key() {
    let Some(server) = live(
        "MIGC_TEST_POSTGRES_URL",
        "postgres_walks_the_pages_of_a_table_without_a_key",
    ) else {
        return;
    };
    let db = Scratch::new(&server);
    fills_every_row(
        "postgres",
        &db.url,
        KEYLESS_V1,
        KEYLESS_V2,
        "INSERT INTO events (kind) SELECT 'kind ' || g FROM generate_series(1, 5000) g; ANALYZE events",
    );
}

#[test]
#[cfg_attr(
    not(live_mysql),
    ignore = "needs a MySQL/MariaDB server: set MIGC_TEST_MYSQL_URL"
)]
fn mysql_walks_a_unique_key_of_not_null_columns() {
    let Some(server) = live(
        "MIGC_TEST_MYSQL_URL",
        "mysql_walks_a_unique_key_of_not_null_columns",
    ) else {
        return;
    };
    let db = Scratch::new(&server);
    fills_every_row(
        "mysql",
        &db.url,
        V1,
        V2,
        "INSERT INTO events (code, kind) SELECT concat('c', seq), concat('kind ', seq) FROM seq_1_to_5000",
    );
}
