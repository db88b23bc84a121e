//! Transition hints of a table's columns: `renamed from`, `from … up … down …` and `retire`.

use crate::expr::Scope;
use crate::resolve::Resolver;
use crate::schema::*;
use migc_grammar::ast::{self, ColumnAttr};
use migc_grammar::{Code, Diagnostic, Span};
use std::collections::BTreeMap;

impl Resolver<'_> {
    #[allow(clippy::too_many_arguments)]
    pub(super) fn transform(
        &mut self,
        def: &ast::ColumnDef,
        from: Option<(&[ast::Ident], Span)>,
        up: Option<(&ast::Sql, Span)>,
        down: Option<(&ast::Sql, Span)>,
        renamed: Option<Span>,
        cols: &[&str],
        owner: &str,
    ) -> Option<Transform> {
        let cname = &def.name.name;
        let bad = |msg: String, span: Span, label: &str| {
            Diagnostic::error(Code::BadTransition, msg).primary(span, label.to_string())
        };
        if let (Some(r), Some(other)) = (renamed, from.map(|f| f.1).or(up.map(|u| u.1))) {
            self.diagnostics.push(
                bad(format!("column `{cname}` is both renamed and computed"), other, "computed here")
                    .secondary(r, "renamed here")
                    .help("to rename and convert at once, write `from <old name> up (...) down (...)` without `renamed from`"),
            );
            return None;
        }
        let Some((up_sql, up_span)) = up else {
            if let Some((_, span)) = from {
                self.diagnostics.push(
                    bad(
                        format!("`from` on column `{cname}` without an `up` expression"),
                        span,
                        "`from` here",
                    )
                    .help("add `up (<expression>)` computing the column from the deployed columns"),
                );
            }
            if let Some((_, span)) = down {
                self.diagnostics.push(
                    bad(format!("`down` on column `{cname}` without an `up` expression"), span, "`down` here")
                        .help("a `down` inverts an `up`: add `up (<expression>)`, or use `retire <column> down (...)` for a column that is leaving"),
                );
            }
            return None;
        };
        let sources: Vec<String> = match from {
            Some((idents, _)) => idents.iter().map(|i| i.name.clone()).collect(),
            None => vec![cname.clone()],
        };
        let source_refs: Vec<&str> = sources.iter().map(String::as_str).collect();
        let help = format!(
            "`up` reads the deployed row: list the columns it reads in `from` (now: {})",
            sources.join(", ")
        );
        let scope = Scope {
            what: "`up`",
            columns: &source_refs,
            owner: "the `from` list",
            unknown_help: Some(&help),
        };
        let up_checked = self.checked(up_sql, &scope);
        if let Some(checked) = &up_checked {
            if checked.columns.is_empty() {
                self.diagnostics.push(
                    bad(
                        format!("`up` of column `{cname}` reads no deployed column"),
                        up_sql.span,
                        "computes the same value for every row",
                    )
                    .help("an `up` derives the new column from the deployed ones; for a constant, use `default`"),
                );
                return None;
            }
        }
        let down_checked = match down {
            Some((sql, span)) => {
                // A column computed from itself and others (`from title, id`): `down` gives
                // the column itself back.
                if sources.len() > 1 && !sources.contains(cname) {
                    self.diagnostics.push(
                        bad(
                            format!(
                                "`down` of column `{cname}` cannot fill {} columns",
                                sources.len()
                            ),
                            span,
                            "one expression here",
                        )
                        .help("give each source column its own `retire <column> down (...)`"),
                    );
                    return None;
                }
                let scope = Scope {
                    what: "`down`",
                    columns: cols,
                    owner,
                    unknown_help: None,
                };
                Some(self.checked(sql, &scope)?)
            }
            None => None,
        };
        Some(Transform {
            from: sources,
            up: up_checked?.expr,
            down: down_checked.map(|c| c.expr),
            implied: false,
            origin: up_span,
        })
    }

    pub(super) fn check_column_transitions(
        &mut self,
        table: &Table,
        defs: &[(&ast::ColumnDef, Option<Span>)],
    ) {
        let mut renamed: BTreeMap<&str, Span> = BTreeMap::new();
        for column in &table.columns {
            let Some(old) = &column.renamed_from else {
                continue;
            };
            let at = defs
                .iter()
                .find(|(d, _)| d.name.name == column.name)
                .and_then(|(d, _)| {
                    d.attrs.iter().find_map(|a| match a {
                        ColumnAttr::RenamedFrom(_, s) => Some(*s),
                        _ => None,
                    })
                })
                .unwrap_or(column.origin);
            if old == &column.name {
                self.diagnostics.push(
                    Diagnostic::error(
                        Code::BadTransition,
                        format!("column `{old}` is renamed from itself"),
                    )
                    .primary(at, "renamed here")
                    .help("remove `renamed from`"),
                );
            } else if let Some(other) = table.column(old) {
                self.diagnostics.push(
                    Diagnostic::error(
                        Code::BadTransition,
                        format!(
                            "column `{}` is renamed from `{old}`, which is still declared",
                            column.name
                        ),
                    )
                    .primary(at, "renamed here")
                    .secondary(other.origin, "still declared here")
                    .help(format!(
                        "to keep `{old}` and copy it, write `from {old} up ({old})` instead"
                    )),
                );
            } else if let Some(first) = renamed.insert(old, at) {
                self.diagnostics.push(
                    Diagnostic::error(
                        Code::BadTransition,
                        format!("two columns are renamed from `{old}`"),
                    )
                    .primary(at, "renamed again here")
                    .secondary(first, "first renamed here"),
                );
            }
        }
        for retired in &table.retired {
            if let Some(ack) = table.dropped_columns.get(&retired.name) {
                self.diagnostics.push(
                    Diagnostic::error(
                        Code::BadTransition,
                        format!("column `{}` is both retired and dropped", retired.name),
                    )
                    .primary(ack.origin, "dropped here")
                    .secondary(retired.origin, "retired here")
                    .help("`retire` already removes the column at contract: remove `drop column`"),
                );
            }
        }
    }

    pub(super) fn retire(
        &mut self,
        table: &mut Table,
        def: &ast::RetireDef,
        cols: &[&str],
        owner: &str,
    ) {
        if let Some(col) = table.column(&def.name.name) {
            self.diagnostics.push(
                Diagnostic::error(
                    Code::DroppedButDeclared,
                    format!("column `{}` is both declared and retired", def.name.name),
                )
                .primary(def.name.span, "retired here")
                .secondary(col.origin, "still declared here")
                .help("remove the column's declaration: a retired column leaves the table"),
            );
            return;
        }
        if let Some(first) = table.retired.iter().find(|r| r.name == def.name.name) {
            self.diagnostics.push(
                Diagnostic::error(
                    Code::BadTransition,
                    format!("column `{}` is retired twice", def.name.name),
                )
                .primary(def.span, "retired again here")
                .secondary(first.origin, "first retired here"),
            );
            return;
        }
        let down = match &def.down {
            Some(sql) => {
                let scope = Scope {
                    what: "`down`",
                    columns: cols,
                    owner,
                    unknown_help: None,
                };
                match self.checked(sql, &scope) {
                    Some(c) => Some(c.expr),
                    None => return,
                }
            }
            None => None,
        };
        table.retired.push(Retired {
            name: def.name.name.clone(),
            down,
            origin: def.span,
        });
    }
}
