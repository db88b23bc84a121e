//! Columns: name and type padded to their run's widths, attributes in the canonical order.

use super::text::{name, names, sql, string};
use super::Printer;
use crate::ast::*;

/// For each member, the widths its name and type are padded to (0 when not a column). Runs of
/// columns not separated by a blank line or another member share widths.
pub(super) fn column_widths(members: &[Member], p: &Printer<'_>) -> Vec<(usize, usize)> {
    let mut widths = vec![(0, 0); members.len()];
    let mut run: Vec<usize> = Vec::new();
    let flush = |run: &mut Vec<usize>, widths: &mut Vec<(usize, usize)>| {
        let name_w = run
            .iter()
            .map(|&i| column_parts(&members[i], p.source).0.chars().count())
            .max()
            .unwrap_or(0);
        // A native type (or spelling) names dialects: too long to set the column's width.
        let spelled = |t: &TypeExpr| match t {
            TypeExpr::Native { .. } => true,
            TypeExpr::Named { spellings, .. } => !spellings.is_empty(),
        };
        let type_w = run
            .iter()
            .filter(|&&i| !matches!(&members[i], Member::Column(c) if spelled(&c.ty)))
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

pub(super) fn column(c: &ColumnDef, (name_w, type_w): (usize, usize), src: &str) -> String {
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
        ColumnAttr::Identity(_) | ColumnAttr::Autoincrement(_) => 1,
        ColumnAttr::NotNull(_) | ColumnAttr::Null(_) => 2,
        ColumnAttr::Unique(_) => 3,
        ColumnAttr::Default(..) | ColumnAttr::NativeDefault(..) | ColumnAttr::Generated { .. } => 4,
        ColumnAttr::OnUpdate(..) => 5,
        ColumnAttr::Check { .. } => 6,
        ColumnAttr::References(_) => 7,
        ColumnAttr::RenamedFrom(..) => 8,
        ColumnAttr::From(..) => 9,
        ColumnAttr::Up(..) => 10,
        ColumnAttr::Down(..) => 11,
        ColumnAttr::Collate(..) => 12,
        ColumnAttr::Comment(..) => 13,
    };
    let mut sorted: Vec<&ColumnAttr> = attrs.iter().collect();
    sorted.sort_by_key(|a| rank(a));
    let parts: Vec<String> = sorted
        .into_iter()
        .map(|a| match a {
            ColumnAttr::PrimaryKey(_) => "primary key".to_string(),
            ColumnAttr::Identity(_) => "identity".to_string(),
            ColumnAttr::Autoincrement(_) => "autoincrement".to_string(),
            ColumnAttr::NotNull(_) => "not null".to_string(),
            ColumnAttr::Null(_) => "null".to_string(),
            ColumnAttr::Unique(_) => "unique".to_string(),
            ColumnAttr::Default(s, _) => format!("default {}", sql(s)),
            ColumnAttr::NativeDefault(spellings, _) => {
                format!("default {}", native(spellings, src))
            }
            ColumnAttr::Generated { expr, stored, .. } => format!(
                "as ({}) {}",
                expr.text,
                if *stored { "stored" } else { "virtual" }
            ),
            ColumnAttr::OnUpdate(s, _) => format!("on update {}", sql(s)),
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
            ColumnAttr::Collate(spellings, _) => format!("collate{}", list(spellings, src)),
            ColumnAttr::Comment(s, _) => format!("comment {}", string(src, s)),
        })
        .collect();
    parts.join(" ")
}

pub(super) fn reference(r: &Reference) -> String {
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
        TypeExpr::Named {
            name: n,
            args,
            spellings,
            ..
        } => {
            let mut s = name(&n.name);
            if !args.is_empty() {
                let a: Vec<String> = args.iter().map(|(v, _)| v.to_string()).collect();
                s.push_str(&format!("({})", a.join(", ")));
            }
            if !spellings.is_empty() {
                s.push(' ');
                s.push_str(&native(spellings, src));
            }
            s
        }
        TypeExpr::Native { spellings, .. } => native(spellings, src),
    }
}

fn native(spellings: &[(Ident, StringLit)], src: &str) -> String {
    format!("native{}", list(spellings, src))
}

/// `(postgres: "C", mysql: "utf8mb4_bin")`: a value per dialect.
pub(super) fn list(spellings: &[(Ident, StringLit)], src: &str) -> String {
    let s: Vec<String> = spellings
        .iter()
        .map(|(d, s)| format!("{}: {}", name(&d.name), string(src, s)))
        .collect();
    format!("({})", s.join(", "))
}
