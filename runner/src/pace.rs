//! How big each backfill batch is and how long to wait after it (safe-ddl.md §8). By default a
//! batch is sized to hold its row locks for about [`TARGET`]: the size of the next batch is grown
//! or shrunk from the measured time of the last ones (at most doubled or halved at a time,
//! between [`FLOOR`] and [`CEILING`] rows), and the walk pauses only when the server pushes
//! back: a batch that had to wait for a lock, or one that took far longer than the target.
//! `--batch-size` and `--pause-ms` fix either.

use std::time::Duration;

pub use migc_stdlib::pace::{CEILING, FIRST, FLOOR, LONGEST_PAUSE, PUSHED_BACK, TARGET};

/// The pacing of one walk.
#[derive(Clone, Debug)]
pub struct Pace {
    size: u64,
    /// `--batch-size`: every batch this size.
    fixed_size: bool,
    /// `--pause-ms`: this pause after every batch.
    fixed_pause: Option<Duration>,
    /// The measured time per row, smoothed over the last batches (seconds).
    per_row: Option<f64>,
}

/// What a batch met, for the next one.
#[derive(Clone, Copy, Debug)]
pub struct Batch {
    pub rows: u64,
    pub took: Duration,
    /// Whether it waited for a lock and was tried again.
    pub retried: bool,
}

impl Pace {
    /// Batches sized by time, pausing only when pushed back; `size` and `pause` fix either.
    pub fn new(size: Option<u64>, pause: Option<Duration>) -> Pace {
        Pace {
            size: size.map_or(FIRST, |s| s.max(1)),
            fixed_size: size.is_some(),
            fixed_pause: pause,
            per_row: None,
        }
    }

    /// The rows of the next batch.
    pub fn size(&self) -> u64 {
        self.size
    }

    /// Takes the last batch into account; returns the pause before the next one.
    pub fn after(&mut self, b: Batch) -> Duration {
        if b.rows > 0 {
            let per_row = b.took.as_secs_f64() / b.rows as f64;
            // Smoothed, so that one slow or fast batch does not swing the size alone.
            self.per_row = Some(match self.per_row {
                Some(p) => 0.5 * p + 0.5 * per_row,
                None => per_row,
            });
        }
        if !self.fixed_size {
            let wanted = match self.per_row {
                Some(p) if p > 0.0 => (TARGET.as_secs_f64() / p) as u64,
                _ => self.size.saturating_mul(2),
            };
            let mut next = wanted.clamp(self.size / 2, self.size.saturating_mul(2));
            if b.retried {
                next = self.size / 2;
            }
            self.size = next.clamp(FLOOR, CEILING);
        }
        if let Some(p) = self.fixed_pause {
            return p;
        }
        if b.retried || b.took > TARGET * PUSHED_BACK {
            // The server pushes back: as long again as the batch took, for it to catch up.
            b.took.min(LONGEST_PAUSE)
        } else {
            Duration::ZERO
        }
    }

    /// How the batches are paced, for the dry run's listing.
    pub fn describe(&self) -> String {
        match (self.fixed_size, self.fixed_pause) {
            (true, Some(p)) => format!(
                "in batches of {} rows with a pause of {} ms",
                self.size,
                p.as_millis()
            ),
            (true, None) => format!("in batches of {} rows", self.size),
            (false, _) => format!(
                "in batches sized to take about {} ms each ({} to {} rows)",
                TARGET.as_millis(),
                FLOOR,
                CEILING
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn batch(rows: u64, ms: u64) -> Batch {
        Batch {
            rows,
            took: Duration::from_millis(ms),
            retried: false,
        }
    }

    #[test]
    fn fast_batches_grow_by_at_most_double_up_to_the_ceiling() {
        let mut p = Pace::new(None, None);
        assert_eq!(p.size(), FIRST);
        assert_eq!(p.after(batch(1_000, 10)), Duration::ZERO);
        assert_eq!(p.size(), 2_000);
        for _ in 0..20 {
            p.after(batch(p.size(), 1));
        }
        assert_eq!(p.size(), CEILING);
    }

    #[test]
    fn batches_settle_where_they_take_the_target() {
        let mut p = Pace::new(None, None);
        // 20 µs a row: 100 ms is 5,000 rows.
        for _ in 0..12 {
            let rows = p.size();
            p.after(batch(rows, rows / 50));
        }
        assert!((4_500..=5_500).contains(&p.size()), "{}", p.size());
    }

    #[test]
    fn slow_or_blocked_batches_shrink_and_pause() {
        let mut p = Pace::new(None, None);
        let pause = p.after(batch(1_000, 1_000));
        assert_eq!(p.size(), 500);
        assert_eq!(pause, Duration::from_secs(1));
        let pause = p.after(Batch {
            rows: 500,
            took: Duration::from_millis(50),
            retried: true,
        });
        assert_eq!(p.size(), 250);
        assert_eq!(pause, Duration::from_millis(50));
        for _ in 0..10 {
            p.after(batch(p.size(), 10_000));
        }
        assert_eq!(p.size(), FLOOR);
    }

    #[test]
    fn given_settings_are_kept() {
        let mut p = Pace::new(Some(10_000), Some(Duration::ZERO));
        assert_eq!(p.after(batch(10_000, 5_000)), Duration::ZERO);
        assert_eq!(p.size(), 10_000);
        let mut p = Pace::new(Some(300), None);
        p.after(batch(300, 1));
        assert_eq!(p.size(), 300);
    }
}
