//! Round trips on live databases: `migc import URL -o DIR` writes formatted files that compile,
//! and planning from the same database to them finds nothing to do. The dumps the real tools
//! write read into the same model as the catalog.

mod import_support;

use import_support::*;
use std::path::Path;

/// Imports `url` into `dir/imported`, checks the files are formatted and compile, and returns
/// the directory.
fn import(dir: &Path, url: &str) -> std::path::PathBuf {
    let out = expect(dir, &["import", url, "-o", "imported"], 0);
    assert!(
        text(&out.stdout).starts_with("wrote imported ("),
        "{}",
        text(&out.stdout)
    );
    expect(dir, &["fmt", "--check", "imported"], 0);
    expect(dir, &["check", "imported"], 0);
    // Importing again writes the same bytes.
    let first = std::fs::read_to_string(dir.join("imported/tables/orders.mig")).expect("orders");
    expect(dir, &["import", url, "-o", "imported"], 0);
    assert_eq!(
        first,
        std::fs::read_to_string(dir.join("imported/tables/orders.mig")).expect("orders")
    );
    dir.join("imported")
}

#[test]
#[cfg_attr(
    not(live_postgres),
    ignore = "needs a PostgreSQL server: set MIGC_TEST_POSTGRES_URL"
)]
fn postgres_round_trip_through_catalog_and_pg_dump() {
    let Some(admin) = server("MIGC_TEST_POSTGRES_URL", "postgres_round_trip") else {
        return;
    };
    let db = Scratch::new(&admin, "migc_import_rt_pg");
    db.run(&data("postgres/schema.sql"));
    db.run(&generated_tables("postgres", 30));
    let tmp = tempfile::tempdir().expect("tempdir");
    let d = tmp.path();
    let dir = import(d, &db.url);

    let orders = std::fs::read_to_string(dir.join("tables/orders.mig")).expect("orders");
    for expected in [
        "status      order_status   not null default ('pending')",
        "priority    Priority",
        "index orders_open_idx (customer_id, placed_on) where (status <> 'cancelled')",
        "index orders_note_lower_idx (lower(note))",
        "index orders_total_desc_idx (total desc)",
        "check orders_total_check (total >= 0)",
        "token       uuid           default (gen_uuid())",
    ] {
        assert!(
            orders.contains(expected),
            "missing `{expected}` in\n{orders}"
        );
    }
    let user = std::fs::read_to_string(dir.join("tables/user.mig")).expect("user");
    assert!(
        user.contains("  order     int32 not null default (0)") && user.contains("CamelCase bool"),
        "{user}"
    );
    let views = std::fs::read_to_string(dir.join("views.mig")).expect("views");
    for expected in [
        "view own_orders security invoker as (",
        ") with local check option",
    ] {
        assert!(views.contains(expected), "missing `{expected}` in\n{views}");
    }
    let native = std::fs::read_to_string(dir.join("native.mig")).expect("native");
    for name in [
        "function_touch",
        "trigger_customers_customers_touch",
        "policy_orders_orders_own",
        "sequence_invoice_numbers",
        "index_products_products_name_trgm",
    ] {
        assert!(
            native.contains(&format!("native {name} for postgres")),
            "{name} in\n{native}"
        );
    }

    // The round trip: nothing to do.
    let out = expect(
        d,
        &[
            "plan",
            "--from",
            &db.url,
            "--to",
            "imported",
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

    // pg_dump's DDL reads into the same tables, enums and views.
    let dump = pg_tool("pg_dump", &db.url, &["--schema-only"]);
    assert!(dump.status.success(), "{}", text(&dump.stderr));
    std::fs::write(d.join("dump.sql"), &dump.stdout).expect("write");
    let out = expect(
        d,
        &[
            "import",
            "dump.sql",
            "--dialect",
            "postgres",
            "-o",
            "from-dump",
        ],
        0,
    );
    for object in [
        "function `touch`",
        "trigger `customers_touch`",
        "policy `orders_own`",
        "sequence `invoice_numbers`",
    ] {
        assert!(
            text(&out.stderr).contains(object),
            "{object} not reported:\n{}",
            text(&out.stderr)
        );
    }
    let (catalog, _) = model(&db.url);
    let dumped = compile_dir(&d.join("from-dump"));
    assert_eq!(dumped.tables.len(), 38);
    assert_eq!(
        steps(&without_natives(catalog), &without_natives(dumped)),
        Vec::<String>::new()
    );
    // And planning from the dump to the catalog's import finds only the native blocks' spelling.
    let out = expect(
        d,
        &[
            "plan",
            "--from",
            "dump.sql",
            "--to",
            "imported",
            "--dialect",
            "postgres",
            "--out",
            "plan2",
        ],
        0,
    );
    let manifest = std::fs::read_to_string(d.join("plan2/manifest.json")).expect("manifest");
    assert!(
        !manifest.contains("\"op\": \"create_table\"")
            && !manifest.contains("\"op\": \"drop_table\""),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn sqlite_round_trip_through_catalog_and_schema_command() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let d = tmp.path();
    let path = d.join("app.db");
    let url = format!("sqlite://{}", path.display());
    let mut c =
        migc_db::connect_or_create(&migc_db::DbUrl::parse(&url).expect("URL")).expect("open");
    c.execute(&data("sqlite/schema.sql")).expect("schema");
    c.execute(&generated_tables("sqlite", 30))
        .expect("generated");
    drop(c);
    let dir = import(d, &url);
    let products = std::fs::read_to_string(dir.join("tables/products.mig")).expect("products");
    assert!(
        products.contains("unique index products_name_key (name)"),
        "{products}"
    );
    let orders = std::fs::read_to_string(dir.join("tables/orders.mig")).expect("orders");
    assert!(
        orders.contains("check orders_status_check (status IN ('pending', 'paid', 'shipped'))"),
        "{orders}"
    );
    let native = std::fs::read_to_string(dir.join("native.mig")).expect("native");
    assert!(
        native.contains("native trigger_customers_customers_touch for sqlite"),
        "{native}"
    );

    let out = expect(
        d,
        &[
            "plan",
            "--from",
            &url,
            "--to",
            "imported",
            "--dialect",
            "sqlite",
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

    // What `sqlite3 .schema` prints reads the same (the shell is optional outside CI).
    let schema = match std::process::Command::new("sqlite3")
        .arg(&path)
        .arg(".schema")
        .output()
    {
        Ok(o) if o.status.success() => text(&o.stdout),
        _ => {
            assert!(
                std::env::var("CI").as_deref() != Ok("true"),
                "sqlite3 must be installed in CI"
            );
            eprintln!("note: sqlite3 shell missing; reading sqlite_master's text instead");
            let mut c = migc_db::connect(&migc_db::DbUrl::parse(&url).expect("URL")).expect("open");
            c.query("SELECT sql || ';' FROM sqlite_master WHERE sql IS NOT NULL")
                .expect("query")
                .into_iter()
                .filter_map(|r| r[0].clone())
                .collect::<Vec<_>>()
                .join("\n")
        }
    };
    std::fs::write(d.join("schema.sql"), schema).expect("write");
    expect(
        d,
        &[
            "import",
            "schema.sql",
            "--dialect",
            "sqlite",
            "-o",
            "from-schema",
        ],
        0,
    );
    let (catalog, _) = model(&url);
    let read = compile_dir(&d.join("from-schema"));
    assert_eq!(read.tables.len(), 37);
    assert_eq!(
        steps(&without_natives(catalog), &without_natives(read)),
        Vec::<String>::new()
    );
}

/// The round trip on MariaDB: the model read from the catalog equals the imported files', and
/// `migc plan --dialect mysql` from the database to them writes a plan of no step.
#[test]
#[cfg_attr(
    not(live_mysql),
    ignore = "needs a MySQL/MariaDB server: set MIGC_TEST_MYSQL_URL"
)]
fn mysql_round_trip_through_catalog_and_mysqldump() {
    let Some(admin) = server("MIGC_TEST_MYSQL_URL", "mysql_round_trip") else {
        return;
    };
    let db = Scratch::new(&admin, "migc_import_rt_my");
    db.run(&data("mysql/schema.sql"));
    db.run(&generated_tables("mysql", 30));
    let tmp = tempfile::tempdir().expect("tempdir");
    let d = tmp.path();
    let dir = import(d, &db.url);
    let orders = std::fs::read_to_string(dir.join("tables/orders.mig")).expect("orders");
    for expected in [
        "status      orders_status  not null default ('pending')",
        "note        varchar(500)   comment \"free text\"",
        "payload     json",
        "index orders_total_desc_idx (total desc)",
    ] {
        assert!(
            orders.contains(expected),
            "missing `{expected}` in\n{orders}"
        );
    }
    // A FULLTEXT index is a native block that makes it again.
    let natives = std::fs::read_to_string(dir.join("native.mig")).expect("native.mig");
    assert!(
        natives.contains("CREATE FULLTEXT INDEX `products_name_ft` ON `products` (`name`)"),
        "{natives}"
    );
    let (catalog, _) = model(&db.url);
    let imported = compile_dir(&dir);
    assert_eq!(imported.tables.len(), 37);
    assert_eq!(steps(&catalog, &imported), Vec::<String>::new());
    let out = expect(
        d,
        &[
            "plan",
            "--from",
            &db.url,
            "--to",
            "imported",
            "--dialect",
            "mysql",
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

    let dump = mysqldump(&db.url);
    assert!(dump.contains("/*!40101 SET"), "a real mysqldump");
    std::fs::write(d.join("dump.sql"), dump).expect("write");
    let out = expect(
        d,
        &[
            "import",
            "dump.sql",
            "--dialect",
            "mysql",
            "-o",
            "from-dump",
        ],
        0,
    );
    assert!(
        text(&out.stderr).contains("trigger `customers_touch`"),
        "{}",
        text(&out.stderr)
    );
    let dumped = compile_dir(&d.join("from-dump"));
    assert_eq!(
        steps(&without_natives(catalog), &without_natives(dumped)),
        Vec::<String>::new()
    );

    // A MySQL URL with another --dialect is a usage error.
    let out = expect(
        d,
        &[
            "plan",
            "--from",
            &db.url,
            "--to",
            "imported",
            "--dialect",
            "postgres",
            "--out",
            "p",
        ],
        2,
    );
    assert!(
        text(&out.stderr).contains("is a mysql database, but `--dialect postgres` was given"),
        "{}",
        text(&out.stderr)
    );
}
