use crate::behaviour::{self, Behaviour};
use serde::{Deserialize, Serialize};

/// A database dialect migc plans for: only the identity. What differs between dialects lives
/// behind traits: the planner's `Lowering` (how steps become SQL) and [`Behaviour`] (how
/// databases run it), which [`Dialect::behaviour`] gives.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    clap::ValueEnum,
)]
#[serde(rename_all = "lowercase")]
pub enum Dialect {
    /// PostgreSQL 12 or newer.
    Postgres,
    /// MySQL 8.0 and MariaDB 10.11.
    #[value(alias = "mariadb")]
    Mysql,
    /// SQLite 3.35 or newer.
    Sqlite,
}

impl Dialect {
    pub const ALL: [Dialect; 3] = [Dialect::Postgres, Dialect::Mysql, Dialect::Sqlite];

    pub fn name(self) -> &'static str {
        match self {
            Dialect::Postgres => "postgres",
            Dialect::Mysql => "mysql",
            Dialect::Sqlite => "sqlite",
        }
    }

    /// Accepts the names users write in `native` blocks and types.
    pub fn from_name(name: &str) -> Option<Dialect> {
        match name.to_ascii_lowercase().as_str() {
            "postgres" | "postgresql" | "pg" => Some(Dialect::Postgres),
            "mysql" | "mariadb" => Some(Dialect::Mysql),
            "sqlite" | "sqlite3" => Some(Dialect::Sqlite),
            _ => None,
        }
    }

    /// What the dialect's databases do at run time, and how migc drives them.
    pub fn behaviour(self) -> &'static dyn Behaviour {
        match self {
            Dialect::Postgres => &behaviour::Postgres,
            Dialect::Mysql => &behaviour::Mysql,
            Dialect::Sqlite => &behaviour::Sqlite,
        }
    }

    /// The dialect's name in prose: `PostgreSQL`, `MySQL` or `SQLite`.
    pub fn title(self) -> &'static str {
        self.pick("PostgreSQL", "MySQL", "SQLite")
    }

    /// The one of three values that is this dialect's, for tables of per-dialect data (a
    /// type's spellings): `postgres`, `mysql` or `sqlite`.
    pub fn pick<T>(self, postgres: T, mysql: T, sqlite: T) -> T {
        match self {
            Dialect::Postgres => postgres,
            Dialect::Mysql => mysql,
            Dialect::Sqlite => sqlite,
        }
    }

    /// Whether a table has a collation of its own that its text columns take unless they name
    /// one (MySQL's `DEFAULT CHARSET`/`COLLATE`). Elsewhere a table's declared collation is
    /// each such column's.
    pub fn tables_have_collations(self) -> bool {
        self.behaviour().tables_have_collations()
    }

    /// The longest identifier the dialect accepts, in bytes.
    pub fn max_identifier_len(self) -> usize {
        self.behaviour().max_identifier_len()
    }
}

impl std::fmt::Display for Dialect {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}
