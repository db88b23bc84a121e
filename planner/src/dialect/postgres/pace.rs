//! A backfill run as one `DO` block (its phase script run by `psql` or another runner) paced as
//! the runner paces the walks it drives ([`migc_stdlib::pace`]): each batch sized to hold its row
//! locks for about the target time, from the time the last one took, pausing only when a batch
//! took far longer. `SET migc.batch_size` / `migc.pause_ms` fix either.

use migc_stdlib::pace::{CEILING, FIRST, FLOOR, LONGEST_PAUSE, PUSHED_BACK, TARGET};

/// The block's declarations of its pace: `batch_size`, the rows of the next batch (`FIRST`
/// unless `migc.batch_size` fixes it).
pub(super) fn declarations() -> String {
    format!(
        "  fixed_size integer := nullif(current_setting('migc.batch_size', true), '')::integer;
  batch_size integer := coalesce(fixed_size, {FIRST});
  pause_ms integer := nullif(current_setting('migc.pause_ms', true), '')::integer;
  batch_began timestamptz := clock_timestamp();
  batch_took double precision;
"
    )
}

/// Where a batch begins.
pub(super) fn batch_begins() -> &'static str {
    "batch_began := clock_timestamp();"
}

/// After a batch (committed): the size of the next one, and the pause before it.
pub(super) fn batch_ends(indent: &str) -> String {
    let target = TARGET.as_secs_f64();
    let text = format!(
        "batch_took := extract(epoch FROM clock_timestamp() - batch_began);
IF fixed_size IS NULL THEN
  batch_size := least(greatest(least(greatest(round(batch_size * {target} / greatest(batch_took, 0.001))::integer, batch_size / 2), batch_size * 2), {FLOOR}), {CEILING});
END IF;
IF pause_ms IS NOT NULL THEN
  PERFORM pg_sleep(pause_ms / 1000.0);
ELSIF batch_took > {pushed} THEN
  PERFORM pg_sleep(least(batch_took, {longest}));
END IF;",
        pushed = target * f64::from(PUSHED_BACK),
        longest = LONGEST_PAUSE.as_secs(),
    );
    text.replace('\n', &format!("\n{indent}"))
}
