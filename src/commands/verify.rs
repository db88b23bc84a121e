//! `migc verify`: prove a plan on a scratch database.

use crate::exit::Failure;
use crate::render::{self, Format};
use crate::source::{self, Loaded};
use migc_compiler::schema::Schema;
use migc_db::DbUrl;
use migc_grammar::Sources;
use migc_planner::Labels;
use migc_runner::verify::{self, Case};
use migc_runner::{PlanDir, Scratch};
use migc_stdlib::Dialect;

pub struct Args<'a> {
    pub from: &'a str,
    pub to: &'a str,
    pub dialect: Option<Dialect>,
    pub url: Option<&'a str>,
    pub rows: u64,
    pub allow_destructive: bool,
    pub format: Format,
}

pub fn run(args: &Args<'_>) -> Result<(), Failure> {
    let server = match args.url {
        Some(u) => Some(super::apply::url(u)?),
        None => None,
    };
    // Without a server, the scratch database is embedded (SQLite unless named).
    let dialect = match (&server, args.dialect) {
        (Some(u), _) => u.dialect(),
        (None, None) => DbUrl::Sqlite(None).dialect(),
        (None, Some(d)) if !d.behaviour().has_server() => d,
        (None, Some(d)) => {
            return Err(Failure::Usage(format!(
                "verifying on {d} needs a server: give `--url` (a scratch database is created on it and dropped)"
            )))
        }
    };
    let mut sources = Sources::new();
    let mut diagnostics = Vec::new();
    // Objects outside the model (of a database or dump given as a source) are not built in the
    // scratch database; loading them warns about each.
    let mut foreign = Vec::new();
    let d = Some(dialect);
    let from = source::load(args.from, d, &mut sources, &mut diagnostics, &mut foreign)?;
    let to = source::load(args.to, d, &mut sources, &mut diagnostics, &mut foreign)?;
    let (from, to) = match (from, to) {
        (Loaded::Schema(f), Loaded::Schema(t)) => (f, t),
        (f, t) => {
            for side in [f, t] {
                if let Loaded::Errors(e) = side {
                    diagnostics.extend(e);
                }
            }
            migc_grammar::sort_diagnostics(&mut diagnostics);
            render::emit(args.format, &sources, &diagnostics);
            return Err(Failure::Input);
        }
    };
    let empty = Schema::default();
    let mut plan_diagnostics = Vec::new();
    let names = crate::record::Names::new(&[args.from, args.to]);
    let (from_label, to_label) = (names.label(args.from), names.label(args.to));
    let locate = crate::record::locator(&names, &sources);
    let deploy = PlanDir::plan(
        &empty,
        &from,
        &Labels {
            from: "empty",
            to: &from_label,
        },
        dialect,
        true,
        &locate,
        &mut Vec::new(),
    );
    let plan = PlanDir::plan(
        &from,
        &to,
        &Labels {
            from: &from_label,
            to: &to_label,
        },
        dialect,
        args.allow_destructive,
        &locate,
        &mut plan_diagnostics,
    );
    diagnostics.extend(plan_diagnostics);
    migc_grammar::sort_diagnostics(&mut diagnostics);
    let (Some(deploy), Some(plan)) = (deploy, plan) else {
        if diagnostics.is_empty() {
            eprintln!(
                "error: `{}` cannot be built on {dialect}",
                source::shown(args.from)
            );
        }
        render::emit(args.format, &sources, &diagnostics);
        return Err(Failure::Input);
    };
    // A server gets a scratch database made and dropped; an SQLite file that does not exist
    // yet becomes the scratch database and is kept for inspection.
    let scratch = match &server {
        Some(DbUrl::Sqlite(Some(path))) if path.exists() => {
            return Err(Failure::Usage(format!(
                "`{}` exists; verify builds its scratch database from nothing: name a new file",
                path.display()
            )))
        }
        Some(s) if s.dialect().behaviour().has_server() => {
            Some(Scratch::create(s).map_err(super::apply::failure)?)
        }
        _ => None,
    };
    let url = match (&scratch, &server) {
        (Some(s), _) => s.url.clone(),
        (None, Some(u)) => u.clone(),
        (None, None) => DbUrl::Sqlite(None),
    };
    let where_ = match &server {
        Some(DbUrl::Sqlite(Some(p))) => format!("the new SQLite file {} (kept)", p.display()),
        Some(DbUrl::Sqlite(None)) | None => "an embedded SQLite scratch database".to_string(),
        Some(s) => format!("a scratch database on {}", s.redacted()),
    };
    if args.format == Format::Human {
        println!(
            "verify {} -> {} on {dialect}, {where_}, {} rows per table",
            source::shown(args.from),
            source::shown(args.to),
            args.rows
        );
    }
    let report = {
        // The scratch database: a new SQLite file is made here.
        let mut conn = super::apply::connect(&url, true)?;
        verify::run(
            &url,
            conn.as_mut(),
            &Case {
                from: &from,
                to: &to,
                deploy: &deploy,
                plan: &plan,
                rows: args.rows,
            },
        )
        .map_err(super::apply::failure)?
    };
    drop(scratch);
    let violations = report.violations().len();
    match args.format {
        Format::Human => {
            print!("{}", report.render());
            if violations == 0 {
                println!("ok: every promise of the plan's compatibility matrix holds");
            } else {
                println!("{violations} violations");
            }
        }
        Format::Json => {
            let findings: serde_json::Value =
                serde_json::from_str(&render::json(&sources, &diagnostics)).unwrap_or_default();
            let doc = serde_json::json!({
                "format": FORMAT,
                "from": source::shown(args.from),
                "to": source::shown(args.to),
                "dialect": dialect.to_string(),
                "database": where_,
                "rows": args.rows,
                "seeded": report.seeded,
                "phases": report.lines.iter().map(|l| serde_json::json!({
                    "phase": l.phase,
                    "apply_error": l.apply,
                    "old_app": cell(&l.old),
                    "new_app": cell(&l.new),
                    "rollback": cell(&l.rollback),
                    "rollback_loses": l.loses,
                })).collect::<Vec<_>>(),
                "notes": report.notes,
                "violations": report.violations(),
                "diagnostics": findings["diagnostics"],
            });
            println!("{doc:#}");
        }
    }
    if violations == 0 {
        Ok(())
    } else {
        Err(Failure::Input)
    }
}

/// The version of the JSON document (schemas/migc-verify-1.schema.json).
const FORMAT: &str = "migc-verify-1";

/// What was observed in one cell of the matrix: `works`, `broken` (fails where the plan
/// promises it works), `fails` (where nothing is promised) or `not_run`, with why.
fn cell(c: &migc_runner::verify::Cell) -> serde_json::Value {
    use migc_runner::verify::Cell;
    let (result, why) = match c {
        Cell::Works => ("works", None),
        Cell::Broken(why) => ("broken", Some(why)),
        Cell::Fails(why) => ("fails", Some(why)),
        Cell::NotRun => ("not_run", None),
    };
    serde_json::json!({"result": result, "why": why})
}
