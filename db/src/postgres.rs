//! PostgreSQL, through the `postgres` crate's simple query protocol (every value as text).

use crate::{Connection, DbError, Rows};
use migc_stdlib::Dialect;

pub(crate) fn open(url: &str) -> Result<Box<dyn Connection>, DbError> {
    let client = postgres::Client::connect(url, postgres::NoTls).map_err(pg_error)?;
    Ok(Box::new(Pg(client)))
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
