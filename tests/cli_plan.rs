//! `migc plan` and `migc explain` on the real binary: exit codes, the output directory, the
//! safety lint's errors and their switches, and the review report.

use std::path::Path;
use std::process::{Command, Output};

fn migc(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_migc"))
        .current_dir(dir)
        .args(args)
        .output()
        .expect("migc runs")
}

/// `migc plan --from v1 --to <to> --dialect mysql --out <out>` in `dir`.
fn plan_mysql(dir: &Path, to: &str, out: &str) -> Output {
    migc(
        dir,
        &[
            "plan",
            "--from",
            "v1",
            "--to",
            to,
            "--dialect",
            "mysql",
            "--out",
            out,
        ],
    )
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn write(dir: &Path, name: &str, content: &str) {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("mkdir");
    }
    std::fs::write(path, content).expect("write");
}

const V1: &str =
    "table users {\n  id bigint primary key identity\n  name text not null\n  nick text\n}\n";

#[test]
fn a_destructive_change_is_an_error_until_acknowledged() {
    let tmp = tempfile::tempdir().expect("tmp");
    let d = tmp.path();
    write(d, "v1/s.mig", V1);
    write(
        d,
        "v2/s.mig",
        "table users {\n  id bigint primary key identity\n  name text not null\n}\n",
    );
    let out = migc(
        d,
        &[
            "plan",
            "--from",
            "v1",
            "--to",
            "v2",
            "--dialect",
            "postgres",
            "--out",
            "plan",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains("error[E3001]: column `users.nick` is dropped with its data"),
        "{err}"
    );
    assert!(
        err.contains("help: add `drop column nick` to acknowledge"),
        "{err}"
    );
    assert!(!d.join("plan").exists(), "no output on errors");

    let out = migc(
        d,
        &[
            "plan",
            "--from",
            "v1",
            "--to",
            "v2",
            "--dialect",
            "postgres",
            "--out",
            "plan",
            "--allow-destructive",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(d.join("plan/04-contract.up.sql").exists());

    write(d, "v3/s.mig", "table users {\n  id bigint primary key identity\n  name text not null\n  drop column nick\n}\n");
    let out = migc(
        d,
        &[
            "plan",
            "--from",
            "v1",
            "--to",
            "v3",
            "--dialect",
            "postgres",
            "--out",
            "plan3",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let contract = std::fs::read_to_string(d.join("plan3/04-contract.up.sql")).expect("contract");
    assert!(
        contract.contains(r#"ALTER TABLE "users" DROP COLUMN IF EXISTS "nick";"#),
        "{contract}"
    );
}

#[test]
fn deny_warnings_turns_warnings_into_errors() {
    let tmp = tempfile::tempdir().expect("tmp");
    let d = tmp.path();
    write(d, "v1/s.mig", V1);
    write(d, "v2/s.mig", "table users {\n  id bigint primary key identity\n  name text not null unique\n  nick text\n}\n");
    let ok = migc(
        d,
        &[
            "plan",
            "--from",
            "v1",
            "--to",
            "v2",
            "--dialect",
            "postgres",
            "--out",
            "p",
        ],
    );
    assert_eq!(ok.status.code(), Some(0));
    assert!(
        text(&ok.stderr).contains("warning[W3001]"),
        "{}",
        text(&ok.stderr)
    );
    let denied = migc(
        d,
        &[
            "plan",
            "--from",
            "v1",
            "--to",
            "v2",
            "--dialect",
            "postgres",
            "--out",
            "q",
            "--deny",
            "warnings",
        ],
    );
    assert_eq!(denied.status.code(), Some(1));
    assert!(
        text(&denied.stderr).contains("error[W3001]"),
        "{}",
        text(&denied.stderr)
    );
    assert!(!d.join("q").exists());
}

#[test]
fn json_diagnostics_for_machines() {
    let tmp = tempfile::tempdir().expect("tmp");
    let d = tmp.path();
    write(d, "v1/s.mig", V1);
    write(
        d,
        "v2/s.mig",
        "table users {\n  id bigint primary key identity\n  name int64 not null\n  nick text\n}\n",
    );
    let out = migc(
        d,
        &[
            "plan",
            "--from",
            "v1",
            "--to",
            "v2",
            "--dialect",
            "postgres",
            "--out",
            "p",
            "--format",
            "json",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    assert_eq!(report["errors"], 1);
    let d0 = &report["diagnostics"][0];
    assert_eq!(d0["code"], "E3002");
    assert_eq!(d0["file"], "v2/s.mig");
    assert_eq!(d0["line"], 3);
    assert_eq!(d0["column"], 3);
}

#[test]
fn usage_and_io_errors_exit_2() {
    let tmp = tempfile::tempdir().expect("tmp");
    let d = tmp.path();
    write(d, "v1/s.mig", V1);
    let missing = migc(
        d,
        &[
            "plan",
            "--from",
            "nope",
            "--to",
            "v1",
            "--dialect",
            "postgres",
            "--out",
            "p",
        ],
    );
    assert_eq!(missing.status.code(), Some(2));
    assert_eq!(
        text(&missing.stderr),
        "error: cannot read `nope`: no such file or directory\n"
    );
    let dialect = migc(
        d,
        &[
            "plan",
            "--from",
            "empty",
            "--to",
            "v1",
            "--dialect",
            "oracle",
            "--out",
            "p",
        ],
    );
    assert_eq!(dialect.status.code(), Some(2));
    let url = migc(
        d,
        &[
            "plan",
            "--from",
            "postgres://x/y",
            "--to",
            "v1",
            "--dialect",
            "postgres",
            "--out",
            "p",
        ],
    );
    assert_eq!(url.status.code(), Some(2));
    write(d, "bad.json", "{\"format\": \"something\"}");
    let snapshot = migc(
        d,
        &[
            "plan",
            "--from",
            "bad.json",
            "--to",
            "v1",
            "--dialect",
            "postgres",
            "--out",
            "p",
        ],
    );
    assert_eq!(snapshot.status.code(), Some(1));
    assert!(
        text(&snapshot.stderr).contains("error[E2003]"),
        "{}",
        text(&snapshot.stderr)
    );
}

#[test]
fn a_snapshot_is_a_source() {
    let tmp = tempfile::tempdir().expect("tmp");
    let d = tmp.path();
    write(d, "v1/s.mig", V1);
    write(d, "v2/s.mig", "table users {\n  id bigint primary key identity\n  name text not null\n  nick text\n  bio text\n}\n");
    assert!(migc(d, &["snapshot", "v1", "-o", "v1.json"])
        .status
        .success());
    let from_json = migc(
        d,
        &[
            "plan",
            "--from",
            "v1.json",
            "--to",
            "v2",
            "--dialect",
            "postgres",
            "--out",
            "a",
        ],
    );
    let from_mig = migc(
        d,
        &[
            "plan",
            "--from",
            "v1",
            "--to",
            "v2",
            "--dialect",
            "postgres",
            "--out",
            "b",
        ],
    );
    assert!(from_json.status.success() && from_mig.status.success());
    for f in [
        "01-expand.up.sql",
        "01-expand.down.sql",
        "04-contract.up.sql",
    ] {
        assert_eq!(
            std::fs::read_to_string(d.join("a").join(f)).expect("a"),
            std::fs::read_to_string(d.join("b").join(f)).expect("b"),
            "{f}"
        );
    }
}

#[test]
fn explain_reports_the_plan_and_notices_edited_scripts() {
    let tmp = tempfile::tempdir().expect("tmp");
    let d = tmp.path();
    write(d, "v1/s.mig", V1);
    write(d, "v2/s.mig", "table users {\n  id bigint primary key identity\n  full_name text not null from name up (name) down (full_name)\n  nick text\n}\n");
    assert!(migc(
        d,
        &[
            "plan",
            "--from",
            "v1",
            "--to",
            "v2",
            "--dialect",
            "postgres",
            "--out",
            "p"
        ]
    )
    .status
    .success());
    let out = migc(d, &["explain", "p"]);
    assert_eq!(out.status.code(), Some(0));
    let report = text(&out.stdout);
    for expected in [
        "# Migration plan: `v1` → `v2` (postgres)",
        "| expand | 4 | yes | yes | nothing |",
        "## How each application connects",
        "The **new** application's namespace is `migc_",
        "| 1 | add column `users.full_name` (filled from the deployed shape) | ACCESS EXCLUSIVE | no | no | nothing | v2/s.mig:3:3 |",
        "- **backfill → switch**: backfill complete: every check returns 0",
        r#"  - `SELECT count(*) FROM "users" WHERE ("users"."full_name" IS NULL AND ("users"."name") IS NOT NULL);`"#,
        "| 1 | stop showing `users` to the old application in its shape (view `migc_",
        "| 2 | let `users.name` accept null before the dual-write trigger goes |",
        "```mermaid",
    ] {
        assert!(report.contains(expected), "missing `{expected}` in:\n{report}");
    }
    std::fs::write(d.join("p/02-backfill.up.sql"), "-- edited\n").expect("edit");
    let out = migc(d, &["explain", "p"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stdout).contains("no longer match the manifest's checksums: 02-backfill.up.sql")
    );
    let out = migc(d, &["explain", "nowhere"]);
    assert_eq!(out.status.code(), Some(2));
}

/// A backfill of a table without a primary key: SQLite walks the rowid, PostgreSQL the table's
/// pages; MySQL has nothing to name a row by, so the plan is refused at the declaration, and no
/// output is written. A unique key on `not null` columns walks like a primary key.
#[test]
fn a_backfill_without_a_primary_key_is_refused_where_nothing_can_be_walked() {
    let tmp = tempfile::tempdir().expect("tmp");
    let d = tmp.path();
    write(d, "v1/s.mig", "table t {\n  a text not null\n}\n");
    write(
        d,
        "v2/s.mig",
        "table t {\n  a text not null\n  b text null from a up (upper(a))\n}\n",
    );
    let plan = |from: &str, to: &str, dialect: &str, out: &str| {
        migc(
            d,
            &[
                "plan",
                "--from",
                from,
                "--to",
                to,
                "--dialect",
                dialect,
                "--out",
                out,
            ],
        )
    };
    let o = plan("v1", "v2", "mysql", "mysql");
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
    let err = text(&o.stderr);
    assert!(
        err.contains("error[E2002]: table `t` has no primary key (nor a unique key on `not null` columns) to backfill by on MySQL/MariaDB"),
        "{err}"
    );
    assert!(err.contains("v2/s.mig:1:7"), "{err}");
    assert!(!d.join("mysql").exists());
    for dialect in ["postgres", "sqlite"] {
        let o = plan("v1", "v2", dialect, dialect);
        assert_eq!(o.status.code(), Some(0), "{dialect}: {}", text(&o.stderr));
    }
    // With a unique key on a `not null` column, MySQL walks it.
    write(d, "k1/s.mig", "table t {\n  a text not null unique\n}\n");
    write(
        d,
        "k2/s.mig",
        "table t {\n  a text not null unique\n  b text null from a up (upper(a))\n}\n",
    );
    let o = plan("k1", "k2", "mysql", "keyed");
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
}

/// MySQL has no partial indexes: a non-unique one is built over every row with W2003 naming
/// the dropped predicate (an error under `--deny warnings`); a unique one keeps its meaning
/// through a generated marker column, and one whose predicate only excludes nulls of its key needs
/// nothing, so neither warns.
#[test]
fn a_partial_index_built_whole_on_mysql_is_a_warning() {
    let tmp = tempfile::tempdir().expect("tmp");
    let d = tmp.path();
    write(
        d,
        "v2/s.mig",
        "table users {\n  id bigint primary key identity\n  name varchar(40) not null\n  \
         nick varchar(40)\n  active boolean not null default true\n  \
         index users_active_name (name) where active\n  \
         unique index users_nick_key (nick) where nick is not null\n  \
         unique index users_active_nick_key (nick) where active\n}\n",
    );
    let out = migc(
        d,
        &[
            "plan",
            "--from",
            "empty",
            "--to",
            "v2",
            "--dialect",
            "mysql",
            "--out",
            "out",
        ],
    );
    let err = text(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("warning[W2003]: index `users_active_name` on `users` is built over every row on MySQL/MariaDB, without its predicate `active`"),
        "{err}"
    );
    assert_eq!(err.matches("W2003").count(), 1, "{err}");
    let expand = std::fs::read_to_string(d.join("out/01-expand.up.sql")).expect("expand");
    // The predicate is a marker column, 1 inside it and null outside (nulls never collide),
    // after the key column, which stays plain.
    assert!(
        expand.contains(
            "  `users_active_nick_key__where` smallint AS (CASE WHEN `active` THEN 1 END) STORED"
        ),
        "{expand}"
    );
    assert!(
        expand.contains(
            "ADD UNIQUE INDEX `users_active_nick_key` (`nick`, `users_active_nick_key__where`)"
        ),
        "{expand}"
    );
    assert!(
        expand.contains("ADD UNIQUE INDEX `users_nick_key` (`nick`)"),
        "{expand}"
    );
    assert!(
        expand.contains("ADD INDEX `users_active_name` (`name`)"),
        "{expand}"
    );

    let denied = migc(
        d,
        &[
            "plan",
            "--from",
            "empty",
            "--to",
            "v2",
            "--dialect",
            "mysql",
            "--out",
            "out2",
            "--deny",
            "warnings",
        ],
    );
    assert_eq!(denied.status.code(), Some(1), "{}", text(&denied.stderr));
    assert!(text(&denied.stderr).contains("error[W2003]"));
    assert!(!d.join("out2").exists());

    // PostgreSQL builds the partial index as declared: no warning.
    let pg = migc(
        d,
        &[
            "plan",
            "--from",
            "empty",
            "--to",
            "v2",
            "--dialect",
            "postgres",
            "--out",
            "pg",
        ],
    );
    assert!(pg.status.success());
    assert!(!text(&pg.stderr).contains("W2003"));
}

/// MariaDB cannot index a generated column that reads a CHAR column as it is (error 1901): an
/// expression key part doing so is refused once, at the index, with no output written; read
/// through `rtrim` it plans.
#[test]
fn an_expression_index_reading_a_char_column_is_refused_on_mysql() {
    let tmp = tempfile::tempdir().expect("tmp");
    let d = tmp.path();
    let schema = |part: &str| {
        format!(
            "table c {{\n  id bigint primary key\n  \
             code native(postgres: \"char(2)\", mysql: \"char(2)\", sqlite: \"text\") not null\n  \
             index c_code_lower ({part})\n}}\n"
        )
    };
    write(d, "bare/s.mig", &schema("lower(code)"));
    write(d, "trimmed/s.mig", &schema("lower(rtrim(code))"));
    let plan = |to: &str| {
        migc(
            d,
            &[
                "plan",
                "--from",
                "empty",
                "--to",
                to,
                "--dialect",
                "mysql",
                "--out",
                &format!("out-{to}"),
            ],
        )
    };
    let bare = plan("bare");
    let err = text(&bare.stderr);
    assert_eq!(bare.status.code(), Some(1), "{err}");
    assert!(
        err.contains("error[E2002]: index `c_code_lower` has an expression key part reading the CHAR column `c.code`"),
        "{err}"
    );
    assert!(err.contains("bare/s.mig:4:3"), "{err}");
    assert_eq!(err.matches("error[E2002]").count(), 1, "{err}");
    assert!(!d.join("out-bare").exists());
    let trimmed = plan("trimmed");
    assert_eq!(trimmed.status.code(), Some(0), "{}", text(&trimmed.stderr));
    let expand = std::fs::read_to_string(d.join("out-trimmed/01-expand.up.sql")).expect("expand");
    assert!(
        expand.contains("AS (lower(rtrim(`code`))) STORED"),
        "{expand}"
    );
}

/// On MySQL, checks added to an existing table in expand share one copy of the table, made
/// last in expand, filled in backfill, swapped in at switch and its old table dropped at
/// contract, each part a step of its own in the manifest.
#[test]
fn checks_on_one_table_share_one_copy_in_phases_on_mysql() {
    let tmp = tempfile::tempdir().expect("tmp");
    let d = tmp.path();
    let case = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/plan/new_checks_one_copy");
    let out = migc(
        d,
        &[
            "plan",
            "--from",
            &case.join("from").to_string_lossy(),
            "--to",
            &case.join("to").to_string_lossy(),
            "--dialect",
            "mysql",
            "--out",
            "out",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("(8 steps, 9 files)"),
        "the count is the manifest's: {}",
        text(&out.stdout)
    );
    let read = |f: &str| std::fs::read_to_string(d.join("out").join(f)).expect(f);
    let expand = read("01-expand.up.sql");
    assert_eq!(
        expand
            .matches("CREATE TABLE `items__migc` LIKE `items`;")
            .count(),
        1,
        "{expand}"
    );
    for check in [
        "ALTER TABLE `items__migc` ADD CONSTRAINT `items_note_short` CHECK (`note` IS NULL OR char_length(`note`) < 500), ",
        "ALTER TABLE `items__migc` ADD CONSTRAINT `items_title_not_blank` CHECK (char_length(`title`) > 0), ALGORITHM=COPY;",
    ] {
        assert_eq!(expand.matches(check).count(), 1, "{check}\n{expand}");
    }
    assert!(!expand.contains("RENAME TABLE"), "{expand}");
    assert!(read("02-backfill.up.sql").contains("INSERT INTO `items__migc`"));
    assert!(read("03-switch.up.sql").contains(
        "RENAME TABLE `items` TO `items__migc_swap`, `items__migc` TO `items`, `items__migc_back` TO `items__migc`, `items__migc_swap` TO `items__migc_back`;"
    ));
    assert!(read("03-switch.down.sql").contains(
        "RENAME TABLE `items` TO `items__migc_swap`, `items__migc_back` TO `items`, `items__migc` TO `items__migc_back`, `items__migc_swap` TO `items__migc`;"
    ));
    assert!(read("04-contract.up.sql")
        .contains("DROP TABLE IF EXISTS `items__migc_back`, `items__migc`;"));
    let manifest: serde_json::Value = serde_json::from_str(&read("manifest.json")).expect("json");
    let ops: Vec<(String, String)> = manifest["phases"]
        .as_array()
        .expect("phases")
        .iter()
        .flat_map(|p| {
            p["steps"].as_array().expect("steps").iter().map(|s| {
                (
                    p["name"].as_str().unwrap_or_default().to_string(),
                    s["op"].as_str().unwrap_or_default().to_string(),
                )
            })
        })
        .collect();
    let ops: Vec<(&str, &str)> = ops.iter().map(|(p, o)| (p.as_str(), o.as_str())).collect();
    assert_eq!(
        ops,
        [
            ("expand", "add_check"),
            ("expand", "add_check"),
            ("expand", "copy_create"),
            ("backfill", "copy_fill"),
            ("switch", "copy_swap"),
            ("switch", "validate_constraint"),
            ("switch", "validate_constraint"),
            ("contract", "copy_drop_old"),
        ]
    );
}

/// Checks added to two tables a key links are each copied in one unit on MySQL: copied in
/// phases, each table would be swapped in while the other's copy holds a key naming it.
#[test]
fn checks_on_linked_tables_are_copied_in_one_unit_each_on_mysql() {
    let tmp = tempfile::tempdir().expect("tmp");
    let d = tmp.path();
    let case =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/plan/new_checks_linked_tables");
    let out = migc(
        d,
        &[
            "plan",
            "--from",
            &case.join("from").to_string_lossy(),
            "--to",
            &case.join("to").to_string_lossy(),
            "--dialect",
            "mysql",
            "--out",
            "out",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let expand = std::fs::read_to_string(d.join("out/01-expand.up.sql")).expect("expand");
    for t in ["accounts", "items"] {
        assert!(
            expand.contains(&format!(
                "RENAME TABLE `{t}` TO `{t}__migc_old`, `{t}__migc` TO `{t}`;"
            )),
            "{t} is copied in one unit:\n{expand}"
        );
    }
    let manifest = std::fs::read_to_string(d.join("out/manifest.json")).expect("manifest");
    assert!(!manifest.contains("copy_swap"), "{manifest}");
}

#[test]
fn a_renamed_column_is_shown_renamed_and_renamed_at_contract() {
    let tmp = tempfile::tempdir().expect("tmp");
    let d = tmp.path();
    write(d, "v1/s.mig", V1);
    write(d, "v2/s.mig", "table users {\n  id bigint primary key identity\n  full_name text not null renamed from name\n  nick text\n}\n");
    let plan = |dialect: &str| {
        let out = format!("p-{dialect}");
        assert!(migc(
            d,
            &[
                "plan",
                "--from",
                "v1",
                "--to",
                "v2",
                "--dialect",
                dialect,
                "--out",
                &out
            ]
        )
        .status
        .success());
        let manifest =
            std::fs::read_to_string(d.join(&out).join("manifest.json")).expect("manifest");
        let ops: Vec<(String, String)> = serde_json::from_str::<serde_json::Value>(&manifest)
            .expect("json")["phases"]
            .as_array()
            .expect("phases")
            .iter()
            .flat_map(|p| {
                let phase = p["name"].as_str().unwrap_or_default().to_string();
                p["steps"]
                    .as_array()
                    .cloned()
                    .unwrap_or_default()
                    .into_iter()
                    .map(move |s| {
                        (
                            phase.clone(),
                            s["op"].as_str().unwrap_or_default().to_string(),
                        )
                    })
            })
            .collect();
        ops
    };
    // PostgreSQL and MySQL/MariaDB: each version sees its own name through its view; no
    // column is added, no row is written, and contract renames the column in the catalog.
    for dialect in ["postgres", "mysql"] {
        let ops = plan(dialect);
        assert!(
            !ops.iter()
                .any(|(_, op)| op == "add_column" || op == "backfill" || op == "install_sync"),
            "{dialect}: {ops:?}"
        );
        assert!(
            ops.contains(&("contract".to_string(), "rename_column".to_string())),
            "{dialect}: {ops:?}"
        );
    }
    let report = text(&migc(d, &["explain", "p-postgres"]).stdout);
    assert!(
        report.contains("| rename column `users.name` to `full_name` (the new application has seen it so since expand) | ACCESS EXCLUSIVE | no | no | nothing |"),
        "{report}"
    );
    // Without views, the new name is a column of its own, filled from the old one.
    let ops = plan("sqlite");
    assert!(ops.iter().any(|(_, op)| op == "backfill"), "{ops:?}");
}

/// `migc explain --format json`: the report as one document, scripts edited since included.
#[test]
fn explain_as_json() {
    let tmp = tempfile::tempdir().expect("tmp");
    let d = tmp.path();
    write(d, "v1/s.mig", V1);
    write(d, "v2/s.mig", "table users {\n  id bigint primary key identity\n  full_name text not null from name up (name) down (full_name)\n  nick text\n}\n");
    assert!(migc(
        d,
        &[
            "plan",
            "--from",
            "v1",
            "--to",
            "v2",
            "--dialect",
            "postgres",
            "--out",
            "p"
        ]
    )
    .status
    .success());
    let out = migc(d, &["explain", "p", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let doc: serde_json::Value = serde_json::from_str(&text(&out.stdout)).expect("json");
    assert_eq!(doc["format"], "migc-explain-1");
    assert_eq!(doc["dialect"], "postgres");
    let phases = doc["phases"].as_array().expect("phases");
    let names: Vec<&str> = phases.iter().filter_map(|p| p["name"].as_str()).collect();
    assert_eq!(names, ["expand", "backfill", "switch", "contract"]);
    assert_eq!(phases[3]["old_app_works_after"], false);
    assert_eq!(
        phases[0]["steps"][0]["summary"],
        "add column `users.full_name` (filled from the deployed shape)"
    );
    assert_eq!(phases[0]["steps"][0]["lock"], "ACCESS EXCLUSIVE");
    assert_eq!(doc["scripts_changed"], serde_json::json!([]));
    std::fs::write(d.join("p/02-backfill.up.sql"), "-- edited\n").expect("edit");
    let out = migc(d, &["explain", "p", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let doc: serde_json::Value = serde_json::from_str(&text(&out.stdout)).expect("json");
    assert_eq!(
        doc["scripts_changed"],
        serde_json::json!(["02-backfill.up.sql"])
    );
}

/// MySQL table options: a new row format is planned as an online copy; a change of
/// partitioning is refused with the way out, and no output is written.
#[test]
fn mysql_table_options_change_by_copy_and_partitioning_is_refused() {
    let tmp = tempfile::tempdir().expect("tmp");
    let d = tmp.path();
    let table = |options: &str| {
        format!("table t {{\n  id bigint primary key\n  options(mysql: \"{options}\")\n}}\n")
    };
    write(
        d,
        "v1/s.mig",
        &table("ROW_FORMAT=DYNAMIC PARTITION BY HASH (id) PARTITIONS 4"),
    );
    write(
        d,
        "v2/s.mig",
        &table("ROW_FORMAT=COMPRESSED PARTITION BY HASH (`id`) PARTITIONS 4"),
    );
    write(
        d,
        "v3/s.mig",
        &table("ROW_FORMAT=DYNAMIC PARTITION BY HASH (id) PARTITIONS 8"),
    );
    let plan = |to: &str, out: &str| plan_mysql(d, to, out);
    let o = plan("v2", "copy");
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let expand = std::fs::read_to_string(d.join("copy/01-expand.up.sql")).expect("expand");
    assert!(
        expand.contains("ALTER TABLE `t__migc` ROW_FORMAT=COMPRESSED, ALGORITHM=COPY;"),
        "{expand}"
    );
    let o = plan("v3", "parts");
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
    let err = text(&o.stderr);
    assert!(
        err.contains("the partitioning of table `t` changes"),
        "{err}"
    );
    assert!(err.contains("REORGANIZE"), "{err}");
    assert!(!d.join("parts").exists());
    // What the server does anyway, said or not, is no change: no copy.
    write(d, "v4/s.mig", "table t {\n  id bigint primary key\n}\n");
    write(d, "v5/s.mig", &table("ENGINE=InnoDB ROW_FORMAT=DYNAMIC"));
    let o = migc(
        d,
        &[
            "plan",
            "--from",
            "v4",
            "--to",
            "v5",
            "--dialect",
            "mysql",
            "--out",
            "same",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(text(&o.stdout).contains("(0 steps"), "{}", text(&o.stdout));
    // PostgreSQL and SQLite plans leave MySQL's options alone.
    for dialect in ["postgres", "sqlite"] {
        let o = migc(
            d,
            &[
                "plan",
                "--from",
                "v1",
                "--to",
                "v3",
                "--dialect",
                dialect,
                "--out",
                dialect,
            ],
        );
        assert_eq!(o.status.code(), Some(0), "{dialect}: {}", text(&o.stderr));
        assert!(text(&o.stdout).contains("(0 steps"), "{}", text(&o.stdout));
    }
}

/// MySQL/MariaDB: a database per version, with views made last in expand, the old version's
/// dropped first at contract, and the new version's view of a retyped table shown as the table
/// now is right after the step that gives the column its name; none where no column changes.
#[test]
fn mysql_versions_get_databases_where_columns_change() {
    let tmp = tempfile::tempdir().expect("tmp");
    let d = tmp.path();
    let v1 = "table users {\n  id bigint primary key identity\n  name text not null\n}\ntable items {\n  id bigint primary key identity\n  rating varchar(10) not null\n}\n";
    write(d, "v1/s.mig", v1);
    write(
        d,
        "v2/s.mig",
        &v1.replace(
            "rating varchar(10) not null",
            "rating int32 not null from rating up (cast(rating as int)) down (cast(rating as text))",
        ),
    );
    write(
        d,
        "v3/s.mig",
        &v1.replace(
            "name text not null\n",
            "name text not null\n  check (char_length(name) > 0)\n",
        ),
    );
    let ids = |to: &str| -> Vec<String> {
        let out = format!("p-{to}");
        let o = plan_mysql(d, to, &out);
        assert!(o.status.success(), "{}", text(&o.stderr));
        let manifest =
            std::fs::read_to_string(d.join(&out).join("manifest.json")).expect("manifest");
        let m: serde_json::Value = serde_json::from_str(&manifest).expect("json");
        m["phases"]
            .as_array()
            .expect("phases")
            .iter()
            .flat_map(|p| p["steps"].as_array().cloned().unwrap_or_default())
            .map(|s| s["id"].as_str().unwrap_or_default().to_string())
            .collect()
    };
    let retyped = ids("v2");
    let at = |id: &str| {
        retyped
            .iter()
            .position(|s| s == id)
            .unwrap_or_else(|| panic!("no step {id}: {retyped:?}"))
    };
    // Every table is shown to both versions, after the rest of expand.
    let expand_end = retyped
        .iter()
        .rposition(|s| s.starts_with("expand.") && !s.contains("version_view"))
        .expect("expand steps");
    for id in [
        "expand.create_version_view.items.old",
        "expand.create_version_view.users.old",
        "expand.create_version_view.items.new",
        "expand.create_version_view.users.new",
    ] {
        assert!(at(id) > expand_end, "{id}: {retyped:?}");
    }
    // Contract starts by dropping the old version's views and restating the new one's.
    let contract_start = retyped
        .iter()
        .position(|s| s.starts_with("contract."))
        .expect("contract");
    assert!(retyped[contract_start..contract_start + 3]
        .iter()
        .all(|s| s.contains("version_view")));
    assert!(
        at("contract.restate_version_view.items.new") < at("contract.rename_column.items.rating")
    );
    // Shown as the table now is right after the shadow takes the column's name.
    assert_eq!(
        at("contract.refresh_version_view.items.new"),
        at("contract.rename_column.items.rating") + 1,
        "{retyped:?}"
    );
    // An unchanged table keeps its view of the table as it is: nothing to refresh.
    assert!(!retyped
        .iter()
        .any(|s| s.contains("refresh_version_view.users")));
    // A check only: no table's columns change, no databases.
    let checked = ids("v3");
    assert!(
        !checked.iter().any(|s| s.contains("version_view")),
        "{checked:?}"
    );
}
