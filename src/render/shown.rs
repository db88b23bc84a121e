//! What of a diagnostic reaches a terminal or a document: bounded and inert, whatever the
//! schema holds.
//!
//! Names and texts come from the files being checked, so a hostile or broken file could make
//! a diagnostic megabytes long (a name of a million characters, quoted in the message, shown in
//! the source line and underlined) or drive the terminal that prints it (ESC sequences that move
//! the cursor or recolour the screen, bidirectional overrides that reorder what is read). Every
//! renderer (terminal, JSON, SARIF, GitHub workflow commands) reads diagnostics through
//! [`diagnostics`]:
//!
//! - a text in backticks longer than [`QUOTED`] characters is cut, with `…` and its length:
//!   `` `xxxx…` (1000000 characters) ``; any one text (message, label, note, help) longer than
//!   [`TEXT`] characters is cut the same way;
//! - for a terminal or a CI log, control characters (C0 but tab and line end, DEL, C1) and the
//!   bidirectional controls (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069) are written
//!   as escapes: `\u{1b}`. A JSON document keeps the text exact, and [`json`] writes those
//!   characters as JSON escapes (`\u001b`), so that the document read is the same and printing
//!   it is harmless.
//!
//! The terminal renderer also shows source lines through [`Source`]: the same escapes, and a
//! line longer than [`LINE`] characters cut to what is around the labels on it.

use migc_grammar::{Diagnostic, Label};
use std::borrow::Cow;
use std::ops::Range;

/// The longest text in backticks shown whole, in characters: twice what the dialects accept
/// for a name, so that a name reported as too long is still shown whole.
pub const QUOTED: usize = 128;
/// The longest message, label, note or help shown whole, in characters.
pub const TEXT: usize = 1000;
/// The longest source line shown whole, in characters.
pub const LINE: usize = 200;
/// How much of a long source line is shown on each side of a label's start and end.
const CONTEXT: usize = 40;

/// Where diagnostics go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Output {
    /// A terminal: every unsafe character is escaped.
    Terminal,
    /// GitHub workflow commands, which encode line ends themselves (`%0D`, `%0A`): every other
    /// unsafe character is escaped.
    Workflow,
    /// A JSON document: the text is kept (see [`json`]).
    Json,
}

/// The diagnostics as they may be shown in `output`.
pub fn diagnostics(diagnostics: &[Diagnostic], output: Output) -> Vec<Diagnostic> {
    diagnostics.iter().map(|d| diagnostic(d, output)).collect()
}

fn diagnostic(d: &Diagnostic, output: Output) -> Diagnostic {
    let text = |s: &str| text(s, output).into_owned();
    Diagnostic {
        severity: d.severity,
        code: d.code,
        message: text(&d.message),
        labels: d
            .labels
            .iter()
            .map(|l| Label {
                span: l.span,
                message: text(&l.message),
                primary: l.primary,
            })
            .collect(),
        notes: d.notes.iter().map(|n| text(n)).collect(),
        help: d.help.as_deref().map(text),
    }
}

/// A JSON document with the characters a terminal would act on written as JSON escapes
/// (`\u001b`): the same document, harmless to print. (They can only be inside strings: the
/// rest of a JSON text is ASCII punctuation, digits and words.)
pub fn json(text: String) -> String {
    if !text.chars().any(|c| is_unsafe(c) && c != '\n') {
        return text;
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if is_unsafe(c) && c != '\n' {
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{unit:04x}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Whether a character must not reach a terminal as it is.
pub fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Whether a source text holds characters to escape (a `\r` that ends a line is none).
fn needs_escapes(text: &str) -> bool {
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if is_unsafe(c) && !(c == '\r' && chars.peek() == Some(&'\n')) {
            return true;
        }
    }
    false
}

/// `c` as an escape: `\u{1b}`.
fn escape(c: char, out: &mut String) {
    out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
}

/// Unsafe characters of `s` as escapes.
pub fn inert(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_unsafe(c) {
            escape(c, &mut out);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Unsafe characters of `s` as escapes, but `\r` (for workflow commands, which encode it).
fn inert_but_returns(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| is_unsafe(c) && c != '\r') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_unsafe(c) && c != '\r' {
            escape(c, &mut out);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// One text of a diagnostic as it may be shown in `output`.
pub fn text(s: &str, output: Output) -> Cow<'_, str> {
    let long_quote = s.split('`').skip(1).step_by(2).any(|q| q.len() > QUOTED);
    let escapes = output != Output::Json && s.chars().any(is_unsafe);
    if !long_quote && s.len() <= TEXT && !escapes {
        return Cow::Borrowed(s);
    }
    let mut cut = String::new();
    let mut parts = s.split('`').peekable();
    let mut quoted = false;
    while let Some(part) = parts.next() {
        // A backtick that is not closed starts no quote.
        let closes = parts.peek().is_some();
        let count = if quoted && closes {
            part.chars().count()
        } else {
            0
        };
        if quoted && closes && count > QUOTED {
            cut.extend(part.chars().take(QUOTED));
            cut.push_str(&format!("…` ({count} characters)"));
            quoted = false;
            if let Some(next) = parts.next() {
                cut.push_str(next);
                if parts.peek().is_some() {
                    cut.push('`');
                    quoted = true;
                }
            }
            continue;
        }
        cut.push_str(part);
        if closes {
            cut.push('`');
            quoted = !quoted;
        }
    }
    let count = cut.chars().count();
    if count > TEXT {
        cut = cut.chars().take(TEXT).collect();
        cut.push_str(&format!("… ({count} characters)"));
    }
    Cow::Owned(match output {
        Output::Terminal => inert(&cut).into_owned(),
        Output::Workflow => inert_but_returns(&cut).into_owned(),
        Output::Json => cut,
    })
}

/// A source file as the terminal renderer shows it, and where each of its positions went.
pub struct Source<'a> {
    pub text: Cow<'a, str>,
    /// Runs of the file, in order: copied ones keep their length, the others (an escaped
    /// character, the cut middle of a long line) become other text. Empty when the text is
    /// shown as it is.
    runs: Vec<Run>,
}

#[derive(Clone, Debug)]
struct Run {
    from: Range<usize>,
    to: Range<usize>,
    copied: bool,
}

impl<'a> Source<'a> {
    /// `text` as shown, long lines cut around `points` (the starts and ends of the labels in
    /// it, sorted).
    pub fn new(text: &'a str, points: &[usize]) -> Source<'a> {
        let plain = !needs_escapes(text)
            && text
                .split('\n')
                .all(|line| line.len() <= LINE || line.chars().count() <= LINE);
        if plain {
            return Source {
                text: Cow::Borrowed(text),
                runs: Vec::new(),
            };
        }
        let mut b = Builder::default();
        let mut line_start = 0;
        for line in text.split_inclusive('\n') {
            let range = line_start..line_start + line.len();
            let from = points.partition_point(|&p| p < range.start);
            let to = points.partition_point(|&p| p <= range.end);
            b.line(text, range, &points[from..to]);
            line_start += line.len();
        }
        b.flush();
        Source {
            text: Cow::Owned(b.out),
            runs: b.runs,
        }
    }

    /// Where a position of the file is in the shown text. A position inside a run that was
    /// replaced is its start, or its end for the end of a label (`end`), so that a label keeps
    /// covering what stands for its text.
    pub fn to_shown(&self, at: usize, end: bool) -> usize {
        if self.runs.is_empty() {
            return at.min(self.text.len());
        }
        let i = self.runs.partition_point(|r| r.from.start <= at);
        let Some(run) = i.checked_sub(1).map(|i| &self.runs[i]) else {
            return 0;
        };
        if at >= run.from.end {
            return run.to.end;
        }
        if run.copied {
            run.to.start + (at - run.from.start)
        } else if end && at > run.from.start {
            run.to.end
        } else {
            run.to.start
        }
    }

    /// Where a position of the shown text came from in the file.
    pub fn to_file(&self, at: usize) -> usize {
        if self.runs.is_empty() {
            return at;
        }
        let i = self.runs.partition_point(|r| r.to.start <= at);
        let Some(run) = i.checked_sub(1).map(|i| &self.runs[i]) else {
            return 0;
        };
        if run.copied {
            (run.from.start + (at - run.to.start)).min(run.from.end)
        } else {
            run.from.start
        }
    }
}

#[derive(Default)]
struct Builder {
    out: String,
    runs: Vec<Run>,
    /// The copied run being extended: where it started in the file and in `out`.
    copying: Option<(usize, usize)>,
    /// How far the file has been read.
    at: usize,
}

impl Builder {
    /// Copies `text[at..to]` as it is.
    fn copy(&mut self, text: &str, to: usize) {
        if to <= self.at {
            return;
        }
        if self.copying.is_none() {
            self.copying = Some((self.at, self.out.len()));
        }
        self.out.push_str(&text[self.at..to]);
        self.at = to;
    }

    /// Ends the copied run being extended.
    fn flush(&mut self) {
        if let Some((from, to)) = self.copying.take() {
            self.runs.push(Run {
                from: from..self.at,
                to: to..self.out.len(),
                copied: true,
            });
        }
    }

    /// Shows `text[at..to]` as `shown`.
    fn replace(&mut self, to: usize, shown: &str) {
        self.flush();
        let start = self.out.len();
        self.out.push_str(shown);
        self.runs.push(Run {
            from: self.at..to,
            to: start..self.out.len(),
            copied: false,
        });
        self.at = to;
    }

    /// One line of the file (`range`, with its line end), with the label points on it.
    fn line(&mut self, text: &str, range: Range<usize>, points: &[usize]) {
        let line = &text[range.clone()];
        let long = line.len() > LINE && line.chars().count() > LINE;
        // Which characters of a long line are kept, by their index on the line.
        let mut keep: Vec<Range<usize>> = Vec::new();
        if long {
            let mut point = points.iter().peekable();
            for (n, (i, _)) in line.char_indices().enumerate() {
                while point.next_if(|&&p| p <= range.start + i).is_some() {
                    let window = n.saturating_sub(CONTEXT)..n + CONTEXT;
                    match keep.last_mut() {
                        Some(last) if last.end >= window.start => last.end = window.end,
                        _ => keep.push(window),
                    }
                }
            }
            let n = line.chars().count();
            if point.next().is_some() {
                // A point at the line's end.
                let window = n.saturating_sub(CONTEXT)..n;
                match keep.last_mut() {
                    Some(last) if last.end >= window.start => last.end = window.end,
                    _ => keep.push(window),
                }
            }
            if keep.is_empty() {
                keep.push(0..2 * CONTEXT);
            }
        }
        let mut window = keep.iter().peekable();
        let mut chars = line.char_indices().enumerate().peekable();
        while let Some((n, (i, c))) = chars.next() {
            let at = range.start + i;
            if long {
                while window.next_if(|w| w.end <= n).is_some() {}
                let kept = window.peek().is_some_and(|w| w.contains(&n));
                if !kept && c != '\n' && !(c == '\r' && line[i + 1..].starts_with('\n')) {
                    // The characters up to the next window (or the line end) become `…`.
                    let next = window.peek().map_or(usize::MAX, |w| w.start);
                    let mut to = at + c.len_utf8();
                    while let Some(&(m, (j, d))) = chars.peek() {
                        if m >= next || d == '\n' || (d == '\r' && line[j + 1..].starts_with('\n'))
                        {
                            break;
                        }
                        to = range.start + j + d.len_utf8();
                        chars.next();
                    }
                    self.copy(text, at);
                    self.replace(to, "…");
                    continue;
                }
            }
            let line_end = c == '\r' && line[i + 1..].starts_with('\n');
            if is_unsafe(c) && !line_end {
                self.copy(text, at);
                let mut shown = String::new();
                escape(c, &mut shown);
                self.replace(at + c.len_utf8(), &shown);
            }
        }
        self.copy(text, range.end);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_quotes_and_texts_are_cut() {
        let name = "x".repeat(1_000_000);
        let message = format!("table `{name}` has no primary key");
        let shown = text(&message, Output::Json);
        assert_eq!(
            shown,
            format!(
                "table `{}…` (1000000 characters) has no primary key",
                "x".repeat(QUOTED)
            )
        );
        assert_eq!(text("a `short` one", Output::Terminal), "a `short` one");
        // A quote that does not close is plain text, cut with the rest.
        let open = format!("a `{name}");
        assert_eq!(
            text(&open, Output::Terminal),
            format!("{}… (1000003 characters)", &open[..TEXT])
        );
        // Several quotes.
        let two = format!("`{name}` and `{name}` and `b`");
        assert_eq!(
            text(&two, Output::Workflow),
            format!(
                "`{x}…` (1000000 characters) and `{x}…` (1000000 characters) and `b`",
                x = "x".repeat(QUOTED)
            )
        );
    }

    #[test]
    fn control_characters_are_escaped() {
        let hostile = "a `\u{1b}[2J` b\u{202e}c\u{9b}d\u{7f}\r";
        assert_eq!(
            text(hostile, Output::Terminal),
            "a `\\u{1b}[2J` b\\u{202e}c\\u{9b}d\\u{7f}\\u{d}"
        );
        assert_eq!(
            text(hostile, Output::Workflow),
            "a `\\u{1b}[2J` b\\u{202e}c\\u{9b}d\\u{7f}\r"
        );
        assert_eq!(text(hostile, Output::Json), hostile);
        assert_eq!(text("line\nnext\ttab", Output::Terminal), "line\nnext\ttab");
    }

    #[test]
    fn json_documents_escape_what_a_terminal_acts_on() {
        let value = serde_json::json!({"m": "a\u{1b}[2J\u{9b}\u{7f}\u{202e}\u{1F600}\nb"});
        let text = json(serde_json::to_string(&value).unwrap());
        assert_eq!(text, r#"{"m":"a\u001b[2J\u009b\u007f\u202e😀\nb"}"#);
        let read: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(read, value);
    }

    #[test]
    fn plain_sources_are_shown_as_they_are() {
        let s = Source::new("table t {\r\n  id int\r\n}\r\n", &[2, 5]);
        assert!(matches!(s.text, Cow::Borrowed(_)));
        assert_eq!(s.to_shown(5, false), 5);
        assert_eq!(s.to_file(5), 5);
    }

    #[test]
    fn escapes_in_sources_move_positions() {
        let text = "a\u{1b}b\nc\u{202e}d\n";
        let s = Source::new(text, &[]);
        assert_eq!(s.text, "a\\u{1b}b\nc\\u{202e}d\n");
        let b = text.find('b').unwrap();
        let shown_b = s.text.find("}b").unwrap() + 1;
        assert_eq!(s.to_shown(b, false), shown_b);
        assert_eq!(s.to_file(shown_b), b);
        // The escaped character itself: its escape.
        assert_eq!(s.to_shown(1, false), 1);
        assert_eq!(s.to_shown(2, true), shown_b);
        assert_eq!(s.to_file(3), 1);
        let d = text.find('d').unwrap();
        assert_eq!(&s.text[s.to_shown(d, false)..], "d\n");
    }

    #[test]
    fn long_lines_are_cut_around_labels() {
        let name = "x".repeat(1_000_000);
        let text = format!("table {name} {{\n  id int\n}}\n");
        let start = 6;
        let end = 6 + name.len();
        let s = Source::new(&text, &[start, end]);
        assert!(s.text.len() < 400, "{}", s.text.len());
        let first = s.text.lines().next().unwrap();
        assert_eq!(first, format!("table {x}…{x} {{", x = "x".repeat(CONTEXT)));
        let (a, b) = (s.to_shown(start, false), s.to_shown(end, true));
        assert_eq!(&s.text[a..b], &first[6..first.len() - 2]);
        assert_eq!(s.to_file(a), start);
        // The lines after it are unchanged.
        assert!(s.text.ends_with("{\n  id int\n}\n"));
        let id = text.find("id").unwrap();
        assert_eq!(&s.text[s.to_shown(id, false)..][..2], "id");
    }

    #[test]
    fn a_long_line_without_labels_shows_its_start() {
        let text = format!("{}\nb\n", "y".repeat(5000));
        let s = Source::new(&text, &[]);
        assert_eq!(s.text, format!("{}…\nb\n", "y".repeat(2 * CONTEXT)));
    }
}
