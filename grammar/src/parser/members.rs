//! Members of a table or mixin, and the `references` clause they share with columns.

use super::keywords::is_keyword;
use super::sql::empty_sql;
use super::{next, significant, Lower, Rule};
use crate::ast::*;
use crate::Span;
use pest::iterators::Pair;

impl Lower {
    pub(super) fn member(&mut self, pair: Pair<'_, Rule>) -> Member {
        let span = self.span(&pair);
        let rule = pair.as_rule();
        let strict = pair.as_str().to_ascii_lowercase().starts_with("strict");
        let mut inner = significant(pair)
            .filter(|p| !is_keyword(p.as_rule()))
            .peekable();
        match rule {
            Rule::column_def => {
                let name = self.ident(next(&mut inner));
                let ty = self.type_expr(next(&mut inner));
                let attrs = inner.map(|p| self.column_attr(p)).collect();
                Member::Column(ColumnDef {
                    name,
                    ty,
                    attrs,
                    span,
                })
            }
            Rule::index_def => {
                let mut unique = false;
                let mut name = None;
                let mut parts = None;
                let mut predicate = None;
                for p in inner {
                    match p.as_rule() {
                        Rule::unique_kw => unique = true,
                        Rule::name => name = Some(self.ident(p)),
                        Rule::sql_paren => parts = Some(self.sql(p)),
                        _ => {
                            predicate = significant(p)
                                .find(|s| matches!(s.as_rule(), Rule::sql_paren | Rule::sql_line))
                                .map(|s| self.sql(s))
                        }
                    }
                }
                Member::Index(IndexDef {
                    unique,
                    name,
                    parts: parts.unwrap_or_else(|| empty_sql(span)),
                    predicate,
                    span,
                })
            }
            Rule::primary_key_def => Member::PrimaryKey(PrimaryKeyDef {
                columns: self.names(next(&mut inner)),
                span,
            }),
            Rule::unique_def => {
                let name = if inner.peek().map(|p| p.as_rule()) == Some(Rule::name) {
                    Some(self.ident(next(&mut inner)))
                } else {
                    None
                };
                Member::Unique(UniqueDef {
                    name,
                    columns: self.names(next(&mut inner)),
                    span,
                })
            }
            Rule::check_def => {
                let name = if inner.peek().map(|p| p.as_rule()) == Some(Rule::name) {
                    Some(self.ident(next(&mut inner)))
                } else {
                    None
                };
                Member::Check(CheckDef {
                    name,
                    expr: self.sql(next(&mut inner)),
                    span,
                })
            }
            Rule::foreign_key_def => {
                let name = if inner.peek().map(|p| p.as_rule()) == Some(Rule::name) {
                    Some(self.ident(next(&mut inner)))
                } else {
                    None
                };
                let columns = self.names(next(&mut inner));
                let table = next(&mut inner);
                let ref_start = self.span(&table);
                let reference = self.reference(table, inner, ref_start, span);
                Member::ForeignKey(ForeignKeyDef {
                    name,
                    columns,
                    reference,
                    span,
                })
            }
            Rule::include_def => Member::Include(self.ident(next(&mut inner)), span),
            Rule::comment_def => Member::Comment(self.string(next(&mut inner)), span),
            Rule::retire_def => {
                let name = self.ident(next(&mut inner));
                let down = inner
                    .next()
                    .and_then(|p| significant(p).find(|s| s.as_rule() == Rule::sql_paren))
                    .map(|p| self.sql(p));
                Member::Retire(RetireDef { name, down, span })
            }
            Rule::collate_def => Member::Collate(self.spellings(next(&mut inner)), span),
            Rule::options_def => Member::Options(self.spellings(next(&mut inner)), span),
            Rule::table_option if strict => Member::Option(TableOption::Strict, span),
            Rule::table_option => Member::Option(TableOption::WithoutRowid, span),
            _ => Member::DropColumn(self.ident(next(&mut inner)), span),
        }
    }

    pub(super) fn reference<'a>(
        &mut self,
        table: Pair<'a, Rule>,
        rest: impl Iterator<Item = Pair<'a, Rule>>,
        start: Span,
        end: Span,
    ) -> Reference {
        let table = self.ident(table);
        let mut columns = Vec::new();
        let mut actions = Vec::new();
        for p in rest {
            match p.as_rule() {
                Rule::name_list => columns = self.names(p),
                _ => actions.push(self.fk_action(p)),
            }
        }
        Reference {
            table,
            columns,
            actions,
            span: start.to(Span::new(self.file, end.end as usize, end.end as usize)),
        }
    }

    fn fk_action(&mut self, pair: Pair<'_, Rule>) -> FkAction {
        let span = self.span(&pair);
        let mut event = FkEvent::Delete;
        let mut effect = FkEffect::NoAction;
        for p in significant(pair) {
            match p.as_rule() {
                Rule::fk_event => {
                    let kw = p.as_str().to_ascii_lowercase();
                    event = if kw == "update" {
                        FkEvent::Update
                    } else {
                        FkEvent::Delete
                    };
                }
                Rule::fk_effect => {
                    effect = match significant(p).next().map(|e| e.as_rule()) {
                        Some(Rule::k_cascade) => FkEffect::Cascade,
                        Some(Rule::k_restrict) => FkEffect::Restrict,
                        Some(Rule::set_null) => FkEffect::SetNull,
                        Some(Rule::set_default) => FkEffect::SetDefault,
                        _ => FkEffect::NoAction,
                    }
                }
                _ => {}
            }
        }
        FkAction {
            event,
            effect,
            span,
        }
    }
}
