//! The `information_schema` conditions every unit checks before acting, so that any script can
//! be re-run: whether a table, column, index or constraint exists.

use super::lit;

fn schema_row(view: &str, table: &str) -> String {
    format!(
        "SELECT 1 FROM information_schema.{view} WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = {}",
        lit(table)
    )
}

/// Whether a base table of that name exists.
pub(crate) fn table_exists(table: &str) -> String {
    format!(
        "EXISTS ({} AND TABLE_TYPE = 'BASE TABLE')",
        schema_row("TABLES", table)
    )
}

/// Whether the table has the column.
pub(crate) fn column_exists(table: &str, column: &str) -> String {
    format!(
        "EXISTS ({} AND COLUMN_NAME = {})",
        schema_row("COLUMNS", table),
        lit(column)
    )
}

/// Whether the table has an index of that name (`PRIMARY` for the primary key).
pub(crate) fn index_exists(table: &str, name: &str) -> String {
    format!(
        "EXISTS ({} AND INDEX_NAME = {})",
        schema_row("STATISTICS", table),
        lit(name)
    )
}

/// Whether the table has a constraint (CHECK, FOREIGN KEY, UNIQUE) of that name.
pub(crate) fn constraint_exists(table: &str, name: &str) -> String {
    format!(
        "EXISTS ({} AND CONSTRAINT_NAME = {})",
        schema_row("TABLE_CONSTRAINTS", table),
        lit(name)
    )
}
