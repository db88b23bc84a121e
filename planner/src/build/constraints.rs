//! Constraints of a table deployed on both sides: the primary key and unique constraints here,
//! checks, foreign keys and indexes in their own files; renames of constraints.

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
    pub(super) fn drop_phase(&self, cols: &[String]) -> Phase {
        if self.goes(cols) {
            Phase::Contract
        } else {
            Phase::Expand
        }
    }

    pub(super) fn on_retyped(&self, cols: &[String]) -> bool {
        cols.iter().any(|c| self.retyped.contains_key(c))
    }

    /// New rows only ever hold the column's default or null: nothing to fail validation.
    pub(super) fn only_added(&self, cols: &[String]) -> bool {
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
                    self.rename_constraint(t, &o.name, &n.name, Constraint::PrimaryKey, n.origin);
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
        let native_indexes = self.indexes_of_undone_natives();
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
                self.rename_constraint(t, &o.name, &u.name, Constraint::Unique, u.origin);
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
                    .any(|o| o.name == u.name && o.columns != u.columns && cx.goes(&o.columns))
                || native_indexes.contains(&(t.to_string(), u.name.clone()));
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
                self.rename_constraint(t, &building, &u.name, Constraint::Unique, u.origin);
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

    pub(super) fn rename_constraint(
        &mut self,
        t: &str,
        from: &str,
        to: &str,
        constraint: Constraint,
        origin: Span,
    ) {
        self.push(
            Phase::Contract,
            &format!("{t}.{to}"),
            format!("rename constraint `{from}` to `{to}` on `{t}`"),
            Op::RenameConstraint {
                table: t.to_string(),
                from: from.to_string(),
                to: to.to_string(),
                constraint,
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
}
