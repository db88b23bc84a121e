//! The dual-write triggers: one `BEFORE INSERT` and one `BEFORE UPDATE` trigger per table,
//! each merging every column synchronisation of the plan. A trigger cannot write the table
//! that fired it (error 1442), but a `BEFORE` trigger can assign `NEW` columns, which is all a
//! same-table sync needs.

use super::super::{Lowered, Unit};
use super::sql::*;
use super::{Mysql, Scope};
use crate::step::{Step, Sync};
use migc_grammar::Diagnostic;

/// `a IS DISTINCT FROM b` in MySQL.
fn distinct(c: &str) -> String {
    format!("NOT (NEW.{0} <=> OLD.{0})", q(c))
}

fn any_changed(cols: &[&str]) -> String {
    if cols.is_empty() {
        "FALSE".to_string()
    } else {
        cols.iter()
            .map(|c| distinct(c))
            .collect::<Vec<_>>()
            .join(" OR ")
    }
}

fn indent(lines: &[String], depth: usize) -> String {
    if lines.is_empty() {
        // A branch needs a statement.
        return format!("{}DO 0;\n", "  ".repeat(depth));
    }
    lines
        .iter()
        .map(|l| super::D.indent(l, &"  ".repeat(depth)))
        .collect()
}

impl Mysql {
    pub(super) fn lower_install_sync(
        &self,
        l: &mut Lowered,
        table: &str,
        sync: &Sync,
    ) -> Result<(), Diagnostic> {
        l.up = self.install_sync(table, sync)?;
        l.down = self.remove_sync(table);
        Ok(())
    }

    pub(super) fn lower_remove_sync(
        &self,
        l: &mut Lowered,
        scope: &Scope<'_>,
        table: &str,
        sync: &Sync,
    ) -> Result<(), Diagnostic> {
        l.up = self.remove_sync(table);
        l.down = if scope.sync_removed_earlier {
            vec![comment_unit(&format!(
                "the dual-write triggers of {table} come back with the first contract step on it"
            ))]
        } else {
            self.install_sync(table, sync)?
        };
        Ok(())
    }

    /// The first contract step on a table with dual-write triggers removes them: they
    /// name columns contract drops or renames, and MySQL refuses a trigger naming a missing
    /// column. Its rollback, the last of contract's, puts them back once every column is.
    pub(super) fn remove_sync_first(
        &self,
        l: &mut Lowered,
        step: &Step,
        scope: &Scope<'_>,
    ) -> Result<(), Diagnostic> {
        if let Some(sync) = scope.removes_sync {
            if let Some(table) = step.op.table() {
                let mut up = self.remove_sync(table);
                up.append(&mut l.up);
                l.up = up;
                l.down.extend(self.install_sync(table, sync)?);
            }
        }
        Ok(())
    }

    pub(super) fn trigger_name(table: &str, event: &str) -> String {
        crate::names::sync(table, Some(event))
    }

    /// The triggers: on rows the old application writes, new columns get their `up`; on rows
    /// the new application writes, old columns get their `down`. Writes of the backfill (whose
    /// session sets `@migc_backfill`) pass through untouched.
    fn sync_bodies(&self, sync: &Sync) -> Result<[String; 2], Diagnostic> {
        let new_cols = sync.new_column_names();
        let (old_refs, shared_refs) = sync.writers();
        let old_refs: Vec<&str> = old_refs.iter().map(String::as_str).collect();
        let shared_refs: Vec<&str> = shared_refs.iter().map(String::as_str).collect();
        let old_written = match (old_refs.is_empty(), shared_refs.is_empty()) {
            (true, true) => "FALSE".to_string(),
            (false, true) => any_changed(&old_refs),
            (true, false) => any_changed(&shared_refs),
            (false, false) => format!(
                "{} OR {}",
                any_changed(&old_refs),
                any_changed(&shared_refs)
            ),
        };
        let mut ups = Vec::new();
        for (c, up) in &sync.new_columns {
            ups.push(format!("SET NEW.{} = {};", q(c), expr_on(up, "NEW")?));
        }
        let mut downs = Vec::new();
        for (c, down) in &sync.old_columns {
            if let Some(d) = down {
                downs.push(format!("SET NEW.{} = {};", q(c), expr_on(d, "NEW")?));
            }
        }
        let mut shadows_insert = Vec::new();
        let mut shadows_update = Vec::new();
        for (c, up) in &sync.shadows {
            let value = expr_on(up, "NEW")?;
            shadows_insert.push(format!("SET NEW.{} = {value};", q(c)));
            let sources = crate::sql::identifiers(&up.sql);
            let sources: Vec<&str> = sources.iter().map(String::as_str).collect();
            shadows_update.push(format!(
                "IF {} THEN\n  SET NEW.{} = {value};\nEND IF;",
                any_changed(&sources),
                q(c)
            ));
        }
        let all_new_null = if new_cols.is_empty() {
            "TRUE".to_string()
        } else {
            new_cols
                .iter()
                .map(|c| format!("NEW.{} IS NULL", q(c)))
                .collect::<Vec<_>>()
                .join(" AND ")
        };
        let bypass = "IF COALESCE(@migc_backfill, '') <> 'on' THEN\n";
        let mut insert = String::from("BEGIN\n  ");
        insert.push_str(bypass);
        insert.push_str(&indent(&shadows_insert, 2));
        insert.push_str(&format!(
            "    IF {all_new_null} THEN\n      -- written by the old application\n{}    ELSE\n      -- written by the new application\n{}    END IF;\n  END IF;\nEND",
            indent(&ups, 3),
            indent(&downs, 3)
        ));
        let mut update = String::from("BEGIN\n  ");
        update.push_str(bypass);
        for s in &shadows_update {
            update.push_str(&super::D.indent(s, "    "));
        }
        update.push_str(&format!(
            "    IF ({old_written} OR {all_new_null}) AND NOT ({new_changed}) THEN\n      -- updated by the old application (or a row the backfill has not reached yet)\n{}    ELSEIF ({new_changed}) AND NOT ({old_changed}) THEN\n      -- updated by the new application\n{}    END IF;\n  END IF;\nEND",
            indent(&ups, 3),
            indent(&downs, 3),
            new_changed = any_changed(&new_cols),
            old_changed = any_changed(&old_refs),
        ));
        Ok([insert, update])
    }

    /// The dual-write triggers as `CREATE TRIGGER` statements on `on`, named `names`
    /// (insert, update).
    pub(super) fn sync_triggers(
        &self,
        sync: &Sync,
        on: &str,
        names: [&str; 2],
    ) -> Result<[String; 2], Diagnostic> {
        let [insert, update] = self.sync_bodies(sync)?;
        let t = q(on);
        Ok([
            format!(
                "CREATE TRIGGER {} BEFORE INSERT ON {t} FOR EACH ROW\n{insert}",
                q(names[0])
            ),
            format!(
                "CREATE TRIGGER {} BEFORE UPDATE ON {t} FOR EACH ROW\n{update}",
                q(names[1])
            ),
        ])
    }

    pub(super) fn install_sync(&self, table: &str, sync: &Sync) -> Result<Vec<Unit>, Diagnostic> {
        let ins = Mysql::trigger_name(table, "insert");
        let upd = Mysql::trigger_name(table, "update");
        let mut units = self.remove_sync(table);
        units.push(delimited(&self.sync_triggers(sync, table, [&ins, &upd])?));
        Ok(units)
    }

    pub(super) fn remove_sync(&self, table: &str) -> Vec<Unit> {
        vec![unit(format!(
            "DROP TRIGGER IF EXISTS {};\nDROP TRIGGER IF EXISTS {};",
            q(&Mysql::trigger_name(table, "insert")),
            q(&Mysql::trigger_name(table, "update"))
        ))]
    }
}
