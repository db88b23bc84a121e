//! Reads what already exists into migc's schema model: SQL DDL in a dialect (what `pg_dump
//! --schema-only`, `mysqldump --no-data` and `sqlite3 .schema` write) and the catalogs of live
//! databases; writes the model back as `.mig` files.
//!
//! ```text
//! .sql text --split--> statements --classify--> noise | outside the model | DDL --sqlparser--+
//! catalog ----------------------------------------------------------> DDL (rebuilt) --------+--> Schema
//! ```
//!
//! Catalog introspection rebuilds DDL from the catalog (`pg_get_constraintdef`, `SHOW CREATE
//! TABLE`, `sqlite_master.sql`) and reads it the way a dump is read, so both sources give the
//! same model for the same database. What the model cannot hold (triggers, functions, policies,
//! partitions, grants, expressions only one dialect understands…) is reported as a warning
//! naming each object and, when there is SQL to replay it, kept as a `native` block.
//!
//! What differs between dialects in all of this (the parser, names, types, functions, the
//! catalog queries) is asked of the dialect's `Reading` (`dialect/`), never matched on its name.

mod classify;
mod collation;
mod dialect;
pub mod drift;
pub mod emit;
mod expr;
mod introspect;
mod read;
pub mod split;
mod types;
mod unread;

pub use unread::Unread;

use migc_compiler::schema::Schema;
use migc_db::{DbError, DbUrl};
use migc_grammar::{Diagnostic, FileId};
use migc_stdlib::Dialect;
use read::{Origin, Reader};

/// What was read: the model (objects outside it kept as native blocks) and the findings.
#[derive(Debug, Default)]
pub struct Imported {
    pub schema: Schema,
    /// Warnings for every object not read, errors for SQL that cannot be parsed.
    pub diagnostics: Vec<Diagnostic>,
    /// The objects outside the model, in the order met.
    pub unread: Vec<Unread>,
}

impl Imported {
    /// Names of the native blocks that stand for objects outside the model.
    pub fn native_names(&self) -> Vec<String> {
        self.unread
            .iter()
            .filter(|u| u.up.is_some())
            .map(Unread::native_name)
            .collect()
    }

    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

fn finish(mut reader: Reader) -> Imported {
    reader.finish();
    let mut schema = reader.schema;
    // `migc apply`'s own bookkeeping, in a database or its dump, is not part of the schema (a
    // plan from it would drop it, and drift would report it).
    schema.tables.remove(migc_db::STATE_TABLE);
    let mut unread = reader.unread;
    for u in &mut unread {
        if let Some(mut native) = u.native(reader.dialect) {
            // Two objects of the same kind and name (overloaded functions): number them.
            let base = native.name.clone();
            let mut n = 2;
            while schema.natives.contains_key(&native.name) {
                native.name = format!("{base}_{n}");
                n += 1;
            }
            u.name = if native.name == base {
                u.name.clone()
            } else {
                format!("{} ({})", u.name, native.name)
            };
            schema.natives.insert(native.name.clone(), native);
        }
    }
    Imported {
        schema,
        diagnostics: reader.diagnostics,
        unread,
    }
}

/// Reads a file of DDL in `dialect`. Parse errors come back as error diagnostics with their
/// place in `file`; reading goes on past them so that every error is reported.
pub fn read_sql(dialect: Dialect, file: FileId, text: &str) -> Imported {
    let text = dialect::reading(dialect).dump_text(text);
    let mut reader = Reader::new(dialect);
    for s in split::split(&text) {
        reader.statement(
            &s.text,
            Origin {
                file: Some(file),
                offset: s.offset,
            },
        );
    }
    finish(reader)
}

/// Reads the schema of a live database through its catalog.
pub fn read_database(url: &DbUrl) -> Result<Imported, DbError> {
    let mut conn = migc_db::connect(url)?;
    let dialect = url.dialect();
    let reading = dialect::reading(dialect);
    let statements = reading.catalog(conn.as_mut())?;
    let mut reader = Reader::new(dialect);
    for s in statements {
        reader.statement(
            reading.dump_text(s.trim().trim_end_matches(';')).as_ref(),
            Origin {
                file: None,
                offset: 0,
            },
        );
    }
    Ok(finish(reader))
}
