//! `migc export`: a written plan as another migration runner's migrations.

use crate::exit::Failure;
use crate::export::{self, Runner};
use crate::output::{self, Owned};
use crate::render::Format;
use std::path::Path;

pub struct Args<'a> {
    pub dir: &'a Path,
    pub runner: Runner,
    pub out: &'a Path,
    pub version_base: u64,
    pub format: Format,
}

pub fn run(args: &Args<'_>) -> Result<(), Failure> {
    let plan = match migc_runner::PlanDir::read(args.dir) {
        Ok(p) => p,
        Err(e) if e.kind == migc_runner::Kind::Refused => {
            return refuse(
                args.format,
                &format!("`{}`: {}", crate::input::display(args.dir), e.message),
                Some("write the plan again with `migc plan`: exported migrations come from the scripts the manifest vouches for"),
            )
        }
        Err(e) => {
            return Err(Failure::Usage(format!(
                "`{}` is not a plan written by `migc plan`: {}",
                crate::input::display(args.dir),
                e.message
            )))
        }
    };
    let exported = match export::export(&plan, args.runner, args.version_base) {
        Ok(x) => x,
        Err(r) => return refuse(args.format, &r.message, r.help.as_deref()),
    };
    output::replace(args.out, &exported.files, &Owned::Export(&exported.files))?;
    match args.format {
        Format::Json => {
            let doc = serde_json::json!({
                "runner": args.runner.name(),
                "dialect": plan.dialect.name(),
                "out": crate::input::display(args.out),
                "migrations": exported.migrations,
                "files": exported.files.keys().collect::<Vec<_>>(),
                "notes": exported.notes,
            });
            println!("{doc:#}");
        }
        Format::Human => {
            eprintln!(
                "wrote {} {} migration{} ({} file{}) to `{}`",
                exported.migrations.len(),
                args.runner.name(),
                if exported.migrations.len() == 1 {
                    ""
                } else {
                    "s"
                },
                exported.files.len(),
                if exported.files.len() == 1 { "" } else { "s" },
                crate::input::display(args.out)
            );
            for note in &exported.notes {
                eprintln!("note: {note}");
            }
        }
    }
    Ok(())
}

/// The plan cannot be exported as asked: nothing is written, exit 1.
fn refuse(format: Format, message: &str, help: Option<&str>) -> Result<(), Failure> {
    eprintln!("error: {message}");
    if let Some(h) = help {
        eprintln!("  help: {h}");
    }
    if format == Format::Json {
        let doc = serde_json::json!({
            "error": {"message": message, "help": help, "exit_code": crate::exit::INPUT},
        });
        println!("{doc:#}");
    }
    Err(Failure::Input)
}
