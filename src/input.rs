//! Reading `.mig` files from the paths given on the command line.

use crate::exit::Failure;
use migc_grammar::{FileId, Sources};
use std::path::{Path, PathBuf};

/// The files of one schema, in a stable order (sorted by path within each directory argument).
pub struct Input {
    pub sources: Sources,
    pub files: Vec<FileId>,
    /// The path of each file, by `FileId` index.
    pub paths: Vec<PathBuf>,
}

/// Loads every `.mig` file named or found (recursively) under the given paths.
pub fn load(paths: &[PathBuf]) -> Result<Input, Failure> {
    let mut found = Vec::new();
    for path in paths {
        let meta = std::fs::metadata(path).map_err(|e| {
            Failure::Usage(format!(
                "cannot read `{}`: {}",
                path.display(),
                io_reason(&e)
            ))
        })?;
        if meta.is_dir() {
            let before = found.len();
            walk(path, &mut found)?;
            if found.len() == before {
                return Err(Failure::Usage(format!(
                    "no `.mig` files in directory `{}`",
                    path.display()
                )));
            }
        } else {
            found.push(path.clone());
        }
    }
    if found.is_empty() {
        return Err(Failure::Usage("no `.mig` files given".to_string()));
    }
    // A file named twice (`migc check . a.mig`) is read once: twice would declare everything
    // in it twice.
    let mut seen = std::collections::BTreeSet::new();
    found.retain(|p| seen.insert(std::fs::canonicalize(p).unwrap_or_else(|_| p.clone())));
    let mut input = Input {
        sources: Sources::new(),
        files: Vec::new(),
        paths: Vec::new(),
    };
    for path in found {
        let bytes = std::fs::read(&path).map_err(|e| {
            Failure::Usage(format!(
                "cannot read `{}`: {}",
                path.display(),
                io_reason(&e)
            ))
        })?;
        let text = String::from_utf8(bytes).map_err(|e| {
            Failure::Usage(format!(
                "`{}` is not UTF-8 text (invalid byte at offset {})",
                path.display(),
                e.utf8_error().valid_up_to()
            ))
        })?;
        let id = input.sources.add(display(&path), text);
        input.files.push(id);
        input.paths.push(path);
    }
    Ok(input)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), Failure> {
    let entries = std::fs::read_dir(dir).map_err(|e| {
        Failure::Usage(format!(
            "cannot read `{}`: {}",
            dir.display(),
            io_reason(&e)
        ))
    })?;
    let mut paths: Vec<PathBuf> = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| {
            Failure::Usage(format!(
                "cannot read `{}`: {}",
                dir.display(),
                io_reason(&e)
            ))
        })?;
        paths.push(entry.path());
    }
    paths.sort();
    for path in paths {
        if path.is_dir() {
            walk(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "mig") {
            out.push(path);
        }
    }
    Ok(())
}

/// A path as shown in diagnostics: with `/` separators, without a leading `./`.
pub fn display(path: &Path) -> String {
    let s = path.to_string_lossy().replace('\\', "/");
    s.strip_prefix("./").map(str::to_string).unwrap_or(s)
}

/// An I/O error's reason without the OS error number.
pub fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => {
            let s = e.to_string();
            match s.find(" (os error") {
                Some(i) => s[..i].to_string(),
                None => s,
            }
        }
    }
}
