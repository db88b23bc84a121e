//! `migc status`: what the state table says, for people and for machines.

use crate::state;
use crate::{Error, Kind};
use migc_db::Connection;
use serde::Serialize;

/// What the state table says of every plan that ran, oldest change first.
#[derive(Debug, Serialize)]
pub struct Status {
    pub plans: Vec<PlanStatus>,
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
    pub backfills: Vec<BackfillStatus>,
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

/// Reads the state table.
pub fn read(conn: &mut dyn Connection) -> Result<Status, Error> {
    let rows = state::rows(conn, None)
        .map_err(|e| Error::new(Kind::Io, format!("database error: {e}")))?;
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
        .collect();
    Ok(Status { plans })
}

/// What the state table says, for people.
pub fn status(conn: &mut dyn Connection) -> Result<String, Error> {
    Ok(human(&read(conn)?))
}

/// The status as text.
pub fn human(status: &Status) -> String {
    if status.plans.is_empty() {
        return "no migc plan has run on this database\n".into();
    }
    let mut out = String::new();
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
    out
}
