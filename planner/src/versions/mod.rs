//! The version layer: while a plan rolls out, each application version reads and writes the
//! tables the plan changes through views in a namespace of its own, in exactly its own shape.
//! The old version sees the deployed columns (not the ones the plan adds); the new version sees
//! the declared columns under their declared names, a retyped column being its shadow and a
//! column the plan computes having its declared default. The dual-write trigger of such a table
//! tells the new application's writes by the namespace they come through.
//!
//! The pass runs after planning, for a dialect that has the layer
//! ([`crate::dialect::Lowering::supports_version_layer`]): each changed table's views are made
//! last in expand, the old version's dropped first at contract (before the columns they show
//! go), the new version's last at contract (once the table has the declared shape, which its
//! connections then see directly).

use crate::step::{App, ColumnRole, Op, Phase, Step, VersionColumn, VersionView};
use migc_compiler::schema::{Schema, Table};
use migc_grammar::{Code, Diagnostic};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet};

mod databases;
pub(crate) use databases::databases;

/// The namespaces of the two application versions of a plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Layer {
    pub old: String,
    pub new: String,
}

impl Layer {
    pub fn of(from: &Schema, to: &Schema) -> Layer {
        Layer {
            old: namespace(from),
            new: namespace(to),
        }
    }
}

/// The namespace of the application version whose schema is `schema`, derived from its tables'
/// columns as the version sees them (names, types, nullability, defaults), their checks,
/// unique and foreign keys, enum labels, and indexes on expressions or with a predicate: the same version gets the same
/// namespace in every plan it takes part in (the new version of one plan is the old of the
/// next), so a deployed application never changes how it connects.
pub fn namespace(schema: &Schema) -> String {
    let mut h = Sha256::new();
    for t in schema.tables.values() {
        h.update(t.name.as_bytes());
        h.update([0]);
        for c in &t.columns {
            h.update(c.name.as_bytes());
            h.update([1]);
            h.update(c.ty.to_string().as_bytes());
            h.update(if c.nullable { [2] } else { [3] });
            if let Some(d) = &c.default {
                h.update(d.sql.as_bytes());
            }
            h.update([1]);
        }
        // What the version's writes must satisfy: its checks, unique and foreign keys.
        for k in &t.checks {
            h.update(k.name.as_bytes());
            h.update([6]);
            h.update(k.expr.sql.as_bytes());
            h.update([1]);
        }
        for u in &t.uniques {
            h.update(u.name.as_bytes());
            h.update([7]);
            h.update(u.columns.join("\0").as_bytes());
            h.update([1]);
        }
        // Indexes on expressions or parts of the table, which a dialect may hold in columns
        // of the table that no version declares.
        for i in t
            .indexes
            .iter()
            .filter(|i| i.predicate.is_some() || i.parts.iter().any(|p| p.column.is_none()))
        {
            h.update(i.name.as_bytes());
            h.update([9]);
            for p in &i.parts {
                h.update(p.expr.sql.as_bytes());
                h.update([0]);
            }
            if let Some(w) = &i.predicate {
                h.update(w.sql.as_bytes());
            }
            h.update([1]);
        }
        for f in &t.foreign_keys {
            h.update(f.name.as_bytes());
            h.update([8]);
            h.update(f.columns.join("\0").as_bytes());
            h.update([0]);
            h.update(f.ref_table.as_bytes());
            h.update([0]);
            h.update(f.ref_columns.join("\0").as_bytes());
            h.update([1]);
        }
        h.update([4]);
    }
    for e in schema.enums.values() {
        h.update(e.name.as_bytes());
        h.update([5]);
        for v in &e.values {
            h.update(v.name.as_bytes());
            h.update([1]);
        }
    }
    let digest = h.finalize();
    let tag: String = digest[..6].iter().map(|b| format!("{b:02x}")).collect();
    format!("migc_{tag}")
}

/// The plan's steps with the version layer added: the views of every table whose columns the
/// plan changes, and the new version's namespace on each of those tables' dual-write triggers.
pub(crate) fn add(steps: &[Step], from: &Schema, to: &Schema, layer: &Layer) -> Vec<Step> {
    let views: Vec<(VersionView, VersionView)> = changed(steps, from, to)
        .into_iter()
        .map(|(old, new)| {
            (
                old_view(old, &layer.old),
                new_view(steps, old, new, &layer.new),
            )
        })
        .collect();
    // Two versions the namespace cannot tell apart show the same columns: nothing to show.
    if views.is_empty() || layer.old == layer.new {
        return steps.to_vec();
    }
    let summary = |v: &VersionView, verb: &str| {
        format!(
            "{verb} `{}` to the {} application in its shape (view `{}.{}`)",
            v.table,
            match v.app {
                App::Old => "old",
                App::New => "new",
            },
            v.namespace,
            v.name
        )
    };
    let step = |phase: Phase, op: Op, v: &VersionView, verb: &str| Step {
        id: format!(
            "{}.{}.{}.{}",
            phase.name(),
            match op {
                Op::CreateVersionView { .. } => "create_version_view",
                _ => "drop_version_view",
            },
            v.table,
            match v.app {
                App::Old => "old",
                App::New => "new",
            }
        ),
        phase,
        summary: summary(v, verb),
        object: v.table.clone(),
        op,
        after: Vec::new(),
        origin: None,
    };
    // Each step with where it came from (its index in `steps`), so `after` can be re-indexed.
    let mut out: Vec<(Option<usize>, Step)> = Vec::new();
    let placed = |out: &mut Vec<(Option<usize>, Step)>, phase: Phase| {
        for (i, s) in steps.iter().enumerate().filter(|(_, s)| s.phase == phase) {
            let mut s = s.clone();
            if let Op::InstallSync { table, sync } | Op::RemoveSync { table, sync } = &mut s.op {
                if views.iter().any(|(o, _)| &o.table == table) {
                    sync.new_version = Some(layer.new.clone());
                    sync.old_version = Some(layer.old.clone());
                }
            }
            out.push((Some(i), s));
        }
    };
    for phase in Phase::ALL {
        if phase == Phase::Contract {
            for (old, _) in &views {
                let op = Op::DropVersionView { view: old.clone() };
                out.push((None, step(phase, op, old, "stop showing")));
            }
        }
        placed(&mut out, phase);
        for (old, new) in &views {
            for v in [old, new] {
                match (phase, v.app) {
                    (Phase::Expand, _) => {
                        let op = Op::CreateVersionView { view: v.clone() };
                        out.push((None, step(phase, op, v, "show")));
                    }
                    (Phase::Contract, App::New) => {
                        let op = Op::DropVersionView { view: v.clone() };
                        out.push((None, step(phase, op, v, "stop showing")));
                    }
                    _ => {}
                }
            }
        }
    }
    sequenced(out.into_iter().map(|(i, s)| (i, s, Vec::new())).collect())
}

/// The steps of `out` in their order, each with its `after` as indexes into `out`: a step of
/// the plan (with its index in the plan's list) keeps the steps it followed; an added step
/// follows every earlier step of its phase on the objects it names (its `follows`, else its
/// table). A contract step of the plan on a table also follows the added steps before it on
/// that table (the old version's view of it dropped).
fn sequenced(out: Vec<(Option<usize>, Step, Vec<String>)>) -> Vec<Step> {
    let position: BTreeMap<usize, usize> = out
        .iter()
        .enumerate()
        .filter_map(|(pos, (i, _, _))| i.map(|i| (i, pos)))
        .collect();
    let mut result: Vec<Step> = Vec::with_capacity(out.len());
    for (pos, (origin, mut s, follows)) in out.iter().cloned().enumerate() {
        s.after = match origin {
            Some(_) => s
                .after
                .iter()
                .filter_map(|a| position.get(a).copied())
                .collect(),
            None => {
                let names = if follows.is_empty() {
                    s.op.table().map(str::to_string).into_iter().collect()
                } else {
                    follows
                };
                out[..pos]
                    .iter()
                    .enumerate()
                    .filter(|(_, (_, o, _))| {
                        o.phase == s.phase && databases::touches(&o.op, &names)
                    })
                    .map(|(p, _)| p)
                    .collect()
            }
        };
        if origin.is_some() && s.phase == Phase::Contract {
            for (p, (o, before, _)) in out[..pos].iter().enumerate() {
                if o.is_none() && before.op.table() == s.op.table() {
                    s.after.push(p);
                }
            }
        }
        s.after.sort_unstable();
        s.after.dedup();
        result.push(s);
    }
    result
}

/// The plan's steps with each dual-write trigger told the versions' namespaces, for a dialect
/// whose connections say which version they are ([`crate::dialect::VersionAccess::Databases`]):
/// a write of a connection that says it is one version's is translated to the other shape
/// whatever columns it fills.
pub(crate) fn mark(steps: &[Step], from: &Schema, to: &Schema, layer: &Layer) -> Vec<Step> {
    // Two versions the namespace cannot tell apart: nothing to tell.
    if layer.old == layer.new || changed(steps, from, to).is_empty() {
        return steps.to_vec();
    }
    steps
        .iter()
        .cloned()
        .map(|mut s| {
            if let Op::InstallSync { sync, .. } | Op::RemoveSync { sync, .. } = &mut s.op {
                sync.new_version = Some(layer.new.clone());
                sync.old_version = Some(layer.old.clone());
            }
            s
        })
        .collect()
}

/// Where the dialect has no version layer: for each table whose columns the plan changes, what
/// each application version sees of the other's shape while both use the table as it is (W3005).
pub(crate) fn shared(steps: &[Step], from: &Schema, to: &Schema, dialect: &str) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (old, new) in changed(steps, from, to) {
        let t = old.name.as_str();
        let view = new_view(steps, old, new, "");
        let list = |names: Vec<&str>| format!("`{}`", names.join("`, `"));
        let added: Vec<&str> = view
            .columns
            .iter()
            .filter(|c| old.column(&c.physical).is_none() && c.physical == c.name)
            .map(|c| c.name.as_str())
            .collect();
        let leaving: Vec<&str> = old
            .columns
            .iter()
            .filter(|o| !view.columns.iter().any(|c| c.name == o.name))
            .map(|o| o.name.as_str())
            .collect();
        let retyped: Vec<&str> = view
            .columns
            .iter()
            .filter(|c| c.physical != c.name)
            .map(|c| c.name.as_str())
            .collect();
        let mut d = Diagnostic::warning(
            Code::SharedShape,
            format!(
                "both application versions use table `{t}` as it is until contract: {dialect} gives them no shape of their own"
            ),
        )
        .primary(new.origin, "changed here");
        if !added.is_empty() {
            d = d.note(format!(
                "the old application also sees {} (the new shape's), filled for its rows by the dual-write trigger",
                list(added)
            ));
        }
        if !leaving.is_empty() {
            d = d.note(format!(
                "the new application also sees {} until contract drops them",
                list(leaving)
            ));
        }
        if !retyped.is_empty() {
            d = d.note(format!(
                "the new application sees {} in the deployed type until contract",
                list(retyped)
            ));
        }
        out.push(d.help("plan for PostgreSQL to give each version exactly its own shape, or roll out knowing each version sees the other's columns"));
    }
    out
}

/// The tables whose columns the plan changes: each deployed table with the declared table it
/// becomes (tables the plan drops have none), in name order.
pub(super) fn changed<'a>(
    steps: &[Step],
    from: &'a Schema,
    to: &'a Schema,
) -> Vec<(&'a Table, &'a Table)> {
    let names: BTreeSet<&str> = steps
        .iter()
        .filter_map(|s| match &s.op {
            Op::AddColumn { table, .. } | Op::DropColumn { table, .. } => Some(table.as_str()),
            Op::RenameColumn { table, .. }
                if from
                    .tables
                    .get(table)
                    .is_some_and(|t| renamed_in_place(t, &s.op).is_some()) =>
            {
                Some(table.as_str())
            }
            _ => None,
        })
        .collect();
    names
        .into_iter()
        .filter_map(|t| Some((from.tables.get(t)?, declared(to, t)?)))
        .collect()
}

/// A rename of a column of the deployed table `old` in place at contract ([`crate::renames`]),
/// as (deployed name, declared name); `None` for any other step, such as a shadow taking its
/// column's name.
fn renamed_in_place<'a>(old: &Table, op: &'a Op) -> Option<(&'a str, &'a str)> {
    match op {
        Op::RenameColumn { table, from, to }
            if table == &old.name && old.column(from).is_some() =>
        {
            Some((from, to))
        }
        _ => None,
    }
}

/// The declared table that the deployed table `t` becomes: the one of that name, or the one
/// renamed from it.
pub(super) fn declared<'a>(to: &'a Schema, t: &str) -> Option<&'a Table> {
    to.tables.get(t).or_else(|| {
        to.tables
            .values()
            .find(|d| d.renamed_from.as_deref() == Some(t))
    })
}

/// The deployed table as the old version knows it: its deployed columns.
pub(super) fn old_view(old: &Table, namespace: &str) -> VersionView {
    as_is(App::Old, namespace, old, &old.name)
}

/// A table shown to a version as it is: every column under its own name, read from the table
/// named `physical`.
pub(super) fn as_is(app: App, namespace: &str, table: &Table, physical: &str) -> VersionView {
    VersionView {
        app,
        namespace: namespace.to_string(),
        name: table.name.clone(),
        table: physical.to_string(),
        columns: table
            .columns
            .iter()
            .map(|c| VersionColumn {
                name: c.name.clone(),
                physical: c.name.clone(),
                default: None,
            })
            .collect(),
        whole: false,
    }
}

/// The declared table over the deployed one: each declared column from the column holding it
/// during the rollout (a retyped column's shadow), with its declared default where the plan
/// gives the column that holds it none until contract.
pub(super) fn new_view(steps: &[Step], old: &Table, new: &Table, namespace: &str) -> VersionView {
    let added: BTreeMap<&str, (&str, &ColumnRole)> = steps
        .iter()
        .filter_map(|s| match &s.op {
            Op::AddColumn {
                table,
                column,
                role,
                ..
            } if table == &old.name => {
                let shown = match role {
                    ColumnRole::Shadow { of } => of.as_str(),
                    _ => column.name.as_str(),
                };
                Some((shown, (column.name.as_str(), role)))
            }
            _ => None,
        })
        .collect();
    // Columns renamed in place at contract: until then under their deployed names.
    let renamed: BTreeMap<&str, &str> = steps
        .iter()
        .filter_map(|s| renamed_in_place(old, &s.op))
        .map(|(deployed, declared)| (declared, deployed))
        .collect();
    VersionView {
        app: App::New,
        namespace: namespace.to_string(),
        name: new.name.clone(),
        table: old.name.clone(),
        columns: new
            .columns
            .iter()
            .map(|c| {
                if let Some(deployed) = renamed.get(c.name.as_str()) {
                    return VersionColumn {
                        name: c.name.clone(),
                        physical: deployed.to_string(),
                        default: None,
                    };
                }
                let (physical, default) = match added.get(c.name.as_str()) {
                    Some((physical, ColumnRole::Shadow { .. } | ColumnRole::Computed)) => {
                        (physical.to_string(), c.default.clone())
                    }
                    Some((physical, ColumnRole::Plain)) => (physical.to_string(), None),
                    None => (c.name.clone(), None),
                };
                VersionColumn {
                    name: c.name.clone(),
                    physical,
                    default,
                }
            })
            .collect(),
        whole: false,
    }
}
