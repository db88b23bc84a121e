//! Items declared twice under one name.

use super::Resolver;
use migc_grammar::ast::{self, Item};
use migc_grammar::{Code, Diagnostic, Span};
use std::collections::BTreeMap;

impl Resolver<'_> {
    /// Tables, views and enums share one namespace (PostgreSQL gives every table a row type of
    /// its name); mixins and natives have their own.
    pub(super) fn check_duplicate_items(&mut self, items: &[&Item]) {
        let mut relations: BTreeMap<&str, (&str, Span)> = BTreeMap::new();
        let mut mixins: BTreeMap<&str, Span> = BTreeMap::new();
        let mut natives: BTreeMap<&str, Span> = BTreeMap::new();
        for item in items {
            let (kind, name, map) = match item {
                Item::Table(t) => ("table", &t.name, &mut relations),
                Item::View(v) => ("view", &v.name, &mut relations),
                Item::Enum(e) => ("enum", &e.name, &mut relations),
                Item::Mixin(m) => {
                    if let Some(first) = mixins.insert(&m.name.name, m.name.span) {
                        self.duplicate("mixin", &m.name, first);
                    } else if self.std_mixins.contains_key(&m.name.name)
                        && self.imports.contains_key(&m.name.name)
                    {
                        let span = self.imports[&m.name.name].span;
                        self.diagnostics.push(
                            Diagnostic::error(
                                Code::DuplicateItem,
                                format!(
                                    "mixin `{}` has the name of an imported mixin",
                                    m.name.name
                                ),
                            )
                            .primary(m.name.span, "declared here")
                            .secondary(span, "imported here")
                            .help("rename the mixin, or remove the `use`"),
                        );
                    }
                    continue;
                }
                Item::Native(n) => {
                    if let Some(first) = natives.insert(&n.name.name, n.name.span) {
                        self.duplicate("native block", &n.name, first);
                    }
                    continue;
                }
                _ => continue,
            };
            if let Some((first_kind, first)) = map.get(name.name.as_str()).copied() {
                if first_kind == kind {
                    self.duplicate(kind, name, first);
                } else {
                    let article = if first_kind == "enum" { "an" } else { "a" };
                    self.diagnostics.push(
                        Diagnostic::error(
                            Code::DuplicateItem,
                            format!(
                                "{kind} `{}` has the same name as {article} {first_kind}",
                                name.name
                            ),
                        )
                        .primary(name.span, "declared here")
                        .secondary(first, format!("the {first_kind} is declared here"))
                        .note("tables, views and enums share one namespace"),
                    );
                }
            } else {
                map.insert(&name.name, (kind, name.span));
            }
        }
    }

    fn duplicate(&mut self, what: &str, name: &ast::Ident, first: Span) {
        self.diagnostics.push(
            Diagnostic::error(
                Code::DuplicateItem,
                format!("duplicate {what} `{}`", name.name),
            )
            .primary(name.span, "declared again here")
            .secondary(first, "first declared here"),
        );
    }
}
