//! The dual-write trigger.

use super::super::{Lowered, Unit};
use super::*;
use crate::step::Sync;

use migc_grammar::Diagnostic;

impl Postgres {
    pub(super) fn sync_function(&self, table: &str) -> String {
        crate::names::sync(table, None)
    }

    /// The dual-write trigger: on rows the old application writes, new columns get their `up`;
    /// on rows the new application writes, old columns get their `down`. Writes of the backfill
    /// (which sets `migc.backfill`) pass through untouched.
    pub(super) fn install_sync(&self, table: &str, sync: &Sync) -> Result<Vec<Unit>, Diagnostic> {
        let body = match &sync.new_version {
            Some(namespace) => self.versioned_body(table, sync, namespace)?,
            None => self.guessing_body(sync)?,
        };
        let func = self.sync_function(table);
        let create = format!(
            "CREATE OR REPLACE FUNCTION {}() RETURNS trigger LANGUAGE plpgsql AS {};",
            q(&func),
            migc_stdlib::dollar_quoted("migc_fn", &format!("\n{body}\n"))
        );
        let trigger = format!(
            "DROP TRIGGER IF EXISTS {f} ON {t};\nCREATE TRIGGER {f} BEFORE INSERT OR UPDATE ON {t} FOR EACH ROW EXECUTE FUNCTION {f}();",
            f = q(&func),
            t = q(table)
        );
        Ok(vec![unit(create), self.retry(&[trigger])])
    }

    /// The trigger's body where the new application writes through its version's namespace:
    /// the session says who writes. The new application's rows get the deployed columns from
    /// `down` (and a retyped column from its shadow), and must fill the columns its shape
    /// requires; the old application's rows get the new columns from `up`.
    fn versioned_body(
        &self,
        table: &str,
        sync: &Sync,
        namespace: &str,
    ) -> Result<String, Diagnostic> {
        let changed = |cols: &[String]| {
            let mut cols: Vec<&String> = cols.iter().collect();
            cols.dedup();
            std::iter::once("TG_OP = 'INSERT'".to_string())
                .chain(
                    cols.iter()
                        .map(|c| format!("NEW.{0} IS DISTINCT FROM OLD.{0}", q(c))),
                )
                .collect::<Vec<_>>()
                .join(" OR ")
        };
        let mut ups: Vec<String> = Vec::new();
        let mut up_sources: Vec<String> = Vec::new();
        for (c, up) in &sync.new_columns {
            ups.push(format!("NEW.{} := {};", q(c), expr_on(up, "NEW")?));
            up_sources.extend(crate::sql::identifiers(&up.sql));
        }
        let mut downs: Vec<String> = Vec::new();
        let mut down_sources = sync.down_reads();
        for (c, down) in &sync.old_columns {
            if let Some(d) = down {
                downs.push(format!("NEW.{} := {};", q(c), expr_on(d, "NEW")?));
            }
        }
        for back in &sync.shadow_backs {
            let value = match &back.down {
                Some(d) => {
                    down_sources.extend(crate::sql::identifiers(&d.sql));
                    expr_on(d, "NEW")?
                }
                None => format!(
                    "CAST(NEW.{} AS {})",
                    q(&back.shadow),
                    type_of(&back.deployed, Default::default())?
                ),
            };
            down_sources.push(back.shadow.clone());
            downs.push(format!("NEW.{} := {value};", q(&back.column)));
        }
        let mut required = String::new();
        for r in &sync.required {
            let shown = sync
                .shadow_backs
                .iter()
                .find(|b| &b.shadow == r)
                .map_or(r.as_str(), |b| b.column.as_str());
            required.push_str(&format!(
                "    IF NEW.{c} IS NULL AND (TG_OP = 'INSERT' OR OLD.{c} IS NOT NULL) THEN\n      RAISE EXCEPTION USING ERRCODE = 'not_null_violation', MESSAGE = {msg}, COLUMN = {col}, TABLE = {tbl};\n    END IF;\n",
                c = q(r),
                msg = lit(&format!("null value in column \"{shown}\" of relation \"{table}\" violates not-null constraint")),
                col = lit(shown),
                tbl = lit(table),
            ));
        }
        // A row the backfill has not reached yet gets the new shape from the old application's
        // update whatever it changes.
        let unfilled = |cols: &[&str]| -> String {
            cols.iter()
                .map(|c| format!(" OR NEW.{} IS NULL", q(c)))
                .collect()
        };
        let mut shadow_ins = String::new();
        for (c, up) in &sync.shadows {
            let sources: Vec<String> = crate::sql::identifiers(&up.sql);
            shadow_ins.push_str(&D.indent(
                &format!(
                    "IF {}{} THEN\n  NEW.{} := {};\nEND IF;",
                    changed(&sources),
                    unfilled(&[c.as_str()]),
                    q(c),
                    expr_on(up, "NEW")?
                ),
                "    ",
            ));
        }
        let new_columns = sync.new_column_names();
        let all_unfilled = if new_columns.is_empty() {
            String::new()
        } else {
            format!(
                " OR ({})",
                new_columns
                    .iter()
                    .map(|c| format!("NEW.{} IS NULL", q(c)))
                    .collect::<Vec<_>>()
                    .join(" AND ")
            )
        };
        let up_changed = format!("{}{all_unfilled}", changed(&up_sources));
        let block = |statements: &[String], prefix: &str| -> String {
            if statements.is_empty() {
                format!("{prefix}NULL;\n")
            } else {
                statements.iter().map(|st| D.indent(st, prefix)).collect()
            }
        };
        Ok(format!(
            "BEGIN\n  IF current_setting('migc.backfill', true) = 'on' THEN\n    RETURN NEW;\n  END IF;\n  IF {new_app} THEN\n    -- written by the new application, through its version's views\n{required}    IF {down_changed} THEN\n{downs}    END IF;\n  ELSIF {old_app} THEN\n    -- written by the old application, through its version's views\n    IF {up_changed} THEN\n{ups}    END IF;\n{shadow_ins}  ELSE\n    -- written by a connection of neither version: told by the columns it fills\n{guessed}  END IF;\n  RETURN NEW;\nEND",
            new_app = super::version::writing_as(namespace),
            old_app = sync
                .old_version
                .as_deref()
                .map_or("false".to_string(), super::version::writing_as),
            guessed = D.indent(&self.guessing_core(sync)?, "  "),
            down_changed = changed(&down_sources),
            up_changed = up_changed,
            downs = block(&downs, "      "),
            ups = block(&ups, "      "),
        ))
    }

    /// The trigger's body where nothing tells who writes.
    fn guessing_body(&self, sync: &Sync) -> Result<String, Diagnostic> {
        Ok(format!(
            "BEGIN\n  IF current_setting('migc.backfill', true) = 'on' THEN\n    RETURN NEW;\n  END IF;\n{}  RETURN NEW;\nEND",
            self.guessing_core(sync)?
        ))
    }

    /// Tells the writer from the columns a write fills (a row whose new columns are all null is
    /// the old application's), and fills the other shape; at a depth of two spaces.
    fn guessing_core(&self, sync: &Sync) -> Result<String, Diagnostic> {
        let new_cols = sync.new_column_names();
        let (old_refs, shared_refs) = sync.writers();
        let changed = |cols: &[&str]| {
            if cols.is_empty() {
                "false".to_string()
            } else {
                cols.iter()
                    .map(|c| format!("NEW.{0} IS DISTINCT FROM OLD.{0}", q(c)))
                    .collect::<Vec<_>>()
                    .join(" OR ")
            }
        };
        let old_refs: Vec<&str> = old_refs.iter().map(String::as_str).collect();
        let shared_refs: Vec<&str> = shared_refs.iter().map(String::as_str).collect();
        let old_written = match (old_refs.is_empty(), shared_refs.is_empty()) {
            (true, true) => "false".to_string(),
            (false, true) => changed(&old_refs),
            (true, false) => changed(&shared_refs),
            (false, false) => format!("{} OR {}", changed(&old_refs), changed(&shared_refs)),
        };
        let mut ups: Vec<String> = Vec::new();
        for (c, up) in &sync.new_columns {
            ups.push(format!("NEW.{} := {};", q(c), expr_on(up, "NEW")?));
        }
        let mut downs: Vec<String> = Vec::new();
        for (c, down) in &sync.old_columns {
            if let Some(d) = down {
                downs.push(format!("NEW.{} := {};", q(c), expr_on(d, "NEW")?));
            }
        }
        let mut fills: Vec<String> = Vec::new();
        for (c, d) in sync.fills_left_out() {
            fills.push(format!(
                "IF NEW.{0} IS NULL THEN\n  NEW.{0} := {1};\nEND IF;",
                q(c),
                expr_on(d, "NEW")?
            ));
        }
        let mut shadow_ins = String::new();
        for (c, up) in &sync.shadows {
            let value = expr_on(up, "NEW")?;
            let sources: Vec<String> = crate::sql::identifiers(&up.sql);
            let changed_sources = if sources.is_empty() {
                "false".to_string()
            } else {
                sources
                    .iter()
                    .map(|x| format!("NEW.{0} IS DISTINCT FROM OLD.{0}", q(x)))
                    .collect::<Vec<_>>()
                    .join(" OR ")
            };
            shadow_ins.push_str(&D.indent(
                &format!(
                    "IF TG_OP = 'INSERT' OR {changed_sources} THEN\n  NEW.{} := {value};\nEND IF;",
                    q(c)
                ),
                "  ",
            ));
        }
        // Statements at a depth, or the no-op a branch needs.
        let block = |statements: &[String], prefix: &str| {
            if statements.is_empty() {
                format!("{prefix}NULL;\n")
            } else {
                statements.iter().map(|st| D.indent(st, prefix)).collect()
            }
        };
        let all_new_null = if new_cols.is_empty() {
            "true".to_string()
        } else {
            new_cols
                .iter()
                .map(|c| format!("NEW.{} IS NULL", q(c)))
                .collect::<Vec<_>>()
                .join(" AND ")
        };
        let shadows = if shadow_ins.is_empty() {
            String::new()
        } else {
            format!("  -- shadow columns of type changes follow the deployed columns\n{shadow_ins}")
        };
        let core = format!(
            "{shadows}  IF TG_OP = 'INSERT' THEN\n    IF {all_new_null} THEN\n      -- written by the old application\n{ups}    ELSE\n      -- written by the new application\n{downs}    END IF;\n  ELSIF ({old_written} OR {all_new_null}) AND NOT ({new_changed}) THEN\n    -- updated by the old application (or a row the backfill has not reached yet)\n{ups_u}  ELSIF ({new_changed}) AND NOT ({old_changed}) THEN\n    -- updated by the new application\n{downs_u}  END IF;\n",
            old_changed = changed(&old_refs),
            new_changed = changed(&new_cols),
            ups = block(if fills.is_empty() { &ups } else { &fills }, "      "),
            downs = block(&downs, "      "),
            ups_u = block(&ups, "    "),
            downs_u = block(&downs, "    "),
        );
        Ok(core)
    }

    pub(super) fn remove_sync(&self, table: &str) -> Vec<Unit> {
        let func = self.sync_function(table);
        vec![
            self.retry(&[format!(
                "DROP TRIGGER IF EXISTS {} ON {};",
                q(&func),
                q(table)
            )]),
            unit(format!("DROP FUNCTION IF EXISTS {}();", q(&func))),
        ]
    }
}

/// Installs the dual-write trigger; the rollback removes it.
pub(super) fn install(
    pg: &Postgres,
    l: &mut Lowered,
    table: &str,
    sync: &Sync,
) -> Result<(), Diagnostic> {
    l.up = pg.install_sync(table, sync)?;
    l.down = pg.remove_sync(table);
    l.lock = SRE.into();
    Ok(())
}

/// Removes the dual-write trigger; the rollback installs it again.
pub(super) fn remove(
    pg: &Postgres,
    l: &mut Lowered,
    table: &str,
    sync: &Sync,
) -> Result<(), Diagnostic> {
    l.up = pg.remove_sync(table);
    l.down = pg.install_sync(table, sync)?;
    l.lock = SRE.into();
    Ok(())
}
