//! The command line, run as users run it: the real binary in a temporary directory, with exit
//! code, standard output and standard error checked exactly.

use std::path::Path;
use std::process::Command;

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

/// Runs `migc args...` in `dir`.
fn migc(dir: &Path, args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_migc"))
        .args(args)
        .current_dir(dir)
        .env_remove("RUST_BACKTRACE")
        .output()
        .expect("run migc");
    Run {
        code: out.status.code().expect("migc exited by a signal"),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

#[track_caller]
fn expect(run: &Run, code: i32, stdout: &str, stderr: &str) {
    assert_eq!(
        (run.code, run.stdout.as_str(), run.stderr.as_str()),
        (code, stdout, stderr),
        "\n--- stdout:\n{}\n--- stderr:\n{}",
        run.stdout,
        run.stderr
    );
}

fn dir_with(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, text) in files {
        let path = dir.path().join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create dir");
        }
        std::fs::write(path, text).expect("write file");
    }
    dir
}

fn read(dir: &Path, name: &str) -> String {
    std::fs::read_to_string(dir.join(name)).expect("read file")
}

fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}):\n{text}"))
}

const USERS: &str =
    "table users {\n  id    int64 primary key identity\n  email text  not null unique\n}\n";

const UNKNOWN_TYPE: &str = "table users {\n  id    int64 primary key\n  email txt   not null\n}\n";

const UNKNOWN_TYPE_STDERR: &str = "\
error[E1004]: unknown type `txt`
  ┌─ users.mig:3:9
  │
3 │   email txt   not null
  │         ^^^ not a built-in type or an enum of the schema
  │
  = help: did you mean `text`?

1 error emitted
";

const NO_KEY: &str = "table events {\n  at timestamptz not null\n}\n";

const NO_KEY_STDERR: &str = "\
warning[W1001]: table `events` has no primary key
  ┌─ events.mig:1:7
  │
1 │ table events {
  │       ^^^^^^ no primary key
  │
  = note: backfills walk a table by its primary key (else by a unique key on not null columns; MySQL refuses a table with neither), and rows without a key cannot be compared
  = help: add `primary key` to a column, or `primary key (a, b)` to the table

1 warning emitted
";

// ---------------------------------------------------------------------------------------------
// check

#[test]
fn check_a_clean_file() {
    let dir = dir_with(&[("users.mig", USERS)]);
    expect(
        &migc(dir.path(), &["check", "users.mig"]),
        0,
        "ok: 1 file, 1 table, 0 enums, 0 views\n",
        "",
    );
}

#[test]
fn check_searches_the_current_directory_recursively_by_default() {
    let dir = dir_with(&[
        ("users.mig", USERS),
        ("shop/orders.mig", "enum status { open, closed }\n\ntable orders {\n  id     int64  primary key\n  status status not null\n}\n"),
        ("shop/views.mig", "view open_orders as (select id from orders where status = 'open')\n"),
        ("notes.txt", "not a schema"),
    ]);
    expect(
        &migc(dir.path(), &["check"]),
        0,
        "ok: 3 files, 2 tables, 1 enum, 1 view\n",
        "",
    );
}

#[test]
fn check_reads_a_file_named_twice_once() {
    let dir = dir_with(&[("users.mig", USERS)]);
    expect(
        &migc(dir.path(), &["check", ".", "users.mig", "./users.mig"]),
        0,
        "ok: 1 file, 1 table, 0 enums, 0 views\n",
        "",
    );
}

#[test]
fn check_reports_errors_and_exits_1() {
    let dir = dir_with(&[("users.mig", UNKNOWN_TYPE)]);
    expect(
        &migc(dir.path(), &["check", "users.mig"]),
        1,
        "",
        UNKNOWN_TYPE_STDERR,
    );
}

#[test]
fn check_with_only_warnings_succeeds() {
    let dir = dir_with(&[("events.mig", NO_KEY)]);
    expect(
        &migc(dir.path(), &["check", "events.mig"]),
        0,
        "ok: 1 file, 1 table, 0 enums, 0 views\n",
        NO_KEY_STDERR,
    );
}

#[test]
fn check_reports_every_file_with_a_syntax_error() {
    let dir = dir_with(&[
        ("a.mig", "table a {\n  id int64 primary\n}\n"),
        ("b.mig", "enum e { x y }\n"),
    ]);
    let stderr = "\
error[E0001]: expected `key`, found the end of the line
  ┌─ a.mig:2:19
  │
2 │   id int64 primary
  │                   ^ expected `key`

error[E0001]: expected `,`, `renamed from` or `}`, found `y`
  ┌─ b.mig:1:12
  │
1 │ enum e { x y }
  │            ^ expected `,`, `renamed from` or `}`

2 errors emitted
";
    expect(&migc(dir.path(), &["check"]), 1, "", stderr);
}

#[test]
fn check_json_errors() {
    let dir = dir_with(&[("users.mig", UNKNOWN_TYPE), ("events.mig", NO_KEY)]);
    let run = migc(dir.path(), &["check", "--format", "json"]);
    assert_eq!((run.code, run.stderr.as_str()), (1, ""), "{}", run.stderr);
    let report = json(&run.stdout);
    assert_eq!(report["errors"], 1);
    assert_eq!(report["warnings"], 1);
    let diagnostics = report["diagnostics"].as_array().expect("a list");
    assert_eq!(diagnostics.len(), 2);
    let (warning, error) = (&diagnostics[0], &diagnostics[1]);
    assert_eq!(warning["severity"], "warning");
    assert_eq!(warning["code"], "W1001");
    assert_eq!(warning["file"], "events.mig");
    assert_eq!(
        (&warning["line"], &warning["column"]),
        (&1.into(), &7.into())
    );
    assert_eq!(error["severity"], "error");
    assert_eq!(error["code"], "E1004");
    assert_eq!(error["message"], "unknown type `txt`");
    assert_eq!(error["file"], "users.mig");
    assert_eq!((&error["line"], &error["column"]), (&3.into(), &9.into()));
    assert_eq!(error["help"], "did you mean `text`?");
    let label = &error["labels"][0];
    assert_eq!(label["primary"], true);
    assert_eq!(
        (
            &label["line"],
            &label["column"],
            &label["end_line"],
            &label["end_column"]
        ),
        (&3.into(), &9.into(), &3.into(), &12.into())
    );
    assert_eq!(
        label["message"],
        "not a built-in type or an enum of the schema"
    );
}

#[test]
fn check_json_without_findings() {
    let dir = dir_with(&[("users.mig", USERS)]);
    let run = migc(dir.path(), &["check", "--format", "json"]);
    expect(
        &run,
        0,
        "{\n  \"format\": \"migc-diagnostics-1\",\n  \"errors\": 0,\n  \"warnings\": 0,\n  \"diagnostics\": []\n}\n",
        "",
    );
}

#[test]
fn check_json_with_only_warnings_succeeds() {
    let dir = dir_with(&[("events.mig", NO_KEY)]);
    let run = migc(dir.path(), &["check", "--format", "json"]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    let report = json(&run.stdout);
    assert_eq!(
        (&report["errors"], &report["warnings"]),
        (&0.into(), &1.into())
    );
    assert_eq!(
        report["diagnostics"][0]["help"],
        "add `primary key` to a column, or `primary key (a, b)` to the table"
    );
}

#[test]
fn check_json_syntax_error() {
    let dir = dir_with(&[("a.mig", "tabel a {}\n")]);
    let run = migc(dir.path(), &["check", "--format", "json", "a.mig"]);
    assert_eq!((run.code, run.stderr.as_str()), (1, ""));
    let report = json(&run.stdout);
    let d = &report["diagnostics"][0];
    assert_eq!(
        (&d["code"], &d["file"], &d["line"], &d["column"]),
        (&"E0001".into(), &"a.mig".into(), &1.into(), &1.into())
    );
    assert_eq!(d["help"], "did you mean `table`?");
}

// ---------------------------------------------------------------------------------------------
// What reaches a terminal

/// Runs `migc args...` in `dir` with environment variables set.
fn migc_with_env(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_migc"))
        .args(args)
        .current_dir(dir)
        .env_remove("RUST_BACKTRACE")
        .env_remove("NO_COLOR")
        .envs(env.iter().copied())
        .output()
        .expect("run migc");
    Run {
        code: out.status.code().expect("migc exited by a signal"),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

/// `text` without its ANSI colour sequences (`ESC [ … m`).
fn without_colors(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find('\u{1b}') {
        out.push_str(&rest[..i]);
        let after = &rest[i..];
        let end = after.find('m').expect("an ANSI sequence ends with `m`");
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}

#[test]
fn color_is_asked_for_or_not() {
    let dir = dir_with(&[("users.mig", UNKNOWN_TYPE)]);
    let always = migc_with_env(dir.path(), &["--color", "always", "check"], &[]);
    assert_eq!(always.code, 1);
    assert!(always.stderr.contains("\u{1b}["), "{}", always.stderr);
    // The same text, coloured.
    assert_eq!(without_colors(&always.stderr), UNKNOWN_TYPE_STDERR);
    // The flag goes anywhere on the line, and overrides NO_COLOR.
    let forced = migc_with_env(
        dir.path(),
        &["check", "--color", "always"],
        &[("NO_COLOR", "1")],
    );
    assert_eq!(forced.stderr, always.stderr);
    for (args, env) in [
        (&["--color", "never", "check"][..], &[][..]),
        (&["check"], &[]),
        (&["check"], &[("NO_COLOR", "1")]),
        (&["--color", "auto", "check"], &[("NO_COLOR", "1")]),
    ] {
        let run = migc_with_env(dir.path(), args, env);
        expect(&run, 1, "", UNKNOWN_TYPE_STDERR);
    }
    // Machine formats are never coloured.
    let run = migc_with_env(
        dir.path(),
        &["--color", "always", "check", "--format", "json"],
        &[],
    );
    assert!(!run.stdout.contains('\u{1b}') && run.stderr.is_empty());
    json(&run.stdout);
}

#[test]
fn a_name_of_a_million_characters_gives_a_short_diagnostic() {
    let name = "x".repeat(1_000_000);
    let near = format!("{}y", &name[1..]);
    let text = format!(
        "table {name} {{\n  id int64 primary key\n}}\n\ntable t {{\n  id int64 primary key\n  p int64 references {near}\n  q text comment \"{name}\" not nul\n}}\n"
    );
    let dir = dir_with(&[("big.mig", &text)]);
    let human = migc(dir.path(), &["check"]);
    assert_eq!(human.code, 1);
    assert!(
        human.stderr.len() < 10_000,
        "{} bytes:\n{}",
        human.stderr.len(),
        &human.stderr[..human.stderr.len().min(3000)]
    );
    // The source line is cut around the label; the column is the file's.
    assert!(
        human.stderr.contains("big.mig:8:1000025"),
        "{}",
        human.stderr
    );
    assert!(
        human.stderr.contains("did you mean `not null`?"),
        "{}",
        human.stderr
    );
    // Without the syntax error, the compiler's findings quote the names.
    let fixed = text.replace("not nul", "not null");
    let dir = dir_with(&[("big.mig", &fixed)]);
    let human = migc(dir.path(), &["check"]);
    assert_eq!(human.code, 1);
    assert!(human.stderr.len() < 10_000, "{} bytes", human.stderr.len());
    assert!(human.stderr.contains("E1008"), "{}", human.stderr);
    assert!(
        human.stderr.contains("…` (1000000 characters)"),
        "{}",
        human.stderr
    );
    assert!(human.stderr.contains("big.mig:7:22"), "{}", human.stderr);
    for format in ["json", "sarif", "github"] {
        let run = migc(dir.path(), &["check", "--format", format]);
        assert_eq!(run.code, 1);
        assert!(
            run.stdout.len() < 20_000,
            "--format {format}: {} bytes",
            run.stdout.len()
        );
        if format != "github" {
            json(&run.stdout);
        }
    }
}

#[test]
fn control_characters_never_reach_the_terminal() {
    // ESC sequences (clear the screen, set the title, recolour), BEL, C1 CSI, DEL, a lone
    // carriage return and bidirectional overrides: in a comment, a quoted name, a string and
    // where a syntax error is found.
    let text = "// \u{1b}[2J\u{1b}]0;owned\u{7}\n\
                table `a\u{1b}[31mb\u{202e}c` {\n\
                \x20 id int64 primary key\n\
                \x20 `d\u{9b}1m\u{2066}` txt comment \"\u{7f}\r\u{1b}[0m\"\n\
                }\n\
                table `e\u{1b}[1m\u{2067}` {\n\
                \x20 x int64\n\
                }\n";
    let broken = format!("{text}table u {{\n  id int64 primery \u{1b}[5m key\n}}\n");
    let unsafe_char = |c: char| {
        (c.is_control() && c != '\n')
            || ('\u{202a}'..='\u{202e}').contains(&c)
            || ('\u{2066}'..='\u{2069}').contains(&c)
    };
    for source in [text.to_string(), broken] {
        let dir = dir_with(&[("evil.mig", &source)]);
        for format in ["human", "json", "sarif", "github"] {
            let run = migc(dir.path(), &["check", "--format", format]);
            assert_eq!(run.code, 1, "{}", run.stderr);
            for out in [&run.stdout, &run.stderr] {
                assert!(
                    !out.chars().any(unsafe_char),
                    "--format {format}: a control character got through:\n{out:?}"
                );
            }
            match format {
                "human" if source == text => assert!(
                    run.stderr
                        .contains("table `e\\u{1b}[1m\\u{2067}` has no primary key"),
                    "{}",
                    run.stderr
                ),
                "human" => assert!(
                    run.stderr.contains("primery \\u{1b}[5m key"),
                    "{}",
                    run.stderr
                ),
                // A JSON document keeps the exact text, escaped the JSON way.
                "json" if source == text => {
                    assert!(run.stdout.contains(r"e\u001b[1m\u2067"), "{}", run.stdout);
                    let report = json(&run.stdout);
                    let messages: Vec<&str> = report["diagnostics"]
                        .as_array()
                        .expect("a list")
                        .iter()
                        .filter_map(|d| d["message"].as_str())
                        .collect();
                    assert!(
                        messages.contains(&"table `e\u{1b}[1m\u{2067}` has no primary key"),
                        "{messages:?}"
                    );
                }
                _ => {}
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// fmt

const MESSY: &str = "table users {\n id bigint identity primary key\n  email text unique not null // login\n}\nenum e {a,b}\n";
const TIDY: &str = "table users {\n  id    bigint primary key identity\n  email text   not null unique  // login\n}\n\nenum e { a, b }\n";

#[test]
fn fmt_rewrites_files() {
    let dir = dir_with(&[("users.mig", MESSY), ("tidy.mig", TIDY)]);
    expect(
        &migc(dir.path(), &["fmt"]),
        0,
        "reformatted users.mig\n",
        "",
    );
    assert_eq!(read(dir.path(), "users.mig"), TIDY);
    assert_eq!(read(dir.path(), "tidy.mig"), TIDY);
    expect(&migc(dir.path(), &["fmt", "users.mig"]), 0, "", "");
    let leftovers: Vec<String> = std::fs::read_dir(dir.path())
        .expect("list dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("migc-tmp"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
}

#[test]
fn fmt_check_lists_unformatted_files_and_changes_nothing() {
    let dir = dir_with(&[("a.mig", MESSY), ("b.mig", TIDY), ("sub/c.mig", MESSY)]);
    expect(
        &migc(dir.path(), &["fmt", "--check"]),
        1,
        "would reformat a.mig\nwould reformat sub/c.mig\n",
        "",
    );
    assert_eq!(read(dir.path(), "a.mig"), MESSY);
    assert_eq!(read(dir.path(), "sub/c.mig"), MESSY);
    expect(&migc(dir.path(), &["fmt", "--check", "b.mig"]), 0, "", "");
}

#[test]
fn fmt_leaves_every_file_alone_when_one_has_a_syntax_error() {
    let broken = "table users {\n  id bigint primary\n}\n";
    let dir = dir_with(&[("a.mig", MESSY), ("b.mig", broken)]);
    let stderr = "\
error[E0001]: expected `key`, found the end of the line
  ┌─ b.mig:2:20
  │
2 │   id bigint primary
  │                    ^ expected `key`

1 error emitted
";
    expect(&migc(dir.path(), &["fmt"]), 1, "", stderr);
    assert_eq!(read(dir.path(), "a.mig"), MESSY);
    assert_eq!(read(dir.path(), "b.mig"), broken);
    let run = migc(dir.path(), &["fmt", "--format", "json", "b.mig"]);
    assert_eq!((run.code, run.stderr.as_str()), (1, ""));
    assert_eq!(json(&run.stdout)["diagnostics"][0]["code"], "E0001");
    assert_eq!(read(dir.path(), "b.mig"), broken);
}

#[test]
fn fmt_does_not_need_a_schema_that_compiles() {
    // Formatting is syntactic: an unknown type is not its business.
    let dir = dir_with(&[("users.mig", "table users {\n email   txt\n}\n")]);
    expect(
        &migc(dir.path(), &["fmt"]),
        0,
        "reformatted users.mig\n",
        "",
    );
    assert_eq!(
        read(dir.path(), "users.mig"),
        "table users {\n  email txt\n}\n"
    );
}

// ---------------------------------------------------------------------------------------------
// snapshot

#[test]
fn snapshot_to_stdout_and_to_a_file() {
    let dir = dir_with(&[("users.mig", USERS)]);
    let run = migc(dir.path(), &["snapshot", "users.mig"]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    let snapshot = json(&run.stdout);
    assert_eq!(snapshot["format"], "migc-snapshot");
    assert_eq!(snapshot["version"], 1);
    let users = &snapshot["schema"]["tables"]["users"];
    assert_eq!(users["primary_key"]["columns"][0], "id");
    assert_eq!(users["columns"][1]["name"], "email");
    assert_eq!(users["columns"][1]["nullable"], false);
    assert_eq!(users["uniques"][0]["name"], "users_email_key");

    expect(
        &migc(dir.path(), &["snapshot", "users.mig", "-o", "out.json"]),
        0,
        "",
        "",
    );
    assert_eq!(read(dir.path(), "out.json"), run.stdout);
    expect(
        &migc(dir.path(), &["snapshot", "--output", "out2.json"]),
        0,
        "",
        "",
    );
    assert_eq!(read(dir.path(), "out2.json"), run.stdout);
}

#[test]
fn snapshot_with_errors_writes_nothing() {
    let dir = dir_with(&[("users.mig", UNKNOWN_TYPE)]);
    expect(
        &migc(dir.path(), &["snapshot", "-o", "out.json"]),
        1,
        "",
        UNKNOWN_TYPE_STDERR,
    );
    assert!(
        !dir.path().join("out.json").exists(),
        "snapshot written despite errors"
    );
    std::fs::write(dir.path().join("old.json"), "previous").expect("write");
    expect(
        &migc(dir.path(), &["snapshot", "-o", "old.json"]),
        1,
        "",
        UNKNOWN_TYPE_STDERR,
    );
    assert_eq!(read(dir.path(), "old.json"), "previous");
    expect(&migc(dir.path(), &["snapshot"]), 1, "", UNKNOWN_TYPE_STDERR);
}

#[test]
fn snapshot_with_warnings_still_writes() {
    let dir = dir_with(&[("events.mig", NO_KEY)]);
    expect(
        &migc(dir.path(), &["snapshot", "-o", "out.json"]),
        0,
        "",
        NO_KEY_STDERR,
    );
    assert_eq!(
        json(&read(dir.path(), "out.json"))["schema"]["tables"]["events"]["name"],
        "events"
    );
}

#[test]
fn snapshot_to_an_unwritable_place_is_an_io_error() {
    let dir = dir_with(&[("users.mig", USERS)]);
    let run = migc(dir.path(), &["snapshot", "-o", "missing/out.json"]);
    assert_eq!((run.code, run.stdout.as_str()), (2, ""));
    assert!(
        run.stderr
            .starts_with("error: cannot write `missing/out.json`: "),
        "{}",
        run.stderr
    );
}

// ---------------------------------------------------------------------------------------------
// usage and input errors: exit 2 with one clear line

#[test]
fn usage_errors_exit_2() {
    let dir = dir_with(&[("users.mig", USERS)]);
    let cases: &[(&[&str], &str)] = &[
        (&["frob"], "error: unrecognized subcommand 'frob'\n"),
        (
            &["check", "--bogus"],
            "error: unexpected argument '--bogus' found\n",
        ),
        (
            &["check", "--format", "xml"],
            "error: invalid value 'xml' for '--format <FORMAT>'\n",
        ),
        (
            &["snapshot", "-o"],
            "error: a value is required for '--output <OUTPUT>' but none was supplied\n",
        ),
        (
            &[],
            "A compiler for zero-downtime database schema changes\n",
        ),
    ];
    for (args, first_line) in cases {
        let run = migc(dir.path(), args);
        assert_eq!(run.code, 2, "migc {args:?}: {}", run.stderr);
        assert_eq!(run.stdout, "", "migc {args:?}");
        assert!(
            run.stderr.starts_with(first_line),
            "migc {args:?}:\n{}",
            run.stderr
        );
        assert!(
            run.stderr.contains("--help"),
            "migc {args:?}:\n{}",
            run.stderr
        );
    }
}

#[test]
fn help_and_version_succeed() {
    let dir = dir_with(&[]);
    let run = migc(dir.path(), &["--help"]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    assert!(
        run.stdout.contains("Usage: migc [OPTIONS] <COMMAND>"),
        "{}",
        run.stdout
    );
    let run = migc(dir.path(), &["--version"]);
    expect(
        &run,
        0,
        &format!("migc {}\n", env!("CARGO_PKG_VERSION")),
        "",
    );
}

#[test]
fn bad_input_exits_2_with_a_clear_message() {
    let dir = dir_with(&[
        ("only.txt", "not a schema\n"),
        ("nested/deeper/notes.md", "# no\n"),
    ]);
    std::fs::create_dir(dir.path().join("empty")).expect("mkdir");
    std::fs::write(dir.path().join("latin1.mig"), b"table caf\xe9 {}\n").expect("write");
    let cases: &[(&[&str], &str)] = &[
        (
            &["missing.mig"],
            "error: cannot read `missing.mig`: no such file or directory\n",
        ),
        (&["empty"], "error: no `.mig` files in directory `empty`\n"),
        (
            &["nested"],
            "error: no `.mig` files in directory `nested`\n",
        ),
        (
            &["latin1.mig"],
            "error: `latin1.mig` is not UTF-8 text (invalid byte at offset 9)\n",
        ),
    ];
    for command in [&["check"][..], &["fmt"], &["fmt", "--check"], &["snapshot"]] {
        for (paths, stderr) in cases {
            let args: Vec<&str> = command.iter().chain(paths.iter()).copied().collect();
            let run = migc(dir.path(), &args);
            assert_eq!(
                (run.code, run.stdout.as_str(), run.stderr.as_str()),
                (2, "", *stderr),
                "migc {}",
                args.join(" ")
            );
        }
    }
    // A directory with no `.mig` file anywhere, as the default path.
    let run = migc(&dir.path().join("nested"), &["check"]);
    expect(&run, 2, "", "error: no `.mig` files in directory `.`\n");
    assert_eq!(
        std::fs::read(dir.path().join("latin1.mig")).expect("read"),
        b"table caf\xe9 {}\n"
    );
}

/// Asked for JSON, a usage or I/O error is a JSON document on standard output too (exit 2), and
/// the message stays on standard error.
#[test]
fn io_errors_are_json_when_json_is_asked_for() {
    let dir = dir_with(&[("v1.mig", "table t {\n  id int64 primary key\n}\n")]);
    let r = migc(dir.path(), &["check", "missing.mig", "--format", "json"]);
    let message = "cannot read `missing.mig`: no such file or directory";
    expect(
        &r,
        2,
        &format!("{{\n  \"error\": {{\n    \"exit_code\": 2,\n    \"message\": \"{message}\"\n  }},\n  \"format\": \"migc-error-1\"\n}}\n"),
        &format!("error: {message}\n"),
    );
    let r = migc(
        dir.path(),
        &[
            "plan",
            "--from",
            "missing",
            "--to",
            "v1.mig",
            "--dialect",
            "sqlite",
            "--out",
            "p",
            "--format",
            "json",
        ],
    );
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert_eq!(json(&r.stdout)["error"]["exit_code"], 2, "{}", r.stdout);
    assert!(!dir.path().join("p").exists());
    // Without JSON, standard output stays empty.
    let r = migc(dir.path(), &["check", "missing.mig"]);
    expect(&r, 2, "", &format!("error: {message}\n"));
}

/// `migc status --format json`: the plans, their phases and what each holds, as one document.
#[test]
fn status_as_json() {
    let dir = dir_with(&[("v1.mig", "table t {\n  id int64 primary key\n}\n")]);
    expect(
        &migc(
            dir.path(),
            &[
                "plan",
                "--from",
                "empty",
                "--to",
                "v1.mig",
                "--dialect",
                "sqlite",
                "--out",
                "p",
            ],
        ),
        0,
        "wrote p (1 steps, 9 files)\n",
        "",
    );
    let url = format!("sqlite://{}", dir.path().join("db.sqlite").display());
    let r = migc(
        dir.path(),
        &["apply", "p", "--url", &url, "--phase", "expand"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = migc(dir.path(), &["status", "--url", &url, "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let doc = json(&r.stdout);
    let plan = &doc["plans"][0];
    assert_eq!(plan["label"], "empty -> v1.mig");
    let states: Vec<(&str, &str)> = plan["phases"]
        .as_array()
        .expect("phases")
        .iter()
        .map(|p| {
            (
                p["name"].as_str().unwrap_or(""),
                p["state"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        states,
        [
            ("expand", "applied"),
            ("backfill", "not_applied"),
            ("switch", "not_applied"),
            ("contract", "not_applied")
        ]
    );
}

/// A reader that stops early closes standard output: migc stops without a panic's message
/// (exit 2, an I/O error).
#[test]
fn a_closed_output_is_the_end_not_a_crash() {
    use std::io::Read;
    let mut text = String::new();
    for i in 0..3000 {
        text.push_str(&format!(
            "table t{i} {{\n  id int64 primary key\n  name text\n}}\n"
        ));
    }
    let dir = dir_with(&[("many.mig", &text)]);
    let mut child = Command::new(env!("CARGO_BIN_EXE_migc"))
        .args(["snapshot", "many.mig"])
        .current_dir(dir.path())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run migc");
    let mut first = [0u8; 16];
    child
        .stdout
        .take()
        .expect("stdout")
        .read_exact(&mut first)
        .expect("the snapshot starts");
    // The pipe is closed here, the snapshot (over 64 KiB) not written yet.
    let out = child.wait_with_output().expect("migc ends");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}
