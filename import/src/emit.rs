//! The model written back as `.mig` text, in the layout `migc fmt` gives.

use migc_compiler::schema::{CheckOption, ColumnType, FkAction, Schema, Table};
use migc_grammar::format::name;
use migc_stdlib::Dialect;
use std::collections::BTreeMap;
use std::fmt::Write;

fn string(s: &str) -> String {
    let mut out = String::from("\"");
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

fn names(cols: &[String]) -> String {
    cols.iter().map(|c| name(c)).collect::<Vec<_>>().join(", ")
}

fn ty(t: &ColumnType) -> String {
    match t {
        ColumnType::Enum { name: n } => name(n),
        ColumnType::Native { spellings } => {
            let parts: Vec<String> = spellings
                .iter()
                .map(|(d, s)| format!("{d}: {}", string(s)))
                .collect();
            format!("native({})", parts.join(", "))
        }
        other => other.to_string(),
    }
}

fn action(event: &str, a: FkAction) -> String {
    match a {
        FkAction::NoAction => String::new(),
        other => format!(" on {event} {}", other.sql().to_ascii_lowercase()),
    }
}

/// `(mysql: "utf8mb4_bin", sqlite: "NOCASE")`: a value per dialect.
fn per_dialect(values: &BTreeMap<Dialect, String>) -> String {
    let parts: Vec<String> = values
        .iter()
        .map(|(d, s)| format!("{d}: {}", string(s)))
        .collect();
    format!("({})", parts.join(", "))
}

fn table(out: &mut String, t: &Table) {
    let _ = writeln!(out, "table {} {{", name(&t.name));
    let single_pk = t
        .primary_key
        .as_ref()
        .filter(|p| p.columns.len() == 1)
        .map(|p| p.columns[0].clone());
    for c in &t.columns {
        let mut line = format!("  {} {}", name(&c.name), ty(&c.ty));
        if !c.spellings.is_empty() {
            let _ = write!(line, " native{}", per_dialect(&c.spellings));
        }
        if single_pk.as_deref() == Some(c.name.as_str()) {
            line.push_str(" primary key");
            if c.declared_not_null {
                line.push_str(" not null");
            } else if c.nullable_key {
                line.push_str(" null");
            }
        } else if c.nullable_key {
            line.push_str(" null");
        } else if !c.nullable {
            line.push_str(" not null");
        }
        if c.autoincrement {
            line.push_str(" autoincrement");
        } else if c.identity {
            line.push_str(" identity");
        }
        if let Some(d) = &c.default {
            if d.native_spellings().is_some() {
                let _ = write!(line, " default {}", d.sql);
            } else {
                let _ = write!(line, " default ({})", d.sql);
            }
        }
        if let Some(g) = &c.generated {
            let kind = if g.stored { "stored" } else { "virtual" };
            let _ = write!(line, " as ({}) {kind}", g.expr.sql);
        }
        if c.on_update {
            line.push_str(" on update now()");
        }
        if !c.collation.is_empty() {
            let _ = write!(line, " collate{}", per_dialect(&c.collation));
        }
        if let Some(comment) = &c.comment {
            let _ = write!(line, " comment {}", string(comment));
        }
        let _ = writeln!(out, "{line}");
    }
    if let Some(pk) = t.primary_key.as_ref().filter(|p| p.columns.len() > 1) {
        let _ = writeln!(out, "  primary key ({})", names(&pk.columns));
    }
    for u in &t.uniques {
        let _ = writeln!(out, "  unique {} ({})", name(&u.name), names(&u.columns));
    }
    for c in &t.checks {
        let _ = writeln!(out, "  check {} ({})", name(&c.name), c.expr.sql);
    }
    for f in &t.foreign_keys {
        let _ = writeln!(
            out,
            "  foreign key {} ({}) references {} ({}){}{}",
            name(&f.name),
            names(&f.columns),
            name(&f.ref_table),
            names(&f.ref_columns),
            action("delete", f.on_delete),
            action("update", f.on_update)
        );
    }
    for i in &t.indexes {
        let parts: Vec<String> = i
            .parts
            .iter()
            .map(|p| {
                let mut s = p.expr.sql.clone();
                if p.descending {
                    s.push_str(" desc");
                }
                s
            })
            .collect();
        let _ = write!(
            out,
            "  {}index {} ({})",
            if i.unique { "unique " } else { "" },
            name(&i.name),
            parts.join(", ")
        );
        if let Some(p) = &i.predicate {
            let _ = write!(out, " where ({})", p.sql);
        }
        out.push('\n');
    }
    if let Some(c) = &t.comment {
        let _ = writeln!(out, "  comment {}", string(c));
    }
    if t.strict {
        out.push_str("  strict\n");
    }
    if t.without_rowid {
        out.push_str("  without rowid\n");
    }
    if !t.options.is_empty() {
        let _ = writeln!(out, "  options{}", per_dialect(&t.options));
    }
    if !t.collation.is_empty() {
        let _ = writeln!(out, "  collate{}", per_dialect(&t.collation));
    }
    out.push_str("}\n");
}

/// The schema as `.mig` files by name: one per table (`tables/<name>.mig`), `enums.mig`,
/// `views.mig` and `native.mig`. Every file is formatted as `migc fmt` would.
pub fn files(schema: &Schema) -> BTreeMap<String, String> {
    let mut files = BTreeMap::new();
    if !schema.enums.is_empty() {
        let mut out = String::new();
        for e in schema.enums.values() {
            let values: Vec<String> = e.values.iter().map(|v| name(&v.name)).collect();
            let _ = writeln!(out, "enum {} {{ {} }}\n", name(&e.name), values.join(", "));
        }
        files.insert("enums.mig".to_string(), out);
    }
    for t in schema.tables.values() {
        let mut out = String::new();
        table(&mut out, t);
        files.insert(format!("tables/{}.mig", file_stem(&t.name)), out);
    }
    if !schema.views.is_empty() {
        let mut out = String::new();
        for v in schema.views.values() {
            let security = if v.security_invoker {
                " security invoker"
            } else {
                ""
            };
            let check = v
                .check_option
                .map(|o| match o {
                    CheckOption::Cascaded => " with check option",
                    CheckOption::Local => " with local check option",
                })
                .unwrap_or_default();
            let options = if v.options.is_empty() {
                String::new()
            } else {
                format!(" options{}", per_dialect(&v.options))
            };
            let _ = writeln!(
                out,
                "view {}{security}{options} as ({}){check}\n",
                name(&v.name),
                v.query
            );
        }
        files.insert("views.mig".to_string(), out);
    }
    if !schema.natives.is_empty() {
        let mut out = String::new();
        for n in schema.natives.values() {
            let dialects: Vec<String> = n.dialects.iter().map(|d| d.to_string()).collect();
            let _ = writeln!(
                out,
                "native {} for {} {{",
                name(&n.name),
                dialects.join(", ")
            );
            for u in &n.up {
                let _ = writeln!(out, "  up {}", string(u));
            }
            for d in &n.down {
                let _ = writeln!(out, "  down {}", string(d));
            }
            out.push_str("}\n\n");
        }
        files.insert("native.mig".to_string(), out);
    }
    files
        .into_iter()
        .map(|(k, v)| {
            let text = format(&v);
            (k, text)
        })
        .collect()
}

/// The whole schema as one `.mig` text (the files concatenated in name order).
pub fn text(schema: &Schema) -> String {
    files(schema).into_values().collect::<Vec<_>>().join("\n")
}

/// Formats generated text; returns it as is when it does not parse (the compiler then reports
/// where).
fn format(text: &str) -> String {
    match migc_grammar::parse(migc_grammar::FileId(0), text) {
        Ok(ast) => migc_grammar::format::format(&ast, text),
        Err(_) => text.to_string(),
    }
}

/// A file name for a table: lower case, characters other than letters, digits and `_` as `_`,
/// with a short suffix when that changed the name (so `Order` and `order` do not collide).
fn file_stem(table: &str) -> String {
    let stem: String = table
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect();
    if stem == table {
        stem
    } else {
        let sum: u32 = table
            .bytes()
            .fold(7u32, |h, b| h.wrapping_mul(31).wrapping_add(u32::from(b)));
        format!("{stem}_{:04x}", sum & 0xffff)
    }
}
