//! Column types as each dialect spells them, read back into portable types.

use migc_compiler::schema::ColumnType;
use migc_stdlib::Dialect;
use std::collections::BTreeMap;

/// What a dialect's type spelling means in the model.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Read {
    pub ty: ColumnType,
    /// `serial` and its kin: an integer with an owned sequence behind it.
    pub serial: bool,
}

/// A portable type.
pub(crate) fn builtin(name: &str, args: Vec<u64>) -> Read {
    Read {
        ty: ColumnType::Builtin {
            name: name.to_string(),
            args,
        },
        serial: false,
    }
}

/// An integer with a sequence the column owns behind it (`serial`): `identity`.
pub(crate) fn serial(name: &str) -> Read {
    Read {
        serial: true,
        ..builtin(name, Vec::new())
    }
}

/// Splits `numeric(12, 2)` into `numeric` and `[12, 2]`; `None` args when one is not a number.
fn base_and_args(spelling: &str) -> (String, Option<Vec<u64>>) {
    let s = spelling.trim().to_ascii_lowercase();
    match s.find('(') {
        Some(open) => {
            let close = s.rfind(')').unwrap_or(s.len());
            let inner = &s[open + 1..close.max(open + 1)];
            let args: Option<Vec<u64>> = inner.split(',').map(|a| a.trim().parse().ok()).collect();
            let rest = s[(close + 1).min(s.len())..].trim();
            let base = format!("{} {}", s[..open].trim(), rest);
            (base.trim().to_string(), args)
        }
        None => (s, Some(Vec::new())),
    }
}

/// Reads a column type. `enums` are the schema's enum names (PostgreSQL types by name).
/// Anything without a portable equivalent becomes a native type spelled for this dialect only.
pub(crate) fn read(dialect: Dialect, spelling: &str, enums: &[String]) -> Read {
    let reading = crate::dialect::reading(dialect);
    let spelling = reading.unqualified_type(spelling.trim());
    let declared = match spelling.strip_prefix('"').and_then(|s| s.strip_suffix('"')) {
        Some(quoted) => quoted.replace("\"\"", "\""),
        None if reading.folds_unquoted_names() => spelling.to_lowercase(),
        None => spelling.to_string(),
    };
    if let Some(e) = enums.iter().find(|e| **e == declared) {
        return Read {
            ty: ColumnType::Enum { name: e.clone() },
            serial: false,
        };
    }
    let (base, args) = base_and_args(spelling);
    let args = args.unwrap_or_default();
    let unsigned = base.contains("unsigned");
    let base = base
        .replace(" unsigned", "")
        .replace(" zerofill", "")
        .trim()
        .to_string();
    let portable = match base.as_str() {
        "boolean" | "bool" => Some(builtin("bool", vec![])),
        "numeric" | "decimal" if args.len() == 2 => Some(builtin("decimal", args.clone())),
        "text" => Some(builtin("text", vec![])),
        "character varying" | "varchar" if args.len() == 1 => {
            Some(builtin("varchar", args.clone()))
        }
        "date" => Some(builtin("date", vec![])),
        _ => reading.builtin_type(&base, &args, unsigned).or_else(|| {
            matches!(base.as_str(), "character" | "char" | "bpchar")
                .then(|| args.len() == 1 && args[0] <= 255)
                .filter(|fits| *fits)
                .map(|_| builtin("char", args.clone()))
        }),
    };
    // sqlparser prints some types in capitals: the catalogs' lower case reads better.
    let native = if spelling.contains(['"', '`', '\'']) {
        spelling.to_string()
    } else {
        spelling.to_lowercase()
    };
    portable.unwrap_or_else(|| Read {
        ty: ColumnType::Native {
            spellings: BTreeMap::from([(dialect, native)]),
        },
        serial: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(dialect: Dialect, spelling: &str, expected: &str) {
        let r = read(dialect, spelling, &["mood".to_string()]);
        assert_eq!(r.ty.to_string(), expected, "{spelling}");
    }

    #[test]
    fn spellings() {
        case(Dialect::Postgres, "character varying(120)", "varchar(120)");
        case(Dialect::Postgres, "numeric(12,2)", "decimal(12, 2)");
        case(Dialect::Postgres, "timestamp with time zone", "timestamptz");
        case(Dialect::Postgres, "mood", "mood");
        case(Dialect::Postgres, "public.mood", "mood");
        case(
            Dialect::Postgres,
            "tsvector",
            "native(postgres: \"tsvector\")",
        );
        case(
            Dialect::Postgres,
            "timestamp(3) without time zone",
            "native(postgres: \"timestamp(3) without time zone\")",
        );
        case(Dialect::Mysql, "tinyint(1)", "bool");
        case(Dialect::Mysql, "int(11)", "int32");
        case(Dialect::Mysql, "datetime(6)", "timestamp");
        case(
            Dialect::Mysql,
            "int(10) unsigned",
            "native(mysql: \"int(10) unsigned\")",
        );
        case(Dialect::Sqlite, "INTEGER", "int64");
        // Fixed-length text, except MySQL's `char(36)`, which is how migc stores a `uuid`.
        case(Dialect::Postgres, "character(2)", "char(2)");
        case(Dialect::Postgres, "bpchar(3)", "char(3)");
        case(Dialect::Mysql, "char(2)", "char(2)");
        case(Dialect::Mysql, "char(36)", "uuid");
        case(Dialect::Sqlite, "CHAR(10)", "char(10)");
        case(
            Dialect::Postgres,
            "character(300)",
            "native(postgres: \"character(300)\")",
        );
        assert!(read(Dialect::Postgres, "bigserial", &[]).serial);
    }
}
