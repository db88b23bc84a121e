//! Enums: new types, added and renamed values, and the rebuild that removes values.

use super::*;
use migc_compiler::schema::literal;

impl<'s> Builder<'s> {
    pub(super) fn enums(&mut self) {
        for (name, e) in &self.to.enums {
            let values: Vec<String> = e.values.iter().map(|v| v.name.clone()).collect();
            let Some(old) = self.from.enums.get(name) else {
                if let Some(r) = &e.renamed_from {
                    self.stale(
                        e.origin,
                        format!("enum `{name}` is renamed from `{r}`, which is not deployed"),
                    );
                }
                self.push(
                    Phase::Expand,
                    name,
                    format!("create enum `{name}`"),
                    Op::CreateEnum {
                        name: name.clone(),
                        values,
                    },
                    Some(e.origin),
                    Self::keys(&[Key::Enum(name.to_string())], &[]),
                );
                continue;
            };
            let old_values: Vec<&str> = old.values.iter().map(|v| v.name.as_str()).collect();
            let mut previous: Option<String> = None;
            let mut renamed_values: Vec<String> = Vec::new();
            for v in &e.values {
                let renamed = v.renamed_from.as_ref().filter(|o| {
                    old_values.contains(&o.as_str()) && !old_values.contains(&v.name.as_str())
                });
                if let Some(o) = renamed {
                    // Both labels exist while both versions run: the new one is added now, and
                    // the rebuild of the type maps rows from the old one at contract.
                    renamed_values.push(o.clone());
                    self.push(
                        Phase::Expand,
                        &format!("{name}.{}", v.name),
                        format!(
                            "add value `{}` to enum `{name}` (renamed from `{o}`)",
                            v.name
                        ),
                        Op::AddEnumValue {
                            name: name.clone(),
                            value: v.name.clone(),
                            after: previous.clone(),
                        },
                        Some(v.origin),
                        Keys {
                            provides: vec![Key::Enum(name.to_string())],
                            needs: vec![Key::EnumType(name.to_string())],
                            ..Keys::default()
                        },
                    );
                    self.diagnostics.push(
                        Diagnostic::warning(
                            Code::OldAppSeesChange,
                            format!(
                                "enum value `{o}` of `{name}` becomes `{}`: both labels exist until contract",
                                v.name
                            ),
                        )
                        .primary(v.origin, "renamed here")
                        .note(format!(
                            "until contract, rows either application writes keep the label it wrote: the new application reads `{o}` too, the old one may read `{}`",
                            v.name
                        )),
                    );
                } else if !old_values.contains(&v.name.as_str()) {
                    if v.renamed_from.is_some() {
                        self.stale(
                            v.origin,
                            format!(
                                "enum value `{}` is renamed from a value that is not deployed",
                                v.name
                            ),
                        );
                    }
                    // The type both versions' columns have gains the label: the old
                    // application's writes may hold it too until contract (a column with a
                    // `down` for the old application says so itself).
                    let mapped = self.to.tables.values().any(|t| {
                        t.columns.iter().any(|c| {
                            matches!(&c.ty, ColumnType::Enum { name: n } if n == name)
                                && c.transform.as_ref().is_some_and(|tr| tr.down.is_some())
                        })
                    });
                    if !mapped {
                        self.diagnostics.push(
                        Diagnostic::warning(
                            Code::OldAppSeesChange,
                            format!(
                                "enum `{name}` gains `{}` in expand: the old application's columns of that type accept it too",
                                v.name
                            ),
                        )
                        .primary(v.origin, "added here")
                        .note("until contract, the old application may read rows the new one wrote with it, and may write it itself"),
                        );
                    }
                    self.push(
                        Phase::Expand,
                        &format!("{name}.{}", v.name),
                        format!("add value `{}` to enum `{name}`", v.name),
                        Op::AddEnumValue {
                            name: name.clone(),
                            value: v.name.clone(),
                            after: previous.clone(),
                        },
                        Some(v.origin),
                        Keys {
                            provides: vec![Key::Enum(name.to_string())],
                            needs: vec![Key::EnumType(name.to_string())],
                            ..Keys::default()
                        },
                    );
                } else if v.renamed_from.is_some() {
                    self.stale(
                        v.origin,
                        format!(
                            "enum value `{}` is already deployed; `renamed from` is stale",
                            v.name
                        ),
                    );
                }
                previous = Some(v.name.clone());
            }
            let mut removed: Vec<String> = Vec::new();
            let renamed_away = renamed_values.clone();
            let kept: BTreeSet<&str> = e
                .values
                .iter()
                .flat_map(|v| std::iter::once(v.name.as_str()).chain(v.renamed_from.as_deref()))
                .collect();
            for old_value in &old.values {
                if kept.contains(old_value.name.as_str()) {
                    continue;
                }
                let acked = e.dropped_values.get(&old_value.name);
                if acked.is_none() && !self.options.allow_destructive {
                    self.diagnostics.push(
                        Diagnostic::error(
                            Code::Destructive,
                            format!("value `{}` of enum `{name}` is removed", old_value.name),
                        )
                        .primary(e.origin, "no longer lists it")
                        .note("rows holding the value would have to change")
                        .help(format!(
                            "add `drop {}` to the enum to acknowledge",
                            old_value.name
                        )),
                    );
                } else {
                    removed.push(old_value.name.clone());
                }
            }
            if !removed.is_empty() || !renamed_away.is_empty() {
                self.rebuild_enum(e, old, &removed);
            }
            for (dropped, ack) in &e.dropped_values {
                if !old_values.contains(&dropped.as_str()) {
                    self.stale(
                        ack.origin,
                        format!(
                            "enum value `{dropped}` is not deployed; `drop {dropped}` is stale"
                        ),
                    );
                }
            }
        }
        for (name, e) in &self.from.enums {
            if self.to.enums.contains_key(name) {
                continue;
            }
            let renamed = self
                .to
                .enums
                .values()
                .any(|n| n.renamed_from.as_deref() == Some(name));
            if renamed {
                self.diagnostics.push(
                    Diagnostic::error(
                        Code::Unsupported,
                        format!("renaming enum `{name}` is not supported yet"),
                    )
                    .primary(
                        self.to
                            .enums
                            .values()
                            .find(|n| n.renamed_from.as_deref() == Some(name))
                            .map_or(Span::default(), |n| n.origin),
                        "renamed here",
                    )
                    .help("keep the enum's name"),
                );
                continue;
            }
            self.push(
                Phase::Contract,
                name,
                format!("drop enum `{name}`"),
                Op::DropEnum {
                    name: name.clone(),
                    values: e.values.iter().map(|v| v.name.clone()).collect(),
                },
                None,
                Keys {
                    removes: vec![Key::Enum(name.to_string())],
                    ..Keys::default()
                },
            );
        }
    }

    /// Removing enum values without a table rewrite under lock: a new type with the declared
    /// values is created in expand, every column of the enum changes to it through a shadow
    /// column (removed labels become null, renamed labels their new name), and at contract the
    /// old type is dropped and the new one takes its name.
    pub(super) fn rebuild_enum(&mut self, e: &Enum, old: &Enum, removed: &[String]) {
        let name = &e.name;
        let temp = crate::names::temporary(name);
        // Values added to the deployed type stay planned: the new application writes them
        // there until contract swaps the types.
        let mut mapping: BTreeMap<String, Option<String>> = BTreeMap::new();
        for v in &old.values {
            let target = e
                .values
                .iter()
                .find(|n| n.name == v.name || n.renamed_from.as_deref() == Some(v.name.as_str()))
                .map(|n| n.name.clone());
            mapping.insert(v.name.clone(), target);
        }
        self.push(
            Phase::Expand,
            &temp,
            if removed.is_empty() {
                format!("create enum `{temp}`, the new shape of `{name}`")
            } else {
                format!(
                    "create enum `{temp}`, the new shape of `{name}` (without `{}`)",
                    removed.join("`, `")
                )
            },
            Op::CreateEnum {
                name: temp.clone(),
                values: e.values.iter().map(|v| v.name.clone()).collect(),
            },
            Some(e.origin),
            Self::keys(&[Key::Enum(temp.to_string())], &[]),
        );
        self.push(
            Phase::Contract,
            name,
            format!("give enum `{temp}` the name `{name}`"),
            Op::RenameEnum {
                from: temp.clone(),
                to: name.clone(),
            },
            Some(e.origin),
            // Replaces the deployed type once no column uses it anymore.
            Keys {
                provides: vec![Key::EnumRenamed(name.to_string())],
                removes: vec![Key::Enum(name.to_string())],
                ..Keys::default()
            },
        );
        if removed.is_empty() {
            self.rebuilt_enums.insert(name.clone(), (temp, mapping));
            return;
        }
        self.diagnostics.push(
            Diagnostic::warning(
                Code::ValidationMayFail,
                format!("rows holding `{}` of enum `{name}` must be changed before the switch", removed.join("`, `")),
            )
            .primary(e.origin, "values removed here")
            .note("the new shape has no such value: those rows get null in it and the switch's not-null validation fails")
            .note(format!(
                "find them: every column of type `{name}`, e.g. SELECT count(*) FROM <table> WHERE <column> IN ({})",
                removed.iter().map(|r| literal(r)).collect::<Vec<_>>().join(", ")
            )),
        );
        self.rebuilt_enums.insert(name.clone(), (temp, mapping));
    }

    /// The `up` of a column whose enum is rebuilt.
    pub(super) fn enum_up(
        &self,
        column: &str,
        temp: &str,
        mapping: &BTreeMap<String, Option<String>>,
    ) -> Expr {
        let arms = mapping.iter().filter_map(|(from, to)| match to {
            Some(to) if to == from => None,
            Some(to) => Some((from.as_str(), Some(to.as_str()))),
            None => Some((from.as_str(), None)),
        });
        relabel(column, temp, arms)
    }

    /// The deployed enum's label of a value of the rebuilt enum: `mapping` read backwards.
    pub(super) fn enum_down(
        &self,
        shadow: &str,
        deployed: &str,
        mapping: &BTreeMap<String, Option<String>>,
    ) -> Expr {
        let arms = mapping.iter().filter_map(|(from, to)| {
            let to = to.as_deref().filter(|to| *to != from)?;
            Some((to, Some(from.as_str())))
        });
        relabel(shadow, deployed, arms)
    }

    pub(super) fn enum_needs(&self, ty: &ColumnType) -> Vec<Key> {
        match ty {
            ColumnType::Enum { name } => vec![Key::Enum(name.to_string())],
            _ => Vec::new(),
        }
    }
}

/// `column`'s label as a value of the enum `ty`, with the labels of `arms` changed (`None`: to
/// null).
fn relabel<'a>(
    column: &str,
    ty: &str,
    arms: impl Iterator<Item = (&'a str, Option<&'a str>)>,
) -> Expr {
    let col = quote_generic(column);
    let ty = quote_generic(ty);
    let arms: String = arms
        .map(|(from, to)| {
            format!(
                " WHEN {} THEN {}",
                literal(from),
                to.map_or("NULL".to_string(), literal)
            )
        })
        .collect();
    let sql = if arms.is_empty() {
        format!("CAST(CAST({col} AS TEXT) AS {ty})")
    } else {
        format!("CAST(CASE CAST({col} AS TEXT){arms} ELSE CAST({col} AS TEXT) END AS {ty})")
    };
    Expr {
        sql,
        origin: Span::default(),
    }
}
