//! The batched backfill of a change (see `run.rs`): the backfill run batch by batch from the
//! manifest, with writes between batches, against the backfill script after the same writes.

use super::engine::count;
use super::run::{text_diff, Fresh, Hooks, Open, Prepared, Run};
use migc_db::Connection;
use std::collections::BTreeSet;

/// Rows per batch of the batched backfills: small, so that the seeded rows take several.
pub const BATCH_ROWS: usize = 3;

impl Prepared<'_> {
    /// The backfill run batch by batch from the manifest leaves what the script leaves after
    /// the same writes; then nothing is left to fill (every batch's `remaining`, the gate
    /// checks), the script changes nothing and the next phase applies. The number of batches;
    /// `None` without a backfill.
    pub(super) fn batched<H: Hooks>(
        &self,
        hooks: &H,
        fresh: &Fresh<'_, H::State>,
    ) -> Result<Option<usize>, String> {
        let (list, steps) = self.plan.batches()?;
        if list.len() != steps {
            return Err(format!(
                "{} of {steps} backfill steps carry no batches",
                steps - list.len()
            ));
        }
        let Some(backfill) = self.plan.phases.iter().position(|p| p.name == "backfill") else {
            return Ok(None);
        };
        if list.is_empty() {
            return Ok(None);
        }
        let (bdb, mut bst) = fresh("batched")?;
        let (sdb, mut sst) = fresh("scripted")?;
        for db in [&bdb, &sdb] {
            for p in &self.plan.phases[..backfill] {
                db.run(&p.up).map_err(|e| format!("{} up: {e}", p.name))?;
            }
        }
        let mut open = Open::new(self, &bdb)?;
        let mut walker = bdb.connect();
        let mut writes = 0;
        let mut total = 0;
        for b in &list {
            total += super::batches::run(self.engine, &mut *walker, b, BATCH_ROWS, |n| {
                // Writes after the first two batches: rows land behind the walk and ahead of
                // it (a steady load that outpaced the batches would never let the walk end).
                if n > 2 {
                    return Ok(());
                }
                writes += 1;
                hooks.between_batches(&mut open.cx(self, &bdb, Run::Batched), &mut bst)
            })
            .map_err(|e| format!("batches of {}: {e}", b.table))?;
        }
        let admin = &mut *open.admin;
        // Nothing is left to fill: after the batches when they are the whole phase, after the
        // script when it has other steps too (a table copy, say).
        let script = &self.plan.phases[backfill].up;
        let ops = self.plan.phase_ops("backfill");
        let whole = ops.iter().all(|o| o == "backfill");
        let filled = |admin: &mut dyn Connection, when: &str| -> Result<(), String> {
            for b in &list {
                let left = count(admin, &b.remaining)?;
                if left != 0 {
                    return Err(format!(
                        "{when}, {left} rows of {} left to fill: {}",
                        b.table, b.remaining
                    ));
                }
            }
            for check in self.plan.gate_checks("switch") {
                let left = count(admin, &check)?;
                if left != 0 {
                    return Err(format!("{when}, the gate check gives {left}: {check}"));
                }
            }
            Ok(())
        };
        if whole {
            filled(admin, "after the batches")?;
        }
        let before = self.engine.dump(admin)?;
        bdb.run(script)
            .map_err(|e| format!("backfill up after the batches: {e}"))?;
        if whole && self.engine.dump(admin)? != before {
            return Err("the backfill script after the batches changed the database".to_string());
        }
        filled(admin, "after the batches and the script")?;
        {
            let mut sopen = Open::new(self, &sdb)?;
            for _ in 0..writes {
                hooks.between_batches(&mut sopen.cx(self, &sdb, Run::Batched), &mut sst)?;
            }
        }
        sdb.run(script).map_err(|e| format!("backfill up: {e}"))?;
        let volatile = self.volatile_columns();
        let a = self.masked_state(admin, &volatile)?;
        let b = self.masked_state(&mut *sdb.connect(), &volatile)?;
        if a != b {
            return Err(format!(
                "the batches and the script leave different databases (- batched, + scripted):\n{}",
                text_diff(&a, &b)
            ));
        }
        if let Some(p) = self.plan.phases.get(backfill + 1) {
            bdb.run(&p.up)
                .map_err(|e| format!("{} up after the batches: {e}", p.name))?;
        }
        Ok(Some(total))
    }

    /// Columns whose values come from a volatile function (`now()`, `gen_uuid()`): a default or
    /// a transform of either shape. Two runs give them different values.
    fn volatile_columns(&self) -> BTreeSet<String> {
        let volatile = |sql: &str| {
            let sql = sql.to_ascii_lowercase();
            migc_stdlib::functions()
                .iter()
                .filter(|f| f.volatile)
                .any(|f| sql.contains(f.name))
                || sql.contains("current_timestamp")
        };
        let mut out = BTreeSet::new();
        for schema in [&self.from, &self.to] {
            for t in schema.tables.values() {
                for c in &t.columns {
                    let mut exprs: Vec<&str> = c.default.iter().map(|d| d.sql.as_str()).collect();
                    if let Some(tr) = &c.transform {
                        exprs.push(&tr.up.sql);
                        exprs.extend(tr.down.iter().map(|d| d.sql.as_str()));
                    }
                    if exprs.iter().any(|e| volatile(e)) {
                        out.insert(c.name.clone());
                    }
                }
            }
        }
        out
    }

    /// The catalog and every row, the values of volatile columns (and of helper columns named
    /// after them) reduced to whether they are null.
    fn masked_state(
        &self,
        conn: &mut dyn Connection,
        volatile: &BTreeSet<String>,
    ) -> Result<String, String> {
        let cat = self.engine.catalog(conn)?;
        let mut out = format!("{cat:#?}\n");
        let d = self.engine.dialect();
        for (name, t) in &cat.tables {
            let cols: Vec<&String> = t.columns.keys().collect();
            let list: Vec<String> = cols.iter().map(|c| d.quote_ident(c)).collect();
            let sql = format!("SELECT {} FROM {}", list.join(", "), d.quote_ident(name));
            let masked: Vec<bool> = cols
                .iter()
                .map(|c| {
                    volatile
                        .iter()
                        .any(|v| *c == v || c.starts_with(&format!("{v}__")))
                })
                .collect();
            let mut rows: Vec<String> = conn
                .query(&sql)
                .map_err(|e| format!("{sql}: {e}"))?
                .into_iter()
                .map(|r| {
                    r.iter()
                        .zip(&masked)
                        .map(|(v, m)| match (v, m) {
                            (None, _) => "NULL".to_string(),
                            (Some(_), true) => "(volatile)".to_string(),
                            (Some(v), false) => v.clone(),
                        })
                        .collect::<Vec<_>>()
                        .join("|")
                })
                .collect();
            rows.sort();
            for r in rows {
                out.push_str(&format!("{name}: {r}\n"));
            }
        }
        Ok(out)
    }
}
