//! `migc status`: what the state table says, for people and for machines.

use crate::state;
use crate::{Error, Kind};
use migc_db::Connection;
use serde::Serialize;

/// What the state table says of every plan that ran, oldest change first, with what the
/// server says of a run going on and of indexes left unusable, where it can tell.
#[derive(Debug, Serialize)]
pub struct Status {
    pub plans: Vec<PlanStatus>,
    /// The session of a migc `apply` or `rollback` holding the database's run lock now;
    /// `None` when none does, or where the dialect cannot tell (SQLite).
    pub active_run: Option<ActiveRun>,
    /// Indexes a build that did not finish left INVALID (PostgreSQL), with the started step
    /// that builds each, when there is one.
    pub invalid_indexes: Vec<InvalidIndex>,
}

/// A session running migc now, as the server shows it.
#[derive(Debug, Serialize)]
pub struct ActiveRun {
    pub session: String,
    pub state: Option<String>,
    /// When its current (or last) statement began.
    pub since: Option<String>,
    pub query: Option<String>,
    /// What the server says of its progress (PostgreSQL: the phase of an index build, blocks
    /// and tuples done).
    pub progress: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct InvalidIndex {
    pub schema: String,
    pub name: String,
    pub table: String,
    /// The started step that builds it (its id names the table and the index).
    pub step: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct PlanStatus {
    /// The SHA-256 of the plan's manifest.
    pub plan: String,
    /// What the plan was made from and to (passwords redacted).
    pub label: String,
    pub phases: Vec<PhaseStatus>,
    pub last_change: String,
}

#[derive(Debug, Serialize)]
pub struct PhaseStatus {
    pub name: String,
    /// `applied`, `not_applied`, `part_way` or `rolling_back`.
    pub state: &'static str,
    /// Steps recorded done (for a phase part-way).
    pub steps_done: usize,
    pub failed: Vec<FailedStep>,
    /// Steps that began and were not recorded as ended: interrupted, or still running.
    pub started: Vec<StartedStep>,
    pub backfills: Vec<BackfillStatus>,
}

#[derive(Debug, Serialize)]
pub struct StartedStep {
    pub step: String,
    pub at: String,
    /// Whether a migc run holds the database's run lock now (it may still be running the
    /// step); `None` where the dialect cannot tell.
    pub run_holds_lock: Option<bool>,
}

#[derive(Debug, Serialize)]
pub struct FailedStep {
    pub step: String,
    pub at: String,
}

#[derive(Debug, Serialize)]
pub struct BackfillStatus {
    pub step: String,
    pub rows_done: i64,
    pub rows_total: Option<i64>,
    pub last_key: Vec<String>,
    pub done: bool,
}

/// The run lock's holder: `Ok(None)` when no session holds it, `Err` where the dialect cannot
/// tell or the server does not say (a query refused for want of rights).
fn lock_holder(conn: &mut dyn Connection) -> Result<Option<ActiveRun>, ()> {
    let sql = conn.dialect().behaviour().run_lock_holder().ok_or(())?;
    let rows = conn.query(&sql).map_err(|_| ())?;
    Ok(rows.into_iter().next().map(|r| {
        let at = |i: usize| r.get(i).cloned().flatten();
        ActiveRun {
            session: at(0).unwrap_or_default(),
            state: at(1),
            since: at(2),
            query: at(3),
            progress: at(4),
        }
    }))
}

/// The invalid indexes of the database, where the dialect can leave some.
fn invalid_indexes(conn: &mut dyn Connection) -> Vec<InvalidIndex> {
    let Some(sql) = conn.dialect().behaviour().invalid_indexes() else {
        return Vec::new();
    };
    conn.query(&sql)
        .unwrap_or_default()
        .into_iter()
        .map(|r| {
            let at = |i: usize| r.get(i).cloned().flatten().unwrap_or_default();
            InvalidIndex {
                schema: at(0),
                name: at(1),
                table: at(2),
                step: None,
            }
        })
        .collect()
}

/// Reads the state table, and asks the server whether a run is going on and which indexes are
/// invalid.
pub fn read(conn: &mut dyn Connection) -> Result<Status, Error> {
    let rows = state::rows(conn, None)
        .map_err(|e| Error::new(Kind::Io, format!("database error: {e}")))?;
    let holder = lock_holder(conn);
    let run_holds_lock = holder.as_ref().ok().map(Option::is_some);
    let mut invalid = invalid_indexes(conn);
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
    let plans = plans
        .into_iter()
        .map(|(id, label, last_change)| {
            let of: Vec<&state::Row> = rows.iter().filter(|r| r.plan == id).collect();
            let phases = ["expand", "backfill", "switch", "contract"]
                .iter()
                .map(|phase| {
                    let in_phase: Vec<&&state::Row> =
                        of.iter().filter(|r| &r.phase == phase).collect();
                    let state = if in_phase.iter().any(|r| r.status == state::ROLLING_BACK) {
                        "rolling_back"
                    } else if in_phase
                        .iter()
                        .any(|r| r.step == state::WHOLE_PHASE && r.status == state::DONE)
                    {
                        "applied"
                    } else if in_phase.is_empty() {
                        "not_applied"
                    } else {
                        "part_way"
                    };
                    PhaseStatus {
                        name: phase.to_string(),
                        state,
                        steps_done: in_phase.iter().filter(|r| r.status == state::DONE).count(),
                        failed: in_phase
                            .iter()
                            .filter(|r| r.status == state::FAILED)
                            .map(|r| FailedStep {
                                step: r.step.clone(),
                                at: r.updated_at.clone(),
                            })
                            .collect(),
                        started: in_phase
                            .iter()
                            .filter(|r| r.status == state::STARTED)
                            .map(|r| StartedStep {
                                step: r.step.clone(),
                                at: r.updated_at.clone(),
                                run_holds_lock,
                            })
                            .collect(),
                        backfills: in_phase
                            .iter()
                            .filter_map(|r| {
                                Some(BackfillStatus {
                                    step: r.step.clone(),
                                    rows_done: r.rows_done,
                                    rows_total: r.rows_total,
                                    last_key: r.checkpoint.clone()?,
                                    done: r.status == state::DONE,
                                })
                            })
                            .collect(),
                    }
                })
                .collect();
            PlanStatus {
                plan: id,
                label,
                phases,
                last_change,
            }
        })
        .collect::<Vec<PlanStatus>>();
    // A step id ends with the table and the object it makes (`expand.create_index.t.t_a_idx`).
    for index in &mut invalid {
        let suffix = format!(".{}.{}", index.table, index.name);
        index.step = plans
            .iter()
            .flat_map(|p| &p.phases)
            .flat_map(|ph| &ph.started)
            .find(|s| s.step.ends_with(&suffix))
            .map(|s| s.step.clone());
    }
    Ok(Status {
        plans,
        active_run: holder.ok().flatten(),
        invalid_indexes: invalid,
    })
}

/// What the state table says, for people.
pub fn status(conn: &mut dyn Connection) -> Result<String, Error> {
    Ok(human(&read(conn)?))
}

/// The status as text.
pub fn human(status: &Status) -> String {
    let mut out = String::new();
    if status.plans.is_empty() {
        out.push_str("no migc plan has run on this database\n");
    }
    for p in &status.plans {
        out.push_str(&format!(
            "plan {} ({})\n",
            p.label,
            &p.plan[..p.plan.len().min(12)]
        ));
        for ph in &p.phases {
            let what = match ph.state {
                "rolling_back" => "rolling back (not finished)".to_string(),
                "applied" => "applied".to_string(),
                "not_applied" => "not applied".to_string(),
                _ => format!("part-way ({} steps done)", ph.steps_done),
            };
            out.push_str(&format!("  {:<9} {what}\n", ph.name));
            for f in &ph.failed {
                out.push_str(&format!(
                    "    step {} failed at {}; a re-run starts it again\n",
                    f.step, f.at
                ));
            }
            for s in &ph.started {
                out.push_str(&format!(
                    "    step {} started at {}, not finished (interrupted or still running)\n",
                    s.step, s.at
                ));
                match s.run_holds_lock {
                    Some(true) => out.push_str(
                        "      a migc run holds the lock now (see below): it may still be running it\n",
                    ),
                    Some(false) => out.push_str(
                        "      no migc run holds the lock: it was interrupted; a re-run starts it again\n",
                    ),
                    None => {}
                }
                for i in status
                    .invalid_indexes
                    .iter()
                    .filter(|i| i.step.as_deref() == Some(s.step.as_str()))
                {
                    if s.run_holds_lock == Some(true) {
                        out.push_str(&format!(
                            "      index {}.{} on {} is INVALID while it is built\n",
                            i.schema, i.name, i.table
                        ));
                    } else {
                        out.push_str(&format!(
                            "      it left the INVALID index {}.{} on {} behind; a re-run drops it and builds it again\n",
                            i.schema, i.name, i.table
                        ));
                    }
                }
            }
            for b in &ph.backfills {
                let total = b
                    .rows_total
                    .map(|t| t.to_string())
                    .unwrap_or_else(|| "?".into());
                out.push_str(&format!(
                    "    backfill {}: {} of {total} rows walked, last key ({}), {}\n",
                    b.step,
                    b.rows_done,
                    b.last_key.join(", "),
                    if b.done { "done" } else { "resumes there" }
                ));
            }
        }
        out.push_str(&format!("  last change {}\n", p.last_change));
    }
    for i in status.invalid_indexes.iter().filter(|i| i.step.is_none()) {
        out.push_str(&format!(
            "invalid index {}.{} on {} (a build that did not finish; no started step of migc names it)\n",
            i.schema, i.name, i.table
        ));
    }
    if let Some(r) = &status.active_run {
        out.push_str(&format!(
            "a migc run is going on now: session {}",
            r.session
        ));
        if let Some(state) = &r.state {
            out.push_str(&format!(", {state}"));
        }
        if let Some(since) = &r.since {
            out.push_str(&format!(" since {since}"));
        }
        out.push('\n');
        if let Some(q) = r.query.as_deref().map(one_line).filter(|q| !q.is_empty()) {
            out.push_str(&format!("  statement: {q}\n"));
        }
        if let Some(p) = &r.progress {
            out.push_str(&format!("  progress: {p}\n"));
        }
    }
    out
}

/// A statement on one line, cut at 160 characters.
fn one_line(sql: &str) -> String {
    let flat = sql.split_whitespace().collect::<Vec<_>>().join(" ");
    match flat.char_indices().nth(160) {
        Some((i, _)) => format!("{}…", &flat[..i]),
        None => flat,
    }
}
