//! Each step applied to the model.

use super::*;

impl Run<'_> {
    /// Applies a step to the desired state (and to the physical one for changes that are not
    /// table definitions).
    pub(super) fn apply(
        &mut self,
        step: &Step,
        phys: &mut State,
        want: &mut State,
    ) -> Result<Effect, Diagnostic> {
        let missing = |t: &str| {
            Diagnostic::error(
                Code::Unsupported,
                format!("internal: step `{}` acts on table `{t}`, which the plan does not have at that point", step.id),
            )
        };
        macro_rules! table {
            ($t:expr) => {
                want.tables
                    .get_mut($t.as_str())
                    .ok_or_else(|| missing($t))?
            };
        }
        let effect = match &step.op {
            Op::CreateEnum { name, values } => {
                want.enums.insert(name.clone(), values.clone());
                phys.enums.insert(name.clone(), values.clone());
                Effect::Nothing(format!(
                    "SQLite has no enum types: columns of `{name}` are text with a check of its labels"
                ))
            }
            Op::AddEnumValue { name, value, after } => {
                let mut labels = want.enums.get(name).cloned().unwrap_or_default();
                if !labels.contains(value) {
                    let at = match after {
                        Some(a) => labels
                            .iter()
                            .position(|l| l == a)
                            .map_or(labels.len(), |p| p + 1),
                        None => 0,
                    };
                    labels.insert(at, value.clone());
                }
                want.enums.insert(name.clone(), labels.clone());
                phys.enums.insert(name.clone(), labels.clone());
                let tables = want.enum_tables(name);
                for t in &tables {
                    for c in &mut table!(t).cols {
                        if matches!(&c.def.ty, ColumnType::Enum { name: n } if n == name) {
                            c.labels = Some(labels.clone());
                        }
                    }
                }
                if tables.is_empty() {
                    Effect::Nothing(format!("no column has the type `{name}` yet"))
                } else {
                    Effect::Tables(tables)
                }
            }
            Op::RenameEnumValue { name, from, to } => {
                for e in [&mut *want, &mut *phys] {
                    if let Some(labels) = e.enums.get_mut(name) {
                        for l in labels.iter_mut() {
                            if l == from {
                                *l = to.clone();
                            }
                        }
                    }
                }
                let tables = want.enum_tables(name);
                for t in &tables {
                    for c in &mut table!(t).cols {
                        if matches!(&c.def.ty, ColumnType::Enum { name: n } if n == name) {
                            if let Some(labels) = &mut c.labels {
                                for l in labels.iter_mut() {
                                    if l == from {
                                        *l = to.clone();
                                    }
                                }
                            }
                            c.remap.push((from.clone(), to.clone()));
                        }
                    }
                }
                if tables.is_empty() {
                    Effect::Nothing(format!("no column has the type `{name}`"))
                } else {
                    Effect::Tables(tables)
                }
            }
            Op::DropEnum { name, .. } => {
                want.enums.remove(name);
                phys.enums.remove(name);
                Effect::Nothing(format!(
                    "SQLite has no enum types: nothing holds `{name}` any more"
                ))
            }
            Op::RenameEnum { from, to } => {
                for s in [&mut *want, &mut *phys] {
                    if let Some(v) = s.enums.remove(from) {
                        s.enums.insert(to.clone(), v);
                    }
                    for t in s.tables.values_mut() {
                        for c in &mut t.cols {
                            if matches!(&c.def.ty, ColumnType::Enum { name } if name == from) {
                                c.def.ty = ColumnType::Enum { name: to.clone() };
                            }
                        }
                    }
                }
                Effect::Nothing(format!(
                    "SQLite has no enum types: the columns of `{from}` already check the labels of `{to}`"
                ))
            }
            Op::CreateTable { table } => {
                let fks = self
                    .inline_fks
                    .get(&table.name)
                    .cloned()
                    .unwrap_or_default();
                let tbl = self.tbl(table, &want.enums.clone(), fks, false);
                want.tables.insert(table.name.clone(), tbl.clone());
                phys.tables.insert(table.name.clone(), tbl.clone());
                Effect::Other(Act::CreateTable(Box::new(tbl)))
            }
            Op::DropTable { table } => {
                let tbl = phys
                    .tables
                    .get(&table.name)
                    .cloned()
                    .ok_or_else(|| missing(&table.name))?;
                want.tables.remove(&table.name);
                phys.tables.remove(&table.name);
                Effect::Other(Act::DropTable(Box::new(tbl)))
            }
            Op::CreateTableAlias { table, alias } => {
                let tbl = phys
                    .tables
                    .get(table)
                    .cloned()
                    .ok_or_else(|| missing(table))?;
                want.aliases.insert(alias.clone(), table.clone());
                phys.aliases.insert(alias.clone(), table.clone());
                Effect::Other(Act::CreateAlias {
                    tbl: Box::new(tbl),
                    alias: alias.clone(),
                })
            }
            Op::DropTableAlias { table, alias } => {
                want.aliases.remove(alias);
                phys.aliases.remove(alias);
                Effect::Other(Act::DropAlias {
                    table: table.clone(),
                    alias: alias.clone(),
                })
            }
            Op::RenameTable { from, to } => {
                want.rename_table(from, to);
                phys.rename_table(from, to);
                Effect::Other(Act::RenameTable {
                    from: from.clone(),
                    to: to.clone(),
                })
            }
            Op::AddColumn { table, column, .. } => {
                let labels = match &column.ty {
                    ColumnType::Enum { name } => want.enums.get(name).cloned(),
                    _ => None,
                };
                self.next_id += 1;
                let id = self.next_id;
                table!(table).cols.push(Col {
                    id,
                    def: column.clone(),
                    relaxed: false,
                    labels,
                    remap: Vec::new(),
                });
                Effect::Tables(vec![table.clone()])
            }
            Op::DropColumn { table, column, .. } => {
                table!(table).cols.retain(|c| c.def.name != column.name);
                Effect::Tables(vec![table.clone()])
            }
            Op::AlterType {
                table, column, to, ..
            } => {
                if let Some(c) = table!(table).col_mut(column) {
                    c.def.ty = to.clone();
                }
                Effect::Tables(vec![table.clone()])
            }
            Op::SetDefault {
                table,
                column,
                default,
                ..
            } => {
                if let Some(c) = table!(table).col_mut(column) {
                    c.def.default = default.clone();
                }
                Effect::Tables(vec![table.clone()])
            }
            Op::AddNotNullCheck {
                table,
                column,
                name,
            } => {
                table!(table)
                    .not_null_checks
                    .push((name.clone(), column.clone()));
                Effect::Nothing(format!(
                    "SQLite has no NOT VALID: `{table}.{column}` accepts null until a table rebuild makes it NOT NULL (at switch, or at contract when the dual-write trigger fills it)"
                ))
            }
            Op::SetNotNull { table, column, .. } => {
                let t = table!(table);
                t.not_null_checks.retain(|(_, c)| c != column);
                if let Some(c) = t.col_mut(column) {
                    c.def.nullable = false;
                }
                t.refresh_relaxed();
                if t.col(column).is_some_and(|c| c.relaxed) {
                    // The dual-write trigger fills the column after NOT NULL is checked: the
                    // constraint waits for contract, the rows are checked now.
                    Effect::Other(Act::Validate {
                        table: table.clone(),
                        column: column.clone(),
                    })
                } else {
                    Effect::Tables(vec![table.clone()])
                }
            }
            Op::DropNotNull { table, column } => {
                if let Some(c) = table!(table).col_mut(column) {
                    c.def.nullable = true;
                }
                Effect::Tables(vec![table.clone()])
            }
            Op::CreateIndex { table, index } => {
                let t = table!(table);
                t.indexes.retain(|i| i.name != index.name);
                t.indexes.push(index.clone());
                Effect::Tables(vec![table.clone()])
            }
            Op::DropIndex { table, index, .. } => {
                table!(table).indexes.retain(|i| i.name != index.name);
                Effect::Tables(vec![table.clone()])
            }
            Op::AttachUnique { unique, .. } => Effect::Nothing(format!(
                "SQLite keeps unique constraints as unique indexes: `{}` already enforces it",
                unique.name
            )),
            Op::AddCheck {
                table,
                check,
                not_valid,
            } => {
                let t = table!(table);
                if *not_valid {
                    t.pending_checks.push(check.clone());
                    Effect::Nothing(format!(
                        "SQLite has no NOT VALID: check `{}` is enforced from switch on, when the table is rebuilt and every row checked; until then rows that break it are not refused",
                        check.name
                    ))
                } else {
                    t.checks.push(check.clone());
                    Effect::Tables(vec![table.clone()])
                }
            }
            Op::AddForeignKey {
                table,
                fk,
                not_valid,
            } => {
                let t = table!(table);
                if *not_valid {
                    t.pending_fks.push(fk.clone());
                    Effect::Nothing(format!(
                        "SQLite has no NOT VALID: foreign key `{}` is enforced from switch on, when the table is rebuilt and every row checked; until then rows without a parent are not refused",
                        fk.name
                    ))
                } else if t.fks.iter().any(|f| f.name == fk.name) {
                    Effect::Nothing(format!(
                        "SQLite adds foreign keys with the table: `{}` is in its CREATE TABLE",
                        fk.name
                    ))
                } else {
                    t.fks.push(fk.clone());
                    Effect::Tables(vec![table.clone()])
                }
            }
            Op::ValidateConstraint { table, name, .. } => {
                let t = table!(table);
                if let Some(p) = t.pending_checks.iter().position(|c| &c.name == name) {
                    let c = t.pending_checks.remove(p);
                    t.checks.push(c);
                    Effect::Tables(vec![table.clone()])
                } else if let Some(p) = t.pending_fks.iter().position(|f| &f.name == name) {
                    let f = t.pending_fks.remove(p);
                    t.fks.push(f);
                    Effect::Tables(vec![table.clone()])
                } else if t.not_null_checks.iter().any(|(n, _)| n == name) {
                    Effect::Nothing(format!(
                        "validated where `{table}` gets NOT NULL (`{name}` exists only in the plan)"
                    ))
                } else {
                    Effect::Nothing(format!("`{name}` is already enforced"))
                }
            }
            Op::DropUnique { table, unique, .. } => {
                table!(table).indexes.retain(|i| i.name != unique.name);
                Effect::Tables(vec![table.clone()])
            }
            Op::DropCheck { table, check, .. } => {
                let t = table!(table);
                // By name and expression: a redefined check may keep its name.
                let same = |c: &Check| c.name == check.name && c.expr == check.expr;
                let physical = t.checks.iter().any(same);
                t.checks.retain(|c| !same(c));
                t.pending_checks.retain(|c| !same(c));
                if physical {
                    Effect::Tables(vec![table.clone()])
                } else {
                    Effect::Nothing(format!("check `{}` was never enforced", check.name))
                }
            }
            Op::DropForeignKey { table, fk, .. } => {
                let t = table!(table);
                let physical = t.fks.iter().any(|f| f.name == fk.name);
                t.fks.retain(|f| f.name != fk.name);
                t.pending_fks.retain(|f| f.name != fk.name);
                if physical {
                    Effect::Tables(vec![table.clone()])
                } else {
                    Effect::Nothing(format!("foreign key `{}` was never enforced", fk.name))
                }
            }
            Op::DropPrimaryKey { table, .. } => {
                table!(table).pk = None;
                Effect::Tables(vec![table.clone()])
            }
            Op::SwapPrimaryKey {
                table, new, index, ..
            } => {
                let t = table!(table);
                t.pk = Some(new.clone());
                t.indexes.retain(|i| &i.name != index);
                Effect::Tables(vec![table.clone()])
            }
            Op::InstallSync { table, sync } => {
                let t = table!(table);
                t.sync = Some(sync.clone());
                t.refresh_relaxed();
                Effect::Tables(vec![table.clone()])
            }
            Op::RemoveSync { table, .. } => {
                let t = table!(table);
                t.sync = None;
                t.refresh_relaxed();
                Effect::Tables(vec![table.clone()])
            }
            Op::Backfill {
                table, assignments, ..
            } => {
                let guarded = phys.tables.get(table).is_some_and(|t| t.sync.is_some());
                Effect::Other(Act::Backfill {
                    table: table.clone(),
                    assignments: assignments
                        .iter()
                        .map(|a| (a.column.clone(), a.value.clone()))
                        .collect(),
                    guarded,
                })
            }
            Op::RenameColumn { table, from, to } => {
                let t = table!(table);
                t.rename_column(from, to);
                t.refresh_relaxed();
                Effect::Tables(vec![table.clone()])
            }
            Op::RenameIndex { from, to, .. } => {
                let owner = want
                    .tables
                    .values()
                    .find(|t| t.indexes.iter().any(|i| &i.name == from))
                    .map(|t| t.name.clone());
                match owner {
                    Some(t) => {
                        for i in &mut table!(&t).indexes {
                            if &i.name == from {
                                i.name = to.clone();
                            }
                        }
                        Effect::Tables(vec![t])
                    }
                    None => Effect::Nothing(format!("no index `{from}`")),
                }
            }
            Op::RenameConstraint {
                table, from, to, ..
            } => {
                let t = table!(table);
                let mut physical = false;
                if let Some(pk) = &mut t.pk {
                    if &pk.name == from {
                        pk.name = to.clone();
                    }
                }
                for f in t.fks.iter_mut().chain(t.pending_fks.iter_mut()) {
                    if &f.name == from {
                        f.name = to.clone();
                    }
                }
                for c in t.checks.iter_mut() {
                    if &c.name == from {
                        c.name = to.clone();
                        physical = true;
                    }
                }
                for c in t.pending_checks.iter_mut() {
                    if &c.name == from {
                        c.name = to.clone();
                    }
                }
                for i in t.indexes.iter_mut() {
                    if &i.name == from {
                        i.name = to.clone();
                        physical = true;
                    }
                }
                if physical {
                    Effect::Tables(vec![table.clone()])
                } else {
                    Effect::Nothing(
                        "SQLite does not keep the names of primary and foreign keys".to_string(),
                    )
                }
            }
            Op::CreateView { view } => {
                want.views.insert(view.name.clone(), view.clone());
                phys.views.insert(view.name.clone(), view.clone());
                Effect::Other(Act::CreateView(view.clone()))
            }
            Op::DropView { view } => {
                want.views.remove(&view.name);
                phys.views.remove(&view.name);
                Effect::Other(Act::DropView(view.clone()))
            }
            Op::CommentTable { .. } | Op::CommentColumn { .. } => {
                Effect::Nothing("SQLite has no comments: they stay in the .mig files".to_string())
            }
            Op::Native { name, up, down } => {
                let applies = |n: &str| {
                    self.ctx
                        .to
                        .natives
                        .get(n)
                        .or(self.ctx.from.natives.get(n))
                        .is_some_and(|x| x.dialects.contains(&D))
                };
                if applies(name) {
                    want.run_native(name, up);
                    phys.run_native(name, up);
                    Effect::Other(Act::Native {
                        name: name.clone(),
                        up: up.clone(),
                        down: down.clone(),
                    })
                } else {
                    Effect::Nothing(format!("native block {name} is not for SQLite"))
                }
            }
            Op::CopyCreate { .. }
            | Op::CopyFill { .. }
            | Op::CopySwap { .. }
            | Op::CopyDropOld { .. } => return Err(crate::dialect::unasked(step)),
        };
        Ok(effect)
    }
}
