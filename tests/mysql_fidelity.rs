//! MySQL/MariaDB end states, compared through the server's own catalog rather than migc's
//! model: a database built from `current.sql` and migrated by the plan to `desired.sql` holds
//! what one built from `desired.sql` holds — tables with their collations and options, columns
//! in their order with their types, character sets, collations, defaults and `ON UPDATE`,
//! indexes, constraints and foreign keys, views with their security and check option — and planning again from it finds nothing to do. What
//! `desired.sql` lacks is dropped (`--allow-destructive`), with the keys migc cannot read.

mod import_support;

use import_support::*;
use migc_db::DbUrl;

/// The catalog of the database at `url`, one line per fact, the names of the database itself
/// left out.
fn catalog(url: &str) -> Vec<String> {
    let mut c = migc_db::connect(&DbUrl::parse(url).expect("URL")).expect("connect");
    let queries = [
        "SELECT 'table', TABLE_NAME, ENGINE, TABLE_COLLATION, TABLE_COMMENT, ROW_FORMAT, CREATE_OPTIONS \
         FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() \
         AND TABLE_NAME NOT LIKE 'migc%' ORDER BY TABLE_NAME",
        "SELECT 'column', TABLE_NAME, ORDINAL_POSITION, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, \
         COLUMN_DEFAULT, CHARACTER_SET_NAME, COLLATION_NAME, EXTRA, COLUMN_COMMENT, GENERATION_EXPRESSION \
         FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() \
         AND TABLE_NAME NOT LIKE 'migc%' ORDER BY TABLE_NAME, ORDINAL_POSITION",
        "SELECT 'index', TABLE_NAME, INDEX_NAME, NON_UNIQUE, SEQ_IN_INDEX, COLUMN_NAME, SUB_PART, INDEX_TYPE \
         FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() \
         AND TABLE_NAME NOT LIKE 'migc%' ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX",
        "SELECT 'constraint', TABLE_NAME, CONSTRAINT_NAME, CONSTRAINT_TYPE \
         FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() \
         AND TABLE_NAME NOT LIKE 'migc%' ORDER BY 2, 3",
        "SELECT 'foreign key', TABLE_NAME, CONSTRAINT_NAME, REFERENCED_TABLE_NAME, UPDATE_RULE, \
         DELETE_RULE FROM information_schema.REFERENTIAL_CONSTRAINTS \
         WHERE CONSTRAINT_SCHEMA = DATABASE() ORDER BY 2, 3",
        "SELECT 'trigger', EVENT_OBJECT_TABLE, TRIGGER_NAME FROM information_schema.TRIGGERS \
         WHERE TRIGGER_SCHEMA = DATABASE() ORDER BY 2, 3",
        "SELECT 'view', TABLE_NAME, CHECK_OPTION, SECURITY_TYPE, IS_UPDATABLE, ALGORITHM \
         FROM information_schema.VIEWS WHERE TABLE_SCHEMA = DATABASE() ORDER BY 2",
    ];
    let mut out = Vec::new();
    for q in queries {
        for row in c.query(q).unwrap_or_else(|e| panic!("{q}: {e}")) {
            let cells: Vec<String> = row
                .into_iter()
                .map(|v| v.unwrap_or_else(|| "NULL".into()))
                .collect();
            out.push(cells.join(" | "));
        }
    }
    out
}

#[test]
#[cfg_attr(
    not(live_mysql),
    ignore = "needs a MySQL/MariaDB server: set MIGC_TEST_MYSQL_URL"
)]
fn migrated_tables_hold_what_the_server_holds_for_the_target() {
    let Some(admin) = server(
        "MIGC_TEST_MYSQL_URL",
        "migrated_tables_hold_what_the_server_holds_for_the_target",
    ) else {
        return;
    };
    let tmp = tempfile::tempdir().expect("tempdir");
    let d = tmp.path();
    for side in ["current", "desired"] {
        std::fs::write(
            d.join(format!("{side}.sql")),
            data(&format!("fidelity/mysql_{side}.sql")),
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
            "mysql",
            "--out",
            "plan",
            "--allow-destructive",
        ],
        0,
    );
    let migrated = Scratch::new(&admin, "migc_fidelity_my_a");
    migrated.run(&data("fidelity/mysql_current.sql"));
    migrated.run(
        "INSERT INTO users (email, name) VALUES ('a@example.com', 'a'), ('b@example.com', 'b');
         INSERT INTO posts (user_id, title, body, views)
           SELECT id, 'hello', 'x', 2147483647 FROM users WHERE email = 'a@example.com';
         INSERT INTO events (id, hits, payload, bits) VALUES (4294967295, 4294967295, 'x', 'a,h');
         INSERT INTO articles (title, body, legacy) VALUES ('one', 'first body', 1), ('two', 'second body', 2);
         INSERT INTO members (email) VALUES ('a@example.com');
         INSERT INTO logs (msg) VALUES ('kept through the copy');
         INSERT INTO codes (code) VALUES (42);
         INSERT INTO readings (id, taken, note) VALUES (1, '2023-05-01', 'old'), (2, '2025-01-01', 'new');
         INSERT INTO legacy_notes (body, code) VALUES ('café crème', 'Ab');
         INSERT INTO gauges (reading) VALUES (21);",
    );
    let manifest: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(d.join("plan/manifest.json")).expect("manifest"),
    )
    .expect("json");
    for phase in manifest["phases"].as_array().expect("phases") {
        mariadb_client(
            &migrated.url,
            &d.join("plan").join(phase["up"].as_str().expect("up")),
        );
    }
    let built = Scratch::new(&admin, "migc_fidelity_my_b");
    built.run(&data("fidelity/mysql_desired.sql"));

    let (a, b) = (catalog(&migrated.url), catalog(&built.url));
    let only = |x: &[String], y: &[String]| -> Vec<String> {
        x.iter().filter(|r| !y.contains(r)).cloned().collect()
    };
    assert!(
        a == b,
        "the migrated catalog differs\nonly migrated:\n  {}\nonly built:\n  {}",
        only(&a, &b).join("\n  "),
        only(&b, &a).join("\n  ")
    );
    assert!(
        a.iter().any(|l| l.contains("ascii_bin")) && a.iter().any(|l| l.contains("on update")),
        "{a:#?}"
    );

    // The widened counter kept its value, and an update sets the time of `updated_at`.
    let mut c = migc_db::connect(&DbUrl::parse(&migrated.url).expect("URL")).expect("connect");
    let views = c
        .query("SELECT views FROM posts WHERE title = 'hello'")
        .expect("select");
    assert_eq!(views, vec![vec![Some("2147483647".to_string())]]);
    // Converted to utf8mb4, the text reads the same.
    let note = c
        .query("SELECT body, code, label FROM legacy_notes")
        .expect("select");
    assert_eq!(
        note,
        vec![vec![
            Some("café crème".to_string()),
            Some("Ab".to_string()),
            Some("café crème #Ab".to_string())
        ]]
    );
    c.execute("INSERT INTO legacy_notes (body) VALUES ('no code')")
        .expect("insert");
    c.execute("INSERT INTO legacy_notes (body, code) VALUES ('coded', 'C1')")
        .expect("insert");
    assert_eq!(
        c.query("SELECT count(*) FROM note_log").expect("select"),
        vec![vec![Some("2".to_string())]],
        "the trigger of the copied table fires, as it did before the copy"
    );
    assert_eq!(
        c.query("SELECT label FROM legacy_notes WHERE body = 'no code'")
            .expect("select"),
        vec![vec![None]],
        "concat() of a null is null, as MySQL computes it"
    );
    let event = c
        .query("SELECT id, hits, payload, bits FROM events")
        .expect("select");
    let max = Some("4294967295".to_string());
    let kept = |s: &str| Some(s.to_string());
    assert_eq!(event, vec![vec![max.clone(), max, kept("x"), kept("a,h")]]);
    c.execute("UPDATE users SET updated_at = '2001-01-01 00:00:00' WHERE email = 'a@example.com'")
        .expect("set");
    c.execute("UPDATE users SET name = 'changed' WHERE email = 'a@example.com'")
        .expect("update");
    let year = c
        .query("SELECT YEAR(updated_at) > 2001 FROM users WHERE email = 'a@example.com'")
        .expect("select");
    assert_eq!(year, vec![vec![Some("1".to_string())]], "ON UPDATE kept");

    // A table with a FULLTEXT index is copied to add and drop columns (InnoDB does neither
    // in place without blocking writes): every row and the index come along.
    let articles = c
        .query("SELECT id, title, summary FROM articles WHERE MATCH (title, body) AGAINST ('body') ORDER BY id")
        .expect("select");
    assert_eq!(
        articles,
        vec![
            vec![kept("1"), kept("one"), kept("")],
            vec![kept("2"), kept("two"), kept("")]
        ]
    );
    // The generated column made STORED on a copy holds the value it computed.
    assert_eq!(
        c.query("SELECT doubled FROM gauges WHERE reading = 21")
            .expect("select"),
        vec![vec![kept("42")]]
    );
    // The table copied into its new row format kept its rows; the partitioned one its
    // partitions and rows.
    assert_eq!(
        c.query("SELECT msg FROM logs").expect("select"),
        vec![vec![kept("kept through the copy")]]
    );
    let partitions = c
        .query("SELECT PARTITION_NAME, TABLE_ROWS FROM information_schema.PARTITIONS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'readings' ORDER BY PARTITION_ORDINAL_POSITION")
        .expect("partitions");
    assert_eq!(partitions.len(), 2, "{partitions:?}");
    assert_eq!(
        c.query("SELECT count(*) FROM readings").expect("select"),
        vec![vec![kept("2")]]
    );
    // ZEROFILL columns kept their display.
    assert_eq!(
        c.query("SELECT CAST(code AS CHAR) FROM codes")
            .expect("select"),
        vec![vec![kept("00042")]]
    );
    // The unique key on a prefix became one on the whole column, under its own name.
    let e = c
        .execute("INSERT INTO members (email) VALUES ('a@example.com')")
        .expect_err("a duplicate email");
    assert_eq!(e.code.as_deref(), Some("1062"), "{e}");

    // From the migrated database to the desired schema there is nothing left to do, and
    // `drift` finds it matching.
    let out = expect(
        d,
        &[
            "plan",
            "--from",
            &migrated.url,
            "--to",
            "desired.sql",
            "--dialect",
            "mysql",
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
    expect(
        d,
        &["drift", "--url", &migrated.url, "--to", "desired.sql"],
        0,
    );
}
