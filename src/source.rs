//! `--from` / `--to` sources: `.mig` files or directories, snapshot JSON files, or `empty`.

use crate::exit::Failure;
use crate::input;
use migc_compiler::schema::Schema;
use migc_grammar::{Code, Diagnostic, FileId, Sources};
use std::path::{Path, PathBuf};

/// A loaded source: its schema, or the diagnostics explaining why there is none.
pub enum Loaded {
    Schema(Schema),
    Errors(Vec<Diagnostic>),
}

/// Loads a source into `sources` (so that both sides of a plan share one file table and their
/// spans never collide). Compiler warnings are appended to `warnings`.
pub fn load(
    spec: &str,
    sources: &mut Sources,
    warnings: &mut Vec<Diagnostic>,
) -> Result<Loaded, Failure> {
    if spec == "empty" {
        return Ok(Loaded::Schema(Schema::default()));
    }
    if spec.contains("://") {
        return Err(Failure::Usage(format!(
            "reading a database URL (`{spec}`) is not supported yet; write a snapshot with `migc snapshot` instead"
        )));
    }
    let path = Path::new(spec);
    if path.extension().is_some_and(|e| e == "sql") {
        return Err(Failure::Usage(format!(
            "reading SQL DDL (`{spec}`) is not supported yet; give `.mig` files, a snapshot or `empty`"
        )));
    }
    if path.is_file() && path.extension().is_some_and(|e| e == "json") {
        let text = std::fs::read_to_string(path).map_err(|e| {
            Failure::Usage(format!("cannot read `{spec}`: {}", input::io_reason(&e)))
        })?;
        return Ok(match migc_compiler::snapshot::from_json(&text) {
            Ok(schema) => Loaded::Schema(schema),
            Err(e) => Loaded::Errors(vec![Diagnostic::error(
                Code::BadSource,
                format!("`{spec}`: {e}"),
            )
            .help("write snapshots with `migc snapshot -o FILE`")]),
        });
    }
    let loaded = input::load(&[PathBuf::from(spec)])?;
    let mut files: Vec<FileId> = Vec::new();
    for &f in &loaded.files {
        let file = loaded.sources.get(f);
        files.push(sources.add(file.name.clone(), file.text.clone()));
    }
    let compiled = migc_compiler::compile(sources, &files);
    let (errors, warns): (Vec<Diagnostic>, Vec<Diagnostic>) = compiled
        .diagnostics
        .into_iter()
        .partition(Diagnostic::is_error);
    warnings.extend(warns);
    match compiled.schema {
        Some(schema) if errors.is_empty() => Ok(Loaded::Schema(schema)),
        _ => Ok(Loaded::Errors(errors)),
    }
}
