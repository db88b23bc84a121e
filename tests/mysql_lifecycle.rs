//! The live-database proof on MariaDB (DESIGN.md §7), the same as for PostgreSQL through the
//! lifecycle harness (`tests/lifecycle/`): every kind of change of `tests/data/plan` and every
//! step of the example chains that plans for MySQL is deployed, seeded and run phase by phase
//! with the old and the new application writing and reading after each phase (every script run
//! twice); it is rolled back from every phase, with every row kept; the backfill also runs batch
//! by batch; the result equals a database built directly from the target, with no helper left.
//! Plus writers of both versions during every phase, a backfill of 100,000 rows under steady
//! inserts, table copies under concurrent writes, plans run through the real `mariadb` client,
//! and a re-parse of every statement with sqlparser.
//!
//! Needs `MIGC_TEST_MYSQL_URL` (e.g. `mysql://root@127.0.0.1:3306/test`); without it the tests
//! print a note and pass, except in CI (`CI=true`) where they fail. Each test makes its own
//! scratch databases and drops them. `MIGC_MYSQL_CASES=a,b` runs only the cases whose name
//! contains one of the words; `MIGC_MYSQL_JOBS` sets how many run at once (default 2).

mod lifecycle;

use lifecycle::engine::{count, scalar, Settings};
use lifecycle::mysql::{run_with_client, MYSQL};
use lifecycle::writers::{
    backfill_under_load, during, during_every_phase, statements, Load, Rng, Step, Writer,
};
use lifecycle::{plan, App, Change, Cx, Db, Expect, Hooks, Phase, Prepared, Server};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Mutex;

/// Cases the MySQL lowering refuses (README.md's MySQL section says so too): any other case
/// that does not plan fails the test, and so does a listed one that plans.
const EXPECT: Expect = Expect {
    seed_rows: 8,
    refused: &[
        (
            "self_reference_rebuilt",
            "a table copy of a table referencing itself",
        ),
        (
            "unique_dedup_up",
            "fills only after the dual-write trigger has run",
        ),
    ],
    known: &[],
};

fn server(test: &str) -> Option<Server> {
    Server::for_test(&MYSQL, test)
}

#[test]
#[cfg_attr(
    not(live_mysql),
    ignore = "needs a MySQL/MariaDB server: set MIGC_TEST_MYSQL_URL"
)]
fn lifecycle_of_every_kind_of_change() {
    let test = "lifecycle_of_every_kind_of_change";
    let Some(server) = server(test) else { return };
    lifecycle::every_change(&server, test, plan::data_cases(), &EXPECT);
}

#[test]
#[cfg_attr(
    not(live_mysql),
    ignore = "needs a MySQL/MariaDB server: set MIGC_TEST_MYSQL_URL"
)]
fn lifecycle_of_example_chains() {
    let test = "lifecycle_of_example_chains";
    let Some(server) = server(test) else { return };
    lifecycle::every_change(&server, test, plan::example_pairs(), &EXPECT);
}

/// The README's promise: `mariadb DB < file` runs every script as-is (DELIMITER and all), up
/// through every phase and down again, and re-running a script is harmless.
#[test]
#[cfg_attr(
    not(live_mysql),
    ignore = "needs a MySQL/MariaDB server: set MIGC_TEST_MYSQL_URL"
)]
fn scripts_run_with_the_mariadb_client() {
    let Some(server) = server("scripts_run_with_the_mariadb_client") else {
        return;
    };
    let work = tempfile::tempdir().expect("tempdir");
    for case in ["split_column", "rename_column", "new_foreign_key"] {
        let c = Change::data(case);
        let (from, to) = (plan::arg(&c.from), plan::arg(&c.to));
        let dir = work.path().join(case);
        let mysql = migc_stdlib::Dialect::Mysql;
        let change =
            plan::plan(&from, &to, mysql, &dir.join("change")).expect("the case plans for MySQL");
        let deploy = plan::plan("empty", &from, mysql, &dir.join("deploy")).expect("v1 plans");
        let scratch = server.scratch(&format!("{case}_client"));
        let client = |f: &std::path::Path, what: &str| {
            run_with_client(&scratch.url, f)
                .unwrap_or_else(|e| panic!("{case}: {what} with the client: {e}"))
        };
        for p in &deploy.phases {
            client(&p.up, "deploy");
        }
        for p in &change.phases {
            client(&p.up, "up");
            client(&p.up, "up again");
        }
        for p in change.phases.iter().rev() {
            client(&p.down, "down");
        }
    }
}

/// Every statement of every MySQL script, split as the `mariadb` client splits it
/// (`DELIMITER`), re-parses with sqlparser's `MySqlDialect`, apart from the kinds
/// `known_unparseable` names (the plain statements of a stored procedure are parsed on their
/// own). Needs no server.
#[test]
fn every_generated_statement_reparses_with_sqlparser() {
    let checked = lifecycle::reparse::every_statement(&lifecycle::reparse::Reader {
        dialect: migc_stdlib::Dialect::Mysql,
        parser: Box::new(sqlparser::dialect::MySqlDialect {}),
        statements: |t| Ok(lifecycle::mysql::statements(t)),
        known: lifecycle::mysql::known_unparseable,
        inner: lifecycle::mysql::procedure_statements,
        refused: &["self_reference_rebuilt", "unique_dedup_up"],
    });
    assert!(checked > 0, "no statement checked");
}

/// A CTE `g(n)` of the numbers `1..=1_000_000`, for seeding without a numbers table (a
/// recursive CTE stops at 1000 rows by default: MariaDB's `max_recursive_iterations`, MySQL's
/// `cte_max_recursion_depth`).
fn numbers() -> String {
    let digits = (0..10)
        .map(|d| format!("SELECT {d}"))
        .collect::<Vec<_>>()
        .join(" UNION ALL ");
    format!(
        "WITH d(n) AS ({digits}), g(n) AS (SELECT 1 + a.n + 10 * b.n + 100 * c.n + 1000 * e.n + 10000 * f.n + 100000 * h.n FROM d a, d b, d c, d e, d f, d h)"
    )
}

/// `change` prepared, and v1 deployed into a scratch database with the rows `seed` inserts.
fn deployed<'a>(
    server: &'a Server,
    change: &Change,
    label: &str,
    seed: &[String],
) -> (Prepared<'a>, Db) {
    let prep =
        Prepared::new(server, change).unwrap_or_else(|e| panic!("planning {}: {e:?}", change.name));
    let db = prep
        .deployed_with(label, seed)
        .unwrap_or_else(|e| panic!("{e}"));
    (prep, db)
}

/// `tests/data/plan/split_column` deployed with 50 accounts and `rows` items (owner `first
/// last`).
fn split_column_deployed<'a>(server: &'a Server, name: &str, rows: u64) -> (Prepared<'a>, Db) {
    let seed = [
        format!("INSERT INTO accounts (name, email) {} SELECT CONCAT('account ', n), CONCAT('a', n, '@example.com') FROM g WHERE n <= 50 ORDER BY n", numbers()),
        format!("INSERT INTO items (account_id, title, amount, note, owner) {} SELECT 1 + n % 50, CONCAT('item ', n), (n % 1000) / 10, IF(n % 4 = 0, NULL, CONCAT('note ', n)), CONCAT('first', n, ' last', n) FROM g WHERE n <= {rows} ORDER BY n", numbers()),
    ];
    deployed(server, &Change::data("split_column"), name, &seed)
}

/// A writer of the split column: an INSERT, an UPDATE of the changing columns, an UPDATE of an
/// unrelated column, in turn, as `app` writes them.
fn split_writer<'a>(app: App, seed: u64, rows: u64) -> Writer<'a> {
    let mut rng = Rng::new(seed);
    Writer {
        app,
        step: statements(move |i| {
            let n = rng.below(1_000_000);
            let (account, row) = (1 + rng.below(50), 1 + rng.below(rows));
            match (app, i % 3) {
                (App::Old, 0) => format!(
                    "INSERT INTO items (account_id, title, amount, note, owner) VALUES ({account}, 'old {n}', {}.{:02}, 'note {n}', 'ann{n} old{n}')",
                    n % 1000,
                    n % 100
                ),
                (App::Old, 1) => format!("UPDATE items SET owner = 'bob{n} older{n}' WHERE id = {row}"),
                (App::New, 0) => format!(
                    "INSERT INTO items (account_id, title, amount, note, first, last) VALUES ({account}, 'new {n}', {}.{:02}, NULL, 'cy{n}', 'new{n}')",
                    n % 1000,
                    n % 100
                ),
                (App::New, 1) => format!("UPDATE items SET first = 'dee{n}', last = 'newer{n}' WHERE id = {row}"),
                (_, _) => format!("UPDATE items SET note = 'touched {n}' WHERE id = {row}"),
            }
        }),
    }
}

/// DESIGN.md §7 on MariaDB: writers of both application versions see no error while any
/// phase's script runs (a column split in two: new columns, a dual-write trigger, a batched
/// backfill, `SET NOT NULL` rebuilt in place, the old column dropped), and every row ends
/// with its values.
#[test]
#[cfg_attr(
    not(live_mysql),
    ignore = "needs a MySQL/MariaDB server: set MIGC_TEST_MYSQL_URL"
)]
fn concurrent_writers_see_no_errors_during_any_phase() {
    let Some(server) = server("concurrent_writers_see_no_errors_during_any_phase") else {
        return;
    };
    let rows = 20_000;
    let (prep, db) = split_column_deployed(&server, "concurrent", rows);
    let load = Load {
        before: 5,
        ..Load::default()
    };
    // Small batches with pauses: the backfill takes a while, with writers in between.
    let mut failures = during_every_phase(
        &db,
        &prep.plan,
        &load,
        &Settings::batches(500, 20),
        |app, seed| split_writer(app, seed, rows),
    );
    let left = count(
        &mut *db.connect(),
        "SELECT count(*) FROM items WHERE first IS NULL OR last IS NULL OR first = ''",
    )
    .unwrap_or(-1);
    if failures.is_empty() && left != 0 {
        failures.push(format!(
            "after all phases {left} rows have no first or last name"
        ));
    }
    assert!(
        failures.is_empty(),
        "concurrent writers saw {} problems:\n  {}",
        failures.len(),
        failures.join("\n  ")
    );
}

/// DESIGN.md §7 on MariaDB: the backfill of 100,000 rows ends while an old-application writer
/// inserts steadily (the dual-write trigger fills its rows), and leaves no row unfilled; the
/// gate checks are then 0 and switch runs.
#[test]
#[cfg_attr(
    not(live_mysql),
    ignore = "needs a MySQL/MariaDB server: set MIGC_TEST_MYSQL_URL"
)]
fn backfill_ends_under_insert_load() {
    let Some(server) = server("backfill_ends_under_insert_load") else {
        return;
    };
    let rows = 100_000;
    let t = std::time::Instant::now();
    let (prep, db) = split_column_deployed(&server, "backfill_load", rows);
    eprintln!(
        "deployed and seeded {rows} rows in {:.1}s",
        t.elapsed().as_secs_f64()
    );
    let writer = Writer {
        app: App::Old,
        step: statements(|n| {
            format!(
                "INSERT INTO items (account_id, title, amount, owner) VALUES (1, 'during backfill {n}', {}.{:02}, 'eve{n} load{n}')",
                n % 1000,
                n % 100
            )
        }),
    };
    let (result, errors) =
        backfill_under_load(&db, &prep.plan, &Settings::batches(5000, 0), writer);
    result.unwrap_or_else(|e| panic!("the backfill did not end well under insert load: {e}"));
    assert!(
        errors.is_empty(),
        "the writer saw errors during the backfill: {errors:?}"
    );
    let mut conn = db.connect();
    let mut n = |sql: &str| count(&mut *conn, sql).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        n("SELECT count(*) FROM items WHERE first IS NULL OR last IS NULL"),
        0,
        "rows left unfilled after the backfill"
    );
    assert_eq!(
        n("SELECT count(*) FROM items WHERE CONCAT(first, ' ', last) <> owner"),
        0,
        "rows whose new columns disagree with the old one"
    );
    for check in prep.plan.gate_checks("switch") {
        assert_eq!(n(&check), 0, "gate check before switch: {check}");
    }
    let switch = prep.plan.phase("switch").expect("a switch phase");
    db.run(&switch.up)
        .unwrap_or_else(|e| panic!("switch up after the backfill: {e}"));
}

// What each writer meant the accounts it touched to hold at the end (`None`: deleted). The
// writers touch disjoint seeded accounts (their id modulo 3), so their intents compose.
type Account = Option<(String, String)>;
type Intent = BTreeMap<u64, Account>;

/// One of three writers of `accounts` and `items` (inserting, renaming, deleting and inserting
/// again under the same key), keeping its intent.
fn account_writer<'a>(w: u64, seeded: u64, intent: &'a Mutex<Intent>) -> Writer<'a> {
    let mut deleted: Option<u64> = None;
    let step: Step<'a> = Box::new(move |c, i| {
        let mut intent = intent.lock().unwrap_or_else(|e| e.into_inner());
        let k = w * 1_000_000 + i;
        let target = 1 + ((i * 7919) % (seeded / 3)) * 3 + w;
        let (sql, after): (String, Option<(u64, Account)>) = match i % 6 {
            0 => (format!("INSERT INTO accounts (name, email) VALUES ('w{k}', 'w{k}@example.com')"), None),
            1 => (format!("INSERT INTO items (account_id, title, amount) VALUES ((SELECT max(id) FROM accounts), 'w{k}', 2)"), None),
            2 if intent.get(&target) == Some(&None) => (format!("DELETE FROM items WHERE id = {target}"), None),
            2 => {
                let email = match intent.get(&target) {
                    Some(Some((_, e))) => e.clone(),
                    _ => format!("a{target}@example.com"),
                };
                (
                    format!("UPDATE accounts SET name = 'renamed {k}' WHERE id = {target}"),
                    Some((target, Some((format!("renamed {k}"), email)))),
                )
            }
            3 => (format!("DELETE FROM items WHERE id = {target}"), None),
            4 => (format!("DELETE FROM accounts WHERE id = {target}"), Some((target, None))),
            // Every other account deleted comes back under its key.
            _ => match deleted.take().filter(|_| (i / 6) % 2 == 0) {
                Some(id) => (
                    format!("INSERT INTO accounts (id, name, email) VALUES ({id}, 'back {k}', 'back{id}@example.com')"),
                    Some((id, Some((format!("back {k}"), format!("back{id}@example.com"))))),
                ),
                None => (format!("DELETE FROM items WHERE id = {target}"), None),
            },
        };
        c.execute(&sql).map_err(|e| (e.to_string(), sql.clone()))?;
        if i % 6 == 0 {
            let id = scalar(c, "SELECT LAST_INSERT_ID()")
                .ok()
                .flatten()
                .and_then(|v| v.parse().ok())
                .unwrap_or_default();
            intent.insert(id, Some((format!("w{k}"), format!("w{k}@example.com"))));
        }
        if let Some((id, row)) = after {
            if i % 6 == 4 && intent.get(&id) != Some(&None) {
                deleted = Some(id);
            }
            intent.insert(id, row);
        }
        Ok(())
    });
    Writer {
        app: App::Old,
        step,
    }
}

/// Three account writers while `run` runs: what it returned, every error the writers met, and
/// the rows they left in `accounts`, seeded `account <n>` rows included.
#[allow(clippy::type_complexity)]
fn under_account_writers(
    db: &Db,
    plan: &plan::Plan,
    seeded: u64,
    run: impl FnOnce() -> Result<(), String>,
) -> (Result<(), String>, Vec<String>, Vec<(u64, String, String)>) {
    let intents: Vec<Mutex<Intent>> = (0..3).map(|_| Mutex::new(Intent::new())).collect();
    let writers = intents
        .iter()
        .enumerate()
        .map(|(w, intent)| account_writer(w as u64, seeded, intent))
        .collect();
    let load = Load {
        before: 12,
        at_least: 60,
        ..Load::default()
    };
    let (result, logs) = during(db, plan, &load, writers, run);
    let errors = logs
        .iter()
        .flat_map(|l| l.problems("the script ran"))
        .collect();
    let mut expected: Intent = (1..=seeded)
        .map(|n| {
            (
                n,
                Some((format!("account {n}"), format!("a{n}@example.com"))),
            )
        })
        .collect();
    for intent in intents {
        expected.extend(intent.into_inner().unwrap_or_else(|e| e.into_inner()));
    }
    let expected = expected
        .into_iter()
        .filter_map(|(id, row)| row.map(|(name, email)| (id, name, email)))
        .collect();
    (result, errors, expected)
}

/// Fails unless `accounts` holds exactly `expected`.
fn assert_accounts(db: &Db, expected: &[(u64, String, String)], what: &str) {
    let actual: Vec<(u64, String, String)> = db
        .connect()
        .query("SELECT id, name, email FROM accounts ORDER BY id")
        .expect("reading accounts")
        .into_iter()
        .map(|r| {
            let v = |i: usize| r[i].clone().unwrap_or_default();
            (v(0).parse().unwrap_or_default(), v(1), v(2))
        })
        .collect();
    if actual != expected {
        let (a, e): (BTreeSet<_>, BTreeSet<_>) =
            (actual.iter().collect(), expected.iter().collect());
        panic!(
            "{what}: `accounts` does not hold what the writers left: {} rows, {} expected; unexpected {:?}; missing {:?}",
            actual.len(),
            expected.len(),
            a.difference(&e).take(10).collect::<Vec<_>>(),
            e.difference(&a).take(10).collect::<Vec<_>>()
        );
    }
}

/// `change` deployed with `seeded` accounts, each with an item.
fn seeded_accounts<'a>(
    server: &'a Server,
    change: &Change,
    label: &str,
    seeded: u64,
) -> (Prepared<'a>, Db) {
    let seed = [
        format!("INSERT INTO accounts (name, email) {} SELECT CONCAT('account ', n), CONCAT('a', n, '@example.com') FROM g WHERE n <= {seeded} ORDER BY n", numbers()),
        format!("INSERT INTO items (account_id, title, amount) {} SELECT n, CONCAT('item ', n), 1 FROM g WHERE n <= {seeded} ORDER BY n", numbers()),
    ];
    deployed(server, change, label, &seed)
}

fn count_in(db: &Db, sql: &str) -> i64 {
    count(&mut *db.connect(), sql).unwrap_or_else(|e| panic!("{e}"))
}

/// The online table copy under load on MariaDB: while `accounts` (referenced by `items`, with
/// `ON DELETE CASCADE`) is copied to take an enum member before the last one, writers insert
/// accounts and items referencing them, rename accounts, delete items, and delete accounts and
/// insert them again under the same key. None sees an error (a deadlock included), the table
/// ends with exactly the rows the writers left (none lost, none deleted coming back, none
/// stale), and the referencing key ends on the new table, still cascading.
#[test]
#[cfg_attr(
    not(live_mysql),
    ignore = "needs a MySQL/MariaDB server: set MIGC_TEST_MYSQL_URL"
)]
fn a_table_copy_under_concurrent_writes_loses_nothing() {
    let Some(server) = server("a_table_copy_under_concurrent_writes_loses_nothing") else {
        return;
    };
    let seeded = 20_000u64;
    let (prep, db) = seeded_accounts(
        &server,
        &Change::data("enum_add_value"),
        "copy_load",
        seeded,
    );
    let expand = &prep.plan.phases[0];
    let (script, errors, expected) = under_account_writers(&db, &prep.plan, seeded, || {
        db.run_with(&expand.up, &Settings::batches(500, 10))
    });
    script.unwrap_or_else(|e| panic!("expand up under writers: {e}"));
    assert!(
        errors.is_empty(),
        "writers saw errors during the copy: {errors:?}"
    );
    assert_accounts(&db, &expected, "after the copy");
    assert_eq!(
        count_in(&db, "SELECT count(*) FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = 'items' AND REFERENCED_TABLE_NAME = 'accounts'"),
        1,
        "the key of items names accounts once"
    );
    assert_eq!(
        count_in(&db, "SELECT count(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME LIKE '%\\_\\_migc%'"),
        0
    );
    // The key still cascades from the new table.
    let mut c = db.connect();
    c.execute("DELETE FROM accounts WHERE id = 1")
        .expect("delete");
    assert_eq!(
        count_in(&db, "SELECT count(*) FROM items WHERE account_id = 1"),
        0
    );
    c.execute(
        "INSERT INTO accounts (name, email, state) VALUES ('new', 'new@example.com', 'suspended')",
    )
    .expect("the new member");
}

/// The copy in phases under load on MariaDB: a check added to `accounts` (referenced by
/// `items`, with `ON DELETE CASCADE`) copies the table in expand, fills it in backfill and
/// swaps it in at switch, keeping the old table in step until contract. Writers insert, rename,
/// delete and re-insert accounts and items all through expand, backfill, switch and the
/// rollback of switch, and see no error; after the rollback the old table holds exactly the
/// rows they left, those written after the swap included. Switch again and contract: the copy
/// holds them, the key of `items` names `accounts` and cascades, the check holds, no helper is
/// left.
#[test]
#[cfg_attr(
    not(live_mysql),
    ignore = "needs a MySQL/MariaDB server: set MIGC_TEST_MYSQL_URL"
)]
fn a_copy_in_phases_under_concurrent_writes_rolls_back_from_switch_losing_nothing() {
    let Some(server) =
        server("a_copy_in_phases_under_concurrent_writes_rolls_back_from_switch_losing_nothing")
    else {
        return;
    };
    let work = tempfile::tempdir().expect("tempdir");
    let from = plan::root().join("tests/data/plan/new_check/from");
    let to = work.path().join("to");
    std::fs::create_dir_all(&to).expect("mkdir");
    for entry in std::fs::read_dir(&from).expect("from") {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("read");
        let text = text.replacen(
            "  email      text        not null unique\n",
            "  email      text        not null unique\n  check accounts_name_present (char_length(name) > 0)\n",
            1,
        );
        std::fs::write(to.join(path.file_name().expect("name")), text).expect("write");
    }
    let change = Change {
        name: "copy_in_phases".into(),
        from,
        to,
    };
    let seeded = 20_000u64;
    let (prep, db) = seeded_accounts(&server, &change, "copy_phases_load", seeded);
    assert_eq!(
        prep.plan.ops(),
        [
            "add_check",
            "copy_create",
            "copy_fill",
            "copy_swap",
            "validate_constraint",
            "copy_drop_old"
        ],
        "the check is added by a copy in phases"
    );
    let [expand, backfill, switch, contract] = &prep.plan.phases[..] else {
        panic!("four phases")
    };
    let swapped = "SELECT count(*) FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'accounts' AND CONSTRAINT_NAME = 'accounts_name_present'";
    let (script, errors, expected) = under_account_writers(&db, &prep.plan, seeded, || {
        let batches = Settings::batches(500, 10);
        db.run_with(&expand.up, &batches)?;
        db.run_with(&backfill.up, &batches)?;
        db.run_with(&switch.up, &batches)?;
        if count_in(&db, swapped) != 1 {
            return Err("switch did not swap the copy in".into());
        }
        // Let the writers go on against the copy for a while.
        std::thread::sleep(std::time::Duration::from_millis(500));
        db.run_with(&switch.down, &batches)
    });
    script.unwrap_or_else(|e| panic!("the phases under writers: {e}"));
    assert!(
        errors.is_empty(),
        "writers saw errors during the copy: {errors:?}"
    );
    assert_eq!(
        count_in(&db, swapped),
        0,
        "switch's rollback puts the old table back"
    );
    assert_accounts(&db, &expected, "after the rollback of switch");
    db.run(&switch.up)
        .unwrap_or_else(|e| panic!("switch again: {e}"));
    db.run(&contract.up)
        .unwrap_or_else(|e| panic!("contract: {e}"));
    assert_accounts(&db, &expected, "after contract");
    assert_eq!(
        count_in(&db, "SELECT count(*) FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = 'items' AND CONSTRAINT_NAME = 'items_account_id_fkey' AND REFERENCED_TABLE_NAME = 'accounts'"),
        1,
        "the key of items names accounts under its own name"
    );
    assert_eq!(
        count_in(&db, "SELECT count(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME LIKE '%\\_\\_migc%'"),
        0,
        "no helper table is left"
    );
    assert_eq!(
        count_in(
            &db,
            "SELECT count(*) FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE()"
        ),
        0,
        "no trigger is left"
    );
    let mut c = db.connect();
    c.execute("DELETE FROM accounts WHERE id = 2")
        .expect("delete");
    assert_eq!(
        count_in(&db, "SELECT count(*) FROM items WHERE account_id = 2"),
        0,
        "the key cascades from the copy"
    );
    let refused = c.execute("INSERT INTO accounts (name, email) VALUES ('', 'e@example.com')");
    assert!(refused.is_err(), "the check holds on the copy");
}

/// The hooks of the partial unique index: the rule holds after every phase and every rollback,
/// seen by the application that runs then.
struct OneDefaultAddress;

impl OneDefaultAddress {
    /// A second default address of user 1 is refused, non-default ones are not, and the key
    /// of `addresses` references `users`. Takes address ids from `next`.
    fn holds(cx: &mut Cx<'_>, app: App, at: &str, next: &mut u64) -> Result<(), String> {
        let c = cx.sessions.get(app).conn();
        let id = *next;
        *next += 10;
        let second = c.execute(&format!(
            "INSERT INTO addresses (id, user_id, is_default) VALUES ({id}, 1, TRUE)"
        ));
        match second {
            Ok(()) => {
                return Err(format!(
                    "{at}: a second default address of user 1 is accepted"
                ))
            }
            Err(e) if e.code.as_deref() != Some("1062") => return Err(format!("{at}: {e}")),
            Err(_) => {}
        }
        c.execute(&format!(
            "INSERT INTO addresses (id, user_id, is_default) VALUES ({id}, 1, FALSE), ({}, 1, FALSE)",
            id + 1
        ))
        .map_err(|e| format!("{at}: non-default addresses are limited: {e}"))?;
        // The catalog of the application's database (the session may have selected its
        // version's).
        let parent = scalar(
            &mut *cx.admin,
            "SELECT REFERENCED_TABLE_NAME FROM information_schema.REFERENTIAL_CONSTRAINTS \
             WHERE CONSTRAINT_SCHEMA = DATABASE() AND CONSTRAINT_NAME = 'addresses_user_id_fkey'",
        )?;
        if parent.as_deref() != Some("users") {
            return Err(format!("{at}: the key references {parent:?}, not `users`"));
        }
        Ok(())
    }
}

impl Hooks for OneDefaultAddress {
    type State = u64;

    fn seed(&self, cx: &mut Cx<'_>) -> Result<u64, String> {
        let c = cx.sessions.old.conn();
        c.execute(
            "INSERT INTO users (id, email) VALUES (1, 'ann@example.com'), (2, 'bob@example.com')",
        )
        .map_err(|e| e.to_string())?;
        c.execute("INSERT INTO addresses (id, user_id, is_default) VALUES (1, 1, TRUE), (2, 1, FALSE), (3, 2, TRUE)")
            .map_err(|e| e.to_string())?;
        let mut next = 10;
        Self::holds(cx, App::Old, "deployed", &mut next)?;
        Ok(next)
    }

    fn after_phase(&self, cx: &mut Cx<'_>, next: &mut u64, phase: &Phase) -> Vec<String> {
        let mut problems = Vec::new();
        if phase.name == "expand" && cx.run == lifecycle::run::Run::Forward {
            let switch = cx.prep.plan.phase("switch").expect("a switch phase");
            match cx.db.run(&switch.up) {
                Ok(()) => {
                    problems.push("switch swaps in a copy the backfill has not filled".into())
                }
                Err(e)
                    if e.contains(
                        "the copy of users is not filled yet: run the backfill phase first",
                    ) => {}
                Err(e) => problems.push(format!("switch too early fails otherwise: {e}")),
            }
        }
        if let Err(e) = Self::holds(cx, App::New, &format!("after {}", phase.name), next) {
            problems.push(e);
        }
        if phase.name == "contract" {
            let c = cx.sessions.new.conn();
            if c.execute("INSERT INTO users (id, email) VALUES (3, 'x')")
                .is_ok()
            {
                problems.push("the new check does not hold on the copy".into());
            }
            match c.query("SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME LIKE '%migc%'") {
                Ok(left) if left.is_empty() => {}
                other => problems.push(format!("helper tables are left: {other:?}")),
            }
        }
        problems
    }

    fn after_down(&self, cx: &mut Cx<'_>, next: &mut u64, phase: &Phase) -> Vec<String> {
        Self::holds(cx, App::Old, &format!("{} rolled back", phase.name), next)
            .err()
            .into_iter()
            .collect()
    }

    fn after_rollback(&self, cx: &mut Cx<'_>, next: &mut u64, from: &Phase) -> Vec<String> {
        let mut problems = Vec::new();
        if let Err(e) = Self::holds(
            cx,
            App::Old,
            &format!("rolled back from {}", from.name),
            next,
        ) {
            problems.push(e);
        }
        if from.name == "contract" {
            let c = cx.sessions.old.conn();
            let kept = c
                .execute("DELETE FROM users WHERE id = 1")
                .and_then(|()| c.query("SELECT id, user_id FROM addresses ORDER BY id"));
            let kept: Vec<Vec<Option<String>>> = kept.unwrap_or_default();
            let pairs: Vec<(String, String)> = kept
                .into_iter()
                .map(|r| {
                    (
                        r[0].clone().unwrap_or_default(),
                        r[1].clone().unwrap_or_default(),
                    )
                })
                .collect();
            if pairs != [("3".to_string(), "2".to_string())] {
                problems.push(format!(
                    "deleting user 1 does not delete just its addresses: {pairs:?} left"
                ));
            }
        }
        problems
    }
}

/// A unique partial index holds among the rows its predicate selects, and a table another one
/// references through a cascading key over that index's column is copied online: the index
/// keeps the key column plain (its predicate sits in a generated marker column), so the key
/// moves to the copy in place. After every phase and every phase's rollback (the harness's
/// runs), a second default address of a user is refused, non-default ones are not, and the key
/// names `users`; switch refuses to run before the backfill; after contract the new check holds
/// and no helper table is left; after rolling back from contract, deleting a user still deletes
/// its addresses.
#[test]
#[cfg_attr(
    not(live_mysql),
    ignore = "needs a MySQL/MariaDB server: set MIGC_TEST_MYSQL_URL"
)]
fn a_unique_partial_index_holds_through_a_copy_of_the_table_its_cascading_key_references() {
    let Some(server) = server(
        "a_unique_partial_index_holds_through_a_copy_of_the_table_its_cascading_key_references",
    ) else {
        return;
    };
    let tmp = tempfile::tempdir().expect("tmp");
    let addresses = "table addresses {\n  id bigint primary key\n  \
        user_id bigint not null references users(id) on delete cascade\n  \
        is_default bool not null default false\n  \
        unique index addresses_one_default (user_id) where is_default\n}\n";
    let users = |check: &str| {
        format!("table users {{\n  id bigint primary key\n  email varchar(100) not null{check}\n}}\n{addresses}")
    };
    let change = Change::inline(
        "partial_unique_copy",
        tmp.path(),
        &users(""),
        &users(" check (char_length(email) > 3)"),
    );
    let prep = Prepared::new(&server, &change).unwrap_or_else(|e| panic!("{e:?}"));
    let names: Vec<&str> = prep.plan.phases.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["expand", "backfill", "switch", "contract"]);
    let swap = std::fs::read_to_string(&prep.plan.phases[2].up).expect("switch");
    assert!(
        swap.contains("RENAME TABLE `users` TO `users__migc_swap`, `users__migc` TO `users`, `users__migc_back` TO `users__migc`, `users__migc_swap` TO `users__migc_back`;"),
        "the check is added through a copy of `users` swapped in at switch:\n{swap}"
    );
    let failures = prep.run(&OneDefaultAddress).failures(&[]);
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
