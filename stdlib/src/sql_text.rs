//! The text of SQL in each dialect: identifiers, string literals, comments, and the quoting of
//! bodies that hold other SQL (PostgreSQL dollar quotes, the client's statement delimiter).
//!
//! Names, strings, comments and paths come from users. Everything migc writes into SQL from
//! them goes through these functions, so that nothing a schema holds can end a quote, a comment
//! or a statement early:
//! - identifiers are always quoted, whatever the name (no keyword list to fall behind a server
//!   version);
//! - string literals double the quote, and on MySQL/MariaDB also escape the backslash (the
//!   server's default `sql_mode`, which every MySQL script and the runner set); on PostgreSQL a
//!   text holding a backslash is written as an escape string `E'…'`, which reads the same
//!   whatever `standard_conforming_strings` says;
//! - a comment is one line: line breaks and other control characters are written as escapes;
//! - a dollar quote's tag and a client delimiter are chosen so that the body never holds them.

use crate::Dialect;
use std::borrow::Cow;

impl Dialect {
    /// An identifier, quoted: `"name"` (PostgreSQL, SQLite) or `` `name` `` (MySQL/MariaDB),
    /// with the quote character doubled inside. The name keeps its exact spelling and case.
    pub fn quote_ident(self, name: &str) -> String {
        let q = match self {
            Dialect::Mysql => '`',
            Dialect::Postgres | Dialect::Sqlite => '"',
        };
        let mut out = String::with_capacity(name.len() + 2);
        out.push(q);
        for c in name.chars() {
            if c == q {
                out.push(q);
            }
            out.push(c);
        }
        out.push(q);
        out
    }

    /// A string literal holding exactly `value`.
    ///
    /// - PostgreSQL: `'…'` with `'` doubled; `E'…'` with `\` doubled too when the value holds a
    ///   backslash (as `quote_literal()` does), so the value does not depend on
    ///   `standard_conforming_strings`.
    /// - MySQL/MariaDB: `'…'` with `'` doubled and `\` written `\\` (NUL as `\0`, Ctrl-Z as `\Z`,
    ///   which some clients would take for the end of input).
    /// - SQLite: `'…'` with `'` doubled; backslashes mean nothing.
    ///
    /// In every dialect the quote is doubled, never backslash-escaped, so a reader that does not
    /// know the dialect's backslash rules still finds the same end of the literal.
    pub fn quote_literal(self, value: &str) -> String {
        let mut out = String::with_capacity(value.len() + 3);
        match self {
            Dialect::Postgres => {
                if value.contains('\\') {
                    out.push('E');
                }
                out.push('\'');
                for c in value.chars() {
                    match c {
                        '\'' => out.push_str("''"),
                        '\\' => out.push_str("\\\\"),
                        c => out.push(c),
                    }
                }
            }
            Dialect::Mysql => {
                out.push('\'');
                for c in value.chars() {
                    match c {
                        '\'' => out.push_str("''"),
                        '\\' => out.push_str("\\\\"),
                        '\0' => out.push_str("\\0"),
                        '\x1a' => out.push_str("\\Z"),
                        c => out.push(c),
                    }
                }
            }
            Dialect::Sqlite => {
                out.push('\'');
                for c in value.chars() {
                    if c == '\'' {
                        out.push('\'');
                    }
                    out.push(c);
                }
            }
        }
        out.push('\'');
        out
    }

    /// A `--` comment line (without the line break): `-- text`, the text on one line.
    pub fn comment(self, text: &str) -> String {
        format!("-- {}", one_line(text))
    }

    /// SQL text with `prefix` before each of its lines, ending with a line break, except the
    /// lines that begin inside a quoted literal, name or dollar quote (a text written across
    /// lines), whose content must not change.
    pub fn indent(self, sql: &str, prefix: &str) -> String {
        let mut out = String::with_capacity(sql.len() + prefix.len() * 4);
        let mut inside = Quoted::None;
        for line in sql.split_inclusive('\n') {
            if inside == Quoted::None {
                out.push_str(prefix);
            }
            out.push_str(line);
            inside = self.scan(line, inside);
        }
        if !out.is_empty() && !out.ends_with('\n') {
            out.push('\n');
        }
        out
    }

    /// What a line leaves open, given what was open at its start.
    fn scan(self, line: &str, mut open: Quoted) -> Quoted {
        let chars: Vec<char> = line.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            match &open {
                Quoted::None => match c {
                    '\'' => {
                        // PostgreSQL's escape strings: `E'…'` (not the end of a longer word).
                        let e_string = self == Dialect::Postgres
                            && i > 0
                            && matches!(chars[i - 1], 'E' | 'e')
                            && !(i > 1 && (chars[i - 2].is_alphanumeric() || chars[i - 2] == '_'));
                        open = Quoted::Text {
                            quote: '\'',
                            escapes: self == Dialect::Mysql || e_string,
                        };
                    }
                    // MySQL reads `"…"` as a string, the others as a name.
                    '"' => {
                        open = Quoted::Text {
                            quote: '"',
                            escapes: self == Dialect::Mysql,
                        }
                    }
                    '`' if self != Dialect::Postgres => {
                        open = Quoted::Text {
                            quote: '`',
                            escapes: false,
                        }
                    }
                    '-' if chars.get(i + 1) == Some(&'-') => return Quoted::None,
                    '#' if self == Dialect::Mysql => return Quoted::None,
                    '/' if chars.get(i + 1) == Some(&'*') => {
                        open = Quoted::Comment;
                        i += 1;
                    }
                    '$' if self == Dialect::Postgres => {
                        let rest: String = chars[i + 1..].iter().collect();
                        let tag_len = rest
                            .find(|d: char| !(d.is_alphanumeric() || d == '_'))
                            .unwrap_or(rest.len());
                        if rest[tag_len..].starts_with('$')
                            && !rest.starts_with(|d: char| d.is_ascii_digit())
                        {
                            let tag = format!("${}$", &rest[..tag_len]);
                            i += tag.chars().count() - 1;
                            open = Quoted::Dollar(tag);
                        }
                    }
                    _ => {}
                },
                Quoted::Text { quote, escapes } => {
                    if c == '\\' && *escapes {
                        i += 1;
                    } else if c == *quote {
                        if chars.get(i + 1) == Some(quote) {
                            i += 1;
                        } else {
                            open = Quoted::None;
                        }
                    }
                }
                Quoted::Comment => {
                    if c == '*' && chars.get(i + 1) == Some(&'/') {
                        open = Quoted::None;
                        i += 1;
                    }
                }
                Quoted::Dollar(tag) => {
                    let rest: String = chars[i..].iter().collect();
                    if rest.starts_with(tag.as_str()) {
                        i += tag.chars().count() - 1;
                        open = Quoted::None;
                    }
                }
            }
            i += 1;
        }
        open
    }
}

/// What is open at a point of SQL text.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Quoted {
    None,
    /// A string literal or a quoted name: its quote, and whether a backslash escapes the next
    /// character in it.
    Text {
        quote: char,
        escapes: bool,
    },
    /// A `/* … */` comment.
    Comment,
    /// A PostgreSQL dollar quote, with its tag.
    Dollar(String),
}

/// The text on one line, safe inside a `--` comment of every dialect and client: line breaks,
/// other control characters and the Unicode line and paragraph separators are written as
/// escapes (`\n`, `\r`, `\t`, `\u{…}`), and so is the backslash, so that the escaped text reads
/// back unambiguously. Text without any of them is returned as it is.
pub fn one_line(text: &str) -> Cow<'_, str> {
    let needs = |c: char| c == '\\' || c.is_control() || matches!(c, '\u{2028}' | '\u{2029}');
    if !text.chars().any(needs) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if needs(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// `body` between PostgreSQL dollar quotes: `$tag$body$tag$`, where the tag is `base`
/// (letters, digits, `_`), or `base` with a number added, so that the first `$tag$` after the
/// opening one is the closing one.
pub fn dollar_quoted(base: &str, body: &str) -> String {
    let tag = unused_mark(&[body], |n| match n {
        0 => format!("${base}$"),
        n => format!("${base}{n}$"),
    });
    format!("{tag}{body}{tag}")
}

/// A statement delimiter for the MySQL/MariaDB clients' `DELIMITER` command that ends each of
/// `statements` where it is written after it, and nowhere earlier: `//`, else `//1`, `//2`, …
pub fn delimiter_for(statements: &[&str]) -> String {
    unused_mark(statements, |n| match n {
        0 => "//".to_string(),
        n => format!("//{n}"),
    })
}

/// The first of the candidates `mark(0)`, `mark(1)`, … that occurs in none of `texts`, not even
/// across the end of a text and the mark written after it.
fn unused_mark(texts: &[&str], mark: impl Fn(usize) -> String) -> String {
    (0..)
        .map(mark)
        .find(|m| {
            texts
                .iter()
                .all(|t| format!("{t}{m}").find(m.as_str()) == Some(t.len()))
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_are_always_quoted() {
        assert_eq!(Dialect::Postgres.quote_ident("users"), "\"users\"");
        assert_eq!(Dialect::Sqlite.quote_ident("a\"b"), "\"a\"\"b\"");
        assert_eq!(Dialect::Mysql.quote_ident("a`b\"c"), "`a``b\"c`");
        assert_eq!(
            Dialect::Postgres.quote_ident("Order Items"),
            "\"Order Items\""
        );
    }

    #[test]
    fn literals_hold_exactly_the_value() {
        let v = "x\\'); DROP TABLE canary; -- ";
        assert_eq!(
            Dialect::Mysql.quote_literal(v),
            "'x\\\\''); DROP TABLE canary; -- '"
        );
        assert_eq!(
            Dialect::Postgres.quote_literal(v),
            "E'x\\\\''); DROP TABLE canary; -- '"
        );
        assert_eq!(
            Dialect::Sqlite.quote_literal(v),
            "'x\\''); DROP TABLE canary; -- '"
        );
        assert_eq!(Dialect::Postgres.quote_literal("it's"), "'it''s'");
        assert_eq!(Dialect::Mysql.quote_literal("C:\\"), "'C:\\\\'");
        assert_eq!(Dialect::Mysql.quote_literal("a\0b"), "'a\\0b'");
    }

    #[test]
    fn comments_stay_on_one_line() {
        assert_eq!(
            Dialect::Postgres.comment("from a\nDROP TABLE t;\r\u{2028}.mig"),
            "-- from a\\nDROP TABLE t;\\r\\u{2028}.mig"
        );
        assert_eq!(one_line("plain `name`"), "plain `name`");
        assert_eq!(one_line("a\\nb"), "a\\\\nb");
    }

    /// Lines that begin inside a quoted text keep their content.
    #[test]
    fn indenting_leaves_quoted_text_alone() {
        let sql = "COMMENT ON t IS 'a\n  b';\nSELECT \"x\ny\";\nDO $f$\nbody\n$f$;";
        assert_eq!(
            Dialect::Postgres.indent(sql, "  "),
            "  COMMENT ON t IS 'a\n  b';\n  SELECT \"x\ny\";\n  DO $f$\nbody\n$f$;\n"
        );
        // MySQL: a backslash escapes the quote after it; `#` and `--` comments end at the line.
        let sql = "SET @a = 'x\\'\n';\n-- it's\n# it's\nSELECT 1;";
        assert_eq!(
            Dialect::Mysql.indent(sql, "> "),
            "> SET @a = 'x\\'\n';\n> -- it's\n> # it's\n> SELECT 1;\n"
        );
        assert_eq!(Dialect::Sqlite.indent("a\nb\n", "  "), "  a\n  b\n");
    }

    #[test]
    fn marks_are_not_in_the_body() {
        assert_eq!(dollar_quoted("migc", "BEGIN END"), "$migc$BEGIN END$migc$");
        assert_eq!(
            dollar_quoted("migc", "'$migc$' $migc1$"),
            "$migc2$'$migc$' $migc1$$migc2$"
        );
        // A body ending in `$migc` would close early: `…$migc$migc$`.
        assert_eq!(dollar_quoted("migc", "x $migc"), "$migc1$x $migc$migc1$");
        assert_eq!(delimiter_for(&["SELECT 1"]), "//");
        assert_eq!(delimiter_for(&["SELECT '//'", "SELECT '//1'"]), "//2");
        assert_eq!(delimiter_for(&["SELECT 1 /"]), "//1");
    }
}
