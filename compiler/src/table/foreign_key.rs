//! A table's foreign key, from a column's `references` or a `foreign key` member; what it
//! references is checked once every table is known.

use super::free_name;
use crate::names;
use crate::resolve::{FkSite, Resolver};
use crate::schema::*;
use migc_grammar::ast;
use migc_grammar::Span;

impl Resolver<'_> {
    pub(super) fn foreign_key(
        &mut self,
        table: &mut Table,
        columns: Vec<String>,
        name: Option<String>,
        reference: &ast::Reference,
        column_spans: Vec<Span>,
        origin: Span,
    ) {
        let mut on_delete = FkAction::NoAction;
        let mut on_update = FkAction::NoAction;
        let mut set_null = None;
        for action in &reference.actions {
            let effect = match action.effect {
                ast::FkEffect::Cascade => FkAction::Cascade,
                ast::FkEffect::Restrict => FkAction::Restrict,
                ast::FkEffect::SetNull => FkAction::SetNull,
                ast::FkEffect::SetDefault => FkAction::SetDefault,
                ast::FkEffect::NoAction => FkAction::NoAction,
            };
            if effect == FkAction::SetNull {
                set_null = Some(action.span);
            }
            match action.event {
                ast::FkEvent::Delete => on_delete = effect,
                ast::FkEvent::Update => on_update = effect,
            }
        }
        let name =
            name.unwrap_or_else(|| free_name(table, names::foreign_key(&table.name, &columns)));
        table.foreign_keys.push(ForeignKey {
            name,
            columns,
            ref_table: reference.table.name.clone(),
            ref_columns: reference.columns.iter().map(|c| c.name.clone()).collect(),
            on_delete,
            on_update,
            origin,
        });
        self.pending_fks.push((
            table.name.clone(),
            table.foreign_keys.len() - 1,
            FkSite {
                columns: column_spans,
                table: reference.table.span,
                ref_columns: reference.columns.iter().map(|c| c.span).collect(),
                set_null,
            },
        ));
    }
}
