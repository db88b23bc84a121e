//! SQLite, in process (rusqlite's bundled SQLite behind `migc-db`): scripts run whole on a
//! connection of their own, a transaction they leave open rolled back; the catalog from
//! `sqlite_schema` and the pragmas; values compared with `IS`. Plus the `sqlite3` shell, for the
//! tests that run scripts as users run them.

use super::catalog::{Catalog, Column, Table};
use super::engine::{Engine, Settings, Value};
use migc_compiler::schema::ColumnType;
use migc_db::{Connection, DbError, DbUrl};
use migc_stdlib::{Dialect, TypeClass};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

pub struct Sqlite;

pub static SQLITE: Sqlite = Sqlite;

const D: Dialect = Dialect::Sqlite;

impl Engine for Sqlite {
    fn dialect(&self) -> Dialect {
        D
    }

    fn server_var(&self) -> Option<&'static str> {
        None
    }

    fn word(&self) -> &'static str {
        "SQLITE"
    }

    /// The whole script in one call (as `execute_batch` runs it). On an error the open
    /// transaction is rolled back; a script that ends with one open is an error too.
    fn run_script(&self, url: &DbUrl, file: &Path, _settings: &Settings) -> Result<(), String> {
        let name = file.file_name().unwrap_or_default().to_string_lossy();
        let sql = std::fs::read_to_string(file).map_err(|e| format!("read {name}: {e}"))?;
        let mut conn = super::server::connect(url);
        let result = conn.execute(&sql);
        // `BEGIN` fails inside a transaction: then one was left open.
        let open = conn.execute("BEGIN").is_err();
        let _ = conn.execute("ROLLBACK");
        match result {
            Err(e) => Err(format!("{name}: {e}")),
            Ok(()) if open => Err(format!("{name} left a transaction open")),
            Ok(()) => Ok(()),
        }
    }

    fn rerun_may_fail(&self) -> bool {
        true
    }

    fn catalog(&self, conn: &mut dyn Connection) -> Result<Catalog, String> {
        read_catalog(conn)
    }

    fn forget_label(&self, cat: &mut Catalog, _name: &str, label: &str) {
        let lit = D.quote_literal(label);
        for t in cat.tables.values_mut() {
            t.parts = std::mem::take(&mut t.parts)
                .into_iter()
                .map(|(k, v)| {
                    let k = if k.starts_with("check ") {
                        k.replace(&format!(", {lit}"), "")
                            .replace(&format!("{lit}, "), "")
                    } else {
                        k
                    };
                    (k, v)
                })
                .collect();
        }
    }

    /// The schema's text exactly as stored and every row in `rowid` order.
    fn dump(&self, conn: &mut dyn Connection) -> Result<String, String> {
        let q = |c: &mut dyn Connection, sql: &str| c.query(sql).map_err(|e| format!("{sql}: {e}"));
        let mut out = String::new();
        let objects = q(
            conn,
            "SELECT type, name, coalesce(sql, '') FROM sqlite_schema ORDER BY type, name",
        )?;
        for o in objects {
            let [Some(ty), Some(name), Some(sql)] = &o[..] else {
                continue;
            };
            out.push_str(&format!("{ty} {name}: {sql}\n"));
            if ty == "table" {
                let sql = format!("SELECT * FROM {} ORDER BY rowid", D.quote_ident(name));
                for r in q(conn, &sql)? {
                    let vals: Vec<&str> =
                        r.iter().map(|v| v.as_deref().unwrap_or("NULL")).collect();
                    out.push_str(&format!("  {}\n", vals.join("|")));
                }
            }
        }
        Ok(out)
    }

    fn literal(&self, v: &Value, ty: &ColumnType, _typed: bool) -> String {
        let class = ty.builtin().map(|b| b.class);
        match v {
            Value::Null => "NULL".into(),
            Value::Int(n) => n.to_string(),
            Value::Real(s) | Value::Sql(s) => s.clone(),
            Value::Bool(b) => u8::from(*b).to_string(),
            Value::Text(s) => D.quote_literal(s),
            Value::Bytes(b) => format!(
                "X'{}'",
                b.iter().map(|x| format!("{x:02x}")).collect::<String>()
            ),
            // Blobs come back as hex; numbers keep their affinity.
            Value::Read(s) if class == Some(TypeClass::Bytes) => format!("X'{s}'"),
            Value::Read(s)
                if matches!(
                    class,
                    Some(
                        TypeClass::Integer
                            | TypeClass::Decimal
                            | TypeClass::Float
                            | TypeClass::Bool
                    )
                ) && s.parse::<f64>().is_ok() =>
            {
                s.clone()
            }
            Value::Read(s) => D.quote_literal(s),
        }
    }

    fn same(&self, a: &str, b: &str, _ty: &ColumnType) -> String {
        format!("(({a}) IS ({b}))")
    }

    fn write(
        &self,
        conn: &mut dyn Connection,
        sql: &str,
        _cols: &[String],
    ) -> Result<Option<Vec<Option<String>>>, DbError> {
        conn.execute(sql).map(|()| None)
    }

    fn last_key(&self, conn: &mut dyn Connection) -> Result<Option<String>, DbError> {
        let rows = conn.query("SELECT last_insert_rowid()")?;
        Ok(rows
            .into_iter()
            .next()
            .and_then(|r| r.into_iter().next().flatten()))
    }

    fn keys_through_views(&self) -> bool {
        true
    }

    /// The database holds the old label until contract renames it.
    fn renamed_labels_early(&self) -> bool {
        false
    }

    fn begin(&self) -> &'static str {
        "BEGIN IMMEDIATE"
    }

    fn changes(&self, conn: &mut dyn Connection) -> Option<u64> {
        let rows = conn.query("SELECT changes()").ok()?;
        rows.first()?.first()?.as_deref()?.parse().ok()
    }
}

/// SQL text compared loosely: quotes dropped, lower case, spaces normalised.
fn norm_sql(sql: &str) -> String {
    let s: String = sql.replace('"', "").to_lowercase();
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    s.replace("( ", "(")
        .replace(" )", ")")
        .replace(" ,", ",")
        .trim_end_matches(';')
        .to_string()
}

/// The checks of a `CREATE TABLE`, as `column: expr` or `name: expr`.
fn checks_of(sql: &str) -> Vec<String> {
    use sqlparser::ast::{ColumnOption, Statement, TableConstraint};
    let Ok(stmts) =
        sqlparser::parser::Parser::parse_sql(&sqlparser::dialect::SQLiteDialect {}, sql)
    else {
        return vec![format!("unparsed: {}", norm_sql(sql))];
    };
    let mut out = Vec::new();
    for s in stmts {
        let Statement::CreateTable(ct) = s else {
            continue;
        };
        for c in &ct.columns {
            for o in &c.options {
                if let ColumnOption::Check(ck) = &o.option {
                    out.push(norm_sql(&format!("{}: {}", c.name.value, ck.expr)));
                }
            }
        }
        for k in &ct.constraints {
            if let TableConstraint::Check(ck) = k {
                let name = ck
                    .name
                    .as_ref()
                    .map(|n| n.value.clone())
                    .unwrap_or_default();
                out.push(norm_sql(&format!("{name}: {}", ck.expr)));
            }
        }
    }
    out
}

fn read_catalog(conn: &mut dyn Connection) -> Result<Catalog, String> {
    let mut q = |sql: &str| -> Result<Vec<Vec<String>>, String> {
        Ok(conn
            .query(sql)
            .map_err(|e| format!("{e}: {sql}"))?
            .into_iter()
            .map(|r| r.into_iter().map(Option::unwrap_or_default).collect())
            .collect())
    };
    let mut cat = Catalog::default();
    let objects = q("SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY name")?;
    for r in objects.iter().filter(|r| r[0] == "table") {
        let name = &r[1];
        let lit = D.quote_literal(name);
        let mut t = Table::default();
        for check in checks_of(&r[3]) {
            t.parts.insert(format!("check {check}"), String::new());
        }
        for c in q(&format!(
            "SELECT name, lower(type), \"notnull\", dflt_value, pk FROM pragma_table_info({lit})"
        ))? {
            t.columns.insert(
                c[0].clone(),
                Column {
                    ty: c[1].clone(),
                    not_null: c[2] == "1",
                    default: (!c[3].is_empty()).then(|| norm_sql(&c[3])),
                    extra: format!("pk={}", c[4]),
                },
            );
        }
        let mut fks: BTreeMap<String, (String, Vec<String>, Vec<String>, String)> = BTreeMap::new();
        for f in q(&format!("SELECT id, \"table\", \"from\", \"to\", on_update, on_delete FROM pragma_foreign_key_list({lit}) ORDER BY id, seq"))? {
            let e = fks.entry(f[0].clone()).or_insert_with(|| {
                let actions = format!("on update {} on delete {}", f[4], f[5]);
                (f[1].clone(), Vec::new(), Vec::new(), actions)
            });
            e.1.push(f[2].clone());
            e.2.push(f[3].clone());
        }
        for (table, from, to, actions) in fks.into_values() {
            let fk = format!(
                "({}) -> {table}({}) {actions}",
                from.join(", "),
                to.join(", ")
            );
            t.parts.insert(format!("foreign key {fk}"), String::new());
        }
        cat.tables.insert(name.clone(), t);
    }
    for r in &objects {
        let (ty, name, table, sql) = (&r[0], &r[1], &r[2], norm_sql(&r[3]));
        match (ty.as_str(), cat.tables.get_mut(table)) {
            ("index" | "trigger", Some(t)) => {
                t.parts.insert(format!("{ty} {name}"), sql);
            }
            ("trigger", None) => {
                cat.objects
                    .insert(format!("trigger {name} on {table}"), sql);
            }
            ("view", _) => {
                cat.objects.insert(format!("view {name}"), sql);
            }
            _ => {}
        }
    }
    Ok(cat)
}

/// The `sqlite3` shell, when installed.
pub fn sqlite3() -> Option<PathBuf> {
    let ok = Command::new("sqlite3")
        .arg("-version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    ok.then(|| PathBuf::from("sqlite3"))
}

/// `sqlite3 DB < SCRIPT`: whether it exited 0, and what it printed.
pub fn run_cli(db: &Path, script: &Path) -> Result<(bool, String), String> {
    let input = std::fs::File::open(script).map_err(|e| format!("{}: {e}", script.display()))?;
    let out = Command::new("sqlite3")
        .arg(db)
        .stdin(input)
        .output()
        .map_err(|e| format!("cannot run sqlite3: {e}"))?;
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    Ok((out.status.success(), text))
}

/// The statements of a script as written, split at top-level semicolons found by sqlparser's
/// tokenizer; a `CREATE TRIGGER` runs to the `END` that closes its body.
pub fn statements(text: &str) -> Result<Vec<String>, String> {
    super::reparse::split(&sqlparser::dialect::SQLiteDialect {}, text, true)
}
