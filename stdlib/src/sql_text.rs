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
        self.behaviour().quote_ident(name)
    }

    /// A string literal holding exactly `value`, as the dialect's
    /// [`Behaviour::quote_literal`](crate::Behaviour::quote_literal) writes it.
    ///
    /// No literal holds a raw carriage return: line-based readers of scripts drop one that comes
    /// before a line feed. In every dialect the quote is doubled, never backslash-escaped, so a
    /// reader that does not know the dialect's backslash rules still finds the same end of the
    /// literal.
    pub fn quote_literal(self, value: &str) -> String {
        self.behaviour().quote_literal(value)
    }

    /// A `--` comment line (without the line break): `-- text`, the text on one line.
    pub fn comment(self, text: &str) -> String {
        format!("-- {}", one_line(text))
    }

    /// SQL text with `prefix` before each of its lines, ending with a line break, except the
    /// lines that begin inside a quoted literal, name, dollar quote or block comment (a text
    /// written across lines), whose content must not change.
    pub fn indent(self, sql: &str, prefix: &str) -> String {
        let quoted = self.quoted_ranges(sql);
        let inside = |at: usize| quoted.iter().any(|(s, e)| *s < at && at < *e);
        let mut out = String::with_capacity(sql.len() + prefix.len() * 4);
        let mut at = 0;
        for line in sql.split_inclusive('\n') {
            if !inside(at) {
                out.push_str(prefix);
            }
            out.push_str(line);
            at += line.len();
        }
        if !out.is_empty() && !out.ends_with('\n') {
            out.push('\n');
        }
        out
    }

    /// SQL text with each placeholder (`{after}`, say) replaced by its value where it stands
    /// as code: never inside a literal, a quoted name or a comment, where a name or a text
    /// the user wrote may hold the same characters. Values are inserted as they are, in one
    /// pass.
    pub fn fill_placeholders(self, sql: &str, values: &[(&str, &str)]) -> String {
        let fill = |out: &mut String, code: &str| {
            let mut rest = code;
            'scan: while let Some(c) = rest.chars().next() {
                for (key, value) in values {
                    if let Some(tail) = rest.strip_prefix(key) {
                        out.push_str(value);
                        rest = tail;
                        continue 'scan;
                    }
                }
                out.push(c);
                rest = &rest[c.len_utf8()..];
            }
        };
        let mut out = String::with_capacity(sql.len());
        let mut code_from = 0;
        for (s, e) in self.quoted_ranges(sql) {
            fill(&mut out, &sql[code_from..s]);
            out.push_str(&sql[s..e]);
            code_from = e;
        }
        fill(&mut out, &sql[code_from..]);
        out
    }

    /// The byte ranges of `sql` that are not code: string literals, quoted names, dollar
    /// quotes and comments, as the dialect and its client read them (MySQL's backslash escapes
    /// and `#` comments, PostgreSQL's `E'…'` strings and dollar quotes). A range left open at
    /// the end runs to the end.
    fn quoted_ranges(self, sql: &str) -> Vec<(usize, usize)> {
        let b = self.behaviour();
        let backslashes = b.supports_backslash_escapes();
        let escape_strings = b.supports_escape_strings();
        let bytes = sql.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            let c = bytes[i];
            let end = match c {
                b'\'' | b'"' | b'`' if c != b'`' || b.quotes_names_with_backticks() => {
                    // PostgreSQL's escape strings: `E'…'` (not the end of a longer word).
                    let e_string = escape_strings
                        && c == b'\''
                        && i > 0
                        && matches!(bytes[i - 1], b'E' | b'e')
                        && !(i > 1
                            && (bytes[i - 2].is_ascii_alphanumeric() || bytes[i - 2] == b'_'));
                    // MySQL reads `"…"` as a string, with backslash escapes.
                    let escapes = (backslashes && c != b'`') || e_string;
                    let mut j = i + 1;
                    Some(loop {
                        match bytes.get(j) {
                            None => break bytes.len(),
                            Some(b'\\') if escapes => j += 2,
                            Some(&d) if d == c => {
                                if bytes.get(j + 1) == Some(&c) {
                                    j += 2;
                                } else {
                                    break j + 1;
                                }
                            }
                            Some(_) => j += 1,
                        }
                    })
                }
                b'-' if bytes.get(i + 1) == Some(&b'-') => Some(line_end(bytes, i)),
                b'#' if b.supports_hash_comments() => Some(line_end(bytes, i)),
                b'/' if bytes.get(i + 1) == Some(&b'*') => Some(
                    sql[i + 2..]
                        .find("*/")
                        .map_or(bytes.len(), |p| i + 2 + p + 2),
                ),
                b'$' if b.supports_dollar_quotes() => {
                    let rest = &sql[i + 1..];
                    let tag_len = rest
                        .find(|d: char| !(d.is_alphanumeric() || d == '_'))
                        .unwrap_or(rest.len());
                    let is_tag = rest[tag_len..].starts_with('$')
                        && !rest.starts_with(|d: char| d.is_ascii_digit());
                    is_tag.then(|| {
                        let tag = &sql[i..i + tag_len + 2];
                        let body = i + tag.len();
                        sql[body..]
                            .find(tag)
                            .map_or(bytes.len(), |p| body + p + tag.len())
                    })
                }
                _ => None,
            };
            match end {
                Some(end) => {
                    let end = end.min(bytes.len());
                    out.push((i, end));
                    i = end;
                }
                None => i += 1,
            }
            while i < bytes.len() && !sql.is_char_boundary(i) {
                i += 1;
            }
        }
        out
    }
}

/// `name` between two `quote` characters, each one inside doubled.
pub(crate) fn quoted_with(quote: char, name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 2);
    out.push(quote);
    for c in name.chars() {
        if c == quote {
            out.push(quote);
        }
        out.push(c);
    }
    out.push(quote);
    out
}

/// `value` between single quotes, each character written as `escape` says (`None`: as it is),
/// a single quote always doubled.
pub(crate) fn single_quoted(value: &str, escape: impl Fn(char) -> Option<&'static str>) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('\'');
    for c in value.chars() {
        match (c, escape(c)) {
            ('\'', _) => out.push_str("''"),
            (_, Some(e)) => out.push_str(e),
            (c, None) => out.push(c),
        }
    }
    out.push('\'');
    out
}

/// Where a `--` or `#` comment starting at `i` ends (the line break stays code).
fn line_end(bytes: &[u8], i: usize) -> usize {
    bytes[i..]
        .iter()
        .position(|b| *b == b'\n')
        .map_or(bytes.len(), |p| i + p)
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
        assert_eq!(Dialect::Mysql.quote_literal("a\r\nb"), "'a\\r\nb'");
        assert_eq!(Dialect::Postgres.quote_literal("a\r\nb"), "E'a\\r\nb'");
        assert_eq!(
            Dialect::Sqlite.quote_literal("a\r\nb'"),
            "('a' || char(13) || '\nb''')"
        );
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

    /// A placeholder is code only outside quotes: a name or a text holding `{after}` keeps it.
    #[test]
    fn placeholders_are_filled_outside_quotes_only() {
        let sql =
            "UPDATE \"o{after}\" SET a = 'x{after}' WHERE {after} AND b -- {after}\n AND {upto};";
        assert_eq!(
            Dialect::Postgres
                .fill_placeholders(sql, &[("{after}", "k > '{upto}'"), ("{upto}", "k <= 9")]),
            "UPDATE \"o{after}\" SET a = 'x{after}' WHERE k > '{upto}' AND b -- {after}\n AND k <= 9;"
        );
        assert_eq!(
            Dialect::Mysql.fill_placeholders(
                "SELECT `{limit}`, 'a\\'{limit}' LIMIT {limit}",
                &[("{limit}", "10")]
            ),
            "SELECT `{limit}`, 'a\\'{limit}' LIMIT 10"
        );
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
