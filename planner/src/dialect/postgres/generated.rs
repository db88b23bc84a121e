//! A generated column computed otherwise. PostgreSQL 15 cannot change how a generated column
//! is computed: the column is dropped and added again in one statement, which rewrites the
//! table under its exclusive lock and puts the column last.

use super::super::{Context, Lowered};
use super::*;
use migc_compiler::schema::*;
use migc_grammar::{Code, Diagnostic};

/// Recomputes `column` as declared; the rollback recomputes it as `previous` said.
pub(super) fn recompute(
    pg: &Postgres,
    ctx: &Context<'_>,
    l: &mut Lowered,
    table: &str,
    column: &Column,
    previous: &Generated,
) -> Result<(), Diagnostic> {
    // Dropping the column drops what reads it: refused rather than lost.
    let tables = [ctx.from.tables.get(table), ctx.to.tables.get(table)];
    let mut users: Vec<String> = tables
        .into_iter()
        .flatten()
        .flat_map(|t| crate::sql::users_of_column(t, &column.name))
        .collect();
    users.sort();
    users.dedup();
    if !users.is_empty() {
        let mut d = Diagnostic::error(
            Code::Unsupported,
            format!(
                "generated column `{table}.{}` is computed otherwise, but {} read it",
                column.name,
                users
                    .iter()
                    .map(|u| format!("`{u}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        )
        .note("PostgreSQL 15 computes a generated column otherwise only by dropping it and adding it again, which would drop them")
        .help("drop them in one plan and add them again in the next, or add a new generated column and move to it");
        if column.origin != migc_grammar::Span::default() {
            d = d.primary(column.origin, "computed otherwise here");
        }
        return Err(d);
    }
    let replace = |c: &Column| -> Result<String, Diagnostic> {
        Ok(with_views_set_aside(
            table,
            &[format!(
                "ALTER TABLE {} DROP COLUMN {}, ADD COLUMN {};",
                q(table),
                q(&c.name),
                column_def(c)?
            )],
        ))
    };
    l.up.push(pg.retry(&[replace(column)?]));
    let before = Column {
        generated: Some(previous.clone()),
        ..column.clone()
    };
    l.down.push(pg.retry(&[replace(&before)?]));
    l.rewrite = true;
    l.scan = true;
    Ok(())
}
