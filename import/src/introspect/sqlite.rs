//! SQLite: the DDL `sqlite_master` keeps for every object.

use migc_db::{Connection, DbError};

pub(crate) fn ddl(conn: &mut dyn Connection) -> Result<Vec<String>, DbError> {
    Ok(conn
        .query(
            "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' \
             ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 WHEN 'view' THEN 2 ELSE 3 END, name",
        )?
        .into_iter()
        .filter_map(|r| r.into_iter().next().flatten())
        .collect())
}
