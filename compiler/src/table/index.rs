//! A table's index: its key parts, its predicate and its name.

use super::free_name;
use crate::expr::{self, Scope};
use crate::names;
use crate::resolve::Resolver;
use crate::schema::*;
use migc_grammar::ast;

impl Resolver<'_> {
    pub(super) fn index(
        &mut self,
        table: &mut Table,
        def: &ast::IndexDef,
        cols: &[&str],
        owner: &str,
    ) {
        let parsed = match self.parse_index_parts(&def.parts) {
            Ok(p) => p,
            Err(d) => {
                self.diagnostics.push(d);
                return;
            }
        };
        let scope = Scope {
            what: "an index",
            columns: cols,
            owner,
            unknown_help: None,
        };
        let mut parts = Vec::new();
        let mut columns: Vec<String> = Vec::new();
        let mut ok = true;
        for (ast_expr, descending) in parsed {
            let column = match &ast_expr {
                sqlparser::ast::Expr::Identifier(i) => Some(i.value.clone()),
                _ => None,
            };
            match expr::check(&def.parts, ast_expr, &scope, &mut self.diagnostics) {
                Some(checked) => {
                    for c in checked.columns {
                        if !columns.contains(&c) {
                            columns.push(c);
                        }
                    }
                    parts.push(IndexPart {
                        expr: checked.expr,
                        column,
                        descending,
                    });
                }
                None => ok = false,
            }
        }
        let predicate = match &def.predicate {
            Some(sql) => {
                let scope = Scope {
                    what: "an index predicate",
                    columns: cols,
                    owner,
                    unknown_help: None,
                };
                match self.checked(sql, &scope) {
                    Some(c) => Some(c.expr),
                    None => return,
                }
            }
            None => None,
        };
        if !ok {
            return;
        }
        table.indexes.push(Index {
            name: def.name.as_ref().map_or_else(
                || free_name(table, names::index(&table.name, &columns)),
                |n| n.name.clone(),
            ),
            unique: def.unique,
            parts,
            predicate,
            constraint: false,
            origin: def.span,
        });
    }
}
