//! What a script records as it goes, and the verdict that rolls the phase back unless every
//! record says yes.

use super::*;

/// What a script records in `temp.migc_check` as it goes; the verdict at its end compares.
#[derive(Default)]
pub(super) struct Checks {
    /// Records that must say yes (kinds other than `foreign keys`).
    pub(super) records: usize,
    /// Row counts taken before rebuilds.
    pub(super) counters: usize,
    /// Tables rebuilt (their foreign keys and those pointing at them are checked at the end).
    pub(super) rebuilt: BTreeSet<String>,
}

impl Checks {
    pub(super) fn record(&mut self, kind: &str, condition: &str) -> String {
        self.records += 1;
        format!(
            "INSERT INTO temp.migc_check (kind, ok) SELECT {}, {condition};",
            lit(kind)
        )
    }
}

impl Run<'_> {
    /// Opens a phase script: settings, the transaction, the check tables and the first checks.
    pub(super) fn opening(
        &self,
        phase: Phase,
        up: bool,
        from: &State,
        touched: &Touched,
        ck: &mut Checks,
    ) -> String {
        let mut s = vec![
            comment("migc: the phase runs in one transaction. The sqlite3 shell goes on after a failed statement,\nso the checks at the end roll everything back unless every statement did its part."),
            format!("PRAGMA busy_timeout = {};", self.busy_timeout_ms),
            "PRAGMA foreign_keys = 0;".to_string(),
            "BEGIN IMMEDIATE;".to_string(),
            comment("starts the transaction even if BEGIN failed (the database was busy): nothing runs outside one"),
            format!("SAVEPOINT migc_{}_{};", phase.name(), if up { "up" } else { "down" }),
            "DROP TABLE IF EXISTS temp.migc_check;".to_string(),
            "DROP TABLE IF EXISTS temp.migc_count;".to_string(),
            "DROP TABLE IF EXISTS temp.migc_verdict;".to_string(),
            "CREATE TEMP TABLE migc_check (kind TEXT NOT NULL, ok INTEGER);".to_string(),
            "CREATE TEMP TABLE migc_count (n INTEGER PRIMARY KEY, rows INTEGER NOT NULL);".to_string(),
            "CREATE TEMP TABLE migc_verdict (kind TEXT NOT NULL, failed INTEGER NOT NULL);".to_string(),
        ];
        for (kind, message) in VERDICTS {
            s.push(format!(
                "CREATE TEMP TRIGGER migc_verdict_{} BEFORE INSERT ON migc_verdict WHEN NEW.kind = {} AND NEW.failed\nBEGIN\n  SELECT RAISE(ROLLBACK, {});\nEND;",
                kind.replace(' ', "_"),
                lit(kind),
                lit(message)
            ));
        }
        s.push(ck.record(
            "start",
            "(SELECT foreign_keys FROM pragma_foreign_keys) = 0",
        ));
        for cond in state_conditions(from, touched) {
            s.push(ck.record("start", &cond));
        }
        s.join("\n")
    }

    /// Closes a phase script: the last checks, the verdict, `COMMIT`.
    pub(super) fn closing(&self, to: &State, touched: &Touched, ck: &Checks) -> String {
        let mut ck_end = Checks {
            records: ck.records,
            ..Checks::default()
        };
        let mut s = vec![comment(
            "migc: the checks; any failure rolls the whole phase back",
        )];
        for cond in state_conditions(to, touched) {
            s.push(ck_end.record("end", &cond));
        }
        let mut fk_tables: BTreeSet<String> = BTreeSet::new();
        for t in &ck.rebuilt {
            if to.table(t).is_some() {
                fk_tables.insert(t.clone());
            }
            for other in to.tables() {
                if other.valid_foreign_keys().any(|f| &f.ref_table == t) {
                    fk_tables.insert(other.name.clone());
                }
            }
        }
        for t in &fk_tables {
            s.push(format!(
                "INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check({}));",
                lit(t)
            ));
        }
        s.push("INSERT INTO temp.migc_verdict (kind, failed) SELECT 'start', EXISTS (SELECT 1 FROM temp.migc_check WHERE kind = 'start' AND coalesce(ok, 0) <> 1);".to_string());
        s.push("INSERT INTO temp.migc_verdict (kind, failed) SELECT 'unmanaged', EXISTS (SELECT 1 FROM temp.migc_check WHERE kind = 'unmanaged' AND coalesce(ok, 0) <> 1);".to_string());
        s.push(format!(
            "INSERT INTO temp.migc_verdict (kind, failed) SELECT 'steps', (SELECT count(*) FROM temp.migc_check WHERE kind <> 'foreign keys' AND ok = 1) <> {};",
            ck_end.records
        ));
        s.push(format!(
            "INSERT INTO temp.migc_verdict (kind, failed) SELECT 'foreign keys', (SELECT count(*) FROM temp.migc_check WHERE kind = 'foreign keys' AND ok = 1) <> {};",
            fk_tables.len()
        ));
        s.push("DROP TABLE IF EXISTS temp.migc_verdict;".to_string());
        s.push("DROP TABLE IF EXISTS temp.migc_count;".to_string());
        s.push("DROP TABLE IF EXISTS temp.migc_check;".to_string());
        s.push("COMMIT;".to_string());
        s.push("PRAGMA foreign_keys = 1;".to_string());
        s.join("\n")
    }
}

/// The verdicts, in the order they are taken, with the message of each.
pub(super) const VERDICTS: [(&str, &str); 4] = [
    (
        "start",
        "migc: the database is not in the state this script starts from (already applied?); nothing was changed",
    ),
    (
        "unmanaged",
        "migc: a table to rebuild has indexes or triggers that migc does not know (declare them in a native block of the schema); nothing was changed",
    ),
    (
        "steps",
        "migc: a statement of this script failed (see the errors above); nothing was changed",
    ),
    (
        "foreign keys",
        "migc: PRAGMA foreign_key_check finds rows without their parent; nothing was changed",
    ),
];

/// Tables and views a phase acts on.
#[derive(Default)]
pub(super) struct Touched {
    pub(super) tables: BTreeSet<String>,
    pub(super) views: BTreeSet<String>,
    /// Index names the phase knows per table, before or after.
    pub(super) indexes: BTreeMap<String, BTreeSet<String>>,
    /// Tables with dual-write triggers before or after.
    pub(super) synced: BTreeSet<String>,
}

pub(super) fn touched(actions: &[Action]) -> Touched {
    let mut t = Touched::default();
    let known = |tbl: &state::Table, t: &mut Touched| {
        t.indexes
            .entry(tbl.name.clone())
            .or_default()
            .extend(tbl.indexes.iter().map(|i| i.name.clone()));
        if tbl.sync.is_some() {
            t.synced.insert(tbl.name.clone());
        }
        t.tables.insert(tbl.name.clone());
    };
    for a in actions {
        match &a.act {
            Act::Table { before, after, .. } => {
                known(&before.table, &mut t);
                known(&after.table, &mut t);
            }
            Act::CreateTable(x) | Act::DropTable(x) => known(&x.table, &mut t),
            Act::RenameTable { from, to } => {
                t.tables.insert(from.clone());
                t.tables.insert(to.clone());
            }
            Act::CreateView(v) | Act::DropView(v) => {
                t.views.insert(v.name.clone());
            }
            Act::CreateAlias { alias, .. } | Act::DropAlias { alias, .. } => {
                t.views.insert(alias.clone());
            }
            Act::Backfill { .. }
            | Act::Native { .. }
            | Act::Validate { .. }
            | Act::MapLabelsOnRollback { .. } => {}
        }
    }
    t
}

pub(super) fn group_concat(select: &str, names: &[String]) -> String {
    let list = format!("(SELECT group_concat(name, ',') FROM ({select} ORDER BY name))");
    if names.is_empty() {
        format!("{list} IS NULL")
    } else {
        // Null (no name at all) compares to null: the record fails, as it must.
        format!("{list} = {}", lit(&names.join(",")))
    }
}

/// Conditions that hold in state `s` for the touched objects.
pub(super) fn state_conditions(s: &State, touched: &Touched) -> Vec<String> {
    let mut out = Vec::new();
    for name in &touched.tables {
        match s.table(name) {
            Some(t) => {
                let mut cols: Vec<String> = t.columns.iter().map(|c| c.def.name.clone()).collect();
                cols.sort();
                let mut conds = vec![group_concat(
                    // `table_xinfo`: `table_info` leaves out generated columns.
                    &format!("SELECT name FROM pragma_table_xinfo({})", lit(name)),
                    &cols,
                )];
                // A unique constraint's index has a name SQLite makes up (`sqlite_autoindex_…`,
                // numbered by position): it is found by its columns, as is the unique index of
                // its name that a table written before it stood in the table has.
                let constraints: Vec<&Index> = t.indexes.iter().filter(|i| i.constraint).collect();
                let universe: Vec<String> = touched
                    .indexes
                    .get(name)
                    .map(|n| {
                        n.iter()
                            .filter(|n| !constraints.iter().any(|c| &c.name == *n))
                            .cloned()
                            .collect()
                    })
                    .unwrap_or_default();
                for c in &constraints {
                    let cols: Vec<String> =
                        c.parts.iter().filter_map(|p| p.column.clone()).collect();
                    conds.push(format!(
                        "EXISTS (SELECT 1 FROM pragma_index_list({}) AS l WHERE l.\"unique\" = 1 AND l.partial = 0 AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_info(l.name) ORDER BY seqno)) = {})",
                        lit(name),
                        lit(&cols.join(","))
                    ));
                }
                if !universe.is_empty() {
                    let mut idx: Vec<String> = t
                        .indexes
                        .iter()
                        .filter(|i| !i.constraint)
                        .map(|i| i.name.clone())
                        .filter(|n| universe.contains(n))
                        .collect();
                    idx.sort();
                    conds.push(group_concat(
                        &format!(
                            "SELECT name FROM pragma_index_list({}) WHERE name IN ({})",
                            lit(name),
                            names_list(&universe)
                        ),
                        &idx,
                    ));
                }
                if touched.synced.contains(name) {
                    let mut trg: Vec<String> = sync_triggers(t)
                        .map(|v| v.into_iter().map(|(n, _)| n).collect())
                        .unwrap_or_default();
                    trg.sort();
                    conds.push(group_concat(
                        &format!(
                            "SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = {} AND name LIKE 'migc_sync_%'",
                            lit(name)
                        ),
                        &trg,
                    ));
                }
                if touched.synced.contains(name) {
                    conds.push(format!(
                        "{}EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = {})",
                        if t.sync.is_some() { "" } else { "NOT " },
                        lit(&guard_name(name))
                    ));
                }
                out.push(conds.join("\n  AND "));
            }
            None if s.view(name).is_some() || s.alias(name).is_some() => {}
            None => out.push(format!(
                "NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = {})",
                lit(name)
            )),
        }
    }
    for name in &touched.views {
        let exists = s.view(name).is_some() || s.alias(name).is_some();
        if s.table(name).is_some() {
            continue;
        }
        out.push(format!(
            "{}EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = {})",
            if exists { "" } else { "NOT " },
            lit(name)
        ));
    }
    out
}
