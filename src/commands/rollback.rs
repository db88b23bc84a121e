//! `migc rollback`: undo the applied phases of a plan.

use super::apply::{open, stopped};
use crate::cli::RunArgs;
use crate::exit::Failure;
use std::path::Path;

pub fn run(dir: &Path, run: &RunArgs, to: Option<&str>) -> Result<(), Failure> {
    let (plan, url, mut conn, options) = open(dir, run, false)?;
    migc_runner::rollback(&url, conn.as_mut(), &plan, to, &options)
        .map_err(|e| stopped(e, options.output))
}
