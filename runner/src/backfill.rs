//! Batched backfills (safe-ddl.md §8): the manifest's [`Batch`] statements run one batch per
//! transaction, walking the table's key in order. Each batch's transaction also moves the
//! checkpoint in the state table (the batch's last key and the rows walked), so a run killed at
//! any point resumes after the last batch that committed: a batch is either done and recorded
//! or neither. Rows are filled once; the fill only touches rows still needing it, so even a
//! batch run twice would change nothing the second time. Rows inserted during the walk get
//! filled by the dual-write triggers, or by the walk when their key comes after its position.
//! At the end the dialect's `remaining` query must say 0; if it does not (a writer without the
//! triggers), the walk is made once more from the start before giving up.

use crate::pace::{self, Pace};
use crate::progress::Progress;
use crate::report::{millis, Event, Output};
use crate::retry::{self, Policy};
use crate::state::{self, Record};
use crate::{Error, Kind};
use migc_db::{Connection, DbError};
use migc_planner::dialect::Batch;
use migc_stdlib::Dialect;
use std::time::Instant;

/// Where a backfill records itself and how it paces.
pub struct Job<'a> {
    pub plan: &'a str,
    pub label: &'a str,
    pub phase: &'a str,
    pub step: &'a str,
    /// The pacing the walk starts with ([`crate::pace`]).
    pub pace: Pace,
    pub policy: &'a Policy,
    pub output: Output,
}

fn tuple(dialect: Dialect, items: &[String], quote: bool) -> String {
    let b = dialect.behaviour();
    let parts: Vec<String> = items
        .iter()
        .map(|v| {
            if quote {
                b.quote_literal(v)
            } else {
                b.quote_ident(v)
            }
        })
        .collect();
    if parts.len() == 1 {
        parts[0].clone()
    } else {
        format!("({})", parts.join(", "))
    }
}

/// `{after}`: the rows after the checkpoint (every row before the first batch).
pub fn after(dialect: Dialect, batch: &Batch, checkpoint: Option<&[String]>) -> String {
    match checkpoint {
        None => "1 = 1".into(),
        Some(keys) => format!(
            "{} > {}",
            tuple(dialect, &batch.key, false),
            tuple(dialect, keys, true)
        ),
    }
}

/// `{upto}`: the rows up to the last key of the batch.
pub fn upto(dialect: Dialect, batch: &Batch, last: &[String]) -> String {
    format!(
        "{} <= {}",
        tuple(dialect, &batch.key, false),
        tuple(dialect, last, true)
    )
}

fn count(conn: &mut dyn Connection, sql: &str) -> Result<u64, DbError> {
    let rows = conn.query(sql)?;
    Ok(rows
        .first()
        .and_then(|r| r.first())
        .cloned()
        .flatten()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0))
}

/// Runs the backfill from its checkpoint to the end and records it done; the rows walked, by
/// this run and the ones before.
pub fn run(
    conn: &mut dyn Connection,
    batch: &Batch,
    job: &Job<'_>,
    resume: Option<&state::Row>,
) -> Result<u64, Error> {
    let dialect = conn.dialect();
    let failed = |e: DbError| {
        Error::new(
            Kind::Failed,
            format!(
                "backfill of `{}` failed: {e}\n  help: what committed is recorded; run the same command again to resume",
                batch.table
            ),
        )
    };
    let mut checkpoint: Option<Vec<String>> = resume.and_then(|r| r.checkpoint.clone());
    let mut done = resume.map_or(0, |r| r.rows_done.max(0) as u64);
    if let Some(keys) = &checkpoint {
        job.output.say(&format!(
            "  resuming the backfill of `{}` after key ({}), {done} rows already walked",
            batch.table,
            keys.join(", ")
        ));
    }
    let table = dialect.behaviour().quote_ident(&batch.table);
    let mut rewalked = false;
    let mut pace = job.pace.clone();
    // A walk that would fill nothing is not made (a column made NOT NULL that holds no null):
    // one count, where the walk would visit every row in batches. Rows written meanwhile are
    // the triggers' and defaults', as during a walk.
    let nothing_to_fill = count(conn, &batch.remaining).map_err(failed)? == 0;
    if nothing_to_fill {
        job.output
            .say(&format!("  backfill {}: no row needs filling", batch.table));
    }
    let mut walking = !nothing_to_fill;
    while walking {
        let left = count(
            conn,
            &format!(
                "SELECT count(*) FROM {table} WHERE {}",
                after(dialect, batch, checkpoint.as_deref())
            ),
        )
        .map_err(failed)?;
        let total = done + left;
        job.output.event(&Event::BackfillStarted {
            phase: job.phase,
            step: job.step,
            table: &batch.table,
            rows_done: done,
            rows_total: total,
            resumed_after: checkpoint.as_deref(),
        });
        let mut progress = Progress::new(
            &format!("  backfill {}", batch.table),
            done,
            total,
            !job.output.is_human(),
        );
        loop {
            let what = format!("backfill of `{}`", batch.table);
            let limit = pace.size();
            let mut attempts = 0;
            let mut took = std::time::Duration::ZERO;
            let step = retry::run(job.policy, &what, job.output, conn, |c| {
                attempts += 1;
                let start = Instant::now();
                let r = one_batch(c, batch, job, limit, checkpoint.as_deref(), done, total);
                took = start.elapsed();
                r
            });
            match step {
                Ok(Some((last, n))) => {
                    done += n;
                    job.output.event(&Event::BackfillBatch {
                        phase: job.phase,
                        step: job.step,
                        table: &batch.table,
                        rows: n,
                        rows_done: done,
                        rows_total: total.max(done),
                        duration_ms: millis(took),
                        last_key: &last,
                    });
                    checkpoint = Some(last);
                    progress.update(done);
                    let pause = pace.after(pace::Batch {
                        rows: n,
                        took,
                        retried: attempts > 1,
                    });
                    if !pause.is_zero() {
                        std::thread::sleep(pause);
                    }
                }
                Ok(None) => break,
                Err(retry::Failure::Other(e)) => return Err(failed(e)),
                Err(retry::Failure::Gave(e, n)) => {
                    return Err(Error::new(
                        Kind::Failed,
                        format!(
                            "backfill of `{}`: gave up after {n} attempts to take a lock: {e}\n  help: the batches done are recorded; run the same command again to resume",
                            batch.table
                        ),
                    ))
                }
            }
        }
        progress.finish(done);
        let remaining = count(conn, &batch.remaining).map_err(failed)?;
        if remaining == 0 {
            walking = false;
            continue;
        }
        if rewalked {
            return Err(Error::new(
                Kind::Failed,
                format!(
                    "backfill of `{}`: {remaining} rows still need filling after walking the table twice\n  help: a writer without the dual-write triggers may be changing the table; run again once it stops",
                    batch.table
                ),
            ));
        }
        rewalked = true;
        checkpoint = None;
    }
    let record = state::upsert(
        dialect,
        &Record {
            plan: job.plan,
            label: job.label,
            phase: job.phase,
            step: job.step,
            status: state::DONE,
            checkpoint: checkpoint.as_deref(),
            rows_done: done as i64,
            rows_total: Some(done as i64),
        },
    );
    conn.execute(&record).map_err(failed)?;
    Ok(done)
}

/// One batch in one transaction with its checkpoint: the batch's last key and size, or `None`
/// when no row is left after the checkpoint.
fn one_batch(
    conn: &mut dyn Connection,
    batch: &Batch,
    job: &Job<'_>,
    limit: u64,
    checkpoint: Option<&[String]>,
    done: u64,
    total: u64,
) -> Result<Option<(Vec<String>, u64)>, DbError> {
    let dialect = conn.dialect();
    let b = dialect.behaviour();
    conn.execute(b.begin_write())?;
    let result = (|| {
        for s in &batch.setup {
            conn.execute(s)?;
        }
        let after = after(dialect, batch, checkpoint);
        let limit = limit.max(1).to_string();
        // Names and texts of the statements may hold the placeholders' characters too.
        let next = b.fill_placeholders(&batch.next, &[("{after}", &after), ("{limit}", &limit)]);
        let keys = conn.query(&next)?;
        let Some(last) = keys.last() else {
            for s in &batch.teardown {
                conn.execute(s)?;
            }
            return Ok(None);
        };
        let last: Vec<String> = last.iter().map(|v| v.clone().unwrap_or_default()).collect();
        let upto = upto(dialect, batch, &last);
        let fill = b.fill_placeholders(&batch.fill, &[("{after}", &after), ("{upto}", &upto)]);
        conn.execute(&fill)?;
        for s in &batch.teardown {
            conn.execute(s)?;
        }
        let n = keys.len() as u64;
        conn.execute(&state::upsert(
            dialect,
            &Record {
                plan: job.plan,
                label: job.label,
                phase: job.phase,
                step: job.step,
                status: state::RUNNING,
                checkpoint: Some(&last),
                rows_done: (done + n) as i64,
                rows_total: Some(total.max(done + n) as i64),
            },
        ))?;
        Ok(Some((last, n)))
    })();
    match result {
        Ok(v) => {
            conn.execute("COMMIT")?;
            Ok(v)
        }
        Err(e) => {
            let _ = conn.execute("ROLLBACK");
            Err(e)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn batch(key: &[&str]) -> Batch {
        Batch {
            table: "t".into(),
            key: key.iter().map(|k| k.to_string()).collect(),
            next: String::new(),
            setup: Vec::new(),
            fill: String::new(),
            teardown: Vec::new(),
            remaining: String::new(),
        }
    }

    #[test]
    fn placeholders_compare_keys_as_literals() {
        let one = batch(&["id"]);
        assert_eq!(after(Dialect::Postgres, &one, None), "1 = 1");
        assert_eq!(
            after(Dialect::Postgres, &one, Some(&["41".into()])),
            "\"id\" > '41'"
        );
        let two = batch(&["a", "b"]);
        assert_eq!(
            upto(Dialect::Mysql, &two, &["x'y".into(), "2".into()]),
            "(`a`, `b`) <= ('x''y', '2')"
        );
    }

    #[test]
    fn a_backfill_with_nothing_to_fill_walks_no_row() {
        let mut conn = migc_db::connect(&migc_db::DbUrl::Sqlite(None)).unwrap();
        conn.execute(
            "CREATE TABLE t (id integer PRIMARY KEY, b text);
             WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 25)
             INSERT INTO t (id, b) SELECT i, 'v' || i FROM n;
             CREATE TABLE walked (id integer);
             CREATE TRIGGER log AFTER UPDATE ON t BEGIN INSERT INTO walked VALUES (NEW.id); END;",
        )
        .unwrap();
        state::ensure(conn.as_mut()).unwrap();
        let b = Batch {
            table: "t".into(),
            key: vec!["id".into()],
            // A fill that touches every row of its batch, to show that no batch runs.
            next: "SELECT id FROM t WHERE {after} ORDER BY id LIMIT {limit};".into(),
            setup: Vec::new(),
            fill: "UPDATE t SET b = b WHERE {after} AND {upto};".into(),
            teardown: Vec::new(),
            remaining: "SELECT count(*) FROM t WHERE b IS NULL;".into(),
        };
        let policy = Policy::default();
        let job = Job {
            plan: "p",
            label: "a -> b",
            phase: "backfill",
            step: "s",
            pace: Pace::new(None, None),
            policy: &policy,
            output: Output::Quiet,
        };
        run(conn.as_mut(), &b, &job, None).unwrap();
        assert_eq!(
            conn.query("SELECT count(*) FROM walked").unwrap()[0],
            vec![Some("0".into())]
        );
        let st = state::of_plan(conn.as_mut(), "p").unwrap();
        assert_eq!(
            st[&("backfill".to_string(), "s".to_string())].status,
            state::DONE
        );
    }

    #[test]
    fn a_backfill_resumes_from_its_checkpoint() {
        let mut conn = migc_db::connect(&migc_db::DbUrl::Sqlite(None)).unwrap();
        conn.execute(
            "CREATE TABLE t (id integer PRIMARY KEY, a text, b text);
             WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 25)
             INSERT INTO t (id, a) SELECT i, 'v' || i FROM n;
             CREATE TABLE fills (id integer);
             CREATE TRIGGER log AFTER UPDATE OF b ON t BEGIN INSERT INTO fills VALUES (NEW.id); END;",
        )
        .unwrap();
        state::ensure(conn.as_mut()).unwrap();
        let b = Batch {
            table: "t".into(),
            key: vec!["id".into()],
            next: "SELECT id FROM t WHERE {after} ORDER BY id LIMIT {limit};".into(),
            setup: Vec::new(),
            fill: "UPDATE t SET b = upper(a) WHERE {after} AND {upto} AND b IS NULL;".into(),
            teardown: Vec::new(),
            remaining: "SELECT count(*) FROM t WHERE b IS NULL;".into(),
        };
        let policy = Policy::default();
        let job = Job {
            plan: "p",
            label: "a -> b",
            phase: "backfill",
            step: "s",
            pace: Pace::new(Some(10), Some(std::time::Duration::ZERO)),
            policy: &policy,
            output: Output::Quiet,
        };
        // As if a killed run had committed the first batch.
        conn.execute("UPDATE t SET b = upper(a) WHERE id <= 10")
            .unwrap();
        let resume = state::Row {
            plan: "p".into(),
            label: "a -> b".into(),
            phase: "backfill".into(),
            step: "s".into(),
            status: state::RUNNING.into(),
            checkpoint: Some(vec!["10".into()]),
            rows_done: 10,
            rows_total: Some(25),
            updated_at: String::new(),
        };
        run(conn.as_mut(), &b, &job, Some(&resume)).unwrap();
        let rows = conn
            .query("SELECT count(*), count(DISTINCT id), min(id) FROM fills")
            .unwrap();
        assert_eq!(
            rows[0],
            vec![Some("25".into()), Some("25".into()), Some("1".into())]
        );
        let st = state::of_plan(conn.as_mut(), "p").unwrap();
        let row = &st[&("backfill".to_string(), "s".to_string())];
        assert_eq!(row.status, state::DONE);
        assert_eq!(row.rows_done, 25);
        assert_eq!(row.checkpoint, Some(vec!["25".to_string()]));
    }
}
