//! A table as it stands at a step of the plan.

use super::NativeObject;
use crate::step::Sync;
use migc_compiler::schema::{
    Check, Column, Expr, ForeignKey, Index, IndexPart, PrimaryKey, Unique,
};
use std::collections::BTreeMap;

/// A column with its identity.
#[derive(Clone, Debug)]
pub struct Col {
    /// The same through renames: a dropped column added again is another column.
    pub id: u32,
    pub def: Column,
}

/// A table's columns, keys, checks, indexes, the constraints waiting for validation, the
/// dual-write trigger installed on it, and what native blocks created on it.
#[derive(Clone, Debug)]
pub struct Table {
    pub name: String,
    pub columns: Vec<Col>,
    pub primary_key: Option<PrimaryKey>,
    /// Checks every row meets.
    pub checks: Vec<Check>,
    /// Foreign keys, those added for new rows only among them.
    pub foreign_keys: Vec<ForeignKey>,
    /// Indexes, in the order they were made; a unique constraint is among them as the unique
    /// index of its name that enforces it.
    pub indexes: Vec<Index>,
    /// Checks added for new rows only, until a step validates them (apart from `checks`: a
    /// redefined check may keep its name).
    pub not_valid_checks: Vec<Check>,
    /// The names of the foreign keys added for new rows only, until a step validates them.
    pub not_valid_foreign_keys: Vec<String>,
    /// `(check name, column)` of the checks that a column holds no null, waiting for its
    /// `NOT NULL`.
    pub not_null_checks: Vec<(String, String)>,
    /// The dual-write trigger installed for the overlap.
    pub sync: Option<Sync>,
    /// Indexes and triggers that native blocks created on the table.
    pub natives: Vec<NativeObject>,
    /// SQLite's `STRICT` and `WITHOUT ROWID` (a column's `AUTOINCREMENT` is in its definition).
    pub strict: bool,
    pub without_rowid: bool,
}

impl Table {
    pub fn col(&self, name: &str) -> Option<&Col> {
        self.columns.iter().find(|c| c.def.name == name)
    }

    pub fn col_mut(&mut self, name: &str) -> Option<&mut Col> {
        self.columns.iter_mut().find(|c| c.def.name == name)
    }

    /// The foreign keys every row meets (validated, or added for every row).
    pub fn valid_foreign_keys(&self) -> impl Iterator<Item = &ForeignKey> {
        self.foreign_keys
            .iter()
            .filter(|f| !self.not_valid_foreign_keys.contains(&f.name))
    }

    /// Renames every column named `from`, and the references to it in the table's keys,
    /// checks, indexes and not-null checks (the dual-write trigger keeps the names it was
    /// installed with).
    pub fn rename_column(&mut self, from: &str, to: &str) {
        let map: BTreeMap<String, String> = [(from.to_string(), to.to_string())].into();
        let rename = |e: &mut Expr| e.sql = crate::sql::rename_identifiers(&e.sql, &map);
        let rename_list = |cols: &mut Vec<String>| {
            for c in cols.iter_mut() {
                if c == from {
                    *c = to.to_string();
                }
            }
        };
        for c in &mut self.columns {
            if c.def.name == from {
                c.def.name = to.to_string();
            }
        }
        if let Some(pk) = &mut self.primary_key {
            rename_list(&mut pk.columns);
        }
        for ck in self
            .checks
            .iter_mut()
            .chain(self.not_valid_checks.iter_mut())
        {
            rename(&mut ck.expr);
        }
        for fk in &mut self.foreign_keys {
            rename_list(&mut fk.columns);
        }
        for i in &mut self.indexes {
            for p in &mut i.parts {
                rename(&mut p.expr);
                if p.column.as_deref() == Some(from) {
                    p.column = Some(to.to_string());
                }
            }
            if let Some(p) = &mut i.predicate {
                rename(p);
            }
        }
        for (_, c) in &mut self.not_null_checks {
            if c == from {
                *c = to.to_string();
            }
        }
    }
}

/// The unique index that enforces a unique constraint.
pub(super) fn unique_index(u: &Unique) -> Index {
    Index {
        name: u.name.clone(),
        unique: true,
        parts: u
            .columns
            .iter()
            .map(|c| IndexPart {
                expr: Expr {
                    sql: c.clone(),
                    origin: u.origin,
                },
                column: Some(c.clone()),
                descending: false,
            })
            .collect(),
        predicate: None,
        constraint: true,
        origin: u.origin,
    }
}
