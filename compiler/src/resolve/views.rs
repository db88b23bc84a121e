//! A view: its query read by sqlparser, and the tables and views it reads.

use super::Resolver;
use crate::expr;
use crate::schema::*;
use migc_grammar::ast;
use migc_grammar::{Code, Diagnostic};
use migc_stdlib::Dialect;
use std::collections::{BTreeMap, BTreeSet};

impl Resolver<'_> {
    pub(super) fn view(
        &mut self,
        decl: &ast::ViewDecl,
        schema: &Schema,
        view_names: &BTreeSet<String>,
    ) -> Option<View> {
        let expr::ParsedQuery {
            statement,
            text: query,
            relations,
        } = match expr::parse_query(&decl.query) {
            Ok(q) => q,
            Err(d) => {
                self.diagnostics.push(d);
                return None;
            }
        };
        let mut depends_on = BTreeSet::new();
        let mut ok = true;
        for (name, span) in relations {
            if !(schema.tables.contains_key(&name) || view_names.contains(&name)) {
                ok = false;
                let candidates = schema.tables.keys().chain(view_names.iter());
                self.diagnostics.push(
                    Diagnostic::error(
                        Code::BadView,
                        format!("view `{}` reads unknown table `{name}`", decl.name.name),
                    )
                    .primary(span, "not a table or view of the schema")
                    .suggest(&name, candidates.map(String::as_str)),
                );
            }
            depends_on.insert(name);
        }
        if depends_on.contains(&decl.name.name) {
            self.diagnostics.push(
                Diagnostic::error(
                    Code::BadView,
                    format!("view `{}` reads itself", decl.name.name),
                )
                .primary(decl.name.span, "defined in terms of itself"),
            );
            ok = false;
        }
        if ok {
            let unknown = expr::unknown_view_columns(
                &decl.query,
                &statement,
                &decl.name.name,
                &schema.tables,
            );
            ok = unknown.is_empty();
            self.diagnostics.extend(unknown);
        }
        let options = self.view_options(&decl.options);
        ok.then(|| View {
            options,
            name: decl.name.name.clone(),
            query,
            depends_on: depends_on.into_iter().collect(),
            renamed_from: decl.renamed_from.as_ref().map(|r| r.name.clone()),
            security_invoker: decl.security_invoker.unwrap_or(false),
            check_option: decl.check_option,
            origin: decl.name.span,
        })
    }
}

impl Resolver<'_> {
    /// A view's `options(mysql: "ALGORITHM=…")`, each dialect's checked.
    fn view_options(&mut self, list: &[(ast::Ident, ast::StringLit)]) -> BTreeMap<Dialect, String> {
        let mut out = BTreeMap::new();
        for (dialect, text) in list {
            let Some(d) = self.options_dialect(
                dialect,
                Code::BadView,
                "view",
                "write `options(mysql: \"ALGORITHM=TEMPTABLE\")`",
            ) else {
                continue;
            };
            match crate::schema::view_algorithm(&text.value) {
                Ok(Some(a)) => {
                    if out.insert(d, a).is_some() {
                        self.repeated(&format!("the {} options", d.name()), dialect.span);
                    }
                }
                Ok(None) => {}
                Err(why) => self.diagnostics.push(
                    Diagnostic::error(
                        Code::BadView,
                        format!("the {} view options cannot be used", d.name()),
                    )
                    .primary(text.span, why)
                    .help("write `ALGORITHM=MERGE` or `ALGORITHM=TEMPTABLE`"),
                ),
            }
        }
        out
    }

    /// Views that read each other in a circle, reported once per circle at its first view (in
    /// name order): no order makes them.
    pub(super) fn check_view_cycles(&mut self, schema: &Schema) {
        let mut reported: BTreeSet<String> = BTreeSet::new();
        for start in schema.views.keys() {
            if reported.contains(start) {
                continue;
            }
            // A path from `start` back to itself through views, depth first.
            let mut path: Vec<&str> = vec![start];
            let mut next: Vec<Vec<&str>> = vec![reads(schema, start)];
            let mut seen: BTreeSet<&str> = BTreeSet::new();
            let mut circle = None;
            while let Some(candidates) = next.last_mut() {
                let Some(v) = candidates.pop() else {
                    next.pop();
                    path.pop();
                    continue;
                };
                if v == start {
                    circle = Some(path.clone());
                    break;
                }
                if seen.insert(v) {
                    path.push(v);
                    next.push(reads(schema, v));
                }
            }
            let Some(circle) = circle else { continue };
            let names: Vec<String> = circle.iter().map(|v| format!("`{v}`")).collect();
            let mut d = Diagnostic::error(
                Code::BadView,
                format!(
                    "views {} read each other in a circle",
                    names.join(" → ") + &format!(" → `{start}`")
                ),
            )
            .primary(
                schema.views[start].origin,
                "read by the last view of the circle",
            )
            .help("no view can be made before the others: make one of them read tables only");
            for v in &circle[1..] {
                d = d.secondary(schema.views[*v].origin, "in the circle");
            }
            self.diagnostics.push(d);
            reported.extend(circle.iter().map(|v| v.to_string()));
        }
    }
}

/// The views `view` reads.
fn reads<'a>(schema: &'a Schema, view: &str) -> Vec<&'a str> {
    schema.views[view]
        .depends_on
        .iter()
        .filter(|d| schema.views.contains_key(*d))
        .map(String::as_str)
        .collect()
}
