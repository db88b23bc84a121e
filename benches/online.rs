//! Online changes of 1,000,000-row PostgreSQL tables under an application load, through every
//! phase to contract, by the real `migc` binary, each on a table of its own with the same load:
//!
//! - a rename: the new application sees the new name through its version's view from expand on
//!   and contract renames the column in the catalog, so no row is touched;
//! - a column computed from another (`from title up (title)`), filled by the backfill row by row,
//!   once with the fixed batches migc used before (`--batch-size 1000 --pause-ms 20`) and once
//!   with its default batches, sized by time;
//! - the baseline for both: one `UPDATE` of every row, as a naive migration fills a column.
//!
//! Run with `MIGC_TEST_POSTGRES_URL=postgres://… cargo bench --bench online` (a scratch
//! database is made on that server and dropped). Not a test: it prints figures.

use migc_db::{Connection, DbUrl};
use std::process::{Command, ExitCode};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

const ROWS: usize = 1_000_000;
/// The application's rate: point reads, updates and inserts, one every 5 ms.
const PERIOD: Duration = Duration::from_millis(5);

const V1: &str = "table renamed {
  id    bigint primary key identity
  title text   not null default ''
  hits  int32  not null default 0
}

table fixed {
  id    bigint primary key identity
  title text   not null default ''
  hits  int32  not null default 0
}

table paced {
  id    bigint primary key identity
  title text   not null default ''
  hits  int32  not null default 0
}
";

const V2: &str = "table renamed {
  id    bigint primary key identity
  name  text   not null default '' renamed from title
  hits  int32  not null default 0
}

table fixed {
  id    bigint primary key identity
  title text   not null default ''
  hits  int32  not null default 0
}

table paced {
  id    bigint primary key identity
  title text   not null default ''
  hits  int32  not null default 0
}
";

const V3: &str = "table renamed {
  id    bigint primary key identity
  name  text   not null default '' renamed from title
  hits  int32  not null default 0
}

table fixed {
  id    bigint primary key identity
  name  text   not null default '' from title up (title)
  hits  int32  not null default 0
}

table paced {
  id    bigint primary key identity
  title text   not null default ''
  hits  int32  not null default 0
}
";

const V4: &str = "table renamed {
  id    bigint primary key identity
  name  text   not null default '' renamed from title
  hits  int32  not null default 0
}

table fixed {
  id    bigint primary key identity
  name  text   not null default '' from title up (title)
  hits  int32  not null default 0
}

table paced {
  id    bigint primary key identity
  name  text   not null default '' from title up (title)
  hits  int32  not null default 0
}
";

fn main() -> ExitCode {
    let Some(server) = std::env::var("MIGC_TEST_POSTGRES_URL")
        .ok()
        .filter(|u| !u.trim().is_empty())
    else {
        eprintln!("set MIGC_TEST_POSTGRES_URL to a PostgreSQL server to run this benchmark");
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

fn connect(url: &str) -> Result<Box<dyn Connection>, String> {
    let parsed = DbUrl::parse(url).ok_or_else(|| format!("not a database URL: {url}"))?;
    migc_db::connect(&parsed).map_err(|e| e.to_string())
}

fn migc(args: &[&str]) -> Result<(), String> {
    let out = Command::new(env!("CARGO_BIN_EXE_migc"))
        .args(args)
        .output()
        .map_err(|e| e.to_string())?;
    if out.status.success() {
        Ok(())
    } else {
        Err(format!(
            "migc {}: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr)
        ))
    }
}

struct Scratch {
    admin: String,
    name: String,
    url: String,
}

impl Drop for Scratch {
    fn drop(&mut self) {
        if let Ok(mut c) = connect(&self.admin) {
            let _ = c.execute(&format!(
                "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                self.name
            ));
        }
    }
}

fn run(server: &str) -> Result<(), String> {
    let name = format!("migc_bench_online_{}", std::process::id());
    let mut admin = connect(server)?;
    admin
        .execute(&format!("CREATE DATABASE {name}"))
        .map_err(|e| e.to_string())?;
    let db = Scratch {
        admin: server.to_string(),
        url: migc_db::with_database(server, &name),
        name,
    };
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let path = |f: &str| dir.path().join(f).display().to_string();
    let versions = [
        ("v1.mig", V1),
        ("v2.mig", V2),
        ("v3.mig", V3),
        ("v4.mig", V4),
    ];
    for (file, text) in versions {
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
            "postgres",
            "--out",
            &path(out),
        ])
    };
    plan("empty", "v1.mig", "p1")?;
    plan(&path("v1.mig"), "v2.mig", "p2")?;
    plan(&path("v2.mig"), "v3.mig", "p3")?;
    plan(&path("v3.mig"), "v4.mig", "p4")?;
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
    // The baseline's table, made directly: a nullable column one UPDATE fills.
    sql(
        conn.as_mut(),
        "CREATE TABLE updated (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, title text NOT NULL DEFAULT '', hits integer NOT NULL DEFAULT 0, name text)",
    )?;
    for t in ["renamed", "fixed", "paced", "updated"] {
        sql(
            conn.as_mut(),
            &format!(
                "INSERT INTO {t} (title) SELECT 'title ' || g FROM generate_series(1, {ROWS}) AS g"
            ),
        )?;
        sql(conn.as_mut(), &format!("VACUUM ANALYZE {t}"))?;
    }
    println!("{ROWS} rows in each table; the application's load: one read, update or insert every {} ms on the table changed", PERIOD.as_millis());
    println!();
    println!(
        "| change | through contract | rows written by migc | app's worst latency | app errors |"
    );
    println!("|---|---|---|---|---|");
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
    let rename = measure(&db.url, "renamed", apply("p2", &[]))?;
    // Every row is there under the new name.
    let named = count(
        conn.as_mut(),
        "SELECT count(*) FROM renamed WHERE name LIKE 'title %'",
    )?;
    if named != ROWS as i64 {
        return Err(format!(
            "after the rename, {named} rows have their name, not {ROWS}"
        ));
    }
    print(
        "rename `title` to `name` (view, then catalog rename)",
        &rename,
    );
    let fixed = measure(
        &db.url,
        "fixed",
        apply("p3", &["--batch-size", "1000", "--pause-ms", "20"]),
    )?;
    print(
        "computed column, batches of 1,000 rows with 20 ms pauses",
        &fixed,
    );
    let paced = measure(&db.url, "paced", apply("p4", &[]))?;
    print(
        "computed column, batches sized by time (the default)",
        &paced,
    );
    let url = db.url.clone();
    let update = measure(&db.url, "updated", move || {
        connect(&url)?
            .execute("UPDATE updated SET name = title")
            .map_err(|e| e.to_string())
    })?;
    print("baseline: one `UPDATE` of every row (no phases)", &update);
    for t in ["fixed", "paced"] {
        let filled = count(
            conn.as_mut(),
            &format!("SELECT count(*) FROM {t} WHERE name LIKE 'title %'"),
        )?;
        if filled != ROWS as i64 {
            return Err(format!(
                "after the backfill of {t}, {filled} rows have their value, not {ROWS}"
            ));
        }
    }
    println!();
    let ratio =
        |a: &Measured, b: &Measured| a.elapsed.as_secs_f64() / b.elapsed.as_secs_f64().max(1e-9);
    println!(
        "the rename took {:.0}x less time than the computed column at the default batches",
        ratio(&paced, &rename)
    );
    println!(
        "backfill against one UPDATE: {:.1}x with fixed batches, {:.1}x with batches sized by time",
        ratio(&fixed, &update),
        ratio(&paced, &update)
    );
    Ok(())
}

fn count(conn: &mut dyn Connection, sql: &str) -> Result<i64, String> {
    let rows = conn.query(sql).map_err(|e| e.to_string())?;
    Ok(rows
        .first()
        .and_then(|r| r.first().cloned().flatten())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0))
}

struct Measured {
    elapsed: Duration,
    rows_written: i64,
    worst: Duration,
    errors: usize,
}

fn print(what: &str, m: &Measured) {
    println!(
        "| {what} | {:.2} s | {} | {:.1} ms | {} |",
        m.elapsed.as_secs_f64(),
        m.rows_written,
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
    let mut conn = connect(url)?;
    let tuples = |conn: &mut dyn Connection| {
        count(
            conn,
            &format!(
                "SELECT n_tup_upd + n_tup_ins FROM pg_stat_user_tables WHERE relname = '{table}'"
            ),
        )
    };
    let stop = Arc::new(AtomicBool::new(false));
    let app = {
        let stop = stop.clone();
        let url = url.to_string();
        let table = table.to_string();
        std::thread::spawn(move || load(&url, &table, &stop))
    };
    std::thread::sleep(Duration::from_millis(500));
    let before = tuples(conn.as_mut())?;
    let start = Instant::now();
    let applied = change();
    let elapsed = start.elapsed();
    std::thread::sleep(Duration::from_millis(500));
    stop.store(true, Ordering::SeqCst);
    let (worst, errors, writes) = app.join().map_err(|_| "the load thread panicked")??;
    applied?;
    // pg_stat counters reach the view with a delay.
    std::thread::sleep(Duration::from_millis(1500));
    let after = tuples(conn.as_mut())?;
    Ok(Measured {
        elapsed,
        rows_written: (after - before - writes as i64).max(0),
        worst,
        errors,
    })
}

/// The application: reads, updates and inserts on a schedule, each timed from its scheduled
/// start (so a wait delays the ones behind it). Returns the worst latency, the failures and the
/// rows it wrote.
fn load(url: &str, table: &str, stop: &AtomicBool) -> Result<(Duration, usize, usize), String> {
    let mut conn = connect(url)?;
    let mut worst = Duration::ZERO;
    let mut errors = 0;
    let mut writes = 0;
    let start = Instant::now();
    let mut i: u64 = 0;
    while !stop.load(Ordering::SeqCst) {
        let due = start + PERIOD * i as u32;
        if let Some(wait) = due.checked_duration_since(Instant::now()) {
            std::thread::sleep(wait);
        }
        let id = 1 + (i * 7_919) % ROWS as u64;
        let sql = match i % 3 {
            0 => format!("SELECT hits FROM {table} WHERE id = {id}"),
            1 => format!("UPDATE {table} SET hits = hits + 1 WHERE id = {id}"),
            _ => format!("INSERT INTO {table} (hits) VALUES (1)"),
        };
        let result = if i % 3 == 0 {
            conn.query(&sql).map(|_| ())
        } else {
            conn.execute(&sql)
        };
        match result {
            Ok(()) if i % 3 != 0 => writes += 1,
            Ok(()) => {}
            Err(_) => errors += 1,
        }
        worst = worst.max(due.elapsed());
        i += 1;
    }
    Ok((worst, errors, writes))
}
