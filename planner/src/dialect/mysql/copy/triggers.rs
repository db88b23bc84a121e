//! The copy's triggers: on the table, keeping the copy in step with the rows a batch has
//! claimed; in phases, on the copy, mirroring every write back to the old table; and the plan's
//! dual-write triggers, carried over to the copy.

use super::tuple;
use crate::dialect::mysql::program::Body;
use crate::dialect::mysql::sql::*;
use crate::dialect::mysql::Mysql;
use crate::step::Sync;
use migc_grammar::Diagnostic;

/// The triggers on `table` writing to the copy (`shadow`) the rows a batch has claimed in
/// `progress`: each dropped and made again.
pub(super) fn forward_triggers(
    table: &str,
    shadow: &str,
    progress: &str,
    cols: &[String],
    pk: &[String],
    phased: bool,
) -> Body {
    let (t, s, p) = (q(table), q(shadow), q(progress));
    let key_match = |row: &str| key_match(pk, row);
    let trig = |event: &str| {
        q(&suffixed(
            &format!("migc_copy_{table}"),
            &format!("_{event}"),
        ))
    };
    // The triggers write to the copy only rows a batch has claimed (at or below the key
    // in the progress row, or all of them once the last batch claimed the rest): a row
    // above it is copied later by its batch, under a lock, in its latest state. They read
    // the claim under a shared lock, which a batch's claim waits for: a writer never acts
    // on a claim that moved under it.
    let claimed: Vec<String> = (0..pk.len()).map(|i| format!("p.claimed_{i}")).collect();
    let copied = |row: &str| -> String {
        let keys: Vec<String> = pk.iter().map(|k| format!("{row}.{}", q(k))).collect();
        format!(
            "EXISTS (SELECT 1 FROM {p} AS p WHERE p.whole = 1 OR {} <= {} LOCK IN SHARE MODE)",
            tuple(&keys),
            tuple(&claimed)
        )
    };
    let upsert = upsert_new(shadow, cols);
    let set_new = cols
        .iter()
        .map(|c| format!("{0} = NEW.{0}", q(c)))
        .collect::<Vec<_>>()
        .join(", ");
    // The key unchanged (nearly always): one upsert, which locks only the row. A key moved
    // out of the claimed range leaves the copy (its batch copies it under the new key):
    // that happens only before the last claim, while no referencing key names the copy.
    let same_key = same_key(pk);
    let forward = [
        format!(
            "CREATE TRIGGER {} AFTER INSERT ON {t} FOR EACH ROW IF {} THEN {upsert}; END IF",
            trig("insert"),
            copied("NEW")
        ),
        format!(
            "CREATE TRIGGER {} AFTER UPDATE ON {t} FOR EACH ROW IF {same_key} THEN IF {new} THEN {upsert}; END IF; ELSEIF {old} THEN IF {new} THEN UPDATE {s} SET {set_new} WHERE {m}; IF ROW_COUNT() = 0 THEN {upsert}; END IF; ELSE DELETE FROM {s} WHERE {m}; END IF; ELSEIF {new} THEN {upsert}; END IF",
            trig("update"),
            new = copied("NEW"),
            old = copied("OLD"),
            m = key_match("OLD")
        ),
        format!(
            "CREATE TRIGGER {} AFTER DELETE ON {t} FOR EACH ROW IF {} THEN DELETE FROM {s} WHERE {}; END IF",
            trig("delete"),
            copied("OLD"),
            key_match("OLD")
        ),
    ];
    // In phases, the old table's triggers stand down while the copy's write to it.
    let triggers: Vec<String> = forward
        .iter()
        .map(|sql| if phased { silenced(sql) } else { sql.clone() })
        .collect();
    let mut b = Body::new();
    for (i, event) in ["insert", "update", "delete"].iter().enumerate() {
        b.push(&dynamic(&format!("DROP TRIGGER IF EXISTS {}", trig(event))));
        b.push(&dynamic(&triggers[i]));
    }
    b
}

impl Mysql {
    /// The plan's dual-write triggers of `table`, made on the copy under temporary names, and
    /// made on the table again under their own names after the swap, the temporary ones then
    /// dropped.
    pub(super) fn carry_sync(
        &self,
        table: &str,
        sync: &Sync,
        shadow: &str,
    ) -> Result<[Body; 2], Diagnostic> {
        let std_names = [
            Mysql::trigger_name(table, "insert"),
            Mysql::trigger_name(table, "update"),
        ];
        let temp_names = [
            suffixed(&std_names[0], "__migc"),
            suffixed(&std_names[1], "__migc"),
        ];
        let on_copy = self.sync_triggers(sync, shadow, [&temp_names[0], &temp_names[1]])?;
        let mut make = Body::new();
        for (name, sql) in temp_names.iter().zip(&on_copy) {
            make.push(&dynamic(&format!("DROP TRIGGER IF EXISTS {}", q(name))));
            make.push(&dynamic(sql));
        }
        let carry = Body::when(&trigger_exists(&std_names[0]), make);
        let on_table = self.sync_triggers(sync, table, [&std_names[0], &std_names[1]])?;
        let mut make = Body::new();
        for ((name, temp), sql) in std_names.iter().zip(&temp_names).zip(&on_table) {
            make.push(&dynamic(&format!("DROP TRIGGER IF EXISTS {}", q(name))));
            make.push(&dynamic(sql));
            make.push(&dynamic(&format!("DROP TRIGGER IF EXISTS {}", q(temp))));
        }
        let back = Body::when(&trigger_exists(&temp_names[0]), make);
        Ok([carry, back])
    }
}

/// A trigger statement (`CREATE TRIGGER … FOR EACH ROW <body>`) whose body runs only while
/// `@migc_mirror` is unset, and sets it meanwhile: a write it makes to a table whose own
/// triggers write back does not come back. An error resets the flag before it propagates.
fn silenced(sql: &str) -> String {
    let (head, body) = sql
        .split_once(" FOR EACH ROW ")
        .unwrap_or_else(|| unreachable!("a row trigger: {sql}"));
    format!(
        "{head} FOR EACH ROW BEGIN DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN SET @migc_mirror = NULL; RESIGNAL; END; IF @migc_mirror IS NULL THEN SET @migc_mirror = 1; {body}; SET @migc_mirror = NULL; END IF; END"
    )
}

/// The row a trigger sees as `NEW` written to `into` without deleting first (no REPLACE: once
/// the keys of referencing tables name `into`, a delete would fire their ON DELETE actions).
fn upsert_new(into: &str, cols: &[String]) -> String {
    format!(
        "INSERT INTO {} ({}) VALUES ({}) ON DUPLICATE KEY UPDATE {}",
        q(into),
        columns(cols),
        cols.iter()
            .map(|c| format!("NEW.{}", q(c)))
            .collect::<Vec<_>>()
            .join(", "),
        cols.iter()
            .map(|c| format!("{0} = VALUES({0})", q(c)))
            .collect::<Vec<_>>()
            .join(", ")
    )
}

/// `k1 = row.k1 AND …` over the key columns.
fn key_match(pk: &[String], row: &str) -> String {
    pk.iter()
        .map(|k| format!("{0} = {row}.{0}", q(k)))
        .collect::<Vec<_>>()
        .join(" AND ")
}

/// Whether an update left the key as it was.
fn same_key(pk: &[String]) -> String {
    pk.iter()
        .map(|k| format!("NEW.{0} <=> OLD.{0}", q(k)))
        .collect::<Vec<_>>()
        .join(" AND ")
}

/// The copy's triggers writing every row of `from` to `to` (same columns), silenced while
/// `@migc_mirror` is set: `(name, CREATE TRIGGER …)` for insert, update and delete.
pub(super) fn mirror_triggers(
    table: &str,
    from: &str,
    to: &str,
    cols: &[String],
    pk: &[String],
    label: &str,
) -> Vec<(String, String)> {
    let (f, t) = (q(from), q(to));
    let upsert = upsert_new(to, cols);
    let key = |row: &str| key_match(pk, row);
    let same_key = same_key(pk);
    let name = |event: &str| suffixed(&format!("migc_copy_{table}"), &format!("_{label}_{event}"));
    [
        ("insert", "INSERT", upsert.clone()),
        (
            "update",
            "UPDATE",
            format!(
                "IF NOT ({same_key}) THEN DELETE FROM {t} WHERE {}; END IF; {upsert}",
                key("OLD")
            ),
        ),
        (
            "delete",
            "DELETE",
            format!("DELETE FROM {t} WHERE {}", key("OLD")),
        ),
    ]
    .into_iter()
    .map(|(event, upper, body)| {
        let n = name(event);
        let sql = silenced(&format!(
            "CREATE TRIGGER {} AFTER {upper} ON {f} FOR EACH ROW {body}",
            q(&n)
        ));
        (n, sql)
    })
    .collect()
}
