//! Backfill progress on standard error: a bar redrawn in place on a terminal (rows done of the
//! total, rate, time left), plain lines at every tenth of the way otherwise.

use std::io::{IsTerminal, Write};
use std::time::Instant;

pub struct Progress {
    what: String,
    total: u64,
    /// Rows done when this run started (a resumed backfill starts part-way).
    start_done: u64,
    started: Instant,
    terminal: bool,
    quiet: bool,
    last_tenth: u64,
    /// The rows done in the last plain line printed.
    printed: Option<u64>,
}

impl Progress {
    pub fn new(what: &str, done: u64, total: u64, quiet: bool) -> Progress {
        let mut p = Progress {
            what: what.to_string(),
            total: total.max(done),
            start_done: done,
            started: Instant::now(),
            terminal: std::io::stderr().is_terminal(),
            quiet,
            last_tenth: tenth(done, total),
            printed: None,
        };
        if !quiet && !p.terminal {
            p.plain(done);
        }
        p
    }

    fn line(&self, done: u64) -> String {
        let secs = self.started.elapsed().as_secs_f64();
        let rate = if secs > 0.0 {
            (done - self.start_done.min(done)) as f64 / secs
        } else {
            0.0
        };
        let left = self.total.saturating_sub(done);
        let eta = if rate > 0.0 {
            format!("{:.0}s", left as f64 / rate)
        } else {
            "?".into()
        };
        format!(
            "{done}/{} rows ({}%), {rate:.0} rows/s, ETA {eta}",
            self.total,
            percent(done, self.total)
        )
    }

    pub fn update(&mut self, done: u64) {
        if self.quiet {
            return;
        }
        self.total = self.total.max(done);
        if self.terminal {
            let width = 30;
            let filled = (percent(done, self.total) as usize * width) / 100;
            eprint!(
                "\r{} [{}{}] {}   ",
                self.what,
                "#".repeat(filled),
                ".".repeat(width - filled),
                self.line(done)
            );
            let _ = std::io::stderr().flush();
        } else {
            let t = tenth(done, self.total);
            if t > self.last_tenth {
                self.last_tenth = t;
                self.plain(done);
            }
        }
    }

    pub fn finish(&mut self, done: u64) {
        if self.quiet {
            return;
        }
        if self.terminal {
            self.update(done);
            eprintln!();
        } else if self.printed != Some(done) {
            self.plain(done);
        }
    }

    fn plain(&mut self, done: u64) {
        self.printed = Some(done);
        eprintln!("{}: {}", self.what, self.line(done));
    }
}

fn percent(done: u64, total: u64) -> u64 {
    (done.min(total) * 100).checked_div(total).unwrap_or(100)
}

fn tenth(done: u64, total: u64) -> u64 {
    percent(done, total) / 10
}
