//! What `verify` observed: the compatibility matrix, phase by phase, and what breaks a promise.

use std::collections::BTreeMap;

/// What was observed for one application or for a rollback after one phase.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cell {
    Works,
    /// Failed where the manifest promises it works.
    Broken(String),
    /// Failed where nothing is promised.
    Fails(String),
    /// Not tried (an earlier step failed).
    NotRun,
}

impl Cell {
    fn mark(&self) -> &'static str {
        match self {
            Cell::Works => "✓",
            Cell::Broken(_) => "✗",
            Cell::Fails(_) => "–",
            Cell::NotRun => " ",
        }
    }
}

/// One phase of the matrix.
#[derive(Clone, Debug)]
pub struct Line {
    pub phase: String,
    /// Why applying the phase failed, if it did.
    pub apply: Option<String>,
    pub old: Cell,
    pub new: Cell,
    pub rollback: Cell,
    /// What the manifest says rolling back this phase cannot give back.
    pub loses: Vec<String>,
}

#[derive(Clone, Debug, Default)]
pub struct Report {
    pub lines: Vec<Line>,
    /// Rows seeded per table of the deployed shape.
    pub seeded: BTreeMap<String, u64>,
    pub notes: Vec<String>,
}

impl Report {
    pub fn violations(&self) -> Vec<String> {
        let mut out = Vec::new();
        for l in &self.lines {
            if let Some(e) = &l.apply {
                out.push(format!("{}: applying the phase failed: {e}", l.phase));
            }
            for (who, cell) in [
                ("old app", &l.old),
                ("new app", &l.new),
                ("rollback", &l.rollback),
            ] {
                if let Cell::Broken(why) = cell {
                    out.push(format!("{}: {who}: {why}", l.phase));
                }
            }
        }
        out
    }

    /// The matrix as printed, then the details.
    pub fn render(&self) -> String {
        let mut s = String::from("phase      old app  new app  rollback\n");
        for l in &self.lines {
            s.push_str(&format!(
                "{:<10} {:<8} {:<8} {}{}\n",
                l.phase,
                l.old.mark(),
                l.new.mark(),
                l.rollback.mark(),
                if l.apply.is_some() {
                    "  (phase failed)"
                } else {
                    ""
                }
            ));
        }
        s.push_str("✓ works  ✗ broken where the plan promises it works  – fails where nothing is promised\n");
        for l in &self.lines {
            if let Cell::Fails(why) = &l.old {
                s.push_str(&format!(
                    "\n{}: the old application no longer works, as the plan says: {why}\n",
                    l.phase
                ));
            }
            if !l.loses.is_empty() && l.rollback == Cell::Works {
                s.push_str(&format!(
                    "\n{}: rows survive its rollback; as the plan says, the rollback cannot restore: {}\n",
                    l.phase,
                    l.loses.join("; ")
                ));
            }
        }
        let violations = self.violations();
        if !violations.is_empty() {
            s.push_str("\nviolations:\n");
            for v in violations {
                s.push_str(&format!("  {v}\n"));
            }
        }
        for n in &self.notes {
            s.push_str(&format!("\nnote: {n}\n"));
        }
        s
    }
}
