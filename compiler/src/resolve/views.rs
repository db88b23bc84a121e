//! A view: its query read by sqlparser, and the tables and views it reads.

use super::Resolver;
use crate::expr;
use crate::schema::*;
use migc_grammar::ast;
use migc_grammar::{Code, Diagnostic};
use std::collections::BTreeSet;

impl Resolver<'_> {
    pub(super) fn view(
        &mut self,
        decl: &ast::ViewDecl,
        schema: &Schema,
        view_names: &BTreeSet<String>,
    ) -> Option<View> {
        let (query, relations) = match expr::parse_query(&decl.query) {
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
        ok.then(|| View {
            name: decl.name.name.clone(),
            query,
            depends_on: depends_on.into_iter().collect(),
            renamed_from: decl.renamed_from.as_ref().map(|r| r.name.clone()),
            origin: decl.name.span,
        })
    }
}
