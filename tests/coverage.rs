//! Model coverage: every member of every modelled operation's input and
//! output, nested ones included, and every enum value of those shapes, is
//! kept by the crate's types.
//!
//! `fixtures/operation-shapes.json` (written by
//! `fixtures/generate_model_fixtures.py` from the model) holds, for each
//! operation of [`common::OPERATIONS`], an input and an output with every
//! member present; each must decode into the crate's type and encode back to
//! exactly the same JSON, so a member the crate lacks (or misspells) fails.
//! Its enums must be the crate's enums, value for value.
//!
//! When the model is present (`common::model::spec_dir`), the fixture
//! generator is run in its `--check` mode against it: a fixture not
//! refreshed after a model update fails here.
//!
//! History events carry one details member each, named by the event's type:
//! the sample event with every details member is checked one details member
//! at a time.

mod common;

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use sfn_lite::Operation;
use sfn_lite::operations::*;
use sfn_lite::types::*;
use std::collections::BTreeMap;

/// Decodes `sample` as `T` and encodes it back: `Err` says what changed.
fn round_trip<T: Serialize + DeserializeOwned>(sample: &Value) -> Result<(), String> {
    let decoded: T = serde_json::from_value(sample.clone()).map_err(|e| format!("decode: {e}"))?;
    let encoded = serde_json::to_value(&decoded).map_err(|e| format!("encode: {e}"))?;
    if encoded == *sample {
        return Ok(());
    }
    Err(format!("lost or changed members:\n{}", diff("", sample, &encoded).join("\n")))
}

/// The paths where `want` and `got` differ.
fn diff(at: &str, want: &Value, got: &Value) -> Vec<String> {
    match (want, got) {
        (Value::Object(w), Value::Object(g)) => w
            .iter()
            .flat_map(|(k, v)| match g.get(k) {
                Some(gv) => diff(&format!("{at}.{k}"), v, gv),
                None => vec![format!("{at}.{k} is missing")],
            })
            .collect(),
        (Value::Array(w), Value::Array(g)) if w.len() == g.len() => {
            w.iter().zip(g).flat_map(|(w, g)| diff(&format!("{at}[]"), w, g)).collect()
        }
        _ if want == got => Vec::new(),
        _ => vec![format!("{at}: {want} became {got}")],
    }
}

type Check = fn(&Value, &Value) -> Result<(), String>;

fn check<O>(input: &Value, output: &Value) -> Result<(), String>
where
    O: Operation + DeserializeOwned,
    O::Output: Serialize,
{
    round_trip::<O>(input).map_err(|e| format!("input: {e}"))?;
    round_trip::<O::Output>(output).map_err(|e| format!("output: {e}"))
}

/// GetExecutionHistory's output, one details member per event.
fn check_history(input: &Value, output: &Value) -> Result<(), String> {
    round_trip::<GetExecutionHistoryInput>(input).map_err(|e| format!("input: {e}"))?;
    let event = output["events"][0].as_object().ok_or("no sample event")?;
    let (details, base): (Map<String, Value>, Map<String, Value>) =
        event.clone().into_iter().partition(|(k, _)| k.ends_with("EventDetails"));
    for (member, value) in details {
        let mut one = base.clone();
        one.insert(member.clone(), value);
        let mut page = output.clone();
        page["events"] = Value::Array(vec![Value::Object(one)]);
        round_trip::<GetExecutionHistoryOutput>(&page).map_err(|e| format!("{member}: {e}"))?;
    }
    Ok(())
}

macro_rules! checks {
    ($($input:ty),* $(,)?) => {
        vec![$((<$input as Operation>::NAME, check::<$input> as Check)),*]
    };
}

fn checks() -> BTreeMap<&'static str, Check> {
    let mut all: BTreeMap<&'static str, Check> = checks![
        ListMapRunsInput,
        DescribeMapRunInput,
        UpdateMapRunInput,
        DescribeExecutionInput,
        ListExecutionsInput,
        StartExecutionInput,
        StopExecutionInput,
        RedriveExecutionInput,
        DescribeStateMachineInput,
        DescribeStateMachineForExecutionInput,
        CreateStateMachineInput,
        DeleteStateMachineInput,
        ListStateMachinesInput,
        TagResourceInput,
        UntagResourceInput,
        ListTagsForResourceInput,
        CreateActivityInput,
        DeleteActivityInput,
        DescribeActivityInput,
        ListActivitiesInput,
        GetActivityTaskInput,
        SendTaskSuccessInput,
        SendTaskFailureInput,
        SendTaskHeartbeatInput,
        PublishStateMachineVersionInput,
        ListStateMachineVersionsInput,
        DeleteStateMachineVersionInput,
        CreateStateMachineAliasInput,
        DescribeStateMachineAliasInput,
        UpdateStateMachineAliasInput,
        DeleteStateMachineAliasInput,
        ListStateMachineAliasesInput,
        UpdateStateMachineInput,
        ValidateStateMachineDefinitionInput,
        StartSyncExecutionInput,
        TestStateInput,
    ]
    .into_iter()
    .collect();
    all.insert(GetExecutionHistoryInput::NAME, check_history);
    all
}

#[test]
fn every_member_of_every_operation_round_trips() {
    let shapes = common::fixture_json("operation-shapes.json");
    let operations = shapes["operations"].as_object().expect("operations");
    let checks = checks();
    common::assert_every_operation_once("the checks", checks.keys().copied());
    common::assert_every_operation_once(
        "fixtures/operation-shapes.json",
        operations.keys().map(String::as_str),
    );
    let failures: Vec<String> = operations
        .iter()
        .filter_map(|(op, sample)| {
            (checks[op.as_str()])(&sample["input"], &sample["output"])
                .err()
                .map(|e| format!("{op} {e}"))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn every_enum_of_the_model_is_the_crates() {
    let shapes = common::fixture_json("operation-shapes.json");
    let model: BTreeMap<String, Vec<String>> =
        serde_json::from_value(shapes["enums"].clone()).expect("enums");
    let crate_enums: BTreeMap<&str, &[&str]> = [
        ("EncryptionType", EncryptionType::KNOWN),
        ("ExecutionRedriveFilter", ExecutionRedriveFilter::KNOWN),
        ("ExecutionRedriveStatus", ExecutionRedriveStatus::KNOWN),
        ("ExecutionStatus", ExecutionStatus::KNOWN),
        ("HistoryEventType", HistoryEventType::KNOWN),
        ("IncludedData", IncludedData::KNOWN),
        ("InspectionLevel", InspectionLevel::KNOWN),
        ("MockResponseValidationMode", MockResponseValidationMode::KNOWN),
        ("TestExecutionStatus", TestExecutionStatus::KNOWN),
        ("LogLevel", LogLevel::KNOWN),
        ("MapRunStatus", MapRunStatus::KNOWN),
        ("StateMachineStatus", StateMachineStatus::KNOWN),
        ("StateMachineType", StateMachineType::KNOWN),
        ("SyncExecutionStatus", SyncExecutionStatus::KNOWN),
        (
            "ValidateStateMachineDefinitionResultCode",
            ValidateStateMachineDefinitionResultCode::KNOWN,
        ),
        ("ValidateStateMachineDefinitionSeverity", ValidateStateMachineDefinitionSeverity::KNOWN),
    ]
    .into_iter()
    .collect();
    let names: Vec<&str> = model.keys().map(String::as_str).collect();
    assert_eq!(names, crate_enums.keys().copied().collect::<Vec<_>>(), "the enums");
    for (name, values) in &model {
        let mut known: Vec<&str> = crate_enums[name.as_str()].to_vec();
        known.sort_unstable();
        let mut values: Vec<&str> = values.iter().map(String::as_str).collect();
        values.sort_unstable();
        assert_eq!(known, values, "{name}");
    }
}

#[test]
fn the_generated_fixtures_are_what_the_model_gives() {
    let Some(spec) = common::model::spec_dir() else {
        eprintln!("service model not found (../shared/spec, $SFN_SPEC_DIR): not compared");
        return;
    };
    let script = common::fixture_path("generate_model_fixtures.py");
    let out = std::process::Command::new("python3")
        .arg(&script)
        .arg("--check")
        .arg(&spec)
        .output()
        .unwrap_or_else(|e| panic!("cannot run python3 {}: {e}", script.display()));
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}
