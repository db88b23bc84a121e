//! The copy in phases, for a check added in expand (planner/src/copies.rs places its steps):
//! the empty copy and its triggers last in expand (`copy_create`), the rows first in backfill
//! (`copy_fill`), the swap first at switch (`copy_swap`), the old table dropped first at
//! contract (`copy_drop_old`).

use super::triggers::mirror_triggers;
use super::CopyParts;
use crate::dialect::mysql::program::Body;
use crate::dialect::mysql::sql::*;
use crate::dialect::mysql::{Mysql, Scope};
use crate::dialect::{Context, Lowered, Unit};
use crate::step::Op;
use migc_grammar::Diagnostic;

impl Mysql {
    /// A step of the table copied in phases (see the module's documentation), made from the
    /// table as expand leaves it (`scope.state`); the copy's checks other than its own are
    /// `scope.joined`. Its own check on the table tells that the copy is the table.
    pub(crate) fn lower_copy(
        &self,
        ctx: &Context<'_>,
        scope: &Scope<'_>,
        op: &Op,
    ) -> Result<Lowered, Diagnostic> {
        let (Op::CopyCreate { table, checks, .. }
        | Op::CopyFill { table, checks, .. }
        | Op::CopySwap { table, checks, .. }
        | Op::CopyDropOld { table, checks, .. }) = op
        else {
            unreachable!("a step of a table copy: {op:?}")
        };
        let Some(check) = checks.last() else {
            unreachable!("a table copy carries its check")
        };
        let actions = format!(
            "ADD CONSTRAINT {} CHECK ({})",
            q(&check.name),
            expr(&check.expr)?
        );
        let done = &constraint_exists(table, &check.name);
        let syncs = scope.synced.iter().any(|t| t == table);
        let parts =
            self.copy_parts(ctx, scope, table, &actions, syncs, true, Some(check.origin))?;
        Ok(match op {
            Op::CopyCreate { .. } => Lowered {
                up: vec![self.program(scope, Body::when(&format!("NOT ({done})"), parts.create))],
                down: self.copy_cleanup(ctx, scope, table, true),
                lock: format!(
                    "exclusive metadata lock (brief): an empty copy of `{table}` and triggers made"
                ),
                ..Lowered::new("")
            },
            Op::CopyFill { .. } => {
                let mut filled = later_lowered(
                    self.program(scope, Body::when(&format!("NOT ({done})"), parts.fill)),
                    comment_unit(&format!(
                        "{table}: the rows copied to {} go with it when expand is rolled back",
                        parts.shadow
                    )),
                    "row locks (one batch of rows at a time)",
                );
                filled.rewrite = true;
                filled.scan = true;
                filled
            }
            Op::CopySwap { .. } => self.copy_swap(scope, table, done, parts),
            _ => self.copy_drop_old(scope, table, done, parts),
        })
    }

    /// The swap. The copy's triggers write each row the table gets back to the old table
    /// (under `t__migc_back`, an empty stand-in until the swap, so that they can be made
    /// beforehand: InnoDB opens the tables a trigger names before it runs). A session flag
    /// keeps the two directions from echoing each other. One `RENAME TABLE` rotates the three
    /// names: the copy becomes the table, the old table `t__migc_back`, the stand-in `t__migc`,
    /// where the old table's triggers, silenced by the flag, point.
    fn copy_swap(&self, scope: &Scope<'_>, table: &str, done: &str, parts: CopyParts) -> Lowered {
        let CopyParts {
            moves,
            carry,
            referencing,
            cols,
            pk,
            ..
        } = parts;
        let shadow = suffixed(table, "__migc");
        let back = suffixed(table, "__migc_back");
        let swapping = suffixed(table, "__migc_swap");
        let progress = suffixed(table, "__migc_progress");
        let (t, s, b, w, p) = (q(table), q(&shadow), q(&back), q(&swapping), q(&progress));
        let reverse = mirror_triggers(table, &shadow, &back, &cols, &pk, "back");
        let mut swap = Body::new();
        swap.push(&format!(
            "IF NOT EXISTS (SELECT 1 FROM {p} WHERE whole = 1) THEN\n  {}\nEND IF;",
            signal(&format!(
                "the copy of {table} is not filled yet: run the backfill phase first"
            ))
        ));
        swap.push(&format!("CREATE TABLE IF NOT EXISTS {b} LIKE {t};"));
        swap.nest(moves);
        swap.nest(carry);
        for (name, sql) in &reverse {
            swap.push(&dynamic(&format!("DROP TRIGGER IF EXISTS {}", q(name))));
            swap.push(&dynamic(sql));
        }
        swap.push(&format!(
            "RENAME TABLE {t} TO {w}, {s} TO {t}, {b} TO {s}, {w} TO {b};"
        ));
        // The referencing keys, which followed the copy, get their own names back (free since
        // they were moved); also when a run stopped right after the swap.
        let mut renamed = Body::new();
        for (child, fk) in &referencing {
            renamed.nest(self.restore_key(child, fk));
        }
        // Back: the rotation undone, the referencing keys on the old table again, the copy's
        // triggers towards it gone. The copy stays filled, kept in step, until expand's
        // rollback drops it or switch runs again.
        let mut unswap = Body::when(&format!("{done} AND {}", table_exists(&back)), {
            let mut r = Body::new();
            for (child, fk) in &referencing {
                r.nest(self.move_key(child, fk, table, &back));
            }
            r.push(&format!(
                "RENAME TABLE {t} TO {w}, {b} TO {t}, {s} TO {b}, {w} TO {s};"
            ));
            r
        });
        for (child, fk) in &referencing {
            unswap.nest(self.restore_key(child, fk));
        }
        for (name, _) in &reverse {
            unswap.push(&format!("DROP TRIGGER IF EXISTS {};", q(name)));
        }
        unswap.push(&format!(
            "IF NOT ({done}) THEN\n  DROP TABLE IF EXISTS {b};\nEND IF;"
        ));
        later_lowered(
            {
                let mut all = Body::when(&format!("NOT ({done})"), swap);
                all.nest(Body::when(done, renamed));
                let mut u = self.program(scope, all);
                u.sql.push_str("\nSET SESSION foreign_key_checks = 1;");
                u
            },
            {
                let mut u = self.program(scope, unswap);
                u.sql.push_str("\nSET SESSION foreign_key_checks = 1;");
                u
            },
            "exclusive metadata lock (brief): one RENAME TABLE of three tables",
        )
    }

    /// Contract: the old table and the stand-in go (the old table's triggers with it), then
    /// the keys and triggers of the copy get their own names back.
    fn copy_drop_old(
        &self,
        scope: &Scope<'_>,
        table: &str,
        done: &str,
        parts: CopyParts,
    ) -> Lowered {
        let CopyParts {
            shadow,
            names_back,
            cols,
            pk,
            ..
        } = parts;
        let back = suffixed(table, "__migc_back");
        let (s, b) = (q(&shadow), q(&back));
        let reverse = mirror_triggers(table, &shadow, &back, &cols, &pk, "back");
        let mut drop = Body::new();
        for (name, _) in &reverse {
            drop.push(&format!("DROP TRIGGER IF EXISTS {};", q(name)));
        }
        drop.push(&format!("DROP TABLE IF EXISTS {b}, {s};"));
        let mut all = Body::when(&format!("{done} AND {}", table_exists(&back)), drop);
        all.nest(Body::when(
            &format!("{done} AND NOT {}", table_exists(&shadow)),
            names_back,
        ));
        later_lowered(
            {
                let mut u = self.program(scope, all);
                u.sql.push_str("\nSET SESSION foreign_key_checks = 1;");
                u
            },
            comment_unit(&format!(
                "{table}: the table it replaced is gone; the copy stays, with every row"
            )),
            "exclusive metadata lock (brief)",
        )
    }
}

/// A step of the copy with one unit each way.
fn later_lowered(up: Unit, down: Unit, lock: &str) -> Lowered {
    Lowered {
        up: vec![up],
        down: vec![down],
        lock: lock.to_string(),
        ..Lowered::new("")
    }
}
