//! SQL expressions of a table, read by sqlparser once per text and checked against a scope.

use crate::expr::{self, Scope};
use crate::resolve::Resolver;
use migc_grammar::ast;
use migc_grammar::Diagnostic;

impl Resolver<'_> {
    /// [`expr::parse`], remembering what parsed: schemas repeat the same defaults and checks
    /// (`now()`, `0`, `length(name) > 0`) many times, and what sqlparser reads depends on the
    /// text alone. Errors, which also depend on where the text is, are not remembered.
    pub(super) fn parse_expr(
        &mut self,
        sql: &ast::Sql,
        what: &str,
    ) -> Result<sqlparser::ast::Expr, Diagnostic> {
        if let Some(parsed) = self.parsed_exprs.get(&sql.text) {
            return Ok(parsed.clone());
        }
        let parsed = expr::parse(sql, what)?;
        self.parsed_exprs.insert(sql.text.clone(), parsed.clone());
        Ok(parsed)
    }

    /// [`expr::parse_index_parts`], remembering what parsed, as [`Resolver::parse_expr`] does.
    pub(super) fn parse_index_parts(
        &mut self,
        sql: &ast::Sql,
    ) -> Result<Vec<(sqlparser::ast::Expr, bool)>, Diagnostic> {
        if let Some(parsed) = self.parsed_index_parts.get(&sql.text) {
            return Ok(parsed.clone());
        }
        let parsed = expr::parse_index_parts(sql)?;
        self.parsed_index_parts
            .insert(sql.text.clone(), parsed.clone());
        Ok(parsed)
    }

    pub(super) fn checked(&mut self, sql: &ast::Sql, scope: &Scope<'_>) -> Option<expr::Checked> {
        match self.parse_expr(sql, scope.what) {
            Ok(parsed) => expr::check(sql, parsed, scope, &mut self.diagnostics),
            Err(d) => {
                self.diagnostics.push(d);
                None
            }
        }
    }
}
