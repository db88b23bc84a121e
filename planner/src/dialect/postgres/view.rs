//! Views: created and dropped.

use super::super::Lowered;
use super::*;
use migc_compiler::schema::View;

/// Creates (or replaces) the view; the rollback drops it.
pub(super) fn create(l: &mut Lowered, view: &View) {
    l.up.push(unit(crate::sql::create_or_replace_view(
        view,
        crate::Dialect::Postgres,
    )));
    l.down
        .push(unit(format!("DROP VIEW IF EXISTS {};", q(&view.name))));
    l.lock = "ACCESS SHARE".into();
}

/// Drops the view; the rollback creates it again.
pub(super) fn drop(l: &mut Lowered, view: &View) {
    l.up.push(unit(format!("DROP VIEW IF EXISTS {};", q(&view.name))));
    l.down.push(unit(crate::sql::create_or_replace_view(
        view,
        crate::Dialect::Postgres,
    )));
}
