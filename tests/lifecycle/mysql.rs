//! MySQL/MariaDB: scripts run statement by statement as the `mariadb` client sends them
//! (`DELIMITER` included) over one connection; the catalog from `information_schema`; values
//! compared with `<=>`.

use super::catalog::{Catalog, Column};
use super::engine::{Engine, Settings, Value};
use migc_compiler::schema::ColumnType;
use migc_db::{Connection, DbError, DbUrl};
use migc_stdlib::Dialect;
use std::path::Path;

pub struct Mysql;

pub static MYSQL: Mysql = Mysql;

const D: Dialect = Dialect::Mysql;

impl Engine for Mysql {
    fn dialect(&self) -> Dialect {
        D
    }

    fn server_var(&self) -> Option<&'static str> {
        Some("MIGC_TEST_MYSQL_URL")
    }

    fn word(&self) -> &'static str {
        "MYSQL"
    }

    /// The columns of `table` in the database the session selected (the version's, where the
    /// plan made one), as the catalog gives a table's.
    fn seen_columns(
        &self,
        conn: &mut dyn Connection,
        table: &str,
    ) -> Option<Result<Vec<(String, String)>, String>> {
        let sql = format!(
            "SELECT COLUMN_NAME, COLUMN_TYPE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = {} ORDER BY ORDINAL_POSITION",
            D.quote_literal(table)
        );
        Some(rows(conn, &sql).map(|rows| {
            rows.into_iter()
                .map(|mut r| {
                    let ty = r.pop().unwrap_or_default();
                    (r.pop().unwrap_or_default(), ty)
                })
                .collect()
        }))
    }

    fn run_script(&self, url: &DbUrl, file: &Path, settings: &Settings) -> Result<(), String> {
        let text = std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
        let name = file.file_name().unwrap_or_default().to_string_lossy();
        let mut conn = migc_db::connect(url).map_err(|e| format!("connect to {url}: {e}"))?;
        let mut set = Vec::new();
        if let Some(n) = settings.batch_size {
            set.push(format!("@migc_batch_size = {n}"));
        }
        if let Some(n) = settings.pause_ms {
            set.push(format!("@migc_pause_ms = {n}"));
        }
        if !set.is_empty() {
            conn.execute(&format!("SET {}", set.join(", ")))
                .map_err(|e| e.to_string())?;
        }
        for stmt in statements(&text) {
            conn.execute(&stmt).map_err(|e| {
                let lines: Vec<&str> = stmt.lines().collect();
                let shown = if lines.len() > 12 {
                    format!("{}\n…", lines[..12].join("\n"))
                } else {
                    stmt.clone()
                };
                format!("{name}: {e}\nin statement:\n{shown}")
            })?;
        }
        Ok(())
    }

    fn catalog(&self, conn: &mut dyn Connection) -> Result<Catalog, String> {
        read_catalog(conn)
    }

    fn forget_label(&self, cat: &mut Catalog, _name: &str, label: &str) {
        let lit = D.quote_literal(label);
        for t in cat.tables.values_mut() {
            for c in t.columns.values_mut() {
                if c.ty.starts_with("enum(") {
                    c.ty =
                        c.ty.replace(&format!(",{lit}"), "")
                            .replace(&format!("{lit},"), "");
                }
            }
        }
    }

    fn literal(&self, v: &Value, _ty: &ColumnType, _typed: bool) -> String {
        match v {
            Value::Null => "NULL".into(),
            Value::Int(n) => n.to_string(),
            Value::Real(s) | Value::Sql(s) => s.clone(),
            Value::Bool(b) => if *b { "TRUE" } else { "FALSE" }.into(),
            Value::Text(s) | Value::Read(s) => D.quote_literal(s),
            Value::Bytes(b) => format!("X'{}'", hex(b)),
        }
    }

    /// A value computed for a column, converted as storing it would (rounded to a decimal's
    /// scale or to an integer, a date or time to its type).
    fn cast(&self, expr: &str, ty: &ColumnType) -> String {
        let target = match ty {
            ColumnType::Builtin { name, args } => match name.as_str() {
                "int16" | "int32" | "int64" => "SIGNED".to_string(),
                "decimal" => format!(
                    "DECIMAL({}, {})",
                    args.first().copied().unwrap_or(10),
                    args.get(1).copied().unwrap_or(0)
                ),
                "date" => "DATE".into(),
                "time" => "TIME(6)".into(),
                "timestamp" | "timestamptz" => "DATETIME(6)".into(),
                _ => return expr.to_string(),
            },
            _ => return expr.to_string(),
        };
        format!("CAST(({expr}) AS {target})")
    }

    fn same(&self, a: &str, b: &str, _ty: &ColumnType) -> String {
        format!("(({a}) <=> ({b}))")
    }

    fn insert_defaults(&self, table: &str) -> String {
        format!("INSERT INTO {table} () VALUES ()")
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
        let rows = conn.query("SELECT LAST_INSERT_ID()")?;
        Ok(rows
            .into_iter()
            .next()
            .and_then(|r| r.into_iter().next().flatten()))
    }

    fn keys_through_views(&self) -> bool {
        true
    }

    fn renamed_labels_early(&self) -> bool {
        true
    }

    fn begin(&self) -> &'static str {
        "START TRANSACTION"
    }

    fn changes(&self, conn: &mut dyn Connection) -> Option<u64> {
        let rows = conn.query("SELECT ROW_COUNT()").ok()?;
        rows.first()?.first()?.as_deref()?.parse().ok()
    }
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

fn rows(conn: &mut dyn Connection, sql: &str) -> Result<Vec<Vec<String>>, String> {
    Ok(conn
        .query(sql)
        .map_err(|e| format!("catalog query failed: {e}\n{sql}"))?
        .into_iter()
        .map(|r| {
            r.into_iter()
                .map(|v| v.unwrap_or_else(|| "NULL".into()))
                .collect()
        })
        .collect())
}

/// The catalog of the connection's database. Views are compared by name only (their text names
/// the database).
fn read_catalog(conn: &mut dyn Connection) -> Result<Catalog, String> {
    let mut cat = Catalog::default();
    let db = "TABLE_SCHEMA = DATABASE()";
    for r in rows(
        conn,
        &format!("SELECT TABLE_NAME, TABLE_TYPE, TABLE_COMMENT FROM information_schema.TABLES WHERE {db}"),
    )? {
        if r[1] == "BASE TABLE" {
            let t = cat.tables.entry(r[0].clone()).or_default();
            if !r[2].is_empty() {
                t.parts.insert("comment".into(), r[2].clone());
            }
        } else {
            cat.objects.insert(format!("view {}", r[0]), r[1].clone());
        }
    }
    for r in rows(
        conn,
        &format!("SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA, COLUMN_COMMENT FROM information_schema.COLUMNS WHERE {db}"),
    )? {
        if let Some(t) = cat.tables.get_mut(&r[0]) {
            t.columns.insert(
                r[1].clone(),
                Column {
                    ty: r[2].clone(),
                    not_null: r[3] == "NO",
                    default: (r[4] != "NULL").then(|| r[4].clone()),
                    extra: format!("{} | {}", r[5], r[6]),
                },
            );
        }
    }
    let parts = [
        ("index", format!("SELECT TABLE_NAME, INDEX_NAME, CONCAT(NON_UNIQUE, ' | ', GROUP_CONCAT(CONCAT(COLUMN_NAME, ' ', COALESCE(COLLATION, '')) ORDER BY SEQ_IN_INDEX)) FROM information_schema.STATISTICS WHERE {db} GROUP BY TABLE_NAME, INDEX_NAME, NON_UNIQUE")),
        ("constraint", format!("SELECT TABLE_NAME, CONSTRAINT_NAME, CONSTRAINT_TYPE FROM information_schema.TABLE_CONSTRAINTS WHERE {db}")),
        ("check", "SELECT TABLE_NAME, CONSTRAINT_NAME, CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE()".to_string()),
        ("foreign key", "SELECT r.TABLE_NAME, r.CONSTRAINT_NAME, CONCAT(r.REFERENCED_TABLE_NAME, ' | ', r.UPDATE_RULE, ' | ', r.DELETE_RULE, ' | ', (SELECT GROUP_CONCAT(CONCAT(k.COLUMN_NAME, '->', k.REFERENCED_COLUMN_NAME) ORDER BY k.ORDINAL_POSITION) FROM information_schema.KEY_COLUMN_USAGE k WHERE k.CONSTRAINT_SCHEMA = r.CONSTRAINT_SCHEMA AND k.TABLE_NAME = r.TABLE_NAME AND k.CONSTRAINT_NAME = r.CONSTRAINT_NAME)) FROM information_schema.REFERENTIAL_CONSTRAINTS r WHERE r.CONSTRAINT_SCHEMA = DATABASE()".to_string()),
        ("trigger", "SELECT EVENT_OBJECT_TABLE, TRIGGER_NAME, CONCAT(ACTION_TIMING, ' ', EVENT_MANIPULATION) FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE()".to_string()),
    ];
    for (kind, sql) in parts {
        for r in rows(conn, &sql)? {
            match cat.tables.get_mut(&r[0]) {
                Some(t) => {
                    t.parts.insert(format!("{kind} {}", r[1]), r[2].clone());
                }
                None => {
                    cat.objects
                        .insert(format!("{kind} {} on {}", r[1], r[0]), r[2].clone());
                }
            }
        }
    }
    for r in rows(
        conn,
        "SELECT ROUTINE_NAME, ROUTINE_TYPE FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = DATABASE()",
    )? {
        cat.objects.insert(format!("routine {}", r[0]), r[1].clone());
    }
    Ok(cat)
}

/// The statements of a script as the `mariadb` client sends them: split at the current
/// delimiter (`;`, or what `DELIMITER` sets) at the end of a line; comment lines dropped.
pub fn statements(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut delimiter = ";".to_string();
    let mut current = String::new();
    for line in text.lines() {
        let trimmed = line.trim();
        if current.is_empty() && (trimmed.is_empty() || trimmed.starts_with("--")) {
            continue;
        }
        if current.is_empty() {
            if let Some(d) = trimmed.strip_prefix("DELIMITER ") {
                delimiter = d.trim().to_string();
                continue;
            }
        }
        current.push_str(line);
        current.push('\n');
        if trimmed.ends_with(delimiter.as_str()) {
            let stmt = current.trim_end();
            let stmt = stmt[..stmt.len() - delimiter.len()].trim().to_string();
            if !stmt.is_empty() {
                out.push(stmt);
            }
            current.clear();
        }
    }
    if !current.trim().is_empty() {
        out.push(current.trim().to_string());
    }
    out
}

/// Runs a script with the real client: `mariadb DB < file`.
pub fn run_with_client(url: &DbUrl, file: &Path) -> Result<(), String> {
    let DbUrl::Mysql(text) = url else {
        return Err(format!("{url} is not a MySQL URL"));
    };
    let opts = ::mysql::Opts::from_url(text).map_err(|e| e.to_string())?;
    let mut cmd = std::process::Command::new("mariadb");
    cmd.arg("-h")
        .arg(opts.get_ip_or_hostname().to_string())
        .arg("-P")
        .arg(opts.get_tcp_port().to_string())
        .arg("-u")
        .arg(opts.get_user().unwrap_or("root"));
    if let Some(p) = opts.get_pass() {
        cmd.arg(format!("-p{p}"));
    }
    cmd.arg(opts.get_db_name().unwrap_or_default());
    let input = std::fs::File::open(file).map_err(|e| e.to_string())?;
    let out = cmd
        .stdin(input)
        .output()
        .map_err(|e| format!("cannot run mariadb: {e}"))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(format!(
            "mariadb < {}: {}",
            file.display(),
            String::from_utf8_lossy(&out.stderr)
        ))
    }
}

/// Statements sqlparser 0.63 cannot parse with `MySqlDialect` although both servers run them,
/// each with the reason (checked against the parser, not assumed).
pub fn known_unparseable(stmt: &str) -> Option<&'static str> {
    let upper = stmt.trim_start().to_ascii_uppercase();
    // A stored procedure: sqlparser 0.63 reads `CREATE PROCEDURE` only in the form
    // `… AS BEGIN … END` and stops at MySQL's `BEGIN` ("Expected: AS"). The plain statements
    // inside (one a line) are parsed on their own instead: see `procedure_statements`.
    if upper.starts_with("CREATE PROCEDURE") {
        return Some("CREATE PROCEDURE … BEGIN (no AS)");
    }
    // A dual-write trigger with an empty branch, which holds the no-op `DO 0;`: sqlparser has
    // no MySQL `DO` statement (the same triggers without one parse).
    if upper.starts_with("CREATE TRIGGER") && upper.contains("DO 0;") {
        return Some("CREATE TRIGGER with `DO 0`");
    }
    // A dual-write trigger that refuses the new application's null in a column it declares
    // `not null` with `SIGNAL SQLSTATE …`: sqlparser 0.63 has no `SIGNAL` keyword.
    if upper.starts_with("CREATE TRIGGER") && upper.contains("SIGNAL SQLSTATE") {
        return Some("CREATE TRIGGER with `SIGNAL`");
    }
    // `ALTER TABLE t RENAME INDEX a TO b`: sqlparser 0.63 knows `RENAME [COLUMN] a TO b` and
    // `RENAME TO`, and reads `INDEX` as a column name ("Expected: TO").
    if upper.starts_with("ALTER TABLE ") && upper.contains(" RENAME INDEX ") {
        return Some("ALTER TABLE … RENAME INDEX");
    }
    // `CREATE FULLTEXT INDEX …` (a native block's, as written): sqlparser 0.63 reads no index
    // kind after `CREATE` ("Expected: an object type after CREATE").
    if upper.starts_with("CREATE FULLTEXT INDEX ") {
        return Some("CREATE FULLTEXT INDEX");
    }
    // `ALTER TABLE t COMMENT = '…'`: no table options in sqlparser 0.63's `ALTER TABLE`.
    if upper.starts_with("ALTER TABLE ") && upper.contains(" COMMENT = ") {
        return Some("ALTER TABLE … COMMENT =");
    }
    None
}

/// The one-line plain statements of a stored procedure's body (DDL, DML, `RENAME TABLE`).
pub fn procedure_statements(stmt: &str) -> Vec<String> {
    if !stmt.trim_start().starts_with("CREATE PROCEDURE") {
        return Vec::new();
    }
    stmt.lines()
        .map(str::trim)
        .filter(|l| l.ends_with(';'))
        .filter(|l| {
            [
                "ALTER TABLE ",
                "UPDATE ",
                "INSERT ",
                "REPLACE ",
                "DELETE ",
                "DROP ",
                "RENAME TABLE ",
            ]
            .iter()
            .any(|p| l.starts_with(p))
        })
        .map(|l| l.trim_end_matches(';').to_string())
        .collect()
}
