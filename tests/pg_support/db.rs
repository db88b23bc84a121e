//! Scratch databases on the server named by `MIGC_TEST_POSTGRES_URL`, and scripts run with psql.

use postgres::{Client, NoTls};
use std::path::Path;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The server the tests run against.
#[derive(Clone, Debug)]
pub struct Server {
    /// The URL as given; its database is used for `CREATE/DROP DATABASE`.
    pub url: String,
}

/// The server to test against, or `None` (with a printed note) when `MIGC_TEST_POSTGRES_URL` is
/// unset outside CI. In CI (`CI=true`) a missing or unreachable database fails the test, and so
/// does an unreachable one that was named explicitly.
pub fn server(test: &str) -> Option<Server> {
    let ci = std::env::var("CI").is_ok_and(|v| v == "true");
    let url = std::env::var("MIGC_TEST_POSTGRES_URL").unwrap_or_default();
    if url.trim().is_empty() {
        if ci {
            panic!("{test}: CI=true but MIGC_TEST_POSTGRES_URL is not set; the live PostgreSQL tests must run in CI");
        }
        eprintln!(
            "note: skipping {test}: set MIGC_TEST_POSTGRES_URL (e.g. postgres://postgres@127.0.0.1:5432/test) to run it"
        );
        return None;
    }
    if let Err(e) = Client::connect(&url, NoTls) {
        panic!("{test}: MIGC_TEST_POSTGRES_URL={url} is unreachable: {e}");
    }
    Some(Server { url })
}

/// The URL with its database replaced by `db`.
pub fn with_db(url: &str, db: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (url, None),
    };
    let host_start = base.find("://").map_or(0, |i| i + 3);
    let host_end = base[host_start..]
        .find('/')
        .map_or(base.len(), |i| host_start + i);
    let mut out = format!("{}/{}", &base[..host_end], db);
    if let Some(q) = query {
        out.push('?');
        out.push_str(q);
    }
    out
}

pub fn connect(url: &str) -> Client {
    Client::connect(url, NoTls).unwrap_or_else(|e| panic!("connect to {url}: {e}"))
}

static COUNTER: AtomicUsize = AtomicUsize::new(0);

/// A database made for one test and dropped when the value goes away, also when the test
/// panics.
pub struct ScratchDb {
    pub name: String,
    pub url: String,
    admin_url: String,
}

impl ScratchDb {
    /// A new, empty database.
    pub fn create(server: &Server, label: &str) -> ScratchDb {
        Self::make(server, label, None)
    }

    /// A copy of `template` (which must have no open connection).
    pub fn copy_of(server: &Server, template: &ScratchDb, label: &str) -> ScratchDb {
        Self::make(server, label, Some(&template.name))
    }

    fn make(server: &Server, label: &str, template: Option<&str>) -> ScratchDb {
        let n = COUNTER.fetch_add(1, Ordering::SeqCst);
        let mut label: String = label
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '_' })
            .collect();
        let prefix = format!("migc_t_{}_{}_", std::process::id(), n);
        label.truncate(63 - prefix.len());
        let name = format!("{prefix}{label}");
        let mut admin = connect(&server.url);
        let sql = match template {
            Some(t) => format!("CREATE DATABASE {name} TEMPLATE {t}"),
            None => format!("CREATE DATABASE {name}"),
        };
        // Copying a template fails while another session (autovacuum, a closing backend) is
        // still connected to it; the server waits a few seconds itself, retry a little more.
        let mut attempt = 0;
        loop {
            match admin.batch_execute(&sql) {
                Ok(()) => break,
                Err(e) if attempt < 5 && e.to_string().contains("being accessed by other users") => {
                    attempt += 1;
                    std::thread::sleep(std::time::Duration::from_millis(500));
                }
                Err(e) => panic!("{sql}: {e}"),
            }
        }
        ScratchDb {
            url: with_db(&server.url, &name),
            name,
            admin_url: server.url.clone(),
        }
    }

    pub fn connect(&self) -> Client {
        connect(&self.url)
    }
}

impl Drop for ScratchDb {
    fn drop(&mut self) {
        if let Ok(mut admin) = Client::connect(&self.admin_url, NoTls) {
            let sql = format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name);
            if let Err(e) = admin.batch_execute(&sql) {
                eprintln!("warning: {sql}: {e}");
            }
        }
    }
}

/// Runs a script as users run it: `psql -v ON_ERROR_STOP=1 -f FILE`, not in one transaction.
/// `pgoptions` is passed as `PGOPTIONS` (e.g. `-c migc.batch_size=10000`). The error is the
/// tail of psql's output.
pub fn psql(url: &str, file: &Path, pgoptions: Option<&str>) -> Result<(), String> {
    let mut cmd = Command::new("psql");
    cmd.args(["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", url, "-f"])
        .arg(file)
        .env("PGCONNECT_TIMEOUT", "10");
    if let Some(o) = pgoptions {
        cmd.env("PGOPTIONS", o);
    }
    let out = cmd
        .output()
        .map_err(|e| format!("cannot run psql (is it installed?): {e}"))?;
    if out.status.success() {
        return Ok(());
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = stderr
        .lines()
        .filter(|l| !l.contains("NOTICE:") && !l.trim().is_empty())
        .collect();
    let tail = lines[lines.len().saturating_sub(12)..].join("\n    ");
    Err(format!(
        "psql -f {} exited with {}:\n    {tail}",
        file.display(),
        out.status
    ))
}
