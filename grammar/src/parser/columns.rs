//! A column's type and attributes.

use super::keywords::is_keyword;
use super::{next, significant, Lower, Rule};
use crate::ast::*;
use crate::{Code, Diagnostic};
use pest::iterators::Pair;

impl Lower {
    pub(super) fn column_attr(&mut self, pair: Pair<'_, Rule>) -> ColumnAttr {
        let span = self.span(&pair);
        let rule = pair.as_rule();
        let mut inner = significant(pair)
            .filter(|p| !is_keyword(p.as_rule()))
            .peekable();
        match rule {
            Rule::not_null => ColumnAttr::NotNull(span),
            Rule::null_attr => ColumnAttr::Null(span),
            Rule::primary_key_attr => ColumnAttr::PrimaryKey(span),
            Rule::identity_attr => ColumnAttr::Identity(span),
            Rule::autoincrement_attr => ColumnAttr::Autoincrement(span),
            Rule::unique_attr => ColumnAttr::Unique(span),
            Rule::default_attr => {
                let value = next(&mut inner);
                if value.as_rule() == Rule::native_type {
                    ColumnAttr::NativeDefault(self.spellings(value), span)
                } else {
                    ColumnAttr::Default(self.sql(value), span)
                }
            }
            Rule::check_attr => {
                let name = if inner.peek().map(|p| p.as_rule()) == Some(Rule::name) {
                    Some(self.ident(next(&mut inner)))
                } else {
                    None
                };
                ColumnAttr::Check {
                    name,
                    expr: self.sql(next(&mut inner)),
                    span,
                }
            }
            Rule::references_attr => {
                let table = next(&mut inner);
                let start = self.span(&table);
                ColumnAttr::References(self.reference(table, inner, start, span))
            }
            Rule::renamed_from => ColumnAttr::RenamedFrom(self.ident(next(&mut inner)), span),
            Rule::from_attr => ColumnAttr::From(inner.map(|p| self.ident(p)).collect(), span),
            Rule::up_attr => ColumnAttr::Up(self.sql(next(&mut inner)), span),
            Rule::down_attr => ColumnAttr::Down(self.sql(next(&mut inner)), span),
            Rule::on_update_attr => {
                let value = next(&mut inner.filter(|p| p.as_rule() != Rule::k_update));
                ColumnAttr::OnUpdate(self.sql(value), span)
            }
            Rule::collate_attr => ColumnAttr::Collate(self.spellings(next(&mut inner)), span),
            Rule::generated_attr => {
                let expr = self.sql(next(&mut inner));
                let stored = next(&mut inner).as_rule() == Rule::k_stored;
                ColumnAttr::Generated { expr, stored, span }
            }
            _ => ColumnAttr::Comment(self.string(next(&mut inner)), span),
        }
    }

    pub(super) fn type_expr(&mut self, pair: Pair<'_, Rule>) -> TypeExpr {
        let span = self.span(&pair);
        let mut inner = significant(pair);
        let first = next(&mut inner);
        if first.as_rule() == Rule::native_type {
            let spellings = self.spellings(first);
            return TypeExpr::Native { spellings, span };
        }
        let name = self.ident(first);
        let mut args = Vec::new();
        let mut spellings = Vec::new();
        for p in inner {
            if p.as_rule() == Rule::native_type {
                spellings = self.spellings(p);
                continue;
            }
            args = significant(p)
                .map(|n| {
                    let s = self.span(&n);
                    match n.as_str().parse::<u64>() {
                        Ok(v) => (v, s),
                        Err(_) => {
                            self.errors.push(
                                Diagnostic::error(Code::Syntax, "number too large")
                                    .primary(s, "does not fit in 64 bits"),
                            );
                            (0, s)
                        }
                    }
                })
                .collect();
        }
        TypeExpr::Named {
            name,
            args,
            spellings,
            span,
        }
    }

    /// `native(postgres: "tsvector", sqlite: "text")`: the spellings by dialect.
    pub(super) fn spellings(&mut self, native: Pair<'_, Rule>) -> Vec<(Ident, StringLit)> {
        significant(native)
            .filter(|p| p.as_rule() == Rule::native_spelling)
            // (a `collate(…)` list is spelled the same way)
            .map(|p| {
                let mut parts = significant(p);
                let dialect = self.ident(next(&mut parts));
                let spelling = self.string(next(&mut parts));
                (dialect, spelling)
            })
            .collect()
    }
}
