//! Catalog introspection: each dialect's catalog rebuilt as the DDL statements a dump of it
//! would hold, in an order a reader can follow (types, tables, constraints, indexes, views, then
//! what the model does not hold). Each dialect's `Reading::catalog` runs its module.

pub(crate) mod mysql;
pub(crate) mod postgres;
pub(crate) mod sqlite;

use migc_db::{Connection, DbError};

/// The first column of every row.
pub(crate) fn column(conn: &mut dyn Connection, sql: &str) -> Result<Vec<String>, DbError> {
    Ok(conn
        .query(sql)?
        .into_iter()
        .filter_map(|r| r.into_iter().next().flatten())
        .collect())
}
