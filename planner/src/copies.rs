//! Table copies in phases. Where a dialect adds a check to a deployed table only by copying the
//! table ([`Lowering::check_needs_copy`]), the checks expand adds to that table are carried by
//! one copy of it, in four steps of their own: made last in expand ([`Op::CopyCreate`]: it
//! takes what expand did to the table), filled first in backfill ([`Op::CopyFill`]), swapped in
//! first at switch ([`Op::CopySwap`]: switch can be rolled back onto the old table, which the
//! copy keeps in step until contract) and the old table dropped first at contract
//! ([`Op::CopyDropOld`]). Steps on the table in switch and contract run after those.
//!
//! The copy stands through switch, so no switch step may disturb it or the copy of a table a key
//! links it to ([`Lowering::disturbs_copy`]), and no table a key links it to may be copied in
//! phases too (each would be swapped in while the other's copy holds a key naming the table, not
//! its copy). Where the plan does not allow a copy in phases, the lowering of the check copies
//! the table within its own step.

use crate::dialect::{Context, Lowering};
use crate::step::{Op, Phase, Step};
use migc_compiler::schema::Check;

/// The plan's steps with the copies in phases that `lowering` needs placed among them, `after`
/// re-indexed.
pub(crate) fn place(steps: &[Step], lowering: &dyn Lowering, ctx: &Context<'_>) -> Vec<Step> {
    let copies: Vec<usize> = (0..steps.len())
        .filter(|&i| in_phases(lowering, steps, i, ctx))
        .collect();
    if copies.is_empty() {
        return steps.to_vec();
    }
    // Each copy's four steps, in the order of the checks they are for.
    let parts = |phase: Phase| -> Vec<Step> {
        copies.iter().map(|&i| copy_step(steps, i, phase)).collect()
    };
    let mut position = vec![0; steps.len()];
    let mut out: Vec<Step> = Vec::with_capacity(steps.len() + 4 * copies.len());
    // Indexes in `out` of the copies' steps that steps on their table come after: at switch
    // those act on the copy swapped in, at contract on the copy with its names back. (The
    // backfill of a table may run before or after its copy's fill: the triggers carry it.)
    let mut firsts: Vec<usize> = Vec::new();
    for phase in Phase::ALL {
        firsts.clear();
        if phase != Phase::Expand {
            for part in parts(phase) {
                if phase != Phase::Backfill {
                    firsts.push(out.len());
                }
                out.push(part);
            }
        }
        for (i, step) in steps.iter().enumerate().filter(|(_, s)| s.phase == phase) {
            position[i] = out.len();
            let mut step = step.clone();
            step.after = step.after.iter().map(|&a| position[a]).collect();
            for &f in &firsts {
                if step.op.table() == out[f].op.table() {
                    step.after.push(f);
                }
            }
            step.after.sort_unstable();
            out.push(step);
        }
        if phase == Phase::Expand {
            for mut part in parts(phase) {
                let table = part.op.table().unwrap_or_default().to_string();
                part.after = (0..out.len())
                    .filter(|&k| out[k].phase == Phase::Expand && shapes(&out[k].op, &table, ctx))
                    .collect();
                out.push(part);
            }
        }
    }
    out
}

/// The step of the copy for the check of step `i` in `phase`: named after that step, from the
/// same declaration, carrying every check expand adds to the table (step `i`'s last).
fn copy_step(steps: &[Step], i: usize, phase: Phase) -> Step {
    let from = &steps[i];
    let table = from.op.table().unwrap_or_default().to_string();
    let copy = crate::names::copy(&table);
    let checks: Vec<Check> = steps[..=i]
        .iter()
        .filter_map(|s| match &s.op {
            Op::AddCheck {
                table: t, check, ..
            } if *t == table && s.phase == Phase::Expand => Some(check.clone()),
            _ => None,
        })
        .collect();
    let (op, summary) = match phase {
        Phase::Expand => (
            Op::CopyCreate {
                table: table.clone(),
                copy: copy.clone(),
                checks,
            },
            format!(
                "make the copy `{copy}` of `{table}`, with the change, kept in step by triggers"
            ),
        ),
        Phase::Backfill => (
            Op::CopyFill {
                table: table.clone(),
                copy: copy.clone(),
                checks,
            },
            format!("copy the rows of `{table}` to its copy `{copy}`"),
        ),
        Phase::Switch => (
            Op::CopySwap {
                table: table.clone(),
                copy: copy.clone(),
                checks,
            },
            format!(
                "swap the copy `{copy}` in for `{table}`; the old table follows it until contract"
            ),
        ),
        Phase::Contract => (
            Op::CopyDropOld {
                table: table.clone(),
                copy,
                checks,
            },
            format!("drop the table `{table}` was copied from"),
        ),
    };
    let kind = serde_json::to_value(&op)
        .ok()
        .and_then(|v| v.get("op").and_then(|o| o.as_str()).map(str::to_string))
        .unwrap_or_default();
    let rest = from.id.split_once('.').map_or(from.id.as_str(), |(_, r)| r);
    Step {
        id: format!("{}.{kind}.{rest}", phase.name()),
        phase,
        summary,
        object: from.object.clone(),
        op,
        after: Vec::new(),
        origin: from.origin,
    }
}

/// Whether the operation shapes what a copy of `table` made after it takes: it acts on the
/// table, or changes an enum type a column of the table has.
fn shapes(op: &Op, table: &str, ctx: &Context<'_>) -> bool {
    let enum_name = match op {
        Op::CreateEnum { name, .. }
        | Op::AddEnumValue { name, .. }
        | Op::RenameEnumValue { name, .. }
        | Op::DropEnum { name, .. } => Some(name.as_str()),
        Op::RenameEnum { from, .. } => Some(from.as_str()),
        _ => None,
    };
    match enum_name {
        Some(name) => ctx.uses_enum(table, name),
        None => op.table() == Some(table),
    }
}

/// Whether step `i` adds a check to a deployed table in expand that the dialect adds only by a
/// copy, is the last check expand adds to the table (the others join its copy), and nothing
/// keeps the copy from standing through switch (see the module's documentation).
fn in_phases(lowering: &dyn Lowering, steps: &[Step], i: usize, ctx: &Context<'_>) -> bool {
    let step = &steps[i];
    let Op::AddCheck { table, .. } = &step.op else {
        return false;
    };
    let copies = |s: &Step, table: &str| {
        s.phase == Phase::Expand
            && ctx.from.tables.contains_key(table)
            && lowering.check_needs_copy(table, ctx)
    };
    if !copies(step, table) {
        return false;
    }
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
    let linked_check = steps.iter().any(|s| match &s.op {
        Op::AddCheck { table: other, .. } => {
            other != table && linked.contains(&other.as_str()) && copies(s, other)
        }
        _ => false,
    });
    !linked_check
        && steps
            .iter()
            .filter(|s| s.phase == Phase::Switch)
            .all(|s| !linked.iter().any(|t| lowering.disturbs_copy(&s.op, t, ctx)))
}
