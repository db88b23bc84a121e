//! Indexes neither server builds as declared: the generated columns holding an index's
//! expression key parts (`<index>__expr`) and the marker of a unique partial index
//! (`<index>__where`), the key parts over them, and the warning for a partial index built
//! whole.

use super::{expr, key_parts, q, suffixed, type_of, unsupported};
use crate::state::State;
use migc_compiler::schema::*;
use migc_grammar::{Code, Diagnostic, Span};

/// A VIRTUAL generated column holding one key part of an index MySQL cannot build as declared.
pub(crate) struct Generated {
    pub name: String,
    /// The column definition without its storage (`VIRTUAL` or `STORED`).
    pub def: String,
    /// The column as the state knows it (the type of the column its value comes from).
    column: Column,
    /// The columns its value is computed from.
    pub base: Vec<String>,
}

/// The generated column of key part `pos` of an index with `parts` key parts:
/// `<index>__expr`, or `<index>__expr<n>` (counted from 1) when the index has several parts.
pub(crate) fn generated_name(index: &str, pos: usize, parts: usize) -> String {
    if parts == 1 {
        suffixed(index, "__expr")
    } else {
        suffixed(index, &format!("__expr{}", pos + 1))
    }
}

/// The generated column marking the rows inside a unique partial index's predicate:
/// `<index>__where`.
pub(crate) fn marker_name(index: &str) -> String {
    suffixed(index, "__where")
}

/// The generated columns of an index, by name, in key order (the marker last).
pub(crate) fn generated_names(index: &Index) -> Vec<String> {
    generated_names_as(&index.name, index)
}

/// The generated columns the index has under the name `name`, in key order.
pub(crate) fn generated_names_as(name: &str, index: &Index) -> Vec<String> {
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
pub(crate) fn nulls_excluded(index: &Index) -> bool {
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
fn named_columns(sql: &str, table: &str, state: &State) -> Vec<String> {
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
        if let Some(n) = name.filter(|n| state.column(table, n).is_some()) {
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
pub(crate) fn generated_columns(
    table: &str,
    index: &Index,
    state: &State,
) -> Result<Vec<Generated>, Diagnostic> {
    let help =
        "index plain columns on MySQL, or keep this index in a `native` block for PostgreSQL";
    let mut out = Vec::new();
    let n = index.parts.len();
    for (pos, p) in index.parts.iter().enumerate() {
        if p.column.is_some() {
            continue;
        }
        let base = named_columns(&p.expr.sql, table, state);
        let Some(column) = base.first().and_then(|c| state.column(table, c)) else {
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
            let Some(col) = state.column(table, c) else {
                continue;
            };
            if type_of(&col.ty, state, col.origin)?
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
        let ty = type_of(&column.ty, state, column.origin)?;
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
                type_of(&ty, state, index.origin)?,
                expr(pred)?
            ),
            column: Column {
                name: name.clone(),
                ty,
                spellings: std::collections::BTreeMap::new(),
                collation: std::collections::BTreeMap::new(),
                nullable: true,
                default: None,
                on_update: false,
                identity: false,
                autoincrement: false,
                comment: None,
                renamed_from: None,
                transform: None,
                generated: None,
                declared_not_null: false,
                nullable_key: false,
                origin: index.origin,
            },
            name,
            base: named_columns(&pred.sql, table, state),
        });
    }
    Ok(out)
}

/// The key parts of an index. MariaDB has no expression key parts and neither server has
/// partial indexes: expression parts index generated columns, a unique partial index ends
/// with its marker ([`generated_columns`], made first), and a non-unique partial index is built
/// over every row (a superset serving the same lookups), which the plan reports as W2003.
pub(crate) fn index_parts(table: &str, index: &Index, state: &State) -> Result<String, Diagnostic> {
    let mut state = state.clone();
    for g in generated_columns(table, index, &state)? {
        state.add_column(table, g.column);
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
    key_parts(table, &parts, &state).map_err(|m| {
        unsupported(
            m,
            Some(index.origin),
            "declare the column `varchar(n)` so that it can be indexed whole",
        )
    })
}

/// The warning for a partial index built whole on MySQL/MariaDB.
pub(crate) fn widened(table: &str, index: &Index) -> Option<Diagnostic> {
    let pred = index.predicate.as_ref().filter(|_| !index.unique)?;
    // (A unique partial index is emulated exactly, or needs no predicate: `nulls_excluded`.)
    let mut d = Diagnostic::warning(
        Code::IndexWidened,
        format!(
            "index `{}` on `{table}` is built over every row on MySQL/MariaDB, without its predicate `{}`",
            index.name,
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
