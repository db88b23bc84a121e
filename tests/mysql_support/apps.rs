//! The two application versions: each reads and writes every table of its schema (the old
//! one the deployed shape, the new one the target shape) with plain SQL, as an application
//! would, naming only the columns it knows.

use super::db::rows;
use migc_compiler::schema::{ColumnType, Schema, Table};
use mysql::prelude::Queryable;
use mysql::Conn;

fn q(name: &str) -> String {
    format!("`{}`", name.replace('`', "``"))
}

/// Tables in an order where referenced tables come first.
fn insert_order(schema: &Schema) -> Vec<&Table> {
    let mut done: Vec<&str> = Vec::new();
    let mut out = Vec::new();
    let tables: Vec<&Table> = schema.tables.values().collect();
    for _ in 0..tables.len() + 1 {
        for t in &tables {
            if done.contains(&t.name.as_str()) {
                continue;
            }
            let ready = t.foreign_keys.iter().all(|f| {
                f.ref_table == t.name
                    || done.contains(&f.ref_table.as_str())
                    || !schema.tables.contains_key(&f.ref_table)
            });
            if ready {
                done.push(&t.name);
                out.push(*t);
            }
        }
    }
    out
}

/// The column's position in `table` spreads timestamps within a row, so that a check that one
/// comes after another (`expires_at > created_at`) holds when the later column is; integers
/// outside keys stay small (1 to 4), as checks on them usually bound a small range.
fn value(
    schema: &Schema,
    ty: &ColumnType,
    n: u64,
    column: &str,
    table: &Table,
    other: Option<&Table>,
) -> String {
    let ordinal = ordinal(table, column);
    let keyed = std::iter::once(table)
        .chain(other)
        .any(|t| keyed(t, column));
    match ty {
        ColumnType::Builtin { name, args } => match name.as_str() {
            "bool" => "TRUE".into(),
            "int16" | "int32" | "int64" if !keyed => format!("{}", n % 4 + 1),
            "int16" | "int32" | "int64" => format!("{}", n % 30000 + 1),
            "decimal" => {
                let p = args.first().copied().unwrap_or(10);
                let s = args.get(1).copied().unwrap_or(0);
                let whole = (n % 10u64.pow(((p - s).min(4)) as u32)).max(1);
                if s > 0 {
                    format!("{whole}.5")
                } else {
                    whole.to_string()
                }
            }
            "float32" | "float64" => format!("{}.25", n % 1000),
            "varchar" => {
                let max = args.first().copied().unwrap_or(10) as usize;
                let mut text = format!("{}{n}", &column[..column.len().min(3)]);
                if text.len() > max {
                    // Too short for the row number in decimal: base 36 keeps short keys
                    // (a 2-character code) distinct for the row numbers the tests use.
                    let digits = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
                    let mut m = n;
                    let mut code = Vec::new();
                    for _ in 0..max {
                        code.push(digits[(m % 36) as usize] as char);
                        m /= 36;
                    }
                    text = code.into_iter().rev().collect();
                }
                let text: String = text
                    .chars()
                    .rev()
                    .take(max)
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect();
                format!("'{text}'")
            }
            "text" => format!("'{column} {n}'"),
            "bytes" => format!("X'{:04x}'", n % 65536),
            "uuid" => format!("'00000000-0000-4000-8000-{n:012}'"),
            "date" => format!("'2024-01-{:02}'", n % 28 + 1),
            "time" => format!("'12:{:02}:00'", n % 60),
            "timestamp" | "timestamptz" => {
                format!("'2024-01-{:02} 10:{:02}:00'", n % 28 + 1, ordinal % 60)
            }
            "json" => format!("'{{\"n\": {n}}}'"),
            _ => "NULL".into(),
        },
        ColumnType::Enum { name } => schema
            .enums
            .get(name)
            .and_then(|e| e.values.first())
            .map(|v| format!("'{}'", v.name))
            .unwrap_or_else(|| "NULL".into()),
        ColumnType::Native { spellings } => {
            match spellings
                .get(&migc_stdlib::Dialect::Mysql)
                .map(|t| t.to_ascii_lowercase())
            {
                Some(t) if t == "json" => format!("'{{\"n\": {n}}}'"),
                Some(t) if t.contains("char") || t.contains("text") => format!("'{column} {n}'"),
                _ => "NULL".into(),
            }
        }
    }
}

/// Whether the column is part of the table's primary key or of a unique key or index.
fn keyed(table: &Table, column: &str) -> bool {
    table
        .primary_key
        .iter()
        .any(|p| p.columns.iter().any(|c| c == column))
        || table
            .uniques
            .iter()
            .any(|u| u.columns.iter().any(|c| c == column))
        || table
            .indexes
            .iter()
            .any(|i| i.unique && i.parts.iter().any(|p| p.column.as_deref() == Some(column)))
}

/// The position of a column in its table.
fn ordinal(t: &Table, column: &str) -> usize {
    t.columns.iter().position(|c| c.name == column).unwrap_or(0)
}

/// One application version.
pub struct App<'a> {
    pub name: &'static str,
    pub schema: &'a Schema,
    /// The other version's schema: its foreign keys tell which values must reference a row
    /// (a key this version does not declare yet, or no longer).
    pub other: &'a Schema,
}

impl App<'_> {
    /// Inserts one row into every table (parents first), then updates one row of every table
    /// and reads every table back. The error names the statement.
    pub fn round(&self, conn: &mut Conn, n: u64) -> Result<(), String> {
        for t in insert_order(self.schema) {
            self.insert(conn, t, n)?;
        }
        for t in insert_order(self.schema) {
            self.update(conn, t, n)?;
            self.read(conn, t)?;
        }
        Ok(())
    }

    pub fn insert(&self, conn: &mut Conn, t: &Table, n: u64) -> Result<(), String> {
        let mut cols = Vec::new();
        let mut vals = Vec::new();
        for c in &t.columns {
            if c.identity {
                continue;
            }
            let fk = t
                .foreign_keys
                .iter()
                .chain(
                    self.other
                        .tables
                        .get(&t.name)
                        .into_iter()
                        .flat_map(|o| o.foreign_keys.iter()),
                )
                // A key of the other version naming a table this one does not have (renamed,
                // or not made yet) gives no row to reference.
                .filter(|f| f.ref_table == t.name || self.schema.tables.contains_key(&f.ref_table))
                .find(|f| f.columns.contains(&c.name));
            let v = match fk {
                Some(f) => {
                    let i = f.columns.iter().position(|x| x == &c.name).unwrap_or(0);
                    let found = if f.ref_table == t.name {
                        None
                    } else {
                        rows(
                            conn,
                            &format!(
                                "SELECT {} FROM {} ORDER BY 1 DESC LIMIT 1",
                                q(&f.ref_columns[i]),
                                q(&f.ref_table)
                            ),
                        )?
                        .into_iter()
                        .next()
                        .and_then(|r| r.into_iter().next().flatten())
                    };
                    match found {
                        Some(v) => format!("'{}'", v.replace('\'', "''")),
                        None if c.nullable => "NULL".into(),
                        None => value(
                            self.schema,
                            &c.ty,
                            n,
                            &c.name,
                            t,
                            self.other.tables.get(&t.name),
                        ),
                    }
                }
                None => value(
                    self.schema,
                    &c.ty,
                    n,
                    &c.name,
                    t,
                    self.other.tables.get(&t.name),
                ),
            };
            cols.push(q(&c.name));
            vals.push(v);
        }
        let sql = format!(
            "INSERT INTO {} ({}) VALUES ({})",
            q(&t.name),
            cols.join(", "),
            vals.join(", ")
        );
        conn.query_drop(&sql)
            .map_err(|e| format!("{} app: {sql}: {e}", self.name))
    }

    /// Updates every plain column of one row to the value a new row would get.
    pub fn update(&self, conn: &mut Conn, t: &Table, n: u64) -> Result<(), String> {
        let key: Vec<&String> = t
            .primary_key
            .as_ref()
            .map(|p| p.columns.iter().collect())
            .unwrap_or_default();
        let sets: Vec<String> = t
            .columns
            .iter()
            .filter(|c| !c.identity && !key.contains(&&c.name))
            .filter(|c| {
                !t.foreign_keys
                    .iter()
                    .chain(
                        self.other
                            .tables
                            .get(&t.name)
                            .into_iter()
                            .flat_map(|o| o.foreign_keys.iter()),
                    )
                    .any(|f| f.columns.contains(&c.name))
            })
            .filter(|c| {
                !t.uniques.iter().any(|u| u.columns.contains(&c.name))
                    && !t.indexes.iter().any(|i| i.unique)
            })
            .map(|c| {
                format!(
                    "{} = {}",
                    q(&c.name),
                    value(
                        self.schema,
                        &c.ty,
                        n + 7,
                        &c.name,
                        t,
                        self.other.tables.get(&t.name)
                    )
                )
            })
            .collect();
        if sets.is_empty() {
            return Ok(());
        }
        let sql = format!("UPDATE {} SET {} LIMIT 1", q(&t.name), sets.join(", "));
        conn.query_drop(&sql)
            .map_err(|e| format!("{} app: {sql}: {e}", self.name))
    }

    pub fn read(&self, conn: &mut Conn, t: &Table) -> Result<(), String> {
        let cols: Vec<String> = t.columns.iter().map(|c| q(&c.name)).collect();
        let sql = format!("SELECT {} FROM {}", cols.join(", "), q(&t.name));
        rows(conn, &sql)
            .map(|_| ())
            .map_err(|e| format!("{} app: {e}", self.name))
    }

    /// The number of rows of every table, by name.
    pub fn counts(&self, conn: &mut Conn) -> Result<Vec<(String, u64)>, String> {
        let mut out = Vec::new();
        for t in self.schema.tables.values() {
            let r = rows(conn, &format!("SELECT count(*) FROM {}", q(&t.name)))?;
            let n = r
                .first()
                .and_then(|r| r.first().cloned().flatten())
                .and_then(|v| v.parse().ok())
                .unwrap_or(0);
            out.push((t.name.clone(), n));
        }
        Ok(out)
    }
}
