//! Type changes that need no `up`: every value of the deployed type is a value of the declared
//! one (`int32` to `int64`, `float32` to `float64`, an integer to a `decimal` wide enough), so a
//! value converts as it is. The declared schema gets the conversion the author would have
//! written, `up (c) down (c)`, and the change is planned like any other conversion (a shadow
//! column where the database would rewrite the table in place).

use migc_compiler::schema::{ColumnType, Expr, Schema, Transform};
use migc_stdlib::{Dialect, TypeClass};
use std::borrow::Cow;

/// `to` with the conversions its type changes imply, or `to` itself when there are none.
pub fn conversions<'a>(from: &Schema, to: &'a Schema, dialect: Option<Dialect>) -> Cow<'a, Schema> {
    let implied = |table: &str, column: &str| -> bool {
        let Some(new) = to.tables.get(table).and_then(|t| t.column(column)) else {
            return false;
        };
        let Some(old) = from.tables.get(table).and_then(|t| t.column(column)) else {
            return false;
        };
        // A primary key or identity column cannot be replaced by a shadow column: the planner
        // changes its type in place or refuses ([`crate::build`]).
        let key = to.tables.get(table).is_some_and(|t| {
            crate::build::key_or_identity(t, old, new)
                || from
                    .tables
                    .get(table)
                    .is_some_and(|f| crate::build::key_or_identity(f, old, new))
        });
        new.transform.is_none()
            && new.renamed_from.is_none()
            && !key
            && !crate::build::widening(&old.ty, &new.ty, dialect)
            && lossless(&old.ty, &new.ty, dialect)
    };
    let mut changed: Vec<(String, String)> = Vec::new();
    for t in to.tables.values() {
        for c in &t.columns {
            if implied(&t.name, &c.name) {
                changed.push((t.name.clone(), c.name.clone()));
            }
        }
    }
    if changed.is_empty() {
        return Cow::Borrowed(to);
    }
    let mut out = to.clone();
    for (table, column) in changed {
        let Some(c) = out
            .tables
            .get_mut(&table)
            .and_then(|t| t.columns.iter_mut().find(|c| c.name == column))
        else {
            continue;
        };
        let itself = Expr {
            sql: migc_compiler::schema::quoted(&c.name),
            origin: c.origin,
        };
        c.transform = Some(Transform {
            from: vec![c.name.clone()],
            up: itself.clone(),
            down: Some(itself),
            implied: true,
            origin: c.origin,
        });
    }
    Cow::Owned(out)
}

/// Whether every value of `from` is a value of `to`, and the types differ.
pub(crate) fn lossless(from: &ColumnType, to: &ColumnType, dialect: Option<Dialect>) -> bool {
    // A dialect's native integers, unsigned ones too (MySQL's `int(10) unsigned` to
    // `bigint(20) unsigned`).
    if let Some((a, b)) = crate::build::native_values(from, to, dialect) {
        return a != b && a.fits_in(b);
    }
    let (ColumnType::Builtin { name: a, args: x }, ColumnType::Builtin { name: b, args: y }) =
        (from, to)
    else {
        return false;
    };
    let (Some(f), Some(t)) = (from.builtin(), to.builtin()) else {
        return false;
    };
    if a == b && x == y {
        return false;
    }
    match (f.class, t.class) {
        (TypeClass::Integer, TypeClass::Integer) | (TypeClass::Float, TypeClass::Float) => {
            f.rank <= t.rank
        }
        // A double holds every integer of up to 53 bits exactly.
        (TypeClass::Integer, TypeClass::Float) => f.rank <= 4 && t.rank == 8,
        (TypeClass::Integer, TypeClass::Decimal) => match y.as_slice() {
            [p, s] => p.saturating_sub(*s) >= digits(f.rank),
            _ => false,
        },
        // A fixed-length text read without its padding fits a varchar as long, or a text.
        (TypeClass::Text, TypeClass::Text) if a == "char" => match b.as_str() {
            "varchar" => y.first() >= x.first(),
            "text" => true,
            _ => false,
        },
        (TypeClass::Decimal, TypeClass::Decimal) => match (x.as_slice(), y.as_slice()) {
            ([p, s], [q, r]) => r >= s && q.saturating_sub(*r) >= p.saturating_sub(*s),
            _ => false,
        },
        _ => false,
    }
}

/// The decimal digits the largest integer of `rank` bytes has.
fn digits(rank: u8) -> u64 {
    match rank {
        1 => 3,
        2 => 5,
        4 => 10,
        _ => 19,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ty(name: &str, args: &[u64]) -> ColumnType {
        ColumnType::Builtin {
            name: name.into(),
            args: args.to_vec(),
        }
    }

    #[test]
    fn widening_numbers_is_lossless_and_narrowing_is_not() {
        assert!(lossless(&ty("int32", &[]), &ty("int64", &[]), None));
        assert!(lossless(&ty("int16", &[]), &ty("int32", &[]), None));
        assert!(lossless(&ty("float32", &[]), &ty("float64", &[]), None));
        assert!(lossless(&ty("int32", &[]), &ty("float64", &[]), None));
        assert!(lossless(&ty("int32", &[]), &ty("decimal", &[12, 2]), None));
        assert!(lossless(
            &ty("decimal", &[10, 2]),
            &ty("decimal", &[14, 4]),
            None
        ));
        assert!(!lossless(&ty("int64", &[]), &ty("int32", &[]), None));
        assert!(!lossless(&ty("int64", &[]), &ty("float64", &[]), None));
        assert!(!lossless(&ty("int64", &[]), &ty("decimal", &[12, 2]), None));
        assert!(!lossless(
            &ty("decimal", &[10, 2]),
            &ty("decimal", &[10, 1]),
            None
        ));
        assert!(!lossless(
            &ty("decimal", &[10, 2]),
            &ty("decimal", &[10, 3]),
            None
        ));
        assert!(!lossless(&ty("text", &[]), &ty("int32", &[]), None));
        assert!(!lossless(&ty("int32", &[]), &ty("int32", &[]), None));
    }
}
