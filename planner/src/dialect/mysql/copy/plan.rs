//! How the plan's table copies are arranged: which switch steps a copy in phases stands (the
//! planner asks, planner/src/copies.rs), and which checks a later step's copy adds with its own.

use crate::dialect::mysql::Mysql;
use crate::dialect::Context;
use crate::step::{Op, Phase, Step};
use std::collections::BTreeMap;

impl Mysql {
    /// Whether `op`, run at switch, works against a copy in phases of `table` (see
    /// [`crate::dialect::Lowering::disturbs_copy`]): any step on the table but those that
    /// neither copy it nor change what the copy's triggers carry, a `NOT NULL` set on a table
    /// with stored generated columns (it copies the table), and a member added to an enum a
    /// column of the table has (the column is modified).
    pub(crate) fn disturbs_copy_of(&self, op: &Op, table: &str, ctx: &Context<'_>) -> bool {
        match op {
            Op::AddEnumValue { name, .. } => ctx.uses_enum(table, name),
            op if op.table() != Some(table) => false,
            Op::SetNotNull { table, .. } => self.holds_stored_generated(ctx, table),
            op => !matches!(
                op,
                Op::InstallSync { .. }
                    | Op::Backfill { .. }
                    | Op::ValidateConstraint { .. }
                    | Op::AddNotNullCheck { .. }
                    | Op::AttachUnique { .. }
                    | Op::AddColumn { .. }
                    | Op::SetDefault { .. }
                    | Op::CommentTable { .. }
                    | Op::CommentColumn { .. }
                    | Op::AddForeignKey { .. }
            ),
        }
    }
}

/// Checks added to a deployed table before contract that the copy of a later check adds (one
/// copy, not one per check): every other check of expand on the table when that copy runs in
/// phases (it is made last in expand), otherwise those with nothing between them on the table
/// but other such checks, dropped checks and the table's dual-write triggers and backfill.
/// Step index -> the copying step's index.
pub(crate) fn joined_checks(
    steps: &[Step],
    phased: &[bool],
    ctx: &Context<'_>,
) -> BTreeMap<usize, usize> {
    let copies = |s: &Step| match &s.op {
        Op::AddCheck { table, .. } => {
            s.phase != Phase::Contract && ctx.from.tables.contains_key(table)
        }
        _ => false,
    };
    let mut out = BTreeMap::new();
    for (k, step) in steps.iter().enumerate().rev() {
        if out.contains_key(&k) || !copies(step) {
            continue;
        }
        let table = step.op.table();
        for (j, earlier) in steps[..k].iter().enumerate().rev() {
            if earlier.op.table() != table {
                continue;
            }
            match &earlier.op {
                Op::AddCheck { .. } if copies(earlier) => {
                    out.insert(j, k);
                }
                _ if phased[k] => {}
                Op::InstallSync { .. } | Op::Backfill { .. } | Op::DropCheck { .. } => {}
                _ => break,
            }
        }
    }
    out
}
