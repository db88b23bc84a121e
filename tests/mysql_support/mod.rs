//! Support for the live MySQL/MariaDB tests (`tests/mysql_lifecycle.rs`): scratch databases,
//! scripts run as the client runs them, catalog comparison, and the two application versions.

#![allow(dead_code)]

pub mod apps;
pub mod catalog;
pub mod db;
#[path = "../plan_support/mod.rs"]
pub mod plan_support;

use apps::App;
use migc_compiler::schema::Schema;
use plan_support::Plan;
use std::path::{Path, PathBuf};

pub struct Case {
    pub name: String,
    pub from: PathBuf,
    pub to: PathBuf,
}

#[derive(Default, Debug)]
pub struct Report {
    pub case: String,
    pub skipped: Option<String>,
    pub failures: Vec<String>,
    pub notes: Vec<String>,
}

fn q(name: &str) -> String {
    format!("`{}`", name.replace('`', "``"))
}

/// The plans a case needs: the change, and `empty` to each end (to deploy and to compare).
pub struct Prepared {
    pub change: Plan,
    pub deploy: Plan,
    pub target: Plan,
    pub old: Schema,
    pub new: Schema,
    _dir: tempfile::TempDir,
}

pub fn prepare(case: &Case) -> Result<Prepared, String> {
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let s = |p: &Path| p.to_string_lossy().to_string();
    let change = plan_support::plan(
        &s(&case.from),
        &s(&case.to),
        "mysql",
        &dir.path().join("change"),
    )?;
    let deploy = plan_support::plan("empty", &s(&case.from), "mysql", &dir.path().join("deploy"))?;
    let target = plan_support::plan("empty", &s(&case.to), "mysql", &dir.path().join("target"))?;
    Ok(Prepared {
        change,
        deploy,
        target,
        old: plan_support::snapshot(&case.from)?,
        new: plan_support::snapshot(&case.to)?,
        _dir: dir,
    })
}

fn run_all(url: &str, plan: &Plan) -> Result<(), String> {
    for p in &plan.phases {
        db::run_script(url, &p.up)?;
    }
    Ok(())
}

/// Row counts of the deployed tables, under whichever name each has now.
fn counts(conn: &mut mysql::Conn, prep: &Prepared) -> Result<Vec<(String, u64)>, String> {
    let present: Vec<String> = db::rows(
        conn,
        "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE'",
    )?
    .into_iter()
    .filter_map(|r| r.into_iter().next().flatten())
    .collect();
    let mut out = Vec::new();
    for t in prep.old.tables.keys() {
        let name = if present.contains(t) {
            t.clone()
        } else if let Some(n) = prep
            .new
            .tables
            .values()
            .find(|n| n.renamed_from.as_deref() == Some(t))
        {
            n.name.clone()
        } else {
            continue;
        };
        let r = db::rows(conn, &format!("SELECT count(*) FROM {}", q(&name)))?;
        let n = r
            .first()
            .and_then(|r| r.first().cloned().flatten())
            .and_then(|v| v.parse().ok())
            .unwrap_or(0);
        out.push((t.clone(), n));
    }
    Ok(out)
}

/// A database with the deployed schema and seeded rows.
fn deployed(server: &str, prep: &Prepared, label: &str) -> Result<db::Scratch, String> {
    let scratch = db::Scratch::create(server, label);
    run_all(&scratch.url, &prep.deploy)?;
    let mut conn = scratch.connect();
    let old = App {
        name: "old",
        schema: &prep.old,
        other: &prep.new,
    };
    for n in 1..=3 {
        old.round(&mut conn, n)
            .map_err(|e| format!("seeding: {e}"))?;
    }
    Ok(scratch)
}

/// Applies phases `0..=last` with both applications writing after each, every script run
/// twice (the second run must succeed too).
fn forward(url: &str, prep: &Prepared, last: usize) -> Result<(), String> {
    let old = App {
        name: "old",
        schema: &prep.old,
        other: &prep.new,
    };
    let new = App {
        name: "new",
        schema: &prep.new,
        other: &prep.old,
    };
    let mut conn = db::connect(url);
    for (i, phase) in prep.change.phases.iter().enumerate().take(last + 1) {
        db::run_script(url, &phase.up)?;
        db::run_script(url, &phase.up).map_err(|e| format!("re-run of {}: {e}", phase.name))?;
        let n = 100 + 10 * i as u64;
        if phase.name != "contract" {
            old.round(&mut conn, n)
                .map_err(|e| format!("after {}: {e}", phase.name))?;
        }
        new.round(&mut conn, n + 5)
            .map_err(|e| format!("after {}: {e}", phase.name))?;
    }
    Ok(())
}

pub fn run_case(server: &str, case: &Case) -> Report {
    let mut report = Report {
        case: case.name.clone(),
        ..Report::default()
    };
    let prep = match prepare(case) {
        Ok(p) => p,
        Err(e) => {
            report.skipped = Some(e);
            return report;
        }
    };
    let mut fail = |what: String| report.failures.push(format!("{}: {what}", case.name));
    // The target built directly.
    let target = db::Scratch::create(server, &format!("{}_t", case.name));
    let target_catalog =
        run_all(&target.url, &prep.target).and_then(|_| catalog::read(&mut target.connect()));
    let target_catalog = match target_catalog {
        Ok(c) => c,
        Err(e) => {
            fail(format!("building the target directly: {e}"));
            return report;
        }
    };
    drop(target);
    // Forward through every phase.
    match deployed(server, &prep, &format!("{}_f", case.name)) {
        Err(e) => fail(format!("deploying: {e}")),
        Ok(db) => match forward(&db.url, &prep, prep.change.phases.len() - 1) {
            Err(e) => fail(format!("forward: {e}")),
            Ok(()) => match catalog::read(&mut db.connect()) {
                Err(e) => fail(e),
                Ok(actual) => {
                    let d = catalog::diff(&target_catalog, &actual);
                    if !d.is_empty() {
                        fail(format!(
                            "the migrated catalog differs from the target built directly:\n{}",
                            d.join("\n")
                        ));
                    }
                    let left = catalog::leftovers(&actual);
                    if !left.is_empty() {
                        fail(format!("helpers left: {}", left.join(", ")));
                    }
                }
            },
        },
    }
    // Rolled back from every phase.
    for k in 0..prep.change.phases.len() {
        let phase = prep.change.phases[k].name.clone();
        let result = (|| -> Result<(), String> {
            let db = deployed(server, &prep, &format!("{}_r{k}", case.name))?;
            let mut conn = db.connect();
            let deployed_catalog = catalog::read(&mut conn)?;
            forward(&db.url, &prep, k)?;
            let before = counts(&mut conn, &prep)?;
            for p in prep.change.phases[..=k].iter().rev() {
                db::run_script(&db.url, &p.down)?;
                db::run_script(&db.url, &p.down)
                    .map_err(|e| format!("re-run of {} down: {e}", p.name))?;
            }
            let after: Vec<(String, u64)> = counts(&mut conn, &prep)?
                .into_iter()
                .filter(|(t, _)| before.iter().any(|(b, _)| b == t))
                .collect();
            if before != after {
                return Err(format!("rows lost: before {before:?}, after {after:?}"));
            }
            let actual = catalog::read(&mut conn)?;
            let d = catalog::diff(&deployed_catalog, &actual);
            let declared: Vec<String> = prep.change.phases[..=k]
                .iter()
                .flat_map(|p| prep.change.rollback_loses(&p.name))
                .collect();
            if !d.is_empty() && declared.is_empty() {
                return Err(format!(
                    "the catalog after the rollback differs from the deployed one:\n{}",
                    d.join("\n")
                ));
            }
            let old = App {
                name: "old",
                schema: &prep.old,
                other: &prep.new,
            };
            old.round(&mut conn, 900)
                .map_err(|e| format!("after the rollback: {e}"))?;
            Ok(())
        })();
        if let Err(e) = result {
            fail(format!("rollback from {phase}: {e}"));
        }
    }
    report
}
