//! Where migc writes and what it opens, on the real binary: `plan --out` and `import -o` replace
//! only their own output (a file or a foreign directory is refused with exit 2 and left as it
//! was), `sqlite://PATH` opens an existing file everywhere but `apply` (a missing one is exit 2
//! and no file is created), and a plan's bytes do not depend on the working directory or on how
//! its sources are spelled.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
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

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
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
    assert_eq!(tree(&d.join("empty")), fresh);
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

/// The same plan, written from three working directories with sources spelled three ways:
/// byte-identical, with sources relative to their common base.
#[test]
fn a_plan_does_not_depend_on_the_working_directory_or_the_spelling() {
    let tmp = tempfile::tempdir().expect("tmp");
    let out = |n: &str| tmp.path().join(n).to_string_lossy().into_owned();
    let abs = |p: &str| root().join(p).to_string_lossy().into_owned();
    let runs: [(PathBuf, String, String, String); 4] = [
        (
            root(),
            "examples/shop/v2".into(),
            "examples/shop/v3".into(),
            out("a"),
        ),
        (
            root().join("examples"),
            "./shop/v2/".into(),
            "shop//v3".into(),
            out("b"),
        ),
        (
            tmp.path().to_path_buf(),
            abs("examples/shop/v2"),
            abs("examples/../examples/shop/v3"),
            out("c"),
        ),
        (
            root().join("examples/shop/v3"),
            "../v2".into(),
            ".".into(),
            out("d"),
        ),
    ];
    let mut plans = Vec::new();
    for (cwd, from, to, dir) in &runs {
        let o = migc(
            cwd,
            &[
                "plan",
                "--from",
                from,
                "--to",
                to,
                "--dialect",
                "postgres",
                "--out",
                dir,
            ],
        );
        expect(&o, 0);
        plans.push(tree(Path::new(dir)));
    }
    for (i, p) in plans.iter().enumerate().skip(1) {
        assert_eq!(&plans[0], p, "run {i} differs from run 0");
    }
    let manifest: serde_json::Value =
        serde_json::from_slice(&plans[0]["manifest.json"]).expect("JSON");
    assert_eq!(manifest["from"], "v2");
    assert_eq!(manifest["to"], "v3");
    let sources: Vec<String> = manifest["phases"]
        .as_array()
        .expect("phases")
        .iter()
        .flat_map(|p| p["steps"].as_array().expect("steps").clone())
        .filter_map(|s| s["source"].as_str().map(str::to_string))
        .collect();
    assert!(
        sources.contains(&"v3/orders.mig:6:6".to_string()),
        "{sources:?}"
    );
    assert!(
        sources
            .iter()
            .all(|s| s.starts_with("v3/") || s.starts_with("v2/") || s.starts_with("<std>/")),
        "{sources:?}"
    );
    let expand = text(&plans[0]["01-expand.up.sql"]);
    assert!(expand.contains("from v3/orders.mig:6:6"), "{expand}");
    assert!(!expand.contains("examples/"), "{expand}");
}

/// A SQLite database as the deployed side is a file source like the others.
#[test]
fn a_plan_from_a_sqlite_file_does_not_depend_on_the_working_directory() {
    let tmp = schemas();
    let d = tmp.path();
    let sqlite = |cwd: &Path, args: &[&str]| {
        let mut all = vec!["plan"];
        all.extend(args);
        all.extend(["--dialect", "sqlite"]);
        migc(cwd, &all)
    };
    expect(
        &sqlite(d, &["--from", "empty", "--to", "v1", "--out", "p1"]),
        0,
    );
    expect(
        &migc(
            d,
            &[
                "apply",
                "p1",
                "--url",
                "sqlite://app.db",
                "--through",
                "contract",
            ],
        ),
        0,
    );
    let abs = format!("sqlite://{}", d.join("app.db").display());
    let out = |n: &str| d.join(n).to_string_lossy().into_owned();
    let (a, b) = (out("a"), out("b"));
    expect(
        &sqlite(d, &["--from", "sqlite://app.db", "--to", "v2", "--out", &a]),
        0,
    );
    expect(
        &sqlite(&d.join("v2"), &["--from", &abs, "--to", ".", "--out", &b]),
        0,
    );
    assert_eq!(tree(&d.join("a")), tree(&d.join("b")));
    let manifest: serde_json::Value =
        serde_json::from_slice(&tree(&d.join("a"))["manifest.json"]).expect("JSON");
    assert_eq!(manifest["from"], "sqlite://app.db");
    assert_eq!(manifest["to"], "v2");
}

/// A pipeline checks a plan from another working directory than the one that wrote it.
#[test]
fn plan_check_passes_from_another_directory() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = tmp.path().join("plan").to_string_lossy().into_owned();
    let plan = |cwd: &Path, from: &str, to: &str, check: bool| {
        let mut args = vec![
            "plan",
            "--from",
            from,
            "--to",
            to,
            "--dialect",
            "mysql",
            "--out",
            &dir,
        ];
        if check {
            args.push("--check");
        }
        migc(cwd, &args)
    };
    expect(
        &plan(&root(), "examples/saas/v1", "examples/saas/v2", false),
        0,
    );
    let abs = |p: &str| root().join(p).to_string_lossy().into_owned();
    let o = plan(
        tmp.path(),
        &abs("examples/saas/v1"),
        &abs("examples/saas/v2"),
        true,
    );
    expect(&o, 0);
    assert!(text(&o.stdout).contains("is up to date"), "{}", show(&o));
    expect(&plan(&root().join("examples/saas"), "v1", "./v2", true), 0);
    // And the check still fails when the plan is stale.
    expect(
        &plan(&root(), "examples/saas/v1", "examples/saas/v3", true),
        1,
    );
}

/// Diagnostics on the terminal name the files as the user typed them.
#[test]
fn diagnostics_keep_the_paths_as_typed() {
    let tmp = tempfile::tempdir().expect("tmp");
    let d = tmp.path();
    write(d, "schemas/v1/s.mig", V1);
    write(
        d,
        "schemas/v2/s.mig",
        "table users {\n  id bigint primary key identity\n}\n",
    );
    let o = migc(
        d,
        &[
            "plan",
            "--from",
            "./schemas/v1",
            "--to",
            "schemas/../schemas/v2",
            "--dialect",
            "sqlite",
            "--out",
            "p",
        ],
    );
    expect(&o, 1);
    assert!(
        text(&o.stderr).contains("┌─ schemas/../schemas/v2/s.mig:1:7"),
        "{}",
        show(&o)
    );
}
