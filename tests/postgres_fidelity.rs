//! PostgreSQL collations as declared: a column's `collate(postgres: …)` and a table's (each of
//! its text columns' that names none) reach the catalog when tables and columns are created,
//! survive an in-place widening (`ALTER COLUMN … TYPE` without `COLLATE` would reset them), and
//! read back through `migc import` and `drift`.

mod import_support;

use import_support::*;
use migc_db::DbUrl;

const V1: &str = r#"table people {
  id   int64       primary key
  name varchar(20) not null
  code text
  note text        collate(postgres: "POSIX")
  collate(postgres: "C")
}
"#;

const V2: &str = r#"table people {
  id    int64       primary key
  name  varchar(40) not null
  code  text
  note  text        collate(postgres: "POSIX")
  label text
  collate(postgres: "C")
}

table tags {
  id   int64 primary key
  slug text  not null collate(postgres: "C")
}
"#;

/// Each text column of the database's tables with its collation (`-` for the default).
fn collations(url: &str) -> Vec<String> {
    let mut c = migc_db::connect(&DbUrl::parse(url).expect("URL")).expect("connect");
    c.query(
        "SELECT c.relname || '.' || a.attname || ' ' || coalesce(co.collname, '-') \
         FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid \
         JOIN pg_type ty ON ty.oid = a.atttypid \
         LEFT JOIN pg_collation co ON co.oid = a.attcollation AND a.attcollation <> ty.typcollation \
         WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' \
         AND c.relname NOT LIKE 'migc%' AND a.attnum > 0 AND NOT a.attisdropped \
         AND ty.typcollation <> 0 ORDER BY 1",
    )
    .expect("collations")
    .into_iter()
    .map(|r| r[0].clone().unwrap_or_default())
    .collect()
}

#[test]
#[cfg_attr(
    not(live_postgres),
    ignore = "needs a PostgreSQL server: set MIGC_TEST_POSTGRES_URL"
)]
fn declared_collations_reach_the_catalog_and_survive_a_widening() {
    let Some(admin) = server(
        "MIGC_TEST_POSTGRES_URL",
        "declared_collations_reach_the_catalog_and_survive_a_widening",
    ) else {
        return;
    };
    let tmp = tempfile::tempdir().expect("tempdir");
    let d = tmp.path();
    for (dir, text) in [("v1", V1), ("v2", V2)] {
        std::fs::create_dir_all(d.join(dir)).expect("dir");
        std::fs::write(d.join(dir).join("schema.mig"), text).expect("write");
    }
    let db = Scratch::new(&admin, "migc_fidelity_pg");
    expect(
        d,
        &[
            "plan",
            "--from",
            "empty",
            "--to",
            "v1",
            "--dialect",
            "postgres",
            "--out",
            "p1",
        ],
        0,
    );
    expect(
        d,
        &["apply", "p1", "--url", &db.url, "--through", "contract"],
        0,
    );
    assert_eq!(
        collations(&db.url),
        ["people.code C", "people.name C", "people.note POSIX"]
    );
    expect(
        d,
        &[
            "plan",
            "--from",
            "v1",
            "--to",
            "v2",
            "--dialect",
            "postgres",
            "--out",
            "p2",
        ],
        0,
    );
    expect(
        d,
        &["apply", "p2", "--url", &db.url, "--through", "contract"],
        0,
    );
    assert_eq!(
        collations(&db.url),
        [
            "people.code C",
            "people.label C",
            "people.name C",
            "people.note POSIX",
            "tags.slug C"
        ]
    );
    expect(d, &["drift", "--url", &db.url, "--to", "v2"], 0);
    // Read back, the collations are the columns' own.
    expect(d, &["import", &db.url, "-o", "imported"], 0);
    let people = std::fs::read_to_string(d.join("imported/tables/people.mig")).expect("people");
    assert!(
        people.contains(r#"name  varchar(40) not null collate(postgres: "C")"#)
            && people.contains(r#"collate(postgres: "POSIX")"#),
        "{people}"
    );
}
