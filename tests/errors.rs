//! How failures reach the caller, for each of the crate's operations
//! ([`common::OPERATIONS`]): every error code the service model lists for the
//! operation, typed with its message, request id, status and operation; every
//! form AWS JSON 1.0 error responses take; unknown and throttling codes; an
//! HTML error page; 200 bodies that cannot be decoded (without leaking their
//! data); a refused connection; an attempt timeout; a signature error quoting
//! the session token.
//!
//! One row per operation in [`rows`]: its name, a valid call, the error codes
//! the model lists for it (spelled as on the wire, with the variant each must
//! decode to; `kms()` adds the three KMS codes), and 200 bodies with wrongly
//! typed members, each containing `hunter2`.
//!
//! The codes are not trusted to the rows: `fixtures/operation-errors.json` is
//! generated from the service model (`fixtures/generate_model_fixtures.py`),
//! its operations must be exactly [`common::OPERATIONS`], each row must list
//! exactly its operation's codes, and when the model is present
//! (`../shared/spec`) the fixture must be what the model says. Dropping an
//! operation or a code from the rows or from the fixture fails a test.

mod common;

use common::{
    Pending, REQUEST_ID, Reply, Server, assert_every_operation_once, builder, client, model,
    plain_credentials, send,
};
use sfn_lite::types::StateMachineType;
use sfn_lite::{Client, Error, ErrorCode, ErrorKind};
use std::time::{Duration, Instant};

const EXECUTION_ARN: &str = "arn:aws:states:us-east-1:123456789012:execution:orders:run-1";
const MAP_RUN_ARN: &str = "arn:aws:states:us-east-1:123456789012:mapRun:orders/fanout:6bd1d0a9";
const STATE_MACHINE_ARN: &str = "arn:aws:states:us-east-1:123456789012:stateMachine:orders";
const ROLE_ARN: &str = "arn:aws:iam::123456789012:role/sfn-orders";
const ACTIVITY_ARN: &str = "arn:aws:states:us-east-1:123456789012:activity:resize-images";
const TASK_TOKEN: &str = "AAAAKgAAAAIAAAAAAAAAAaTaskToken";
const VERSION_ARN: &str = "arn:aws:states:us-east-1:123456789012:stateMachine:orders:1";
const ALIAS_ARN: &str = "arn:aws:states:us-east-1:123456789012:stateMachine:orders:PROD";
const DEFINITION: &str = r#"{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}"#;

/// The value every undecodable body hides; no error may print it.
const SECRET: &str = "hunter2";

struct Row {
    op: &'static str,
    call: fn(&Client) -> Pending,
    codes: Vec<(&'static str, ErrorCode)>,
    wrong_types: &'static [&'static str],
}

/// The three KMS errors of operations that read encrypted data.
fn kms() -> Vec<(&'static str, ErrorCode)> {
    vec![
        ("KmsAccessDeniedException", ErrorCode::KmsAccessDeniedException),
        ("KmsInvalidStateException", ErrorCode::KmsInvalidStateException),
        ("KmsThrottlingException", ErrorCode::KmsThrottlingException),
    ]
}

fn rows() -> Vec<Row> {
    vec![
        Row {
            op: "ListMapRuns",
            call: |c| send(c.list_map_runs(EXECUTION_ARN)),
            codes: vec![
                ("ExecutionDoesNotExist", ErrorCode::ExecutionDoesNotExist),
                ("InvalidArn", ErrorCode::InvalidArn),
                ("InvalidToken", ErrorCode::InvalidToken),
            ],
            wrong_types: &[
                r#"{"mapRuns": "hunter2"}"#,
                r#"{"mapRuns": [{"mapRunArn": "a", "startDate": "hunter2"}]}"#,
                r#"{"mapRuns": [], "nextToken": ["hunter2"]}"#,
            ],
        },
        Row {
            op: "DescribeMapRun",
            call: |c| send(c.describe_map_run(MAP_RUN_ARN)),
            codes: vec![
                ("ResourceNotFound", ErrorCode::ResourceNotFound),
                ("InvalidArn", ErrorCode::InvalidArn),
            ],
            wrong_types: &[
                r#"{"mapRunArn": "a", "maxConcurrency": "hunter2"}"#,
                r#"{"itemCounts": {"total": "hunter2"}}"#,
                r#"{"toleratedFailurePercentage": "hunter2"}"#,
                r#"{"status": ["hunter2"]}"#,
            ],
        },
        Row {
            op: "UpdateMapRun",
            call: |c| send(c.update_map_run(MAP_RUN_ARN).max_concurrency(5)),
            codes: vec![
                ("ResourceNotFound", ErrorCode::ResourceNotFound),
                ("InvalidArn", ErrorCode::InvalidArn),
                ("ValidationException", ErrorCode::ValidationException),
            ],
            wrong_types: &[],
        },
        Row {
            op: "GetExecutionHistory",
            call: |c| send(c.get_execution_history(EXECUTION_ARN).max_results(10)),
            codes: [
                vec![
                    ("ExecutionDoesNotExist", ErrorCode::ExecutionDoesNotExist),
                    ("InvalidArn", ErrorCode::InvalidArn),
                    ("InvalidToken", ErrorCode::InvalidToken),
                ],
                kms(),
            ]
            .concat(),
            wrong_types: &[
                r#"{"events": "hunter2"}"#,
                r#"{"events": [{"id": "hunter2", "type": "PassStateEntered", "timestamp": 1}]}"#,
                r#"{"events": [{"id": 1, "timestamp": "hunter2"}]}"#,
                r#"{"events": [{"id": 1, "stateEnteredEventDetails": {"name": 1, "input": ["hunter2"]}}]}"#,
                r#"{"events": [{"id": 1, "executionFailedEventDetails": "hunter2"}]}"#,
                r#"{"events": [], "nextToken": {"hunter2": 1}}"#,
            ],
        },
        Row {
            op: "DescribeExecution",
            call: |c| send(c.describe_execution(EXECUTION_ARN)),
            codes: [
                vec![
                    ("ExecutionDoesNotExist", ErrorCode::ExecutionDoesNotExist),
                    ("InvalidArn", ErrorCode::InvalidArn),
                ],
                kms(),
            ]
            .concat(),
            wrong_types: &[
                r#"{"executionArn": "a", "startDate": "hunter2"}"#,
                r#"{"status": ["hunter2"]}"#,
                r#"{"input": {"apiKey": "hunter2"}}"#,
                r#"{"inputDetails": {"included": "hunter2"}}"#,
                r#"{"redriveCount": "hunter2"}"#,
                r#"{"redriveStatus": 1, "cause": "hunter2", "error": ["hunter2"]}"#,
            ],
        },
        Row {
            op: "ListExecutions",
            call: |c| send(c.list_executions().state_machine_arn(STATE_MACHINE_ARN)),
            codes: vec![
                ("InvalidArn", ErrorCode::InvalidArn),
                ("InvalidToken", ErrorCode::InvalidToken),
                ("StateMachineDoesNotExist", ErrorCode::StateMachineDoesNotExist),
                ("StateMachineTypeNotSupported", ErrorCode::StateMachineTypeNotSupported),
                ("ValidationException", ErrorCode::ValidationException),
                ("ResourceNotFound", ErrorCode::ResourceNotFound),
            ],
            wrong_types: &[
                r#"{"executions": "hunter2"}"#,
                r#"{"executions": [{"name": "n", "itemCount": "hunter2"}]}"#,
                r#"{"executions": [{"startDate": "hunter2"}]}"#,
                r#"{"executions": [], "nextToken": {"hunter2": 1}}"#,
            ],
        },
        Row {
            op: "DescribeStateMachine",
            call: |c| send(c.describe_state_machine(STATE_MACHINE_ARN)),
            codes: [
                vec![
                    ("InvalidArn", ErrorCode::InvalidArn),
                    ("StateMachineDoesNotExist", ErrorCode::StateMachineDoesNotExist),
                ],
                kms(),
            ]
            .concat(),
            wrong_types: &[
                r#"{"definition": {"Comment": "hunter2"}}"#,
                r#"{"creationDate": "hunter2"}"#,
                r#"{"type": ["hunter2"]}"#,
                r#"{"loggingConfiguration": {"destinations": "hunter2"}}"#,
                r#"{"encryptionConfiguration": {"type": "AWS_OWNED_KEY", "kmsDataKeyReusePeriodSeconds": "hunter2"}}"#,
                r#"{"variableReferences": {"Resize": "hunter2"}}"#,
            ],
        },
        Row {
            op: "DescribeStateMachineForExecution",
            call: |c| send(c.describe_state_machine_for_execution(EXECUTION_ARN)),
            codes: [
                vec![
                    ("ExecutionDoesNotExist", ErrorCode::ExecutionDoesNotExist),
                    ("InvalidArn", ErrorCode::InvalidArn),
                ],
                kms(),
            ]
            .concat(),
            wrong_types: &[
                r#"{"updateDate": "hunter2"}"#,
                r#"{"definition": ["hunter2"]}"#,
                r#"{"tracingConfiguration": {"enabled": "hunter2"}}"#,
                r#"{"variableReferences": {"Resize": [1, "hunter2"]}}"#,
            ],
        },
        Row {
            op: "StartExecution",
            call: |c| send(c.start_execution(STATE_MACHINE_ARN).name("order-1").input("{}")),
            codes: [
                vec![
                    ("ExecutionLimitExceeded", ErrorCode::ExecutionLimitExceeded),
                    ("ExecutionAlreadyExists", ErrorCode::ExecutionAlreadyExists),
                    ("InvalidArn", ErrorCode::InvalidArn),
                    ("InvalidExecutionInput", ErrorCode::InvalidExecutionInput),
                    ("InvalidName", ErrorCode::InvalidName),
                    ("StateMachineDoesNotExist", ErrorCode::StateMachineDoesNotExist),
                    ("StateMachineDeleting", ErrorCode::StateMachineDeleting),
                    ("ValidationException", ErrorCode::ValidationException),
                ],
                kms(),
            ]
            .concat(),
            wrong_types: &[
                r#"{"executionArn": ["hunter2"], "startDate": 1}"#,
                r#"{"executionArn": "a", "startDate": "hunter2"}"#,
            ],
        },
        Row {
            op: "StopExecution",
            call: |c| send(c.stop_execution(EXECUTION_ARN).error("Cancelled").cause("by hand")),
            codes: [
                vec![
                    ("ExecutionDoesNotExist", ErrorCode::ExecutionDoesNotExist),
                    ("InvalidArn", ErrorCode::InvalidArn),
                    ("ValidationException", ErrorCode::ValidationException),
                ],
                kms(),
            ]
            .concat(),
            wrong_types: &[r#"{"stopDate": "hunter2"}"#, r#"{"stopDate": ["hunter2"]}"#],
        },
        Row {
            op: "RedriveExecution",
            call: |c| send(c.redrive_execution(EXECUTION_ARN)),
            codes: vec![
                ("ExecutionDoesNotExist", ErrorCode::ExecutionDoesNotExist),
                ("ExecutionNotRedrivable", ErrorCode::ExecutionNotRedrivable),
                ("ExecutionLimitExceeded", ErrorCode::ExecutionLimitExceeded),
                ("InvalidArn", ErrorCode::InvalidArn),
                ("ValidationException", ErrorCode::ValidationException),
            ],
            wrong_types: &[r#"{"redriveDate": "hunter2"}"#, r#"{"redriveDate": {"hunter2": 1}}"#],
        },
        Row {
            op: "CreateStateMachine",
            call: |c| {
                let r = c
                    .create_state_machine("orders", DEFINITION, ROLE_ARN)
                    .r#type(StateMachineType::Standard)
                    .tag("team", "data");
                send(r)
            },
            codes: vec![
                ("InvalidArn", ErrorCode::InvalidArn),
                ("InvalidDefinition", ErrorCode::InvalidDefinition),
                ("InvalidName", ErrorCode::InvalidName),
                ("InvalidLoggingConfiguration", ErrorCode::InvalidLoggingConfiguration),
                ("InvalidTracingConfiguration", ErrorCode::InvalidTracingConfiguration),
                ("StateMachineAlreadyExists", ErrorCode::StateMachineAlreadyExists),
                ("StateMachineDeleting", ErrorCode::StateMachineDeleting),
                ("StateMachineLimitExceeded", ErrorCode::StateMachineLimitExceeded),
                ("StateMachineTypeNotSupported", ErrorCode::StateMachineTypeNotSupported),
                ("TooManyTags", ErrorCode::TooManyTags),
                ("ValidationException", ErrorCode::ValidationException),
                ("ConflictException", ErrorCode::ConflictException),
                ("InvalidEncryptionConfiguration", ErrorCode::InvalidEncryptionConfiguration),
                ("KmsAccessDeniedException", ErrorCode::KmsAccessDeniedException),
                ("KmsThrottlingException", ErrorCode::KmsThrottlingException),
            ],
            wrong_types: &[
                r#"{"stateMachineArn": ["hunter2"], "creationDate": 1}"#,
                r#"{"stateMachineArn": "a", "creationDate": "hunter2"}"#,
                r#"{"stateMachineArn": "a", "creationDate": 1, "stateMachineVersionArn": {"hunter2": 1}}"#,
            ],
        },
        Row {
            op: "DeleteStateMachine",
            call: |c| send(c.delete_state_machine(STATE_MACHINE_ARN)),
            codes: vec![
                ("InvalidArn", ErrorCode::InvalidArn),
                ("ValidationException", ErrorCode::ValidationException),
            ],
            wrong_types: &[],
        },
        Row {
            op: "ListStateMachines",
            call: |c| send(c.list_state_machines().max_results(10)),
            codes: vec![("InvalidToken", ErrorCode::InvalidToken)],
            wrong_types: &[
                r#"{"stateMachines": "hunter2"}"#,
                r#"{"stateMachines": [{"name": "n", "creationDate": "hunter2"}]}"#,
                r#"{"stateMachines": [{"name": "n", "type": ["hunter2"]}]}"#,
                r#"{"stateMachines": [], "nextToken": {"hunter2": 1}}"#,
            ],
        },
        Row {
            op: "TagResource",
            call: |c| send(c.tag_resource(STATE_MACHINE_ARN).tag("team", "data")),
            codes: vec![
                ("InvalidArn", ErrorCode::InvalidArn),
                ("ResourceNotFound", ErrorCode::ResourceNotFound),
                ("TooManyTags", ErrorCode::TooManyTags),
            ],
            wrong_types: &[],
        },
        Row {
            op: "UntagResource",
            call: |c| send(c.untag_resource(STATE_MACHINE_ARN, ["team"])),
            codes: vec![
                ("InvalidArn", ErrorCode::InvalidArn),
                ("ResourceNotFound", ErrorCode::ResourceNotFound),
            ],
            wrong_types: &[],
        },
        Row {
            op: "ListTagsForResource",
            call: |c| send(c.list_tags_for_resource(STATE_MACHINE_ARN)),
            codes: vec![
                ("InvalidArn", ErrorCode::InvalidArn),
                ("ResourceNotFound", ErrorCode::ResourceNotFound),
            ],
            wrong_types: &[
                r#"{"tags": "hunter2"}"#,
                r#"{"tags": [{"key": "k", "value": ["hunter2"]}]}"#,
            ],
        },
        Row {
            op: "CreateActivity",
            call: |c| send(c.create_activity("resize-images").tag("team", "media")),
            codes: vec![
                ("ActivityLimitExceeded", ErrorCode::ActivityLimitExceeded),
                ("ActivityAlreadyExists", ErrorCode::ActivityAlreadyExists),
                ("InvalidName", ErrorCode::InvalidName),
                ("TooManyTags", ErrorCode::TooManyTags),
                ("InvalidEncryptionConfiguration", ErrorCode::InvalidEncryptionConfiguration),
                ("KmsAccessDeniedException", ErrorCode::KmsAccessDeniedException),
                ("KmsThrottlingException", ErrorCode::KmsThrottlingException),
            ],
            wrong_types: &[
                r#"{"activityArn": ["hunter2"], "creationDate": 1}"#,
                r#"{"activityArn": "a", "creationDate": "hunter2"}"#,
            ],
        },
        Row {
            op: "DeleteActivity",
            call: |c| send(c.delete_activity(ACTIVITY_ARN)),
            codes: vec![("InvalidArn", ErrorCode::InvalidArn)],
            wrong_types: &[],
        },
        Row {
            op: "DescribeActivity",
            call: |c| send(c.describe_activity(ACTIVITY_ARN)),
            codes: vec![
                ("ActivityDoesNotExist", ErrorCode::ActivityDoesNotExist),
                ("InvalidArn", ErrorCode::InvalidArn),
            ],
            wrong_types: &[
                r#"{"activityArn": "a", "name": {"hunter2": 1}, "creationDate": 1}"#,
                r#"{"activityArn": "a", "creationDate": 1, "encryptionConfiguration": "hunter2"}"#,
            ],
        },
        Row {
            op: "ListActivities",
            call: |c| send(c.list_activities().max_results(10)),
            codes: vec![("InvalidToken", ErrorCode::InvalidToken)],
            wrong_types: &[
                r#"{"activities": "hunter2"}"#,
                r#"{"activities": [{"name": "n", "creationDate": "hunter2"}]}"#,
                r#"{"activities": [], "nextToken": {"hunter2": 1}}"#,
            ],
        },
        Row {
            op: "GetActivityTask",
            call: |c| send(c.get_activity_task(ACTIVITY_ARN).worker_name("worker-1")),
            codes: [
                vec![
                    ("ActivityDoesNotExist", ErrorCode::ActivityDoesNotExist),
                    ("ActivityWorkerLimitExceeded", ErrorCode::ActivityWorkerLimitExceeded),
                    ("InvalidArn", ErrorCode::InvalidArn),
                ],
                kms(),
            ]
            .concat(),
            wrong_types: &[r#"{"taskToken": 1, "input": "hunter2"}"#, r#"{"input": ["hunter2"]}"#],
        },
        Row {
            op: "SendTaskSuccess",
            call: |c| send(c.send_task_success(TASK_TOKEN, "{}")),
            codes: [
                vec![
                    ("TaskDoesNotExist", ErrorCode::TaskDoesNotExist),
                    ("InvalidOutput", ErrorCode::InvalidOutput),
                    ("InvalidToken", ErrorCode::InvalidToken),
                    ("TaskTimedOut", ErrorCode::TaskTimedOut),
                ],
                kms(),
            ]
            .concat(),
            wrong_types: &[],
        },
        Row {
            op: "SendTaskFailure",
            call: |c| send(c.send_task_failure(TASK_TOKEN).error("E").cause("C")),
            codes: [
                vec![
                    ("TaskDoesNotExist", ErrorCode::TaskDoesNotExist),
                    ("InvalidToken", ErrorCode::InvalidToken),
                    ("TaskTimedOut", ErrorCode::TaskTimedOut),
                ],
                kms(),
            ]
            .concat(),
            wrong_types: &[],
        },
        Row {
            op: "SendTaskHeartbeat",
            call: |c| send(c.send_task_heartbeat(TASK_TOKEN)),
            codes: vec![
                ("TaskDoesNotExist", ErrorCode::TaskDoesNotExist),
                ("InvalidToken", ErrorCode::InvalidToken),
                ("TaskTimedOut", ErrorCode::TaskTimedOut),
            ],
            wrong_types: &[],
        },
        Row {
            op: "PublishStateMachineVersion",
            call: |c| send(c.publish_state_machine_version(STATE_MACHINE_ARN).description("d")),
            codes: vec![
                ("ValidationException", ErrorCode::ValidationException),
                ("StateMachineDeleting", ErrorCode::StateMachineDeleting),
                ("StateMachineDoesNotExist", ErrorCode::StateMachineDoesNotExist),
                ("ServiceQuotaExceededException", ErrorCode::ServiceQuotaExceededException),
                ("ConflictException", ErrorCode::ConflictException),
                ("InvalidArn", ErrorCode::InvalidArn),
            ],
            wrong_types: &[
                r#"{"creationDate": "hunter2", "stateMachineVersionArn": "a"}"#,
                r#"{"creationDate": 1, "stateMachineVersionArn": ["hunter2"]}"#,
            ],
        },
        Row {
            op: "ListStateMachineVersions",
            call: |c| send(c.list_state_machine_versions(STATE_MACHINE_ARN).max_results(10)),
            codes: vec![
                ("ValidationException", ErrorCode::ValidationException),
                ("InvalidArn", ErrorCode::InvalidArn),
                ("InvalidToken", ErrorCode::InvalidToken),
            ],
            wrong_types: &[
                r#"{"stateMachineVersions": "hunter2"}"#,
                r#"{"stateMachineVersions": [{"stateMachineVersionArn": "a", "creationDate": "hunter2"}]}"#,
            ],
        },
        Row {
            op: "DeleteStateMachineVersion",
            call: |c| send(c.delete_state_machine_version(VERSION_ARN)),
            codes: vec![
                ("ValidationException", ErrorCode::ValidationException),
                ("InvalidArn", ErrorCode::InvalidArn),
                ("ConflictException", ErrorCode::ConflictException),
            ],
            wrong_types: &[],
        },
        Row {
            op: "CreateStateMachineAlias",
            call: |c| send(c.create_state_machine_alias("PROD").route(VERSION_ARN, 100)),
            codes: vec![
                ("InvalidArn", ErrorCode::InvalidArn),
                ("InvalidName", ErrorCode::InvalidName),
                ("ValidationException", ErrorCode::ValidationException),
                ("StateMachineDeleting", ErrorCode::StateMachineDeleting),
                ("ResourceNotFound", ErrorCode::ResourceNotFound),
                ("ConflictException", ErrorCode::ConflictException),
                ("ServiceQuotaExceededException", ErrorCode::ServiceQuotaExceededException),
            ],
            wrong_types: &[r#"{"stateMachineAliasArn": {"hunter2": 1}, "creationDate": 1}"#],
        },
        Row {
            op: "DescribeStateMachineAlias",
            call: |c| send(c.describe_state_machine_alias(ALIAS_ARN)),
            codes: vec![
                ("ValidationException", ErrorCode::ValidationException),
                ("InvalidArn", ErrorCode::InvalidArn),
                ("ResourceNotFound", ErrorCode::ResourceNotFound),
            ],
            wrong_types: &[
                r#"{"routingConfiguration": [{"stateMachineVersionArn": "a", "weight": "hunter2"}]}"#,
                r#"{"description": ["hunter2"]}"#,
            ],
        },
        Row {
            op: "UpdateStateMachineAlias",
            call: |c| send(c.update_state_machine_alias(ALIAS_ARN).route(VERSION_ARN, 100)),
            codes: vec![
                ("ValidationException", ErrorCode::ValidationException),
                ("InvalidArn", ErrorCode::InvalidArn),
                ("ResourceNotFound", ErrorCode::ResourceNotFound),
                ("ConflictException", ErrorCode::ConflictException),
                ("StateMachineDeleting", ErrorCode::StateMachineDeleting),
            ],
            wrong_types: &[r#"{"updateDate": "hunter2"}"#],
        },
        Row {
            op: "DeleteStateMachineAlias",
            call: |c| send(c.delete_state_machine_alias(ALIAS_ARN)),
            codes: vec![
                ("ValidationException", ErrorCode::ValidationException),
                ("InvalidArn", ErrorCode::InvalidArn),
                ("ResourceNotFound", ErrorCode::ResourceNotFound),
                ("ConflictException", ErrorCode::ConflictException),
            ],
            wrong_types: &[],
        },
        Row {
            op: "ListStateMachineAliases",
            call: |c| send(c.list_state_machine_aliases(STATE_MACHINE_ARN)),
            codes: vec![
                ("InvalidArn", ErrorCode::InvalidArn),
                ("InvalidToken", ErrorCode::InvalidToken),
                ("ResourceNotFound", ErrorCode::ResourceNotFound),
                ("StateMachineDoesNotExist", ErrorCode::StateMachineDoesNotExist),
                ("StateMachineDeleting", ErrorCode::StateMachineDeleting),
            ],
            wrong_types: &[
                r#"{"stateMachineAliases": [{"stateMachineAliasArn": 1, "creationDate": "hunter2"}]}"#,
            ],
        },
        Row {
            op: "UpdateStateMachine",
            call: |c| send(c.update_state_machine(STATE_MACHINE_ARN).definition(DEFINITION)),
            codes: vec![
                ("InvalidArn", ErrorCode::InvalidArn),
                ("InvalidDefinition", ErrorCode::InvalidDefinition),
                ("InvalidLoggingConfiguration", ErrorCode::InvalidLoggingConfiguration),
                ("InvalidTracingConfiguration", ErrorCode::InvalidTracingConfiguration),
                ("MissingRequiredParameter", ErrorCode::MissingRequiredParameter),
                ("StateMachineDeleting", ErrorCode::StateMachineDeleting),
                ("StateMachineDoesNotExist", ErrorCode::StateMachineDoesNotExist),
                ("ServiceQuotaExceededException", ErrorCode::ServiceQuotaExceededException),
                ("ConflictException", ErrorCode::ConflictException),
                ("ValidationException", ErrorCode::ValidationException),
                ("InvalidEncryptionConfiguration", ErrorCode::InvalidEncryptionConfiguration),
                ("KmsAccessDeniedException", ErrorCode::KmsAccessDeniedException),
                ("KmsThrottlingException", ErrorCode::KmsThrottlingException),
            ],
            wrong_types: &[
                r#"{"updateDate": "hunter2"}"#,
                r#"{"updateDate": 1, "revisionId": ["hunter2"]}"#,
            ],
        },
        Row {
            op: "ValidateStateMachineDefinition",
            call: |c| send(c.validate_state_machine_definition(DEFINITION)),
            codes: vec![("ValidationException", ErrorCode::ValidationException)],
            wrong_types: &[
                r#"{"result": ["hunter2"], "diagnostics": []}"#,
                r#"{"result": "OK", "diagnostics": [{"severity": "ERROR", "code": 1, "message": "hunter2"}]}"#,
            ],
        },
        Row {
            op: "StartSyncExecution",
            call: |c| send(c.start_sync_execution(STATE_MACHINE_ARN).input("{}")),
            codes: [
                vec![
                    ("InvalidArn", ErrorCode::InvalidArn),
                    ("InvalidExecutionInput", ErrorCode::InvalidExecutionInput),
                    ("InvalidName", ErrorCode::InvalidName),
                    ("StateMachineDoesNotExist", ErrorCode::StateMachineDoesNotExist),
                    ("StateMachineDeleting", ErrorCode::StateMachineDeleting),
                    ("StateMachineTypeNotSupported", ErrorCode::StateMachineTypeNotSupported),
                ],
                kms(),
            ]
            .concat(),
            wrong_types: &[
                r#"{"executionArn": "a", "startDate": 1, "stopDate": 2, "status": "FAILED", "cause": ["hunter2"]}"#,
                r#"{"executionArn": "a", "startDate": 1, "stopDate": "hunter2", "status": "SUCCEEDED"}"#,
                r#"{"executionArn": "a", "billingDetails": {"billedMemoryUsedInMB": "hunter2"}}"#,
            ],
        },
        Row {
            op: "TestState",
            call: |c| send(c.test_state(DEFINITION).input("{}")),
            codes: vec![
                ("InvalidArn", ErrorCode::InvalidArn),
                ("InvalidDefinition", ErrorCode::InvalidDefinition),
                ("InvalidExecutionInput", ErrorCode::InvalidExecutionInput),
                ("ValidationException", ErrorCode::ValidationException),
            ],
            wrong_types: &[
                r#"{"output": ["hunter2"]}"#,
                r#"{"status": "FAILED", "inspectionData": {"maxConcurrency": "hunter2"}}"#,
            ],
        },
    ]
}

#[test]
fn every_operation_has_one_row() {
    assert_every_operation_once("the rows", rows().iter().map(|r| r.op));
}

#[test]
fn the_error_fixture_covers_exactly_the_crates_operations() {
    let fixture = model::errors();
    assert_every_operation_once(
        "fixtures/operation-errors.json",
        fixture.keys().map(String::as_str),
    );
}

/// Skipped (with a note) when the model is not present.
#[test]
fn the_error_fixture_is_what_the_model_says() {
    if let Some(derived) = model::from_spec() {
        assert_eq!(
            model::errors(),
            derived.errors,
            "fixtures/operation-errors.json is stale: run \
             python3 tests/fixtures/generate_model_fixtures.py"
        );
    }
}

#[test]
fn rows_list_exactly_the_errors_the_model_gives() {
    let model = model::errors();
    for op in model.keys() {
        assert!(rows().iter().any(|r| r.op == op), "{op} has no row");
    }
    for row in rows() {
        let mut listed: Vec<&str> = row.codes.iter().map(|(code, _)| *code).collect();
        listed.sort_unstable();
        let before = listed.len();
        listed.dedup();
        assert_eq!(listed.len(), before, "{}: a code is listed twice", row.op);
        let modelled =
            model.get(row.op).unwrap_or_else(|| panic!("{} is not in the fixture", row.op));
        let mut modelled: Vec<&str> = modelled.iter().map(String::as_str).collect();
        modelled.sort_unstable();
        assert_eq!(listed, modelled, "{}: the row's codes differ from the model's", row.op);
        for (code, variant) in &row.codes {
            assert_eq!(variant.as_str(), *code, "{}: {code} paired with {variant:?}", row.op);
        }
    }
}

async fn fail(row: &Row, client: &Client) -> Error {
    match (row.call)(client).await {
        Ok(output) => panic!("{}: expected an error, got {output}", row.op),
        Err(e) => e,
    }
}

#[tokio::test]
async fn every_modelled_error_code_is_typed_with_its_details() {
    for row in rows() {
        let server = Server::start().await;
        let client = client(&server);
        for (code, variant) in &row.codes {
            let message = format!("{} says {code}: 'arn:aws:states:…' is \"wrong\"", row.op);
            let reply = Reply::service_error(code, &message);
            server.set_handler(move |_| reply.clone());

            let e = fail(&row, &client).await;
            let ctx = format!("{} {code}: {e:?}", row.op);
            assert_eq!(e.kind(), ErrorKind::Service, "{ctx}");
            assert_eq!(e.code(), Some(variant), "{ctx}");
            assert!(!variant.is_unknown(), "{ctx}");
            assert_eq!(e.message(), Some(message.as_str()), "{ctx}");
            assert_eq!(e.request_id(), Some(REQUEST_ID), "{ctx}");
            assert_eq!(e.status(), Some(400), "{ctx}");
            assert_eq!(e.operation(), Some(row.op), "{ctx}");
            let service = e.service_error().expect("a service error");
            assert_eq!((&service.code, service.status), (variant, 400), "{ctx}");

            let shown = e.to_string();
            for part in [row.op, code, &message] {
                assert!(shown.contains(part), "Display {shown:?} lacks {part:?}");
            }
        }
    }
}

/// One way a service error can be written, and what it must decode to.
struct Form {
    what: &'static str,
    reply: Reply,
    status: u16,
    code: ErrorCode,
    message: Option<&'static str>,
}

fn form(
    what: &'static str,
    status: u16,
    body: &str,
    code: ErrorCode,
    message: Option<&'static str>,
) -> Form {
    Form { what, reply: Reply::json(status, body), status, code, message }
}

fn forms() -> Vec<Form> {
    let uri = "http://internal.amazon.com/coral/com.amazon.coral.validate/";
    vec![
        form(
            "a namespaced __type",
            400,
            r#"{"__type": "com.amazonaws.sfn#InvalidArn", "message": "m1"}"#,
            ErrorCode::InvalidArn,
            Some("m1"),
        ),
        form(
            "a __type with a URI suffix",
            400,
            &format!(r#"{{"__type": "InvalidToken:{uri}", "message": "m2"}}"#),
            ErrorCode::InvalidToken,
            Some("m2"),
        ),
        form(
            "a namespaced __type with a URI suffix",
            400,
            &format!(
                r#"{{"__type": "com.amazonaws.sfn#ResourceNotFound:{uri}", "message": "m3"}}"#
            ),
            ErrorCode::ResourceNotFound,
            Some("m3"),
        ),
        Form {
            what: "only the X-Amzn-ErrorType header, empty body",
            reply: Reply::raw(400, "")
                .header("X-Amzn-ErrorType", &format!("ExecutionDoesNotExist:{uri}"))
                .header("x-amzn-RequestId", REQUEST_ID),
            status: 400,
            code: ErrorCode::ExecutionDoesNotExist,
            message: None,
        },
        form(
            "a capitalized Message",
            400,
            r#"{"__type": "InvalidArn", "Message": "m4"}"#,
            ErrorCode::InvalidArn,
            Some("m4"),
        ),
        form(
            "an errorMessage",
            400,
            r#"{"__type": "InvalidArn", "errorMessage": "m5"}"#,
            ErrorCode::InvalidArn,
            Some("m5"),
        ),
        form(
            "a code member",
            400,
            r#"{"code": "ValidationException", "message": "m6"}"#,
            ErrorCode::ValidationException,
            Some("m6"),
        ),
        form(
            "a code member beside a __type",
            400,
            r#"{"code": "InvalidToken", "__type": "InvalidArn", "message": "m7"}"#,
            ErrorCode::InvalidToken,
            Some("m7"),
        ),
        form(
            "a nested __type",
            400,
            r#"{"__type": "InvalidArn", "message": "m8", "cause": {"__type": "ResourceNotFound"}}"#,
            ErrorCode::InvalidArn,
            Some("m8"),
        ),
        Form {
            what: "a null __type and the header (moto)",
            reply: Reply::raw(400, r#"{"__type": null, "message": "m9"}"#)
                .header("Content-Type", "application/json")
                .header("X-Amzn-ErrorType", "ValidationException")
                .header("x-amzn-RequestId", REQUEST_ID),
            status: 400,
            code: ErrorCode::ValidationException,
            message: Some("m9"),
        },
        Form {
            what: "the header beside a different body code",
            reply: Reply::service_error("ResourceNotFound", "m10")
                .header("X-Amzn-ErrorType", "InvalidArn"),
            status: 400,
            code: ErrorCode::InvalidArn,
            message: Some("m10"),
        },
        form(
            "a null __type and no header",
            400,
            r#"{"__type": null, "message": "m11"}"#,
            ErrorCode::Unknown(String::new()),
            Some("m11"),
        ),
        form(
            "an unknown code",
            400,
            r#"{"__type": "com.amazonaws.sfn#BrandNewException", "message": "m12"}"#,
            ErrorCode::Unknown("BrandNewException".into()),
            Some("m12"),
        ),
        form(
            "throttling",
            400,
            r#"{"__type": "ThrottlingException", "message": "Rate exceeded"}"#,
            ErrorCode::ThrottlingException,
            Some("Rate exceeded"),
        ),
        form(
            "a 500 with a JSON body",
            500,
            r#"{"__type": "InternalFailure", "message": "m13"}"#,
            ErrorCode::InternalFailure,
            Some("m13"),
        ),
        form(
            "a 503 with a JSON body",
            503,
            r#"{"__type": "ServiceUnavailable"}"#,
            ErrorCode::ServiceUnavailable,
            None,
        ),
    ]
}

#[tokio::test]
async fn every_error_form_decodes_for_every_operation() {
    for row in rows() {
        let server = Server::start().await;
        let client = client(&server);
        for form in forms() {
            let reply = form.reply.clone();
            server.set_handler(move |_| reply.clone());
            let e = fail(&row, &client).await;
            let ctx = format!("{} with {}: {e:?}", row.op, form.what);
            assert_eq!(e.kind(), ErrorKind::Service, "{ctx}");
            assert_eq!(e.code(), Some(&form.code), "{ctx}");
            assert_eq!(e.message(), form.message, "{ctx}");
            assert_eq!(e.status(), Some(form.status), "{ctx}");
            assert_eq!(e.request_id(), Some(REQUEST_ID), "{ctx}");
            assert_eq!(e.operation(), Some(row.op), "{ctx}");
            let shown = e.to_string();
            assert!(shown.contains(row.op), "Display {shown:?}: {ctx}");
            assert!(shown.contains(form.code.as_str()), "Display {shown:?}: {ctx}");
            assert!(shown.contains(&form.status.to_string()), "Display {shown:?}: {ctx}");
        }
    }
}

#[tokio::test]
async fn unknown_codes_keep_their_string_and_throttling_is_recognised() {
    let row = &rows()[0];
    let server =
        Server::always(Reply::service_error("com.amazonaws.sfn#BrandNewException", "new")).await;
    let e = fail(row, &client(&server)).await;
    let code = e.code().expect("a code");
    assert_eq!(code, &ErrorCode::Unknown("BrandNewException".into()));
    assert!(code.is_unknown());
    assert_eq!(code.as_str(), "BrandNewException");
    assert!(e.to_string().contains("BrandNewException"), "{e}");
    assert!(!code.is_throttling());

    for throttled in ["ThrottlingException", "Throttling", "TooManyRequestsException"] {
        server.set_handler(move |_| Reply::service_error(throttled, "Rate exceeded"));
        let e = fail(row, &client(&server)).await;
        assert!(e.code().is_some_and(ErrorCode::is_throttling), "{throttled}: {e:?}");
    }
    for not_throttled in ["InvalidArn", "ExecutionDoesNotExist", "InternalFailure"] {
        server.set_handler(move |_| Reply::service_error(not_throttled, "no"));
        let e = fail(row, &client(&server)).await;
        assert!(!e.code().is_some_and(ErrorCode::is_throttling), "{not_throttled}: {e:?}");
    }
}

#[tokio::test]
async fn kms_errors_are_typed_and_kms_throttling_counts_as_throttling() {
    let row = &rows()[0];
    let server = Server::start().await;
    let client = client(&server);
    for (code, variant) in kms() {
        server.set_handler(move |_| Reply::service_error(code, "kms"));
        let e = fail(row, &client).await;
        assert_eq!(e.code(), Some(&variant), "{e:?}");
        assert_eq!(variant.is_throttling(), code == "KmsThrottlingException", "{code}");
    }
}

#[tokio::test]
async fn an_html_error_page_is_a_service_error_coded_by_its_status_with_an_excerpt() {
    let page = "<html><head><title>500 Internal Server Error</title></head>\
                <body><h1>Internal Server Error</h1></body></html>";
    for row in rows() {
        let server = Server::always(
            Reply::raw(500, page).header("Content-Type", "text/html; charset=utf-8"),
        )
        .await;
        let e = fail(&row, &client(&server)).await;
        let ctx = format!("{}: {e:?}", row.op);
        // The server failed and said so with its status, as boto3 reports it:
        // a service error whose code is the status.
        assert_eq!(e.kind(), ErrorKind::Service, "{ctx}");
        assert_eq!(e.status(), Some(500), "{ctx}");
        assert_eq!(e.code(), Some(&ErrorCode::Unknown("500".into())), "{ctx}");
        assert_eq!(e.message(), None, "{ctx}");
        assert_eq!(e.operation(), Some(row.op), "{ctx}");
        assert!(e.body_excerpt().is_some_and(|x| x.starts_with("<html>")), "{ctx}");
        let shown = e.to_string();
        assert!(shown.contains("500") && shown.contains(row.op), "{shown}");
        assert!(shown.contains("Internal Server Error"), "{shown}");
    }
}

#[tokio::test]
async fn undecodable_success_bodies_are_decode_errors_that_leak_nothing() {
    let everywhere = [
        r#"{"mapRuns": [], "mapRunArn": "hunter2"#,
        r#"{"executionArn": "arn", "secret": "hunter2", "#,
        r#""hunter2""#,
        r#"{"hunter2": }"#,
        "hunter2",
    ];
    for row in rows() {
        let server = Server::start().await;
        let client = client(&server);
        for body in everywhere.iter().chain(row.wrong_types) {
            assert!(body.contains(SECRET));
            let reply = Reply::ok(*body);
            server.set_handler(move |_| reply.clone());
            let e = fail(&row, &client).await;
            let (shown, debug) = (e.to_string(), format!("{e:?}"));
            let ctx = format!("{} with {body}: {debug}", row.op);
            assert_eq!(e.kind(), ErrorKind::Decode, "{ctx}");
            assert_eq!(e.status(), Some(200), "{ctx}");
            assert_eq!(e.operation(), Some(row.op), "{ctx}");
            assert_eq!(e.body_excerpt(), None, "{ctx}");
            assert!(!shown.contains(SECRET), "Display leaks: {shown}");
            assert!(!debug.contains(SECRET), "Debug leaks: {debug}");
            assert!(shown.contains(row.op), "{shown}");
        }
    }
}

#[tokio::test]
async fn a_refused_connection_is_a_transport_error() {
    // A port kept bound and never listened on refuses every connection.
    let (_reserved, addr) = common::refusing_address();
    let client = Client::builder()
        .region(common::REGION)
        .endpoint_url(format!("http://{addr}"))
        .credentials_provider(plain_credentials())
        .retry_config(common::fast_retries())
        .build()
        .expect("a client");
    for row in rows() {
        let e = fail(&row, &client).await;
        let ctx = format!("{}: {e:?}", row.op);
        assert_eq!(e.kind(), ErrorKind::Transport, "{ctx}");
        assert_eq!(e.operation(), Some(row.op), "{ctx}");
        assert_eq!(e.status(), None, "{ctx}");
        assert!(e.to_string().contains(row.op), "{e}");
    }
}

/// The attempt timeout of [`a_slow_response_hits_the_attempt_timeout`].
fn limit_of_the_test() -> Duration {
    Duration::from_millis(200)
}

/// The client's attempt timeout, or for the operations that wait long
/// (`GetActivityTask`, `StartSyncExecution`, `TestState`, which raise the
/// client's to their own; tests/calls.rs checks that) the call's.
#[tokio::test]
async fn a_slow_response_hits_the_attempt_timeout() {
    let limit = limit_of_the_test();
    let slow = Duration::from_secs(5);
    let long = ["GetActivityTask", "StartSyncExecution", "TestState"];
    let per_call = [
        Row {
            op: "GetActivityTask",
            call: |c| send(c.get_activity_task(ACTIVITY_ARN).attempt_timeout(limit_of_the_test())),
            codes: Vec::new(),
            wrong_types: &[],
        },
        Row {
            op: "StartSyncExecution",
            call: |c| {
                send(c.start_sync_execution(STATE_MACHINE_ARN).attempt_timeout(limit_of_the_test()))
            },
            codes: Vec::new(),
            wrong_types: &[],
        },
        Row {
            op: "TestState",
            call: |c| send(c.test_state(DEFINITION).attempt_timeout(limit_of_the_test())),
            codes: Vec::new(),
            wrong_types: &[],
        },
    ];
    for row in rows().into_iter().filter(|r| !long.contains(&r.op)).chain(per_call) {
        let server = Server::always(Reply::ok("{}").delayed(slow)).await;
        let client =
            builder(&server, &plain_credentials()).attempt_timeout(limit).build().expect("client");
        let started = Instant::now();
        let e = fail(&row, &client).await;
        let took = started.elapsed();
        let ctx = format!("{} after {took:?}: {e:?}", row.op);
        assert_eq!(e.kind(), ErrorKind::Timeout, "{ctx}");
        assert_eq!(e.operation(), Some(row.op), "{ctx}");
        assert!(took >= limit && took < slow, "{ctx}");
        assert!(server.request_count() >= 1, "{ctx}: the request was sent");
    }
}

/// AWS's signature errors may quote the canonical request, which holds the
/// session token: it must not reach the error.
#[tokio::test]
async fn a_signature_error_quoting_the_session_token_is_redacted() {
    let server = Server::start().await;
    let message = format!(
        "The request signature we calculated does not match. The Canonical String for this \
         request should have been 'POST\n/\n\ncontent-type:{}\nx-amz-security-token:{}\n'",
        common::JSON_1_0,
        common::SESSION_TOKEN
    );
    let body = serde_json::json!({ "__type": "InvalidSignatureException", "message": message });
    server.push(Reply::json(403, body.to_string()));
    let client = common::client_with(&server, &common::session_credentials());
    let e = client.describe_map_run(MAP_RUN_ARN).await.expect_err("a signature error");
    assert_eq!(e.code(), Some(&ErrorCode::InvalidSignatureException));
    let shown = e.message().expect("the service's message");
    assert!(!shown.contains(common::SESSION_TOKEN), "{shown}");
    assert!(shown.contains("x-amz-security-token:*** Sensitive Data Redacted ***"), "{shown}");
    for printed in [e.to_string(), format!("{e:?}")] {
        assert!(!printed.contains(common::SESSION_TOKEN), "{printed}");
    }
}
