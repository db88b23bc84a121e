//! Names and texts a dialect cannot hold as declared.
//!
//! Every name is quoted in the scripts, so any character reaches the database; but some
//! databases refuse or silently change what they store. Such a schema is refused for that
//! dialect with a finding that names the object and what the database would do, rather than
//! planned into a script that fails or into a database that differs from the declaration.
//! What each database refuses is the dialect's answer to [`Holds`]; this file walks the schema
//! and asks.

use migc_compiler::schema::{Enum, Schema, Table};
use migc_grammar::{Code, Diagnostic, Span};
use std::collections::BTreeMap;

/// What a name names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameKind {
    Table,
    View,
    Column,
    /// An index or a constraint (primary key, unique, check, foreign key).
    Key,
    /// An enum's type.
    Type,
}

impl NameKind {
    fn what(self) -> &'static str {
        match self {
            NameKind::Table => "table",
            NameKind::View => "view",
            NameKind::Column => "column",
            NameKind::Key => "index or constraint",
            NameKind::Type => "enum",
        }
    }
}

/// Where names must differ for the database to tell them apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameScope {
    /// The columns of one table.
    Columns,
    /// The indexes and constraints of one table.
    TableKeys,
    /// Tables, views, indexes and constraints of the whole schema.
    Schema,
}

/// What a dialect's databases hold of names and texts, as a dialect answers it. Every method has
/// the answer of a database that holds everything as written.
pub trait Holds {
    /// The dialect's name for people: `MySQL/MariaDB`.
    fn product(&self) -> &'static str;

    /// Why the database refuses or changes a name of this kind, if it does.
    fn refuses_name(&self, _kind: NameKind, _name: &str) -> Option<String> {
        None
    }

    /// Why the database refuses or changes an enum label, if it does; `others` are the labels
    /// declared before it in the same enum.
    fn refuses_label(&self, _label: &str, _others: &[&str]) -> Option<String> {
        None
    }

    /// Why the database refuses or changes the comment of an object of this kind, if it does.
    fn refuses_comment(&self, _kind: NameKind, _text: &str) -> Option<String> {
        None
    }

    /// Why the database cannot set a column to the time of each update of its row
    /// (`on update now()`), if it cannot.
    fn refuses_on_update(&self) -> Option<&'static str> {
        None
    }

    /// Whether the database takes names in the scope that differ only in case for one name.
    fn ignores_case(&self, _scope: NameScope) -> bool {
        false
    }
}

/// Every finding of the schema for the dialect, in declaration order.
pub fn findings(schema: &Schema, holds: &dyn Holds) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut schema_names: Vec<(NameKind, &str, Span)> = Vec::new();
    for t in schema.tables.values() {
        schema_names.push((NameKind::Table, &t.name, t.origin));
        schema_names.extend(t.object_names().map(|(n, s)| (NameKind::Key, n, s)));
        table(t, holds, &mut out);
    }
    for v in schema.views.values() {
        schema_names.push((NameKind::View, &v.name, v.origin));
        name(NameKind::View, &v.name, v.origin, holds, &mut out);
    }
    for e in schema.enums.values() {
        enumeration(e, holds, &mut out);
    }
    if holds.ignores_case(NameScope::Schema) {
        same_without_case(&schema_names, holds, &mut out);
    }
    out.sort_by_key(|d| d.primary_span().map(|s| (s.file.0, s.start)));
    out
}

fn table(t: &Table, holds: &dyn Holds, out: &mut Vec<Diagnostic>) {
    name(NameKind::Table, &t.name, t.origin, holds, out);
    let mut columns = Vec::new();
    for c in &t.columns {
        name(NameKind::Column, &c.name, c.origin, holds, out);
        columns.push((NameKind::Column, c.name.as_str(), c.origin));
        if let Some(text) = &c.comment {
            comment(NameKind::Column, &c.name, text, c.origin, holds, out);
        }
        if let Some(reason) = holds.refuses_on_update().filter(|_| c.on_update) {
            out.push(refusal(
                format!(
                    "`on update now()` of column `{}.{}` cannot be kept on {}",
                    t.name,
                    c.name,
                    holds.product()
                ),
                c.origin,
                reason,
                "set the column from the application, or keep a trigger in a `native` block",
            ));
        }
    }
    if let Some(text) = &t.comment {
        comment(NameKind::Table, &t.name, text, t.origin, holds, out);
    }
    let keys: Vec<(NameKind, &str, Span)> = t
        .object_names()
        .map(|(n, s)| (NameKind::Key, n, s))
        .collect();
    for (kind, n, span) in &keys {
        name(*kind, n, *span, holds, out);
    }
    if holds.ignores_case(NameScope::Columns) {
        same_without_case(&columns, holds, out);
    }
    if holds.ignores_case(NameScope::TableKeys) {
        same_without_case(&keys, holds, out);
    }
}

/// A name the dialect refuses or changes.
fn name(kind: NameKind, name: &str, origin: Span, holds: &dyn Holds, out: &mut Vec<Diagnostic>) {
    if let Some(reason) = holds.refuses_name(kind, name) {
        out.push(refusal(
            format!(
                "{} name `{name}` cannot be used on {}",
                kind.what(),
                holds.product()
            ),
            origin,
            &reason,
            "rename it",
        ));
    }
}

fn enumeration(e: &Enum, holds: &dyn Holds, out: &mut Vec<Diagnostic>) {
    name(NameKind::Type, &e.name, e.origin, holds, out);
    let mut before: Vec<&str> = Vec::new();
    for v in &e.values {
        let label = v.name.as_str();
        if let Some(reason) = holds.refuses_label(label, &before) {
            out.push(refusal(
                format!(
                    "value `{label}` of enum `{}` cannot be stored as declared on {}",
                    e.name,
                    holds.product()
                ),
                v.origin,
                &reason,
                "change the value",
            ));
        }
        before.push(label);
    }
}

fn comment(
    kind: NameKind,
    owner: &str,
    text: &str,
    origin: Span,
    holds: &dyn Holds,
    out: &mut Vec<Diagnostic>,
) {
    if let Some(reason) = holds.refuses_comment(kind, text) {
        out.push(refusal(
            format!(
                "the comment of {} `{owner}` cannot be stored as written on {}",
                kind.what(),
                holds.product()
            ),
            origin,
            &reason,
            "change the comment",
        ));
    }
}

/// Names that differ only in case, which the dialect takes for the same name.
fn same_without_case(
    names: &[(NameKind, &str, Span)],
    holds: &dyn Holds,
    out: &mut Vec<Diagnostic>,
) {
    let mut seen: BTreeMap<String, &str> = BTreeMap::new();
    for (kind, n, origin) in names {
        if let Some(other) = seen.insert(n.to_lowercase(), n) {
            if other != *n {
                out.push(refusal(
                    format!(
                        "{} name `{n}` differs from `{other}` only in case",
                        kind.what()
                    ),
                    *origin,
                    &format!(
                        "{} compares these names without case, so both would be one object",
                        holds.product()
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

#[cfg(test)]
mod tests {
    use super::*;
    use migc_stdlib::Dialect;

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
        let lowering = crate::dialect::for_dialect(d).expect("a lowering");
        findings(&schema(text), lowering.holds())
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
                "the comment of column `a` cannot be stored as written on MySQL/MariaDB"
                    .to_string(),
                "column name `b\t` cannot be used on MySQL/MariaDB".to_string(),
            ]
        );
        assert!(messages(&text, Dialect::Postgres).is_empty());
        let fifty = format!("table `{}` {{\n  a text\n}}\n", "\"".repeat(47));
        assert!(messages(&fifty, Dialect::Mysql).is_empty());
        // An enum named as one of PostgreSQL's built-in types (or their arrays, or `pg_…`)
        // would lose to it in name lookup; another case is another name.
        let text = "enum `char` { a }\nenum _int4 { b }\nenum pg_x { c }\nenum `Char` { d }\ntable t {\n  id int64 primary key\n}\n";
        assert_eq!(
            messages(text, Dialect::Postgres),
            [
                "enum name `char` cannot be used on PostgreSQL",
                "enum name `_int4` cannot be used on PostgreSQL",
                "enum name `pg_x` cannot be used on PostgreSQL",
            ]
        );
        assert!(messages(text, Dialect::Mysql).is_empty());
    }
}
