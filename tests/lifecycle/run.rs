//! The lifecycle of one change (DESIGN.md §7), the same on every dialect. The change is planned
//! with the real binary; v1 is built on a scratch database and seeded ([`Hooks::seed`]); then:
//!
//! - the **forward run** applies every phase; each script runs twice (the second run must change
//!   nothing, a problem that does not stop the run), contract must keep every row of the new
//!   shape, and [`Hooks::after_phase`] runs with the old and the new application's sessions open
//!   together; at the end the catalog must equal that of a database built directly from v2,
//!   with no helper object left;
//! - the **rollbacks**, one from every phase: the phases up to it (hooks after each), then their
//!   `down` scripts in reverse (each run twice, [`Hooks::after_down`] after each); the catalog
//!   must equal the deployed one and every row read before must be there unchanged, apart from
//!   what the manifest declares lost; then [`Hooks::after_rollback`]. They run one after the
//!   other in one database while they succeed, so each also shows that a rolled-back change
//!   applies again;
//! - the **batched backfill**: the backfill run batch by batch from the manifest, as an executor
//!   runs it, with [`Hooks::between_batches`] after the first two batches, then the phase's
//!   script (which must change nothing when the batches are the whole phase), must leave what
//!   the script alone leaves after the same writes, and nothing left to fill.

use super::catalog::{self, first_lines, Catalog};
use super::engine::Engine;
use super::plan::{self, Change, Phase, Plan};
use super::report::{panic_text, Report};
use super::rows::{self, Rows};
use super::server::{Db, Server};
use super::session::Sessions;
use super::transitions::Transitions;
use migc_compiler::schema::Schema;
use migc_db::Connection;
use std::collections::BTreeSet;

/// What a test does and checks at each point of a change's lifecycle. Every hook gets both
/// applications' sessions, open together, in a [`Cx`]; the problems it returns fail the run
/// without stopping it.
pub trait Hooks: Sync {
    /// What a run carries from hook to hook (row counters, say). Every run starts from the
    /// state seeding left.
    type State: Clone + Send + Sync;

    /// Fills the deployed database (v1) before the first phase.
    fn seed(&self, cx: &mut Cx<'_>) -> Result<Self::State, String>;

    /// After `phase` is applied, in the forward run and in the runs that roll back.
    fn after_phase(&self, _cx: &mut Cx<'_>, _st: &mut Self::State, _phase: &Phase) -> Vec<String> {
        Vec::new()
    }

    /// After the `down` script of `phase` ran in a rollback (the phases before it still
    /// applied).
    fn after_down(&self, _cx: &mut Cx<'_>, _st: &mut Self::State, _phase: &Phase) -> Vec<String> {
        Vec::new()
    }

    /// After every phase through `from` is rolled back and the database checked against v1.
    fn after_rollback(
        &self,
        _cx: &mut Cx<'_>,
        _st: &mut Self::State,
        _from: &Phase,
    ) -> Vec<String> {
        Vec::new()
    }

    /// After the forward run, the database checked against v2.
    fn after_complete(&self, _cx: &mut Cx<'_>, _st: &mut Self::State) -> Vec<String> {
        Vec::new()
    }

    /// Between two batches of the batched backfill (after each of the first two).
    fn between_batches(&self, _cx: &mut Cx<'_>, _st: &mut Self::State) -> Result<(), String> {
        Ok(())
    }

    /// What the hooks found worth saying at the end (not failures).
    fn notes(&self) -> Vec<String> {
        Vec::new()
    }
}

/// A seeded v1 database for a run, and the state seeding left.
pub(super) type Fresh<'a, S> = dyn Fn(&str) -> Result<(Db, S), String> + 'a;

/// Which run a hook is called in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Run {
    Seed,
    Forward,
    /// The run that rolls back from the phase of this index.
    Rollback(usize),
    Batched,
}

/// What a hook works with.
pub struct Cx<'a> {
    pub prep: &'a Prepared<'a>,
    pub engine: &'static dyn Engine,
    pub db: &'a Db,
    pub sessions: &'a mut Sessions,
    /// The harness's own connection.
    pub admin: &'a mut dyn Connection,
    pub run: Run,
}

/// Why a change was not run.
#[derive(Debug)]
pub enum Outcome {
    /// `migc plan` refused it.
    NotPlanned(String),
    /// It could not be set up (deploying, building the target).
    Setup(String),
}

/// A change planned, with everything its runs share.
pub struct Prepared<'a> {
    pub server: &'a Server,
    pub engine: &'static dyn Engine,
    pub change: Change,
    pub plan: Plan,
    /// The plan from `empty` to v1.
    pub deploy: Plan,
    pub from: Schema,
    pub to: Schema,
    pub transitions: Transitions,
    /// The catalog of v1 built from `empty`.
    pub deployed: Catalog,
    /// The catalog of v2 built directly from `empty`.
    pub target: Catalog,
    /// That database (hooks may write into it; its catalog is read already).
    pub target_db: Db,
    _work: tempfile::TempDir,
}

impl<'a> Prepared<'a> {
    pub fn new(server: &'a Server, change: &Change) -> Result<Prepared<'a>, Outcome> {
        let engine = server.engine;
        let d = engine.dialect();
        let work = tempfile::tempdir().map_err(|e| Outcome::Setup(format!("tempdir: {e}")))?;
        let (from, to) = (plan::arg(&change.from), plan::arg(&change.to));
        let change_plan =
            plan::plan(&from, &to, d, &work.path().join("plan")).map_err(Outcome::NotPlanned)?;
        let setup = |what: &str, r: Result<Plan, String>| {
            r.map_err(|e| Outcome::Setup(format!("planning {what}: {e}")))
        };
        let deploy = setup(
            "v1",
            plan::plan("empty", &from, d, &work.path().join("deploy")),
        )?;
        let build = setup(
            "v2",
            plan::plan("empty", &to, d, &work.path().join("target")),
        )?;
        let from_schema = plan::snapshot(&change.from).map_err(Outcome::Setup)?;
        let to_schema = plan::snapshot(&change.to).map_err(Outcome::Setup)?;
        let built = |label: &str, plan: &Plan| -> Result<(Db, Catalog), Outcome> {
            let db = server.scratch(&format!("{}_{label}", change.name));
            for p in &plan.phases {
                db.run(&p.up)
                    .map_err(|e| Outcome::Setup(format!("building {label}: {} up: {e}", p.name)))?;
            }
            let cat = engine.catalog(&mut *db.connect()).map_err(Outcome::Setup)?;
            Ok((db, cat))
        };
        let (target_db, target) = built("v2", &build)?;
        let (_, deployed) = built("v1", &deploy)?;
        Ok(Prepared {
            server,
            engine,
            change: change.clone(),
            transitions: Transitions::new(
                &from_schema,
                &to_schema,
                d,
                &change_plan.seen_through_shadow(),
            ),
            plan: change_plan,
            deploy,
            from: from_schema,
            to: to_schema,
            deployed,
            target,
            target_db,
            _work: work,
        })
    }

    /// A seeded v1 database: `template` copied when the server copies databases, built again
    /// otherwise (the template itself the first time).
    pub(super) fn fresh<H: Hooks>(
        &self,
        hooks: &H,
        template: &std::sync::Mutex<Option<(Db, H::State)>>,
        seeded: &H::State,
        label: &str,
    ) -> Result<(Db, H::State), String> {
        let label = format!("{}_{label}", self.change.name);
        let mut t = template.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((db, _)) = t.as_ref() {
            if let Some(copy) = self.server.copy(db, &label) {
                return Ok((copy, seeded.clone()));
            }
        }
        if let Some(taken) = t.take() {
            return Ok(taken);
        }
        drop(t);
        self.seeded(hooks, &label)
    }

    /// Builds v1 in `db` (its plan from `empty`).
    pub fn deploy_into(&self, db: &Db) -> Result<(), String> {
        for p in &self.deploy.phases {
            db.run(&p.up)
                .map_err(|e| format!("deploying v1: {} up: {e}", p.name))?;
        }
        Ok(())
    }

    /// A new database with v1 and what the statements `seed` insert.
    pub fn deployed_with(&self, label: &str, seed: &[String]) -> Result<Db, String> {
        let db = self.server.scratch(label);
        self.deploy_into(&db)?;
        let mut conn = db.connect();
        for sql in seed {
            conn.execute(sql)
                .map_err(|e| format!("seeding: {e}\n      {sql}"))?;
        }
        drop(conn);
        Ok(db)
    }

    /// Seeds `db` with `hooks`.
    pub fn seed<H: Hooks>(&self, hooks: &H, db: &Db) -> Result<H::State, String> {
        let mut open = Open::new(self, db)?;
        hooks
            .seed(&mut open.cx(self, db, Run::Seed))
            .map_err(|e| format!("seeding: {e}"))
    }

    /// A new database with v1, seeded.
    pub fn seeded<H: Hooks>(&self, hooks: &H, label: &str) -> Result<(Db, H::State), String> {
        let db = self.server.scratch(label);
        self.deploy_into(&db)?;
        let state = self.seed(hooks, &db)?;
        Ok((db, state))
    }

    /// Runs the change completely with `hooks`.
    pub fn run<H: Hooks>(&self, hooks: &H) -> Report {
        let mut report = Report::new(&self.change.name);
        let (template, seeded) =
            match self.seeded(hooks, &format!("{}_v1_seeded", self.change.name)) {
                Ok((db, st)) => (std::sync::Mutex::new(Some((db, st.clone()))), st),
                Err(e) => {
                    report.fail("setup", e);
                    return report;
                }
            };
        let fresh = |label: &str| self.fresh(hooks, &template, &seeded, label);
        let (fwd, rollbacks) = std::thread::scope(|s| {
            let fwd = s.spawn(|| {
                let (db, mut st) = fresh("fwd")?;
                self.forward(hooks, &db, &mut st)
            });
            let rbs = self.rollbacks(hooks, &fresh);
            (fwd.join().unwrap_or_else(|p| Err(panic_text(&p))), rbs)
        });
        if let Err(e) = fwd {
            report.fail("forward run", e);
        }
        for (upto, result) in rollbacks.into_iter().enumerate() {
            let label = format!("rollback from {}", self.plan.phases[upto].name);
            match result {
                Ok(notes) => report.notes.extend(notes),
                Err(e) => report.fail(&label, e),
            }
        }
        match self.batched(hooks, &fresh) {
            Ok(n) => report.batches = n,
            Err(e) => report.fail("batched backfill", e),
        }
        report.notes.extend(hooks.notes());
        report
    }

    /// Runs a script twice. The first run must succeed (its error is returned); the second
    /// must change nothing (and succeed, unless the dialect's scripts refuse to run twice): what
    /// it did otherwise is returned as a problem, and the run goes on.
    pub(super) fn twice(
        &self,
        db: &Db,
        admin: &mut dyn Connection,
        script: &std::path::Path,
    ) -> Result<Option<String>, String> {
        db.run(script)?;
        let before = self.engine.dump(admin)?;
        let second = db.run(script);
        if let (Err(e), false) = (&second, self.engine.rerun_may_fail()) {
            return Ok(Some(format!("run a second time it fails: {e}")));
        }
        let after = self.engine.dump(admin)?;
        Ok((before != after).then(|| {
            format!(
                "run a second time it changed the database:\n{}",
                text_diff(&before, &after)
            )
        }))
    }

    /// [`Self::twice`] for `phase`'s script `up` or `down`: its second run's problem joins
    /// `problems`.
    pub(super) fn apply(
        &self,
        db: &Db,
        admin: &mut dyn Connection,
        phase: &Phase,
        down: bool,
        problems: &mut Vec<String>,
    ) -> Result<(), String> {
        let (script, what) = if down {
            (&phase.down, format!("{} down", phase.name))
        } else {
            (&phase.up, format!("{} up", phase.name))
        };
        match self.twice(db, admin, script) {
            Ok(None) => Ok(()),
            Ok(Some(p)) => {
                problems.push(format!("{what}, {p}"));
                Ok(())
            }
            Err(e) => Err(format!("{what}: {e}")),
        }
    }

    /// Rows of the new shape, enum labels as contract renames them.
    pub(super) fn new_rows(&self, conn: &mut dyn Connection) -> Result<Rows, String> {
        let mut rows = rows::read(conn, &self.to)?;
        for (table, rows) in rows.iter_mut() {
            let Some(t) = self.to.tables.get(table) else {
                continue;
            };
            for row in rows.values_mut() {
                for c in &t.columns {
                    if let Some(Some(v)) = row.get_mut(&c.name) {
                        *v = self.transitions.renamed_label(&c.ty, v).to_string();
                    }
                }
            }
        }
        Ok(rows)
    }

    /// Columns whose type changes in place: they take their new type at contract (the plan
    /// says so, W3004), and their text may change with it.
    fn retyped(&self) -> BTreeSet<(String, String)> {
        let mut out = BTreeSet::new();
        for t in self.to.tables.values() {
            let Some(old) = self
                .transitions
                .old_table(&t.name)
                .and_then(|o| self.from.tables.get(o))
            else {
                continue;
            };
            for c in &t.columns {
                if old.column(&c.name).is_some_and(|o| o.ty != c.ty) {
                    out.insert((t.name.clone(), c.name.clone()));
                }
            }
        }
        // Columns whose values a shadow column repairs (same type, `up` making a new
        // constraint hold), where the new application sees the deployed column until contract
        // (no version view shows it the shadow).
        let seen = self.plan.seen_through_shadow();
        for s in self.plan.steps() {
            let Some(object) = s["object"].as_str().filter(|_| s["op"] == "add_column") else {
                continue;
            };
            let Some((table, shadow)) = object.split_once('.') else {
                continue;
            };
            let Some(t) = self.to.tables.get(table) else {
                continue;
            };
            let names = t.columns.iter().map(|c| c.name.as_str());
            if let Some(column) = migc_planner::names::shadowed(shadow, names) {
                if !seen.contains(object) {
                    out.insert((table.to_string(), column.to_string()));
                }
            }
        }
        out
    }

    pub(super) fn forward<H: Hooks>(
        &self,
        hooks: &H,
        db: &Db,
        st: &mut H::State,
    ) -> Result<(), String> {
        let mut open = Open::new(self, db)?;
        let mut problems = Vec::new();
        for phase in &self.plan.phases {
            let contract = phase.name == "contract";
            let before = if contract {
                // Read as the new application sees them: until contract, a plan that shows
                // each version its own shape may keep a new name only in the new version's
                // view (a column renamed in place at contract).
                let conn: &mut dyn Connection = if self.plan.session(plan::App::New).is_empty() {
                    &mut *open.admin
                } else {
                    open.sessions.get(plan::App::New).conn()
                };
                Some(
                    self.new_rows(conn)
                        .map_err(|e| format!("before contract: {e}"))?,
                )
            } else {
                None
            };
            if let Err(e) = self.apply(db, &mut *open.admin, phase, false, &mut problems) {
                problems.push(e);
                return Err(problems.join("\n\n"));
            }
            open.sessions.refresh(db)?;
            if let Some(before) = before {
                let after = self.new_rows(&mut *open.admin)?;
                let lost = rows::compare(&before, &after, &self.retyped(), &BTreeSet::new());
                if !lost.is_empty() {
                    problems.push(format!(
                        "contract changed rows of the new shape:\n{}",
                        first_lines(&lost, 8)
                    ));
                    return Err(problems.join("\n\n"));
                }
            }
            problems.extend(
                self.seen_shapes(&mut open.sessions, phase)
                    .into_iter()
                    .map(|e| format!("after {}: {e}", phase.name)),
            );
            let found = hooks.after_phase(&mut open.cx(self, db, Run::Forward), st, phase);
            problems.extend(
                found
                    .into_iter()
                    .map(|e| format!("after {}: {e}", phase.name)),
            );
        }
        let cat = self.engine.catalog(&mut *open.admin)?;
        let diffs: Vec<String> = catalog::diff(&self.target, &cat)
            .into_iter()
            .map(|d| d.text)
            .collect();
        if !diffs.is_empty() {
            problems.push(format!(
                "after all phases the schema differs from one built directly from the target:\n{}",
                first_lines(&diffs, 20)
            ));
        }
        let left = catalog::leftovers(&cat, &self.target);
        if !left.is_empty() {
            problems.push(format!(
                "helper objects left after contract: {}",
                left.join(", ")
            ));
        }
        problems.extend(hooks.after_complete(&mut open.cx(self, db, Run::Forward), st));
        joined(problems)
    }
}

impl Prepared<'_> {
    /// Whether each application version's session sees exactly its own shape after `phase`:
    /// every table of its schema with its columns in declared order and the types a database
    /// built from that schema has (the old version until contract, the new one from expand on).
    /// Only where the dialect shows each version its own shape ([`Engine::seen_columns`]).
    pub(super) fn seen_shapes(&self, sessions: &mut Sessions, phase: &Phase) -> Vec<String> {
        if self.plan.session(plan::App::New).is_empty() {
            return Vec::new();
        }
        let mut out = Vec::new();
        // Columns widened in place in expand (a longer varchar, more decimal digits): the old
        // version sees the wider type, which holds every value it writes.
        let mut widened: BTreeSet<String> = self
            .plan
            .steps()
            .iter()
            .filter(|s| s["op"] == "alter_type")
            .filter_map(|s| s["object"].as_str().map(str::to_string))
            .collect();
        // Likewise an enum given labels in place in expand (a MySQL `ENUM` column's type
        // lists them): the old version sees them too.
        let grown: BTreeSet<String> = self
            .plan
            .steps()
            .iter()
            .filter(|s| s["op"] == "add_enum_value")
            .filter_map(|s| s["object"].as_str()?.split('.').next().map(str::to_string))
            .collect();
        for t in self.from.tables.values() {
            for c in &t.columns {
                if let migc_compiler::schema::ColumnType::Enum { name } = &c.ty {
                    if grown.contains(name) {
                        widened.insert(format!("{}.{}", t.name, c.name));
                    }
                }
            }
        }
        let versions = [
            (
                plan::App::Old,
                &self.from,
                &self.deployed,
                phase.name != "contract",
            ),
            (plan::App::New, &self.to, &self.target, true),
        ];
        for (app, schema, catalog, works) in versions {
            if !works {
                continue;
            }
            for t in schema.tables.values() {
                let want: Vec<(String, String)> = t
                    .columns
                    .iter()
                    .map(|c| {
                        let ty = catalog
                            .tables
                            .get(&t.name)
                            .and_then(|ct| ct.columns.get(&c.name))
                            .map(|cc| cc.ty.clone())
                            .unwrap_or_default();
                        (c.name.clone(), ty)
                    })
                    .collect();
                // Columns a database built from the version's schema has beyond the declared
                // ones (the dialect's own, behind an expression or partial index): a session
                // may see them (the table itself) or not (a view in the version's shape).
                let declared = |c: &str| t.columns.iter().any(|d| d.name == c);
                let own: Vec<(String, String)> = catalog
                    .tables
                    .get(&t.name)
                    .map(|ct| {
                        ct.columns
                            .iter()
                            .filter(|(c, _)| !declared(c))
                            .map(|(c, cc)| (c.clone(), cc.ty.clone()))
                            .collect()
                    })
                    .unwrap_or_default();
                let Some(seen) = self.engine.seen_columns(sessions.get(app).conn(), &t.name) else {
                    return out;
                };
                match seen {
                    // A rebuilt enum shows under its temporary type until contract renames
                    // it (the labels are the declared ones).
                    Ok(got) => {
                        let mut got: Vec<(String, String)> = got
                            .into_iter()
                            .map(|(c, ty)| {
                                let ty = match want.iter().find(|(w, _)| w == &c) {
                                    Some((_, declared))
                                        if app == plan::App::Old
                                            && widened.contains(&format!("{}.{c}", t.name)) =>
                                    {
                                        declared.clone()
                                    }
                                    _ => ty.trim_end_matches("__migc").to_string(),
                                };
                                (c, ty)
                            })
                            .collect();
                        let mut want = want;
                        // After contract the new version uses the table itself, whose added
                        // columns come after the others whatever the declared order.
                        if phase.name == "contract" {
                            got.sort();
                            want.sort();
                        }
                        got.retain(|g| !own.contains(g));
                        if got != want {
                            out.push(format!(
                                "the {app} sees `{}` as {got:?}; its schema has {want:?}",
                                t.name
                            ));
                        }
                    }
                    Err(e) => out.push(format!("the {app} reading `{}`: {e}", t.name)),
                }
            }
        }
        out
    }
}

/// The connections of one run: both applications' sessions and the harness's own.
pub(super) struct Open {
    pub(super) sessions: Sessions,
    pub(super) admin: Box<dyn Connection>,
}

impl Open {
    pub(super) fn new(prep: &Prepared<'_>, db: &Db) -> Result<Open, String> {
        Ok(Open {
            sessions: Sessions::open(db, &prep.plan)?,
            admin: db.connect(),
        })
    }

    pub(super) fn cx<'a>(&'a mut self, prep: &'a Prepared<'a>, db: &'a Db, run: Run) -> Cx<'a> {
        Cx {
            prep,
            engine: prep.engine,
            db,
            sessions: &mut self.sessions,
            admin: &mut *self.admin,
            run,
        }
    }
}

pub(super) fn joined(problems: Vec<String>) -> Result<(), String> {
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n\n"))
    }
}

/// The lines of `a` and `b` that differ (counted, so that a repeated line shows), a few of
/// them.
pub fn text_diff(a: &str, b: &str) -> String {
    let mut counts: std::collections::BTreeMap<&str, i64> = std::collections::BTreeMap::new();
    for l in a.lines() {
        *counts.entry(l).or_default() += 1;
    }
    for l in b.lines() {
        *counts.entry(l).or_default() -= 1;
    }
    let only = |sign: i64, mark: char| -> Vec<String> {
        counts
            .iter()
            .filter(|(_, n)| **n * sign > 0)
            .take(6)
            .map(|(l, _)| format!("      {mark} {l}"))
            .collect()
    };
    let mut out = only(1, '-');
    out.extend(only(-1, '+'));
    out.join("\n")
}
