//! Views and native blocks.

use super::*;

impl<'s> Builder<'s> {
    pub(super) fn views(&mut self) {
        let touched = |b: &Builder<'_>, v: &View| {
            v.depends_on.iter().any(|t| {
                let deployed = b.deployed_name(t);
                b.steps.iter().any(|s| {
                    s.phase == Phase::Contract
                        && match &s.op {
                            Op::DropColumn { table, .. } => table == t || *table == deployed,
                            Op::RenameTable { from, to } => from == t || to == t,
                            _ => false,
                        }
                })
            })
        };
        for (name, view) in &self.to.views {
            let old = self.from.views.get(name);
            let needs = self.view_needs(view);
            match old {
                None => {
                    if let Some(r) = &view.renamed_from {
                        if !self.from.views.contains_key(r) {
                            self.stale(
                                view.origin,
                                format!(
                                    "view `{name}` is renamed from `{r}`, which is not deployed"
                                ),
                            );
                        }
                    }
                    self.push(
                        Phase::Expand,
                        name,
                        format!("create view `{name}`"),
                        Op::CreateView { view: view.clone() },
                        Some(view.origin),
                        Self::keys(&[Key::View(name.to_string())], &needs),
                    );
                    if touched(self, view) {
                        self.recreate_view_at_contract(view, view);
                    }
                }
                Some(old) if !old.same_definition(view, self.options.dialect) => {
                    if touched(self, view) {
                        self.recreate_view_at_contract(view, view);
                    }
                    self.push(
                        Phase::Expand,
                        name,
                        format!("drop view `{name}` to redefine it"),
                        Op::DropView { view: old.clone() },
                        Some(view.origin),
                        Self::keys(&[Key::ViewFree(name.to_string())], &[]),
                    );
                    let mut needs = needs;
                    needs.push(Key::ViewFree(name.to_string()));
                    self.push(
                        Phase::Expand,
                        name,
                        format!("create view `{name}` with its new query"),
                        Op::CreateView { view: view.clone() },
                        Some(view.origin),
                        Self::keys(&[Key::View(name.to_string())], &needs),
                    );
                    self.diagnostics.push(
                        Diagnostic::warning(
                            Code::OldAppSeesChange,
                            format!(
                                "view `{name}` changes at expand, for both application versions"
                            ),
                        )
                        .primary(view.origin, "redefined here"),
                    );
                }
                Some(old) if touched(self, old) => self.recreate_view_at_contract(old, view),
                Some(_) => {}
            }
        }
        for (name, view) in &self.from.views {
            if self.to.views.contains_key(name) {
                continue;
            }
            let releases: Vec<Key> = view
                .depends_on
                .iter()
                .flat_map(|t| [columns_key(t), table_key(t)])
                .collect();
            // Dropped before its tables are renamed, so that its rollback recreates it after
            // they have their deployed names back. (Views read deployed names.)
            let provides: Vec<Key> = view
                .depends_on
                .iter()
                .map(|t| Key::ContractOn(t.to_string()))
                .collect();
            self.push(
                Phase::Contract,
                name,
                format!("drop view `{name}`"),
                Op::DropView { view: view.clone() },
                None,
                Keys {
                    releases,
                    provides,
                    ..Keys::default()
                },
            );
        }
    }

    /// A view over tables that change at contract is dropped before and created again after.
    pub(super) fn recreate_view_at_contract(&mut self, old: &View, view: &View) {
        let name = &view.name;
        let mut releases: Vec<Key> = Vec::new();
        let mut provides = vec![Key::ViewFree(name.to_string())];
        for t in &old.depends_on {
            let deployed = self.deployed_name(t);
            releases.extend([
                columns_key(t),
                table_key(t),
                Key::Alias(t.to_string()),
                columns_key(&deployed),
            ]);
            // Dropped before its table is renamed, so the rollback recreates it after the
            // table has its deployed name back.
            provides.push(Key::ContractOn(deployed.to_string()));
        }
        self.push(
            Phase::Contract,
            name,
            format!("drop view `{name}` while its tables change"),
            Op::DropView { view: old.clone() },
            None,
            Keys {
                releases,
                provides,
                ..Keys::default()
            },
        );
        let mut needs: Vec<Key> = Vec::new();
        for dep in &view.depends_on {
            let deployed = self.deployed_name(dep);
            needs.push(Key::RenamedTo(dep.to_string()));
            needs.push(Key::DroppedColumns(dep.to_string()));
            needs.push(Key::DroppedColumns(deployed.to_string()));
            needs.push(Key::RenamedIn(deployed.to_string()));
        }
        needs.push(Key::ViewFree(name.to_string()));
        self.push(
            Phase::Contract,
            name,
            format!("recreate view `{name}`"),
            Op::CreateView { view: view.clone() },
            Some(view.origin),
            Self::keys(&[], &needs),
        );
    }

    pub(super) fn view_needs(&self, view: &View) -> Vec<Key> {
        let mut needs = Vec::new();
        for dep in &view.depends_on {
            needs.push(table_key(dep));
            needs.push(Key::View(dep.to_string()));
            if self
                .added_columns
                .iter()
                .any(|c| c.starts_with(&format!("{dep}.")))
            {
                needs.push(columns_key(dep));
            }
        }
        needs
    }

    pub(super) fn natives(&mut self) {
        for (name, n) in &self.to.natives {
            match self.from.natives.get(name) {
                Some(old) if old.up == n.up && old.down == n.down && old.dialects == n.dialects => {
                }
                Some(old) => {
                    self.push(
                        Phase::Expand,
                        name,
                        format!("undo the previous native block `{name}`"),
                        Op::Native {
                            name: name.clone(),
                            up: old.down.clone(),
                            down: old.up.clone(),
                        },
                        Some(n.origin),
                        Self::keys(&[Key::NativeUndone(name.to_string())], &[]),
                    );
                    self.push(
                        Phase::Expand,
                        name,
                        format!("apply native block `{name}`"),
                        Op::Native {
                            name: name.clone(),
                            up: n.up.clone(),
                            down: n.down.clone(),
                        },
                        Some(n.origin),
                        Self::keys(
                            &[Key::Native(name.to_string())],
                            &[Key::NativeUndone(name.to_string())],
                        ),
                    );
                }
                None => self.push(
                    Phase::Expand,
                    name,
                    format!("apply native block `{name}`"),
                    Op::Native {
                        name: name.clone(),
                        up: n.up.clone(),
                        down: n.down.clone(),
                    },
                    Some(n.origin),
                    Self::keys(&[Key::Native(name.to_string())], &[]),
                ),
            }
        }
        for (name, old) in &self.from.natives {
            if !self.to.natives.contains_key(name) {
                // A declared index or constraint taking the name of an index the block made
                // is made (or renamed to it) after the block's undo.
                let provides = created_indexes(old)
                    .into_iter()
                    .map(|(_, index)| Key::Name(index))
                    .collect();
                self.push(
                    Phase::Contract,
                    name,
                    format!("undo native block `{name}`"),
                    Op::Native {
                        name: name.clone(),
                        up: old.down.clone(),
                        down: old.up.clone(),
                    },
                    None,
                    Keys {
                        provides,
                        ..Keys::default()
                    },
                );
            }
        }
    }

    /// The indexes, as (table, index), that deployed native blocks the declared schema no
    /// longer has made: their names are free only once contract undoes the blocks.
    pub(super) fn indexes_of_undone_natives(&self) -> BTreeSet<(String, String)> {
        self.from
            .natives
            .iter()
            .filter(|(name, _)| !self.to.natives.contains_key(*name))
            .flat_map(|(_, n)| created_indexes(n))
            .collect()
    }
}

/// The indexes, as (table, index), that a native block's `up` creates.
fn created_indexes(n: &Native) -> Vec<(String, String)> {
    n.up.iter()
        .filter_map(|sql| crate::sql::created_index(sql))
        .map(|c| (c.table, c.name))
        .collect()
}
