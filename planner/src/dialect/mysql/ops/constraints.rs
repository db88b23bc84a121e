//! Unique constraints (unique indexes in MySQL), the primary key (replaced in one statement,
//! never dropped alone) and renamed constraints of every kind.

use crate::dialect::mysql::program::Body;
use crate::dialect::mysql::sql::*;
use crate::dialect::mysql::{Mysql, Scope};
use crate::dialect::{Context, Lowered, Unit};
use crate::step::Constraint;
use migc_compiler::schema::*;
use migc_grammar::{Diagnostic, Span};

impl Mysql {
    pub(super) fn lower_attach_unique(
        &self,
        l: &mut Lowered,
        table: &str,
        unique: &Unique,
    ) -> Result<(), Diagnostic> {
        let text = format!(
            "{table}: the unique index {} is the constraint in MySQL, nothing to attach",
            unique.name
        );
        l.up.push(comment_unit(&text));
        l.down.push(comment_unit(&text));
        l.lock = "none".into();
        Ok(())
    }

    pub(super) fn lower_drop_unique(
        &self,
        l: &mut Lowered,
        ctx: &Context<'_>,
        scope: &Scope<'_>,
        table: &str,
        unique: &Unique,
        replaced_by: &Option<String>,
    ) -> Result<(), Diagnostic> {
        let state = scope.state;
        let prog = |b: Body| self.program(scope, b);
        let drop = self.drop_index_body(ctx, table, &unique.name);
        let mut condition = index_exists(table, &unique.name);
        if let Some(temp) = replaced_by {
            condition = format!("{condition} AND {}", index_exists(table, temp));
        }
        l.up.push(prog(Body::when(&condition, drop)));
        let index = Index::unique_over(&unique.name, &unique.columns, unique.origin);
        l.down
            .push(self.create_index(ctx, scope, table, &index, state)?);
        l.down_loses = Some("nothing, but it fails if duplicates were written meanwhile".into());
        Ok(())
    }

    pub(super) fn lower_drop_primary_key(
        &self,
        table: &str,
        origin: Option<Span>,
    ) -> Result<(), Diagnostic> {
        Err(unsupported(
            format!("dropping the primary key of `{table}` alone copies the table on MySQL"),
            origin,
            "replace the primary key instead of dropping it",
        ))
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn lower_swap_primary_key(
        &self,
        l: &mut Lowered,
        scope: &Scope<'_>,
        table: &str,
        old: &PrimaryKey,
        new: &PrimaryKey,
        index: &str,
        origin: Option<Span>,
    ) -> Result<(), Diagnostic> {
        let state = scope.state;
        let prog = |b: Body| self.program(scope, b);
        // Dropping and adding the key in one statement rebuilds in place with writes
        // going on; dropping it alone would copy.
        let keyed = |cols: &[String]| {
            let parts: Vec<(&str, bool)> = cols.iter().map(|c| (c.as_str(), false)).collect();
            key_parts(table, &parts, state)
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
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn lower_rename_constraint(
        &self,
        l: &mut Lowered,
        ctx: &Context<'_>,
        scope: &Scope<'_>,
        table: &str,
        from: &str,
        to: &str,
        constraint: &Constraint,
        origin: Option<migc_grammar::Span>,
    ) -> Result<(), Diagnostic> {
        if let Constraint::PrimaryKey = constraint {
            let text = format!("{from} becomes {to}: MySQL names every primary key PRIMARY");
            l.up.push(comment_unit(&text));
            l.down.push(comment_unit(&text));
            l.lock = "none".into();
        } else if let Constraint::Unique = constraint {
            l.up.push(self.rename_index(ctx, scope, table, from, to));
            l.down.push(self.rename_index(ctx, scope, table, to, from));
        } else if let Constraint::ForeignKey(fk) = constraint {
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
        } else if let Constraint::Check(ck) = constraint {
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
            crate::dialect::mysql::copy::copied(l);
        } else {
            return Err(unsupported(
                format!("constraint `{to}` on `{table}` cannot be renamed on MySQL/MariaDB"),
                origin,
                "declare the constraint on its table",
            ));
        }
        Ok(())
    }
}
