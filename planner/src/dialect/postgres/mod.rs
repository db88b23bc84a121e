//! PostgreSQL 12+ lowering.
//!
//! - Statements that take a strong lock run in a `DO` block that sets a short `lock_timeout`
//!   and retries with exponential backoff and jitter on lock timeouts and deadlocks, up to a
//!   bound; a lock wait therefore never queues the application's queries for long. The session
//!   settings `migc.lock_timeout` and `migc.lock_attempts` override the timeout and the bound
//!   (`migc apply` sets them from `--lock-timeout` and `--retries`).
//! - Indexes are built and dropped `CONCURRENTLY`, outside any transaction, after removing an
//!   invalid index a failed build may have left, so a re-run is safe.
//! - Checks and foreign keys are added `NOT VALID` and validated in a later phase (validation
//!   takes only SHARE UPDATE EXCLUSIVE); `SET NOT NULL` is proven by a validated check so it
//!   does not scan; unique constraints attach a concurrently built index.
//! - Backfills commit per batch inside a top-level `DO` block (PostgreSQL 11+).
//! - Every unit is written to be re-run after a failure: `IF [NOT] EXISTS` or catalog guards.

mod backfill;
mod column;
mod constraint;
mod enum_type;
mod generated;
mod index;
mod native;
mod not_null;
mod ops;
mod pace;
mod sql;
mod sync;
mod table;
mod version;
mod view;

use super::{Context, Lowered, Lowering, Unit, VersionAccess};
use crate::step::{Op, Step};
use migc_grammar::Diagnostic;
use migc_stdlib::dollar_quoted;
use migc_stdlib::Dialect;
use sql::*;

const D: Dialect = Dialect::Postgres;

/// Settings of the generated scripts.
#[derive(Clone, Debug)]
pub struct Postgres {
    /// How long one attempt waits for a lock.
    pub lock_timeout: &'static str,
    /// How many attempts a strong-lock unit makes before failing.
    pub attempts: u32,
}

impl Default for Postgres {
    fn default() -> Postgres {
        Postgres {
            lock_timeout: "2s",
            attempts: 10,
        }
    }
}

const AEL: &str = "ACCESS EXCLUSIVE";
const SUE: &str = "SHARE UPDATE EXCLUSIVE";
const SRE: &str = "SHARE ROW EXCLUSIVE";

impl Postgres {
    /// Statements under a short lock timeout, retried with backoff on lock timeouts and
    /// deadlocks. The block is one transaction: all its statements apply or none.
    pub(super) fn retry(&self, body: &[String]) -> Unit {
        // `migc.lock_timeout` and `migc.lock_attempts` (session settings an executor such as
        // `migc apply` sets) override the defaults written here.
        let mut s = format!(
            "DECLARE\n  attempt integer := 0;\n  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, {});\nBEGIN\n  LOOP\n    BEGIN\n",
            self.attempts
        );
        s.push_str(&format!(
            "      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), {}), true);\n",
            lit(self.lock_timeout)
        ));
        for stmt in body {
            s.push_str(&D.indent(stmt, "      "));
        }
        s.push_str(
            "      EXIT;\n    EXCEPTION WHEN lock_not_available OR deadlock_detected THEN\n",
        );
        s.push_str("      attempt := attempt + 1;\n");
        s.push_str("      IF attempt >= attempts THEN\n        RAISE;\n      END IF;\n");
        s.push_str(
            "      RAISE NOTICE 'migc: lock not available, attempt % of %', attempt, attempts;\n",
        );
        s.push_str(
            "      PERFORM pg_sleep(least(0.1 * power(2, attempt), 10) * (0.5 + random() / 2));\n",
        );
        s.push_str("    END;\n  END LOOP;\nEND");
        unit(do_block(&s))
    }
}

impl Lowering for Postgres {
    fn dialect(&self) -> Dialect {
        D
    }

    fn supports_transactional_ddl(&self) -> bool {
        true
    }

    fn version_access(&self) -> VersionAccess {
        VersionAccess::Views
    }

    fn app_session(&self, namespace: &str) -> Vec<String> {
        version::session(namespace)
    }

    fn app_startup_options(&self, namespace: &str) -> Option<(&'static str, String)> {
        Some(("PGOPTIONS", version::startup_options(namespace)))
    }

    fn holds(&self) -> &dyn crate::expressible::Holds {
        self
    }

    fn script_prelude(&self) -> Vec<String> {
        vec![
            format!("SET lock_timeout = {};", lit(self.lock_timeout)),
            "SET statement_timeout = 0;".to_string(),
        ]
    }

    fn lower(&self, step: &Step, ctx: &Context<'_>) -> Result<Lowered, Diagnostic> {
        let mut lowered = self.lower_step(step, ctx)?;
        // Contract steps name a renamed table by its deployed name and run before contract
        // renames it: re-running contract after the rename must skip them.
        let renamed = step.phase == crate::step::Phase::Contract
            && !matches!(step.op, Op::RenameTable { .. })
            && step.op.table().is_some_and(|t| ctx.renamed_away(t));
        if let (true, Some(table)) = (renamed, step.op.table()) {
            for unit in lowered.up.iter_mut().filter(|u| u.transactional) {
                unit.sql = only_while_named(table, &unit.sql);
            }
        }
        Ok(lowered)
    }
}

/// A unit run only while the table still has this name.
fn only_while_named(table: &str, sql: &str) -> String {
    let inner = sql.trim_end().trim_end_matches(';');
    let statement = dollar_quoted("migc_unit", &format!("\n{inner}\n"));
    format!(
        "DO {};",
        dollar_quoted(
            "migc_guard",
            &format!(
                "\nBEGIN\n  IF {} IS NOT NULL THEN\n    EXECUTE {statement};\n  END IF;\nEND\n",
                regclass(table)
            )
        )
    )
}

/// PostgreSQL holds every name (within 63 bytes, which the compiler checks) and every text but
/// NUL (which the compiler refuses) as written.
impl crate::expressible::Holds for Postgres {
    fn product(&self) -> &'static str {
        "PostgreSQL"
    }

    fn refuses_on_update(&self) -> Option<&'static str> {
        Some("PostgreSQL columns have no `ON UPDATE`: only a trigger sets a value on update")
    }

    /// An enum named as a built-in type: PostgreSQL looks in `pg_catalog` before any other
    /// schema, so the name would find the built-in type, and the columns of the enum would get
    /// it.
    fn refuses_name(&self, kind: crate::expressible::NameKind, name: &str) -> Option<String> {
        let builtin = |n: &str| n.starts_with("pg_") || BUILTIN_TYPES.binary_search(&n).is_ok();
        (kind == crate::expressible::NameKind::Type
            && (builtin(name) || name.strip_prefix('_').is_some_and(builtin)))
        .then(|| format!(
            "PostgreSQL finds its built-in type `{name}` (in `pg_catalog`, searched first) before a type of that name in the schema, so the enum's columns would get the built-in type"
        ))
    }
}

/// The names of PostgreSQL's built-in types (`pg_catalog`, PostgreSQL 15), sorted.
const BUILTIN_TYPES: &[&str] = &[
    "aclitem",
    "any",
    "anyarray",
    "anycompatible",
    "anycompatiblearray",
    "anycompatiblemultirange",
    "anycompatiblenonarray",
    "anycompatiblerange",
    "anyelement",
    "anyenum",
    "anymultirange",
    "anynonarray",
    "anyrange",
    "bit",
    "bool",
    "box",
    "bpchar",
    "bytea",
    "char",
    "cid",
    "cidr",
    "circle",
    "cstring",
    "date",
    "datemultirange",
    "daterange",
    "event_trigger",
    "fdw_handler",
    "float4",
    "float8",
    "gtsvector",
    "index_am_handler",
    "inet",
    "int2",
    "int2vector",
    "int4",
    "int4multirange",
    "int4range",
    "int8",
    "int8multirange",
    "int8range",
    "internal",
    "interval",
    "json",
    "jsonb",
    "jsonpath",
    "language_handler",
    "line",
    "lseg",
    "macaddr",
    "macaddr8",
    "money",
    "name",
    "numeric",
    "nummultirange",
    "numrange",
    "oid",
    "oidvector",
    "path",
    "point",
    "polygon",
    "record",
    "refcursor",
    "regclass",
    "regcollation",
    "regconfig",
    "regdictionary",
    "regnamespace",
    "regoper",
    "regoperator",
    "regproc",
    "regprocedure",
    "regrole",
    "regtype",
    "table_am_handler",
    "text",
    "tid",
    "time",
    "timestamp",
    "timestamptz",
    "timetz",
    "trigger",
    "tsm_handler",
    "tsmultirange",
    "tsquery",
    "tsrange",
    "tstzmultirange",
    "tstzrange",
    "tsvector",
    "txid_snapshot",
    "unknown",
    "uuid",
    "varbit",
    "varchar",
    "void",
    "xid",
    "xid8",
    "xml",
];
