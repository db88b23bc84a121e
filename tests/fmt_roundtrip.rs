//! `migc fmt` is safe to run on any schema: its output is a fixed point, compiles to the same
//! model as its input, and keeps every comment. Checked on every example version
//! (`examples/*/v*`, which are also required to be formatted already), on every golden ok case,
//! and on a table of layouts that once went wrong.

use migc_grammar::{FileId, Sources};
use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// One schema: the `.mig` files of a directory (recursively) or a single file.
struct Schema {
    name: String,
    files: Vec<PathBuf>,
}

fn mig_files(path: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    if path.is_file() {
        out.push(path.to_path_buf());
        return out;
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
        .map(|e| e.expect("directory entry").path())
        .collect();
    entries.sort();
    for entry in entries {
        if entry.is_dir() {
            out.extend(mig_files(&entry));
        } else if entry.extension().is_some_and(|e| e == "mig") {
            out.push(entry);
        }
    }
    out
}

fn shown(path: &Path) -> String {
    path.strip_prefix(root())
        .unwrap_or(path)
        .display()
        .to_string()
        .replace('\\', "/")
}

/// Every `examples/<name>/v<n>` directory.
fn example_versions() -> Vec<Schema> {
    let mut out = Vec::new();
    let Ok(examples) = std::fs::read_dir(root().join("examples")) else {
        return out;
    };
    let mut examples: Vec<PathBuf> = examples
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_dir())
        .collect();
    examples.sort();
    for example in examples {
        let mut versions: Vec<PathBuf> = std::fs::read_dir(&example)
            .expect("read example")
            .map(|e| e.expect("entry").path())
            .filter(|p| {
                p.is_dir()
                    && p.file_name()
                        .and_then(|n| n.to_str())
                        .and_then(|n| n.strip_prefix('v'))
                        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
            })
            .collect();
        versions.sort();
        for version in versions {
            out.push(Schema {
                name: shown(&version),
                files: mig_files(&version),
            });
        }
    }
    out
}

/// Every golden ok case (a file, or a directory forming one schema).
fn ok_cases() -> Vec<Schema> {
    let dir = root().join("tests/data/ok");
    let mut entries: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("read tests/data/ok")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_dir() || p.extension().is_some_and(|e| e == "mig"))
        .collect();
    entries.sort();
    entries
        .into_iter()
        .map(|p| Schema {
            name: shown(&p),
            files: mig_files(&p),
        })
        .collect()
}

/// The snapshot of a set of texts, or the rendered diagnostics when it does not compile.
fn snapshot(texts: &[(String, String)]) -> Result<String, String> {
    let mut sources = Sources::new();
    let files: Vec<FileId> = texts
        .iter()
        .map(|(name, text)| sources.add(name.clone(), text.clone()))
        .collect();
    let compiled = migc_compiler::compile(&mut sources, &files);
    match &compiled.schema {
        Some(schema) => Ok(migc_compiler::snapshot::to_json(schema)),
        None => Err(migc::render::human(&sources, &compiled.diagnostics)),
    }
}

fn format(name: &str, text: &str) -> Result<String, String> {
    let ast = migc_grammar::parse(FileId(0), text)
        .map_err(|e| format!("{name} does not parse: {}", e[0].message))?;
    Ok(migc_grammar::format::format(&ast, text))
}

fn comments(text: &str) -> Vec<String> {
    migc_grammar::parse(FileId(0), text)
        .map(|f| f.comments.into_iter().map(|c| c.text).collect())
        .unwrap_or_default()
}

/// Checks one schema; returns what is wrong.
fn round_trip(schema: &Schema, must_be_formatted: bool) -> Vec<String> {
    let mut problems = Vec::new();
    let mut originals = Vec::new();
    let mut formatted = Vec::new();
    for path in &schema.files {
        let name = shown(path);
        let text =
            std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {name}: {e}"));
        let once = match format(&name, &text) {
            Ok(once) => once,
            Err(why) => {
                problems.push(why);
                continue;
            }
        };
        match format(&name, &once) {
            Ok(twice) if twice == once => {}
            Ok(twice) => problems.push(format!(
                "{name}: formatting twice differs from once:\n--- once\n{once}--- twice\n{twice}"
            )),
            Err(why) => problems.push(format!("formatted {why}:\n{once}")),
        }
        if comments(&once) != comments(&text) {
            problems.push(format!(
                "{name}: formatting lost, changed or reordered comments"
            ));
        }
        if must_be_formatted && once != text {
            problems.push(format!("{name} is not formatted: run `migc fmt {name}`"));
        }
        originals.push((name.clone(), text));
        formatted.push((name, once));
    }
    match (snapshot(&originals), snapshot(&formatted)) {
        (Ok(a), Ok(b)) if a == b => {}
        (Ok(_), Ok(_)) => problems.push(format!(
            "{}: the formatted files compile to a different snapshot",
            schema.name
        )),
        (Err(diagnostics), _) => {
            problems.push(format!("{} does not compile:\n{diagnostics}", schema.name))
        }
        (Ok(_), Err(diagnostics)) => problems.push(format!(
            "{}: the formatted files do not compile:\n{diagnostics}",
            schema.name
        )),
    }
    problems
}

#[test]
fn examples_are_formatted_and_format_round_trips() {
    let versions = example_versions();
    // While the examples are being written there may be none; the ok cases below still run.
    let problems: Vec<String> = versions.iter().flat_map(|v| round_trip(v, true)).collect();
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

#[test]
fn ok_cases_format_round_trips() {
    let cases = ok_cases();
    assert!(!cases.is_empty(), "no golden ok cases");
    let problems: Vec<String> = cases.iter().flat_map(|c| round_trip(c, false)).collect();
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

/// Formats `input`, expects `expected`, and checks that `expected` is a fixed point.
#[track_caller]
fn case(input: &str, expected: &str) {
    let once = format("input", input).expect("input parses");
    assert_eq!(once, expected, "\n--- got:\n{once}");
    assert_eq!(
        format("output", &once).expect("output parses"),
        once,
        "not idempotent"
    );
    assert_eq!(
        snapshot(&[("a.mig".into(), input.into())]),
        snapshot(&[("a.mig".into(), once)])
    );
}

#[test]
fn trailing_comments_stay_on_their_line() {
    // A member ending in an optional part (a type without arguments, `retire x`, an index
    // without `where`, `references t`) once took the comment after it into its span, and the
    // comment moved to the next line, where it read as being about the next member.
    case(
        "table t {\n  id int64 primary key\n  b int32 // about b\n  c int32\n  retire x // about x\n  index (b) // about the index\n  d int64 references t // about d\n}\n",
        "table t {\n  id int64 primary key\n  b  int32  // about b\n  c  int32\n  retire x  // about x\n  index (b)  // about the index\n  d int64 references t  // about d\n}\n",
    );
    case(
        "table t {\n  id int64 primary key\n  index (id) where (id > 1) // why\n}\n",
        "table t {\n  id int64 primary key\n  index (id) where (id > 1)  // why\n}\n",
    );
    case(
        "table t { // c1\n  a int64 primary key; // c2\n  b int32 // c3\n} // c4\n",
        "table t {\n  // c1\n  a int64 primary key  // c2\n  b int32  // c3\n}  // c4\n",
    );
}

#[test]
fn comments_inside_a_member_go_before_it() {
    case(
        "table t {\n  a int32 not null\n  b int32 not null\n  primary key (\n    a, // first\n    b  // second\n  )\n}\n",
        "table t {\n  a int32 not null\n  b int32 not null\n  // first\n  // second\n  primary key (a, b)\n}\n",
    );
    case(
        "table t {\n  id int64 primary key\n  s native(\n    // which\n    postgres: \"text\", // pg\n    sqlite: \"text\"\n  ) null\n}\n",
        "table t {\n  id int64 primary key\n  // which\n  // pg\n  s  native(postgres: \"text\", sqlite: \"text\") null\n}\n",
    );
}

#[test]
fn blank_lines_inside_a_member_do_not_move_out_with_its_comments() {
    // A blank line inside a member spread over lines once followed its comment out of the
    // member: the next formatting found it between the members and moved it again.
    case(
        "table t {\n  id int64 primary key\n  s native(\n    // which\n\n    postgres: \"text\"\n  ) null\n}\n",
        "table t {\n  id int64 primary key\n  // which\n  s  native(postgres: \"text\") null\n}\n",
    );
    case(
        "table t {\n  a int32 not null\n  b int32 not null\n  primary key (\n    a, // first\n\n    b  // second\n  )\n}\n",
        "table t {\n  a int32 not null\n  b int32 not null\n  // first\n  // second\n  primary key (a, b)\n}\n",
    );
    case(
        "table t {\n  a int32 not null\n  b int32 not null\n\n  // the key\n  primary key (\n    a,\n\n    b // second\n  )\n}\n",
        "table t {\n  a int32 not null\n  b int32 not null\n\n  // the key\n  // second\n  primary key (a, b)\n}\n",
    );
}

#[test]
fn a_blank_line_after_a_comment_stays_after_it() {
    // The blank line was between the comment and the member; it once moved above the comment
    // as well.
    case(
        "table t {\n  id int64 primary key\n  a int32\n  // about the index\n\n  index (a)\n}\n",
        "table t {\n  id int64 primary key\n  a  int32\n  // about the index\n\n  index (a)\n}\n",
    );
}

#[test]
fn blank_lines_between_comments_are_kept() {
    case(
        "// Copyright header.\n\n// About users.\ntable users {\n  id int64 primary key\n}\n",
        "// Copyright header.\n\n// About users.\ntable users {\n  id int64 primary key\n}\n",
    );
}

#[test]
fn strings_keep_their_spelling() {
    // Escapes stay escapes and line breaks stay line breaks: both are the author's choice.
    case(
        "table t {\n  id int64 primary key comment \"a\\tb\\nc \\\"q\\\" \\\\\"\n}\n",
        "table t {\n  id int64 primary key comment \"a\\tb\\nc \\\"q\\\" \\\\\"\n}\n",
    );
    case(
        "native f for postgres {\n  up \"create function f() returns int\n    language sql as 'select 1'\"\n  down \"drop function f\"\n}\n",
        "native f for postgres {\n  up \"create function f() returns int\n    language sql as 'select 1'\"\n  down \"drop function f\"\n}\n",
    );
}

#[test]
fn empty_enums_and_tables() {
    case("enum e {}\n", "enum e {}\n");
    case("enum e {\n}\n", "enum e {}\n");
    case("mixin m {\n}\n", "mixin m {}\n");
}

#[test]
fn view_queries_with_quoted_text_over_lines_are_kept_as_written() {
    // Re-indenting would change the quoted name.
    case(
        "table t {\n  id int64 primary key\n}\nview v as (select id as \"x\n     y\" from t)\n",
        "table t {\n  id int64 primary key\n}\n\nview v as (select id as \"x\n     y\" from t)\n",
    );
    case(
        "table t {\n  id int64 primary key\n}\nview v as (select id\n        from t)\n",
        "table t {\n  id int64 primary key\n}\n\nview v as (\n  select id\n  from t\n)\n",
    );
}

#[test]
fn non_ascii_names_align_by_characters() {
    case(
        "table t {\n  id int64 primary key\n  `café` text\n  `naïve_name` text\n}\n",
        "table t {\n  id           int64 primary key\n  `café`       text\n  `naïve_name` text\n}\n",
    );
}
