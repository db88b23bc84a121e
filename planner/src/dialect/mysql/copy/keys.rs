//! The foreign keys through a copy: the table's own, on the copy under temporary names and
//! back under their own after the swap, and those of other tables referencing it, moved to the
//! copy before the swap without a gap and named back after it.

use crate::dialect::mysql::program::Body;
use crate::dialect::mysql::sql::*;
use crate::dialect::mysql::Mysql;
use crate::dialect::Context;
use migc_compiler::schema::*;

impl Mysql {
    /// The table's own foreign keys under their own names again after the swap, each added
    /// before its temporary twin (suffixed `own`) and that twin's index go.
    pub(super) fn own_keys_back(&self, table: &str, fks: &[&ForeignKey], own: &str) -> Body {
        let mut b = Body::new();
        for fk in fks {
            let temp = suffixed(&fk.name, own);
            let mut add = Body::new();
            add.push("SET SESSION foreign_key_checks = 0;");
            add.alter(
                table,
                &format!("ADD CONSTRAINT {} {}", q(&fk.name), fk_clause(fk)),
                self.index_algorithms(),
            );
            add.push("SET SESSION foreign_key_checks = 1;");
            b.nest(Body::when(
                &format!("NOT {}", constraint_exists(table, &fk.name)),
                add,
            ));
            let mut drop = Body::new();
            drop.alter(
                table,
                &format!("DROP FOREIGN KEY {}", q(&temp)),
                self.metadata_algorithms(),
            );
            b.nest(Body::when(&constraint_exists(table, &temp), drop));
            let mut index = Body::new();
            index.alter(
                table,
                &format!("DROP INDEX {}", q(&temp)),
                self.index_algorithms(),
            );
            b.nest(Body::when(&index_exists(table, &temp), index));
        }
        b
    }

    /// A referencing key of `child` naming `from` moved to `to`, gaplessly: a twin under a
    /// temporary name first, then the key dropped.
    pub(super) fn move_key(&self, child: &str, fk: &ForeignKey, from: &str, to: &str) -> Body {
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
    pub(super) fn restore_key(&self, child: &str, fk: &ForeignKey) -> Body {
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
}

/// The foreign keys of other tables that reference `table` (deployed or declared), each once.
pub(super) fn referencing_keys(ctx: &Context<'_>, table: &str) -> Vec<(String, ForeignKey)> {
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
