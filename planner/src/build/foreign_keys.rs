//! Foreign keys: matched by name then by definition; added without checking existing rows and
//! validated later, renamed, dropped.

use super::constraints::TableChange;
use super::*;

impl<'s> Builder<'s> {
    /// Foreign keys: added for new rows in expand, validated in switch.
    pub(super) fn foreign_keys(&mut self, cx: &TableChange<'s, '_>) {
        let t = cx.old.name.as_str();
        let (old, new) = (cx.old, cx.new);
        // Deployed objects whose name a rebuilt one takes at contract.
        let mut replaced: BTreeSet<String> = BTreeSet::new();
        let mut renamed: BTreeSet<&str> = BTreeSet::new();
        for fk in &new.foreign_keys {
            let shadowed = cx.on_retyped(&fk.columns);
            if !shadowed
                && old
                    .foreign_keys
                    .iter()
                    .any(|o| o.name == fk.name && self.same_fk(o, fk))
            {
                continue;
            }
            if let Some(o) = old.foreign_keys.iter().find(|o| {
                !shadowed
                    && self.same_fk(o, fk)
                    && o.name != fk.name
                    && !new.foreign_keys.iter().any(|x| x.name == o.name)
                    && !renamed.contains(o.name.as_str())
            }) {
                renamed.insert(&o.name);
                self.rename_constraint(
                    t,
                    &o.name,
                    &fk.name,
                    Constraint::ForeignKey(fk.clone()),
                    fk.origin,
                );
                continue;
            }
            let shadowed = shadowed
                || old
                    .foreign_keys
                    .iter()
                    .any(|o| o.name == fk.name && !self.same_fk(o, fk) && cx.goes(&o.columns));
            if shadowed {
                let mut built = fk.clone();
                built.name = temp_name(&fk.name);
                built.columns = fk
                    .columns
                    .iter()
                    .map(|c| cx.retyped.get(c).cloned().unwrap_or_else(|| c.clone()))
                    .collect();
                self.add_foreign_key(t, &built, true);
                replaced.insert(fk.name.clone());
                self.rename_constraint(
                    t,
                    &built.name,
                    &fk.name,
                    Constraint::ForeignKey(fk.clone()),
                    fk.origin,
                );
                continue;
            }
            self.add_foreign_key(t, fk, true);
            if !cx.only_added(&fk.columns) {
                self.diagnostics.push(
                    Diagnostic::warning(
                        Code::ValidationMayFail,
                        format!("foreign key `{}` on existing rows of `{}` fails if one has no parent", fk.name, new.name),
                    )
                    .primary(fk.origin, "foreign key here")
                    .note(format!(
                        "find them: SELECT count(*) FROM {t} c WHERE {} AND NOT EXISTS (SELECT 1 FROM {} p WHERE {})",
                        fk.columns.iter().map(|c| format!("c.{c} IS NOT NULL")).collect::<Vec<_>>().join(" AND "),
                        self.deployed_name(&fk.ref_table),
                        fk.columns
                            .iter()
                            .zip(&fk.ref_columns)
                            .map(|(c, r)| format!("p.{r} = c.{c}"))
                            .collect::<Vec<_>>()
                            .join(" AND ")
                    )),
                );
            }
        }
        for fk in &old.foreign_keys {
            let kept = !cx.on_retyped(&fk.columns)
                && new
                    .foreign_keys
                    .iter()
                    .any(|n| n.name == fk.name && self.same_fk(fk, n));
            if kept || renamed.contains(fk.name.as_str()) {
                continue;
            }
            let target_goes = !self.to.tables.contains_key(&fk.ref_table)
                && !self.renamed_tables.contains_key(&fk.ref_table);
            let phase = if target_goes || cx.on_retyped(&fk.columns) {
                Phase::Contract
            } else {
                cx.drop_phase(&fk.columns)
            };
            let mut releases: Vec<Key> = fk.columns.iter().map(|c| col_key(t, c)).collect();
            releases.push(table_key(&fk.ref_table));
            releases.extend(fk.ref_columns.iter().map(|c| col_key(&fk.ref_table, c)));
            self.push(
                phase,
                &format!("{t}.{}", fk.name),
                format!("drop foreign key `{}` on `{t}`", fk.name),
                Op::DropForeignKey {
                    table: t.to_string(),
                    fk: fk.clone(),
                    replaced_by: replaced.contains(&fk.name).then(|| temp_name(&fk.name)),
                },
                None,
                Keys {
                    provides: vec![Key::Name(fk.name.to_string())],
                    releases,
                    ..Keys::default()
                },
            );
        }
    }

    pub(super) fn same_fk(&self, old: &ForeignKey, new: &ForeignKey) -> bool {
        let target = self
            .renamed_tables
            .get(&old.ref_table)
            .unwrap_or(&old.ref_table);
        old.columns == new.columns
            && target == &new.ref_table
            && old.ref_columns == new.ref_columns
            && old.on_delete == new.on_delete
            && old.on_update == new.on_update
    }

    pub(super) fn add_foreign_key(&mut self, t: &str, fk: &ForeignKey, existing_table: bool) {
        // Until contract renames it, a renamed table is known by its deployed name (the new
        // name is a view).
        let mut deployed = fk.clone();
        deployed.ref_table = self.deployed_name(&fk.ref_table);
        let fk = &deployed;
        let mut needs: Vec<Key> = fk.columns.iter().map(|c| col_key(t, c)).collect();
        needs.push(table_key(t));
        needs.push(table_key(&fk.ref_table));
        needs.extend(fk.ref_columns.iter().map(|c| col_key(&fk.ref_table, c)));
        // Both sides with their declared types, where a column widens in place.
        needs.extend(
            fk.columns
                .iter()
                .map(|c| Key::Typed(t.to_string(), c.to_string()))
                .chain(
                    fk.ref_columns
                        .iter()
                        .map(|c| Key::Typed(fk.ref_table.to_string(), c.to_string())),
                ),
        );
        // A constraint on a referenced key that this plan creates.
        for u in self
            .to
            .tables
            .get(&fk.ref_table)
            .iter()
            .flat_map(|x| &x.uniques)
        {
            if u.columns == fk.ref_columns {
                needs.push(Key::Constraint(u.name.to_string()));
            }
        }
        needs.push(Key::Name(fk.name.to_string()));
        let phase = if needs.iter().any(|n| matches!(n, Key::Constraint(_))) && existing_table {
            Phase::Switch
        } else {
            Phase::Expand
        };
        self.push(
            phase,
            &format!("{t}.{}", fk.name),
            format!(
                "add foreign key `{}` on `{t}`{}",
                fk.name,
                if existing_table { " for new rows" } else { "" }
            ),
            Op::AddForeignKey {
                table: t.to_string(),
                fk: fk.clone(),
                not_valid: existing_table,
            },
            Some(fk.origin),
            Self::keys(&[Key::Fk(fk.name.to_string())], &needs),
        );
        if existing_table {
            self.push(
                Phase::Switch,
                &format!("{t}.{}", fk.name),
                format!("validate foreign key `{}` on existing rows", fk.name),
                Op::ValidateConstraint {
                    table: t.to_string(),
                    name: fk.name.clone(),
                    constraint: Constraint::ForeignKey(fk.clone()),
                },
                Some(fk.origin),
                Self::keys(&[], &[Key::Fk(fk.name.to_string())]),
            );
        }
    }
}
