//! Indexes: built and dropped in place with writes going on, and renamed. An expression or
//! unique partial index keys generated columns (`sql/generated.rs`), which are made with it,
//! renamed with it and dropped after it (`index_columns.rs`). The indexes InnoDB keeps for
//! foreign keys are made and dropped around them, so that the table ends as one built
//! directly.

use crate::dialect::mysql::program::Body;
use crate::dialect::mysql::sql::*;
use crate::dialect::mysql::{Mysql, Scope};
use crate::dialect::{Context, Lowered, Unit};
use crate::state::State;
use migc_compiler::schema::*;
use migc_grammar::Diagnostic;

impl Mysql {
    pub(super) fn lower_create_index(
        &self,
        l: &mut Lowered,
        ctx: &Context<'_>,
        scope: &Scope<'_>,
        table: &str,
        index: &Index,
    ) -> Result<(), Diagnostic> {
        let state = scope.state;
        if self.index_copies(ctx, table, index, state)? {
            l.up.push(self.copy_with_index(ctx, scope, table, index, state)?);
            l.down.extend(self.copy_cleanup(ctx, scope, table, false));
            l.down.push(self.drop_index(ctx, scope, table, index));
            crate::dialect::mysql::copy::copied(l);
        } else {
            l.up.push(self.create_index(ctx, scope, table, index, state)?);
            l.down.push(self.drop_index(ctx, scope, table, index));
            l.lock = "none (built in place, writes go on)".into();
            l.scan = true;
        }
        Ok(())
    }

    pub(super) fn lower_drop_index(
        &self,
        l: &mut Lowered,
        ctx: &Context<'_>,
        scope: &Scope<'_>,
        table: &str,
        index: &Index,
        replaced_by: &Option<String>,
    ) -> Result<(), Diagnostic> {
        let state = scope.state;
        let prog = |b: Body| self.program(scope, b);
        let drop = self.drop_index_body(ctx, table, &index.name);
        let mut condition = index_exists(table, &index.name);
        if let Some(temp) = replaced_by {
            condition = format!("{condition} AND {}", index_exists(table, temp));
        }
        let mut b = Body::when(&condition, drop);
        if !generated_names(index).is_empty() {
            b.nest(Body::when(
                &format!("NOT {}", index_exists(table, &index.name)),
                self.drop_generated(table, index),
            ));
        }
        l.up.push(prog(b));
        let copied = if self.index_copies(ctx, table, index, state)? {
            self.copy_with_index(ctx, scope, table, index, state).ok()
        } else {
            None
        };
        if copied.is_none() && self.index_copies(ctx, table, index, state)? {
            // The table cannot be copied (other tables reference it): the rollback
            // builds the index in place over VIRTUAL columns instead.
            l.down_loses = Some(format!(
                "nothing, but `{}` comes back over VIRTUAL generated columns (a STORED one needs a copy of `{table}`)",
                index.name
            ));
        }
        l.down.push(match copied {
            Some(unit) => unit,
            None => self.create_index(ctx, scope, table, index, state)?,
        });
        Ok(())
    }

    pub(super) fn lower_rename_index(
        &self,
        l: &mut Lowered,
        ctx: &Context<'_>,
        scope: &Scope<'_>,
        table: &str,
        from: &str,
        to: &str,
    ) -> Result<(), Diagnostic> {
        l.up.push(self.rename_index(ctx, scope, table, from, to));
        l.down.push(self.rename_index(ctx, scope, table, to, from));
        Ok(())
    }

    pub(super) fn create_index(
        &self,
        ctx: &Context<'_>,
        scope: &Scope<'_>,
        table: &str,
        index: &Index,
        state: &State,
    ) -> Result<Unit, Diagnostic> {
        let parts = index_parts(table, index, state)?;
        let mut b = Body::new();
        for g in generated_columns(table, index, state)? {
            let mut add = Body::new();
            add.alter(
                table,
                &format!("ADD COLUMN {} VIRTUAL", g.def),
                self.add_column_algorithms(),
            );
            b.nest(Body::when(
                &format!("NOT {}", column_exists(table, &g.name)),
                add,
            ));
        }
        b.alter(
            table,
            &format!(
                "ADD {}INDEX {} ({parts})",
                if index.unique { "UNIQUE " } else { "" },
                q(&index.name)
            ),
            self.index_algorithms(),
        );
        let mut b = Body::when(
            &format!(
                "{} AND NOT {}",
                table_exists(table),
                index_exists(table, &index.name)
            ),
            b,
        );
        b.nest(self.drop_redundant_fk_indexes(ctx, table, &index.name));
        Ok(self.program(scope, b))
    }

    /// Drops the indexes made for foreign keys (named after them) that the index `name` now
    /// serves, as the server does with the ones it made itself: the table then ends as one
    /// built directly. An index declared under a key's name stays.
    fn drop_redundant_fk_indexes(&self, ctx: &Context<'_>, table: &str, name: &str) -> Body {
        let mut b = Body::new();
        let tables: Vec<&Table> = ctx.deployed_and_declared(table);
        let declared = |n: &str| {
            tables.iter().any(|t| {
                t.indexes.iter().any(|i| i.name == n) || t.uniques.iter().any(|u| u.name == n)
            })
        };
        let mut seen = Vec::new();
        for fk in tables.iter().flat_map(|t| t.foreign_keys.iter()) {
            if seen.contains(&&fk.name) || fk.name == name || declared(&fk.name) {
                continue;
            }
            seen.push(&fk.name);
            let mut drop = Body::new();
            drop.alter(
                table,
                &format!("DROP INDEX {}", q(&fk.name)),
                self.index_algorithms(),
            );
            b.nest(Body::when(
                &format!(
                    "{} AND {}",
                    index_exists(table, &fk.name),
                    fk_served(table, fk, &fk.name)
                ),
                drop,
            ));
        }
        b
    }

    pub(super) fn drop_index(
        &self,
        ctx: &Context<'_>,
        scope: &Scope<'_>,
        table: &str,
        index: &Index,
    ) -> Unit {
        let mut b = Body::when(
            &index_exists(table, &index.name),
            self.drop_index_body(ctx, table, &index.name),
        );
        b.nest(self.drop_generated(table, index));
        self.program(scope, b)
    }

    /// Drops an index, first giving each foreign key of the table that would be left without
    /// an index leading with its columns one of its own, named after it (as the server names
    /// the index it makes for a key): InnoDB refuses to drop the last index a foreign key can
    /// use (error 1553), and it drops the one it made itself once another index serves.
    pub(super) fn drop_index_body(&self, ctx: &Context<'_>, table: &str, name: &str) -> Body {
        let mut b = Body::new();
        let mut seen = Vec::new();
        let fks = ctx
            .deployed_and_declared(table)
            .into_iter()
            .flat_map(|t| t.foreign_keys.iter());
        for fk in fks {
            if seen.contains(&&fk.name) || fk.name == name {
                continue;
            }
            seen.push(&fk.name);
            let served = fk_served(table, fk, name);
            let mut add = Body::new();
            add.alter(
                table,
                &format!("ADD INDEX {} ({})", q(&fk.name), columns(&fk.columns)),
                self.index_algorithms(),
            );
            b.nest(Body::when(
                &format!("{} AND NOT {served}", constraint_exists(table, &fk.name)),
                add,
            ));
        }
        b.alter(
            table,
            &format!("DROP INDEX {}", q(name)),
            self.index_algorithms(),
        );
        b
    }

    /// Renames an index, and the generated columns holding its key parts with it.
    pub(super) fn rename_index(
        &self,
        ctx: &Context<'_>,
        scope: &Scope<'_>,
        table: &str,
        from: &str,
        to: &str,
    ) -> Unit {
        let mut b = Body::new();
        b.alter(
            table,
            &format!("RENAME INDEX {} TO {}", q(from), q(to)),
            self.metadata_algorithms(),
        );
        // Done once `to` exists: a re-run (of a rollback too, where both names exist once the
        // dropped index is back) leaves both as they are.
        let mut b = Body::when(
            &format!(
                "{} AND NOT {}",
                index_exists(table, from),
                index_exists(table, to)
            ),
            b,
        );
        let declared = ctx
            .to
            .tables
            .values()
            .chain(ctx.from.tables.values())
            .flat_map(|t| t.indexes.iter())
            .find(|i| i.name == to || i.name == from);
        if let Some(index) = declared {
            let names = generated_names_as(from, index)
                .into_iter()
                .zip(generated_names_as(to, index));
            for (old, new) in names {
                let mut rename = Body::new();
                rename.alter(
                    table,
                    &format!("RENAME COLUMN {} TO {}", q(&old), q(&new)),
                    self.metadata_algorithms(),
                );
                b.nest(Body::when(
                    &format!(
                        "{} AND {} AND NOT {}",
                        table_exists(table),
                        column_exists(table, &old),
                        column_exists(table, &new)
                    ),
                    rename,
                ));
            }
        }
        self.program(scope, b)
    }
}
