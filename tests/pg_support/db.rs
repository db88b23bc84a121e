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
    /// Where scratch databases go to be dropped, when a [`Reaper`] takes them.
    reaper: Option<std::sync::mpsc::Sender<String>>,
}

impl Server {
    /// The same server, with scratch databases dropped by `reaper`.
    pub fn reaped_by(&self, reaper: &Reaper) -> Server {
        Server {
            url: self.url.clone(),
            reaper: reaper.sender.clone(),
        }
    }
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
    match Client::connect(&url, NoTls) {
        Ok(mut admin) => drop_stale_databases(&mut admin),
        Err(e) => panic!("{test}: MIGC_TEST_POSTGRES_URL={url} is unreachable: {e}"),
    }
    Some(Server { url, reaper: None })
}

/// Drops scratch databases left by test processes that no longer run (killed before their
/// guards could drop them), once per process. Only where `/proc` tells which processes run.
fn drop_stale_databases(admin: &mut Client) {
    static DONE: std::sync::Once = std::sync::Once::new();
    if !Path::new("/proc/self").exists() {
        return;
    }
    DONE.call_once(|| {
        let Ok(rows) = admin.query(
            "SELECT datname::text FROM pg_database WHERE datname LIKE 'migc\\_t\\_%'",
            &[],
        ) else {
            return;
        };
        for row in rows {
            let name: String = row.get(0);
            let pid = name.split('_').nth(2).unwrap_or_default();
            if !pid.is_empty()
                && pid.chars().all(|c| c.is_ascii_digit())
                && !Path::new(&format!("/proc/{pid}")).exists()
            {
                let _ =
                    admin.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
            }
        }
    });
}

pub fn connect(url: &str) -> Client {
    Client::connect(url, NoTls).unwrap_or_else(|e| panic!("connect to {url}: {e}"))
}

static COUNTER: AtomicUsize = AtomicUsize::new(0);

/// A database made for one test and dropped when the value goes away, also when the test
/// panics. With a [`Reaper`], the drop is handed to it (dropping a database forces a
/// checkpoint, about a second; the reaper drops many at once).
pub struct ScratchDb {
    pub name: String,
    pub url: String,
    admin_url: String,
    reaper: Option<std::sync::mpsc::Sender<String>>,
}

fn drop_database(admin_url: &str, name: &str) {
    let started = std::time::Instant::now();
    if let Ok(mut admin) = Client::connect(admin_url, NoTls) {
        let sql = format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        if let Err(e) = admin.batch_execute(&sql) {
            eprintln!("warning: {sql}: {e}");
        }
    }
    trace(&format!("DROP DATABASE {name}"), started);
}

/// Drops the scratch databases handed to it in batches on a background thread; dropping the
/// reaper drops what is left and waits (also when the test panics).
pub struct Reaper {
    sender: Option<std::sync::mpsc::Sender<String>>,
    worker: Option<std::thread::JoinHandle<()>>,
}

impl Reaper {
    pub fn new(server: &Server) -> Reaper {
        let (sender, receiver) = std::sync::mpsc::channel::<String>();
        let admin_url = server.url.clone();
        let worker = std::thread::spawn(move || {
            while let Ok(first) = receiver.recv() {
                let mut batch = vec![first];
                std::thread::sleep(std::time::Duration::from_millis(200));
                batch.extend(receiver.try_iter());
                std::thread::scope(|s| {
                    for name in &batch {
                        let admin_url = &admin_url;
                        s.spawn(move || drop_database(admin_url, name));
                    }
                });
            }
        });
        Reaper {
            sender: Some(sender),
            worker: Some(worker),
        }
    }
}

impl Drop for Reaper {
    fn drop(&mut self) {
        self.sender = None;
        if let Some(w) = self.worker.take() {
            let _ = w.join();
        }
    }
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
            .map(|c| {
                if c.is_ascii_alphanumeric() {
                    c.to_ascii_lowercase()
                } else {
                    '_'
                }
            })
            .collect();
        let prefix = format!("migc_t_{}_{}_", std::process::id(), n);
        label.truncate(63 - prefix.len());
        let name = format!("{prefix}{label}");
        let started = std::time::Instant::now();
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
                Err(e)
                    if attempt < 5 && e.to_string().contains("being accessed by other users") =>
                {
                    attempt += 1;
                    std::thread::sleep(std::time::Duration::from_millis(500));
                }
                Err(e) => panic!("{sql}: {e}"),
            }
        }
        trace(&sql, started);
        ScratchDb {
            url: migc_db::with_database(&server.url, &name),
            name,
            admin_url: server.url.clone(),
            reaper: server.reaper.clone(),
        }
    }

    pub fn connect(&self) -> Client {
        connect(&self.url)
    }
}

impl Drop for ScratchDb {
    fn drop(&mut self) {
        if let Some(r) = self.reaper.take() {
            if r.send(self.name.clone()).is_ok() {
                return;
            }
        }
        drop_database(&self.admin_url, &self.name);
    }
}

/// Runs a script as users run it: `psql -v ON_ERROR_STOP=1 -f FILE`, not in one transaction.
/// `pgoptions` is passed as `PGOPTIONS` (e.g. `-c migc.batch_size=10000`). The error is the
/// tail of psql's output.
pub fn psql(url: &str, file: &Path, pgoptions: Option<&str>) -> Result<(), String> {
    psql_within(url, file, pgoptions, std::time::Duration::from_secs(300))
}

/// [`psql`], failing (and killing psql) when the script runs longer than `limit`.
pub fn psql_within(
    url: &str,
    file: &Path,
    pgoptions: Option<&str>,
    limit: std::time::Duration,
) -> Result<(), String> {
    let started = std::time::Instant::now();
    let result = psql_inner(url, file, pgoptions, limit);
    trace(
        &format!(
            "psql {} ({})",
            file.display(),
            url.rsplit('/').next().unwrap_or_default()
        ),
        started,
    );
    result
}

/// Prints how long a step took when `MIGC_PG_TRACE` is set.
pub fn trace(what: &str, started: std::time::Instant) {
    static EPOCH: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    if std::env::var_os("MIGC_PG_TRACE").is_some() {
        let epoch = EPOCH.get_or_init(std::time::Instant::now);
        eprintln!(
            "trace: at {:>6} ms took {:>6} ms  {what}",
            started.saturating_duration_since(*epoch).as_millis(),
            started.elapsed().as_millis()
        );
    }
}

fn psql_inner(
    url: &str,
    file: &Path,
    pgoptions: Option<&str>,
    limit: std::time::Duration,
) -> Result<(), String> {
    let mut stderr_file =
        tempfile::tempfile().map_err(|e| format!("temporary file for psql's output: {e}"))?;
    let mut cmd = Command::new("psql");
    cmd.args(["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", url, "-f"])
        .arg(file)
        .env("PGCONNECT_TIMEOUT", "10")
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(
            stderr_file
                .try_clone()
                .map_err(|e| format!("temporary file for psql's output: {e}"))?,
        );
    if let Some(o) = pgoptions {
        cmd.env("PGOPTIONS", o);
    }
    let mut child = cmd
        .spawn()
        .map_err(|e| format!("cannot run psql (is it installed?): {e}"))?;
    let started = std::time::Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if started.elapsed() > limit => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!(
                    "psql -f {} did not finish within {} s (killed)",
                    file.display(),
                    limit.as_secs()
                ));
            }
            Ok(None) => std::thread::sleep(std::time::Duration::from_millis(5)),
            Err(e) => return Err(format!("waiting for psql: {e}")),
        }
    };
    if status.success() {
        return Ok(());
    }
    let mut stderr = String::new();
    use std::io::{Read, Seek};
    let _ = stderr_file.seek(std::io::SeekFrom::Start(0));
    let _ = stderr_file.read_to_string(&mut stderr);
    // The error with its detail and the first line of its context (psql also echoes the
    // failing query, which can be long).
    let lines: Vec<&str> = stderr
        .lines()
        .filter(|l| !l.contains("NOTICE:") && !l.trim().is_empty())
        .collect();
    let first = lines.iter().position(|l| l.contains("ERROR:")).unwrap_or(0);
    let mut picked: Vec<&str> = Vec::new();
    let mut context = false;
    for l in &lines[first..] {
        if l.contains("ERROR:")
            || l.starts_with("DETAIL:")
            || l.starts_with("HINT:")
            || l.starts_with("LINE ")
        {
            picked.push(l);
        } else if l.starts_with("CONTEXT:") && !context {
            context = true;
            picked.push(l);
        }
    }
    if picked.is_empty() {
        picked = lines[lines.len().saturating_sub(12)..].to_vec();
    }
    let tail = picked.join("\n    ");
    Err(format!(
        "psql -f {} exited with {status}:\n    {tail}",
        file.display()
    ))
}
