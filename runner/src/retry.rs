//! Lock timeouts and bounded retries (safe-ddl.md §4.4): a statement that waits for a strong
//! lock queues every later query on the table behind it, so it waits only a short while, gives
//! up, sleeps with exponential backoff and tries again, up to a bound. PostgreSQL's `DO` blocks
//! retry inside the block; given a lock timeout, the runner hands them its timeout and makes
//! them try once (`migc.lock_timeout`, `migc.lock_attempts`), so that its own backoff is the
//! only one and `--retries` bounds the attempts. SQLite scripts set their own `busy_timeout`,
//! which is wrapped, not replaced.

use crate::report::{millis, Event, Output};
use migc_db::{Connection, DbError};
use migc_stdlib::Dialect;
use std::time::Duration;

/// How long one attempt waits for a lock, and how often to try again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Policy {
    /// The lock timeout of one attempt; `None` keeps the scripts' own setting.
    pub lock_timeout: Option<Duration>,
    /// Attempts after the first.
    pub retries: u32,
    /// The first pause between attempts; each next one doubles, up to ten seconds.
    pub backoff: Duration,
}

impl Default for Policy {
    fn default() -> Policy {
        Policy {
            lock_timeout: None,
            retries: 5,
            backoff: Duration::from_millis(200),
        }
    }
}

impl Policy {
    /// The pause after failed attempt `attempt` (1-based), with up to a quarter of jitter so
    /// that two waiting runs do not retry in step.
    pub fn pause(&self, attempt: u32) -> Duration {
        let base = self
            .backoff
            .saturating_mul(1 << attempt.saturating_sub(1).min(16))
            .min(Duration::from_secs(10));
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0);
        base + base.mul_f64(f64::from(nanos % 1000) / 4000.0)
    }

    /// The session setting that gives statements this policy's lock timeout.
    pub fn session_sql(&self, dialect: Dialect) -> Option<String> {
        let t = self.lock_timeout?;
        Some(dialect.behaviour().lock_timeout(t))
    }
}

/// A lock stayed out of reach after every attempt, or another error.
pub enum Failure {
    Gave(DbError, u32),
    Other(DbError),
}

/// Runs `attempt` until it succeeds, fails with something else than a lock timeout, or the
/// attempts run out. `what` names the work in the retry notes (on standard error, or
/// `lock_wait` events).
pub fn run<T>(
    policy: &Policy,
    what: &str,
    output: Output,
    conn: &mut dyn Connection,
    mut attempt: impl FnMut(&mut dyn Connection) -> Result<T, DbError>,
) -> Result<T, Failure> {
    let mut n = 0;
    loop {
        match attempt(conn) {
            Ok(v) => return Ok(v),
            Err(e) if e.is_lock_timeout() => {
                n += 1;
                if n > policy.retries {
                    return Err(Failure::Gave(e, n));
                }
                let pause = policy.pause(n);
                output.note(&format!(
                    "note: {what}: lock not available ({}), attempt {n} of {}; retrying in {} ms",
                    e.message,
                    policy.retries + 1,
                    pause.as_millis()
                ));
                output.event(&Event::LockWait {
                    what,
                    attempt: n,
                    attempts: policy.retries + 1,
                    retry_in_ms: millis(pause),
                    message: &e.message,
                    code: e.code.as_deref(),
                });
                std::thread::sleep(pause);
            }
            Err(e) => return Err(Failure::Other(e)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pauses_double_up_to_a_bound() {
        let p = Policy {
            backoff: Duration::from_millis(100),
            ..Policy::default()
        };
        for (attempt, base) in [(1, 100), (2, 200), (3, 400), (10, 10_000), (40, 10_000)] {
            let pause = p.pause(attempt).as_millis();
            assert!(
                pause >= base && pause <= base + base / 4,
                "attempt {attempt}: {pause} ms"
            );
        }
    }

    #[test]
    fn lock_timeouts_are_retried_then_given_up() {
        let mut conn = migc_db::connect(&migc_db::DbUrl::Sqlite(None)).unwrap();
        let policy = Policy {
            retries: 2,
            backoff: Duration::from_millis(1),
            ..Policy::default()
        };
        let busy = || DbError {
            code: Some("5".into()),
            message: "database is locked".into(),
        };
        let mut calls = 0;
        let r = run(&policy, "t", Output::Quiet, conn.as_mut(), |_| {
            calls += 1;
            if calls < 3 {
                Err(busy())
            } else {
                Ok(calls)
            }
        });
        assert!(matches!(r, Ok(3)));
        let mut calls = 0;
        let r: Result<(), _> = run(&policy, "t", Output::Quiet, conn.as_mut(), |_| {
            calls += 1;
            Err(busy())
        });
        assert!(matches!(r, Err(Failure::Gave(_, 3))));
        assert_eq!(calls, 3);
        let r: Result<(), _> = run(&policy, "t", Output::Quiet, conn.as_mut(), |_| {
            Err(DbError {
                code: Some("1".into()),
                message: "syntax".into(),
            })
        });
        assert!(matches!(r, Err(Failure::Other(_))));
    }
}
