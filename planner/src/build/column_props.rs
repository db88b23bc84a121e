//! Properties of a deployed column other than its type and nullability: its collation, its
//! `on update`, whether and how it is generated, and its place among the table's columns.

use super::*;

impl Builder<'_> {
    /// A deployed table's or column's collation that the declaration changes: made where the
    /// dialect changes collations ([`Options::change_collations`]: MySQL, in place or by the
    /// online table copy); elsewhere refused, as it rewrites the table (SQLite) or rebuilds its
    /// indexes under an exclusive lock (PostgreSQL). A declaration that names none keeps what
    /// is deployed.
    pub(super) fn collation_changes(&mut self, old: &Table, new: &Table) {
        let Some(d) = self.options.dialect else {
            return;
        };
        let refuse = |what: String, at: Span, was: Option<&String>, now: &String| {
            Diagnostic::error(
                Code::Unsupported,
                format!("changing the collation of {what} is not supported yet"),
            )
            .primary(at, format!("`{now}` here"))
            .note(format!(
                "deployed: {}",
                was.map_or_else(|| "the default".to_string(), |w| format!("`{w}`"))
            ))
            .note("a new collation rewrites the table's text and rebuilds its indexes")
            .help("keep the deployed collation, or create a new column with the new one and move the data with `from … up (…)`")
        };
        let table_changes = new
            .collation
            .get(&d)
            .filter(|now| old.collation.get(&d) != Some(*now));
        let mut table_changed = false;
        if let Some(now) = table_changes {
            if !self.options.change_collations {
                let d = refuse(
                    format!("table `{}`", new.name),
                    new.origin,
                    old.collation.get(&d),
                    now,
                );
                self.diagnostics.push(d);
                return;
            }
            let t = old.name.as_str();
            self.push(
                Phase::Expand,
                t,
                format!("change the collation of table `{t}` to `{now}`"),
                Op::SetTableCollation {
                    table: t.to_string(),
                    collation: new.collation.clone(),
                    previous: old.collation.clone(),
                },
                Some(new.origin),
                Self::keys(&[], &[table_key(t)]),
            );
            table_changed = true;
        }
        for c in &new.columns {
            let Some(o) = old.column(&c.name) else {
                continue;
            };
            // A column naming none before and after follows the table's.
            if table_changed && !o.collation.contains_key(&d) && !c.collation.contains_key(&d) {
                continue;
            }
            // A column naming none has the table's, where the table names one.
            let was = o.collation.get(&d).or(old.collation.get(&d));
            let changes = c
                .collation
                .get(&d)
                .or(new.collation.get(&d))
                .filter(|now| was != Some(*now));
            if changes.is_some() && self.options.change_collations {
                let t = old.name.as_str();
                self.push(
                    Phase::Expand,
                    &format!("{t}.{}", c.name),
                    format!("change the collation of `{t}.{}`", c.name),
                    Op::SetCollation {
                        table: t.to_string(),
                        column: c.name.clone(),
                        collation: c.collation.clone(),
                        previous: o.collation.clone(),
                    },
                    Some(c.origin),
                    Self::keys(&[], &[table_key(t)]),
                );
            } else if let Some(now) = changes {
                let d = refuse(
                    format!("column `{}.{}`", new.name, c.name),
                    c.origin,
                    was,
                    now,
                );
                self.diagnostics.push(d);
            }
        }
    }

    /// `on update now()` given to a deployed column in expand (both versions' updates set the
    /// time from then on), taken from one at contract (the old application may count on it
    /// until then). Only MySQL has the property; other dialects refuse it
    /// (planner/src/expressible.rs).
    pub(super) fn on_update_changes(&mut self, old: &Table, new: &Table) {
        let t = old.name.as_str();
        for c in &new.columns {
            let Some(o) = old.column(&c.name) else {
                continue;
            };
            if o.on_update != c.on_update {
                self.push(
                    if c.on_update {
                        Phase::Expand
                    } else {
                        Phase::Contract
                    },
                    &format!("{t}.{}", c.name),
                    format!(
                        "{} `on update now()` {} `{t}.{}`",
                        if c.on_update { "add" } else { "remove" },
                        if c.on_update { "to" } else { "from" },
                        c.name
                    ),
                    Op::SetOnUpdate {
                        table: t.to_string(),
                        column: c.name.clone(),
                        on_update: c.on_update,
                    },
                    Some(c.origin),
                    Self::keys(&[], &[table_key(t)]),
                );
            }
        }
    }

    /// A deployed generated column computed otherwise (its expression, or whether it is
    /// stored) is recomputed at expand, for both application versions, as a view is redefined:
    /// it holds nothing of its own, so a rollback computes it as before. One that becomes
    /// generated or stops being so is refused: its values would be replaced or lost.
    pub(super) fn generated_changes(&mut self, old: &Table, new: &Table) {
        let t = old.name.as_str();
        for c in &new.columns {
            let Some(o) = old.column(&c.name) else {
                continue;
            };
            let what = match (&o.generated, &c.generated) {
                (None, None) => continue,
                (Some(a), Some(b)) if a == b => continue,
                (None, Some(_)) => "making deployed column `{}` generated",
                (Some(_), None) => "making generated column `{}` an ordinary one",
                (Some(previous), Some(_)) => {
                    let mut column = c.clone();
                    column.transform = None;
                    column.renamed_from = None;
                    self.push(
                        Phase::Expand,
                        &format!("{t}.{}", c.name),
                        format!("compute generated column `{t}.{}` as now declared", c.name),
                        Op::SetGenerated {
                            table: t.to_string(),
                            column,
                            previous: previous.clone(),
                        },
                        Some(c.origin),
                        Self::keys(&[], &[table_key(t), columns_key(t)]),
                    );
                    self.diagnostics.push(
                        Diagnostic::warning(
                            Code::OldAppSeesChange,
                            format!(
                                "generated column `{t}.{}` is computed as declared from expand, for both application versions",
                                c.name
                            ),
                        )
                        .primary(c.origin, "computed otherwise here"),
                    );
                    continue;
                }
            };
            let column = format!("{}.{}", new.name, c.name);
            self.diagnostics.push(
                Diagnostic::error(
                    Code::Unsupported,
                    format!("{} is not supported yet", what.replace("{}", &column)),
                )
                .primary(c.origin, "column declared here")
                .note("the databases recompute or drop the column's values for it, rewriting the table")
                .help("add a new column declared as wanted, move the application to it, then drop this one"),
            );
        }
    }

    /// Deployed columns that stand out of the declared order, moved into it in expand, in the
    /// declared order, each right after the column declared before it: those outside a longest
    /// run already in order, and added columns that follow a moved one (they were added after
    /// it where it stood).
    pub(super) fn column_order(&mut self, old: &Table, new: &Table) {
        let t = old.name.as_str();
        let deployed = |c: &Column| {
            // (A renamed column is a new one here: made from the deployed one.)
            old.columns.iter().position(|o| o.name == c.name)
        };
        let kept: Vec<(usize, usize)> = new
            .columns
            .iter()
            .enumerate()
            .filter_map(|(i, c)| deployed(c).map(|d| (i, d)))
            .collect();
        if kept.windows(2).all(|w| w[0].1 < w[1].1) {
            return;
        }
        // A longest increasing run of deployed positions stays where it is.
        let n = kept.len();
        let (mut len, mut prev) = (vec![1usize; n], vec![usize::MAX; n]);
        for i in 0..n {
            for j in 0..i {
                if kept[j].1 < kept[i].1 && len[j] + 1 > len[i] {
                    len[i] = len[j] + 1;
                    prev[i] = j;
                }
            }
        }
        let mut stays = BTreeSet::new();
        let mut at = (0..n).max_by_key(|&i| (len[i], std::cmp::Reverse(i)));
        while let Some(i) = at {
            stays.insert(kept[i].0);
            at = (prev[i] != usize::MAX).then_some(prev[i]);
        }
        let mut moved: BTreeSet<&str> = BTreeSet::new();
        for (i, c) in new.columns.iter().enumerate() {
            let before = i.checked_sub(1).map(|b| new.columns[b].name.as_str());
            let was = deployed(c);
            let moves = match was {
                Some(_) => !stays.contains(&i),
                None => before.is_some_and(|b| moved.contains(b)),
            };
            if !moves {
                continue;
            }
            moved.insert(c.name.as_str());
            let previous = was
                .and_then(|d| d.checked_sub(1))
                .map(|d| old.columns[d].name.clone());
            let mut needs = vec![table_key(t), columns_key(t)];
            if let Some(b) = before {
                needs.push(col_key(t, b));
            }
            self.push(
                Phase::Expand,
                &format!("{t}.{}", c.name),
                match before {
                    Some(b) => format!("move `{t}.{}` after `{b}`", c.name),
                    None => format!("move `{t}.{}` first", c.name),
                },
                Op::MoveColumn {
                    table: t.to_string(),
                    column: c.name.clone(),
                    after: before.map(str::to_string),
                    previous,
                },
                Some(c.origin),
                Keys {
                    needs,
                    ..Default::default()
                },
            );
        }
    }
}
