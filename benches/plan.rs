//! Planning benchmark: a 10,000-table schema against a copy with 1,000 changes of every common
//! kind, planned for PostgreSQL by the real `migc` binary (compile both sides, diff, order,
//! lower, write the plan). Target on a 2-core machine: under 1 s.
//!
//! Run with `cargo bench --bench plan`. Not a test: it prints figures.

use std::fmt::Write as _;
use std::path::Path;
use std::process::{Command, ExitCode};
use std::time::Instant;

const TABLES: usize = 10_000;
const FILES: usize = 100;
const CHANGES: usize = 1_000;
const RUNS: usize = 5;

/// The kinds of change, applied round-robin to tables spread over the schema.
const KINDS: &[&str] = &[
    "add nullable column",
    "add column with default",
    "add index",
    "rename column",
    "add check",
    "add unique",
    "widen varchar",
    "drop column (acknowledged)",
    "computed column",
    "new table",
];

/// One table; `change` says which kind of change the target version applies to it.
fn table(out: &mut String, t: usize, change: Option<usize>) {
    let kind = change.map(|k| KINDS[k]);
    let _ = writeln!(out, "table t{t} {{");
    let _ = writeln!(out, "  id bigint primary key identity");
    if kind == Some("rename column") {
        let _ = writeln!(out, "  title text not null renamed from name");
    } else {
        let _ = writeln!(out, "  name text not null");
    }
    let code = if kind == Some("widen varchar") {
        64
    } else {
        32
    };
    let _ = writeln!(out, "  code varchar({code}) not null default 'x'");
    let _ = writeln!(
        out,
        "  amount decimal(12, 2) not null default 0 check (amount >= 0)"
    );
    if kind == Some("computed column") {
        let _ = writeln!(
            out,
            "  cents bigint not null from amount up (round(amount * 100)) down (cents / 100.0)"
        );
    }
    if kind != Some("drop column (acknowledged)") {
        let _ = writeln!(out, "  note text");
    } else {
        let _ = writeln!(out, "  drop column note");
    }
    let _ = writeln!(out, "  active bool not null default true");
    let _ = writeln!(out, "  created_at timestamptz not null default now()");
    if t > 0 {
        let _ = writeln!(out, "  parent_id bigint references t{}(id)", t - 1);
    }
    match kind {
        Some("add nullable column") => {
            let _ = writeln!(out, "  extra text");
        }
        Some("add column with default") => {
            let _ = writeln!(out, "  rank int32 not null default 0");
        }
        Some("add index") => {
            let _ = writeln!(out, "  index (code, created_at) where active");
        }
        Some("add check") => {
            let _ = writeln!(out, "  check (length(code) > 0)");
        }
        Some("add unique") => {
            let _ = writeln!(out, "  unique (code)");
        }
        _ => {}
    }
    let named = if kind == Some("rename column") {
        "title"
    } else {
        "name"
    };
    let _ = writeln!(out, "  index (lower({named}))");
    let _ = writeln!(out, "}}\n");
}

/// Writes the deployed schema into `from` and the changed copy into `to`.
fn generate(from: &Path, to: &Path) -> std::io::Result<usize> {
    std::fs::create_dir_all(from)?;
    std::fs::create_dir_all(to)?;
    let step = TABLES / CHANGES;
    let per_file = TABLES / FILES;
    let mut lines = 0;
    for f in 0..FILES {
        let (mut a, mut b) = (String::new(), String::new());
        for t in f * per_file..(f + 1) * per_file {
            table(&mut a, t, None);
            let change = (t % step == 0).then_some((t / step) % KINDS.len());
            if change == Some(KINDS.len() - 1) {
                table(&mut b, t, None);
                let _ = writeln!(b, "table n{t} {{\n  id bigint primary key\n  t_id bigint not null references t{t}(id)\n}}\n");
            } else {
                table(&mut b, t, change);
            }
        }
        lines += a.lines().count();
        std::fs::write(from.join(format!("f{f:03}.mig")), a)?;
        std::fs::write(to.join(format!("f{f:03}.mig")), b)?;
    }
    Ok(lines)
}

/// Stage timings in-process: compile the target, plan against the deployed schema, lower the
/// plan to PostgreSQL. Returns (compile, plan, render) seconds and the step count.
fn stages(from: &Path, to: &Path) -> Result<(f64, f64, f64, usize), String> {
    let load = |dir: &Path| -> Result<migc_compiler::schema::Schema, String> {
        let mut sources = migc_grammar::Sources::new();
        let mut files = Vec::new();
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .map_err(|e| e.to_string())?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .collect();
        paths.sort();
        for p in paths {
            let text = std::fs::read_to_string(&p).map_err(|e| e.to_string())?;
            files.push(sources.add(p.display().to_string(), text));
        }
        migc_compiler::compile(&mut sources, &files)
            .schema
            .ok_or_else(|| format!("{} does not compile", dir.display()))
    };
    let deployed = load(from)?;
    let start = Instant::now();
    let target = load(to)?;
    let compile = start.elapsed().as_secs_f64();
    let options = migc_planner::Options::for_dialect(migc_stdlib::Dialect::Postgres, true);
    let start = Instant::now();
    let plan = migc_planner::plan(&deployed, &target, &options);
    let planning = start.elapsed().as_secs_f64();
    let start = Instant::now();
    let labels = migc_planner::Labels {
        from: "from",
        to: "to",
    };
    let locate = |_: migc_grammar::Span| None;
    migc_planner::render(
        &plan,
        &deployed,
        &target,
        migc_stdlib::Dialect::Postgres,
        &labels,
        &locate,
    )
    .map_err(|_| "the plan does not lower".to_string())?;
    let render = start.elapsed().as_secs_f64();
    Ok((compile, planning, render, plan.steps.len()))
}

fn main() -> ExitCode {
    let dir = std::env::temp_dir().join(format!("migc-bench-plan-{}", std::process::id()));
    let (from, to, out) = (dir.join("from"), dir.join("to"), dir.join("plan"));
    let lines = match generate(&from, &to) {
        Ok(n) => n,
        Err(e) => {
            eprintln!("cannot write the schemas: {e}");
            return ExitCode::FAILURE;
        }
    };
    let migc = env!("CARGO_BIN_EXE_migc");
    let mut times = Vec::new();
    let mut steps = String::new();
    for _ in 0..RUNS {
        let start = Instant::now();
        let run = Command::new(migc)
            .arg("plan")
            .arg("--from")
            .arg(&from)
            .arg("--to")
            .arg(&to)
            .args(["--dialect", "postgres", "--allow-destructive", "--out"])
            .arg(&out)
            .output();
        let elapsed = start.elapsed().as_secs_f64();
        match run {
            Ok(o) if o.status.success() => {
                steps = String::from_utf8_lossy(&o.stdout).trim().to_string()
            }
            Ok(o) => {
                eprintln!("migc plan failed:\n{}", String::from_utf8_lossy(&o.stderr));
                return ExitCode::FAILURE;
            }
            Err(e) => {
                eprintln!("cannot run migc: {e}");
                return ExitCode::FAILURE;
            }
        }
        times.push(elapsed);
    }
    times.sort_by(f64::total_cmp);
    let median = times[times.len() / 2];
    // The deployed side as a snapshot, as a pipeline keeps it.
    let snapshot = dir.join("deployed.json");
    let written = Command::new(migc)
        .arg("snapshot")
        .arg(&from)
        .arg("-o")
        .arg(&snapshot)
        .status();
    if !written.is_ok_and(|s| s.success()) {
        eprintln!("cannot write the snapshot");
        return ExitCode::FAILURE;
    }
    let mut snap_times = Vec::new();
    for _ in 0..RUNS {
        let start = Instant::now();
        let ok = Command::new(migc)
            .arg("plan")
            .arg("--from")
            .arg(&snapshot)
            .arg("--to")
            .arg(&to)
            .args(["--dialect", "postgres", "--allow-destructive", "--out"])
            .arg(&out)
            .output()
            .is_ok_and(|o| o.status.success());
        if !ok {
            eprintln!("migc plan from the snapshot failed");
            return ExitCode::FAILURE;
        }
        snap_times.push(start.elapsed().as_secs_f64());
    }
    snap_times.sort_by(f64::total_cmp);
    let snap_median = snap_times[snap_times.len() / 2];
    let mut stage_runs = Vec::new();
    for _ in 0..RUNS {
        match stages(&from, &to) {
            Ok(s) => stage_runs.push(s),
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::FAILURE;
            }
        }
    }
    stage_runs.sort_by(|a, b| (a.1 + a.2).total_cmp(&(b.1 + b.2)));
    let (compile, planning, render, step_count) = stage_runs[stage_runs.len() / 2];
    let planner = planning + render;
    println!("plan benchmark: {TABLES} tables in {FILES} files ({lines} lines), {CHANGES} changes");
    println!("  {steps}");
    println!(
        "  migc plan, both sides .mig:          min {:.3} s, median {median:.3} s ({RUNS} runs)",
        times[0]
    );
    println!(
        "  migc plan, deployed side a snapshot: min {:.3} s, median {snap_median:.3} s",
        snap_times[0]
    );
    println!("  in-process median: compile the target {compile:.3} s, plan {planning:.3} s ({step_count} steps), lower {render:.3} s");
    println!(
        "  target under 1 s: planning and lowering {planner:.3} s: {}; the whole command from a snapshot: {}",
        if planner < 1.0 { "met" } else { "NOT met" },
        if snap_median < 1.0 { "met" } else { "NOT met" }
    );
    if std::env::var_os("MIGC_BENCH_KEEP").is_some() {
        println!("  kept {}", dir.display());
    } else {
        let _ = std::fs::remove_dir_all(&dir);
    }
    ExitCode::SUCCESS
}
