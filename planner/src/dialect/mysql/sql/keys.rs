//! Key parts over plain columns, TEXT/BLOB/JSON ones indexed by a prefix.

use super::{is_lob, q};
use crate::dialect::mysql::D;
use crate::state::State;
use migc_compiler::schema::*;

/// InnoDB's longest key (DYNAMIC and COMPRESSED row formats, the default), in bytes.
const KEY_BYTES: u64 = 3072;
/// The longest prefix taken of one TEXT/BLOB column (3072 bytes of 4-byte utf8mb4).
const MAX_PREFIX: u64 = 768;

/// The bytes a key part over a column of the type takes at most (utf8mb4: 4 a character).
/// Fixed-width strings count too (a `uuid` is `char(36)`, 144 bytes): a key longer than 3072
/// bytes would make MariaDB build it `USING HASH`, with the same effect as a whole TEXT value.
fn key_bytes(ty: &ColumnType) -> u64 {
    match ty {
        ColumnType::Builtin { name, args } if name == "varchar" => {
            args.first().copied().unwrap_or(255) * 4 + 2
        }
        ColumnType::Builtin { name, args } => {
            let spelled = migc_stdlib::builtin_type(name)
                .map(|t| t.spelling(D, args).to_ascii_lowercase())
                .unwrap_or_default();
            let width = |prefix: &str| {
                spelled
                    .strip_prefix(prefix)
                    .and_then(|r| r.strip_suffix(')'))
                    .and_then(|n| n.trim().parse::<u64>().ok())
            };
            if let Some(n) = width("char(").or_else(|| width("varchar(")) {
                n * 4 + 2
            } else if let Some(n) = width("binary(").or_else(|| width("varbinary(")) {
                n + 2
            } else {
                16
            }
        }
        _ => 16,
    }
}

/// Key parts over plain columns. A TEXT/BLOB/JSON column is indexed by a prefix: MySQL 8.0
/// refuses it whole (error 1170), and MariaDB's own answer (a unique key over a hidden hash
/// column) makes every later `ALTER TABLE` on the table a copy (INSTANT, NOCOPY and INPLACE all
/// refused, error 1846). The prefix is as long as the key length leaves room for, at most 768
/// characters: a unique key then compares the values' first 768 characters, which is stricter
/// than the declared key only for values longer than that.
pub(crate) fn key_parts(
    table: &str,
    parts: &[(&str, bool)],
    state: &State,
) -> Result<String, String> {
    let ty = |c: &str| state.column(table, c).map(|col| &col.ty);
    let lobs = parts
        .iter()
        .filter(|(c, _)| ty(c).is_some_and(is_lob))
        .count() as u64;
    let others: u64 = parts
        .iter()
        .filter_map(|(c, _)| ty(c).filter(|t| !is_lob(t)).map(key_bytes))
        .sum();
    let prefix = (KEY_BYTES.saturating_sub(others) / 4)
        .checked_div(lobs)
        .map_or(0, |p| p.min(MAX_PREFIX));
    let mut out = Vec::new();
    for (c, descending) in parts {
        let mut s = q(c);
        if ty(c).is_some_and(is_lob) {
            if prefix < 64 {
                return Err(format!(
                    "the key over `{table}.{c}` leaves too little of MySQL's 3072-byte key length for a TEXT/BLOB prefix"
                ));
            }
            s.push_str(&format!("({prefix})"));
        }
        if *descending {
            s.push_str(" DESC");
        }
        out.push(s);
    }
    Ok(out.join(", "))
}
