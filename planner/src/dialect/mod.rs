//! Dialects lower dialect-neutral steps to SQL. The planner never matches on a dialect's name:
//! what differs is behind [`Lowering`], whose capability methods say what the database can do.

mod postgres;
mod sqlite;

use crate::step::Step;
use migc_compiler::schema::Schema;
use migc_grammar::Diagnostic;
use migc_stdlib::Dialect;
use serde::Serialize;

pub use postgres::Postgres;
pub use sqlite::Sqlite;

/// One unit of SQL: run as a whole, inside a transaction or not.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Unit {
    pub sql: String,
    /// Whether the unit may run inside a transaction block (`CREATE INDEX CONCURRENTLY` and
    /// batched backfills that commit per batch may not).
    pub transactional: bool,
}

/// A step lowered for one dialect.
#[derive(Clone, Debug, Serialize)]
pub struct Lowered {
    pub up: Vec<Unit>,
    pub down: Vec<Unit>,
    /// The strongest lock the step takes, in the dialect's words.
    pub lock: String,
    /// Whether the step rewrites the table.
    pub rewrite: bool,
    /// Whether the step reads every row of the table (a validation, an index build, a backfill).
    pub scan: bool,
    /// What running `down` cannot give back, if anything.
    pub down_loses: Option<String>,
}

/// The two schemas of the plan, for lookups while lowering.
pub struct Context<'a> {
    pub from: &'a Schema,
    pub to: &'a Schema,
}

/// How a dialect turns steps into SQL.
pub trait Lowering {
    fn dialect(&self) -> Dialect;

    /// Whether DDL can be rolled back with the transaction it ran in (PostgreSQL, SQLite: yes;
    /// MySQL/MariaDB: every DDL statement commits).
    fn supports_transactional_ddl(&self) -> bool;

    /// Whether indexes can be built without blocking writes (`CREATE INDEX CONCURRENTLY`).
    fn supports_concurrent_index(&self) -> bool;

    /// Whether a constraint can be added for new rows only and validated later (`NOT VALID`).
    fn supports_not_valid(&self) -> bool;

    /// The statements that open every script (session settings).
    fn script_prelude(&self) -> Vec<String>;

    /// The step as SQL, or a finding when the dialect cannot express it.
    fn lower(&self, step: &Step, ctx: &Context<'_>) -> Result<Lowered, Diagnostic>;

    /// Every step of a plan as SQL, one [`Lowered`] per step in the same order, or every finding
    /// met. The default lowers each step on its own; a dialect that must see a phase as a whole
    /// (SQLite rebuilds a table once per phase and runs each phase in one transaction)
    /// overrides it.
    fn lower_plan(
        &self,
        steps: &[Step],
        ctx: &Context<'_>,
    ) -> Result<Vec<Lowered>, Vec<Diagnostic>> {
        let mut lowered = Vec::with_capacity(steps.len());
        let mut errors = Vec::new();
        for step in steps {
            match self.lower(step, ctx) {
                Ok(l) => lowered.push(l),
                Err(d) => errors.push(d),
            }
        }
        if errors.is_empty() {
            Ok(lowered)
        } else {
            Err(errors)
        }
    }
}

/// The lowering of a dialect.
pub fn for_dialect(dialect: Dialect) -> Option<Box<dyn Lowering>> {
    match dialect {
        Dialect::Postgres => Some(Box::new(Postgres::default())),
        Dialect::Sqlite => Some(Box::new(Sqlite::default())),
        Dialect::Mysql => None,
    }
}
