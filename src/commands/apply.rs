//! `migc apply`: run a plan's phases against a database.

use crate::cli::RunArgs;
use crate::exit::Failure;
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
    let plan = PlanDir::read(dir).map_err(failure)?;
    let url = url(&run.url)?;
    let conn = match &url {
        migc_db::DbUrl::Sqlite(Some(path)) if run.dry_run && create && !path.exists() => {
            connect(&migc_db::DbUrl::Sqlite(None), false)?
        }
        _ => connect(&url, create && !run.dry_run)?,
    };
    let mut options = Options {
        dry_run: run.dry_run,
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
    migc_runner::apply(&url, conn.as_mut(), &plan, &target, &options).map_err(failure)
}
