//! Plans for the lifecycle tests of every dialect, made with the real `migc` binary: running
//! `migc plan` and `migc snapshot`, reading the manifest, and finding the cases (the changes
//! under `tests/data/plan/` and every step of the example chains).

#![allow(dead_code)]

use migc_compiler::schema::Schema;
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

impl Plan {
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

    /// Every script file of the plan, in phase order (up then down).
    pub fn scripts(&self) -> Vec<PathBuf> {
        self.phases
            .iter()
            .flat_map(|p| [p.up.clone(), p.down.clone()])
            .collect()
    }
}

/// `migc plan --from FROM --to TO --dialect DIALECT --out OUT`; the error is migc's output.
pub fn plan(from: &str, to: &str, dialect: &str, out: &Path) -> Result<Plan, String> {
    let output = Command::new(migc())
        .args([
            "plan",
            "--from",
            from,
            "--to",
            to,
            "--dialect",
            dialect,
            "--out",
        ])
        .arg(out)
        .output()
        .map_err(|e| format!("cannot run migc: {e}"))?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let errors: Vec<&str> = stderr.lines().filter(|l| l.starts_with("error")).collect();
        return Err(format!(
            "migc plan --from {from} --to {to} --dialect {dialect} exited with {}: {}",
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

/// The `.mig` schema chains of `examples/`: every pair of consecutive versions.
pub fn example_pairs() -> Vec<(String, PathBuf, PathBuf)> {
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
        let chain_name = chain
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .to_string();
        for w in versions.windows(2) {
            out.push((
                format!("{chain_name}_v{}_v{}", w[0].0, w[1].0),
                w[0].1.clone(),
                w[1].1.clone(),
            ));
        }
    }
    out
}

/// The cases of `tests/data/plan/<case>/{from,to}`.
pub fn data_cases() -> Vec<(String, PathBuf, PathBuf)> {
    let dir = root().join("tests/data/plan");
    let mut out: Vec<(String, PathBuf, PathBuf)> = std::fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.path().join("from").is_dir() && e.path().join("to").is_dir())
        .map(|e| {
            (
                e.file_name().to_string_lossy().to_string(),
                e.path().join("from"),
                e.path().join("to"),
            )
        })
        .collect();
    out.sort();
    out
}
