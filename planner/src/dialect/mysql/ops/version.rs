//! The version layer on MySQL/MariaDB ([`crate::versions::databases`]): a database per
//! application version beside the application's database, holding a view of each of its tables
//! and views in the version's shape. A connection finds unqualified names in its current
//! database only, so a version's connections select its database (`USE`) and find every object
//! there.
//!
//! The version's database is named after the application's database and the version's
//! namespace ([`version_database`]), so that two application databases on one server never
//! share one: a script computes the name from `DATABASE()`, and the views are made by
//! statements prepared at run time. The views run with the rights of whoever uses them
//! (`SQL SECURITY INVOKER`) and the database's and tables' grants are given on them too, so a
//! user who may use the table may use its view.

use crate::dialect::mysql::program::Body;
use crate::dialect::mysql::sql::{lit, q, unit};
use crate::dialect::mysql::{Mysql, Scope};
use crate::dialect::Lowered;
use crate::step::{App, Phase, Step, VersionView};
use sha2::{Digest, Sha256};

use migc_stdlib::{
    MYSQL_VERSION_DATABASE_DIGEST as DIGEST, MYSQL_VERSION_DATABASE_LIMIT as LIMIT,
    MYSQL_VERSION_DATABASE_ROOM as ROOM,
};

/// The name of the database of the version whose namespace is `namespace` beside the
/// application database `database`: how [`migc_stdlib::mysql_version_database_head`] says it
/// starts, then `__` and the namespace.
pub fn version_database(database: &str, namespace: &str) -> String {
    debug_assert_eq!(
        LIMIT - 2 - namespace.chars().count(),
        ROOM,
        "a namespace's length"
    );
    let head = if database.chars().count() <= ROOM {
        database.to_string()
    } else {
        let digest: String = Sha256::digest(database.as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .take(DIGEST / 2)
            .collect();
        let kept: String = database.chars().take(ROOM - DIGEST - 1).collect();
        format!("{kept}_{digest}")
    };
    format!("{head}__{namespace}")
}

/// [`version_database`] as an SQL expression over `DATABASE()`.
fn version_database_sql(namespace: &str) -> String {
    format!(
        "CONCAT({}, {})",
        migc_stdlib::mysql_version_database_head("DATABASE()"),
        lit(&format!("__{namespace}"))
    )
}

/// `name` quoted as an identifier, in SQL (`name` an SQL expression).
fn quoted_sql(name: &str) -> String {
    format!("CONCAT('`', REPLACE({name}, '`', '``'), '`')")
}

/// The statements a connection of the version runs first: it marks itself as the version
/// (`@migc_app`, which the dual-write triggers read) and selects the version's database when
/// there is one (before the plan's expand and for a version no plan made one for, the
/// connection stays where it is). MariaDB prepares `USE`; MySQL 8.0 does not, and there the
/// statements leave the connection where it is (it names the version's database itself:
/// `migc connect --url`).
pub fn session(namespace: &str) -> Vec<String> {
    vec![
        format!("SET @migc_app = {};", lit(namespace)),
        format!(
            "SET @migc_use = COALESCE((SELECT CONCAT('USE ', {}) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = {} AND VERSION() LIKE '%MariaDB%'), 'DO 0');",
            quoted_sql("SCHEMA_NAME"),
            version_database_sql(namespace)
        ),
        "PREPARE migc_use FROM @migc_use;".to_string(),
        "EXECUTE migc_use;".to_string(),
        "DEALLOCATE PREPARE migc_use;".to_string(),
    ]
}

/// Runs the statement `sql` (an SQL expression) prepared.
fn prepared(sql: &str) -> String {
    format!(
        "SET @migc_sql = {sql};\nPREPARE migc_stmt FROM @migc_sql;\nEXECUTE migc_stmt;\nDEALLOCATE PREPARE migc_stmt;"
    )
}

/// The privileges given on a version's database and views as they are on the application's
/// database and tables.
const MIRRORED: &str = "'SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW'";

/// The body that makes the version's database and its view of `v`, with the grants.
fn create_body(v: &VersionView) -> Body {
    let vdb = quoted_sql("vdb");
    let shown = if v.whole {
        format!(
            "CONCAT('CREATE OR REPLACE SQL SECURITY INVOKER VIEW ', {vdb}, {}, {}, {})",
            lit(&format!(".{} AS SELECT * FROM ", q(&v.name))),
            quoted_sql("DATABASE()"),
            lit(&format!(".{}", q(&v.table))),
        )
    } else {
        let names: Vec<String> = v.columns.iter().map(|c| q(&c.name)).collect();
        let physical: Vec<String> = v.columns.iter().map(|c| q(&c.physical)).collect();
        format!(
            "CONCAT('CREATE OR REPLACE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW ', {vdb}, {}, {}, {})",
            lit(&format!(
                ".{} ({}) AS SELECT {} FROM ",
                q(&v.name),
                names.join(", "),
                physical.join(", ")
            )),
            quoted_sql("DATABASE()"),
            lit(&format!(".{}", q(&v.table))),
        )
    };
    // A grantee as the catalog writes it ('user'@'host', or 'role'), quoted again from its
    // parts. (The procedure's variables are named apart from the catalog's columns, which they
    // would hide in its queries.)
    let grantee = "IF(LOCATE('''@''', granted_to) = 0, QUOTE(SUBSTRING(granted_to, 2, CHAR_LENGTH(granted_to) - 2)), CONCAT(QUOTE(SUBSTRING(granted_to, 2, CHAR_LENGTH(granted_to) - CHAR_LENGTH(SUBSTRING_INDEX(granted_to, '''@''', -1)) - 4)), '@', QUOTE(LEFT(SUBSTRING_INDEX(granted_to, '''@''', -1), CHAR_LENGTH(SUBSTRING_INDEX(granted_to, '''@''', -1)) - 1))))";
    let mut body = Body::new();
    body.declare(&format!(
        "DECLARE vdb VARCHAR({LIMIT}) DEFAULT {};\nDECLARE granted_to VARCHAR(400);\nDECLARE granted VARCHAR(64);\nDECLARE granted_on VARCHAR(200);\nDECLARE finished INT DEFAULT 0;\nDECLARE grants CURSOR FOR\n  SELECT GRANTEE, PRIVILEGE_TYPE, '*' FROM information_schema.SCHEMA_PRIVILEGES\n  WHERE TABLE_SCHEMA = DATABASE() AND PRIVILEGE_TYPE IN ({MIRRORED})\n  UNION ALL\n  SELECT GRANTEE, PRIVILEGE_TYPE, {} FROM information_schema.TABLE_PRIVILEGES\n  WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = {} AND PRIVILEGE_TYPE IN ({MIRRORED});\nDECLARE CONTINUE HANDLER FOR NOT FOUND SET finished = 1;{}",
        version_database_sql(&v.namespace),
        lit(&q(&v.name)),
        lit(&v.table),
        // A view of the schema that cannot be read at this moment (a rollback halfway) is
        // shown as it was: its statement is neither prepared (1356) nor run (1243).
        if v.whole {
            "\nDECLARE CONTINUE HANDLER FOR 1356, 1243 BEGIN END;"
        } else {
            ""
        },
    ));
    // Made only while the table has every column the view shows: a script run again after
    // contract (whose columns the expand-time view names are gone by then) passes it by.
    let stands = if v.whole {
        format!(
            "EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = {})",
            lit(&v.table)
        )
    } else {
        let physical: std::collections::BTreeSet<String> =
            v.columns.iter().map(|c| lit(&c.physical)).collect();
        let physical: Vec<String> = physical.into_iter().collect();
        format!(
            "(SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = {} AND COLUMN_NAME IN ({})) = {}",
            lit(&v.table),
            physical.join(", "),
            physical.len()
        )
    };
    let mut made = Body::new();
    made.push(&prepared(&format!(
        "CONCAT('CREATE DATABASE IF NOT EXISTS ', {vdb})"
    )));
    made.push(&prepared(&shown));
    made.push(&format!(
        "OPEN grants;\ngranting: LOOP\n  FETCH grants INTO granted_to, granted, granted_on;\n  IF finished = 1 THEN\n    LEAVE granting;\n  END IF;\n{}\nEND LOOP;\nCLOSE grants;",
        crate::dialect::mysql::D.indent(
            &prepared(&format!(
                "CONCAT('GRANT ', granted, ' ON ', {vdb}, '.', granted_on, ' TO ', {grantee})"
            )),
            "  "
        )
        .trim_end()
    ));
    body.nest(Body::when(&stands, made));
    body
}

/// The body that drops the version's view of `v`, and the version's database once it holds
/// nothing else.
fn drop_body(v: &VersionView) -> Body {
    let vdb = quoted_sql("vdb");
    let mut body = Body::new();
    body.declare(&format!(
        "DECLARE vdb VARCHAR({LIMIT}) DEFAULT {};",
        version_database_sql(&v.namespace)
    ));
    body.push(&prepared(&format!(
        "CONCAT('DROP VIEW IF EXISTS ', {vdb}, {})",
        lit(&format!(".{}", q(&v.name)))
    )));
    body.push(&format!(
        "IF NOT EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = vdb) THEN\n{}\nEND IF;",
        crate::dialect::mysql::D
            .indent(
                &prepared(&format!("CONCAT('DROP DATABASE IF EXISTS ', {vdb})")),
                "  "
            )
            .trim_end()
    ));
    body
}

impl Mysql {
    /// Shows `v` to its version. In expand, a rollback takes the new version's view away and
    /// leaves the old version's (its connections may be using its database); in contract the
    /// view is restated, and a rollback states it again (what it shows is then as it was).
    pub(super) fn lower_create_version_view(
        &self,
        l: &mut Lowered,
        step: &Step,
        scope: &Scope<'_>,
        v: &VersionView,
    ) {
        l.up.push(self.program(scope, create_body(v)));
        match (step.phase, v.app) {
            (Phase::Expand, App::New) => l.down.push(self.program(scope, drop_body(v))),
            (Phase::Expand, App::Old) => {
                l.down.push(unit(crate::dialect::mysql::D.comment(&format!(
                    "the old application's view of `{}` stays: its connections may be using it",
                    v.name
                ))))
            }
            _ => l.down.push(self.program(scope, create_body(v))),
        }
        l.lock = "shared metadata lock".into();
    }

    /// Stops showing `v` to its version; a rollback shows it again.
    pub(super) fn lower_drop_version_view(
        &self,
        l: &mut Lowered,
        scope: &Scope<'_>,
        v: &VersionView,
    ) {
        l.up.push(self.program(scope, drop_body(v)));
        l.down.push(self.program(scope, create_body(v)));
        l.lock = "exclusive metadata lock (on the view)".into();
    }
}
