//! A column dropped, and its rollback: the column comes back, refilled from the new shape
//! where the plan knows how, with its default and, when no row holds null, its `NOT NULL`. A
//! type change's shadow column takes the column's name in the same statement.

use super::fulltext;
use crate::dialect::mysql::program::Body;
use crate::dialect::mysql::sql::*;
use crate::dialect::mysql::{Mysql, Scope};
use crate::dialect::{Context, Lowered, Unit};
use crate::step::Refill;
use migc_compiler::schema::*;
use migc_grammar::Diagnostic;

impl Mysql {
    pub(super) fn lower_drop_column(
        &self,
        l: &mut Lowered,
        ctx: &Context<'_>,
        scope: &Scope<'_>,
        table: &str,
        column: &Column,
        refill: &Refill,
    ) -> Result<(), Diagnostic> {
        let state = scope.state;
        let restored = Column {
            nullable: true,
            default: None,
            ..column.clone()
        };
        // Back where it stood.
        let order: Vec<&str> = state
            .columns(table)
            .iter()
            .map(|c| c.name.as_str())
            .collect();
        let at = position(&order, &column.name, |c| c != column.name);
        let mut down = Body::new();
        down.alter(
            table,
            &format!("ADD COLUMN {}{at}", column_def(&restored, state)?),
            self.add_column_algorithms(),
        );
        let mut down_units = Vec::new();
        l.down_loses = refill.rollback_loses(table, &column.name);
        // MariaDB sets `NOT NULL` on a table with a STORED generated column only by copying
        // it (error 1845): there the restored column stays nullable.
        let strict = !self.holds_stored_generated(ctx, table);
        let replaced = match refill {
            Refill::Shadow { shadow, down } if state.column(table, shadow).is_some() => {
                Some((shadow, down))
            }
            _ => None,
        };
        if let Some((shadow, refill)) = replaced {
            // A type change: the column goes and its shadow takes its name in one statement.
            // MariaDB makes neither in place together on a table with a VIRTUAL column (1846:
            // "INPLACE ADD or DROP of virtual columns cannot be combined with other ALTER TABLE
            // actions"): there they are two, each INSTANT, with the table locked for writes
            // around them so that no statement meets it without the column.
            let has_virtual = state
                .columns(table)
                .iter()
                .any(|c| c.generated.as_ref().is_some_and(|g| !g.stored));
            let mut up = Body::new();
            let fulltext = fulltext::has_fulltext(ctx, table);
            if fulltext {
                // Beside a FULLTEXT index neither a drop nor an add is made in place without
                // blocking writes (1846), a rename is (INSTANT): the column steps aside and the
                // shadow takes its name in one statement, then an online copy drops it.
                let aside = crate::names::replaced(&column.name);
                up.alter(
                    table,
                    &format!(
                        "RENAME COLUMN {c} TO {a}, RENAME COLUMN {s} TO {c}",
                        c = q(&column.name),
                        a = q(&aside),
                        s = q(shadow)
                    ),
                    self.metadata_algorithms(),
                );
            } else if has_virtual {
                let mut drop = Body::new();
                drop.alter(
                    table,
                    &format!("DROP COLUMN {}", q(&column.name)),
                    self.drop_column_algorithms(),
                );
                up.nest(Body::when(&column_exists(table, &column.name), drop));
                let mut rename = Body::new();
                rename.alter(
                    table,
                    &format!("RENAME COLUMN {} TO {}", q(shadow), q(&column.name)),
                    self.drop_column_algorithms(),
                );
                up.nest(Body::when(
                    &format!("NOT {}", column_exists(table, &column.name)),
                    rename,
                ));
            } else {
                up.alter(
                    table,
                    &format!(
                        "DROP COLUMN {c}, RENAME COLUMN {s} TO {c}",
                        c = q(&column.name),
                        s = q(shadow)
                    ),
                    self.drop_column_algorithms(),
                );
            }
            let mut swap = self.program(scope, Body::when(&column_exists(table, shadow), up));
            // (Where this step removes the dual-write triggers, that takes the lock around it.)
            if has_virtual && scope.removes_sync.is_none() {
                crate::dialect::mysql::program::around_call(
                    &mut swap,
                    &format!("LOCK TABLES {} WRITE;", q(table)),
                    "UNLOCK TABLES;",
                );
            }
            l.up.push(swap);
            if fulltext {
                let aside = Column {
                    name: crate::names::replaced(&column.name),
                    nullable: true,
                    ..column.clone()
                };
                let mut swapped = state.clone();
                crate::step::Op::RenameColumn {
                    table: table.to_string(),
                    from: column.name.clone(),
                    to: aside.name.clone(),
                }
                .apply(&mut swapped);
                crate::step::Op::RenameColumn {
                    table: table.to_string(),
                    from: shadow.clone(),
                    to: column.name.clone(),
                }
                .apply(&mut swapped);
                let after_swap = Scope {
                    state: &swapped,
                    ..scope.clone()
                };
                l.up.extend(self.drop_column_units(ctx, &after_swap, table, &aside));
                crate::dialect::mysql::copy::copied(l);
                // A rollback after the swap: the column back from where it stepped aside.
                let mut back = Body::new();
                back.alter(
                    table,
                    &format!(
                        "RENAME COLUMN {c} TO {s}, RENAME COLUMN {a} TO {c}",
                        c = q(&column.name),
                        a = q(&aside.name),
                        s = q(shadow)
                    ),
                    self.metadata_algorithms(),
                );
                down_units.push(
                    self.program(scope, Body::when(&column_exists(table, &aside.name), back)),
                );
            }
            // MariaDB's JSON columns carry a check named after the column.
            let json = state
                .column(table, shadow)
                .filter(|c| matches!(type_of(&c.ty, state, c.origin), Ok(t) if t.eq_ignore_ascii_case("json")))
                .cloned();
            if let Some(json) = &json {
                let renamed = Column {
                    name: column.name.clone(),
                    ..json.clone()
                };
                l.up.push(self.rename_json_check(scope, table, &renamed, shadow)?);
            }
            // The rollback gives the shadow its name back, then refills the column from it.
            let mut back = Body::new();
            back.alter(
                table,
                &format!(
                    "RENAME COLUMN {c} TO {s}",
                    c = q(&column.name),
                    s = q(shadow)
                ),
                self.metadata_algorithms(),
            );
            down_units.push(self.program(
                scope,
                Body::when(
                    &format!(
                        "{} AND NOT {}",
                        column_exists(table, &column.name),
                        column_exists(table, shadow)
                    ),
                    back,
                ),
            ));
            if let Some(json) = &json {
                down_units.push(self.rename_json_check(scope, table, json, &column.name)?);
            }
            // Back by a copy where the table has a FULLTEXT index.
            let action = format!("ADD COLUMN {}{at}", column_def(&restored, state)?);
            if let Some((copy, cleanup)) =
                self.fulltext_copy(ctx, scope, table, column, fulltext::Change::Add, &action)
            {
                down_units.extend(cleanup);
                down_units.push(copy);
            }
            down_units.push(self.program(
                scope,
                Body::when(&format!("NOT {}", column_exists(table, &column.name)), down),
            ));
            match refill {
                Some(value) => down_units.push(self.refill(scope, table, column, value, strict)?),
                // Nothing to refill it from: it comes back empty, with its own definition.
                None if column.default.is_some() || !column.nullable => {
                    down_units.push(self.restore_definition(scope, table, column, strict)?)
                }
                None => {}
            }
        } else {
            let units = self.drop_column_units(ctx, scope, table, column);
            if units.len() > 1 {
                crate::dialect::mysql::copy::copied(l);
            }
            l.up.extend(units);
            // Back by a copy too where the table has a FULLTEXT index.
            let action = format!("ADD COLUMN {}{at}", column_def(&restored, state)?);
            if let Some((copy, cleanup)) =
                self.fulltext_copy(ctx, scope, table, column, fulltext::Change::Add, &action)
            {
                down_units.extend(cleanup);
                down_units.push(copy);
            }
            down_units.push(self.program(
                scope,
                Body::when(&format!("NOT {}", column_exists(table, &column.name)), down),
            ));
            match refill {
                Refill::From { value, .. } => {
                    down_units.push(self.refill(scope, table, column, value, strict)?);
                }
                _ => {
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
            &format!("MODIFY COLUMN {}", column_def(column, scope.state)?),
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
        Ok(crate::dialect::mysql::sql::unit(
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
        let state = scope.state;
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
                    state
                )?
            ),
            self.metadata_algorithms(),
        );
        if !column.nullable && strict {
            let mut strict = Body::new();
            strict.alter(
                table,
                &format!("MODIFY COLUMN {}", column_def(column, state)?),
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
}
