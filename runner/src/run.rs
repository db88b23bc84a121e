//! `apply`, `rollback` and `status`.
//!
//! A phase runs step by step where the dialect's scripts allow it (PostgreSQL, MySQL/MariaDB):
//! the script is cut at its step frames, which match the manifest's steps one to one. A step that
//! may run in a transaction runs in one together with its row in the state table (PostgreSQL);
//! one that may not (`CREATE INDEX CONCURRENTLY`, a batched backfill) or a dialect whose DDL
//! commits by itself (MySQL) runs statement by statement and is recorded after its last
//! statement: its statements are written to be re-run, so a run stopped half-way through such a
//! step runs it again from its start. A backfill with a batch form in the manifest runs batch by
//! batch instead of its script ([`crate::backfill`]).
//!
//! An SQLite phase script is one transaction with its own checks, so it runs as a whole, with
//! the state row written inside its transaction just before its `COMMIT`; backfills with a batch
//! form run first, batch by batch, and the script then finds nothing left to fill.
//!
//! Each phase is recorded as done (step `*`) when its last step is. Before a phase, the
//! manifest's gate checks for it must all return 0. A plain `apply` stops before contract: its
//! gate (every application instance runs the new version) is for the operator to confirm, by
//! asking for contract with `--phase contract` or `--through contract`.

use crate::backfill::{self, Job};
use crate::lock;
use crate::retry::{self, Policy};
use crate::script::{self, FramedStep};
use crate::state::{self, Record};
use crate::{Error, Kind, PlanDir};
use migc_db::{Connection, DbError, DbUrl};
use migc_planner::manifest::{PhaseEntry, StepEntry};
use migc_stdlib::Dialect;
use std::collections::BTreeMap;
use std::time::Duration;

/// How a run behaves.
#[derive(Clone, Debug)]
pub struct Options {
    pub policy: Policy,
    pub batch_size: u64,
    pub pause: Duration,
    pub dry_run: bool,
    /// No notes or progress (for `verify`).
    pub quiet: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            policy: Policy::default(),
            batch_size: 1000,
            pause: Duration::from_millis(20),
            dry_run: false,
            quiet: false,
        }
    }
}

/// Which phases `apply` runs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// Every phase up to switch (contract waits for its gate).
    UpToGate,
    /// Only this phase; the earlier ones must be done.
    Phase(String),
    /// Every phase up to and including this one.
    Through(String),
}

fn db_failed(what: &str, e: &DbError) -> Error {
    Error::new(
        Kind::Failed,
        format!("{what} failed: {e}\n  help: the steps done are recorded; fix the cause and run the same command again to resume"),
    )
}

fn io(e: DbError) -> Error {
    Error::new(Kind::Io, format!("database error: {e}"))
}

struct Run<'a> {
    conn: &'a mut dyn Connection,
    plan: &'a PlanDir,
    opts: &'a Options,
    states: BTreeMap<(String, String), state::Row>,
}

impl Run<'_> {
    fn say(&self, line: &str) {
        if !self.opts.quiet {
            println!("{line}");
        }
    }

    fn done(&self, phase: &str, step: &str) -> bool {
        self.states
            .get(&(phase.to_string(), step.to_string()))
            .is_some_and(|r| r.status == state::DONE)
    }

    fn record(&self, phase: &str, step: &str) -> String {
        self.record_as(phase, step, state::DONE)
    }

    fn record_as(&self, phase: &str, step: &str, status: &str) -> String {
        state::upsert(
            self.plan.dialect,
            &Record {
                plan: &self.plan.id,
                label: &self.plan.label(),
                phase,
                step,
                status,
                checkpoint: None,
                rows_done: 0,
                rows_total: None,
            },
        )
    }

    /// Runs `attempt` under the retry policy; a lock out of reach after every retry fails.
    fn retried(
        &mut self,
        what: &str,
        attempt: impl FnMut(&mut dyn Connection) -> Result<(), DbError>,
    ) -> Result<(), Error> {
        match retry::run(&self.opts.policy, what, self.opts.quiet, self.conn, attempt) {
            Ok(()) => Ok(()),
            Err(retry::Failure::Other(e)) => Err(db_failed(what, &e)),
            Err(retry::Failure::Gave(e, n)) => Err(Error::new(
                Kind::Failed,
                format!(
                    "{what}: gave up after {n} attempts to take a lock: {e}\n  help: something holds a conflicting lock; the steps done are recorded, run the same command again to resume"
                ),
            )),
        }
    }

    fn session(&mut self, header: &str) -> Result<(), Error> {
        if !header.trim().is_empty() {
            for s in script::statements(header, self.plan.dialect) {
                self.conn.execute(&s).map_err(io)?;
            }
        }
        if let Some(sql) = self.opts.policy.session_sql(self.plan.dialect) {
            self.conn.execute(&sql).map_err(io)?;
        }
        Ok(())
    }

    /// One step's SQL: in one transaction with `record` where the dialect allows it, otherwise
    /// statement by statement and then `record`.
    fn step_sql(
        &mut self,
        what: &str,
        sql: &str,
        transactional: bool,
        record: Option<String>,
    ) -> Result<(), Error> {
        let dialect = self.plan.dialect;
        if transactional && dialect == Dialect::Postgres {
            return self.retried(what, |c| {
                c.execute("BEGIN")?;
                let r = c.execute(sql).and_then(|()| match &record {
                    Some(r) => c.execute(r),
                    None => Ok(()),
                });
                match r {
                    Ok(()) => c.execute("COMMIT"),
                    Err(e) => {
                        let _ = c.execute("ROLLBACK");
                        Err(e)
                    }
                }
            });
        }
        for stmt in script::statements(sql, dialect) {
            self.retried(what, |c| c.execute(&stmt))?;
        }
        if let Some(r) = record {
            self.conn.execute(&r).map_err(|e| db_failed(what, &e))?;
        }
        Ok(())
    }

    /// An SQLite phase script as a whole, with `extra` (the state change) run inside its
    /// transaction, before its last `COMMIT`.
    fn whole_script(&mut self, what: &str, text: &str, extra: &str) -> Result<(), Error> {
        let lines: Vec<&str> = text.lines().collect();
        let commit = lines.iter().rposition(|l| l.trim() == "COMMIT;");
        let (body, tail) = match commit {
            Some(i) => (lines[..i].join("\n"), lines[i..].join("\n")),
            None => (text.to_string(), String::new()),
        };
        let policy = self.opts.policy;
        let probe = policy.session_sql(Dialect::Sqlite);
        self.retried(what, |c| {
            // The script sets its own busy timeout; wait for the write lock under ours first.
            if let Some(p) = &probe {
                c.execute(p)?;
                c.execute("BEGIN IMMEDIATE")?;
                c.execute("ROLLBACK")?;
            }
            let r = c.execute(&body).and_then(|()| {
                if commit.is_some() {
                    c.execute(extra)?;
                    c.execute(&tail)
                } else {
                    c.execute(extra)
                }
            });
            if r.is_err() {
                let _ = c.execute("ROLLBACK");
                let _ = c.execute("PRAGMA foreign_keys = ON");
            }
            r
        })
    }

    /// Records that a step failed (best effort: the failure is what is reported).
    fn note_failure(&mut self, phase: &str, step: &str, r: Result<(), Error>) -> Result<(), Error> {
        if r.is_err() {
            let sql = self.record_as(phase, step, state::FAILED);
            let _ = self.conn.execute(&sql);
        }
        r
    }

    fn gate(&mut self, phase: &str) -> Result<(), Error> {
        let checks: Vec<String> = self
            .plan
            .manifest
            .gates
            .iter()
            .filter(|g| g.before == phase)
            .flat_map(|g| g.checks.clone())
            .collect();
        for check in checks {
            let rows = self.conn.query(&check).map_err(io)?;
            let n = rows
                .first()
                .and_then(|r| r.first())
                .cloned()
                .flatten()
                .unwrap_or_default();
            if n != "0" {
                return Err(Error::new(
                    Kind::Refused,
                    format!(
                        "the gate before {phase} is not met: `{}` returns {n}, not 0\n  help: finish the backfill first (`migc apply … --phase backfill`)",
                        check.trim()
                    ),
                ));
            }
        }
        Ok(())
    }

    fn framed(&self, phase: &PhaseEntry, up: bool) -> Result<script::Framed, Error> {
        let name = if up { &phase.up } else { &phase.down };
        let text = self
            .plan
            .scripts
            .get(name)
            .map(String::as_str)
            .unwrap_or("");
        let framed = script::frames(text);
        if framed.steps.len() != phase.steps.len() {
            return Err(Error::new(
                Kind::Refused,
                format!(
                    "`{name}` has {} steps but the manifest lists {} for {}; nothing of it was run",
                    framed.steps.len(),
                    phase.steps.len(),
                    phase.name
                ),
            ));
        }
        Ok(framed)
    }

    fn dry_step(&self, phase: &str, f: &FramedStep, entry: Option<&StepEntry>) {
        let done = entry.is_some_and(|e| self.done(phase, &e.id));
        println!(
            "-- [{}] {}{}",
            f.number,
            f.summary,
            if done { " (done; skipped)" } else { "" }
        );
        if done {
            return;
        }
        if let Some(b) = entry.and_then(|e| e.backfill.as_ref()) {
            println!(
                "-- in batches of {} rows, each in one transaction with its checkpoint:",
                self.opts.batch_size
            );
            println!("{}", b.fill);
        } else {
            println!("{}", f.sql);
        }
        println!();
    }

    fn backfill(
        &mut self,
        phase: &str,
        label: &str,
        e: &StepEntry,
        b: &migc_planner::dialect::Batch,
    ) -> Result<(), Error> {
        let resume = self.states.get(&(phase.to_string(), e.id.clone())).cloned();
        let job = Job {
            plan: &self.plan.id,
            label,
            phase,
            step: &e.id,
            batch_size: self.opts.batch_size,
            pause: self.opts.pause,
            policy: &self.opts.policy,
            quiet: self.opts.quiet,
        };
        backfill::run(self.conn, b, &job, resume.as_ref())
    }

    fn phase_up(&mut self, index: usize) -> Result<(), Error> {
        let plan = self.plan;
        let phase = &plan.manifest.phases[index];
        let name = phase.name.as_str();
        if self.done(name, state::WHOLE_PHASE) {
            self.say(&format!("{name}: already applied"));
            return Ok(());
        }
        let framed = self.framed(phase, true)?;
        if self.opts.dry_run {
            println!("-- {name}: would run {}", phase.up);
            for (f, e) in framed.steps.iter().zip(&phase.steps) {
                self.dry_step(name, f, Some(e));
            }
            return Ok(());
        }
        self.gate(name)?;
        self.say(&format!(
            "{name}: {} ({} steps)",
            phase.up,
            phase.steps.len()
        ));
        let label = plan.label();
        if plan.dialect == Dialect::Sqlite {
            for e in &phase.steps {
                if let (Some(b), false) = (&e.backfill, self.done(name, &e.id)) {
                    self.backfill(name, &label, e, b)?;
                }
            }
            let text = plan.scripts.get(&phase.up).cloned().unwrap_or_default();
            let record = self.record(name, state::WHOLE_PHASE);
            let r = self.whole_script(&format!("{name} ({})", phase.up), &text, &record);
            self.note_failure(name, state::WHOLE_PHASE, r)?;
            self.say(&format!("{name}: applied"));
            return Ok(());
        }
        self.session(&framed.header)?;
        for (f, e) in framed.steps.iter().zip(&phase.steps) {
            let what = format!("{name} step [{}] {}", f.number, f.summary);
            if self.done(name, &e.id) {
                self.say(&format!("  [{}] {} (done)", f.number, f.summary));
                continue;
            }
            self.say(&format!("  [{}] {}", f.number, f.summary));
            if let Some(b) = &e.backfill {
                self.backfill(name, &label, e, b)?;
                continue;
            }
            let record = self.record(name, &e.id);
            let r = self.step_sql(&what, &f.sql, e.transactional, Some(record));
            self.note_failure(name, &e.id, r)?;
        }
        let record = self.record(name, state::WHOLE_PHASE);
        self.conn.execute(&record).map_err(io)?;
        self.say(&format!("{name}: applied"));
        Ok(())
    }

    fn phase_down(&mut self, index: usize) -> Result<(), Error> {
        let plan = self.plan;
        let phase = &plan.manifest.phases[index];
        let name = phase.name.as_str();
        let dialect = plan.dialect;
        let text = plan.scripts.get(&phase.down).cloned().unwrap_or_default();
        if self.opts.dry_run {
            println!("-- {name}: would run {}", phase.down);
            println!("{text}");
            return Ok(());
        }
        self.say(&format!("{name}: rolling back with {}", phase.down));
        self.conn
            .execute(&state::mark_rolling_back(dialect, &plan.id, name))
            .map_err(io)?;
        let forget = state::forget_phase(dialect, &plan.id, name);
        if dialect == Dialect::Sqlite {
            self.whole_script(
                &format!("rollback of {name} ({})", phase.down),
                &text,
                &forget,
            )?;
        } else {
            let framed = self.framed(phase, false)?;
            self.session(&framed.header)?;
            // The manifest says which up steps may run in a transaction, not which down steps
            // may (undoing a dropped index builds one CONCURRENTLY): down steps run statement by
            // statement, each written to be re-run.
            for f in &framed.steps {
                let what = format!("rollback of {name} step [{}] {}", f.number, f.summary);
                self.say(&format!("  [{}] {}", f.number, f.summary));
                self.step_sql(&what, &f.sql, false, None)?;
            }
            self.conn.execute(&forget).map_err(io)?;
        }
        self.say(&format!("{name}: rolled back"));
        Ok(())
    }
}

fn start<'a>(
    url: &DbUrl,
    conn: &'a mut dyn Connection,
    plan: &'a PlanDir,
    opts: &'a Options,
) -> Result<(Option<lock::RunLock>, Run<'a>), Error> {
    if conn.dialect() != plan.dialect {
        return Err(Error::new(
            Kind::Refused,
            format!(
                "the plan is for {} but {} is a {} database",
                plan.dialect,
                url.redacted(),
                conn.dialect()
            ),
        ));
    }
    let held = if opts.dry_run {
        None
    } else {
        Some(lock::acquire(url, conn)?)
    };
    if !opts.dry_run {
        if let Some(sql) = opts.policy.session_sql(plan.dialect) {
            conn.execute(&sql).map_err(io)?;
        }
        state::ensure(conn).map_err(io)?;
    }
    let states = state::of_plan(conn, &plan.id).map_err(io)?;
    Ok((
        held,
        Run {
            conn,
            plan,
            opts,
            states,
        },
    ))
}

fn phase_index(plan: &PlanDir, name: &str) -> Result<usize, Error> {
    plan.phase_index(name).ok_or_else(|| {
        Error::new(
            Kind::Refused,
            format!(
                "the plan has no phase `{name}`; its phases are {}",
                plan.phase_names().join(", ")
            ),
        )
    })
}

/// Runs the plan's phases (see [`Target`]), resuming after what the state table says is done.
pub fn apply(
    url: &DbUrl,
    conn: &mut dyn Connection,
    plan: &PlanDir,
    target: &Target,
    opts: &Options,
) -> Result<(), Error> {
    let (_lock, mut run) = start(url, conn, plan, opts)?;
    if let Some(r) = run
        .states
        .values()
        .find(|r| r.status == state::ROLLING_BACK)
    {
        return Err(Error::new(
            Kind::Refused,
            format!(
                "a rollback of {} did not finish; nothing was run\n  help: run `migc rollback` again to finish it first",
                r.phase
            ),
        ));
    }
    let contract = plan.phase_index("contract");
    let (first, last) = match target {
        Target::UpToGate => (
            0,
            contract
                .map(|c| c.saturating_sub(1))
                .unwrap_or(plan.manifest.phases.len().saturating_sub(1)),
        ),
        Target::Phase(p) => {
            let i = phase_index(plan, p)?;
            (i, i)
        }
        Target::Through(p) => (0, phase_index(plan, p)?),
    };
    run.say(&format!(
        "plan {} ({}, {})",
        plan.label(),
        plan.dialect,
        &plan.id[..12]
    ));
    for i in 0..first {
        let name = &plan.manifest.phases[i].name;
        if !run.done(name, state::WHOLE_PHASE) {
            return Err(Error::new(
                Kind::Refused,
                format!(
                    "{name} is not applied yet, so {} cannot run; nothing was run\n  help: apply the earlier phases first (`--through {}`)",
                    plan.manifest.phases[first].name, plan.manifest.phases[first].name
                ),
            ));
        }
    }
    for i in first..=last {
        run.phase_up(i)?;
    }
    if *target == Target::UpToGate {
        if let Some(c) = contract {
            if !run.done("contract", state::WHOLE_PHASE) && !opts.dry_run {
                run.say(&format!(
                    "stopped before contract: {}; then run it with `--phase contract`",
                    plan.manifest
                        .gates
                        .iter()
                        .find(|g| g.before == plan.manifest.phases[c].name)
                        .map(|g| g.condition.as_str())
                        .unwrap_or("confirm its gate")
                ));
            }
        }
    }
    Ok(())
}

/// Rolls the applied phases back, last first, down to `to` (which stays applied; `None`: every
/// phase).
pub fn rollback(
    url: &DbUrl,
    conn: &mut dyn Connection,
    plan: &PlanDir,
    to: Option<&str>,
    opts: &Options,
) -> Result<(), Error> {
    let (_lock, mut run) = start(url, conn, plan, opts)?;
    let keep = match to {
        Some(p) => phase_index(plan, p)? + 1,
        None => 0,
    };
    run.say(&format!(
        "plan {} ({}, {})",
        plan.label(),
        plan.dialect,
        &plan.id[..12]
    ));
    let mut any = false;
    for i in (keep..plan.manifest.phases.len()).rev() {
        let name = plan.manifest.phases[i].name.clone();
        let touched = run.states.keys().any(|(p, _)| *p == name);
        if touched {
            any = true;
            run.phase_down(i)?;
        }
    }
    if !any {
        run.say("nothing to roll back");
    }
    Ok(())
}

/// What the state table says, for people.
pub fn status(conn: &mut dyn Connection) -> Result<String, Error> {
    let rows = state::rows(conn, None).map_err(io)?;
    if rows.is_empty() {
        return Ok("no migc plan has run on this database\n".into());
    }
    let mut plans: Vec<(String, String, String)> = Vec::new();
    for r in &rows {
        if let Some(p) = plans.iter_mut().find(|p| p.0 == r.plan) {
            p.2 = r.updated_at.clone();
        } else {
            // Rows written before labels were redacted may hold a URL's password.
            let label = migc_db::redact_text(&r.label);
            plans.push((r.plan.clone(), label, r.updated_at.clone()));
        }
    }
    plans.sort_by(|a, b| a.2.cmp(&b.2));
    let mut out = String::new();
    for (id, label, updated) in &plans {
        out.push_str(&format!("plan {label} ({})\n", &id[..id.len().min(12)]));
        let of: Vec<&state::Row> = rows.iter().filter(|r| &r.plan == id).collect();
        for phase in ["expand", "backfill", "switch", "contract"] {
            let in_phase: Vec<&&state::Row> = of.iter().filter(|r| r.phase == phase).collect();
            let what = if in_phase.iter().any(|r| r.status == state::ROLLING_BACK) {
                "rolling back (not finished)".to_string()
            } else if in_phase
                .iter()
                .any(|r| r.step == state::WHOLE_PHASE && r.status == state::DONE)
            {
                "applied".to_string()
            } else if in_phase.is_empty() {
                "not applied".to_string()
            } else {
                let steps = in_phase.iter().filter(|r| r.status == state::DONE).count();
                format!("part-way ({steps} steps done)")
            };
            out.push_str(&format!("  {phase:<9} {what}\n"));
            for r in in_phase {
                if r.status == state::FAILED {
                    out.push_str(&format!(
                        "    step {} failed at {}; a re-run starts it again\n",
                        r.step, r.updated_at
                    ));
                }
                if let Some(c) = &r.checkpoint {
                    let total = r
                        .rows_total
                        .map(|t| t.to_string())
                        .unwrap_or_else(|| "?".into());
                    out.push_str(&format!(
                        "    backfill {}: {} of {total} rows walked, last key ({}), {}\n",
                        r.step,
                        r.rows_done,
                        c.join(", "),
                        if r.status == state::DONE {
                            "done"
                        } else {
                            "resumes there"
                        }
                    ));
                }
            }
        }
        out.push_str(&format!("  last change {updated}\n"));
    }
    Ok(out)
}
