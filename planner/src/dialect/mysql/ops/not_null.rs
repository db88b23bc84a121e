//! Nullability: `SET NOT NULL` rebuilds the table in place and checks the rows as it goes (or
//! copies the table where MariaDB cannot rebuild it in place), `DROP NOT NULL` likewise, and
//! the `NOT NULL` check other dialects add first is not needed.

use super::fulltext::has_fulltext;
use crate::dialect::mysql::program::Body;
use crate::dialect::mysql::sql::*;
use crate::dialect::mysql::{Mysql, Scope};
use crate::dialect::{Context, Lowered, Unit};
use migc_compiler::schema::*;
use migc_grammar::{Diagnostic, Span};

impl Mysql {
    pub(super) fn lower_add_not_null_check(
        &self,
        l: &mut Lowered,
        table: &str,
        column: &str,
    ) -> Result<(), Diagnostic> {
        let text = format!("{table}.{column}: no check needed, SET NOT NULL checks the rows while it rebuilds in place");
        l.up.push(comment_unit(&text));
        l.down.push(comment_unit(&text));
        l.lock = "none".into();
        Ok(())
    }

    pub(super) fn lower_set_not_null(
        &self,
        l: &mut Lowered,
        ctx: &Context<'_>,
        scope: &Scope<'_>,
        table: &str,
        column: &str,
        origin: Option<Span>,
    ) -> Result<(), Diagnostic> {
        let state = scope.state;
        let current = self.current(state, table, column, origin)?;
        // Nor on a column whose default is the current time (1846, "cannot convert NULL to
        // non-constant DEFAULT").
        let time_default = current.default.as_ref().is_some_and(|d| {
            let sql = d.sql.trim().to_ascii_lowercase();
            [
                "now(",
                "current_timestamp",
                "current_date",
                "localtimestamp",
            ]
            .iter()
            .any(|f| sql.starts_with(f))
        });
        // The column restated in place, nullable or not.
        let in_place = |nullable: bool| {
            self.modify(
                scope,
                table,
                &Column {
                    nullable,
                    ..current.clone()
                },
                self.nullability_algorithms(),
            )
        };
        // MariaDB refuses `SET NOT NULL` in place on a table with a STORED generated column
        // (error 1845) or a FULLTEXT index (1846): the table is copied online with the column
        // NOT NULL (a null fails the unit, as the in-place change would).
        if self.holds_stored_generated(ctx, table) || time_default || has_fulltext(ctx, table) {
            l.up.push(self.nullability_by_copy(
                ctx,
                scope,
                (table, &current),
                false,
                None,
                origin,
            )?);
            l.down.extend(self.copy_cleanup(ctx, scope, table, false));
            l.down.push(if has_fulltext(ctx, table) {
                self.nullability_by_copy(ctx, scope, (table, &current), true, None, origin)?
            } else {
                in_place(true)
            });
            crate::dialect::mysql::copy::copied(l);
        } else {
            l.up.push(in_place(false));
            l.down.push(in_place(true));
            l.lock = "none (rebuilt in place, writes go on)".into();
            l.rewrite = true;
            l.scan = true;
        }
        Ok(())
    }

    pub(super) fn lower_drop_not_null(
        &self,
        l: &mut Lowered,
        ctx: &Context<'_>,
        scope: &Scope<'_>,
        table: &str,
        column: &str,
        origin: Option<Span>,
    ) -> Result<(), Diagnostic> {
        let state = scope.state;
        let prog = |b: Body| self.program(scope, b);
        let current = self.current(state, table, column, origin)?;
        if has_fulltext(ctx, table) {
            // Neither direction rebuilds in place beside a FULLTEXT index (1846): the table is
            // copied online, and copied back by the rollback unless rows the new application
            // wrote hold null.
            l.up.push(self.nullability_by_copy(
                ctx,
                scope,
                (table, &current),
                true,
                None,
                origin,
            )?);
            let nulls = format!(
                "EXISTS (SELECT 1 FROM {} WHERE {} IS NULL)",
                q(table),
                q(column)
            );
            l.down.push(self.nullability_by_copy(
                ctx,
                scope,
                (table, &current),
                false,
                Some(&nulls),
                origin,
            )?);
            l.down.extend(self.copy_cleanup(ctx, scope, table, false));
            l.down_loses = Some(format!(
                "nothing, but `{table}.{column}` stays nullable while rows the new application wrote hold null"
            ));
            crate::dialect::mysql::copy::copied(l);
            return Ok(());
        }
        l.up.push(self.modify(
            scope,
            table,
            &Column {
                nullable: true,
                ..current.clone()
            },
            self.nullability_algorithms(),
        ));
        if self.holds_stored_generated(ctx, table) {
            // MariaDB sets `NOT NULL` on a table with a STORED generated column only
            // by copying it (error 1845): the rollback leaves the column nullable.
            l.down.push(comment_unit(&format!(
                "{table}.{column} stays nullable: NOT NULL on {table} (STORED generated columns) copies it"
            )));
            l.down_loses = Some(format!(
                "nothing, but `{table}.{column}` stays nullable (`NOT NULL` on `{table}`, which has STORED generated columns, copies it on MariaDB)"
            ));
        } else {
            // Rows the new application wrote may hold null: then the column stays
            // nullable rather than the rollback failing.
            let mut b = Body::new();
            b.alter(
                table,
                &format!(
                    "MODIFY COLUMN {}",
                    column_def(
                        &Column {
                            nullable: false,
                            ..current
                        },
                        state
                    )?
                ),
                self.nullability_algorithms(),
            );
            l.down.push(prog(Body::when(
                &format!(
                    "{} AND NOT EXISTS (SELECT 1 FROM {} WHERE {} IS NULL)",
                    column_exists(table, column),
                    q(table),
                    q(column)
                ),
                b,
            )));
            l.down_loses = Some(format!(
                "nothing, but `{table}.{column}` stays nullable while rows the new application wrote hold null"
            ));
        }
        l.lock = "none (rebuilt in place, writes go on)".into();
        l.rewrite = true;
        Ok(())
    }

    /// The table copied online with the column made nullable (`nullable`) or NOT NULL, for a
    /// table the server will not rebuild in place: done once the column is so, or while
    /// `unless` holds.
    fn nullability_by_copy(
        &self,
        ctx: &Context<'_>,
        scope: &Scope<'_>,
        (table, column): (&str, &Column),
        nullable: bool,
        unless: Option<&str>,
        origin: Option<Span>,
    ) -> Result<Unit, Diagnostic> {
        let def = column_def(
            &Column {
                nullable,
                ..column.clone()
            },
            scope.state,
        )?;
        let mut done = column_nullable(table, &column.name, nullable);
        if let Some(u) = unless {
            done = format!("{done} OR {u}");
        }
        self.copy_table(
            ctx,
            scope,
            table,
            &format!("MODIFY COLUMN {def}"),
            &done,
            scope.synced.iter().any(|t| t == table),
            origin,
        )
    }
}
