//! End states: a database built from `current.sql`, migrated by the plan from `current.sql` to
//! `desired.sql` (the up scripts phase by phase), equals one built from `desired.sql` — compared
//! through catalog introspection. PostgreSQL, SQLite and MySQL/MariaDB (scripts run with the
//! `mariadb` client).

mod import_support;

use import_support::*;
use std::path::Path;

/// The up scripts of a plan, in phase order (from the manifest).
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

fn plan(d: &Path, dialect: &str) {
    for side in ["current", "desired"] {
        std::fs::write(
            d.join(format!("{side}.sql")),
            data(&format!("end_state/{dialect}_{side}.sql")),
        )
        .expect("write");
    }
    let out = expect(
        d,
        &[
            "plan",
            "--from",
            "current.sql",
            "--to",
            "desired.sql",
            "--dialect",
            dialect,
            "--out",
            "plan",
        ],
        0,
    );
    assert!(
        !text(&out.stdout).contains("(0 steps"),
        "{}",
        text(&out.stdout)
    );
}

#[test]
#[cfg_attr(
    not(live_postgres),
    ignore = "needs a PostgreSQL server: set MIGC_TEST_POSTGRES_URL"
)]
fn postgres_current_to_desired() {
    let Some(admin) = server("MIGC_TEST_POSTGRES_URL", "postgres_current_to_desired") else {
        return;
    };
    let tmp = tempfile::tempdir().expect("tempdir");
    let d = tmp.path();
    plan(d, "postgres");
    let migrated = Scratch::new(&admin, "migc_import_end_a");
    migrated.run(&data("end_state/postgres_current.sql"));
    for (i, _) in up_scripts(&d.join("plan")).iter().enumerate() {
        let manifest: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(d.join("plan/manifest.json")).expect("m"),
        )
        .expect("json");
        let file = d
            .join("plan")
            .join(manifest["phases"][i]["up"].as_str().expect("up"));
        let out = pg_tool(
            "psql",
            &migrated.url,
            &[
                "-v",
                "ON_ERROR_STOP=1",
                "-q",
                "-f",
                &file.display().to_string(),
            ],
        );
        assert!(
            out.status.success(),
            "{}: {}",
            file.display(),
            text(&out.stderr)
        );
    }
    let built = Scratch::new(&admin, "migc_import_end_b");
    built.run(&data("end_state/postgres_desired.sql"));
    let (_, a) = model(&migrated.url);
    let (_, b) = model(&built.url);
    assert!(a.contains("refunds") && a.contains("shipped"), "{a}");
    assert!(a.contains(r#"native(postgres: "bigserial")"#), "{a}");
    assert_eq!(a, b);
}

#[test]
fn sqlite_current_to_desired() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let d = tmp.path();
    plan(d, "sqlite");
    let open = |name: &str, sql: &str| {
        let url = format!("sqlite://{}", d.join(name).display());
        let mut c =
            migc_db::connect_or_create(&migc_db::DbUrl::parse(&url).expect("URL")).expect("open");
        c.execute(sql).expect("build");
        (url, c)
    };
    let (migrated, mut c) = open("migrated.db", &data("end_state/sqlite_current.sql"));
    for script in up_scripts(&d.join("plan")) {
        c.execute(&script)
            .unwrap_or_else(|e| panic!("{e}\n{script}"));
    }
    drop(c);
    let (built, c) = open("built.db", &data("end_state/sqlite_desired.sql"));
    drop(c);
    let (_, a) = model(&migrated);
    let (_, b) = model(&built);
    assert_eq!(a, b);
}

#[test]
#[cfg_attr(
    not(live_mysql),
    ignore = "needs a MySQL/MariaDB server: set MIGC_TEST_MYSQL_URL"
)]
fn mysql_current_to_desired() {
    let Some(admin) = server("MIGC_TEST_MYSQL_URL", "mysql_current_to_desired") else {
        return;
    };
    let tmp = tempfile::tempdir().expect("tempdir");
    let d = tmp.path();
    plan(d, "mysql");
    let migrated = Scratch::new(&admin, "migc_import_end_my_a");
    migrated.run(&data("end_state/mysql_current.sql"));
    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(d.join("plan/manifest.json")).expect("m"))
            .expect("json");
    for phase in manifest["phases"].as_array().expect("phases") {
        let file = d.join("plan").join(phase["up"].as_str().expect("up"));
        mariadb_client(&migrated.url, &file);
    }
    let built = Scratch::new(&admin, "migc_import_end_my_b");
    built.run(&data("end_state/mysql_desired.sql"));
    let (_, a) = model(&migrated.url);
    let (_, b) = model(&built.url);
    assert!(a.contains("refunds") && a.contains("shipped"), "{a}");
    assert_eq!(a, b);
}
