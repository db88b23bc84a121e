//! `migc fmt`: one canonical layout for `.mig` files.
//!
//! Keywords are lower-cased, attributes put in a fixed order, consecutive columns aligned, items
//! separated by one blank line; within a table the author's blank lines (at most one) are kept.
//! SQL text is kept as written. Every comment is kept: a comment on its own line stays before the
//! item that follows it, a comment at the end of a line stays at the end of that line.

mod columns;
mod items;
mod members;
mod text;

use crate::ast::*;

pub use text::name;

const INDENT: &str = "  ";

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
        self.leading_inside(before, before, indent);
    }

    /// Comments that start before `before`, each on its own line, where those from `inside`
    /// on are inside the member about to be printed (in a list of columns spread over lines):
    /// they go before it too. The blank lines within the member are its layout, which printing
    /// it on one line drops, so only blank lines before `inside` are kept; kept after the
    /// comments, they would move out of the member and change the next formatting again.
    fn leading_inside(&mut self, inside: u32, before: u32, indent: &str) {
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
            }
            .min(inside);
            if c.span.start < inside
                && next_start != u32::MAX
                && self.blank_line_between(c.span.end, next_start)
            {
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

    fn line(&mut self, indent: &str, text: &str) {
        self.out.push_str(indent);
        self.out.push_str(text);
        self.out.push('\n');
    }
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
