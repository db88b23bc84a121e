//! How big each batch of a row walk (a backfill, an online table copy) is, and when it pauses
//! (safe-ddl.md §8): sized to hold its row locks for about [`TARGET`], grown or shrunk from the
//! measured time of the last batches (at most doubled or halved at a time, between [`FLOOR`]
//! and [`CEILING`] rows), pausing only when the server pushes back (a batch that took far longer
//! than the target). The runner paces the walks it drives; a walk that runs as one stored
//! program (MySQL's table copies, a script run by another client) paces itself the same way.

use std::time::Duration;

/// The time a batch's transaction should take, row locks held.
pub const TARGET: Duration = Duration::from_millis(100);
/// The smallest batch.
pub const FLOOR: u64 = 100;
/// The largest batch.
pub const CEILING: u64 = 50_000;
/// The first batch, before any is measured.
pub const FIRST: u64 = 1_000;
/// A batch that takes longer than this many targets makes the walk pause as long again.
pub const PUSHED_BACK: u32 = 4;
/// The longest pause after a batch that was pushed back.
pub const LONGEST_PAUSE: Duration = Duration::from_secs(5);
