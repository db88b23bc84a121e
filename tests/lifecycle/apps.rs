//! The two application versions as the lifecycle tests play them, generated from the schemas:
//! rows (`shape.rs`) seeded, inserted, updated and read back, each version through its own
//! session; and the check that a row written in one shape reads in the other as the transitions
//! say (`projection.rs`). As [`Hooks`]: seeding, a round of each version after every phase
//! (only the new one after contract), the old one again after every rollback, inserts of both
//! between backfill batches.

use super::engine::{truthy, Engine, Value};
use super::plan::App;
use super::rows::{pk, select_list, show, to_row, Row};
use super::run::{Cx, Hooks, Prepared};
use super::shape::{borrow_keys, value, Counters, Profile, Shape};
use super::transitions::Transitions;
use migc_compiler::schema::{ColumnType, Table};
use migc_db::Connection;
use std::collections::{BTreeMap, BTreeSet};

/// What one application statement wrote.
#[derive(Clone, Debug)]
pub struct Written {
    pub app: App,
    /// `INSERT`, `UPDATE` or `single-column UPDATE`.
    pub kind: &'static str,
    pub table: String,
    /// The row as stored after the statement, in the writer's shape.
    pub row: Row,
    /// The columns the statement set (an UPDATE: those whose value it changed).
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

/// The generated applications of a change.
pub struct Apps {
    pub engine: &'static dyn Engine,
    pub old: Shape,
    pub new: Shape,
    pub transitions: Transitions,
    seed_rows: usize,
}

impl Apps {
    /// Both versions of `prep`'s change; the new one's profiles found on the database built
    /// from the target.
    pub fn new(prep: &Prepared<'_>, seed_rows: usize) -> Result<Apps, String> {
        let tr = &prep.transitions;
        let engine = prep.engine;
        let mut old = Shape::new(App::Old, prep.from.clone());
        let mut new = Shape::new(App::New, prep.to.clone());
        // Labels: the old version writes the labels the change renames first (so that the
        // change meets them), never those the target drops (a data fix moves rows off them
        // before contract); the new one writes first a label the deployed enum lacks, a renamed
        // one only where the dialect has both labels before contract.
        for (e, labels) in old.labels.iter_mut() {
            let drops = tr.enum_drops.get(e).cloned().unwrap_or_default();
            labels.retain(|l| !drops.contains(l));
            if let Some(label) = tr.enum_renames.get(e).and_then(|r| r.keys().next()) {
                old.prefer.insert(e.clone(), label.clone());
            }
        }
        for (e, labels) in new.labels.iter_mut() {
            if !engine.renamed_labels_early() {
                let renamed: Vec<&String> = tr
                    .enum_renames
                    .get(e)
                    .into_iter()
                    .flat_map(|r| r.values())
                    .collect();
                labels.retain(|l| !renamed.contains(&l));
            }
            let deployed = prep.from.enums.get(e);
            let fresh = labels
                .iter()
                .find(|l| deployed.is_some_and(|d| !d.values.iter().any(|v| &&v.name == l)));
            if let Some(l) = fresh {
                new.prefer.insert(e.clone(), l.clone());
            }
        }
        old.canon = tr.tables.clone();
        let to_old: Vec<(String, String)> = tr
            .tables
            .iter()
            .map(|(o, n)| (n.clone(), o.clone()))
            .collect();
        let to_new: Vec<(String, String)> = tr
            .tables
            .iter()
            .map(|(o, n)| (o.clone(), n.clone()))
            .collect();
        borrow_keys(&mut old, &prep.to, &to_old, &tr.up);
        borrow_keys(&mut new, &prep.from, &to_new, &tr.down);
        let apps = Apps {
            engine,
            old,
            new,
            transitions: tr.clone(),
            seed_rows,
        };
        let mut conn = prep.target_db.connect();
        apps.seed_shape(&mut *conn, &apps.new, &mut Counters::default(), 3)
            .map_err(|e| format!("seeding the database built from the target: {e}"))?;
        Ok(apps)
    }

    pub(super) fn shape(&self, app: App) -> &Shape {
        match app {
            App::Old => &self.old,
            App::New => &self.new,
        }
    }

    fn same(&self, t: &Table, col: &str, v: &Value) -> String {
        let d = self.engine.dialect();
        let ty = &t
            .column(col)
            .map(|c| c.ty.clone())
            .unwrap_or(ColumnType::Builtin {
                name: "text".into(),
                args: Vec::new(),
            });
        self.engine
            .same(&d.quote_ident(col), &self.engine.literal(v, ty, false), ty)
    }

    /// `k1 = v1 AND …`, the row with this key.
    fn key_filter(&self, t: &Table, key: &[(String, Value)]) -> String {
        key.iter()
            .map(|(c, v)| self.same(t, c, v))
            .collect::<Vec<_>>()
            .join(" AND ")
    }

    /// The row with this key as the application reads it, and the columns of `sent` that do
    /// not hold what was sent (the value of an `Sql` expression is not compared).
    pub(super) fn read_back(
        &self,
        conn: &mut dyn Connection,
        t: &Table,
        key: &[(String, Value)],
        sent: &[(String, Value)],
    ) -> Result<Option<(Row, Vec<String>)>, String> {
        let d = self.engine.dialect();
        let sent: Vec<&(String, Value)> = sent
            .iter()
            .filter(|(_, v)| !matches!(v, Value::Sql(_)))
            .collect();
        let mut cols = vec![select_list(d, t)];
        cols.extend(sent.iter().map(|(c, v)| self.same(t, c, v)));
        let sql = format!(
            "SELECT {} FROM {} WHERE {}",
            cols.join(", "),
            d.quote_ident(&t.name),
            self.key_filter(t, key)
        );
        let rows = conn.query(&sql).map_err(|e| format!("{e}\n      {sql}"))?;
        let Some(mut r) = rows.into_iter().next() else {
            return Ok(None);
        };
        let flags = r.split_off(t.columns.len());
        let wrong = sent
            .iter()
            .zip(flags)
            .filter(|(_, f)| !truthy(f.as_deref()))
            .map(|((c, _), _)| c.clone())
            .collect();
        Ok(Some((to_row(t, r), wrong)))
    }

    fn literal(&self, t: &Table, col: &str, v: &Value) -> String {
        match t.column(col) {
            Some(c) => self.engine.literal(v, &c.ty, false),
            None => "NULL".into(),
        }
    }

    /// The values of a new row (absent columns are left to their default).
    fn new_row(
        &self,
        conn: &mut dyn Connection,
        shape: &Shape,
        t: &Table,
        n: u64,
        profile: Profile,
        parents: Option<&BTreeMap<String, Row>>,
    ) -> Result<Vec<(String, Value)>, String> {
        let d = self.engine.dialect();
        let mut fixed: BTreeMap<String, Option<String>> = BTreeMap::new();
        if let Some(parents) = parents {
            for fk in shape.foreign_keys(t) {
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
                            Some(v) => p.get(r) == Some(v),
                            None => true,
                        })
                };
                let parent: Option<Vec<Option<String>>> = match parents.get(&fk.ref_table) {
                    Some(p) if fk.ref_table != t.name && agrees(p) => Some(
                        fk.ref_columns
                            .iter()
                            .map(|r| p.get(r).cloned().flatten())
                            .collect(),
                    ),
                    _ => {
                        let pt = shape.table(&fk.ref_table)?;
                        let cols: Vec<String> =
                            fk.ref_columns.iter().map(|c| d.quote_ident(c)).collect();
                        let mut cond: Vec<String> =
                            cols.iter().map(|c| format!("{c} IS NOT NULL")).collect();
                        for (c, r) in fk.columns.iter().zip(&fk.ref_columns) {
                            if let Some(v) = fixed.get(c) {
                                cond.push(self.same(pt, r, &Value::read(v.as_deref())));
                            }
                        }
                        let sql = format!(
                            "SELECT {0} FROM {1} WHERE {2} ORDER BY {0}",
                            cols.join(", "),
                            d.quote_ident(&fk.ref_table),
                            cond.join(" AND ")
                        );
                        let rows = conn.query(&sql).map_err(|e| {
                            format!(
                                "{}: choosing a parent row for {}: {e}\n      {sql}",
                                shape.app, fk.name
                            )
                        })?;
                        let i = (n as usize) % rows.len().max(1);
                        rows.into_iter().nth(i)
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
                            "{}: no row of {} to reference from {} ({})",
                            shape.app, fk.ref_table, t.name, fk.name
                        ))
                    }
                }
            }
        }
        let mut out = Vec::new();
        for (ordinal, c) in t.columns.iter().enumerate() {
            if c.identity {
                continue;
            }
            if shape.is_fk(t, &c.name) {
                if let Some(v) = fixed.get(&c.name) {
                    out.push((c.name.clone(), Value::read(v.as_deref())));
                }
                continue;
            }
            let unique = shape.is_unique(t, &c.name);
            if profile == Profile::Lean && !unique && (c.default.is_some() || c.nullable) {
                continue;
            }
            out.push((
                c.name.clone(),
                value(shape, self.engine, c, n, ordinal as u64, unique, profile)?,
            ));
        }
        Ok(out)
    }

    fn literals(&self, t: &Table, values: &[(String, Value)]) -> Vec<String> {
        values.iter().map(|(c, v)| self.literal(t, c, v)).collect()
    }

    /// Inserts one generated row; checks that it reads back as written.
    #[allow(clippy::too_many_arguments)]
    fn insert(
        &self,
        conn: &mut dyn Connection,
        shape: &Shape,
        counters: &mut Counters,
        table: &str,
        profile: Profile,
        parents: &BTreeMap<String, Row>,
        views: &BTreeSet<String>,
    ) -> Result<Written, String> {
        let d = self.engine.dialect();
        let t = shape.table(table)?;
        let n = counters.next(&shape.key(table));
        let mut values = self.new_row(conn, shape, t, n, profile, Some(parents))?;
        let generated = match &t.primary_key {
            Some(p) if p.columns.len() == 1 => t.column(&p.columns[0]).filter(|c| c.identity),
            _ => None,
        };
        let what = format!("{} INSERT into {table}", shape.app);
        if let (Some(k), true) = (
            generated,
            self.engine.keys_through_views() && views.contains(table),
        ) {
            // An insert through a view cannot say the key it generated: the application gives one.
            let sql = format!(
                "SELECT coalesce(max({0}), 0) + 1 FROM {1}",
                d.quote_ident(&k.name),
                d.quote_ident(table)
            );
            let next = super::engine::scalar(conn, &sql).map_err(|e| format!("{what}: {e}"))?;
            values.insert(0, (k.name.clone(), Value::read(next.as_deref())));
        }
        let sql = if values.is_empty() {
            self.engine.insert_defaults(&d.quote_ident(table))
        } else {
            format!(
                "INSERT INTO {} ({}) VALUES ({})",
                d.quote_ident(table),
                values
                    .iter()
                    .map(|(c, _)| d.quote_ident(c))
                    .collect::<Vec<_>>()
                    .join(", "),
                self.literals(t, &values).join(", ")
            )
        };
        let cols: Vec<String> = t.columns.iter().map(|c| c.name.clone()).collect();
        let returned = self
            .engine
            .write(conn, &sql, &cols)
            .map_err(|e| format!("{what} failed: {e}\n      {sql}"))?
            .map(|r| to_row(t, r));
        let mut key = Vec::new();
        for c in pk(t) {
            let v = match values.iter().find(|(x, _)| x == &c) {
                Some((_, v)) => v.clone(),
                None => match &returned {
                    Some(r) => Value::read(r.get(&c).cloned().flatten().as_deref()),
                    None => {
                        let k = self
                            .engine
                            .last_key(conn)
                            .map_err(|e| format!("{what}: its key: {e}"))?;
                        Value::read(k.as_deref())
                    }
                },
            };
            key.push((c, v));
        }
        let row = self.check_written(conn, t, &key, &values, returned.as_ref(), &what, &sql)?;
        Ok(Written {
            app: shape.app,
            kind: "INSERT",
            table: table.to_string(),
            row,
            set: values.into_iter().map(|(c, _)| c).collect(),
        })
    }

    /// The row a statement wrote, read back by its key: it must be there, hold what was sent,
    /// and read as the statement returned it.
    #[allow(clippy::too_many_arguments)]
    fn check_written(
        &self,
        conn: &mut dyn Connection,
        t: &Table,
        key: &[(String, Value)],
        sent: &[(String, Value)],
        returned: Option<&Row>,
        what: &str,
        sql: &str,
    ) -> Result<Row, String> {
        let (row, wrong) = self
            .read_back(conn, t, key, sent)
            .map_err(|e| format!("{what}: reading it back: {e}"))?
            .ok_or_else(|| {
                format!("{what}: SELECT by primary key finds no row {key:?}\n      {sql}")
            })?;
        if let Some(r) = returned {
            if r != &row {
                return Err(format!(
                    "{what}: SELECT by primary key reads {} but the statement returned {}",
                    show(&row),
                    show(r)
                ));
            }
        }
        if let Some(c) = wrong.first() {
            let sent = sent
                .iter()
                .find(|(x, _)| x == c)
                .map(|(_, v)| self.literal(t, c, v));
            return Err(format!(
                "{what}: column {c} holds {:?} right after the statement, but the application wrote {} (a trigger overwrote it?)\n      {sql}",
                row.get(c).cloned().flatten(),
                sent.unwrap_or_default()
            ));
        }
        Ok(row)
    }

    /// Updates an existing row (the `offset`-th by key) with fresh values for its columns outside
    /// keys of either version; `single`: one column no check reads (or its own value written
    /// back). `None` when the table has no such column or no row.
    fn update(
        &self,
        conn: &mut dyn Connection,
        shape: &Shape,
        counters: &mut Counters,
        table: &str,
        offset: usize,
        single: bool,
    ) -> Result<Option<Written>, String> {
        let d = self.engine.dialect();
        let t = shape.table(table)?;
        let key_cols = pk(t);
        if key_cols.is_empty() {
            return Ok(None);
        }
        let profile = shape.profile(table).unwrap_or(Profile::Full);
        let n = counters.next(&shape.key(table));
        let other_pk = shape.extra_pk.get(table).cloned().unwrap_or_default();
        let values: Vec<(String, Value)> = self
            .new_row(conn, shape, t, n, profile, None)?
            .into_iter()
            .filter(|(c, _)| {
                !key_cols.contains(c)
                    && !shape.is_fk(t, c)
                    && !shape.is_unique(t, c)
                    && !other_pk.contains(c)
            })
            .collect();
        let values = if single {
            let in_check = |c: &str| {
                t.checks.iter().any(|k| {
                    migc_planner::sql::identifiers(&k.expr.sql)
                        .iter()
                        .any(|w| w == c)
                })
            };
            match values.iter().find(|(c, _)| !in_check(c)) {
                Some(v) => vec![v.clone()],
                None => values
                    .first()
                    .map(|(c, _)| vec![(c.clone(), Value::Sql(d.quote_ident(c)))])
                    .unwrap_or_default(),
            }
        } else {
            values
        };
        if values.is_empty() {
            return Ok(None);
        }
        let what = format!(
            "{} {}UPDATE of {table}",
            shape.app,
            if single { "single-column " } else { "" }
        );
        // Rows not filled yet have no key in the new shape: an application cannot name them.
        let order: Vec<String> = key_cols.iter().map(|c| d.quote_ident(c)).collect();
        let sql = format!(
            "SELECT {0} FROM {1} WHERE {2} ORDER BY {0}",
            order.join(", "),
            d.quote_ident(table),
            order
                .iter()
                .map(|c| format!("{c} IS NOT NULL"))
                .collect::<Vec<_>>()
                .join(" AND ")
        );
        let rows = conn
            .query(&sql)
            .map_err(|e| format!("{what}: choosing a row: {e}\n      {sql}"))?;
        let Some(target) = rows.get(offset % rows.len().max(1)) else {
            return Ok(None);
        };
        let key: Vec<(String, Value)> = key_cols
            .iter()
            .zip(target)
            .map(|(c, v)| (c.clone(), Value::read(v.as_deref())))
            .collect();
        let (before, _) = self
            .read_back(conn, t, &key, &[])
            .map_err(|e| format!("{what}: reading the row: {e}"))?
            .ok_or_else(|| format!("{what}: the row {key:?} is gone"))?;
        let sets: Vec<String> = values
            .iter()
            .zip(self.literals(t, &values))
            .map(|((c, _), v)| format!("{} = {v}", d.quote_ident(c)))
            .collect();
        let sql = format!(
            "UPDATE {} SET {} WHERE {}",
            d.quote_ident(table),
            sets.join(", "),
            self.key_filter(t, &key)
        );
        let cols: Vec<String> = t.columns.iter().map(|c| c.name.clone()).collect();
        let returned = self
            .engine
            .write(conn, &sql, &cols)
            .map_err(|e| format!("{what} failed: {e}\n      {sql}"))?;
        if returned.as_ref().is_some_and(Vec::is_empty) {
            return Err(format!("{what}: the row {key:?} is gone\n      {sql}"));
        }
        let returned = returned.map(|r| to_row(t, r));
        let row = self.check_written(conn, t, &key, &values, returned.as_ref(), &what, &sql)?;
        // What the statement changed (a column written with the value it held changes nothing
        // that is computed from it).
        let set = values
            .into_iter()
            .map(|(c, _)| c)
            .filter(|c| before.get(c) != row.get(c))
            .collect();
        Ok(Some(Written {
            app: shape.app,
            kind: if single {
                "single-column UPDATE"
            } else {
                "UPDATE"
            },
            table: table.to_string(),
            row,
            set,
        }))
    }

    /// Seeds `rows` rows into every table (parents first, row i of a child referencing row i of
    /// its parents), choosing per table the first profile its checks accept.
    fn seed_shape(
        &self,
        conn: &mut dyn Connection,
        shape: &Shape,
        counters: &mut Counters,
        rows: usize,
    ) -> Result<(), String> {
        let mut seeded: BTreeMap<String, Vec<Row>> = BTreeMap::new();
        let none = BTreeSet::new();
        for table in &shape.order {
            for i in 0..rows {
                let parents: BTreeMap<String, Row> = seeded
                    .iter()
                    .filter(|(_, v)| !v.is_empty())
                    .map(|(k, v)| (k.clone(), v[i % v.len()].clone()))
                    .collect();
                let mut insert = |p| self.insert(conn, shape, counters, table, p, &parents, &none);
                let written = match shape.profile(table) {
                    Some(p) => {
                        insert(p).map_err(|e| format!("seeding {table}, row {}: {e}", i + 1))?
                    }
                    None => {
                        let (w, p) = match insert(Profile::Full) {
                            Ok(w) => (w, Profile::Full),
                            Err(full) => match insert(Profile::Lean) {
                                Ok(w) => (w, Profile::Lean),
                                Err(lean) => {
                                    return Err(format!(
                                        "seeding {table} ({}): the generator found no row its constraints accept:\n    {full}\n    {lean}",
                                        shape.app
                                    ))
                                }
                            },
                        };
                        shape
                            .profiles
                            .lock()
                            .unwrap_or_else(|e| e.into_inner())
                            .insert(table.clone(), p);
                        w
                    }
                };
                seeded.entry(table.clone()).or_default().push(written.row);
            }
        }
        Ok(())
    }

    /// One round of an application: per table (parents first) an INSERT referencing the rows it
    /// just inserted, every table read whole, then two UPDATEs of existing rows (every column it
    /// may change, one column), each write read back.
    fn round(
        &self,
        conn: &mut dyn Connection,
        shape: &Shape,
        counters: &mut Counters,
        round: usize,
        views: &BTreeSet<String>,
    ) -> (Vec<Written>, Vec<String>) {
        let mut fresh: BTreeMap<String, Row> = BTreeMap::new();
        let mut out = Vec::new();
        let mut errors = Vec::new();
        for table in &shape.order {
            let profile = shape.profile(table).unwrap_or(Profile::Full);
            match self.insert(conn, shape, counters, table, profile, &fresh, views) {
                Ok(w) => {
                    fresh.insert(table.clone(), w.row.clone());
                    out.push(w);
                }
                Err(e) => errors.push(e),
            }
        }
        // Every table reads whole, through the version's names.
        for table in &shape.order {
            if let Err(e) = shape
                .table(table)
                .and_then(|t| super::rows::read_table(conn, t))
            {
                errors.push(format!("{}: {e}", shape.app));
            }
        }
        // Distinct rows per version and round.
        let offset = 4 * round + if shape.app == App::Old { 0 } else { 2 };
        for table in &shape.order {
            for (k, single) in [(0, false), (1, true)] {
                match self.update(conn, shape, counters, table, offset + k, single) {
                    Ok(Some(w)) => out.push(w),
                    Ok(None) => {}
                    Err(e) => errors.push(e),
                }
            }
        }
        (out, errors)
    }

    /// A round of `app` through its session, then every row it wrote read by the other version
    /// through its own session (unless `alone`).
    fn play(
        &self,
        cx: &mut Cx<'_>,
        counters: &mut Counters,
        app: App,
        round: usize,
        alone: bool,
    ) -> Vec<String> {
        let views: BTreeSet<String> = match self.engine.catalog(cx.admin) {
            Ok(c) => c.views().map(str::to_string).collect(),
            Err(e) => return vec![e],
        };
        let shape = self.shape(app);
        let (written, mut errors) =
            self.round(cx.sessions.get(app).conn(), shape, counters, round, &views);
        if !alone {
            errors.extend(self.read_across(cx.sessions, &written));
        }
        errors
    }

    /// A round of `app` on a connection of its own (a writer's); the first problem.
    pub fn round_on(
        &self,
        conn: &mut dyn Connection,
        app: App,
        counters: &mut Counters,
        round: usize,
    ) -> Result<(), String> {
        let views: BTreeSet<String> = self
            .engine
            .catalog(conn)?
            .views()
            .map(str::to_string)
            .collect();
        let (_, errors) = self.round(conn, self.shape(app), counters, round, &views);
        errors.into_iter().next().map_or(Ok(()), Err)
    }
    /// An INSERT of each version into every table (as in a rollout between two backfill
    /// batches).
    fn insert_both(&self, cx: &mut Cx<'_>, counters: &mut Counters) -> Result<(), String> {
        let views: BTreeSet<String> = self
            .engine
            .catalog(cx.admin)?
            .views()
            .map(str::to_string)
            .collect();
        for shape in [&self.old, &self.new] {
            let conn = cx.sessions.get(shape.app).conn();
            let mut fresh: BTreeMap<String, Row> = BTreeMap::new();
            for table in &shape.order {
                let profile = shape.profile(table).unwrap_or(Profile::Full);
                let w = self.insert(conn, shape, counters, table, profile, &fresh, &views)?;
                fresh.insert(table.clone(), w.row);
            }
        }
        Ok(())
    }
}

impl Hooks for Apps {
    type State = Counters;

    fn seed(&self, cx: &mut Cx<'_>) -> Result<Counters, String> {
        let mut counters = Counters::default();
        self.seed_shape(
            cx.sessions.old.conn(),
            &self.old,
            &mut counters,
            self.seed_rows,
        )?;
        Ok(counters)
    }

    /// Both versions' rounds (only the new one's after contract), each version reading what the
    /// other wrote.
    fn after_phase(
        &self,
        cx: &mut Cx<'_>,
        counters: &mut Counters,
        phase: &super::plan::Phase,
    ) -> Vec<String> {
        let i = cx
            .prep
            .plan
            .phases
            .iter()
            .position(|p| p.name == phase.name)
            .unwrap_or(0);
        let contract = phase.name == "contract";
        let mut errors = Vec::new();
        if !contract {
            errors.extend(self.play(cx, counters, App::Old, i, false));
        }
        errors.extend(self.play(cx, counters, App::New, i, contract));
        errors
    }

    /// The old version works again.
    fn after_rollback(
        &self,
        cx: &mut Cx<'_>,
        counters: &mut Counters,
        _from: &super::plan::Phase,
    ) -> Vec<String> {
        self.play(cx, counters, App::Old, 7, true)
    }

    fn between_batches(&self, cx: &mut Cx<'_>, counters: &mut Counters) -> Result<(), String> {
        self.insert_both(cx, counters)
    }

    fn notes(&self) -> Vec<String> {
        let lean: Vec<String> = [&self.old, &self.new]
            .iter()
            .flat_map(|s| {
                let p = s.profiles.lock().unwrap_or_else(|e| e.into_inner()).clone();
                p.into_iter()
                    .filter(|(_, p)| *p == Profile::Lean)
                    .map(move |(t, _)| format!("{t} ({})", s.app))
            })
            .collect();
        if lean.is_empty() {
            Vec::new()
        } else {
            vec![format!(
                "tables written with the lean profile (their checks refuse full rows): {}",
                lean.join(", ")
            )]
        }
    }
}
