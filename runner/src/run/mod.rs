//! `apply`, `rollback` and `status`.
//!
//! A phase runs step by step where the dialect's scripts allow it (PostgreSQL, MySQL/MariaDB):
//! the script is cut at its step frames, which match the manifest's steps one to one. A step that
//! may run in a transaction runs in one together with its row in the state table where the
//! dialect's DDL is transactional (PostgreSQL); one that may not (`CREATE INDEX CONCURRENTLY`, a
//! batched backfill) or a dialect whose DDL commits by itself (MySQL) runs statement by
//! statement and is recorded after its last statement: its statements are written to be re-run,
//! so a run stopped half-way through such a step runs it again from its start. A backfill with a
//! batch form in the manifest runs batch by batch instead of its script ([`crate::backfill`]).
//!
//! Where a phase script is one transaction with its own checks (SQLite), it runs as a whole,
//! with the state row written inside its transaction just before its `COMMIT`; backfills with a
//! batch form run first, batch by batch, and the script then finds nothing left to fill.
//!
//! `phase` runs a phase up or down, `step` a step's SQL.
//!
//! Each phase is recorded as done (step `*`) when its last step is. Before a phase, the
//! manifest's gate checks for it must all return 0. A plain `apply` stops before contract: its
//! gate (every application instance runs the new version) is for the operator to confirm, by
//! asking for contract with `--phase contract` or `--through contract`.

use crate::lock;
use crate::report::{ErrorInfo, Event, Output};
use crate::retry::Policy;
use crate::state::{self, Record};
use crate::{Error, Kind, PlanDir};
use migc_db::{Connection, DbError, DbUrl};
use std::collections::BTreeMap;
use std::time::Duration;

/// How a run behaves.
#[derive(Clone, Debug, Default)]
pub struct Options {
    pub policy: Policy,
    /// Rows per backfill batch; `None`: sized by time ([`crate::pace`]).
    pub batch_size: Option<u64>,
    /// The pause after each backfill batch; `None`: only when the server pushes back.
    pub pause: Option<Duration>,
    pub dry_run: bool,
    /// Where the run tells what it does: for people, as JSON lines, or nowhere (`verify`).
    pub output: Output,
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

mod phase;
mod step;

/// A run of a plan on one database: the phases it applies or rolls back, and what the state
/// table says is done.
struct Run<'a> {
    conn: &'a mut dyn Connection,
    plan: &'a PlanDir,
    opts: &'a Options,
    states: BTreeMap<(String, String), state::Row>,
}

impl Run<'_> {
    fn say(&self, line: &str) {
        self.opts.output.say(line);
    }

    fn event(&self, event: &Event<'_>) {
        self.opts.output.event(event);
    }

    fn started(&self, command: &str) {
        let plan = self.plan;
        self.say(&format!(
            "plan {} ({}, {})",
            plan.label(),
            plan.dialect,
            &plan.id[..12]
        ));
        self.event(&Event::PlanStarted {
            command,
            plan: &plan.id,
            label: &plan.label(),
            dialect: plan.dialect.name(),
            dry_run: self.opts.dry_run,
        });
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

    /// Records that a step failed (best effort: the failure is what is reported).
    fn note_failure<T>(
        &mut self,
        phase: &str,
        step: &str,
        r: Result<T, Error>,
    ) -> Result<T, Error> {
        if r.is_err() {
            let sql = self.record_as(phase, step, state::FAILED);
            let _ = self.conn.execute(&sql);
        }
        r
    }
}

/// An error of the runner as the events carry it, with the exit code the command line gives
/// it.
pub fn error_info(e: &Error) -> ErrorInfo {
    ErrorInfo {
        message: migc_db::redact_text(&e.message),
        exit_code: match e.kind {
            Kind::Refused | Kind::Failed => 1,
            Kind::Busy | Kind::Io => 2,
        },
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
    run.started("apply");
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
    let mut ran = 0;
    for i in first..=last {
        if run.phase_up(i)? {
            ran += 1;
        }
    }
    let mut stopped_before = None;
    let mut gate = None;
    if *target == Target::UpToGate {
        if let Some(c) = contract {
            if !run.done("contract", state::WHOLE_PHASE) && !opts.dry_run {
                let name = plan.manifest.phases[c].name.as_str();
                let condition = plan
                    .manifest
                    .gates
                    .iter()
                    .find(|g| g.before == name)
                    .map(|g| g.condition.as_str());
                run.say(&format!(
                    "stopped before contract: {}; then run it with `--phase contract`",
                    condition.unwrap_or("confirm its gate")
                ));
                stopped_before = Some(name);
                gate = condition;
            }
        }
    }
    run.event(&Event::PlanFinished {
        command: "apply",
        phases: ran,
        stopped_before,
        gate,
    });
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
    run.started("rollback");
    let mut ran = 0;
    for i in (keep..plan.manifest.phases.len()).rev() {
        let name = plan.manifest.phases[i].name.clone();
        let touched = run.states.keys().any(|(p, _)| *p == name);
        if touched {
            ran += 1;
            run.phase_down(i)?;
        }
    }
    if ran == 0 {
        run.say("nothing to roll back");
    }
    run.event(&Event::PlanFinished {
        command: "rollback",
        phases: ran,
        stopped_before: None,
        gate: None,
    });
    Ok(())
}
