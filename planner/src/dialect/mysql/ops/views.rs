//! Views, made and dropped whole (`CREATE OR REPLACE VIEW`).

use crate::dialect::mysql::sql::*;
use crate::dialect::mysql::Mysql;
use crate::dialect::Lowered;
use migc_compiler::schema::*;
use migc_grammar::Diagnostic;

/// `CREATE OR REPLACE VIEW` of a declared view, with whose rights it runs and its check option.
fn create_or_replace(view: &View) -> String {
    let security = if view.security_invoker {
        " SQL SECURITY INVOKER"
    } else {
        ""
    };
    // `ALGORITHM=…`, read again (a snapshot's text is not checked when it is loaded).
    let algorithm = view
        .options
        .get(&super::super::D)
        .and_then(|a| view_algorithm(a).ok().flatten())
        .map(|a| format!(" {a}"))
        .unwrap_or_default();
    format!(
        "CREATE OR REPLACE{algorithm}{security} VIEW {} AS {}{};",
        q(&view.name),
        crate::sql::render_query(&view.query, super::super::D),
        crate::sql::check_option_clause(view)
    )
}

impl Mysql {
    pub(super) fn lower_create_view(&self, l: &mut Lowered, view: &View) -> Result<(), Diagnostic> {
        l.up.push(unit(create_or_replace(view)));
        l.down
            .push(unit(format!("DROP VIEW IF EXISTS {};", q(&view.name))));
        l.lock = "shared metadata lock".into();
        Ok(())
    }

    pub(super) fn lower_drop_view(&self, l: &mut Lowered, view: &View) -> Result<(), Diagnostic> {
        l.up.push(unit(format!("DROP VIEW IF EXISTS {};", q(&view.name))));
        l.down.push(unit(create_or_replace(view)));
        Ok(())
    }
}
