//! CHECK constraints. Neither server adds one to a populated table without blocking writes,
//! so a check on an existing table copies it online (in phases when added in expand, and one
//! copy for the checks of one table); one on a new table comes with its `CREATE TABLE`.
//! Dropping a check is INSTANT; adding it back would copy the table, so a rollback does not.

use crate::dialect::mysql::program::Body;
use crate::dialect::mysql::sql::*;
use crate::dialect::mysql::{Mysql, Scope};
use crate::dialect::{Context, Lowered};
use migc_compiler::schema::*;
use migc_grammar::Diagnostic;

impl Mysql {
    pub(super) fn lower_add_check(
        &self,
        l: &mut Lowered,
        ctx: &Context<'_>,
        scope: &Scope<'_>,
        table: &str,
        check: &Check,
    ) -> Result<(), Diagnostic> {
        let prog = |b: Body| self.program(scope, b);
        if scope.joins.is_some() {
            let by = scope.joins.map(|c| c.name.as_str()).unwrap_or_default();
            l.up.push(comment_unit(&format!(
                "{table}: check {} is added with check {by}, by the same copy of the table",
                check.name
            )));
            l.down.push(prog(Body::when(
                &constraint_exists(table, &check.name),
                self.drop_check(table, &check.name),
            )));
            l.lock = format!("none (added by the copy for check `{by}`)");
        } else if ctx.from.tables.contains_key(table) {
            // Both servers validate a new check while blocking writes (MariaDB only
            // with COPY): the table is copied online with the check, which the copy's
            // batches validate (a violating row fails the unit). Where the plan copies the
            // table in phases (planner/src/copies.rs), so that switch can be rolled back onto
            // the old table, the copy's steps add it; otherwise this step copies the table in
            // one unit. Either copy adds the checks of earlier steps that wait for it too.
            let actions = format!(
                "ADD CONSTRAINT {} CHECK ({})",
                q(&check.name),
                expr(&check.expr)?
            );
            let done = constraint_exists(table, &check.name);
            let synced = scope.synced.iter().any(|t| t == table);
            if scope.phased_copy {
                // The plan's copy in phases adds it (`copy/phased.rs`).
                l.up.push(comment_unit(&format!(
                    "{table}: check {} is added by a copy of the table made last in expand, swapped in at switch",
                    check.name
                )));
                l.lock = "none (added by the copy of the table made last in expand)".into();
            } else {
                l.up.push(self.copy_table(
                    ctx,
                    scope,
                    table,
                    &actions,
                    &done,
                    synced,
                    Some(check.origin),
                )?);
                l.down.extend(self.copy_cleanup(ctx, scope, table, false));
                crate::dialect::mysql::copy::copied(l);
            }
            l.down.push(prog(Body::when(
                &constraint_exists(table, &check.name),
                self.drop_check(table, &check.name),
            )));
        } else {
            return Err(unsupported(
                format!("check `{}` on the existing table `{table}` would copy the table on MySQL/MariaDB", check.name),
                Some(check.origin),
                "add the check with the table, or add it in a maintenance window outside migc",
            ));
        }
        Ok(())
    }

    pub(super) fn lower_drop_check(
        &self,
        l: &mut Lowered,
        scope: &Scope<'_>,
        table: &str,
        check: &Check,
        replaced_by: &Option<String>,
    ) -> Result<(), Diagnostic> {
        let prog = |b: Body| self.program(scope, b);
        let drop = self.drop_check(table, &check.name);
        let mut condition = constraint_exists(table, &check.name);
        if let Some(temp) = replaced_by {
            condition = format!("{condition} AND {}", constraint_exists(table, temp));
        }
        l.up.push(prog(Body::when(&condition, drop)));
        l.down.push(comment_unit(&format!(
            "check {} is not restored: adding a check copies the table on MySQL",
            check.name
        )));
        l.down_loses = Some(format!(
            "check `{}` on `{table}` (adding it back copies the table)",
            check.name
        ));
        Ok(())
    }

    /// `DROP CONSTRAINT` of a check: INSTANT on both servers.
    fn drop_check(&self, table: &str, name: &str) -> Body {
        let mut drop = Body::new();
        drop.alter(
            table,
            &format!("DROP CONSTRAINT {}", q(name)),
            self.metadata_algorithms(),
        );
        drop
    }
}
