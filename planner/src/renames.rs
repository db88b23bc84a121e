//! Column renames in place. Where each application version sees the tables through views of its
//! own ([`crate::dialect::VersionAccess::Views`]), a renamed column needs no new column, no
//! dual-write trigger and no backfill: the table keeps the column under its deployed name until
//! contract, the new version's view shows it under the declared one, and contract renames it,
//! which is a change of the catalog only.
//!
//! The planner plans against the declared schema as the tables stand during the rollout (each
//! such column under its deployed name, in the table's keys, indexes and checks and in the
//! foreign keys that point at it), so that nothing else about the column is seen as a change,
//! then adds the renames last in contract.

use crate::step::{Op, Phase, Step};
use migc_compiler::schema::{Column, Schema, Table};
use migc_grammar::Span;
use std::collections::BTreeMap;

/// A column renamed in place at contract.
#[derive(Clone, Debug)]
pub(crate) struct Rename {
    /// The table, by its deployed name (the same as its declared one).
    pub table: String,
    pub from: String,
    pub to: String,
    pub origin: Span,
}

/// The declared schema as it stands until contract, and the renames contract makes: those of
/// `(deployed, declared)` names that `which` takes, in tables that keep their names and, with
/// `in_renamed_tables`, in tables renamed too (the columns are renamed after the table, at the
/// end of contract).
pub(crate) fn in_place(
    from: &Schema,
    to: &Schema,
    which: impl Fn(&str, &str) -> bool,
    in_renamed_tables: bool,
) -> (Schema, Vec<Rename>) {
    let mut renames: Vec<Rename> = Vec::new();
    let mut physical = to.clone();
    for new in to.tables.values() {
        let deployed = match &new.renamed_from {
            Some(r) if in_renamed_tables => r.as_str(),
            Some(_) => continue,
            None => new.name.as_str(),
        };
        let Some(old) = from.tables.get(deployed) else {
            continue;
        };
        // A table a view reads keeps the rename as a new column: the view's query names the
        // declared column, which must exist while the view is made.
        let read_by_view = |s: &Schema| {
            s.views
                .values()
                .any(|v| v.depends_on.iter().any(|d| d == &new.name || d == deployed))
        };
        if read_by_view(from) || read_by_view(to) {
            continue;
        }
        let map: BTreeMap<String, String> = new
            .columns
            .iter()
            .filter_map(|c| {
                let r = c.renamed_from.as_deref()?;
                let o = old.column(r)?;
                (renamable(o, c)
                    && which(r, &c.name)
                    && new.column(r).is_none()
                    && old.column(&c.name).is_none())
                .then(|| (c.name.clone(), r.to_string()))
            })
            .collect();
        if map.is_empty() {
            continue;
        }
        for c in new.columns.iter().filter(|c| map.contains_key(&c.name)) {
            renames.push(Rename {
                table: new.name.clone(),
                from: map[&c.name].clone(),
                to: c.name.clone(),
                origin: c.origin,
            });
        }
        if let Some(t) = physical.tables.get_mut(&new.name) {
            rename_within(t, &map);
        }
        for t in physical.tables.values_mut() {
            for fk in t
                .foreign_keys
                .iter_mut()
                .filter(|f| f.ref_table == new.name)
            {
                for c in &mut fk.ref_columns {
                    if let Some(r) = map.get(c) {
                        *c = r.clone();
                    }
                }
            }
        }
    }
    (physical, renames)
}

/// Whether the deployed column `o` becomes `c` by its name alone.
fn renamable(o: &Column, c: &Column) -> bool {
    c.transform.is_none()
        && o.ty == c.ty
        && o.nullable == c.nullable
        && o.identity == c.identity
        && o.comment == c.comment
        && o.default.as_ref().map(|d| &d.sql) == c.default.as_ref().map(|d| &d.sql)
}

/// The table with each column of `map` (declared name to deployed name) under its deployed name.
fn rename_within(t: &mut Table, map: &BTreeMap<String, String>) {
    let name = |c: &mut String| {
        if let Some(r) = map.get(c.as_str()) {
            *c = r.clone();
        }
    };
    for c in &mut t.columns {
        if map.contains_key(&c.name) {
            name(&mut c.name);
            c.renamed_from = None;
        }
    }
    if let Some(pk) = &mut t.primary_key {
        pk.columns.iter_mut().for_each(name);
    }
    for u in &mut t.uniques {
        u.columns.iter_mut().for_each(name);
    }
    for fk in &mut t.foreign_keys {
        fk.columns.iter_mut().for_each(name);
    }
    for ck in &mut t.checks {
        ck.expr.sql = crate::sql::rename_identifiers(&ck.expr.sql, map);
    }
    // A `down` reads the new shape: such a column under its deployed name too.
    for c in &mut t.columns {
        if let Some(d) = c.transform.as_mut().and_then(|tr| tr.down.as_mut()) {
            d.sql = crate::sql::rename_identifiers(&d.sql, map);
        }
    }
    for r in &mut t.retired {
        if let Some(d) = &mut r.down {
            d.sql = crate::sql::rename_identifiers(&d.sql, map);
        }
    }
    for i in &mut t.indexes {
        for p in &mut i.parts {
            if let Some(c) = &mut p.column {
                name(c);
            }
            p.expr.sql = crate::sql::rename_identifiers(&p.expr.sql, map);
        }
        if let Some(pr) = &mut i.predicate {
            pr.sql = crate::sql::rename_identifiers(&pr.sql, map);
        }
    }
}

/// The renames as contract steps, each after every other contract step on its table (which the
/// planner made against the deployed names).
pub(crate) fn add(steps: &mut Vec<Step>, renames: &[Rename]) {
    let end = steps
        .iter()
        .rposition(|s| s.phase == Phase::Contract)
        .map_or(steps.len(), |i| i + 1);
    let mut added: Vec<Step> = Vec::new();
    for r in renames {
        let after: Vec<usize> = steps[..end]
            .iter()
            .enumerate()
            .filter(|(_, s)| s.phase == Phase::Contract && s.op.table() == Some(r.table.as_str()))
            .map(|(i, _)| i)
            .collect();
        added.push(Step {
            id: format!("contract.rename_column.{}.{}", r.table, r.to),
            phase: Phase::Contract,
            summary: format!(
                "rename column `{}.{}` to `{}` (the new application has seen it so since expand)",
                r.table, r.from, r.to
            ),
            object: format!("{}.{}", r.table, r.to),
            op: Op::RenameColumn {
                table: r.table.clone(),
                from: r.from.clone(),
                to: r.to.clone(),
            },
            after,
            origin: Some(r.origin),
        });
    }
    let n = added.len();
    // Steps after the insertion point move by `n`.
    for s in steps[end..].iter_mut() {
        for a in &mut s.after {
            if *a >= end {
                *a += n;
            }
        }
    }
    steps.splice(end..end, added);
}
