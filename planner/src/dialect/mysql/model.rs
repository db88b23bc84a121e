//! The columns and enums as they stand at each step of a plan. `MODIFY COLUMN` replaces a
//! column's whole definition, so a step that changes one attribute must restate all the others
//! as they are at that point, and its rollback must restate them as they were before.

use crate::step::Op;
use migc_compiler::schema::{Column, Schema};
use std::collections::BTreeMap;

#[derive(Clone, Debug, Default)]
pub(crate) struct Model {
    tables: BTreeMap<String, Vec<Column>>,
    enums: BTreeMap<String, Vec<String>>,
}

impl Model {
    /// The deployed state.
    pub(crate) fn deployed(from: &Schema) -> Model {
        Model {
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
        }
    }

    pub(crate) fn column(&self, table: &str, column: &str) -> Option<&Column> {
        self.tables.get(table)?.iter().find(|c| c.name == column)
    }

    /// The table's columns as they stand.
    pub(crate) fn columns(&self, table: &str) -> Vec<&Column> {
        self.tables
            .get(table)
            .map(|c| c.iter().collect())
            .unwrap_or_default()
    }

    /// A column the plan does not declare (a generated column behind an index).
    pub(crate) fn add_column(&mut self, table: &str, column: Column) {
        self.tables
            .entry(table.to_string())
            .or_default()
            .push(column);
    }

    pub(crate) fn enum_values(&self, name: &str) -> Option<&Vec<String>> {
        self.enums.get(name)
    }

    /// The tables and columns whose type is the enum.
    pub(crate) fn enum_columns(&self, name: &str) -> Vec<(String, Column)> {
        let mut out = Vec::new();
        for (t, cols) in &self.tables {
            for c in cols {
                if matches!(&c.ty, migc_compiler::schema::ColumnType::Enum { name: n } if n == name)
                {
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

    /// The state after the operation.
    pub(crate) fn apply(&mut self, op: &Op) {
        match op {
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
                            if let migc_compiler::schema::ColumnType::Enum { name } = &mut c.ty {
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
