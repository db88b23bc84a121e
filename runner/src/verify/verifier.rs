//! The two applications at work on the scratch database: each writes and reads with its shape,
//! reads what the other wrote, and the rows survive a phase's rollback.

use super::{values, Case};
use crate::run::{self, Options, Target};
use migc_compiler::schema::{Column, Schema, Table};
use migc_db::{Connection, DbUrl};
use migc_stdlib::Dialect;
use std::collections::BTreeMap;
use values::literal;

/// One application version: the schema it was written for.
pub(super) struct App<'a> {
    pub name: &'static str,
    pub schema: &'a Schema,
}

/// The scratch database under test, and the case it is verified for.
pub(super) struct Verifier<'a> {
    pub url: &'a DbUrl,
    pub conn: &'a mut dyn Connection,
    pub dialect: Dialect,
    pub case: &'a Case<'a>,
    pub opts: Options,
    /// Tables of the deployed shape -> the same table in the target shape.
    pub shared: BTreeMap<String, String>,
    /// The connection of the application at work, set up as the plan says that version
    /// connects (the manifest's `apps`); `None`: the verifier's own connection.
    pub session: Option<Box<dyn Connection>>,
}

impl Verifier<'_> {
    /// The connection of the application at work, or the verifier's own.
    fn db(&mut self) -> &mut dyn Connection {
        match &mut self.session {
            Some(c) => c.as_mut(),
            None => &mut *self.conn,
        }
    }

    /// Works as `app` from here on: a connection of its own that runs the version's session
    /// statements first.
    pub(super) fn as_app(&mut self, app: &App<'_>) -> Result<(), String> {
        let statements = self
            .case
            .plan
            .manifest
            .apps
            .as_ref()
            .map(|a| match app.name {
                "old app" => a.old.session.clone(),
                _ => a.new.session.clone(),
            })
            .unwrap_or_default();
        if statements.is_empty() {
            self.session = None;
            return Ok(());
        }
        let mut conn = migc_db::connect(self.url)
            .map_err(|e| format!("connecting as the {}: {e}", app.name))?;
        for st in &statements {
            conn.execute(st)
                .map_err(|e| format!("session statement of the {}: {st}: {e}", app.name))?;
        }
        self.session = Some(conn);
        Ok(())
    }

    /// A name quoted for the dialect.
    fn ident(&self, name: &str) -> String {
        self.dialect.behaviour().quote_ident(name)
    }

    pub(super) fn insert(&mut self, schema: &Schema, table: &Table, n: u64) -> Result<(), String> {
        // Generated columns are the database's to compute.
        let written: Vec<&Column> = table
            .columns
            .iter()
            .filter(|c| c.generated.is_none())
            .collect();
        let cols: Vec<String> = written.iter().map(|c| self.ident(&c.name)).collect();
        let mut first_error = None;
        for variant in 0..6 {
            let values: Vec<String> = written
                .iter()
                .map(|c| literal(self.dialect, schema, table, c, n, variant))
                .collect();
            let sql = format!(
                "INSERT INTO {} ({}) VALUES ({})",
                self.ident(&table.name),
                cols.join(", "),
                values.join(", ")
            );
            match self.db().execute(&sql) {
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
                    self.ident(&c.name),
                    literal(self.dialect, schema, table, c, n, 0)
                )
            })
            .collect();
        Some(parts.join(" AND "))
    }

    /// The application's writes and reads; the first failure.
    pub(super) fn exercise(&mut self, app: &App<'_>, n: u64) -> Result<(), String> {
        let d = self.dialect;
        for name in values::insert_order(app.schema) {
            let table = &app.schema.tables[&name];
            self.insert(app.schema, table, n)
                .map_err(|e| format!("insert into `{name}`: {e}"))?;
            if let Some(key) = self.key_of(app.schema, table, n) {
                let sql = format!("SELECT count(*) FROM {} WHERE {key}", self.ident(&name));
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
            let cols: Vec<String> = table.columns.iter().map(|c| self.ident(&c.name)).collect();
            let sql = format!("SELECT {} FROM {}", cols.join(", "), self.ident(name));
            self.db()
                .query(&sql)
                .map_err(|e| format!("read `{name}`: {e}"))?;
            if let (Some(col), Some(key)) =
                (values::updatable(table), self.key_of(app.schema, table, 1))
            {
                let sql = format!(
                    "UPDATE {} SET {} = {} WHERE {key}",
                    self.ident(name),
                    self.ident(&col.name),
                    literal(d, app.schema, table, col, n + 50, 0)
                );
                self.db()
                    .execute(&sql)
                    .map_err(|e| format!("update `{name}`: {sql}: {e}"))?;
            }
        }
        Ok(())
    }

    /// The reader finds the columns its shape declares `NOT NULL` filled in the row the writer
    /// wrote (row `n`) in every table they share, found by a key both shapes have.
    pub(super) fn cross_read(
        &mut self,
        reader: &App<'_>,
        writer: &App<'_>,
        n: u64,
    ) -> Result<(), String> {
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
            let cols: Vec<String> = required.iter().map(|c| self.ident(c)).collect();
            let sql = format!(
                "SELECT {} FROM {} WHERE {key}",
                cols.join(", "),
                self.ident(&rname)
            );
            let rows = self
                .db()
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
        let rows = self.db().query(sql).map_err(|e| e.to_string())?;
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
            let sql = format!("SELECT count(*) FROM {}", self.ident(name));
            out.insert(
                a.clone(),
                self.count(&sql)
                    .map_err(|e| format!("count `{name}`: {e}"))?,
            );
        }
        Ok(out)
    }

    pub(super) fn rollback_and_again(&mut self, index: usize) -> Result<(), String> {
        self.session = None;
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
            let cols: Vec<String> = table.columns.iter().map(|c| self.ident(&c.name)).collect();
            let sql = format!("SELECT {} FROM {}", cols.join(", "), self.ident(name));
            self.conn.query(&sql).map_err(|e| {
                format!("the old application cannot read `{name}` after the rollback: {e}")
            })?;
        }
        run::apply(self.url, self.conn, plan, &Target::Phase(phase), &self.opts)
            .map_err(|e| format!("applying the phase again after its rollback: {}", e.message))
    }
}
