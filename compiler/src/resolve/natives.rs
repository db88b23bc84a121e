//! A native block: SQL for the dialects it names, applied and undone as written.

use super::Resolver;
use crate::schema::Native;
use migc_grammar::ast;
use migc_grammar::{Code, Diagnostic};
use migc_stdlib::Dialect;
use std::collections::BTreeSet;

impl Resolver<'_> {
    pub(super) fn native(&mut self, decl: &ast::NativeDecl) -> Option<Native> {
        let mut dialects = BTreeSet::new();
        for d in &decl.dialects {
            match Dialect::from_name(&d.name) {
                Some(dialect) => {
                    dialects.insert(dialect);
                }
                None => self.unknown_dialect(d),
            }
        }
        if decl.up.is_empty() {
            self.diagnostics.push(
                Diagnostic::error(
                    Code::BadTransition,
                    format!("native block `{}` has no `up` statement", decl.name.name),
                )
                .primary(decl.name.span, "nothing to apply")
                .help("add `up \"<SQL to apply>\"` and `down \"<SQL that undoes it>\"`"),
            );
            return None;
        }
        Some(Native {
            name: decl.name.name.clone(),
            dialects: dialects.into_iter().collect(),
            up: decl.up.iter().map(|s| s.value.clone()).collect(),
            down: decl.down.iter().map(|s| s.value.clone()).collect(),
            origin: decl.name.span,
        })
    }

    pub(crate) fn unknown_dialect(&mut self, d: &ast::Ident) {
        self.diagnostics.push(
            Diagnostic::error(
                Code::UnknownDialect,
                format!("unknown dialect `{}`", d.name),
            )
            .primary(d.span, "not a dialect migc plans for")
            .suggest(&d.name, Dialect::ALL.iter().map(|d| d.name()))
            .note("the dialects are `postgres`, `mysql` (also MariaDB) and `sqlite`"),
        );
    }
}
