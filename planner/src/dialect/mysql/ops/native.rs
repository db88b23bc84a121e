//! `native` blocks: their statements as written, when the block is for MySQL.

use crate::dialect::mysql::sql::*;
use crate::dialect::mysql::{Mysql, D};
use crate::dialect::{Context, Lowered};
use migc_grammar::Diagnostic;

impl Mysql {
    pub(super) fn lower_native(
        &self,
        l: &mut Lowered,
        ctx: &Context<'_>,
        name: &str,
        up: &[String],
        down: &[String],
    ) -> Result<(), Diagnostic> {
        let applies = |n: &str| {
            ctx.to
                .natives
                .get(n)
                .or(ctx.from.natives.get(n))
                .is_some_and(|x| x.dialects.contains(&D))
        };
        if applies(name) {
            l.up = up.iter().map(|s| statement(s)).collect();
            l.down = down.iter().rev().map(|s| statement(s)).collect();
        } else {
            let text = format!("native block {name} is not for MySQL");
            l.up.push(comment_unit(&text));
            l.down.push(comment_unit(&text));
        }
        l.lock = "as written".into();
        Ok(())
    }
}

/// One statement of a block as a unit: framed by `DELIMITER` where it holds `;` inside (a
/// trigger's or a procedure's compound body), so that the clients send it whole.
pub(super) fn statement(s: &str) -> crate::dialect::Unit {
    if s.trim_end().trim_end_matches(';').contains(';') {
        delimited(&[s.to_string()])
    } else {
        unit(terminated(s))
    }
}

pub(super) fn terminated(s: &str) -> String {
    let t = s.trim_end();
    if t.ends_with(';') {
        t.to_string()
    } else {
        format!("{t};")
    }
}
