//! The physical model: what the database holds at a point of the plan.

use super::*;

#[derive(Clone, Debug)]
pub(super) struct Col {
    /// Stays the same through renames, so a rebuild knows where each column comes from.
    pub(super) id: u32,
    pub(super) def: Column,
    /// Accepts null while the dual-write trigger fills it right after each insert.
    pub(super) relaxed: bool,
    /// The labels of its enum, when its type is one.
    pub(super) labels: Option<Vec<String>>,
    /// Labels renamed since the table was last rebuilt (old -> new).
    pub(super) remap: Vec<(String, String)>,
}

#[derive(Clone, Debug)]
pub(super) struct Tbl {
    pub(super) name: String,
    pub(super) cols: Vec<Col>,
    pub(super) pk: Option<PrimaryKey>,
    pub(super) checks: Vec<Check>,
    pub(super) fks: Vec<ForeignKey>,
    /// Indexes and unique constraints (unique indexes in SQLite).
    pub(super) indexes: Vec<Index>,
    /// Checks and foreign keys added for new rows only; enforced once validated.
    pub(super) pending_checks: Vec<Check>,
    pub(super) pending_fks: Vec<ForeignKey>,
    /// `(check name, column)` of not-null checks waiting for `SET NOT NULL`.
    pub(super) not_null_checks: Vec<(String, String)>,
    pub(super) sync: Option<Sync>,
    /// Indexes and triggers native blocks created on the table (a rebuild creates them again).
    pub(super) natives: Vec<NativeObject>,
}

impl Tbl {
    pub(super) fn col(&self, name: &str) -> Option<&Col> {
        self.cols.iter().find(|c| c.def.name == name)
    }

    pub(super) fn col_mut(&mut self, name: &str) -> Option<&mut Col> {
        self.cols.iter_mut().find(|c| c.def.name == name)
    }

    /// Renames a column and every reference to it.
    pub(super) fn rename_column(&mut self, from: &str, to: &str) {
        let map: BTreeMap<String, String> = [(from.to_string(), to.to_string())].into();
        let rename = |e: &mut Expr| e.sql = crate::sql::rename_identifiers(&e.sql, &map);
        let rename_list = |cols: &mut Vec<String>| {
            for c in cols.iter_mut() {
                if c == from {
                    *c = to.to_string();
                }
            }
        };
        for c in &mut self.cols {
            if c.def.name == from {
                c.def.name = to.to_string();
            }
        }
        if let Some(pk) = &mut self.pk {
            rename_list(&mut pk.columns);
        }
        for ck in self.checks.iter_mut().chain(self.pending_checks.iter_mut()) {
            rename(&mut ck.expr);
        }
        for fk in self.fks.iter_mut().chain(self.pending_fks.iter_mut()) {
            rename_list(&mut fk.columns);
        }
        for i in &mut self.indexes {
            for p in &mut i.parts {
                rename(&mut p.expr);
                if p.column.as_deref() == Some(from) {
                    p.column = Some(to.to_string());
                }
            }
            if let Some(p) = &mut i.predicate {
                rename(p);
            }
        }
        for (_, c) in &mut self.not_null_checks {
            if c == from {
                *c = to.to_string();
            }
        }
    }

    /// Columns the dual-write trigger fills right after an insert accept null while it is
    /// installed: SQLite checks NOT NULL before `AFTER` triggers run.
    pub(super) fn refresh_relaxed(&mut self) {
        let filled = self.filled();
        for c in &mut self.cols {
            c.relaxed = !c.def.nullable && filled.contains(&c.def.name);
        }
    }

    /// Checks SQLite would test while a row is half written (before the dual-write trigger fills
    /// it): those that mix columns the trigger fills with columns an application writes. While
    /// the trigger is installed, it tests them itself once the row is complete.
    pub(super) fn deferred_checks(&self) -> Vec<&Check> {
        let filled = self.filled();
        if filled.is_empty() {
            return Vec::new();
        }
        self.checks
            .iter()
            .filter(|c| {
                let cols: Vec<String> = crate::sql::identifiers(&c.expr.sql)
                    .into_iter()
                    .filter(|i| self.col(i).is_some())
                    .collect();
                cols.iter().any(|x| filled.contains(x)) && cols.iter().any(|x| !filled.contains(x))
            })
            .collect()
    }

    /// Columns the dual-write trigger fills (for one application or the other).
    pub(super) fn filled(&self) -> BTreeSet<String> {
        match &self.sync {
            Some(s) => s
                .new_columns
                .iter()
                .chain(&s.shadows)
                .map(|(c, _)| c.clone())
                .chain(
                    s.old_columns
                        .iter()
                        .filter(|(_, d)| d.is_some())
                        .map(|(c, _)| c.clone()),
                )
                .collect(),
            None => BTreeSet::new(),
        }
    }

    /// The single `INTEGER` primary key column that is the rowid, if any.
    pub(super) fn rowid_alias(&self) -> Option<&str> {
        let pk = self.pk.as_ref()?;
        let [c] = pk.columns.as_slice() else {
            return None;
        };
        let col = self.col(c)?;
        col_type(col)
            .ok()
            .filter(|t| t.eq_ignore_ascii_case("integer"))
            .map(|_| c.as_str())
    }
}

#[derive(Clone, Debug, Default)]
pub(super) struct State {
    pub(super) tables: BTreeMap<String, Tbl>,
    pub(super) enums: BTreeMap<String, Vec<String>>,
    pub(super) views: BTreeMap<String, View>,
    /// Views standing for renamed tables: alias -> table.
    pub(super) aliases: BTreeMap<String, String>,
}

impl State {
    pub(super) fn rename_table(&mut self, from: &str, to: &str) {
        if let Some(mut t) = self.tables.remove(from) {
            t.name = to.to_string();
            self.tables.insert(to.to_string(), t);
        }
        for t in self.tables.values_mut() {
            for fk in t.fks.iter_mut().chain(t.pending_fks.iter_mut()) {
                if fk.ref_table == from {
                    fk.ref_table = to.to_string();
                }
            }
        }
        for target in self.aliases.values_mut() {
            if target == from {
                *target = to.to_string();
            }
        }
    }

    /// The tables that hold a column of the enum.
    pub(super) fn enum_tables(&self, name: &str) -> Vec<String> {
        self.tables
            .values()
            .filter(|t| {
                t.cols
                    .iter()
                    .any(|c| matches!(&c.def.ty, ColumnType::Enum { name: n } if n == name))
            })
            .map(|t| t.name.clone())
            .collect()
    }
}
