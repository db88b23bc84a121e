//! Columns: added, computed from the deployed shape, made not null, and what changes of a
//! deployed column need (a type change goes through a shadow column, see `retype`).

use super::*;
use column_transitions::constraints_changed;

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
            // A widening with a declared `down` other than the value itself (what the old
            // application reads of a value its type cannot hold) goes through a shadow too, so
            // that the new application's writes and the rollback get it.
            let narrowing_down = tr
                .down
                .as_ref()
                .is_some_and(|d| d.sql.trim() != quote_generic(&c.name));
            let retypes = o.ty != c.ty
                && (!widening(&o.ty, &c.ty, self.options.dialect)
                    || (narrowing_down && !tr.implied));
            // Same type, `up` repairing the values the new shape refuses (a null where the
            // column becomes `not null`), or `down` giving the old application a value where
            // the column stops being `not null`: the same shadow column, filled through `up`,
            // the deployed column kept filled through `down`.
            // Likewise where a check, unique key or foreign key on the column comes (`up`
            // repairing the values it refuses) or goes (`down` giving the old application
            // values its own holds).
            // And where the column's enum gains labels, `down` giving the old application a
            // label of its own for each new one: where each version has a shape of its own;
            // elsewhere both read the deployed column, and a rollback maps the new labels.
            let (comes, goes) = constraints_changed(old_table, new_table, &c.name);
            let labels_down = o.ty == c.ty
                && !tr.implied
                && tr.down.is_some()
                && !self.added_labels(&c.ty).is_empty();
            let repairs = o.ty == c.ty
                && !tr.implied
                && ((o.nullable && !c.nullable)
                    || (!o.nullable && c.nullable && tr.down.is_some())
                    || comes
                    || (goes && tr.down.is_some())
                    || (labels_down && self.options.version_views));
            // `up` reads the column itself, and maybe others of the row (`from title, id`).
            if tr.from.contains(&c.name) && (retypes || repairs) {
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
                    } else if labels_down {
                        format!(
                            "`{}.{}` keeps the labels of its enum until contract; a shadow column takes the new ones",
                            new_table.name, c.name
                        )
                    } else {
                        format!(
                            "`{}.{}` keeps its nullability and constraints until contract; a shadow column takes the new ones",
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
                        "a shadow column of type `{}` follows it through `up` and replaces it at contract; where the dialect gives each application version its own shape (PostgreSQL, MySQL/MariaDB) the new application sees the shadow under the column's name from expand on",
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
            if labels_down && !self.options.version_views && tr.from.contains(&c.name) {
                self.map_labels_on_rollback(t, c, tr);
            } else if !(tr.from.contains(&c.name) && o.ty != c.ty) {
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
                && crate::implied::lossless(&o.ty, &c.ty, self.options.dialect);
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
            let stored_alike =
                !widening(&o.ty, &c.ty, self.options.dialect) && self.keeps_values(o, c);
            if key || widening(&o.ty, &c.ty, self.options.dialect) || stored_alike {
                let summary = if stored_alike && !key {
                    format!(
                        "declare `{t}.{}` as `{}` (was `{}`): every stored value stays as it is",
                        c.name, c.ty, o.ty
                    )
                } else {
                    format!("widen `{t}.{}` from `{}` to `{}`", c.name, o.ty, c.ty)
                };
                self.alter_type_in_place(t, o, c, summary);
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
        } else if self.respelled(o, c) {
            // The same type spelled otherwise for the dialect (SQLite's `int` to `bigint`):
            // written as declared where the database stores every value alike.
            let spelled = |x: &Column| {
                self.options
                    .dialect
                    .and_then(|d| x.spellings.get(&d).cloned())
                    .unwrap_or_else(|| x.ty.to_string())
            };
            let summary = format!(
                "declare `{t}.{}` as `{}` (was `{}`): every stored value stays as it is",
                c.name,
                spelled(c),
                spelled(o)
            );
            self.alter_type_in_place(t, o, c, summary);
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
}
