//! SQLite: `sqlite3 .schema` and `sqlite_master`.

use super::Reading;
use crate::introspect;
use crate::types::{builtin, Read};
use migc_compiler::schema::{Index, Table, Unique};
use migc_db::{Connection, DbError};
use migc_grammar::Span;
use migc_stdlib::Dialect;

pub(crate) struct Sqlite;

impl Reading for Sqlite {
    fn dialect(&self) -> Dialect {
        Dialect::Sqlite
    }

    fn parser(&self) -> &'static dyn sqlparser::dialect::Dialect {
        &sqlparser::dialect::SQLiteDialect {}
    }

    fn catalog(&self, conn: &mut dyn Connection) -> Result<Vec<String>, DbError> {
        introspect::sqlite::ddl(conn)
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

    /// SQLite spells two things of the model its own way: an `integer` primary key of one
    /// column is the rowid (numbered by the database, migc's `identity`), and a unique
    /// constraint is a unique index.
    fn finish_table(&self, t: &mut Table) {
        if let Some(pk) = t.primary_key.as_ref().filter(|p| p.columns.len() == 1) {
            let name = pk.columns[0].clone();
            if let Some(c) = t.columns.iter_mut().find(|c| c.name == name) {
                if c.ty.is_integer() && c.default.is_none() {
                    c.identity = true;
                }
            }
        }
        let (uniques, rest): (Vec<Index>, Vec<Index>) = std::mem::take(&mut t.indexes)
            .into_iter()
            .partition(|i| i.unique && i.predicate.is_none() && i.plain_columns().is_some());
        t.indexes = rest;
        for i in uniques {
            let columns = i
                .plain_columns()
                .unwrap_or_default()
                .into_iter()
                .map(str::to_string)
                .collect();
            t.uniques.push(Unique {
                name: i.name,
                columns,
                origin: Span::default(),
            });
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
