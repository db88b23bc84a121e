//! What the overlap keeps in step: the dual-write synchronisation of a table ([`Sync`]), why a
//! column is added ([`ColumnRole`]), how a dropped one comes back ([`Refill`]), and what a
//! backfill fills ([`Assignment`]).

use migc_compiler::schema::{ColumnType, Expr};
use serde::Serialize;

/// Column synchronisation installed for the overlap: while both application versions write,
/// a trigger computes the new shape from rows the old version writes (`up`) and the old shape
/// from rows the new version writes (`down`).
#[derive(Clone, Debug, Serialize)]
pub struct Sync {
    /// New columns and how to compute each from the deployed shape.
    pub new_columns: Vec<(String, Expr)>,
    /// Deployed columns and how to compute each from the new shape (`None`: left alone).
    pub old_columns: Vec<(String, Option<Expr>)>,
    /// Shadow columns of in-place type changes: both versions write the deployed column, and
    /// the shadow (which replaces it at contract) follows it through `up`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub shadows: Vec<(String, Expr)>,
    /// Deployed columns the new shape keeps: both versions write them, so a change to one of
    /// them alone does not tell which version wrote the row.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kept: Vec<String>,
    /// How each retyped deployed column is computed back from its shadow, for rows the new
    /// application writes through its own shape (where it sees the shadow under the column's
    /// name).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub shadow_backs: Vec<ShadowBack>,
    /// Columns the new shape declares `not null` that accept null until switch (computed and
    /// shadow columns): the new application's writes must still give them a value.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub required: Vec<String>,
    /// The new application's namespace, where the dialect gives each version one
    /// ([`crate::versions`]): a write made through it is the new application's. Without one,
    /// the trigger tells the writer from the columns a write fills.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_version: Option<String>,
    /// The old application's namespace, likewise; a write through neither is told by the
    /// columns it fills.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub old_version: Option<String>,
}

/// A deployed column whose type changes through a shadow, and how the new application's
/// values come back to it.
#[derive(Clone, Debug, Serialize)]
pub struct ShadowBack {
    pub column: String,
    pub shadow: String,
    /// The declared `down`, written over the shadow; `None`: a cast to the deployed type.
    pub down: Option<Expr>,
    /// The column's deployed type.
    pub deployed: ColumnType,
}

impl Sync {
    /// The new columns, in order.
    pub fn new_column_names(&self) -> Vec<&str> {
        self.new_columns.iter().map(|(c, _)| c.as_str()).collect()
    }

    /// The deployed columns whose writes the trigger watches: those an `up` reads (other than
    /// the new columns) and those a `down` fills, in order of first use.
    pub fn old_column_names(&self) -> Vec<String> {
        let new = self.new_column_names();
        let mut out: Vec<String> = Vec::new();
        for (_, up) in &self.new_columns {
            for i in crate::sql::identifiers(&up.sql) {
                if !out.contains(&i) && !new.contains(&i.as_str()) {
                    out.push(i);
                }
            }
        }
        for (c, _) in &self.old_columns {
            if !out.contains(c) {
                out.push(c.clone());
            }
        }
        out
    }

    /// What the `down`s read: the new columns, then the columns each `down` mentions, each
    /// once, in order of first use. A write that changes none of them leaves the deployed
    /// columns as they are.
    pub fn down_reads(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .new_column_names()
            .iter()
            .map(|c| c.to_string())
            .collect();
        for d in self.old_columns.iter().filter_map(|(_, d)| d.as_ref()) {
            for i in crate::sql::identifiers(&d.sql) {
                if !out.contains(&i) {
                    out.push(i);
                }
            }
        }
        out
    }

    /// The deployed columns an insert told apart by the columns it fills gets `down` for when
    /// it leaves them null: where the new shape adds no column, nothing else tells a
    /// new-application row (which leaves out a leaving column) from an old one (which writes
    /// it). Empty where there are new columns.
    pub fn fills_left_out(&self) -> Vec<(&str, &Expr)> {
        if !self.new_columns.is_empty() {
            return Vec::new();
        }
        self.old_columns
            .iter()
            .filter_map(|(c, d)| Some((c.as_str(), d.as_ref()?)))
            .collect()
    }

    /// [`Sync::old_column_names`] split by who writes them: those only the old application has
    /// (a change to one of them tells an old-application write), and those the new shape keeps
    /// (both write them: changing alone, one is an old write to recompute from; changing
    /// together with new columns, a new-application write).
    pub fn writers(&self) -> (Vec<String>, Vec<String>) {
        self.old_column_names()
            .into_iter()
            .partition(|c| !self.kept.contains(c))
    }
}

/// Why a column is added: it says what rolling the addition back loses, and what contract does
/// with the column.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ColumnRole {
    /// A column of the new shape that the deployed shape has nothing for: the values in it are
    /// the new application's alone.
    Plain,
    /// Computed from the deployed shape (a rename, a split, a transform): the dual-write trigger
    /// keeps the deployed columns filled from it, so removing it loses nothing.
    Computed,
    /// The shadow of the deployed column `of`, whose type changes in place: it follows that
    /// column until contract, where it takes its name.
    Shadow { of: String },
}

/// How a column that contract drops comes back when contract is rolled back.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Refill {
    /// Empty: nothing in the new shape tells its values.
    Empty,
    /// Computed again from the new shape: exactly for a rename, through `down` (or
    /// `retire … down`) otherwise.
    From { value: Expr, exact: bool },
    /// Replaced by its shadow (a type change): contract drops it and gives the shadow its name;
    /// the rollback refills it from the shadow through `down`, written over the shadow's name,
    /// when one is declared.
    Shadow { shadow: String, down: Option<Expr> },
}

impl ColumnRole {
    /// What dropping the added column again (the rollback of its step) loses.
    pub fn rollback_loses(&self, table: &str, column: &str) -> Option<String> {
        match self {
            ColumnRole::Plain => Some(format!(
                "values the new application wrote to `{table}.{column}`"
            )),
            ColumnRole::Computed | ColumnRole::Shadow { .. } => None,
        }
    }
}

impl Refill {
    /// What adding the dropped column back (the rollback of its step) cannot restore.
    pub fn rollback_loses(&self, table: &str, column: &str) -> Option<String> {
        match self {
            Refill::Empty => Some(format!(
                "the values of `{table}.{column}` (the column comes back empty)"
            )),
            Refill::From { exact: false, .. } => Some(format!(
                "the exact values of `{table}.{column}`: they are computed again through `down`, exact only where `down` inverts `up`"
            )),
            Refill::From { exact: true, .. } | Refill::Shadow { down: Some(_), .. } => None,
            Refill::Shadow { down: None, .. } => Some(format!(
                "the values of `{table}.{column}` in its deployed type (it comes back empty)"
            )),
        }
    }
}

/// One column a backfill fills.
#[derive(Clone, Debug, Serialize)]
pub struct Assignment {
    pub column: String,
    /// Its value, computed from the row's deployed shape.
    pub value: Expr,
    /// The column's type.
    pub ty: ColumnType,
    /// Whether the column is a shadow of a type change (its `up` gives the value its type).
    pub shadow: bool,
}
