//! `--from` / `--to` sources: `.mig` files or directories, snapshot JSON files, `empty`, `.sql`
//! DDL files in a dialect, or database URLs.

use crate::exit::Failure;
use crate::input;
use migc_compiler::schema::Schema;
use migc_db::DbUrl;
use migc_grammar::{Code, Diagnostic, FileId, Sources};
use migc_import::{Imported, Unread};
use migc_stdlib::Dialect;
use std::path::{Path, PathBuf};

/// The end of the name of the `.mig` text migc reads a `.sql` file or a database as, after the
/// source (a URL redacted).
pub const READ_AS_MIG: &str = " (read as .mig)";

/// A source as shown in messages: a URL [redacted](migc_db::redact), a path as typed.
pub fn shown(spec: &str) -> String {
    match DbUrl::parse(spec) {
        Some(url) => url.redacted(),
        None => migc_db::redact(spec),
    }
}

/// A loaded source: its schema, or the diagnostics explaining why there is none.
pub enum Loaded {
    Schema(Schema),
    Errors(Vec<Diagnostic>),
}

/// What a source read from SQL or a database holds outside the model (kept in the schema as
/// native blocks named by [`Unread::native_name`]).
pub type Foreign = Vec<Unread>;

/// Reads a `.sql` file or a database into the model; `None` when `spec` is neither. `dialect`
/// says how to read a `.sql` file; a URL names its own dialect, and a different `dialect` is a
/// usage error. The `.sql` file is added to `sources` so that diagnostics point into it.
pub fn import(
    spec: &str,
    dialect: Option<Dialect>,
    sources: &mut Sources,
) -> Result<Option<(Imported, Dialect)>, Failure> {
    if let Some(url) = DbUrl::parse(spec) {
        if let Some(d) = dialect.filter(|d| *d != url.dialect()) {
            return Err(Failure::Usage(format!(
                "`{}` is a {} database, but `--dialect {d}` was given",
                url.redacted(),
                url.dialect()
            )));
        }
        let imported = migc_import::read_database(&url).map_err(|e| {
            Failure::Usage(format!(
                "cannot read the database `{}`: {e}",
                url.redacted()
            ))
        })?;
        return Ok(Some((imported, url.dialect())));
    }
    if spec.contains("://") {
        return Err(Failure::Usage(format!(
            "`{}` is not a database URL migc reads (postgres://, mysql://, mariadb://, sqlite://)",
            shown(spec)
        )));
    }
    let path = Path::new(spec);
    if path.extension().is_none_or(|e| e != "sql") {
        return Ok(None);
    }
    let Some(dialect) = dialect else {
        return Err(Failure::Usage(format!(
            "reading `{spec}` needs `--dialect` to say which dialect its SQL is in"
        )));
    };
    let text = std::fs::read_to_string(path)
        .map_err(|e| Failure::Usage(format!("cannot read `{spec}`: {}", input::io_reason(&e))))?;
    let file = sources.add(spec.to_string(), text.clone());
    Ok(Some((migc_import::read_sql(dialect, file, &text), dialect)))
}

/// Loads a source into `sources` (so that both sides of a plan share one file table and their
/// spans never collide). Warnings are appended to `warnings`; what a database or `.sql` source
/// holds outside the model to `foreign`.
pub fn load(
    spec: &str,
    dialect: Option<Dialect>,
    sources: &mut Sources,
    warnings: &mut Vec<Diagnostic>,
    foreign: &mut Foreign,
) -> Result<Loaded, Failure> {
    if spec == "empty" {
        return Ok(Loaded::Schema(Schema::default()));
    }
    if let Some(loaded) = load_imported(spec, dialect, sources, warnings, foreign)? {
        return Ok(loaded);
    }
    let path = Path::new(spec);
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
    Ok(compile(sources, &files, warnings))
}

fn compile(sources: &mut Sources, files: &[FileId], warnings: &mut Vec<Diagnostic>) -> Loaded {
    let compiled = migc_compiler::compile(sources, files);
    let (errors, warns): (Vec<Diagnostic>, Vec<Diagnostic>) = compiled
        .diagnostics
        .into_iter()
        .partition(Diagnostic::is_error);
    warnings.extend(warns);
    match compiled.schema {
        Some(schema) if errors.is_empty() => Loaded::Schema(schema),
        _ => Loaded::Errors(errors),
    }
}

/// A `.sql` file or a database: read into the model, written as `.mig` text and compiled, so
/// that it is checked like any schema and its model is the one `migc import` writes.
fn load_imported(
    spec: &str,
    dialect: Option<Dialect>,
    sources: &mut Sources,
    warnings: &mut Vec<Diagnostic>,
    foreign: &mut Foreign,
) -> Result<Option<Loaded>, Failure> {
    let Some((imported, _)) = import(spec, dialect, sources)? else {
        return Ok(None);
    };
    let (errors, warns): (Vec<Diagnostic>, Vec<Diagnostic>) = imported
        .diagnostics
        .iter()
        .cloned()
        .partition(Diagnostic::is_error);
    warnings.extend(warns);
    if !errors.is_empty() {
        return Ok(Some(Loaded::Errors(errors)));
    }
    let text = migc_import::emit::text(&imported.schema);
    let file = sources.add(format!("{}{READ_AS_MIG}", shown(spec)), text);
    let loaded = compile(sources, &[file], warnings);
    if let Loaded::Errors(errors) = loaded {
        return Ok(Some(Loaded::Errors(
            errors
                .into_iter()
                .map(|d| {
                    d.note(format!(
                        "this is migc's reading of `{}`; please report it as a bug",
                        shown(spec)
                    ))
                })
                .collect(),
        )));
    }
    foreign.extend(imported.unread);
    Ok(Some(loaded))
}

/// The declared schema as the database of `server` stores it ([`migc_runner::stored`]), to
/// compare `database` (read from there) with; the objects in `foreign` that the declared native
/// blocks made leave it. `None`, with a note, when it cannot be built: the comparison is then
/// with the declared schema as written.
pub fn stored(
    declared: &Schema,
    server: &DbUrl,
    sources: &Sources,
    database: &Schema,
    foreign: &mut Foreign,
) -> Option<Schema> {
    let locate = crate::record::locator(&crate::record::Names::new(&[]), sources);
    match migc_runner::stored::for_comparison(declared, server, &locate, database, foreign) {
        Ok(stored) => Some(stored),
        Err(e) => {
            eprintln!(
                "note: compared with the declared schema as written, not as {} stores it: building it on a scratch database failed: {e}",
                server.dialect()
            );
            None
        }
    }
}
