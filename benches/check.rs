//! `cargo bench --bench check`: how long `migc check` takes on a large schema, and how much
//! memory it needs.
//!
//! Generates a deterministic schema of 10,000 tables (about 150,000 lines in about 100 files),
//! runs the real `migc` binary on it several times, and prints the wall time and the peak
//! resident memory of the child process against the targets (1 s, 500 MiB). A benchmark, not a
//! test: missing a target is reported, not failed; a schema that does not compile cleanly panics.
//!
//! Peak memory is the kernel's `ru_maxrss` of the `migc` process, read through GNU time
//! (`/usr/bin/time -f %M`, which gets it from `wait4`). The bench also measures it std-only, as
//! a cross-check and as the fallback where GNU time is missing: it runs itself again as a child
//! that runs the same `check` code in-process (`migc::cli::main`) and then reads its own
//! high-water mark (`VmHWM` in `/proc/self/status`, Linux). See BENCHMARKS.md.
//!
//! Environment: `MIGC_BENCH_KEEP=1` keeps the generated schema (its path is printed), e.g. for
//! profiling; `MIGC_BENCH_RUNS=n` sets the number of timed runs (default 10).

use std::path::Path;
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

#[path = "check/schema.rs"]
mod schema;

use schema::generate;

const TABLES: usize = 10_000;
const FILES: usize = 100;
const AREAS: usize = 10;
const SEED: u64 = 0x6d69_6763_6265_6e63;
const WALL_TARGET: Duration = Duration::from_secs(1);
const RSS_TARGET_MIB: f64 = 500.0;
/// Set in the child process of the std-only peak-memory measurement.
const CHILD_ENV: &str = "MIGC_BENCH_SELF_MEASURE";
/// What that child prints on stderr before its peak resident set size in KiB.
const CHILD_MARKER: &str = "migc-bench-vmhwm-kib ";

fn main() -> ExitCode {
    if std::env::var_os(CHILD_ENV).is_some() {
        return self_measure_child();
    }
    let runs: usize = std::env::var("MIGC_BENCH_RUNS")
        .ok()
        .and_then(|s| s.parse().ok())
        .filter(|&n| n > 0)
        .unwrap_or(10);
    let keep = std::env::var_os("MIGC_BENCH_KEEP").is_some();
    let migc = Path::new(env!("CARGO_BIN_EXE_migc"));
    let load_before = load_average();

    let dir = std::env::temp_dir().join(format!("migc-bench-check-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let stats = generate(&dir).expect("write the generated schema");

    // The schema must compile without a single diagnostic. (Also the untimed warm-up run.)
    let out = Command::new(migc)
        .arg("check")
        .arg(&dir)
        .output()
        .expect("run migc");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let expected = format!("ok: {} files, {} tables, ", stats.files, stats.tables);
    assert!(
        out.status.success() && stdout.starts_with(&expected) && stderr.is_empty(),
        "the generated schema in {} does not check cleanly ({}):\n{stdout}{}",
        dir.display(),
        out.status,
        stderr.chars().take(4000).collect::<String>(),
    );

    // Wall time: from spawning `migc check DIR` to its exit.
    let mut walls: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            let status = Command::new(migc)
                .arg("check")
                .arg(&dir)
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .expect("run migc");
            let wall = start.elapsed();
            assert!(status.success(), "migc check failed: {status}");
            wall
        })
        .collect();
    walls.sort();
    let min = walls[0];
    let median = walls[walls.len() / 2];

    // Peak memory and CPU time: the largest peak and the median CPU time of three runs.
    let gnu: Option<Vec<Usage>> = (0..3).map(|_| gnu_time(migc, &dir)).collect();
    let own: Option<Vec<u64>> = (0..3).map(|_| self_measured_vmhwm(&dir)).collect();
    let mib = |kib: u64| kib as f64 / 1024.0;
    let gnu_rss = gnu
        .as_ref()
        .and_then(|g| g.iter().map(|u| u.maxrss_kib).max());
    let own_rss = own.as_ref().and_then(|o| o.iter().copied().max());
    let cpu = gnu.map(|mut g| {
        g.sort_by_key(|u| u.cpu);
        g[g.len() / 2].cpu
    });
    let load_after = load_average();

    let ms = |d: Duration| format!("{:.0} ms", d.as_secs_f64() * 1000.0);
    let verdict = |ok: bool| if ok { "met" } else { "MISSED" };
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!();
    println!("migc check on a generated schema ({runs} timed runs, {cores} cores)");
    println!("  files          {:>10}", stats.files);
    println!("  tables         {:>10}", stats.tables);
    println!("  views          {:>10}", stats.views);
    println!("  lines          {:>10}", stats.lines);
    println!("  bytes          {:>10}", stats.bytes);
    println!("  wall min       {:>10}", ms(min));
    println!(
        "  wall median    {:>10}   target < {} ms: {}",
        ms(median),
        WALL_TARGET.as_millis(),
        verdict(median < WALL_TARGET)
    );
    if let Some(cpu) = cpu {
        println!(
            "  cpu median     {:>10}   (user + sys, all threads)",
            ms(cpu)
        );
    }
    match gnu_rss.or(own_rss).map(mib) {
        Some(peak) => println!(
            "  peak RSS       {:>10}   target < {RSS_TARGET_MIB:.0} MiB: {}",
            format!("{peak:.1} MiB"),
            verdict(peak < RSS_TARGET_MIB)
        ),
        None => println!(
            "  peak RSS       {:>10}   (neither /usr/bin/time nor /proc here)",
            "n/a"
        ),
    }
    match (gnu_rss, own_rss) {
        (Some(_), Some(own)) => println!(
            "  (peak RSS: ru_maxrss of migc via /usr/bin/time; std-only VmHWM of the same code \
             in-process: {:.1} MiB)",
            mib(own)
        ),
        (Some(_), None) => println!("  (peak RSS: ru_maxrss of migc via /usr/bin/time)"),
        (None, Some(_)) => println!("  (peak RSS: std-only VmHWM of the same code in-process)"),
        (None, None) => {}
    }
    if let (Some(before), Some(after)) = (load_before, load_after) {
        println!("  (load average of the machine: {before} before, {after} after)");
    }
    println!();

    if keep {
        println!("schema kept in {}", dir.display());
    } else {
        let _ = std::fs::remove_dir_all(&dir);
    }
    ExitCode::SUCCESS
}

/// The one-minute load average (Linux), to tell a slow run from a busy machine.
fn load_average() -> Option<String> {
    let text = std::fs::read_to_string("/proc/loadavg").ok()?;
    text.split_whitespace().next().map(str::to_string)
}

/// What GNU time reports about one run.
struct Usage {
    maxrss_kib: u64,
    /// User plus system time.
    cpu: Duration,
}

/// Runs `migc check DIR` under GNU time, which reads the child's resource usage from `wait4`.
fn gnu_time(migc: &Path, dir: &Path) -> Option<Usage> {
    let out = Command::new("/usr/bin/time")
        .args(["-f", "migc-bench-usage %M %U %S"])
        .arg(migc)
        .arg("check")
        .arg(dir)
        .stdout(Stdio::null())
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    let line = stderr
        .lines()
        .rev()
        .find_map(|l| l.strip_prefix("migc-bench-usage "))?;
    let mut fields = line.split_whitespace();
    let maxrss_kib = fields.next()?.parse().ok()?;
    let user: f64 = fields.next()?.parse().ok()?;
    let sys: f64 = fields.next()?.parse().ok()?;
    Some(Usage {
        maxrss_kib,
        cpu: Duration::from_secs_f64(user + sys),
    })
}

/// The std-only measurement: runs this bench binary again as a child that checks `dir`
/// in-process and reports its own peak resident set size in KiB.
fn self_measured_vmhwm(dir: &Path) -> Option<u64> {
    let out = Command::new(std::env::current_exe().ok()?)
        .env(CHILD_ENV, "1")
        .arg("check")
        .arg(dir)
        .stdout(Stdio::null())
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    stderr
        .lines()
        .find_map(|l| l.strip_prefix(CHILD_MARKER))
        .and_then(|n| n.trim().parse().ok())
}

/// The child of [`self_measured_vmhwm`]: `migc` with this process's arguments, then the
/// high-water mark of its resident set. Read after the work, it cannot miss the peak.
fn self_measure_child() -> ExitCode {
    let code = migc::cli::main();
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    if let Some(kib) = status.lines().find_map(|l| l.strip_prefix("VmHWM:")) {
        eprintln!("{CHILD_MARKER}{}", kib.trim().trim_end_matches("kB").trim());
    }
    code
}
