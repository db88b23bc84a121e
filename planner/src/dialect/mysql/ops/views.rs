//! Views, made and dropped whole (`CREATE OR REPLACE VIEW`).

use crate::dialect::mysql::sql::*;
use crate::dialect::mysql::Mysql;
use crate::dialect::Lowered;
use migc_compiler::schema::*;
use migc_grammar::Diagnostic;

impl Mysql {
    pub(super) fn lower_create_view(&self, l: &mut Lowered, view: &View) -> Result<(), Diagnostic> {
        l.up.push(unit(crate::sql::create_or_replace_view(
            view,
            crate::Dialect::Mysql,
        )));
        l.down
            .push(unit(format!("DROP VIEW IF EXISTS {};", q(&view.name))));
        l.lock = "shared metadata lock".into();
        Ok(())
    }

    pub(super) fn lower_drop_view(&self, l: &mut Lowered, view: &View) -> Result<(), Diagnostic> {
        l.up.push(unit(format!("DROP VIEW IF EXISTS {};", q(&view.name))));
        l.down.push(unit(crate::sql::create_or_replace_view(
            view,
            crate::Dialect::Mysql,
        )));
        Ok(())
    }
}
