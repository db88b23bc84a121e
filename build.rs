//! Tells the tests which live database servers they may use. A test that needs PostgreSQL or
//! MySQL/MariaDB is reported as ignored, with the variable to set, unless that variable
//! (`MIGC_TEST_POSTGRES_URL`, `MIGC_TEST_MYSQL_URL`) is set; in CI (`CI=true`) every such test
//! runs, and fails when it cannot reach its server.

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
}
