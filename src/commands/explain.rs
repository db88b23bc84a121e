//! `migc explain`: the Markdown review report of a written plan.

use crate::exit::Failure;
use crate::render::Format;
use std::path::Path;

pub fn run(dir: &Path, format: Format) -> Result<(), Failure> {
    let path = dir.join("manifest.json");
    let text = std::fs::read_to_string(&path).map_err(|e| {
        Failure::Usage(format!(
            "cannot read `{}`: {}",
            path.display(),
            crate::input::io_reason(&e)
        ))
    })?;
    let mut manifest = migc_planner::manifest::from_json(&text)
        .map_err(|e| Failure::Usage(format!("`{}`: {e}", path.display())))?;
    redact(&mut manifest);
    let mut changed = Vec::new();
    for (file, sum) in &manifest.checksums {
        match std::fs::read_to_string(dir.join(file)) {
            Ok(t) if &migc_planner::manifest::sha256(&t) == sum => {}
            _ => changed.push(file.clone()),
        }
    }
    match format {
        Format::Json => {
            let doc = migc_planner::explain::json(&manifest, &changed);
            println!("{doc:#}");
        }
        Format::Human => {
            let mut report = migc_planner::explain::markdown(&manifest);
            if !changed.is_empty() {
                report.push_str(&format!(
                    "\n> **Warning:** these scripts no longer match the manifest's checksums: {}\n",
                    changed.join(", ")
                ));
            }
            print!("{report}");
        }
    }
    if changed.is_empty() {
        Ok(())
    } else {
        Err(Failure::Input)
    }
}

/// A manifest written before migc redacted its sources may name a database URL with its
/// password: the report shows none.
fn redact(m: &mut migc_planner::manifest::Manifest) {
    m.from = migc_db::redact(&m.from);
    m.to = migc_db::redact(&m.to);
    let sources = m
        .phases
        .iter_mut()
        .flat_map(|p| p.steps.iter_mut().map(|s| &mut s.source))
        .chain(m.lint.iter_mut().map(|f| &mut f.source));
    for source in sources.flatten() {
        *source = migc_db::redact_text(source);
    }
}
