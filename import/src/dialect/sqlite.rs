//! SQLite: `sqlite3 .schema` and `sqlite_master`.

use super::Reading;
use crate::introspect;
use crate::types::{builtin, Read};
use migc_compiler::schema::Table;
use migc_db::{Connection, DbError};
use migc_stdlib::Dialect;

pub(crate) struct Sqlite;

impl Reading for Sqlite {
    fn dialect(&self) -> Dialect {
        Dialect::Sqlite
    }

    /// A table's conflict clauses (`UNIQUE (email) ON CONFLICT REPLACE`, `NOT NULL ON CONFLICT
    /// IGNORE`), which the SQL reader does not take after a table constraint, are taken out
    /// and reported.
    fn storage_clauses(&self, text: &str) -> super::StorageClauses {
        let (text, conflicts) = conflict_clauses(text);
        super::StorageClauses {
            text,
            conflicts,
            ..super::StorageClauses::default()
        }
    }

    fn parser(&self) -> &'static dyn sqlparser::dialect::Dialect {
        &sqlparser::dialect::SQLiteDialect {}
    }

    fn catalog(&self, conn: &mut dyn Connection) -> Result<Vec<String>, DbError> {
        introspect::sqlite::ddl(conn)
    }

    fn keeps_declared_text(&self) -> bool {
        true
    }

    fn ignores_case(&self) -> bool {
        true
    }

    /// SQLite takes a string where a column's name is expected (`'data' integer`): such names
    /// are read as the identifiers they are.
    fn dump_text<'a>(&self, text: &'a str) -> std::borrow::Cow<'a, str> {
        quoted_column_names(text)
    }

    fn in_default_schema(&self, schema: &str) -> bool {
        schema == "main"
    }

    /// `sqlite_sequence`, `sqlite_stat1`…
    fn is_internal_table(&self, name: &str) -> bool {
        name.starts_with("sqlite_")
    }

    /// Column types are free text; these are the ones migc writes.
    fn builtin_type(&self, base: &str, _args: &[u64], _unsigned: bool) -> Option<Read> {
        Some(match base {
            "integer" | "int" | "bigint" => builtin("int64", vec![]),
            "real" | "double" => builtin("float64", vec![]),
            "blob" => builtin("bytes", vec![]),
            "time" => builtin("time", vec![]),
            "timestamp" | "datetime" => builtin("timestamp", vec![]),
            "timestamptz" => builtin("timestamptz", vec![]),
            _ => return None,
        })
    }

    /// `max` and `min` of several arguments are `greatest` and `least`.
    fn function(&self, name: &str, args: usize) -> Option<&'static str> {
        match name {
            "max" if args > 1 => Some("greatest"),
            "min" if args > 1 => Some("least"),
            _ => None,
        }
    }

    /// SQLite spells one thing of the model its own way: an `integer` primary key of one
    /// column is the rowid (numbered by the database, migc's `identity`). A unique constraint
    /// (`UNIQUE` in the table, an automatic index) and a unique index (`CREATE UNIQUE INDEX`)
    /// are different objects of its catalog, read as what they are.
    fn finish_table(&self, t: &mut Table) {
        // `NOT NULL` written on a key column is kept (the catalog shows it); on another column
        // it is the column's nullability.
        let keys: Vec<String> = t
            .primary_key
            .iter()
            .flat_map(|p| p.columns.clone())
            .collect();
        for c in &mut t.columns {
            c.declared_not_null &= keys.contains(&c.name);
        }
        if let Some(pk) = t.primary_key.as_ref().filter(|p| p.columns.len() == 1) {
            let name = pk.columns[0].clone();
            if let Some(c) = t.columns.iter_mut().find(|c| c.name == name) {
                if c.ty.is_integer() && c.default.is_none() {
                    c.identity = true;
                }
            }
        }
        // A key column written without `NOT NULL` is kept that way (outside the rowid SQLite
        // lets it hold null, and its catalog says so).
        for c in &mut t.columns {
            c.nullable_key = keys.contains(&c.name) && !c.declared_not_null && !c.identity;
        }
    }

    /// A default cannot change without rebuilding the table.
    fn column_default_ddl(
        &self,
        _table: &str,
        _column: &str,
        _expr: &str,
    ) -> Option<(String, String)> {
        None
    }

    /// A check cannot be added without rebuilding the table.
    fn check_ddl(&self, _table: &str, _name: &str, _expr: &str) -> Option<(String, String)> {
        None
    }
}

/// The text with each column name of a `CREATE TABLE`'s column list written as a string
/// (`'data' integer`) written as an identifier instead (`"data" integer`), byte for byte in
/// place so that positions in the text hold. Names holding a quote stay as they are.
fn quoted_column_names(text: &str) -> std::borrow::Cow<'_, str> {
    let b = text.as_bytes();
    let mut out: Option<Vec<u8>> = None;
    let mut i = 0;
    let mut depth = 0usize;
    // Within a `CREATE TABLE` statement with a column list; the last significant byte.
    let mut statement_start = true;
    let mut in_table = false;
    let mut as_select = false;
    let mut last = b'(';
    let word_at = |i: usize| -> &[u8] {
        let end = (i..b.len())
            .find(|&j| !(b[j].is_ascii_alphanumeric() || b[j] == b'_'))
            .unwrap_or(b.len());
        &b[i..end]
    };
    while i < b.len() {
        let c = b[i];
        match c {
            b'-' if b.get(i + 1) == Some(&b'-') => {
                i = (i..b.len()).find(|&j| b[j] == b'\n').unwrap_or(b.len());
                continue;
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                i = text[i + 2..].find("*/").map_or(b.len(), |j| i + 2 + j + 2);
                continue;
            }
            b'"' | b'`' | b'[' => {
                let close = if c == b'[' { b']' } else { c };
                i = (i + 1..b.len())
                    .find(|&j| b[j] == close)
                    .map_or(b.len(), |j| j + 1);
                last = b'a';
                statement_start = false;
                continue;
            }
            b'\'' => {
                let mut j = i + 1;
                let mut plain = true;
                while j < b.len() {
                    if b[j] == b'\'' {
                        if b.get(j + 1) == Some(&b'\'') {
                            plain = false;
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    if b[j] == b'"' {
                        plain = false;
                    }
                    j += 1;
                }
                let next = (j + 1..b.len()).find(|&k| !b[k].is_ascii_whitespace());
                let names_a_column = in_table
                    && !as_select
                    && depth == 1
                    && matches!(last, b'(' | b',')
                    && j > i + 1
                    && next.is_none_or(|k| {
                        b[k].is_ascii_alphanumeric() || matches!(b[k], b'_' | b',' | b')')
                    });
                if plain && names_a_column && j < b.len() {
                    let o = out.get_or_insert_with(|| b.to_vec());
                    o[i] = b'"';
                    o[j] = b'"';
                }
                i = j + 1;
                last = b'a';
                statement_start = false;
                continue;
            }
            b';' if depth == 0 => {
                statement_start = true;
                in_table = false;
                as_select = false;
            }
            b'(' => depth += 1,
            b')' => depth = depth.saturating_sub(1),
            _ if c.is_ascii_alphabetic() => {
                let word = word_at(i);
                if statement_start {
                    in_table = word.eq_ignore_ascii_case(b"create") && {
                        let mut k = i + word.len();
                        let mut words = Vec::new();
                        while words.len() < 3 && k < b.len() {
                            while k < b.len() && b[k].is_ascii_whitespace() {
                                k += 1;
                            }
                            let w = word_at(k);
                            if w.is_empty() {
                                break;
                            }
                            words.push(w.to_ascii_uppercase());
                            k += w.len();
                        }
                        words.iter().any(|w| w == b"TABLE")
                            && !words.iter().any(|w| w == b"VIRTUAL")
                    };
                    statement_start = false;
                } else if depth == 0 && word.eq_ignore_ascii_case(b"as") {
                    as_select = true;
                }
                i += word.len();
                last = b'a';
                continue;
            }
            _ => {}
        }
        if !c.is_ascii_whitespace() {
            last = c;
            if c != b';' {
                statement_start = false;
            }
        }
        i += 1;
    }
    match out {
        Some(bytes) => {
            std::borrow::Cow::Owned(String::from_utf8(bytes).unwrap_or_else(|_| text.to_string()))
        }
        None => std::borrow::Cow::Borrowed(text),
    }
}

#[cfg(test)]
mod tests {
    use super::quoted_column_names;

    #[test]
    fn string_column_names_read_as_identifiers() {
        let sql = "CREATE TABLE t (\n  'data' integer,\n  b text DEFAULT 'x', 'c' , d text CHECK (d IN ('a', 'b'))\n);\nCREATE VIEW v AS SELECT coalesce(b, 'z') FROM t;\nCREATE TABLE u AS SELECT ('q', 1);";
        assert_eq!(
            quoted_column_names(sql),
            "CREATE TABLE t (\n  \"data\" integer,\n  b text DEFAULT 'x', \"c\" , d text CHECK (d IN ('a', 'b'))\n);\nCREATE VIEW v AS SELECT coalesce(b, 'z') FROM t;\nCREATE TABLE u AS SELECT ('q', 1);"
        );
        let kept = "CREATE TABLE t ('it''s' int, 'a\"b' int);";
        assert_eq!(quoted_column_names(kept), kept);
    }
}

/// `text` (a `CREATE TABLE`) without its conflict clauses (`ON CONFLICT` and one of `ROLLBACK`,
/// `ABORT`, `FAIL`, `IGNORE`, `REPLACE`, outside quotes and comments), and the clauses as
/// written. Other statements come back as they are (an upsert's `ON CONFLICT (…) DO` is not a
/// conflict clause).
fn conflict_clauses(text: &str) -> (String, Vec<(usize, String)>) {
    let head: Vec<String> = text
        .split_whitespace()
        .take(3)
        .map(str::to_ascii_uppercase)
        .collect();
    let is_table = head.first().map(String::as_str) == Some("CREATE")
        && head[1..].iter().any(|w| w == "TABLE");
    if !is_table || !text.to_ascii_uppercase().contains("CONFLICT") {
        return (text.to_string(), Vec::new());
    }
    // The words of the text outside quotes and comments, with where each starts and ends.
    let bytes = text.as_bytes();
    let mut words: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        match c {
            b'\'' | b'"' | b'`' | b'[' => {
                let close = if c == b'[' { b']' } else { c };
                i += 1;
                while i < bytes.len() {
                    if bytes[i] == close {
                        if close != b']' && bytes.get(i + 1) == Some(&close) {
                            i += 2;
                            continue;
                        }
                        break;
                    }
                    i += 1;
                }
                i += 1;
            }
            b'-' if bytes.get(i + 1) == Some(&b'-') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i += 2;
                while i + 1 < bytes.len() && !(bytes[i] == b'*' && bytes[i + 1] == b'/') {
                    i += 1;
                }
                i += 2;
            }
            c if c.is_ascii_alphabetic() || c == b'_' => {
                let start = i;
                while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                    i += 1;
                }
                words.push((start, i));
            }
            _ => i += 1,
        }
    }
    let word = |k: usize| words.get(k).map(|&(a, b)| text[a..b].to_ascii_uppercase());
    let mut cut: Vec<(usize, usize)> = Vec::new();
    let mut k = 0;
    while k < words.len() {
        let action = word(k + 2);
        if word(k).as_deref() == Some("ON")
            && word(k + 1).as_deref() == Some("CONFLICT")
            && matches!(
                action.as_deref(),
                Some("ROLLBACK" | "ABORT" | "FAIL" | "IGNORE" | "REPLACE")
            )
        {
            cut.push((words[k].0, words[k + 2].1));
            k += 3;
        } else {
            k += 1;
        }
    }
    let mut out = String::with_capacity(text.len());
    let mut clauses = Vec::new();
    let mut at = 0;
    for (a, b) in cut {
        out.push_str(&text[at..a]);
        clauses.push((
            a,
            text[a..b].split_whitespace().collect::<Vec<_>>().join(" "),
        ));
        at = b;
    }
    out.push_str(&text[at..]);
    (out, clauses)
}

#[cfg(test)]
mod conflict_tests {
    use super::conflict_clauses;

    #[test]
    fn conflict_clauses_are_taken_out_of_tables_only() {
        let (text, clauses) = conflict_clauses(
            "CREATE TABLE t (id INTEGER PRIMARY KEY, \"on conflict replace\" TEXT NOT NULL ON CONFLICT IGNORE, e TEXT, UNIQUE (e) on  conflict replace) -- ON CONFLICT FAIL",
        );
        assert_eq!(
            text,
            "CREATE TABLE t (id INTEGER PRIMARY KEY, \"on conflict replace\" TEXT NOT NULL , e TEXT, UNIQUE (e) ) -- ON CONFLICT FAIL"
        );
        assert_eq!(
            clauses,
            [
                (76, "ON CONFLICT IGNORE".to_string()),
                (115, "on conflict replace".to_string())
            ]
        );
        let upsert = "CREATE TRIGGER g AFTER INSERT ON t BEGIN INSERT INTO u VALUES (1) ON CONFLICT (id) DO NOTHING; END";
        assert_eq!(conflict_clauses(upsert), (upsert.to_string(), Vec::new()));
    }
}
