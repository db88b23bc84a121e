//! Plans made with the real `migc` binary: running `migc plan` and `migc snapshot`, reading the
//! manifest (phases, gates, losses, batches, application sessions), and finding the cases (the
//! changes under `tests/data/plan/` and every step of the example chains).

use migc_compiler::schema::Schema;
use migc_planner::dialect::Batch;
use migc_stdlib::Dialect;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The binary under test.
pub fn migc() -> &'static str {
    env!("CARGO_BIN_EXE_migc")
}

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A path as `migc` takes it on its command line.
pub fn arg(p: &Path) -> String {
    p.to_string_lossy().into_owned()
}

/// One phase of a plan: its name and the paths of its scripts.
#[derive(Clone, Debug)]
pub struct Phase {
    pub name: String,
    pub up: PathBuf,
    pub down: PathBuf,
}

/// A plan written to a directory.
#[derive(Clone, Debug)]
pub struct Plan {
    /// The directory the plan was written to.
    pub dir: PathBuf,
    pub phases: Vec<Phase>,
    pub manifest: serde_json::Value,
}

/// One application version: `old` reads and writes the deployed shape, `new` the target shape.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum App {
    Old,
    New,
}

impl App {
    /// `old` or `new`, as the manifest names it.
    pub fn key(self) -> &'static str {
        match self {
            App::Old => "old",
            App::New => "new",
        }
    }
}

impl std::fmt::Display for App {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} app", self.key())
    }
}

impl Plan {
    /// The phase named `name`.
    pub fn phase(&self, name: &str) -> Option<&Phase> {
        self.phases.iter().find(|p| p.name == name)
    }

    /// What rolling back `phase` cannot give back, as the manifest says.
    pub fn rollback_loses(&self, phase: &str) -> Vec<String> {
        self.manifest["compatibility"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|c| c["after"] == phase)
            .flat_map(|c| c["rollback_loses"].as_array().cloned().unwrap_or_default())
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect()
    }

    /// The gate checks (queries that must return 0) before `phase`.
    pub fn gate_checks(&self, before: &str) -> Vec<String> {
        self.manifest["gates"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|g| g["before"] == before)
            .flat_map(|g| g["checks"].as_array().cloned().unwrap_or_default())
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect()
    }

    /// The statements every connection of an application version runs first (the manifest's
    /// `apps.<old|new>.session`; none when the manifest names none).
    pub fn session(&self, app: App) -> Vec<String> {
        self.manifest["apps"][app.key()]["session"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect()
    }

    /// The operations of every step, in order.
    pub fn ops(&self) -> Vec<String> {
        self.steps()
            .iter()
            .map(|s| s["op"].as_str().unwrap_or_default().to_string())
            .collect()
    }

    /// The operations of the steps of one phase, in order.
    pub fn phase_ops(&self, phase: &str) -> Vec<String> {
        self.manifest["phases"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|p| p["name"] == phase)
            .flat_map(|p| p["steps"].as_array().cloned().unwrap_or_default())
            .map(|s| s["op"].as_str().unwrap_or_default().to_string())
            .collect()
    }

    /// The shadow columns (`table.shadow`) the new version sees under their columns' names
    /// during the rollout: those of tables the plan shows each version in its own shape (a
    /// version view).
    pub fn seen_through_shadow(&self) -> std::collections::BTreeSet<String> {
        let steps = self.steps();
        let shown: std::collections::BTreeSet<&str> = steps
            .iter()
            .filter(|s| s["op"] == "create_version_view")
            .filter_map(|s| s["object"].as_str())
            .collect();
        let mut out = std::collections::BTreeSet::new();
        for s in &steps {
            let (Some(object), true) = (s["object"].as_str(), s["op"] == "add_column") else {
                continue;
            };
            let Some((table, column)) = object.split_once('.') else {
                continue;
            };
            if shown.contains(table) && migc_planner::names::is_shadow(column) {
                out.insert(object.to_string());
            }
        }
        out
    }

    pub fn steps(&self) -> Vec<serde_json::Value> {
        self.manifest["phases"]
            .as_array()
            .into_iter()
            .flatten()
            .flat_map(|p| p["steps"].as_array().cloned().unwrap_or_default())
            .collect()
    }

    /// The batched forms of the backfill steps (what an executor runs), in step order, and
    /// how many backfill steps there are in all (each must carry its batches).
    pub fn batches(&self) -> Result<(Vec<Batch>, usize), String> {
        let mut out = Vec::new();
        let mut steps = 0;
        for step in self.steps() {
            if step["op"] != "backfill" {
                continue;
            }
            steps += 1;
            if !step["backfill"].is_null() {
                out.push(
                    serde_json::from_value(step["backfill"].clone())
                        .map_err(|e| format!("step {}: {e}", step["id"]))?,
                );
            }
        }
        Ok((out, steps))
    }

    /// Every script file of the plan, in phase order (up then down).
    pub fn scripts(&self) -> Vec<PathBuf> {
        self.phases
            .iter()
            .flat_map(|p| [p.up.clone(), p.down.clone()])
            .collect()
    }
}

/// `migc plan --from FROM --to TO --dialect D --out OUT`; the error is migc's output.
pub fn plan(from: &str, to: &str, dialect: Dialect, out: &Path) -> Result<Plan, String> {
    let output = Command::new(migc())
        .args(["plan", "--from", from, "--to", to, "--dialect"])
        .arg(dialect.name())
        .arg("--out")
        .arg(out)
        .output()
        .map_err(|e| format!("cannot run migc: {e}"))?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let errors: Vec<&str> = stderr.lines().filter(|l| l.starts_with("error")).collect();
        return Err(format!(
            "migc plan --from {from} --to {to} --dialect {} exited with {}: {}",
            dialect.name(),
            output.status,
            if errors.is_empty() {
                stderr.trim().to_string()
            } else {
                errors.join("; ")
            }
        ));
    }
    let text = std::fs::read_to_string(out.join("manifest.json"))
        .map_err(|e| format!("read {}/manifest.json: {e}", out.display()))?;
    let manifest: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| format!("manifest.json is not JSON: {e}"))?;
    let phases = manifest["phases"]
        .as_array()
        .ok_or("manifest.json has no `phases` list")?
        .iter()
        .map(|p| Phase {
            name: p["name"].as_str().unwrap_or_default().to_string(),
            up: out.join(p["up"].as_str().unwrap_or_default()),
            down: out.join(p["down"].as_str().unwrap_or_default()),
        })
        .collect();
    Ok(Plan {
        dir: out.to_path_buf(),
        phases,
        manifest,
    })
}

/// The resolved schema of a `.mig` directory, through `migc snapshot`.
pub fn snapshot(src: &Path) -> Result<Schema, String> {
    let output = Command::new(migc())
        .arg("snapshot")
        .arg(src)
        .output()
        .map_err(|e| format!("cannot run migc: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "migc snapshot {} failed: {}",
            src.display(),
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    migc_compiler::snapshot::from_json(&String::from_utf8_lossy(&output.stdout))
        .map_err(|e| format!("migc snapshot {}: {e}", src.display()))
}

/// A change between two schema directories, named for messages.
#[derive(Clone, Debug)]
pub struct Change {
    pub name: String,
    pub from: PathBuf,
    pub to: PathBuf,
}

impl Change {
    /// `tests/data/plan/<name>/{from,to}`.
    pub fn data(name: &str) -> Change {
        let dir = root().join("tests/data/plan").join(name);
        Change {
            name: name.to_string(),
            from: dir.join("from"),
            to: dir.join("to"),
        }
    }

    /// A change written for one test: `v1` and `v2` as `schema.mig` files under `dir`.
    pub fn inline(name: &str, dir: &Path, v1: &str, v2: &str) -> Change {
        for (v, text) in [("v1", v1), ("v2", v2)] {
            std::fs::create_dir_all(dir.join(v)).expect("mkdir");
            std::fs::write(dir.join(v).join("schema.mig"), text).expect("write schema");
        }
        Change {
            name: name.to_string(),
            from: dir.join("v1"),
            to: dir.join("v2"),
        }
    }
}

/// Only the changes whose name holds one of the comma-separated words of `var` (all when unset).
pub fn selected(var: &str, changes: Vec<Change>) -> Vec<Change> {
    let filter = std::env::var(var).unwrap_or_default();
    changes
        .into_iter()
        .filter(|c| {
            filter.trim().is_empty() || filter.split(',').any(|w| c.name.contains(w.trim()))
        })
        .collect()
}

/// The `.mig` schema chains of `examples/`: every pair of consecutive versions.
pub fn example_pairs() -> Vec<Change> {
    let mut out = Vec::new();
    let Ok(chains) = std::fs::read_dir(root().join("examples")) else {
        return out;
    };
    let mut chains: Vec<PathBuf> = chains
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    chains.sort();
    for chain in chains {
        let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir(&chain)
            .into_iter()
            .flatten()
            .flatten()
            .filter_map(|e| {
                let name = e.file_name().to_string_lossy().to_string();
                let n = name.strip_prefix('v')?.parse().ok()?;
                e.path().is_dir().then_some((n, e.path()))
            })
            .collect();
        versions.sort();
        let chain_name = chain.file_name().unwrap_or_default().to_string_lossy();
        for w in versions.windows(2) {
            out.push(Change {
                name: format!("{chain_name}_v{}_v{}", w[0].0, w[1].0),
                from: w[0].1.clone(),
                to: w[1].1.clone(),
            });
        }
    }
    out
}

/// The cases of `tests/data/plan/<case>/{from,to}`.
pub fn data_cases() -> Vec<Change> {
    let dir = root().join("tests/data/plan");
    let mut out: Vec<Change> = std::fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.path().join("from").is_dir() && e.path().join("to").is_dir())
        .map(|e| Change::data(&e.file_name().to_string_lossy()))
        .collect();
    out.sort_by(|a, b| a.name.cmp(&b.name));
    out
}
