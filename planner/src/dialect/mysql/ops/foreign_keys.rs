//! Foreign keys: added in place without checking the rows (`foreign_key_checks = 0`), which a
//! query then checks (the counterpart of `NOT VALID` and `VALIDATE`), and dropped with the
//! index InnoDB made for them.

use crate::dialect::mysql::program::Body;
use crate::dialect::mysql::sql::*;
use crate::dialect::mysql::{Mysql, Scope};
use crate::dialect::{Lowered, Unit};
use crate::step::Constraint;
use migc_compiler::schema::*;
use migc_grammar::Diagnostic;

impl Mysql {
    pub(super) fn lower_add_foreign_key(
        &self,
        l: &mut Lowered,
        scope: &Scope<'_>,
        table: &str,
        fk: &ForeignKey,
        not_valid: &bool,
    ) -> Result<(), Diagnostic> {
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
        Ok(())
    }

    /// A foreign key's rows checked; a `NOT NULL` check needs none (`SET NOT NULL` checks).
    pub(super) fn lower_validate_constraint(
        &self,
        l: &mut Lowered,
        scope: &Scope<'_>,
        table: &str,
        name: &str,
        constraint: &Constraint,
    ) -> Result<(), Diagnostic> {
        match constraint {
            Constraint::ForeignKey(fk) => {
                l.up.push(self.check_foreign_key(scope, table, fk));
                l.lock = "none (a query)".into();
                l.scan = true;
            }
            _ => {
                l.up.push(comment_unit(&format!(
                    "{name}: nothing to validate, SET NOT NULL checks the rows"
                )));
                l.lock = "none".into();
            }
        }
        l.down
            .push(comment_unit(&format!("nothing to undo for {name}")));
        Ok(())
    }

    pub(super) fn lower_drop_foreign_key(
        &self,
        l: &mut Lowered,
        scope: &Scope<'_>,
        table: &str,
        fk: &ForeignKey,
        replaced_by: &Option<String>,
    ) -> Result<(), Diagnostic> {
        l.up.push(self.drop_foreign_key(scope, table, &fk.name, replaced_by.as_deref()));
        l.down.push(self.add_foreign_key(scope, table, fk));
        l.down.push(self.check_foreign_key(scope, table, fk));
        Ok(())
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
}
