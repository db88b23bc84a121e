//! Checks: matched by name then by definition; added `NOT VALID` and validated, rebuilt on
//! a shadow column, dropped.

use super::constraints::TableChange;
use super::*;

impl<'s> Builder<'s> {
    /// Checks: added for new rows in expand, validated in switch.
    pub(super) fn checks(&mut self, cx: &TableChange<'s, '_>) {
        let t = cx.old.name.as_str();
        let (old, new) = (cx.old, cx.new);
        // Deployed objects whose name a rebuilt one takes at contract.
        let mut replaced: BTreeSet<String> = BTreeSet::new();
        let mut renamed: BTreeSet<&str> = BTreeSet::new();
        for ck in &new.checks {
            let cols = referenced_columns(new, &ck.expr);
            let shadowed = cx.on_retyped(&cols);
            if !shadowed
                && old
                    .checks
                    .iter()
                    .any(|o| o.name == ck.name && o.expr == ck.expr)
            {
                continue;
            }
            if let Some(o) = old.checks.iter().find(|o| {
                !shadowed
                    && o.expr == ck.expr
                    && o.name != ck.name
                    && !new.checks.iter().any(|x| x.name == o.name)
                    && !renamed.contains(o.name.as_str())
            }) {
                renamed.insert(&o.name);
                self.rename_constraint(
                    t,
                    &o.name,
                    &ck.name,
                    Constraint::Check(ck.clone()),
                    ck.origin,
                );
                continue;
            }
            // The deployed check of that name lives until contract: build this one under a
            // temporary name.
            let shadowed = shadowed
                || old.checks.iter().any(|o| {
                    o.name == ck.name
                        && o.expr != ck.expr
                        && cx.drop_phase(&referenced_columns(old, &o.expr)) == Phase::Contract
                });
            let building = if shadowed {
                temp_name(&ck.name)
            } else {
                ck.name.clone()
            };
            let check = Check {
                name: building.clone(),
                expr: Expr {
                    sql: crate::sql::rename_identifiers(&ck.expr.sql, cx.retyped),
                    origin: ck.expr.origin,
                },
                origin: ck.origin,
            };
            let used: Vec<String> = cols
                .iter()
                .map(|c| cx.retyped.get(c).cloned().unwrap_or_else(|| c.clone()))
                .collect();
            let mut needs: Vec<Key> = used.iter().map(|c| col_key(t, c)).collect();
            needs.push(Key::Name(building.to_string()));
            self.push(
                Phase::Expand,
                &format!("{t}.{building}"),
                format!("add check `{building}` on `{t}` for new rows"),
                Op::AddCheck {
                    table: t.to_string(),
                    check: check.clone(),
                    not_valid: true,
                },
                Some(ck.origin),
                Self::keys(&[], &needs),
            );
            self.push(
                Phase::Switch,
                &format!("{t}.{building}"),
                format!("validate check `{building}` on existing rows"),
                Op::ValidateConstraint {
                    table: t.to_string(),
                    name: building.clone(),
                    constraint: Constraint::Check(check.clone()),
                },
                Some(ck.origin),
                Keys::default(),
            );
            if shadowed {
                replaced.insert(ck.name.clone());
                self.rename_constraint(
                    t,
                    &building,
                    &ck.name,
                    Constraint::Check(ck.clone()),
                    ck.origin,
                );
            } else if !cx.only_added(&cols) {
                self.diagnostics.push(
                    Diagnostic::warning(
                        Code::ValidationMayFail,
                        format!(
                            "check `{}` on existing rows of `{}` fails if one violates it",
                            ck.name, new.name
                        ),
                    )
                    .primary(ck.origin, "check here")
                    .note(format!(
                        "find them: SELECT count(*) FROM {t} WHERE NOT ({})",
                        ck.expr.sql
                    )),
                );
            }
        }
        for ck in &old.checks {
            let cols = referenced_columns(old, &ck.expr);
            let kept = !cx.on_retyped(&cols)
                && new
                    .checks
                    .iter()
                    .any(|n| n.name == ck.name && n.expr == ck.expr);
            if kept || renamed.contains(ck.name.as_str()) {
                continue;
            }
            let phase = if cx.on_retyped(&cols) {
                Phase::Contract
            } else {
                cx.drop_phase(&cols)
            };
            self.push(
                phase,
                &format!("{t}.{}", ck.name),
                format!("drop check `{}` on `{t}`", ck.name),
                Op::DropCheck {
                    table: t.to_string(),
                    check: ck.clone(),
                    replaced_by: replaced.contains(&ck.name).then(|| temp_name(&ck.name)),
                },
                None,
                Keys {
                    provides: vec![Key::Name(ck.name.to_string())],
                    releases: cols.iter().map(|c| col_key(t, c)).collect(),
                    ..Keys::default()
                },
            );
        }
    }
}
