//! What differs between the dialects, for the harness: how a script runs, how the catalog
//! reads, how values are spelled and compared, and the few behaviours the plans leave to the
//! dialect. One impl per dialect (`postgres.rs`, `mysql.rs`, `sqlite.rs`); everything else of the
//! harness asks these methods and never matches on the dialect.

use super::catalog::Catalog;
use migc_compiler::schema::ColumnType;
use migc_db::{Connection, DbError, DbUrl};
use migc_stdlib::Dialect;
use std::path::Path;

/// A value an application writes, or one it read back.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Int(i64),
    /// A decimal number, as written (`2.5`).
    Real(String),
    Bool(bool),
    /// Text of any textual type: text, varchar, enum labels, dates and times, JSON, UUIDs.
    Text(String),
    Bytes(Vec<u8>),
    /// A value as the database gave it back (its text form).
    Read(String),
    /// An SQL expression, written as it is (`"col"` to write a column's own value back).
    Sql(String),
}

impl Value {
    /// A value read back: `Read`, or `Null`.
    pub fn read(text: Option<&str>) -> Value {
        text.map_or(Value::Null, |t| Value::Read(t.to_string()))
    }
}

/// How the scripts of one run are paced (the backfill's session settings).
#[derive(Clone, Copy, Debug, Default)]
pub struct Settings {
    pub batch_size: Option<u64>,
    pub pause_ms: Option<u64>,
    /// How long a script may run before it counts as failed (PostgreSQL, where psql runs it).
    pub limit: Option<std::time::Duration>,
}

impl Settings {
    pub fn batches(batch_size: u64, pause_ms: u64) -> Settings {
        Settings {
            batch_size: Some(batch_size),
            pause_ms: Some(pause_ms).filter(|p| *p > 0),
            limit: None,
        }
    }
}

/// One dialect's differences.
pub trait Engine: Send + Sync {
    fn dialect(&self) -> Dialect;

    /// The variable naming the server the tests run against; `None` when the database runs in
    /// process (SQLite).
    fn server_var(&self) -> Option<&'static str>;

    /// The word of the dialect's test variables: `MIGC_<WORD>_CASES`, `MIGC_<WORD>_JOBS`.
    fn word(&self) -> &'static str;

    /// Runs a script as the dialect's standard client runs it (psql, the mariadb client, the
    /// sqlite3 shell), stopping at the first error; the error names the statement.
    fn run_script(&self, url: &DbUrl, file: &Path, settings: &Settings) -> Result<(), String>;

    /// Whether a script run a second time may be refused rather than do nothing (it must change
    /// nothing either way).
    fn rerun_may_fail(&self) -> bool {
        false
    }

    /// Reads the catalog of the database `conn` is connected to.
    fn catalog(&self, conn: &mut dyn Connection) -> Result<Catalog, String>;

    /// Takes `label` out of the labels the catalog allows for enum `name` (a label that a
    /// rollback keeps, as the manifest declares).
    fn forget_label(&self, cat: &mut Catalog, name: &str, label: &str);

    /// The database's whole state as text, for "nothing changed" checks: by default the catalog
    /// and every row.
    fn dump(&self, conn: &mut dyn Connection) -> Result<String, String> {
        let cat = self.catalog(conn)?;
        let mut out = format!("{cat:#?}\n");
        for t in cat.tables.keys() {
            let sql = format!("SELECT * FROM {}", self.dialect().quote_ident(t));
            let mut rows = conn.query(&sql).map_err(|e| format!("{sql}: {e}"))?;
            rows.sort();
            out.push_str(&format!("{t}: {rows:?}\n"));
        }
        Ok(out)
    }

    /// A value as an SQL literal for a column of type `ty`; `typed` when the literal must carry
    /// its type (in a derived row that expressions compute from).
    fn literal(&self, v: &Value, ty: &ColumnType, typed: bool) -> String;

    /// An expression computed for a column of type `ty`, converted to it (PostgreSQL casts).
    fn cast(&self, expr: &str, _ty: &ColumnType) -> String {
        expr.to_string()
    }

    /// SQL that is true when `a` and `b`, of type `ty`, hold the same value (NULL the same as
    /// NULL).
    fn same(&self, a: &str, b: &str, ty: &ColumnType) -> String;

    /// An INSERT of a row that names no column.
    fn insert_defaults(&self, table: &str) -> String {
        format!("INSERT INTO {table} DEFAULT VALUES")
    }

    /// Runs an INSERT or UPDATE; the row it wrote, columns `cols`, when the dialect returns it
    /// (`RETURNING`).
    fn write(
        &self,
        conn: &mut dyn Connection,
        sql: &str,
        cols: &[String],
    ) -> Result<Option<Vec<Option<String>>>, DbError>;

    /// The key the last INSERT of the connection generated.
    fn last_key(&self, conn: &mut dyn Connection) -> Result<Option<String>, DbError>;

    /// Whether an application inserting through a view gives the generated key itself (the
    /// dialect cannot tell it the key afterwards).
    fn keys_through_views(&self) -> bool;

    /// Whether the new application may write the new name of a renamed enum label before
    /// contract (both labels exist until then).
    fn renamed_labels_early(&self) -> bool;

    /// The statement beginning the transaction of one backfill batch.
    fn begin(&self) -> &'static str;

    /// The rows the last statement changed, when the dialect can say.
    fn changes(&self, _conn: &mut dyn Connection) -> Option<u64> {
        None
    }

    /// The columns, in order and with their types as the catalog spells them, of what an
    /// unqualified `table` names on `conn`: what a session of an application version sees of
    /// it. `None` where the dialect shows both versions the same tables.
    fn seen_columns(
        &self,
        _conn: &mut dyn Connection,
        _table: &str,
    ) -> Option<Result<Vec<(String, String)>, String>> {
        None
    }
}

/// Whether a value read back as a boolean is true (`t`, `true`, `1`).
pub fn truthy(v: Option<&str>) -> bool {
    matches!(v, Some("t" | "true" | "1" | "TRUE"))
}

/// The single value of a query.
pub fn scalar(conn: &mut dyn Connection, sql: &str) -> Result<Option<String>, String> {
    let rows = conn.query(sql).map_err(|e| format!("{sql}: {e}"))?;
    Ok(rows
        .into_iter()
        .next()
        .and_then(|r| r.into_iter().next().flatten()))
}

/// A count.
pub fn count(conn: &mut dyn Connection, sql: &str) -> Result<i64, String> {
    let sql = sql.trim().trim_end_matches(';');
    let v = scalar(conn, sql)?;
    v.as_deref()
        .and_then(|v| v.parse().ok())
        .ok_or_else(|| format!("{sql}: not a count: {v:?}"))
}
