//! How a plan names its sources in what it writes — the manifest's `from` and `to`, each step's
//! and lint finding's `file:line:col`, the scripts' step comments — so that the same inputs give
//! byte-identical output from any working directory, however the paths are spelled.
//!
//! Each file source (a `.mig` file or directory, a snapshot, a `.sql` file) is made absolute
//! without symbolic links; the base is the deepest directory holding the parent directories of
//! all of them; a source, and each file read from it, is written relative to the base with `/`
//! separators. `--from examples/shop/v2 --to examples/shop/v3` gives `v2`, `v3` and
//! `v3/orders.mig:6:6`, as do `./examples/shop/v2` or an absolute path, from any directory. A
//! SQLite database file (`sqlite://PATH`) is a file source like the others; another database
//! URL is written [redacted](migc_db::redact), `empty` as itself. Diagnostics printed on the
//! terminal keep the paths as typed.

use crate::input::display;
use crate::source::READ_AS_MIG;
use migc_db::DbUrl;
use migc_grammar::{Sources, Span};
use std::path::{Path, PathBuf};

pub struct Names {
    base: Option<PathBuf>,
    /// Each file source: as typed (without `.` components, see [`plain`]) and canonical.
    sources: Vec<(PathBuf, PathBuf)>,
    /// Each SQLite database file (`sqlite://PATH`): its URL as typed, its file canonical.
    databases: Vec<(String, PathBuf)>,
}

impl Names {
    /// The names of a plan whose sources are `specs` (as given on the command line).
    pub fn new(specs: &[&str]) -> Names {
        let mut sources = Vec::new();
        let mut databases = Vec::new();
        for spec in specs {
            match DbUrl::parse(spec) {
                Some(DbUrl::Sqlite(Some(path))) => {
                    if let Ok(canonical) = std::fs::canonicalize(path) {
                        databases.push((spec.to_string(), canonical));
                    }
                }
                Some(_) => {}
                None if *spec == "empty" || spec.contains("://") => {}
                None => {
                    if let Ok(canonical) = std::fs::canonicalize(spec) {
                        sources.push((plain(Path::new(spec)), canonical));
                    }
                }
            }
        }
        let base = sources
            .iter()
            .map(|(_, c)| c)
            .chain(databases.iter().map(|(_, c)| c))
            .map(|c| c.parent().unwrap_or(c).to_path_buf())
            .reduce(|a, b| {
                a.components()
                    .zip(b.components())
                    .take_while(|(x, y)| x == y)
                    .map(|(x, _)| x)
                    .collect()
            });
        Names {
            base,
            sources,
            databases,
        }
    }

    /// A source (`--from`/`--to`) as the manifest records it.
    pub fn label(&self, spec: &str) -> String {
        if let Some((_, file)) = self.databases.iter().find(|(s, _)| s == spec) {
            return format!("sqlite://{}", self.relative(file));
        }
        if let Some(url) = DbUrl::parse(spec) {
            return url.redacted();
        }
        let typed = plain(Path::new(spec));
        match self.sources.iter().find(|(t, _)| *t == typed) {
            Some((_, canonical)) => self.relative(canonical),
            None => migc_db::redact(spec),
        }
    }

    /// A file of the plan's `Sources`, by its name there, as the plan records it.
    pub fn file(&self, name: &str) -> String {
        if let Some(spec) = name.strip_suffix(READ_AS_MIG) {
            return format!("{}{READ_AS_MIG}", self.label(spec));
        }
        let path = plain(Path::new(name));
        for (typed, canonical) in &self.sources {
            if let Ok(rest) = path.strip_prefix(typed) {
                if rest.as_os_str().is_empty() {
                    return self.relative(canonical);
                }
                return self.relative(&canonical.join(rest));
            }
        }
        // Not read from a file source (the standard library's mixins): as it is.
        name.to_string()
    }

    fn relative(&self, path: &Path) -> String {
        let rel = match &self.base {
            Some(base) => path.strip_prefix(base).unwrap_or(path),
            None => path,
        };
        let text = display(rel);
        if text.is_empty() {
            ".".to_string()
        } else {
            text
        }
    }
}

/// The planner's `locate` for the files of `sources`: a span's `file:line:col`, the file as
/// `names` records it.
pub fn locator<'a>(names: &Names, sources: &'a Sources) -> impl Fn(Span) -> Option<String> + 'a {
    let recorded: Vec<String> = sources.iter().map(|(_, f)| names.file(&f.name)).collect();
    move |span| {
        let name = recorded.get(span.file.0 as usize)?;
        let (line, col) = sources.line_col(span);
        Some(format!("{name}:{line}:{col}"))
    }
}

/// A path without its `.` components: a source and the files read from it are named alike
/// whether or not `./` (which [`display`] drops once) starts them.
fn plain(path: &Path) -> PathBuf {
    path.components()
        .filter(|c| *c != std::path::Component::CurDir)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_are_relative_to_their_common_base() {
        let tmp = std::env::temp_dir().join(format!("migc-record-{}", std::process::id()));
        let shop = tmp.join("examples/shop");
        for v in ["v2", "v3"] {
            std::fs::create_dir_all(shop.join(v)).unwrap();
        }
        std::fs::write(shop.join("v3/orders.mig"), "").unwrap();
        let v2 = shop.join("v2");
        let v3 = shop.join("v3");
        let (v2, v3) = (v2.to_str().unwrap(), v3.to_str().unwrap());
        let names = Names::new(&[v2, v3]);
        assert_eq!(names.label(v2), "v2");
        assert_eq!(names.label(v3), "v3");
        assert_eq!(names.file(&format!("{v3}/orders.mig")), "v3/orders.mig");
        assert_eq!(names.file("<std>/timestamps.mig"), "<std>/timestamps.mig");
        assert_eq!(
            names.label("postgres://app:pw@db/prod"),
            "postgres://app:***@db/prod"
        );
        assert_eq!(
            names.file(&format!("postgres://app:***@db/prod{READ_AS_MIG}")),
            format!("postgres://app:***@db/prod{READ_AS_MIG}")
        );
        assert_eq!(names.label("empty"), "empty");

        // A SQLite file is a file source.
        std::fs::write(tmp.join("examples/app.db"), "").unwrap();
        let db = format!("sqlite://{}", tmp.join("examples/app.db").display());
        let names = Names::new(&[&db, v3]);
        assert_eq!(names.label(&db), "sqlite://app.db");
        assert_eq!(names.label(v3), "shop/v3");
        assert_eq!(
            names.file(&format!("{db}{READ_AS_MIG}")),
            format!("sqlite://app.db{READ_AS_MIG}")
        );

        // One file source: relative to its own directory.
        let names = Names::new(&["empty", v3]);
        assert_eq!(names.label(v3), "v3");
        let file = format!("{v3}/orders.mig");
        let names = Names::new(&[&file]);
        assert_eq!(names.label(&file), "orders.mig");
        assert_eq!(names.file(&file), "orders.mig");
        let _ = std::fs::remove_dir_all(&tmp);
    }
}
