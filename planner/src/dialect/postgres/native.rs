//! Native blocks: SQL written for PostgreSQL, run as written.

use super::super::{Context, Lowered, Unit};
use super::*;

/// Runs the written SQL of a native block that is for PostgreSQL; a comment otherwise.
pub(super) fn lower(
    ctx: &Context<'_>,
    l: &mut Lowered,
    name: &str,
    up: &[String],
    down: &[String],
) {
    let applies = |n: &str| {
        ctx.to
            .natives
            .get(n)
            .or(ctx.from.natives.get(n))
            .is_some_and(|x| x.dialects.contains(&D))
    };
    if applies(name) {
        // Written SQL that cannot run in a transaction block is kept out of one.
        let native = |s: &String| Unit {
            sql: terminated(s),
            transactional: !s.to_ascii_lowercase().contains("concurrently"),
        };
        l.up = up.iter().map(native).collect();
        l.down = down.iter().rev().map(native).collect();
    } else {
        l.up.push(comment_unit(&format!(
            "native block {name} is not for PostgreSQL"
        )));
        l.down.push(comment_unit(&format!(
            "native block {name} is not for PostgreSQL"
        )));
    }
    l.lock = "as written".into();
}

/// The statement, ending in `;`.
fn terminated(s: &str) -> String {
    let t = s.trim_end();
    if t.ends_with(';') {
        t.to_string()
    } else {
        format!("{t};")
    }
}
