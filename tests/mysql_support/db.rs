//! Scratch databases on the MariaDB/MySQL server of `MIGC_TEST_MYSQL_URL`, and scripts run the
//! way the `mariadb` client runs them (`DELIMITER` included).

use mysql::prelude::Queryable;
use mysql::{Conn, Opts};
use std::path::Path;

/// The server's URL, or `None` (with a note) when the tests are not configured to run.
/// With `CI=true` a missing or unreachable server fails the test instead.
pub fn server(test: &str) -> Option<String> {
    let ci = std::env::var("CI").is_ok_and(|v| v == "true");
    let Ok(url) = std::env::var("MIGC_TEST_MYSQL_URL") else {
        if ci {
            panic!("{test}: CI=true but MIGC_TEST_MYSQL_URL is not set; the live MySQL tests must run in CI");
        }
        eprintln!("note: {test} skipped: set MIGC_TEST_MYSQL_URL (e.g. mysql://root@127.0.0.1:3306/test) to run it");
        return None;
    };
    match Conn::new(Opts::from_url(&url).expect("MIGC_TEST_MYSQL_URL is a mysql:// URL")) {
        Ok(_) => Some(url),
        Err(e) if ci => panic!("{test}: cannot reach {url}: {e}"),
        Err(e) => {
            eprintln!("note: {test} skipped: cannot reach {url}: {e}");
            None
        }
    }
}

/// The URL with another database.
pub fn with_db(url: &str, db: &str) -> String {
    let (base, _) = url.rsplit_once('/').unwrap_or((url, ""));
    format!("{base}/{db}")
}

pub fn connect(url: &str) -> Conn {
    Conn::new(Opts::from_url(url).expect("valid URL")).expect("connect")
}

/// A database made for one test, dropped when it goes out of scope.
pub struct Scratch {
    admin: String,
    pub name: String,
    pub url: String,
}

impl Scratch {
    pub fn create(server: &str, label: &str) -> Scratch {
        let clean: String = label
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
            .collect();
        let name = format!("migc_t_{}_{}", std::process::id(), clean);
        let name: String = name.chars().take(64).collect();
        let mut admin = connect(server);
        admin
            .query_drop(format!("DROP DATABASE IF EXISTS `{name}`"))
            .expect("drop old scratch");
        admin
            .query_drop(format!("CREATE DATABASE `{name}`"))
            .expect("create scratch");
        Scratch {
            admin: server.to_string(),
            url: with_db(server, &name),
            name,
        }
    }

    pub fn connect(&self) -> Conn {
        connect(&self.url)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        if let Ok(mut c) = Conn::new(Opts::from_url(&self.admin).expect("url")) {
            let _ = c.query_drop(format!("DROP DATABASE IF EXISTS `{}`", self.name));
        }
    }
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

/// Runs a script over a new connection (a script is one client session), stopping at the
/// first error as the client does.
pub fn run_script(url: &str, file: &Path) -> Result<(), String> {
    let text = std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
    let mut conn = connect(url);
    for stmt in statements(&text) {
        conn.query_drop(&stmt).map_err(|e| {
            format!(
                "{}: {e}\nin statement:\n{}",
                file.file_name().unwrap_or_default().to_string_lossy(),
                first_lines(&stmt, 12)
            )
        })?;
    }
    Ok(())
}

/// Runs a script with the real client: `mariadb DB < file`.
pub fn run_with_client(url: &str, file: &Path) -> Result<(), String> {
    let opts = Opts::from_url(url).map_err(|e| e.to_string())?;
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

pub fn first_lines(text: &str, n: usize) -> String {
    let lines: Vec<&str> = text.lines().collect();
    if lines.len() <= n {
        text.to_string()
    } else {
        format!("{}\n…", lines[..n].join("\n"))
    }
}

/// Every row of a query as text (NULL as `None`).
pub fn rows(conn: &mut Conn, sql: &str) -> Result<Vec<Vec<Option<String>>>, String> {
    let result: Vec<mysql::Row> = conn.query(sql).map_err(|e| format!("{sql}: {e}"))?;
    Ok(result
        .into_iter()
        .map(|r| {
            (0..r.len())
                .map(|i| match r.as_ref(i) {
                    None | Some(mysql::Value::NULL) => None,
                    Some(mysql::Value::Bytes(b)) => Some(String::from_utf8_lossy(b).into_owned()),
                    Some(v) => Some(v.as_sql(true)),
                })
                .collect()
        })
        .collect())
}
