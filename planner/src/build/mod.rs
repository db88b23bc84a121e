//! Schema x Schema -> steps: the diff, the expand/backfill/switch/contract recipe of every kind of
//! change, and the safety findings met on the way.
//!
//! Steps name what they provide, need, release and remove as [`Key`]s; [`crate::order`] turns
//! those into graph edges.

mod checks;
mod column_props;
mod column_transitions;
mod columns;
mod constraints;
mod enums;
mod foreign_keys;
mod indexes;
mod overlap;
mod retype;
mod tables;
mod views;

pub(crate) use crate::key::Key;
use crate::step::{
    Assignment, ColumnRole, Constraint, Op, Phase, Refill, ShadowBack, Step, Storage, Sync,
};
use migc_compiler::schema::*;
use migc_grammar::{Code, Diagnostic, Span};
use migc_stdlib::{Dialect, MysqlValues};
use std::collections::{BTreeMap, BTreeSet};

/// Choices the user makes on the command line.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Drop tables, columns and enum values even without `drop` acknowledgements.
    pub allow_destructive: bool,
    /// Rename columns in place at contract, each application version seeing its own name
    /// through its views until then (for a dialect that has them, [`Options::for_dialect`]);
    /// otherwise a renamed column is a new column computed from the deployed one.
    pub renames_in_place: bool,
    /// Each application version has a shape of its own while the plan rolls out (views of
    /// [`crate::versions`]), so a shadow column can show each version its own values; without
    /// one both versions read the deployed columns.
    pub version_views: bool,
    /// Plan changes of how tables are stored (SQLite's `STRICT`, `WITHOUT ROWID`,
    /// `AUTOINCREMENT`): set for a dialect that has such choices, [`Options::for_dialect`].
    pub storage_options: bool,
    /// The dialect the plan is for: whose collations (`collate(…)`; a change of a deployed one
    /// is refused), native types and table options the plan carries. `None`: no dialect's.
    pub dialect: Option<Dialect>,
    /// Make a type change every value survives to a primary key or identity column as one
    /// `AlterType` step (a dialect whose lowering can, [`Options::for_dialect`]); otherwise it is
    /// refused.
    pub alter_key_types: bool,
    /// Change a deployed column's collation (a dialect that can without blocking writes,
    /// [`Options::for_dialect`]); otherwise it is refused.
    pub change_collations: bool,
    /// Move deployed columns into the declared order (a dialect that can without rewriting
    /// the table, [`Options::for_dialect`]).
    pub move_columns: bool,
    /// Plan changes of the table options of the dialect in `dialect` (MySQL's
    /// `options(mysql: "…")`), for a dialect that has them ([`Options::for_dialect`]).
    pub table_options: bool,
    /// Names that differ only in letter case are one name, renamed (SQLite,
    /// [`Options::for_dialect`]).
    pub names_ignore_case: bool,
}

impl Options {
    /// The options for planning for `dialect`.
    pub fn for_dialect(dialect: migc_stdlib::Dialect, allow_destructive: bool) -> Options {
        let lowering = crate::dialect::for_dialect(dialect);
        let access = lowering.as_ref().map(|l| l.version_access());
        let version_views = access == Some(crate::dialect::VersionAccess::Views);
        Options {
            allow_destructive,
            // Each version sees its own names through its views (a schema or a database of
            // its own).
            renames_in_place: version_views
                || access == Some(crate::dialect::VersionAccess::Databases),
            version_views,
            storage_options: lowering.as_ref().is_some_and(|l| l.has_storage_options()),
            alter_key_types: lowering.as_ref().is_some_and(|l| l.alters_key_types()),
            change_collations: lowering.as_ref().is_some_and(|l| l.changes_collations()),
            table_options: lowering.as_ref().is_some_and(|l| l.has_table_options()),
            names_ignore_case: lowering.as_ref().is_some_and(|l| l.names_ignore_case()),
            move_columns: lowering.is_some_and(|l| l.moves_columns()),
            dialect: Some(dialect),
        }
    }
}

/// Dependency keys of one step.
#[derive(Clone, Debug, Default)]
pub(crate) struct Keys {
    pub provides: Vec<Key>,
    pub needs: Vec<Key>,
    pub releases: Vec<Key>,
    pub removes: Vec<Key>,
}

pub(crate) struct Builder<'s> {
    pub from: &'s Schema,
    pub to: &'s Schema,
    pub options: &'s Options,
    pub steps: Vec<Step>,
    pub keys: Vec<Keys>,
    pub diagnostics: Vec<Diagnostic>,
    /// Columns added by this plan, per table (for views that read them).
    added_columns: BTreeSet<String>,
    /// Deployed name -> declared name of renamed tables.
    renamed_tables: BTreeMap<String, String>,
    /// Enums rebuilt because values are removed: name -> (temporary type, old label -> new
    /// label or `None` when removed).
    rebuilt_enums: BTreeMap<String, (String, BTreeMap<String, Option<String>>)>,
}

fn col_key(table: &str, column: &str) -> Key {
    Key::Column(table.to_string(), column.to_string())
}

fn table_key(table: &str) -> Key {
    Key::Table(table.to_string())
}

fn columns_key(table: &str) -> Key {
    Key::Columns(table.to_string())
}

impl<'s> Builder<'s> {
    pub fn new(from: &'s Schema, to: &'s Schema, options: &'s Options) -> Builder<'s> {
        Builder {
            from,
            to,
            options,
            steps: Vec::new(),
            keys: Vec::new(),
            diagnostics: Vec::new(),
            added_columns: BTreeSet::new(),
            renamed_tables: BTreeMap::new(),
            rebuilt_enums: BTreeMap::new(),
        }
    }

    fn push(
        &mut self,
        phase: Phase,
        object: &str,
        summary: String,
        op: Op,
        origin: Option<Span>,
        mut keys: Keys,
    ) {
        // A table is renamed at contract after every other contract step on it, which all use
        // its deployed name.
        if phase == Phase::Contract {
            match &op {
                Op::RenameTable { from, .. } => keys.needs.push(Key::ContractOn(from.to_string())),
                other => {
                    if let Some(t) = other.table() {
                        keys.provides.push(Key::ContractOn(t.to_string()));
                    }
                }
            }
        }
        if let Op::RenameColumn { table, .. } = &op {
            keys.provides.push(Key::RenamedIn(table.to_string()));
        }
        let kind = serde_json::to_value(&op)
            .ok()
            .and_then(|v| v.get("op").and_then(|o| o.as_str()).map(str::to_string))
            .unwrap_or_default();
        let mut id = format!("{}.{kind}.{object}", phase.name());
        let mut n = 2;
        while self.steps.iter().any(|s| s.id == id) {
            id = format!("{}.{kind}.{object}.{n}", phase.name());
            n += 1;
        }
        self.steps.push(Step {
            id,
            phase,
            summary,
            object: object.to_string(),
            op,
            after: Vec::new(),
            origin: origin.filter(|s| *s != Span::default()),
        });
        self.keys.push(keys);
    }

    fn keys(provides: &[Key], needs: &[Key]) -> Keys {
        Keys {
            provides: provides.to_vec(),
            needs: needs.to_vec(),
            ..Keys::default()
        }
    }

    pub fn build(&mut self) {
        for (name, table) in &self.to.tables {
            if let Some(r) = &table.renamed_from {
                if !self.from.tables.contains_key(name) && self.from.tables.contains_key(r) {
                    self.renamed_tables.insert(r.clone(), name.clone());
                }
            }
        }
        self.enums();
        let pairs = self.tables();
        for (old, new) in pairs {
            self.table_diff(old, new);
        }
        self.views();
        self.natives();
    }

    fn stale(&mut self, span: Span, message: String) {
        let mut d = Diagnostic::warning(Code::StaleHint, message)
            .help("the hint no longer matches the deployed schema: remove it");
        if span != Span::default() {
            d = d.primary(span, "stale hint");
        }
        self.diagnostics.push(d);
    }
}

/// The key a backfill walks the table by ([`Table::walk_key`]), with the columns' types; empty
/// for a table without one.
fn pk_types(table: &Table) -> Vec<(String, ColumnType)> {
    table
        .walk_key()
        .into_iter()
        .flatten()
        .filter_map(|c| table.column(c).map(|col| (c.clone(), col.ty.clone())))
        .collect()
}

fn same_columns(a: &Table, b: &Table) -> bool {
    a.columns.len() == b.columns.len()
        && a.columns
            .iter()
            .zip(&b.columns)
            .all(|(x, y)| x.name == y.name && x.ty == y.ty)
}

fn same_index(a: &Index, b: &Index) -> bool {
    a.name == b.name
        && a.unique == b.unique
        && a.predicate == b.predicate
        && a.parts.len() == b.parts.len()
        && a.parts
            .iter()
            .zip(&b.parts)
            .all(|(x, y)| x.expr == y.expr && x.descending == y.descending)
}

/// The same index under another name.
fn same_index_shape(a: &Index, b: &Index) -> bool {
    let mut renamed = b.clone();
    renamed.name = a.name.clone();
    same_index(a, &renamed)
}

/// The shadow column of an in-place type change.
pub(crate) fn shadow_name(column: &str) -> String {
    crate::names::shadow(column)
}

/// The name an object is built under before it takes its final name at contract.
fn temp_name(name: &str) -> String {
    crate::names::temporary(name)
}

/// Whether an expression gives a different value per row (`gen_uuid()`); such a default cannot
/// be stored once for every existing row.
fn is_volatile(e: &Expr) -> bool {
    // A default written per dialect may be anything: filled for existing rows by a backfill.
    if e.native_spellings().is_some() {
        return true;
    }
    migc_stdlib::functions()
        .iter()
        .filter(|f| f.volatile && f.name != "now" && f.name != "current_date")
        .any(|f| e.sql.to_ascii_lowercase().contains(&format!("{}(", f.name)))
}

/// Type changes every value survives unchanged, so that no `up` is needed and both application
/// versions read and write the column alike: a longer varchar, varchar to text, more decimal
/// precision at the same scale. Such a change is one `AlterType` step; how a database makes it
/// (in place, or by copying the table) is the dialect's lowering.
///
/// A native type (one spelled for `dialect`) widens as the dialect says
/// ([`migc_stdlib::Behaviour::widens_natively`]): MySQL's within a family, a longer text or an
/// integer's display width; a larger integer is a conversion ([`crate::implied`]).
pub(crate) fn widening(from: &ColumnType, to: &ColumnType, dialect: Option<Dialect>) -> bool {
    match (from, to) {
        (ColumnType::Builtin { name: a, args: x }, ColumnType::Builtin { name: b, args: y }) => {
            match (a.as_str(), b.as_str()) {
                ("varchar", "varchar") => y.first() >= x.first(),
                ("varchar", "text") => true,
                ("decimal", "decimal") => y.first() >= x.first() && y.get(1) == x.get(1),
                _ => false,
            }
        }
        _ => {
            let Some(d) = dialect else {
                return false;
            };
            match (spelled_in(from, d), spelled_in(to, d)) {
                (Some(a), Some(b)) => d.behaviour().widens_natively(&a, &b),
                _ => false,
            }
        }
    }
}

/// A type as `dialect` spells it (a native type's spelling for it, a portable type's).
fn spelled_in(ty: &ColumnType, dialect: Dialect) -> Option<String> {
    match ty {
        ColumnType::Native { spellings } => spellings.get(&dialect).cloned(),
        ColumnType::Builtin { name, args } => {
            Some(migc_stdlib::builtin_type(name)?.spelling(dialect, args))
        }
        ColumnType::Enum { .. } => None,
    }
}

/// The values of both types as `dialect` holds them, when at least one is a native type of it
/// (the other may be a portable one, as the dialect spells it) and the dialect knows both
/// ([`migc_stdlib::Behaviour::native_values`]).
pub(crate) fn native_values(
    from: &ColumnType,
    to: &ColumnType,
    dialect: Option<Dialect>,
) -> Option<(MysqlValues, MysqlValues)> {
    let native = |t: &ColumnType| matches!(t, ColumnType::Native { .. });
    if !native(from) && !native(to) {
        return None;
    }
    let d = dialect?;
    let values = |t: &ColumnType| d.behaviour().native_values(&spelled_in(t, d)?);
    Some((values(from)?, values(to)?))
}

/// Whether a column is a primary key column or an identity (deployed or declared): a shadow
/// column cannot take its place.
pub(crate) fn key_or_identity(table: &Table, old: &Column, new: &Column) -> bool {
    old.identity
        || new.identity
        || table
            .primary_key
            .iter()
            .any(|pk| pk.columns.contains(&old.name))
}

/// Whether a column of `table` is what a foreign key of `from` references.
pub(crate) fn referenced(from: &Schema, table: &str, column: &str) -> bool {
    from.tables.values().any(|x| {
        x.foreign_keys
            .iter()
            .any(|fk| fk.ref_table == table && fk.ref_columns.iter().any(|c| c == column))
    })
}

/// The columns of `table` an expression mentions (by identifier).
pub(crate) fn referenced_columns(table: &Table, e: &Expr) -> Vec<String> {
    crate::sql::identifiers(&e.sql)
        .into_iter()
        .filter(|i| table.column(i).is_some())
        .collect()
}

/// A column name as an SQL identifier in the neutral text (quoted when not plain lower case).
pub(crate) fn quote_generic(name: &str) -> String {
    migc_compiler::schema::quoted(name)
}
