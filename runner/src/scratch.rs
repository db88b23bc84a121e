//! Scratch databases, built from nothing and dropped when done: for `verify`, and for building a
//! declared schema to compare a database with ([`crate::stored`]).

use crate::{Error, Kind};
use migc_db::DbUrl;
use std::path::PathBuf;

/// An empty database like the one a URL names, dropped when the value goes away.
pub struct Scratch {
    pub url: DbUrl,
    place: Place,
}

enum Place {
    /// A database created on the server of `server`.
    Server { server: DbUrl, name: String },
    /// A database file of its own (made when first opened).
    File(PathBuf),
}

impl Scratch {
    /// An empty database beside the one `server` names, on its server; for a dialect without
    /// servers (SQLite), a new file in the temporary directory.
    pub fn create(server: &DbUrl) -> Result<Scratch, Error> {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0);
        let name = format!("migc_scratch_{}_{nanos}", std::process::id());
        let behaviour = server.dialect().behaviour();
        if !behaviour.has_server() {
            let path = std::env::temp_dir().join(format!("{name}.db"));
            return Ok(Scratch {
                url: DbUrl::Sqlite(Some(path.clone())),
                place: Place::File(path),
            });
        }
        let io = |e: migc_db::DbError| {
            Error::new(
                Kind::Io,
                format!(
                    "cannot create a scratch database on {}: {e}",
                    server.redacted()
                ),
            )
        };
        let mut admin = migc_db::connect(server).map_err(io)?;
        admin
            .execute(&behaviour.create_database(&name))
            .map_err(io)?;
        let Some(url) = server.with_database(&name) else {
            return Err(Error::new(
                Kind::Io,
                format!("{} names no server", server.redacted()),
            ));
        };
        Ok(Scratch {
            url,
            place: Place::Server {
                server: server.clone(),
                name,
            },
        })
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        match &self.place {
            Place::Server { server, name } => {
                if let Ok(mut admin) = migc_db::connect(server) {
                    let _ = migc_db::drop_database(&mut *admin, name);
                }
            }
            // The file and every file named after it: journals, the run lock beside it.
            Place::File(path) => {
                let (Some(dir), Some(base)) = (path.parent(), path.file_name()) else {
                    return;
                };
                let base = base.to_string_lossy();
                for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
                    if entry.file_name().to_string_lossy().starts_with(&*base) {
                        let _ = std::fs::remove_file(entry.path());
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A file scratch database goes with everything beside it.
    #[test]
    fn a_scratch_file_leaves_nothing_behind() {
        let scratch = Scratch::create(&DbUrl::Sqlite(None)).unwrap();
        let path = scratch.url.file().map(PathBuf::from).unwrap();
        let mut conn = migc_db::connect_or_create(&scratch.url).unwrap();
        conn.execute("CREATE TABLE t (a integer)").unwrap();
        drop(conn);
        let lock = scratch.url.beside(".migc-lock").unwrap();
        drop(migc_db::connect_or_create(&lock).unwrap());
        assert!(path.exists());
        drop(scratch);
        let mut lock_path = path.clone().into_os_string();
        lock_path.push(".migc-lock");
        assert!(!path.exists());
        assert!(!PathBuf::from(lock_path).exists());
    }
}
