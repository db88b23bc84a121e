//! Backfills: the phase script's single fill, and the same fill batch by batch for an executor.

use super::*;

pub(super) fn backfill_sql(
    table: &str,
    assignments: &[(String, Expr)],
    guarded: bool,
    ck: &mut Checks,
) -> Result<Vec<String>, Diagnostic> {
    let t = q(table);
    let mut sets = Vec::new();
    let mut pending = Vec::new();
    let mut left = Vec::new();
    for (c, e) in assignments {
        let value = expr(e)?;
        sets.push(format!("{0} = coalesce({0}, {value})", q(c)));
        pending.push(format!("{} IS NULL", q(c)));
        left.push(format!("({} IS NULL AND ({value}) IS NOT NULL)", q(c)));
    }
    let mut sql = Vec::new();
    if guarded {
        sql.push(comment(
            "the dual-write trigger lets the backfill's writes through",
        ));
        sql.push(format!(
            "INSERT OR REPLACE INTO {} (active) VALUES (1);",
            q(&guard_name(table))
        ));
    }
    sql.push(format!(
        "UPDATE {t} SET {} WHERE {};",
        sets.join(", "),
        pending.join(" OR ")
    ));
    if guarded {
        sql.push(format!("DELETE FROM {};", q(&guard_name(table))));
    }
    sql.push(ck.record(
        "backfill",
        &format!("NOT EXISTS (SELECT 1 FROM {t} WHERE {})", left.join(" OR ")),
    ));
    Ok(sql)
}
