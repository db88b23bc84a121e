//! Items: `use`, `enum`, `table`, `mixin`, `view`, `native` and `drop table`.

use super::keywords::is_keyword;
use super::sql::empty_sql;
use super::{next, significant, Lower, Rule};
use crate::ast::*;
use pest::iterators::Pair;

impl Lower {
    pub(super) fn item(&mut self, pair: Pair<'_, Rule>) -> Item {
        let span = self.span(&pair);
        let rule = pair.as_rule();
        let mut inner = significant(pair)
            .filter(|p| !is_keyword(p.as_rule()))
            .peekable();
        match rule {
            Rule::use_decl => {
                let path = inner
                    .next()
                    .map(|p| significant(p).map(|n| self.ident(n)).collect());
                Item::Use(Use {
                    path: path.unwrap_or_default(),
                    span,
                })
            }
            Rule::enum_decl => {
                let name = self.ident(next(&mut inner));
                let renamed_from = if inner.peek().map(|p| p.as_rule()) == Some(Rule::renamed_from)
                {
                    Some(self.renamed(next(&mut inner)))
                } else {
                    None
                };
                let entries = inner.map(|p| self.enum_entry(p)).collect();
                Item::Enum(EnumDecl {
                    name,
                    renamed_from,
                    entries,
                    span,
                })
            }
            Rule::table_decl => {
                let name = self.ident(next(&mut inner));
                let renamed_from = if inner.peek().map(|p| p.as_rule()) == Some(Rule::renamed_from)
                {
                    Some(self.renamed(next(&mut inner)))
                } else {
                    None
                };
                let members = inner.map(|p| self.member(p)).collect();
                Item::Table(TableDecl {
                    name,
                    renamed_from,
                    members,
                    span,
                })
            }
            Rule::mixin_decl => {
                let name = self.ident(next(&mut inner));
                let members = inner.map(|p| self.member(p)).collect();
                Item::Mixin(MixinDecl {
                    name,
                    members,
                    span,
                })
            }
            Rule::view_decl => {
                let name = self.ident(next(&mut inner));
                let mut renamed_from = None;
                let mut security_invoker = None;
                let mut options = Vec::new();
                let mut query = None;
                let mut check_option = None;
                for p in inner {
                    match p.as_rule() {
                        Rule::renamed_from => renamed_from = Some(self.renamed(p)),
                        Rule::view_security => {
                            security_invoker =
                                Some(significant(p).any(|k| k.as_rule() == Rule::k_invoker));
                        }
                        Rule::options_def => {
                            if let Some(list) =
                                significant(p).find(|c| c.as_rule() == Rule::collation_list)
                            {
                                options = self.spellings(list);
                            }
                        }
                        Rule::check_option => {
                            let local = significant(p).any(|k| k.as_rule() == Rule::k_local);
                            check_option = Some(if local {
                                CheckOption::Local
                            } else {
                                CheckOption::Cascaded
                            });
                        }
                        _ => query = Some(self.sql(p)),
                    }
                }
                Item::View(ViewDecl {
                    name,
                    renamed_from,
                    security_invoker,
                    options,
                    query: query.unwrap_or_else(|| empty_sql(span)),
                    check_option,
                    span,
                })
            }
            Rule::native_decl => {
                let name = self.ident(next(&mut inner));
                let dialects = significant(next(&mut inner))
                    .map(|p| self.ident(p))
                    .collect();
                let mut up = Vec::new();
                let mut down = Vec::new();
                for clause in inner {
                    let is_up = clause.as_rule() == Rule::native_up;
                    let Some(s) = significant(clause)
                        .find(|p| p.as_rule() == Rule::string)
                        .map(|p| self.string(p))
                    else {
                        continue;
                    };
                    if is_up {
                        up.push(s);
                    } else {
                        down.push(s);
                    }
                }
                Item::Native(NativeDecl {
                    name,
                    dialects,
                    up,
                    down,
                    span,
                })
            }
            _ => Item::DropTable(DropTable {
                name: self.ident(next(&mut inner)),
                span,
            }),
        }
    }

    fn enum_entry(&mut self, pair: Pair<'_, Rule>) -> EnumEntry {
        let span = self.span(&pair);
        let rule = pair.as_rule();
        let mut inner = significant(pair).filter(|p| !is_keyword(p.as_rule()));
        let name = self.ident(next(&mut inner));
        if rule == Rule::enum_drop {
            return EnumEntry::Drop { name, span };
        }
        let renamed_from = inner.next().map(|p| self.renamed(p));
        EnumEntry::Value {
            name,
            renamed_from,
            span,
        }
    }
}
