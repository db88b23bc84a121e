//! One run at a time per database: a second `apply` or `rollback` while one is running refuses
//! (after waiting two seconds for a run that is just ending) instead of interleaving its steps.
//!
//! Each dialect says how ([`migc_stdlib::RunLockKind`]): a lock held by the run's session
//! (PostgreSQL's `pg_try_advisory_lock` on a fixed key, MySQL/MariaDB's
//! `GET_LOCK('migc:<database>')`), or an exclusive transaction on a lock file beside the
//! database (SQLite's `<file>.migc-lock`, itself an empty SQLite database), so that the lock
//! never blocks the run's own writes.
//!
//! All are released by the server or the operating system when the process ends, even when it
//! is killed, so a killed run never leaves a stale lock behind.

use crate::{state, Error, Kind};
use migc_db::{Connection, DbUrl};
use migc_stdlib::RunLockKind;
use std::time::{Duration, Instant};

/// How long a run waits for a lock held by another session before refusing: the server may
/// still be ending the session of a run that has just finished (and released its lock only
/// when that session is gone).
const SETTLE: Duration = Duration::from_secs(2);

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
    match conn.dialect().behaviour().run_lock(SETTLE) {
        RunLockKind::Session(query) => {
            let deadline = Instant::now() + SETTLE;
            loop {
                if state::is_true(&conn.query(&query).map_err(db)?) {
                    return Ok(RunLock { _file: None });
                }
                if Instant::now() >= deadline {
                    return Err(busy(url));
                }
                std::thread::sleep(Duration::from_millis(100));
            }
        }
        RunLockKind::FileBeside { suffix, take } => {
            let Some(lock_url) = url.beside(suffix) else {
                // A database in memory: no other run can reach it.
                return Ok(RunLock { _file: None });
            };
            let mut file = migc_db::connect_or_create(&lock_url).map_err(db)?;
            match file.execute(take) {
                Ok(()) => Ok(RunLock { _file: Some(file) }),
                Err(e) if e.is_lock_timeout() => Err(busy(url)),
                Err(e) => Err(db(e)),
            }
        }
    }
}
