//! Dual-write triggers, their guard table, and the writable views standing for renamed tables.

use super::*;

pub(super) fn guard_name(table: &str) -> String {
    crate::names::sync(table, Some("guard"))
}

pub(super) fn trigger_name(table: &str, event: &str) -> String {
    crate::names::sync(table, Some(event))
}

/// Whether two values differ, null being a value: 1 or 0, never null. SQLite's `a IS NOT b`
/// says the same, but sqlparser reads `IS NOT` only before `NULL`, `TRUE`, `FALSE` or `DISTINCT
/// FROM`, and SQLite has `IS DISTINCT FROM` only from 3.39.
pub(super) fn differs(a: &str, b: &str) -> String {
    format!("coalesce({a} <> {b}, {a} IS NOT NULL OR {b} IS NOT NULL)")
}

/// The dual-write triggers of a table, by name.
pub(super) fn sync_triggers(t: &state::Table) -> Result<Vec<(String, String)>, Diagnostic> {
    let Some(sync) = &t.sync else {
        return Ok(Vec::new());
    };
    let table = q(&t.name);
    let guard = q(&guard_name(&t.name));
    let new_cols: Vec<&str> = sync.new_columns.iter().map(|(c, _)| c.as_str()).collect();
    let mut old_cols: Vec<String> = Vec::new();
    for (_, up) in &sync.new_columns {
        for i in crate::sql::identifiers(&up.sql) {
            if !old_cols.contains(&i) && !new_cols.contains(&i.as_str()) && t.col(&i).is_some() {
                old_cols.push(i);
            }
        }
    }
    for (c, _) in &sync.old_columns {
        if !old_cols.contains(c) {
            old_cols.push(c.clone());
        }
    }
    let changed = |cols: &[&str]| {
        if cols.is_empty() {
            "0".to_string()
        } else {
            cols.iter()
                .map(|c| differs(&format!("NEW.{}", q(c)), &format!("OLD.{}", q(c))))
                .collect::<Vec<_>>()
                .join(" OR ")
        }
    };
    let old_refs: Vec<&str> = old_cols.iter().map(String::as_str).collect();
    let all_new_null = if new_cols.is_empty() {
        "1".to_string()
    } else {
        new_cols
            .iter()
            .map(|c| format!("NEW.{} IS NULL", q(c)))
            .collect::<Vec<_>>()
            .join(" AND ")
    };
    let mut ups = Vec::new();
    for (c, up) in &sync.new_columns {
        ups.push(format!("{} = {}", q(c), expr(up)?));
    }
    let mut downs = Vec::new();
    for (c, down) in &sync.old_columns {
        if let Some(d) = down {
            downs.push(format!("{} = {}", q(c), expr(d)?));
        }
    }
    let mut shadows = Vec::new();
    for (c, up) in &sync.shadows {
        let sources: Vec<String> = crate::sql::identifiers(&up.sql)
            .into_iter()
            .filter(|i| t.col(i).is_some())
            .collect();
        let sources: Vec<&str> = sources.iter().map(String::as_str).collect();
        shadows.push((
            c.clone(),
            format!("{} = {}", q(c), expr(up)?),
            changed(&sources),
        ));
    }
    let row = "rowid = NEW.rowid";
    let mut insert = vec![format!(
        "  INSERT OR REPLACE INTO {guard} (active) VALUES (1);"
    )];
    if !shadows.is_empty() {
        let sets: Vec<&str> = shadows.iter().map(|(_, s, _)| s.as_str()).collect();
        insert.push(format!(
            "  -- shadow columns of type changes follow the deployed columns\n  UPDATE {table} SET {} WHERE {row};",
            sets.join(", ")
        ));
    }
    if !ups.is_empty() {
        insert.push(format!(
            "  -- written by the old application: the new columns from the deployed ones\n  UPDATE {table} SET {} WHERE {row} AND {all_new_null};",
            ups.join(", ")
        ));
    }
    if !downs.is_empty() {
        insert.push(format!(
            "  -- written by the new application: the deployed columns from the new ones\n  UPDATE {table} SET {} WHERE {row} AND NOT ({all_new_null});",
            downs.join(", ")
        ));
    }
    for (c, d) in sync.fills_left_out() {
        insert.push(format!(
            "  -- left out by the new application\n  UPDATE {table} SET {0} = {1} WHERE {row} AND {0} IS NULL;",
            q(c),
            expr(d)?
        ));
    }
    insert.push(format!("  DELETE FROM {guard};"));
    let mut enforce = Vec::new();
    for ck in deferred_checks(t) {
        enforce.push(format!(
            "  SELECT RAISE(ABORT, {}) FROM {table} WHERE {row} AND NOT ({});",
            lit(&format!("CHECK constraint failed: {}", ck.name)),
            expr(&ck.expr)?
        ));
    }
    if !enforce.is_empty() {
        insert.push(format!(
            "  -- checks that mix columns the trigger fills with columns the application writes\n{}",
            enforce.join("\n")
        ));
    }
    let mut update = Vec::new();
    for (shadow, set, changed_sources) in &shadows {
        update.push(format!(
            "  UPDATE {table} SET {set} WHERE {row} AND ({changed_sources} OR NEW.{} IS NULL);",
            q(shadow)
        ));
    }
    let old_changed = changed(&old_refs);
    let new_changed = changed(&new_cols);
    // Columns only the old application has: a write that changes the new columns is the new
    // application's unless it also changes one of those (columns both versions have, such as a
    // source of `up` that stays, do not tell the writer apart).
    let leaving: Vec<&str> = sync.old_columns.iter().map(|(c, _)| c.as_str()).collect();
    let leaving_changed = changed(&leaving);
    if !ups.is_empty() {
        update.push(format!(
            "  -- updated by the old application (or a row not filled yet)\n  UPDATE {table} SET {} WHERE {row} AND ({old_changed} OR {all_new_null}) AND NOT ({new_changed});",
            ups.join(", ")
        ));
    }
    if !downs.is_empty() {
        update.push(format!(
            "  -- updated by the new application\n  UPDATE {table} SET {} WHERE {row} AND ({new_changed}) AND NOT ({leaving_changed});",
            downs.join(", ")
        ));
    }
    if !enforce.is_empty() {
        update.push(format!(
            "  -- checks that mix columns the trigger fills with columns the application writes\n{}",
            enforce.join("\n")
        ));
    }
    let mut out = Vec::new();
    let name = trigger_name(&t.name, "insert");
    out.push((
        name.clone(),
        format!(
            "CREATE TRIGGER {} AFTER INSERT ON {table}\nBEGIN\n{}\nEND;",
            q(&name),
            insert.join("\n")
        ),
    ));
    if !update.is_empty() {
        let name = trigger_name(&t.name, "update");
        out.push((
            name.clone(),
            format!(
                "CREATE TRIGGER {} AFTER UPDATE ON {table}\nWHEN NOT EXISTS (SELECT 1 FROM {guard})\nBEGIN\n{}\nEND;",
                q(&name),
                update.join("\n")
            ),
        ));
    }
    Ok(out)
}

pub(super) fn create_guard(table: &str) -> String {
    format!(
        "CREATE TABLE {} (active INTEGER PRIMARY KEY);",
        q(&guard_name(table))
    )
}

/// The view standing for a renamed table, with the triggers that make it writable.
pub(super) fn alias_sql(t: &state::Table, alias: &str) -> Result<Vec<String>, Diagnostic> {
    let table = q(&t.name);
    let view = q(alias);
    let Some(pk) = &t.primary_key else {
        return Err(Diagnostic::error(
            Code::Unsupported,
            format!(
                "table `{}` has no primary key: SQLite cannot write through the view `{alias}`",
                t.name
            ),
        ));
    };
    let key = pk
        .columns
        .iter()
        .map(|c| format!("{0} = OLD.{0}", q(c)))
        .collect::<Vec<_>>()
        .join(" AND ");
    let mut names = Vec::new();
    let mut values = Vec::new();
    let mut sets = Vec::new();
    // A generated column is the table's to compute: written through the view, it is not.
    for c in t.columns.iter().filter(|c| c.def.generated.is_none()) {
        names.push(q(&c.def.name));
        values.push(match &c.def.default {
            Some(d) => format!("coalesce(NEW.{}, {})", q(&c.def.name), expr(d)?),
            None => format!("NEW.{}", q(&c.def.name)),
        });
        sets.push(format!("{0} = NEW.{0}", q(&c.def.name)));
    }
    let trig = |event: &str| {
        q(&crate::names::derived(
            &format!("migc_alias_{alias}"),
            &format!("_{event}"),
        ))
    };
    Ok(vec![
        format!("CREATE VIEW {view} AS SELECT * FROM {table};"),
        format!(
            "CREATE TRIGGER {} INSTEAD OF INSERT ON {view}\nBEGIN\n  INSERT INTO {table} ({}) VALUES ({});\nEND;",
            trig("insert"),
            names.join(", "),
            values.join(", ")
        ),
        format!(
            "CREATE TRIGGER {} INSTEAD OF UPDATE ON {view}\nBEGIN\n  UPDATE {table} SET {} WHERE {key};\nEND;",
            trig("update"),
            sets.join(", ")
        ),
        format!(
            "CREATE TRIGGER {} INSTEAD OF DELETE ON {view}\nBEGIN\n  DELETE FROM {table} WHERE {key};\nEND;",
            trig("delete")
        ),
    ])
}
