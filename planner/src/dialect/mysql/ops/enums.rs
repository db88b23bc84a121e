//! Enum types: MySQL's enums are column types (`ENUM(...)`), so an enum is made, dropped and
//! renamed with nothing to do, and a member added restates every column of the type.

use crate::dialect::mysql::program::Body;
use crate::dialect::mysql::sql::*;
use crate::dialect::mysql::{Mysql, Scope};
use crate::dialect::{Context, Lowered};
use crate::step::Step;
use migc_grammar::{Diagnostic, Span};

impl Mysql {
    /// An enum made or dropped.
    pub(super) fn lower_enum(&self, l: &mut Lowered, name: &str) -> Result<(), Diagnostic> {
        let text = format!("enum {name}: MySQL enums are column types, nothing to do");
        l.up.push(comment_unit(&text));
        l.down.push(comment_unit(&text));
        l.lock = "none".into();
        Ok(())
    }

    pub(super) fn lower_rename_enum(
        &self,
        l: &mut Lowered,
        from: &str,
        to: &str,
    ) -> Result<(), Diagnostic> {
        let text = format!("enum {from} becomes {to}: MySQL enums are column types, nothing to do");
        l.up.push(comment_unit(&text));
        l.down.push(comment_unit(&text));
        l.lock = "none".into();
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn lower_add_enum_value(
        &self,
        l: &mut Lowered,
        step: &Step,
        ctx: &Context<'_>,
        scope: &Scope<'_>,
        name: &str,
        value: &str,
        after: &Option<String>,
    ) -> Result<(), Diagnostic> {
        let state = scope.state;
        let origin = step.origin;
        let prog = |b: Body| self.program(scope, b);
        let values = state.enum_values(name).cloned().unwrap_or_default();
        let inside = after.as_ref().is_some_and(|a| values.last() != Some(a));
        let mut next = state.clone();
        step.op.apply(&mut next);
        for (table, column) in state.enum_columns(name) {
            if inside {
                // A member inside the list renumbers the stored values: a copy.
                l.up.push(self.copy_table(
                    ctx,
                    scope,
                    &table,
                    &format!("MODIFY COLUMN {}", column_def(&column, &next)?),
                    &has_member(&table, &column.name, value),
                    scope.synced.contains(&table),
                    origin,
                )?);
                l.down.extend(self.copy_cleanup(ctx, scope, &table, false));
                crate::dialect::mysql::copy::copied(l);
                continue;
            }
            let mut b = Body::new();
            b.alter(
                &table,
                &format!("MODIFY COLUMN {}", column_def(&column, &next)?),
                self.metadata_algorithms(),
            );
            l.up.push(prog(Body::when(&column_exists(&table, &column.name), b)));
        }
        l.down.push(comment_unit(&format!(
            "value '{value}' stays in enum {name}: removing an enum member copies the table"
        )));
        l.down_loses = Some(format!("value `{value}` stays in enum `{name}`"));
        Ok(())
    }

    /// Nothing now; the rollback gives rows holding the added labels the column's `down`.
    pub(super) fn lower_map_labels_on_rollback(
        &self,
        l: &mut Lowered,
        table: &str,
        column: &str,
        labels: &[String],
        down: &migc_compiler::schema::Expr,
    ) -> Result<(), Diagnostic> {
        let literals: Vec<String> = labels.iter().map(|v| lit(v)).collect();
        l.up.push(comment_unit(&format!(
            "nothing to do now: a rollback gives the rows of {table} holding a label the plan adds the `down` of {column}"
        )));
        l.down.push(unit(format!(
            "UPDATE {} SET {c} = {} WHERE {c} IN ({});",
            q(table),
            expr(down)?,
            literals.join(", "),
            c = q(column)
        )));
        l.lock = "none".into();
        l.down_loses = Some(crate::step::labels_mapped(table, column, labels));
        Ok(())
    }

    pub(super) fn lower_rename_enum_value(
        &self,
        name: &str,
        from: &str,
        to: &str,
        origin: Option<Span>,
    ) -> Result<(), Diagnostic> {
        Err(unsupported(
            format!(
                "renaming value `{from}` of enum `{name}` to `{to}` rewrites every row on MySQL"
            ),
            origin,
            "add the new value, move the rows to it, and drop the old value in a later change",
        ))
    }
}
