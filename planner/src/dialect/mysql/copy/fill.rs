//! The batches filling the copy: the key walk, each batch claiming its key range in the
//! progress row, then copying the range's rows under row locks on the table.

use super::tuple;
use crate::dialect::mysql::program::Body;
use crate::dialect::mysql::sql::*;
use crate::state::State;
use migc_grammar::{Diagnostic, Span};

/// The batches copying the rows of `table` to `shadow`, and the claim columns of the progress
/// table (`progress`) they share with the triggers, typed as the key.
pub(super) fn batches(
    state: &State,
    table: &str,
    pk: &[String],
    cols: &[String],
    shadow: &str,
    progress: &str,
) -> Result<(Body, String), Diagnostic> {
    let (t, s, p) = (q(table), q(shadow), q(progress));
    let col_list = columns(cols);
    // The key walk, as in the backfill: each batch's upper key by a bounded read, then that
    // key range copied in its own short transaction.
    let keys: Vec<String> = pk.iter().map(|k| q(k)).collect();
    let key_tuple = tuple(&keys);
    let mut declare = String::new();
    let mut claim_cols = String::new();
    for (i, k) in pk.iter().enumerate() {
        let ty = state
            .column(table, k)
            .map(|c| type_of(&c.ty, state, Span::default()))
            .transpose()?
            .unwrap_or_else(|| "bigint".into());
        declare.push_str(&format!("DECLARE last_{i} {ty};\nDECLARE upto_{i} {ty};\n"));
        claim_cols.push_str(&format!(", claimed_{i} {ty} NULL"));
    }
    declare.push_str(
        "DECLARE started INT DEFAULT 0;\nDECLARE locked_rows INT;\nDECLARE batch_rows INT;\n",
    );
    declare.push_str(&pace::declarations());
    let last: Vec<String> = (0..pk.len()).map(|i| format!("last_{i}")).collect();
    let upto: Vec<String> = (0..pk.len()).map(|i| format!("upto_{i}")).collect();
    let b_keys: Vec<String> = keys.iter().map(|k| format!("b.{k}")).collect();
    let after = format!("(started = 0 OR {key_tuple} > {})", tuple(&last));
    let mut fill = Body::new();
    fill.declare(&declare);
    // Each batch claims its key range in a short transaction of its own (never lower than
    // a claim of a stopped run; the last batch, the first to reach the end of the table,
    // claims the rest, rows inserted meanwhile included, so that steady inserts at the end
    // never keep the walk going), so that the triggers write those rows from then on; then, in the batch's
    // transaction, it locks the range's rows on the table and copies them. A writer to one
    // of them waits for the batch on the table, or the batch for the writer, before either
    // writes to the copy, and the batch reads each row as the last writer left it: a row
    // deleted is not copied back. Rows the triggers wrote are kept (they are as new): the
    // duplicate key leaves the copy's row as it is, without a lookup of every row first (which
    // tripled the batch's time).
    let keep = format!("{0} = {s}.{0}", keys[0]);
    let claimed_set = (0..pk.len())
        .map(|i| format!("claimed_{i} = upto_{i}"))
        .collect::<Vec<_>>()
        .join(", ");
    let claimed_t = tuple(
        &(0..pk.len())
            .map(|i| format!("claimed_{i}"))
            .collect::<Vec<_>>(),
    );
    fill.push(&format!(
        "SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED;
copy: LOOP
  {begins}
  SET {upto_null}, batch_rows = 0;
  SELECT {b_keys}, COUNT(*) OVER () INTO {upto}, batch_rows
    FROM (SELECT {key_list} FROM {t} WHERE {after} ORDER BY {key_list} LIMIT batch_size) AS b
    ORDER BY {b_desc} LIMIT 1;
  IF batch_rows < batch_size THEN
    SET {upto_null};
  END IF;
  START TRANSACTION;
  IF upto_0 IS NULL THEN
    UPDATE {p} SET whole = 1;
  ELSE
    UPDATE {p} SET {claimed_set} WHERE claimed_0 IS NULL OR {claimed_t} < {upto_t};
  END IF;
  COMMIT;
  START TRANSACTION;
  SELECT COUNT(*) INTO locked_rows FROM {t}
    WHERE {after} AND (upto_0 IS NULL OR {key_tuple} <= {upto_t}) FOR UPDATE;
  INSERT INTO {s} ({col_list})
    SELECT {col_list} FROM {t} WHERE {after} AND (upto_0 IS NULL OR {key_tuple} <= {upto_t})
    ON DUPLICATE KEY UPDATE {keep};
  COMMIT;
  IF upto_0 IS NULL THEN
    LEAVE copy;
  END IF;
  SET {advance}, started = 1, attempt = 0;
  {ends}
END LOOP;",
        begins = pace::batch_begins(),
        ends = pace::batch_ends().replace('\n', "\n  "),
        upto_null = upto
            .iter()
            .map(|u| format!("{u} = NULL"))
            .collect::<Vec<_>>()
            .join(", "),
        upto = upto.join(", "),
        b_keys = b_keys.join(", "),
        key_list = keys.join(", "),
        b_desc = b_keys
            .iter()
            .map(|k| format!("{k} DESC"))
            .collect::<Vec<_>>()
            .join(", "),
        upto_t = tuple(&upto),
        keep = keep,
        advance = last
            .iter()
            .zip(&upto)
            .map(|(l, u)| format!("{l} = {u}"))
            .collect::<Vec<_>>()
            .join(", "),
    ));
    Ok((fill, claim_cols))
}
