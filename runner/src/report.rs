//! What a run tells as it goes: lines for people (standard output, with notes and the backfill
//! bar on standard error), or one JSON object per line on standard output for machines
//! (`migc-progress-1`, schemas/migc-progress-1.schema.json), or nothing (`verify`).
//!
//! Each JSON line carries `"format": "migc-progress-1"`, the `event` it reports and the time it
//! was written (`at`, RFC 3339 in UTC). A run that ends well ends with `plan_finished`; one that
//! stops on a refused plan or a failed step ends with `plan_stopped` (exit 1), written by the
//! command line, which also writes the usage and I/O errors (exit 2) as `migc-error-1` lines.

use serde::Serialize;
use std::io::Write;
use std::time::{Duration, SystemTime};

/// The version of the JSON lines (schemas/migc-progress-1.schema.json).
pub const FORMAT: &str = "migc-progress-1";

/// Where a run's account of itself goes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Output {
    /// Lines for people on standard output; notes and the backfill bar on standard error.
    #[default]
    Human,
    /// One JSON object per event on standard output; nothing on standard error.
    Json,
    /// Nothing at all.
    Quiet,
}

impl Output {
    /// A line for people on standard output.
    pub fn say(self, line: &str) {
        if self == Output::Human {
            println!("{line}");
        }
    }

    /// A note for people on standard error.
    pub fn note(self, line: &str) {
        if self == Output::Human {
            eprintln!("{line}");
        }
    }

    /// An event for machines, as one line on standard output.
    pub fn event(self, event: &Event<'_>) {
        if self == Output::Json {
            let line = Line {
                format: FORMAT,
                at: rfc3339(SystemTime::now()),
                event,
            };
            if let Ok(text) = serde_json::to_string(&line) {
                let mut out = std::io::stdout().lock();
                // A reader that went away ends the output, as for every command.
                let _ = writeln!(out, "{text}");
                let _ = out.flush();
            }
        }
    }

    /// Whether people watch (progress bars and notes are drawn).
    pub fn is_human(self) -> bool {
        self == Output::Human
    }
}

#[derive(Serialize)]
struct Line<'a> {
    format: &'static str,
    at: String,
    #[serde(flatten)]
    event: &'a Event<'a>,
}

/// Which way a phase runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Up,
    Down,
}

/// A step as the events name it: its id in the manifest (`*` for a phase script run as one
/// transaction, as on SQLite) and its number in the script (`-- [N]`, none for `*`).
#[derive(Clone, Copy, Debug, Serialize)]
pub struct StepRef<'a> {
    pub phase: &'a str,
    pub direction: Direction,
    pub step: &'a str,
    pub number: Option<usize>,
    pub summary: &'a str,
}

/// An error as the events carry it.
#[derive(Clone, Debug, Serialize)]
pub struct ErrorInfo {
    pub message: String,
    pub exit_code: u8,
}

/// What happened.
#[derive(Debug, Serialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum Event<'a> {
    /// A run of `apply` or `rollback` took the run lock and starts.
    PlanStarted {
        command: &'a str,
        /// The SHA-256 of the plan's manifest.
        plan: &'a str,
        /// What the plan was made from and to (passwords redacted).
        label: &'a str,
        dialect: &'a str,
        dry_run: bool,
    },
    /// A phase that is applied already (`apply`).
    PhaseSkipped { phase: &'a str, reason: &'a str },
    PhaseStarted {
        phase: &'a str,
        direction: Direction,
        /// The script the phase runs.
        script: &'a str,
        steps: usize,
    },
    PhaseFinished {
        phase: &'a str,
        direction: Direction,
        duration_ms: u64,
    },
    /// A step recorded done by an earlier run.
    StepSkipped {
        #[serde(flatten)]
        step: StepRef<'a>,
        reason: &'a str,
    },
    StepStarted {
        #[serde(flatten)]
        step: StepRef<'a>,
    },
    StepFinished {
        #[serde(flatten)]
        step: StepRef<'a>,
        duration_ms: u64,
        /// A backfill's rows walked so far, this run and the runs before (none for other steps).
        rows: Option<u64>,
    },
    StepFailed {
        #[serde(flatten)]
        step: StepRef<'a>,
        duration_ms: u64,
        error: ErrorInfo,
    },
    /// A backfill starts walking (or walks again), after its checkpoint when it resumes.
    BackfillStarted {
        phase: &'a str,
        step: &'a str,
        table: &'a str,
        rows_done: u64,
        rows_total: u64,
        resumed_after: Option<&'a [String]>,
    },
    /// A backfill batch committed with its checkpoint.
    BackfillBatch {
        phase: &'a str,
        step: &'a str,
        table: &'a str,
        rows: u64,
        rows_done: u64,
        rows_total: u64,
        duration_ms: u64,
        /// The batch's last key: where a run stopped after it resumes.
        last_key: &'a [String],
    },
    /// A statement gave up waiting for a lock; the run waits and tries again.
    LockWait {
        what: &'a str,
        /// The attempt that gave up (1-based) and how many the run makes at most.
        attempt: u32,
        attempts: u32,
        retry_in_ms: u64,
        message: &'a str,
        code: Option<&'a str>,
    },
    /// What a dry run would run (nothing runs).
    WouldRun {
        phase: &'a str,
        direction: Direction,
        step: Option<&'a str>,
        number: Option<usize>,
        summary: &'a str,
        /// Recorded done by an earlier run: it would be skipped.
        done: bool,
        sql: &'a str,
    },
    /// The run did what it was asked.
    PlanFinished {
        command: &'a str,
        /// The phases this run applied or rolled back.
        phases: usize,
        /// The phase `apply` stopped before, waiting for its gate (contract).
        stopped_before: Option<&'a str>,
        /// That gate's condition.
        gate: Option<&'a str>,
    },
    /// The run stopped: the plan was refused, or a step failed (what finished is recorded).
    PlanStopped { error: ErrorInfo },
}

/// `duration` in whole milliseconds.
pub fn millis(duration: Duration) -> u64 {
    u64::try_from(duration.as_millis()).unwrap_or(u64::MAX)
}

/// A time as RFC 3339 in UTC with milliseconds: `2025-03-01T12:34:56.789Z`.
pub fn rfc3339(time: SystemTime) -> String {
    let since = time
        .duration_since(SystemTime::UNIX_EPOCH)
        .unwrap_or_default();
    let secs = since.as_secs();
    let (days, rest) = (secs / 86_400, secs % 86_400);
    let (y, m, d) = civil(days as i64);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.{:03}Z",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60,
        since.subsec_millis()
    )
}

/// The calendar date `days` after 1970-01-01 (proleptic Gregorian; Howard Hinnant's
/// `civil_from_days`).
fn civil(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_rfc3339_in_utc() {
        let at = |secs: u64, ms: u64| {
            rfc3339(SystemTime::UNIX_EPOCH + Duration::from_millis(secs * 1000 + ms))
        };
        assert_eq!(at(0, 0), "1970-01-01T00:00:00.000Z");
        assert_eq!(at(951_782_400, 5), "2000-02-29T00:00:00.005Z");
        assert_eq!(at(1_740_832_496, 789), "2025-03-01T12:34:56.789Z");
        assert_eq!(at(4_107_542_399, 999), "2100-02-28T23:59:59.999Z");
    }

    #[test]
    fn events_are_tagged_and_flat() {
        let step = StepRef {
            phase: "expand",
            direction: Direction::Up,
            step: "expand.create_index.t.t_a_idx",
            number: Some(1),
            summary: "create index `t_a_idx` on `t`",
        };
        let v = serde_json::to_value(Line {
            format: FORMAT,
            at: String::new(),
            event: &Event::StepFinished {
                step,
                duration_ms: 12,
                rows: None,
            },
        })
        .unwrap();
        assert_eq!(v["format"], FORMAT);
        assert_eq!(v["event"], "step_finished");
        assert_eq!(v["step"], "expand.create_index.t.t_a_idx");
        assert_eq!(v["direction"], "up");
        assert_eq!(v["rows"], serde_json::Value::Null);
    }
}
