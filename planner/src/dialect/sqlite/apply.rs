//! What each step does in SQLite: the state advanced past it ([`Op::apply`]), and what that
//! asks of the database.

use super::*;

impl Run<'_> {
    /// Advances `want` past the step (`before`: the state before it) and says what it asks of
    /// SQLite: table definitions to change, another change, or nothing.
    pub(super) fn advance(
        &self,
        step: &Step,
        before: &State,
        want: &mut State,
    ) -> Result<Effect, Diagnostic> {
        let missing = |t: &str| {
            Diagnostic::error(
                Code::Unsupported,
                format!("internal: step `{}` acts on table `{t}`, which the plan does not have at that point", step.id),
            )
        };
        let acts_on_table = !matches!(
            step.op,
            Op::CreateEnum { .. }
                | Op::AddEnumValue { .. }
                | Op::RenameEnumValue { .. }
                | Op::DropEnum { .. }
                | Op::RenameEnum { .. }
                | Op::CreateTable { .. }
                | Op::DropTableAlias { .. }
                | Op::RenameTable { .. }
                | Op::Backfill { .. }
                | Op::RenameIndex { .. }
                | Op::CreateView { .. }
                | Op::DropView { .. }
                | Op::CommentTable { .. }
                | Op::CommentColumn { .. }
                | Op::Native { .. }
                | Op::MapLabelsOnRollback { .. }
        );
        let table = step.op.table().unwrap_or_default();
        let tbl = match before.table(table) {
            Some(t) => Some(t),
            None if acts_on_table => return Err(missing(table)),
            None => None,
        };
        step.op.apply(want);
        if let Op::CreateTable { table } = &step.op {
            // SQLite adds foreign keys with the table: those the plan adds for every row are in
            // its `CREATE TABLE`.
            for &i in self.inline_fks.get(&table.name).into_iter().flatten() {
                self.steps[i].op.apply(want);
            }
        }
        let tables = |t: &str| Effect::Tables(vec![t.to_string()]);
        let effect = match &step.op {
            Op::CreateEnum { name, .. } => Effect::Nothing(format!(
                "SQLite has no enum types: columns of `{name}` are text with a check of its labels"
            )),
            Op::AddEnumValue { name, .. } => match enum_tables(want, name) {
                t if t.is_empty() => {
                    Effect::Nothing(format!("no column has the type `{name}` yet"))
                }
                t => Effect::Tables(t),
            },
            Op::RenameEnumValue { name, .. } => match enum_tables(want, name) {
                t if t.is_empty() => Effect::Nothing(format!("no column has the type `{name}`")),
                t => Effect::Tables(t),
            },
            Op::DropEnum { name, .. } => Effect::Nothing(format!(
                "SQLite has no enum types: nothing holds `{name}` any more"
            )),
            Op::RenameEnum { from, to } => Effect::Nothing(format!(
                "SQLite has no enum types: the columns of `{from}` already check the labels of `{to}`"
            )),
            Op::CreateTable { table } => match self.written(want, &table.name) {
                Some(t) => Effect::Other(Act::CreateTable(Box::new(t))),
                None => return Err(missing(&table.name)),
            },
            Op::DropTable { table } => match self.written(before, &table.name) {
                Some(t) => Effect::Other(Act::DropTable(Box::new(t))),
                None => return Err(missing(&table.name)),
            },
            // SQLite reads a name without its letter case: the table is its own alias.
            Op::CreateTableAlias { table, alias } | Op::DropTableAlias { table, alias }
                if table != alias && table.eq_ignore_ascii_case(alias) =>
            {
                Effect::Nothing(format!(
                    "SQLite reads `{alias}` as `{table}` already: no alias to make or drop"
                ))
            }
            Op::CreateTableAlias { table, alias } => match tbl {
                Some(t) => Effect::Other(Act::CreateAlias {
                    tbl: Box::new(t.clone()),
                    alias: alias.clone(),
                }),
                None => return Err(missing(table)),
            },
            Op::DropTableAlias { table, alias } => Effect::Other(Act::DropAlias {
                table: table.clone(),
                alias: alias.clone(),
            }),
            Op::RenameTable { from, to } => Effect::Other(Act::RenameTable {
                from: from.clone(),
                to: to.clone(),
            }),
            Op::AddNotNullCheck { table, column, .. } => Effect::Nothing(format!(
                "SQLite has no NOT VALID: `{table}.{column}` accepts null until a table rebuild makes it NOT NULL (at switch, or at contract when the dual-write trigger fills it)"
            )),
            Op::SetNotNull { table, column, .. } => {
                let relaxed = self
                    .written(want, table)
                    .is_some_and(|t| t.col(column).is_some_and(|c| t.relaxed(c)));
                if relaxed {
                    // The dual-write trigger fills the column after NOT NULL is checked: the
                    // constraint waits for contract, the rows are checked now.
                    Effect::Other(Act::Validate {
                        table: table.clone(),
                        column: column.clone(),
                    })
                } else {
                    tables(table)
                }
            }
            Op::AddCheck {
                check,
                not_valid: true,
                ..
            } => Effect::Nothing(format!(
                "SQLite has no NOT VALID: check `{}` is enforced from switch on, when the table is rebuilt and every row checked; until then rows that break it are not refused",
                check.name
            )),
            Op::AddForeignKey {
                fk,
                not_valid: true,
                ..
            } => Effect::Nothing(format!(
                "SQLite has no NOT VALID: foreign key `{}` is enforced from switch on, when the table is rebuilt and every row checked; until then rows without a parent are not refused",
                fk.name
            )),
            Op::AddForeignKey { fk, .. }
                if tbl.is_some_and(|t| t.valid_foreign_keys().any(|f| f.name == fk.name)) =>
            {
                Effect::Nothing(format!(
                    "SQLite adds foreign keys with the table: `{}` is in its CREATE TABLE",
                    fk.name
                ))
            }
            Op::ValidateConstraint { table, name, .. } => {
                let t = tbl.ok_or_else(|| missing(table))?;
                if t.not_valid_checks.iter().any(|c| &c.name == name)
                    || t.not_valid_foreign_keys.contains(name)
                {
                    tables(table)
                } else if t.not_null_checks.iter().any(|(n, _)| n == name) {
                    Effect::Nothing(format!(
                        "validated where `{table}` gets NOT NULL (`{name}` exists only in the plan)"
                    ))
                } else {
                    Effect::Nothing(format!("`{name}` is already enforced"))
                }
            }
            Op::DropCheck { table, check, .. } => {
                let same = |c: &Check| c.name == check.name && c.expr == check.expr;
                if tbl.is_some_and(|t| t.checks.iter().any(same)) {
                    tables(table)
                } else {
                    Effect::Nothing(format!("check `{}` was never enforced", check.name))
                }
            }
            Op::DropForeignKey { table, fk, .. } => {
                if tbl.is_some_and(|t| t.valid_foreign_keys().any(|f| f.name == fk.name)) {
                    tables(table)
                } else {
                    Effect::Nothing(format!("foreign key `{}` was never enforced", fk.name))
                }
            }
            Op::Backfill {
                table, assignments, ..
            } => Effect::Other(Act::Backfill {
                table: table.clone(),
                assignments: assignments
                    .iter()
                    .map(|a| (a.column.clone(), a.value.clone()))
                    .collect(),
                guarded: tbl.is_some_and(|t| t.sync.is_some()),
            }),
            Op::RenameIndex { from, .. } => {
                match before
                    .tables()
                    .find(|t| t.indexes.iter().any(|i| &i.name == from))
                {
                    Some(t) => tables(&t.name),
                    None => Effect::Nothing(format!("no index `{from}`")),
                }
            }
            Op::RenameConstraint { table, from, .. } => {
                let physical = tbl.is_some_and(|t| {
                    t.checks.iter().any(|c| &c.name == from)
                        || t.indexes.iter().any(|i| &i.name == from)
                });
                if physical {
                    tables(table)
                } else {
                    Effect::Nothing(
                        "SQLite does not keep the names of primary and foreign keys".to_string(),
                    )
                }
            }
            Op::CreateView { view } => {
                if view.check_option.is_some() {
                    let mut d = Diagnostic::error(
                        Code::Unsupported,
                        format!("view `{}` is declared `with check option`, which SQLite does not have", view.name),
                    );
                    if let Some(origin) = step.origin {
                        d = d.primary(origin, "declared here");
                    }
                    return Err(d
                    .note("SQLite views take no writes of their own (only `INSTEAD OF` triggers write through one), so there is no condition to check")
                    .help("remove `with check option` from the view for SQLite, or check the condition in a trigger of a `native` block"));
                }
                Effect::Other(Act::CreateView(view.clone()))
            }
            Op::DropView { view } => Effect::Other(Act::DropView(view.clone())),
            Op::CommentTable { .. } | Op::CommentColumn { .. } => {
                Effect::Nothing("SQLite has no comments: they stay in the .mig files".to_string())
            }
            Op::Native { name, up, down } => {
                if self.native_applies(name) {
                    Effect::Other(Act::Native {
                        name: name.clone(),
                        up: up.clone(),
                        down: down.clone(),
                    })
                } else {
                    Effect::Nothing(format!("native block {name} is not for SQLite"))
                }
            }
            Op::CreateVersionView { .. } | Op::DropVersionView { .. } => {
                return Err(crate::dialect::no_version_layer(step));
            }
            Op::MapLabelsOnRollback {
                table,
                column,
                labels,
                down,
            } => Effect::Other(Act::MapLabelsOnRollback {
                table: table.clone(),
                column: column.clone(),
                labels: labels.clone(),
                down: down.clone(),
            }),
            // Every other change is to a table's definition.
            Op::AddColumn { table, .. }
            | Op::DropColumn { table, .. }
            | Op::AlterType { table, .. }
            | Op::SetDefault { table, .. }
            | Op::DropNotNull { table, .. }
            | Op::CreateIndex { table, .. }
            | Op::DropIndex { table, .. }
            | Op::AddCheck { table, .. }
            | Op::AddForeignKey { table, .. }
            | Op::DropUnique { table, .. }
            | Op::DropPrimaryKey { table, .. }
            | Op::SwapPrimaryKey { table, .. }
            | Op::InstallSync { table, .. }
            | Op::RemoveSync { table, .. }
            | Op::RenameColumn { table, .. }
            | Op::SetStorage { table, .. }
            | Op::SetGenerated { table, .. }
            | Op::AttachUnique { table, .. } => tables(table),
            Op::SetCollation { .. }
            | Op::SetTableCollation { .. }
            | Op::SetTableOptions { .. }
            | Op::SetOnUpdate { .. }
            | Op::MoveColumn { .. }
            | Op::CopyCreate { .. }
            | Op::CopyFill { .. }
            | Op::CopySwap { .. }
            | Op::CopyDropOld { .. } => return Err(crate::dialect::unasked(step)),
        };
        Ok(effect)
    }
}
