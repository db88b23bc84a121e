//! MySQL/MariaDB: `mysqldump --no-data`, `information_schema` and `SHOW CREATE`.

use super::Reading;
use crate::introspect;
use crate::types::{builtin, Read};
use migc_compiler::schema::Table;
use migc_db::{Connection, DbError};
use migc_stdlib::Dialect;
use std::borrow::Cow;

pub(crate) struct Mysql;

impl Reading for Mysql {
    fn dialect(&self) -> Dialect {
        Dialect::Mysql
    }

    fn parser(&self) -> &'static dyn sqlparser::dialect::Dialect {
        &sqlparser::dialect::MySqlDialect {}
    }

    fn dump_text<'a>(&self, text: &'a str) -> Cow<'a, str> {
        Cow::Owned(crate::split::unwrap_conditional_comments(text))
    }

    fn catalog(&self, conn: &mut dyn Connection) -> Result<Vec<String>, DbError> {
        introspect::mysql::ddl(conn)
    }

    /// A dump names the database it came from; any name stands for the one being read.
    fn in_default_schema(&self, _schema: &str) -> bool {
        true
    }

    /// `tinyint(1)` is MySQL's `boolean`; `char(36)` is how migc stores a `uuid`. Unsigned
    /// integers have no portable type.
    fn builtin_type(&self, base: &str, args: &[u64], unsigned: bool) -> Option<Read> {
        Some(match base {
            "tinyint" if args == [1] => builtin("bool", vec![]),
            "smallint" | "int2" if !unsigned => builtin("int16", vec![]),
            "integer" | "int" | "int4" if !unsigned => builtin("int32", vec![]),
            "bigint" | "int8" if !unsigned => builtin("int64", vec![]),
            // `double(8,2)` rounds what it stores: only the bare types are the portable floats.
            "float" if args.is_empty() && !unsigned => builtin("float32", vec![]),
            "double" if args.is_empty() && !unsigned => builtin("float64", vec![]),
            "longblob" => builtin("bytes", vec![]),
            "char" if args == [36] => builtin("uuid", vec![]),
            "time" if args == [6] => builtin("time", vec![]),
            "datetime" if args == [6] => builtin("timestamp", vec![]),
            "json" => builtin("json", vec![]),
            _ => return None,
        })
    }

    fn function(&self, name: &str, _args: usize) -> Option<&'static str> {
        match name {
            "uuid" => Some("gen_uuid"),
            "curdate" => Some("current_date"),
            "char_length" => Some("length"),
            _ => None,
        }
    }

    fn storage_clauses(&self, text: &str) -> super::StorageClauses {
        let (text, partitioning) = crate::classify::mysql_partitioning(text);
        let (text, zerofill) = crate::classify::mysql_zerofill(&text);
        super::StorageClauses {
            text,
            partitioning,
            zerofill,
            conflicts: Vec::new(),
        }
    }

    fn concat_is_null_on_null(&self) -> bool {
        true
    }

    fn json_is_checked_text(&self) -> bool {
        true
    }

    /// MySQL creates an index for each foreign key that has none, named after the constraint,
    /// or after its first column when that has none: it is not the author's.
    fn finish_table(&self, t: &mut Table) {
        let fks: Vec<(String, Vec<String>)> = t
            .foreign_keys
            .iter()
            .map(|f| (f.name.clone(), f.columns.clone()))
            .collect();
        // The index InnoDB makes for a foreign key with none to use is named after the
        // constraint, or after its first column where the constraint's name is the server's
        // own (`books_ibfk_1`); another index is the schema's.
        let auto = format!("{}_ibfk_", t.name);
        t.indexes.retain(|i| {
            !fks.iter().any(|(n, cols)| {
                !i.unique
                    && (*n == i.name || (cols.first() == Some(&i.name) && n.starts_with(&auto)))
                    && i.plain_columns().is_some_and(|p| {
                        p.iter().map(|s| s.to_string()).collect::<Vec<_>>() == *cols
                    })
            })
        });
    }

    /// Index names are per table.
    fn drop_index(&self, name: &str, table: &str) -> String {
        format!(
            "DROP INDEX {} ON {}",
            self.quote_ident(name),
            self.quote_ident(table)
        )
    }
}
