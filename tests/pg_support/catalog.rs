//! What a database's `public` schema holds, read from the PostgreSQL catalog, for comparisons
//! (ignoring column order and constraint validation flags) and for the row generator (keys,
//! foreign keys, enum labels).

use postgres::Client;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Catalog {
    pub tables: BTreeMap<String, Table>,
    pub enums: BTreeMap<String, Vec<String>>,
    pub views: BTreeMap<String, String>,
    /// `name(args)` -> definition, for functions not owned by an extension.
    pub functions: BTreeMap<String, String>,
    pub extensions: BTreeSet<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    pub comment: Option<String>,
    /// In `attnum` order (not compared).
    pub columns: Vec<Column>,
    pub constraints: BTreeMap<String, Constraint>,
    /// Name -> `pg_get_indexdef` (with `-- INVALID` appended for an invalid index).
    pub indexes: BTreeMap<String, String>,
    /// Column sets of unique indexes without predicate or expression (also those of
    /// constraints).
    pub unique_sets: Vec<Vec<String>>,
    pub triggers: BTreeMap<String, String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Column {
    pub name: String,
    /// `format_type`.
    pub ty: String,
    pub not_null: bool,
    pub default: Option<String>,
    /// `a`, `d` or empty.
    pub identity: String,
    pub comment: Option<String>,
    /// Whether the type is an enum of the schema.
    pub is_enum: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Constraint {
    pub contype: String,
    /// `pg_get_constraintdef`, without ` NOT VALID`.
    pub def: String,
    pub validated: bool,
    pub columns: Vec<String>,
    pub ref_table: Option<String>,
    pub ref_columns: Vec<String>,
}

impl Table {
    pub fn column(&self, name: &str) -> Option<&Column> {
        self.columns.iter().find(|c| c.name == name)
    }

    pub fn primary_key(&self) -> Vec<String> {
        self.constraints
            .values()
            .find(|c| c.contype == "p")
            .map(|c| c.columns.clone())
            .unwrap_or_default()
    }

    /// Foreign keys in name order.
    pub fn foreign_keys(&self) -> impl Iterator<Item = (&String, &Constraint)> {
        self.constraints.iter().filter(|(_, c)| c.contype == "f")
    }
}

fn text(row: &postgres::Row, i: usize) -> String {
    row.get::<_, Option<String>>(i).unwrap_or_default()
}

/// Reads the catalog of the database `client` is connected to.
pub fn read(client: &mut Client) -> Result<Catalog, String> {
    let q = |client: &mut Client, sql: &str| {
        client
            .query(sql, &[])
            .map_err(|e| format!("catalog query failed: {e}\n{sql}"))
    };
    let mut cat = Catalog::default();
    for row in q(
        client,
        "SELECT c.relname::text, obj_description(c.oid, 'pg_class')
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')",
    )? {
        cat.tables.insert(
            text(&row, 0),
            Table {
                comment: row.get(1),
                ..Table::default()
            },
        );
    }
    for row in q(
        client,
        "SELECT c.relname::text, a.attname::text, format_type(a.atttypid, a.atttypmod), a.attnotnull,
                pg_get_expr(d.adbin, d.adrelid), a.attidentity::text, col_description(c.oid, a.attnum),
                t.typtype = 'e'
         FROM pg_attribute a
         JOIN pg_class c ON c.oid = a.attrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace
         JOIN pg_type t ON t.oid = a.atttypid
         LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
         WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
         ORDER BY c.relname, a.attnum",
    )? {
        if let Some(t) = cat.tables.get_mut(&text(&row, 0)) {
            t.columns.push(Column {
                name: text(&row, 1),
                ty: text(&row, 2),
                not_null: row.get(3),
                default: row.get(4),
                identity: text(&row, 5),
                comment: row.get(6),
                is_enum: row.get(7),
            });
        }
    }
    for row in q(
        client,
        "SELECT c.relname::text, k.conname::text, k.contype::text, pg_get_constraintdef(k.oid), k.convalidated,
                coalesce((SELECT array_agg(a.attname::text ORDER BY x.ord)
                          FROM unnest(k.conkey) WITH ORDINALITY x(attnum, ord)
                          JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = x.attnum), '{}'),
                f.relname::text,
                coalesce((SELECT array_agg(a.attname::text ORDER BY x.ord)
                          FROM unnest(k.confkey) WITH ORDINALITY x(attnum, ord)
                          JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = x.attnum), '{}')
         FROM pg_constraint k
         JOIN pg_class c ON c.oid = k.conrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace
         LEFT JOIN pg_class f ON f.oid = k.confrelid
         WHERE n.nspname = 'public'",
    )? {
        if let Some(t) = cat.tables.get_mut(&text(&row, 0)) {
            let def = text(&row, 3);
            let def = def.strip_suffix(" NOT VALID").unwrap_or(&def).to_string();
            let contype = text(&row, 2);
            let columns: Vec<String> = row.get(5);
            if contype == "p" || contype == "u" {
                t.unique_sets.push(columns.clone());
            }
            t.constraints.insert(
                text(&row, 1),
                Constraint {
                    contype,
                    def,
                    validated: row.get(4),
                    columns,
                    ref_table: row.get(6),
                    ref_columns: row.get(7),
                },
            );
        }
    }
    for row in q(
        client,
        "SELECT c.relname::text, i.relname::text, pg_get_indexdef(i.oid), x.indisvalid,
                x.indisunique AND x.indpred IS NULL AND x.indexprs IS NULL,
                coalesce((SELECT array_agg(a.attname::text ORDER BY k.ord)
                          FROM unnest(x.indkey::int2[]) WITH ORDINALITY k(attnum, ord)
                          JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum), '{}')
         FROM pg_index x
         JOIN pg_class i ON i.oid = x.indexrelid
         JOIN pg_class c ON c.oid = x.indrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = 'public'",
    )? {
        if let Some(t) = cat.tables.get_mut(&text(&row, 0)) {
            let mut def = text(&row, 2);
            if !row.get::<_, bool>(3) {
                def.push_str(" -- INVALID");
            }
            if row.get::<_, bool>(4) {
                let cols: Vec<String> = row.get(5);
                if !t.unique_sets.contains(&cols) {
                    t.unique_sets.push(cols);
                }
            }
            t.indexes.insert(text(&row, 1), def);
        }
    }
    for row in q(
        client,
        "SELECT c.relname::text, t.tgname::text, pg_get_triggerdef(t.oid)
         FROM pg_trigger t
         JOIN pg_class c ON c.oid = t.tgrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = 'public' AND NOT t.tgisinternal",
    )? {
        if let Some(t) = cat.tables.get_mut(&text(&row, 0)) {
            t.triggers.insert(text(&row, 1), text(&row, 2));
        }
    }
    for row in q(
        client,
        "SELECT t.typname::text, e.enumlabel::text
         FROM pg_type t
         JOIN pg_enum e ON e.enumtypid = t.oid
         JOIN pg_namespace n ON n.oid = t.typnamespace
         WHERE n.nspname = 'public'
         ORDER BY t.typname, e.enumsortorder",
    )? {
        cat.enums
            .entry(text(&row, 0))
            .or_default()
            .push(text(&row, 1));
    }
    for row in q(
        client,
        "SELECT viewname::text, definition FROM pg_views WHERE schemaname = 'public'",
    )? {
        cat.views.insert(text(&row, 0), text(&row, 1));
    }
    for row in q(
        client,
        "SELECT p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')', pg_get_functiondef(p.oid)
         FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
         WHERE n.nspname = 'public' AND p.prokind IN ('f', 'p')
           AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass
                           AND d.objid = p.oid AND d.deptype = 'e')",
    )? {
        cat.functions.insert(text(&row, 0), text(&row, 1));
    }
    for row in q(
        client,
        "SELECT extname::text FROM pg_extension WHERE extname <> 'plpgsql'",
    )? {
        cat.extensions.insert(text(&row, 0));
    }
    Ok(cat)
}

/// One difference between two catalogs, with the object it is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Difference {
    /// `table`, `table.column`, `enum name`, ...
    pub object: String,
    /// What differs: `missing`, `extra`, `type`, `nullability`, `default`, `definition`, ...
    pub what: String,
    pub text: String,
}

impl std::fmt::Display for Difference {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

fn diff_maps<V: PartialEq + std::fmt::Debug>(
    out: &mut Vec<Difference>,
    kind: &str,
    prefix: &str,
    expected: &BTreeMap<String, V>,
    actual: &BTreeMap<String, V>,
) {
    for (name, e) in expected {
        let object = format!("{prefix}{name}");
        match actual.get(name) {
            None => out.push(Difference {
                text: format!("{kind} {object} is missing (expected {e:?})"),
                object,
                what: "missing".into(),
            }),
            Some(a) if a != e => out.push(Difference {
                text: format!(
                    "{kind} {object} differs:\n        expected {e:?}\n        found    {a:?}"
                ),
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
                text: format!("{kind} {object} is extra ({a:?})"),
                object,
                what: "extra".into(),
            });
        }
    }
}

/// The differences of `actual` from `expected`, ignoring column order and whether constraints
/// are validated.
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
        if e.comment != a.comment {
            out.push(Difference {
                object: name.clone(),
                what: "comment".into(),
                text: format!(
                    "comment of table {name}: expected {:?}, found {:?}",
                    e.comment, a.comment
                ),
            });
        }
        let cols = |t: &Table| -> BTreeMap<String, Column> {
            t.columns
                .iter()
                .map(|c| (c.name.clone(), c.clone()))
                .collect()
        };
        let (ec, ac) = (cols(e), cols(a));
        for (cname, c) in &ec {
            let object = format!("{name}.{cname}");
            let Some(d) = ac.get(cname) else {
                out.push(Difference {
                    text: format!("column {object} is missing"),
                    object,
                    what: "missing".into(),
                });
                continue;
            };
            let mut push = |what: &str, e: String, a: String| {
                out.push(Difference {
                    object: object.clone(),
                    what: what.into(),
                    text: format!("column {object}: {what} expected {e}, found {a}"),
                })
            };
            if c.ty != d.ty {
                push("type", c.ty.clone(), d.ty.clone());
            }
            if c.not_null != d.not_null {
                let nn = |b: bool| if b { "NOT NULL" } else { "NULL" }.to_string();
                push("nullability", nn(c.not_null), nn(d.not_null));
            }
            if c.default != d.default {
                push(
                    "default",
                    format!("{:?}", c.default),
                    format!("{:?}", d.default),
                );
            }
            if c.identity != d.identity {
                push(
                    "identity",
                    format!("{:?}", c.identity),
                    format!("{:?}", d.identity),
                );
            }
            if c.comment != d.comment {
                push(
                    "comment",
                    format!("{:?}", c.comment),
                    format!("{:?}", d.comment),
                );
            }
        }
        for cname in ac.keys() {
            if !ec.contains_key(cname) {
                let object = format!("{name}.{cname}");
                out.push(Difference {
                    text: format!("column {object} is extra"),
                    object,
                    what: "extra".into(),
                });
            }
        }
        let defs = |t: &Table| -> BTreeMap<String, String> {
            t.constraints
                .iter()
                .map(|(n, c)| (n.clone(), format!("[{}] {}", c.contype, c.def)))
                .collect()
        };
        diff_maps(
            &mut out,
            "constraint",
            &format!("{name}."),
            &defs(e),
            &defs(a),
        );
        diff_maps(
            &mut out,
            "index",
            &format!("{name}."),
            &e.indexes,
            &a.indexes,
        );
        diff_maps(
            &mut out,
            "trigger",
            &format!("{name}."),
            &e.triggers,
            &a.triggers,
        );
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
    diff_maps(&mut out, "enum", "", &expected.enums, &actual.enums);
    diff_maps(&mut out, "view", "", &expected.views, &actual.views);
    diff_maps(
        &mut out,
        "function",
        "",
        &expected.functions,
        &actual.functions,
    );
    let set = |s: &BTreeSet<String>| -> BTreeMap<String, ()> {
        s.iter().map(|x| (x.clone(), ())).collect()
    };
    diff_maps(
        &mut out,
        "extension",
        "",
        &set(&expected.extensions),
        &set(&actual.extensions),
    );
    out
}

/// Helper objects migc leaves behind: functions and triggers named `migc_*`, columns and
/// constraints whose name contains `migc` or ends in `_not_null` that `target` does not have.
pub fn leftovers(actual: &Catalog, target: &Catalog) -> Vec<String> {
    let mut out = Vec::new();
    for f in actual.functions.keys() {
        if f.starts_with("migc") && !target.functions.contains_key(f) {
            out.push(format!("function {f}"));
        }
    }
    for (tname, t) in &actual.tables {
        let tt = target.tables.get(tname);
        for trig in t.triggers.keys() {
            if trig.starts_with("migc") && !tt.is_some_and(|x| x.triggers.contains_key(trig)) {
                out.push(format!("trigger {trig} on {tname}"));
            }
        }
        for c in &t.columns {
            let suspicious = c.name.contains("migc") || c.name.ends_with("_not_null");
            if suspicious && tt.is_none_or(|x| x.column(&c.name).is_none()) {
                out.push(format!("column {tname}.{}", c.name));
            }
        }
        for k in t.constraints.keys() {
            let suspicious = k.contains("migc") || k.ends_with("_not_null");
            if suspicious && !tt.is_some_and(|x| x.constraints.contains_key(k)) {
                out.push(format!("constraint {k} on {tname}"));
            }
        }
    }
    out
}

/// A fingerprint of every table's rows (for "re-running changed nothing").
pub fn data_fingerprint(client: &mut Client) -> Result<BTreeMap<String, String>, String> {
    let tables: Vec<String> = client
        .query(
            "SELECT c.relname::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY 1",
            &[],
        )
        .map_err(|e| e.to_string())?
        .iter()
        .map(|r| r.get(0))
        .collect();
    let mut out = BTreeMap::new();
    for t in tables {
        let sql = format!(
            "SELECT count(*)::text || ' rows, md5 ' || md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) FROM {} t",
            quote(&t)
        );
        let row = client
            .query_one(&sql, &[])
            .map_err(|e| format!("{sql}: {e}"))?;
        out.insert(t, row.get::<_, String>(0));
    }
    Ok(out)
}

/// An identifier, quoted.
pub fn quote(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// A string literal.
pub fn literal(value: &str) -> String {
    format!("'{}'", value.replace('\'', "''"))
}

/// The differences, one per line, for a failure message.
pub fn describe(diffs: &[Difference]) -> String {
    let mut s = String::new();
    for d in diffs {
        let _ = writeln!(s, "      - {d}");
    }
    s
}
