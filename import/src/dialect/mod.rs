//! How each dialect's SQL reads into the model. The reader, the type and expression readers and
//! the classification of dump statements never match on a dialect's name: what differs is behind
//! [`Reading`], one implementation per dialect, given by [`reading`]. Quoting and the other
//! run-time behaviour are the stdlib's [`migc_stdlib::Behaviour`].

mod mysql;
mod postgres;
mod sqlite;

use crate::types::Read;
use migc_compiler::schema::Table;
use migc_db::{Connection, DbError};
use migc_stdlib::Dialect;
use std::borrow::Cow;

/// What differs between dialects when their DDL, their dumps and their catalogs are read. Methods
/// with a default give the answer most dialects share.
pub(crate) trait Reading {
    /// The dialect read.
    fn dialect(&self) -> Dialect;

    /// A name quoted for the dialect's SQL ([`migc_stdlib::Behaviour::quote_ident`]).
    fn quote_ident(&self, name: &str) -> String {
        self.dialect().behaviour().quote_ident(name)
    }

    // Dumps and catalogs.

    /// How sqlparser reads the dialect's statements.
    fn parser(&self) -> &'static dyn sqlparser::dialect::Dialect;

    /// A dump's text as its statements are cut from it (mysqldump's `/*!…*/` comments hold
    /// statements to read).
    fn dump_text<'a>(&self, text: &'a str) -> Cow<'a, str> {
        Cow::Borrowed(text)
    }

    /// The catalog of a live database rebuilt as the DDL statements a dump of it would hold, in
    /// an order a reader can follow (types, tables, constraints, indexes, views, then what the
    /// model does not hold).
    fn catalog(&self, conn: &mut dyn Connection) -> Result<Vec<String>, DbError>;

    // Names.

    /// Whether a name written without quotes stands for its lower-case spelling (PostgreSQL
    /// folds it); otherwise it is read as written.
    fn folds_unquoted_names(&self) -> bool {
        false
    }

    /// Whether names that differ only in ASCII case name one object (SQLite): a reference is
    /// read as the name the object was created with.
    fn ignores_case(&self) -> bool {
        false
    }

    /// Whether a name qualified with `schema` is an object of the database read (its default
    /// schema); names of other schemas are outside the model.
    fn in_default_schema(&self, schema: &str) -> bool;

    /// Whether the catalog shows a table's declaration as written (SQLite keeps its SQL text):
    /// type names, default words and `NOT NULL` on a key column read back as written, and are
    /// kept as the dialect's spellings where the model would write them otherwise.
    fn keeps_declared_text(&self) -> bool {
        false
    }

    /// Whether a table is the database's own bookkeeping, part of no schema.
    fn is_internal_table(&self, _name: &str) -> bool {
        false
    }

    // Types and expressions.

    /// A column type's spelling without the schema a dump qualifies it with.
    fn unqualified_type<'a>(&self, spelling: &'a str) -> &'a str {
        spelling
    }

    /// The portable type that a spelling of the dialect's own stands for: `base` in lower case
    /// without `unsigned`, its arguments, and whether it was `unsigned`. The spellings every
    /// dialect shares (`boolean`, `numeric(p, s)`, `text`, `varchar(n)`, `date`) are read
    /// before this is asked; `None` keeps the type native to the dialect.
    fn builtin_type(&self, base: &str, args: &[u64], unsigned: bool) -> Option<Read>;

    /// The spelling of an identity of the portable integer type `ty` that draws from a
    /// sequence the column owns (PostgreSQL's `bigserial`), kept apart from the dialect's
    /// other identities; `None` where there is none.
    fn serial_spelling(&self, _ty: &str) -> Option<&'static str> {
        None
    }

    /// A `CREATE TABLE` statement without the storage clauses the SQL reader does not read,
    /// with what they said: the partitioning clause, and the columns written `ZEROFILL` with
    /// their types (MySQL). The statement as it is by default.
    fn storage_clauses(&self, text: &str) -> StorageClauses {
        StorageClauses {
            text: text.to_string(),
            ..StorageClauses::default()
        }
    }

    /// The stdlib function that a function of the dialect's own stands for, given how many
    /// arguments the call has (MySQL's `char_length` is `length`); the stdlib's own names and
    /// the SQL standard's `current_timestamp` and `current_date` are read without asking.
    fn function(&self, _name: &str, _args: usize) -> Option<&'static str> {
        None
    }

    /// Whether the dialect's `concat(a, b, …)` is null when an argument is (MySQL's), and so
    /// reads as `a || b || …`, not as the stdlib's `concat`, which treats null as empty.
    fn concat_is_null_on_null(&self) -> bool {
        false
    }

    /// Whether a `json` column reads back as text checked by `json_valid(column)` (MariaDB's
    /// `json` is `longtext` with that check).
    fn json_is_checked_text(&self) -> bool {
        false
    }

    /// A table as read, brought to the model's shape where the dialect stores a declared object
    /// its own way (after every statement is read).
    fn finish_table(&self, _table: &mut Table) {}

    // The SQL of native blocks, for objects outside the model.

    /// The statements that give a column the default `expr` and drop it again, or `None` where
    /// a column's default cannot change without rebuilding its table (SQLite).
    fn column_default_ddl(
        &self,
        table: &str,
        column: &str,
        expr: &str,
    ) -> Option<(String, String)> {
        let (t, c) = (self.quote_ident(table), self.quote_ident(column));
        Some((
            format!("ALTER TABLE {t} ALTER COLUMN {c} SET DEFAULT {expr}"),
            format!("ALTER TABLE {t} ALTER COLUMN {c} DROP DEFAULT"),
        ))
    }

    /// The statements that add the check `name` to a table and drop it again, or `None` where
    /// a check cannot be added without rebuilding the table (SQLite).
    fn check_ddl(&self, table: &str, name: &str, expr: &str) -> Option<(String, String)> {
        let (t, n) = (self.quote_ident(table), self.quote_ident(name));
        Some((
            format!("ALTER TABLE {t} ADD CONSTRAINT {n} CHECK ({expr})"),
            format!("ALTER TABLE {t} DROP CONSTRAINT {n}"),
        ))
    }

    /// The statement that drops the index `name` of `table`.
    fn drop_index(&self, name: &str, _table: &str) -> String {
        format!("DROP INDEX IF EXISTS {}", self.quote_ident(name))
    }

    /// The statement that drops a function or procedure (`kind`), whose parameters are
    /// `signature` (`(a integer, b text)`).
    fn drop_routine(&self, kind: &str, name: &str, _signature: &str) -> String {
        format!("DROP {kind} IF EXISTS {}", self.quote_ident(name))
    }

    /// The statement that drops the trigger `name` (on `table`, when known).
    fn drop_trigger(&self, name: &str, _table: Option<&str>) -> String {
        format!("DROP TRIGGER IF EXISTS {}", self.quote_ident(name))
    }
}

/// A statement with its storage clauses taken out ([`Reading::storage_clauses`]).
#[derive(Default)]
pub(crate) struct StorageClauses {
    pub text: String,
    pub partitioning: Option<String>,
    pub zerofill: Vec<(String, String)>,
    /// SQLite's conflict clauses taken out (`ON CONFLICT REPLACE`): where each starts in the
    /// statement, and the clause.
    pub conflicts: Vec<(usize, String)>,
}

/// How `dialect`'s SQL reads.
pub(crate) fn reading(dialect: Dialect) -> &'static dyn Reading {
    dialect.pick::<&'static dyn Reading>(&postgres::Postgres, &mysql::Mysql, &sqlite::Sqlite)
}
