//! Tables: made (with the generated columns and keys their indexes need), dropped (and made
//! again, empty, by the rollback), given a name of their own through a view while a rename is
//! under way, renamed and commented.

use crate::dialect::mysql::program::Body;
use crate::dialect::mysql::sql::*;
use crate::dialect::mysql::{Mysql, Scope};
use crate::dialect::{Context, Lowered, Unit};
use crate::state::State;
use crate::step::Op;
use migc_compiler::schema::*;
use migc_grammar::Diagnostic;

impl Mysql {
    pub(super) fn lower_create_table(
        &self,
        l: &mut Lowered,
        ctx: &Context<'_>,
        scope: &Scope<'_>,
        table: &Table,
    ) -> Result<(), Diagnostic> {
        let state = scope.state;
        let declared = ctx.to.tables.get(&table.name);
        l.up.push(self.create_table(
            table,
            declared.map(|t| &t.indexes[..]).unwrap_or_default(),
            declared.map(|t| &t.foreign_keys[..]).unwrap_or_default(),
            state,
        )?);
        l.down
            .push(unit(format!("DROP TABLE IF EXISTS {};", q(&table.name))));
        l.lock = "none (new table)".into();
        l.down_loses = Some(format!(
            "rows the new application wrote to `{}`",
            table.name
        ));
        Ok(())
    }

    pub(super) fn lower_drop_table(
        &self,
        l: &mut Lowered,
        ctx: &Context<'_>,
        scope: &Scope<'_>,
        table: &Table,
    ) -> Result<(), Diagnostic> {
        let state = scope.state;
        let prog = |b: Body| self.program(scope, b);
        let mut b = Body::new();
        b.push(&format!("DROP TABLE IF EXISTS {};", q(&table.name)));
        l.up.push(prog(b));
        let deployed = ctx.from.tables.get(&table.name);
        l.down.push(self.create_table(
            table,
            deployed.map(|t| &t.indexes[..]).unwrap_or_default(),
            deployed.map(|t| &t.foreign_keys[..]).unwrap_or_default(),
            state,
        )?);
        let restored = table_state(table, state);
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
        Ok(())
    }

    pub(super) fn lower_create_table_alias(
        &self,
        l: &mut Lowered,
        table: &str,
        alias: &str,
    ) -> Result<(), Diagnostic> {
        l.up.push(unit(format!(
            "CREATE OR REPLACE VIEW {} AS SELECT * FROM {};",
            q(alias),
            q(table)
        )));
        l.down
            .push(unit(format!("DROP VIEW IF EXISTS {};", q(alias))));
        l.lock = "shared metadata lock".into();
        Ok(())
    }

    pub(super) fn lower_drop_table_alias(
        &self,
        l: &mut Lowered,
        table: &str,
        alias: &str,
    ) -> Result<(), Diagnostic> {
        // The view goes in the same statement that renames the table (below) when
        // contract renames it; on its own it is dropped here.
        l.up.push(unit(format!("DROP VIEW IF EXISTS {};", q(alias))));
        l.down.push(unit(format!(
            "CREATE OR REPLACE VIEW {} AS SELECT * FROM {};",
            q(alias),
            q(table)
        )));
        Ok(())
    }

    pub(super) fn lower_rename_table(
        &self,
        l: &mut Lowered,
        scope: &Scope<'_>,
        from: &str,
        to: &str,
    ) -> Result<(), Diagnostic> {
        let prog = |b: Body| self.program(scope, b);
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
        Ok(())
    }

    pub(super) fn lower_comment_table(
        &self,
        l: &mut Lowered,
        scope: &Scope<'_>,
        table: &str,
        text: &Option<String>,
        previous: &Option<String>,
    ) -> Result<(), Diagnostic> {
        let prog = |b: Body| self.program(scope, b);
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
        Ok(())
    }

    /// The table, with the generated columns its `indexes` (built by later steps) need.
    pub(super) fn create_table(
        &self,
        table: &Table,
        indexes: &[Index],
        foreign_keys: &[ForeignKey],
        state: &State,
    ) -> Result<Unit, Diagnostic> {
        let mut lines = Vec::new();
        let restored = table_state(table, state);
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
        // InnoDB wants an `AUTO_INCREMENT` column first in some key when the table is made: a
        // declared index that starts with it comes with the table (its own step then finds it).
        let auto_keyed = |c: &str| {
            table
                .primary_key
                .as_ref()
                .and_then(|p| p.columns.first())
                .map(String::as_str)
                == Some(c)
                || table
                    .uniques
                    .iter()
                    .any(|u| u.columns.first().map(String::as_str) == Some(c))
        };
        for c in table
            .columns
            .iter()
            .filter(|c| c.identity && !auto_keyed(&c.name))
        {
            let first = |i: &&Index| {
                i.parts.first().and_then(|p| p.column.as_deref()) == Some(c.name.as_str())
            };
            let Some(index) = table.indexes.iter().chain(indexes).find(first) else {
                continue;
            };
            let Some(columns) = index
                .parts
                .iter()
                .map(|p| p.column.as_deref().map(|c| (c, p.descending)))
                .collect::<Option<Vec<_>>>()
            else {
                continue;
            };
            let parts = key_parts(&table.name, &columns, &restored).map_err(|m| {
                unsupported(m, Some(index.origin), "declare the column `varchar(n)`")
            })?;
            let kind = if index.unique { "UNIQUE KEY" } else { "KEY" };
            lines.push(format!("  {kind} {} ({parts})", q(&index.name)));
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
        let options = super::table_options::declared(table)?;
        let mut sql = format!(
            "CREATE TABLE IF NOT EXISTS {} (\n{}\n)",
            q(&table.name),
            lines.join(",\n")
        );
        // InnoDB, unless the table's options name an engine.
        if !options.is_some_and(|o| super::table_options::names(o).iter().any(|n| n == "ENGINE")) {
            sql.push_str(" ENGINE=InnoDB");
        }
        if let Some(name) = table.collation.get(&crate::dialect::mysql::D) {
            sql.push_str(&format!(" DEFAULT {}", table_collation(name)));
        }
        if let Some(c) = &table.comment {
            sql.push_str(&format!(" COMMENT={}", lit(c)));
        }
        // Partitioning comes last, after every other option.
        if let Some(o) = options {
            sql.push(' ');
            sql.push_str(o);
        }
        sql.push(';');
        if !inline.is_empty() {
            sql = format!(
                "SET SESSION foreign_key_checks = 0;\n{sql}\nSET SESSION foreign_key_checks = 1;"
            );
        }
        Ok(unit(sql))
    }
}

/// The state with the table as declared (for lookups outside a step).
pub(crate) fn table_state_of(table: &Table, state: &State) -> State {
    table_state(table, state)
}

/// The state with a table restored as declared (for a table a rollback creates again).
pub(super) fn table_state(table: &Table, state: &State) -> State {
    let mut m = state.clone();
    Op::CreateTable {
        table: table.clone(),
    }
    .apply(&mut m);
    m
}
