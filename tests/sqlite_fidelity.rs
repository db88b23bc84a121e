//! SQLite end states, compared through SQLite's own catalog rather than migc's model: a database
//! built from `current.sql` and migrated by the plan to `desired.sql` holds, table by table, what
//! one built from `desired.sql` holds (storage options, columns as `PRAGMA table_xinfo` shows
//! them, keys, unique constraints as SQLite keeps them, indexes, foreign keys, which tables count
//! their rowids: `AUTOINCREMENT`, collations), rows written before keep their ids, an
//! `AUTOINCREMENT` counter survives the rebuild of its table, and planning again finds nothing
//! to do.

mod import_support;

use import_support::*;
use rusqlite::Connection;
use std::path::Path;

/// One table as SQLite's catalog describes it, in an order that does not depend on how the
/// table was written.
fn catalog(db: &Connection) -> Vec<String> {
    let strings = |sql: &str| -> Vec<String> {
        let mut stmt = db.prepare(sql).unwrap_or_else(|e| panic!("{sql}: {e}"));
        let cols = stmt.column_count();
        stmt.query_map([], |r| {
            (0..cols)
                .map(|i| {
                    r.get_ref(i).map(|v| match v {
                        rusqlite::types::ValueRef::Null => "NULL".to_string(),
                        rusqlite::types::ValueRef::Integer(n) => n.to_string(),
                        rusqlite::types::ValueRef::Text(t) => String::from_utf8_lossy(t).into(),
                        other => format!("{other:?}"),
                    })
                })
                .collect::<Result<Vec<_>, _>>()
                .map(|v| v.join("|"))
        })
        .expect("query")
        .map(|r| r.expect("row"))
        .collect()
    };
    let mut out = Vec::new();
    let tables = strings(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'migc_%' ORDER BY name",
    );
    for t in &tables {
        let lit = t.replace('\'', "''");
        for row in strings(&format!(
            "SELECT type, ncol, wr, strict FROM pragma_table_list WHERE schema = 'main' AND name = '{lit}'"
        )) {
            out.push(format!("{t}: table {row}"));
        }
        // Types as SQLite reads them back: as written, letter case and spaces included.
        for row in strings(&format!(
            "SELECT cid, name, type, \"notnull\", dflt_value, pk, hidden FROM pragma_table_xinfo('{lit}') ORDER BY cid"
        )) {
            out.push(format!("{t}: column {row}"));
        }
        // Indexes SQLite names after the table keep their origin and columns; others their name.
        for row in strings(&format!(
            "SELECT CASE WHEN l.name LIKE 'sqlite_autoindex_%' THEN '(auto)' ELSE l.name END, l.\"unique\", l.origin, l.partial, \
             (SELECT group_concat(coalesce(name, '(expr)'), ',') FROM (SELECT name FROM pragma_index_info(l.name) ORDER BY seqno)) \
             FROM pragma_index_list('{lit}') AS l ORDER BY 1, 5"
        )) {
            out.push(format!("{t}: index {row}"));
        }
        for row in strings(&format!(
            "SELECT \"table\", \"from\", \"to\", on_update, on_delete FROM pragma_foreign_key_list('{lit}') ORDER BY 1, 2"
        )) {
            out.push(format!("{t}: foreign key {row}"));
        }
    }
    // Collations live only in a table's definition: each `COLLATE` clause, in column order.
    for t in &tables {
        let lit = t.replace('\'', "''");
        for sql in strings(&format!(
            "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = '{lit}'"
        )) {
            let words: Vec<String> = sql
                .to_ascii_uppercase()
                .split(|c: char| c.is_whitespace() || c == ',' || c == '(' || c == ')')
                .filter(|w| !w.is_empty())
                .map(|w| w.trim_matches('"').to_string())
                .collect();
            for pair in words.windows(2).filter(|w| w[0] == "COLLATE") {
                out.push(format!("{t}: collate {}", pair[1]));
            }
        }
    }
    // Triggers, as written (a rebuilt table's are made again).
    for row in strings(
        "SELECT tbl_name, name, sql FROM sqlite_schema WHERE type = 'trigger' ORDER BY tbl_name, name",
    ) {
        out.push(format!("trigger {row}"));
    }
    // SQLite reads `AUTOINCREMENT` from the table's definition each time it opens it.
    for row in strings(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND upper(sql) LIKE '%AUTOINCREMENT%' ORDER BY name",
    ) {
        out.push(format!("{row}: counts its rowids"));
    }
    out
}

fn up_scripts(dir: &Path) -> Vec<String> {
    let manifest: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("manifest.json")).expect("manifest"),
    )
    .expect("json");
    manifest["phases"]
        .as_array()
        .expect("phases")
        .iter()
        .map(|p| std::fs::read_to_string(dir.join(p["up"].as_str().expect("up"))).expect("script"))
        .collect()
}

#[test]
fn rebuilt_tables_keep_what_sqlite_holds() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let d = tmp.path();
    for side in ["current", "desired"] {
        std::fs::write(
            d.join(format!("{side}.sql")),
            data(&format!("fidelity/sqlite_{side}.sql")),
        )
        .expect("write");
    }
    expect(
        d,
        &[
            "plan",
            "--from",
            "current.sql",
            "--to",
            "desired.sql",
            "--dialect",
            "sqlite",
            "--out",
            "plan",
        ],
        0,
    );

    let migrated = Connection::open(d.join("migrated.db")).expect("open");
    migrated
        .execute_batch(&data("fidelity/sqlite_current.sql"))
        .expect("build current");
    // Rows the application wrote, the highest id among them deleted since: AUTOINCREMENT
    // never hands that id out again.
    migrated
        .execute_batch(
            "INSERT INTO users (email, name) VALUES ('a@example.com', 'a'), ('b@example.com', 'b'), ('c@example.com', 'c');
             DELETE FROM users WHERE email = 'c@example.com';
             INSERT INTO settings (key, value) VALUES ('theme', 'dark');
             INSERT INTO posts (user_id, title) VALUES (1, 'hello'), (2, 'world');
             INSERT INTO tags (label) VALUES ('x'), ('y');
             INSERT INTO kv (k, v) VALUES ('k1', 'v1');
             INSERT INTO measures (note, amount, code, raw) VALUES ('long note', 2.5, 7, 'bytes');",
        )
        .expect("seed");
    for script in up_scripts(&d.join("plan")) {
        migrated
            .execute_batch(&script)
            .unwrap_or_else(|e| panic!("{e}\n{script}"));
    }

    let built = Connection::open(d.join("built.db")).expect("open");
    built
        .execute_batch(&data("fidelity/sqlite_desired.sql"))
        .expect("build desired");
    let (a, b) = (catalog(&migrated), catalog(&built));
    let only = |x: &[String], y: &[String]| -> Vec<String> {
        x.iter().filter(|r| !y.contains(r)).cloned().collect()
    };
    assert!(
        a == b,
        "the migrated catalog differs\nonly migrated:\n  {}\nonly built:\n  {}",
        only(&a, &b).join("\n  "),
        only(&b, &a).join("\n  ")
    );

    // The rows kept their ids, and the counter its high-water mark.
    let ids: Vec<(i64, String)> = migrated
        .prepare("SELECT id, email FROM users ORDER BY id")
        .expect("select")
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .expect("rows")
        .map(|r| r.expect("row"))
        .collect();
    assert_eq!(
        ids,
        vec![(1, "a@example.com".into()), (2, "b@example.com".into())]
    );
    migrated
        .execute("INSERT INTO users (email) VALUES ('d@example.com')", [])
        .expect("insert");
    assert_eq!(migrated.last_insert_rowid(), 4, "id 3 was used before");
    let setting: String = migrated
        .query_row("SELECT value FROM settings WHERE key = 'theme'", [], |r| {
            r.get(0)
        })
        .expect("setting");
    assert_eq!(setting, "dark");
    // Declared types that changed kept every value, and what SQLite stores it as.
    let measure: (String, f64, i64, String, String) = migrated
        .query_row(
            "SELECT note, amount, code, raw, typeof(note) || typeof(amount) || typeof(code) || typeof(raw) FROM measures",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .expect("measure");
    assert_eq!(
        measure,
        (
            "long note".into(),
            2.5,
            7,
            "bytes".into(),
            "textrealintegertext".into()
        )
    );
    drop(migrated);

    // From the migrated database to the desired schema there is nothing left to do.
    let url = format!("sqlite://{}", d.join("migrated.db").display());
    let out = expect(
        d,
        &[
            "plan",
            "--from",
            &url,
            "--to",
            "desired.sql",
            "--dialect",
            "sqlite",
            "--out",
            "again",
        ],
        0,
    );
    assert!(
        text(&out.stdout).contains("(0 steps"),
        "{}{}",
        text(&out.stdout),
        text(&out.stderr)
    );

    // `drift` agrees: the migrated database matches; one still at `current.sql` differs in its
    // storage and counters, among the rest.
    expect(d, &["drift", "--url", &url, "--to", "desired.sql"], 0);
    let before = Connection::open(d.join("before.db")).expect("open");
    before
        .execute_batch(&data("fidelity/sqlite_current.sql"))
        .expect("build current");
    drop(before);
    let before = format!("sqlite://{}", d.join("before.db").display());
    let out = expect(d, &["drift", "--url", &before, "--to", "desired.sql"], 1);
    let report = text(&out.stdout);
    for line in [
        "table posts: strict",
        "table kv: without rowid",
        "column tags.id: autoincrement",
    ] {
        assert!(report.contains(line), "{line} not in\n{report}");
    }
}

/// Imported to `.mig` files and planned from an empty database, the schema comes back as SQLite
/// held it.
#[test]
fn imported_schema_builds_the_same_catalog() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let d = tmp.path();
    std::fs::write(d.join("desired.sql"), data("fidelity/sqlite_desired.sql")).expect("write");
    expect(
        d,
        &[
            "import",
            "desired.sql",
            "--dialect",
            "sqlite",
            "-o",
            "schema",
        ],
        0,
    );
    let users = std::fs::read_to_string(d.join("schema/tables/users.mig")).expect("users.mig");
    assert!(users.contains("primary key autoincrement"), "{users}");
    let posts = std::fs::read_to_string(d.join("schema/tables/posts.mig")).expect("posts.mig");
    assert!(posts.contains("\n  strict\n"), "{posts}");
    expect(
        d,
        &[
            "plan",
            "--from",
            "empty",
            "--to",
            "schema",
            "--dialect",
            "sqlite",
            "--out",
            "plan",
        ],
        0,
    );
    let planned = Connection::open(d.join("planned.db")).expect("open");
    for script in up_scripts(&d.join("plan")) {
        planned
            .execute_batch(&script)
            .unwrap_or_else(|e| panic!("{e}\n{script}"));
    }
    let built = Connection::open(d.join("built.db")).expect("open");
    built
        .execute_batch(&data("fidelity/sqlite_desired.sql"))
        .expect("build desired");
    assert_eq!(catalog(&planned), catalog(&built));
}
