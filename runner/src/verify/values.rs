//! Generated values: deterministic functions of (table, column, row number), so that a foreign
//! key's value is the value of the referenced column in the parent's row of the same number and
//! rows satisfy keys, uniques and foreign keys without bookkeeping.

use migc_compiler::schema::{Column, ColumnType, Schema, Table};
use migc_planner::sql::Literal;
use migc_stdlib::Dialect;

/// A text literal.
fn text(dialect: Dialect, s: &str) -> String {
    dialect.behaviour().quote_literal(s)
}

/// `n` as letters (`A`, `B`, … `AA`), at most `len` of them.
fn letters(n: u64, len: usize) -> String {
    let mut out = Vec::new();
    let mut v = n;
    for _ in 0..len.max(1) {
        out.push(b'a' + (v % 26) as u8);
        v /= 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// The literal a row writes into a column (`NULL` when `null`). `variant` varies the choices
/// that can break a check (enum labels, booleans, nullable columns).
pub fn literal(
    dialect: Dialect,
    schema: &Schema,
    table: &Table,
    col: &Column,
    n: u64,
    variant: u64,
) -> String {
    let is_key = table
        .primary_key
        .as_ref()
        .is_some_and(|p| p.columns.contains(&col.name));
    // Keys, uniques and foreign keys count rows; other numbers stay small, as checks such as
    // `between 1 and 5` or `reserved <= quantity` expect of real data.
    let number = if is_key || keyed(table, &col.name) {
        n
    } else {
        n % 5 + 1
    };
    if col.nullable && !is_key && variant % 2 == 1 {
        return "NULL".into();
    }
    // A foreign key's column takes the referenced column's value in the parent's row `n`.
    for fk in &table.foreign_keys {
        let Some(i) = fk.columns.iter().position(|c| c == &col.name) else {
            continue;
        };
        if fk.ref_table == table.name && col.nullable {
            return "NULL".into();
        }
        if let (Some(parent), Some(rc)) = (schema.tables.get(&fk.ref_table), fk.ref_columns.get(i))
        {
            if let Some(pc) = parent.column(rc) {
                if fk.ref_table != table.name {
                    return literal(dialect, schema, parent, pc, n, 0);
                }
            }
        }
    }
    // A check that lists the column's values gives them (`status in ('draft', 'sent')`).
    let listed = table
        .checks
        .iter()
        .find_map(|ck| migc_planner::sql::allowed_values(&ck.expr.sql, &col.name));
    if let Some(values) = listed {
        return match &values[(n + variant / 2) as usize % values.len()] {
            Literal::Text(v) => text(dialect, v),
            Literal::Number(v) => v.clone(),
        };
    }
    match &col.ty {
        ColumnType::Enum { name } => {
            let labels: Vec<&str> = schema
                .enums
                .get(name)
                .map(|e| e.values.iter().map(|v| v.name.as_str()).collect())
                .unwrap_or_default();
            if labels.is_empty() {
                return "NULL".into();
            }
            let label = labels[((n + variant / 2) as usize) % labels.len()];
            text(dialect, label)
        }
        ColumnType::Native { spellings } => {
            let s = spellings
                .get(&dialect)
                .map(|s| s.to_ascii_lowercase())
                .unwrap_or_default();
            // The length a `char(n)`/`varchar(n)`-like spelling allows.
            let length = s
                .split_once('(')
                .and_then(|(_, rest)| rest.split([')', ',']).next())
                .and_then(|n| n.trim().parse::<usize>().ok());
            let word = s.split(['(', ' ']).next().unwrap_or("");
            if s.contains("int") && !s.contains("interval") {
                number.to_string()
            } else if matches!(word, "timestamp" | "datetime" | "timestamptz") {
                text(
                    dialect,
                    &format!(
                        "2024-{:02}-{:02} {:02}:{:02}:00",
                        n % 12 + 1,
                        n % 28 + 1,
                        n % 24,
                        n % 60
                    ),
                )
            } else if word == "date" {
                text(
                    dialect,
                    &format!("2024-{:02}-{:02}", n % 12 + 1, n % 28 + 1),
                )
            } else if word == "time" || word == "timetz" {
                text(dialect, &format!("{:02}:{:02}:00", n % 24, n % 60))
            } else if word == "year" {
                (2000 + n % 100).to_string()
            } else if matches!(
                word,
                "double" | "float" | "real" | "numeric" | "decimal" | "money"
            ) {
                number.to_string()
            } else if word == "uuid" {
                text(
                    dialect,
                    &format!("00000000-0000-4000-8000-{:012}", n % 1_000_000_000_000),
                )
            } else if matches!(word, "char" | "character" | "nchar" | "bpchar")
                && !s.contains("varying")
            {
                text(dialect, &letters(n, length.unwrap_or(1).clamp(1, 8)))
            } else if let Some(max) = length.filter(|_| word.contains("char")) {
                let full = format!("{}-{n}", col.name).to_uppercase();
                if full.len() <= max {
                    text(dialect, &full)
                } else {
                    text(dialect, &letters(n, max.min(8)))
                }
            } else if s == "inet" || s == "cidr" {
                text(
                    dialect,
                    &format!("10.{}.{}.{}", n / 65536 % 256, n / 256 % 256, n % 256),
                )
            } else if s.contains("json") {
                text(dialect, &format!("{{\"n\": {n}}}"))
            } else if s == "interval" {
                text(dialect, &format!("{number} hours"))
            } else {
                text(dialect, &format!("{} {n}", col.name).to_uppercase())
            }
        }
        ColumnType::Builtin { name, args } => match name.as_str() {
            "int16" => (number % 30_000).max(1).to_string(),
            "int32" | "int64" => number.to_string(),
            "decimal" => {
                let digits = args.first().copied().unwrap_or(10);
                let scale = args.get(1).copied().unwrap_or(0);
                let room = 10u64.pow(digits.saturating_sub(scale).clamp(1, 9) as u32);
                (number % room.max(2)).max(1).to_string()
            }
            "float32" | "float64" => format!("{number}.5"),
            "bool" => if (n + variant / 2) % 2 == 0 {
                "TRUE"
            } else {
                "FALSE"
            }
            .to_string(),
            "varchar" | "char" => {
                let max = args.first().copied().unwrap_or(255) as usize;
                let full = format!("{}-{n}", col.name).to_uppercase();
                if full.len() <= max {
                    text(dialect, &full)
                } else {
                    text(dialect, &letters(n, max.min(8)))
                }
            }
            "uuid" => text(
                dialect,
                &format!("00000000-0000-4000-8000-{:012}", n % 1_000_000_000_000),
            ),
            "date" => text(
                dialect,
                &format!("2024-{:02}-{:02}", n % 12 + 1, n % 28 + 1),
            ),
            "time" => text(dialect, &format!("{:02}:{:02}:00", n % 24, n % 60)),
            "timestamp" | "timestamptz" => text(
                dialect,
                &format!(
                    "2024-{:02}-{:02} {:02}:{:02}:00",
                    n % 12 + 1,
                    n % 28 + 1,
                    n % 24,
                    n % 60
                ),
            ),
            "json" => text(dialect, &format!("{{\"n\": {n}}}")),
            "bytes" => dialect.behaviour().bytes_literal(&format!("{n:016x}")),
            // Upper case: checks such as `key = upper(key)` hold.
            _ => text(dialect, &format!("{} {n}", col.name).to_uppercase()),
        },
    }
}

/// Whether the column is in a primary key, a unique constraint or index, or a foreign key.
fn keyed(table: &Table, c: &str) -> bool {
    table
        .primary_key
        .as_ref()
        .is_some_and(|p| p.columns.iter().any(|k| k == c))
        || table
            .uniques
            .iter()
            .any(|u| u.columns.iter().any(|k| k == c))
        || table
            .foreign_keys
            .iter()
            .any(|f| f.columns.iter().any(|k| k == c))
        || table
            .indexes
            .iter()
            .any(|i| i.unique && i.parts.iter().any(|p| p.column.as_deref() == Some(c)))
}

/// A column the update of an application may change: not in a key, a unique or a foreign key,
/// of a text or integer type.
pub fn updatable(table: &Table) -> Option<&Column> {
    table.columns.iter().find(|c| {
        !keyed(table, &c.name)
            && c.generated.is_none()
            && matches!(&c.ty, ColumnType::Builtin { name, .. } if name == "text")
    })
}

/// Tables in an order rows can be inserted (parents first; cycles broken anywhere).
pub fn insert_order(schema: &Schema) -> Vec<String> {
    let mut left: Vec<&String> = schema.tables.keys().collect();
    let mut out: Vec<String> = Vec::new();
    while !left.is_empty() {
        let ready = left.iter().position(|t| {
            schema.tables[*t].foreign_keys.iter().all(|fk| {
                fk.ref_table == **t
                    || out.contains(&fk.ref_table)
                    || !schema.tables.contains_key(&fk.ref_table)
            })
        });
        out.push(left.remove(ready.unwrap_or(0)).clone());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_count_in_base_26() {
        assert_eq!(letters(0, 2), "aa");
        assert_eq!(letters(27, 2), "bb");
        assert_eq!(letters(5, 1), "f");
    }
}
