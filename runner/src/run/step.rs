//! How a step's SQL runs: in one transaction with its state row where the dialect's DDL is
//! transactional, otherwise statement by statement, recorded `started` before its first
//! statement and `done` after its last (so that a run killed in between leaves a trace `status`
//! shows); a phase script that is one transaction runs as a whole. Every attempt runs under the
//! retry policy.

use super::{db_failed, io, Run};
use crate::retry;
use crate::script;
use crate::state;
use crate::{Error, Kind};
use migc_db::{Connection, DbError};

impl Run<'_> {
    /// Runs `attempt` under the retry policy; a lock out of reach after every retry fails.
    pub(super) fn retried(
        &mut self,
        what: &str,
        attempt: impl FnMut(&mut dyn Connection) -> Result<(), DbError>,
    ) -> Result<(), Error> {
        match retry::run(&self.opts.policy, what, self.opts.output, self.conn, attempt) {
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

    /// The session settings of a script's header, then the policy's lock timeout and the pace
    /// of row walks.
    pub(super) fn session(&mut self, header: &str) -> Result<(), Error> {
        if !header.trim().is_empty() {
            for s in script::statements(header, self.plan.dialect) {
                self.conn.execute(&s).map_err(io)?;
            }
        }
        if let Some(sql) = self.opts.policy.session_sql(self.plan.dialect) {
            self.conn.execute(&sql).map_err(io)?;
        }
        // `--batch-size` and `--pause-ms` for the walks that run as one stored program.
        let behaviour = self.plan.dialect.behaviour();
        for sql in behaviour.pace_session(self.opts.batch_size, self.opts.pause) {
            self.conn.execute(&sql).map_err(io)?;
        }
        Ok(())
    }

    /// One step's SQL, recorded done as step `record` (phase, step id) when given: in one
    /// transaction with its state row where the dialect allows it, otherwise statement by
    /// statement between a `started` row and the `done` one.
    pub(super) fn step_sql(
        &mut self,
        what: &str,
        sql: &str,
        transactional: bool,
        record: Option<(&str, &str)>,
    ) -> Result<(), Error> {
        let dialect = self.plan.dialect;
        let b = dialect.behaviour();
        let step = record;
        let record = step.map(|(phase, step)| self.record(phase, step));
        if transactional && b.supports_transactional_ddl() {
            return self.retried(what, |c| {
                c.execute(b.begin_write())?;
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
        // The step's effect cannot commit with its row: say first that it started, so that a
        // run killed half-way leaves a row `status` shows (a re-run starts the step again).
        if let Some((phase, step)) = step {
            let started = self.record_as(phase, step, state::STARTED);
            self.conn
                .execute(&started)
                .map_err(|e| db_failed(what, &e))?;
        }
        for stmt in script::statements(sql, dialect) {
            self.retried(what, |c| c.execute(&stmt))?;
        }
        if let Some(r) = record {
            self.conn.execute(&r).map_err(|e| db_failed(what, &e))?;
        }
        Ok(())
    }

    /// A phase script that is one transaction, as a whole, with `extra` (the state change) run
    /// inside its transaction, before its last `COMMIT`.
    pub(super) fn whole_script(
        &mut self,
        what: &str,
        text: &str,
        extra: &str,
    ) -> Result<(), Error> {
        let lines: Vec<&str> = text.lines().collect();
        let commit = lines.iter().rposition(|l| l.trim() == "COMMIT;");
        let (body, tail) = match commit {
            Some(i) => (lines[..i].join("\n"), lines[i..].join("\n")),
            None => (text.to_string(), String::new()),
        };
        let b = self.plan.dialect.behaviour();
        let probe = self.opts.policy.session_sql(self.plan.dialect);
        self.retried(what, |c| {
            // The script sets its own lock timeout; wait for the write lock under ours first.
            if let Some(p) = &probe {
                c.execute(p)?;
                c.execute(b.begin_write())?;
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
                for reset in b.reset_after_failed_script() {
                    let _ = c.execute(reset);
                }
            }
            r
        })
    }
}
