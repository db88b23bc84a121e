//! Exit codes, the same for every command.

use std::process::ExitCode;

/// Success (warnings allowed).
pub const OK: u8 = 0;
/// The input has errors; diagnostics were printed. Also: `--check` found a difference.
pub const INPUT: u8 = 1;
/// Usage or I/O error.
pub const USAGE: u8 = 2;

/// Why a command stopped without success.
#[derive(Debug)]
pub enum Failure {
    /// Diagnostics were printed (or a check failed): exit 1.
    Input,
    /// A usage or I/O problem, with its message: exit 2.
    Usage(String),
}

impl Failure {
    pub fn code(&self) -> ExitCode {
        match self {
            Failure::Input => ExitCode::from(INPUT),
            Failure::Usage(_) => ExitCode::from(USAGE),
        }
    }
}

impl From<std::fmt::Error> for Failure {
    fn from(e: std::fmt::Error) -> Failure {
        Failure::Usage(e.to_string())
    }
}
