//! Plans a schema change: diffs two [`Schema`]s into dialect-neutral steps assigned to the
//! expand, backfill, switch and contract phases, orders them by their dependencies, then lowers
//! them per dialect into up and down scripts and a rollout manifest.
//!
//! ```text
//! Schema x Schema --build--> steps + findings --order--> Plan --render(dialect)--> files
//! ```

mod build;
mod case_renames;
mod copies;
pub mod dialect;
pub mod explain;
mod expressible;
mod implied;
mod key;
pub mod manifest;
pub mod names;
mod order;
mod renames;
mod script;
pub mod sql;
pub mod state;
pub mod step;
pub mod versions;

pub use build::Options;
pub use manifest::Manifest;

use migc_compiler::schema::Schema;
use migc_grammar::{Diagnostic, Span};
use migc_stdlib::Dialect;
use std::collections::{BTreeMap, BTreeSet};
use step::Step;

/// The steps of a plan in execution order, with the findings met while planning.
#[derive(Debug)]
pub struct Plan {
    pub steps: Vec<Step>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Plan {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// Plans the change from `from` (deployed) to `to` (declared).
pub fn plan(from: &Schema, to: &Schema, options: &Options) -> Plan {
    let to = &*implied::conversions(from, to, options.dialect);
    let cased;
    let to = if options.names_ignore_case {
        cased = case_renames::implied(from, to);
        &*cased
    } else {
        to
    };
    // With renames in place, planned against the tables as they stand until contract.
    let physical;
    let (target, renames) = if options.renames_in_place {
        let (p, r) = renames::in_place(from, to, |_, _| true, false);
        physical = p;
        (&physical, r)
    } else if options.names_ignore_case {
        // A name that changes only its letter case is the same name to both versions: the
        // column is renamed in place at contract, nothing copied.
        let (p, r) = renames::in_place(from, to, |a, b| a.eq_ignore_ascii_case(b), true);
        physical = p;
        (&physical, r)
    } else {
        (to, Vec::new())
    };
    let mut builder = build::Builder::new(from, target, options);
    builder.build();
    let mut diagnostics = builder.diagnostics;
    let mut steps = builder.steps;
    let keys = builder.keys;
    let ordered = match order::order(&mut steps, &keys) {
        Ok(order) => {
            // Re-index `after` to positions in the new order.
            let mut position = vec![0; steps.len()];
            for (pos, &i) in order.iter().enumerate() {
                position[i] = pos;
            }
            let mut out: Vec<Step> = Vec::with_capacity(steps.len());
            for &i in &order {
                let mut s = steps[i].clone();
                s.after = s.after.iter().map(|&a| position[a]).collect();
                s.after.sort_unstable();
                out.push(s);
            }
            out
        }
        Err(d) => {
            diagnostics.push(d);
            steps
        }
    };
    let mut ordered = ordered;
    renames::add(&mut ordered, &renames);
    migc_grammar::sort_diagnostics(&mut diagnostics);
    Plan {
        steps: ordered,
        diagnostics,
    }
}

/// Where a span is, for the manifest: `file:line:col`.
pub type Locate<'a> = &'a dyn Fn(Span) -> Option<String>;

/// The files of a rendered plan, by name relative to the output directory.
#[derive(Debug, Default)]
pub struct Files {
    pub files: BTreeMap<String, String>,
    /// Warnings of the dialect about the plan (see [`dialect::Lowering::warnings`]).
    pub warnings: Vec<Diagnostic>,
    /// How many steps the scripts and the manifest hold (the plan's, and those the dialect
    /// needs besides, such as its table copies).
    pub steps: usize,
    /// The tables the plan builds anew and copies every row into ([`dialect::Lowered::rebuilds`]).
    pub rebuilt: BTreeSet<String>,
}

/// What the plan was made from, as written on the command line.
pub struct Labels<'a> {
    pub from: &'a str,
    pub to: &'a str,
}

/// Lowers a plan for a dialect into scripts and the manifest. Fails with findings when a step
/// cannot be expressed in the dialect.
pub fn render(
    plan: &Plan,
    from: &Schema,
    to: &Schema,
    dialect: Dialect,
    labels: &Labels<'_>,
    locate: Locate<'_>,
) -> Result<Files, Vec<Diagnostic>> {
    let Some(lowering) = dialect::for_dialect(dialect) else {
        return Err(vec![Diagnostic::error(
            migc_grammar::Code::Unsupported,
            format!("planning for {dialect} is not available yet"),
        )
        .help("plan for `--dialect postgres` or `--dialect sqlite`")]);
    };
    let to = &*implied::conversions(from, to, Some(dialect));
    let cased;
    let to = if lowering.names_ignore_case() {
        cased = case_renames::implied(from, to);
        &*cased
    } else {
        to
    };
    let unexpressible = expressible::findings(to, lowering.holds());
    if !unexpressible.is_empty() {
        return Err(unexpressible);
    }
    let access = lowering.version_access();
    let layer = (access != dialect::VersionAccess::Shared).then(|| versions::Layer::of(from, to));
    let layered;
    let plan = match &layer {
        Some(layer) => {
            layered = Plan {
                steps: match access {
                    dialect::VersionAccess::Views => versions::add(&plan.steps, from, to, layer),
                    _ => {
                        // Tables whose hidden columns the plan adds or drops.
                        let hidden: BTreeSet<&str> = plan
                            .steps
                            .iter()
                            .filter_map(|s| match &s.op {
                                step::Op::CreateIndex { table, index }
                                | step::Op::DropIndex { table, index, .. }
                                    if !lowering.hidden_columns(index).is_empty() =>
                                {
                                    Some(table.as_str())
                                }
                                _ => None,
                            })
                            .collect();
                        versions::databases(&plan.steps, from, to, layer, &hidden)
                    }
                },
                diagnostics: plan.diagnostics.clone(),
            };
            &layered
        }
        None => plan,
    };
    let ctx = dialect::Context::new(from, to);
    // What the dialect needs beyond the neutral plan, as steps of their own: its table copies.
    let placed = Plan {
        steps: copies::place(&plan.steps, lowering.as_ref(), &ctx),
        diagnostics: plan.diagnostics.clone(),
    };
    let lowered = lowering.lower_plan(&placed.steps, &ctx).map_err(|errors| {
        // Steps lowering the same declaration (a table and its index) meet the same finding.
        let mut once: Vec<Diagnostic> = Vec::with_capacity(errors.len());
        for e in errors {
            if !once.contains(&e) {
                once.push(e);
            }
        }
        once
    })?;
    let mut warnings = lowering.warnings(&placed.steps, &ctx);
    if access == dialect::VersionAccess::Shared {
        warnings.extend(versions::shared(
            &placed.steps,
            from,
            to,
            lowering.dialect().name(),
        ));
    }
    // The manifest's lint holds the dialect's findings too.
    let mut findings = placed.diagnostics.clone();
    findings.extend(warnings.iter().cloned());
    migc_grammar::sort_diagnostics(&mut findings);
    let placed = Plan {
        diagnostics: findings,
        ..placed
    };
    let scripts = script::scripts(lowering.as_ref(), &placed.steps, &lowered, locate);
    let mut manifest = manifest::build(
        lowering.as_ref(),
        &placed,
        &lowered,
        &scripts,
        labels,
        locate,
    );
    manifest.apps = layer
        .as_ref()
        .map(|layer| manifest::Apps::new(lowering.as_ref(), layer));
    let mut files = Files {
        warnings,
        steps: placed.steps.len(),
        rebuilt: lowered
            .iter()
            .flat_map(|l| l.rebuilds.iter().cloned())
            .collect(),
        ..Files::default()
    };
    for (name, text) in scripts {
        files.files.insert(name, text);
    }
    files
        .files
        .insert("manifest.json".to_string(), manifest::to_json(&manifest));
    Ok(files)
}
