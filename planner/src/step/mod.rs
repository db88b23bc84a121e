//! The plan's unit: a [`Step`] is one dialect-neutral operation ([`Op`]) in one [`Phase`], with
//! the `.mig` location it came from and the steps it depends on. Dialects lower each step to SQL.

use migc_compiler::schema::{
    Check, Column, ColumnType, Expr, ForeignKey, Generated, Index, PrimaryKey, Table, Unique, View,
};
use migc_grammar::Span;
use migc_stdlib::Dialect;
use serde::Serialize;
use std::collections::BTreeMap;

mod sync;

pub use sync::{Assignment, ColumnRole, Refill, ShadowBack, Sync};

/// The phases, in execution order. A gate stands between switch and contract: every instance of
/// the application must run the new version before contract starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Phase {
    /// Additive only: both application versions keep working.
    Expand,
    /// Fills the new shape for existing rows, in batches.
    Backfill,
    /// Tightens what holds once the backfill is done; still compatible with the old version.
    Switch,
    /// Removes the old shape. The point of no return.
    Contract,
}

impl Phase {
    pub const ALL: [Phase; 4] = [
        Phase::Expand,
        Phase::Backfill,
        Phase::Switch,
        Phase::Contract,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Phase::Expand => "expand",
            Phase::Backfill => "backfill",
            Phase::Switch => "switch",
            Phase::Contract => "contract",
        }
    }
}

/// The constraint an operation acts on by name, as the plan makes it.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Constraint {
    PrimaryKey,
    Unique,
    Check(Check),
    ForeignKey(ForeignKey),
    /// The check that proves a column holds no null before `NOT NULL` is set.
    NotNull {
        column: String,
    },
}

/// What a step does, independent of dialect.
#[derive(Clone, Debug, Serialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Op {
    CreateEnum {
        name: String,
        values: Vec<String>,
    },
    AddEnumValue {
        name: String,
        value: String,
        after: Option<String>,
    },
    RenameEnumValue {
        name: String,
        from: String,
        to: String,
    },
    DropEnum {
        name: String,
        values: Vec<String>,
    },
    RenameEnum {
        from: String,
        to: String,
    },
    CreateTable {
        table: Table,
    },
    DropTable {
        table: Table,
    },
    /// Expand side of a table rename: the new name is an updatable view over the old table.
    CreateTableAlias {
        table: String,
        alias: String,
    },
    DropTableAlias {
        table: String,
        alias: String,
    },
    RenameTable {
        from: String,
        to: String,
    },
    AddColumn {
        table: String,
        column: Column,
        role: ColumnRole,
        /// The column declared just before it, where a dialect that can place it puts it
        /// (`None`: first, or at the end for a column no declaration places).
        #[serde(skip)]
        after: Option<String>,
    },
    DropColumn {
        table: String,
        column: Column,
        refill: Refill,
    },
    /// A type change the database makes without rewriting the table (a widening).
    AlterType {
        table: String,
        column: String,
        from: ColumnType,
        to: ColumnType,
        /// How a dialect that keeps type names as written spells `to` (the declared column's
        /// `native(sqlite: "…")`).
        to_spellings: BTreeMap<Dialect, String>,
    },
    SetDefault {
        table: String,
        column: String,
        default: Option<Expr>,
        previous: Option<Expr>,
    },
    /// `CHECK (c IS NOT NULL)` added without validating existing rows.
    AddNotNullCheck {
        table: String,
        column: String,
        name: String,
    },
    SetNotNull {
        table: String,
        column: String,
        /// The validated check that proves the column has no null; dropped afterwards.
        check: Option<String>,
    },
    DropNotNull {
        table: String,
        column: String,
    },
    CreateIndex {
        table: String,
        index: Index,
    },
    DropIndex {
        table: String,
        index: Index,
        /// Set when a rebuilt object takes this one's name at contract: the temporary name it
        /// has until then (the drop is due only while that one exists).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        replaced_by: Option<String>,
    },
    /// A unique constraint built from a pre-built unique index.
    AttachUnique {
        table: String,
        unique: Unique,
    },
    AddCheck {
        table: String,
        check: Check,
        /// Added without checking existing rows; a later step validates it.
        not_valid: bool,
    },
    AddForeignKey {
        table: String,
        fk: ForeignKey,
        not_valid: bool,
    },
    ValidateConstraint {
        table: String,
        name: String,
        constraint: Constraint,
    },
    DropUnique {
        table: String,
        unique: Unique,
        /// Set when a rebuilt object takes this one's name at contract: the temporary name it
        /// has until then (the drop is due only while that one exists).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        replaced_by: Option<String>,
    },
    DropCheck {
        table: String,
        check: Check,
        /// Set when a rebuilt object takes this one's name at contract: the temporary name it
        /// has until then (the drop is due only while that one exists).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        replaced_by: Option<String>,
    },
    DropForeignKey {
        table: String,
        fk: ForeignKey,
        /// Set when a rebuilt object takes this one's name at contract: the temporary name it
        /// has until then (the drop is due only while that one exists).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        replaced_by: Option<String>,
    },
    DropPrimaryKey {
        table: String,
        key: PrimaryKey,
    },
    /// Replaces the primary key with one over a pre-built unique index, in one statement.
    SwapPrimaryKey {
        table: String,
        old: PrimaryKey,
        new: PrimaryKey,
        index: String,
    },
    InstallSync {
        table: String,
        sync: Sync,
    },
    RemoveSync {
        table: String,
        sync: Sync,
    },
    /// Fills `assignments` for existing rows in key order, in batches.
    Backfill {
        table: String,
        key: Vec<(String, ColumnType)>,
        assignments: Vec<Assignment>,
    },
    RenameColumn {
        table: String,
        from: String,
        to: String,
    },
    RenameIndex {
        /// The table of the index, by the name it has when the step runs.
        table: String,
        from: String,
        to: String,
    },
    RenameConstraint {
        table: String,
        from: String,
        to: String,
        /// The constraint, under its new name.
        constraint: Constraint,
    },
    CreateView {
        view: View,
    },
    DropView {
        view: View,
    },
    CommentTable {
        table: String,
        text: Option<String>,
        previous: Option<String>,
    },
    /// How the table is stored, where the dialect has such a choice
    /// ([`crate::dialect::Lowering::has_storage_options`]).
    SetStorage {
        table: String,
        storage: Storage,
        previous: Storage,
    },
    /// The table's own options in the plan's dialect (MySQL's `ROW_FORMAT`, `KEY_BLOCK_SIZE`,
    /// `ENGINE`), where the dialect has them ([`crate::dialect::Lowering::has_table_options`]).
    SetTableOptions {
        table: String,
        options: Option<String>,
        previous: Option<String>,
    },
    CommentColumn {
        table: String,
        column: String,
        text: Option<String>,
        previous: Option<String>,
    },
    /// A deployed column's own collation, per dialect (none: the table's), where the dialect
    /// changes it without rewriting the table's rows in a blocking way
    /// ([`crate::dialect::Lowering::changes_collations`]).
    SetCollation {
        table: String,
        column: String,
        collation: BTreeMap<Dialect, String>,
        previous: BTreeMap<Dialect, String>,
    },
    /// A deployed table's collation, per dialect (what its text columns naming none of their own
    /// have), where the dialect changes collations
    /// ([`crate::dialect::Lowering::changes_collations`]).
    SetTableCollation {
        table: String,
        collation: BTreeMap<Dialect, String>,
        previous: BTreeMap<Dialect, String>,
    },
    /// A deployed column moved right after `after` (first: `None`), where the dialect keeps
    /// columns in an order of its own ([`crate::dialect::Lowering::moves_columns`]); `previous`
    /// is the column it stood after.
    MoveColumn {
        table: String,
        column: String,
        after: Option<String>,
        previous: Option<String>,
    },
    /// `on update now()` given to (`true`) or taken from a deployed column (MySQL's
    /// `ON UPDATE CURRENT_TIMESTAMP`; other dialects refuse the property).
    SetOnUpdate {
        table: String,
        column: String,
        on_update: bool,
    },
    /// Rows holding `labels`, enum labels the plan adds, get the column's declared `down` when
    /// the plan is rolled back, so that the old application reads labels of its own again (a
    /// dialect whose versions share the tables; where each has its own shape, a shadow column
    /// gives each version its labels).
    MapLabelsOnRollback {
        table: String,
        column: String,
        labels: Vec<String>,
        down: Expr,
    },
    /// A deployed generated column computed otherwise (its expression, or whether it is
    /// stored): `column` as declared, `previous` how it was computed.
    SetGenerated {
        table: String,
        column: Column,
        previous: Generated,
    },
    Native {
        name: String,
        up: Vec<String>,
        down: Vec<String>,
    },
    /// A table copy in phases (planner/src/copies.rs), made last in expand: the empty copy
    /// `copy` of `table` with `checks` added, kept in step with the table by triggers. The last
    /// check is the one the copy is for: once the table has it, the copy is the table.
    CopyCreate {
        table: String,
        copy: String,
        checks: Vec<Check>,
    },
    /// The rows of `table` copied to `copy`, in batches, first in backfill.
    CopyFill {
        table: String,
        copy: String,
        checks: Vec<Check>,
    },
    /// The copy swapped in for `table`, first at switch; the old table is kept in step with it
    /// until contract, so that switch can be rolled back onto it.
    CopySwap {
        table: String,
        copy: String,
        checks: Vec<Check>,
    },
    /// The table the copy replaced dropped, first at contract.
    CopyDropOld {
        table: String,
        copy: String,
        checks: Vec<Check>,
    },
    /// Shows a table to one application version in that version's shape: a view in the
    /// version's namespace, over the table as it stands during the rollout.
    CreateVersionView {
        view: VersionView,
    },
    DropVersionView {
        view: VersionView,
    },
}

/// Which application version a part of the plan serves.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum App {
    Old,
    New,
}

/// A table as one application version sees it during the rollout.
#[derive(Clone, Debug, Serialize)]
pub struct VersionView {
    pub app: App,
    /// The version's namespace (a PostgreSQL schema; a MySQL database's name is derived from it
    /// and the application's database).
    pub namespace: String,
    /// The name the version knows the table by.
    pub name: String,
    /// The table, by the name it has during the rollout.
    pub table: String,
    pub columns: Vec<VersionColumn>,
    /// Shown whole, as it is: a view of the schema (`columns` is empty), which a version whose
    /// namespace holds every object it uses ([`crate::dialect::VersionAccess::Databases`]) reads
    /// through.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub whole: bool,
}

/// One column of a [`VersionView`].
#[derive(Clone, Debug, Serialize)]
pub struct VersionColumn {
    /// The name the version knows the column by.
    pub name: String,
    /// The table's column that holds it during the rollout.
    pub physical: String,
    /// The version's default, where the table's column does not have it during the rollout.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<Expr>,
}

impl Op {
    /// The table the operation acts on, when it acts on one.
    pub fn table(&self) -> Option<&str> {
        match self {
            Op::CreateTable { table } | Op::DropTable { table } => Some(&table.name),
            Op::CreateTableAlias { table, .. }
            | Op::DropTableAlias { table, .. }
            | Op::AddColumn { table, .. }
            | Op::DropColumn { table, .. }
            | Op::AlterType { table, .. }
            | Op::SetDefault { table, .. }
            | Op::AddNotNullCheck { table, .. }
            | Op::SetNotNull { table, .. }
            | Op::DropNotNull { table, .. }
            | Op::CreateIndex { table, .. }
            | Op::DropIndex { table, .. }
            | Op::AttachUnique { table, .. }
            | Op::AddCheck { table, .. }
            | Op::AddForeignKey { table, .. }
            | Op::ValidateConstraint { table, .. }
            | Op::DropUnique { table, .. }
            | Op::DropCheck { table, .. }
            | Op::DropForeignKey { table, .. }
            | Op::DropPrimaryKey { table, .. }
            | Op::SwapPrimaryKey { table, .. }
            | Op::InstallSync { table, .. }
            | Op::RemoveSync { table, .. }
            | Op::Backfill { table, .. }
            | Op::RenameColumn { table, .. }
            | Op::RenameIndex { table, .. }
            | Op::RenameConstraint { table, .. }
            | Op::CommentTable { table, .. }
            | Op::SetStorage { table, .. }
            | Op::SetTableOptions { table, .. }
            | Op::CommentColumn { table, .. }
            | Op::SetCollation { table, .. }
            | Op::SetTableCollation { table, .. }
            | Op::SetOnUpdate { table, .. }
            | Op::SetGenerated { table, .. }
            | Op::MapLabelsOnRollback { table, .. }
            | Op::MoveColumn { table, .. }
            | Op::CopyCreate { table, .. }
            | Op::CopyFill { table, .. }
            | Op::CopySwap { table, .. }
            | Op::CopyDropOld { table, .. } => Some(table),
            Op::RenameTable { from, .. } => Some(from),
            Op::CreateVersionView { view } | Op::DropVersionView { view } => Some(&view.table),
            _ => None,
        }
    }
}

/// How a table is stored (SQLite): `STRICT`, `WITHOUT ROWID`, and the column whose values are
/// never used again (`AUTOINCREMENT`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Storage {
    pub strict: bool,
    pub without_rowid: bool,
    pub autoincrement: Option<String>,
}

impl Storage {
    pub fn of(t: &Table) -> Storage {
        Storage {
            strict: t.strict,
            without_rowid: t.without_rowid,
            autoincrement: t
                .columns
                .iter()
                .find(|c| c.autoincrement)
                .map(|c| c.name.clone()),
        }
    }

    /// The options as SQLite writes them after a table's definition, and the clause of
    /// `AUTOINCREMENT`, for people: `strict, without rowid`.
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if self.strict {
            parts.push("strict".to_string());
        }
        if self.without_rowid {
            parts.push("without rowid".to_string());
        }
        if let Some(c) = &self.autoincrement {
            parts.push(format!("`{c}` autoincrement"));
        }
        if parts.is_empty() {
            "ordinary storage".to_string()
        } else {
            parts.join(", ")
        }
    }
}

/// One step of a plan.
#[derive(Clone, Debug, Serialize)]
pub struct Step {
    /// Stable within a plan: `expand.add_column.users.full_name`.
    pub id: String,
    pub phase: Phase,
    /// One line for people: "add column `users.full_name`".
    pub summary: String,
    /// The object acted on: `users`, `users.full_name`, `order_status`.
    pub object: String,
    #[serde(flatten)]
    pub op: Op,
    /// Indexes (in the plan's step list) of steps that must run first.
    #[serde(skip)]
    pub after: Vec<usize>,
    #[serde(skip)]
    pub origin: Option<Span>,
}

/// What the rollback of [`Op::MapLabelsOnRollback`] changes: the rows holding the labels.
pub fn labels_mapped(table: &str, column: &str, labels: &[String]) -> String {
    let labels: Vec<String> = labels.iter().map(|l| format!("`{l}`")).collect();
    format!(
        "the labels {} in `{table}.{column}`: the rows holding them get its `down`",
        labels.join(", ")
    )
}
