//! A row walk run as one stored program (an online table copy, a backfill run by a client)
//! paced as the runner paces the walks it drives ([`migc_stdlib::pace`]): each batch sized to
//! hold its row locks for about the target time, from the time the last one took, pausing only
//! when a batch took far longer. `SET @migc_batch_size` / `@migc_pause_ms` before it fix either.

use migc_stdlib::pace::{CEILING, FIRST, FLOOR, LONGEST_PAUSE, PUSHED_BACK, TARGET};

/// The declarations of the walk's pace: `batch_size`, the rows of the next batch.
pub(crate) fn declarations() -> String {
    format!(
        "DECLARE batch_size INT DEFAULT COALESCE(@migc_batch_size, {FIRST});
DECLARE fixed_size INT DEFAULT @migc_batch_size IS NOT NULL;
DECLARE pause_ms INT DEFAULT @migc_pause_ms;
DECLARE batch_began DATETIME(6);
DECLARE batch_took DOUBLE;"
    )
}

/// Where a batch begins.
pub(crate) fn batch_begins() -> &'static str {
    "SET batch_began = SYSDATE(6);"
}

/// After a batch: the size of the next one, and the pause before it.
pub(crate) fn batch_ends() -> String {
    let target = TARGET.as_secs_f64();
    format!(
        "SET batch_took = TIMESTAMPDIFF(MICROSECOND, batch_began, SYSDATE(6)) / 1000000;
IF NOT fixed_size THEN
  SET batch_size = LEAST(GREATEST(LEAST(GREATEST(ROUND(batch_size * {target} / GREATEST(batch_took, 0.001)), batch_size DIV 2), batch_size * 2), {FLOOR}), {CEILING});
END IF;
IF pause_ms IS NOT NULL THEN
  DO SLEEP(pause_ms / 1000);
ELSEIF batch_took > {pushed} THEN
  DO SLEEP(LEAST(batch_took, {longest}));
END IF;",
        pushed = target * f64::from(PUSHED_BACK),
        longest = LONGEST_PAUSE.as_secs(),
    )
}
