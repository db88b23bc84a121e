//! Names across the schema: index and constraint names used once, every name within the
//! identifier limit of every dialect.

use super::Resolver;
use crate::names::MAX_IDENTIFIER;
use crate::schema::*;
use migc_grammar::{Code, Diagnostic, Span};
use std::collections::HashMap;

impl Resolver<'_> {
    pub(crate) fn too_long(&mut self, what: &str, name: &str, span: Span, generated: Option<&str>) {
        let mut d = Diagnostic::error(
            Code::NameTooLong,
            format!(
                "{what} name `{name}` is {} bytes long, more than the {MAX_IDENTIFIER} every dialect accepts",
                name.len()
            ),
        );
        match generated {
            Some(hint) => {
                d = d
                    .primary(span, "this generates it")
                    .note("PostgreSQL would silently truncate it, MySQL would refuse it")
                    .help(hint.to_string());
            }
            None => d = d.primary(span, "too long"),
        }
        self.diagnostics.push(d);
    }

    /// Index and constraint names are unique across the schema (as PostgreSQL requires of
    /// indexes and MySQL of foreign keys) and fit every dialect's identifier limit.
    pub(super) fn check_names(&mut self, schema: &Schema) {
        let mut seen: HashMap<&str, Span> = HashMap::new();
        for (name, table) in &schema.tables {
            seen.insert(name, table.origin);
        }
        for view in schema.views.values() {
            seen.insert(&view.name, view.origin);
        }
        let mut duplicates = Vec::new();
        let mut long = Vec::new();
        for table in schema.tables.values() {
            if table.name.len() > MAX_IDENTIFIER {
                long.push(("table", table.name.clone(), table.origin, None));
            }
            for c in &table.columns {
                if c.name.len() > MAX_IDENTIFIER {
                    long.push(("column", c.name.clone(), c.origin, None));
                }
            }
            for (name, span) in table.object_names() {
                if name.len() > MAX_IDENTIFIER {
                    long.push((
                        "index or constraint",
                        name.to_string(),
                        span,
                        Some("give it a shorter name explicitly"),
                    ));
                }
            }
        }
        // In source order, so that "first used here" is the one written first.
        let mut objects: Vec<(&str, Span)> = schema
            .tables
            .values()
            .flat_map(Table::object_names)
            .collect();
        objects.sort_by_key(|&(_, span)| span);
        for (name, span) in objects {
            if let Some(first) = seen.get(name) {
                duplicates.push((name.to_string(), span, *first));
            } else {
                seen.insert(name, span);
            }
        }
        for e in schema.enums.values() {
            if e.name.len() > MAX_IDENTIFIER {
                long.push(("enum", e.name.clone(), e.origin, None));
            }
        }
        for v in schema.views.values() {
            if v.name.len() > MAX_IDENTIFIER {
                long.push(("view", v.name.clone(), v.origin, None));
            }
        }
        for (what, name, span, hint) in long {
            self.too_long(what, &name, span, hint);
        }
        for (name, span, first) in duplicates {
            self.diagnostics.push(
                Diagnostic::error(
                    Code::DuplicateConstraint,
                    format!("the name `{name}` is used twice"),
                )
                .primary(span, "named again here")
                .secondary(first, "first used here")
                .note("index and constraint names are unique across the whole schema")
                .help("give one of them a different name explicitly"),
            );
        }
    }
}
