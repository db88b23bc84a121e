//! The version layer: each application version's namespace, a schema holding a view of every
//! table the plan changes, in that version's shape (see [`crate::versions`]). A version's
//! connections put its schema first in `search_path`; tables without a view fall through to
//! the physical ones. A schema missing from `search_path` is skipped, so the session statements
//! hold before the layer exists and after it is gone.

use super::super::Lowered;
use super::*;
use crate::step::VersionView;
use migc_grammar::Diagnostic;

/// What the statements of a connection of the version whose namespace is `namespace` are.
pub(super) fn session(namespace: &str) -> Vec<String> {
    vec![format!(
        "SELECT pg_catalog.set_config('search_path', {} || pg_catalog.current_setting('search_path'), false);",
        lit(&format!("{}, ", q(namespace)))
    )]
}

/// The session statement as a startup option (`options=-c …` in a URL, `PGOPTIONS`): the
/// default `search_path` behind the namespace (a startup option cannot read the current one).
/// Inside the option, a backslash and a space are escaped with a backslash.
pub(super) fn startup_options(namespace: &str) -> String {
    let path = format!("{},\"$user\",public", q(namespace));
    let escaped: String = path
        .chars()
        .flat_map(|c| match c {
            '\\' | ' ' => vec!['\\', c],
            c => vec![c],
        })
        .collect();
    format!("-c search_path={escaped}")
}

/// Whether the session writing runs as the version whose namespace is `namespace`.
pub(super) fn writing_as(namespace: &str) -> String {
    format!(
        "coalesce({} = ANY (pg_catalog.current_schemas(false)), false)",
        lit(namespace)
    )
}

/// The view and the schema holding it (made when missing), with the version's defaults and the
/// table's grants: the view runs with the rights of whoever uses it (`security_invoker`), so a
/// role that may use the table may use the view.
fn create_units(v: &VersionView) -> Result<Vec<Unit>, Diagnostic> {
    let ns = q(&v.namespace);
    let view = format!("{ns}.{}", q(&v.name));
    let columns = v
        .columns
        .iter()
        .map(|c| {
            if c.name == c.physical {
                q(&c.name)
            } else {
                format!("{} AS {}", q(&c.physical), q(&c.name))
            }
        })
        .collect::<Vec<_>>()
        .join(", ");
    // One block: the view never stands without its defaults.
    let sql = do_block(&format!(
        "BEGIN\n  CREATE SCHEMA IF NOT EXISTS {ns};\n  CREATE OR REPLACE VIEW {view} WITH (security_invoker = true) AS SELECT {columns} FROM {};\n{}END",
        q(&v.table),
        defaults(v)?
    ));
    let grants = do_block(&format!(
        "DECLARE\n  r record;\nBEGIN\n  FOR r IN\n    SELECT a.privilege_type AS privilege,\n           CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(a.grantee)) END AS grantee\n    FROM pg_class c, aclexplode(c.relacl) a\n    WHERE c.oid = {} AND a.grantee <> c.relowner\n  LOOP\n    EXECUTE format('GRANT %s ON %s TO %s', r.privilege, {}, r.grantee);\n  END LOOP;\n  EXECUTE format('GRANT USAGE ON SCHEMA %s TO PUBLIC', {});\nEND",
        regclass(&v.table),
        lit(&view),
        lit(&ns),
    ));
    Ok(vec![unit(sql), unit(grants)])
}

/// Drops the view, and its schema once nothing else is in it.
fn drop_units(v: &VersionView) -> Vec<Unit> {
    let ns = q(&v.namespace);
    vec![
        unit(format!("DROP VIEW IF EXISTS {ns}.{};", q(&v.name))),
        unit(do_block(&format!(
            "BEGIN\n  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = to_regnamespace({})) THEN\n    DROP SCHEMA IF EXISTS {ns};\n  END IF;\nEND",
            lit(&ns)
        ))),
    ]
}

/// Shows the table to the version; the rollback takes the view away.
pub(super) fn create(l: &mut Lowered, v: &VersionView) -> Result<(), Diagnostic> {
    l.up = create_units(v)?;
    l.down = drop_units(v);
    l.lock = "ACCESS SHARE".into();
    Ok(())
}

/// The view made again by a rollback of contract, which runs while the rollbacks of contract's
/// later steps may have left a column under its declared name (a shadow swapped in) or the
/// table under its declared name: each is read from under the name it has at that moment.
fn remake_units(v: &VersionView) -> Result<Vec<Unit>, Diagnostic> {
    let ns = q(&v.namespace);
    let view = format!("{ns}.{}", q(&v.name));
    let rows = v
        .columns
        .iter()
        .enumerate()
        .map(|(i, c)| format!("({}, {}, {})", i + 1, lit(&c.physical), lit(&c.name)))
        .collect::<Vec<_>>()
        .join(", ");
    let body = format!(
        "DECLARE\n  rel regclass := coalesce({table}, {declared});\n  cols text;\nBEGIN\n  SELECT string_agg(format('%I AS %I', CASE WHEN EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = rel AND attname = v.physical AND NOT attisdropped) THEN v.physical ELSE v.name END, v.name), ', ' ORDER BY v.n)\n  INTO cols\n  FROM (VALUES {rows}) AS v(n, physical, name);\n  EXECUTE format('CREATE SCHEMA IF NOT EXISTS %s', {ns_lit});\n  EXECUTE format('CREATE OR REPLACE VIEW %s WITH (security_invoker = true) AS SELECT %s FROM %s', {view_lit}, cols, rel);\n{defaults}END",
        table = regclass(&v.table),
        declared = regclass(&v.name),
        ns_lit = lit(&ns),
        view_lit = lit(&view),
        defaults = defaults(v)?,
    );
    let mut units = vec![unit(do_block(&body))];
    // The grants as `create_units` gives them.
    let mut created = create_units(v)?;
    units.extend(created.split_off(1));
    Ok(units)
}

/// The version's defaults on the view, as statements of a block.
fn defaults(v: &VersionView) -> Result<String, Diagnostic> {
    let view = format!("{}.{}", q(&v.namespace), q(&v.name));
    let mut out = String::new();
    for c in &v.columns {
        if let Some(d) = &c.default {
            out.push_str(&format!(
                "  ALTER TABLE {view} ALTER COLUMN {} SET DEFAULT {};\n",
                q(&c.name),
                expr(d)?
            ));
        }
    }
    Ok(out)
}

/// Takes the view away; the rollback shows the table to the version again.
pub(super) fn drop(l: &mut Lowered, v: &VersionView) -> Result<(), Diagnostic> {
    l.up = drop_units(v);
    l.down = remake_units(v)?;
    l.lock = "ACCESS EXCLUSIVE (on the view)".into();
    Ok(())
}
