//! Bounded fuzzing of the response decoders: every operation output and the
//! error decoder get arbitrary bytes, JSON-ish token soup, and real response
//! bodies mutated at the JSON level (values of other types, huge numbers,
//! `"NaN"` strings, unicode escapes, duplicate keys, deep nesting) and at the
//! byte level (flips, inserts, deletes, truncation).
//!
//! The properties: a decoder never panics; `decode_output` gives `Ok` or a
//! `Decode` error without a body excerpt, and what `serde_json` would give
//! (outputs are read with the crate's own JSON reader, `json`);
//! `decode_error` always gives a `Service` error, with an excerpt exactly
//! when the body is not JSON; and every `Ok` output re-encodes and decodes
//! back to the same value.
//!
//! `PROPTEST_CASES` sets the cases per decoder (default 10,000) and
//! `PROPTEST_RNG_SEED` the seed (default fixed, so CI runs are repeatable).
//! Failures are not persisted: a failing case is printed, shrunk.

use crate::error::ErrorKind;
use crate::operations::*;
use crate::response::{decode_error, decode_output};
use proptest::prelude::*;
use proptest::sample::{Index, select};
use proptest::test_runner::{RngAlgorithm, RngSeed, TestCaseError, TestRunner};
use serde::de::{DeserializeOwned, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::value::RawValue;
use std::fmt;

/// Cases per decoder unless `PROPTEST_CASES` says otherwise.
const DEFAULT_CASES: u32 = 10_000;
/// The seed unless `PROPTEST_RNG_SEED` says otherwise.
const DEFAULT_SEED: u64 = 0x5f0_f022;

fn config() -> ProptestConfig {
    // `default()` reads the PROPTEST_* variables; only unset ones change here.
    let mut config = ProptestConfig {
        failure_persistence: None,
        max_shrink_iters: 2_000,
        ..ProptestConfig::default()
    };
    if std::env::var_os("PROPTEST_CASES").is_none() {
        config.cases = DEFAULT_CASES;
    }
    if std::env::var_os("PROPTEST_RNG_SEED").is_none() {
        config.rng_seed = RngSeed::Fixed(DEFAULT_SEED);
    }
    // ChaCha, unoptimized, costs more than the decoding under test.
    if std::env::var_os("PROPTEST_RNG_ALGORITHM").is_none() {
        config.rng_algorithm = RngAlgorithm::XorShift;
    }
    config
}

// ---------------------------------------------------------------------------
// Seed bodies: the real fixtures, and small bodies for the lifecycle outputs.

const DESCRIBE_EXECUTION: &[&[u8]] = &[
    include_bytes!("../tests/fixtures/describe_execution_full.json"),
    include_bytes!("../tests/fixtures/describe_execution_minimal.json"),
];
const DESCRIBE_MAP_RUN: &[&[u8]] = &[
    include_bytes!("../tests/fixtures/describe_map_run_full.json"),
    include_bytes!("../tests/fixtures/describe_map_run_minimal.json"),
];
const DESCRIBE_STATE_MACHINE: &[&[u8]] = &[
    include_bytes!("../tests/fixtures/describe_state_machine_full.json"),
    include_bytes!("../tests/fixtures/describe_state_machine_minimal.json"),
];
const DESCRIBE_STATE_MACHINE_FOR_EXECUTION: &[&[u8]] = &[
    include_bytes!("../tests/fixtures/describe_state_machine_for_execution_full.json"),
    include_bytes!("../tests/fixtures/describe_state_machine_for_execution_minimal.json"),
];
const GET_EXECUTION_HISTORY: &[&[u8]] =
    &[include_bytes!("../tests/fixtures/get_execution_history_all_events.json")];
const LIST_EXECUTIONS: &[&[u8]] = &[
    include_bytes!("../tests/fixtures/list_executions_full.json"),
    include_bytes!("../tests/fixtures/list_executions_minimal.json"),
];
const LIST_MAP_RUNS: &[&[u8]] = &[
    include_bytes!("../tests/fixtures/list_map_runs_full.json"),
    include_bytes!("../tests/fixtures/list_map_runs_minimal.json"),
];
const UPDATE_MAP_RUN: &[&[u8]] = &[
    include_bytes!("../tests/fixtures/update_map_run_full.json"),
    include_bytes!("../tests/fixtures/update_map_run_minimal.json"),
];
const CREATE_STATE_MACHINE: &[&[u8]] = &[
    br#"{"stateMachineArn":"arn:aws:states:us-east-1:123456789012:stateMachine:sm","creationDate":1795559751.538,"stateMachineVersionArn":"arn:aws:states:us-east-1:123456789012:stateMachine:sm:1"}"#,
];
const DELETE_STATE_MACHINE: &[&[u8]] = &[b"{}"];
const LIST_STATE_MACHINES: &[&[u8]] = &[
    br#"{"stateMachines":[{"stateMachineArn":"arn:aws:states:us-east-1:123456789012:stateMachine:a","name":"a","type":"STANDARD","creationDate":1.669852E9},{"stateMachineArn":"arn:aws:states:us-east-1:123456789012:stateMachine:b","name":"b","type":"FUTURE_TYPE","creationDate":1795559751}],"nextToken":"tok"}"#,
];
const START_EXECUTION: &[&[u8]] = &[
    br#"{"executionArn":"arn:aws:states:us-east-1:123456789012:execution:sm:run","startDate":1795559751.538}"#,
];
const STOP_EXECUTION: &[&[u8]] = &[br#"{"stopDate":1795559751.538}"#];
const EMPTY_OUTPUT: &[&[u8]] = &[b"{}"];
const LIST_TAGS_FOR_RESOURCE: &[&[u8]] = &[
    include_bytes!("../tests/fixtures/list_tags_for_resource_full.json"),
    include_bytes!("../tests/fixtures/list_tags_for_resource_minimal.json"),
];
const CREATE_ACTIVITY: &[&[u8]] = &[
    br#"{"activityArn":"arn:aws:states:us-east-1:123456789012:activity:a","creationDate":1795559751.538}"#,
];
const DESCRIBE_ACTIVITY: &[&[u8]] = &[
    include_bytes!("../tests/fixtures/describe_activity_full.json"),
    include_bytes!("../tests/fixtures/describe_activity_minimal.json"),
];
const LIST_ACTIVITIES: &[&[u8]] = &[
    include_bytes!("../tests/fixtures/list_activities_full.json"),
    include_bytes!("../tests/fixtures/list_activities_minimal.json"),
];
const DESCRIBE_STATE_MACHINE_ALIAS: &[&[u8]] = &[
    include_bytes!("../tests/fixtures/describe_state_machine_alias_full.json"),
    include_bytes!("../tests/fixtures/describe_state_machine_alias_minimal.json"),
];
const LIST_STATE_MACHINE_VERSIONS: &[&[u8]] = &[
    include_bytes!("../tests/fixtures/list_state_machine_versions_full.json"),
    include_bytes!("../tests/fixtures/list_state_machine_versions_minimal.json"),
];
const UPDATE_STATE_MACHINE: &[&[u8]] = &[
    include_bytes!("../tests/fixtures/update_state_machine_full.json"),
    include_bytes!("../tests/fixtures/update_state_machine_minimal.json"),
];
const PUBLISH_STATE_MACHINE_VERSION: &[&[u8]] = &[
    br#"{"creationDate":1795559751.538,"stateMachineVersionArn":"arn:aws:states:us-east-1:123456789012:stateMachine:sm:1"}"#,
];
const CREATE_STATE_MACHINE_ALIAS: &[&[u8]] = &[
    br#"{"stateMachineAliasArn":"arn:aws:states:us-east-1:123456789012:stateMachine:sm:PROD","creationDate":1795559751}"#,
];
const UPDATE_STATE_MACHINE_ALIAS: &[&[u8]] = &[br#"{"updateDate":1795559751.5}"#];
const LIST_STATE_MACHINE_ALIASES: &[&[u8]] = &[
    br#"{"stateMachineAliases":[{"stateMachineAliasArn":"arn:aws:states:us-east-1:123456789012:stateMachine:sm:PROD","creationDate":1795559751}],"nextToken":"t"}"#,
];
const VALIDATE_STATE_MACHINE_DEFINITION: &[&[u8]] = &[
    include_bytes!("../tests/fixtures/validate_state_machine_definition_full.json"),
    include_bytes!("../tests/fixtures/validate_state_machine_definition_minimal.json"),
];
const START_SYNC_EXECUTION: &[&[u8]] = &[
    include_bytes!("../tests/fixtures/start_sync_execution_full.json"),
    include_bytes!("../tests/fixtures/start_sync_execution_minimal.json"),
];
const TEST_STATE: &[&[u8]] = &[
    include_bytes!("../tests/fixtures/test_state_full.json"),
    include_bytes!("../tests/fixtures/test_state_minimal.json"),
];
const GET_ACTIVITY_TASK: &[&[u8]] = &[
    include_bytes!("../tests/fixtures/get_activity_task_full.json"),
    include_bytes!("../tests/fixtures/get_activity_task_minimal.json"),
];
const REDRIVE_EXECUTION: &[&[u8]] = &[br#"{"redriveDate":1795560000.25}"#];
const ERRORS: &[&[u8]] = &[
    br#"{"__type":"com.amazonaws.sfn#ExecutionDoesNotExist","message":"Execution Does Not Exist: 'arn'"}"#,
    br#"{"code":"InvalidToken:http://internal.amazon.com/coral/com.amazon.coral/","Message":"bad token"}"#,
    br#"{"__type":null,"errorMessage":"moto says no"}"#,
    br#"{"__type":{"__type":"Nested"},"message":["not","a","string"]}"#,
    b"<html><body><h1>502 Bad Gateway</h1></body></html>",
    b"",
];

/// Every seed body, for feeding one operation's decoder another's bodies.
const ALL_SEEDS: &[&[&[u8]]] = &[
    DESCRIBE_EXECUTION,
    DESCRIBE_MAP_RUN,
    DESCRIBE_STATE_MACHINE,
    DESCRIBE_STATE_MACHINE_FOR_EXECUTION,
    GET_EXECUTION_HISTORY,
    LIST_EXECUTIONS,
    LIST_MAP_RUNS,
    UPDATE_MAP_RUN,
    CREATE_STATE_MACHINE,
    DELETE_STATE_MACHINE,
    LIST_STATE_MACHINES,
    START_EXECUTION,
    STOP_EXECUTION,
    REDRIVE_EXECUTION,
    ERRORS,
];

// ---------------------------------------------------------------------------
// A JSON tree that keeps what mutations need and `serde_json::Value` loses:
// member order, duplicate keys, numbers as written, invalid literals.

#[derive(Clone, Debug)]
enum J {
    /// A scalar exactly as written (`1.669852E9`, `null`, `"\ud800"`).
    Raw(String),
    Str(String),
    Arr(Vec<J>),
    Obj(Vec<(String, J)>),
}

/// An object's members in order, values still raw.
struct Members(Vec<(String, Box<RawValue>)>);

impl<'de> Deserialize<'de> for Members {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Members;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Members, A::Error> {
                let mut members = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    members.push(entry);
                }
                Ok(Members(members))
            }
        }
        d.deserialize_map(V)
    }
}

/// Parses a valid seed body; an empty or non-JSON seed becomes a raw literal.
fn parse(text: &str) -> J {
    match text.trim_start().as_bytes().first() {
        Some(b'{') => match serde_json::from_str::<Members>(text) {
            Ok(m) => J::Obj(m.0.into_iter().map(|(k, v)| (k, parse(v.get()))).collect()),
            Err(_) => J::Raw(text.to_owned()),
        },
        Some(b'[') => match serde_json::from_str::<Vec<Box<RawValue>>>(text) {
            Ok(items) => J::Arr(items.iter().map(|v| parse(v.get())).collect()),
            Err(_) => J::Raw(text.to_owned()),
        },
        Some(b'"') => serde_json::from_str(text).map_or_else(|_| J::Raw(text.to_owned()), J::Str),
        _ => J::Raw(text.to_owned()),
    }
}

fn render_str(s: &str, escape_all: bool, out: &mut String) {
    if !escape_all {
        out.push_str(&serde_json::to_string(s).unwrap_or_default());
        return;
    }
    out.push('"');
    let mut units = [0u16; 2];
    for c in s.chars() {
        for unit in c.encode_utf16(&mut units) {
            out.push_str(&format!("\\u{unit:04x}"));
        }
    }
    out.push('"');
}

fn render(j: &J, escape_all: bool, out: &mut String) {
    match j {
        J::Raw(text) => out.push_str(text),
        J::Str(s) => render_str(s, escape_all, out),
        J::Arr(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                render(item, escape_all, out);
            }
            out.push(']');
        }
        J::Obj(members) => {
            out.push('{');
            for (i, (k, v)) in members.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                render_str(k, escape_all, out);
                out.push(':');
                render(v, escape_all, out);
            }
            out.push('}');
        }
    }
}

fn count(j: &J) -> usize {
    1 + match j {
        J::Arr(items) => items.iter().map(count).sum(),
        J::Obj(members) => members.iter().map(|(_, v)| count(v)).sum(),
        _ => 0,
    }
}

/// Calls `f` on the `n`th node in pre-order; true once it has.
fn at(j: &mut J, n: &mut usize, f: &mut dyn FnMut(&mut J)) -> bool {
    if *n == 0 {
        f(j);
        return true;
    }
    *n -= 1;
    match j {
        J::Arr(items) => items.iter_mut().any(|c| at(c, n, f)),
        J::Obj(members) => members.iter_mut().any(|(_, c)| at(c, n, f)),
        _ => false,
    }
}

// ---------------------------------------------------------------------------
// Mutations.

/// Short arbitrary text (`any::<String>()` builds a regex per case: slow).
fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(any::<char>(), 0..12).prop_map(String::from_iter)
}

/// Values to put where the seed had something else.
fn interesting() -> impl Strategy<Value = J> {
    let literals = select(vec![
        "null",
        "true",
        "false",
        "0",
        "-0",
        "-0.0",
        "1",
        "-1",
        "0.5",
        "1e308",
        "1e309",
        "-1e400",
        "1e-400",
        "4.9e-324",
        "1.7976931348623157e308",
        "2147483647",
        "2147483648",
        "-2147483649",
        "9223372036854775807",
        "9223372036854775808",
        "-9223372036854775809",
        "18446744073709551615",
        "18446744073709551616",
        "123456789012345678901234567890",
        "253402300799",
        "253402300799.999999",
        "253402300800",
        "-377705116800",
        "-377705116801",
        "9e18",
        "9.223372036854776e12",
        "1795559751.538",
        "1795559751.5385",
        "1.669852E9",
        "0.0000005",
        "-0.0000005",
        "1E400",
        "01",
        "1.",
        ".5",
        "+1",
        "NaN",
        "Infinity",
        "nul",
        r#""\ud800""#,
        r#""\udc00""#,
        r#""\udc00\ud800""#,
        r#""\uD834\uDD1E""#,
        r#""\u0000""#,
        r#""\x""#,
        r#""\u12""#,
        "\"\u{7f}\"",
    ])
    .prop_map(|s| J::Raw(s.to_owned()));
    let strings = select(vec![
        "",
        "NaN",
        "Infinity",
        "-Infinity",
        "nan",
        "1795559751",
        "SUCCEEDED",
        "RUNNING",
        "FAILED",
        "STANDARD",
        "EXPRESS",
        "MapRunStarted",
        "ExecutionFailed",
        "stateEnteredEventDetails",
        "\u{0}",
        "é",
        "𝄞",
        "\u{feff}",
        "\u{10ffff}",
    ])
    .prop_map(|s| J::Str(s.to_owned()));
    prop_oneof![
        4 => literals,
        3 => strings,
        2 => text().prop_map(J::Str),
        1 => (1usize..5_000).prop_map(|n| J::Str("x".repeat(n))),
        1 => any::<i64>().prop_map(|n| J::Raw(n.to_string())),
        1 => any::<u64>().prop_map(|n| J::Raw(n.to_string())),
        1 => any::<f64>().prop_map(|x| J::Raw(format!("{x:e}"))),
        1 => Just(J::Arr(Vec::new())),
        1 => Just(J::Obj(Vec::new())),
        1 => Just(J::Arr(vec![J::Obj(Vec::new()), J::Raw("null".into())])),
    ]
}

/// Keys worth inserting: members of the outputs and of history events.
fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        select(vec![
            "timestamp",
            "type",
            "id",
            "previousEventId",
            "events",
            "nextToken",
            "status",
            "startDate",
            "stopDate",
            "executionArn",
            "mapRunArn",
            "toleratedFailurePercentage",
            "itemCounts",
            "definition",
            "input",
            "output",
            "stateEnteredEventDetails",
            "mapRunStartedEventDetails",
            "futureEventDetails",
            "EventDetails",
            "loggingConfiguration",
            "variableReferences",
            "__type",
            "code",
            "message",
            "Message",
            "errorMessage",
        ])
        .prop_map(str::to_owned),
        text(),
    ]
}

#[derive(Clone, Debug)]
enum TreeMutation {
    /// Replaces a node.
    Replace(Index, J),
    /// Adds a member with an existing key (or a new one) to an object.
    AddMember(Index, Index, Option<String>, J),
    /// Removes a member or element.
    Remove(Index, Index),
    /// Wraps a node in arrays or objects, `depth` deep.
    Nest(Index, usize, bool),
    /// Changes a key's case or spelling.
    Rekey(Index, Index, bool),
    /// Turns an object into the array of its values and back.
    Reshape(Index),
}

fn tree_mutation() -> impl Strategy<Value = TreeMutation> {
    prop_oneof![
        5 => (any::<Index>(), interesting()).prop_map(|(at, v)| TreeMutation::Replace(at, v)),
        2 => (any::<Index>(), any::<Index>(), proptest::option::of(key()), interesting())
            .prop_map(|(at, i, k, v)| TreeMutation::AddMember(at, i, k, v)),
        2 => (any::<Index>(), any::<Index>()).prop_map(|(at, i)| TreeMutation::Remove(at, i)),
        1 => (any::<Index>(), prop_oneof![1usize..8, 120usize..140, 300usize..600], any::<bool>())
            .prop_map(|(at, depth, arrays)| TreeMutation::Nest(at, depth, arrays)),
        1 => (any::<Index>(), any::<Index>(), any::<bool>())
            .prop_map(|(at, i, upper)| TreeMutation::Rekey(at, i, upper)),
        1 => any::<Index>().prop_map(TreeMutation::Reshape),
    ]
}

fn apply_tree(j: &mut J, m: &TreeMutation) {
    let node = match m {
        TreeMutation::Replace(at, ..)
        | TreeMutation::AddMember(at, ..)
        | TreeMutation::Remove(at, ..)
        | TreeMutation::Nest(at, ..)
        | TreeMutation::Rekey(at, ..)
        | TreeMutation::Reshape(at) => at,
    };
    let mut n = node.index(count(j));
    at(j, &mut n, &mut |node| mutate(node, m));
}

fn mutate(n: &mut J, m: &TreeMutation) {
    match (m, n) {
        (TreeMutation::Replace(_, v), n) => *n = v.clone(),
        (TreeMutation::AddMember(_, i, k, v), J::Obj(members)) => {
            let key = match (k, members.is_empty()) {
                (Some(k), _) => k.clone(),
                (None, false) => members[i.index(members.len())].0.clone(),
                (None, true) => "id".to_owned(),
            };
            let pos = i.index(members.len() + 1);
            members.insert(pos, (key, v.clone()));
        }
        (TreeMutation::AddMember(_, i, _, v), J::Arr(items)) => {
            items.insert(i.index(items.len() + 1), v.clone());
        }
        (TreeMutation::Remove(_, i), J::Obj(members)) if !members.is_empty() => {
            members.remove(i.index(members.len()));
        }
        (TreeMutation::Remove(_, i), J::Arr(items)) if !items.is_empty() => {
            items.remove(i.index(items.len()));
        }
        (TreeMutation::Nest(_, depth, arrays), n) => {
            for _ in 0..*depth {
                let inner = std::mem::replace(n, J::Raw(String::new()));
                *n = if *arrays { J::Arr(vec![inner]) } else { J::Obj(vec![("a".into(), inner)]) };
            }
        }
        (TreeMutation::Rekey(_, i, upper), J::Obj(members)) if !members.is_empty() => {
            let pick = i.index(members.len());
            let k = &mut members[pick].0;
            *k = if *upper {
                let mut c = k.chars();
                c.next().map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
            } else {
                format!("{k}\u{0}")
            };
        }
        (TreeMutation::Reshape(_), n) => {
            *n = match std::mem::replace(n, J::Raw(String::new())) {
                J::Obj(members) => J::Arr(members.into_iter().map(|(_, v)| v).collect()),
                J::Arr(items) => {
                    J::Obj(items.into_iter().enumerate().map(|(i, v)| (i.to_string(), v)).collect())
                }
                other => other,
            }
        }
        _ => {}
    }
}

#[derive(Clone, Debug)]
enum ByteMutation {
    Flip(Index, u8),
    Insert(Index, u8),
    Delete(Index, usize),
    Truncate(Index),
    Splice(Index, &'static str),
    Repeat(Index, Index),
}

fn byte_mutation() -> impl Strategy<Value = ByteMutation> {
    prop_oneof![
        (any::<Index>(), 0u8..8).prop_map(|(i, bit)| ByteMutation::Flip(i, 1 << bit)),
        (any::<Index>(), any::<u8>()).prop_map(|(i, b)| ByteMutation::Insert(i, b)),
        (any::<Index>(), 1usize..16).prop_map(|(i, n)| ByteMutation::Delete(i, n)),
        any::<Index>().prop_map(ByteMutation::Truncate),
        (
            any::<Index>(),
            select(vec![
                "{", "}", "[", "]", ",", ":", "\"", "\\", "null", "\"NaN\"", "1e999", "-", "\\u",
                "\\ud800", "\u{0}", "\u{ff}", "\"a\":1,", ",,", "{}", "[]", "\r\n\t ",
            ])
        )
            .prop_map(|(i, s)| ByteMutation::Splice(i, s)),
        (any::<Index>(), any::<Index>()).prop_map(|(a, b)| ByteMutation::Repeat(a, b)),
    ]
}

fn apply_bytes(body: &mut Vec<u8>, m: &ByteMutation) {
    let len = body.len();
    match m {
        ByteMutation::Flip(i, mask) if len > 0 => body[i.index(len)] ^= mask,
        ByteMutation::Insert(i, b) => body.insert(i.index(len + 1), *b),
        ByteMutation::Delete(i, n) if len > 0 => {
            let start = i.index(len);
            body.drain(start..(start + n).min(len));
        }
        ByteMutation::Truncate(i) => body.truncate(i.index(len + 1)),
        ByteMutation::Splice(i, s) => {
            let at = i.index(len + 1);
            body.splice(at..at, s.bytes());
        }
        ByteMutation::Repeat(a, b) if len > 0 => {
            let (a, b) = (a.index(len), b.index(len));
            let slice = body[a.min(b)..=a.max(b)].to_vec();
            let at = a.max(b) + 1;
            body.splice(at..at, slice);
        }
        _ => {}
    }
}

/// A response body; `Debug` shows it as text so a failure reads.
#[derive(Clone)]
struct Body(Vec<u8>);

impl fmt::Debug for Body {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Body({:?})", String::from_utf8_lossy(&self.0))
    }
}

fn mutated(seeds: Vec<J>) -> impl Strategy<Value = Body> {
    (
        select(seeds),
        proptest::collection::vec(tree_mutation(), 0..4),
        any::<bool>(),
        prop_oneof![
            2 => Just(Vec::new()),
            1 => proptest::collection::vec(byte_mutation(), 1..4),
        ],
    )
        .prop_map(|(mut tree, tree_mutations, escape_all, byte_mutations)| {
            for m in &tree_mutations {
                apply_tree(&mut tree, m);
            }
            let mut text = String::new();
            // Escaping every string is rare: it hides most other mutations.
            render(&tree, escape_all && tree_mutations.len() == 1, &mut text);
            let mut body = text.into_bytes();
            for m in &byte_mutations {
                apply_bytes(&mut body, m);
            }
            Body(body)
        })
}

/// JSON-ish token soup, so arbitrary input gets past the first `{`.
fn soup() -> impl Strategy<Value = Body> {
    let token = prop_oneof![
        select(vec![
            "{",
            "}",
            "[",
            "]",
            ",",
            ":",
            "null",
            "true",
            "0",
            "-1.5e3",
            "\"NaN\"",
            "\"x\"",
            "\"events\"",
            "\"timestamp\"",
            "\"type\"",
            "\"id\"",
            "\"status\"",
            "\"startDate\"",
            "\"itemCounts\"",
            "\"stateEnteredEventDetails\"",
            "\"__type\"",
            "\"message\"",
            " ",
        ])
        .prop_map(str::to_owned),
        key().prop_map(|k| serde_json::to_string(&k).unwrap_or_default()),
    ];
    proptest::collection::vec(token, 0..40).prop_map(|tokens| {
        let mut text = String::from("{");
        text.extend(tokens);
        Body(text.into_bytes())
    })
}

/// The seeds as trees, plus one body per history event: mutations hit a
/// one-event body far more densely than the 62-event fixture, and it decodes
/// far faster.
fn trees(seeds: &[&[u8]]) -> Vec<J> {
    let mut out = Vec::new();
    for seed in seeds {
        let tree = parse(&String::from_utf8_lossy(seed));
        if let J::Obj(members) = &tree {
            for (key, value) in members {
                if let (true, J::Arr(events)) = (key == "events", value) {
                    let one = |e: &J| J::Obj(vec![("events".to_owned(), J::Arr(vec![e.clone()]))]);
                    out.extend(events.iter().map(one));
                }
            }
        }
        out.push(tree);
    }
    out
}

fn bodies(own: &[&[u8]]) -> impl Strategy<Value = Body> {
    let others: Vec<J> = ALL_SEEDS.iter().flat_map(|s| trees(s)).collect();
    prop_oneof![
        1 => proptest::collection::vec(any::<u8>(), 0..256).prop_map(Body),
        1 => proptest::collection::vec(any::<u8>(), 0..256).prop_map(|mut b| {
            b.insert(0, b'{');
            Body(b)
        }),
        2 => soup(),
        6 => mutated(trees(own)),
        2 => mutated(others),
    ]
}

/// Bodies up to this size are cut at every byte.
const SMALL_BODY: usize = 4_096;

/// Calls `f` with prefixes of the seeds: every prefix of a small seed; of a
/// large one (cutting it everywhere is quadratic), every 61st, plus every
/// prefix of each of its history events as a body of its own.
fn for_each_prefix(seeds: &[&[u8]], mut f: impl FnMut(&[u8])) {
    let mut cut = |body: &[u8], step: usize| {
        for end in (0..body.len()).step_by(step) {
            f(&body[..end]);
        }
        f(body);
    };
    for seed in seeds {
        if seed.len() <= SMALL_BODY {
            cut(seed, 1);
            continue;
        }
        cut(seed, 61);
        for tree in trees(&[seed]) {
            let mut text = String::new();
            render(&tree, false, &mut text);
            if text.len() <= SMALL_BODY {
                cut(text.as_bytes(), 1);
            }
        }
    }
}

// ---------------------------------------------------------------------------
// The properties.

fn check_output<T>(status: u16, body: &[u8]) -> Result<(), TestCaseError>
where
    T: DeserializeOwned + Serialize + PartialEq + fmt::Debug,
{
    let decoded = decode_output::<T>(status, body);
    same_as_serde_json(body, &decoded)?;
    let value = match decoded {
        Ok(value) => value,
        Err(e) => {
            prop_assert_eq!(e.kind(), ErrorKind::Decode, "{:?}", e);
            prop_assert_eq!(e.status(), Some(status));
            // A successful body carries customer data: never in an error.
            prop_assert_eq!(e.body_excerpt(), None);
            let _ = (e.to_string(), format!("{e:?}"));
            return Ok(());
        }
    };
    let _ = format!("{value:?}");
    let encoded = serde_json::to_vec(&value)
        .map_err(|e| TestCaseError::fail(format!("{value:?} does not encode: {e}")))?;
    let again: T = decode_output(200, &encoded).map_err(|e| {
        TestCaseError::fail(format!(
            "{value:?} encodes to {} which does not decode: {e}",
            String::from_utf8_lossy(&encoded)
        ))
    })?;
    let re_encoded = serde_json::to_vec(&again)
        .map_err(|e| TestCaseError::fail(format!("{again:?} does not encode: {e}")))?;
    // Compared as trees when the bytes differ: maps encode in hash order.
    let tree = |bytes: &[u8]| serde_json::from_slice::<serde_json::Value>(bytes).ok();
    prop_assert!(
        encoded == re_encoded || tree(&encoded) == tree(&re_encoded),
        "the decoded value changed on a round trip: {} became {}",
        String::from_utf8_lossy(&encoded),
        String::from_utf8_lossy(&re_encoded)
    );
    // NaN is not equal to itself; the encodings compared it already.
    #[allow(clippy::eq_op)]
    if value == value {
        prop_assert_eq!(&value, &again);
    }
    Ok(())
}

/// The crate's JSON reader against `serde_json`, on a body `decode_output`
/// reads whole: the same value, or both refuse it. The one difference
/// allowed: a body that is not UTF-8 is refused even where `serde_json`
/// skips the bad bytes.
fn same_as_serde_json<T>(body: &[u8], ours: &Result<T, crate::Error>) -> Result<(), TestCaseError>
where
    T: DeserializeOwned + Serialize + PartialEq + fmt::Debug,
{
    if body.iter().find(|b| !b.is_ascii_whitespace()).is_none_or(|&b| b != b'{') {
        return Ok(());
    }
    let theirs = serde_json::from_slice::<T>(body);
    let json = |v: &&T| serde_json::to_string(v).ok();
    agree(body, ours.as_ref(), theirs.as_ref(), |a, b| a == b || json(a) == json(b))
}

/// Two readers' results on `body` agree: the same value (by `same`), or both
/// refuse it; ours may refuse a body that is not UTF-8 which `serde_json`
/// reads.
fn agree<T: fmt::Debug>(
    body: &[u8],
    ours: Result<T, impl fmt::Debug>,
    theirs: Result<T, impl fmt::Debug>,
    same: impl Fn(&T, &T) -> bool,
) -> Result<(), TestCaseError> {
    match (&ours, &theirs) {
        (Ok(a), Ok(b)) => prop_assert!(same(a, b), "ours {a:?}, serde_json {b:?}"),
        (Err(_), Err(_)) => {}
        (Err(_), Ok(_)) if std::str::from_utf8(body).is_err() => {}
        _ => prop_assert!(false, "ours {ours:?}, serde_json {theirs:?}"),
    }
    Ok(())
}

fn fuzz_output<T>(own: &[&[u8]])
where
    T: DeserializeOwned + Serialize + PartialEq + fmt::Debug,
{
    let strategy = (prop_oneof![4 => Just(200u16), 1 => 200u16..300], bodies(own));
    let mut runner = TestRunner::new(config());
    if let Err(e) = runner.run(&strategy, |(status, body)| check_output::<T>(status, &body.0)) {
        panic!("{}: {e}", std::any::type_name::<T>());
    }
}

macro_rules! fuzz_outputs {
    ($( $test:ident: $output:ty = $seeds:expr; )+) => {
        $(
            #[test]
            fn $test() {
                fuzz_output::<$output>($seeds);
            }
        )+

        /// Feeds the prefixes of every seed to its own decoder.
        #[test]
        fn every_truncation_of_every_seed_decodes_or_fails_cleanly() {
            $(
                for_each_prefix($seeds, |prefix| {
                    if let Err(e) = check_output::<$output>(200, prefix) {
                        panic!("{} on {:?}: {e}", stringify!($output), Body(prefix.to_vec()));
                    }
                });
            )+
        }
    };
}

fuzz_outputs! {
    list_map_runs: ListMapRunsOutput = LIST_MAP_RUNS;
    describe_map_run: DescribeMapRunOutput = DESCRIBE_MAP_RUN;
    update_map_run: UpdateMapRunOutput = UPDATE_MAP_RUN;
    describe_execution: DescribeExecutionOutput = DESCRIBE_EXECUTION;
    list_executions: ListExecutionsOutput = LIST_EXECUTIONS;
    describe_state_machine: DescribeStateMachineOutput = DESCRIBE_STATE_MACHINE;
    describe_state_machine_for_execution: DescribeStateMachineForExecutionOutput =
        DESCRIBE_STATE_MACHINE_FOR_EXECUTION;
    get_execution_history: GetExecutionHistoryOutput = GET_EXECUTION_HISTORY;
    create_state_machine: CreateStateMachineOutput = CREATE_STATE_MACHINE;
    delete_state_machine: DeleteStateMachineOutput = DELETE_STATE_MACHINE;
    list_state_machines: ListStateMachinesOutput = LIST_STATE_MACHINES;
    start_execution: StartExecutionOutput = START_EXECUTION;
    stop_execution: StopExecutionOutput = STOP_EXECUTION;
    redrive_execution: RedriveExecutionOutput = REDRIVE_EXECUTION;
    tag_resource: TagResourceOutput = EMPTY_OUTPUT;
    untag_resource: UntagResourceOutput = EMPTY_OUTPUT;
    list_tags_for_resource: ListTagsForResourceOutput = LIST_TAGS_FOR_RESOURCE;
    create_activity: CreateActivityOutput = CREATE_ACTIVITY;
    delete_activity: DeleteActivityOutput = EMPTY_OUTPUT;
    describe_activity: DescribeActivityOutput = DESCRIBE_ACTIVITY;
    list_activities: ListActivitiesOutput = LIST_ACTIVITIES;
    get_activity_task: GetActivityTaskOutput = GET_ACTIVITY_TASK;
    send_task_success: SendTaskSuccessOutput = EMPTY_OUTPUT;
    send_task_failure: SendTaskFailureOutput = EMPTY_OUTPUT;
    send_task_heartbeat: SendTaskHeartbeatOutput = EMPTY_OUTPUT;
    publish_state_machine_version: PublishStateMachineVersionOutput =
        PUBLISH_STATE_MACHINE_VERSION;
    list_state_machine_versions: ListStateMachineVersionsOutput = LIST_STATE_MACHINE_VERSIONS;
    delete_state_machine_version: DeleteStateMachineVersionOutput = EMPTY_OUTPUT;
    create_state_machine_alias: CreateStateMachineAliasOutput = CREATE_STATE_MACHINE_ALIAS;
    describe_state_machine_alias: DescribeStateMachineAliasOutput = DESCRIBE_STATE_MACHINE_ALIAS;
    update_state_machine_alias: UpdateStateMachineAliasOutput = UPDATE_STATE_MACHINE_ALIAS;
    delete_state_machine_alias: DeleteStateMachineAliasOutput = EMPTY_OUTPUT;
    list_state_machine_aliases: ListStateMachineAliasesOutput = LIST_STATE_MACHINE_ALIASES;
    update_state_machine: UpdateStateMachineOutput = UPDATE_STATE_MACHINE;
    validate_state_machine_definition: ValidateStateMachineDefinitionOutput =
        VALIDATE_STATE_MACHINE_DEFINITION;
    start_sync_execution: StartSyncExecutionOutput = START_SYNC_EXECUTION;
    test_state: TestStateOutput = TEST_STATE;
}

/// The crate's JSON reader against `serde_json` on any JSON, not only what
/// fits an output: every body the output fuzzers make, from every seed, read
/// as a `serde_json::Value`.
#[test]
fn json_reader_reads_any_body_as_serde_json_does() {
    let seeds: Vec<&[u8]> = ALL_SEEDS.iter().flat_map(|s| s.iter().copied()).collect();
    let mut runner = TestRunner::new(config());
    let result = runner.run(&bodies(&seeds), |body| {
        let ours = crate::json::from_slice::<serde_json::Value>(&body.0);
        let theirs = serde_json::from_slice::<serde_json::Value>(&body.0);
        // As text, so that `-0.0` and `0.0` differ.
        let text = |v: &serde_json::Value| serde_json::to_string(v).ok();
        agree(&body.0, ours, theirs, |a, b| text(a) == text(b))?;
        // Skipped, as members a type does not know are.
        let ours = crate::json::from_slice::<serde::de::IgnoredAny>(&body.0);
        let theirs = serde_json::from_slice::<serde::de::IgnoredAny>(&body.0);
        agree(&body.0, ours, theirs, |_, _| true)?;
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
}

fn check_error(
    status: u16,
    header: Option<&str>,
    request_id: Option<String>,
    body: &[u8],
) -> Result<(), TestCaseError> {
    let e = decode_error(status, header, request_id.clone(), body, None);
    let _ = (e.to_string(), format!("{e:?}"));
    prop_assert_eq!(e.status(), Some(status));
    match e.kind() {
        ErrorKind::Service => {
            prop_assert_eq!(e.request_id(), request_id.as_deref());
            let code = e.code().map(|c| c.as_str()).unwrap_or_default();
            prop_assert!(!code.contains(':'), "code {:?} keeps a `:` suffix", code);
            prop_assert!(code.trim() == code, "code {:?} is not trimmed", code);
            let excerpt = e.body_excerpt().unwrap_or_default();
            prop_assert!(excerpt.chars().count() <= 201, "excerpt of {} chars", excerpt.len());
            // Only a body that is not a JSON object keeps an excerpt.
            let is_object = body.iter().all(u8::is_ascii_whitespace)
                || serde_json::from_slice::<serde_json::Map<String, serde_json::Value>>(body)
                    .is_ok();
            prop_assert_eq!(e.body_excerpt().is_some(), !is_object);
        }
        other => prop_assert!(false, "decode_error gave a {:?} error", other),
    }
    Ok(())
}

#[test]
fn error_decoder() {
    let header = proptest::option::of(prop_oneof![
        select(vec![
            "ThrottlingException",
            "com.amazonaws.sfn#InvalidArn",
            "InvalidToken:http://internal.amazon.com/",
            "a#b:c#d",
            "",
            ":",
            "#",
            " # : ",
            "é#",
        ])
        .prop_map(str::to_owned),
        text(),
    ]);
    let request_id = proptest::option::of(text());
    let strategy = (100u16..600, header, request_id, bodies(ERRORS));
    let mut runner = TestRunner::new(config());
    let result = runner.run(&strategy, |(status, header, request_id, body)| {
        check_error(status, header.as_deref(), request_id, &body.0)
    });
    if let Err(e) = result {
        panic!("decode_error: {e}");
    }
}

#[test]
fn every_truncation_of_every_error_seed_fails_cleanly() {
    for seeds in ALL_SEEDS {
        for_each_prefix(seeds, |prefix| {
            if let Err(e) = check_error(400, None, None, prefix) {
                panic!("on {:?}: {e}", Body(prefix.to_vec()));
            }
        });
    }
}

#[test]
fn mutation_helpers_keep_valid_seeds_valid() {
    // The tree round-trips each seed: mutations start from the real bodies.
    for seed in ALL_SEEDS.iter().flat_map(|s| s.iter()) {
        let text = String::from_utf8_lossy(seed);
        let Ok(expected) = serde_json::from_str::<serde_json::Value>(&text) else { continue };
        for escape_all in [false, true] {
            let mut out = String::new();
            render(&parse(&text), escape_all, &mut out);
            let got: serde_json::Value = serde_json::from_str(&out).unwrap();
            assert_eq!(got, expected);
        }
    }
}
