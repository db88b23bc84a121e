//! SQLite 3.35+ lowering.
//!
//! SQLite's DDL is transactional and the database has one writer, so **each phase script is one
//! transaction**: every statement of the phase applies, or none does. The `sqlite3` shell does not
//! stop at a failed statement when it reads a script from standard input (it goes on and exits
//! with status 1 at the end), so a script cannot rely on stopping: every statement records what
//! it expects in a temporary table, and the last statements before `COMMIT` roll the whole
//! transaction back (`RAISE(ROLLBACK, …)` from a temporary trigger, the only place SQLite accepts
//! `RAISE`) unless every record says yes. Nothing that runs after such a rollback can change
//! anything: only `COMMIT` (which then fails: no transaction) and `PRAGMA foreign_keys = 1`
//! follow. The records are: the database is in the state the script starts from (a script
//! applied twice is refused, changing nothing), every table rebuild copied every row, every
//! table, column, index, trigger and view the phase leaves is there, the backfill left no row
//! to fill, and `PRAGMA foreign_key_check` finds no row without its parent. rusqlite (and any
//! driver that stops at the first error) leaves the transaction open at the failed statement:
//! roll it back or close the connection.
//!
//! - `ALTER TABLE` does what it can (add a column with a constant default, rename or drop a
//!   column, create and drop indexes); everything else rebuilds the table with the 12-step
//!   procedure of <https://www.sqlite.org/lang_altertable.html#otheralter>: `PRAGMA
//!   foreign_keys = 0` outside the transaction, a new table with the target definition, `INSERT
//!   … SELECT` of every row (rowid and `INTEGER PRIMARY KEY` values kept), `DROP TABLE`, `ALTER
//!   TABLE … RENAME TO` (under `legacy_alter_table` so that views reading the table keep
//!   resolving by name), every index and trigger created again, `foreign_key_check`. Indexes
//!   and triggers that `native` blocks created on the table are created again from the blocks'
//!   statements (a static script cannot read them from `sqlite_schema` and run them); an index
//!   or trigger the schema does not know makes the rebuild's script roll back, changing nothing.
//! - All the changes of one table in a phase that need a rebuild make one rebuild, to the
//!   definition the table has after them, attached to the last of them (earlier steps say "done by
//!   the rebuild at step N"). A step of another object that depends on one of them closes the
//!   group first.
//! - Enums have no SQLite type: their columns are `text` with `CHECK (c IN (...))`; adding or
//!   renaming a value rebuilds the tables with columns of the enum.
//! - Unique constraints are unique indexes (named, droppable without a rebuild, equivalent for
//!   foreign keys); primary key and foreign key constraint names are not written (SQLite ignores
//!   them), check names are.
//! - There is no `NOT VALID`: a check, foreign key or not-null added for new rows in expand is
//!   enforced at switch by the rebuild that validates every row. Until then the database does not
//!   refuse rows that break it (the lock text of those steps says so).
//! - Dual writes: SQLite's `BEFORE` triggers cannot assign `NEW`, so `AFTER INSERT` and `AFTER
//!   UPDATE` triggers `UPDATE` the row just written, with the old-writer/new-writer rules of the
//!   PostgreSQL trigger. A trigger's `UPDATE` fires the `AFTER UPDATE` trigger (only a trigger
//!   already running is not fired again while `recursive_triggers` is off), so the insert trigger
//!   and the backfill mark their writes in a one-row helper table, `migc_sync_<table>_guard`,
//!   that the update trigger skips on. Because `NOT NULL` and `CHECK` are tested before `AFTER`
//!   triggers run, while the trigger is installed a column it fills accepts null (no reader sees
//!   it null: the trigger runs in the same statement; a new column's `NOT NULL` therefore comes
//!   at contract, and switch only checks that no row holds null), and a check that mixes columns
//!   the trigger fills with columns an application writes is tested by the trigger once the row
//!   is complete (`RAISE(ABORT, 'CHECK constraint failed: …')`). A write that changes new
//!   columns is the new application's unless it also changes a column only the old one has.
//! - Rollback: every down script goes back with the same machinery (a rebuild back where the
//!   change was a rebuild). A column that comes back empty (a rolled back contract) is computed
//!   again from the new columns when the plan says how (the trigger's `down`, a type change's
//!   `down`); otherwise it comes back nullable. Views a phase dropped come back at the end of
//!   its down script, once every table has its name again.
//! - Backfill: a script that `sqlite3 db < file` reads cannot loop, so the phase script fills
//!   each table with one `UPDATE` of every row still needing it, in the phase's transaction
//!   (holding the write lock for the whole update; readers go on in WAL mode). The manifest
//!   carries the same fill as a [`Batch`] for an executor: it walks the primary key (`rowid`
//!   for a table without one) in key order, each batch in its own transaction that marks the
//!   guard table first (so the dual-write trigger lets the fill through) and clears it last, and
//!   commits, so that the applications' writes run between batches. Its `remaining` (rows still
//!   to fill, spelled for SQLite) is the gate check before switch.
//! - A renamed table is a view under its new name with `INSTEAD OF` triggers until contract
//!   renames the table. An insert through the view cannot return the generated key
//!   (`last_insert_rowid()` is the trigger's, and `RETURNING` reports the view's row).

use super::{Batch, Context, Lowered, Lowering, Unit};

mod apply;
mod backfill;
mod checks;
mod emit;
mod holds;
mod loses;
mod rebuild;
mod render;
mod run;
mod sql;
mod sync;
mod written;

use crate::sql::{literal, quote};
use crate::state::{self, Col, State};
use crate::step::{Op, Phase, Refill, Step};
use migc_compiler::schema::*;
use migc_grammar::{Code, Diagnostic, Span};
use migc_stdlib::Dialect;
use sqlparser::ast::{self, visit_expressions_mut};
use sqlparser::dialect::GenericDialect;
use sqlparser::parser::Parser;
use std::collections::{BTreeMap, BTreeSet};
use std::ops::ControlFlow;

use backfill::*;
use checks::*;
use rebuild::*;
use render::*;
use run::*;
use sql::*;
use sync::*;
use written::*;

const D: Dialect = Dialect::Sqlite;

/// Settings of the generated scripts.
#[derive(Clone, Debug)]
pub struct Sqlite {
    /// How long a script waits for the database's write lock (`PRAGMA busy_timeout`).
    pub busy_timeout_ms: u32,
}

impl Default for Sqlite {
    fn default() -> Sqlite {
        Sqlite {
            busy_timeout_ms: 10_000,
        }
    }
}

const WRITE_LOCK: &str = "database write lock";

impl Lowering for Sqlite {
    fn dialect(&self) -> Dialect {
        D
    }

    fn supports_transactional_ddl(&self) -> bool {
        true
    }

    fn has_storage_options(&self) -> bool {
        true
    }

    fn names_ignore_case(&self) -> bool {
        true
    }

    /// The same affinity keeps every value; among the numeric ones (`INTEGER`, `REAL`,
    /// `NUMERIC`) a number stays the same number (`2.0` may be stored as `2`) and other values
    /// stay as they are; a column without affinity (`BLOB`) converts nothing.
    fn keeps_values(&self, from: &Column, to: &Column) -> bool {
        let numeric = |a: &str| matches!(a, "integer" | "real" | "numeric");
        match (render::col_type(from, false), render::col_type(to, false)) {
            (Ok(a), Ok(b)) => {
                let (a, b) = (affinity(&a), affinity(&b));
                a == b || (numeric(a) && numeric(b)) || b == "blob"
            }
            _ => false,
        }
    }

    fn holds(&self) -> &dyn crate::expressible::Holds {
        self
    }

    fn script_prelude(&self) -> Vec<String> {
        Vec::new()
    }

    fn lower(&self, step: &Step, ctx: &Context<'_>) -> Result<Lowered, Diagnostic> {
        let mut one = step.clone();
        one.after.clear();
        match self.lower_plan(std::slice::from_ref(&one), ctx) {
            Ok(mut l) if !l.is_empty() => Ok(l.remove(0)),
            Ok(_) => Ok(lowered("none")),
            Err(mut e) => Err(e.remove(0)),
        }
    }

    fn lower_plan(
        &self,
        steps: &[Step],
        ctx: &Context<'_>,
    ) -> Result<Vec<Lowered>, Vec<Diagnostic>> {
        let mut run = Run::new(steps, ctx, self.busy_timeout_ms);
        run.run();
        if run.errors.is_empty() {
            return Ok(run.out);
        }
        let mut seen = BTreeSet::new();
        let mut errors = Vec::new();
        for d in run.errors {
            let key = (
                d.message.clone(),
                d.primary_span().map(|s| format!("{s:?}")),
            );
            if seen.insert(key) {
                errors.push(d);
            }
        }
        Err(errors)
    }
}

/// The type affinity SQLite gives a declared type (its rules, in their order): what it converts
/// a stored value to. Two spellings of one affinity store every value alike.
fn affinity(declared: &str) -> &'static str {
    let t = declared.to_ascii_uppercase();
    if t.contains("INT") {
        "integer"
    } else if t.contains("CHAR") || t.contains("CLOB") || t.contains("TEXT") {
        "text"
    } else if t.contains("BLOB") || t.trim().is_empty() {
        "blob"
    } else if t.contains("REAL") || t.contains("FLOA") || t.contains("DOUB") {
        "real"
    } else {
        "numeric"
    }
}

#[cfg(test)]
mod affinity_tests {
    use super::affinity;

    #[test]
    fn affinity_follows_sqlites_rules_in_order() {
        for (declared, expected) in [
            ("INTEGER", "integer"),
            ("bigint", "integer"),
            ("UNSIGNED BIG INT", "integer"),
            ("POINT", "integer"), // "INT" inside, as SQLite reads it
            ("varchar(500)", "text"),
            ("CHARACTER(20)", "text"),
            ("CLOB", "text"),
            ("blob", "blob"),
            ("", "blob"),
            ("REAL", "real"),
            ("double precision", "real"),
            ("FLOAT", "real"),
            ("numeric(10, 2)", "numeric"),
            ("DECIMAL(10,5)", "numeric"),
            ("BOOLEAN", "numeric"),
            ("DATETIME", "numeric"),
        ] {
            assert_eq!(affinity(declared), expected, "{declared}");
        }
    }
}
