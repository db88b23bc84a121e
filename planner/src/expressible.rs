//! Names and texts a dialect cannot hold as declared.
//!
//! Every name is quoted in the scripts, so any character reaches the database; but some
//! databases refuse or silently change what they store. Such a schema is refused for that
//! dialect with a finding that names the object and what the database would do, rather than
//! planned into a script that fails or into a database that differs from the declaration.

use migc_compiler::schema::{Enum, Schema, Table};
use migc_grammar::{Code, Diagnostic, Span};
use migc_stdlib::Dialect;
use std::collections::BTreeMap;

/// MySQL/MariaDB: the longest ENUM member, in characters.
const MYSQL_MAX_LABEL: usize = 255;
/// MySQL/MariaDB: the longest column comment, in characters.
const MYSQL_MAX_COLUMN_COMMENT: usize = 1024;
/// MySQL/MariaDB: the longest table comment, in characters.
const MYSQL_MAX_TABLE_COMMENT: usize = 2048;

/// MySQL/MariaDB: the longest file name a table's name may encode to: 255 bytes less the
/// extension (`.frm`, `.ibd`). Checked on MariaDB 10.11: 251 bytes pass, 252 fail.
const MYSQL_MAX_FILE_NAME: usize = 251;

/// The longest suffix migc adds to a table's name for a table it makes beside it (the progress
/// table of a copy, `<table>__migc_progress`).
const TABLE_SUFFIX: usize = "__migc_progress".len();

/// The length of the file name MySQL/MariaDB encode a table name to: plain ASCII letters,
/// digits and `_` stand for themselves; letters of the ranges the server's `filename`
/// character set spells in three bytes (`@0G`) take three; every other character `@XXXX`, five.
fn file_name_bytes(name: &str) -> usize {
    name.chars()
        .map(|c| match c as u32 {
            _ if c.is_ascii_alphanumeric() || c == '_' => 1,
            0xC0..=0x5FF
            | 0x1E00..=0x1FFF
            | 0x2160..=0x217F
            | 0x24B6..=0x24E9
            | 0xFF21..=0xFF5A => 3,
            _ => 5,
        })
        .sum()
}

/// Every finding of the schema for `dialect`, in declaration order.
pub fn findings(schema: &Schema, dialect: Dialect) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut schema_names: Vec<(&str, &str, Span)> = Vec::new();
    for t in schema.tables.values() {
        schema_names.push(("table", &t.name, t.origin));
        table(t, dialect, &mut out);
    }
    for v in schema.views.values() {
        schema_names.push(("view", &v.name, v.origin));
        name("view", &v.name, v.origin, dialect, &mut out);
    }
    for e in schema.enums.values() {
        enumeration(e, dialect, &mut out);
    }
    if dialect == Dialect::Sqlite {
        for t in schema.tables.values() {
            for (n, span) in t.object_names() {
                schema_names.push(("index or constraint", n, span));
            }
        }
        // SQLite compares the names of tables, views and indexes without case.
        same_without_case(&schema_names, "SQLite", &mut out);
    }
    out.sort_by_key(|d| d.primary_span().map(|s| (s.file.0, s.start)));
    out
}

fn table(t: &Table, dialect: Dialect, out: &mut Vec<Diagnostic>) {
    name("table", &t.name, t.origin, dialect, out);
    let mut columns = Vec::new();
    for c in &t.columns {
        name("column", &c.name, c.origin, dialect, out);
        columns.push(("column", c.name.as_str(), c.origin));
        if dialect == Dialect::Mysql {
            if let Some(text) = &c.comment {
                too_long_comment(
                    "column",
                    &c.name,
                    text,
                    MYSQL_MAX_COLUMN_COMMENT,
                    c.origin,
                    out,
                );
            }
        }
    }
    if dialect == Dialect::Mysql {
        if let Some(text) = &t.comment {
            too_long_comment(
                "table",
                &t.name,
                text,
                MYSQL_MAX_TABLE_COMMENT,
                t.origin,
                out,
            );
        }
    }
    for (n, span) in t.object_names() {
        name("index or constraint", n, span, dialect, out);
    }
    match dialect {
        // Both compare column names without case (MySQL index names too).
        Dialect::Mysql => {
            same_without_case(&columns, "MySQL/MariaDB", out);
            let keys: Vec<(&str, &str, Span)> = t
                .object_names()
                .map(|(n, s)| ("index or constraint", n, s))
                .collect();
            same_without_case(&keys, "MySQL/MariaDB", out);
        }
        Dialect::Sqlite => same_without_case(&columns, "SQLite", out),
        Dialect::Postgres => {}
    }
}

/// A name the dialect refuses or changes.
fn name(what: &str, name: &str, origin: Span, dialect: Dialect, out: &mut Vec<Diagnostic>) {
    let reason = match dialect {
        Dialect::Mysql if name.chars().any(|c| c as u32 > 0xFFFF) => Some(
            "MySQL and MariaDB names hold characters of the Basic Multilingual Plane only (no emoji or other characters beyond U+FFFF)",
        ),
        // ASCII white space only: a name may end in U+00A0 or U+3000 (checked on MariaDB 10.11).
        Dialect::Mysql if name.ends_with(|c: char| c.is_ascii_whitespace() || c == '\x0b') => {
            Some("MySQL and MariaDB refuse names that end with white space")
        }
        Dialect::Mysql if what == "table" && file_name_bytes(name) + TABLE_SUFFIX > MYSQL_MAX_FILE_NAME => {
            Some("MySQL and MariaDB keep a table in files named after it (and after the tables migc makes beside it, `<table>__migc_progress`), each character that is not a plain letter or digit written as up to five: this name makes a file name longer than the file system allows")
        }
        Dialect::Mysql if what == "view" && file_name_bytes(name) > MYSQL_MAX_FILE_NAME => {
            Some("MySQL and MariaDB keep a view in a file named after it, each character that is not a plain letter or digit written as up to five: this name makes a file name longer than the file system allows")
        }
        Dialect::Sqlite
            if what != "column" && name.to_ascii_lowercase().starts_with("sqlite_") =>
        {
            Some("SQLite keeps names beginning with `sqlite_` for itself")
        }
        _ => None,
    };
    if let Some(reason) = reason {
        out.push(refusal(
            format!("{what} name `{name}` cannot be used on {}", pretty(dialect)),
            origin,
            reason,
            "rename it",
        ));
    }
}

fn enumeration(e: &Enum, dialect: Dialect, out: &mut Vec<Diagnostic>) {
    let mut seen: BTreeMap<String, &str> = BTreeMap::new();
    for v in &e.values {
        let label = v.name.as_str();
        let reason = match dialect {
            Dialect::Mysql if label.chars().any(|c| c as u32 > 0xFFFF) => Some(
                "MySQL and MariaDB keep a column's ENUM members in a character set without characters beyond U+FFFF".to_string(),
            ),
            Dialect::Mysql if label.ends_with(' ') => Some(
                "MySQL and MariaDB remove trailing spaces from ENUM members, so the stored label would differ".to_string(),
            ),
            Dialect::Mysql if label.chars().count() > MYSQL_MAX_LABEL => Some(format!(
                "MySQL and MariaDB ENUM members hold at most {MYSQL_MAX_LABEL} characters"
            )),
            Dialect::Mysql => seen
                .insert(label.to_lowercase(), label)
                .map(|other| format!("MySQL and MariaDB compare ENUM members without case: `{other}` is the same member")),
            _ => None,
        };
        if let Some(reason) = reason {
            out.push(refusal(
                format!(
                    "value `{label}` of enum `{}` cannot be stored as declared on {}",
                    e.name,
                    pretty(dialect)
                ),
                v.origin,
                &reason,
                "change the value",
            ));
        }
    }
}

fn too_long_comment(
    what: &str,
    owner: &str,
    text: &str,
    max: usize,
    origin: Span,
    out: &mut Vec<Diagnostic>,
) {
    if text.chars().any(|c| c as u32 > 0xFFFF) {
        out.push(refusal(
            format!("the comment of {what} `{owner}` cannot be stored on MySQL/MariaDB"),
            origin,
            "MySQL and MariaDB keep comments in a character set without characters beyond U+FFFF (they would read back as `?`)",
            "write the comment without them",
        ));
    }
    let n = text.chars().count();
    if n > max {
        out.push(refusal(
            format!("the comment of {what} `{owner}` is too long for MySQL/MariaDB"),
            origin,
            &format!("MySQL and MariaDB hold {what} comments of at most {max} characters; this one has {n}"),
            "shorten the comment",
        ));
    }
}

/// Names that differ only in case, which the dialect takes for the same name.
fn same_without_case(names: &[(&str, &str, Span)], dialect: &str, out: &mut Vec<Diagnostic>) {
    let mut seen: BTreeMap<String, &str> = BTreeMap::new();
    for (what, n, origin) in names {
        if let Some(other) = seen.insert(n.to_lowercase(), n) {
            if other != *n {
                out.push(refusal(
                    format!("{what} name `{n}` differs from `{other}` only in case"),
                    *origin,
                    &format!(
                        "{dialect} compares these names without case, so both would be one object"
                    ),
                    "give one of them another name",
                ));
            }
        }
    }
}

fn refusal(message: String, origin: Span, note: &str, help: &str) -> Diagnostic {
    let mut d = Diagnostic::error(Code::Unsupported, message)
        .note(note.to_string())
        .help(help.to_string());
    if origin != Span::default() {
        d = d.primary(origin, "declared here");
    }
    d
}

fn pretty(dialect: Dialect) -> &'static str {
    match dialect {
        Dialect::Postgres => "PostgreSQL",
        Dialect::Mysql => "MySQL/MariaDB",
        Dialect::Sqlite => "SQLite",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn schema(text: &str) -> Schema {
        let mut sources = migc_grammar::Sources::new();
        let file = sources.add("t.mig", text);
        let compiled = migc_compiler::compile(&mut sources, &[file]);
        match compiled.schema {
            Some(s) => s,
            None => panic!("{:#?}", compiled.diagnostics),
        }
    }

    fn messages(text: &str, d: Dialect) -> Vec<String> {
        findings(&schema(text), d)
            .into_iter()
            .map(|d| d.message)
            .collect()
    }

    #[test]
    fn each_dialect_refuses_what_it_cannot_hold() {
        let text = "enum e { `x `, Y, y }\ntable `t 😀` {\n  a text\n  A text\n  `b ` text\n}\n";
        assert_eq!(
            messages(text, Dialect::Mysql),
            [
                "value `x ` of enum `e` cannot be stored as declared on MySQL/MariaDB",
                "value `y` of enum `e` cannot be stored as declared on MySQL/MariaDB",
                "table name `t 😀` cannot be used on MySQL/MariaDB",
                "column name `A` differs from `a` only in case",
                "column name `b ` cannot be used on MySQL/MariaDB",
            ]
        );
        assert!(messages(text, Dialect::Postgres).is_empty());
        assert_eq!(
            messages("table sqlite_t {\n  a text\n  A text\n}\n", Dialect::Sqlite),
            [
                "table name `sqlite_t` cannot be used on SQLite",
                "column name `A` differs from `a` only in case",
            ]
        );
        assert!(messages("table t {\n  a text\n}\n", Dialect::Mysql).is_empty());
        // A table name whose file name is too long; a comment and a label beyond U+FFFF.
        let quotes = "\"".repeat(48);
        let text = format!(
            "enum f {{ `a😀` }}\ntable `{quotes}` {{\n  a text comment \"x😀\"\n  `b\t` text\n  `c\u{a0}` text\n}}\n"
        );
        assert_eq!(
            messages(&text, Dialect::Mysql),
            [
                "value `a😀` of enum `f` cannot be stored as declared on MySQL/MariaDB".to_string(),
                format!("table name `{quotes}` cannot be used on MySQL/MariaDB"),
                "the comment of column `a` cannot be stored on MySQL/MariaDB".to_string(),
                "column name `b\t` cannot be used on MySQL/MariaDB".to_string(),
            ]
        );
        assert!(messages(&text, Dialect::Postgres).is_empty());
        let fifty = format!("table `{}` {{\n  a text\n}}\n", "\"".repeat(47));
        assert!(messages(&fifty, Dialect::Mysql).is_empty());
    }
}
