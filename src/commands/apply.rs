//! `migc apply`: run a plan's phases against a database.

use crate::cli::RunArgs;
use crate::exit::Failure;
use crate::render::Format;
use migc_runner::report::{Event, Output};
use migc_runner::{Options, PlanDir, Target};
use std::path::Path;

/// Opens the plan and the database for `apply` (`create`: a SQLite file is made when missing)
/// and `rollback` (the database must exist). A dry run creates nothing: a SQLite file that is
/// not there yet is shown as the empty database `apply` would create.
pub(crate) fn open(
    dir: &Path,
    run: &RunArgs,
    create: bool,
) -> Result<
    (
        PlanDir,
        migc_db::DbUrl,
        Box<dyn migc_db::Connection>,
        Options,
    ),
    Failure,
> {
    let output = output(run);
    let plan = PlanDir::read(dir).map_err(|e| stopped(e, output))?;
    let url = url(&run.url)?;
    let conn = match &url {
        migc_db::DbUrl::Sqlite(Some(path)) if run.dry_run && create && !path.exists() => {
            connect(&migc_db::DbUrl::Sqlite(None), false)?
        }
        _ => connect(&url, create && !run.dry_run)?,
    };
    let mut options = Options {
        dry_run: run.dry_run,
        output,
        ..Options::default()
    };
    options.policy.lock_timeout = run.lock_timeout;
    options.policy.retries = run.retries;
    Ok((plan, url, conn, options))
}

pub(crate) fn url(text: &str) -> Result<migc_db::DbUrl, Failure> {
    migc_db::DbUrl::parse(text).ok_or_else(|| {
        Failure::Usage(format!(
            "`{}` is not a database URL (postgres://…, mysql://…, sqlite://PATH)",
            migc_db::redact(text)
        ))
    })
}

/// Connects to the database; `create` makes a SQLite file that is not there (only what builds
/// a database does: `apply`, `verify`).
pub(crate) fn connect(
    url: &migc_db::DbUrl,
    create: bool,
) -> Result<Box<dyn migc_db::Connection>, Failure> {
    let conn = if create {
        migc_db::connect_or_create(url)
    } else {
        migc_db::connect(url)
    };
    conn.map_err(|e| Failure::Usage(format!("cannot connect to {url}: {e}")))
}

/// Where `apply` and `rollback` tell what they do.
fn output(run: &RunArgs) -> Output {
    match run.format {
        Format::Human => Output::Human,
        Format::Json => Output::Json,
    }
}

/// A run's error: with JSON lines, a plan refused or a step failed (exit 1) is the last event,
/// `plan_stopped` (a usage or I/O error, exit 2, is the `migc-error-1` line every command
/// prints).
pub(crate) fn stopped(e: migc_runner::Error, output: Output) -> Failure {
    let info = migc_runner::error_info(&e);
    if info.exit_code == crate::exit::INPUT {
        output.event(&Event::PlanStopped { error: info });
    }
    failure(e)
}

/// A runner error as the exit code the command line promises.
pub(crate) fn failure(e: migc_runner::Error) -> Failure {
    use migc_runner::Kind;
    match e.kind {
        Kind::Refused | Kind::Failed => {
            eprintln!("error: {}", migc_db::redact_text(&e.message));
            Failure::Input
        }
        Kind::Busy | Kind::Io => Failure::Usage(e.message),
    }
}

pub fn run(
    dir: &Path,
    run: &RunArgs,
    phase: Option<String>,
    through: Option<String>,
    batch_size: Option<u64>,
    pause_ms: Option<u64>,
) -> Result<(), Failure> {
    let (plan, url, mut conn, mut options) = open(dir, run, true)?;
    options.batch_size = batch_size.map(|n| n.max(1));
    options.pause = pause_ms.map(std::time::Duration::from_millis);
    let target = match (phase, through) {
        (Some(p), _) => Target::Phase(p),
        (None, Some(t)) => Target::Through(t),
        (None, None) => Target::UpToGate,
    };
    migc_runner::apply(&url, conn.as_mut(), &plan, &target, &options)
        .map_err(|e| stopped(e, options.output))
}
