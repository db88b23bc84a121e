//! `migc drift`: how a live database differs from the declared schema.

use crate::exit::Failure;
use crate::render::{self, Format};
use crate::source::{self, Loaded};
use migc_db::DbUrl;
use migc_grammar::{Diagnostic, Sources};
use serde::Serialize;

/// The version of the JSON document (schemas/migc-drift-1.schema.json).
const FORMAT: &str = "migc-drift-1";

#[derive(Serialize)]
struct Report<'a> {
    format: &'static str,
    database: String,
    declared: Vec<String>,
    differences: &'a [migc_import::drift::Difference],
    /// Objects of the database outside migc's model, left alone.
    unmanaged: Vec<String>,
}

pub fn run(url: &str, to: &[String], format: Format) -> Result<(), Failure> {
    let Some(db) = DbUrl::parse(url) else {
        return Err(Failure::Usage(format!(
            "`{}` is not a database URL (postgres://, mysql://, mariadb://, sqlite://PATH)",
            migc_db::redact(url)
        )));
    };
    let mut sources = Sources::new();
    let mut warnings = Vec::new();
    let mut foreign = Vec::new();
    let database = source::load(url, None, &mut sources, &mut warnings, &mut foreign)?;
    let mut ignored = Vec::new();
    let declared = match to {
        [one] => source::load(
            one,
            Some(db.dialect()),
            &mut sources,
            &mut warnings,
            &mut ignored,
        )?,
        many => {
            let paths: Vec<std::path::PathBuf> = many.iter().map(Into::into).collect();
            let loaded = crate::input::load(&paths)?;
            let mut files = Vec::new();
            for &f in &loaded.files {
                let file = loaded.sources.get(f);
                files.push(sources.add(file.name.clone(), file.text.clone()));
            }
            let compiled = migc_compiler::compile(&mut sources, &files);
            let (errors, warns): (Vec<Diagnostic>, Vec<Diagnostic>) = compiled
                .diagnostics
                .into_iter()
                .partition(Diagnostic::is_error);
            warnings.extend(warns);
            match compiled.schema {
                Some(s) if errors.is_empty() => Loaded::Schema(s),
                _ => Loaded::Errors(errors),
            }
        }
    };
    let (database, declared) = match (database, declared) {
        (Loaded::Schema(a), Loaded::Schema(b)) => (a, b),
        (a, b) => {
            let mut all = warnings;
            for side in [a, b] {
                if let Loaded::Errors(e) = side {
                    all.extend(e);
                }
            }
            migc_grammar::sort_diagnostics(&mut all);
            render::emit(format, &sources, &all);
            return Err(Failure::Input);
        }
    };
    let names: Vec<String> = foreign
        .iter()
        .map(migc_import::Unread::native_name)
        .collect();
    // Compared with the declared schema as the database stores it, so that the catalog's own
    // spelling is not reported.
    let differences = match source::stored(&declared, &db, &sources, &database, &mut foreign) {
        Some(stored) => migc_runner::stored::drift(&database, &declared, &stored, &names),
        None => migc_import::drift::compare(&database, &declared, &names),
    };
    let unmanaged: Vec<String> = foreign
        .iter()
        .map(|u| format!("{} {}", u.kind, u.name))
        .collect();
    match format {
        Format::Json => {
            let report = Report {
                format: FORMAT,
                database: db.redacted(),
                declared: to.iter().map(|s| source::shown(s)).collect(),
                differences: &differences,
                unmanaged,
            };
            let mut text = serde_json::to_string_pretty(&report).unwrap_or_default();
            text.push('\n');
            print!("{text}");
        }
        Format::Human => {
            if !warnings.is_empty() {
                migc_grammar::sort_diagnostics(&mut warnings);
                render::emit(format, &sources, &warnings);
            }
            if differences.is_empty() {
                println!("{} matches the declared schema", db.redacted());
            } else {
                println!(
                    "{} differs from the declared schema in {} place{}:",
                    db.redacted(),
                    differences.len(),
                    if differences.len() == 1 { "" } else { "s" }
                );
                for d in &differences {
                    println!();
                    println!("  {}: {}", d.object, d.what);
                    if let Some(v) = &d.database {
                        println!("    database: {v}");
                    }
                    if let Some(v) = &d.declared {
                        println!("    declared: {v}");
                    }
                    println!("    fix: {}", d.fix);
                }
            }
            if !unmanaged.is_empty() {
                println!();
                println!("not managed by migc (left alone): {}", unmanaged.join(", "));
            }
        }
    }
    if differences.is_empty() {
        Ok(())
    } else {
        Err(Failure::Input)
    }
}
