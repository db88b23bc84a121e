//! Columns: added, dropped, retyped in place, their defaults, names and comments. `NOT NULL`
//! has its own file, `not_null.rs`.

use super::super::{Context, Lowered, Unit};
use super::*;
use crate::step::{ColumnRole, Refill};
use migc_compiler::schema::*;
use migc_grammar::{Diagnostic, Span};

impl Postgres {
    /// `COMMENT ON` the target: the text, or none.
    pub(super) fn comment(&self, target: String, text: &Option<String>) -> Unit {
        unit(format!(
            "COMMENT ON {target} IS {};",
            text.as_deref().map_or("NULL".to_string(), lit)
        ))
    }
}

/// Adds the column; the rollback drops it, with what the new application wrote to it unless
/// the column is computed from the deployed shape ([`ColumnRole`]).
pub(super) fn add(
    pg: &Postgres,
    l: &mut Lowered,
    table: &str,
    column: &Column,
    role: &ColumnRole,
) -> Result<(), Diagnostic> {
    l.up.push(pg.retry(&[format!(
        "ALTER TABLE {} ADD COLUMN IF NOT EXISTS {};",
        q(table),
        column_def(column)?
    )]));
    if let Some(text) = &column.comment {
        l.up.push(pg.comment(
            format!("COLUMN {}.{}", q(table), q(&column.name)),
            &Some(text.clone()),
        ));
    }
    l.down.push(pg.retry(&[format!(
        "ALTER TABLE {} DROP COLUMN IF EXISTS {};",
        q(table),
        q(&column.name)
    )]));
    l.down_loses = role.rollback_loses(table, &column.name);
    // A stored generated column is computed for every row as it is added: the table is
    // rewritten under the exclusive lock.
    if column.generated.is_some() {
        l.rewrite = true;
        l.scan = true;
    }
    Ok(())
}

/// Drops the column, or puts its shadow in its place (a type change); the rollback adds it
/// back, nullable until refilled, and refills it as the step says ([`Refill`]).
pub(super) fn drop(
    pg: &Postgres,
    l: &mut Lowered,
    table: &str,
    column: &Column,
    refill: &Refill,
) -> Result<(), Diagnostic> {
    l.down_loses = refill.rollback_loses(table, &column.name);
    let mut restored = column.clone();
    restored.nullable = true;
    if !matches!(refill, Refill::Empty) {
        // Refilled below: a default would fill it first.
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
    match refill {
        Refill::Shadow { shadow, down: back } => {
            // The column is replaced by its shadow (a type change): drop it only while
            // the shadow is there to take its place, so a re-run drops nothing.
            // One transaction: the dual-write trigger goes, the column goes and its
            // shadow takes its name, so no write falls in between.
            l.up.push(pg.retry(&[format!(
                "IF {} THEN\n  DROP TRIGGER IF EXISTS {} ON {t};\n  ALTER TABLE {t} DROP COLUMN IF EXISTS {c};\n  ALTER TABLE {t} RENAME COLUMN {s} TO {c};\nEND IF;",
                column_exists(table, shadow),
                q(&pg.sync_function(table)),
                t = q(table),
                c = q(&column.name),
                s = q(shadow)
            )]));
            // The rollback refills it from the shadow through `down`.
            if let Some(back) = back {
                down.push(format!(
                    "IF {} THEN\n  UPDATE {} SET {} = {} WHERE {} IS NULL;\nEND IF;",
                    column_exists(table, shadow),
                    q(table),
                    q(&column.name),
                    expr(back)?,
                    q(&column.name)
                ));
                if !column.nullable {
                    down.push(format!(
                        "ALTER TABLE {} ALTER COLUMN {} SET NOT NULL;",
                        q(table),
                        q(&column.name)
                    ));
                }
            }
            if let Some(d) = &column.default {
                down.push(format!(
                    "ALTER TABLE {} ALTER COLUMN {} SET DEFAULT {};",
                    q(table),
                    q(&column.name),
                    expr(d)?
                ));
            }
        }
        Refill::From { value, .. } => {
            l.up.push(pg.retry(&[format!(
                "ALTER TABLE {} DROP COLUMN IF EXISTS {};",
                q(table),
                q(&column.name)
            )]));
            // Left through a rename, a transform or a `retire … down`: the rollback computes
            // it again from the new columns, as the trigger did.
            down.push(format!(
                "UPDATE {} SET {} = {} WHERE {} IS NULL;",
                q(table),
                q(&column.name),
                expr(value)?,
                q(&column.name)
            ));
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
        Refill::Empty => {
            l.up.push(pg.retry(&[format!(
                "ALTER TABLE {} DROP COLUMN IF EXISTS {};",
                q(table),
                q(&column.name)
            )]));
        }
    }
    l.down.push(pg.retry(&down));
    Ok(())
}

/// A type change made in place (a widening), with the views that read the table set aside.
#[allow(clippy::too_many_arguments)]
pub(super) fn alter_type(
    pg: &Postgres,
    ctx: &Context<'_>,
    l: &mut Lowered,
    table: &str,
    column: &str,
    from: &ColumnType,
    to: &ColumnType,
    origin: Span,
) -> Result<(), Diagnostic> {
    // A type given without `COLLATE` takes its type's default collation: the column's stays.
    let collate = ctx
        .from
        .tables
        .get(table)
        .and_then(|t| t.column(column))
        .and_then(|c| c.collation.get(&D))
        .map(|name| format!(" COLLATE {}", q(name)))
        .unwrap_or_default();
    let alter = |ty: &ColumnType| -> Result<Unit, Diagnostic> {
        let statement = format!(
            "ALTER TABLE {} ALTER COLUMN {} TYPE {}{collate};",
            q(table),
            q(column),
            type_of(ty, origin)?
        );
        Ok(pg.retry(&[with_views_set_aside(table, &[statement])]))
    };
    l.up.push(alter(to)?);
    // The rollback keeps the wider type: narrowing rewrites the table under an exclusive lock
    // and fails on a value the new application wrote that does not fit the old type, so that
    // rollback could neither finish nor keep that row.
    l.down.push(comment_unit(&format!(
        "{table}.{column} stays {}: narrowing it back rewrites the table and fails on longer values",
        type_of(to, origin)?
    )));
    l.down_loses = Some(format!(
        "`{table}.{column}` keeps the wider type (it was {}): narrowing back would rewrite the table and fail on the new application's values",
        type_of(from, origin)?
    ));
    Ok(())
}

/// Sets or drops the default; the rollback puts the previous one back.
pub(super) fn set_default(
    pg: &Postgres,
    l: &mut Lowered,
    table: &str,
    column: &str,
    default: &Option<Expr>,
    previous: &Option<Expr>,
) -> Result<(), Diagnostic> {
    let set = |d: &Option<Expr>| -> Result<Unit, Diagnostic> {
        let action = match d {
            Some(e) => format!("SET DEFAULT {}", expr(e)?),
            None => "DROP DEFAULT".to_string(),
        };
        // Guarded by the column: a down script re-run after it dropped the column.
        Ok(pg.retry(&[format!(
            "IF EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = {} AND attname = {} AND NOT attisdropped) THEN\n  ALTER TABLE {} ALTER COLUMN {} {action};\nEND IF;",
            regclass(table),
            lit(column),
            q(table),
            q(column)
        )]))
    };
    l.up.push(set(default)?);
    l.down.push(set(previous)?);
    Ok(())
}

/// Renames the column while it has its old name and the new one is free; the rollback renames
/// it back.
pub(super) fn rename(pg: &Postgres, l: &mut Lowered, table: &str, from: &str, to: &str) {
    let rename = |a: &str, b: &str| {
        pg.retry(&[format!(
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

/// Sets the column's comment; the rollback sets the previous one.
pub(super) fn comment(
    pg: &Postgres,
    l: &mut Lowered,
    table: &str,
    column: &str,
    text: &Option<String>,
    previous: &Option<String>,
) {
    let target = format!("COLUMN {}.{}", q(table), q(column));
    l.up.push(pg.comment(target.clone(), text));
    l.down.push(pg.comment(target, previous));
    l.lock = SUE.into();
}
