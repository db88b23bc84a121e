//! A phase applied or rolled back: its gate, its script cut at the step frames (or run as a
//! whole where the dialect's phase script is one transaction), steps already done skipped,
//! backfills run batch by batch.

use super::{io, Run};
use crate::backfill::{self, Job};
use crate::pace::Pace;
use crate::script::{self, FramedStep};
use crate::state;
use crate::{Error, Kind};
use migc_planner::manifest::{PhaseEntry, StepEntry};

impl Run<'_> {
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
                "-- {}, each in one transaction with its checkpoint:",
                Pace::new(self.opts.batch_size, self.opts.pause).describe()
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
            pace: Pace::new(self.opts.batch_size, self.opts.pause),
            policy: &self.opts.policy,
            quiet: self.opts.quiet,
        };
        backfill::run(self.conn, b, &job, resume.as_ref())
    }

    pub(super) fn phase_up(&mut self, index: usize) -> Result<(), Error> {
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
        if plan.dialect.behaviour().phase_is_one_transaction() {
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

    pub(super) fn phase_down(&mut self, index: usize) -> Result<(), Error> {
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
        if dialect.behaviour().phase_is_one_transaction() {
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
