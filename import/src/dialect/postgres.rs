//! PostgreSQL: `pg_dump --schema-only` and pg_catalog.

use super::Reading;
use crate::introspect;
use crate::types::{builtin, serial, Read};
use migc_db::{Connection, DbError};
use migc_stdlib::Dialect;

pub(crate) struct Postgres;

impl Reading for Postgres {
    fn dialect(&self) -> Dialect {
        Dialect::Postgres
    }

    fn parser(&self) -> &'static dyn sqlparser::dialect::Dialect {
        &sqlparser::dialect::PostgreSqlDialect {}
    }

    fn catalog(&self, conn: &mut dyn Connection) -> Result<Vec<String>, DbError> {
        introspect::postgres::ddl(conn)
    }

    fn serial_spelling(&self, ty: &str) -> Option<&'static str> {
        migc_compiler::serial_for(ty)
    }

    fn folds_unquoted_names(&self) -> bool {
        true
    }

    fn in_default_schema(&self, schema: &str) -> bool {
        schema == "public"
    }

    fn unqualified_type<'a>(&self, spelling: &'a str) -> &'a str {
        spelling.strip_prefix("public.").unwrap_or(spelling)
    }

    /// `serial` and its kin are integers with a sequence the column owns: `identity`.
    fn builtin_type(&self, base: &str, args: &[u64], unsigned: bool) -> Option<Read> {
        Some(match base {
            "smallserial" | "serial2" => serial("int16"),
            "serial" | "serial4" => serial("int32"),
            "bigserial" | "serial8" => serial("int64"),
            "smallint" | "int2" if !unsigned => builtin("int16", vec![]),
            "integer" | "int" | "int4" if !unsigned => builtin("int32", vec![]),
            "bigint" | "int8" if !unsigned => builtin("int64", vec![]),
            "real" | "float4" => builtin("float32", vec![]),
            "double precision" | "float8" => builtin("float64", vec![]),
            "bytea" => builtin("bytes", vec![]),
            "uuid" => builtin("uuid", vec![]),
            "time" | "time without time zone" if args.is_empty() => builtin("time", vec![]),
            "timestamp" | "timestamp without time zone" if args.is_empty() => {
                builtin("timestamp", vec![])
            }
            "timestamptz" | "timestamp with time zone" if args.is_empty() => {
                builtin("timestamptz", vec![])
            }
            "jsonb" => builtin("json", vec![]),
            _ => return None,
        })
    }

    fn function(&self, name: &str, _args: usize) -> Option<&'static str> {
        match name {
            "gen_random_uuid" => Some("gen_uuid"),
            _ => None,
        }
    }

    /// Functions overload: the parameters say which one.
    fn drop_routine(&self, kind: &str, name: &str, signature: &str) -> String {
        format!(
            "DROP {kind} IF EXISTS {}{signature}",
            self.quote_ident(name)
        )
    }

    /// Trigger names are per table.
    fn drop_trigger(&self, name: &str, table: Option<&str>) -> String {
        match table {
            Some(t) => format!(
                "DROP TRIGGER IF EXISTS {} ON {}",
                self.quote_ident(name),
                self.quote_ident(t)
            ),
            None => format!("DROP TRIGGER IF EXISTS {}", self.quote_ident(name)),
        }
    }
}
