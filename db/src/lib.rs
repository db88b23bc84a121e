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

use migc_stdlib::Dialect;
use std::fmt;
use std::ops::Range;
use std::path::PathBuf;

/// Where a database is. `Display` and `Debug` show it [redacted](redact).
#[derive(Clone, PartialEq, Eq)]
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

    /// The URL without its secrets, for everything migc prints, stores or reports.
    pub fn redacted(&self) -> String {
        match self {
            DbUrl::Postgres(u) | DbUrl::Mysql(u) => redact(u),
            DbUrl::Sqlite(Some(p)) => format!("sqlite://{}", p.display()),
            DbUrl::Sqlite(None) => "sqlite::memory:".into(),
        }
    }

    /// The secrets of the URL as they may appear in a driver's message: as written and
    /// percent-decoded, longest first.
    fn secrets(&self) -> Vec<String> {
        let u = match self {
            DbUrl::Postgres(u) | DbUrl::Mysql(u) => u,
            DbUrl::Sqlite(_) => return Vec::new(),
        };
        let mut out: Vec<String> = Vec::new();
        for r in secret_ranges(u) {
            let raw = &u[r];
            for s in [raw.to_string(), percent_decode(raw)] {
                if !s.is_empty() && !out.contains(&s) {
                    out.push(s);
                }
            }
        }
        out.sort_by_key(|s| std::cmp::Reverse(s.len()));
        out
    }

    /// A driver's error with the URL's secrets replaced by `***`.
    fn scrub(&self, mut e: DbError) -> DbError {
        for s in self.secrets() {
            e.message = e.message.replace(&s, "***");
        }
        e
    }
}

impl fmt::Display for DbUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.redacted())
    }
}

impl fmt::Debug for DbUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DbUrl::Postgres(_) => f.debug_tuple("Postgres").field(&self.redacted()).finish(),
            DbUrl::Mysql(_) => f.debug_tuple("Mysql").field(&self.redacted()).finish(),
            DbUrl::Sqlite(p) => f.debug_tuple("Sqlite").field(p).finish(),
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

/// A URL without its secrets, for everything migc prints, stores or reports: the password of
/// its user information becomes `***` (`postgres://app:***@db/prod`), and so does the value of
/// every query parameter holding one (`?password=…`, `sslpassword`, `pass`, `pwd`, and any name
/// with `password`, `passwd`, `secret`, `token` or `credential` in it). Text that is not a
/// URL, and `sqlite://` URLs (a path has no secret), come back as they are.
///
/// The user information is taken as widely as any driver may read it, so that no reading
/// leaves part of a password in the clear: up to the last `@` before the query (a password
/// with an unencoded `@`, `:` or `/` is hidden whole), or without one there, up to the first
/// `@` of the URL (a password with an unencoded `?`). A bare word following a secret query
/// parameter (`password=a&b`) is taken as part of its value.
pub fn redact(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    let mut at = 0;
    for r in secret_ranges(url) {
        out.push_str(&url[at..r.start]);
        out.push_str("***");
        at = r.end;
    }
    out.push_str(&url[at..]);
    out
}

/// Every URL (a word with `://` in it) of a text [redacted](redact), the rest as it is: for
/// messages and stored labels that may hold URLs.
pub fn redact_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("://") {
        let start = rest[..i]
            .rfind(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
            .map_or(0, |j| j + 1);
        let end = rest[i..]
            .find(char::is_whitespace)
            .map_or(rest.len(), |j| i + j);
        out.push_str(&rest[..start]);
        out.push_str(&redact(&rest[start..end]));
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// The byte ranges of `url` holding secrets, in order (see [`redact`]).
fn secret_ranges(url: &str) -> Vec<Range<usize>> {
    let Some(i) = url.find("://") else {
        return Vec::new();
    };
    if url[..i].eq_ignore_ascii_case("sqlite") {
        return Vec::new();
    }
    let start = i + 3;
    let rest = &url[start..];
    let query = rest.find('?').unwrap_or(rest.len());
    let mut out = Vec::new();
    let mut tail = start;
    if let Some(a) = rest[..query].rfind('@').or_else(|| rest.find('@')) {
        if let Some(c) = rest[..a].find(':') {
            out.push(start + c + 1..start + a);
        }
        tail = start + a + 1;
    }
    if let Some(q) = url[tail..].find('?') {
        let mut pos = tail + q + 1;
        let mut hiding = false;
        for part in url[pos..].split('&') {
            match part.split_once('=') {
                Some((key, _)) => {
                    hiding = secret_key(key);
                    if hiding {
                        out.push(pos + key.len() + 1..pos + part.len());
                    }
                }
                None if hiding && !part.is_empty() => out.push(pos..pos + part.len()),
                None => {}
            }
            pos += part.len() + 1;
        }
    }
    out
}

/// Whether a query parameter's value is a secret, by its name.
fn secret_key(key: &str) -> bool {
    let k: String = percent_decode(key)
        .to_ascii_lowercase()
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect();
    matches!(k.as_str(), "pass" | "pwd")
        || ["password", "passwd", "secret", "token", "credential"]
            .iter()
            .any(|s| k.contains(s))
}

/// `%XX` escapes decoded (`+` stays: it is a space only in form data).
fn percent_decode(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        match (
            b[i],
            b.get(i + 1).copied().and_then(hex),
            b.get(i + 2).copied().and_then(hex),
        ) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            (c, _, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
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

fn open(url: &DbUrl, create: bool) -> Result<Box<dyn Connection>, DbError> {
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
            use rusqlite::OpenFlags;
            // No SQLITE_OPEN_URI: a `file:…?mode=rwc` path must not create what CREATE
            // leaves alone.
            let mut flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
            if create {
                flags |= OpenFlags::SQLITE_OPEN_CREATE;
            }
            let conn = match path {
                Some(p) if !create && !p.exists() => {
                    return Err(DbError {
                        code: None,
                        message: format!(
                            "no such file `{}` (only `migc apply` creates a SQLite database)",
                            p.display()
                        ),
                    })
                }
                Some(p) => rusqlite::Connection::open_with_flags(p, flags),
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
        assert_eq!(url.to_string(), "postgres://app:***@db:5432/prod");
        assert_eq!(
            format!("{:?}", Some(url)),
            r#"Some(Postgres("postgres://app:***@db:5432/prod"))"#
        );
        let maria = DbUrl::parse("mariadb://root:hunter2@h:3306/test").unwrap();
        assert_eq!(maria.redacted(), "mysql://root:***@h:3306/test");
    }

    #[test]
    fn every_spelling_of_a_password_is_redacted() {
        for (url, redacted) in [
            // No password: nothing to hide.
            ("postgres://app@db/prod", "postgres://app@db/prod"),
            ("postgres://db/prod", "postgres://db/prod"),
            (
                "mysql://root@127.0.0.1:3306/test",
                "mysql://root@127.0.0.1:3306/test",
            ),
            // In the user information, unencoded `@`, `:` and `/` included.
            ("postgres://app:p@ss@db/prod", "postgres://app:***@db/prod"),
            (
                "postgres://app:a:b:c@db:5432/prod",
                "postgres://app:***@db:5432/prod",
            ),
            ("postgres://app:a/b@db/prod", "postgres://app:***@db/prod"),
            ("postgres://app:pa?ss@db/prod", "postgres://app:***@db/prod"),
            (
                "postgres://app:p%40ss%3Aw%25rd@db/prod",
                "postgres://app:***@db/prod",
            ),
            ("postgres://app:@db/prod", "postgres://app:***@db/prod"),
            // In the query string.
            (
                "postgres://app@db/prod?password=s3cret&sslmode=disable",
                "postgres://app@db/prod?password=***&sslmode=disable",
            ),
            (
                "postgres://app@db/prod?sslmode=require&sslpassword=k3y&application_name=a@b",
                "postgres://app@db/prod?sslmode=require&sslpassword=***&application_name=a@b",
            ),
            (
                "postgresql://app@db/prod?PASSWORD=x&pass=y&pwd=z&user=app",
                "postgresql://app@db/prod?PASSWORD=***&pass=***&pwd=***&user=app",
            ),
            (
                "postgres://db/prod?pass%77ord=x",
                "postgres://db/prod?pass%77ord=***",
            ),
            (
                "postgres://db/prod?password=a&b&c=d",
                "postgres://db/prod?password=***&***&c=d",
            ),
            (
                "mysql://u:one@h/db?auth_token=t&secret_key=s",
                "mysql://u:***@h/db?auth_token=***&secret_key=***",
            ),
            // Both at once.
            (
                "postgres://app:one@db/prod?password=two",
                "postgres://app:***@db/prod?password=***",
            ),
            // Not URLs, or no secrets in them.
            ("examples/shop/v1", "examples/shop/v1"),
            ("sqlite:///tmp/a:b@c.db", "sqlite:///tmp/a:b@c.db"),
        ] {
            assert_eq!(redact(url), redacted, "{url}");
        }
    }

    #[test]
    fn urls_in_a_text_are_redacted() {
        assert_eq!(
            redact_text("plan postgres://a:pw@h/db -> `mysql://b:x%40y@h/db`: failed\n"),
            "plan postgres://a:***@h/db -> `mysql://b:***@h/db`: failed\n"
        );
        assert_eq!(redact_text("no url here"), "no url here");
        assert_eq!(redact_text("a://"), "a://");
    }

    #[test]
    fn driver_errors_lose_the_secrets() {
        let url = DbUrl::parse("postgres://app:p%40ss@db/prod?sslpassword=k3y").unwrap();
        let e = url.scrub(DbError {
            code: None,
            message: "bad password p%40ss, p@ss or k3y".into(),
        });
        assert_eq!(e.message, "bad password ***, *** or ***");
        // A server that is not there: the message names no secret.
        let url = DbUrl::parse("postgres://app:s3cr3t-PASS@127.0.0.1:1/db").unwrap();
        let e = connect(&url).err().expect("nothing listens on port 1");
        assert!(!e.to_string().contains("s3cr3t"), "{e}");
        let url = DbUrl::parse("mysql://app:s3cr3t-PASS@127.0.0.1:1/db").unwrap();
        let e = connect(&url).err().expect("nothing listens on port 1");
        assert!(!e.to_string().contains("s3cr3t"), "{e}");
    }

    #[test]
    fn only_connect_or_create_creates_a_sqlite_file() {
        let dir = std::env::temp_dir().join(format!("migc-db-open-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("app.db");
        let _ = std::fs::remove_file(&path);
        let url = DbUrl::Sqlite(Some(path.clone()));
        let e = connect(&url).err().expect("a missing file is an error");
        assert!(e.message.contains("no such file"), "{e}");
        assert!(!path.exists(), "connect created the file");
        let mut c = connect_or_create(&url).expect("created");
        c.execute("CREATE TABLE t (a integer)").unwrap();
        drop(c);
        assert!(path.exists());
        let mut c = connect(&url).expect("it exists now");
        assert_eq!(
            c.query("SELECT count(*) FROM t").unwrap(),
            vec![vec![Some("0".into())]]
        );
        drop(c);
        let _ = std::fs::remove_dir_all(&dir);
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
