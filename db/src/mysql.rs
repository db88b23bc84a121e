//! MySQL/MariaDB, through the `mysql` crate's text protocol.

use crate::cause::{self, Cause, Target};
use crate::{Connection, DbError, Rows};
use migc_stdlib::Dialect;

pub(crate) fn open(url: &str) -> Result<Box<dyn Connection>, DbError> {
    let opts = mysql::Opts::from_url(url).map_err(|e| url_error(url, &e))?;
    // String literals migc writes escape the backslash (the server's default mode):
    // a server or user configured with NO_BACKSLASH_ESCAPES would read them otherwise.
    // Text travels as utf8mb4, so that any character of a name or value arrives whole.
    let opts = mysql::OptsBuilder::from_opts(opts).init(vec![
        "SET NAMES utf8mb4",
        "SET SESSION sql_mode = REPLACE(@@SESSION.sql_mode, 'NO_BACKSLASH_ESCAPES', '')",
    ]);
    let conn = mysql::Conn::new(opts).map_err(|e| connect_error(url, e))?;
    Ok(Box::new(My(conn)))
}

/// A URL the driver does not read: a TLS parameter (this build has no TLS), or another.
fn url_error(url: &str, e: &mysql::UrlError) -> DbError {
    let tls = |parameter: &str| {
        cause::message(
            Cause::Tls,
            &Target::of_url(url, 3306),
            &format!("URL parameter `{parameter}`"),
        )
    };
    let message = match e {
        mysql::UrlError::FeatureRequired(_, parameter) => tls(parameter),
        mysql::UrlError::UnknownParameter(p)
            if ["ssl", "tls"]
                .iter()
                .any(|w| p.to_ascii_lowercase().contains(w)) =>
        {
            tls(p)
        }
        mysql::UrlError::ParseError(p) => format!("not a MySQL URL: {p}"),
        other => format!("not a MySQL URL: {other}"),
    };
    DbError {
        code: None,
        message,
    }
}

/// A failed connection, by its cause: the server's refusals by error number (1045 the user or
/// the password, 1044 the database to the user, 1049 no such database, 3159 secure transport
/// required), the rest by the system error the driver wraps.
fn connect_error(url: &str, e: mysql::Error) -> DbError {
    let target = Target::of_url(url, 3306);
    let (cause, code, detail) = match e {
        mysql::Error::MySqlError(m) => {
            let cause = match m.code {
                1045 | 1044 | 1698 => Cause::Authentication,
                1049 => Cause::UnknownDatabase,
                3159 => Cause::TlsRequired,
                _ if m.message.contains("secure transport") => Cause::TlsRequired,
                _ => Cause::Other,
            };
            (cause, Some(m.code.to_string()), m.message)
        }
        mysql::Error::IoError(io) => (
            cause::of_io(&io).unwrap_or(Cause::Other),
            None,
            io.to_string(),
        ),
        mysql::Error::DriverError(d) => {
            let cause = match &d {
                mysql::DriverError::ConnectTimeout | mysql::DriverError::Timeout => Cause::Timeout,
                mysql::DriverError::CouldNotConnect(Some((_, desc, kind))) => {
                    cause::of_io(&std::io::Error::new(*kind, desc.clone())).unwrap_or(Cause::Other)
                }
                mysql::DriverError::TlsNotSupported => Cause::Tls,
                _ => Cause::Other,
            };
            let detail = match &d {
                // "Could not connect to address `h:p': Connection refused": the address is in
                // the message already.
                mysql::DriverError::CouldNotConnect(Some((_, desc, _))) => desc.clone(),
                other => other.to_string(),
            };
            (cause, None, detail)
        }
        mysql::Error::UrlError(u) => return url_error(url, &u),
        mysql::Error::CodecError(c) => (Cause::Other, None, c.to_string()),
        other => (Cause::Other, None, other.to_string()),
    };
    DbError {
        code,
        message: cause::message(cause, &target, &detail),
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
