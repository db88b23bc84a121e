//! Columns: added, retyped (in place when the server can, otherwise by a copy of the table),
//! given a default, renamed and commented. Every `MODIFY COLUMN` restates the whole column as
//! it stands at that step. Dropping a column is in `drop_column`, nullability in `not_null`.

use crate::dialect::mysql::program::Body;
use crate::dialect::mysql::sql::*;
use crate::dialect::mysql::{Algorithm, Mysql, Scope, D};
use crate::dialect::{Context, Lowered, Unit};
use crate::state::State;
use crate::step::{ColumnRole, Op};
use migc_compiler::schema::*;
use migc_grammar::{Diagnostic, Span};
use migc_stdlib::Dialect;
use std::collections::BTreeMap;

impl Mysql {
    pub(super) fn lower_add_column(
        &self,
        l: &mut Lowered,
        ctx: &Context<'_>,
        scope: &Scope<'_>,
        table: &str,
        column: &Column,
        role: &ColumnRole,
    ) -> Result<(), Diagnostic> {
        let state = scope.state;
        let prog = |b: Body| self.program(scope, b);
        // Where the declaration puts it; a shadow next to the column whose place it takes.
        let at = match role {
            ColumnRole::Shadow { of } if state.column(table, of).is_some() => {
                position(&[of, &column.name], &column.name, |_| true)
            }
            // After a column's shadow where it has one: the shadow takes its place at contract.
            _ => ctx.to.tables.get(table).map_or_else(String::new, |t| {
                let shadows: Vec<String> = t
                    .columns
                    .iter()
                    .map(|c| crate::names::shadow(&c.name))
                    .collect();
                let order: Vec<&str> = t
                    .columns
                    .iter()
                    .zip(&shadows)
                    .flat_map(|(c, s)| [c.name.as_str(), s.as_str()])
                    .collect();
                position(&order, &column.name, |c| state.column(table, c).is_some())
            }),
        };
        let action = format!("ADD COLUMN {}{at}", column_def(column, state)?);
        // A stored generated column is computed for every row: InnoDB adds one only by copying
        // the table under a lock, so it is the online table copy.
        if column.generated.as_ref().is_some_and(|g| g.stored) {
            l.up.push(self.copy_table(
                ctx,
                scope,
                table,
                &action,
                &column_exists(table, &column.name),
                scope.synced.iter().any(|t| t == table),
                Some(column.origin),
            )?);
            l.down.extend(self.copy_cleanup(ctx, scope, table, false));
            l.down.push(self.drop_column(scope, table, &column.name));
            crate::dialect::mysql::copy::copied(l);
            return Ok(());
        }
        // By a copy where the table has a FULLTEXT index (`fulltext.rs`).
        if let Some((copy, cleanup)) = self.fulltext_copy(
            ctx,
            scope,
            table,
            column,
            super::fulltext::Change::Add,
            &action,
        ) {
            l.up.push(copy);
            l.down.extend(cleanup);
            crate::dialect::mysql::copy::copied(l);
        }
        let mut b = Body::new();
        b.alter(table, &action, self.add_column_algorithms());
        l.up.push(prog(Body::when(
            &format!("NOT {}", column_exists(table, &column.name)),
            b,
        )));
        let mut after = state.clone();
        Op::AddColumn {
            table: table.to_string(),
            column: column.clone(),
            role: role.clone(),
            after: None,
        }
        .apply(&mut after);
        let added = Scope {
            state: &after,
            ..scope.clone()
        };
        l.down
            .extend(self.drop_column_units(ctx, &added, table, column));
        l.down_loses = role.rollback_loses(table, &column.name);
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn lower_alter_type(
        &self,
        l: &mut Lowered,
        ctx: &Context<'_>,
        scope: &Scope<'_>,
        table: &str,
        column: &str,
        from: &ColumnType,
        to: &ColumnType,
        origin: Option<Span>,
    ) -> Result<(), Diagnostic> {
        let state = scope.state;
        let prog = |b: Body| self.program(scope, b);
        let Some(current) = state.column(table, column) else {
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
        let collation = current
            .collation
            .get(&crate::dialect::mysql::D)
            .or_else(|| {
                ctx.from
                    .tables
                    .get(table)
                    .and_then(|t| t.collation.get(&crate::dialect::mysql::D))
            });
        if self.alters_type_in_place(from, to, collation.map(String::as_str)) {
            let mut b = Body::new();
            b.alter(
                table,
                &format!("MODIFY COLUMN {}", column_def(&widened, state)?),
                self.metadata_algorithms(),
            );
            l.up.push(prog(Body::when(&column_exists(table, column), b)));
        } else {
            let spelled = type_of(to, state, Default::default())?;
            l.up.push(self.copy_table(
                ctx,
                scope,
                table,
                &format!("MODIFY COLUMN {}", column_def(&widened, state)?),
                &has_type(table, column, to, &spelled),
                scope.synced.iter().any(|t| t == table),
                origin,
            )?);
            l.down.extend(self.copy_cleanup(ctx, scope, table, false));
            crate::dialect::mysql::copy::copied(l);
        }
        l.down.push(comment_unit(&format!(
            "{table}.{column} stays {}: narrowing it back copies the table",
            type_of(to, state, Default::default())?
        )));
        l.down_loses = Some(format!(
            "`{table}.{column}` keeps the wider type (it was {}): narrowing copies the table on MySQL",
            type_of(from, state, Default::default())?
        ));
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn lower_set_default(
        &self,
        l: &mut Lowered,
        scope: &Scope<'_>,
        table: &str,
        column: &str,
        default: &Option<Expr>,
        previous: &Option<Expr>,
    ) -> Result<(), Diagnostic> {
        let state = scope.state;
        let prog = |b: Body| self.program(scope, b);
        let ty = state.column(table, column).map(|c| c.ty.clone());
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
        Ok(())
    }

    pub(super) fn lower_rename_column(
        &self,
        l: &mut Lowered,
        scope: &Scope<'_>,
        table: &str,
        from: &str,
        to: &str,
    ) -> Result<(), Diagnostic> {
        let prog = |b: Body| self.program(scope, b);
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
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn lower_comment_column(
        &self,
        l: &mut Lowered,
        scope: &Scope<'_>,
        table: &str,
        column: &str,
        text: &Option<String>,
        previous: &Option<String>,
        origin: Option<Span>,
    ) -> Result<(), Diagnostic> {
        let state = scope.state;
        let current = self.current(state, table, column, origin)?;
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
        Ok(())
    }

    /// A column's own collation: restated in place (INSTANT, or INPLACE where an index reads
    /// the column) within its character set and from `utf8mb3` to `utf8mb4`; to another
    /// character set the table is copied online, as both servers would copy it.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn lower_set_collation(
        &self,
        l: &mut Lowered,
        ctx: &Context<'_>,
        scope: &Scope<'_>,
        table: &str,
        column: &str,
        collation: &BTreeMap<Dialect, String>,
        previous: &BTreeMap<Dialect, String>,
        origin: Option<Span>,
    ) -> Result<(), Diagnostic> {
        let state = scope.state;
        let current = self.current(state, table, column, origin)?;
        let table_collation = ctx
            .from
            .tables
            .get(table)
            .and_then(|t| t.collation.get(&D))
            .cloned();
        let effective =
            |m: &BTreeMap<Dialect, String>| m.get(&D).cloned().or(table_collation.clone());
        let (was, now) = (effective(previous), effective(collation));
        let changed = Column {
            collation: collation.clone(),
            ..current.clone()
        };
        let (set_was, set_now) = (
            was.as_deref().map(character_set),
            now.as_deref().map(character_set),
        );
        let in_place =
            set_was == set_now || (set_was == Some("utf8mb3") && set_now == Some("utf8mb4"));
        if in_place {
            l.up.push(self.modify(scope, table, &changed, self.metadata_algorithms()));
        } else {
            let done = match &now {
                Some(name) => has_collation(table, column, name),
                None => "FALSE".to_string(),
            };
            l.up.push(self.copy_table(
                ctx,
                scope,
                table,
                &format!("MODIFY COLUMN {}", column_def(&changed, state)?),
                &done,
                scope.synced.iter().any(|t| t == table),
                origin,
            )?);
            l.down.extend(self.copy_cleanup(ctx, scope, table, false));
            crate::dialect::mysql::copy::copied(l);
        }
        let back = Column {
            collation: previous.clone(),
            ..current
        };
        if in_place {
            l.down
                .push(self.modify(scope, table, &back, self.metadata_algorithms()));
        } else {
            l.down.push(comment_unit(&format!(
                "{table}.{column} keeps its new character set: changing it back copies the table"
            )));
            l.down_loses = Some(format!(
                "`{table}.{column}` keeps its new character set: changing it back copies the table on MySQL"
            ));
        }
        Ok(())
    }

    /// A table's collation: the table's default changes and its text columns naming none of
    /// their own are restated, which converts them, by the online table copy since that
    /// rewrites every row; a column with a collation of its own keeps it (`CONVERT TO` would
    /// convert it too). The rollback keeps the new one,
    /// as for a column: converting back copies the table again and may not hold what the new
    /// application wrote.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn lower_set_table_collation(
        &self,
        l: &mut Lowered,
        ctx: &Context<'_>,
        scope: &Scope<'_>,
        table: &str,
        collation: &BTreeMap<Dialect, String>,
        previous: &BTreeMap<Dialect, String>,
        origin: Option<Span>,
    ) -> Result<(), Diagnostic> {
        let (Some(now), was) = (collation.get(&D), previous.get(&D)) else {
            l.up.push(comment_unit(&format!(
                "{table} keeps its collation: the declaration names none"
            )));
            l.down
                .push(comment_unit(&format!("{table} keeps its collation")));
            return Ok(());
        };
        let mut actions = vec![format!(
            "DEFAULT CHARACTER SET {}{}",
            q(character_set(now)),
            if now.contains('_') {
                format!(" COLLATE {}", q(now))
            } else {
                String::new()
            }
        )];
        let texty = |c: &Column| match &c.ty {
            ColumnType::Native { spellings } => spellings.get(&D).is_some_and(|s| {
                let s = s.to_ascii_lowercase();
                s.contains("char")
                    || s.contains("text")
                    || s.starts_with("enum")
                    || s.starts_with("set")
            }),
            other => other.holds_text(),
        };
        if let Some(t) = scope.state.table(table) {
            for c in t
                .columns
                .iter()
                .filter(|c| !c.def.collation.contains_key(&D) && texty(&c.def))
            {
                actions.push(format!(
                    "MODIFY COLUMN {}",
                    column_def(&c.def, scope.state)?
                ));
            }
        }
        l.up.push(self.copy_table(
            ctx,
            scope,
            table,
            &actions.join(", "),
            &table_has_collation(table, now),
            scope.synced.iter().any(|t| t == table),
            origin,
        )?);
        l.down.extend(self.copy_cleanup(ctx, scope, table, false));
        l.down.push(comment_unit(&format!(
            "{table} keeps its new collation: changing it back copies the table"
        )));
        l.down_loses = Some(format!(
            "`{table}` keeps its new collation{}: changing it back copies the table on MySQL",
            was.map(|w| format!(" (it was `{w}`)")).unwrap_or_default()
        ));
        crate::dialect::mysql::copy::copied(l);
        Ok(())
    }

    /// A column restated right after another (`FIRST` for none): INSTANT on MariaDB 10.4+ and
    /// MySQL 8.0.29+, INPLACE before.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn lower_move_column(
        &self,
        l: &mut Lowered,
        ctx: &Context<'_>,
        scope: &Scope<'_>,
        table: &str,
        column: &str,
        after: &Option<String>,
        previous: &Option<String>,
        origin: Option<Span>,
    ) -> Result<(), Diagnostic> {
        let state = scope.state;
        let current = self.current(state, table, column, origin)?;
        let def = column_def(&current, state)?;
        let place = |a: &Option<String>| match a {
            Some(a) => format!(" AFTER {}", q(a)),
            None => " FIRST".to_string(),
        };
        // Beside a FULLTEXT index a column moves only by a copy of the table (1846).
        let fulltext = super::fulltext::has_fulltext(ctx, table);
        let moved = |to: &Option<String>| -> Result<Unit, Diagnostic> {
            let action = format!("MODIFY COLUMN {def}{}", place(to));
            if fulltext {
                let synced = scope.synced.iter().any(|t| t == table);
                let done = column_follows(table, column, to.as_deref());
                return self.copy_table(ctx, scope, table, &action, &done, synced, origin);
            }
            let mut b = Body::new();
            b.alter(table, &action, self.metadata_algorithms());
            Ok(self.program(scope, Body::when(&column_exists(table, column), b)))
        };
        l.up.push(moved(after)?);
        // Back after the column it followed, while that one is there.
        let back_after = previous
            .as_ref()
            .filter(|p| state.column(table, p).is_some())
            .cloned();
        if fulltext {
            l.down.extend(self.copy_cleanup(ctx, scope, table, false));
            crate::dialect::mysql::copy::copied(l);
        }
        if fulltext && (back_after.is_some() || previous.is_none()) {
            l.down.push(moved(&back_after)?);
        } else if back_after.is_some() || previous.is_none() {
            let mut down = Body::new();
            down.alter(
                table,
                &format!("MODIFY COLUMN {def}{}", place(&back_after)),
                self.metadata_algorithms(),
            );
            l.down
                .push(self.program(scope, Body::when(&column_exists(table, column), down)));
        }
        Ok(())
    }

    /// `ON UPDATE CURRENT_TIMESTAMP` given to or taken from a column: the column restated
    /// (metadata only, INSTANT).
    #[allow(clippy::too_many_arguments)]
    pub(super) fn lower_set_on_update(
        &self,
        l: &mut Lowered,
        scope: &Scope<'_>,
        table: &str,
        column: &str,
        on_update: bool,
        origin: Option<Span>,
    ) -> Result<(), Diagnostic> {
        let current = self.current(scope.state, table, column, origin)?;
        for (to, units) in [(on_update, &mut l.up), (!on_update, &mut l.down)] {
            let c = Column {
                on_update: to,
                ..current.clone()
            };
            units.push(self.modify(scope, table, &c, self.metadata_algorithms()));
        }
        Ok(())
    }

    /// The column as it stands before the step (a column the plan adds is in the state too).
    pub(super) fn current(
        &self,
        state: &State,
        table: &str,
        column: &str,
        origin: Option<migc_grammar::Span>,
    ) -> Result<Column, Diagnostic> {
        state.column(table, column).cloned().ok_or_else(|| {
            unsupported(
                format!("column `{table}.{column}` is unknown at this step"),
                origin,
                "plan from the deployed schema",
            )
        })
    }

    /// `MODIFY COLUMN` with the column's complete definition, while the column exists.
    pub(super) fn modify(
        &self,
        scope: &Scope<'_>,
        table: &str,
        column: &Column,
        algorithms: &[Algorithm],
    ) -> Unit {
        let def = match column_def(column, scope.state) {
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
}
