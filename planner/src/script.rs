//! Phase scripts: the lowered units of each phase framed by a header (tera frames the file;
//! the SQL comes from the dialect).

use crate::dialect::{Lowered, Lowering};
use crate::step::{Phase, Step};
use crate::Locate;
use serde::Serialize;
use std::collections::BTreeMap;

const TEMPLATE: &str = "\
-- migc {{ version }}: {{ phase }} phase ({{ direction }}) for {{ dialect }}
-- {{ purpose }}
-- Run as-is: {{ run }}
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
{% for line in prelude %}{{ line }}
{% endfor %}{% if steps | length == 0 %}
-- Nothing to do in this phase.
{% endif %}{% for step in steps %}
-- [{{ step.number }}] {{ step.summary }}
--     lock: {{ step.lock }}; rewrite: {{ step.rewrite }}; scan: {{ step.scan }}; {{ step.where }}
{{ step.sql }}
{% endfor %}";

#[derive(Serialize)]
struct StepView {
    number: usize,
    summary: String,
    lock: String,
    rewrite: &'static str,
    scan: &'static str,
    #[serde(rename = "where")]
    location: String,
    sql: String,
}

/// The file names of a phase's scripts.
pub fn file_names(phase: Phase) -> (String, String) {
    let n = Phase::ALL.iter().position(|p| *p == phase).unwrap_or(0) + 1;
    (
        format!("{n:02}-{}.up.sql", phase.name()),
        format!("{n:02}-{}.down.sql", phase.name()),
    )
}

fn purpose(phase: Phase, up: bool) -> &'static str {
    match (phase, up) {
        (Phase::Expand, true) => "Additive changes only: the old and the new application both keep working.",
        (Phase::Backfill, true) => "Fills the new shape for existing rows in batches; commits per batch, resumable.",
        (Phase::Switch, true) => "Tightens constraints that hold once the backfill is done; the old application still works.",
        (Phase::Contract, true) => "Removes the old shape. Run only when every instance runs the new application: the point of no return.",
        (Phase::Contract, false) => "Undoes contract as far as possible; what it cannot restore is listed per step.",
        (_, false) => "Undoes this phase; keeps every row either application wrote.",
    }
}

pub(crate) fn scripts(
    lowering: &dyn Lowering,
    steps: &[Step],
    lowered: &[Lowered],
    locate: Locate<'_>,
) -> BTreeMap<String, String> {
    let mut tera = tera::Tera::default();
    let mut files = BTreeMap::new();
    if tera.add_raw_template("script", TEMPLATE).is_err() {
        return files;
    }
    let dialect = lowering.dialect();
    let run = |file: &str| dialect.behaviour().run_command(file);
    for phase in Phase::ALL {
        let (up_name, down_name) = file_names(phase);
        let in_phase: Vec<(usize, &Step, &Lowered)> = steps
            .iter()
            .zip(lowered)
            .enumerate()
            .filter(|(_, (s, _))| s.phase == phase)
            .map(|(i, (s, l))| (i, s, l))
            .collect();
        for up in [true, false] {
            let mut views = Vec::new();
            let ordered: Vec<&(usize, &Step, &Lowered)> = if up {
                in_phase.iter().collect()
            } else {
                in_phase.iter().rev().collect()
            };
            for (i, step, l) in ordered {
                let units = if up { &l.up } else { &l.down };
                let sql: Vec<&str> = units.iter().map(|u| u.sql.as_str()).collect();
                // Names and paths come from users: each comment stays on its line.
                let one_line = |s: &str| migc_stdlib::one_line(s).into_owned();
                views.push(StepView {
                    number: i + 1,
                    summary: if up {
                        one_line(&step.summary)
                    } else {
                        one_line(&format!("undo: {}", step.summary))
                    },
                    lock: one_line(&l.lock),
                    rewrite: if l.rewrite { "yes" } else { "no" },
                    scan: if l.scan { "yes" } else { "no" },
                    location: step
                        .origin
                        .and_then(locate)
                        .map(|w| one_line(&format!("from {w}")))
                        .unwrap_or_else(|| "from the deployed schema".to_string()),
                    sql: sql.join("\n"),
                });
            }
            let name = if up { &up_name } else { &down_name };
            let mut context = tera::Context::new();
            context.insert("version", env!("CARGO_PKG_VERSION"));
            context.insert("phase", phase.name());
            context.insert("direction", if up { "up" } else { "down" });
            context.insert("dialect", dialect.name());
            context.insert("purpose", purpose(phase, up));
            context.insert("run", &run(name));
            context.insert("prelude", &lowering.script_prelude());
            context.insert("steps", &views);
            if let Ok(text) = tera.render("script", &context) {
                files.insert(name.clone(), text);
            }
        }
    }
    files
}
