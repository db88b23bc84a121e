//! SQL texts, kept as written for the compiler to read.

use super::{Lower, Rule};
use crate::ast::Sql;
use crate::Span;
use pest::iterators::Pair;

impl Lower {
    /// An SQL text: the contents of `sql_paren`, `sql_atom` or `sql_line`.
    pub(super) fn sql(&mut self, pair: Pair<'_, Rule>) -> Sql {
        let span = self.span(&pair);
        match pair.as_rule() {
            Rule::sql_paren => {
                let inner = pair.as_str();
                let text = &inner[1..inner.len() - 1];
                let lead = text.len() - text.trim_start().len();
                let trimmed = text.trim();
                Sql {
                    text: trimmed.to_string(),
                    span: span.sub(1 + lead, trimmed.len()),
                    parenthesized: true,
                }
            }
            _ => {
                let trimmed = pair.as_str().trim_end();
                Sql {
                    text: trimmed.to_string(),
                    span: span.sub(0, trimmed.len()),
                    parenthesized: false,
                }
            }
        }
    }
}

pub(super) fn empty_sql(span: Span) -> Sql {
    Sql {
        text: String::new(),
        span,
        parenthesized: true,
    }
}
