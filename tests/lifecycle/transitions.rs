//! What the checks need to know about the change between two schemas: which tables stay (and
//! under which name), how a column of one shape is computed from a row of the other (renames,
//! `up`, `down`), and which enum labels are renamed or dropped.

use migc_compiler::schema::{ColumnType, Schema};
use migc_stdlib::Dialect;
use std::collections::BTreeMap;

/// How a column of one shape is computed from a row of the other shape.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Derivation {
    /// The value of this column (renamed or kept).
    Column(String),
    /// An expression in the dialect over the other shape's columns, and the columns it reads.
    Expr(String, Vec<String>),
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

/// A (table, column) pair.
pub type Key = (String, String);

#[derive(Clone, Debug, Default)]
pub struct Transitions {
    /// Old table name -> new table name, for tables in both shapes.
    pub tables: BTreeMap<String, String>,
    /// (new table, new column) -> from the old row.
    pub up: BTreeMap<Key, Derivation>,
    /// (old table, old column) -> from the new row.
    pub down: BTreeMap<Key, Derivation>,
    /// enum -> old label -> new label (renamed at contract).
    pub enum_renames: BTreeMap<String, BTreeMap<String, String>>,
    /// enum -> labels the target drops (rows leave them before contract, by a data fix).
    pub enum_drops: BTreeMap<String, Vec<String>>,
}

impl Transitions {
    /// `shadows`: the shadow columns (`table.shadow`) the new version sees under their columns'
    /// names ([`super::plan::Plan::seen_through_shadow`]).
    pub fn new(
        from: &Schema,
        to: &Schema,
        dialect: Dialect,
        shadows: &std::collections::BTreeSet<String>,
    ) -> Transitions {
        let expr = |sql: &str| {
            Derivation::Expr(
                migc_planner::sql::render(sql, dialect, None).unwrap_or_else(|_| sql.to_string()),
                migc_planner::sql::identifiers(sql),
            )
        };
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
                let in_place = old.column(&c.name).is_some();
                if let (Some(tr), false) = (&c.transform, in_place) {
                    t.up.insert(key_new(&c.name), expr(&tr.up.sql));
                    // The deployed column from the new row, when it leaves with no other way
                    // to be filled.
                    if let (Some(down), [source]) = (&tr.down, tr.from.as_slice()) {
                        if table.column(source).is_none()
                            && !table.retired.iter().any(|r| &r.name == source)
                        {
                            t.down.insert(key_old(source), expr(&down.sql));
                        }
                    }
                } else if let (Some(r), false) = (&c.renamed_from, in_place) {
                    if old.column(r).is_some() {
                        t.up.insert(key_new(&c.name), Derivation::Column(r.clone()));
                        t.down
                            .insert(key_old(r), Derivation::Column(c.name.clone()));
                    }
                } else if in_place
                    && shadows.contains(&format!(
                        "{old_name}.{}",
                        migc_planner::names::shadow(&c.name)
                    ))
                {
                    // Retyped, and seen by the new version through its shadow: `up` one way,
                    // `down` (or a cast to the deployed type) the other.
                    let quoted = migc_planner::sql::quote(&c.name, dialect);
                    // An enum rebuilt with renamed labels maps them, each way.
                    let renamed: Vec<(String, String)> = match &c.ty {
                        ColumnType::Enum { name } => to.enums.get(name).map_or(Vec::new(), |e| {
                            e.values
                                .iter()
                                .filter_map(|v| v.renamed_from.clone().map(|r| (r, v.name.clone())))
                                .collect()
                        }),
                        _ => Vec::new(),
                    };
                    if !renamed.is_empty() {
                        let lit = |s: &str| migc_planner::sql::literal(s, dialect);
                        // MySQL casts to CHAR, not TEXT.
                        let text = if dialect == Dialect::Mysql {
                            "CHAR"
                        } else {
                            "TEXT"
                        };
                        let map = |pairs: Vec<(String, String)>| {
                            let arms: String = pairs
                                .iter()
                                .map(|(a, b)| format!(" WHEN {} THEN {}", lit(a), lit(b)))
                                .collect();
                            Derivation::Expr(
                                format!(
                                    "CASE CAST({quoted} AS {text}){arms} ELSE CAST({quoted} AS {text}) END"
                                ),
                                vec![c.name.clone()],
                            )
                        };
                        t.up.insert(key_new(&c.name), map(renamed.clone()));
                        let back = renamed.into_iter().map(|(a, b)| (b, a)).collect();
                        t.down.insert(key_old(&c.name), map(back));
                        continue;
                    }
                    let tr = c.transform.as_ref().filter(|t| t.from.contains(&c.name));
                    let up =
                        tr.map_or_else(|| Derivation::Column(c.name.clone()), |t| expr(&t.up.sql));
                    t.up.insert(key_new(&c.name), up);
                    let down = tr.and_then(|t| t.down.as_ref()).map_or_else(
                        || Derivation::Expr(quoted, vec![c.name.clone()]),
                        |d| expr(&d.sql),
                    );
                    t.down.insert(key_old(&c.name), down);
                } else if in_place {
                    // Kept; a type changed in place keeps the deployed column until contract.
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

    /// The label a value of enum type `ty` has after contract.
    pub fn renamed_label<'a>(&'a self, ty: &ColumnType, label: &'a str) -> &'a str {
        match ty {
            ColumnType::Enum { name } => self
                .enum_renames
                .get(name)
                .and_then(|m| m.get(label))
                .map_or(label, String::as_str),
            _ => label,
        }
    }
}
