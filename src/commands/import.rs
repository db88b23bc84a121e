//! `migc import`: a `.sql` file or a database written as formatted `.mig` files.

use crate::exit::Failure;
use crate::render::{self, Format};
use crate::source;
use migc_grammar::{Diagnostic, Sources};
use migc_stdlib::Dialect;
use std::path::Path;

pub fn run(
    spec: &str,
    dialect: Option<Dialect>,
    out: &Path,
    format: Format,
) -> Result<(), Failure> {
    let mut sources = Sources::new();
    let Some((imported, dialect)) = source::import(spec, dialect, &mut sources)? else {
        return Err(Failure::Usage(format!(
            "`{}` is neither a `.sql` file nor a database URL (postgres://, mysql://, sqlite://)",
            source::shown(spec)
        )));
    };
    let mut diagnostics: Vec<Diagnostic> = imported.diagnostics.clone();
    migc_grammar::sort_diagnostics(&mut diagnostics);
    if imported.has_errors() {
        render::emit(format, &sources, &diagnostics);
        return Err(Failure::Input);
    }
    let files = migc_import::emit::files(&imported.schema);
    // What is written must compile: a failure is a bug of the reader, and nothing is written.
    let mut check = Sources::new();
    let ids: Vec<_> = files
        .iter()
        .map(|(name, text)| check.add(name.clone(), text.clone()))
        .collect();
    let compiled = migc_compiler::compile(&mut check, &ids);
    if compiled.diagnostics.iter().any(Diagnostic::is_error) {
        render::emit(format, &check, &compiled.diagnostics);
        return Err(Failure::Usage(format!(
            "internal error: the .mig text read from `{}` does not compile; nothing was written",
            source::shown(spec)
        )));
    }
    stale(out, &files)?;
    for (name, text) in &files {
        let path = out.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| io(parent, e))?;
        }
        crate::cli::write_atomically(&path, text.as_bytes())?;
    }
    if !diagnostics.is_empty() || format == Format::Json {
        render::emit(format, &sources, &diagnostics);
    }
    if format == Format::Human {
        let s = &imported.schema;
        println!(
            "wrote {} ({dialect}: {} tables, {} enums, {} views, {} native blocks; {} objects outside the model)",
            crate::input::display(out),
            s.tables.len(),
            s.enums.len(),
            s.views.len(),
            s.natives.len(),
            imported.unread.len()
        );
    }
    Ok(())
}

fn io(path: &Path, e: std::io::Error) -> Failure {
    Failure::Usage(format!(
        "cannot write `{}`: {}",
        path.display(),
        crate::input::io_reason(&e)
    ))
}

/// `.mig` files already in `out` that the import would not write would mix with it: refused.
fn stale(out: &Path, files: &std::collections::BTreeMap<String, String>) -> Result<(), Failure> {
    let mut found = Vec::new();
    let mut dirs = vec![out.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in entries.filter_map(Result::ok) {
            let path = e.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|x| x == "mig") {
                let rel = path
                    .strip_prefix(out)
                    .map(|p| p.to_string_lossy().replace('\\', "/"))
                    .unwrap_or_default();
                if !files.contains_key(&rel) {
                    found.push(rel);
                }
            }
        }
    }
    found.sort();
    match found.first() {
        None => Ok(()),
        Some(first) => Err(Failure::Usage(format!(
            "`{}` already holds .mig files the import would not write (`{first}`{}); import into an empty directory",
            crate::input::display(out),
            if found.len() > 1 { format!(" and {} more", found.len() - 1) } else { String::new() }
        ))),
    }
}
