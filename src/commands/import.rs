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
    // The directory is made even when there is nothing to write (an empty database): what
    // the message below says was written exists.
    crate::output::replace(out, &files, &crate::output::Owned::Import(&files))?;
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
