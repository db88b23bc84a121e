//! The catalog of a database as comparable lines, read from `information_schema`: tables,
//! columns (type, nullability, default, extra, comment; not their order, since added columns
//! go last), indexes, constraints, checks, foreign keys, views, triggers and routines.

use super::db::rows;
use mysql::Conn;
use std::collections::BTreeSet;

fn lines(conn: &mut Conn, prefix: &str, sql: &str) -> Result<Vec<String>, String> {
    Ok(rows(conn, sql)?
        .into_iter()
        .map(|r| {
            let parts: Vec<String> = r
                .into_iter()
                .map(|v| v.unwrap_or_else(|| "NULL".into()))
                .collect();
            format!("{prefix} {}", parts.join(" | "))
        })
        .collect())
}

pub fn read(conn: &mut Conn) -> Result<BTreeSet<String>, String> {
    let mut out = BTreeSet::new();
    let db = "TABLE_SCHEMA = DATABASE()";
    for (prefix, sql) in [
        ("table", format!("SELECT TABLE_NAME, TABLE_TYPE, TABLE_COMMENT FROM information_schema.TABLES WHERE {db}")),
        ("column", format!("SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA, COLUMN_COMMENT FROM information_schema.COLUMNS WHERE {db}")),
        ("index", format!("SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, GROUP_CONCAT(CONCAT(COLUMN_NAME, ' ', COALESCE(COLLATION, '')) ORDER BY SEQ_IN_INDEX) FROM information_schema.STATISTICS WHERE {db} GROUP BY TABLE_NAME, INDEX_NAME, NON_UNIQUE")),
        ("constraint", format!("SELECT TABLE_NAME, CONSTRAINT_NAME, CONSTRAINT_TYPE FROM information_schema.TABLE_CONSTRAINTS WHERE {db}")),
        ("check", "SELECT TABLE_NAME, CONSTRAINT_NAME, CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE()".to_string()),
        ("foreign_key", "SELECT r.TABLE_NAME, r.CONSTRAINT_NAME, r.REFERENCED_TABLE_NAME, r.UPDATE_RULE, r.DELETE_RULE, (SELECT GROUP_CONCAT(CONCAT(k.COLUMN_NAME, '->', k.REFERENCED_COLUMN_NAME) ORDER BY k.ORDINAL_POSITION) FROM information_schema.KEY_COLUMN_USAGE k WHERE k.CONSTRAINT_SCHEMA = r.CONSTRAINT_SCHEMA AND k.TABLE_NAME = r.TABLE_NAME AND k.CONSTRAINT_NAME = r.CONSTRAINT_NAME) FROM information_schema.REFERENTIAL_CONSTRAINTS r WHERE r.CONSTRAINT_SCHEMA = DATABASE()".to_string()),
        ("view", format!("SELECT TABLE_NAME FROM information_schema.VIEWS WHERE {db}")),
        ("trigger", "SELECT TRIGGER_NAME, EVENT_OBJECT_TABLE FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE()".to_string()),
        ("routine", "SELECT ROUTINE_NAME, ROUTINE_TYPE FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = DATABASE()".to_string()),
    ] {
        out.extend(lines(conn, prefix, &sql)?);
    }
    Ok(out)
}

/// What differs: lines only in `expected` (-) and only in `actual` (+).
pub fn diff(expected: &BTreeSet<String>, actual: &BTreeSet<String>) -> Vec<String> {
    let mut out: Vec<String> = expected
        .difference(actual)
        .map(|l| format!("- {l}"))
        .collect();
    out.extend(actual.difference(expected).map(|l| format!("+ {l}")));
    out
}

/// Helper objects a finished plan must not leave: triggers and procedures of migc, shadow
/// columns, temporary names.
pub fn leftovers(actual: &BTreeSet<String>) -> Vec<String> {
    actual
        .iter()
        .filter(|l| {
            l.starts_with("trigger migc_") || l.starts_with("routine migc_") || l.contains("__migc")
        })
        .cloned()
        .collect()
}
