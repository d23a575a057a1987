//! The service model's rules on the input of each of the crate's
//! operations ([`common::OPERATIONS`]) are enforced before anything is sent,
//! and values right at each limit do go out.
//!
//! - [`refused`]: one row per way to break a rule (a required member missing
//!   or empty, a length or a number one past its minimum or maximum, a
//!   pattern broken, and the crate's own "exactly one ARN" rule of
//!   ListExecutions). Each gives `ErrorKind::InvalidInput` naming the wire
//!   member and the operation, and the server sees no request.
//! - [`accepted`]: one row per limit met exactly (each minimum and maximum,
//!   each enum value, a pattern's extremes). Each request reaches the server,
//!   and the value arrives in the JSON body at the member's place.
//!
//! Each row says which of the model's rules it tests (`required`, `min N`,
//! `max N`, `enum V`, `pattern`; several separated by `, `), and the rules
//! are taken from `fixtures/operation-inputs.json`, generated from the model
//! and checked against it when the model is present: every rule must have
//! its rows on both sides, so a rule without a test fails
//! [`every_rule_of_the_model_has_its_rows`]. Rows tagged `extra: ...` test
//! more than the model says.
//!
//! Enum values the crate does not know are sent as given, not refused (the
//! service may add values), so enums have no refused rows.

mod common;

use common::model::{self, leaf, pointer};
use common::{Pending, Reply, Server, client, send, send_input};
use serde::Serialize;
use serde_json::{Value, json};
use sfn_lite::operations::{
    CreateActivityInput, CreateStateMachineAliasInput, CreateStateMachineInput,
    DeleteActivityInput, DeleteStateMachineAliasInput, DeleteStateMachineInput,
    DeleteStateMachineVersionInput, DescribeActivityInput, DescribeExecutionInput,
    DescribeMapRunInput, DescribeStateMachineAliasInput, DescribeStateMachineForExecutionInput,
    DescribeStateMachineInput, GetActivityTaskInput, GetExecutionHistoryInput, ListExecutionsInput,
    ListMapRunsInput, ListStateMachineAliasesInput, ListStateMachineVersionsInput,
    ListTagsForResourceInput, MockErrorOutput, MockInput, PublishStateMachineVersionInput,
    RedriveExecutionInput, SendTaskFailureInput, SendTaskHeartbeatInput, SendTaskSuccessInput,
    StartExecutionInput, StartSyncExecutionInput, StopExecutionInput, TagResourceInput,
    TestStateConfiguration, TestStateInput, UntagResourceInput, UpdateMapRunInput,
    UpdateStateMachineAliasInput, UpdateStateMachineInput, ValidateStateMachineDefinitionInput,
};
use sfn_lite::types::{
    CloudWatchLogsLogGroup, EncryptionConfiguration, EncryptionType, ExecutionRedriveFilter,
    ExecutionStatus, IncludedData, InspectionLevel, LogDestination, LogLevel, LoggingConfiguration,
    MockResponseValidationMode, RoutingConfigurationListItem, StateMachineType, Tag,
    ValidateStateMachineDefinitionSeverity,
};
use sfn_lite::{Client, ErrorKind, RequestBuilder};
use std::collections::BTreeSet;

const DEFINITION: &str = r#"{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}"#;
const ROLE_ARN: &str = "arn:aws:iam::123456789012:role/sfn-orders";

/// `prefix` padded with `x` to exactly `len` characters.
fn padded(prefix: &str, len: usize) -> String {
    let mut s = String::from(prefix);
    s.extend(std::iter::repeat_n('x', len.saturating_sub(prefix.len())));
    s
}

/// An execution ARN of `len` characters.
fn arn(len: usize) -> String {
    padded("arn:aws:states:us-east-1:123456789012:execution:orders:", len)
}

/// A Map Run ARN of `len` characters.
fn map_run_arn(len: usize) -> String {
    padded("arn:aws:states:us-east-1:123456789012:mapRun:orders/fanout:", len)
}

/// A state machine ARN of `len` characters.
fn sm_arn(len: usize) -> String {
    padded("arn:aws:states:us-east-1:123456789012:stateMachine:", len)
}

/// An IAM role ARN of `len` characters.
fn role_arn(len: usize) -> String {
    padded("arn:aws:iam::123456789012:role/", len)
}

/// A log group ARN of `len` characters.
fn log_group_arn(len: usize) -> String {
    padded("arn:aws:logs:us-east-1:123456789012:log-group:", len)
}

/// A KMS key ARN of `len` characters.
fn kms_key(len: usize) -> String {
    padded("arn:aws:kms:us-east-1:123456789012:key/", len)
}

/// An activity ARN of `len` characters.
fn activity_arn(len: usize) -> String {
    padded("arn:aws:states:us-east-1:123456789012:activity:", len)
}

/// A JSON string literal of exactly `len` characters (quotes included).
fn json_of_len(len: usize) -> String {
    format!("\"{}\"", "j".repeat(len - 2))
}

fn token(len: usize) -> String {
    "t".repeat(len)
}

/// The printable ASCII characters from `first` to `last`, the range of the
/// `ClientToken` pattern `[!-~]+`.
fn printable(first: u8, last: u8) -> String {
    (first..=last).map(char::from).collect()
}

/// A CreateStateMachine request valid in every required member.
fn create(c: &Client) -> RequestBuilder<CreateStateMachineInput> {
    c.create_state_machine("orders", DEFINITION, ROLE_ARN)
}

/// A CreateStateMachineAlias request valid in every required member: 90 %
/// to one version.
fn alias(c: &Client) -> RequestBuilder<CreateStateMachineAliasInput> {
    c.create_state_machine_alias("PROD").route(sm_arn(60), 90)
}

/// A mocked result.
fn mock_result(result: String) -> MockInput {
    MockInput { result: Some(result.into()), ..MockInput::default() }
}

/// A mocked error.
fn mock_error(error: String, cause: String) -> MockInput {
    let output = MockErrorOutput { error: Some(error.into()), cause: Some(cause.into()) };
    MockInput { error_output: Some(output), ..MockInput::default() }
}

/// A mocked result checked in `mode`.
fn mock_mode(mode: MockResponseValidationMode) -> MockInput {
    MockInput {
        result: Some("{}".into()),
        field_validation_mode: Some(mode),
        ..MockInput::default()
    }
}

/// Logging to one log group.
fn logging_to(log_group_arn: &str) -> LoggingConfiguration {
    LoggingConfiguration {
        level: Some(LogLevel::Error),
        include_execution_data: Some(true),
        destinations: Some(vec![LogDestination {
            cloud_watch_logs_log_group: Some(CloudWatchLogsLogGroup {
                log_group_arn: Some(log_group_arn.to_owned()),
            }),
        }]),
    }
}

/// Logging at one level.
fn logging_at(level: LogLevel) -> LoggingConfiguration {
    LoggingConfiguration { level: Some(level), ..LoggingConfiguration::default() }
}

/// Encryption with a customer-managed key.
fn encryption(kms_key_id: Option<String>, reuse_seconds: Option<i32>) -> EncryptionConfiguration {
    EncryptionConfiguration {
        kms_key_id,
        kms_data_key_reuse_period_seconds: reuse_seconds,
        r#type: EncryptionType::CustomerManagedKmsKey,
    }
}

/// Encryption of a type, nothing else set.
fn encryption_of(r#type: EncryptionType) -> EncryptionConfiguration {
    EncryptionConfiguration { kms_key_id: None, kms_data_key_reuse_period_seconds: None, r#type }
}

/// A call and the value it must send at the row's member.
fn sent(call: Pending, value: impl Serialize) -> (Pending, Value) {
    (call, serde_json::to_value(value).expect("a JSON value"))
}

/// A call that must be refused.
struct Refused {
    op: &'static str,
    /// The member's path (`tags[].key`); errors name its last segment.
    member: &'static str,
    /// The model's rules it breaks, `, `-separated, or `extra: ...`.
    rules: &'static str,
    what: &'static str,
    call: fn(&Client) -> Pending,
}

fn refuse(
    op: &'static str,
    member: &'static str,
    rules: &'static str,
    what: &'static str,
    call: fn(&Client) -> Pending,
) -> Refused {
    Refused { op, member, rules, what, call }
}

/// A call right at a limit, and the value it must send at the member.
struct Accepted {
    op: &'static str,
    /// The member's path; the value must arrive at [`pointer`] of it.
    member: &'static str,
    /// The model's limits it meets, `, `-separated, or `extra: ...`.
    rules: &'static str,
    what: &'static str,
    call: fn(&Client) -> (Pending, Value),
}

fn accept(
    op: &'static str,
    member: &'static str,
    rules: &'static str,
    what: &'static str,
    call: fn(&Client) -> (Pending, Value),
) -> Accepted {
    Accepted { op, member, rules, what, call }
}

/// Inputs that break a rule of the model.
fn refused() -> Vec<Refused> {
    vec![
        // ListMapRuns
        refuse("ListMapRuns", "executionArn", "required", "missing", |c| {
            send_input(c, ListMapRunsInput::default())
        }),
        refuse("ListMapRuns", "executionArn", "min 1", "empty", |c| send(c.list_map_runs(""))),
        refuse("ListMapRuns", "executionArn", "max 256", "257 characters", |c| {
            send(c.list_map_runs(arn(257)))
        }),
        refuse("ListMapRuns", "maxResults", "max 1000", "1001", |c| {
            send(c.list_map_runs(arn(60)).max_results(1001))
        }),
        refuse("ListMapRuns", "maxResults", "min 0", "-1", |c| {
            send(c.list_map_runs(arn(60)).max_results(-1))
        }),
        refuse("ListMapRuns", "maxResults", "min 0", "i32::MIN", |c| {
            send(c.list_map_runs(arn(60)).max_results(i32::MIN))
        }),
        refuse("ListMapRuns", "nextToken", "max 1024", "1025 characters", |c| {
            send(c.list_map_runs(arn(60)).next_token(token(1025)))
        }),
        refuse("ListMapRuns", "nextToken", "min 1", "empty", |c| {
            send(c.list_map_runs(arn(60)).next_token(""))
        }),
        // DescribeMapRun
        refuse("DescribeMapRun", "mapRunArn", "required", "missing", |c| {
            send_input(c, DescribeMapRunInput::default())
        }),
        refuse("DescribeMapRun", "mapRunArn", "min 1", "empty", |c| send(c.describe_map_run(""))),
        refuse("DescribeMapRun", "mapRunArn", "max 2000", "2001 characters", |c| {
            send(c.describe_map_run(map_run_arn(2001)))
        }),
        // UpdateMapRun
        refuse("UpdateMapRun", "mapRunArn", "required", "missing", |c| {
            send_input(c, UpdateMapRunInput::default())
        }),
        refuse("UpdateMapRun", "mapRunArn", "min 1", "empty", |c| {
            send(c.update_map_run("").max_concurrency(1))
        }),
        refuse("UpdateMapRun", "mapRunArn", "max 2000", "2001 characters", |c| {
            send(c.update_map_run(map_run_arn(2001)))
        }),
        refuse("UpdateMapRun", "maxConcurrency", "min 0", "-1", |c| {
            send(c.update_map_run(map_run_arn(90)).max_concurrency(-1))
        }),
        refuse("UpdateMapRun", "toleratedFailurePercentage", "max 100", "100.5", |c| {
            send(c.update_map_run(map_run_arn(90)).tolerated_failure_percentage(100.5))
        }),
        refuse("UpdateMapRun", "toleratedFailurePercentage", "min 0", "-1", |c| {
            send(c.update_map_run(map_run_arn(90)).tolerated_failure_percentage(-1.0))
        }),
        refuse("UpdateMapRun", "toleratedFailurePercentage", "extra: a number", "NaN", |c| {
            send(c.update_map_run(map_run_arn(90)).tolerated_failure_percentage(f64::NAN))
        }),
        refuse("UpdateMapRun", "toleratedFailurePercentage", "max 100", "infinity", |c| {
            send(c.update_map_run(map_run_arn(90)).tolerated_failure_percentage(f64::INFINITY))
        }),
        refuse("UpdateMapRun", "toleratedFailureCount", "min 0", "-1", |c| {
            send(c.update_map_run(map_run_arn(90)).tolerated_failure_count(-1))
        }),
        refuse("UpdateMapRun", "toleratedFailureCount", "min 0", "valid others, bad count", |c| {
            let r = c
                .update_map_run(map_run_arn(90))
                .max_concurrency(3)
                .tolerated_failure_percentage(50.0)
                .tolerated_failure_count(-5);
            send(r)
        }),
        // DescribeExecution
        refuse("DescribeExecution", "executionArn", "required", "missing", |c| {
            send_input(c, DescribeExecutionInput::default())
        }),
        refuse("DescribeExecution", "executionArn", "min 1", "empty", |c| {
            send(c.describe_execution(""))
        }),
        refuse("DescribeExecution", "executionArn", "max 256", "257 characters", |c| {
            send(c.describe_execution(arn(257)))
        }),
        refuse(
            "DescribeExecution",
            "executionArn",
            "max 256",
            "257 characters, metadata only",
            |c| send(c.describe_execution(arn(257)).included_data(IncludedData::MetadataOnly)),
        ),
        // ListExecutions
        refuse(
            "ListExecutions",
            "stateMachineArn",
            "extra: exactly one ARN",
            "neither ARN (plain input)",
            |c| send_input(c, ListExecutionsInput::default()),
        ),
        refuse("ListExecutions", "stateMachineArn", "extra: exactly one ARN", "neither ARN", |c| {
            send(c.list_executions())
        }),
        refuse(
            "ListExecutions",
            "mapRunArn",
            "extra: exactly one ARN",
            "neither ARN, every other member set",
            |c| {
                let r = c
                    .list_executions()
                    .status_filter(ExecutionStatus::Running)
                    .max_results(10)
                    .next_token("t")
                    .redrive_filter(ExecutionRedriveFilter::Redriven);
                send(r)
            },
        ),
        refuse("ListExecutions", "stateMachineArn", "extra: exactly one ARN", "both ARNs", |c| {
            send(c.list_executions().state_machine_arn(sm_arn(60)).map_run_arn(map_run_arn(90)))
        }),
        refuse(
            "ListExecutions",
            "mapRunArn",
            "extra: exactly one ARN",
            "both ARNs (plain input)",
            |c| {
                let mut input = ListExecutionsInput::for_map_run(map_run_arn(90));
                input.state_machine_arn = Some(sm_arn(60));
                send_input(c, input)
            },
        ),
        refuse("ListExecutions", "stateMachineArn", "min 1", "empty", |c| {
            send(c.list_executions().state_machine_arn(""))
        }),
        refuse("ListExecutions", "stateMachineArn", "max 256", "257 characters", |c| {
            send(c.list_executions().state_machine_arn(sm_arn(257)))
        }),
        refuse("ListExecutions", "mapRunArn", "min 1", "empty", |c| {
            send(c.list_executions().map_run_arn(""))
        }),
        refuse("ListExecutions", "mapRunArn", "max 2000", "2001 characters", |c| {
            send(c.list_executions().map_run_arn(map_run_arn(2001)))
        }),
        refuse("ListExecutions", "maxResults", "max 1000", "1001", |c| {
            send(c.list_executions().state_machine_arn(sm_arn(60)).max_results(1001))
        }),
        refuse("ListExecutions", "maxResults", "min 0", "-1", |c| {
            send(c.list_executions().map_run_arn(map_run_arn(90)).max_results(-1))
        }),
        refuse("ListExecutions", "maxResults", "min 0", "i32::MIN", |c| {
            send(c.list_executions().state_machine_arn(sm_arn(60)).max_results(i32::MIN))
        }),
        refuse("ListExecutions", "nextToken", "min 1", "empty", |c| {
            send(c.list_executions().state_machine_arn(sm_arn(60)).next_token(""))
        }),
        refuse("ListExecutions", "nextToken", "max 3096", "3097 characters", |c| {
            send(c.list_executions().state_machine_arn(sm_arn(60)).next_token(token(3097)))
        }),
        refuse("ListExecutions", "nextToken", "max 3096", "3097 characters, by Map Run", |c| {
            send(c.list_executions().map_run_arn(map_run_arn(90)).next_token(token(3097)))
        }),
        // GetExecutionHistory
        refuse("GetExecutionHistory", "executionArn", "required", "missing", |c| {
            send_input(c, GetExecutionHistoryInput::default())
        }),
        refuse("GetExecutionHistory", "executionArn", "min 1", "empty", |c| {
            send(c.get_execution_history(""))
        }),
        refuse("GetExecutionHistory", "executionArn", "max 256", "257 characters", |c| {
            send(c.get_execution_history(arn(257)))
        }),
        refuse("GetExecutionHistory", "maxResults", "max 1000", "1001", |c| {
            send(c.get_execution_history(arn(60)).max_results(1001))
        }),
        refuse("GetExecutionHistory", "maxResults", "min 0", "-1", |c| {
            send(c.get_execution_history(arn(60)).max_results(-1))
        }),
        refuse("GetExecutionHistory", "nextToken", "max 1024", "1025 characters", |c| {
            send(c.get_execution_history(arn(60)).next_token(token(1025)))
        }),
        refuse("GetExecutionHistory", "nextToken", "min 1", "empty", |c| {
            send(c.get_execution_history(arn(60)).next_token(""))
        }),
        // StartExecution
        refuse("StartExecution", "stateMachineArn", "required", "missing", |c| {
            send_input(c, StartExecutionInput::default())
        }),
        refuse("StartExecution", "stateMachineArn", "min 1", "empty", |c| {
            send(c.start_execution("").name("n"))
        }),
        refuse("StartExecution", "stateMachineArn", "max 256", "257 characters", |c| {
            send(c.start_execution(sm_arn(257)))
        }),
        refuse("StartExecution", "name", "min 1", "empty", |c| {
            send(c.start_execution(sm_arn(60)).name(""))
        }),
        refuse("StartExecution", "name", "max 80", "81 characters", |c| {
            send(c.start_execution(sm_arn(60)).name("n".repeat(81)))
        }),
        refuse("StartExecution", "input", "max 262144", "262145 characters", |c| {
            send(
                c.start_execution(sm_arn(60))
                    .name("n")
                    .input(format!("\"{}\"", "i".repeat(262_143))),
            )
        }),
        refuse("StartExecution", "traceHeader", "max 256", "257 characters", |c| {
            send(c.start_execution(sm_arn(60)).trace_header("h".repeat(257)))
        }),
        refuse("StartExecution", "traceHeader", "pattern", "not ASCII", |c| {
            send(c.start_execution(sm_arn(60)).trace_header("Root=1-é"))
        }),
        // StartSyncExecution
        refuse("StartSyncExecution", "stateMachineArn", "required", "missing", |c| {
            send_input(c, StartSyncExecutionInput::default())
        }),
        refuse("StartSyncExecution", "stateMachineArn", "min 1", "empty", |c| {
            send(c.start_sync_execution("").name("n"))
        }),
        refuse("StartSyncExecution", "stateMachineArn", "max 256", "257 characters", |c| {
            send(c.start_sync_execution(sm_arn(257)))
        }),
        refuse("StartSyncExecution", "name", "min 1", "empty", |c| {
            send(c.start_sync_execution(sm_arn(60)).name(""))
        }),
        refuse("StartSyncExecution", "name", "max 80", "81 characters", |c| {
            send(c.start_sync_execution(sm_arn(60)).name("n".repeat(81)))
        }),
        refuse("StartSyncExecution", "input", "max 262144", "262145 characters", |c| {
            send(
                c.start_sync_execution(sm_arn(60))
                    .name("n")
                    .input(format!("\"{}\"", "i".repeat(262_143))),
            )
        }),
        refuse("StartSyncExecution", "traceHeader", "max 256", "257 characters", |c| {
            send(c.start_sync_execution(sm_arn(60)).trace_header("h".repeat(257)))
        }),
        refuse("StartSyncExecution", "traceHeader", "pattern", "not ASCII", |c| {
            send(c.start_sync_execution(sm_arn(60)).trace_header("Root=1-é"))
        }),
        // StopExecution
        refuse("StopExecution", "executionArn", "required", "missing", |c| {
            send_input(c, StopExecutionInput::default())
        }),
        refuse("StopExecution", "executionArn", "min 1", "empty", |c| {
            send(c.stop_execution("").cause("c"))
        }),
        refuse("StopExecution", "executionArn", "max 256", "257 characters", |c| {
            send(c.stop_execution(arn(257)))
        }),
        refuse("StopExecution", "error", "max 256", "257 characters", |c| {
            send(c.stop_execution(arn(60)).error("e".repeat(257)))
        }),
        refuse("StopExecution", "cause", "max 32768", "32769 characters", |c| {
            send(c.stop_execution(arn(60)).cause("c".repeat(32_769)))
        }),
        refuse(
            "StopExecution",
            "cause",
            "max 32768",
            "32769 two-byte characters, valid error",
            |c| send(c.stop_execution(arn(60)).error("e".repeat(256)).cause("é".repeat(32_769))),
        ),
        // RedriveExecution
        refuse("RedriveExecution", "executionArn", "required", "missing", |c| {
            send_input(c, RedriveExecutionInput::default())
        }),
        refuse("RedriveExecution", "executionArn", "min 1", "empty", |c| {
            send(c.redrive_execution(""))
        }),
        refuse("RedriveExecution", "executionArn", "max 256", "257 characters", |c| {
            send(c.redrive_execution(arn(257)))
        }),
        refuse("RedriveExecution", "clientToken", "min 1", "empty", |c| {
            send(c.redrive_execution(arn(60)).client_token(""))
        }),
        refuse("RedriveExecution", "clientToken", "max 64", "65 characters", |c| {
            send(c.redrive_execution(arn(60)).client_token(token(65)))
        }),
        refuse("RedriveExecution", "clientToken", "pattern", "a space", |c| {
            send(c.redrive_execution(arn(60)).client_token("has space"))
        }),
        refuse("RedriveExecution", "clientToken", "pattern", "a tab", |c| {
            send(c.redrive_execution(arn(60)).client_token("tab\there"))
        }),
        refuse("RedriveExecution", "clientToken", "pattern", "DEL", |c| {
            send(c.redrive_execution(arn(60)).client_token("del\u{7f}"))
        }),
        refuse("RedriveExecution", "clientToken", "pattern", "not ASCII", |c| {
            send(c.redrive_execution(arn(60)).client_token("tokén"))
        }),
        // DescribeStateMachine
        refuse("DescribeStateMachine", "stateMachineArn", "required", "missing", |c| {
            send_input(c, DescribeStateMachineInput::default())
        }),
        refuse("DescribeStateMachine", "stateMachineArn", "min 1", "empty", |c| {
            send(c.describe_state_machine(""))
        }),
        refuse("DescribeStateMachine", "stateMachineArn", "max 256", "257 characters", |c| {
            send(c.describe_state_machine(sm_arn(257)))
        }),
        refuse(
            "DescribeStateMachine",
            "stateMachineArn",
            "max 256",
            "257 characters, all data",
            |c| send(c.describe_state_machine(sm_arn(257)).included_data(IncludedData::AllData)),
        ),
        // DescribeStateMachineForExecution
        refuse("DescribeStateMachineForExecution", "executionArn", "required", "missing", |c| {
            send_input(c, DescribeStateMachineForExecutionInput::default())
        }),
        refuse("DescribeStateMachineForExecution", "executionArn", "min 1", "empty", |c| {
            send(c.describe_state_machine_for_execution(""))
        }),
        refuse(
            "DescribeStateMachineForExecution",
            "executionArn",
            "max 256",
            "257 characters",
            |c| send(c.describe_state_machine_for_execution(arn(257))),
        ),
        refuse(
            "DescribeStateMachineForExecution",
            "executionArn",
            "max 256",
            "257 characters, metadata only",
            |c| {
                let r = c
                    .describe_state_machine_for_execution(arn(257))
                    .included_data(IncludedData::MetadataOnly);
                send(r)
            },
        ),
        // CreateStateMachine
        refuse("CreateStateMachine", "name", "required", "every member missing", |c| {
            send_input(c, CreateStateMachineInput::default())
        }),
        refuse("CreateStateMachine", "name", "required, min 1", "empty", |c| {
            send(c.create_state_machine("", DEFINITION, ROLE_ARN))
        }),
        refuse("CreateStateMachine", "name", "max 80", "81 characters", |c| {
            send(c.create_state_machine("n".repeat(81), DEFINITION, ROLE_ARN))
        }),
        refuse("CreateStateMachine", "definition", "required, min 1", "empty", |c| {
            send(c.create_state_machine("orders", "", ROLE_ARN))
        }),
        refuse("CreateStateMachine", "definition", "max 1048576", "1048577 characters", |c| {
            send(c.create_state_machine("orders", padded("{", 1_048_577), ROLE_ARN))
        }),
        refuse("CreateStateMachine", "roleArn", "required, min 1", "empty", |c| {
            send(c.create_state_machine("orders", DEFINITION, ""))
        }),
        refuse("CreateStateMachine", "roleArn", "max 256", "257 characters", |c| {
            send(c.create_state_machine("orders", DEFINITION, role_arn(257)))
        }),
        refuse(
            "CreateStateMachine",
            "loggingConfiguration.destinations[].cloudWatchLogsLogGroup.logGroupArn",
            "min 1",
            "empty",
            |c| send(create(c).logging_configuration(logging_to(""))),
        ),
        refuse(
            "CreateStateMachine",
            "loggingConfiguration.destinations[].cloudWatchLogsLogGroup.logGroupArn",
            "max 256",
            "257 characters",
            |c| send(create(c).logging_configuration(logging_to(&log_group_arn(257)))),
        ),
        refuse("CreateStateMachine", "tags[].key", "min 1", "empty", |c| {
            send(create(c).tag("", "v"))
        }),
        refuse("CreateStateMachine", "tags[].key", "max 128", "129 characters", |c| {
            send(create(c).tag("k".repeat(129), "v"))
        }),
        refuse("CreateStateMachine", "tags[].key", "max 128", "129 characters, second tag", |c| {
            send(create(c).tag("team", "data").tag("k".repeat(129), "v"))
        }),
        refuse("CreateStateMachine", "tags[].value", "max 256", "257 characters", |c| {
            send(create(c).tag("k", "v".repeat(257)))
        }),
        refuse("CreateStateMachine", "versionDescription", "max 256", "257 characters", |c| {
            send(create(c).publish(true).version_description("d".repeat(257)))
        }),
        refuse("CreateStateMachine", "encryptionConfiguration.kmsKeyId", "min 1", "empty", |c| {
            send(create(c).encryption_configuration(encryption(Some(String::new()), None)))
        }),
        refuse(
            "CreateStateMachine",
            "encryptionConfiguration.kmsKeyId",
            "max 2048",
            "2049 characters",
            |c| send(create(c).encryption_configuration(encryption(Some(kms_key(2049)), None))),
        ),
        refuse(
            "CreateStateMachine",
            "encryptionConfiguration.kmsDataKeyReusePeriodSeconds",
            "min 60",
            "59",
            |c| send(create(c).encryption_configuration(encryption(Some(kms_key(80)), Some(59)))),
        ),
        refuse(
            "CreateStateMachine",
            "encryptionConfiguration.kmsDataKeyReusePeriodSeconds",
            "max 900",
            "901",
            |c| send(create(c).encryption_configuration(encryption(Some(kms_key(80)), Some(901)))),
        ),
        // DeleteStateMachine
        refuse("DeleteStateMachine", "stateMachineArn", "required", "missing", |c| {
            send_input(c, DeleteStateMachineInput::default())
        }),
        refuse("DeleteStateMachine", "stateMachineArn", "min 1", "empty", |c| {
            send(c.delete_state_machine(""))
        }),
        refuse("DeleteStateMachine", "stateMachineArn", "max 256", "257 characters", |c| {
            send(c.delete_state_machine(sm_arn(257)))
        }),
        // ListStateMachines
        refuse("ListStateMachines", "maxResults", "max 1000", "1001", |c| {
            send(c.list_state_machines().max_results(1001))
        }),
        refuse("ListStateMachines", "maxResults", "min 0", "-1", |c| {
            send(c.list_state_machines().max_results(-1))
        }),
        refuse("ListStateMachines", "nextToken", "min 1", "empty", |c| {
            send(c.list_state_machines().next_token(""))
        }),
        refuse("ListStateMachines", "nextToken", "max 1024", "1025 characters", |c| {
            send(c.list_state_machines().max_results(10).next_token(token(1025)))
        }),
        // TagResource
        refuse("TagResource", "resourceArn", "required", "missing", |c| {
            send_input(c, TagResourceInput::new("", vec![Tag::new("k", "v")]))
        }),
        refuse("TagResource", "resourceArn", "min 1", "empty", |c| {
            send(c.tag_resource("").tag("k", "v"))
        }),
        refuse("TagResource", "resourceArn", "max 256", "257 characters", |c| {
            send(c.tag_resource(sm_arn(257)).tag("k", "v"))
        }),
        refuse("TagResource", "tags", "required", "no tag", |c| send(c.tag_resource(sm_arn(60)))),
        refuse("TagResource", "tags[].key", "min 1", "empty", |c| {
            send(c.tag_resource(sm_arn(60)).tag("", "v"))
        }),
        refuse("TagResource", "tags[].key", "max 128", "129 characters, second tag", |c| {
            send(c.tag_resource(sm_arn(60)).tag("team", "data").tag("k".repeat(129), "v"))
        }),
        refuse("TagResource", "tags[].value", "max 256", "257 characters", |c| {
            send(c.tag_resource(sm_arn(60)).tag("k", "v".repeat(257)))
        }),
        // UntagResource
        refuse("UntagResource", "resourceArn", "required", "missing", |c| {
            send_input(c, UntagResourceInput::new("", ["k"]))
        }),
        refuse("UntagResource", "resourceArn", "min 1", "empty", |c| {
            send(c.untag_resource("", ["k"]))
        }),
        refuse("UntagResource", "resourceArn", "max 256", "257 characters", |c| {
            send(c.untag_resource(sm_arn(257), ["k"]))
        }),
        refuse("UntagResource", "tagKeys", "required", "no key", |c| {
            send(c.untag_resource(sm_arn(60), Vec::<String>::new()))
        }),
        refuse("UntagResource", "tagKeys[]", "min 1", "empty, second key", |c| {
            send(c.untag_resource(sm_arn(60), ["team", ""]))
        }),
        refuse("UntagResource", "tagKeys[]", "max 128", "129 characters", |c| {
            send(c.untag_resource(sm_arn(60), ["k".repeat(129)]))
        }),
        // ListTagsForResource
        refuse("ListTagsForResource", "resourceArn", "required", "missing", |c| {
            send_input(c, ListTagsForResourceInput::default())
        }),
        refuse("ListTagsForResource", "resourceArn", "min 1", "empty", |c| {
            send(c.list_tags_for_resource(""))
        }),
        refuse("ListTagsForResource", "resourceArn", "max 256", "257 characters", |c| {
            send(c.list_tags_for_resource(sm_arn(257)))
        }),
        // CreateActivity
        refuse("CreateActivity", "name", "required", "missing", |c| {
            send_input(c, CreateActivityInput::default())
        }),
        refuse("CreateActivity", "name", "min 1", "empty", |c| send(c.create_activity(""))),
        refuse("CreateActivity", "name", "max 80", "81 characters", |c| {
            send(c.create_activity("a".repeat(81)))
        }),
        refuse("CreateActivity", "tags[].key", "min 1", "empty", |c| {
            send(c.create_activity("a").tag("", "v"))
        }),
        refuse("CreateActivity", "tags[].key", "max 128", "129 characters", |c| {
            send(c.create_activity("a").tag("k".repeat(129), "v"))
        }),
        refuse("CreateActivity", "tags[].value", "max 256", "257 characters", |c| {
            send(c.create_activity("a").tag("k", "v".repeat(257)))
        }),
        refuse("CreateActivity", "encryptionConfiguration.kmsKeyId", "min 1", "empty", |c| {
            send(
                c.create_activity("a")
                    .encryption_configuration(encryption(Some(String::new()), None)),
            )
        }),
        refuse(
            "CreateActivity",
            "encryptionConfiguration.kmsKeyId",
            "max 2048",
            "2049 characters",
            |c| {
                send(
                    c.create_activity("a")
                        .encryption_configuration(encryption(Some(kms_key(2049)), None)),
                )
            },
        ),
        refuse(
            "CreateActivity",
            "encryptionConfiguration.kmsDataKeyReusePeriodSeconds",
            "min 60",
            "59",
            |c| {
                send(
                    c.create_activity("a")
                        .encryption_configuration(encryption(Some(kms_key(80)), Some(59))),
                )
            },
        ),
        refuse(
            "CreateActivity",
            "encryptionConfiguration.kmsDataKeyReusePeriodSeconds",
            "max 900",
            "901",
            |c| {
                send(
                    c.create_activity("a")
                        .encryption_configuration(encryption(Some(kms_key(80)), Some(901))),
                )
            },
        ),
        refuse("CreateActivity", "encryptionConfiguration.type", "required", "unset", |c| {
            let unset = EncryptionConfiguration {
                kms_key_id: Some(kms_key(80)),
                ..EncryptionConfiguration::default()
            };
            send(c.create_activity("a").encryption_configuration(unset))
        }),
        // DeleteActivity
        refuse("DeleteActivity", "activityArn", "required", "missing", |c| {
            send_input(c, DeleteActivityInput::default())
        }),
        refuse("DeleteActivity", "activityArn", "min 1", "empty", |c| send(c.delete_activity(""))),
        refuse("DeleteActivity", "activityArn", "max 256", "257 characters", |c| {
            send(c.delete_activity(activity_arn(257)))
        }),
        // DescribeActivity
        refuse("DescribeActivity", "activityArn", "required", "missing", |c| {
            send_input(c, DescribeActivityInput::default())
        }),
        refuse("DescribeActivity", "activityArn", "min 1", "empty", |c| {
            send(c.describe_activity(""))
        }),
        refuse("DescribeActivity", "activityArn", "max 256", "257 characters", |c| {
            send(c.describe_activity(activity_arn(257)))
        }),
        // ListActivities
        refuse("ListActivities", "maxResults", "max 1000", "1001", |c| {
            send(c.list_activities().max_results(1001))
        }),
        refuse("ListActivities", "maxResults", "min 0", "-1", |c| {
            send(c.list_activities().max_results(-1))
        }),
        refuse("ListActivities", "nextToken", "min 1", "empty", |c| {
            send(c.list_activities().next_token(""))
        }),
        refuse("ListActivities", "nextToken", "max 1024", "1025 characters", |c| {
            send(c.list_activities().next_token(token(1025)))
        }),
        // GetActivityTask
        refuse("GetActivityTask", "activityArn", "required", "missing", |c| {
            send_input(c, GetActivityTaskInput::default())
        }),
        refuse("GetActivityTask", "activityArn", "min 1", "empty", |c| {
            send(c.get_activity_task(""))
        }),
        refuse("GetActivityTask", "activityArn", "max 256", "257 characters", |c| {
            send(c.get_activity_task(activity_arn(257)))
        }),
        refuse("GetActivityTask", "workerName", "min 1", "empty", |c| {
            send(c.get_activity_task(activity_arn(60)).worker_name(""))
        }),
        refuse("GetActivityTask", "workerName", "max 80", "81 characters", |c| {
            send(c.get_activity_task(activity_arn(60)).worker_name("w".repeat(81)))
        }),
        // SendTaskSuccess
        refuse("SendTaskSuccess", "taskToken", "required", "missing", |c| {
            send_input(c, {
                let mut input = SendTaskSuccessInput::default();
                input.output = "{}".into();
                input
            })
        }),
        refuse("SendTaskSuccess", "taskToken", "min 1", "empty", |c| {
            send(c.send_task_success("", "{}"))
        }),
        refuse("SendTaskSuccess", "taskToken", "max 2048", "2049 characters", |c| {
            send(c.send_task_success(token(2049), "{}"))
        }),
        refuse("SendTaskSuccess", "output", "required", "missing", |c| {
            send_input(c, {
                let mut input = SendTaskSuccessInput::default();
                input.task_token = token(20).into();
                input
            })
        }),
        refuse("SendTaskSuccess", "output", "max 262144", "262145 characters", |c| {
            send(c.send_task_success(token(20), json_of_len(262_145)))
        }),
        // SendTaskFailure
        refuse("SendTaskFailure", "taskToken", "required", "missing", |c| {
            send_input(c, SendTaskFailureInput::default())
        }),
        refuse("SendTaskFailure", "taskToken", "min 1", "empty", |c| {
            send(c.send_task_failure("").error("E"))
        }),
        refuse("SendTaskFailure", "taskToken", "max 2048", "2049 characters", |c| {
            send(c.send_task_failure(token(2049)))
        }),
        refuse("SendTaskFailure", "error", "max 256", "257 characters", |c| {
            send(c.send_task_failure(token(20)).error("e".repeat(257)))
        }),
        refuse("SendTaskFailure", "cause", "max 32768", "32769 characters", |c| {
            send(c.send_task_failure(token(20)).cause("c".repeat(32_769)))
        }),
        // SendTaskHeartbeat
        refuse("SendTaskHeartbeat", "taskToken", "required", "missing", |c| {
            send_input(c, SendTaskHeartbeatInput::default())
        }),
        refuse("SendTaskHeartbeat", "taskToken", "min 1", "empty", |c| {
            send(c.send_task_heartbeat(""))
        }),
        refuse("SendTaskHeartbeat", "taskToken", "max 2048", "2049 characters", |c| {
            send(c.send_task_heartbeat(token(2049)))
        }),
        // PublishStateMachineVersion
        refuse("PublishStateMachineVersion", "stateMachineArn", "required", "missing", |c| {
            send_input(c, PublishStateMachineVersionInput::default())
        }),
        refuse("PublishStateMachineVersion", "stateMachineArn", "min 1", "empty", |c| {
            send(c.publish_state_machine_version(""))
        }),
        refuse("PublishStateMachineVersion", "stateMachineArn", "max 256", "257 characters", |c| {
            send(c.publish_state_machine_version(sm_arn(257)))
        }),
        refuse("PublishStateMachineVersion", "description", "max 256", "257 characters", |c| {
            send(c.publish_state_machine_version(sm_arn(60)).description("d".repeat(257)))
        }),
        // ListStateMachineVersions
        refuse("ListStateMachineVersions", "stateMachineArn", "required", "missing", |c| {
            send_input(c, ListStateMachineVersionsInput::default())
        }),
        refuse("ListStateMachineVersions", "stateMachineArn", "min 1", "empty", |c| {
            send(c.list_state_machine_versions(""))
        }),
        refuse("ListStateMachineVersions", "stateMachineArn", "max 256", "257 characters", |c| {
            send(c.list_state_machine_versions(sm_arn(257)))
        }),
        refuse("ListStateMachineVersions", "maxResults", "max 1000", "1001", |c| {
            send(c.list_state_machine_versions(sm_arn(60)).max_results(1001))
        }),
        refuse("ListStateMachineVersions", "maxResults", "min 0", "-1", |c| {
            send(c.list_state_machine_versions(sm_arn(60)).max_results(-1))
        }),
        refuse("ListStateMachineVersions", "nextToken", "min 1", "empty", |c| {
            send(c.list_state_machine_versions(sm_arn(60)).next_token(""))
        }),
        refuse("ListStateMachineVersions", "nextToken", "max 1024", "1025 characters", |c| {
            send(c.list_state_machine_versions(sm_arn(60)).next_token(token(1025)))
        }),
        // DeleteStateMachineVersion
        refuse("DeleteStateMachineVersion", "stateMachineVersionArn", "required", "missing", |c| {
            send_input(c, DeleteStateMachineVersionInput::default())
        }),
        refuse("DeleteStateMachineVersion", "stateMachineVersionArn", "min 1", "empty", |c| {
            send(c.delete_state_machine_version(""))
        }),
        refuse(
            "DeleteStateMachineVersion",
            "stateMachineVersionArn",
            "max 2000",
            "2001 characters",
            |c| send(c.delete_state_machine_version(sm_arn(2001))),
        ),
        // CreateStateMachineAlias
        refuse("CreateStateMachineAlias", "description", "max 256", "257 characters", |c| {
            send(alias(c).description("d".repeat(257)))
        }),
        refuse("CreateStateMachineAlias", "name", "required", "missing", |c| {
            let mut input = CreateStateMachineAliasInput::default();
            input.routing_configuration = vec![RoutingConfigurationListItem::new(sm_arn(60), 100)];
            send_input(c, input)
        }),
        refuse("CreateStateMachineAlias", "name", "min 1", "empty", |c| {
            send(c.create_state_machine_alias("").route(sm_arn(60), 100))
        }),
        refuse("CreateStateMachineAlias", "name", "max 80", "81 characters", |c| {
            send(c.create_state_machine_alias("a".repeat(81)).route(sm_arn(60), 100))
        }),
        refuse("CreateStateMachineAlias", "name", "pattern", "a space", |c| {
            send(c.create_state_machine_alias("PROD 1").route(sm_arn(60), 100))
        }),
        refuse("CreateStateMachineAlias", "name", "pattern", "all digits", |c| {
            send(c.create_state_machine_alias("123").route(sm_arn(60), 100))
        }),
        refuse("CreateStateMachineAlias", "name", "pattern", "a colon", |c| {
            send(c.create_state_machine_alias("prod:1").route(sm_arn(60), 100))
        }),
        refuse(
            "CreateStateMachineAlias",
            "routingConfiguration",
            "required, min 1",
            "no route",
            |c| send(c.create_state_machine_alias("PROD")),
        ),
        refuse("CreateStateMachineAlias", "routingConfiguration", "max 2", "three routes", |c| {
            send(alias(c).route(sm_arn(61), 0).route(sm_arn(62), 0))
        }),
        refuse(
            "CreateStateMachineAlias",
            "routingConfiguration[].stateMachineVersionArn",
            "required, min 1",
            "empty",
            |c| send(c.create_state_machine_alias("PROD").route("", 100)),
        ),
        refuse(
            "CreateStateMachineAlias",
            "routingConfiguration[].stateMachineVersionArn",
            "max 256",
            "257 characters",
            |c| send(c.create_state_machine_alias("PROD").route(sm_arn(257), 100)),
        ),
        refuse("CreateStateMachineAlias", "routingConfiguration[].weight", "min 0", "-1", |c| {
            send(alias(c).route(sm_arn(61), -1))
        }),
        refuse("CreateStateMachineAlias", "routingConfiguration[].weight", "max 100", "101", |c| {
            send(c.create_state_machine_alias("PROD").route(sm_arn(60), 101))
        }),
        // DescribeStateMachineAlias
        refuse("DescribeStateMachineAlias", "stateMachineAliasArn", "required", "missing", |c| {
            send_input(c, DescribeStateMachineAliasInput::default())
        }),
        refuse("DescribeStateMachineAlias", "stateMachineAliasArn", "min 1", "empty", |c| {
            send(c.describe_state_machine_alias(""))
        }),
        refuse(
            "DescribeStateMachineAlias",
            "stateMachineAliasArn",
            "max 256",
            "257 characters",
            |c| send(c.describe_state_machine_alias(sm_arn(257))),
        ),
        // UpdateStateMachineAlias
        refuse("UpdateStateMachineAlias", "stateMachineAliasArn", "required", "missing", |c| {
            send_input(c, UpdateStateMachineAliasInput::default())
        }),
        refuse("UpdateStateMachineAlias", "stateMachineAliasArn", "min 1", "empty", |c| {
            send(c.update_state_machine_alias("").description("d"))
        }),
        refuse(
            "UpdateStateMachineAlias",
            "stateMachineAliasArn",
            "max 256",
            "257 characters",
            |c| send(c.update_state_machine_alias(sm_arn(257))),
        ),
        refuse("UpdateStateMachineAlias", "description", "max 256", "257 characters", |c| {
            send(c.update_state_machine_alias(sm_arn(60)).description("d".repeat(257)))
        }),
        refuse("UpdateStateMachineAlias", "routingConfiguration", "min 1", "no route", |c| {
            send(c.update_state_machine_alias(sm_arn(60)).routing_configuration(Vec::new()))
        }),
        refuse("UpdateStateMachineAlias", "routingConfiguration", "max 2", "three routes", |c| {
            let r = c
                .update_state_machine_alias(sm_arn(60))
                .route(sm_arn(61), 50)
                .route(sm_arn(62), 50)
                .route(sm_arn(63), 0);
            send(r)
        }),
        refuse(
            "UpdateStateMachineAlias",
            "routingConfiguration[].stateMachineVersionArn",
            "required, min 1",
            "empty",
            |c| send(c.update_state_machine_alias(sm_arn(60)).route("", 100)),
        ),
        refuse(
            "UpdateStateMachineAlias",
            "routingConfiguration[].stateMachineVersionArn",
            "max 256",
            "257 characters",
            |c| send(c.update_state_machine_alias(sm_arn(60)).route(sm_arn(257), 100)),
        ),
        refuse("UpdateStateMachineAlias", "routingConfiguration[].weight", "min 0", "-1", |c| {
            send(c.update_state_machine_alias(sm_arn(60)).route(sm_arn(61), -1))
        }),
        refuse("UpdateStateMachineAlias", "routingConfiguration[].weight", "max 100", "101", |c| {
            send(c.update_state_machine_alias(sm_arn(60)).route(sm_arn(61), 101))
        }),
        // DeleteStateMachineAlias
        refuse("DeleteStateMachineAlias", "stateMachineAliasArn", "required", "missing", |c| {
            send_input(c, DeleteStateMachineAliasInput::default())
        }),
        refuse("DeleteStateMachineAlias", "stateMachineAliasArn", "min 1", "empty", |c| {
            send(c.delete_state_machine_alias(""))
        }),
        refuse(
            "DeleteStateMachineAlias",
            "stateMachineAliasArn",
            "max 256",
            "257 characters",
            |c| send(c.delete_state_machine_alias(sm_arn(257))),
        ),
        // ListStateMachineAliases
        refuse("ListStateMachineAliases", "stateMachineArn", "required", "missing", |c| {
            send_input(c, ListStateMachineAliasesInput::default())
        }),
        refuse("ListStateMachineAliases", "stateMachineArn", "min 1", "empty", |c| {
            send(c.list_state_machine_aliases(""))
        }),
        refuse("ListStateMachineAliases", "stateMachineArn", "max 256", "257 characters", |c| {
            send(c.list_state_machine_aliases(sm_arn(257)))
        }),
        refuse("ListStateMachineAliases", "maxResults", "max 1000", "1001", |c| {
            send(c.list_state_machine_aliases(sm_arn(60)).max_results(1001))
        }),
        refuse("ListStateMachineAliases", "maxResults", "min 0", "-1", |c| {
            send(c.list_state_machine_aliases(sm_arn(60)).max_results(-1))
        }),
        refuse("ListStateMachineAliases", "nextToken", "min 1", "empty", |c| {
            send(c.list_state_machine_aliases(sm_arn(60)).next_token(""))
        }),
        refuse("ListStateMachineAliases", "nextToken", "max 1024", "1025 characters", |c| {
            send(c.list_state_machine_aliases(sm_arn(60)).next_token(token(1025)))
        }),
        // UpdateStateMachine
        refuse("UpdateStateMachine", "stateMachineArn", "required", "missing", |c| {
            send_input(c, UpdateStateMachineInput::default())
        }),
        refuse("UpdateStateMachine", "stateMachineArn", "min 1", "empty", |c| {
            send(c.update_state_machine("").definition(DEFINITION))
        }),
        refuse("UpdateStateMachine", "stateMachineArn", "max 256", "257 characters", |c| {
            send(c.update_state_machine(sm_arn(257)))
        }),
        refuse("UpdateStateMachine", "definition", "min 1", "empty", |c| {
            send(c.update_state_machine(sm_arn(60)).definition(""))
        }),
        refuse("UpdateStateMachine", "definition", "max 1048576", "1048577 characters", |c| {
            send(c.update_state_machine(sm_arn(60)).definition(json_of_len(1_048_577)))
        }),
        refuse("UpdateStateMachine", "roleArn", "min 1", "empty", |c| {
            send(c.update_state_machine(sm_arn(60)).role_arn(""))
        }),
        refuse("UpdateStateMachine", "roleArn", "max 256", "257 characters", |c| {
            send(c.update_state_machine(sm_arn(60)).role_arn(role_arn(257)))
        }),
        refuse(
            "UpdateStateMachine",
            "loggingConfiguration.destinations[].cloudWatchLogsLogGroup.logGroupArn",
            "min 1",
            "empty",
            |c| send(c.update_state_machine(sm_arn(60)).logging_configuration(logging_to(""))),
        ),
        refuse(
            "UpdateStateMachine",
            "loggingConfiguration.destinations[].cloudWatchLogsLogGroup.logGroupArn",
            "max 256",
            "257 characters",
            |c| {
                let logging = logging_to(&log_group_arn(257));
                send(c.update_state_machine(sm_arn(60)).logging_configuration(logging))
            },
        ),
        refuse("UpdateStateMachine", "versionDescription", "max 256", "257 characters", |c| {
            send(
                c.update_state_machine(sm_arn(60))
                    .publish(true)
                    .version_description("d".repeat(257)),
            )
        }),
        refuse("UpdateStateMachine", "encryptionConfiguration.kmsKeyId", "min 1", "empty", |c| {
            let e = encryption(Some(String::new()), None);
            send(c.update_state_machine(sm_arn(60)).encryption_configuration(e))
        }),
        refuse(
            "UpdateStateMachine",
            "encryptionConfiguration.kmsKeyId",
            "max 2048",
            "2049 characters",
            |c| {
                let e = encryption(Some(kms_key(2049)), None);
                send(c.update_state_machine(sm_arn(60)).encryption_configuration(e))
            },
        ),
        refuse(
            "UpdateStateMachine",
            "encryptionConfiguration.kmsDataKeyReusePeriodSeconds",
            "min 60",
            "59",
            |c| {
                let e = encryption(Some(kms_key(80)), Some(59));
                send(c.update_state_machine(sm_arn(60)).encryption_configuration(e))
            },
        ),
        refuse(
            "UpdateStateMachine",
            "encryptionConfiguration.kmsDataKeyReusePeriodSeconds",
            "max 900",
            "901",
            |c| {
                let e = encryption(Some(kms_key(80)), Some(901));
                send(c.update_state_machine(sm_arn(60)).encryption_configuration(e))
            },
        ),
        refuse("UpdateStateMachine", "encryptionConfiguration.type", "required", "unset", |c| {
            let unset = EncryptionConfiguration {
                kms_key_id: Some(kms_key(80)),
                ..EncryptionConfiguration::default()
            };
            send(c.update_state_machine(sm_arn(60)).encryption_configuration(unset))
        }),
        // ValidateStateMachineDefinition
        refuse("ValidateStateMachineDefinition", "definition", "required", "missing", |c| {
            send_input(c, ValidateStateMachineDefinitionInput::default())
        }),
        refuse("ValidateStateMachineDefinition", "definition", "min 1", "empty", |c| {
            send(c.validate_state_machine_definition(""))
        }),
        refuse(
            "ValidateStateMachineDefinition",
            "definition",
            "max 1048576",
            "1048577 characters",
            |c| send(c.validate_state_machine_definition(padded("{", 1_048_577))),
        ),
        refuse("ValidateStateMachineDefinition", "maxResults", "min 0", "-1", |c| {
            send(c.validate_state_machine_definition(DEFINITION).max_results(-1))
        }),
        refuse("ValidateStateMachineDefinition", "maxResults", "max 100", "101", |c| {
            send(c.validate_state_machine_definition(DEFINITION).max_results(101))
        }),
        // TestState
        refuse("TestState", "definition", "required", "missing", |c| {
            send_input(c, TestStateInput::default())
        }),
        refuse("TestState", "definition", "min 1", "empty", |c| send(c.test_state(""))),
        refuse("TestState", "definition", "max 1048576", "1048577 characters", |c| {
            send(c.test_state(padded("{", 1_048_577)))
        }),
        refuse("TestState", "roleArn", "min 1", "empty", |c| {
            send(c.test_state(DEFINITION).role_arn(""))
        }),
        refuse("TestState", "roleArn", "max 256", "257 characters", |c| {
            send(c.test_state(DEFINITION).role_arn(role_arn(257)))
        }),
        refuse("TestState", "input", "max 262144", "262145 characters", |c| {
            send(c.test_state(DEFINITION).input(json_of_len(262_145)))
        }),
        refuse("TestState", "variables", "max 262144", "262145 characters", |c| {
            send(c.test_state(DEFINITION).variables(json_of_len(262_145)))
        }),
        refuse("TestState", "context", "max 262144", "262145 characters", |c| {
            send(c.test_state(DEFINITION).context(json_of_len(262_145)))
        }),
        refuse("TestState", "stateName", "min 1", "empty", |c| {
            send(c.test_state(DEFINITION).state_name(""))
        }),
        refuse("TestState", "stateName", "max 80", "81 characters", |c| {
            send(c.test_state(DEFINITION).state_name("s".repeat(81)))
        }),
        refuse("TestState", "mock.result", "max 262144", "262145 characters", |c| {
            send(c.test_state(DEFINITION).mock(mock_result(json_of_len(262_145))))
        }),
        refuse("TestState", "mock.errorOutput.error", "max 256", "257 characters", |c| {
            send(c.test_state(DEFINITION).mock(mock_error("e".repeat(257), String::new())))
        }),
        refuse("TestState", "mock.errorOutput.cause", "max 32768", "32769 characters", |c| {
            send(c.test_state(DEFINITION).mock(mock_error(String::new(), "c".repeat(32_769))))
        }),
        refuse("TestState", "stateConfiguration.retrierRetryCount", "min 0", "-1", |c| {
            let config =
                TestStateConfiguration { retrier_retry_count: Some(-1), ..Default::default() };
            send(c.test_state(DEFINITION).state_configuration(config))
        }),
        refuse("TestState", "stateConfiguration.mapIterationFailureCount", "min 0", "-1", |c| {
            let config = TestStateConfiguration {
                map_iteration_failure_count: Some(-1),
                ..Default::default()
            };
            send(c.test_state(DEFINITION).state_configuration(config))
        }),
        refuse("TestState", "stateConfiguration.errorCausedByState", "min 1", "empty", |c| {
            let config = TestStateConfiguration {
                error_caused_by_state: Some("".into()),
                ..Default::default()
            };
            send(c.test_state(DEFINITION).state_configuration(config))
        }),
        refuse(
            "TestState",
            "stateConfiguration.errorCausedByState",
            "max 80",
            "81 characters",
            |c| {
                let config = TestStateConfiguration {
                    error_caused_by_state: Some("s".repeat(81).into()),
                    ..Default::default()
                };
                send(c.test_state(DEFINITION).state_configuration(config))
            },
        ),
        refuse(
            "TestState",
            "stateConfiguration.mapItemReaderData",
            "max 262144",
            "262145 characters",
            |c| {
                let config = TestStateConfiguration {
                    map_item_reader_data: Some(json_of_len(262_145).into()),
                    ..Default::default()
                };
                send(c.test_state(DEFINITION).state_configuration(config))
            },
        ),
    ]
}

/// Inputs right at a limit: they must reach the server, the value in place.
fn accepted() -> Vec<Accepted> {
    vec![
        // ListMapRuns
        accept("ListMapRuns", "executionArn", "min 1", "1 character", |c| {
            sent(send(c.list_map_runs("a")), "a")
        }),
        accept("ListMapRuns", "executionArn", "max 256", "256 characters", |c| {
            let v = arn(256);
            sent(send(c.list_map_runs(&v)), v)
        }),
        accept("ListMapRuns", "executionArn", "max 256", "256 two-byte characters", |c| {
            let v = "é".repeat(256);
            sent(send(c.list_map_runs(&v)), v)
        }),
        accept("ListMapRuns", "maxResults", "min 0", "0", |c| {
            sent(send(c.list_map_runs(arn(60)).max_results(0)), 0)
        }),
        accept("ListMapRuns", "maxResults", "max 1000", "1000", |c| {
            sent(send(c.list_map_runs(arn(60)).max_results(1000)), 1000)
        }),
        accept("ListMapRuns", "nextToken", "min 1", "1 character", |c| {
            sent(send(c.list_map_runs(arn(60)).next_token(token(1))), token(1))
        }),
        accept("ListMapRuns", "nextToken", "max 1024", "1024 characters", |c| {
            sent(send(c.list_map_runs(arn(60)).next_token(token(1024))), token(1024))
        }),
        // DescribeMapRun
        accept("DescribeMapRun", "mapRunArn", "min 1", "1 character", |c| {
            sent(send(c.describe_map_run("a")), "a")
        }),
        accept("DescribeMapRun", "mapRunArn", "max 2000", "2000 characters", |c| {
            let v = map_run_arn(2000);
            sent(send(c.describe_map_run(&v)), v)
        }),
        // UpdateMapRun
        accept("UpdateMapRun", "mapRunArn", "min 1", "1 character", |c| {
            sent(send(c.update_map_run("a")), "a")
        }),
        accept("UpdateMapRun", "mapRunArn", "max 2000", "2000 characters", |c| {
            let v = map_run_arn(2000);
            sent(send(c.update_map_run(&v)), v)
        }),
        accept("UpdateMapRun", "maxConcurrency", "min 0", "0", |c| {
            sent(send(c.update_map_run(map_run_arn(90)).max_concurrency(0)), 0)
        }),
        accept("UpdateMapRun", "maxConcurrency", "extra: no maximum", "i32::MAX", |c| {
            sent(send(c.update_map_run(map_run_arn(90)).max_concurrency(i32::MAX)), i32::MAX)
        }),
        accept("UpdateMapRun", "toleratedFailurePercentage", "min 0", "0", |c| {
            sent(send(c.update_map_run(map_run_arn(90)).tolerated_failure_percentage(0.0)), 0.0)
        }),
        accept("UpdateMapRun", "toleratedFailurePercentage", "max 100", "100", |c| {
            sent(send(c.update_map_run(map_run_arn(90)).tolerated_failure_percentage(100.0)), 100.0)
        }),
        accept("UpdateMapRun", "toleratedFailureCount", "min 0", "0", |c| {
            sent(send(c.update_map_run(map_run_arn(90)).tolerated_failure_count(0)), 0)
        }),
        accept("UpdateMapRun", "toleratedFailureCount", "extra: no maximum", "i64::MAX", |c| {
            sent(
                send(c.update_map_run(map_run_arn(90)).tolerated_failure_count(i64::MAX)),
                i64::MAX,
            )
        }),
        // DescribeExecution
        accept("DescribeExecution", "executionArn", "min 1", "1 character", |c| {
            sent(send(c.describe_execution("a")), "a")
        }),
        accept("DescribeExecution", "executionArn", "max 256", "256 characters", |c| {
            let v = arn(256);
            sent(send(c.describe_execution(&v)), v)
        }),
        accept("DescribeExecution", "includedData", "enum METADATA_ONLY", "METADATA_ONLY", |c| {
            let r = c.describe_execution(arn(60)).included_data(IncludedData::MetadataOnly);
            sent(send(r), "METADATA_ONLY")
        }),
        accept("DescribeExecution", "includedData", "enum ALL_DATA", "ALL_DATA", |c| {
            sent(
                send(c.describe_execution(arn(60)).included_data(IncludedData::AllData)),
                "ALL_DATA",
            )
        }),
        accept("DescribeExecution", "includedData", "extra: unknown value", "sent as given", |c| {
            let r = c.describe_execution(arn(60)).included_data(IncludedData::from("SOME_DATA"));
            sent(send(r), "SOME_DATA")
        }),
        // ListExecutions
        accept("ListExecutions", "stateMachineArn", "min 1", "1 character", |c| {
            sent(send(c.list_executions().state_machine_arn("a")), "a")
        }),
        accept("ListExecutions", "stateMachineArn", "max 256", "256 characters", |c| {
            let v = sm_arn(256);
            sent(send(c.list_executions().state_machine_arn(&v)), v)
        }),
        accept("ListExecutions", "stateMachineArn", "extra: exactly one ARN", "plain input", |c| {
            sent(send_input(c, ListExecutionsInput::for_state_machine(sm_arn(60))), sm_arn(60))
        }),
        accept("ListExecutions", "mapRunArn", "min 1", "1 character", |c| {
            sent(send(c.list_executions().map_run_arn("a")), "a")
        }),
        accept("ListExecutions", "mapRunArn", "max 2000", "2000 characters", |c| {
            let v = map_run_arn(2000);
            sent(send(c.list_executions().map_run_arn(&v)), v)
        }),
        accept("ListExecutions", "mapRunArn", "extra: exactly one ARN", "plain input", |c| {
            sent(send_input(c, ListExecutionsInput::for_map_run(map_run_arn(90))), map_run_arn(90))
        }),
        accept("ListExecutions", "maxResults", "min 0", "0", |c| {
            sent(send(c.list_executions().state_machine_arn(sm_arn(60)).max_results(0)), 0)
        }),
        accept("ListExecutions", "maxResults", "max 1000", "1000", |c| {
            sent(send(c.list_executions().map_run_arn(map_run_arn(90)).max_results(1000)), 1000)
        }),
        accept("ListExecutions", "nextToken", "min 1", "1 character", |c| {
            let r = c.list_executions().state_machine_arn(sm_arn(60)).next_token(token(1));
            sent(send(r), token(1))
        }),
        accept(
            "ListExecutions",
            "nextToken",
            "extra: its own limit",
            "1025 characters (over ListMapRuns' limit)",
            |c| {
                let r = c.list_executions().state_machine_arn(sm_arn(60)).next_token(token(1025));
                sent(send(r), token(1025))
            },
        ),
        accept("ListExecutions", "nextToken", "max 3096", "3096 characters", |c| {
            let r = c.list_executions().state_machine_arn(sm_arn(60)).next_token(token(3096));
            sent(send(r), token(3096))
        }),
        accept("ListExecutions", "nextToken", "max 3096", "3096 two-byte characters", |c| {
            let v = "é".repeat(3096);
            sent(send(c.list_executions().map_run_arn(map_run_arn(90)).next_token(&v)), v)
        }),
        accept(
            "ListExecutions",
            "mapRunArn",
            "max 2000",
            "2000 characters, every other member at its limit",
            |c| {
                let v = map_run_arn(2000);
                let r = c
                    .list_executions()
                    .map_run_arn(&v)
                    .status_filter(ExecutionStatus::PendingRedrive)
                    .max_results(1000)
                    .next_token(token(3096))
                    .redrive_filter(ExecutionRedriveFilter::NotRedriven);
                sent(send(r), v)
            },
        ),
        accept("ListExecutions", "statusFilter", "enum RUNNING", "RUNNING", |c| {
            let r =
                c.list_executions().state_machine_arn("a").status_filter(ExecutionStatus::Running);
            sent(send(r), "RUNNING")
        }),
        accept("ListExecutions", "statusFilter", "enum SUCCEEDED", "SUCCEEDED", |c| {
            let r = c
                .list_executions()
                .state_machine_arn("a")
                .status_filter(ExecutionStatus::Succeeded);
            sent(send(r), "SUCCEEDED")
        }),
        accept("ListExecutions", "statusFilter", "enum FAILED", "FAILED", |c| {
            let r =
                c.list_executions().state_machine_arn("a").status_filter(ExecutionStatus::Failed);
            sent(send(r), "FAILED")
        }),
        accept("ListExecutions", "statusFilter", "enum TIMED_OUT", "TIMED_OUT", |c| {
            let r =
                c.list_executions().state_machine_arn("a").status_filter(ExecutionStatus::TimedOut);
            sent(send(r), "TIMED_OUT")
        }),
        accept("ListExecutions", "statusFilter", "enum ABORTED", "ABORTED", |c| {
            let r =
                c.list_executions().state_machine_arn("a").status_filter(ExecutionStatus::Aborted);
            sent(send(r), "ABORTED")
        }),
        accept("ListExecutions", "statusFilter", "enum PENDING_REDRIVE", "PENDING_REDRIVE", |c| {
            let r =
                c.list_executions().map_run_arn("a").status_filter(ExecutionStatus::PendingRedrive);
            sent(send(r), "PENDING_REDRIVE")
        }),
        accept("ListExecutions", "statusFilter", "extra: unknown value", "sent as given", |c| {
            let r = c
                .list_executions()
                .state_machine_arn("a")
                .status_filter(ExecutionStatus::from("PAUSED"));
            sent(send(r), "PAUSED")
        }),
        accept("ListExecutions", "redriveFilter", "enum REDRIVEN", "REDRIVEN", |c| {
            let r = c
                .list_executions()
                .state_machine_arn("a")
                .redrive_filter(ExecutionRedriveFilter::Redriven);
            sent(send(r), "REDRIVEN")
        }),
        accept("ListExecutions", "redriveFilter", "enum NOT_REDRIVEN", "NOT_REDRIVEN", |c| {
            let r = c
                .list_executions()
                .map_run_arn("a")
                .redrive_filter(ExecutionRedriveFilter::NotRedriven);
            sent(send(r), "NOT_REDRIVEN")
        }),
        // GetExecutionHistory
        accept("GetExecutionHistory", "executionArn", "min 1", "1 character", |c| {
            sent(send(c.get_execution_history("a")), "a")
        }),
        accept("GetExecutionHistory", "executionArn", "max 256", "256 characters", |c| {
            let v = arn(256);
            sent(send(c.get_execution_history(&v)), v)
        }),
        accept("GetExecutionHistory", "maxResults", "min 0", "0", |c| {
            sent(send(c.get_execution_history(arn(60)).max_results(0)), 0)
        }),
        accept("GetExecutionHistory", "maxResults", "max 1000", "1000", |c| {
            sent(send(c.get_execution_history(arn(60)).max_results(1000)), 1000)
        }),
        accept("GetExecutionHistory", "nextToken", "min 1", "1 character", |c| {
            sent(send(c.get_execution_history(arn(60)).next_token(token(1))), token(1))
        }),
        accept("GetExecutionHistory", "nextToken", "max 1024", "1024 characters", |c| {
            sent(send(c.get_execution_history(arn(60)).next_token(token(1024))), token(1024))
        }),
        // StartExecution
        accept("StartExecution", "stateMachineArn", "min 1", "1 character", |c| {
            sent(send(c.start_execution("a")), "a")
        }),
        accept("StartExecution", "stateMachineArn", "max 256", "256 characters", |c| {
            let v = sm_arn(256);
            sent(send(c.start_execution(&v)), v)
        }),
        accept("StartExecution", "name", "min 1", "1 character", |c| {
            sent(send(c.start_execution(sm_arn(60)).name("n")), "n")
        }),
        accept("StartExecution", "name", "max 80", "80 characters", |c| {
            let v = "n".repeat(80);
            sent(send(c.start_execution(sm_arn(60)).name(&v)), v)
        }),
        accept("StartExecution", "name", "max 80", "80 two-byte characters", |c| {
            let v = "é".repeat(80);
            sent(send(c.start_execution(sm_arn(60)).name(&v)), v)
        }),
        accept("StartExecution", "input", "max 262144", "262144 characters", |c| {
            let v = format!("\"{}\"", "i".repeat(262_142));
            sent(send(c.start_execution(sm_arn(60)).input(&v)), v)
        }),
        accept("StartExecution", "traceHeader", "min 0", "empty", |c| {
            sent(send(c.start_execution(sm_arn(60)).trace_header("")), "")
        }),
        accept("StartExecution", "traceHeader", "max 256", "256 characters", |c| {
            let v = "h".repeat(256);
            sent(send(c.start_execution(sm_arn(60)).trace_header(&v)), v)
        }),
        accept("StartExecution", "traceHeader", "pattern", "every ASCII character", |c| {
            let v: String = (0u8..=127).map(char::from).collect();
            sent(send(c.start_execution(sm_arn(60)).trace_header(&v)), v)
        }),
        // StartSyncExecution
        accept("StartSyncExecution", "stateMachineArn", "min 1", "1 character", |c| {
            sent(send(c.start_sync_execution("a")), "a")
        }),
        accept("StartSyncExecution", "stateMachineArn", "max 256", "256 characters", |c| {
            let v = sm_arn(256);
            sent(send(c.start_sync_execution(&v)), v)
        }),
        accept("StartSyncExecution", "name", "min 1", "1 character", |c| {
            sent(send(c.start_sync_execution(sm_arn(60)).name("n")), "n")
        }),
        accept("StartSyncExecution", "name", "max 80", "80 characters", |c| {
            let v = "n".repeat(80);
            sent(send(c.start_sync_execution(sm_arn(60)).name(&v)), v)
        }),
        accept("StartSyncExecution", "name", "max 80", "80 two-byte characters", |c| {
            let v = "é".repeat(80);
            sent(send(c.start_sync_execution(sm_arn(60)).name(&v)), v)
        }),
        accept("StartSyncExecution", "input", "max 262144", "262144 characters", |c| {
            let v = format!("\"{}\"", "i".repeat(262_142));
            sent(send(c.start_sync_execution(sm_arn(60)).input(&v)), v)
        }),
        accept("StartSyncExecution", "traceHeader", "min 0", "empty", |c| {
            sent(send(c.start_sync_execution(sm_arn(60)).trace_header("")), "")
        }),
        accept("StartSyncExecution", "traceHeader", "max 256", "256 characters", |c| {
            let v = "h".repeat(256);
            sent(send(c.start_sync_execution(sm_arn(60)).trace_header(&v)), v)
        }),
        accept("StartSyncExecution", "traceHeader", "pattern", "every ASCII character", |c| {
            let v: String = (0u8..=127).map(char::from).collect();
            sent(send(c.start_sync_execution(sm_arn(60)).trace_header(&v)), v)
        }),
        accept("StartSyncExecution", "includedData", "enum ALL_DATA", "ALL_DATA", |c| {
            let r = c.start_sync_execution(sm_arn(60)).included_data(IncludedData::AllData);
            sent(send(r), "ALL_DATA")
        }),
        accept("StartSyncExecution", "includedData", "enum METADATA_ONLY", "METADATA_ONLY", |c| {
            let r = c.start_sync_execution(sm_arn(60)).included_data(IncludedData::MetadataOnly);
            sent(send(r), "METADATA_ONLY")
        }),
        // StopExecution
        accept("StopExecution", "executionArn", "min 1", "1 character", |c| {
            sent(send(c.stop_execution("a")), "a")
        }),
        accept("StopExecution", "executionArn", "max 256", "256 characters", |c| {
            let v = arn(256);
            sent(send(c.stop_execution(&v)), v)
        }),
        accept("StopExecution", "error", "min 0", "empty", |c| {
            sent(send(c.stop_execution(arn(60)).error("")), "")
        }),
        accept("StopExecution", "error", "max 256", "256 characters", |c| {
            let v = "e".repeat(256);
            sent(send(c.stop_execution(arn(60)).error(&v)), v)
        }),
        accept("StopExecution", "cause", "min 0", "empty", |c| {
            sent(send(c.stop_execution(arn(60)).cause("")), "")
        }),
        accept("StopExecution", "cause", "max 32768", "32768 characters", |c| {
            let v = "c".repeat(32_768);
            sent(send(c.stop_execution(arn(60)).cause(&v)), v)
        }),
        accept(
            "StopExecution",
            "cause",
            "max 32768",
            "32768 two-byte characters, error at 256",
            |c| {
                let v = "é".repeat(32_768);
                sent(send(c.stop_execution(arn(60)).error("e".repeat(256)).cause(&v)), v)
            },
        ),
        // RedriveExecution
        accept("RedriveExecution", "executionArn", "min 1", "1 character", |c| {
            let r = c.redrive_execution("a").client_token("t");
            sent(send(r), "a")
        }),
        accept("RedriveExecution", "executionArn", "max 256", "256 characters", |c| {
            let v = arn(256);
            sent(send(c.redrive_execution(&v)), v)
        }),
        accept("RedriveExecution", "clientToken", "min 1", "1 character", |c| {
            sent(send(c.redrive_execution(arn(60)).client_token("!")), "!")
        }),
        accept(
            "RedriveExecution",
            "clientToken",
            "max 64, pattern",
            "64 characters, ! to `",
            |c| {
                let v = printable(b'!', b'`');
                sent(send(c.redrive_execution(arn(60)).client_token(&v)), v)
            },
        ),
        accept("RedriveExecution", "clientToken", "pattern", "A to ~", |c| {
            let v = printable(b'A', b'~');
            sent(send(c.redrive_execution(arn(60)).client_token(&v)), v)
        }),
        // DescribeStateMachine
        accept("DescribeStateMachine", "stateMachineArn", "min 1", "1 character", |c| {
            sent(send(c.describe_state_machine("a")), "a")
        }),
        accept("DescribeStateMachine", "stateMachineArn", "max 256", "256 characters", |c| {
            let v = sm_arn(256);
            sent(send(c.describe_state_machine(&v)), v)
        }),
        accept(
            "DescribeStateMachine",
            "includedData",
            "enum METADATA_ONLY",
            "METADATA_ONLY",
            |c| {
                let r =
                    c.describe_state_machine(sm_arn(60)).included_data(IncludedData::MetadataOnly);
                sent(send(r), "METADATA_ONLY")
            },
        ),
        accept("DescribeStateMachine", "includedData", "enum ALL_DATA", "ALL_DATA", |c| {
            let r = c.describe_state_machine(sm_arn(60)).included_data(IncludedData::AllData);
            sent(send(r), "ALL_DATA")
        }),
        // DescribeStateMachineForExecution
        accept("DescribeStateMachineForExecution", "executionArn", "min 1", "1 character", |c| {
            sent(send(c.describe_state_machine_for_execution("a")), "a")
        }),
        accept(
            "DescribeStateMachineForExecution",
            "executionArn",
            "max 256",
            "256 characters",
            |c| {
                let v = arn(256);
                sent(send(c.describe_state_machine_for_execution(&v)), v)
            },
        ),
        accept(
            "DescribeStateMachineForExecution",
            "includedData",
            "enum METADATA_ONLY",
            "METADATA_ONLY",
            |c| {
                let r = c
                    .describe_state_machine_for_execution(arn(60))
                    .included_data(IncludedData::MetadataOnly);
                sent(send(r), "METADATA_ONLY")
            },
        ),
        accept(
            "DescribeStateMachineForExecution",
            "includedData",
            "enum ALL_DATA",
            "ALL_DATA",
            |c| {
                let r = c
                    .describe_state_machine_for_execution(arn(60))
                    .included_data(IncludedData::AllData);
                sent(send(r), "ALL_DATA")
            },
        ),
        // CreateStateMachine
        accept("CreateStateMachine", "name", "min 1", "1 character", |c| {
            sent(send(c.create_state_machine("n", DEFINITION, ROLE_ARN)), "n")
        }),
        accept("CreateStateMachine", "name", "max 80", "80 characters", |c| {
            let v = "n".repeat(80);
            sent(send(c.create_state_machine(&v, DEFINITION, ROLE_ARN)), v)
        }),
        accept("CreateStateMachine", "definition", "min 1", "1 character", |c| {
            sent(send(c.create_state_machine("orders", "{", ROLE_ARN)), "{")
        }),
        accept("CreateStateMachine", "definition", "max 1048576", "1048576 characters", |c| {
            let v = padded("{", 1_048_576);
            sent(send(c.create_state_machine("orders", &v, ROLE_ARN)), v)
        }),
        accept("CreateStateMachine", "roleArn", "min 1", "1 character", |c| {
            sent(send(c.create_state_machine("orders", DEFINITION, "r")), "r")
        }),
        accept("CreateStateMachine", "roleArn", "max 256", "256 characters", |c| {
            let v = role_arn(256);
            sent(send(c.create_state_machine("orders", DEFINITION, &v)), v)
        }),
        accept("CreateStateMachine", "type", "enum STANDARD", "STANDARD", |c| {
            sent(send(create(c).r#type(StateMachineType::Standard)), "STANDARD")
        }),
        accept("CreateStateMachine", "type", "enum EXPRESS", "EXPRESS", |c| {
            sent(send(create(c).r#type(StateMachineType::Express)), "EXPRESS")
        }),
        accept("CreateStateMachine", "loggingConfiguration.level", "enum ALL", "ALL", |c| {
            sent(send(create(c).logging_configuration(logging_at(LogLevel::All))), "ALL")
        }),
        accept("CreateStateMachine", "loggingConfiguration.level", "enum ERROR", "ERROR", |c| {
            sent(send(create(c).logging_configuration(logging_at(LogLevel::Error))), "ERROR")
        }),
        accept("CreateStateMachine", "loggingConfiguration.level", "enum FATAL", "FATAL", |c| {
            sent(send(create(c).logging_configuration(logging_at(LogLevel::Fatal))), "FATAL")
        }),
        accept("CreateStateMachine", "loggingConfiguration.level", "enum OFF", "OFF", |c| {
            sent(send(create(c).logging_configuration(logging_at(LogLevel::Off))), "OFF")
        }),
        accept(
            "CreateStateMachine",
            "loggingConfiguration.destinations[].cloudWatchLogsLogGroup.logGroupArn",
            "min 1",
            "1 character",
            |c| sent(send(create(c).logging_configuration(logging_to("a"))), "a"),
        ),
        accept(
            "CreateStateMachine",
            "loggingConfiguration.destinations[].cloudWatchLogsLogGroup.logGroupArn",
            "max 256",
            "256 characters",
            |c| {
                let v = log_group_arn(256);
                sent(send(create(c).logging_configuration(logging_to(&v))), v)
            },
        ),
        accept("CreateStateMachine", "tags[].key", "min 1", "1 character", |c| {
            sent(send(create(c).tag("k", "v")), "k")
        }),
        accept("CreateStateMachine", "tags[].key", "max 128", "128 characters", |c| {
            let v = "k".repeat(128);
            sent(send(create(c).tag(&v, "v")), v)
        }),
        accept("CreateStateMachine", "tags[].value", "min 0", "empty", |c| {
            sent(send(create(c).tag("k", "")), "")
        }),
        accept("CreateStateMachine", "tags[].value", "max 256", "256 characters", |c| {
            let v = "v".repeat(256);
            sent(send(create(c).tag("k", &v)), v)
        }),
        accept("CreateStateMachine", "versionDescription", "max 256", "256 characters", |c| {
            let v = "d".repeat(256);
            sent(send(create(c).publish(true).version_description(&v)), v)
        }),
        accept("CreateStateMachine", "versionDescription", "extra: no minimum", "empty", |c| {
            sent(send(create(c).publish(true).version_description("")), "")
        }),
        accept(
            "CreateStateMachine",
            "encryptionConfiguration.kmsKeyId",
            "min 1",
            "1 character",
            |c| {
                sent(
                    send(create(c).encryption_configuration(encryption(Some("k".into()), None))),
                    "k",
                )
            },
        ),
        accept(
            "CreateStateMachine",
            "encryptionConfiguration.kmsKeyId",
            "max 2048",
            "2048 characters",
            |c| {
                let v = kms_key(2048);
                sent(send(create(c).encryption_configuration(encryption(Some(v.clone()), None))), v)
            },
        ),
        accept(
            "CreateStateMachine",
            "encryptionConfiguration.kmsDataKeyReusePeriodSeconds",
            "min 60",
            "60",
            |c| {
                let e = encryption(Some(kms_key(80)), Some(60));
                sent(send(create(c).encryption_configuration(e)), 60)
            },
        ),
        accept(
            "CreateStateMachine",
            "encryptionConfiguration.kmsDataKeyReusePeriodSeconds",
            "max 900",
            "900",
            |c| {
                let e = encryption(Some(kms_key(80)), Some(900));
                sent(send(create(c).encryption_configuration(e)), 900)
            },
        ),
        accept(
            "CreateStateMachine",
            "encryptionConfiguration.type",
            "enum AWS_OWNED_KEY",
            "AWS_OWNED_KEY",
            |c| {
                let e = encryption_of(EncryptionType::AwsOwnedKey);
                sent(send(create(c).encryption_configuration(e)), "AWS_OWNED_KEY")
            },
        ),
        accept(
            "CreateStateMachine",
            "encryptionConfiguration.type",
            "enum CUSTOMER_MANAGED_KMS_KEY",
            "CUSTOMER_MANAGED_KMS_KEY",
            |c| {
                let e = encryption(Some(kms_key(80)), Some(300));
                sent(send(create(c).encryption_configuration(e)), "CUSTOMER_MANAGED_KMS_KEY")
            },
        ),
        // DeleteStateMachine
        accept("DeleteStateMachine", "stateMachineArn", "min 1", "1 character", |c| {
            sent(send(c.delete_state_machine("a")), "a")
        }),
        accept("DeleteStateMachine", "stateMachineArn", "max 256", "256 characters", |c| {
            let v = sm_arn(256);
            sent(send(c.delete_state_machine(&v)), v)
        }),
        // ListStateMachines
        accept("ListStateMachines", "maxResults", "min 0", "0", |c| {
            sent(send(c.list_state_machines().max_results(0)), 0)
        }),
        accept("ListStateMachines", "maxResults", "max 1000", "1000", |c| {
            sent(send(c.list_state_machines().max_results(1000)), 1000)
        }),
        accept("ListStateMachines", "nextToken", "min 1", "1 character", |c| {
            sent(send(c.list_state_machines().next_token(token(1))), token(1))
        }),
        accept("ListStateMachines", "nextToken", "max 1024", "1024 characters", |c| {
            sent(send(c.list_state_machines().next_token(token(1024))), token(1024))
        }),
        // TagResource
        accept("TagResource", "resourceArn", "min 1", "1 character", |c| {
            sent(send(c.tag_resource("a").tag("k", "v")), "a")
        }),
        accept("TagResource", "resourceArn", "max 256", "256 characters", |c| {
            let v = sm_arn(256);
            sent(send(c.tag_resource(&v).tag("k", "v")), v)
        }),
        accept("TagResource", "tags[].key", "min 1", "1 character", |c| {
            sent(send(c.tag_resource(sm_arn(60)).tag("k", "v")), "k")
        }),
        accept("TagResource", "tags[].key", "max 128", "128 characters", |c| {
            let v = "k".repeat(128);
            sent(send(c.tag_resource(sm_arn(60)).tag(&v, "v")), v)
        }),
        accept("TagResource", "tags[].value", "min 0", "empty", |c| {
            sent(send(c.tag_resource(sm_arn(60)).tag("k", "")), "")
        }),
        accept("TagResource", "tags[].value", "max 256", "256 characters", |c| {
            let v = "v".repeat(256);
            sent(send(c.tag_resource(sm_arn(60)).tag("k", &v)), v)
        }),
        // UntagResource
        accept("UntagResource", "resourceArn", "min 1", "1 character", |c| {
            sent(send(c.untag_resource("a", ["k"])), "a")
        }),
        accept("UntagResource", "resourceArn", "max 256", "256 characters", |c| {
            let v = sm_arn(256);
            sent(send(c.untag_resource(&v, ["k"])), v)
        }),
        accept("UntagResource", "tagKeys[]", "min 1", "1 character", |c| {
            sent(send(c.untag_resource(sm_arn(60), ["k"])), "k")
        }),
        accept("UntagResource", "tagKeys[]", "max 128", "128 characters", |c| {
            let v = "k".repeat(128);
            sent(send(c.untag_resource(sm_arn(60), [&v])), v)
        }),
        // ListTagsForResource
        accept("ListTagsForResource", "resourceArn", "min 1", "1 character", |c| {
            sent(send(c.list_tags_for_resource("a")), "a")
        }),
        accept("ListTagsForResource", "resourceArn", "max 256", "256 characters", |c| {
            let v = sm_arn(256);
            sent(send(c.list_tags_for_resource(&v)), v)
        }),
        // CreateActivity
        accept("CreateActivity", "name", "min 1", "1 character", |c| {
            sent(send(c.create_activity("a")), "a")
        }),
        accept("CreateActivity", "name", "max 80", "80 characters", |c| {
            let v = "a".repeat(80);
            sent(send(c.create_activity(&v)), v)
        }),
        accept("CreateActivity", "tags[].key", "min 1", "1 character", |c| {
            sent(send(c.create_activity("a").tag("k", "v")), "k")
        }),
        accept("CreateActivity", "tags[].key", "max 128", "128 characters", |c| {
            let v = "k".repeat(128);
            sent(send(c.create_activity("a").tag(&v, "v")), v)
        }),
        accept("CreateActivity", "tags[].value", "min 0", "empty", |c| {
            sent(send(c.create_activity("a").tag("k", "")), "")
        }),
        accept("CreateActivity", "tags[].value", "max 256", "256 characters", |c| {
            let v = "v".repeat(256);
            sent(send(c.create_activity("a").tag("k", &v)), v)
        }),
        accept("CreateActivity", "encryptionConfiguration.kmsKeyId", "min 1", "1 character", |c| {
            sent(
                send(
                    c.create_activity("a")
                        .encryption_configuration(encryption(Some("k".into()), None)),
                ),
                "k",
            )
        }),
        accept(
            "CreateActivity",
            "encryptionConfiguration.kmsKeyId",
            "max 2048",
            "2048 characters",
            |c| {
                let v = kms_key(2048);
                sent(
                    send(
                        c.create_activity("a")
                            .encryption_configuration(encryption(Some(v.clone()), None)),
                    ),
                    v,
                )
            },
        ),
        accept(
            "CreateActivity",
            "encryptionConfiguration.kmsDataKeyReusePeriodSeconds",
            "min 60",
            "60",
            |c| {
                sent(
                    send(
                        c.create_activity("a")
                            .encryption_configuration(encryption(Some(kms_key(80)), Some(60))),
                    ),
                    60,
                )
            },
        ),
        accept(
            "CreateActivity",
            "encryptionConfiguration.kmsDataKeyReusePeriodSeconds",
            "max 900",
            "900",
            |c| {
                sent(
                    send(
                        c.create_activity("a")
                            .encryption_configuration(encryption(Some(kms_key(80)), Some(900))),
                    ),
                    900,
                )
            },
        ),
        accept(
            "CreateActivity",
            "encryptionConfiguration.type",
            "enum AWS_OWNED_KEY",
            "AWS_OWNED_KEY",
            |c| {
                sent(
                    send(
                        c.create_activity("a")
                            .encryption_configuration(encryption_of(EncryptionType::AwsOwnedKey)),
                    ),
                    "AWS_OWNED_KEY",
                )
            },
        ),
        accept(
            "CreateActivity",
            "encryptionConfiguration.type",
            "enum CUSTOMER_MANAGED_KMS_KEY",
            "CUSTOMER_MANAGED_KMS_KEY",
            |c| {
                let e = encryption_of(EncryptionType::CustomerManagedKmsKey);
                sent(
                    send(c.create_activity("a").encryption_configuration(e)),
                    "CUSTOMER_MANAGED_KMS_KEY",
                )
            },
        ),
        // DeleteActivity
        accept("DeleteActivity", "activityArn", "min 1", "1 character", |c| {
            sent(send(c.delete_activity("a")), "a")
        }),
        accept("DeleteActivity", "activityArn", "max 256", "256 characters", |c| {
            let v = activity_arn(256);
            sent(send(c.delete_activity(&v)), v)
        }),
        // DescribeActivity
        accept("DescribeActivity", "activityArn", "min 1", "1 character", |c| {
            sent(send(c.describe_activity("a")), "a")
        }),
        accept("DescribeActivity", "activityArn", "max 256", "256 characters", |c| {
            let v = activity_arn(256);
            sent(send(c.describe_activity(&v)), v)
        }),
        // ListActivities
        accept("ListActivities", "maxResults", "min 0", "0", |c| {
            sent(send(c.list_activities().max_results(0)), 0)
        }),
        accept("ListActivities", "maxResults", "max 1000", "1000", |c| {
            sent(send(c.list_activities().max_results(1000)), 1000)
        }),
        accept("ListActivities", "nextToken", "min 1", "1 character", |c| {
            sent(send(c.list_activities().next_token(token(1))), token(1))
        }),
        accept("ListActivities", "nextToken", "max 1024", "1024 characters", |c| {
            sent(send(c.list_activities().next_token(token(1024))), token(1024))
        }),
        // GetActivityTask
        accept("GetActivityTask", "activityArn", "min 1", "1 character", |c| {
            sent(send(c.get_activity_task("a")), "a")
        }),
        accept("GetActivityTask", "activityArn", "max 256", "256 characters", |c| {
            let v = activity_arn(256);
            sent(send(c.get_activity_task(&v)), v)
        }),
        accept("GetActivityTask", "workerName", "min 1", "1 character", |c| {
            sent(send(c.get_activity_task(activity_arn(60)).worker_name("w")), "w")
        }),
        accept("GetActivityTask", "workerName", "max 80", "80 characters", |c| {
            let v = "w".repeat(80);
            sent(send(c.get_activity_task(activity_arn(60)).worker_name(&v)), v)
        }),
        // SendTaskSuccess
        accept("SendTaskSuccess", "taskToken", "min 1", "1 character", |c| {
            sent(send(c.send_task_success("t", "{}")), "t")
        }),
        accept("SendTaskSuccess", "taskToken", "max 2048", "2048 characters", |c| {
            sent(send(c.send_task_success(token(2048), "{}")), token(2048))
        }),
        accept("SendTaskSuccess", "output", "max 262144", "262144 characters", |c| {
            let v = json_of_len(262_144);
            sent(send(c.send_task_success(token(20), &v)), v)
        }),
        accept("SendTaskSuccess", "output", "extra: the shortest JSON", "1 character", |c| {
            sent(send(c.send_task_success(token(20), "0")), "0")
        }),
        // SendTaskFailure
        accept("SendTaskFailure", "taskToken", "min 1", "1 character", |c| {
            sent(send(c.send_task_failure("t")), "t")
        }),
        accept("SendTaskFailure", "taskToken", "max 2048", "2048 characters", |c| {
            sent(send(c.send_task_failure(token(2048))), token(2048))
        }),
        accept("SendTaskFailure", "error", "min 0", "empty", |c| {
            sent(send(c.send_task_failure(token(20)).error("")), "")
        }),
        accept("SendTaskFailure", "error", "max 256", "256 characters", |c| {
            let v = "e".repeat(256);
            sent(send(c.send_task_failure(token(20)).error(&v)), v)
        }),
        accept("SendTaskFailure", "cause", "min 0", "empty", |c| {
            sent(send(c.send_task_failure(token(20)).cause("")), "")
        }),
        accept("SendTaskFailure", "cause", "max 32768", "32768 characters", |c| {
            let v = "c".repeat(32_768);
            sent(send(c.send_task_failure(token(20)).cause(&v)), v)
        }),
        // SendTaskHeartbeat
        accept("SendTaskHeartbeat", "taskToken", "min 1", "1 character", |c| {
            sent(send(c.send_task_heartbeat("t")), "t")
        }),
        accept("SendTaskHeartbeat", "taskToken", "max 2048", "2048 characters", |c| {
            sent(send(c.send_task_heartbeat(token(2048))), token(2048))
        }),
        // PublishStateMachineVersion
        accept("PublishStateMachineVersion", "stateMachineArn", "min 1", "1 character", |c| {
            sent(send(c.publish_state_machine_version("a")), "a")
        }),
        accept("PublishStateMachineVersion", "stateMachineArn", "max 256", "256 characters", |c| {
            let v = sm_arn(256);
            sent(send(c.publish_state_machine_version(&v)), v)
        }),
        accept("PublishStateMachineVersion", "description", "max 256", "256 characters", |c| {
            let v = "d".repeat(256);
            sent(send(c.publish_state_machine_version(sm_arn(60)).description(&v)), v)
        }),
        accept("PublishStateMachineVersion", "description", "extra: no minimum", "empty", |c| {
            sent(send(c.publish_state_machine_version(sm_arn(60)).description("")), "")
        }),
        // ListStateMachineVersions
        accept("ListStateMachineVersions", "stateMachineArn", "min 1", "1 character", |c| {
            sent(send(c.list_state_machine_versions("a")), "a")
        }),
        accept("ListStateMachineVersions", "stateMachineArn", "max 256", "256 characters", |c| {
            let v = sm_arn(256);
            sent(send(c.list_state_machine_versions(&v)), v)
        }),
        accept("ListStateMachineVersions", "maxResults", "min 0", "0", |c| {
            sent(send(c.list_state_machine_versions(sm_arn(60)).max_results(0)), 0)
        }),
        accept("ListStateMachineVersions", "maxResults", "max 1000", "1000", |c| {
            sent(send(c.list_state_machine_versions(sm_arn(60)).max_results(1000)), 1000)
        }),
        accept("ListStateMachineVersions", "nextToken", "min 1", "1 character", |c| {
            sent(send(c.list_state_machine_versions(sm_arn(60)).next_token(token(1))), token(1))
        }),
        accept("ListStateMachineVersions", "nextToken", "max 1024", "1024 characters", |c| {
            let v = token(1024);
            sent(send(c.list_state_machine_versions(sm_arn(60)).next_token(&v)), v)
        }),
        // DeleteStateMachineVersion
        accept(
            "DeleteStateMachineVersion",
            "stateMachineVersionArn",
            "min 1",
            "1 character",
            |c| sent(send(c.delete_state_machine_version("a")), "a"),
        ),
        accept(
            "DeleteStateMachineVersion",
            "stateMachineVersionArn",
            "max 2000",
            "2000 characters",
            |c| {
                let v = sm_arn(2000);
                sent(send(c.delete_state_machine_version(&v)), v)
            },
        ),
        // CreateStateMachineAlias
        accept("CreateStateMachineAlias", "description", "max 256", "256 characters", |c| {
            let v = "d".repeat(256);
            sent(send(alias(c).description(&v)), v)
        }),
        accept("CreateStateMachineAlias", "name", "min 1", "1 character", |c| {
            sent(send(c.create_state_machine_alias("P").route(sm_arn(60), 100)), "P")
        }),
        accept("CreateStateMachineAlias", "name", "max 80", "80 characters", |c| {
            let v = "P".repeat(80);
            sent(send(c.create_state_machine_alias(&v).route(sm_arn(60), 100)), v)
        }),
        accept("CreateStateMachineAlias", "name", "pattern", "every kind of character", |c| {
            let v = "azAZ09_-.";
            sent(send(c.create_state_machine_alias(v).route(sm_arn(60), 100)), v)
        }),
        accept("CreateStateMachineAlias", "name", "pattern", "digits and one letter", |c| {
            sent(send(c.create_state_machine_alias("2026x").route(sm_arn(60), 100)), "2026x")
        }),
        accept("CreateStateMachineAlias", "routingConfiguration", "min 1", "one route", |c| {
            let v = json!([{"stateMachineVersionArn": sm_arn(60), "weight": 100}]);
            sent(send(c.create_state_machine_alias("PROD").route(sm_arn(60), 100)), v)
        }),
        accept("CreateStateMachineAlias", "routingConfiguration", "max 2", "two routes", |c| {
            let v = json!([
                {"stateMachineVersionArn": sm_arn(60), "weight": 90},
                {"stateMachineVersionArn": sm_arn(61), "weight": 10},
            ]);
            sent(send(alias(c).route(sm_arn(61), 10)), v)
        }),
        accept(
            "CreateStateMachineAlias",
            "routingConfiguration[].stateMachineVersionArn",
            "min 1",
            "1 character",
            |c| sent(send(c.create_state_machine_alias("PROD").route("a", 100)), "a"),
        ),
        accept(
            "CreateStateMachineAlias",
            "routingConfiguration[].stateMachineVersionArn",
            "max 256",
            "256 characters",
            |c| {
                let v = sm_arn(256);
                sent(send(c.create_state_machine_alias("PROD").route(&v, 100)), v)
            },
        ),
        accept("CreateStateMachineAlias", "routingConfiguration[].weight", "min 0", "0", |c| {
            sent(send(c.create_state_machine_alias("PROD").route(sm_arn(60), 0)), 0)
        }),
        accept("CreateStateMachineAlias", "routingConfiguration[].weight", "max 100", "100", |c| {
            sent(send(c.create_state_machine_alias("PROD").route(sm_arn(60), 100)), 100)
        }),
        // DescribeStateMachineAlias
        accept("DescribeStateMachineAlias", "stateMachineAliasArn", "min 1", "1 character", |c| {
            sent(send(c.describe_state_machine_alias("a")), "a")
        }),
        accept(
            "DescribeStateMachineAlias",
            "stateMachineAliasArn",
            "max 256",
            "256 characters",
            |c| {
                let v = sm_arn(256);
                sent(send(c.describe_state_machine_alias(&v)), v)
            },
        ),
        // UpdateStateMachineAlias
        accept("UpdateStateMachineAlias", "stateMachineAliasArn", "min 1", "1 character", |c| {
            sent(send(c.update_state_machine_alias("a")), "a")
        }),
        accept(
            "UpdateStateMachineAlias",
            "stateMachineAliasArn",
            "max 256",
            "256 characters",
            |c| {
                let v = sm_arn(256);
                sent(send(c.update_state_machine_alias(&v)), v)
            },
        ),
        accept("UpdateStateMachineAlias", "description", "max 256", "256 characters", |c| {
            let v = "d".repeat(256);
            sent(send(c.update_state_machine_alias(sm_arn(60)).description(&v)), v)
        }),
        accept("UpdateStateMachineAlias", "routingConfiguration", "min 1", "one route", |c| {
            let v = json!([{"stateMachineVersionArn": sm_arn(61), "weight": 100}]);
            sent(send(c.update_state_machine_alias(sm_arn(60)).route(sm_arn(61), 100)), v)
        }),
        accept("UpdateStateMachineAlias", "routingConfiguration", "max 2", "two routes", |c| {
            let v = json!([
                {"stateMachineVersionArn": sm_arn(61), "weight": 50},
                {"stateMachineVersionArn": sm_arn(62), "weight": 50},
            ]);
            let r = c
                .update_state_machine_alias(sm_arn(60))
                .route(sm_arn(61), 50)
                .route(sm_arn(62), 50);
            sent(send(r), v)
        }),
        accept(
            "UpdateStateMachineAlias",
            "routingConfiguration[].stateMachineVersionArn",
            "min 1",
            "1 character",
            |c| sent(send(c.update_state_machine_alias(sm_arn(60)).route("a", 100)), "a"),
        ),
        accept(
            "UpdateStateMachineAlias",
            "routingConfiguration[].stateMachineVersionArn",
            "max 256",
            "256 characters",
            |c| {
                let v = sm_arn(256);
                sent(send(c.update_state_machine_alias(sm_arn(60)).route(&v, 100)), v)
            },
        ),
        accept("UpdateStateMachineAlias", "routingConfiguration[].weight", "min 0", "0", |c| {
            sent(send(c.update_state_machine_alias(sm_arn(60)).route(sm_arn(61), 0)), 0)
        }),
        accept("UpdateStateMachineAlias", "routingConfiguration[].weight", "max 100", "100", |c| {
            sent(send(c.update_state_machine_alias(sm_arn(60)).route(sm_arn(61), 100)), 100)
        }),
        // DeleteStateMachineAlias
        accept("DeleteStateMachineAlias", "stateMachineAliasArn", "min 1", "1 character", |c| {
            sent(send(c.delete_state_machine_alias("a")), "a")
        }),
        accept(
            "DeleteStateMachineAlias",
            "stateMachineAliasArn",
            "max 256",
            "256 characters",
            |c| {
                let v = sm_arn(256);
                sent(send(c.delete_state_machine_alias(&v)), v)
            },
        ),
        // ListStateMachineAliases
        accept("ListStateMachineAliases", "stateMachineArn", "min 1", "1 character", |c| {
            sent(send(c.list_state_machine_aliases("a")), "a")
        }),
        accept("ListStateMachineAliases", "stateMachineArn", "max 256", "256 characters", |c| {
            let v = sm_arn(256);
            sent(send(c.list_state_machine_aliases(&v)), v)
        }),
        accept("ListStateMachineAliases", "maxResults", "min 0", "0", |c| {
            sent(send(c.list_state_machine_aliases(sm_arn(60)).max_results(0)), 0)
        }),
        accept("ListStateMachineAliases", "maxResults", "max 1000", "1000", |c| {
            sent(send(c.list_state_machine_aliases(sm_arn(60)).max_results(1000)), 1000)
        }),
        accept("ListStateMachineAliases", "nextToken", "min 1", "1 character", |c| {
            sent(send(c.list_state_machine_aliases(sm_arn(60)).next_token(token(1))), token(1))
        }),
        accept("ListStateMachineAliases", "nextToken", "max 1024", "1024 characters", |c| {
            let v = token(1024);
            sent(send(c.list_state_machine_aliases(sm_arn(60)).next_token(&v)), v)
        }),
        // UpdateStateMachine
        accept("UpdateStateMachine", "stateMachineArn", "min 1", "1 character", |c| {
            sent(send(c.update_state_machine("a")), "a")
        }),
        accept("UpdateStateMachine", "stateMachineArn", "max 256", "256 characters", |c| {
            let v = sm_arn(256);
            sent(send(c.update_state_machine(&v)), v)
        }),
        accept("UpdateStateMachine", "definition", "min 1", "1 character", |c| {
            sent(send(c.update_state_machine(sm_arn(60)).definition("{")), "{")
        }),
        accept("UpdateStateMachine", "definition", "max 1048576", "1048576 characters", |c| {
            let v = padded("{", 1_048_576);
            sent(send(c.update_state_machine(sm_arn(60)).definition(&v)), v)
        }),
        accept("UpdateStateMachine", "roleArn", "min 1", "1 character", |c| {
            sent(send(c.update_state_machine(sm_arn(60)).role_arn("r")), "r")
        }),
        accept("UpdateStateMachine", "roleArn", "max 256", "256 characters", |c| {
            let v = role_arn(256);
            sent(send(c.update_state_machine(sm_arn(60)).role_arn(&v)), v)
        }),
        accept(
            "UpdateStateMachine",
            "loggingConfiguration.destinations[].cloudWatchLogsLogGroup.logGroupArn",
            "min 1",
            "1 character",
            |c| {
                sent(
                    send(c.update_state_machine(sm_arn(60)).logging_configuration(logging_to("l"))),
                    "l",
                )
            },
        ),
        accept(
            "UpdateStateMachine",
            "loggingConfiguration.destinations[].cloudWatchLogsLogGroup.logGroupArn",
            "max 256",
            "256 characters",
            |c| {
                let v = log_group_arn(256);
                sent(
                    send(c.update_state_machine(sm_arn(60)).logging_configuration(logging_to(&v))),
                    v,
                )
            },
        ),
        accept("UpdateStateMachine", "loggingConfiguration.level", "enum ALL", "ALL", |c| {
            sent(
                send(
                    c.update_state_machine(sm_arn(60))
                        .logging_configuration(logging_at(LogLevel::All)),
                ),
                "ALL",
            )
        }),
        accept("UpdateStateMachine", "loggingConfiguration.level", "enum ERROR", "ERROR", |c| {
            sent(
                send(
                    c.update_state_machine(sm_arn(60))
                        .logging_configuration(logging_at(LogLevel::Error)),
                ),
                "ERROR",
            )
        }),
        accept("UpdateStateMachine", "loggingConfiguration.level", "enum FATAL", "FATAL", |c| {
            sent(
                send(
                    c.update_state_machine(sm_arn(60))
                        .logging_configuration(logging_at(LogLevel::Fatal)),
                ),
                "FATAL",
            )
        }),
        accept("UpdateStateMachine", "loggingConfiguration.level", "enum OFF", "OFF", |c| {
            sent(
                send(
                    c.update_state_machine(sm_arn(60))
                        .logging_configuration(logging_at(LogLevel::Off)),
                ),
                "OFF",
            )
        }),
        accept("UpdateStateMachine", "versionDescription", "max 256", "256 characters", |c| {
            let v = "d".repeat(256);
            sent(send(c.update_state_machine(sm_arn(60)).publish(true).version_description(&v)), v)
        }),
        accept(
            "UpdateStateMachine",
            "encryptionConfiguration.kmsKeyId",
            "min 1",
            "1 character",
            |c| {
                let e = encryption(Some("k".into()), None);
                sent(send(c.update_state_machine(sm_arn(60)).encryption_configuration(e)), "k")
            },
        ),
        accept(
            "UpdateStateMachine",
            "encryptionConfiguration.kmsKeyId",
            "max 2048",
            "2048 characters",
            |c| {
                let v = kms_key(2048);
                let e = encryption(Some(v.clone()), None);
                sent(send(c.update_state_machine(sm_arn(60)).encryption_configuration(e)), v)
            },
        ),
        accept(
            "UpdateStateMachine",
            "encryptionConfiguration.kmsDataKeyReusePeriodSeconds",
            "min 60",
            "60",
            |c| {
                let e = encryption(Some(kms_key(80)), Some(60));
                sent(send(c.update_state_machine(sm_arn(60)).encryption_configuration(e)), 60)
            },
        ),
        accept(
            "UpdateStateMachine",
            "encryptionConfiguration.kmsDataKeyReusePeriodSeconds",
            "max 900",
            "900",
            |c| {
                let e = encryption(Some(kms_key(80)), Some(900));
                sent(send(c.update_state_machine(sm_arn(60)).encryption_configuration(e)), 900)
            },
        ),
        accept(
            "UpdateStateMachine",
            "encryptionConfiguration.type",
            "enum AWS_OWNED_KEY",
            "AWS_OWNED_KEY",
            |c| {
                let e = encryption_of(EncryptionType::AwsOwnedKey);
                sent(
                    send(c.update_state_machine(sm_arn(60)).encryption_configuration(e)),
                    "AWS_OWNED_KEY",
                )
            },
        ),
        accept(
            "UpdateStateMachine",
            "encryptionConfiguration.type",
            "enum CUSTOMER_MANAGED_KMS_KEY",
            "CUSTOMER_MANAGED_KMS_KEY",
            |c| {
                let e = encryption(Some(kms_key(80)), None);
                sent(
                    send(c.update_state_machine(sm_arn(60)).encryption_configuration(e)),
                    "CUSTOMER_MANAGED_KMS_KEY",
                )
            },
        ),
        // ValidateStateMachineDefinition
        accept("ValidateStateMachineDefinition", "definition", "min 1", "1 character", |c| {
            sent(send(c.validate_state_machine_definition("{")), "{")
        }),
        accept(
            "ValidateStateMachineDefinition",
            "definition",
            "max 1048576",
            "1048576 characters",
            |c| {
                let v = padded("{", 1_048_576);
                sent(send(c.validate_state_machine_definition(&v)), v)
            },
        ),
        accept("ValidateStateMachineDefinition", "maxResults", "min 0", "0", |c| {
            sent(send(c.validate_state_machine_definition(DEFINITION).max_results(0)), 0)
        }),
        accept("ValidateStateMachineDefinition", "maxResults", "max 100", "100", |c| {
            sent(send(c.validate_state_machine_definition(DEFINITION).max_results(100)), 100)
        }),
        accept("ValidateStateMachineDefinition", "type", "enum STANDARD", "STANDARD", |c| {
            let r =
                c.validate_state_machine_definition(DEFINITION).r#type(StateMachineType::Standard);
            sent(send(r), "STANDARD")
        }),
        accept("ValidateStateMachineDefinition", "type", "enum EXPRESS", "EXPRESS", |c| {
            let r =
                c.validate_state_machine_definition(DEFINITION).r#type(StateMachineType::Express);
            sent(send(r), "EXPRESS")
        }),
        accept("ValidateStateMachineDefinition", "severity", "enum ERROR", "ERROR", |c| {
            let r = c
                .validate_state_machine_definition(DEFINITION)
                .severity(ValidateStateMachineDefinitionSeverity::Error);
            sent(send(r), "ERROR")
        }),
        accept("ValidateStateMachineDefinition", "severity", "enum WARNING", "WARNING", |c| {
            let r = c
                .validate_state_machine_definition(DEFINITION)
                .severity(ValidateStateMachineDefinitionSeverity::Warning);
            sent(send(r), "WARNING")
        }),
        // TestState
        accept("TestState", "definition", "min 1", "1 character", |c| {
            sent(send(c.test_state("{")), "{")
        }),
        accept("TestState", "definition", "max 1048576", "1048576 characters", |c| {
            let v = padded("{", 1_048_576);
            sent(send(c.test_state(&v)), v)
        }),
        accept("TestState", "roleArn", "min 1", "1 character", |c| {
            sent(send(c.test_state(DEFINITION).role_arn("r")), "r")
        }),
        accept("TestState", "roleArn", "max 256", "256 characters", |c| {
            let v = role_arn(256);
            sent(send(c.test_state(DEFINITION).role_arn(&v)), v)
        }),
        accept("TestState", "input", "max 262144", "262144 characters", |c| {
            let v = json_of_len(262_144);
            sent(send(c.test_state(DEFINITION).input(&v)), v)
        }),
        accept("TestState", "variables", "max 262144", "262144 characters", |c| {
            let v = json_of_len(262_144);
            sent(send(c.test_state(DEFINITION).variables(&v)), v)
        }),
        accept("TestState", "context", "max 262144", "262144 characters", |c| {
            let v = json_of_len(262_144);
            sent(send(c.test_state(DEFINITION).context(&v)), v)
        }),
        accept("TestState", "stateName", "min 1", "1 character", |c| {
            sent(send(c.test_state(DEFINITION).state_name("s")), "s")
        }),
        accept("TestState", "stateName", "max 80", "80 characters", |c| {
            let v = "s".repeat(80);
            sent(send(c.test_state(DEFINITION).state_name(&v)), v)
        }),
        accept("TestState", "inspectionLevel", "enum INFO", "INFO", |c| {
            sent(send(c.test_state(DEFINITION).inspection_level(InspectionLevel::Info)), "INFO")
        }),
        accept("TestState", "inspectionLevel", "enum DEBUG", "DEBUG", |c| {
            sent(send(c.test_state(DEFINITION).inspection_level(InspectionLevel::Debug)), "DEBUG")
        }),
        accept("TestState", "inspectionLevel", "enum TRACE", "TRACE", |c| {
            sent(send(c.test_state(DEFINITION).inspection_level(InspectionLevel::Trace)), "TRACE")
        }),
        accept("TestState", "mock.result", "max 262144", "262144 characters", |c| {
            let v = json_of_len(262_144);
            sent(send(c.test_state(DEFINITION).mock(mock_result(v.clone()))), v)
        }),
        accept("TestState", "mock.errorOutput.error", "min 0", "empty", |c| {
            sent(send(c.test_state(DEFINITION).mock(mock_error(String::new(), "c".into()))), "")
        }),
        accept("TestState", "mock.errorOutput.error", "max 256", "256 characters", |c| {
            let v = "e".repeat(256);
            sent(send(c.test_state(DEFINITION).mock(mock_error(v.clone(), "c".into()))), v)
        }),
        accept("TestState", "mock.errorOutput.cause", "min 0", "empty", |c| {
            sent(send(c.test_state(DEFINITION).mock(mock_error("e".into(), String::new()))), "")
        }),
        accept("TestState", "mock.errorOutput.cause", "max 32768", "32768 characters", |c| {
            let v = "c".repeat(32_768);
            sent(send(c.test_state(DEFINITION).mock(mock_error("e".into(), v.clone()))), v)
        }),
        accept("TestState", "mock.fieldValidationMode", "enum STRICT", "STRICT", |c| {
            sent(
                send(c.test_state(DEFINITION).mock(mock_mode(MockResponseValidationMode::Strict))),
                "STRICT",
            )
        }),
        accept("TestState", "mock.fieldValidationMode", "enum PRESENT", "PRESENT", |c| {
            sent(
                send(c.test_state(DEFINITION).mock(mock_mode(MockResponseValidationMode::Present))),
                "PRESENT",
            )
        }),
        accept("TestState", "mock.fieldValidationMode", "enum NONE", "NONE", |c| {
            sent(
                send(c.test_state(DEFINITION).mock(mock_mode(MockResponseValidationMode::None))),
                "NONE",
            )
        }),
        accept("TestState", "stateConfiguration.retrierRetryCount", "min 0", "0", |c| {
            let config =
                TestStateConfiguration { retrier_retry_count: Some(0), ..Default::default() };
            sent(send(c.test_state(DEFINITION).state_configuration(config)), 0)
        }),
        accept("TestState", "stateConfiguration.mapIterationFailureCount", "min 0", "0", |c| {
            let config = TestStateConfiguration {
                map_iteration_failure_count: Some(0),
                ..Default::default()
            };
            sent(send(c.test_state(DEFINITION).state_configuration(config)), 0)
        }),
        accept("TestState", "stateConfiguration.errorCausedByState", "min 1", "1 character", |c| {
            let config = TestStateConfiguration {
                error_caused_by_state: Some("s".into()),
                ..Default::default()
            };
            sent(send(c.test_state(DEFINITION).state_configuration(config)), "s")
        }),
        accept(
            "TestState",
            "stateConfiguration.errorCausedByState",
            "max 80",
            "80 characters",
            |c| {
                let v = "s".repeat(80);
                let config = TestStateConfiguration {
                    error_caused_by_state: Some(v.clone().into()),
                    ..Default::default()
                };
                sent(send(c.test_state(DEFINITION).state_configuration(config)), v)
            },
        ),
        accept(
            "TestState",
            "stateConfiguration.mapItemReaderData",
            "max 262144",
            "262144 characters",
            |c| {
                let v = json_of_len(262_144);
                let config = TestStateConfiguration {
                    map_item_reader_data: Some(v.clone().into()),
                    ..Default::default()
                };
                sent(send(c.test_state(DEFINITION).state_configuration(config)), v)
            },
        ),
    ]
}

#[tokio::test]
async fn broken_rules_are_refused_before_sending() {
    let server = Server::always(Reply::ok("{}")).await;
    let client = client(&server);
    for rule in refused() {
        let ctx = format!("{} {} {}", rule.op, rule.member, rule.what);
        let e = match (rule.call)(&client).await {
            Ok(output) => panic!("{ctx}: accepted, server answered {output}"),
            Err(e) => e,
        };
        assert_eq!(e.kind(), ErrorKind::InvalidInput, "{ctx}: {e:?}");
        assert_eq!(e.operation(), Some(rule.op), "{ctx}: {e:?}");
        assert_eq!((e.code(), e.status()), (None, None), "{ctx}: {e:?}");
        let shown = e.to_string();
        assert!(shown.contains(&format!("`{}`", leaf(rule.member))), "{ctx}: {shown}");
        assert!(shown.contains(rule.op), "{ctx}: {shown}");
        assert_eq!(server.request_count(), 0, "{ctx}: a request was sent");
    }
}

#[tokio::test]
async fn values_at_the_limits_are_sent() {
    let server = Server::always(Reply::ok("{}")).await;
    let client = client(&server);
    for (sent, rule) in accepted().into_iter().enumerate() {
        let ctx = format!("{} {} {}", rule.op, rule.member, rule.what);
        let (call, value) = (rule.call)(&client);
        if let Err(e) = call.await {
            panic!("{ctx}: refused: {e}");
        }
        assert_eq!(server.request_count(), sent + 1, "{ctx}");
        let request = server.last_request();
        assert_eq!(request.operation(), Some(rule.op), "{ctx}");
        let body = request.json().unwrap();
        let at = pointer(rule.member);
        assert_eq!(body.pointer(&at), Some(&value), "{ctx}: the value at {at} of the body");
    }
}

/// The model says `encryptionConfiguration.type` is required (within an
/// encryption configuration); an unset type is sent as `"type": ""`.
#[tokio::test]
async fn an_encryption_configuration_without_its_type_is_refused() {
    let server = Server::always(Reply::ok("{}")).await;
    let client = client(&server);
    let unset = EncryptionConfiguration {
        kms_key_id: Some(kms_key(80)),
        kms_data_key_reuse_period_seconds: Some(300),
        ..EncryptionConfiguration::default()
    };
    let call = create(&client).encryption_configuration(unset).await;
    let sent = server.requests().first().map(|r| r.json().unwrap());
    let e =
        call.expect_err(&format!("an encryption configuration without a type was sent: {sent:?}"));
    assert_eq!(e.kind(), ErrorKind::InvalidInput, "{e:?}");
    assert!(e.to_string().contains("`type`"), "{e}");
    assert_eq!(server.request_count(), 0);
}

/// Rules whose refused side is tested on its own, outside the table.
const OWN_TEST: &[(&str, &str, &str)] = &[
    // an_encryption_configuration_without_its_type_is_refused
    ("CreateStateMachine", "encryptionConfiguration.type", "required"),
    // a_routing_weight_is_always_sent
    ("CreateStateMachineAlias", "routingConfiguration[].weight", "required"),
    ("UpdateStateMachineAlias", "routingConfiguration[].weight", "required"),
];

/// A route's weight is a plain integer, so it cannot be missing: it is sent
/// even when 0, for creating and for updating an alias.
#[tokio::test]
async fn a_routing_weight_is_always_sent() {
    let server = Server::always(Reply::ok("{}")).await;
    let client = client(&server);
    let create =
        client.create_state_machine_alias("PROD").route(sm_arn(60), 100).route(sm_arn(61), 0);
    create.await.expect("sent");
    let update = client.update_state_machine_alias(sm_arn(62)).route(sm_arn(61), 0);
    update.await.expect("sent");
    for request in server.requests() {
        let routes = request.json().unwrap()["routingConfiguration"].clone();
        let last = routes.as_array().and_then(|r| r.last()).cloned().unwrap_or_default();
        assert_eq!(last["weight"], json!(0), "{routes}");
    }
    assert_eq!(server.request_count(), 2);
}

/// `(op, member, rule)` triples: what rows test, or what the model asks.
type Checks = BTreeSet<(String, String, String)>;

/// What the model's rules ask of the rows: `(op, member, rule)` for the
/// refused side and for the accepted side.
fn checks_from_the_model() -> (Checks, Checks) {
    let (mut refused, mut accepted) = (BTreeSet::new(), BTreeSet::new());
    for (op, input) in model::inputs() {
        for rule in &input.rules {
            let key = |what: String| (op.clone(), rule.member.clone(), what);
            let is_string = rule.r#type == "string";
            if rule.required && rule.r#type != "structure" {
                refused.insert(key("required".into()));
            }
            if let Some(min) = rule.min {
                accepted.insert(key(format!("min {min}")));
                if !(is_string && min == 0.0) {
                    refused.insert(key(format!("min {min}")));
                }
            }
            if let Some(max) = rule.max {
                accepted.insert(key(format!("max {max}")));
                refused.insert(key(format!("max {max}")));
            }
            for value in rule.r#enum.iter().flatten() {
                accepted.insert(key(format!("enum {value}")));
            }
            if rule.pattern.is_some() {
                accepted.insert(key("pattern".into()));
                refused.insert(key("pattern".into()));
            }
        }
    }
    (refused, accepted)
}

/// The `(op, member, rule)` triples rows test, but not `extra:` ones.
fn tested<'a>(rows: impl Iterator<Item = (&'a str, &'a str, &'a str)>) -> Checks {
    rows.filter(|(_, _, rules)| !rules.starts_with("extra:"))
        .flat_map(|(op, member, rules)| {
            rules.split(", ").map(move |r| (op.to_owned(), member.to_owned(), r.to_owned()))
        })
        .collect()
}

#[test]
fn every_rule_of_the_model_has_its_rows() {
    let (want_refused, want_accepted) = checks_from_the_model();
    let own: Checks =
        OWN_TEST.iter().map(|(o, m, r)| ((*o).into(), (*m).into(), (*r).into())).collect();
    let refused = tested(refused().iter().map(|r| (r.op, r.member, r.rules)));
    let accepted = tested(accepted().iter().map(|r| (r.op, r.member, r.rules)));
    let missing: Vec<_> = want_refused.difference(&refused).filter(|c| !own.contains(c)).collect();
    assert!(missing.is_empty(), "rules without a refused row: {missing:#?}");
    let missing: Vec<_> = want_accepted.difference(&accepted).collect();
    assert!(missing.is_empty(), "limits without an accepted row: {missing:#?}");
    // And no row claims a rule the model does not have.
    let unknown: Vec<_> = refused.difference(&want_refused).collect();
    assert!(unknown.is_empty(), "refused rows for rules the model does not have: {unknown:#?}");
    let unknown: Vec<_> = accepted.difference(&want_accepted).collect();
    assert!(unknown.is_empty(), "accepted rows for limits the model does not have: {unknown:#?}");
}

/// Every row names an operation of the crate and a member of its input, and
/// every operation has rows on both sides.
#[test]
fn every_operation_has_rows_and_rows_name_real_members() {
    let inputs = model::inputs();
    let rows: Vec<(&str, &str)> = refused()
        .iter()
        .map(|r| (r.op, r.member))
        .chain(accepted().iter().map(|r| (r.op, r.member)))
        .collect();
    for (op, member) in &rows {
        let input = inputs.get(*op).unwrap_or_else(|| panic!("{op} is not an operation"));
        let known = input.members.iter().any(|m| m == member)
            || input.rules.iter().any(|r| r.member == *member);
        assert!(known, "{op} has no member {member}");
    }
    for (what, ops) in [
        ("refused rows", refused().iter().map(|r| r.op).collect::<BTreeSet<_>>()),
        ("accepted rows", accepted().iter().map(|r| r.op).collect::<BTreeSet<_>>()),
    ] {
        common::assert_every_operation_once(what, ops);
    }
}

/// Skipped (with a note) when the model is not present.
#[test]
fn the_input_fixture_is_what_the_model_says() {
    let fixture = common::fixture_json("operation-inputs.json");
    let fixture = fixture.as_object().expect("an object");
    common::assert_every_operation_once(
        "fixtures/operation-inputs.json",
        fixture.keys().map(String::as_str),
    );
    let Some(derived) = model::from_spec() else { return };
    for (op, input) in &derived.inputs {
        assert_eq!(
            fixture.get(op),
            Some(input),
            "{op}: fixtures/operation-inputs.json is stale: run \
             python3 tests/fixtures/generate_model_fixtures.py"
        );
    }
}

/// ListExecutions takes exactly one of two ARNs: a refusal must name both,
/// so the caller knows what to change.
#[tokio::test]
async fn list_executions_refusals_name_both_arns() {
    let server = Server::always(Reply::ok("{}")).await;
    let client = client(&server);
    let both = client.list_executions().state_machine_arn(sm_arn(60)).map_run_arn(map_run_arn(90));
    let neither = client.list_executions().max_results(5);
    for (what, call) in [("both", send(both)), ("neither", send(neither))] {
        let e = call.await.expect_err(what);
        let shown = e.to_string();
        assert_eq!(e.kind(), ErrorKind::InvalidInput, "{what}: {e:?}");
        for member in ["`stateMachineArn`", "`mapRunArn`"] {
            assert!(shown.contains(member), "{what}: {shown} lacks {member}");
        }
    }
    assert_eq!(server.request_count(), 0);
}

#[test]
fn the_test_values_have_the_lengths_they_claim() {
    for len in [60, 80, 90, 256, 257, 2000, 2001, 2048, 2049] {
        for (what, value) in [
            ("arn", arn(len)),
            ("map_run_arn", map_run_arn(len)),
            ("sm_arn", sm_arn(len)),
            ("role_arn", role_arn(len)),
            ("log_group_arn", log_group_arn(len)),
            ("kms_key", kms_key(len)),
        ] {
            assert_eq!(value.chars().count(), len, "{what}({len})");
        }
        assert!(map_run_arn(len).contains(":mapRun:"));
        assert!(sm_arn(len).contains(":stateMachine:"));
    }
    assert_eq!(printable(b'!', b'`').len(), 64);
    assert_eq!(printable(b'!', b'~').len(), 94);
    assert_eq!(padded("{", 1_048_577).len(), 1_048_577);
}

#[test]
fn pointers_follow_member_paths() {
    assert_eq!(pointer("name"), "/name");
    assert_eq!(pointer("tags[].key"), "/tags/0/key");
    assert_eq!(
        pointer("loggingConfiguration.destinations[].cloudWatchLogsLogGroup.logGroupArn"),
        "/loggingConfiguration/destinations/0/cloudWatchLogsLogGroup/logGroupArn"
    );
    assert_eq!(leaf("tags[].key"), "key");
    assert_eq!(leaf("encryptionConfiguration.type"), "type");
}
