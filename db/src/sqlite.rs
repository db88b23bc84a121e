//! SQLite, through rusqlite's bundled library: a file, or a database in memory.

use crate::{Connection, DbError, Rows};
use migc_stdlib::Dialect;
use std::path::Path;

pub(crate) fn open(path: Option<&Path>, create: bool) -> Result<Box<dyn Connection>, DbError> {
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
    use crate::{connect, connect_or_create, DbUrl};

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
}
