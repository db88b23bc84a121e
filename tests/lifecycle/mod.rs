//! The lifecycle harness of the live-database tests (DESIGN.md §7), one for every dialect, over
//! `migc-db`'s connections.
//!
//! A test describes a change (two schema directories, or two `.mig` texts) and [`Hooks`]: what
//! to seed, and what to do and check after each phase, after each rollback, between backfill
//! batches. [`Prepared`] plans the change with the real `migc` binary, builds v1 and v2 on
//! scratch databases of the dialect's server ([`Server`]; SQLite files in process), and
//! [`Prepared::run`] takes a seeded copy of v1 through every phase and every rollback, with the
//! old and the new application's sessions ([`Session`]) open together in every hook, and
//! compares catalogs and rows at each step (see `run.rs`). [`Apps`] are the hooks of the
//! generated applications, which every kind of change and every example chain runs with.
//!
//! What differs between the dialects (scripts, catalog queries, value spelling) is behind
//! [`Engine`], one impl per dialect.

#![allow(dead_code)]

pub mod apps;
pub mod batched;
pub mod batches;
pub mod catalog;
pub mod engine;
pub mod mysql;
pub mod plan;
pub mod postgres;
pub mod projection;
pub mod reparse;
pub mod report;
pub mod rollback;
pub mod rows;
pub mod run;
pub mod server;
pub mod session;
pub mod shape;
pub mod sqlite;
pub mod transitions;
pub mod writers;

#[allow(unused_imports)]
pub use apps::Apps;
#[allow(unused_imports)]
pub use engine::{Engine, Settings, Value};
#[allow(unused_imports)]
pub use plan::{App, Change, Phase, Plan};
#[allow(unused_imports)]
pub use report::{conclude, run_cases, Report};
#[allow(unused_imports)]
pub use run::{Cx, Hooks, Prepared};
#[allow(unused_imports)]
pub use server::{Db, Server};
#[allow(unused_imports)]
pub use session::{Session, Sessions};

/// What a dialect's runs of every change expect: rows seeded per table, the changes it refuses
/// to plan, its known gaps (see [`conclude`]).
pub struct Expect<'a> {
    pub seed_rows: usize,
    pub refused: &'a [(&'a str, &'a str)],
    pub known: &'a [(&'a str, &'a str, &'a str)],
}

/// Runs every change of `changes` whose name `MIGC_<WORD>_CASES` selects with the generated
/// applications, and fails with every failure at once.
pub fn every_change(
    server: &Server,
    test: &str,
    changes: Vec<plan::Change>,
    expect: &Expect<'_>,
) -> Vec<Report> {
    let var = format!("MIGC_{}_CASES", server.engine.word());
    let changes = plan::selected(&var, changes);
    let reports = run_cases(server, &changes, &|prep: &Prepared<'_>| {
        Apps::new(prep, expect.seed_rows)
    });
    conclude(test, &reports, expect.refused, expect.known);
    reports
}
