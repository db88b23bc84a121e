//! Transition hints of tables: `renamed from` and `drop table`, against the rest of the schema.

use super::Resolver;
use crate::schema::*;
use migc_grammar::{Code, Diagnostic, Span};
use std::collections::BTreeMap;

impl Resolver<'_> {
    /// Hints that contradict the rest of the schema.
    pub(super) fn check_transitions(&mut self, schema: &Schema) {
        let mut renamed_tables: BTreeMap<&str, Span> = BTreeMap::new();
        for table in schema.tables.values() {
            let Some(old) = &table.renamed_from else {
                continue;
            };
            if old == &table.name {
                self.diagnostics.push(
                    Diagnostic::error(
                        Code::BadTransition,
                        format!("table `{old}` is renamed from itself"),
                    )
                    .primary(table.origin, "renamed here")
                    .help("remove `renamed from`"),
                );
            } else if schema.tables.contains_key(old) {
                self.diagnostics.push(
                    Diagnostic::error(
                        Code::BadTransition,
                        format!(
                            "table `{}` is renamed from `{old}`, which is still declared",
                            table.name
                        ),
                    )
                    .primary(table.origin, "renamed here")
                    .secondary(schema.tables[old].origin, "still declared here")
                    .help(format!(
                        "remove table `{old}`, or remove `renamed from {old}`"
                    )),
                );
            } else if let Some(first) = renamed_tables.insert(old, table.origin) {
                self.diagnostics.push(
                    Diagnostic::error(
                        Code::BadTransition,
                        format!("two tables are renamed from `{old}`"),
                    )
                    .primary(table.origin, "renamed again here")
                    .secondary(first, "first renamed here"),
                );
            }
            if let Some(ack) = schema.dropped_tables.get(old) {
                self.diagnostics.push(
                    Diagnostic::error(
                        Code::BadTransition,
                        format!("table `{old}` is both renamed and dropped"),
                    )
                    .primary(ack.origin, "dropped here")
                    .secondary(table.origin, "renamed here"),
                );
            }
        }
        for (name, ack) in &schema.dropped_tables {
            if let Some(table) = schema.tables.get(name) {
                self.diagnostics.push(
                    Diagnostic::error(
                        Code::DroppedButDeclared,
                        format!("table `{name}` is both declared and dropped"),
                    )
                    .primary(ack.origin, "dropped here")
                    .secondary(table.origin, "still declared here")
                    .help("remove `drop table` to keep the table, or remove the table to drop it"),
                );
            }
        }
    }
}
