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

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

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

// ---------------------------------------------------------------------------------------------
// The generator

/// A small deterministic generator (SplitMix64), so the schema is the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n`.
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// True with probability `percent`%.
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

struct Stats {
    files: usize,
    tables: usize,
    views: usize,
    lines: usize,
    bytes: usize,
}

/// The enums of `types.mig`: name and values.
#[rustfmt::skip]
const ENUMS: &[(&str, &[&str])] = &[
    ("order_status", &["pending", "paid", "shipped", "delivered", "cancelled", "refunded"]),
    ("priority_level", &["low", "normal", "high", "urgent"]),
    ("account_kind", &["personal", "business", "partner"]),
    ("visibility", &["private", "internal", "public"]),
    ("payment_method", &["card", "transfer", "cash", "voucher"]),
    ("review_state", &["draft", "submitted", "approved", "rejected"]),
    ("sales_region", &["emea", "amer", "apac"]),
    ("currency_code", &["eur", "usd", "gbp", "jpy", "chf"]),
];

/// Table names are one of these and the table's number.
const NOUNS: &str = "accounts addresses invoices payments orders shipments products variants \
    prices carts coupons customers suppliers warehouses stocks returns refunds reviews ratings \
    tickets messages threads projects tasks milestones teams members roles grants sessions \
    devices events reports exports imports webhooks plans subscriptions usages quotas contracts \
    documents folders labels notes audits campaigns leads contacts deals";

/// The directories, ten modules each.
#[rustfmt::skip]
const AREA_NAMES: [&str; AREAS] = [
    "billing", "catalog", "crm", "fulfilment", "identity", "inventory", "marketing", "projects",
    "support", "analytics",
];

/// What a column may look like: its name, its type, and the attributes it may get.
#[derive(Clone, Copy)]
enum Kind {
    Text,
    Varchar(u32),
    Int32,
    Int64,
    Decimal(u32, u32),
    Bool,
    Uuid,
    Date,
    Timestamptz,
    Json,
    Enum(usize),
}

const COLUMNS: &[(&str, Kind)] = &[
    ("name", Kind::Text),
    ("title", Kind::Text),
    ("description", Kind::Text),
    ("email", Kind::Text),
    ("slug", Kind::Text),
    ("city", Kind::Text),
    ("summary", Kind::Text),
    ("code", Kind::Varchar(32)),
    ("sku", Kind::Varchar(64)),
    ("phone", Kind::Varchar(20)),
    ("postal_code", Kind::Varchar(16)),
    ("country_iso", Kind::Varchar(2)),
    ("quantity", Kind::Int32),
    ("position", Kind::Int32),
    ("attempts", Kind::Int32),
    ("revision", Kind::Int32),
    ("view_count", Kind::Int64),
    ("size_bytes", Kind::Int64),
    ("external_ref", Kind::Int64),
    ("amount", Kind::Decimal(12, 2)),
    ("price", Kind::Decimal(10, 2)),
    ("weight", Kind::Decimal(8, 3)),
    ("tax_rate", Kind::Decimal(5, 4)),
    ("is_active", Kind::Bool),
    ("is_archived", Kind::Bool),
    ("verified", Kind::Bool),
    ("public_id", Kind::Uuid),
    ("token", Kind::Uuid),
    ("starts_on", Kind::Date),
    ("due_on", Kind::Date),
    ("published_at", Kind::Timestamptz),
    ("expires_at", Kind::Timestamptz),
    ("last_seen_at", Kind::Timestamptz),
    ("metadata", Kind::Json),
    ("settings", Kind::Json),
    ("status", Kind::Enum(0)),
    ("priority", Kind::Enum(1)),
    ("kind", Kind::Enum(2)),
    ("visibility", Kind::Enum(3)),
    ("payment_method", Kind::Enum(4)),
    ("review_state", Kind::Enum(5)),
    ("region", Kind::Enum(6)),
    ("currency", Kind::Enum(7)),
];

/// A table already generated, which later tables may reference.
struct Target {
    name: String,
    /// `int64` or `uuid`: the type of its `id` primary key.
    key_type: &'static str,
}

fn generate(dir: &Path) -> std::io::Result<Stats> {
    let mut rng = Rng(SEED);
    let mut stats = Stats {
        files: 0,
        tables: 0,
        views: 0,
        lines: 0,
        bytes: 0,
    };
    let mut files: Vec<(PathBuf, String)> = Vec::new();
    let nouns: Vec<&str> = NOUNS.split_whitespace().collect();

    let mut types = String::from("// Enumerations shared by every area.\n\n");
    for (name, values) in ENUMS {
        let _ = writeln!(types, "enum {name} {{ {} }}", values.join(", "));
    }
    files.push((dir.join("types.mig"), types));

    let mut targets: Vec<Target> = Vec::with_capacity(TABLES);
    for file in 0..FILES {
        let area = AREA_NAMES[file * AREAS / FILES];
        let path = dir
            .join(area)
            .join(format!("module_{:02}.mig", file % (FILES / AREAS)));
        let mut text = format!(
            "// {area}: module {file} of the generated benchmark schema.\n\nuse std.timestamps\n"
        );
        let first = file * TABLES / FILES;
        let last = (file + 1) * TABLES / FILES;
        for t in first..last {
            text.push('\n');
            let target = table(&mut rng, &mut text, t, &targets, &nouns);
            targets.push(target);
            if t % 500 == 499 {
                text.push('\n');
                view(&mut rng, &mut text, t, &targets);
                stats.views += 1;
            }
        }
        files.push((path, text));
    }

    for (path, text) in &files {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(path, text)?;
        stats.files += 1;
        stats.lines += text.lines().count();
        stats.bytes += text.len();
    }
    stats.tables = targets.len();
    Ok(stats)
}

/// Writes table number `t`; returns what later tables need to reference it.
fn table(rng: &mut Rng, out: &mut String, t: usize, earlier: &[Target], nouns: &[&str]) -> Target {
    let noun = rng.pick(nouns);
    let name = format!("{noun}_{t}");
    let key_type = if rng.chance(10) { "uuid" } else { "int64" };
    if rng.chance(15) {
        let _ = writeln!(
            out,
            "// {name}: one row per {}.",
            noun.trim_end_matches('s')
        );
    }
    let _ = writeln!(out, "table {name} {{");
    if key_type == "uuid" {
        out.push_str("  id uuid primary key default gen_uuid()\n");
    } else {
        out.push_str("  id int64 primary key identity\n");
    }

    // 8 to 20 columns in all, mostly toward the lower end.
    let total = 8 + rng.below(13).min(rng.below(13)).min(rng.below(13));
    let timestamps = rng.chance(60);
    let mut left = total - 1 - if timestamps { 2 } else { 0 };
    let mut names: Vec<String> = Vec::new();
    let mut indexed: Vec<String> = Vec::new();
    let mut index_names: Vec<String> = Vec::new();

    // Foreign keys to earlier tables, in this file or an earlier one.
    let fks = if earlier.is_empty() {
        0
    } else {
        rng.below(4).min(left - 4).min(rng.below(4))
    };
    let mut fk_columns: Vec<String> = Vec::new();
    for _ in 0..fks {
        let reach = earlier
            .len()
            .min(if rng.chance(50) { 100 } else { earlier.len() });
        let target = &earlier[earlier.len() - 1 - rng.below(reach)];
        let column = format!("{}_id", target.name);
        if names.contains(&column) {
            continue;
        }
        let line = match rng.below(4) {
            0 => format!(
                "  {column} {} null references {}(id) on delete set null",
                target.key_type, target.name
            ),
            1 => format!(
                "  {column} {} not null references {} on delete cascade",
                target.key_type, target.name
            ),
            2 => format!(
                "  {column} {} not null references {}(id) on delete restrict on update cascade",
                target.key_type, target.name
            ),
            _ => format!("  {column} {} not null", target.key_type),
        };
        out.push_str(&line);
        out.push('\n');
        if line.ends_with(" not null") {
            // The table-level spelling of a foreign key.
            let _ = writeln!(
                out,
                "  foreign key ({column}) references {}(id)",
                target.name
            );
        }
        fk_columns.push(column.clone());
        names.push(column);
        left -= 1;
    }

    let mut chosen: Vec<(&str, Kind)> = Vec::new();
    while left > 0 {
        let (cname, kind) = *rng.pick(COLUMNS);
        if names.iter().any(|n| n == cname) {
            continue;
        }
        names.push(cname.to_string());
        chosen.push((cname, kind));
        left -= 1;
        let mut line = format!("  {cname} {}", type_of(kind));
        let not_null = rng.chance(55);
        if not_null {
            line.push_str(" not null");
        }
        if rng.chance(45) {
            if let Some(default) = default_of(rng, kind) {
                let _ = write!(line, " default {default}");
            }
        }
        if matches!(
            cname,
            "email" | "slug" | "code" | "sku" | "public_id" | "token"
        ) && rng.chance(40)
        {
            line.push_str(" unique");
            indexed.push(cname.to_string());
        }
        if rng.chance(20) {
            if let Some(check) = check_of(kind, cname) {
                let _ = write!(line, " check ({check})");
            }
        }
        if rng.chance(4) {
            let _ = write!(
                line,
                " comment \"the {} of the row\"",
                cname.replace('_', " ")
            );
        }
        out.push_str(&line);
        out.push('\n');
    }
    if timestamps {
        out.push_str("  include timestamps\n");
    }

    // Indexes: on foreign keys, multi-column, expression, partial and unique ones.
    let mut index = |out: &mut String, line: String, name: String| {
        if !index_names.contains(&name) {
            out.push_str(&line);
            out.push('\n');
            index_names.push(name);
        }
    };
    for fk in &fk_columns {
        if timestamps && rng.chance(30) {
            index(
                out,
                format!("  index ({fk}, created_at desc)"),
                format!("{fk}_created_at"),
            );
        } else if rng.chance(70) {
            index(out, format!("  index ({fk})"), fk.clone());
        }
    }
    let texts: Vec<&str> = chosen
        .iter()
        .filter(|(_, k)| matches!(k, Kind::Text | Kind::Varchar(_)))
        .map(|(n, _)| *n)
        .collect();
    let enums: Vec<(&str, usize)> = chosen
        .iter()
        .filter_map(|(n, k)| match k {
            Kind::Enum(e) => Some((*n, *e)),
            _ => None,
        })
        .collect();
    if let Some(c) = texts.first().filter(|_| rng.chance(35)) {
        index(
            out,
            format!("  index {name}_{c}_lower (lower({c}))"),
            format!("{c}_lower"),
        );
    }
    if let Some((c, e)) = enums.first().filter(|_| rng.chance(40)) {
        let value = ENUMS[*e].1.last().copied().unwrap_or_default();
        if rng.chance(50) {
            index(
                out,
                format!("  index ({c}) where {c} <> '{value}'"),
                c.to_string(),
            );
        } else if timestamps {
            index(
                out,
                format!(
                    "  index ({c}, created_at) where ({c} = '{}')",
                    ENUMS[*e].1[0]
                ),
                format!("{c}_created_at"),
            );
        }
    }
    if chosen.len() >= 2 && rng.chance(25) {
        let (a, b) = (chosen[0].0, chosen[1].0);
        index(out, format!("  index ({a}, {b})"), format!("{a}_{b}"));
    }
    if let Some(c) = texts.iter().find(|c| !indexed.iter().any(|i| i == *c)) {
        if rng.chance(15) {
            out.push_str(&format!("  unique ({c}, id)\n"));
        }
    }
    let numbers: Vec<&str> = chosen
        .iter()
        .filter(|(_, k)| matches!(k, Kind::Decimal(..) | Kind::Int32))
        .map(|(n, _)| *n)
        .collect();
    if numbers.len() >= 2 && rng.chance(30) {
        let (a, b) = (numbers[0], numbers[1]);
        let _ = writeln!(
            out,
            "  check {name}_{a}_bounded ({a} is null or {a} <= {b} * 1000)"
        );
    }
    if rng.chance(3) {
        let _ = writeln!(out, "  comment \"generated table {t}\"");
    }
    out.push_str("}\n");
    Target { name, key_type }
}

/// A view joining one of the tables just written with an older one.
fn view(rng: &mut Rng, out: &mut String, t: usize, tables: &[Target]) {
    let base = &tables[tables.len() - 1 - rng.below(50)];
    let other = &tables[rng.below(tables.len() - 100)];
    let _ = writeln!(out, "view report_{t} as (");
    let _ = writeln!(out, "  select b.id, count(o.id) as related");
    let _ = writeln!(out, "  from {} b", base.name);
    let _ = writeln!(out, "  left join {} o on o.id = b.id", other.name);
    let _ = writeln!(out, "  group by b.id");
    let _ = writeln!(out, ")");
}

fn type_of(kind: Kind) -> String {
    match kind {
        Kind::Text => "text".into(),
        Kind::Varchar(n) => format!("varchar({n})"),
        Kind::Int32 => "int32".into(),
        Kind::Int64 => "int64".into(),
        Kind::Decimal(p, s) => format!("decimal({p},{s})"),
        Kind::Bool => "bool".into(),
        Kind::Uuid => "uuid".into(),
        Kind::Date => "date".into(),
        Kind::Timestamptz => "timestamptz".into(),
        Kind::Json => "json".into(),
        Kind::Enum(e) => ENUMS[e].0.into(),
    }
}

fn default_of(rng: &mut Rng, kind: Kind) -> Option<String> {
    Some(match kind {
        Kind::Text => "''".into(),
        Kind::Varchar(_) => "'n/a'".into(),
        Kind::Int32 | Kind::Int64 => "0".into(),
        Kind::Decimal(..) => "0.00".into(),
        Kind::Bool => if rng.chance(50) { "true" } else { "false" }.into(),
        Kind::Uuid => "gen_uuid()".into(),
        Kind::Date => "current_date".into(),
        Kind::Timestamptz => "now()".into(),
        Kind::Json => "'{}'".into(),
        Kind::Enum(e) => format!("'{}'", rng.pick(ENUMS[e].1)),
    })
}

fn check_of(kind: Kind, column: &str) -> Option<String> {
    match kind {
        Kind::Text | Kind::Varchar(_) => Some(format!("length({column}) > 0")),
        Kind::Int32 | Kind::Int64 => Some(format!("{column} >= 0")),
        Kind::Decimal(..) => Some(format!("{column} >= 0 and {column} < 1000000")),
        _ => None,
    }
}
