//! The rollbacks of a change: from every phase, one after the other in one database while they
//! succeed (see `run.rs`), each checked against v1: its catalog, and every row written before,
//! apart from what the manifest declares lost.

use super::catalog::{self, first_lines};
use super::plan::Phase;
use super::rows::{self, Rows};
use super::run::{joined, Fresh, Hooks, Open, Prepared, Run};
use super::server::Db;
use super::transitions::Derivation;
use migc_db::Connection;
use std::collections::BTreeSet;

impl Prepared<'_> {
    /// The rollback from every phase, in one database while they succeed, in a fresh one after
    /// a failure.
    pub(super) fn rollbacks<H: Hooks>(
        &self,
        hooks: &H,
        fresh: &Fresh<'_, H::State>,
    ) -> Vec<Result<Vec<String>, String>> {
        let mut out = Vec::new();
        let mut current: Option<(Db, H::State)> = None;
        for upto in 0..self.plan.phases.len() {
            let (db, mut st) = match current.take() {
                Some(c) => c,
                None => match fresh(&format!("rb{upto}")) {
                    Ok(c) => c,
                    Err(e) => {
                        out.push(Err(e));
                        continue;
                    }
                },
            };
            match self.rollback(hooks, &db, &mut st, upto) {
                Ok((notes, clean)) => {
                    if clean {
                        current = Some((db, st));
                    }
                    out.push(Ok(notes));
                }
                Err(e) => out.push(Err(e)),
            }
        }
        out
    }

    /// Rollback from phase `upto`; the notes on declared losses, and whether the database is
    /// back at v1 (to roll back from the next phase in it).
    fn rollback<H: Hooks>(
        &self,
        hooks: &H,
        db: &Db,
        st: &mut H::State,
        upto: usize,
    ) -> Result<(Vec<String>, bool), String> {
        let mut open = Open::new(self, db)?;
        let phases = &self.plan.phases[..=upto];
        let last = &phases[upto].name;
        let mut problems = Vec::new();
        let mut ledger = None;
        let mut after_contract = None;
        for phase in phases {
            let contract = phase.name == "contract";
            if contract {
                ledger = Some(
                    rows::read(&mut *open.admin, &self.from)
                        .map_err(|e| format!("before contract: {e}"))?,
                );
            }
            if let Err(e) = self.apply(db, &mut *open.admin, phase, false, &mut problems) {
                problems.push(e);
                return Err(problems.join("\n\n"));
            }
            open.sessions.refresh(db)?;
            let before = if contract {
                Some(self.new_rows(&mut *open.admin)?)
            } else {
                None
            };
            problems.extend(
                self.seen_shapes(&mut open.sessions, phase)
                    .into_iter()
                    .map(|e| format!("after {} (rolling back from {last}): {e}", phase.name)),
            );
            let found = hooks.after_phase(&mut open.cx(self, db, Run::Rollback(upto)), st, phase);
            problems.extend(
                found
                    .into_iter()
                    .map(|e| format!("after {}: {e}", phase.name)),
            );
            if let Some(before) = before {
                after_contract =
                    Some(self.written_after(&before, &self.new_rows(&mut *open.admin)?));
            }
        }
        let ledger = match ledger {
            Some(l) => l,
            None => rows::read(&mut *open.admin, &self.from)
                .map_err(|e| format!("after {last}, reading the old shape: {e}"))?,
        };
        for phase in phases.iter().rev() {
            let before = self.engine.dump(&mut *open.admin)?;
            match self.twice(db, &mut *open.admin, &phase.down) {
                Ok(None) => {}
                Ok(Some(p)) => problems.push(format!("{} down, {p}", phase.name)),
                Err(e) if self.declared_failure(phase, &e) => {
                    if self.engine.dump(&mut *open.admin)? != before {
                        return Err(format!(
                            "{} down failed as declared ({e}) but changed the database",
                            phase.name
                        ));
                    }
                    let note = format!(
                        "rolling back from {last} fails as declared, changing nothing: {e}"
                    );
                    return joined(problems).map(|()| (vec![note], false));
                }
                Err(e) => {
                    problems.push(format!("{} down: {e}", phase.name));
                    return Err(problems.join("\n\n"));
                }
            }
            open.sessions.refresh(db)?;
            let found = hooks.after_down(&mut open.cx(self, db, Run::Rollback(upto)), st, phase);
            problems.extend(
                found
                    .into_iter()
                    .map(|e| format!("after {} down: {e}", phase.name)),
            );
        }
        open.sessions.refresh(db)?;
        let mut notes = Vec::new();
        if let Err(e) = self.rolled_back(
            &mut *open.admin,
            last,
            &ledger,
            after_contract.unwrap_or_default(),
            &mut notes,
        ) {
            problems.push(e);
            return Err(problems.join("\n\n"));
        }
        let found = hooks.after_rollback(
            &mut open.cx(self, db, Run::Rollback(upto)),
            st,
            &phases[upto],
        );
        problems.extend(
            found
                .into_iter()
                .map(|e| format!("after rolling back from {last}: {e}")),
        );
        joined(problems).map(|()| (notes, true))
    }

    /// A `down` script failing as the manifest declares: "nothing, but it fails while rows hold
    /// null in `t.c`".
    fn declared_failure(&self, phase: &Phase, error: &str) -> bool {
        self.plan.rollback_loses(&phase.name).iter().any(|l| {
            let Some(rest) = l.strip_prefix("nothing, but it fails while rows hold null in `")
            else {
                return false;
            };
            let tc = rest.trim_end_matches('`');
            let (t, c) = tc.split_once('.').unwrap_or((tc, ""));
            error.contains(&format!("NOT NULL constraint failed: {t}.{c}"))
                || error.contains(&format!("NOT NULL constraint failed: migc_new_{t}.{c}"))
        })
    }

    /// The old-shape keys of the rows of the new shape that are new or changed in `after`: what
    /// the new application wrote after contract. Their old-shape values are what contract's
    /// rollback makes of them, so only their presence is checked.
    fn written_after(&self, before: &Rows, after: &Rows) -> BTreeSet<(String, String)> {
        let mut out = BTreeSet::new();
        for (table, rows) in after {
            let Some(old) = self
                .transitions
                .old_table(table)
                .and_then(|o| self.from.tables.get(o))
            else {
                continue;
            };
            let pk = rows::pk(old);
            for (key, row) in rows {
                if before.get(table).and_then(|b| b.get(key)) == Some(row) {
                    continue;
                }
                let mut k = rows::Row::new();
                for c in &pk {
                    if let Some(Derivation::Column(src)) =
                        self.transitions.down.get(&(old.name.clone(), c.clone()))
                    {
                        k.insert(c.clone(), row.get(src).cloned().flatten());
                    }
                }
                if k.len() == pk.len() {
                    out.insert((old.name.clone(), rows::key_text(&pk, &k)));
                }
            }
        }
        out
    }

    /// After a rollback: the catalog equals the deployed one and every row of `ledger` is
    /// there unchanged, apart from what the manifest declares lost (noted).
    fn rolled_back(
        &self,
        admin: &mut dyn Connection,
        last: &str,
        ledger: &Rows,
        written_after: BTreeSet<(String, String)>,
        notes: &mut Vec<String>,
    ) -> Result<(), String> {
        let upto = self
            .plan
            .phases
            .iter()
            .position(|p| p.name == last)
            .unwrap_or(0);
        let losses: Vec<String> = self.plan.phases[..=upto]
            .iter()
            .flat_map(|p| self.plan.rollback_loses(&p.name))
            .collect();
        let tokens = |l: &str| -> Vec<String> {
            l.split('`')
                .skip(1)
                .step_by(2)
                .map(str::to_string)
                .collect()
        };
        let declared = |needed: &[&str], word: &str| {
            losses.iter().any(|l| {
                let t = tokens(l);
                l.contains(word) && needed.iter().all(|n| t.iter().any(|x| x == n))
            })
        };
        let mut cat = self.engine.catalog(admin)?;
        // A label added by expand stays ("value `v` stays (allowed) in … enum `e`").
        for l in &losses {
            if let (true, [value, name, ..]) = (
                l.starts_with("value `") && l.contains("enum"),
                &tokens(l)[..],
            ) {
                self.engine.forget_label(&mut cat, name, value);
                notes.push(format!("declared after rolling back from {last}: {l}"));
            }
        }
        let mut problems = Vec::new();
        for d in catalog::diff(&self.deployed, &cat) {
            let tolerated = match (d.what.as_str(), d.object.split_once(": ")) {
                ("nullability", _) => declared(&[&d.object], ""),
                ("type", _) => declared(&[&d.object], "type"),
                (_, Some((table, part))) => {
                    let name = part.split_once(' ').map_or(part, |(_, n)| n);
                    declared(&[table, name], "")
                }
                _ => false,
            };
            if tolerated {
                let text = d.text.split_whitespace().collect::<Vec<_>>().join(" ");
                notes.push(format!(
                    "declared loss after rolling back from {last}: {text}"
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
        let mut skip = BTreeSet::new();
        for l in &losses {
            for t in tokens(l) {
                match t.split_once('.') {
                    Some((a, b)) => skip.insert((a.to_string(), b.to_string())),
                    None if l.starts_with("the rows of `") => {
                        skip.insert((t.clone(), "*".to_string()))
                    }
                    None => false,
                };
            }
        }
        // A generated column computed otherwise holds nothing of its own: after the rollback
        // the database computes it as the deployed schema says, not as it was read since.
        for t in self.from.tables.values() {
            let declared = self.to.tables.get(&t.name);
            for c in t.columns.iter().filter(|c| c.generated.is_some()) {
                let same = declared
                    .and_then(|d| d.column(&c.name))
                    .is_some_and(|d| d.generated == c.generated);
                if !same {
                    skip.insert((t.name.clone(), c.name.clone()));
                }
            }
        }
        let now = rows::read(admin, &self.from)
            .map_err(|e| format!("after rolling back from {last}: {e}"))?;
        let wrong = rows::compare(ledger, &now, &skip, &written_after);
        if !wrong.is_empty() {
            return Err(format!(
                "after rolling back from {last} rows written before are lost or changed:\n{}",
                first_lines(&wrong, 10)
            ));
        }
        let gone: Vec<String> = written_after
            .iter()
            .filter(|(t, k)| !now.get(t).is_some_and(|r| r.contains_key(k)))
            .map(|(t, k)| format!("{t} row {k}"))
            .collect();
        if !gone.is_empty() {
            return Err(format!(
                "after rolling back from {last} rows the new application wrote after contract are gone: {}",
                gone.join(", ")
            ));
        }
        Ok(())
    }
}
