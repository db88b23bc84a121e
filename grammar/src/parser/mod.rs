//! Pairs -> syntax tree.

mod columns;
mod items;
mod keywords;
mod members;
mod names;
mod recover;
mod split;
mod sql;
mod strings;

use crate::ast::*;
use crate::{Code, Diagnostic, FileId, Span};
use pest::iterators::Pair;
use pest::Parser as _;

#[derive(pest_derive::Parser)]
#[grammar = "mig.pest"]
pub(crate) struct MigParser;

/// Parses one file. On syntax errors, every one of them is reported (up to a limit): the file
/// is read again item by item, and a table that fails member by member.
pub fn parse(file: FileId, text: &str) -> Result<File, Vec<Diagnostic>> {
    let nuls: Vec<Diagnostic> = text
        .match_indices('\0')
        .map(|(at, _)| {
            Diagnostic::error(Code::NulCharacter, "a NUL character in the schema")
                .primary(Span::new(file, at, at + 1), "NUL here")
                .note("no database stores NUL in a name or a text, and SQL scripts cannot carry it")
                .help("remove the character")
        })
        .collect();
    if !nuls.is_empty() {
        return Err(nuls);
    }
    let mut pairs = match MigParser::parse(Rule::file, text) {
        Ok(pairs) => pairs,
        Err(_) => {
            // Parse again with token tracking on, which costs time only for a file that failed.
            pest::set_error_detail(true);
            return Err(recover::errors(file, text));
        }
    };
    let Some(root) = pairs.next() else {
        return Ok(File {
            id: file,
            items: Vec::new(),
            comments: Vec::new(),
        });
    };
    let mut lower = Lower::new(file, 0, &root);
    let comments = root
        .clone()
        .into_inner()
        .flatten()
        .filter(|p| p.as_rule() == Rule::COMMENT)
        .map(|p| Comment {
            text: p.as_str().trim_end().to_string(),
            span: lower.span(&p),
        })
        .collect();
    let items = significant(root).map(|p| lower.item(p)).collect();
    if lower.errors.is_empty() {
        Ok(File {
            id: file,
            items,
            comments,
        })
    } else {
        let mut errors = lower.errors;
        recover::cap(&mut errors);
        Err(errors)
    }
}

/// The children of a pair without comments and end-of-input markers.
fn significant(pair: Pair<'_, Rule>) -> impl Iterator<Item = Pair<'_, Rule>> {
    pair.into_inner()
        .filter(|p| !matches!(p.as_rule(), Rule::COMMENT | Rule::EOI))
}

struct Lower {
    file: FileId,
    /// Where the parsed text starts in the file (a piece read alone after a syntax error).
    offset: usize,
    errors: Vec<Diagnostic>,
    /// Start and end of every comment, sorted by end.
    comment_ends: Vec<(usize, usize)>,
}

impl Lower {
    /// Lowers the pairs under `root`, which were parsed from text starting at `offset`.
    fn new(file: FileId, offset: usize, root: &Pair<'_, Rule>) -> Lower {
        let mut comment_ends: Vec<(usize, usize)> = root
            .clone()
            .into_inner()
            .flatten()
            .filter(|p| p.as_rule() == Rule::COMMENT)
            .map(|p| (p.as_span().start(), p.as_span().end()))
            .collect();
        comment_ends.sort_by_key(|&(_, end)| end);
        Lower {
            file,
            offset,
            errors: Vec::new(),
            comment_ends,
        }
    }

    /// The pair's span without trailing blanks and comment: a rule that ends in an optional
    /// part (`retire x down (...)?`) takes in what pest skipped before trying that part, and a
    /// span running into the comment after it would move the comment in `migc fmt` and
    /// underline it in diagnostics.
    fn span(&self, pair: &Pair<'_, Rule>) -> Span {
        let s = pair.as_span();
        let (start, mut end) = (s.start(), s.end());
        if let Ok(i) = self.comment_ends.binary_search_by_key(&end, |&(_, e)| e) {
            let comment_start = self.comment_ends[i].0;
            if comment_start > start {
                end = comment_start;
            }
        }
        let kept = pair.as_str()[..end - start]
            .trim_end_matches([' ', '\t'])
            .len();
        let start = start + self.offset;
        Span::new(self.file, start, start + kept)
    }
}

/// The next pair; the grammar guarantees it exists, so a missing one is an internal bug that we
/// surface as a panic-free placeholder rather than crash on user input.
fn next<'a>(it: &mut impl Iterator<Item = Pair<'a, Rule>>) -> Pair<'a, Rule> {
    match it.next() {
        Some(p) => p,
        None => unreachable_pair(),
    }
}

#[cold]
fn unreachable_pair<'a>() -> Pair<'a, Rule> {
    // The grammar makes every `next` above infallible; reaching this is a grammar/lowering
    // mismatch caught by the tests, not something input can cause.
    panic!("internal error: syntax tree lowering out of step with the grammar")
}
