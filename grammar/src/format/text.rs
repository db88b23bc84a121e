//! Names, strings and SQL texts as they are written back.

use super::INDENT;
use crate::ast::*;

pub(super) fn sql(s: &Sql) -> String {
    if s.parenthesized {
        format!("({})", s.text)
    } else {
        s.text.clone()
    }
}

/// A multi-line SQL text in parentheses, re-indented one level; one-line text stays inline.
pub(super) fn block_sql(text: &str) -> String {
    // A line with an odd number of quotes is part of a string or quoted name spread over lines,
    // whose text re-indenting would change.
    let odd = |l: &str, q: char| l.matches(q).count() % 2 == 1;
    if !text.contains('\n') || text.lines().any(|l| odd(l, '\'') || odd(l, '"')) {
        return format!("({text})");
    }
    let mut lines = text.lines();
    let first = lines.next().unwrap_or_default().trim();
    let rest: Vec<&str> = lines.collect();
    let common = rest
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start().len())
        .min()
        .unwrap_or(0);
    let mut out = format!("(\n{INDENT}{first}\n");
    for l in rest {
        if l.trim().is_empty() {
            out.push('\n');
        } else {
            out.push_str(INDENT);
            out.push_str(l.get(common..).unwrap_or(l.trim_start()).trim_end());
            out.push('\n');
        }
    }
    out.push(')');
    out
}

pub(super) fn names(list: &[Ident]) -> String {
    let n: Vec<String> = list.iter().map(|i| name(&i.name)).collect();
    format!("({})", n.join(", "))
}

const KEYWORDS: &[&str] = &[
    "use",
    "enum",
    "table",
    "mixin",
    "view",
    "as",
    "native",
    "for",
    "up",
    "down",
    "drop",
    "column",
    "index",
    "unique",
    "where",
    "primary",
    "key",
    "check",
    "foreign",
    "references",
    "include",
    "comment",
    "retire",
    "not",
    "null",
    "identity",
    "default",
    "renamed",
    "from",
    "on",
    "delete",
    "update",
    "cascade",
    "restrict",
    "set",
    "no",
    "action",
];

/// A name, in backticks when it is not a plain identifier or could read as a keyword.
pub fn name(n: &str) -> String {
    let plain = n
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && n.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if plain && !KEYWORDS.contains(&n.to_ascii_lowercase().as_str()) {
        n.to_string()
    } else {
        format!("`{n}`")
    }
}

/// A string as its author wrote it: escapes and line breaks are the author's choice (a `\\n` in a
/// comment, real line breaks in a long native statement), and both spellings mean the same.
pub(super) fn string(src: &str, lit: &StringLit) -> String {
    match src.get(lit.span.range()) {
        Some(text) if text.len() >= 2 && text.starts_with('"') && text.ends_with('"') => {
            text.to_string()
        }
        _ => escape(&lit.value),
    }
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            _ => out.push(c),
        }
    }
    out.push('"');
    out
}
