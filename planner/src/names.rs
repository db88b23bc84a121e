//! The names migc gives the objects it derives from declared ones: shadow columns, objects
//! built under a temporary name, dual-write triggers and their functions, helper checks.
//!
//! Every derived name fits the identifier limit of every dialect (63 bytes: PostgreSQL's, which
//! is within MySQL's 64 characters), so that no server shortens it behind migc's back (PostgreSQL
//! truncates longer names with only a notice, and the catalog guards of the scripts would then
//! look for a name that does not exist). A base too long to take its suffix is cut at a
//! character boundary and followed by a hash of the whole base, so that two long bases that
//! share their first bytes still get different names. The suffix is always kept whole: it says
//! what the object is.

use sha2::{Digest, Sha256};

/// The longest derived name, in bytes.
pub const MAX_BYTES: usize = 63;

/// `base` followed by `suffix`, within [`MAX_BYTES`].
pub fn derived(base: &str, suffix: &str) -> String {
    if base.len() + suffix.len() <= MAX_BYTES {
        return format!("{base}{suffix}");
    }
    let hash = Sha256::digest(base.as_bytes());
    let tag: String = hash[..4].iter().map(|b| format!("{b:02x}")).collect();
    let room = MAX_BYTES.saturating_sub(suffix.len() + tag.len() + 1);
    let mut cut = room.min(base.len());
    while !base.is_char_boundary(cut) {
        cut -= 1;
    }
    format!("{}_{tag}{suffix}", &base[..cut])
}

/// The shadow column of a column whose type changes in place: the new application's values
/// live there until contract gives it the column's name.
pub fn shadow(column: &str) -> String {
    derived(column, SHADOW)
}

const SHADOW: &str = "__migc_new";

/// Whether `name` is migc's shadow of some column (what [`shadow`] gives).
pub fn is_shadow(name: &str) -> bool {
    name.ends_with(SHADOW)
}

/// The column of `candidates` whose shadow `name` is.
pub fn shadowed<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates.into_iter().find(|c| shadow(c) == name)
}

/// The name a column steps aside to when its shadow takes its name before the column is
/// dropped.
pub fn replaced(column: &str) -> String {
    derived(column, "__migc_old")
}

/// The name an object is built under before it takes its final name at contract.
pub fn temporary(name: &str) -> String {
    derived(name, "__migc")
}

/// The name of `candidates` that `name` is, or is built under ([`temporary`]).
pub fn built_as<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .find(|c| *c == name || temporary(c) == name)
}

/// The copy of a table copied online, which takes the table's name when swapped in.
pub fn copy(table: &str) -> String {
    derived(table, "__migc")
}

/// The check that proves a column NOT NULL while the constraint cannot be added directly.
pub fn not_null_check(table: &str, column: &str) -> String {
    derived(&format!("{table}_{column}"), "_not_null")
}

/// The dual-write trigger (and trigger function) of a table, with the event it fires on where a
/// dialect needs one trigger per event (`insert`, `update`, `guard`).
pub fn sync(table: &str, event: Option<&str>) -> String {
    match event {
        None => derived(&format!("migc_sync_{table}"), ""),
        Some(e) => derived(&format!("migc_sync_{table}"), &format!("_{e}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_names_are_base_and_suffix() {
        assert_eq!(shadow("rating"), "rating__migc_new");
        assert_eq!(sync("orders", Some("insert")), "migc_sync_orders_insert");
        assert_eq!(not_null_check("t", "c"), "t_c_not_null");
    }

    #[test]
    fn long_names_fit_and_stay_apart() {
        let a = "a".repeat(60);
        let b = format!("{}b", "a".repeat(59));
        for name in [
            shadow(&a),
            shadow(&b),
            temporary(&a),
            sync(&a, Some("update")),
        ] {
            assert!(name.len() <= MAX_BYTES, "{name}");
        }
        assert_ne!(shadow(&a), shadow(&b));
        assert!(is_shadow(&shadow(&a)));
        assert_eq!(
            shadowed(&shadow(&b), [a.as_str(), b.as_str()]),
            Some(b.as_str())
        );
        // Cut at a character boundary.
        let wide = "é".repeat(31);
        assert!(shadow(&wide).len() <= MAX_BYTES);
        assert!(shadow(&wide).ends_with("__migc_new"));
    }
}
