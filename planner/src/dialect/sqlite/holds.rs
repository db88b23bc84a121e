//! What SQLite holds of names and texts as declared.

use super::Sqlite;
use crate::expressible::{Holds, NameKind, NameScope};

impl Holds for Sqlite {
    fn product(&self) -> &'static str {
        "SQLite"
    }

    fn refuses_on_update(&self) -> Option<&'static str> {
        Some("SQLite columns have no `ON UPDATE`: only a trigger sets a value on update")
    }

    fn refuses_name(&self, kind: NameKind, name: &str) -> Option<String> {
        (kind != NameKind::Column && name.to_ascii_lowercase().starts_with("sqlite_"))
            .then(|| "SQLite keeps names beginning with `sqlite_` for itself".into())
    }

    /// Every name compares without case: a table's columns, and tables, views and indexes in
    /// the whole schema.
    fn ignores_case(&self, scope: NameScope) -> bool {
        matches!(scope, NameScope::Columns | NameScope::Schema)
    }
}
