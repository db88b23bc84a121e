//! Output directories written as a whole (`migc plan --out`, `migc import -o`).
//!
//! A directory is only ever replaced when it holds nothing but what the same command writes
//! (a plan, or the `.mig` files of an import): any other existing path — a regular file, a
//! directory with something else in it — is refused before anything is written, and left as it
//! was. The new content is written to a temporary sibling directory that then takes the
//! directory's place, so that the directory never holds half an output, and a failure leaves
//! the old one in place.

use crate::exit::Failure;
use crate::input::{display, io_reason};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// What a command may replace.
pub enum Owned<'a> {
    /// A plan: `manifest.json` written by migc, and only the files a plan has (`*.up.sql`,
    /// `*.down.sql`), no directory.
    Plan,
    /// An import: `.mig` files, all of them among those it writes, in directories.
    Import(&'a BTreeMap<String, String>),
    /// An export: files, all of them among those it writes, and nothing else.
    Export(&'a BTreeMap<String, String>),
}

/// Files a plan directory holds.
pub fn is_plan_file(name: &str) -> bool {
    name == "manifest.json" || name.ends_with(".up.sql") || name.ends_with(".down.sql")
}

/// Whether `dir` may be replaced: it does not exist, or it is an empty directory, or it holds
/// only what `owned` accepts. Reads only.
pub fn check_replaceable(dir: &Path, owned: &Owned<'_>) -> Result<(), Failure> {
    let shown = display(dir);
    let refuse = |why: String| {
        let what = match owned {
            Owned::Plan => "a plan",
            Owned::Import(_) => "imported .mig files",
            Owned::Export(_) => "migrations exported",
        };
        Failure::Usage(format!(
            "`{shown}` {why}; nothing was written\n  help: name a new or empty directory, or one holding only {what} written by migc"
        ))
    };
    let meta = match std::fs::metadata(dir) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => {
            return Err(Failure::Usage(format!(
                "cannot read `{shown}`: {}",
                io_reason(&e)
            )))
        }
    };
    if !meta.is_dir() {
        return Err(refuse("exists and is not a directory".into()));
    }
    let entries = list(dir)
        .map_err(|e| Failure::Usage(format!("cannot read `{shown}`: {}", io_reason(&e))))?;
    if entries.is_empty() {
        return Ok(());
    }
    match owned {
        Owned::Plan => {
            let foreign: Vec<&str> = entries
                .iter()
                .filter(|(name, kind)| {
                    !(*kind == Kind::File && !name.contains('/') && is_plan_file(name))
                })
                .map(|(name, _)| name.as_str())
                .collect();
            if let Some(first) = foreign.first() {
                return Err(refuse(format!(
                    "is not a plan directory: it holds `{first}`{}, which a plan does not have",
                    more(foreign.len())
                )));
            }
            if !written_by_migc(&dir.join("manifest.json")) {
                return Err(refuse(
                    "is not a plan directory: it has no `manifest.json` written by migc".into(),
                ));
            }
        }
        Owned::Import(files) => {
            let stale: Vec<&str> = entries
                .iter()
                .filter(|(name, kind)| {
                    *kind == Kind::File
                        && name.ends_with(".mig")
                        && !files.contains_key(name.as_str())
                })
                .map(|(name, _)| name.as_str())
                .collect();
            if let Some(first) = stale.first() {
                return Err(refuse(format!(
                    "already holds .mig files the import would not write (`{first}`{})",
                    more(stale.len())
                )));
            }
            let other: Vec<&str> = entries
                .iter()
                .filter(|(name, kind)| match kind {
                    Kind::File => !name.ends_with(".mig"),
                    Kind::Dir => false,
                    Kind::Other => true,
                })
                .map(|(name, _)| name.as_str())
                .collect();
            if let Some(first) = other.first() {
                return Err(refuse(format!(
                    "holds what an import does not write (`{first}`{})",
                    more(other.len())
                )));
            }
        }
        Owned::Export(files) => {
            let other: Vec<&str> = entries
                .iter()
                .filter(|(name, kind)| *kind != Kind::File || !files.contains_key(name.as_str()))
                .map(|(name, _)| name.as_str())
                .collect();
            if let Some(first) = other.first() {
                return Err(refuse(format!(
                    "holds what this export does not write (`{first}`{})",
                    more(other.len())
                )));
            }
        }
    }
    Ok(())
}

fn more(n: usize) -> String {
    if n > 1 {
        format!(" and {} more", n - 1)
    } else {
        String::new()
    }
}

/// Whether `path` is a manifest migc wrote (its `format`; any version).
fn written_by_migc(path: &Path) -> bool {
    let Ok(text) = std::fs::read_to_string(path) else {
        return false;
    };
    serde_json::from_str::<serde_json::Value>(&text)
        .ok()
        .and_then(|v| v.get("format")?.as_str().map(str::to_string))
        .is_some_and(|f| f == migc_planner::manifest::FORMAT)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    File,
    Dir,
    /// A symbolic link (not followed), a socket, …
    Other,
}

/// Everything under `dir`, by path relative to it with `/` separators, sorted.
fn list(dir: &Path) -> std::io::Result<Vec<(String, Kind)>> {
    let mut out = Vec::new();
    let mut todo = vec![(dir.to_path_buf(), String::new())];
    while let Some((path, prefix)) = todo.pop() {
        for entry in std::fs::read_dir(&path)? {
            let entry = entry?;
            let name = format!("{prefix}{}", entry.file_name().to_string_lossy());
            let t = entry.file_type()?;
            let kind = if t.is_dir() {
                todo.push((entry.path(), format!("{name}/")));
                Kind::Dir
            } else if t.is_file() {
                Kind::File
            } else {
                Kind::Other
            };
            out.push((name, kind));
        }
    }
    out.sort();
    Ok(out)
}

/// Writes `files` (relative paths with `/` separators) as the whole content of `dir`, after
/// [`check_replaceable`]: through a temporary sibling directory that takes the place of `dir`.
pub fn replace(
    dir: &Path,
    files: &BTreeMap<String, String>,
    owned: &Owned<'_>,
) -> Result<(), Failure> {
    check_replaceable(dir, owned)?;
    let io = |what: &Path, e: std::io::Error| {
        Failure::Usage(format!(
            "cannot write `{}`: {}",
            display(what),
            io_reason(&e)
        ))
    };
    let target = resolve(dir).map_err(|e| io(dir, e))?;
    let (Some(parent), Some(name)) = (target.parent(), target.file_name()) else {
        return Err(Failure::Usage(format!(
            "cannot write `{}`: not a directory migc can replace",
            display(dir)
        )));
    };
    let name = name.to_string_lossy().into_owned();
    let staging = sibling(parent, &name, "new").map_err(|e| io(dir, e))?;
    let written = (|| {
        for (file, text) in files {
            let path = staging.join(file);
            if let Some(p) = path.parent() {
                std::fs::create_dir_all(p).map_err(|e| io(p, e))?;
            }
            std::fs::write(&path, text).map_err(|e| io(&path, e))?;
        }
        Ok(())
    })();
    if let Err(e) = written {
        let _ = std::fs::remove_dir_all(&staging);
        return Err(e);
    }
    if !target.exists() {
        return std::fs::rename(&staging, &target).map_err(|e| {
            let _ = std::fs::remove_dir_all(&staging);
            io(dir, e)
        });
    }
    let old = sibling(parent, &name, "old").map_err(|e| {
        let _ = std::fs::remove_dir_all(&staging);
        io(dir, e)
    })?;
    // `old` is an empty directory: renaming a directory onto it replaces it.
    if let Err(e) = std::fs::rename(&target, &old) {
        let _ = std::fs::remove_dir(&old);
        let _ = std::fs::remove_dir_all(&staging);
        return Err(io(dir, e));
    }
    if let Err(e) = std::fs::rename(&staging, &target) {
        let _ = std::fs::rename(&old, &target);
        let _ = std::fs::remove_dir_all(&staging);
        return Err(io(dir, e));
    }
    let _ = std::fs::remove_dir_all(&old);
    Ok(())
}

/// `dir` as an absolute path without symbolic links (its parents are made when missing), so
/// that its name and parent are real (`--out .` included).
fn resolve(dir: &Path) -> std::io::Result<PathBuf> {
    if dir.exists() {
        return std::fs::canonicalize(dir);
    }
    let parent = dir
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent)?;
    let name = dir.file_name().ok_or_else(|| {
        std::io::Error::new(std::io::ErrorKind::InvalidInput, "no directory name")
    })?;
    Ok(std::fs::canonicalize(parent)?.join(name))
}

/// A new empty directory beside `parent/name`, named after it, that nothing else uses.
fn sibling(parent: &Path, name: &str, what: &str) -> std::io::Result<PathBuf> {
    let mut n = 0u32;
    loop {
        let path = parent.join(format!(".{name}.migc-{what}-{}-{n}", std::process::id()));
        match std::fs::create_dir(&path) {
            Ok(()) => return Ok(path),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && n < 100 => n += 1,
            Err(e) => return Err(e),
        }
    }
}
