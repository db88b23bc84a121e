//! What the runs of a change found, and running many changes: a report per change, on a few
//! threads, concluded with every failure at once.

use super::plan::Change;
use super::run::{Hooks, Outcome, Prepared};
use super::server::Server;
use std::collections::BTreeSet;

pub(super) fn panic_text(p: &Box<dyn std::any::Any + Send>) -> String {
    let text = p
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_default();
    format!("panicked: {text}")
}

/// The result of one change: its problems (each naming the run, phase and step) and notes.
#[derive(Debug, Default)]
pub struct Report {
    pub case: String,
    pub notes: Vec<String>,
    /// Why the change did not plan.
    pub skipped: Option<String>,
    /// The batches the batched backfill ran, when the plan has a backfill.
    pub batches: Option<usize>,
    /// (run, problem), in the order met.
    problems: Vec<(String, String)>,
}

impl Report {
    pub(super) fn new(case: &str) -> Report {
        Report {
            case: case.to_string(),
            ..Report::default()
        }
    }

    /// The problems of one run (several separated by blank lines).
    pub(super) fn fail(&mut self, run: &str, errors: String) {
        for e in errors.split("\n\n").filter(|e| !e.trim().is_empty()) {
            self.problems.push((run.to_string(), e.to_string()));
        }
    }

    /// Whether a problem holds `needle`.
    pub fn has(&self, needle: &str) -> bool {
        self.problems.iter().any(|(_, p)| p.contains(needle))
    }

    /// The failures, one per run; a problem met again in a later run is named once, and
    /// problems holding one of `known` are left out.
    pub fn failures(&self, known: &[&str]) -> Vec<String> {
        let mut runs: Vec<(&str, Vec<&str>)> = Vec::new();
        for (run, p) in &self.problems {
            if known.iter().any(|k| p.contains(k)) {
                continue;
            }
            match runs.last_mut() {
                Some((r, ps)) if r == run => ps.push(p),
                _ => runs.push((run, vec![p])),
            }
        }
        let mut seen = BTreeSet::new();
        runs.into_iter()
            .map(|(run, ps)| {
                let fresh: Vec<&str> = ps
                    .into_iter()
                    .filter(|p| seen.insert(normalize(p)))
                    .collect();
                if fresh.is_empty() {
                    format!("[{}] {run}: fails as above", self.case)
                } else {
                    format!("[{}] {run}: {}", self.case, fresh.join("\n\n"))
                }
            })
            .collect()
    }
}

/// A failure text with numbers and temporary paths blanked, to recognise repeats.
fn normalize(text: &str) -> String {
    let mut out = String::new();
    let mut last_digit = false;
    for word in text.split_whitespace() {
        let word = if word.contains("/tmp/") {
            "<path>"
        } else {
            word
        };
        for c in word.chars() {
            if c.is_ascii_digit() {
                if !last_digit {
                    out.push('#');
                }
                last_digit = true;
            } else {
                out.push(c);
                last_digit = false;
            }
        }
        out.push(' ');
    }
    out
}

/// Runs one change with the hooks `make` gives for it.
pub fn run_case<H: Hooks>(
    server: &Server,
    change: &Change,
    make: &(dyn Fn(&Prepared<'_>) -> Result<H, String> + Sync),
) -> Report {
    let mut report = Report::new(&change.name);
    let prep = match Prepared::new(server, change) {
        Ok(p) => p,
        Err(Outcome::NotPlanned(e)) => {
            report.skipped = Some(e);
            return report;
        }
        Err(Outcome::Setup(e)) => {
            report.fail("setup", e);
            return report;
        }
    };
    match make(&prep) {
        Ok(hooks) => prep.run(&hooks),
        Err(e) => {
            report.fail("setup", e);
            report
        }
    }
}

/// Runs changes on `MIGC_<WORD>_JOBS` threads (default 2); the reports in the changes' order.
pub fn run_cases<H: Hooks>(
    server: &Server,
    changes: &[Change],
    make: &(dyn Fn(&Prepared<'_>) -> Result<H, String> + Sync),
) -> Vec<Report> {
    let jobs: usize = std::env::var(format!("MIGC_{}_JOBS", server.engine.word()))
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2);
    let next = std::sync::atomic::AtomicUsize::new(0);
    let results = std::sync::Mutex::new(Vec::new());
    std::thread::scope(|s| {
        for _ in 0..jobs.max(1) {
            s.spawn(|| loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                let Some(change) = changes.get(i) else { break };
                let started = std::time::Instant::now();
                let report = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    run_case(server, change, make)
                }))
                .unwrap_or_else(|p| {
                    let mut r = Report::new(&change.name);
                    r.fail("the harness", panic_text(&p));
                    r
                });
                eprintln!(
                    "case {}: {} ({:.1}s)",
                    change.name,
                    if report.skipped.is_some() {
                        "not planned"
                    } else if report.problems.is_empty() {
                        "ok"
                    } else {
                        "FAILED"
                    },
                    started.elapsed().as_secs_f64()
                );
                results
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .push((i, report));
            });
        }
    });
    let mut results = results.into_inner().unwrap_or_else(|e| e.into_inner());
    results.sort_by_key(|(i, _)| *i);
    results.into_iter().map(|(_, r)| r).collect()
}

/// Prints every report and fails with all failures at once. A change in `refused` must not
/// plan (the dialect refuses it, for the reason given); every other one must. A problem of a
/// change listed in `known` (change, a text the problem holds, why) is a known gap: printed as
/// a note, and a gap no longer met fails the test, so that the list stays true.
pub fn conclude(
    test: &str,
    reports: &[Report],
    refused: &[(&str, &str)],
    known: &[(&str, &str, &str)],
) {
    let mut failures = Vec::new();
    for r in reports {
        match (&r.skipped, refused.iter().find(|(c, _)| *c == r.case)) {
            (Some(why), Some((_, expected))) => eprintln!(
                "note: {test}: case {} not run, it does not plan ({expected}): {why}",
                r.case
            ),
            (Some(why), None) => failures.push(format!("[{}] does not plan: {why}", r.case)),
            (None, Some(_)) => failures.push(format!(
                "[{}] listed as refused but plans; remove it",
                r.case
            )),
            (None, None) => {}
        }
        for n in &r.notes {
            eprintln!("note: {test}: case {}: {n}", r.case);
        }
        let gaps: Vec<&(&str, &str, &str)> =
            known.iter().filter(|(c, _, _)| *c == r.case).collect();
        for (_, needle, why) in &gaps {
            if r.has(needle) {
                eprintln!(
                    "note: {test}: case {} has a known gap ({why}): {needle}",
                    r.case
                );
            } else if r.skipped.is_none() {
                failures.push(format!(
                    "[{}] listed with the known gap `{needle}` but does not fail so; remove it",
                    r.case
                ));
            }
        }
        let needles: Vec<&str> = gaps.iter().map(|(_, n, _)| *n).collect();
        failures.extend(r.failures(&needles));
    }
    let ran = reports.iter().filter(|r| r.skipped.is_none()).count();
    let batched: Vec<String> = reports
        .iter()
        .filter_map(|r| r.batches.map(|n| format!("{} ({n})", r.case)))
        .collect();
    eprintln!(
        "{test}: {ran} cases run, {} not planned, {} failures; backfills run batch by batch: {}",
        reports.len() - ran,
        failures.len(),
        batched.join(", ")
    );
    assert!(
        failures.is_empty(),
        "{test}: {} failures:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}
