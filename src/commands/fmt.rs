//! `migc fmt`: rewrite `.mig` files in the canonical layout.

use crate::exit::Failure;
use crate::input;
use crate::render::{self, Format};
use std::path::PathBuf;

pub fn run(paths: &[PathBuf], check: bool, format: Format) -> Result<(), Failure> {
    let input = input::load(paths)?;
    let mut diagnostics = Vec::new();
    let mut formatted = Vec::new();
    for (i, &file) in input.files.iter().enumerate() {
        let text = &input.sources.get(file).text;
        match migc_grammar::parse(file, text) {
            Ok(ast) => {
                let out = migc_grammar::format::format(&ast, text);
                // The canonical text must parse: a failure here is a formatter bug, and the
                // file is left untouched.
                if let Err(errors) = migc_grammar::parse(file, &out) {
                    return Err(Failure::Usage(format!(
                        "internal error: formatting `{}` gave text that does not parse ({}); the file was not changed",
                        input.paths[i].display(),
                        errors[0].message
                    )));
                }
                formatted.push((i, out));
            }
            Err(errors) => diagnostics.extend(errors),
        }
    }
    if !diagnostics.is_empty() {
        render::emit(format, &input.sources, &diagnostics);
        return Err(Failure::Input);
    }
    let mut changed = Vec::new();
    for (i, out) in formatted {
        if input.sources.get(input.files[i]).text != out {
            changed.push((i, out));
        }
    }
    if check {
        for (i, _) in &changed {
            println!("would reformat {}", input::display(&input.paths[*i]));
        }
        return if changed.is_empty() {
            Ok(())
        } else {
            Err(Failure::Input)
        };
    }
    for (i, out) in changed {
        crate::cli::write_atomically(&input.paths[i], out.as_bytes())?;
        println!("reformatted {}", input::display(&input.paths[i]));
    }
    Ok(())
}
