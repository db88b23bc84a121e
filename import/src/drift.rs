//! Differences between a live database and a declared schema, object by object, each with what
//! to do about it.

use migc_compiler::schema::{Column, Schema, Table, View};
use serde::Serialize;
use std::collections::BTreeSet;

/// One difference.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Difference {
    /// The object: `table orders`, `column orders.total`, `index orders_user_id_idx`…
    pub object: String,
    /// What differs: `missing in the database`, `not declared`, `type`, `nullability`…
    pub what: String,
    /// The database's side, when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub database: Option<String>,
    /// The declared side, when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub declared: Option<String>,
    /// What to do.
    pub fix: String,
}

const PLAN: &str = "run `migc plan` from the database to the declared schema and apply it";
/// What to do with an object only the database has.
const DECLARE: &str = "declare it (`migc import` writes it) or plan its removal";

fn missing(object: String, declared: String) -> Difference {
    Difference {
        object,
        what: "missing in the database".into(),
        database: None,
        declared: Some(declared),
        fix: PLAN.into(),
    }
}

fn extra(object: String, database: String) -> Difference {
    Difference {
        object,
        what: "not declared".into(),
        database: Some(database),
        declared: None,
        fix: DECLARE.into(),
    }
}

fn differs(object: String, what: &str, database: String, declared: String) -> Difference {
    Difference {
        object,
        what: what.into(),
        database: Some(database),
        declared: Some(declared),
        fix: PLAN.into(),
    }
}

/// Compares the database's model with the declared one. `foreign` names native blocks that
/// stand for objects outside the model: present in the database but not declared, they are not
/// differences (migc leaves them alone).
pub fn compare(database: &Schema, declared: &Schema, foreign: &[String]) -> Vec<Difference> {
    let mut out = Vec::new();
    for (name, e) in &declared.enums {
        let values = |e: &migc_compiler::schema::Enum| {
            e.values
                .iter()
                .map(|v| v.name.clone())
                .collect::<Vec<_>>()
                .join(", ")
        };
        match database.enums.get(name) {
            None => out.push(missing(format!("enum {name}"), values(e))),
            Some(d) if values(d) != values(e) => out.push(differs(
                format!("enum {name}"),
                "values",
                values(d),
                values(e),
            )),
            Some(_) => {}
        }
    }
    for (name, e) in &database.enums {
        if !declared.enums.contains_key(name) {
            let v: Vec<&str> = e.values.iter().map(|v| v.name.as_str()).collect();
            out.push(extra(format!("enum {name}"), v.join(", ")));
        }
    }
    for (name, t) in &declared.tables {
        match database.tables.get(name) {
            None => out.push(missing(
                format!("table {name}"),
                format!("{} columns", t.columns.len()),
            )),
            Some(d) => table(d, t, &mut out),
        }
    }
    for (name, t) in &database.tables {
        if !declared.tables.contains_key(name) {
            out.push(extra(
                format!("table {name}"),
                format!("{} columns", t.columns.len()),
            ));
        }
    }
    for (name, v) in &declared.views {
        match database.views.get(name) {
            None => out.push(missing(format!("view {name}"), v.query.clone())),
            Some(d) if d.query != v.query => out.push(differs(
                format!("view {name}"),
                "query",
                d.query.clone(),
                v.query.clone(),
            )),
            Some(d) => {
                let security = |v: &View| {
                    if v.security_invoker {
                        "invoker"
                    } else {
                        "definer"
                    }
                };
                if d.security_invoker != v.security_invoker {
                    out.push(differs(
                        format!("view {name}"),
                        "security",
                        security(d).into(),
                        security(v).into(),
                    ));
                }
                if !d.same_options(v, None) {
                    let options = |v: &View| {
                        let list: Vec<String> =
                            v.options.iter().map(|(d, o)| format!("{d}: {o}")).collect();
                        if list.is_empty() {
                            "none".to_string()
                        } else {
                            list.join(", ")
                        }
                    };
                    out.push(differs(
                        format!("view {name}"),
                        "options",
                        options(d),
                        options(v),
                    ));
                }
                if d.check_option != v.check_option {
                    let option = |v: &View| {
                        v.check_option.map_or("none".to_string(), |o| {
                            format!("{} check option", o.keyword())
                        })
                    };
                    out.push(differs(
                        format!("view {name}"),
                        "check option",
                        option(d),
                        option(v),
                    ));
                }
            }
        }
    }
    for (name, v) in &database.views {
        if !declared.views.contains_key(name) {
            out.push(extra(format!("view {name}"), v.query.clone()));
        }
    }
    for (name, n) in &declared.natives {
        match database.natives.get(name) {
            // SQL of the author's own cannot be checked against the catalog.
            None => {}
            Some(d) if d.up != n.up => out.push(differs(
                format!("native {name}"),
                "SQL",
                d.up.join("; "),
                n.up.join("; "),
            )),
            Some(_) => {}
        }
    }
    for (name, n) in &database.natives {
        if !declared.natives.contains_key(name) && !foreign.iter().any(|f| f == name) {
            out.push(extra(format!("native {name}"), n.up.join("; ")));
        }
    }
    out
}

fn column_text(c: &Column) -> String {
    let mut s = c.ty.to_string();
    if !c.nullable {
        s.push_str(" not null");
    }
    if c.autoincrement {
        s.push_str(" autoincrement");
    } else if c.identity {
        s.push_str(" identity");
    }
    if let Some(d) = &c.default {
        s.push_str(&format!(" default ({})", d.sql));
    }
    s
}

fn table(db: &Table, decl: &Table, out: &mut Vec<Difference>) {
    let t = &decl.name;
    for c in &decl.columns {
        let object = format!("column {t}.{}", c.name);
        let Some(d) = db.column(&c.name) else {
            out.push(missing(object, column_text(c)));
            continue;
        };
        if d.ty != c.ty {
            out.push(differs(
                object.clone(),
                "type",
                d.ty.to_string(),
                c.ty.to_string(),
            ));
        }
        if d.nullable != c.nullable {
            let n = |b: bool| if b { "null" } else { "not null" }.to_string();
            out.push(differs(
                object.clone(),
                "nullability",
                n(d.nullable),
                n(c.nullable),
            ));
        }
        if d.default != c.default {
            let v = |e: &Option<migc_compiler::schema::Expr>| {
                e.as_ref()
                    .map_or("no default".to_string(), |e| e.sql.clone())
            };
            out.push(differs(
                object.clone(),
                "default",
                v(&d.default),
                v(&c.default),
            ));
        }
        if d.identity != c.identity {
            out.push(differs(
                object.clone(),
                "identity",
                d.identity.to_string(),
                c.identity.to_string(),
            ));
        }
        let generated = |c: &Column| {
            c.generated
                .as_ref()
                .map_or("not generated".to_string(), |g| {
                    let kind = if g.stored { "stored" } else { "virtual" };
                    format!("as ({}) {kind}", g.expr.sql)
                })
        };
        if generated(d) != generated(c) {
            out.push(differs(
                object.clone(),
                "generated",
                generated(d),
                generated(c),
            ));
        }
        if d.comment != c.comment {
            let text = |c: &Column| c.comment.clone().unwrap_or_else(|| "no comment".into());
            out.push(differs(object.clone(), "comment", text(d), text(c)));
        }
        if d.on_update != c.on_update {
            out.push(differs(
                object.clone(),
                "on update now()",
                d.on_update.to_string(),
                c.on_update.to_string(),
            ));
        }
        // The database's collation where it names one (its table's where the column names
        // none), against the declared one.
        let db_dialects = d.collation.keys().chain(db.collation.keys());
        let dialects: BTreeSet<_> = db_dialects.collect();
        for dialect in dialects {
            let effective = |t: &Table, c: &Column| {
                c.collation
                    .get(dialect)
                    .or(t.collation.get(dialect))
                    .cloned()
            };
            let (have, want) = (effective(db, d), effective(decl, c));
            if want.is_some() && have != want || want.is_none() && d.collation.contains_key(dialect)
            {
                let v = |v: Option<String>| v.unwrap_or_else(|| "the table's".into());
                out.push(differs(object.clone(), "collation", v(have), v(want)));
            }
        }
        if d.autoincrement != c.autoincrement {
            out.push(differs(
                object,
                "autoincrement",
                d.autoincrement.to_string(),
                c.autoincrement.to_string(),
            ));
        }
    }
    for c in &db.columns {
        if decl.column(&c.name).is_none() {
            out.push(extra(format!("column {t}.{}", c.name), column_text(c)));
        }
    }
    let pk = |x: &Table| x.primary_key.as_ref().map(|p| p.columns.join(", "));
    match (pk(db), pk(decl)) {
        (a, b) if a == b => {}
        (None, Some(b)) => out.push(missing(format!("primary key of {t}"), b)),
        (Some(a), None) => out.push(extra(format!("primary key of {t}"), a)),
        (Some(a), Some(b)) => out.push(differs(format!("primary key of {t}"), "columns", a, b)),
        _ => {}
    }
    named(
        "unique",
        db.uniques
            .iter()
            .map(|u| (u.name.clone(), u.columns.join(", "))),
        decl.uniques
            .iter()
            .map(|u| (u.name.clone(), u.columns.join(", "))),
        out,
    );
    named(
        "check",
        db.checks
            .iter()
            .map(|c| (c.name.clone(), c.expr.sql.clone())),
        decl.checks
            .iter()
            .map(|c| (c.name.clone(), c.expr.sql.clone())),
        out,
    );
    let fk = |f: &migc_compiler::schema::ForeignKey| {
        format!(
            "({}) references {} ({}) on delete {} on update {}",
            f.columns.join(", "),
            f.ref_table,
            f.ref_columns.join(", "),
            f.on_delete.sql().to_lowercase(),
            f.on_update.sql().to_lowercase()
        )
    };
    named(
        "foreign key",
        db.foreign_keys.iter().map(|f| (f.name.clone(), fk(f))),
        decl.foreign_keys.iter().map(|f| (f.name.clone(), fk(f))),
        out,
    );
    let index = |i: &migc_compiler::schema::Index| {
        let parts: Vec<String> = i
            .parts
            .iter()
            .map(|p| format!("{}{}", p.expr.sql, if p.descending { " desc" } else { "" }))
            .collect();
        let mut s = format!(
            "{}({})",
            if i.unique { "unique " } else { "" },
            parts.join(", ")
        );
        if let Some(p) = &i.predicate {
            s.push_str(&format!(" where {}", p.sql));
        }
        s
    };
    named(
        "index",
        db.indexes.iter().map(|i| (i.name.clone(), index(i))),
        decl.indexes.iter().map(|i| (i.name.clone(), index(i))),
        out,
    );
    for (what, d, c) in [
        ("strict", db.strict, decl.strict),
        ("without rowid", db.without_rowid, decl.without_rowid),
    ] {
        if d != c {
            out.push(differs(
                format!("table {t}"),
                what,
                d.to_string(),
                c.to_string(),
            ));
        }
    }
    for (dialect, have) in &db.collation {
        if let Some(want) = decl.collation.get(dialect).filter(|w| *w != have) {
            out.push(differs(
                format!("table {t}"),
                "collation",
                have.clone(),
                want.clone(),
            ));
        }
    }
    if db.comment != decl.comment {
        let c = |c: &Option<String>| c.clone().unwrap_or_else(|| "no comment".into());
        out.push(differs(
            format!("table {t}"),
            "comment",
            c(&db.comment),
            c(&decl.comment),
        ));
    }
}

fn named(
    kind: &str,
    db: impl Iterator<Item = (String, String)>,
    decl: impl Iterator<Item = (String, String)>,
    out: &mut Vec<Difference>,
) {
    let db: Vec<(String, String)> = db.collect();
    let decl: Vec<(String, String)> = decl.collect();
    let names: BTreeSet<&String> = db.iter().chain(decl.iter()).map(|(n, _)| n).collect();
    for name in names {
        let a = db.iter().find(|(n, _)| n == name).map(|(_, v)| v.clone());
        let b = decl.iter().find(|(n, _)| n == name).map(|(_, v)| v.clone());
        let object = format!("{kind} {name}");
        match (a, b) {
            (Some(a), Some(b)) if a != b => out.push(differs(object, "definition", a, b)),
            (None, Some(b)) => out.push(missing(object, b)),
            (Some(a), None) => out.push(extra(object, a)),
            _ => {}
        }
    }
}
