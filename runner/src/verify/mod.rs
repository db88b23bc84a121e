//! `migc verify`: a plan proven on a scratch database. The database is built from the deployed
//! schema (the plan from `empty`, applied), filled with generated rows, then taken through the
//! plan one phase at a time. After each phase:
//!
//! - the **old application** (the deployed shape's tables and columns) inserts a row into every
//!   table, finds it by its key, updates a seeded row and reads every table;
//! - the **new application** does the same with the target shape;
//! - each reads the row the other wrote and finds every column its shape declares `NOT NULL`
//!   filled (the dual writes at work);
//! - the phase is **rolled back** and every table the two shapes share must hold as many rows as
//!   before, readable by the old application; then the phase is applied again.
//!
//! What the manifest's compatibility matrix promises is what is checked: an application that
//! fails where the manifest says it works is a violation, one that fails where it does not
//! promise it (the old application after contract) is shown but is not.

mod values;

use crate::run::{self, Options, Target};
use crate::{Error, Kind, PlanDir};
use migc_compiler::schema::{Schema, Table};
use migc_db::{Connection, DbUrl};
use migc_stdlib::Dialect;
use std::collections::BTreeMap;
use values::{ident, literal};

/// What to verify.
pub struct Case<'a> {
    pub from: &'a Schema,
    pub to: &'a Schema,
    /// The plan from `empty` to `from`, which builds the scratch database.
    pub deploy: &'a PlanDir,
    /// The plan under test.
    pub plan: &'a PlanDir,
    /// Rows generated per table.
    pub rows: u64,
}

/// What was observed for one application or for a rollback after one phase.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cell {
    Works,
    /// Failed where the manifest promises it works.
    Broken(String),
    /// Failed where nothing is promised.
    Fails(String),
    /// Not tried (an earlier step failed).
    NotRun,
}

impl Cell {
    fn mark(&self) -> &'static str {
        match self {
            Cell::Works => "✓",
            Cell::Broken(_) => "✗",
            Cell::Fails(_) => "–",
            Cell::NotRun => " ",
        }
    }
}

/// One phase of the matrix.
#[derive(Clone, Debug)]
pub struct Line {
    pub phase: String,
    /// Why applying the phase failed, if it did.
    pub apply: Option<String>,
    pub old: Cell,
    pub new: Cell,
    pub rollback: Cell,
    /// What the manifest says rolling back this phase cannot give back.
    pub loses: Vec<String>,
}

#[derive(Clone, Debug, Default)]
pub struct Report {
    pub lines: Vec<Line>,
    /// Rows seeded per table of the deployed shape.
    pub seeded: BTreeMap<String, u64>,
    pub notes: Vec<String>,
}

impl Report {
    pub fn violations(&self) -> Vec<String> {
        let mut out = Vec::new();
        for l in &self.lines {
            if let Some(e) = &l.apply {
                out.push(format!("{}: applying the phase failed: {e}", l.phase));
            }
            for (who, cell) in [
                ("old app", &l.old),
                ("new app", &l.new),
                ("rollback", &l.rollback),
            ] {
                if let Cell::Broken(why) = cell {
                    out.push(format!("{}: {who}: {why}", l.phase));
                }
            }
        }
        out
    }

    /// The matrix as printed, then the details.
    pub fn render(&self) -> String {
        let mut s = String::from("phase      old app  new app  rollback\n");
        for l in &self.lines {
            s.push_str(&format!(
                "{:<10} {:<8} {:<8} {}{}\n",
                l.phase,
                l.old.mark(),
                l.new.mark(),
                l.rollback.mark(),
                if l.apply.is_some() {
                    "  (phase failed)"
                } else {
                    ""
                }
            ));
        }
        s.push_str("✓ works  ✗ broken where the plan promises it works  – fails where nothing is promised\n");
        for l in &self.lines {
            if let Cell::Fails(why) = &l.old {
                s.push_str(&format!(
                    "\n{}: the old application no longer works, as the plan says: {why}\n",
                    l.phase
                ));
            }
            if !l.loses.is_empty() && l.rollback == Cell::Works {
                s.push_str(&format!(
                    "\n{}: rows survive its rollback; as the plan says, the rollback cannot restore: {}\n",
                    l.phase,
                    l.loses.join("; ")
                ));
            }
        }
        let violations = self.violations();
        if !violations.is_empty() {
            s.push_str("\nviolations:\n");
            for v in violations {
                s.push_str(&format!("  {v}\n"));
            }
        }
        for n in &self.notes {
            s.push_str(&format!("\nnote: {n}\n"));
        }
        s
    }
}

/// One application version: the schema it was written for.
struct App<'a> {
    name: &'static str,
    schema: &'a Schema,
}

struct Verifier<'a> {
    url: &'a DbUrl,
    conn: &'a mut dyn Connection,
    dialect: Dialect,
    case: &'a Case<'a>,
    opts: Options,
    /// Tables of the deployed shape -> the same table in the target shape.
    shared: BTreeMap<String, String>,
}

fn plan_error(what: &str, e: Error) -> Error {
    Error::new(Kind::Failed, format!("{what}: {}", e.message))
}

impl Verifier<'_> {
    fn insert(&mut self, schema: &Schema, table: &Table, n: u64) -> Result<(), String> {
        let cols: Vec<String> = table
            .columns
            .iter()
            .map(|c| ident(self.dialect, &c.name))
            .collect();
        let mut first_error = None;
        for variant in 0..6 {
            let values: Vec<String> = table
                .columns
                .iter()
                .map(|c| literal(self.dialect, schema, table, c, n, variant))
                .collect();
            let sql = format!(
                "INSERT INTO {} ({}) VALUES ({})",
                ident(self.dialect, &table.name),
                cols.join(", "),
                values.join(", ")
            );
            match self.conn.execute(&sql) {
                Ok(()) => return Ok(()),
                Err(e) => {
                    first_error.get_or_insert_with(|| format!("{sql}: {e}"));
                }
            }
        }
        Err(first_error.unwrap_or_default())
    }

    /// `k1 = v1 AND …` for row `n` of the table (`None` without a primary key).
    fn key_of(&self, schema: &Schema, table: &Table, n: u64) -> Option<String> {
        let pk = table.primary_key.as_ref()?;
        let parts: Vec<String> = pk
            .columns
            .iter()
            .filter_map(|k| table.column(k))
            .map(|c| {
                format!(
                    "{} = {}",
                    ident(self.dialect, &c.name),
                    literal(self.dialect, schema, table, c, n, 0)
                )
            })
            .collect();
        Some(parts.join(" AND "))
    }

    /// The application's writes and reads; the first failure.
    fn exercise(&mut self, app: &App<'_>, n: u64) -> Result<(), String> {
        let d = self.dialect;
        for name in values::insert_order(app.schema) {
            let table = &app.schema.tables[&name];
            self.insert(app.schema, table, n)
                .map_err(|e| format!("insert into `{name}`: {e}"))?;
            if let Some(key) = self.key_of(app.schema, table, n) {
                let sql = format!("SELECT count(*) FROM {} WHERE {key}", ident(d, &name));
                let found = self
                    .count(&sql)
                    .map_err(|e| format!("read `{name}`: {e}"))?;
                if found != 1 {
                    return Err(format!(
                        "`{name}`: the row just written is found {found} times by its key"
                    ));
                }
            }
        }
        for (name, table) in &app.schema.tables {
            let cols: Vec<String> = table.columns.iter().map(|c| ident(d, &c.name)).collect();
            let sql = format!("SELECT {} FROM {}", cols.join(", "), ident(d, name));
            self.conn
                .query(&sql)
                .map_err(|e| format!("read `{name}`: {e}"))?;
            if let (Some(col), Some(key)) =
                (values::updatable(table), self.key_of(app.schema, table, 1))
            {
                let sql = format!(
                    "UPDATE {} SET {} = {} WHERE {key}",
                    ident(d, name),
                    ident(d, &col.name),
                    literal(d, app.schema, table, col, n + 50, 0)
                );
                self.conn
                    .execute(&sql)
                    .map_err(|e| format!("update `{name}`: {sql}: {e}"))?;
            }
        }
        Ok(())
    }

    /// The reader finds the columns its shape declares `NOT NULL` filled in the row the writer
    /// wrote (row `n`) in every table they share, found by a key both shapes have.
    fn cross_read(&mut self, reader: &App<'_>, writer: &App<'_>, n: u64) -> Result<(), String> {
        let d = self.dialect;
        let pairs: Vec<(String, String)> = self
            .shared
            .iter()
            .map(|(a, b)| {
                if reader.name == "new app" {
                    (b.clone(), a.clone())
                } else {
                    (a.clone(), b.clone())
                }
            })
            .collect();
        for (rname, wname) in pairs {
            let (Some(rt), Some(wt)) = (
                reader.schema.tables.get(&rname),
                writer.schema.tables.get(&wname),
            ) else {
                continue;
            };
            let (Some(rpk), Some(wpk)) = (&rt.primary_key, &wt.primary_key) else {
                continue;
            };
            if rpk.columns != wpk.columns {
                continue;
            }
            let Some(key) = self.key_of(writer.schema, wt, n) else {
                continue;
            };
            let required: Vec<&str> = rt
                .columns
                .iter()
                .filter(|c| !c.nullable)
                .map(|c| c.name.as_str())
                .collect();
            if required.is_empty() {
                continue;
            }
            let cols: Vec<String> = required.iter().map(|c| ident(d, c)).collect();
            let sql = format!(
                "SELECT {} FROM {} WHERE {key}",
                cols.join(", "),
                ident(d, &rname)
            );
            let rows = self
                .conn
                .query(&sql)
                .map_err(|e| format!("read `{rname}`: {e}"))?;
            let Some(row) = rows.first() else {
                return Err(format!(
                    "the row the {} wrote into `{wname}` is missing from `{rname}`",
                    writer.name
                ));
            };
            let empty: Vec<&str> = required
                .iter()
                .zip(row)
                .filter(|(_, v)| v.is_none())
                .map(|(c, _)| *c)
                .collect();
            if !empty.is_empty() {
                return Err(format!(
                    "the row the {} wrote into `{wname}` reads with `{}` null in `{rname}`, which the {} declares not null",
                    writer.name,
                    empty.join("`, `"),
                    reader.name
                ));
            }
        }
        Ok(())
    }

    fn count(&mut self, sql: &str) -> Result<u64, String> {
        let rows = self.conn.query(sql).map_err(|e| e.to_string())?;
        Ok(rows
            .first()
            .and_then(|r| r.first())
            .cloned()
            .flatten()
            .and_then(|v| v.parse().ok())
            .unwrap_or(0))
    }

    /// Rows of every shared table, counted through one shape's names.
    fn counts(&mut self, target_names: bool) -> Result<BTreeMap<String, u64>, String> {
        let mut out = BTreeMap::new();
        let shared: Vec<(String, String)> = self.shared.clone().into_iter().collect();
        for (a, b) in shared {
            let name = if target_names { &b } else { &a };
            let sql = format!("SELECT count(*) FROM {}", ident(self.dialect, name));
            out.insert(
                a.clone(),
                self.count(&sql)
                    .map_err(|e| format!("count `{name}`: {e}"))?,
            );
        }
        Ok(out)
    }

    fn rollback_and_again(&mut self, index: usize) -> Result<(), String> {
        let plan = self.case.plan;
        let phase = plan.manifest.phases[index].name.clone();
        let before = self.counts(true)?;
        let to = index
            .checked_sub(1)
            .map(|i| plan.manifest.phases[i].name.clone());
        run::rollback(self.url, self.conn, plan, to.as_deref(), &self.opts)
            .map_err(|e| format!("rollback: {}", e.message))?;
        let after = self.counts(false)?;
        for (table, n) in &before {
            let m = after.get(table).copied().unwrap_or(0);
            if m != *n {
                return Err(format!(
                    "`{table}` holds {m} rows after the rollback, {n} before"
                ));
            }
        }
        let old = App {
            name: "old app",
            schema: self.case.from,
        };
        for (name, table) in &old.schema.tables {
            let cols: Vec<String> = table
                .columns
                .iter()
                .map(|c| ident(self.dialect, &c.name))
                .collect();
            let sql = format!(
                "SELECT {} FROM {}",
                cols.join(", "),
                ident(self.dialect, name)
            );
            self.conn.query(&sql).map_err(|e| {
                format!("the old application cannot read `{name}` after the rollback: {e}")
            })?;
        }
        run::apply(self.url, self.conn, plan, &Target::Phase(phase), &self.opts)
            .map_err(|e| format!("applying the phase again after its rollback: {}", e.message))
    }
}

/// Runs the verification on `conn` (an empty database at `url`).
pub fn run(url: &DbUrl, conn: &mut dyn Connection, case: &Case<'_>) -> Result<Report, Error> {
    let opts = Options {
        quiet: true,
        pause: std::time::Duration::ZERO,
        batch_size: 500,
        ..Options::default()
    };
    let mut shared = BTreeMap::new();
    for b in case.to.tables.values() {
        let a = match &b.renamed_from {
            Some(r) if case.from.tables.contains_key(r) => r.clone(),
            _ => b.name.clone(),
        };
        if case.from.tables.contains_key(&a) {
            shared.insert(a, b.name.clone());
        }
    }
    // Labels the target drops are ones the old application has stopped writing before the
    // rollout (the author acknowledged losing them); its rows keep to the other labels.
    let mut old_schema = case.from.clone();
    for (name, e) in &mut old_schema.enums {
        if let Some(target) = case.to.enums.get(name) {
            e.values
                .retain(|v| !target.dropped_values.contains_key(&v.name));
        }
    }
    let dialect = conn.dialect();
    let mut v = Verifier {
        url,
        conn,
        dialect,
        case,
        opts,
        shared,
    };
    run::apply(
        url,
        v.conn,
        case.deploy,
        &Target::Through("contract".into()),
        &v.opts,
    )
    .map_err(|e| plan_error("building the deployed schema failed", e))?;
    let mut report = Report::default();
    for name in values::insert_order(&old_schema) {
        let table = &old_schema.tables[&name];
        let mut seeded = 0;
        for n in 1..=case.rows {
            match v.insert(&old_schema, table, n) {
                Ok(()) => seeded += 1,
                Err(e) => {
                    report
                        .notes
                        .push(format!("seeding `{name}` stopped at row {n}: {e}"));
                    break;
                }
            }
        }
        report.seeded.insert(name, seeded);
    }
    let old = App {
        name: "old app",
        schema: &old_schema,
    };
    let new = App {
        name: "new app",
        schema: case.to,
    };
    let mut stopped = false;
    for (i, phase) in case.plan.manifest.phases.iter().enumerate() {
        let promise = case
            .plan
            .manifest
            .compatibility
            .iter()
            .find(|c| c.after == phase.name);
        let mut line = Line {
            phase: phase.name.clone(),
            apply: None,
            old: Cell::NotRun,
            new: Cell::NotRun,
            rollback: Cell::NotRun,
            loses: promise
                .map(|p| p.rollback_loses.clone())
                .unwrap_or_default(),
        };
        if stopped {
            report.lines.push(line);
            continue;
        }
        if let Err(e) = run::apply(
            url,
            v.conn,
            case.plan,
            &Target::Phase(phase.name.clone()),
            &v.opts,
        ) {
            line.apply = Some(e.message);
            stopped = true;
            report.lines.push(line);
            continue;
        }
        let base = case.rows + 100 * (i as u64 + 1);
        let judge = |r: Result<(), String>, promised: bool| match r {
            Ok(()) => Cell::Works,
            Err(e) if promised => Cell::Broken(e),
            Err(e) => Cell::Fails(e),
        };
        let old_promised = promise.is_none_or(|p| p.old_app);
        let new_promised = promise.is_none_or(|p| p.new_app);
        let old_r = v.exercise(&old, base + 1);
        let new_r = v.exercise(&new, base + 2);
        let (old_ok, new_ok) = (old_r.is_ok(), new_r.is_ok());
        let old_r = old_r.and_then(|()| {
            if new_ok {
                v.cross_read(&old, &new, base + 2)
            } else {
                Ok(())
            }
        });
        let new_r = new_r.and_then(|()| {
            if old_ok {
                v.cross_read(&new, &old, base + 1)
            } else {
                Ok(())
            }
        });
        line.old = judge(old_r, old_promised);
        line.new = judge(new_r, new_promised);
        line.rollback = judge(v.rollback_and_again(i), true);
        if matches!(line.rollback, Cell::Broken(_)) {
            stopped = true;
        }
        report.lines.push(line);
    }
    Ok(report)
}

/// A scratch database on the server of `url`, dropped when the value goes away (for `verify`,
/// and for building a declared schema to compare a database with).
pub struct Scratch {
    pub url: DbUrl,
    server: DbUrl,
    name: String,
}

impl Scratch {
    /// Creates an empty database beside the one `server` names (PostgreSQL, MySQL/MariaDB).
    pub fn create(server: &DbUrl) -> Result<Scratch, Error> {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0);
        let name = format!("migc_scratch_{}_{nanos}", std::process::id());
        let io = |e: migc_db::DbError| {
            Error::new(
                Kind::Io,
                format!(
                    "cannot create a scratch database on {}: {e}",
                    server.redacted()
                ),
            )
        };
        let mut admin = migc_db::connect(server).map_err(io)?;
        admin
            .execute(&format!(
                "CREATE DATABASE {}",
                server.dialect().quote_ident(&name)
            ))
            .map_err(io)?;
        let Some(url) = server.with_database(&name) else {
            return Err(Error::new(Kind::Io, "SQLite needs no scratch server"));
        };
        Ok(Scratch {
            url,
            server: server.clone(),
            name,
        })
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        if let Ok(mut admin) = migc_db::connect(&self.server) {
            let force = if matches!(self.server, DbUrl::Postgres(_)) {
                " WITH (FORCE)"
            } else {
                ""
            };
            let _ = admin.execute(&format!(
                "DROP DATABASE IF EXISTS {}{force}",
                self.server.dialect().quote_ident(&self.name)
            ));
        }
    }
}
