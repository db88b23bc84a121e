//! Helpers of the import tests: the binary, scratch databases on the live servers, realistic
//! schemas of dozens of tables, and catalog comparison through introspection.
#![allow(dead_code)]

use migc_compiler::schema::Schema;
use migc_db::DbUrl;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn migc(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_migc"))
        .current_dir(dir)
        .args(args)
        .output()
        .expect("migc runs")
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Runs migc and fails with its output unless it exits with `code`.
#[track_caller]
pub fn expect(dir: &Path, args: &[&str], code: i32) -> Output {
    let out = migc(dir, args);
    assert_eq!(
        out.status.code(),
        Some(code),
        "migc {args:?}\nstdout:\n{}\nstderr:\n{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    out
}

pub fn data(path: &str) -> String {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/import")
        .join(path);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// The server named by `var`; `None` (with a note) when unset outside CI. In CI a missing
/// variable fails the test.
pub fn server(var: &str, test: &str) -> Option<String> {
    let ci = std::env::var("CI").is_ok_and(|v| v == "true");
    match std::env::var(var) {
        Ok(u) if !u.trim().is_empty() => Some(u),
        _ => {
            assert!(!ci, "{test}: CI=true but {var} is not set");
            eprintln!("note: skipping {test}: set {var} to run it");
            None
        }
    }
}

/// A database of its own on a live server, dropped at the end of the test.
pub struct Scratch {
    admin: String,
    pub name: String,
    pub url: String,
}

fn with_database(url: &str, db: &str) -> String {
    let (base, _) = url.rsplit_once('/').expect("URL names a database");
    format!("{base}/{db}")
}

impl Scratch {
    /// Creates database `name` (dropping a leftover one) on the server of `admin_url`. Fails
    /// the test when the server cannot be reached.
    pub fn new(admin_url: &str, name: &str) -> Scratch {
        let admin = DbUrl::parse(admin_url).expect("a database URL");
        let mut c = migc_db::connect(&admin)
            .unwrap_or_else(|e| panic!("cannot reach {}: {e}", admin.redacted()));
        c.execute(&format!("DROP DATABASE IF EXISTS {name}"))
            .expect("drop");
        c.execute(&format!("CREATE DATABASE {name}"))
            .expect("create");
        Scratch {
            admin: admin_url.to_string(),
            name: name.to_string(),
            url: with_database(admin_url, name),
        }
    }

    /// Runs DDL in the scratch database (statements separated by `;`, as the dialect's client
    /// would).
    pub fn run(&self, sql: &str) {
        let url = DbUrl::parse(&self.url).expect("URL");
        let mut c = migc_db::connect(&url).expect("connect");
        match url {
            DbUrl::Mysql(_) => {
                for s in migc_import::split::split(sql) {
                    c.execute(&s.text)
                        .unwrap_or_else(|e| panic!("{e}\n{}", s.text));
                }
            }
            _ => c.execute(sql).unwrap_or_else(|e| panic!("{e}")),
        }
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        if let Some(url) = DbUrl::parse(&self.admin) {
            if let Ok(mut c) = migc_db::connect(&url) {
                let _ = migc_db::drop_database(&mut *c, &self.name);
            }
        }
    }
}

/// The libpq-style connection arguments of a PostgreSQL URL, for pg_dump and psql.
pub fn pg_tool(tool: &str, url: &str, args: &[&str]) -> Output {
    Command::new(tool)
        .arg(format!("--dbname={url}"))
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{tool} runs: {e}"))
}

/// `mariadb-dump --no-data` of a MySQL URL `mysql://user[:pass]@host:port/db`.
pub fn mysqldump(url: &str) -> String {
    let rest = url.split_once("://").expect("URL").1;
    let (auth, hostdb) = rest.split_once('@').expect("user@host");
    let (user, pass) = auth.split_once(':').unwrap_or((auth, ""));
    let (hostport, db) = hostdb.split_once('/').expect("host/db");
    let (host, port) = hostport.split_once(':').unwrap_or((hostport, "3306"));
    let tool = if Command::new("mariadb-dump")
        .arg("--version")
        .output()
        .is_ok()
    {
        "mariadb-dump"
    } else {
        "mysqldump"
    };
    let mut cmd = Command::new(tool);
    cmd.args([
        "--no-data",
        "--routines",
        "-h",
        host,
        "-P",
        port,
        "-u",
        user,
    ]);
    if !pass.is_empty() {
        cmd.arg(format!("-p{pass}"));
    }
    let out = cmd.arg(db).output().expect("mysqldump runs");
    assert!(out.status.success(), "{}", text(&out.stderr));
    text(&out.stdout)
}

/// `n` more tables in a chain of foreign keys, each with a unique key, a check, a partial and
/// an expression index (MySQL: plain indexes), in the dialect's DDL.
pub fn generated_tables(dialect: &str, n: usize) -> String {
    let mut out = String::new();
    for i in 1..=n {
        let (id, extra) = match dialect {
            "postgres" => ("bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY", ""),
            "mysql" => ("bigint NOT NULL AUTO_INCREMENT PRIMARY KEY", ""),
            _ => ("integer PRIMARY KEY", ""),
        };
        let parent = if i > 1 {
            format!(
                ",\n  parent_id bigint REFERENCES t{:02} (id) ON DELETE SET NULL",
                i - 1
            )
        } else {
            String::new()
        };
        let (code, amount) = match dialect {
            "mysql" => ("varchar(32)", "decimal(10,2)"),
            _ => ("varchar(32)", "numeric(10, 2)"),
        };
        out.push_str(&format!(
            "CREATE TABLE t{i:02} (\n  id {id},\n  code {code} NOT NULL,\n  label text,\n  amount {amount} NOT NULL DEFAULT 0,\n  active boolean NOT NULL DEFAULT true,\n  created_on date{parent}{extra},\n  CONSTRAINT t{i:02}_code_key UNIQUE (code),\n  CONSTRAINT t{i:02}_amount_check CHECK (amount >= 0)\n);\n"
        ));
        match dialect {
            "mysql" => out.push_str(&format!(
                "CREATE INDEX t{i:02}_created_idx ON t{i:02} (created_on, code);\n"
            )),
            _ => {
                out.push_str(&format!(
                    "CREATE INDEX t{i:02}_active_idx ON t{i:02} (created_on) WHERE active;\n"
                ));
                out.push_str(&format!(
                    "CREATE INDEX t{i:02}_lower_idx ON t{i:02} (lower(code));\n"
                ));
            }
        }
    }
    out
}

/// Reads a database into the model with `.mig` text in between, as `migc plan` does.
pub fn model(url: &str) -> (Schema, String) {
    let imported = migc_import::read_database(&DbUrl::parse(url).expect("URL")).expect("read");
    assert!(!imported.has_errors(), "{:?}", imported.diagnostics);
    let text = migc_import::emit::text(&imported.schema);
    (compile(&text), text)
}

pub fn compile(text: &str) -> Schema {
    let mut sources = migc_grammar::Sources::new();
    let f = sources.add("imported.mig", text.to_string());
    let compiled = migc_compiler::compile(&mut sources, &[f]);
    assert!(
        !compiled.diagnostics.iter().any(|d| d.is_error()),
        "{:?}\n{text}",
        compiled.diagnostics
    );
    compiled.schema.expect("schema")
}

/// Compiles every `.mig` file under `dir`.
pub fn compile_dir(dir: &Path) -> Schema {
    let mut files: Vec<PathBuf> = Vec::new();
    let mut dirs = vec![dir.to_path_buf()];
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(&d).expect("dir").filter_map(Result::ok) {
            let p = e.path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|x| x == "mig") {
                files.push(p);
            }
        }
    }
    files.sort();
    let mut sources = migc_grammar::Sources::new();
    let ids: Vec<_> = files
        .iter()
        .map(|p| {
            sources.add(
                p.display().to_string(),
                std::fs::read_to_string(p).expect("read"),
            )
        })
        .collect();
    let compiled = migc_compiler::compile(&mut sources, &ids);
    assert!(
        !compiled.diagnostics.iter().any(|d| d.is_error()),
        "{:?}",
        compiled.diagnostics
    );
    compiled.schema.expect("schema")
}

/// The steps the planner finds between two models (no lowering: works for every dialect).
pub fn steps(from: &Schema, to: &Schema) -> Vec<String> {
    let plan = migc_planner::plan(
        from,
        to,
        &migc_planner::Options {
            allow_destructive: true,
            ..Default::default()
        },
    );
    plan.steps.iter().map(|s| s.summary.clone()).collect()
}

/// The model without its native blocks (whose SQL text each source spells its own way).
pub fn without_natives(mut s: Schema) -> Schema {
    s.natives.clear();
    s
}

/// Runs a script with the `mariadb` client (it holds `DELIMITER`) into the database of `url`.
pub fn mariadb_client(url: &str, file: &Path) {
    let rest = url.strip_prefix("mysql://").expect("a mysql:// URL");
    let (auth, rest) = rest.split_once('@').expect("user@host");
    let (user, password) = auth.split_once(':').unwrap_or((auth, ""));
    let (hostport, db) = rest.split_once('/').expect("host/db");
    let (host, port) = hostport.split_once(':').unwrap_or((hostport, "3306"));
    let mut cmd = std::process::Command::new("mariadb");
    cmd.args(["-h", host, "-P", port, "-u", user, db]);
    if !password.is_empty() {
        cmd.arg(format!("-p{password}"));
    }
    let out = cmd
        .stdin(std::fs::File::open(file).expect("script"))
        .output()
        .expect("the mariadb client runs");
    assert!(
        out.status.success(),
        "{}: {}",
        file.display(),
        text(&out.stderr)
    );
}
