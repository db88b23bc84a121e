//! MySQL/MariaDB: `information_schema` of the connection's database, and `SHOW CREATE` for the
//! DDL of each object.

use super::column;
use migc_db::{Connection, DbError};

fn q(name: &str) -> String {
    migc_stdlib::Dialect::Mysql.quote_ident(name)
}

/// The DDL column of a `SHOW CREATE …` result.
fn show(conn: &mut dyn Connection, sql: &str, index: usize) -> Result<Option<String>, DbError> {
    Ok(conn
        .query(sql)?
        .into_iter()
        .next()
        .and_then(|r| r.into_iter().nth(index).flatten()))
}

pub(crate) fn ddl(conn: &mut dyn Connection) -> Result<Vec<String>, DbError> {
    let mut out = Vec::new();
    let objects = conn.query(
        "SELECT table_name, table_type FROM information_schema.tables \
         WHERE table_schema = DATABASE() ORDER BY table_type, table_name",
    )?;
    let mut views = Vec::new();
    for o in objects {
        let (Some(name), Some(kind)) = (&o[0], &o[1]) else {
            continue;
        };
        if kind == "VIEW" {
            if let Some(v) = show(conn, &format!("SHOW CREATE VIEW {}", q(name)), 1)? {
                views.push(v);
            }
        } else if let Some(t) = show(conn, &format!("SHOW CREATE TABLE {}", q(name)), 1)? {
            out.push(t);
        }
    }
    out.extend(views);
    for name in column(
        conn,
        "SELECT trigger_name FROM information_schema.triggers WHERE trigger_schema = DATABASE() ORDER BY trigger_name",
    )? {
        if let Some(t) = show(conn, &format!("SHOW CREATE TRIGGER {}", q(&name)), 2)? {
            out.push(t);
        }
    }
    let routines = conn.query(
        "SELECT routine_name, routine_type FROM information_schema.routines \
         WHERE routine_schema = DATABASE() ORDER BY routine_type, routine_name",
    )?;
    for r in routines {
        let (Some(name), Some(kind)) = (&r[0], &r[1]) else {
            continue;
        };
        if let Some(t) = show(conn, &format!("SHOW CREATE {kind} {}", q(name)), 2)? {
            out.push(t);
        }
    }
    for name in column(
        conn,
        "SELECT event_name FROM information_schema.events WHERE event_schema = DATABASE() ORDER BY event_name",
    )? {
        out.push(format!("CREATE EVENT {}", q(&name)));
    }
    Ok(out)
}
