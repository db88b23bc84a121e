//! The generated schema of `cargo bench --bench check`: 10,000 tables in 100 files over ten
//! areas, with enums, indexes, checks and foreign keys to earlier tables, from a fixed seed.

use super::{AREAS, FILES, SEED, TABLES};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

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

pub struct Stats {
    pub files: usize,
    pub tables: usize,
    pub views: usize,
    pub lines: usize,
    pub bytes: usize,
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

pub fn generate(dir: &Path) -> std::io::Result<Stats> {
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
