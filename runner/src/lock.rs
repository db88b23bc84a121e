//! One run at a time per database: a second `apply` or `rollback` while one is running refuses
//! (after waiting two seconds for a run that is just ending) instead of interleaving its steps.
//!
//! - PostgreSQL: a session-level advisory lock (`pg_try_advisory_lock`) on a fixed key, held
//!   by the run's connection;
//! - MySQL/MariaDB: `GET_LOCK('migc:<database>', 0)`, held by the run's connection (lock names
//!   are server-wide, hence the database's name in it);
//! - SQLite: an exclusive transaction on a lock file beside the database (`<file>.migc-lock`,
//!   itself an empty SQLite database), so that the lock never blocks the run's own writes.
//!
//! All three are released by the server or the operating system when the process ends, even
//! when it is killed, so a killed run never leaves a stale lock behind.

use crate::{Error, Kind};
use migc_db::{Connection, DbUrl};

/// The advisory lock key: "migc" in ASCII.
const PG_KEY: i64 = 0x6d69_6763;

/// How long a run waits for a lock held by another session before refusing: the server may
/// still be ending the session of a run that has just finished (and released its lock only
/// when that session is gone).
const SETTLE: std::time::Duration = std::time::Duration::from_secs(2);

/// A held run lock; dropping it releases it.
pub struct RunLock {
    /// The lock file's connection (SQLite); the run's connection holds the others.
    _file: Option<Box<dyn Connection>>,
}

fn busy(url: &DbUrl) -> Error {
    Error::new(
        Kind::Busy,
        format!(
            "another migc run holds the lock on {}; nothing was run\n  help: wait for it to end (`migc status --url …` shows where it is), then run again",
            url.redacted()
        ),
    )
}

/// Takes the run lock, or refuses when another run holds it.
pub fn acquire(url: &DbUrl, conn: &mut dyn Connection) -> Result<RunLock, Error> {
    let db = |e: migc_db::DbError| Error::new(Kind::Io, format!("cannot take the run lock: {e}"));
    match url {
        DbUrl::Postgres(_) => {
            let deadline = std::time::Instant::now() + SETTLE;
            loop {
                let rows = conn
                    .query(&format!("SELECT pg_try_advisory_lock({PG_KEY})"))
                    .map_err(db)?;
                if first(&rows) == Some("t") {
                    return Ok(RunLock { _file: None });
                }
                if std::time::Instant::now() >= deadline {
                    return Err(busy(url));
                }
                std::thread::sleep(std::time::Duration::from_millis(100));
            }
        }
        DbUrl::Mysql(_) => {
            let rows = conn
                .query(&format!(
                    "SELECT GET_LOCK(CONCAT('migc:', DATABASE()), {})",
                    SETTLE.as_secs()
                ))
                .map_err(db)?;
            if first(&rows) != Some("1") {
                return Err(busy(url));
            }
            Ok(RunLock { _file: None })
        }
        DbUrl::Sqlite(None) => Ok(RunLock { _file: None }),
        DbUrl::Sqlite(Some(path)) => {
            let mut name = path.as_os_str().to_owned();
            name.push(".migc-lock");
            let lock_url = DbUrl::Sqlite(Some(name.into()));
            let mut file = migc_db::connect_or_create(&lock_url).map_err(db)?;
            match file.execute("PRAGMA busy_timeout = 0; BEGIN EXCLUSIVE;") {
                Ok(()) => Ok(RunLock { _file: Some(file) }),
                Err(e) if e.is_lock_timeout() => Err(busy(url)),
                Err(e) => Err(db(e)),
            }
        }
    }
}

fn first(rows: &migc_db::Rows) -> Option<&str> {
    rows.first()?.first()?.as_deref()
}
