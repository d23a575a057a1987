//! Wire format of the richest outputs, from real-shaped response bodies
//! (tests/fixtures/, full and minimal): DescribeExecution, DescribeMapRun,
//! DescribeStateMachine, DescribeStateMachineForExecution, ListExecutions,
//! ListMapRuns, UpdateMapRun, DescribeActivity, ListActivities,
//! GetActivityTask, ListTagsForResource, DescribeStateMachineAlias,
//! ListStateMachineVersions, UpdateStateMachine and
//! ValidateStateMachineDefinition, StartSyncExecution and TestState. Decoding, re-encoding to the same JSON
//! (numbers compared exactly), lenient decoding, unknown enum values,
//! redacted `Debug`, input bodies and input validation. No server involved.
//!
//! The other outputs are decoded in tests/wire.rs (every operation, checked
//! against what the server sent) and tests/history.rs (GetExecutionHistory),
//! and every output decoder is fuzzed in src/fuzz_tests.rs.

mod common;

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};
use sfn_lite::operations::*;
use sfn_lite::types::*;
use sfn_lite::{Client, ErrorKind, Operation};
use std::collections::HashMap;
use std::fmt::Debug;
use time::OffsetDateTime;

const EXECUTION: &str =
    "arn:aws:states:us-east-1:123456789012:execution:ImageProcessing:nightly-2026-11-25";
const STATE_MACHINE: &str = "arn:aws:states:us-east-1:123456789012:stateMachine:ImageProcessing";
const MAP_RUN: &str = "arn:aws:states:us-east-1:123456789012:mapRun:ImageProcessing/ProcessImages:3f1a8e2c-6b1d-4c9e-9f0a-2d7e5b8c4a11";
const CHILD_EXECUTION: &str = "arn:aws:states:us-east-1:123456789012:execution:ImageProcessing/ProcessImages:3f1a8e2c-6b1d-4c9e-9f0a-2d7e5b8c4a11:5d2e8a1b-7c4f-4b3a-9e6d-1a2b3c4d5e6f";
const CHILD_STATE_MACHINE: &str =
    "arn:aws:states:us-east-1:123456789012:stateMachine:ImageProcessing/ProcessImages";
const VERSION: &str = "arn:aws:states:us-east-1:123456789012:stateMachine:ImageProcessing:3";
const ALIAS: &str = "arn:aws:states:us-east-1:123456789012:stateMachine:ImageProcessing:PROD";
const ROLE: &str = "arn:aws:iam::123456789012:role/service-role/StepFunctions-ImageProcessing-role";
const LOG_GROUP: &str =
    "arn:aws:logs:us-east-1:123456789012:log-group:/aws/vendedlogs/states/ImageProcessing-Logs:*";
const KMS_KEY: &str = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
const REVISION: &str = "1f0d3c2a-8b7e-4d6c-a5b4-3c2d1e0f9a8b";

// ---------------------------------------------------------------- helpers

/// The fixture `tests/fixtures/NAME.json`, as JSON.
fn fixture_json(name: &str) -> Value {
    common::fixture_json(&format!("{name}.json"))
}

fn decode<T: DeserializeOwned>(name: &str) -> T {
    serde_json::from_str(&common::fixture(&format!("{name}.json")))
        .unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn decode_value<T: DeserializeOwned>(value: &Value) -> T {
    serde_json::from_slice(&serde_json::to_vec(value).unwrap()).unwrap()
}

/// A timestamp from epoch seconds and milliseconds.
fn at(secs: i64, millis: i64) -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp_nanos(
        i128::from(secs) * 1_000_000_000 + i128::from(millis) * 1_000_000,
    )
    .unwrap()
}

/// Encodes with `to_vec` and decodes again.
fn reencode<T: Serialize + DeserializeOwned>(value: &T) -> (T, Value) {
    let bytes = serde_json::to_vec(value).unwrap();
    (serde_json::from_slice(&bytes).unwrap(), serde_json::from_slice(&bytes).unwrap())
}

/// JSON equality where numbers compare by their exact value: integers
/// exactly (2^53 + 1 is not 2^53, as it would be as `f64`s), an integer and
/// a float only when the float is that integer exactly (so `1.669852E9`
/// equals `1669852000`), two floats by their bits (serde_json holds a
/// non-integer as the nearest `f64`, correctly rounded with
/// `float_roundtrip`).
fn same_json(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => same_number(x, y),
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same_json(x, y))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same_json(v, w)))
        }
        _ => a == b,
    }
}

/// See [`same_json`].
fn same_number(x: &serde_json::Number, y: &serde_json::Number) -> bool {
    let integer =
        |n: &serde_json::Number| n.as_i64().map(i128::from).or_else(|| n.as_u64().map(i128::from));
    // The integer a float is exactly, if it is one (every integral f64 below
    // 2^127 converts to i128 without loss).
    let integral = |n: &serde_json::Number| {
        n.as_f64().filter(|f| f.fract() == 0.0 && f.abs() < 2f64.powi(127)).map(|f| f as i128)
    };
    match (integer(x), integer(y)) {
        (Some(x), Some(y)) => x == y,
        (Some(i), None) => integral(y) == Some(i),
        (None, Some(i)) => integral(x) == Some(i),
        (None, None) => x.as_f64().map(f64::to_bits) == y.as_f64().map(f64::to_bits),
    }
}

#[test]
fn same_json_compares_numbers_exactly() {
    let number = |text: &str| -> Value { serde_json::from_str(text).unwrap() };
    // Pairs the `f64` comparison this replaced called equal.
    for (a, b) in [
        ("9007199254740993", "9007199254740992"),
        ("9223372036854775807", "9223372036854775806"),
        ("18446744073709551615", "18446744073709551614"),
        ("-9223372036854775808", "-9223372036854775807"),
        ("9007199254740993", "9007199254740992.0"),
        ("9007199254740993", "9.007199254740993e15"),
    ] {
        let (a, b) = (number(a), number(b));
        assert_eq!(a.as_f64(), b.as_f64(), "{a} and {b} are one f64");
        assert!(!same_json(&a, &b), "{a} == {b}");
        assert!(!same_json(&json!({ "n": [a.clone()] }), &json!({ "n": [b.clone()] })), "{a}");
    }
    // The same value written differently is the same.
    for (a, b) in [
        ("1.669852E9", "1669852000"),
        ("1669852000.0", "1669852000"),
        ("18446744073709551615", "18446744073709551615"),
        ("0.1", "1e-1"),
        ("1795559751.538", "1.795559751538e9"),
    ] {
        assert!(same_json(&number(a), &number(b)), "{a} != {b}");
    }
    assert!(!same_json(&number("0.5"), &number("0")));
    assert!(!same_json(&number("1.5"), &number("1")));
}

/// Integers beyond 2^53 (counts, ids) decode and re-encode exactly.
#[test]
fn large_integers_round_trip_exactly() {
    let big = 9_007_199_254_740_993_i64;
    let wire = json!({
        "mapRunArn": MAP_RUN,
        "executionArn": EXECUTION,
        "status": "RUNNING",
        "startDate": 1795559751,
        "maxConcurrency": 2147483647,
        "toleratedFailurePercentage": 5.5,
        "toleratedFailureCount": i64::MAX,
        "itemCounts": {
            "pending": big, "running": big + 2, "succeeded": i64::MAX - 1, "failed": 0,
            "timedOut": 0, "aborted": 0, "total": i64::MAX, "resultsWritten": big,
        },
        "executionCounts": {
            "pending": 0, "running": 0, "succeeded": 0, "failed": 0,
            "timedOut": 0, "aborted": 0, "total": big, "resultsWritten": 0,
        },
    });
    let out: DescribeMapRunOutput = decode_value(&wire);
    assert_eq!((out.tolerated_failure_count, out.item_counts.pending), (i64::MAX, big));
    let (again, encoded) = reencode(&out);
    assert!(same_json(&encoded, &wire), "{encoded:#}\nvs\n{wire:#}");
    assert_eq!(again, out);

    let event = json!({ "timestamp": 1795559751, "type": "PassStateEntered", "id": big,
        "previousEventId": big - 1, "stateEnteredEventDetails": { "name": "Init" } });
    let decoded: HistoryEvent = decode_value(&event);
    assert_eq!((decoded.id, decoded.previous_event_id), (big, Some(big - 1)));
    assert!(same_json(&reencode(&decoded).1, &event), "{:#}", reencode(&decoded).1);
}

/// Decodes a fixture, checks that encoding gives the fixture back (same
/// members, same values) and that decoding that encoding gives an equal
/// value; returns the decoded value.
fn decode_and_round_trip<T>(name: &str) -> T
where
    T: Serialize + DeserializeOwned + PartialEq + Debug,
{
    let decoded: T = decode(name);
    let (again, encoded) = reencode(&decoded);
    assert!(
        same_json(&encoded, &fixture_json(name)),
        "{name} re-encodes differently:\n{encoded:#}\nvs\n{:#}",
        fixture_json(name)
    );
    assert_eq!(again, decoded, "{name} does not round-trip");
    decoded
}

fn client() -> Client {
    common::offline_client()
}

fn body<T: Serialize>(input: &T) -> String {
    serde_json::to_string(input).unwrap()
}

/// Asserts `validate` refuses the input as invalid input naming `member`.
fn refused<O: Operation>(input: &O, member: &str) {
    let err = input.validate().expect_err("validate accepted an invalid input");
    assert_eq!(err.kind(), ErrorKind::InvalidInput, "{err}");
    assert!(err.to_string().contains(&format!("`{member}`")), "{err} does not name {member}");
}

fn accepted<O: Operation + Debug>(input: &O) {
    if let Err(e) = input.validate() {
        panic!("{input:?} refused: {e}");
    }
}

fn long(n: usize) -> String {
    "a".repeat(n)
}

fn debug_hides<T: Debug + Serialize>(value: &T, secrets: &[&str]) {
    let debug = format!("{value:?}");
    let wire = serde_json::to_string(value).unwrap();
    assert!(debug.contains("Redacted"), "{debug}");
    for secret in secrets {
        assert!(!debug.contains(secret), "Debug shows {secret:?}: {debug}");
        assert!(wire.contains(secret), "serialization lost {secret:?}");
    }
}

fn variable_references() -> VariableReferences {
    Sensitive::new(HashMap::from([(
        "Resize".to_owned(),
        vec!["thumbnailWidth".to_owned(), "outputBucket".to_owned()],
    )]))
}

fn logging() -> LoggingConfiguration {
    LoggingConfiguration {
        level: Some(LogLevel::All),
        include_execution_data: Some(true),
        destinations: Some(vec![LogDestination {
            cloud_watch_logs_log_group: Some(CloudWatchLogsLogGroup {
                log_group_arn: Some(LOG_GROUP.to_owned()),
            }),
        }]),
    }
}

fn encryption() -> EncryptionConfiguration {
    EncryptionConfiguration {
        kms_key_id: Some(KMS_KEY.to_owned()),
        kms_data_key_reuse_period_seconds: Some(300),
        r#type: EncryptionType::CustomerManagedKmsKey,
    }
}

fn assert_definition(definition: &Sensitive<String>) {
    let asl: Value = serde_json::from_str(definition.expose()).unwrap();
    assert_eq!(asl["StartAt"], "ProcessImages");
    assert_eq!(
        asl["States"]["ProcessImages"]["ItemProcessor"]["ProcessorConfig"]["Mode"],
        "DISTRIBUTED"
    );
}

// ---------------------------------------------------------------- Map Runs

#[test]
fn list_map_runs_full() {
    let out: ListMapRunsOutput = decode_and_round_trip("list_map_runs_full");
    assert_eq!(out.map_runs.len(), 2);
    let first = &out.map_runs[0];
    assert_eq!(first.execution_arn, EXECUTION);
    assert_eq!(first.map_run_arn, MAP_RUN);
    assert_eq!(first.state_machine_arn, STATE_MACHINE);
    assert_eq!(first.start_date, at(1_795_559_751, 538));
    assert_eq!(first.stop_date, Some(at(1_795_559_812, 204)));
    let second = &out.map_runs[1];
    assert_eq!(second.execution_arn, EXECUTION);
    assert_eq!(
        second.map_run_arn,
        "arn:aws:states:us-east-1:123456789012:mapRun:ImageProcessing/ResizeThumbnails:8c0d2b4e-1f3a-4e5b-a6c7-9d8e0f1a2b3c"
    );
    assert_eq!(second.state_machine_arn, STATE_MACHINE);
    assert_eq!(second.start_date, at(1_669_852_000, 0));
    assert_eq!(second.stop_date, Some(at(1_669_852_123, 500)));
    assert_eq!(
        out.next_token.as_deref(),
        Some("AAAAAKgAAAACAAAAAAAAAAFJxMyJjM2ZjE0ZS1hNzQ1LTQzMzYtYjM5Yi0zMzQ3MDU5ZTkyNTMifQ==")
    );
}

#[test]
fn list_map_runs_minimal() {
    let out: ListMapRunsOutput = decode_and_round_trip("list_map_runs_minimal");
    assert_eq!(out.map_runs.len(), 1);
    let run = &out.map_runs[0];
    assert_eq!(run.execution_arn, EXECUTION);
    assert_eq!(run.map_run_arn, MAP_RUN);
    assert_eq!(run.state_machine_arn, STATE_MACHINE);
    assert_eq!(run.start_date, at(1_795_559_751, 538));
    assert_eq!(run.stop_date, None);
    assert_eq!(out.next_token, None);
}

#[test]
fn describe_map_run_full_with_nan_percentage() {
    let out: DescribeMapRunOutput = decode("describe_map_run_full");
    assert_eq!(out.map_run_arn, MAP_RUN);
    assert_eq!(out.execution_arn, EXECUTION);
    assert_eq!(out.status, MapRunStatus::Failed);
    assert_eq!(out.start_date, at(1_795_559_751, 538));
    assert_eq!(out.stop_date, Some(at(1_669_852_000, 0)));
    assert_eq!(out.max_concurrency, 1000);
    assert!(out.tolerated_failure_percentage.is_nan());
    assert_eq!(out.tolerated_failure_count, 25);
    let items = &out.item_counts;
    assert_eq!((items.pending, items.running, items.succeeded, items.failed), (0, 0, 9950, 40));
    assert_eq!(
        (items.timed_out, items.aborted, items.total, items.results_written),
        (6, 4, 10000, 9950)
    );
    assert_eq!((items.failures_not_redrivable, items.pending_redrive), (Some(2), Some(48)));
    let execs = &out.execution_counts;
    assert_eq!((execs.pending, execs.running, execs.succeeded, execs.failed), (0, 0, 99, 1));
    assert_eq!(
        (execs.timed_out, execs.aborted, execs.total, execs.results_written),
        (0, 0, 100, 99)
    );
    assert_eq!((execs.failures_not_redrivable, execs.pending_redrive), (Some(0), Some(1)));
    assert_eq!(out.redrive_count, Some(2));
    assert_eq!(out.redrive_date, Some(at(1_795_560_000, 250)));

    // NaN is not equal to itself: compare the rest, and the wire form.
    let (mut again, encoded) = reencode(&out);
    assert!(same_json(&encoded, &fixture_json("describe_map_run_full")), "{encoded}");
    assert_eq!(encoded["toleratedFailurePercentage"], "NaN");
    assert!(again.tolerated_failure_percentage.is_nan());
    let mut out = out;
    again.tolerated_failure_percentage = 0.0;
    out.tolerated_failure_percentage = 0.0;
    assert_eq!(again, out);
}

#[test]
fn describe_map_run_non_finite_percentages() {
    let mut body = fixture_json("describe_map_run_minimal");
    for (wire, expected) in [("Infinity", f64::INFINITY), ("-Infinity", f64::NEG_INFINITY)] {
        body["toleratedFailurePercentage"] = json!(wire);
        let out: DescribeMapRunOutput = decode_value(&body);
        assert_eq!(out.tolerated_failure_percentage, expected);
        assert_eq!(reencode(&out).1["toleratedFailurePercentage"], wire);
    }
}

#[test]
fn describe_map_run_minimal() {
    let out: DescribeMapRunOutput = decode_and_round_trip("describe_map_run_minimal");
    assert_eq!(out.map_run_arn, MAP_RUN);
    assert_eq!(out.execution_arn, EXECUTION);
    assert_eq!(out.status, MapRunStatus::Running);
    assert_eq!(out.start_date, at(1_795_559_751, 538));
    assert_eq!(out.stop_date, None);
    assert_eq!(out.max_concurrency, 0);
    assert_eq!(out.tolerated_failure_percentage, 12.5);
    assert_eq!(out.tolerated_failure_count, 0);
    let items = &out.item_counts;
    assert_eq!((items.pending, items.running, items.succeeded, items.failed), (600, 40, 350, 10));
    assert_eq!(
        (items.timed_out, items.aborted, items.total, items.results_written),
        (0, 0, 1000, 0)
    );
    assert_eq!((items.failures_not_redrivable, items.pending_redrive), (None, None));
    let execs = &out.execution_counts;
    assert_eq!((execs.pending, execs.running, execs.succeeded, execs.failed), (6, 1, 3, 0));
    assert_eq!((execs.timed_out, execs.aborted, execs.total, execs.results_written), (0, 0, 10, 0));
    assert_eq!((execs.failures_not_redrivable, execs.pending_redrive), (None, None));
    assert_eq!(out.redrive_count, None);
    assert_eq!(out.redrive_date, None);
}

#[test]
fn update_map_run_output_is_empty() {
    for name in ["update_map_run_full", "update_map_run_minimal"] {
        let out: UpdateMapRunOutput = decode_and_round_trip(name);
        assert_eq!(out, UpdateMapRunOutput::default());
        assert_eq!(serde_json::to_string(&out).unwrap(), "{}");
    }
    // Members a later API version may add are ignored.
    let out: UpdateMapRunOutput = serde_json::from_str(r#"{"requestId":"x"}"#).unwrap();
    assert_eq!(out, UpdateMapRunOutput::default());
}

// ---------------------------------------------------------------- executions

#[test]
fn describe_execution_full() {
    let out: DescribeExecutionOutput = decode_and_round_trip("describe_execution_full");
    assert_eq!(out.execution_arn, CHILD_EXECUTION);
    assert_eq!(out.state_machine_arn, CHILD_STATE_MACHINE);
    assert_eq!(out.name.as_deref(), Some("5d2e8a1b-7c4f-4b3a-9e6d-1a2b3c4d5e6f"));
    assert_eq!(out.status, ExecutionStatus::Failed);
    assert_eq!(out.start_date, at(1_795_559_751, 538));
    assert_eq!(out.stop_date, Some(at(1_669_852_000, 0)));
    assert_eq!(
        out.input.as_ref().map(Sensitive::as_str),
        Some(r#"{"bucket":"photos-prod","apiKey":"sk-live-INPUT-SECRET-7731"}"#)
    );
    assert_eq!(out.input_details.as_ref().and_then(|d| d.included), Some(true));
    assert_eq!(
        out.output.as_ref().map(Sensitive::as_str),
        Some(r#"{"partial":true,"sessionToken":"OUTPUT-SECRET-5520"}"#)
    );
    assert_eq!(out.output_details.as_ref().and_then(|d| d.included), Some(false));
    assert_eq!(
        out.trace_header.as_deref(),
        Some("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1")
    );
    assert_eq!(out.map_run_arn.as_deref(), Some(MAP_RUN));
    assert_eq!(out.error.as_ref().map(Sensitive::as_str), Some("Lambda.ERROR-SECRET-Unknown"));
    assert_eq!(
        out.cause.as_ref().map(Sensitive::as_str),
        Some("Resize failed for s3://photos-prod/CAUSE-SECRET-raw/img_0042.jpg: out of memory")
    );
    assert_eq!(out.state_machine_version_arn.as_deref(), Some(VERSION));
    assert_eq!(out.state_machine_alias_arn.as_deref(), Some(ALIAS));
    assert_eq!(out.redrive_count, Some(1));
    assert_eq!(out.redrive_date, Some(at(1_795_560_000, 250)));
    assert_eq!(out.redrive_status, Some(ExecutionRedriveStatus::RedrivableByMapRun));
    assert_eq!(
        out.redrive_status_reason.as_ref().map(Sensitive::as_str),
        Some("Execution is a child of Map Run REASON-SECRET-abc and is redriven with it")
    );
}

#[test]
fn describe_execution_minimal() {
    let out: DescribeExecutionOutput = decode_and_round_trip("describe_execution_minimal");
    assert_eq!(out.execution_arn, EXECUTION);
    assert_eq!(out.state_machine_arn, STATE_MACHINE);
    assert_eq!(out.status, ExecutionStatus::Running);
    assert_eq!(out.start_date, at(1_669_852_000, 0));
    assert_eq!(out.name, None);
    assert_eq!(out.stop_date, None);
    assert_eq!(out.input, None);
    assert_eq!(out.input_details, None);
    assert_eq!(out.output, None);
    assert_eq!(out.output_details, None);
    assert_eq!(out.trace_header, None);
    assert_eq!(out.map_run_arn, None);
    assert_eq!(out.error, None);
    assert_eq!(out.cause, None);
    assert_eq!(out.state_machine_version_arn, None);
    assert_eq!(out.state_machine_alias_arn, None);
    assert_eq!(out.redrive_count, None);
    assert_eq!(out.redrive_date, None);
    assert_eq!(out.redrive_status, None);
    assert_eq!(out.redrive_status_reason, None);
}

#[test]
fn list_executions_full() {
    let out: ListExecutionsOutput = decode_and_round_trip("list_executions_full");
    assert_eq!(out.executions.len(), 2);
    let first = &out.executions[0];
    assert_eq!(first.execution_arn, CHILD_EXECUTION);
    assert_eq!(first.state_machine_arn, CHILD_STATE_MACHINE);
    assert_eq!(first.name, "5d2e8a1b-7c4f-4b3a-9e6d-1a2b3c4d5e6f");
    assert_eq!(first.status, ExecutionStatus::Succeeded);
    assert_eq!(first.start_date, at(1_795_559_751, 538));
    assert_eq!(first.stop_date, Some(at(1_795_559_752, 900)));
    assert_eq!(first.map_run_arn.as_deref(), Some(MAP_RUN));
    assert_eq!(first.item_count, Some(100));
    assert_eq!(first.state_machine_version_arn.as_deref(), Some(VERSION));
    assert_eq!(first.state_machine_alias_arn.as_deref(), Some(ALIAS));
    assert_eq!(first.redrive_count, Some(0));
    assert_eq!(first.redrive_date, Some(at(1_669_852_000, 0)));
    let second = &out.executions[1];
    assert_eq!(
        second.execution_arn,
        "arn:aws:states:us-east-1:123456789012:execution:ImageProcessing/ProcessImages:3f1a8e2c-6b1d-4c9e-9f0a-2d7e5b8c4a11:9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"
    );
    assert_eq!(second.state_machine_arn, CHILD_STATE_MACHINE);
    assert_eq!(second.name, "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d");
    assert_eq!(second.status, ExecutionStatus::Failed);
    assert_eq!(second.start_date, at(1_795_559_751, 611));
    assert_eq!(second.stop_date, Some(at(1_795_559_760, 4)));
    assert_eq!(second.map_run_arn.as_deref(), Some(MAP_RUN));
    assert_eq!(second.item_count, Some(100));
    assert_eq!(second.state_machine_version_arn.as_deref(), Some(VERSION));
    assert_eq!(second.state_machine_alias_arn.as_deref(), Some(ALIAS));
    assert_eq!(second.redrive_count, Some(2));
    assert_eq!(second.redrive_date, Some(at(1_795_560_000, 250)));
    assert_eq!(
        out.next_token.as_deref(),
        Some("AAAAAKgAAAACAAAAAAAAAAGzX4JvU0xZT2V4ZWN1dGlvbnMiLCJwYWdlIjoyfQ==")
    );
}

#[test]
fn list_executions_minimal() {
    let out: ListExecutionsOutput = decode_and_round_trip("list_executions_minimal");
    assert_eq!(out.executions.len(), 1);
    let item = &out.executions[0];
    assert_eq!(item.execution_arn, EXECUTION);
    assert_eq!(item.state_machine_arn, STATE_MACHINE);
    assert_eq!(item.name, "nightly-2026-11-25");
    assert_eq!(item.status, ExecutionStatus::Running);
    assert_eq!(item.start_date, at(1_795_559_751, 538));
    assert_eq!(item.stop_date, None);
    assert_eq!(item.map_run_arn, None);
    assert_eq!(item.item_count, None);
    assert_eq!(item.state_machine_version_arn, None);
    assert_eq!(item.state_machine_alias_arn, None);
    assert_eq!(item.redrive_count, None);
    assert_eq!(item.redrive_date, None);
    assert_eq!(out.next_token, None);
}

// ---------------------------------------------------------------- state machines

#[test]
fn describe_state_machine_full() {
    let out: DescribeStateMachineOutput = decode_and_round_trip("describe_state_machine_full");
    assert_eq!(out.state_machine_arn, VERSION);
    assert_eq!(out.name, "ImageProcessing");
    assert_eq!(out.status, Some(StateMachineStatus::Active));
    assert_definition(&out.definition);
    assert_eq!(out.role_arn, ROLE);
    assert_eq!(out.r#type, StateMachineType::Standard);
    assert_eq!(out.creation_date, at(1_795_559_751, 538));
    assert_eq!(out.logging_configuration, Some(logging()));
    assert_eq!(out.tracing_configuration.as_ref().and_then(|t| t.enabled), Some(true));
    assert_eq!(out.label.as_deref(), Some("ProcessImages"));
    assert_eq!(out.revision_id.as_deref(), Some(REVISION));
    assert_eq!(
        out.description.as_ref().map(Sensitive::as_str),
        Some("Version 3: DESCRIPTION-SECRET larger thumbnails")
    );
    assert_eq!(out.encryption_configuration, Some(encryption()));
    assert_eq!(out.variable_references, Some(variable_references()));
}

#[test]
fn describe_state_machine_minimal() {
    let out: DescribeStateMachineOutput = decode_and_round_trip("describe_state_machine_minimal");
    assert_eq!(out.state_machine_arn, STATE_MACHINE);
    assert_eq!(out.name, "ImageProcessing");
    assert_eq!(out.status, None);
    assert_definition(&out.definition);
    assert_eq!(out.role_arn, ROLE);
    assert_eq!(out.r#type, StateMachineType::Express);
    assert_eq!(out.creation_date, at(1_669_852_000, 0));
    assert_eq!(out.logging_configuration, None);
    assert_eq!(out.tracing_configuration, None);
    assert_eq!(out.label, None);
    assert_eq!(out.revision_id, None);
    assert_eq!(out.description, None);
    assert_eq!(out.encryption_configuration, None);
    assert_eq!(out.variable_references, None);
}

#[test]
fn describe_state_machine_for_execution_full() {
    let out: DescribeStateMachineForExecutionOutput =
        decode_and_round_trip("describe_state_machine_for_execution_full");
    assert_eq!(out.state_machine_arn, CHILD_STATE_MACHINE);
    assert_eq!(out.name, "ImageProcessing/ProcessImages");
    assert_definition(&out.definition);
    assert_eq!(out.role_arn, ROLE);
    assert_eq!(out.update_date, at(1_795_559_751, 538));
    assert_eq!(out.logging_configuration, Some(logging()));
    assert_eq!(out.tracing_configuration.as_ref().and_then(|t| t.enabled), Some(false));
    assert_eq!(out.map_run_arn.as_deref(), Some(MAP_RUN));
    assert_eq!(out.label.as_deref(), Some("ProcessImages"));
    assert_eq!(out.revision_id.as_deref(), Some(REVISION));
    assert_eq!(out.encryption_configuration, Some(encryption()));
    assert_eq!(out.variable_references, Some(variable_references()));
}

#[test]
fn describe_state_machine_for_execution_minimal() {
    let out: DescribeStateMachineForExecutionOutput =
        decode_and_round_trip("describe_state_machine_for_execution_minimal");
    assert_eq!(out.state_machine_arn, STATE_MACHINE);
    assert_eq!(out.name, "ImageProcessing");
    assert_definition(&out.definition);
    assert_eq!(out.role_arn, ROLE);
    assert_eq!(out.update_date, at(1_669_852_000, 0));
    assert_eq!(out.logging_configuration, None);
    assert_eq!(out.tracing_configuration, None);
    assert_eq!(out.map_run_arn, None);
    assert_eq!(out.label, None);
    assert_eq!(out.revision_id, None);
    assert_eq!(out.encryption_configuration, None);
    assert_eq!(out.variable_references, None);
}

// ---------------------------------------------------------------- lenient decoding

#[test]
fn missing_update_date_decodes_as_moto_sends_it() {
    // moto 5.2.5 leaves out the required updateDate.
    let mut body = fixture_json("describe_state_machine_for_execution_minimal");
    body.as_object_mut().unwrap().remove("updateDate");
    let out: DescribeStateMachineForExecutionOutput = decode_value(&body);
    assert_eq!(out.update_date, OffsetDateTime::UNIX_EPOCH);
    assert_eq!(out.name, "ImageProcessing");
    assert_eq!(out.role_arn, ROLE);
}

#[test]
fn missing_required_members_get_zero_values() {
    let out: DescribeExecutionOutput = serde_json::from_str("{}").unwrap();
    assert_eq!(out.execution_arn, "");
    assert_eq!(out.state_machine_arn, "");
    assert_eq!(out.status, ExecutionStatus::Unknown(String::new()));
    assert_eq!(out.start_date, OffsetDateTime::UNIX_EPOCH);

    let out: DescribeMapRunOutput = serde_json::from_str("{}").unwrap();
    assert_eq!(out.map_run_arn, "");
    assert_eq!(out.status, MapRunStatus::Unknown(String::new()));
    assert_eq!(out.tolerated_failure_percentage, 0.0);
    assert_eq!(out.item_counts, MapRunCounts::default());
    assert_eq!(out.execution_counts, MapRunCounts::default());

    let out: DescribeStateMachineOutput = serde_json::from_str("{}").unwrap();
    assert_eq!(out.definition.as_str(), "");
    assert_eq!(out.r#type, StateMachineType::Unknown(String::new()));
    assert_eq!(out.creation_date, OffsetDateTime::UNIX_EPOCH);

    let out: ListExecutionsOutput = serde_json::from_str("{}").unwrap();
    assert!(out.executions.is_empty());
    let out: ListMapRunsOutput = serde_json::from_str("{}").unwrap();
    assert!(out.map_runs.is_empty());

    let item: ExecutionListItem = serde_json::from_str(r#"{"executionArn":"x"}"#).unwrap();
    assert_eq!((item.execution_arn.as_str(), item.name.as_str()), ("x", ""));
    assert_eq!(item.start_date, OffsetDateTime::UNIX_EPOCH);
    let item: MapRunListItem = serde_json::from_str(r#"{"mapRunArn":"m"}"#).unwrap();
    assert_eq!(item.map_run_arn, "m");
    assert_eq!(item.start_date, OffsetDateTime::UNIX_EPOCH);
}

#[test]
fn nulls_and_unknown_members_are_tolerated() {
    let mut body = fixture_json("describe_execution_minimal");
    let obj = body.as_object_mut().unwrap();
    obj.insert("stopDate".into(), Value::Null);
    obj.insert("redriveDate".into(), Value::Null);
    obj.insert("aNewMember".into(), json!({"nested": [1, 2, 3]}));
    let out: DescribeExecutionOutput = decode_value(&body);
    assert_eq!(out.stop_date, None);
    assert_eq!(out.redrive_date, None);
    assert_eq!(out.execution_arn, EXECUTION);
    // Absent optionals stay absent when re-encoded.
    assert!(same_json(&reencode(&out).1, &fixture_json("describe_execution_minimal")));
}

#[test]
fn unknown_enum_values_decode_and_re_encode_unchanged() {
    fn check<T: Serialize + DeserializeOwned + PartialEq + Debug>(
        fixture: &str,
        pointer: &str,
        value: &str,
        get: impl Fn(&T) -> String,
    ) {
        let mut body = fixture_json(fixture);
        *body.pointer_mut(pointer).unwrap_or_else(|| panic!("{fixture}{pointer}")) = json!(value);
        let out: T = decode_value(&body);
        assert_eq!(get(&out), format!("Unknown({value:?})"), "{fixture}{pointer}");
        let (again, encoded) = reencode(&out);
        assert_eq!(encoded.pointer(pointer), Some(&json!(value)));
        assert_eq!(again, out);
    }
    check::<DescribeExecutionOutput>("describe_execution_full", "/status", "PAUSED", |o| {
        format!("{:?}", o.status)
    });
    check::<DescribeExecutionOutput>(
        "describe_execution_full",
        "/redriveStatus",
        "REDRIVABLE_LATER",
        |o| format!("{:?}", o.redrive_status.clone().unwrap()),
    );
    check::<ListExecutionsOutput>("list_executions_full", "/executions/1/status", "PAUSED", |o| {
        format!("{:?}", o.executions[1].status)
    });
    check::<DescribeMapRunOutput>("describe_map_run_minimal", "/status", "PAUSED", |o| {
        format!("{:?}", o.status)
    });
    check::<DescribeStateMachineOutput>(
        "describe_state_machine_full",
        "/status",
        "UPDATING",
        |o| format!("{:?}", o.status.clone().unwrap()),
    );
    check::<DescribeStateMachineOutput>("describe_state_machine_full", "/type", "DURABLE", |o| {
        format!("{:?}", o.r#type)
    });
    check::<DescribeStateMachineOutput>(
        "describe_state_machine_full",
        "/loggingConfiguration/level",
        "DEBUG",
        |o| format!("{:?}", o.logging_configuration.clone().unwrap().level.unwrap()),
    );
    check::<DescribeStateMachineForExecutionOutput>(
        "describe_state_machine_for_execution_full",
        "/encryptionConfiguration/type",
        "HSM_KEY",
        |o| format!("{:?}", o.encryption_configuration.clone().unwrap().r#type),
    );
}

// ---------------------------------------------------------------- Debug redaction

#[test]
fn debug_redacts_sensitive_members() {
    let execution: DescribeExecutionOutput = decode("describe_execution_full");
    debug_hides(
        &execution,
        &["INPUT-SECRET", "OUTPUT-SECRET", "ERROR-SECRET", "CAUSE-SECRET", "REASON-SECRET"],
    );
    // Non-sensitive members still show.
    assert!(format!("{execution:?}").contains(MAP_RUN));

    let secrets = ["DEFINITION-SECRET", "thumbnailWidth", "outputBucket"];
    let state_machine: DescribeStateMachineOutput = decode("describe_state_machine_full");
    debug_hides(&state_machine, &["DESCRIPTION-SECRET"]);
    debug_hides(&state_machine, &secrets);
    let for_execution: DescribeStateMachineForExecutionOutput =
        decode("describe_state_machine_for_execution_full");
    debug_hides(&for_execution, &secrets);
    assert!(format!("{for_execution:?}").contains(ROLE));
}

// ---------------------------------------------------------------- input bodies

#[test]
fn operation_names() {
    assert_eq!(ListMapRunsInput::NAME, "ListMapRuns");
    assert_eq!(DescribeMapRunInput::NAME, "DescribeMapRun");
    assert_eq!(UpdateMapRunInput::NAME, "UpdateMapRun");
    assert_eq!(DescribeExecutionInput::NAME, "DescribeExecution");
    assert_eq!(ListExecutionsInput::NAME, "ListExecutions");
    assert_eq!(DescribeStateMachineInput::NAME, "DescribeStateMachine");
    assert_eq!(DescribeStateMachineForExecutionInput::NAME, "DescribeStateMachineForExecution");
}

#[test]
fn map_run_input_bodies() {
    let c = client();
    let full = c.list_map_runs(EXECUTION).max_results(100).next_token("tok-2").into_input();
    assert_eq!(
        body(&full),
        format!(r#"{{"executionArn":"{EXECUTION}","maxResults":100,"nextToken":"tok-2"}}"#)
    );
    assert_eq!(
        body(&ListMapRunsInput::new(EXECUTION)),
        format!(r#"{{"executionArn":"{EXECUTION}"}}"#)
    );

    let input = c.describe_map_run(MAP_RUN).into_input();
    assert_eq!(input, DescribeMapRunInput::new(MAP_RUN));
    assert_eq!(body(&input), format!(r#"{{"mapRunArn":"{MAP_RUN}"}}"#));

    let full = c
        .update_map_run(MAP_RUN)
        .max_concurrency(50)
        .tolerated_failure_percentage(5.5)
        .tolerated_failure_count(10)
        .into_input();
    assert_eq!(
        body(&full),
        format!(
            r#"{{"mapRunArn":"{MAP_RUN}","maxConcurrency":50,"toleratedFailurePercentage":5.5,"toleratedFailureCount":10}}"#
        )
    );
    assert_eq!(body(&UpdateMapRunInput::new(MAP_RUN)), format!(r#"{{"mapRunArn":"{MAP_RUN}"}}"#));
}

#[test]
fn execution_input_bodies() {
    let c = client();
    let full =
        c.describe_execution(EXECUTION).included_data(IncludedData::MetadataOnly).into_input();
    assert_eq!(
        body(&full),
        format!(r#"{{"executionArn":"{EXECUTION}","includedData":"METADATA_ONLY"}}"#)
    );
    assert_eq!(
        body(&DescribeExecutionInput::new(EXECUTION)),
        format!(r#"{{"executionArn":"{EXECUTION}"}}"#)
    );

    // Every member, in model order (validate refuses this one: both ARNs).
    let every = c
        .list_executions()
        .state_machine_arn(STATE_MACHINE)
        .status_filter(ExecutionStatus::Failed)
        .max_results(50)
        .next_token("tok-3")
        .map_run_arn(MAP_RUN)
        .redrive_filter(ExecutionRedriveFilter::NotRedriven)
        .into_input();
    assert_eq!(
        body(&every),
        format!(
            r#"{{"stateMachineArn":"{STATE_MACHINE}","statusFilter":"FAILED","maxResults":50,"nextToken":"tok-3","mapRunArn":"{MAP_RUN}","redriveFilter":"NOT_REDRIVEN"}}"#
        )
    );
    let by_machine = c.list_executions().state_machine_arn(STATE_MACHINE).into_input();
    assert_eq!(by_machine, ListExecutionsInput::for_state_machine(STATE_MACHINE));
    assert_eq!(body(&by_machine), format!(r#"{{"stateMachineArn":"{STATE_MACHINE}"}}"#));
    let by_run = c.list_executions().map_run_arn(MAP_RUN).into_input();
    assert_eq!(by_run, ListExecutionsInput::for_map_run(MAP_RUN));
    assert_eq!(body(&by_run), format!(r#"{{"mapRunArn":"{MAP_RUN}"}}"#));
    assert_eq!(body(&ListExecutionsInput::new()), "{}");
}

#[test]
fn state_machine_input_bodies() {
    let c = client();
    let full =
        c.describe_state_machine(STATE_MACHINE).included_data(IncludedData::AllData).into_input();
    assert_eq!(
        body(&full),
        format!(r#"{{"stateMachineArn":"{STATE_MACHINE}","includedData":"ALL_DATA"}}"#)
    );
    assert_eq!(
        body(&DescribeStateMachineInput::new(STATE_MACHINE)),
        format!(r#"{{"stateMachineArn":"{STATE_MACHINE}"}}"#)
    );
    let full = c
        .describe_state_machine_for_execution(EXECUTION)
        .included_data(IncludedData::MetadataOnly)
        .into_input();
    assert_eq!(
        body(&full),
        format!(r#"{{"executionArn":"{EXECUTION}","includedData":"METADATA_ONLY"}}"#)
    );
    assert_eq!(
        body(&DescribeStateMachineForExecutionInput::new(EXECUTION)),
        format!(r#"{{"executionArn":"{EXECUTION}"}}"#)
    );
}

#[test]
fn inputs_round_trip() {
    let c = client();
    let update = c.update_map_run(MAP_RUN).tolerated_failure_percentage(2.5).into_input();
    assert_eq!(reencode(&update).0, update);
    let list = c
        .list_executions()
        .map_run_arn(MAP_RUN)
        .status_filter(ExecutionStatus::Unknown("PAUSED".into()))
        .into_input();
    assert_eq!(reencode(&list).0, list);
    let describe = c.describe_state_machine(STATE_MACHINE).included_data(IncludedData::AllData);
    assert_eq!(reencode(describe.as_input()).0, *describe.as_input());
}

// ---------------------------------------------------------------- validation

#[test]
fn list_map_runs_validation() {
    accepted(&ListMapRunsInput::new(EXECUTION));
    accepted(&ListMapRunsInput::new(long(256)));
    refused(&ListMapRunsInput::new(""), "executionArn");
    refused(&ListMapRunsInput::new(long(257)), "executionArn");
    let mut input = ListMapRunsInput::new(EXECUTION);
    for ok in [0, 1, 1000] {
        input.max_results = Some(ok);
        accepted(&input);
    }
    for bad in [-1, 1001, i32::MIN, i32::MAX] {
        input.max_results = Some(bad);
        refused(&input, "maxResults");
    }
    input.max_results = None;
    input.next_token = Some(long(1024));
    accepted(&input);
    input.next_token = Some(long(1025));
    refused(&input, "nextToken");
    input.next_token = Some(String::new());
    refused(&input, "nextToken");
}

#[test]
fn describe_map_run_validation() {
    accepted(&DescribeMapRunInput::new(MAP_RUN));
    accepted(&DescribeMapRunInput::new(long(2000)));
    refused(&DescribeMapRunInput::new(""), "mapRunArn");
    refused(&DescribeMapRunInput::new(long(2001)), "mapRunArn");
}

#[test]
fn update_map_run_validation() {
    accepted(&UpdateMapRunInput::new(MAP_RUN));
    refused(&UpdateMapRunInput::new(""), "mapRunArn");
    refused(&UpdateMapRunInput::new(long(2001)), "mapRunArn");

    let mut input = UpdateMapRunInput::new(MAP_RUN);
    input.max_concurrency = Some(0);
    input.tolerated_failure_percentage = Some(0.0);
    input.tolerated_failure_count = Some(0);
    accepted(&input);
    input.max_concurrency = Some(i32::MAX);
    input.tolerated_failure_percentage = Some(100.0);
    input.tolerated_failure_count = Some(i64::MAX);
    accepted(&input);

    let mut bad = UpdateMapRunInput::new(MAP_RUN);
    bad.max_concurrency = Some(-1);
    refused(&bad, "maxConcurrency");

    for pct in [-0.1, 100.01, f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        let mut bad = UpdateMapRunInput::new(MAP_RUN);
        bad.tolerated_failure_percentage = Some(pct);
        refused(&bad, "toleratedFailurePercentage");
    }
    let mut nan = UpdateMapRunInput::new(MAP_RUN);
    nan.tolerated_failure_percentage = Some(f64::NAN);
    assert!(nan.validate().unwrap_err().to_string().contains("NaN"));

    let mut bad = UpdateMapRunInput::new(MAP_RUN);
    bad.tolerated_failure_count = Some(-1);
    refused(&bad, "toleratedFailureCount");
}

#[test]
fn describe_execution_validation() {
    accepted(&DescribeExecutionInput::new(EXECUTION));
    accepted(
        &client().describe_execution(long(256)).included_data(IncludedData::AllData).into_input(),
    );
    refused(&DescribeExecutionInput::new(""), "executionArn");
    refused(&DescribeExecutionInput::new(long(257)), "executionArn");
    // The model counts characters, not bytes.
    accepted(&DescribeExecutionInput::new("é".repeat(256)));
    refused(&DescribeExecutionInput::new("é".repeat(257)), "executionArn");
}

#[test]
fn list_executions_validation() {
    accepted(&ListExecutionsInput::for_state_machine(STATE_MACHINE));
    accepted(&ListExecutionsInput::for_map_run(MAP_RUN));
    accepted(&ListExecutionsInput::for_state_machine(long(256)));
    accepted(&ListExecutionsInput::for_map_run(long(2000)));
    refused(&ListExecutionsInput::for_state_machine(long(257)), "stateMachineArn");
    refused(&ListExecutionsInput::for_state_machine(""), "stateMachineArn");
    refused(&ListExecutionsInput::for_map_run(long(2001)), "mapRunArn");
    refused(&ListExecutionsInput::for_map_run(""), "mapRunArn");

    // Exactly one of the two ARNs.
    let both = client().list_executions().state_machine_arn(STATE_MACHINE).map_run_arn(MAP_RUN);
    let err = both.as_input().validate().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    let text = err.to_string();
    assert!(text.contains("`stateMachineArn`") && text.contains("`mapRunArn`"), "{text}");
    assert!(text.contains("both"), "{text}");
    let err = ListExecutionsInput::new().validate().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    let text = err.to_string();
    assert!(text.contains("`stateMachineArn`") && text.contains("`mapRunArn`"), "{text}");
    assert!(text.contains("required"), "{text}");

    let mut input = ListExecutionsInput::for_map_run(MAP_RUN);
    input.status_filter = Some(ExecutionStatus::Running);
    input.redrive_filter = Some(ExecutionRedriveFilter::Redriven);
    for ok in [0, 1000] {
        input.max_results = Some(ok);
        accepted(&input);
    }
    for bad in [-1, 1001] {
        input.max_results = Some(bad);
        refused(&input, "maxResults");
    }
    input.max_results = None;
    // ListExecutions tokens are longer than other operations' (3096).
    input.next_token = Some(long(3096));
    accepted(&input);
    input.next_token = Some(long(3097));
    refused(&input, "nextToken");
    input.next_token = Some(String::new());
    refused(&input, "nextToken");
}

#[test]
fn describe_state_machine_validation() {
    accepted(&DescribeStateMachineInput::new(STATE_MACHINE));
    accepted(&DescribeStateMachineInput::new(long(256)));
    refused(&DescribeStateMachineInput::new(""), "stateMachineArn");
    refused(&DescribeStateMachineInput::new(long(257)), "stateMachineArn");

    accepted(&DescribeStateMachineForExecutionInput::new(EXECUTION));
    accepted(&DescribeStateMachineForExecutionInput::new(long(256)));
    refused(&DescribeStateMachineForExecutionInput::new(""), "executionArn");
    refused(&DescribeStateMachineForExecutionInput::new(long(257)), "executionArn");
}

// ---------------------------------------------------------------- activities and tags

const ACTIVITY: &str = "arn:aws:states:us-east-1:123456789012:activity:ResizeImages";

#[test]
fn describe_activity_full() {
    let out: DescribeActivityOutput = decode_and_round_trip("describe_activity_full");
    assert_eq!(out.activity_arn, ACTIVITY);
    assert_eq!(out.name, "ResizeImages");
    assert_eq!(out.creation_date, at(1_795_559_751, 538));
    assert_eq!(out.encryption_configuration, Some(encryption()));
}

#[test]
fn describe_activity_minimal() {
    let out: DescribeActivityOutput = decode_and_round_trip("describe_activity_minimal");
    assert_eq!(out.activity_arn, ACTIVITY);
    assert_eq!(out.creation_date, at(1_795_559_751, 0));
    assert_eq!(out.encryption_configuration, None);
}

#[test]
fn list_activities_full() {
    let out: ListActivitiesOutput = decode_and_round_trip("list_activities_full");
    let names: Vec<&str> = out.activities.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["ResizeImages", "Transcode"]);
    assert_eq!(out.activities[0].activity_arn, ACTIVITY);
    assert_eq!(out.activities[1].creation_date, at(1_669_852_000, 0));
    assert_eq!(
        out.next_token.as_deref(),
        Some("AAMA-EFRSURBSGhYQ1F0a2s3WmJYcmt4SXdVN3dBQUFBZ3dBQUFBQT09")
    );
}

#[test]
fn list_activities_minimal() {
    let out: ListActivitiesOutput = decode_and_round_trip("list_activities_minimal");
    assert!(out.activities.is_empty());
    assert_eq!(out.next_token, None);
}

/// A task's token and input are sensitive: kept on the wire, hidden from
/// `Debug`.
#[test]
fn get_activity_task_full() {
    let out: GetActivityTaskOutput = decode_and_round_trip("get_activity_task_full");
    let token = out.task_token.as_ref().expect("a token");
    assert!(token.as_str().starts_with("AAAAKgAAAAIAAAAAAAAAAQ9zRkzm"));
    let input: Value =
        serde_json::from_str(out.input.as_ref().expect("an input").as_str()).unwrap();
    assert_eq!(input["key"], "raw/cat.png");
    debug_hides(&out, &["AAAAKgAAAAIAAAAAAAAAAQ9zRkzm", "raw/cat.png"]);
}

/// No task came within the poll: the service answers with no token.
#[test]
fn get_activity_task_minimal() {
    let out: GetActivityTaskOutput = decode_and_round_trip("get_activity_task_minimal");
    assert_eq!((out.task_token, out.input), (None, None));
    let out: GetActivityTaskOutput =
        serde_json::from_str(r#"{"taskToken": null, "input": null}"#).unwrap();
    assert_eq!((out.task_token, out.input), (None, None));
}

#[test]
fn list_tags_for_resource_full() {
    let out: ListTagsForResourceOutput = decode_and_round_trip("list_tags_for_resource_full");
    assert_eq!(out.tags, Some(vec![Tag::new("team", "media"), Tag::new("stage", "")]));
}

#[test]
fn list_tags_for_resource_minimal() {
    let out: ListTagsForResourceOutput = decode_and_round_trip("list_tags_for_resource_minimal");
    assert_eq!(out.tags, None);
}

/// Task tokens, outputs, errors and causes never show in `Debug`, of the
/// inputs or of their builders.
#[test]
fn task_answers_hide_their_token_and_data() {
    let client = client();
    let success = client.send_task_success("TOKEN-SECRET", r#"{"result":"OUTPUT-SECRET"}"#);
    debug_hides(success.as_input(), &["TOKEN-SECRET", "OUTPUT-SECRET"]);
    assert!(!format!("{success:?}").contains("SECRET"), "{success:?}");
    let failure =
        client.send_task_failure("TOKEN-SECRET").error("ERROR-SECRET").cause("CAUSE-SECRET");
    debug_hides(failure.as_input(), &["TOKEN-SECRET", "ERROR-SECRET", "CAUSE-SECRET"]);
    assert!(!format!("{failure:?}").contains("SECRET"), "{failure:?}");
    let heartbeat = client.send_task_heartbeat("TOKEN-SECRET");
    debug_hides(heartbeat.as_input(), &["TOKEN-SECRET"]);
}

// ---------------------------------------------------------------- versions and aliases

#[test]
fn describe_state_machine_alias_full() {
    let out: DescribeStateMachineAliasOutput =
        decode_and_round_trip("describe_state_machine_alias_full");
    assert_eq!(out.state_machine_alias_arn.as_deref(), Some(ALIAS));
    assert_eq!(out.name.as_deref(), Some("PROD"));
    let routes = out.routing_configuration.clone().expect("routes");
    assert_eq!(
        routes,
        [
            RoutingConfigurationListItem::new(format!("{STATE_MACHINE}:2"), 90),
            RoutingConfigurationListItem::new(format!("{STATE_MACHINE}:3"), 10),
        ]
    );
    assert_eq!(out.creation_date, Some(at(1_795_559_751, 538)));
    assert_eq!(out.update_date, Some(at(1_795_560_000, 0)));
    debug_hides(&out, &["shifting to version 3"]);
}

/// Every member of DescribeStateMachineAlias's output is optional in the
/// model.
#[test]
fn describe_state_machine_alias_minimal() {
    let out: DescribeStateMachineAliasOutput =
        decode_and_round_trip("describe_state_machine_alias_minimal");
    assert_eq!(out, DescribeStateMachineAliasOutput::default());
}

#[test]
fn list_state_machine_versions_full() {
    let out: ListStateMachineVersionsOutput =
        decode_and_round_trip("list_state_machine_versions_full");
    let versions: Vec<_> =
        out.state_machine_versions.iter().map(|v| v.state_machine_version_arn.as_str()).collect();
    assert_eq!(versions, [format!("{STATE_MACHINE}:3"), format!("{STATE_MACHINE}:2")]);
    assert_eq!(out.state_machine_versions[1].creation_date, at(1_669_852_000, 0));
    assert!(out.next_token.is_some());
}

#[test]
fn list_state_machine_versions_minimal() {
    let out: ListStateMachineVersionsOutput =
        decode_and_round_trip("list_state_machine_versions_minimal");
    assert!(out.state_machine_versions.is_empty());
    assert_eq!(out.next_token, None);
}

#[test]
fn update_state_machine_full() {
    let out: UpdateStateMachineOutput = decode_and_round_trip("update_state_machine_full");
    assert_eq!(out.update_date, at(1_795_560_000, 250));
    assert_eq!(out.revision_id.as_deref(), Some(REVISION));
    assert_eq!(out.state_machine_version_arn, Some(format!("{STATE_MACHINE}:3")));
}

#[test]
fn update_state_machine_minimal() {
    let out: UpdateStateMachineOutput = decode_and_round_trip("update_state_machine_minimal");
    assert_eq!(out.update_date, at(1_795_560_000, 0));
    assert_eq!((out.revision_id, out.state_machine_version_arn), (None, None));
}

/// Version and alias descriptions and new definitions are sensitive.
#[test]
fn version_and_alias_inputs_hide_their_descriptions() {
    let client = client();
    let publish = client.publish_state_machine_version(STATE_MACHINE).description("DESC-SECRET");
    debug_hides(publish.as_input(), &["DESC-SECRET"]);
    let alias = client.update_state_machine_alias(ALIAS).description("DESC-SECRET");
    debug_hides(alias.as_input(), &["DESC-SECRET"]);
    let update = client
        .update_state_machine(STATE_MACHINE)
        .definition(r#"{"Comment":"DEF-SECRET"}"#)
        .version_description("DESC-SECRET");
    debug_hides(update.as_input(), &["DEF-SECRET", "DESC-SECRET"]);
}

// ---------------------------------------------------------------- definition checks

/// Diagnostics quote the definition: kept on the wire, hidden from `Debug`;
/// an unknown severity is kept.
#[test]
fn validate_state_machine_definition_full() {
    let out: ValidateStateMachineDefinitionOutput =
        decode_and_round_trip("validate_state_machine_definition_full");
    assert_eq!(out.result, ValidateStateMachineDefinitionResultCode::Fail);
    assert_eq!(out.truncated, Some(true));
    let severities: Vec<_> = out.diagnostics.iter().map(|d| d.severity.clone()).collect();
    assert_eq!(
        severities,
        [
            ValidateStateMachineDefinitionSeverity::Error,
            ValidateStateMachineDefinitionSeverity::Warning,
            ValidateStateMachineDefinitionSeverity::Unknown("INFO".into()),
        ]
    );
    let first = &out.diagnostics[0];
    assert_eq!(first.code.as_str(), "SCHEMA_VALIDATION_FAILED");
    assert!(first.message.as_str().contains("'Reszie'"));
    assert_eq!(
        first.location.as_ref().map(Sensitive::as_str),
        Some("/States/ProcessImages/ItemProcessor/States/Fetch/Next")
    );
    assert_eq!(out.diagnostics[1].location, None);
    debug_hides(&out, &["Reszie", "ItemProcessor/States/Fetch", "UNREACHABLE_STATE"]);
}

#[test]
fn validate_state_machine_definition_minimal() {
    let out: ValidateStateMachineDefinitionOutput =
        decode_and_round_trip("validate_state_machine_definition_minimal");
    assert_eq!(out.result, ValidateStateMachineDefinitionResultCode::Ok);
    assert!(out.diagnostics.is_empty());
    assert_eq!(out.truncated, None);
}

// ---------------------------------------------------------------- synchronous executions

#[test]
fn start_sync_execution_full() {
    let out: StartSyncExecutionOutput = decode_and_round_trip("start_sync_execution_full");
    assert_eq!(out.status, SyncExecutionStatus::Failed);
    assert_eq!(out.name.as_deref(), Some("resize-1"));
    assert_eq!(out.state_machine_arn.as_deref(), Some(STATE_MACHINE));
    assert_eq!((out.start_date, out.stop_date), (at(1_795_559_751, 538), at(1_795_559_752, 250)));
    assert_eq!(out.error.as_ref().map(Sensitive::as_str), Some("ImageTooLarge"));
    assert_eq!(out.output.as_ref().map(Sensitive::as_str), Some("null"));
    let billing = out.billing_details.clone().expect("billing details");
    assert_eq!(billing.billed_memory_used_in_mb, Some(64));
    assert_eq!(billing.billed_duration_in_milliseconds, Some(800));
    debug_hides(&out, &["ImageTooLarge", "90 MB", "raw/cat.png"]);
}

#[test]
fn start_sync_execution_minimal() {
    let out: StartSyncExecutionOutput = decode_and_round_trip("start_sync_execution_minimal");
    assert_eq!(out.status, SyncExecutionStatus::Succeeded);
    assert_eq!((out.error, out.cause, out.output, out.billing_details), (None, None, None, None));
}

// ---------------------------------------------------------------- TestState

/// The inspection data is the state's data: sensitive as a whole.
#[test]
fn test_state_full() {
    let out: TestStateOutput = decode_and_round_trip("test_state_full");
    assert_eq!(out.status, Some(TestExecutionStatus::CaughtError));
    assert_eq!(out.next_state.as_deref(), Some("HandleError"));
    let data = out.inspection_data.as_ref().expect("inspection data").expose();
    assert_eq!(data.tolerated_failure_percentage, Some(12.5));
    assert_eq!(data.max_concurrency, Some(10));
    let details = data.error_details.clone().expect("error details");
    assert_eq!((details.catch_index, details.retry_index), (Some(0), Some(1)));
    let response = data.response.clone().expect("the HTTP response");
    assert_eq!(response.status_code.as_deref(), Some("500"));
    debug_hides(&out, &["api.example.com", "charged", "the charge API answered 500"]);
}

#[test]
fn test_state_minimal() {
    let out: TestStateOutput = decode_and_round_trip("test_state_minimal");
    assert_eq!(out.status, Some(TestExecutionStatus::Succeeded));
    assert_eq!((out.output, out.inspection_data), (None, None));
}
