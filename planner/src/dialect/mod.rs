//! Dialects lower dialect-neutral steps to SQL. The planner never matches on a dialect's name:
//! what differs is behind [`Lowering`], whose capability methods say what the database can do.

mod mysql;
mod postgres;
mod sqlite;

use crate::step::Step;
use migc_compiler::schema::{Column, ColumnType, Schema, Table};
use migc_grammar::Diagnostic;
use migc_stdlib::Dialect;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub use mysql::{Algorithm, Mysql};
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
    /// For a backfill: the same fill as statements an executor runs one batch at a time.
    pub batch: Option<Batch>,
    /// Tables the step builds anew and copies every row into (a SQLite rebuild): what the
    /// database holds on them that the plan does not know of would be lost.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub rebuilds: Vec<String>,
}

impl Lowered {
    /// A step with no SQL yet that takes `lock`.
    pub fn new(lock: impl Into<String>) -> Lowered {
        Lowered {
            up: Vec::new(),
            down: Vec::new(),
            lock: lock.into(),
            rewrite: false,
            scan: false,
            down_loses: None,
            batch: None,
            rebuilds: Vec::new(),
        }
    }
}

/// A backfill as statements that an executor (`migc apply`) runs one batch at a time, each batch
/// in its own transaction together with its checkpoint, walking the table's key in order. The
/// phase script does the same fill on its own; this is the form that can be paced, shown with
/// progress and resumed after a crash without redoing finished batches.
///
/// The statements hold placeholders the executor replaces:
/// - `{after}`: a predicate selecting the rows whose key is after the last batch done
///   (`(k1, k2) > (v1, v2)`), or a predicate true for every row before the first batch;
/// - `{upto}`: a predicate selecting the rows whose key is at most the last key of this batch;
/// - `{limit}`: the batch size.
///
/// Key values are written back as string literals, which every dialect compares with the key's
/// type. Filling is idempotent (only rows still needing it change), so a batch run twice changes
/// nothing the second time.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Batch {
    /// The table filled.
    pub table: String,
    /// The key columns walked, in order (the primary key; `rowid` on SQLite without one).
    pub key: Vec<String>,
    /// The keys of the next batch, in key order: `SELECT … WHERE {after} ORDER BY … LIMIT {limit}`.
    pub next: String,
    /// Statements run first in every batch's transaction (such as marking the session as the
    /// backfill, so that dual-write triggers let its writes through).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub setup: Vec<String>,
    /// Fills the rows of the batch: `UPDATE … WHERE {after} AND {upto} AND <still needed>`.
    pub fill: String,
    /// Statements run last in every batch's transaction.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub teardown: Vec<String>,
    /// The number of rows still needing the fill (0 when the backfill is complete).
    pub remaining: String,
}

/// The two schemas of the plan, for lookups while lowering.
pub struct Context<'a> {
    pub from: &'a Schema,
    pub to: &'a Schema,
    /// Declared tables by the deployed name they are renamed from.
    renamed: BTreeMap<&'a str, Vec<&'a Table>>,
}

impl<'a> Context<'a> {
    pub fn new(from: &'a Schema, to: &'a Schema) -> Context<'a> {
        let mut renamed: BTreeMap<&str, Vec<&Table>> = BTreeMap::new();
        for t in to.tables.values() {
            if let Some(old) = t.renamed_from.as_deref() {
                renamed.entry(old).or_default().push(t);
            }
        }
        Context { from, to, renamed }
    }

    /// Whether the deployed table `table` is declared under another name (and no declared table
    /// takes its name).
    pub fn renamed_away(&self, table: &str) -> bool {
        !self.to.tables.contains_key(table) && self.renamed.contains_key(table)
    }

    /// Whether a column of the table (deployed, or declared under that name) has the enum type
    /// `name`.
    pub fn uses_enum(&self, table: &str, name: &str) -> bool {
        [self.from, self.to]
            .iter()
            .filter_map(|s| s.tables.get(table))
            .flat_map(|t| &t.columns)
            .any(|c| matches!(&c.ty, ColumnType::Enum { name: n, .. } if n == name))
    }

    /// The declared tables that a deployed table's name stands for: the table of that name and
    /// those renamed from it, in name order.
    fn declared(&self, table: &str) -> Vec<&'a Table> {
        let mut out: Vec<&Table> = self.renamed.get(table).cloned().unwrap_or_default();
        if let Some(t) = self.to.tables.get(table) {
            if !out.iter().any(|o| std::ptr::eq(*o, t)) {
                out.push(t);
            }
        }
        out.sort_by(|a, b| a.name.cmp(&b.name));
        out
    }

    /// The deployed table of that name, then the declared tables it stands for ([`Self::declared`]).
    fn deployed_and_declared(&self, table: &str) -> Vec<&'a Table> {
        let mut out: Vec<&Table> = self.from.tables.get(table).into_iter().collect();
        out.extend(self.declared(table));
        out
    }
}

/// How a dialect turns steps into SQL.
pub trait Lowering {
    fn dialect(&self) -> Dialect;

    /// Whether DDL can be rolled back with the transaction it ran in (PostgreSQL, SQLite: yes;
    /// MySQL/MariaDB: every DDL statement commits). The manifest marks a step transactional
    /// only where it is.
    fn supports_transactional_ddl(&self) -> bool;

    /// Whether adding a check to the deployed table `table` needs a copy of the table: the
    /// database can neither add it for new rows only and validate it later nor validate it
    /// without blocking writes, and has no rebuild of its own for it. Where it does, the planner
    /// copies the table in phases when the plan allows it (planner/src/copies.rs: `CopyCreate`,
    /// `CopyFill`, `CopySwap`, `CopyDropOld`); otherwise the lowering of the check copies the
    /// table within its own step. No by default.
    fn check_needs_copy(&self, _table: &str, _ctx: &Context<'_>) -> bool {
        false
    }

    /// Whether `op`, run at switch, would work against a copy in phases of `table`, which is
    /// swapped in first at switch and keeps the old table in step until contract: the dialect
    /// copies or rebuilds the table for it (the copy holds keys and triggers under other names
    /// meanwhile), or changes the table in a way the copy's triggers do not carry. Asked only of
    /// a dialect whose checks need a copy ([`Lowering::check_needs_copy`]), for every table a key
    /// links to the copied one. By default, any operation on the table.
    fn disturbs_copy(&self, op: &crate::step::Op, table: &str, _ctx: &Context<'_>) -> bool {
        op.table() == Some(table)
    }

    /// Whether a type change every value survives can be made to a primary key or identity
    /// column, which a shadow column cannot stand in for, by the lowering of
    /// [`crate::step::Op::AlterType`] (in place, or copying the table online). Where it cannot,
    /// such a change is refused. No by default.
    fn alters_key_types(&self) -> bool {
        false
    }

    /// Whether a deployed column's collation changes without blocking writes
    /// ([`crate::step::Op::SetCollation`]: MySQL changes it in place, or copies the table online
    /// for another character set). Where it does not, such a change is refused. No by default.
    fn changes_collations(&self) -> bool {
        false
    }

    /// Whether deployed columns can be moved without rewriting the table
    /// ([`crate::step::Op::MoveColumn`]: MySQL's `MODIFY … AFTER`, INSTANT on MariaDB 10.4+ and
    /// MySQL 8.0.29+), so that a table's columns stand in the declared order. No by default: a
    /// declared order of deployed columns is then not planned.
    fn moves_columns(&self) -> bool {
        false
    }

    /// Whether the database keeps every stored value as it is when a column's declared type
    /// changes from `from`'s to `to`'s, whatever the portable types say (SQLite: the two
    /// spellings have the same type affinity), so that the change needs no `up`: it is made by
    /// the lowering of [`crate::step::Op::AlterType`]. No by default.
    fn keeps_values(&self, _from: &Column, _to: &Column) -> bool {
        false
    }

    /// Whether the dialect stores tables in ways the schema chooses (SQLite's `STRICT`,
    /// `WITHOUT ROWID`, `AUTOINCREMENT`): the planner plans [`crate::step::Op::SetStorage`]
    /// only for such a dialect. No by default.
    fn has_storage_options(&self) -> bool {
        false
    }

    /// Whether the dialect has table options the schema chooses (`options(mysql: "…")`): the
    /// planner plans [`crate::step::Op::SetTableOptions`] only for such a dialect. No by default.
    fn has_table_options(&self) -> bool {
        false
    }

    /// Whether the dialect reads table and column names without their letter case, so that
    /// `Users` deployed and `users` declared are one table, renamed. No by default.
    fn names_ignore_case(&self) -> bool {
        false
    }

    /// How each application version reaches its own shape while a plan rolls out
    /// ([`VersionAccess`]). [`VersionAccess::Shared`] by default.
    fn version_access(&self) -> VersionAccess {
        VersionAccess::Shared
    }

    /// The statements a connection of the application version whose namespace is `namespace`
    /// runs first (none where both versions share the tables unmarked).
    fn app_session(&self, _namespace: &str) -> Vec<String> {
        Vec::new()
    }

    /// The columns the dialect adds to a table for `index` (generated columns an expression or
    /// partial index needs), which no application version declares: a table whose indexes
    /// gain or lose some is shown to each version in its shape. None by default.
    fn hidden_columns(&self, _index: &migc_compiler::schema::Index) -> Vec<String> {
        Vec::new()
    }

    /// The database a connection of the version whose namespace is `namespace` selects, beside
    /// the application's database `database`, where the dialect gives each version a database
    /// of its own ([`VersionAccess::Databases`]).
    fn app_database(&self, _database: &str, _namespace: &str) -> Option<String> {
        None
    }

    /// [`Lowering::app_session`] for connections to the application's database `database`
    /// (known from its URL): where the version has a database of its own, the statements name it
    /// instead of finding it at run time.
    fn app_session_in(&self, namespace: &str, _database: &str) -> Vec<String> {
        self.app_session(namespace)
    }

    /// The same as [`Lowering::app_session`] as startup options of a connection, where the
    /// dialect's client libraries take some: the environment variable they read them from and
    /// the options.
    fn app_startup_options(&self, _namespace: &str) -> Option<(&'static str, String)> {
        None
    }

    /// What the dialect's databases hold of names and texts as declared (what they refuse or
    /// change is refused at plan time, planner/src/expressible.rs).
    fn holds(&self) -> &dyn crate::expressible::Holds;

    /// The statements that open every script (session settings).
    fn script_prelude(&self) -> Vec<String>;

    /// The step as SQL, or a finding when the dialect cannot express it.
    fn lower(&self, step: &Step, ctx: &Context<'_>) -> Result<Lowered, Diagnostic>;

    /// Warnings about the plan in this dialect: what it carries out differently from the
    /// declaration (a partial index built whole). None by default.
    fn warnings(&self, _steps: &[Step], _ctx: &Context<'_>) -> Vec<Diagnostic> {
        Vec::new()
    }

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
                Err(d) => errors.push(located(d, step)),
            }
        }
        if errors.is_empty() {
            Ok(lowered)
        } else {
            Err(errors)
        }
    }
}

/// How the application versions of a plan reach their shapes during the rollout.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VersionAccess {
    /// Both versions use the tables as they are; the dual-write triggers tell the writer of a
    /// row from the columns it fills.
    Shared,
    /// Each version has a namespace of its own that shows it the tables the plan changes in its
    /// shape ([`crate::versions`]): updatable views its connections find first; the triggers
    /// tell the writer by the namespace a write comes through.
    Views,
    /// Each version has a database of its own holding a view of every table and view of its
    /// schema, in its shape ([`crate::versions::databases`]), which its connections select;
    /// each version's connections also say which version they are (a session variable), which
    /// the triggers read. The new version's database stays after contract, showing the tables as they are,
    /// until the next plan's contract.
    Databases,
}

/// The finding of a dialect without a version layer given a step of one (the planner asks
/// [`Lowering::version_access`] first, so only a plan made for another dialect meets it).
pub(crate) fn no_version_layer(step: &Step) -> Diagnostic {
    Diagnostic::error(
        migc_grammar::Code::Unsupported,
        format!(
            "internal: step `{}` needs a version layer, which this dialect has not",
            step.id
        ),
    )
}

/// A finding of a step's lowering, pointed at the declaration the step comes from when the
/// finding has no place of its own.
pub(crate) fn located(d: Diagnostic, step: &Step) -> Diagnostic {
    match step.origin {
        Some(origin) if d.primary_span().is_none() => d.primary(origin, step.summary.clone()),
        _ => d,
    }
}

/// The finding of a dialect given a step it never asks for (a table copy in phases where
/// [`Lowering::check_needs_copy`] says no): a fault of the planner, not of the declaration.
/// A default written per dialect (`default native(sqlite: "…")`) as dialect `d` writes it, in
/// parentheses; `None` for a portable expression.
pub(crate) fn native_expr(
    e: &migc_compiler::schema::Expr,
    d: Dialect,
) -> Option<Result<String, Diagnostic>> {
    let spellings = e.native_spellings()?;
    Some(match spellings.get(&d) {
        Some(text) => Ok(format!("({text})")),
        None => {
            let written: Vec<&str> = spellings.keys().map(|d| d.name()).collect();
            Err(Diagnostic::error(
                migc_grammar::Code::Unsupported,
                format!(
                    "this default is written for {} only, not for {}",
                    written.join(" and "),
                    d.name()
                ),
            )
            .primary(e.origin, "default here")
            .help(format!(
                "add `{}: \"…\"` to its `native(…)`, or write a portable expression",
                d.name()
            )))
        }
    })
}

pub(crate) fn unasked(step: &Step) -> Diagnostic {
    Diagnostic::error(
        migc_grammar::Code::Unsupported,
        format!(
            "internal: step `{}` is not one this dialect asks for",
            step.id
        ),
    )
}

/// The lowering of a dialect.
pub fn for_dialect(dialect: Dialect) -> Option<Box<dyn Lowering>> {
    let lowering: Box<dyn Lowering> = dialect.pick(
        Box::new(Postgres::default()),
        Box::new(Mysql::default()),
        Box::new(Sqlite::default()),
    );
    Some(lowering)
}
