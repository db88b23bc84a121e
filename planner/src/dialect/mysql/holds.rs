//! What MySQL/MariaDB hold of names and texts as declared.

use super::Mysql;
use crate::expressible::{Holds, NameKind, NameScope};

/// The longest ENUM member, in characters.
const MAX_LABEL: usize = 255;
/// The longest column comment, in characters.
const MAX_COLUMN_COMMENT: usize = 1024;
/// The longest table comment, in characters.
const MAX_TABLE_COMMENT: usize = 2048;
/// The longest file name a table's name may encode to: 255 bytes less the extension (`.frm`,
/// `.ibd`). Checked on MariaDB 10.11: 251 bytes pass, 252 fail.
const MAX_FILE_NAME: usize = 251;
/// The longest suffix migc adds to a table's name for a table it makes beside it (the progress
/// table of a copy, `<table>__migc_progress`).
const TABLE_SUFFIX: usize = "__migc_progress".len();

/// The length of the file name the server encodes a table name to: plain ASCII letters, digits
/// and `_` stand for themselves; letters of the ranges its `filename` character set spells in
/// three bytes (`@0G`) take three; every other character `@XXXX`, five.
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

fn beyond_bmp(text: &str) -> bool {
    text.chars().any(|c| c as u32 > 0xFFFF)
}

impl Holds for Mysql {
    fn product(&self) -> &'static str {
        "MySQL/MariaDB"
    }

    fn refuses_name(&self, kind: NameKind, name: &str) -> Option<String> {
        let file = match kind {
            NameKind::Table => Some(file_name_bytes(name) + TABLE_SUFFIX),
            NameKind::View => Some(file_name_bytes(name)),
            _ => None,
        };
        if beyond_bmp(name) {
            Some("MySQL and MariaDB names hold characters of the Basic Multilingual Plane only (no emoji or other characters beyond U+FFFF)".into())
        } else if name.ends_with(|c: char| c.is_ascii_whitespace() || c == '\x0b') {
            // ASCII white space only: a name may end in U+00A0 or U+3000 (MariaDB 10.11).
            Some("MySQL and MariaDB refuse names that end with white space".into())
        } else if file.is_some_and(|n| n > MAX_FILE_NAME) {
            Some("MySQL and MariaDB keep a table or view in files named after it (and after the tables migc makes beside a table, `<table>__migc_progress`), each character that is not a plain letter or digit written as up to five: this name makes a file name longer than the file system allows".into())
        } else {
            None
        }
    }

    fn refuses_label(&self, label: &str, others: &[&str]) -> Option<String> {
        if beyond_bmp(label) {
            Some("MySQL and MariaDB keep a column's ENUM members in a character set without characters beyond U+FFFF".into())
        } else if label.ends_with(' ') {
            Some("MySQL and MariaDB remove trailing spaces from ENUM members, so the stored label would differ".into())
        } else if label.chars().count() > MAX_LABEL {
            Some(format!(
                "MySQL and MariaDB ENUM members hold at most {MAX_LABEL} characters"
            ))
        } else {
            others
                .iter()
                .find(|o| o.to_lowercase() == label.to_lowercase())
                .map(|other| {
                    format!("MySQL and MariaDB compare ENUM members without case: `{other}` is the same member")
                })
        }
    }

    fn refuses_comment(&self, kind: NameKind, text: &str) -> Option<String> {
        let max = match kind {
            NameKind::Table => MAX_TABLE_COMMENT,
            _ => MAX_COLUMN_COMMENT,
        };
        let n = text.chars().count();
        if beyond_bmp(text) {
            Some("MySQL and MariaDB keep comments in a character set without characters beyond U+FFFF (they would read back as `?`)".into())
        } else if n > max {
            Some(format!(
                "MySQL and MariaDB hold such comments of at most {max} characters; this one has {n}"
            ))
        } else {
            None
        }
    }

    /// Column names, and the names of one table's indexes and constraints, compare without
    /// case.
    fn ignores_case(&self, scope: NameScope) -> bool {
        matches!(scope, NameScope::Columns | NameScope::TableKeys)
    }
}
