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
        Some(checked.expr)
    }
}
