//! Constraints: checks, foreign keys, unique and primary keys, added, validated, dropped and
//! renamed.

use super::super::{Lowered, Unit};
use super::*;
use migc_compiler::schema::*;
use migc_grammar::Diagnostic;

impl Postgres {
    /// Adds a constraint unless the table has one of that name; `NOT VALID` leaves the rows
    /// already there unchecked.
    pub(super) fn add_constraint(
        &self,
        table: &str,
        name: &str,
        clause: &str,
        not_valid: bool,
    ) -> Unit {
        self.retry(&[format!(
            "IF NOT {} THEN\n  ALTER TABLE {} ADD CONSTRAINT {} {}{};\nEND IF;",
            constraint_exists(table, name),
            q(table),
            q(name),
            clause,
            if not_valid { " NOT VALID" } else { "" }
        )])
    }

    /// Drops a constraint; one that a rebuilt constraint replaces at contract only while the
    /// rebuilt one still has its temporary name, so a re-run does not drop the replacement.
    pub(super) fn drop_replaced_constraint(
        &self,
        table: &str,
        name: &str,
        replaced_by: Option<&str>,
    ) -> Unit {
        match replaced_by {
            None => self.drop_constraint(table, name),
            Some(temp) => self.retry(&[format!(
                "IF {} THEN\n  ALTER TABLE {} DROP CONSTRAINT IF EXISTS {};\nEND IF;",
                constraint_exists(table, temp),
                q(table),
                q(name)
            )]),
        }
    }

    /// Drops a constraint if it is there.
    pub(super) fn drop_constraint(&self, table: &str, name: &str) -> Unit {
        // Guarded by the table too: a down script re-run after it dropped the table.
        self.retry(&[format!(
            "IF {} IS NOT NULL THEN\n  ALTER TABLE {} DROP CONSTRAINT IF EXISTS {};\nEND IF;",
            regclass(table),
            q(table),
            q(name)
        )])
    }
}

/// A unique constraint over the unique index built concurrently before it, so adding it does
/// not scan.
pub(super) fn attach_unique(
    pg: &Postgres,
    l: &mut Lowered,
    table: &str,
    unique: &Unique,
) -> Result<(), Diagnostic> {
    l.up.push(pg.add_constraint(
        table,
        &unique.name,
        &format!("UNIQUE USING INDEX {}", q(&unique.name)),
        false,
    ));
    l.down.push(pg.drop_constraint(table, &unique.name));
    let index = Index::unique_over(&unique.name, &unique.columns, unique.origin);
    l.down.extend(pg.create_index(table, &index)?);
    Ok(())
}

/// Adds a check, `NOT VALID` when a later step validates it.
pub(super) fn add_check(
    pg: &Postgres,
    l: &mut Lowered,
    table: &str,
    check: &Check,
    not_valid: bool,
) -> Result<(), Diagnostic> {
    l.up.push(pg.add_constraint(
        table,
        &check.name,
        &format!("CHECK ({})", expr(&check.expr)?),
        not_valid,
    ));
    l.down.push(pg.drop_constraint(table, &check.name));
    Ok(())
}

/// Adds a foreign key, `NOT VALID` when a later step validates it.
pub(super) fn add_foreign_key(
    pg: &Postgres,
    l: &mut Lowered,
    table: &str,
    fk: &ForeignKey,
    not_valid: bool,
) {
    l.up.push(pg.add_constraint(table, &fk.name, &fk_clause(fk), not_valid));
    l.down.push(pg.drop_constraint(table, &fk.name));
    l.lock = format!("{SRE} (on `{table}` and `{}`)", fk.ref_table);
    l.scan = !not_valid;
}

/// Validates a constraint added `NOT VALID`: a scan under SHARE UPDATE EXCLUSIVE only.
pub(super) fn validate(l: &mut Lowered, table: &str, name: &str) {
    l.up.push(sql::validate(table, name));
    l.down.push(comment_unit(&format!(
        "nothing to undo: {name} stays validated"
    )));
    l.lock = SUE.into();
    l.scan = true;
}

/// Drops a unique constraint with its index; the rollback builds the index again and attaches
/// it.
pub(super) fn drop_unique(
    pg: &Postgres,
    l: &mut Lowered,
    table: &str,
    unique: &Unique,
    replaced_by: Option<&str>,
) -> Result<(), Diagnostic> {
    l.up.push(pg.drop_replaced_constraint(table, &unique.name, replaced_by));
    let index = Index::unique_over(&unique.name, &unique.columns, unique.origin);
    l.down.extend(pg.create_index(table, &index)?);
    l.down.push(pg.add_constraint(
        table,
        &unique.name,
        &format!("UNIQUE USING INDEX {}", q(&unique.name)),
        false,
    ));
    l.down_loses = Some("nothing, but it fails if duplicates were written meanwhile".into());
    Ok(())
}

/// Drops a check; the rollback adds it back `NOT VALID` and validates it.
pub(super) fn drop_check(
    pg: &Postgres,
    l: &mut Lowered,
    table: &str,
    check: &Check,
    replaced_by: Option<&str>,
) -> Result<(), Diagnostic> {
    l.up.push(pg.drop_replaced_constraint(table, &check.name, replaced_by));
    l.down.push(pg.add_constraint(
        table,
        &check.name,
        &format!("CHECK ({})", expr(&check.expr)?),
        true,
    ));
    l.down.push(sql::validate(table, &check.name));
    Ok(())
}

/// Drops a foreign key; the rollback adds it back `NOT VALID` and validates it.
pub(super) fn drop_foreign_key(
    pg: &Postgres,
    l: &mut Lowered,
    table: &str,
    fk: &ForeignKey,
    replaced_by: Option<&str>,
) {
    l.up.push(pg.drop_replaced_constraint(table, &fk.name, replaced_by));
    l.down
        .push(pg.add_constraint(table, &fk.name, &fk_clause(fk), true));
    l.down.push(sql::validate(table, &fk.name));
}

/// Drops the primary key; the rollback adds it back.
pub(super) fn drop_primary_key(pg: &Postgres, l: &mut Lowered, table: &str, key: &PrimaryKey) {
    l.up.push(pg.drop_constraint(table, &key.name));
    l.down.push(pg.add_constraint(
        table,
        &key.name,
        &format!("PRIMARY KEY ({})", columns(&key.columns)),
        false,
    ));
}

/// Replaces the primary key with one over a unique index built concurrently before, in one
/// statement.
pub(super) fn swap_primary_key(
    pg: &Postgres,
    l: &mut Lowered,
    table: &str,
    old: &PrimaryKey,
    new: &PrimaryKey,
    index: &str,
) {
    // Attaching renames the index: while it has its temporary name, the swap is
    // still to be done.
    l.up.push(pg.retry(&[format!(
        "IF {} IS NOT NULL THEN\n  ALTER TABLE {} DROP CONSTRAINT IF EXISTS {}, ADD CONSTRAINT {} PRIMARY KEY USING INDEX {};\nEND IF;",
        regclass(index),
        q(table),
        q(&old.name),
        q(&new.name),
        q(index)
    )]));
    // Undone while the temporary index is gone (the swap happened): the deployed key
    // comes back and so does the index the next rollback drops.
    l.down.push(pg.retry(&[format!(
        "IF {} IS NULL THEN\n  ALTER TABLE {t} DROP CONSTRAINT IF EXISTS {new}, ADD CONSTRAINT {old} PRIMARY KEY ({old_cols});\n  CREATE UNIQUE INDEX IF NOT EXISTS {index} ON {t} ({new_cols});\nEND IF;",
        regclass(index),
        t = q(table),
        new = q(&new.name),
        old = q(&old.name),
        old_cols = columns(&old.columns),
        index = q(index),
        new_cols = columns(&new.columns),
    )]));
    l.down_loses = Some(format!(
        "nothing, but restoring `{}` builds its index under an exclusive lock",
        old.name
    ));
}

/// Renames the constraint (a rebuilt one takes its final name); the rollback renames it back.
pub(super) fn rename(pg: &Postgres, l: &mut Lowered, table: &str, from: &str, to: &str) {
    // As for indexes: a deployed constraint of the final name is dropped by the
    // rename that replaces it, only while the replacement has its temporary name.
    l.up.push(pg.retry(&[format!(
        "IF {} THEN\n  ALTER TABLE {t} DROP CONSTRAINT IF EXISTS {b};\n  ALTER TABLE {t} RENAME CONSTRAINT {a} TO {b};\nEND IF;",
        constraint_exists(table, from),
        t = q(table),
        a = q(from),
        b = q(to)
    )]));
    l.down.push(pg.retry(&[format!(
        "IF {} AND NOT {} THEN\n  ALTER TABLE {} RENAME CONSTRAINT {} TO {};\nEND IF;",
        constraint_exists(table, to),
        constraint_exists(table, from),
        q(table),
        q(to),
        q(from)
    )]));
}
