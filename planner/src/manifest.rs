//! The rollout manifest (`manifest.json`): phases with their scripts and steps, the gates
//! between phases, the compatibility matrix, the point of no return, lint findings and the
//! SHA-256 of every script. Versioned; deterministic for the same inputs.

use crate::dialect::{Batch, Lowered, Lowering};
use crate::script::file_names;
use crate::step::{Op, Phase};
use crate::{Labels, Locate, Plan};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

pub const FORMAT: &str = "migc-plan";
pub const VERSION: u32 = 1;

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Manifest {
    pub format: String,
    pub version: u32,
    pub generator: String,
    pub dialect: String,
    pub from: String,
    pub to: String,
    /// How each application version connects, where the dialect gives each its own shape.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub apps: Option<Apps>,
    pub phases: Vec<PhaseEntry>,
    pub gates: Vec<Gate>,
    pub compatibility: Vec<Compatibility>,
    pub point_of_no_return: PointOfNoReturn,
    pub lint: Vec<Finding>,
    /// SHA-256 of every script, by file name.
    pub checksums: BTreeMap<String, String>,
}

/// The application versions' connections.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Apps {
    pub old: AppAccess,
    pub new: AppAccess,
}

/// How connections of one application version reach that version's shape.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct AppAccess {
    /// The version's namespace: where the plan shows it the tables it changes in its shape.
    pub namespace: String,
    /// The statements each connection of the version runs first. They hold in every phase in
    /// which the version works, and before and after the plan too.
    pub session: Vec<String>,
}

impl Apps {
    /// The apps of a plan whose versions have the namespaces of `layer`.
    pub fn new(lowering: &dyn Lowering, layer: &crate::versions::Layer) -> Apps {
        let access = |namespace: &str| AppAccess {
            namespace: namespace.to_string(),
            session: lowering.app_session(namespace),
        };
        Apps {
            old: access(&layer.old),
            new: access(&layer.new),
        }
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct PhaseEntry {
    pub name: String,
    pub up: String,
    pub down: String,
    pub steps: Vec<StepEntry>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct StepEntry {
    pub id: String,
    pub summary: String,
    pub op: String,
    pub object: String,
    pub lock: String,
    pub rewrite: bool,
    pub scan: bool,
    pub transactional: bool,
    /// Whether the step's rollback may run in one transaction, written only where it differs
    /// from `transactional` (undoing the drop of a PostgreSQL index builds it `CONCURRENTLY`).
    /// Read it through [`StepEntry::rollback_transactional`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub down_transactional: Option<bool>,
    /// What the step's rollback cannot give back; absent when it restores everything.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rollback_loses: Option<String>,
    /// `file:line:col` in the `.mig` files, when the step comes from a declaration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Ids of the steps of the same phase that must run first.
    pub after: Vec<String>,
    /// A backfill as statements an executor runs batch by batch.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub backfill: Option<Batch>,
}

impl StepEntry {
    /// Whether the step's rollback may run in one transaction.
    pub fn rollback_transactional(&self) -> bool {
        self.down_transactional.unwrap_or(self.transactional)
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Gate {
    pub after: String,
    pub before: String,
    pub condition: String,
    /// Queries that must each return 0 before going on.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checks: Vec<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Compatibility {
    pub after: String,
    pub old_app: bool,
    pub new_app: bool,
    /// What rolling back this phase cannot give back (empty: nothing).
    pub rollback_loses: Vec<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct PointOfNoReturn {
    pub phase: String,
    /// What the contract rollback cannot restore.
    pub cannot_restore: Vec<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Finding {
    pub severity: String,
    pub code: String,
    pub message: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
}

pub fn sha256(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

pub(crate) fn build(
    lowering: &dyn Lowering,
    plan: &Plan,
    lowered: &[Lowered],
    scripts: &BTreeMap<String, String>,
    labels: &Labels<'_>,
    locate: Locate<'_>,
) -> Manifest {
    let dialect = lowering.dialect();
    let mut phases = Vec::new();
    let mut compatibility = Vec::new();
    for phase in Phase::ALL {
        let (up, down) = file_names(phase);
        let mut steps = Vec::new();
        let mut loses = Vec::new();
        for (step, l) in plan
            .steps
            .iter()
            .zip(lowered)
            .filter(|(s, _)| s.phase == phase)
        {
            let op = serde_json::to_value(&step.op)
                .ok()
                .and_then(|v| v.get("op").and_then(|o| o.as_str()).map(str::to_string))
                .unwrap_or_default();
            if let Some(x) = &l.down_loses {
                loses.push(x.clone());
            }
            // Only where the database rolls DDL back can a step run in one transaction.
            let transactional =
                lowering.supports_transactional_ddl() && l.up.iter().all(|u| u.transactional);
            let down_transactional =
                lowering.supports_transactional_ddl() && l.down.iter().all(|u| u.transactional);
            steps.push(StepEntry {
                id: step.id.clone(),
                summary: step.summary.clone(),
                op,
                object: step.object.clone(),
                lock: l.lock.clone(),
                rewrite: l.rewrite,
                scan: l.scan,
                transactional,
                down_transactional: (down_transactional != transactional)
                    .then_some(down_transactional),
                rollback_loses: l.down_loses.clone(),
                source: step.origin.and_then(locate),
                after: step
                    .after
                    .iter()
                    .map(|&a| plan.steps[a].id.clone())
                    .collect(),
                backfill: l.batch.clone(),
            });
        }
        let removes_old_shape = phase == Phase::Contract && !steps.is_empty();
        compatibility.push(Compatibility {
            after: phase.name().to_string(),
            old_app: !removes_old_shape,
            new_app: true,
            rollback_loses: loses,
        });
        phases.push(PhaseEntry {
            name: phase.name().to_string(),
            up,
            down,
            steps,
        });
    }
    // The dialect's own count of rows still to fill when it gives one; otherwise the generic
    // spelling of the same condition.
    let backfill_checks: Vec<String> = plan
        .steps
        .iter()
        .zip(lowered)
        .filter_map(|(s, l)| match (&s.op, &l.batch) {
            (Op::Backfill { .. }, Some(batch)) => Some(batch.remaining.clone()),
            (
                Op::Backfill {
                    table, assignments, ..
                },
                None,
            ) => {
                let pending: Vec<String> = assignments
                    .iter()
                    .map(|a| {
                        let value = crate::sql::render(&a.value.sql, dialect, None)
                            .unwrap_or_else(|_| a.value.sql.clone());
                        format!(
                            "({} IS NULL AND ({value}) IS NOT NULL)",
                            crate::sql::quote(&a.column, dialect)
                        )
                    })
                    .collect();
                Some(format!(
                    "SELECT count(*) FROM {} WHERE {};",
                    crate::sql::quote(table, dialect),
                    pending.join(" OR ")
                ))
            }
            _ => None,
        })
        .collect();
    let gates = vec![
        Gate {
            after: "expand".into(),
            before: "backfill".into(),
            condition: "expand applied; the old and the new application may both run".into(),
            checks: Vec::new(),
        },
        Gate {
            after: "backfill".into(),
            before: "switch".into(),
            condition: "backfill complete: every check returns 0".into(),
            checks: backfill_checks,
        },
        Gate {
            after: "switch".into(),
            before: "contract".into(),
            condition: "every application instance runs the new version".into(),
            checks: Vec::new(),
        },
    ];
    let cannot_restore = compatibility
        .iter()
        .find(|c| c.after == "contract")
        .map(|c| c.rollback_loses.clone())
        .unwrap_or_default();
    let lint = plan
        .diagnostics
        .iter()
        .map(|d| Finding {
            severity: match d.severity {
                migc_grammar::Severity::Error => "error".into(),
                migc_grammar::Severity::Warning => "warning".into(),
            },
            code: d.code.as_str().into(),
            message: d.message.clone(),
            source: d.primary_span().and_then(locate),
            notes: d.notes.clone(),
            help: d.help.clone(),
        })
        .collect();
    Manifest {
        format: FORMAT.into(),
        version: VERSION,
        generator: format!("migc {}", env!("CARGO_PKG_VERSION")),
        dialect: dialect.name().into(),
        from: labels.from.into(),
        to: labels.to.into(),
        apps: None,
        phases,
        gates,
        compatibility,
        point_of_no_return: PointOfNoReturn {
            phase: "contract".into(),
            cannot_restore,
        },
        lint,
        checksums: scripts
            .iter()
            .map(|(n, t)| (n.clone(), sha256(t)))
            .collect(),
    }
}

pub fn to_json(manifest: &Manifest) -> String {
    let mut text = serde_json::to_string_pretty(manifest).unwrap_or_default();
    text.push('\n');
    text
}

/// Reads a manifest back (for `migc explain`).
pub fn from_json(text: &str) -> Result<Manifest, String> {
    let m: Manifest =
        serde_json::from_str(text).map_err(|e| format!("not a migc manifest: {e}"))?;
    if m.format != FORMAT {
        return Err(format!("not a migc manifest: format is `{}`", m.format));
    }
    if m.version > VERSION {
        return Err(format!(
            "manifest version {} is newer than this migc understands (up to {VERSION})",
            m.version
        ));
    }
    Ok(m)
}
