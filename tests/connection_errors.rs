//! A connection that fails says why — nothing listening, a host that does not resolve, the
//! user or password refused, no such database, TLS asked for — naming where it went, and never
//! the password. The causes a server gives are produced on the live servers
//! (`MIGC_TEST_POSTGRES_URL`, `MIGC_TEST_MYSQL_URL`); nothing listening and unknown hosts need
//! none.

mod apply_support;

use apply_support::*;

/// In every URL below; no output may contain it.
const SECRET: &str = "s3cr3t";

/// `migc status --url URL` fails (exit 2) with a message naming `cause`, the redacted URL, and
/// not the password; the message.
#[track_caller]
fn refused_with(url: &str, cause: &str) -> String {
    let o = run(&["status", "--url", url]);
    expect(&o, 2);
    let err = text(&o.stderr);
    assert!(
        !err.contains(SECRET) && !text(&o.stdout).contains(SECRET),
        "{url}: the password is shown:\n{}",
        show(&o)
    );
    assert!(
        err.starts_with("error: cannot connect to ") && err.contains(cause),
        "{url}: expected `{cause}`:\n{}",
        show(&o)
    );
    assert!(
        !err.contains("Error {") && !err.contains("DriverError") && !err.contains("IoError"),
        "{url}: a driver's structure:\n{err}"
    );
    err
}

/// `url` (a server's) with another user, password, port or database.
fn with(
    url: &str,
    user: Option<&str>,
    password: Option<&str>,
    port: Option<u16>,
    db: &str,
) -> String {
    let (scheme, rest) = url.split_once("://").expect("a URL");
    let authority = rest.split(['/', '?']).next().unwrap_or(rest);
    let (info, host_port) = authority.rsplit_once('@').unwrap_or(("", authority));
    let old_user = info.split(':').next().unwrap_or("");
    let host = host_port.rsplit_once(':').map_or(host_port, |(h, _)| h);
    let user = user.unwrap_or(old_user);
    let password = password.map(|p| format!(":{p}")).unwrap_or_default();
    let at = if user.is_empty() && password.is_empty() {
        String::new()
    } else {
        format!("{user}{password}@")
    };
    let port = port
        .map(|p| format!(":{p}"))
        .or_else(|| host_port.rsplit_once(':').map(|(_, p)| format!(":{p}")))
        .unwrap_or_default();
    format!("{scheme}://{at}{host}{port}/{db}")
}

#[test]
fn nothing_listening_and_unknown_hosts_are_named() {
    for scheme in ["postgres", "mysql"] {
        let err = refused_with(
            &format!("{scheme}://app:{SECRET}-PASS@127.0.0.1:1/db"),
            "connection refused: nothing is listening at 127.0.0.1:1",
        );
        assert!(
            err.contains(&format!("{scheme}://app:***@127.0.0.1:1/db")),
            "{err}"
        );
        // `.invalid` never resolves (RFC 6761).
        refused_with(
            &format!("{scheme}://app:{SECRET}@no-such-host.invalid:5/db"),
            "unknown host: `no-such-host.invalid` does not resolve",
        );
    }
    // Every command that connects says the same.
    let work = Work::new();
    let v1 = work.schema("v1", V1);
    let p1 = work.plan("empty", &v1, "postgres", "p1");
    let url = format!("postgres://app:{SECRET}@127.0.0.1:1/db");
    for args in [
        vec!["apply", &p1, "--url", &url],
        vec!["rollback", &p1, "--url", &url],
        vec!["drift", "--url", &url, "--to", &v1],
    ] {
        let o = run(&args);
        expect(&o, 2);
        let err = text(&o.stderr);
        assert!(
            err.contains("connection refused: nothing is listening at 127.0.0.1:1")
                && !err.contains(SECRET),
            "{args:?}:\n{}",
            show(&o)
        );
    }
}

#[test]
#[cfg_attr(
    not(live_postgres),
    ignore = "needs a PostgreSQL server: set MIGC_TEST_POSTGRES_URL"
)]
fn postgres_refusals_are_named() {
    let Some(server) = live("MIGC_TEST_POSTGRES_URL", "postgres_refusals_are_named") else {
        return;
    };
    let db = "migc_no_such_database_for_errors";
    let err = refused_with(
        &with(&server, None, Some(SECRET), None, db),
        "unknown database: ",
    );
    assert!(
        err.contains(&format!("has no database `{db}`")) && err.contains("(3D000)"),
        "{err}"
    );
    let err = refused_with(
        &with(
            &server,
            Some("migc_no_such_role"),
            Some(SECRET),
            None,
            "postgres",
        ),
        "authentication failed: ",
    );
    assert!(err.contains("refused user `migc_no_such_role`"), "{err}");
    // migc connects without TLS: a URL that requires it fails, whether the server offers TLS
    // or not.
    let url = format!(
        "{}?sslmode=require",
        with(&server, None, Some(SECRET), None, "postgres")
    );
    refused_with(&url, "TLS failed: ");
    // Nothing listening on the server's host at another port.
    refused_with(
        &with(&server, None, Some(SECRET), Some(1), "postgres"),
        "connection refused: nothing is listening at ",
    );
}

#[test]
#[cfg_attr(
    not(live_mysql),
    ignore = "needs a MySQL/MariaDB server: set MIGC_TEST_MYSQL_URL"
)]
fn mysql_refusals_are_named() {
    let Some(server) = live("MIGC_TEST_MYSQL_URL", "mysql_refusals_are_named") else {
        return;
    };
    let db = "migc_no_such_database_for_errors";
    let err = refused_with(&with(&server, None, None, None, db), "unknown database: ");
    assert!(
        err.contains(&format!("has no database `{db}`")) && err.contains("(1049)"),
        "{err}"
    );
    // A wrong password for the server's user, and a user the server does not know.
    let wrong = format!("{SECRET}-wrong-{}", std::process::id());
    let err = refused_with(
        &with(&server, None, Some(&wrong), None, "mysql"),
        "authentication failed: ",
    );
    assert!(err.contains("(1045)"), "{err}");
    let err = refused_with(
        &with(
            &server,
            Some("migc_no_such_user"),
            Some(SECRET),
            None,
            "mysql",
        ),
        "authentication failed: ",
    );
    assert!(err.contains("refused user `migc_no_such_user`"), "{err}");
    let url = format!(
        "{}?require_ssl=true",
        with(&server, None, None, None, "mysql")
    );
    refused_with(&url, "TLS failed: ");
    refused_with(
        &with(&server, None, Some(SECRET), Some(1), "mysql"),
        "connection refused: nothing is listening at ",
    );
}
