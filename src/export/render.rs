//! The files of one migration as each runner reads them: its annotations, no-transaction
//! markers and provenance comment, and the refusal of SQL a runner would misread.

use super::*;

/// Refuses SQL holding a line the runner would read as its own annotation (a name with a line
/// break can put one in a statement).
pub(super) fn check_annotations(runner: Runner, d: &Draft) -> Result<(), Refusal> {
    for body in [&d.up, &d.down] {
        for c in &body.chunks {
            let text = match c {
                Chunk::Statement(s) | Chunk::Verbatim(s) => s,
                Chunk::Comment(_) => continue,
            };
            if let Some(line) = text.lines().find(|l| runner.annotation(l)) {
                return Err(Refusal {
                    message: format!(
                        "{} cannot be given step{} {} of the {} phase: its SQL holds the line `{}`, which {} would read as one of its annotations",
                        runner.name(),
                        if d.steps.len() > 1 { "s" } else { "" },
                        d.steps
                            .iter()
                            .map(|n| format!("[{n}]"))
                            .collect::<Vec<_>>()
                            .join(", "),
                        d.phase,
                        line.trim().escape_debug(),
                        runner.name()
                    ),
                    help: Some(
                        "a name or text with a line break makes it; export for a runner that reads no annotations (sqlx, golang-migrate, flyway)"
                            .into(),
                    ),
                });
            }
        }
    }
    Ok(())
}

/// The statements of `body`, each ended by `;`, with its comments.
pub(super) fn plain(body: &Body) -> String {
    let mut out = String::new();
    for c in &body.chunks {
        match c {
            Chunk::Comment(t) => out.push_str(&format!("-- {t}\n")),
            Chunk::Statement(s) => out.push_str(&format!("{s};\n")),
            Chunk::Verbatim(s) => {
                out.push_str(s);
                if !s.ends_with('\n') {
                    out.push('\n');
                }
            }
        }
    }
    out
}

/// The statements of `body` for goose: each between `StatementBegin` and `StatementEnd`, so
/// that goose sends it as one statement whatever it holds.
pub(super) fn goose(body: &Body) -> String {
    let mut out = String::new();
    for c in &body.chunks {
        match c {
            Chunk::Comment(t) => out.push_str(&format!("-- {t}\n")),
            Chunk::Statement(s) => {
                out.push_str(&format!(
                    "-- +goose StatementBegin\n{s};\n-- +goose StatementEnd\n"
                ));
            }
            Chunk::Verbatim(s) => {
                out.push_str("-- +goose StatementBegin\n");
                out.push_str(s);
                if !s.ends_with('\n') {
                    out.push('\n');
                }
                out.push_str("-- +goose StatementEnd\n");
            }
        }
    }
    out
}

pub(super) fn provenance(plan: &PlanDir, d: &Draft) -> String {
    format!(
        "-- migc export: the {} phase of the {} plan from `{}` to `{}`, step{} {}\n",
        d.phase,
        plan.dialect,
        one_line(&plan.manifest.from),
        one_line(&plan.manifest.to),
        if d.steps.len() > 1 { "s" } else { "" },
        d.steps
            .iter()
            .map(|n| format!("[{n}]"))
            .collect::<Vec<_>>()
            .join(", ")
    )
}

pub(super) fn one_line(text: &str) -> String {
    migc_db::redact(text).escape_debug().to_string()
}

/// Writes one migration; returns the names of the files it went to.
pub(super) fn render(
    runner: Runner,
    plan: &PlanDir,
    version: &str,
    d: &Draft,
    files: &mut BTreeMap<String, String>,
    changelog: &mut String,
) -> Vec<String> {
    let head = provenance(plan, d);
    let name = &d.name;
    let mut put = |file: String, text: String| {
        files.insert(file.clone(), text);
        file
    };
    match runner {
        Runner::Flyway => {
            let mut out = Vec::new();
            for (prefix, body) in [("V", &d.up), ("U", &d.down)] {
                let file = format!("{prefix}{version}__{name}.sql");
                if !body.transactional {
                    out.push(put(
                        format!("{file}.conf"),
                        "executeInTransaction=false\n".into(),
                    ));
                }
                out.push(put(file, format!("{head}{}", plain(body))));
            }
            out
        }
        Runner::GolangMigrate | Runner::Sqlx => {
            let marker = |body: &Body| {
                if runner == Runner::Sqlx && !body.transactional {
                    "-- no-transaction\n"
                } else {
                    ""
                }
            };
            vec![
                put(
                    format!("{version}_{name}.up.sql"),
                    format!("{}{head}{}", marker(&d.up), plain(&d.up)),
                ),
                put(
                    format!("{version}_{name}.down.sql"),
                    format!("{}{head}{}", marker(&d.down), plain(&d.down)),
                ),
            ]
        }
        Runner::Goose => {
            let no_tx = if d.up.transactional && d.down.transactional {
                ""
            } else {
                "-- +goose NO TRANSACTION\n"
            };
            vec![put(
                format!("{version}_{name}.sql"),
                format!(
                    "{no_tx}{head}-- +goose Up\n{}\n-- +goose Down\n{}",
                    goose(&d.up),
                    goose(&d.down)
                ),
            )]
        }
        Runner::Dbmate => {
            let option = |body: &Body| {
                if body.transactional {
                    ""
                } else {
                    " transaction:false"
                }
            };
            vec![put(
                format!("{version}_{name}.sql"),
                format!(
                    "{head}-- migrate:up{}\n{}\n-- migrate:down{}\n{}",
                    option(&d.up),
                    plain(&d.up),
                    option(&d.down),
                    plain(&d.down)
                ),
            )]
        }
        Runner::Liquibase => {
            let in_tx = if d.up.transactional && d.down.transactional {
                ""
            } else {
                " runInTransaction:false"
            };
            changelog.push_str(&format!(
                "\n--changeset migc:{version} splitStatements:false rollbackSplitStatements:false{in_tx}\n--comment: {name}\n{head}{}",
                plain(&d.up)
            ));
            if d.down.has_sql() {
                for line in plain(&d.down).lines() {
                    changelog.push_str(&format!("--rollback {line}\n"));
                }
            } else {
                changelog.push_str("--rollback empty\n");
            }
            vec![CHANGELOG.to_string()]
        }
    }
}
