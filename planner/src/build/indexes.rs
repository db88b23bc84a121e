//! Indexes: matched by name then by definition; built without blocking writes, rebuilt on a
//! shadow column under a temporary name, renamed, dropped.

use super::constraints::TableChange;
use super::*;

impl<'s> Builder<'s> {
    /// Indexes: built concurrently in expand, dropped at contract.
    pub(super) fn indexes(&mut self, cx: &TableChange<'s, '_>) {
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
        let native_indexes = self.indexes_of_undone_natives();
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
                        table: t.to_string(),
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
                        table: t.to_string(),
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
            // The deployed index of that name (or one a native block made) goes at contract.
            let changed = old.indexes.iter().any(|o| o.name == i.name)
                || native_indexes.contains(&(t.to_string(), i.name.clone()));
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
}
