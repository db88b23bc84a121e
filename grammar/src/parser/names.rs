//! Names: plain or in backticks, alone, in lists and after `renamed from`.

use super::keywords::is_keyword;
use super::{next, significant, Lower, Rule};
use crate::ast::Ident;
use pest::iterators::Pair;

impl Lower {
    pub(super) fn renamed(&mut self, pair: Pair<'_, Rule>) -> Ident {
        let mut inner = significant(pair).filter(|p| !is_keyword(p.as_rule()));
        self.ident(next(&mut inner))
    }

    pub(super) fn names(&mut self, pair: Pair<'_, Rule>) -> Vec<Ident> {
        significant(pair).map(|p| self.ident(p)).collect()
    }

    pub(super) fn ident(&mut self, pair: Pair<'_, Rule>) -> Ident {
        let span = self.span(&pair);
        let raw = pair.as_str();
        let name = raw
            .strip_prefix('`')
            .and_then(|r| r.strip_suffix('`'))
            .unwrap_or(raw);
        Ident {
            name: name.to_string(),
            span,
        }
    }
}
