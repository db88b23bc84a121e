//! Tells the tests which live database servers they may use. A test that needs PostgreSQL or
//! MySQL/MariaDB is reported as ignored, with the variable to set, unless that variable
//! (`MIGC_TEST_POSTGRES_URL`, `MIGC_TEST_MYSQL_URL`) is set; in CI (`CI=true`) every such test
//! runs, and fails when it cannot reach its server.
//!
//! The same holds for the migration runners the exported migrations are run with
//! (tests/export.rs): a test needing `dbmate`, `liquibase` or `sqlx` runs when that program is
//! on `PATH` (in CI always: `.ci/run` installs the ones it can), and is reported as ignored
//! otherwise.

fn main() {
    println!("cargo::rerun-if-env-changed=CI");
    let ci = std::env::var("CI").is_ok_and(|v| v == "true");
    for (var, cfg) in [
        ("MIGC_TEST_POSTGRES_URL", "live_postgres"),
        ("MIGC_TEST_MYSQL_URL", "live_mysql"),
    ] {
        println!("cargo::rerun-if-env-changed={var}");
        println!("cargo::rustc-check-cfg=cfg({cfg})");
        if ci || std::env::var(var).is_ok_and(|v| !v.trim().is_empty()) {
            println!("cargo::rustc-cfg={cfg}");
        }
    }
    println!("cargo::rerun-if-env-changed=PATH");
    let path = std::env::var_os("PATH").unwrap_or_default();
    for (program, cfg) in [
        ("dbmate", "runner_dbmate"),
        ("liquibase", "runner_liquibase"),
        ("sqlx", "runner_sqlx"),
    ] {
        println!("cargo::rustc-check-cfg=cfg({cfg})");
        let found = std::env::split_paths(&path).any(|dir| dir.join(program).is_file());
        // sqlx-cli takes too long to build for CI to install it: only where it is.
        if found || (ci && program != "sqlx") {
            println!("cargo::rustc-cfg={cfg}");
        }
    }
}
