//! Expressions read from a database or a dump, brought to the portable text `.mig` files hold.
//!
//! Databases store expressions in their own words: PostgreSQL adds casts to every literal
//! (`'pending'::order_status`, `(0)::numeric`), parentheses around every operation and writes
//! `IN (…)` as `= ANY (ARRAY[…])`; MySQL quotes names with backticks and spells `now()` as
//! `current_timestamp(6)`. The stdlib's spellings are read back to its portable names, and
//! what only one dialect understands is refused (the caller keeps it as a `native` block).

use migc_stdlib::Dialect;
use sqlparser::ast::{
    self, visit_expressions_mut, BinaryOperator, CastKind, Expr, FunctionArguments, Ident,
    ObjectName, ObjectNamePart, UnaryOperator,
};
use std::ops::ControlFlow;

/// A name as an SQL identifier of portable text: bare when plain lower case and not a keyword.
pub(crate) fn ident(name: &str) -> Ident {
    if needs_quotes(name) {
        Ident::with_quote('"', name)
    } else {
        Ident::new(name)
    }
}

pub(crate) fn needs_quotes(name: &str) -> bool {
    !migc_stdlib::is_plain_identifier(name)
}

/// The value of an identifier as the dialect resolves it (PostgreSQL folds bare names).
pub(crate) fn ident_value(dialect: Dialect, i: &Ident) -> String {
    if i.quote_style.is_none() && crate::dialect::reading(dialect).folds_unquoted_names() {
        i.value.to_lowercase()
    } else {
        i.value.clone()
    }
}

/// The stdlib function a dialect's spelling stands for.
fn portable_function(dialect: Dialect, name: &str, args: usize) -> Option<&'static str> {
    let n = name.to_ascii_lowercase();
    Some(match n.as_str() {
        "current_timestamp" | "now" | "localtimestamp" => "now",
        "current_date" => "current_date",
        _ => match crate::dialect::reading(dialect).function(&n, args) {
            Some(p) => p,
            None => migc_stdlib::function(&n)?.name,
        },
    })
}

fn strip_nested(e: &Expr) -> &Expr {
    match e {
        Expr::Nested(inner) => strip_nested(inner),
        other => other,
    }
}

/// Binding strength of an expression's top operator (higher binds tighter).
fn precedence(e: &Expr) -> u8 {
    match e {
        Expr::BinaryOp { op, .. } => match op {
            BinaryOperator::Or => 1,
            BinaryOperator::And => 2,
            BinaryOperator::Eq
            | BinaryOperator::NotEq
            | BinaryOperator::Lt
            | BinaryOperator::LtEq
            | BinaryOperator::Gt
            | BinaryOperator::GtEq => 4,
            BinaryOperator::StringConcat => 5,
            BinaryOperator::Plus | BinaryOperator::Minus => 6,
            BinaryOperator::Multiply | BinaryOperator::Divide | BinaryOperator::Modulo => 7,
            _ => 0,
        },
        Expr::UnaryOp {
            op: UnaryOperator::Not,
            ..
        } => 3,
        Expr::IsNull(_)
        | Expr::IsNotNull(_)
        | Expr::InList { .. }
        | Expr::Between { .. }
        | Expr::Like { .. }
        | Expr::ILike { .. }
        | Expr::IsTrue(_)
        | Expr::IsFalse(_) => 4,
        Expr::Identifier(_)
        | Expr::CompoundIdentifier(_)
        | Expr::Value(_)
        | Expr::Function(_)
        | Expr::Cast { .. } => 10,
        _ => 0,
    }
}

/// A cast PostgreSQL writes by itself: of a literal to its column's type, of a column to the
/// text or number type an operator wants. Casts that change what a value means (to `date`)
/// stay.
fn is_implicit_cast(e: &Expr, ty: &ast::DataType) -> bool {
    match strip_nested(e) {
        Expr::Value(_) => true,
        Expr::Identifier(_) => {
            let t = ty.to_string().to_ascii_lowercase();
            t == "text"
                || t.starts_with("character varying")
                || t.starts_with("varchar")
                || t.starts_with("numeric")
        }
        Expr::UnaryOp {
            op: UnaryOperator::Minus,
            expr,
        } => matches!(strip_nested(expr), Expr::Value(_)),
        _ => false,
    }
}

fn unwrap_if(e: &mut Expr, keep: impl Fn(u8) -> bool) {
    if let Expr::Nested(inner) = e {
        let p = precedence(inner);
        if p > 0 && !keep(p) {
            *e = (**inner).clone();
        }
    }
}

/// One rewriting pass, children before parents.
fn rewrite(dialect: Dialect, e: &mut Expr) -> Result<(), String> {
    let mut refused: Option<String> = None;
    let _ = visit_expressions_mut(e, |e: &mut Expr| {
        match e {
            Expr::Identifier(i) => *i = ident(&ident_value(dialect, i)),
            Expr::CompoundIdentifier(parts) => {
                for i in parts.iter_mut() {
                    *i = ident(&ident_value(dialect, i));
                }
            }
            Expr::Nested(inner) if precedence(inner) >= 10 => *e = (**inner).clone(),
            Expr::Cast {
                kind: CastKind::DoubleColon,
                expr,
                data_type,
                ..
            } if is_implicit_cast(expr, data_type) => *e = strip_nested(expr).clone(),
            Expr::BinaryOp { .. } => {
                let p = precedence(e);
                if let Expr::BinaryOp { left, right, .. } = e {
                    unwrap_if(left, |c| c < p);
                    // `a AND (b AND c)` reads the same without parentheses; `a - (b - c)` does not.
                    unwrap_if(right, |c| c < p || (c == p && p > 2));
                }
            }
            Expr::UnaryOp {
                op: UnaryOperator::Not,
                expr,
            } => unwrap_if(expr, |c| c <= 3),
            Expr::IsNull(x) | Expr::IsNotNull(x) | Expr::IsTrue(x) | Expr::IsFalse(x) => {
                unwrap_if(x, |c| c <= 4)
            }
            Expr::InList { expr, .. } => unwrap_if(expr, |c| c <= 4),
            Expr::AnyOp {
                left,
                compare_op: BinaryOperator::Eq,
                right,
                ..
            } => {
                let mut list = strip_nested(right);
                if let Expr::Cast { expr, .. } = list {
                    list = strip_nested(expr);
                }
                if let Expr::Array(a) = list {
                    *e = Expr::InList {
                        expr: left.clone(),
                        list: a.elem.clone(),
                        negated: false,
                    };
                }
            }
            Expr::Function(f)
                if crate::dialect::reading(dialect).concat_is_null_on_null()
                    && null_on_null_concat(f).is_some() =>
            {
                if let Some(chain) = null_on_null_concat(f) {
                    *e = chain;
                }
            }
            Expr::Function(f) => {
                let args = match &f.args {
                    FunctionArguments::List(l) => l.args.len(),
                    _ => 0,
                };
                let name = f
                    .name
                    .0
                    .last()
                    .and_then(ObjectNamePart::as_ident)
                    .map(|i| i.value.clone())
                    .unwrap_or_default();
                match portable_function(dialect, &name, args) {
                    Some(p) => {
                        f.name = ObjectName(vec![ObjectNamePart::Identifier(Ident::new(p))]);
                        if matches!(p, "now" | "current_date" | "gen_uuid") {
                            f.args = FunctionArguments::List(ast::FunctionArgumentList {
                                duplicate_treatment: None,
                                args: Vec::new(),
                                clauses: Vec::new(),
                            });
                            f.parameters = FunctionArguments::None;
                        }
                    }
                    None => refused = Some(format!("`{name}`")),
                }
            }
            Expr::Extract { .. }
            | Expr::Position { .. }
            | Expr::Overlay { .. }
            | Expr::Ceil { .. }
            | Expr::Floor { .. }
            | Expr::AtTimeZone { .. } => refused = Some(format!("`{e}`")),
            _ => {}
        }
        ControlFlow::<()>::Continue(())
    });
    match refused {
        Some(what) => Err(what),
        None => Ok(()),
    }
}

/// `concat(a, b, …)` as `a || b || …` (two arguments at least, none named).
fn null_on_null_concat(f: &ast::Function) -> Option<Expr> {
    let name = f.name.0.last().and_then(ObjectNamePart::as_ident)?;
    if !name.value.eq_ignore_ascii_case("concat") {
        return None;
    }
    let FunctionArguments::List(list) = &f.args else {
        return None;
    };
    let args: Vec<Expr> = list
        .args
        .iter()
        .map(|a| match a {
            ast::FunctionArg::Unnamed(ast::FunctionArgExpr::Expr(e)) => Some(e.clone()),
            _ => None,
        })
        .collect::<Option<_>>()?;
    let nest = |x: Expr| match x {
        Expr::BinaryOp { .. } | Expr::UnaryOp { .. } => Expr::Nested(Box::new(x)),
        other => other,
    };
    let mut args = args.into_iter().map(nest);
    let mut chain = args.next()?;
    let mut any = false;
    for a in args {
        any = true;
        chain = Expr::BinaryOp {
            left: Box::new(chain),
            op: BinaryOperator::StringConcat,
            right: Box::new(a),
        };
    }
    any.then_some(chain)
}

/// The portable text of an expression, or what in it only this dialect understands.
pub(crate) fn portable(dialect: Dialect, e: &Expr) -> Result<String, String> {
    let mut e = e.clone();
    // Each pass may expose parentheses the next one removes.
    for _ in 0..3 {
        rewrite(dialect, &mut e)?;
    }
    while let Expr::Nested(inner) = e {
        e = *inner;
    }
    // Read again as `.mig` text is read, so the text is what the compiler would print.
    use migc_compiler::sql_text::{print, Spelling};
    let text = print(e, Spelling::Neutral);
    let generic = sqlparser::dialect::GenericDialect {};
    match sqlparser::parser::Parser::new(&generic)
        .try_with_sql(&text)
        .and_then(|mut p| p.parse_expr())
    {
        Ok(back) => Ok(print(back, Spelling::Neutral)),
        Err(_) => Err(format!("`{text}`")),
    }
}

/// A literal's text (`'pending'`, `'pending'::mood`), for enum defaults and labels.
pub(crate) fn string_value(e: &Expr) -> Option<String> {
    match strip_nested(e) {
        Expr::Value(v) => match &v.value {
            ast::Value::SingleQuotedString(s) => Some(s.clone()),
            _ => None,
        },
        Expr::Cast { expr, .. } => string_value(expr),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sqlparser::dialect::{MySqlDialect, PostgreSqlDialect, SQLiteDialect};
    use sqlparser::parser::Parser;

    #[track_caller]
    fn case(dialect: Dialect, input: &str, expected: Result<&str, &str>) {
        let parsed = match dialect {
            Dialect::Postgres => Parser::new(&PostgreSqlDialect {}),
            Dialect::Mysql => Parser::new(&MySqlDialect {}),
            Dialect::Sqlite => Parser::new(&SQLiteDialect {}),
        }
        .try_with_sql(input)
        .and_then(|mut p| p.parse_expr())
        .unwrap();
        assert_eq!(
            portable(dialect, &parsed).as_deref(),
            expected.map_err(str::to_string).as_deref(),
            "{input}"
        );
    }

    #[test]
    fn postgres_words() {
        let pg = Dialect::Postgres;
        case(pg, "(total >= (0)::numeric)", Ok("total >= 0"));
        case(pg, "'pending'::order_status", Ok("'pending'"));
        case(
            pg,
            "((a > 0) AND ((b)::text <> 'x'::text))",
            Ok("a > 0 AND b <> 'x'"),
        );
        case(pg, "((a + 1) * 2)", Ok("(a + 1) * 2"));
        case(pg, "((a OR b) AND c)", Ok("(a OR b) AND c"));
        case(
            pg,
            "((status)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[]))",
            Ok("status IN ('a', 'b')"),
        );
        case(pg, "lower((email)::text)", Ok("lower(email)"));
        case(pg, "CURRENT_TIMESTAMP", Ok("now()"));
        case(pg, "gen_random_uuid()", Ok("gen_uuid()"));
        case(pg, "\"Order\" > 0", Ok("\"Order\" > 0"));
        case(pg, "\"order\" > 0", Ok("\"order\" > 0"));
        case(pg, "to_tsvector(body)", Err("`to_tsvector`"));
        case(pg, "(created_at)::date", Ok("created_at::DATE"));
    }

    #[test]
    fn mysql_and_sqlite_words() {
        case(Dialect::Mysql, "`total` >= 0", Ok("total >= 0"));
        case(Dialect::Mysql, "current_timestamp(6)", Ok("now()"));
        case(
            Dialect::Mysql,
            "char_length(`name`) > 2",
            Ok("length(name) > 2"),
        );
        case(Dialect::Sqlite, "CURRENT_TIMESTAMP", Ok("now()"));
        case(
            Dialect::Sqlite,
            "\"status\" IN ('a','b')",
            Ok("status IN ('a', 'b')"),
        );
        // MySQL's concat() is null when an argument is: `||`, not the stdlib's concat.
        case(
            Dialect::Mysql,
            "concat(`name`,' (',`a` + 1,')')",
            Ok("name || ' (' || a + 1 || ')'"),
        );
        case(Dialect::Mysql, "concat(`name`)", Ok("concat(name)"));
        case(
            Dialect::Postgres,
            "concat(name, 'x')",
            Ok("concat(name, 'x')"),
        );
    }
}
