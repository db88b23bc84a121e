//! How the plan's table copies are arranged: which check's copy runs in phases, and which
//! checks a later step's copy adds with its own.

use crate::dialect::mysql::Mysql;
use crate::dialect::Context;
use crate::step::{Op, Phase, Step};
use migc_compiler::schema::ColumnType;
use std::collections::BTreeMap;

/// Whether step `i` adds a check to a deployed table in expand and nothing later before
/// contract would work against its copy in phases (see `phased.rs`). The copy is made last in
/// expand (it takes what expand did to the table), filled first in backfill and swapped in
/// first at switch, so a step of switch may not copy the table or a table a key links it to
/// (its copy would miss keys the phased copy holds under other names, or the copy's triggers),
/// and no table a key links it to may be copied in phases too.
pub(crate) fn copies_in_phases(mysql: &Mysql, steps: &[Step], i: usize, ctx: &Context<'_>) -> bool {
    let step = &steps[i];
    let Op::AddCheck { table, .. } = &step.op else {
        return false;
    };
    if step.phase != Phase::Expand || !ctx.from.tables.contains_key(table) {
        return false;
    }
    // The last check on the table in expand copies it; the others join that copy.
    let later_check = steps[i + 1..].iter().any(|s| {
        s.phase == Phase::Expand && matches!(&s.op, Op::AddCheck { table: t, .. } if t == table)
    });
    if later_check {
        return false;
    }
    let mut linked: Vec<&str> = vec![table];
    for t in ctx.from.tables.values().chain(ctx.to.tables.values()) {
        for fk in &t.foreign_keys {
            if t.name == *table {
                linked.push(&fk.ref_table);
            } else if fk.ref_table == *table {
                linked.push(&t.name);
            }
        }
    }
    let uses_enum = |name: &str| {
        linked.iter().any(|t| {
            [ctx.from, ctx.to]
                .iter()
                .filter_map(|s| s.tables.get(*t))
                .flat_map(|t| &t.columns)
                .any(|c| matches!(&c.ty, ColumnType::Enum { name: n, .. } if n == name))
        })
    };
    // Two linked tables copied in phases would each swap in while the other's copy holds a
    // key naming the table, not its copy.
    let linked_check = steps.iter().any(|s| match &s.op {
        Op::AddCheck { table: other, .. } => {
            s.phase == Phase::Expand
                && other != table
                && linked.contains(&other.as_str())
                && ctx.from.tables.contains_key(other)
        }
        _ => false,
    });
    !linked_check
        && steps
            .iter()
            .filter(|s| s.phase == Phase::Switch)
            .all(|s| match &s.op {
                Op::AddEnumValue { name, .. } => !uses_enum(name),
                op => {
                    let Some(on) = op.table() else { return true };
                    if !linked.contains(&on) {
                        return true;
                    }
                    match op {
                        Op::SetNotNull { table, .. } => !mysql.holds_stored_generated(ctx, table),
                        _ => matches!(
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
            })
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
