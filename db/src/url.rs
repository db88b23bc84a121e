//! Where a database is: its URL, which names the dialect, and the URL without its secrets for
//! everything migc prints, stores or reports.

use crate::DbError;
use migc_stdlib::Dialect;
use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

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

    /// The dialect the URL's scheme names.
    pub fn dialect(&self) -> Dialect {
        match self {
            DbUrl::Postgres(_) => Dialect::Postgres,
            DbUrl::Mysql(_) => Dialect::Mysql,
            DbUrl::Sqlite(_) => Dialect::Sqlite,
        }
    }

    /// The database's file (`None` for a server or a database in memory).
    pub fn file(&self) -> Option<&Path> {
        match self {
            DbUrl::Sqlite(Some(path)) => Some(path),
            _ => None,
        }
    }

    /// A database file beside this one's, named after it with `suffix` added (`None` without
    /// a file).
    pub fn beside(&self, suffix: &str) -> Option<DbUrl> {
        let mut name = self.file()?.as_os_str().to_owned();
        name.push(suffix);
        Some(DbUrl::Sqlite(Some(name.into())))
    }

    /// The same server with another database (`None` for SQLite, whose database is a file).
    pub fn with_database(&self, db: &str) -> Option<DbUrl> {
        match self {
            DbUrl::Postgres(u) => Some(DbUrl::Postgres(with_database(u, db))),
            DbUrl::Mysql(u) => Some(DbUrl::Mysql(with_database(u, db))),
            DbUrl::Sqlite(_) => None,
        }
    }

    /// The database a server URL names (its path, percent-decoded); `None` for SQLite and
    /// for a URL naming none.
    pub fn database(&self) -> Option<String> {
        let u = match self {
            DbUrl::Postgres(u) | DbUrl::Mysql(u) => u,
            DbUrl::Sqlite(_) => return None,
        };
        let base = u.split_once('?').map_or(u.as_str(), |(b, _)| b);
        let rest = &base[base.find("://")? + 3..];
        // After the user information, whose password may hold a `/`.
        let host = rest.rfind('@').map_or(rest, |i| &rest[i + 1..]);
        let path = &host[host.find('/')? + 1..];
        (!path.is_empty()).then(|| percent_decode(path))
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
    pub(crate) fn scrub(&self, mut e: DbError) -> DbError {
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
pub(crate) fn percent_decode(text: &str) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::connect;

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
    fn a_url_names_its_database() {
        let db = |u: &str| DbUrl::parse(u).and_then(|u| u.database());
        assert_eq!(
            db("mysql://root@127.0.0.1:3306/shop").as_deref(),
            Some("shop")
        );
        assert_eq!(
            db("mysql://app:p/a@ss@db/my%20shop?ssl-mode=REQUIRED").as_deref(),
            Some("my shop")
        );
        assert_eq!(db("postgres://db:5432/app").as_deref(), Some("app"));
        assert_eq!(db("mysql://db:3306"), None);
        assert_eq!(db("sqlite://app.db"), None);
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
}
