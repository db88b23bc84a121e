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

/// What a MySQL/MariaDB type spelling holds, as far as telling a widening from another change
/// needs: `int(10) unsigned` is a 4-byte unsigned integer, `mediumtext` a text of up to 16 MiB.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MysqlValues {
    /// An integer of that many bytes, unsigned or not (the display width says nothing of values).
    Integer { bytes: u8, unsigned: bool },
    /// A text of the `TINYTEXT`/`TEXT`/`MEDIUMTEXT`/`LONGTEXT` family, by rank (1 to 4).
    Text { rank: u8 },
}

impl MysqlValues {
    /// The values of a MySQL spelling (`None` for other types, and for `zerofill`, which
    /// changes how values read).
    pub fn of(spelling: &str) -> Option<MysqlValues> {
        let s = spelling.trim().to_ascii_lowercase();
        let (base, rest) = match s.find('(') {
            Some(open) => {
                let close = s[open..].find(')')? + open;
                if !s[open + 1..close]
                    .trim()
                    .bytes()
                    .all(|b| b.is_ascii_digit())
                {
                    return None;
                }
                (s[..open].trim(), s[close + 1..].trim())
            }
            None => match s.split_once(' ') {
                Some((b, r)) => (b, r.trim()),
                None => (s.as_str(), ""),
            },
        };
        let unsigned = match rest {
            "" | "signed" => false,
            "unsigned" => true,
            _ => return None,
        };
        let bytes = match base {
            "tinyint" | "bool" | "boolean" => 1,
            "smallint" => 2,
            "mediumint" => 3,
            "int" | "integer" => 4,
            "bigint" => 8,
            _ => {
                let rank = match base {
                    "tinytext" => 1,
                    "text" => 2,
                    "mediumtext" => 3,
                    "longtext" => 4,
                    _ => return None,
                };
                return (!unsigned && !s.contains('(')).then_some(MysqlValues::Text { rank });
            }
        };
        Some(MysqlValues::Integer { bytes, unsigned })
    }

    /// Whether every value of `self` is a value of `to`.
    pub fn fits_in(self, to: MysqlValues) -> bool {
        match (self, to) {
            (
                MysqlValues::Integer {
                    bytes: a,
                    unsigned: ua,
                },
                MysqlValues::Integer {
                    bytes: b,
                    unsigned: ub,
                },
            ) => match (ua, ub) {
                (false, true) => false,
                (true, false) => b > a,
                _ => b >= a,
            },
            (MysqlValues::Text { rank: a }, MysqlValues::Text { rank: b }) => b >= a,
            _ => false,
        }
    }
}

/// The members of a MySQL `SET('a','b')` spelling, in order (`None` for any other spelling).
pub fn mysql_set_members(spelling: &str) -> Option<Vec<String>> {
    let s = spelling.trim();
    let inner = s
        .get(..4)
        .filter(|p| p.eq_ignore_ascii_case("set("))
        .and(s.get(4..))?
        .strip_suffix(')')?;
    let mut members = Vec::new();
    let mut chars = inner.chars().peekable();
    loop {
        while chars.peek().is_some_and(|c| c.is_whitespace()) {
            chars.next();
        }
        if chars.next()? != '\'' {
            return None;
        }
        let mut m = String::new();
        loop {
            match chars.next()? {
                '\'' if chars.peek() == Some(&'\'') => {
                    chars.next();
                    m.push('\'');
                }
                '\'' => break,
                '\\' => m.push(chars.next()?),
                c => m.push(c),
            }
        }
        members.push(m);
        while chars.peek().is_some_and(|c| c.is_whitespace()) {
            chars.next();
        }
        match chars.next() {
            None => return Some(members),
            Some(',') => {}
            Some(_) => return None,
        }
    }
}

/// The bytes MySQL stores a `SET` of that many members in.
pub fn mysql_set_bytes(members: usize) -> usize {
    match members.div_ceil(8) {
        n @ 0..=4 => n.max(1),
        _ => 8,
    }
}

/// PostgreSQL's `serial` spellings and the integer types they stand for.
const SERIALS: [(&str, &str); 3] = [
    ("smallserial", "int16"),
    ("serial", "int32"),
    ("bigserial", "int64"),
];

/// The integer type a PostgreSQL `serial` spelling stands for (`bigserial`, `serial8`: `int64`).
pub fn serial_of(spelling: &str) -> Option<&'static str> {
    let s = spelling.to_ascii_lowercase();
    let s = match s.as_str() {
        "serial2" => "smallserial",
        "serial4" => "serial",
        "serial8" => "bigserial",
        other => other,
    };
    SERIALS
        .iter()
        .find(|(name, _)| *name == s)
        .map(|(_, ty)| *ty)
}

/// PostgreSQL's `serial` spelling of an identity of the portable integer type `ty`
/// (`int64`: `bigserial`).
pub fn serial_for(ty: &str) -> Option<&'static str> {
    SERIALS
        .iter()
        .find(|(_, t)| *t == ty)
        .map(|(name, _)| *name)
}

/// Whether `s` is a type name as SQLite reads one: words, then an optional `(n)` or `(n, m)`.
pub fn is_sqlite_type_name(s: &str) -> bool {
    let (words, rest) = match s.find('(') {
        Some(i) => (&s[..i], Some(&s[i..])),
        None => (s, None),
    };
    let words_ok = words
        .split_whitespace()
        .all(|w| w.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
        && words
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '_');
    let args_ok = match rest {
        None => true,
        Some(r) => r
            .strip_prefix('(')
            .and_then(|r| r.strip_suffix(')'))
            .is_some_and(|inner| {
                let parts: Vec<&str> = inner.split(',').collect();
                parts.len() <= 2
                    && parts.iter().all(|p| {
                        let p = p.trim();
                        let digits = p.strip_prefix(['+', '-']).unwrap_or(p);
                        !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit())
                    })
            }),
    };
    words_ok && args_ok
}

/// What a portable type's spelling for one dialect (`int64 native(sqlite: "INTEGER")`) is to
/// that dialect ([`crate::Behaviour::portable_type_spelling`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PortableSpelling {
    /// The type as the dialect stores it, kept as this text (SQLite's declared type name).
    Kept(String),
    /// An identity column drawing from a sequence it owns, kept as this text, of the portable
    /// integer type named (PostgreSQL's `bigserial`: `int64`).
    Serial { spelling: String, ty: &'static str },
    /// The dialect keeps such spellings, but this is not a type name it reads.
    NotATypeName,
    /// The dialect stores a type, not its spelling: it keeps none for a portable type.
    NotKept,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mysql_set_spellings() {
        assert_eq!(
            mysql_set_members("SET('new', 'sale', 'it''s')"),
            Some(vec!["new".into(), "sale".into(), "it's".into()])
        );
        assert_eq!(mysql_set_members("set('a')"), Some(vec!["a".into()]));
        assert_eq!(mysql_set_members("enum('a')"), None);
        assert_eq!(mysql_set_bytes(8), 1);
        assert_eq!(mysql_set_bytes(9), 2);
        assert_eq!(mysql_set_bytes(33), 8);
    }

    #[test]
    fn mysql_values_of_spellings() {
        let of = |s: &str| MysqlValues::of(s).unwrap_or_else(|| panic!("{s}"));
        assert_eq!(
            of("int(10) unsigned"),
            MysqlValues::Integer {
                bytes: 4,
                unsigned: true
            }
        );
        assert!(of("int(10) unsigned").fits_in(of("bigint(20) unsigned")));
        assert!(of("int unsigned").fits_in(of("bigint")));
        assert!(!of("int unsigned").fits_in(of("int")));
        assert!(!of("bigint").fits_in(of("bigint unsigned")));
        assert!(of("tinyint(1)").fits_in(of("tinyint(4)")));
        assert!(of("text").fits_in(of("longtext")));
        assert!(!of("longtext").fits_in(of("mediumtext")));
        assert_eq!(MysqlValues::of("int(6) unsigned zerofill"), None);
        assert_eq!(MysqlValues::of("varchar(20)"), None);
    }

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
