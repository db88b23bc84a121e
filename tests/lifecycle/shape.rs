//! One application version as the lifecycle tests play it: the schema it was written for, the
//! keys of the other version it keeps to, and the values of the rows it writes, which keep to
//! keys, foreign keys, enum labels and simple checks (`>= 0`, `between 1 and 5`) by
//! construction.

use super::engine::{Engine, Value};
use super::plan::App;
use super::rows::pk;
use super::transitions::{Derivation, Key};
use migc_compiler::schema::{Column, ColumnType, ForeignKey, Schema, Table};
use std::collections::BTreeMap;
use std::sync::Mutex;

/// Which columns a generated row fills.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Profile {
    /// Every column but identity columns.
    Full,
    /// Only what must be given: keys, foreign keys and NOT NULL columns without a default.
    Lean,
}

/// One application version: the schema it was written for.
pub struct Shape {
    pub app: App,
    pub schema: Schema,
    /// enum -> the labels this version writes, in declared order.
    pub labels: BTreeMap<String, Vec<String>>,
    /// enum -> the label it writes by preference (one the other version lacks, to exercise the
    /// change).
    pub prefer: BTreeMap<String, String>,
    /// table -> the name its row counter is kept under (the same for both versions).
    pub canon: BTreeMap<String, String>,
    /// table -> the profile seeding found its checks accept.
    pub profiles: Mutex<BTreeMap<String, Profile>>,
    /// Tables in the order rows can be inserted (parents first).
    pub order: Vec<String>,
    /// The other version's foreign keys on this version's tables, in this version's names:
    /// rows keep to them, as a real application keeps to its data's rules.
    pub extra_fks: BTreeMap<String, Vec<ForeignKey>>,
    /// Column sets unique in the other version, in this version's names.
    pub extra_unique: BTreeMap<String, Vec<Vec<String>>>,
    /// The other version's primary key, in this version's names: rows are found by it, so
    /// updates leave it.
    pub extra_pk: BTreeMap<String, Vec<String>>,
}

impl Shape {
    pub fn new(app: App, schema: Schema) -> Shape {
        let order = insert_order(&schema);
        let labels = schema
            .enums
            .values()
            .map(|e| {
                (
                    e.name.clone(),
                    e.values.iter().map(|v| v.name.clone()).collect(),
                )
            })
            .collect();
        Shape {
            app,
            schema,
            labels,
            prefer: BTreeMap::new(),
            canon: BTreeMap::new(),
            profiles: Mutex::new(BTreeMap::new()),
            order,
            extra_fks: BTreeMap::new(),
            extra_unique: BTreeMap::new(),
            extra_pk: BTreeMap::new(),
        }
    }

    pub fn table(&self, name: &str) -> Result<&Table, String> {
        self.schema
            .tables
            .get(name)
            .ok_or_else(|| format!("{}: no table {name}", self.app))
    }

    pub fn key(&self, table: &str) -> String {
        self.canon
            .get(table)
            .cloned()
            .unwrap_or_else(|| table.to_string())
    }

    pub fn profile(&self, table: &str) -> Option<Profile> {
        self.profiles
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(table)
            .copied()
    }

    pub fn foreign_keys<'a>(&'a self, t: &'a Table) -> impl Iterator<Item = &'a ForeignKey> {
        t.foreign_keys
            .iter()
            .chain(self.extra_fks.get(&t.name).into_iter().flatten())
    }

    pub fn is_fk(&self, t: &Table, col: &str) -> bool {
        self.foreign_keys(t)
            .any(|f| f.columns.iter().any(|c| c == col))
    }

    /// Whether the column is in a key of either version (its values must not repeat).
    pub fn is_unique(&self, t: &Table, col: &str) -> bool {
        unique_sets(t)
            .iter()
            .chain(self.extra_unique.get(&t.name).into_iter().flatten())
            .any(|s| s.iter().any(|c| c == col))
    }
}

/// The column sets of a table's primary key, unique constraints and unique indexes over
/// plain columns.
pub fn unique_sets(t: &Table) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = t.primary_key.iter().map(|p| p.columns.clone()).collect();
    out.extend(t.uniques.iter().map(|u| u.columns.clone()));
    for i in t
        .indexes
        .iter()
        .filter(|i| i.unique && i.predicate.is_none())
    {
        if let Some(cols) = i
            .parts
            .iter()
            .map(|p| p.column.clone())
            .collect::<Option<Vec<_>>>()
        {
            out.push(cols);
        }
    }
    out
}

/// Parents before children, following foreign keys (self references and cycles broken in name
/// order).
pub fn insert_order(schema: &Schema) -> Vec<String> {
    let mut left: Vec<&String> = schema.tables.keys().collect();
    let mut out: Vec<String> = Vec::new();
    while !left.is_empty() {
        let ready = left.iter().position(|t| {
            schema.tables[*t].foreign_keys.iter().all(|fk| {
                fk.ref_table == **t
                    || out.contains(&fk.ref_table)
                    || !schema.tables.contains_key(&fk.ref_table)
            })
        });
        out.push(left.remove(ready.unwrap_or(0)).clone());
    }
    out
}

/// Gives `dst` the keys of the other version's tables (`src`, paired with `dst`'s tables by
/// `pairs`) whose columns all map to plain columns of `dst` through `derivs` (keyed by the
/// source table).
pub fn borrow_keys(
    dst: &mut Shape,
    src: &Schema,
    pairs: &[(String, String)],
    derivs: &BTreeMap<Key, Derivation>,
) {
    let map = |table: &str, cols: &[String]| -> Option<Vec<String>> {
        cols.iter()
            .map(|c| match derivs.get(&(table.to_string(), c.clone())) {
                Some(Derivation::Column(o)) => Some(o.clone()),
                _ => None,
            })
            .collect()
    };
    let dst_name = |s: &str| pairs.iter().find(|(x, _)| x == s).map(|(_, d)| d.clone());
    for (s, d) in pairs {
        let (Some(st), Some(dt)) = (src.tables.get(s), dst.schema.tables.get(d)) else {
            continue;
        };
        for fk in &st.foreign_keys {
            let (Some(ref_table), Some(cols), Some(ref_columns)) = (
                dst_name(&fk.ref_table),
                map(s, &fk.columns),
                map(&fk.ref_table, &fk.ref_columns),
            ) else {
                continue;
            };
            if dt.foreign_keys.iter().any(|k| k.columns == cols) {
                continue;
            }
            let mut k = fk.clone();
            k.name = format!("{} (of the {})", fk.name, dst.app);
            k.columns = cols;
            k.ref_table = ref_table;
            k.ref_columns = ref_columns;
            dst.extra_fks.entry(d.clone()).or_default().push(k);
        }
        for set in unique_sets(st) {
            if let Some(cols) = map(s, &set) {
                dst.extra_unique.entry(d.clone()).or_default().push(cols);
            }
        }
        if let Some(cols) = map(s, &pk(st)) {
            dst.extra_pk.insert(d.clone(), cols);
        }
    }
}

/// Row counters, one per table (under its canonical name), so that generated key values never
/// repeat in a database.
#[derive(Clone, Debug, Default)]
pub struct Counters(BTreeMap<String, u64>);

impl Counters {
    pub fn next(&mut self, key: &str) -> u64 {
        let n = self.0.entry(key.to_string()).or_insert(0);
        *n += 1;
        *n
    }
}

/// A letter code of exactly `len` letters for `n`.
fn code(n: u64, len: usize) -> String {
    let mut s = Vec::with_capacity(len);
    let mut v = n;
    for _ in 0..len {
        s.push(b'A' + (v % 26) as u8);
        v /= 26;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

/// Upper-case letters of the column's name and the row number, at most `max` characters.
fn text_value(col: &str, n: u64, max: Option<u64>) -> String {
    let digits = n.to_string();
    match max {
        Some(k) if k <= 6 => code(n, k as usize),
        _ => {
            let room = (max.unwrap_or(24).min(24) as usize)
                .saturating_sub(digits.len())
                .max(1);
            let prefix: String = col
                .chars()
                .filter(char::is_ascii_alphabetic)
                .take(room)
                .collect::<String>()
                .to_uppercase();
            format!("{}{digits}", if prefix.is_empty() { "V" } else { &prefix })
        }
    }
}

/// `2024-01-01` plus `days`, and `minutes` into that day, as `YYYY-MM-DD[ HH:MM:00]`.
fn date_time(days: u64, minutes: Option<u64>) -> String {
    // Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
    let z = 19_723 + days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    let date = format!("{y:04}-{m:02}-{d:02}");
    match minutes {
        Some(min) => format!("{date} {:02}:{:02}:00", min / 60 % 24, min % 60),
        None => date,
    }
}

/// A value for column `col` of row `n`; `ordinal` (the column's position) spreads the times of
/// a row, so that a check that one comes after another (`expires_at > created_at`) holds.
pub fn value(
    shape: &Shape,
    engine: &dyn Engine,
    col: &Column,
    n: u64,
    ordinal: u64,
    unique: bool,
    profile: Profile,
) -> Result<Value, String> {
    // Keys count rows; other numbers stay small, as checks such as `between 1 and 5` expect.
    let number = if unique { n } else { (n - 1) % 5 + 1 };
    let text = |max: Option<u64>| Value::Text(text_value(&col.name, n, max));
    let minutes = n * 60 + ordinal;
    Ok(match &col.ty {
        ColumnType::Enum { name } => {
            let labels = shape
                .labels
                .get(name)
                .filter(|l| !l.is_empty())
                .ok_or_else(|| format!("{}: no label of enum {name} to write", shape.app))?;
            Value::Text(match (profile, shape.prefer.get(name)) {
                (Profile::Full, Some(p)) => p.clone(),
                (Profile::Full, None) => labels[(n as usize) % labels.len()].clone(),
                (Profile::Lean, _) => labels[0].clone(),
            })
        }
        ColumnType::Native { spellings } => {
            let s = spellings
                .get(&engine.dialect())
                .map(|s| s.to_ascii_lowercase())
                .unwrap_or_default();
            if s.contains("int") && !s.contains("interval") {
                Value::Int(number as i64)
            } else if s == "inet" || s == "cidr" {
                Value::Text(format!(
                    "10.{}.{}.{}",
                    n / 65536 % 256,
                    n / 256 % 256,
                    n % 256
                ))
            } else if s.contains("json") {
                Value::Text(format!("{{\"n\": {n}}}"))
            } else if s == "tsvector" {
                Value::Text(format!("word{n}"))
            } else if s == "interval" {
                Value::Text(format!("{n} minutes"))
            } else {
                text(None)
            }
        }
        ColumnType::Builtin { name, args } => match name.as_str() {
            "int16" | "int32" | "int64" | "decimal" => Value::Int(number as i64),
            "float32" | "float64" => Value::Real(format!("{number}.5")),
            "bool" => Value::Bool(n % 2 == 0),
            "varchar" => text(args.first().copied()),
            "uuid" => Value::Text(format!("00000000-0000-4000-8000-{n:012}")),
            "date" => Value::Text(date_time(n, None)),
            "time" => Value::Text(format!("{:02}:{:02}:00", 8 + ordinal / 60, ordinal % 60)),
            "timestamp" | "timestamptz" => {
                Value::Text(date_time(minutes / 1440, Some(minutes % 1440)))
            }
            "json" => Value::Text(format!("{{\"n\": {n}}}")),
            // Letters, which read back the same through every driver.
            "bytes" => Value::Bytes(code(n, 2).into_bytes()),
            _ => text(None),
        },
    })
}
