//! Diagnostics for people (codespan-reporting) and for machines (JSON).

use codespan_reporting::diagnostic as cs;
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term;
use migc_grammar::{Diagnostic, Severity, Sources};
use serde::Serialize;

/// The output format of diagnostics.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Annotated source snippets, for people.
    #[default]
    Human,
    /// One JSON document on standard output, for machines.
    Json,
}

/// Renders diagnostics as text, the way they appear on a terminal.
pub fn human(sources: &Sources, diagnostics: &[Diagnostic]) -> String {
    let mut files = SimpleFiles::new();
    for (_, file) in sources.iter() {
        files.add(file.name.clone(), file.text.clone());
    }
    let config = term::Config::default();
    let mut out = String::new();
    for d in diagnostics {
        let mut c = match d.severity {
            Severity::Error => cs::Diagnostic::error(),
            Severity::Warning => cs::Diagnostic::warning(),
        }
        .with_code(d.code.as_str())
        .with_message(&d.message);
        c = c.with_labels(
            d.labels
                .iter()
                .map(|l| {
                    let style = if l.primary {
                        cs::LabelStyle::Primary
                    } else {
                        cs::LabelStyle::Secondary
                    };
                    cs::Label::new(style, l.span.file.0 as usize, l.span.range())
                        .with_message(&l.message)
                })
                .collect(),
        );
        let mut notes: Vec<String> = d.notes.iter().map(|n| format!("note: {n}")).collect();
        if let Some(h) = &d.help {
            notes.push(format!("help: {h}"));
        }
        c = c.with_notes(notes);
        match term::emit_into_string(&config, &files, &c) {
            Ok(text) => out.push_str(&text),
            Err(_) => out.push_str(&format!(
                "{}[{}]: {}\n",
                severity(d.severity),
                d.code,
                d.message
            )),
        }
    }
    out
}

fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// "2 errors and 1 warning", or `None` when there is nothing.
pub fn summary(diagnostics: &[Diagnostic]) -> Option<String> {
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = diagnostics.len() - errors;
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    match (errors, warnings) {
        (0, 0) => None,
        (0, w) => Some(plural(w, "warning")),
        (e, 0) => Some(plural(e, "error")),
        (e, w) => Some(format!(
            "{} and {}",
            plural(e, "error"),
            plural(w, "warning")
        )),
    }
}

#[derive(Serialize)]
struct JsonReport<'a> {
    errors: usize,
    warnings: usize,
    diagnostics: Vec<JsonDiagnostic<'a>>,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    severity: Severity,
    code: &'static str,
    message: &'a str,
    file: Option<&'a str>,
    line: Option<usize>,
    column: Option<usize>,
    labels: Vec<JsonLabel<'a>>,
    notes: &'a [String],
    help: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonLabel<'a> {
    file: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    primary: bool,
    message: &'a str,
}

/// Renders diagnostics as one JSON document (with a trailing newline).
pub fn json(sources: &Sources, diagnostics: &[Diagnostic]) -> String {
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let report = JsonReport {
        errors,
        warnings: diagnostics.len() - errors,
        diagnostics: diagnostics
            .iter()
            .map(|d| {
                let labels: Vec<JsonLabel<'_>> = d
                    .labels
                    .iter()
                    .map(|l| {
                        let (line, column) = sources.line_col(l.span);
                        let end = migc_grammar::Span::new(
                            l.span.file,
                            l.span.end as usize,
                            l.span.end as usize,
                        );
                        let (end_line, end_column) = sources.line_col(end);
                        JsonLabel {
                            file: &sources.get(l.span.file).name,
                            line,
                            column,
                            end_line,
                            end_column,
                            primary: l.primary,
                            message: &l.message,
                        }
                    })
                    .collect();
                let primary = labels.iter().find(|l| l.primary);
                JsonDiagnostic {
                    severity: d.severity,
                    code: d.code.as_str(),
                    message: &d.message,
                    file: primary.map(|l| l.file),
                    line: primary.map(|l| l.line),
                    column: primary.map(|l| l.column),
                    help: d.help.as_deref(),
                    notes: &d.notes,
                    labels,
                }
            })
            .collect(),
    };
    let mut text = serde_json::to_string_pretty(&report).unwrap_or_default();
    text.push('\n');
    text
}

/// Prints diagnostics in the chosen format: human text on standard error, JSON on standard
/// output. Returns whether any was an error.
pub fn emit(format: Format, sources: &Sources, diagnostics: &[Diagnostic]) -> bool {
    match format {
        Format::Human => {
            let mut text = human(sources, diagnostics);
            if let Some(s) = summary(diagnostics) {
                text.push_str(&format!("{s} emitted\n"));
            }
            eprint!("{text}");
        }
        Format::Json => print!("{}", json(sources, diagnostics)),
    }
    diagnostics.iter().any(Diagnostic::is_error)
}
