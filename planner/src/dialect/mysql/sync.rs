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

/// What the triggers of a plan with marked connections are made of.
struct Marked<'a> {
    new_version: &'a str,
    old_version: Option<&'a str>,
    ups: &'a [String],
    /// `ups`, and for a write told by the columns it fills, `down` for the deployed columns it
    /// leaves null where the new shape adds none.
    guessed_ups: &'a [String],
    downs: &'a [String],
    shadows_insert: &'a [String],
    shadows_update: &'a [String],
    /// Each retyped deployed column from its shadow, which the new application writes under
    /// the column's name: on insert, and on update when the shadow changed.
    backs_insert: &'a [String],
    backs_update: &'a [String],
    all_new_null: &'a str,
    old_written: &'a str,
    old_refs: &'a [&'a str],
}

/// Statements at a depth, none when there are none.
fn lines(statements: &[String], depth: usize) -> String {
    if statements.is_empty() {
        String::new()
    } else {
        indent(statements, depth)
    }
}

impl Mysql {
    pub(super) fn lower_install_sync(
        &self,
        l: &mut Lowered,
        scope: &Scope<'_>,
        table: &str,
        sync: &Sync,
        origin: Option<migc_grammar::Span>,
    ) -> Result<(), Diagnostic> {
        // A `BEFORE INSERT` trigger sees an `AUTO_INCREMENT` column as 0: the row gets its value
        // only after the trigger, so an `up` reading it would compute from 0 for every row the
        // old application inserts.
        let columns = scope.state.columns(table);
        let auto: Vec<&str> = columns
            .iter()
            .filter(|c| c.identity || c.autoincrement)
            .map(|c| c.name.as_str())
            .collect();
        for (column, up) in sync.new_columns.iter().chain(&sync.shadows) {
            if let Some(a) = crate::sql::identifiers(&up.sql)
                .into_iter()
                .find(|i| auto.contains(&i.as_str()))
            {
                let names = columns.iter().map(|c| c.name.as_str());
                let column = crate::names::shadowed(column, names).unwrap_or(column);
                return Err(unsupported(
                    format!("the `up` of `{table}.{column}` reads `{a}`, which MySQL/MariaDB fills only after the dual-write trigger has run (a `BEFORE INSERT` trigger sees 0)"),
                    origin,
                    "compute the value from other columns, or fill it in a plan of its own once the application writes it",
                ));
            }
        }
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
                if !self.remove_sync_under_lock(l, step, table) {
                    let mut up = self.remove_sync(table);
                    up.append(&mut l.up);
                    l.up = up;
                }
                l.down.extend(self.install_sync(table, sync)?);
            }
        }
        Ok(())
    }

    /// Removes the triggers and runs a column drop or swap with the table locked for writes in
    /// between, so that no row is written without its triggers while the change waits for its
    /// lock: a shadow column the triggers filled is `not null` without a default by then, and a
    /// write meanwhile would fail (1364) or miss it. The step's program is made first (no
    /// procedure can be made under `LOCK TABLES`), the lock is taken (a wait for it is retried
    /// like any lock wait, with the triggers still in place), and the program called under it.
    /// False when the step is not such a change, whose triggers then go first.
    fn remove_sync_under_lock(&self, l: &mut Lowered, step: &Step, table: &str) -> bool {
        if !matches!(
            step.op,
            crate::step::Op::DropColumn { .. } | crate::step::Op::RenameColumn { .. }
        ) {
            return false;
        }
        let Some(first) = l.up.first_mut() else {
            return false;
        };
        let drops: Vec<String> = self.remove_sync(table).into_iter().map(|u| u.sql).collect();
        let before = format!("LOCK TABLES {} WRITE;\n{}", q(table), drops.join("\n"));
        super::program::around_call(first, &before, "UNLOCK TABLES;")
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
        let mut guessed_ups = ups.clone();
        for (c, d) in sync.fills_left_out() {
            guessed_ups.push(format!(
                "IF NEW.{0} IS NULL THEN\n  SET NEW.{0} = {1};\nEND IF;",
                q(c),
                expr_on(d, "NEW")?
            ));
        }
        let bypass = "IF COALESCE(@migc_backfill, '') <> 'on' THEN\n";
        // Only where a version's writes get something the other's do not.
        let marked = sync
            .new_version
            .as_ref()
            .filter(|_| !(ups.is_empty() && downs.is_empty() && sync.shadow_backs.is_empty()));
        let mut backs_insert = Vec::new();
        let mut backs_update = Vec::new();
        for back in &sync.shadow_backs {
            // Without a `down`, the assignment converts as the column's type does.
            let value = match &back.down {
                Some(d) => expr_on(d, "NEW")?,
                None => format!("NEW.{}", q(&back.shadow)),
            };
            let set = format!("SET NEW.{} = {value};", q(&back.column));
            backs_update.push(format!(
                "IF {} THEN\n  {set}\nEND IF;",
                distinct(&back.shadow)
            ));
            backs_insert.push(set);
        }
        if let Some(new_version) = marked {
            return Ok(self.marked_bodies(
                sync,
                Marked {
                    new_version,
                    old_version: sync.old_version.as_deref(),
                    ups: &ups,
                    guessed_ups: &guessed_ups,
                    downs: &downs,
                    shadows_insert: &shadows_insert,
                    shadows_update: &shadows_update,
                    backs_insert: &backs_insert,
                    backs_update: &backs_update,
                    all_new_null: &all_new_null,
                    old_written: &old_written,
                    old_refs: &old_refs,
                },
            ));
        }
        let mut insert = String::from("BEGIN\n  ");
        insert.push_str(bypass);
        insert.push_str(&indent(&shadows_insert, 2));
        insert.push_str(&format!(
            "    IF {all_new_null} THEN\n      -- written by the old application\n{}    ELSE\n      -- written by the new application\n{}    END IF;\n  END IF;\nEND",
            indent(&guessed_ups, 3),
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

    /// The triggers of a plan whose versions mark their connections (`@migc_app`, set by the
    /// session statements to the version's namespace), each version seeing its own shape
    /// through the views of its database: the new application's rows get the deployed columns
    /// from `down` (a retyped one from its shadow, which the new application writes under the
    /// column's name) and must give the columns it declares `not null` a value; the old
    /// application's get the new columns from `up` and the shadows from the columns they
    /// follow; a connection of neither is told by the columns it fills, and writes the deployed
    /// columns.
    fn marked_bodies(&self, sync: &Sync, m: Marked<'_>) -> [String; 2] {
        let writer = |ns: &str| format!("COALESCE(@migc_app, '') = {}", lit(ns));
        let new_app = writer(m.new_version);
        let old_app = m.old_version.map_or("FALSE".to_string(), writer);
        let new_cols = sync.new_column_names();
        let new_changed = any_changed(&new_cols);
        let down_sources = sync.down_reads();
        let down_sources: Vec<&str> = down_sources.iter().map(String::as_str).collect();
        let down_changed = any_changed(&down_sources);
        let refuse = |c: &str, update: bool| {
            // A shadow is refused under the name the new application knows it by.
            let shown = sync
                .shadow_backs
                .iter()
                .find(|b| b.shadow == c)
                .map_or(c, |b| b.column.as_str());
            format!(
                "IF NEW.{col} IS NULL{also} THEN\n  SIGNAL SQLSTATE '23000' SET MESSAGE_TEXT = {msg}, MYSQL_ERRNO = 1048;\nEND IF;",
                col = q(c),
                also = if update {
                    format!(" AND OLD.{} IS NOT NULL", q(c))
                } else {
                    String::new()
                },
                msg = lit(&format!("Column '{shown}' cannot be null")),
            )
        };
        let required_insert: Vec<String> = sync.required.iter().map(|c| refuse(c, false)).collect();
        let required_update: Vec<String> = sync.required.iter().map(|c| refuse(c, true)).collect();
        let mut new_insert: Vec<String> = required_insert;
        new_insert.extend(m.downs.iter().cloned());
        new_insert.extend(m.backs_insert.iter().cloned());
        let mut old_insert: Vec<String> = m.shadows_insert.to_vec();
        old_insert.extend(m.ups.iter().cloned());
        let mut guessed_insert: Vec<String> = m.shadows_insert.to_vec();
        guessed_insert.extend(m.guessed_ups.iter().cloned());
        let mut other_insert: Vec<String> = m.shadows_insert.to_vec();
        other_insert.extend(m.downs.iter().cloned());
        let insert = format!(
            "BEGIN\n  IF COALESCE(@migc_backfill, '') <> 'on' THEN\n    IF {new_app} THEN\n      -- written by the new application (its connections set @migc_app)\n{new}    ELSEIF {old_app} THEN\n      -- written by the old application\n{old}    ELSEIF {all_new_null} THEN\n      -- written by a connection of neither version, told by the columns it fills\n{guessed}    ELSE\n{other}    END IF;\n  END IF;\nEND",
            new = indent(&new_insert, 3),
            old = indent(&old_insert, 3),
            guessed = indent(&guessed_insert, 3),
            other = indent(&other_insert, 3),
            all_new_null = m.all_new_null,
        );
        let mut new_update: Vec<String> = required_update;
        if !m.downs.is_empty() {
            new_update.push(format!(
                "IF {down_changed} THEN\n{}END IF;",
                indent(m.downs, 1)
            ));
        }
        new_update.extend(m.backs_update.iter().cloned());
        let mut old_update: Vec<String> = m.shadows_update.to_vec();
        if !m.ups.is_empty() {
            old_update.push(format!(
                "IF {} OR {} THEN\n{}END IF;",
                m.old_written,
                m.all_new_null,
                indent(m.ups, 1)
            ));
        }
        let update = format!(
            "BEGIN\n  IF COALESCE(@migc_backfill, '') <> 'on' THEN\n    IF {new_app} THEN\n      -- updated by the new application\n{new}    ELSEIF {old_app} THEN\n      -- updated by the old application\n{old}    ELSE\n{shadows}      IF ({old_written} OR {all_new_null}) AND NOT ({new_changed}) THEN\n        -- updated by a connection of neither version: the old application's (or a row the backfill has not reached yet)\n{ups}      ELSEIF ({new_changed}) AND NOT ({old_changed}) THEN\n        -- the new application's\n{downs}      END IF;\n    END IF;\n  END IF;\nEND",
            new = indent(&new_update, 3),
            old = indent(&old_update, 3),
            shadows = lines(m.shadows_update, 3),
            ups = indent(m.ups, 4),
            downs = indent(m.downs, 4),
            old_written = m.old_written,
            all_new_null = m.all_new_null,
            old_changed = any_changed(m.old_refs),
        );
        [insert, update]
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
