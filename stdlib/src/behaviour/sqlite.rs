//! SQLite 3.35 or newer, through the `sqlite3` shell and rusqlite's bundled library.

use super::{Behaviour, RunLockKind};
use crate::Dialect;
use std::time::Duration;

pub(crate) struct Sqlite;

impl Behaviour for Sqlite {
    fn dialect(&self) -> Dialect {
        Dialect::Sqlite
    }

    /// `'…'` with `'` doubled; backslashes mean nothing. SQLite literals have no escapes, so a
    /// text holding a carriage return is `('…' || char(13) || '…')`, an expression.
    fn quote_literal(&self, value: &str) -> String {
        let quoted = |part: &str| crate::sql_text::single_quoted(part, |_| None);
        if !value.contains('\r') {
            return quoted(value);
        }
        let parts: Vec<String> = value.split('\r').map(quoted).collect();
        format!("({})", parts.join(" || char(13) || "))
    }

    /// A declared type name SQLite reads (`DATETIME`, `VARCHAR(40)`), kept as written.
    fn portable_type_spelling(&self, spelling: &str) -> crate::PortableSpelling {
        if crate::is_sqlite_type_name(spelling) {
            crate::PortableSpelling::Kept(spelling.to_string())
        } else {
            crate::PortableSpelling::NotATypeName
        }
    }

    fn sql_reader(&self) -> &'static str {
        "sqlite"
    }

    fn run_command(&self, file: &str) -> String {
        format!("sqlite3 DATABASE < {file}")
    }

    fn supports_transactional_ddl(&self) -> bool {
        true
    }

    fn phase_is_one_transaction(&self) -> bool {
        true
    }

    /// `IMMEDIATE` takes the write lock at once, so that a busy database fails at `BEGIN`
    /// (and is tried again) rather than half-way through the transaction.
    fn begin_write(&self) -> &'static str {
        "BEGIN IMMEDIATE"
    }

    /// A table rebuild turns `foreign_keys` off outside the transaction, so a script that
    /// failed half-way may leave it off.
    fn reset_after_failed_script(&self) -> &'static [&'static str] {
        &["PRAGMA foreign_keys = ON"]
    }

    /// The wait for the write lock, in milliseconds. Scripts set their own `busy_timeout`,
    /// which this wraps (set before them), not replaces.
    fn lock_timeout(&self, timeout: Duration) -> String {
        format!("PRAGMA busy_timeout = {}", timeout.as_millis().max(1))
    }

    fn run_lock(&self, _wait: Duration) -> RunLockKind {
        RunLockKind::FileBeside {
            suffix: ".migc-lock",
            take: "PRAGMA busy_timeout = 0; BEGIN EXCLUSIVE;",
        }
    }

    fn now(&self) -> &'static str {
        "strftime('%Y-%m-%d %H:%M:%f', 'now')"
    }

    fn state_table(&self, table: &str) -> String {
        format!(
            "CREATE TABLE IF NOT EXISTS {table} (
  plan text NOT NULL,
  label text NOT NULL,
  phase text NOT NULL,
  step text NOT NULL,
  status text NOT NULL,
  checkpoint text,
  rows_done integer NOT NULL DEFAULT 0,
  rows_total integer,
  updated_at text NOT NULL,
  PRIMARY KEY (plan, phase, step)
);"
        )
    }

    fn table_exists(&self, table: &str) -> String {
        format!(
            "SELECT count(*) > 0 FROM sqlite_schema WHERE type = 'table' AND name = {}",
            self.quote_literal(table)
        )
    }

    fn has_server(&self) -> bool {
        false
    }
}
