//! Plans made with the real `migc` binary, the schemas they come from (via `migc snapshot`), and
//! the transitions between two schemas that the row checks need (renames, `up`/`down`).

use migc_compiler::schema::Schema;
use migc_stdlib::Dialect;
use std::collections::BTreeMap;
use std::path::Path;

pub use super::plan_support::{data_cases, example_pairs, root, snapshot, Plan};

/// A plan for PostgreSQL.
pub fn plan(from: &str, to: &str, out: &Path) -> Result<Plan, String> {
    super::plan_support::plan(from, to, "postgres", out)
}

/// How a column of one shape is computed from a row of the other shape.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Derivation {
    /// The value of this column (renamed or kept).
    Column(String),
    /// A PostgreSQL expression over the other shape's columns, and the columns it reads.
    Expr(String, Vec<String>),
}

/// What the checks need to know about the change between two schemas.
#[derive(Clone, Debug, Default)]
pub struct Transitions {
    /// Old table name -> new table name, for tables in both shapes.
    pub tables: BTreeMap<String, String>,
    /// (new table, new column) -> from the old row.
    pub up: BTreeMap<(String, String), Derivation>,
    /// (old table, old column) -> from the new row.
    pub down: BTreeMap<(String, String), Derivation>,
    /// enum -> old label -> new label.
    pub enum_renames: BTreeMap<String, BTreeMap<String, String>>,
    /// enum -> labels the target drops (rows must leave them before contract).
    pub enum_drops: BTreeMap<String, Vec<String>>,
}

fn render(sql: &str) -> String {
    migc_planner::sql::render(sql, Dialect::Postgres, None).unwrap_or_else(|_| sql.to_string())
}

fn expr(sql: &str) -> Derivation {
    Derivation::Expr(render(sql), migc_planner::sql::identifiers(sql))
}

impl Derivation {
    /// The columns of the other shape it reads.
    pub fn sources(&self) -> Vec<String> {
        match self {
            Derivation::Column(c) => vec![c.clone()],
            Derivation::Expr(_, s) => s.clone(),
        }
    }
}

impl Transitions {
    pub fn new(from: &Schema, to: &Schema) -> Transitions {
        let mut t = Transitions::default();
        for table in to.tables.values() {
            let old_name = match &table.renamed_from {
                Some(r) if from.tables.contains_key(r) => r.clone(),
                _ => table.name.clone(),
            };
            let Some(old) = from.tables.get(&old_name) else {
                continue;
            };
            t.tables.insert(old_name.clone(), table.name.clone());
            let key_new = |c: &str| (table.name.clone(), c.to_string());
            let key_old = |c: &str| (old_name.clone(), c.to_string());
            for c in &table.columns {
                if let Some(tr) = &c.transform {
                    t.up.insert(key_new(&c.name), expr(&tr.up.sql));
                    if let (Some(down), [source]) = (&tr.down, tr.from.as_slice()) {
                        t.down.insert(key_old(source), expr(&down.sql));
                    }
                } else if let Some(r) = &c.renamed_from {
                    if old.column(r).is_some() {
                        t.up.insert(key_new(&c.name), Derivation::Column(r.clone()));
                        t.down
                            .insert(key_old(r), Derivation::Column(c.name.clone()));
                    }
                } else if old.column(&c.name).is_some() {
                    t.up.insert(key_new(&c.name), Derivation::Column(c.name.clone()));
                    t.down
                        .entry(key_old(&c.name))
                        .or_insert_with(|| Derivation::Column(c.name.clone()));
                }
            }
            for r in &table.retired {
                if let Some(down) = &r.down {
                    t.down.insert(key_old(&r.name), expr(&down.sql));
                }
            }
        }
        for e in to.enums.values() {
            let renames: BTreeMap<String, String> = e
                .values
                .iter()
                .filter_map(|v| v.renamed_from.clone().map(|r| (r, v.name.clone())))
                .collect();
            if !renames.is_empty() {
                t.enum_renames.insert(e.name.clone(), renames);
            }
            if !e.dropped_values.is_empty() {
                t.enum_drops
                    .insert(e.name.clone(), e.dropped_values.keys().cloned().collect());
            }
        }
        t
    }

    /// The new name of an old table, if it stays.
    pub fn new_table(&self, old: &str) -> Option<&str> {
        self.tables.get(old).map(String::as_str)
    }

    /// The old name of a new table, if it existed.
    pub fn old_table(&self, new: &str) -> Option<&str> {
        self.tables
            .iter()
            .find(|(_, n)| n.as_str() == new)
            .map(|(o, _)| o.as_str())
    }
}
