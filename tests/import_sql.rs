//! Reading `.sql` sources: dump noise skipped, objects outside the model named, errors with
//! their place, usage errors.

mod import_support;

use import_support::*;

fn setup(files: &[&str]) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("tempdir");
    for f in files {
        let name = std::path::Path::new(f).file_name().expect("name");
        std::fs::write(tmp.path().join(name), data(f)).expect("write");
    }
    tmp
}

#[test]
fn a_parse_error_has_file_line_and_column() {
    let tmp = setup(&["postgres/broken.sql"]);
    let out = expect(
        tmp.path(),
        &["import", "broken.sql", "--dialect", "postgres", "-o", "out"],
        1,
    );
    let err = text(&out.stderr);
    assert!(err.contains("error[E4001]: cannot read this SQL"), "{err}");
    assert!(err.contains("broken.sql:5:"), "{err}");
    assert!(!tmp.path().join("out").exists());
    let out = expect(
        tmp.path(),
        &[
            "import",
            "broken.sql",
            "--dialect",
            "postgres",
            "-o",
            "out",
            "--format",
            "json",
        ],
        1,
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(json["diagnostics"][0]["code"], "E4001");
    assert_eq!(json["diagnostics"][0]["line"], 5);
    // As a plan source too.
    expect(
        tmp.path(),
        &[
            "plan",
            "--from",
            "broken.sql",
            "--to",
            "empty",
            "--dialect",
            "postgres",
            "--out",
            "p",
        ],
        1,
    );
}

#[test]
fn dump_noise_is_skipped_and_unknown_objects_are_named() {
    let tmp = setup(&["postgres/noise.sql"]);
    let out = expect(
        tmp.path(),
        &["import", "noise.sql", "--dialect", "postgres", "-o", "out"],
        0,
    );
    let err = text(&out.stderr);
    for named in [
        "extension `pgcrypto`",
        "schema `audit`",
        "object in another schema `audit.log`",
        "partition `measurements_2024`",
        "the partitioning of table `measurements` is not read",
        "index `items_search_idx` on table `items`",
        "privilege `GRANT SELECT ON TABLE public.items TO PUBLIC`",
    ] {
        assert!(err.contains(named), "`{named}` not reported:\n{err}");
    }
    assert!(
        !err.contains("restrict") && !err.contains("set_config") && !err.contains("OWNER"),
        "{err}"
    );
    let items = std::fs::read_to_string(tmp.path().join("out/tables/items.mig")).expect("items");
    assert_eq!(
        items,
        "table items {\n  id     int32 native(postgres: \"serial\") primary key identity\n  Label  varchar(80)   not null\n  price  decimal(8, 2) not null default (0)\n  search native(postgres: \"tsvector\")\n  check items_price_check (price >= 0)\n}\n"
    );
    let native = std::fs::read_to_string(tmp.path().join("out/native.mig")).expect("native");
    assert!(
        native.contains("native extension_pgcrypto for postgres"),
        "{native}"
    );
    assert!(
        native.contains("down \"DROP EXTENSION IF EXISTS \\\"pgcrypto\\\"\""),
        "{native}"
    );
}

#[test]
fn usage_errors() {
    let tmp = setup(&["postgres/noise.sql"]);
    let d = tmp.path();
    let out = expect(d, &["import", "noise.sql", "-o", "out"], 2);
    assert!(
        text(&out.stderr).contains("needs `--dialect`"),
        "{}",
        text(&out.stderr)
    );
    let out = expect(
        d,
        &[
            "import",
            "missing.sql",
            "--dialect",
            "postgres",
            "-o",
            "out",
        ],
        2,
    );
    assert!(
        text(&out.stderr).contains("cannot read `missing.sql`"),
        "{}",
        text(&out.stderr)
    );
    let out = expect(
        d,
        &[
            "plan",
            "--from",
            "sqlite://app.db",
            "--to",
            "empty",
            "--dialect",
            "postgres",
            "--out",
            "p",
        ],
        2,
    );
    assert!(
        text(&out.stderr).contains("is a sqlite database, but `--dialect postgres` was given"),
        "{}",
        text(&out.stderr)
    );
    let out = expect(
        d,
        &["import", "postgres://nobody@127.0.0.1:1/none", "-o", "out"],
        2,
    );
    assert!(
        text(&out.stderr).contains("cannot read the database"),
        "{}",
        text(&out.stderr)
    );
    // Importing over other .mig files is refused.
    std::fs::create_dir_all(d.join("taken")).expect("dir");
    std::fs::write(d.join("taken/mine.mig"), "table x {\n  id int64\n}\n").expect("write");
    let out = expect(
        d,
        &[
            "import",
            "noise.sql",
            "--dialect",
            "postgres",
            "-o",
            "taken",
        ],
        2,
    );
    assert!(
        text(&out.stderr).contains("already holds .mig files"),
        "{}",
        text(&out.stderr)
    );
}

/// SQLite takes names without regard to case and a string where a column's name goes: a schema
/// written that way reads as SQLite reads it, and plans and applies.
#[test]
fn sqlite_names_read_as_sqlite_reads_them() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let d = tmp.path();
    std::fs::write(
        d.join("app.sql"),
        "CREATE TABLE Users (\n  Id INTEGER PRIMARY KEY,\n  'data' TEXT DEFAULT 'x',\n  Email TEXT NOT NULL,\n  Note TEXT DEFAULT \"n/a\"\n);\n\
         CREATE INDEX users_email ON users (email);\n\
         CREATE TABLE posts (\n  id INTEGER PRIMARY KEY,\n  user_id INTEGER REFERENCES USERS (ID)\n);\n",
    )
    .expect("write");
    let out = expect(
        d,
        &["import", "app.sql", "--dialect", "sqlite", "-o", "out"],
        0,
    );
    assert!(text(&out.stderr).is_empty(), "{}", text(&out.stderr));
    let users = std::fs::read_dir(d.join("out/tables"))
        .expect("tables")
        .map(|e| std::fs::read_to_string(e.expect("entry").path()).expect("read"))
        .find(|t| t.starts_with("table Users {"))
        .expect("table Users");
    assert!(
        users.contains("  data  text") && users.contains("index users_email (\"Email\")"),
        "{users}"
    );
    // A default in double quotes is a string to SQLite (no column can be meant there).
    assert!(
        users.contains("default 'n/a'") || users.contains("default ('n/a')"),
        "{users}"
    );
    let posts = std::fs::read_to_string(d.join("out/tables/posts.mig")).expect("posts.mig");
    assert!(posts.contains("references Users(Id)"), "{posts}");
    expect(
        d,
        &[
            "plan",
            "--from",
            "app.sql",
            "--to",
            "out",
            "--dialect",
            "sqlite",
            "--out",
            "plan",
        ],
        0,
    );
    let out = expect(
        d,
        &[
            "plan",
            "--from",
            "empty",
            "--to",
            "out",
            "--dialect",
            "sqlite",
            "--out",
            "fresh",
        ],
        0,
    );
    assert!(
        !text(&out.stdout).contains("(0 steps"),
        "{}",
        text(&out.stdout)
    );
    let url = format!("sqlite://{}", d.join("app.db").display());
    expect(
        d,
        &["apply", "fresh", "--url", &url, "--through", "contract"],
        0,
    );
    expect(d, &["drift", "--url", &url, "--to", "out"], 0);
}

/// SQLite's conflict clauses, which its reader takes after a column but not after a table
/// constraint: a table with either is read, each clause reported where it stands (a rebuild of
/// the table by a plan does not keep it), and a plan from the dump to what was read is empty.
#[test]
fn sqlite_conflict_clauses_are_reported_and_the_table_read() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let d = tmp.path();
    std::fs::write(
        d.join("app.sql"),
        "CREATE TABLE t (\n  id INTEGER PRIMARY KEY,\n  name TEXT NOT NULL ON CONFLICT IGNORE,\n  email TEXT,\n  UNIQUE (email) ON CONFLICT REPLACE\n);\n",
    )
    .expect("write");
    let out = expect(
        d,
        &["import", "app.sql", "--dialect", "sqlite", "-o", "out"],
        0,
    );
    let err = text(&out.stderr);
    assert!(
        err.contains("warning[W4001]: `ON CONFLICT IGNORE` is not read")
            && err.contains("app.sql:3:22")
            && err.contains("warning[W4001]: `ON CONFLICT REPLACE` is not read")
            && err.contains("app.sql:5:18"),
        "{err}"
    );
    let t = std::fs::read_to_string(d.join("out/tables/t.mig")).expect("t.mig");
    assert!(t.contains("unique") && t.contains("(email)"), "{t}");
    let out = expect(
        d,
        &[
            "plan",
            "--from",
            "app.sql",
            "--to",
            "out",
            "--dialect",
            "sqlite",
            "--out",
            "plan",
        ],
        0,
    );
    assert!(
        text(&out.stdout).contains("(0 steps"),
        "{}",
        text(&out.stdout)
    );
}

/// A PostgreSQL view compares with enum and text values through casts (`'paid'::order_status`)
/// and lists as `= ANY (ARRAY[…])`, as `pg_dump` prints it: imported, it is plain SQL that
/// another dialect runs.
#[test]
fn a_postgres_view_reads_as_portable_sql() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let d = tmp.path();
    std::fs::write(
        d.join("pg.sql"),
        "CREATE TYPE order_status AS ENUM ('new', 'paid');\n\
         CREATE TABLE orders (id bigint PRIMARY KEY, status order_status NOT NULL, note text);\n\
         CREATE VIEW paid_orders AS SELECT orders.id, orders.note FROM orders \
         WHERE ((orders.status = 'paid'::order_status) AND (orders.note <> 'x'::text) \
         AND (orders.status = ANY (ARRAY['new'::order_status, 'paid'::order_status])));\n",
    )
    .expect("write");
    expect(
        d,
        &["import", "pg.sql", "--dialect", "postgres", "-o", "out"],
        0,
    );
    let views = std::fs::read_to_string(d.join("out/views.mig")).expect("views.mig");
    assert!(!views.contains("::") && !views.contains("ANY"), "{views}");
    expect(
        d,
        &[
            "plan",
            "--from",
            "empty",
            "--to",
            "out",
            "--dialect",
            "sqlite",
            "--out",
            "plan",
        ],
        0,
    );
    let url = format!("sqlite://{}", d.join("app.db").display());
    expect(
        d,
        &["apply", "plan", "--url", &url, "--through", "contract"],
        0,
    );
    let db = rusqlite::Connection::open(d.join("app.db")).expect("open");
    db.execute_batch(
        "INSERT INTO orders (id, status, note) VALUES (1, 'paid', 'a'), (2, 'new', 'b'), (3, 'paid', 'x');",
    )
    .expect("insert");
    let ids: Vec<i64> = db
        .prepare("SELECT id FROM paid_orders ORDER BY id")
        .expect("select")
        .query_map([], |r| r.get(0))
        .expect("rows")
        .map(|r| r.expect("row"))
        .collect();
    assert_eq!(ids, vec![1]);
}
