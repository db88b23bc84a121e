//! `--format sarif` and `--format github` of `migc check` and `migc plan`, run as CI runs them:
//! the SARIF log validated against the official SARIF 2.1.0 schema (tests/data/schemas/), the
//! workflow commands read back the way GitHub reads them.

use serde_json::Value;
use std::path::Path;
use std::process::Command;

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

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

/// The SARIF log on standard output, after checking it against the SARIF 2.1.0 schema
/// (formats such as `uri-reference` included).
#[track_caller]
fn sarif(run: &Run) -> Value {
    let log: Value = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}\n{}", run.stdout, run.stderr));
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/schemas/sarif-schema-2.1.0.json"),
    )
    .expect("the SARIF schema");
    // The schema's pattern for a language tag (`run.language`, `toolComponent.language`) has a
    // stray `]`: not a valid ECMA 262 expression, it fails the draft-07 meta-schema's `regex`
    // format when the schema is compiled. It is read as meant, two letters with an optional
    // region; migc writes no language.
    let broken = r#""^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$""#;
    assert_eq!(text.matches(broken).count(), 2, "the schema changed");
    let text = text.replace(broken, r#""^[a-zA-Z]{2}(-[a-zA-Z]{2})?$""#);
    let schema: Value = serde_json::from_str(&text).expect("the SARIF schema is JSON");
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the SARIF schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(&log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{}\n{}", errors.join("\n"), run.stdout);
    log
}

fn results(log: &Value) -> &Vec<Value> {
    log["runs"][0]["results"].as_array().expect("results")
}

fn rule_ids(log: &Value) -> Vec<&str> {
    log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .expect("rules")
        .iter()
        .map(|r| r["id"].as_str().expect("id"))
        .collect()
}

const UNKNOWN_TYPE: &str = "table users {\n  id    int64 primary key\n  email txt   not null\n}\n";
const NO_KEY: &str = "table events {\n  at timestamptz not null\n}\n";
/// E1001 with a secondary label on the first declaration.
const TWICE: &str =
    "table t {\n  id int64 primary key\n}\n\ntable t {\n  id int64 primary key\n}\n";

#[test]
fn check_as_sarif() {
    let dir = dir_with(&[
        ("schema/users.mig", UNKNOWN_TYPE),
        ("schema/events.mig", NO_KEY),
        ("schema/twice.mig", TWICE),
    ]);
    let run = migc(dir.path(), &["check", "schema", "--format", "sarif"]);
    assert_eq!((run.code, run.stderr.as_str()), (1, ""));
    let log = sarif(&run);
    assert_eq!(log["version"], "2.1.0");
    let run0 = &log["runs"][0];
    let driver = &run0["tool"]["driver"];
    assert_eq!(driver["name"], "migc");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(run0["columnKind"], "unicodeCodePoints");
    // A rule for every code that appears, once, with its descriptions and default level.
    assert_eq!(rule_ids(&log), ["E1001", "E1004", "W1001"]);
    let rule = &driver["rules"][1];
    assert_eq!(
        rule["shortDescription"]["text"],
        "A type name that is neither a built-in type nor an enum."
    );
    assert!(rule["fullDescription"]["text"]
        .as_str()
        .unwrap()
        .starts_with("A column's type is neither a built-in type nor an enum of the schema."));
    assert!(rule["help"]["markdown"]
        .as_str()
        .unwrap()
        .contains("## How to fix"));
    assert_eq!(rule["defaultConfiguration"]["level"], "error");
    assert_eq!(
        driver["rules"][2]["defaultConfiguration"]["level"],
        "warning"
    );

    let results = results(&log);
    assert_eq!(results.len(), 3);
    let by_rule = |id: &str| {
        results
            .iter()
            .find(|r| r["ruleId"] == id)
            .unwrap_or_else(|| panic!("no {id}"))
    };
    let e1004 = by_rule("E1004");
    assert_eq!(e1004["level"], "error");
    assert_eq!(e1004["ruleIndex"], 1);
    assert_eq!(
        e1004["message"]["text"],
        "unknown type `txt`\nhelp: did you mean `text`?"
    );
    let location = &e1004["locations"][0];
    assert_eq!(
        location["physicalLocation"]["artifactLocation"]["uri"],
        "schema/users.mig"
    );
    assert_eq!(
        location["physicalLocation"]["region"],
        serde_json::json!({"startLine": 3, "startColumn": 9, "endLine": 3, "endColumn": 12})
    );
    assert_eq!(
        location["message"]["text"],
        "not a built-in type or an enum of the schema"
    );
    assert_eq!(by_rule("W1001")["level"], "warning");
    // The secondary label is a related location.
    let e1001 = by_rule("E1001");
    let related = e1001["relatedLocations"].as_array().expect("related");
    assert_eq!(related.len(), 1);
    assert_eq!(related[0]["id"], 1);
    assert_eq!(
        related[0]["physicalLocation"]["artifactLocation"]["uri"],
        "schema/twice.mig"
    );
    assert_eq!(related[0]["physicalLocation"]["region"]["startLine"], 1);
    assert_eq!(
        e1001["locations"][0]["physicalLocation"]["region"]["startLine"],
        5
    );
}

#[test]
fn a_clean_check_is_an_empty_log() {
    let dir = dir_with(&[("users.mig", "table users {\n  id int64 primary key\n}\n")]);
    let run = migc(dir.path(), &["check", "--format", "sarif"]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    let log = sarif(&run);
    assert!(results(&log).is_empty());
    assert!(rule_ids(&log).is_empty());
    assert_eq!(
        log["runs"][0]["invocations"][0]["executionSuccessful"],
        true
    );
    // Only warnings: exit 0, as with the other formats.
    let dir = dir_with(&[("events.mig", NO_KEY)]);
    let run = migc(dir.path(), &["check", "--format", "sarif"]);
    assert_eq!(run.code, 0);
    assert_eq!(results(&sarif(&run)).len(), 1);
}

/// The same input gives the same bytes, from any working directory the paths are given from.
#[test]
fn sarif_is_deterministic() {
    let dir = dir_with(&[
        ("s/users.mig", UNKNOWN_TYPE),
        ("s/events.mig", NO_KEY),
        ("s/twice.mig", TWICE),
    ]);
    let one = migc(dir.path(), &["check", "s", "--format", "sarif"]);
    let two = migc(dir.path(), &["check", "s", "--format", "sarif"]);
    assert_eq!(one.stdout, two.stdout);
    let inside = migc(&dir.path().join("s"), &["check", ".", "--format", "sarif"]);
    let log = sarif(&inside);
    // Paths as given: relative to where migc ran.
    let uris: Vec<&str> = results(&log)
        .iter()
        .map(|r| {
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
        })
        .collect();
    assert_eq!(uris, ["events.mig", "twice.mig", "users.mig"]);
    // An absolute path is a `file:` URI.
    let absolute = dir.path().join("s").display().to_string();
    let run = migc(dir.path(), &["check", &absolute, "--format", "sarif"]);
    let log = sarif(&run);
    let uri = results(&log)[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        uri.starts_with("file:///") && uri.ends_with("/s/events.mig"),
        "{uri}"
    );
}

fn plan_args<'a>(from: &'a str, to: &'a str, dialect: &'a str, format: &'a str) -> Vec<&'a str> {
    vec![
        "plan",
        "--from",
        from,
        "--to",
        to,
        "--dialect",
        dialect,
        "--format",
        format,
        "--out",
        "p",
    ]
}

/// The safety lint of a plan is reported like the compiler's findings.
#[test]
fn plan_lint_as_sarif() {
    let from = "table orders {\n  id    int64 primary key\n  total int32\n  note  text\n}\n";
    let to = "table orders {\n  id    int64 primary key\n  total int32 check (total >= 0)\n  drop column note\n}\n";
    let dir = dir_with(&[("v1/orders.mig", from), ("v2/orders.mig", to)]);
    let run = migc(dir.path(), &plan_args("v1", "v2", "postgres", "sarif"));
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    assert!(dir.path().join("p/manifest.json").exists());
    let log = sarif(&run);
    assert_eq!(rule_ids(&log), ["W3001", "W3003"]);
    for r in results(&log) {
        assert_eq!(r["level"], "warning");
        let at = &r["locations"][0]["physicalLocation"];
        assert_eq!(at["artifactLocation"]["uri"], "v2/orders.mig");
        assert!(at["region"]["startLine"].as_u64().unwrap() >= 1);
    }
    // `--deny warnings`: the same findings as errors, exit 1, nothing written.
    let run = migc(
        dir.path(),
        &[
            &plan_args("v1", "v2", "postgres", "sarif")[..9],
            &["--deny", "warnings", "--out", "q"],
        ]
        .concat(),
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    let log = sarif(&run);
    assert!(results(&log).iter().all(|r| r["level"] == "error"));
    assert_eq!(
        log["runs"][0]["tool"]["driver"]["rules"][0]["defaultConfiguration"]["level"],
        "warning"
    );
    assert!(!dir.path().join("q").exists());
    // An error of the plan: exit 1.
    let dir = dir_with(&[
        ("v1.mig", from),
        ("v2.mig", "table orders {\n  id int64 primary key\n}\n"),
    ]);
    let run = migc(
        dir.path(),
        &plan_args("v1.mig", "v2.mig", "sqlite", "sarif"),
    );
    assert_eq!(run.code, 1);
    let log = sarif(&run);
    assert!(rule_ids(&log).contains(&"E3001"));
    // `--check` says on standard error whether the plan is stale: standard output stays SARIF.
    let run = migc(
        dir.path(),
        &[
            "plan",
            "--from",
            "v1.mig",
            "--to",
            "v1.mig",
            "--dialect",
            "sqlite",
            "--out",
            "none",
            "--check",
            "--format",
            "sarif",
        ],
    );
    assert_eq!(run.code, 1);
    assert!(run.stderr.starts_with("none is stale:"), "{}", run.stderr);
    sarif(&run);
}

/// A finding with no place in the text (here: a snapshot that cannot be read) is located at
/// the declared schema given, since code scanning refuses a result without a location.
#[test]
fn a_finding_without_a_label_is_located_at_the_subject() {
    let dir = dir_with(&[
        (
            "old.json",
            "{\"format\": \"migc-snapshot\", \"version\": 99, \"schema\": {}}",
        ),
        ("new/t.mig", "table t {\n  id int64 primary key\n}\n"),
    ]);
    let run = migc(
        dir.path(),
        &plan_args("old.json", "new", "postgres", "sarif"),
    );
    assert_eq!(run.code, 1);
    let log = sarif(&run);
    let r = &results(&log)[0];
    assert_eq!(r["ruleId"], "E2003");
    assert_eq!(
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "new"
    );
    assert!(r["locations"][0]["physicalLocation"]
        .get("region")
        .is_none());
}

#[test]
fn a_usage_error_is_a_failed_run() {
    let dir = dir_with(&[]);
    let run = migc(dir.path(), &["check", "missing.mig", "--format", "sarif"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error: cannot read `missing.mig`: no such file or directory\n"
    );
    let log = sarif(&run);
    let invocation = &log["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    assert_eq!(
        invocation["toolExecutionNotifications"][0]["message"]["text"],
        "cannot read `missing.mig`: no such file or directory"
    );
    assert!(results(&log).is_empty());
    let run = migc(dir.path(), &["check", "missing.mig", "--format", "github"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stdout,
        "::error title=migc::cannot read `missing.mig`: no such file or directory\n"
    );
}

#[test]
fn check_as_github_annotations() {
    let dir = dir_with(&[("users.mig", UNKNOWN_TYPE), ("events.mig", NO_KEY)]);
    let run = migc(dir.path(), &["check", "--format", "github"]);
    assert_eq!((run.code, run.stderr.as_str()), (1, ""));
    assert_eq!(
        run.stdout,
        "::warning file=events.mig,line=1,col=7,endLine=1,endColumn=13,title=W1001::table `events` has no primary key\
         %0Anote: backfills walk a table by its primary key (else by a unique key on not null columns; MySQL refuses a table with neither), and rows without a key cannot be compared\
         %0Ahelp: add `primary key` to a column, or `primary key (a, b)` to the table\n\
         ::error file=users.mig,line=3,col=9,endLine=3,endColumn=12,title=E1004::unknown type `txt`%0Ahelp: did you mean `text`?\n"
    );
    let dir = dir_with(&[("users.mig", "table users {\n  id int64 primary key\n}\n")]);
    let run = migc(dir.path(), &["check", "--format", "github"]);
    assert_eq!((run.code, run.stdout.as_str()), (0, ""));
}

/// A workflow command read back as GitHub reads it: the command, its properties (split at
/// `,`, each at its first `=`) and its message, unescaped.
fn read_command(line: &str) -> (String, Vec<(String, String)>, String) {
    let unescape = |s: &str| {
        s.replace("%0D", "\r")
            .replace("%0A", "\n")
            .replace("%3A", ":")
            .replace("%2C", ",")
            .replace("%25", "%")
    };
    let rest = line.strip_prefix("::").expect("a command");
    let (head, message) = rest.split_once("::").expect("a message");
    let (command, properties) = head.split_once(' ').unwrap_or((head, ""));
    let properties = properties
        .split(',')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').expect("key=value");
            (k.to_string(), unescape(v))
        })
        .collect();
    (command.to_string(), properties, unescape(message))
}

fn percent_decoded(uri: &str) -> String {
    let bytes = uri.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).expect("hex");
            out.push(u8::from_str_radix(hex, 16).expect("a hex byte"));
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).expect("UTF-8")
}

/// File names and messages holding what the formats use as syntax stay inside their value.
#[test]
fn hostile_names_do_not_break_either_format() {
    let names = [
        "a b.mig",
        "per%cent,comma:colon.mig",
        "hash#question?.mig",
        "new\nline.mig",
        "ü日本.mig",
        "::error file=x::y.mig",
    ];
    // A name in backticks and a string reach the messages: a default that does not fit its
    // column's type (E1025) holds a line break and the syntax of a workflow command.
    let hostile =
        "table `t::warning::x,%0A y` {\n  at int64\n  n int32 default 'x\r\n::error::y%'\n}\n";
    let files: Vec<(&str, &str)> = names.iter().map(|n| (*n, hostile)).collect();
    let dir = dir_with(&files);
    for name in names {
        let run = migc(dir.path(), &["check", name, "--format", "sarif"]);
        assert_eq!(run.code, 1, "{name:?}: {}", run.stderr);
        let log = sarif(&run);
        let messages: Vec<(&str, &str)> = results(&log)
            .iter()
            .map(|r| {
                (
                    r["ruleId"].as_str().unwrap(),
                    r["message"]["text"].as_str().unwrap(),
                )
            })
            .collect();
        assert_eq!(messages.len(), 2);
        assert_eq!(messages[0].0, "W1001");
        assert!(messages[0]
            .1
            .starts_with("table `t::warning::x,%0A y` has no primary key\n"));
        assert_eq!(messages[1].0, "E1025");
        assert!(messages[1]
            .1
            .starts_with("default `'x\r\n::error::y%'` does not fit type `int32`\n"));
        // The URI decodes to the file name, and holds nothing a URI cannot.
        for r in results(&log) {
            let uri = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap();
            assert_eq!(percent_decoded(uri), name);
            assert!(
                uri.chars()
                    .all(|c| c.is_ascii_graphic() && !"#?<>\\\"{}|^`[]".contains(c)),
                "{uri}"
            );
        }

        let run = migc(dir.path(), &["check", name, "--format", "github"]);
        assert_eq!(run.code, 1);
        let lines: Vec<&str> = run.stdout.lines().collect();
        assert_eq!(lines.len(), 2, "{:?}", run.stdout);
        let (command, properties, message) = read_command(lines[0]);
        assert_eq!(command, "warning");
        assert_eq!(properties[0], ("file".to_string(), name.to_string()));
        assert_eq!(
            properties.last().unwrap(),
            &("title".to_string(), "W1001".to_string())
        );
        assert!(
            message.starts_with("table `t::warning::x,%0A y` has no primary key\n"),
            "{message:?}"
        );
        let (command, properties, message) = read_command(lines[1]);
        assert_eq!(command, "error");
        assert_eq!(properties[0], ("file".to_string(), name.to_string()));
        assert_eq!(
            properties[1..5],
            [
                ("line".to_string(), "3".to_string()),
                ("col".to_string(), "19".to_string()),
                ("endLine".to_string(), "4".to_string()),
                ("endColumn".to_string(), "13".to_string()),
            ]
        );
        assert!(
            message.starts_with("default `'x\r\n::error::y%'` does not fit type `int32`\n"),
            "{message:?}"
        );
    }
}
