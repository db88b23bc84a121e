//! What migc opens, on the real binary: `sqlite://PATH` opens an existing file everywhere but
//! `apply` (a missing one is exit 2 and no file is created).

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

fn schemas() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("tmp");
    write(tmp.path(), "v1/s.mig", V1);
    write(tmp.path(), "v2/s.mig", V2);
    tmp
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
