//! SQL expressions in `.mig` files: parsed with sqlparser, checked against the columns in scope
//! and the stdlib's functions, and brought to a canonical text.

use crate::schema::Expr;
use migc_grammar::ast::Sql;
use migc_grammar::{Code, Diagnostic, Span};
use sqlparser::ast::{self, visit_expressions, visit_relations, FunctionArguments};
use sqlparser::dialect::GenericDialect;
use sqlparser::parser::{Parser, ParserError};
use std::ops::ControlFlow;

/// Which column names an expression may use.
pub(crate) struct Scope<'a> {
    /// What the expression is, for messages: "a check", "`up`".
    pub what: &'a str,
    pub columns: &'a [&'a str],
    /// Where the columns come from, for the label of an unknown one: "table `users`".
    pub owner: &'a str,
    /// Said as help when a column is unknown (instead of a did-you-mean when there is none).
    pub unknown_help: Option<&'a str>,
}

/// A checked expression.
pub(crate) struct Checked {
    pub expr: Expr,
    /// The columns it reads, in order of first use.
    pub columns: Vec<String>,
    pub ast: ast::Expr,
}

pub(crate) fn parse_error(sql: &Sql, what: &str, error: ParserError) -> Diagnostic {
    let raw = match error {
        ParserError::TokenizerError(m) | ParserError::ParserError(m) => m,
        ParserError::RecursionLimitExceeded => "the expression nests too deeply".to_string(),
    };
    // sqlparser appends " at Line: L, Column: C"; turn that into a span.
    let (message, at) = match raw.rfind(" at Line: ") {
        Some(i) => {
            let loc = &raw[i + " at Line: ".len()..];
            let mut nums = loc
                .split(|c: char| !c.is_ascii_digit())
                .filter(|s| !s.is_empty())
                .filter_map(|s| s.parse::<usize>().ok());
            let at = match (nums.next(), nums.next()) {
                (Some(line), Some(col)) => offset_of(&sql.text, line, col),
                _ => None,
            };
            (raw[..i].to_string(), at)
        }
        None => (raw, None),
    };
    let message = message
        .replace("Expected: ", "expected ")
        .replace(", found: ", ", found ")
        .replace("found EOF", "found the end of the expression");
    let span = match at {
        Some(off) => sql.span.sub(off, 1.max(next_token_len(&sql.text[off..]))),
        None => sql.span,
    };
    Diagnostic::error(
        Code::BadExpression,
        format!("invalid SQL in {what}: {message}"),
    )
    .primary(span, "cannot be parsed here")
}

fn next_token_len(rest: &str) -> usize {
    let word = rest
        .char_indices()
        .find(|(_, c)| !(c.is_alphanumeric() || *c == '_'))
        .map_or(rest.len(), |(i, _)| i);
    if word > 0 {
        word
    } else {
        rest.chars().next().map_or(0, char::len_utf8)
    }
}

/// Byte offset of a 1-based line and character column in `text`.
fn offset_of(text: &str, line: usize, col: usize) -> Option<usize> {
    let mut start = 0;
    for _ in 1..line {
        start += text[start..].find('\n')? + 1;
    }
    let line_text = &text[start..];
    let off = line_text
        .char_indices()
        .nth(col.saturating_sub(1))
        .map_or(line_text.len(), |(i, _)| i);
    Some(start + off)
}

fn span_of(sql: &Sql, span: sqlparser::tokenizer::Span, len: usize) -> Span {
    match offset_of(
        &sql.text,
        span.start.line as usize,
        span.start.column as usize,
    ) {
        Some(off) if span.start.line > 0 => sql.span.sub(off, len),
        _ => sql.span,
    }
}

fn parser<'a>(dialect: &'a GenericDialect, sql: &Sql) -> Result<Parser<'a>, ParserError> {
    Parser::new(dialect).try_with_sql(&sql.text)
}

fn expect_end(parser: &mut Parser<'_>) -> Result<(), ParserError> {
    let next = parser.peek_token();
    if next.token == sqlparser::tokenizer::Token::EOF {
        Ok(())
    } else {
        Err(ParserError::ParserError(format!(
            "expected the end of the expression, found: {} at Line: {}, Column: {}",
            next.token, next.span.start.line, next.span.start.column
        )))
    }
}

/// Parses one expression.
pub(crate) fn parse(sql: &Sql, what: &str) -> Result<ast::Expr, Diagnostic> {
    let dialect = GenericDialect {};
    let result = parser(&dialect, sql).and_then(|mut p| {
        let e = p.parse_expr()?;
        expect_end(&mut p)?;
        Ok(e)
    });
    result.map_err(|e| parse_error(sql, what, e))
}

/// Parses the comma-separated key parts of an index: expressions with optional `asc`/`desc`.
pub(crate) fn parse_index_parts(sql: &Sql) -> Result<Vec<(ast::Expr, bool)>, Diagnostic> {
    let dialect = GenericDialect {};
    let result = parser(&dialect, sql).and_then(|mut p| {
        let parts = p.parse_comma_separated(Parser::parse_order_by_expr)?;
        expect_end(&mut p)?;
        Ok(parts)
    });
    let parts = result.map_err(|e| parse_error(sql, "an index", e))?;
    Ok(parts
        .into_iter()
        .map(|p| {
            let desc = matches!(p.options.sort, Some(ast::OrderBySort::Desc));
            (p.expr, desc)
        })
        .collect())
}

/// Parses a view's query; returns its canonical text and the relations it reads.
/// A view's query as parsed: the statement, its canonical text, and the tables and views it
/// reads with where each is named.
pub(crate) struct ParsedQuery {
    pub statement: ast::Statement,
    pub text: String,
    pub relations: Vec<(String, Span)>,
}

pub(crate) fn parse_query(sql: &Sql) -> Result<ParsedQuery, Diagnostic> {
    let dialect = GenericDialect {};
    let statements = Parser::parse_sql(&dialect, &sql.text).map_err(|e| Diagnostic {
        code: Code::BadView,
        ..parse_error(sql, "a view", e)
    })?;
    let Ok([statement]) = <[ast::Statement; 1]>::try_from(statements) else {
        return Err(
            Diagnostic::error(Code::BadView, "a view holds exactly one query")
                .primary(sql.span, "more than one statement here"),
        );
    };
    if !matches!(statement, ast::Statement::Query(_)) {
        return Err(
            Diagnostic::error(Code::BadView, "a view's body must be a query")
                .primary(sql.span, "not a `select`"),
        );
    }
    let mut relations = Vec::new();
    let ctes: Vec<String> = match &statement {
        ast::Statement::Query(q) => q
            .with
            .iter()
            .flat_map(|w| w.cte_tables.iter().map(|c| c.alias.name.value.clone()))
            .collect(),
        _ => Vec::new(),
    };
    let _ = visit_relations(&statement, |name: &ast::ObjectName| {
        if let Some(last) = name.0.last().and_then(|p| p.as_ident()) {
            if !ctes.contains(&last.value) {
                relations.push((
                    last.value.clone(),
                    span_of(sql, last.span, last.value.len()),
                ));
            }
        }
        ControlFlow::<()>::Continue(())
    });
    let text = crate::sql_text::print(statement.clone(), crate::sql_text::Spelling::Neutral);
    Ok(ParsedQuery {
        statement,
        text,
        relations,
    })
}

/// The columns a view's query reads that its tables do not have, each as a finding. Only for
/// a plain `select` over tables of the schema (joins included) with no subquery: what reads
/// other views, subqueries or CTEs is left to the database, never guessed at.
pub(crate) fn unknown_view_columns(
    sql: &Sql,
    statement: &ast::Statement,
    view: &str,
    tables: &std::collections::BTreeMap<String, crate::schema::Table>,
) -> Vec<Diagnostic> {
    let ast::Statement::Query(q) = statement else {
        return Vec::new();
    };
    let (None, ast::SetExpr::Select(select)) = (&q.with, q.body.as_ref()) else {
        return Vec::new();
    };
    let mut subquery = false;
    let _ = visit_expressions(select.as_ref(), |e: &ast::Expr| {
        if matches!(
            e,
            ast::Expr::Subquery(_) | ast::Expr::Exists { .. } | ast::Expr::InSubquery { .. }
        ) {
            subquery = true;
        }
        ControlFlow::<()>::Continue(())
    });
    if subquery {
        return Vec::new();
    }
    // Each relation under the name the query gives it (its alias, or its own name).
    let mut from: Vec<(String, &crate::schema::Table)> = Vec::new();
    let factors = select
        .from
        .iter()
        .flat_map(|t| std::iter::once(&t.relation).chain(t.joins.iter().map(|j| &j.relation)));
    for factor in factors {
        let ast::TableFactor::Table { name, alias, .. } = factor else {
            return Vec::new();
        };
        let [part] = name.0.as_slice() else {
            return Vec::new();
        };
        let Some(ident) = part.as_ident() else {
            return Vec::new();
        };
        let Some(table) = tables.get(&ident.value) else {
            return Vec::new();
        };
        let called = alias.as_ref().map_or(&ident.value, |a| &a.name.value);
        from.push((called.clone(), table));
    }
    let same = |a: &str, ident: &ast::Ident| {
        a == ident.value || (ident.quote_style.is_none() && a.eq_ignore_ascii_case(&ident.value))
    };
    let has =
        |t: &crate::schema::Table, c: &ast::Ident| t.columns.iter().any(|col| same(&col.name, c));
    let aliases: Vec<&ast::Ident> = select
        .projection
        .iter()
        .filter_map(|item| match item {
            ast::SelectItem::ExprWithAlias { alias, .. } => Some(alias),
            _ => None,
        })
        .collect();
    let mut out = Vec::new();
    let mut report = |ident: &ast::Ident, what: String, candidates: Vec<&str>| {
        let len = ident.value.len() + if ident.quote_style.is_some() { 2 } else { 0 };
        out.push(
            Diagnostic::error(Code::BadView, format!("view `{view}` reads {what}"))
                .primary(span_of(sql, ident.span, len), "no such column")
                .suggest(&ident.value, candidates),
        );
    };
    let _ = visit_expressions(select.as_ref(), |e: &ast::Expr| {
        match e {
            ast::Expr::Identifier(c) => {
                let known = from.iter().any(|(_, t)| has(t, c))
                    || aliases.iter().any(|a| same(&a.value, c));
                if !known {
                    let candidates = from
                        .iter()
                        .flat_map(|(_, t)| t.columns.iter().map(|col| col.name.as_str()))
                        .collect();
                    report(c, format!("unknown column `{}`", c.value), candidates);
                }
            }
            ast::Expr::CompoundIdentifier(parts) => {
                if let [q, c] = parts.as_slice() {
                    if let Some((_, t)) = from.iter().find(|(n, _)| same(n, q)) {
                        if !has(t, c) {
                            let candidates =
                                t.columns.iter().map(|col| col.name.as_str()).collect();
                            report(
                                c,
                                format!(
                                    "unknown column `{}.{}` (table `{}`)",
                                    q.value, c.value, t.name
                                ),
                                candidates,
                            );
                        }
                    }
                }
            }
            _ => {}
        }
        ControlFlow::<()>::Continue(())
    });
    out
}

/// Checks column references and function calls of a parsed expression. Reports every problem;
/// returns `None` when there was one.
pub(crate) fn check(
    sql: &Sql,
    parsed: ast::Expr,
    scope: &Scope<'_>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Checked> {
    let before = diagnostics.len();
    let mut columns: Vec<String> = Vec::new();
    let _ = visit_expressions(&parsed, |e: &ast::Expr| {
        match e {
            ast::Expr::Identifier(ident) => {
                let len = ident.value.len() + if ident.quote_style.is_some() { 2 } else { 0 };
                let span = span_of(sql, ident.span, len);
                if scope.columns.contains(&ident.value.as_str()) {
                    if !columns.contains(&ident.value) {
                        columns.push(ident.value.clone());
                    }
                } else {
                    let mut d = Diagnostic::error(
                        Code::UnknownColumn,
                        format!("unknown column `{}` in {}", ident.value, scope.what),
                    )
                    .primary(span, format!("not a column of {}", scope.owner))
                    .suggest(&ident.value, scope.columns.iter().copied());
                    if d.help.is_none() {
                        if let Some(h) = scope.unknown_help {
                            d = d.help(h);
                        }
                    }
                    diagnostics.push(d);
                }
            }
            ast::Expr::CompoundIdentifier(parts) => {
                let first = &parts[0];
                let text: Vec<&str> = parts.iter().map(|p| p.value.as_str()).collect();
                let text = text.join(".");
                diagnostics.push(
                    Diagnostic::error(
                        Code::BadExpression,
                        format!("qualified name `{text}` in {}", scope.what),
                    )
                    .primary(span_of(sql, first.span, text.len()), "qualified here")
                    .help("refer to columns of the same table by their bare name"),
                );
            }
            ast::Expr::Function(f) => check_function(sql, f, scope, diagnostics),
            // Special forms with no spelling in every dialect.
            ast::Expr::Extract { .. }
            | ast::Expr::Position { .. }
            | ast::Expr::Overlay { .. }
            | ast::Expr::Ceil { .. }
            | ast::Expr::Floor { .. }
            | ast::Expr::AtTimeZone { .. } => {
                let text = e.to_string();
                let word: String = text
                    .chars()
                    .take_while(|c| c.is_ascii_alphabetic() || *c == '_')
                    .collect();
                let name = if word.is_empty() {
                    "at time zone".to_string()
                } else {
                    word.to_lowercase()
                };
                let at = sql
                    .text
                    .to_lowercase()
                    .find(&name)
                    .map_or(sql.span, |i| sql.span.sub(i, name.len()));
                diagnostics.push(
                    Diagnostic::error(
                        Code::UnknownFunction,
                        format!(
                            "`{name}` in {} has no spelling in every dialect",
                            scope.what
                        ),
                    )
                    .primary(at, "not portable")
                    .note("for SQL that only one dialect understands, use a `native` block"),
                );
            }
            // sqlparser reads `substr(...)` as its own expression, not as a function call.
            ast::Expr::Substring {
                substring_from: None,
                substring_for,
                ..
            } => {
                let count = 1 + usize::from(substring_for.is_some());
                diagnostics.push(
                    Diagnostic::error(
                        Code::UnknownFunction,
                        format!("`substr` takes 2 to 3 argument(s), not {count}"),
                    )
                    .primary(sql.span, format!("called with {count} here"))
                    .help("write `substr(<text>, <start>)` or `substr(<text>, <start>, <length>)`"),
                );
            }
            _ => {}
        }
        ControlFlow::<()>::Continue(())
    });
    if diagnostics.len() > before {
        return None;
    }
    Some(Checked {
        expr: Expr {
            sql: crate::sql_text::print(parsed.clone(), crate::sql_text::Spelling::Neutral),
            origin: sql.span,
        },
        columns,
        ast: parsed,
    })
}

fn check_function(
    sql: &Sql,
    f: &ast::Function,
    scope: &Scope<'_>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let Some(ident) = f.name.0.last().and_then(|p| p.as_ident()) else {
        return;
    };
    let name = ident.value.as_str();
    let span = span_of(sql, ident.span, name.len());
    let Some(function) = migc_stdlib::function(name) else {
        diagnostics.push(
            Diagnostic::error(
                Code::UnknownFunction,
                format!("unknown function `{name}` in {}", scope.what),
            )
            .primary(span, "not a function migc can spell for every dialect")
            .suggest(name, migc_stdlib::functions().iter().map(|f| f.name))
            .note("for SQL that only one dialect understands, use a `native` block"),
        );
        return;
    };
    let count = match &f.args {
        FunctionArguments::None => 0,
        FunctionArguments::Subquery(_) => 1,
        FunctionArguments::List(list) => list.args.len(),
    };
    if count < function.min_args || count > function.max_args {
        let wanted = if function.min_args == function.max_args {
            format!("{}", function.min_args)
        } else if function.max_args == usize::MAX {
            format!("at least {}", function.min_args)
        } else {
            format!("{} to {}", function.min_args, function.max_args)
        };
        diagnostics.push(
            Diagnostic::error(
                Code::UnknownFunction,
                format!(
                    "`{}` takes {wanted} argument(s), not {count}",
                    function.name
                ),
            )
            .primary(span, format!("called with {count} here")),
        );
    }
}

/// The string of a string-literal expression.
pub(crate) fn string_literal(e: &ast::Expr) -> Option<&str> {
    match e {
        ast::Expr::Value(v) => match &v.value {
            ast::Value::SingleQuotedString(s) => Some(s),
            _ => None,
        },
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use migc_grammar::FileId;

    fn sql(text: &str) -> Sql {
        Sql {
            text: text.to_string(),
            span: Span::new(FileId(0), 10, 10 + text.len()),
            parenthesized: true,
        }
    }

    #[track_caller]
    fn case(text: &str, columns: &[&str], expected: Result<&str, &str>) {
        let s = sql(text);
        let scope = Scope {
            what: "a check",
            columns,
            owner: "table `t`",
            unknown_help: None,
        };
        let mut diags = Vec::new();
        let result = parse(&s, "a check").and_then(|e| {
            check(&s, e, &scope, &mut diags)
                .map(|c| c.expr.sql)
                .ok_or_else(|| diags[0].clone())
        });
        match (result, expected) {
            (Ok(got), Ok(want)) => assert_eq!(got, want),
            (Err(d), Err(want)) => assert_eq!(d.message, want),
            (got, want) => panic!("got {got:?}, want {want:?}"),
        }
    }

    #[test]
    fn expressions() {
        case("total   >=  0", &["total"], Ok("total >= 0"));
        case("lower(email)", &["email"], Ok("lower(email)"));
        case(
            "totl > 0",
            &["total"],
            Err("unknown column `totl` in a check"),
        );
        case(
            "t.total > 0",
            &["total"],
            Err("qualified name `t.total` in a check"),
        );
        case(
            "lowr(email)",
            &["email"],
            Err("unknown function `lowr` in a check"),
        );
        case(
            "lower(email, 1)",
            &["email"],
            Err("`lower` takes 1 argument(s), not 2"),
        );
        case(
            "total >",
            &["total"],
            Err("invalid SQL in a check: expected an expression, found the end of the expression"),
        );
        case(
            "total > 0 0",
            &["total"],
            Err("invalid SQL in a check: expected the end of the expression, found 0"),
        );
    }

    #[test]
    fn unknown_column_points_at_the_name() {
        let s = sql("a + bb");
        let scope = Scope {
            what: "a check",
            columns: &["a", "b"],
            owner: "table `t`",
            unknown_help: None,
        };
        let mut diags = Vec::new();
        let parsed = parse(&s, "a check").expect("parses");
        assert!(check(&s, parsed, &scope, &mut diags).is_none());
        assert_eq!(diags[0].labels[0].span, Span::new(FileId(0), 14, 16));
        assert_eq!(diags[0].help.as_deref(), Some("did you mean `b`?"));
    }
}
