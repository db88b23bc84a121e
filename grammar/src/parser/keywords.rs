//! The keyword rules, which lowering skips.

use super::Rule;

pub(super) fn is_keyword(rule: Rule) -> bool {
    matches!(
        rule,
        Rule::k_use
            | Rule::k_enum
            | Rule::k_table
            | Rule::k_mixin
            | Rule::k_view
            | Rule::k_as
            | Rule::k_native
            | Rule::k_for
            | Rule::k_up
            | Rule::k_down
            | Rule::k_drop
            | Rule::k_column
            | Rule::k_index
            | Rule::k_where
            | Rule::k_primary
            | Rule::k_key
            | Rule::k_check
            | Rule::k_foreign
            | Rule::k_references
            | Rule::k_include
            | Rule::k_comment
            | Rule::k_collate
            | Rule::k_options
            | Rule::k_option
            | Rule::k_security
            | Rule::k_invoker
            | Rule::k_definer
            | Rule::k_with
            | Rule::k_local
            | Rule::k_cascaded
            | Rule::k_retire
            | Rule::k_not
            | Rule::k_null
            | Rule::k_identity
            | Rule::k_autoincrement
            | Rule::k_strict
            | Rule::k_without
            | Rule::k_rowid
            | Rule::k_default
            | Rule::k_renamed
            | Rule::k_from
            | Rule::k_on
            | Rule::k_unique
    )
}
