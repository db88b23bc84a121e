//! PostgreSQL: scripts run with `psql -v ON_ERROR_STOP=1 -f`, as users run them; the catalog of
//! the `public` schema from `pg_catalog`; values compared as the server compares them.

use super::catalog::{Catalog, Column, Table};
use super::engine::{Engine, Settings, Value};
use migc_compiler::schema::ColumnType;
use migc_db::{Connection, DbError, DbUrl};
use migc_stdlib::Dialect;
use std::path::Path;
use std::process::{Command, Stdio};

pub struct Postgres;

pub static POSTGRES: Postgres = Postgres;

const D: Dialect = Dialect::Postgres;

/// The type's spelling, for casts.
fn spelling(ty: &ColumnType) -> String {
    match ty {
        ColumnType::Builtin { name, args } => {
            migc_stdlib::builtin_type(name).map_or_else(|| name.clone(), |t| t.spelling(D, args))
        }
        ColumnType::Enum { name } => D.quote_ident(name),
        ColumnType::Native { spellings } => spellings.get(&D).cloned().unwrap_or("text".into()),
    }
}

fn is_json(ty: &ColumnType) -> bool {
    let s = spelling(ty).to_ascii_lowercase();
    s == "json" || s == "jsonb"
}

impl Engine for Postgres {
    fn dialect(&self) -> Dialect {
        D
    }

    fn seen_columns(
        &self,
        conn: &mut dyn Connection,
        table: &str,
    ) -> Option<Result<Vec<(String, String)>, String>> {
        let sql = format!(
            "SELECT a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a
             WHERE a.attrelid = to_regclass({}) AND a.attnum > 0 AND NOT a.attisdropped
             ORDER BY a.attnum",
            D.quote_literal(&D.quote_ident(table))
        );
        Some(
            conn.query(&sql)
                .map_err(|e| format!("{sql}: {e}"))
                .map(|rows| {
                    rows.into_iter()
                        .map(|r| {
                            let cell = |i: usize| r.get(i).cloned().flatten().unwrap_or_default();
                            (cell(0), cell(1))
                        })
                        .collect()
                }),
        )
    }

    fn server_var(&self) -> Option<&'static str> {
        Some("MIGC_TEST_POSTGRES_URL")
    }

    fn word(&self) -> &'static str {
        "PG"
    }

    fn run_script(&self, url: &DbUrl, file: &Path, settings: &Settings) -> Result<(), String> {
        let DbUrl::Postgres(url) = url else {
            return Err(format!("{url} is not a PostgreSQL URL"));
        };
        let mut options = Vec::new();
        if let Some(n) = settings.batch_size {
            options.push(format!("-c migc.batch_size={n}"));
        }
        if let Some(n) = settings.pause_ms {
            options.push(format!("-c migc.pause_ms={n}"));
        }
        let limit = settings
            .limit
            .unwrap_or(std::time::Duration::from_secs(300));
        psql(url, file, &options.join(" "), limit)
    }

    fn catalog(&self, conn: &mut dyn Connection) -> Result<Catalog, String> {
        read_catalog(conn)
    }

    fn forget_label(&self, cat: &mut Catalog, name: &str, label: &str) {
        if let Some(labels) = cat.objects.get_mut(&format!("enum {name}")) {
            *labels = labels
                .split(", ")
                .filter(|l| *l != label)
                .collect::<Vec<_>>()
                .join(", ");
        }
    }

    fn literal(&self, v: &Value, ty: &ColumnType, typed: bool) -> String {
        let lit = match v {
            Value::Null => "NULL".to_string(),
            Value::Int(n) => n.to_string(),
            Value::Real(s) => s.clone(),
            Value::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
            Value::Text(s) | Value::Read(s) => D.quote_literal(s),
            Value::Bytes(b) => {
                let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
                format!("{}::bytea", D.quote_literal(&format!("\\x{hex}")))
            }
            Value::Sql(s) => return s.clone(),
        };
        if typed {
            format!("CAST({lit} AS {})", spelling(ty))
        } else {
            lit
        }
    }

    fn cast(&self, expr: &str, ty: &ColumnType) -> String {
        format!("CAST(({expr}) AS {})", spelling(ty))
    }

    fn same(&self, a: &str, b: &str, ty: &ColumnType) -> String {
        // JSON has no equality operator: its text, written the same way (jsonb's own).
        if is_json(ty) {
            format!("((({a})::jsonb)::text IS NOT DISTINCT FROM (({b})::jsonb)::text)")
        } else {
            format!("(({a}) IS NOT DISTINCT FROM ({b}))")
        }
    }

    fn write(
        &self,
        conn: &mut dyn Connection,
        sql: &str,
        cols: &[String],
    ) -> Result<Option<Vec<Option<String>>>, DbError> {
        // As text the way every query returns it (`f`, not `false`).
        let returning: Vec<String> = cols.iter().map(|c| D.quote_ident(c)).collect();
        let mut rows = conn.query(&format!("{sql} RETURNING {}", returning.join(", ")))?;
        Ok(Some(rows.pop().unwrap_or_default()))
    }

    fn last_key(&self, _conn: &mut dyn Connection) -> Result<Option<String>, DbError> {
        Ok(None)
    }

    fn keys_through_views(&self) -> bool {
        false
    }

    fn renamed_labels_early(&self) -> bool {
        true
    }

    fn begin(&self) -> &'static str {
        "BEGIN"
    }
}

fn rows(conn: &mut dyn Connection, sql: &str) -> Result<Vec<Vec<String>>, String> {
    Ok(conn
        .query(sql)
        .map_err(|e| format!("catalog query failed: {e}\n{sql}"))?
        .into_iter()
        .map(|r| r.into_iter().map(Option::unwrap_or_default).collect())
        .collect())
}

fn opt(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_string())
}

/// The catalog of the `public` schema.
fn read_catalog(conn: &mut dyn Connection) -> Result<Catalog, String> {
    let mut cat = Catalog::default();
    let public = "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'";
    for r in rows(
        conn,
        &format!(
            "SELECT c.relname, coalesce(obj_description(c.oid, 'pg_class'), '') FROM pg_class c {public} AND c.relkind IN ('r', 'p')"
        ),
    )? {
        let mut t = Table::default();
        if !r[1].is_empty() {
            t.parts.insert("comment".into(), r[1].clone());
        }
        cat.tables.insert(r[0].clone(), t);
    }
    for r in rows(
        conn,
        &format!(
            "SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull::text,
                    coalesce(pg_get_expr(d.adbin, d.adrelid), ''), a.attidentity::text,
                    coalesce(col_description(c.oid, a.attnum), '')
             FROM pg_attribute a
             JOIN pg_class c ON c.oid = a.attrelid
             LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
             {public} AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped"
        ),
    )? {
        if let Some(t) = cat.tables.get_mut(&r[0]) {
            let mut extra = format!("identity={:?}", r[5]);
            if !r[6].is_empty() {
                extra.push_str(&format!(" comment={:?}", r[6]));
            }
            t.columns.insert(
                r[1].clone(),
                Column {
                    ty: r[2].clone(),
                    not_null: r[3] == "true",
                    default: opt(&r[4]),
                    extra,
                },
            );
        }
    }
    for r in rows(
        conn,
        &format!(
            "SELECT c.relname, k.conname, k.contype::text, pg_get_constraintdef(k.oid)
             FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid {public}"
        ),
    )? {
        if let Some(t) = cat.tables.get_mut(&r[0]) {
            // Whether it is validated yet is not compared.
            let def = r[3].strip_suffix(" NOT VALID").unwrap_or(&r[3]);
            t.parts
                .insert(format!("constraint {}", r[1]), format!("[{}] {def}", r[2]));
        }
    }
    for r in rows(
        conn,
        &format!(
            "SELECT c.relname, i.relname, pg_get_indexdef(i.oid), x.indisvalid::text
             FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class c ON c.oid = x.indrelid {public}"
        ),
    )? {
        if let Some(t) = cat.tables.get_mut(&r[0]) {
            let invalid = if r[3] == "true" { "" } else { " -- INVALID" };
            t.parts
                .insert(format!("index {}", r[1]), format!("{}{invalid}", r[2]));
        }
    }
    for r in rows(
        conn,
        &format!(
            "SELECT c.relname, t.tgname, pg_get_triggerdef(t.oid)
             FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid {public} AND NOT t.tgisinternal"
        ),
    )? {
        if let Some(t) = cat.tables.get_mut(&r[0]) {
            t.parts.insert(format!("trigger {}", r[1]), r[2].clone());
        }
    }
    for r in rows(
        conn,
        "SELECT t.typname, string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder)
         FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
         JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'public' GROUP BY t.typname",
    )? {
        cat.objects.insert(format!("enum {}", r[0]), r[1].clone());
    }
    for r in rows(
        conn,
        "SELECT viewname, definition FROM pg_views WHERE schemaname = 'public'",
    )? {
        cat.objects.insert(format!("view {}", r[0]), r[1].clone());
    }
    for r in rows(
        conn,
        "SELECT p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')', pg_get_functiondef(p.oid)
         FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
         WHERE n.nspname = 'public' AND p.prokind IN ('f', 'p')
           AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass
                           AND d.objid = p.oid AND d.deptype = 'e')",
    )? {
        cat.objects.insert(format!("function {}", r[0]), r[1].clone());
    }
    for r in rows(
        conn,
        "SELECT extname FROM pg_extension WHERE extname <> 'plpgsql'",
    )? {
        cat.objects
            .insert(format!("extension {}", r[0]), String::new());
    }
    Ok(cat)
}

/// `psql -X -q -v ON_ERROR_STOP=1 -d URL -f FILE` with `PGOPTIONS`, killed after `limit`; the
/// error is the error psql printed, with its detail and context.
fn psql(url: &str, file: &Path, options: &str, limit: std::time::Duration) -> Result<(), String> {
    let mut stderr_file =
        tempfile::tempfile().map_err(|e| format!("temporary file for psql's output: {e}"))?;
    let mut cmd = Command::new("psql");
    cmd.args(["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", url, "-f"])
        .arg(file)
        .env("PGCONNECT_TIMEOUT", "10")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(
            stderr_file
                .try_clone()
                .map_err(|e| format!("temporary file for psql's output: {e}"))?,
        );
    if !options.is_empty() {
        cmd.env("PGOPTIONS", options);
    }
    let mut child = cmd
        .spawn()
        .map_err(|e| format!("cannot run psql (is it installed?): {e}"))?;
    let started = std::time::Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if started.elapsed() > limit => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!(
                    "psql -f {} did not finish within {} s (killed)",
                    file.display(),
                    limit.as_secs()
                ));
            }
            Ok(None) => std::thread::sleep(std::time::Duration::from_millis(5)),
            Err(e) => return Err(format!("waiting for psql: {e}")),
        }
    };
    if status.success() {
        return Ok(());
    }
    let mut stderr = String::new();
    use std::io::{Read, Seek};
    let _ = stderr_file.seek(std::io::SeekFrom::Start(0));
    let _ = stderr_file.read_to_string(&mut stderr);
    // The error with its detail and the first line of its context (psql also echoes the
    // failing query, which can be long).
    let lines: Vec<&str> = stderr
        .lines()
        .filter(|l| !l.contains("NOTICE:") && !l.trim().is_empty())
        .collect();
    let first = lines.iter().position(|l| l.contains("ERROR:")).unwrap_or(0);
    let mut picked: Vec<&str> = Vec::new();
    let mut context = false;
    for l in &lines[first..] {
        if l.contains("ERROR:")
            || l.starts_with("DETAIL:")
            || l.starts_with("HINT:")
            || l.starts_with("LINE ")
        {
            picked.push(l);
        } else if l.starts_with("CONTEXT:") && !context {
            context = true;
            picked.push(l);
        }
    }
    if picked.is_empty() {
        picked = lines[lines.len().saturating_sub(12)..].to_vec();
    }
    Err(format!(
        "psql -f {} exited with {status}:\n    {}",
        file.display(),
        picked.join("\n    ")
    ))
}

/// The statements of a script as written, split at top-level semicolons found by sqlparser's
/// tokenizer (which knows dollar quoting).
pub fn statements(text: &str) -> Result<Vec<String>, String> {
    super::reparse::split(&sqlparser::dialect::PostgreSqlDialect {}, text, false)
}

/// Statements migc emits that sqlparser 0.63 cannot parse although PostgreSQL runs them (the
/// lifecycle tests run every script with psql): `DO` blocks, whose PL/pgSQL bodies are outside
/// SQL (sqlparser has no `DO` statement), and `DROP INDEX CONCURRENTLY IF EXISTS`, valid
/// PostgreSQL (`DROP INDEX [ CONCURRENTLY ] [ IF EXISTS ] name`) that sqlparser rejects after
/// `CONCURRENTLY`.
pub fn known_unparseable(stmt: &str) -> Option<&'static str> {
    let words: Vec<String> = stmt
        .split_whitespace()
        .take(5)
        .map(str::to_ascii_uppercase)
        .collect();
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    match words.as_slice() {
        ["DO", tag, ..] if tag.starts_with('$') => Some("DO block (PL/pgSQL)"),
        ["DROP", "INDEX", "CONCURRENTLY", "IF", "EXISTS"] => {
            Some("DROP INDEX CONCURRENTLY IF EXISTS")
        }
        _ => None,
    }
}
