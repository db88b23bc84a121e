use crate::Dialect;

/// What arguments a type takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TypeArgs {
    None,
    /// `varchar(n)`: 1 <= n <= max.
    Length {
        max: u64,
    },
    /// `decimal(p, s)`: 1 <= p <= 65 (the smallest maximum of the dialects), 0 <= s <= p.
    PrecisionScale,
}

/// Groups of types that behave alike for checks (identity, foreign keys, casts).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum TypeClass {
    Bool,
    Integer,
    Decimal,
    Float,
    Text,
    Bytes,
    Uuid,
    Temporal,
    Json,
}

/// A portable type and how each dialect spells it.
#[derive(Debug)]
pub struct BuiltinType {
    /// The canonical name, as `migc fmt` writes it.
    pub name: &'static str,
    /// Other accepted names (`bigint` for `int64`).
    pub aliases: &'static [&'static str],
    pub args: TypeArgs,
    pub class: TypeClass,
    /// The size rank within its class (for integers: bytes), used to tell widening from narrowing.
    pub rank: u8,
    /// Spellings for PostgreSQL, MySQL/MariaDB and SQLite. `{n}` / `{p}` / `{s}` stand for the
    /// arguments.
    pub postgres: &'static str,
    pub mysql: &'static str,
    pub sqlite: &'static str,
}

impl BuiltinType {
    /// The type's spelling in a dialect, arguments filled in.
    pub fn spelling(&self, dialect: Dialect, args: &[u64]) -> String {
        let template = dialect.pick(self.postgres, self.mysql, self.sqlite);
        let arg = |i: usize| args.get(i).map(u64::to_string).unwrap_or_default();
        template
            .replace("{n}", &arg(0))
            .replace("{p}", &arg(0))
            .replace("{s}", &arg(1))
    }
}

const TYPES: &[BuiltinType] = &[
    BuiltinType {
        name: "bool",
        aliases: &["boolean"],
        args: TypeArgs::None,
        class: TypeClass::Bool,
        rank: 1,
        postgres: "boolean",
        mysql: "boolean",
        sqlite: "boolean",
    },
    BuiltinType {
        name: "int16",
        aliases: &["smallint"],
        args: TypeArgs::None,
        class: TypeClass::Integer,
        rank: 2,
        postgres: "smallint",
        mysql: "smallint",
        sqlite: "integer",
    },
    BuiltinType {
        name: "int32",
        aliases: &["int", "integer"],
        args: TypeArgs::None,
        class: TypeClass::Integer,
        rank: 4,
        postgres: "integer",
        mysql: "int",
        sqlite: "integer",
    },
    BuiltinType {
        name: "int64",
        aliases: &["bigint"],
        args: TypeArgs::None,
        class: TypeClass::Integer,
        rank: 8,
        postgres: "bigint",
        mysql: "bigint",
        // Exactly `integer`, so that an integer primary key is SQLite's rowid alias.
        sqlite: "integer",
    },
    BuiltinType {
        name: "decimal",
        aliases: &["numeric"],
        args: TypeArgs::PrecisionScale,
        class: TypeClass::Decimal,
        rank: 1,
        postgres: "numeric({p},{s})",
        mysql: "decimal({p},{s})",
        sqlite: "numeric({p},{s})",
    },
    BuiltinType {
        name: "float32",
        aliases: &["real"],
        args: TypeArgs::None,
        class: TypeClass::Float,
        rank: 4,
        postgres: "real",
        mysql: "float",
        sqlite: "real",
    },
    BuiltinType {
        name: "float64",
        aliases: &["double"],
        args: TypeArgs::None,
        class: TypeClass::Float,
        rank: 8,
        postgres: "double precision",
        mysql: "double",
        sqlite: "real",
    },
    BuiltinType {
        name: "text",
        aliases: &[],
        args: TypeArgs::None,
        class: TypeClass::Text,
        rank: 9,
        postgres: "text",
        mysql: "text",
        sqlite: "text",
    },
    BuiltinType {
        name: "varchar",
        aliases: &[],
        args: TypeArgs::Length { max: 16_383 },
        class: TypeClass::Text,
        rank: 1,
        postgres: "varchar({n})",
        mysql: "varchar({n})",
        sqlite: "varchar({n})",
    },
    // Fixed length: PostgreSQL pads with spaces, MySQL takes them off when read, SQLite keeps
    // what is written.
    BuiltinType {
        name: "char",
        aliases: &["character"],
        args: TypeArgs::Length { max: 255 },
        class: TypeClass::Text,
        rank: 1,
        postgres: "char({n})",
        mysql: "char({n})",
        sqlite: "char({n})",
    },
    BuiltinType {
        name: "bytes",
        aliases: &["blob", "bytea"],
        args: TypeArgs::None,
        class: TypeClass::Bytes,
        rank: 1,
        postgres: "bytea",
        mysql: "longblob",
        sqlite: "blob",
    },
    BuiltinType {
        name: "uuid",
        aliases: &[],
        args: TypeArgs::None,
        class: TypeClass::Uuid,
        rank: 1,
        postgres: "uuid",
        mysql: "char(36)",
        sqlite: "text",
    },
    BuiltinType {
        name: "date",
        aliases: &[],
        args: TypeArgs::None,
        class: TypeClass::Temporal,
        rank: 1,
        postgres: "date",
        mysql: "date",
        sqlite: "date",
    },
    BuiltinType {
        name: "time",
        aliases: &[],
        args: TypeArgs::None,
        class: TypeClass::Temporal,
        rank: 2,
        postgres: "time",
        mysql: "time(6)",
        sqlite: "time",
    },
    BuiltinType {
        name: "timestamp",
        aliases: &["datetime"],
        args: TypeArgs::None,
        class: TypeClass::Temporal,
        rank: 3,
        postgres: "timestamp",
        mysql: "datetime(6)",
        sqlite: "timestamp",
    },
    BuiltinType {
        name: "timestamptz",
        aliases: &[],
        args: TypeArgs::None,
        class: TypeClass::Temporal,
        rank: 4,
        postgres: "timestamptz",
        // Stored in UTC by convention; MySQL's TIMESTAMP stops in 2038.
        mysql: "datetime(6)",
        sqlite: "timestamptz",
    },
    BuiltinType {
        name: "json",
        aliases: &["jsonb"],
        args: TypeArgs::None,
        class: TypeClass::Json,
        rank: 1,
        postgres: "jsonb",
        mysql: "json",
        sqlite: "text",
    },
];

/// Every portable type, in declaration order.
pub fn builtin_types() -> &'static [BuiltinType] {
    TYPES
}

/// The portable type a name or alias denotes.
pub fn builtin_type(name: &str) -> Option<&'static BuiltinType> {
    let lower = name.to_ascii_lowercase();
    TYPES
        .iter()
        .find(|t| t.name == lower || t.aliases.contains(&lower.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_resolve_to_canonical_names() {
        assert_eq!(builtin_type("bigint").map(|t| t.name), Some("int64"));
        assert_eq!(builtin_type("BOOLEAN").map(|t| t.name), Some("bool"));
        assert_eq!(builtin_type("numeric").map(|t| t.name), Some("decimal"));
        assert!(builtin_type("bigserial").is_none());
    }

    #[test]
    fn spellings_fill_arguments() {
        let d = builtin_type("decimal").map(|t| t.spelling(Dialect::Mysql, &[12, 2]));
        assert_eq!(d.as_deref(), Some("decimal(12,2)"));
        let v = builtin_type("varchar").map(|t| t.spelling(Dialect::Postgres, &[80]));
        assert_eq!(v.as_deref(), Some("varchar(80)"));
    }

    #[test]
    fn names_are_unique() {
        let mut all: Vec<&str> = TYPES
            .iter()
            .flat_map(|t| std::iter::once(t.name).chain(t.aliases.iter().copied()))
            .collect();
        let n = all.len();
        all.sort_unstable();
        all.dedup();
        assert_eq!(all.len(), n);
    }
}
