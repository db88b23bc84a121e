//! Cutting a text that does not parse into pieces that can be parsed alone: top-level items,
//! and the members of a table. The grammar has no recovery of its own; reading each piece with
//! the rule that fits it reports every syntax error of a file instead of the first.
//!
//! A piece ends at a line end or `;` outside any delimiter, as items and members do. The scan
//! follows the grammar's lexical rules closely enough to find those ends: strings (with their
//! escapes), names in backticks, comments, and SQL in parentheses with its own quotes and
//! comments (a quote that never closes is an ordinary character there, as in the grammar).
//!
//! A delimiter that is never closed would make its piece run to the end of the file. When a
//! scan of the whole file ends inside one, it is scanned again, and a line that starts (with no
//! indentation) like a top-level item (`table name {`, `enum name {`, `view name as`, …) ends
//! the piece before it: the delimiter is reported as unclosed there, and the items after it
//! are still read.

/// What a piece may leave open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Delim {
    Brace,
    Paren,
    String,
}

/// A delimiter left open at the end of a piece, and where it opened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Unclosed {
    pub delim: Delim,
    pub at: usize,
}

/// What ended a piece.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum End {
    /// A line end or `;` outside any delimiter (part of the piece).
    Line,
    /// The end of the text scanned.
    Range,
    /// A line that starts like a top-level item, while a delimiter was still open.
    NextItem,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Piece {
    pub start: usize,
    pub end: usize,
    pub ended: End,
    /// The delimiter still open at the end of the piece that most likely is the one never
    /// closed: an open string; else the outermost of the parentheses opened last; else the
    /// brace opened last.
    pub unclosed: Option<Unclosed>,
    /// The first `{` outside any other delimiter, and the `}` that closes it.
    pub block: Option<(usize, Option<usize>)>,
}

/// The top-level items of `text`.
pub(super) fn items(text: &str) -> Vec<Piece> {
    let pieces = Scan::new(text, false).pieces(0, text.len());
    if pieces.iter().all(|p| p.unclosed.is_none()) {
        return pieces;
    }
    Scan::new(text, true).pieces(0, text.len())
}

/// The members in `text[start..end]` (the inside of a block).
pub(super) fn members(text: &str, start: usize, end: usize) -> Vec<Piece> {
    Scan::new(text, false).pieces(start, end)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Open {
    Brace,
    /// Parentheses holding SQL: its quotes and comments.
    Sql,
    /// Parentheses holding `.mig` text: names, numbers, strings (`native(…)`, `collate(…)`,
    /// name lists, type arguments).
    List,
}

struct Scan<'a> {
    b: &'a [u8],
    /// Whether a line that starts like a top-level item ends an open piece.
    cut_at_items: bool,
    /// Where a search for the end of a quote or comment found none: a later search from
    /// beyond it finds none either (this keeps the scan linear).
    no_end_after: [Option<usize>; 3],
}

/// The kinds of search `no_end_after` remembers.
const SINGLE: usize = 0;
const DOUBLE: usize = 1;
const BLOCK_COMMENT: usize = 2;

impl<'a> Scan<'a> {
    fn new(text: &'a str, cut_at_items: bool) -> Scan<'a> {
        Scan {
            b: text.as_bytes(),
            cut_at_items,
            no_end_after: [None; 3],
        }
    }

    fn pieces(&mut self, start: usize, end: usize) -> Vec<Piece> {
        let mut out = Vec::new();
        let mut i = start;
        loop {
            i = self.skip_blanks(i, end);
            if i >= end {
                break;
            }
            let piece = self.piece(i, end);
            // Every piece holds at least one byte, so the scan always moves on.
            i = piece.end.max(i + 1);
            out.push(piece);
        }
        out
    }

    /// Blanks, line ends, `;` and `//` comments between pieces.
    fn skip_blanks(&self, mut i: usize, end: usize) -> usize {
        while i < end {
            match self.b[i] {
                b' ' | b'\t' | b'\n' | b'\r' | b';' => i += 1,
                b'/' if i + 1 < end && self.b[i + 1] == b'/' => i = self.line_end(i, end),
                _ => break,
            }
        }
        i
    }

    /// The position of the next line end at or after `i` (or `end`).
    fn line_end(&self, i: usize, end: usize) -> usize {
        self.b[i..end]
            .iter()
            .position(|&c| c == b'\n' || c == b'\r')
            .map_or(end, |p| i + p)
    }

    fn piece(&mut self, start: usize, end: usize) -> Piece {
        let b = self.b;
        let mut stack: Vec<(Open, usize)> = Vec::new();
        let mut string: Option<usize> = None;
        let mut block: Option<(usize, Option<usize>)> = None;
        let mut i = start;
        let mut ended = End::Range;
        while i < end {
            let c = b[i];
            let at_line_start = i > start && matches!(b[i - 1], b'\n' | b'\r');
            if at_line_start
                && self.cut_at_items
                && (string.is_some() || !stack.is_empty())
                && starts_item(&b[i..end])
            {
                ended = End::NextItem;
                break;
            }
            if string.is_some() {
                match c {
                    b'\\' => i += 2,
                    b'"' => {
                        string = None;
                        i += 1;
                    }
                    _ => i += 1,
                }
                continue;
            }
            let inside = stack.last().map(|&(o, _)| o);
            match (c, inside) {
                (b'\n' | b'\r' | b';', None) => {
                    i += 1;
                    if c == b'\r' && i < end && b[i] == b'\n' {
                        i += 1;
                    }
                    ended = End::Line;
                    break;
                }
                (b'{', Some(Open::Brace) | None) => {
                    if stack.is_empty() && block.is_none() {
                        block = Some((i, None));
                    }
                    stack.push((Open::Brace, i));
                    i += 1;
                }
                (b'}', Some(Open::Brace)) => {
                    stack.pop();
                    if stack.is_empty() {
                        if let Some((open, None)) = block {
                            block = Some((open, Some(i)));
                        }
                    }
                    i += 1;
                }
                (b'(', _) => {
                    let kind = match inside {
                        Some(Open::Sql) => Open::Sql,
                        Some(Open::List) => Open::List,
                        _ if holds_sql(&b[start..i]) => Open::Sql,
                        _ => Open::List,
                    };
                    stack.push((kind, i));
                    i += 1;
                }
                (b')', Some(Open::Sql | Open::List)) => {
                    stack.pop();
                    i += 1;
                }
                (b'\'', _) => i = self.quoted(i, end, b'\'', SINGLE),
                (b'"', Some(Open::Sql)) => i = self.quoted(i, end, b'"', DOUBLE),
                (b'"', _) => {
                    string = Some(i);
                    i += 1;
                }
                (b'`', Some(Open::Brace | Open::List) | None) => {
                    // A name in backticks ends on its line.
                    let line = self.line_end(i + 1, end);
                    i = b[i + 1..line]
                        .iter()
                        .position(|&c| c == b'`')
                        .map_or(i + 1, |p| i + 1 + p + 1);
                }
                (b'/', Some(Open::Brace | Open::List) | None)
                    if i + 1 < end && b[i + 1] == b'/' =>
                {
                    i = self.line_end(i, end);
                }
                (b'-', Some(Open::Sql)) if i + 1 < end && b[i + 1] == b'-' => {
                    i = self.line_end(i, end);
                }
                (b'/', Some(Open::Sql)) if i + 1 < end && b[i + 1] == b'*' => {
                    i = self.block_comment(i, end);
                }
                _ => i += 1,
            }
        }
        let end_at = i.min(end);
        let unclosed = match (string, stack.last()) {
            (Some(at), _) => Some(Unclosed {
                delim: Delim::String,
                at,
            }),
            (None, Some(&(Open::Brace, at))) => Some(Unclosed {
                delim: Delim::Brace,
                at,
            }),
            (None, Some(_)) => stack
                .iter()
                .rev()
                .take_while(|(o, _)| *o != Open::Brace)
                .last()
                .map(|&(_, at)| Unclosed {
                    delim: Delim::Paren,
                    at,
                }),
            (None, None) => None,
        };
        Piece {
            start,
            end: end_at,
            ended,
            unclosed,
            block,
        }
    }

    /// Past an SQL quote at `i` that closes (a doubled `'` stands for itself); a quote that
    /// does not close is an ordinary character.
    fn quoted(&mut self, i: usize, end: usize, quote: u8, kind: usize) -> usize {
        if self.no_end_after[kind].is_some_and(|p| p <= i) {
            return i + 1;
        }
        let b = self.b;
        let mut j = i + 1;
        while j < end {
            if b[j] == quote {
                if quote == b'\'' && j + 1 < end && b[j + 1] == b'\'' {
                    j += 2;
                    continue;
                }
                return j + 1;
            }
            j += 1;
        }
        self.no_end_after[kind] = Some(i);
        i + 1
    }

    /// Past an SQL comment `/* … */` at `i`; one that does not close is ordinary text.
    fn block_comment(&mut self, i: usize, end: usize) -> usize {
        if self.no_end_after[BLOCK_COMMENT].is_some_and(|p| p <= i) {
            return i + 1;
        }
        match self.b[i + 2..end].windows(2).position(|w| w == b"*/") {
            Some(p) => i + 2 + p + 2,
            None => {
                self.no_end_after[BLOCK_COMMENT] = Some(i);
                i + 1
            }
        }
    }
}

/// The words of a line (plain names, or names in backticks), lower-cased, up to `limit`.
fn words(line: &[u8], limit: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < line.len() && out.len() < limit {
        let c = line[i];
        if c.is_ascii_alphabetic() || c == b'_' {
            let len = line[i..]
                .iter()
                .take_while(|c| c.is_ascii_alphanumeric() || **c == b'_')
                .count();
            out.push(String::from_utf8_lossy(&line[i..i + len]).to_ascii_lowercase());
            i += len;
        } else if c == b'`' {
            let len = line[i + 1..]
                .iter()
                .position(|&c| c == b'`')
                .map_or(line.len() - i, |p| p + 2);
            out.push("`name`".to_string());
            i += len;
        } else if c == b' ' || c == b'\t' {
            i += 1;
        } else {
            out.push(String::from_utf8_lossy(&line[i..i + 1]).into_owned());
            i += 1;
        }
    }
    out
}

/// Whether a line (from its first byte, with no indentation) reads as the start of a top-level
/// item: `table name {`, `mixin name {`, `enum name {`, `view name as` (or `renamed`),
/// `native name for`, `use std.name`, `drop table`. A column named like a keyword does not
/// look like this.
fn starts_item(rest: &[u8]) -> bool {
    if !rest.first().is_some_and(|c| c.is_ascii_alphabetic()) {
        return false;
    }
    let line = &rest[..rest
        .iter()
        .position(|&c| c == b'\n' || c == b'\r')
        .unwrap_or(rest.len())];
    let w = words(line, 6);
    let word = |i: usize| w.get(i).map(String::as_str).unwrap_or_default();
    let is_name = |i: usize| {
        let s = word(i);
        s == "`name`" || s.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
    };
    match word(0) {
        "table" | "mixin" | "enum" => is_name(1) && line.contains(&b'{'),
        "view" => is_name(1) && matches!(word(2), "as" | "renamed"),
        "native" => is_name(1) && word(2) == "for",
        "use" => is_name(1) && word(2) == "." && is_name(3),
        "drop" => word(1) == "table" && is_name(2),
        _ => false,
    }
}

/// Whether a `(` that follows `before` (the piece so far) opens SQL: after `check`,
/// `default`, `up`, `down`, `index`, `where`, `as` or `on update`, or a name after `check`,
/// `index` or `default` (`check positive (…)`, `index by_email (…)`, `default now()`).
/// Other parentheses hold `.mig` text: name lists, type arguments, `native(…)`, `collate(…)`.
fn holds_sql(before: &[u8]) -> bool {
    const SQL: &[&str] = &[
        "check", "default", "up", "down", "index", "where", "as", "update",
    ];
    let mut rev = before.iter().rev().peekable();
    let mut last = Vec::new();
    for _ in 0..2 {
        while rev.peek().is_some_and(|c| **c == b' ' || **c == b'\t') {
            rev.next();
        }
        let mut word = Vec::new();
        while let Some(&&c) = rev.peek() {
            if c.is_ascii_alphanumeric() || c == b'_' {
                word.push(c.to_ascii_lowercase());
                rev.next();
            } else {
                break;
            }
        }
        word.reverse();
        last.push(String::from_utf8_lossy(&word).into_owned());
    }
    SQL.contains(&last[0].as_str())
        || (!last[0].is_empty() && ["check", "index", "default"].contains(&last[1].as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Vec<&str> {
        items(text).iter().map(|p| &text[p.start..p.end]).collect()
    }

    #[test]
    fn items_end_at_line_ends_outside_delimiters() {
        assert_eq!(
            spans("use std.x\n\n// c\ntable t {\n  a int // }\n  b text default '}'\n}\nenum e { a, b }; view v as (select\n 1)\n"),
            vec![
                "use std.x\n",
                "table t {\n  a int // }\n  b text default '}'\n}\n",
                "enum e { a, b };",
                "view v as (select\n 1)\n"
            ]
        );
    }

    #[test]
    fn strings_and_sql_quotes_hide_delimiters() {
        let text = "native f for postgres {\n  up \"create \\\" {\"\n}\ntable t {\n  c int check (c <> ')' and \"x(\" = 1 -- )\n  )\n}\n";
        assert_eq!(spans(text).len(), 2);
        assert!(items(text).iter().all(|p| p.unclosed.is_none()));
    }

    #[test]
    fn an_unclosed_brace_ends_before_the_next_item() {
        let text = "table a {\n  id int\n\ntable b {\n  id int\n}\n";
        let pieces = items(text);
        assert_eq!(pieces.len(), 2);
        assert_eq!(pieces[0].ended, End::NextItem);
        assert_eq!(
            pieces[0].unclosed,
            Some(Unclosed {
                delim: Delim::Brace,
                at: 8
            })
        );
        assert_eq!(pieces[0].block, Some((8, None)));
        assert_eq!(
            pieces[1].block,
            Some((text.find("b {").unwrap() + 2, Some(text.len() - 2)))
        );
        assert_eq!(pieces[1].unclosed, None);
    }

    #[test]
    fn the_innermost_unclosed_delimiter_is_reported() {
        let text = "table a {\n  c int check (c > (0)\n}\n";
        let pieces = items(text);
        assert_eq!(
            pieces[0].unclosed,
            Some(Unclosed {
                delim: Delim::Paren,
                at: text.find("(c").unwrap()
            })
        );
        let text = "table a {\n  comment \"never\n}\n";
        assert_eq!(
            items(text)[0].unclosed.map(|u| u.delim),
            Some(Delim::String)
        );
    }

    #[test]
    fn a_column_named_like_a_keyword_does_not_start_an_item() {
        assert!(starts_item(b"table users {"));
        assert!(starts_item(b"view v as (select 1)"));
        assert!(starts_item(b"use std.timestamps"));
        assert!(!starts_item(b"table text"));
        assert!(!starts_item(b"view text not null"));
        assert!(!starts_item(b"use text"));
        assert!(!starts_item(b"  table t {"));
    }

    #[test]
    fn members_of_a_block() {
        let text = "table t {\n  a int\n  check (a >\n 0); b int }";
        let p = &items(text)[0];
        let (open, close) = p.block.unwrap();
        let members: Vec<&str> = members(text, open + 1, close.unwrap())
            .iter()
            .map(|m| &text[m.start..m.end])
            .collect();
        assert_eq!(members, vec!["a int\n", "check (a >\n 0);", "b int "]);
    }
}
