//! The lifecycle of one planned change on a live database: deploy the `from` schema, seed it,
//! run every phase with both application versions writing, roll back from every phase, and
//! compare the result with a database built directly from the `to` schema.

use super::apps::{self, Counters, Direction, Profile, Row, Shape, Written};
use super::catalog::{self, Catalog};
use super::db::{psql, ScratchDb, Server};
use super::plan::{self, Plan, Transitions};
use postgres::Client;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Rows seeded into every table of the deployed database.
pub const SEED_ROWS: usize = 20;

/// A change to test: the directories of its two schemas.
#[derive(Clone, Debug)]
pub struct Case {
    pub name: String,
    pub from: PathBuf,
    pub to: PathBuf,
}

/// Everything built once per case: the plans, both catalogs and shapes, and the deployed
/// database (seeded), which every run copies.
pub struct Prepared {
    pub case: Case,
    _work: tempfile::TempDir,
    pub plan: Plan,
    pub transitions: Transitions,
    pub deployed: Catalog,
    pub target: Catalog,
    pub old: Shape,
    pub new: Shape,
    pub counters: Counters,
    pub template: ScratchDb,
}

/// Why a case was not run to the end.
#[derive(Debug)]
pub enum Outcome {
    /// `migc plan` refused the change (examples the planner cannot plan yet).
    NotPlanned(String),
    /// The harness could not set the case up (deploying or seeding failed).
    Setup(String),
}

fn run_ups(url: &str, plan: &Plan, what: &str) -> Result<(), String> {
    for p in &plan.phases {
        psql(url, &p.up, None).map_err(|e| format!("{what}: {} up: {e}", p.name))?;
    }
    Ok(())
}

/// Labels of `cat`'s enums that `other`'s same-named enum lacks (the first per enum).
fn new_labels(cat: &Catalog, other: &Catalog) -> BTreeMap<String, String> {
    cat.enums
        .iter()
        .filter_map(|(e, labels)| {
            let theirs = other.enums.get(e)?;
            labels
                .iter()
                .find(|l| !theirs.contains(l))
                .map(|l| (e.clone(), l.clone()))
        })
        .collect()
}

pub fn prepare(server: &Server, case: &Case) -> Result<Prepared, Outcome> {
    let started = std::time::Instant::now();
    super::db::trace("prepare starts", started);
    let work = tempfile::tempdir().map_err(|e| Outcome::Setup(format!("tempdir: {e}")))?;
    let s = |p: &Path| p.to_string_lossy().to_string();
    let plan = plan::plan(&s(&case.from), &s(&case.to), &work.path().join("plan"))
        .map_err(Outcome::NotPlanned)?;
    let deploy = plan::plan("empty", &s(&case.from), &work.path().join("deploy"))
        .map_err(|e| Outcome::Setup(format!("planning the deployed schema: {e}")))?;
    let build_target = plan::plan("empty", &s(&case.to), &work.path().join("target"))
        .map_err(|e| Outcome::Setup(format!("planning the target schema: {e}")))?;
    let from_schema = plan::snapshot(&case.from).map_err(Outcome::Setup)?;
    let to_schema = plan::snapshot(&case.to).map_err(Outcome::Setup)?;
    let transitions = Transitions::new(&from_schema, &to_schema);

    // The database built directly from the target: the reference catalog, and the profiles
    // that the new application's rows satisfy.
    let target_db = ScratchDb::create(server, &format!("{}_target", case.name));
    run_ups(
        &target_db.url,
        &build_target,
        "building the target directly",
    )
    .map_err(Outcome::Setup)?;
    let mut client = target_db.connect();
    let target = catalog::read(&mut client).map_err(Outcome::Setup)?;

    let template = ScratchDb::create(server, &format!("{}_deployed", case.name));
    run_ups(&template.url, &deploy, "deploying the from schema").map_err(Outcome::Setup)?;
    let mut tclient = template.connect();
    let deployed = catalog::read(&mut tclient).map_err(Outcome::Setup)?;

    super::db::trace("plans, snapshots, target and deployed built", started);
    let mut new_cat = target.clone();
    apps::borrow_deployed_keys(&mut new_cat, &deployed, &transitions);
    let mut new = Shape::new("new app", new_cat);
    new.prefer = new_labels(&target, &deployed);
    apps::seed(&mut client, &mut new, &mut Counters::default(), 3)
        .map_err(|e| Outcome::Setup(format!("seeding the target database: {e}")))?;
    drop(client);
    super::db::trace("target seeded", started);
    drop(target_db);

    let mut old_cat = deployed.clone();
    apps::borrow_target_keys(&mut old_cat, &target, &transitions);
    let mut old = Shape::new("old app", old_cat);
    for (e, renames) in &transitions.enum_renames {
        if let Some(label) = renames.keys().next() {
            old.prefer.insert(e.clone(), label.clone());
        }
    }
    old.canon = transitions.tables.clone();
    old.avoid = transitions.enum_drops.clone();
    let mut counters = Counters::default();
    apps::seed(&mut tclient, &mut old, &mut counters, SEED_ROWS)
        .map_err(|e| Outcome::Setup(format!("seeding the deployed database: {e}")))?;
    drop(tclient);
    super::db::trace("deployed seeded", started);
    Ok(Prepared {
        case: case.clone(),
        _work: work,
        plan,
        transitions,
        deployed,
        target,
        old,
        new,
        counters,
        template,
    })
}

/// Both applications' round (only the new one's when `old_too` is false), then, when `check`
/// is set, every row read in the other shape. Statement failures do not stop the round; they
/// are returned with the rows.
fn round_both(
    client: &mut Client,
    prep: &Prepared,
    counters: &mut Counters,
    round: usize,
    old_too: bool,
    check: bool,
) -> (Vec<Written>, Vec<String>) {
    let mut written = Vec::new();
    let mut errors = Vec::new();
    if old_too {
        let (w, e) = apps::round(client, &prep.old, counters, round);
        written.extend(w);
        errors.extend(e);
    }
    let (w, e) = apps::round(client, &prep.new, counters, round);
    written.extend(w);
    errors.extend(e);
    if check && old_too {
        for w in &written {
            let dir = if w.app == "old app" {
                Direction::Up
            } else {
                Direction::Down
            };
            if let Err(e) =
                apps::check_projection(client, w, &prep.old, &prep.new, &prep.transitions, dir)
            {
                errors.push(e);
            }
        }
    }
    (written, errors)
}

fn rerun_changes_nothing(client: &mut Client, url: &str, script: &Path) -> Result<(), String> {
    let cat = catalog::read(client)?;
    let data = catalog::data_fingerprint(client)?;
    psql(url, script, None).map_err(|e| format!("re-running it failed: {e}"))?;
    let cat2 = catalog::read(client)?;
    let data2 = catalog::data_fingerprint(client)?;
    let diffs = catalog::diff(&cat, &cat2);
    if !diffs.is_empty() {
        return Err(format!(
            "re-running it changed the schema:\n{}",
            catalog::describe(&diffs)
        ));
    }
    let changed: Vec<String> = data
        .iter()
        .filter(|(t, f)| data2.get(*t) != Some(f))
        .map(|(t, f)| format!("{t}: {f} -> {:?}", data2.get(t)))
        .collect();
    if !changed.is_empty() {
        return Err(format!(
            "re-running it changed rows: {}",
            changed.join("; ")
        ));
    }
    Ok(())
}

/// Every row of every table of a shape, enum labels renamed as the target names them.
fn snapshot_rows(
    client: &mut Client,
    cat: &Catalog,
    tr: &Transitions,
) -> Result<BTreeMap<String, BTreeMap<String, Row>>, String> {
    let mut out = BTreeMap::new();
    for (name, t) in &cat.tables {
        let mut rows = apps::read_all(client, cat, name)?;
        for row in rows.values_mut() {
            for c in &t.columns {
                if let (true, Some(m)) = (c.is_enum, tr.enum_renames.get(&c.ty)) {
                    if let Some(Some(v)) = row.get_mut(&c.name) {
                        if let Some(n) = m.get(v.as_str()) {
                            *v = n.clone();
                        }
                    }
                }
            }
        }
        out.insert(name.clone(), rows);
    }
    Ok(out)
}

/// Rows of `expected` that `actual` lacks or holds differently (columns in `skip` not compared;
/// rows in `exists_only`, by table and key text, only looked for).
fn compare_rows(
    expected: &BTreeMap<String, BTreeMap<String, Row>>,
    actual: &BTreeMap<String, BTreeMap<String, Row>>,
    skip: &BTreeSet<(String, String)>,
    exists_only: &BTreeSet<(String, String)>,
) -> Vec<String> {
    let mut out = Vec::new();
    for (table, rows) in expected {
        if skip.contains(&(table.clone(), "*".to_string())) {
            continue;
        }
        let Some(now) = actual.get(table) else {
            out.push(format!(
                "table {table} and its {} rows are gone",
                rows.len()
            ));
            continue;
        };
        for (pk, row) in rows {
            match now.get(pk) {
                None => out.push(format!(
                    "{table} row {pk} is gone (was {})",
                    apps::show(row)
                )),
                Some(_) if exists_only.contains(&(table.clone(), pk.clone())) => {}
                Some(r) => {
                    let wrong: Vec<String> = row
                        .iter()
                        .filter(|(c, _)| !skip.contains(&(table.clone(), (*c).clone())))
                        .filter(|(c, v)| r.get(*c) != Some(v))
                        .map(|(c, v)| {
                            format!("{c}: was {v:?}, now {:?}", r.get(c).cloned().flatten())
                        })
                        .collect();
                    if !wrong.is_empty() {
                        out.push(format!("{table} row {pk}: {}", wrong.join("; ")));
                    }
                }
            }
        }
    }
    out
}

fn first_lines(items: &[String], n: usize) -> String {
    let mut s: Vec<String> = items
        .iter()
        .take(n)
        .map(|i| format!("      - {i}"))
        .collect();
    if items.len() > n {
        s.push(format!("      ... and {} more", items.len() - n));
    }
    s.join("\n")
}

/// Forward run: every phase in order, both applications after each (only the new one after
/// contract), each up script re-run, then the result compared with the target.
pub fn forward(server: &Server, prep: &Prepared) -> Result<(), String> {
    let db = ScratchDb::copy_of(server, &prep.template, &format!("{}_fwd", prep.case.name));
    let mut client = db.connect();
    let mut counters = prep.counters.clone();
    let mut errors = Vec::new();
    let phases = &prep.plan.phases;
    for (i, phase) in phases.iter().enumerate() {
        let contract = phase.name == "contract";
        let before = if contract {
            Some(
                snapshot_rows(&mut client, &prep.target, &prep.transitions)
                    .map_err(|e| format!("before contract, reading the new shape: {e}"))?,
            )
        } else {
            None
        };
        if phase.name == "backfill" {
            // The executor's form first, in small batches; the script then finds nothing left.
            drive_batches(&mut client, &prep.plan, 3)
                .map_err(|e| format!("backfill in batches: {e}"))?;
        }
        psql(&db.url, &phase.up, None).map_err(|e| format!("{} up: {e}", phase.name))?;
        rerun_changes_nothing(&mut client, &db.url, &phase.up)
            .map_err(|e| format!("{} up, run twice: {e}", phase.name))?;
        if let Some(before) = before {
            let after = snapshot_rows(&mut client, &prep.target, &prep.transitions)
                .map_err(|e| format!("after contract, reading the new shape: {e}"))?;
            // A column changing type in place gets its new type at contract (the plan says
            // so, W3004): its text may change with it.
            let retyped: BTreeSet<(String, String)> = prep
                .target
                .tables
                .iter()
                .flat_map(|(t, table)| {
                    table.columns.iter().filter_map(move |c| {
                        let deployed = prep.deployed.tables.get(t)?.column(&c.name)?;
                        (deployed.ty != c.ty).then(|| (t.clone(), c.name.clone()))
                    })
                })
                .collect();
            let lost = compare_rows(&before, &after, &retyped, &BTreeSet::new());
            if !lost.is_empty() {
                return Err(format!(
                    "contract changed rows of the new shape:\n{}",
                    first_lines(&lost, 8)
                ));
            }
        }
        let t = std::time::Instant::now();
        let (_, e) = round_both(&mut client, prep, &mut counters, i, !contract, true);
        errors.extend(e.into_iter().map(|e| format!("after {}: {e}", phase.name)));
        super::db::trace("forward: app rounds", t);
    }
    let cat = catalog::read(&mut client)?;
    let diffs = catalog::diff(&prep.target, &cat);
    if !diffs.is_empty() {
        errors.push(format!(
            "after all phases the schema differs from one built directly from the target:\n{}",
            catalog::describe(&diffs)
        ));
    }
    let left = catalog::leftovers(&cat, &prep.target);
    if !left.is_empty() {
        errors.push(format!(
            "helper objects left after contract: {}",
            left.join(", ")
        ));
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors.join("\n\n"))
    }
}

/// Runs every backfill of the plan the way an executor does (`Batch` in the manifest): batch by
/// batch, each in its own transaction, walking the key; then checks that the batches covered
/// every row (their `remaining` count is 0) and that running one more pass changes nothing.
fn drive_batches(client: &mut Client, plan: &Plan, limit: usize) -> Result<(), String> {
    use migc_planner::dialect::Batch;
    use migc_runner::backfill::{after, upto};
    use migc_stdlib::Dialect::Postgres;
    let batches: Vec<Batch> = plan.manifest["phases"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|p| p["steps"].as_array().cloned().unwrap_or_default())
        .filter_map(|s| s.get("backfill").cloned())
        .map(|b| serde_json::from_value(b).map_err(|e| format!("a batch form: {e}")))
        .collect::<Result<_, _>>()?;
    for b in &batches {
        let mut last: Option<Vec<String>> = None;
        let mut batches_run = 0;
        loop {
            // The placeholders as `migc apply` writes them.
            let after = after(Postgres, b, last.as_deref());
            let mut tx = client.transaction().map_err(|e| e.to_string())?;
            for s in &b.setup {
                tx.batch_execute(s).map_err(|e| format!("{s}: {e}"))?;
            }
            let next = b
                .next
                .replace("{after}", &after)
                .replace("{limit}", &limit.to_string());
            let rows: Vec<Vec<String>> = tx
                .simple_query(&next)
                .map_err(|e| format!("{next}: {e}"))?
                .into_iter()
                .filter_map(|m| match m {
                    postgres::SimpleQueryMessage::Row(r) => Some(
                        (0..r.len())
                            .map(|i| r.get(i).unwrap_or_default().to_string())
                            .collect(),
                    ),
                    _ => None,
                })
                .collect();
            let Some(end) = rows.last() else {
                break;
            };
            let fill = b
                .fill
                .replace("{after}", &after)
                .replace("{upto}", &upto(Postgres, b, end));
            tx.batch_execute(&fill)
                .map_err(|e| format!("{fill}: {e}"))?;
            for s in &b.teardown {
                tx.batch_execute(s).map_err(|e| format!("{s}: {e}"))?;
            }
            tx.commit().map_err(|e| e.to_string())?;
            last = Some(end.clone());
            batches_run += 1;
        }
        let left: i64 = client
            .query_one(b.remaining.trim_end_matches(';'), &[])
            .map_err(|e| format!("{}: {e}", b.remaining))?
            .get(0);
        if left != 0 {
            return Err(format!(
                "{left} rows of `{}` still to fill after {batches_run} batches",
                b.table
            ));
        }
    }
    Ok(())
}

/// Backticked names in what the manifest says a rollback loses.
fn declared_losses(plan: &Plan, phases: &[String]) -> Vec<Vec<String>> {
    phases
        .iter()
        .flat_map(|p| plan.rollback_loses(p))
        .map(|s| {
            s.split('`')
                .skip(1)
                .step_by(2)
                .map(str::to_string)
                .collect()
        })
        .collect()
}

/// Rollbacks from every phase, in one database while they succeed (each starting from the state
/// the previous rollback returned to, which also shows that a rolled-back change can be applied
/// again), in a fresh copy of the deployed database after a failure.
pub fn rollbacks(server: &Server, prep: &Prepared) -> Vec<Result<Vec<String>, String>> {
    let mut out = Vec::new();
    let mut current: Option<(ScratchDb, Client)> = None;
    let mut counters = prep.counters.clone();
    for upto in 0..prep.plan.phases.len() {
        let (db, client) = current.get_or_insert_with(|| {
            let db = ScratchDb::copy_of(
                server,
                &prep.template,
                &format!("{}_rb{upto}", prep.case.name),
            );
            let client = db.connect();
            (db, client)
        });
        let result = rollback(db, client, prep, &mut counters, upto);
        if result.is_err() {
            current = None;
        }
        out.push(result);
    }
    out
}

/// Rollback from one phase: phases up to `upto` (index), both applications writing after
/// each, then the down scripts in reverse order (each re-run), then schema and rows compared
/// with the deployed database. Returns notes about declared losses.
pub fn rollback(
    db: &ScratchDb,
    client: &mut Client,
    prep: &Prepared,
    counters: &mut Counters,
    upto: usize,
) -> Result<Vec<String>, String> {
    let mut app_errors = Vec::new();
    let result = rollback_steps(db, client, prep, counters, upto, &mut app_errors);
    match result {
        Ok(notes) if app_errors.is_empty() => Ok(notes),
        Ok(_) => Err(app_errors.join("\n\n")),
        Err(e) => {
            app_errors.push(e);
            Err(app_errors.join("\n\n"))
        }
    }
}

fn rollback_steps(
    db: &ScratchDb,
    client: &mut Client,
    prep: &Prepared,
    counters: &mut Counters,
    upto: usize,
    app_errors: &mut Vec<String>,
) -> Result<Vec<String>, String> {
    let phases = &prep.plan.phases[..=upto];
    let last = &phases[upto].name;
    let mut ledger = None;
    let mut after_contract: Vec<Written> = Vec::new();
    for (i, phase) in phases.iter().enumerate() {
        let contract = phase.name == "contract";
        if contract {
            ledger = Some(
                apps_rows(client, &prep.deployed).map_err(|e| format!("before contract: {e}"))?,
            );
        }
        psql(&db.url, &phase.up, None).map_err(|e| format!("{} up: {e}", phase.name))?;
        let (w, e) = round_both(client, prep, counters, i, !contract, false);
        app_errors.extend(e.into_iter().map(|e| format!("after {}: {e}", phase.name)));
        if contract {
            after_contract = w;
        }
    }
    let ledger = match ledger {
        Some(l) => l,
        None => apps_rows(client, &prep.deployed)
            .map_err(|e| format!("after {last}, reading the old shape: {e}"))?,
    };
    for (i, phase) in phases.iter().enumerate().rev() {
        psql(&db.url, &phase.down, None).map_err(|e| format!("{} down: {e}", phase.name))?;
        // Each down script is re-run once, right after its first run (in the rollback from
        // its own phase).
        if i == upto {
            rerun_changes_nothing(client, &db.url, &phase.down)
                .map_err(|e| format!("{} down, run twice: {e}", phase.name))?;
        }
    }
    let names: Vec<String> = phases.iter().map(|p| p.name.clone()).collect();
    let losses = declared_losses(&prep.plan, &names);
    let declared = |tokens: &[&str]| {
        losses
            .iter()
            .any(|l| tokens.iter().all(|t| l.iter().any(|x| x == t)))
    };
    let mut notes = Vec::new();

    // The schema.
    let cat = catalog::read(client)?;
    let mut problems = Vec::new();
    for d in catalog::diff(&prep.deployed, &cat) {
        let tolerated = match d.what.as_str() {
            // Labels added by expand stay (ALTER TYPE ... ADD VALUE cannot be undone).
            "definition" if prep.deployed.enums.contains_key(&d.object) => {
                let e = &prep.deployed.enums[&d.object];
                let a = cat.enums.get(&d.object).cloned().unwrap_or_default();
                let kept: Vec<&String> = a.iter().filter(|l| e.contains(l)).collect();
                kept == e.iter().collect::<Vec<_>>()
                    && a.iter()
                        .filter(|l| !e.contains(l))
                        .all(|l| declared(&[l.as_str(), d.object.as_str()]))
            }
            // Columns whose values contract dropped come back empty, so NOT NULL cannot return.
            "nullability" => declared(&[d.object.as_str()]),
            _ => false,
        };
        if tolerated {
            notes.push(format!(
                "declared loss after rolling back from {last}: {}",
                d.text.split_whitespace().collect::<Vec<_>>().join(" ")
            ));
        } else {
            problems.push(d.text);
        }
    }
    if !problems.is_empty() {
        return Err(format!(
            "after rolling back from {last} the schema differs from the deployed one:\n{}",
            first_lines(&problems, 20)
        ));
    }

    // The rows.
    let skip: BTreeSet<(String, String)> = losses
        .iter()
        .flatten()
        .filter_map(|t| match t.split_once('.') {
            Some((a, b)) => Some((a.to_string(), b.to_string())),
            // A whole table whose rows the rollback declares lost.
            None if prep.deployed.tables.contains_key(t) => Some((t.clone(), "*".to_string())),
            None => None,
        })
        .collect();
    // Rows the new application wrote after contract: their old-shape key, when it can be
    // derived; their values in the old shape are what contract's rollback restores, so only
    // their presence is checked.
    let mut after_keys: Vec<(String, String, &Written)> = Vec::new();
    for w in &after_contract {
        let Some(old_table) = prep.transitions.old_table(&w.table) else {
            continue;
        };
        let pk = prep.deployed.tables[old_table].primary_key();
        let mut key = Row::new();
        for c in &pk {
            if let Some(plan::Derivation::Column(src)) = prep
                .transitions
                .down
                .get(&(old_table.to_string(), c.clone()))
            {
                key.insert(c.clone(), w.row.get(src).cloned().flatten());
            }
        }
        if key.len() == pk.len() {
            after_keys.push((old_table.to_string(), apps::pk_text(&pk, &key), w));
        }
    }
    let exists_only: BTreeSet<(String, String)> = after_keys
        .iter()
        .map(|(t, k, _)| (t.clone(), k.clone()))
        .collect();
    let now = apps_rows(client, &prep.deployed)
        .map_err(|e| format!("after rolling back from {last}: {e}"))?;
    let wrong = compare_rows(&ledger, &now, &skip, &exists_only);
    if !wrong.is_empty() {
        return Err(format!(
            "after rolling back from {last} rows written before are lost or changed:\n{}",
            first_lines(&wrong, 10)
        ));
    }
    for (table, key, w) in &after_keys {
        if !now.get(table).is_some_and(|rows| rows.contains_key(key)) {
            return Err(format!(
                "after rolling back from {last} the row is gone: {}",
                w.describe()
            ));
        }
    }
    // The old application works again.
    let (_, e) = apps::round(client, &prep.old, counters, 7);
    app_errors.extend(
        e.into_iter()
            .map(|e| format!("after rolling back from {last}: {e}")),
    );
    Ok(notes)
}

fn apps_rows(
    client: &mut Client,
    cat: &Catalog,
) -> Result<BTreeMap<String, BTreeMap<String, Row>>, String> {
    let mut out = BTreeMap::new();
    for name in cat.tables.keys() {
        out.insert(name.clone(), apps::read_all(client, cat, name)?);
    }
    Ok(out)
}

/// The result of one case: failures (each naming the run, phase and step) and notes.
#[derive(Debug, Default)]
pub struct Report {
    pub case: String,
    pub failures: Vec<String>,
    pub notes: Vec<String>,
    pub skipped: Option<String>,
}

/// Runs a case completely: forward, and rollback from every phase.
pub fn run_case(server: &Server, case: &Case, skip_unplanned: bool) -> Report {
    let mut report = Report {
        case: case.name.clone(),
        ..Report::default()
    };
    let prep = match prepare(server, case) {
        Ok(p) => p,
        Err(Outcome::NotPlanned(e)) if skip_unplanned => {
            report.skipped = Some(e);
            return report;
        }
        Err(Outcome::NotPlanned(e)) => {
            report
                .failures
                .push(format!("[{}] planning failed: {e}", case.name));
            return report;
        }
        Err(Outcome::Setup(e)) => {
            report.failures.push(format!("[{}] setup: {e}", case.name));
            return report;
        }
    };
    let profiles: Vec<String> = prep
        .old
        .profiles
        .iter()
        .chain(prep.new.profiles.iter())
        .filter(|(_, p)| **p == Profile::Lean)
        .map(|(t, _)| t.clone())
        .collect();
    if !profiles.is_empty() {
        report.notes.push(format!(
            "tables written with the lean profile (their checks refuse full rows): {}",
            profiles.join(", ")
        ));
    }
    let (fwd, rollbacks) = std::thread::scope(|s| {
        let fwd = s.spawn(|| forward(server, &prep));
        let rbs = rollbacks(server, &prep);
        (fwd.join().unwrap_or_else(|p| Err(panic_text(&p))), rbs)
    });
    // The same failure met again in a later run is named once.
    let mut seen = BTreeSet::new();
    let mut add = |label: String, errors: String| {
        let fresh: Vec<&str> = errors
            .split("\n\n")
            .filter(|e| seen.insert(normalize(e)))
            .collect();
        if fresh.is_empty() {
            format!("[{}] {label}: fails as above", case.name)
        } else {
            format!("[{}] {label}: {}", case.name, fresh.join("\n\n"))
        }
    };
    if let Err(e) = fwd {
        report.failures.push(add("forward run".into(), e));
    }
    for (upto, result) in rollbacks.into_iter().enumerate() {
        match result {
            Ok(notes) => report.notes.extend(notes),
            Err(e) => report.failures.push(add(
                format!("rollback from {}", prep.plan.phases[upto].name),
                e,
            )),
        }
    }
    report
}

/// A failure text with numbers and temporary paths blanked, to recognise repeats.
fn normalize(text: &str) -> String {
    let mut out = String::new();
    let mut last_digit = false;
    for word in text.split_whitespace() {
        let word = if word.contains("/tmp/") {
            "<path>"
        } else {
            word
        };
        for c in word.chars() {
            if c.is_ascii_digit() {
                if !last_digit {
                    out.push('#');
                }
                last_digit = true;
            } else {
                out.push(c);
                last_digit = false;
            }
        }
        out.push(' ');
    }
    out
}

/// Runs cases on `jobs` threads; the reports in case order.
pub fn run_cases(
    server: &Server,
    cases: &[Case],
    skip_unplanned: bool,
    jobs: usize,
) -> Vec<Report> {
    let reaper = super::db::Reaper::new(server);
    let server = &server.reaped_by(&reaper);
    let next = std::sync::atomic::AtomicUsize::new(0);
    let results = std::sync::Mutex::new(Vec::new());
    std::thread::scope(|s| {
        for _ in 0..jobs.max(1) {
            s.spawn(|| loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                let Some(case) = cases.get(i) else { break };
                let started = std::time::Instant::now();
                let report = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    run_case(server, case, skip_unplanned)
                }))
                .unwrap_or_else(|p| Report {
                    case: case.name.clone(),
                    failures: vec![format!("[{}] {}", case.name, panic_text(&p))],
                    ..Report::default()
                });
                eprintln!(
                    "case {}: {} ({:.1}s)",
                    case.name,
                    if report.skipped.is_some() {
                        "skipped"
                    } else if report.failures.is_empty() {
                        "ok"
                    } else {
                        "FAILED"
                    },
                    started.elapsed().as_secs_f64()
                );
                results
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .push((i, report));
            });
        }
    });
    let mut results = results.into_inner().unwrap_or_else(|e| e.into_inner());
    results.sort_by_key(|(i, _)| *i);
    results.into_iter().map(|(_, r)| r).collect()
}

fn panic_text(p: &Box<dyn std::any::Any + Send>) -> String {
    let text = p
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_default();
    format!("panicked: {text}")
}
