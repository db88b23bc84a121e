//! Every operation lowered to PostgreSQL: each family of operations has its own file, with the
//! forward SQL and the rollback of each of its operations.

use super::super::{Context, Lowered};
use super::*;
use super::{
    backfill, column, constraint, enum_type, generated, index, native, not_null, sync, table,
    version, view,
};
use crate::step::{Op, Step};
use migc_grammar::Diagnostic;

impl Postgres {
    /// The step as SQL, its rollback and what they cost, from the function of its family.
    pub(super) fn lower_step(&self, step: &Step, ctx: &Context<'_>) -> Result<Lowered, Diagnostic> {
        let mut l = Lowered::new(AEL);
        match &step.op {
            Op::CreateEnum { name, values } => enum_type::create(&mut l, name, values),
            Op::AddEnumValue { name, value, after } => {
                enum_type::add_value(&mut l, name, value, after.as_deref())
            }
            Op::RenameEnumValue { name, from, to } => {
                enum_type::rename_value(&mut l, name, from, to)
            }
            Op::DropEnum { name, values } => enum_type::drop(&mut l, name, values),
            Op::RenameEnum { from, to } => enum_type::rename(ctx, &mut l, from, to),
            Op::CreateTable { table } => table::create(self, &mut l, table)?,
            Op::DropTable { table } => table::drop(self, &mut l, table)?,
            Op::CreateTableAlias { table, alias } => table::create_alias(&mut l, table, alias),
            Op::DropTableAlias { table, alias } => table::drop_alias(self, &mut l, table, alias),
            Op::RenameTable { from, to } => table::rename(self, &mut l, from, to),
            Op::CommentTable {
                table,
                text,
                previous,
            } => table::comment(self, &mut l, table, text, previous),
            Op::AddColumn {
                table,
                column,
                role,
                ..
            } => column::add(self, &mut l, table, column, role)?,
            Op::DropColumn {
                table,
                column,
                refill,
            } => column::drop(self, &mut l, table, column, refill)?,
            Op::AlterType {
                table,
                column,
                from,
                to,
                ..
            } => column::alter_type(
                self,
                ctx,
                &mut l,
                table,
                column,
                from,
                to,
                step.origin.unwrap_or_default(),
            )?,
            Op::SetDefault {
                table,
                column,
                default,
                previous,
            } => column::set_default(self, &mut l, table, column, default, previous)?,
            Op::AddNotNullCheck {
                table,
                column,
                name,
            } => not_null::add_check(self, &mut l, table, column, name),
            Op::SetNotNull {
                table,
                column,
                check,
            } => not_null::set(self, &mut l, table, column, check.as_deref()),
            Op::DropNotNull { table, column } => not_null::drop(self, &mut l, table, column),
            Op::RenameColumn { table, from, to } => column::rename(self, &mut l, table, from, to),
            Op::CommentColumn {
                table,
                column,
                text,
                previous,
            } => column::comment(self, &mut l, table, column, text, previous),
            Op::CreateIndex { table, index } => index::create(self, &mut l, table, index)?,
            Op::DropIndex {
                table,
                index,
                replaced_by,
            } => index::drop(self, &mut l, table, index, replaced_by.as_deref())?,
            Op::RenameIndex { from, to, .. } => index::rename(self, &mut l, from, to),
            Op::AttachUnique { table, unique } => {
                constraint::attach_unique(self, &mut l, table, unique)?
            }
            Op::AddCheck {
                table,
                check,
                not_valid,
            } => constraint::add_check(self, &mut l, table, check, *not_valid)?,
            Op::AddForeignKey {
                table,
                fk,
                not_valid,
            } => constraint::add_foreign_key(self, &mut l, table, fk, *not_valid),
            Op::ValidateConstraint { table, name, .. } => constraint::validate(&mut l, table, name),
            Op::DropUnique {
                table,
                unique,
                replaced_by,
            } => constraint::drop_unique(self, &mut l, table, unique, replaced_by.as_deref())?,
            Op::DropCheck {
                table,
                check,
                replaced_by,
            } => constraint::drop_check(self, &mut l, table, check, replaced_by.as_deref())?,
            Op::DropForeignKey {
                table,
                fk,
                replaced_by,
            } => constraint::drop_foreign_key(self, &mut l, table, fk, replaced_by.as_deref()),
            Op::DropPrimaryKey { table, key } => {
                constraint::drop_primary_key(self, &mut l, table, key)
            }
            Op::SwapPrimaryKey {
                table,
                old,
                new,
                index,
            } => constraint::swap_primary_key(self, &mut l, table, old, new, index),
            Op::RenameConstraint {
                table, from, to, ..
            } => constraint::rename(self, &mut l, table, from, to),
            Op::InstallSync { table, sync } => sync::install(self, &mut l, table, sync)?,
            Op::RemoveSync { table, sync } => sync::remove(self, &mut l, table, sync)?,
            Op::Backfill {
                table,
                key,
                assignments,
            } => backfill::lower(self, &mut l, table, key, assignments)?,
            Op::SetGenerated {
                table,
                column,
                previous,
            } => generated::recompute(self, ctx, &mut l, table, column, previous)?,
            Op::CreateView { view } => view::create(&mut l, view),
            Op::DropView { view } => view::drop(&mut l, view),
            Op::Native { name, up, down } => native::lower(ctx, &mut l, name, up, down),
            Op::CreateVersionView { view } => version::create(&mut l, view)?,
            Op::DropVersionView { view } => version::drop(&mut l, view)?,
            Op::SetStorage { .. }
            | Op::SetTableOptions { .. }
            | Op::SetCollation { .. }
            | Op::SetTableCollation { .. }
            | Op::SetOnUpdate { .. }
            | Op::MapLabelsOnRollback { .. }
            | Op::MoveColumn { .. }
            | Op::CopyCreate { .. }
            | Op::CopyFill { .. }
            | Op::CopySwap { .. }
            | Op::CopyDropOld { .. } => return Err(crate::dialect::unasked(step)),
        }
        Ok(l)
    }
}
