//! Argument parsing and dispatch.

use crate::exit::{Failure, OK};
use crate::render::{Format, Report};
use clap::{Parser, Subcommand};
use migc_stdlib::Dialect;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// migc compiles declarative `.mig` schemas into zero-downtime migrations:
/// expand, backfill, switch and contract phases with their rollback scripts.
#[derive(Parser, Debug)]
#[command(name = "migc", version, about, max_term_width = 100)]
pub struct Cli {
    /// When to colour diagnostics printed for people.
    #[arg(long, global = true, value_enum, value_name = "WHEN", default_value_t)]
    pub color: crate::render::ColorChoice,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Check `.mig` files and report every problem.
    ///
    /// Exits 0 when there is no error (warnings are allowed), 1 when there are errors, 2 on
    /// usage or I/O errors.
    Check {
        /// Files or directories (searched recursively for `.mig` files).
        #[arg(default_value = ".")]
        paths: Vec<PathBuf>,
        /// How to print diagnostics: `sarif` is a SARIF 2.1.0 log for code scanning, `github`
        /// one GitHub Actions annotation per diagnostic.
        #[arg(long, value_enum, default_value_t)]
        format: Report,
        /// Print the long description of a diagnostic code instead (as `migc explain-code`).
        #[arg(long, value_name = "CODE", conflicts_with = "paths")]
        explain: Option<String>,
    },
    /// Rewrite `.mig` files in the canonical layout (comments are kept).
    Fmt {
        /// Files or directories (searched recursively for `.mig` files).
        #[arg(default_value = ".")]
        paths: Vec<PathBuf>,
        /// Change nothing; list the files that are not formatted and exit 1 if there are any.
        #[arg(long)]
        check: bool,
        /// How to print diagnostics.
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Print the resolved schema as versioned JSON, usable as `plan --from`.
    Snapshot {
        /// Files or directories (searched recursively for `.mig` files).
        #[arg(default_value = ".")]
        paths: Vec<PathBuf>,
        /// Write the snapshot to this file instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// How to print diagnostics.
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Plan the change from a deployed schema to a declared one: phase scripts with their
    /// rollbacks and a rollout manifest.
    ///
    /// A SOURCE is a `.mig` file or directory, a snapshot written by `migc snapshot`, `empty`,
    /// a `.sql` file of DDL in the `--dialect` (what pg_dump, mysqldump or sqlite3 .schema
    /// write), or a database URL (`postgres://…`, `mysql://…`, `sqlite://PATH`). From a
    /// database (or a SQLite dump) to `.mig` files, the declared schema is first built on a
    /// scratch database of the same kind and read back, so that objects the database holds as
    /// declared plan no step however its catalog spells them.
    Plan {
        /// The deployed schema.
        #[arg(long, value_name = "SOURCE")]
        from: String,
        /// The declared (target) schema.
        #[arg(long, value_name = "SOURCE")]
        to: String,
        /// The database dialect to write SQL for.
        #[arg(long, value_enum)]
        dialect: Dialect,
        /// The directory to write the plan to: a new or empty one, or a plan migc wrote there
        /// before (replaced as a whole). Anything else there is refused and left alone.
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// Write nothing; exit 1 if DIR differs from what would be written.
        #[arg(long)]
        check: bool,
        /// Drop tables, columns and enum values even without `drop` acknowledgements.
        #[arg(long)]
        allow_destructive: bool,
        /// `--deny warnings` treats every warning as an error.
        #[arg(long, value_enum)]
        deny: Option<Deny>,
        /// How to print diagnostics (safety lint findings included): `json` adds a summary of
        /// the plan, `sarif` is a SARIF 2.1.0 log for code scanning, `github` one GitHub
        /// Actions annotation per diagnostic.
        #[arg(long, value_enum, default_value_t)]
        format: Report,
    },
    /// Write a `.sql` file of DDL or a live database as formatted `.mig` files.
    ///
    /// Objects outside migc's model are reported by name and kept as `native` blocks where
    /// there is SQL to replay them.
    Import {
        /// A `.sql` file (read in `--dialect`) or a database URL.
        #[arg(value_name = "SOURCE")]
        source: String,
        /// The dialect of a `.sql` file (a URL names its own).
        #[arg(long, value_enum)]
        dialect: Option<Dialect>,
        /// The directory to write the `.mig` files to: a new or empty one, or one holding only
        /// `.mig` files this import writes (replaced as a whole). Anything else is refused.
        #[arg(short, long, value_name = "DIR")]
        output: PathBuf,
        /// How to print diagnostics.
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Compare a live database with the declared schema, object by object.
    ///
    /// The declared schema is first built on a scratch database beside the one named (a
    /// temporary file for SQLite) and read back, so that what the database spells its own way
    /// (rewritten view queries and checks, enums as text) is not reported; without the right
    /// to create a database it is compared as written, with a note.
    ///
    /// Exits 0 when they match, 1 when they differ, 2 when the database cannot be read.
    Drift {
        /// The database.
        #[arg(long, value_name = "URL")]
        url: String,
        /// The declared schema: `.mig` files or directories (or one snapshot or `.sql` file).
        #[arg(long, value_name = "PATHS", num_args = 1.., required = true)]
        to: Vec<String>,
        /// Human text, or one JSON document for machines.
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Print how a connection of one application version reaches that version's shape while
    /// a plan rolls out: the statements it runs first (the manifest's `apps`: a `search_path`
    /// on PostgreSQL; on MySQL/MariaDB the version's mark `@migc_app` and a `USE` of the
    /// version's database, plain with `--url`; none on SQLite), or the same as startup options
    /// in a URL or an environment variable (PostgreSQL), or a URL naming the version's database
    /// (MySQL/MariaDB).
    Connect {
        /// The plan directory written by `migc plan`.
        dir: PathBuf,
        /// The application version that connects.
        #[arg(long, value_enum)]
        app: crate::commands::connect::AppArg,
        /// What to print.
        #[arg(long, value_enum, default_value_t)]
        format: crate::commands::connect::ConnectFormat,
        /// The application's database URL: for `--format url`, and on MySQL/MariaDB to name
        /// the version's database (which is named after the application's).
        #[arg(long, value_name = "URL")]
        url: Option<String>,
    },
    /// Write a plan as the migrations of another migration runner: one per phase (one per
    /// step for PostgreSQL where the runner sends a file as one query), with their down files,
    /// named and versioned as that runner orders them.
    ///
    /// Exits 1 when the plan holds something the runner cannot run (nothing is written), 2
    /// when DIR is not a plan or OUT cannot be written.
    Export {
        /// The plan directory written by `migc plan`.
        dir: PathBuf,
        /// The migration runner.
        #[arg(long = "to", value_enum, value_name = "RUNNER")]
        runner: crate::export::Runner,
        /// The directory to write the migrations to: a new or empty one, or one holding only
        /// the files this export writes (replaced as a whole). Anything else is refused.
        #[arg(long, value_name = "OUT")]
        out: PathBuf,
        /// The first migration's version; the next ones count up from it. Give one above the
        /// versions the runner's folder already holds.
        #[arg(long, value_name = "N", default_value_t = 1)]
        version_base: u64,
        /// `json`: a summary of the migrations and files written.
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Print the long description of a diagnostic code (`E1004`, `W3001`): what it means, an
    /// example that triggers it and how to fix it.
    ExplainCode {
        /// The code, as diagnostics print it.
        code: String,
        /// `json`: `{"code": …, "description": …}` with the one-line summary and level.
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Print a Markdown review report of a plan written by `migc plan`.
    Explain {
        /// The plan directory.
        dir: PathBuf,
        /// `json`: the report as one document (phases with what each application can do after
        /// them, steps with their locks, rewrites, scans and rollback losses, gates, findings).
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Run a plan's phases against a database, step by step, recording each step in the
    /// database's `migc_state` table so that a re-run resumes where the last one stopped.
    ///
    /// Without `--phase` or `--through`, runs every phase up to switch: contract waits for its
    /// gate (every application instance runs the new version). Exits 0 when done, 1 when the
    /// plan is refused (scripts changed since it was written, a gate not met) or a step failed
    /// (a re-run resumes), 2 on usage or connection errors or when another run holds the lock.
    Apply {
        /// The plan directory written by `migc plan`.
        dir: PathBuf,
        #[command(flatten)]
        run: RunArgs,
        /// Run only this phase (the earlier ones must be applied).
        #[arg(long, value_name = "NAME", conflicts_with = "through")]
        phase: Option<String>,
        /// Run every phase up to and including this one.
        #[arg(long, value_name = "NAME")]
        through: Option<String>,
        /// Rows per backfill batch, and per batch of a MySQL online table copy (each batch is one
        /// transaction with its checkpoint). Without it, each batch is sized to take about
        /// 100 ms, from the time the last ones took (100 to 50,000 rows).
        #[arg(long, value_name = "ROWS")]
        batch_size: Option<u64>,
        /// Pause after each backfill or copy batch, in milliseconds. Without it, the walk pauses only
        /// when the server pushes back: after a batch that waited for a lock or took far longer
        /// than planned.
        #[arg(long, value_name = "MS")]
        pause_ms: Option<u64>,
    },
    /// Roll back the applied phases of a plan, last first.
    Rollback {
        /// The plan directory written by `migc plan`.
        dir: PathBuf,
        #[command(flatten)]
        run: RunArgs,
        /// The phase to return to (it stays applied); without it every phase is rolled back.
        #[arg(long, value_name = "PHASE")]
        to: Option<String>,
    },
    /// Show which plans ran on a database, which phases are applied and how far backfills are.
    Status {
        /// The database (`postgres://…`, `mysql://…`, `sqlite://PATH` of an existing file).
        #[arg(long)]
        url: String,
        /// `json`: one document on standard output (plans, phases, failed steps, backfills).
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Prove a plan on a scratch database: build it from the deployed schema, fill it with
    /// generated rows, run every phase with the old and the new application's reads and writes
    /// after each, roll every phase back and forward again, and print the compatibility matrix
    /// observed. Exits 1 on any violation.
    ///
    /// The scratch database is embedded SQLite unless `--url` names a server, where a scratch
    /// database is created beside the one named and dropped at the end.
    Verify {
        /// The deployed schema.
        #[arg(long, value_name = "SOURCE")]
        from: String,
        /// The declared (target) schema.
        #[arg(long, value_name = "SOURCE")]
        to: String,
        /// The dialect to verify on (embedded SQLite by default; others need `--url`).
        #[arg(long, value_enum, conflicts_with = "url")]
        dialect: Option<Dialect>,
        /// A server to create the scratch database on (`postgres://…`).
        #[arg(long)]
        url: Option<String>,
        /// Rows generated per table.
        #[arg(long, value_name = "N", default_value_t = 20)]
        rows: u64,
        /// Drop tables, columns and enum values even without `drop` acknowledgements.
        #[arg(long)]
        allow_destructive: bool,
        /// How to print diagnostics.
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
}

/// What `apply` and `rollback` share.
#[derive(clap::Args, Debug)]
pub struct RunArgs {
    /// The database (`postgres://…`, `mysql://…`, `sqlite://PATH`; `apply` creates the SQLite
    /// file when it is not there, `rollback` needs it).
    #[arg(long)]
    pub url: String,
    /// Print what would run, change nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// How long one attempt waits for a lock (`500ms`, `2s`); default: the scripts' own.
    #[arg(long, value_name = "TIME", value_parser = parse_duration)]
    pub lock_timeout: Option<std::time::Duration>,
    /// Attempts after the first when a lock is not available (with exponential backoff).
    #[arg(long, value_name = "N", default_value_t = 5)]
    pub retries: u32,
    /// `json`: what the run does as JSON lines on standard output, one event a line
    /// (`migc-progress-1`: phases and steps started and finished, backfill batches, lock
    /// waits, failures), instead of lines for people.
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

/// `250ms`, `2s` or a number of milliseconds.
fn parse_duration(text: &str) -> Result<std::time::Duration, String> {
    let t = text.trim();
    let (number, scale) = if let Some(n) = t.strip_suffix("ms") {
        (n, 1)
    } else if let Some(n) = t.strip_suffix('s') {
        (n, 1000)
    } else {
        (t, 1)
    };
    number
        .trim()
        .parse::<u64>()
        .map(|n| std::time::Duration::from_millis(n * scale))
        .map_err(|_| format!("`{text}` is not a duration (write `500ms` or `2s`)"))
}

/// What `--deny` turns into errors.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Deny {
    Warnings,
}

pub fn main() -> ExitCode {
    // A reader that stops early (`migc status | head`) closes standard output: printing then
    // fails, which Rust's printing reports as a panic. That is the end of the output, not a
    // crash: no message, exit 2 (an I/O error).
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !closed_output(info.payload()) {
            default(info);
        }
    }));
    match std::panic::catch_unwind(command) {
        Ok(code) => code,
        Err(p) if closed_output(p.as_ref()) => ExitCode::from(crate::exit::USAGE),
        Err(p) => std::panic::resume_unwind(p),
    }
}

/// Whether a panic is the standard library's report of printing to a closed pipe.
fn closed_output(payload: &(dyn std::any::Any + Send)) -> bool {
    let text = payload
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| payload.downcast_ref::<&str>().copied())
        .unwrap_or_default();
    text.starts_with("failed printing to std") && text.contains("Broken pipe")
}

fn command() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // A URL misplaced on the command line comes back in clap's message: redacted.
            let plain = e.render().to_string();
            let redacted = migc_db::redact_text(&plain);
            if redacted == plain {
                let _ = e.print();
            } else {
                eprint!("{redacted}");
            }
            return if e.use_stderr() {
                ExitCode::from(crate::exit::USAGE)
            } else {
                ExitCode::from(OK)
            };
        }
    };
    let format = cli.command.format();
    let lines = cli.command.prints_lines();
    crate::render::set_color(cli.color.colors(
        std::io::IsTerminal::is_terminal(&std::io::stderr()),
        std::env::var_os("NO_COLOR").as_deref(),
        std::env::var_os("TERM").as_deref(),
    ));
    match run(cli) {
        Ok(()) => ExitCode::from(OK),
        Err(failure) => {
            if let Failure::Usage(message) = &failure {
                // Every message is built with URLs redacted; this is the last guard.
                let message = migc_db::redact_text(message);
                // A path on the command line may hold anything; the terminal gets it inert.
                eprintln!("error: {}", crate::render::shown::inert(&message));
                // Asked for a machine format, a pipeline reads the failure on standard output
                // too.
                if let Some(doc) = crate::render::usage_error(format, &message, lines) {
                    print!("{doc}");
                }
            }
            failure.code()
        }
    }
}

impl Command {
    /// The format the command was asked to print in (`--format`).
    fn format(&self) -> Report {
        match self {
            Command::Check { format, .. } | Command::Plan { format, .. } => *format,
            Command::Fmt { format, .. }
            | Command::Snapshot { format, .. }
            | Command::Import { format, .. }
            | Command::Drift { format, .. }
            | Command::Status { format, .. }
            | Command::Explain { format, .. }
            | Command::Export { format, .. }
            | Command::ExplainCode { format, .. }
            | Command::Verify { format, .. } => (*format).into(),
            Command::Apply { run, .. } | Command::Rollback { run, .. } => run.format.into(),
            Command::Connect { format, .. } => {
                if *format == crate::commands::connect::ConnectFormat::Json {
                    Report::Json
                } else {
                    Report::Human
                }
            }
        }
    }

    /// Whether standard output is JSON lines (one object a line) rather than one document.
    fn prints_lines(&self) -> bool {
        matches!(self, Command::Apply { .. } | Command::Rollback { .. })
    }
}

pub fn run(cli: Cli) -> Result<(), Failure> {
    use crate::commands::*;
    match cli.command {
        Command::Check {
            explain: Some(code),
            format,
            ..
        } => explain_code::run(&code, format_of(format)?),
        Command::Check {
            paths,
            format,
            explain: None,
        } => check::run(&paths, format),
        Command::Fmt {
            paths,
            check,
            format,
        } => fmt::run(&paths, check, format),
        Command::Snapshot {
            paths,
            output,
            format,
        } => snapshot::run(&paths, output.as_deref(), format),
        Command::Plan {
            from,
            to,
            dialect,
            out,
            check,
            allow_destructive,
            deny,
            format,
        } => plan::run(&plan::Args {
            from: &from,
            to: &to,
            dialect,
            out: &out,
            check,
            allow_destructive,
            deny_warnings: deny == Some(Deny::Warnings),
            format,
        }),
        Command::Explain { dir, format } => explain::run(&dir, format),
        Command::Export {
            dir,
            runner,
            out,
            version_base,
            format,
        } => export::run(&export::Args {
            dir: &dir,
            runner,
            out: &out,
            version_base,
            format,
        }),
        Command::ExplainCode { code, format } => explain_code::run(&code, format),
        Command::Connect {
            dir,
            app,
            format,
            url,
        } => connect::run(&dir, app, format, url.as_deref()),
        Command::Import {
            source,
            dialect,
            output,
            format,
        } => import::run(&source, dialect, &output, format),
        Command::Drift { url, to, format } => drift::run(&url, &to, format),
        Command::Apply {
            dir,
            run,
            phase,
            through,
            batch_size,
            pause_ms,
        } => apply::run(&dir, &run, phase, through, batch_size, pause_ms),
        Command::Rollback { dir, run, to } => rollback::run(&dir, &run, to.as_deref()),
        Command::Status { url, format } => status::run(&url, format),
        Command::Verify {
            from,
            to,
            dialect,
            url,
            rows,
            allow_destructive,
            format,
        } => verify::run(&verify::Args {
            from: &from,
            to: &to,
            dialect,
            url: url.as_deref(),
            rows,
            allow_destructive,
            format,
        }),
    }
}

/// `check --explain` prints text or JSON, not diagnostics.
fn format_of(report: Report) -> Result<Format, Failure> {
    match report {
        Report::Human => Ok(Format::Human),
        Report::Json => Ok(Format::Json),
        Report::Sarif | Report::Github => Err(Failure::Usage(
            "`--explain` prints the description as text or JSON: use `--format human` or `--format json`"
                .to_string(),
        )),
    }
}

/// Writes a file through a temporary sibling and a rename, so a reader never sees half of it.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    let io = |e: std::io::Error| {
        Failure::Usage(format!(
            "cannot write `{}`: {}",
            path.display(),
            crate::input::io_reason(&e)
        ))
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = path.with_file_name(format!(".{name}.migc-tmp"));
    std::fs::write(&tmp, bytes).map_err(io)?;
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        io(e)
    })
}
