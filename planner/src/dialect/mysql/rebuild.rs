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
//! A check added in expand is copied in phases instead ([`Mysql::copy_phased`]), so that
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

use super::super::{Context, Later, Lowered, Unit};
use super::program::Body;
use super::sql::*;
use super::{Mysql, Scope};
use crate::step::Phase;
use migc_compiler::schema::*;
use migc_grammar::{Diagnostic, Span};

impl Mysql {
    /// Why the table cannot be copied online, if it cannot.
    fn copy_refused(
        &self,
        ctx: &Context<'_>,
        steps_sync: bool,
        keys: &[ForeignKey],
        table: &str,
    ) -> Option<String> {
        let t = ctx.from.tables.get(table)?;
        if t.primary_key.is_none() {
            return Some(format!("`{table}` has no primary key to copy it by"));
        }
        // A key referencing the table itself would have to name the copy while the batches
        // fill it (an insert through the triggers naming a parent not copied yet would fail),
        // and its ON DELETE actions would not reach rows of the copy the old table cascaded
        // to. A key the plan adds later is added to the table after the swap, like any other.
        let self_referencing = keys.iter().any(|f| f.ref_table == table);
        if self_referencing {
            return Some(format!(
                "`{table}` references itself by then (its key would have to name the copy while it is filled)"
            ));
        }
        // Likewise the table's own keys over columns its generated columns read, when they
        // have a CASCADE or SET NULL action: the copy holds them under temporary names, and
        // they could not get their own back in place (InnoDB adds a key without such actions
        // in place, error 138 is for the actions only).
        let model = super::model::Model::deployed(ctx.from);
        for t in [ctx.from, ctx.to]
            .iter()
            .filter_map(|s| s.tables.get(table))
        {
            let model = super::ops::table_model_of(t, &model);
            let bases: Vec<String> = t
                .indexes
                .iter()
                .flat_map(|i| generated_columns(table, i, &model).unwrap_or_default())
                .flat_map(|g| g.base)
                .collect();
            if let Some(fk) = t
                .foreign_keys
                .iter()
                .find(|f| writes_rows(f) && f.columns.iter().any(|c| bases.contains(c)))
            {
                return Some(format!(
                    "its key `{}` covers columns a generated column of one of its indexes reads (InnoDB adds such a key only by copying the table)",
                    fk.name
                ));
            }
        }
        // A referencing key whose columns a STORED generated column reads (an expression or
        // unique partial index of the referencing table) cannot be moved to the copy: InnoDB
        // adds such a key only by copying that table too (error 138).
        for (child, fk) in referencing_keys(ctx, table)
            .into_iter()
            .filter(|(_, f)| writes_rows(f))
        {
            let model = super::model::Model::deployed(ctx.from);
            let held = [ctx.from, ctx.to]
                .iter()
                .filter_map(|s| s.tables.get(&child))
                .any(|t| {
                    let model = super::ops::table_model_of(t, &model);
                    t.indexes.iter().any(|i| {
                        generated_columns(&child, i, &model)
                            .unwrap_or_default()
                            .iter()
                            .any(|g| fk.columns.iter().any(|c| g.base.contains(c)))
                    })
                });
            if held {
                return Some(format!(
                    "`{child}` references it through `{}`, whose columns a generated column of an index of `{child}` reads (InnoDB moves such a key only by copying `{child}` too)",
                    fk.name
                ));
            }
        }
        if steps_sync {
            return Some(format!(
                "the plan keeps columns of `{table}` in step with triggers, which would go with the old copy"
            ));
        }
        None
    }

    /// The table copied online with `actions` (an `ALTER TABLE` clause list applied to the empty
    /// copy), unless `done` already holds. Re-running resumes: a copy left by a stopped run is
    /// reused, the batches skip rows already copied, and an old table left after the swap is
    /// dropped.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn copy_table(
        &self,
        ctx: &Context<'_>,
        scope: &Scope<'_>,
        table: &str,
        actions: &str,
        done: &str,
        syncs: bool,
        origin: Option<Span>,
    ) -> Result<Unit, Diagnostic> {
        let parts = self.copy_parts(ctx, scope, table, actions, syncs, false, origin)?;
        Ok(self.copy_unit(scope, parts, done))
    }

    /// The table copied in phases (see the module's documentation), as parts of the step in
    /// other places: the empty copy and its triggers last in expand, the rows first in
    /// backfill, the swap first at switch, the old table dropped first at contract; `done`
    /// holds once the copy is the table.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn copy_phased(
        &self,
        ctx: &Context<'_>,
        scope: &Scope<'_>,
        table: &str,
        actions: &str,
        done: &str,
        syncs: bool,
        origin: Option<Span>,
    ) -> Result<Vec<Later>, Diagnostic> {
        // Made last in expand: the table as expand leaves it.
        let (model, keys) = scope.expand_end;
        let at_end = Scope {
            model,
            keys,
            ..scope.clone()
        };
        let scope = &at_end;
        let parts = self.copy_parts(ctx, scope, table, actions, syncs, true, origin)?;
        let CopyParts {
            create,
            fill,
            moves,
            carry,
            names_back,
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
        let made = Lowered {
            up: vec![self.program(scope, Body::when(&format!("NOT ({done})"), create))],
            down: self.copy_cleanup(ctx, scope, table, true),
            lock: format!(
                "exclusive metadata lock (brief): an empty copy of `{table}` and triggers made"
            ),
            rewrite: false,
            scan: false,
            down_loses: None,
            batch: None,
            later: Vec::new(),
        };

        let later_lowered = |up: Unit, down: Unit, lock: &str| Lowered {
            up: vec![up],
            down: vec![down],
            lock: lock.to_string(),
            rewrite: false,
            scan: false,
            down_loses: None,
            batch: None,
            later: Vec::new(),
        };
        let mut filled = later_lowered(
            self.program(scope, Body::when(&format!("NOT ({done})"), fill)),
            comment_unit(&format!(
                "{table}: the rows copied to {shadow} go with it when expand is rolled back"
            )),
            "row locks (one batch of rows at a time)",
        );
        filled.rewrite = true;
        filled.scan = true;

        // The swap. The copy's triggers write each row the table gets back to the old table
        // (under `t__migc_back`, an empty stand-in until the swap, so that they can be made
        // beforehand: InnoDB opens the tables a trigger names before it runs). A session flag
        // keeps the two directions from echoing each other. One `RENAME TABLE` rotates the
        // three names: the copy becomes the table, the old table `t__migc_back`, the stand-in
        // `t__migc`, where the old table's triggers, silenced by the flag, point.
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
        let swapped = later_lowered(
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
        );

        // Contract: the old table and the stand-in go (the old table's triggers with it), then
        // the keys and triggers of the copy get their own names back.
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
        let dropped = later_lowered(
            {
                let mut u = self.program(scope, all);
                u.sql.push_str("\nSET SESSION foreign_key_checks = 1;");
                u
            },
            comment_unit(&format!(
                "{table}: the table it replaced is gone; the copy stays, with every row"
            )),
            "exclusive metadata lock (brief)",
        );
        let later = vec![
            Later {
                phase: Phase::Expand,
                first: false,
                op: "copy_create",
                summary: format!("make the copy `{shadow}` of `{table}`, with the change, kept in step by triggers"),
                lowered: made,
            },
            Later {
                phase: Phase::Backfill,
                first: true,
                op: "copy_fill",
                summary: format!("copy the rows of `{table}` to its copy `{shadow}`"),
                lowered: filled,
            },
            Later {
                phase: Phase::Switch,
                first: true,
                op: "copy_swap",
                summary: format!(
                    "swap the copy `{shadow}` in for `{table}`; the old table follows it until contract"
                ),
                lowered: swapped,
            },
            Later {
                phase: Phase::Contract,
                first: true,
                op: "copy_drop_old",
                summary: format!("drop the table `{table}` was copied from"),
                lowered: dropped,
            },
        ];
        Ok(later)
    }

    /// The unit copy: every part in one unit, the old table dropped right after the swap.
    fn copy_unit(&self, scope: &Scope<'_>, parts: CopyParts, done: &str) -> Unit {
        let mut work = parts.create;
        work.nest(parts.fill);
        work.nest(parts.moves);
        work.nest(parts.carry);
        work.push(&parts.rename);
        let mut drop_old = Body::new();
        drop_old.push(&format!("DROP TABLE {};", q(&parts.old_name)));
        let mut all = Body::new();
        all.nest(Body::when(&format!("NOT ({done})"), work));
        all.nest(Body::when(&table_exists(&parts.old_name), drop_old));
        all.nest(Body::when(
            &format!("NOT {}", table_exists(&parts.shadow)),
            parts.names_back,
        ));
        let mut u = self.program(scope, all);
        u.sql.push_str("\nSET SESSION foreign_key_checks = 1;");
        u
    }

    /// The parts of a table copy, for [`Mysql::copy_table`] and [`Mysql::copy_phased`].
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
            scope.keys.get(table).map_or(&[][..], |k| &k[..]),
            table,
        ) {
            return Err(unsupported(
                format!("changing `{table}` needs a table copy on MySQL/MariaDB, and {why}"),
                origin,
                "make this change in a separate plan, or outside migc in a maintenance window",
            ));
        }
        let deployed = &ctx.from.tables[table];
        let pk = deployed
            .primary_key
            .as_ref()
            .map(|p| p.columns.clone())
            .unwrap_or_default();
        let model = scope.model;
        // The columns as they stand at this step (columns expand added included).
        let cols: Vec<String> = model
            .columns(table)
            .iter()
            .map(|c| c.name.clone())
            .collect();
        let shadow = suffixed(table, "__migc");
        let old = suffixed(table, "__migc_old");
        let progress = suffixed(table, "__migc_progress");
        let (t, s, o, p) = (q(table), q(&shadow), q(&old), q(&progress));
        let col_list = columns(&cols);
        let key_match = |row: &str| key_match(&pk, row);
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
        let upsert = upsert_new(&shadow, &cols);
        let set_new = cols
            .iter()
            .map(|c| format!("{0} = NEW.{0}", q(c)))
            .collect::<Vec<_>>()
            .join(", ");
        // The key unchanged (nearly always): one upsert, which locks only the row. A key moved
        // out of the claimed range leaves the copy (its batch copies it under the new key):
        // that happens only before the last claim, while no referencing key names the copy.
        let same_key = same_key(&pk);
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
        // The foreign keys of the table, on the copy under temporary names (InnoDB names them
        // per database); after the swap each is added under its own name, then the temporary
        // one goes, so the table is never without them.
        let fks: Vec<&ForeignKey> = scope
            .keys
            .get(table)
            .into_iter()
            .flatten()
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

        // The key walk, as in the backfill: each batch's upper key by a bounded read, then that
        // key range copied in its own short transaction.
        let keys: Vec<String> = pk.iter().map(|k| q(k)).collect();
        let key_tuple = tuple(&keys);
        let mut declare = String::new();
        let mut claim_cols = String::new();
        for (i, k) in pk.iter().enumerate() {
            let ty = model
                .column(table, k)
                .map(|c| type_of(&c.ty, model, Span::default()))
                .transpose()?
                .unwrap_or_else(|| "bigint".into());
            declare.push_str(&format!("DECLARE last_{i} {ty};\nDECLARE upto_{i} {ty};\n"));
            claim_cols.push_str(&format!(", claimed_{i} {ty} NULL"));
        }
        declare.push_str(
            "DECLARE started INT DEFAULT 0;\nDECLARE locked_rows INT;\nDECLARE batch_size INT DEFAULT COALESCE(@migc_batch_size, 1000);\nDECLARE pause_ms INT DEFAULT COALESCE(@migc_pause_ms, 20);",
        );
        let last: Vec<String> = (0..pk.len()).map(|i| format!("last_{i}")).collect();
        let upto: Vec<String> = (0..pk.len()).map(|i| format!("upto_{i}")).collect();
        let b_keys: Vec<String> = keys.iter().map(|k| format!("b.{k}")).collect();
        let after = format!("(started = 0 OR {key_tuple} > {})", tuple(&last));
        let mut fill = Body::new();
        fill.declare(&declare);
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
        for (i, event) in ["insert", "update", "delete"].iter().enumerate() {
            work.push(&dynamic(&format!("DROP TRIGGER IF EXISTS {}", trig(event))));
            work.push(&dynamic(&triggers[i]));
        }
        // Each batch claims its key range in a short transaction of its own (never lower than
        // a claim of a stopped run; the last batch claims the rest, rows inserted meanwhile
        // included), so that the triggers write those rows from then on; then, in the batch's
        // transaction, it locks the range's rows on the table and copies them. A writer to one
        // of them waits for the batch on the table, or the batch for the writer, before either
        // writes to the copy, and the batch reads each row as the last writer left it: a row
        // deleted is not copied back. Rows the triggers wrote are kept (they are as new).
        let keep = format!("{0} = {s}.{0}", keys[0]);
        let claimed_set = (0..pk.len())
            .map(|i| format!("claimed_{i} = upto_{i}"))
            .collect::<Vec<_>>()
            .join(", ");
        let claimed_t = tuple(
            &(0..pk.len())
                .map(|i| format!("claimed_{i}"))
                .collect::<Vec<_>>(),
        );
        fill.push(&format!(
            "SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED;
copy: LOOP
  SET {upto_null};
  SELECT {b_keys} INTO {upto}
    FROM (SELECT {key_list} FROM {t} WHERE {after} ORDER BY {key_list} LIMIT batch_size) AS b
    ORDER BY {b_desc} LIMIT 1;
  START TRANSACTION;
  IF upto_0 IS NULL THEN
    UPDATE {p} SET whole = 1;
  ELSE
    UPDATE {p} SET {claimed_set} WHERE claimed_0 IS NULL OR {claimed_t} < {upto_t};
  END IF;
  COMMIT;
  START TRANSACTION;
  SELECT COUNT(*) INTO locked_rows FROM {t}
    WHERE {after} AND (upto_0 IS NULL OR {key_tuple} <= {upto_t}) FOR UPDATE;
  INSERT INTO {s} ({col_list})
    SELECT {col_list} FROM {t} WHERE {after} AND (upto_0 IS NULL OR {key_tuple} <= {upto_t})
      AND NOT EXISTS (SELECT 1 FROM {s} AS x WHERE {copied})
    ON DUPLICATE KEY UPDATE {keep};
  COMMIT;
  IF upto_0 IS NULL THEN
    LEAVE copy;
  END IF;
  SET {advance}, started = 1, attempt = 0;
  DO SLEEP(pause_ms / 1000);
END LOOP;",
            upto_null = upto
                .iter()
                .map(|u| format!("{u} = NULL"))
                .collect::<Vec<_>>()
                .join(", "),
            upto = upto.join(", "),
            b_keys = b_keys.join(", "),
            key_list = keys.join(", "),
            b_desc = b_keys
                .iter()
                .map(|k| format!("{k} DESC"))
                .collect::<Vec<_>>()
                .join(", "),
            upto_t = tuple(&upto),
            keep = keep,
            copied = keys
                .iter()
                .map(|k| format!("x.{k} = {t}.{k}"))
                .collect::<Vec<_>>()
                .join(" AND "),
            advance = last
                .iter()
                .zip(&upto)
                .map(|(l, u)| format!("{l} = {u}"))
                .collect::<Vec<_>>()
                .join(", "),
        ));
        // The keys of other tables referencing the table move to the copy, gaplessly (a
        // second key under a temporary name, then the first dropped), so that they follow it
        // through the rename; the copy holds every row by now, and the triggers keep it so.
        let referencing = referencing_keys(ctx, table);
        for (child, fk) in &referencing {
            moves.nest(self.move_key(child, fk, table, &shadow));
        }
        // The plan's dual-write triggers, when they are on the table: made on the copy under
        // temporary names (trigger names are per database), so that the rename carries them.
        let std_names = [
            Mysql::trigger_name(table, "insert"),
            Mysql::trigger_name(table, "update"),
        ];
        let temp_names = [
            suffixed(&std_names[0], "__migc"),
            suffixed(&std_names[1], "__migc"),
        ];
        if let Some(sync) = carried {
            let on_copy =
                self.sync_triggers(table, sync, ctx, &shadow, [&temp_names[0], &temp_names[1]])?;
            let mut make = Body::new();
            for (name, sql) in temp_names.iter().zip(&on_copy) {
                make.push(&dynamic(&format!("DROP TRIGGER IF EXISTS {}", q(name))));
                make.push(&dynamic(sql));
            }
            carry.nest(Body::when(&trigger_exists(&std_names[0]), make));
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
        if let Some(sync) = carried {
            let on_table =
                self.sync_triggers(table, sync, ctx, table, [&std_names[0], &std_names[1]])?;
            let mut make = Body::new();
            for ((name, temp), sql) in std_names.iter().zip(&temp_names).zip(&on_table) {
                make.push(&dynamic(&format!("DROP TRIGGER IF EXISTS {}", q(name))));
                make.push(&dynamic(sql));
                make.push(&dynamic(&format!("DROP TRIGGER IF EXISTS {}", q(temp))));
            }
            swap.nest(Body::when(&trigger_exists(&temp_names[0]), make));
        }
        for fk in &fks {
            let temp = suffixed(&fk.name, own);
            let mut add = Body::new();
            add.push("SET SESSION foreign_key_checks = 0;");
            add.alter(
                table,
                &format!("ADD CONSTRAINT {} {}", q(&fk.name), fk_clause(fk)),
                self.index_algorithms(),
            );
            add.push("SET SESSION foreign_key_checks = 1;");
            swap.nest(Body::when(
                &format!("NOT {}", constraint_exists(table, &fk.name)),
                add,
            ));
            let mut drop = Body::new();
            drop.alter(
                table,
                &format!("DROP FOREIGN KEY {}", q(&temp)),
                self.metadata_algorithms(),
            );
            swap.nest(Body::when(&constraint_exists(table, &temp), drop));
            let mut index = Body::new();
            index.alter(
                table,
                &format!("DROP INDEX {}", q(&temp)),
                self.index_algorithms(),
            );
            swap.nest(Body::when(&index_exists(table, &temp), index));
        }
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

    /// A referencing key of `child` naming `from` moved to `to`, gaplessly: a twin under a
    /// temporary name first, then the key dropped.
    fn move_key(&self, child: &str, fk: &ForeignKey, from: &str, to: &str) -> Body {
        let temp = suffixed(&fk.name, "__migc");
        let moved = ForeignKey {
            name: temp.clone(),
            ref_table: to.to_string(),
            ..fk.clone()
        };
        let mut b = Body::new();
        let mut add = Body::new();
        add.push("SET SESSION foreign_key_checks = 0;");
        add.alter(
            child,
            &format!("ADD CONSTRAINT {} {}", q(&temp), fk_clause(&moved)),
            self.index_algorithms(),
        );
        add.push("SET SESSION foreign_key_checks = 1;");
        b.nest(Body::when(
            &format!(
                "{} AND {} AND NOT {}",
                table_exists(child),
                references(child, &fk.name, from),
                constraint_exists(child, &temp)
            ),
            add,
        ));
        let mut drop = Body::new();
        drop.alter(
            child,
            &format!("DROP FOREIGN KEY {}", q(&fk.name)),
            self.metadata_algorithms(),
        );
        b.nest(Body::when(&references(child, &fk.name, from), drop));
        b
    }

    /// A referencing key back under its own name on `child`, naming the table again, and its
    /// temporary twin (on the copy, or on the table after the swap) gone.
    fn restore_key(&self, child: &str, fk: &ForeignKey) -> Body {
        let temp = suffixed(&fk.name, "__migc");
        let mut b = Body::new();
        let mut add = Body::new();
        add.push("SET SESSION foreign_key_checks = 0;");
        add.alter(
            child,
            &format!("ADD CONSTRAINT {} {}", q(&fk.name), fk_clause(fk)),
            self.index_algorithms(),
        );
        add.push("SET SESSION foreign_key_checks = 1;");
        b.nest(Body::when(
            &format!(
                "{} AND {} AND NOT {}",
                table_exists(child),
                constraint_exists(child, &temp),
                constraint_exists(child, &fk.name)
            ),
            add,
        ));
        let mut drop = Body::new();
        drop.alter(
            child,
            &format!("DROP FOREIGN KEY {}", q(&temp)),
            self.metadata_algorithms(),
        );
        b.nest(Body::when(&constraint_exists(child, &temp), drop));
        let mut index = Body::new();
        index.alter(
            child,
            &format!("DROP INDEX {}", q(&temp)),
            self.index_algorithms(),
        );
        b.nest(Body::when(&index_exists(child, &temp), index));
        b
    }

    /// What a stopped copy leaves: its triggers, the keys of referencing tables moved to the
    /// copy (moved back), and the copy (or the old table after the swap).
    pub(super) fn copy_cleanup(
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
fn mirror_triggers(
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

/// Whether the key's actions write rows of its table (CASCADE, SET NULL, SET DEFAULT): InnoDB
/// refuses those, not NO ACTION or RESTRICT, over the base columns of a STORED generated column
/// (error 138 when added in place).
fn writes_rows(fk: &ForeignKey) -> bool {
    let writes = |a: FkAction| {
        matches!(
            a,
            FkAction::Cascade | FkAction::SetNull | FkAction::SetDefault
        )
    };
    writes(fk.on_delete) || writes(fk.on_update)
}

/// The foreign keys of other tables that reference `table` (deployed or declared), each once.
fn referencing_keys(ctx: &Context<'_>, table: &str) -> Vec<(String, ForeignKey)> {
    let mut out: Vec<(String, ForeignKey)> = Vec::new();
    for t in ctx.to.tables.values().chain(ctx.from.tables.values()) {
        if t.name == table {
            continue;
        }
        for f in t.foreign_keys.iter().filter(|f| f.ref_table == table) {
            if !out.iter().any(|(c, k)| *c == t.name && k.name == f.name) {
                out.push((t.name.clone(), f.clone()));
            }
        }
    }
    out
}

/// Whether a trigger of that name exists.
fn trigger_exists(name: &str) -> String {
    format!(
        "EXISTS (SELECT 1 FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE() AND TRIGGER_NAME = {})",
        lit(name)
    )
}

/// Whether `child`'s foreign key `name` references `table`.
fn references(child: &str, name: &str, table: &str) -> String {
    format!(
        "EXISTS (SELECT 1 FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = {} AND CONSTRAINT_NAME = {} AND REFERENCED_TABLE_NAME = {})",
        lit(child),
        lit(name),
        lit(table)
    )
}

fn tuple(items: &[String]) -> String {
    if items.len() == 1 {
        items[0].clone()
    } else {
        format!("({})", items.join(", "))
    }
}

/// Whether the column has the type, as `information_schema.COLUMNS` shows it.
pub(super) fn has_type(table: &str, column: &str, ty: &ColumnType, spelled: &str) -> String {
    let cond = match ty {
        ColumnType::Builtin { name, args } if name == "varchar" && !args.is_empty() => format!(
            "DATA_TYPE = 'varchar' AND CHARACTER_MAXIMUM_LENGTH = {}",
            args[0]
        ),
        ColumnType::Builtin { name, args } if name == "decimal" && args.len() == 2 => format!(
            "DATA_TYPE = 'decimal' AND NUMERIC_PRECISION = {} AND NUMERIC_SCALE = {}",
            args[0], args[1]
        ),
        ColumnType::Enum { .. } => {
            format!("COLUMN_TYPE = {}", lit(spelled))
        }
        _ => {
            let base = spelled
                .split(['(', ' '])
                .next()
                .unwrap_or(spelled)
                .to_ascii_lowercase();
            format!("DATA_TYPE = {}", lit(&base))
        }
    };
    format!(
        "EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = {} AND COLUMN_NAME = {} AND {cond})",
        lit(table),
        lit(column)
    )
}
