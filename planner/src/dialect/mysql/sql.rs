//! SQL text for MySQL/MariaDB: names, types, full column definitions, key clauses and the
//! `information_schema` conditions that make every unit safe to re-run.

use super::model::Model;
use super::D;
use crate::sql::{literal, quote, render};
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
    render(&fix_casts(&e.sql), D, None).map_err(|u| unspellable(e, &u.function))
}

pub(super) fn expr_on(e: &Expr, qualifier: &str) -> Result<String, Diagnostic> {
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
/// members the model holds at that point of the plan.
pub(super) fn column_type(ty: &ColumnType, model: &Model) -> Result<String, String> {
    match ty {
        ColumnType::Builtin { name, args } => migc_stdlib::builtin_type(name)
            .map(|t| t.spelling(D, args))
            .ok_or_else(|| format!("unknown type `{name}`")),
        ColumnType::Enum { name } => {
            let values = model
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

pub(super) fn type_of(ty: &ColumnType, model: &Model, origin: Span) -> Result<String, Diagnostic> {
    column_type(ty, model).map_err(|m| {
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
    let text = expr(d)?;
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
/// re-emits all of it from the model; nothing is dropped silently.
pub(super) fn column_def(c: &Column, model: &Model) -> Result<String, Diagnostic> {
    let mut s = format!("{} {}", q(&c.name), type_of(&c.ty, model, c.origin)?);
    s.push_str(if c.nullable { " NULL" } else { " NOT NULL" });
    if c.identity {
        s.push_str(" AUTO_INCREMENT");
    }
    if let Some(d) = &c.default {
        s.push(' ');
        s.push_str(&default_clause(d, &c.ty)?);
    }
    if let Some(text) = &c.comment {
        s.push_str(&format!(" COMMENT {}", lit(text)));
    }
    Ok(s)
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

/// InnoDB's longest key (DYNAMIC and COMPRESSED row formats, the default), in bytes.
const KEY_BYTES: u64 = 3072;
/// The longest prefix taken of one TEXT/BLOB column (3072 bytes of 4-byte utf8mb4).
const MAX_PREFIX: u64 = 768;

/// The bytes a key part over a column of the type takes at most (utf8mb4: 4 a character).
/// Fixed-width strings count too (a `uuid` is `char(36)`, 144 bytes): a key longer than 3072
/// bytes would make MariaDB build it `USING HASH`, with the same effect as a whole TEXT value.
fn key_bytes(ty: &ColumnType) -> u64 {
    match ty {
        ColumnType::Builtin { name, args } if name == "varchar" => {
            args.first().copied().unwrap_or(255) * 4 + 2
        }
        ColumnType::Builtin { name, args } => {
            let spelled = migc_stdlib::builtin_type(name)
                .map(|t| t.spelling(D, args).to_ascii_lowercase())
                .unwrap_or_default();
            let width = |prefix: &str| {
                spelled
                    .strip_prefix(prefix)
                    .and_then(|r| r.strip_suffix(')'))
                    .and_then(|n| n.trim().parse::<u64>().ok())
            };
            if let Some(n) = width("char(").or_else(|| width("varchar(")) {
                n * 4 + 2
            } else if let Some(n) = width("binary(").or_else(|| width("varbinary(")) {
                n + 2
            } else {
                16
            }
        }
        _ => 16,
    }
}

/// Key parts over plain columns. A TEXT/BLOB/JSON column is indexed by a prefix: MySQL 8.0
/// refuses it whole (error 1170), and MariaDB's own answer (a unique key over a hidden hash
/// column) makes every later `ALTER TABLE` on the table a copy (INSTANT, NOCOPY and INPLACE all
/// refused, error 1846). The prefix is as long as the key length leaves room for, at most 768
/// characters: a unique key then compares the values' first 768 characters, which is stricter
/// than the declared key only for values longer than that.
pub(super) fn key_parts(
    table: &str,
    parts: &[(&str, bool)],
    model: &Model,
) -> Result<String, String> {
    let ty = |c: &str| model.column(table, c).map(|col| &col.ty);
    let lobs = parts
        .iter()
        .filter(|(c, _)| ty(c).is_some_and(is_lob))
        .count() as u64;
    let others: u64 = parts
        .iter()
        .filter_map(|(c, _)| ty(c).filter(|t| !is_lob(t)).map(key_bytes))
        .sum();
    let prefix = (KEY_BYTES.saturating_sub(others) / 4)
        .checked_div(lobs)
        .map_or(0, |p| p.min(MAX_PREFIX));
    let mut out = Vec::new();
    for (c, descending) in parts {
        let mut s = q(c);
        if ty(c).is_some_and(is_lob) {
            if prefix < 64 {
                return Err(format!(
                    "the key over `{table}.{c}` leaves too little of MySQL's 3072-byte key length for a TEXT/BLOB prefix"
                ));
            }
            s.push_str(&format!("({prefix})"));
        }
        if *descending {
            s.push_str(" DESC");
        }
        out.push(s);
    }
    Ok(out.join(", "))
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

/// A VIRTUAL generated column holding one key part of an index MySQL cannot build as declared.
pub(super) struct Generated {
    pub name: String,
    /// The column definition without its storage (`VIRTUAL` or `STORED`).
    pub def: String,
    /// The column as the model knows it (the type of the column its value comes from).
    column: Column,
    /// The columns its value is computed from.
    pub base: Vec<String>,
}

/// The generated column of key part `pos` of an index with `parts` key parts:
/// `<index>__expr`, or `<index>__expr<n>` (counted from 1) when the index has several parts.
pub(super) fn generated_name(index: &str, pos: usize, parts: usize) -> String {
    if parts == 1 {
        suffixed(index, "__expr")
    } else {
        suffixed(index, &format!("__expr{}", pos + 1))
    }
}

/// The generated column marking the rows inside a unique partial index's predicate:
/// `<index>__where`.
pub(super) fn marker_name(index: &str) -> String {
    suffixed(index, "__where")
}

/// The generated columns of an index, by name, in key order (the marker last).
pub(super) fn generated_names(index: &Index) -> Vec<String> {
    generated_names_as(&index.name, index)
}

/// The generated columns the index has under the name `name`, in key order.
pub(super) fn generated_names_as(name: &str, index: &Index) -> Vec<String> {
    let n = index.parts.len();
    let mut out: Vec<String> = index
        .parts
        .iter()
        .enumerate()
        .filter(|(_, p)| p.column.is_none())
        .map(|(pos, _)| generated_name(name, pos, n))
        .collect();
    if marked(index) {
        out.push(marker_name(name));
    }
    out
}

/// Whether a unique partial index is emulated with a marker: its key parts as declared, then a
/// generated column that is 1 inside the predicate and null outside it. Nulls never collide in
/// a unique key, so uniqueness holds among the matching rows only, as declared. The marker
/// reads only the predicate's columns: the key columns stay plain, so that a cascading foreign
/// key over them is not over the base of a generated column (which InnoDB adds only by
/// copying the table, error 138), and the index serves lookups by its leading columns.
fn marked(index: &Index) -> bool {
    index.unique && index.predicate.is_some() && !nulls_excluded(index)
}

/// Whether the predicate of a unique index only excludes rows where one of its key columns is
/// null (`a IS NOT NULL AND …`): such rows never collide in a unique key anyway, so the whole
/// unique index is the partial one.
pub(super) fn nulls_excluded(index: &Index) -> bool {
    use sqlparser::ast::{BinaryOperator, Expr as E};
    let Some(pred) = &index.predicate else {
        return false;
    };
    let parsed = sqlparser::parser::Parser::new(&sqlparser::dialect::GenericDialect {})
        .try_with_sql(&pred.sql)
        .and_then(|mut p| p.parse_expr());
    let Ok(e) = parsed else {
        return false;
    };
    fn all_not_null(e: &E, key: &[&str]) -> bool {
        match e {
            E::Nested(x) => all_not_null(x, key),
            E::BinaryOp {
                left,
                op: BinaryOperator::And,
                right,
            } => all_not_null(left, key) && all_not_null(right, key),
            E::IsNotNull(x) => {
                matches!(x.as_ref(), E::Identifier(i) if key.contains(&i.value.as_str()))
            }
            _ => false,
        }
    }
    let key: Vec<&str> = index
        .parts
        .iter()
        .filter_map(|p| p.column.as_deref())
        .collect();
    key.len() == index.parts.len() && all_not_null(&e, &key)
}

/// The columns of the table an expression names, in order.
fn named_columns(sql: &str, table: &str, model: &Model) -> Vec<String> {
    use sqlparser::ast::{visit_expressions, Expr as E};
    use std::ops::ControlFlow;
    let parsed = sqlparser::parser::Parser::new(&sqlparser::dialect::GenericDialect {})
        .try_with_sql(sql)
        .and_then(|mut p| p.parse_expr());
    let Ok(e) = parsed else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let _ = visit_expressions(&e, |x: &E| {
        let name = match x {
            E::Identifier(i) => Some(i.value.clone()),
            E::CompoundIdentifier(parts) => parts.last().map(|i| i.value.clone()),
            _ => None,
        };
        if let Some(n) = name.filter(|n| model.column(table, n).is_some()) {
            out.push(n);
        }
        ControlFlow::<()>::Continue(())
    });
    out
}

/// Whether an expression reads `column` other than as `rtrim(column)`.
fn reads_untrimmed(sql: &str, column: &str) -> bool {
    use sqlparser::ast::{
        visit_expressions, Expr as E, FunctionArg, FunctionArgExpr, FunctionArguments,
    };
    use std::ops::ControlFlow;
    let parsed = sqlparser::parser::Parser::new(&sqlparser::dialect::GenericDialect {})
        .try_with_sql(sql)
        .and_then(|mut p| p.parse_expr());
    let Ok(e) = parsed else {
        return true;
    };
    let (mut reads, mut trimmed) = (0, 0);
    let _ = visit_expressions(&e, |x: &E| {
        match x {
            E::Identifier(i) if i.value == column => reads += 1,
            E::Function(f) if f.name.to_string().eq_ignore_ascii_case("rtrim") => {
                if let FunctionArguments::List(list) = &f.args {
                    if let [FunctionArg::Unnamed(FunctionArgExpr::Expr(E::Identifier(i)))] =
                        &list.args[..]
                    {
                        if i.value == column {
                            trimmed += 1;
                        }
                    }
                }
            }
            _ => {}
        }
        ControlFlow::<()>::Continue(())
    });
    reads > trimmed
}

/// The generated columns an index needs on MySQL/MariaDB (none for most indexes): one per
/// expression key part, typed as the first column the expression names, and the marker of a
/// unique partial index ([`marked`]).
pub(super) fn generated_columns(
    table: &str,
    index: &Index,
    model: &Model,
) -> Result<Vec<Generated>, Diagnostic> {
    let help =
        "index plain columns on MySQL, or keep this index in a `native` block for PostgreSQL";
    let mut out = Vec::new();
    let n = index.parts.len();
    for (pos, p) in index.parts.iter().enumerate() {
        if p.column.is_some() {
            continue;
        }
        let base = named_columns(&p.expr.sql, table, model);
        let Some(column) = base.first().and_then(|c| model.column(table, c)) else {
            return Err(unsupported(
                format!(
                    "index `{}` has an expression key part naming no column of `{table}`, so its type is unknown on MySQL/MariaDB",
                    index.name
                ),
                Some(index.origin),
                help,
            ));
        };
        // MariaDB refuses an indexed generated column reading a CHAR column (error 1901: its
        // value would depend on `PAD_CHAR_TO_FULL_LENGTH`).
        for c in base.iter().filter(|c| reads_untrimmed(&p.expr.sql, c)) {
            let Some(col) = model.column(table, c) else {
                continue;
            };
            if type_of(&col.ty, model, col.origin)?
                .to_ascii_lowercase()
                .starts_with("char(")
            {
                return Err(unsupported(
                    format!(
                        "index `{}` has an expression key part reading the CHAR column `{table}.{c}`, which MariaDB cannot index (error 1901)",
                        index.name
                    ),
                    Some(index.origin),
                    &format!("read it as `rtrim({c})`, or declare it `varchar(n)`"),
                ));
            }
        }
        let ty = type_of(&column.ty, model, column.origin)?;
        let name = generated_name(&index.name, pos, n);
        out.push(Generated {
            def: format!("{} {ty} AS ({})", q(&name), expr(&p.expr)?),
            column: Column {
                name: name.clone(),
                ..column.clone()
            },
            name,
            base,
        });
    }
    if let Some(pred) = index.predicate.as_ref().filter(|_| marked(index)) {
        let name = marker_name(&index.name);
        let ty = ColumnType::Builtin {
            name: "int16".into(),
            args: Vec::new(),
        };
        out.push(Generated {
            def: format!(
                "{} {} AS (CASE WHEN {} THEN 1 END)",
                q(&name),
                type_of(&ty, model, index.origin)?,
                expr(pred)?
            ),
            column: Column {
                name: name.clone(),
                ty,
                nullable: true,
                default: None,
                identity: false,
                comment: None,
                renamed_from: None,
                transform: None,
                origin: index.origin,
            },
            name,
            base: named_columns(&pred.sql, table, model),
        });
    }
    Ok(out)
}

/// The key parts of an index. MariaDB has no expression key parts and neither server has
/// partial indexes: expression parts index generated columns, a unique partial index ends
/// with its marker ([`generated_columns`], made first), and a non-unique partial index is built
/// over every row (a superset serving the same lookups), which the plan reports as W2003.
pub(super) fn index_parts(table: &str, index: &Index, model: &Model) -> Result<String, Diagnostic> {
    let mut model = model.clone();
    for g in generated_columns(table, index, &model)? {
        model.add_column(table, g.column);
    }
    let n = index.parts.len();
    let mut names: Vec<(String, bool)> = index
        .parts
        .iter()
        .enumerate()
        .map(|(pos, p)| match &p.column {
            Some(c) => (c.clone(), p.descending),
            None => (generated_name(&index.name, pos, n), p.descending),
        })
        .collect();
    if marked(index) {
        names.push((marker_name(&index.name), false));
    }
    let parts: Vec<(&str, bool)> = names.iter().map(|(c, d)| (c.as_str(), *d)).collect();
    key_parts(table, &parts, &model).map_err(|m| {
        unsupported(
            m,
            Some(index.origin),
            "declare the column `varchar(n)` so that it can be indexed whole",
        )
    })
}

/// The warning for a partial index built whole on MySQL/MariaDB.
pub(super) fn widened(table: &str, index: &Index) -> Option<Diagnostic> {
    let pred = index.predicate.as_ref().filter(|_| !index.unique)?;
    // (A unique partial index is emulated exactly, or needs no predicate: `nulls_excluded`.)
    let mut d = Diagnostic::warning(
        Code::IndexWidened,
        format!(
            "index `{}` on `{table}` is built over every row on MySQL/MariaDB, without its predicate `{}`",
            index.name.trim_end_matches("__migc"),
            pred.sql
        ),
    )
    .note("MySQL and MariaDB have no partial indexes; the whole index serves the same lookups and is larger")
    .help("keep the index in a `native` block for PostgreSQL only if the larger index is not wanted on MySQL");
    if index.origin != Span::default() {
        d = d.primary(index.origin, "declared here");
    }
    Some(d)
}

fn schema_row(view: &str, table: &str) -> String {
    format!(
        "SELECT 1 FROM information_schema.{view} WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = {}",
        lit(table)
    )
}

/// Whether a base table of that name exists.
pub(super) fn table_exists(table: &str) -> String {
    format!(
        "EXISTS ({} AND TABLE_TYPE = 'BASE TABLE')",
        schema_row("TABLES", table)
    )
}

/// Whether the table has the column.
pub(super) fn column_exists(table: &str, column: &str) -> String {
    format!(
        "EXISTS ({} AND COLUMN_NAME = {})",
        schema_row("COLUMNS", table),
        lit(column)
    )
}

/// Whether the table has an index of that name (`PRIMARY` for the primary key).
pub(super) fn index_exists(table: &str, name: &str) -> String {
    format!(
        "EXISTS ({} AND INDEX_NAME = {})",
        schema_row("STATISTICS", table),
        lit(name)
    )
}

/// Whether the table has a constraint (CHECK, FOREIGN KEY, UNIQUE) of that name.
pub(super) fn constraint_exists(table: &str, name: &str) -> String {
    format!(
        "EXISTS ({} AND CONSTRAINT_NAME = {})",
        schema_row("TABLE_CONSTRAINTS", table),
        lit(name)
    )
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
