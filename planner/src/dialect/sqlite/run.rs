//! Lowering a plan: the model walked phase by phase, table changes grouped into rebuilds.

use super::*;

/// One change the scripts make, attached to a step.
#[derive(Clone, Debug)]
pub(super) enum Act {
    /// A table's definition changes from `before` to `after`.
    Table {
        before: Box<Tbl>,
        after: Box<Tbl>,
        remap: BTreeMap<u32, Vec<(String, String)>>,
    },
    CreateTable(Box<Tbl>),
    DropTable(Box<Tbl>),
    RenameTable {
        from: String,
        to: String,
    },
    CreateView(View),
    DropView(View),
    CreateAlias {
        tbl: Box<Tbl>,
        alias: String,
    },
    DropAlias {
        table: String,
        alias: String,
    },
    Backfill {
        table: String,
        assignments: Vec<(String, Expr)>,
        guarded: bool,
    },
    Native {
        name: String,
        up: Vec<String>,
        down: Vec<String>,
    },
    /// Checks that no row holds null in a column whose NOT NULL waits for contract.
    Validate {
        table: String,
        column: String,
    },
}

#[derive(Clone, Debug)]
pub(super) struct Action {
    /// Index of the step in the plan.
    pub(super) step: usize,
    pub(super) seq: usize,
    pub(super) act: Act,
}

/// What applying a step to the model gave.
pub(super) enum Effect {
    /// Table definitions changed.
    Tables(Vec<String>),
    /// A change of another kind.
    Other(Act),
    /// Nothing to do in SQLite, with why.
    Nothing(String),
}

pub(super) struct Run<'a> {
    pub(super) steps: &'a [Step],
    pub(super) ctx: &'a Context<'a>,
    pub(super) busy_timeout_ms: u32,
    pub(super) next_id: u32,
    pub(super) st: State,
    pub(super) out: Vec<Lowered>,
    pub(super) errors: Vec<Diagnostic>,
    /// Foreign keys of tables the plan creates: written in their `CREATE TABLE`.
    pub(super) inline_fks: BTreeMap<String, Vec<ForeignKey>>,
}

pub(super) fn lowered(lock: &str) -> Lowered {
    Lowered::new(lock)
}

impl<'a> Run<'a> {
    pub(super) fn new(steps: &'a [Step], ctx: &'a Context<'a>, busy_timeout_ms: u32) -> Run<'a> {
        let mut inline_fks: BTreeMap<String, Vec<ForeignKey>> = BTreeMap::new();
        for s in steps {
            if let Op::AddForeignKey {
                table,
                fk,
                not_valid: false,
            } = &s.op
            {
                inline_fks
                    .entry(table.clone())
                    .or_default()
                    .push(fk.clone());
            }
        }
        let mut run = Run {
            steps,
            ctx,
            busy_timeout_ms,
            next_id: 0,
            st: State::default(),
            out: steps.iter().map(|_| lowered("none")).collect(),
            errors: Vec::new(),
            inline_fks,
        };
        for (name, e) in &ctx.from.enums {
            run.st.enums.insert(
                name.clone(),
                e.values.iter().map(|v| v.name.clone()).collect(),
            );
        }
        for t in ctx.from.tables.values() {
            let tbl = run.tbl(t, &run.st.enums.clone(), t.foreign_keys.clone(), true);
            run.st.tables.insert(t.name.clone(), tbl);
        }
        run.st.views = ctx.from.views.clone();
        for (name, n) in &ctx.from.natives {
            if n.dialects.contains(&D) {
                run.st.run_native(name, &n.up);
            }
        }
        run
    }

    pub(super) fn tbl(
        &mut self,
        t: &Table,
        enums: &BTreeMap<String, Vec<String>>,
        fks: Vec<ForeignKey>,
        with_indexes: bool,
    ) -> Tbl {
        let cols = t
            .columns
            .iter()
            .map(|c| {
                self.next_id += 1;
                Col {
                    id: self.next_id,
                    def: c.clone(),
                    relaxed: false,
                    labels: match &c.ty {
                        ColumnType::Enum { name } => enums.get(name).cloned(),
                        _ => None,
                    },
                    remap: Vec::new(),
                }
            })
            .collect();
        let mut indexes: Vec<Index> = t.uniques.iter().map(unique_index).collect();
        if with_indexes {
            indexes.extend(t.indexes.iter().cloned());
        }
        Tbl {
            name: t.name.clone(),
            cols,
            pk: t.primary_key.clone(),
            checks: t.checks.clone(),
            fks,
            indexes,
            pending_checks: Vec::new(),
            pending_fks: Vec::new(),
            not_null_checks: Vec::new(),
            sync: None,
            natives: Vec::new(),
        }
    }

    pub(super) fn run(&mut self) {
        for phase in Phase::ALL {
            self.phase(phase);
        }
    }

    /// Tables whose current definition step `i` relies on (their rebuild must come first).
    pub(super) fn reads(&self, step: &Step, want: &State) -> Vec<String> {
        let table_of = |name: &str| -> Option<String> {
            if want.tables.contains_key(name) {
                Some(name.to_string())
            } else {
                want.aliases.get(name).cloned()
            }
        };
        match &step.op {
            Op::CreateTableAlias { table, .. }
            | Op::DropTable {
                table: Table { name: table, .. },
            }
            | Op::Backfill { table, .. } => vec![table.clone()],
            // Renaming a table rewrites the foreign keys that reference it.
            Op::RenameTable { from, .. } => std::iter::once(from.clone())
                .chain(
                    want.tables
                        .values()
                        .filter(|t| {
                            t.fks
                                .iter()
                                .chain(&t.pending_fks)
                                .any(|f| &f.ref_table == from)
                        })
                        .map(|t| t.name.clone()),
                )
                .collect(),
            Op::CreateView { view } => view.depends_on.iter().filter_map(|d| table_of(d)).collect(),
            Op::Native { .. } => want.tables.keys().cloned().collect(),
            _ => Vec::new(),
        }
    }

    pub(super) fn phase(&mut self, phase: Phase) {
        let idx: Vec<usize> = (0..self.steps.len())
            .filter(|&i| self.steps[i].phase == phase)
            .collect();
        if idx.is_empty() {
            return;
        }
        let start = self.st.clone();
        let mut phys = self.st.clone();
        let mut want = self.st.clone();
        let mut groups: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        let mut actions: Vec<Action> = Vec::new();
        let mut seq = 0;
        // step -> (table, step that rebuilds it)
        let mut absorbed: BTreeMap<usize, (String, usize)> = BTreeMap::new();
        let mut notes: BTreeMap<usize, String> = BTreeMap::new();
        let close = |t: &str,
                     groups: &mut BTreeMap<String, Vec<usize>>,
                     phys: &mut State,
                     want: &mut State,
                     actions: &mut Vec<Action>,
                     absorbed: &mut BTreeMap<usize, (String, usize)>,
                     seq: &mut usize| {
            let Some(members) = groups.remove(t) else {
                return;
            };
            let Some(&last) = members.last() else { return };
            let (Some(before), Some(after)) = (phys.tables.get(t), want.tables.get_mut(t)) else {
                return;
            };
            let remap: BTreeMap<u32, Vec<(String, String)>> = after
                .cols
                .iter()
                .filter(|c| !c.remap.is_empty())
                .map(|c| (c.id, c.remap.clone()))
                .collect();
            for c in &mut after.cols {
                c.remap.clear();
            }
            actions.push(Action {
                step: last,
                seq: *seq,
                act: Act::Table {
                    before: Box::new(before.clone()),
                    after: Box::new(after.clone()),
                    remap,
                },
            });
            *seq += 1;
            phys.tables.insert(t.to_string(), after.clone());
            for &m in &members {
                if m != last {
                    absorbed.insert(m, (t.to_string(), last));
                }
            }
        };
        for &i in &idx {
            let step = &self.steps[i];
            let reads = self.reads(step, &want);
            let to_close: Vec<String> = groups
                .iter()
                .filter(|(t, members)| {
                    reads.contains(t) || step.after.iter().any(|a| members.contains(a))
                })
                .map(|(t, _)| t.clone())
                .collect();
            for t in to_close {
                close(
                    &t,
                    &mut groups,
                    &mut phys,
                    &mut want,
                    &mut actions,
                    &mut absorbed,
                    &mut seq,
                );
            }
            let effect = match self.apply(step, &mut phys, &mut want) {
                Ok(e) => e,
                Err(d) => {
                    self.errors.push(d);
                    continue;
                }
            };
            match effect {
                Effect::Nothing(why) => {
                    notes.insert(i, why);
                }
                Effect::Other(act) => {
                    actions.push(Action { step: i, seq, act });
                    seq += 1;
                }
                Effect::Tables(tables) => {
                    for t in tables {
                        if let Some(members) = groups.get_mut(&t) {
                            members.push(i);
                            continue;
                        }
                        let (Some(before), Some(after)) =
                            (phys.tables.get(&t), want.tables.get(&t))
                        else {
                            continue;
                        };
                        let has_remap = after.cols.iter().any(|c| !c.remap.is_empty());
                        let m = match migrate(
                            before,
                            after,
                            &BTreeMap::new(),
                            &mut Checks::default(),
                        ) {
                            Ok(m) => m,
                            Err(d) => {
                                self.errors.push(d);
                                continue;
                            }
                        };
                        if m.rebuild || has_remap {
                            groups.insert(t.clone(), vec![i]);
                        } else if m.sql.is_empty() {
                            phys.tables.insert(t.clone(), after.clone());
                        } else {
                            actions.push(Action {
                                step: i,
                                seq,
                                act: Act::Table {
                                    before: Box::new(before.clone()),
                                    after: Box::new(after.clone()),
                                    remap: BTreeMap::new(),
                                },
                            });
                            seq += 1;
                            phys.tables.insert(t.clone(), after.clone());
                        }
                    }
                }
            }
        }
        let open: Vec<String> = groups.keys().cloned().collect();
        for t in open {
            close(
                &t,
                &mut groups,
                &mut phys,
                &mut want,
                &mut actions,
                &mut absorbed,
                &mut seq,
            );
        }
        let position: BTreeMap<usize, usize> =
            idx.iter().enumerate().map(|(p, &i)| (i, p)).collect();
        actions.sort_by_key(|a| (position.get(&a.step).copied().unwrap_or(0), a.seq));
        // `want` holds what `phys` does, and what the database does not show (checks waiting for
        // validation, not-null checks, enum type names).
        drop(phys);
        self.st = want;
        if let Err(d) = self.emit(phase, &idx, &start, &actions, &absorbed, &notes) {
            self.errors.push(d);
        }
    }
}
