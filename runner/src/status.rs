//! `migc status`: what the state table says, for people.

use crate::state;
use crate::{Error, Kind};
use migc_db::Connection;

/// What the state table says, for people.
pub fn status(conn: &mut dyn Connection) -> Result<String, Error> {
    let rows = state::rows(conn, None)
        .map_err(|e| Error::new(Kind::Io, format!("database error: {e}")))?;
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
