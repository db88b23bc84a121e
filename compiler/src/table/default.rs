//! A column's default: an expression that reads no column, and for an enum column one of its
//! values.

use crate::expr::{self, Scope};
use crate::resolve::Resolver;
use crate::schema::{ColumnType, Expr};
use migc_grammar::ast;
use migc_grammar::{Code, Diagnostic};

impl Resolver<'_> {
    pub(super) fn default(&mut self, sql: &ast::Sql, ty: &ColumnType) -> Option<Expr> {
        let parsed = match self.parse_expr(sql, "a default") {
            Ok(p) => p,
            Err(d) => {
                self.diagnostics.push(d);
                return None;
            }
        };
        let scope = Scope {
            what: "a default",
            columns: &[],
            owner: "the default",
            unknown_help: None,
        };
        // `default pending` for an enum column: the value written without quotes.
        let unquoted_value = match (ty, &parsed) {
            (ColumnType::Enum { name }, sqlparser::ast::Expr::Identifier(i))
                if self.enums[name].values.iter().any(|v| v.name == i.value) =>
            {
                Some((i.value.clone(), name.clone()))
            }
            _ => None,
        };
        let before = self.diagnostics.len();
        let checked = expr::check(sql, parsed, &scope, &mut self.diagnostics);
        for d in &mut self.diagnostics[before..] {
            if d.code == Code::UnknownColumn {
                d.code = Code::ColumnInDefault;
                d.message = d.message.replace("unknown column", "column");
                d.message.push_str(" (defaults cannot read columns)");
                d.labels[0].message = "a default cannot refer to a column".into();
                d.help = Some(match &unquoted_value {
                    Some((value, name)) => format!(
                        "`{value}` is a value of enum `{name}`: write it as a string, `default '{value}'`"
                    ),
                    None => {
                        "to fill a new column from others, write `from <columns> up (<expression>)`"
                            .into()
                    }
                });
            }
        }
        let checked = checked?;
        if let ColumnType::Enum { name } = ty {
            if let Some(value) = expr::string_literal(&checked.ast) {
                let values: Vec<&str> = self.enums[name]
                    .values
                    .iter()
                    .map(|v| v.name.as_str())
                    .collect();
                if !values.contains(&value) {
                    self.diagnostics.push(
                        Diagnostic::error(
                            Code::NotAnEnumValue,
                            format!("default `'{value}'` is not a value of enum `{name}`"),
                        )
                        .primary(sql.span, "not a value of the enum")
                        .secondary(self.enums[name].origin, "enum declared here")
                        .suggest(value, values.iter().copied())
                        .note(format!("the values are {}", values.join(", "))),
                    );
                    return None;
                }
            } else if let sqlparser::ast::Expr::Value(v) = &checked.ast {
                // A number or boolean is never an enum value (a null default is fine).
                if !matches!(v.value, sqlparser::ast::Value::Null) {
                    let values: Vec<&str> = self.enums[name]
                        .values
                        .iter()
                        .map(|v| v.name.as_str())
                        .collect();
                    self.diagnostics.push(
                        Diagnostic::error(
                            Code::NotAnEnumValue,
                            format!("default `{}` is not a value of enum `{name}`", sql.text),
                        )
                        .primary(sql.span, "not a value of the enum")
                        .secondary(self.enums[name].origin, "enum declared here")
                        .note(format!("the values are {}", values.join(", ")))
                        .help("write an enum value as a string, such as `default 'pending'`"),
                    );
                    return None;
                }
            }
        }
        if let Some(problem) = misfit(&checked.ast, ty) {
            self.diagnostics.push(
                Diagnostic::error(
                    Code::DefaultDoesNotFit,
                    format!("default `{}` does not fit type `{ty}`", sql.text),
                )
                .primary(sql.span, problem.what)
                .help(problem.help),
            );
            return None;
        }
        Some(checked.expr)
    }
}

/// Why a literal default cannot be a value of its column's type, and how to write one that is.
struct Misfit {
    what: String,
    help: String,
}

/// A literal default its built-in type cannot hold, which every database would refuse (or, in
/// SQLite, store as something else) when the column is made. Expressions are left to the
/// database.
fn misfit(e: &sqlparser::ast::Expr, ty: &ColumnType) -> Option<Misfit> {
    use migc_stdlib::TypeClass::*;
    use sqlparser::ast::{Expr as E, UnaryOperator, Value as V};
    let class = ty.builtin()?.class;
    let fail = |what: &str, help: String| {
        Some(Misfit {
            what: what.to_string(),
            help,
        })
    };
    let (value, negated) = match e {
        E::Value(v) => (&v.value, false),
        E::UnaryOp {
            op: UnaryOperator::Minus,
            expr,
        } => match expr.as_ref() {
            E::Value(v) => (&v.value, true),
            _ => return None,
        },
        _ => return None,
    };
    match value {
        V::SingleQuotedString(s) => match class {
            Integer if s.trim().parse::<i128>().is_err() => fail(
                "not an integer",
                "write a number without quotes, such as `default 0`, or change the type to `text`"
                    .into(),
            ),
            Decimal | Float if s.trim().parse::<f64>().is_err() => fail(
                "not a number",
                "write a number without quotes, such as `default 0.0`".into(),
            ),
            Uuid if {
                let hex: Vec<char> = s
                    .trim_matches(|c| c == '{' || c == '}')
                    .chars()
                    .filter(|c| *c != '-')
                    .collect();
                hex.len() != 32 || !hex.iter().all(char::is_ascii_hexdigit)
            } =>
            {
                fail(
                    "not a UUID",
                    "write a UUID such as `default '00000000-0000-0000-0000-000000000000'`, or `default gen_uuid()`".into(),
                )
            }
            Text => match ty {
                ColumnType::Builtin { name, args } if name == "varchar" || name == "char" => {
                    let limit = *args.first()?;
                    let length = s.chars().count() as u64;
                    (length > limit).then(|| Misfit {
                        what: format!("{length} characters, longer than `{ty}` holds"),
                        help: format!("shorten it to {limit} characters, or widen the column"),
                    })
                }
                _ => None,
            },
            _ => None,
        },
        V::Number(n, _) => match class {
            Text | Bytes | Uuid | Temporal | Json => fail(
                "a number",
                format!("write it as a string: `default '{}{n}'`", if negated { "-" } else { "" }),
            ),
            Integer if n.contains(['.', 'e', 'E']) => fail(
                "not an integer",
                "write a whole number, or change the type to `decimal` or `float64`".into(),
            ),
            Bool if !negated && (n == "0" || n == "1") => None,
            Bool => fail("a number", "write `default true` or `default false`".into()),
            _ => None,
        },
        V::Boolean(_) if class != Bool => fail(
            "a boolean",
            "write a value of the column's type, or change the type to `bool`".into(),
        ),
        _ => None,
    }
}

impl Resolver<'_> {
    /// `default native(sqlite: "datetime('now')", …)`: each text one expression as its dialect
    /// reads it, with nothing that could end the statement it goes into or hide the rest of it
    /// (a `;`, a comment, a line break).
    pub(super) fn native_default(
        &mut self,
        spellings: &[(ast::Ident, ast::StringLit)],
        span: migc_grammar::Span,
    ) -> Option<Expr> {
        let mut map = std::collections::BTreeMap::new();
        let mut ok = true;
        for (dialect, text) in spellings {
            let Some(d) = migc_stdlib::Dialect::from_name(&dialect.name) else {
                self.unknown_dialect(dialect);
                ok = false;
                continue;
            };
            if let Err(why) = one_expression(d, &text.value) {
                self.diagnostics.push(
                    Diagnostic::error(
                        Code::BadExpression,
                        format!("the {} default is not one expression: {why}", d.name()),
                    )
                    .primary(text.span, why)
                    .help("write one SQL expression of that dialect, such as `datetime('now')`"),
                );
                ok = false;
                continue;
            }
            if map.insert(d, text.value.clone()).is_some() {
                self.repeated(&format!("`{}`", d.name()), dialect.span);
                ok = false;
            }
        }
        (ok && !map.is_empty()).then(|| Expr::native(&map, span))
    }
}

/// Whether `text` is one expression of dialect `d` and nothing else: no statement separator,
/// comment or line break, which would change what the statement it is written into does.
pub fn one_expression(d: migc_stdlib::Dialect, text: &str) -> Result<(), String> {
    use sqlparser::tokenizer::{Token, Tokenizer, Whitespace};
    let reader = d.behaviour().sql_reader();
    let Some(dialect) = sqlparser::dialect::dialect_from_str(reader) else {
        return Err(format!("no SQL reader `{reader}`"));
    };
    if text.trim().is_empty() {
        return Err("it is empty".into());
    }
    if text.chars().any(char::is_control) {
        return Err("it holds a line break or another control character".into());
    }
    let tokens = Tokenizer::new(dialect.as_ref(), text)
        .tokenize()
        .map_err(|e| format!("it cannot be read ({})", e.message))?;
    for t in &tokens {
        match t {
            Token::SemiColon => return Err("it holds `;`".into()),
            Token::Whitespace(Whitespace::SingleLineComment { .. })
            | Token::Whitespace(Whitespace::MultiLineComment(_)) => {
                return Err("it holds a comment".into())
            }
            _ => {}
        }
    }
    let mut parser = sqlparser::parser::Parser::new(dialect.as_ref()).with_tokens(tokens);
    parser
        .parse_expr()
        .map_err(|e| format!("it cannot be read as an expression ({e})"))?;
    if parser.peek_token().token != Token::EOF {
        return Err("more follows the expression".into());
    }
    Ok(())
}
