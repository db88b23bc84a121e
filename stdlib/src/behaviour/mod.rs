//! What each dialect's databases do at run time, and how migc drives them: the standard client,
//! transactions, locks, session settings, the state table, scratch databases, and the lexical
//! rules of its scripts. The runner, `import`, `verify` and the command line ask [`Behaviour`]
//! instead of matching on a dialect's name; [`Dialect::behaviour`](crate::Dialect::behaviour)
//! gives a dialect's.
//!
//! Everything here is SQL text and capabilities: nothing connects to a database. The crates that
//! hold connections run what these methods return.

mod mysql;
mod postgres;
mod sqlite;

pub(crate) use mysql::Mysql;
pub use mysql::{
    version_database_head as mysql_version_database_head,
    VERSION_DATABASE_DIGEST as MYSQL_VERSION_DATABASE_DIGEST,
    VERSION_DATABASE_LIMIT as MYSQL_VERSION_DATABASE_LIMIT,
    VERSION_DATABASE_ROOM as MYSQL_VERSION_DATABASE_ROOM,
};
pub(crate) use postgres::Postgres;
pub(crate) use sqlite::Sqlite;

use crate::Dialect;
use std::time::Duration;

/// How a run keeps a second run of migc off the same database until it ends. Either way the
/// database or the operating system releases the lock when the process ends, even when it is
/// killed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RunLockKind {
    /// A lock the session holds until it ends: the query returns true (`t` or `1`) when the
    /// session took it, and anything else when another session holds it.
    Session(String),
    /// An exclusive transaction on an empty database file beside the database, named after it
    /// with `suffix` added, so that the lock never blocks the run's own writes; `take` begins
    /// it, failing at once as busy when another run holds it. A database without a file (in
    /// memory) needs none.
    FileBeside {
        suffix: &'static str,
        take: &'static str,
    },
}

/// The run-time behaviour of a dialect. Methods with a default give the answer most dialects
/// share; a dialect overrides what differs.
pub trait Behaviour: Send + Sync {
    /// The dialect this is the behaviour of.
    fn dialect(&self) -> Dialect;

    // SQL text.

    /// An identifier, quoted whatever the name, the quote character doubled inside: `"name"`
    /// by default.
    fn quote_ident(&self, name: &str) -> String {
        crate::sql_text::quoted_with('"', name)
    }

    /// A string literal holding exactly `value`: never a raw carriage return (line-based
    /// readers of scripts drop one before a line feed), the quote always doubled.
    fn quote_literal(&self, value: &str) -> String;

    /// Whether `` `…` `` quotes a name, so that a backtick inside it is not code (MySQL and
    /// SQLite; PostgreSQL reads a backtick as an operator character).
    fn quotes_names_with_backticks(&self) -> bool {
        true
    }

    /// Whether `E'…'` is an escape string, where a backslash escapes the next character
    /// (PostgreSQL).
    fn supports_escape_strings(&self) -> bool {
        false
    }

    /// A literal of the bytes written in `hex` (two hexadecimal digits a byte): `X'0a1b'`.
    fn bytes_literal(&self, hex: &str) -> String {
        format!("X'{hex}'")
    }

    /// SQL text with each placeholder replaced where it stands as code
    /// ([`Dialect::fill_placeholders`]): the `{after}`, `{upto}` and `{limit}` of a batched
    /// backfill.
    fn fill_placeholders(&self, sql: &str, values: &[(&str, &str)]) -> String {
        self.dialect().fill_placeholders(sql, values)
    }

    // Native types.

    /// What the dialect's native type spelled `spelling` holds, where migc knows it (MySQL's
    /// integers and texts); `None` by default.
    fn native_values(&self, _spelling: &str) -> Option<crate::MysqlValues> {
        None
    }

    /// What `spelling`, written as this dialect's spelling of a portable type, is to the
    /// dialect. [`PortableSpelling::NotKept`] by default.
    fn portable_type_spelling(&self, _spelling: &str) -> crate::PortableSpelling {
        crate::PortableSpelling::NotKept
    }

    /// The longest identifier the dialect accepts, in bytes: no limit by default (SQLite; the
    /// portable limit still applies to portable schemas).
    fn max_identifier_len(&self) -> usize {
        usize::MAX
    }

    /// Whether a table has a collation of its own that its text columns take unless they name
    /// one (MySQL's `DEFAULT CHARSET`/`COLLATE`). No by default.
    fn tables_have_collations(&self) -> bool {
        false
    }

    /// Whether a column of an enum type has a collation (PostgreSQL's enums compare by their
    /// order, with none). Yes by default.
    fn enums_have_collations(&self) -> bool {
        true
    }

    /// Whether tables take options the schema chooses (`options(mysql: "…")`). No by default.
    fn has_table_options(&self) -> bool {
        false
    }

    /// The name sqlparser's `dialect_from_str` gives the dialect's SQL reader.
    fn sql_reader(&self) -> &'static str;

    /// Whether every value of the type spelled `from` is the same value of the type spelled
    /// `to` in this dialect, the two being different spellings (a longer MySQL text, a `SET`
    /// with members appended): a change made without converting a value. No by default.
    fn widens_natively(&self, _from: &str, _to: &str) -> bool {
        false
    }

    // The client and its scripts.

    /// The command that runs a script file with the dialect's standard client, as people run
    /// it (`DATABASE` stands for the database): `psql -v ON_ERROR_STOP=1 -f FILE`,
    /// `mariadb DATABASE < FILE`, `sqlite3 DATABASE < FILE`.
    fn run_command(&self, file: &str) -> String;

    /// Whether the client reads a `DELIMITER xx` line as a command changing the statement
    /// terminator, never sent to the server (the MySQL/MariaDB clients).
    fn supports_delimiter_directive(&self) -> bool {
        false
    }

    /// Whether `#` starts a comment running to the end of the line (MySQL/MariaDB).
    fn supports_hash_comments(&self) -> bool {
        false
    }

    /// Whether a backslash escapes the next character inside `'…'` and `"…"` (MySQL/MariaDB,
    /// under the `sql_mode` every script and connection of migc sets).
    fn supports_backslash_escapes(&self) -> bool {
        false
    }

    /// Whether `$tag$ … $tag$` quotes a body that may hold semicolons (PostgreSQL).
    fn supports_dollar_quotes(&self) -> bool {
        false
    }

    /// Whether a name written without quotes stands for its lower-case form (PostgreSQL); the
    /// others compare such names as written (MySQL: columns without case, tables by the file
    /// system; SQLite: without case).
    fn folds_unquoted_names(&self) -> bool {
        false
    }

    /// Whether `a || b` concatenates texts (MySQL reads it as a logical or).
    fn concatenates_with_pipes(&self) -> bool {
        true
    }

    // Transactions.

    /// Whether DDL takes part in transactions, so that a step's statements and its row in the
    /// state table commit together (PostgreSQL, SQLite). MySQL/MariaDB commit each DDL
    /// statement on its own: a step is recorded after its last statement and is written to be
    /// run again from its start.
    fn supports_transactional_ddl(&self) -> bool;

    /// Whether a phase script is one transaction with its own checks, run as a whole rather than
    /// step by step at its frames (SQLite: the `sqlite3` shell goes on after a failed statement,
    /// so the script guards itself and changes nothing unless every statement did its part).
    fn phase_is_one_transaction(&self) -> bool {
        false
    }

    /// The statement that begins a transaction that writes: a batch of a backfill, a step with
    /// its state row.
    fn begin_write(&self) -> &'static str {
        "BEGIN"
    }

    /// Statements that put the session back after a phase script run as a whole failed half-way
    /// (settings the script changes outside its transaction).
    fn reset_after_failed_script(&self) -> &'static [&'static str] {
        &[]
    }

    // Sessions.

    /// The session settings that make each statement wait at most `timeout` for a lock, in the
    /// dialect's granularity.
    fn lock_timeout(&self, timeout: Duration) -> String;

    /// How a run takes migc's run lock; `wait` is how long it waits for a run that is just
    /// ending before it refuses.
    fn run_lock(&self, wait: Duration) -> RunLockKind;

    /// A query, run from another session, for the session holding migc's run lock on the
    /// database now: one row or none, of its session id, its state, when its current (or last)
    /// statement began, that statement, and what the server says of its progress (NULL when it
    /// says nothing), all as text. `None` where another session cannot tell (a lock file).
    fn run_lock_holder(&self) -> Option<String> {
        None
    }

    /// A query for the indexes that a build which did not finish left unusable, as rows of
    /// schema, index and table; `None` where a build leaves no such index (it commits or rolls
    /// back as a whole).
    fn invalid_indexes(&self) -> Option<String> {
        None
    }

    /// The session statements that fix the size of each batch and the pause after it for the
    /// row walks a script runs as one stored program (`None`: sized by time, pausing only when
    /// pushed back; [`crate::pace`]). None by default: the runner paces the walks it drives.
    fn pace_session(&self, _batch_size: Option<u64>, _pause: Option<Duration>) -> Vec<String> {
        Vec::new()
    }

    // The state table (`migc_state`).

    /// The current time as the state table stores it.
    fn now(&self) -> &'static str;

    /// The DDL that creates the state table `table` when it is not there.
    fn state_table(&self, table: &str) -> String;

    /// A query whose single value is true (`t`, `1` or `true`) when the table `table` exists.
    fn table_exists(&self, table: &str) -> String;

    /// The statement that inserts a row of `values` (SQL, in the order of `columns`) into
    /// `table`, or updates the other columns of the row with the same `key`.
    fn upsert(&self, table: &str, columns: &[&str], key: &[&str], values: &str) -> String {
        let set: Vec<String> = columns
            .iter()
            .filter(|c| !key.contains(c))
            .map(|c| format!("{c} = excluded.{c}"))
            .collect();
        format!(
            "INSERT INTO {table} ({}) VALUES {values} ON CONFLICT ({}) DO UPDATE SET {}",
            columns.join(", "),
            key.join(", "),
            set.join(", ")
        )
    }

    // Scratch databases (`verify`, and the declared schema built to compare a database with).

    /// Whether databases live on a server, where a scratch database is created beside the one
    /// named; otherwise a database is a file that migc opens in process (SQLite) and a scratch
    /// database needs no server.
    fn has_server(&self) -> bool {
        true
    }

    /// The statement that creates the empty database `name` on the server.
    fn create_database(&self, name: &str) -> String {
        format!("CREATE DATABASE {}", self.quote_ident(name))
    }

    /// The statement that drops the database `name`, even while sessions are still open on it
    /// where the dialect can.
    fn drop_database(&self, name: &str) -> String {
        format!("DROP DATABASE IF EXISTS {}", self.quote_ident(name))
    }

    /// A query of the names of the databases beside `database` that hold its application
    /// versions' views, where the dialect gives each version a database of its own (dropped
    /// with `database`).
    fn version_databases(&self, _database: &str) -> Option<String> {
        None
    }
}

#[cfg(test)]
mod tests {
    use crate::Dialect;
    use std::time::Duration;

    #[test]
    fn each_dialect_answers_for_itself() {
        for d in Dialect::ALL {
            assert_eq!(d.behaviour().dialect(), d);
        }
    }

    #[test]
    fn run_commands() {
        let run = |d: Dialect| d.behaviour().run_command("01-expand.up.sql");
        assert_eq!(
            run(Dialect::Postgres),
            "psql -v ON_ERROR_STOP=1 -f 01-expand.up.sql"
        );
        assert_eq!(run(Dialect::Mysql), "mariadb DATABASE < 01-expand.up.sql");
        assert_eq!(run(Dialect::Sqlite), "sqlite3 DATABASE < 01-expand.up.sql");
    }

    #[test]
    fn upserts() {
        let cols = ["plan", "phase", "status"];
        let key = ["plan", "phase"];
        assert_eq!(
            Dialect::Postgres
                .behaviour()
                .upsert("s", &cols, &key, "('p', 'x', 'done')"),
            "INSERT INTO s (plan, phase, status) VALUES ('p', 'x', 'done') ON CONFLICT (plan, phase) DO UPDATE SET status = excluded.status"
        );
        assert_eq!(
            Dialect::Mysql
                .behaviour()
                .upsert("s", &cols, &key, "('p', 'x', 'done')"),
            "INSERT INTO s (plan, phase, status) VALUES ('p', 'x', 'done') ON DUPLICATE KEY UPDATE status = VALUES(status)"
        );
    }

    #[test]
    fn lock_timeouts_in_each_dialects_unit() {
        let t = Duration::from_millis(1500);
        assert_eq!(
            Dialect::Mysql.behaviour().lock_timeout(t),
            "SET SESSION lock_wait_timeout = 1, SESSION innodb_lock_wait_timeout = 1, @migc_lock_attempts = 1"
        );
        assert_eq!(
            Dialect::Sqlite.behaviour().lock_timeout(t),
            "PRAGMA busy_timeout = 1500"
        );
    }
}
