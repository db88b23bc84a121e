//! An online table copy of a 1,000,000-row MySQL/MariaDB table under an application load: a
//! CHECK added, which neither server adds to a populated table without blocking writes, so migc
//! copies the table online (triggers keep the copy in step while batches fill it). Each run
//! has a table of its own with the same rows and the same load:
//!
//! - migc through contract, its copy batches sized by time (the default);
//! - migc with the fixed batches it used before (`--batch-size 1000 --pause-ms 20`);
//! - the baselines, measured in the same run: `pt-online-schema-change` (when it is on `PATH`)
//!   with its defaults, and the naive `ALTER TABLE … ADD CONSTRAINT … CHECK` a diff tool emits.
//!
//! And a rename of a column (`label … renamed from name`) through contract, which each
//! application version sees under its own name through its version's database until contract
//! renames it in the catalog, beside what it cost before: a column computed from the old one
//! (`label … from name up (name)`), filled by a dual-write trigger and a backfill of every row.
//!
//! Run with `MIGC_TEST_MYSQL_URL=mysql://… cargo bench --bench online_mysql` (a scratch
//! database is made on that server and dropped). Not a test: it prints figures.

use migc_db::Connection;
use std::process::{Command, ExitCode};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

#[path = "support/mod.rs"]
mod support;
use support::{connect, count, migc, Scratch};
const ROWS: usize = 1_000_000;
/// The application's rate: point reads, updates and inserts, one every 5 ms.
const PERIOD: Duration = Duration::from_millis(5);
/// The tables, all alike: migc's runs (the first four) and the two baselines of the copy.
const TABLES: [&str; 6] = ["paced", "fixed", "renamed", "computed", "osc", "altered"];
/// The tables migc makes and changes.
const MIGC: usize = 4;

/// How a table's `name` column is declared in a version of the schema.
#[derive(Clone, Copy, PartialEq)]
enum Name {
    Deployed,
    Renamed,
    Computed,
}

fn table(name: &str, check: bool, column: Name) -> String {
    let check = if check {
        format!("\n  check {name}_balance_ok (balance >= 0)")
    } else {
        String::new()
    };
    let column = match column {
        Name::Deployed => "name    varchar(100) not null default ''",
        Name::Renamed => "label   varchar(100) not null default '' renamed from name",
        Name::Computed => "label   varchar(100) not null default '' from name up (name)",
    };
    format!(
        "table {name} {{\n  id      bigint primary key identity\n  {column}\n  balance int32 not null default 0{check}\n}}\n"
    )
}

fn main() -> ExitCode {
    let Some(server) = std::env::var("MIGC_TEST_MYSQL_URL")
        .ok()
        .filter(|u| !u.trim().is_empty())
    else {
        eprintln!("set MIGC_TEST_MYSQL_URL to a MySQL or MariaDB server to run this benchmark");
        return ExitCode::SUCCESS;
    };
    match run(&server) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}

/// `pt-online-schema-change`'s DSN of a `mysql://user[:password]@host[:port]/db` URL.
fn dsn(url: &str, table: &str) -> Option<String> {
    let rest = url.strip_prefix("mysql://")?;
    let (auth, rest) = rest.rsplit_once('@')?;
    let (user, password) = match auth.split_once(':') {
        Some((u, p)) => (u, Some(p)),
        None => (auth, None),
    };
    let (host, db) = rest.split_once('/')?;
    let db = db.split('?').next()?;
    let (host, port) = host.split_once(':').unwrap_or((host, "3306"));
    let mut out = format!("h={host},P={port},u={user},D={db},t={table}");
    if let Some(p) = password {
        out.push_str(&format!(",p={p}"));
    }
    Some(out)
}

fn run(server: &str) -> Result<(), String> {
    let db = Scratch::new(server, "online_my")?;
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let path = |f: &str| dir.path().join(f).display().to_string();
    let schema = |checked: &[&str], changed: &[(&str, Name)]| -> String {
        TABLES[..MIGC]
            .iter()
            .map(|t| {
                let column = changed
                    .iter()
                    .find(|(c, _)| c == t)
                    .map_or(Name::Deployed, |(_, n)| *n);
                table(t, checked.contains(t), column)
            })
            .collect()
    };
    let renamed = [("renamed", Name::Renamed)];
    let computed = [("renamed", Name::Renamed), ("computed", Name::Computed)];
    for (file, text) in [
        ("v1.mig", schema(&[], &[])),
        ("v2.mig", schema(&["paced"], &[])),
        ("v3.mig", schema(&["paced", "fixed"], &[])),
        ("v4.mig", schema(&["paced", "fixed"], &renamed)),
        ("v5.mig", schema(&["paced", "fixed"], &computed)),
    ] {
        std::fs::write(path(file), text).map_err(|e| e.to_string())?;
    }
    let plan = |from: &str, to: &str, out: &str| {
        migc(&[
            "plan",
            "--from",
            from,
            "--to",
            &path(to),
            "--dialect",
            "mysql",
            "--out",
            &path(out),
        ])
    };
    plan("empty", "v1.mig", "p1")?;
    plan(&path("v1.mig"), "v2.mig", "p2")?;
    plan(&path("v2.mig"), "v3.mig", "p3")?;
    plan(&path("v3.mig"), "v4.mig", "p4")?;
    plan(&path("v4.mig"), "v5.mig", "p5")?;
    migc(&[
        "apply",
        &path("p1"),
        "--url",
        &db.url,
        "--through",
        "contract",
    ])?;
    let mut conn = connect(&db.url)?;
    let sql = |conn: &mut dyn Connection, s: &str| conn.execute(s).map_err(|e| e.to_string());
    for t in &TABLES[MIGC..] {
        sql(
            conn.as_mut(),
            &format!("CREATE TABLE {t} (id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY, name varchar(100) NOT NULL DEFAULT '', balance int NOT NULL DEFAULT 0) ENGINE=InnoDB"),
        )?;
    }
    // 10^6 rows from six digits, on either server.
    let digits = "(SELECT 0 AS d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9)";
    let n: Vec<String> = (0..6)
        .map(|i| format!("d{i}.d * {}", 10u64.pow(i)))
        .collect();
    let from: Vec<String> = (0..6).map(|i| format!("{digits} AS d{i}")).collect();
    for t in TABLES {
        sql(
            conn.as_mut(),
            &format!(
                "INSERT INTO {t} (name, balance) SELECT CONCAT('name ', {n}), ({n}) % 1000 FROM {from}",
                n = n.join(" + "),
                from = from.join(", ")
            ),
        )?;
        sql(conn.as_mut(), &format!("ANALYZE TABLE {t}"))?;
    }
    println!(
        "{ROWS} rows in each table; the application's load: one read, update or insert every {} ms on the table changed",
        PERIOD.as_millis()
    );
    println!();
    println!("| change | through contract | app's worst latency | app errors |");
    println!("|---|---|---|---|");
    let apply = |dir: &str, extra: &[&str]| {
        let dir = path(dir);
        let url = db.url.clone();
        let extra: Vec<String> = extra.iter().map(|s| s.to_string()).collect();
        move || {
            let mut args = vec!["apply", &dir, "--url", &url, "--through", "contract"];
            args.extend(extra.iter().map(String::as_str));
            migc(&args)
        }
    };
    let paced = measure(&db.url, "paced", apply("p2", &[]))?;
    print("migc, copy batches sized by time (the default)", &paced);
    let fixed = measure(
        &db.url,
        "fixed",
        apply("p3", &["--batch-size", "1000", "--pause-ms", "20"]),
    )?;
    print("migc, copy batches of 1,000 rows with 20 ms pauses", &fixed);
    let osc = match dsn(&db.url, "osc") {
        Some(dsn)
            if Command::new("pt-online-schema-change")
                .arg("--version")
                .output()
                .is_ok() =>
        {
            let m = measure(&db.url, "osc", move || {
                let out = Command::new("pt-online-schema-change")
                    .args([
                        "--alter",
                        "ADD CONSTRAINT osc_balance_ok CHECK (balance >= 0)",
                        "--execute",
                        "--no-check-alter",
                        &dsn,
                    ])
                    .output()
                    .map_err(|e| e.to_string())?;
                if out.status.success() {
                    Ok(())
                } else {
                    Err(format!(
                        "pt-online-schema-change: {}",
                        String::from_utf8_lossy(&out.stdout)
                    ))
                }
            })?;
            print("baseline: pt-online-schema-change (its defaults)", &m);
            Some(m)
        }
        _ => {
            println!("| baseline: pt-online-schema-change | not on PATH | | |");
            None
        }
    };
    // A rename through its version's view, then a catalog rename; and the same change as a
    // computed column, filled row by row. Rows written: the server's count of rows updated (`Handler_update`), less
    // the application's own updates.
    let updated = |conn: &mut dyn Connection| {
        count(
            conn,
            "SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME = 'HANDLER_UPDATE'",
        )
    };
    let before = updated(conn.as_mut())?;
    let renamed = measure(&db.url, "renamed", apply("p4", &[]))?;
    let rename_writes = updated(conn.as_mut())? - before - renamed.updates as i64;
    let before = updated(conn.as_mut())?;
    let computed = measure(&db.url, "computed", apply("p5", &[]))?;
    let computed_writes = updated(conn.as_mut())? - before - computed.updates as i64;
    let url = db.url.clone();
    let altered = measure(&db.url, "altered", move || {
        connect(&url)?
            .execute("ALTER TABLE altered ADD CONSTRAINT altered_balance_ok CHECK (balance >= 0)")
            .map_err(|e| e.to_string())
    })?;
    print(
        "baseline: one `ALTER TABLE … ADD CONSTRAINT` (no phases)",
        &altered,
    );
    println!();
    println!(
        "| change | through contract | rows written by migc | app's worst latency | app errors |"
    );
    println!("|---|---|---|---|---|");
    for (what, m, writes) in [
        (
            "rename `name` to `label` (version views, then catalog rename)",
            &renamed,
            rename_writes,
        ),
        (
            "the same as a computed column (trigger and backfill)",
            &computed,
            computed_writes,
        ),
    ] {
        println!(
            "| {what} | {:.2} s | {} | {:.1} ms | {} |",
            m.elapsed.as_secs_f64(),
            writes.max(0),
            m.worst.as_secs_f64() * 1000.0,
            m.errors
        );
    }
    let labels = count(
        conn.as_mut(),
        "SELECT count(*) FROM renamed WHERE label LIKE 'name %'",
    )?;
    if labels < ROWS as i64 {
        return Err(format!(
            "after the rename, {labels} rows hold their label, not {ROWS}"
        ));
    }
    for t in TABLES {
        let rows = count(conn.as_mut(), &format!("SELECT count(*) FROM {t}"))?;
        if rows < ROWS as i64 {
            return Err(format!(
                "after the change, {t} holds {rows} rows, not {ROWS}"
            ));
        }
    }
    println!();
    let ratio =
        |a: &Measured, b: &Measured| a.elapsed.as_secs_f64() / b.elapsed.as_secs_f64().max(1e-9);
    println!(
        "migc's copy: {:.1}x faster with batches sized by time than with fixed ones",
        ratio(&fixed, &paced)
    );
    if let Some(osc) = &osc {
        println!(
            "migc's copy against pt-online-schema-change: {:.1}x its time",
            ratio(&paced, osc)
        );
    }
    println!(
        "the app's worst latency: {:.0} ms under migc, {:.0} ms under the naive ALTER",
        paced.worst.as_secs_f64() * 1000.0,
        altered.worst.as_secs_f64() * 1000.0
    );
    println!(
        "the rename: {:.0}x faster than the computed column it used to be",
        ratio(&computed, &renamed)
    );
    Ok(())
}

struct Measured {
    elapsed: Duration,
    worst: Duration,
    errors: usize,
    /// The application's updates that succeeded.
    updates: usize,
}

fn print(what: &str, m: &Measured) {
    println!(
        "| {what} | {:.2} s | {:.1} ms | {} |",
        m.elapsed.as_secs_f64(),
        m.worst.as_secs_f64() * 1000.0,
        m.errors
    );
}

/// Runs `change` while a thread plays the application on `table`.
fn measure(
    url: &str,
    table: &str,
    change: impl FnOnce() -> Result<(), String>,
) -> Result<Measured, String> {
    let stop = Arc::new(AtomicBool::new(false));
    let app = {
        let stop = stop.clone();
        let url = url.to_string();
        let table = table.to_string();
        std::thread::spawn(move || load(&url, &table, &stop))
    };
    std::thread::sleep(Duration::from_millis(500));
    let start = Instant::now();
    let applied = change();
    let elapsed = start.elapsed();
    std::thread::sleep(Duration::from_millis(500));
    stop.store(true, Ordering::SeqCst);
    let (worst, errors, updates) = app.join().map_err(|_| "the load thread panicked")??;
    applied?;
    Ok(Measured {
        elapsed,
        worst,
        errors,
        updates,
    })
}

/// The application: reads, updates and inserts on a schedule, each timed from its scheduled
/// start (so a wait delays the ones behind it). Returns the worst latency, the failures and
/// the updates that succeeded.
fn load(url: &str, table: &str, stop: &AtomicBool) -> Result<(Duration, usize, usize), String> {
    let mut conn = connect(url)?;
    let mut worst = Duration::ZERO;
    let mut errors = 0;
    let mut updates = 0;
    let start = Instant::now();
    let mut i: u64 = 0;
    while !stop.load(Ordering::SeqCst) {
        let due = start + PERIOD * i as u32;
        if let Some(wait) = due.checked_duration_since(Instant::now()) {
            std::thread::sleep(wait);
        }
        let id = 1 + (i * 7_919) % ROWS as u64;
        let result = match i % 3 {
            0 => conn
                .query(&format!("SELECT balance FROM {table} WHERE id = {id}"))
                .map(|_| ()),
            1 => conn.execute(&format!(
                "UPDATE {table} SET balance = balance + 1 WHERE id = {id}"
            )),
            _ => conn.execute(&format!("INSERT INTO {table} (balance) VALUES (1)")),
        };
        match result {
            Err(e) => {
                if errors == 0 {
                    eprintln!("{table}: the application's first error: {e}");
                }
                errors += 1
            }
            Ok(()) if i % 3 == 1 => updates += 1,
            Ok(()) => {}
        }
        worst = worst.max(due.elapsed());
        i += 1;
    }
    Ok((worst, errors, updates))
}
