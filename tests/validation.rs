//! The service model's rules are enforced before anything is sent: each
//! broken rule gives `ErrorKind::InvalidInput` naming the wire member, and
//! the server never sees a request. Values right at each limit do go out.
//!
//! One row per rule in [`refused`], one per limit in [`accepted`]. To cover
//! an operation, add its rows: the operation, the wire member, what is
//! wrong, and a call that breaks (or just meets) the rule.

mod common;

use common::{Pending, Reply, Server, client, send, send_input};
use sfn_lite::operations::{
    DescribeExecutionInput, DescribeMapRunInput, DescribeStateMachineForExecutionInput,
    DescribeStateMachineInput, GetExecutionHistoryInput, ListExecutionsInput, ListMapRunsInput,
    UpdateMapRunInput,
};
use sfn_lite::types::{ExecutionRedriveFilter, ExecutionStatus, IncludedData};
use sfn_lite::{Client, ErrorKind};

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

fn token(len: usize) -> String {
    "t".repeat(len)
}

struct Rule {
    op: &'static str,
    member: &'static str,
    what: &'static str,
    call: fn(&Client) -> Pending,
}

fn rule(
    op: &'static str,
    member: &'static str,
    what: &'static str,
    call: fn(&Client) -> Pending,
) -> Rule {
    Rule { op, member, what, call }
}

/// Inputs that break a rule of the model.
fn refused() -> Vec<Rule> {
    vec![
        // GetExecutionHistory
        rule("GetExecutionHistory", "executionArn", "missing", |c| {
            send_input(c, GetExecutionHistoryInput::default())
        }),
        rule("GetExecutionHistory", "executionArn", "empty", |c| send(c.get_execution_history(""))),
        rule("GetExecutionHistory", "executionArn", "257 characters", |c| {
            send(c.get_execution_history(arn(257)))
        }),
        rule("GetExecutionHistory", "maxResults", "1001", |c| {
            send(c.get_execution_history(arn(60)).max_results(1001))
        }),
        rule("GetExecutionHistory", "maxResults", "-1", |c| {
            send(c.get_execution_history(arn(60)).max_results(-1))
        }),
        rule("GetExecutionHistory", "nextToken", "1025 characters", |c| {
            send(c.get_execution_history(arn(60)).next_token(token(1025)))
        }),
        rule("GetExecutionHistory", "nextToken", "empty", |c| {
            send(c.get_execution_history(arn(60)).next_token(""))
        }),
        // ListMapRuns
        rule("ListMapRuns", "executionArn", "missing", |c| {
            send_input(c, ListMapRunsInput::default())
        }),
        rule("ListMapRuns", "executionArn", "empty", |c| send(c.list_map_runs(""))),
        rule("ListMapRuns", "executionArn", "257 characters", |c| send(c.list_map_runs(arn(257)))),
        rule("ListMapRuns", "maxResults", "1001", |c| {
            send(c.list_map_runs(arn(60)).max_results(1001))
        }),
        rule("ListMapRuns", "maxResults", "-1", |c| send(c.list_map_runs(arn(60)).max_results(-1))),
        rule("ListMapRuns", "maxResults", "i32::MIN", |c| {
            send(c.list_map_runs(arn(60)).max_results(i32::MIN))
        }),
        rule("ListMapRuns", "nextToken", "1025 characters", |c| {
            send(c.list_map_runs(arn(60)).next_token(token(1025)))
        }),
        rule("ListMapRuns", "nextToken", "empty", |c| {
            send(c.list_map_runs(arn(60)).next_token(""))
        }),
        // DescribeMapRun
        rule("DescribeMapRun", "mapRunArn", "missing", |c| {
            send_input(c, DescribeMapRunInput::default())
        }),
        rule("DescribeMapRun", "mapRunArn", "empty", |c| send(c.describe_map_run(""))),
        rule("DescribeMapRun", "mapRunArn", "2001 characters", |c| {
            send(c.describe_map_run(map_run_arn(2001)))
        }),
        // UpdateMapRun
        rule("UpdateMapRun", "mapRunArn", "missing", |c| {
            send_input(c, UpdateMapRunInput::default())
        }),
        rule("UpdateMapRun", "mapRunArn", "empty", |c| {
            send(c.update_map_run("").max_concurrency(1))
        }),
        rule("UpdateMapRun", "mapRunArn", "2001 characters", |c| {
            send(c.update_map_run(map_run_arn(2001)))
        }),
        rule("UpdateMapRun", "maxConcurrency", "-1", |c| {
            send(c.update_map_run(map_run_arn(90)).max_concurrency(-1))
        }),
        rule("UpdateMapRun", "toleratedFailurePercentage", "100.5", |c| {
            send(c.update_map_run(map_run_arn(90)).tolerated_failure_percentage(100.5))
        }),
        rule("UpdateMapRun", "toleratedFailurePercentage", "-1", |c| {
            send(c.update_map_run(map_run_arn(90)).tolerated_failure_percentage(-1.0))
        }),
        rule("UpdateMapRun", "toleratedFailurePercentage", "NaN", |c| {
            send(c.update_map_run(map_run_arn(90)).tolerated_failure_percentage(f64::NAN))
        }),
        rule("UpdateMapRun", "toleratedFailurePercentage", "infinity", |c| {
            send(c.update_map_run(map_run_arn(90)).tolerated_failure_percentage(f64::INFINITY))
        }),
        rule("UpdateMapRun", "toleratedFailureCount", "-1", |c| {
            send(c.update_map_run(map_run_arn(90)).tolerated_failure_count(-1))
        }),
        rule("UpdateMapRun", "toleratedFailureCount", "valid others, bad count", |c| {
            let r = c
                .update_map_run(map_run_arn(90))
                .max_concurrency(3)
                .tolerated_failure_percentage(50.0)
                .tolerated_failure_count(-5);
            send(r)
        }),
        // DescribeExecution
        rule("DescribeExecution", "executionArn", "missing", |c| {
            send_input(c, DescribeExecutionInput::default())
        }),
        rule("DescribeExecution", "executionArn", "empty", |c| send(c.describe_execution(""))),
        rule("DescribeExecution", "executionArn", "257 characters", |c| {
            send(c.describe_execution(arn(257)))
        }),
        rule("DescribeExecution", "executionArn", "257 characters, metadata only", |c| {
            send(c.describe_execution(arn(257)).included_data(IncludedData::MetadataOnly))
        }),
        // ListExecutions
        rule("ListExecutions", "stateMachineArn", "neither ARN (plain input)", |c| {
            send_input(c, ListExecutionsInput::default())
        }),
        rule("ListExecutions", "stateMachineArn", "neither ARN (builder)", |c| {
            send(c.list_executions())
        }),
        rule("ListExecutions", "mapRunArn", "neither ARN, every other member set", |c| {
            let r = c
                .list_executions()
                .status_filter(ExecutionStatus::Running)
                .max_results(10)
                .next_token("t")
                .redrive_filter(ExecutionRedriveFilter::Redriven);
            send(r)
        }),
        rule("ListExecutions", "stateMachineArn", "both ARNs", |c| {
            send(c.list_executions().state_machine_arn(sm_arn(60)).map_run_arn(map_run_arn(90)))
        }),
        rule("ListExecutions", "mapRunArn", "both ARNs (plain input)", |c| {
            let mut input = ListExecutionsInput::for_map_run(map_run_arn(90));
            input.state_machine_arn = Some(sm_arn(60));
            send_input(c, input)
        }),
        rule("ListExecutions", "stateMachineArn", "empty", |c| {
            send(c.list_executions().state_machine_arn(""))
        }),
        rule("ListExecutions", "stateMachineArn", "257 characters", |c| {
            send(c.list_executions().state_machine_arn(sm_arn(257)))
        }),
        rule("ListExecutions", "mapRunArn", "empty", |c| send(c.list_executions().map_run_arn(""))),
        rule("ListExecutions", "mapRunArn", "2001 characters", |c| {
            send(c.list_executions().map_run_arn(map_run_arn(2001)))
        }),
        rule("ListExecutions", "maxResults", "1001", |c| {
            send(c.list_executions().state_machine_arn(sm_arn(60)).max_results(1001))
        }),
        rule("ListExecutions", "maxResults", "-1", |c| {
            send(c.list_executions().map_run_arn(map_run_arn(90)).max_results(-1))
        }),
        rule("ListExecutions", "maxResults", "i32::MIN", |c| {
            send(c.list_executions().state_machine_arn(sm_arn(60)).max_results(i32::MIN))
        }),
        rule("ListExecutions", "nextToken", "empty", |c| {
            send(c.list_executions().state_machine_arn(sm_arn(60)).next_token(""))
        }),
        rule("ListExecutions", "nextToken", "3097 characters", |c| {
            send(c.list_executions().state_machine_arn(sm_arn(60)).next_token(token(3097)))
        }),
        rule("ListExecutions", "nextToken", "3097 characters, by Map Run", |c| {
            send(c.list_executions().map_run_arn(map_run_arn(90)).next_token(token(3097)))
        }),
        // DescribeStateMachine
        rule("DescribeStateMachine", "stateMachineArn", "missing", |c| {
            send_input(c, DescribeStateMachineInput::default())
        }),
        rule("DescribeStateMachine", "stateMachineArn", "empty", |c| {
            send(c.describe_state_machine(""))
        }),
        rule("DescribeStateMachine", "stateMachineArn", "257 characters", |c| {
            send(c.describe_state_machine(sm_arn(257)))
        }),
        rule("DescribeStateMachine", "stateMachineArn", "257 characters, all data", |c| {
            send(c.describe_state_machine(sm_arn(257)).included_data(IncludedData::AllData))
        }),
        // DescribeStateMachineForExecution
        rule("DescribeStateMachineForExecution", "executionArn", "missing", |c| {
            send_input(c, DescribeStateMachineForExecutionInput::default())
        }),
        rule("DescribeStateMachineForExecution", "executionArn", "empty", |c| {
            send(c.describe_state_machine_for_execution(""))
        }),
        rule("DescribeStateMachineForExecution", "executionArn", "257 characters", |c| {
            send(c.describe_state_machine_for_execution(arn(257)))
        }),
        rule(
            "DescribeStateMachineForExecution",
            "executionArn",
            "257 characters, metadata only",
            |c| {
                let r = c
                    .describe_state_machine_for_execution(arn(257))
                    .included_data(IncludedData::MetadataOnly);
                send(r)
            },
        ),
    ]
}

/// Inputs right at a limit: they must reach the server.
fn accepted() -> Vec<Rule> {
    vec![
        rule("GetExecutionHistory", "executionArn", "256 characters", |c| {
            send(c.get_execution_history(arn(256)))
        }),
        rule("GetExecutionHistory", "maxResults", "0 and 1000", |c| {
            send(c.get_execution_history(arn(60)).max_results(0).max_results(1000))
        }),
        rule("GetExecutionHistory", "nextToken", "1024 characters", |c| {
            send(c.get_execution_history(arn(60)).next_token(token(1024)))
        }),
        rule("ListMapRuns", "executionArn", "1 character", |c| send(c.list_map_runs("a"))),
        rule("ListMapRuns", "executionArn", "256 characters", |c| send(c.list_map_runs(arn(256)))),
        rule("ListMapRuns", "executionArn", "256 two-byte characters", |c| {
            send(c.list_map_runs("é".repeat(256)))
        }),
        rule("ListMapRuns", "maxResults", "0", |c| send(c.list_map_runs(arn(60)).max_results(0))),
        rule("ListMapRuns", "maxResults", "1000", |c| {
            send(c.list_map_runs(arn(60)).max_results(1000))
        }),
        rule("ListMapRuns", "nextToken", "1 character", |c| {
            send(c.list_map_runs(arn(60)).next_token(token(1)))
        }),
        rule("ListMapRuns", "nextToken", "1024 characters", |c| {
            send(c.list_map_runs(arn(60)).next_token(token(1024)))
        }),
        rule("DescribeMapRun", "mapRunArn", "2000 characters", |c| {
            send(c.describe_map_run(map_run_arn(2000)))
        }),
        rule("UpdateMapRun", "mapRunArn", "2000 characters", |c| {
            send(c.update_map_run(map_run_arn(2000)))
        }),
        rule("UpdateMapRun", "maxConcurrency", "0", |c| {
            send(c.update_map_run(map_run_arn(90)).max_concurrency(0))
        }),
        rule("UpdateMapRun", "maxConcurrency", "i32::MAX", |c| {
            send(c.update_map_run(map_run_arn(90)).max_concurrency(i32::MAX))
        }),
        rule("UpdateMapRun", "toleratedFailurePercentage", "0", |c| {
            send(c.update_map_run(map_run_arn(90)).tolerated_failure_percentage(0.0))
        }),
        rule("UpdateMapRun", "toleratedFailurePercentage", "100", |c| {
            send(c.update_map_run(map_run_arn(90)).tolerated_failure_percentage(100.0))
        }),
        rule("UpdateMapRun", "toleratedFailureCount", "0", |c| {
            send(c.update_map_run(map_run_arn(90)).tolerated_failure_count(0))
        }),
        rule("UpdateMapRun", "toleratedFailureCount", "i64::MAX", |c| {
            send(c.update_map_run(map_run_arn(90)).tolerated_failure_count(i64::MAX))
        }),
        rule("DescribeExecution", "executionArn", "1 character", |c| {
            send(c.describe_execution("a"))
        }),
        rule("DescribeExecution", "executionArn", "256 characters", |c| {
            send(c.describe_execution(arn(256)))
        }),
        rule("DescribeExecution", "includedData", "METADATA_ONLY", |c| {
            send(c.describe_execution(arn(60)).included_data(IncludedData::MetadataOnly))
        }),
        rule("DescribeExecution", "includedData", "ALL_DATA", |c| {
            send(c.describe_execution(arn(60)).included_data(IncludedData::AllData))
        }),
        rule("ListExecutions", "stateMachineArn", "1 character", |c| {
            send(c.list_executions().state_machine_arn("a"))
        }),
        rule("ListExecutions", "stateMachineArn", "256 characters", |c| {
            send(c.list_executions().state_machine_arn(sm_arn(256)))
        }),
        rule("ListExecutions", "stateMachineArn", "plain input", |c| {
            send_input(c, ListExecutionsInput::for_state_machine(sm_arn(60)))
        }),
        rule("ListExecutions", "mapRunArn", "1 character", |c| {
            send(c.list_executions().map_run_arn("a"))
        }),
        rule("ListExecutions", "mapRunArn", "2000 characters", |c| {
            send(c.list_executions().map_run_arn(map_run_arn(2000)))
        }),
        rule("ListExecutions", "mapRunArn", "plain input", |c| {
            send_input(c, ListExecutionsInput::for_map_run(map_run_arn(90)))
        }),
        rule("ListExecutions", "maxResults", "0", |c| {
            send(c.list_executions().state_machine_arn(sm_arn(60)).max_results(0))
        }),
        rule("ListExecutions", "maxResults", "1000", |c| {
            send(c.list_executions().map_run_arn(map_run_arn(90)).max_results(1000))
        }),
        rule("ListExecutions", "nextToken", "1 character", |c| {
            send(c.list_executions().state_machine_arn(sm_arn(60)).next_token(token(1)))
        }),
        rule("ListExecutions", "nextToken", "1025 characters (over ListMapRuns' limit)", |c| {
            send(c.list_executions().state_machine_arn(sm_arn(60)).next_token(token(1025)))
        }),
        rule("ListExecutions", "nextToken", "3096 characters", |c| {
            send(c.list_executions().state_machine_arn(sm_arn(60)).next_token(token(3096)))
        }),
        rule("ListExecutions", "nextToken", "3096 two-byte characters", |c| {
            send(c.list_executions().map_run_arn(map_run_arn(90)).next_token("é".repeat(3096)))
        }),
        rule(
            "ListExecutions",
            "mapRunArn",
            "2000 characters, every other member at its limit",
            |c| {
                let r = c
                    .list_executions()
                    .map_run_arn(map_run_arn(2000))
                    .status_filter(ExecutionStatus::PendingRedrive)
                    .max_results(1000)
                    .next_token(token(3096))
                    .redrive_filter(ExecutionRedriveFilter::NotRedriven);
                send(r)
            },
        ),
        rule("DescribeStateMachine", "stateMachineArn", "1 character", |c| {
            send(c.describe_state_machine("a"))
        }),
        rule("DescribeStateMachine", "stateMachineArn", "256 characters", |c| {
            send(c.describe_state_machine(sm_arn(256)))
        }),
        rule("DescribeStateMachine", "includedData", "METADATA_ONLY", |c| {
            send(c.describe_state_machine(sm_arn(60)).included_data(IncludedData::MetadataOnly))
        }),
        rule("DescribeStateMachineForExecution", "executionArn", "1 character", |c| {
            send(c.describe_state_machine_for_execution("a"))
        }),
        rule("DescribeStateMachineForExecution", "executionArn", "256 characters", |c| {
            send(c.describe_state_machine_for_execution(arn(256)))
        }),
        rule("DescribeStateMachineForExecution", "includedData", "ALL_DATA", |c| {
            let r = c
                .describe_state_machine_for_execution(arn(60))
                .included_data(IncludedData::AllData);
            send(r)
        }),
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
        assert!(shown.contains(&format!("`{}`", rule.member)), "{ctx}: {shown}");
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
        if let Err(e) = (rule.call)(&client).await {
            panic!("{ctx}: refused: {e}");
        }
        assert_eq!(server.request_count(), sent + 1, "{ctx}");
        let target = server.last_request().header("x-amz-target").map(str::to_owned);
        assert_eq!(target, Some(format!("AWSStepFunctions.{}", rule.op)), "{ctx}");
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
fn the_test_arns_have_the_lengths_they_claim() {
    for len in [60, 90, 256, 257, 2000, 2001] {
        assert_eq!(arn(len).chars().count(), len);
        assert_eq!(map_run_arn(len).chars().count(), len);
        assert_eq!(sm_arn(len).chars().count(), len);
        assert!(map_run_arn(len).contains(":mapRun:"));
        assert!(sm_arn(len).contains(":stateMachine:"));
    }
}
