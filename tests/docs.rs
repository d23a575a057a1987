//! Docs that must not drift from their source: each `Client` method's
//! `# Errors` section lists exactly the error codes of its operation in
//! tests/fixtures/operation-errors.json (built from the service model), in
//! the model's order, and every operation of the fixture has such a method.

mod common;

use std::collections::BTreeMap;

/// `DescribeMapRun` → `describe_map_run`.
fn snake_case(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            out.push('_');
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

/// Each `pub fn` of the operation files with the codes its `# Errors`
/// section links to.
fn documented_errors() -> BTreeMap<String, Vec<String>> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/operations");
    let mut found = BTreeMap::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        let mut doc: Vec<&str> = Vec::new();
        for line in text.lines().map(str::trim) {
            if let Some(comment) = line.strip_prefix("///") {
                doc.push(comment.trim());
                continue;
            }
            if let Some(rest) = line.strip_prefix("pub fn ") {
                if let Some(at) = doc.iter().position(|l| *l == "# Errors") {
                    let name = rest.split('(').next().unwrap().to_owned();
                    let codes = doc[at..]
                        .iter()
                        .filter_map(|l| l.strip_prefix("- [`"))
                        .map(|l| l.split('`').next().unwrap().to_owned())
                        .collect();
                    found.insert(name, codes);
                }
            }
            doc.clear();
        }
    }
    found
}

#[test]
fn every_client_method_documents_exactly_its_operation_s_errors() {
    let model: BTreeMap<String, Vec<String>> =
        serde_json::from_value(common::fixture_json("operation-errors.json")).unwrap();
    let documented = documented_errors();
    common::assert_every_operation_once("operation-errors.json", model.keys().map(String::as_str));
    for (operation, codes) in &model {
        let method = snake_case(operation);
        let Some(listed) = documented.get(&method) else {
            panic!("Client::{method} has no `# Errors` section");
        };
        assert_eq!(listed, codes, "Client::{method}'s `# Errors` section");
    }
    for method in documented.keys() {
        assert!(
            model.keys().any(|op| snake_case(op) == *method),
            "Client::{method} documents errors of an operation the fixture lacks"
        );
    }
}
