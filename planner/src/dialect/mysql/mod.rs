//! MySQL 8.0 and MariaDB 10.11 lowering.
//!
//! - DDL commits implicitly on both servers, so every step is its own unit (or several), each
//!   with a compensating statement in the down script, and each written to be re-run: the
//!   statement runs only when `information_schema` shows it still has to.
//! - Every `ALTER TABLE` names its algorithm, so the server refuses instead of silently copying
//!   the table: `ALGORITHM=INSTANT` first, then `ALGORITHM=INPLACE, LOCK=NONE`; the server's
//!   "not supported" errors (1845, 1846) move to the next algorithm, never to `COPY`.
//! - Statements that need the exclusive metadata lock run under a short `lock_wait_timeout`
//!   and are retried with backoff and jitter on lock wait timeouts (1205) and deadlocks (1213),
//!   up to a bound, so a waiting DDL never queues the application's queries for long.
//! - Loops, guards and retries are temporary stored procedures (`migc_step`), created, called
//!   and dropped by the script; the scripts use `DELIMITER` as the `mysql`/`mariadb` clients
//!   expect. Both servers run them, unlike MariaDB's `IF NOT EXISTS` on columns or
//!   `BEGIN NOT ATOMIC` blocks.
//! - Dual writes are `BEFORE INSERT` and `BEFORE UPDATE` triggers assigning `NEW` columns,
//!   one per table and event, merging every column synchronisation of the plan.
//! - `MODIFY COLUMN` always restates the complete column (type, nullability, default, comment)
//!   from the state of the column at that step.

mod backfill;
mod copy;
mod holds;
mod ops;
mod program;
mod sql;
mod sync;

use super::{Context, Lowered, Lowering, VersionAccess};
use crate::state::State;
use crate::step::{Op, Phase, Step, Sync};
use copy::joined_checks;
use migc_compiler::schema::{Check, ColumnType};
use migc_grammar::Diagnostic;
use migc_stdlib::Dialect;
use std::collections::BTreeMap;

const D: Dialect = Dialect::Mysql;

/// Settings of the generated scripts.
#[derive(Clone, Debug)]
pub struct Mysql {
    /// Seconds one attempt waits for a metadata lock (`lock_wait_timeout`).
    pub lock_wait_timeout: u32,
    /// How many attempts a unit makes before failing.
    pub attempts: u32,
}

impl Default for Mysql {
    fn default() -> Mysql {
        Mysql {
            lock_wait_timeout: 2,
            attempts: 10,
        }
    }
}

/// An algorithm clause of `ALTER TABLE`, cheapest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Algorithm {
    /// Metadata only. Written without `LOCK=`: MySQL rejects any `LOCK` clause with
    /// `ALGORITHM=INSTANT` (MariaDB accepts `LOCK=NONE` there too).
    Instant,
    /// Built in place while reads and writes go on.
    InplaceNoLock,
}

impl Algorithm {
    pub fn clause(self) -> &'static str {
        match self {
            Algorithm::Instant => "ALGORITHM=INSTANT",
            Algorithm::InplaceNoLock => "ALGORITHM=INPLACE, LOCK=NONE",
        }
    }
}

/// What a step's units need to know besides the step: the columns as they stand before it,
/// and, for contract steps on a table that contract renames, the deployed name the unit is
/// guarded by (a re-run after the rename skips it).
#[derive(Clone)]
pub(crate) struct Scope<'a> {
    pub state: &'a State,
    pub only_while_named: Option<String>,
    /// Set on the first contract step on a table with dual-write triggers (other than the
    /// removal itself): the step removes them first.
    pub removes_sync: Option<&'a Sync>,
    /// Set on a trigger removal that an earlier contract step already made.
    pub sync_removed_earlier: bool,
    /// The tables the plan installs dual-write triggers on.
    pub synced: &'a [String],
    /// The dual-write triggers of each table the plan has them on: a table copy makes them on
    /// the copy too.
    pub syncs: &'a BTreeMap<&'a str, &'a Sync>,
    /// Set on a step whose table copy runs in phases (see `copy/phased.rs`).
    pub phased_copy: bool,
    /// Checks of earlier steps that the step's copy in phases adds too.
    pub joined: Vec<&'a Check>,
    /// Set on a check that a later step's copy adds: that step's check.
    pub joins: Option<&'a Check>,
}

impl Mysql {
    /// Algorithms that add a column (nullable, or with a constant default) without copying.
    /// MySQL 8.0.12+ and MariaDB 10.3+: INSTANT (MySQL before 8.0.29 only as the last column,
    /// which is where migc adds columns); otherwise INPLACE.
    pub fn add_column_algorithms(&self) -> &'static [Algorithm] {
        &[Algorithm::Instant, Algorithm::InplaceNoLock]
    }

    /// Algorithms that drop a column. MariaDB 10.4+ and MySQL 8.0.29+: INSTANT; MySQL before
    /// 8.0.29 rebuilds in place (INPLACE, concurrent DML allowed).
    pub fn drop_column_algorithms(&self) -> &'static [Algorithm] {
        &[Algorithm::Instant, Algorithm::InplaceNoLock]
    }

    /// Algorithms for metadata-only column changes (rename, default, comment, widening a
    /// VARCHAR within the same length bytes, appending ENUM members). MySQL 8.0.28+ renames
    /// INSTANT (INPLACE before); a VARCHAR extension is INPLACE metadata-only on MySQL and
    /// INSTANT on MariaDB only within the length-byte rules (safe-ddl.md §5.1). A change
    /// neither server can do without a copy fails instead.
    pub fn metadata_algorithms(&self) -> &'static [Algorithm] {
        &[Algorithm::Instant, Algorithm::InplaceNoLock]
    }

    /// Whether a type change is made in place (metadata only): a VARCHAR widened without
    /// changing how rows store their lengths (one byte up to 255 bytes, or for a value under
    /// 128). MariaDB makes it INSTANT, MySQL 8.0 INPLACE. Every other change of type (a VARCHAR
    /// across the boundary, integer widening, DECIMAL precision, to TEXT) copies the table on
    /// both servers, so migc copies it online instead ([`Mysql::copy_table`]).
    ///
    /// `collation` is the column's (its own or its table's, as `collate(mysql: …)` names it):
    /// the most bytes a character takes follow from its character set. Unknown, the widening
    /// must be one the server makes in place for one-byte and four-byte characters alike.
    pub fn alters_type_in_place(
        &self,
        from: &ColumnType,
        to: &ColumnType,
        collation: Option<&str>,
    ) -> bool {
        match (from, to) {
            (
                ColumnType::Builtin { name: a, args: x },
                ColumnType::Builtin { name: b, args: y },
            ) if a == "varchar" && b == "varchar" => {
                let widths: &[u64] = match collation.map(character_bytes) {
                    Some(w) => &[w][..],
                    None => &[1, 4],
                };
                let (x, y) = (
                    x.first().copied().unwrap_or(0),
                    y.first().copied().unwrap_or(0),
                );
                // InnoDB keeps a value's length in one byte when the column holds at most 255
                // bytes or the value is under 128: only a column of 128 to 255 bytes growing
                // past 255 has rows whose length must be rewritten (MariaDB 10.11: 1846).
                widths.iter().all(|w| {
                    let (before, after) = (x * w, y * w);
                    before <= 127 || before > 255 || after <= 255
                })
            }
            // Members appended to a SET that needs no more bytes for them: metadata (INSTANT).
            (ColumnType::Native { spellings: a }, ColumnType::Native { spellings: b })
                if a.get(&D)
                    .and_then(|s| migc_stdlib::mysql_set_members(s))
                    .is_some() =>
            {
                let members = |m: &BTreeMap<Dialect, String>| {
                    m.get(&D).and_then(|s| migc_stdlib::mysql_set_members(s))
                };
                match (members(a), members(b)) {
                    (Some(x), Some(y)) => {
                        y.starts_with(&x)
                            && migc_stdlib::mysql_set_bytes(x.len())
                                == migc_stdlib::mysql_set_bytes(y.len())
                    }
                    _ => false,
                }
            }
            // An integer's display width (`tinyint(1)` to `tinyint(4)`) is metadata (INSTANT).
            _ => matches!(
                crate::build::native_values(from, to, Some(D)),
                Some((a @ migc_stdlib::MysqlValues::Integer { .. }, b)) if a == b
            ),
        }
    }

    /// Algorithms for changing nullability. Both servers rebuild the table in place with
    /// concurrent DML (MariaDB makes `DROP NOT NULL` INSTANT only for `ROW_FORMAT=REDUNDANT`).
    /// `SET NOT NULL` fails on a null value under the strict `sql_mode` the scripts set,
    /// rather than writing `0` or `''` in its place.
    pub fn nullability_algorithms(&self) -> &'static [Algorithm] {
        &[Algorithm::InplaceNoLock]
    }

    /// Algorithms for building and dropping indexes: in place, writes allowed (MariaDB calls
    /// it NOCOPY). Dropping is INSTANT on MariaDB, INPLACE metadata on MySQL.
    pub fn index_algorithms(&self) -> &'static [Algorithm] {
        &[Algorithm::InplaceNoLock]
    }

    /// Whether a CHECK constraint can be added to a populated table without copying it.
    /// No: MariaDB 10.11 adds checks only with `ALGORITHM=COPY`, and MySQL 8.0 validates the
    /// rows while blocking writes (enforcement can be deferred with `NOT ENFORCED`, but turning
    /// it on again validates the same way). A check on an existing table is a finding.
    pub fn supports_online_check(&self) -> bool {
        false
    }

    /// Whether a foreign key can be added without copying the table: yes, in place, when the
    /// session turns `foreign_key_checks` off (both servers); existing rows are then not
    /// checked, so a later step checks them with a query (the `NOT VALID` / `VALIDATE` pair).
    pub fn supports_unchecked_foreign_key(&self) -> bool {
        true
    }

    /// Whether index key parts may be expressions. MySQL 8.0.13+ has functional key parts;
    /// MariaDB 10.11 does not, and the tests run on MariaDB: no.
    pub fn supports_expression_index(&self) -> bool {
        false
    }

    /// Whether an enforced CHECK constraint rejects rows. MariaDB 10.2+ and MySQL 8.0.16+
    /// enforce them; MySQL before 8.0.16 parses and ignores them.
    pub fn enforces_checks(&self) -> bool {
        true
    }
}

impl Lowering for Mysql {
    fn dialect(&self) -> Dialect {
        D
    }

    fn supports_transactional_ddl(&self) -> bool {
        false
    }

    /// Marked: a database per version would need every table shown in it (MySQL has no search
    /// path to fall through) and one per application database on a server; a user variable
    /// costs nothing and holds in every phase.
    fn version_access(&self) -> VersionAccess {
        VersionAccess::Databases
    }

    /// The version's mark, which the dual-write triggers read, and the version's database
    /// selected (`ops/version.rs`).
    fn app_session(&self, namespace: &str) -> Vec<String> {
        ops::version_session(namespace)
    }

    fn hidden_columns(&self, index: &migc_compiler::schema::Index) -> Vec<String> {
        sql::generated_names(index)
    }

    fn app_database(&self, database: &str, namespace: &str) -> Option<String> {
        Some(ops::version_database(database, namespace))
    }

    /// The mark and a plain `USE` of the version's database (which MySQL 8.0, unlike
    /// MariaDB, does not prepare): valid once expand has made that database.
    fn app_session_in(&self, namespace: &str, database: &str) -> Vec<String> {
        vec![
            format!("SET @migc_app = {};", sql::lit(namespace)),
            format!(
                "USE {};",
                sql::q(&ops::version_database(database, namespace))
            ),
        ]
    }

    /// Yes: neither server adds a check to a populated table without blocking writes
    /// ([`Mysql::supports_online_check`]).
    /// `AlterType` makes any type change in place or by copying the table online, which keeps
    /// the primary key and `AUTO_INCREMENT` with it.
    fn alters_key_types(&self) -> bool {
        true
    }

    fn changes_collations(&self) -> bool {
        true
    }

    fn moves_columns(&self) -> bool {
        true
    }

    fn has_table_options(&self) -> bool {
        true
    }

    fn check_needs_copy(&self, table: &str, ctx: &Context<'_>) -> bool {
        !self.supports_online_check() && ctx.from.tables.contains_key(table)
    }

    fn disturbs_copy(&self, op: &Op, table: &str, ctx: &Context<'_>) -> bool {
        self.disturbs_copy_of(op, table, ctx)
    }

    /// A partial index is built over every row (MySQL and MariaDB have none): W2003 for each.
    fn warnings(&self, steps: &[Step], ctx: &Context<'_>) -> Vec<Diagnostic> {
        let mut out: Vec<Diagnostic> = Vec::new();
        let mut seen = Vec::new();
        for step in steps {
            if let crate::step::Op::CreateIndex { table, index } = &step.op {
                let declared = ctx.to.tables.get(table).and_then(|t| {
                    let name = crate::names::built_as(
                        &index.name,
                        t.indexes.iter().map(|i| i.name.as_str()),
                    )?;
                    t.indexes.iter().find(|i| i.name == name)
                });
                let index = declared.unwrap_or(index);
                let name = index.name.clone();
                if seen.contains(&name) {
                    continue;
                }
                if let Some(d) = sql::widened(table, index) {
                    seen.push(name);
                    out.push(d);
                }
            }
        }
        out
    }

    fn holds(&self) -> &dyn crate::expressible::Holds {
        self
    }

    fn script_prelude(&self) -> Vec<String> {
        vec![
            format!("SET SESSION lock_wait_timeout = {};", self.lock_wait_timeout),
            // Strict: a NOT NULL column never gets 0 or '' in place of a null, an ENUM never
            // '' in place of an unknown member. Stored programs keep the mode they were
            // created with.
            "SET SESSION sql_mode = 'STRICT_ALL_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_ZERO_DATE,NO_ZERO_IN_DATE,NO_ENGINE_SUBSTITUTION';".to_string(),
            // The tables' character set for the session and the stored programs it creates
            // (they keep the client's), so that string literals in checks and generated
            // columns are read as the columns they meet.
            "SET NAMES utf8mb4;".to_string(),
        ]
    }

    fn lower(&self, step: &Step, ctx: &Context<'_>) -> Result<Lowered, Diagnostic> {
        let state = State::deployed(ctx.from);
        let scope = Scope {
            state: &state,
            only_while_named: None,
            removes_sync: None,
            sync_removed_earlier: false,
            synced: &[],
            syncs: &BTreeMap::new(),
            phased_copy: false,
            joined: Vec::new(),
            joins: None,
        };
        self.lower_step(step, ctx, &scope)
    }

    /// Lowers the steps in order, keeping the state of every column up to date so that each
    /// `MODIFY` restates the column as it is at that point.
    fn lower_plan(
        &self,
        steps: &[Step],
        ctx: &Context<'_>,
    ) -> Result<Vec<Lowered>, Vec<Diagnostic>> {
        let mut state = State::deployed(ctx.from);
        let mut lowered = Vec::with_capacity(steps.len());
        let mut errors = Vec::new();
        // For each table whose triggers contract removes: the first contract step on it.
        let mut syncs: BTreeMap<&str, &Sync> = BTreeMap::new();
        for step in steps {
            if let Op::RemoveSync { table, sync } = &step.op {
                syncs.insert(table, sync);
            }
        }
        let synced: Vec<String> = syncs.keys().map(|t| t.to_string()).collect();
        let mut first: BTreeMap<&str, usize> = BTreeMap::new();
        for (i, step) in steps.iter().enumerate() {
            // Letting a leaving column accept null is what keeps the new application's
            // inserts working once the triggers go: it runs while they still fill the column
            // (removing them first would leave inserts without it failing until it is done).
            // The copy's step comes before them: it gives the triggers their own names back.
            if step.phase != Phase::Contract
                || matches!(
                    step.op,
                    Op::DropNotNull { .. }
                        | Op::CreateVersionView { .. }
                        | Op::DropVersionView { .. }
                )
                || is_copy(&step.op)
            {
                continue;
            }
            if let Some(t) = step.op.table() {
                if syncs.contains_key(t) {
                    first.entry(t).or_insert(i);
                }
            }
        }
        // Tables as expand leaves them: every step of a copy in phases sees them, as the copy
        // is made last in expand.
        let mut end = state.clone();
        for step in steps.iter().filter(|s| s.phase == Phase::Expand) {
            step.op.apply(&mut end);
        }
        // The checks the copies in phases are for (each copy's last); the others join them.
        let phased: Vec<bool> = steps
            .iter()
            .map(|s| match &s.op {
                Op::AddCheck { table, check, .. } => steps.iter().any(|c| match &c.op {
                    Op::CopyCreate {
                        table: t, checks, ..
                    } => t == table && checks.last().is_some_and(|l| l.name == check.name),
                    _ => false,
                }),
                _ => false,
            })
            .collect();
        let joins = joined_checks(steps, &phased, ctx);
        for (i, step) in steps.iter().enumerate() {
            let table = step.op.table().unwrap_or_default();
            let scope = if let Some(checks) = copy_checks(&step.op) {
                Scope {
                    state: &end,
                    only_while_named: None,
                    removes_sync: None,
                    sync_removed_earlier: false,
                    synced: &synced,
                    syncs: &syncs,
                    phased_copy: true,
                    joined: checks[..checks.len().saturating_sub(1)].iter().collect(),
                    joins: None,
                }
            } else {
                let is_first = first.get(table) == Some(&i);
                let is_removal = matches!(step.op, Op::RemoveSync { .. });
                Scope {
                    state: &state,
                    only_while_named: renamed_at_contract(step, ctx),
                    removes_sync: (is_first && !is_removal)
                        .then(|| syncs.get(table).copied())
                        .flatten(),
                    sync_removed_earlier: is_removal && !is_first,
                    synced: &synced,
                    syncs: &syncs,
                    phased_copy: phased[i],
                    joined: joins
                        .iter()
                        .filter(|(_, k)| **k == i)
                        .filter_map(|(j, _)| check_of(&steps[*j]))
                        .collect(),
                    joins: joins.get(&i).and_then(|k| check_of(&steps[*k])),
                }
            };
            match self.lower_step(step, ctx, &scope) {
                Ok(l) => lowered.push(l),
                Err(d) => errors.push(d),
            }
            step.op.apply(&mut state);
        }
        if errors.is_empty() {
            Ok(lowered)
        } else {
            Err(errors)
        }
    }
}

/// The checks a step of a table copy in phases carries, when it is one.
fn copy_checks(op: &Op) -> Option<&[Check]> {
    match op {
        Op::CopyCreate { checks, .. }
        | Op::CopyFill { checks, .. }
        | Op::CopySwap { checks, .. }
        | Op::CopyDropOld { checks, .. } => Some(checks),
        _ => None,
    }
}

fn is_copy(op: &Op) -> bool {
    copy_checks(op).is_some()
}

fn check_of(step: &Step) -> Option<&Check> {
    match &step.op {
        Op::AddCheck { check, .. } => Some(check),
        _ => None,
    }
}

/// Contract steps name a renamed table by its deployed name and run before contract renames
/// it: re-running contract after the rename must skip them.
fn renamed_at_contract(step: &Step, ctx: &Context<'_>) -> Option<String> {
    if step.phase != Phase::Contract
        || matches!(
            step.op,
            Op::RenameTable { .. } | Op::CreateVersionView { .. } | Op::DropVersionView { .. }
        )
    {
        return None;
    }
    let t = step.op.table()?;
    ctx.renamed_away(t).then(|| t.to_string())
}

/// The most bytes a character of a MySQL collation's (or character set's) set takes.
fn character_bytes(collation: &str) -> u64 {
    let set = collation.split('_').next().unwrap_or(collation);
    match set.to_ascii_lowercase().as_str() {
        "latin1" | "latin2" | "latin5" | "latin7" | "ascii" | "binary" | "cp1250" | "cp1251"
        | "cp1256" | "cp1257" | "cp850" | "cp852" | "cp866" | "greek" | "hebrew" | "armscii8"
        | "swe7" | "koi8r" | "koi8u" | "dec8" | "hp8" | "keybcs2" | "macce" | "macroman"
        | "geostd8" | "tis620" => 1,
        "ucs2" => 2,
        "utf8" | "utf8mb3" => 3,
        _ => 4,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_varchar_widens_in_place_when_its_rows_keep_their_length_bytes() {
        let v = |n: u64| ColumnType::Builtin {
            name: "varchar".into(),
            args: vec![n],
        };
        let m = Mysql::default();
        // What MariaDB 10.11 answered to ALGORITHM=INPLACE for each change.
        assert!(!m.alters_type_in_place(&v(50), &v(100), Some("utf8mb4")));
        assert!(!m.alters_type_in_place(&v(60), &v(100), Some("utf8mb3_general_ci")));
        assert!(m.alters_type_in_place(&v(100), &v(200), Some("utf8mb4")));
        assert!(m.alters_type_in_place(&v(50), &v(60), Some("utf8mb4")));
        assert!(m.alters_type_in_place(&v(100), &v(300), Some("latin1")));
        assert!(!m.alters_type_in_place(&v(200), &v(300), Some("latin1_swedish_ci")));
        assert!(!m.alters_type_in_place(&v(255), &v(256), Some("latin1")));
        // Unknown: in place only when it is for one-byte and four-byte characters alike.
        assert!(m.alters_type_in_place(&v(200), &v(255), None));
        assert!(!m.alters_type_in_place(&v(200), &v(300), None));
        assert!(!m.alters_type_in_place(&v(50), &v(100), None));
    }
}
