//! The check that a row one application version wrote reads in the other version's shape as
//! the transitions say (renamed columns carry the value, `up`/`down` computed), read through the
//! other version's session.

use super::apps::{Apps, Written};
use super::engine::Value;
use super::plan::App;
use super::rows::{key_text, pk};
use super::session::Sessions;
use super::transitions::Derivation;
use migc_db::Connection;
use std::collections::{BTreeMap, BTreeSet};

impl Apps {
    /// Each row as the round left it, read in the other shape.
    pub(super) fn read_across(&self, sessions: &mut Sessions, written: &[Written]) -> Vec<String> {
        // table, key -> (last write, whether it was inserted, the columns set)
        let mut last: BTreeMap<(String, String), (&Written, bool, BTreeSet<String>)> =
            BTreeMap::new();
        for w in written {
            let Ok(t) = self.shape(w.app).table(&w.table) else {
                continue;
            };
            let e = last
                .entry((w.table.clone(), key_text(&pk(t), &w.row)))
                .or_insert((w, false, BTreeSet::new()));
            e.0 = w;
            e.1 |= w.kind == "INSERT";
            e.2.extend(w.set.iter().cloned());
        }
        let mut errors = Vec::new();
        for (w, inserted, set) in last.into_values() {
            let reader = match w.app {
                App::Old => App::New,
                App::New => App::Old,
            };
            if let Err(e) = self.check_projection(sessions.get(reader).conn(), w, inserted, &set) {
                errors.push(e);
            }
        }
        errors
    }

    /// Checks that a row written in one shape reads in the other as the transitions say
    /// (renamed columns carry the value, `up`/`down` computed): after an INSERT every derivable
    /// column, after UPDATEs those computed from the columns they set. Rows of tables only one
    /// shape has, and rows whose key the other shape cannot derive, are not checked.
    fn check_projection(
        &self,
        conn: &mut dyn Connection,
        w: &Written,
        inserted: bool,
        set: &BTreeSet<String>,
    ) -> Result<(), String> {
        let d = self.engine.dialect();
        let tr = &self.transitions;
        let (src, dst, dst_table, derivs) = match w.app {
            App::Old => match tr.new_table(&w.table) {
                Some(t) => (&self.old, &self.new, t.to_string(), &tr.up),
                None => return Ok(()),
            },
            App::New => match tr.old_table(&w.table) {
                Some(t) => (&self.new, &self.old, t.to_string(), &tr.down),
                None => return Ok(()),
            },
        };
        let src_t = src.table(&w.table)?;
        let dst_t = dst.table(&dst_table)?;
        let what = format!("{} (read as the {})", w.describe(), dst.app);
        let mut expected: BTreeMap<String, Option<String>> = BTreeMap::new();
        let mut exprs: Vec<(String, String)> = Vec::new();
        for c in &dst_t.columns {
            match derivs.get(&(dst_table.clone(), c.name.clone())) {
                Some(Derivation::Column(s)) if src_t.column(s).is_some() => {
                    expected.insert(c.name.clone(), w.row.get(s).cloned().flatten());
                }
                Some(Derivation::Expr(e, _)) => {
                    exprs.push((c.name.clone(), self.engine.cast(e, &c.ty)))
                }
                _ => {}
            }
        }
        if !exprs.is_empty() {
            let source: Vec<String> = src_t
                .columns
                .iter()
                .map(|c| {
                    let v = Value::read(w.row.get(&c.name).cloned().flatten().as_deref());
                    format!(
                        "{} AS {}",
                        self.engine.literal(&v, &c.ty, true),
                        d.quote_ident(&c.name)
                    )
                })
                .collect();
            let sql = format!(
                "SELECT {} FROM (SELECT {}) AS r",
                exprs
                    .iter()
                    .map(|(_, e)| e.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
                source.join(", ")
            );
            let r = conn
                .query(&sql)
                .map_err(|e| {
                    format!("{what}: computing the expected values failed: {e}\n      {sql}")
                })?
                .into_iter()
                .next()
                .unwrap_or_default();
            for ((c, _), v) in exprs.iter().zip(r) {
                expected.insert(c.clone(), v);
            }
        }
        let mut key = Vec::new();
        for c in pk(dst_t) {
            match expected.get(&c) {
                Some(v) => key.push((c, Value::read(v.as_deref()))),
                None => return Ok(()), // the key is new: nothing to find the row by
            }
        }
        // After an UPDATE only the columns computed from what it set must follow; the others
        // keep what they held (which need not round-trip through `up` and `down`).
        let follows = |c: &str| {
            inserted
                || derivs
                    .get(&(dst_table.clone(), c.to_string()))
                    .is_some_and(|d| d.sources().iter().any(|s| set.contains(s)))
        };
        let checked: Vec<(String, Value)> = expected
            .iter()
            .filter(|(c, _)| follows(c))
            .map(|(c, v)| (c.clone(), Value::read(v.as_deref())))
            .collect();
        let (found, wrong) = self
            .read_back(conn, dst_t, &key, &checked)
            .map_err(|e| format!("{what}: SELECT failed: {e}"))?
            .ok_or_else(|| format!("{what}: no row with {key:?} in {dst_table}"))?;
        if wrong.is_empty() {
            return Ok(());
        }
        let wrong: Vec<String> = wrong
            .iter()
            .map(|c| {
                format!(
                    "{c}: expected {:?}, found {:?}",
                    expected.get(c).cloned().flatten(),
                    found.get(c).cloned().flatten()
                )
            })
            .collect();
        Err(format!("{what}: {dst_table} reads {}", wrong.join("; ")))
    }
}
