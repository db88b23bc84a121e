//! Backfills: the phase script's single fill, and the same fill batch by batch for an executor.
//!
//! A script that `sqlite3 db < file` reads cannot loop, so the backfill phase script fills every
//! row still needing it with one `UPDATE` in the phase's transaction. The manifest carries the
//! same fill as a [`Batch`]: an executor walks the table's key (the primary key, or `rowid` for a
//! table without one) and commits each batch on its own, so the applications' writes run between
//! batches. Both forms update only rows still needing it and count the rows left the same way.

use super::*;

/// The parts both forms share: the assignments, the rows still needing one, the rows left.
struct Fill {
    sets: Vec<String>,
    pending: Vec<String>,
    left: Vec<String>,
}

fn fill(assignments: &[(String, Expr)]) -> Result<Fill, Diagnostic> {
    let mut f = Fill {
        sets: Vec::new(),
        pending: Vec::new(),
        left: Vec::new(),
    };
    for (c, e) in assignments {
        let value = expr(e)?;
        f.sets.push(format!("{0} = coalesce({0}, {value})", q(c)));
        f.pending.push(format!("{} IS NULL", q(c)));
        f.left
            .push(format!("({} IS NULL AND ({value}) IS NOT NULL)", q(c)));
    }
    Ok(f)
}

/// Marks the backfill's writes so that the dual-write update trigger lets them through.
fn mark(table: &str) -> String {
    format!(
        "INSERT OR REPLACE INTO {} (active) VALUES (1);",
        q(&guard_name(table))
    )
}

fn unmark(table: &str) -> String {
    format!("DELETE FROM {};", q(&guard_name(table)))
}

pub(super) fn backfill_sql(
    table: &str,
    assignments: &[(String, Expr)],
    guarded: bool,
    ck: &mut Checks,
) -> Result<Vec<String>, Diagnostic> {
    let t = q(table);
    let f = fill(assignments)?;
    let mut sql = vec![comment(
        "one UPDATE of every row still to fill (a script cannot loop; the manifest has the batched form)",
    )];
    if guarded {
        sql.push(comment(
            "the dual-write trigger lets the backfill's writes through",
        ));
        sql.push(mark(table));
    }
    sql.push(format!(
        "UPDATE {t} SET {} WHERE {};",
        f.sets.join(", "),
        f.pending.join(" OR ")
    ));
    if guarded {
        sql.push(unmark(table));
    }
    sql.push(ck.record(
        "backfill",
        &format!(
            "NOT EXISTS (SELECT 1 FROM {t} WHERE {})",
            f.left.join(" OR ")
        ),
    ));
    Ok(sql)
}

/// The key a batched backfill walks: the primary key, or `rowid` for a table without one.
pub(super) fn batch_key(t: &state::Table) -> Vec<String> {
    match &t.primary_key {
        Some(pk) if !pk.columns.is_empty() => pk.columns.clone(),
        _ => vec!["rowid".to_string()],
    }
}

/// The same fill as [`backfill_sql`], one batch at a time for an executor (see [`Batch`]).
pub(super) fn batch(
    t: &state::Table,
    assignments: &[(String, Expr)],
    guarded: bool,
) -> Result<Batch, Diagnostic> {
    let table = q(&t.name);
    let key = batch_key(t);
    let key_list = key.iter().map(|c| q(c)).collect::<Vec<_>>().join(", ");
    let f = fill(assignments)?;
    Ok(Batch {
        table: t.name.clone(),
        key,
        next: format!(
            "SELECT {key_list} FROM {table} WHERE {{after}} ORDER BY {key_list} LIMIT {{limit}};"
        ),
        setup: if guarded {
            vec![mark(&t.name)]
        } else {
            Vec::new()
        },
        fill: format!(
            "UPDATE {table} SET {} WHERE {{after}} AND {{upto}} AND ({});",
            f.sets.join(", "),
            f.pending.join(" OR ")
        ),
        teardown: if guarded {
            vec![unmark(&t.name)]
        } else {
            Vec::new()
        },
        remaining: format!(
            "SELECT count(*) FROM {table} WHERE {};",
            f.left.join(" OR ")
        ),
    })
}
