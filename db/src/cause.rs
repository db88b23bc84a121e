//! Why a connection could not be opened, said the same way for every server: nothing listening,
//! a host name that does not resolve, credentials refused, a database that does not exist, TLS
//! required or failed, a timeout. The drivers' own errors say it each their way (PostgreSQL's
//! only "error connecting to server", MySQL's a Rust structure); each driver sorts its errors
//! into a [`Cause`] and [`message`] words it with where the connection went. Secrets never
//! appear: the address is host and port, and the whole message is scrubbed of the URL's secrets
//! afterwards ([`crate::DbUrl`]).

use std::error::Error;
use std::io;

/// Why a connection failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cause {
    /// Nothing accepts connections at the host and port.
    Refused,
    /// The host name does not resolve.
    UnknownHost,
    /// The server refused the user or the password.
    Authentication,
    /// The server has no database of that name.
    UnknownDatabase,
    /// The server takes this connection only over TLS, which migc does not speak.
    TlsRequired,
    /// The URL asks for TLS and it could not be set up.
    Tls,
    /// The server did not answer in time.
    Timeout,
    /// Anything else: the driver's words.
    Other,
}

/// Where a connection went, for the message.
#[derive(Clone, Debug, Default)]
pub struct Target {
    pub host: String,
    pub port: Option<u16>,
    pub user: Option<String>,
    pub database: Option<String>,
}

impl Target {
    /// Where a server URL points (`scheme://[user[:password]@]host[:port][/database][?…]`),
    /// `default_port` when it names none; host, user and database percent-decoded, the
    /// password left out.
    pub fn of_url(url: &str, default_port: u16) -> Target {
        let rest = url.split_once("://").map_or(url, |(_, r)| r);
        let rest = rest.split_once('?').map_or(rest, |(r, _)| r);
        let (authority, database) = rest.split_once('/').unwrap_or((rest, ""));
        let (user, host_port) = match authority.rsplit_once('@') {
            Some((info, hp)) => (Some(info.split_once(':').map_or(info, |(u, _)| u)), hp),
            None => (None, authority),
        };
        // `[::1]:5432`, `host:5432`, `host`.
        let (host, port) = match host_port.rsplit_once(':') {
            Some((h, p)) if !p.contains(']') => (h, p.parse().ok()),
            _ => (host_port, None),
        };
        let text = |s: &str| Some(crate::url::percent_decode(s)).filter(|s| !s.is_empty());
        Target {
            host: text(host).unwrap_or_else(|| "localhost".into()),
            port: Some(port.unwrap_or(default_port)),
            user: user.and_then(text),
            database: text(database),
        }
    }

    fn address(&self) -> String {
        match self.port {
            Some(p) if !self.host.starts_with('/') => format!("{}:{p}", self.host),
            _ => self.host.clone(),
        }
    }
}

/// The message of a connection error: the cause first, then what the server or the system said
/// (`detail`, when it says more).
pub fn message(cause: Cause, target: &Target, detail: &str) -> String {
    let detail = detail.trim();
    let said = |text: String| {
        if detail.is_empty() {
            text
        } else {
            format!("{text} ({detail})")
        }
    };
    match cause {
        Cause::Refused => format!(
            "connection refused: nothing is listening at {} (is the server running, and on that port?)",
            target.address()
        ),
        Cause::UnknownHost => said(format!(
            "unknown host: `{}` does not resolve to an address",
            target.host
        )),
        Cause::Authentication => said(format!(
            "authentication failed: {} refused {} (check the user name and the password)",
            target.address(),
            target
                .user
                .as_deref()
                .map_or("the user".to_string(), |u| format!("user `{u}`"))
        )),
        Cause::UnknownDatabase => said(format!(
            "unknown database: {} has no database{}",
            target.address(),
            target
                .database
                .as_deref()
                .map_or(String::new(), |d| format!(" `{d}`"))
        )),
        Cause::TlsRequired => said(format!(
            "TLS required: {} accepts this connection only over TLS, and migc connects without it",
            target.address()
        )),
        Cause::Tls => said(format!(
            "TLS failed: the connection to {} asks for TLS, which migc does not set up (drop `sslmode`/`require_ssl` from the URL, or allow unencrypted connections)",
            target.address()
        )),
        Cause::Timeout => said(format!(
            "timed out connecting to {}: the server did not answer (is the host reachable, and the port open?)",
            target.address()
        )),
        Cause::Other => format!("{}: {detail}", target.address()),
    }
}

/// The cause a system error gives, if it gives one: refused, timed out, a name that does not
/// resolve (the resolver's error has no kind of its own; its text says so).
pub fn of_io(e: &io::Error) -> Option<Cause> {
    match e.kind() {
        io::ErrorKind::ConnectionRefused => Some(Cause::Refused),
        io::ErrorKind::TimedOut => Some(Cause::Timeout),
        _ if resolver_failed(&e.to_string()) => Some(Cause::UnknownHost),
        _ => None,
    }
}

/// Whether a system error's text is the resolver's: no address for the name.
pub fn resolver_failed(text: &str) -> bool {
    let t = text.to_ascii_lowercase();
    t.contains("failed to lookup address")
        || t.contains("name or service not known")
        || t.contains("no address associated")
        || t.contains("nodename nor servname")
        || t.contains("temporary failure in name resolution")
        || t.contains("could not resolve")
}

/// An error and its sources, each said once: `a: b: c`.
pub fn chain(e: &(dyn Error + 'static)) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut next = Some(e);
    while let Some(err) = next {
        let text = err.to_string();
        if !parts.iter().any(|p| p.contains(&text)) {
            parts.push(text);
        }
        next = err.source();
    }
    parts.join(": ")
}

/// The first system error among an error's sources.
pub fn io_source<'a>(e: &'a (dyn Error + 'static)) -> Option<&'a io::Error> {
    let mut next = Some(e);
    while let Some(err) = next {
        if let Some(io) = err.downcast_ref::<io::Error>() {
            return Some(io);
        }
        next = err.source();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn target() -> Target {
        Target {
            host: "db.example".into(),
            port: Some(5432),
            user: Some("app".into()),
            database: Some("shop".into()),
        }
    }

    #[test]
    fn targets_leave_the_password_out() {
        let t = Target::of_url(
            "postgres://app:s%40cret@db.example:6543/sh%20op?sslmode=disable",
            5432,
        );
        assert_eq!(t.host, "db.example");
        assert_eq!(t.port, Some(6543));
        assert_eq!(t.user.as_deref(), Some("app"));
        assert_eq!(t.database.as_deref(), Some("sh op"));
        let t = Target::of_url("mysql://[::1]/test", 3306);
        assert_eq!(
            (t.host.as_str(), t.port, t.user),
            ("[::1]", Some(3306), None)
        );
        let t = Target::of_url("postgres://u:p@ss@h:1/d", 5432);
        assert_eq!((t.host.as_str(), t.user.as_deref()), ("h", Some("u")));
    }

    #[test]
    fn system_errors_give_their_cause() {
        let refused = io::Error::new(io::ErrorKind::ConnectionRefused, "Connection refused");
        assert_eq!(of_io(&refused), Some(Cause::Refused));
        let late = io::Error::new(io::ErrorKind::TimedOut, "connection timed out");
        assert_eq!(of_io(&late), Some(Cause::Timeout));
        let unknown =
            io::Error::other("failed to lookup address information: Name or service not known");
        assert_eq!(of_io(&unknown), Some(Cause::UnknownHost));
        let other = io::Error::new(io::ErrorKind::PermissionDenied, "denied");
        assert_eq!(of_io(&other), None);
    }

    #[test]
    fn messages_name_the_cause_and_the_address() {
        let t = target();
        assert_eq!(
            message(Cause::Refused, &t, "Connection refused (os error 111)"),
            "connection refused: nothing is listening at db.example:5432 (is the server running, and on that port?)"
        );
        assert!(
            message(Cause::Timeout, &t, "").starts_with("timed out connecting to db.example:5432")
        );
        assert!(message(Cause::UnknownDatabase, &t, "").contains("no database `shop`"));
        assert!(message(Cause::Authentication, &t, "").contains("refused user `app`"));
        assert!(message(Cause::UnknownHost, &t, "x").starts_with("unknown host: `db.example`"));
        let unix = Target {
            host: "/run/postgresql".into(),
            ..target()
        };
        assert!(message(Cause::Refused, &unix, "").contains("listening at /run/postgresql "));
    }
}
