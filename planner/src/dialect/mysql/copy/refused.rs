//! The tables that cannot be copied online, and why.

use super::keys::referencing_keys;
use crate::dialect::mysql::ops::table_state_of;
use crate::dialect::mysql::sql::*;
use crate::dialect::mysql::Mysql;
use crate::dialect::Context;
use crate::state::State;
use migc_compiler::schema::*;

impl Mysql {
    /// Why the table cannot be copied online, if it cannot.
    pub(super) fn copy_refused(
        &self,
        ctx: &Context<'_>,
        steps_sync: bool,
        keys: &[ForeignKey],
        table: &str,
    ) -> Option<String> {
        let t = ctx.from.tables.get(table)?;
        if t.walk_key().is_none() {
            return Some(format!(
                "`{table}` has no primary key (nor a unique key on `not null` columns) to copy it by"
            ));
        }
        // A key referencing the table itself would have to name the copy while the batches
        // fill it (an insert through the triggers naming a parent not copied yet would fail),
        // and its ON DELETE actions would not reach rows of the copy the old table cascaded
        // to. A key the plan adds later is added to the table after the swap, like any other.
        let self_referencing = keys.iter().any(|f| f.ref_table == table);
        if self_referencing {
            return Some(format!(
                "`{table}` references itself by then (its key would have to name the copy while it is filled)"
            ));
        }
        // Likewise the table's own keys over columns its generated columns read, when they
        // have a CASCADE or SET NULL action: the copy holds them under temporary names, and
        // they could not get their own back in place (InnoDB adds a key without such actions
        // in place, error 138 is for the actions only).
        let state = State::deployed(ctx.from);
        for t in [ctx.from, ctx.to]
            .iter()
            .filter_map(|s| s.tables.get(table))
        {
            let state = table_state_of(t, &state);
            let bases: Vec<String> = t
                .indexes
                .iter()
                .flat_map(|i| generated_columns(table, i, &state).unwrap_or_default())
                .flat_map(|g| g.base)
                .collect();
            if let Some(fk) = t
                .foreign_keys
                .iter()
                .find(|f| writes_rows(f) && f.columns.iter().any(|c| bases.contains(c)))
            {
                return Some(format!(
                    "its key `{}` covers columns a generated column of one of its indexes reads (InnoDB adds such a key only by copying the table)",
                    fk.name
                ));
            }
        }
        // A referencing key whose columns a STORED generated column reads (an expression or
        // unique partial index of the referencing table) cannot be moved to the copy: InnoDB
        // adds such a key only by copying that table too (error 138).
        for (child, fk) in referencing_keys(ctx, table)
            .into_iter()
            .filter(|(_, f)| writes_rows(f))
        {
            let state = State::deployed(ctx.from);
            let held = [ctx.from, ctx.to]
                .iter()
                .filter_map(|s| s.tables.get(&child))
                .any(|t| {
                    let state = table_state_of(t, &state);
                    t.indexes.iter().any(|i| {
                        generated_columns(&child, i, &state)
                            .unwrap_or_default()
                            .iter()
                            .any(|g| fk.columns.iter().any(|c| g.base.contains(c)))
                    })
                });
            if held {
                return Some(format!(
                    "`{child}` references it through `{}`, whose columns a generated column of an index of `{child}` reads (InnoDB moves such a key only by copying `{child}` too)",
                    fk.name
                ));
            }
        }
        if steps_sync {
            return Some(format!(
                "the plan keeps columns of `{table}` in step with triggers, which would go with the old copy"
            ));
        }
        None
    }
}

/// Whether the key's actions write rows of its table (CASCADE, SET NULL, SET DEFAULT): InnoDB
/// refuses those, not NO ACTION or RESTRICT, over the base columns of a STORED generated column
/// (error 138 when added in place).
fn writes_rows(fk: &ForeignKey) -> bool {
    let writes = |a: FkAction| {
        matches!(
            a,
            FkAction::Cascade | FkAction::SetNull | FkAction::SetDefault
        )
    };
    writes(fk.on_delete) || writes(fk.on_update)
}
