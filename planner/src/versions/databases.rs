//! The version layer as a database per version ([`crate::dialect::VersionAccess::Databases`]):
//! a MySQL connection finds unqualified names in one database only, so a version's database
//! holds a view of every table and view of its schema, the tables the plan changes in the
//! version's shape and the others as they are.
//!
//! - Expand ends with both versions' views: the new version's, and the old version's (made
//!   again when an earlier plan left them, so that the old application's connections opened from
//!   now on see exactly its shape). A rollback of expand takes the new version's away and leaves
//!   the old version's, which its connections may be using.
//! - Contract starts by dropping the old version's views (the old application is gone) and
//!   by restating the new version's views of the objects contract changes, which is what a
//!   rollback of contract ends with. After the last contract step on such an object, its view
//!   shows it as it now is.
//! - The new version's views stay after contract, so its connections keep working unchanged
//!   until the next plan's contract, in which that version is the old one.

use super::{as_is, changed, declared, new_view, old_view, Layer};
use crate::state::State;
use crate::step::{App, Op, Phase, Step, VersionView};
use migc_compiler::schema::Schema;
use std::collections::BTreeSet;

/// What an added step does, for its id and summary.
#[derive(Clone, Copy)]
enum Verb {
    Show,
    Restate,
    Refresh,
    Hide,
}

impl Verb {
    fn id(self) -> &'static str {
        match self {
            Verb::Show => "create_version_view",
            Verb::Restate => "restate_version_view",
            Verb::Refresh => "refresh_version_view",
            Verb::Hide => "drop_version_view",
        }
    }

    fn summary(self, v: &VersionView) -> String {
        let app = match v.app {
            App::Old => "old",
            App::New => "new",
        };
        let what = if v.whole { "view" } else { "table" };
        let shape = match self {
            Verb::Show => format!("show {what} `{}` to the {app} application in its shape", v.name),
            Verb::Restate => format!(
                "keep showing {what} `{}` to the {app} application in its shape (what a rollback of contract restores)",
                v.name
            ),
            Verb::Refresh => format!(
                "show {what} `{}` to the {app} application as it now is",
                v.name
            ),
            Verb::Hide => format!("stop showing {what} `{}` to the {app} application", v.name),
        };
        format!("{shape} (the version's database for `{}`)", v.namespace)
    }
}

/// A step the pass adds, with the names of the objects whose earlier steps of its phase it
/// follows.
struct Added {
    step: Step,
    follows: Vec<String>,
}

fn added(phase: Phase, verb: Verb, view: VersionView, follows: Vec<String>) -> Added {
    let app = match view.app {
        App::Old => "old",
        App::New => "new",
    };
    let step = Step {
        id: format!("{}.{}.{}.{app}", phase.name(), verb.id(), view.name),
        phase,
        summary: verb.summary(&view),
        object: view.name.clone(),
        op: match verb {
            Verb::Hide => Op::DropVersionView { view },
            _ => Op::CreateVersionView { view },
        },
        after: Vec::new(),
        origin: None,
    };
    Added { step, follows }
}

/// A view of the schema, shown whole.
fn whole(app: App, namespace: &str, name: &str) -> VersionView {
    VersionView {
        app,
        namespace: namespace.to_string(),
        name: name.to_string(),
        table: name.to_string(),
        columns: Vec::new(),
        whole: true,
    }
}

/// Whether `op` acts on one of `names` (a table by any name it has in the plan, or a view).
pub(super) fn touches(op: &Op, names: &[String]) -> bool {
    let named = |n: &str| names.iter().any(|x| x == n);
    match op {
        Op::RenameTable { from, to } => named(from) || named(to),
        Op::CreateView { view } | Op::DropView { view } => named(&view.name),
        op => op.table().is_some_and(named),
    }
}

/// The plan's steps with each version's database added (see the module's documentation), and
/// the versions' namespaces on the dual-write triggers, which the connections' marks are
/// compared with.
/// `hidden`: the tables whose columns the dialect adds for indexes (which neither version
/// declares) the plan changes.
pub(crate) fn databases(
    steps: &[Step],
    from: &Schema,
    to: &Schema,
    layer: &Layer,
    hidden: &BTreeSet<&str>,
) -> Vec<Step> {
    // Two versions the namespace cannot tell apart see the same database.
    if layer.old == layer.new {
        return steps.to_vec();
    }
    let marked = super::mark(steps, from, to, layer);
    let mut changed: BTreeSet<&str> = changed(steps, from, to)
        .into_iter()
        .map(|(old, _)| old.name.as_str())
        .collect();
    changed.extend(
        hidden
            .iter()
            .filter(|t| from.tables.contains_key(**t) && declared(to, t).is_some()),
    );
    // No table's columns change: both versions can use the tables as they are (a connection
    // of a version without a database stays in the application's).
    if changed.is_empty() {
        return marked;
    }

    let mut expand: Vec<Added> = Vec::new();
    let mut contract_first: Vec<Added> = Vec::new();
    // Views refreshed after contract's last step on the objects they name.
    let mut refreshed: Vec<Added> = Vec::new();

    for old in from.tables.values() {
        let v = old_view(old, &layer.old);
        expand.push(added(Phase::Expand, Verb::Show, v.clone(), vec![]));
        contract_first.push(added(Phase::Contract, Verb::Hide, v, vec![]));
    }
    for name in from.views.keys() {
        let v = whole(App::Old, &layer.old, name);
        expand.push(added(Phase::Expand, Verb::Show, v.clone(), vec![]));
        contract_first.push(added(Phase::Contract, Verb::Hide, v, vec![]));
    }
    for new in to.tables.values() {
        // The deployed table it becomes, by the name the table has until contract.
        let deployed = from
            .tables
            .values()
            .find(|o| declared(to, &o.name).is_some_and(|d| d.name == new.name));
        let physical = deployed.map_or(new.name.as_str(), |o| o.name.as_str());
        let shown = match deployed {
            Some(old) if changed.contains(old.name.as_str()) => {
                new_view(steps, old, new, &layer.new)
            }
            _ => as_is(App::New, &layer.new, new, physical),
        };
        expand.push(added(Phase::Expand, Verb::Show, shown.clone(), vec![]));
        // Shown otherwise than as it is until contract: a renamed table, a column under
        // another name (a shadow, a column renamed at contract).
        if shown.table != new.name || shown.columns.iter().any(|c| c.physical != c.name) {
            let names = vec![shown.table.clone(), new.name.clone()];
            contract_first.push(added(Phase::Contract, Verb::Restate, shown, vec![]));
            let now = as_is(App::New, &layer.new, new, &new.name);
            refreshed.push(added(Phase::Contract, Verb::Refresh, now, names));
        }
    }
    for name in to.views.keys() {
        let v = whole(App::New, &layer.new, name);
        // Whether the view stands at the end of expand (a view contract makes is shown after).
        let mut stands = from.views.contains_key(name);
        for s in steps.iter().filter(|s| s.phase == Phase::Expand) {
            match &s.op {
                Op::CreateView { view } if &view.name == name => stands = true,
                Op::DropView { view } if &view.name == name => stands = false,
                _ => {}
            }
        }
        if stands {
            expand.push(added(Phase::Expand, Verb::Show, v.clone(), vec![]));
        }
        // A view contract makes again is shown again after it.
        let remade = steps
            .iter()
            .any(|s| s.phase == Phase::Contract && touches(&s.op, std::slice::from_ref(&v.name)));
        if remade || !stands {
            refreshed.push(added(Phase::Contract, Verb::Refresh, v, vec![name.clone()]));
        }
    }

    // The sequence, each step with its index in `marked` when it is one of the plan's. The
    // state tells when a table has its declared name and every declared column: its view
    // is shown as it now is right then, so the time in which the restated view names a column
    // contract has just renamed or dropped is as short as it can be.
    let mut out: Vec<(Option<usize>, Step, Vec<String>)> = Vec::new();
    let mut contract_first = Some(contract_first);
    let mut state = State::deployed(from);
    let declared_now = |state: &State, a: &Added| match &a.step.op {
        Op::CreateVersionView { view } if !view.whole => {
            state.table(&view.name).is_some()
                && view
                    .columns
                    .iter()
                    .all(|c| state.column(&view.name, &c.name).is_some())
        }
        _ => false,
    };
    for phase in Phase::ALL {
        if phase == Phase::Contract {
            for a in contract_first.take().into_iter().flatten() {
                out.push((None, a.step, a.follows));
            }
        }
        let in_phase: Vec<usize> = (0..marked.len())
            .filter(|&i| marked[i].phase == phase)
            .collect();
        for (k, &i) in in_phase.iter().enumerate() {
            out.push((Some(i), marked[i].clone(), Vec::new()));
            marked[i].op.apply(&mut state);
            if phase == Phase::Contract {
                let later = &in_phase[k + 1..];
                refreshed.retain(|a| {
                    let due = if let Op::CreateVersionView { view } = &a.step.op {
                        if view.whole {
                            // After the last contract step on the view.
                            touches(&marked[i].op, &a.follows)
                                && !later.iter().any(|&j| touches(&marked[j].op, &a.follows))
                        } else {
                            touches(&marked[i].op, &a.follows) && declared_now(&state, a)
                        }
                    } else {
                        false
                    };
                    if due {
                        out.push((None, a.step.clone(), a.follows.clone()));
                    }
                    !due
                });
            }
        }
        if phase == Phase::Expand {
            for a in expand.drain(..) {
                out.push((None, a.step, a.follows));
            }
        }
        if phase == Phase::Contract {
            for a in refreshed.drain(..) {
                out.push((None, a.step, a.follows));
            }
        }
    }
    super::sequenced(out)
}
