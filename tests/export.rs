//! `migc export`: a plan as the migrations of Flyway, golang-migrate, goose, dbmate, sqlx and
//! Liquibase. The plan (tests/data/export: a column computed from another, so a backfill, and
//! an index, built `CONCURRENTLY` on PostgreSQL) is exported for each runner and dialect and
//! read back: names, order, markers, down files, and the statements themselves, which must be
//! the plan's own. The runners that are installed (`dbmate`, `liquibase`, `sqlx` on `PATH`)
//! then run the exported folder against a real database, up and all the way down.

use migc_runner::script;
use migc_stdlib::Dialect;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const RUNNERS: [&str; 6] = [
    "flyway",
    "golang-migrate",
    "goose",
    "dbmate",
    "sqlx",
    "liquibase",
];
const PHASES: [&str; 4] = ["expand", "backfill", "switch", "contract"];

fn migc(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_migc"))
        .args(args)
        .output()
        .expect("run migc")
}

fn data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/export")
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// The plan v1 -> v2 for `dialect`, written in `dir`.
fn plan_in(dir: &Path, from: &str, to: &Path, dialect: &str) -> PathBuf {
    let out = dir.join(format!("plan-{dialect}"));
    let o = migc(&[
        "plan",
        "--from",
        from,
        "--to",
        s(to),
        "--dialect",
        dialect,
        "--out",
        s(&out),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    out
}

fn plan(dir: &Path, dialect: &str) -> PathBuf {
    plan_in(dir, s(&data().join("v1")), &data().join("v2"), dialect)
}

/// Exports `plan` and returns the files written, by name.
fn export(plan: &Path, runner: &str, out: &Path, extra: &[&str]) -> BTreeMap<String, String> {
    let mut args = vec!["export", s(plan), "--to", runner, "--out", s(out)];
    args.extend_from_slice(extra);
    let o = migc(&args);
    assert!(
        o.status.success(),
        "{runner}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    read_dir(out)
}

fn read_dir(dir: &Path) -> BTreeMap<String, String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read_to_string(e.path()).unwrap(),
            )
        })
        .collect()
}

fn dialect(name: &str) -> Dialect {
    Dialect::from_name(name).unwrap()
}

/// The statements of the plan's up (or down) scripts, phase by phase, without the scripts'
/// session settings.
fn plan_statements(plan: &Path, d: Dialect, up: bool) -> Vec<Vec<String>> {
    PHASES
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let file = format!("0{}-{p}.{}.sql", i + 1, if up { "up" } else { "down" });
            let text = std::fs::read_to_string(plan.join(file)).unwrap();
            script::frames(&text)
                .steps
                .iter()
                .flat_map(|f| script::statements(&f.sql, d))
                .map(|st| without_leading_comments(&st))
                .collect()
        })
        .collect()
}

/// The statements of an exported file, without the runner's annotations and the scripts'
/// session settings.
fn file_statements(text: &str, d: Dialect) -> Vec<String> {
    let sql: String = text
        .lines()
        .filter(|l| !l.starts_with("-- +goose") && !l.starts_with("-- migrate:"))
        .map(|l| format!("{l}\n"))
        .collect();
    script::statements(&sql, d)
        .into_iter()
        .map(|st| without_leading_comments(&st))
        .filter(|st| !is_session_setting(st))
        .collect()
}

/// A statement without the comment lines before it (step frames, provenance).
fn without_leading_comments(st: &str) -> String {
    let lines: Vec<&str> = st.lines().collect();
    let first = lines
        .iter()
        .position(|l| !l.starts_with("--"))
        .unwrap_or(lines.len());
    lines[first..].join("\n")
}

/// Whether `st` is one of the session settings every phase script starts with.
fn is_session_setting(st: &str) -> bool {
    st.starts_with("SET ")
        && !st.contains('\n')
        && (st.contains("lock_timeout")
            || st.contains("statement_timeout")
            || st.contains("sql_mode")
            || st.contains("lock_wait_timeout")
            || st == "SET NAMES utf8mb4")
}

/// A goose or dbmate file cut at its `Down` annotation.
fn sections<'a>(text: &'a str, down: &str) -> (&'a str, &'a str) {
    let at = text
        .find(down)
        .unwrap_or_else(|| panic!("no `{down}` in {text}"));
    (&text[..at], &text[at..])
}

/// Each migration's up and down SQL in version order: (file stem, up, down).
fn migrations(runner: &str, files: &BTreeMap<String, String>) -> Vec<(String, String, String)> {
    match runner {
        "dbmate" | "goose" => files
            .iter()
            .map(|(n, t)| {
                let down = if runner == "goose" {
                    "-- +goose Down"
                } else {
                    "-- migrate:down"
                };
                let (u, d) = sections(t, down);
                (n.trim_end_matches(".sql").to_string(), u.into(), d.into())
            })
            .collect(),
        "sqlx" | "golang-migrate" => files
            .iter()
            .filter_map(|(n, t)| {
                let stem = n.strip_suffix(".up.sql")?;
                let down = &files[&format!("{stem}.down.sql")];
                Some((stem.to_string(), t.clone(), down.clone()))
            })
            .collect(),
        "flyway" => files
            .iter()
            .filter_map(|(n, t)| {
                let rest = n.strip_prefix('V')?.strip_suffix(".sql")?;
                let down = &files[&format!("U{rest}.sql")];
                Some((rest.to_string(), t.clone(), down.clone()))
            })
            .collect(),
        "liquibase" => {
            let text = &files["changelog.sql"];
            text.split("\n--changeset ")
                .skip(1)
                .map(|c| {
                    let id = c
                        .lines()
                        .find_map(|l| l.strip_prefix("--comment: "))
                        .unwrap()
                        .to_string();
                    let mut up = String::new();
                    let mut down = String::new();
                    for l in c.lines().skip(1) {
                        match l.strip_prefix("--rollback ") {
                            Some(r) if r != "empty" => down.push_str(&format!("{r}\n")),
                            Some(_) => {}
                            None if l.starts_with("--comment:") => {}
                            None => up.push_str(&format!("{l}\n")),
                        }
                    }
                    (id, up, down)
                })
                .collect()
        }
        _ => unreachable!(),
    }
}

/// Which phase a migration belongs to, from its name.
fn phase_of(stem: &str) -> usize {
    PHASES
        .iter()
        .position(|p| stem.contains(&format!("_{p}")))
        .unwrap_or_else(|| panic!("no phase in `{stem}`"))
}

/// Every runner gets every statement of the plan, in the plan's order, each phase's in
/// migrations of that phase, with nothing added; rolling back in the runner's order (last
/// migration first) runs every statement of the down scripts in theirs.
#[test]
fn every_runner_gets_the_plans_statements_in_order() {
    let tmp = tempfile::tempdir().unwrap();
    for dialect_name in ["postgres", "mysql", "sqlite"] {
        let d = dialect(dialect_name);
        let plan = plan(tmp.path(), dialect_name);
        let ups = plan_statements(&plan, d, true);
        let downs = plan_statements(&plan, d, false);
        for runner in RUNNERS {
            // Refused (errors_write_nothing): both run a SQLite migration in their own
            // transaction, and a SQLite phase opens its own.
            if dialect_name == "sqlite" && (runner == "liquibase" || runner == "sqlx") {
                continue;
            }
            let out = tmp.path().join(format!("{runner}-{dialect_name}"));
            let files = export(&plan, runner, &out, &[]);
            let ms = migrations(runner, &files);
            let what = format!("{runner} on {dialect_name}");
            if dialect_name == "sqlite" {
                // A SQLite phase is one script with its own transaction: as written.
                assert_eq!(ms.len(), 4, "{what}");
                for (i, (_, up, down)) in ms.iter().enumerate() {
                    let script = |dir: &str| {
                        std::fs::read_to_string(plan.join(format!(
                            "0{}-{}.{dir}.sql",
                            i + 1,
                            PHASES[i]
                        )))
                        .unwrap()
                    };
                    assert!(up.contains(&script("up")), "{what}: {up}");
                    assert!(down.contains(&script("down")), "{what}");
                }
                continue;
            }
            let mut got_up = vec![Vec::new(); 4];
            let mut got_down = vec![Vec::new(); 4];
            let mut last_phase = 0;
            for (stem, up, down) in &ms {
                let p = phase_of(stem);
                assert!(p >= last_phase, "{what}: `{stem}` after a later phase");
                last_phase = p;
                got_up[p].extend(file_statements(up, d));
                // Rolled back last first: put each migration's down before the earlier ones.
                let mut here = file_statements(down, d);
                here.append(&mut got_down[p]);
                got_down[p] = here;
            }
            if runner == "flyway" && dialect_name == "mysql" {
                // Flyway reads the scripts' DELIMITER lines itself: they stay.
                assert!(ms[0].1.contains("DELIMITER //"), "{what}");
            } else {
                assert!(
                    !ms.iter()
                        .any(|(_, u, d)| u.contains("DELIMITER") || d.contains("DELIMITER")),
                    "{what}: a client directive was left in"
                );
            }
            if dialect_name == "mysql" && runner != "flyway" {
                // Without DELIMITER lines only the server can cut a procedure's body: every
                // statement of the plan must be there, in order, ended by `;`.
                for (p, expected) in ups.iter().enumerate() {
                    let text: String = ms
                        .iter()
                        .filter(|(stem, _, _)| phase_of(stem) == p)
                        .map(|(_, u, _)| u.as_str())
                        .collect();
                    let mut at = 0;
                    for st in expected {
                        let found = text[at..].find(&format!("{st};"));
                        at += found
                            .unwrap_or_else(|| panic!("{what}: `{st}` missing or out of order"));
                    }
                }
                continue;
            }
            assert_eq!(got_up, ups, "{what}: up statements");
            assert_eq!(got_down, downs, "{what}: down statements");
        }
    }
}

/// Names sort as each runner sorts them, versions count up from `--version-base`, and each
/// runner's file layout and transaction markers are its own.
#[test]
fn names_versions_and_markers_on_postgres() {
    let tmp = tempfile::tempdir().unwrap();
    let plan = plan(tmp.path(), "postgres");
    let cic = "CREATE INDEX CONCURRENTLY";
    let do_commit = "COMMIT;";

    // Runners sending a file as one query: one migration per step, a statement that may not
    // run in a transaction on its own, with the runner's marker.
    let files = export(&plan, "dbmate", &tmp.path().join("dbmate"), &[]);
    let names: Vec<&String> = files.keys().collect();
    assert_eq!(names[0], "000001_v2_expand_add_column_items_cents.sql");
    assert!(names
        .iter()
        .all(|n| n.len() > 7 && n[..6].bytes().all(|b| b.is_ascii_digit())));
    let versions: Vec<u64> = names.iter().map(|n| n[..6].parse().unwrap()).collect();
    assert_eq!(versions, (1..=versions.len() as u64).collect::<Vec<_>>());
    let index: Vec<(&String, &String)> = files.iter().filter(|(_, t)| t.contains(cic)).collect();
    assert_eq!(index.len(), 1, "{names:?}");
    let (name, text) = index[0];
    assert!(
        name.contains("create_index_items_items_name_idx_2"),
        "{name}"
    );
    let (up, down) = sections(text, "-- migrate:down");
    assert!(up.contains("-- migrate:up transaction:false\n"), "{text}");
    assert_eq!(file_statements(up, Dialect::Postgres).len(), 1, "{up}");
    assert!(
        down.contains("-- migrate:down transaction:false\n"),
        "{text}"
    );
    assert!(down.contains("DROP INDEX CONCURRENTLY"), "{down}");
    let backfill: Vec<&String> = files.keys().filter(|n| n.contains("_backfill_")).collect();
    assert_eq!(backfill.len(), 1);
    let text = &files[backfill[0]];
    assert!(text.contains("-- migrate:up transaction:false\n") && text.contains(do_commit));
    // A transactional step keeps its session settings and the runner's transaction.
    let first = &files[names[0]];
    assert!(
        first.contains("-- migrate:up\nSET lock_timeout = '2s';\n"),
        "{first}"
    );

    let files = export(
        &plan,
        "sqlx",
        &tmp.path().join("sqlx"),
        &["--version-base", "20260101000000"],
    );
    let (name, text) = files
        .iter()
        .find(|(n, t)| n.ends_with(".up.sql") && t.contains(cic))
        .unwrap();
    assert!(name.starts_with("2026010100000"), "{name}");
    assert!(text.starts_with("-- no-transaction\n"), "{text}");
    let down = &files[&name.replace(".up.sql", ".down.sql")];
    assert!(down.starts_with("-- no-transaction\n") && down.contains("DROP INDEX CONCURRENTLY"));
    assert!(files
        .keys()
        .all(|n| n.ends_with(".up.sql") || n.ends_with(".down.sql")));
    assert!(!files[files.keys().next().unwrap()].starts_with("-- no-transaction"));

    let files = export(&plan, "golang-migrate", &tmp.path().join("gm"), &[]);
    let text = files.values().find(|t| t.contains(cic)).unwrap();
    assert_eq!(file_statements(text, Dialect::Postgres).len(), 1, "{text}");

    let files = export(&plan, "liquibase", &tmp.path().join("lb"), &[]);
    assert_eq!(files.keys().collect::<Vec<_>>(), ["changelog.sql"]);
    let log = &files["changelog.sql"];
    assert!(log.starts_with("--liquibase formatted sql\n"));
    let changeset = log
        .split("\n--changeset ")
        .find(|c| c.contains(cic))
        .unwrap();
    assert!(changeset.starts_with("migc:"), "{changeset}");
    assert!(changeset
        .lines()
        .next()
        .unwrap()
        .ends_with(" runInTransaction:false"));
    assert!(changeset.contains("--rollback DROP INDEX CONCURRENTLY"));

    // Runners sending statements one by one: one migration per phase, outside a transaction.
    let files = export(&plan, "goose", &tmp.path().join("goose"), &[]);
    assert_eq!(
        files.keys().collect::<Vec<_>>(),
        [
            "000001_v2_expand.sql",
            "000002_v2_backfill.sql",
            "000003_v2_switch.sql",
            "000004_v2_contract.sql"
        ]
    );
    for t in files.values() {
        assert!(t.starts_with("-- +goose NO TRANSACTION\n"), "{t}");
        assert!(t.contains("\n-- +goose Up\n") && t.contains("\n-- +goose Down\n"));
        assert_eq!(
            t.matches("-- +goose StatementBegin").count(),
            t.matches("-- +goose StatementEnd").count()
        );
    }
    assert!(files["000001_v2_expand.sql"]
        .contains(&format!("-- +goose StatementBegin\n{cic} IF NOT EXISTS")));

    let files = export(&plan, "flyway", &tmp.path().join("flyway"), &[]);
    assert_eq!(
        files.keys().collect::<Vec<_>>(),
        [
            "U000001__v2_expand.sql",
            "U000001__v2_expand.sql.conf",
            "U000002__v2_backfill.sql",
            "U000002__v2_backfill.sql.conf",
            "U000003__v2_switch.sql",
            "U000003__v2_switch.sql.conf",
            "U000004__v2_contract.sql",
            "U000004__v2_contract.sql.conf",
            "V000001__v2_expand.sql",
            "V000001__v2_expand.sql.conf",
            "V000002__v2_backfill.sql",
            "V000002__v2_backfill.sql.conf",
            "V000003__v2_switch.sql",
            "V000003__v2_switch.sql.conf",
            "V000004__v2_contract.sql",
            "V000004__v2_contract.sql.conf",
        ]
    );
    assert_eq!(
        files["V000001__v2_expand.sql.conf"],
        "executeInTransaction=false\n"
    );
}

/// MySQL and SQLite plans: one migration per phase, outside the runner's transaction; the
/// SQLite scripts open their own.
#[test]
fn mysql_and_sqlite_plans_are_one_migration_per_phase() {
    let tmp = tempfile::tempdir().unwrap();
    for dialect_name in ["mysql", "sqlite"] {
        let plan = plan(tmp.path(), dialect_name);
        let files = export(
            &plan,
            "dbmate",
            &tmp.path().join(format!("d-{dialect_name}")),
            &[],
        );
        assert_eq!(files.len(), 4);
        for t in files.values() {
            assert!(t.contains("-- migrate:up transaction:false\n"), "{t}");
            assert!(t.contains("-- migrate:down transaction:false\n"), "{t}");
        }
        if dialect_name == "mysql" {
            let files = export(
                &plan,
                "sqlx",
                &tmp.path().join(format!("s-{dialect_name}")),
                &[],
            );
            assert_eq!(files.len(), 8);
            assert!(files.values().all(|t| t.starts_with("-- no-transaction\n")));
        }
        let files = export(
            &plan,
            "goose",
            &tmp.path().join(format!("g-{dialect_name}")),
            &[],
        );
        let expand = &files["000001_v2_expand.sql"];
        assert!(expand.starts_with("-- +goose NO TRANSACTION\n"));
        if dialect_name == "sqlite" {
            // The whole script is one goose statement: goose cannot cut trigger bodies.
            let (up, _) = sections(expand, "-- +goose Down");
            assert_eq!(up.matches("-- +goose StatementBegin").count(), 1);
            assert!(up.contains("BEGIN IMMEDIATE;"));
        }
    }
}

/// The same plan exported twice gives the same bytes.
#[test]
fn exports_are_deterministic() {
    let tmp = tempfile::tempdir().unwrap();
    let plan = plan(tmp.path(), "postgres");
    for runner in RUNNERS {
        let a = export(&plan, runner, &tmp.path().join(format!("{runner}-a")), &[]);
        // Again into the same folder, which holds only what the export writes: replaced.
        let b = export(&plan, runner, &tmp.path().join(format!("{runner}-a")), &[]);
        let c = export(&plan, runner, &tmp.path().join(format!("{runner}-b")), &[]);
        assert_eq!(a, b, "{runner}");
        assert_eq!(a, c, "{runner}");
    }
}

/// A hostile directory name, recorded as the plan's target, makes no hostile file name.
#[test]
fn hostile_plan_names_make_plain_file_names() {
    let tmp = tempfile::tempdir().unwrap();
    let to = tmp.path().join("Évil \"v2\"; rm -rf ..\n-- +goose Down");
    std::fs::create_dir(&to).unwrap();
    std::fs::copy(data().join("v2/shop.mig"), to.join("shop.mig")).unwrap();
    let plan = plan_in(tmp.path(), s(&data().join("v1")), &to, "postgres");
    for runner in RUNNERS {
        let files = export(&plan, runner, &tmp.path().join(runner), &[]);
        for name in files.keys() {
            let stem = name.split('.').next().unwrap();
            assert!(
                stem.bytes().all(|b| b.is_ascii_lowercase()
                    || b.is_ascii_digit()
                    || b == b'_'
                    || b == b'U'
                    || b == b'V'),
                "{runner}: {name}"
            );
            assert!(
                name == "changelog.sql" || stem.contains("vil_v2_rm_rf"),
                "{name}"
            );
        }
        // The label is written on one line in the files' comments.
        for t in files.values() {
            assert!(
                !t.lines()
                    .any(|l| l.trim() == "-- +goose Down" && runner != "goose"),
                "{t}"
            );
        }
    }
}

#[test]
fn errors_write_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    // Not a plan: exit 2.
    for dir in [tmp.path().join("missing"), data()] {
        let o = migc(&["export", s(&dir), "--to", "dbmate", "--out", s(&out)]);
        assert_eq!(
            o.status.code(),
            Some(2),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
        assert!(String::from_utf8_lossy(&o.stderr).contains("not a plan"));
        assert!(!out.exists());
    }
    let o = migc(&[
        "export",
        s(&tmp.path().join("missing")),
        "--to",
        "dbmate",
        "--out",
        s(&out),
        "--format",
        "json",
    ]);
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(doc["error"]["exit_code"], 2);

    // A runner that cannot run the plan: exit 1, nothing written.
    let sqlite = plan(tmp.path(), "sqlite");
    let o = migc(&["export", s(&sqlite), "--to", "liquibase", "--out", s(&out)]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("liquibase cannot run the expand phase") && err.contains("step [1]"),
        "{err}"
    );
    assert!(!out.exists());
    // sqlx runs every SQLite migration in a transaction of its own (sqlx-sqlite 0.8 does not
    // read `-- no-transaction`): the phase, which opens its own, would fail at its `BEGIN`.
    let o = migc(&["export", s(&sqlite), "--to", "sqlx", "--out", s(&out)]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("sqlx cannot run the expand phase") && err.contains("step [1]"),
        "{err}"
    );
    assert!(!out.exists());

    // A script changed since the plan was written: exit 1.
    let pg = plan(tmp.path(), "postgres");
    let file = pg.join("01-expand.up.sql");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replace("SET lock_timeout", "SET  lock_timeout")).unwrap();
    let o = migc(&["export", s(&pg), "--to", "goose", "--out", s(&out)]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(String::from_utf8_lossy(&o.stderr).contains("changed since the plan was written"));
    assert!(!out.exists());

    // An output folder holding something else: exit 2, left as it is.
    let mysql = plan(tmp.path(), "mysql");
    std::fs::create_dir(&out).unwrap();
    std::fs::write(out.join("V1__mine.sql"), "SELECT 1;").unwrap();
    let o = migc(&["export", s(&mysql), "--to", "flyway", "--out", s(&out)]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(read_dir(&out).len(), 1);
}

#[test]
fn json_summary_lists_the_files() {
    let tmp = tempfile::tempdir().unwrap();
    let plan = plan(tmp.path(), "postgres");
    let out = tmp.path().join("out");
    let o = migc(&[
        "export",
        s(&plan),
        "--to",
        "sqlx",
        "--out",
        s(&out),
        "--format",
        "json",
    ]);
    assert!(o.status.success());
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(doc["runner"], "sqlx");
    assert_eq!(doc["dialect"], "postgres");
    let listed: Vec<&str> = doc["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f.as_str().unwrap())
        .collect();
    let written = read_dir(&out);
    assert_eq!(
        listed,
        written.keys().map(String::as_str).collect::<Vec<_>>()
    );
    let ms = doc["migrations"].as_array().unwrap();
    assert_eq!(ms.len() * 2, listed.len());
    let index = ms
        .iter()
        .find(|m| m["name"].as_str().unwrap().ends_with("items_name_idx_2"))
        .unwrap();
    assert_eq!(index["transaction"], false);
    assert_eq!(index["phase"], "expand");
}

// --- the runners themselves -------------------------------------------------------------

/// A scratch database on the server of `url` (`postgres://…/db` or `mysql://…/db`): created,
/// and dropped when dropped.
struct Scratch {
    admin: String,
    url: String,
    name: String,
    mysql: bool,
}

impl Scratch {
    fn new(var: &str, tag: &str) -> Scratch {
        let base = std::env::var(var).unwrap_or_else(|_| panic!("{var} is not set"));
        let mysql = base.starts_with("mysql");
        let (server, _) = base.rsplit_once('/').unwrap();
        let name = format!("migc_export_{tag}_{}", std::process::id());
        let scratch = Scratch {
            admin: base.clone(),
            url: format!("{server}/{name}"),
            name,
            mysql,
        };
        scratch.sql_admin(&format!("DROP DATABASE IF EXISTS {}", scratch.name));
        scratch.sql_admin(&format!("CREATE DATABASE {}", scratch.name));
        scratch
    }

    fn sql_admin(&self, sql: &str) {
        if self.mysql {
            let mut c = mysql::Conn::new(mysql::Opts::from_url(&self.admin).unwrap()).unwrap();
            mysql::prelude::Queryable::query_drop(&mut c, sql).unwrap();
        } else {
            let mut c = postgres::Client::connect(&self.admin, postgres::NoTls).unwrap();
            c.batch_execute(sql).unwrap();
        }
    }

    /// The first column of every row of `sql`, as text.
    fn query(&self, sql: &str) -> Vec<String> {
        if self.mysql {
            let mut c = mysql::Conn::new(mysql::Opts::from_url(&self.url).unwrap()).unwrap();
            let rows: Vec<mysql::Row> = mysql::prelude::Queryable::query(&mut c, sql).unwrap();
            rows.into_iter()
                .map(|r| match r.as_ref(0).unwrap() {
                    mysql::Value::Bytes(b) => String::from_utf8_lossy(b).into_owned(),
                    mysql::Value::Int(i) => i.to_string(),
                    v => format!("{v:?}"),
                })
                .collect()
        } else {
            let mut c = postgres::Client::connect(&self.url, postgres::NoTls).unwrap();
            c.simple_query(sql)
                .unwrap()
                .into_iter()
                .filter_map(|m| match m {
                    postgres::SimpleQueryMessage::Row(r) => {
                        Some(r.get(0).unwrap_or("").to_string())
                    }
                    _ => None,
                })
                .collect()
        }
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        if !std::thread::panicking() {
            let admin = migc_db::DbUrl::parse(&self.admin).expect("the server's URL");
            let mut c = migc_db::connect(&admin).expect("the server");
            migc_db::drop_database(&mut *c, &self.name).expect("drop the scratch database");
        }
    }
}

/// Builds v1 with `migc apply` on `url` and fills it.
fn deploy_v1(tmp: &Path, dialect_name: &str, url: &str) {
    let v1 = plan_in(tmp, "empty", &data().join("v1"), dialect_name);
    let o = migc(&["apply", s(&v1), "--url", url, "--through", "contract"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

fn run(program: &str, args: &[&str], dir: &Path) {
    let o = Command::new(program)
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {program}: {e}"));
    assert!(
        o.status.success(),
        "{program} {args:?}: {}\n{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
}

const FILL: &str = "INSERT INTO items (name, amount) VALUES ('a', 1.50), ('b', 2.25)";

/// What the table holds after the plan: the computed column filled and made `NOT NULL`, the
/// old one gone; after the rollback: as it was.
fn check_after_up(query: &dyn Fn(&str) -> Vec<String>) {
    assert_eq!(query("SELECT cents FROM items ORDER BY id"), ["150", "225"]);
}

fn check_after_down(query: &dyn Fn(&str) -> Vec<String>) {
    let amounts: Vec<f64> = query("SELECT amount FROM items ORDER BY id")
        .iter()
        .map(|a| a.parse().unwrap())
        .collect();
    assert_eq!(amounts, [1.5, 2.25]);
}

/// Runs `runner` up and all the way down on a database of `dialect_name`.
fn runner_lifecycle(runner: &str, dialect_name: &str) {
    let tmp = tempfile::tempdir().unwrap();
    let plan = plan(tmp.path(), dialect_name);
    let out = tmp.path().join("migrations");
    let files = export(&plan, runner, &out, &[]);
    let count = migrations(runner, &files).len();
    let sqlite_file = tmp.path().join("db.sqlite");
    let scratch = match dialect_name {
        "postgres" => Some(Scratch::new("MIGC_TEST_POSTGRES_URL", runner)),
        "mysql" => Some(Scratch::new("MIGC_TEST_MYSQL_URL", runner)),
        _ => None,
    };
    let migc_url = match &scratch {
        Some(sc) => sc.url.clone(),
        None => format!("sqlite://{}", s(&sqlite_file)),
    };
    deploy_v1(tmp.path(), dialect_name, &migc_url);
    let query = |sql: &str| -> Vec<String> {
        match &scratch {
            Some(sc) => sc.query(sql),
            None => {
                let c = rusqlite::Connection::open(&sqlite_file).unwrap();
                let mut st = c.prepare(sql).unwrap();
                st.query_map([], |r| {
                    let v: rusqlite::types::Value = r.get(0)?;
                    Ok(match v {
                        rusqlite::types::Value::Integer(i) => i.to_string(),
                        rusqlite::types::Value::Real(f) => f.to_string(),
                        rusqlite::types::Value::Text(t) => t,
                        other => format!("{other:?}"),
                    })
                })
                .unwrap()
                .map(Result::unwrap)
                .collect()
            }
        }
    };
    query(FILL);
    let dir = out.as_path();
    match runner {
        "dbmate" => {
            let url = match (&scratch, dialect_name) {
                (Some(sc), "postgres") => format!(
                    "{}{}sslmode=disable",
                    sc.url,
                    if sc.url.contains('?') { '&' } else { '?' }
                ),
                (Some(sc), _) => sc.url.clone(),
                (None, _) => format!("sqlite:{}", s(&sqlite_file)),
            };
            let common = [
                "--url",
                &url,
                "--migrations-dir",
                s(dir),
                "--no-dump-schema",
            ];
            run("dbmate", &[&common[..], &["up"]].concat(), dir);
            check_after_up(&query);
            for _ in 0..count {
                run("dbmate", &[&common[..], &["rollback"]].concat(), dir);
            }
        }
        "liquibase" => {
            let sc = scratch.as_ref().unwrap();
            let (rest, db) = sc.url.rsplit_once('/').unwrap();
            let host = rest.rsplit('@').next().unwrap();
            let user = rest
                .split("://")
                .nth(1)
                .and_then(|r| r.split_once('@'))
                .map_or("root", |(u, _)| u);
            let jdbc = if sc.mysql {
                format!("jdbc:mariadb://{host}/{db}?allowMultiQueries=true")
            } else {
                format!("jdbc:postgresql://{host}/{db}")
            };
            let common = [
                format!("--url={jdbc}"),
                format!("--username={user}"),
                "--show-banner=false".into(),
                "--changelog-file=changelog.sql".into(),
            ];
            let common: Vec<&str> = common.iter().map(String::as_str).collect();
            run("liquibase", &[&common[..], &["update"]].concat(), dir);
            check_after_up(&query);
            let n = format!("--count={count}");
            run(
                "liquibase",
                &[&common[..], &["rollback-count", &n]].concat(),
                dir,
            );
        }
        "sqlx" => {
            let url = match &scratch {
                Some(sc) => sc.url.clone(),
                None => format!("sqlite://{}", s(&sqlite_file)),
            };
            let common = ["--source", s(dir), "--database-url", &url];
            run(
                "sqlx",
                &[&["migrate", "run"][..], &common[..]].concat(),
                dir,
            );
            check_after_up(&query);
            for _ in 0..count {
                run(
                    "sqlx",
                    &[&["migrate", "revert"][..], &common[..]].concat(),
                    dir,
                );
            }
        }
        _ => unreachable!(),
    }
    check_after_down(&query);
}

#[test]
#[cfg_attr(
    not(all(runner_dbmate, live_postgres)),
    ignore = "needs dbmate on PATH (npm install dbmate) and a PostgreSQL server: set MIGC_TEST_POSTGRES_URL"
)]
fn dbmate_runs_a_postgres_export() {
    runner_lifecycle("dbmate", "postgres");
}

#[test]
#[cfg_attr(
    not(all(runner_dbmate, live_mysql)),
    ignore = "needs dbmate on PATH (npm install dbmate) and a MySQL/MariaDB server: set MIGC_TEST_MYSQL_URL"
)]
fn dbmate_runs_a_mysql_export() {
    runner_lifecycle("dbmate", "mysql");
}

#[test]
#[cfg_attr(
    not(runner_dbmate),
    ignore = "needs dbmate on PATH (npm install dbmate)"
)]
fn dbmate_runs_a_sqlite_export() {
    runner_lifecycle("dbmate", "sqlite");
}

#[test]
#[cfg_attr(
    not(all(runner_liquibase, live_postgres)),
    ignore = "needs liquibase on PATH (npm install liquibase; Java) and a PostgreSQL server: set MIGC_TEST_POSTGRES_URL"
)]
fn liquibase_runs_a_postgres_export() {
    runner_lifecycle("liquibase", "postgres");
}

#[test]
#[cfg_attr(
    not(all(runner_liquibase, live_mysql)),
    ignore = "needs liquibase on PATH (npm install liquibase; Java) and a MySQL/MariaDB server: set MIGC_TEST_MYSQL_URL"
)]
fn liquibase_runs_a_mysql_export() {
    runner_lifecycle("liquibase", "mysql");
}

#[test]
#[cfg_attr(
    not(all(runner_sqlx, live_postgres)),
    ignore = "needs sqlx on PATH (cargo install sqlx-cli) and a PostgreSQL server: set MIGC_TEST_POSTGRES_URL"
)]
fn sqlx_runs_a_postgres_export() {
    runner_lifecycle("sqlx", "postgres");
}

#[test]
#[cfg_attr(
    not(all(runner_sqlx, live_mysql)),
    ignore = "needs sqlx on PATH (cargo install sqlx-cli) and a MySQL/MariaDB server: set MIGC_TEST_MYSQL_URL"
)]
fn sqlx_runs_a_mysql_export() {
    runner_lifecycle("sqlx", "mysql");
}
