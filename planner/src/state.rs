//! The schema as it stands at a step of the plan: the deployed schema advanced by every step
//! before it ([`Op::apply`]). Lowering reads it where a statement restates what exists at that
//! point: MySQL's `MODIFY COLUMN` replaces a column's whole definition (so a step that changes
//! one attribute restates the others as they are, and its rollback as they were), an enum's
//! members are spelled in its column types, and a table copy carries the table's keys.

use crate::step::Op;
use migc_compiler::schema::{Column, ColumnType, ForeignKey, Schema};
use std::collections::BTreeMap;

impl Op {
    /// Advances `state` past this operation.
    pub fn apply(&self, state: &mut State) {
        state.apply(self);
    }
}

/// The tables' columns and foreign keys, and the enums' members, at a step of the plan.
#[derive(Clone, Debug, Default)]
pub struct State {
    tables: BTreeMap<String, Vec<Column>>,
    enums: BTreeMap<String, Vec<String>>,
    /// The foreign keys of each table, as the deployed schema has them and the plan adds and
    /// drops them.
    foreign_keys: BTreeMap<String, Vec<ForeignKey>>,
}

impl State {
    /// The deployed state.
    pub fn deployed(from: &Schema) -> State {
        State {
            tables: from
                .tables
                .values()
                .map(|t| (t.name.clone(), t.columns.clone()))
                .collect(),
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
            foreign_keys: from
                .tables
                .values()
                .map(|t| (t.name.clone(), t.foreign_keys.clone()))
                .collect(),
        }
    }

    /// The foreign keys of a table as they stand.
    pub fn foreign_keys(&self, table: &str) -> &[ForeignKey] {
        self.foreign_keys.get(table).map_or(&[], Vec::as_slice)
    }

    pub fn column(&self, table: &str, column: &str) -> Option<&Column> {
        self.tables.get(table)?.iter().find(|c| c.name == column)
    }

    /// The table's columns as they stand.
    pub fn columns(&self, table: &str) -> Vec<&Column> {
        self.tables
            .get(table)
            .map(|c| c.iter().collect())
            .unwrap_or_default()
    }

    /// A column the plan does not declare (a generated column behind an index).
    pub fn add_column(&mut self, table: &str, column: Column) {
        self.tables
            .entry(table.to_string())
            .or_default()
            .push(column);
    }

    pub fn enum_values(&self, name: &str) -> Option<&Vec<String>> {
        self.enums.get(name)
    }

    /// The tables and columns whose type is the enum.
    pub fn enum_columns(&self, name: &str) -> Vec<(String, Column)> {
        let mut out = Vec::new();
        for (t, cols) in &self.tables {
            for c in cols {
                if matches!(&c.ty, ColumnType::Enum { name: n } if n == name) {
                    out.push((t.clone(), c.clone()));
                }
            }
        }
        out
    }

    fn column_mut(&mut self, table: &str, column: &str) -> Option<&mut Column> {
        self.tables
            .get_mut(table)?
            .iter_mut()
            .find(|c| c.name == column)
    }

    /// The state after the operation ([`Op::apply`]).
    fn apply(&mut self, op: &Op) {
        match op {
            Op::AddForeignKey { table, fk, .. } => {
                let list = self.foreign_keys.entry(table.clone()).or_default();
                list.retain(|k| k.name != fk.name);
                list.push(fk.clone());
            }
            Op::DropForeignKey { table, fk, .. } => {
                if let Some(list) = self.foreign_keys.get_mut(table) {
                    list.retain(|k| k.name != fk.name);
                }
            }
            Op::CreateEnum { name, values } => {
                self.enums.insert(name.clone(), values.clone());
            }
            Op::AddEnumValue { name, value, after } => {
                if let Some(values) = self.enums.get_mut(name) {
                    if !values.contains(value) {
                        let at = after
                            .as_ref()
                            .and_then(|a| values.iter().position(|v| v == a))
                            .map_or(values.len(), |i| i + 1);
                        values.insert(at, value.clone());
                    }
                }
            }
            Op::RenameEnumValue { name, from, to } => {
                if let Some(values) = self.enums.get_mut(name) {
                    for v in values.iter_mut().filter(|v| *v == from) {
                        v.clone_from(to);
                    }
                }
            }
            Op::DropEnum { name, .. } => {
                self.enums.remove(name);
            }
            Op::RenameEnum { from, to } => {
                if let Some(values) = self.enums.remove(from) {
                    self.enums.insert(to.clone(), values);
                    for cols in self.tables.values_mut() {
                        for c in cols.iter_mut() {
                            if let ColumnType::Enum { name } = &mut c.ty {
                                if name == from {
                                    name.clone_from(to);
                                }
                            }
                        }
                    }
                }
            }
            Op::CreateTable { table } => {
                self.tables
                    .insert(table.name.clone(), table.columns.clone());
            }
            Op::DropTable { table } => {
                self.tables.remove(&table.name);
            }
            Op::RenameTable { from, to } => {
                if let Some(cols) = self.tables.remove(from) {
                    self.tables.insert(to.clone(), cols);
                }
            }
            Op::AddColumn { table, column, .. } => {
                if let Some(cols) = self.tables.get_mut(table) {
                    if !cols.iter().any(|c| c.name == column.name) {
                        cols.push(column.clone());
                    }
                }
            }
            Op::DropColumn { table, column, .. } => {
                if let Some(cols) = self.tables.get_mut(table) {
                    cols.retain(|c| c.name != column.name);
                }
            }
            Op::AlterType {
                table, column, to, ..
            } => {
                if let Some(c) = self.column_mut(table, column) {
                    c.ty = to.clone();
                }
            }
            Op::SetDefault {
                table,
                column,
                default,
                ..
            } => {
                if let Some(c) = self.column_mut(table, column) {
                    c.default.clone_from(default);
                }
            }
            Op::SetNotNull { table, column, .. } => {
                if let Some(c) = self.column_mut(table, column) {
                    c.nullable = false;
                }
            }
            Op::DropNotNull { table, column } => {
                if let Some(c) = self.column_mut(table, column) {
                    c.nullable = true;
                }
            }
            Op::RenameColumn { table, from, to } => {
                if let Some(cols) = self.tables.get_mut(table) {
                    if !cols.iter().any(|c| &c.name == to) {
                        if let Some(c) = cols.iter_mut().find(|c| &c.name == from) {
                            c.name.clone_from(to);
                        }
                    }
                }
            }
            Op::CommentColumn {
                table,
                column,
                text,
                ..
            } => {
                if let Some(c) = self.column_mut(table, column) {
                    c.comment.clone_from(text);
                }
            }
            _ => {}
        }
    }
}
