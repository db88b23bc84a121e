//! SQL text for MySQL/MariaDB: names, types, full column definitions and the units they go in.
//! Key clauses and the generated columns behind indexes are in `keys` and `generated`, the
//! `information_schema` conditions that make every unit safe to re-run in `guards`.

mod generated;
mod guards;
mod keys;
pub(super) mod pace;

pub(super) use generated::*;
pub(super) use guards::*;
pub(super) use keys::*;

use super::D;
use crate::sql::{literal, quote, render};
use crate::state::State;
use migc_compiler::schema::*;
use migc_grammar::{Code, Diagnostic, Span};

pub(super) fn q(name: &str) -> String {
    quote(name, D)
}

/// A string literal.
pub(super) fn lit(value: &str) -> String {
    literal(value, D)
}

pub(super) fn expr(e: &Expr) -> Result<String, Diagnostic> {
    if let Some(native) = crate::dialect::native_expr(e, D) {
        return native;
    }
    render(&fix_casts(&e.sql), D, None).map_err(|u| unspellable(e, &u.function))
}

pub(super) fn expr_on(e: &Expr, qualifier: &str) -> Result<String, Diagnostic> {
    if let Some(native) = crate::dialect::native_expr(e, D) {
        return native;
    }
    render(&fix_casts(&e.sql), D, Some(qualifier)).map_err(|u| unspellable(e, &u.function))
}

/// Casts to `TEXT` and to enum types (`CAST(x AS state__migc)`, which the planner writes for
/// enum changes) become casts to `CHAR`: MySQL casts only to a few type names, and an enum
/// column takes its members as strings.
fn fix_casts(sql: &str) -> String {
    use sqlparser::ast::{visit_expressions_mut, DataType, Expr as E};
    use std::ops::ControlFlow;
    let parsed = sqlparser::parser::Parser::new(&sqlparser::dialect::GenericDialect {})
        .try_with_sql(sql)
        .and_then(|mut p| p.parse_expr());
    let Ok(mut e) = parsed else {
        return sql.to_string();
    };
    let mut changed = false;
    let _ = visit_expressions_mut(&mut e, |x: &mut E| {
        if let E::Cast { data_type, .. } = x {
            if matches!(data_type, DataType::Custom(..) | DataType::Text) {
                *data_type = DataType::Char(None);
                changed = true;
            }
        }
        ControlFlow::<()>::Continue(())
    });
    if changed {
        migc_compiler::sql_text::print(e, migc_compiler::sql_text::Spelling::Neutral)
    } else {
        sql.to_string()
    }
}

fn unspellable(e: &Expr, function: &str) -> Diagnostic {
    let mut d = Diagnostic::error(
        Code::Unsupported,
        format!("`{function}` has no MySQL spelling"),
    );
    if e.origin != Span::default() {
        d = d.primary(e.origin, "used here");
    }
    d
}

/// A finding for a change MySQL/MariaDB cannot make without copying the table or breaking an
/// application version.
pub(super) fn unsupported(message: String, origin: Option<Span>, help: &str) -> Diagnostic {
    let mut d = Diagnostic::error(Code::Unsupported, message).help(help.to_string());
    if let Some(o) = origin.filter(|o| *o != Span::default()) {
        d = d.primary(o, "declared here");
    }
    d
}

/// The type of a column in MySQL. Enums are column types (`ENUM('a', 'b')`), spelled with the
/// members the state holds at that point of the plan.
pub(super) fn column_type(ty: &ColumnType, state: &State) -> Result<String, String> {
    match ty {
        ColumnType::Builtin { name, args } => migc_stdlib::builtin_type(name)
            .map(|t| t.spelling(D, args))
            .ok_or_else(|| format!("unknown type `{name}`")),
        ColumnType::Enum { name } => {
            let values = state
                .enum_values(name)
                .ok_or_else(|| format!("unknown enum `{name}`"))?;
            let values: Vec<String> = values.iter().map(|v| lit(v)).collect();
            // Written as `information_schema.COLUMNS.COLUMN_TYPE` shows it, which the scripts'
            // guards compare with.
            Ok(format!("enum({})", values.join(",")))
        }
        ColumnType::Native { spellings } => spellings
            .get(&D)
            .cloned()
            .ok_or_else(|| format!("the native type `{ty}` has no MySQL spelling")),
    }
}

pub(super) fn type_of(ty: &ColumnType, state: &State, origin: Span) -> Result<String, Diagnostic> {
    column_type(ty, state).map_err(|m| {
        let mut d =
            Diagnostic::error(Code::Unsupported, m).help("add `mysql: \"...\"` to the native type");
        if origin != Span::default() {
            d = d.primary(origin, "column declared here");
        }
        d
    })
}

/// Whether values of the type are stored off-row (TEXT, BLOB, JSON): MySQL takes their
/// defaults only as parenthesised expressions and indexes them only by prefix.
pub(super) fn is_lob(ty: &ColumnType) -> bool {
    match ty {
        ColumnType::Builtin { name, .. } => matches!(name.as_str(), "text" | "bytes" | "json"),
        ColumnType::Native { spellings } => spellings.get(&D).is_some_and(|s| {
            let s = s.to_ascii_lowercase();
            s.contains("text") || s.contains("blob") || s == "json"
        }),
        ColumnType::Enum { .. } => false,
    }
}

/// A default as MySQL takes it: literals and `CURRENT_TIMESTAMP` bare, other expressions (and
/// every default of a TEXT/BLOB/JSON column) in parentheses (MySQL 8.0.13+, MariaDB 10.2+).
pub(super) fn default_clause(d: &Expr, ty: &ColumnType) -> Result<String, Diagnostic> {
    let mut text = expr(d)?;
    if d.native_spellings().is_some() {
        // Already in parentheses.
        return Ok(format!("DEFAULT {text}"));
    }
    // `now()` is written with microseconds (the portable `timestamp` is `datetime(6)`); a native
    // `timestamp`/`datetime` column takes the current time with its own fractional seconds, as
    // the server spells it for a column made directly.
    if text.eq_ignore_ascii_case("current_timestamp(6)") {
        if let ColumnType::Native { spellings } = ty {
            if let Some(s) = spellings.get(&D) {
                let s = s.trim().to_ascii_lowercase();
                if s.starts_with("timestamp") || s.starts_with("datetime") {
                    text = format!("current_timestamp({})", fractional_digits(&s).unwrap_or(""));
                }
            }
        }
    }
    let lower = text.to_ascii_lowercase();
    let bare = text.starts_with('\'')
        || text.starts_with(|c: char| c.is_ascii_digit())
        || (text.starts_with('-') && text[1..].starts_with(|c: char| c.is_ascii_digit()))
        || matches!(lower.as_str(), "true" | "false" | "null")
        || lower.starts_with("current_timestamp");
    if bare && !is_lob(ty) {
        Ok(format!("DEFAULT {text}"))
    } else {
        Ok(format!("DEFAULT ({text})"))
    }
}

/// The complete definition of a column: type, nullability, identity, default and comment.
/// `MODIFY`/`CHANGE` replace the whole definition, so every statement that touches a column
/// re-emits all of it from the state; nothing is dropped silently.
pub(super) fn column_def(c: &Column, state: &State) -> Result<String, Diagnostic> {
    let mut s = format!("{} {}", q(&c.name), type_of(&c.ty, state, c.origin)?);
    if let Some(name) = c.collation.get(&D) {
        s.push(' ');
        s.push_str(&collation(name));
    }
    if let Some(g) = &c.generated {
        // Nullability follows the expression; MariaDB takes no `NULL` there (nor `NOT NULL`,
        // which MySQL takes).
        s.push_str(&format!(
            " AS ({}) {}",
            expr(&g.expr)?,
            if g.stored { "STORED" } else { "VIRTUAL" }
        ));
        if !c.nullable {
            s.push_str(" NOT NULL");
        }
    } else {
        s.push_str(if c.nullable { " NULL" } else { " NOT NULL" });
    }
    if c.identity {
        s.push_str(" AUTO_INCREMENT");
    }
    if let Some(d) = &c.default {
        s.push(' ');
        s.push_str(&default_clause(d, &c.ty)?);
    }
    if c.on_update {
        // With the column's fractional seconds, which MySQL requires to match.
        let ty = type_of(&c.ty, state, c.origin)?;
        match fractional_digits(&ty) {
            Some(n) => s.push_str(&format!(" ON UPDATE CURRENT_TIMESTAMP({n})")),
            None => s.push_str(" ON UPDATE CURRENT_TIMESTAMP"),
        }
    }
    if let Some(text) = &c.comment {
        s.push_str(&format!(" COMMENT {}", lit(text)));
    }
    Ok(s)
}

/// The fractional seconds of a `timestamp(n)`/`datetime(n)` spelling (`None` without them).
fn fractional_digits(ty: &str) -> Option<&str> {
    ty.trim()
        .strip_suffix(')')
        .and_then(|t| t.rsplit_once('('))
        .map(|(_, n)| n)
        .filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Where an added column goes (` AFTER x`, ` FIRST`): after the nearest column before it in
/// `order` that `exists`, so that the table's columns stand in the declared order.
pub(super) fn position(order: &[&str], column: &str, exists: impl Fn(&str) -> bool) -> String {
    let Some(at) = order.iter().position(|c| *c == column) else {
        return String::new();
    };
    match order[..at].iter().rev().find(|c| exists(c)) {
        Some(before) => format!(" AFTER {}", q(before)),
        None => " FIRST".to_string(),
    }
}

/// `COLLATE x` for a collation, `CHARACTER SET x` for a character set (its default collation):
/// MySQL's collations are named after their character set, `utf8mb4_bin`.
pub(super) fn collation(name: &str) -> String {
    if name.contains('_') {
        format!("COLLATE {}", q(name))
    } else {
        format!("CHARACTER SET {}", q(name))
    }
}

/// The table option of a collation or a character set (`COLLATE=x`, `CHARACTER SET=x`).
pub(super) fn table_collation(name: &str) -> String {
    if name.contains('_') {
        format!("COLLATE={}", q(name))
    } else {
        format!("CHARACTER SET={}", q(name))
    }
}

pub(super) fn columns(cols: &[String]) -> String {
    cols.iter().map(|c| q(c)).collect::<Vec<_>>().join(", ")
}

pub(super) fn fk_clause(fk: &ForeignKey) -> String {
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

/// Runs a statement built at run time (MySQL has no `CREATE TRIGGER` in stored programs
/// otherwise; MariaDB 10.11 prepares it, verified there only).
pub(super) fn dynamic(sql: &str) -> String {
    format!(
        "SET @migc_sql = {};\nPREPARE migc_stmt FROM @migc_sql;\nEXECUTE migc_stmt;\nDEALLOCATE PREPARE migc_stmt;",
        lit(sql)
    )
}

/// A name with a suffix, within the identifier limit ([`crate::names::derived`]).
pub(super) fn suffixed(name: &str, suffix: &str) -> String {
    crate::names::derived(name, suffix)
}

/// A message raised from a stored program: `SIGNAL` with a fixed SQLSTATE the tests and
/// executors can tell apart from server errors.
pub(super) fn signal(message: &str) -> String {
    // MESSAGE_TEXT holds at most 128 characters.
    let text: String = message.chars().take(120).collect();
    format!(
        "SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = {};",
        lit(&format!("migc: {text}"))
    )
}

/// A unit of plain statements. Nothing in MySQL rolls DDL back, so no unit is transactional.
pub(super) fn unit(sql: String) -> super::super::Unit {
    super::super::Unit {
        sql,
        transactional: false,
    }
}

pub(super) fn comment_unit(text: &str) -> super::super::Unit {
    unit(D.comment(text))
}

/// Statements that hold `;` inside (a trigger body), framed by `DELIMITER` for the clients,
/// with a delimiter none of them holds.
pub(super) fn delimited(statements: &[String]) -> super::super::Unit {
    let bodies: Vec<&str> = statements
        .iter()
        .map(|s| s.trim_end().trim_end_matches(';'))
        .collect();
    let d = migc_stdlib::delimiter_for(&bodies);
    let mut s = format!("DELIMITER {d}\n");
    for body in bodies {
        s.push_str(body);
        s.push_str(&d);
        s.push('\n');
    }
    s.push_str("DELIMITER ;");
    unit(s)
}
