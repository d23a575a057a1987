//! The crate's weight: the default build's normal dependency graph is the
//! one recorded in `tests/fixtures/normal-dependencies.txt` (crate names),
//! at most 130 crates, and the `testing` feature adds nothing to it unless
//! it is asked for. Adding a dependency means updating the record, on
//! purpose, after looking at `cargo tree -e normal`.

use std::collections::BTreeSet;
use std::process::Command;

/// The output of `cargo tree` with `args`, for this package, offline.
fn cargo_tree(args: &[&str]) -> String {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .args(["tree", "--offline", "--locked", "--prefix", "none"])
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cannot run cargo tree");
    assert!(out.status.success(), "cargo tree {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("cargo tree prints UTF-8")
}

/// The names of the crates in the normal dependency graph with `features`
/// (the package itself included).
fn normal_graph(features: &[&str]) -> BTreeSet<String> {
    let mut args = vec!["-e", "normal", "--no-dedupe", "--format", "{p}"];
    args.extend_from_slice(features);
    cargo_tree(&args)
        .lines()
        .filter_map(|line| line.split_whitespace().next())
        .map(str::to_owned)
        .collect()
}

#[test]
fn the_default_graph_is_the_recorded_one_and_at_most_130_crates() {
    let graph = normal_graph(&[]);
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/normal-dependencies.txt");
    let recorded: BTreeSet<String> = std::fs::read_to_string(path)
        .expect("the recorded graph")
        .lines()
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(str::to_owned)
        .collect();
    let added: Vec<_> = graph.difference(&recorded).collect();
    let gone: Vec<_> = recorded.difference(&graph).collect();
    assert!(
        added.is_empty() && gone.is_empty(),
        "the normal dependency graph changed: added {added:?}, gone {gone:?}; \
         if that is intended, update {path}"
    );
    assert!(graph.len() <= 130, "{} crates in the normal graph (at most 130)", graph.len());
}

#[test]
fn the_testing_feature_adds_nothing_unless_asked_for() {
    let hyper_features = |features: &[&str]| {
        let mut args = vec!["-e", "normal,features", "-i", "hyper"];
        args.extend_from_slice(features);
        cargo_tree(&args).lines().any(|line| line == r#"hyper feature "server""#)
    };
    assert!(!hyper_features(&[]), "the default build serves HTTP: the testing feature leaked");
    assert!(
        hyper_features(&["--features", "testing"]),
        "the testing feature no longer serves HTTP"
    );
}
