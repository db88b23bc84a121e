//! Indexes and triggers that `native` blocks create on tables.
//!
//! A table rebuild (SQLite's) drops the old table with its indexes and triggers, and a static
//! script cannot read their SQL from the catalog and run it again. The blocks' statements are in
//! the schema, though: the state records, per table, the `CREATE INDEX` and `CREATE TRIGGER`
//! statements of the native blocks applied, so that a rebuild runs them again once the new table
//! has the name. Other statements of a block (views, tables of their own) are not recorded.
//! Statements are read with SQLite's tokenizer, which takes every quoting style.

use sqlparser::dialect::SQLiteDialect;
use sqlparser::tokenizer::{Token, Tokenizer};

/// An index or trigger a native block created on a table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NativeObject {
    /// The native block's name.
    pub block: String,
    /// The index's or trigger's name.
    pub name: String,
    /// The statement that creates it, as written in the block.
    pub sql: String,
}

impl NativeObject {
    /// Whether it is a trigger (else an index).
    pub fn is_trigger(&self) -> bool {
        kind(&self.sql).is_some_and(|k| k.eq_ignore_ascii_case("trigger"))
    }
}

/// `INDEX` or `TRIGGER`: what a `CREATE …` statement makes, as [`created`] reads it.
fn kind(sql: &str) -> Option<String> {
    let tokens = Tokenizer::new(&SQLiteDialect {}, sql).tokenize().ok()?;
    tokens.iter().find_map(|t| match t {
        Token::Word(w)
            if w.quote_style.is_none()
                && (w.value.eq_ignore_ascii_case("index")
                    || w.value.eq_ignore_ascii_case("trigger")) =>
        {
            Some(w.value.clone())
        }
        _ => None,
    })
}

/// The table, object name and kind that a `CREATE [TEMP] [UNIQUE] INDEX|TRIGGER [IF NOT EXISTS]
/// name … ON table` statement creates, if it is one.
fn created(sql: &str) -> Option<(String, String)> {
    let tokens = Tokenizer::new(&SQLiteDialect {}, sql).tokenize().ok()?;
    let words: Vec<(String, bool)> = tokens
        .iter()
        .filter(|t| !matches!(t, Token::Whitespace(_)))
        .map(|t| match t {
            Token::Word(w) => (w.value.clone(), w.quote_style.is_none()),
            other => (other.to_string(), false),
        })
        .collect();
    let kw = |i: usize, k: &str| {
        words
            .get(i)
            .is_some_and(|(w, bare)| *bare && w.eq_ignore_ascii_case(k))
    };
    let mut i = 0;
    if !kw(i, "CREATE") {
        return None;
    }
    i += 1;
    if kw(i, "TEMP") || kw(i, "TEMPORARY") {
        i += 1;
    }
    if kw(i, "UNIQUE") {
        i += 1;
    }
    if !(kw(i, "INDEX") || kw(i, "TRIGGER")) {
        return None;
    }
    i += 1;
    if kw(i, "IF") && kw(i + 1, "NOT") && kw(i + 2, "EXISTS") {
        i += 3;
    }
    // `schema.name`: the name is the last part.
    let mut name = words.get(i)?.0.clone();
    while words.get(i + 1).is_some_and(|(w, _)| w == ".") {
        i += 2;
        name = words.get(i)?.0.clone();
    }
    let on = (i + 1..words.len()).find(|&j| kw(j, "ON"))?;
    let mut j = on + 1;
    let mut table = words.get(j)?.0.clone();
    while words.get(j + 1).is_some_and(|(w, _)| w == ".") {
        j += 2;
        table = words.get(j)?.0.clone();
    }
    Some((table, name))
}

/// The indexes and triggers `statements` of native block `block` create, by table.
pub(super) fn native_objects(block: &str, statements: &[String]) -> Vec<(String, NativeObject)> {
    statements
        .iter()
        .filter_map(|sql| {
            let (table, name) = created(sql)?;
            Some((
                table,
                NativeObject {
                    block: block.to_string(),
                    name,
                    sql: sql.clone(),
                },
            ))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(sql: &str, expected: Option<(&str, &str)>) {
        assert_eq!(
            created(sql),
            expected.map(|(t, n)| (t.to_string(), n.to_string()))
        );
    }

    #[test]
    fn objects_created_on_tables() {
        case(
            "create index item_notes_lite on items (note)",
            Some(("items", "item_notes_lite")),
        );
        case(
            "CREATE UNIQUE INDEX IF NOT EXISTS main.\"Odd Name\" ON \"Items\" (lower(title)) WHERE note IS NOT NULL",
            Some(("Items", "Odd Name")),
        );
        case(
            "create temp trigger t1 after update of note, title on items when new.note = 'x' begin select 1; end",
            Some(("items", "t1")),
        );
        case("create view v as select * from items", None);
        case("drop index item_notes_lite", None);
        case("create table items_log (id integer)", None);
    }
}
