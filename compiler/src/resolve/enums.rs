//! An enum declaration: its values, the values it drops and the values it renames.

use super::Resolver;
use crate::names::MAX_IDENTIFIER;
use crate::schema::*;
use migc_grammar::ast;
use migc_grammar::{Code, Diagnostic};
use std::collections::BTreeMap;

impl Resolver<'_> {
    pub(super) fn enum_decl(&mut self, decl: &ast::EnumDecl) -> Enum {
        let mut values: Vec<EnumValue> = Vec::new();
        let mut dropped_values = BTreeMap::new();
        for entry in &decl.entries {
            match entry {
                ast::EnumEntry::Value {
                    name, renamed_from, ..
                } => {
                    if let Some(first) = values.iter().find(|v| v.name == name.name) {
                        self.diagnostics.push(
                            Diagnostic::error(
                                Code::DuplicateEnumValue,
                                format!(
                                    "duplicate value `{}` in enum `{}`",
                                    name.name, decl.name.name
                                ),
                            )
                            .primary(name.span, "listed again here")
                            .secondary(first.origin, "first listed here"),
                        );
                        continue;
                    }
                    values.push(EnumValue {
                        name: name.name.clone(),
                        renamed_from: renamed_from.as_ref().map(|r| r.name.clone()),
                        origin: name.span,
                    });
                }
                ast::EnumEntry::Drop { name, .. } => {
                    dropped_values.insert(name.name.clone(), Acknowledged { origin: name.span });
                }
            }
        }
        for (dropped, ack) in &dropped_values {
            if let Some(v) = values.iter().find(|v| &v.name == dropped) {
                self.diagnostics.push(
                    Diagnostic::error(
                        Code::DroppedButDeclared,
                        format!("enum value `{dropped}` is both listed and dropped"),
                    )
                    .primary(ack.origin, "dropped here")
                    .secondary(v.origin, "still listed here")
                    .help("remove the `drop` to keep the value, or remove the value to drop it"),
                );
            }
        }
        for v in &values {
            let Some(old) = &v.renamed_from else { continue };
            if values.iter().any(|o| &o.name == old) {
                self.diagnostics.push(
                    Diagnostic::error(
                        Code::BadTransition,
                        format!(
                            "enum value `{}` is renamed from `{old}`, which is still listed",
                            v.name
                        ),
                    )
                    .primary(v.origin, "renamed here")
                    .help(format!(
                        "remove `{old}` from the enum, or remove `renamed from {old}`"
                    )),
                );
            }
        }
        for v in &values {
            if v.name.len() > MAX_IDENTIFIER {
                self.too_long("enum value", &v.name, v.origin, None);
            }
        }
        Enum {
            name: decl.name.name.clone(),
            values,
            renamed_from: decl.renamed_from.as_ref().map(|r| r.name.clone()),
            dropped_values,
            origin: decl.name.span,
        }
    }
}
