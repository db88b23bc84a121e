//! Runs plans written by `migc plan` against a live database, step by step, recording each step
//! in the database's state table so that a re-run resumes where the last stopped.
//!
//! - [`PlanDir`]: the manifest and the scripts, refused when a script no longer matches its
//!   checksum;
//! - [`script`]: the scripts cut at their step frames, and SQL cut into statements;
//! - [`state`]: the `migc_state` table;
//! - [`lock`]: one run at a time per database;
//! - [`retry`]: lock timeouts with bounded exponential backoff;
//! - [`backfill`]: batched backfills with checkpoints and progress;
//! - [`report`]: what a run tells as it goes, for people or as JSON lines;
//! - [`run`]: `apply` and `rollback`;
//! - [`status()`]: what the state table says;
//! - [`verify`]: a scratch database run through a plan with both applications;
//! - [`Scratch`]: scratch databases, made and dropped;
//! - [`stored`]: the declared schema as a database stores it, to compare a database with.

pub mod backfill;
pub mod lock;
pub mod pace;
pub mod plan_dir;
pub mod progress;
pub mod report;
pub mod retry;
pub mod run;
pub mod scratch;
pub mod script;
pub mod state;
pub mod status;
pub mod stored;
pub mod verify;

pub use plan_dir::PlanDir;
pub use run::{apply, error_info, rollback, Options, Target};
pub use scratch::Scratch;
pub use status::status;

use std::fmt;

/// Why a run stopped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// The plan cannot run as asked (checksums, phase order, a gate's check): nothing ran. Exit 1.
    Refused,
    /// A statement failed, or a lock stayed out of reach after every retry; what finished is
    /// recorded and a re-run resumes. Exit 1.
    Failed,
    /// Another run holds the database's run lock. Exit 2.
    Busy,
    /// The plan or the database cannot be reached. Exit 2.
    Io,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    pub kind: Kind,
    pub message: String,
}

impl Error {
    pub fn new(kind: Kind, message: impl Into<String>) -> Error {
        Error {
            kind,
            message: message.into(),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}
