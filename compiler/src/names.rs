//! Generated names for constraints and indexes, following PostgreSQL's conventions so that a
//! schema imported from PostgreSQL keeps its names: `users_pkey`, `users_email_key`,
//! `orders_user_id_fkey`, `orders_total_check`, `orders_user_id_created_at_idx`.

/// Bytes an identifier may have in every supported dialect (PostgreSQL's limit; MySQL's is 64).
pub(crate) const MAX_IDENTIFIER: usize = 63;

pub(crate) fn primary_key(table: &str) -> String {
    format!("{table}_pkey")
}

pub(crate) fn unique(table: &str, columns: &[String]) -> String {
    format!("{table}_{}_key", columns.join("_"))
}

pub(crate) fn foreign_key(table: &str, columns: &[String]) -> String {
    format!("{table}_{}_fkey", columns.join("_"))
}

pub(crate) fn check(table: &str, columns: &[String]) -> String {
    match columns.first() {
        Some(first) => format!("{table}_{first}_check"),
        None => format!("{table}_check"),
    }
}

pub(crate) fn index(table: &str, columns: &[String]) -> String {
    if columns.is_empty() {
        format!("{table}_expr_idx")
    } else {
        format!("{table}_{}_idx", columns.join("_"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conventions() {
        let cols = |c: &[&str]| c.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(primary_key("users"), "users_pkey");
        assert_eq!(unique("users", &cols(&["email"])), "users_email_key");
        assert_eq!(
            foreign_key("orders", &cols(&["user_id"])),
            "orders_user_id_fkey"
        );
        assert_eq!(check("orders", &cols(&["total"])), "orders_total_check");
        assert_eq!(check("orders", &[]), "orders_check");
        assert_eq!(
            index("orders", &cols(&["user_id", "created_at"])),
            "orders_user_id_created_at_idx"
        );
    }
}
