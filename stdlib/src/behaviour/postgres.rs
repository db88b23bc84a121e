//! PostgreSQL 12 or newer, through `psql`.

use super::{Behaviour, RunLockKind};
use crate::Dialect;
use std::time::Duration;

/// The advisory lock key of the run lock: "migc" in ASCII.
const RUN_LOCK_KEY: i64 = 0x6d69_6763;

pub(crate) struct Postgres;

impl Behaviour for Postgres {
    fn dialect(&self) -> Dialect {
        Dialect::Postgres
    }

    /// A `bytea` escape literal: `'\x0a1b'::bytea`.
    fn bytes_literal(&self, hex: &str) -> String {
        format!("'\\x{hex}'::bytea")
    }

    fn run_command(&self, file: &str) -> String {
        format!("psql -v ON_ERROR_STOP=1 -f {file}")
    }

    fn folds_unquoted_names(&self) -> bool {
        true
    }

    fn supports_dollar_quotes(&self) -> bool {
        true
    }

    fn supports_transactional_ddl(&self) -> bool {
        true
    }

    /// `lock_timeout` in milliseconds, and the same handed to the scripts' `DO` blocks with one
    /// attempt each (`migc.lock_timeout`, `migc.lock_attempts`), so that the runner's backoff
    /// is the only one.
    fn lock_timeout(&self, timeout: Duration) -> String {
        let ms = timeout.as_millis().max(1);
        format!(
            "SET lock_timeout = '{ms}ms'; SET migc.lock_timeout = '{ms}ms'; SET migc.lock_attempts = 1"
        )
    }

    /// A session-level advisory lock on a fixed key, tried (the runner tries again until `wait`
    /// is over).
    fn run_lock(&self, _wait: Duration) -> RunLockKind {
        RunLockKind::Session(format!("SELECT pg_try_advisory_lock({RUN_LOCK_KEY})"))
    }

    fn now(&self) -> &'static str {
        "now()"
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
  rows_done bigint NOT NULL DEFAULT 0,
  rows_total bigint,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (plan, phase, step)
);
COMMENT ON TABLE {table} IS 'migc apply: the steps of each plan run here (see migc status)';"
        )
    }

    fn table_exists(&self, table: &str) -> String {
        format!(
            "SELECT to_regclass({}) IS NOT NULL",
            self.quote_literal(table)
        )
    }

    /// `WITH (FORCE)` ends the sessions still open on it (PostgreSQL 13+).
    fn drop_database(&self, name: &str) -> String {
        format!(
            "DROP DATABASE IF EXISTS {} WITH (FORCE)",
            self.quote_ident(name)
        )
    }
}
