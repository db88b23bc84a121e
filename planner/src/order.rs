//! Step ordering: dependency keys -> a petgraph graph -> phase order, then a deterministic
//! topological order within each phase, or a cycle named by its members.

use crate::build::Keys;
use crate::key::Key;
use crate::step::Step;
use migc_grammar::{Code, Diagnostic};
use petgraph::algo::tarjan_scc;
use petgraph::graph::DiGraph;
use std::collections::{BTreeMap, BTreeSet};

/// Fills `after` of every step and returns the execution order (indexes into `steps`).
pub(crate) fn order(steps: &mut [Step], keys: &[Keys]) -> Result<Vec<usize>, Diagnostic> {
    let mut providers: BTreeMap<&Key, Vec<usize>> = BTreeMap::new();
    let mut releasers: BTreeMap<&Key, Vec<usize>> = BTreeMap::new();
    for (i, k) in keys.iter().enumerate() {
        for p in &k.provides {
            providers.entry(p).or_default().push(i);
        }
        for r in &k.releases {
            releasers.entry(r).or_default().push(i);
        }
    }
    let mut graph: DiGraph<usize, ()> = DiGraph::new();
    let nodes: Vec<_> = (0..steps.len()).map(|i| graph.add_node(i)).collect();
    let mut edges: BTreeSet<(usize, usize)> = BTreeSet::new();
    for (i, k) in keys.iter().enumerate() {
        let before = k
            .needs
            .iter()
            .flat_map(|n| providers.get(n).into_iter().flatten())
            .chain(
                k.removes
                    .iter()
                    .flat_map(|r| releasers.get(r).into_iter().flatten()),
            );
        for &b in before {
            // Only edges that the phase order does not already give, and never backwards in
            // phase: a later phase providing what an earlier one needs is satisfied by the
            // deployed state (e.g. a drop in contract releasing what expand still has).
            if b != i && steps[b].phase == steps[i].phase {
                edges.insert((b, i));
            }
        }
    }
    for &(b, i) in &edges {
        graph.add_edge(nodes[b], nodes[i], ());
        steps[i].after.push(b);
    }
    for s in steps.iter_mut() {
        s.after.sort_unstable();
        s.after.dedup();
    }

    // Kahn's algorithm choosing the lowest (phase, index) ready step: stable output.
    let mut indegree: Vec<usize> = vec![0; steps.len()];
    for &(_, i) in &edges {
        indegree[i] += 1;
    }
    let mut ready: BTreeSet<(crate::step::Phase, usize)> = (0..steps.len())
        .filter(|&i| indegree[i] == 0)
        .map(|i| (steps[i].phase, i))
        .collect();
    let mut order = Vec::with_capacity(steps.len());
    while let Some(next) = ready.pop_first() {
        let i = next.1;
        order.push(i);
        for &(b, j) in edges.range((i, 0)..(i + 1, 0)) {
            debug_assert_eq!(b, i);
            indegree[j] -= 1;
            if indegree[j] == 0 {
                ready.insert((steps[j].phase, j));
            }
        }
    }
    if order.len() == steps.len() {
        return Ok(order);
    }
    let cycle = tarjan_scc(&graph)
        .into_iter()
        .find(|scc| scc.len() > 1)
        .unwrap_or_default();
    let mut members: Vec<String> = cycle
        .iter()
        .map(|n| steps[graph[*n]].summary.clone())
        .collect();
    members.sort();
    let mut d = Diagnostic::error(
        Code::DependencyCycle,
        format!(
            "the changes depend on each other in a circle: {}",
            members.join("; ")
        ),
    )
    .help("split the change into two migrations");
    if let Some(span) = cycle.iter().find_map(|n| steps[graph[*n]].origin) {
        d = d.primary(span, "part of the cycle");
    }
    Err(d)
}
