//! A phase applied or rolled back: its gate, its script cut at the step frames (or run as a
//! whole where the dialect's phase script is one transaction), steps already done skipped,
//! backfills run batch by batch.

use super::{error_info, io, Run};
use crate::backfill::{self, Job};
use crate::pace::Pace;
use crate::report::{millis, Direction, Event, StepRef};
use crate::script::{self, FramedStep};
use crate::state;
use crate::{Error, Kind};
use migc_planner::manifest::{PhaseEntry, StepEntry};
use std::collections::BTreeMap;
use std::time::Instant;

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
        self.say(&format!(
            "-- [{}] {}{}",
            f.number,
            f.summary,
            if done { " (done; skipped)" } else { "" }
        ));
        let backfill = entry.and_then(|e| e.backfill.as_ref());
        self.event(&Event::WouldRun {
            phase,
            direction: Direction::Up,
            step: entry.map(|e| e.id.as_str()),
            number: Some(f.number),
            summary: &f.summary,
            done,
            sql: backfill.map_or(f.sql.as_str(), |b| b.fill.as_str()),
        });
        if done {
            return;
        }
        if let Some(b) = backfill {
            self.say(&format!(
                "-- {}, each in one transaction with its checkpoint:",
                Pace::new(self.opts.batch_size, self.opts.pause).describe()
            ));
            self.say(&b.fill);
        } else {
            self.say(&f.sql);
        }
        self.say("");
    }

    /// The step ids of a phase by their number in the scripts (a down script numbers its steps
    /// as the up script does).
    fn step_ids(&self, phase: &PhaseEntry) -> BTreeMap<usize, String> {
        let text = self
            .plan
            .scripts
            .get(&phase.up)
            .map(String::as_str)
            .unwrap_or("");
        script::frames(text)
            .steps
            .iter()
            .zip(&phase.steps)
            .map(|(f, e)| (f.number, e.id.clone()))
            .collect()
    }

    /// Reports how a step ended (`step_finished` or `step_failed`) and passes its result on.
    fn ended<T>(
        &self,
        step: StepRef<'_>,
        began: Instant,
        r: Result<T, Error>,
        rows: impl FnOnce(&T) -> Option<u64>,
    ) -> Result<T, Error> {
        let duration_ms = millis(began.elapsed());
        match &r {
            Ok(v) => self.event(&Event::StepFinished {
                step,
                duration_ms,
                rows: rows(v),
            }),
            Err(e) => self.event(&Event::StepFailed {
                step,
                duration_ms,
                error: error_info(e),
            }),
        }
        r
    }

    fn backfill(
        &mut self,
        phase: &str,
        label: &str,
        e: &StepEntry,
        b: &migc_planner::dialect::Batch,
    ) -> Result<u64, Error> {
        let resume = self.states.get(&(phase.to_string(), e.id.clone())).cloned();
        let job = Job {
            plan: &self.plan.id,
            label,
            phase,
            step: &e.id,
            pace: Pace::new(self.opts.batch_size, self.opts.pause),
            policy: &self.opts.policy,
            output: self.opts.output,
        };
        backfill::run(self.conn, b, &job, resume.as_ref())
    }

    /// Applies a phase; `false` when it was applied already (or a dry run showed it).
    pub(super) fn phase_up(&mut self, index: usize) -> Result<bool, Error> {
        let plan = self.plan;
        let phase = &plan.manifest.phases[index];
        let name = phase.name.as_str();
        if self.done(name, state::WHOLE_PHASE) {
            self.say(&format!("{name}: already applied"));
            self.event(&Event::PhaseSkipped {
                phase: name,
                reason: "applied",
            });
            return Ok(false);
        }
        let framed = self.framed(phase, true)?;
        if self.opts.dry_run {
            self.say(&format!("-- {name}: would run {}", phase.up));
            for (f, e) in framed.steps.iter().zip(&phase.steps) {
                self.dry_step(name, f, Some(e));
            }
            return Ok(false);
        }
        self.gate(name)?;
        self.say(&format!(
            "{name}: {} ({} steps)",
            phase.up,
            phase.steps.len()
        ));
        self.event(&Event::PhaseStarted {
            phase: name,
            direction: Direction::Up,
            script: &phase.up,
            steps: phase.steps.len(),
        });
        let phase_began = Instant::now();
        let label = plan.label();
        if plan.dialect.behaviour().phase_is_one_transaction() {
            for e in &phase.steps {
                if let (Some(b), false) = (&e.backfill, self.done(name, &e.id)) {
                    let step = StepRef {
                        phase: name,
                        direction: Direction::Up,
                        step: &e.id,
                        number: None,
                        summary: &e.summary,
                    };
                    self.event(&Event::StepStarted { step });
                    let began = Instant::now();
                    let r = self.backfill(name, &label, e, b);
                    self.ended(step, began, r, |rows| Some(*rows))?;
                }
            }
            let text = plan.scripts.get(&phase.up).cloned().unwrap_or_default();
            let record = self.record(name, state::WHOLE_PHASE);
            let step = StepRef {
                phase: name,
                direction: Direction::Up,
                step: state::WHOLE_PHASE,
                number: None,
                summary: &phase.up,
            };
            self.event(&Event::StepStarted { step });
            let began = Instant::now();
            let r = self.whole_script(&format!("{name} ({})", phase.up), &text, &record);
            let r = self.note_failure(name, state::WHOLE_PHASE, r);
            self.ended(step, began, r, |_| None)?;
            self.say(&format!("{name}: applied"));
            self.phase_finished(name, Direction::Up, phase_began);
            return Ok(true);
        }
        self.session(&framed.header)?;
        for (f, e) in framed.steps.iter().zip(&phase.steps) {
            let what = format!("{name} step [{}] {}", f.number, f.summary);
            let step = StepRef {
                phase: name,
                direction: Direction::Up,
                step: &e.id,
                number: Some(f.number),
                summary: &f.summary,
            };
            if self.done(name, &e.id) {
                self.say(&format!("  [{}] {} (done)", f.number, f.summary));
                self.event(&Event::StepSkipped {
                    step,
                    reason: "done",
                });
                continue;
            }
            self.say(&format!("  [{}] {}", f.number, f.summary));
            self.event(&Event::StepStarted { step });
            let began = Instant::now();
            if let Some(b) = &e.backfill {
                let r = self.backfill(name, &label, e, b);
                self.ended(step, began, r, |rows| Some(*rows))?;
                continue;
            }
            let r = self.step_sql(&what, &f.sql, e.transactional, Some((name, &e.id)));
            let r = self.note_failure(name, &e.id, r);
            self.ended(step, began, r, |_| None)?;
        }
        let record = self.record(name, state::WHOLE_PHASE);
        self.conn.execute(&record).map_err(io)?;
        self.say(&format!("{name}: applied"));
        self.phase_finished(name, Direction::Up, phase_began);
        Ok(true)
    }

    fn phase_finished(&self, phase: &str, direction: Direction, began: Instant) {
        self.event(&Event::PhaseFinished {
            phase,
            direction,
            duration_ms: millis(began.elapsed()),
        });
    }

    pub(super) fn phase_down(&mut self, index: usize) -> Result<(), Error> {
        let plan = self.plan;
        let phase = &plan.manifest.phases[index];
        let name = phase.name.as_str();
        let dialect = plan.dialect;
        let text = plan.scripts.get(&phase.down).cloned().unwrap_or_default();
        if self.opts.dry_run {
            self.say(&format!("-- {name}: would run {}", phase.down));
            self.say(&text);
            self.event(&Event::WouldRun {
                phase: name,
                direction: Direction::Down,
                step: None,
                number: None,
                summary: &phase.down,
                done: false,
                sql: &text,
            });
            return Ok(());
        }
        self.say(&format!("{name}: rolling back with {}", phase.down));
        self.event(&Event::PhaseStarted {
            phase: name,
            direction: Direction::Down,
            script: &phase.down,
            steps: phase.steps.len(),
        });
        let phase_began = Instant::now();
        self.conn
            .execute(&state::mark_rolling_back(dialect, &plan.id, name))
            .map_err(io)?;
        let forget = state::forget_phase(dialect, &plan.id, name);
        if dialect.behaviour().phase_is_one_transaction() {
            let step = StepRef {
                phase: name,
                direction: Direction::Down,
                step: state::WHOLE_PHASE,
                number: None,
                summary: &phase.down,
            };
            self.event(&Event::StepStarted { step });
            let began = Instant::now();
            let r = self.whole_script(
                &format!("rollback of {name} ({})", phase.down),
                &text,
                &forget,
            );
            self.ended(step, began, r, |_| None)?;
        } else {
            let framed = self.framed(phase, false)?;
            let ids = self.step_ids(phase);
            self.session(&framed.header)?;
            // The manifest says which up steps may run in a transaction, not which down steps
            // may (undoing a dropped index builds one CONCURRENTLY): down steps run statement by
            // statement, each written to be re-run.
            for f in &framed.steps {
                let what = format!("rollback of {name} step [{}] {}", f.number, f.summary);
                self.say(&format!("  [{}] {}", f.number, f.summary));
                let number = f.number.to_string();
                let step = StepRef {
                    phase: name,
                    direction: Direction::Down,
                    step: ids.get(&f.number).map_or(number.as_str(), String::as_str),
                    number: Some(f.number),
                    summary: &f.summary,
                };
                self.event(&Event::StepStarted { step });
                let began = Instant::now();
                let r = self.step_sql(&what, &f.sql, false, None);
                self.ended(step, began, r, |_| None)?;
            }
            self.conn.execute(&forget).map_err(io)?;
        }
        self.say(&format!("{name}: rolled back"));
        self.phase_finished(name, Direction::Down, phase_began);
        Ok(())
    }
}
