//! What a database holds, read by each dialect from its own catalog (`Engine::catalog`) into one
//! shape for comparisons: tables with their columns and their other parts (constraints, indexes,
//! triggers, comment), and the objects outside tables (enums, views, functions, routines).
//! Column order and whether a constraint is validated yet are not compared.

use std::collections::BTreeMap;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Catalog {
    pub tables: BTreeMap<String, Table>,
    /// Objects outside tables by `kind name` (`enum state`, `view active`, `function f(int)`):
    /// their definition.
    pub objects: BTreeMap<String, String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    pub columns: BTreeMap<String, Column>,
    /// Constraints, indexes, triggers and the comment by `kind name` (`constraint items_pkey`,
    /// `index items_account_id_idx`, `trigger t`, `comment`): their definition.
    pub parts: BTreeMap<String, String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Column {
    /// The type as the catalog spells it.
    pub ty: String,
    pub not_null: bool,
    pub default: Option<String>,
    /// Everything else the catalog says of the column (identity, comment, key position).
    pub extra: String,
}

impl Catalog {
    /// The views (names without kind).
    pub fn views(&self) -> impl Iterator<Item = &str> {
        self.objects.keys().filter_map(|k| k.strip_prefix("view "))
    }
}

/// One difference between two catalogs, with the object it is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Difference {
    /// `table`, `table.column`, `enum name`, ...
    pub object: String,
    /// `missing`, `extra`, `type`, `nullability`, `default`, `extra`, `definition`.
    pub what: String,
    pub text: String,
}

fn diff_maps(
    out: &mut Vec<Difference>,
    prefix: &str,
    expected: &BTreeMap<String, String>,
    actual: &BTreeMap<String, String>,
) {
    for (name, e) in expected {
        let object = format!("{prefix}{name}");
        match actual.get(name) {
            None => out.push(Difference {
                text: format!("{object} is missing (expected {e:?})"),
                object,
                what: "missing".into(),
            }),
            Some(a) if a != e => out.push(Difference {
                text: format!("{object} differs:\n        expected {e:?}\n        found    {a:?}"),
                object,
                what: "definition".into(),
            }),
            Some(_) => {}
        }
    }
    for (name, a) in actual {
        if !expected.contains_key(name) {
            let object = format!("{prefix}{name}");
            out.push(Difference {
                text: format!("{object} is extra ({a:?})"),
                object,
                what: "extra".into(),
            });
        }
    }
}

/// The differences of `actual` from `expected`.
pub fn diff(expected: &Catalog, actual: &Catalog) -> Vec<Difference> {
    let mut out = Vec::new();
    for (name, e) in &expected.tables {
        let Some(a) = actual.tables.get(name) else {
            out.push(Difference {
                object: name.clone(),
                what: "missing".into(),
                text: format!("table {name} is missing"),
            });
            continue;
        };
        for (cname, c) in &e.columns {
            let object = format!("{name}.{cname}");
            let Some(d) = a.columns.get(cname) else {
                out.push(Difference {
                    text: format!("column {object} is missing"),
                    object,
                    what: "missing".into(),
                });
                continue;
            };
            let nn = |b: bool| if b { "NOT NULL" } else { "NULL" }.to_string();
            for (what, e, a) in [
                ("type", c.ty.clone(), d.ty.clone()),
                ("nullability", nn(c.not_null), nn(d.not_null)),
                (
                    "default",
                    format!("{:?}", c.default),
                    format!("{:?}", d.default),
                ),
                ("extra", c.extra.clone(), d.extra.clone()),
            ] {
                if e != a {
                    out.push(Difference {
                        object: object.clone(),
                        what: what.into(),
                        text: format!("column {object}: {what} expected {e}, found {a}"),
                    });
                }
            }
        }
        for cname in a.columns.keys() {
            if !e.columns.contains_key(cname) {
                let object = format!("{name}.{cname}");
                out.push(Difference {
                    text: format!("column {object} is extra"),
                    object,
                    what: "extra".into(),
                });
            }
        }
        diff_maps(&mut out, &format!("{name}: "), &e.parts, &a.parts);
    }
    for name in actual.tables.keys() {
        if !expected.tables.contains_key(name) {
            out.push(Difference {
                object: name.clone(),
                what: "extra".into(),
                text: format!("table {name} is extra"),
            });
        }
    }
    diff_maps(&mut out, "", &expected.objects, &actual.objects);
    out
}

/// Whether a name is one of migc's helpers: it holds `migc`, or (a column or a constraint) ends
/// in `_not_null`.
fn helper(name: &str) -> bool {
    name.to_ascii_lowercase().contains("migc") || name.ends_with("_not_null")
}

/// Helper objects left behind: tables, columns, parts and objects named like migc's helpers
/// that `target` does not have.
pub fn leftovers(actual: &Catalog, target: &Catalog) -> Vec<String> {
    let mut out = Vec::new();
    for (tname, t) in &actual.tables {
        let Some(tt) = target.tables.get(tname) else {
            if helper(tname) {
                out.push(format!("table {tname}"));
            }
            continue;
        };
        for c in t.columns.keys() {
            if helper(c) && !tt.columns.contains_key(c) {
                out.push(format!("column {tname}.{c}"));
            }
        }
        for p in t.parts.keys() {
            if helper(p) && !tt.parts.contains_key(p) {
                out.push(format!("{p} on {tname}"));
            }
        }
    }
    for o in actual.objects.keys() {
        if helper(o) && !target.objects.contains_key(o) {
            out.push(o.clone());
        }
    }
    out
}

/// The first `n` items, one per line, for a failure message.
pub fn first_lines(items: &[String], n: usize) -> String {
    let mut s: Vec<String> = items
        .iter()
        .take(n)
        .map(|i| format!("      - {i}"))
        .collect();
    if items.len() > n {
        s.push(format!("      ... and {} more", items.len() - n));
    }
    s.join("\n")
}
