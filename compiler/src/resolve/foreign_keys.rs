//! Foreign keys checked once every table is known: the referenced table and columns exist,
//! match in number and type, and form a key.

use super::Resolver;
use crate::schema::*;
use migc_grammar::{Code, Diagnostic};

impl Resolver<'_> {
    pub(super) fn check_foreign_keys(&mut self, schema: &mut Schema) {
        let pending = std::mem::take(&mut self.pending_fks);
        for (table_name, index, site) in pending {
            let Some(fk) = schema.tables[&table_name].foreign_keys.get(index).cloned() else {
                continue;
            };
            let Some(target) = schema.tables.get(&fk.ref_table) else {
                self.diagnostics.push(
                    Diagnostic::error(
                        Code::UnknownTable,
                        format!("foreign key references unknown table `{}`", fk.ref_table),
                    )
                    .primary(site.table, "no such table")
                    .suggest(&fk.ref_table, schema.tables.keys().map(String::as_str)),
                );
                continue;
            };
            let mut ref_columns = fk.ref_columns.clone();
            if ref_columns.is_empty() {
                match &target.primary_key {
                    Some(pk) => ref_columns = pk.columns.clone(),
                    None => {
                        self.diagnostics.push(
                            Diagnostic::error(
                                Code::ForeignKeyNotUnique,
                                format!(
                                    "foreign key references `{}`, which has no primary key",
                                    target.name
                                ),
                            )
                            .primary(site.table, "no primary key to reference")
                            .help(format!(
                                "name the referenced columns: `references {}(<columns>)`",
                                target.name
                            )),
                        );
                        continue;
                    }
                }
            }
            let mut ok = true;
            for (i, col) in ref_columns.iter().enumerate() {
                if target.column(col).is_none() {
                    ok = false;
                    let span = site.ref_columns.get(i).copied().unwrap_or(site.table);
                    let names: Vec<&str> = target.columns.iter().map(|c| c.name.as_str()).collect();
                    self.diagnostics.push(
                        Diagnostic::error(
                            Code::UnknownColumn,
                            format!("unknown column `{col}` in table `{}`", target.name),
                        )
                        .primary(span, format!("not a column of `{}`", target.name))
                        .suggest(col, names),
                    );
                }
            }
            if !ok {
                continue;
            }
            if ref_columns.len() != fk.columns.len() {
                self.diagnostics.push(
                    Diagnostic::error(
                        Code::ForeignKeyMismatch,
                        format!(
                            "foreign key has {} column(s) but references {}",
                            fk.columns.len(),
                            ref_columns.len()
                        ),
                    )
                    .primary(
                        site.table,
                        format!("references {} column(s)", ref_columns.len()),
                    )
                    .secondary(
                        site.columns.first().copied().unwrap_or(fk.origin),
                        format!("{} column(s) here", fk.columns.len()),
                    ),
                );
                continue;
            }
            let source = &schema.tables[&table_name];
            for (i, (c, r)) in fk.columns.iter().zip(&ref_columns).enumerate() {
                let (Some(col), Some(rcol)) = (source.column(c), target.column(r)) else {
                    continue;
                };
                if col.ty != rcol.ty {
                    let at = site.columns.get(i).copied().unwrap_or(col.origin);
                    self.diagnostics.push(
                        Diagnostic::error(
                            Code::ForeignKeyMismatch,
                            format!(
                                "foreign key column `{c}` is `{}` but references `{}.{r}` of type `{}`",
                                col.ty, target.name, rcol.ty
                            ),
                        )
                        .primary(at, format!("`{}` here", col.ty))
                        .secondary(rcol.origin, format!("`{}` here", rcol.ty))
                        .help(format!("declare `{c}` as `{}`", rcol.ty)),
                    );
                }
                if let Some(span) = site.set_null {
                    if !col.nullable {
                        self.diagnostics.push(
                            Diagnostic::error(
                                Code::ConflictingAttributes,
                                format!(
                                    "`on delete set null` on column `{c}`, which is `not null`"
                                ),
                            )
                            .primary(span, "would set a `not null` column to null")
                            .secondary(col.origin, "declared `not null` here")
                            .help("make the column nullable or choose another action"),
                        );
                    }
                }
            }
            let mut wanted: Vec<&str> = ref_columns.iter().map(String::as_str).collect();
            wanted.sort_unstable();
            let is_key = |cols: &[&str]| {
                let mut cols = cols.to_vec();
                cols.sort_unstable();
                cols == wanted
            };
            let pk = target
                .primary_key
                .iter()
                .any(|p| is_key(&p.columns.iter().map(String::as_str).collect::<Vec<_>>()));
            let unique = target
                .uniques
                .iter()
                .any(|u| is_key(&u.columns.iter().map(String::as_str).collect::<Vec<_>>()));
            let unique_index = target.indexes.iter().any(|i| {
                i.unique && i.predicate.is_none() && i.plain_columns().is_some_and(|c| is_key(&c))
            });
            if !(pk || unique || unique_index) {
                self.diagnostics.push(
                    Diagnostic::error(
                        Code::ForeignKeyNotUnique,
                        format!(
                            "foreign key references `{}({})`, which is neither a primary key nor unique",
                            target.name,
                            ref_columns.join(", ")
                        ),
                    )
                    .primary(site.table, "referenced here")
                    .help(format!(
                        "add `unique ({})` to table `{}`",
                        ref_columns.join(", "),
                        target.name
                    )),
                );
                continue;
            }
            if let Some(t) = schema.tables.get_mut(&table_name) {
                t.foreign_keys[index].ref_columns = ref_columns;
            }
        }
    }
}
