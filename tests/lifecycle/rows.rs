//! Rows as text, read through one shape's names and keyed by its primary key, and the
//! comparison of two readings (what a rollback or contract must keep).

use migc_compiler::schema::{Schema, Table};
use migc_db::Connection;
use migc_stdlib::Dialect;
use std::collections::{BTreeMap, BTreeSet};

/// A row as text, `None` for NULL.
pub type Row = BTreeMap<String, Option<String>>;

/// Every row of every table of a shape: table -> key text -> row.
pub type Rows = BTreeMap<String, BTreeMap<String, Row>>;

pub fn pk(t: &Table) -> Vec<String> {
    t.primary_key
        .as_ref()
        .map(|p| p.columns.clone())
        .unwrap_or_default()
}

/// `a=1,b=x`: the key of a row, to find it again.
pub fn key_text(pk: &[String], row: &Row) -> String {
    pk.iter()
        .map(|c| {
            let v = row.get(c).cloned().flatten();
            format!("{c}={}", v.as_deref().unwrap_or("NULL"))
        })
        .collect::<Vec<_>>()
        .join(",")
}

pub fn show(row: &Row) -> String {
    let parts: Vec<String> = row
        .iter()
        .map(|(k, v)| format!("{k}={}", v.as_deref().unwrap_or("NULL")))
        .collect();
    format!("{{{}}}", parts.join(", "))
}

/// `SELECT "a", "b" FROM "t"`, the columns of the shape's table.
pub fn select_list(dialect: Dialect, t: &Table) -> String {
    t.columns
        .iter()
        .map(|c| dialect.quote_ident(&c.name))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Zips a result row with the table's columns.
pub fn to_row(t: &Table, values: Vec<Option<String>>) -> Row {
    t.columns
        .iter()
        .map(|c| c.name.clone())
        .zip(values)
        .collect()
}

/// Every row of a table, by key text.
pub fn read_table(conn: &mut dyn Connection, t: &Table) -> Result<BTreeMap<String, Row>, String> {
    let d = conn.dialect();
    let sql = format!(
        "SELECT {} FROM {}",
        select_list(d, t),
        d.quote_ident(&t.name)
    );
    let rows = conn
        .query(&sql)
        .map_err(|e| format!("reading {}: {e}\n      {sql}", t.name))?;
    let pk = pk(t);
    Ok(rows
        .into_iter()
        .map(|r| {
            let row = to_row(t, r);
            (key_text(&pk, &row), row)
        })
        .collect())
}

/// Every row of every table of a shape.
pub fn read(conn: &mut dyn Connection, schema: &Schema) -> Result<Rows, String> {
    let mut out = Rows::new();
    for t in schema.tables.values() {
        out.insert(t.name.clone(), read_table(conn, t)?);
    }
    Ok(out)
}

/// Rows of `expected` that `actual` lacks or holds differently. Columns in `skip` (by table and
/// column, `*` for a whole table) are not compared; rows in `exists_only` (by table and key
/// text) are only looked for.
pub fn compare(
    expected: &Rows,
    actual: &Rows,
    skip: &BTreeSet<(String, String)>,
    exists_only: &BTreeSet<(String, String)>,
) -> Vec<String> {
    let mut out = Vec::new();
    for (table, rows) in expected {
        if skip.contains(&(table.clone(), "*".to_string())) {
            continue;
        }
        let Some(now) = actual.get(table) else {
            out.push(format!(
                "table {table} and its {} rows are gone",
                rows.len()
            ));
            continue;
        };
        for (key, row) in rows {
            match now.get(key) {
                None => out.push(format!("{table} row {key} is gone (was {})", show(row))),
                Some(_) if exists_only.contains(&(table.clone(), key.clone())) => {}
                Some(r) => {
                    let wrong: Vec<String> = row
                        .iter()
                        .filter(|(c, _)| !skip.contains(&(table.clone(), (*c).clone())))
                        .filter(|(c, v)| r.get(*c) != Some(v))
                        .map(|(c, v)| {
                            format!("{c}: was {v:?}, now {:?}", r.get(c).cloned().flatten())
                        })
                        .collect();
                    if !wrong.is_empty() {
                        out.push(format!("{table} row {key}: {}", wrong.join("; ")));
                    }
                }
            }
        }
    }
    out
}
