//! Renaming a column of a 1,000,000-row PostgreSQL table under an application load, through
//! every phase to contract, by the real `migc` binary. The new application sees the new name
//! through its version's view from expand on and contract renames the column in the catalog, so
//! no row is touched; the baseline, measured in the same run on a table of the same size and
//! load, is a column computed from the deployed one (`from title up (title)`), which the
//! backfill fills row by row, as a rename cost before the version layer.
//!
//! Run with `MIGC_TEST_POSTGRES_URL=postgres://… cargo bench --bench rename` (a scratch
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

table copied {
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

table copied {
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

table copied {
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
    let name = format!("migc_bench_rename_{}", std::process::id());
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
    for (file, text) in [("v1.mig", V1), ("v2.mig", V2), ("v3.mig", V3)] {
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
    migc(&[
        "apply",
        &path("p1"),
        "--url",
        &db.url,
        "--through",
        "contract",
    ])?;
    let mut conn = connect(&db.url)?;
    for t in ["renamed", "copied"] {
        conn.execute(&format!(
            "INSERT INTO {t} (title) SELECT 'title ' || g FROM generate_series(1, {ROWS}) AS g"
        ))
        .map_err(|e| e.to_string())?;
        conn.execute(&format!("VACUUM ANALYZE {t}"))
            .map_err(|e| e.to_string())?;
    }
    println!("{ROWS} rows in each table; the application's load: one read, update or insert every {} ms on the table changed", PERIOD.as_millis());
    println!();
    println!(
        "| change | through contract | rows written by migc | app's worst latency | app errors |"
    );
    println!("|---|---|---|---|---|");
    let rename = measure(&db.url, "renamed", &path("p2"))?;
    // The rename is done: every row is there under the new name.
    let named = conn
        .query("SELECT count(*)::text FROM renamed WHERE name LIKE 'title %'")
        .map_err(|e| e.to_string())?;
    let named = named
        .first()
        .and_then(|r| r.first().cloned().flatten())
        .unwrap_or_default();
    if named != ROWS.to_string() {
        return Err(format!(
            "after the rename, {named} rows have their name, not {ROWS}"
        ));
    }
    print(
        "rename `title` to `name` (view, then catalog rename)",
        &rename,
    );
    let copy = measure(&db.url, "copied", &path("p3"))?;
    print("column computed from `title` (backfill)", &copy);
    println!();
    println!(
        "the rename took {:.1}x less time than the row-by-row baseline",
        copy.elapsed.as_secs_f64() / rename.elapsed.as_secs_f64().max(1e-9)
    );
    Ok(())
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

/// Applies the plan in `dir` through contract while a thread plays the application on `table`.
fn measure(url: &str, table: &str, dir: &str) -> Result<Measured, String> {
    let mut conn = connect(url)?;
    let tuples = |conn: &mut dyn Connection| -> Result<i64, String> {
        let rows = conn
            .query(&format!(
                "SELECT (n_tup_upd + n_tup_ins)::text FROM pg_stat_user_tables WHERE relname = '{table}'"
            ))
            .map_err(|e| e.to_string())?;
        Ok(rows
            .first()
            .and_then(|r| r.first().cloned().flatten())
            .and_then(|v| v.parse().ok())
            .unwrap_or(0))
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
    let applied = migc(&["apply", dir, "--url", url, "--through", "contract"]);
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
