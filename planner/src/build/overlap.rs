//! What runs while both application versions write a table that changes: the dual-write
//! trigger, the backfill, and the drops at contract with how each comes back on rollback.

use super::*;

impl<'s> Builder<'s> {
    /// The overlap of a table's change: the dual-write trigger between the deployed and the
    /// new columns (`sync`), the backfill of the new ones, and at contract the trigger's
    /// removal and the drop of the `leaving` columns.
    pub(super) fn overlap(
        &mut self,
        old: &'s Table,
        new: &'s Table,
        sync: &Sync,
        retyped: &BTreeMap<String, String>,
        leaving: &[&'s Column],
    ) {
        let t = old.name.as_str();
        let relax_candidates: Vec<String> = sync
            .old_columns
            .iter()
            .filter(|(_, d)| d.is_some())
            .map(|(c, _)| c.clone())
            .collect();
        let has_sync = !sync.new_columns.is_empty()
            || !sync.shadows.is_empty()
            || sync.old_columns.iter().any(|(_, d)| d.is_some());
        if has_sync {
            let mut needs: Vec<Key> = sync
                .new_columns
                .iter()
                .chain(&sync.shadows)
                .map(|(c, _)| col_key(t, c))
                .collect();
            needs.push(table_key(t));
            self.push(
                Phase::Expand,
                t,
                format!("install the dual-write trigger on `{t}`"),
                Op::InstallSync {
                    table: t.to_string(),
                    sync: sync.clone(),
                },
                Some(new.origin),
                Keys {
                    needs,
                    provides: vec![Key::Sync(t.to_string())],
                    ..Keys::default()
                },
            );
            let mut assignments: Vec<Assignment> = Vec::new();
            for (c, up) in &sync.new_columns {
                if let Some(col) = new.column(c) {
                    assignments.push(Assignment {
                        column: c.clone(),
                        value: up.clone(),
                        ty: col.ty.clone(),
                        shadow: false,
                    });
                }
            }
            for (s, up) in &sync.shadows {
                let of = retyped.iter().find(|(_, sh)| *sh == s).map(|(c, _)| c);
                if let Some(col) = of.and_then(|c| new.column(c)) {
                    assignments.push(Assignment {
                        column: s.clone(),
                        value: up.clone(),
                        ty: col.ty.clone(),
                        shadow: true,
                    });
                }
            }
            if !assignments.is_empty() {
                let key = pk_types(old);
                // Without a key the dialect walks what it has (SQLite: the rowid) or refuses.
                self.push(
                    Phase::Backfill,
                    t,
                    format!(
                        "backfill `{}` on `{t}`",
                        assignments
                            .iter()
                            .map(|a| a.column.as_str())
                            .collect::<Vec<_>>()
                            .join("`, `")
                    ),
                    Op::Backfill {
                        table: t.to_string(),
                        key,
                        assignments,
                    },
                    Some(new.origin),
                    Keys {
                        needs: vec![Key::Sync(t.to_string())],
                        provides: vec![Key::Backfilled(t.to_string())],
                        ..Keys::default()
                    },
                );
            }
            let mut releases: Vec<Key> = sync
                .old_columns
                .iter()
                .map(|(c, _)| col_key(t, c))
                .collect();
            releases.extend(
                sync.new_columns
                    .iter()
                    .map(|(c, _)| Key::SyncColumn(t.to_string(), c.to_string())),
            );
            // Type swaps drop the trigger themselves, in the transaction that swaps (so no
            // write falls between the trigger and the shadow); the rest goes after them.
            let mut needs: Vec<Key> = retyped
                .keys()
                .map(|c| Key::Dropped(t.to_string(), c.to_string()))
                .collect();
            needs.push(Key::Relaxed(t.to_string()));
            self.push(
                Phase::Contract,
                t,
                format!("remove the dual-write trigger on `{t}`"),
                Op::RemoveSync {
                    table: t.to_string(),
                    sync: sync.clone(),
                },
                Some(new.origin),
                Keys {
                    releases,
                    needs,
                    ..Keys::default()
                },
            );
        }

        // A leaving `not null` column the trigger fills for the new application: once the
        // trigger is gone (contract) the new application's inserts leave it empty.
        for o in leaving {
            let filled_by_trigger = relax_candidates.contains(&o.name);
            if filled_by_trigger
                && !o.nullable
                && o.default.is_none()
                && !retyped.contains_key(&o.name)
            {
                self.push(
                    Phase::Contract,
                    &format!("{t}.{}", o.name),
                    format!(
                        "let `{t}.{}` accept null before the dual-write trigger goes",
                        o.name
                    ),
                    Op::DropNotNull {
                        table: t.to_string(),
                        column: o.name.clone(),
                    },
                    None,
                    Self::keys(&[Key::Relaxed(t.to_string())], &[]),
                );
            }
        }
        for o in leaving {
            let mut releases = self.enum_needs(&o.ty);
            releases.push(Key::RenamedColumns(t.to_string()));
            self.push(
                Phase::Contract,
                &format!("{t}.{}", o.name),
                format!("drop column `{t}.{}`", o.name),
                Op::DropColumn {
                    table: t.to_string(),
                    column: (*o).clone(),
                    refill: refill(new, o),
                },
                new.retired
                    .iter()
                    .find(|r| r.name == o.name)
                    .map(|r| r.origin)
                    .or(new.dropped_columns.get(&o.name).map(|a| a.origin)),
                Keys {
                    removes: vec![col_key(t, &o.name), columns_key(t)],
                    provides: vec![
                        Key::DroppedColumns(t.to_string()),
                        Key::Dropped(t.to_string(), o.name.to_string()),
                    ],
                    releases,
                    ..Keys::default()
                },
            );
        }
    }
}

/// How a deployed column that contract drops comes back when contract is rolled back, from the
/// declared table that replaces its table: its shadow's values through `down` (a type change),
/// the column renamed from it (exact), the `down` of a column computed from it alone, or its
/// `retire … down`.
fn refill(new: &Table, o: &Column) -> Refill {
    if let Some(target) = new.column(&o.name) {
        let shadow = shadow_name(&o.name);
        let down = target
            .transform
            .as_ref()
            .filter(|t| t.from.contains(&o.name))
            .and_then(|t| t.down.as_ref())
            .map(|back| {
                let map: BTreeMap<String, String> = [(o.name.clone(), shadow.clone())].into();
                Expr {
                    sql: crate::sql::rename_identifiers(&back.sql, &map),
                    origin: back.origin,
                }
            });
        return Refill::Shadow { shadow, down };
    }
    if let Some(down) = new
        .retired
        .iter()
        .find(|r| r.name == o.name)
        .and_then(|r| r.down.clone())
    {
        return Refill::From {
            value: down,
            exact: false,
        };
    }
    new.columns
        .iter()
        .find_map(|c| {
            if c.renamed_from.as_deref() == Some(o.name.as_str()) {
                let value = Expr {
                    sql: quote_generic(&c.name),
                    origin: c.origin,
                };
                return Some(Refill::From { value, exact: true });
            }
            let tr = c.transform.as_ref()?;
            let down = (tr.from == [o.name.clone()])
                .then(|| tr.down.clone())
                .flatten()?;
            Some(Refill::From {
                value: down,
                exact: false,
            })
        })
        .unwrap_or(Refill::Empty)
}
