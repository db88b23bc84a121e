//! `migc plan`: write the phase scripts and the manifest of a change.

use crate::exit::Failure;
use crate::render::{self, CheckSummary, PlanSummary, Report, Subject};
use crate::source::{self, Loaded};
use migc_grammar::{Diagnostic, Severity, Sources};
use migc_stdlib::Dialect;
use std::collections::BTreeMap;
use std::path::Path;

pub struct Args<'a> {
    pub from: &'a str,
    pub to: &'a str,
    pub dialect: Dialect,
    pub out: &'a Path,
    pub check: bool,
    pub allow_destructive: bool,
    pub deny_warnings: bool,
    pub format: Report,
}

pub fn run(args: &Args<'_>) -> Result<(), Failure> {
    // Refused before anything is read, and again when written.
    if !args.check {
        crate::output::check_replaceable(args.out, &crate::output::Owned::Plan)?;
    }
    let mut sources = Sources::new();
    let mut diagnostics = Vec::new();
    let mut foreign = Vec::new();
    let d = Some(args.dialect);
    let from = source::load(args.from, d, &mut sources, &mut diagnostics, &mut foreign)?;
    let mut ignored = Vec::new();
    let to = source::load(args.to, d, &mut sources, &mut diagnostics, &mut ignored)?;
    let (mut from, to) = match (from, to) {
        (Loaded::Schema(f), Loaded::Schema(t)) => (f, t),
        (f, t) => {
            for side in [f, t] {
                if let Loaded::Errors(e) = side {
                    diagnostics.extend(e);
                }
            }
            return fail(args, &sources, diagnostics);
        }
    };
    // A database read through its catalog spells what migc created its own way: where it
    // holds the declared schema exactly as stored, the plan sees the declared objects.
    // So does a dump of a dialect without servers (SQLite's `.schema`), built alike in a
    // temporary file.
    let sql = |spec: &str| spec.ends_with(".sql");
    let server = match migc_db::DbUrl::parse(args.from) {
        Some(url) => Some(url),
        None if sql(args.from) && !args.dialect.behaviour().has_server() => {
            Some(migc_db::DbUrl::Sqlite(None))
        }
        None => None,
    };
    // Two dumps are both read as written: only a database's side has the catalog's spelling.
    if let Some(url) = server {
        let dump_to_dump = sql(args.from) && sql(args.to);
        if migc_db::DbUrl::parse(args.to).is_none() && !dump_to_dump {
            if let Some(stored) = source::stored(&to, &url, &sources, &from, &mut foreign) {
                migc_runner::stored::reconcile(&mut from, &to, &stored);
            }
        }
    }
    // A dump or a database on the declared side holds every object it has: one of the deployed
    // side's it does not hold is gone from the target, and the plan drops it.
    if sql(args.to) || migc_db::DbUrl::parse(args.to).is_some() {
        leave_with_tables(&mut from, &to, &foreign);
    } else {
        keep_foreign(&mut from, &to, &foreign, &mut diagnostics);
    }
    let options = migc_planner::Options::for_dialect(args.dialect, args.allow_destructive);
    let mut plan = migc_planner::plan(&from, &to, &options);
    if args.deny_warnings {
        for d in &mut plan.diagnostics {
            d.severity = Severity::Error;
        }
    }
    diagnostics.extend(plan.diagnostics.iter().cloned());
    if diagnostics.iter().any(Diagnostic::is_error) {
        return fail(args, &sources, diagnostics);
    }
    // What the plan writes names its sources the same way from any working directory.
    let names = crate::record::Names::new(&[args.from, args.to]);
    let recorded: Vec<String> = sources.iter().map(|(_, f)| names.file(&f.name)).collect();
    let locate = |span: migc_grammar::Span| -> Option<String> {
        let name = recorded.get(span.file.0 as usize)?;
        let (line, col) = sources.line_col(span);
        Some(format!("{name}:{line}:{col}"))
    };
    let (from_label, to_label) = (names.label(args.from), names.label(args.to));
    let labels = migc_planner::Labels {
        from: &from_label,
        to: &to_label,
    };
    let files = match migc_planner::render(&plan, &from, &to, args.dialect, &labels, &locate) {
        Ok(mut files) => {
            if args.deny_warnings {
                for d in &mut files.warnings {
                    d.severity = Severity::Error;
                }
            }
            let failed = files.warnings.iter().any(Diagnostic::is_error);
            diagnostics.append(&mut files.warnings);
            if failed {
                return fail(args, &sources, diagnostics);
            }
            files
        }
        Err(errors) => {
            diagnostics.extend(errors);
            return fail(args, &sources, diagnostics);
        }
    };
    let steps = files.steps;
    if let Some(d) = rebuild_loses_foreign(&files.rebuilt, &foreign, &to) {
        diagnostics.push(d);
        return fail(args, &sources, diagnostics);
    }
    let files = files.files;
    let stale = args.check.then(|| stale(args.out, &files));
    if !diagnostics.is_empty() || args.format.is_machine() {
        let summary = PlanSummary {
            out: crate::input::display(args.out),
            steps,
            files: files.keys().cloned().collect(),
            check: stale.as_ref().map(|stale| CheckSummary {
                up_to_date: stale.is_empty(),
                stale: stale.clone(),
            }),
        };
        render::report(
            args.format,
            Subject(&subject(args)),
            &sources,
            &diagnostics,
            Some(&summary),
        );
    }
    if let Some(stale) = stale {
        return report_check(args.out, &stale, args.format);
    }
    crate::output::replace(args.out, &files, &crate::output::Owned::Plan)?;
    if args.format == Report::Human {
        println!(
            "wrote {} ({} steps, {} files)",
            crate::input::display(args.out),
            steps,
            files.len()
        );
    }
    Ok(())
}

/// Objects of the deployed database that migc cannot read stay where they are: a native block
/// standing for one is taken out of the deployed side when the declared schema does not have it,
/// so that the plan does not undo it.
fn keep_foreign(
    from: &mut migc_compiler::schema::Schema,
    to: &migc_compiler::schema::Schema,
    foreign: &source::Foreign,
    diagnostics: &mut Vec<Diagnostic>,
) {
    for u in foreign {
        let name = u.native_name();
        if from.natives.contains_key(&name) && !to.natives.contains_key(&name) {
            from.natives.remove(&name);
            diagnostics.push(
                Diagnostic::warning(
                    migc_grammar::Code::NotImported,
                    format!("{} `{}` is not declared; the plan leaves it in place", u.kind, u.name),
                )
                .help(format!(
                    "declare it as native block `{name}` (`migc import` writes it) to have migc manage it"
                )),
            );
        }
    }
}

/// Objects of the deployed database that migc cannot read on a table the plan drops, or over
/// columns it drops, go with them: the native block standing for one is not undone after them.
fn leave_with_tables(
    from: &mut migc_compiler::schema::Schema,
    to: &migc_compiler::schema::Schema,
    foreign: &source::Foreign,
) {
    let kept = |table: &str| {
        to.tables.get(table).or_else(|| {
            to.tables
                .values()
                .find(|t| t.renamed_from.as_deref() == Some(table))
        })
    };
    for u in foreign {
        let name = u.native_name();
        let gone = u.table.as_deref().is_some_and(|t| match kept(t) {
            None => true,
            Some(t) => !u.columns.is_empty() && u.columns.iter().all(|c| t.column(c).is_none()),
        });
        if gone && !to.natives.contains_key(&name) {
            from.natives.remove(&name);
        }
    }
}

/// A table rebuild (SQLite) recreates the table with what migc knows of it: triggers and
/// indexes it could not read would be lost, so such a plan is refused, unless the declared
/// schema has each as a native block (`migc import` writes them so), which the rebuild makes
/// again.
fn rebuild_loses_foreign(
    rebuilt: &std::collections::BTreeSet<String>,
    foreign: &source::Foreign,
    to: &migc_compiler::schema::Schema,
) -> Option<Diagnostic> {
    let rebuilt = |table: &str| rebuilt.contains(table);
    let lost: Vec<String> = foreign
        .iter()
        .filter(|u| u.table.as_deref().is_some_and(rebuilt))
        .filter(|u| !to.natives.contains_key(&u.native_name()))
        .map(|u| {
            format!(
                "{} `{}` on table `{}`",
                u.kind,
                u.name,
                u.table.as_deref().unwrap_or_default()
            )
        })
        .collect();
    if lost.is_empty() {
        return None;
    }
    let mut d = Diagnostic::error(
        migc_grammar::Code::Unsupported,
        "the plan rebuilds a table that has objects migc cannot read; they would be lost",
    )
    .help("drop them before the rollout and recreate them after it, or change the table without a rebuild");
    for l in lost {
        d = d.note(l);
    }
    Some(d)
}

fn fail(
    args: &Args<'_>,
    sources: &Sources,
    mut diagnostics: Vec<Diagnostic>,
) -> Result<(), Failure> {
    migc_grammar::sort_diagnostics(&mut diagnostics);
    render::report(
        args.format,
        Subject(&subject(args)),
        sources,
        &diagnostics,
        None,
    );
    Err(Failure::Input)
}

/// What a finding without a place in the text is about: the declared schema, or the deployed
/// one when the declared schema is not a path (a database, `empty`); a URL redacted.
fn subject(args: &Args<'_>) -> String {
    let path = |spec: &str| spec != "empty" && !spec.contains("://");
    let spec = if path(args.to) || !path(args.from) {
        args.to
    } else {
        args.from
    };
    if path(spec) {
        crate::input::display(Path::new(spec))
    } else {
        source::shown(spec)
    }
}

/// What differs between `dir` and the plan's `files`, empty when it is up to date.
fn stale(dir: &Path, files: &BTreeMap<String, String>) -> Vec<String> {
    let mut stale = Vec::new();
    for (name, text) in files {
        match std::fs::read_to_string(dir.join(name)) {
            Ok(existing) if &existing == text => {}
            Ok(_) => stale.push(format!("{name} differs")),
            Err(_) => stale.push(format!("{name} is missing")),
        }
    }
    if let Ok(entries) = std::fs::read_dir(dir) {
        let mut extra: Vec<String> = entries
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| crate::output::is_plan_file(n) && !files.contains_key(n))
            .collect();
        extra.sort();
        stale.extend(
            extra
                .into_iter()
                .map(|n| format!("{n} should not be there")),
        );
    }
    stale
}

/// Says whether `dir` is up to date: on standard output for people, on standard error when
/// standard output holds a document for machines (whose plan summary says it too).
fn report_check(dir: &Path, stale: &[String], format: Report) -> Result<(), Failure> {
    let mut text = String::new();
    if stale.is_empty() {
        text.push_str(&format!("{} is up to date\n", crate::input::display(dir)));
    } else {
        text.push_str(&format!("{} is stale:\n", crate::input::display(dir)));
        for s in stale {
            text.push_str(&format!("  {s}\n"));
        }
    }
    if format.is_machine() {
        eprint!("{text}");
    } else {
        print!("{text}");
    }
    if stale.is_empty() {
        Ok(())
    } else {
        Err(Failure::Input)
    }
}
