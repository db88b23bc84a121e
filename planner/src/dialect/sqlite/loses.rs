//! What rolling back each step cannot restore, as the manifest says it.

use super::*;

impl Run<'_> {
    /// What the rollback of `step` loses; `lost` holds the columns its rebuild's rollback
    /// empties (`table.column`, with ` computed again` where `down` refills it).
    pub(super) fn down_loses(&self, step: &Step, lost: &[String]) -> Option<String> {
        match &step.op {
            Op::CreateTable { table } => Some(format!(
                "rows the new application wrote to `{}`",
                table.name
            )),
            Op::DropTable { table } => Some(format!(
                "the rows of `{}` (the table comes back empty)",
                table.name
            )),
            Op::AddColumn {
                table,
                column,
                role,
                ..
            } => role.rollback_loses(table, &column.name),
            Op::DropColumn { table, column, .. }
                if lost.contains(&format!("{table}.{} computed again", column.name)) =>
            {
                Some(format!(
                    "the values of `{table}.{}` as written: they come back computed from the new columns through `down`",
                    column.name
                ))
            }
            Op::DropColumn { table, column, .. } => Some(format!(
                "the values of `{table}.{}` (the column comes back empty)",
                column.name
            )),
            Op::AddEnumValue { name, value, .. } => Some(format!(
                "value `{value}` stays allowed in the columns of enum `{name}`"
            )),
            Op::MapLabelsOnRollback {
                table,
                column,
                labels,
                ..
            } => Some(crate::step::labels_mapped(table, column, labels)),
            Op::DropNotNull { table, column } => Some(format!(
                "nothing, but it fails while rows hold null in `{table}.{column}`"
            )),
            Op::DropUnique { .. } => {
                Some("nothing, but it fails if duplicates were written meanwhile".into())
            }
            Op::DropCheck { table, check, .. } => Some(format!(
                "nothing, but it fails if rows of `{table}` written meanwhile break `{}`",
                check.name
            )),
            Op::DropForeignKey { table, fk, .. } => Some(format!(
                "nothing, but it fails if rows of `{table}` written meanwhile break `{}`",
                fk.name
            )),
            _ if !lost.is_empty() => Some(format!(
                "the values of `{}` (they come back empty or computed again)",
                lost.iter()
                    .map(|l| l.trim_end_matches(" computed again"))
                    .collect::<Vec<_>>()
                    .join("`, `")
            )),
            _ => None,
        }
    }
}
