//! MySQL/MariaDB, through the `mysql` crate's text protocol.

use crate::{Connection, DbError, Rows};
use migc_stdlib::Dialect;

pub(crate) fn open(url: &str) -> Result<Box<dyn Connection>, DbError> {
    let opts = mysql::Opts::from_url(url).map_err(|e| DbError {
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

#[cfg(test)]
mod tests {
    use crate::{connect, live};

    #[test]
    #[cfg_attr(
        not(live_mysql),
        ignore = "needs a MySQL/MariaDB server: set MIGC_TEST_MYSQL_URL"
    )]
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
