//! Schema x Schema -> steps: the diff, the expand/backfill/switch/contract recipe of every kind of
//! change, and the safety findings met on the way.
//!
//! Steps name what they provide, need, release and remove as string keys (`table:users`,
//! `column:users.email`); [`crate::order`] turns those into graph edges.

use crate::step::{Op, Phase, Step, Sync};
use migc_compiler::schema::*;
use migc_grammar::{Code, Diagnostic, Span};
use std::collections::{BTreeMap, BTreeSet};

/// Choices the user makes on the command line.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Drop tables, columns and enum values even without `drop` acknowledgements.
    pub allow_destructive: bool,
}

/// Dependency keys of one step.
#[derive(Clone, Debug, Default)]
pub(crate) struct Keys {
    pub provides: Vec<String>,
    pub needs: Vec<String>,
    pub releases: Vec<String>,
    pub removes: Vec<String>,
}

pub(crate) struct Builder<'s> {
    pub from: &'s Schema,
    pub to: &'s Schema,
    pub options: &'s Options,
    pub steps: Vec<Step>,
    pub keys: Vec<Keys>,
    pub diagnostics: Vec<Diagnostic>,
    /// Columns added by this plan, per table (for views that read them).
    added_columns: BTreeSet<String>,
    /// Deployed name -> declared name of renamed tables.
    renamed_tables: BTreeMap<String, String>,
    /// Enums rebuilt because values are removed: name -> (temporary type, old label -> new
    /// label or `None` when removed).
    rebuilt_enums: BTreeMap<String, (String, BTreeMap<String, Option<String>>)>,
}

fn col_key(table: &str, column: &str) -> String {
    format!("column:{table}.{column}")
}

fn table_key(table: &str) -> String {
    format!("table:{table}")
}

fn columns_key(table: &str) -> String {
    format!("columns:{table}")
}

impl<'s> Builder<'s> {
    pub fn new(from: &'s Schema, to: &'s Schema, options: &'s Options) -> Builder<'s> {
        Builder {
            from,
            to,
            options,
            steps: Vec::new(),
            keys: Vec::new(),
            diagnostics: Vec::new(),
            added_columns: BTreeSet::new(),
            renamed_tables: BTreeMap::new(),
            rebuilt_enums: BTreeMap::new(),
        }
    }

    fn push(
        &mut self,
        phase: Phase,
        object: &str,
        summary: String,
        op: Op,
        origin: Option<Span>,
        mut keys: Keys,
    ) {
        // A table is renamed at contract after every other contract step on it, which all use
        // its deployed name.
        if phase == Phase::Contract {
            match &op {
                Op::RenameTable { from, .. } => keys.needs.push(format!("contract-on:{from}")),
                other => {
                    if let Some(t) = other.table() {
                        keys.provides.push(format!("contract-on:{t}"));
                    }
                }
            }
        }
        if let Op::RenameColumn { table, .. } = &op {
            keys.provides.push(format!("renamed-in:{table}"));
        }
        let kind = serde_json::to_value(&op)
            .ok()
            .and_then(|v| v.get("op").and_then(|o| o.as_str()).map(str::to_string))
            .unwrap_or_default();
        let mut id = format!("{}.{kind}.{object}", phase.name());
        let mut n = 2;
        while self.steps.iter().any(|s| s.id == id) {
            id = format!("{}.{kind}.{object}.{n}", phase.name());
            n += 1;
        }
        self.steps.push(Step {
            id,
            phase,
            summary,
            object: object.to_string(),
            op,
            after: Vec::new(),
            origin: origin.filter(|s| *s != Span::default()),
        });
        self.keys.push(keys);
    }

    fn keys(provides: &[String], needs: &[String]) -> Keys {
        Keys {
            provides: provides.to_vec(),
            needs: needs.to_vec(),
            ..Keys::default()
        }
    }

    pub fn build(&mut self) {
        for (name, table) in &self.to.tables {
            if let Some(r) = &table.renamed_from {
                if !self.from.tables.contains_key(name) && self.from.tables.contains_key(r) {
                    self.renamed_tables.insert(r.clone(), name.clone());
                }
            }
        }
        self.enums();
        let pairs = self.tables();
        for (old, new) in pairs {
            self.table_diff(old, new);
        }
        self.views();
        self.natives();
    }

    // ---------------------------------------------------------------------------------------
    // Enums

    fn enums(&mut self) {
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
                    Self::keys(&[format!("enum:{name}")], &[]),
                );
                continue;
            };
            let old_values: Vec<&str> = old.values.iter().map(|v| v.name.as_str()).collect();
            let mut previous: Option<String> = None;
            for v in &e.values {
                let renamed = v.renamed_from.as_ref().filter(|o| {
                    old_values.contains(&o.as_str()) && !old_values.contains(&v.name.as_str())
                });
                if let Some(o) = renamed {
                    self.push(
                        Phase::Contract,
                        &format!("{name}.{}", v.name),
                        format!("rename value `{o}` of enum `{name}` to `{}`", v.name),
                        Op::RenameEnumValue {
                            name: name.clone(),
                            from: o.clone(),
                            to: v.name.clone(),
                        },
                        Some(v.origin),
                        Keys {
                            needs: vec![format!("enum:{name}")],
                            ..Keys::default()
                        },
                    );
                    self.diagnostics.push(
                        Diagnostic::warning(
                            Code::OldAppSeesChange,
                            format!("enum value `{o}` of `{name}` is renamed to `{}` at contract", v.name),
                        )
                        .primary(v.origin, "renamed here")
                        .note(format!(
                            "until contract the database holds `{o}`: the new application must read and write `{o}` until then"
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
                            provides: vec![format!("enum:{name}")],
                            needs: vec![format!("enumtype:{name}")],
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
            if !removed.is_empty() {
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
        let rebuilt: Vec<(String, Vec<String>)> = self
            .rebuilt_enums
            .keys()
            .filter_map(|n| {
                self.from
                    .enums
                    .get(n)
                    .map(|e| (n.clone(), e.values.iter().map(|v| v.name.clone()).collect()))
            })
            .collect();
        for (name, values) in rebuilt {
            self.push(
                Phase::Contract,
                &name,
                format!("drop the old shape of enum `{name}`"),
                Op::DropEnum {
                    name: name.clone(),
                    values,
                },
                None,
                Keys {
                    removes: vec![format!("enum:{name}")],
                    provides: vec![format!("enum-dropped:{name}")],
                    ..Keys::default()
                },
            );
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
                    removes: vec![format!("enum:{name}")],
                    ..Keys::default()
                },
            );
        }
    }

    /// Removing enum values without a table rewrite under lock: a new type with the declared
    /// values is created in expand, every column of the enum changes to it through a shadow
    /// column (removed labels become null, renamed labels their new name), and at contract the
    /// old type is dropped and the new one takes its name.
    fn rebuild_enum(&mut self, e: &Enum, old: &Enum, removed: &[String]) {
        let name = &e.name;
        let temp: String = format!("{}__migc", name.chars().take(56).collect::<String>());
        // The value steps planned so far for this enum are superseded by the rebuild.
        let superseded: Vec<usize> = self
            .steps
            .iter()
            .enumerate()
            .filter(|(_, s)| matches!(&s.op, Op::AddEnumValue { name: n, .. } | Op::RenameEnumValue { name: n, .. } if n == name))
            .map(|(i, _)| i)
            .collect();
        for i in superseded.into_iter().rev() {
            self.steps.remove(i);
            self.keys.remove(i);
        }
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
            format!(
                "create enum `{temp}`, the new shape of `{name}` (without `{}`)",
                removed.join("`, `")
            ),
            Op::CreateEnum {
                name: temp.clone(),
                values: e.values.iter().map(|v| v.name.clone()).collect(),
            },
            Some(e.origin),
            Self::keys(&[format!("enum:{temp}")], &[]),
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
            Self::keys(
                &[format!("enum-renamed:{name}")],
                &[format!("enum-dropped:{name}")],
            ),
        );
        self.diagnostics.push(
            Diagnostic::warning(
                Code::ValidationMayFail,
                format!("rows holding `{}` of enum `{name}` must be changed before the switch", removed.join("`, `")),
            )
            .primary(e.origin, "values removed here")
            .note("the new shape has no such value: those rows get null in it and the switch's not-null validation fails")
            .note(format!(
                "find them: every column of type `{name}`, e.g. SELECT count(*) FROM <table> WHERE <column> IN ({})",
                removed.iter().map(|r| format!("'{r}'")).collect::<Vec<_>>().join(", ")
            )),
        );
        self.rebuilt_enums.insert(name.clone(), (temp, mapping));
    }

    /// The `up` of a column whose enum is rebuilt.
    fn enum_up(
        &self,
        column: &str,
        temp: &str,
        mapping: &BTreeMap<String, Option<String>>,
    ) -> Expr {
        let col = quote_generic(column);
        let mut arms = String::new();
        for (from, to) in mapping {
            match to {
                Some(to) if to == from => {}
                Some(to) => arms.push_str(&format!(" WHEN '{from}' THEN '{to}'")),
                None => arms.push_str(&format!(" WHEN '{from}' THEN NULL")),
            }
        }
        let sql = if arms.is_empty() {
            format!("CAST(CAST({col} AS TEXT) AS {temp})")
        } else {
            format!("CAST(CASE CAST({col} AS TEXT){arms} ELSE CAST({col} AS TEXT) END AS {temp})")
        };
        Expr {
            sql,
            origin: Span::default(),
        }
    }

    fn enum_needs(&self, ty: &ColumnType) -> Vec<String> {
        match ty {
            ColumnType::Enum { name } => vec![format!("enum:{name}")],
            _ => Vec::new(),
        }
    }

    // ---------------------------------------------------------------------------------------
    // Tables

    /// Creates new tables, drops removed ones and returns the pairs to diff (old, new).
    fn tables(&mut self) -> Vec<(&'s Table, &'s Table)> {
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

    fn create_table(&mut self, table: &'s Table) {
        let mut needs: Vec<String> = table
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

    fn drop_table(&mut self, old: &'s Table, ack: Option<Span>) {
        let mut releases: Vec<String> = old
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

    fn rename_table(&mut self, old: &'s Table, new: &'s Table) {
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
                provides: vec![format!("free:{}", new.name)],
                releases: vec![columns_key(&old.name)],
                removes: vec![format!("alias:{}", new.name)],
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
                    format!("free:{}", new.name),
                    format!("renamed-columns:{}", old.name),
                ],
                provides: vec![format!("renamed-to:{}", new.name)],
                ..Keys::default()
            },
        );
    }

    /// Everything that changes within a table that exists on both sides. Steps name the table by
    /// its deployed name until contract renames it.
    fn table_diff(&mut self, old: &'s Table, new: &'s Table) {
        let t = old.name.as_str();
        let mut sync = Sync {
            new_columns: Vec::new(),
            old_columns: Vec::new(),
            shadows: Vec::new(),
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
                    retyped.insert(c.name.clone(), shadow);
                    leaving.push(o);
                    continue;
                }
                if let Some(up) = self.column_diff(old, new, o, c) {
                    let shadow = shadow_name(&c.name);
                    self.retype(old, o, c, &shadow);
                    sync.shadows.push((shadow.clone(), up));
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
                self.computed_column(old, c);
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
                        if new.column(source).is_none()
                            && !new.retired.iter().any(|r| &r.name == source)
                        {
                            sync.old_columns.push((source.clone(), Some(down.clone())));
                        }
                    }
                    self.check_lossy(old, c, tr);
                    self.computed_column(old, c);
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
            self.add_column(old, c);
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
                if let Some(r) = retired {
                    sync.old_columns.retain(|(n, _)| n != &o.name);
                    sync.old_columns.push((o.name.clone(), r.down.clone()));
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
                leaving.push(o);
                continue;
            }
            if self.options.allow_destructive {
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

        self.constraints(old, new, &leaving, &retyped, &added);

        let has_sync = !sync.new_columns.is_empty()
            || !sync.shadows.is_empty()
            || sync.old_columns.iter().any(|(_, d)| d.is_some());
        if has_sync {
            let mut needs: Vec<String> = sync
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
                    provides: vec![format!("sync:{t}")],
                    ..Keys::default()
                },
            );
            let mut assignments = sync.new_columns.clone();
            assignments.extend(sync.shadows.iter().cloned());
            if !assignments.is_empty() {
                let key = old
                    .primary_key
                    .as_ref()
                    .map(|pk| {
                        pk.columns
                            .iter()
                            .filter_map(|c| old.column(c).map(|col| (c.clone(), col.ty.clone())))
                            .collect::<Vec<_>>()
                    })
                    .unwrap_or_default();
                if key.is_empty() {
                    self.diagnostics.push(
                        Diagnostic::error(
                            Code::Unsupported,
                            format!("table `{t}` has no primary key to backfill by"),
                        )
                        .primary(new.origin, "computed columns need a batched backfill")
                        .help("give the deployed table a primary key first, in a migration of its own"),
                    );
                }
                self.push(
                    Phase::Backfill,
                    t,
                    format!(
                        "backfill `{}` on `{t}`",
                        assignments
                            .iter()
                            .map(|(c, _)| c.as_str())
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
                        needs: vec![format!("sync:{t}")],
                        provides: vec![format!("backfilled:{t}")],
                        ..Keys::default()
                    },
                );
            }
            let mut releases: Vec<String> = sync
                .old_columns
                .iter()
                .map(|(c, _)| col_key(t, c))
                .collect();
            releases.extend(
                sync.new_columns
                    .iter()
                    .map(|(c, _)| format!("sync-col:{t}.{c}")),
            );
            releases.extend(retyped.keys().map(|c| col_key(t, c)));
            self.push(
                Phase::Contract,
                t,
                format!("remove the dual-write trigger on `{t}`"),
                Op::RemoveSync {
                    table: t.to_string(),
                    sync,
                },
                Some(new.origin),
                Keys {
                    releases,
                    ..Keys::default()
                },
            );
        }

        for o in leaving {
            let mut releases = self.enum_needs(&o.ty);
            releases.push(format!("renamed-columns:{t}"));
            self.push(
                Phase::Contract,
                &format!("{t}.{}", o.name),
                format!("drop column `{t}.{}`", o.name),
                Op::DropColumn {
                    table: t.to_string(),
                    column: o.clone(),
                },
                new.retired
                    .iter()
                    .find(|r| r.name == o.name)
                    .map(|r| r.origin)
                    .or(new.dropped_columns.get(&o.name).map(|a| a.origin)),
                Keys {
                    removes: vec![col_key(t, &o.name), columns_key(t)],
                    provides: vec![
                        format!("dropped-columns:{t}"),
                        format!("dropped:{t}.{}", o.name),
                    ],
                    releases,
                    ..Keys::default()
                },
            );
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

    /// A deployed `not null` column without default that the new application will not write:
    /// its inserts would fail, so the column accepts null from expand on.
    fn relax_leaving_column(&mut self, t: &str, o: &Column, origin: Option<Span>) {
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

    fn add_column(&mut self, old: &Table, c: &'s Column) {
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
        if !c.nullable && c.default.is_none() {
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
                Self::keys(&[format!("default:{t}.{}", c.name)], &[col_key(t, &c.name)]),
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
                        assignments: vec![(c.name.clone(), default)],
                    },
                    Some(c.origin),
                    Self::keys(
                        &[format!("backfilled:{t}")],
                        &[format!("default:{t}.{}", c.name)],
                    ),
                );
            }
            if !c.nullable {
                self.not_null(t, c);
            }
        }
    }

    /// A column computed from the deployed shape (a rename or a transform).
    fn computed_column(&mut self, old: &Table, c: &'s Column) {
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
                Self::keys(&[], &[format!("sync-col:{t}.{}", c.name)]),
            );
        }
    }

    /// NOT NULL without a long exclusive lock: an unvalidated check in expand, validated in
    /// switch, where `SET NOT NULL` then needs no scan.
    fn not_null(&mut self, t: &str, c: &Column) {
        let name = format!("{t}_{}_not_null", c.name);
        self.push(
            Phase::Expand,
            &format!("{t}.{}", c.name),
            format!("check `{t}.{}` is not null for new rows", c.name),
            Op::AddNotNullCheck {
                table: t.to_string(),
                column: c.name.clone(),
                name: name.clone(),
            },
            Some(c.origin),
            Self::keys(&[], &[col_key(t, &c.name)]),
        );
        self.push(
            Phase::Switch,
            &format!("{t}.{}", c.name),
            format!("validate that `{t}.{}` holds no null", c.name),
            Op::ValidateConstraint {
                table: t.to_string(),
                name: name.clone(),
            },
            Some(c.origin),
            Self::keys(&[format!("validated:{name}")], &[]),
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
            Self::keys(&[], &[format!("validated:{name}")]),
        );
    }

    /// Changes of a column deployed under the same name. Returns the `up` expression when the
    /// column changes type through a shadow column (the caller plans the swap).
    fn column_diff(
        &mut self,
        old_table: &Table,
        new_table: &Table,
        o: &Column,
        c: &'s Column,
    ) -> Option<Expr> {
        let t = old_table.name.as_str();
        if let Some(tr) = &c.transform {
            if tr.from == [c.name.clone()] && o.ty != c.ty && !widening(&o.ty, &c.ty) {
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
                self.diagnostics.push(
                    Diagnostic::warning(
                        Code::OldAppSeesChange,
                        format!(
                            "`{}.{}` keeps its type `{}` until contract, for both application versions",
                            new_table.name, c.name, o.ty
                        ),
                    )
                    .primary(tr.origin, "converted through a shadow column")
                    .note(format!(
                        "a shadow column of type `{}` follows it through `up` and replaces it at contract; until then the new application must write values that fit `{}`",
                        c.ty, o.ty
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
            if widening(&o.ty, &c.ty) {
                self.push(
                    Phase::Expand,
                    &format!("{t}.{}", c.name),
                    format!("widen `{t}.{}` from `{}` to `{}`", c.name, o.ty, c.ty),
                    Op::AlterType {
                        table: t.to_string(),
                        column: c.name.clone(),
                        from: o.ty.clone(),
                        to: c.ty.clone(),
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
                Self::keys(&[format!("default:{t}.{}", c.name)], &[table_key(t)]),
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
                        assignments: vec![(c.name.clone(), default.clone())],
                    },
                    Some(c.origin),
                    Self::keys(&[], &[format!("default:{t}.{}", c.name)]),
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
    fn retype(&mut self, old: &Table, o: &Column, c: &Column, shadow: &str) {
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
                    format!("dropped:{t}.{}", o.name),
                    format!("sync-col:{t}.{shadow}"),
                ],
                provides: vec![format!("renamed:{t}.{}", c.name)],
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
                        previous: None,
                    },
                    Some(c.origin),
                    Self::keys(&[], &[format!("renamed:{t}.{}", c.name)]),
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
                    Self::keys(&[], &[format!("renamed:{t}.{}", c.name)]),
                );
            }
        }
    }

    fn check_lossy(&mut self, old: &Table, c: &Column, tr: &Transform) {
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

    // ---------------------------------------------------------------------------------------
    // Constraints and indexes

    /// Constraints and indexes. Objects are matched by name, then by definition (so a name that
    /// only changed because the table or a column was renamed becomes a cheap rename at contract).
    /// Objects over a column that changes type in place are rebuilt on its shadow column under a
    /// temporary name and take their final name at contract.
    fn constraints(
        &mut self,
        old: &'s Table,
        new: &'s Table,
        leaving: &[&Column],
        retyped: &BTreeMap<String, String>,
        added: &BTreeSet<String>,
    ) {
        let t = old.name.as_str();
        let goes = |cols: &[String]| cols.iter().any(|c| leaving.iter().any(|l| &l.name == c));
        let drop_phase = |cols: &[String]| {
            if goes(cols) {
                Phase::Contract
            } else {
                Phase::Expand
            }
        };
        let on_retyped = |cols: &[String]| cols.iter().any(|c| retyped.contains_key(c));
        // New rows only ever hold the column's default or null: nothing to fail validation.
        let only_added =
            |cols: &[String]| !cols.is_empty() && cols.iter().all(|c| added.contains(c));

        // Primary key
        match (&old.primary_key, &new.primary_key) {
            (Some(o), Some(n)) if o.columns == n.columns => {
                if o.name != n.name {
                    self.rename_constraint(t, &o.name, &n.name, n.origin);
                }
            }
            (None, None) => {}
            (Some(o), Some(n)) if !on_retyped(&n.columns) && !self.is_referenced(t, &o.columns) => {
                // A new key: its unique index is built concurrently in expand (its columns are
                // made not null by switch) and swapped in with one statement at contract.
                let temp = temp_name(&n.name);
                let index = Index {
                    name: temp.clone(),
                    unique: true,
                    parts: n
                        .columns
                        .iter()
                        .map(|c| IndexPart {
                            expr: Expr {
                                sql: quote_generic(c),
                                origin: n.origin,
                            },
                            column: Some(c.clone()),
                            descending: false,
                        })
                        .collect(),
                    predicate: None,
                    origin: n.origin,
                };
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

        // Uniques
        let mut renamed: BTreeSet<&str> = BTreeSet::new();
        for u in &new.uniques {
            if old
                .uniques
                .iter()
                .any(|o| o.name == u.name && o.columns == u.columns)
                && !on_retyped(&u.columns)
            {
                continue;
            }
            if let Some(o) = old.uniques.iter().find(|o| {
                o.columns == u.columns
                    && o.name != u.name
                    && !new.uniques.iter().any(|x| x.name == o.name)
                    && !renamed.contains(o.name.as_str())
                    && !on_retyped(&u.columns)
            }) {
                renamed.insert(&o.name);
                self.rename_constraint(t, &o.name, &u.name, u.origin);
                continue;
            }
            let shadowed = on_retyped(&u.columns);
            let columns: Vec<String> = u
                .columns
                .iter()
                .map(|c| retyped.get(c).cloned().unwrap_or_else(|| c.clone()))
                .collect();
            let building = if shadowed {
                temp_name(&u.name)
            } else {
                u.name.clone()
            };
            let index = Index {
                name: building.clone(),
                unique: true,
                parts: columns
                    .iter()
                    .map(|c| IndexPart {
                        expr: Expr {
                            sql: quote_generic(c),
                            origin: u.origin,
                        },
                        column: Some(c.clone()),
                        descending: false,
                    })
                    .collect(),
                predicate: None,
                origin: u.origin,
            };
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
                    &[format!("constraint:{}", u.name)],
                    &[format!("index:{building}")],
                ),
            );
            if shadowed {
                self.rename_constraint(t, &building, &u.name, u.origin);
            } else if !only_added(&u.columns) {
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
                && !on_retyped(&u.columns);
            if kept || renamed.contains(u.name.as_str()) {
                continue;
            }
            let phase = if on_retyped(&u.columns) {
                Phase::Contract
            } else {
                drop_phase(&u.columns)
            };
            self.push(
                phase,
                &format!("{t}.{}", u.name),
                format!("drop unique constraint `{}` on `{t}`", u.name),
                Op::DropUnique {
                    table: t.to_string(),
                    unique: u.clone(),
                },
                None,
                Keys {
                    provides: vec![format!("name:{}", u.name)],
                    releases: u.columns.iter().map(|c| col_key(t, c)).collect(),
                    ..Keys::default()
                },
            );
        }

        // Checks
        let mut renamed: BTreeSet<&str> = BTreeSet::new();
        for ck in &new.checks {
            let cols = referenced_columns(new, &ck.expr);
            let shadowed = on_retyped(&cols);
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
            let building = if shadowed {
                temp_name(&ck.name)
            } else {
                ck.name.clone()
            };
            let check = Check {
                name: building.clone(),
                expr: Expr {
                    sql: crate::sql::rename_identifiers(&ck.expr.sql, retyped),
                    origin: ck.expr.origin,
                },
                origin: ck.origin,
            };
            let used: Vec<String> = cols
                .iter()
                .map(|c| retyped.get(c).cloned().unwrap_or_else(|| c.clone()))
                .collect();
            let mut needs: Vec<String> = used.iter().map(|c| col_key(t, c)).collect();
            needs.push(format!("name:{building}"));
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
                self.rename_constraint(t, &building, &ck.name, ck.origin);
            } else if !only_added(&cols) {
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
            let kept = !on_retyped(&cols)
                && new
                    .checks
                    .iter()
                    .any(|n| n.name == ck.name && n.expr == ck.expr);
            if kept || renamed.contains(ck.name.as_str()) {
                continue;
            }
            let phase = if on_retyped(&cols) {
                Phase::Contract
            } else {
                drop_phase(&cols)
            };
            self.push(
                phase,
                &format!("{t}.{}", ck.name),
                format!("drop check `{}` on `{t}`", ck.name),
                Op::DropCheck {
                    table: t.to_string(),
                    check: ck.clone(),
                },
                None,
                Keys {
                    provides: vec![format!("name:{}", ck.name)],
                    releases: cols.iter().map(|c| col_key(t, c)).collect(),
                    ..Keys::default()
                },
            );
        }

        // Foreign keys
        let mut renamed: BTreeSet<&str> = BTreeSet::new();
        for fk in &new.foreign_keys {
            let shadowed = on_retyped(&fk.columns);
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
            if shadowed {
                let mut built = fk.clone();
                built.name = temp_name(&fk.name);
                built.columns = fk
                    .columns
                    .iter()
                    .map(|c| retyped.get(c).cloned().unwrap_or_else(|| c.clone()))
                    .collect();
                self.add_foreign_key(t, &built, true);
                self.rename_constraint(t, &built.name, &fk.name, fk.origin);
                continue;
            }
            self.add_foreign_key(t, fk, true);
            if !only_added(&fk.columns) {
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
            let kept = !on_retyped(&fk.columns)
                && new
                    .foreign_keys
                    .iter()
                    .any(|n| n.name == fk.name && self.same_fk(fk, n));
            if kept || renamed.contains(fk.name.as_str()) {
                continue;
            }
            let target_goes = !self.to.tables.contains_key(&fk.ref_table)
                && !self.renamed_tables.contains_key(&fk.ref_table);
            let phase = if target_goes || on_retyped(&fk.columns) {
                Phase::Contract
            } else {
                drop_phase(&fk.columns)
            };
            let mut releases: Vec<String> = fk.columns.iter().map(|c| col_key(t, c)).collect();
            releases.push(table_key(&fk.ref_table));
            releases.extend(fk.ref_columns.iter().map(|c| col_key(&fk.ref_table, c)));
            self.push(
                phase,
                &format!("{t}.{}", fk.name),
                format!("drop foreign key `{}` on `{t}`", fk.name),
                Op::DropForeignKey {
                    table: t.to_string(),
                    fk: fk.clone(),
                },
                None,
                Keys {
                    provides: vec![format!("name:{}", fk.name)],
                    releases,
                    ..Keys::default()
                },
            );
        }

        // Indexes
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
        let mut renamed: BTreeSet<&str> = BTreeSet::new();
        for i in &new.indexes {
            let cols = index_cols(new, i);
            let shadowed = on_retyped(&cols);
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
                    Self::keys(&[], &[format!("name:{}", i.name)]),
                );
                continue;
            }
            if shadowed {
                let mut built = i.clone();
                built.name = temp_name(&i.name);
                for p in &mut built.parts {
                    p.expr.sql = crate::sql::rename_identifiers(&p.expr.sql, retyped);
                    p.column = p
                        .column
                        .as_ref()
                        .map(|c| retyped.get(c).cloned().unwrap_or_else(|| c.clone()));
                }
                built.predicate = built.predicate.map(|mut e| {
                    e.sql = crate::sql::rename_identifiers(&e.sql, retyped);
                    e
                });
                self.create_index(Phase::Expand, t, &built);
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
                        &[format!("name:{}", i.name), format!("index:{}", built.name)],
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
            let kept = !on_retyped(&cols) && new.indexes.iter().any(|n| same_index(n, i));
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
                },
                None,
                Keys {
                    provides: vec![format!("name:{}", i.name)],
                    releases: cols.iter().map(|c| col_key(t, c)).collect(),
                    ..Keys::default()
                },
            );
        }
    }

    fn rename_constraint(&mut self, t: &str, from: &str, to: &str, origin: Span) {
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
                    format!("name:{to}"),
                    format!("constraint:{from}"),
                    format!("fk:{from}"),
                    format!("renamed-in:{t}"),
                ],
                provides: vec![format!("constraint:{to}")],
                ..Keys::default()
            },
        );
    }

    /// Whether foreign keys of the deployed schema reference these columns of table `t`.
    fn is_referenced(&self, t: &str, columns: &[String]) -> bool {
        self.from.tables.values().any(|x| {
            x.foreign_keys
                .iter()
                .any(|fk| fk.ref_table == t && fk.ref_columns.iter().any(|c| columns.contains(c)))
        })
    }

    /// The deployed name of a table given its declared name.
    fn deployed_name(&self, declared: &str) -> String {
        self.renamed_tables
            .iter()
            .find(|(_, new)| new.as_str() == declared)
            .map_or(declared.to_string(), |(old, _)| old.clone())
    }

    fn same_fk(&self, old: &ForeignKey, new: &ForeignKey) -> bool {
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

    fn create_index(&mut self, phase: Phase, t: &str, index: &Index) {
        let table = self
            .to
            .tables
            .values()
            .find(|x| x.name == t || x.renamed_from.as_deref() == Some(t));
        let mut needs: Vec<String> = vec![table_key(t), format!("name:{}", index.name)];
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
            Self::keys(&[format!("index:{}", index.name)], &needs),
        );
    }

    fn add_foreign_key(&mut self, t: &str, fk: &ForeignKey, existing_table: bool) {
        // Until contract renames it, a renamed table is known by its deployed name (the new
        // name is a view).
        let mut deployed = fk.clone();
        deployed.ref_table = self.deployed_name(&fk.ref_table);
        let fk = &deployed;
        let mut needs: Vec<String> = fk.columns.iter().map(|c| col_key(t, c)).collect();
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
                needs.push(format!("constraint:{}", u.name));
            }
        }
        needs.push(format!("name:{}", fk.name));
        let phase = if needs.iter().any(|n| n.starts_with("constraint:")) && existing_table {
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
            Self::keys(&[format!("fk:{}", fk.name)], &needs),
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
                Self::keys(&[], &[format!("fk:{}", fk.name)]),
            );
        }
    }

    // ---------------------------------------------------------------------------------------
    // Views and natives

    fn views(&mut self) {
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
                        Self::keys(&[format!("view:{name}")], &needs),
                    );
                    if touched(self, view) {
                        self.recreate_view_at_contract(view, view);
                    }
                }
                Some(old) if old.query != view.query => {
                    if touched(self, view) {
                        self.recreate_view_at_contract(view, view);
                    }
                    self.push(
                        Phase::Expand,
                        name,
                        format!("drop view `{name}` to redefine it"),
                        Op::DropView { view: old.clone() },
                        Some(view.origin),
                        Self::keys(&[format!("viewfree:{name}")], &[]),
                    );
                    let mut needs = needs;
                    needs.push(format!("viewfree:{name}"));
                    self.push(
                        Phase::Expand,
                        name,
                        format!("create view `{name}` with its new query"),
                        Op::CreateView { view: view.clone() },
                        Some(view.origin),
                        Self::keys(&[format!("view:{name}")], &needs),
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
            let releases: Vec<String> = view
                .depends_on
                .iter()
                .flat_map(|t| [columns_key(t), table_key(t)])
                .collect();
            self.push(
                Phase::Contract,
                name,
                format!("drop view `{name}`"),
                Op::DropView { view: view.clone() },
                None,
                Keys {
                    releases,
                    ..Keys::default()
                },
            );
        }
    }

    /// A view over tables that change at contract is dropped before and created again after.
    fn recreate_view_at_contract(&mut self, old: &View, view: &View) {
        let name = &view.name;
        let mut releases: Vec<String> = Vec::new();
        for t in &old.depends_on {
            let deployed = self.deployed_name(t);
            releases.extend([
                columns_key(t),
                table_key(t),
                format!("alias:{t}"),
                columns_key(&deployed),
            ]);
        }
        self.push(
            Phase::Contract,
            name,
            format!("drop view `{name}` while its tables change"),
            Op::DropView { view: old.clone() },
            None,
            Keys {
                releases,
                provides: vec![format!("viewfree:{name}")],
                ..Keys::default()
            },
        );
        let mut needs: Vec<String> = Vec::new();
        for dep in &view.depends_on {
            let deployed = self.deployed_name(dep);
            needs.push(format!("renamed-to:{dep}"));
            needs.push(format!("dropped-columns:{dep}"));
            needs.push(format!("dropped-columns:{deployed}"));
            needs.push(format!("renamed-in:{deployed}"));
        }
        needs.push(format!("viewfree:{name}"));
        self.push(
            Phase::Contract,
            name,
            format!("recreate view `{name}`"),
            Op::CreateView { view: view.clone() },
            Some(view.origin),
            Self::keys(&[], &needs),
        );
    }

    fn view_needs(&self, view: &View) -> Vec<String> {
        let mut needs = Vec::new();
        for dep in &view.depends_on {
            needs.push(table_key(dep));
            needs.push(format!("view:{dep}"));
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

    fn natives(&mut self) {
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
                        Self::keys(&[format!("native-undone:{name}")], &[]),
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
                            &[format!("native:{name}")],
                            &[format!("native-undone:{name}")],
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
                    Self::keys(&[format!("native:{name}")], &[]),
                ),
            }
        }
        for (name, old) in &self.from.natives {
            if !self.to.natives.contains_key(name) {
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
                    Keys::default(),
                );
            }
        }
    }

    fn stale(&mut self, span: Span, message: String) {
        let mut d = Diagnostic::warning(Code::StaleHint, message)
            .help("the hint no longer matches the deployed schema: remove it");
        if span != Span::default() {
            d = d.primary(span, "stale hint");
        }
        self.diagnostics.push(d);
    }
}

fn pk_types(table: &Table) -> Vec<(String, ColumnType)> {
    table
        .primary_key
        .iter()
        .flat_map(|pk| &pk.columns)
        .filter_map(|c| table.column(c).map(|col| (c.clone(), col.ty.clone())))
        .collect()
}

fn same_columns(a: &Table, b: &Table) -> bool {
    a.columns.len() == b.columns.len()
        && a.columns
            .iter()
            .zip(&b.columns)
            .all(|(x, y)| x.name == y.name && x.ty == y.ty)
}

fn same_index(a: &Index, b: &Index) -> bool {
    a.name == b.name
        && a.unique == b.unique
        && a.predicate == b.predicate
        && a.parts.len() == b.parts.len()
        && a.parts
            .iter()
            .zip(&b.parts)
            .all(|(x, y)| x.expr == y.expr && x.descending == y.descending)
}

/// The same index under another name.
fn same_index_shape(a: &Index, b: &Index) -> bool {
    let mut renamed = b.clone();
    renamed.name = a.name.clone();
    same_index(a, &renamed)
}

/// The shadow column of an in-place type change.
fn shadow_name(column: &str) -> String {
    let base: String = column.chars().take(50).collect();
    format!("{base}__migc_new")
}

/// The name an object is built under before it takes its final name at contract.
fn temp_name(name: &str) -> String {
    let base: String = name.chars().take(56).collect();
    format!("{base}__migc")
}

/// Whether an expression gives a different value per row (`gen_uuid()`); such a default cannot
/// be stored once for every existing row.
fn is_volatile(e: &Expr) -> bool {
    migc_stdlib::functions()
        .iter()
        .filter(|f| f.volatile && f.name != "now" && f.name != "current_date")
        .any(|f| e.sql.to_ascii_lowercase().contains(&format!("{}(", f.name)))
}

/// Changes the database makes in place without rewriting the table (PostgreSQL's binary
/// coercible widenings): longer varchar, varchar to text, more decimal precision at the same
/// scale.
fn widening(from: &ColumnType, to: &ColumnType) -> bool {
    match (from, to) {
        (ColumnType::Builtin { name: a, args: x }, ColumnType::Builtin { name: b, args: y }) => {
            match (a.as_str(), b.as_str()) {
                ("varchar", "varchar") => y.first() >= x.first(),
                ("varchar", "text") => true,
                ("decimal", "decimal") => y.first() >= x.first() && y.get(1) == x.get(1),
                _ => false,
            }
        }
        _ => false,
    }
}

/// The columns of `table` an expression mentions (by identifier).
pub(crate) fn referenced_columns(table: &Table, e: &Expr) -> Vec<String> {
    crate::sql::identifiers(&e.sql)
        .into_iter()
        .filter(|i| table.column(i).is_some())
        .collect()
}

/// A column name as an SQL identifier in the neutral text (quoted when not plain lower case).
fn quote_generic(name: &str) -> String {
    if name
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && name.chars().next().is_some_and(|c| !c.is_ascii_digit())
    {
        name.to_string()
    } else {
        format!("\"{}\"", name.replace('"', "\"\""))
    }
}
