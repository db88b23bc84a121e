//! Diagnostics as GitHub Actions workflow commands: one line per diagnostic,
//! `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=E1004::message`, which a workflow
//! run shows as annotations on the lines of the pull request.
//!
//! GitHub reads a command up to the end of its line and a property up to the next `,` or `::`,
//! so values are escaped as it unescapes them: `%`, `\r` and `\n` everywhere, `:` and `,` in
//! properties too. Whatever a file name or a message holds stays inside its annotation.

use super::Located;
use migc_grammar::{Diagnostic, Severity, Sources};

/// The commands of `diagnostics`, one line each.
pub fn commands(sources: &Sources, diagnostics: &[Diagnostic]) -> String {
    let diagnostics = &super::shown::diagnostics(diagnostics, super::shown::Output::Workflow);
    let mut out = String::new();
    for d in diagnostics {
        let command = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut properties = Vec::new();
        let label = d
            .labels
            .iter()
            .filter(|l| l.primary)
            .chain(d.labels.iter().filter(|l| !l.primary))
            .find_map(|l| Located::of(sources, l.span));
        if let Some(at) = label {
            properties.push(format!("file={}", property(&super::shown::inert(at.file))));
            properties.push(format!("line={}", at.line));
            properties.push(format!("col={}", at.column));
            properties.push(format!("endLine={}", at.end_line));
            properties.push(format!("endColumn={}", at.end_column));
        }
        properties.push(format!("title={}", property(d.code.as_str())));
        out.push_str(&format!(
            "::{command} {}::{}\n",
            properties.join(","),
            data(&super::sarif::full_message(d))
        ));
    }
    out
}

/// The command for a run that stopped on a usage or I/O error.
pub fn failed(message: &str) -> String {
    format!("::error title=migc::{}\n", data(message))
}

fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_escaped_as_github_unescapes_them() {
        assert_eq!(data("50%\r\nnext: a, b"), "50%25%0D%0Anext: a, b");
        assert_eq!(property("a,b:c%d\ne.mig"), "a%2Cb%3Ac%25d%0Ae.mig");
        assert_eq!(failed("no\nway"), "::error title=migc::no%0Away\n");
    }
}
