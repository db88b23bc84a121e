//! Hostile names and texts through every dialect's plan, on the real databases.
//!
//! A small v1 and v2 schema (tests/hostile_support: an enum, a parent table and a table whose
//! v2 renames, drops and adds columns, adds a label, an index, a check with a string literal,
//! a foreign key and comments) are written with generated names and texts: quotes of every
//! kind, backslashes, line breaks, dollar-quote tags, SQL and client comment and statement
//! syntax, `DELIMITER`, psql variables, the runner's placeholders, unicode (combining,
//! right-to-left, outside the BMP), every keyword of the dialect (tests/data/keywords/), and
//! names at the 63-byte limit, in `.mig` files whose names are hostile as well. Each case is
//! planned, applied through every phase and rolled back from each phase before contract with
//! `migc apply`/`rollback`, and run again script by script with the dialect's own client
//! (`psql` without `ON_ERROR_STOP`, `mariadb DB < file`, `sqlite3 DB < file`), next to a canary
//! table the test made: the canary must survive, every value must read back byte for byte as
//! declared, and a rollback must give v1's schema back. A dialect that cannot hold a case at
//! all (MySQL: names ending in white space or outside the BMP) may refuse it at plan time.
//! Names and texts with NUL, and names over 63 bytes, must be refused with a diagnostic.
//! Plain tests add every keyword of each dialect as an indexed column, and the known
//! reproductions.
//!
//! The run is deterministic: a fixed seed and a bounded number of cases per dialect, about a
//! minute each. `MIGC_HOSTILE_CASES=500` runs more cases per dialect, `MIGC_HOSTILE_SEED=<n>`
//! other ones, `MIGC_HOSTILE_SHRINK_SECS` bounds the time spent shrinking a failure (60 s by
//! default). A failure shows the smallest input proptest could shrink it to, both `.mig` files
//! and the output of the command that failed. The servers come from
//! `MIGC_TEST_POSTGRES_URL` and `MIGC_TEST_MYSQL_URL`; without them, or when a server does
//! not answer, the dialect is skipped with a note, except with `CI=true`, where that fails.
//!
//! Proptest stops at the first failure; `cargo test --test hostile -- --ignored survey
//! --nocapture` lists every kind of failure it meets, one field of the case hostile at a time.

mod apply_support;
mod hostile_support;

use hostile_support::{prove, truncate, Case, Dialect, MAX_NAME, MAX_TABLE};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;
use proptest::strategy::{NewTree, ValueTree};
use proptest::test_runner::{Config, RngSeed, TestCaseError, TestError, TestRunner};

// ---------------------------------------------------------------------------------------------
// Hostile text, one strategy per kind

/// Quotes of every kind, alone, doubled and escaped, and closing what a naive writer opened.
const QUOTES: &[&str] = &[
    "'", "\"", "`", "''", "\"\"", "``", "\\'", "\\\"", "')", "');", "\")", "`)", "'||'", "N'",
    "E'", "X'", "B'", "U&'", "q'[",
];

/// Backslashes: MySQL's string escapes, and the clients' meta-commands.
const BACKSLASHES: &[&str] = &[
    "\\",
    "\\\\",
    "\\n",
    "\\0",
    "\\Z",
    "\\%",
    "\\_",
    "\\x27",
    "\\q",
    "\\g",
    "\\G",
    "\\!",
    "\\c",
    "\\set x 1",
    "\\i x",
];

/// PostgreSQL dollar-quote tags, migc's own among them.
const DOLLAR_TAGS: &[&str] = &["$", "$$", "$migc$", "$migc", "migc$", "$body$", "$1", "$_$"];

/// Comment syntax of the three dialects and their clients.
const COMMENTS: &[&str] = &[
    "--",
    "-- ",
    "/*",
    "*/",
    "/*!",
    "/*!50000 ",
    "/*+",
    "#",
    "//",
    "*/;",
];

/// Statement ends and statements, the canary as the victim.
const STATEMENTS: &[&str] = &[
    ";",
    "; DROP TABLE canary; -- ",
    "'); DROP TABLE canary; -- ",
    "\"; DROP TABLE canary; -- ",
    "`; DROP TABLE canary; -- ",
    "$$; DROP TABLE canary; -- ",
    "$migc$; DROP TABLE canary; -- ",
    "*/ DROP TABLE canary; /*",
    "END; DROP TABLE canary; BEGIN",
];

/// What the clients read themselves: MySQL's DELIMITER, psql's variables, sqlite3's dot
/// commands, and the placeholders migc's runner fills in.
const CLIENT_SYNTAX: &[&str] = &[
    "DELIMITER",
    "DELIMITER ;;",
    "delimiter //",
    ";;",
    ":x",
    ":'x'",
    ":\"x\"",
    ".quit",
    ".exit",
    "{after}",
    "{limit}",
    "{upto}",
    "%s",
    "%",
    "?",
];

/// Punctuation that ends or nests expressions and lists.
const PUNCTUATION: &[&str] = &[
    "(", ")", ",", ".", "*", "@", "@@", "=", "<>", "||", "{", "}", "[", "]",
];

/// Unicode: precomposed and combining, right-to-left and direction marks, CJK, outside the
/// BMP (emoji, mathematical letters, a joined sequence), invisible and control characters.
const UNICODE: &[&str] = &[
    "é",
    "e\u{301}",
    "ß",
    "日本",
    "עברית",
    "مرحبا",
    "\u{202e}",
    "\u{200f}",
    "😀",
    "𝔘",
    "\u{1F468}\u{200D}\u{1F469}",
    "\u{a0}",
    "\u{feff}",
    "\u{2028}",
    "\u{85}",
    "\u{fffd}",
    "\u{7f}",
    "\u{1b}",
    "\u{1}",
];

const SPACES: &[&str] = &[" ", "\t", "  "];

/// Line breaks, followed by what would run if they ended a comment.
const LINE_BREAKS: &[&str] = &[
    "\n",
    "\r",
    "\r\n",
    "\nDROP TABLE canary;\n",
    "\n.quit\n",
    "\n\\q\n",
    "\nDELIMITER ;;\n",
];

/// Where a piece of text goes: names exclude what a `.mig` name cannot hold (a backtick, a
/// line break), file names what Linux refuses (`/`); NUL has a test of its own.
#[derive(Clone, Copy)]
enum Kind {
    Name,
    Text,
    FileName,
}

impl Kind {
    fn allows(self, c: char) -> bool {
        c != '\0'
            && match self {
                Kind::Name => !matches!(c, '`' | '\n' | '\r'),
                Kind::Text => true,
                Kind::FileName => c != '/',
            }
    }
}

/// One of the dialect's keywords, in lower or upper case.
fn keyword(dialect: Dialect) -> BoxedStrategy<String> {
    (select(dialect.keywords()), any::<bool>())
        .prop_map(|(w, upper)| {
            if upper {
                w.to_uppercase()
            } else {
                w.to_lowercase()
            }
        })
        .boxed()
}

/// A piece of hostile text: a token of the lists above, a keyword, a short word, or any
/// character, with what `kind` cannot hold taken out.
fn piece(kind: Kind, dialect: Dialect) -> BoxedStrategy<String> {
    let mut choices: Vec<(u32, BoxedStrategy<String>)> = vec![
        (3, select(QUOTES).prop_map(String::from).boxed()),
        (2, select(BACKSLASHES).prop_map(String::from).boxed()),
        (2, select(DOLLAR_TAGS).prop_map(String::from).boxed()),
        (2, select(COMMENTS).prop_map(String::from).boxed()),
        (2, select(STATEMENTS).prop_map(String::from).boxed()),
        (2, select(CLIENT_SYNTAX).prop_map(String::from).boxed()),
        (1, select(PUNCTUATION).prop_map(String::from).boxed()),
        (2, select(UNICODE).prop_map(String::from).boxed()),
        (1, select(SPACES).prop_map(String::from).boxed()),
        (2, keyword(dialect)),
        (1, "[a-z_]{1,4}".boxed()),
        (1, any::<char>().prop_map(String::from).boxed()),
    ];
    if !matches!(kind, Kind::Name) {
        choices.push((2, select(LINE_BREAKS).prop_map(String::from).boxed()));
    }
    proptest::strategy::Union::new_weighted(choices)
        .prop_map(move |s| s.chars().filter(|c| kind.allows(*c)).collect())
        .boxed()
}

fn concat(pieces: Vec<String>) -> String {
    pieces.concat()
}

/// A hostile identifier of at most `max` bytes: a keyword of the dialect, a few pieces, or a
/// few pieces filled up to exactly `max` bytes with one- to four-byte characters.
fn hostile_name(dialect: Dialect, max: usize) -> BoxedStrategy<String> {
    let fill = select(&["x", "é", "日", "😀", "'", "\"", "$"][..]);
    prop_oneof![
        3 => keyword(dialect),
        6 => vec(piece(Kind::Name, dialect), 1..5).prop_map(concat),
        2 => (vec(piece(Kind::Name, dialect), 1..3), fill)
            .prop_map(move |(pieces, fill)| at_limit(&pieces.concat(), fill, max)),
    ]
    .prop_map(move |n| truncate(&n, max).to_string())
    .prop_filter("a name is not empty", |n| !n.is_empty())
    .boxed()
}

/// `text` filled with `fill` and then `x` to exactly `max` bytes.
fn at_limit(text: &str, fill: &str, max: usize) -> String {
    let mut s = truncate(text, max).to_string();
    while s.len() + fill.len() <= max {
        s.push_str(fill);
    }
    while s.len() < max {
        s.push('x');
    }
    s
}

/// A hostile text (string defaults, comments, the check's literal): any pieces, line breaks
/// included, or none.
fn hostile_text(dialect: Dialect) -> BoxedStrategy<String> {
    vec(piece(Kind::Text, dialect), 0..6)
        .prop_map(concat)
        .boxed()
}

/// A hostile `.mig` file name (the `.mig` extension is added).
fn hostile_file_name(dialect: Dialect) -> BoxedStrategy<String> {
    vec(piece(Kind::FileName, dialect), 1..5)
        .prop_map(|pieces| format!("{}.mig", pieces.concat()))
        .boxed()
}

/// The benign value (one time in three) or a hostile one. Shrinking tries the benign value
/// first, in one step, and only then shrinks the hostile text: a minimal failing case is
/// hostile only where it has to be, and gets there in a few runs.
fn slot(benign: &str, hostile: BoxedStrategy<String>) -> BoxedStrategy<String> {
    Slot {
        benign: benign.to_string(),
        hostile,
    }
    .boxed()
}

#[derive(Debug)]
struct Slot {
    benign: String,
    hostile: BoxedStrategy<String>,
}

impl Strategy for Slot {
    type Tree = SlotTree;
    type Value = String;

    fn new_tree(&self, runner: &mut TestRunner) -> NewTree<Self> {
        let benign = proptest::bool::weighted(1.0 / 3.0)
            .new_tree(runner)?
            .current();
        Ok(SlotTree {
            benign: self.benign.clone(),
            hostile: if benign {
                None
            } else {
                Some(self.hostile.new_tree(runner)?)
            },
            state: SlotState::Hostile,
        })
    }
}

struct SlotTree {
    benign: String,
    hostile: Option<Box<dyn ValueTree<Value = String>>>,
    state: SlotState,
}

#[derive(Clone, Copy, PartialEq)]
enum SlotState {
    /// The hostile value, the benign one not tried yet.
    Hostile,
    /// Trying the benign value.
    TryingBenign,
    /// The benign value did not fail: shrinking the hostile one.
    ShrinkingHostile,
}

impl ValueTree for SlotTree {
    type Value = String;

    fn current(&self) -> String {
        match (&self.hostile, self.state) {
            (Some(h), SlotState::Hostile | SlotState::ShrinkingHostile) => h.current(),
            _ => self.benign.clone(),
        }
    }

    fn simplify(&mut self) -> bool {
        match (&mut self.hostile, self.state) {
            (Some(_), SlotState::Hostile) => {
                self.state = SlotState::TryingBenign;
                true
            }
            (Some(h), SlotState::ShrinkingHostile) => h.simplify(),
            _ => false,
        }
    }

    fn complicate(&mut self) -> bool {
        match (&mut self.hostile, self.state) {
            (Some(_), SlotState::TryingBenign) => {
                self.state = SlotState::ShrinkingHostile;
                true
            }
            (Some(h), SlotState::ShrinkingHostile) => h.complicate(),
            _ => false,
        }
    }
}

/// A case for `dialect`: every name and text of the schema a slot of its own.
fn case(dialect: Dialect) -> impl Strategy<Value = Case> {
    let b = Case::default();
    let name = |benign: &str| slot(benign, hostile_name(dialect, MAX_NAME));
    let table = |benign: &str| slot(benign, hostile_name(dialect, MAX_TABLE));
    let text = |benign: &str| slot(benign, hostile_text(dialect));
    let file = |benign: &str| slot(benign, hostile_file_name(dialect));
    (
        (
            table(&b.table),
            table(&b.parent),
            name(&b.column),
            name(&b.renamed_from),
            name(&b.renamed_to),
            name(&b.dropped),
            name(&b.added),
        ),
        (
            text(&b.default),
            text(&b.comment),
            name(&b.enum_name),
            name(&b.labels[0]),
            name(&b.labels[1]),
            name(&b.labels[2]),
        ),
        (
            name(&b.unique),
            name(&b.index),
            name(&b.check),
            name(&b.foreign_key),
            text(&b.check_literal),
            text(&b.table_comment),
        ),
        (file(&b.v1_file), file(&b.v2_file)),
    )
        .prop_map(
            |(
                (table, parent, column, renamed_from, renamed_to, dropped, added),
                (default, comment, enum_name, l1, l2, l3),
                (unique, index, check, foreign_key, check_literal, table_comment),
                (v1_file, v2_file),
            )| {
                Case {
                    table,
                    parent,
                    column,
                    renamed_from,
                    renamed_to,
                    dropped,
                    added,
                    default,
                    comment,
                    enum_name,
                    labels: [l1, l2, l3],
                    unique,
                    index,
                    check,
                    foreign_key,
                    check_literal,
                    table_comment,
                    v1_file,
                    v2_file,
                }
                .fixed()
            },
        )
}

// ---------------------------------------------------------------------------------------------
// Running

/// The fixed seed of CI runs.
const SEED: u64 = 0x6d69_6763_686f_7374;
/// Cases per dialect in a default run. A case plans twice, applies and rolls back three
/// times, applies through contract and runs the eight scripts with the client: with the three
/// dialects side by side on two cores, about 2 s on PostgreSQL, 4 s on MariaDB (whose new
/// check copies the table) and 0.6 s on SQLite, so a passing run of the file takes about two
/// minutes.
const POSTGRES_CASES: u32 = 32;
const MYSQL_CASES: u32 = 20;
const SQLITE_CASES: u32 = 64;

fn env_number(var: &str) -> Option<u64> {
    std::env::var(var).ok().and_then(|v| v.trim().parse().ok())
}

fn seed() -> u64 {
    env_number("MIGC_HOSTILE_SEED").unwrap_or(SEED)
}

fn config(cases: u32) -> Config {
    Config {
        cases: env_number("MIGC_HOSTILE_CASES").map_or(cases, |n| n as u32),
        rng_seed: RngSeed::Fixed(seed()),
        failure_persistence: None,
        max_shrink_iters: 10_000,
        max_shrink_time: env_number("MIGC_HOSTILE_SHRINK_SECS").map_or(60, |n| n as u32) * 1000,
        result_cache: proptest::test_runner::basic_result_cache,
        ..Config::default()
    }
}

fn ci() -> bool {
    std::env::var("CI").as_deref() == Ok("true")
}

/// The server of `dialect` (an empty string for SQLite), or `None` with a note when it is not
/// configured or does not answer; with `CI=true` both fail.
fn server(dialect: Dialect, test: &str) -> Option<String> {
    let var = match dialect {
        Dialect::Sqlite => return Some(String::new()),
        Dialect::Postgres => "MIGC_TEST_POSTGRES_URL",
        Dialect::Mysql => "MIGC_TEST_MYSQL_URL",
    };
    let url = apply_support::live(var, test)?;
    let reached = migc_db::DbUrl::parse(&url)
        .ok_or_else(|| format!("{var} is not a database URL: {url}"))
        .and_then(|u| migc_db::connect(&u).map_err(|e| e.to_string()));
    match reached {
        Ok(_) => Some(url),
        Err(e) => {
            assert!(
                !ci(),
                "{test}: CI=true but the server of {var} does not answer: {e}"
            );
            eprintln!("note: skipping {test}: the server of {var} does not answer: {e}");
            None
        }
    }
}

/// Whether the dialect's shell can run the scripts; without it the client half is skipped
/// with a note, except in CI.
fn client(dialect: Dialect, test: &str) -> bool {
    if hostile_support::client_installed(dialect) {
        return true;
    }
    assert!(
        !ci(),
        "{test}: CI=true but the {} client is not installed",
        dialect.name()
    );
    eprintln!(
        "note: {test}: the {} client is not installed; its runs are skipped",
        dialect.name()
    );
    false
}

/// The failure message: the case, both `.mig` files, what failed.
fn report(what: &str, case: &Case, why: &str) -> String {
    format!(
        "hostile input breaks {what}\n\
         minimal failing input: {case:?}\n\
         --- v1/{f1:?}\n{v1}\
         --- v2/{f2:?}\n{v2}\
         --- failure\n{why}\n",
        f1 = case.v1_file,
        v1 = case.v1(),
        f2 = case.v2_file,
        v2 = case.v2(),
    )
}

/// Generated cases for `dialect` until one fails; the failure shrunk to its smallest input.
fn hostile(dialect: Dialect, test: &str, cases: u32) {
    let Some(server) = server(dialect, test) else {
        return;
    };
    let client = client(dialect, test);
    let started = std::time::Instant::now();
    let mut runner = TestRunner::new(config(cases));
    let cases = runner.config().cases;
    let result = runner.run(&case(dialect), |case| {
        prove(&case, dialect, &server, client).map_err(TestCaseError::fail)
    });
    match result {
        Ok(()) => eprintln!(
            "{test}: {cases} cases passed in {:.1} s (seed {:#x})",
            started.elapsed().as_secs_f64(),
            seed()
        ),
        Err(TestError::Fail(why, case)) => {
            panic!(
            "{}(seed {:#x}, {:.1} s; rerun: MIGC_HOSTILE_SEED={} cargo test --test hostile {test})",
            report(&format!("the {} plan", dialect.name()), &case, why.message()),
            seed(),
            started.elapsed().as_secs_f64(),
            seed()
        )
        }
        Err(TestError::Abort(why)) => panic!("{test}: proptest gave up: {why}"),
    }
}

#[test]
#[cfg_attr(
    not(live_postgres),
    ignore = "needs a PostgreSQL server: set MIGC_TEST_POSTGRES_URL"
)]
fn hostile_postgres() {
    hostile(Dialect::Postgres, "hostile_postgres", POSTGRES_CASES);
}

#[test]
#[cfg_attr(
    not(live_mysql),
    ignore = "needs a MySQL/MariaDB server: set MIGC_TEST_MYSQL_URL"
)]
fn hostile_mysql() {
    hostile(Dialect::Mysql, "hostile_mysql", MYSQL_CASES);
}

#[test]
fn hostile_sqlite() {
    hostile(Dialect::Sqlite, "hostile_sqlite", SQLITE_CASES);
}

/// What no dialect can take, put into one field of a generated case: NUL (PostgreSQL
/// refuses it in any text, and it ends a C string in every client), or a name one byte over
/// the 63 bytes migc allows (E1015).
#[derive(Clone, Copy, Debug)]
enum Refused {
    Nul,
    TooLong,
}

/// A name of the case made one byte too long, or a NUL put into any name or text.
fn refused_case() -> impl Strategy<Value = (Case, Refused)> {
    (
        case(Dialect::Postgres),
        prop_oneof![Just(Refused::Nul), Just(Refused::TooLong)],
        0..Case::TEXTS,
        any::<prop::sample::Index>(),
    )
        .prop_map(|(mut case, refused, field, at)| {
            // Names are the fields but the default, the comments and the check's literal.
            let names: Vec<usize> = (0..Case::TEXTS)
                .filter(|i| ![7, 8, 17, 18].contains(i))
                .collect();
            match refused {
                Refused::Nul => {
                    let f = case.field_mut(field);
                    let mut chars: Vec<char> = f.chars().collect();
                    chars.insert(at.index(chars.len() + 1), '\0');
                    *f = chars.into_iter().collect();
                }
                Refused::TooLong => {
                    let f = case.field_mut(names[field % names.len()]);
                    *f = at_limit(f, "x", MAX_NAME + 1);
                }
            }
            (case, refused)
        })
}

/// NUL in any name or text, and a name over 63 bytes, are refused with a diagnostic (exit 1;
/// E1015 for the length) by every dialect: never a plan, never a panic. Planning only.
#[test]
fn what_no_dialect_takes_is_refused_with_a_diagnostic() {
    let mut runner = TestRunner::new(config(48));
    let result = runner.run(&refused_case(), |(case, refused)| {
        let work = apply_support::Work::new();
        for (dir, file, text) in [
            ("v1", &case.v1_file, case.v1()),
            ("v2", &case.v2_file, case.v2()),
        ] {
            std::fs::create_dir_all(work.path(dir)).expect("mkdir");
            std::fs::write(work.path(dir).join(file), text).expect("write");
        }
        for d in [Dialect::Postgres, Dialect::Mysql, Dialect::Sqlite] {
            let o = apply_support::run(&[
                "plan",
                "--from",
                &apply_support::path_str(&work.path("v1")),
                "--to",
                &apply_support::path_str(&work.path("v2")),
                "--dialect",
                d.name(),
                "--out",
                &apply_support::path_str(&work.path(d.name())),
            ]);
            let err = apply_support::text(&o.stderr);
            let code = match refused {
                Refused::Nul => "error[",
                Refused::TooLong => "error[E1015]",
            };
            if o.status.code() != Some(1) || !err.contains(code) || err.contains("panicked") {
                return Err(TestCaseError::fail(format!(
                    "--dialect {}: {refused:?} must be refused with exit 1 and {code}…]\n{}",
                    d.name(),
                    apply_support::show(&o)
                )));
            }
        }
        Ok(())
    });
    if let Err(TestError::Fail(why, (case, _))) = result {
        panic!("{}", report("the refusal", &case, why.message()));
    }
}

// ---------------------------------------------------------------------------------------------
// Known reproductions, each a plain case

/// Proves `case` on `dialect` (skipped like the proptests when the server is missing).
fn regression(dialect: Dialect, test: &str, case: Case) {
    let Some(server) = server(dialect, test) else {
        return;
    };
    let client = client(dialect, test);
    let case = case.fixed();
    let started = std::time::Instant::now();
    if let Err(why) = prove(&case, dialect, &server, client) {
        panic!(
            "{}",
            report(&format!("the {} plan", dialect.name()), &case, &why)
        );
    }
    eprintln!(
        "{test}: {} passed in {:.1} s",
        dialect.name(),
        started.elapsed().as_secs_f64()
    );
}

/// Proves one case per column name: each named column is the unique, indexed and checked
/// one. Every failing name is reported, not only the first.
fn keyword_columns(dialect: Dialect, test: &str, names: &[&str]) {
    let Some(server) = server(dialect, test) else {
        return;
    };
    let client = client(dialect, test);
    let failures: Vec<String> = names
        .iter()
        .filter_map(|n| {
            let case = Case {
                column: n.to_string(),
                ..Case::default()
            }
            .fixed();
            prove(&case, dialect, &server, client)
                .err()
                .map(|why| report(&format!("the {} plan", dialect.name()), &case, &why))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} keyword columns fail:\n{}",
        failures.len(),
        names.len(),
        failures.join("\n")
    );
}

/// Every keyword of the dialect (tests/data/keywords/) as a column with an index, in tables
/// named after keywords: the random cases above meet only some of them.
fn every_keyword(dialect: Dialect, test: &str) {
    let Some(server) = server(dialect, test) else {
        return;
    };
    let client = client(dialect, test);
    // MySQL allows 64 indexes a table.
    if let Err(why) = hostile_support::prove_keywords(dialect, &server, client, 50) {
        panic!("every keyword of {} as a name:\n{why}", dialect.name());
    }
}

#[test]
#[cfg_attr(
    not(live_postgres),
    ignore = "needs a PostgreSQL server: set MIGC_TEST_POSTGRES_URL"
)]
fn postgres_every_keyword_as_a_name() {
    every_keyword(Dialect::Postgres, "postgres_every_keyword_as_a_name");
}

#[test]
#[cfg_attr(
    not(live_mysql),
    ignore = "needs a MySQL/MariaDB server: set MIGC_TEST_MYSQL_URL"
)]
fn mysql_every_keyword_as_a_name() {
    every_keyword(Dialect::Mysql, "mysql_every_keyword_as_a_name");
}

#[test]
fn sqlite_every_keyword_as_a_name() {
    every_keyword(Dialect::Sqlite, "sqlite_every_keyword_as_a_name");
}

#[test]
#[cfg_attr(
    not(all(live_postgres, live_mysql)),
    ignore = "needs PostgreSQL and MySQL/MariaDB servers: set MIGC_TEST_POSTGRES_URL and MIGC_TEST_MYSQL_URL"
)]
fn benign_case_passes_everywhere() {
    for d in [Dialect::Postgres, Dialect::Mysql, Dialect::Sqlite] {
        regression(d, "benign_case_passes_everywhere", Case::default());
    }
}

#[test]
#[cfg_attr(
    not(live_mysql),
    ignore = "needs a MySQL/MariaDB server: set MIGC_TEST_MYSQL_URL"
)]
fn mysql_comment_with_an_escaped_quote() {
    regression(
        Dialect::Mysql,
        "mysql_comment_with_an_escaped_quote",
        Case {
            comment: r"x\'); DROP TABLE canary; -- ".into(),
            ..Case::default()
        },
    );
}

#[test]
#[cfg_attr(
    not(live_mysql),
    ignore = "needs a MySQL/MariaDB server: set MIGC_TEST_MYSQL_URL"
)]
fn mysql_default_ending_in_a_backslash() {
    regression(
        Dialect::Mysql,
        "mysql_default_ending_in_a_backslash",
        Case {
            default: r"C:\".into(),
            ..Case::default()
        },
    );
}

fn newline_in_file_name(dialect: Dialect, test: &str) {
    regression(
        dialect,
        test,
        Case {
            v1_file: "v1\nDROP TABLE canary; -- .mig".into(),
            v2_file: "v2\nDROP TABLE canary; -- .mig".into(),
            ..Case::default()
        },
    );
}

#[test]
#[cfg_attr(
    not(live_postgres),
    ignore = "needs a PostgreSQL server: set MIGC_TEST_POSTGRES_URL"
)]
fn postgres_file_name_with_a_newline() {
    newline_in_file_name(Dialect::Postgres, "postgres_file_name_with_a_newline");
}

#[test]
#[cfg_attr(
    not(live_mysql),
    ignore = "needs a MySQL/MariaDB server: set MIGC_TEST_MYSQL_URL"
)]
fn mysql_file_name_with_a_newline() {
    newline_in_file_name(Dialect::Mysql, "mysql_file_name_with_a_newline");
}

#[test]
fn sqlite_file_name_with_a_newline() {
    newline_in_file_name(Dialect::Sqlite, "sqlite_file_name_with_a_newline");
}

#[test]
#[cfg_attr(
    not(live_postgres),
    ignore = "needs a PostgreSQL server: set MIGC_TEST_POSTGRES_URL"
)]
fn postgres_dollar_quote_tag_in_names() {
    regression(
        Dialect::Postgres,
        "postgres_dollar_quote_tag_in_names",
        Case {
            table: "$migc$".into(),
            column: "a$migc$b".into(),
            ..Case::default()
        },
    );
}

#[test]
#[cfg_attr(
    not(live_postgres),
    ignore = "needs a PostgreSQL server: set MIGC_TEST_POSTGRES_URL"
)]
fn postgres_keyword_columns_with_an_index() {
    keyword_columns(
        Dialect::Postgres,
        "postgres_keyword_columns_with_an_index",
        &[
            "authorization",
            "binary",
            "collation",
            "concurrently",
            "true",
            "null",
            "verbose",
        ],
    );
}

#[test]
#[cfg_attr(
    not(live_mysql),
    ignore = "needs a MySQL/MariaDB server: set MIGC_TEST_MYSQL_URL"
)]
fn mysql_keyword_columns_with_an_index() {
    keyword_columns(
        Dialect::Mysql,
        "mysql_keyword_columns_with_an_index",
        &["position", "current_date", "utc_time", "substring"],
    );
}

#[test]
fn sqlite_keyword_columns_with_an_index() {
    keyword_columns(
        Dialect::Sqlite,
        "sqlite_keyword_columns_with_an_index",
        &["transaction", "null", "raise", "isnull"],
    );
}

// ---------------------------------------------------------------------------------------------
// A survey, for whoever fixes what the tests above find

/// Not run by default: `cargo test --test hostile -- --ignored survey --nocapture`. Proptest
/// stops at the first failure; this lists them all. It draws `MIGC_HOSTILE_CASES` (default 10)
/// hostile cases per dialect (`MIGC_HOSTILE_DIALECTS`, default all three) and proves, for each
/// field of each, the benign case with only that field taken from the hostile one, so that
/// every failure has one cause. It prints the failures grouped by dialect, field and the
/// failing command's first error line, the shortest input of each group first, and passes.
#[test]
#[ignore]
fn survey() {
    use std::collections::BTreeMap;
    let dialects: Vec<Dialect> = [Dialect::Postgres, Dialect::Mysql, Dialect::Sqlite]
        .into_iter()
        .filter(|d| std::env::var("MIGC_HOSTILE_DIALECTS").map_or(true, |v| v.contains(d.name())))
        .collect();
    let n = env_number("MIGC_HOSTILE_CASES").unwrap_or(10) as usize;
    // (dialect, field, signature) -> the failing inputs and their failures.
    type Groups = BTreeMap<(&'static str, &'static str, String), Vec<(Case, String)>>;
    let mut groups = Groups::new();
    let mut proved = 0;
    for d in dialects {
        let Some(server) = server(d, "survey") else {
            continue;
        };
        let client = client(d, "survey");
        let mut runner = TestRunner::new(config(n as u32));
        let strategy = case(d);
        let mut seen = Vec::new();
        for _ in 0..n {
            let full = strategy.new_tree(&mut runner).expect("a case").current();
            for i in 0..Case::FIELDS {
                let mut one = Case::default();
                *one.field_mut(i) = full.clone().field_mut(i).clone();
                let one = one.fixed();
                if one == Case::default() || seen.contains(&one) {
                    continue;
                }
                seen.push(one.clone());
                proved += 1;
                if let Err(why) = prove(&one, d, &server, client) {
                    let key = (d.name(), one.field_name(i), signature(&why));
                    groups.entry(key).or_default().push((one, why));
                }
            }
        }
    }
    eprintln!(
        "survey: {proved} single-field cases, {} kinds of failure",
        groups.len()
    );
    for ((d, field, sig), mut cases) in groups {
        cases.sort_by_key(|(c, _)| format!("{c:?}").len());
        eprintln!("\n=== {d} / {field} / {} case(s)\n{sig}", cases.len());
        for (c, _) in cases.iter().take(3) {
            eprintln!("  {c:?}");
        }
        eprintln!("--- the first in full\n{}", cases[0].1);
    }
}

/// What kind of failure a message tells: per part (`[migc apply/rollback]`, `[client]`), the
/// step that failed and its first error line, without the paths and names of this run.
fn signature(why: &str) -> String {
    let mut out = Vec::new();
    for part in why.split("\n[").map(|p| p.trim_start_matches('[')) {
        let mut lines = part.lines();
        let head = lines.next().unwrap_or_default();
        let step = head.split(": migc ").next().unwrap_or(head);
        let step = step.split(" instead of ").next().unwrap_or(step);
        let error = part
            .lines()
            .skip(1)
            .find(|l| {
                let l = l.to_ascii_lowercase();
                l.contains("error") || l.contains("panicked")
            })
            .unwrap_or_default();
        let error: String = error.chars().take(120).collect();
        out.push(format!("  {step}\n    {error}"));
    }
    out.join("\n")
}

// ---------------------------------------------------------------------------------------------
// Defaults written per dialect

/// A candidate native default: hostile text alone, or inside a string literal or a call, where
/// a naive writer would let it close the literal or the call and go on.
fn native_default_text(dialect: Dialect) -> BoxedStrategy<String> {
    let shapes = select(
        &[
            "{}",
            "'{}'",
            "lower({})",
            "({})",
            "coalesce(1, {})",
            "'{}' || 'x'",
        ][..],
    );
    (shapes, hostile_text(dialect))
        .prop_map(|(shape, text)| shape.replace("{}", &text))
        .boxed()
}

/// Every native default migc accepts stays one expression in the statement it goes into: the
/// `CREATE TABLE` holding it reads as one statement with that default (sqlparser, per
/// dialect), and on a real SQLite database it creates its table and nothing else. The run
/// must meet enough accepted texts to mean something.
#[test]
fn native_defaults_stay_one_expression() {
    use sqlparser::dialect::{MySqlDialect, PostgreSqlDialect, SQLiteDialect};
    for dialect in [Dialect::Postgres, Dialect::Mysql, Dialect::Sqlite] {
        let d = migc_stdlib::Dialect::from_name(dialect.name()).expect("dialect");
        let parser: Box<dyn sqlparser::dialect::Dialect> = match dialect {
            Dialect::Postgres => Box::new(PostgreSqlDialect {}),
            Dialect::Mysql => Box::new(MySqlDialect {}),
            Dialect::Sqlite => Box::new(SQLiteDialect {}),
        };
        let mut runner = TestRunner::new(config(3000));
        let accepted = std::cell::Cell::new(0u32);
        let result = runner.run(&native_default_text(dialect), |text| {
            if migc_compiler::one_expression(d, &text).is_err() {
                return Ok(());
            }
            accepted.set(accepted.get() + 1);
            let ddl = format!("CREATE TABLE t (c TEXT DEFAULT ({text}))");
            let statements = sqlparser::parser::Parser::parse_sql(parser.as_ref(), &ddl)
                .map_err(|e| TestCaseError::fail(format!("{ddl}: {e}")))?;
            prop_assert_eq!(statements.len(), 1, "{}", ddl);
            if dialect == Dialect::Sqlite {
                let db = rusqlite::Connection::open_in_memory().expect("sqlite");
                db.execute_batch("CREATE TABLE canary (x INTEGER)")
                    .expect("canary");
                // SQLite may refuse the default (an unknown function); it must not run more.
                let _ = db.execute_batch(&ddl);
                let names: Vec<String> = db
                    .prepare("SELECT name FROM sqlite_schema ORDER BY name")
                    .and_then(|mut s| {
                        s.query_map([], |r| r.get(0))?
                            .collect::<Result<Vec<String>, _>>()
                    })
                    .expect("catalog");
                prop_assert!(
                    names == ["canary", "t"] || names == ["canary"],
                    "{}: {:?}",
                    ddl,
                    names
                );
            }
            Ok(())
        });
        if let Err(e) = result {
            panic!("{}: {e}", dialect.name());
        }
        assert!(
            accepted.get() >= 100,
            "{}: only {} accepted texts",
            dialect.name(),
            accepted.get()
        );
    }
}

/// Every MySQL table options text migc accepts stays table options in the `CREATE TABLE` it
/// ends: the statement, read as the `mysql` client splits scripts (sqlparser's MySQL tokens),
/// holds no `;` and no comment, so nothing in the text can end it or run after it.
#[test]
fn table_options_stay_table_options() {
    use sqlparser::dialect::MySqlDialect;
    use sqlparser::tokenizer::{Token, Tokenizer, Whitespace};
    let shapes = select(
        &[
            "ROW_FORMAT={}",
            "COMMENT='{}'",
            "PARTITION BY HASH ({}) PARTITIONS 2",
            "KEY_BLOCK_SIZE=8 {}",
        ][..],
    );
    let texts = (shapes, hostile_text(Dialect::Mysql))
        .prop_map(|(shape, text)| shape.replace("{}", &text))
        .boxed();
    let mut runner = TestRunner::new(config(3000));
    let accepted = std::cell::Cell::new(0u32);
    let result = runner.run(&texts, |text| {
        if migc_compiler::table_options_text(&text).is_err() {
            return Ok(());
        }
        accepted.set(accepted.get() + 1);
        let ddl = format!("CREATE TABLE t (id int) ENGINE=InnoDB {text}");
        let tokens = Tokenizer::new(&MySqlDialect {}, &ddl)
            .tokenize()
            .map_err(|e| TestCaseError::fail(format!("{ddl}: {e}")))?;
        for t in &tokens {
            prop_assert!(
                !matches!(
                    t,
                    Token::SemiColon
                        | Token::Whitespace(Whitespace::SingleLineComment { .. })
                        | Token::Whitespace(Whitespace::MultiLineComment(_))
                ),
                "{}",
                ddl
            );
        }
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
    assert!(
        accepted.get() >= 100,
        "only {} accepted texts",
        accepted.get()
    );
}
