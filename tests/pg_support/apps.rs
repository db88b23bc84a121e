//! The two application versions as the tests play them: rows generated from a catalog (keys,
//! foreign keys, enum labels, simple checks such as `>= 0` or `between 1 and 5` respected by
//! construction), seeded, inserted, updated and read back; and the checks that a row written in
//! one shape reads correctly in the other (renames, `up`, `down`).

use super::catalog::{literal, quote, Catalog, Column, Table};
use super::plan::{Derivation, Transitions};
use postgres::Client;
use std::collections::BTreeMap;

/// A row as text (`col::text`), `None` for NULL.
pub type Row = BTreeMap<String, Option<String>>;

/// Which columns a generated row fills.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Profile {
    /// Every column but identity columns.
    Full,
    /// Only what must be given: keys, foreign keys and NOT NULL columns without a default;
    /// enums take their first label.
    Lean,
}

/// One application version: the shape it knows.
#[derive(Clone, Debug)]
pub struct Shape {
    /// `old app` or `new app`, for messages.
    pub app: &'static str,
    pub cat: Catalog,
    /// enum -> the label this app writes (one the other version does not have, to exercise the
    /// change), when there is one.
    pub prefer: BTreeMap<String, String>,
    /// enum -> labels this app does not write (the target drops them; DESIGN.md leaves moving
    /// rows off them to a data fix before contract).
    pub avoid: BTreeMap<String, Vec<String>>,
    /// table -> the name its row counter is kept under (the same for both versions).
    pub canon: BTreeMap<String, String>,
    /// table -> profile that seeding found to satisfy the table's checks.
    pub profiles: BTreeMap<String, Profile>,
    /// Tables in the order rows can be inserted (parents first).
    pub order: Vec<String>,
}

impl Shape {
    pub fn new(app: &'static str, cat: Catalog) -> Shape {
        let order = insert_order(&cat);
        Shape {
            app,
            cat,
            prefer: BTreeMap::new(),
            avoid: BTreeMap::new(),
            canon: BTreeMap::new(),
            profiles: BTreeMap::new(),
            order,
        }
    }

    fn table(&self, name: &str) -> Result<&Table, String> {
        self.cat
            .tables
            .get(name)
            .ok_or_else(|| format!("{}: no table {name} in its catalog", self.app))
    }

    fn key(&self, table: &str) -> String {
        self.canon
            .get(table)
            .cloned()
            .unwrap_or_else(|| table.to_string())
    }
}

/// Gives the old shape's catalog the foreign keys and unique keys the target adds on columns
/// both shapes have: the old application writes data the new schema accepts (a new foreign
/// key is validated on existing rows at switch; rows violating it would be a data problem,
/// not a planning one).
pub fn borrow_target_keys(old: &mut Catalog, target: &Catalog, tr: &Transitions) {
    let pairs: Vec<(String, String)> = tr
        .tables
        .iter()
        .map(|(o, n)| (n.clone(), o.clone()))
        .collect();
    borrow_keys(old, target, &pairs, &tr.up, "target");
}

/// Gives the new shape's catalog the foreign keys and unique keys of the deployed schema on
/// columns both shapes have: they hold until contract, so the new application's rows must
/// satisfy them too.
pub fn borrow_deployed_keys(new: &mut Catalog, deployed: &Catalog, tr: &Transitions) {
    let pairs: Vec<(String, String)> = tr
        .tables
        .iter()
        .map(|(o, n)| (o.clone(), n.clone()))
        .collect();
    borrow_keys(new, deployed, &pairs, &tr.down, "deployed");
}

/// Copies keys of `src` tables into the paired `dst` tables where every column maps (through
/// `derivs`, keyed by the source table) to a plain column of the destination.
fn borrow_keys(
    dst: &mut Catalog,
    src: &Catalog,
    pairs: &[(String, String)],
    derivs: &std::collections::BTreeMap<(String, String), Derivation>,
    label: &str,
) {
    let map = |src_table: &str, cols: &[String]| -> Option<Vec<String>> {
        cols.iter()
            .map(|c| match derivs.get(&(src_table.to_string(), c.clone())) {
                Some(Derivation::Column(o)) => Some(o.clone()),
                _ => None,
            })
            .collect()
    };
    let dst_table = |src_table: &str| {
        pairs
            .iter()
            .find(|(s, _)| s == src_table)
            .map(|(_, d)| d.clone())
    };
    for (src_name, dst_name) in pairs {
        let (Some(st), Some(dt)) = (src.tables.get(src_name), dst.tables.get_mut(dst_name)) else {
            continue;
        };
        for (name, fk) in st.foreign_keys() {
            let Some(ref_src) = fk.ref_table.as_deref() else {
                continue;
            };
            let Some(ref_dst) = dst_table(ref_src) else {
                continue;
            };
            let (Some(cols), Some(ref_cols)) =
                (map(src_name, &fk.columns), map(ref_src, &fk.ref_columns))
            else {
                continue;
            };
            if dt.foreign_keys().any(|(_, k)| k.columns == cols) {
                continue;
            }
            let mut k = fk.clone();
            k.columns = cols;
            k.ref_table = Some(ref_dst);
            k.ref_columns = ref_cols;
            k.def = format!("(borrowed from the {label} schema) {}", k.def);
            dt.constraints.insert(format!("{name} ({label})"), k);
        }
        for set in &st.unique_sets {
            if let Some(cols) = map(src_name, set) {
                if !dt.unique_sets.contains(&cols) {
                    dt.unique_sets.push(cols);
                }
            }
        }
    }
}

/// Parents before children, following foreign keys (self references and cycles broken in name
/// order).
fn insert_order(cat: &Catalog) -> Vec<String> {
    let mut left: Vec<&String> = cat.tables.keys().collect();
    let mut out: Vec<String> = Vec::new();
    while !left.is_empty() {
        let ready = left.iter().position(|t| {
            cat.tables[*t].foreign_keys().all(|(_, fk)| {
                let parent = fk.ref_table.as_deref().unwrap_or_default();
                parent == t.as_str()
                    || out.iter().any(|o| o == parent)
                    || !cat.tables.contains_key(parent)
            })
        });
        let i = ready.unwrap_or(0);
        out.push(left.remove(i).clone());
    }
    out
}

/// Row counters, one per table (under its canonical name), so that generated key values never
/// repeat in a database.
#[derive(Clone, Debug, Default)]
pub struct Counters(BTreeMap<String, u64>);

impl Counters {
    fn next(&mut self, key: &str) -> u64 {
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

fn text_value(col: &str, n: u64, max: Option<usize>) -> String {
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
                .chars()
                .filter(char::is_ascii_alphabetic)
                .take(room)
                .collect::<String>()
                .to_uppercase();
            format!(
                "{}{digits}",
                if prefix.is_empty() {
                    "V".to_string()
                } else {
                    prefix
                }
            )
        }
    }
}

fn type_arg(ty: &str) -> Option<usize> {
    let inner = ty.split_once('(')?.1.split(')').next()?;
    inner.split(',').next()?.trim().parse().ok()
}

/// An SQL expression for a value of `col`, or `None` for NULL.
fn value(
    shape: &Shape,
    col: &Column,
    n: u64,
    ordinal: usize,
    unique: bool,
    profile: Profile,
) -> Result<Option<String>, String> {
    let small = (n - 1) % 5 + 1;
    let number = if unique { n } else { small };
    let ty = col.ty.as_str();
    if col.is_enum {
        let labels = shape
            .cat
            .enums
            .get(ty)
            .or_else(|| shape.cat.enums.get(ty.trim_matches('"')))
            .ok_or_else(|| format!("no labels for enum {ty}"))?;
        let avoid = shape.avoid.get(ty).cloned().unwrap_or_default();
        let labels: Vec<&String> = labels.iter().filter(|l| !avoid.contains(l)).collect();
        if labels.is_empty() {
            return Err(format!("every label of enum {ty} is dropped"));
        }
        let label = match (profile, shape.prefer.get(ty)) {
            (Profile::Full, Some(p)) => p.clone(),
            (Profile::Full, None) => labels[(n as usize) % labels.len()].clone(),
            (Profile::Lean, _) => labels[0].clone(),
        };
        return Ok(Some(literal(&label)));
    }
    let v = match ty {
        "smallint" | "integer" | "bigint" | "real" | "double precision" => number.to_string(),
        t if t.starts_with("numeric") => number.to_string(),
        "boolean" => (n % 2 == 0).to_string(),
        "text" | "citext" | "name" => literal(&text_value(&col.name, n, None)),
        t if t.starts_with("character varying") || t.starts_with("character(") => {
            literal(&text_value(&col.name, n, type_arg(t)))
        }
        "uuid" => literal(&format!("00000000-0000-4000-8000-{n:012}")),
        "date" => format!("('2024-01-01'::date + {n})"),
        "time without time zone" => format!("('08:00'::time + interval '{ordinal} minutes')"),
        "timestamp without time zone" => {
            format!("('2024-01-01 00:00:00'::timestamp + interval '{n} hours {ordinal} minutes')")
        }
        "timestamp with time zone" => {
            format!(
                "('2024-01-01 00:00:00+00'::timestamptz + interval '{n} hours {ordinal} minutes')"
            )
        }
        "interval" => format!("interval '{n} minutes'"),
        "json" | "jsonb" => literal(&format!("{{\"n\": {n}}}")),
        "bytea" => format!("decode('{:02x}', 'hex')", n % 256),
        "inet" | "cidr" => literal(&format!(
            "10.{}.{}.{}",
            n / 65536 % 256,
            n / 256 % 256,
            n % 256
        )),
        "tsvector" => literal(&format!("word{n}")),
        _ if !col.not_null => return Ok(None),
        other => {
            return Err(format!(
                "the row generator does not know type {other} (column {})",
                col.name
            ))
        }
    };
    Ok(Some(v))
}

/// What one application statement wrote.
#[derive(Clone, Debug)]
pub struct Written {
    pub app: &'static str,
    /// INSERT or UPDATE.
    pub kind: &'static str,
    pub table: String,
    /// The row as stored after the statement, in the writer's shape.
    pub row: Row,
    /// The columns the statement set.
    pub set: Vec<String>,
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
        .map(|(k, v)| format!("{k}={}", v.as_deref().unwrap_or("NULL")))
        .collect();
    format!("{{{}}}", parts.join(", "))
}

fn returning(t: &Table) -> String {
    t.columns
        .iter()
        .map(|c| format!("{}::text", quote(&c.name)))
        .collect::<Vec<_>>()
        .join(", ")
}

fn to_row(t: &Table, row: &postgres::Row) -> Row {
    t.columns
        .iter()
        .enumerate()
        .map(|(i, c)| (c.name.clone(), row.get::<_, Option<String>>(i)))
        .collect()
}

fn pk_filter(pk: &[String], row: &Row) -> String {
    pk.iter()
        .map(|c| match row.get(c).cloned().flatten() {
            Some(v) => format!("{}::text = {}", quote(c), literal(&v)),
            None => format!("{} IS NULL", quote(c)),
        })
        .collect::<Vec<_>>()
        .join(" AND ")
}

/// Whether the column is part of a unique key (so its generated values must not repeat).
fn is_unique(t: &Table, col: &str) -> bool {
    t.unique_sets.iter().any(|s| s.iter().any(|c| c == col))
}

fn is_fk(t: &Table, col: &str) -> bool {
    t.foreign_keys()
        .any(|(_, fk)| fk.columns.iter().any(|c| c == col))
}

/// The values of a new row: column -> SQL expression (absent: left to its default).
fn new_row(
    client: &mut Client,
    shape: &Shape,
    table: &str,
    n: u64,
    profile: Profile,
    parents: Option<&BTreeMap<String, Row>>,
) -> Result<Vec<(String, Option<String>)>, String> {
    let t = shape.table(table)?;
    let mut fixed: BTreeMap<String, Option<String>> = BTreeMap::new();
    let no_fks = Vec::new();
    let fks: Vec<_> = match parents {
        Some(_) => t.foreign_keys().collect(),
        None => no_fks,
    };
    let parents = parents.cloned().unwrap_or_default();
    for (name, fk) in fks {
        let parent_table = fk.ref_table.clone().unwrap_or_default();
        let nullable = fk
            .columns
            .iter()
            .all(|c| t.column(c).is_some_and(|c| !c.not_null));
        if nullable && (profile == Profile::Lean || parent_table == table) {
            continue;
        }
        let agrees = |p: &Row| {
            fk.columns
                .iter()
                .zip(&fk.ref_columns)
                .all(|(c, r)| match fixed.get(c) {
                    Some(v) => {
                        v.as_deref().map(literal)
                            == p.get(r).cloned().flatten().map(|v| literal(&v))
                    }
                    None => true,
                })
        };
        let parent = match parents.get(&parent_table) {
            Some(p) if parent_table != table && agrees(p) => Some(p.clone()),
            _ => {
                // Any existing row of the parent that agrees with the columns already chosen.
                let mut conds: Vec<String> = fk
                    .ref_columns
                    .iter()
                    .map(|r| format!("{} IS NOT NULL", quote(r)))
                    .collect();
                for (c, r) in fk.columns.iter().zip(&fk.ref_columns) {
                    if let Some(Some(v)) = fixed.get(c) {
                        conds.push(format!("{}::text = {}", quote(r), literal(v)));
                    }
                }
                let cols: Vec<String> = fk
                    .ref_columns
                    .iter()
                    .map(|r| format!("{}::text", quote(r)))
                    .collect();
                let sql = format!(
                    "SELECT {} FROM {} WHERE {} ORDER BY {} LIMIT 1 OFFSET ({n} % greatest((SELECT count(*) FROM {} WHERE {}), 1))",
                    cols.join(", "),
                    quote(&parent_table),
                    conds.join(" AND "),
                    cols.join(", "),
                    quote(&parent_table),
                    conds.join(" AND "),
                );
                let rows = client.query(&sql, &[]).map_err(|e| {
                    format!(
                        "{}: choosing a parent row for {name}: {e}\n      {sql}",
                        shape.app
                    )
                })?;
                rows.first().map(|r| {
                    fk.ref_columns
                        .iter()
                        .enumerate()
                        .map(|(i, c)| (c.clone(), r.get::<_, Option<String>>(i)))
                        .collect::<Row>()
                })
            }
        };
        match parent {
            Some(p) => {
                for (c, r) in fk.columns.iter().zip(&fk.ref_columns) {
                    fixed
                        .entry(c.clone())
                        .or_insert_with(|| p.get(r).cloned().flatten());
                }
            }
            None if nullable => {}
            None => {
                return Err(format!(
                    "{}: no row of {parent_table} to reference from {table} ({name})",
                    shape.app
                ))
            }
        }
    }
    let mut out = Vec::new();
    for (ordinal, c) in t.columns.iter().enumerate() {
        if !c.identity.is_empty() {
            continue;
        }
        if is_fk(t, &c.name) {
            if let Some(v) = fixed.get(&c.name) {
                out.push((c.name.clone(), v.as_deref().map(literal)));
            }
            continue;
        }
        let key = is_unique(t, &c.name);
        if profile == Profile::Lean && !key && (c.default.is_some() || !c.not_null) {
            continue;
        }
        out.push((c.name.clone(), value(shape, c, n, ordinal, key, profile)?));
    }
    Ok(out)
}

/// Checks that the statement stored what the application sent: the sent expressions cast to
/// the columns' types against the returned row.
fn check_sent(
    client: &mut Client,
    shape: &Shape,
    table: &str,
    sent: &[(String, Option<String>)],
    row: &Row,
    what: &str,
) -> Result<(), String> {
    let t = shape.table(table)?;
    // A column written back with its own value (`SET c = c`) has nothing to compare.
    let sent: Vec<&(String, Option<String>)> = sent
        .iter()
        .filter(|(c, v)| v.as_deref() != Some(quote(c).as_str()))
        .collect();
    // The types the columns have now in the database (until contract a column may keep its
    // deployed type while the application knows the target's).
    let live: BTreeMap<String, String> = client
        .query(
            "SELECT attname::text, format_type(atttypid, atttypmod) FROM pg_attribute
             WHERE attrelid = to_regclass($1) AND attnum > 0 AND NOT attisdropped",
            &[&quote(table)],
        )
        .map_err(|e| format!("{what}: reading the column types: {e}"))?
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect();
    let exprs: Vec<String> = sent
        .iter()
        .map(|(c, v)| {
            let ty = live
                .get(c)
                .cloned()
                .or_else(|| t.column(c).map(|c| c.ty.clone()))
                .unwrap_or_else(|| "text".into());
            format!("({})::{ty}::text", v.as_deref().unwrap_or("NULL"))
        })
        .collect();
    if exprs.is_empty() {
        return Ok(());
    }
    let sql = format!("SELECT {}", exprs.join(", "));
    let r = client
        .query_one(&sql, &[])
        .map_err(|e| format!("{what}: canonical values: {e}\n      {sql}"))?;
    for (i, (c, _)) in sent.iter().enumerate() {
        let expected: Option<String> = r.get(i);
        let found = row.get(c).cloned().flatten();
        if expected != found {
            return Err(format!(
                "{what}: column {c} holds {found:?} right after the statement, but the application wrote {expected:?} (a trigger overwrote it?)"
            ));
        }
    }
    Ok(())
}

/// Reads one row by its primary key.
pub fn select(
    client: &mut Client,
    cat: &Catalog,
    table: &str,
    pk_row: &Row,
) -> Result<Option<Row>, String> {
    let t = cat
        .tables
        .get(table)
        .ok_or_else(|| format!("no table {table}"))?;
    let pk = t.primary_key();
    let sql = format!(
        "SELECT {} FROM {} WHERE {}",
        returning(t),
        quote(table),
        pk_filter(&pk, pk_row)
    );
    let rows = client
        .query(&sql, &[])
        .map_err(|e| format!("{e}\n      {sql}"))?;
    Ok(rows.first().map(|r| to_row(t, r)))
}

/// Every row of a table in a shape, by primary key text.
pub fn read_all(
    client: &mut Client,
    cat: &Catalog,
    table: &str,
) -> Result<BTreeMap<String, Row>, String> {
    let t = cat
        .tables
        .get(table)
        .ok_or_else(|| format!("no table {table}"))?;
    let pk = t.primary_key();
    let sql = format!("SELECT {} FROM {}", returning(t), quote(table));
    let rows = client
        .query(&sql, &[])
        .map_err(|e| format!("reading {table}: {e}\n      {sql}"))?;
    Ok(rows
        .iter()
        .map(|r| {
            let row = to_row(t, r);
            (pk_text(&pk, &row), row)
        })
        .collect())
}

pub fn pk_text(pk: &[String], row: &Row) -> String {
    pk.iter()
        .map(|c| {
            format!(
                "{c}={}",
                row.get(c)
                    .cloned()
                    .flatten()
                    .unwrap_or_else(|| "NULL".into())
            )
        })
        .collect::<Vec<_>>()
        .join(",")
}

/// Inserts one generated row; checks that it reads back as written.
pub fn insert(
    client: &mut Client,
    shape: &Shape,
    counters: &mut Counters,
    table: &str,
    profile: Profile,
    parents: &BTreeMap<String, Row>,
) -> Result<Written, String> {
    let t = shape.table(table)?;
    let n = counters.next(&shape.key(table));
    let values = new_row(client, shape, table, n, profile, Some(parents))?;
    let sql = if values.is_empty() {
        format!(
            "INSERT INTO {} DEFAULT VALUES RETURNING {}",
            quote(table),
            returning(t)
        )
    } else {
        format!(
            "INSERT INTO {} ({}) VALUES ({}) RETURNING {}",
            quote(table),
            values
                .iter()
                .map(|(c, _)| quote(c))
                .collect::<Vec<_>>()
                .join(", "),
            values
                .iter()
                .map(|(_, v)| v.clone().unwrap_or_else(|| "NULL".into()))
                .collect::<Vec<_>>()
                .join(", "),
            returning(t)
        )
    };
    let what = format!("{} INSERT into {table}", shape.app);
    let rows = client
        .query(&sql, &[])
        .map_err(|e| format!("{what} failed: {}\n      {sql}", db_error(&e)))?;
    let row = rows
        .first()
        .map(|r| to_row(t, r))
        .ok_or_else(|| format!("{what}: no row returned\n      {sql}"))?;
    check_sent(client, shape, table, &values, &row, &what)?;
    check_reads_back(client, shape, table, &row, &what)?;
    Ok(Written {
        app: shape.app,
        kind: "INSERT",
        table: table.to_string(),
        row,
        set: values.iter().map(|(c, _)| c.clone()).collect(),
    })
}

/// Updates an existing row (the `offset`-th by primary key) with freshly generated values for
/// its columns outside keys (primary, unique, foreign, also those borrowed from the other
/// shape); `None` when the table has no such column or no row.
pub fn update(
    client: &mut Client,
    shape: &Shape,
    counters: &mut Counters,
    table: &str,
    offset: usize,
    single: bool,
) -> Result<Option<Written>, String> {
    let t = shape.table(table)?;
    let pk = t.primary_key();
    if pk.is_empty() {
        return Ok(None);
    }
    let profile = shape.profiles.get(table).copied().unwrap_or(Profile::Full);
    let n = counters.next(&shape.key(table));
    let values: Vec<(String, Option<String>)> = new_row(client, shape, table, n, profile, None)?
        .into_iter()
        .filter(|(c, _)| !pk.contains(c) && !is_fk(t, c) && !is_unique(t, c))
        .collect();
    // A single-column update changes a column no check reads (so that it cannot break a
    // check spanning columns); with none, it writes a column's own value back.
    let values: Vec<(String, Option<String>)> = if single {
        let in_check = |c: &str| {
            t.constraints.values().any(|k| {
                k.contype == "c"
                    && k.def
                        .split(|ch: char| !(ch.is_alphanumeric() || ch == '_'))
                        .any(|w| w == c)
            })
        };
        match values.iter().find(|(c, _)| !in_check(c)) {
            Some(v) => vec![v.clone()],
            None => values
                .first()
                .map(|(c, _)| vec![(c.clone(), Some(quote(c)))])
                .unwrap_or_default(),
        }
    } else {
        values
    };
    if values.is_empty() {
        return Ok(None);
    }
    let order: Vec<String> = pk.iter().map(|c| quote(c)).collect();
    let sql = format!(
        "SELECT {} FROM {} ORDER BY {} LIMIT 1 OFFSET ({offset} % greatest((SELECT count(*) FROM {}), 1))",
        returning(t),
        quote(table),
        order.join(", "),
        quote(table)
    );
    let what = format!(
        "{} {}UPDATE of {table}",
        shape.app,
        if single { "single-column " } else { "" }
    );
    let rows = client.query(&sql, &[]).map_err(|e| {
        format!(
            "{what}: choosing a row failed: {}\n      {sql}",
            db_error(&e)
        )
    })?;
    let Some(target) = rows.first().map(|r| to_row(t, r)) else {
        return Ok(None);
    };
    let sql = format!(
        "UPDATE {} SET {} WHERE {} RETURNING {}",
        quote(table),
        values
            .iter()
            .map(|(c, v)| format!(
                "{} = {}",
                quote(c),
                v.clone().unwrap_or_else(|| "NULL".into())
            ))
            .collect::<Vec<_>>()
            .join(", "),
        pk_filter(&pk, &target),
        returning(t)
    );
    let rows = client
        .query(&sql, &[])
        .map_err(|e| format!("{what} failed: {}\n      {sql}", db_error(&e)))?;
    let row = rows
        .first()
        .map(|r| to_row(t, r))
        .ok_or_else(|| format!("{what}: the row {} is gone\n      {sql}", show(&target)))?;
    check_sent(client, shape, table, &values, &row, &what)?;
    check_reads_back(client, shape, table, &row, &what)?;
    Ok(Some(Written {
        app: shape.app,
        kind: if single {
            "single-column UPDATE"
        } else {
            "UPDATE"
        },
        table: table.to_string(),
        row,
        set: values.iter().map(|(c, _)| c.clone()).collect(),
    }))
}

fn check_reads_back(
    client: &mut Client,
    shape: &Shape,
    table: &str,
    row: &Row,
    what: &str,
) -> Result<(), String> {
    let back = select(client, &shape.cat, table, row)
        .map_err(|e| format!("{} SELECT from {table} failed: {e}", shape.app))?;
    match back {
        Some(b) if &b == row => Ok(()),
        Some(b) => Err(format!(
            "{what}: SELECT by primary key reads {} but the statement returned {}",
            show(&b),
            show(row)
        )),
        None => Err(format!(
            "{what}: SELECT by primary key finds no row {}",
            show(row)
        )),
    }
}

/// The error with its detail, for messages.
pub fn db_error(e: &postgres::Error) -> String {
    match e.as_db_error() {
        Some(d) => {
            let mut s = format!(
                "{}: {} (SQLSTATE {})",
                d.severity(),
                d.message(),
                d.code().code()
            );
            if let Some(detail) = d.detail() {
                s.push_str(&format!("; {detail}"));
            }
            if let Some(w) = d.where_() {
                s.push_str(&format!("; where: {}", w.replace('\n', " / ")));
            }
            s
        }
        None => e.to_string(),
    }
}

/// Seeds `rows` rows into every table (parents first, row i of a child referencing row i of
/// its parents), choosing per table the first profile its checks accept.
pub fn seed(
    client: &mut Client,
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
                Some(p) => insert(client, shape, counters, &table, *p, &parents)
                    .map_err(|e| format!("seeding {table}, row {}: {e}", i + 1))?,
                None => match insert(client, shape, counters, &table, Profile::Full, &parents) {
                    Ok(w) => {
                        shape.profiles.insert(table.clone(), Profile::Full);
                        w
                    }
                    Err(full) => match insert(client, shape, counters, &table, Profile::Lean, &parents) {
                        Ok(w) => {
                            shape.profiles.insert(table.clone(), Profile::Lean);
                            w
                        }
                        Err(lean) => {
                            return Err(format!(
                                "seeding {table} ({}): the generator found no row its constraints accept:\n    {full}\n    {lean}",
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

/// One round of an application: per table (parents first) an INSERT referencing the rows it
/// just inserted, then an UPDATE of an existing row, each read back.
pub fn round(
    client: &mut Client,
    shape: &Shape,
    counters: &mut Counters,
    round: usize,
) -> (Vec<Written>, Vec<String>) {
    let mut fresh: BTreeMap<String, Row> = BTreeMap::new();
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for table in &shape.order {
        let profile = shape.profiles.get(table).copied().unwrap_or(Profile::Full);
        match insert(client, shape, counters, table, profile, &fresh) {
            Ok(w) => {
                fresh.insert(table.clone(), w.row.clone());
                out.push(w);
            }
            Err(e) => errors.push(e),
        }
    }
    // Distinct rows per application and round: one updated in every column it knows, one in
    // a single column (which leaves the columns of the other shape to the triggers).
    let offset = if shape.app == "old app" {
        4 * round
    } else {
        4 * round + 2
    };
    for table in &shape.order {
        for (k, single) in [(0, false), (1, true)] {
            match update(client, shape, counters, table, offset + k, single) {
                Ok(Some(w)) => out.push(w),
                Ok(None) => {}
                Err(e) => errors.push(e),
            }
        }
    }
    (out, errors)
}

/// Direction of a projection.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// A row the old app wrote, read in the new shape.
    Up,
    /// A row the new app wrote, read in the old shape.
    Down,
}

/// Checks that a row written in one shape reads in the other shape as the transitions say
/// (renamed columns carry the value, `up`/`down` computed): after an INSERT every derivable
/// column, after an UPDATE those computed from the columns it set. Rows of tables only one
/// shape has are not checked.
pub fn check_projection(
    client: &mut Client,
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
    // Expected value of every derivable column of the destination row.
    let mut expected: BTreeMap<String, Option<String>> = BTreeMap::new();
    let mut sql_cols: Vec<(String, String)> = Vec::new();
    for c in &dst_t.columns {
        let Some(d) = derivs.get(&(dst_table.clone(), c.name.clone())) else {
            continue;
        };
        match d {
            Derivation::Column(s) => {
                let Some(sc) = src_t.column(s) else { continue };
                // A column changing type in place keeps its deployed type until contract, for
                // both versions (the plan says so, W3004).
                if s == &c.name && sc.ty != c.ty {
                    continue;
                }
                if sc.ty == c.ty {
                    let v = written.row.get(s).cloned().flatten();
                    // Until contract both labels of a renamed enum value exist, and a row keeps
                    // the label its writer used (the plan says so, W3004); contract maps them,
                    // which the comparison after contract checks.
                    if c.is_enum && tr.enum_renames.contains_key(&c.ty) {
                        continue;
                    }
                    expected.insert(c.name.clone(), v);
                } else {
                    sql_cols.push((c.name.clone(), format!("({})::{}::text", quote(s), c.ty)));
                }
            }
            // The same for a column changing type in place through `up`.
            Derivation::Expr(..) if src_t.column(&c.name).is_some_and(|sc| sc.ty != c.ty) => {
                continue;
            }
            Derivation::Expr(e, _) => {
                sql_cols.push((c.name.clone(), format!("({e})::{}::text", c.ty)))
            }
        }
    }
    let what = format!("{} (read as the {})", written.describe(), dst.app);
    if !sql_cols.is_empty() {
        let source: Vec<String> = src_t
            .columns
            .iter()
            .map(|c| {
                let v = written.row.get(&c.name).cloned().flatten();
                format!(
                    "{}::{} AS {}",
                    v.map(|v| literal(&v)).unwrap_or_else(|| "NULL".into()),
                    c.ty,
                    quote(&c.name)
                )
            })
            .collect();
        let sql = format!(
            "SELECT {} FROM (SELECT {}) AS r",
            sql_cols
                .iter()
                .map(|(_, e)| e.clone())
                .collect::<Vec<_>>()
                .join(", "),
            source.join(", ")
        );
        let r = client.query_one(&sql, &[]).map_err(|e| {
            format!(
                "{what}: computing the expected values failed: {}\n      {sql}",
                db_error(&e)
            )
        })?;
        for (i, (c, _)) in sql_cols.iter().enumerate() {
            expected.insert(c.clone(), r.get(i));
        }
    }
    let pk = dst_t.primary_key();
    let mut key = Row::new();
    for c in &pk {
        match expected.get(c) {
            Some(v) => {
                key.insert(c.clone(), v.clone());
            }
            None => return Ok(()), // the key is new: nothing to find the row by
        }
    }
    let found = select(client, &dst.cat, &dst_table, &key)
        .map_err(|e| format!("{what}: SELECT failed: {e}"))?
        .ok_or_else(|| format!("{what}: no row with {} in {dst_table}", show(&key)))?;
    // After an UPDATE only the columns computed from what it set must follow; the others keep
    // what they held (which need not round-trip through `up` and `down`).
    let follows = |c: &str| {
        written.kind == "INSERT"
            || derivs
                .get(&(dst_table.clone(), c.to_string()))
                .is_some_and(|d| d.sources().iter().any(|s| written.set.contains(s)))
    };
    let mut wrong = Vec::new();
    for (c, e) in expected.iter().filter(|(c, _)| follows(c)) {
        let f = found.get(c).cloned().flatten();
        if &f != e {
            wrong.push(format!("{c}: expected {e:?}, found {f:?}"));
        }
    }
    if wrong.is_empty() {
        Ok(())
    } else {
        Err(format!("{what}: {} reads {}", dst_table, wrong.join("; ")))
    }
}
