//! Units as temporary stored procedures: the only construct both MySQL 8.0 and MariaDB 10.11
//! offer for conditions and loops in a script. Each unit creates `migc_step`, calls it and
//! drops it; a failed call leaves it for the re-run to replace.

use super::super::Unit;
use super::sql::table_exists;
use super::{Algorithm, Mysql, Scope, D};

/// The body of a procedure being written, and how many algorithms its `ALTER`s try.
#[derive(Default)]
pub(super) struct Body {
    declares: String,
    text: String,
    alternatives: usize,
}

impl Body {
    pub(super) fn new() -> Body {
        Body::default()
    }

    /// Local variables (declared before the handlers, as MySQL requires).
    pub(super) fn declare(&mut self, sql: &str) -> &mut Body {
        self.declares.push_str(&D.indent(sql, ""));
        self
    }

    /// Another body inside this one (its declarations and algorithms join this one's).
    pub(super) fn nest(&mut self, inner: Body) -> &mut Body {
        self.declares.push_str(&inner.declares);
        self.alternatives = self.alternatives.max(inner.alternatives);
        self.push(&inner.text)
    }

    /// Procedural statements, as written.
    pub(super) fn push(&mut self, sql: &str) -> &mut Body {
        self.text.push_str(&D.indent(sql, ""));
        self
    }

    /// `ALTER TABLE table actions, ALGORITHM=…`, trying each algorithm in turn: the variable
    /// `algo` moves on when the server answers that an algorithm cannot do the change.
    pub(super) fn alter(
        &mut self,
        table: &str,
        actions: &str,
        algorithms: &[Algorithm],
    ) -> &mut Body {
        let stmt = |a: &Algorithm| {
            format!(
                "ALTER TABLE {} {actions}, {};",
                super::sql::q(table),
                a.clause()
            )
        };
        match algorithms {
            [] => {}
            [only] => {
                self.push(&stmt(only));
            }
            [first, rest @ ..] => {
                let mut s = format!("IF algo = 0 THEN\n  {}\n", stmt(first));
                for (i, a) in rest.iter().enumerate() {
                    if i + 1 == rest.len() {
                        s.push_str(&format!("ELSE\n  {}\n", stmt(a)));
                    } else {
                        s.push_str(&format!("ELSEIF algo = {} THEN\n  {}\n", i + 1, stmt(a)));
                    }
                }
                s.push_str("END IF;");
                self.push(&s);
            }
        }
        self.alternatives = self.alternatives.max(algorithms.len());
        self
    }

    /// The body run only when `condition` holds (nothing, when it has no statement: MySQL
    /// refuses an empty `IF`).
    pub(super) fn when(condition: &str, inner: Body) -> Body {
        let mut b = Body {
            declares: inner.declares,
            text: String::new(),
            alternatives: inner.alternatives,
        };
        if inner.text.trim().is_empty() {
            return b;
        }
        b.text.push_str(&format!("IF {condition} THEN\n"));
        b.text.push_str(&D.indent(&inner.text, "  "));
        b.text.push_str("END IF;\n");
        b
    }
}

impl Mysql {
    /// The body as a unit: created as `migc_step`, called, dropped. Lock wait timeouts and
    /// deadlocks retry the whole body after a pause growing exponentially with jitter, up to
    /// [`Mysql::attempts`]; "algorithm not supported" moves to the next algorithm.
    pub(super) fn program(&self, scope: &Scope<'_>, body: Body) -> Unit {
        let body = match &scope.only_while_named {
            Some(t) => Body::when(&table_exists(t), body),
            None => body,
        };
        let mut s =
            String::from("CREATE PROCEDURE migc_step()\nBEGIN\n  DECLARE attempt INT DEFAULT 0;\n");
        if body.alternatives > 1 {
            s.push_str("  DECLARE algo INT DEFAULT 0;\n");
        }
        s.push_str("  DECLARE done INT DEFAULT 0;\n  WHILE done = 0 DO\n    BEGIN\n");
        if !body.declares.is_empty() {
            s.push_str(&D.indent(&body.declares, "      "));
        }
        s.push_str(&format!(
            "      DECLARE EXIT HANDLER FOR 1205, 1213\n      BEGIN\n        SET attempt = attempt + 1;\n        IF attempt >= COALESCE(@migc_lock_attempts, {}) THEN\n          RESIGNAL;\n        END IF;\n        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));\n      END;\n",
            self.attempts
        ));
        if body.alternatives > 1 {
            s.push_str(&format!(
                "      DECLARE EXIT HANDLER FOR 1845, 1846\n      BEGIN\n        SET algo = algo + 1;\n        IF algo >= {} THEN\n          RESIGNAL;\n        END IF;\n      END;\n",
                body.alternatives
            ));
        }
        if !body.text.is_empty() {
            s.push_str(&D.indent(&body.text, "      "));
        }
        s.push_str("      SET done = 1;\n    END;\n  END WHILE;\nEND");
        let d = migc_stdlib::delimiter_for(&[&s]);
        super::sql::unit(format!(
            "DROP PROCEDURE IF EXISTS migc_step;\nDELIMITER {d}\n{s}{d}\nDELIMITER ;\n{CALL}\nDROP PROCEDURE migc_step;"
        ))
    }
}

/// The statement that runs a program made by [`Mysql::program`].
const CALL: &str = "CALL migc_step();";

/// Runs `before` and `after` around the call of the program `unit` holds (once the procedure
/// is made, before it is dropped: statements that no procedure may be made or dropped between,
/// such as `LOCK TABLES`). False when `unit` holds no program.
pub(super) fn around_call(unit: &mut super::super::Unit, before: &str, after: &str) -> bool {
    let Some((made, dropped)) = unit.sql.split_once(CALL) else {
        return false;
    };
    unit.sql = format!("{made}{before}\n{CALL}\n{after}{dropped}");
    true
}
