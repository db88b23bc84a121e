//! Every operation lowered to MySQL/MariaDB.

use super::super::{Context, Lowered, Unit};
use super::program::Body;
use super::sql::*;
use super::{Algorithm, Mysql, Scope};
use crate::step::{Op, Step};
use migc_compiler::schema::*;
use migc_grammar::Diagnostic;

const MDL: &str = "exclusive metadata lock (brief)";

impl Mysql {
    pub(super) fn lower_step(
        &self,
        step: &Step,
        ctx: &Context<'_>,
        scope: &Scope<'_>,
    ) -> Result<Lowered, Diagnostic> {
        let mut l = Lowered {
            up: Vec::new(),
            down: Vec::new(),
            lock: MDL.to_string(),
            rewrite: false,
            scan: false,
            down_loses: None,
            batch: None,
            later: Vec::new(),
        };
        let model = scope.model;
        let origin = step.origin;
        let prog = |b: Body| self.program(scope, b);
        match &step.op {
            Op::CreateEnum { name, .. } | Op::DropEnum { name, .. } => {
                let text = format!("enum {name}: MySQL enums are column types, nothing to do");
                l.up.push(comment_unit(&text));
                l.down.push(comment_unit(&text));
                l.lock = "none".into();
            }
            Op::RenameEnum { from, to } => {
                let text = format!(
                    "enum {from} becomes {to}: MySQL enums are column types, nothing to do"
                );
                l.up.push(comment_unit(&text));
                l.down.push(comment_unit(&text));
                l.lock = "none".into();
            }
            Op::AddEnumValue { name, value, after } => {
                let values = model.enum_values(name).cloned().unwrap_or_default();
                let inside = after.as_ref().is_some_and(|a| values.last() != Some(a));
                let mut next = model.clone();
                next.apply(&step.op);
                for (table, column) in model.enum_columns(name) {
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
                        l.lock = "none (copied online: triggers, batches, an atomic rename)".into();
                        l.rewrite = true;
                        l.scan = true;
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
            }
            Op::RenameEnumValue { name, from, to } => {
                return Err(unsupported(
                    format!("renaming value `{from}` of enum `{name}` to `{to}` rewrites every row on MySQL"),
                    origin,
                    "add the new value, move the rows to it, and drop the old value in a later change",
                ));
            }
            Op::CreateTable { table } => {
                let declared = ctx.to.tables.get(&table.name);
                l.up.push(self.create_table(
                    table,
                    declared.map(|t| &t.indexes[..]).unwrap_or_default(),
                    declared.map(|t| &t.foreign_keys[..]).unwrap_or_default(),
                    model,
                )?);
                l.down
                    .push(unit(format!("DROP TABLE IF EXISTS {};", q(&table.name))));
                l.lock = "none (new table)".into();
                l.down_loses = Some(format!(
                    "rows the new application wrote to `{}`",
                    table.name
                ));
            }
            Op::DropTable { table } => {
                let mut b = Body::new();
                b.push(&format!("DROP TABLE IF EXISTS {};", q(&table.name)));
                l.up.push(prog(b));
                let deployed = ctx.from.tables.get(&table.name);
                l.down.push(self.create_table(
                    table,
                    deployed.map(|t| &t.indexes[..]).unwrap_or_default(),
                    deployed.map(|t| &t.foreign_keys[..]).unwrap_or_default(),
                    model,
                )?);
                let restored = table_model(table, model);
                for i in &table.indexes {
                    l.down
                        .push(self.create_index(ctx, scope, &table.name, i, &restored)?);
                }
                for fk in &table.foreign_keys {
                    l.down.push(self.add_foreign_key(scope, &table.name, fk));
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
                l.lock = "shared metadata lock".into();
            }
            Op::DropTableAlias { table, alias } => {
                // The view goes in the same statement that renames the table (below) when
                // contract renames it; on its own it is dropped here.
                l.up.push(unit(format!("DROP VIEW IF EXISTS {};", q(alias))));
                l.down.push(unit(format!(
                    "CREATE OR REPLACE VIEW {} AS SELECT * FROM {};",
                    q(alias),
                    q(table)
                )));
            }
            Op::RenameTable { from, to } => {
                let rename = |a: &str, b: &str| {
                    let mut body = Body::new();
                    body.push(&format!("RENAME TABLE {} TO {};", q(a), q(b)));
                    prog(Body::when(
                        &format!("{} AND NOT {}", table_exists(a), table_exists(b)),
                        body,
                    ))
                };
                l.up.push(rename(from, to));
                l.down.push(rename(to, from));
            }
            Op::AddColumn { table, column } => {
                let mut b = Body::new();
                b.alter(
                    table,
                    &format!("ADD COLUMN {}", column_def(column, model)?),
                    self.add_column_algorithms(),
                );
                l.up.push(prog(Body::when(
                    &format!("NOT {}", column_exists(table, &column.name)),
                    b,
                )));
                l.down.push(self.drop_column(scope, table, &column.name));
                let computed = crate::names::is_shadow(&column.name)
                    || ctx
                        .target_column(table, &column.name)
                        .is_some_and(|c| c.transform.is_some() || c.renamed_from.is_some());
                if !computed {
                    l.down_loses = Some(format!(
                        "values the new application wrote to `{table}.{}`",
                        column.name
                    ));
                }
            }
            Op::DropColumn { table, column } => {
                self.lower_drop_column(&mut l, ctx, scope, table, column)?;
            }
            Op::AlterType {
                table,
                column,
                from,
                to,
            } => {
                let Some(current) = model.column(table, column) else {
                    return Err(unsupported(
                        format!("column `{table}.{column}` is not in the deployed schema"),
                        origin,
                        "plan from the deployed schema",
                    ));
                };
                let widened = Column {
                    ty: to.clone(),
                    ..current.clone()
                };
                if self.alters_type_in_place(from, to) {
                    let mut b = Body::new();
                    b.alter(
                        table,
                        &format!("MODIFY COLUMN {}", column_def(&widened, model)?),
                        self.metadata_algorithms(),
                    );
                    l.up.push(prog(Body::when(&column_exists(table, column), b)));
                } else {
                    let spelled = type_of(to, model, Default::default())?;
                    l.up.push(self.copy_table(
                        ctx,
                        scope,
                        table,
                        &format!("MODIFY COLUMN {}", column_def(&widened, model)?),
                        &has_type(table, column, to, &spelled),
                        scope.synced.iter().any(|t| t == table),
                        origin,
                    )?);
                    l.down.extend(self.copy_cleanup(ctx, scope, table, false));
                    l.lock = "none (copied online: triggers, batches, an atomic rename)".into();
                    l.rewrite = true;
                    l.scan = true;
                }
                l.down.push(comment_unit(&format!(
                    "{table}.{column} stays {}: narrowing it back copies the table",
                    type_of(to, model, Default::default())?
                )));
                l.down_loses = Some(format!(
                    "`{table}.{column}` keeps the wider type (it was {}): narrowing copies the table on MySQL",
                    type_of(from, model, Default::default())?
                ));
            }
            Op::SetDefault {
                table,
                column,
                default,
                previous,
            } => {
                let ty = model
                    .column(table, column)
                    .map(|c| c.ty.clone())
                    .or_else(|| ctx.target_column(table, column).map(|c| c.ty.clone()));
                let set = |d: &Option<Expr>| -> Result<Unit, Diagnostic> {
                    let action = match (d, &ty) {
                        (Some(e), Some(ty)) => format!("SET {}", default_clause(e, ty)?),
                        (Some(e), None) => format!("SET DEFAULT ({})", expr(e)?),
                        (None, _) => "DROP DEFAULT".to_string(),
                    };
                    let mut b = Body::new();
                    b.alter(
                        table,
                        &format!("ALTER COLUMN {} {action}", q(column)),
                        self.metadata_algorithms(),
                    );
                    Ok(prog(Body::when(&column_exists(table, column), b)))
                };
                l.up.push(set(default)?);
                l.down.push(set(previous)?);
            }
            Op::AddNotNullCheck { table, column, .. } => {
                let text = format!("{table}.{column}: no check needed, SET NOT NULL checks the rows while it rebuilds in place");
                l.up.push(comment_unit(&text));
                l.down.push(comment_unit(&text));
                l.lock = "none".into();
            }
            Op::SetNotNull { table, column, .. } if self.holds_stored_generated(ctx, table) => {
                // MariaDB refuses `SET NOT NULL` in place on a table with a STORED generated
                // column (error 1845): the table is copied online with the column NOT NULL
                // (a null fails the unit, as the in-place change would).
                let current = self.current(ctx, model, table, column, origin)?;
                let def = column_def(
                    &Column {
                        nullable: false,
                        ..current.clone()
                    },
                    model,
                )?;
                l.up.push(self.copy_table(
                    ctx,
                    scope,
                    table,
                    &format!("MODIFY COLUMN {def}"),
                    &format!(
                        "EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = {} AND COLUMN_NAME = {} AND IS_NULLABLE = 'NO')",
                        lit(table),
                        lit(column)
                    ),
                    scope.synced.iter().any(|t| t == table),
                    origin,
                )?);
                l.down.extend(self.copy_cleanup(ctx, scope, table, false));
                l.down.push(self.modify(
                    scope,
                    table,
                    &Column {
                        nullable: true,
                        ..current
                    },
                    self.nullability_algorithms(),
                ));
                l.lock = "none (copied online: triggers, batches, an atomic rename)".into();
                l.rewrite = true;
                l.scan = true;
            }
            Op::SetNotNull { table, column, .. } => {
                let current = self.current(ctx, model, table, column, origin)?;
                l.up.push(self.modify(
                    scope,
                    table,
                    &Column {
                        nullable: false,
                        ..current.clone()
                    },
                    self.nullability_algorithms(),
                ));
                l.down.push(self.modify(
                    scope,
                    table,
                    &Column {
                        nullable: true,
                        ..current
                    },
                    self.nullability_algorithms(),
                ));
                l.lock = "none (rebuilt in place, writes go on)".into();
                l.rewrite = true;
                l.scan = true;
            }
            Op::DropNotNull { table, column } => {
                let current = self.current(ctx, model, table, column, origin)?;
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
                                model
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
            }
            Op::CreateIndex { table, index } if self.index_copies(ctx, table, index, model)? => {
                l.up.push(self.copy_with_index(ctx, scope, table, index, model)?);
                l.down.extend(self.copy_cleanup(ctx, scope, table, false));
                l.down.push(self.drop_index(ctx, scope, table, index));
                l.lock = "none (copied online: triggers, batches, an atomic rename)".into();
                l.rewrite = true;
                l.scan = true;
            }
            Op::CreateIndex { table, index } => {
                l.up.push(self.create_index(ctx, scope, table, index, model)?);
                l.down.push(self.drop_index(ctx, scope, table, index));
                l.lock = "none (built in place, writes go on)".into();
                l.scan = true;
            }
            Op::DropIndex {
                table,
                index,
                replaced_by,
            } => {
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
                let copied = if self.index_copies(ctx, table, index, model)? {
                    self.copy_with_index(ctx, scope, table, index, model).ok()
                } else {
                    None
                };
                if copied.is_none() && self.index_copies(ctx, table, index, model)? {
                    // The table cannot be copied (other tables reference it): the rollback
                    // builds the index in place over VIRTUAL columns instead.
                    l.down_loses = Some(format!(
                        "nothing, but `{}` comes back over VIRTUAL generated columns (a STORED one needs a copy of `{table}`)",
                        index.name
                    ));
                }
                l.down.push(match copied {
                    Some(unit) => unit,
                    None => self.create_index(ctx, scope, table, index, model)?,
                });
            }
            Op::AttachUnique { table, unique } => {
                let text = format!(
                    "{table}: the unique index {} is the constraint in MySQL, nothing to attach",
                    unique.name
                );
                l.up.push(comment_unit(&text));
                l.down.push(comment_unit(&text));
                l.lock = "none".into();
            }
            Op::AddCheck { table, check, .. } if scope.joins.is_some() => {
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
            }
            Op::AddCheck { table, check, .. } if ctx.from.tables.contains_key(table) => {
                // Both servers validate a new check while blocking writes (MariaDB only
                // with COPY): the table is copied online with the check, which the copy's
                // batches validate (a violating row fails the unit). In expand the copy runs
                // in phases, so that switch can be rolled back onto the old table; it adds the
                // checks of earlier steps that wait for it too.
                let actions = format!(
                    "ADD CONSTRAINT {} CHECK ({})",
                    q(&check.name),
                    expr(&check.expr)?
                );
                let done = constraint_exists(table, &check.name);
                let synced = scope.synced.iter().any(|t| t == table);
                if scope.phased_copy {
                    l.later = self.copy_phased(
                        ctx,
                        scope,
                        table,
                        &actions,
                        &done,
                        synced,
                        Some(check.origin),
                    )?;
                    l.up.push(comment_unit(&format!(
                        "{table}: check {} is added by a copy of the table made last in expand, swapped in at switch",
                        check.name
                    )));
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
                }
                l.down.push(prog(Body::when(
                    &constraint_exists(table, &check.name),
                    self.drop_check(table, &check.name),
                )));
                if l.later.is_empty() {
                    l.lock = "none (copied online: triggers, batches, an atomic rename)".into();
                    l.rewrite = true;
                    l.scan = true;
                } else {
                    l.lock = "none (added by the copy of the table made last in expand)".into();
                }
            }
            Op::AddCheck { table, check, .. } => {
                return Err(unsupported(
                    format!("check `{}` on the existing table `{table}` would copy the table on MySQL/MariaDB", check.name),
                    Some(check.origin),
                    "add the check with the table, or add it in a maintenance window outside migc",
                ));
            }
            Op::AddForeignKey {
                table,
                fk,
                not_valid,
            } => {
                if !*not_valid {
                    l.up.push(self.check_foreign_key(scope, table, fk));
                }
                l.up.push(self.add_foreign_key(scope, table, fk));
                l.down
                    .push(self.drop_foreign_key(scope, table, &fk.name, None));
                l.lock = format!(
                    "none (added in place, rows not checked; `{}` read)",
                    fk.ref_table
                );
            }
            Op::ValidateConstraint { table, name } => {
                match find_foreign_key(ctx, table, name) {
                    Some(fk) => {
                        l.up.push(self.check_foreign_key(scope, table, &fk));
                        l.lock = "none (a query)".into();
                        l.scan = true;
                    }
                    None => {
                        l.up.push(comment_unit(&format!(
                            "{name}: nothing to validate, SET NOT NULL checks the rows"
                        )));
                        l.lock = "none".into();
                    }
                }
                l.down
                    .push(comment_unit(&format!("nothing to undo for {name}")));
            }
            Op::DropUnique {
                table,
                unique,
                replaced_by,
            } => {
                let drop = self.drop_index_body(ctx, table, &unique.name);
                let mut condition = index_exists(table, &unique.name);
                if let Some(temp) = replaced_by {
                    condition = format!("{condition} AND {}", index_exists(table, temp));
                }
                l.up.push(prog(Body::when(&condition, drop)));
                let index = Index::unique_over(&unique.name, &unique.columns, unique.origin);
                l.down
                    .push(self.create_index(ctx, scope, table, &index, model)?);
                l.down_loses =
                    Some("nothing, but it fails if duplicates were written meanwhile".into());
            }
            Op::DropCheck {
                table,
                check,
                replaced_by,
            } => {
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
            }
            Op::DropForeignKey {
                table,
                fk,
                replaced_by,
            } => {
                l.up.push(self.drop_foreign_key(scope, table, &fk.name, replaced_by.as_deref()));
                l.down.push(self.add_foreign_key(scope, table, fk));
                l.down.push(self.check_foreign_key(scope, table, fk));
            }
            Op::DropPrimaryKey { table, .. } => {
                return Err(unsupported(
                    format!(
                        "dropping the primary key of `{table}` alone copies the table on MySQL"
                    ),
                    origin,
                    "replace the primary key instead of dropping it",
                ));
            }
            Op::SwapPrimaryKey {
                table,
                old,
                new,
                index,
            } => {
                // Dropping and adding the key in one statement rebuilds in place with writes
                // going on; dropping it alone would copy.
                let keyed = |cols: &[String]| {
                    let parts: Vec<(&str, bool)> =
                        cols.iter().map(|c| (c.as_str(), false)).collect();
                    key_parts(table, &parts, model)
                        .map_err(|m| unsupported(m, origin, "declare the column `varchar(n)`"))
                };
                let (old_key, new_key) = (keyed(&old.columns)?, keyed(&new.columns)?);
                let mut up = Body::new();
                up.alter(
                    table,
                    &format!(
                        "DROP PRIMARY KEY, ADD PRIMARY KEY ({new_key}), DROP INDEX {}",
                        q(index)
                    ),
                    self.index_algorithms(),
                );
                l.up.push(prog(Body::when(&index_exists(table, index), up)));
                let mut down = Body::new();
                down.alter(
                    table,
                    &format!(
                        "DROP PRIMARY KEY, ADD PRIMARY KEY ({old_key}), ADD UNIQUE INDEX {} ({new_key})",
                        q(index)
                    ),
                    self.index_algorithms(),
                );
                l.down.push(prog(Body::when(
                    &format!(
                        "{} AND NOT {}",
                        table_exists(table),
                        index_exists(table, index)
                    ),
                    down,
                )));
                l.lock = "none (rebuilt in place, writes go on)".into();
                l.rewrite = true;
            }
            Op::InstallSync { table, sync } => {
                l.up = self.install_sync(table, sync, ctx)?;
                l.down = self.remove_sync(table);
            }
            Op::RemoveSync { table, sync } => {
                l.up = self.remove_sync(table);
                l.down = if scope.sync_removed_earlier {
                    vec![comment_unit(&format!(
                        "the dual-write triggers of {table} come back with the first contract step on it"
                    ))]
                } else {
                    self.install_sync(table, sync, ctx)?
                };
            }
            Op::Backfill {
                table,
                key,
                assignments,
            } => {
                l.up.push(self.backfill(ctx, table, key, assignments)?);
                l.batch = Some(self.batch(ctx, table, key, assignments)?);
                l.down.push(comment_unit(
                    "nothing to undo: the backfilled columns go with the expand rollback",
                ));
                l.lock = "row locks (one batch of rows at a time)".into();
                l.scan = true;
            }
            Op::RenameColumn { table, from, to } => {
                let rename = |a: &str, b: &str| {
                    let mut body = Body::new();
                    body.alter(
                        table,
                        &format!("RENAME COLUMN {} TO {}", q(a), q(b)),
                        self.metadata_algorithms(),
                    );
                    prog(Body::when(
                        &format!(
                            "{} AND NOT {}",
                            column_exists(table, a),
                            column_exists(table, b)
                        ),
                        body,
                    ))
                };
                l.up.push(rename(from, to));
                l.down.push(rename(to, from));
            }
            Op::RenameIndex { from, to } => {
                let Some(table) = index_table(ctx, to) else {
                    return Err(unsupported(
                        format!("index `{to}` belongs to no declared table"),
                        origin,
                        "declare the index on its table",
                    ));
                };
                l.up.push(self.rename_index(ctx, scope, &table, from, to));
                l.down.push(self.rename_index(ctx, scope, &table, to, from));
            }
            Op::RenameConstraint { table, from, to } => {
                self.lower_rename_constraint(&mut l, ctx, scope, table, from, to, origin)?;
            }
            Op::CreateView { view } => {
                l.up.push(unit(crate::sql::create_or_replace_view(
                    view,
                    crate::Dialect::Mysql,
                )));
                l.down
                    .push(unit(format!("DROP VIEW IF EXISTS {};", q(&view.name))));
                l.lock = "shared metadata lock".into();
            }
            Op::DropView { view } => {
                l.up.push(unit(format!("DROP VIEW IF EXISTS {};", q(&view.name))));
                l.down.push(unit(crate::sql::create_or_replace_view(
                    view,
                    crate::Dialect::Mysql,
                )));
            }
            Op::CommentTable {
                table,
                text,
                previous,
            } => {
                let set = |t: &Option<String>| {
                    let mut b = Body::new();
                    b.alter(
                        table,
                        &format!("COMMENT = {}", lit(t.as_deref().unwrap_or(""))),
                        self.metadata_algorithms(),
                    );
                    prog(Body::when(&table_exists(table), b))
                };
                l.up.push(set(text));
                l.down.push(set(previous));
            }
            Op::CommentColumn {
                table,
                column,
                text,
                previous,
            } => {
                let current = self.current(ctx, model, table, column, origin)?;
                l.up.push(self.modify(
                    scope,
                    table,
                    &Column {
                        comment: text.clone(),
                        ..current.clone()
                    },
                    self.metadata_algorithms(),
                ));
                l.down.push(self.modify(
                    scope,
                    table,
                    &Column {
                        comment: previous.clone(),
                        ..current
                    },
                    self.metadata_algorithms(),
                ));
            }
            Op::Native { name, up, down } => {
                let applies = |n: &str| {
                    ctx.to
                        .natives
                        .get(n)
                        .or(ctx.from.natives.get(n))
                        .is_some_and(|x| x.dialects.contains(&super::D))
                };
                if applies(name) {
                    l.up = up.iter().map(|s| unit(terminated(s))).collect();
                    l.down = down.iter().rev().map(|s| unit(terminated(s))).collect();
                } else {
                    let text = format!("native block {name} is not for MySQL");
                    l.up.push(comment_unit(&text));
                    l.down.push(comment_unit(&text));
                }
                l.lock = "as written".into();
            }
        }
        // The first contract step on a table with dual-write triggers removes them: they
        // name columns contract drops or renames, and MySQL refuses a trigger naming a missing
        // column. Its rollback, the last of contract's, puts them back once every column is.
        if let Some(sync) = scope.removes_sync {
            if let Some(table) = step.op.table() {
                let mut up = self.remove_sync(table);
                up.append(&mut l.up);
                l.up = up;
                l.down.extend(self.install_sync(table, sync, ctx)?);
            }
        }
        Ok(l)
    }

    /// The column as it stands before the step (a column the plan adds is in the model too).
    fn current(
        &self,
        ctx: &Context<'_>,
        model: &super::model::Model,
        table: &str,
        column: &str,
        origin: Option<migc_grammar::Span>,
    ) -> Result<Column, Diagnostic> {
        model
            .column(table, column)
            .or_else(|| ctx.target_column(table, column))
            .cloned()
            .ok_or_else(|| {
                unsupported(
                    format!("column `{table}.{column}` is unknown at this step"),
                    origin,
                    "plan from the deployed schema",
                )
            })
    }

    /// `MODIFY COLUMN` with the column's complete definition, while the column exists.
    fn modify(
        &self,
        scope: &Scope<'_>,
        table: &str,
        column: &Column,
        algorithms: &[Algorithm],
    ) -> Unit {
        let def = match column_def(column, scope.model) {
            Ok(d) => d,
            Err(_) => return comment_unit(&format!("{table}.{}: no MySQL type", column.name)),
        };
        let mut b = Body::new();
        b.alter(table, &format!("MODIFY COLUMN {def}"), algorithms);
        self.program(scope, Body::when(&column_exists(table, &column.name), b))
    }

    pub(super) fn drop_column(&self, scope: &Scope<'_>, table: &str, column: &str) -> Unit {
        let mut b = Body::new();
        b.alter(
            table,
            &format!("DROP COLUMN {}", q(column)),
            self.drop_column_algorithms(),
        );
        self.program(scope, Body::when(&column_exists(table, column), b))
    }

    fn lower_drop_column(
        &self,
        l: &mut Lowered,
        ctx: &Context<'_>,
        scope: &Scope<'_>,
        table: &str,
        column: &Column,
    ) -> Result<(), Diagnostic> {
        let model = scope.model;
        let target = ctx.target_column(table, &column.name);
        let shadow = crate::build::shadow_name(&column.name);
        let restored = Column {
            nullable: true,
            default: None,
            ..column.clone()
        };
        let mut down = Body::new();
        down.alter(
            table,
            &format!("ADD COLUMN {}", column_def(&restored, model)?),
            self.add_column_algorithms(),
        );
        let mut down_units = Vec::new();
        // MariaDB sets `NOT NULL` on a table with a STORED generated column only by copying
        // it (error 1845): there the restored column stays nullable.
        let strict = !self.holds_stored_generated(ctx, table);
        let replaced = target.is_some() && model.column(table, &shadow).is_some();
        if replaced {
            // A type change: the column goes and its shadow takes its name in one statement.
            let mut up = Body::new();
            up.alter(
                table,
                &format!(
                    "DROP COLUMN {c}, RENAME COLUMN {s} TO {c}",
                    c = q(&column.name),
                    s = q(&shadow)
                ),
                self.drop_column_algorithms(),
            );
            l.up.push(self.program(scope, Body::when(&column_exists(table, &shadow), up)));
            // MariaDB's JSON columns carry a check named after the column.
            let json = model
                .column(table, &shadow)
                .filter(|c| matches!(type_of(&c.ty, model, c.origin), Ok(t) if t.eq_ignore_ascii_case("json")))
                .cloned();
            if let Some(json) = &json {
                let renamed = Column {
                    name: column.name.clone(),
                    ..json.clone()
                };
                l.up.push(self.rename_json_check(scope, table, &renamed, &shadow)?);
            }
            // The rollback gives the shadow its name back, then refills the column from it.
            let mut back = Body::new();
            back.alter(
                table,
                &format!(
                    "RENAME COLUMN {c} TO {s}",
                    c = q(&column.name),
                    s = q(&shadow)
                ),
                self.metadata_algorithms(),
            );
            down_units.push(self.program(
                scope,
                Body::when(
                    &format!(
                        "{} AND NOT {}",
                        column_exists(table, &column.name),
                        column_exists(table, &shadow)
                    ),
                    back,
                ),
            ));
            if let Some(json) = &json {
                down_units.push(self.rename_json_check(scope, table, json, &column.name)?);
            }
            let refill = target
                .and_then(|t| t.transform.as_ref())
                .filter(|t| t.from == [column.name.clone()])
                .and_then(|t| t.down.as_ref())
                .map(|back| {
                    let mut map = std::collections::BTreeMap::new();
                    map.insert(column.name.clone(), shadow.clone());
                    Expr {
                        sql: crate::sql::rename_identifiers(&back.sql, &map),
                        origin: back.origin,
                    }
                });
            down_units.push(self.program(
                scope,
                Body::when(&format!("NOT {}", column_exists(table, &column.name)), down),
            ));
            match refill {
                Some(value) => down_units.push(self.refill(scope, table, column, &value, strict)?),
                None => {
                    l.down_loses = Some(format!(
                        "the values of `{table}.{}` in its deployed type (it comes back empty)",
                        column.name
                    ));
                }
            }
        } else {
            l.up.push(self.drop_column(scope, table, &column.name));
            down_units.push(self.program(
                scope,
                Body::when(&format!("NOT {}", column_exists(table, &column.name)), down),
            ));
            match ctx.refill(table, &column.name) {
                Some((value, exact)) => {
                    if !exact {
                        l.down_loses = Some(format!(
                            "the exact values of `{table}.{}`: they are computed again through `down`, exact only where `down` inverts `up`",
                            column.name
                        ));
                    }
                    down_units.push(self.refill(scope, table, column, &value, strict)?);
                }
                None => {
                    l.down_loses = Some(format!(
                        "the values of `{table}.{}` (the column comes back empty)",
                        column.name
                    ));
                    if column.default.is_some() || !column.nullable {
                        down_units.push(self.restore_definition(scope, table, column, strict)?);
                    }
                }
            }
        }
        if !strict && !column.nullable {
            let kept = format!(
                "`{table}.{}` comes back nullable (`NOT NULL` on `{table}`, which has STORED generated columns, copies it on MariaDB)",
                column.name
            );
            l.down_loses = Some(match l.down_loses.take() {
                Some(more) => format!("{more}; {kept}"),
                None => kept,
            });
        }
        l.down = down_units;
        Ok(())
    }

    /// A JSON column restated as it is (`column`, under the name it has now), so that MariaDB
    /// names its `json_valid` check after it again: a column's check keeps the name the column
    /// had when the check was made (`check`), and restating the column is INSTANT. It runs while
    /// the check has that name; MySQL keeps no such check, and the unit does nothing there.
    fn rename_json_check(
        &self,
        scope: &Scope<'_>,
        table: &str,
        column: &Column,
        check: &str,
    ) -> Result<Unit, Diagnostic> {
        let mut b = Body::new();
        b.alter(
            table,
            &format!("MODIFY COLUMN {}", column_def(column, scope.model)?),
            self.metadata_algorithms(),
        );
        Ok(self.program(
            scope,
            Body::when(
                &format!(
                    "{} AND {}",
                    column_exists(table, &column.name),
                    constraint_exists(table, check)
                ),
                b,
            ),
        ))
    }

    /// Refills a restored column from the new shape, then gives it back its default and,
    /// when no row holds null, its `NOT NULL`.
    fn refill(
        &self,
        scope: &Scope<'_>,
        table: &str,
        column: &Column,
        value: &Expr,
        strict: bool,
    ) -> Result<Unit, Diagnostic> {
        let mut b = Body::new();
        b.push(&format!(
            "UPDATE {t} SET {c} = {v} WHERE {c} IS NULL;",
            t = q(table),
            c = q(&column.name),
            v = expr(value)?
        ));
        let mut unit =
            vec![self.program(scope, Body::when(&column_exists(table, &column.name), b))];
        unit.push(self.restore_definition(scope, table, column, strict)?);
        Ok(super::sql::unit(
            unit.into_iter()
                .map(|u| u.sql)
                .collect::<Vec<_>>()
                .join("\n"),
        ))
    }

    /// The deployed definition of a restored column: its default, and `NOT NULL` when no row
    /// holds null (rows the new application wrote may) and `strict` allows it.
    fn restore_definition(
        &self,
        scope: &Scope<'_>,
        table: &str,
        column: &Column,
        strict: bool,
    ) -> Result<Unit, Diagnostic> {
        let model = scope.model;
        let mut b = Body::new();
        b.alter(
            table,
            &format!(
                "MODIFY COLUMN {}",
                column_def(
                    &Column {
                        nullable: true,
                        ..column.clone()
                    },
                    model
                )?
            ),
            self.metadata_algorithms(),
        );
        if !column.nullable && strict {
            let mut strict = Body::new();
            strict.alter(
                table,
                &format!("MODIFY COLUMN {}", column_def(column, model)?),
                self.nullability_algorithms(),
            );
            b.nest(Body::when(
                &format!(
                    "NOT EXISTS (SELECT 1 FROM {} WHERE {} IS NULL)",
                    q(table),
                    q(&column.name)
                ),
                strict,
            ));
        }
        Ok(self.program(scope, Body::when(&column_exists(table, &column.name), b)))
    }

    /// The table, with the generated columns its `indexes` (built by later steps) need.
    pub(super) fn create_table(
        &self,
        table: &Table,
        indexes: &[Index],
        foreign_keys: &[ForeignKey],
        model: &super::model::Model,
    ) -> Result<Unit, Diagnostic> {
        let mut lines = Vec::new();
        let restored = table_model(table, model);
        for c in &table.columns {
            lines.push(format!("  {}", column_def(c, &restored)?));
        }
        if let Some(pk) = &table.primary_key {
            let parts: Vec<(&str, bool)> = pk.columns.iter().map(|c| (c.as_str(), false)).collect();
            let parts = key_parts(&table.name, &parts, &restored).map_err(|m| {
                unsupported(m, Some(table.origin), "declare the column `varchar(n)`")
            })?;
            lines.push(format!("  PRIMARY KEY ({parts})"));
        }
        for u in &table.uniques {
            let parts: Vec<(&str, bool)> = u.columns.iter().map(|c| (c.as_str(), false)).collect();
            let parts = key_parts(&table.name, &parts, &restored).map_err(|m| {
                unsupported(
                    m,
                    Some(u.origin),
                    "declare the column `varchar(n)` so that it can be indexed whole",
                )
            })?;
            lines.push(format!("  CONSTRAINT {} UNIQUE KEY ({parts})", q(&u.name)));
        }
        // The generated columns of the table's expression and unique partial indexes, STORED:
        // MariaDB refuses an INSTANT or online `ADD COLUMN`, and every online rebuild, on a
        // table with an indexed VIRTUAL column (errors 1845, 1846). InnoDB refuses a foreign
        // key added in place over a STORED column's base (error 138), so such keys are made
        // here with the table (`foreign_key_checks = 0` lets them name a table made later).
        let mut bases: Vec<String> = Vec::new();
        for index in table.indexes.iter().chain(indexes) {
            for g in generated_columns(&table.name, index, &restored)? {
                lines.push(format!("  {} STORED", g.def));
                bases.extend(g.base);
            }
        }
        let inline: Vec<&ForeignKey> = foreign_keys
            .iter()
            .filter(|f| f.columns.iter().any(|c| bases.contains(c)))
            .collect();
        for fk in &inline {
            lines.push(format!("  CONSTRAINT {} {}", q(&fk.name), fk_clause(fk)));
        }
        for ck in &table.checks {
            lines.push(format!(
                "  CONSTRAINT {} CHECK ({})",
                q(&ck.name),
                expr(&ck.expr)?
            ));
        }
        let mut sql = format!(
            "CREATE TABLE IF NOT EXISTS {} (\n{}\n) ENGINE=InnoDB",
            q(&table.name),
            lines.join(",\n")
        );
        if let Some(c) = &table.comment {
            sql.push_str(&format!(" COMMENT={}", lit(c)));
        }
        sql.push(';');
        if !inline.is_empty() {
            sql = format!(
                "SET SESSION foreign_key_checks = 0;\n{sql}\nSET SESSION foreign_key_checks = 1;"
            );
        }
        Ok(unit(sql))
    }

    pub(super) fn create_index(
        &self,
        ctx: &Context<'_>,
        scope: &Scope<'_>,
        table: &str,
        index: &Index,
        model: &super::model::Model,
    ) -> Result<Unit, Diagnostic> {
        let parts = index_parts(table, index, model)?;
        let mut b = Body::new();
        for g in generated_columns(table, index, model)? {
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

    /// The table copied online with the index and its STORED generated columns: neither
    /// server adds a STORED column in place.
    fn copy_with_index(
        &self,
        ctx: &Context<'_>,
        scope: &Scope<'_>,
        table: &str,
        index: &Index,
        model: &super::model::Model,
    ) -> Result<Unit, Diagnostic> {
        let mut actions: Vec<String> = generated_columns(table, index, model)?
            .iter()
            .map(|g| format!("ADD COLUMN {} STORED", g.def))
            .collect();
        actions.push(format!(
            "ADD {}INDEX {} ({})",
            if index.unique { "UNIQUE " } else { "" },
            q(&index.name),
            index_parts(table, index, model)?
        ));
        self.copy_table(
            ctx,
            scope,
            table,
            &actions.join(", "),
            &index_exists(table, &index.name),
            scope.synced.iter().any(|t| t == table),
            Some(index.origin),
        )
    }

    /// Whether the table holds STORED generated columns (of an expression or unique partial
    /// index, deployed or declared).
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

    pub(super) fn holds_stored_generated(&self, ctx: &Context<'_>, table: &str) -> bool {
        let model = super::model::Model::deployed(ctx.from);
        [ctx.from, ctx.to]
            .iter()
            .filter_map(|schema| schema.tables.get(table))
            .any(|t| {
                let model = table_model(t, &model);
                // (A type the deployed model cannot spell is the index's own finding.)
                t.indexes.iter().any(|index| {
                    !generated_columns(table, index, &model)
                        .unwrap_or_default()
                        .is_empty()
                })
            })
    }

    /// Whether building the index on a deployed table needs STORED generated columns (see
    /// [`storage`]), which only a copy of the table adds.
    fn index_copies(
        &self,
        ctx: &Context<'_>,
        table: &str,
        index: &Index,
        model: &super::model::Model,
    ) -> Result<bool, Diagnostic> {
        if !ctx.from.tables.contains_key(table) {
            return Ok(false);
        }
        Ok(!generated_columns(table, index, model)?.is_empty())
    }

    /// Drops the generated columns an index held its key parts in (after the index: the server
    /// refuses to drop a virtual column together with other changes in place).
    fn drop_generated(&self, table: &str, index: &Index) -> Body {
        let mut b = Body::new();
        for name in generated_names(index) {
            let mut drop = Body::new();
            drop.alter(
                table,
                &format!("DROP COLUMN {}", q(&name)),
                self.drop_column_algorithms(),
            );
            b.nest(Body::when(&column_exists(table, &name), drop));
        }
        b
    }

    /// Drops an index, first giving each foreign key of the table that would be left without
    /// an index leading with its columns one of its own, named after it (as the server names
    /// the index it makes for a key): InnoDB refuses to drop the last index a foreign key can
    /// use (error 1553), and it drops the one it made itself once another index serves.
    fn drop_index_body(&self, ctx: &Context<'_>, table: &str, name: &str) -> Body {
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

    /// Adds a foreign key in place without checking existing rows (`foreign_key_checks = 0`
    /// for the statement): the MySQL counterpart of `NOT VALID`. New writes are checked.
    pub(super) fn add_foreign_key(&self, scope: &Scope<'_>, table: &str, fk: &ForeignKey) -> Unit {
        let mut b = Body::new();
        b.push("SET SESSION foreign_key_checks = 0;");
        b.alter(
            table,
            &format!("ADD CONSTRAINT {} {}", q(&fk.name), fk_clause(fk)),
            self.index_algorithms(),
        );
        b.push("SET SESSION foreign_key_checks = 1;");
        let mut u = self.program(
            scope,
            Body::when(
                &format!(
                    "{} AND NOT {}",
                    table_exists(table),
                    constraint_exists(table, &fk.name)
                ),
                b,
            ),
        );
        // Also after a failed attempt, so that the session checks keys again.
        u.sql.push_str("\nSET SESSION foreign_key_checks = 1;");
        u
    }

    /// Fails when a row references no row of the referenced table: the check `VALIDATE`
    /// makes in PostgreSQL, as a query (it takes no lock beyond reading).
    pub(super) fn check_foreign_key(
        &self,
        scope: &Scope<'_>,
        table: &str,
        fk: &ForeignKey,
    ) -> Unit {
        let join: Vec<String> = fk
            .columns
            .iter()
            .zip(&fk.ref_columns)
            .map(|(c, r)| format!("p.{} = c.{}", q(r), q(c)))
            .collect();
        let present: Vec<String> = fk
            .columns
            .iter()
            .map(|c| format!("c.{} IS NOT NULL", q(c)))
            .collect();
        let mut b = Body::new();
        b.push(&format!(
            "IF EXISTS (SELECT 1 FROM {t} AS c WHERE {present} AND NOT EXISTS (SELECT 1 FROM {r} AS p WHERE {join})) THEN\n  {signal}\nEND IF;",
            t = q(table),
            r = q(&fk.ref_table),
            present = present.join(" AND "),
            join = join.join(" AND "),
            signal = signal(&format!("rows of {table} break foreign key {}", fk.name)),
        ));
        self.program(scope, Body::when(&table_exists(table), b))
    }

    /// Drops a foreign key and the index MySQL made for it (named after it), so the table
    /// ends as one created without the key.
    pub(super) fn drop_foreign_key(
        &self,
        scope: &Scope<'_>,
        table: &str,
        name: &str,
        replaced_by: Option<&str>,
    ) -> Unit {
        let mut b = Body::new();
        let mut drop = Body::new();
        drop.alter(
            table,
            &format!("DROP FOREIGN KEY {}", q(name)),
            self.metadata_algorithms(),
        );
        let mut condition = constraint_exists(table, name);
        if let Some(temp) = replaced_by {
            condition = format!("{condition} AND {}", constraint_exists(table, temp));
        }
        b.nest(Body::when(&condition, drop));
        let mut index = Body::new();
        index.alter(
            table,
            &format!("DROP INDEX {}", q(name)),
            self.index_algorithms(),
        );
        b.nest(Body::when(
            &format!(
                "{} AND NOT {}",
                index_exists(table, name),
                constraint_exists(table, name)
            ),
            index,
        ));
        self.program(scope, b)
    }

    /// Renames an index, and the generated columns holding its key parts with it.
    fn rename_index(
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

    #[allow(clippy::too_many_arguments)]
    fn lower_rename_constraint(
        &self,
        l: &mut Lowered,
        ctx: &Context<'_>,
        scope: &Scope<'_>,
        table: &str,
        from: &str,
        to: &str,
        origin: Option<migc_grammar::Span>,
    ) -> Result<(), Diagnostic> {
        let declared = ctx.declared(table).first().copied();
        let Some(declared) = declared else {
            return Err(unsupported(
                format!("constraint `{to}` belongs to no declared table"),
                origin,
                "declare the constraint on its table",
            ));
        };
        if declared.primary_key.as_ref().is_some_and(|p| p.name == to) {
            let text = format!("{from} becomes {to}: MySQL names every primary key PRIMARY");
            l.up.push(comment_unit(&text));
            l.down.push(comment_unit(&text));
            l.lock = "none".into();
        } else if declared.uniques.iter().any(|u| u.name == to) {
            l.up.push(self.rename_index(ctx, scope, table, from, to));
            l.down.push(self.rename_index(ctx, scope, table, to, from));
        } else if let Some(fk) = declared.foreign_keys.iter().find(|f| f.name == to) {
            // MySQL cannot rename a foreign key: the key is added again under its new name
            // (unchecked: the rows were checked under the old one), then the old one goes.
            let renamed = |name: &str| ForeignKey {
                name: name.to_string(),
                ..fk.clone()
            };
            l.up.push(self.add_foreign_key(scope, table, &renamed(to)));
            l.up.push(self.drop_foreign_key(scope, table, from, None));
            l.down
                .push(self.add_foreign_key(scope, table, &renamed(from)));
            l.down.push(self.drop_foreign_key(scope, table, to, None));
        } else if let Some(ck) = declared.checks.iter().find(|c| c.name == to) {
            // No server renames a check: the table is copied online with the check under its
            // new name (both ways).
            let rename = |a: &str, b: &str| -> Result<Unit, Diagnostic> {
                self.copy_table(
                    ctx,
                    scope,
                    table,
                    &format!(
                        "DROP CONSTRAINT {}, ADD CONSTRAINT {} CHECK ({})",
                        q(a),
                        q(b),
                        expr(&ck.expr)?
                    ),
                    &format!(
                        "{} OR NOT {}",
                        constraint_exists(table, b),
                        constraint_exists(table, a)
                    ),
                    scope.synced.iter().any(|t| t == table),
                    origin,
                )
            };
            l.up.push(rename(from, to)?);
            l.down.extend(self.copy_cleanup(ctx, scope, table, false));
            l.down.push(rename(to, from)?);
            l.down.extend(self.copy_cleanup(ctx, scope, table, false));
            l.lock = "none (copied online: triggers, batches, an atomic rename)".into();
            l.rewrite = true;
            l.scan = true;
        } else {
            return Err(unsupported(
                format!("constraint `{to}` on `{table}` is not declared"),
                origin,
                "declare the constraint on its table",
            ));
        }
        Ok(())
    }
}

/// Whether an index other than `except` leads with the foreign key's columns.
fn fk_served(table: &str, fk: &ForeignKey, except: &str) -> String {
    let matches: Vec<String> = fk
        .columns
        .iter()
        .enumerate()
        .map(|(i, c)| format!("(SEQ_IN_INDEX = {} AND COLUMN_NAME = {})", i + 1, lit(c)))
        .collect();
    format!(
        "EXISTS (SELECT INDEX_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = {} AND INDEX_NAME <> {} AND ({}) GROUP BY INDEX_NAME HAVING COUNT(*) = {})",
        lit(table),
        lit(except),
        matches.join(" OR "),
        fk.columns.len()
    )
}

/// The model with a table restored as declared (for a table a rollback creates again).
/// The model with the table as declared (for lookups outside a step).
pub(super) fn table_model_of(table: &Table, model: &super::model::Model) -> super::model::Model {
    table_model(table, model)
}

fn table_model(table: &Table, model: &super::model::Model) -> super::model::Model {
    let mut m = model.clone();
    m.apply(&Op::CreateTable {
        table: table.clone(),
    });
    m
}

fn find_foreign_key(ctx: &Context<'_>, table: &str, name: &str) -> Option<ForeignKey> {
    ctx.declared(table)
        .into_iter()
        .chain(ctx.from.tables.get(table))
        .flat_map(|t| t.foreign_keys.iter())
        .find(|f| f.name == name || crate::names::temporary(&f.name) == name)
        .map(|f| ForeignKey {
            name: name.to_string(),
            ..f.clone()
        })
}

fn index_table(ctx: &Context<'_>, name: &str) -> Option<String> {
    ctx.to
        .tables
        .values()
        .find(|t| {
            t.indexes.iter().any(|i| i.name == name) || t.uniques.iter().any(|u| u.name == name)
        })
        .map(|t| t.name.clone())
}

fn terminated(s: &str) -> String {
    let t = s.trim_end();
    if t.ends_with(';') {
        t.to_string()
    } else {
        format!("{t};")
    }
}

/// Whether the enum column has the member (with later members too: a later step may add some).
fn has_member(table: &str, column: &str, value: &str) -> String {
    format!(
        "EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = {} AND COLUMN_NAME = {} AND LOCATE({}, CONCAT(',', SUBSTRING(COLUMN_TYPE, 6, CHAR_LENGTH(COLUMN_TYPE) - 6), ',')) > 0)",
        lit(table),
        lit(column),
        lit(&format!(",{},", lit(value)))
    )
}
