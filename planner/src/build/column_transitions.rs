//! What a deployed column's transition asks besides its own statement: whether the dialect
//! keeps its values through a change of declared type, the labels its enum gains, and which
//! of its constraints come or go.

use super::*;

impl Builder<'_> {
    /// The deployed column `o` changed in place to `c`'s type (and spelling), described by
    /// `summary`: it provides the declared type, which a foreign key on it waits for.
    pub(super) fn alter_type_in_place(&mut self, t: &str, o: &Column, c: &Column, summary: String) {
        self.push(
            Phase::Expand,
            &format!("{t}.{}", c.name),
            summary,
            Op::AlterType {
                table: t.to_string(),
                column: c.name.clone(),
                from: o.ty.clone(),
                to: c.ty.clone(),
                to_spellings: c.spellings.clone(),
            },
            Some(c.origin),
            Self::keys(
                &[Key::Typed(t.to_string(), c.name.to_string())],
                &[table_key(t)],
            ),
        );
    }
}

impl Builder<'_> {
    /// Whether the dialect planned for keeps every stored value when `o`'s declared type
    /// becomes `c`'s ([`crate::dialect::Lowering::keeps_values`]).
    pub(super) fn keeps_values(&self, o: &Column, c: &Column) -> bool {
        self.options
            .dialect
            .and_then(crate::dialect::for_dialect)
            .is_some_and(|l| l.keeps_values(o, c))
    }

    /// Whether the column keeps its type but the declaration spells it otherwise for the
    /// dialect planned for (`native(sqlite: "bigint")` where `int` is deployed), which stores
    /// every value alike under both spellings. A declaration that names no spelling of its
    /// own leaves the deployed one alone.
    pub(super) fn respelled(&self, o: &Column, c: &Column) -> bool {
        self.options.dialect.is_some_and(|d| {
            c.spellings
                .get(&d)
                .is_some_and(|s| o.spellings.get(&d) != Some(s))
        }) && self.keeps_values(o, c)
    }

    /// The labels the plan gives enum `ty` that it did not have (renamed ones aside); none for
    /// another type.
    pub(super) fn added_labels(&self, ty: &ColumnType) -> Vec<String> {
        let ColumnType::Enum { name, .. } = ty else {
            return Vec::new();
        };
        let (Some(old), Some(new)) = (self.from.enums.get(name), self.to.enums.get(name)) else {
            return Vec::new();
        };
        new.values
            .iter()
            .filter(|v| {
                !old.values
                    .iter()
                    .any(|o| o.name == v.name || v.renamed_from.as_deref() == Some(o.name.as_str()))
            })
            .map(|v| v.name.clone())
            .collect()
    }

    /// Where both versions read the deployed column: the rollback gives rows holding a label
    /// the plan adds the column's `down`, so that the old application reads its own labels
    /// again.
    pub(super) fn map_labels_on_rollback(&mut self, t: &str, c: &Column, tr: &Transform) {
        let (Some(down), ColumnType::Enum { name }) = (&tr.down, &c.ty) else {
            return;
        };
        self.push(
            Phase::Expand,
            &format!("{t}.{}", c.name),
            format!(
                "give rows of `{t}` holding a new label of `{}` its `down` if rolled back",
                c.name
            ),
            Op::MapLabelsOnRollback {
                table: t.to_string(),
                column: c.name.clone(),
                labels: self.added_labels(&c.ty),
                down: down.clone(),
            },
            Some(tr.origin),
            Self::keys(&[], &[table_key(t), Key::Enum(name.to_string())]),
        );
        self.diagnostics.push(
            Diagnostic::warning(
                Code::OldAppSeesChange,
                format!(
                    "until contract the old application reads the new labels of `{t}.{}` as the new application writes them",
                    c.name
                ),
            )
            .primary(tr.origin, "`down` applied by a rollback only")
            .note("both application versions read the deployed column here; a rollback gives the rows holding a new label their `down`"),
        );
    }
}

/// Whether a check, unique key or foreign key on column `column` comes with the declared table
/// (one the deployed table does not have as declared), and whether one goes.
pub(super) fn constraints_changed(old: &Table, new: &Table, column: &str) -> (bool, bool) {
    let on = |t: &Table, e: &Expr| referenced_columns(t, e).iter().any(|c| c == column);
    let check_in = |t: &Table, k: &Check| {
        t.checks
            .iter()
            .any(|x| x.name == k.name && x.expr.sql == k.expr.sql)
    };
    let unique_in = |t: &Table, u: &Unique| {
        t.uniques
            .iter()
            .any(|x| x.name == u.name && x.columns == u.columns)
    };
    let fk_in = |t: &Table, f: &ForeignKey| {
        t.foreign_keys.iter().any(|x| {
            x.name == f.name
                && x.columns == f.columns
                && x.ref_table == f.ref_table
                && x.ref_columns == f.ref_columns
        })
    };
    let changed = |a: &Table, b: &Table| {
        a.checks.iter().any(|k| on(a, &k.expr) && !check_in(b, k))
            || a.uniques
                .iter()
                .any(|u| u.columns.iter().any(|c| c == column) && !unique_in(b, u))
            || a.foreign_keys
                .iter()
                .any(|f| f.columns.iter().any(|c| c == column) && !fk_in(b, f))
    };
    (changed(new, old), changed(old, new))
}
