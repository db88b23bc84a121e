//! Where migc writes and what it opens, on the real binary: `plan --out` and `import -o` replace
//! only their own output (a file or a foreign directory is refused with exit 2 and left as it
//! was), and `sqlite://PATH` opens an existing file everywhere but `apply` (a missing one is
//! exit 2 and no file is created).

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Output};

fn migc(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_migc"))
        .current_dir(dir)
        .args(args)
        .output()
        .expect("migc runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn show(o: &Output) -> String {
    format!(
        "exit {:?}\n--- stdout\n{}--- stderr\n{}",
        o.status.code(),
        text(&o.stdout),
        text(&o.stderr)
    )
}

#[track_caller]
fn expect(o: &Output, code: i32) {
    assert_eq!(o.status.code(), Some(code), "{}", show(o));
}

fn write(dir: &Path, name: &str, content: &str) {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("mkdir");
    }
    std::fs::write(path, content).expect("write");
}

/// Every file and directory under `dir` (directories as `name/`), with the files' bytes: a
/// picture of the tree to compare before and after.
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut todo = vec![(dir.to_path_buf(), String::new())];
    while let Some((d, prefix)) = todo.pop() {
        for e in std::fs::read_dir(&d)
            .expect("readable")
            .filter_map(Result::ok)
        {
            let name = format!("{prefix}{}", e.file_name().to_string_lossy());
            if e.file_type().expect("type").is_dir() {
                out.insert(format!("{name}/"), Vec::new());
                todo.push((e.path(), format!("{name}/")));
            } else {
                out.insert(name, std::fs::read(e.path()).expect("read"));
            }
        }
    }
    out
}

const V1: &str = "table users {\n  id bigint primary key identity\n  name text not null\n}\n";
const V2: &str =
    "table users {\n  id bigint primary key identity\n  name text not null\n  bio text\n}\n";

fn plan_args(out: &str) -> Vec<&str> {
    vec![
        "plan",
        "--from",
        "v1",
        "--to",
        "v2",
        "--dialect",
        "sqlite",
        "--out",
        out,
    ]
}

fn schemas() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("tmp");
    write(tmp.path(), "v1/s.mig", V1);
    write(tmp.path(), "v2/s.mig", V2);
    tmp
}

#[test]
fn plan_out_onto_a_file_is_refused_and_the_file_kept() {
    let tmp = schemas();
    let d = tmp.path();
    write(d, "out", "not a directory\n");
    let before = tree(d);
    let o = migc(d, &plan_args("out"));
    expect(&o, 2);
    assert!(
        text(&o.stderr).contains("`out` exists and is not a directory; nothing was written"),
        "{}",
        show(&o)
    );
    assert_eq!(tree(d), before, "nothing may change");
}

#[test]
fn plan_out_onto_a_directory_that_is_not_a_plan_is_refused_untouched() {
    let tmp = schemas();
    let d = tmp.path();
    let cases: &[(&str, &[(&str, &str)])] = &[
        ("notes", &[("README.md", "mine\n")]),
        // Plan-like files without a manifest.
        ("scripts", &[("01-expand.up.sql", "SELECT 1;\n")]),
        // A manifest migc did not write.
        (
            "other",
            &[("manifest.json", "{\"format\": \"something else\"}\n")],
        ),
        // A plan with a file of the user's beside it, or a directory in it.
        (
            "plan_and_more",
            &[
                ("manifest.json", "{\"format\": \"migc-plan\"}\n"),
                ("01-expand.up.sql", "SELECT 1;\n"),
                ("keep.txt", "mine\n"),
            ],
        ),
        (
            "plan_and_dir",
            &[
                ("manifest.json", "{\"format\": \"migc-plan\"}\n"),
                ("sub/01-expand.up.sql", "SELECT 1;\n"),
            ],
        ),
    ];
    for (dir, files) in cases {
        for (name, content) in *files {
            write(d, &format!("{dir}/{name}"), content);
        }
        let before = tree(d);
        let o = migc(d, &plan_args(dir));
        expect(&o, 2);
        let err = text(&o.stderr);
        assert!(
            err.contains(&format!("`{dir}` is not a plan directory"))
                && err.contains("nothing was written"),
            "{dir}: {}",
            show(&o)
        );
        assert_eq!(tree(d), before, "{dir}: nothing may change");
        // `--check` only reads: it reports, and changes nothing either.
        let mut check = plan_args(dir);
        check.push("--check");
        expect(&migc(d, &check), 1);
        assert_eq!(tree(d), before, "{dir}: --check changed something");
    }
}

#[test]
fn plan_out_writes_a_new_or_empty_directory_and_replaces_a_plan_as_a_whole() {
    let tmp = schemas();
    let d = tmp.path();
    // New, with its parents.
    expect(&migc(d, &plan_args("deep/er/plan")), 0);
    assert!(d.join("deep/er/plan/manifest.json").is_file());
    // Empty.
    std::fs::create_dir(d.join("empty")).expect("mkdir");
    expect(&migc(d, &plan_args("empty")), 0);
    let fresh = tree(&d.join("empty"));
    assert!(fresh.contains_key("manifest.json") && fresh.contains_key("01-expand.up.sql"));
    // A previous plan: replaced whole, a plan file it no longer has removed.
    write(d, "empty/05-extra.up.sql", "-- stale\n");
    write(d, "empty/01-expand.up.sql", "-- edited\n");
    expect(&migc(d, &plan_args("empty")), 0);
    assert_eq!(tree(&d.join("empty")), fresh);
    // The temporary siblings are gone.
    let leftovers: Vec<String> = tree(d)
        .into_keys()
        .filter(|k| k.contains("migc-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    // `--out .` from inside a plan directory works on the directory's real name.
    expect(
        &migc(
            &d.join("empty"),
            &[
                "plan",
                "--from",
                "../v1",
                "--to",
                "../v2",
                "--dialect",
                "sqlite",
                "--out",
                ".",
            ],
        ),
        0,
    );
    assert_eq!(
        tree(&d.join("empty")).into_keys().collect::<Vec<_>>(),
        fresh.into_keys().collect::<Vec<_>>()
    );
}

#[test]
fn import_o_onto_a_file_or_a_foreign_directory_is_refused_untouched() {
    let tmp = tempfile::tempdir().expect("tmp");
    let d = tmp.path();
    write(
        d,
        "dump.sql",
        "CREATE TABLE users (id integer PRIMARY KEY, name text NOT NULL);\n",
    );
    let import = |out: &str| migc(d, &["import", "dump.sql", "--dialect", "sqlite", "-o", out]);
    write(d, "file", "mine\n");
    write(d, "notes/README.md", "mine\n");
    write(
        d,
        "schema/tables/users.mig",
        "table users {\n  id int64 primary key\n}\n",
    );
    write(d, "schema/Makefile", "all:\n");
    let before = tree(d);
    for (out, says) in [
        ("file", "exists and is not a directory"),
        ("notes", "holds what an import does not write (`README.md`)"),
        ("schema", "holds what an import does not write (`Makefile`)"),
    ] {
        let o = import(out);
        expect(&o, 2);
        assert!(text(&o.stderr).contains(says), "{out}: {}", show(&o));
        assert_eq!(tree(d), before, "{out}: nothing may change");
    }
    // Its own output is replaced as a whole.
    let o = import("out");
    expect(&o, 0);
    let first = tree(&d.join("out"));
    assert!(first.contains_key("tables/users.mig"), "{first:?}");
    write(
        d,
        "out/tables/users.mig",
        "table users {\n  id int64 primary key\n}\n",
    );
    expect(&import("out"), 0);
    assert_eq!(tree(&d.join("out")), first);
}

#[test]
fn import_of_nothing_still_makes_the_directory_it_says_it_wrote() {
    let tmp = tempfile::tempdir().expect("tmp");
    let d = tmp.path();
    write(d, "empty.sql", "-- nothing here\n");
    let o = migc(
        d,
        &["import", "empty.sql", "--dialect", "sqlite", "-o", "out"],
    );
    expect(&o, 0);
    assert!(text(&o.stdout).starts_with("wrote out ("), "{}", show(&o));
    assert!(d.join("out").is_dir(), "the directory it names must exist");
}

#[test]
fn a_missing_sqlite_file_is_an_error_and_is_not_created() {
    let tmp = schemas();
    let d = tmp.path();
    expect(
        &migc(
            d,
            &[
                "plan",
                "--from",
                "empty",
                "--to",
                "v1",
                "--dialect",
                "sqlite",
                "--out",
                "plan",
            ],
        ),
        0,
    );
    let url = "sqlite://missing.db";
    let before = tree(d);
    let runs: Vec<Vec<&str>> = vec![
        vec!["status", "--url", url],
        vec!["drift", "--url", url, "--to", "v1"],
        vec!["import", url, "-o", "imported"],
        vec![
            "plan",
            "--from",
            url,
            "--to",
            "v1",
            "--dialect",
            "sqlite",
            "--out",
            "p",
        ],
        vec![
            "plan",
            "--from",
            "v1",
            "--to",
            url,
            "--dialect",
            "sqlite",
            "--out",
            "p",
        ],
        vec!["rollback", "plan", "--url", url],
        // A dry run shows what would run on a new database, creating none.
        vec!["apply", "plan", "--url", url, "--dry-run"],
    ];
    for args in &runs {
        let o = migc(d, args);
        if args[0] == "apply" {
            expect(&o, 0);
            assert!(text(&o.stdout).contains("expand"), "{}", show(&o));
        } else {
            expect(&o, 2);
            assert!(
                text(&o.stderr).contains("no such file `missing.db`"),
                "{args:?}: {}",
                show(&o)
            );
        }
        assert_eq!(tree(d), before, "{args:?} created something");
    }
    // `apply` creates it.
    expect(&migc(d, &["apply", "plan", "--url", url]), 0);
    assert!(d.join("missing.db").is_file());
    expect(&migc(d, &["status", "--url", url]), 0);
}
