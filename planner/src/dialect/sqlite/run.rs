//! Lowering a plan: the shared state advanced phase by phase, table changes grouped into rebuilds.

use super::*;

/// One change the scripts make, attached to a step.
#[derive(Clone, Debug)]
pub(super) enum Act {
    /// A table's definition changes from `before` to `after`.
    Table {
        before: Box<Written>,
        after: Box<Written>,
        remap: BTreeMap<u32, Vec<(String, String)>>,
    },
    CreateTable(Box<Written>),
    DropTable(Box<Written>),
    RenameTable {
        from: String,
        to: String,
    },
    CreateView(View),
    DropView(View),
    CreateAlias {
        tbl: Box<state::Table>,
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
    /// Nothing now; the rollback gives rows holding enum labels the plan adds the column's
    /// `down`.
    MapLabelsOnRollback {
        table: String,
        column: String,
        labels: Vec<String>,
        down: Expr,
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

/// What a step does in SQLite.
pub(super) enum Effect {
    /// Table definitions changed.
    Tables(Vec<String>),
    /// A change of another kind.
    Other(Act),
    /// Nothing to do in SQLite, with why.
    Nothing(String),
}

/// The steps of a phase that change one table's definition and make one rebuild.
struct Group {
    members: Vec<usize>,
    /// The table as it was before the first of them.
    before: Written,
    /// Enum labels the steps renamed, by column identity (old -> new): the copy maps them.
    remap: BTreeMap<u32, Vec<(String, String)>>,
}

pub(super) struct Run<'a> {
    pub(super) steps: &'a [Step],
    pub(super) ctx: &'a Context<'a>,
    pub(super) busy_timeout_ms: u32,
    /// The state at the start of the phase being lowered.
    pub(super) st: State,
    pub(super) out: Vec<Lowered>,
    pub(super) errors: Vec<Diagnostic>,
    /// The steps that add foreign keys for every row, by table: a table the plan creates has
    /// them in its `CREATE TABLE`.
    pub(super) inline_fks: BTreeMap<String, Vec<usize>>,
}

pub(super) fn lowered(lock: &str) -> Lowered {
    Lowered::new(lock)
}

impl<'a> Run<'a> {
    pub(super) fn new(steps: &'a [Step], ctx: &'a Context<'a>, busy_timeout_ms: u32) -> Run<'a> {
        let mut inline_fks: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (i, s) in steps.iter().enumerate() {
            if let Op::AddForeignKey {
                table,
                not_valid: false,
                ..
            } = &s.op
            {
                inline_fks.entry(table.clone()).or_default().push(i);
            }
        }
        Run {
            steps,
            ctx,
            busy_timeout_ms,
            st: State::deployed(ctx.from),
            out: steps.iter().map(|_| lowered("none")).collect(),
            errors: Vec::new(),
            inline_fks,
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
            if want.table(name).is_some() {
                Some(name.to_string())
            } else {
                want.alias(name).map(str::to_string)
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
                    want.tables()
                        .filter(|t| t.foreign_keys.iter().any(|f| &f.ref_table == from))
                        .map(|t| t.name.clone()),
                )
                .collect(),
            Op::CreateView { view } => view.depends_on.iter().filter_map(|d| table_of(d)).collect(),
            Op::Native { .. } => want.tables().map(|t| t.name.clone()).collect(),
            _ => Vec::new(),
        }
    }

    /// Closes the rebuild of table `t`: one change, from the table as it was before the group's
    /// first step to the table as `want` has it, attached to the last step.
    fn close(
        &self,
        t: &str,
        groups: &mut BTreeMap<String, Group>,
        want: &State,
        actions: &mut Vec<Action>,
        absorbed: &mut BTreeMap<usize, (String, usize)>,
        seq: &mut usize,
    ) {
        let Some(group) = groups.remove(t) else {
            return;
        };
        let Some(&last) = group.members.last() else {
            return;
        };
        let Some(after) = self.written(want, t) else {
            return;
        };
        let remap: BTreeMap<u32, Vec<(String, String)>> = group
            .remap
            .into_iter()
            .filter(|(id, m)| !m.is_empty() && after.table.columns.iter().any(|c| c.id == *id))
            .collect();
        actions.push(Action {
            step: last,
            seq: *seq,
            act: Act::Table {
                before: Box::new(group.before),
                after: Box::new(after),
                remap,
            },
        });
        *seq += 1;
        for &m in &group.members {
            if m != last {
                absorbed.insert(m, (t.to_string(), last));
            }
        }
    }

    /// The labels step `step` renames in the columns of table `t` (`before`: the state before
    /// the step), by column identity.
    fn renamed_labels(step: &Step, before: &State, t: &str) -> Vec<(u32, (String, String))> {
        let Op::RenameEnumValue { name, from, to } = &step.op else {
            return Vec::new();
        };
        before
            .table(t)
            .map(|tbl| {
                tbl.columns
                    .iter()
                    .filter(|c| matches!(&c.def.ty, ColumnType::Enum { name: n } if n == name))
                    .map(|c| (c.id, (from.clone(), to.clone())))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The phase's steps applied to the state, the changes of each table grouped into
    /// rebuilds, and the phase's units written.
    pub(super) fn phase(&mut self, phase: Phase) {
        let idx: Vec<usize> = (0..self.steps.len())
            .filter(|&i| self.steps[i].phase == phase)
            .collect();
        if idx.is_empty() {
            return;
        }
        let start = self.st.clone();
        let mut want = self.st.clone();
        let mut groups: BTreeMap<String, Group> = BTreeMap::new();
        let mut actions: Vec<Action> = Vec::new();
        let mut seq = 0;
        // step -> (table, step that rebuilds it)
        let mut absorbed: BTreeMap<usize, (String, usize)> = BTreeMap::new();
        let mut notes: BTreeMap<usize, String> = BTreeMap::new();
        for &i in &idx {
            let step = &self.steps[i];
            let reads = self.reads(step, &want);
            let to_close: Vec<String> = groups
                .iter()
                .filter(|(t, g)| {
                    reads.contains(t) || step.after.iter().any(|a| g.members.contains(a))
                })
                .map(|(t, _)| t.clone())
                .collect();
            for t in to_close {
                self.close(
                    &t,
                    &mut groups,
                    &want,
                    &mut actions,
                    &mut absorbed,
                    &mut seq,
                );
            }
            let before = want.clone();
            let effect = match self.advance(step, &before, &mut want) {
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
                        let renamed = Self::renamed_labels(step, &before, &t);
                        if let Some(g) = groups.get_mut(&t) {
                            g.members.push(i);
                            for (id, r) in renamed {
                                g.remap.entry(id).or_default().push(r);
                            }
                            continue;
                        }
                        let (Some(was), Some(now)) =
                            (self.written(&before, &t), self.written(&want, &t))
                        else {
                            continue;
                        };
                        let m = match migrate(&was, &now, &BTreeMap::new(), &mut Checks::default())
                        {
                            Ok(m) => m,
                            Err(d) => {
                                self.errors.push(d);
                                continue;
                            }
                        };
                        if m.rebuild || !renamed.is_empty() {
                            let mut remap: BTreeMap<u32, Vec<(String, String)>> = BTreeMap::new();
                            for (id, r) in renamed {
                                remap.entry(id).or_default().push(r);
                            }
                            groups.insert(
                                t.clone(),
                                Group {
                                    members: vec![i],
                                    before: was,
                                    remap,
                                },
                            );
                        } else if !m.sql.is_empty() {
                            actions.push(Action {
                                step: i,
                                seq,
                                act: Act::Table {
                                    before: Box::new(was),
                                    after: Box::new(now),
                                    remap: BTreeMap::new(),
                                },
                            });
                            seq += 1;
                        }
                    }
                }
            }
        }
        let open: Vec<String> = groups.keys().cloned().collect();
        for t in open {
            self.close(
                &t,
                &mut groups,
                &want,
                &mut actions,
                &mut absorbed,
                &mut seq,
            );
        }
        let position: BTreeMap<usize, usize> =
            idx.iter().enumerate().map(|(p, &i)| (i, p)).collect();
        actions.sort_by_key(|a| (position.get(&a.step).copied().unwrap_or(0), a.seq));
        self.st = want;
        if let Err(d) = self.emit(phase, &idx, &start, &actions, &absorbed, &notes) {
            self.errors.push(d);
        }
    }
}
