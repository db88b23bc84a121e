//! Items: `use`, `drop table` and views on a line of their own, enums on one line when they
//! fit, tables, mixins and native blocks as blocks.

use super::text::{block_sql, name, string};
use super::{Printer, INDENT};
use crate::ast::*;

/// The longest enum kept on one line.
const MAX_WIDTH: usize = 100;

impl Printer<'_> {
    pub(super) fn item(&mut self, item: &Item) {
        match item {
            Item::Use(u) => {
                let path: Vec<String> = u.path.iter().map(|p| name(&p.name)).collect();
                self.line("", &format!("use {}", path.join(".")));
            }
            Item::DropTable(d) => self.line("", &format!("drop table {}", name(&d.name.name))),
            Item::Enum(e) => self.enum_decl(e),
            Item::Table(t) => {
                let mut head = format!("table {}", name(&t.name.name));
                if let Some(old) = &t.renamed_from {
                    head.push_str(&format!(" renamed from {}", name(&old.name)));
                }
                self.block(&head, &t.members, t.span.end);
            }
            Item::Mixin(m) => {
                let head = format!("mixin {}", name(&m.name.name));
                self.block(&head, &m.members, m.span.end);
            }
            Item::View(v) => {
                let mut head = format!("view {}", name(&v.name.name));
                if let Some(old) = &v.renamed_from {
                    head.push_str(&format!(" renamed from {}", name(&old.name)));
                }
                match v.security_invoker {
                    Some(true) => head.push_str(" security invoker"),
                    Some(false) => head.push_str(" security definer"),
                    None => {}
                }
                if !v.options.is_empty() {
                    head.push_str(&format!(
                        " options{}",
                        super::columns::list(&v.options, self.source)
                    ));
                }
                head.push_str(" as ");
                head.push_str(&block_sql(&v.query.text));
                match v.check_option {
                    Some(CheckOption::Cascaded) => head.push_str(" with check option"),
                    Some(CheckOption::Local) => head.push_str(" with local check option"),
                    None => {}
                }
                self.line("", &head);
            }
            Item::Native(n) => {
                let dialects: Vec<String> = n.dialects.iter().map(|d| name(&d.name)).collect();
                self.out.push_str(&format!(
                    "native {} for {} {{\n",
                    name(&n.name.name),
                    dialects.join(", ")
                ));
                let mut clauses: Vec<(u32, String)> = Vec::new();
                clauses.extend(
                    n.up.iter()
                        .map(|s| (s.span.start, format!("up {}", string(self.source, s)))),
                );
                clauses.extend(
                    n.down
                        .iter()
                        .map(|s| (s.span.start, format!("down {}", string(self.source, s)))),
                );
                clauses.sort();
                for (start, text) in clauses {
                    self.leading(start, INDENT);
                    self.line(INDENT, &text);
                    self.trailing(start + 1);
                }
                self.leading(n.span.end, INDENT);
                self.out.push_str("}\n");
            }
        }
    }

    fn enum_decl(&mut self, e: &EnumDecl) {
        let mut head = format!("enum {}", name(&e.name.name));
        if let Some(old) = &e.renamed_from {
            head.push_str(&format!(" renamed from {}", name(&old.name)));
        }
        let entries: Vec<(u32, String)> = e
            .entries
            .iter()
            .map(|entry| match entry {
                EnumEntry::Value {
                    name: n,
                    renamed_from,
                    span,
                } => {
                    let mut s = name(&n.name);
                    if let Some(old) = renamed_from {
                        s.push_str(&format!(" renamed from {}", name(&old.name)));
                    }
                    (span.start, s)
                }
                EnumEntry::Drop { name: n, span } => {
                    (span.start, format!("drop {}", name(&n.name)))
                }
            })
            .collect();
        let has_inner_comment = self
            .comments
            .get(self.next)
            .is_some_and(|c| c.span.start < e.span.end);
        let one_line = format!(
            "{head} {{ {} }}",
            entries
                .iter()
                .map(|(_, s)| s.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        );
        let one_line = if entries.is_empty() {
            format!("{head} {{}}")
        } else {
            one_line
        };
        if !has_inner_comment && one_line.len() <= MAX_WIDTH {
            self.line("", &one_line);
            return;
        }
        self.out.push_str(&format!("{head} {{\n"));
        for (start, text) in entries {
            self.leading(start, INDENT);
            self.line(INDENT, &format!("{text},"));
            self.trailing(start + 1);
        }
        self.leading(e.span.end, INDENT);
        self.out.push_str("}\n");
    }
}
