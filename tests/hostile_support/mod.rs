//! The hostile schema of tests/hostile.rs and the run that proves a plan of it on a real
//! database: the `Case` (every name and text of a small v1 and v2 schema), its `.mig` files,
//! and `prove`, which plans v1 -> v2 for one dialect and checks, next to a canary table the
//! test made itself, that applying, rolling back and running the scripts with the dialect's
//! own client harm nothing and store every value exactly as declared.
//!
//! The checks read the databases with SQL this file writes itself (identifiers in the
//! dialect's quotes with the quote doubled, texts compared as hex bytes, MySQL texts sent as
//! hex literals), so that they do not depend on the quoting under test.

use crate::apply_support::{path_str, run, text, Scratch, Work};
use migc_db::Connection;
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The dialects, named as `--dialect` takes them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    Postgres,
    Mysql,
    Sqlite,
}

impl Dialect {
    pub fn name(self) -> &'static str {
        match self {
            Dialect::Postgres => "postgres",
            Dialect::Mysql => "mysql",
            Dialect::Sqlite => "sqlite",
        }
    }

    /// The dialect's keywords (tests/data/keywords/, README.md there says how they were made).
    pub fn keywords(self) -> &'static [&'static str] {
        use std::sync::OnceLock;
        static LISTS: [OnceLock<Vec<&'static str>>; 3] =
            [OnceLock::new(), OnceLock::new(), OnceLock::new()];
        let (i, text) = match self {
            Dialect::Postgres => (0, include_str!("../data/keywords/postgres.txt")),
            Dialect::Mysql => (1, include_str!("../data/keywords/mysql.txt")),
            Dialect::Sqlite => (2, include_str!("../data/keywords/sqlite.txt")),
        };
        LISTS[i].get_or_init(|| {
            text.lines()
                .map(str::trim)
                .filter(|w| !w.is_empty())
                .collect()
        })
    }

    /// An identifier in the dialect's quotes.
    fn ident(self, name: &str) -> String {
        match self {
            Dialect::Mysql => format!("`{}`", name.replace('`', "``")),
            _ => format!("\"{}\"", name.replace('"', "\"\"")),
        }
    }

    /// A text value: standard SQL strings for PostgreSQL (standard_conforming_strings) and
    /// SQLite; a hex literal for MySQL, whose strings take backslash escapes.
    fn lit(self, value: &str) -> String {
        match self {
            Dialect::Mysql => format!("_utf8mb4 X'{}'", hex(value.as_bytes())),
            _ => format!("'{}'", value.replace('\'', "''")),
        }
    }

    /// An expression giving the UTF-8 bytes of a text expression in hex.
    fn hex_of(self, expr: &str) -> String {
        match self {
            Dialect::Postgres => format!("encode(convert_to(({expr})::text, 'UTF8'), 'hex')"),
            Dialect::Mysql => format!("HEX({expr})"),
            Dialect::Sqlite => format!("hex({expr})"),
        }
    }

    /// A condition: the catalog column `column` holds exactly `value`.
    fn named(self, column: &str, value: &str) -> String {
        match self {
            Dialect::Mysql => format!("CAST({column} AS BINARY) = X'{}'", hex(value.as_bytes())),
            _ => format!("{column} = {}", self.lit(value)),
        }
    }
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02X}")).collect()
}

/// Every name and text of one case. `Case::default()` is the benign case: the same schema
/// with plain names, which must always pass.
#[derive(Clone, PartialEq, Eq)]
pub struct Case {
    /// The table the change is about, and the table its foreign key references.
    pub table: String,
    pub parent: String,
    /// A text column with a unique constraint (v1), an index and a check (v2).
    pub column: String,
    /// A column renamed in v2 (`renamed_to text renamed from renamed_from`).
    pub renamed_from: String,
    pub renamed_to: String,
    /// A column v2 drops, acknowledged with `drop column`.
    pub dropped: String,
    /// A column v2 adds: `text not null default '<default>' comment "<comment>"`.
    pub added: String,
    pub default: String,
    pub comment: String,
    /// The enum, its two labels in v1 and the label v2 appends.
    pub enum_name: String,
    pub labels: [String; 3],
    /// Constraint and index names: the unique constraint (v1), the index, the check and the
    /// foreign key (v2).
    pub unique: String,
    pub index: String,
    pub check: String,
    pub foreign_key: String,
    /// The string literal of the check: `check <check> ("<column>" <> '<check_literal>')`.
    pub check_literal: String,
    /// The table's comment in v2.
    pub table_comment: String,
    /// The names of the `.mig` files of v1 and v2.
    pub v1_file: String,
    pub v2_file: String,
}

impl Default for Case {
    fn default() -> Case {
        Case {
            table: "t".into(),
            parent: "p".into(),
            column: "c".into(),
            renamed_from: "o".into(),
            renamed_to: "n".into(),
            dropped: "g".into(),
            added: "a".into(),
            default: "dflt".into(),
            comment: "note".into(),
            enum_name: "e".into(),
            labels: ["l1".into(), "l2".into(), "l3".into()],
            unique: "t_c_key".into(),
            index: "t_c_idx".into(),
            check: "t_c_check".into(),
            foreign_key: "t_pid_fkey".into(),
            check_literal: "forbidden".into(),
            table_comment: "tnote".into(),
            v1_file: "v1.mig".into(),
            v2_file: "v2.mig".into(),
        }
    }
}

/// Only what differs from the benign case, so that a failure shows the text that matters.
impl fmt::Debug for Case {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let base = Case::default();
        let mut s = f.debug_struct("Case");
        for ((name, value), (_, benign)) in self.fields().into_iter().zip(base.fields()) {
            if value != benign {
                s.field(name, &value);
            }
        }
        s.finish_non_exhaustive()
    }
}

/// The seeded row's values (the check's literal is kept different from `SEED_COLUMN`).
pub const SEED_COLUMN: &str = "seed";
const SEED_RENAMED: &str = "seed-renamed";
const SEED_DROPPED: &str = "seed-dropped";

/// Bytes a name may have: PostgreSQL's limit, which migc applies to every dialect (E1015).
pub const MAX_NAME: usize = 63;
/// A table's name leaves room for the `_pkey` migc names its primary key after it.
pub const MAX_TABLE: usize = MAX_NAME - "_pkey".len();

impl Case {
    fn fields(&self) -> Vec<(&'static str, &str)> {
        vec![
            ("table", &self.table),
            ("parent", &self.parent),
            ("column", &self.column),
            ("renamed_from", &self.renamed_from),
            ("renamed_to", &self.renamed_to),
            ("dropped", &self.dropped),
            ("added", &self.added),
            ("default", &self.default),
            ("comment", &self.comment),
            ("enum_name", &self.enum_name),
            ("label1", &self.labels[0]),
            ("label2", &self.labels[1]),
            ("label3", &self.labels[2]),
            ("unique", &self.unique),
            ("index", &self.index),
            ("check", &self.check),
            ("foreign_key", &self.foreign_key),
            ("check_literal", &self.check_literal),
            ("table_comment", &self.table_comment),
            ("v1_file", &self.v1_file),
            ("v2_file", &self.v2_file),
        ]
    }

    /// The case made valid for the language without making it any less hostile: names
    /// distinct from each other (ignoring case and accents, as MySQL compares them) and from
    /// the fixed names, within their byte limits, the check's literal different from the
    /// seeded value, file names usable. A generated case goes through this before it runs.
    pub fn fixed(mut self) -> Case {
        let mut used: Vec<String> = ["id", "s", "pid", "canary", "migc_state"]
            .iter()
            .map(|n| fold(n))
            .collect();
        let mut distinct = |name: &mut String, max: usize| {
            let mut base = truncate(name, max).to_string();
            if base.is_empty() {
                base = "x".into();
            }
            let mut candidate = base.clone();
            let mut n = 2;
            while used.contains(&fold(&candidate)) {
                let suffix = n.to_string();
                candidate = format!("{}{suffix}", truncate(&base, max - suffix.len()));
                n += 1;
            }
            used.push(fold(&candidate));
            *name = candidate;
        };
        distinct(&mut self.table, MAX_TABLE);
        distinct(&mut self.parent, MAX_TABLE);
        let pkeys = [
            format!("{}_pkey", self.table),
            format!("{}_pkey", self.parent),
        ];
        for name in [
            &mut self.column,
            &mut self.renamed_from,
            &mut self.renamed_to,
            &mut self.dropped,
            &mut self.added,
            &mut self.enum_name,
            &mut self.unique,
            &mut self.index,
            &mut self.check,
            &mut self.foreign_key,
        ] {
            if pkeys.iter().any(|k| fold(k) == fold(name)) {
                name.push('2');
            }
            distinct(name, MAX_NAME);
        }
        let mut labels: Vec<String> = Vec::new();
        for label in &mut self.labels {
            let mut l = truncate(label, MAX_NAME).to_string();
            if l.is_empty() {
                l = "x".into();
            }
            let mut n = 2;
            let base = l.clone();
            while labels.contains(&fold(&l)) {
                let suffix = n.to_string();
                l = format!("{}{suffix}", truncate(&base, MAX_NAME - suffix.len()));
                n += 1;
            }
            labels.push(fold(&l));
            *label = l;
        }
        if fold(&self.check_literal) == fold(SEED_COLUMN) {
            self.check_literal.push('!');
        }
        for file in [&mut self.v1_file, &mut self.v2_file] {
            *file = file_name(file);
        }
        self
    }

    /// The names that are identifiers in the dialect (not texts): what MySQL may refuse.
    fn identifiers(&self) -> Vec<&str> {
        vec![
            &self.table,
            &self.parent,
            &self.column,
            &self.renamed_from,
            &self.renamed_to,
            &self.dropped,
            &self.added,
            &self.enum_name,
            &self.unique,
            &self.index,
            &self.check,
            &self.foreign_key,
        ]
    }

    /// Why the dialect cannot hold this case, if it cannot: then migc may refuse the plan
    /// (exit 1 with a diagnostic) instead of writing one that fails. Every other case must
    /// plan and run. MySQL and MariaDB refuse identifiers that end in white space or hold
    /// characters outside the Basic Multilingual Plane, and table names whose file name
    /// (`@XXXX` for every character but ASCII letters, digits and `_`) is too long; they strip
    /// trailing spaces from enum labels and keep comments and ENUM metadata in utf8mb3 (`?` for
    /// characters outside the BMP).
    /// PostgreSQL looks up a type name in `pg_catalog` first, so an enum named as a built-in
    /// type (asked of the server at `server`), or `pg_…`, would lose to it.
    pub fn unholdable(&self, dialect: Dialect, server: &str) -> Option<String> {
        if self.texts().iter().any(|t| t.contains('\0')) {
            return Some("a name or text holds NUL".into());
        }
        if dialect == Dialect::Postgres {
            let d = migc_stdlib::Dialect::Postgres;
            let builtin = format!(
                "SELECT n.nspname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE t.oid = to_regtype({})",
                d.quote_literal(&d.quote_ident(&self.enum_name))
            );
            let in_catalog = migc_db::DbUrl::parse(server)
                .and_then(|u| migc_db::connect(&u).ok())
                .and_then(|mut c| c.query(&builtin).ok())
                .is_some_and(|rows| {
                    rows.first()
                        .and_then(|r| r.first())
                        .cloned()
                        .flatten()
                        .as_deref()
                        == Some("pg_catalog")
                });
            if in_catalog || self.enum_name.starts_with("pg_") {
                return Some(format!(
                    "PostgreSQL finds its built-in type before an enum named {:?}",
                    self.enum_name
                ));
            }
        }
        if dialect != Dialect::Mysql {
            return None;
        }
        for name in self.identifiers() {
            if name.ends_with(|c: char| c.is_ascii_whitespace() || c == '\u{b}') {
                return Some(format!("MySQL names cannot end with white space: {name:?}"));
            }
            if name.chars().any(|c| c as u32 > 0xFFFF) {
                return Some(format!(
                    "MySQL names cannot hold characters outside the BMP: {name:?}"
                ));
            }
        }
        for table in [&self.table, &self.parent] {
            let file: usize = table
                .chars()
                .map(|c| {
                    if c.is_ascii_alphanumeric() || c == '_' {
                        1
                    } else {
                        5
                    }
                })
                .sum();
            // `<table>__migc_progress.frm`: the longest file name of a table migc makes.
            if file + "__migc_progress.frm".len() > 255 {
                return Some(format!(
                    "MariaDB's file name for the table is too long: {table:?}"
                ));
            }
        }
        for label in &self.labels {
            if label.chars().any(|c| c as u32 > 0xFFFF) {
                return Some(format!(
                    "MySQL keeps ENUM members in column metadata without characters outside the \
                     BMP: {label:?}"
                ));
            }
            if label.ends_with(' ') {
                return Some(format!(
                    "MySQL strips trailing spaces of enum labels: {label:?}"
                ));
            }
        }
        for comment in [&self.comment, &self.table_comment] {
            if comment.chars().any(|c| c as u32 > 0xFFFF) {
                return Some(format!(
                    "MySQL keeps comments in utf8mb3, without characters outside the BMP: \
                     {comment:?}"
                ));
            }
        }
        None
    }

    /// Every name and text of the case except the file names.
    pub fn texts(&self) -> Vec<&str> {
        self.fields()
            .into_iter()
            .filter(|(n, _)| !n.ends_with("_file"))
            .map(|(_, v)| v)
            .collect()
    }

    /// Field `i` (in the order of `fields`), mutably: the texts first (`TEXTS` of them), then
    /// the two file names.
    pub fn field_mut(&mut self, i: usize) -> &mut String {
        let [l1, l2, l3] = &mut self.labels;
        let fields: Vec<&mut String> = vec![
            &mut self.table,
            &mut self.parent,
            &mut self.column,
            &mut self.renamed_from,
            &mut self.renamed_to,
            &mut self.dropped,
            &mut self.added,
            &mut self.default,
            &mut self.comment,
            &mut self.enum_name,
            l1,
            l2,
            l3,
            &mut self.unique,
            &mut self.index,
            &mut self.check,
            &mut self.foreign_key,
            &mut self.check_literal,
            &mut self.table_comment,
            &mut self.v1_file,
            &mut self.v2_file,
        ];
        fields.into_iter().nth(i).expect("a field")
    }

    /// The name of field `i`.
    pub fn field_name(&self, i: usize) -> &'static str {
        self.fields()[i].0
    }

    /// The number of names and texts among the fields, and of all fields.
    pub const TEXTS: usize = 19;
    pub const FIELDS: usize = 21;

    /// v1: the parent table, the enum and the table with the columns v2 renames and drops.
    pub fn v1(&self) -> String {
        let [l1, l2, _] = &self.labels;
        format!(
            "// hostile case, v1\n\
             enum {e} {{ {l1}, {l2} }}\n\
             \n\
             table {p} {{\n  id bigint primary key\n}}\n\
             \n\
             table {t} {{\n\
             \x20 id bigint primary key\n\
             \x20 {c} text\n\
             \x20 {o} text\n\
             \x20 {g} text\n\
             \x20 s {e} default {d}\n\
             \x20 pid bigint\n\
             \x20 unique {u} ({c})\n\
             }}\n",
            e = name(&self.enum_name),
            l1 = name(l1),
            l2 = name(l2),
            p = name(&self.parent),
            t = name(&self.table),
            c = name(&self.column),
            o = name(&self.renamed_from),
            g = name(&self.dropped),
            d = sql_string(l1),
            u = name(&self.unique),
        )
    }

    /// v2: a label appended, a column renamed, one dropped, one added with a default and a
    /// comment, an index, a check with a string literal, a foreign key and a table comment.
    pub fn v2(&self) -> String {
        let [l1, l2, l3] = &self.labels;
        format!(
            "// hostile case, v2\n\
             enum {e} {{ {l1}, {l2}, {l3} }}\n\
             \n\
             table {p} {{\n  id bigint primary key\n}}\n\
             \n\
             table {t} {{\n\
             \x20 id bigint primary key\n\
             \x20 {c} text\n\
             \x20 {n} text renamed from {o}\n\
             \x20 drop column {g}\n\
             \x20 s {e} default {d}\n\
             \x20 pid bigint\n\
             \x20 {a} text not null default {dflt} comment {cmt}\n\
             \x20 unique {u} ({c})\n\
             \x20 index {i} ({cx})\n\
             \x20 check {k} ({cx} <> {lit})\n\
             \x20 foreign key {f} (pid) references {p} (id)\n\
             \x20 comment {tc}\n\
             }}\n",
            e = name(&self.enum_name),
            l1 = name(l1),
            l2 = name(l2),
            l3 = name(l3),
            p = name(&self.parent),
            t = name(&self.table),
            c = name(&self.column),
            cx = sql_ident(&self.column),
            n = name(&self.renamed_to),
            o = name(&self.renamed_from),
            g = name(&self.dropped),
            d = sql_string(l1),
            a = name(&self.added),
            dflt = sql_string(&self.default),
            cmt = mig_string(&self.comment),
            u = name(&self.unique),
            i = name(&self.index),
            k = name(&self.check),
            lit = sql_string(&self.check_literal),
            f = name(&self.foreign_key),
            tc = mig_string(&self.table_comment),
        )
    }
}

/// A key under which MySQL's collations (general and unicode) take two names or values for
/// the same: case, trailing spaces and the accents of the test's alphabet ignored. It may
/// take more for the same than MySQL does, which only makes the case a little less hostile.
fn fold(name: &str) -> String {
    name.to_lowercase()
        .trim_end_matches(' ')
        .replace('\u{301}', "")
        .replace('é', "e")
        .replace('ß', "s")
        .replace("ss", "s")
}

/// The longest prefix of `s` of at most `max` bytes ending on a character boundary.
pub fn truncate(s: &str, max: usize) -> &str {
    let mut end = s.len().min(max);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// A usable `.mig` file name from generated text: no `/` or NUL, a stem, the extension,
/// at most 255 bytes.
fn file_name(stem: &str) -> String {
    let stem = stem.strip_suffix(".mig").unwrap_or(stem);
    let stem: String = stem.chars().filter(|c| *c != '/' && *c != '\0').collect();
    let stem = truncate(&stem, 255 - ".mig".len());
    if stem.is_empty() {
        "x.mig".into()
    } else {
        format!("{stem}.mig")
    }
}

/// A `.mig` name in backticks (the grammar's quoted name: anything but a backtick or a line
/// break).
fn name(n: &str) -> String {
    format!("`{n}`")
}

/// A `.mig` string: double quotes, `\\` and `\"` escaped, everything else as it is.
pub fn mig_string(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// An SQL string literal as the `.mig` text holds it (standard SQL: `'` doubled, nothing else).
fn sql_string(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

/// An SQL identifier in double quotes, for expressions in the `.mig` text.
fn sql_ident(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

// ---------------------------------------------------------------------------------------------
// The databases

/// A scratch database: one on a server (dropped at the end) or a SQLite file.
pub enum Db {
    Server(Scratch),
    File(PathBuf),
}

impl Db {
    pub fn new(dialect: Dialect, server: &str, work: &Work, name: &str) -> Db {
        match dialect {
            Dialect::Sqlite => Db::File(work.path(name)),
            _ => Db::Server(Scratch::new(server)),
        }
    }

    pub fn url(&self) -> String {
        match self {
            Db::Server(s) => s.url.clone(),
            Db::File(p) => format!("sqlite://{}", p.display()),
        }
    }

    fn conn(&self) -> Result<Box<dyn Connection>, String> {
        let url = self.url();
        let parsed = migc_db::DbUrl::parse(&url).ok_or_else(|| format!("not a URL: {url}"))?;
        let mut c =
            migc_db::connect_or_create(&parsed).map_err(|e| format!("connect to {url}: {e}"))?;
        if matches!(self, Db::File(_)) {
            c.execute("PRAGMA busy_timeout = 5000")
                .map_err(|e| e.to_string())?;
        }
        Ok(c)
    }
}

/// Runs SQL the test wrote itself.
fn exec(c: &mut dyn Connection, sql: &str) -> Result<(), String> {
    c.execute(sql)
        .map_err(|e| format!("test SQL failed: {e}\n{sql}"))
}

fn rows(c: &mut dyn Connection, sql: &str) -> Result<Vec<Vec<String>>, String> {
    let rows = c
        .query(sql)
        .map_err(|e| format!("test query failed: {e}\n{sql}"))?;
    Ok(rows
        .into_iter()
        .map(|r| {
            r.into_iter()
                .map(|v| v.unwrap_or_else(|| "NULL".into()))
                .collect()
        })
        .collect())
}

fn one(c: &mut dyn Connection, sql: &str) -> Result<Option<String>, String> {
    let rows = c
        .query(sql)
        .map_err(|e| format!("test query failed: {e}\n{sql}"))?;
    Ok(rows
        .into_iter()
        .next()
        .and_then(|r| r.into_iter().next())
        .flatten())
}

/// The exit code, stdout and stderr of a finished run, each stream cut after 60 lines.
fn show(o: &Output) -> String {
    let cut = |bytes: &[u8]| {
        let t = text(bytes);
        let lines: Vec<&str> = t.lines().collect();
        if lines.len() <= 60 {
            t
        } else {
            format!(
                "{}\n[{} more lines]\n",
                lines[..60].join("\n"),
                lines.len() - 60
            )
        }
    };
    format!(
        "exit {:?}\n--- stdout\n{}--- stderr\n{}",
        o.status.code(),
        cut(&o.stdout),
        cut(&o.stderr)
    )
}

/// The text a hex column read back stands for, for messages.
fn unhex(h: &str) -> String {
    let bytes: Vec<u8> = (0..h.len() / 2)
        .filter_map(|i| u8::from_str_radix(&h[2 * i..2 * i + 2], 16).ok())
        .collect();
    format!("{:?}", String::from_utf8_lossy(&bytes))
}

/// `got` (hex, or NULL) must be the bytes of `want`.
fn same_text(what: &str, got: Option<String>, want: &str) -> Result<(), String> {
    match got {
        Some(h) if h.eq_ignore_ascii_case(&hex(want.as_bytes())) => Ok(()),
        // An empty comment is no comment (PostgreSQL stores none, MySQL shows '').
        None if want.is_empty() && what.contains("comment") => Ok(()),
        Some(h) => Err(format!(
            "{what} reads back as {} instead of {want:?}",
            unhex(&h)
        )),
        None => Err(format!("{what} is missing (NULL) instead of {want:?}")),
    }
}

// ---------------------------------------------------------------------------------------------
// The proof

/// What went wrong in one run, with the step and the output of the command that failed.
pub type Outcome = Result<(), String>;

/// Plans the case for `dialect` and proves it on scratch databases of `server` (ignored for
/// SQLite); `client` runs the scripts with the dialect's shell as well.
pub fn prove(case: &Case, dialect: Dialect, server: &str, client: bool) -> Outcome {
    let work = Work::new();
    let v1 = write_schema(&work, "v1", &case.v1_file, &case.v1())?;
    let v2 = write_schema(&work, "v2", &case.v2_file, &case.v2())?;
    let p1 = path_str(&work.path("p1"));
    let p2 = path_str(&work.path("p2"));
    let refusable = case.unholdable(dialect, server);
    for (from, to, out) in [("empty", v1.as_str(), &p1), (&v1, &v2, &p2)] {
        let o = run(&[
            "plan",
            "--from",
            from,
            "--to",
            to,
            "--dialect",
            dialect.name(),
            "--out",
            out,
        ]);
        match (o.status.code(), &refusable) {
            (Some(0), _) => {}
            (Some(1), Some(_)) if text(&o.stderr).contains("error[") => return Ok(()),
            _ => {
                return Err(format!(
                    "migc plan --from {from} --to {to} --dialect {d} failed\n{}",
                    show(&o),
                    d = dialect.name()
                ))
            }
        }
    }
    let note = match &refusable {
        Some(why) => format!(
            "\n(note: the dialect cannot hold this case: {why}; a refusal with a diagnostic at \
             plan time would pass)"
        ),
        None => String::new(),
    };

    // Both halves run even when the first fails: what a client does with the same scripts
    // tells how bad a failure is.
    let mut failures = Vec::new();
    let db = Db::new(dialect, server, &work, "apply.db");
    if let Err(e) = lifecycle(case, dialect, &db, &p1, &p2) {
        failures.push(format!("[migc apply/rollback] {e}{}", canary_after(&db)));
    }
    drop(db);
    if client {
        let db = Db::new(dialect, server, &work, "client.db");
        if let Err(e) = by_client(case, dialect, &db, &p1, &p2) {
            failures.push(format!("[client] {e}{}", canary_after(&db)));
        }
    }
    if failures.is_empty() {
        Ok(())
    } else {
        Err(failures.join("\n") + &note)
    }
}

/// Every keyword of the dialect as a column with an index of its own, in tables named after
/// keywords too (`per_table` columns each): the plan from `empty` applied, rolled back and
/// run with the client, the canary alive after each and nothing of the schema left after the
/// rollback.
pub fn prove_keywords(dialect: Dialect, server: &str, client: bool, per_table: usize) -> Outcome {
    let words: Vec<String> = dialect
        .keywords()
        .iter()
        .map(|w| w.to_lowercase())
        .filter(|w| !["id", "canary", "migc_state"].contains(&w.as_str()))
        .collect();
    let mut mig = String::new();
    for (i, chunk) in words.chunks(per_table).enumerate() {
        mig.push_str(&format!(
            "table {} {{\n  id bigint primary key\n",
            name(&chunk[0])
        ));
        for (j, w) in chunk.iter().enumerate() {
            mig.push_str(&format!(
                "  {} text\n  index {} ({})\n",
                name(w),
                name(&format!("k{i}_{j}")),
                sql_ident(w)
            ));
        }
        mig.push_str("}\n\n");
    }
    let work = Work::new();
    let v1 = write_schema(&work, "v1", "keywords.mig", &mig)?;
    let p1 = path_str(&work.path("p1"));
    migc(
        &[
            "plan",
            "--from",
            "empty",
            "--to",
            &v1,
            "--dialect",
            dialect.name(),
            "--out",
            &p1,
        ],
        "planning",
    )?;
    let db = Db::new(dialect, server, &work, "apply.db");
    let url = db.url();
    canary_create(&db)?;
    let applied = migc(
        &["apply", &p1, "--url", &url, "--through", "contract"],
        "applying",
    )
    .and_then(|()| canary_alive(&db, "after applying"))
    .and_then(|()| migc(&["rollback", &p1, "--url", &url], "rolling back"))
    .and_then(|()| canary_alive(&db, "after rolling back"))
    .and_then(|()| {
        let left = fingerprint(&Case::default(), dialect, &db)?;
        let left: Vec<&String> = left.keys().filter(|k| !k.contains("canary")).collect();
        if left.is_empty() {
            Ok(())
        } else {
            Err(format!("the rollback left {left:?}"))
        }
    });
    let mut failures = Vec::new();
    if let Err(e) = applied {
        failures.push(format!("[migc apply/rollback] {e}{}", canary_after(&db)));
    }
    if client {
        let db = Db::new(dialect, server, &work, "client.db");
        let by_client = canary_create(&db).and_then(|()| {
            for (i, phase) in PHASES.iter().enumerate() {
                let file = Path::new(&p1).join(format!("0{}-{phase}.up.sql", i + 1));
                let o = client_run(dialect, &db, &file)?;
                if client_failed(dialect, &o) {
                    return Err(format!("{phase} failed in the client\n{}", show(&o)));
                }
                canary_alive(&db, &format!("after the client ran {phase}"))?;
            }
            Ok(())
        });
        if let Err(e) = by_client {
            failures.push(format!("[client] {e}{}", canary_after(&db)));
        }
    }
    if failures.is_empty() {
        Ok(())
    } else {
        Err(failures.join("\n"))
    }
}

/// Whether a run of the client failed: a non-zero exit, or an error it went on after.
fn client_failed(dialect: Dialect, o: &Output) -> bool {
    let err = text(&o.stderr);
    o.status.code() != Some(0)
        || (dialect == Dialect::Postgres && err.contains("ERROR:"))
        || (dialect == Dialect::Sqlite && !err.trim().is_empty())
}

/// Writes `dir/<file>` (the directory is the schema source).
fn write_schema(work: &Work, dir: &str, file: &str, mig: &str) -> Result<String, String> {
    let d = work.path(dir);
    std::fs::create_dir_all(&d).map_err(|e| format!("mkdir: {e}"))?;
    std::fs::write(d.join(file), mig).map_err(|e| format!("write {file:?}: {e}"))?;
    Ok(path_str(&d))
}

const PHASES: [&str; 4] = ["expand", "backfill", "switch", "contract"];

/// Runs migc; a run refused because the previous one's session still holds the database's
/// lock (its server process ends a moment after the client) is tried again, a few times.
fn migc(args: &[&str], what: &str) -> Outcome {
    let mut o = run(args);
    for _ in 0..20 {
        if o.status.code() != Some(2) || !text(&o.stderr).contains("holds the lock") {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
        o = run(args);
    }
    if o.status.code() == Some(0) {
        Ok(())
    } else {
        Err(format!("{what}: migc {}\n{}", args.join(" "), show(&o)))
    }
}

/// v1 built with `migc apply`, a row seeded, then v2 applied through each phase before
/// contract and rolled back (the schema and the row back as they were), then through
/// contract (every value as declared); the canary checked after every step.
fn lifecycle(case: &Case, dialect: Dialect, db: &Db, p1: &str, p2: &str) -> Outcome {
    let url = db.url();
    canary_create(db)?;
    migc(
        &["apply", p1, "--url", &url, "--through", "contract"],
        "building v1",
    )?;
    canary_alive(db, "after building v1")?;
    seed(case, dialect, db)?;
    let v1 = fingerprint(case, dialect, db)?;
    for phase in &PHASES[..3] {
        migc(
            &["apply", p2, "--url", &url, "--through", phase],
            &format!("applying v2 through {phase}"),
        )?;
        canary_alive(db, &format!("after applying through {phase}"))?;
        migc(
            &["rollback", p2, "--url", &url],
            &format!("rolling back from {phase}"),
        )?;
        let when = format!("after rolling back from {phase}");
        canary_alive(db, &when)?;
        seeded_row_intact(case, dialect, db, &when)?;
        let back = fingerprint(case, dialect, db)?;
        same_schema(&v1, &back).map_err(|e| format!("{when}, the schema is not v1's: {e}"))?;
    }
    migc(
        &["apply", p2, "--url", &url, "--through", "contract"],
        "applying v2 through contract",
    )?;
    canary_alive(db, "after contract")?;
    declared_values(case, dialect, db).map_err(|e| format!("after contract: {e}"))
}

/// v1 and v2 run with the dialect's shell, script after script, the way a user runs them:
/// `psql -f` without `ON_ERROR_STOP` (so that statements after an error would run),
/// `mariadb DB < file`, `sqlite3 DB < file`. Every run must exit 0 without an error, and the
/// canary survive.
fn by_client(case: &Case, dialect: Dialect, db: &Db, p1: &str, p2: &str) -> Outcome {
    canary_create(db)?;
    for (plan, seed_after) in [(p1, true), (p2, false)] {
        for (i, phase) in PHASES.iter().enumerate() {
            let file = Path::new(plan).join(format!("0{}-{phase}.up.sql", i + 1));
            let o = client_run(dialect, db, &file)?;
            let failed = client_failed(dialect, &o);
            let which = format!(
                "{} {}",
                if plan == p1 { "v1" } else { "v2" },
                file.file_name().unwrap_or_default().to_string_lossy()
            );
            if failed {
                return Err(format!("{which} failed in the client\n{}", show(&o)));
            }
            canary_alive(db, &format!("after the client ran {which}"))?;
        }
        if seed_after {
            seed(case, dialect, db)?;
        }
    }
    declared_values(case, dialect, db).map_err(|e| format!("after the client ran v2: {e}"))
}

fn client_run(dialect: Dialect, db: &Db, file: &Path) -> Result<Output, String> {
    let input = std::fs::File::open(file).map_err(|e| format!("open {}: {e}", file.display()))?;
    let mut cmd = match (dialect, db) {
        (Dialect::Postgres, Db::Server(s)) => {
            let mut c = Command::new("psql");
            c.args(["-X", "-q", "-d", &s.url, "-f"]).arg(file);
            c.stdin(Stdio::null());
            c
        }
        (Dialect::Mysql, Db::Server(s)) => {
            let u = MysqlUrl::parse(&s.url)?;
            let mut c = Command::new(mysql_client());
            c.args(["-h", &u.host, "-P", &u.port, "-u", &u.user]);
            if let Some(p) = &u.password {
                c.arg(format!("-p{p}"));
            }
            c.arg(&u.database).stdin(input);
            c
        }
        (Dialect::Sqlite, Db::File(p)) => {
            let mut c = Command::new("sqlite3");
            c.arg(p).stdin(input);
            c
        }
        _ => return Err("no client for this database".into()),
    };
    cmd.output()
        .map_err(|e| format!("cannot run the {} client: {e}", dialect.name()))
}

/// `mariadb`, or `mysql` where only that one is installed.
fn mysql_client() -> &'static str {
    if Command::new("mariadb")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
    {
        "mariadb"
    } else {
        "mysql"
    }
}

/// The dialect's shell, if installed (`psql`, `mariadb`/`mysql`, `sqlite3`).
pub fn client_installed(dialect: Dialect) -> bool {
    let program = match dialect {
        Dialect::Postgres => "psql",
        Dialect::Mysql => mysql_client(),
        Dialect::Sqlite => "sqlite3",
    };
    Command::new(program)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

struct MysqlUrl {
    user: String,
    password: Option<String>,
    host: String,
    port: String,
    database: String,
}

impl MysqlUrl {
    fn parse(url: &str) -> Result<MysqlUrl, String> {
        let rest = url
            .split_once("://")
            .map(|(_, r)| r)
            .ok_or_else(|| format!("not a URL: {url}"))?;
        let rest = rest.split('?').next().unwrap_or(rest);
        let (auth, hostpart) = rest.rsplit_once('@').unwrap_or(("root", rest));
        let (user, password) = match auth.split_once(':') {
            Some((u, p)) => (u.to_string(), Some(p.to_string())),
            None => (auth.to_string(), None),
        };
        let (hostport, database) = hostpart.split_once('/').unwrap_or((hostpart, ""));
        let (host, port) = hostport.split_once(':').unwrap_or((hostport, "3306"));
        Ok(MysqlUrl {
            user,
            password,
            host: host.to_string(),
            port: port.to_string(),
            database: database.to_string(),
        })
    }
}

// ---------------------------------------------------------------------------------------------
// The canary, the seeded row and the values

/// After a failure: whether the canary survived it, for the message.
fn canary_after(db: &Db) -> String {
    match canary_alive(db, "after the failure") {
        Ok(()) => "\n(the canary survived)".into(),
        Err(e) => format!("\n!!! {e}"),
    }
}

fn canary_create(db: &Db) -> Outcome {
    let mut c = db.conn()?;
    exec(
        c.as_mut(),
        "CREATE TABLE canary (id integer PRIMARY KEY, v varchar(20) NOT NULL)",
    )?;
    exec(c.as_mut(), "INSERT INTO canary (id, v) VALUES (1, 'alive')")
}

fn canary_alive(db: &Db, when: &str) -> Outcome {
    let mut c = db.conn()?;
    match c.query("SELECT count(*), min(v) FROM canary") {
        Ok(r) => {
            let row = r.into_iter().next().unwrap_or_default();
            let got: Vec<String> = row.into_iter().map(|v| v.unwrap_or_default()).collect();
            if got == ["1", "alive"] {
                Ok(())
            } else {
                Err(format!(
                    "{when}: the canary table holds {got:?}, not its row"
                ))
            }
        }
        Err(e) => Err(format!("{when}: the canary table is gone: {e}")),
    }
}

/// The parent row 1 and row 1 of the table, every column filled.
fn seed(case: &Case, d: Dialect, db: &Db) -> Outcome {
    let mut c = db.conn()?;
    exec(
        c.as_mut(),
        &format!("INSERT INTO {} (id) VALUES (1)", d.ident(&case.parent)),
    )?;
    let mut insert = format!(
        "INSERT INTO {} (id, {}, {}, {}, s, pid) VALUES (1, {}, {}, {}, {}, 1)",
        d.ident(&case.table),
        d.ident(&case.column),
        d.ident(&case.renamed_from),
        d.ident(&case.dropped),
        d.lit(SEED_COLUMN),
        d.lit(SEED_RENAMED),
        d.lit(SEED_DROPPED),
        d.lit(&case.labels[1]),
    );
    if d == Dialect::Postgres {
        // An enum value from an expression needs its type.
        insert = insert.replace(
            &format!("{}, 1)", d.lit(&case.labels[1])),
            &format!(
                "{}::{}, 1)",
                d.lit(&case.labels[1]),
                d.ident(&case.enum_name)
            ),
        );
    }
    exec(c.as_mut(), &insert)
}

/// A column of row `id` of the table, as hex.
fn cell(
    case: &Case,
    d: Dialect,
    c: &mut dyn Connection,
    column: &str,
    id: i64,
) -> Result<Option<String>, String> {
    one(
        c,
        &format!(
            "SELECT {} FROM {} WHERE id = {id}",
            d.hex_of(&d.ident(column)),
            d.ident(&case.table)
        ),
    )
}

fn seeded_row_intact(case: &Case, d: Dialect, db: &Db, when: &str) -> Outcome {
    let mut c = db.conn()?;
    for (column, want) in [
        (&case.column, SEED_COLUMN),
        (&case.renamed_from, SEED_RENAMED),
        (&case.dropped, SEED_DROPPED),
        (&"s".to_string(), case.labels[1].as_str()),
    ] {
        let got = cell(case, d, c.as_mut(), column, 1).map_err(|e| format!("{when}: {e}"))?;
        same_text(&format!("{when}: the seeded row's {column:?}"), got, want)?;
    }
    Ok(())
}

/// After v2 through contract: the seeded row kept its values (the renamed column too) and
/// took the default, a new row takes the defaults, every enum label is stored as declared,
/// the check refuses its literal, the foreign key holds, the names of the index and the
/// constraints are exact, and the comments read back as declared.
fn declared_values(case: &Case, d: Dialect, db: &Db) -> Outcome {
    let mut c = db.conn()?;
    let c = c.as_mut();
    let t = d.ident(&case.table);
    for (column, want) in [
        (&case.column, SEED_COLUMN),
        (&case.renamed_to, SEED_RENAMED),
        (&case.added, case.default.as_str()),
        (&"s".to_string(), case.labels[1].as_str()),
    ] {
        let got = cell(case, d, c, column, 1)?;
        same_text(&format!("row 1's {column:?}"), got, want)?;
    }
    exec(c, &format!("INSERT INTO {t} (id) VALUES (2)"))?;
    let got = cell(case, d, c, &case.added, 2)?;
    same_text(
        &format!("the default of {:?} (a new row)", case.added),
        got,
        &case.default,
    )?;
    let got = cell(case, d, c, "s", 2)?;
    same_text("the default of s (a new row)", got, &case.labels[0])?;
    for label in &case.labels {
        let value = match d {
            Dialect::Postgres => format!("{}::{}", d.lit(label), d.ident(&case.enum_name)),
            _ => d.lit(label),
        };
        c.execute(&format!("UPDATE {t} SET s = {value} WHERE id = 2"))
            .map_err(|e| format!("the enum label {label:?} is refused: {e}"))?;
        let got = cell(case, d, c, "s", 2)?;
        same_text(&format!("the enum label {label:?}"), got, label)?;
    }
    if d == Dialect::Postgres {
        let got = rows(
            c,
            &format!(
                "SELECT {} FROM pg_enum e JOIN pg_type ty ON ty.oid = e.enumtypid \
                 WHERE {} AND ty.typnamespace = 'public'::regnamespace ORDER BY e.enumsortorder",
                d.hex_of("e.enumlabel"),
                d.named("ty.typname", &case.enum_name)
            ),
        )?;
        let want: Vec<String> = case.labels.iter().map(|l| hex(l.as_bytes())).collect();
        let got: Vec<String> = got.into_iter().map(|r| r[0].to_uppercase()).collect();
        if got != want {
            return Err(format!(
                "the enum's labels are {:?}, not {:?}",
                got.iter().map(|h| unhex(h)).collect::<Vec<_>>(),
                case.labels
            ));
        }
    }
    if c.execute(&format!(
        "UPDATE {t} SET {} = {} WHERE id = 2",
        d.ident(&case.column),
        d.lit(&case.check_literal)
    ))
    .is_ok()
    {
        return Err(format!(
            "the check {:?} lets its own literal {:?} through: the literal was not stored as \
             declared",
            case.check, case.check_literal
        ));
    }
    if c.execute(&format!("UPDATE {t} SET pid = 999 WHERE id = 2"))
        .is_ok()
    {
        return Err(format!(
            "the foreign key {:?} does not hold",
            case.foreign_key
        ));
    }
    for (kind, name) in [
        ("index", &case.index),
        ("unique constraint", &case.unique),
        ("check", &case.check),
        ("foreign key", &case.foreign_key),
    ] {
        if d == Dialect::Sqlite && (kind == "check" || kind == "foreign key") {
            continue; // SQLite has no catalog of constraint names
        }
        let sql = match d {
            Dialect::Postgres if kind == "index" => format!(
                "SELECT count(*) FROM pg_class WHERE relkind = 'i' AND {} \
                 AND relnamespace = 'public'::regnamespace",
                d.named("relname", name)
            ),
            Dialect::Postgres => format!(
                "SELECT count(*) FROM pg_constraint WHERE {} AND conrelid = (SELECT oid FROM \
                 pg_class WHERE {} AND relnamespace = 'public'::regnamespace)",
                d.named("conname", name),
                d.named("relname", &case.table)
            ),
            Dialect::Mysql if kind == "index" => format!(
                "SELECT count(DISTINCT INDEX_NAME) FROM information_schema.STATISTICS \
                 WHERE TABLE_SCHEMA = DATABASE() AND {} AND {}",
                d.named("TABLE_NAME", &case.table),
                d.named("INDEX_NAME", name)
            ),
            Dialect::Mysql => format!(
                "SELECT count(*) FROM information_schema.TABLE_CONSTRAINTS \
                 WHERE CONSTRAINT_SCHEMA = DATABASE() AND {} AND {}",
                d.named("TABLE_NAME", &case.table),
                d.named("CONSTRAINT_NAME", name)
            ),
            // SQLite keeps a unique constraint's name only in its table's definition
            // (the index behind it is `sqlite_autoindex_…`).
            Dialect::Sqlite if kind == "unique constraint" => format!(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND {} \
                 AND instr(sql, {}) > 0",
                d.named("name", &case.table),
                d.lit(&format!("CONSTRAINT {} UNIQUE", d.ident(name)))
            ),
            Dialect::Sqlite => format!(
                "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND {} AND {}",
                d.named("tbl_name", &case.table),
                d.named("name", name)
            ),
        };
        if one(c, &sql)?.as_deref() != Some("1") {
            return Err(format!(
                "the {kind} {name:?} is not in the catalog under its name"
            ));
        }
    }
    if d != Dialect::Sqlite {
        let (column_comment, table_comment) = comments(case, d, c)?;
        same_text(
            &format!("the comment of {:?}", case.added),
            column_comment,
            &case.comment,
        )?;
        same_text("the table's comment", table_comment, &case.table_comment)?;
    }
    Ok(())
}

/// The comment of the added column and the table's, as hex.
fn comments(
    case: &Case,
    d: Dialect,
    c: &mut dyn Connection,
) -> Result<(Option<String>, Option<String>), String> {
    match d {
        Dialect::Postgres => {
            let rel = format!(
                "(SELECT oid FROM pg_class WHERE {} AND relnamespace = 'public'::regnamespace)",
                d.named("relname", &case.table)
            );
            let column = one(
                c,
                &format!(
                    "SELECT {} FROM pg_attribute WHERE attrelid = {rel} AND {}",
                    d.hex_of("col_description(attrelid, attnum)"),
                    d.named("attname", &case.added)
                ),
            )?;
            let table = one(
                c,
                &format!(
                    "SELECT {}",
                    d.hex_of(&format!("obj_description({rel}, 'pg_class')"))
                ),
            )?;
            Ok((column, table))
        }
        Dialect::Mysql => {
            let column = one(
                c,
                &format!(
                    "SELECT HEX(COLUMN_COMMENT) FROM information_schema.COLUMNS \
                     WHERE TABLE_SCHEMA = DATABASE() AND {} AND {}",
                    d.named("TABLE_NAME", &case.table),
                    d.named("COLUMN_NAME", &case.added)
                ),
            )?;
            let table = one(
                c,
                &format!(
                    "SELECT HEX(TABLE_COMMENT) FROM information_schema.TABLES \
                     WHERE TABLE_SCHEMA = DATABASE() AND {}",
                    d.named("TABLE_NAME", &case.table)
                ),
            )?;
            Ok((column, table))
        }
        Dialect::Sqlite => Ok((None, None)),
    }
}

// ---------------------------------------------------------------------------------------------
// The schema as the catalog holds it

/// What the catalog says of every object of the schema (migc_state left out), by object.
type Fingerprint = BTreeMap<String, String>;

fn fingerprint(case: &Case, d: Dialect, db: &Db) -> Result<Fingerprint, String> {
    let mut c = db.conn()?;
    let queries: Vec<String> = match d {
        Dialect::Postgres => vec![
            "SELECT 'relation ' || relname, relkind::text || ' comment ' || \
             coalesce(obj_description(oid, 'pg_class'), '-') FROM pg_class \
             WHERE relnamespace = 'public'::regnamespace AND relname <> 'migc_state' \
             AND relname NOT LIKE 'migc\\_state%' AND relkind <> 'S'"
                .into(),
            "SELECT 'column ' || c.relname || '.' || a.attname, \
             format_type(a.atttypid, a.atttypmod) || ' notnull ' || a.attnotnull || \
             ' default ' || coalesce(pg_get_expr(d.adbin, d.adrelid), '-') || ' comment ' || \
             coalesce(col_description(c.oid, a.attnum), '-') \
             FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid \
             LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum \
             WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'v', 'p') \
             AND c.relname <> 'migc_state' AND a.attnum > 0 AND NOT a.attisdropped"
                .into(),
            "SELECT 'constraint ' || conrelid::regclass::text || '.' || conname, \
             pg_get_constraintdef(oid) || ' validated ' || convalidated FROM pg_constraint \
             WHERE connamespace = 'public'::regnamespace AND conrelid <> 0 \
             AND conrelid::regclass::text <> 'migc_state'"
                .into(),
            "SELECT 'index ' || i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) || \
             ' valid ' || i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid \
             WHERE c.relnamespace = 'public'::regnamespace AND c.relname <> 'migc_state'"
                .into(),
            "SELECT 'trigger ' || tgrelid::regclass::text || '.' || tgname, 'enabled ' || \
             tgenabled::text FROM pg_trigger WHERE NOT tgisinternal"
                .into(),
            "SELECT 'function ' || proname, pg_get_function_identity_arguments(oid) FROM pg_proc \
             WHERE pronamespace = 'public'::regnamespace"
                .into(),
            format!(
                "SELECT 'type ' || t.typname || ' label ' || e.enumlabel, '' FROM pg_type t \
                 JOIN pg_enum e ON e.enumtypid = t.oid WHERE t.typnamespace = \
                 'public'::regnamespace AND NOT ({})",
                // The label v2 adds stays on a rollback (PostgreSQL cannot drop a label).
                d.named("e.enumlabel", &case.labels[2])
            ),
            "SELECT 'type ' || typname, typtype::text FROM pg_type WHERE typnamespace = \
             'public'::regnamespace AND typtype IN ('e', 'd')"
                .into(),
        ],
        Dialect::Mysql => vec![
            "SELECT CONCAT('table ', TABLE_NAME), CONCAT(TABLE_TYPE, ' comment ', TABLE_COMMENT) \
             FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() \
             AND TABLE_NAME <> 'migc_state'"
                .into(),
            "SELECT CONCAT('column ', TABLE_NAME, '.', COLUMN_NAME), CONCAT_WS(' | ', \
             IF(DATA_TYPE = 'enum', 'enum', COLUMN_TYPE), IS_NULLABLE, \
             IFNULL(COLUMN_DEFAULT, '-'), COLUMN_COMMENT, EXTRA, \
             IFNULL(GENERATION_EXPRESSION, '-')) FROM information_schema.COLUMNS \
             WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME <> 'migc_state'"
                .into(),
            "SELECT CONCAT('enum type ', TABLE_NAME, '.', COLUMN_NAME), COLUMN_TYPE \
             FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() \
             AND DATA_TYPE = 'enum'"
                .into(),
            "SELECT CONCAT('index ', TABLE_NAME, '.', INDEX_NAME, '.', SEQ_IN_INDEX), \
             CONCAT_WS(' | ', COLUMN_NAME, IFNULL(SUB_PART, '-'), NON_UNIQUE) \
             FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() \
             AND TABLE_NAME <> 'migc_state'"
                .into(),
            "SELECT CONCAT('constraint ', TABLE_NAME, '.', CONSTRAINT_NAME), CONSTRAINT_TYPE \
             FROM information_schema.TABLE_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() \
             AND TABLE_NAME <> 'migc_state'"
                .into(),
            "SELECT CONCAT('check ', TABLE_NAME, '.', CONSTRAINT_NAME), CHECK_CLAUSE \
             FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE()"
                .into(),
            "SELECT CONCAT('foreign key ', TABLE_NAME, '.', CONSTRAINT_NAME), \
             CONCAT_WS(' | ', REFERENCED_TABLE_NAME, UPDATE_RULE, DELETE_RULE) \
             FROM information_schema.REFERENTIAL_CONSTRAINTS \
             WHERE CONSTRAINT_SCHEMA = DATABASE()"
                .into(),
            "SELECT CONCAT('trigger ', TRIGGER_NAME), EVENT_OBJECT_TABLE \
             FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE()"
                .into(),
            "SELECT CONCAT('routine ', ROUTINE_NAME), ROUTINE_TYPE \
             FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = DATABASE()"
                .into(),
        ],
        Dialect::Sqlite => vec![
            "SELECT type || ' ' || name, tbl_name FROM sqlite_master \
             WHERE tbl_name <> 'migc_state'"
                .into(),
            "SELECT 'column ' || m.name || '.' || p.name, p.type || ' notnull ' || p.\"notnull\" \
             || ' default ' || coalesce(p.dflt_value, '-') || ' pk ' || p.pk || ' hidden ' || \
             p.hidden FROM sqlite_master m JOIN pragma_table_xinfo(m.name) p \
             WHERE m.type IN ('table', 'view') AND m.name <> 'migc_state'"
                .into(),
            "SELECT 'index ' || m.name || '.' || il.name, il.\"unique\" || ' ' || il.origin || \
             ' ' || il.partial || ' (' || (SELECT group_concat(coalesce(ii.name, '<expr>'), ', ') \
             FROM pragma_index_info(il.name) ii) || ')' FROM sqlite_master m \
             JOIN pragma_index_list(m.name) il WHERE m.type = 'table' AND m.name <> 'migc_state'"
                .into(),
            "SELECT 'foreign key ' || m.name || '.' || f.id || '.' || f.seq, f.\"table\" || ' ' || \
             f.\"from\" || ' ' || f.\"to\" || ' ' || f.on_update || ' ' || f.on_delete \
             FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f \
             WHERE m.type = 'table' AND m.name <> 'migc_state'"
                .into(),
            // The table's text after its name (checks live there only); a rename rewrites the
            // name's quotes.
            "SELECT 'table text ' || name, sql, name FROM sqlite_master \
             WHERE type = 'table' AND name <> 'migc_state'"
                .into(),
        ],
    };
    // SQLite keeps the label v2 adds in the enum column's check on a rollback, as MySQL does
    // in the column's type.
    let added_label = format!(", {})", d.lit(&case.labels[2]));
    let mut out = Fingerprint::new();
    for q in queries {
        for r in rows(c.as_mut(), &q)? {
            let (k, mut v) = (r[0].clone(), r.get(1).cloned().unwrap_or_default());
            if d == Dialect::Sqlite {
                v = v.replace(&added_label, ")");
                if let Some(name) = r.get(2) {
                    let v2 = v.strip_prefix("CREATE TABLE ").unwrap_or(&v);
                    let v2 = v2
                        .strip_prefix(&d.ident(name))
                        .or_else(|| v2.strip_prefix(name.as_str()))
                        .unwrap_or(v2);
                    v = v2.to_string();
                }
            }
            out.insert(k, v);
        }
    }
    Ok(out)
}

/// The schema after a rollback is v1's, but for what the plan documents it leaves: an enum
/// label appended in v2 (MySQL keeps it in the column's type).
fn same_schema(v1: &Fingerprint, back: &Fingerprint) -> Outcome {
    let mut diffs = Vec::new();
    for (k, v) in v1 {
        match back.get(k) {
            None => diffs.push(format!("  missing: {k} = {v}")),
            Some(b) if b == v => {}
            Some(b)
                if k.starts_with("enum type ")
                    && b.ends_with(')')
                    && b.starts_with(v.strip_suffix(')').unwrap_or(v)) => {}
            Some(b) => diffs.push(format!("  changed: {k}\n    v1:   {v}\n    back: {b}")),
        }
    }
    for (k, v) in back {
        if !v1.contains_key(k) {
            diffs.push(format!("  left over: {k} = {v}"));
        }
    }
    if diffs.is_empty() {
        Ok(())
    } else {
        Err(format!("\n{}", diffs.join("\n")))
    }
}
