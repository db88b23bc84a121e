//! Support for the SQLite lifecycle tests (`tests/sqlite_lifecycle.rs`): plans made with the
//! real binary, scratch database files run in process with rusqlite (bundled SQLite) or through
//! the `sqlite3` shell, catalog comparison, the two application versions, and the lifecycle of
//! one change: deploy, seed, every phase with both applications writing, rollback from every
//! phase, comparison with a database built directly from the target.

#![allow(dead_code)]

use migc_compiler::schema::{Column, ColumnType, Schema, Table};
use migc_stdlib::Dialect;
use rusqlite::types::{Value, ValueRef};
use rusqlite::Connection;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

// -------------------------------------------------------------------------------------------
// Plans

#[path = "../plan_support/mod.rs"]
mod plan_support;

pub use plan_support::{data_cases, example_pairs, migc, root, snapshot, Plan};

/// A plan for SQLite.
pub fn plan(from: &str, to: &str, out: &Path) -> Result<Plan, String> {
    plan_support::plan(from, to, "sqlite", out)
}

// -------------------------------------------------------------------------------------------
// Databases

pub fn open(path: &Path) -> Result<Connection, String> {
    let c = Connection::open(path).map_err(|e| format!("open {}: {e}", path.display()))?;
    c.busy_timeout(std::time::Duration::from_secs(10))
        .map_err(|e| e.to_string())?;
    c.execute_batch("PRAGMA foreign_keys = ON;")
        .map_err(|e| e.to_string())?;
    Ok(c)
}

/// Runs a script in process. On an error the open transaction is rolled back (rusqlite stops at
/// the failed statement) and foreign keys are enforced again.
pub fn run_script(conn: &Connection, path: &Path) -> Result<(), String> {
    let name = path
        .file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .to_string();
    let sql = std::fs::read_to_string(path).map_err(|e| format!("read {name}: {e}"))?;
    let result = conn.execute_batch(&sql);
    let open = !conn.is_autocommit();
    if open {
        let _ = conn.execute_batch("ROLLBACK;");
    }
    let _ = conn.execute_batch("PRAGMA foreign_keys = ON;");
    match result {
        Err(e) => Err(format!("{name}: {e}")),
        Ok(()) if open => Err(format!("{name} left a transaction open")),
        Ok(()) => Ok(()),
    }
}

/// The `sqlite3` shell, when installed.
pub fn sqlite3() -> Option<PathBuf> {
    let ok = Command::new("sqlite3")
        .arg("-version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    ok.then(|| PathBuf::from("sqlite3"))
}

/// `sqlite3 DB < SCRIPT`: whether it exited 0, and what it printed.
pub fn run_cli(db: &Path, script: &Path) -> Result<(bool, String), String> {
    let input = std::fs::File::open(script).map_err(|e| format!("{}: {e}", script.display()))?;
    let out = Command::new("sqlite3")
        .arg(db)
        .stdin(input)
        .output()
        .map_err(|e| format!("cannot run sqlite3: {e}"))?;
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    Ok((out.status.success(), text))
}

/// A value as text for comparisons (1 and 1.0 compare equal, as SQLite's affinities make them).
pub fn norm(v: ValueRef<'_>) -> Option<String> {
    match v {
        ValueRef::Null => None,
        ValueRef::Integer(i) => Some(i.to_string()),
        ValueRef::Real(f) => Some(if f.fract() == 0.0 && f.abs() < 1e15 {
            format!("{}", f as i64)
        } else {
            format!("{f}")
        }),
        ValueRef::Text(t) => Some(String::from_utf8_lossy(t).into_owned()),
        ValueRef::Blob(b) => Some(b.iter().map(|x| format!("{x:02x}")).collect()),
    }
}

fn norm_value(v: &Value) -> Option<String> {
    norm(ValueRef::from(v))
}

/// Everything a database holds: its schema text and every row, for "nothing changed" checks.
pub fn dump(conn: &Connection) -> Result<String, String> {
    let mut out = String::new();
    let mut stmt = conn
        .prepare("SELECT type, name, coalesce(sql, '') FROM sqlite_schema ORDER BY type, name")
        .map_err(|e| e.to_string())?;
    let objects: Vec<(String, String, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .map_err(|e| e.to_string())?
        .collect::<Result<_, _>>()
        .map_err(|e| e.to_string())?;
    for (ty, name, sql) in &objects {
        out.push_str(&format!("{ty} {name}: {sql}\n"));
        if ty == "table" {
            let mut s = conn
                .prepare(&format!("SELECT * FROM {} ORDER BY rowid", quote(name)))
                .map_err(|e| e.to_string())?;
            let n = s.column_count();
            let mut rows = s.query([]).map_err(|e| e.to_string())?;
            while let Some(r) = rows.next().map_err(|e| e.to_string())? {
                let vals: Vec<String> = (0..n)
                    .map(|i| {
                        r.get_ref(i)
                            .ok()
                            .and_then(norm)
                            .unwrap_or_else(|| "NULL".into())
                    })
                    .collect();
                out.push_str(&format!("  {}\n", vals.join("|")));
            }
        }
    }
    Ok(out)
}

pub fn quote(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

fn lit(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

// -------------------------------------------------------------------------------------------
// Catalogs

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TableCat {
    /// name -> "type notnull=… default=… pk=…" (compared as a set: column order is ignored).
    pub columns: BTreeMap<String, String>,
    pub checks: BTreeSet<String>,
    pub foreign_keys: BTreeSet<String>,
    pub indexes: BTreeMap<String, String>,
    pub triggers: BTreeMap<String, String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Catalog {
    pub tables: BTreeMap<String, TableCat>,
    pub views: BTreeMap<String, String>,
}

/// SQL text compared loosely: quotes dropped, lower case, spaces normalised.
pub fn norm_sql(sql: &str) -> String {
    let s: String = sql.replace('"', "").to_lowercase();
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    s.replace("( ", "(")
        .replace(" )", ")")
        .replace(" ,", ",")
        .trim_end_matches(';')
        .to_string()
}

fn checks_of(sql: &str) -> BTreeSet<String> {
    use sqlparser::ast::{ColumnOption, Statement, TableConstraint};
    let mut out = BTreeSet::new();
    let Ok(stmts) =
        sqlparser::parser::Parser::parse_sql(&sqlparser::dialect::SQLiteDialect {}, sql)
    else {
        out.insert(format!("unparsed: {}", norm_sql(sql)));
        return out;
    };
    for s in stmts {
        if let Statement::CreateTable(ct) = s {
            for c in &ct.columns {
                for o in &c.options {
                    if let ColumnOption::Check(ck) = &o.option {
                        out.insert(norm_sql(&format!("{}: {}", c.name.value, ck.expr)));
                    }
                }
            }
            for k in &ct.constraints {
                if let TableConstraint::Check(ck) = k {
                    let name = ck
                        .name
                        .as_ref()
                        .map(|n| n.value.clone())
                        .unwrap_or_default();
                    out.insert(norm_sql(&format!("{name}: {}", ck.expr)));
                }
            }
        }
    }
    out
}

fn strings(conn: &Connection, sql: &str) -> Result<Vec<Vec<Option<String>>>, String> {
    let mut stmt = conn.prepare(sql).map_err(|e| format!("{e}: {sql}"))?;
    let n = stmt.column_count();
    let mut rows = stmt.query([]).map_err(|e| e.to_string())?;
    let mut out = Vec::new();
    while let Some(r) = rows.next().map_err(|e| e.to_string())? {
        out.push((0..n).map(|i| r.get_ref(i).ok().and_then(norm)).collect());
    }
    Ok(out)
}

pub fn catalog(conn: &Connection) -> Result<Catalog, String> {
    let mut cat = Catalog::default();
    let objects = strings(
        conn,
        "SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY name",
    )?;
    let get = |r: &Vec<Option<String>>, i: usize| r.get(i).cloned().flatten().unwrap_or_default();
    for r in &objects {
        if get(r, 0) == "table" {
            let name = get(r, 1);
            let mut t = TableCat {
                checks: checks_of(&get(r, 3)),
                ..TableCat::default()
            };
            for c in strings(
                conn,
                &format!(
                    "SELECT name, lower(type), \"notnull\", dflt_value, pk FROM pragma_table_info({})",
                    lit(&name)
                ),
            )? {
                t.columns.insert(
                    get(&c, 0),
                    format!(
                        "{} notnull={} default={} pk={}",
                        get(&c, 1),
                        get(&c, 2),
                        c[3].clone().map(|d| norm_sql(&d)).unwrap_or_else(|| "-".into()),
                        get(&c, 4)
                    ),
                );
            }
            let fks = strings(
                conn,
                &format!(
                    "SELECT id, \"table\", \"from\", \"to\", on_update, on_delete FROM pragma_foreign_key_list({}) ORDER BY id, seq",
                    lit(&name)
                ),
            )?;
            let mut by_id: BTreeMap<String, (String, Vec<String>, Vec<String>, String)> =
                BTreeMap::new();
            for f in fks {
                let e = by_id.entry(get(&f, 0)).or_insert_with(|| {
                    (
                        get(&f, 1),
                        Vec::new(),
                        Vec::new(),
                        format!("on update {} on delete {}", get(&f, 4), get(&f, 5)),
                    )
                });
                e.1.push(get(&f, 2));
                e.2.push(get(&f, 3));
            }
            for (_, (table, from, to, actions)) in by_id {
                t.foreign_keys.insert(format!(
                    "({}) -> {table}({}) {actions}",
                    from.join(", "),
                    to.join(", ")
                ));
            }
            cat.tables.insert(name, t);
        }
    }
    for r in &objects {
        let (ty, name, table, sql) = (get(r, 0), get(r, 1), get(r, 2), get(r, 3));
        match ty.as_str() {
            "index" => {
                if let Some(t) = cat.tables.get_mut(&table) {
                    t.indexes.insert(name, norm_sql(&sql));
                }
            }
            "trigger" => {
                if let Some(t) = cat.tables.get_mut(&table) {
                    t.triggers.insert(name, norm_sql(&sql));
                } else {
                    cat.views
                        .insert(format!("trigger {name} on {table}"), norm_sql(&sql));
                }
            }
            "view" => {
                cat.views.insert(name, norm_sql(&sql));
            }
            _ => {}
        }
    }
    Ok(cat)
}

/// A difference between two catalogs.
#[derive(Clone, Debug)]
pub struct Diff {
    /// `table`, `table.column`, `view`.
    pub object: String,
    /// `table`, `column`, `nullability`, `check`, `foreign key`, `index`, `trigger`, `view`.
    pub what: String,
    pub text: String,
}

pub fn diff(expected: &Catalog, actual: &Catalog) -> Vec<Diff> {
    let mut out = Vec::new();
    let mut push = |object: &str, what: &str, text: String| {
        out.push(Diff {
            object: object.to_string(),
            what: what.to_string(),
            text,
        })
    };
    for (name, e) in &expected.tables {
        let Some(a) = actual.tables.get(name) else {
            push(name, "table", format!("table {name} is missing"));
            continue;
        };
        for (c, def) in &e.columns {
            match a.columns.get(c) {
                None => push(
                    &format!("{name}.{c}"),
                    "column",
                    format!("column {name}.{c} is missing"),
                ),
                Some(x) if x != def => {
                    let only_null = x.replace("notnull=0", "notnull=1") == *def
                        || def.replace("notnull=0", "notnull=1") == *x;
                    push(
                        &format!("{name}.{c}"),
                        if only_null { "nullability" } else { "column" },
                        format!("column {name}.{c} is `{x}`, expected `{def}`"),
                    )
                }
                _ => {}
            }
        }
        for c in a.columns.keys() {
            if !e.columns.contains_key(c) {
                push(
                    &format!("{name}.{c}"),
                    "column",
                    format!("column {name}.{c} is extra"),
                );
            }
        }
        for (what, ex, ac) in [
            ("check", &e.checks, &a.checks),
            ("foreign key", &e.foreign_keys, &a.foreign_keys),
        ] {
            for x in ex.difference(ac) {
                push(name, what, format!("{what} `{x}` of {name} is missing"));
            }
            for x in ac.difference(ex) {
                push(name, what, format!("{what} `{x}` of {name} is extra"));
            }
        }
        for (what, ex, ac) in [
            ("index", &e.indexes, &a.indexes),
            ("trigger", &e.triggers, &a.triggers),
        ] {
            for (n, s) in ex {
                match ac.get(n) {
                    None => push(name, what, format!("{what} {n} of {name} is missing")),
                    Some(x) if x != s => push(
                        name,
                        what,
                        format!("{what} {n} of {name} is `{x}`, expected `{s}`"),
                    ),
                    _ => {}
                }
            }
            for n in ac.keys() {
                if !ex.contains_key(n) {
                    push(name, what, format!("{what} {n} of {name} is extra"));
                }
            }
        }
    }
    for name in actual.tables.keys() {
        if !expected.tables.contains_key(name) {
            push(name, "table", format!("table {name} is extra"));
        }
    }
    for (n, s) in &expected.views {
        match actual.views.get(n) {
            None => push(n, "view", format!("{n} is missing")),
            Some(x) if x != s => push(n, "view", format!("{n} is `{x}`, expected `{s}`")),
            _ => {}
        }
    }
    for n in actual.views.keys() {
        if !expected.views.contains_key(n) {
            push(n, "view", format!("{n} is extra"));
        }
    }
    out
}

/// Objects named like migc's helpers that the target does not have.
pub fn leftovers(actual: &Catalog, target: &Catalog) -> Vec<String> {
    let mut out = Vec::new();
    for (name, t) in &actual.tables {
        let tt = target.tables.get(name);
        if name.contains("migc") && tt.is_none() {
            out.push(format!("table {name}"));
        }
        for c in t.columns.keys() {
            if c.contains("migc") && !tt.is_some_and(|x| x.columns.contains_key(c)) {
                out.push(format!("column {name}.{c}"));
            }
        }
        for i in t.indexes.keys().chain(t.triggers.keys()) {
            if i.contains("migc") {
                out.push(format!("index or trigger {i} on {name}"));
            }
        }
        for c in &t.checks {
            if c.contains("migc") {
                out.push(format!("check `{c}` on {name}"));
            }
        }
    }
    for v in actual.views.keys() {
        if v.contains("migc") {
            out.push(v.clone());
        }
    }
    out
}

// -------------------------------------------------------------------------------------------
// Transitions between the two shapes

/// How a column of one shape is computed from a row of the other shape.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Derivation {
    Column(String),
    /// An SQLite expression over the other shape's columns.
    Expr(String),
}

#[derive(Clone, Debug, Default)]
pub struct Transitions {
    /// Old table name -> new table name, for tables in both shapes.
    pub tables: BTreeMap<String, String>,
    pub up: BTreeMap<(String, String), Derivation>,
    pub down: BTreeMap<(String, String), Derivation>,
    /// enum -> old label -> new label (renamed at contract).
    pub enum_renames: BTreeMap<String, BTreeMap<String, String>>,
}

fn render(sql: &str) -> String {
    migc_planner::sql::render(sql, Dialect::Sqlite, None).unwrap_or_else(|_| sql.to_string())
}

impl Transitions {
    pub fn new(from: &Schema, to: &Schema) -> Transitions {
        let mut t = Transitions::default();
        for table in to.tables.values() {
            let old_name = match &table.renamed_from {
                Some(r) if from.tables.contains_key(r) => r.clone(),
                _ => table.name.clone(),
            };
            let Some(old) = from.tables.get(&old_name) else {
                continue;
            };
            t.tables.insert(old_name.clone(), table.name.clone());
            let key_new = |c: &str| (table.name.clone(), c.to_string());
            let key_old = |c: &str| (old_name.clone(), c.to_string());
            for c in &table.columns {
                let in_place = old.column(&c.name).is_some();
                if let (Some(tr), false) = (&c.transform, in_place) {
                    t.up.insert(key_new(&c.name), Derivation::Expr(render(&tr.up.sql)));
                    if let (Some(down), [source]) = (&tr.down, tr.from.as_slice()) {
                        if table.column(source).is_none()
                            && !table.retired.iter().any(|r| &r.name == source)
                        {
                            t.down
                                .insert(key_old(source), Derivation::Expr(render(&down.sql)));
                        }
                    }
                } else if let (Some(r), false) = (&c.renamed_from, in_place) {
                    if old.column(r).is_some() {
                        t.up.insert(key_new(&c.name), Derivation::Column(r.clone()));
                        t.down
                            .insert(key_old(r), Derivation::Column(c.name.clone()));
                    }
                } else if in_place {
                    // Kept (an in-place type change keeps the deployed column until contract).
                    t.up.insert(key_new(&c.name), Derivation::Column(c.name.clone()));
                    t.down
                        .entry(key_old(&c.name))
                        .or_insert_with(|| Derivation::Column(c.name.clone()));
                }
            }
            for r in &table.retired {
                if let Some(down) = &r.down {
                    t.down
                        .insert(key_old(&r.name), Derivation::Expr(render(&down.sql)));
                }
            }
        }
        for e in to.enums.values() {
            let renames: BTreeMap<String, String> = e
                .values
                .iter()
                .filter_map(|v| v.renamed_from.clone().map(|r| (r, v.name.clone())))
                .collect();
            if !renames.is_empty() {
                t.enum_renames.insert(e.name.clone(), renames);
            }
        }
        t
    }

    /// Rows of the new shape read before contract, with the enum labels contract renames.
    pub fn rename_labels(
        &self,
        schema: &Schema,
        rows: &mut BTreeMap<String, BTreeMap<String, Row>>,
    ) {
        for (table, rows) in rows.iter_mut() {
            let Some(t) = schema.tables.get(table) else {
                continue;
            };
            for c in &t.columns {
                let ColumnType::Enum { name } = &c.ty else {
                    continue;
                };
                let Some(m) = self.enum_renames.get(name) else {
                    continue;
                };
                for row in rows.values_mut() {
                    if let Some(Value::Text(v)) = row.get_mut(&c.name) {
                        if let Some(n) = m.get(v.as_str()) {
                            *v = n.clone();
                        }
                    }
                }
            }
        }
    }

    pub fn new_table(&self, old: &str) -> Option<&str> {
        self.tables.get(old).map(String::as_str)
    }

    pub fn old_table(&self, new: &str) -> Option<&str> {
        self.tables
            .iter()
            .find(|(_, n)| n.as_str() == new)
            .map(|(o, _)| o.as_str())
    }
}

// -------------------------------------------------------------------------------------------
// The applications

/// A row as stored: column -> value.
pub type Row = BTreeMap<String, Value>;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Profile {
    /// Every column but the generated key.
    Full,
    /// Only what must be given: keys, foreign keys, NOT NULL columns without a default.
    Lean,
}

/// One application version: the schema it was written for.
#[derive(Clone, Debug)]
pub struct Shape {
    pub app: &'static str,
    pub schema: Schema,
    /// enum -> labels this app writes, preferred first.
    pub labels: BTreeMap<String, Vec<String>>,
    /// table -> the name its row counter is kept under (the same for both versions).
    pub canon: BTreeMap<String, String>,
    pub profiles: BTreeMap<String, Profile>,
    /// Tables in the order rows can be inserted (parents first).
    pub order: Vec<String>,
    /// Foreign keys the other version declares on this version's tables (renamed to this
    /// version's names): rows keep to them, as a real application keeps to its data's rules.
    pub extra_fks: BTreeMap<String, Vec<migc_compiler::schema::ForeignKey>>,
    /// Columns that are keys or unique in the other version (rows keep them unique too).
    pub extra_unique: BTreeMap<String, BTreeSet<String>>,
    /// Primary key columns of the other version: rows are found by them, so updates leave them.
    pub extra_pk: BTreeMap<String, BTreeSet<String>>,
}

impl Shape {
    pub fn new(app: &'static str, schema: Schema) -> Shape {
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
        let order = insert_order(&schema);
        Shape {
            app,
            schema,
            labels,
            canon: BTreeMap::new(),
            profiles: BTreeMap::new(),
            order,
            extra_fks: BTreeMap::new(),
            extra_unique: BTreeMap::new(),
            extra_pk: BTreeMap::new(),
        }
    }

    fn table(&self, name: &str) -> Result<&Table, String> {
        self.schema
            .tables
            .get(name)
            .ok_or_else(|| format!("{}: no table {name}", self.app))
    }

    fn key(&self, table: &str) -> String {
        self.canon
            .get(table)
            .cloned()
            .unwrap_or_else(|| table.to_string())
    }
}

fn insert_order(schema: &Schema) -> Vec<String> {
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

#[derive(Clone, Debug, Default)]
pub struct Counters(BTreeMap<String, i64>);

impl Counters {
    fn next(&mut self, key: &str) -> i64 {
        let n = self.0.entry(key.to_string()).or_insert(0);
        *n += 1;
        *n
    }
}

fn code(n: i64, len: usize) -> String {
    let mut s = Vec::with_capacity(len);
    let mut v = n;
    for _ in 0..len {
        s.push(b'A' + (v % 26) as u8);
        v /= 26;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

fn is_unique(t: &Table, col: &str) -> bool {
    t.uniques.iter().any(|u| u.columns.iter().any(|c| c == col))
        || t.primary_key
            .as_ref()
            .is_some_and(|p| p.columns.len() > 1 && p.columns.iter().any(|c| c == col))
        || t.indexes
            .iter()
            .any(|i| i.unique && i.parts.iter().any(|p| p.column.as_deref() == Some(col)))
}

fn is_fk(t: &Table, col: &str) -> bool {
    t.foreign_keys
        .iter()
        .any(|fk| fk.columns.iter().any(|c| c == col))
}

fn generated_key(t: &Table) -> Option<&str> {
    let pk = t.primary_key.as_ref()?;
    let [c] = pk.columns.as_slice() else {
        return None;
    };
    t.column(c)
        .filter(|col| col.identity || col.ty.is_integer())
        .map(|_| c.as_str())
}

/// A value for a column (`None`: NULL).
fn value(shape: &Shape, col: &Column, n: i64, unique: bool) -> Option<Value> {
    let small = (n - 1) % 5 + 1;
    let number = if unique { n } else { small };
    let text = |max: Option<usize>| {
        let digits = n.to_string();
        match max {
            Some(k) if k <= 6 => code(n, k),
            _ => {
                let room = max
                    .unwrap_or(24)
                    .min(24)
                    .saturating_sub(digits.len())
                    .max(1);
                let prefix: String = col
                    .name
                    .chars()
                    .filter(char::is_ascii_alphabetic)
                    .take(room)
                    .collect::<String>()
                    .to_uppercase();
                format!("{}{digits}", if prefix.is_empty() { "V" } else { &prefix })
            }
        }
    };
    match &col.ty {
        ColumnType::Enum { name } => {
            let labels = shape.labels.get(name)?;
            let label = if unique {
                labels.get((n as usize) % labels.len())
            } else {
                labels.first()
            };
            label.map(|l| Value::Text(l.clone()))
        }
        ColumnType::Native { spellings } => {
            let s = spellings
                .get(&Dialect::Sqlite)
                .cloned()
                .unwrap_or_default()
                .to_lowercase();
            Some(if s.contains("int") {
                Value::Integer(number)
            } else {
                Value::Text(text(None))
            })
        }
        ColumnType::Builtin { name, args } => Some(match name.as_str() {
            "int16" | "int32" | "int64" | "decimal" => Value::Integer(number),
            "float32" | "float64" => Value::Real(number as f64 + 0.5),
            "bool" => Value::Integer(n % 2),
            "varchar" => Value::Text(text(args.first().map(|a| *a as usize))),
            "bytes" => Value::Blob(vec![(n % 256) as u8]),
            "uuid" => Value::Text(format!("00000000-0000-4000-8000-{n:012}")),
            "date" => Value::Text(format!("2024-{:02}-{:02}", n % 12 + 1, n % 28 + 1)),
            "time" => Value::Text(format!("{:02}:{:02}:00", n % 24, n % 60)),
            "timestamp" | "timestamptz" => Value::Text(format!(
                "2024-01-{:02} {:02}:{:02}:00",
                n % 28 + 1,
                n % 24,
                n % 60
            )),
            "json" => Value::Text(format!("{{\"n\": {n}}}")),
            _ => Value::Text(text(None)),
        }),
    }
}

/// What one application statement wrote.
#[derive(Clone, Debug)]
pub struct Written {
    pub app: &'static str,
    pub kind: &'static str,
    pub table: String,
    /// The row as stored after the statement, in the writer's shape.
    pub row: Row,
}

impl Written {
    pub fn describe(&self) -> String {
        format!(
            "{} {} {} row {}",
            self.app,
            self.kind,
            self.table,
            show(&self.row)
        )
    }
}

pub fn show(row: &Row) -> String {
    let parts: Vec<String> = row
        .iter()
        .map(|(k, v)| format!("{k}={}", norm_value(v).unwrap_or_else(|| "NULL".into())))
        .collect();
    format!("{{{}}}", parts.join(", "))
}

fn is_view(conn: &Connection, name: &str) -> bool {
    conn.query_row(
        "SELECT count(*) FROM sqlite_schema WHERE type = 'view' AND name = ?1",
        [name],
        |r| r.get::<_, i64>(0),
    )
    .unwrap_or(0)
        > 0
}

fn select_list(t: &Table) -> String {
    t.columns
        .iter()
        .map(|c| quote(&c.name))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Reads one row by its key (column -> value).
pub fn select(
    conn: &Connection,
    t: &Table,
    key: &[(String, Value)],
) -> Result<Option<Row>, String> {
    let cond: Vec<String> = key
        .iter()
        .enumerate()
        .map(|(i, (c, _))| format!("{} IS ?{}", quote(c), i + 1))
        .collect();
    let sql = format!(
        "SELECT {} FROM {} WHERE {}",
        select_list(t),
        quote(&t.name),
        cond.join(" AND ")
    );
    let mut stmt = conn
        .prepare(&sql)
        .map_err(|e| format!("{e}\n      {sql}"))?;
    let params: Vec<&dyn rusqlite::ToSql> =
        key.iter().map(|(_, v)| v as &dyn rusqlite::ToSql).collect();
    let mut rows = stmt
        .query(params.as_slice())
        .map_err(|e| format!("{e}\n      {sql}"))?;
    match rows.next().map_err(|e| e.to_string())? {
        Some(r) => {
            let mut row = Row::new();
            for (i, c) in t.columns.iter().enumerate() {
                row.insert(
                    c.name.clone(),
                    r.get::<_, Value>(i).map_err(|e| e.to_string())?,
                );
            }
            Ok(Some(row))
        }
        None => Ok(None),
    }
}

/// Every row of a table of a shape, by key text.
pub fn read_all(conn: &Connection, t: &Table) -> Result<BTreeMap<String, Row>, String> {
    let sql = format!("SELECT {} FROM {}", select_list(t), quote(&t.name));
    let mut stmt = conn
        .prepare(&sql)
        .map_err(|e| format!("reading {}: {e}\n      {sql}", t.name))?;
    let mut rows = stmt.query([]).map_err(|e| e.to_string())?;
    let mut out = BTreeMap::new();
    while let Some(r) = rows.next().map_err(|e| e.to_string())? {
        let mut row = Row::new();
        for (i, c) in t.columns.iter().enumerate() {
            row.insert(
                c.name.clone(),
                r.get::<_, Value>(i).map_err(|e| e.to_string())?,
            );
        }
        out.insert(key_text(t, &row), row);
    }
    Ok(out)
}

pub fn pk(t: &Table) -> Vec<String> {
    t.primary_key
        .as_ref()
        .map(|p| p.columns.clone())
        .unwrap_or_default()
}

pub fn key_text(t: &Table, row: &Row) -> String {
    pk(t)
        .iter()
        .map(|c| {
            format!(
                "{c}={}",
                row.get(c)
                    .and_then(norm_value)
                    .unwrap_or_else(|| "NULL".into())
            )
        })
        .collect::<Vec<_>>()
        .join(",")
}

fn key_of(t: &Table, row: &Row) -> Vec<(String, Value)> {
    pk(t)
        .into_iter()
        .map(|c| {
            let v = row.get(&c).cloned().unwrap_or(Value::Null);
            (c, v)
        })
        .collect()
}

/// The values of a new row (absent columns are left to their default).
fn new_row(
    conn: &Connection,
    shape: &Shape,
    t: &Table,
    n: i64,
    profile: Profile,
    parents: Option<&BTreeMap<String, Row>>,
) -> Result<Vec<(String, Value)>, String> {
    let mut fixed: BTreeMap<String, Value> = BTreeMap::new();
    let extra = shape.extra_fks.get(&t.name).cloned().unwrap_or_default();
    if let Some(parents) = parents {
        for fk in t.foreign_keys.iter().chain(&extra) {
            if fk.columns.iter().any(|c| t.column(c).is_none())
                || fk.columns.iter().all(|c| fixed.contains_key(c))
            {
                continue;
            }
            let nullable = fk
                .columns
                .iter()
                .all(|c| t.column(c).is_some_and(|c| c.nullable));
            if nullable && (profile == Profile::Lean || fk.ref_table == t.name) {
                continue;
            }
            // A parent that agrees with the columns other foreign keys already chose.
            let agrees = |p: &Row| {
                fk.columns
                    .iter()
                    .zip(&fk.ref_columns)
                    .all(|(c, r)| match fixed.get(c) {
                        Some(v) => p.get(r).and_then(norm_value) == norm_value(v),
                        None => true,
                    })
            };
            let parent = match parents.get(&fk.ref_table) {
                Some(p) if fk.ref_table != t.name && agrees(p) => Some(
                    fk.ref_columns
                        .iter()
                        .map(|r| p.get(r).cloned().unwrap_or(Value::Null))
                        .collect::<Vec<_>>(),
                ),
                _ => {
                    let cols: Vec<String> = fk.ref_columns.iter().map(|c| quote(c)).collect();
                    let mut cond: Vec<String> =
                        cols.iter().map(|c| format!("{c} IS NOT NULL")).collect();
                    let mut params: Vec<Value> = Vec::new();
                    for (c, r) in fk.columns.iter().zip(&fk.ref_columns) {
                        if let Some(v) = fixed.get(c) {
                            params.push(v.clone());
                            cond.push(format!("{} = ?{}", quote(r), params.len()));
                        }
                    }
                    let sql = format!(
                        "SELECT {0} FROM {1} WHERE {2} ORDER BY {0} LIMIT 1 OFFSET ({n} % max((SELECT count(*) FROM {1} WHERE {2}), 1))",
                        cols.join(", "),
                        quote(&fk.ref_table),
                        cond.join(" AND ")
                    );
                    let mut stmt = conn.prepare(&sql).map_err(|e| {
                        format!("{}: choosing a parent: {e}\n      {sql}", shape.app)
                    })?;
                    let k = fk.ref_columns.len();
                    let bound: Vec<&dyn rusqlite::ToSql> =
                        params.iter().map(|v| v as &dyn rusqlite::ToSql).collect();
                    let mut rows = stmt.query(bound.as_slice()).map_err(|e| e.to_string())?;
                    rows.next().map_err(|e| e.to_string())?.map(|r| {
                        (0..k)
                            .map(|i| r.get::<_, Value>(i).unwrap_or(Value::Null))
                            .collect()
                    })
                }
            };
            match parent {
                Some(values) => {
                    for (c, v) in fk.columns.iter().zip(values) {
                        fixed.entry(c.clone()).or_insert(v);
                    }
                }
                None if nullable => {}
                None => {
                    return Err(format!(
                        "{}: no row of {} to reference from {}",
                        shape.app, fk.ref_table, t.name
                    ))
                }
            }
        }
    }
    let generated = generated_key(t);
    let mut out = Vec::new();
    for c in &t.columns {
        if Some(c.name.as_str()) == generated {
            continue;
        }
        if is_fk(t, &c.name) || extra.iter().any(|f| f.columns.contains(&c.name)) {
            if let Some(v) = fixed.get(&c.name) {
                out.push((c.name.clone(), v.clone()));
            }
            continue;
        }
        let unique = is_unique(t, &c.name)
            || pk(t).contains(&c.name)
            || shape
                .extra_unique
                .get(&t.name)
                .is_some_and(|u| u.contains(&c.name));
        if profile == Profile::Lean && !unique && (c.default.is_some() || c.nullable) {
            continue;
        }
        if let Some(v) = value(shape, c, n, unique) {
            out.push((c.name.clone(), v));
        }
    }
    Ok(out)
}

fn check_stored(sent: &[(String, Value)], row: &Row, what: &str) -> Result<(), String> {
    for (c, v) in sent {
        let found = row.get(c).and_then(norm_value);
        if found != norm_value(v) {
            return Err(format!(
                "{what}: column {c} holds {found:?} right after the statement, but the application wrote {:?} (a trigger overwrote it?)",
                norm_value(v)
            ));
        }
    }
    Ok(())
}

/// Inserts a generated row and reads it back by its key.
pub fn insert(
    conn: &Connection,
    shape: &Shape,
    counters: &mut Counters,
    table: &str,
    profile: Profile,
    parents: &BTreeMap<String, Row>,
) -> Result<Written, String> {
    let t = shape.table(table)?;
    let n = counters.next(&shape.key(table));
    let mut values = new_row(conn, shape, t, n, profile, Some(parents))?;
    let view = is_view(conn, table);
    let generated = generated_key(t);
    if let (Some(k), true) = (generated, view) {
        // An insert through a view cannot return the generated key: give one.
        let next: i64 = conn
            .query_row(
                &format!(
                    "SELECT coalesce(max({}), 0) + 1 FROM {}",
                    quote(k),
                    quote(table)
                ),
                [],
                |r| r.get(0),
            )
            .map_err(|e| e.to_string())?;
        values.insert(0, (k.to_string(), Value::Integer(next)));
    }
    let sql = if values.is_empty() {
        format!("INSERT INTO {} DEFAULT VALUES", quote(table))
    } else {
        format!(
            "INSERT INTO {} ({}) VALUES ({})",
            quote(table),
            values
                .iter()
                .map(|(c, _)| quote(c))
                .collect::<Vec<_>>()
                .join(", "),
            (1..=values.len())
                .map(|i| format!("?{i}"))
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    let what = format!("{} INSERT into {table}", shape.app);
    let params: Vec<&dyn rusqlite::ToSql> = values
        .iter()
        .map(|(_, v)| v as &dyn rusqlite::ToSql)
        .collect();
    conn.execute(&sql, params.as_slice())
        .map_err(|e| format!("{what} failed: {e}\n      {sql} {:?}", values))?;
    let key: Vec<(String, Value)> = pk(t)
        .into_iter()
        .map(|c| {
            let v = values
                .iter()
                .find(|(x, _)| x == &c)
                .map(|(_, v)| v.clone())
                .unwrap_or_else(|| Value::Integer(conn.last_insert_rowid()));
            (c, v)
        })
        .collect();
    let row = select(conn, t, &key)
        .map_err(|e| format!("{what}: reading it back: {e}"))?
        .ok_or_else(|| format!("{what}: no row with key {key:?} afterwards"))?;
    check_stored(&values, &row, &what)?;
    Ok(Written {
        app: shape.app,
        kind: "INSERT",
        table: table.to_string(),
        row,
    })
}

/// Updates an existing row with fresh values for its columns that are neither key nor foreign
/// key, and reads it back.
pub fn update(
    conn: &Connection,
    shape: &Shape,
    counters: &mut Counters,
    table: &str,
    offset: usize,
) -> Result<Option<Written>, String> {
    let t = shape.table(table)?;
    let key_cols = pk(t);
    if key_cols.is_empty() {
        return Ok(None);
    }
    let profile = shape.profiles.get(table).copied().unwrap_or(Profile::Full);
    let n = counters.next(&shape.key(table));
    let values: Vec<(String, Value)> = new_row(conn, shape, t, n, profile, None)?
        .into_iter()
        .filter(|(c, _)| {
            !key_cols.contains(c)
                && !is_fk(t, c)
                && !shape.extra_pk.get(table).is_some_and(|k| k.contains(c))
        })
        .collect();
    if values.is_empty() {
        return Ok(None);
    }
    let order: Vec<String> = key_cols.iter().map(|c| quote(c)).collect();
    let sql = format!(
        "SELECT {0} FROM {1} WHERE {2} ORDER BY {0} LIMIT 1 OFFSET ({offset} % max((SELECT count(*) FROM {1} WHERE {2}), 1))",
        order.join(", "),
        quote(table),
        // Rows not filled yet have no key in the new shape: an application cannot name them.
        order
            .iter()
            .map(|c| format!("{c} IS NOT NULL"))
            .collect::<Vec<_>>()
            .join(" AND ")
    );
    let what = format!("{} UPDATE of {table}", shape.app);
    let key: Option<Vec<(String, Value)>> = {
        let mut stmt = conn.prepare(&sql).map_err(|e| format!("{what}: {e}"))?;
        let mut rows = stmt.query([]).map_err(|e| e.to_string())?;
        rows.next().map_err(|e| e.to_string())?.map(|r| {
            key_cols
                .iter()
                .enumerate()
                .map(|(i, c)| (c.clone(), r.get::<_, Value>(i).unwrap_or(Value::Null)))
                .collect()
        })
    };
    let Some(key) = key else { return Ok(None) };
    let sets: Vec<String> = values
        .iter()
        .enumerate()
        .map(|(i, (c, _))| format!("{} = ?{}", quote(c), i + 1))
        .collect();
    let conds: Vec<String> = key
        .iter()
        .enumerate()
        .map(|(i, (c, _))| format!("{} IS ?{}", quote(c), values.len() + i + 1))
        .collect();
    let sql = format!(
        "UPDATE {} SET {} WHERE {}",
        quote(table),
        sets.join(", "),
        conds.join(" AND ")
    );
    let mut params: Vec<&dyn rusqlite::ToSql> = values
        .iter()
        .map(|(_, v)| v as &dyn rusqlite::ToSql)
        .collect();
    params.extend(key.iter().map(|(_, v)| v as &dyn rusqlite::ToSql));
    conn.execute(&sql, params.as_slice())
        .map_err(|e| format!("{what} failed: {e}\n      {sql} {values:?}"))?;
    let row = select(conn, t, &key)?.ok_or_else(|| format!("{what}: the row {key:?} is gone"))?;
    check_stored(&values, &row, &what)?;
    Ok(Some(Written {
        app: shape.app,
        kind: "UPDATE",
        table: table.to_string(),
        row,
    }))
}

/// Seeds `rows` rows into every table (parents first), choosing per table the first profile
/// its checks accept.
pub fn seed(
    conn: &Connection,
    shape: &mut Shape,
    counters: &mut Counters,
    rows: usize,
) -> Result<(), String> {
    let mut seeded: BTreeMap<String, Vec<Row>> = BTreeMap::new();
    for table in shape.order.clone() {
        for i in 0..rows {
            let parents: BTreeMap<String, Row> = seeded
                .iter()
                .filter(|(_, v)| !v.is_empty())
                .map(|(k, v)| (k.clone(), v[i % v.len()].clone()))
                .collect();
            let written = match shape.profiles.get(&table) {
                Some(p) => insert(conn, shape, counters, &table, *p, &parents)
                    .map_err(|e| format!("seeding {table}, row {}: {e}", i + 1))?,
                None => match insert(conn, shape, counters, &table, Profile::Full, &parents) {
                    Ok(w) => {
                        shape.profiles.insert(table.clone(), Profile::Full);
                        w
                    }
                    Err(full) => match insert(conn, shape, counters, &table, Profile::Lean, &parents) {
                        Ok(w) => {
                            shape.profiles.insert(table.clone(), Profile::Lean);
                            w
                        }
                        Err(lean) => {
                            return Err(format!(
                                "seeding {table} ({}): no generated row is accepted:\n    {full}\n    {lean}",
                                shape.app
                            ))
                        }
                    },
                },
            };
            seeded.entry(table.clone()).or_default().push(written.row);
        }
    }
    Ok(())
}

/// One round of an application: an INSERT per table (parents first), then an UPDATE of an
/// existing row of each.
pub fn round(
    conn: &Connection,
    shape: &Shape,
    counters: &mut Counters,
    round: usize,
) -> Result<Vec<Written>, String> {
    let mut fresh: BTreeMap<String, Row> = BTreeMap::new();
    let mut out = Vec::new();
    for table in &shape.order {
        let profile = shape.profiles.get(table).copied().unwrap_or(Profile::Full);
        let w = insert(conn, shape, counters, table, profile, &fresh)?;
        fresh.insert(table.clone(), w.row.clone());
        out.push(w);
    }
    let offset = if shape.app == "old app" {
        2 * round
    } else {
        2 * round + 1
    };
    for table in &shape.order {
        if let Some(w) = update(conn, shape, counters, table, offset)? {
            out.push(w);
        }
    }
    Ok(out)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// A row the old app wrote, read in the new shape.
    Up,
    /// A row the new app wrote, read in the old shape.
    Down,
}

/// Checks that a row written in one shape reads in the other as the transitions say.
pub fn check_projection(
    conn: &Connection,
    written: &Written,
    old: &Shape,
    new: &Shape,
    tr: &Transitions,
    dir: Direction,
) -> Result<(), String> {
    let (src, dst, dst_table, derivs) = match dir {
        Direction::Up => match tr.new_table(&written.table) {
            Some(t) => (old, new, t.to_string(), &tr.up),
            None => return Ok(()),
        },
        Direction::Down => match tr.old_table(&written.table) {
            Some(t) => (new, old, t.to_string(), &tr.down),
            None => return Ok(()),
        },
    };
    let src_t = src.table(&written.table)?;
    let dst_t = dst.table(&dst_table)?;
    let mut expected: BTreeMap<String, Value> = BTreeMap::new();
    let mut exprs: Vec<(String, String)> = Vec::new();
    for c in &dst_t.columns {
        match derivs.get(&(dst_table.clone(), c.name.clone())) {
            Some(Derivation::Column(s)) => {
                if let Some(v) = written.row.get(s) {
                    expected.insert(c.name.clone(), v.clone());
                }
            }
            Some(Derivation::Expr(e)) => exprs.push((c.name.clone(), e.clone())),
            None => {}
        }
    }
    let what = format!("{} (read as the {})", written.describe(), dst.app);
    if !exprs.is_empty() {
        let source: Vec<String> = src_t
            .columns
            .iter()
            .enumerate()
            .map(|(i, c)| format!("?{} AS {}", i + 1, quote(&c.name)))
            .collect();
        let sql = format!(
            "SELECT {} FROM (SELECT {})",
            exprs
                .iter()
                .map(|(_, e)| e.clone())
                .collect::<Vec<_>>()
                .join(", "),
            source.join(", ")
        );
        let values: Vec<Value> = src_t
            .columns
            .iter()
            .map(|c| written.row.get(&c.name).cloned().unwrap_or(Value::Null))
            .collect();
        let params: Vec<&dyn rusqlite::ToSql> =
            values.iter().map(|v| v as &dyn rusqlite::ToSql).collect();
        let computed: Vec<Value> = conn
            .query_row(&sql, params.as_slice(), |r| {
                (0..exprs.len()).map(|i| r.get::<_, Value>(i)).collect()
            })
            .map_err(|e| format!("{what}: computing the expected values: {e}\n      {sql}"))?;
        for ((c, _), v) in exprs.iter().zip(computed) {
            expected.insert(c.clone(), v);
        }
    }
    let mut key = Vec::new();
    for c in pk(dst_t) {
        match expected.get(&c) {
            Some(v) => key.push((c, v.clone())),
            None => return Ok(()),
        }
    }
    let found = select(conn, dst_t, &key)
        .map_err(|e| format!("{what}: SELECT failed: {e}"))?
        .ok_or_else(|| format!("{what}: no row with {key:?} in {dst_table}"))?;
    let wrong: Vec<String> = expected
        .iter()
        .filter(|(c, v)| found.get(*c).and_then(norm_value) != norm_value(v))
        .map(|(c, v)| {
            format!(
                "{c}: expected {:?}, found {:?}",
                norm_value(v),
                found.get(c).and_then(norm_value)
            )
        })
        .collect();
    if wrong.is_empty() {
        Ok(())
    } else {
        Err(format!("{what}: {dst_table} reads {}", wrong.join("; ")))
    }
}

// -------------------------------------------------------------------------------------------
// The lifecycle of one change

pub const SEED_ROWS: usize = 8;

#[derive(Clone, Debug)]
pub struct Case {
    pub name: String,
    pub from: PathBuf,
    pub to: PathBuf,
}

pub struct Prepared {
    pub case: Case,
    pub work: tempfile::TempDir,
    pub plan: Plan,
    pub transitions: Transitions,
    pub deployed: Catalog,
    pub target: Catalog,
    pub old: Shape,
    pub new: Shape,
    pub counters: Counters,
    /// The deployed database, seeded: every run starts from a copy.
    pub template: PathBuf,
}

pub enum Outcome {
    NotPlanned(String),
    Setup(String),
}

fn run_ups(conn: &Connection, plan: &Plan, what: &str) -> Result<(), String> {
    for p in &plan.phases {
        run_script(conn, &p.up).map_err(|e| format!("{what}: {} up: {e}", p.name))?;
    }
    Ok(())
}

pub fn prepare(case: &Case) -> Result<Prepared, Outcome> {
    let work = tempfile::tempdir().map_err(|e| Outcome::Setup(format!("tempdir: {e}")))?;
    let s = |p: &Path| p.to_string_lossy().to_string();
    let plan = plan(&s(&case.from), &s(&case.to), &work.path().join("plan"))
        .map_err(Outcome::NotPlanned)?;
    let deploy = self::plan("empty", &s(&case.from), &work.path().join("deploy"))
        .map_err(|e| Outcome::Setup(format!("planning the deployed schema: {e}")))?;
    let build_target = self::plan("empty", &s(&case.to), &work.path().join("target"))
        .map_err(|e| Outcome::Setup(format!("planning the target schema: {e}")))?;
    let from_schema = snapshot(&case.from).map_err(Outcome::Setup)?;
    let to_schema = snapshot(&case.to).map_err(Outcome::Setup)?;
    let transitions = Transitions::new(&from_schema, &to_schema);

    let target_path = work.path().join("target.db");
    let tconn = open(&target_path).map_err(Outcome::Setup)?;
    run_ups(&tconn, &build_target, "building the target directly").map_err(Outcome::Setup)?;
    let target = catalog(&tconn).map_err(Outcome::Setup)?;
    drop(tconn);

    let template = work.path().join("deployed.db");
    let conn = open(&template).map_err(Outcome::Setup)?;
    run_ups(&conn, &deploy, "deploying the from schema").map_err(Outcome::Setup)?;
    let deployed = catalog(&conn).map_err(Outcome::Setup)?;

    // Labels: the old application writes the labels that are renamed or removed later first
    // (so the change meets them); the new one writes labels the deployed enum lacks first,
    // never a renamed label before contract (the database holds the old one until then).
    let mut old = Shape::new("old app", from_schema.clone());
    let mut new = Shape::new("new app", to_schema.clone());
    for e in to_schema.enums.values() {
        let renamed_to: Vec<String> = e
            .values
            .iter()
            .filter(|v| v.renamed_from.is_some())
            .map(|v| v.name.clone())
            .collect();
        let renamed_from: Vec<String> = e
            .values
            .iter()
            .filter_map(|v| v.renamed_from.clone())
            .collect();
        let deployed_labels: Vec<String> = from_schema
            .enums
            .get(&e.name)
            .map(|x| x.values.iter().map(|v| v.name.clone()).collect())
            .unwrap_or_default();
        let mut labels: Vec<String> = e
            .values
            .iter()
            .map(|v| v.name.clone())
            .filter(|l| !renamed_to.contains(l))
            .collect();
        labels.sort_by_key(|l| deployed_labels.contains(l));
        if !labels.is_empty() {
            new.labels.insert(e.name.clone(), labels);
        }
        if let Some(o) = old.labels.get_mut(&e.name) {
            let kept: Vec<String> = e
                .values
                .iter()
                .flat_map(|v| std::iter::once(v.name.clone()).chain(v.renamed_from.clone()))
                .collect();
            o.retain(|l| kept.contains(l));
            o.sort_by_key(|l| !renamed_from.contains(l));
        }
    }
    old.canon = transitions.tables.clone();
    // Each version keeps to the keys and foreign keys of the other (mapped to its names).
    let keys = |t: &Table| -> BTreeSet<String> {
        t.columns
            .iter()
            .map(|c| c.name.clone())
            .filter(|c| is_unique(t, c) || pk(t).contains(c))
            .collect()
    };
    for (old_name, new_name) in &transitions.tables {
        if let (Some(o), Some(n)) = (
            from_schema.tables.get(old_name),
            to_schema.tables.get(new_name),
        ) {
            old.extra_unique.insert(old_name.clone(), keys(n));
            new.extra_unique.insert(new_name.clone(), keys(o));
            old.extra_pk
                .insert(old_name.clone(), pk(n).into_iter().collect());
            new.extra_pk
                .insert(new_name.clone(), pk(o).into_iter().collect());
        }
        let to_old = |t: &str| transitions.old_table(t).unwrap_or(t).to_string();
        if let Some(t) = to_schema.tables.get(new_name) {
            let fks: Vec<_> = t
                .foreign_keys
                .iter()
                .cloned()
                .map(|mut f| {
                    f.ref_table = to_old(&f.ref_table);
                    f
                })
                .filter(|f| from_schema.tables.contains_key(&f.ref_table))
                .collect();
            old.extra_fks.insert(old_name.clone(), fks);
        }
        if let Some(t) = from_schema.tables.get(old_name) {
            let fks: Vec<_> = t
                .foreign_keys
                .iter()
                .cloned()
                .filter_map(|mut f| {
                    f.ref_table = transitions.new_table(&f.ref_table)?.to_string();
                    Some(f)
                })
                .collect();
            new.extra_fks.insert(new_name.clone(), fks);
        }
    }
    let mut counters = Counters::default();
    seed(&conn, &mut old, &mut counters, SEED_ROWS)
        .map_err(|e| Outcome::Setup(format!("seeding the deployed database: {e}")))?;
    // The new application's profiles, found on the target database.
    let tconn = open(&target_path).map_err(Outcome::Setup)?;
    seed(&tconn, &mut new, &mut Counters::default(), 2)
        .map_err(|e| Outcome::Setup(format!("seeding the target database: {e}")))?;
    drop(tconn);
    drop(conn);
    Ok(Prepared {
        case: case.clone(),
        work,
        plan,
        transitions,
        deployed,
        target,
        old,
        new,
        counters,
        template,
    })
}

fn copy(prep: &Prepared, name: &str) -> Result<(PathBuf, Connection), String> {
    let path = prep.work.path().join(format!("{name}.db"));
    std::fs::copy(&prep.template, &path).map_err(|e| format!("copy the template: {e}"))?;
    let conn = open(&path)?;
    Ok((path, conn))
}

fn round_both(
    conn: &Connection,
    prep: &Prepared,
    counters: &mut Counters,
    round_no: usize,
    old_too: bool,
) -> Result<Vec<Written>, String> {
    let mut written = Vec::new();
    let apps: Vec<(&Shape, Direction)> = if old_too {
        vec![(&prep.old, Direction::Up), (&prep.new, Direction::Down)]
    } else {
        vec![(&prep.new, Direction::Down)]
    };
    for (shape, dir) in apps {
        let w = round(conn, shape, counters, round_no)?;
        if old_too {
            // Each row as its last writer of the round left it, read in the other shape.
            let mut seen = BTreeSet::new();
            for x in w.iter().rev() {
                let Ok(t) = shape.table(&x.table) else {
                    continue;
                };
                if seen.insert((x.table.clone(), key_text(t, &x.row))) {
                    check_projection(conn, x, &prep.old, &prep.new, &prep.transitions, dir)?;
                }
            }
        }
        written.extend(w);
    }
    Ok(written)
}

/// Running the script again must change nothing (it is refused, or does nothing).
fn rerun_changes_nothing(conn: &Connection, script: &Path) -> Result<(), String> {
    let before = dump(conn)?;
    let _ = run_script(conn, script);
    let after = dump(conn)?;
    if before != after {
        return Err("running it a second time changed the database".to_string());
    }
    Ok(())
}

fn all_rows(
    conn: &Connection,
    schema: &Schema,
) -> Result<BTreeMap<String, BTreeMap<String, Row>>, String> {
    let mut out = BTreeMap::new();
    for t in schema.tables.values() {
        out.insert(t.name.clone(), read_all(conn, t)?);
    }
    Ok(out)
}

fn compare_rows(
    expected: &BTreeMap<String, BTreeMap<String, Row>>,
    actual: &BTreeMap<String, BTreeMap<String, Row>>,
    skip: &BTreeSet<(String, String)>,
    exists_only: &BTreeSet<(String, String)>,
) -> Vec<String> {
    let mut out = Vec::new();
    for (table, rows) in expected {
        let Some(now) = actual.get(table) else {
            out.push(format!(
                "table {table} and its {} rows are gone",
                rows.len()
            ));
            continue;
        };
        for (key, row) in rows {
            match now.get(key) {
                None => out.push(format!("{table} row {key} is gone (was {})", show(row))),
                Some(_) if exists_only.contains(&(table.clone(), key.clone())) => {}
                Some(r) => {
                    let wrong: Vec<String> = row
                        .iter()
                        .filter(|(c, _)| !skip.contains(&(table.clone(), (*c).clone())))
                        .filter(|(c, v)| r.get(*c).and_then(norm_value) != norm_value(v))
                        .map(|(c, v)| {
                            format!(
                                "{c}: was {:?}, now {:?}",
                                norm_value(v),
                                r.get(c).and_then(norm_value)
                            )
                        })
                        .collect();
                    if !wrong.is_empty() {
                        out.push(format!("{table} row {key}: {}", wrong.join("; ")));
                    }
                }
            }
        }
    }
    out
}

fn first_lines(items: &[String], n: usize) -> String {
    let mut s: Vec<String> = items
        .iter()
        .take(n)
        .map(|i| format!("      - {i}"))
        .collect();
    if items.len() > n {
        s.push(format!("      ... and {} more", items.len() - n));
    }
    s.join("\n")
}

/// Forward: every phase, both applications after each (only the new one after contract), each
/// script run twice, then the result compared with the target.
pub fn forward(prep: &Prepared) -> Result<(), String> {
    let (_, conn) = copy(prep, "forward")?;
    let mut counters = prep.counters.clone();
    for (i, phase) in prep.plan.phases.iter().enumerate() {
        let contract = phase.name == "contract";
        let before = if contract {
            let mut rows = all_rows(&conn, &prep.new.schema)
                .map_err(|e| format!("before contract, reading the new shape: {e}"))?;
            prep.transitions.rename_labels(&prep.new.schema, &mut rows);
            Some(rows)
        } else {
            None
        };
        run_script(&conn, &phase.up).map_err(|e| format!("{} up: {e}", phase.name))?;
        rerun_changes_nothing(&conn, &phase.up).map_err(|e| format!("{} up: {e}", phase.name))?;
        if let Some(before) = before {
            let after = all_rows(&conn, &prep.new.schema)?;
            let lost = compare_rows(&before, &after, &BTreeSet::new(), &BTreeSet::new());
            if !lost.is_empty() {
                return Err(format!(
                    "contract changed rows of the new shape:\n{}",
                    first_lines(&lost, 8)
                ));
            }
        }
        round_both(&conn, prep, &mut counters, i, !contract)
            .map_err(|e| format!("after {}: {e}", phase.name))?;
    }
    let cat = catalog(&conn)?;
    let diffs = diff(&prep.target, &cat);
    if !diffs.is_empty() {
        let texts: Vec<String> = diffs.into_iter().map(|d| d.text).collect();
        return Err(format!(
            "after all phases the schema differs from one built directly from the target:\n{}",
            first_lines(&texts, 20)
        ));
    }
    let left = leftovers(&cat, &prep.target);
    if !left.is_empty() {
        return Err(format!(
            "helper objects left after contract: {}",
            left.join(", ")
        ));
    }
    Ok(())
}

/// Backticked names in what the manifest says rolling back these phases loses.
fn declared_losses(plan: &Plan, phases: &[String]) -> Vec<Vec<String>> {
    phases
        .iter()
        .flat_map(|p| plan.rollback_loses(p))
        .map(|s| {
            s.split('`')
                .skip(1)
                .step_by(2)
                .map(str::to_string)
                .collect()
        })
        .collect()
}

/// Rollback: phases up to `upto`, both applications writing after each, then the down scripts
/// in reverse (each run twice), then schema and rows compared with the deployed database.
pub fn rollback(prep: &Prepared, upto: usize) -> Result<Vec<String>, String> {
    let phases = &prep.plan.phases[..=upto];
    let last = &phases[upto].name;
    let (_, conn) = copy(prep, &format!("rollback_{last}"))?;
    let mut counters = prep.counters.clone();
    let mut ledger = None;
    let mut after_contract: Vec<Written> = Vec::new();
    for (i, phase) in phases.iter().enumerate() {
        let contract = phase.name == "contract";
        if contract {
            ledger = Some(
                all_rows(&conn, &prep.old.schema).map_err(|e| format!("before contract: {e}"))?,
            );
        }
        run_script(&conn, &phase.up).map_err(|e| format!("{} up: {e}", phase.name))?;
        let w = round_both(&conn, prep, &mut counters, i, !contract)
            .map_err(|e| format!("after {}: {e}", phase.name))?;
        if contract {
            after_contract = w;
        }
    }
    let ledger = match ledger {
        Some(l) => l,
        None => all_rows(&conn, &prep.old.schema)
            .map_err(|e| format!("after {last}, reading the old shape: {e}"))?,
    };
    for phase in phases.iter().rev() {
        let before = dump(&conn)?;
        if let Err(e) = run_script(&conn, &phase.down) {
            // Declared: "nothing, but it fails while rows hold null in `t.c`".
            let declared = prep.plan.rollback_loses(&phase.name).iter().any(|l| {
                let Some(rest) = l.strip_prefix("nothing, but it fails while rows hold null in `")
                else {
                    return false;
                };
                let tc = rest.trim_end_matches('`');
                let (t, c) = tc.split_once('.').unwrap_or((tc, ""));
                e.contains(&format!("NOT NULL constraint failed: {t}.{c}"))
                    || e.contains(&format!("NOT NULL constraint failed: migc_new_{t}.{c}"))
            });
            if !declared {
                return Err(format!("{} down: {e}", phase.name));
            }
            if dump(&conn)? != before {
                return Err(format!(
                    "{} down failed as declared ({e}) but changed the database",
                    phase.name
                ));
            }
            return Ok(vec![format!(
                "rolling back from {last} fails as declared, changing nothing: {e}"
            )]);
        }
        rerun_changes_nothing(&conn, &phase.down)
            .map_err(|e| format!("{} down: {e}", phase.name))?;
    }
    let names: Vec<String> = phases.iter().map(|p| p.name.clone()).collect();
    let losses = declared_losses(&prep.plan, &names);
    let declared = |tokens: &[&str]| {
        losses
            .iter()
            .any(|l| tokens.iter().all(|t| l.iter().any(|x| x == t)))
    };
    let mut notes = Vec::new();
    let mut cat = catalog(&conn)?;
    // Enum labels added by expand stay allowed ("value `v` stays allowed in the columns of enum
    // `e`"): compared without them.
    let full_losses: Vec<String> = names
        .iter()
        .flat_map(|p| prep.plan.rollback_loses(p))
        .collect();
    for l in &full_losses {
        if !l.contains("stays allowed") {
            continue;
        }
        let Some(value) = l.split('`').nth(1) else {
            continue;
        };
        for t in cat.tables.values_mut() {
            t.checks = t
                .checks
                .iter()
                .map(|c| {
                    c.replace(&format!(", '{value}'"), "")
                        .replace(&format!("'{value}', "), "")
                })
                .collect();
        }
        notes.push(format!("declared after rolling back from {last}: {l}"));
    }
    let mut problems = Vec::new();
    for d in diff(&prep.deployed, &cat) {
        let tolerated = match d.what.as_str() {
            // Columns whose values are gone come back without NOT NULL.
            "nullability" => declared(&[d.object.as_str()]),
            _ => false,
        };
        if tolerated {
            notes.push(format!(
                "declared loss after rolling back from {last}: {}",
                d.text
            ));
        } else {
            problems.push(d.text);
        }
    }
    if !problems.is_empty() {
        return Err(format!(
            "after rolling back from {last} the schema differs from the deployed one:\n{}",
            first_lines(&problems, 20)
        ));
    }
    // Tables whose rows are declared gone ("the rows of `t`").
    let gone_tables: BTreeSet<String> = full_losses
        .iter()
        .filter(|l| l.starts_with("the rows of `"))
        .filter_map(|l| l.split('`').nth(1).map(str::to_string))
        .collect();
    let ledger: BTreeMap<String, BTreeMap<String, Row>> = ledger
        .into_iter()
        .filter(|(t, _)| !gone_tables.contains(t))
        .collect();
    let skip: BTreeSet<(String, String)> = losses
        .iter()
        .flatten()
        .filter_map(|t| {
            t.split_once('.')
                .map(|(a, b)| (a.to_string(), b.to_string()))
        })
        .collect();
    // Rows the new application wrote after contract: only their presence is checked.
    let mut after_keys: Vec<(String, String, &Written)> = Vec::new();
    for w in &after_contract {
        let Some(old_table) = prep.transitions.old_table(&w.table) else {
            continue;
        };
        let Ok(t) = prep.old.table(old_table) else {
            continue;
        };
        let mut key = Row::new();
        for c in pk(t) {
            if let Some(Derivation::Column(src)) = prep
                .transitions
                .down
                .get(&(old_table.to_string(), c.clone()))
            {
                if let Some(v) = w.row.get(src) {
                    key.insert(c.clone(), v.clone());
                }
            }
        }
        if key.len() == pk(t).len() {
            after_keys.push((old_table.to_string(), key_text(t, &key), w));
        }
    }
    let exists_only: BTreeSet<(String, String)> = after_keys
        .iter()
        .map(|(t, k, _)| (t.clone(), k.clone()))
        .collect();
    let now = all_rows(&conn, &prep.old.schema)
        .map_err(|e| format!("after rolling back from {last}: {e}"))?;
    let wrong = compare_rows(&ledger, &now, &skip, &exists_only);
    if !wrong.is_empty() {
        return Err(format!(
            "after rolling back from {last} rows written before are lost or changed:\n{}",
            first_lines(&wrong, 10)
        ));
    }
    for (table, key, w) in &after_keys {
        if !now.get(table).is_some_and(|rows| rows.contains_key(key)) {
            return Err(format!(
                "after rolling back from {last} the row is gone: {}",
                w.describe()
            ));
        }
    }
    round(&conn, &prep.old, &mut counters, 7)
        .map_err(|e| format!("after rolling back from {last}, the old application: {e}"))?;
    Ok(notes)
}

#[derive(Debug, Default)]
pub struct Report {
    pub case: String,
    pub failures: Vec<String>,
    pub notes: Vec<String>,
    pub skipped: Option<String>,
    /// Batches the batched backfill ran, when the plan has a backfill.
    pub batches: Option<usize>,
}

/// Rows per batch of the batched backfills: small, so that the seeded rows take several.
pub const BATCH_ROWS: usize = 3;

pub fn run_case(case: &Case, skip_unplanned: bool) -> Report {
    let mut report = Report {
        case: case.name.clone(),
        ..Report::default()
    };
    let prep = match prepare(case) {
        Ok(p) => p,
        Err(Outcome::NotPlanned(e)) if skip_unplanned => {
            report.skipped = Some(e);
            return report;
        }
        Err(Outcome::NotPlanned(e)) => {
            report
                .failures
                .push(format!("[{}] planning failed: {e}", case.name));
            return report;
        }
        Err(Outcome::Setup(e)) => {
            report.failures.push(format!("[{}] setup: {e}", case.name));
            return report;
        }
    };
    if let Err(e) = forward(&prep) {
        report
            .failures
            .push(format!("[{}] forward run: {e}", case.name));
    }
    for upto in 0..prep.plan.phases.len() {
        match rollback(&prep, upto) {
            Ok(notes) => report.notes.extend(notes),
            Err(e) => report.failures.push(format!(
                "[{}] rollback from {}: {e}",
                case.name, prep.plan.phases[upto].name
            )),
        }
    }
    match batched_backfill(&prep, BATCH_ROWS) {
        Ok(n) => report.batches = n,
        Err(e) => report
            .failures
            .push(format!("[{}] batched backfill: {e}", case.name)),
    }
    report
}

// -------------------------------------------------------------------------------------------
// Batched backfills

/// A backfill of the manifest in the form an executor runs.
pub use migc_planner::dialect::Batch;

/// The batched backfills of the plan's backfill phase, in step order, and how many backfill
/// steps that phase has in all (each must carry its batches).
pub fn batches(plan: &Plan) -> Result<(Vec<Batch>, usize), String> {
    let mut out = Vec::new();
    let mut steps = 0;
    for phase in plan.manifest["phases"].as_array().into_iter().flatten() {
        for step in phase["steps"].as_array().into_iter().flatten() {
            if step["op"] != "backfill" {
                continue;
            }
            steps += 1;
            if !step["backfill"].is_null() {
                out.push(
                    serde_json::from_value(step["backfill"].clone())
                        .map_err(|e| format!("step {}: {e}", step["id"]))?,
                );
            }
        }
    }
    Ok((out, steps))
}

/// Runs one backfill batch by batch as an executor does: each batch in its own `BEGIN
/// IMMEDIATE … COMMIT` (the keys of the batch, the setup, the fill, the teardown), `between` run
/// after each committed batch. The number of batches.
pub fn run_batches(
    conn: &Connection,
    b: &Batch,
    size: usize,
    mut between: impl FnMut(usize) -> Result<(), String>,
) -> Result<usize, String> {
    let mut last: Option<Vec<String>> = None;
    let mut n = 0;
    loop {
        // The placeholders as `migc apply` writes them.
        let after = migc_runner::backfill::after(Dialect::Sqlite, b, last.as_deref());
        if n > 200 {
            return Err(format!("no end after {n} batches, at {after}"));
        }
        conn.execute_batch("BEGIN IMMEDIATE;")
            .map_err(|e| format!("begin: {e}"))?;
        let result = (|| -> Result<Option<Vec<String>>, String> {
            let next = b
                .next
                .replace("{after}", &after)
                .replace("{limit}", &size.to_string());
            let keys = strings(conn, &next).map_err(|e| format!("{next}: {e}"))?;
            let Some(end) = keys.last() else {
                return Ok(None);
            };
            let end: Vec<String> = end
                .iter()
                .map(|v| v.clone().ok_or_else(|| format!("{next}: a null key")))
                .collect::<Result<_, _>>()?;
            let fill = b.fill.replace("{after}", &after).replace(
                "{upto}",
                &migc_runner::backfill::upto(Dialect::Sqlite, b, &end),
            );
            for s in &b.setup {
                conn.execute_batch(s).map_err(|e| format!("{s}: {e}"))?;
            }
            // Only rows of the batch may change.
            let changed = conn
                .execute(&fill, [])
                .map_err(|e| format!("{fill}: {e}"))?;
            if changed > keys.len() {
                return Err(format!(
                    "the fill changed {changed} rows, the batch has {}: {fill}",
                    keys.len()
                ));
            }
            for s in &b.teardown {
                conn.execute_batch(s).map_err(|e| format!("{s}: {e}"))?;
            }
            Ok(Some(end))
        })();
        match result {
            Ok(Some(end)) => {
                conn.execute_batch("COMMIT;")
                    .map_err(|e| format!("commit: {e}"))?;
                n += 1;
                last = Some(end);
                between(n)?;
            }
            Ok(None) => {
                conn.execute_batch("COMMIT;")
                    .map_err(|e| format!("commit: {e}"))?;
                return Ok(n);
            }
            Err(e) => {
                let _ = conn.execute_batch("ROLLBACK;");
                return Err(format!("batch {}: {e}", n + 1));
            }
        }
    }
}

/// An insert of each application into every table, as in the rollout between batches.
fn insert_both(conn: &Connection, prep: &Prepared, counters: &mut Counters) -> Result<(), String> {
    for shape in [&prep.old, &prep.new] {
        let mut fresh: BTreeMap<String, Row> = BTreeMap::new();
        for table in &shape.order {
            let profile = shape.profiles.get(table).copied().unwrap_or(Profile::Full);
            let w = insert(conn, shape, counters, table, profile, &fresh)
                .map_err(|e| format!("{}: {e}", shape.app))?;
            fresh.insert(table.clone(), w.row);
        }
    }
    Ok(())
}

/// Columns whose values come from a volatile function (`now()`, `gen_uuid()`): a default or a
/// transform of either shape. Two runs give them different values.
fn volatile_columns(prep: &Prepared) -> BTreeSet<String> {
    let volatile = |sql: &str| {
        let sql = sql.to_ascii_lowercase();
        migc_stdlib::functions()
            .iter()
            .filter(|f| f.volatile)
            .any(|f| sql.contains(f.name))
            || sql.contains("current_timestamp")
    };
    let mut out = BTreeSet::new();
    for schema in [&prep.old.schema, &prep.new.schema] {
        for t in schema.tables.values() {
            for c in &t.columns {
                let mut exprs: Vec<&str> = c.default.iter().map(|d| d.sql.as_str()).collect();
                if let Some(tr) = &c.transform {
                    exprs.push(&tr.up.sql);
                    exprs.extend(tr.down.iter().map(|d| d.sql.as_str()));
                }
                if exprs.iter().any(|e| volatile(e)) {
                    out.insert(c.name.clone());
                    out.insert(format!("{}__migc_new", c.name));
                }
            }
        }
    }
    out
}

/// Like [`dump`], with the values of the volatile columns reduced to whether they are null.
fn masked_dump(conn: &Connection, volatile: &BTreeSet<String>) -> Result<String, String> {
    let mut out = String::new();
    let objects = strings(
        conn,
        "SELECT type, name, coalesce(sql, '') FROM sqlite_schema ORDER BY type, name",
    )?;
    for o in &objects {
        let [Some(ty), Some(name), sql] = o.as_slice() else {
            continue;
        };
        out.push_str(&format!(
            "{ty} {name}: {}\n",
            sql.clone().unwrap_or_default()
        ));
        if ty != "table" {
            continue;
        }
        let mut stmt = conn
            .prepare(&format!("SELECT * FROM {} ORDER BY rowid", quote(name)))
            .map_err(|e| e.to_string())?;
        let masked: Vec<bool> = stmt
            .column_names()
            .iter()
            .map(|c| volatile.contains(*c))
            .collect();
        let mut rows = stmt.query([]).map_err(|e| e.to_string())?;
        while let Some(r) = rows.next().map_err(|e| e.to_string())? {
            let vals: Vec<String> = masked
                .iter()
                .enumerate()
                .map(|(i, m)| match (r.get_ref(i).ok().and_then(norm), m) {
                    (None, _) => "NULL".into(),
                    (Some(_), true) => "(volatile)".into(),
                    (Some(v), false) => v,
                })
                .collect();
            out.push_str(&format!("  {}\n", vals.join("|")));
        }
    }
    Ok(out)
}

fn count(conn: &Connection, sql: &str) -> Result<i64, String> {
    conn.query_row(sql, [], |r| r.get(0))
        .map_err(|e| format!("{sql}: {e}"))
}

/// The backfill run batch by batch from the manifest (batches of `size` rows, both
/// applications inserting after the first two batches) leaves the database the backfill script leaves after
/// the same inserts; the rows left to fill (each batch's `remaining` and the gate checks) are 0
/// at the end; the backfill script then changes nothing and switch applies. The number of
/// batches run, `None` when the plan has no backfill.
pub fn batched_backfill(prep: &Prepared, size: usize) -> Result<Option<usize>, String> {
    let (list, steps) = batches(&prep.plan)?;
    if list.len() != steps {
        return Err(format!(
            "{} of {steps} backfill steps carry no batches",
            steps - list.len()
        ));
    }
    if list.is_empty() {
        return Ok(None);
    }
    let phase = |name: &str| {
        prep.plan
            .phases
            .iter()
            .position(|p| p.name == name)
            .ok_or_else(|| format!("no {name} phase"))
    };
    let backfill = phase("backfill")?;
    let (_, batched) = copy(prep, "batched")?;
    let (_, scripted) = copy(prep, "scripted")?;
    for conn in [&batched, &scripted] {
        for p in &prep.plan.phases[..backfill] {
            run_script(conn, &p.up).map_err(|e| format!("{} up: {e}", p.name))?;
        }
    }
    let mut counters = prep.counters.clone();
    let mut inserts = 0;
    let mut total = 0;
    for b in &list {
        // Writes after the first two batches: rows land behind the walk and ahead of it (a
        // steady load that outpaces the batches would never let the walk end).
        total += run_batches(&batched, b, size, |n| {
            if n > 2 {
                return Ok(());
            }
            inserts += 1;
            insert_both(&batched, prep, &mut counters)
        })
        .map_err(|e| format!("batches of {}: {e}", b.table))?;
    }
    for b in &list {
        let left = count(&batched, &b.remaining)?;
        if left != 0 {
            return Err(format!(
                "after the batches, {left} rows of {} left to fill: {}",
                b.table, b.remaining
            ));
        }
    }
    for check in prep.plan.gate_checks("switch") {
        let left = count(&batched, &check)?;
        if left != 0 {
            return Err(format!(
                "after the batches, the gate check gives {left}: {check}"
            ));
        }
    }
    // The same inserts, then the phase script.
    let mut counters = prep.counters.clone();
    for _ in 0..inserts {
        insert_both(&scripted, prep, &mut counters)?;
    }
    let script = &prep.plan.phases[backfill].up;
    run_script(&scripted, script).map_err(|e| format!("backfill up: {e}"))?;
    let volatile = volatile_columns(prep);
    let (a, b) = (
        masked_dump(&batched, &volatile)?,
        masked_dump(&scripted, &volatile)?,
    );
    if a != b {
        let (a, b): (Vec<&str>, Vec<&str>) = (a.lines().collect(), b.lines().collect());
        let mut diff: Vec<String> = a
            .iter()
            .zip(&b)
            .filter(|(x, y)| x != y)
            .take(6)
            .map(|(x, y)| format!("batched:  {x}\n      scripted: {y}"))
            .collect();
        if a.len() != b.len() {
            diff.push(format!("{} lines batched, {} scripted", a.len(), b.len()));
        }
        return Err(format!(
            "the batches and the script leave different databases:\n      {}",
            diff.join("\n      ")
        ));
    }
    let before = dump(&batched)?;
    run_script(&batched, script).map_err(|e| format!("backfill up after the batches: {e}"))?;
    if dump(&batched)? != before {
        return Err("the backfill script after the batches changed the database".to_string());
    }
    if let Some(p) = prep.plan.phases.get(backfill + 1) {
        run_script(&batched, &p.up).map_err(|e| format!("{} up after the batches: {e}", p.name))?;
    }
    Ok(Some(total))
}
