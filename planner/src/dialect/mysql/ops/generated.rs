//! A generated column computed otherwise (its expression, or whether it is stored). MariaDB
//! changes a virtual column no index reads in its metadata only (`ALGORITHM=INSTANT`); a
//! stored one, one that becomes stored or virtual, or one an index reads is recomputed for
//! every row, which InnoDB does only by copying the table under a lock: the online table copy
//! (`copy/`) does it instead, computing the column as rows are copied.

use crate::dialect::mysql::sql::*;
use crate::dialect::mysql::{Mysql, Scope};
use crate::dialect::{Context, Lowered};
use migc_compiler::schema::{Column, Generated, Index};
use migc_grammar::{Diagnostic, Span};

impl Mysql {
    #[allow(clippy::too_many_arguments)]
    pub(super) fn lower_set_generated(
        &self,
        l: &mut Lowered,
        ctx: &Context<'_>,
        scope: &Scope<'_>,
        table: &str,
        column: &Column,
        previous: &Generated,
        origin: Option<Span>,
    ) -> Result<(), Diagnostic> {
        let before = Column {
            generated: Some(previous.clone()),
            ..column.clone()
        };
        let indexed = [ctx.from.tables.get(table), ctx.to.tables.get(table)]
            .into_iter()
            .flatten()
            .any(|t| !crate::sql::users_of_column(t, &column.name).is_empty());
        let virtual_both = !previous.stored && column.generated.as_ref().is_some_and(|g| !g.stored);
        if virtual_both && !indexed {
            l.up.push(self.modify(scope, table, column, &[super::super::Algorithm::Instant]));
            l.down
                .push(self.modify(scope, table, &before, &[super::super::Algorithm::Instant]));
            l.lock = "none (metadata only)".into();
            return Ok(());
        }
        let synced = scope.synced.iter().any(|t| t == table);
        // A re-run copies again: how the server spells the stored expression cannot be
        // compared with the declared one, and a copy to the same definition changes nothing.
        let again = "FALSE";
        let modify = |c: &Column| -> Result<String, Diagnostic> {
            let def = column_def(c, scope.state)?;
            if previous.stored == column.generated.as_ref().is_some_and(|g| g.stored) {
                return Ok(format!("MODIFY COLUMN {def}"));
            }
            // MariaDB turns neither kind into the other (1907): on the (empty) copy the column
            // is made again where it stood, with the indexes on it.
            let order: Vec<&str> = scope
                .state
                .columns(table)
                .iter()
                .map(|c| c.name.as_str())
                .collect();
            let at = position(&order, &column.name, |c| c != column.name);
            let on_it: Vec<&Index> = scope
                .state
                .table(table)
                .map(|t| t.indexes.iter().collect::<Vec<_>>())
                .unwrap_or_default()
                .into_iter()
                .filter(|i| {
                    i.parts.iter().any(|p| {
                        p.column.as_deref() == Some(column.name.as_str())
                            || crate::sql::identifiers(&p.expr.sql).contains(&column.name)
                    })
                })
                .collect();
            let mut actions: Vec<String> = on_it
                .iter()
                .map(|i| format!("DROP INDEX {}", q(&i.name)))
                .collect();
            actions.push(format!("DROP COLUMN {}", q(&column.name)));
            actions.push(format!("ADD COLUMN {def}{at}"));
            for i in &on_it {
                actions.push(format!(
                    "ADD {}INDEX {} ({})",
                    if i.unique { "UNIQUE " } else { "" },
                    q(&i.name),
                    index_parts(table, i, scope.state)?
                ));
            }
            Ok(actions.join(", "))
        };
        l.up.push(self.copy_table(ctx, scope, table, &modify(column)?, again, synced, origin)?);
        l.down.extend(self.copy_cleanup(ctx, scope, table, false));
        l.down.push(self.copy_table(
            ctx,
            scope,
            table,
            &modify(&before)?,
            again,
            synced,
            origin,
        )?);
        crate::dialect::mysql::copy::copied(l);
        Ok(())
    }
}
