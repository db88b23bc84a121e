//! Batched, resumable backfills in plain SQL the `mysql`/`mariadb` clients run.

use super::super::{Batch, Context, Lowered, Unit};
use super::program::Body;
use super::sql::*;
use super::{Mysql, Scope};
use crate::state::State;
use crate::step::Assignment;
use migc_compiler::schema::*;
use migc_grammar::{Code, Diagnostic, Span};

/// The `SET` assignments, the rows still needing a fill, and those that would get a value.
type FillParts = (Vec<String>, Vec<String>, Vec<String>);

fn tuple(items: &[String]) -> String {
    if items.len() == 1 {
        items[0].clone()
    } else {
        format!("({})", items.join(", "))
    }
}

impl Mysql {
    pub(super) fn lower_backfill(
        &self,
        l: &mut Lowered,
        ctx: &Context<'_>,
        table: &str,
        key: &[(String, ColumnType)],
        assignments: &[Assignment],
    ) -> Result<(), Diagnostic> {
        l.up.push(self.backfill(ctx, table, key, assignments)?);
        l.batch = Some(self.batch(ctx, table, key, assignments)?);
        l.down.push(comment_unit(
            "nothing to undo: the backfilled columns go with the expand rollback",
        ));
        l.lock = "row locks (one batch of rows at a time)".into();
        l.scan = true;
        Ok(())
    }

    /// A batched backfill as a procedure: walks the primary key in order up to the largest key
    /// present at the start (later rows get their values from the triggers), finds each
    /// batch's upper key with a bounded read, then updates that key range in its own short
    /// transaction (a key range, not `UPDATE … LIMIT`, which statement-based replication cannot
    /// replay safely). Only rows still needing a value change, so a re-run resumes where it
    /// stopped. `SET @migc_batch_size` / `@migc_pause_ms` before it tune it.
    pub(super) fn backfill(
        &self,
        ctx: &Context<'_>,
        table: &str,
        key: &[(String, ColumnType)],
        assignments: &[Assignment],
    ) -> Result<Unit, Diagnostic> {
        if key.is_empty() {
            // InnoDB gives no way to name a row of a table without a key (its row id is
            // hidden), so there is nothing to walk the table in batches by.
            return Err(Diagnostic::error(
                Code::Unsupported,
                format!("table `{table}` has no primary key (nor a unique key on `not null` columns) to backfill by on MySQL/MariaDB"),
            )
            .help("give the deployed table a primary key or a unique key on `not null` columns first, in a plan of its own"));
        }
        let state = State::deployed(ctx.from);
        let t = q(table);
        let keys: Vec<String> = key.iter().map(|(c, _)| q(c)).collect();
        let var = |prefix: &str| -> Vec<String> {
            (0..key.len()).map(|i| format!("{prefix}_{i}")).collect()
        };
        let (last, max, upto) = (var("last"), var("max"), var("upto"));
        let mut declare = String::new();
        for (i, (_, ty)) in key.iter().enumerate() {
            let ty = type_of(ty, &state, Span::default())?;
            declare.push_str(&format!(
                "DECLARE last_{i} {ty};\nDECLARE max_{i} {ty};\nDECLARE upto_{i} {ty};\n"
            ));
        }
        let (sets, pending, _) = self.fill_parts(table, assignments)?;
        let key_list = keys.join(", ");
        let desc: Vec<String> = keys.iter().map(|k| format!("{k} DESC")).collect();
        let after = format!("(started = 0 OR {} > {})", tuple(&keys), tuple(&last));
        let b_keys: Vec<String> = keys.iter().map(|k| format!("b.{k}")).collect();
        declare.push_str("DECLARE started INT DEFAULT 0;\nDECLARE batches INT DEFAULT 0;\n");
        declare.push_str(&pace::declarations());
        let text = format!(
            "SET @migc_backfill = 'on';
SELECT {key_list} INTO {max} FROM {t} ORDER BY {desc} LIMIT 1;
backfill: WHILE {max0} IS NOT NULL DO
  {begins}
  SET {upto_null};
  SELECT {b_keys} INTO {upto}
    FROM (SELECT {key_list} FROM {t}
          WHERE {after} AND {keys_t} <= {max_t}
          ORDER BY {key_list} LIMIT batch_size) AS b
    ORDER BY {b_desc} LIMIT 1;
  IF upto_0 IS NULL THEN
    LEAVE backfill;
  END IF;
  START TRANSACTION;
  UPDATE {t} SET {sets}
    WHERE {after} AND {keys_t} <= {upto_t} AND ({pending});
  COMMIT;
  SET {advance}, started = 1, batches = batches + 1, attempt = 0;
  {ends}
END WHILE;
SET @migc_backfill = NULL;",
            begins = pace::batch_begins(),
            ends = pace::batch_ends().replace('\n', "\n  "),
            max = max.join(", "),
            max0 = max[0],
            upto = upto.join(", "),
            upto_null = upto
                .iter()
                .map(|u| format!("{u} = NULL"))
                .collect::<Vec<_>>()
                .join(", "),
            keys_t = tuple(&keys),
            max_t = tuple(&max),
            upto_t = tuple(&upto),
            b_desc = b_keys
                .iter()
                .map(|k| format!("{k} DESC"))
                .collect::<Vec<_>>()
                .join(", "),
            b_keys = b_keys.join(", "),
            desc = desc.join(", "),
            sets = sets.join(", "),
            pending = pending.join(" OR "),
            advance = last
                .iter()
                .zip(&upto)
                .map(|(l, u)| format!("{l} = {u}"))
                .collect::<Vec<_>>()
                .join(", "),
        );
        let mut body = Body::new();
        body.declare(&declare).push(&text);
        let scope = Scope {
            state: &state,
            only_while_named: None,
            removes_sync: None,
            sync_removed_earlier: false,
            synced: &[],
            syncs: &std::collections::BTreeMap::new(),
            phased_copy: false,
            joined: Vec::new(),
            joins: None,
        };
        let mut u = self.program(&scope, body);
        // A failed run leaves the marker set in the session: clear it.
        u.sql.push_str("\nSET @migc_backfill = NULL;");
        Ok(u)
    }

    /// `SET c = COALESCE(c, value)` per assignment, the rows still needing one, and the rows
    /// that still need one and would get a value.
    fn fill_parts(&self, table: &str, assignments: &[Assignment]) -> Result<FillParts, Diagnostic> {
        let t = q(table);
        let mut sets = Vec::new();
        let mut pending = Vec::new();
        let mut remaining = Vec::new();
        for Assignment {
            column: c,
            value: e,
            ..
        } in assignments
        {
            let value = expr_on(e, &t)?;
            sets.push(format!("{0} = COALESCE({t}.{0}, {value})", q(c)));
            pending.push(format!("{t}.{} IS NULL", q(c)));
            remaining.push(format!("({t}.{} IS NULL AND ({value}) IS NOT NULL)", q(c)));
        }
        Ok((sets, pending, remaining))
    }

    /// The same fill as [`Mysql::backfill`], one batch at a time for an executor.
    pub(super) fn batch(
        &self,
        _ctx: &Context<'_>,
        table: &str,
        key: &[(String, ColumnType)],
        assignments: &[Assignment],
    ) -> Result<Batch, Diagnostic> {
        let t = q(table);
        let key_list = key.iter().map(|(c, _)| q(c)).collect::<Vec<_>>().join(", ");
        let (sets, pending, remaining) = self.fill_parts(table, assignments)?;
        Ok(Batch {
            table: table.to_string(),
            key: key.iter().map(|(c, _)| c.clone()).collect(),
            next: format!(
                "SELECT {key_list} FROM {t} WHERE {{after}} ORDER BY {key_list} LIMIT {{limit}};"
            ),
            setup: vec!["SET @migc_backfill = 'on';".into()],
            fill: format!(
                "UPDATE {t} SET {} WHERE {{after}} AND {{upto}} AND ({});",
                sets.join(", "),
                pending.join(" OR ")
            ),
            teardown: vec!["SET @migc_backfill = NULL;".into()],
            remaining: format!("SELECT count(*) FROM {t} WHERE {};", remaining.join(" OR ")),
        })
    }
}
