//! The generated columns behind an expression or unique partial index: STORED on a table
//! the plan does not create, which neither server adds in place, so that the index comes with
//! a copy of the table; dropped after their index.

use super::tables::table_state;
use crate::dialect::mysql::program::Body;
use crate::dialect::mysql::sql::*;
use crate::dialect::mysql::{Mysql, Scope};
use crate::dialect::{Context, Unit};
use crate::state::State;
use migc_compiler::schema::*;
use migc_grammar::Diagnostic;

impl Mysql {
    /// The table copied online with the index and its STORED generated columns: neither
    /// server adds a STORED column in place.
    pub(super) fn copy_with_index(
        &self,
        ctx: &Context<'_>,
        scope: &Scope<'_>,
        table: &str,
        index: &Index,
        state: &State,
    ) -> Result<Unit, Diagnostic> {
        let mut actions: Vec<String> = generated_columns(table, index, state)?
            .iter()
            .map(|g| format!("ADD COLUMN {} STORED", g.def))
            .collect();
        actions.push(format!(
            "ADD {}INDEX {} ({})",
            if index.unique { "UNIQUE " } else { "" },
            q(&index.name),
            index_parts(table, index, state)?
        ));
        self.copy_table(
            ctx,
            scope,
            table,
            &actions.join(", "),
            &index_exists(table, &index.name),
            scope.synced.iter().any(|t| t == table),
            Some(index.origin),
        )
    }

    /// Whether the table holds STORED generated columns (declared ones, or those of an
    /// expression or unique partial index), deployed or declared.
    pub(crate) fn holds_stored_generated(&self, ctx: &Context<'_>, table: &str) -> bool {
        let state = State::deployed(ctx.from);
        [ctx.from, ctx.to]
            .iter()
            .filter_map(|schema| schema.tables.get(table))
            .any(|t| {
                // A stored generated column of the schema's own.
                if t.columns
                    .iter()
                    .any(|c| c.generated.as_ref().is_some_and(|g| g.stored))
                {
                    return true;
                }
                let state = table_state(t, &state);
                // (A type the deployed state cannot spell is the index's own finding.)
                t.indexes.iter().any(|index| {
                    !generated_columns(table, index, &state)
                        .unwrap_or_default()
                        .is_empty()
                })
            })
    }

    /// Whether building the index on a deployed table needs STORED generated columns (see
    /// [`storage`]), which only a copy of the table adds.
    pub(super) fn index_copies(
        &self,
        ctx: &Context<'_>,
        table: &str,
        index: &Index,
        state: &State,
    ) -> Result<bool, Diagnostic> {
        if !ctx.from.tables.contains_key(table) {
            return Ok(false);
        }
        Ok(!generated_columns(table, index, state)?.is_empty())
    }

    /// Drops the generated columns an index held its key parts in (after the index: the server
    /// refuses to drop a virtual column together with other changes in place).
    pub(super) fn drop_generated(&self, table: &str, index: &Index) -> Body {
        let mut b = Body::new();
        for name in generated_names(index) {
            let mut drop = Body::new();
            drop.alter(
                table,
                &format!("DROP COLUMN {}", q(&name)),
                self.drop_column_algorithms(),
            );
            b.nest(Body::when(&column_exists(table, &name), drop));
        }
        b
    }
}
