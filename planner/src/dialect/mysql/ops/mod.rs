//! Every operation lowered to MySQL/MariaDB: [`Mysql::lower_step`] hands each one to the file
//! of its family, which writes its up and down units and what the manifest says about them.

mod checks;
mod columns;
mod constraints;
mod drop_column;
mod enums;
mod foreign_keys;
mod fulltext;
mod generated;
mod index_columns;
mod indexes;
mod native;
mod not_null;
mod table_options;
mod tables;
mod version;
mod views;

pub(super) use tables::table_state_of;
pub use version::{session as version_session, version_database};

use super::{Mysql, Scope};
use crate::dialect::mysql::sql::{q, unit};
use crate::dialect::{Context, Lowered};
use crate::step::{Op, Step};
use migc_grammar::Diagnostic;
use native::statement;

const MDL: &str = "exclusive metadata lock (brief)";

impl Mysql {
    /// The step's up and down units, and what the manifest says about them, from the file of
    /// the operation's family; the first contract step on a table with dual-write triggers
    /// removes them first (`sync.rs`).
    pub(super) fn lower_step(
        &self,
        step: &Step,
        ctx: &Context<'_>,
        scope: &Scope<'_>,
    ) -> Result<Lowered, Diagnostic> {
        let mut l = Lowered::new(MDL);
        let origin = step.origin;
        match &step.op {
            Op::CreateEnum { name, .. } | Op::DropEnum { name, .. } => {
                self.lower_enum(&mut l, name)
            }
            Op::RenameEnum { from, to } => self.lower_rename_enum(&mut l, from, to),
            Op::AddEnumValue { name, value, after } => {
                self.lower_add_enum_value(&mut l, step, ctx, scope, name, value, after)
            }
            Op::RenameEnumValue { name, from, to } => {
                self.lower_rename_enum_value(name, from, to, origin)
            }
            Op::CreateTable { table } => self.lower_create_table(&mut l, ctx, scope, table),
            Op::DropTable { table } => self.lower_drop_table(&mut l, ctx, scope, table),
            Op::CreateTableAlias { table, alias } => {
                self.lower_create_table_alias(&mut l, table, alias)
            }
            Op::DropTableAlias { table, alias } => {
                self.lower_drop_table_alias(&mut l, table, alias)
            }
            Op::RenameTable { from, to } => self.lower_rename_table(&mut l, scope, from, to),
            Op::CommentTable {
                table,
                text,
                previous,
            } => self.lower_comment_table(&mut l, scope, table, text, previous),
            Op::AddColumn {
                table,
                column,
                role,
                ..
            } => self.lower_add_column(&mut l, ctx, scope, table, column, role),
            Op::DropColumn {
                table,
                column,
                refill,
            } => self.lower_drop_column(&mut l, ctx, scope, table, column, refill),
            Op::AlterType {
                table,
                column,
                from,
                to,
                ..
            } => self.lower_alter_type(&mut l, ctx, scope, table, column, from, to, origin),
            Op::SetDefault {
                table,
                column,
                default,
                previous,
            } => self.lower_set_default(&mut l, scope, table, column, default, previous),
            Op::RenameColumn { table, from, to } => {
                self.lower_rename_column(&mut l, scope, table, from, to)
            }
            Op::CommentColumn {
                table,
                column,
                text,
                previous,
            } => self.lower_comment_column(&mut l, scope, table, column, text, previous, origin),
            Op::AddNotNullCheck { table, column, .. } => {
                self.lower_add_not_null_check(&mut l, table, column)
            }
            Op::SetNotNull { table, column, .. } => {
                self.lower_set_not_null(&mut l, ctx, scope, table, column, origin)
            }
            Op::DropNotNull { table, column } => {
                self.lower_drop_not_null(&mut l, ctx, scope, table, column, origin)
            }
            Op::CreateIndex { table, index } => {
                self.lower_create_index(&mut l, ctx, scope, table, index)
            }
            Op::DropIndex {
                table,
                index,
                replaced_by,
            } => self.lower_drop_index(&mut l, ctx, scope, table, index, replaced_by),
            Op::RenameIndex { table, from, to } => {
                self.lower_rename_index(&mut l, ctx, scope, table, from, to)
            }
            Op::AddCheck { table, check, .. } => {
                self.lower_add_check(&mut l, ctx, scope, table, check)
            }
            Op::DropCheck {
                table,
                check,
                replaced_by,
            } => self.lower_drop_check(&mut l, scope, table, check, replaced_by),
            Op::AddForeignKey {
                table,
                fk,
                not_valid,
            } => self.lower_add_foreign_key(&mut l, scope, table, fk, not_valid),
            Op::ValidateConstraint {
                table,
                name,
                constraint,
            } => self.lower_validate_constraint(&mut l, scope, table, name, constraint),
            Op::DropForeignKey {
                table,
                fk,
                replaced_by,
            } => self.lower_drop_foreign_key(&mut l, scope, table, fk, replaced_by),
            Op::AttachUnique { table, unique } => self.lower_attach_unique(&mut l, table, unique),
            Op::DropUnique {
                table,
                unique,
                replaced_by,
            } => self.lower_drop_unique(&mut l, ctx, scope, table, unique, replaced_by),
            Op::DropPrimaryKey { table, .. } => self.lower_drop_primary_key(table, origin),
            Op::SwapPrimaryKey {
                table,
                old,
                new,
                index,
            } => self.lower_swap_primary_key(&mut l, scope, table, old, new, index, origin),
            Op::RenameConstraint {
                table,
                from,
                to,
                constraint,
            } => self
                .lower_rename_constraint(&mut l, ctx, scope, table, from, to, constraint, origin),
            Op::InstallSync { table, sync } => {
                self.lower_install_sync(&mut l, scope, table, sync, origin)
            }
            Op::RemoveSync { table, sync } => self.lower_remove_sync(&mut l, scope, table, sync),
            Op::Backfill {
                table,
                key,
                assignments,
            } => self.lower_backfill(&mut l, ctx, table, key, assignments),
            Op::CreateView { view } => self.lower_create_view(&mut l, view),
            Op::DropView { view } => self.lower_drop_view(&mut l, view),
            Op::Native { name, up, down } => self.lower_native(&mut l, ctx, name, up, down),
            Op::CreateVersionView { view } => {
                self.lower_create_version_view(&mut l, step, scope, view);
                Ok(())
            }
            Op::DropVersionView { view } => {
                self.lower_drop_version_view(&mut l, scope, view);
                Ok(())
            }
            Op::SetTableCollation {
                table,
                collation,
                previous,
            } => self
                .lower_set_table_collation(&mut l, ctx, scope, table, collation, previous, origin),
            Op::SetCollation {
                table,
                column,
                collation,
                previous,
            } => self.lower_set_collation(
                &mut l, ctx, scope, table, column, collation, previous, origin,
            ),
            Op::MoveColumn {
                table,
                column,
                after,
                previous,
            } => self.lower_move_column(&mut l, ctx, scope, table, column, after, previous, origin),
            Op::SetOnUpdate {
                table,
                column,
                on_update,
            } => self.lower_set_on_update(&mut l, scope, table, column, *on_update, origin),
            Op::MapLabelsOnRollback {
                table,
                column,
                labels,
                down,
            } => self.lower_map_labels_on_rollback(&mut l, table, column, labels, down),
            Op::SetGenerated {
                table,
                column,
                previous,
            } => self.lower_set_generated(&mut l, ctx, scope, table, column, previous, origin),
            Op::SetStorage { .. } => Err(crate::dialect::unasked(step)),
            Op::SetTableOptions {
                table,
                options,
                previous,
            } => self.lower_table_options(
                &mut l,
                ctx,
                scope,
                table,
                options.as_deref(),
                previous.as_deref(),
                origin,
            ),
            Op::CopyCreate { .. }
            | Op::CopyFill { .. }
            | Op::CopySwap { .. }
            | Op::CopyDropOld { .. } => {
                l = self.lower_copy(ctx, scope, &step.op)?;
                Ok(())
            }
        }?;
        self.remove_sync_first(&mut l, step, scope)?;
        self.carry_native_triggers(&mut l, step, ctx, scope);
        Ok(l)
    }

    /// Triggers of native blocks on a table the step swaps for its copy: a trigger belongs to
    /// its table, so the swap leaves it on the old table (dropped with it, or firing on the
    /// writes that keep the old table in step). Right after the swap, and after a rollback's
    /// swap back, each is dropped and made again on the table under the name, as its block
    /// wrote it. (MySQL makes no trigger from inside a stored program, and trigger names are
    /// the schema's: it cannot wait on the copy under its own name.)
    fn carry_native_triggers(
        &self,
        l: &mut Lowered,
        step: &Step,
        ctx: &Context<'_>,
        scope: &Scope<'_>,
    ) {
        let swaps =
            l.lock == crate::dialect::mysql::copy::COPIED || matches!(step.op, Op::CopySwap { .. });
        let Some(t) = step
            .op
            .table()
            .and_then(|t| scope.state.table(t))
            .filter(|_| swaps)
        else {
            return;
        };
        let for_mysql = |block: &str| {
            ctx.to
                .natives
                .get(block)
                .or(ctx.from.natives.get(block))
                .is_some_and(|x| x.dialects.contains(&super::D))
        };
        for n in t
            .natives
            .iter()
            .filter(|n| n.is_trigger() && for_mysql(&n.block))
        {
            let again = [
                unit(format!("DROP TRIGGER IF EXISTS {};", q(&n.name))),
                statement(&n.sql),
            ];
            l.up.extend(again.clone());
            l.down.extend(again);
        }
    }
}
