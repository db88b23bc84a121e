//! Names that differ only in letter case, for a dialect that reads names without it (SQLite):
//! `Users` deployed and `users` declared are one table, renamed; likewise a column. The
//! declared schema gets the `renamed from` the author would have written, and the references
//! other declared tables make to the table by its deployed spelling follow.

use migc_compiler::schema::Schema;
use std::borrow::Cow;

/// `to` with the renames that differ from `from` only in letter case, or `to` itself when
/// there are none.
pub fn implied<'a>(from: &Schema, to: &'a Schema) -> Cow<'a, Schema> {
    // Declared table -> deployed table of the same name in another case.
    let mut tables: Vec<(String, String)> = Vec::new();
    for t in to.tables.values() {
        if from.tables.contains_key(&t.name) || t.renamed_from.is_some() {
            continue;
        }
        let same: Vec<&String> = from
            .tables
            .keys()
            .filter(|d| d.eq_ignore_ascii_case(&t.name) && !to.tables.contains_key(*d))
            .collect();
        if let [deployed] = same.as_slice() {
            tables.push((t.name.clone(), (*deployed).clone()));
        }
    }
    // (declared table, declared column) -> deployed column of the same name in another case.
    let mut columns: Vec<(String, String, String)> = Vec::new();
    for t in to.tables.values() {
        let deployed_name = tables
            .iter()
            .find(|(d, _)| d == &t.name)
            .map_or(t.name.as_str(), |(_, o)| o.as_str());
        let Some(old) = from.tables.get(deployed_name) else {
            continue;
        };
        for c in &t.columns {
            if old.column(&c.name).is_some() || c.renamed_from.is_some() || c.transform.is_some() {
                continue;
            }
            let same: Vec<&str> = old
                .columns
                .iter()
                .map(|o| o.name.as_str())
                .filter(|o| o.eq_ignore_ascii_case(&c.name) && t.column(o).is_none())
                .collect();
            if let [deployed] = same.as_slice() {
                columns.push((t.name.clone(), c.name.clone(), deployed.to_string()));
            }
        }
    }
    if tables.is_empty() && columns.is_empty() {
        return Cow::Borrowed(to);
    }
    let mut out = to.clone();
    for (declared, deployed) in &tables {
        if let Some(t) = out.tables.get_mut(declared) {
            t.renamed_from = Some(deployed.clone());
        }
    }
    for (table, column, deployed) in &columns {
        if let Some(c) = out
            .tables
            .get_mut(table)
            .and_then(|t| t.columns.iter_mut().find(|c| &c.name == column))
        {
            c.renamed_from = Some(deployed.clone());
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::implied;
    use migc_compiler::schema::{Schema, Table};

    fn table(name: &str, columns: &[&str]) -> Table {
        let columns: Vec<serde_json::Value> = columns
            .iter()
            .map(|c| serde_json::json!({"name": c, "type": {"builtin": {"name": "text"}}, "nullable": true}))
            .collect();
        serde_json::from_value(serde_json::json!({"name": name, "columns": columns}))
            .expect("table")
    }

    #[test]
    fn names_in_another_case_are_renames() {
        let mut from = Schema::default();
        from.tables
            .insert("Users".into(), table("Users", &["Email", "name"]));
        let mut to = Schema::default();
        to.tables
            .insert("users".into(), table("users", &["email", "name"]));
        let to = implied(&from, &to);
        let t = &to.tables["users"];
        assert_eq!(t.renamed_from.as_deref(), Some("Users"));
        assert_eq!(t.columns[0].renamed_from.as_deref(), Some("Email"));
        assert_eq!(t.columns[1].renamed_from, None);
    }
}
