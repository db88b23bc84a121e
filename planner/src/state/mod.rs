//! The schema as it stands at a step of the plan: the deployed schema advanced by every step
//! before it ([`Op::apply`], planner/src/state/apply.rs, the one place that says what each
//! operation changes). Lowering reads it where a statement restates what exists at that point:
//! MySQL's `MODIFY COLUMN` replaces a column's whole definition (so a step that changes one
//! attribute restates the others as they are, and its rollback as they were), an enum's members
//! are spelled in its column types, a table copy carries the table's keys, and SQLite's rebuild
//! writes a table's whole definition (its columns, keys, checks, indexes, dual-write triggers
//! and the indexes and triggers native blocks made on it).
//!
//! Each column has an identity that renames keep ([`Col::id`]): it tells which column of one
//! state is which of another (what a table rebuild copies where). Constraints added for new rows
//! only (`NOT VALID`) are kept apart from those every row meets until a step validates them.

mod apply;
mod native;
mod table;

pub use native::NativeObject;
pub use table::{Col, Table};

use native::native_objects;

use migc_compiler::schema::{Column, ColumnType, ForeignKey, Schema, View};
use std::collections::BTreeMap;

/// The tables, enums, views and renamed tables' aliases at a step of the plan.
#[derive(Clone, Debug, Default)]
pub struct State {
    tables: BTreeMap<String, Table>,
    enums: BTreeMap<String, Vec<String>>,
    views: BTreeMap<String, View>,
    /// Views standing for renamed tables until contract: alias -> table.
    aliases: BTreeMap<String, String>,
    /// The identity the next column gets.
    next_id: u32,
}

impl State {
    /// The deployed state.
    pub fn deployed(from: &Schema) -> State {
        let mut state = State {
            enums: from
                .enums
                .values()
                .map(|e| {
                    (
                        e.name.clone(),
                        e.values.iter().map(|v| v.name.clone()).collect(),
                    )
                })
                .collect(),
            views: from.views.clone(),
            ..State::default()
        };
        for t in from.tables.values() {
            let table = state.table_of(t);
            state.tables.insert(t.name.clone(), table);
        }
        for (name, n) in &from.natives {
            state.run_native(name, &n.up);
        }
        state
    }

    /// A declared table as the state holds it, its columns given new identities, its unique
    /// constraints first among its indexes as the unique indexes that enforce them (a table the
    /// plan creates has its other indexes and its foreign keys added by steps of their own).
    fn table_of(&mut self, t: &migc_compiler::schema::Table) -> Table {
        let columns = t
            .columns
            .iter()
            .map(|c| {
                self.next_id += 1;
                Col {
                    id: self.next_id,
                    def: c.clone(),
                }
            })
            .collect();
        Table {
            name: t.name.clone(),
            columns,
            primary_key: t.primary_key.clone(),
            checks: t.checks.clone(),
            foreign_keys: t.foreign_keys.clone(),
            indexes: t
                .uniques
                .iter()
                .map(table::unique_index)
                .chain(t.indexes.iter().cloned())
                .collect(),
            not_valid_checks: Vec::new(),
            not_valid_foreign_keys: Vec::new(),
            not_null_checks: Vec::new(),
            sync: None,
            natives: Vec::new(),
            strict: t.strict,
            without_rowid: t.without_rowid,
        }
    }

    /// A table as it stands.
    pub fn table(&self, name: &str) -> Option<&Table> {
        self.tables.get(name)
    }

    /// The tables as they stand, by name.
    pub fn tables(&self) -> impl Iterator<Item = &Table> {
        self.tables.values()
    }

    /// The foreign keys of a table as they stand.
    pub fn foreign_keys(&self, table: &str) -> &[ForeignKey] {
        self.tables
            .get(table)
            .map_or(&[], |t| t.foreign_keys.as_slice())
    }

    pub fn column(&self, table: &str, column: &str) -> Option<&Column> {
        self.tables.get(table)?.col(column).map(|c| &c.def)
    }

    /// The table's columns as they stand.
    pub fn columns(&self, table: &str) -> Vec<&Column> {
        self.tables
            .get(table)
            .map(|t| t.columns.iter().map(|c| &c.def).collect())
            .unwrap_or_default()
    }

    /// A column the plan does not declare (a generated column behind an index).
    pub fn add_column(&mut self, table: &str, column: Column) {
        self.next_id += 1;
        let id = self.next_id;
        if let Some(t) = self.tables.get_mut(table) {
            t.columns.push(Col { id, def: column });
        }
    }

    pub fn enum_values(&self, name: &str) -> Option<&Vec<String>> {
        self.enums.get(name)
    }

    /// The tables and columns whose type is the enum.
    pub fn enum_columns(&self, name: &str) -> Vec<(String, Column)> {
        let mut out = Vec::new();
        for t in self.tables.values() {
            for c in &t.columns {
                if matches!(&c.def.ty, ColumnType::Enum { name: n } if n == name) {
                    out.push((t.name.clone(), c.def.clone()));
                }
            }
        }
        out
    }

    /// A view as it stands (not the aliases of renamed tables).
    pub fn view(&self, name: &str) -> Option<&View> {
        self.views.get(name)
    }

    /// The table a view standing for a renamed table stands for.
    pub fn alias(&self, name: &str) -> Option<&str> {
        self.aliases.get(name).map(String::as_str)
    }

    /// Puts a table back as a rollback leaves it (`None`: the rollback removes it). Only a
    /// walk back from the state a phase leaves uses it; the plan itself advances by
    /// [`Op::apply`](crate::step::Op::apply).
    pub fn restore(&mut self, name: &str, table: Option<Table>) {
        match table {
            Some(t) => {
                self.tables.insert(name.to_string(), t);
            }
            None => {
                self.tables.remove(name);
            }
        }
    }

    /// Records that native block `block` ran `statements`: its indexes and triggers on tables
    /// are those they create.
    fn run_native(&mut self, block: &str, statements: &[String]) {
        for t in self.tables.values_mut() {
            t.natives.retain(|n| n.block != block);
        }
        for (table, object) in native_objects(block, statements) {
            if let Some(t) = self.tables.get_mut(&table) {
                t.natives.push(object);
            }
        }
    }
}
