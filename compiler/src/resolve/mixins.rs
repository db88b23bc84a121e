//! Mixins: stdlib mixins imported by `use`, mixins looked up by name, and a table's members
//! with the members of the mixins it includes.

use super::{Import, Resolver};
use migc_grammar::ast::{self, Item, Member};
use migc_grammar::{Code, Diagnostic, Sources, Span};

/// A member with the `include` it came through, if any.
type Sited<'a> = (&'a Member, Option<Span>);

impl<'a> Resolver<'a> {
    /// Validates `use` items and parses the stdlib mixins they name.
    pub(super) fn imports(&mut self, sources: &mut Sources, asts: &[ast::File]) -> Vec<ast::File> {
        let mut std_asts = Vec::new();
        for item in asts.iter().flat_map(|f| &f.items) {
            let Item::Use(u) = item else { continue };
            let dotted = u.dotted();
            let found = match u.path.as_slice() {
                [root, name] if root.name == "std" => migc_stdlib::mixin_source(&name.name),
                _ => None,
            };
            let Some(mixin) = found else {
                let candidates: Vec<String> = migc_stdlib::mixins()
                    .iter()
                    .map(|m| format!("std.{}", m.name))
                    .collect();
                let d =
                    Diagnostic::error(Code::UnknownImport, format!("unknown import `{dotted}`"))
                        .primary(u.span, "not in the standard library")
                        .suggest(&dotted, candidates.iter().map(String::as_str));
                let d = if d.help.is_none() {
                    d.note(format!(
                        "the standard library has {}",
                        candidates.join(", ")
                    ))
                } else {
                    d
                };
                self.diagnostics.push(d);
                continue;
            };
            if self.imports.contains_key(mixin.name) {
                continue;
            }
            self.imports.insert(
                mixin.name.to_string(),
                Import {
                    span: u.span,
                    used: false,
                },
            );
            let file = sources.add(mixin.path, mixin.source);
            match migc_grammar::parse(file, mixin.source) {
                Ok(ast) => std_asts.push(ast),
                Err(errors) => self.diagnostics.extend(errors),
            }
        }
        std_asts
    }

    pub(crate) fn use_mixin(&mut self, name: &ast::Ident) -> Option<&'a ast::MixinDecl> {
        if let Some(m) = self.mixins.get(&name.name) {
            return Some(m);
        }
        if let Some(m) = self.std_mixins.get(&name.name) {
            if let Some(import) = self.imports.get_mut(&name.name) {
                import.used = true;
            }
            return Some(m);
        }
        let mut d = Diagnostic::error(Code::UnknownMixin, format!("unknown mixin `{}`", name.name))
            .primary(name.span, "not declared or imported");
        if migc_stdlib::mixin_source(&name.name).is_some() {
            d = d.help(format!("add `use std.{}` to the file", name.name));
        } else {
            let mut candidates: Vec<&str> = self.mixins.keys().map(String::as_str).collect();
            candidates.extend(migc_stdlib::mixins().iter().map(|m| m.name));
            d = d.suggest(&name.name, candidates);
        }
        self.diagnostics.push(d);
        None
    }

    pub(crate) fn expand_mixins(&mut self, members: &'a [Member]) -> Vec<Sited<'a>> {
        let mut out = Vec::new();
        for member in members {
            let Member::Include(name, span) = member else {
                out.push((member, None));
                continue;
            };
            let Some(mixin) = self.use_mixin(name) else {
                continue;
            };
            for inner in &mixin.members {
                if let Member::Include(nested, _) = inner {
                    self.diagnostics.push(
                        Diagnostic::error(
                            Code::UnknownMixin,
                            format!("mixin `{}` includes `{}`", mixin.name.name, nested.name),
                        )
                        .primary(nested.span, "`include` inside a mixin")
                        .secondary(*span, "included here")
                        .help("include both mixins in the table instead"),
                    );
                    continue;
                }
                out.push((inner, Some(*span)));
            }
        }
        out
    }
}
