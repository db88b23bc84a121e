//! What each operation changes: the one place that advances the state.

use super::{State, Table};
use crate::step::{ColumnRole, Op};
use migc_compiler::schema::{Check, ColumnType};

impl Op {
    /// Advances `state` past this operation.
    pub fn apply(&self, state: &mut State) {
        state.apply(self);
    }
}

impl State {
    fn table_mut(&mut self, name: &str) -> Option<&mut Table> {
        self.tables.get_mut(name)
    }

    /// The state after the operation ([`Op::apply`]).
    fn apply(&mut self, op: &Op) {
        match op {
            Op::CreateEnum { name, values } => {
                self.enums.insert(name.clone(), values.clone());
            }
            Op::AddEnumValue { name, value, after } => {
                if let Some(values) = self.enums.get_mut(name) {
                    if !values.contains(value) {
                        // No predecessor: the value comes first.
                        let at = match after {
                            Some(a) => values
                                .iter()
                                .position(|v| v == a)
                                .map_or(values.len(), |i| i + 1),
                            None => 0,
                        };
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
                }
                for t in self.tables.values_mut() {
                    for c in &mut t.columns {
                        if let ColumnType::Enum { name } = &mut c.def.ty {
                            if name == from {
                                name.clone_from(to);
                            }
                        }
                    }
                }
            }
            Op::CreateTable { table } => {
                let t = self.table_of(table);
                self.tables.insert(table.name.clone(), t);
            }
            Op::DropTable { table } => {
                self.tables.remove(&table.name);
            }
            Op::CreateTableAlias { table, alias } => {
                self.aliases.insert(alias.clone(), table.clone());
            }
            Op::DropTableAlias { alias, .. } => {
                self.aliases.remove(alias);
            }
            Op::RenameTable { from, to } => {
                if let Some(mut t) = self.tables.remove(from) {
                    t.name.clone_from(to);
                    self.tables.insert(to.clone(), t);
                }
                for t in self.tables.values_mut() {
                    for fk in &mut t.foreign_keys {
                        if &fk.ref_table == from {
                            fk.ref_table.clone_from(to);
                        }
                    }
                }
                for target in self.aliases.values_mut() {
                    if target == from {
                        target.clone_from(to);
                    }
                }
            }
            Op::AddColumn {
                table,
                column,
                role,
                after,
            } => {
                self.next_id += 1;
                let id = self.next_id;
                if let Some(t) = self.table_mut(table) {
                    if t.col(&column.name).is_none() {
                        let col = super::Col {
                            id,
                            def: column.clone(),
                        };
                        // Where it is declared: after the column declared before it, or first.
                        let at = match (role, after) {
                            (ColumnRole::Shadow { .. }, _) => None,
                            (_, Some(before)) => t
                                .columns
                                .iter()
                                .position(|c| &c.def.name == before)
                                .map(|i| i + 1),
                            (_, None) => Some(0),
                        };
                        match at {
                            Some(i) => t.columns.insert(i, col),
                            None => t.columns.push(col),
                        }
                    }
                }
            }
            Op::DropColumn { table, column, .. } => {
                if let Some(t) = self.table_mut(table) {
                    t.columns.retain(|c| c.def.name != column.name);
                }
            }
            Op::AlterType {
                table,
                column,
                to,
                to_spellings,
                ..
            } => {
                if let Some(c) = self.table_mut(table).and_then(|t| t.col_mut(column)) {
                    c.def.ty = to.clone();
                    c.def.spellings.clone_from(to_spellings);
                }
            }
            Op::SetDefault {
                table,
                column,
                default,
                ..
            } => {
                if let Some(c) = self.table_mut(table).and_then(|t| t.col_mut(column)) {
                    c.def.default.clone_from(default);
                }
            }
            Op::AddNotNullCheck {
                table,
                column,
                name,
            } => {
                if let Some(t) = self.table_mut(table) {
                    t.not_null_checks.push((name.clone(), column.clone()));
                }
            }
            Op::SetNotNull { table, column, .. } => {
                if let Some(t) = self.table_mut(table) {
                    t.not_null_checks.retain(|(_, c)| c != column);
                    if let Some(c) = t.col_mut(column) {
                        c.def.nullable = false;
                    }
                }
            }
            Op::DropNotNull { table, column } => {
                if let Some(c) = self.table_mut(table).and_then(|t| t.col_mut(column)) {
                    c.def.nullable = true;
                }
            }
            Op::CreateIndex { table, index } => {
                if let Some(t) = self.table_mut(table) {
                    t.indexes.retain(|i| i.name != index.name);
                    t.indexes.push(index.clone());
                }
            }
            Op::DropIndex { table, index, .. } => {
                if let Some(t) = self.table_mut(table) {
                    t.indexes.retain(|i| i.name != index.name);
                }
            }
            // The unique index of the constraint's name is already there: it now enforces it.
            Op::AttachUnique { table, unique } => {
                if let Some(t) = self.table_mut(table) {
                    for i in t.indexes.iter_mut().filter(|i| i.name == unique.name) {
                        i.constraint = true;
                    }
                }
            }
            Op::AddCheck {
                table,
                check,
                not_valid,
            } => {
                if let Some(t) = self.table_mut(table) {
                    if *not_valid {
                        t.not_valid_checks.push(check.clone());
                    } else {
                        t.checks.push(check.clone());
                    }
                }
            }
            Op::AddForeignKey {
                table,
                fk,
                not_valid,
            } => {
                if let Some(t) = self.table_mut(table) {
                    match t.foreign_keys.iter_mut().find(|k| k.name == fk.name) {
                        Some(k) => k.clone_from(fk),
                        None => t.foreign_keys.push(fk.clone()),
                    }
                    t.not_valid_foreign_keys.retain(|n| n != &fk.name);
                    if *not_valid {
                        t.not_valid_foreign_keys.push(fk.name.clone());
                    }
                }
            }
            Op::ValidateConstraint { table, name, .. } => {
                if let Some(t) = self.table_mut(table) {
                    if let Some(p) = t.not_valid_checks.iter().position(|c| &c.name == name) {
                        let c = t.not_valid_checks.remove(p);
                        t.checks.push(c);
                    } else if t.not_valid_foreign_keys.contains(name) {
                        // Validated, it comes after the keys every row met before it.
                        t.not_valid_foreign_keys.retain(|n| n != name);
                        if let Some(p) = t.foreign_keys.iter().position(|f| &f.name == name) {
                            let f = t.foreign_keys.remove(p);
                            t.foreign_keys.push(f);
                        }
                    }
                }
            }
            Op::DropUnique { table, unique, .. } => {
                if let Some(t) = self.table_mut(table) {
                    t.indexes.retain(|i| i.name != unique.name);
                }
            }
            Op::DropCheck { table, check, .. } => {
                if let Some(t) = self.table_mut(table) {
                    // By name and expression: a redefined check may keep its name.
                    let same = |c: &Check| c.name == check.name && c.expr == check.expr;
                    t.checks.retain(|c| !same(c));
                    t.not_valid_checks.retain(|c| !same(c));
                }
            }
            Op::DropForeignKey { table, fk, .. } => {
                if let Some(t) = self.table_mut(table) {
                    t.foreign_keys.retain(|f| f.name != fk.name);
                    t.not_valid_foreign_keys.retain(|n| n != &fk.name);
                }
            }
            Op::DropPrimaryKey { table, .. } => {
                if let Some(t) = self.table_mut(table) {
                    t.primary_key = None;
                }
            }
            Op::SwapPrimaryKey {
                table, new, index, ..
            } => {
                if let Some(t) = self.table_mut(table) {
                    t.primary_key = Some(new.clone());
                    t.indexes.retain(|i| &i.name != index);
                }
            }
            Op::InstallSync { table, sync } => {
                if let Some(t) = self.table_mut(table) {
                    t.sync = Some(sync.clone());
                }
            }
            Op::RemoveSync { table, .. } => {
                if let Some(t) = self.table_mut(table) {
                    t.sync = None;
                }
            }
            Op::Backfill { .. } => {}
            Op::RenameColumn { table, from, to } => {
                if let Some(t) = self.table_mut(table) {
                    if t.col(to).is_none() {
                        t.rename_column(from, to);
                    }
                }
            }
            Op::RenameIndex { from, to, .. } => {
                // The index is found by its name, which is unique in the schema.
                for t in self.tables.values_mut() {
                    if t.indexes.iter().any(|i| &i.name == from) {
                        for i in t.indexes.iter_mut().filter(|i| &i.name == from) {
                            i.name.clone_from(to);
                        }
                        break;
                    }
                }
            }
            Op::RenameConstraint {
                table, from, to, ..
            } => {
                if let Some(t) = self.table_mut(table) {
                    if let Some(pk) = &mut t.primary_key {
                        if &pk.name == from {
                            pk.name.clone_from(to);
                        }
                    }
                    for f in t.foreign_keys.iter_mut().filter(|f| &f.name == from) {
                        f.name.clone_from(to);
                    }
                    for n in t.not_valid_foreign_keys.iter_mut().filter(|n| *n == from) {
                        n.clone_from(to);
                    }
                    for c in t
                        .checks
                        .iter_mut()
                        .chain(t.not_valid_checks.iter_mut())
                        .filter(|c| &c.name == from)
                    {
                        c.name.clone_from(to);
                    }
                    for i in t.indexes.iter_mut().filter(|i| &i.name == from) {
                        i.name.clone_from(to);
                    }
                }
            }
            Op::CreateView { view } => {
                self.views.insert(view.name.clone(), view.clone());
            }
            Op::DropView { view } => {
                self.views.remove(&view.name);
            }
            Op::CommentTable { .. } | Op::SetTableOptions { .. } => {}
            Op::SetStorage { table, storage, .. } => {
                if let Some(t) = self.table_mut(table) {
                    t.strict = storage.strict;
                    t.without_rowid = storage.without_rowid;
                    for c in &mut t.columns {
                        c.def.autoincrement = storage.autoincrement.as_deref() == Some(&c.def.name);
                    }
                }
            }
            Op::CommentColumn {
                table,
                column,
                text,
                ..
            } => {
                if let Some(c) = self.table_mut(table).and_then(|t| t.col_mut(column)) {
                    c.def.comment.clone_from(text);
                }
            }
            // The state keeps no table collation: lowerings read a table's from the schemas, and
            // a column naming none follows it.
            Op::SetTableCollation { .. } => {}
            Op::SetCollation {
                table,
                column,
                collation,
                ..
            } => {
                if let Some(c) = self.table_mut(table).and_then(|t| t.col_mut(column)) {
                    c.def.collation.clone_from(collation);
                }
            }
            // The state keeps no column order: lowerings place columns by the declared one.
            Op::MoveColumn { .. } => {}
            Op::SetOnUpdate {
                table,
                column,
                on_update,
            } => {
                if let Some(c) = self.table_mut(table).and_then(|t| t.col_mut(column)) {
                    c.def.on_update = *on_update;
                }
            }
            // Only a rollback maps rows.
            Op::MapLabelsOnRollback { .. } => {}
            Op::SetGenerated { table, column, .. } => {
                if let Some(c) = self.table_mut(table).and_then(|t| t.col_mut(&column.name)) {
                    c.def.generated.clone_from(&column.generated);
                }
            }
            Op::Native { name, up, .. } => self.run_native(name, up),
            // A version's view shows the tables; it changes none of them.
            Op::CreateVersionView { .. } | Op::DropVersionView { .. } => {}
            // A table copy carries checks the plan's own steps add to the table: the table
            // the copy becomes is the one those steps leave.
            Op::CopyCreate { .. }
            | Op::CopyFill { .. }
            | Op::CopySwap { .. }
            | Op::CopyDropOld { .. } => {}
        }
    }
}
