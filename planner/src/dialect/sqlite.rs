//! SQLite 3.35+ lowering.
//!
//! SQLite's DDL is transactional and the database has one writer, so **each phase script is one
//! transaction**: every statement of the phase applies, or none does. The `sqlite3` shell does not
//! stop at a failed statement when it reads a script from standard input (it goes on and exits
//! with status 1 at the end), so a script cannot rely on stopping: every statement records what
//! it expects in a temporary table, and the last statements before `COMMIT` roll the whole
//! transaction back (`RAISE(ROLLBACK, …)` from a temporary trigger, the only place SQLite accepts
//! `RAISE`) unless every record says yes. Nothing that runs after such a rollback can change
//! anything: only `COMMIT` (which then fails: no transaction) and `PRAGMA foreign_keys = ON`
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
//!   foreign_keys = OFF` outside the transaction, a new table with the target definition, `INSERT
//!   … SELECT` of every row (rowid and `INTEGER PRIMARY KEY` values kept), `DROP TABLE`, `ALTER
//!   TABLE … RENAME TO` (under `legacy_alter_table` so that views reading the table keep
//!   resolving by name), every index and trigger created again, `foreign_key_check`.
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
//! - Backfill: a plain script cannot loop, so each table is filled by one `UPDATE` of every row
//!   still needing it, in the phase's transaction. That holds the database's write lock for the
//!   whole update (readers go on in WAL mode); SQLite has one writer, so batches would not let
//!   writes of the application run in between anyway unless committed separately.
//! - A renamed table is a view under its new name with `INSTEAD OF` triggers until contract
//!   renames the table. An insert through the view cannot return the generated key
//!   (`last_insert_rowid()` is the trigger's, and `RETURNING` reports the view's row).

use super::{Context, Lowered, Lowering, Unit};
use crate::sql::{literal, quote};
use crate::step::{Op, Phase, Step, Sync};
use migc_compiler::schema::*;
use migc_grammar::{Code, Diagnostic, Span};
use migc_stdlib::Dialect;
use sqlparser::ast::{self, visit_expressions_mut};
use sqlparser::dialect::GenericDialect;
use sqlparser::parser::Parser;
use std::collections::{BTreeMap, BTreeSet};
use std::ops::ControlFlow;

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

fn q(name: &str) -> String {
    quote(name, D)
}

fn unit(sql: String) -> Unit {
    Unit {
        sql,
        transactional: true,
    }
}

fn comment(text: &str) -> String {
    text.lines()
        .map(|l| format!("-- {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

// -------------------------------------------------------------------------------------------
// Expressions

fn parse_expr(sql: &str) -> Option<ast::Expr> {
    Parser::new(&GenericDialect {})
        .try_with_sql(sql)
        .and_then(|mut p| p.parse_expr())
        .ok()
}

/// Casts to an enum type (`CAST(x AS order_status__migc)`) become casts to `TEXT`: SQLite has
/// no enum types, and a cast to an unknown type name has NUMERIC affinity, which turns a label
/// into 0.
fn fix_casts(sql: &str) -> String {
    let Some(mut e) = parse_expr(sql) else {
        return sql.to_string();
    };
    let mut changed = false;
    let _ = visit_expressions_mut(&mut e, |x: &mut ast::Expr| {
        if let ast::Expr::Cast { data_type, .. } = x {
            if matches!(data_type, ast::DataType::Custom(..)) {
                *data_type = ast::DataType::Text;
                changed = true;
            }
        }
        ControlFlow::<()>::Continue(())
    });
    if changed {
        e.to_string()
    } else {
        sql.to_string()
    }
}

fn unspellable(e: &Expr, function: &str) -> Diagnostic {
    let mut d = Diagnostic::error(
        Code::Unsupported,
        format!("`{function}` has no SQLite spelling"),
    )
    .note("SQLite has no such function, so this change cannot be planned for SQLite")
    .help("write the expression with functions SQLite has (substr, instr, replace, …), or plan for another dialect");
    if e.origin != Span::default() {
        d = d.primary(e.origin, "used here");
    }
    d
}

/// An expression of the model spelled for SQLite; column references stay unqualified.
fn expr(e: &Expr) -> Result<String, Diagnostic> {
    crate::sql::render(&fix_casts(&e.sql), D, None).map_err(|u| unspellable(e, &u.function))
}

/// Whether the expression is a literal (what `ALTER TABLE ADD COLUMN` accepts as a default).
fn is_constant(sql: &str) -> bool {
    fn value(e: &ast::Expr) -> Option<&ast::Value> {
        match e {
            ast::Expr::Value(v) => Some(&v.value),
            ast::Expr::Nested(inner) => value(inner),
            _ => None,
        }
    }
    match parse_expr(sql) {
        Some(ast::Expr::UnaryOp {
            op: ast::UnaryOperator::Minus | ast::UnaryOperator::Plus,
            expr,
        }) => matches!(value(&expr), Some(ast::Value::Number(..))),
        Some(e) => matches!(
            value(&e),
            Some(
                ast::Value::Number(..)
                    | ast::Value::SingleQuotedString(_)
                    | ast::Value::Boolean(_)
                    | ast::Value::Null
            )
        ),
        None => false,
    }
}

fn is_null(sql: &str) -> bool {
    matches!(parse_expr(sql), Some(ast::Expr::Value(v)) if v.value == ast::Value::Null)
}

fn default_sql(e: &Expr) -> Result<String, Diagnostic> {
    let text = expr(e)?;
    Ok(if is_constant(&e.sql) {
        text
    } else {
        format!("({text})")
    })
}

// -------------------------------------------------------------------------------------------
// The physical model: what the database holds at a point of the plan

#[derive(Clone, Debug)]
struct Col {
    /// Stays the same through renames, so a rebuild knows where each column comes from.
    id: u32,
    def: Column,
    /// Accepts null while the dual-write trigger fills it right after each insert.
    relaxed: bool,
    /// The labels of its enum, when its type is one.
    labels: Option<Vec<String>>,
    /// Labels renamed since the table was last rebuilt (old -> new).
    remap: Vec<(String, String)>,
}

#[derive(Clone, Debug)]
struct Tbl {
    name: String,
    cols: Vec<Col>,
    pk: Option<PrimaryKey>,
    checks: Vec<Check>,
    fks: Vec<ForeignKey>,
    /// Indexes and unique constraints (unique indexes in SQLite).
    indexes: Vec<Index>,
    /// Checks and foreign keys added for new rows only; enforced once validated.
    pending_checks: Vec<Check>,
    pending_fks: Vec<ForeignKey>,
    /// `(check name, column)` of not-null checks waiting for `SET NOT NULL`.
    not_null_checks: Vec<(String, String)>,
    sync: Option<Sync>,
}

impl Tbl {
    fn col(&self, name: &str) -> Option<&Col> {
        self.cols.iter().find(|c| c.def.name == name)
    }

    fn col_mut(&mut self, name: &str) -> Option<&mut Col> {
        self.cols.iter_mut().find(|c| c.def.name == name)
    }

    /// Renames a column and every reference to it.
    fn rename_column(&mut self, from: &str, to: &str) {
        let map: BTreeMap<String, String> = [(from.to_string(), to.to_string())].into();
        let rename = |e: &mut Expr| e.sql = crate::sql::rename_identifiers(&e.sql, &map);
        let rename_list = |cols: &mut Vec<String>| {
            for c in cols.iter_mut() {
                if c == from {
                    *c = to.to_string();
                }
            }
        };
        for c in &mut self.cols {
            if c.def.name == from {
                c.def.name = to.to_string();
            }
        }
        if let Some(pk) = &mut self.pk {
            rename_list(&mut pk.columns);
        }
        for ck in self.checks.iter_mut().chain(self.pending_checks.iter_mut()) {
            rename(&mut ck.expr);
        }
        for fk in self.fks.iter_mut().chain(self.pending_fks.iter_mut()) {
            rename_list(&mut fk.columns);
        }
        for i in &mut self.indexes {
            for p in &mut i.parts {
                rename(&mut p.expr);
                if p.column.as_deref() == Some(from) {
                    p.column = Some(to.to_string());
                }
            }
            if let Some(p) = &mut i.predicate {
                rename(p);
            }
        }
        for (_, c) in &mut self.not_null_checks {
            if c == from {
                *c = to.to_string();
            }
        }
    }

    /// Columns the dual-write trigger fills right after an insert accept null while it is
    /// installed: SQLite checks NOT NULL before `AFTER` triggers run.
    fn refresh_relaxed(&mut self) {
        let filled = self.filled();
        for c in &mut self.cols {
            c.relaxed = !c.def.nullable && filled.contains(&c.def.name);
        }
    }

    /// Checks SQLite would test while a row is half written (before the dual-write trigger fills
    /// it): those that mix columns the trigger fills with columns an application writes. While
    /// the trigger is installed, it tests them itself once the row is complete.
    fn deferred_checks(&self) -> Vec<&Check> {
        let filled = self.filled();
        if filled.is_empty() {
            return Vec::new();
        }
        self.checks
            .iter()
            .filter(|c| {
                let cols: Vec<String> = crate::sql::identifiers(&c.expr.sql)
                    .into_iter()
                    .filter(|i| self.col(i).is_some())
                    .collect();
                cols.iter().any(|x| filled.contains(x)) && cols.iter().any(|x| !filled.contains(x))
            })
            .collect()
    }

    /// Columns the dual-write trigger fills (for one application or the other).
    fn filled(&self) -> BTreeSet<String> {
        match &self.sync {
            Some(s) => s
                .new_columns
                .iter()
                .chain(&s.shadows)
                .map(|(c, _)| c.clone())
                .chain(
                    s.old_columns
                        .iter()
                        .filter(|(_, d)| d.is_some())
                        .map(|(c, _)| c.clone()),
                )
                .collect(),
            None => BTreeSet::new(),
        }
    }

    /// The single `INTEGER` primary key column that is the rowid, if any.
    fn rowid_alias(&self) -> Option<&str> {
        let pk = self.pk.as_ref()?;
        let [c] = pk.columns.as_slice() else {
            return None;
        };
        let col = self.col(c)?;
        col_type(col)
            .ok()
            .filter(|t| t.eq_ignore_ascii_case("integer"))
            .map(|_| c.as_str())
    }
}

#[derive(Clone, Debug, Default)]
struct State {
    tables: BTreeMap<String, Tbl>,
    enums: BTreeMap<String, Vec<String>>,
    views: BTreeMap<String, View>,
    /// Views standing for renamed tables: alias -> table.
    aliases: BTreeMap<String, String>,
}

impl State {
    fn rename_table(&mut self, from: &str, to: &str) {
        if let Some(mut t) = self.tables.remove(from) {
            t.name = to.to_string();
            self.tables.insert(to.to_string(), t);
        }
        for t in self.tables.values_mut() {
            for fk in t.fks.iter_mut().chain(t.pending_fks.iter_mut()) {
                if fk.ref_table == from {
                    fk.ref_table = to.to_string();
                }
            }
        }
        for target in self.aliases.values_mut() {
            if target == from {
                *target = to.to_string();
            }
        }
    }

    /// The tables that hold a column of the enum.
    fn enum_tables(&self, name: &str) -> Vec<String> {
        self.tables
            .values()
            .filter(|t| {
                t.cols
                    .iter()
                    .any(|c| matches!(&c.def.ty, ColumnType::Enum { name: n } if n == name))
            })
            .map(|t| t.name.clone())
            .collect()
    }
}

// -------------------------------------------------------------------------------------------
// Rendering the model

fn col_type(c: &Col) -> Result<String, Diagnostic> {
    let unsupported = |m: String| {
        let mut d = Diagnostic::error(Code::Unsupported, m)
            .help("add `sqlite: \"...\"` to the native type");
        if c.def.origin != Span::default() {
            d = d.primary(c.def.origin, "column declared here");
        }
        d
    };
    match &c.def.ty {
        ColumnType::Builtin { name, args } => migc_stdlib::builtin_type(name)
            .map(|t| t.spelling(D, args))
            .ok_or_else(|| unsupported(format!("unknown type `{name}`"))),
        ColumnType::Enum { .. } => Ok("text".to_string()),
        ColumnType::Native { spellings } => spellings.get(&D).cloned().ok_or_else(|| {
            unsupported(format!(
                "the native type `{}` has no SQLite spelling",
                c.def.ty
            ))
        }),
    }
}

fn col_def(c: &Col) -> Result<String, Diagnostic> {
    let mut s = format!("{} {}", q(&c.def.name), col_type(c)?);
    if !c.def.nullable && !c.relaxed {
        s.push_str(" NOT NULL");
    }
    if let Some(d) = &c.def.default {
        s.push_str(&format!(" DEFAULT {}", default_sql(d)?));
    }
    if let Some(labels) = &c.labels {
        let labels: Vec<String> = labels.iter().map(|l| literal(l)).collect();
        s.push_str(&format!(
            " CHECK ({} IN ({}))",
            q(&c.def.name),
            labels.join(", ")
        ));
    }
    Ok(s)
}

fn columns(cols: &[String]) -> String {
    cols.iter().map(|c| q(c)).collect::<Vec<_>>().join(", ")
}

fn fk_clause(fk: &ForeignKey) -> String {
    let mut s = format!(
        "FOREIGN KEY ({}) REFERENCES {} ({})",
        columns(&fk.columns),
        q(&fk.ref_table),
        columns(&fk.ref_columns)
    );
    if fk.on_delete != FkAction::NoAction {
        s.push_str(&format!(" ON DELETE {}", fk.on_delete.sql()));
    }
    if fk.on_update != FkAction::NoAction {
        s.push_str(&format!(" ON UPDATE {}", fk.on_update.sql()));
    }
    s
}

/// The table constraints as written in `CREATE TABLE`.
fn constraints(t: &Tbl) -> Result<Vec<String>, Diagnostic> {
    let mut out = Vec::new();
    if let Some(pk) = &t.pk {
        out.push(format!("PRIMARY KEY ({})", columns(&pk.columns)));
    }
    let deferred = t.deferred_checks();
    for ck in &t.checks {
        if deferred
            .iter()
            .any(|d| d.name == ck.name && d.expr == ck.expr)
        {
            continue;
        }
        out.push(format!(
            "CONSTRAINT {} CHECK ({})",
            q(&ck.name),
            expr(&ck.expr)?
        ));
    }
    for fk in &t.fks {
        out.push(fk_clause(fk));
    }
    Ok(out)
}

fn create_table(t: &Tbl, name: &str) -> Result<String, Diagnostic> {
    let mut lines = Vec::new();
    for c in &t.cols {
        lines.push(col_def(c)?);
    }
    lines.extend(constraints(t)?);
    Ok(format!(
        "CREATE TABLE {} (\n  {}\n);",
        q(name),
        lines.join(",\n  ")
    ))
}

fn index_sql(table: &str, index: &Index) -> Result<String, Diagnostic> {
    let mut parts = Vec::new();
    for p in &index.parts {
        let mut s = match &p.column {
            Some(c) => q(c),
            None => format!("({})", expr(&p.expr)?),
        };
        if p.descending {
            s.push_str(" DESC");
        }
        parts.push(s);
    }
    let mut s = format!(
        "CREATE {}INDEX {} ON {} ({})",
        if index.unique { "UNIQUE " } else { "" },
        q(&index.name),
        q(table),
        parts.join(", ")
    );
    if let Some(p) = &index.predicate {
        s.push_str(&format!(" WHERE {}", expr(p)?));
    }
    s.push(';');
    Ok(s)
}

fn guard_name(table: &str) -> String {
    format!("migc_sync_{table}_guard")
}

fn trigger_name(table: &str, event: &str) -> String {
    format!("migc_sync_{table}_{event}")
}

/// The dual-write triggers of a table, by name.
fn sync_triggers(t: &Tbl) -> Result<Vec<(String, String)>, Diagnostic> {
    let Some(sync) = &t.sync else {
        return Ok(Vec::new());
    };
    let table = q(&t.name);
    let guard = q(&guard_name(&t.name));
    let new_cols: Vec<&str> = sync.new_columns.iter().map(|(c, _)| c.as_str()).collect();
    let mut old_cols: Vec<String> = Vec::new();
    for (_, up) in &sync.new_columns {
        for i in crate::sql::identifiers(&up.sql) {
            if !old_cols.contains(&i) && !new_cols.contains(&i.as_str()) && t.col(&i).is_some() {
                old_cols.push(i);
            }
        }
    }
    for (c, _) in &sync.old_columns {
        if !old_cols.contains(c) {
            old_cols.push(c.clone());
        }
    }
    let changed = |cols: &[&str]| {
        if cols.is_empty() {
            "0".to_string()
        } else {
            cols.iter()
                .map(|c| format!("NEW.{0} IS NOT OLD.{0}", q(c)))
                .collect::<Vec<_>>()
                .join(" OR ")
        }
    };
    let old_refs: Vec<&str> = old_cols.iter().map(String::as_str).collect();
    let all_new_null = if new_cols.is_empty() {
        "1".to_string()
    } else {
        new_cols
            .iter()
            .map(|c| format!("NEW.{} IS NULL", q(c)))
            .collect::<Vec<_>>()
            .join(" AND ")
    };
    let mut ups = Vec::new();
    for (c, up) in &sync.new_columns {
        ups.push(format!("{} = {}", q(c), expr(up)?));
    }
    let mut downs = Vec::new();
    for (c, down) in &sync.old_columns {
        if let Some(d) = down {
            downs.push(format!("{} = {}", q(c), expr(d)?));
        }
    }
    let mut shadows = Vec::new();
    for (c, up) in &sync.shadows {
        let sources: Vec<String> = crate::sql::identifiers(&up.sql)
            .into_iter()
            .filter(|i| t.col(i).is_some())
            .collect();
        let sources: Vec<&str> = sources.iter().map(String::as_str).collect();
        shadows.push((
            c.clone(),
            format!("{} = {}", q(c), expr(up)?),
            changed(&sources),
        ));
    }
    let row = "rowid = NEW.rowid";
    let mut insert = vec![format!(
        "  INSERT OR REPLACE INTO {guard} (active) VALUES (1);"
    )];
    if !shadows.is_empty() {
        let sets: Vec<&str> = shadows.iter().map(|(_, s, _)| s.as_str()).collect();
        insert.push(format!(
            "  -- shadow columns of type changes follow the deployed columns\n  UPDATE {table} SET {} WHERE {row};",
            sets.join(", ")
        ));
    }
    if !ups.is_empty() {
        insert.push(format!(
            "  -- written by the old application: the new columns from the deployed ones\n  UPDATE {table} SET {} WHERE {row} AND {all_new_null};",
            ups.join(", ")
        ));
    }
    if !downs.is_empty() {
        insert.push(format!(
            "  -- written by the new application: the deployed columns from the new ones\n  UPDATE {table} SET {} WHERE {row} AND NOT ({all_new_null});",
            downs.join(", ")
        ));
    }
    insert.push(format!("  DELETE FROM {guard};"));
    let mut enforce = Vec::new();
    for ck in t.deferred_checks() {
        enforce.push(format!(
            "  SELECT RAISE(ABORT, {}) FROM {table} WHERE {row} AND NOT ({});",
            literal(&format!("CHECK constraint failed: {}", ck.name)),
            expr(&ck.expr)?
        ));
    }
    if !enforce.is_empty() {
        insert.push(format!(
            "  -- checks that mix columns the trigger fills with columns the application writes\n{}",
            enforce.join("\n")
        ));
    }
    let mut update = Vec::new();
    for (shadow, set, changed_sources) in &shadows {
        update.push(format!(
            "  UPDATE {table} SET {set} WHERE {row} AND ({changed_sources} OR NEW.{} IS NULL);",
            q(shadow)
        ));
    }
    let old_changed = changed(&old_refs);
    let new_changed = changed(&new_cols);
    // Columns only the old application has: a write that changes the new columns is the new
    // application's unless it also changes one of those (columns both versions have, such as a
    // source of `up` that stays, do not tell the writer apart).
    let leaving: Vec<&str> = sync.old_columns.iter().map(|(c, _)| c.as_str()).collect();
    let leaving_changed = changed(&leaving);
    if !ups.is_empty() {
        update.push(format!(
            "  -- updated by the old application (or a row not filled yet)\n  UPDATE {table} SET {} WHERE {row} AND ({old_changed} OR {all_new_null}) AND NOT ({new_changed});",
            ups.join(", ")
        ));
    }
    if !downs.is_empty() {
        update.push(format!(
            "  -- updated by the new application\n  UPDATE {table} SET {} WHERE {row} AND ({new_changed}) AND NOT ({leaving_changed});",
            downs.join(", ")
        ));
    }
    if !enforce.is_empty() {
        update.push(format!(
            "  -- checks that mix columns the trigger fills with columns the application writes\n{}",
            enforce.join("\n")
        ));
    }
    let mut out = Vec::new();
    let name = trigger_name(&t.name, "insert");
    out.push((
        name.clone(),
        format!(
            "CREATE TRIGGER {} AFTER INSERT ON {table}\nBEGIN\n{}\nEND;",
            q(&name),
            insert.join("\n")
        ),
    ));
    if !update.is_empty() {
        let name = trigger_name(&t.name, "update");
        out.push((
            name.clone(),
            format!(
                "CREATE TRIGGER {} AFTER UPDATE ON {table}\nWHEN NOT EXISTS (SELECT 1 FROM {guard})\nBEGIN\n{}\nEND;",
                q(&name),
                update.join("\n")
            ),
        ));
    }
    Ok(out)
}

fn create_guard(table: &str) -> String {
    format!(
        "CREATE TABLE {} (active INTEGER PRIMARY KEY);",
        q(&guard_name(table))
    )
}

/// The view standing for a renamed table, with the triggers that make it writable.
fn alias_sql(t: &Tbl, alias: &str) -> Result<Vec<String>, Diagnostic> {
    let table = q(&t.name);
    let view = q(alias);
    let Some(pk) = &t.pk else {
        return Err(Diagnostic::error(
            Code::Unsupported,
            format!(
                "table `{}` has no primary key: SQLite cannot write through the view `{alias}`",
                t.name
            ),
        ));
    };
    let key = pk
        .columns
        .iter()
        .map(|c| format!("{0} = OLD.{0}", q(c)))
        .collect::<Vec<_>>()
        .join(" AND ");
    let mut names = Vec::new();
    let mut values = Vec::new();
    let mut sets = Vec::new();
    for c in &t.cols {
        names.push(q(&c.def.name));
        values.push(match &c.def.default {
            Some(d) => format!("coalesce(NEW.{}, {})", q(&c.def.name), expr(d)?),
            None => format!("NEW.{}", q(&c.def.name)),
        });
        sets.push(format!("{0} = NEW.{0}", q(&c.def.name)));
    }
    let trig = |event: &str| q(&format!("migc_alias_{alias}_{event}"));
    Ok(vec![
        format!("CREATE VIEW {view} AS SELECT * FROM {table};"),
        format!(
            "CREATE TRIGGER {} INSTEAD OF INSERT ON {view}\nBEGIN\n  INSERT INTO {table} ({}) VALUES ({});\nEND;",
            trig("insert"),
            names.join(", "),
            values.join(", ")
        ),
        format!(
            "CREATE TRIGGER {} INSTEAD OF UPDATE ON {view}\nBEGIN\n  UPDATE {table} SET {} WHERE {key};\nEND;",
            trig("update"),
            sets.join(", ")
        ),
        format!(
            "CREATE TRIGGER {} INSTEAD OF DELETE ON {view}\nBEGIN\n  DELETE FROM {table} WHERE {key};\nEND;",
            trig("delete")
        ),
    ])
}

// -------------------------------------------------------------------------------------------
// Checks recorded by a script

/// What a script records in `temp.migc_check` as it goes; the verdict at its end compares.
#[derive(Default)]
struct Checks {
    /// Records that must say yes (kinds other than `foreign keys`).
    records: usize,
    /// Row counts taken before rebuilds.
    counters: usize,
    /// Tables rebuilt (their foreign keys and those pointing at them are checked at the end).
    rebuilt: BTreeSet<String>,
}

impl Checks {
    fn record(&mut self, kind: &str, condition: &str) -> String {
        self.records += 1;
        format!(
            "INSERT INTO temp.migc_check (kind, ok) SELECT {}, {condition};",
            literal(kind)
        )
    }
}

/// A table change as SQL.
struct Migration {
    rebuild: bool,
    sql: Vec<String>,
    drops_column: bool,
    builds_index: bool,
}

fn names_list(names: &[String]) -> String {
    names
        .iter()
        .map(|n| literal(n))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Changes table `a` into `b` (same table; columns matched by id). `remap` maps column ids to
/// label renames applied while copying.
fn migrate(
    a: &Tbl,
    b: &Tbl,
    remap: &BTreeMap<u32, Vec<(String, String)>>,
    ck: &mut Checks,
) -> Result<Migration, Diagnostic> {
    let t = &b.name;
    let a_ids: BTreeMap<u32, &Col> = a.cols.iter().map(|c| (c.id, c)).collect();
    let b_ids: BTreeMap<u32, &Col> = b.cols.iter().map(|c| (c.id, c)).collect();
    let renames: Vec<(String, String)> = b
        .cols
        .iter()
        .filter_map(|c| {
            a_ids
                .get(&c.id)
                .filter(|o| o.def.name != c.def.name)
                .map(|o| (o.def.name.clone(), c.def.name.clone()))
        })
        .collect();
    let dropped: Vec<&Col> = a
        .cols
        .iter()
        .filter(|c| !b_ids.contains_key(&c.id))
        .collect();
    let added: Vec<&Col> = b
        .cols
        .iter()
        .filter(|c| !a_ids.contains_key(&c.id))
        .collect();
    // `a` with the renames applied, to compare with `b`.
    let mut ar = a.clone();
    let swap = renames
        .iter()
        .any(|(_, to)| a.col(to).is_some_and(|c| b_ids.contains_key(&c.id)));
    for (i, (from, _)) in renames.iter().enumerate() {
        ar.rename_column(from, &format!("\u{1}migc{i}"));
    }
    for (i, (_, to)) in renames.iter().enumerate() {
        ar.rename_column(&format!("\u{1}migc{i}"), to);
    }
    let mut rebuild = swap || remap.values().any(|m| !m.is_empty());
    for c in &b.cols {
        if let Some(o) = ar.cols.iter().find(|o| o.id == c.id) {
            if col_def(o)? != col_def(c)? {
                rebuild = true;
            }
        }
    }
    if constraints(&ar)? != constraints(b)? {
        rebuild = true;
    }
    let pk_cols: Vec<&String> = b.pk.iter().flat_map(|p| &p.columns).collect();
    for c in &added {
        let default_ok = match &c.def.default {
            None => c.def.nullable || c.relaxed,
            Some(d) => is_constant(&d.sql) && (c.def.nullable || c.relaxed || !is_null(&d.sql)),
        };
        if !default_ok || c.def.identity || pk_cols.contains(&&c.def.name) {
            rebuild = true;
        }
    }
    let a_triggers = sync_triggers(&ar)?;
    let b_triggers = sync_triggers(b)?;
    let mut sql = Vec::new();
    if rebuild {
        let known: Vec<String> = a
            .indexes
            .iter()
            .map(|i| i.name.clone())
            .chain(sync_triggers(a)?.into_iter().map(|(n, _)| n))
            .collect();
        ck.counters += 1;
        let n = ck.counters;
        let new = format!("migc_new_{t}");
        sql.push(format!(
            "-- rebuild {} (copy every row into a new table, then swap it in)",
            q(t)
        ));
        sql.push(format!(
            "INSERT INTO temp.migc_count (n, rows) SELECT {n}, count(*) FROM {};",
            q(&a.name)
        ));
        sql.push(ck.record(
            "unmanaged",
            &format!(
                "NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE tbl_name = {} AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_autoindex_%'{})",
                literal(&a.name),
                if known.is_empty() {
                    String::new()
                } else {
                    format!(" AND name NOT IN ({})", names_list(&known))
                }
            ),
        ));
        sql.push(create_table(b, &new)?);
        let mut targets = Vec::new();
        let mut sources = Vec::new();
        if b.rowid_alias().is_none() {
            targets.push("rowid".to_string());
            sources.push("rowid".to_string());
        }
        for c in &b.cols {
            let Some(o) = a_ids.get(&c.id) else { continue };
            targets.push(q(&c.def.name));
            let source = q(&o.def.name);
            let value = match remap.get(&c.id).filter(|m| !m.is_empty()) {
                Some(m) => {
                    let arms: Vec<String> = m
                        .iter()
                        .map(|(x, y)| format!(" WHEN {} THEN {}", literal(x), literal(y)))
                        .collect();
                    format!("CASE {source}{} ELSE {source} END", arms.concat())
                }
                None => source,
            };
            // A column the dual-write trigger filled gets NOT NULL back: rows that lost its
            // value (a rolled back contract brings it back empty) take it from the new
            // columns, through the trigger's `down`.
            let fill = a
                .sync
                .iter()
                .flat_map(|s| &s.old_columns)
                .find(|(n, _)| n == &o.def.name)
                .and_then(|(_, d)| d.as_ref())
                .filter(|_| !c.def.nullable && !c.relaxed && (o.def.nullable || o.relaxed));
            match fill {
                Some(d) => sources.push(format!("coalesce({value}, {})", expr(d)?)),
                None => sources.push(value),
            }
        }
        sql.push(format!(
            "INSERT INTO {} ({}) SELECT {} FROM {};",
            q(&new),
            targets.join(", "),
            sources.join(", "),
            q(&a.name)
        ));
        sql.push(format!("DROP TABLE {};", q(&a.name)));
        sql.push("PRAGMA legacy_alter_table = ON;".to_string());
        sql.push(format!("ALTER TABLE {} RENAME TO {};", q(&new), q(t)));
        sql.push("PRAGMA legacy_alter_table = OFF;".to_string());
        for i in &b.indexes {
            sql.push(index_sql(t, i)?);
        }
        for (_, s) in &b_triggers {
            sql.push(s.clone());
        }
        if b.sync.is_some() && a.sync.is_none() {
            sql.push(create_guard(t));
        }
        if a.sync.is_some() && b.sync.is_none() {
            sql.push(format!("DROP TABLE {};", q(&guard_name(&a.name))));
        }
        sql.push(ck.record(
            "rows",
            &format!(
                "(SELECT count(*) FROM {}) = (SELECT rows FROM temp.migc_count WHERE n = {n})",
                q(t)
            ),
        ));
        ck.rebuilt.insert(t.clone());
        return Ok(Migration {
            rebuild: true,
            sql,
            drops_column: false,
            builds_index: !b.indexes.is_empty(),
        });
    }
    let triggers_change = a_triggers != b_triggers;
    if triggers_change {
        for (name, _) in sync_triggers(a)? {
            sql.push(format!("DROP TRIGGER {};", q(&name)));
        }
    }
    let index_text = |table: &Tbl| -> Result<BTreeMap<String, String>, Diagnostic> {
        table
            .indexes
            .iter()
            .map(|i| Ok((i.name.clone(), index_sql(t, i)?)))
            .collect()
    };
    let a_idx = index_text(&ar)?;
    let b_idx = index_text(b)?;
    for (name, text) in &a_idx {
        if b_idx.get(name) != Some(text) {
            sql.push(format!("DROP INDEX {};", q(name)));
        }
    }
    for c in &dropped {
        sql.push(format!(
            "ALTER TABLE {} DROP COLUMN {};",
            q(&a.name),
            q(&c.def.name)
        ));
    }
    for (from, to) in &renames {
        sql.push(format!(
            "ALTER TABLE {} RENAME COLUMN {} TO {};",
            q(t),
            q(from),
            q(to)
        ));
    }
    for c in &added {
        sql.push(format!("ALTER TABLE {} ADD COLUMN {};", q(t), col_def(c)?));
    }
    let mut builds_index = false;
    for (name, text) in &b_idx {
        if a_idx.get(name) != Some(text) {
            sql.push(text.clone());
            builds_index = true;
        }
    }
    if b.sync.is_some() && a.sync.is_none() {
        sql.push(create_guard(t));
    }
    if triggers_change {
        for (_, s) in &b_triggers {
            sql.push(s.clone());
        }
    }
    if a.sync.is_some() && b.sync.is_none() {
        sql.push(format!("DROP TABLE {};", q(&guard_name(&a.name))));
    }
    Ok(Migration {
        rebuild: false,
        sql,
        drops_column: !dropped.is_empty(),
        builds_index,
    })
}

// -------------------------------------------------------------------------------------------
// Lowering a plan

/// One change the scripts make, attached to a step.
#[derive(Clone, Debug)]
enum Act {
    /// A table's definition changes from `before` to `after`.
    Table {
        before: Box<Tbl>,
        after: Box<Tbl>,
        remap: BTreeMap<u32, Vec<(String, String)>>,
    },
    CreateTable(Box<Tbl>),
    DropTable(Box<Tbl>),
    RenameTable {
        from: String,
        to: String,
    },
    CreateView(View),
    DropView(View),
    CreateAlias {
        tbl: Box<Tbl>,
        alias: String,
    },
    DropAlias {
        table: String,
        alias: String,
    },
    Backfill {
        table: String,
        assignments: Vec<(String, Expr)>,
        guarded: bool,
    },
    Native {
        up: Vec<String>,
        down: Vec<String>,
    },
    /// Checks that no row holds null in a column whose NOT NULL waits for contract.
    Validate {
        table: String,
        column: String,
    },
}

#[derive(Clone, Debug)]
struct Action {
    /// Index of the step in the plan.
    step: usize,
    seq: usize,
    act: Act,
}

/// What applying a step to the model gave.
enum Effect {
    /// Table definitions changed.
    Tables(Vec<String>),
    /// A change of another kind.
    Other(Act),
    /// Nothing to do in SQLite, with why.
    Nothing(String),
}

struct Run<'a> {
    steps: &'a [Step],
    ctx: &'a Context<'a>,
    busy_timeout_ms: u32,
    next_id: u32,
    st: State,
    out: Vec<Lowered>,
    errors: Vec<Diagnostic>,
    /// Foreign keys of tables the plan creates: written in their `CREATE TABLE`.
    inline_fks: BTreeMap<String, Vec<ForeignKey>>,
}

fn lowered(lock: &str) -> Lowered {
    Lowered {
        batch: None,
        up: Vec::new(),
        down: Vec::new(),
        lock: lock.to_string(),
        rewrite: false,
        scan: false,
        down_loses: None,
    }
}

impl<'a> Run<'a> {
    fn new(steps: &'a [Step], ctx: &'a Context<'a>, busy_timeout_ms: u32) -> Run<'a> {
        let mut inline_fks: BTreeMap<String, Vec<ForeignKey>> = BTreeMap::new();
        for s in steps {
            if let Op::AddForeignKey {
                table,
                fk,
                not_valid: false,
            } = &s.op
            {
                inline_fks
                    .entry(table.clone())
                    .or_default()
                    .push(fk.clone());
            }
        }
        let mut run = Run {
            steps,
            ctx,
            busy_timeout_ms,
            next_id: 0,
            st: State::default(),
            out: steps.iter().map(|_| lowered("none")).collect(),
            errors: Vec::new(),
            inline_fks,
        };
        for (name, e) in &ctx.from.enums {
            run.st.enums.insert(
                name.clone(),
                e.values.iter().map(|v| v.name.clone()).collect(),
            );
        }
        for t in ctx.from.tables.values() {
            let tbl = run.tbl(t, &run.st.enums.clone(), t.foreign_keys.clone(), true);
            run.st.tables.insert(t.name.clone(), tbl);
        }
        run.st.views = ctx.from.views.clone();
        run
    }

    fn tbl(
        &mut self,
        t: &Table,
        enums: &BTreeMap<String, Vec<String>>,
        fks: Vec<ForeignKey>,
        with_indexes: bool,
    ) -> Tbl {
        let cols = t
            .columns
            .iter()
            .map(|c| {
                self.next_id += 1;
                Col {
                    id: self.next_id,
                    def: c.clone(),
                    relaxed: false,
                    labels: match &c.ty {
                        ColumnType::Enum { name } => enums.get(name).cloned(),
                        _ => None,
                    },
                    remap: Vec::new(),
                }
            })
            .collect();
        let mut indexes: Vec<Index> = t.uniques.iter().map(unique_index).collect();
        if with_indexes {
            indexes.extend(t.indexes.iter().cloned());
        }
        Tbl {
            name: t.name.clone(),
            cols,
            pk: t.primary_key.clone(),
            checks: t.checks.clone(),
            fks,
            indexes,
            pending_checks: Vec::new(),
            pending_fks: Vec::new(),
            not_null_checks: Vec::new(),
            sync: None,
        }
    }

    fn run(&mut self) {
        for phase in Phase::ALL {
            self.phase(phase);
        }
    }

    /// Tables whose current definition step `i` relies on (their rebuild must come first).
    fn reads(&self, step: &Step, want: &State) -> Vec<String> {
        let table_of = |name: &str| -> Option<String> {
            if want.tables.contains_key(name) {
                Some(name.to_string())
            } else {
                want.aliases.get(name).cloned()
            }
        };
        match &step.op {
            Op::CreateTableAlias { table, .. }
            | Op::DropTable {
                table: Table { name: table, .. },
            }
            | Op::Backfill { table, .. } => vec![table.clone()],
            // Renaming a table rewrites the foreign keys that reference it.
            Op::RenameTable { from, .. } => std::iter::once(from.clone())
                .chain(
                    want.tables
                        .values()
                        .filter(|t| {
                            t.fks
                                .iter()
                                .chain(&t.pending_fks)
                                .any(|f| &f.ref_table == from)
                        })
                        .map(|t| t.name.clone()),
                )
                .collect(),
            Op::CreateView { view } => view.depends_on.iter().filter_map(|d| table_of(d)).collect(),
            Op::Native { .. } => want.tables.keys().cloned().collect(),
            _ => Vec::new(),
        }
    }

    fn phase(&mut self, phase: Phase) {
        let idx: Vec<usize> = (0..self.steps.len())
            .filter(|&i| self.steps[i].phase == phase)
            .collect();
        if idx.is_empty() {
            return;
        }
        let start = self.st.clone();
        let mut phys = self.st.clone();
        let mut want = self.st.clone();
        let mut groups: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        let mut actions: Vec<Action> = Vec::new();
        let mut seq = 0;
        // step -> (table, step that rebuilds it)
        let mut absorbed: BTreeMap<usize, (String, usize)> = BTreeMap::new();
        let mut notes: BTreeMap<usize, String> = BTreeMap::new();
        let close = |t: &str,
                     groups: &mut BTreeMap<String, Vec<usize>>,
                     phys: &mut State,
                     want: &mut State,
                     actions: &mut Vec<Action>,
                     absorbed: &mut BTreeMap<usize, (String, usize)>,
                     seq: &mut usize| {
            let Some(members) = groups.remove(t) else {
                return;
            };
            let Some(&last) = members.last() else { return };
            let (Some(before), Some(after)) = (phys.tables.get(t), want.tables.get_mut(t)) else {
                return;
            };
            let remap: BTreeMap<u32, Vec<(String, String)>> = after
                .cols
                .iter()
                .filter(|c| !c.remap.is_empty())
                .map(|c| (c.id, c.remap.clone()))
                .collect();
            for c in &mut after.cols {
                c.remap.clear();
            }
            actions.push(Action {
                step: last,
                seq: *seq,
                act: Act::Table {
                    before: Box::new(before.clone()),
                    after: Box::new(after.clone()),
                    remap,
                },
            });
            *seq += 1;
            phys.tables.insert(t.to_string(), after.clone());
            for &m in &members {
                if m != last {
                    absorbed.insert(m, (t.to_string(), last));
                }
            }
        };
        for &i in &idx {
            let step = &self.steps[i];
            let reads = self.reads(step, &want);
            let to_close: Vec<String> = groups
                .iter()
                .filter(|(t, members)| {
                    reads.contains(t) || step.after.iter().any(|a| members.contains(a))
                })
                .map(|(t, _)| t.clone())
                .collect();
            for t in to_close {
                close(
                    &t,
                    &mut groups,
                    &mut phys,
                    &mut want,
                    &mut actions,
                    &mut absorbed,
                    &mut seq,
                );
            }
            let effect = match self.apply(step, &mut phys, &mut want) {
                Ok(e) => e,
                Err(d) => {
                    self.errors.push(d);
                    continue;
                }
            };
            match effect {
                Effect::Nothing(why) => {
                    notes.insert(i, why);
                }
                Effect::Other(act) => {
                    actions.push(Action { step: i, seq, act });
                    seq += 1;
                }
                Effect::Tables(tables) => {
                    for t in tables {
                        if let Some(members) = groups.get_mut(&t) {
                            members.push(i);
                            continue;
                        }
                        let (Some(before), Some(after)) =
                            (phys.tables.get(&t), want.tables.get(&t))
                        else {
                            continue;
                        };
                        let has_remap = after.cols.iter().any(|c| !c.remap.is_empty());
                        let m = match migrate(
                            before,
                            after,
                            &BTreeMap::new(),
                            &mut Checks::default(),
                        ) {
                            Ok(m) => m,
                            Err(d) => {
                                self.errors.push(d);
                                continue;
                            }
                        };
                        if m.rebuild || has_remap {
                            groups.insert(t.clone(), vec![i]);
                        } else if m.sql.is_empty() {
                            phys.tables.insert(t.clone(), after.clone());
                        } else {
                            actions.push(Action {
                                step: i,
                                seq,
                                act: Act::Table {
                                    before: Box::new(before.clone()),
                                    after: Box::new(after.clone()),
                                    remap: BTreeMap::new(),
                                },
                            });
                            seq += 1;
                            phys.tables.insert(t.clone(), after.clone());
                        }
                    }
                }
            }
        }
        let open: Vec<String> = groups.keys().cloned().collect();
        for t in open {
            close(
                &t,
                &mut groups,
                &mut phys,
                &mut want,
                &mut actions,
                &mut absorbed,
                &mut seq,
            );
        }
        let position: BTreeMap<usize, usize> =
            idx.iter().enumerate().map(|(p, &i)| (i, p)).collect();
        actions.sort_by_key(|a| (position.get(&a.step).copied().unwrap_or(0), a.seq));
        // `want` holds what `phys` does, and what the database does not show (checks waiting for
        // validation, not-null checks, enum type names).
        drop(phys);
        self.st = want;
        if let Err(d) = self.emit(phase, &idx, &start, &actions, &absorbed, &notes) {
            self.errors.push(d);
        }
    }

    /// Applies a step to the desired state (and to the physical one for changes that are not
    /// table definitions).
    fn apply(
        &mut self,
        step: &Step,
        phys: &mut State,
        want: &mut State,
    ) -> Result<Effect, Diagnostic> {
        let missing = |t: &str| {
            Diagnostic::error(
                Code::Unsupported,
                format!("internal: step `{}` acts on table `{t}`, which the plan does not have at that point", step.id),
            )
        };
        macro_rules! table {
            ($t:expr) => {
                want.tables
                    .get_mut($t.as_str())
                    .ok_or_else(|| missing($t))?
            };
        }
        let effect = match &step.op {
            Op::CreateEnum { name, values } => {
                want.enums.insert(name.clone(), values.clone());
                phys.enums.insert(name.clone(), values.clone());
                Effect::Nothing(format!(
                    "SQLite has no enum types: columns of `{name}` are text with a check of its labels"
                ))
            }
            Op::AddEnumValue { name, value, after } => {
                let mut labels = want.enums.get(name).cloned().unwrap_or_default();
                if !labels.contains(value) {
                    let at = match after {
                        Some(a) => labels
                            .iter()
                            .position(|l| l == a)
                            .map_or(labels.len(), |p| p + 1),
                        None => 0,
                    };
                    labels.insert(at, value.clone());
                }
                want.enums.insert(name.clone(), labels.clone());
                phys.enums.insert(name.clone(), labels.clone());
                let tables = want.enum_tables(name);
                for t in &tables {
                    for c in &mut table!(t).cols {
                        if matches!(&c.def.ty, ColumnType::Enum { name: n } if n == name) {
                            c.labels = Some(labels.clone());
                        }
                    }
                }
                if tables.is_empty() {
                    Effect::Nothing(format!("no column has the type `{name}` yet"))
                } else {
                    Effect::Tables(tables)
                }
            }
            Op::RenameEnumValue { name, from, to } => {
                for e in [&mut *want, &mut *phys] {
                    if let Some(labels) = e.enums.get_mut(name) {
                        for l in labels.iter_mut() {
                            if l == from {
                                *l = to.clone();
                            }
                        }
                    }
                }
                let tables = want.enum_tables(name);
                for t in &tables {
                    for c in &mut table!(t).cols {
                        if matches!(&c.def.ty, ColumnType::Enum { name: n } if n == name) {
                            if let Some(labels) = &mut c.labels {
                                for l in labels.iter_mut() {
                                    if l == from {
                                        *l = to.clone();
                                    }
                                }
                            }
                            c.remap.push((from.clone(), to.clone()));
                        }
                    }
                }
                if tables.is_empty() {
                    Effect::Nothing(format!("no column has the type `{name}`"))
                } else {
                    Effect::Tables(tables)
                }
            }
            Op::DropEnum { name, .. } => {
                want.enums.remove(name);
                phys.enums.remove(name);
                Effect::Nothing(format!(
                    "SQLite has no enum types: nothing holds `{name}` any more"
                ))
            }
            Op::RenameEnum { from, to } => {
                for s in [&mut *want, &mut *phys] {
                    if let Some(v) = s.enums.remove(from) {
                        s.enums.insert(to.clone(), v);
                    }
                    for t in s.tables.values_mut() {
                        for c in &mut t.cols {
                            if matches!(&c.def.ty, ColumnType::Enum { name } if name == from) {
                                c.def.ty = ColumnType::Enum { name: to.clone() };
                            }
                        }
                    }
                }
                Effect::Nothing(format!(
                    "SQLite has no enum types: the columns of `{from}` already check the labels of `{to}`"
                ))
            }
            Op::CreateTable { table } => {
                let fks = self
                    .inline_fks
                    .get(&table.name)
                    .cloned()
                    .unwrap_or_default();
                let tbl = self.tbl(table, &want.enums.clone(), fks, false);
                want.tables.insert(table.name.clone(), tbl.clone());
                phys.tables.insert(table.name.clone(), tbl.clone());
                Effect::Other(Act::CreateTable(Box::new(tbl)))
            }
            Op::DropTable { table } => {
                let tbl = phys
                    .tables
                    .get(&table.name)
                    .cloned()
                    .ok_or_else(|| missing(&table.name))?;
                want.tables.remove(&table.name);
                phys.tables.remove(&table.name);
                Effect::Other(Act::DropTable(Box::new(tbl)))
            }
            Op::CreateTableAlias { table, alias } => {
                let tbl = phys
                    .tables
                    .get(table)
                    .cloned()
                    .ok_or_else(|| missing(table))?;
                want.aliases.insert(alias.clone(), table.clone());
                phys.aliases.insert(alias.clone(), table.clone());
                Effect::Other(Act::CreateAlias {
                    tbl: Box::new(tbl),
                    alias: alias.clone(),
                })
            }
            Op::DropTableAlias { table, alias } => {
                want.aliases.remove(alias);
                phys.aliases.remove(alias);
                Effect::Other(Act::DropAlias {
                    table: table.clone(),
                    alias: alias.clone(),
                })
            }
            Op::RenameTable { from, to } => {
                want.rename_table(from, to);
                phys.rename_table(from, to);
                Effect::Other(Act::RenameTable {
                    from: from.clone(),
                    to: to.clone(),
                })
            }
            Op::AddColumn { table, column } => {
                let labels = match &column.ty {
                    ColumnType::Enum { name } => want.enums.get(name).cloned(),
                    _ => None,
                };
                self.next_id += 1;
                let id = self.next_id;
                table!(table).cols.push(Col {
                    id,
                    def: column.clone(),
                    relaxed: false,
                    labels,
                    remap: Vec::new(),
                });
                Effect::Tables(vec![table.clone()])
            }
            Op::DropColumn { table, column } => {
                table!(table).cols.retain(|c| c.def.name != column.name);
                Effect::Tables(vec![table.clone()])
            }
            Op::AlterType {
                table, column, to, ..
            } => {
                if let Some(c) = table!(table).col_mut(column) {
                    c.def.ty = to.clone();
                }
                Effect::Tables(vec![table.clone()])
            }
            Op::SetDefault {
                table,
                column,
                default,
                ..
            } => {
                if let Some(c) = table!(table).col_mut(column) {
                    c.def.default = default.clone();
                }
                Effect::Tables(vec![table.clone()])
            }
            Op::AddNotNullCheck {
                table,
                column,
                name,
            } => {
                table!(table)
                    .not_null_checks
                    .push((name.clone(), column.clone()));
                Effect::Nothing(format!(
                    "SQLite has no NOT VALID: `{table}.{column}` accepts null until a table rebuild makes it NOT NULL (at switch, or at contract when the dual-write trigger fills it)"
                ))
            }
            Op::SetNotNull { table, column, .. } => {
                let t = table!(table);
                t.not_null_checks.retain(|(_, c)| c != column);
                if let Some(c) = t.col_mut(column) {
                    c.def.nullable = false;
                }
                t.refresh_relaxed();
                if t.col(column).is_some_and(|c| c.relaxed) {
                    // The dual-write trigger fills the column after NOT NULL is checked: the
                    // constraint waits for contract, the rows are checked now.
                    Effect::Other(Act::Validate {
                        table: table.clone(),
                        column: column.clone(),
                    })
                } else {
                    Effect::Tables(vec![table.clone()])
                }
            }
            Op::DropNotNull { table, column } => {
                if let Some(c) = table!(table).col_mut(column) {
                    c.def.nullable = true;
                }
                Effect::Tables(vec![table.clone()])
            }
            Op::CreateIndex { table, index } => {
                let t = table!(table);
                t.indexes.retain(|i| i.name != index.name);
                t.indexes.push(index.clone());
                Effect::Tables(vec![table.clone()])
            }
            Op::DropIndex { table, index, .. } => {
                table!(table).indexes.retain(|i| i.name != index.name);
                Effect::Tables(vec![table.clone()])
            }
            Op::AttachUnique { unique, .. } => Effect::Nothing(format!(
                "SQLite keeps unique constraints as unique indexes: `{}` already enforces it",
                unique.name
            )),
            Op::AddCheck {
                table,
                check,
                not_valid,
            } => {
                let t = table!(table);
                if *not_valid {
                    t.pending_checks.push(check.clone());
                    Effect::Nothing(format!(
                        "SQLite has no NOT VALID: check `{}` is enforced from switch on, when the table is rebuilt and every row checked; until then rows that break it are not refused",
                        check.name
                    ))
                } else {
                    t.checks.push(check.clone());
                    Effect::Tables(vec![table.clone()])
                }
            }
            Op::AddForeignKey {
                table,
                fk,
                not_valid,
            } => {
                let t = table!(table);
                if *not_valid {
                    t.pending_fks.push(fk.clone());
                    Effect::Nothing(format!(
                        "SQLite has no NOT VALID: foreign key `{}` is enforced from switch on, when the table is rebuilt and every row checked; until then rows without a parent are not refused",
                        fk.name
                    ))
                } else if t.fks.iter().any(|f| f.name == fk.name) {
                    Effect::Nothing(format!(
                        "SQLite adds foreign keys with the table: `{}` is in its CREATE TABLE",
                        fk.name
                    ))
                } else {
                    t.fks.push(fk.clone());
                    Effect::Tables(vec![table.clone()])
                }
            }
            Op::ValidateConstraint { table, name } => {
                let t = table!(table);
                if let Some(p) = t.pending_checks.iter().position(|c| &c.name == name) {
                    let c = t.pending_checks.remove(p);
                    t.checks.push(c);
                    Effect::Tables(vec![table.clone()])
                } else if let Some(p) = t.pending_fks.iter().position(|f| &f.name == name) {
                    let f = t.pending_fks.remove(p);
                    t.fks.push(f);
                    Effect::Tables(vec![table.clone()])
                } else if t.not_null_checks.iter().any(|(n, _)| n == name) {
                    Effect::Nothing(format!(
                        "validated where `{table}` gets NOT NULL (`{name}` exists only in the plan)"
                    ))
                } else {
                    Effect::Nothing(format!("`{name}` is already enforced"))
                }
            }
            Op::DropUnique { table, unique, .. } => {
                table!(table).indexes.retain(|i| i.name != unique.name);
                Effect::Tables(vec![table.clone()])
            }
            Op::DropCheck { table, check, .. } => {
                let t = table!(table);
                // By name and expression: a redefined check may keep its name.
                let same = |c: &Check| c.name == check.name && c.expr == check.expr;
                let physical = t.checks.iter().any(same);
                t.checks.retain(|c| !same(c));
                t.pending_checks.retain(|c| !same(c));
                if physical {
                    Effect::Tables(vec![table.clone()])
                } else {
                    Effect::Nothing(format!("check `{}` was never enforced", check.name))
                }
            }
            Op::DropForeignKey { table, fk, .. } => {
                let t = table!(table);
                let physical = t.fks.iter().any(|f| f.name == fk.name);
                t.fks.retain(|f| f.name != fk.name);
                t.pending_fks.retain(|f| f.name != fk.name);
                if physical {
                    Effect::Tables(vec![table.clone()])
                } else {
                    Effect::Nothing(format!("foreign key `{}` was never enforced", fk.name))
                }
            }
            Op::DropPrimaryKey { table, .. } => {
                table!(table).pk = None;
                Effect::Tables(vec![table.clone()])
            }
            Op::SwapPrimaryKey {
                table, new, index, ..
            } => {
                let t = table!(table);
                t.pk = Some(new.clone());
                t.indexes.retain(|i| &i.name != index);
                Effect::Tables(vec![table.clone()])
            }
            Op::InstallSync { table, sync } => {
                let t = table!(table);
                t.sync = Some(sync.clone());
                t.refresh_relaxed();
                Effect::Tables(vec![table.clone()])
            }
            Op::RemoveSync { table, .. } => {
                let t = table!(table);
                t.sync = None;
                t.refresh_relaxed();
                Effect::Tables(vec![table.clone()])
            }
            Op::Backfill {
                table, assignments, ..
            } => {
                let guarded = phys.tables.get(table).is_some_and(|t| t.sync.is_some());
                Effect::Other(Act::Backfill {
                    table: table.clone(),
                    assignments: assignments.clone(),
                    guarded,
                })
            }
            Op::RenameColumn { table, from, to } => {
                let t = table!(table);
                t.rename_column(from, to);
                t.refresh_relaxed();
                Effect::Tables(vec![table.clone()])
            }
            Op::RenameIndex { from, to } => {
                let owner = want
                    .tables
                    .values()
                    .find(|t| t.indexes.iter().any(|i| &i.name == from))
                    .map(|t| t.name.clone());
                match owner {
                    Some(t) => {
                        for i in &mut table!(&t).indexes {
                            if &i.name == from {
                                i.name = to.clone();
                            }
                        }
                        Effect::Tables(vec![t])
                    }
                    None => Effect::Nothing(format!("no index `{from}`")),
                }
            }
            Op::RenameConstraint { table, from, to } => {
                let t = table!(table);
                let mut physical = false;
                if let Some(pk) = &mut t.pk {
                    if &pk.name == from {
                        pk.name = to.clone();
                    }
                }
                for f in t.fks.iter_mut().chain(t.pending_fks.iter_mut()) {
                    if &f.name == from {
                        f.name = to.clone();
                    }
                }
                for c in t.checks.iter_mut() {
                    if &c.name == from {
                        c.name = to.clone();
                        physical = true;
                    }
                }
                for c in t.pending_checks.iter_mut() {
                    if &c.name == from {
                        c.name = to.clone();
                    }
                }
                for i in t.indexes.iter_mut() {
                    if &i.name == from {
                        i.name = to.clone();
                        physical = true;
                    }
                }
                if physical {
                    Effect::Tables(vec![table.clone()])
                } else {
                    Effect::Nothing(
                        "SQLite does not keep the names of primary and foreign keys".to_string(),
                    )
                }
            }
            Op::CreateView { view } => {
                want.views.insert(view.name.clone(), view.clone());
                phys.views.insert(view.name.clone(), view.clone());
                Effect::Other(Act::CreateView(view.clone()))
            }
            Op::DropView { view } => {
                want.views.remove(&view.name);
                phys.views.remove(&view.name);
                Effect::Other(Act::DropView(view.clone()))
            }
            Op::CommentTable { .. } | Op::CommentColumn { .. } => {
                Effect::Nothing("SQLite has no comments: they stay in the .mig files".to_string())
            }
            Op::Native { name, up, down } => {
                let applies = |n: &str| {
                    self.ctx
                        .to
                        .natives
                        .get(n)
                        .or(self.ctx.from.natives.get(n))
                        .is_some_and(|x| x.dialects.contains(&D))
                };
                if applies(name) {
                    Effect::Other(Act::Native {
                        up: up.clone(),
                        down: down.clone(),
                    })
                } else {
                    Effect::Nothing(format!("native block {name} is not for SQLite"))
                }
            }
        };
        Ok(effect)
    }

    /// The up and down units of a phase's steps.
    fn emit(
        &mut self,
        phase: Phase,
        idx: &[usize],
        start: &State,
        actions: &[Action],
        absorbed: &BTreeMap<usize, (String, usize)>,
        notes: &BTreeMap<usize, String>,
    ) -> Result<(), Diagnostic> {
        let end = self.st.clone();
        // Up.
        let mut ck_up = Checks::default();
        let mut up: BTreeMap<usize, Vec<String>> = BTreeMap::new();
        let mut rebuilt_by: BTreeMap<usize, Vec<String>> = BTreeMap::new();
        let mut kinds: BTreeMap<usize, Vec<&'static str>> = BTreeMap::new();
        for a in actions {
            let (sql, kind) = self.up_sql(&a.act, &mut ck_up)?;
            if kind == "rebuild" {
                if let Act::Table { after, .. } = &a.act {
                    rebuilt_by
                        .entry(a.step)
                        .or_default()
                        .push(after.name.clone());
                }
            }
            kinds.entry(a.step).or_default().push(kind);
            up.entry(a.step).or_default().extend(sql);
        }
        // Down: undo the actions in reverse from the state the phase leaves.
        let mut ck_down = Checks::default();
        let mut d = end.clone();
        let mut down: BTreeMap<usize, Vec<String>> = BTreeMap::new();
        let mut loses: BTreeMap<usize, Vec<String>> = BTreeMap::new();
        // Views come back last: ALTER TABLE checks every view of the schema, and a view
        // created while a table it reads still has its later name would break the renames.
        let mut views_back: Vec<String> = Vec::new();
        let mut emptied: BTreeSet<u32> = BTreeSet::new();
        for a in actions.iter().rev() {
            let (sql, lost) = self.down_sql(&a.act, &mut d, &mut ck_down, &mut emptied)?;
            if let Act::DropView(v) = &a.act {
                views_back.extend(sql);
                down.entry(a.step).or_default().push(comment(&format!(
                    "view `{}` comes back at the end of this script",
                    v.name
                )));
            } else {
                down.entry(a.step).or_default().extend(sql);
            }
            loses.entry(a.step).or_default().extend(lost);
        }
        let touched = touched(actions);
        let has_sql = !actions.is_empty();
        let first = idx[0];
        let last = idx[idx.len() - 1];
        let up_open = self.opening(phase, true, start, &touched, &mut ck_up);
        let up_close = self.closing(&end, &touched, &ck_up);
        let down_open = self.opening(phase, false, &end, &touched, &mut ck_down);
        let down_close = self.closing(&d, &touched, &ck_down);
        for &i in idx {
            let step = &self.steps[i];
            let mut l = lowered("none");
            if let Some((t, by)) = absorbed.get(&i) {
                l.up.push(unit(comment(&format!(
                    "done by the rebuild of `{t}` at step {}",
                    by + 1
                ))));
                l.down.push(unit(comment(&format!(
                    "undone by the rebuild of `{t}` at step {}",
                    by + 1
                ))));
                l.lock = format!(
                    "{WRITE_LOCK}; part of the rebuild of `{t}` at step {}",
                    by + 1
                );
                l.rewrite = true;
                l.scan = true;
            } else if let Some(sql) = up.get(&i) {
                l.up.push(unit(sql.join("\n")));
                let d = down.get(&i).cloned().unwrap_or_default();
                l.down.push(unit(if d.is_empty() {
                    comment("nothing to undo")
                } else {
                    d.join("\n")
                }));
                let k = kinds.get(&i).cloned().unwrap_or_default();
                l.rewrite = k.contains(&"rebuild") || k.contains(&"drop column");
                l.scan = l.rewrite
                    || k.contains(&"index")
                    || k.contains(&"backfill")
                    || k.contains(&"validate");
                l.lock = match rebuilt_by.get(&i) {
                    Some(t) => format!(
                        "{WRITE_LOCK}; rebuilds `{}` (copies every row into a new table)",
                        t.join("`, `")
                    ),
                    None if k.contains(&"validate") => format!(
                        "{WRITE_LOCK}; reads every row (NOT NULL itself comes at contract)"
                    ),
                    None if k.contains(&"backfill") => format!(
                        "{WRITE_LOCK} for one UPDATE of every row to fill (no batches: a script cannot loop; readers go on in WAL mode)"
                    ),
                    None if k.contains(&"index") => format!("{WRITE_LOCK} while the index is built"),
                    None if k.contains(&"drop column") => {
                        format!("{WRITE_LOCK}; DROP COLUMN rewrites the table")
                    }
                    None => format!("{WRITE_LOCK} (schema change only)"),
                };
                if k.contains(&"create table") {
                    l.lock = "none (new table)".into();
                }
            } else {
                let why = notes
                    .get(&i)
                    .cloned()
                    .unwrap_or_else(|| "nothing to do in SQLite".to_string());
                l.up.push(unit(comment(&why)));
                l.down.push(unit(comment("nothing to undo")));
            }
            // Columns a drop step of this phase already declares are left to it.
            let all_lost: Vec<String> = loses.values().flatten().cloned().collect();
            let dropped: BTreeSet<String> = idx
                .iter()
                .filter_map(|&j| match &self.steps[j].op {
                    Op::DropColumn { table, column } => Some(format!("{table}.{}", column.name)),
                    _ => None,
                })
                .collect();
            let lost: Vec<String> = match &step.op {
                Op::DropColumn { .. } => all_lost,
                _ => loses
                    .get(&i)
                    .cloned()
                    .unwrap_or_default()
                    .into_iter()
                    .filter(|l| !dropped.contains(l.trim_end_matches(" computed again")))
                    .collect(),
            };
            l.down_loses = self.down_loses(step, &lost);
            if has_sql && i == first {
                l.up.insert(0, unit(up_open.clone()));
            }
            if has_sql && i == last {
                l.up.push(unit(up_close.clone()));
                l.down.insert(0, unit(down_open.clone()));
            }
            if has_sql && i == first {
                if !views_back.is_empty() {
                    let mut sql = vec![comment("the views this phase dropped")];
                    sql.extend(views_back.iter().cloned());
                    l.down.push(unit(sql.join("\n")));
                }
                l.down.push(unit(down_close.clone()));
            }
            self.out[i] = l;
        }
        Ok(())
    }

    /// SQL of an action, and what kind of work it is.
    fn up_sql(
        &self,
        act: &Act,
        ck: &mut Checks,
    ) -> Result<(Vec<String>, &'static str), Diagnostic> {
        Ok(match act {
            Act::Table {
                before,
                after,
                remap,
            } => {
                let m = migrate(before, after, remap, ck)?;
                let kind = if m.rebuild {
                    "rebuild"
                } else if m.drops_column {
                    "drop column"
                } else if m.builds_index {
                    "index"
                } else {
                    "alter"
                };
                (m.sql, kind)
            }
            Act::CreateTable(t) => (create_with_indexes(t)?, "create table"),
            Act::DropTable(t) => {
                let mut sql = vec![format!("DROP TABLE {};", q(&t.name))];
                if t.sync.is_some() {
                    sql.push(format!("DROP TABLE {};", q(&guard_name(&t.name))));
                }
                (sql, "alter")
            }
            Act::RenameTable { from, to } => (
                vec![format!("ALTER TABLE {} RENAME TO {};", q(from), q(to))],
                "alter",
            ),
            Act::CreateView(v) => (
                vec![format!("CREATE VIEW {} AS {};", q(&v.name), v.query)],
                "alter",
            ),
            Act::DropView(v) => (vec![format!("DROP VIEW {};", q(&v.name))], "alter"),
            Act::CreateAlias { tbl, alias } => (alias_sql(tbl, alias)?, "alter"),
            Act::DropAlias { alias, .. } => (vec![format!("DROP VIEW {};", q(alias))], "alter"),
            Act::Backfill {
                table,
                assignments,
                guarded,
            } => (backfill_sql(table, assignments, *guarded, ck)?, "backfill"),
            Act::Native { up, .. } => (up.iter().map(|s| terminated(s)).collect(), "alter"),
            Act::Validate { table, column } => (
                vec![
                    comment(&format!(
                        "`{table}.{column}` becomes NOT NULL at contract (SQLite checks NOT NULL before the dual-write\ntrigger fills the column for the old application's inserts); no row may hold null from now on"
                    )),
                    ck.record(
                        "not null",
                        &format!(
                            "NOT EXISTS (SELECT 1 FROM {} WHERE {} IS NULL)",
                            q(table),
                            q(column)
                        ),
                    ),
                ],
                "validate",
            ),
        })
    }

    /// SQL undoing an action from state `d` (updated), and what it cannot give back.
    fn down_sql(
        &self,
        act: &Act,
        d: &mut State,
        ck: &mut Checks,
        emptied: &mut BTreeSet<u32>,
    ) -> Result<(Vec<String>, Vec<String>), Diagnostic> {
        let mut lost = Vec::new();
        let sql = match act {
            Act::Table {
                before,
                after,
                remap,
            } => {
                let Some(cur) = d.tables.get(&after.name).cloned() else {
                    return Ok((Vec::new(), lost));
                };
                let mut target = (**before).clone();
                target.name = cur.name.clone();
                let cur_ids: BTreeSet<u32> = cur.cols.iter().map(|c| c.id).collect();
                for c in &mut target.cols {
                    if !cur_ids.contains(&c.id) {
                        // The column comes back empty.
                        lost.push(format!("{}.{}", target.name, c.def.name));
                        emptied.insert(c.id);
                        if c.def.default.is_none() {
                            c.def.nullable = true;
                        }
                    } else if emptied.contains(&c.id) && c.def.default.is_none() {
                        // It came back empty earlier in this rollback: NOT NULL returns only
                        // when the dual-write trigger's `down` fills it again.
                        let refilled =
                            cur.sync.iter().flat_map(|s| &s.old_columns).any(|(n, d)| {
                                d.is_some()
                                    && cur.cols.iter().any(|x| x.id == c.id && &x.def.name == n)
                            });
                        if !refilled {
                            c.def.nullable = true;
                        }
                    }
                    // Labels rows may hold now stay allowed.
                    let renamed_to: BTreeSet<&String> = remap
                        .get(&c.id)
                        .into_iter()
                        .flatten()
                        .map(|(_, to)| to)
                        .collect();
                    if let (Some(now), Some(labels)) = (
                        cur.cols
                            .iter()
                            .find(|x| x.id == c.id)
                            .and_then(|x| x.labels.clone()),
                        &mut c.labels,
                    ) {
                        for l in now {
                            if !labels.contains(&l) && !renamed_to.contains(&l) {
                                labels.push(l);
                            }
                        }
                    }
                }
                let back: BTreeMap<u32, Vec<(String, String)>> = remap
                    .iter()
                    .map(|(id, m)| {
                        (
                            *id,
                            m.iter()
                                .rev()
                                .map(|(a, b)| (b.clone(), a.clone()))
                                .collect(),
                        )
                    })
                    .collect();
                let m = migrate(&cur, &target, &back, ck)?;
                let mut sql = m.sql;
                // Columns that come back empty are computed again from the new columns when
                // the plan says how (the trigger's `down`, a type change's `down`).
                let back_empty: Vec<String> = target
                    .cols
                    .iter()
                    .filter(|c| !cur_ids.contains(&c.id))
                    .map(|c| c.def.name.clone())
                    .collect();
                let mut sets = Vec::new();
                for c in &back_empty {
                    if let Some(e) = self.refill(&target, c) {
                        sets.push((c.clone(), expr(&e)?));
                        lost.retain(|l| l != &format!("{}.{c}", target.name));
                        lost.push(format!("{}.{c} computed again", target.name));
                    }
                }
                if !sets.is_empty() {
                    let t = q(&target.name);
                    let guard = q(&guard_name(&target.name));
                    if target.sync.is_some() {
                        sql.push(format!(
                            "INSERT OR REPLACE INTO {guard} (active) VALUES (1);"
                        ));
                    }
                    sql.push(format!(
                        "UPDATE {t} SET {} WHERE {};",
                        sets.iter()
                            .map(|(c, e)| format!("{} = {e}", q(c)))
                            .collect::<Vec<_>>()
                            .join(", "),
                        sets.iter()
                            .map(|(c, _)| format!("{} IS NULL", q(c)))
                            .collect::<Vec<_>>()
                            .join(" OR ")
                    ));
                    if target.sync.is_some() {
                        sql.push(format!("DELETE FROM {guard};"));
                    }
                    for (c, _) in &sets {
                        if let Some(col) = target.cols.iter().find(|x| &x.def.name == c) {
                            emptied.remove(&col.id);
                        }
                    }
                }
                d.tables.insert(target.name.clone(), target);
                sql
            }
            Act::CreateTable(t) => {
                d.tables.remove(&t.name);
                vec![format!("DROP TABLE {};", q(&t.name))]
            }
            Act::DropTable(t) => {
                d.tables.insert(t.name.clone(), (**t).clone());
                let mut sql = create_with_indexes(t)?;
                for (_, s) in sync_triggers(t)? {
                    sql.push(s);
                }
                if t.sync.is_some() {
                    sql.push(create_guard(&t.name));
                }
                sql
            }
            Act::RenameTable { from, to } => {
                d.rename_table(to, from);
                vec![format!("ALTER TABLE {} RENAME TO {};", q(to), q(from))]
            }
            Act::CreateView(v) => {
                d.views.remove(&v.name);
                vec![format!("DROP VIEW {};", q(&v.name))]
            }
            Act::DropView(v) => {
                d.views.insert(v.name.clone(), v.clone());
                vec![format!("CREATE VIEW {} AS {};", q(&v.name), v.query)]
            }
            Act::CreateAlias { alias, .. } => {
                d.aliases.remove(alias);
                vec![format!("DROP VIEW {};", q(alias))]
            }
            Act::DropAlias { table, alias } => {
                d.aliases.insert(alias.clone(), table.clone());
                match d.tables.get(table) {
                    Some(t) => alias_sql(t, alias)?,
                    None => Vec::new(),
                }
            }
            Act::Backfill { .. } => vec![comment(
                "nothing to undo: the backfilled columns go with the expand rollback",
            )],
            Act::Native { down, .. } => down.iter().rev().map(|s| terminated(s)).collect(),
            Act::Validate { .. } => vec![comment("nothing to undo: the column stays nullable")],
        };
        Ok((sql, lost))
    }

    /// How to compute a deployed column of `t` again from the new columns, if the plan says:
    /// the dual-write trigger's `down`, or the `down` of a type change through a shadow column.
    fn refill(&self, t: &Tbl, column: &str) -> Option<Expr> {
        // The trigger installed now, or the one this plan installs on the table.
        let planned = self.steps.iter().filter_map(|s| match &s.op {
            Op::InstallSync { table, sync } if table == &t.name => Some(sync),
            _ => None,
        });
        for sync in t.sync.iter().chain(planned) {
            if let Some((_, Some(d))) = sync.old_columns.iter().find(|(c, _)| c == column) {
                return Some(d.clone());
            }
        }
        let shadow = format!("{column}__migc_new");
        t.col(&shadow)?;
        let declared = self
            .ctx
            .to
            .tables
            .values()
            .find(|x| x.name == t.name || x.renamed_from.as_deref() == Some(t.name.as_str()))?;
        let tr = declared.column(column)?.transform.as_ref()?;
        if tr.from != [column.to_string()] {
            return None;
        }
        let down = tr.down.as_ref()?;
        let map: BTreeMap<String, String> = [(column.to_string(), shadow)].into();
        Some(Expr {
            sql: crate::sql::rename_identifiers(&down.sql, &map),
            origin: down.origin,
        })
    }

    /// Opens a phase script: settings, the transaction, the check tables and the first checks.
    fn opening(
        &self,
        phase: Phase,
        up: bool,
        from: &State,
        touched: &Touched,
        ck: &mut Checks,
    ) -> String {
        let mut s = vec![
            comment("migc: the phase runs in one transaction. The sqlite3 shell goes on after a failed statement,\nso the checks at the end roll everything back unless every statement did its part."),
            format!("PRAGMA busy_timeout = {};", self.busy_timeout_ms),
            "PRAGMA foreign_keys = OFF;".to_string(),
            "BEGIN IMMEDIATE;".to_string(),
            comment("starts the transaction even if BEGIN failed (the database was busy): nothing runs outside one"),
            format!("SAVEPOINT migc_{}_{};", phase.name(), if up { "up" } else { "down" }),
            "DROP TABLE IF EXISTS temp.migc_check;".to_string(),
            "DROP TABLE IF EXISTS temp.migc_count;".to_string(),
            "DROP TABLE IF EXISTS temp.migc_verdict;".to_string(),
            "CREATE TEMP TABLE migc_check (kind TEXT NOT NULL, ok INTEGER);".to_string(),
            "CREATE TEMP TABLE migc_count (n INTEGER PRIMARY KEY, rows INTEGER NOT NULL);".to_string(),
            "CREATE TEMP TABLE migc_verdict (kind TEXT NOT NULL, failed INTEGER NOT NULL);".to_string(),
        ];
        for (kind, message) in VERDICTS {
            s.push(format!(
                "CREATE TEMP TRIGGER migc_verdict_{} BEFORE INSERT ON migc_verdict WHEN NEW.kind = {} AND NEW.failed\nBEGIN\n  SELECT RAISE(ROLLBACK, {});\nEND;",
                kind.replace(' ', "_"),
                literal(kind),
                literal(message)
            ));
        }
        s.push(ck.record(
            "start",
            "(SELECT foreign_keys FROM pragma_foreign_keys) = 0",
        ));
        for cond in state_conditions(from, touched) {
            s.push(ck.record("start", &cond));
        }
        s.join("\n")
    }

    /// Closes a phase script: the last checks, the verdict, `COMMIT`.
    fn closing(&self, to: &State, touched: &Touched, ck: &Checks) -> String {
        let mut ck_end = Checks {
            records: ck.records,
            ..Checks::default()
        };
        let mut s = vec![comment(
            "migc: the checks; any failure rolls the whole phase back",
        )];
        for cond in state_conditions(to, touched) {
            s.push(ck_end.record("end", &cond));
        }
        let mut fk_tables: BTreeSet<String> = BTreeSet::new();
        for t in &ck.rebuilt {
            if to.tables.contains_key(t) {
                fk_tables.insert(t.clone());
            }
            for other in to.tables.values() {
                if other.fks.iter().any(|f| &f.ref_table == t) {
                    fk_tables.insert(other.name.clone());
                }
            }
        }
        for t in &fk_tables {
            s.push(format!(
                "INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check({}));",
                literal(t)
            ));
        }
        s.push("INSERT INTO temp.migc_verdict (kind, failed) SELECT 'start', EXISTS (SELECT 1 FROM temp.migc_check WHERE kind = 'start' AND ok IS NOT 1);".to_string());
        s.push("INSERT INTO temp.migc_verdict (kind, failed) SELECT 'unmanaged', EXISTS (SELECT 1 FROM temp.migc_check WHERE kind = 'unmanaged' AND ok IS NOT 1);".to_string());
        s.push(format!(
            "INSERT INTO temp.migc_verdict (kind, failed) SELECT 'steps', (SELECT count(*) FROM temp.migc_check WHERE kind <> 'foreign keys' AND ok IS 1) IS NOT {};",
            ck_end.records
        ));
        s.push(format!(
            "INSERT INTO temp.migc_verdict (kind, failed) SELECT 'foreign keys', (SELECT count(*) FROM temp.migc_check WHERE kind = 'foreign keys' AND ok IS 1) IS NOT {};",
            fk_tables.len()
        ));
        s.push("DROP TABLE IF EXISTS temp.migc_verdict;".to_string());
        s.push("DROP TABLE IF EXISTS temp.migc_count;".to_string());
        s.push("DROP TABLE IF EXISTS temp.migc_check;".to_string());
        s.push("COMMIT;".to_string());
        s.push("PRAGMA foreign_keys = ON;".to_string());
        s.join("\n")
    }

    fn down_loses(&self, step: &Step, lost: &[String]) -> Option<String> {
        match &step.op {
            Op::CreateTable { table } => Some(format!(
                "rows the new application wrote to `{}`",
                table.name
            )),
            Op::DropTable { table } => Some(format!(
                "the rows of `{}` (the table comes back empty)",
                table.name
            )),
            Op::AddColumn { table, column } => {
                let computed = column.name.ends_with("__migc_new")
                    || self
                        .ctx
                        .to
                        .tables
                        .values()
                        .filter(|t| &t.name == table || t.renamed_from.as_ref() == Some(table))
                        .filter_map(|t| t.column(&column.name))
                        .any(|c| c.transform.is_some() || c.renamed_from.is_some());
                (!computed).then(|| {
                    format!(
                        "values the new application wrote to `{table}.{}`",
                        column.name
                    )
                })
            }
            Op::DropColumn { table, column }
                if lost.contains(&format!("{table}.{} computed again", column.name)) =>
            {
                Some(format!(
                    "the values of `{table}.{}` as written: they come back computed from the new columns through `down`",
                    column.name
                ))
            }
            Op::DropColumn { table, column } => Some(format!(
                "the values of `{table}.{}` (the column comes back empty)",
                column.name
            )),
            Op::AddEnumValue { name, value, .. } => Some(format!(
                "value `{value}` stays allowed in the columns of enum `{name}`"
            )),
            Op::DropNotNull { table, column } => Some(format!(
                "nothing, but it fails while rows hold null in `{table}.{column}`"
            )),
            Op::DropUnique { .. } => {
                Some("nothing, but it fails if duplicates were written meanwhile".into())
            }
            Op::DropCheck { table, check, .. } => Some(format!(
                "nothing, but it fails if rows of `{table}` written meanwhile break `{}`",
                check.name
            )),
            Op::DropForeignKey { table, fk, .. } => Some(format!(
                "nothing, but it fails if rows of `{table}` written meanwhile break `{}`",
                fk.name
            )),
            _ if !lost.is_empty() => Some(format!(
                "the values of `{}` (they come back empty or computed again)",
                lost.iter()
                    .map(|l| l.trim_end_matches(" computed again"))
                    .collect::<Vec<_>>()
                    .join("`, `")
            )),
            _ => None,
        }
    }
}

/// The verdicts, in the order they are taken, with the message of each.
const VERDICTS: [(&str, &str); 4] = [
    (
        "start",
        "migc: the database is not in the state this script starts from (already applied?); nothing was changed",
    ),
    (
        "unmanaged",
        "migc: a table to rebuild has indexes or triggers that migc does not know; nothing was changed",
    ),
    (
        "steps",
        "migc: a statement of this script failed (see the errors above); nothing was changed",
    ),
    (
        "foreign keys",
        "migc: PRAGMA foreign_key_check finds rows without their parent; nothing was changed",
    ),
];

fn terminated(s: &str) -> String {
    let t = s.trim_end();
    if t.ends_with(';') {
        t.to_string()
    } else {
        format!("{t};")
    }
}

fn unique_index(u: &Unique) -> Index {
    Index {
        name: u.name.clone(),
        unique: true,
        parts: u
            .columns
            .iter()
            .map(|c| IndexPart {
                expr: Expr {
                    sql: c.clone(),
                    origin: u.origin,
                },
                column: Some(c.clone()),
                descending: false,
            })
            .collect(),
        predicate: None,
        origin: u.origin,
    }
}

fn create_with_indexes(t: &Tbl) -> Result<Vec<String>, Diagnostic> {
    let mut sql = vec![create_table(t, &t.name)?];
    for i in &t.indexes {
        sql.push(index_sql(&t.name, i)?);
    }
    Ok(sql)
}

fn backfill_sql(
    table: &str,
    assignments: &[(String, Expr)],
    guarded: bool,
    ck: &mut Checks,
) -> Result<Vec<String>, Diagnostic> {
    let t = q(table);
    let mut sets = Vec::new();
    let mut pending = Vec::new();
    let mut left = Vec::new();
    for (c, e) in assignments {
        let value = expr(e)?;
        sets.push(format!("{0} = coalesce({0}, {value})", q(c)));
        pending.push(format!("{} IS NULL", q(c)));
        left.push(format!("({} IS NULL AND ({value}) IS NOT NULL)", q(c)));
    }
    let mut sql = Vec::new();
    if guarded {
        sql.push(comment(
            "the dual-write trigger lets the backfill's writes through",
        ));
        sql.push(format!(
            "INSERT OR REPLACE INTO {} (active) VALUES (1);",
            q(&guard_name(table))
        ));
    }
    sql.push(format!(
        "UPDATE {t} SET {} WHERE {};",
        sets.join(", "),
        pending.join(" OR ")
    ));
    if guarded {
        sql.push(format!("DELETE FROM {};", q(&guard_name(table))));
    }
    sql.push(ck.record(
        "backfill",
        &format!("NOT EXISTS (SELECT 1 FROM {t} WHERE {})", left.join(" OR ")),
    ));
    Ok(sql)
}

/// Tables and views a phase acts on.
#[derive(Default)]
struct Touched {
    tables: BTreeSet<String>,
    views: BTreeSet<String>,
    /// Index names the phase knows per table, before or after.
    indexes: BTreeMap<String, BTreeSet<String>>,
    /// Tables with dual-write triggers before or after.
    synced: BTreeSet<String>,
}

fn touched(actions: &[Action]) -> Touched {
    let mut t = Touched::default();
    let known = |tbl: &Tbl, t: &mut Touched| {
        t.indexes
            .entry(tbl.name.clone())
            .or_default()
            .extend(tbl.indexes.iter().map(|i| i.name.clone()));
        if tbl.sync.is_some() {
            t.synced.insert(tbl.name.clone());
        }
        t.tables.insert(tbl.name.clone());
    };
    for a in actions {
        match &a.act {
            Act::Table { before, after, .. } => {
                known(before, &mut t);
                known(after, &mut t);
            }
            Act::CreateTable(x) | Act::DropTable(x) => known(x, &mut t),
            Act::RenameTable { from, to } => {
                t.tables.insert(from.clone());
                t.tables.insert(to.clone());
            }
            Act::CreateView(v) | Act::DropView(v) => {
                t.views.insert(v.name.clone());
            }
            Act::CreateAlias { alias, .. } | Act::DropAlias { alias, .. } => {
                t.views.insert(alias.clone());
            }
            Act::Backfill { .. } | Act::Native { .. } | Act::Validate { .. } => {}
        }
    }
    t
}

fn group_concat(select: &str, names: &[String]) -> String {
    let expected = if names.is_empty() {
        "NULL".to_string()
    } else {
        literal(&names.join(","))
    };
    format!("(SELECT group_concat(name, ',') FROM ({select} ORDER BY name)) IS {expected}")
}

/// Conditions that hold in state `s` for the touched objects.
fn state_conditions(s: &State, touched: &Touched) -> Vec<String> {
    let mut out = Vec::new();
    for name in &touched.tables {
        match s.tables.get(name) {
            Some(t) => {
                let mut cols: Vec<String> = t.cols.iter().map(|c| c.def.name.clone()).collect();
                cols.sort();
                let mut conds = vec![group_concat(
                    &format!("SELECT name FROM pragma_table_info({})", literal(name)),
                    &cols,
                )];
                let universe: Vec<String> = touched
                    .indexes
                    .get(name)
                    .map(|n| n.iter().cloned().collect())
                    .unwrap_or_default();
                if !universe.is_empty() {
                    let mut idx: Vec<String> = t
                        .indexes
                        .iter()
                        .map(|i| i.name.clone())
                        .filter(|n| universe.contains(n))
                        .collect();
                    idx.sort();
                    conds.push(group_concat(
                        &format!(
                            "SELECT name FROM pragma_index_list({}) WHERE name IN ({})",
                            literal(name),
                            names_list(&universe)
                        ),
                        &idx,
                    ));
                }
                if touched.synced.contains(name) {
                    let mut trg: Vec<String> = sync_triggers(t)
                        .map(|v| v.into_iter().map(|(n, _)| n).collect())
                        .unwrap_or_default();
                    trg.sort();
                    conds.push(group_concat(
                        &format!(
                            "SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = {} AND name LIKE 'migc_sync_%'",
                            literal(name)
                        ),
                        &trg,
                    ));
                }
                if touched.synced.contains(name) {
                    conds.push(format!(
                        "{}EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = {})",
                        if t.sync.is_some() { "" } else { "NOT " },
                        literal(&guard_name(name))
                    ));
                }
                out.push(conds.join("\n  AND "));
            }
            None if s.views.contains_key(name) || s.aliases.contains_key(name) => {}
            None => out.push(format!(
                "NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = {})",
                literal(name)
            )),
        }
    }
    for name in &touched.views {
        let exists = s.views.contains_key(name) || s.aliases.contains_key(name);
        if s.tables.contains_key(name) {
            continue;
        }
        out.push(format!(
            "{}EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = {})",
            if exists { "" } else { "NOT " },
            literal(name)
        ));
    }
    out
}

impl Lowering for Sqlite {
    fn dialect(&self) -> Dialect {
        D
    }

    fn supports_transactional_ddl(&self) -> bool {
        true
    }

    fn supports_concurrent_index(&self) -> bool {
        false
    }

    fn supports_not_valid(&self) -> bool {
        false
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
        let ctx = Context {
            from: ctx.from,
            to: ctx.to,
        };
        let mut run = Run::new(steps, &ctx, self.busy_timeout_ms);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enum_casts_become_text() {
        assert_eq!(
            fix_casts("CAST(CAST(status AS TEXT) AS order_status__migc)"),
            "CAST(CAST(status AS TEXT) AS TEXT)"
        );
        assert_eq!(fix_casts("CAST(x AS BIGINT)"), "CAST(x AS BIGINT)");
    }

    #[test]
    fn constants_are_literals() {
        for c in ["1", "-1", "'draft'", "false", "NULL", "2.5"] {
            assert!(is_constant(c), "{c}");
        }
        for e in ["now()", "1 + 1", "lower('A')", "current_date"] {
            assert!(!is_constant(e), "{e}");
        }
    }
}
