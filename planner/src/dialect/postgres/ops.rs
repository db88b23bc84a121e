//! Every operation lowered to PostgreSQL.

use super::super::{Context, Lowered, Unit};
use super::*;
use crate::step::{Op, Step};
use migc_compiler::schema::*;
use migc_grammar::Diagnostic;

impl Postgres {
    pub(super) fn lower_step(&self, step: &Step, ctx: &Context<'_>) -> Result<Lowered, Diagnostic> {
        let mut l = Lowered {
            up: Vec::new(),
            down: Vec::new(),
            lock: AEL.to_string(),
            rewrite: false,
            scan: false,
            down_loses: None,
            batch: None,
            later: Vec::new(),
        };
        match &step.op {
            Op::CreateEnum { name, values } => {
                let vals: Vec<String> = values.iter().map(|v| lit(v)).collect();
                l.up.push(unit(do_block(&format!(
                    "BEGIN\n  IF to_regtype({}) IS NULL THEN\n    CREATE TYPE {} AS ENUM ({});\n  END IF;\nEND",
                    lit(&q(name)),
                    q(name),
                    vals.join(", ")
                ))));
                l.down
                    .push(unit(format!("DROP TYPE IF EXISTS {};", q(name))));
                l.lock = "none".into();
            }
            Op::AddEnumValue { name, value, after } => {
                let position = after
                    .as_ref()
                    .map(|a| format!(" AFTER {}", lit(a)))
                    .unwrap_or_default();
                l.up.push(unit(format!(
                    "ALTER TYPE {} ADD VALUE IF NOT EXISTS {}{position};",
                    q(name),
                    lit(value)
                )));
                l.down.push(comment_unit(&format!(
                    "value '{value}' stays in enum {name}: PostgreSQL cannot remove an enum value"
                )));
                l.down_loses = Some(format!("value `{value}` stays in enum `{name}`"));
                l.lock = "none".into();
            }
            Op::RenameEnumValue { name, from, to } => {
                let rename = |a: &str, b: &str| {
                    unit(do_block(&format!(
                        "BEGIN\n  IF EXISTS (SELECT 1 FROM pg_enum WHERE enumtypid = to_regtype({}) AND enumlabel = {}) THEN\n    ALTER TYPE {} RENAME VALUE {} TO {};\n  END IF;\nEND",
                        lit(&q(name)),
                        lit(a),
                        q(name),
                        lit(a),
                        lit(b)
                    )))
                };
                l.up.push(rename(from, to));
                l.down.push(rename(to, from));
                l.lock = "none".into();
            }
            Op::DropEnum { name, values } => {
                l.up.push(unit(format!("DROP TYPE IF EXISTS {};", q(name))));
                let vals: Vec<String> = values.iter().map(|v| lit(v)).collect();
                l.down.push(unit(do_block(&format!(
                    "BEGIN\n  IF to_regtype({}) IS NULL THEN\n    CREATE TYPE {} AS ENUM ({});\n  END IF;\nEND",
                    lit(&q(name)),
                    q(name),
                    vals.join(", ")
                ))));
                l.lock = "none".into();
            }
            Op::RenameEnum { from, to } => {
                // The rebuilt type takes the deployed type's place once no column uses the
                // deployed one; guarded by the rebuilt type's temporary name.
                l.up.push(unit(do_block(&format!(
                    "BEGIN\n  IF to_regtype({from_lit}) IS NOT NULL THEN\n    DROP TYPE IF EXISTS {to};\n    ALTER TYPE {from} RENAME TO {to};\n  END IF;\nEND",
                    from_lit = lit(&q(from)),
                    from = q(from),
                    to = q(to),
                ))));
                let old_values: Vec<String> = ctx
                    .from
                    .enums
                    .get(to)
                    .map(|e| e.values.iter().map(|v| lit(&v.name)).collect())
                    .unwrap_or_default();
                l.down.push(unit(do_block(&format!(
                    "BEGIN\n  IF to_regtype({from_lit}) IS NULL AND to_regtype({to_lit}) IS NOT NULL THEN\n    ALTER TYPE {to} RENAME TO {from};\n    CREATE TYPE {to} AS ENUM ({values});\n  END IF;\nEND",
                    from_lit = lit(&q(from)),
                    to_lit = lit(&q(to)),
                    from = q(from),
                    to = q(to),
                    values = old_values.join(", "),
                ))));
                l.lock = "none".into();
            }
            Op::CreateTable { table } => {
                l.up = self.create_table(table)?;
                l.down
                    .push(unit(format!("DROP TABLE IF EXISTS {};", q(&table.name))));
                l.lock = "none (new table)".into();
                l.down_loses = Some(format!(
                    "rows the new application wrote to `{}`",
                    table.name
                ));
            }
            Op::DropTable { table } => {
                l.up.push(self.retry(&[format!("DROP TABLE IF EXISTS {};", q(&table.name))]));
                l.down = self.create_table(table)?;
                for i in &table.indexes {
                    l.down.extend(self.create_index(&table.name, i)?);
                }
                for fk in &table.foreign_keys {
                    l.down
                        .push(self.add_constraint(&table.name, &fk.name, &fk_clause(fk), true));
                }
                l.down_loses = Some(format!(
                    "the rows of `{}` (the table comes back empty)",
                    table.name
                ));
            }
            Op::CreateTableAlias { table, alias } => {
                l.up.push(unit(format!(
                    "CREATE OR REPLACE VIEW {} AS SELECT * FROM {};",
                    q(alias),
                    q(table)
                )));
                l.down
                    .push(unit(format!("DROP VIEW IF EXISTS {};", q(alias))));
                l.lock = "ACCESS SHARE".into();
            }
            Op::DropTableAlias { table, alias } => {
                l.up.push(self.retry(&[format!(
                    "IF EXISTS (SELECT 1 FROM pg_views WHERE viewname = {} AND schemaname = current_schema()) THEN\n  DROP VIEW {};\nEND IF;",
                    lit(alias),
                    q(alias)
                )]));
                l.down.push(unit(format!(
                    "CREATE OR REPLACE VIEW {} AS SELECT * FROM {};",
                    q(alias),
                    q(table)
                )));
            }
            Op::RenameTable { from, to } => {
                let rename = |a: &str, b: &str| {
                    self.retry(&[format!(
                        "IF {} IS NOT NULL AND {} IS NULL THEN\n  ALTER TABLE {} RENAME TO {};\nEND IF;",
                        regclass(a),
                        regclass(b),
                        q(a),
                        q(b)
                    )])
                };
                l.up.push(rename(from, to));
                l.down.push(rename(to, from));
            }
            Op::AddColumn { table, column } => {
                l.up.push(self.retry(&[format!(
                    "ALTER TABLE {} ADD COLUMN IF NOT EXISTS {};",
                    q(table),
                    column_def(column)?
                )]));
                if let Some(text) = &column.comment {
                    l.up.push(self.comment(
                        format!("COLUMN {}.{}", q(table), q(&column.name)),
                        &Some(text.clone()),
                    ));
                }
                l.down.push(self.retry(&[format!(
                    "ALTER TABLE {} DROP COLUMN IF EXISTS {};",
                    q(table),
                    q(&column.name)
                )]));
                // A computed column (rename, split, type change) loses nothing: the dual-write
                // trigger keeps the deployed columns filled from it.
                let computed = crate::names::is_shadow(&column.name)
                    || ctx
                        .declared(table)
                        .into_iter()
                        .filter_map(|t| t.column(&column.name))
                        .any(|c| c.transform.is_some() || c.renamed_from.is_some());
                if !computed {
                    l.down_loses = Some(format!(
                        "values the new application wrote to `{table}.{}`",
                        column.name
                    ));
                }
            }
            Op::DropColumn { table, column } => {
                let target = ctx.target_column(table, &column.name);
                let mut restored = column.clone();
                restored.nullable = true;
                if target.is_some() {
                    // Refilled from the shadow below: a default would fill it first.
                    restored.default = None;
                }
                let mut down = vec![format!(
                    "ALTER TABLE {} ADD COLUMN IF NOT EXISTS {};",
                    q(table),
                    column_def(&restored)?
                )];
                if let Some(text) = &column.comment {
                    down.push(format!(
                        "COMMENT ON COLUMN {}.{} IS {};",
                        q(table),
                        q(&column.name),
                        lit(text)
                    ));
                }
                if let Some(target) = target {
                    // The column is replaced by its shadow (a type change): drop it only while
                    // the shadow is there to take its place, so a re-run drops nothing.
                    let shadow = crate::build::shadow_name(&column.name);
                    // One transaction: the dual-write trigger goes, the column goes and its
                    // shadow takes its name, so no write falls in between.
                    l.up.push(self.retry(&[format!(
                        "IF {} THEN\n  DROP TRIGGER IF EXISTS {} ON {t};\n  ALTER TABLE {t} DROP COLUMN IF EXISTS {c};\n  ALTER TABLE {t} RENAME COLUMN {s} TO {c};\nEND IF;",
                        column_exists(table, &shadow),
                        q(&self.sync_function(table)),
                        t = q(table),
                        c = q(&column.name),
                        s = q(&shadow)
                    )]));
                    // The rollback refills it from the shadow through `down`.
                    let back = target
                        .transform
                        .as_ref()
                        .filter(|t| t.from == [column.name.clone()])
                        .and_then(|t| t.down.as_ref());
                    if let Some(back) = back {
                        let mut map = std::collections::BTreeMap::new();
                        map.insert(column.name.clone(), shadow.clone());
                        let value = Expr {
                            sql: crate::sql::rename_identifiers(&back.sql, &map),
                            origin: back.origin,
                        };
                        down.push(format!(
                            "IF {} THEN\n  UPDATE {} SET {} = {} WHERE {} IS NULL;\nEND IF;",
                            column_exists(table, &shadow),
                            q(table),
                            q(&column.name),
                            expr(&value)?,
                            q(&column.name)
                        ));
                        if !column.nullable {
                            down.push(format!(
                                "ALTER TABLE {} ALTER COLUMN {} SET NOT NULL;",
                                q(table),
                                q(&column.name)
                            ));
                        }
                    } else {
                        l.down_loses = Some(format!(
                            "the values of `{table}.{}` in its deployed type (it comes back empty)",
                            column.name
                        ));
                    }
                    if let Some(d) = &column.default {
                        down.push(format!(
                            "ALTER TABLE {} ALTER COLUMN {} SET DEFAULT {};",
                            q(table),
                            q(&column.name),
                            expr(d)?
                        ));
                    }
                } else {
                    l.up.push(self.retry(&[format!(
                        "ALTER TABLE {} DROP COLUMN IF EXISTS {};",
                        q(table),
                        q(&column.name)
                    )]));
                    match ctx.refill(table, &column.name) {
                        // Left through a rename, a transform or a `retire … down`: the rollback
                        // computes it again from the new columns, as the trigger did.
                        Some((value, exact)) => {
                            if !exact {
                                l.down_loses = Some(format!(
                                    "the exact values of `{table}.{}`: they are computed again through `down`, exact only where `down` inverts `up`",
                                    column.name
                                ));
                            }
                            let filled = format!(
                                "UPDATE {} SET {} = {} WHERE {} IS NULL;",
                                q(table),
                                q(&column.name),
                                expr(&value)?,
                                q(&column.name)
                            );
                            // Re-added without its default, so that the update fills it.
                            down[0] = format!(
                                "ALTER TABLE {} ADD COLUMN IF NOT EXISTS {};",
                                q(table),
                                column_def(&Column {
                                    default: None,
                                    ..restored.clone()
                                })?
                            );
                            down.push(filled);
                            if let Some(d) = &column.default {
                                down.push(format!(
                                    "ALTER TABLE {} ALTER COLUMN {} SET DEFAULT {};",
                                    q(table),
                                    q(&column.name),
                                    expr(d)?
                                ));
                            }
                            if !column.nullable {
                                down.push(format!(
                                    "IF NOT EXISTS (SELECT 1 FROM {t} WHERE {c} IS NULL) THEN\n  ALTER TABLE {t} ALTER COLUMN {c} SET NOT NULL;\nEND IF;",
                                    t = q(table),
                                    c = q(&column.name)
                                ));
                            }
                        }
                        None => {
                            l.down_loses = Some(format!(
                                "the values of `{table}.{}` (the column comes back empty)",
                                column.name
                            ));
                        }
                    }
                }
                l.down.push(self.retry(&down));
            }
            Op::AlterType {
                table,
                column,
                from,
                to,
            } => {
                let alter = |ty: &ColumnType| -> Result<Unit, Diagnostic> {
                    let statement = format!(
                        "ALTER TABLE {} ALTER COLUMN {} TYPE {};",
                        q(table),
                        q(column),
                        type_of(ty, step.origin.unwrap_or_default())?
                    );
                    Ok(self.retry(&[with_views_set_aside(table, &[statement])]))
                };
                l.up.push(alter(to)?);
                l.down.push(alter(from)?);
                l.down_loses = Some(format!(
                    "narrowing `{table}.{column}` back rewrites the table and fails on values that do not fit"
                ));
            }
            Op::SetDefault {
                table,
                column,
                default,
                previous,
            } => {
                let set = |d: &Option<Expr>| -> Result<Unit, Diagnostic> {
                    let action = match d {
                        Some(e) => format!("SET DEFAULT {}", expr(e)?),
                        None => "DROP DEFAULT".to_string(),
                    };
                    // Guarded by the column: a down script re-run after it dropped the column.
                    Ok(self.retry(&[format!(
                        "IF EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = {} AND attname = {} AND NOT attisdropped) THEN\n  ALTER TABLE {} ALTER COLUMN {} {action};\nEND IF;",
                        regclass(table),
                        lit(column),
                        q(table),
                        q(column)
                    )]))
                };
                l.up.push(set(default)?);
                l.down.push(set(previous)?);
            }
            Op::AddNotNullCheck {
                table,
                column,
                name,
            } => {
                l.up.push(self.add_constraint(
                    table,
                    name,
                    &format!("CHECK ({} IS NOT NULL)", q(column)),
                    true,
                ));
                l.down.push(self.drop_constraint(table, name));
            }
            Op::SetNotNull {
                table,
                column,
                check,
            } => {
                let mut up = vec![format!(
                    "ALTER TABLE {} ALTER COLUMN {} SET NOT NULL;",
                    q(table),
                    q(column)
                )];
                if let Some(c) = check {
                    up.push(format!(
                        "ALTER TABLE {} DROP CONSTRAINT IF EXISTS {};",
                        q(table),
                        q(c)
                    ));
                }
                l.up.push(self.retry(&up));
                l.down.push(self.retry(&[format!(
                    "ALTER TABLE {} ALTER COLUMN {} DROP NOT NULL;",
                    q(table),
                    q(column)
                )]));
                if let Some(c) = check {
                    l.down.push(self.add_constraint(
                        table,
                        c,
                        &format!("CHECK ({} IS NOT NULL)", q(column)),
                        true,
                    ));
                }
            }
            Op::DropNotNull { table, column } => {
                // Guarded by the column: contract drops it later, and may run again.
                l.up.push(self.retry(&[format!(
                    "IF {} THEN\n  ALTER TABLE {} ALTER COLUMN {} DROP NOT NULL;\nEND IF;",
                    column_exists(table, column),
                    q(table),
                    q(column)
                )]));
                let check = crate::names::not_null_check(table, column);
                l.down.push(self.add_constraint(
                    table,
                    &check,
                    &format!("CHECK ({} IS NOT NULL)", q(column)),
                    true,
                ));
                // Rows the new application wrote may hold null: then the column stays nullable
                // (with the unvalidated check) rather than the rollback failing.
                l.down.push(self.retry(&[format!(
                    "IF NOT EXISTS (SELECT 1 FROM {t} WHERE {c} IS NULL) THEN\n  ALTER TABLE {t} VALIDATE CONSTRAINT {k};\n  ALTER TABLE {t} ALTER COLUMN {c} SET NOT NULL;\n  ALTER TABLE {t} DROP CONSTRAINT IF EXISTS {k};\nELSE\n  ALTER TABLE {t} DROP CONSTRAINT IF EXISTS {k};\n  RAISE NOTICE 'migc: %.% stays nullable: rows hold null', {table_text}, {column_text};\nEND IF;",
                    t = q(table),
                    c = q(column),
                    k = q(&check),
                    table_text = lit(table),
                    column_text = lit(column),
                )]));
                l.down_loses = Some(format!(
                    "nothing, but `{table}.{column}` stays nullable while rows the new application wrote hold null"
                ));
            }
            Op::CreateIndex { table, index } => {
                l.up = self.create_index(table, index)?;
                l.down = self.drop_index(&index.name);
                l.lock = SUE.into();
                l.scan = true;
            }
            Op::DropIndex {
                table,
                index,
                replaced_by,
            } => {
                l.up = match replaced_by {
                    // Replaced by a rebuilt index: dropped while that one has its temporary
                    // name (so a re-run does not drop the replacement); it is usually gone
                    // with its column already.
                    Some(temp) => vec![self.retry(&[format!(
                        "IF {} IS NOT NULL THEN\n  DROP INDEX IF EXISTS {};\nEND IF;",
                        regclass(temp),
                        q(&index.name)
                    )])],
                    None => self.drop_index(&index.name),
                };
                l.down = self.create_index(table, index)?;
                l.lock = SUE.into();
            }
            Op::AttachUnique { table, unique } => {
                l.up.push(self.add_constraint(
                    table,
                    &unique.name,
                    &format!("UNIQUE USING INDEX {}", q(&unique.name)),
                    false,
                ));
                l.down.push(self.drop_constraint(table, &unique.name));
                let index = Index::unique_over(&unique.name, &unique.columns, unique.origin);
                l.down.extend(self.create_index(table, &index)?);
            }
            Op::AddCheck {
                table,
                check,
                not_valid,
            } => {
                l.up.push(self.add_constraint(
                    table,
                    &check.name,
                    &format!("CHECK ({})", expr(&check.expr)?),
                    *not_valid,
                ));
                l.down.push(self.drop_constraint(table, &check.name));
            }
            Op::AddForeignKey {
                table,
                fk,
                not_valid,
            } => {
                l.up.push(self.add_constraint(table, &fk.name, &fk_clause(fk), *not_valid));
                l.down.push(self.drop_constraint(table, &fk.name));
                l.lock = format!("{SRE} (on `{table}` and `{}`)", fk.ref_table);
                l.scan = !*not_valid;
            }
            Op::ValidateConstraint { table, name } => {
                l.up.push(validate(table, name));
                l.down.push(comment_unit(&format!(
                    "nothing to undo: {name} stays validated"
                )));
                l.lock = SUE.into();
                l.scan = true;
            }
            Op::DropUnique {
                table,
                unique,
                replaced_by,
            } => {
                l.up.push(self.drop_replaced_constraint(
                    table,
                    &unique.name,
                    replaced_by.as_deref(),
                ));
                let index = Index::unique_over(&unique.name, &unique.columns, unique.origin);
                l.down.extend(self.create_index(table, &index)?);
                l.down.push(self.add_constraint(
                    table,
                    &unique.name,
                    &format!("UNIQUE USING INDEX {}", q(&unique.name)),
                    false,
                ));
                l.down_loses =
                    Some("nothing, but it fails if duplicates were written meanwhile".into());
            }
            Op::DropCheck {
                table,
                check,
                replaced_by,
            } => {
                l.up.push(self.drop_replaced_constraint(
                    table,
                    &check.name,
                    replaced_by.as_deref(),
                ));
                l.down.push(self.add_constraint(
                    table,
                    &check.name,
                    &format!("CHECK ({})", expr(&check.expr)?),
                    true,
                ));
                l.down.push(validate(table, &check.name));
            }
            Op::DropForeignKey {
                table,
                fk,
                replaced_by,
            } => {
                l.up.push(self.drop_replaced_constraint(table, &fk.name, replaced_by.as_deref()));
                l.down
                    .push(self.add_constraint(table, &fk.name, &fk_clause(fk), true));
                l.down.push(validate(table, &fk.name));
            }
            Op::DropPrimaryKey { table, key } => {
                l.up.push(self.drop_constraint(table, &key.name));
                l.down.push(self.add_constraint(
                    table,
                    &key.name,
                    &format!("PRIMARY KEY ({})", columns(&key.columns)),
                    false,
                ));
            }
            Op::SwapPrimaryKey {
                table,
                old,
                new,
                index,
            } => {
                // Attaching renames the index: while it has its temporary name, the swap is
                // still to be done.
                l.up.push(self.retry(&[format!(
                    "IF {} IS NOT NULL THEN\n  ALTER TABLE {} DROP CONSTRAINT IF EXISTS {}, ADD CONSTRAINT {} PRIMARY KEY USING INDEX {};\nEND IF;",
                    regclass(index),
                    q(table),
                    q(&old.name),
                    q(&new.name),
                    q(index)
                )]));
                // Undone while the temporary index is gone (the swap happened): the deployed key
                // comes back and so does the index the next rollback drops.
                l.down.push(self.retry(&[format!(
                    "IF {} IS NULL THEN\n  ALTER TABLE {t} DROP CONSTRAINT IF EXISTS {new}, ADD CONSTRAINT {old} PRIMARY KEY ({old_cols});\n  CREATE UNIQUE INDEX IF NOT EXISTS {index} ON {t} ({new_cols});\nEND IF;",
                    regclass(index),
                    t = q(table),
                    new = q(&new.name),
                    old = q(&old.name),
                    old_cols = columns(&old.columns),
                    index = q(index),
                    new_cols = columns(&new.columns),
                )]));
                l.down_loses = Some(format!(
                    "nothing, but restoring `{}` builds its index under an exclusive lock",
                    old.name
                ));
            }
            Op::InstallSync { table, sync } => {
                l.up = self.install_sync(table, sync, ctx)?;
                l.down = self.remove_sync(table);
                l.lock = SRE.into();
            }
            Op::RemoveSync { table, sync } => {
                l.up = self.remove_sync(table);
                l.down = self.install_sync(table, sync, ctx)?;
                l.lock = SRE.into();
            }
            Op::Backfill {
                table,
                key,
                assignments,
            } => {
                l.up = self.backfill(ctx, table, key, assignments)?;
                l.batch = Some(self.batch(ctx, table, key, assignments)?);
                l.down.push(comment_unit(
                    "nothing to undo: the backfilled columns go with the expand rollback",
                ));
                l.lock = "ROW EXCLUSIVE (one batch of rows at a time)".into();
                l.scan = true;
            }
            Op::RenameColumn { table, from, to } => {
                let rename = |a: &str, b: &str| {
                    self.retry(&[format!(
                        "IF EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = {reg} AND attname = {a_lit} AND NOT attisdropped)\n   AND NOT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = {reg} AND attname = {b_lit} AND NOT attisdropped) THEN\n  ALTER TABLE {t} RENAME COLUMN {a} TO {b};\nEND IF;",
                        reg = regclass(table),
                        a_lit = lit(a),
                        b_lit = lit(b),
                        t = q(table),
                        a = q(a),
                        b = q(b),
                    )])
                };
                l.up.push(rename(from, to));
                l.down.push(rename(to, from));
            }
            Op::RenameIndex { from, to } => {
                // A deployed index of the final name is replaced: gone with its column, or
                // dropped here. Guarded by the index being renamed, so a re-run does nothing.
                l.up.push(self.retry(&[format!(
                    "IF {} IS NOT NULL THEN\n  DROP INDEX IF EXISTS {};\n  ALTER INDEX {} RENAME TO {};\nEND IF;",
                    regclass(from),
                    q(to),
                    q(from),
                    q(to)
                )]));
                l.down.push(self.retry(&[format!(
                    "IF {} IS NOT NULL AND {} IS NULL THEN\n  ALTER INDEX {} RENAME TO {};\nEND IF;",
                    regclass(to),
                    regclass(from),
                    q(to),
                    q(from)
                )]));
            }
            Op::RenameConstraint { table, from, to } => {
                // The same for constraints: a deployed one of the final name is dropped by the
                // rename that replaces it, only while the replacement has its temporary name.
                l.up.push(self.retry(&[format!(
                    "IF {} THEN\n  ALTER TABLE {t} DROP CONSTRAINT IF EXISTS {b};\n  ALTER TABLE {t} RENAME CONSTRAINT {a} TO {b};\nEND IF;",
                    constraint_exists(table, from),
                    t = q(table),
                    a = q(from),
                    b = q(to)
                )]));
                l.down.push(self.retry(&[format!(
                    "IF {} AND NOT {} THEN\n  ALTER TABLE {} RENAME CONSTRAINT {} TO {};\nEND IF;",
                    constraint_exists(table, to),
                    constraint_exists(table, from),
                    q(table),
                    q(to),
                    q(from)
                )]));
            }
            Op::CreateView { view } => {
                l.up.push(unit(crate::sql::create_or_replace_view(
                    view,
                    crate::Dialect::Postgres,
                )));
                l.down
                    .push(unit(format!("DROP VIEW IF EXISTS {};", q(&view.name))));
                l.lock = "ACCESS SHARE".into();
            }
            Op::DropView { view } => {
                l.up.push(unit(format!("DROP VIEW IF EXISTS {};", q(&view.name))));
                l.down.push(unit(crate::sql::create_or_replace_view(
                    view,
                    crate::Dialect::Postgres,
                )));
            }
            Op::CommentTable {
                table,
                text,
                previous,
            } => {
                l.up.push(self.comment(format!("TABLE {}", q(table)), text));
                l.down
                    .push(self.comment(format!("TABLE {}", q(table)), previous));
                l.lock = SUE.into();
            }
            Op::CommentColumn {
                table,
                column,
                text,
                previous,
            } => {
                let target = format!("COLUMN {}.{}", q(table), q(column));
                l.up.push(self.comment(target.clone(), text));
                l.down.push(self.comment(target, previous));
                l.lock = SUE.into();
            }
            Op::Native { name, up, down } => {
                let applies = |n: &str| {
                    ctx.to
                        .natives
                        .get(n)
                        .or(ctx.from.natives.get(n))
                        .is_some_and(|x| x.dialects.contains(&D))
                };
                if applies(name) {
                    // Written SQL that cannot run in a transaction block is kept out of one.
                    let native = |s: &String| Unit {
                        sql: terminated(s),
                        transactional: !s.to_ascii_lowercase().contains("concurrently"),
                    };
                    l.up = up.iter().map(native).collect();
                    l.down = down.iter().rev().map(native).collect();
                } else {
                    l.up.push(comment_unit(&format!(
                        "native block {name} is not for PostgreSQL"
                    )));
                    l.down.push(comment_unit(&format!(
                        "native block {name} is not for PostgreSQL"
                    )));
                }
                l.lock = "as written".into();
            }
        }
        Ok(l)
    }
}

pub(super) fn terminated(s: &str) -> String {
    let t = s.trim_end();
    if t.ends_with(';') {
        t.to_string()
    } else {
        format!("{t};")
    }
}
