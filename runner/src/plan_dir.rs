//! A plan as `migc plan` wrote it: the manifest and its scripts, checked against the manifest's
//! SHA-256 checksums before anything runs.

use crate::{Error, Kind};
use migc_compiler::schema::Schema;
use migc_grammar::Diagnostic;
use migc_planner::manifest::{self, Manifest};
use migc_planner::{Labels, Locate};
use migc_stdlib::Dialect;
use std::collections::BTreeMap;
use std::path::Path;

/// A plan whose scripts match its manifest.
#[derive(Clone, Debug)]
pub struct PlanDir {
    pub manifest: Manifest,
    /// SHA-256 of `manifest.json`: the plan's identity in the state table.
    pub id: String,
    /// Script text by file name.
    pub scripts: BTreeMap<String, String>,
    pub dialect: Dialect,
}

impl PlanDir {
    /// Reads `DIR/manifest.json` and the scripts it names.
    pub fn read(dir: &Path) -> Result<PlanDir, Error> {
        let path = dir.join("manifest.json");
        let text = std::fs::read_to_string(&path).map_err(|e| {
            Error::new(
                Kind::Io,
                format!("cannot read `{}`: {}", path.display(), reason(&e)),
            )
        })?;
        let m = manifest::from_json(&text)
            .map_err(|e| Error::new(Kind::Io, format!("`{}`: {e}", path.display())))?;
        let mut files = BTreeMap::new();
        for phase in &m.phases {
            for name in [&phase.up, &phase.down] {
                let p = dir.join(name);
                match std::fs::read_to_string(&p) {
                    Ok(t) => {
                        files.insert(name.clone(), t);
                    }
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                    Err(e) => {
                        return Err(Error::new(
                            Kind::Io,
                            format!("cannot read `{}`: {}", p.display(), reason(&e)),
                        ))
                    }
                }
            }
        }
        PlanDir::from_files(&text, files)
    }

    /// Plans `from -> to` in memory, as `migc plan` would write it: `labels` are the sources as
    /// recorded, `locate` gives a span's `file:line:col`. The planner's findings go to
    /// `diagnostics`; `None` when it refuses the change or the dialect cannot express it.
    pub fn plan(
        from: &Schema,
        to: &Schema,
        labels: &Labels<'_>,
        dialect: Dialect,
        allow_destructive: bool,
        locate: Locate<'_>,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Option<PlanDir> {
        let options = migc_planner::Options::for_dialect(dialect, allow_destructive);
        let plan = migc_planner::plan(from, to, &options);
        diagnostics.extend(plan.diagnostics.iter().cloned());
        if plan.has_errors() {
            return None;
        }
        match migc_planner::render(&plan, from, to, dialect, labels, locate) {
            Ok(files) => {
                let mut files = files.files;
                let manifest = files.remove("manifest.json").unwrap_or_default();
                PlanDir::from_files(&manifest, files).ok()
            }
            Err(errors) => {
                diagnostics.extend(errors);
                None
            }
        }
    }

    /// A plan from the text of its manifest and its scripts (`verify` plans in memory).
    /// Refused when a script is missing or differs from the checksum the manifest holds.
    pub fn from_files(
        manifest_text: &str,
        scripts: BTreeMap<String, String>,
    ) -> Result<PlanDir, Error> {
        let manifest = manifest::from_json(manifest_text).map_err(|e| Error::new(Kind::Io, e))?;
        let dialect = Dialect::from_name(&manifest.dialect).ok_or_else(|| {
            Error::new(
                Kind::Io,
                format!(
                    "the manifest names an unknown dialect `{}`",
                    manifest.dialect
                ),
            )
        })?;
        let mut problems = Vec::new();
        for phase in &manifest.phases {
            for name in [&phase.up, &phase.down] {
                match (scripts.get(name), manifest.checksums.get(name)) {
                    (None, _) => problems.push(format!("`{name}` is missing")),
                    (Some(_), None) => {
                        problems.push(format!("`{name}` has no checksum in the manifest"))
                    }
                    (Some(text), Some(sum)) if &manifest::sha256(text) != sum => {
                        problems.push(format!("`{name}` changed since the plan was written"))
                    }
                    _ => {}
                }
            }
        }
        if !problems.is_empty() {
            return Err(Error::new(
                Kind::Refused,
                format!(
                    "the plan does not match its manifest, so nothing was run: {}\n  help: write the plan again with `migc plan`; scripts are not edited by hand",
                    problems.join("; ")
                ),
            ));
        }
        Ok(PlanDir {
            id: manifest::sha256(manifest_text),
            manifest,
            scripts,
            dialect,
        })
    }

    /// `from -> to`, as the plan was made, without the secrets of a URL (a manifest written
    /// before migc redacted its sources may hold one): what runs print and `migc_state` keeps.
    pub fn label(&self) -> String {
        format!(
            "{} -> {}",
            migc_db::redact(&self.manifest.from),
            migc_db::redact(&self.manifest.to)
        )
    }

    /// The position of a phase by name.
    pub fn phase_index(&self, name: &str) -> Option<usize> {
        self.manifest.phases.iter().position(|p| p.name == name)
    }

    pub fn phase_names(&self) -> Vec<&str> {
        self.manifest
            .phases
            .iter()
            .map(|p| p.name.as_str())
            .collect()
    }
}

fn reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}
