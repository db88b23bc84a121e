//! `NOT NULL` without a long lock: a `CHECK (c IS NOT NULL)` is added `NOT VALID`, validated
//! (a scan under SHARE UPDATE EXCLUSIVE only), then proves `SET NOT NULL`, which therefore does
//! not scan.

use super::super::Lowered;
use super::*;

/// `CHECK (c IS NOT NULL)` added `NOT VALID`: once validated, it proves `SET NOT NULL`
/// without a scan.
pub(super) fn add_check(pg: &Postgres, l: &mut Lowered, table: &str, column: &str, name: &str) {
    l.up.push(pg.add_constraint(
        table,
        name,
        &format!("CHECK ({} IS NOT NULL)", q(column)),
        true,
    ));
    l.down.push(pg.drop_constraint(table, name));
}

/// `SET NOT NULL`, proven by the validated check when there is one (then dropped); the rollback
/// drops `NOT NULL` and adds the check back unvalidated.
pub(super) fn set(pg: &Postgres, l: &mut Lowered, table: &str, column: &str, check: Option<&str>) {
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
    l.up.push(pg.retry(&up));
    l.down.push(pg.retry(&[format!(
        "ALTER TABLE {} ALTER COLUMN {} DROP NOT NULL;",
        q(table),
        q(column)
    )]));
    if let Some(c) = check {
        l.down.push(pg.add_constraint(
            table,
            c,
            &format!("CHECK ({} IS NOT NULL)", q(column)),
            true,
        ));
    }
}

/// Drops `NOT NULL`; the rollback sets it again unless rows hold null.
pub(super) fn drop(pg: &Postgres, l: &mut Lowered, table: &str, column: &str) {
    // Guarded by the column: contract drops it later, and may run again.
    l.up.push(pg.retry(&[format!(
        "IF {} THEN\n  ALTER TABLE {} ALTER COLUMN {} DROP NOT NULL;\nEND IF;",
        column_exists(table, column),
        q(table),
        q(column)
    )]));
    let check = crate::names::not_null_check(table, column);
    l.down.push(pg.add_constraint(
        table,
        &check,
        &format!("CHECK ({} IS NOT NULL)", q(column)),
        true,
    ));
    // Rows the new application wrote may hold null: then the column stays nullable
    // (with the unvalidated check) rather than the rollback failing.
    l.down.push(pg.retry(&[format!(
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
