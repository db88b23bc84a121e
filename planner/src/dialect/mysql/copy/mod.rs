//! The online table copy, for changes neither server makes in place (safe-ddl.md §5.6, the
//! pt-online-schema-change / gh-ost idea): an empty copy `<t>__migc` is made with the change,
//! `AFTER INSERT/UPDATE/DELETE` triggers on the table keep it in step with every write to rows
//! a batch has claimed (a progress row, `<t>__migc_progress`), the rows are copied in key-range
//! batches, each claiming its range then copying it under row locks on the table, and one
//! atomic `RENAME TABLE t TO t__migc_old, t__migc TO t` swaps the two before the old table goes.
//!
//! The copy is one unit, made for changes whose rollback needs no copy back: a widened type
//! stays wide, an enum member stays, an added check is dropped in place (INSTANT). Both
//! application versions see the same columns before and after, so the unit may run in any
//! phase.
//!
//! A check added in expand is copied in phases instead where the plan allows it (the planner
//! places the copy's steps, planner/src/copies.rs; [`Mysql::lower_copy`] lowers them), so that
//! switch can be rolled back onto the old table: the empty copy and its triggers last in
//! expand (it takes what expand did to the table), the batches first in backfill, the swap
//! first at switch, the old table dropped first at contract. From the swap on, the copy's triggers write every row back to the old table.
//! The swap rotates three names in one `RENAME TABLE` (MariaDB refuses `RENAME TABLE` under
//! `LOCK TABLES`, 1192, and InnoDB opens every table a trigger names before it runs, so the
//! triggers of both directions need a table under each name on both sides of the swap: an
//! empty stand-in takes the name the other side left). A session flag, `@migc_mirror`, keeps a
//! write of one direction from coming back through the other. The copy carries the table's foreign keys as they stand at its step, the keys of
//! other tables referencing it move to the copy before the swap (a `RENAME TABLE` alone would
//! leave them on the old table), and dual-write triggers already on the table are made on the
//! copy. It is refused for a table without a primary key, a table referencing itself at that
//! step, a table whose cascading keys cover columns a stored generated column reads (or is
//! referenced by such keys: InnoDB adds them only by copying, error 138), and a table carrying
//! dual-write triggers the copy cannot make again at that step.

mod fill;
mod keys;
mod phased;
mod plan;
mod refused;
mod triggers;
mod unit;

pub(super) use plan::joined_checks;

use crate::dialect::mysql::program::Body;
use crate::dialect::mysql::sql::*;
use crate::dialect::mysql::{Mysql, Scope};
use crate::dialect::{Context, Lowered, Unit};
use fill::batches;
use keys::referencing_keys;
use migc_compiler::schema::*;
use migc_grammar::{Diagnostic, Span};
use triggers::forward_triggers;

/// What the manifest says of a step carried out by the online table copy.
/// What a step that copies a table online locks ([`copied`]).
pub(crate) const COPIED: &str = "none (copied online: triggers, batches, an atomic rename)";

pub(crate) fn copied(l: &mut Lowered) {
    l.lock = COPIED.into();
    l.rewrite = true;
    l.scan = true;
}

impl Mysql {
    /// The parts of a table copy, for [`Mysql::copy_table`] and [`Mysql::lower_copy`].
    #[allow(clippy::too_many_arguments)]
    fn copy_parts(
        &self,
        ctx: &Context<'_>,
        scope: &Scope<'_>,
        table: &str,
        actions: &str,
        syncs: bool,
        phased: bool,
        origin: Option<Span>,
    ) -> Result<CopyParts, Diagnostic> {
        // Dual-write triggers are carried to the copy when the plan's are known here.
        let carried = scope.syncs.get(table).copied().filter(|_| syncs);
        if let Some(why) = self.copy_refused(
            ctx,
            syncs && carried.is_none(),
            scope.state.foreign_keys(table),
            table,
        ) {
            return Err(unsupported(
                format!("changing `{table}` needs a table copy on MySQL/MariaDB, and {why}"),
                origin,
                "make this change in a separate plan, or outside migc in a maintenance window",
            ));
        }
        let deployed = &ctx.from.tables[table];
        // The key the batches claim ranges of and the triggers find rows by.
        let pk = deployed
            .walk_key()
            .map(<[String]>::to_vec)
            .unwrap_or_default();
        let state = scope.state;
        // The columns as they stand at this step (columns expand added included), but those
        // the copy computes itself (generated).
        let cols: Vec<String> = state
            .columns(table)
            .iter()
            .filter(|c| c.generated.is_none())
            .map(|c| c.name.clone())
            .collect();
        let shadow = crate::names::copy(table);
        let old = suffixed(table, "__migc_old");
        let progress = suffixed(table, "__migc_progress");
        let (t, s, o, p) = (q(table), q(&shadow), q(&old), q(&progress));
        let triggers = forward_triggers(table, &shadow, &progress, &cols, &pk, phased);
        // The foreign keys of the table, on the copy under temporary names (InnoDB names them
        // per database); after the swap each is added under its own name, then the temporary
        // one goes, so the table is never without them.
        let fks: Vec<&ForeignKey> = scope
            .state
            .foreign_keys(table)
            .iter()
            .filter(|f| f.ref_table != table)
            .collect();
        // A copy in phases stands through other steps, whose copies of the tables it
        // references name their referencing keys `<key>__migc` meanwhile.
        let own = if phased { "__migc_copy" } else { "__migc" };
        let mut copy_actions = actions.to_string();
        for fk in &fks {
            copy_actions.push_str(&format!(
                ", ADD CONSTRAINT {} {}",
                q(&suffixed(&fk.name, own)),
                fk_clause(fk)
            ));
        }

        let (fill, claim_cols) = batches(state, table, &pk, &cols, &shadow, &progress)?;
        let mut create = Body::new();
        create.push(&format!("DROP TABLE IF EXISTS {p};"));
        create.push(&format!("CREATE TABLE {s} LIKE {t};"));
        create.push("SET SESSION foreign_key_checks = 0;");
        // The copy is empty: COPY rebuilds nothing.
        create.push(&format!("ALTER TABLE {s} {copy_actions}, ALGORITHM=COPY;"));
        // Checks of earlier steps this copy adds too, each unless the table had it already (a
        // re-run after those steps were done copies the table again only for this one).
        for c in &scope.joined {
            create.nest(Body::when(
                &format!("NOT {}", constraint_exists(&shadow, &c.name)),
                {
                    let mut add = Body::new();
                    add.push(&format!(
                        "ALTER TABLE {s} ADD CONSTRAINT {} CHECK ({}), ALGORITHM=COPY;",
                        q(&c.name),
                        expr(&c.expr)?
                    ));
                    add
                },
            ));
        }
        create.push("SET SESSION foreign_key_checks = 1;");
        let mut work = Body::when(&format!("NOT {}", table_exists(&shadow)), create);
        let mut moves = Body::new();
        let mut carry = Body::new();
        // The progress row: nothing claimed yet, or what a stopped run had claimed.
        work.push(&format!(
            "CREATE TABLE IF NOT EXISTS {p} (id TINYINT PRIMARY KEY, whole TINYINT NOT NULL DEFAULT 0{claim_cols}) ENGINE=InnoDB;"
        ));
        work.push(&format!("INSERT IGNORE INTO {p} (id) VALUES (1);"));
        work.nest(triggers);
        // The keys of other tables referencing the table move to the copy, gaplessly (a
        // second key under a temporary name, then the first dropped), so that they follow it
        // through the rename; the copy holds every row by now, and the triggers keep it so.
        let referencing = referencing_keys(ctx, table);
        for (child, fk) in &referencing {
            moves.nest(self.move_key(child, fk, table, &shadow));
        }
        // The plan's dual-write triggers, when they are on the table: made on the copy under
        // temporary names (trigger names are per database), so that the rename carries them.
        let mut sync_back = None;
        if let Some(sync) = carried {
            let [on_copy, back] = self.carry_sync(table, sync, &shadow)?;
            carry.nest(on_copy);
            sync_back = Some(back);
        }
        let rename = format!("RENAME TABLE {t} TO {o}, {s} TO {t};");
        // After the swap (also when a run stopped right after it): names back. Each part checks
        // its own state, and none runs while the copy exists (before the swap).
        let mut swap = Body::new();
        // The progress row goes with the triggers that read it (on the old table, dropped).
        swap.push(&format!("DROP TABLE IF EXISTS {p};"));
        // The referencing keys get their own names back.
        for (child, fk) in &referencing {
            swap.nest(self.restore_key(child, fk));
        }
        // So do the dual-write triggers (the old table took the first ones with it; the
        // temporary ones work until these are made).
        if let Some(back) = sync_back {
            swap.nest(back);
        }
        swap.nest(self.own_keys_back(table, &fks, own));
        Ok(CopyParts {
            create: work,
            fill,
            moves,
            carry,
            rename,
            old_name: old,
            shadow: shadow.clone(),
            names_back: swap,
            referencing,
            cols,
            pk,
        })
    }

    /// What a stopped copy leaves: its triggers, the keys of referencing tables moved to the
    /// copy (moved back), and the copy (or the old table after the swap).
    pub(crate) fn copy_cleanup(
        &self,
        ctx: &Context<'_>,
        scope: &Scope<'_>,
        table: &str,
        phased: bool,
    ) -> Vec<Unit> {
        let mut out = Vec::new();
        let referencing = referencing_keys(ctx, table);
        if !referencing.is_empty() {
            let mut b = Body::new();
            for (child, fk) in &referencing {
                b.nest(self.restore_key(child, fk));
            }
            let mut u = self.program(scope, b);
            u.sql.push_str("\nSET SESSION foreign_key_checks = 1;");
            out.push(u);
        }
        let mut sql = String::new();
        for event in ["insert", "update"] {
            sql.push_str(&format!(
                "DROP TRIGGER IF EXISTS {};\n",
                q(&suffixed(&Mysql::trigger_name(table, event), "__migc"))
            ));
        }
        let labels: &[&str] = if phased { &["", "_back"] } else { &[""] };
        for label in labels {
            for event in ["insert", "update", "delete"] {
                sql.push_str(&format!(
                    "DROP TRIGGER IF EXISTS {};\n",
                    q(&suffixed(
                        &format!("migc_copy_{table}"),
                        &format!("{label}_{event}")
                    ))
                ));
            }
        }
        let tables: &[&str] = if phased {
            &["__migc", "__migc_back", "__migc_progress"]
        } else {
            &["__migc", "__migc_old", "__migc_progress"]
        };
        sql.push_str(&format!(
            "DROP TABLE IF EXISTS {};",
            tables
                .iter()
                .map(|x| q(&suffixed(table, x)))
                .collect::<Vec<_>>()
                .join(", ")
        ));
        out.push(unit(sql));
        out
    }
}

/// The parts of a table copy ([`Mysql::copy_parts`]).
struct CopyParts {
    /// The empty copy with the change, the progress row and the triggers on the table.
    create: Body,
    /// The batches copying the rows.
    fill: Body,
    /// The keys of referencing tables moved to the copy.
    moves: Body,
    /// The plan's dual-write triggers made on the copy under temporary names.
    carry: Body,
    /// The swap of the unit copy.
    rename: String,
    old_name: String,
    shadow: String,
    /// After the swap: keys and triggers under their own names again, the progress row gone.
    names_back: Body,
    referencing: Vec<(String, ForeignKey)>,
    /// The columns copied, and the primary key.
    cols: Vec<String>,
    pk: Vec<String>,
}

fn tuple(items: &[String]) -> String {
    if items.len() == 1 {
        items[0].clone()
    } else {
        format!("({})", items.join(", "))
    }
}
