//! What the benches that run the `migc` binary against a live server share: connections, the
//! binary, a scratch database dropped at the end, and counting rows.

#![allow(dead_code)]

use migc_db::{Connection, DbUrl};
use std::process::Command;

pub fn connect(url: &str) -> Result<Box<dyn Connection>, String> {
    let parsed = DbUrl::parse(url).ok_or_else(|| format!("not a database URL: {url}"))?;
    migc_db::connect(&parsed).map_err(|e| e.to_string())
}

/// Runs `migc args`, which must succeed.
pub fn migc(args: &[&str]) -> Result<(), String> {
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

/// A database made on `server` for one run, dropped when it goes.
pub struct Scratch {
    admin: String,
    name: String,
    pub url: String,
}

impl Scratch {
    /// `migc_bench_<what>_<process id>` on the server of `server`.
    pub fn new(server: &str, what: &str) -> Result<Scratch, String> {
        let name = format!("migc_bench_{what}_{}", std::process::id());
        let dialect = DbUrl::parse(server)
            .ok_or_else(|| format!("not a database URL: {server}"))?
            .dialect();
        connect(server)?
            .execute(&dialect.behaviour().create_database(&name))
            .map_err(|e| e.to_string())?;
        Ok(Scratch {
            admin: server.to_string(),
            url: migc_db::with_database(server, &name),
            name,
        })
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        if let Ok(mut c) = connect(&self.admin) {
            let _ = migc_db::drop_database(&mut *c, &self.name);
        }
    }
}

/// The single number a query gives (0 when it gives none).
pub fn count(conn: &mut dyn Connection, sql: &str) -> Result<i64, String> {
    let rows = conn.query(sql).map_err(|e| e.to_string())?;
    Ok(rows
        .first()
        .and_then(|r| r.first().cloned().flatten())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0))
}
