//! The state table, `migc_state`, in the target database: one row per step of a plan that has
//! run (or is running), so that a re-run resumes where the last one stopped and `status` can
//! say where a rollout is.
//!
//! A row is keyed by the plan's identity (the SHA-256 of its `manifest.json`), the phase and the
//! step id (`*` for a phase run as one script, as on SQLite). `status` is `done`, `started` (a
//! step that cannot commit with its row began and has not ended: interrupted, or still
//! running), `running` (a backfill between batches), `failed` (the last attempt failed; a re-run
//! starts the step again) or `rolling back` (a rollback of the phase has started and must be
//! finished). A backfill keeps
//! its checkpoint: the last key of the last batch done, as a JSON list of text values, with the
//! rows walked so far. Rows of a phase are written in the transaction of the step where the
//! dialect has transactional DDL; a rollback deletes the rows of the phases it undid, so the
//! table ends empty after rolling back everything and holds the plan's history after it is
//! applied. The table itself is left in place: it is migc's, and dropping it forgets nothing
//! but that history.

use migc_db::{Connection, DbError};
use migc_stdlib::Dialect;
use std::collections::BTreeMap;

pub const TABLE: &str = migc_db::STATE_TABLE;

/// The step id of a phase run as one script.
pub const WHOLE_PHASE: &str = "*";

pub const DONE: &str = "done";
/// A step whose statements cannot commit together with its row (PostgreSQL's `CREATE INDEX
/// CONCURRENTLY`, any MySQL/MariaDB DDL) is recorded `started` before its first statement: a
/// row left so says the step was interrupted, or is still running.
pub const STARTED: &str = "started";
pub const RUNNING: &str = "running";
pub const ROLLING_BACK: &str = "rolling back";
pub const FAILED: &str = "failed";

/// One row of the state table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub plan: String,
    pub label: String,
    pub phase: String,
    pub step: String,
    pub status: String,
    pub checkpoint: Option<Vec<String>>,
    pub rows_done: i64,
    pub rows_total: Option<i64>,
    pub updated_at: String,
}

/// The columns of the table, in the order [`upsert`] writes them.
const COLUMNS: [&str; 9] = [
    "plan",
    "label",
    "phase",
    "step",
    "status",
    "checkpoint",
    "rows_done",
    "rows_total",
    "updated_at",
];

/// The primary key.
const KEY: [&str; 3] = ["plan", "phase", "step"];

/// Creates the table when it is not there.
pub fn ensure(conn: &mut dyn Connection) -> Result<(), DbError> {
    let sql = conn.dialect().behaviour().state_table(TABLE);
    conn.execute(&sql)
}

/// Whether the table is there.
pub fn exists(conn: &mut dyn Connection) -> Result<bool, DbError> {
    let sql = conn.dialect().behaviour().table_exists(TABLE);
    Ok(is_true(&conn.query(&sql)?))
}

/// Whether the first value of a query's rows is true, as each dialect writes it.
pub(crate) fn is_true(rows: &migc_db::Rows) -> bool {
    matches!(
        rows.first()
            .and_then(|r| r.first())
            .and_then(|v| v.as_deref()),
        Some("t" | "1" | "true")
    )
}

/// Every row, of one plan or of all, oldest first.
pub fn rows(conn: &mut dyn Connection, plan: Option<&str>) -> Result<Vec<Row>, DbError> {
    if !exists(conn)? {
        return Ok(Vec::new());
    }
    let b = conn.dialect().behaviour();
    let filter = plan
        .map(|p| format!(" WHERE plan = {}", b.quote_literal(p)))
        .unwrap_or_default();
    let sql = format!(
        "SELECT plan, label, phase, step, status, checkpoint, rows_done, rows_total, updated_at FROM {TABLE}{filter} ORDER BY updated_at, plan, phase, step"
    );
    let rows = conn.query(&sql)?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let text = |i: usize| r.get(i).cloned().flatten().unwrap_or_default();
            Row {
                plan: text(0),
                label: text(1),
                phase: text(2),
                step: text(3),
                status: text(4),
                checkpoint: r
                    .get(5)
                    .cloned()
                    .flatten()
                    .and_then(|c| serde_json::from_str(&c).ok()),
                rows_done: text(6).parse().unwrap_or(0),
                rows_total: r.get(7).cloned().flatten().and_then(|v| v.parse().ok()),
                updated_at: text(8),
            }
        })
        .collect())
}

/// The rows of one plan by (phase, step).
pub fn of_plan(
    conn: &mut dyn Connection,
    plan: &str,
) -> Result<BTreeMap<(String, String), Row>, DbError> {
    Ok(rows(conn, Some(plan))?
        .into_iter()
        .map(|r| ((r.phase.clone(), r.step.clone()), r))
        .collect())
}

/// What a row says, for [`upsert`].
pub struct Record<'a> {
    pub plan: &'a str,
    pub label: &'a str,
    pub phase: &'a str,
    pub step: &'a str,
    pub status: &'a str,
    pub checkpoint: Option<&'a [String]>,
    pub rows_done: i64,
    pub rows_total: Option<i64>,
}

/// The statement that writes a row (inserted or replaced), to run inside the step's transaction.
pub fn upsert(dialect: Dialect, r: &Record<'_>) -> String {
    let b = dialect.behaviour();
    let checkpoint = r
        .checkpoint
        .map(|c| b.quote_literal(&serde_json::to_string(c).unwrap_or_default()))
        .unwrap_or_else(|| "NULL".into());
    let total = r
        .rows_total
        .map(|t| t.to_string())
        .unwrap_or_else(|| "NULL".into());
    let values = format!(
        "({}, {}, {}, {}, {}, {checkpoint}, {}, {total}, {})",
        b.quote_literal(r.plan),
        b.quote_literal(r.label),
        b.quote_literal(r.phase),
        b.quote_literal(r.step),
        b.quote_literal(r.status),
        r.rows_done,
        b.now()
    );
    b.upsert(TABLE, &COLUMNS, &KEY, &values)
}

/// The statement that marks every row of a phase as being rolled back.
pub fn mark_rolling_back(dialect: Dialect, plan: &str, phase: &str) -> String {
    let b = dialect.behaviour();
    format!(
        "UPDATE {TABLE} SET status = {}, updated_at = {} WHERE plan = {} AND phase = {}",
        b.quote_literal(ROLLING_BACK),
        b.now(),
        b.quote_literal(plan),
        b.quote_literal(phase)
    )
}

/// The statement that forgets a phase (once its rollback is done).
pub fn forget_phase(dialect: Dialect, plan: &str, phase: &str) -> String {
    let b = dialect.behaviour();
    format!(
        "DELETE FROM {TABLE} WHERE plan = {} AND phase = {}",
        b.quote_literal(plan),
        b.quote_literal(phase)
    )
}
