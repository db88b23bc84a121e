//! The copy in one unit: made, filled, swapped in and the old table dropped by one unit,
//! for changes whose rollback needs no copy back.

use super::CopyParts;
use crate::dialect::mysql::program::Body;
use crate::dialect::mysql::sql::*;
use crate::dialect::mysql::{Mysql, Scope};
use crate::dialect::{Context, Unit};
use migc_grammar::{Diagnostic, Span};

impl Mysql {
    /// The table copied online with `actions` (an `ALTER TABLE` clause list applied to the empty
    /// copy), unless `done` already holds. Re-running resumes: a copy left by a stopped run is
    /// reused, the batches skip rows already copied, and an old table left after the swap is
    /// dropped.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn copy_table(
        &self,
        ctx: &Context<'_>,
        scope: &Scope<'_>,
        table: &str,
        actions: &str,
        done: &str,
        syncs: bool,
        origin: Option<Span>,
    ) -> Result<Unit, Diagnostic> {
        let parts = self.copy_parts(ctx, scope, table, actions, syncs, false, origin)?;
        Ok(self.copy_unit(scope, parts, done))
    }

    /// The unit copy: every part in one unit, the old table dropped right after the swap.
    fn copy_unit(&self, scope: &Scope<'_>, parts: CopyParts, done: &str) -> Unit {
        let mut work = parts.create;
        work.nest(parts.fill);
        work.nest(parts.moves);
        work.nest(parts.carry);
        work.push(&parts.rename);
        let mut drop_old = Body::new();
        drop_old.push(&format!("DROP TABLE {};", q(&parts.old_name)));
        let mut all = Body::new();
        all.nest(Body::when(&format!("NOT ({done})"), work));
        all.nest(Body::when(&table_exists(&parts.old_name), drop_old));
        all.nest(Body::when(
            &format!("NOT {}", table_exists(&parts.shadow)),
            parts.names_back,
        ));
        let mut u = self.program(scope, all);
        u.sql.push_str("\nSET SESSION foreign_key_checks = 1;");
        u
    }
}
