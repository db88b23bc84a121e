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
/// The tables, all alike: migc's two runs and the two baselines.
const TABLES: [&str; 4] = ["paced", "fixed", "osc", "altered"];

fn table(name: &str, check: bool) -> String {
    let check = if check {
        format!("\n  check {name}_balance_ok (balance >= 0)")
    } else {
        String::new()
    };
    format!(
        "table {name} {{\n  id      bigint primary key identity\n  name    varchar(100) not null default ''\n  balance int32 not null default 0{check}\n}}\n"
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
    let schema = |checked: &[&str]| -> String {
        TABLES[..2]
            .iter()
            .map(|t| table(t, checked.contains(t)))
            .collect()
    };
    for (file, text) in [
        ("v1.mig", schema(&[])),
        ("v2.mig", schema(&["paced"])),
        ("v3.mig", schema(&["paced", "fixed"])),
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
    for t in &TABLES[2..] {
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
    Ok(())
}

struct Measured {
    elapsed: Duration,
    worst: Duration,
    errors: usize,
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
    let (worst, errors) = app.join().map_err(|_| "the load thread panicked")??;
    applied?;
    Ok(Measured {
        elapsed,
        worst,
        errors,
    })
}

/// The application: reads, updates and inserts on a schedule, each timed from its scheduled
/// start (so a wait delays the ones behind it). Returns the worst latency and the failures.
fn load(url: &str, table: &str, stop: &AtomicBool) -> Result<(Duration, usize), String> {
    let mut conn = connect(url)?;
    let mut worst = Duration::ZERO;
    let mut errors = 0;
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
        if result.is_err() {
            errors += 1;
        }
        worst = worst.max(due.elapsed());
        i += 1;
    }
    Ok((worst, errors))
}
