//! Indexes: built and dropped concurrently, renamed.

use super::super::{Lowered, Unit};
use super::*;
use migc_compiler::schema::*;
use migc_grammar::Diagnostic;

impl Postgres {
    /// Drops the index if a failed concurrent build left it invalid, so the build can run again.
    pub(super) fn drop_invalid_index(&self, name: &str) -> Unit {
        self.retry(&[format!(
            "IF EXISTS (SELECT 1 FROM pg_index WHERE indexrelid = {} AND NOT indisvalid) THEN\n  DROP INDEX IF EXISTS {};\nEND IF;",
            regclass(name),
            q(name)
        )])
    }

    /// Builds an index concurrently, outside any transaction, after dropping an invalid one a
    /// failed build may have left.
    pub(super) fn create_index(&self, table: &str, index: &Index) -> Result<Vec<Unit>, Diagnostic> {
        Ok(vec![
            self.drop_invalid_index(&index.name),
            outside(create_index_sql(table, index)?),
        ])
    }

    /// Drops an index concurrently, outside any transaction.
    pub(super) fn drop_index(&self, name: &str) -> Vec<Unit> {
        vec![outside(format!(
            "DROP INDEX CONCURRENTLY IF EXISTS {};",
            q(name)
        ))]
    }
}

/// Builds the index concurrently; the rollback drops it concurrently.
pub(super) fn create(
    pg: &Postgres,
    l: &mut Lowered,
    table: &str,
    index: &Index,
) -> Result<(), Diagnostic> {
    l.up = pg.create_index(table, index)?;
    l.down = pg.drop_index(&index.name);
    l.lock = SUE.into();
    l.scan = true;
    Ok(())
}

/// Drops the index; the rollback builds it again concurrently.
pub(super) fn drop(
    pg: &Postgres,
    l: &mut Lowered,
    table: &str,
    index: &Index,
    replaced_by: Option<&str>,
) -> Result<(), Diagnostic> {
    l.up = match replaced_by {
        // Replaced by a rebuilt index: dropped while that one has its temporary
        // name (so a re-run does not drop the replacement); it is usually gone
        // with its column already.
        Some(temp) => vec![pg.retry(&[format!(
            "IF {} IS NOT NULL THEN\n  DROP INDEX IF EXISTS {};\nEND IF;",
            regclass(temp),
            q(&index.name)
        )])],
        None => pg.drop_index(&index.name),
    };
    l.down = pg.create_index(table, index)?;
    l.lock = SUE.into();
    Ok(())
}

/// Renames the index (a rebuilt one takes its final name); the rollback renames it back.
pub(super) fn rename(pg: &Postgres, l: &mut Lowered, from: &str, to: &str) {
    // A deployed index of the final name is replaced: gone with its column, or
    // dropped here. Guarded by the index being renamed, so a re-run does nothing.
    l.up.push(pg.retry(&[format!(
        "IF {} IS NOT NULL THEN\n  DROP INDEX IF EXISTS {};\n  ALTER INDEX {} RENAME TO {};\nEND IF;",
        regclass(from),
        q(to),
        q(from),
        q(to)
    )]));
    l.down.push(pg.retry(&[format!(
        "IF {} IS NOT NULL AND {} IS NULL THEN\n  ALTER INDEX {} RENAME TO {};\nEND IF;",
        regclass(to),
        regclass(from),
        q(to),
        q(from)
    )]));
}
