//! Dependency keys: what a step provides, needs, releases or removes. [`crate::order`] turns
//! them into the edges of the plan's graph: a step that needs a key runs after the steps that
//! provide it; a step that removes one runs after the steps that release it. A key is a value
//! of this enum, so a misspelt key does not compile.

/// One thing steps depend on, named by the objects it is about.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Key {
    /// A table exists (under this name).
    Table(String),
    /// The set of the table's columns is settled for statements that list them all.
    Columns(String),
    /// A column of a table exists.
    Column(String, String),
    /// A column changed in place has its declared type (a foreign key needs its columns and
    /// those it references to agree).
    Typed(String, String),
    /// A column has the default it is declared with.
    Default(String, String),
    /// A column takes part in the table's dual-write trigger.
    SyncColumn(String, String),
    /// The table's dual-write trigger is installed.
    Sync(String),
    /// The table's backfill has run.
    Backfilled(String),
    /// A column's not-null check is added (by its name).
    NotNullAdded(String),
    /// A column's not-null check is validated (by its name).
    NotNullValidated(String),
    /// A deployed column is dropped.
    Dropped(String, String),
    /// Every column the table drops is dropped.
    DroppedColumns(String),
    /// A column has its new name.
    Renamed(String, String),
    /// A rename of a column or constraint in the table is done.
    RenamedIn(String),
    /// Every column the table renames has its new name.
    RenamedColumns(String),
    /// A renamed table has its new name.
    RenamedTo(String),
    /// The table's columns no longer refuse null where the new shape allows it.
    Relaxed(String),
    /// A constraint exists under this name.
    Constraint(String),
    /// A foreign key exists under this name.
    Fk(String),
    /// An index exists under this name.
    Index(String),
    /// A schema-wide name (of an index or constraint) is free to take.
    Name(String),
    /// An enum type exists under this name.
    Enum(String),
    /// The enum type is settled (created or changed) before its values change.
    EnumType(String),
    /// A rebuilt enum type has the name of the one it replaces.
    EnumRenamed(String),
    /// The view standing for a renamed table exists under the new name.
    Alias(String),
    /// The new name of a renamed table is free of the view that stood for it.
    Free(String),
    /// A view exists.
    View(String),
    /// The tables a view reads are free of it (it is dropped or not created yet).
    ViewFree(String),
    /// A native block is applied.
    Native(String),
    /// A native block is undone.
    NativeUndone(String),
    /// A contract step on the table (by its deployed name) is done.
    ContractOn(String),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_of_different_objects_differ() {
        assert_ne!(
            Key::Column("a.b".into(), "c".into()),
            Key::Column("a".into(), "b.c".into())
        );
        assert_ne!(Key::Table("t".into()), Key::Columns("t".into()));
    }
}
