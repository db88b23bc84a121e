//! Enum types: created, given values, renamed and dropped.

use super::super::{Context, Lowered};
use super::*;

/// `CREATE TYPE … AS ENUM` unless the type exists; the rollback drops it.
pub(super) fn create(l: &mut Lowered, name: &str, values: &[String]) {
    let vals: Vec<String> = values.iter().map(|v| lit(v)).collect();
    l.up.push(unit(do_block(&format!(
        "BEGIN\n  IF to_regtype({}) IS NULL THEN\n    CREATE TYPE {} AS ENUM ({});\n  END IF;\nEND",
        lit(&q(name)),
        q(name),
        vals.join(", ")
    ))));
    l.down
        .push(unit(format!("DROP TYPE IF EXISTS {};", q(name))));
    l.lock = "none".into();
}

/// Adds a value to an enum type. PostgreSQL cannot remove one: the rollback leaves it.
pub(super) fn add_value(l: &mut Lowered, name: &str, value: &str, after: Option<&str>) {
    let position = after
        .map(|a| format!(" AFTER {}", lit(a)))
        .unwrap_or_default();
    l.up.push(unit(format!(
        "ALTER TYPE {} ADD VALUE IF NOT EXISTS {}{position};",
        q(name),
        lit(value)
    )));
    l.down.push(comment_unit(&format!(
        "value '{value}' stays in enum {name}: PostgreSQL cannot remove an enum value"
    )));
    l.down_loses = Some(format!("value `{value}` stays in enum `{name}`"));
    l.lock = "none".into();
}

/// Renames a value while it has its old name; the rollback renames it back.
pub(super) fn rename_value(l: &mut Lowered, name: &str, from: &str, to: &str) {
    let rename = |a: &str, b: &str| {
        unit(do_block(&format!(
            "BEGIN\n  IF EXISTS (SELECT 1 FROM pg_enum WHERE enumtypid = to_regtype({}) AND enumlabel = {}) THEN\n    ALTER TYPE {} RENAME VALUE {} TO {};\n  END IF;\nEND",
            lit(&q(name)),
            lit(a),
            q(name),
            lit(a),
            lit(b)
        )))
    };
    l.up.push(rename(from, to));
    l.down.push(rename(to, from));
    l.lock = "none".into();
}

/// Drops the type; the rollback creates it again with its values.
pub(super) fn drop(l: &mut Lowered, name: &str, values: &[String]) {
    l.up.push(unit(format!("DROP TYPE IF EXISTS {};", q(name))));
    let vals: Vec<String> = values.iter().map(|v| lit(v)).collect();
    l.down.push(unit(do_block(&format!(
        "BEGIN\n  IF to_regtype({}) IS NULL THEN\n    CREATE TYPE {} AS ENUM ({});\n  END IF;\nEND",
        lit(&q(name)),
        q(name),
        vals.join(", ")
    ))));
    l.lock = "none".into();
}

/// A rebuilt type (`from`) takes the name of the deployed type it replaces (`to`); the
/// rollback gives it its temporary name back and creates the deployed type again.
pub(super) fn rename(ctx: &Context<'_>, l: &mut Lowered, from: &str, to: &str) {
    // The rebuilt type takes the deployed type's place once no column uses the
    // deployed one; guarded by the rebuilt type's temporary name.
    l.up.push(unit(do_block(&format!(
        "BEGIN\n  IF to_regtype({from_lit}) IS NOT NULL THEN\n    DROP TYPE IF EXISTS {to};\n    ALTER TYPE {from} RENAME TO {to};\n  END IF;\nEND",
        from_lit = lit(&q(from)),
        from = q(from),
        to = q(to),
    ))));
    let old_values: Vec<String> = ctx
        .from
        .enums
        .get(to)
        .map(|e| e.values.iter().map(|v| lit(&v.name)).collect())
        .unwrap_or_default();
    l.down.push(unit(do_block(&format!(
        "BEGIN\n  IF to_regtype({from_lit}) IS NULL AND to_regtype({to_lit}) IS NOT NULL THEN\n    ALTER TYPE {to} RENAME TO {from};\n    CREATE TYPE {to} AS ENUM ({values});\n  END IF;\nEND",
        from_lit = lit(&q(from)),
        to_lit = lit(&q(to)),
        from = q(from),
        to = q(to),
        values = old_values.join(", "),
    ))));
    l.lock = "none".into();
}
