//! A backfill run the way an executor runs the manifest's batched form (`Batch`): batch by
//! batch, each in its own transaction, walking the key with the placeholders `migc apply`
//! writes.

use super::engine::Engine;
use migc_db::Connection;
use migc_planner::dialect::Batch;

/// Runs one backfill in batches of `size` rows, `between` after each committed batch; the
/// number of batches. A fill that changes rows outside its batch is an error (where the
/// dialect tells how many rows a statement changed).
pub fn run(
    engine: &dyn Engine,
    conn: &mut dyn Connection,
    b: &Batch,
    size: usize,
    mut between: impl FnMut(usize) -> Result<(), String>,
) -> Result<usize, String> {
    let d = engine.dialect();
    let mut last: Option<Vec<String>> = None;
    let mut n = 0;
    loop {
        let after = migc_runner::backfill::after(d, b, last.as_deref());
        if n > 200 {
            return Err(format!("no end after {n} batches, at {after}"));
        }
        conn.execute(engine.begin())
            .map_err(|e| format!("begin: {e}"))?;
        let result = (|| -> Result<Option<Vec<String>>, String> {
            let next = b
                .next
                .replace("{after}", &after)
                .replace("{limit}", &size.to_string());
            let keys = conn.query(&next).map_err(|e| format!("{next}: {e}"))?;
            let Some(end) = keys.last() else {
                return Ok(None);
            };
            let end: Vec<String> = end
                .iter()
                .map(|v| v.clone().ok_or_else(|| format!("{next}: a null key")))
                .collect::<Result<_, _>>()?;
            let fill = b
                .fill
                .replace("{after}", &after)
                .replace("{upto}", &migc_runner::backfill::upto(d, b, &end));
            for s in &b.setup {
                conn.execute(s).map_err(|e| format!("{s}: {e}"))?;
            }
            conn.execute(&fill).map_err(|e| format!("{fill}: {e}"))?;
            if let Some(changed) = engine.changes(conn) {
                if changed > keys.len() as u64 {
                    return Err(format!(
                        "the fill changed {changed} rows, the batch has {}: {fill}",
                        keys.len()
                    ));
                }
            }
            for s in &b.teardown {
                conn.execute(s).map_err(|e| format!("{s}: {e}"))?;
            }
            Ok(Some(end))
        })();
        match result {
            Ok(end) => {
                conn.execute("COMMIT").map_err(|e| format!("commit: {e}"))?;
                let Some(end) = end else {
                    return Ok(n);
                };
                n += 1;
                last = Some(end);
                between(n)?;
            }
            Err(e) => {
                let _ = conn.execute("ROLLBACK");
                return Err(format!("batch {}: {e}", n + 1));
            }
        }
    }
}
