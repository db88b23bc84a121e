//! A parsed statement: tables, indexes and constraints go to their readers; views, enum types,
//! comments and drops are read here; anything else is outside the model.

use super::{Origin, Reader};
use crate::expr::ident_value;
use crate::unread::Unread;
use migc_compiler::schema::{CheckOption, Enum, EnumValue, View};
use migc_compiler::sql_text::{print, Spelling};
use migc_grammar::Span;
use sqlparser::ast::{self, CommentObject, ObjectName, Statement, UserDefinedTypeRepresentation};
use std::collections::BTreeMap;

impl Reader {
    pub(super) fn parsed(&mut self, s: Statement, text: &str, at: Origin) {
        match s {
            Statement::CreateTable(t) => self.create_table(t, text, at),
            Statement::AlterTable(a) => {
                let Some(table) = self.name(&a.name, at, text) else {
                    return;
                };
                for op in a.operations {
                    self.alter_table(&table, op, text, at);
                }
            }
            Statement::CreateIndex(i) => self.create_index(i, text, at),
            Statement::CreateView(v) => {
                let Some(name) = self.name(&v.name, at, text) else {
                    return;
                };
                if v.materialized {
                    self.unread(
                        at,
                        text,
                        Unread::replayable("materialized view", &name, None, self.dialect, text),
                    );
                    return;
                }
                let mut query = v.query;
                let dialect = self.dialect;
                let reading = self.reading();
                let _ = ast::visit_relations_mut(&mut query, |n: &mut ObjectName| {
                    let schema =
                        n.0.first()
                            .and_then(|p| p.as_ident())
                            .map(|i| ident_value(dialect, i));
                    if n.0.len() == 2 && schema.is_some_and(|s| reading.in_default_schema(&s)) {
                        n.0.remove(0);
                    }
                    std::ops::ControlFlow::<()>::Continue(())
                });
                // `'paid'::order_status`, `'x'::text`: a string is what every dialect compares
                // an enum or a text column with; the cast is PostgreSQL's spelling only, as is
                // `= ANY (ARRAY[…])` for `IN (…)`.
                let enums: Vec<String> = self.schema.enums.keys().cloned().collect();
                let _ = ast::visit_expressions_mut(&mut query, |e: &mut ast::Expr| {
                    if let ast::Expr::Cast {
                        expr, data_type, ..
                    } = e
                    {
                        let string = matches!(
                            &**expr,
                            ast::Expr::Value(v)
                                if matches!(v.value, ast::Value::SingleQuotedString(_))
                        );
                        let textual = match data_type {
                            ast::DataType::Custom(n, args) if args.is_empty() => {
                                n.0.last()
                                    .and_then(|p| p.as_ident())
                                    .is_some_and(|i| enums.contains(&ident_value(dialect, i)))
                            }
                            ast::DataType::Text
                            | ast::DataType::Varchar(_)
                            | ast::DataType::CharacterVarying(_) => true,
                            _ => false,
                        };
                        if string && textual {
                            *e = (**expr).clone();
                        }
                    } else if let ast::Expr::AnyOp {
                        left,
                        compare_op: ast::BinaryOperator::Eq,
                        right,
                        ..
                    } = e
                    {
                        // `x = ANY (ARRAY[…])`, PostgreSQL's print of `x IN (…)`.
                        if let ast::Expr::Array(a) = &**right {
                            *e = ast::Expr::InList {
                                expr: left.clone(),
                                list: a.elem.clone(),
                                negated: false,
                            };
                        }
                    }
                    std::ops::ControlFlow::<()>::Continue(())
                });
                let query = print(*query, Spelling::Neutral);
                let mut clauses = self.view_clauses.clone();
                // PostgreSQL's view options: `WITH (security_invoker = true, check_option = local)`.
                if let ast::CreateTableOptions::With(options) = &v.options {
                    for o in options {
                        let ast::SqlOption::KeyValue { key, value } = o else {
                            continue;
                        };
                        let value = value.to_string().trim_matches('\'').to_ascii_lowercase();
                        match key.value.to_ascii_lowercase().as_str() {
                            "security_invoker" => {
                                clauses.security_invoker =
                                    matches!(value.as_str(), "true" | "on" | "1" | "yes")
                            }
                            "check_option" => {
                                clauses.check_option = match value.as_str() {
                                    "local" => Some(CheckOption::Local),
                                    "cascaded" => Some(CheckOption::Cascaded),
                                    _ => clauses.check_option,
                                }
                            }
                            _ => {}
                        }
                    }
                }
                self.schema.views.insert(
                    name.clone(),
                    View {
                        name,
                        query,
                        depends_on: Vec::new(),
                        renamed_from: None,
                        security_invoker: clauses.security_invoker,
                        check_option: clauses.check_option,
                        options: clauses
                            .algorithm
                            .map(|a| (self.dialect, a))
                            .into_iter()
                            .filter(|(d, _)| d.behaviour().has_table_options())
                            .collect(),
                        origin: Span::default(),
                    },
                );
            }
            Statement::CreateType {
                name,
                representation: Some(UserDefinedTypeRepresentation::Enum { labels }),
            } => {
                let Some(name) = self.name(&name, at, text) else {
                    return;
                };
                self.schema.enums.insert(
                    name.clone(),
                    Enum {
                        name,
                        values: labels
                            .iter()
                            .map(|l| EnumValue {
                                name: l.value.clone(),
                                renamed_from: None,
                                origin: Span::default(),
                            })
                            .collect(),
                        renamed_from: None,
                        dropped_values: BTreeMap::new(),
                        origin: Span::default(),
                    },
                );
            }
            Statement::CreateType { name, .. } => {
                let n = name.to_string();
                self.unread(
                    at,
                    text,
                    Unread::replayable("type", &n, None, self.dialect, text),
                );
            }
            Statement::Comment {
                object_type,
                object_name,
                comment,
                ..
            } => self.comment(object_type, &object_name, comment, text, at),
            Statement::Drop {
                object_type, names, ..
            } => {
                for n in &names {
                    let Some(name) = self.name(n, at, text) else {
                        continue;
                    };
                    match object_type {
                        ast::ObjectType::Table => {
                            self.schema.tables.remove(&name);
                        }
                        ast::ObjectType::View => {
                            self.schema.views.remove(&name);
                        }
                        _ => {}
                    }
                }
            }
            other => {
                let what = other.to_string();
                let word: String = what
                    .split_whitespace()
                    .take(3)
                    .collect::<Vec<_>>()
                    .join(" ");
                self.unread(
                    at,
                    text,
                    Unread::replayable("statement", &word, None, self.dialect, text),
                );
            }
        }
    }

    fn comment(
        &mut self,
        object_type: CommentObject,
        name: &ObjectName,
        comment: Option<String>,
        text: &str,
        at: Origin,
    ) {
        let parts: Vec<String> = name
            .0
            .iter()
            .filter_map(|p| p.as_ident().map(|i| ident_value(self.dialect, i)))
            .collect();
        let parts: Vec<&str> = match parts.first().map(String::as_str) {
            Some("public") if parts.len() > 1 => parts[1..].iter().map(String::as_str).collect(),
            _ => parts.iter().map(String::as_str).collect(),
        };
        match (object_type, parts.as_slice()) {
            (CommentObject::Table, [t]) => {
                if let Some(table) = self.schema.tables.get_mut(*t) {
                    table.comment = comment;
                }
            }
            (CommentObject::Column, [t, c]) => {
                if let Some(col) = self.column_mut(t, c) {
                    col.comment = comment;
                }
            }
            _ => {
                let n = parts.join(".");
                self.unread(
                    at,
                    text,
                    Unread::replayable("comment", &n, None, self.dialect, text),
                );
            }
        }
    }
}
