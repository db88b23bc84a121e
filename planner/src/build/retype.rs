//! A deployed column converted through a shadow column: the shadow's steps, and the warning
//! for a conversion some values may not survive.

use super::*;

impl Builder<'_> {
    /// An in-place type change: a shadow column of the new type, filled through `up` by the
    /// trigger and the backfill, replaces the column at contract.
    pub(super) fn retype(&mut self, old: &Table, o: &Column, c: &Column, shadow: &str) {
        let t = old.name.as_str();
        let mut added = c.clone();
        added.name = shadow.to_string();
        added.nullable = true;
        added.default = None;
        added.transform = None;
        added.comment = None;
        let mut needs = self.enum_needs(&c.ty);
        needs.push(table_key(t));
        self.push(
            Phase::Expand,
            &format!("{t}.{shadow}"),
            format!(
                "add shadow column `{t}.{shadow}` of type `{}` for `{}`",
                c.ty, c.name
            ),
            Op::AddColumn {
                table: t.to_string(),
                column: added,
                role: ColumnRole::Shadow { of: o.name.clone() },
                after: None,
            },
            Some(c.origin),
            Keys {
                provides: vec![col_key(t, shadow), columns_key(t)],
                needs,
                ..Keys::default()
            },
        );
        if !c.nullable {
            let mut shadow_col = c.clone();
            shadow_col.name = shadow.to_string();
            self.not_null(t, &shadow_col);
        }
        self.push(
            Phase::Contract,
            &format!("{t}.{}", c.name),
            format!("put shadow column `{shadow}` in place of `{t}.{}`", c.name),
            Op::RenameColumn {
                table: t.to_string(),
                from: shadow.to_string(),
                to: c.name.clone(),
            },
            Some(c.origin),
            Keys {
                needs: vec![
                    Key::Dropped(t.to_string(), o.name.to_string()),
                    Key::SyncColumn(t.to_string(), shadow.to_string()),
                ],
                provides: vec![Key::Renamed(t.to_string(), c.name.to_string())],
                ..Keys::default()
            },
        );
        if c.default.is_some() || c.comment.is_some() {
            if c.default.is_some() {
                self.push(
                    Phase::Contract,
                    &format!("{t}.{}", c.name),
                    format!("set the default of `{t}.{}`", c.name),
                    Op::SetDefault {
                        table: t.to_string(),
                        column: c.name.clone(),
                        default: c.default.clone(),
                        // What the column the rollback brings back had.
                        previous: o.default.clone(),
                    },
                    Some(c.origin),
                    Self::keys(&[], &[Key::Renamed(t.to_string(), c.name.to_string())]),
                );
            }
            if c.comment.is_some() {
                self.push(
                    Phase::Contract,
                    &format!("{t}.{}", c.name),
                    format!("comment on column `{t}.{}`", c.name),
                    Op::CommentColumn {
                        table: t.to_string(),
                        column: c.name.clone(),
                        text: c.comment.clone(),
                        previous: None,
                    },
                    Some(c.origin),
                    Self::keys(&[], &[Key::Renamed(t.to_string(), c.name.to_string())]),
                );
            }
        }
    }

    pub(super) fn check_lossy(&mut self, old: &Table, c: &Column, tr: &Transform) {
        let [source] = tr.from.as_slice() else { return };
        let Some(s) = old.column(source) else { return };
        let (Some(from), Some(to)) = (s.ty.builtin(), c.ty.builtin()) else {
            return;
        };
        use migc_stdlib::TypeClass::*;
        let lossy = match (from.class, to.class) {
            (a, b) if a == b => from.rank > to.rank || s.ty != c.ty && matches!(a, Decimal),
            (Decimal | Float, Integer)
            | (Text, Integer | Decimal | Float | Bool | Uuid | Temporal | Json) => true,
            _ => false,
        };
        if lossy {
            self.diagnostics.push(
                Diagnostic::warning(
                    Code::LossyCast,
                    format!("converting `{}` (`{}`) to `{}` (`{}`) may lose information", s.name, s.ty, c.name, c.ty),
                )
                .primary(tr.origin, "converted here")
                .note("rows whose value does not survive the round trip through `up` and `down` change when either application writes them")
                .help("check `down (up (x)) = x` for the values in use"),
            );
        }
    }
}
