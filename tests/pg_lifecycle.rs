//! The live-database proof on PostgreSQL (DESIGN.md §7): every planned change is deployed,
//! seeded and run phase by phase with the old and the new application writing after each
//! phase; it is rolled back from every phase; re-running a script changes nothing; the result
//! equals a database built directly from the target. Plus concurrent writers during every
//! phase, a backfill of a million rows under insert load, and a re-parse of every script with
//! sqlparser.
//!
//! Needs `MIGC_TEST_POSTGRES_URL` (e.g. `postgres://postgres@127.0.0.1:5432/test`); without it
//! the tests print a note and pass, except in CI (`CI=true`) where they fail. Each test makes
//! its own scratch databases and drops them. `MIGC_PG_CASES=a,b` runs only the cases whose name
//! contains one of the words; `MIGC_PG_JOBS` sets how many cases run at once (default 2).

mod pg_support;

use pg_support::lifecycle::{self, Case, Report};
use pg_support::{db, plan};

fn jobs() -> usize {
    std::env::var("MIGC_PG_JOBS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2)
}

fn selected(name: &str) -> bool {
    match std::env::var("MIGC_PG_CASES") {
        Ok(filter) if !filter.trim().is_empty() => filter.split(',').any(|w| name.contains(w.trim())),
        _ => true,
    }
}

fn cases(list: Vec<(String, std::path::PathBuf, std::path::PathBuf)>) -> Vec<Case> {
    list.into_iter()
        .filter(|(name, _, _)| selected(name))
        .map(|(name, from, to)| Case { name, from, to })
        .collect()
}

/// Prints every report and fails with all failures at once.
fn conclude(test: &str, reports: &[Report]) {
    let mut failures = Vec::new();
    for r in reports {
        if let Some(why) = &r.skipped {
            eprintln!("note: {test}: case {} not run, the planner refuses it: {why}", r.case);
        }
        for n in &r.notes {
            eprintln!("note: {test}: case {}: {n}", r.case);
        }
        failures.extend(r.failures.iter().cloned());
    }
    let ran = reports.iter().filter(|r| r.skipped.is_none()).count();
    eprintln!(
        "{test}: {ran} cases run, {} skipped, {} failures",
        reports.len() - ran,
        failures.len()
    );
    assert!(
        failures.is_empty(),
        "{test}: {} failures:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

#[test]
fn lifecycle_of_every_kind_of_change() {
    let Some(server) = db::server("lifecycle_of_every_kind_of_change") else {
        return;
    };
    let cases = cases(plan::data_cases());
    let reports = lifecycle::run_cases(&server, &cases, false, jobs());
    conclude("lifecycle_of_every_kind_of_change", &reports);
}

#[test]
fn lifecycle_of_example_chains() {
    let Some(server) = db::server("lifecycle_of_example_chains") else {
        return;
    };
    let cases = cases(plan::example_pairs());
    let reports = lifecycle::run_cases(&server, &cases, true, jobs());
    conclude("lifecycle_of_example_chains", &reports);
}
