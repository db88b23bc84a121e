//! Diagnostics as a SARIF 2.1.0 log, for code scanning.
//!
//! One run of the tool `migc`: a rule for every code that appears (its one-line description,
//! its meaning and its long description as help, its default level), and a result per
//! diagnostic with its level, its message (notes and help included), the primary labels as
//! locations and the secondary ones as related locations. Paths are written as given on the
//! command line (relative ones stay relative), with `/` separators and percent-encoded where a
//! URI needs it; regions are 1-based, columns counted in Unicode code points (the run says so),
//! the end column just after the region. A finding that points at no text is located at the
//! subject of the run (the path or source given), because code scanning refuses a result
//! without a location. The same diagnostics always give the same bytes.

use super::{Located, Subject};
use migc_grammar::{Code, Diagnostic, Severity, Sources};
use serde_json::{json, Value};
use std::collections::BTreeSet;

const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// Where migc is described (the package's homepage or repository, when it names one).
fn information_uri() -> Option<&'static str> {
    [env!("CARGO_PKG_HOMEPAGE"), env!("CARGO_PKG_REPOSITORY")]
        .into_iter()
        .find(|u| !u.is_empty())
}

fn driver(rules: Vec<Value>) -> Value {
    let mut driver = json!({
        "name": "migc",
        "version": env!("CARGO_PKG_VERSION"),
        "semanticVersion": env!("CARGO_PKG_VERSION"),
        "rules": rules,
    });
    if let Some(uri) = information_uri() {
        driver["informationUri"] = Value::from(uri);
    }
    driver
}

fn log_of(run: Value) -> String {
    let doc = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [run],
    });
    let mut text = super::shown::json(serde_json::to_string_pretty(&doc).unwrap_or_default());
    text.push('\n');
    text
}

/// The SARIF log of `diagnostics`.
pub fn log(subject: Subject<'_>, sources: &Sources, diagnostics: &[Diagnostic]) -> String {
    let diagnostics = &super::shown::diagnostics(diagnostics, super::shown::Output::Json);
    let codes: Vec<Code> = diagnostics
        .iter()
        .map(|d| d.code)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let rules = codes.iter().map(|c| rule(*c)).collect();
    let results: Vec<Value> = diagnostics
        .iter()
        .map(|d| {
            let index = codes.iter().position(|c| *c == d.code).unwrap_or_default();
            result(subject, sources, d, index)
        })
        .collect();
    log_of(json!({
        "tool": {"driver": driver(rules)},
        "invocations": [{"executionSuccessful": true}],
        "columnKind": "unicodeCodePoints",
        "results": results,
    }))
}

/// The SARIF log of a run that stopped on a usage or I/O error: no results, and the error as
/// the invocation's notification.
pub fn failed(message: &str) -> String {
    log_of(json!({
        "tool": {"driver": driver(Vec::new())},
        "invocations": [{
            "executionSuccessful": false,
            "exitCode": crate::exit::USAGE,
            "toolExecutionNotifications": [{
                "level": "error",
                "message": {"text": message},
            }],
        }],
        "columnKind": "unicodeCodePoints",
        "results": [],
    }))
}

fn rule(code: Code) -> Value {
    json!({
        "id": code.as_str(),
        "name": code.name(),
        "shortDescription": {"text": code.description()},
        "fullDescription": {"text": unwrapped(code.meaning())},
        "help": {"text": code.explanation(), "markdown": code.explanation()},
        "defaultConfiguration": {"level": level(code.default_severity())},
    })
}

/// A paragraph as one line (its lines joined by spaces).
fn unwrapped(text: &str) -> String {
    text.lines().map(str::trim).collect::<Vec<_>>().join(" ")
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// The message of a diagnostic with its notes and help, as printed under it on a terminal.
pub(super) fn full_message(d: &Diagnostic) -> String {
    let mut text = d.message.clone();
    for n in &d.notes {
        text.push_str("\nnote: ");
        text.push_str(n);
    }
    if let Some(h) = &d.help {
        text.push_str("\nhelp: ");
        text.push_str(h);
    }
    text
}

fn result(subject: Subject<'_>, sources: &Sources, d: &Diagnostic, rule_index: usize) -> Value {
    let mut locations = Vec::new();
    let mut related = Vec::new();
    for label in &d.labels {
        let Some(at) = Located::of(sources, label.span) else {
            continue;
        };
        let mut location = json!({"physicalLocation": physical(&at)});
        if !label.message.is_empty() {
            location["message"] = json!({"text": label.message});
        }
        if label.primary {
            locations.push(location);
        } else {
            location["id"] = Value::from(related.len() + 1);
            related.push(location);
        }
    }
    if locations.is_empty() {
        // A finding without a primary label: its first secondary label, or the subject.
        match related.first() {
            Some(first) => {
                let mut first = first.clone();
                if let Some(o) = first.as_object_mut() {
                    o.remove("id");
                }
                locations.push(first);
            }
            None => locations.push(json!({
                "physicalLocation": {"artifactLocation": {"uri": uri(subject.0)}},
            })),
        }
    }
    let mut result = json!({
        "ruleId": d.code.as_str(),
        "ruleIndex": rule_index,
        "level": level(d.severity),
        "message": {"text": full_message(d)},
        "locations": locations,
    });
    if !related.is_empty() {
        result["relatedLocations"] = Value::from(related);
    }
    result
}

fn physical(at: &Located<'_>) -> Value {
    json!({
        "artifactLocation": {"uri": uri(at.file)},
        "region": {
            "startLine": at.line,
            "startColumn": at.column,
            "endLine": at.end_line,
            "endColumn": at.end_column,
        },
    })
}

/// A path as a URI reference: relative paths stay relative (with `/` separators), absolute
/// ones become `file:` URIs; every character a URI path cannot hold as it is is
/// percent-encoded (UTF-8), and so is `:`, so that no relative path reads as a scheme.
pub(crate) fn uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let drive = {
        let b = path.as_bytes();
        b.len() >= 3 && b[0].is_ascii_alphabetic() && b[1] == b':' && b[2] == b'/'
    };
    if drive {
        return format!("file:///{}:{}", &path[..1], encode(&path[2..]));
    }
    if path.starts_with('/') {
        return format!("file://{}", encode(&path));
    }
    encode(&path)
}

fn encode(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for c in path.chars() {
        let keep = c.is_ascii_alphanumeric()
            || matches!(
                c,
                '-' | '.'
                    | '_'
                    | '~'
                    | '!'
                    | '$'
                    | '&'
                    | '\''
                    | '('
                    | ')'
                    | '*'
                    | '+'
                    | ','
                    | ';'
                    | '='
                    | '@'
                    | '/'
            );
        if keep {
            out.push(c);
        } else {
            let mut bytes = [0u8; 4];
            for b in c.encode_utf8(&mut bytes).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(uri("schema/users.mig"), "schema/users.mig");
        assert_eq!(uri("../v2/a b.mig"), "../v2/a%20b.mig");
        assert_eq!(uri("/tmp/x/users.mig"), "file:///tmp/x/users.mig");
        assert_eq!(uri("C:/work/users.mig"), "file:///C:/work/users.mig");
        assert_eq!(uri("dir\\users.mig"), "dir/users.mig");
        assert_eq!(uri("a:b#c?d%e.mig"), "a%3Ab%23c%3Fd%25e.mig");
        assert_eq!(uri("é\n.mig"), "%C3%A9%0A.mig");
        assert_eq!(uri("<std>/timestamps.mig"), "%3Cstd%3E/timestamps.mig");
    }
}
