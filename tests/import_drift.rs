//! `migc drift`, and plans from a database that holds objects migc cannot read.

mod import_support;

use import_support::*;

fn sqlite(d: &std::path::Path, sql: &str) -> String {
    let url = format!("sqlite://{}", d.join("app.db").display());
    let mut c =
        migc_db::connect_or_create(&migc_db::DbUrl::parse(&url).expect("URL")).expect("open");
    c.execute(sql).expect("sql");
    url
}

#[test]
fn sqlite_drift_object_by_object() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let d = tmp.path();
    let url = sqlite(d, &data("sqlite/schema.sql"));
    expect(d, &["import", &url, "-o", "declared"], 0);
    let out = expect(d, &["drift", "--url", &url, "--to", "declared"], 0);
    assert!(
        text(&out.stdout).contains("matches the declared schema"),
        "{}",
        text(&out.stdout)
    );
    // The import declared the trigger as a native block: migc manages it.
    assert!(
        !text(&out.stdout).contains("not managed by migc"),
        "{}",
        text(&out.stdout)
    );
    // Declared without it, the trigger is left alone and said to be.
    let native = std::fs::read_to_string(d.join("declared/native.mig")).expect("native.mig");
    std::fs::remove_file(d.join("declared/native.mig")).expect("rm");
    let out = expect(d, &["drift", "--url", &url, "--to", "declared"], 0);
    assert!(
        text(&out.stdout).contains("not managed by migc (left alone): trigger customers_touch"),
        "{}",
        text(&out.stdout)
    );
    std::fs::write(d.join("declared/native.mig"), native).expect("restore");

    // Someone changed the database by hand.
    sqlite(d, "ALTER TABLE products ADD COLUMN color text; DROP INDEX orders_open_idx; CREATE TABLE scratch (a integer);");
    let out = expect(d, &["drift", "--url", &url, "--to", "declared"], 1);
    let report = text(&out.stdout);
    for expected in [
        "differs from the declared schema in 3 places",
        "  column products.color: not declared\n    database: text\n    fix: declare it",
        "  index orders_open_idx: missing in the database\n    declared: (customer_id, placed_on) where status <> 'cancelled'\n    fix: run `migc plan`",
        "  table scratch: not declared",
    ] {
        assert!(report.contains(expected), "`{expected}` not in\n{report}");
    }
    let out = expect(
        d,
        &[
            "drift", "--url", &url, "--to", "declared", "--format", "json",
        ],
        1,
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let objects: Vec<&str> = json["differences"]
        .as_array()
        .expect("list")
        .iter()
        .map(|x| x["object"].as_str().expect("object"))
        .collect();
    assert_eq!(
        objects,
        [
            "index orders_open_idx",
            "column products.color",
            "table scratch"
        ]
    );

    let out = expect(
        d,
        &[
            "drift",
            "--url",
            "postgres://nobody@127.0.0.1:1/none",
            "--to",
            "declared",
        ],
        2,
    );
    assert!(
        text(&out.stderr).contains("cannot read the database"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
#[cfg_attr(
    not(live_postgres),
    ignore = "needs a PostgreSQL server: set MIGC_TEST_POSTGRES_URL"
)]
fn postgres_drift_and_objects_a_plan_leaves_alone() {
    let Some(admin) = server("MIGC_TEST_POSTGRES_URL", "postgres_drift") else {
        return;
    };
    let db = Scratch::new(&admin, "migc_import_drift_pg");
    db.run(&data("postgres/schema.sql"));
    let tmp = tempfile::tempdir().expect("tempdir");
    let d = tmp.path();
    expect(d, &["import", &db.url, "-o", "declared"], 0);
    expect(d, &["drift", "--url", &db.url, "--to", "declared"], 0);
    db.run("ALTER TABLE orders ALTER COLUMN note TYPE text; ALTER TABLE products DROP CONSTRAINT products_price_positive;");
    let out = expect(d, &["drift", "--url", &db.url, "--to", "declared"], 1);
    let report = text(&out.stdout);
    assert!(
        report
            .contains("  column orders.note: type\n    database: text\n    declared: varchar(500)"),
        "{report}"
    );
    assert!(
        report.contains("  check products_price_positive: missing in the database"),
        "{report}"
    );

    // Declared without the native blocks: the plan leaves the trigger, function and policy alone.
    std::fs::remove_file(d.join("declared/native.mig")).expect("rm");
    db.run("ALTER TABLE orders ALTER COLUMN note TYPE varchar(500); ALTER TABLE products ADD CONSTRAINT products_price_positive CHECK (price > 0 AND price < 1000000);");
    let out = expect(
        d,
        &[
            "plan",
            "--from",
            &db.url,
            "--to",
            "declared",
            "--dialect",
            "postgres",
            "--out",
            "plan",
        ],
        0,
    );
    assert!(
        text(&out.stdout).contains("(0 steps,"),
        "{}",
        text(&out.stdout)
    );
    assert!(
        text(&out.stderr)
            .contains("trigger `customers_touch` is not declared; the plan leaves it in place"),
        "{}",
        text(&out.stderr)
    );
    let all: String = std::fs::read_dir(d.join("plan"))
        .expect("plan")
        .filter_map(Result::ok)
        .map(|e| std::fs::read_to_string(e.path()).unwrap_or_default())
        .collect();
    assert!(
        !all.contains("DROP TRIGGER")
            && !all.contains("DROP FUNCTION")
            && !all.contains("DROP POLICY"),
        "{all}"
    );
}

#[test]
fn a_sqlite_rebuild_that_would_lose_a_trigger_is_refused() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let d = tmp.path();
    let url = sqlite(d, &data("sqlite/schema.sql"));
    expect(d, &["import", &url, "-o", "declared"], 0);
    // A new check on customers needs a rebuild, and customers has a trigger migc cannot read.
    let path = d.join("declared/tables/customers.mig");
    let t = std::fs::read_to_string(&path).expect("read").replace(
        "  check customers_email_check",
        "  check customers_name_check (length(full_name) > 0)\n  check customers_email_check",
    );
    std::fs::write(&path, t).expect("write");
    std::fs::remove_file(d.join("declared/native.mig")).expect("rm");
    let out = expect(
        d,
        &[
            "plan",
            "--from",
            &url,
            "--to",
            "declared",
            "--dialect",
            "sqlite",
            "--out",
            "plan",
        ],
        1,
    );
    let err = text(&out.stderr);
    assert!(
        err.contains("the plan rebuilds a table that has objects migc cannot read"),
        "{err}"
    );
    assert!(
        err.contains("trigger `customers_touch` on table `customers`"),
        "{err}"
    );
}

/// A database that `migc apply` built from a declared schema matches it, on every dialect,
/// although each catalog spells it its own way (PostgreSQL rewrites view queries and checks,
/// MySQL qualifies view columns and makes one enum per column, SQLite keeps enums as text with
/// a check and has no comments): `migc drift` finds nothing, a plan from the database (or from
/// a SQLite dump of it) has no step, and `migc_state` is not part of the schema. A change made by hand is found, in the
/// declared schema's words, and planned.
#[test]
#[cfg_attr(
    not(all(live_postgres, live_mysql)),
    ignore = "needs PostgreSQL and MySQL/MariaDB servers: set MIGC_TEST_POSTGRES_URL and MIGC_TEST_MYSQL_URL"
)]
fn a_database_migc_built_matches_its_declared_schema_on_every_dialect() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let d = tmp.path();
    let declared = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/shop/v4");
    let declared = declared.to_str().expect("path");
    let mut targets: Vec<(&str, String, Option<Scratch>)> = vec![(
        "sqlite",
        format!("sqlite://{}", d.join("shop.db").display()),
        None,
    )];
    for (dialect, var) in [
        ("postgres", "MIGC_TEST_POSTGRES_URL"),
        ("mysql", "MIGC_TEST_MYSQL_URL"),
    ] {
        if let Some(admin) = server(var, "a_database_migc_built_matches_its_declared_schema") {
            let db = Scratch::new(&admin, "migc_stored_drift");
            targets.push((dialect, db.url.clone(), Some(db)));
        }
    }
    for (dialect, url, _db) in &targets {
        let deploy = format!("deploy-{dialect}");
        expect(
            d,
            &[
                "plan",
                "--from",
                "empty",
                "--to",
                declared,
                "--dialect",
                dialect,
                "--out",
                &deploy,
            ],
            0,
        );
        expect(
            d,
            &["apply", "--url", url, &deploy, "--through", "contract"],
            0,
        );
        let out = expect(d, &["drift", "--url", url, "--to", declared], 0);
        assert!(
            text(&out.stdout).contains("matches the declared schema"),
            "{dialect}: {}",
            text(&out.stdout)
        );
        let again = format!("again-{dialect}");
        let out = expect(
            d,
            &[
                "plan",
                "--from",
                url,
                "--to",
                declared,
                "--dialect",
                dialect,
                "--out",
                &again,
            ],
            0,
        );
        assert!(
            text(&out.stdout).contains("(0 steps,"),
            "{dialect}: {}{}",
            text(&out.stdout),
            text(&out.stderr)
        );

        if *dialect == "sqlite" {
            // Its dump (what `sqlite3 .schema` prints) plans the same: no step.
            let mut c = migc_db::connect(&migc_db::DbUrl::parse(url).expect("URL")).expect("open");
            let ddl: String = c
                .query("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid")
                .expect("schema")
                .into_iter()
                .filter_map(|r| r.into_iter().next().flatten())
                .map(|s| format!("{s};\n"))
                .collect();
            std::fs::write(d.join("dump.sql"), ddl).expect("dump");
            let out = expect(
                d,
                &[
                    "plan",
                    "--from",
                    "dump.sql",
                    "--to",
                    declared,
                    "--dialect",
                    "sqlite",
                    "--out",
                    "from-dump",
                ],
                0,
            );
            assert!(
                text(&out.stdout).contains("(0 steps,"),
                "{}{}",
                text(&out.stdout),
                text(&out.stderr)
            );
        }

        // By hand: a column nobody declared.
        let c = migc_db::connect(&migc_db::DbUrl::parse(url).expect("URL"));
        c.expect("connect")
            .execute("ALTER TABLE users ADD COLUMN extra integer")
            .expect("alter");
        let out = expect(d, &["drift", "--url", url, "--to", declared], 1);
        let report = text(&out.stdout);
        assert!(
            report.contains("differs from the declared schema in 1 place:")
                && report.contains("  column users.extra: not declared"),
            "{dialect}: {report}"
        );
        let fix = format!("fix-{dialect}");
        let out = expect(
            d,
            &[
                "plan",
                "--from",
                url,
                "--to",
                declared,
                "--dialect",
                dialect,
                "--out",
                &fix,
                "--allow-destructive",
            ],
            0,
        );
        let manifest: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(d.join(&fix).join("manifest.json")).expect("manifest"),
        )
        .expect("json");
        let steps: Vec<String> = manifest["phases"]
            .as_array()
            .expect("phases")
            .iter()
            .flat_map(|p| p["steps"].as_array().cloned().unwrap_or_default())
            .map(|s| s["id"].as_str().unwrap_or_default().to_string())
            .collect();
        assert!(
            steps.contains(&"contract.drop_column.users.extra".to_string())
                && !steps.iter().any(|s| s.contains("migc_state")),
            "{dialect}: {steps:?}\n{}",
            text(&out.stderr)
        );
    }
}

/// The objects a schema's own native blocks made (a trigger, an index) are the blocks': a plan
/// from a SQLite database migc built applies none of them again, drift does not list them as
/// unmanaged, and nothing differs.
#[test]
fn objects_made_by_declared_native_blocks_are_not_foreign() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let d = tmp.path();
    let declared = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/plan/native_objects_rebuilt/to");
    let declared = declared.to_str().expect("path");
    let url = format!("sqlite://{}", d.join("app.db").display());
    expect(
        d,
        &[
            "plan",
            "--from",
            "empty",
            "--to",
            declared,
            "--dialect",
            "sqlite",
            "--out",
            "deploy",
        ],
        0,
    );
    expect(
        d,
        &["apply", "--url", &url, "deploy", "--through", "contract"],
        0,
    );
    let out = expect(
        d,
        &[
            "plan",
            "--from",
            &url,
            "--to",
            declared,
            "--dialect",
            "sqlite",
            "--out",
            "again",
        ],
        0,
    );
    assert!(
        text(&out.stdout).contains("(0 steps,"),
        "{}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    let out = expect(d, &["drift", "--url", &url, "--to", declared], 0);
    let report = text(&out.stdout);
    assert!(
        report.contains("matches the declared schema") && !report.contains("not managed by migc"),
        "{report}"
    );
}

/// A generated column's kind is part of what a database is compared by: a plan from a database
/// to a dump that differs only there changes the column, and `drift` says where.
#[test]
fn a_generated_columns_kind_is_compared() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let d = tmp.path();
    let url = sqlite(
        d,
        "CREATE TABLE gauges (id integer PRIMARY KEY, reading integer NOT NULL, doubled integer GENERATED ALWAYS AS (reading * 2) VIRTUAL);",
    );
    std::fs::write(
        d.join("desired.sql"),
        "CREATE TABLE gauges (id integer PRIMARY KEY, reading integer NOT NULL, doubled integer GENERATED ALWAYS AS (reading * 2) STORED);",
    )
    .expect("write");
    expect(
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
            "plan",
        ],
        0,
    );
    let manifest = std::fs::read_to_string(d.join("plan/manifest.json")).expect("manifest");
    assert!(
        manifest.contains("compute generated column `gauges.doubled` as now declared"),
        "{manifest}"
    );

    expect(d, &["import", &url, "-o", "declared"], 0);
    let file = d.join("declared/tables/gauges.mig");
    let text_of = std::fs::read_to_string(&file).expect("gauges.mig");
    assert!(text_of.contains("virtual"), "{text_of}");
    std::fs::write(&file, text_of.replace("virtual", "stored")).expect("write");
    let out = expect(d, &["drift", "--url", &url, "--to", "declared"], 1);
    let report = text(&out.stdout);
    assert!(
        report.contains("column gauges.doubled: generated\n    database: as (reading * 2) virtual\n    declared: as (reading * 2) stored"),
        "{report}"
    );
}

/// A plan from a database builds on a scratch database only the declared tables the database
/// does not already hold as written, with the tables their foreign keys reference: a changed
/// table that references an unchanged one is built with it, its check in PostgreSQL's own
/// spelling is read back alike, and the plan holds the one change and nothing of the rest.
#[test]
#[cfg_attr(
    not(live_postgres),
    ignore = "needs a PostgreSQL server: set MIGC_TEST_POSTGRES_URL"
)]
fn a_plan_from_a_database_builds_only_what_changed() {
    let Some(admin) = server("MIGC_TEST_POSTGRES_URL", "plan_builds_what_changed") else {
        return;
    };
    let db = Scratch::new(&admin, "migc_import_partial_pg");
    db.run(
        "CREATE TABLE parents (id bigint PRIMARY KEY, name text NOT NULL);
         CREATE TABLE children (id bigint PRIMARY KEY, parent_id bigint NOT NULL REFERENCES parents (id), age integer NOT NULL, CONSTRAINT children_age_range CHECK (age BETWEEN 0 AND 150));
         CREATE TABLE others (id bigint PRIMARY KEY, label text NOT NULL DEFAULT 'x');",
    );
    let tmp = tempfile::tempdir().expect("tempdir");
    let d = tmp.path();
    expect(d, &["import", &db.url, "-o", "declared"], 0);
    // The check as a person writes it, which PostgreSQL stores as two comparisons, and a new
    // column.
    let file = d.join("declared/tables/children.mig");
    let text_of = std::fs::read_to_string(&file).expect("children.mig");
    let edited = text_of.replace("  age ", "  nickname  text      null\n  age ");
    let check = edited
        .lines()
        .find(|l| l.contains("check children_age_range"))
        .expect("the check")
        .to_string();
    let edited = edited.replace(&check, "  check children_age_range (age between 0 and 150)");
    std::fs::write(&file, edited).expect("write");
    let out = expect(
        d,
        &[
            "plan",
            "--from",
            &db.url,
            "--to",
            "declared",
            "--dialect",
            "postgres",
            "--out",
            "plan",
        ],
        0,
    );
    assert!(
        !text(&out.stderr).contains("compared with the declared schema as written"),
        "{}",
        text(&out.stderr)
    );
    let manifest = std::fs::read_to_string(d.join("plan/manifest.json")).expect("manifest");
    let json: serde_json::Value = serde_json::from_str(&manifest).expect("json");
    let summaries: Vec<String> = json["phases"]
        .as_array()
        .expect("phases")
        .iter()
        .flat_map(|p| p["steps"].as_array().cloned().unwrap_or_default())
        // (The version layer shows the changed table to each application version.)
        .filter(|s| {
            !s["op"]
                .as_str()
                .unwrap_or_default()
                .ends_with("version_view")
        })
        .map(|s| s["summary"].as_str().unwrap_or_default().to_string())
        .collect();
    assert_eq!(summaries, ["add column `children.nickname`"], "{manifest}");
}
