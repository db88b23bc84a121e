//! The `information_schema` conditions every unit checks before acting, so that any script can
//! be re-run: whether a table, column, index, constraint or trigger exists, whether a column
//! has a type or an enum member, whether an index serves a foreign key, and which table a
//! foreign key references.

use super::lit;
use migc_compiler::schema::*;

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

/// Whether the table has a FULLTEXT index (in the model or not).
pub(crate) fn fulltext_exists(table: &str) -> String {
    format!(
        "EXISTS ({} AND INDEX_TYPE = 'FULLTEXT')",
        schema_row("STATISTICS", table)
    )
}

/// Whether the table's column is nullable (`nullable`) or NOT NULL.
pub(crate) fn column_nullable(table: &str, column: &str, nullable: bool) -> String {
    format!(
        "EXISTS ({} AND COLUMN_NAME = {} AND IS_NULLABLE = {})",
        schema_row("COLUMNS", table),
        lit(column),
        lit(if nullable { "YES" } else { "NO" })
    )
}

/// Whether the table's column comes right after `after` (first, for `None`).
pub(crate) fn column_follows(table: &str, column: &str, after: Option<&str>) -> String {
    let position = |c: &str| {
        format!(
            "(SELECT ORDINAL_POSITION FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = {} AND COLUMN_NAME = {})",
            lit(table),
            lit(c)
        )
    };
    match after {
        Some(a) => format!("{} = {} + 1", position(column), position(a)),
        None => format!("{} = 1", position(column)),
    }
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

/// Whether a trigger of that name exists.
pub(crate) fn trigger_exists(name: &str) -> String {
    format!(
        "EXISTS (SELECT 1 FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE() AND TRIGGER_NAME = {})",
        lit(name)
    )
}

/// Whether the column has the type, as `information_schema.COLUMNS` shows it.
/// The character set a collation (or a character set's name) belongs to, `utf8` spelled
/// `utf8mb3` as the servers report it.
pub(crate) fn character_set(collation: &str) -> &str {
    let set = collation.split('_').next().unwrap_or(collation);
    if set.eq_ignore_ascii_case("utf8") {
        "utf8mb3"
    } else {
        set
    }
}

/// Whether the table's default is the collation (a character set's name: one of its collations).
pub(crate) fn table_has_collation(table: &str, collation: &str) -> String {
    let cond = if collation.contains('_') {
        let name = match collation.strip_prefix("utf8_") {
            Some(rest) => format!("utf8mb3_{rest}"),
            None => collation.to_string(),
        };
        format!("TABLE_COLLATION = {}", lit(&name))
    } else {
        format!(
            "TABLE_COLLATION LIKE {}",
            lit(&format!("{}\\_%", character_set(collation)))
        )
    };
    format!(
        "EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = {} AND {cond})",
        lit(table)
    )
}

/// Whether the column has the collation (a character set's name: that character set).
pub(crate) fn has_collation(table: &str, column: &str, collation: &str) -> String {
    let cond = if collation.contains('_') {
        let name = match collation.strip_prefix("utf8_") {
            Some(rest) => format!("utf8mb3_{rest}"),
            None => collation.to_string(),
        };
        format!("COLLATION_NAME = {}", lit(&name))
    } else {
        format!("CHARACTER_SET_NAME = {}", lit(character_set(collation)))
    };
    format!(
        "EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = {} AND COLUMN_NAME = {} AND {cond})",
        lit(table),
        lit(column)
    )
}

pub(crate) fn has_type(table: &str, column: &str, ty: &ColumnType, spelled: &str) -> String {
    let cond = match ty {
        ColumnType::Builtin { name, args } if name == "varchar" && !args.is_empty() => format!(
            "DATA_TYPE = 'varchar' AND CHARACTER_MAXIMUM_LENGTH = {}",
            args[0]
        ),
        ColumnType::Builtin { name, args } if name == "decimal" && args.len() == 2 => format!(
            "DATA_TYPE = 'decimal' AND NUMERIC_PRECISION = {} AND NUMERIC_SCALE = {}",
            args[0], args[1]
        ),
        ColumnType::Enum { .. } => {
            format!("COLUMN_TYPE = {}", lit(spelled))
        }
        // A SET is done when it has every member: its data type is `set` before and after.
        ColumnType::Native { .. } if migc_stdlib::mysql_set_members(spelled).is_some() => {
            let members: Vec<String> = migc_stdlib::mysql_set_members(spelled)
                .unwrap_or_default()
                .iter()
                .map(|m| format!("'{}'", m.replace('\'', "''")))
                .collect();
            format!(
                "COLUMN_TYPE = {}",
                lit(&format!("set({})", members.join(",")))
            )
        }
        _ => {
            let base = spelled
                .split(['(', ' '])
                .next()
                .unwrap_or(spelled)
                .to_ascii_lowercase();
            // A time's fractional digits are not in its data type: `datetime(3)` is `datetime`.
            let digits = spelled
                .trim()
                .strip_suffix(')')
                .and_then(|s| s.split_once('('))
                .map(|(_, n)| n.trim())
                .filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
                .unwrap_or("0");
            if matches!(base.as_str(), "datetime" | "timestamp" | "time") {
                format!(
                    "DATA_TYPE = {} AND DATETIME_PRECISION = {digits}",
                    lit(&base)
                )
            } else {
                format!("DATA_TYPE = {}", lit(&base))
            }
        }
    };
    format!(
        "EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = {} AND COLUMN_NAME = {} AND {cond})",
        lit(table),
        lit(column)
    )
}

/// Whether the enum column has the member (with later members too: a later step may add some).
pub(crate) fn has_member(table: &str, column: &str, value: &str) -> String {
    format!(
        "EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = {} AND COLUMN_NAME = {} AND LOCATE({}, CONCAT(',', SUBSTRING(COLUMN_TYPE, 6, CHAR_LENGTH(COLUMN_TYPE) - 6), ',')) > 0)",
        lit(table),
        lit(column),
        lit(&format!(",{},", lit(value)))
    )
}

/// Whether an index other than `except` leads with the foreign key's columns.
pub(crate) fn fk_served(table: &str, fk: &ForeignKey, except: &str) -> String {
    let matches: Vec<String> = fk
        .columns
        .iter()
        .enumerate()
        .map(|(i, c)| format!("(SEQ_IN_INDEX = {} AND COLUMN_NAME = {})", i + 1, lit(c)))
        .collect();
    format!(
        "EXISTS (SELECT INDEX_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = {} AND INDEX_NAME <> {} AND ({}) GROUP BY INDEX_NAME HAVING COUNT(*) = {})",
        lit(table),
        lit(except),
        matches.join(" OR "),
        fk.columns.len()
    )
}

/// Whether `child`'s foreign key `name` references `table`.
pub(crate) fn references(child: &str, name: &str, table: &str) -> String {
    format!(
        "EXISTS (SELECT 1 FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = {} AND CONSTRAINT_NAME = {} AND REFERENCED_TABLE_NAME = {})",
        lit(child),
        lit(name),
        lit(table)
    )
}
