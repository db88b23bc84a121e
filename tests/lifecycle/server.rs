//! Where the scratch databases live: the server named by the dialect's variable
//! (`MIGC_TEST_POSTGRES_URL`, `MIGC_TEST_MYSQL_URL`), or a temporary directory of SQLite files.
//! Each test makes its own databases and drops them, also when it panics.
//!
//! Without the variable a test is skipped with a note, and so is one whose server cannot be
//! reached; with `CI=true` either fails the test.

use super::engine::{Engine, Settings};
use migc_db::{Connection, DbUrl};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{channel, Sender};
use std::sync::Arc;

/// Where the tests of one dialect make their databases.
pub struct Server {
    pub engine: &'static dyn Engine,
    /// The server's URL (its database is used for `CREATE/DROP DATABASE`); `None` for SQLite.
    admin: Option<DbUrl>,
    /// The directory of the SQLite files.
    dir: Option<Arc<tempfile::TempDir>>,
    reaper: Option<Reaper>,
}

fn ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true")
}

/// Skips the test with a note, or fails it in CI.
fn unavailable(test: &str, why: &str) -> Option<Server> {
    assert!(
        !ci(),
        "{test}: CI=true but {why}; the live tests must run in CI"
    );
    eprintln!("note: skipping {test}: {why}");
    None
}

static COUNTER: AtomicUsize = AtomicUsize::new(0);

impl Server {
    /// The server of `engine` for `test` (see the module's comment).
    pub fn for_test(engine: &'static dyn Engine, test: &str) -> Option<Server> {
        let Some(var) = engine.server_var() else {
            let dir = tempfile::tempdir().expect("temporary directory");
            return Some(Server {
                engine,
                admin: None,
                dir: Some(Arc::new(dir)),
                reaper: None,
            });
        };
        let text = std::env::var(var).unwrap_or_default();
        if text.trim().is_empty() {
            return unavailable(test, &format!("{var} is not set"));
        }
        let Some(url) = DbUrl::parse(&text).filter(|u| u.dialect() == engine.dialect()) else {
            panic!(
                "{test}: {var}={text} is not a {} URL",
                engine.dialect().name()
            );
        };
        match migc_db::connect(&url) {
            Ok(mut admin) => drop_stale(&mut *admin),
            Err(e) => return unavailable(test, &format!("{var}={url} cannot be reached: {e}")),
        }
        Some(Server {
            engine,
            reaper: Some(Reaper::new()),
            admin: Some(url),
            dir: None,
        })
    }

    /// A new, empty database.
    pub fn scratch(&self, label: &str) -> Db {
        self.make(label, None)
    }

    /// A copy of `template` (which no connection may hold open), when the dialect copies
    /// databases cheaply: PostgreSQL from a template, SQLite a file. `None` otherwise.
    pub fn copy(&self, template: &Db, label: &str) -> Option<Db> {
        match (&self.admin, &template.url) {
            (Some(DbUrl::Postgres(_)), _) | (None, DbUrl::Sqlite(_)) => {
                Some(self.make(label, Some(template)))
            }
            _ => None,
        }
    }

    fn make(&self, label: &str, template: Option<&Db>) -> Db {
        let n = COUNTER.fetch_add(1, Ordering::SeqCst);
        let clean: String = label
            .chars()
            .map(|c| match c {
                'a'..='z' | '0'..='9' => c,
                'A'..='Z' => c.to_ascii_lowercase(),
                _ => '_',
            })
            .collect();
        let mut name = format!("migc_t_{}_{n}_{clean}", std::process::id());
        name.truncate(63);
        let Some(admin) = &self.admin else {
            let dir = self.dir.clone().expect("a SQLite server has a directory");
            let path = dir.path().join(format!("{name}.db"));
            if let Some(t) = template {
                std::fs::copy(t.path(), &path).expect("copy the template database");
            }
            let url = DbUrl::Sqlite(Some(path));
            drop(migc_db::connect_or_create(&url).expect("create the database file"));
            return Db {
                engine: self.engine,
                url,
                name,
                admin: None,
                reaper: None,
                _dir: Some(dir),
            };
        };
        let q = |n: &str| self.engine.dialect().quote_ident(n);
        let sql = match template {
            Some(t) => format!("CREATE DATABASE {} TEMPLATE {}", q(&name), q(&t.name)),
            None => format!("CREATE DATABASE {}", q(&name)),
        };
        let started = std::time::Instant::now();
        let mut conn = connect(admin);
        // Copying a template fails while another session (autovacuum, a closing backend) is
        // still connected to it; the server waits a few seconds itself, retry a little more.
        let mut attempt = 0;
        loop {
            match conn.execute(&sql) {
                Ok(()) => break,
                Err(e) if attempt < 5 && e.message.contains("being accessed by other users") => {
                    attempt += 1;
                    std::thread::sleep(std::time::Duration::from_millis(500));
                }
                Err(e) => panic!("{sql}: {e}"),
            }
        }
        trace(&sql, started);
        Db {
            engine: self.engine,
            url: admin.with_database(&name).expect("a server URL"),
            name,
            admin: Some(admin.clone()),
            reaper: self.reaper.as_ref().map(|r| r.sender.clone()),
            _dir: None,
        }
    }
}

/// A database made for one test, dropped when the value goes away.
pub struct Db {
    pub engine: &'static dyn Engine,
    pub url: DbUrl,
    pub name: String,
    admin: Option<DbUrl>,
    reaper: Option<Sender<(DbUrl, String)>>,
    _dir: Option<Arc<tempfile::TempDir>>,
}

impl Db {
    /// A new connection.
    pub fn connect(&self) -> Box<dyn Connection> {
        connect(&self.url)
    }

    /// Runs a script as the dialect's client runs it.
    pub fn run(&self, file: &Path) -> Result<(), String> {
        self.run_with(file, &Settings::default())
    }

    pub fn run_with(&self, file: &Path, settings: &Settings) -> Result<(), String> {
        let started = std::time::Instant::now();
        let result = self.engine.run_script(&self.url, file, settings);
        trace(&format!("{} ({})", file.display(), self.name), started);
        result
    }

    /// The file of a SQLite database.
    pub fn path(&self) -> PathBuf {
        match &self.url {
            DbUrl::Sqlite(Some(p)) => p.clone(),
            other => panic!("{other} is not a SQLite file"),
        }
    }
}

impl Drop for Db {
    fn drop(&mut self) {
        let Some(admin) = self.admin.take() else {
            return;
        };
        match &self.reaper {
            Some(r) if r.send((admin.clone(), self.name.clone())).is_ok() => {}
            _ => drop_database(&admin, &self.name),
        }
    }
}

/// A connection as every connection of the tests is made: SQLite's enforce foreign keys and
/// wait for each other's locks, as the applications' connections would.
pub fn connect(url: &DbUrl) -> Box<dyn Connection> {
    let mut c = migc_db::connect(url).unwrap_or_else(|e| panic!("connect to {url}: {e}"));
    if matches!(url, DbUrl::Sqlite(_)) {
        c.execute("PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;")
            .expect("SQLite pragmas");
    }
    c
}

fn drop_database(admin: &DbUrl, name: &str) {
    let started = std::time::Instant::now();
    if let Ok(mut c) = migc_db::connect(admin) {
        if let Err(e) = migc_db::drop_database(&mut *c, name) {
            eprintln!("warning: dropping database {name}: {e}");
        }
    }
    trace(&format!("drop database {name}"), started);
}

/// Drops scratch databases on a background thread, in batches (dropping a PostgreSQL database
/// forces a checkpoint, about a second; many go at once). Dropping the server drops what is
/// left and waits.
struct Reaper {
    sender: Sender<(DbUrl, String)>,
    worker: Option<std::thread::JoinHandle<()>>,
}

impl Reaper {
    fn new() -> Reaper {
        let (sender, receiver) = channel::<(DbUrl, String)>();
        let worker = std::thread::spawn(move || {
            while let Ok(first) = receiver.recv() {
                let mut batch = vec![first];
                std::thread::sleep(std::time::Duration::from_millis(200));
                batch.extend(receiver.try_iter());
                std::thread::scope(|s| {
                    for (admin, name) in &batch {
                        s.spawn(move || drop_database(admin, name));
                    }
                });
            }
        });
        Reaper {
            sender,
            worker: Some(worker),
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(mut r) = self.reaper.take() {
            let worker = r.worker.take();
            drop(r);
            if let Some(w) = worker {
                let _ = w.join();
            }
        }
    }
}

/// Drops scratch databases of test processes that no longer run (killed before they could
/// drop them), once per process; only where `/proc` tells which processes run.
fn drop_stale(admin: &mut dyn Connection) {
    static DONE: std::sync::Once = std::sync::Once::new();
    if !Path::new("/proc/self").exists() {
        return;
    }
    DONE.call_once(|| {
        let sql = match admin.dialect() {
            migc_stdlib::Dialect::Postgres => {
                "SELECT datname::text FROM pg_database WHERE datname LIKE 'migc\\_t\\_%'"
            }
            _ => "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE 'migc\\_t\\_%'",
        };
        let Ok(rows) = admin.query(sql) else { return };
        for name in rows.into_iter().filter_map(|r| r.into_iter().next().flatten()) {
            let pid = name.split('_').nth(2).unwrap_or_default();
            if !pid.is_empty()
                && pid.chars().all(|c| c.is_ascii_digit())
                && !Path::new(&format!("/proc/{pid}")).exists()
            {
                let force = if admin.dialect() == migc_stdlib::Dialect::Postgres {
                    " WITH (FORCE)"
                } else {
                    ""
                };
                let q = admin.dialect().quote_ident(&name);
                let _ = admin.execute(&format!("DROP DATABASE IF EXISTS {q}{force}"));
            }
        }
    });
}

/// Prints how long a step took when `MIGC_LIFECYCLE_TRACE` is set.
pub fn trace(what: &str, started: std::time::Instant) {
    static EPOCH: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    if std::env::var_os("MIGC_LIFECYCLE_TRACE").is_some() {
        let epoch = EPOCH.get_or_init(std::time::Instant::now);
        eprintln!(
            "trace: at {:>6} ms took {:>6} ms  {what}",
            started.saturating_duration_since(*epoch).as_millis(),
            started.elapsed().as_millis()
        );
    }
}
