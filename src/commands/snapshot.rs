//! `migc snapshot`: the resolved model as versioned JSON.

use crate::exit::Failure;
use crate::render::Format;
use std::path::{Path, PathBuf};

pub fn run(paths: &[PathBuf], output: Option<&Path>, format: Format) -> Result<(), Failure> {
    let (schema, _) = super::check::compile(paths, format.into())?;
    let text = migc_compiler::snapshot::to_json(&schema);
    match output {
        Some(path) => crate::cli::write_atomically(path, text.as_bytes()),
        None => {
            print!("{text}");
            Ok(())
        }
    }
}
