//! String literals and their escapes.

use super::{Lower, Rule};
use crate::ast::StringLit;
use crate::{Code, Diagnostic};
use pest::iterators::Pair;

impl Lower {
    pub(super) fn string(&mut self, pair: Pair<'_, Rule>) -> StringLit {
        let span = self.span(&pair);
        let body = pair.as_str();
        let body = &body[1..body.len() - 1];
        let mut value = String::with_capacity(body.len());
        let mut chars = body.char_indices();
        while let Some((i, c)) = chars.next() {
            if c != '\\' {
                value.push(c);
                continue;
            }
            match chars.next() {
                Some((_, 'n')) => value.push('\n'),
                Some((_, 't')) => value.push('\t'),
                Some((_, '\\')) => value.push('\\'),
                Some((_, '"')) => value.push('"'),
                Some((j, other)) => {
                    let at = span.sub(1 + i, j + other.len_utf8() - i);
                    self.errors.push(
                        Diagnostic::error(
                            Code::BadEscape,
                            format!("unknown escape sequence `\\{other}`"),
                        )
                        .primary(at, "not an escape")
                        .help("the escapes are `\\n`, `\\t`, `\\\\` and `\\\"`"),
                    );
                }
                None => {}
            }
        }
        StringLit { value, span }
    }
}
