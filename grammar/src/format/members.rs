//! Blocks of members (tables and mixins): one member a line, columns aligned.

use super::columns::{column, column_widths, reference};
use super::text::{name, names, sql, string};
use super::{Printer, INDENT};
use crate::ast::*;

impl Printer<'_> {
    pub(super) fn block(&mut self, head: &str, members: &[Member], end: u32) {
        if members.is_empty()
            && self
                .comments
                .get(self.next)
                .is_none_or(|c| c.span.start >= end)
        {
            self.line("", &format!("{head} {{}}"));
            return;
        }
        self.out.push_str(head);
        self.out.push_str(" {\n");
        let widths = column_widths(members, self);
        for (i, member) in members.iter().enumerate() {
            let start = member.span().start;
            // A blank line before the member, or before the comments on the lines above it.
            let above = self
                .comments
                .get(self.next)
                .map_or(start, |c| c.span.start.min(start));
            if i > 0 && self.blank_line_between(members[i - 1].span().end, above) {
                self.out.push('\n');
            }
            // Comments inside a member (in a list of columns spread over lines) go before it.
            self.leading_inside(start, member.span().end, INDENT);
            let text = self.member(member, widths[i]);
            self.line(INDENT, &text);
            self.trailing(member.span().end);
        }
        if let (Some(last), Some(c)) = (members.last(), self.comments.get(self.next)) {
            if c.span.start < end && self.blank_line_between(last.span().end, c.span.start) {
                self.out.push('\n');
            }
        }
        self.leading(end, INDENT);
        self.out.push_str("}\n");
    }

    fn member(&self, member: &Member, widths: (usize, usize)) -> String {
        match member {
            Member::Column(c) => column(c, widths, self.source),
            Member::Index(i) => {
                let mut s = String::new();
                if i.unique {
                    s.push_str("unique ");
                }
                s.push_str("index ");
                if let Some(n) = &i.name {
                    s.push_str(&name(&n.name));
                    s.push(' ');
                }
                s.push_str(&format!("({})", i.parts.text));
                if let Some(p) = &i.predicate {
                    s.push_str(" where ");
                    s.push_str(&sql(p));
                }
                s
            }
            Member::PrimaryKey(pk) => format!("primary key {}", names(&pk.columns)),
            Member::Unique(u) => match &u.name {
                Some(n) => format!("unique {} {}", name(&n.name), names(&u.columns)),
                None => format!("unique {}", names(&u.columns)),
            },
            Member::Check(c) => match &c.name {
                Some(n) => format!("check {} ({})", name(&n.name), c.expr.text),
                None => format!("check ({})", c.expr.text),
            },
            Member::ForeignKey(fk) => {
                let mut s = String::from("foreign key ");
                if let Some(n) = &fk.name {
                    s.push_str(&name(&n.name));
                    s.push(' ');
                }
                s.push_str(&names(&fk.columns));
                s.push(' ');
                s.push_str(&reference(&fk.reference));
                s
            }
            Member::Include(n, _) => format!("include {}", name(&n.name)),
            Member::Comment(text, _) => format!("comment {}", string(self.source, text)),
            Member::Retire(r) => match &r.down {
                Some(d) => format!("retire {} down ({})", name(&r.name.name), d.text),
                None => format!("retire {}", name(&r.name.name)),
            },
            Member::DropColumn(n, _) => format!("drop column {}", name(&n.name)),
            Member::Option(TableOption::Strict, _) => "strict".to_string(),
            Member::Option(TableOption::WithoutRowid, _) => "without rowid".to_string(),
            Member::Collate(spellings, _) => {
                format!("collate{}", super::columns::list(spellings, self.source))
            }
            Member::Options(spellings, _) => {
                format!("options{}", super::columns::list(spellings, self.source))
            }
        }
    }
}
