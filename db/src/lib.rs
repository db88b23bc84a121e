//! Connections to live databases, for the commands that read one (`import`, `drift`, a URL as a
//! plan's source) or change one (`apply`, `rollback`, `status`, `verify`).
//!
//! A URL names the dialect: `postgres://` (or `postgresql://`), `mysql://` (or `mariadb://`) and
//! `sqlite://PATH` (`sqlite::memory:` for an in-memory database). Every value read comes back as
//! text (or NULL), the way each server's text protocol gives it, so that callers compare and
//! print values without knowing the driver's types.
//!
//! A URL's secrets never leave the process: [`redact`] is what migc prints, stores and reports
//! of a URL (`DbUrl` displays and debug-prints that way), and the drivers' connection errors
//! come back with the secrets taken out.

pub mod cause;
mod mysql;
mod postgres;
mod sqlite;
mod url;

pub use url::{redact, redact_text, with_database, DbUrl};

use migc_stdlib::Dialect;
use std::fmt;

/// A failure reported by the database or the driver.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DbError {
    /// The database's own code: SQLSTATE (PostgreSQL), the error number (MySQL), the extended
    /// result code (SQLite); `None` for a failure of the connection or the driver.
    pub code: Option<String>,
    pub message: String,
}

impl fmt::Display for DbError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.code {
            Some(code) => write!(f, "{} ({code})", self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for DbError {}

impl DbError {
    /// Whether the statement gave up waiting for a lock (and may be retried): PostgreSQL's
    /// `lock_not_available`, MySQL's lock wait timeout and deadlock, SQLite's busy database.
    pub fn is_lock_timeout(&self) -> bool {
        matches!(
            self.code.as_deref(),
            Some("55P03" | "40P01" | "1205" | "1213" | "5" | "261" | "517" | "6")
        )
    }
}

/// Rows of text values.
pub type Rows = Vec<Vec<Option<String>>>;

/// The table `migc apply` keeps its progress in, in the database it migrates. It is migc's,
/// not the schema's: reading a database's schema leaves it out.
pub const STATE_TABLE: &str = "migc_state";

/// An open connection.
pub trait Connection: Send {
    fn dialect(&self) -> Dialect;

    /// Runs one or more statements, discarding what they return.
    fn execute(&mut self, sql: &str) -> Result<(), DbError>;

    /// Runs one query and returns its rows.
    fn query(&mut self, sql: &str) -> Result<Rows, DbError>;
}

/// Opens a connection to a database that exists: a SQLite file that is not there is an error,
/// and none is created. An error never holds the URL's secrets.
pub fn connect(url: &DbUrl) -> Result<Box<dyn Connection>, DbError> {
    open(url, false).map_err(|e| url.scrub(e))
}

/// Opens a connection, creating the SQLite file when it is not there (for the commands that
/// build a database: `migc apply`, `migc verify`).
pub fn connect_or_create(url: &DbUrl) -> Result<Box<dyn Connection>, DbError> {
    open(url, true).map_err(|e| url.scrub(e))
}

/// Drops the database `name` through `admin` (a connection to the same server), with the
/// databases beside it that hold its application versions' views, where the dialect makes
/// such ([`migc_stdlib::Behaviour::version_databases`]).
pub fn drop_database(admin: &mut dyn Connection, name: &str) -> Result<(), DbError> {
    let behaviour = admin.dialect().behaviour();
    if let Some(query) = behaviour.version_databases(name) {
        for beside in admin.query(&query)?.into_iter().flatten().flatten() {
            admin.execute(&behaviour.drop_database(&beside))?;
        }
    }
    admin.execute(&behaviour.drop_database(name))
}

fn open(url: &DbUrl, create: bool) -> Result<Box<dyn Connection>, DbError> {
    match url {
        DbUrl::Postgres(u) => postgres::open(u),
        DbUrl::Mysql(u) => mysql::open(u),
        DbUrl::Sqlite(path) => sqlite::open(path.as_deref(), create),
    }
}

/// The live servers, when the test environment names them (`.ci/run` does).
#[cfg(test)]
fn live(var: &str) -> Option<DbUrl> {
    match std::env::var(var) {
        Ok(u) if !u.is_empty() => DbUrl::parse(&u),
        _ => {
            assert!(
                std::env::var("CI").as_deref() != Ok("true"),
                "{var} is not set in CI"
            );
            eprintln!("note: {var} is not set; skipping");
            None
        }
    }
}
