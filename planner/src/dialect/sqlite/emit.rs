//! A phase as up and down units per step.

use super::*;

/// The schema as a rollback walks it back from the state a phase leaves: the state, and the
/// labels the enum columns of the tables it brought back check (by column identity).
pub(super) struct Back {
    pub(super) st: State,
    pub(super) labels: BTreeMap<u32, Option<Vec<String>>>,
}

impl Back {
    /// Brings a table back as it was written.
    fn put(&mut self, t: Written) {
        for c in &t.table.columns {
            self.labels.insert(c.id, t.labels.get(&c.id).cloned());
        }
        self.st.restore(&t.table.name.clone(), Some(t.table));
    }
}

impl Run<'_> {
    /// Table `name` as the rollback walking back `d` has it.
    fn written_back(&self, d: &Back, name: &str) -> Option<Written> {
        let mut t = self.written(&d.st, name)?;
        for c in &t.table.columns {
            match d.labels.get(&c.id) {
                Some(Some(l)) => {
                    t.labels.insert(c.id, l.clone());
                }
                Some(None) => {
                    t.labels.remove(&c.id);
                }
                None => {}
            }
        }
        Some(t)
    }

    /// The up and down units of a phase's steps.
    pub(super) fn emit(
        &mut self,
        phase: Phase,
        idx: &[usize],
        start: &State,
        actions: &[Action],
        absorbed: &BTreeMap<usize, (String, usize)>,
        notes: &BTreeMap<usize, String>,
    ) -> Result<(), Diagnostic> {
        let end = self.st.clone();
        // Up.
        let mut ck_up = Checks::default();
        let mut up: BTreeMap<usize, Vec<String>> = BTreeMap::new();
        let mut rebuilt_by: BTreeMap<usize, Vec<String>> = BTreeMap::new();
        let mut kinds: BTreeMap<usize, Vec<&'static str>> = BTreeMap::new();
        for a in actions {
            let (sql, kind) = self.up_sql(&a.act, &mut ck_up)?;
            if kind == "rebuild" {
                if let Act::Table { after, .. } = &a.act {
                    rebuilt_by
                        .entry(a.step)
                        .or_default()
                        .push(after.name().to_string());
                }
            }
            kinds.entry(a.step).or_default().push(kind);
            up.entry(a.step).or_default().extend(sql);
        }
        // Down: undo the actions in reverse from the state the phase leaves.
        let mut ck_down = Checks::default();
        let mut d = Back {
            st: end.clone(),
            labels: BTreeMap::new(),
        };
        let mut down: BTreeMap<usize, Vec<String>> = BTreeMap::new();
        let mut loses: BTreeMap<usize, Vec<String>> = BTreeMap::new();
        // Views come back last: ALTER TABLE checks every view of the schema, and a view
        // created while a table it reads still has its later name would break the renames.
        let mut views_back: Vec<String> = Vec::new();
        let mut emptied: BTreeSet<u32> = BTreeSet::new();
        for a in actions.iter().rev() {
            let (sql, lost) = self.down_sql(&a.act, &mut d, &mut ck_down, &mut emptied)?;
            if let Act::DropView(v) = &a.act {
                views_back.extend(sql);
                down.entry(a.step).or_default().push(comment(&format!(
                    "view `{}` comes back at the end of this script",
                    v.name
                )));
            } else {
                down.entry(a.step).or_default().extend(sql);
            }
            loses.entry(a.step).or_default().extend(lost);
        }
        let touched = touched(actions);
        let has_sql = !actions.is_empty();
        let first = idx[0];
        let last = idx[idx.len() - 1];
        let up_open = self.opening(phase, true, start, &touched, &mut ck_up);
        let up_close = self.closing(&end, &touched, &ck_up);
        let down_open = self.opening(phase, false, &end, &touched, &mut ck_down);
        let down_close = self.closing(&d.st, &touched, &ck_down);
        // Backfills also as batches for an executor.
        let mut batches: BTreeMap<usize, Batch> = BTreeMap::new();
        for a in actions {
            if let Act::Backfill {
                table,
                assignments,
                guarded,
            } = &a.act
            {
                if let Some(t) = end.table(table).or(start.table(table)) {
                    batches.insert(a.step, batch(t, assignments, *guarded)?);
                }
            }
        }
        for &i in idx {
            let step = &self.steps[i];
            let mut l = lowered("none");
            l.batch = batches.remove(&i);
            if let Some((t, by)) = absorbed.get(&i) {
                l.up.push(unit(comment(&format!(
                    "done by the rebuild of `{t}` at step {}",
                    by + 1
                ))));
                l.down.push(unit(comment(&format!(
                    "undone by the rebuild of `{t}` at step {}",
                    by + 1
                ))));
                l.lock = format!(
                    "{WRITE_LOCK}; part of the rebuild of `{t}` at step {}",
                    by + 1
                );
                l.rewrite = true;
                l.scan = true;
            } else if let Some(sql) = up.get(&i) {
                l.up.push(unit(sql.join("\n")));
                let d = down.get(&i).cloned().unwrap_or_default();
                l.down.push(unit(if d.is_empty() {
                    comment("nothing to undo")
                } else {
                    d.join("\n")
                }));
                let k = kinds.get(&i).cloned().unwrap_or_default();
                l.rewrite = k.contains(&"rebuild") || k.contains(&"drop column");
                l.scan = l.rewrite
                    || k.contains(&"index")
                    || k.contains(&"backfill")
                    || k.contains(&"validate");
                l.rebuilds = rebuilt_by.get(&i).cloned().unwrap_or_default();
                l.lock = match rebuilt_by.get(&i) {
                    Some(t) => format!(
                        "{WRITE_LOCK}; rebuilds `{}` (copies every row into a new table)",
                        t.join("`, `")
                    ),
                    None if k.contains(&"validate") => format!(
                        "{WRITE_LOCK}; reads every row (NOT NULL itself comes at contract)"
                    ),
                    None if k.contains(&"backfill") => format!(
                        "{WRITE_LOCK} for one UPDATE of every row to fill (a script cannot loop; the manifest's batches commit one by one); readers go on in WAL mode"
                    ),
                    None if k.contains(&"index") => format!("{WRITE_LOCK} while the index is built"),
                    None if k.contains(&"drop column") => {
                        format!("{WRITE_LOCK}; DROP COLUMN rewrites the table")
                    }
                    None => format!("{WRITE_LOCK} (schema change only)"),
                };
                if k.contains(&"create table") {
                    l.lock = "none (new table)".into();
                }
            } else {
                let why = notes
                    .get(&i)
                    .cloned()
                    .unwrap_or_else(|| "nothing to do in SQLite".to_string());
                l.up.push(unit(comment(&why)));
                l.down.push(unit(comment("nothing to undo")));
            }
            // Columns a drop step of this phase already declares are left to it.
            let all_lost: Vec<String> = loses.values().flatten().cloned().collect();
            let dropped: BTreeSet<String> = idx
                .iter()
                .filter_map(|&j| match &self.steps[j].op {
                    Op::DropColumn { table, column, .. } => {
                        Some(format!("{table}.{}", column.name))
                    }
                    _ => None,
                })
                .collect();
            let lost: Vec<String> = match &step.op {
                Op::DropColumn { .. } => all_lost,
                _ => loses
                    .get(&i)
                    .cloned()
                    .unwrap_or_default()
                    .into_iter()
                    .filter(|l| !dropped.contains(l.trim_end_matches(" computed again")))
                    .collect(),
            };
            l.down_loses = self.down_loses(step, &lost);
            if has_sql && i == first {
                l.up.insert(0, unit(up_open.clone()));
            }
            if has_sql && i == last {
                l.up.push(unit(up_close.clone()));
                l.down.insert(0, unit(down_open.clone()));
            }
            if has_sql && i == first {
                if !views_back.is_empty() {
                    let mut sql = vec![comment("the views this phase dropped")];
                    sql.extend(views_back.iter().cloned());
                    l.down.push(unit(sql.join("\n")));
                }
                l.down.push(unit(down_close.clone()));
            }
            self.out[i] = l;
        }
        Ok(())
    }

    /// SQL of an action, and what kind of work it is.
    pub(super) fn up_sql(
        &self,
        act: &Act,
        ck: &mut Checks,
    ) -> Result<(Vec<String>, &'static str), Diagnostic> {
        Ok(match act {
            Act::Table {
                before,
                after,
                remap,
            } => {
                let m = migrate(before, after, remap, ck)?;
                let kind = if m.rebuild {
                    "rebuild"
                } else if m.drops_column {
                    "drop column"
                } else if m.builds_index {
                    "index"
                } else {
                    "alter"
                };
                (m.sql, kind)
            }
            Act::CreateTable(t) => (create_with_indexes(t)?, "create table"),
            Act::DropTable(t) => {
                let mut sql = vec![format!("DROP TABLE {};", q(t.name()))];
                if t.table.sync.is_some() {
                    sql.push(format!("DROP TABLE {};", q(&guard_name(t.name()))));
                }
                (sql, "alter")
            }
            Act::RenameTable { from, to } => (rename_table(from, to), "alter"),
            Act::CreateView(v) => (
                vec![format!(
                    "CREATE VIEW {} AS {};",
                    q(&v.name),
                    crate::sql::render_query(&v.query, D)
                )],
                "alter",
            ),
            Act::DropView(v) => (vec![format!("DROP VIEW {};", q(&v.name))], "alter"),
            Act::CreateAlias { tbl, alias } => (alias_sql(tbl, alias)?, "alter"),
            Act::DropAlias { alias, .. } => (vec![format!("DROP VIEW {};", q(alias))], "alter"),
            Act::Backfill {
                table,
                assignments,
                guarded,
            } => (backfill_sql(table, assignments, *guarded, ck)?, "backfill"),
            Act::Native { up, .. } => (up.iter().map(|s| terminated(s)).collect(), "alter"),
            Act::MapLabelsOnRollback { table, column, .. } => (
                vec![comment(&format!(
                    "nothing to do now: a rollback gives the rows of {table} holding a label the plan adds the `down` of {column}"
                ))],
                "alter",
            ),
            Act::Validate { table, column } => (
                vec![
                    comment(&format!(
                        "`{table}.{column}` becomes NOT NULL at contract (SQLite checks NOT NULL before the dual-write\ntrigger fills the column for the old application's inserts); no row may hold null from now on"
                    )),
                    ck.record(
                        "not null",
                        &format!(
                            "NOT EXISTS (SELECT 1 FROM {} WHERE {} IS NULL)",
                            q(table),
                            q(column)
                        ),
                    ),
                ],
                "validate",
            ),
        })
    }

    /// SQL undoing an action from state `d` (updated), and what it cannot give back.
    pub(super) fn down_sql(
        &self,
        act: &Act,
        d: &mut Back,
        ck: &mut Checks,
        emptied: &mut BTreeSet<u32>,
    ) -> Result<(Vec<String>, Vec<String>), Diagnostic> {
        let mut lost = Vec::new();
        let sql = match act {
            Act::Table {
                before,
                after,
                remap,
            } => {
                let Some(cur) = self.written_back(d, after.name()) else {
                    return Ok((Vec::new(), lost));
                };
                let mut target = (**before).clone();
                target.table.name = cur.table.name.clone();
                target.table.natives = cur.table.natives.clone();
                let cur_ids: BTreeSet<u32> = cur.table.columns.iter().map(|c| c.id).collect();
                for c in &mut target.table.columns {
                    if !cur_ids.contains(&c.id) {
                        // The column comes back empty.
                        lost.push(format!("{}.{}", target.table.name, c.def.name));
                        emptied.insert(c.id);
                        if c.def.default.is_none() {
                            c.def.nullable = true;
                        }
                    } else if emptied.contains(&c.id) && c.def.default.is_none() {
                        // It came back empty earlier in this rollback: NOT NULL returns only
                        // when the dual-write trigger's `down` fills it again.
                        let refilled =
                            cur.table
                                .sync
                                .iter()
                                .flat_map(|s| &s.old_columns)
                                .any(|(n, d)| {
                                    d.is_some()
                                        && cur
                                            .table
                                            .columns
                                            .iter()
                                            .any(|x| x.id == c.id && &x.def.name == n)
                                });
                        if !refilled {
                            c.def.nullable = true;
                        }
                    }
                    // Labels rows may hold now stay allowed.
                    let renamed_to: BTreeSet<&String> = remap
                        .get(&c.id)
                        .into_iter()
                        .flatten()
                        .map(|(_, to)| to)
                        .collect();
                    if let (Some(now), Some(labels)) =
                        (cur.labels.get(&c.id).cloned(), target.labels.get_mut(&c.id))
                    {
                        for l in now {
                            if !labels.contains(&l) && !renamed_to.contains(&l) {
                                labels.push(l);
                            }
                        }
                    }
                }
                let back: BTreeMap<u32, Vec<(String, String)>> = remap
                    .iter()
                    .map(|(id, m)| {
                        (
                            *id,
                            m.iter()
                                .rev()
                                .map(|(a, b)| (b.clone(), a.clone()))
                                .collect(),
                        )
                    })
                    .collect();
                let m = migrate(&cur, &target, &back, ck)?;
                let mut sql = m.sql;
                // Columns that come back empty are computed again from the new columns when
                // the plan says how (the trigger's `down`, a type change's `down`).
                let back_empty: Vec<String> = target
                    .table
                    .columns
                    .iter()
                    .filter(|c| !cur_ids.contains(&c.id))
                    .map(|c| c.def.name.clone())
                    .collect();
                let mut sets = Vec::new();
                for c in &back_empty {
                    if let Some(e) = self.refill(&target.table, c) {
                        sets.push((c.clone(), expr(&e)?));
                        lost.retain(|l| l != &format!("{}.{c}", target.name()));
                        lost.push(format!("{}.{c} computed again", target.name()));
                    }
                }
                if !sets.is_empty() {
                    let t = q(target.name());
                    let guard = q(&guard_name(target.name()));
                    if target.table.sync.is_some() {
                        sql.push(format!(
                            "INSERT OR REPLACE INTO {guard} (active) VALUES (1);"
                        ));
                    }
                    sql.push(format!(
                        "UPDATE {t} SET {} WHERE {};",
                        sets.iter()
                            .map(|(c, e)| format!("{} = {e}", q(c)))
                            .collect::<Vec<_>>()
                            .join(", "),
                        sets.iter()
                            .map(|(c, _)| format!("{} IS NULL", q(c)))
                            .collect::<Vec<_>>()
                            .join(" OR ")
                    ));
                    if target.table.sync.is_some() {
                        sql.push(format!("DELETE FROM {guard};"));
                    }
                    for (c, _) in &sets {
                        if let Some(col) = target.col(c) {
                            emptied.remove(&col.id);
                        }
                    }
                }
                d.put(target);
                sql
            }
            Act::CreateTable(t) => {
                d.st.restore(t.name(), None);
                vec![format!("DROP TABLE {};", q(t.name()))]
            }
            Act::DropTable(t) => {
                d.put((**t).clone());
                let mut sql = create_with_indexes(t)?;
                for (_, s) in sync_triggers(&t.table)? {
                    sql.push(s);
                }
                if t.table.sync.is_some() {
                    sql.push(create_guard(t.name()));
                }
                sql
            }
            Act::RenameTable { from, to } => {
                Op::RenameTable {
                    from: to.clone(),
                    to: from.clone(),
                }
                .apply(&mut d.st);
                rename_table(to, from)
            }
            Act::CreateView(v) => {
                Op::DropView { view: v.clone() }.apply(&mut d.st);
                vec![format!("DROP VIEW {};", q(&v.name))]
            }
            Act::DropView(v) => {
                Op::CreateView { view: v.clone() }.apply(&mut d.st);
                vec![format!(
                    "CREATE VIEW {} AS {};",
                    q(&v.name),
                    crate::sql::render_query(&v.query, D)
                )]
            }
            Act::CreateAlias { tbl, alias } => {
                Op::DropTableAlias {
                    table: tbl.name.clone(),
                    alias: alias.clone(),
                }
                .apply(&mut d.st);
                vec![format!("DROP VIEW {};", q(alias))]
            }
            Act::DropAlias { table, alias } => {
                Op::CreateTableAlias {
                    table: table.clone(),
                    alias: alias.clone(),
                }
                .apply(&mut d.st);
                match d.st.table(table) {
                    Some(t) => alias_sql(t, alias)?,
                    None => Vec::new(),
                }
            }
            Act::Backfill { .. } => vec![comment(
                "nothing to undo: the backfilled columns go with the expand rollback",
            )],
            Act::Native { name, up, down } => {
                Op::Native {
                    name: name.clone(),
                    up: down.clone(),
                    down: up.clone(),
                }
                .apply(&mut d.st);
                down.iter().rev().map(|s| terminated(s)).collect()
            }
            Act::Validate { .. } => vec![comment("nothing to undo: the column stays nullable")],
            Act::MapLabelsOnRollback {
                table,
                column,
                labels,
                down,
            } => {
                let labels: Vec<String> = labels.iter().map(|v| lit(v)).collect();
                vec![format!(
                    "UPDATE {} SET {c} = {} WHERE {c} IN ({});",
                    q(table),
                    expr(down)?,
                    labels.join(", "),
                    c = q(column)
                )]
            }
        };
        Ok((sql, lost))
    }

    /// How to compute a deployed column of `t` again from the new columns, if the plan says:
    /// the dual-write trigger's `down`, or the `down` of a type change through a shadow column.
    pub(super) fn refill(&self, t: &state::Table, column: &str) -> Option<Expr> {
        // The trigger installed now, or the one this plan installs on the table.
        let planned = self.steps.iter().filter_map(|s| match &s.op {
            Op::InstallSync { table, sync } if table == &t.name => Some(sync),
            _ => None,
        });
        for sync in t.sync.iter().chain(planned) {
            if let Some((_, Some(d))) = sync.old_columns.iter().find(|(c, _)| c == column) {
                return Some(d.clone());
            }
        }
        // The `down` of a type change, over the shadow column that replaces this one; without
        // one, a shadow of the same type (a repair: `up` made a constraint hold) as it is.
        self.steps.iter().find_map(|s| match &s.op {
            Op::DropColumn {
                table,
                column: c,
                refill: Refill::Shadow { shadow, down },
            } if table == &t.name && c.name == column => {
                let same_type = t.col(shadow)?.def.ty == c.ty;
                down.clone().or_else(|| {
                    same_type.then(|| Expr {
                        sql: crate::build::quote_generic(shadow),
                        origin: c.origin,
                    })
                })
            }
            _ => None,
        })
    }
}

/// `ALTER TABLE … RENAME TO …`; through a temporary name where the names differ only in letter
/// case, which SQLite takes for the same name ("there is already another table").
fn rename_table(from: &str, to: &str) -> Vec<String> {
    if from != to && from.eq_ignore_ascii_case(to) {
        let temp = crate::names::temporary(to);
        return vec![
            format!("ALTER TABLE {} RENAME TO {};", q(from), q(&temp)),
            format!("ALTER TABLE {} RENAME TO {};", q(&temp), q(to)),
        ];
    }
    vec![format!("ALTER TABLE {} RENAME TO {};", q(from), q(to))]
}
