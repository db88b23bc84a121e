//! MySQL 8.0 and MariaDB 10.11, through the `mariadb` (or `mysql`) client.

use super::{Behaviour, RunLockKind};
use crate::{mysql_set_members, Dialect, MysqlValues};
use std::time::Duration;

pub(crate) struct Mysql;

/// The most characters of a version database's name (MySQL's limit for any database name).
pub const VERSION_DATABASE_LIMIT: usize = 64;
/// The most characters of the application database's name kept whole in its version databases'
/// names: 64 less `__` and a namespace (`migc_` and 12 hex digits).
pub const VERSION_DATABASE_ROOM: usize = 45;
/// Hex digits of the SHA-256 of a longer application database's name in its version databases'
/// names, after its first `VERSION_DATABASE_ROOM - 9` characters and `_`.
pub const VERSION_DATABASE_DIGEST: usize = 8;

/// How the name of a version's database starts, as an SQL expression over the application
/// database's name `database` (an SQL expression): that name, or, when it is longer than
/// [`VERSION_DATABASE_ROOM`], its first characters, `_` and [`VERSION_DATABASE_DIGEST`] hex
/// digits of its SHA-256. The name goes on with `__` and the version's namespace.
pub fn version_database_head(database: &str) -> String {
    format!(
        "IF(CHAR_LENGTH({database}) <= {VERSION_DATABASE_ROOM}, {database}, CONCAT(LEFT({database}, {}), '_', LEFT(SHA2({database}, 256), {VERSION_DATABASE_DIGEST})))",
        VERSION_DATABASE_ROOM - VERSION_DATABASE_DIGEST - 1
    )
}

impl Behaviour for Mysql {
    fn dialect(&self) -> Dialect {
        Dialect::Mysql
    }

    /// `` `name` ``.
    fn quote_ident(&self, name: &str) -> String {
        crate::sql_text::quoted_with('`', name)
    }

    /// `'…'` with `'` doubled and `\` written `\\` (NUL as `\0`, CR as `\r`, Ctrl-Z as
    /// `\Z`, which some clients would take for the end of input).
    fn quote_literal(&self, value: &str) -> String {
        crate::sql_text::single_quoted(value, |c| match c {
            '\\' => Some("\\\\"),
            '\0' => Some("\\0"),
            '\r' => Some("\\r"),
            '\x1a' => Some("\\Z"),
            _ => None,
        })
    }

    fn max_identifier_len(&self) -> usize {
        64
    }

    fn tables_have_collations(&self) -> bool {
        true
    }

    fn has_table_options(&self) -> bool {
        true
    }

    fn sql_reader(&self) -> &'static str {
        "mysql"
    }

    fn native_values(&self, spelling: &str) -> Option<MysqlValues> {
        MysqlValues::of(spelling)
    }

    /// An integer's display width (`tinyint(1)` to `tinyint(4)`), a longer text (`text` to
    /// `longtext`, a varchar to `mediumtext`), a `SET` with members only appended, more
    /// fractional digits of seconds (`datetime` to `datetime(3)`), a `CHAR(n)` value (read
    /// without its trailing spaces) in a `VARCHAR(m ≥ n)`. A larger integer is a conversion.
    fn widens_natively(&self, from: &str, to: &str) -> bool {
        if let (Some(a), Some(b)) = (MysqlValues::of(from), MysqlValues::of(to)) {
            return match a {
                MysqlValues::Integer { .. } => a == b,
                MysqlValues::Text { .. } => a.fits_in(b),
            };
        }
        let lower = |s: &str| s.trim().to_ascii_lowercase();
        let (a, b) = (lower(from), lower(to));
        let length = |s: &str, base: &str| -> Option<u64> {
            s.strip_prefix(base)?
                .strip_prefix('(')?
                .strip_suffix(')')?
                .parse()
                .ok()
        };
        // A varchar holds at most 65,535 bytes: a `text` or longer holds it.
        if length(&a, "varchar").is_some() {
            return matches!(MysqlValues::of(&b), Some(MysqlValues::Text { rank }) if rank >= 2);
        }
        if let (Some(x), Some(y)) = (mysql_set_members(from), mysql_set_members(to)) {
            return y.len() > x.len() && y.starts_with(&x);
        }
        let digits = |s: &str, base: &str| -> Option<u64> {
            if s == base {
                Some(0)
            } else {
                length(s, base)
            }
        };
        let more_digits = ["datetime", "timestamp", "time"].iter().any(
            |base| matches!((digits(&a, base), digits(&b, base)), (Some(n), Some(m)) if m > n),
        );
        more_digits
            || matches!(
                (length(&a, "char"), length(&b, "varchar")),
                (Some(n), Some(m)) if m >= n
            )
    }

    fn run_command(&self, file: &str) -> String {
        format!("mariadb DATABASE < {file}")
    }

    fn supports_delimiter_directive(&self) -> bool {
        true
    }

    fn supports_hash_comments(&self) -> bool {
        true
    }

    fn concatenates_with_pipes(&self) -> bool {
        false
    }

    fn supports_backslash_escapes(&self) -> bool {
        true
    }

    /// The user variables the table copies and script backfills read (`NULL`: their own pace).
    fn pace_session(&self, batch_size: Option<u64>, pause: Option<Duration>) -> Vec<String> {
        let or_null = |v: Option<u128>| v.map_or("NULL".to_string(), |v| v.to_string());
        vec![
            format!(
                "SET @migc_batch_size = {}",
                or_null(batch_size.map(u128::from))
            ),
            format!(
                "SET @migc_pause_ms = {}",
                or_null(pause.map(|p| p.as_millis()))
            ),
        ]
    }

    fn supports_transactional_ddl(&self) -> bool {
        false
    }

    fn begin_write(&self) -> &'static str {
        "START TRANSACTION"
    }

    /// `lock_wait_timeout` (metadata locks) and `innodb_lock_wait_timeout` (row locks), in
    /// whole seconds, at least one; and one attempt for the scripts' programs
    /// (`@migc_lock_attempts`), so that the runner's backoff is the only one and its retries
    /// bound the wait.
    fn lock_timeout(&self, timeout: Duration) -> String {
        let s = timeout.as_secs().max(1);
        format!(
            "SET SESSION lock_wait_timeout = {s}, SESSION innodb_lock_wait_timeout = {s}, @migc_lock_attempts = 1"
        )
    }

    /// `GET_LOCK('migc:<database>')`, held by the session: lock names are server-wide, hence
    /// the database's name in it. The server waits `wait` for it.
    fn run_lock(&self, wait: Duration) -> RunLockKind {
        RunLockKind::Session(format!(
            "SELECT GET_LOCK(CONCAT('migc:', DATABASE()), {})",
            wait.as_secs()
        ))
    }

    /// The connection `IS_USED_LOCK` names, from the process list (its statement's start is
    /// now less the seconds it has run).
    fn run_lock_holder(&self) -> Option<String> {
        Some(
            "SELECT CAST(ID AS CHAR), CONCAT(COMMAND, IF(STATE IS NULL OR STATE = '', '', CONCAT(': ', STATE))),
  CAST(NOW() - INTERVAL TIME SECOND AS CHAR), INFO, NULL
FROM information_schema.PROCESSLIST
WHERE ID = IS_USED_LOCK(CONCAT('migc:', DATABASE()))"
                .to_string(),
        )
    }

    fn now(&self) -> &'static str {
        "CURRENT_TIMESTAMP(6)"
    }

    fn state_table(&self, table: &str) -> String {
        format!(
            "CREATE TABLE IF NOT EXISTS {table} (
  plan varchar(64) NOT NULL,
  label text NOT NULL,
  phase varchar(32) NOT NULL,
  step varchar(255) NOT NULL,
  status varchar(32) NOT NULL,
  checkpoint text,
  rows_done bigint NOT NULL DEFAULT 0,
  rows_total bigint,
  updated_at datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  PRIMARY KEY (plan, phase, step)
) COMMENT 'migc apply: the steps of each plan run here (see migc status)'"
        )
    }

    /// The databases whose names start as [`version_database_head`] says and go on with `__`
    /// and a namespace (`migc_…`).
    fn version_databases(&self, database: &str) -> Option<String> {
        let head = version_database_head(&self.quote_literal(database));
        Some(format!(
            "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA, (SELECT CONCAT({head}, '__') AS prefix) AS p \
             WHERE LEFT(SCHEMA_NAME, CHAR_LENGTH(p.prefix)) = p.prefix \
             AND SUBSTRING(SCHEMA_NAME, CHAR_LENGTH(p.prefix) + 1) LIKE 'migc!_%' ESCAPE '!' \
             ORDER BY SCHEMA_NAME"
        ))
    }

    fn table_exists(&self, table: &str) -> String {
        format!(
            "SELECT count(*) > 0 FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = {}",
            self.quote_literal(table)
        )
    }

    /// `ON DUPLICATE KEY UPDATE` (MySQL has no `ON CONFLICT`).
    fn upsert(&self, table: &str, columns: &[&str], key: &[&str], values: &str) -> String {
        let set: Vec<String> = columns
            .iter()
            .filter(|c| !key.contains(c))
            .map(|c| format!("{c} = VALUES({c})"))
            .collect();
        format!(
            "INSERT INTO {table} ({}) VALUES {values} ON DUPLICATE KEY UPDATE {}",
            columns.join(", "),
            set.join(", ")
        )
    }
}

#[cfg(test)]
mod tests {
    use crate::Dialect;
    use std::time::Duration;

    #[test]
    fn pace_session_fixes_or_frees_the_walks_of_stored_programs() {
        let b = Dialect::Mysql.behaviour();
        assert_eq!(
            b.pace_session(Some(500), Some(Duration::from_millis(20))),
            ["SET @migc_batch_size = 500", "SET @migc_pause_ms = 20"]
        );
        assert_eq!(
            b.pace_session(None, None),
            ["SET @migc_batch_size = NULL", "SET @migc_pause_ms = NULL"]
        );
        assert!(Dialect::Postgres
            .behaviour()
            .pace_session(Some(500), None)
            .is_empty());
    }
}
