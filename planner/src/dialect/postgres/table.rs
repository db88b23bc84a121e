//! Tables: created, dropped, renamed (the new name first an alias view), commented.

use super::super::{Lowered, Unit};
use super::*;
use migc_compiler::schema::*;
use migc_grammar::Diagnostic;

impl Postgres {
    /// `CREATE TABLE IF NOT EXISTS` with its columns, keys, checks and comments; its indexes and
    /// foreign keys are added apart.
    pub(super) fn create_table(&self, table: &Table) -> Result<Vec<Unit>, Diagnostic> {
        let mut lines = Vec::new();
        for c in &table.columns {
            lines.push(format!("  {}", column_def(c)?));
        }
        if let Some(pk) = &table.primary_key {
            lines.push(format!(
                "  CONSTRAINT {} PRIMARY KEY ({})",
                q(&pk.name),
                columns(&pk.columns)
            ));
        }
        for u in &table.uniques {
            lines.push(format!(
                "  CONSTRAINT {} UNIQUE ({})",
                q(&u.name),
                columns(&u.columns)
            ));
        }
        for ck in &table.checks {
            lines.push(format!(
                "  CONSTRAINT {} CHECK ({})",
                q(&ck.name),
                expr(&ck.expr)?
            ));
        }
        let mut sql = vec![format!(
            "CREATE TABLE IF NOT EXISTS {} (\n{}\n);",
            q(&table.name),
            lines.join(",\n")
        )];
        if let Some(c) = &table.comment {
            sql.push(format!(
                "COMMENT ON TABLE {} IS {};",
                q(&table.name),
                lit(c)
            ));
        }
        for c in &table.columns {
            if let Some(text) = &c.comment {
                sql.push(format!(
                    "COMMENT ON COLUMN {}.{} IS {};",
                    q(&table.name),
                    q(&c.name),
                    lit(text)
                ));
            }
        }
        Ok(vec![unit(sql.join("\n"))])
    }
}

/// Creates the table; the rollback drops it, with the rows the new application wrote.
pub(super) fn create(pg: &Postgres, l: &mut Lowered, table: &Table) -> Result<(), Diagnostic> {
    l.up = pg.create_table(table)?;
    l.down
        .push(unit(format!("DROP TABLE IF EXISTS {};", q(&table.name))));
    l.lock = "none (new table)".into();
    l.down_loses = Some(format!(
        "rows the new application wrote to `{}`",
        table.name
    ));
    Ok(())
}

/// Drops the table; the rollback creates it again, empty, with its indexes and foreign keys.
pub(super) fn drop(pg: &Postgres, l: &mut Lowered, table: &Table) -> Result<(), Diagnostic> {
    l.up.push(pg.retry(&[format!("DROP TABLE IF EXISTS {};", q(&table.name))]));
    l.down = pg.create_table(table)?;
    for i in &table.indexes {
        l.down.extend(pg.create_index(&table.name, i)?);
    }
    for fk in &table.foreign_keys {
        l.down
            .push(pg.add_constraint(&table.name, &fk.name, &fk_clause(fk), true));
    }
    l.down_loses = Some(format!(
        "the rows of `{}` (the table comes back empty)",
        table.name
    ));
    Ok(())
}

/// The new name of a renamed table, as a view over the deployed table until the rename.
pub(super) fn create_alias(l: &mut Lowered, table: &str, alias: &str) {
    l.up.push(unit(format!(
        "CREATE OR REPLACE VIEW {} AS SELECT * FROM {};",
        q(alias),
        q(table)
    )));
    l.down
        .push(unit(format!("DROP VIEW IF EXISTS {};", q(alias))));
    l.lock = "ACCESS SHARE".into();
}

/// Drops the alias view while the name is a view; the rollback creates it again.
pub(super) fn drop_alias(pg: &Postgres, l: &mut Lowered, table: &str, alias: &str) {
    l.up.push(pg.retry(&[format!(
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

/// Renames the table while it has its old name and the new one is free; the rollback renames
/// it back.
pub(super) fn rename(pg: &Postgres, l: &mut Lowered, from: &str, to: &str) {
    let rename = |a: &str, b: &str| {
        pg.retry(&[format!(
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

/// Sets the table's comment; the rollback sets the previous one.
pub(super) fn comment(
    pg: &Postgres,
    l: &mut Lowered,
    table: &str,
    text: &Option<String>,
    previous: &Option<String>,
) {
    l.up.push(pg.comment(format!("TABLE {}", q(table)), text));
    l.down
        .push(pg.comment(format!("TABLE {}", q(table)), previous));
    l.lock = SUE.into();
}
