//! Changing one table: `ALTER TABLE` where it suffices, the 12-step rebuild otherwise.

use super::*;

/// A table change as SQL.
pub(super) struct Migration {
    pub(super) rebuild: bool,
    pub(super) sql: Vec<String>,
    pub(super) drops_column: bool,
    pub(super) builds_index: bool,
}

/// Changes table `a` into `b` (same table; columns matched by id). `remap` maps column ids to
/// label renames applied while copying.
pub(super) fn migrate(
    a: &Written,
    b: &Written,
    remap: &BTreeMap<u32, Vec<(String, String)>>,
    ck: &mut Checks,
) -> Result<Migration, Diagnostic> {
    let t = &b.table.name;
    let a_ids: BTreeMap<u32, &Col> = a.table.columns.iter().map(|c| (c.id, c)).collect();
    let b_ids: BTreeMap<u32, &Col> = b.table.columns.iter().map(|c| (c.id, c)).collect();
    let renames: Vec<(String, String)> = b
        .table
        .columns
        .iter()
        .filter_map(|c| {
            a_ids
                .get(&c.id)
                .filter(|o| o.def.name != c.def.name)
                .map(|o| (o.def.name.clone(), c.def.name.clone()))
        })
        .collect();
    let dropped: Vec<&Col> = a
        .table
        .columns
        .iter()
        .filter(|c| !b_ids.contains_key(&c.id))
        .collect();
    let added: Vec<&Col> = b
        .table
        .columns
        .iter()
        .filter(|c| !a_ids.contains_key(&c.id))
        .collect();
    // `a` with the renames applied, to compare with `b` (its columns keep what they accept).
    let mut ar = a.clone();
    let swap = renames
        .iter()
        .any(|(_, to)| a.col(to).is_some_and(|c| b_ids.contains_key(&c.id)));
    for (i, (from, _)) in renames.iter().enumerate() {
        ar.table.rename_column(from, &format!("\u{1}migc{i}"));
    }
    for (i, (_, to)) in renames.iter().enumerate() {
        ar.table.rename_column(&format!("\u{1}migc{i}"), to);
    }
    let mut rebuild = swap || remap.values().any(|m| !m.is_empty());
    for c in &b.table.columns {
        if let Some(o) = ar.table.columns.iter().find(|o| o.id == c.id) {
            if col_def(&ar, o)? != col_def(b, c)? {
                rebuild = true;
            }
        }
    }
    if constraints(&ar)? != constraints(b)? || table_options(&a.table) != table_options(&b.table) {
        rebuild = true;
    }
    let pk_cols: Vec<&String> = b
        .table
        .primary_key
        .iter()
        .flat_map(|p| &p.columns)
        .collect();
    for c in &added {
        let default_ok = match &c.def.default {
            None => c.def.nullable || b.relaxed(c),
            Some(d) => is_constant(&d.sql) && (c.def.nullable || b.relaxed(c) || !is_null(&d.sql)),
        };
        // `ADD COLUMN` takes a generated column only if it is virtual.
        let generated_ok = c
            .def
            .generated
            .as_ref()
            .is_none_or(|g| !g.stored && c.def.nullable);
        if !default_ok || !generated_ok || c.def.identity || pk_cols.contains(&&c.def.name) {
            rebuild = true;
        }
    }
    // `ADD COLUMN` puts a column last: one declared before columns the table has takes a
    // rebuild, which writes the columns in their declared order.
    let last_kept = b
        .table
        .columns
        .iter()
        .rposition(|c| a_ids.contains_key(&c.id));
    if let Some(last_kept) = last_kept {
        if b.table.columns[..last_kept]
            .iter()
            .any(|c| !a_ids.contains_key(&c.id))
        {
            rebuild = true;
        }
    }
    let a_triggers = sync_triggers(&ar.table)?;
    let b_triggers = sync_triggers(&b.table)?;
    let mut sql = Vec::new();
    if rebuild {
        let known: Vec<String> = a
            .table
            .indexes
            .iter()
            .map(|i| i.name.clone())
            .chain(sync_triggers(&a.table)?.into_iter().map(|(n, _)| n))
            .chain(a.table.natives.iter().map(|n| n.name.clone()))
            .collect();
        ck.counters += 1;
        let n = ck.counters;
        let new = crate::names::derived(&format!("migc_new_{t}"), "");
        sql.push(comment(&format!(
            "rebuild {} (copy every row into a new table, then swap it in)",
            q(t)
        )));
        sql.push(format!(
            "INSERT INTO temp.migc_count (n, rows) SELECT {n}, count(*) FROM {};",
            q(a.name())
        ));
        sql.push(ck.record(
            "unmanaged",
            &format!(
                "NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE tbl_name = {} AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_autoindex_%'{})",
                lit(a.name()),
                if known.is_empty() {
                    String::new()
                } else {
                    format!(" AND name NOT IN ({})", names_list(&known))
                }
            ),
        ));
        sql.push(create_table(b, &new)?);
        let mut targets = Vec::new();
        let mut sources = Vec::new();
        if b.rowid_alias().is_none() && !a.table.without_rowid && !b.table.without_rowid {
            targets.push("rowid".to_string());
            sources.push("rowid".to_string());
        }
        for c in &b.table.columns {
            let Some(o) = a_ids.get(&c.id) else { continue };
            // A generated column is computed by the new table itself.
            if c.def.generated.is_some() {
                continue;
            }
            targets.push(q(&c.def.name));
            let source = q(&o.def.name);
            let value = match remap.get(&c.id).filter(|m| !m.is_empty()) {
                Some(m) => {
                    let arms: Vec<String> = m
                        .iter()
                        .map(|(x, y)| format!(" WHEN {} THEN {}", lit(x), lit(y)))
                        .collect();
                    format!("CASE {source}{} ELSE {source} END", arms.concat())
                }
                None => source,
            };
            // A column the dual-write trigger filled gets NOT NULL back: rows that lost its
            // value (a rolled back contract brings it back empty) take it from the new
            // columns, through the trigger's `down`.
            let fill = a
                .table
                .sync
                .iter()
                .flat_map(|s| &s.old_columns)
                .find(|(n, _)| n == &o.def.name)
                .and_then(|(_, d)| d.as_ref())
                .filter(|_| !c.def.nullable && !b.relaxed(c) && (o.def.nullable || a.relaxed(o)));
            match fill {
                Some(d) => sources.push(format!("coalesce({value}, {})", expr(d)?)),
                None => sources.push(value),
            }
        }
        sql.push(format!(
            "INSERT INTO {} ({}) SELECT {} FROM {};",
            q(&new),
            targets.join(", "),
            sources.join(", "),
            q(a.name())
        ));
        if autoincrements(a) && autoincrements(b) {
            sql.extend(keep_sequence(a.name(), &new));
        }
        sql.push(format!("DROP TABLE {};", q(a.name())));
        sql.push("PRAGMA legacy_alter_table = 1;".to_string());
        sql.push(format!("ALTER TABLE {} RENAME TO {};", q(&new), q(t)));
        sql.push("PRAGMA legacy_alter_table = 0;".to_string());
        for i in b.table.indexes.iter().filter(|i| !i.constraint) {
            sql.push(index_sql(t, i)?);
        }
        for (_, s) in &b_triggers {
            sql.push(s.clone());
        }
        for n in &b.table.natives {
            sql.push(format!(
                "{}\n{}",
                comment(&format!("from native block `{}`", n.block)),
                terminated(&n.sql)
            ));
        }
        if b.table.sync.is_some() && a.table.sync.is_none() {
            sql.push(create_guard(t));
        }
        if a.table.sync.is_some() && b.table.sync.is_none() {
            sql.push(format!("DROP TABLE {};", q(&guard_name(a.name()))));
        }
        sql.push(ck.record(
            "rows",
            &format!(
                "(SELECT count(*) FROM {}) = (SELECT rows FROM temp.migc_count WHERE n = {n})",
                q(t)
            ),
        ));
        ck.rebuilt.insert(t.clone());
        return Ok(Migration {
            rebuild: true,
            sql,
            drops_column: false,
            builds_index: !b.table.indexes.is_empty(),
        });
    }
    // `RENAME COLUMN` reads every trigger of the table again, and fails on one that names a
    // column the table does not have yet (a dual-write trigger made again by a rollback before
    // the column it reads is back): the table's triggers go first and come back after.
    let triggers_change =
        a_triggers != b_triggers || (!renames.is_empty() && !a_triggers.is_empty());
    if triggers_change {
        for (name, _) in sync_triggers(&a.table)? {
            sql.push(format!("DROP TRIGGER {};", q(&name)));
        }
    }
    let index_text = |table: &state::Table| -> Result<BTreeMap<String, String>, Diagnostic> {
        table
            .indexes
            .iter()
            .filter(|i| !i.constraint)
            .map(|i| Ok((i.name.clone(), index_sql(t, i)?)))
            .collect()
    };
    let a_idx = index_text(&ar.table)?;
    let b_idx = index_text(&b.table)?;
    for (name, text) in &a_idx {
        if b_idx.get(name) != Some(text) {
            sql.push(format!("DROP INDEX {};", q(name)));
        }
    }
    for c in &dropped {
        sql.push(format!(
            "ALTER TABLE {} DROP COLUMN {};",
            q(a.name()),
            q(&c.def.name)
        ));
    }
    for (from, to) in &renames {
        sql.push(format!(
            "ALTER TABLE {} RENAME COLUMN {} TO {};",
            q(t),
            q(from),
            q(to)
        ));
    }
    for c in &added {
        sql.push(format!(
            "ALTER TABLE {} ADD COLUMN {};",
            q(t),
            col_def(b, c)?
        ));
    }
    let mut builds_index = false;
    for (name, text) in &b_idx {
        if a_idx.get(name) != Some(text) {
            sql.push(text.clone());
            builds_index = true;
        }
    }
    if b.table.sync.is_some() && a.table.sync.is_none() {
        sql.push(create_guard(t));
    }
    if triggers_change {
        for (_, s) in &b_triggers {
            sql.push(s.clone());
        }
    }
    if a.table.sync.is_some() && b.table.sync.is_none() {
        sql.push(format!("DROP TABLE {};", q(&guard_name(a.name()))));
    }
    Ok(Migration {
        rebuild: false,
        sql,
        drops_column: !dropped.is_empty(),
        builds_index,
    })
}

/// Whether table `t` counts its rowids in `sqlite_sequence` (`AUTOINCREMENT`).
fn autoincrements(t: &Written) -> bool {
    t.rowid_alias()
        .and_then(|c| t.col(c))
        .is_some_and(|c| c.def.autoincrement)
}

/// Carries table `old`'s `AUTOINCREMENT` counter over to its copy `new`: a rebuild copies the
/// rows, but a value used by a row deleted since must still never come back.
fn keep_sequence(old: &str, new: &str) -> Vec<String> {
    let (old, new) = (lit(old), lit(new));
    vec![
        format!(
            "UPDATE sqlite_sequence SET seq = max(seq, (SELECT seq FROM sqlite_sequence WHERE name = {old})) WHERE name = {new} AND EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = {old});"
        ),
        format!(
            "INSERT INTO sqlite_sequence (name, seq) SELECT {new}, seq FROM sqlite_sequence WHERE name = {old} AND NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = {new});"
        ),
    ]
}
