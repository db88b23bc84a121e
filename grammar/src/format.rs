//! `migc fmt`: one canonical layout for `.mig` files.
//!
//! Keywords are lower-cased, attributes put in a fixed order, consecutive columns aligned, items
//! separated by one blank line; within a table the author's blank lines (at most one) are kept.
//! SQL text is kept as written. Every comment is kept: a comment on its own line stays before the
//! item that follows it, a comment at the end of a line stays at the end of that line.

use crate::ast::*;

const INDENT: &str = "  ";
/// The longest enum kept on one line.
const MAX_WIDTH: usize = 100;

/// The canonical text of a parsed file.
pub fn format(file: &File, source: &str) -> String {
    let mut p = Printer {
        out: String::new(),
        comments: &file.comments,
        next: 0,
        source,
    };
    let mut previous: Option<&Item> = None;
    for item in &file.items {
        if let Some(prev) = previous {
            let tight = matches!(
                (prev, item),
                (Item::Use(_), Item::Use(_)) | (Item::DropTable(_), Item::DropTable(_))
            );
            if !tight || p.blank_line_between(prev.span().end, item.span().start) {
                p.out.push('\n');
            }
        }
        p.leading(item.span().start, "");
        p.item(item);
        p.trailing(item.span().end);
        previous = Some(item);
    }
    let rest = p.comments.len() - p.next;
    if rest > 0 && !p.out.is_empty() {
        p.out.push('\n');
    }
    p.leading(u32::MAX, "");
    p.out
}

struct Printer<'a> {
    out: String,
    comments: &'a [Comment],
    next: usize,
    source: &'a str,
}

impl Printer<'_> {
    /// Comments that start before `before`, each on its own line. A blank line the author left
    /// between two of them is kept (it separates paragraphs, such as a file header from the
    /// comment of the first item).
    fn leading(&mut self, before: u32, indent: &str) {
        while let Some(c) = self.comments.get(self.next) {
            if c.span.start >= before {
                break;
            }
            self.out.push_str(indent);
            self.out.push_str(&c.text);
            self.out.push('\n');
            self.next += 1;
            // A blank line after the comment (before the next comment or the item) stays.
            let next_start = match self.comments.get(self.next) {
                Some(after) if after.span.start < before => after.span.start,
                _ => before,
            };
            if next_start != u32::MAX && self.blank_line_between(c.span.end, next_start) {
                self.out.push('\n');
            }
        }
    }

    /// A comment on the same line after `after`, appended to the line just printed.
    fn trailing(&mut self, after: u32) {
        let Some(c) = self.comments.get(self.next) else {
            return;
        };
        let between = self
            .source
            .get(after as usize..c.span.start as usize)
            .unwrap_or("\n");
        if c.span.start >= after && !between.contains('\n') {
            if self.out.ends_with('\n') {
                self.out.pop();
            }
            self.out.push_str("  ");
            self.out.push_str(&c.text);
            self.out.push('\n');
            self.next += 1;
        }
    }

    /// Whether the source has an empty line between two positions (comments count as text).
    fn blank_line_between(&self, end: u32, start: u32) -> bool {
        let text = self
            .source
            .get(end as usize..start as usize)
            .unwrap_or_default();
        let mut lines = text.split('\n');
        lines.next();
        let mut inner: Vec<&str> = lines.collect();
        inner.pop();
        inner.iter().any(|l| l.trim().is_empty())
    }

    fn item(&mut self, item: &Item) {
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
                head.push_str(" as ");
                head.push_str(&block_sql(&v.query.text));
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

    fn block(&mut self, head: &str, members: &[Member], end: u32) {
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
            if i > 0 && self.blank_line_between(members[i - 1].span().end, member.span().start) {
                self.out.push('\n');
            }
            // Comments inside a member (in a list of columns spread over lines) go before it.
            self.leading(member.span().end, INDENT);
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
        }
    }

    fn line(&mut self, indent: &str, text: &str) {
        self.out.push_str(indent);
        self.out.push_str(text);
        self.out.push('\n');
    }
}

/// For each member, the widths its name and type are padded to (0 when not a column). Runs of
/// columns not separated by a blank line or another member share widths.
fn column_widths(members: &[Member], p: &Printer<'_>) -> Vec<(usize, usize)> {
    let mut widths = vec![(0, 0); members.len()];
    let mut run: Vec<usize> = Vec::new();
    let flush = |run: &mut Vec<usize>, widths: &mut Vec<(usize, usize)>| {
        let name_w = run
            .iter()
            .map(|&i| column_parts(&members[i], p.source).0.chars().count())
            .max()
            .unwrap_or(0);
        // A native type spells every dialect: too long to set the column's width.
        let type_w = run
            .iter()
            .filter(|&&i| !matches!(&members[i], Member::Column(c) if matches!(c.ty, TypeExpr::Native { .. })))
            .map(|&i| column_parts(&members[i], p.source).1.chars().count())
            .max()
            .unwrap_or(0);
        for &i in run.iter() {
            widths[i] = (name_w, type_w);
        }
        run.clear();
    };
    for (i, m) in members.iter().enumerate() {
        let breaks = i > 0 && p.blank_line_between(members[i - 1].span().end, m.span().start);
        if breaks || !matches!(m, Member::Column(_)) {
            flush(&mut run, &mut widths);
        }
        if matches!(m, Member::Column(_)) {
            run.push(i);
        }
    }
    flush(&mut run, &mut widths);
    widths
}

fn column_parts(member: &Member, src: &str) -> (String, String) {
    match member {
        Member::Column(c) => (name(&c.name.name), type_expr(&c.ty, src)),
        _ => (String::new(), String::new()),
    }
}

fn column(c: &ColumnDef, (name_w, type_w): (usize, usize), src: &str) -> String {
    let n = name(&c.name.name);
    let t = type_expr(&c.ty, src);
    let attrs = attrs(&c.attrs, src);
    if attrs.is_empty() {
        return format!("{n:name_w$} {t}").trim_end().to_string();
    }
    format!("{n:name_w$} {t:type_w$} {attrs}")
}

/// Attributes in the canonical order.
fn attrs(attrs: &[ColumnAttr], src: &str) -> String {
    let rank = |a: &ColumnAttr| match a {
        ColumnAttr::PrimaryKey(_) => 0,
        ColumnAttr::Identity(_) => 1,
        ColumnAttr::NotNull(_) | ColumnAttr::Null(_) => 2,
        ColumnAttr::Unique(_) => 3,
        ColumnAttr::Default(..) => 4,
        ColumnAttr::Check { .. } => 5,
        ColumnAttr::References(_) => 6,
        ColumnAttr::RenamedFrom(..) => 7,
        ColumnAttr::From(..) => 8,
        ColumnAttr::Up(..) => 9,
        ColumnAttr::Down(..) => 10,
        ColumnAttr::Comment(..) => 11,
    };
    let mut sorted: Vec<&ColumnAttr> = attrs.iter().collect();
    sorted.sort_by_key(|a| rank(a));
    let parts: Vec<String> = sorted
        .into_iter()
        .map(|a| match a {
            ColumnAttr::PrimaryKey(_) => "primary key".to_string(),
            ColumnAttr::Identity(_) => "identity".to_string(),
            ColumnAttr::NotNull(_) => "not null".to_string(),
            ColumnAttr::Null(_) => "null".to_string(),
            ColumnAttr::Unique(_) => "unique".to_string(),
            ColumnAttr::Default(s, _) => format!("default {}", sql(s)),
            ColumnAttr::Check { name: n, expr, .. } => match n {
                Some(n) => format!("check {} ({})", name(&n.name), expr.text),
                None => format!("check ({})", expr.text),
            },
            ColumnAttr::References(r) => reference(r),
            ColumnAttr::RenamedFrom(old, _) => format!("renamed from {}", name(&old.name)),
            ColumnAttr::From(sources, _) => {
                let s: Vec<String> = sources.iter().map(|i| name(&i.name)).collect();
                format!("from {}", s.join(", "))
            }
            ColumnAttr::Up(s, _) => format!("up ({})", s.text),
            ColumnAttr::Down(s, _) => format!("down ({})", s.text),
            ColumnAttr::Comment(s, _) => format!("comment {}", string(src, s)),
        })
        .collect();
    parts.join(" ")
}

fn reference(r: &Reference) -> String {
    let mut s = format!("references {}", name(&r.table.name));
    if !r.columns.is_empty() {
        s.push_str(&names(&r.columns));
    }
    for a in &r.actions {
        let event = match a.event {
            FkEvent::Delete => "delete",
            FkEvent::Update => "update",
        };
        let effect = match a.effect {
            FkEffect::Cascade => "cascade",
            FkEffect::Restrict => "restrict",
            FkEffect::SetNull => "set null",
            FkEffect::SetDefault => "set default",
            FkEffect::NoAction => "no action",
        };
        s.push_str(&format!(" on {event} {effect}"));
    }
    s
}

fn type_expr(t: &TypeExpr, src: &str) -> String {
    match t {
        TypeExpr::Named { name: n, args, .. } => {
            if args.is_empty() {
                name(&n.name)
            } else {
                let a: Vec<String> = args.iter().map(|(v, _)| v.to_string()).collect();
                format!("{}({})", name(&n.name), a.join(", "))
            }
        }
        TypeExpr::Native { spellings, .. } => {
            let s: Vec<String> = spellings
                .iter()
                .map(|(d, s)| format!("{}: {}", name(&d.name), string(src, s)))
                .collect();
            format!("native({})", s.join(", "))
        }
    }
}

fn sql(s: &Sql) -> String {
    if s.parenthesized {
        format!("({})", s.text)
    } else {
        s.text.clone()
    }
}

/// A multi-line SQL text in parentheses, re-indented one level; one-line text stays inline.
fn block_sql(text: &str) -> String {
    // A line with an odd number of quotes is part of a string or quoted name spread over lines,
    // whose text re-indenting would change.
    let odd = |l: &str, q: char| l.matches(q).count() % 2 == 1;
    if !text.contains('\n') || text.lines().any(|l| odd(l, '\'') || odd(l, '"')) {
        return format!("({text})");
    }
    let mut lines = text.lines();
    let first = lines.next().unwrap_or_default().trim();
    let rest: Vec<&str> = lines.collect();
    let common = rest
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start().len())
        .min()
        .unwrap_or(0);
    let mut out = format!("(\n{INDENT}{first}\n");
    for l in rest {
        if l.trim().is_empty() {
            out.push('\n');
        } else {
            out.push_str(INDENT);
            out.push_str(l.get(common..).unwrap_or(l.trim_start()).trim_end());
            out.push('\n');
        }
    }
    out.push(')');
    out
}

fn names(list: &[Ident]) -> String {
    let n: Vec<String> = list.iter().map(|i| name(&i.name)).collect();
    format!("({})", n.join(", "))
}

const KEYWORDS: &[&str] = &[
    "use",
    "enum",
    "table",
    "mixin",
    "view",
    "as",
    "native",
    "for",
    "up",
    "down",
    "drop",
    "column",
    "index",
    "unique",
    "where",
    "primary",
    "key",
    "check",
    "foreign",
    "references",
    "include",
    "comment",
    "retire",
    "not",
    "null",
    "identity",
    "default",
    "renamed",
    "from",
    "on",
    "delete",
    "update",
    "cascade",
    "restrict",
    "set",
    "no",
    "action",
];

/// A name, in backticks when it is not a plain identifier or could read as a keyword.
pub fn name(n: &str) -> String {
    let plain = n
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && n.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if plain && !KEYWORDS.contains(&n.to_ascii_lowercase().as_str()) {
        n.to_string()
    } else {
        format!("`{n}`")
    }
}

/// A string as its author wrote it: escapes and line breaks are the author's choice (a `\\n` in a
/// comment, real line breaks in a long native statement), and both spellings mean the same.
fn string(src: &str, lit: &StringLit) -> String {
    match src.get(lit.span.range()) {
        Some(text) if text.len() >= 2 && text.starts_with('"') && text.ends_with('"') => {
            text.to_string()
        }
        _ => escape(&lit.value),
    }
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            _ => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use crate::{parse, FileId};

    #[track_caller]
    fn case(input: &str, expected: &str) {
        let file = parse(FileId(0), input).expect("input parses");
        let once = super::format(&file, input);
        assert_eq!(once, expected);
        let again = parse(FileId(0), &once).expect("output parses");
        assert_eq!(super::format(&again, &once), once, "not idempotent");
    }

    #[test]
    fn aligns_columns_and_orders_attributes() {
        case(
            "table users {\n id bigint identity primary key\n  email text unique not null\n}\n",
            "table users {\n  id    bigint primary key identity\n  email text   not null unique\n}\n",
        );
    }

    #[test]
    fn keeps_comments() {
        case(
            "// users\ntable t { // the table\n  // key\n  id int primary key // trailing\n\n  // last\n}\n// end\n",
            "// users\ntable t {\n  // the table\n  // key\n  id int primary key  // trailing\n\n  // last\n}\n\n// end\n",
        );
    }

    #[test]
    fn keeps_a_blank_line_after_a_header_comment() {
        case(
            "// header\n\n// second\n\ntable t {\n  id int\n}\n",
            "// header\n\n// second\n\ntable t {\n  id int\n}\n",
        );
        case("// about t\ntable t {}\n", "// about t\ntable t {}\n");
    }

    #[test]
    fn native_types_do_not_widen_the_column() {
        case(
            "table t {\n  id bigint primary key\n  doc native(postgres: \"tsvector\", sqlite: \"text\") null\n  a text not null\n}\n",
            "table t {\n  id  bigint primary key\n  doc native(postgres: \"tsvector\", sqlite: \"text\") null\n  a   text   not null\n}\n",
        );
    }

    #[test]
    fn items_get_one_blank_line() {
        case(
            "use std.timestamps\nuse std.soft_delete\nenum e {a,b}\n\n\n\ntable t {}",
            "use std.timestamps\nuse std.soft_delete\n\nenum e { a, b }\n\ntable t {}\n",
        );
    }

    #[test]
    fn quotes_names_that_need_it() {
        case(
            "table `order items` {\n `key` int\n}",
            "table `order items` {\n  `key` int\n}\n",
        );
    }

    #[test]
    fn reindents_view_queries() {
        case(
            "view v as (select id\n        from t\n        where id > 1)",
            "view v as (\n  select id\n  from t\n  where id > 1\n)\n",
        );
    }
}
