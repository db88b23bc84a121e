//! Diagnostics for people (codespan-reporting) and for machines (JSON, SARIF, GitHub Actions
//! workflow commands).

mod github;
mod sarif;
pub mod shown;

use codespan_reporting::diagnostic as cs;
use codespan_reporting::files::{self as cs_files, Files};
use codespan_reporting::term;
use migc_grammar::{Diagnostic, FileId, Severity, Sources, Span};
use serde::Serialize;
use std::ops::Range;

/// The output format of diagnostics.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Annotated source snippets, for people.
    #[default]
    Human,
    /// One JSON document on standard output, for machines.
    Json,
}

/// The output format of the commands whose output is diagnostics (`check`, `plan`): those of
/// [`Format`], and two for code-scanning and CI annotations.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Report {
    /// Annotated source snippets, for people.
    #[default]
    Human,
    /// One JSON document on standard output (`migc-diagnostics-1`), for machines.
    Json,
    /// One SARIF 2.1.0 log on standard output, for code scanning (GitHub, GitLab, IDEs).
    Sarif,
    /// One GitHub Actions workflow command per diagnostic on standard output
    /// (`::error file=…,line=…::message`): annotations on the pull request.
    Github,
}

impl From<Format> for Report {
    fn from(f: Format) -> Report {
        match f {
            Format::Human => Report::Human,
            Format::Json => Report::Json,
        }
    }
}

impl Report {
    /// Whether standard output belongs to a document for machines, so that nothing else may
    /// be printed there.
    pub fn is_machine(self) -> bool {
        self != Report::Human
    }
}

/// When diagnostics printed for people are coloured (`--color`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    /// On a terminal, unless the environment variable `NO_COLOR` is set (and not empty) or
    /// `TERM` is `dumb`.
    #[default]
    Auto,
    /// Always, even when `NO_COLOR` is set or the output is not a terminal.
    Always,
    /// Never.
    Never,
}

impl ColorChoice {
    /// Whether to colour, given whether standard error is a terminal and the environment's
    /// `NO_COLOR` and `TERM` (the convention of no-color.org: `NO_COLOR` turns off what is on
    /// by default; a command-line choice overrides it).
    pub fn colors(
        self,
        terminal: bool,
        no_color: Option<&std::ffi::OsStr>,
        term: Option<&std::ffi::OsStr>,
    ) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                terminal
                    && no_color.is_none_or(|v| v.is_empty())
                    && term.is_none_or(|t| t != "dumb")
            }
        }
    }
}

/// Whether [`report`] colours what it prints for people: set once from `--color`, when the
/// command line is read.
static COLOR: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Makes [`report`] and [`emit`] colour diagnostics printed for people (or not).
pub fn set_color(on: bool) {
    COLOR.store(on, std::sync::atomic::Ordering::Relaxed);
}

/// What a run was about, for findings that point at no text: the path or source given on the
/// command line (SARIF needs a location for every result).
#[derive(Clone, Copy, Debug)]
pub struct Subject<'a>(pub &'a str);

/// A summary of a written (or checked) plan, added to the JSON document of `migc plan`.
#[derive(Clone, Debug, Serialize)]
pub struct PlanSummary {
    /// The plan directory, as given.
    pub out: String,
    pub steps: usize,
    /// The files of the plan, by name.
    pub files: Vec<String>,
    /// With `--check`: whether the directory holds the plan as it would be written, and what
    /// differs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub check: Option<CheckSummary>,
}

#[derive(Clone, Debug, Serialize)]
pub struct CheckSummary {
    pub up_to_date: bool,
    pub stale: Vec<String>,
}

/// Renders diagnostics as text, the way they appear on a terminal.
pub fn human(sources: &Sources, diagnostics: &[Diagnostic]) -> String {
    human_with(sources, diagnostics, false)
}

/// Renders diagnostics as text, coloured with ANSI escapes when `color` says so.
pub fn human_with(sources: &Sources, diagnostics: &[Diagnostic], color: bool) -> String {
    let diagnostics = shown::diagnostics(diagnostics, shown::Output::Terminal);
    let files = ShownFiles::new(sources, &diagnostics);
    let config = term::Config::default();
    let mut out = String::new();
    for d in &diagnostics {
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
                    cs::Label::new(style, l.span.file.0 as usize, files.range(l.span))
                        .with_message(&l.message)
                })
                .collect(),
        );
        let mut notes: Vec<String> = d.notes.iter().map(|n| format!("note: {n}")).collect();
        if let Some(h) = &d.help {
            notes.push(format!("help: {h}"));
        }
        c = c.with_notes(notes);
        let text = if color {
            let mut ansi = term::termcolor::Ansi::new(Vec::new());
            term::emit_to_write_style(&mut ansi, &config, &files, &c)
                .map(|()| String::from_utf8_lossy(&ansi.into_inner()).into_owned())
        } else {
            term::emit_into_string(&config, &files, &c)
        };
        match text {
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

/// The files of a rendering, as the terminal shows them (shown.rs): what the labels point at,
/// with control characters escaped and long lines cut; columns are still counted in the file.
struct ShownFiles<'a> {
    sources: &'a Sources,
    /// By file: its name and text as shown, and where its lines start; `None` for a file no
    /// label points at.
    files: Vec<Option<ShownFile<'a>>>,
}

struct ShownFile<'a> {
    name: String,
    source: shown::Source<'a>,
    line_starts: Vec<usize>,
}

impl<'a> ShownFiles<'a> {
    fn new(sources: &'a Sources, diagnostics: &[Diagnostic]) -> ShownFiles<'a> {
        let mut points: Vec<Vec<usize>> = vec![Vec::new(); sources.len()];
        for label in diagnostics.iter().flat_map(|d| &d.labels) {
            if let Some(points) = points.get_mut(label.span.file.0 as usize) {
                points.extend([label.span.start as usize, label.span.end as usize]);
            }
        }
        let files = points
            .into_iter()
            .enumerate()
            .map(|(i, mut points)| {
                if points.is_empty() {
                    return None;
                }
                points.sort_unstable();
                let file = sources.get(FileId(i as u32));
                let source = shown::Source::new(&file.text, &points);
                let line_starts = cs_files::line_starts(&source.text).collect();
                Some(ShownFile {
                    name: shown::inert(&file.name).into_owned(),
                    source,
                    line_starts,
                })
            })
            .collect();
        ShownFiles { sources, files }
    }

    fn file(&self, id: usize) -> Result<&ShownFile<'a>, cs_files::Error> {
        self.files
            .get(id)
            .and_then(Option::as_ref)
            .ok_or(cs_files::Error::FileMissing)
    }

    /// Where a span's text is shown (a span of a file without text is left as it is).
    fn range(&self, span: Span) -> Range<usize> {
        match self.file(span.file.0 as usize) {
            Ok(f) => {
                let start = f.source.to_shown(span.start as usize, false);
                start..f.source.to_shown(span.end as usize, true).max(start)
            }
            Err(_) => span.range(),
        }
    }

    fn line_start(&self, id: usize, line: usize) -> Result<usize, cs_files::Error> {
        let f = self.file(id)?;
        match line.cmp(&f.line_starts.len()) {
            std::cmp::Ordering::Less => Ok(f.line_starts[line]),
            std::cmp::Ordering::Equal => Ok(f.source.text.len()),
            std::cmp::Ordering::Greater => Err(cs_files::Error::LineTooLarge {
                given: line,
                max: f.line_starts.len() - 1,
            }),
        }
    }
}

impl<'a> Files<'a> for ShownFiles<'_> {
    type FileId = usize;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: usize) -> Result<&'a str, cs_files::Error> {
        Ok(&self.file(id)?.name)
    }

    fn source(&'a self, id: usize) -> Result<&'a str, cs_files::Error> {
        Ok(&self.file(id)?.source.text)
    }

    fn line_index(&'a self, id: usize, byte_index: usize) -> Result<usize, cs_files::Error> {
        let starts = &self.file(id)?.line_starts;
        Ok(starts
            .partition_point(|&s| s <= byte_index)
            .saturating_sub(1))
    }

    fn line_range(&'a self, id: usize, line: usize) -> Result<Range<usize>, cs_files::Error> {
        Ok(self.line_start(id, line)?..self.line_start(id, line + 1)?)
    }

    /// The column in the file, not in the text shown (which may hold escapes and cuts).
    fn column_number(
        &'a self,
        id: usize,
        _line: usize,
        byte_index: usize,
    ) -> Result<usize, cs_files::Error> {
        let at = self.file(id)?.source.to_file(byte_index);
        let file = FileId(id as u32);
        Ok(self.sources.line_col(Span::new(file, at, at)).1)
    }
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

/// The version of the JSON document of diagnostics (schemas/migc-diagnostics-1.schema.json).
pub const DIAGNOSTICS_FORMAT: &str = "migc-diagnostics-1";

#[derive(Serialize)]
struct JsonReport<'a> {
    format: &'static str,
    errors: usize,
    warnings: usize,
    diagnostics: Vec<JsonDiagnostic<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    plan: Option<&'a PlanSummary>,
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
    json_with(sources, diagnostics, None)
}

/// Renders diagnostics as one SARIF 2.1.0 log (with a trailing newline); a finding without a
/// place in the text is located at `subject`.
pub fn sarif(subject: Subject<'_>, sources: &Sources, diagnostics: &[Diagnostic]) -> String {
    sarif::log(subject, sources, diagnostics)
}

/// Renders diagnostics as GitHub Actions workflow commands, one line each.
pub fn github(sources: &Sources, diagnostics: &[Diagnostic]) -> String {
    github::commands(sources, diagnostics)
}

/// The JSON document, with the summary of a plan when there is one.
fn json_with(sources: &Sources, diagnostics: &[Diagnostic], plan: Option<&PlanSummary>) -> String {
    let diagnostics = &shown::diagnostics(diagnostics, shown::Output::Json);
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let report = JsonReport {
        format: DIAGNOSTICS_FORMAT,
        plan,
        errors,
        warnings: diagnostics.len() - errors,
        diagnostics: diagnostics
            .iter()
            .map(|d| {
                let labels: Vec<JsonLabel<'_>> = d
                    .labels
                    .iter()
                    .filter_map(|l| {
                        let at = Located::of(sources, l.span)?;
                        Some(JsonLabel {
                            file: at.file,
                            line: at.line,
                            column: at.column,
                            end_line: at.end_line,
                            end_column: at.end_column,
                            primary: l.primary,
                            message: &l.message,
                        })
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
    let mut text = shown::json(serde_json::to_string_pretty(&report).unwrap_or_default());
    text.push('\n');
    text
}

/// Where a span is: its file's name and 1-based lines and columns (in characters); the end is
/// the position just after the span. `None` for a span of a file `sources` does not have (a
/// schema read from a snapshot carries no text).
pub(crate) struct Located<'a> {
    pub file: &'a str,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

impl<'a> Located<'a> {
    pub fn of(sources: &'a Sources, span: migc_grammar::Span) -> Option<Located<'a>> {
        if span.file.0 as usize >= sources.len() {
            return None;
        }
        let (line, column) = sources.line_col(span);
        let end = migc_grammar::Span::new(span.file, span.end as usize, span.end as usize);
        let (end_line, end_column) = sources.line_col(end);
        // A span whose end lies before its start (never made on purpose) is read as empty.
        let (end_line, end_column) = if (end_line, end_column) < (line, column) {
            (line, column)
        } else {
            (end_line, end_column)
        };
        Some(Located {
            file: &sources.get(span.file).name,
            line,
            column,
            end_line,
            end_column,
        })
    }
}

/// Prints diagnostics in the chosen format: human text on standard error, JSON on standard
/// output. Returns whether any was an error.
pub fn emit(format: Format, sources: &Sources, diagnostics: &[Diagnostic]) -> bool {
    report(format.into(), Subject("."), sources, diagnostics, None)
}

/// Prints diagnostics in the chosen format: human text on standard error, the machine formats
/// on standard output (JSON with the summary of a plan when there is one). Returns whether any
/// was an error.
pub fn report(
    format: Report,
    subject: Subject<'_>,
    sources: &Sources,
    diagnostics: &[Diagnostic],
    plan: Option<&PlanSummary>,
) -> bool {
    match format {
        Report::Human => {
            let color = COLOR.load(std::sync::atomic::Ordering::Relaxed);
            let mut text = human_with(sources, diagnostics, color);
            if let Some(s) = summary(diagnostics) {
                text.push_str(&format!("{s} emitted\n"));
            }
            eprint!("{text}");
        }
        Report::Json => print!("{}", json_with(sources, diagnostics, plan)),
        Report::Sarif => print!("{}", sarif(subject, sources, diagnostics)),
        Report::Github => print!("{}", github(sources, diagnostics)),
    }
    diagnostics.iter().any(Diagnostic::is_error)
}

/// A usage or I/O error (exit 2) in a machine format, for standard output: the JSON error
/// object (on one line where the command prints JSON lines, `line`), a SARIF log whose run did
/// not complete, or one workflow command.
pub fn usage_error(format: Report, message: &str, line: bool) -> Option<String> {
    match format {
        Report::Human => None,
        Report::Json => {
            let doc = serde_json::json!({
                "format": ERROR_FORMAT,
                "error": {"message": message, "exit_code": crate::exit::USAGE},
            });
            Some(shown::json(if line {
                format!("{doc}\n")
            } else {
                format!("{doc:#}\n")
            }))
        }
        Report::Sarif => Some(sarif::failed(message)),
        Report::Github => Some(github::failed(message)),
    }
}

/// The version of the JSON error object (schemas/migc-error-1.schema.json).
pub const ERROR_FORMAT: &str = "migc-error-1";

#[cfg(test)]
mod tests {
    use super::ColorChoice;
    use std::ffi::OsStr;

    #[test]
    fn color_follows_the_flag_the_terminal_and_no_color() {
        let set = Some(OsStr::new("1"));
        let empty = Some(OsStr::new(""));
        let dumb = Some(OsStr::new("dumb"));
        let xterm = Some(OsStr::new("xterm-256color"));
        // auto: a terminal, unless NO_COLOR (not empty) or TERM=dumb.
        assert!(ColorChoice::Auto.colors(true, None, xterm));
        assert!(ColorChoice::Auto.colors(true, empty, None));
        assert!(!ColorChoice::Auto.colors(true, set, xterm));
        assert!(!ColorChoice::Auto.colors(true, None, dumb));
        assert!(!ColorChoice::Auto.colors(false, None, xterm));
        // always and never decide alone; always overrides NO_COLOR.
        assert!(ColorChoice::Always.colors(false, set, dumb));
        assert!(!ColorChoice::Never.colors(true, None, xterm));
    }
}
