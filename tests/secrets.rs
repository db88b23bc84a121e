//! A database URL's password never leaves migc: not in what it prints (plans, reports, runs,
//! status, errors, clap's own messages), not in what it writes (`manifest.json`, the `label`
//! column of `migc_state`). The real binary is run; the live test uses the PostgreSQL server of
//! `MIGC_TEST_POSTGRES_URL` with a role of its own that has a password.

mod apply_support;

use apply_support::*;
use std::process::Output;

/// In every URL below; no output may contain it.
const SECRET: &str = "s3cr3t";

#[track_caller]
fn no_secret(o: &Output, what: &str) {
    let all = format!("{}{}", text(&o.stdout), text(&o.stderr));
    assert!(
        !all.contains(SECRET),
        "{what} shows the password:\n{}",
        show(o)
    );
}

fn file_has_no_secret(path: &std::path::Path) -> String {
    let t = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert!(
        !t.contains(SECRET),
        "{} holds the password:\n{t}",
        path.display()
    );
    t
}

/// Servers that are not there (nothing listens on port 1), with the password spelled every way
/// a URL can hold one.
const UNREACHABLE: &[&str] = &[
    "postgres://app:s3cr3t-PASS@127.0.0.1:1/db",
    "postgresql://app:s3cr3t%40P%3Ass%25@127.0.0.1:1/db?sslmode=disable",
    "postgres://app:Zq9@s3cr3t@127.0.0.1:1/db",
    "postgres://app@127.0.0.1:1/db?password=s3cr3t-PASS",
    "postgres://app@127.0.0.1:1/db?sslmode=prefer&sslpassword=s3cr3t-PASS",
    "mysql://app:s3cr3t-PASS@127.0.0.1:1/db",
    "mariadb://app:s3cr3t%40PASS@127.0.0.1:1/db",
];

#[test]
fn connection_errors_do_not_echo_the_password() {
    let work = Work::new();
    let v1 = work.schema("v1", V1);
    let p1 = work.plan("empty", &v1, "postgres", "p1");
    let out = work.path("out").to_string_lossy().into_owned();
    for url in UNREACHABLE {
        let dialect = if url.starts_with("postgres") {
            "postgres"
        } else {
            "mysql"
        };
        let runs: Vec<Vec<&str>> = vec![
            vec!["status", "--url", url],
            vec!["apply", &p1, "--url", url],
            vec!["rollback", &p1, "--url", url],
            vec!["drift", "--url", url, "--to", &v1],
            vec!["import", url, "-o", &out],
            vec![
                "plan",
                "--from",
                url,
                "--to",
                &v1,
                "--dialect",
                dialect,
                "--out",
                &out,
            ],
            vec!["verify", "--from", "empty", "--to", &v1, "--url", url],
        ];
        for args in runs {
            let o = run(&args);
            expect(&o, 2);
            no_secret(&o, &format!("{args:?}"));
            assert!(
                text(&o.stderr).contains("***"),
                "{args:?} should name the URL redacted:\n{}",
                show(&o)
            );
            assert!(!work.path("out").exists());
        }
        // The same URL as a dialect it is not.
        let other = if dialect == "postgres" {
            "mysql"
        } else {
            "postgres"
        };
        let o = run(&[
            "plan",
            "--from",
            url,
            "--to",
            &v1,
            "--dialect",
            other,
            "--out",
            &out,
        ]);
        expect(&o, 2);
        no_secret(&o, "a URL of another dialect");
    }
    // Hidden also where migc does not read the URL: an unknown scheme, a URL where clap
    // expects none.
    let ftp = "ftp://app:s3cr3t-PASS@h/db";
    for args in [
        vec![
            "plan",
            "--from",
            ftp,
            "--to",
            &v1,
            "--dialect",
            "postgres",
            "--out",
            &out,
        ],
        vec!["status", "--url", ftp],
        vec!["drift", "--url", ftp, "--to", &v1],
        vec!["status", UNREACHABLE[0]],
        vec!["apply", &p1, UNREACHABLE[0]],
    ] {
        let o = run(&args);
        expect(&o, 2);
        no_secret(&o, &format!("{args:?}"));
    }
}

/// A plan whose manifest names its source with a password (as migc wrote it before it redacted
/// sources): the report, the run, `migc_state` and `status` do not show it. On SQLite, no
/// server needed.
#[test]
fn a_password_in_an_old_manifest_stays_hidden() {
    let work = Work::new();
    let v1 = work.schema("v1", V1);
    let p1 = work.plan("empty", &v1, "sqlite", "p1");
    let manifest = work.path("p1/manifest.json");
    let raw = "postgres://app:s3cr3t-PASS@db/prod?sslpassword=s3cr3t-KEY";
    let text_of = std::fs::read_to_string(&manifest).expect("manifest");
    assert!(text_of.contains("\"from\": \"empty\""), "{text_of}");
    std::fs::write(
        &manifest,
        text_of.replace("\"from\": \"empty\"", &format!("\"from\": \"{raw}\"")),
    )
    .expect("edit");
    let label = "postgres://app:***@db/prod?sslpassword=*** -> ";

    let o = run(&["explain", &p1]);
    expect(&o, 0);
    no_secret(&o, "explain");
    assert!(
        text(&o.stdout).contains("postgres://app:***@db/prod"),
        "{}",
        show(&o)
    );

    let url = format!("sqlite://{}", work.path("app.db").display());
    let o = run(&["apply", &p1, "--url", &url, "--through", "contract"]);
    expect(&o, 0);
    no_secret(&o, "apply");
    assert!(text(&o.stdout).contains(label), "{}", show(&o));

    let mut c = connect(&url);
    let labels = c
        .query("SELECT DISTINCT label FROM migc_state")
        .expect("state");
    assert!(!labels.is_empty());
    for l in labels.iter().flatten().flatten() {
        assert!(!l.contains(SECRET) && l.starts_with(label), "{l}");
    }
    // A row an older migc wrote with the password: `status` hides it.
    c.execute(&format!(
        "INSERT INTO migc_state (plan, label, phase, step, status, rows_done, updated_at) \
         VALUES ('0123456789abcdef', '{raw} -> v9', 'expand', '*', 'done', 0, '2000-01-01')"
    ))
    .expect("insert");
    let o = run(&["status", "--url", &url]);
    expect(&o, 0);
    no_secret(&o, "status");
    assert!(
        text(&o.stdout).contains(&format!("plan {label}v9 (0123456789ab)")),
        "{}",
        show(&o)
    );
}

/// A role with a password on the live server, its own database, both dropped at the end.
struct Secret {
    admin: String,
    role: String,
    db: String,
}

impl Drop for Secret {
    fn drop(&mut self) {
        let mut c = connect(&self.admin);
        let _ = c.execute(&format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.db));
        let _ = c.execute(&format!("DROP ROLE IF EXISTS {}", self.role));
    }
}

/// `url` (a server's) with another user, password and database.
fn as_user(url: &str, user: &str, password: &str, db: &str) -> String {
    let (scheme, rest) = url.split_once("://").expect("a URL");
    let authority = rest.split(['/', '?']).next().unwrap_or(rest);
    let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    format!("{scheme}://{user}:{password}@{host}/{db}")
}

#[test]
#[cfg_attr(
    not(live_postgres),
    ignore = "needs a PostgreSQL server: set MIGC_TEST_POSTGRES_URL"
)]
fn a_postgres_password_appears_nowhere() {
    let Some(server) = live(
        "MIGC_TEST_POSTGRES_URL",
        "a_postgres_password_appears_nowhere",
    ) else {
        return;
    };
    let n = std::process::id();
    let secret = Secret {
        admin: server.clone(),
        role: format!("migc_secret_{n}"),
        db: format!("migc_secret_{n}"),
    };
    let mut admin = connect(&server);
    // A password with the characters a URL must escape.
    let password = "s3cr3t@P:ss/w%rd";
    let encoded = "s3cr3t%40P%3Ass%2Fw%25rd";
    admin
        .execute(&format!(
            "DROP DATABASE IF EXISTS {} WITH (FORCE)",
            secret.db
        ))
        .and_then(|()| admin.execute(&format!("DROP ROLE IF EXISTS {}", secret.role)))
        .and_then(|()| {
            admin.execute(&format!(
                "CREATE ROLE {} LOGIN PASSWORD '{password}'",
                secret.role
            ))
        })
        .and_then(|()| {
            admin.execute(&format!(
                "CREATE DATABASE {} OWNER {}",
                secret.db, secret.role
            ))
        })
        .unwrap_or_else(|e| panic!("set up the role and its database: {e}"));
    let url = as_user(&server, &secret.role, encoded, &secret.db);
    // The same, with the password as a parameter (PostgreSQL reads `?password=`).
    let host = url.rsplit_once('@').expect("host").1;
    let url_param = format!("postgres://{}@{host}?password={encoded}", secret.role);
    let redacted = format!("{}:***@", secret.role);

    let work = Work::new();
    let v1 = work.schema("v1", V1);
    let v2 = work.schema("v2", V2);
    let p1 = work.plan("empty", &v1, "postgres", "p1");
    let o = run(&["apply", &p1, "--url", &url, "--through", "contract"]);
    expect(&o, 0);
    no_secret(&o, "apply");

    // A plan from the database.
    let p2 = work.path("p2").to_string_lossy().into_owned();
    let o = run(&[
        "plan",
        "--from",
        &url,
        "--to",
        &v2,
        "--dialect",
        "postgres",
        "--out",
        &p2,
    ]);
    expect(&o, 0);
    no_secret(&o, "plan");
    let manifest = file_has_no_secret(&work.path("p2/manifest.json"));
    assert!(
        manifest.contains(&format!("\"from\": \"postgres://{redacted}")),
        "{manifest}"
    );
    for f in std::fs::read_dir(&p2).expect("plan").filter_map(Result::ok) {
        file_has_no_secret(&f.path());
    }
    let o = run(&["explain", &p2]);
    expect(&o, 0);
    no_secret(&o, "explain");
    assert!(text(&o.stdout).contains(&redacted), "{}", show(&o));

    let o = run(&["apply", &p2, "--url", &url_param, "--dry-run"]);
    expect(&o, 0);
    no_secret(&o, "apply --dry-run");
    let o = run(&["apply", &p2, "--url", &url_param, "--through", "contract"]);
    expect(&o, 0);
    no_secret(&o, "apply");
    assert!(text(&o.stdout).contains(&redacted), "{}", show(&o));
    for u in [&url, &url_param] {
        let o = run(&["status", "--url", u]);
        expect(&o, 0);
        no_secret(&o, "status");
        assert!(text(&o.stdout).contains(&redacted), "{}", show(&o));
    }

    // What migc stored in the database.
    let mut db = connect(&url);
    let rows = db
        .query("SELECT migc_state::text FROM migc_state")
        .expect("state");
    assert!(rows.len() > 1, "{rows:?}");
    for r in rows.iter().flatten().flatten() {
        assert!(!r.contains(SECRET), "migc_state holds the password: {r}");
    }
    let labels = db
        .query("SELECT DISTINCT label FROM migc_state WHERE label LIKE 'postgres:%'")
        .expect("labels");
    assert_eq!(labels.len(), 1, "{labels:?}");

    // Reading it.
    for format in ["human", "json"] {
        let o = run(&["drift", "--url", &url, "--to", &v2, "--format", format]);
        expect(&o, 0);
        no_secret(&o, "drift");
        assert!(text(&o.stdout).contains(&redacted), "{}", show(&o));
    }
    let imported = work.path("imported").to_string_lossy().into_owned();
    let o = run(&["import", &url_param, "-o", &imported]);
    expect(&o, 0);
    no_secret(&o, "import");

    // A database that is not there, with the right password.
    let missing = as_user(&server, &secret.role, encoded, "migc_no_such_database");
    let o = run(&["status", "--url", &missing]);
    expect(&o, 2);
    no_secret(&o, "a failed connection");
    assert!(text(&o.stderr).contains(&redacted), "{}", show(&o));
    // The wrong password is refused by a server that checks it; one that trusts the host
    // connects; neither shows it.
    let wrong = as_user(&server, &secret.role, "s3cr3t-WRONG", &secret.db);
    let o = run(&["status", "--url", &wrong]);
    no_secret(&o, "a wrong password");
    drop(db);
    drop(admin);
    drop(secret);
}
