//! `migc export`: a written plan as the migrations of another migration runner (Flyway,
//! golang-migrate, goose, dbmate, sqlx, Liquibase).
//!
//! Every statement is taken from the plan's own scripts (cut at their step frames and into
//! statements the way `migc apply` cuts them); nothing here writes SQL. What a runner is given
//! depends on how it runs a file and on the plan's dialect:
//!
//! - A phase as one migration, run outside the runner's transaction, statement by statement as
//!   `psql`, `mariadb` or `sqlite3` run the phase script: every MySQL/MariaDB and SQLite plan
//!   (DDL commits by itself there; a SQLite phase script is one transaction of its own), and
//!   PostgreSQL plans for runners that send statements one at a time (goose, Flyway).
//! - A step as one migration, in the runner's transaction as `migc apply` runs it: PostgreSQL
//!   plans for runners that send a whole file as one query string (dbmate, sqlx, golang-migrate,
//!   Liquibase changesets). PostgreSQL runs such a string as one transaction, so a statement
//!   that may not run in one (`CREATE INDEX CONCURRENTLY`, a backfill committing per batch) gets
//!   a migration of its own, and so does each statement of a rollback that may not.
//!
//! Versions are `--version-base` (default 1) plus the migration's position: the same plan
//! exported twice gives the same files.

use migc_planner::manifest::PhaseEntry;
use migc_runner::script::{self, Framed};
use migc_runner::PlanDir;
use std::collections::BTreeMap;

mod render;

use render::{check_annotations, render};

/// A migration runner migc exports to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, clap::ValueEnum)]
pub enum Runner {
    Flyway,
    GolangMigrate,
    Goose,
    Dbmate,
    Sqlx,
    Liquibase,
}

impl Runner {
    pub const ALL: [Runner; 6] = [
        Runner::Flyway,
        Runner::GolangMigrate,
        Runner::Goose,
        Runner::Dbmate,
        Runner::Sqlx,
        Runner::Liquibase,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Runner::Flyway => "flyway",
            Runner::GolangMigrate => "golang-migrate",
            Runner::Goose => "goose",
            Runner::Dbmate => "dbmate",
            Runner::Sqlx => "sqlx",
            Runner::Liquibase => "liquibase",
        }
    }

    /// Whether the runner sends a migration's SQL to the server as one query string (so that
    /// PostgreSQL runs it as one transaction), rather than statement by statement.
    fn sends_one_string(self) -> bool {
        matches!(
            self,
            Runner::GolangMigrate | Runner::Dbmate | Runner::Sqlx | Runner::Liquibase
        )
    }

    /// Whether the runner's own parser reads the scripts' MySQL `DELIMITER` lines (Flyway);
    /// the others are given the statements without them.
    fn reads_delimiter_lines(self) -> bool {
        self == Runner::Flyway
    }

    /// A line of SQL the runner would read as one of its own annotations, if any.
    fn annotation(self, line: &str) -> bool {
        let t = line.trim_start();
        match self {
            Runner::Goose => t.starts_with("-- +goose") || t.starts_with("--+goose"),
            Runner::Dbmate => {
                let rest = t.strip_prefix("--").map(str::trim_start);
                rest.is_some_and(|r| r.starts_with("migrate:"))
            }
            Runner::Liquibase => t
                .strip_prefix("--")
                .is_some_and(|r| liquibase_keyword(r.trim_start())),
            Runner::Sqlx | Runner::GolangMigrate | Runner::Flyway => false,
        }
    }
}

/// Formatted-SQL changelog directives Liquibase reads from a comment line.
fn liquibase_keyword(rest: &str) -> bool {
    let lower = rest.to_ascii_lowercase();
    [
        "liquibase",
        "changeset",
        "rollback",
        "comment",
        "precondition",
        "property",
        "ignorelines",
        "include",
        "validcheck",
    ]
    .iter()
    .any(|k| lower.starts_with(k))
}

/// What a runner cannot be given, and where.
#[derive(Debug)]
pub struct Refusal {
    pub message: String,
    pub help: Option<String>,
}

/// The files of an export, by name, and a note per thing the user must set up.
#[derive(Debug)]
pub struct Export {
    pub files: BTreeMap<String, String>,
    pub migrations: Vec<Summary>,
    pub notes: Vec<String>,
}

/// One migration of an export, for `--format json`.
#[derive(Debug, serde::Serialize)]
pub struct Summary {
    pub version: String,
    pub name: String,
    pub phase: String,
    /// The plan's steps (`-- [N]`) the migration runs or undoes.
    pub steps: Vec<usize>,
    pub transaction: bool,
    pub down_transaction: bool,
    pub files: Vec<String>,
}

/// A part of a migration's SQL.
#[derive(Clone, Debug)]
enum Chunk {
    /// A comment line, without its `-- `.
    Comment(String),
    /// A statement without its terminator.
    Statement(String),
    /// SQL run as written (a SQLite phase script; a MySQL step with `DELIMITER` lines for
    /// Flyway): one unit of its own for runners that mark statements.
    Verbatim(String),
}

/// One direction of a migration.
#[derive(Clone, Debug, Default)]
struct Body {
    chunks: Vec<Chunk>,
    /// Whether it may run in the runner's transaction.
    transactional: bool,
}

impl Body {
    fn has_sql(&self) -> bool {
        self.chunks
            .iter()
            .any(|c| matches!(c, Chunk::Statement(_) | Chunk::Verbatim(_)))
    }
}

#[derive(Debug)]
struct Draft {
    name: String,
    phase: String,
    steps: Vec<usize>,
    up: Body,
    down: Body,
}

/// Exports `plan` for `runner`; versions start at `base`.
pub fn export(plan: &PlanDir, runner: Runner, base: u64) -> Result<Export, Refusal> {
    if base == 0 {
        return Err(Refusal {
            message: "`--version-base` must be 1 or more (runners reserve version 0)".into(),
            help: None,
        });
    }
    let b = plan.dialect.behaviour();
    let label = sanitize(&plan.manifest.to, 32);
    let mut drafts = Vec::new();
    let mut notes = Vec::new();
    for phase in &plan.manifest.phases {
        if phase.steps.is_empty() {
            continue;
        }
        let up = framed(plan, &phase.up)?;
        let down = framed(plan, &phase.down)?;
        if up.steps.len() != phase.steps.len() {
            return Err(Refusal {
                message: format!(
                    "`{}` has {} step frames where the manifest lists {} steps",
                    phase.up,
                    up.steps.len(),
                    phase.steps.len()
                ),
                help: Some("write the plan again with `migc plan`".into()),
            });
        }
        if b.phase_is_one_transaction() {
            if runner == Runner::Liquibase {
                let first = &up.steps[0];
                return Err(Refusal {
                    message: format!(
                        "liquibase cannot run the {} phase of a {} plan (from step [{}] {}): the phase is one script that opens and commits its own transaction, with foreign keys turned off outside it, so that its checks roll every step back together; a Liquibase changeset runs through JDBC under Liquibase's own transaction handling",
                        phase.name, plan.dialect, first.number, first.summary
                    ),
                    help: Some(
                        "export this plan for dbmate, sqlx, goose or golang-migrate, or run it with `migc apply`"
                            .into(),
                    ),
                });
            }
            if runner == Runner::Sqlx {
                let first = &up.steps[0];
                return Err(Refusal {
                    message: format!(
                        "sqlx cannot run the {} phase of a {} plan (from step [{}] {}): the phase is one script that opens and commits its own transaction, and sqlx runs every {} migration inside a transaction of its own (it does not read `-- no-transaction` there)",
                        phase.name, plan.dialect, first.number, first.summary, plan.dialect
                    ),
                    help: Some(
                        "export this plan for dbmate, goose or golang-migrate, or run it with `migc apply`"
                            .into(),
                    ),
                });
            }
            drafts.push(whole_phase(plan, phase, &label));
        } else if b.supports_transactional_ddl() && runner.sends_one_string() {
            drafts.extend(by_step(plan, phase, &up, &down, &label));
        } else {
            drafts.push(by_phase(plan, runner, phase, &up, &down, &label));
        }
    }
    for d in &drafts {
        check_annotations(runner, d)?;
    }
    match (runner, plan.dialect.name()) {
        (Runner::GolangMigrate, "mysql") | (Runner::Liquibase, "mysql") => notes.push(format!(
            "each {runner} migration of a MySQL/MariaDB plan holds several statements: connect with {} in the database URL",
            if runner == Runner::Liquibase {
                "`allowMultiQueries=true`"
            } else {
                "`multiStatements=true`"
            },
            runner = runner.name()
        )),
        (Runner::GolangMigrate, "sqlite") => notes.push(
            "golang-migrate wraps each SQLite migration in a transaction unless the database URL has `x-no-tx-wrap=true`; the phase scripts open their own"
                .into(),
        ),
        (Runner::Flyway, _) => notes.push(
            "Flyway runs `U…` undo migrations in its Teams edition only; the `.sql.conf` files keep a migration out of Flyway's transaction"
                .into(),
        ),
        _ => {}
    }
    let width = (base + drafts.len() as u64).to_string().len().max(6);
    let mut files = BTreeMap::new();
    let mut migrations = Vec::new();
    let mut changelog = String::from("--liquibase formatted sql\n");
    for (i, d) in drafts.iter().enumerate() {
        let version = format!("{:0width$}", base + i as u64);
        let written = render(runner, plan, &version, d, &mut files, &mut changelog);
        migrations.push(Summary {
            version,
            name: d.name.clone(),
            phase: d.phase.clone(),
            steps: d.steps.clone(),
            transaction: d.up.transactional,
            down_transaction: d.down.transactional,
            files: written,
        });
    }
    if runner == Runner::Liquibase && !drafts.is_empty() {
        files.insert(CHANGELOG.to_string(), changelog);
    }
    Ok(Export {
        files,
        migrations,
        notes,
    })
}

/// The Liquibase changelog's file name.
pub const CHANGELOG: &str = "changelog.sql";

fn framed(plan: &PlanDir, file: &str) -> Result<Framed, Refusal> {
    plan.scripts
        .get(file)
        .map(|t| script::frames(t))
        .ok_or_else(|| Refusal {
            message: format!("the plan has no `{file}`"),
            help: None,
        })
}

/// Lower-case letters, digits and single underscores, at most `max` characters, never empty.
pub fn sanitize(text: &str, max: usize) -> String {
    let mut out = String::new();
    for c in text.chars() {
        let c = c.to_ascii_lowercase();
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            out.push(c);
        } else if !out.ends_with('_') && !out.is_empty() {
            out.push('_');
        }
        if out.len() >= max {
            break;
        }
    }
    let out = out.trim_end_matches('_').to_string();
    if out.is_empty() {
        "plan".into()
    } else {
        out
    }
}

fn name(label: &str, what: &str) -> String {
    sanitize(&format!("{label}_{what}"), 64)
}

/// The step a down frame undoes, by its number.
fn down_of(down: &Framed, number: usize) -> &str {
    down.steps
        .iter()
        .find(|f| f.number == number)
        .map_or("", |f| f.sql.as_str())
}

fn statements(plan: &PlanDir, sql: &str) -> Vec<Chunk> {
    script::statements(sql, plan.dialect)
        .into_iter()
        .map(Chunk::Statement)
        .collect()
}

fn frame_comment(number: usize, summary: &str) -> Chunk {
    Chunk::Comment(format!("[{number}] {summary}"))
}

/// A phase script that is one transaction of its own, as written.
fn whole_phase(plan: &PlanDir, phase: &PhaseEntry, label: &str) -> Draft {
    let text = |file: &str| plan.scripts.get(file).cloned().unwrap_or_default();
    Draft {
        name: name(label, &phase.name),
        phase: phase.name.clone(),
        steps: numbers(plan, phase),
        up: Body {
            chunks: vec![Chunk::Verbatim(text(&phase.up))],
            transactional: false,
        },
        down: Body {
            chunks: vec![Chunk::Verbatim(text(&phase.down))],
            transactional: false,
        },
    }
}

fn numbers(plan: &PlanDir, phase: &PhaseEntry) -> Vec<usize> {
    plan.scripts
        .get(&phase.up)
        .map(|t| script::frames(t).steps.iter().map(|f| f.number).collect())
        .unwrap_or_default()
}

/// A phase as one migration outside the runner's transaction, step after step.
fn by_phase(
    plan: &PlanDir,
    runner: Runner,
    phase: &PhaseEntry,
    up: &Framed,
    down: &Framed,
    label: &str,
) -> Draft {
    let verbatim =
        runner.reads_delimiter_lines() && plan.dialect.behaviour().supports_delimiter_directive();
    let body = |framed: &Framed| {
        let mut chunks = statements(plan, &framed.header);
        for f in &framed.steps {
            chunks.push(frame_comment(f.number, &f.summary));
            if verbatim {
                if !script::statements(&f.sql, plan.dialect).is_empty() {
                    chunks.push(Chunk::Verbatim(f.sql.clone()));
                }
            } else {
                chunks.extend(statements(plan, &f.sql));
            }
        }
        Body {
            chunks,
            transactional: false,
        }
    };
    Draft {
        name: name(label, &phase.name),
        phase: phase.name.clone(),
        steps: up.steps.iter().map(|f| f.number).collect(),
        up: body(up),
        down: body(down),
    }
}

/// A phase as one migration per step, each in the runner's transaction where the step may run
/// in one; otherwise one migration per statement, for each direction.
fn by_step(
    plan: &PlanDir,
    phase: &PhaseEntry,
    up: &Framed,
    down: &Framed,
    label: &str,
) -> Vec<Draft> {
    let header = statements(plan, &up.header);
    let down_header = statements(plan, &down.header);
    let mut out = Vec::new();
    for (f, step) in up.steps.iter().zip(&phase.steps) {
        let pieces = |sql: &str, transactional: bool, header: &[Chunk], what: &str| {
            let stmts = statements(plan, sql);
            let comment = Chunk::Comment(format!("{what}[{}] {}", f.number, f.summary));
            if stmts.is_empty() {
                return vec![Body {
                    chunks: vec![comment],
                    transactional: true,
                }];
            }
            if transactional {
                let mut chunks = header.to_vec();
                chunks.push(comment);
                chunks.extend(stmts);
                return vec![Body {
                    chunks,
                    transactional: true,
                }];
            }
            stmts
                .into_iter()
                .map(|s| Body {
                    chunks: vec![comment.clone(), s],
                    transactional: false,
                })
                .collect()
        };
        let ups = pieces(&f.sql, step.transactional, &header, "");
        let downs = pieces(
            down_of(down, f.number),
            step.rollback_transactional(),
            &down_header,
            "undo: ",
        );
        let k = ups.len().max(downs.len()).max(1);
        for j in 0..k {
            let carrier = |what: &str| {
                Body {
                chunks: vec![Chunk::Comment(format!(
                    "[{}] {}: nothing to run here; the other direction of this migration holds a statement of the step that must run on its own",
                    f.number, what
                ))],
                transactional: true,
            }
            };
            let up_body = ups.get(j).cloned().unwrap_or_else(|| carrier("up"));
            // Rollbacks run the last migration first: the step's first down statement goes
            // with its last migration.
            let down_body = match downs.get(k - 1 - j) {
                Some(b) => b.clone(),
                None => carrier("down"),
            };
            let what = step
                .id
                .split_once('.')
                .map_or(step.id.as_str(), |(_, rest)| rest);
            let mut n = name(label, &format!("{}_{what}", phase.name));
            if k > 1 {
                n = format!("{}_{}", sanitize(&n, 60), j + 1);
            }
            out.push(Draft {
                name: n,
                phase: phase.name.clone(),
                steps: vec![f.number],
                up: up_body,
                down: down_body,
            });
        }
    }
    out
}
