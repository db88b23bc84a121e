//! Connections to live databases, for the commands that read one (`import`, `drift`, a URL as a
//! plan's source) or change one (`apply`, `rollback`, `status`, `verify`).
//!
//! A URL names the dialect: `postgres://` (or `postgresql://`), `mysql://` (or `mariadb://`) and
//! `sqlite://PATH` (`sqlite::memory:` for an in-memory database). Every value read comes back as
//! text (or NULL), the way each server's text protocol gives it, so that callers compare and
//! print values without knowing the driver's types.

use migc_stdlib::Dialect;
use std::fmt;
use std::path::PathBuf;

/// Where a database is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DbUrl {
    Postgres(String),
    Mysql(String),
    /// A database file, or `None` for an in-memory database.
    Sqlite(Option<PathBuf>),
}

impl DbUrl {
    /// Reads a database URL; `None` when the text is not one (a path, say).
    pub fn parse(text: &str) -> Option<DbUrl> {
        let (scheme, rest) = text.split_once("://").or_else(|| {
            text.strip_prefix("sqlite:")
                .filter(|r| *r == ":memory:")
                .map(|r| ("sqlite", r))
        })?;
        match scheme.to_ascii_lowercase().as_str() {
            "postgres" | "postgresql" => Some(DbUrl::Postgres(text.to_string())),
            "mysql" => Some(DbUrl::Mysql(text.to_string())),
            "mariadb" => Some(DbUrl::Mysql(format!("mysql://{rest}"))),
            "sqlite" => Some(DbUrl::Sqlite(match rest {
                "" | ":memory:" => None,
                path => Some(PathBuf::from(path)),
            })),
            _ => None,
        }
    }

    pub fn dialect(&self) -> Dialect {
        match self {
            DbUrl::Postgres(_) => Dialect::Postgres,
            DbUrl::Mysql(_) => Dialect::Mysql,
            DbUrl::Sqlite(_) => Dialect::Sqlite,
        }
    }

    /// The same server with another database (`None` for SQLite, whose database is a file).
    pub fn with_database(&self, db: &str) -> Option<DbUrl> {
        match self {
            DbUrl::Postgres(u) => Some(DbUrl::Postgres(with_database(u, db))),
            DbUrl::Mysql(u) => Some(DbUrl::Mysql(with_database(u, db))),
            DbUrl::Sqlite(_) => None,
        }
    }

    /// The URL without its password, for messages.
    pub fn redacted(&self) -> String {
        match self {
            DbUrl::Postgres(u) | DbUrl::Mysql(u) => redact(u),
            DbUrl::Sqlite(Some(p)) => format!("sqlite://{}", p.display()),
            DbUrl::Sqlite(None) => "sqlite::memory:".into(),
        }
    }
}

/// A server URL with its database replaced by `db`, keeping the user, host, port and options.
pub fn with_database(url: &str, db: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (url, None),
    };
    let host_start = base.find("://").map_or(0, |i| i + 3);
    let host_end = base[host_start..]
        .find('/')
        .map_or(base.len(), |i| host_start + i);
    let mut out = format!("{}/{}", &base[..host_end], db);
    if let Some(q) = query {
        out.push('?');
        out.push_str(q);
    }
    out
}

fn redact(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let Some((userinfo, host)) = rest.split_once('@') else {
        return url.to_string();
    };
    match userinfo.split_once(':') {
        Some((user, _)) => format!("{scheme}://{user}:***@{host}"),
        None => url.to_string(),
    }
}

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

/// Opens a connection.
pub fn connect(url: &DbUrl) -> Result<Box<dyn Connection>, DbError> {
    match url {
        DbUrl::Postgres(u) => {
            let client = postgres::Client::connect(u, postgres::NoTls).map_err(pg_error)?;
            Ok(Box::new(Pg(client)))
        }
        DbUrl::Mysql(u) => {
            let opts = mysql::Opts::from_url(u).map_err(|e| DbError {
                code: None,
                message: e.to_string(),
            })?;
            // String literals migc writes escape the backslash (the server's default mode):
            // a server or user configured with NO_BACKSLASH_ESCAPES would read them otherwise.
            // Text travels as utf8mb4, so that any character of a name or value arrives whole.
            let opts = mysql::OptsBuilder::from_opts(opts).init(vec![
                "SET NAMES utf8mb4",
                "SET SESSION sql_mode = REPLACE(@@SESSION.sql_mode, 'NO_BACKSLASH_ESCAPES', '')",
            ]);
            let conn = mysql::Conn::new(opts).map_err(my_error)?;
            Ok(Box::new(My(conn)))
        }
        DbUrl::Sqlite(path) => {
            let conn = match path {
                Some(p) => rusqlite::Connection::open(p),
                None => rusqlite::Connection::open_in_memory(),
            }
            .map_err(lite_error)?;
            Ok(Box::new(Lite(conn)))
        }
    }
}

struct Pg(postgres::Client);

fn pg_error(e: postgres::Error) -> DbError {
    match e.as_db_error() {
        Some(db) => DbError {
            code: Some(db.code().code().to_string()),
            message: db.message().to_string(),
        },
        None => DbError {
            code: None,
            message: e.to_string(),
        },
    }
}

impl Connection for Pg {
    fn dialect(&self) -> Dialect {
        Dialect::Postgres
    }

    fn execute(&mut self, sql: &str) -> Result<(), DbError> {
        self.0.batch_execute(sql).map_err(pg_error)
    }

    fn query(&mut self, sql: &str) -> Result<Rows, DbError> {
        let mut rows = Vec::new();
        for message in self.0.simple_query(sql).map_err(pg_error)? {
            if let postgres::SimpleQueryMessage::Row(row) = message {
                rows.push(
                    (0..row.len())
                        .map(|i| row.get(i).map(str::to_string))
                        .collect(),
                );
            }
        }
        Ok(rows)
    }
}

struct My(mysql::Conn);

fn my_error(e: mysql::Error) -> DbError {
    match e {
        mysql::Error::MySqlError(m) => DbError {
            code: Some(m.code.to_string()),
            message: m.message,
        },
        other => DbError {
            code: None,
            message: other.to_string(),
        },
    }
}

fn my_text(v: mysql::Value) -> Option<String> {
    use mysql::Value;
    match v {
        Value::NULL => None,
        Value::Bytes(b) => Some(String::from_utf8_lossy(&b).into_owned()),
        Value::Int(i) => Some(i.to_string()),
        Value::UInt(u) => Some(u.to_string()),
        Value::Float(f) => Some(f.to_string()),
        Value::Double(d) => Some(d.to_string()),
        other => Some(other.as_sql(true).trim_matches('\'').to_string()),
    }
}

impl Connection for My {
    fn dialect(&self) -> Dialect {
        Dialect::Mysql
    }

    fn execute(&mut self, sql: &str) -> Result<(), DbError> {
        use mysql::prelude::Queryable;
        self.0.query_drop(sql).map_err(my_error)
    }

    fn query(&mut self, sql: &str) -> Result<Rows, DbError> {
        use mysql::prelude::Queryable;
        let rows: Vec<mysql::Row> = self.0.query(sql).map_err(my_error)?;
        Ok(rows
            .into_iter()
            .map(|r| r.unwrap().into_iter().map(my_text).collect())
            .collect())
    }
}

struct Lite(rusqlite::Connection);

fn lite_error(e: rusqlite::Error) -> DbError {
    match &e {
        rusqlite::Error::SqliteFailure(f, msg) => DbError {
            code: Some(f.extended_code.to_string()),
            message: msg.clone().unwrap_or_else(|| e.to_string()),
        },
        _ => DbError {
            code: None,
            message: e.to_string(),
        },
    }
}

impl Connection for Lite {
    fn dialect(&self) -> Dialect {
        Dialect::Sqlite
    }

    fn execute(&mut self, sql: &str) -> Result<(), DbError> {
        self.0.execute_batch(sql).map_err(lite_error)
    }

    fn query(&mut self, sql: &str) -> Result<Rows, DbError> {
        use rusqlite::types::ValueRef;
        let mut stmt = self.0.prepare(sql).map_err(lite_error)?;
        let n = stmt.column_count();
        let mut out = Vec::new();
        let mut rows = stmt.query([]).map_err(lite_error)?;
        while let Some(row) = rows.next().map_err(lite_error)? {
            let mut values = Vec::with_capacity(n);
            for i in 0..n {
                values.push(match row.get_ref(i).map_err(lite_error)? {
                    ValueRef::Null => None,
                    ValueRef::Integer(v) => Some(v.to_string()),
                    ValueRef::Real(v) => Some(v.to_string()),
                    ValueRef::Text(t) => Some(String::from_utf8_lossy(t).into_owned()),
                    ValueRef::Blob(b) => Some(b.iter().map(|x| format!("{x:02x}")).collect()),
                });
            }
            out.push(values);
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_name_their_dialect() {
        assert_eq!(
            DbUrl::parse("postgres://u@h/db"),
            Some(DbUrl::Postgres("postgres://u@h/db".into()))
        );
        assert_eq!(
            DbUrl::parse("mariadb://root@h:3306/test"),
            Some(DbUrl::Mysql("mysql://root@h:3306/test".into()))
        );
        assert_eq!(
            DbUrl::parse("sqlite://dir/app.db"),
            Some(DbUrl::Sqlite(Some(PathBuf::from("dir/app.db"))))
        );
        assert_eq!(
            DbUrl::parse("sqlite:///abs/app.db"),
            Some(DbUrl::Sqlite(Some(PathBuf::from("/abs/app.db"))))
        );
        assert_eq!(DbUrl::parse("sqlite::memory:"), Some(DbUrl::Sqlite(None)));
        assert_eq!(DbUrl::parse("schema/"), None);
        assert_eq!(DbUrl::parse("dump.sql"), None);
        assert_eq!(DbUrl::parse("ftp://x"), None);
    }

    #[test]
    fn scratch_urls_keep_the_server_and_the_options() {
        assert_eq!(
            with_database("postgres://u:p@h:5432/test?sslmode=disable", "x"),
            "postgres://u:p@h:5432/x?sslmode=disable"
        );
        assert_eq!(with_database("mysql://root@h", "x"), "mysql://root@h/x");
        assert_eq!(DbUrl::Sqlite(None).with_database("x"), None);
    }

    #[test]
    fn passwords_stay_out_of_messages() {
        let url = DbUrl::parse("postgres://app:secret@db:5432/prod").unwrap();
        assert_eq!(url.redacted(), "postgres://app:***@db:5432/prod");
    }

    #[test]
    fn sqlite_values_come_back_as_text() {
        let mut c = connect(&DbUrl::Sqlite(None)).unwrap();
        c.execute(
            "CREATE TABLE t (a integer, b text, c real); INSERT INTO t VALUES (1, 'x', NULL);",
        )
        .unwrap();
        let rows = c.query("SELECT a, b, c FROM t").unwrap();
        assert_eq!(rows, vec![vec![Some("1".into()), Some("x".into()), None]]);
        let err = c.execute("INSERT INTO missing VALUES (1)").unwrap_err();
        assert!(err.message.contains("missing"), "{err}");
    }

    /// The live servers, when the test environment names them (`.ci/run` does).
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

    #[test]
    fn postgres_values_and_errors() {
        let Some(url) = live("MIGC_TEST_POSTGRES_URL") else {
            return;
        };
        let mut c = connect(&url).unwrap();
        let rows = c.query("SELECT 1::int, 'x'::text, NULL::int").unwrap();
        assert_eq!(rows, vec![vec![Some("1".into()), Some("x".into()), None]]);
        let err = c.query("SELECT * FROM migc_no_such_table").unwrap_err();
        assert_eq!(err.code.as_deref(), Some("42P01"));
    }

    #[test]
    fn mysql_values_and_errors() {
        let Some(url) = live("MIGC_TEST_MYSQL_URL") else {
            return;
        };
        let mut c = connect(&url).unwrap();
        let rows = c.query("SELECT 1, 'x', NULL").unwrap();
        assert_eq!(rows, vec![vec![Some("1".into()), Some("x".into()), None]]);
        let err = c.query("SELECT * FROM migc_no_such_table").unwrap_err();
        assert_eq!(err.code.as_deref(), Some("1146"));
    }
}
