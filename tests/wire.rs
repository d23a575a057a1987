//! What goes over the wire for each of the crate's operations
//! ([`common::OPERATIONS`]): method, path, the `X-Amz-Target` and
//! `Content-Type` headers, the exact JSON body (absent optionals omitted,
//! zeros and empty strings sent), a SigV4 signature recomputed independently,
//! with and without a session token, through each way of sending
//! (`send()`, `.await`, `client.send(input)`); and that the decoded output is
//! exactly what the server sent.
//!
//! Idempotency: `RedriveExecution` sends a generated version-4 UUID as its
//! `clientToken` (a new one per input), and a retried `RedriveExecution` or
//! `StartExecution` resends the very same body on every attempt;
//! `StartExecution` sends no name or token of its own.
//!
//! One row per operation in [`rows`]: its name, one request per shape (every
//! optional member set, zeros, then only the required ones) with the JSON
//! body each must produce (`"<generated uuid>"` where the crate generates a
//! token), and a response body written the way the output serializes
//! (whole-second timestamps as integers, floats with a fraction), so decoding
//! it and serializing the output gives it back. The rows must cover every
//! operation, and their bodies every input member the model lists
//! (`fixtures/operation-inputs.json`).
//!
//! Last, the SigV4 verifier itself is checked against AWS's published
//! examples and against tampered requests.

mod common;

use common::sigv4::{self, Expect};
use common::{
    ALL_VIAS, Pending, Recorded, Reply, Server, Via, assert_every_operation_once, assert_request,
    client, client_with, fixture, is_uuid_v4, model, plain_credentials, send_via,
    session_credentials,
};
use serde_json::Value;
use sfn_lite::Client;
use sfn_lite::operations::{
    MockErrorOutput, MockInput, RedriveExecutionInput, StartExecutionInput, TestStateConfiguration,
};
use sfn_lite::types::{
    CloudWatchLogsLogGroup, EncryptionConfiguration, EncryptionType, ExecutionRedriveFilter,
    ExecutionStatus, IncludedData, InspectionLevel, LogDestination, LogLevel, LoggingConfiguration,
    MockResponseValidationMode, StateMachineType, Tag, TracingConfiguration,
    ValidateStateMachineDefinitionSeverity,
};
use std::collections::BTreeSet;

const EXECUTION_ARN: &str = "arn:aws:states:us-east-1:123456789012:execution:orders:run-1";
const MAP_RUN_ARN: &str = "arn:aws:states:us-east-1:123456789012:mapRun:orders/fanout:6bd1d0a9-f5c0-3a4f-a1e6-7f5d2bd5ce51";
const STATE_MACHINE_ARN: &str = "arn:aws:states:us-east-1:123456789012:stateMachine:orders";
const ROLE_ARN: &str = "arn:aws:iam::123456789012:role/sfn-orders";
const LOG_GROUP_ARN: &str =
    "arn:aws:logs:us-east-1:123456789012:log-group:/aws/vendedlogs/states/orders:*";
const KMS_KEY_ID: &str =
    "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
const ACTIVITY_ARN: &str = "arn:aws:states:us-east-1:123456789012:activity:resize-images";
const TASK_TOKEN: &str = "AAAAKgAAAAIAAAAAAAAAAaTaskToken";
const VERSION_ARN: &str = "arn:aws:states:us-east-1:123456789012:stateMachine:orders:1";
const VERSION_2_ARN: &str = "arn:aws:states:us-east-1:123456789012:stateMachine:orders:2";
const ALIAS_ARN: &str = "arn:aws:states:us-east-1:123456789012:stateMachine:orders:PROD";
const DEFINITION: &str = r#"{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}"#;

/// Stands in an expected body for a token the crate generates: the request
/// must carry a version-4 UUID there.
const GENERATED: &str = "<generated uuid>";

const START_EXECUTION_RESPONSE: &str = r#"{
    "executionArn": "arn:aws:states:us-east-1:123456789012:execution:orders:order-1234",
    "startDate": 1795559751.538
}"#;
const REDRIVE_EXECUTION_RESPONSE: &str = r#"{"redriveDate": 1795560000.25}"#;

/// One request shape of an operation and the body it must produce.
struct Request {
    what: &'static str,
    call: fn(&Client, Via) -> Pending,
    body: &'static str,
}

/// One operation: its requests and a response to decode.
struct Row {
    op: &'static str,
    requests: Vec<Request>,
    response: String,
}

fn request(what: &'static str, call: fn(&Client, Via) -> Pending, body: &'static str) -> Request {
    Request { what, call, body }
}

fn rows() -> Vec<Row> {
    vec![
        Row {
            op: "ListMapRuns",
            requests: vec![
                request(
                    "every member",
                    |c, via| {
                        send_via(
                            c,
                            c.list_map_runs(EXECUTION_ARN).max_results(25).next_token("page-2"),
                            via,
                        )
                    },
                    r#"{"executionArn": "arn:aws:states:us-east-1:123456789012:execution:orders:run-1",
                        "maxResults": 25, "nextToken": "page-2"}"#,
                ),
                request(
                    "zero page size",
                    |c, via| send_via(c, c.list_map_runs(EXECUTION_ARN).max_results(0), via),
                    r#"{"executionArn": "arn:aws:states:us-east-1:123456789012:execution:orders:run-1",
                        "maxResults": 0}"#,
                ),
                request(
                    "required only",
                    |c, via| send_via(c, c.list_map_runs(EXECUTION_ARN), via),
                    r#"{"executionArn": "arn:aws:states:us-east-1:123456789012:execution:orders:run-1"}"#,
                ),
            ],
            response: r#"{
                "mapRuns": [
                    {"executionArn": "arn:aws:states:us-east-1:123456789012:execution:orders:run-1",
                     "mapRunArn": "arn:aws:states:us-east-1:123456789012:mapRun:orders/fanout:6bd1d0a9",
                     "stateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:orders/fanout",
                     "startDate": 1795559751.538, "stopDate": 1795559800},
                    {"executionArn": "arn:aws:states:us-east-1:123456789012:execution:orders:run-1",
                     "mapRunArn": "arn:aws:states:us-east-1:123456789012:mapRun:orders/fanout:0d7a1b2c",
                     "stateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:orders/fanout",
                     "startDate": 1669852000}
                ],
                "nextToken": "page-3"
            }"#.into(),
        },
        Row {
            op: "DescribeMapRun",
            requests: vec![request(
                "required only",
                |c, via| send_via(c, c.describe_map_run(MAP_RUN_ARN), via),
                r#"{"mapRunArn": "arn:aws:states:us-east-1:123456789012:mapRun:orders/fanout:6bd1d0a9-f5c0-3a4f-a1e6-7f5d2bd5ce51"}"#,
            )],
            response: r#"{
                "mapRunArn": "arn:aws:states:us-east-1:123456789012:mapRun:orders/fanout:6bd1d0a9-f5c0-3a4f-a1e6-7f5d2bd5ce51",
                "executionArn": "arn:aws:states:us-east-1:123456789012:execution:orders:run-1",
                "status": "RUNNING",
                "startDate": 1795559751.538,
                "stopDate": 1795559812.25,
                "maxConcurrency": 40,
                "toleratedFailurePercentage": 12.5,
                "toleratedFailureCount": 3,
                "itemCounts": {"pending": 1, "running": 2, "succeeded": 3, "failed": 4, "timedOut": 5,
                               "aborted": 6, "total": 21, "resultsWritten": 7,
                               "failuresNotRedrivable": 8, "pendingRedrive": 9},
                "executionCounts": {"pending": 10, "running": 20, "succeeded": 30, "failed": 40,
                                    "timedOut": 50, "aborted": 60, "total": 210, "resultsWritten": 70},
                "redriveCount": 2,
                "redriveDate": 1795559900
            }"#.into(),
        },
        Row {
            op: "UpdateMapRun",
            requests: vec![
                request(
                    "every member",
                    |c, via| {
                        let r = c
                            .update_map_run(MAP_RUN_ARN)
                            .max_concurrency(50)
                            .tolerated_failure_percentage(5.5)
                            .tolerated_failure_count(10);
                        send_via(c, r, via)
                    },
                    r#"{"mapRunArn": "arn:aws:states:us-east-1:123456789012:mapRun:orders/fanout:6bd1d0a9-f5c0-3a4f-a1e6-7f5d2bd5ce51",
                        "maxConcurrency": 50, "toleratedFailurePercentage": 5.5, "toleratedFailureCount": 10}"#,
                ),
                request(
                    "zeros are sent, not omitted",
                    |c, via| {
                        let r = c
                            .update_map_run(MAP_RUN_ARN)
                            .max_concurrency(0)
                            .tolerated_failure_percentage(0.0)
                            .tolerated_failure_count(0);
                        send_via(c, r, via)
                    },
                    r#"{"mapRunArn": "arn:aws:states:us-east-1:123456789012:mapRun:orders/fanout:6bd1d0a9-f5c0-3a4f-a1e6-7f5d2bd5ce51",
                        "maxConcurrency": 0, "toleratedFailurePercentage": 0.0, "toleratedFailureCount": 0}"#,
                ),
                request(
                    "required only",
                    |c, via| send_via(c, c.update_map_run(MAP_RUN_ARN), via),
                    r#"{"mapRunArn": "arn:aws:states:us-east-1:123456789012:mapRun:orders/fanout:6bd1d0a9-f5c0-3a4f-a1e6-7f5d2bd5ce51"}"#,
                ),
            ],
            response: "{}".into(),
        },
        Row {
            op: "GetExecutionHistory",
            requests: vec![
                request(
                    "every member",
                    |c, via| {
                        let r = c
                            .get_execution_history(EXECUTION_ARN)
                            .max_results(100)
                            .reverse_order(true)
                            .next_token("AAAAKgAAAAIAAAAAAAAAAQ==")
                            .include_execution_data(false);
                        send_via(c, r, via)
                    },
                    r#"{"executionArn": "arn:aws:states:us-east-1:123456789012:execution:orders:run-1",
                        "maxResults": 100, "reverseOrder": true,
                        "nextToken": "AAAAKgAAAAIAAAAAAAAAAQ==", "includeExecutionData": false}"#,
                ),
                request(
                    "zeros are sent, not omitted",
                    |c, via| {
                        let r = c
                            .get_execution_history(EXECUTION_ARN)
                            .max_results(0)
                            .reverse_order(false)
                            .include_execution_data(true);
                        send_via(c, r, via)
                    },
                    r#"{"executionArn": "arn:aws:states:us-east-1:123456789012:execution:orders:run-1",
                        "maxResults": 0, "reverseOrder": false, "includeExecutionData": true}"#,
                ),
                request(
                    "required only",
                    |c, via| send_via(c, c.get_execution_history(EXECUTION_ARN), via),
                    r#"{"executionArn": "arn:aws:states:us-east-1:123456789012:execution:orders:run-1"}"#,
                ),
            ],
            response: r#"{
                "events": [
                    {"timestamp": 1795559751.538, "type": "ExecutionStarted", "id": 1,
                     "previousEventId": 0,
                     "executionStartedEventDetails": {
                        "input": "{\"bucket\":\"photos-prod\"}",
                        "inputDetails": {"truncated": false},
                        "roleArn": "arn:aws:iam::123456789012:role/sfn-orders"}},
                    {"timestamp": 1795559752, "type": "MapRunStarted", "id": 2,
                     "previousEventId": 1,
                     "mapRunStartedEventDetails": {
                        "mapRunArn": "arn:aws:states:us-east-1:123456789012:mapRun:orders/fanout:6bd1d0a9"}},
                    {"timestamp": 1795559753.25, "type": "MapStateSucceeded", "id": 3,
                     "previousEventId": 2}
                ],
                "nextToken": "AAAAKgAAAAIAAAAAAAAAAg=="
            }"#.into(),
        },
        Row {
            op: "DescribeExecution",
            requests: vec![
                request(
                    "metadata only",
                    |c, via| {
                        let r = c
                            .describe_execution(EXECUTION_ARN)
                            .included_data(IncludedData::MetadataOnly);
                        send_via(c, r, via)
                    },
                    r#"{"executionArn": "arn:aws:states:us-east-1:123456789012:execution:orders:run-1",
                        "includedData": "METADATA_ONLY"}"#,
                ),
                request(
                    "all data",
                    |c, via| {
                        let r = c
                            .describe_execution(EXECUTION_ARN)
                            .included_data(IncludedData::AllData);
                        send_via(c, r, via)
                    },
                    r#"{"executionArn": "arn:aws:states:us-east-1:123456789012:execution:orders:run-1",
                        "includedData": "ALL_DATA"}"#,
                ),
                request(
                    "required only",
                    |c, via| send_via(c, c.describe_execution(EXECUTION_ARN), via),
                    r#"{"executionArn": "arn:aws:states:us-east-1:123456789012:execution:orders:run-1"}"#,
                ),
            ],
            response: r#"{
                "executionArn": "arn:aws:states:us-east-1:123456789012:execution:orders/fanout:6bd1d0a9:5d2e8a1b",
                "stateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:orders/fanout",
                "name": "5d2e8a1b",
                "status": "FAILED",
                "startDate": 1795559751.538,
                "stopDate": 1795559812,
                "input": "{\"bucket\":\"photos-prod\",\"apiKey\":\"sk-live-7731\"}",
                "inputDetails": {"included": true},
                "output": "{\"partial\":true}",
                "outputDetails": {"included": false},
                "traceHeader": "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1",
                "mapRunArn": "arn:aws:states:us-east-1:123456789012:mapRun:orders/fanout:6bd1d0a9",
                "error": "Lambda.Unknown",
                "cause": "Resize failed for s3://photos-prod/raw/img_0042.jpg: out of memory",
                "stateMachineVersionArn": "arn:aws:states:us-east-1:123456789012:stateMachine:orders:3",
                "stateMachineAliasArn": "arn:aws:states:us-east-1:123456789012:stateMachine:orders:PROD",
                "redriveCount": 1,
                "redriveDate": 1795560000.25,
                "redriveStatus": "REDRIVABLE_BY_MAP_RUN",
                "redriveStatusReason": "Execution is a child of a Map Run and is redriven with it"
            }"#.into(),
        },
        Row {
            op: "ListExecutions",
            requests: vec![
                request(
                    "every member, by state machine",
                    |c, via| {
                        let r = c
                            .list_executions()
                            .state_machine_arn(STATE_MACHINE_ARN)
                            .status_filter(ExecutionStatus::Failed)
                            .max_results(100)
                            .next_token("page-2")
                            .redrive_filter(ExecutionRedriveFilter::Redriven);
                        send_via(c, r, via)
                    },
                    r#"{"stateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:orders",
                        "statusFilter": "FAILED", "maxResults": 100, "nextToken": "page-2",
                        "redriveFilter": "REDRIVEN"}"#,
                ),
                request(
                    "every member, by Map Run",
                    |c, via| {
                        let r = c
                            .list_executions()
                            .map_run_arn(MAP_RUN_ARN)
                            .status_filter(ExecutionStatus::PendingRedrive)
                            .max_results(1000)
                            .next_token("page-3")
                            .redrive_filter(ExecutionRedriveFilter::NotRedriven);
                        send_via(c, r, via)
                    },
                    r#"{"mapRunArn": "arn:aws:states:us-east-1:123456789012:mapRun:orders/fanout:6bd1d0a9-f5c0-3a4f-a1e6-7f5d2bd5ce51",
                        "statusFilter": "PENDING_REDRIVE", "maxResults": 1000, "nextToken": "page-3",
                        "redriveFilter": "NOT_REDRIVEN"}"#,
                ),
                request(
                    "unknown status, zero page size",
                    |c, via| {
                        let r = c
                            .list_executions()
                            .state_machine_arn(STATE_MACHINE_ARN)
                            .status_filter(ExecutionStatus::from("PAUSED".to_owned()))
                            .max_results(0);
                        send_via(c, r, via)
                    },
                    r#"{"stateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:orders",
                        "statusFilter": "PAUSED", "maxResults": 0}"#,
                ),
                request(
                    "state machine only",
                    |c, via| {
                        send_via(c, c.list_executions().state_machine_arn(STATE_MACHINE_ARN), via)
                    },
                    r#"{"stateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:orders"}"#,
                ),
                request(
                    "Map Run only",
                    |c, via| send_via(c, c.list_executions().map_run_arn(MAP_RUN_ARN), via),
                    r#"{"mapRunArn": "arn:aws:states:us-east-1:123456789012:mapRun:orders/fanout:6bd1d0a9-f5c0-3a4f-a1e6-7f5d2bd5ce51"}"#,
                ),
            ],
            response: r#"{
                "executions": [
                    {"executionArn": "arn:aws:states:us-east-1:123456789012:execution:orders/fanout:6bd1d0a9:5d2e8a1b",
                     "stateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:orders/fanout",
                     "name": "5d2e8a1b",
                     "status": "SUCCEEDED",
                     "startDate": 1795559751.538,
                     "stopDate": 1795559752.9,
                     "mapRunArn": "arn:aws:states:us-east-1:123456789012:mapRun:orders/fanout:6bd1d0a9",
                     "itemCount": 100,
                     "stateMachineVersionArn": "arn:aws:states:us-east-1:123456789012:stateMachine:orders:3",
                     "stateMachineAliasArn": "arn:aws:states:us-east-1:123456789012:stateMachine:orders:PROD",
                     "redriveCount": 2,
                     "redriveDate": 1669852000},
                    {"executionArn": "arn:aws:states:us-east-1:123456789012:execution:orders/fanout:6bd1d0a9:9a8b7c6d",
                     "stateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:orders/fanout",
                     "name": "9a8b7c6d",
                     "status": "RUNNING",
                     "startDate": 1795559751}
                ],
                "nextToken": "AAAAAKgAAAACAAAAAAAAAAGzX4JvU0xZT2V4ZWN1dGlvbnMiLCJwYWdlIjoyfQ=="
            }"#.into(),
        },
        Row {
            op: "DescribeStateMachine",
            requests: vec![
                request(
                    "metadata only",
                    |c, via| {
                        let r = c
                            .describe_state_machine(STATE_MACHINE_ARN)
                            .included_data(IncludedData::MetadataOnly);
                        send_via(c, r, via)
                    },
                    r#"{"stateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:orders",
                        "includedData": "METADATA_ONLY"}"#,
                ),
                request(
                    "all data",
                    |c, via| {
                        let r = c
                            .describe_state_machine(STATE_MACHINE_ARN)
                            .included_data(IncludedData::AllData);
                        send_via(c, r, via)
                    },
                    r#"{"stateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:orders",
                        "includedData": "ALL_DATA"}"#,
                ),
                request(
                    "required only",
                    |c, via| send_via(c, c.describe_state_machine(STATE_MACHINE_ARN), via),
                    r#"{"stateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:orders"}"#,
                ),
            ],
            response: fixture("describe_state_machine_full.json"),
        },
        Row {
            op: "DescribeStateMachineForExecution",
            requests: vec![
                request(
                    "metadata only",
                    |c, via| {
                        let r = c
                            .describe_state_machine_for_execution(EXECUTION_ARN)
                            .included_data(IncludedData::MetadataOnly);
                        send_via(c, r, via)
                    },
                    r#"{"executionArn": "arn:aws:states:us-east-1:123456789012:execution:orders:run-1",
                        "includedData": "METADATA_ONLY"}"#,
                ),
                request(
                    "all data",
                    |c, via| {
                        let r = c
                            .describe_state_machine_for_execution(EXECUTION_ARN)
                            .included_data(IncludedData::AllData);
                        send_via(c, r, via)
                    },
                    r#"{"executionArn": "arn:aws:states:us-east-1:123456789012:execution:orders:run-1",
                        "includedData": "ALL_DATA"}"#,
                ),
                request(
                    "required only",
                    |c, via| {
                        send_via(c, c.describe_state_machine_for_execution(EXECUTION_ARN), via)
                    },
                    r#"{"executionArn": "arn:aws:states:us-east-1:123456789012:execution:orders:run-1"}"#,
                ),
            ],
            response: fixture("describe_state_machine_for_execution_full.json"),
        },
        Row {
            op: "StartExecution",
            requests: vec![
                request(
                    "every member",
                    |c, via| {
                        let r = c
                            .start_execution(STATE_MACHINE_ARN)
                            .name("order-1234")
                            .input(r#"{"order":1234}"#)
                            .trace_header("Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1");
                        send_via(c, r, via)
                    },
                    r#"{"stateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:orders",
                        "name": "order-1234", "input": "{\"order\":1234}",
                        "traceHeader": "Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1"}"#,
                ),
                request(
                    "empty input and trace header are sent, not omitted",
                    |c, via| {
                        let r = c.start_execution(STATE_MACHINE_ARN).input("").trace_header("");
                        send_via(c, r, via)
                    },
                    r#"{"stateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:orders",
                        "input": "", "traceHeader": ""}"#,
                ),
                request(
                    "required only: no name or token of the crate's own",
                    |c, via| send_via(c, c.start_execution(STATE_MACHINE_ARN), via),
                    r#"{"stateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:orders"}"#,
                ),
            ],
            response: START_EXECUTION_RESPONSE.into(),
        },
        Row {
            op: "StopExecution",
            requests: vec![
                request(
                    "every member",
                    |c, via| {
                        let r = c
                            .stop_execution(EXECUTION_ARN)
                            .error("OrderCancelled")
                            .cause("The customer cancelled order 1234");
                        send_via(c, r, via)
                    },
                    r#"{"executionArn": "arn:aws:states:us-east-1:123456789012:execution:orders:run-1",
                        "error": "OrderCancelled", "cause": "The customer cancelled order 1234"}"#,
                ),
                request(
                    "empty error and cause are sent, not omitted",
                    |c, via| send_via(c, c.stop_execution(EXECUTION_ARN).error("").cause(""), via),
                    r#"{"executionArn": "arn:aws:states:us-east-1:123456789012:execution:orders:run-1",
                        "error": "", "cause": ""}"#,
                ),
                request(
                    "cause only",
                    |c, via| send_via(c, c.stop_execution(EXECUTION_ARN).cause("by hand"), via),
                    r#"{"executionArn": "arn:aws:states:us-east-1:123456789012:execution:orders:run-1",
                        "cause": "by hand"}"#,
                ),
                request(
                    "required only",
                    |c, via| send_via(c, c.stop_execution(EXECUTION_ARN), via),
                    r#"{"executionArn": "arn:aws:states:us-east-1:123456789012:execution:orders:run-1"}"#,
                ),
            ],
            response: r#"{"stopDate": 1795559812.25}"#.into(),
        },
        Row {
            op: "RedriveExecution",
            requests: vec![
                request(
                    "the caller's token",
                    |c, via| {
                        let r = c.redrive_execution(EXECUTION_ARN).client_token("redrive-1234");
                        send_via(c, r, via)
                    },
                    r#"{"executionArn": "arn:aws:states:us-east-1:123456789012:execution:orders:run-1",
                        "clientToken": "redrive-1234"}"#,
                ),
                request(
                    "a generated token",
                    |c, via| send_via(c, c.redrive_execution(EXECUTION_ARN), via),
                    r#"{"executionArn": "arn:aws:states:us-east-1:123456789012:execution:orders:run-1",
                        "clientToken": "<generated uuid>"}"#,
                ),
                request(
                    "a generated token, from the plain input",
                    |c, _| common::send_input(c, RedriveExecutionInput::new(EXECUTION_ARN)),
                    r#"{"executionArn": "arn:aws:states:us-east-1:123456789012:execution:orders:run-1",
                        "clientToken": "<generated uuid>"}"#,
                ),
            ],
            response: REDRIVE_EXECUTION_RESPONSE.into(),
        },
        Row {
            op: "CreateStateMachine",
            requests: vec![
                request(
                    "every member",
                    |c, via| {
                        let logging = LoggingConfiguration {
                            level: Some(LogLevel::Error),
                            include_execution_data: Some(true),
                            destinations: Some(vec![LogDestination {
                                cloud_watch_logs_log_group: Some(CloudWatchLogsLogGroup {
                                    log_group_arn: Some(LOG_GROUP_ARN.into()),
                                }),
                            }]),
                        };
                        let encryption = EncryptionConfiguration {
                            kms_key_id: Some(KMS_KEY_ID.into()),
                            kms_data_key_reuse_period_seconds: Some(300),
                            r#type: EncryptionType::CustomerManagedKmsKey,
                        };
                        let r = c
                            .create_state_machine("orders", DEFINITION, ROLE_ARN)
                            .r#type(StateMachineType::Express)
                            .logging_configuration(logging)
                            .tag("team", "data")
                            .tag("stage", "")
                            .tracing_configuration(TracingConfiguration { enabled: Some(true) })
                            .publish(true)
                            .version_description("first version")
                            .encryption_configuration(encryption);
                        send_via(c, r, via)
                    },
                    r#"{"name": "orders",
                        "definition": "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}",
                        "roleArn": "arn:aws:iam::123456789012:role/sfn-orders",
                        "type": "EXPRESS",
                        "loggingConfiguration": {
                            "level": "ERROR", "includeExecutionData": true,
                            "destinations": [{"cloudWatchLogsLogGroup": {
                                "logGroupArn": "arn:aws:logs:us-east-1:123456789012:log-group:/aws/vendedlogs/states/orders:*"}}]},
                        "tags": [{"key": "team", "value": "data"}, {"key": "stage", "value": ""}],
                        "tracingConfiguration": {"enabled": true},
                        "publish": true,
                        "versionDescription": "first version",
                        "encryptionConfiguration": {
                            "kmsKeyId": "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
                            "kmsDataKeyReusePeriodSeconds": 300,
                            "type": "CUSTOMER_MANAGED_KMS_KEY"}}"#,
                ),
                request(
                    "false, empty and default values are sent, not omitted",
                    |c, via| {
                        let r = c
                            .create_state_machine("orders", DEFINITION, ROLE_ARN)
                            .r#type(StateMachineType::Standard)
                            .logging_configuration(LoggingConfiguration {
                                level: Some(LogLevel::Off),
                                include_execution_data: Some(false),
                                destinations: Some(Vec::new()),
                            })
                            .tags(Vec::<Tag>::new())
                            .tracing_configuration(TracingConfiguration { enabled: Some(false) })
                            .publish(false)
                            .version_description("")
                            .encryption_configuration(EncryptionConfiguration {
                                kms_key_id: None,
                                kms_data_key_reuse_period_seconds: None,
                                r#type: EncryptionType::AwsOwnedKey,
                            });
                        send_via(c, r, via)
                    },
                    r#"{"name": "orders",
                        "definition": "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}",
                        "roleArn": "arn:aws:iam::123456789012:role/sfn-orders",
                        "type": "STANDARD",
                        "loggingConfiguration": {"level": "OFF", "includeExecutionData": false,
                                                 "destinations": []},
                        "tags": [],
                        "tracingConfiguration": {"enabled": false},
                        "publish": false,
                        "versionDescription": "",
                        "encryptionConfiguration": {"type": "AWS_OWNED_KEY"}}"#,
                ),
                request(
                    "required only",
                    |c, via| {
                        send_via(c, c.create_state_machine("orders", DEFINITION, ROLE_ARN), via)
                    },
                    r#"{"name": "orders",
                        "definition": "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}",
                        "roleArn": "arn:aws:iam::123456789012:role/sfn-orders"}"#,
                ),
            ],
            response: r#"{
                "stateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:orders",
                "creationDate": 1795559751.538,
                "stateMachineVersionArn": "arn:aws:states:us-east-1:123456789012:stateMachine:orders:1"
            }"#
            .into(),
        },
        Row {
            op: "DeleteStateMachine",
            requests: vec![request(
                "required only",
                |c, via| send_via(c, c.delete_state_machine(STATE_MACHINE_ARN), via),
                r#"{"stateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:orders"}"#,
            )],
            response: "{}".into(),
        },
        Row {
            op: "ListStateMachines",
            requests: vec![
                request(
                    "every member",
                    |c, via| {
                        send_via(c, c.list_state_machines().max_results(100).next_token("page-2"), via)
                    },
                    r#"{"maxResults": 100, "nextToken": "page-2"}"#,
                ),
                request(
                    "zero page size",
                    |c, via| send_via(c, c.list_state_machines().max_results(0), via),
                    r#"{"maxResults": 0}"#,
                ),
                request(
                    "no member: an empty object",
                    |c, via| send_via(c, c.list_state_machines(), via),
                    "{}",
                ),
            ],
            response: r#"{
                "stateMachines": [
                    {"stateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:orders",
                     "name": "orders", "type": "STANDARD", "creationDate": 1795559751.538},
                    {"stateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:fanout",
                     "name": "fanout", "type": "EXPRESS", "creationDate": 1669852000}
                ],
                "nextToken": "page-3"
            }"#
            .into(),
        },
        Row {
            op: "TagResource",
            requests: vec![request(
                "two tags, one with an empty value",
                |c, via| {
                    let r = c.tag_resource(STATE_MACHINE_ARN).tag("team", "data").tag("stage", "");
                    send_via(c, r, via)
                },
                r#"{"resourceArn": "arn:aws:states:us-east-1:123456789012:stateMachine:orders",
                    "tags": [{"key": "team", "value": "data"}, {"key": "stage", "value": ""}]}"#,
            )],
            response: "{}".into(),
        },
        Row {
            op: "UntagResource",
            requests: vec![request(
                "two keys",
                |c, via| send_via(c, c.untag_resource(ACTIVITY_ARN, ["team", "stage"]), via),
                r#"{"resourceArn": "arn:aws:states:us-east-1:123456789012:activity:resize-images",
                    "tagKeys": ["team", "stage"]}"#,
            )],
            response: "{}".into(),
        },
        Row {
            op: "ListTagsForResource",
            requests: vec![request(
                "required only",
                |c, via| send_via(c, c.list_tags_for_resource(STATE_MACHINE_ARN), via),
                r#"{"resourceArn": "arn:aws:states:us-east-1:123456789012:stateMachine:orders"}"#,
            )],
            response: r#"{"tags": [{"key": "team", "value": "data"}, {"key": "stage", "value": ""}]}"#
                .into(),
        },
        Row {
            op: "CreateActivity",
            requests: vec![
                request(
                    "every member",
                    |c, via| {
                        let r = c
                            .create_activity("resize-images")
                            .tag("team", "media")
                            .encryption_configuration(EncryptionConfiguration {
                                kms_key_id: Some(KMS_KEY_ID.into()),
                                kms_data_key_reuse_period_seconds: Some(900),
                                r#type: EncryptionType::CustomerManagedKmsKey,
                            });
                        send_via(c, r, via)
                    },
                    r#"{"name": "resize-images",
                        "tags": [{"key": "team", "value": "media"}],
                        "encryptionConfiguration": {
                            "kmsKeyId": "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
                            "kmsDataKeyReusePeriodSeconds": 900,
                            "type": "CUSTOMER_MANAGED_KMS_KEY"}}"#,
                ),
                request(
                    "empty tags are sent, not omitted",
                    |c, via| send_via(c, c.create_activity("resize-images").tags(Vec::<Tag>::new()), via),
                    r#"{"name": "resize-images", "tags": []}"#,
                ),
                request(
                    "required only",
                    |c, via| send_via(c, c.create_activity("resize-images"), via),
                    r#"{"name": "resize-images"}"#,
                ),
            ],
            response: r#"{"activityArn": "arn:aws:states:us-east-1:123456789012:activity:resize-images",
                          "creationDate": 1795559751.538}"#
                .into(),
        },
        Row {
            op: "DeleteActivity",
            requests: vec![request(
                "required only",
                |c, via| send_via(c, c.delete_activity(ACTIVITY_ARN), via),
                r#"{"activityArn": "arn:aws:states:us-east-1:123456789012:activity:resize-images"}"#,
            )],
            response: "{}".into(),
        },
        Row {
            op: "DescribeActivity",
            requests: vec![request(
                "required only",
                |c, via| send_via(c, c.describe_activity(ACTIVITY_ARN), via),
                r#"{"activityArn": "arn:aws:states:us-east-1:123456789012:activity:resize-images"}"#,
            )],
            response: r#"{"activityArn": "arn:aws:states:us-east-1:123456789012:activity:resize-images",
                          "name": "resize-images", "creationDate": 1795559751,
                          "encryptionConfiguration": {"kmsKeyId": "alias/sfn", "kmsDataKeyReusePeriodSeconds": 60,
                                                      "type": "CUSTOMER_MANAGED_KMS_KEY"}}"#
                .into(),
        },
        Row {
            op: "ListActivities",
            requests: vec![
                request(
                    "every member",
                    |c, via| send_via(c, c.list_activities().max_results(10).next_token("page-2"), via),
                    r#"{"maxResults": 10, "nextToken": "page-2"}"#,
                ),
                request("no member", |c, via| send_via(c, c.list_activities(), via), "{}"),
            ],
            response: r#"{"activities": [
                    {"activityArn": "arn:aws:states:us-east-1:123456789012:activity:resize-images",
                     "name": "resize-images", "creationDate": 1795559751.538},
                    {"activityArn": "arn:aws:states:us-east-1:123456789012:activity:transcode",
                     "name": "transcode", "creationDate": 1669852000}],
                "nextToken": "page-3"}"#
                .into(),
        },
        Row {
            op: "GetActivityTask",
            requests: vec![
                request(
                    "every member",
                    |c, via| send_via(c, c.get_activity_task(ACTIVITY_ARN).worker_name("worker-1"), via),
                    r#"{"activityArn": "arn:aws:states:us-east-1:123456789012:activity:resize-images",
                        "workerName": "worker-1"}"#,
                ),
                request(
                    "required only",
                    |c, via| send_via(c, c.get_activity_task(ACTIVITY_ARN), via),
                    r#"{"activityArn": "arn:aws:states:us-east-1:123456789012:activity:resize-images"}"#,
                ),
            ],
            response: r#"{"taskToken": "AAAAKgAAAAIAAAAAAAAAAaTaskToken", "input": "{\"image\":\"s3://b/k.png\"}"}"#
                .into(),
        },
        Row {
            op: "SendTaskSuccess",
            requests: vec![request(
                "required only",
                |c, via| send_via(c, c.send_task_success(TASK_TOKEN, r#"{"done":true}"#), via),
                r#"{"taskToken": "AAAAKgAAAAIAAAAAAAAAAaTaskToken", "output": "{\"done\":true}"}"#,
            )],
            response: "{}".into(),
        },
        Row {
            op: "SendTaskFailure",
            requests: vec![
                request(
                    "every member",
                    |c, via| {
                        let r = c.send_task_failure(TASK_TOKEN).error("ImageTooLarge").cause("90 MB");
                        send_via(c, r, via)
                    },
                    r#"{"taskToken": "AAAAKgAAAAIAAAAAAAAAAaTaskToken",
                        "error": "ImageTooLarge", "cause": "90 MB"}"#,
                ),
                request(
                    "empty strings are sent, not omitted",
                    |c, via| send_via(c, c.send_task_failure(TASK_TOKEN).error("").cause(""), via),
                    r#"{"taskToken": "AAAAKgAAAAIAAAAAAAAAAaTaskToken", "error": "", "cause": ""}"#,
                ),
                request(
                    "required only",
                    |c, via| send_via(c, c.send_task_failure(TASK_TOKEN), via),
                    r#"{"taskToken": "AAAAKgAAAAIAAAAAAAAAAaTaskToken"}"#,
                ),
            ],
            response: "{}".into(),
        },
        Row {
            op: "SendTaskHeartbeat",
            requests: vec![request(
                "required only",
                |c, via| send_via(c, c.send_task_heartbeat(TASK_TOKEN), via),
                r#"{"taskToken": "AAAAKgAAAAIAAAAAAAAAAaTaskToken"}"#,
            )],
            response: "{}".into(),
        },
        Row {
            op: "PublishStateMachineVersion",
            requests: vec![
                request(
                    "every member",
                    |c, via| {
                        let r = c
                            .publish_state_machine_version(STATE_MACHINE_ARN)
                            .revision_id("1f0d3c2a-8b7e-4d6c-a5b4-3c2d1e0f9a8b")
                            .description("retry on throttling");
                        send_via(c, r, via)
                    },
                    r#"{"stateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:orders",
                        "revisionId": "1f0d3c2a-8b7e-4d6c-a5b4-3c2d1e0f9a8b",
                        "description": "retry on throttling"}"#,
                ),
                request(
                    "required only",
                    |c, via| send_via(c, c.publish_state_machine_version(STATE_MACHINE_ARN), via),
                    r#"{"stateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:orders"}"#,
                ),
            ],
            response: r#"{"creationDate": 1795559751.538,
                          "stateMachineVersionArn": "arn:aws:states:us-east-1:123456789012:stateMachine:orders:3"}"#
                .into(),
        },
        Row {
            op: "ListStateMachineVersions",
            requests: vec![
                request(
                    "every member",
                    |c, via| {
                        let r = c
                            .list_state_machine_versions(STATE_MACHINE_ARN)
                            .next_token("page-2")
                            .max_results(0);
                        send_via(c, r, via)
                    },
                    r#"{"stateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:orders",
                        "nextToken": "page-2", "maxResults": 0}"#,
                ),
                request(
                    "required only",
                    |c, via| send_via(c, c.list_state_machine_versions(STATE_MACHINE_ARN), via),
                    r#"{"stateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:orders"}"#,
                ),
            ],
            response: r#"{"stateMachineVersions": [
                    {"stateMachineVersionArn": "arn:aws:states:us-east-1:123456789012:stateMachine:orders:2",
                     "creationDate": 1795559751.538},
                    {"stateMachineVersionArn": "arn:aws:states:us-east-1:123456789012:stateMachine:orders:1",
                     "creationDate": 1669852000}],
                "nextToken": "page-3"}"#
                .into(),
        },
        Row {
            op: "DeleteStateMachineVersion",
            requests: vec![request(
                "required only",
                |c, via| send_via(c, c.delete_state_machine_version(VERSION_ARN), via),
                r#"{"stateMachineVersionArn": "arn:aws:states:us-east-1:123456789012:stateMachine:orders:1"}"#,
            )],
            response: "{}".into(),
        },
        Row {
            op: "CreateStateMachineAlias",
            requests: vec![
                request(
                    "every member, two routes",
                    |c, via| {
                        let r = c
                            .create_state_machine_alias("PROD")
                            .description("production")
                            .route(VERSION_ARN, 90)
                            .route(VERSION_2_ARN, 10);
                        send_via(c, r, via)
                    },
                    r#"{"name": "PROD", "description": "production",
                        "routingConfiguration": [
                            {"stateMachineVersionArn": "arn:aws:states:us-east-1:123456789012:stateMachine:orders:1", "weight": 90},
                            {"stateMachineVersionArn": "arn:aws:states:us-east-1:123456789012:stateMachine:orders:2", "weight": 10}]}"#,
                ),
                request(
                    "required only, a zero weight is sent",
                    |c, via| {
                        let r = c.create_state_machine_alias("PROD").route(VERSION_ARN, 100).route(VERSION_2_ARN, 0);
                        send_via(c, r, via)
                    },
                    r#"{"name": "PROD",
                        "routingConfiguration": [
                            {"stateMachineVersionArn": "arn:aws:states:us-east-1:123456789012:stateMachine:orders:1", "weight": 100},
                            {"stateMachineVersionArn": "arn:aws:states:us-east-1:123456789012:stateMachine:orders:2", "weight": 0}]}"#,
                ),
            ],
            response: r#"{"stateMachineAliasArn": "arn:aws:states:us-east-1:123456789012:stateMachine:orders:PROD",
                          "creationDate": 1795559751.538}"#
                .into(),
        },
        Row {
            op: "DescribeStateMachineAlias",
            requests: vec![request(
                "required only",
                |c, via| send_via(c, c.describe_state_machine_alias(ALIAS_ARN), via),
                r#"{"stateMachineAliasArn": "arn:aws:states:us-east-1:123456789012:stateMachine:orders:PROD"}"#,
            )],
            response: r#"{"stateMachineAliasArn": "arn:aws:states:us-east-1:123456789012:stateMachine:orders:PROD",
                          "name": "PROD", "description": "production",
                          "routingConfiguration": [
                              {"stateMachineVersionArn": "arn:aws:states:us-east-1:123456789012:stateMachine:orders:1", "weight": 90},
                              {"stateMachineVersionArn": "arn:aws:states:us-east-1:123456789012:stateMachine:orders:2", "weight": 10}],
                          "creationDate": 1795559751.538, "updateDate": 1795560000}"#
                .into(),
        },
        Row {
            op: "UpdateStateMachineAlias",
            requests: vec![
                request(
                    "every member",
                    |c, via| {
                        let r = c.update_state_machine_alias(ALIAS_ARN).description("").route(VERSION_2_ARN, 100);
                        send_via(c, r, via)
                    },
                    r#"{"stateMachineAliasArn": "arn:aws:states:us-east-1:123456789012:stateMachine:orders:PROD",
                        "description": "",
                        "routingConfiguration": [
                            {"stateMachineVersionArn": "arn:aws:states:us-east-1:123456789012:stateMachine:orders:2", "weight": 100}]}"#,
                ),
                request(
                    "required only",
                    |c, via| send_via(c, c.update_state_machine_alias(ALIAS_ARN), via),
                    r#"{"stateMachineAliasArn": "arn:aws:states:us-east-1:123456789012:stateMachine:orders:PROD"}"#,
                ),
            ],
            response: r#"{"updateDate": 1795560000.25}"#.into(),
        },
        Row {
            op: "DeleteStateMachineAlias",
            requests: vec![request(
                "required only",
                |c, via| send_via(c, c.delete_state_machine_alias(ALIAS_ARN), via),
                r#"{"stateMachineAliasArn": "arn:aws:states:us-east-1:123456789012:stateMachine:orders:PROD"}"#,
            )],
            response: "{}".into(),
        },
        Row {
            op: "ListStateMachineAliases",
            requests: vec![
                request(
                    "every member",
                    |c, via| {
                        let r = c
                            .list_state_machine_aliases(STATE_MACHINE_ARN)
                            .next_token("page-2")
                            .max_results(5);
                        send_via(c, r, via)
                    },
                    r#"{"stateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:orders",
                        "nextToken": "page-2", "maxResults": 5}"#,
                ),
                request(
                    "required only",
                    |c, via| send_via(c, c.list_state_machine_aliases(STATE_MACHINE_ARN), via),
                    r#"{"stateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:orders"}"#,
                ),
            ],
            response: r#"{"stateMachineAliases": [
                    {"stateMachineAliasArn": "arn:aws:states:us-east-1:123456789012:stateMachine:orders:PROD",
                     "creationDate": 1795559751.538}]}"#
                .into(),
        },
        Row {
            op: "UpdateStateMachine",
            requests: vec![
                request(
                    "every member",
                    |c, via| {
                        let r = c
                            .update_state_machine(STATE_MACHINE_ARN)
                            .definition(DEFINITION)
                            .role_arn(ROLE_ARN)
                            .logging_configuration(LoggingConfiguration {
                                level: Some(LogLevel::All),
                                include_execution_data: Some(false),
                                destinations: Some(vec![LogDestination {
                                    cloud_watch_logs_log_group: Some(CloudWatchLogsLogGroup {
                                        log_group_arn: Some(LOG_GROUP_ARN.into()),
                                    }),
                                }]),
                            })
                            .tracing_configuration(TracingConfiguration { enabled: Some(false) })
                            .publish(true)
                            .version_description("v2")
                            .encryption_configuration(EncryptionConfiguration {
                                kms_key_id: Some(KMS_KEY_ID.into()),
                                kms_data_key_reuse_period_seconds: Some(60),
                                r#type: EncryptionType::CustomerManagedKmsKey,
                            });
                        send_via(c, r, via)
                    },
                    r#"{"stateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:orders",
                        "definition": "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}",
                        "roleArn": "arn:aws:iam::123456789012:role/sfn-orders",
                        "loggingConfiguration": {
                            "level": "ALL", "includeExecutionData": false,
                            "destinations": [{"cloudWatchLogsLogGroup": {
                                "logGroupArn": "arn:aws:logs:us-east-1:123456789012:log-group:/aws/vendedlogs/states/orders:*"}}]},
                        "tracingConfiguration": {"enabled": false},
                        "publish": true,
                        "versionDescription": "v2",
                        "encryptionConfiguration": {
                            "kmsKeyId": "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
                            "kmsDataKeyReusePeriodSeconds": 60,
                            "type": "CUSTOMER_MANAGED_KMS_KEY"}}"#,
                ),
                request(
                    "required only",
                    |c, via| send_via(c, c.update_state_machine(STATE_MACHINE_ARN), via),
                    r#"{"stateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:orders"}"#,
                ),
            ],
            response: r#"{"updateDate": 1795560000.25, "revisionId": "1f0d3c2a-8b7e-4d6c-a5b4-3c2d1e0f9a8b",
                          "stateMachineVersionArn": "arn:aws:states:us-east-1:123456789012:stateMachine:orders:2"}"#
                .into(),
        },
        Row {
            op: "ValidateStateMachineDefinition",
            requests: vec![
                request(
                    "every member",
                    |c, via| {
                        let r = c
                            .validate_state_machine_definition(DEFINITION)
                            .r#type(StateMachineType::Express)
                            .severity(ValidateStateMachineDefinitionSeverity::Warning)
                            .max_results(0);
                        send_via(c, r, via)
                    },
                    r#"{"definition": "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}",
                        "type": "EXPRESS", "severity": "WARNING", "maxResults": 0}"#,
                ),
                request(
                    "required only",
                    |c, via| send_via(c, c.validate_state_machine_definition(DEFINITION), via),
                    r#"{"definition": "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}"}"#,
                ),
            ],
            response: r#"{"result": "FAIL", "truncated": false, "diagnostics": [
                    {"severity": "ERROR", "code": "SCHEMA_VALIDATION_FAILED",
                     "message": "The value for the field 'Next' must be a state name", "location": "/States/P/Next"},
                    {"severity": "WARNING", "code": "UNREACHABLE_STATE", "message": "State Q is unreachable"}]}"#
                .into(),
        },
        Row {
            op: "StartSyncExecution",
            requests: vec![
                request(
                    "every member",
                    |c, via| {
                        let r = c
                            .start_sync_execution(STATE_MACHINE_ARN)
                            .name("resize-1")
                            .input(r#"{"key":"cat.png"}"#)
                            .trace_header("Root=1-5759e988-bd862e3fe1be46a994272793")
                            .included_data(IncludedData::MetadataOnly);
                        send_via(c, r, via)
                    },
                    r#"{"stateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:orders",
                        "name": "resize-1", "input": "{\"key\":\"cat.png\"}",
                        "traceHeader": "Root=1-5759e988-bd862e3fe1be46a994272793",
                        "includedData": "METADATA_ONLY"}"#,
                ),
                request(
                    "required only",
                    |c, via| send_via(c, c.start_sync_execution(STATE_MACHINE_ARN), via),
                    r#"{"stateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:orders"}"#,
                ),
            ],
            response: r#"{
                "executionArn": "arn:aws:states:us-east-1:123456789012:express:orders:resize-1:1f0d3c2a",
                "stateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:orders",
                "name": "resize-1", "startDate": 1795559751.538, "stopDate": 1795559752.25,
                "status": "FAILED", "error": "ImageTooLarge", "cause": "90 MB",
                "input": "{\"key\":\"cat.png\"}", "inputDetails": {"included": true},
                "outputDetails": {"included": false},
                "traceHeader": "Root=1-5759e988-bd862e3fe1be46a994272793",
                "billingDetails": {"billedMemoryUsedInMB": 64, "billedDurationInMilliseconds": 800}
            }"#
            .into(),
        },
        Row {
            op: "TestState",
            requests: vec![
                request(
                    "every member",
                    |c, via| {
                        let r = c
                            .test_state(r#"{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","End":true}"#)
                            .role_arn(ROLE_ARN)
                            .input(r#"{"order":42}"#)
                            .inspection_level(InspectionLevel::Trace)
                            .reveal_secrets(false)
                            .variables(r#"{"limit":3}"#)
                            .state_name("Charge")
                            .mock(MockInput {
                                result: Some(r#"{"Payload":{}}"#.into()),
                                error_output: Some(MockErrorOutput {
                                    error: Some("States.Timeout".into()),
                                    cause: Some("".into()),
                                }),
                                field_validation_mode: Some(MockResponseValidationMode::Strict),
                            })
                            .context(r#"{"Execution":{"Id":"x"}}"#)
                            .state_configuration(TestStateConfiguration {
                                retrier_retry_count: Some(0),
                                error_caused_by_state: Some("Fetch".into()),
                                map_iteration_failure_count: Some(2),
                                map_item_reader_data: Some("[1,2]".into()),
                            });
                        send_via(c, r, via)
                    },
                    r#"{"definition": "{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::lambda:invoke\",\"End\":true}",
                        "roleArn": "arn:aws:iam::123456789012:role/sfn-orders",
                        "input": "{\"order\":42}", "inspectionLevel": "TRACE", "revealSecrets": false,
                        "variables": "{\"limit\":3}", "stateName": "Charge",
                        "mock": {"result": "{\"Payload\":{}}",
                                 "errorOutput": {"error": "States.Timeout", "cause": ""},
                                 "fieldValidationMode": "STRICT"},
                        "context": "{\"Execution\":{\"Id\":\"x\"}}",
                        "stateConfiguration": {"retrierRetryCount": 0, "errorCausedByState": "Fetch",
                                               "mapIterationFailureCount": 2, "mapItemReaderData": "[1,2]"}}"#,
                ),
                request(
                    "required only",
                    |c, via| send_via(c, c.test_state(DEFINITION), via),
                    r#"{"definition": "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}"}"#,
                ),
            ],
            response: r#"{"output": "{\"id\":42}", "status": "CAUGHT_ERROR", "nextState": "HandleError",
                "error": "States.Timeout", "cause": "",
                "inspectionData": {"input": "{\"order\":42}", "afterInputPath": "{\"order\":42}",
                    "afterParameters": "{\"id\":42}", "result": "{}", "afterResultSelector": "{}",
                    "afterResultPath": "{}", "variables": "{}",
                    "request": {"protocol": "https", "method": "POST", "url": "https://api.example.com/charge",
                                "headers": "[content-type: application/json]", "body": "{}"},
                    "response": {"protocol": "https", "statusCode": "500", "statusMessage": "Internal Server Error",
                                 "headers": "[]", "body": ""},
                    "errorDetails": {"catchIndex": 0, "retryIndex": 1, "retryBackoffIntervalSeconds": 2},
                    "toleratedFailureCount": 3, "toleratedFailurePercentage": 12.5, "maxConcurrency": 10}}"#
                .into(),
        },
    ]
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("bad JSON literal ({e}): {text}"))
}

/// Sends one request of a row through `via` and checks everything the
/// server saw and everything the caller got back.
async fn check(
    row: &Row,
    request: &Request,
    via: Via,
    credentials: &aws_credential_types::Credentials,
) {
    let ctx = format!("{} ({}) via {via:?}", row.op, request.what);
    let server = Server::always(Reply::ok(row.response.as_str())).await;
    let client = client_with(&server, credentials);

    let output = (request.call)(&client, via).await.unwrap_or_else(|e| panic!("{ctx}: {e}"));

    assert_eq!(server.request_count(), 1, "{ctx}: one request, no retry");
    let seen = server.last_request();
    assert_request(&seen, row.op, credentials);
    assert_eq!(seen.header("host"), Some(server.host().as_str()), "{ctx}");
    let body = seen.json().unwrap();
    assert_eq!(body, expected_body(request.body, &body, &ctx), "{ctx}: request body");
    assert_eq!(output, json(&row.response), "{ctx}: decoded output");
}

/// The body a request must have sent: `expected`, each [`GENERATED`] member
/// replaced by what `sent` has there once that is checked to be a fresh
/// version-4 UUID.
fn expected_body(expected: &str, sent: &Value, ctx: &str) -> Value {
    let mut expected = json(expected);
    if let Some(members) = expected.as_object_mut() {
        for (name, value) in members.iter_mut().filter(|(_, v)| *v == GENERATED) {
            let token = sent.get(name).and_then(Value::as_str);
            let token = token.unwrap_or_else(|| panic!("{ctx}: no generated `{name}` in {sent}"));
            assert!(is_uuid_v4(token), "{ctx}: `{name}` {token:?} is not a v4 UUID");
            *value = Value::from(token);
        }
    }
    expected
}

#[test]
fn every_operation_has_a_row() {
    assert_every_operation_once("the rows", rows().iter().map(|r| r.op));
}

/// Each input member the model lists is sent by some request of the row.
#[test]
fn the_rows_send_every_input_member_of_the_model() {
    let inputs = model::inputs();
    for row in rows() {
        let sent: BTreeSet<String> = row
            .requests
            .iter()
            .flat_map(|r| json(r.body).as_object().expect("an object body").clone().into_iter())
            .map(|(member, _)| member)
            .collect();
        let modelled: BTreeSet<String> = inputs[row.op].members.iter().cloned().collect();
        assert_eq!(sent, modelled, "{}: the members the rows send", row.op);
    }
}

#[tokio::test]
async fn every_request_is_well_formed_and_signed() {
    for row in rows() {
        for request in &row.requests {
            check(&row, request, Via::Send, &plain_credentials()).await;
        }
    }
}

#[tokio::test]
async fn session_tokens_are_sent_and_signed() {
    for row in rows() {
        for request in &row.requests {
            check(&row, request, Via::Send, &session_credentials()).await;
        }
    }
}

#[tokio::test]
async fn builders_can_be_awaited_and_inputs_sent_by_the_client() {
    for row in rows() {
        for request in &row.requests {
            for via in ALL_VIAS.into_iter().filter(|v| *v != Via::Send) {
                check(&row, request, via, &plain_credentials()).await;
            }
        }
    }
}

#[tokio::test]
async fn requests_are_signed_fresh_each_time() {
    let server = Server::always(Reply::ok("{}")).await;
    let client = client_with(&server, &plain_credentials());
    for _ in 0..3 {
        client.update_map_run(MAP_RUN_ARN).max_concurrency(1).await.expect("update");
    }
    let seen = server.requests();
    assert_eq!(seen.len(), 3);
    for request in &seen {
        assert_request(request, "UpdateMapRun", &plain_credentials());
    }
}

// ---------------------------------------------------------------------------
// Idempotency: the token and the body of every attempt.

/// A server that fails the first two attempts (a 500, then a 503) and
/// answers the third with `ok`.
async fn failing_twice_then(ok: &str) -> Server {
    let server = Server::start().await;
    server.push(Reply::json(500, r#"{"__type":"InternalFailure","message":"try again"}"#));
    server.push(Reply::json(503, r#"{"__type":"ServiceUnavailable"}"#));
    server.push(Reply::ok(ok));
    server
}

/// Asserts three well-formed attempts of `op` with byte-identical bodies;
/// returns the body.
fn assert_same_body_on_every_attempt(server: &Server, op: &str) -> Value {
    let attempts = server.requests();
    assert_eq!(attempts.len(), 3, "{op}: a 500, a 503, then the answer");
    for attempt in &attempts {
        assert_request(attempt, op, &plain_credentials());
    }
    for (n, attempt) in attempts.iter().enumerate().skip(1) {
        assert_eq!(
            String::from_utf8_lossy(&attempt.body),
            String::from_utf8_lossy(&attempts[0].body),
            "{op}: attempt {} sent another body than attempt 1",
            n + 1
        );
    }
    attempts[0].json().unwrap()
}

#[tokio::test]
async fn a_retried_redrive_resends_its_generated_token() {
    let server = failing_twice_then(REDRIVE_EXECUTION_RESPONSE).await;
    client(&server).redrive_execution(EXECUTION_ARN).await.expect("redriven on attempt 3");
    let body = assert_same_body_on_every_attempt(&server, "RedriveExecution");
    let token = body["clientToken"].as_str().expect("a clientToken");
    assert!(is_uuid_v4(token), "{token:?}");
    assert_eq!(body, serde_json::json!({ "executionArn": EXECUTION_ARN, "clientToken": token }));
}

#[tokio::test]
async fn a_retried_redrive_resends_the_callers_token() {
    let server = failing_twice_then(REDRIVE_EXECUTION_RESPONSE).await;
    let input = RedriveExecutionInput::new(EXECUTION_ARN);
    let token = input.client_token.clone().expect("new() generates a token");
    client(&server).send(input).await.expect("redriven on attempt 3");
    let body = assert_same_body_on_every_attempt(&server, "RedriveExecution");
    assert_eq!(body, serde_json::json!({ "executionArn": EXECUTION_ARN, "clientToken": token }));
}

/// A token belongs to an input: resending the input resends its token, and
/// each new input (or request builder) has a token of its own.
#[tokio::test]
async fn each_redrive_input_has_its_own_token_and_keeps_it() {
    let server = Server::always(Reply::ok(REDRIVE_EXECUTION_RESPONSE)).await;
    let client = client(&server);
    let input = RedriveExecutionInput::new(EXECUTION_ARN);
    client.send(input.clone()).await.expect("redrive");
    client.send(input.clone()).await.expect("the same input again");
    client.redrive_execution(EXECUTION_ARN).await.expect("a new builder");
    client.redrive_execution(EXECUTION_ARN).await.expect("another new builder");
    client.send(RedriveExecutionInput::new(EXECUTION_ARN)).await.expect("a new input");
    let tokens: Vec<String> = server
        .requests()
        .iter()
        .map(|r| r.json().unwrap()["clientToken"].as_str().expect("a clientToken").to_owned())
        .collect();
    assert!(tokens.iter().all(|t| is_uuid_v4(t)), "{tokens:?}");
    assert_eq!(tokens[0], tokens[1], "the same input resent");
    assert_eq!(Some(&tokens[0]), input.client_token.as_ref());
    let distinct: BTreeSet<&String> = tokens[1..].iter().collect();
    assert_eq!(distinct.len(), 4, "new inputs get new tokens: {tokens:?}");
}

/// StartExecution has no idempotency token: a named start is idempotent by
/// its name and input, so every attempt must carry the same name and input.
#[tokio::test]
async fn a_retried_named_start_resends_the_same_name_and_input() {
    let server = failing_twice_then(START_EXECUTION_RESPONSE).await;
    let started = client(&server)
        .start_execution(STATE_MACHINE_ARN)
        .name("order-1234")
        .input(r#"{"order":1234}"#)
        .await
        .expect("started on attempt 3");
    assert!(started.execution_arn.ends_with(":order-1234"));
    let body = assert_same_body_on_every_attempt(&server, "StartExecution");
    assert_eq!(
        body,
        serde_json::json!({
            "stateMachineArn": STATE_MACHINE_ARN,
            "name": "order-1234",
            "input": r#"{"order":1234}"#,
        })
    );
}

/// Without a name the crate invents none (nor a token) on any attempt: the
/// service names the execution.
#[tokio::test]
async fn a_retried_unnamed_start_resends_the_same_body_without_a_name() {
    let server = failing_twice_then(START_EXECUTION_RESPONSE).await;
    let mut input = StartExecutionInput::new(STATE_MACHINE_ARN);
    input.input = Some(r#"{"order":1234}"#.into());
    client(&server).send(input).await.expect("started on attempt 3");
    let body = assert_same_body_on_every_attempt(&server, "StartExecution");
    assert_eq!(
        body,
        serde_json::json!({ "stateMachineArn": STATE_MACHINE_ARN, "input": r#"{"order":1234}"# })
    );
}

// ---------------------------------------------------------------------------
// The verifier itself: it must accept AWS's published examples and refuse a
// real request once any signed part of it changes.

fn vector_request(path: &str, headers: &[(&str, &str)]) -> Recorded {
    Recorded::new("GET", path, headers.iter().copied(), Vec::new())
}

fn example(service: &'static str) -> Expect<'static> {
    Expect {
        access_key_id: common::ACCESS_KEY_ID,
        secret_access_key: common::SECRET_ACCESS_KEY,
        region: "us-east-1",
        service,
    }
}

/// The IAM `ListUsers` example of the AWS General Reference ("Create a
/// signed AWS API request"), step by step.
#[test]
fn verifier_reproduces_the_iam_documentation_example() {
    let request = vector_request(
        "/?Action=ListUsers&Version=2010-05-08",
        &[
            ("content-type", "application/x-www-form-urlencoded; charset=utf-8"),
            ("host", "iam.amazonaws.com"),
            ("x-amz-date", "20150830T123600Z"),
            (
                "authorization",
                "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, \
                 SignedHeaders=content-type;host;x-amz-date, \
                 Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7",
            ),
        ],
    );
    let canonical =
        sigv4::canonical_request(&request, &["content-type", "host", "x-amz-date"]).unwrap();
    assert_eq!(
        canonical,
        "GET\n/\nAction=ListUsers&Version=2010-05-08\n\
         content-type:application/x-www-form-urlencoded; charset=utf-8\n\
         host:iam.amazonaws.com\nx-amz-date:20150830T123600Z\n\n\
         content-type;host;x-amz-date\n\
         e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    );
    assert_eq!(
        sigv4::sha256_hex(canonical.as_bytes()),
        "f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59"
    );
    let key =
        sigv4::signing_key(common::SECRET_ACCESS_KEY, "20150830", "us-east-1", "iam").unwrap();
    assert_eq!(
        sigv4::hex(&key),
        "c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9"
    );
    let to_sign = sigv4::string_to_sign(
        "20150830T123600Z",
        "20150830/us-east-1/iam/aws4_request",
        &canonical,
    );
    assert_eq!(
        sigv4::signature(&key, &to_sign),
        "5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7"
    );

    let verified = sigv4::verify(&request, &example("iam")).expect("the documented example");
    assert_eq!(verified.canonical_request, canonical);
    assert_eq!(verified.signed_headers, ["content-type", "host", "x-amz-date"]);
}

/// `get-vanilla` and `get-vanilla-query-order-key-case` of the AWS SigV4
/// test suite.
#[test]
fn verifier_accepts_the_sigv4_test_suite_vectors() {
    for (path, signature) in [
        ("/", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"),
        (
            "/?Param2=value2&Param1=value1",
            "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500",
        ),
    ] {
        let auth = format!(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, \
             SignedHeaders=host;x-amz-date, Signature={signature}"
        );
        let request = vector_request(
            path,
            &[
                ("host", "example.amazonaws.com"),
                ("x-amz-date", "20150830T123600Z"),
                ("authorization", &auth),
            ],
        );
        sigv4::verify(&request, &example("service")).unwrap_or_else(|e| panic!("{path}: {e}"));
    }
}

#[tokio::test]
async fn verifier_refuses_any_change_to_a_signed_request() {
    let server = Server::always(Reply::ok("{}")).await;
    let client = client_with(&server, &session_credentials());
    client.update_map_run(MAP_RUN_ARN).max_concurrency(5).await.expect("update");
    let good = server.last_request();
    let expect = Expect {
        access_key_id: common::ACCESS_KEY_ID,
        secret_access_key: common::SECRET_ACCESS_KEY,
        region: common::REGION,
        service: "states",
    };
    sigv4::verify(&good, &expect).expect("the untouched request verifies");

    let set_header = |name: &str, value: &str| {
        let mut r = good.clone();
        for (n, v) in &mut r.headers {
            if n == name {
                *v = value.into();
            }
        }
        r
    };
    let mut body = good.clone();
    let text = String::from_utf8(body.body).expect("a UTF-8 body");
    assert!(text.contains(r#""maxConcurrency":5"#), "{text}");
    body.body = text.replace(r#""maxConcurrency":5"#, r#""maxConcurrency":6"#).into_bytes();
    let tampered = [
        ("body", body),
        ("target", set_header("x-amz-target", "AWSStepFunctions.DescribeMapRun")),
        ("token", set_header("x-amz-security-token", "another-token")),
        ("date", set_header("x-amz-date", "20150830T123600Z")),
        ("host", set_header("host", "states.us-east-1.amazonaws.com")),
    ];
    for (what, request) in tampered {
        assert!(sigv4::verify(&request, &expect).is_err(), "a changed {what} still verified");
    }
    for (what, wrong) in [
        ("secret", Expect { secret_access_key: "not-the-secret", ..expect }),
        ("access key", Expect { access_key_id: "AKIDOTHER", ..expect }),
        ("region", Expect { region: "eu-west-1", ..expect }),
        ("service", Expect { service: "sfn", ..expect }),
    ] {
        assert!(sigv4::verify(&good, &wrong).is_err(), "a wrong {what} still verified");
    }
}
