//! `migc explain`: a Markdown report of a plan for a pull request.

use crate::manifest::Manifest;
use std::fmt::Write;

/// The report as one JSON document, for pipelines (`migc explain --format json`): the same
/// content as [`markdown`], each phase with what each application can do after it and each step
/// with its lock, rewrite, scan and what its rollback loses. `changed` names the scripts that no
/// longer match the manifest's checksums.
pub fn json(m: &Manifest, changed: &[String]) -> serde_json::Value {
    let phases: Vec<serde_json::Value> = m
        .phases
        .iter()
        .zip(&m.compatibility)
        .map(|(p, c)| {
            serde_json::json!({
                "name": p.name,
                "up": p.up,
                "down": p.down,
                "old_app_works_after": c.old_app,
                "new_app_works_after": c.new_app,
                "rollback_loses": c.rollback_loses,
                "steps": p.steps.iter().map(|st| serde_json::json!({
                    "id": st.id,
                    "summary": st.summary,
                    "lock": st.lock,
                    "rewrite": st.rewrite,
                    "scan": st.scan,
                    "rollback_loses": st.rollback_loses,
                    "source": st.source,
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    serde_json::json!({
        "format": "migc-explain-1",
        "from": m.from,
        "to": m.to,
        "dialect": m.dialect,
        "steps": m.phases.iter().map(|p| p.steps.len()).sum::<usize>(),
        "rewrites": m.phases.iter().flat_map(|p| &p.steps).filter(|s| s.rewrite).count(),
        "point_of_no_return": m.point_of_no_return,
        "apps": m.apps,
        "phases": phases,
        "gates": m.gates,
        "lint": m.lint,
        "scripts_changed": changed,
    })
}

pub fn markdown(m: &Manifest) -> String {
    let mut s = String::new();
    let steps: usize = m.phases.iter().map(|p| p.steps.len()).sum();
    let _ = writeln!(
        s,
        "# Migration plan: `{}` → `{}` ({})\n",
        m.from, m.to, m.dialect
    );
    let errors = m.lint.iter().filter(|f| f.severity == "error").count();
    let warnings = m.lint.len() - errors;
    let rewrites = m
        .phases
        .iter()
        .flat_map(|p| &p.steps)
        .filter(|s| s.rewrite)
        .count();
    let _ = writeln!(s, "## Summary\n");
    let _ = writeln!(
        s,
        "| phase | steps | old app works after | new app works after | rollback loses |"
    );
    let _ = writeln!(s, "|---|---|---|---|---|");
    for (p, c) in m.phases.iter().zip(&m.compatibility) {
        let loses = if c.rollback_loses.is_empty() {
            "nothing".to_string()
        } else {
            c.rollback_loses.join("; ")
        };
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} | {} |",
            p.name,
            p.steps.len(),
            yes(c.old_app),
            yes(c.new_app),
            loses
        );
    }
    let _ = writeln!(
        s,
        "\n{steps} steps; {rewrites} rewrite a table; {errors} lint errors, {warnings} warnings. The point of no return is **{}**.\n",
        m.point_of_no_return.phase
    );
    connections(&mut s, m);
    for phase in &m.phases {
        let _ = writeln!(
            s,
            "## {} (`{}`, rollback `{}`)\n",
            phase.name, phase.up, phase.down
        );
        if phase.steps.is_empty() {
            let _ = writeln!(s, "Nothing to do.\n");
            continue;
        }
        let _ = writeln!(
            s,
            "| # | step | lock | rewrite | scan | rollback loses | source |"
        );
        let _ = writeln!(s, "|---|---|---|---|---|---|---|");
        for (i, st) in phase.steps.iter().enumerate() {
            let _ = writeln!(
                s,
                "| {} | {} | {} | {} | {} | {} | {} |",
                i + 1,
                cell(&st.summary),
                st.lock,
                yes(st.rewrite),
                yes(st.scan),
                st.rollback_loses
                    .as_deref()
                    .map_or("nothing".to_string(), cell),
                st.source.as_deref().unwrap_or("deployed schema")
            );
        }
        let _ = writeln!(s);
    }
    let _ = writeln!(s, "## Gates\n");
    for g in &m.gates {
        let _ = writeln!(s, "- **{} → {}**: {}", g.after, g.before, g.condition);
        for c in &g.checks {
            let _ = writeln!(s, "  - `{c}`");
        }
    }
    let _ = writeln!(s, "\n## Point of no return\n");
    if m.point_of_no_return.cannot_restore.is_empty() {
        let _ = writeln!(
            s,
            "Contract removes nothing that its rollback cannot restore.\n"
        );
    } else {
        let _ = writeln!(
            s,
            "After **{}**, rolling back cannot restore:\n",
            m.point_of_no_return.phase
        );
        for x in &m.point_of_no_return.cannot_restore {
            let _ = writeln!(s, "- {x}");
        }
        let _ = writeln!(s);
    }
    let _ = writeln!(s, "## Lint findings\n");
    if m.lint.is_empty() {
        let _ = writeln!(s, "None.\n");
    }
    for f in &m.lint {
        let _ = writeln!(
            s,
            "- **{}[{}]** {}{}",
            f.severity,
            f.code,
            f.message,
            f.source
                .as_deref()
                .map(|x| format!(" ({x})"))
                .unwrap_or_default()
        );
        for n in &f.notes {
            let _ = writeln!(s, "  - note: {n}");
        }
        if let Some(h) = &f.help {
            let _ = writeln!(s, "  - help: {h}");
        }
    }
    let _ = writeln!(s, "\n## Dependency graph\n\n```mermaid\nflowchart TD");
    for phase in &m.phases {
        if phase.steps.is_empty() {
            continue;
        }
        let _ = writeln!(s, "  subgraph {}", phase.name);
        for st in &phase.steps {
            let _ = writeln!(
                s,
                "    {}[\"{}\"]",
                node(&st.id),
                st.summary.replace('"', "'").replace('`', "")
            );
        }
        let _ = writeln!(s, "  end");
    }
    for phase in &m.phases {
        for st in &phase.steps {
            for a in &st.after {
                let _ = writeln!(s, "  {} --> {}", node(a), node(&st.id));
            }
        }
    }
    let names: Vec<&str> = m
        .phases
        .iter()
        .filter(|p| !p.steps.is_empty())
        .map(|p| p.name.as_str())
        .collect();
    for pair in names.windows(2) {
        let _ = writeln!(s, "  {} --> {}", pair[0], pair[1]);
    }
    let _ = writeln!(s, "```");
    s
}

fn yes(b: bool) -> &'static str {
    if b {
        "yes"
    } else {
        "no"
    }
}

fn cell(text: &str) -> String {
    text.replace('|', "\\|")
}

fn node(id: &str) -> String {
    id.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect()
}

/// The section "How each application connects": the session statements of each version, and
/// what each sees of the other's shape where the dialect shows them the same tables (W3005).
fn connections(s: &mut String, m: &Manifest) {
    let _ = writeln!(s, "## How each application connects\n");
    let shared: Vec<_> = m.lint.iter().filter(|f| f.code == "W3005").collect();
    let list_shared = |s: &mut String| {
        for f in &shared {
            let _ = writeln!(s, "- {}", f.message);
            for n in &f.notes {
                let _ = writeln!(s, "  - {n}");
            }
        }
        if !shared.is_empty() {
            let _ = writeln!(s);
        }
    };
    let Some(apps) = &m.apps else {
        let _ = writeln!(
            s,
            "Both versions use the tables as they are: {} gives neither a shape of its own, so the old application sees what expand adds, and the new one what contract removes.\n",
            m.dialect
        );
        list_shared(s);
        return;
    };
    for (name, app) in [("old", &apps.old), ("new", &apps.new)] {
        let _ = writeln!(
            s,
            "The **{name}** application's namespace is `{}`; each of its connections runs first (`migc connect DIR --app {name}`):\n",
            app.namespace
        );
        let _ = writeln!(s, "```sql");
        for st in &app.session {
            let _ = writeln!(s, "{st}");
        }
        let _ = writeln!(s, "```\n");
    }
    if shared.is_empty() {
        let _ = writeln!(
            s,
            "Until contract each version sees the tables the plan changes in its own shape; tables the plan leaves alone, and every table after contract, are the tables themselves. The statements hold before and after the plan too, so a version connects the same way throughout.\n"
        );
    } else {
        let _ = writeln!(
            s,
            "Both versions use the tables as they are ({} gives neither a shape of its own), but each version's connections say which version they are, so the dual-write triggers give the other shape exactly what each one writes. The statements hold before and after the plan too.\n",
            m.dialect
        );
        list_shared(s);
    }
}
