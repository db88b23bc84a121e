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
    /// `--url` with the settings as startup options (for drivers that take them).
    Url,
    /// The settings as an environment variable the dialect's client library reads.
    Env,
}

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
    match format {
        ConnectFormat::Sql => {
            match access {
                Some(a) => {
                    for st in &a.session {
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
            let shown = migc_db::redact(url);
            match startup {
                Some((_, options)) => {
                    let sep = if shown.contains('?') { '&' } else { '?' };
                    println!("{shown}{sep}options={}", percent(&options));
                    pooler_note();
                }
                None => println!("{shown}"),
            }
            if shown != url {
                eprintln!(
                    "note: the password is not printed; put it back where the URL shows `***`"
                );
            }
            Ok(())
        }
        ConnectFormat::Env => {
            if let Some((var, options)) = startup {
                println!("{var}={}", shell_quoted(&options));
                pooler_note();
            }
            Ok(())
        }
    }
}

fn pooler_note() {
    eprintln!(
        "note: connection poolers that reject startup options (PgBouncer) need the statements of `--format sql` run on each server connection instead"
    );
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
