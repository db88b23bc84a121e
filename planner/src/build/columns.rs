//! Columns: added, computed from the deployed shape, made not null, changed in type.

use super::*;

impl<'s> Builder<'s> {
    /// A deployed `not null` column without default that the new application will not write:
    /// its inserts would fail, so the column accepts null from expand on.
    pub(super) fn relax_leaving_column(&mut self, t: &str, o: &Column, origin: Option<Span>) {
        self.push(
            Phase::Expand,
            &format!("{t}.{}", o.name),
            format!(
                "let `{t}.{}` accept null (the new application does not write it)",
                o.name
            ),
            Op::DropNotNull {
                table: t.to_string(),
                column: o.name.clone(),
            },
            origin,
            Self::keys(&[], &[table_key(t)]),
        );
        let mut d = Diagnostic::warning(
            Code::OldAppSeesChange,
            format!(
                "the old application reads null in `{t}.{}` for rows the new application writes",
                o.name
            ),
        )
        .note(format!(
            "`{}` is `not null` without a default and the new application does not write it",
            o.name
        ))
        .help(format!(
            "say how to fill it: `retire {} down (<expression over the new columns>)`",
            o.name
        ));
        if let Some(span) = origin {
            d = d.primary(span, "leaving here");
        }
        self.diagnostics.push(d);
    }

    pub(super) fn add_column(&mut self, old: &Table, c: &'s Column, after: Option<String>) {
        let t = old.name.as_str();
        self.added_columns.insert(format!("{t}.{}", c.name));
        if c.identity {
            self.diagnostics.push(
                Diagnostic::error(
                    Code::Unsupported,
                    format!("adding identity column `{t}.{}` to an existing table is not supported yet", c.name),
                )
                .primary(c.origin, "identity here")
                .note("filling an identity for existing rows rewrites the table under an exclusive lock"),
            );
            return;
        }
        let volatile = c.default.as_ref().is_some_and(is_volatile);
        if !c.nullable && c.default.is_none() && c.generated.is_none() {
            self.diagnostics.push(
                Diagnostic::error(
                    Code::NotNullWithoutDefault,
                    format!("new column `{t}.{}` is `not null` without a default", c.name),
                )
                .primary(c.origin, "existing rows and the old application's inserts have no value for it")
                .help("give it a `default`, compute it with `from <columns> up (...)`, or make it nullable"),
            );
            return;
        }
        let mut added = c.clone();
        added.transform = None;
        added.renamed_from = None;
        let needs_backfill = volatile;
        if needs_backfill {
            added.default = None;
            added.nullable = true;
        }
        let mut needs = self.enum_needs(&c.ty);
        needs.push(table_key(t));
        self.push(
            Phase::Expand,
            &format!("{t}.{}", c.name),
            format!("add column `{t}.{}`", c.name),
            Op::AddColumn {
                table: t.to_string(),
                column: added,
                role: ColumnRole::Plain,
                after,
            },
            Some(c.origin),
            Keys {
                provides: vec![col_key(t, &c.name), columns_key(t)],
                needs,
                ..Keys::default()
            },
        );
        if needs_backfill {
            let default = c.default.clone();
            self.push(
                Phase::Expand,
                &format!("{t}.{}", c.name),
                format!("set the default of `{t}.{}` for new rows", c.name),
                Op::SetDefault {
                    table: t.to_string(),
                    column: c.name.clone(),
                    default: default.clone(),
                    previous: None,
                },
                Some(c.origin),
                Self::keys(
                    &[Key::Default(t.to_string(), c.name.to_string())],
                    &[col_key(t, &c.name)],
                ),
            );
            let key = pk_types(old);
            if let Some(default) = default {
                self.push(
                    Phase::Backfill,
                    &format!("{t}.{}", c.name),
                    format!("backfill `{t}.{}` with its default", c.name),
                    Op::Backfill {
                        table: t.to_string(),
                        key,
                        assignments: vec![Assignment {
                            column: c.name.clone(),
                            value: default,
                            ty: c.ty.clone(),
                            shadow: false,
                        }],
                    },
                    Some(c.origin),
                    Self::keys(
                        &[Key::Backfilled(t.to_string())],
                        &[Key::Default(t.to_string(), c.name.to_string())],
                    ),
                );
            }
            if !c.nullable {
                self.not_null(t, c);
            }
        }
    }

    /// A column computed from the deployed shape (a rename or a transform).
    pub(super) fn computed_column(&mut self, old: &Table, c: &'s Column, after: Option<String>) {
        let t = old.name.as_str();
        self.added_columns.insert(format!("{t}.{}", c.name));
        let mut added = c.clone();
        added.nullable = true;
        added.default = None;
        added.transform = None;
        added.renamed_from = None;
        let mut needs = self.enum_needs(&c.ty);
        needs.push(table_key(t));
        self.push(
            Phase::Expand,
            &format!("{t}.{}", c.name),
            format!(
                "add column `{t}.{}` (filled from the deployed shape)",
                c.name
            ),
            Op::AddColumn {
                table: t.to_string(),
                column: added,
                role: ColumnRole::Computed,
                after,
            },
            Some(c.origin),
            Keys {
                provides: vec![col_key(t, &c.name), columns_key(t)],
                needs,
                ..Keys::default()
            },
        );
        if !c.nullable {
            self.not_null(t, c);
        }
        if c.default.is_some() {
            self.push(
                Phase::Contract,
                &format!("{t}.{}", c.name),
                format!("set the default of `{t}.{}`", c.name),
                Op::SetDefault {
                    table: t.to_string(),
                    column: c.name.clone(),
                    default: c.default.clone(),
                    previous: None,
                },
                Some(c.origin),
                Self::keys(&[], &[Key::SyncColumn(t.to_string(), c.name.to_string())]),
            );
        }
    }

    /// NOT NULL without a long exclusive lock: an unvalidated check in expand, validated in
    /// switch, where `SET NOT NULL` then needs no scan.
    ///
    /// The check is added only once the backfill has filled the column: a `NOT VALID` check
    /// still applies to every update, so added in expand it would refuse updates of rows not
    /// yet backfilled.
    pub(super) fn not_null(&mut self, t: &str, c: &Column) {
        let name = crate::names::not_null_check(t, &c.name);
        self.push(
            Phase::Switch,
            &format!("{t}.{}", c.name),
            format!("check `{t}.{}` is not null, without scanning", c.name),
            Op::AddNotNullCheck {
                table: t.to_string(),
                column: c.name.clone(),
                name: name.clone(),
            },
            Some(c.origin),
            Self::keys(
                &[Key::NotNullAdded(name.to_string())],
                &[col_key(t, &c.name)],
            ),
        );
        self.push(
            Phase::Switch,
            &format!("{t}.{}", c.name),
            format!("validate that `{t}.{}` holds no null", c.name),
            Op::ValidateConstraint {
                table: t.to_string(),
                name: name.clone(),
                constraint: Constraint::NotNull {
                    column: c.name.clone(),
                },
            },
            Some(c.origin),
            Self::keys(
                &[Key::NotNullValidated(name.to_string())],
                &[Key::NotNullAdded(name.to_string())],
            ),
        );
        self.push(
            Phase::Switch,
            &format!("{t}.{}", c.name),
            format!("set `{t}.{}` not null", c.name),
            Op::SetNotNull {
                table: t.to_string(),
                column: c.name.clone(),
                check: Some(name.clone()),
            },
            Some(c.origin),
            Self::keys(&[], &[Key::NotNullValidated(name.to_string())]),
        );
    }

    /// Changes of a column deployed under the same name. Returns the `up` expression when the
    /// column changes type through a shadow column (the caller plans the swap).
    pub(super) fn column_diff(
        &mut self,
        old_table: &Table,
        new_table: &Table,
        o: &Column,
        c: &'s Column,
    ) -> Option<Expr> {
        let t = old_table.name.as_str();
        if let Some(tr) = &c.transform {
            let retypes = o.ty != c.ty && !widening(&o.ty, &c.ty);
            // Same type, `up` repairing the values the new shape refuses (a null where the
            // column becomes `not null`), or `down` giving the old application a value where
            // the column stops being `not null`: the same shadow column, filled through `up`,
            // the deployed column kept filled through `down`.
            let repairs = o.ty == c.ty
                && !tr.implied
                && ((o.nullable && !c.nullable)
                    || (!o.nullable && c.nullable && tr.down.is_some()));
            if tr.from == [c.name.clone()] && (retypes || repairs) {
                let in_key = old_table
                    .primary_key
                    .iter()
                    .any(|pk| pk.columns.contains(&c.name))
                    || self.from.tables.values().any(|x| {
                        x.foreign_keys.iter().any(|fk| {
                            fk.ref_table == old_table.name && fk.ref_columns.contains(&c.name)
                        })
                    });
                if in_key || o.identity || c.identity {
                    self.diagnostics.push(
                        Diagnostic::error(
                            Code::Unsupported,
                            format!("changing the type of key column `{}.{}` is not supported yet", new_table.name, c.name),
                        )
                        .primary(tr.origin, "converted here")
                        .note("a primary key or a referenced column cannot be swapped while foreign keys point at it"),
                    );
                    return None;
                }
                let mut keeps = Diagnostic::warning(
                    Code::OldAppSeesChange,
                    if retypes {
                        format!(
                            "`{}.{}` keeps its type `{}` until contract",
                            new_table.name, c.name, o.ty
                        )
                    } else {
                        format!(
                            "`{}.{}` keeps its nullability until contract; a shadow column takes the new one",
                            new_table.name, c.name
                        )
                    },
                );
                if tr.implied {
                    keeps = keeps.note(format!(
                        "no `up` is declared: every `{}` value is a `{}`, so each converts as it is",
                        o.ty, c.ty
                    ));
                }
                self.diagnostics.push(
                    keeps
                    .primary(tr.origin, "converted through a shadow column")
                    .note(format!(
                        "a shadow column of type `{}` follows it through `up` and replaces it at contract; where the dialect gives each application version its own shape (PostgreSQL) the new application sees the shadow under the column's name from expand on",
                        c.ty
                    ))
                    .note(format!(
                        "elsewhere both versions see `{}` until contract, and the new application must write values that fit it",
                        o.ty
                    )),
                );
                self.check_lossy(old_table, c, tr);
                return Some(tr.up.clone());
            }
            if !(tr.from == [c.name.clone()] && o.ty != c.ty) {
                self.stale(tr.origin, format!("column `{}.{}` is already deployed; its `from`/`up` apply only when it is created", new_table.name, c.name));
            }
        }
        if let Some(r) = &c.renamed_from {
            self.stale(
                c.origin,
                format!(
                    "column `{}.{}` is already deployed; `renamed from {r}` is stale",
                    new_table.name, c.name
                ),
            );
        }
        if o.ty != c.ty {
            // A key or identity column keeps its place: changed in place where the dialect can,
            // never through a shadow column.
            let key = c.transform.is_none()
                && key_or_identity(old_table, o, c)
                && crate::implied::lossless(&o.ty, &c.ty);
            if key && (!self.options.alter_key_types || referenced(self.from, t, &o.name)) {
                self.diagnostics.push(
                    Diagnostic::error(
                        Code::Unsupported,
                        format!("changing the type of key column `{}.{}` is not supported yet", new_table.name, c.name),
                    )
                    .primary(c.origin, "new type here")
                    .note(if self.options.alter_key_types {
                        "the foreign keys referencing it need the same type: the column and theirs cannot change together without a gap"
                    } else {
                        "a primary key or identity column cannot be swapped for a shadow column"
                    }),
                );
                return None;
            }
            if key || widening(&o.ty, &c.ty) {
                self.push(
                    Phase::Expand,
                    &format!("{t}.{}", c.name),
                    format!("widen `{t}.{}` from `{}` to `{}`", c.name, o.ty, c.ty),
                    Op::AlterType {
                        table: t.to_string(),
                        column: c.name.clone(),
                        from: o.ty.clone(),
                        to: c.ty.clone(),
                        to_spellings: c.spellings.clone(),
                    },
                    Some(c.origin),
                    Self::keys(&[], &[table_key(t)]),
                );
            } else {
                self.diagnostics.push(
                    Diagnostic::error(
                        Code::TypeChangeWithoutTransform,
                        format!("column `{}.{}` changes type from `{}` to `{}`", new_table.name, c.name, o.ty, c.ty),
                    )
                    .primary(c.origin, "new type here")
                    .note("only widenings the database makes without rewriting the table happen in place")
                    .help(format!(
                        "say how values convert: `{} {} up (<convert {}>) down (<convert back>)`",
                        c.name, c.ty, c.name
                    )),
                );
                return None;
            }
        }
        if o.identity != c.identity {
            self.diagnostics.push(
                Diagnostic::error(
                    Code::Unsupported,
                    format!(
                        "changing `identity` of `{}.{}` is not supported yet",
                        new_table.name, c.name
                    ),
                )
                .primary(c.origin, "identity changes here"),
            );
        }
        if o.default != c.default {
            self.push(
                Phase::Expand,
                &format!("{t}.{}", c.name),
                match &c.default {
                    Some(d) => format!("set the default of `{t}.{}` to `{}`", c.name, d.sql),
                    None => format!("drop the default of `{t}.{}`", c.name),
                },
                Op::SetDefault {
                    table: t.to_string(),
                    column: c.name.clone(),
                    default: c.default.clone(),
                    previous: o.default.clone(),
                },
                Some(c.origin),
                Self::keys(
                    &[Key::Default(t.to_string(), c.name.to_string())],
                    &[table_key(t)],
                ),
            );
        }
        if o.nullable && !c.nullable {
            if let Some(default) = &c.default {
                self.push(
                    Phase::Backfill,
                    &format!("{t}.{}", c.name),
                    format!("fill null `{t}.{}` with its default", c.name),
                    Op::Backfill {
                        table: t.to_string(),
                        key: pk_types(old_table),
                        assignments: vec![Assignment {
                            column: c.name.clone(),
                            value: default.clone(),
                            ty: c.ty.clone(),
                            shadow: false,
                        }],
                    },
                    Some(c.origin),
                    Self::keys(&[], &[Key::Default(t.to_string(), c.name.to_string())]),
                );
            } else {
                self.diagnostics.push(
                    Diagnostic::warning(
                        Code::ValidationMayFail,
                        format!(
                            "`{}.{}` becomes `not null`; existing nulls make the switch fail",
                            new_table.name, c.name
                        ),
                    )
                    .primary(c.origin, "`not null` here")
                    .note(format!(
                        "find them: SELECT count(*) FROM {t} WHERE {} IS NULL",
                        c.name
                    ))
                    .help(
                        "give the column a default to fill them, or fix the rows before the switch",
                    ),
                );
            }
            self.not_null(t, c);
        } else if !o.nullable && c.nullable {
            self.push(
                Phase::Expand,
                &format!("{t}.{}", c.name),
                format!("let `{t}.{}` accept null", c.name),
                Op::DropNotNull {
                    table: t.to_string(),
                    column: c.name.clone(),
                },
                Some(c.origin),
                Self::keys(&[], &[table_key(t)]),
            );
            self.diagnostics.push(
                Diagnostic::warning(
                    Code::OldAppSeesChange,
                    format!(
                        "`{}.{}` accepts null from expand on; the old application may read null",
                        new_table.name, c.name
                    ),
                )
                .primary(c.origin, "nullable here"),
            );
        }
        if o.comment != c.comment {
            self.push(
                Phase::Expand,
                &format!("{t}.{}", c.name),
                format!("comment on column `{t}.{}`", c.name),
                Op::CommentColumn {
                    table: t.to_string(),
                    column: c.name.clone(),
                    text: c.comment.clone(),
                    previous: o.comment.clone(),
                },
                Some(c.origin),
                Self::keys(&[], &[table_key(t)]),
            );
        }
        None
    }

    /// An in-place type change: a shadow column of the new type, filled through `up` by the
    /// trigger and the backfill, replaces the column at contract.
    pub(super) fn retype(&mut self, old: &Table, o: &Column, c: &Column, shadow: &str) {
        let t = old.name.as_str();
        let mut added = c.clone();
        added.name = shadow.to_string();
        added.nullable = true;
        added.default = None;
        added.transform = None;
        added.comment = None;
        let mut needs = self.enum_needs(&c.ty);
        needs.push(table_key(t));
        self.push(
            Phase::Expand,
            &format!("{t}.{shadow}"),
            format!(
                "add shadow column `{t}.{shadow}` of type `{}` for `{}`",
                c.ty, c.name
            ),
            Op::AddColumn {
                table: t.to_string(),
                column: added,
                role: ColumnRole::Shadow { of: o.name.clone() },
                after: None,
            },
            Some(c.origin),
            Keys {
                provides: vec![col_key(t, shadow), columns_key(t)],
                needs,
                ..Keys::default()
            },
        );
        if !c.nullable {
            let mut shadow_col = c.clone();
            shadow_col.name = shadow.to_string();
            self.not_null(t, &shadow_col);
        }
        self.push(
            Phase::Contract,
            &format!("{t}.{}", c.name),
            format!("put shadow column `{shadow}` in place of `{t}.{}`", c.name),
            Op::RenameColumn {
                table: t.to_string(),
                from: shadow.to_string(),
                to: c.name.clone(),
            },
            Some(c.origin),
            Keys {
                needs: vec![
                    Key::Dropped(t.to_string(), o.name.to_string()),
                    Key::SyncColumn(t.to_string(), shadow.to_string()),
                ],
                provides: vec![Key::Renamed(t.to_string(), c.name.to_string())],
                ..Keys::default()
            },
        );
        if c.default.is_some() || c.comment.is_some() {
            if c.default.is_some() {
                self.push(
                    Phase::Contract,
                    &format!("{t}.{}", c.name),
                    format!("set the default of `{t}.{}`", c.name),
                    Op::SetDefault {
                        table: t.to_string(),
                        column: c.name.clone(),
                        default: c.default.clone(),
                        // What the column the rollback brings back had.
                        previous: o.default.clone(),
                    },
                    Some(c.origin),
                    Self::keys(&[], &[Key::Renamed(t.to_string(), c.name.to_string())]),
                );
            }
            if c.comment.is_some() {
                self.push(
                    Phase::Contract,
                    &format!("{t}.{}", c.name),
                    format!("comment on column `{t}.{}`", c.name),
                    Op::CommentColumn {
                        table: t.to_string(),
                        column: c.name.clone(),
                        text: c.comment.clone(),
                        previous: None,
                    },
                    Some(c.origin),
                    Self::keys(&[], &[Key::Renamed(t.to_string(), c.name.to_string())]),
                );
            }
        }
    }

    /// A deployed table's or column's collation that the declaration changes: refused, as it
    /// rewrites the table (MySQL, SQLite) or rebuilds its indexes under an exclusive lock
    /// (PostgreSQL). A declaration that names none keeps what is deployed.
    pub(super) fn collation_changes(&mut self, old: &Table, new: &Table) {
        let Some(d) = self.options.collations else {
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
        if let Some(now) = table_changes {
            let d = refuse(
                format!("table `{}`", new.name),
                new.origin,
                old.collation.get(&d),
                now,
            );
            self.diagnostics.push(d);
            return;
        }
        for c in &new.columns {
            let Some(o) = old.column(&c.name) else {
                continue;
            };
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

    /// A deployed column that becomes generated, stops being generated, or is computed
    /// otherwise: refused, as each dialect would rewrite the table or drop the column.
    pub(super) fn generated_changes(&mut self, old: &Table, new: &Table) {
        for c in &new.columns {
            let Some(o) = old.column(&c.name) else {
                continue;
            };
            let what = match (&o.generated, &c.generated) {
                (None, None) => continue,
                (Some(a), Some(b)) if a == b => continue,
                (None, Some(_)) => "making deployed column `{}` generated",
                (Some(_), None) => "making generated column `{}` an ordinary one",
                (Some(a), Some(b)) if a.stored != b.stored => {
                    "changing whether generated column `{}` is stored"
                }
                (Some(_), Some(_)) => "changing the expression of generated column `{}`",
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

    pub(super) fn check_lossy(&mut self, old: &Table, c: &Column, tr: &Transform) {
        let [source] = tr.from.as_slice() else { return };
        let Some(s) = old.column(source) else { return };
        let (Some(from), Some(to)) = (s.ty.builtin(), c.ty.builtin()) else {
            return;
        };
        use migc_stdlib::TypeClass::*;
        let lossy = match (from.class, to.class) {
            (a, b) if a == b => from.rank > to.rank || s.ty != c.ty && matches!(a, Decimal),
            (Decimal | Float, Integer)
            | (Text, Integer | Decimal | Float | Bool | Uuid | Temporal | Json) => true,
            _ => false,
        };
        if lossy {
            self.diagnostics.push(
                Diagnostic::warning(
                    Code::LossyCast,
                    format!("converting `{}` (`{}`) to `{}` (`{}`) may lose information", s.name, s.ty, c.name, c.ty),
                )
                .primary(tr.origin, "converted here")
                .note("rows whose value does not survive the round trip through `up` and `down` change when either application writes them")
                .help("check `down (up (x)) = x` for the values in use"),
            );
        }
    }
}
