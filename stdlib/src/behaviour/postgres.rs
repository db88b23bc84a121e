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

    /// `'…'` with `'` doubled; `E'…'` with `\` doubled too when the value holds a backslash
    /// (as `quote_literal()` does), so the value does not depend on
    /// `standard_conforming_strings`, or a carriage return, written `\r`.
    fn quote_literal(&self, value: &str) -> String {
        let quoted = crate::sql_text::single_quoted(value, |c| match c {
            '\\' => Some("\\\\"),
            '\r' => Some("\\r"),
            _ => None,
        });
        if value.contains(['\\', '\r']) {
            format!("E{quoted}")
        } else {
            quoted
        }
    }

    /// A `serial` spelling: an identity drawing from a sequence the column owns.
    fn portable_type_spelling(&self, spelling: &str) -> crate::PortableSpelling {
        match crate::serial_of(spelling) {
            Some(ty) => crate::PortableSpelling::Serial {
                spelling: spelling.to_ascii_lowercase(),
                ty,
            },
            None => crate::PortableSpelling::NotKept,
        }
    }

    fn max_identifier_len(&self) -> usize {
        63
    }

    fn enums_have_collations(&self) -> bool {
        false
    }

    fn sql_reader(&self) -> &'static str {
        "postgresql"
    }

    fn quotes_names_with_backticks(&self) -> bool {
        false
    }

    fn supports_escape_strings(&self) -> bool {
        true
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

    /// The session holding the advisory lock (a `bigint` key shows in `pg_locks` as its high
    /// and low halves, `objsubid` 1), with `pg_stat_activity` and, while it builds an index,
    /// `pg_stat_progress_create_index`.
    fn run_lock_holder(&self) -> Option<String> {
        let (high, low) = (RUN_LOCK_KEY >> 32, RUN_LOCK_KEY & 0xffff_ffff);
        Some(format!(
            "SELECT a.pid::text, a.state, a.query_start::text, a.query,
  CASE WHEN p.pid IS NOT NULL THEN p.command || ': ' || p.phase
    || CASE WHEN p.blocks_total > 0 THEN ', ' || p.blocks_done || ' of ' || p.blocks_total || ' blocks' ELSE '' END
    || CASE WHEN p.tuples_total > 0 THEN ', ' || p.tuples_done || ' of ' || p.tuples_total || ' tuples' ELSE '' END
  END
FROM pg_catalog.pg_locks l
JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid
LEFT JOIN pg_catalog.pg_stat_progress_create_index p ON p.pid = l.pid
WHERE l.locktype = 'advisory' AND l.granted AND l.classid = {high} AND l.objid = {low} AND l.objsubid = 1
  AND l.database = (SELECT oid FROM pg_catalog.pg_database WHERE datname = current_database())"
        ))
    }

    /// `indisvalid` false: what `CREATE INDEX CONCURRENTLY` leaves when it fails or is killed
    /// (and what it builds while it runs).
    fn invalid_indexes(&self) -> Option<String> {
        Some(
            "SELECT n.nspname, c.relname, t.relname
FROM pg_catalog.pg_index i
JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid
JOIN pg_catalog.pg_class t ON t.oid = i.indrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE NOT i.indisvalid AND n.nspname <> 'pg_catalog' AND n.nspname <> 'information_schema'
  AND n.nspname NOT LIKE 'pg\\_toast%'
ORDER BY 1, 2"
                .to_string(),
        )
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
