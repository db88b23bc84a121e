//! Batched, resumable backfills.

use super::super::{Batch, Lowered, Unit};
use super::*;
use crate::step::Assignment;
use migc_compiler::schema::*;
use migc_grammar::Diagnostic;

impl Postgres {
    /// A batched, resumable backfill: walks the primary key in order up to the largest key
    /// present at the start, updates only rows still needing it, commits each batch, pauses
    /// between batches as [`super::pace`] says and reports progress. `SET migc.batch_size` / `migc.pause_ms` fix its batches.
    pub(super) fn backfill(
        &self,
        table: &str,
        key: &[(String, ColumnType)],
        assignments: &[Assignment],
    ) -> Result<Vec<Unit>, Diagnostic> {
        if key.is_empty() {
            return Ok(vec![outside(do_block(
                &self.page_walk(table, assignments)?,
            ))]);
        }
        let t = q(table);
        let mut declare = String::new();
        for (i, (_, ty)) in key.iter().enumerate() {
            let ty = type_of(ty, migc_grammar::Span::default())?;
            declare.push_str(&format!("  last_{i} {ty};\n  max_{i} {ty};\n"));
        }
        let key_cols: Vec<String> = key.iter().map(|(c, _)| q(c)).collect();
        let key_list = key_cols.join(", ");
        let tuple = |prefix: &str| {
            let v: Vec<String> = (0..key.len()).map(|i| format!("{prefix}_{i}")).collect();
            format!("({})", v.join(", "))
        };
        let order_desc: Vec<String> = key_cols.iter().map(|c| format!("{c} DESC")).collect();
        let Fill { sets, pending, .. } = fill(table, assignments)?;
        let join: Vec<String> = key_cols
            .iter()
            .map(|c| format!("{t}.{c} = batch.{c}"))
            .collect();
        let into_last: Vec<String> = (0..key.len()).map(|i| format!("last_{i}")).collect();
        let into_max: Vec<String> = (0..key.len()).map(|i| format!("max_{i}")).collect();
        let body = format!(
            "DECLARE
{declare}  started boolean := false;
{pace}  seen bigint;
  changed bigint;
  seen_total bigint := 0;
  changed_total bigint := 0;
  estimate bigint;
BEGIN
  PERFORM set_config('migc.backfill', 'on', false);
  SELECT {key_list} INTO {into_max} FROM {t} ORDER BY {desc} LIMIT 1;
  IF NOT FOUND THEN
    PERFORM set_config('migc.backfill', '', false);
    RETURN;
  END IF;
  SELECT greatest(reltuples::bigint, 0) INTO estimate FROM pg_class WHERE oid = {reg};
  LOOP
    {begins}
    WITH batch AS (
      SELECT {key_list} FROM {t}
      WHERE (NOT started OR ({key_list}) > {last}) AND ({key_list}) <= {max}
      ORDER BY {key_list}
      LIMIT batch_size
      FOR NO KEY UPDATE
    ), updated AS (
      UPDATE {t} SET {sets}
      FROM batch
      WHERE {join} AND ({pending})
      RETURNING 1
    )
    SELECT {b_keys}, (SELECT count(*) FROM batch), (SELECT count(*) FROM updated)
      INTO {into_last}, seen, changed
      FROM (SELECT {key_list} FROM batch ORDER BY {desc} LIMIT 1) AS b;
    EXIT WHEN NOT FOUND;
    started := true;
    seen_total := seen_total + seen;
    changed_total := changed_total + changed;
    RAISE NOTICE 'migc: backfill %: % rows read, % updated (about % rows in all)', {table_text}, seen_total, changed_total, estimate;
    COMMIT;
    PERFORM set_config('migc.backfill', 'on', false);
    {ends}
  END LOOP;
  PERFORM set_config('migc.backfill', '', false);
END",
            pace = super::pace::declarations(),
            begins = super::pace::batch_begins(),
            ends = super::pace::batch_ends("    "),
            into_max = into_max.join(", "),
            b_keys = key_cols.iter().map(|c| format!("b.{c}")).collect::<Vec<_>>().join(", "),
            into_last = into_last.join(", "),
            desc = order_desc.join(", "),
            reg = regclass(table),
            last = tuple("last"),
            max = tuple("max"),
            sets = sets.join(", "),
            join = join.join(" AND "),
            pending = pending.join(" OR "),
            table_text = lit(table),
        );
        Ok(vec![outside(do_block(&body))])
    }

    /// The backfill of a table without a key to walk: its pages in ranges (a TID range scan
    /// each), up to the last page at the start, updating only rows still needing it, one
    /// commit per range. A row an update moves to a page already walked (an update that
    /// writes none of the columns `up` reads, which the trigger leaves alone) is found by the
    /// count that ends each walk, and the pages are walked again, up to three times in all;
    /// rows written after the start are the dual-write trigger's.
    fn page_walk(&self, table: &str, assignments: &[Assignment]) -> Result<String, Diagnostic> {
        let t = q(table);
        let Fill {
            sets,
            pending,
            remaining,
        } = fill(table, assignments)?;
        Ok(format!(
            "DECLARE
{pace}  pages bigint;
  per_batch bigint;
  page bigint;
  walk integer := 0;
  changed bigint;
  changed_total bigint := 0;
  left_over bigint;
BEGIN
  PERFORM set_config('migc.backfill', 'on', false);
  LOOP
    walk := walk + 1;
    pages := pg_relation_size({reg}) / current_setting('block_size')::bigint;
    page := 0;
    WHILE page < pages LOOP
      {begins}
      SELECT greatest(1, batch_size / greatest(1, CASE WHEN relpages > 0 THEN reltuples / relpages ELSE 1 END))::bigint
        INTO per_batch FROM pg_class WHERE oid = {reg};
      UPDATE {t} SET {sets}
      WHERE ctid >= format('(%s,0)', page)::tid AND ctid < format('(%s,0)', page + per_batch)::tid
        AND ({pending});
      GET DIAGNOSTICS changed = ROW_COUNT;
      changed_total := changed_total + changed;
      page := page + per_batch;
      RAISE NOTICE 'migc: backfill %: % of % pages walked, % rows updated', {table_text}, least(page, pages), pages, changed_total;
      COMMIT;
      PERFORM set_config('migc.backfill', 'on', false);
      {ends}
    END LOOP;
    SELECT count(*) INTO left_over FROM {t} WHERE {remaining};
    EXIT WHEN left_over = 0 OR walk >= 3;
  END LOOP;
  PERFORM set_config('migc.backfill', '', false);
END",
            pace = super::pace::declarations(),
            begins = super::pace::batch_begins(),
            ends = super::pace::batch_ends("      "),
            reg = regclass(table),
            sets = sets.join(", "),
            pending = pending.join(" OR "),
            remaining = remaining.join(" OR "),
            table_text = lit(table),
        ))
    }

    /// The same fill as [`Postgres::backfill`], one batch at a time for an executor.
    pub(super) fn batch(
        &self,
        table: &str,
        key: &[(String, ColumnType)],
        assignments: &[Assignment],
    ) -> Result<Batch, Diagnostic> {
        let t = q(table);
        let key_list = key.iter().map(|(c, _)| q(c)).collect::<Vec<_>>().join(", ");
        let Fill {
            sets,
            pending,
            remaining,
        } = fill(table, assignments)?;
        Ok(Batch {
            table: table.to_string(),
            key: key.iter().map(|(c, _)| c.clone()).collect(),
            next: format!(
                "SELECT {key_list} FROM {t} WHERE {{after}} ORDER BY {key_list} LIMIT {{limit}};"
            ),
            setup: vec!["SELECT set_config('migc.backfill', 'on', true);".into()],
            fill: format!(
                "UPDATE {t} SET {} WHERE {{after}} AND {{upto}} AND ({});",
                sets.join(", "),
                pending.join(" OR ")
            ),
            teardown: Vec::new(),
            remaining: format!("SELECT count(*) FROM {t} WHERE {};", remaining.join(" OR ")),
        })
    }
}

/// The parts of a fill, per assigned column.
struct Fill {
    /// `c = coalesce(t.c, value)`: values either application already wrote stay.
    sets: Vec<String>,
    /// `t.c IS NULL`: the rows the fill may change.
    pending: Vec<String>,
    /// The rows the fill would change (the value is not null either).
    remaining: Vec<String>,
}

fn fill(table: &str, assignments: &[Assignment]) -> Result<Fill, Diagnostic> {
    let t = q(table);
    let mut f = Fill {
        sets: Vec::new(),
        pending: Vec::new(),
        remaining: Vec::new(),
    };
    for a in assignments {
        let (c, e) = (&a.column, &a.value);
        // The cast gives enum and native columns their type (an expression of text is not
        // assigned to them implicitly).
        let value = match assigned_type(a) {
            Some(ty) => format!("CAST({} AS {ty})", expr_on(e, &t)?),
            None => expr_on(e, &t)?,
        };
        f.sets
            .push(format!("{} = coalesce({t}.{}, {value})", q(c), q(c)));
        f.pending.push(format!("{t}.{} IS NULL", q(c)));
        f.remaining
            .push(format!("({t}.{} IS NULL AND ({value}) IS NOT NULL)", q(c)));
    }
    Ok(f)
}

/// Fills the new columns of existing rows, in batches; nothing to undo: the filled columns go
/// with the expand rollback.
pub(super) fn lower(
    pg: &Postgres,
    l: &mut Lowered,
    table: &str,
    key: &[(String, ColumnType)],
    assignments: &[Assignment],
) -> Result<(), Diagnostic> {
    l.up = pg.backfill(table, key, assignments)?;
    // A table without a key is walked by pages, in the script itself.
    if !key.is_empty() {
        l.batch = Some(pg.batch(table, key, assignments)?);
    }
    l.down.push(comment_unit(
        "nothing to undo: the backfilled columns go with the expand rollback",
    ));
    l.lock = "ROW EXCLUSIVE (one batch of rows at a time)".into();
    l.scan = true;
    Ok(())
}
