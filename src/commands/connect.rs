//! `migc connect`: how a connection of one application version reaches that version's shape
//! while a plan rolls out (the manifest's `apps`).

use crate::exit::Failure;
use migc_planner::manifest::{AppAccess, Manifest};
use migc_stdlib::Dialect;
use std::path::Path;

/// Which application version connects.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum AppArg {
    Old,
    New,
}

/// How the connection settings are printed.
#[derive(clap::ValueEnum, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ConnectFormat {
    /// The statements each connection runs first, one per line.
    #[default]
    Sql,
    /// `--url` with the settings as startup options (for drivers that take them), or naming the
    /// version's database (MySQL/MariaDB).
    Url,
    /// The settings as an environment variable the dialect's client library reads.
    Env,
    /// All of the above as one JSON document (`migc-connect-1`).
    Json,
}

/// The version of the JSON document (schemas/migc-connect-1.schema.json).
const FORMAT: &str = "migc-connect-1";

#[derive(serde::Serialize)]
struct Document<'a> {
    format: &'static str,
    app: &'static str,
    dialect: &'static str,
    /// The version's namespace; `None` when the plan gives the versions no shape of their own.
    namespace: Option<&'a str>,
    /// The statements each connection runs first.
    session: &'a [String],
    /// The same as startup options, where the dialect's client libraries take them.
    startup: Option<Startup<'a>>,
    /// `--url` with the startup options, password redacted; `None` without `--url`.
    url: Option<String>,
    /// The database the version's connections select, where the version has one of its own
    /// (known with `--url`).
    #[serde(skip_serializing_if = "Option::is_none")]
    database: Option<String>,
    notes: Vec<&'static str>,
}

#[derive(serde::Serialize)]
struct Startup<'a> {
    /// The environment variable the client library reads them from.
    variable: &'a str,
    options: &'a str,
}

const NO_SHAPE: &str =
    "this plan gives the application versions no shape of their own: connections need no statement";
const POOLER: &str = "connection poolers that reject startup options (PgBouncer) need the statements of `--format sql` run on each server connection instead";
const PASSWORD: &str = "the password is not printed; put it back where the URL shows `***`";
const MARK: &str = "the URL names the version's database; each connection still runs the first statement of `--format sql` (the mark the dual-write triggers read)";

pub fn run(
    dir: &Path,
    app: AppArg,
    format: ConnectFormat,
    url: Option<&str>,
) -> Result<(), Failure> {
    let manifest = read(dir)?;
    let access: Option<&AppAccess> = manifest.apps.as_ref().map(|a| match app {
        AppArg::Old => &a.old,
        AppArg::New => &a.new,
    });
    let dialect = Dialect::from_name(&manifest.dialect).ok_or_else(|| {
        Failure::Usage(format!(
            "unknown dialect `{}` in the manifest",
            manifest.dialect
        ))
    })?;
    let lowering = migc_planner::dialect::for_dialect(dialect)
        .ok_or_else(|| Failure::Usage(format!("no lowering for {dialect}")))?;
    let startup = access.and_then(|a| lowering.app_startup_options(&a.namespace));
    // The application's database, from `--url`, and the version's own database beside it.
    let app_db = url
        .and_then(migc_db::DbUrl::parse)
        .and_then(|u| u.database());
    let database = access
        .zip(app_db.as_deref())
        .and_then(|(a, db)| lowering.app_database(db, &a.namespace));
    let session: Vec<String> = match (access, app_db.as_deref()) {
        (Some(a), Some(db)) => lowering.app_session_in(&a.namespace, db),
        (Some(a), None) => a.session.clone(),
        (None, _) => Vec::new(),
    };
    // `--url` with the startup options (or naming the version's database); whether its
    // password was taken out.
    let with_options = |url: &str| {
        let url = match &database {
            Some(db) => migc_db::with_database(url, &percent(db)),
            None => url.to_string(),
        };
        let shown = migc_db::redact(&url);
        let redacted = shown != url;
        match &startup {
            Some((_, options)) => {
                let sep = if shown.contains('?') { '&' } else { '?' };
                (
                    format!("{shown}{sep}options={}", percent(options)),
                    redacted,
                )
            }
            None => (shown, redacted),
        }
    };
    match format {
        ConnectFormat::Sql => {
            match access {
                Some(_) => {
                    for st in &session {
                        println!("{st}");
                    }
                }
                None => eprintln!(
                    "note: this {dialect} plan gives the application versions no shape of their own: connections need no statement"
                ),
            }
            Ok(())
        }
        ConnectFormat::Url => {
            let Some(url) = url else {
                return Err(Failure::Usage(
                    "`--format url` needs the application's database URL: `--url URL`".into(),
                ));
            };
            let (shown, redacted) = with_options(url);
            println!("{shown}");
            if startup.is_some() {
                pooler_note();
            }
            if database.is_some() {
                eprintln!("note: {MARK}");
            }
            if redacted {
                eprintln!("note: {PASSWORD}");
            }
            Ok(())
        }
        ConnectFormat::Env => {
            if let Some((var, options)) = &startup {
                println!("{var}={}", shell_quoted(options));
                pooler_note();
            }
            Ok(())
        }
        ConnectFormat::Json => {
            let url = url.map(with_options);
            let mut notes = Vec::new();
            if access.is_none() {
                notes.push(NO_SHAPE);
            }
            if startup.is_some() {
                notes.push(POOLER);
            }
            if database.is_some() {
                notes.push(MARK);
            }
            if url.as_ref().is_some_and(|(_, redacted)| *redacted) {
                notes.push(PASSWORD);
            }
            let doc = Document {
                format: FORMAT,
                app: match app {
                    AppArg::Old => "old",
                    AppArg::New => "new",
                },
                dialect: dialect.name(),
                namespace: access.map(|a| a.namespace.as_str()),
                session: &session,
                startup: startup
                    .as_ref()
                    .map(|(variable, options)| Startup { variable, options }),
                url: url.map(|(u, _)| u),
                database,
                notes,
            };
            let text =
                serde_json::to_string_pretty(&doc).map_err(|e| Failure::Usage(e.to_string()))?;
            println!("{text}");
            Ok(())
        }
    }
}

fn pooler_note() {
    eprintln!("note: {POOLER}");
}

fn read(dir: &Path) -> Result<Manifest, Failure> {
    let path = dir.join("manifest.json");
    let text = std::fs::read_to_string(&path).map_err(|e| {
        Failure::Usage(format!(
            "cannot read `{}`: {}",
            path.display(),
            crate::input::io_reason(&e)
        ))
    })?;
    migc_planner::manifest::from_json(&text)
        .map_err(|e| Failure::Usage(format!("`{}`: {e}", path.display())))
}

/// `text` as a URL query value: everything but unreserved characters percent-encoded.
fn percent(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// `text` as one POSIX shell word.
fn shell_quoted(text: &str) -> String {
    format!("'{}'", text.replace('\'', "'\\''"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_values_and_shell_words_hold_anything() {
        assert_eq!(
            percent("-c search_path=a,\"$user\""),
            "-c%20search_path%3Da%2C%22%24user%22"
        );
        assert_eq!(shell_quoted("it's"), "'it'\\''s'");
    }
}
