//! What only the whole dump says, once every statement is read: the sequences columns own,
//! each table in the model's shape and order, and names made unique across the schema.

use super::{Origin, Reader};
use crate::unread::Unread;
use migc_compiler::schema::Schema;

impl Reader {
    /// Ties sequences to the columns that own them; reports the others.
    pub fn finish(&mut self) {
        for (table, column, seq) in std::mem::take(&mut self.nextval) {
            let owned = self
                .sequences
                .get(&seq)
                .is_some_and(|s| s.0.as_ref() == Some(&(table.clone(), column.clone())));
            if owned {
                let dialect = self.dialect;
                if let Some(c) = self.column_mut(&table, &column) {
                    if c.ty.is_integer() {
                        c.identity = true;
                        c.default = None;
                        if let Some(s) = super::spelling::serial_spelling(dialect, &c.ty) {
                            c.spellings.insert(dialect, s.to_string());
                        }
                        self.sequences.remove(&seq);
                        continue;
                    }
                }
            }
            self.warn(
                Origin { file: None, offset: 0 },
                "",
                format!("the default of `{table}.{column}` draws from sequence `{seq}`, which the column does not own; it is not read"),
                Some("make the column `identity`, or keep the default in a `native` block"),
            );
        }
        for (name, (owner, text, at)) in std::mem::take(&mut self.sequences) {
            if owner.is_some() {
                // Owned by a column whose default does not draw from it: nothing to keep.
                continue;
            }
            let u = Unread::replayable("sequence", &name, None, self.dialect, &text);
            self.unread(at, &text, u);
        }
        let reading = self.reading();
        for t in self.schema.tables.values_mut() {
            reading.finish_table(t);
            // Catalogs and dumps list constraints and indexes in different orders.
            t.uniques.sort_by(|a, b| a.name.cmp(&b.name));
            t.checks.sort_by(|a, b| a.name.cmp(&b.name));
            t.foreign_keys.sort_by(|a, b| a.name.cmp(&b.name));
            t.indexes.sort_by(|a, b| a.name.cmp(&b.name));
        }
        unique_names(&mut self.schema);
    }
}

/// The model's constraint and index names are unique across the schema (PostgreSQL's rule for
/// indexes); MySQL and SQLite scope them to their table, and PostgreSQL scopes constraints so.
/// A name met again is given its table's name in front.
fn unique_names(schema: &mut Schema) {
    let mut seen = std::collections::BTreeSet::new();
    for t in schema.tables.values_mut() {
        let table = t.name.clone();
        let mut fix = |name: &mut String| {
            if !seen.insert(name.clone()) {
                let mut candidate = format!("{table}_{name}");
                let mut n = 2;
                while seen.contains(&candidate) {
                    candidate = format!("{table}_{name}{n}");
                    n += 1;
                }
                seen.insert(candidate.clone());
                *name = candidate;
            }
        };
        if let Some(pk) = &mut t.primary_key {
            fix(&mut pk.name);
        }
        t.uniques.iter_mut().for_each(|u| fix(&mut u.name));
        t.checks.iter_mut().for_each(|c| fix(&mut c.name));
        t.foreign_keys.iter_mut().for_each(|f| fix(&mut f.name));
        t.indexes.iter_mut().for_each(|i| fix(&mut i.name));
    }
}
