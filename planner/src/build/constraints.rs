//! Constraints and indexes: matched by name then by definition; built, validated, renamed, dropped.

use super::*;

/// A table deployed on both sides, with what happens to its columns.
pub(super) struct TableChange<'s, 'a> {
    pub old: &'s Table,
    pub new: &'s Table,
    /// Columns that leave at contract.
    pub leaving: &'a [&'s Column],
    /// Columns that change type through a shadow column, to the shadow's name.
    pub retyped: &'a BTreeMap<String, String>,
    /// Columns this plan adds plainly (they hold only their default or null).
    pub added: &'a BTreeSet<String>,
}

impl TableChange<'_, '_> {
    pub(super) fn goes(&self, cols: &[String]) -> bool {
        cols.iter()
            .any(|c| self.leaving.iter().any(|l| &l.name == c))
    }

    /// Dropping a constraint relaxes it for both versions (expand), unless its columns leave.
    fn drop_phase(&self, cols: &[String]) -> Phase {
        if self.goes(cols) {
            Phase::Contract
        } else {
            Phase::Expand
        }
    }

    fn on_retyped(&self, cols: &[String]) -> bool {
        cols.iter().any(|c| self.retyped.contains_key(c))
    }

    /// New rows only ever hold the column's default or null: nothing to fail validation.
    fn only_added(&self, cols: &[String]) -> bool {
        !cols.is_empty() && cols.iter().all(|c| self.added.contains(c))
    }
}

impl<'s> Builder<'s> {
    /// Constraints and indexes. Objects are matched by name, then by definition (so a name that
    /// only changed because the table or a column was renamed becomes a cheap rename at contract).
    /// Objects over a column that changes type in place are rebuilt on its shadow column under a
    /// temporary name and take their final name at contract.
    /// Constraints and indexes. Objects are matched by name, then by definition (so a name that
    /// only changed because the table or a column was renamed becomes a cheap rename at contract).
    /// Objects over a column that changes type in place are rebuilt on its shadow column under a
    /// temporary name and take their final name at contract.
    pub(super) fn constraints(&mut self, cx: &TableChange<'s, '_>) {
        self.primary_key(cx);
        self.uniques(cx);
        self.checks(cx);
        self.foreign_keys(cx);
        self.indexes(cx);
    }

    /// The primary key: renamed, or swapped in from a concurrently built unique index.
    fn primary_key(&mut self, cx: &TableChange<'s, '_>) {
        let t = cx.old.name.as_str();
        let (old, new) = (cx.old, cx.new);
        match (&old.primary_key, &new.primary_key) {
            (Some(o), Some(n)) if o.columns == n.columns => {
                if o.name != n.name {
                    self.rename_constraint(t, &o.name, &n.name, n.origin);
                }
            }
            (None, None) => {}
            (Some(o), Some(n))
                if !cx.on_retyped(&n.columns) && !self.is_referenced(t, &o.columns) =>
            {
                // A new key: its unique index is built concurrently in expand (its columns are
                // made not null by switch) and swapped in with one statement at contract.
                let temp = temp_name(&n.name);
                let index = Index::unique_over(&temp, &n.columns, n.origin);
                self.create_index(Phase::Expand, t, &index);
                self.push(
                    Phase::Contract,
                    &format!("{t}.{}", n.name),
                    format!("replace primary key `{}` of `{t}` by `{}`", o.name, n.name),
                    Op::SwapPrimaryKey {
                        table: t.to_string(),
                        old: o.clone(),
                        new: n.clone(),
                        index: temp,
                    },
                    Some(n.origin),
                    Keys {
                        releases: o.columns.iter().map(|c| col_key(t, c)).collect(),
                        ..Keys::default()
                    },
                );
                self.diagnostics.push(
                    Diagnostic::warning(
                        Code::ValidationMayFail,
                        format!("primary key `{}` on existing rows of `{}` fails if they hold duplicates", n.name, new.name),
                    )
                    .primary(n.origin, "primary key here")
                    .note(format!(
                        "find them: SELECT {cols}, count(*) FROM {t} GROUP BY {cols} HAVING count(*) > 1",
                        cols = n.columns.join(", ")
                    )),
                );
            }
            (_, n) => {
                self.diagnostics.push(
                    Diagnostic::error(
                        Code::Unsupported,
                        format!("changing the primary key of `{}` is not supported yet", new.name),
                    )
                    .primary(n.as_ref().map_or(new.origin, |p| p.origin), "primary key here")
                    .note("a table gains or loses its key, or foreign keys reference the deployed key")
                    .help("keep the primary key; add a unique constraint for the new key instead"),
                );
            }
        }
    }

    /// Unique constraints: built as concurrent unique indexes, attached in switch.
    fn uniques(&mut self, cx: &TableChange<'s, '_>) {
        let t = cx.old.name.as_str();
        let (old, new) = (cx.old, cx.new);
        // Deployed objects whose name a rebuilt one takes at contract.
        let mut replaced: BTreeSet<String> = BTreeSet::new();
        let mut renamed: BTreeSet<&str> = BTreeSet::new();
        for u in &new.uniques {
            if old
                .uniques
                .iter()
                .any(|o| o.name == u.name && o.columns == u.columns)
                && !cx.on_retyped(&u.columns)
            {
                continue;
            }
            if let Some(o) = old.uniques.iter().find(|o| {
                o.columns == u.columns
                    && o.name != u.name
                    && !new.uniques.iter().any(|x| x.name == o.name)
                    && !renamed.contains(o.name.as_str())
                    && !cx.on_retyped(&u.columns)
            }) {
                renamed.insert(&o.name);
                self.rename_constraint(t, &o.name, &u.name, u.origin);
                continue;
            }
            let shadowed = cx.on_retyped(&u.columns);
            let columns: Vec<String> = u
                .columns
                .iter()
                .map(|c| cx.retyped.get(c).cloned().unwrap_or_else(|| c.clone()))
                .collect();
            // The deployed constraint of that name lives until contract: build this one under
            // a temporary name.
            let shadowed = shadowed
                || old
                    .uniques
                    .iter()
                    .any(|o| o.name == u.name && o.columns != u.columns && cx.goes(&o.columns));
            let building = if shadowed {
                temp_name(&u.name)
            } else {
                u.name.clone()
            };
            let index = Index::unique_over(&building, &columns, u.origin);
            self.create_index(Phase::Expand, t, &index);
            let unique = Unique {
                name: building.clone(),
                columns,
                origin: u.origin,
            };
            self.push(
                Phase::Switch,
                &format!("{t}.{building}"),
                format!("turn index `{building}` into a unique constraint"),
                Op::AttachUnique {
                    table: t.to_string(),
                    unique,
                },
                Some(u.origin),
                Self::keys(
                    &[Key::Constraint(u.name.to_string())],
                    &[Key::Index(building.to_string())],
                ),
            );
            if shadowed {
                replaced.insert(u.name.clone());
                self.rename_constraint(t, &building, &u.name, u.origin);
            } else if !cx.only_added(&u.columns) {
                let cols = u.columns.join(", ");
                self.diagnostics.push(
                    Diagnostic::warning(
                        Code::ValidationMayFail,
                        format!("unique `{}` on existing rows of `{}` fails if they hold duplicates", u.name, new.name),
                    )
                    .primary(u.origin, "unique here")
                    .note(format!("find them: SELECT {cols}, count(*) FROM {t} GROUP BY {cols} HAVING count(*) > 1")),
                );
            }
        }
        for u in &old.uniques {
            let kept = new
                .uniques
                .iter()
                .any(|n| n.name == u.name && n.columns == u.columns)
                && !cx.on_retyped(&u.columns);
            if kept || renamed.contains(u.name.as_str()) {
                continue;
            }
            let phase = if cx.on_retyped(&u.columns) {
                Phase::Contract
            } else {
                cx.drop_phase(&u.columns)
            };
            self.push(
                phase,
                &format!("{t}.{}", u.name),
                format!("drop unique constraint `{}` on `{t}`", u.name),
                Op::DropUnique {
                    table: t.to_string(),
                    unique: u.clone(),
                    replaced_by: replaced.contains(&u.name).then(|| temp_name(&u.name)),
                },
                None,
                Keys {
                    provides: vec![Key::Name(u.name.to_string())],
                    releases: u.columns.iter().map(|c| col_key(t, c)).collect(),
                    ..Keys::default()
                },
            );
        }
    }

    /// Checks: added for new rows in expand, validated in switch.
    fn checks(&mut self, cx: &TableChange<'s, '_>) {
        let t = cx.old.name.as_str();
        let (old, new) = (cx.old, cx.new);
        // Deployed objects whose name a rebuilt one takes at contract.
        let mut replaced: BTreeSet<String> = BTreeSet::new();
        let mut renamed: BTreeSet<&str> = BTreeSet::new();
        for ck in &new.checks {
            let cols = referenced_columns(new, &ck.expr);
            let shadowed = cx.on_retyped(&cols);
            if !shadowed
                && old
                    .checks
                    .iter()
                    .any(|o| o.name == ck.name && o.expr == ck.expr)
            {
                continue;
            }
            if let Some(o) = old.checks.iter().find(|o| {
                !shadowed
                    && o.expr == ck.expr
                    && o.name != ck.name
                    && !new.checks.iter().any(|x| x.name == o.name)
                    && !renamed.contains(o.name.as_str())
            }) {
                renamed.insert(&o.name);
                self.rename_constraint(t, &o.name, &ck.name, ck.origin);
                continue;
            }
            // The deployed check of that name lives until contract: build this one under a
            // temporary name.
            let shadowed = shadowed
                || old.checks.iter().any(|o| {
                    o.name == ck.name
                        && o.expr != ck.expr
                        && cx.drop_phase(&referenced_columns(old, &o.expr)) == Phase::Contract
                });
            let building = if shadowed {
                temp_name(&ck.name)
            } else {
                ck.name.clone()
            };
            let check = Check {
                name: building.clone(),
                expr: Expr {
                    sql: crate::sql::rename_identifiers(&ck.expr.sql, cx.retyped),
                    origin: ck.expr.origin,
                },
                origin: ck.origin,
            };
            let used: Vec<String> = cols
                .iter()
                .map(|c| cx.retyped.get(c).cloned().unwrap_or_else(|| c.clone()))
                .collect();
            let mut needs: Vec<Key> = used.iter().map(|c| col_key(t, c)).collect();
            needs.push(Key::Name(building.to_string()));
            self.push(
                Phase::Expand,
                &format!("{t}.{building}"),
                format!("add check `{building}` on `{t}` for new rows"),
                Op::AddCheck {
                    table: t.to_string(),
                    check,
                    not_valid: true,
                },
                Some(ck.origin),
                Self::keys(&[], &needs),
            );
            self.push(
                Phase::Switch,
                &format!("{t}.{building}"),
                format!("validate check `{building}` on existing rows"),
                Op::ValidateConstraint {
                    table: t.to_string(),
                    name: building.clone(),
                },
                Some(ck.origin),
                Keys::default(),
            );
            if shadowed {
                replaced.insert(ck.name.clone());
                self.rename_constraint(t, &building, &ck.name, ck.origin);
            } else if !cx.only_added(&cols) {
                self.diagnostics.push(
                    Diagnostic::warning(
                        Code::ValidationMayFail,
                        format!(
                            "check `{}` on existing rows of `{}` fails if one violates it",
                            ck.name, new.name
                        ),
                    )
                    .primary(ck.origin, "check here")
                    .note(format!(
                        "find them: SELECT count(*) FROM {t} WHERE NOT ({})",
                        ck.expr.sql
                    )),
                );
            }
        }
        for ck in &old.checks {
            let cols = referenced_columns(old, &ck.expr);
            let kept = !cx.on_retyped(&cols)
                && new
                    .checks
                    .iter()
                    .any(|n| n.name == ck.name && n.expr == ck.expr);
            if kept || renamed.contains(ck.name.as_str()) {
                continue;
            }
            let phase = if cx.on_retyped(&cols) {
                Phase::Contract
            } else {
                cx.drop_phase(&cols)
            };
            self.push(
                phase,
                &format!("{t}.{}", ck.name),
                format!("drop check `{}` on `{t}`", ck.name),
                Op::DropCheck {
                    table: t.to_string(),
                    check: ck.clone(),
                    replaced_by: replaced.contains(&ck.name).then(|| temp_name(&ck.name)),
                },
                None,
                Keys {
                    provides: vec![Key::Name(ck.name.to_string())],
                    releases: cols.iter().map(|c| col_key(t, c)).collect(),
                    ..Keys::default()
                },
            );
        }
    }

    /// Foreign keys: added for new rows in expand, validated in switch.
    fn foreign_keys(&mut self, cx: &TableChange<'s, '_>) {
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
                self.rename_constraint(t, &o.name, &fk.name, fk.origin);
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
                self.rename_constraint(t, &built.name, &fk.name, fk.origin);
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

    /// Indexes: built concurrently in expand, dropped at contract.
    fn indexes(&mut self, cx: &TableChange<'s, '_>) {
        let t = cx.old.name.as_str();
        let (old, new) = (cx.old, cx.new);
        let index_cols = |table: &Table, i: &Index| -> Vec<String> {
            let mut cols: Vec<String> = i
                .parts
                .iter()
                .flat_map(|p| referenced_columns(table, &p.expr))
                .collect();
            if let Some(p) = &i.predicate {
                cols.extend(referenced_columns(table, p));
            }
            cols
        };
        // Deployed objects whose name a rebuilt one takes at contract.
        let mut replaced: BTreeSet<String> = BTreeSet::new();
        let mut renamed: BTreeSet<&str> = BTreeSet::new();
        for i in &new.indexes {
            let cols = index_cols(new, i);
            let shadowed = cx.on_retyped(&cols);
            if !shadowed && old.indexes.iter().any(|o| same_index(o, i)) {
                continue;
            }
            if let Some(o) = old.indexes.iter().find(|o| {
                !shadowed
                    && same_index_shape(o, i)
                    && o.name != i.name
                    && !new.indexes.iter().any(|x| x.name == o.name)
                    && !renamed.contains(o.name.as_str())
            }) {
                renamed.insert(&o.name);
                self.push(
                    Phase::Contract,
                    &format!("{t}.{}", i.name),
                    format!("rename index `{}` to `{}`", o.name, i.name),
                    Op::RenameIndex {
                        from: o.name.clone(),
                        to: i.name.clone(),
                    },
                    Some(i.origin),
                    Self::keys(&[], &[Key::Name(i.name.to_string())]),
                );
                continue;
            }
            if shadowed {
                let mut built = i.clone();
                built.name = temp_name(&i.name);
                for p in &mut built.parts {
                    p.expr.sql = crate::sql::rename_identifiers(&p.expr.sql, cx.retyped);
                    p.column = p
                        .column
                        .as_ref()
                        .map(|c| cx.retyped.get(c).cloned().unwrap_or_else(|| c.clone()));
                }
                built.predicate = built.predicate.map(|mut e| {
                    e.sql = crate::sql::rename_identifiers(&e.sql, cx.retyped);
                    e
                });
                self.create_index(Phase::Expand, t, &built);
                replaced.insert(i.name.clone());
                self.push(
                    Phase::Contract,
                    &format!("{t}.{}", i.name),
                    format!("rename index `{}` to `{}`", built.name, i.name),
                    Op::RenameIndex {
                        from: built.name.clone(),
                        to: i.name.clone(),
                    },
                    Some(i.origin),
                    Self::keys(
                        &[],
                        &[
                            Key::Name(i.name.to_string()),
                            Key::Index(built.name.to_string()),
                        ],
                    ),
                );
                continue;
            }
            let changed = old.indexes.iter().any(|o| o.name == i.name);
            let phase = if changed {
                Phase::Contract
            } else {
                Phase::Expand
            };
            self.create_index(phase, t, i);
        }
        for i in &old.indexes {
            let cols = index_cols(old, i);
            let kept = !cx.on_retyped(&cols) && new.indexes.iter().any(|n| same_index(n, i));
            if kept || renamed.contains(i.name.as_str()) {
                continue;
            }
            self.push(
                Phase::Contract,
                &format!("{t}.{}", i.name),
                format!("drop index `{}` on `{t}`", i.name),
                Op::DropIndex {
                    table: t.to_string(),
                    index: i.clone(),
                    replaced_by: replaced.contains(&i.name).then(|| temp_name(&i.name)),
                },
                None,
                Keys {
                    provides: vec![Key::Name(i.name.to_string())],
                    releases: cols.iter().map(|c| col_key(t, c)).collect(),
                    ..Keys::default()
                },
            );
        }
    }

    pub(super) fn rename_constraint(&mut self, t: &str, from: &str, to: &str, origin: Span) {
        self.push(
            Phase::Contract,
            &format!("{t}.{to}"),
            format!("rename constraint `{from}` to `{to}` on `{t}`"),
            Op::RenameConstraint {
                table: t.to_string(),
                from: from.to_string(),
                to: to.to_string(),
            },
            Some(origin),
            Keys {
                needs: vec![
                    Key::Name(to.to_string()),
                    Key::Constraint(from.to_string()),
                    Key::Fk(from.to_string()),
                    Key::RenamedIn(t.to_string()),
                ],
                provides: vec![Key::Constraint(to.to_string())],
                ..Keys::default()
            },
        );
    }

    /// Whether foreign keys of the deployed schema reference these columns of table `t`.
    pub(super) fn is_referenced(&self, t: &str, columns: &[String]) -> bool {
        self.from.tables.values().any(|x| {
            x.foreign_keys
                .iter()
                .any(|fk| fk.ref_table == t && fk.ref_columns.iter().any(|c| columns.contains(c)))
        })
    }

    /// The deployed name of a table given its declared name.
    pub(super) fn deployed_name(&self, declared: &str) -> String {
        self.renamed_tables
            .iter()
            .find(|(_, new)| new.as_str() == declared)
            .map_or(declared.to_string(), |(old, _)| old.clone())
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

    pub(super) fn create_index(&mut self, phase: Phase, t: &str, index: &Index) {
        let table = self.to.tables.get(t).or_else(|| {
            self.renamed_tables
                .get(t)
                .and_then(|declared| self.to.tables.get(declared))
        });
        let mut needs: Vec<Key> = vec![table_key(t), Key::Name(index.name.to_string())];
        if let Some(table) = table {
            for p in &index.parts {
                needs.extend(
                    referenced_columns(table, &p.expr)
                        .iter()
                        .map(|c| col_key(t, c)),
                );
            }
            if let Some(pred) = &index.predicate {
                needs.extend(
                    referenced_columns(table, pred)
                        .iter()
                        .map(|c| col_key(t, c)),
                );
            }
        }
        self.push(
            phase,
            &format!("{t}.{}", index.name),
            format!(
                "create {}index `{}` on `{t}`",
                if index.unique { "unique " } else { "" },
                index.name
            ),
            Op::CreateIndex {
                table: t.to_string(),
                index: index.clone(),
            },
            Some(index.origin),
            Self::keys(&[Key::Index(index.name.to_string())], &needs),
        );
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
                },
                Some(fk.origin),
                Self::keys(&[], &[Key::Fk(fk.name.to_string())]),
            );
        }
    }
}
