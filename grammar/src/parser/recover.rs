//! Every syntax error of a file that does not parse, not only the first.
//!
//! The file is cut into its top-level items (split.rs) and each is parsed alone; a table or a
//! mixin that fails is read again member by member, its head and its end with the members
//! blanked out. A piece that parses is lowered too, for the errors lowering finds (escapes,
//! numbers). A delimiter that is never closed is reported where it opens, with where its item
//! or the file ends; an error the grammar finds at or after it is a consequence, not reported.
//! Nothing is resolved: a file with syntax errors stops before the compiler.

use super::split::{self, Delim, End, Piece, Unclosed};
use super::{significant, Lower, MigParser, Rule};
use crate::syntax_error::convert;
use crate::{Code, Diagnostic, FileId, Span};
use pest::Parser as _;

/// Syntax errors reported per file at most; the last one says that there are more.
pub(crate) const LIMIT: usize = 50;

/// Items parsed together, when they do parse: a parse of its own for each item of a large
/// file would cost more than the file's.
const WINDOW: usize = 64;

/// The syntax errors of `text`, which does not parse.
pub(super) fn errors(file: FileId, text: &str) -> Vec<Diagnostic> {
    let pieces = split::items(text);
    let mut out = Vec::new();
    // The last item that failed to parse.
    let mut failed: Option<usize> = None;
    let mut i = 0;
    while i < pieces.len() && out.len() <= LIMIT {
        let end = (i + WINDOW).min(pieces.len());
        match together(file, text, &pieces[i..end]) {
            Ok(errors) => {
                out.extend(errors);
                i = end;
            }
            Err(at) => {
                // The items before the one that fails parse; that one is read alone.
                let failing = i + pieces[i..end]
                    .partition_point(|p| p.start <= at)
                    .saturating_sub(1);
                if failing > i {
                    match together(file, text, &pieces[i..failing]) {
                        Ok(errors) => out.extend(errors),
                        Err(_) => {
                            for piece in &pieces[i..failing] {
                                item(file, text, piece, &mut out);
                            }
                        }
                    }
                }
                // An indented line or a lone `}` right after an item that failed is what is
                // left of that item (its `{` missing, say): one error is enough.
                let rest_of_failed =
                    failing > 0 && failed == Some(failing - 1) && leftover(text, &pieces[failing]);
                if !rest_of_failed {
                    item(file, text, &pieces[failing], &mut out);
                }
                failed = Some(failing);
                i = failing + 1;
            }
        }
    }
    if out.is_empty() {
        // Each piece reads alone but the file does not (not expected): the file's own error.
        out.push(match MigParser::parse(Rule::file, text) {
            Err(error) => convert(file, text, 0, error),
            Ok(_) => Diagnostic::error(Code::Syntax, "syntax error")
                .primary(Span::new(file, 0, 0), "in this file"),
        });
    }
    cap(&mut out);
    out
}

/// Sorts a file's syntax errors and keeps the first [`LIMIT`]; the last kept says that there
/// are more.
pub(super) fn cap(errors: &mut Vec<Diagnostic>) {
    crate::sort_diagnostics(errors);
    if errors.len() > LIMIT {
        errors.truncate(LIMIT);
        if let Some(last) = errors.pop() {
            errors.push(last.note(format!(
                "this file has more syntax errors; only the first {LIMIT} are reported"
            )));
        }
    }
}

/// Parses the items `pieces` (and what is between them) at once: the errors lowering finds,
/// or where the grammar failed.
fn together(file: FileId, text: &str, pieces: &[Piece]) -> Result<Vec<Diagnostic>, usize> {
    let (Some(first), Some(last)) = (pieces.first(), pieces.last()) else {
        return Ok(Vec::new());
    };
    let range = first.start..last.end;
    match MigParser::parse(Rule::file, &text[range.clone()]) {
        Ok(mut pairs) => {
            let Some(root) = pairs.next() else {
                return Ok(Vec::new());
            };
            let mut lower = Lower::new(file, range.start, &root);
            for pair in significant(root) {
                lower.item(pair);
            }
            Ok(lower.errors)
        }
        Err(error) => Err(range.start
            + match error.location {
                pest::error::InputLocation::Pos(p) => p,
                pest::error::InputLocation::Span((p, _)) => p,
            }),
    }
}

/// Whether a piece at the top level reads as part of an item rather than one of its own: it
/// is indented, or starts with a closing delimiter.
fn leftover(text: &str, piece: &Piece) -> bool {
    let at_line_start = piece.start == 0 || text[..piece.start].ends_with(['\n', '\r']);
    !at_line_start || text[piece.start..].starts_with(['}', ')'])
}

/// One top-level item.
fn item(file: FileId, text: &str, piece: &Piece, out: &mut Vec<Diagnostic>) {
    match piece.block {
        Some((open, close)) if is_block(&text[piece.start..open]) => {
            block(file, text, piece, open, close, out);
        }
        _ => out.extend(attempt(
            file,
            text,
            piece.start..piece.end,
            "",
            Rule::file,
            piece.unclosed,
        )),
    }
    if let Some(u) = piece.unclosed {
        out.push(unclosed(file, text, u, piece));
    }
}

/// Whether an item's head (the text before its `{`) starts a table or a mixin, or a near miss
/// of one (`tabel`), whose members are then read one by one.
fn is_block(head: &str) -> bool {
    let word: String = head
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect();
    let keywords = ["table", "mixin", "enum", "view", "native", "use", "drop"];
    matches!(crate::suggest(&word, keywords), Some("table" | "mixin"))
}

/// A table or mixin: its head and end, then each member.
fn block(
    file: FileId,
    text: &str,
    piece: &Piece,
    open: usize,
    close: Option<usize>,
    out: &mut Vec<Diagnostic>,
) {
    // The item with its members blanked out (positions kept), or, when the block is never
    // closed, its head closed at once.
    let outline = match close {
        Some(close) => blank(
            &text[piece.start..piece.end],
            open + 1 - piece.start,
            close - piece.start,
        ),
        None => format!("{}}}", &text[piece.start..=open]),
    };
    if let Err(error) = MigParser::parse(Rule::file, &outline) {
        out.push(convert(file, &outline, piece.start, error));
    }
    let body_end = close.unwrap_or(piece.end);
    for member in split::members(text, open + 1, body_end) {
        if out.len() > LIMIT {
            break;
        }
        // A member is read as the block would read it, up to the `}` that ends the block; a
        // block never closed ends with the file (or the next item).
        let suffix = if close.is_none() && member.ended == End::Range {
            "\n}"
        } else {
            "}"
        };
        out.extend(attempt(
            file,
            text,
            member.start..member.end,
            suffix,
            Rule::block_members,
            // (A member is read with the block's `}`: a brace never closed is no cause of an
            // error in it.)
            piece.unclosed.filter(|u| u.delim != Delim::Brace),
        ));
    }
}

/// `text` with the bytes in `from..to` made blanks (line ends kept): every character there is
/// replaced by as many spaces as it has bytes, so that positions do not move.
fn blank(text: &str, from: usize, to: usize) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        if (from..to).contains(&i) && c != '\n' && c != '\r' {
            out.extend(std::iter::repeat_n(' ', c.len_utf8()));
        } else {
            out.push(c);
        }
    }
    out
}

/// Parses `text[range]`, followed by `suffix`, with `rule`: the errors lowering finds when it
/// parses, the syntax error otherwise (unless it is the consequence of `unclosed`).
fn attempt(
    file: FileId,
    text: &str,
    range: std::ops::Range<usize>,
    suffix: &str,
    rule: Rule,
    unclosed: Option<Unclosed>,
) -> Vec<Diagnostic> {
    let piece = &text[range.clone()];
    let input = format!("{piece}{suffix}");
    match MigParser::parse(rule, &input) {
        Ok(mut pairs) => {
            let Some(root) = pairs.next() else {
                return Vec::new();
            };
            let mut lower = Lower::new(file, range.start, &root);
            for pair in significant(root) {
                if rule == Rule::file {
                    lower.item(pair);
                } else {
                    lower.member(pair);
                }
            }
            lower.errors
        }
        Err(error) => {
            let d = convert(file, piece, range.start, error);
            let at = d.primary_span().map_or(0, |s| s.start as usize);
            let consequence = unclosed.is_some_and(|u| match u.delim {
                // Whatever follows an unclosed parenthesis or string is inside it.
                Delim::Paren | Delim::String => at >= u.at,
                // A block never closed fails where its item ends.
                Delim::Brace => at >= range.start + piece.trim_end().len(),
            });
            if consequence {
                Vec::new()
            } else {
                vec![d]
            }
        }
    }
}

/// A delimiter never closed: where it opens, and where its item or the file ends.
fn unclosed(file: FileId, text: &str, u: Unclosed, piece: &Piece) -> Diagnostic {
    let (message, label, help) = match u.delim {
        Delim::Brace => (
            "unclosed brace",
            "this `{` is never closed",
            "add the matching `}` at the end of the block",
        ),
        Delim::Paren => (
            "unclosed parenthesis",
            "this `(` is never closed",
            "add the matching `)`; SQL in parentheses may span lines",
        ),
        Delim::String => (
            "unterminated string",
            "this string is never closed",
            "add the closing `\"`; a string may span lines, and `\\\"` writes a quote inside one",
        ),
    };
    let d =
        Diagnostic::error(Code::Syntax, message).primary(Span::new(file, u.at, u.at + 1), label);
    let d = match piece.ended {
        End::NextItem => {
            let word = text[piece.end..]
                .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                .unwrap_or(text.len() - piece.end);
            d.secondary(
                Span::new(file, piece.end, piece.end + word),
                "the next item starts here",
            )
        }
        End::Line | End::Range => {
            let end = text.trim_end().len().max(u.at + 1);
            d.secondary(Span::new(file, end, end), "the file ends here")
        }
    };
    d.help(help)
}

#[cfg(test)]
mod tests {
    use crate::{parse, FileId, Span};

    /// The messages of the errors of `text`, each with the text its primary label covers.
    fn errors(text: &str) -> Vec<(String, String)> {
        parse(FileId(0), text)
            .expect_err("should not parse")
            .into_iter()
            .map(|d| {
                let span = d.primary_span().unwrap_or(Span::new(FileId(0), 0, 0));
                (d.message, text[span.range()].to_string())
            })
            .collect()
    }

    #[test]
    fn every_item_and_member_is_read() {
        let text = "table a {\n  id int64 primary\n  b text\n  c\n}\n\nenum e { x y }\n\ntable b {\n  id int64 primary key\n  d int64 not nul\n}\n";
        let found = errors(text);
        let shown: Vec<(&str, &str)> = found
            .iter()
            .map(|(m, at)| (m.as_str(), at.as_str()))
            .collect();
        assert_eq!(
            shown,
            vec![
                ("expected `key`, found the end of the line", ""),
                ("expected a type, found the end of the line", ""),
                ("expected `,`, `renamed from` or `}`, found `y`", "y"),
                ("expected `null`, found `nul`", "nul"),
            ]
        );
    }

    #[test]
    fn lowering_errors_of_pieces_that_parse_are_reported() {
        let text = "table a {\n  id int64 primary\n  b text comment \"\\q\"\n}\n";
        let found = errors(text);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(
            found[1],
            (
                "unknown escape sequence `\\q`".to_string(),
                "\\q".to_string()
            )
        );
    }

    #[test]
    fn an_unclosed_brace_does_not_hide_the_next_item() {
        let text = "table a {\n  id int64 primary key\n\ntable b {\n  id int64 primry key\n}\n";
        let found = errors(text);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0], ("unclosed brace".to_string(), "{".to_string()));
        assert_eq!(found[1].1, "primry");
    }

    #[test]
    fn the_members_of_a_block_never_closed_are_read() {
        let text = "table a {\n  id int64 primary key\n  email";
        assert_eq!(
            errors(text),
            vec![
                ("unclosed brace".to_string(), "{".to_string()),
                (
                    "expected a type, found the end of the file".to_string(),
                    String::new()
                ),
            ]
        );
        let text =
            "table a {\n  id int64 primary key\n  email\n\ntable b {\n  id int64 primary key\n}\n";
        assert_eq!(
            errors(text),
            vec![
                ("unclosed brace".to_string(), "{".to_string()),
                (
                    "expected a type, found the end of the line".to_string(),
                    String::new()
                ),
            ]
        );
    }

    #[test]
    fn what_is_left_of_an_item_that_failed_is_not_reported_again() {
        // A table without its `{`: its members and `}` are not items of their own. A stray `}`
        // after a table that parses is an error of its own.
        let text = "table a\n  id int64 primary key\n  name text\n}\n\ntable b {\n  id int64 primary key\n}\n}\n";
        let found = errors(text);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(
            found[0].0,
            "expected `renamed from` or `{`, found the end of the line"
        );
        assert_eq!(found[1].1, "}");
        assert_eq!(
            parse(FileId(0), text).unwrap_err()[1]
                .primary_span()
                .map(|s| s.start),
            Some(text.len() as u32 - 2)
        );
    }

    #[test]
    fn nothing_is_reported_inside_an_unclosed_parenthesis() {
        let text = "table a {\n  id int64 primary key\n  c int check (c > (0)\n  d\n}\n";
        assert_eq!(
            errors(text),
            vec![("unclosed parenthesis".to_string(), "(".to_string())]
        );
    }

    #[test]
    fn errors_far_apart_in_a_long_file_are_all_reported() {
        // Items are parsed a window at a time; errors in several windows, and an escape error
        // in a window that parses.
        let text: String = (0..300)
            .map(|i| match i {
                10 | 150 | 299 => format!("table t{i} {{\n  id int64 primry key\n}}\n"),
                200 => format!("table t{i} {{\n  id int64 primary key comment \"\\q\"\n}}\n"),
                _ => format!("table t{i} {{\n  id int64 primary key\n}}\n"),
            })
            .collect();
        let found = errors(&text);
        let lines: Vec<usize> = parse(FileId(0), &text)
            .expect_err("should not parse")
            .iter()
            .map(|d| {
                text[..d.primary_span().unwrap().start as usize]
                    .lines()
                    .count()
            })
            .collect();
        assert_eq!(found.len(), 4, "{found:?}");
        assert_eq!(lines, vec![32, 452, 602, 899]);
        assert_eq!(found[2].1, "\\q");
    }

    #[test]
    fn at_most_fifty_errors_are_reported() {
        let members: String = (0..80).map(|i| format!("  c{i}\n")).collect();
        let text = format!("table a {{\n  id int64 primary key\n{members}}}\n");
        let found = parse(FileId(0), &text).expect_err("should not parse");
        assert_eq!(found.len(), super::LIMIT);
        assert!(found[..super::LIMIT - 1].iter().all(|d| d.notes.is_empty()));
        assert_eq!(
            found[super::LIMIT - 1].notes,
            ["this file has more syntax errors; only the first 50 are reported"]
        );
    }
}
