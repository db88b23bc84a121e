//! Columns added to or dropped from a table with a FULLTEXT index. InnoDB does neither INSTANT
//! nor without blocking writes on such a table (errors 1845, 1846: "Fulltext index creation
//! requires a lock"), so the table is copied online with the change instead (`copy/`), and the
//! in-place statement that follows finds nothing left to do. FULLTEXT indexes are outside the
//! model: a table has one when a native block of either schema makes one on it (as `migc
//! import` writes them), and the copy asks the server again before it runs.

use crate::dialect::mysql::sql::*;
use crate::dialect::mysql::{Mysql, Scope};
use crate::dialect::{Context, Unit};
use crate::state::State;
use crate::step::{Op, Refill};
use migc_compiler::schema::Column;

/// What the change does to the column.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Change {
    Add,
    Drop,
}

impl Mysql {
    /// The copy of `table` with `action` (`ADD COLUMN …` or `DROP COLUMN …` of `column`) for
    /// when the table has a FULLTEXT index, and what a stopped copy leaves to clean up. Both
    /// sides of the copy share the columns but this one. `None` where the table has no such
    /// index or cannot be copied: the in-place statement is then all there is.
    pub(super) fn fulltext_copy(
        &self,
        ctx: &Context<'_>,
        scope: &Scope<'_>,
        table: &str,
        column: &Column,
        change: Change,
        action: &str,
    ) -> Option<(Unit, Vec<Unit>)> {
        if !has_fulltext(ctx, table) {
            return None;
        }
        let shared = without(scope.state, table, column);
        let scope = Scope {
            state: &shared,
            ..scope.clone()
        };
        let exists = column_exists(table, &column.name);
        let done = match change {
            Change::Add => format!("NOT {} OR {exists}", fulltext_exists(table)),
            Change::Drop => format!("NOT {} OR NOT {exists}", fulltext_exists(table)),
        };
        let copy = self
            .copy_table(ctx, &scope, table, action, &done, false, None)
            .ok()?;
        Some((copy, self.copy_cleanup(ctx, &scope, table, false)))
    }

    /// The column dropped (`scope.state` holding it), by a copy where the table has a FULLTEXT
    /// index.
    pub(super) fn drop_column_units(
        &self,
        ctx: &Context<'_>,
        scope: &Scope<'_>,
        table: &str,
        column: &Column,
    ) -> Vec<Unit> {
        let action = format!("DROP COLUMN {}", q(&column.name));
        let mut units = Vec::new();
        if let Some((copy, _)) =
            self.fulltext_copy(ctx, scope, table, column, Change::Drop, &action)
        {
            units.push(copy);
        }
        units.push(self.drop_column(scope, table, &column.name));
        units
    }
}

/// The state without the column.
pub(super) fn without(state: &State, table: &str, column: &Column) -> State {
    let mut shared = state.clone();
    Op::DropColumn {
        table: table.to_string(),
        column: column.clone(),
        refill: Refill::Empty,
    }
    .apply(&mut shared);
    shared
}

/// Whether a native block of either schema makes a FULLTEXT index on the table.
pub(super) fn has_fulltext(ctx: &Context<'_>, table: &str) -> bool {
    ctx.from
        .natives
        .values()
        .chain(ctx.to.natives.values())
        .flat_map(|n| &n.up)
        .filter_map(|sql| crate::sql::created_index(sql))
        .any(|c| c.fulltext && c.table == table)
}
