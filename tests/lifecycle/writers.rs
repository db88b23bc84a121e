//! Application writers running while a script runs (DESIGN.md §7: writers during every phase
//! see no errors; a backfill under a steady load ends). Each writer is a thread with its own
//! session of its application version; the script starts once every writer has written a few
//! statements, and the writers stop some statements after it ends.

use super::plan::{App, Plan};
use super::server::Db;
use super::session::Session;
use migc_db::Connection;
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// One statement of a writer: the `i`-th; an error comes back with the statement that met it.
pub type Step<'a> =
    Box<dyn FnMut(&mut dyn Connection, u64) -> Result<(), (String, String)> + Send + 'a>;

/// A writer: the application it writes as, and its statements.
pub struct Writer<'a> {
    pub app: App,
    pub step: Step<'a>,
}

/// How long writers go on.
#[derive(Clone, Copy, Debug)]
pub struct Load {
    /// Statements each writer runs before the script starts.
    pub before: u64,
    /// Statements each writer runs at least, also when the script ends early.
    pub at_least: u64,
    /// At most this many statements, and for at most this long.
    pub at_most: u64,
    pub for_at_most: Duration,
    /// The pause between two statements.
    pub pause: Duration,
}

impl Default for Load {
    fn default() -> Load {
        Load {
            before: 10,
            at_least: 30,
            at_most: 20_000,
            for_at_most: Duration::from_secs(120),
            pause: Duration::from_millis(2),
        }
    }
}

/// What one writer did.
#[derive(Debug, Default)]
pub struct Log {
    pub app: Option<App>,
    pub ops: u64,
    /// Distinct error texts with how often each was met and one statement that met it.
    pub errors: BTreeMap<String, (u64, String)>,
}

impl Log {
    pub fn error_count(&self) -> u64 {
        self.errors.values().map(|(n, _)| n).sum()
    }

    /// One line per distinct error.
    pub fn problems(&self, while_: &str) -> Vec<String> {
        self.errors
            .iter()
            .map(|(e, (n, sql))| {
                format!(
                    "while {while_}: the {} writer got {n} x {e}\n      e.g. {sql}",
                    self.app.map_or("?".into(), |a| a.to_string())
                )
            })
            .collect()
    }
}

/// Runs `writers` while `run` runs; what `run` returned and each writer's log.
pub fn during<R>(
    db: &Db,
    plan: &Plan,
    load: &Load,
    writers: Vec<Writer<'_>>,
    run: impl FnOnce() -> R,
) -> (R, Vec<Log>) {
    let started = AtomicU64::new(0);
    let stop = AtomicBool::new(false);
    let n = writers.len() as u64;
    std::thread::scope(|s| {
        let handles: Vec<_> = writers
            .into_iter()
            .map(|mut w| {
                let (started, stop) = (&started, &stop);
                s.spawn(move || {
                    let mut log = Log {
                        app: Some(w.app),
                        ..Log::default()
                    };
                    let mut session = Session::open(db, plan, w.app).expect("the writer's session");
                    let begun = Instant::now();
                    let mut announced = false;
                    while log.ops < load.at_most && begun.elapsed() < load.for_at_most {
                        if stop.load(Ordering::SeqCst) && log.ops >= load.at_least {
                            break;
                        }
                        if let Err((e, sql)) = (w.step)(session.conn(), log.ops) {
                            log.errors.entry(e).or_insert((0, sql)).0 += 1;
                        }
                        log.ops += 1;
                        if !announced && log.ops >= load.before {
                            announced = true;
                            started.fetch_add(1, Ordering::SeqCst);
                        }
                        std::thread::sleep(load.pause);
                    }
                    if !announced {
                        started.fetch_add(1, Ordering::SeqCst);
                    }
                    log
                })
            })
            .collect();
        while started.load(Ordering::SeqCst) < n {
            std::thread::sleep(Duration::from_millis(5));
        }
        let result = run();
        stop.store(true, Ordering::SeqCst);
        let logs = handles
            .into_iter()
            .map(|h| h.join().expect("writer thread panicked"))
            .collect();
        (result, logs)
    })
}

/// A step that runs the statement `sql(i)`, its error as the driver's text.
pub fn statements<'a>(mut sql: impl FnMut(u64) -> String + Send + 'a) -> Step<'a> {
    Box::new(move |conn, i| {
        let s = sql(i);
        conn.execute(&s).map_err(|e| (e.to_string(), s))
    })
}

/// A small deterministic generator for writers' values.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407))
    }

    /// A number below `m`.
    pub fn below(&mut self, m: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % m.max(1)
    }
}

/// Writers during every phase's script, as DESIGN.md §4 has them run: the old application
/// until expand is done, both between expand and the gate, the new one from contract on; two
/// at a time, four between expand and contract. `writer(app, seed)` makes one (different
/// statements in every phase). The problems: a script that fails, and every error a writer met.
pub fn during_every_phase<'a>(
    db: &Db,
    plan: &Plan,
    load: &Load,
    settings: &super::engine::Settings,
    writer: impl Fn(App, u64) -> Writer<'a>,
) -> Vec<String> {
    let mut failures = Vec::new();
    for (p, phase) in plan.phases.iter().enumerate() {
        let apps = match phase.name.as_str() {
            "expand" => vec![App::Old, App::Old],
            "contract" => vec![App::New, App::New],
            _ => vec![App::Old, App::New, App::Old, App::New],
        };
        let seed = 100 * p as u64 + 7;
        let writers = apps
            .into_iter()
            .enumerate()
            .map(|(i, a)| writer(a, seed + i as u64))
            .collect();
        let (script, logs) = during(db, plan, load, writers, || db.run_with(&phase.up, settings));
        if let Err(e) = script {
            failures.push(format!(
                "{} up failed under concurrent writers: {e}",
                phase.name
            ));
            break;
        }
        for log in &logs {
            eprintln!(
                "{}: {:?} writer ran {} statements, {} errors",
                phase.name,
                log.app,
                log.ops,
                log.error_count()
            );
            failures.extend(log.problems(&format!("{} up ran", phase.name)));
        }
    }
    failures
}

/// After expand, one writer steadily inserting while the backfill phase's script runs (for at
/// most four minutes): what the script returned, and the writer's problems.
pub fn backfill_under_load(
    db: &Db,
    plan: &Plan,
    settings: &super::engine::Settings,
    writer: Writer<'_>,
) -> (Result<(), String>, Vec<String>) {
    let phase = |name: &str| {
        plan.phase(name)
            .unwrap_or_else(|| panic!("the plan has no {name} phase"))
    };
    db.run(&phase("expand").up)
        .unwrap_or_else(|e| panic!("expand up: {e}"));
    let load = Load {
        before: 5,
        at_least: 0,
        at_most: 50_000,
        for_at_most: Duration::from_secs(240),
        pause: Duration::from_millis(5),
    };
    let t = Instant::now();
    let (result, logs) = during(db, plan, &load, vec![writer], || {
        db.run_with(&phase("backfill").up, settings)
    });
    eprintln!(
        "the backfill took {:.1}s while {} rows were inserted",
        t.elapsed().as_secs_f64(),
        logs[0].ops
    );
    (result, logs[0].problems("the backfill ran"))
}
