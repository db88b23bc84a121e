//! PostgreSQL, through the `postgres` crate's simple query protocol (every value as text).

use crate::cause::{self, Cause, Target};
use crate::{Connection, DbError, Rows};
use migc_stdlib::Dialect;

pub(crate) fn open(url: &str) -> Result<Box<dyn Connection>, DbError> {
    let client =
        postgres::Client::connect(url, postgres::NoTls).map_err(|e| connect_error(url, &e))?;
    Ok(Box::new(Pg(client)))
}

/// A failed connection, by its cause: the server's refusals by SQLSTATE (`28P01` a password,
/// `28000` a user or a `pg_hba.conf` rule, `3D000` a database), the rest by the system error
/// under the driver's (which says only "error connecting to server").
fn connect_error(url: &str, e: &postgres::Error) -> DbError {
    let target = Target::of_url(url, 5432);
    if let Some(db) = e.as_db_error() {
        let code = db.code().code();
        let text = db.message();
        let cause = match code {
            // `no pg_hba.conf entry for host …, no encryption` (`SSL off` before 14): only a
            // `hostssl` rule admits the user.
            "28000" if text.contains("no encryption") || text.contains("SSL off") => {
                Cause::TlsRequired
            }
            "28P01" | "28000" => Cause::Authentication,
            "3D000" => Cause::UnknownDatabase,
            _ => Cause::Other,
        };
        return DbError {
            code: Some(code.to_string()),
            message: cause::message(cause, &target, text),
        };
    }
    let all = cause::chain(e);
    let shown = e.to_string();
    // The driver's own words add nothing to its source's, but for TLS and its timeout.
    let detail = all
        .strip_prefix(&shown)
        .map(|r| r.trim_start_matches(": ").to_string())
        .filter(|r| !r.is_empty())
        .unwrap_or_else(|| all.clone());
    let cause = cause::io_source(e)
        .and_then(cause::of_io)
        .or_else(|| cause::resolver_failed(&all).then_some(Cause::UnknownHost))
        .or_else(|| (shown == "error performing TLS handshake").then_some(Cause::Tls))
        .or_else(|| (shown == "timeout waiting for server").then_some(Cause::Timeout))
        .unwrap_or(Cause::Other);
    let detail = if cause == Cause::Other { all } else { detail };
    DbError {
        code: None,
        message: cause::message(cause, &target, &detail),
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

#[cfg(test)]
mod tests {
    use crate::{connect, live};

    #[test]
    #[cfg_attr(
        not(live_postgres),
        ignore = "needs a PostgreSQL server: set MIGC_TEST_POSTGRES_URL"
    )]
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
}
