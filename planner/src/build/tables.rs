//! Tables: created, dropped, renamed, and the diff of a table deployed on both sides.

use super::constraints::TableChange;
use super::*;

impl<'s> Builder<'s> {
    /// Creates new tables, drops removed ones and returns the pairs to diff (old, new).
    pub(super) fn tables(&mut self) -> Vec<(&'s Table, &'s Table)> {
        let mut pairs = Vec::new();
        let mut rename_sources: BTreeSet<&str> = BTreeSet::new();
        for (name, table) in &self.to.tables {
            if let Some(old) = self.from.tables.get(name) {
                if let Some(r) = &table.renamed_from {
                    self.stale(
                        table.origin,
                        format!("table `{name}` is already deployed; `renamed from {r}` is stale"),
                    );
                }
                pairs.push((old, table));
                continue;
            }
            if let Some(r) = &table.renamed_from {
                if let Some(old) = self.from.tables.get(r) {
                    rename_sources.insert(r);
                    self.rename_table(old, table);
                    pairs.push((old, table));
                    continue;
                }
                self.stale(
                    table.origin,
                    format!("table `{name}` is renamed from `{r}`, which is not deployed"),
                );
            }
            self.create_table(table);
        }
        for (name, old) in &self.from.tables {
            if self.to.tables.contains_key(name) || rename_sources.contains(name.as_str()) {
                continue;
            }
            let ack = self.to.dropped_tables.get(name);
            if ack.is_none() && !self.options.allow_destructive {
                let mut d = Diagnostic::error(
                    Code::Destructive,
                    format!("table `{name}` is dropped with its rows"),
                )
                .note("the table is deployed but no longer declared")
                .help(format!(
                    "add `drop table {name}` to acknowledge, or pass `--allow-destructive`"
                ));
                if let Some(similar) = self.to.tables.values().find(|t| {
                    !self.from.tables.contains_key(&t.name)
                        && t.renamed_from.is_none()
                        && same_columns(t, old)
                }) {
                    d = d.note(format!("`{}` has the same columns", similar.name));
                    self.diagnostics.push(
                        Diagnostic::warning(
                            Code::LooksLikeRename,
                            format!(
                                "table `{name}` is dropped and `{}` with the same columns is added",
                                similar.name
                            ),
                        )
                        .primary(similar.origin, "added here")
                        .help(format!(
                            "if it is a rename, write `table {} renamed from {name}`",
                            similar.name
                        )),
                    );
                }
                self.diagnostics.push(d);
                continue;
            }
            self.drop_table(old, ack.map(|a| a.origin));
        }
        for (name, ack) in &self.to.dropped_tables {
            if !self.from.tables.contains_key(name) {
                self.stale(
                    ack.origin,
                    format!("table `{name}` is not deployed; `drop table {name}` is stale"),
                );
            }
        }
        pairs
    }

    pub(super) fn create_table(&mut self, table: &'s Table) {
        let mut needs: Vec<Key> = table
            .columns
            .iter()
            .flat_map(|c| self.enum_needs(&c.ty))
            .collect();
        needs.sort();
        needs.dedup();
        let mut provides = vec![table_key(&table.name), columns_key(&table.name)];
        provides.extend(table.columns.iter().map(|c| col_key(&table.name, &c.name)));
        let mut shell = table.clone();
        shell.foreign_keys.clear();
        shell.indexes.clear();
        self.push(
            Phase::Expand,
            &table.name,
            format!("create table `{}`", table.name),
            Op::CreateTable { table: shell },
            Some(table.origin),
            Keys {
                provides,
                needs,
                ..Keys::default()
            },
        );
        for index in &table.indexes {
            self.create_index(Phase::Expand, &table.name, index);
        }
        for fk in &table.foreign_keys {
            self.add_foreign_key(&table.name, fk, false);
        }
    }

    /// Contract removes data its rollback cannot bring back: said once per object.
    pub(super) fn irreversible(&mut self, at: Option<Span>, what: String) {
        let mut d = Diagnostic::warning(
            Code::Irreversible,
            format!("{what} and its data are gone after contract"),
        )
        .note("rolling back contract brings it back empty: contract is the point of no return")
        .help("take a backup or an archive copy before contract if the data may be needed");
        if let Some(span) = at {
            d = d.primary(span, "removed here");
        }
        self.diagnostics.push(d);
    }

    pub(super) fn drop_table(&mut self, old: &'s Table, ack: Option<Span>) {
        self.irreversible(ack, format!("table `{}`", old.name));
        let mut releases: Vec<Key> = old
            .columns
            .iter()
            .flat_map(|c| self.enum_needs(&c.ty))
            .collect();
        for fk in &old.foreign_keys {
            releases.push(table_key(&fk.ref_table));
        }
        self.push(
            Phase::Contract,
            &old.name,
            format!("drop table `{}`", old.name),
            Op::DropTable { table: old.clone() },
            ack,
            Keys {
                removes: vec![table_key(&old.name), columns_key(&old.name)],
                releases,
                ..Keys::default()
            },
        );
    }

    pub(super) fn rename_table(&mut self, old: &'s Table, new: &'s Table) {
        self.push(
            Phase::Expand,
            &new.name,
            format!(
                "expose table `{}` as `{}` (an updatable view)",
                old.name, new.name
            ),
            Op::CreateTableAlias {
                table: old.name.clone(),
                alias: new.name.clone(),
            },
            Some(new.origin),
            Keys {
                needs: vec![table_key(&old.name), columns_key(&old.name)],
                provides: vec![table_key(&new.name)],
                ..Keys::default()
            },
        );
        self.push(
            Phase::Contract,
            &new.name,
            format!(
                "drop the view `{}` standing for table `{}`",
                new.name, old.name
            ),
            Op::DropTableAlias {
                table: old.name.clone(),
                alias: new.name.clone(),
            },
            Some(new.origin),
            Keys {
                provides: vec![Key::Free(new.name.to_string())],
                releases: vec![columns_key(&old.name)],
                removes: vec![Key::Alias(new.name.to_string())],
                ..Keys::default()
            },
        );
        self.push(
            Phase::Contract,
            &new.name,
            format!("rename table `{}` to `{}`", old.name, new.name),
            Op::RenameTable {
                from: old.name.clone(),
                to: new.name.clone(),
            },
            Some(new.origin),
            Keys {
                needs: vec![
                    Key::Free(new.name.to_string()),
                    Key::RenamedColumns(old.name.to_string()),
                ],
                provides: vec![Key::RenamedTo(new.name.to_string())],
                ..Keys::default()
            },
        );
    }

    /// Everything that changes within a table that exists on both sides. Steps name the table by
    /// its deployed name until contract renames it.
    pub(super) fn table_diff(&mut self, old: &'s Table, new: &'s Table) {
        let t = old.name.as_str();
        let mut sync = Sync {
            new_columns: Vec::new(),
            old_columns: Vec::new(),
            shadows: Vec::new(),
            kept: old
                .columns
                .iter()
                .filter(|o| new.column(&o.name).is_some())
                .map(|o| o.name.clone())
                .collect(),
            shadow_backs: Vec::new(),
            required: Vec::new(),
            new_version: None,
            old_version: None,
        };
        let mut leaving: Vec<&Column> = Vec::new();
        let mut consumed: BTreeSet<&str> = BTreeSet::new();
        let mut plain_added: Vec<&Column> = Vec::new();
        let mut retyped: BTreeMap<String, String> = BTreeMap::new();
        let mut added: BTreeSet<String> = BTreeSet::new();

        for c in &new.columns {
            if let Some(o) = old.column(&c.name) {
                let rebuilt = match (&o.ty, &c.ty) {
                    (ColumnType::Enum { name: a }, ColumnType::Enum { name: b }) if a == b => {
                        self.rebuilt_enums.get(a).cloned()
                    }
                    _ => None,
                };
                if let Some((temp, mapping)) = rebuilt {
                    let shadow = shadow_name(&c.name);
                    let mut target = c.clone();
                    target.ty = ColumnType::Enum { name: temp.clone() };
                    self.retype(old, o, &target, &shadow);
                    sync.shadows
                        .push((shadow.clone(), self.enum_up(&c.name, &temp, &mapping)));
                    if let ColumnType::Enum { name } = &o.ty {
                        sync.shadow_backs.push(ShadowBack {
                            column: c.name.clone(),
                            shadow: shadow.clone(),
                            down: Some(self.enum_down(&shadow, name, &mapping)),
                            deployed: o.ty.clone(),
                        });
                    }
                    if !c.nullable {
                        sync.required.push(shadow.clone());
                    }
                    retyped.insert(c.name.clone(), shadow);
                    leaving.push(o);
                    continue;
                }
                if let Some(up) = self.column_diff(old, new, o, c) {
                    let shadow = shadow_name(&c.name);
                    self.retype(old, o, c, &shadow);
                    sync.shadows.push((shadow.clone(), up));
                    let down = c.transform.as_ref().and_then(|t| t.down.as_ref()).map(|d| {
                        let map: BTreeMap<String, String> =
                            [(c.name.clone(), shadow.clone())].into();
                        Expr {
                            sql: crate::sql::rename_identifiers(&d.sql, &map),
                            origin: d.origin,
                        }
                    });
                    sync.shadow_backs.push(ShadowBack {
                        column: c.name.clone(),
                        shadow: shadow.clone(),
                        down,
                        deployed: o.ty.clone(),
                    });
                    if !c.nullable {
                        sync.required.push(shadow.clone());
                    }
                    retyped.insert(c.name.clone(), shadow);
                    leaving.push(o);
                }
                continue;
            }
            let renamed = c
                .renamed_from
                .as_deref()
                .filter(|r| old.column(r).is_some() && new.column(r).is_none());
            if let Some(r) = renamed {
                consumed.insert(r);
                let up = Expr {
                    sql: quote_generic(r),
                    origin: c.origin,
                };
                let down = Expr {
                    sql: quote_generic(&c.name),
                    origin: c.origin,
                };
                sync.new_columns.push((c.name.clone(), up));
                sync.old_columns.push((r.to_string(), Some(down)));
                if !c.nullable {
                    sync.required.push(c.name.clone());
                }
                self.computed_column(old, c, declared_before(new, &c.name));
                continue;
            }
            if let Some(tr) = &c.transform {
                if tr.from.iter().all(|s| old.column(s).is_some()) {
                    for s in &tr.from {
                        if new.column(s).is_none() {
                            consumed.insert(s);
                        }
                    }
                    sync.new_columns.push((c.name.clone(), tr.up.clone()));
                    if let (Some(down), [source]) = (&tr.down, tr.from.as_slice()) {
                        if new.column(source).is_none() {
                            sync.old_columns.push((source.clone(), Some(down.clone())));
                        }
                    }
                    self.check_lossy(old, c, tr);
                    if !c.nullable {
                        sync.required.push(c.name.clone());
                    }
                    self.computed_column(old, c, declared_before(new, &c.name));
                    continue;
                }
                self.stale(
                    tr.origin,
                    format!(
                        "column `{}.{}` is computed from `{}`, which is not deployed",
                        new.name,
                        c.name,
                        tr.from.join("`, `")
                    ),
                );
            } else if let Some(r) = &c.renamed_from {
                self.stale(
                    c.origin,
                    format!(
                        "column `{}.{}` is renamed from `{r}`, which is not deployed",
                        new.name, c.name
                    ),
                );
            }
            plain_added.push(c);
            added.insert(c.name.clone());
            self.add_column(old, c, declared_before(new, &c.name));
        }

        for o in &old.columns {
            if new.column(&o.name).is_some() {
                continue;
            }
            if leaving.iter().any(|l| l.name == o.name) {
                continue;
            }
            let retired = new.retired.iter().find(|r| r.name == o.name);
            let acked = new.dropped_columns.get(&o.name);
            if consumed.contains(o.name.as_str()) || retired.is_some() || acked.is_some() {
                // A `retire` with its own `down` replaces the transform's; a bare one keeps it.
                if let Some(down) = retired.and_then(|r| r.down.clone()) {
                    sync.old_columns.retain(|(n, _)| n != &o.name);
                    sync.old_columns.push((o.name.clone(), Some(down)));
                } else if retired.is_some() && !sync.old_columns.iter().any(|(n, _)| n == &o.name) {
                    sync.old_columns.push((o.name.clone(), None));
                }
                let filled = sync
                    .old_columns
                    .iter()
                    .any(|(n, d)| n == &o.name && d.is_some());
                if !filled && !o.nullable && o.default.is_none() {
                    self.relax_leaving_column(
                        t,
                        o,
                        retired.map(|r| r.origin).or(acked.map(|a| a.origin)),
                    );
                }
                // Neither renamed nor computed into the new shape: its values are gone after
                // contract.
                let carried = consumed.contains(o.name.as_str()) || filled;
                if !carried {
                    self.irreversible(
                        retired.map(|r| r.origin).or(acked.map(|a| a.origin)),
                        format!("column `{}.{}`", new.name, o.name),
                    );
                }
                leaving.push(o);
                continue;
            }
            if self.options.allow_destructive {
                self.irreversible(None, format!("column `{}.{}`", new.name, o.name));
                leaving.push(o);
                if !o.nullable && o.default.is_none() {
                    self.relax_leaving_column(t, o, None);
                }
                continue;
            }
            let mut d = Diagnostic::error(
                Code::Destructive,
                format!("column `{}.{}` is dropped with its data", new.name, o.name),
            )
            .primary(new.origin, format!("`{}` no longer declared here", o.name))
            .help(format!(
                "add `drop column {}` to acknowledge, `retire {} down (...)` to keep it filled for the old application, or pass `--allow-destructive`",
                o.name, o.name
            ));
            if let Some(similar) = plain_added.iter().find(|c| c.ty == o.ty) {
                d = d.note(format!(
                    "if `{}` is `{}` renamed, write `{} {} renamed from {}`",
                    similar.name, o.name, similar.name, similar.ty, o.name
                ));
                self.diagnostics.push(
                    Diagnostic::warning(
                        Code::LooksLikeRename,
                        format!(
                            "column `{}` is dropped and `{}` of the same type is added",
                            o.name, similar.name
                        ),
                    )
                    .primary(similar.origin, "added here")
                    .help(format!(
                        "if it is a rename, write `{} {} renamed from {}`",
                        similar.name, similar.ty, o.name
                    )),
                );
            }
            self.diagnostics.push(d);
        }
        for r in &new.retired {
            if old.column(&r.name).is_none() {
                self.stale(
                    r.origin,
                    format!(
                        "column `{}.{}` is not deployed; `retire {}` is stale",
                        new.name, r.name, r.name
                    ),
                );
            }
        }
        for (name, ack) in &new.dropped_columns {
            if old.column(name).is_none() {
                self.stale(
                    ack.origin,
                    format!(
                        "column `{}.{name}` is not deployed; `drop column {name}` is stale",
                        new.name
                    ),
                );
            }
        }

        self.constraints(&TableChange {
            old,
            new,
            leaving: &leaving,
            retyped: &retyped,
            added: &added,
        });

        self.overlap(old, new, &sync, &retyped, &leaving);

        self.collation_changes(old, new);
        self.on_update_changes(old, new);
        self.generated_changes(old, new);
        if self.options.move_columns {
            self.column_order(old, new);
        }

        let (was, now) = (Storage::of(old), Storage::of(new));
        if self.options.storage_options && was != now {
            self.push(
                Phase::Expand,
                t,
                format!("store table `{t}` with {}", now.describe()),
                Op::SetStorage {
                    table: t.to_string(),
                    storage: now,
                    previous: was,
                },
                Some(new.origin),
                Self::keys(&[], &[table_key(t)]),
            );
        }

        if let (true, Some(d)) = (self.options.table_options, self.options.dialect) {
            let (was, now) = (old.options.get(&d), new.options.get(&d));
            let same = migc_compiler::same_table_options(
                was.map_or("", |s| s.as_str()),
                now.map_or("", |s| s.as_str()),
            );
            if !same {
                self.push(
                    Phase::Expand,
                    t,
                    match now {
                        Some(o) => format!("store table `{t}` with `{o}`"),
                        None => format!("store table `{t}` without its table options"),
                    },
                    Op::SetTableOptions {
                        table: t.to_string(),
                        options: now.cloned(),
                        previous: was.cloned(),
                    },
                    Some(new.origin),
                    Self::keys(&[], &[table_key(t)]),
                );
            }
        }

        if old.comment != new.comment {
            self.push(
                Phase::Expand,
                t,
                format!("comment on table `{t}`"),
                Op::CommentTable {
                    table: t.to_string(),
                    text: new.comment.clone(),
                    previous: old.comment.clone(),
                },
                Some(new.origin),
                Self::keys(&[], &[table_key(t)]),
            );
        }
    }
}

/// The column declared just before `column` in `new`: where an added column goes.
fn declared_before(new: &Table, column: &str) -> Option<String> {
    let at = new.columns.iter().position(|c| c.name == column)?;
    at.checked_sub(1).map(|i| new.columns[i].name.clone())
}
