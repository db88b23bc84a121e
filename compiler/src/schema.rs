//! The dialect-neutral schema model: what the compiler produces from `.mig` files, what
//! `migc snapshot` writes, and what the planner diffs.
//!
//! Collections that reach output are ordered (`BTreeMap`, or `Vec` in declaration order) so the
//! same input always gives the same model. Every object keeps its `origin` span (not serialized)
//! so findings about it point at the `.mig` text.

pub use migc_grammar::ast::CheckOption;
use migc_grammar::Span;
use migc_stdlib::{BuiltinType, Dialect};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Schema {
    pub tables: BTreeMap<String, Table>,
    pub enums: BTreeMap<String, Enum>,
    pub views: BTreeMap<String, View>,
    pub natives: BTreeMap<String, Native>,
    /// Tables whose removal the author acknowledged with `drop table`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub dropped_tables: BTreeMap<String, Acknowledged>,
}

/// An acknowledgement (`drop table x`, `drop column x`, `drop value`) and where it was written.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Acknowledged {
    #[serde(skip)]
    pub origin: Span,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Table {
    pub name: String,
    /// In declaration order (mixin columns where the `include` stands).
    pub columns: Vec<Column>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub primary_key: Option<PrimaryKey>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub uniques: Vec<Unique>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checks: Vec<Check>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub foreign_keys: Vec<ForeignKey>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indexes: Vec<Index>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub renamed_from: Option<String>,
    /// Columns that are leaving, with how to keep them filled for the old application.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub retired: Vec<Retired>,
    /// Columns whose removal the author acknowledged with `drop column`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub dropped_columns: BTreeMap<String, Acknowledged>,
    /// SQLite's `STRICT`: every value must be of its column's type.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub strict: bool,
    /// SQLite's `WITHOUT ROWID`: the rows are stored by the primary key.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub without_rowid: bool,
    /// The collation of the table's text columns that name none, by dialect (MySQL's table
    /// collation or character set; elsewhere each such column's).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub collation: BTreeMap<Dialect, String>,
    /// How a dialect stores the table, as its own table options written after the table's
    /// definition (MySQL's `ROW_FORMAT=COMPRESSED`, `PARTITION BY …`): `options(mysql: "…")`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub options: BTreeMap<Dialect, String>,
    #[serde(skip)]
    pub origin: Span,
}

impl Table {
    pub fn column(&self, name: &str) -> Option<&Column> {
        self.columns.iter().find(|c| c.name == name)
    }

    /// The columns that tell the table's rows apart, to walk the table by in batches: its
    /// primary key, or else the first unique constraint (in declared order) whose columns are
    /// all `not null`. `None` for a table with neither.
    pub fn walk_key(&self) -> Option<&[String]> {
        if let Some(pk) = &self.primary_key {
            return Some(&pk.columns);
        }
        self.uniques
            .iter()
            .find(|u| {
                !u.columns.is_empty()
                    && u.columns
                        .iter()
                        .all(|c| self.column(c).is_some_and(|col| !col.nullable))
            })
            .map(|u| u.columns.as_slice())
    }

    /// Every constraint and index name of the table, for uniqueness checks.
    pub fn object_names(&self) -> impl Iterator<Item = (&str, Span)> {
        let pk = self.primary_key.iter().map(|p| (p.name.as_str(), p.origin));
        let uniques = self.uniques.iter().map(|u| (u.name.as_str(), u.origin));
        let checks = self.checks.iter().map(|c| (c.name.as_str(), c.origin));
        let fks = self
            .foreign_keys
            .iter()
            .map(|f| (f.name.as_str(), f.origin));
        let indexes = self.indexes.iter().map(|i| (i.name.as_str(), i.origin));
        pk.chain(uniques).chain(checks).chain(fks).chain(indexes)
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Column {
    pub name: String,
    #[serde(rename = "type")]
    pub ty: ColumnType,
    /// How SQLite writes the type, when not as migc would (`DATETIME` for `timestamp`): SQLite
    /// keeps a column's type as written. Other dialects' spellings are types of their own.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub spellings: BTreeMap<Dialect, String>,
    /// How the column's text compares and sorts, by dialect (`collate(mysql: "utf8mb4_bin")`;
    /// for MySQL a collation or a character set).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub collation: BTreeMap<Dialect, String>,
    pub nullable: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<Expr>,
    /// `on update now()`: each update that changes the row and leaves the column as it was sets
    /// it to the current time (MySQL's `ON UPDATE CURRENT_TIMESTAMP`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub on_update: bool,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub identity: bool,
    /// An identity whose values are never used again (SQLite's `AUTOINCREMENT`; the other
    /// dialects' identities never reuse a value either).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub autoincrement: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub renamed_from: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transform: Option<Transform>,
    /// `as (price * quantity) stored`: the database computes the column from the row.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub generated: Option<Generated>,
    /// Written `not null` although its key makes it so (`id integer primary key autoincrement
    /// not null`, as frameworks write SQLite's rowid): SQLite keeps that in its catalog.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub declared_not_null: bool,
    /// Written `null` on a primary-key column: SQLite then writes the key without `NOT NULL`,
    /// as a table written that way holds it (its catalog shows it, and outside the rowid it
    /// lets the key hold null). PostgreSQL and MySQL make every key column `NOT NULL` anyway.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub nullable_key: bool,
    #[serde(skip)]
    pub origin: Span,
}

/// How a generated column is computed: its expression over the row's other columns, and
/// whether its values are kept on disk (`stored`) or computed when read (`virtual`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Generated {
    pub expr: Expr,
    pub stored: bool,
}

/// A column's type: a portable built-in, an enum of the schema, or per-dialect spellings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ColumnType {
    Builtin {
        /// The canonical name of a [`migc_stdlib::BuiltinType`].
        name: String,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        args: Vec<u64>,
    },
    Enum {
        name: String,
    },
    Native {
        spellings: BTreeMap<Dialect, String>,
    },
}

impl ColumnType {
    pub fn builtin(&self) -> Option<&'static BuiltinType> {
        match self {
            ColumnType::Builtin { name, .. } => migc_stdlib::builtin_type(name),
            _ => None,
        }
    }

    /// Whether the column holds text a collation applies to: a text type, an enum (MySQL's
    /// have one) or a native type (its dialect decides).
    pub fn holds_text(&self) -> bool {
        match self.builtin() {
            Some(b) => b.class == migc_stdlib::TypeClass::Text,
            None => true,
        }
    }

    pub fn is_integer(&self) -> bool {
        self.builtin()
            .is_some_and(|t| t.class == migc_stdlib::TypeClass::Integer)
    }

    /// Whether every value of the type is a whole number: an integer type, or a native type
    /// spelled as an integer type of each dialect it has (MySQL's `bigint(20) unsigned`).
    pub fn holds_integers(&self) -> bool {
        const INTEGERS: [&str; 12] = [
            "tinyint",
            "smallint",
            "mediumint",
            "int",
            "integer",
            "bigint",
            "int2",
            "int4",
            "int8",
            "serial",
            "bigserial",
            "smallserial",
        ];
        match self {
            ColumnType::Native { spellings } => {
                !spellings.is_empty()
                    && spellings.values().all(|s| {
                        let lower = s.trim().to_ascii_lowercase();
                        let word = lower
                            .split(|c: char| c == '(' || c.is_whitespace())
                            .next()
                            .unwrap_or_default();
                        INTEGERS.contains(&word)
                    })
            }
            _ => self.is_integer(),
        }
    }
}

impl std::fmt::Display for ColumnType {
    /// The type as written in `.mig` (canonical names).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ColumnType::Builtin { name, args } if args.is_empty() => f.write_str(name),
            ColumnType::Builtin { name, args } => {
                let args: Vec<String> = args.iter().map(u64::to_string).collect();
                write!(f, "{name}({})", args.join(", "))
            }
            ColumnType::Enum { name } => f.write_str(name),
            ColumnType::Native { spellings } => {
                let parts: Vec<String> = spellings
                    .iter()
                    .map(|(d, s)| format!("{d}: {s:?}"))
                    .collect();
                write!(f, "native({})", parts.join(", "))
            }
        }
    }
}

/// An SQL expression, checked against its table, in canonical text (as sqlparser prints it), so
/// that two spellings of the same expression compare equal.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Expr {
    pub sql: String,
    #[serde(skip)]
    pub origin: Span,
}

impl PartialEq for Expr {
    fn eq(&self, other: &Expr) -> bool {
        self.sql == other.sql
    }
}

impl Expr {
    /// A default written per dialect (`default native(sqlite: "datetime('now')")`): its text
    /// is that of the `.mig` file, `native(` then `dialect: "…"` pairs in dialect order, which
    /// no portable expression starts with (the standard library has no function `native`).
    pub fn native(spellings: &BTreeMap<Dialect, String>, origin: Span) -> Expr {
        let pairs: Vec<String> = spellings
            .iter()
            .map(|(d, s)| format!("{}: {}", d.name(), mig_string(s)))
            .collect();
        Expr {
            sql: format!("native({})", pairs.join(", ")),
            origin,
        }
    }

    /// The per-dialect texts of a default written with [`Expr::native`]; `None` for a portable
    /// expression.
    pub fn native_spellings(&self) -> Option<BTreeMap<Dialect, String>> {
        let mut rest = self.sql.strip_prefix("native(")?.strip_suffix(')')?;
        let mut out = BTreeMap::new();
        while !rest.is_empty() {
            let (name, after) = rest.split_once(": \"")?;
            let dialect = Dialect::from_name(name)?;
            let mut value = String::new();
            let mut chars = after.char_indices();
            let end = loop {
                match chars.next()? {
                    (i, '"') => break i,
                    (_, '\\') => value.push(chars.next()?.1),
                    (_, c) => value.push(c),
                }
            };
            out.insert(dialect, value);
            rest = &after[end + 1..];
            rest = rest.strip_prefix(", ").unwrap_or(rest);
        }
        Some(out)
    }
}

/// `s` as a `.mig` string: in double quotes, with `"` and `\` escaped.
fn mig_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        if matches!(c, '"' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('"');
    out
}

/// How a column is computed from the deployed shape: `from a, b up (...) down (...)`.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Transform {
    /// The deployed columns `up` reads. When the column changes type in place this is the column
    /// itself.
    pub from: Vec<String>,
    /// The new column's value from a row of the deployed shape.
    pub up: Expr,
    /// The deployed column's value from a row of the new shape (for a single source column).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub down: Option<Expr>,
    /// Not written by the author: the planner's own for a type change every deployed value
    /// survives (`int32` to `int64`), converting each value as it is.
    #[serde(skip)]
    pub implied: bool,
    #[serde(skip)]
    pub origin: Span,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct PrimaryKey {
    pub name: String,
    pub columns: Vec<String>,
    #[serde(skip)]
    pub origin: Span,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Unique {
    pub name: String,
    pub columns: Vec<String>,
    #[serde(skip)]
    pub origin: Span,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Check {
    pub name: String,
    pub expr: Expr,
    #[serde(skip)]
    pub origin: Span,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FkAction {
    #[default]
    NoAction,
    Restrict,
    Cascade,
    SetNull,
    SetDefault,
}

impl FkAction {
    pub fn sql(self) -> &'static str {
        match self {
            FkAction::NoAction => "NO ACTION",
            FkAction::Restrict => "RESTRICT",
            FkAction::Cascade => "CASCADE",
            FkAction::SetNull => "SET NULL",
            FkAction::SetDefault => "SET DEFAULT",
        }
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ForeignKey {
    pub name: String,
    pub columns: Vec<String>,
    pub ref_table: String,
    pub ref_columns: Vec<String>,
    #[serde(default)]
    pub on_delete: FkAction,
    #[serde(default)]
    pub on_update: FkAction,
    #[serde(skip)]
    pub origin: Span,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Index {
    pub name: String,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub unique: bool,
    pub parts: Vec<IndexPart>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub predicate: Option<Expr>,
    /// The index that enforces a unique constraint of the same name (as the planner's state
    /// holds constraints); never set in a declared schema, which keeps them apart.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub constraint: bool,
    #[serde(skip)]
    pub origin: Span,
}

impl Index {
    /// A unique index over plain columns (the index behind a unique or primary key constraint).
    pub fn unique_over(name: &str, columns: &[String], origin: Span) -> Index {
        Index {
            name: name.to_string(),
            unique: true,
            parts: columns
                .iter()
                .map(|c| IndexPart {
                    expr: Expr {
                        sql: quoted(c),
                        origin,
                    },
                    column: Some(c.clone()),
                    descending: false,
                })
                .collect(),
            predicate: None,
            constraint: false,
            origin,
        }
    }

    /// The plain columns of the key, when no part is an expression.
    pub fn plain_columns(&self) -> Option<Vec<&str>> {
        self.parts.iter().map(|p| p.column.as_deref()).collect()
    }
}

/// A column name as an identifier of the neutral SQL text: bare when it reads back bare as
/// itself, quoted otherwise ([`crate::sql_text::neutral_ident`]).
pub fn quoted(name: &str) -> String {
    crate::sql_text::neutral_ident(name)
}

/// A string literal of the neutral SQL text (standard SQL: the quote doubled, backslashes plain).
/// The dialects respell it when they render the expression.
pub fn literal(value: &str) -> String {
    crate::sql_text::Spelling::Neutral.literal(value)
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct IndexPart {
    pub expr: Expr,
    /// Set when the part is a plain column.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub descending: bool,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Retired {
    pub name: String,
    /// The retiring column's value from a row of the new shape, for rows the new app writes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub down: Option<Expr>,
    #[serde(skip)]
    pub origin: Span,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Enum {
    pub name: String,
    pub values: Vec<EnumValue>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub renamed_from: Option<String>,
    /// Values whose removal the author acknowledged with `drop`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub dropped_values: BTreeMap<String, Acknowledged>,
    #[serde(skip)]
    pub origin: Span,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct EnumValue {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub renamed_from: Option<String>,
    #[serde(skip)]
    pub origin: Span,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct View {
    pub name: String,
    /// The query in canonical text.
    pub query: String,
    /// The tables and views the query reads, sorted.
    pub depends_on: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub renamed_from: Option<String>,
    /// `security invoker`: the query runs with the rights of whoever reads the view (PostgreSQL's
    /// `security_invoker`, MySQL's `SQL SECURITY INVOKER`), not those of its owner.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub security_invoker: bool,
    /// `with [local] check option`: a write through the view must satisfy its condition.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub check_option: Option<CheckOption>,
    /// `options(mysql: "ALGORITHM=TEMPTABLE")`: how a dialect runs the view, as its own view
    /// options (MySQL's `ALGORITHM`, `MERGE` or `TEMPTABLE`; `UNDEFINED`, the server's choice,
    /// is no option), written `ALGORITHM=<name>`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub options: BTreeMap<Dialect, String>,
    #[serde(skip)]
    pub origin: Span,
}

impl View {
    /// Whether `other` defines the same view: its query and how it runs and takes writes, and
    /// the view options of `dialect` (of every dialect without one).
    pub fn same_definition(&self, other: &View, dialect: Option<Dialect>) -> bool {
        self.query == other.query
            && self.security_invoker == other.security_invoker
            && self.check_option == other.check_option
            && self.same_options(other, dialect)
    }

    /// Whether `other` has the same view options for `dialect` (for every dialect without one).
    pub fn same_options(&self, other: &View, dialect: Option<Dialect>) -> bool {
        match dialect {
            Some(d) => self.options.get(&d) == other.options.get(&d),
            None => self.options == other.options,
        }
    }
}

/// MySQL's view algorithm in `text` (`ALGORITHM = temptable`), written as the model keeps it
/// (`ALGORITHM=TEMPTABLE`); `None` for `UNDEFINED`, the server's own choice. The text goes into
/// `CREATE VIEW`, so nothing else is taken.
pub fn view_algorithm(text: &str) -> Result<Option<String>, String> {
    let squeezed: String = text.split_whitespace().collect::<Vec<_>>().join("");
    let upper = squeezed.to_ascii_uppercase();
    match upper.strip_prefix("ALGORITHM=") {
        Some("UNDEFINED") => Ok(None),
        Some(name @ ("MERGE" | "TEMPTABLE")) => Ok(Some(format!("ALGORITHM={name}"))),
        _ => Err(
            "not a view option: `ALGORITHM=MERGE`, `ALGORITHM=TEMPTABLE` or `ALGORITHM=UNDEFINED`"
                .into(),
        ),
    }
}

/// SQL for one or more dialects that migc applies as written (the escape hatch).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Native {
    pub name: String,
    pub dialects: Vec<Dialect>,
    pub up: Vec<String>,
    pub down: Vec<String>,
    #[serde(skip)]
    pub origin: Span,
}

pub use migc_stdlib::is_sqlite_type_name;

#[cfg(test)]
mod native_default_tests {
    use super::*;

    #[test]
    fn a_native_default_reads_back_as_written() {
        let spellings = BTreeMap::from([
            (
                Dialect::Sqlite,
                r#"printf('%s "q" \ %d', 'a', 1)"#.to_string(),
            ),
            (Dialect::Postgres, "now()".to_string()),
        ]);
        let e = Expr::native(&spellings, Span::default());
        assert_eq!(
            e.sql,
            r#"native(postgres: "now()", sqlite: "printf('%s \"q\" \\ %d', 'a', 1)")"#
        );
        assert_eq!(e.native_spellings(), Some(spellings));
    }

    #[test]
    fn a_portable_expression_is_not_native() {
        for sql in ["now()", "'native(sqlite: \"x\")'", "native_(1)"] {
            let e = Expr {
                sql: sql.to_string(),
                origin: Span::default(),
            };
            assert_eq!(e.native_spellings(), None, "{sql}");
        }
    }
}
