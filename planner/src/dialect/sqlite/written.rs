//! A table as SQLite holds it: the shared state's table ([`crate::state::Table`]) with what
//! SQLite writes that the state does not say. Derived from the state at a point of the plan (a
//! rebuild keeps the one it starts from), never advanced by operations.

use super::*;

#[derive(Clone, Debug)]
pub(super) struct Written {
    /// The table, with only the native objects of blocks for SQLite.
    pub(super) table: state::Table,
    /// The labels each enum column's check admits, by column identity: its enum's when the
    /// table is written (a rollback keeps the labels rows may hold since).
    pub(super) labels: BTreeMap<u32, Vec<String>>,
    /// Columns that accept null while the dual-write trigger fills them right after each
    /// insert (SQLite checks NOT NULL before `AFTER` triggers run): `NOT NULL` columns the
    /// trigger fills. Kept by identity, so that a column renamed since keeps what it was.
    pub(super) relaxed: BTreeSet<u32>,
}

impl Written {
    pub(super) fn name(&self) -> &str {
        &self.table.name
    }

    pub(super) fn col(&self, name: &str) -> Option<&Col> {
        self.table.col(name)
    }

    pub(super) fn relaxed(&self, c: &Col) -> bool {
        self.relaxed.contains(&c.id)
    }

    /// The single `INTEGER` primary key column that is the rowid, if any (a table `WITHOUT
    /// ROWID` has none).
    pub(super) fn rowid_alias(&self) -> Option<&str> {
        if self.table.without_rowid {
            return None;
        }
        let pk = self.table.primary_key.as_ref()?;
        let [c] = pk.columns.as_slice() else {
            return None;
        };
        let col = self.col(c)?;
        col_type(&col.def, self.table.strict)
            .ok()
            .filter(|t| t.eq_ignore_ascii_case("integer"))
            .map(|_| c.as_str())
    }
}

impl Run<'_> {
    /// Whether native block `block` is for SQLite.
    pub(super) fn native_applies(&self, block: &str) -> bool {
        self.ctx
            .to
            .natives
            .get(block)
            .or(self.ctx.from.natives.get(block))
            .is_some_and(|x| x.dialects.contains(&D))
    }

    /// Table `name` of `st` as SQLite holds it.
    pub(super) fn written(&self, st: &State, name: &str) -> Option<Written> {
        let mut table = st.table(name)?.clone();
        table.natives.retain(|n| self.native_applies(&n.block));
        let filled = filled(&table);
        let relaxed = table
            .columns
            .iter()
            .filter(|c| !c.def.nullable && filled.contains(&c.def.name))
            .map(|c| c.id)
            .collect();
        let labels = table
            .columns
            .iter()
            .filter_map(|c| match &c.def.ty {
                ColumnType::Enum { name } => st.enum_values(name).map(|v| (c.id, v.clone())),
                _ => None,
            })
            .collect();
        Some(Written {
            table,
            labels,
            relaxed,
        })
    }
}

/// Columns the dual-write trigger fills (for one application or the other).
pub(super) fn filled(t: &state::Table) -> BTreeSet<String> {
    match &t.sync {
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

/// Checks SQLite would test while a row is half written (before the dual-write trigger fills
/// it): those that mix columns the trigger fills with columns an application writes. While the
/// trigger is installed, it tests them itself once the row is complete.
pub(super) fn deferred_checks(t: &state::Table) -> Vec<&Check> {
    let filled = filled(t);
    if filled.is_empty() {
        return Vec::new();
    }
    t.checks
        .iter()
        .filter(|c| {
            let cols: Vec<String> = crate::sql::identifiers(&c.expr.sql)
                .into_iter()
                .filter(|i| t.col(i).is_some())
                .collect();
            cols.iter().any(|x| filled.contains(x)) && cols.iter().any(|x| !filled.contains(x))
        })
        .collect()
}

/// The tables that hold a column of the enum.
pub(super) fn enum_tables(st: &State, name: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (t, _) in st.enum_columns(name) {
        if !out.contains(&t) {
            out.push(t);
        }
    }
    out
}
