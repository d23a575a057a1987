//! The service model's facts about the crate's operations: read from the
//! generated fixtures (always there), and derived afresh from the model
//! itself when `../shared/spec` (or `$SFN_SPEC_DIR`) is present, so a suite
//! can check that its fixture is what the model says.
//!
//! The derivation is the one `tests/fixtures/generate_model_fixtures.py`
//! does; keep the two in step.

use super::{OPERATIONS, fixture_json};
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// The error codes the model lists for each operation, in its order
/// (`fixtures/operation-errors.json`).
pub fn errors() -> BTreeMap<String, Vec<String>> {
    serde_json::from_value(fixture_json("operation-errors.json")).expect("operation errors")
}

/// The input members of each operation and the rules on them
/// (`fixtures/operation-inputs.json`).
pub fn inputs() -> BTreeMap<String, Input> {
    serde_json::from_value(fixture_json("operation-inputs.json")).expect("operation inputs")
}

/// The operations that paginate (`fixtures/paginated-operations.json`).
pub fn paginated() -> Vec<String> {
    serde_json::from_value(fixture_json("paginated-operations.json")).expect("paginated")
}

/// An operation's input.
#[derive(Clone, Debug, PartialEq, serde::Deserialize)]
pub struct Input {
    /// Its top-level members, as on the wire.
    pub members: Vec<String>,
    /// Every rule on a member, nested ones included.
    pub rules: Vec<Rule>,
}

/// The model's rules on one member.
#[derive(Clone, Debug, PartialEq, serde::Deserialize)]
pub struct Rule {
    /// Its path from the input: `name`, `tags[].key`,
    /// `encryptionConfiguration.type`.
    pub member: String,
    /// The model's type: `string`, `integer`, `long`, `float`, `list`, ...
    pub r#type: String,
    /// Whether it is required (within its parent, for a nested member).
    #[serde(default)]
    pub required: bool,
    /// The least length (strings, lists) or value (numbers).
    pub min: Option<f64>,
    /// The greatest length or value.
    pub max: Option<f64>,
    /// The values the model names.
    pub r#enum: Option<Vec<String>>,
    /// The pattern it must match.
    pub pattern: Option<String>,
}

/// The last segment of a member path: `tags[].key` → `key`.
pub fn leaf(member: &str) -> &str {
    member.rsplit('.').next().unwrap_or(member).trim_end_matches("[]")
}

/// The JSON pointer where a member path lands in a request body, first
/// element of each list: `tags[].key` → `/tags/0/key`.
pub fn pointer(member: &str) -> String {
    format!("/{}", member.replace("[].", "/0/").replace("[]", "/0").replace('.', "/"))
}

/// Where the service model is, when it is: `$SFN_SPEC_DIR`, else
/// `../shared/spec` from the project root.
pub fn spec_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("SFN_SPEC_DIR").map(PathBuf::from).unwrap_or_else(|| {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..").join("shared").join("spec")
    });
    dir.join("sfn-2016-11-23.shapes.json").is_file().then_some(dir)
}

/// The model's facts derived afresh, or `None` (with a note on stderr) when
/// the model is not present.
pub fn from_spec() -> Option<Derived> {
    let Some(dir) = spec_dir() else {
        eprintln!("service model not found (../shared/spec, $SFN_SPEC_DIR): not compared");
        return None;
    };
    let read = |name: &str| -> Value {
        let path = dir.join(name);
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    };
    let model = read("sfn-2016-11-23.shapes.json");
    let paginators = read("sfn-2016-11-23.paginators.json");
    let shapes = &model["shapes"];
    let mut derived = Derived::default();
    for name in OPERATIONS {
        let operation = &model["operations"][name];
        assert!(operation.is_object(), "{name} is not an operation of the model");
        let errors = operation["errors"].as_array().map_or(&[][..], Vec::as_slice);
        let codes = errors.iter().map(|e| e["shape"].as_str().expect("a shape").to_owned());
        derived.errors.insert(name.to_owned(), codes.collect());

        let input = operation["input"]["shape"].as_str().expect("an input shape");
        let mut members: Vec<&String> =
            shapes[input]["members"].as_object().expect("members").keys().collect();
        members.sort();
        let mut rules = Vec::new();
        structure_rules(shapes, input, "", &mut rules);
        let value = json!({ "members": members, "rules": rules });
        derived.inputs.insert(name.to_owned(), value);
    }
    derived.paginated = OPERATIONS
        .iter()
        .filter(|name| paginators["pagination"].get(**name).is_some())
        .map(|name| (*name).to_owned())
        .collect();
    Some(derived)
}

/// The model's facts, as the fixtures should hold them.
#[derive(Debug, Default)]
pub struct Derived {
    /// As `operation-errors.json`.
    pub errors: BTreeMap<String, Vec<String>>,
    /// As `operation-inputs.json`, unparsed.
    pub inputs: BTreeMap<String, Value>,
    /// As `paginated-operations.json`.
    pub paginated: Vec<String>,
}

fn structure_rules(shapes: &Value, name: &str, prefix: &str, out: &mut Vec<Value>) {
    let shape = &shapes[name];
    let required: Vec<&str> = shape["required"]
        .as_array()
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let mut members: Vec<(&String, &Value)> =
        shape["members"].as_object().expect("members").iter().collect();
    members.sort_by_key(|(member, _)| *member);
    for (member, reference) in members {
        let target = reference["shape"].as_str().expect("a member shape");
        let path = format!("{prefix}{member}");
        member_rules(shapes, target, &path, required.contains(&member.as_str()), out);
    }
}

fn member_rules(shapes: &Value, name: &str, path: &str, required: bool, out: &mut Vec<Value>) {
    let shape = &shapes[name];
    let kind = shape["type"].as_str().expect("a shape type");
    if kind == "structure" {
        if required {
            out.push(json!({ "member": path, "type": kind, "required": true }));
        }
        structure_rules(shapes, name, &format!("{path}."), out);
        return;
    }
    let mut rule = Map::new();
    rule.insert("member".into(), json!(path));
    rule.insert("type".into(), json!(kind));
    if required {
        rule.insert("required".into(), json!(true));
    }
    for key in ["min", "max", "enum", "pattern"] {
        if let Some(value) = shape.get(key) {
            rule.insert(key.into(), value.clone());
        }
    }
    if rule.len() > 2 {
        out.push(Value::Object(rule));
    }
    if kind == "list" {
        let member = shape["member"]["shape"].as_str().expect("a list member shape");
        member_rules(shapes, member, &format!("{path}[]"), false, out);
    }
}
