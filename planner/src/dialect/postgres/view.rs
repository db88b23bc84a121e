//! Views: created and dropped.

use super::super::Lowered;
use super::*;
use migc_compiler::schema::View;

/// `CREATE OR REPLACE VIEW` of a declared view, with its options (`security_invoker`) and its
/// check option.
fn create_or_replace(view: &View) -> String {
    let options = if view.security_invoker {
        " WITH (security_invoker = true)"
    } else {
        ""
    };
    format!(
        "CREATE OR REPLACE VIEW {}{options} AS {}{};",
        q(&view.name),
        crate::sql::render_query(&view.query, D),
        crate::sql::check_option_clause(view)
    )
}

/// Creates (or replaces) the view; the rollback drops it.
pub(super) fn create(l: &mut Lowered, view: &View) {
    l.up.push(unit(create_or_replace(view)));
    l.down
        .push(unit(format!("DROP VIEW IF EXISTS {};", q(&view.name))));
    l.lock = "ACCESS SHARE".into();
}

/// Drops the view; the rollback creates it again.
pub(super) fn drop(l: &mut Lowered, view: &View) {
    l.up.push(unit(format!("DROP VIEW IF EXISTS {};", q(&view.name))));
    l.down.push(unit(create_or_replace(view)));
}
