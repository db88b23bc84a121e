//! `migc verify`: a plan proven on a scratch database. The database is built from the deployed
//! schema (the plan from `empty`, applied), filled with generated rows, then taken through the
//! plan one phase at a time. After each phase:
//!
//! - the **old application** (the deployed shape's tables and columns) inserts a row into every
//!   table, finds it by its key, updates a seeded row and reads every table;
//! - the **new application** does the same with the target shape;
//! - each reads the row the other wrote and finds every column its shape declares `NOT NULL`
//!   filled (the dual writes at work);
//! - the phase is **rolled back** and every table the two shapes share must hold as many rows as
//!   before, readable by the old application; then the phase is applied again.
//!
//! What the manifest's compatibility matrix promises is what is checked: an application that
//! fails where the manifest says it works is a violation, one that fails where it does not
//! promise it (the old application after contract) is shown but is not.
//!
//! [`Report`] is what was observed; the applications at work are in `verifier`, the rows they
//! write in `values`.

mod report;
mod values;
mod verifier;

pub use report::{Cell, Line, Report};

use crate::run::{self, Options, Target};
use crate::{Error, Kind, PlanDir};
use migc_compiler::schema::Schema;
use migc_db::{Connection, DbUrl};
use std::collections::BTreeMap;
use verifier::{App, Verifier};

/// What to verify.
pub struct Case<'a> {
    pub from: &'a Schema,
    pub to: &'a Schema,
    /// The plan from `empty` to `from`, which builds the scratch database.
    pub deploy: &'a PlanDir,
    /// The plan under test.
    pub plan: &'a PlanDir,
    /// Rows generated per table.
    pub rows: u64,
}

fn plan_error(what: &str, e: Error) -> Error {
    Error::new(Kind::Failed, format!("{what}: {}", e.message))
}

/// Runs the verification on `conn` (an empty database at `url`).
pub fn run(url: &DbUrl, conn: &mut dyn Connection, case: &Case<'_>) -> Result<Report, Error> {
    let opts = Options {
        output: crate::report::Output::Quiet,
        pause: Some(std::time::Duration::ZERO),
        batch_size: Some(500),
        ..Options::default()
    };
    let mut shared = BTreeMap::new();
    for b in case.to.tables.values() {
        let a = match &b.renamed_from {
            Some(r) if case.from.tables.contains_key(r) => r.clone(),
            _ => b.name.clone(),
        };
        if case.from.tables.contains_key(&a) {
            shared.insert(a, b.name.clone());
        }
    }
    // Labels the target drops are ones the old application has stopped writing before the
    // rollout (the author acknowledged losing them); its rows keep to the other labels.
    let mut old_schema = case.from.clone();
    for (name, e) in &mut old_schema.enums {
        if let Some(target) = case.to.enums.get(name) {
            e.values
                .retain(|v| !target.dropped_values.contains_key(&v.name));
        }
    }
    let dialect = conn.dialect();
    let mut v = Verifier {
        url,
        conn,
        dialect,
        case,
        opts,
        shared,
        session: None,
    };
    run::apply(
        url,
        v.conn,
        case.deploy,
        &Target::Through("contract".into()),
        &v.opts,
    )
    .map_err(|e| plan_error("building the deployed schema failed", e))?;
    let mut report = Report::default();
    for name in values::insert_order(&old_schema) {
        let table = &old_schema.tables[&name];
        let mut seeded = 0;
        for n in 1..=case.rows {
            match v.insert(&old_schema, table, n) {
                Ok(()) => seeded += 1,
                Err(e) => {
                    report
                        .notes
                        .push(format!("seeding `{name}` stopped at row {n}: {e}"));
                    break;
                }
            }
        }
        report.seeded.insert(name, seeded);
    }
    let old = App {
        name: "old app",
        schema: &old_schema,
    };
    let new = App {
        name: "new app",
        schema: case.to,
    };
    let mut stopped = false;
    for (i, phase) in case.plan.manifest.phases.iter().enumerate() {
        let promise = case
            .plan
            .manifest
            .compatibility
            .iter()
            .find(|c| c.after == phase.name);
        let mut line = Line {
            phase: phase.name.clone(),
            apply: None,
            old: Cell::NotRun,
            new: Cell::NotRun,
            rollback: Cell::NotRun,
            loses: promise
                .map(|p| p.rollback_loses.clone())
                .unwrap_or_default(),
        };
        if stopped {
            report.lines.push(line);
            continue;
        }
        if let Err(e) = run::apply(
            url,
            v.conn,
            case.plan,
            &Target::Phase(phase.name.clone()),
            &v.opts,
        ) {
            line.apply = Some(e.message);
            stopped = true;
            report.lines.push(line);
            continue;
        }
        let base = case.rows + 100 * (i as u64 + 1);
        let judge = |r: Result<(), String>, promised: bool| match r {
            Ok(()) => Cell::Works,
            Err(e) if promised => Cell::Broken(e),
            Err(e) => Cell::Fails(e),
        };
        let old_promised = promise.is_none_or(|p| p.old_app);
        let new_promised = promise.is_none_or(|p| p.new_app);
        // Each application works through its own connection, set up as the plan says.
        let old_r = v.as_app(&old).and_then(|()| v.exercise(&old, base + 1));
        let new_r = v.as_app(&new).and_then(|()| v.exercise(&new, base + 2));
        let (old_ok, new_ok) = (old_r.is_ok(), new_r.is_ok());
        let old_r = old_r.and_then(|()| {
            if new_ok {
                v.as_app(&old)
                    .and_then(|()| v.cross_read(&old, &new, base + 2))
            } else {
                Ok(())
            }
        });
        let new_r = new_r.and_then(|()| {
            if old_ok {
                v.as_app(&new)
                    .and_then(|()| v.cross_read(&new, &old, base + 1))
            } else {
                Ok(())
            }
        });
        v.session = None;
        line.old = judge(old_r, old_promised);
        line.new = judge(new_r, new_promised);
        line.rollback = judge(v.rollback_and_again(i), true);
        if matches!(line.rollback, Cell::Broken(_)) {
            stopped = true;
        }
        report.lines.push(line);
    }
    Ok(report)
}
