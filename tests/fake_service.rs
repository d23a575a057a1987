//! The fake's service semantics, through `FakeSfn::client()`: every
//! operation answered, pagination with opaque tokens, history order and
//! data, ListExecutions by Map Run and status, UpdateMapRun seen by
//! DescribeMapRun, StartExecution's idempotency, the service's error codes;
//! and `follow`, `watch_map_run` and `wait_for_execution` against a fake
//! whose state the test changes over time with `testing::seed`.

mod common;

use futures::{StreamExt, TryStreamExt};
use serde_json::json;
use sfn_lite::operations::StartSyncExecutionOutput;
use sfn_lite::testing::FakeSfn;
use sfn_lite::testing::seed::{self, TaskOutcome};
use sfn_lite::types::history::{OutputEventDetails, StateEnteredEventDetails};
use sfn_lite::types::{
    EventDetails, ExecutionStatus, HistoryEvent, HistoryEventType, IncludedData, MapRunStatus,
    RoutingConfigurationListItem, StateMachineType, SyncExecutionStatus, Tag, TestExecutionStatus,
    ValidateStateMachineDefinitionResultCode,
};
use sfn_lite::{Error, ErrorKind};
use std::collections::BTreeSet;
use std::time::{Duration, SystemTime};

const DEFINITION: &str = seed::PASS_DEFINITION;
const ROLE: &str = seed::ROLE_ARN;
const POLL: Duration = Duration::from_millis(10);

/// The next item of a live stream, failing the test rather than hanging it.
async fn next<S: futures::Stream + Unpin>(stream: &mut S) -> Option<S::Item> {
    tokio::time::timeout(Duration::from_secs(10), stream.next()).await.expect("an item within 10 s")
}

/// The service error code of a failed call (panics on success or another kind).
fn code<T: std::fmt::Debug>(result: Result<T, Error>) -> String {
    let err = result.expect_err("a service error");
    assert_eq!(err.kind(), ErrorKind::Service, "{err}");
    err.code().map(|c| c.as_str().to_owned()).unwrap_or_default()
}

fn message<T: std::fmt::Debug>(result: Result<T, Error>) -> String {
    result.expect_err("a service error").message().unwrap_or_default().to_owned()
}

/// Every operation of the crate, answered through the client with the
/// state the previous ones left; the names called are checked against the
/// crate's list of operations.
#[tokio::test]
async fn every_operation_is_served() {
    let fake = FakeSfn::start().await;
    let client = fake.client();
    let mut called = BTreeSet::new();
    let mut call = |name: &'static str| called.insert(name);

    call("CreateStateMachine");
    let created = client
        .create_state_machine("orders", DEFINITION, ROLE)
        .publish(true)
        .version_description("first")
        .tags(vec![Tag::new("team", "data")])
        .await
        .unwrap();
    let sm = created.state_machine_arn.clone();
    assert_eq!(sm, "arn:aws:states:us-east-1:123456789012:stateMachine:orders");
    let v1 = created.state_machine_version_arn.clone().unwrap();
    assert_eq!(v1, format!("{sm}:1"));

    call("DescribeStateMachine");
    let described = client.describe_state_machine(&sm).await.unwrap();
    assert_eq!((described.name.as_str(), described.definition.as_str()), ("orders", DEFINITION));
    assert_eq!(described.r#type, StateMachineType::Standard);
    let first_revision = described.revision_id.clone().unwrap();
    let version = client.describe_state_machine(&v1).await.unwrap();
    assert_eq!(version.description.as_ref().map(|d| d.as_str()), Some("first"));

    call("UpdateStateMachine");
    let new_definition = r#"{"StartAt":"A","States":{"A":{"Type":"Succeed"}}}"#;
    let updated =
        client.update_state_machine(&sm).definition(new_definition).publish(true).await.unwrap();
    assert_ne!(updated.revision_id.as_deref(), Some(first_revision.as_str()));
    assert_eq!(updated.state_machine_version_arn.as_deref(), Some(format!("{sm}:2").as_str()));
    let described = client.describe_state_machine(&sm).await.unwrap();
    assert_eq!(described.definition.as_str(), new_definition);

    call("PublishStateMachineVersion");
    let again = client.publish_state_machine_version(&sm).await.unwrap();
    assert_eq!(again.state_machine_version_arn, format!("{sm}:2"), "same revision, same version");

    call("ListStateMachineVersions");
    let versions = client.list_state_machine_versions(&sm).await.unwrap();
    let arns: Vec<_> = versions
        .state_machine_versions
        .iter()
        .map(|v| v.state_machine_version_arn.as_str())
        .collect();
    assert_eq!(arns, [format!("{sm}:2"), v1.clone()], "newest first");

    call("CreateStateMachineAlias");
    let alias = client
        .create_state_machine_alias("live")
        .route(format!("{sm}:2"), 100)
        .await
        .unwrap()
        .state_machine_alias_arn;
    assert_eq!(alias, format!("{sm}:live"));

    call("UpdateStateMachineAlias");
    client
        .update_state_machine_alias(&alias)
        .routing_configuration(vec![
            RoutingConfigurationListItem::new(v1.clone(), 90),
            RoutingConfigurationListItem::new(format!("{sm}:2"), 10),
        ])
        .await
        .unwrap();

    call("DescribeStateMachineAlias");
    let described_alias = client.describe_state_machine_alias(&alias).await.unwrap();
    let routing = described_alias.routing_configuration.unwrap();
    assert_eq!((routing.len(), routing[0].weight), (2, 90));

    call("ListStateMachineAliases");
    let aliases = client.list_state_machine_aliases(&sm).await.unwrap();
    assert_eq!(aliases.state_machine_aliases[0].state_machine_alias_arn, alias);

    call("ListStateMachines");
    let machines = client.list_state_machines().await.unwrap();
    assert_eq!(machines.state_machines.len(), 1);

    call("StartExecution");
    let started = client.start_execution(&alias).name("first").input(r#"{"n":1}"#).await.unwrap();
    let execution = started.execution_arn.clone();
    assert_eq!(execution, "arn:aws:states:us-east-1:123456789012:execution:orders:first");

    call("DescribeExecution");
    let described = client.describe_execution(&execution).await.unwrap();
    assert_eq!(described.status, ExecutionStatus::Running);
    assert_eq!(described.input.as_ref().map(|i| i.as_str()), Some(r#"{"n":1}"#));
    assert_eq!(described.state_machine_alias_arn.as_deref(), Some(alias.as_str()));
    assert_eq!(described.state_machine_version_arn.as_deref(), Some(v1.as_str()));
    assert_eq!(described.start_date, started.start_date);

    call("DescribeStateMachineForExecution");
    let for_execution = client.describe_state_machine_for_execution(&execution).await.unwrap();
    assert_eq!(for_execution.state_machine_arn, v1, "the version the alias routed to");
    assert_eq!(for_execution.definition.as_str(), DEFINITION);

    call("ListExecutions");
    let listed = client.list_executions().state_machine_arn(&sm).await.unwrap();
    assert_eq!(listed.executions.len(), 1);
    assert_eq!(listed.executions[0].name, "first");

    call("GetExecutionHistory");
    let history = client.get_execution_history(&execution).await.unwrap();
    assert_eq!(history.events.len(), 1);
    assert_eq!(history.events[0].r#type, HistoryEventType::ExecutionStarted);

    call("StopExecution");
    client.stop_execution(&execution).error("Stopped").cause("by the test").await.unwrap();
    assert_eq!(fake.execution(&execution).unwrap().status, ExecutionStatus::Aborted);

    call("RedriveExecution");
    client.redrive_execution(&execution).await.unwrap();
    let redriven = fake.execution(&execution).unwrap();
    assert_eq!((redriven.status, redriven.redrive_count), (ExecutionStatus::Running, Some(1)));

    let run = fake.put_map_run(seed::map_run(&execution, "Map"));
    call("ListMapRuns");
    let runs = client.list_map_runs(&execution).await.unwrap();
    assert_eq!(runs.map_runs[0].map_run_arn, run);
    assert_eq!(runs.map_runs[0].state_machine_arn, format!("{sm}/Map"));

    call("UpdateMapRun");
    client.update_map_run(&run).max_concurrency(7).await.unwrap();
    call("DescribeMapRun");
    assert_eq!(client.describe_map_run(&run).await.unwrap().max_concurrency, 7);

    call("TagResource");
    client.tag_resource(&sm).tag("env", "test").await.unwrap();
    call("UntagResource");
    client.untag_resource(&sm, vec!["team".to_owned()]).await.unwrap();
    call("ListTagsForResource");
    let tags = client.list_tags_for_resource(&sm).await.unwrap().tags.unwrap();
    assert_eq!(tags, [Tag::new("env", "test")]);

    call("CreateActivity");
    let activity = client.create_activity("resize").await.unwrap().activity_arn;
    assert_eq!(activity, "arn:aws:states:us-east-1:123456789012:activity:resize");
    call("DescribeActivity");
    assert_eq!(client.describe_activity(&activity).await.unwrap().name, "resize");
    call("ListActivities");
    assert_eq!(client.list_activities().await.unwrap().activities.len(), 1);
    call("GetActivityTask");
    let none = client.get_activity_task(&activity).await.unwrap();
    assert!(none.task_token.is_none(), "no task queued: an empty answer at once");
    let first = fake.push_activity_task(&activity, r#"{"img":1}"#);
    let second = fake.push_activity_task(&activity, r#"{"img":2}"#);
    let third = fake.push_activity_task(&activity, r#"{"img":3}"#);
    let task = client.get_activity_task(&activity).await.unwrap();
    assert_eq!(task.task_token.as_ref().map(|t| t.as_str()), Some(first.as_str()));
    assert_eq!(task.input.as_ref().map(|i| i.as_str()), Some(r#"{"img":1}"#));
    call("SendTaskHeartbeat");
    client.send_task_heartbeat(&first).await.unwrap();
    assert_eq!(fake.task_heartbeats(&first), 1);
    call("SendTaskSuccess");
    client.send_task_success(&first, r#"{"ok":true}"#).await.unwrap();
    assert_eq!(
        fake.task_outcome(&first),
        Some(TaskOutcome::Succeeded { output: r#"{"ok":true}"#.into() })
    );
    assert_eq!(code(client.send_task_success(&first, "{}").await), "TaskTimedOut", "closed");
    let next = client.get_activity_task(&activity).await.unwrap();
    assert_eq!(next.task_token.as_ref().map(|t| t.as_str()), Some(second.as_str()), "in order");
    call("SendTaskFailure");
    client.send_task_failure(&second).error("Boom").await.unwrap();
    assert!(
        matches!(fake.task_outcome(&second), Some(TaskOutcome::Failed { error: Some(e), .. }) if e == "Boom")
    );
    assert!(fake.task_outcome(&third).is_none());
    call("DeleteActivity");
    client.delete_activity(&activity).await.unwrap();
    assert_eq!(code(client.describe_activity(&activity).await), "ActivityDoesNotExist");

    let express = client
        .create_state_machine("quick", DEFINITION, ROLE)
        .r#type(StateMachineType::Express)
        .await
        .unwrap()
        .state_machine_arn;
    call("StartSyncExecution");
    let sync = client.start_sync_execution(&express).input(r#"{"x":1}"#).await.unwrap();
    assert_eq!(sync.status, SyncExecutionStatus::Succeeded);
    assert_eq!(sync.output.as_ref().map(|o| o.as_str()), Some(r#"{"x":1}"#), "echoes the input");
    assert!(sync.execution_arn.starts_with("arn:aws:states:us-east-1:123456789012:express:quick:"));

    call("ValidateStateMachineDefinition");
    let valid = client.validate_state_machine_definition(DEFINITION).await.unwrap();
    assert_eq!(valid.result, ValidateStateMachineDefinitionResultCode::Ok);
    assert!(valid.diagnostics.is_empty());

    call("TestState");
    let tested =
        client.test_state(r#"{"Type":"Pass","Next":"B"}"#).input(r#"{"a":1}"#).await.unwrap();
    assert_eq!(tested.status, Some(TestExecutionStatus::Succeeded));
    assert_eq!(tested.output.as_ref().map(|o| o.as_str()), Some(r#"{"a":1}"#));
    assert_eq!(tested.next_state.as_deref(), Some("B"));

    call("DeleteStateMachineAlias");
    client.delete_state_machine_alias(&alias).await.unwrap();
    call("DeleteStateMachineVersion");
    client.delete_state_machine_version(&v1).await.unwrap();
    assert_eq!(
        client.list_state_machine_versions(&sm).await.unwrap().state_machine_versions.len(),
        1
    );
    call("DeleteStateMachine");
    client.delete_state_machine(&sm).await.unwrap();
    assert_eq!(code(client.describe_state_machine(&sm).await), "StateMachineDoesNotExist");

    let all: BTreeSet<&str> = common::OPERATIONS.into_iter().collect();
    assert_eq!(called, all, "the scenario calls every operation once");
}

#[tokio::test]
async fn pages_carry_opaque_tokens_bound_to_their_listing() {
    let fake = FakeSfn::start().await;
    let client = fake.client();
    let sm = fake.put_state_machine(seed::state_machine("many", DEFINITION));
    let other = fake.put_state_machine(seed::state_machine("other", DEFINITION));
    for i in 0..5 {
        fake.put_execution(seed::execution(&sm, &format!("e{i}")));
        fake.put_execution(seed::execution(&other, &format!("o{i}")));
    }
    let first = client.list_executions().state_machine_arn(&sm).max_results(2).await.unwrap();
    assert_eq!(first.executions.len(), 2);
    let token = first.next_token.clone().unwrap();
    assert!(token.parse::<u64>().is_err(), "not a bare index: {token}");

    let names: Vec<String> = client
        .list_executions()
        .state_machine_arn(&sm)
        .into_paginator()
        .page_size(2)
        .items()
        .map_ok(|e| e.name)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(names, ["e4", "e3", "e2", "e1", "e0"], "newest first, each once");

    let elsewhere = client.list_executions().state_machine_arn(&other).next_token(&token).await;
    assert_eq!(code(elsewhere), "InvalidToken", "a token of another listing");
    let filtered = client
        .list_executions()
        .state_machine_arn(&sm)
        .status_filter(ExecutionStatus::Running)
        .next_token(&token)
        .await;
    assert_eq!(code(filtered), "InvalidToken", "a token of the unfiltered listing");
    let garbage = client.list_executions().state_machine_arn(&sm).next_token("2").await;
    assert_eq!(code(garbage), "InvalidToken");
    let machines = client.list_state_machines().next_token(&token).await;
    assert_eq!(code(machines), "InvalidToken", "a token of another operation");

    // maxResults 0 or absent is the service's default of 100; 1000 at most.
    for i in 5..150 {
        fake.put_execution(seed::execution(&sm, &format!("e{i}")));
    }
    let default = client.list_executions().state_machine_arn(&sm).await.unwrap();
    assert_eq!(default.executions.len(), 100);
    let zero = client.list_executions().state_machine_arn(&sm).max_results(0).await.unwrap();
    assert_eq!(zero.executions.len(), 100);
    let big = client.list_executions().state_machine_arn(&sm).max_results(1000).await.unwrap();
    assert_eq!((big.executions.len(), big.next_token), (150, None));
}

#[tokio::test]
async fn the_service_checks_inputs_and_unknown_operations() {
    let fake = FakeSfn::start().await;
    let url = fake.url();
    let client = fake.client();
    // Checks the client makes first are made by the service too: send raw
    // bodies past the client's own validation.
    let raw = |target: &str, body: serde_json::Value| {
        let addr = url.trim_start_matches("http://").to_owned();
        let body = body.to_string();
        let request = format!(
            "POST / HTTP/1.1\r\nhost: {addr}\r\nx-amz-target: AWSStepFunctions.{target}\r\n\
             content-type: application/x-amz-json-1.0\r\ncontent-length: {}\r\n\
             connection: close\r\n\r\n{body}",
            body.len()
        );
        async move {
            use tokio::io::{AsyncReadExt, AsyncWriteExt};
            let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
            stream.write_all(request.as_bytes()).await.unwrap();
            let mut response = String::new();
            stream.read_to_string(&mut response).await.unwrap();
            let status = response[9..12].parse::<u16>().unwrap();
            let (_, body) = response.split_once("\r\n\r\n").unwrap();
            let body: serde_json::Value = serde_json::from_str(body).unwrap();
            (status, body["__type"].as_str().unwrap_or_default().to_owned())
        }
    };
    assert_eq!(
        raw("DescribeExecution", json!({"executionArn": ""})).await,
        (400, "InvalidArn".into())
    );
    assert_eq!(
        raw("ListExecutions", json!({"stateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:x", "maxResults": 1001})).await,
        (400, "ValidationException".into())
    );
    assert_eq!(
        raw("CreateActivity", json!({"name": "n".repeat(81)})).await,
        (400, "InvalidName".into())
    );
    assert_eq!(
        raw("DescribeExecution", json!({"executionArn": 7})).await,
        (400, "SerializationException".into())
    );
    assert_eq!(raw("DescribeWidget", json!({})).await, (400, "UnknownOperationException".into()));

    let bad = client.create_state_machine("bad", r#"{"States":{}}"#, ROLE).await;
    assert_eq!(code(bad), "InvalidDefinition");
    let invalid = client.validate_state_machine_definition("{}").await.unwrap();
    assert_eq!(invalid.result, ValidateStateMachineDefinitionResultCode::Fail);
    assert_eq!(invalid.diagnostics.len(), 1);
}

#[tokio::test]
async fn unknown_arns_get_the_service_codes_and_messages() {
    let fake = FakeSfn::start().await;
    let client = fake.client();
    let sm = "arn:aws:states:us-east-1:123456789012:stateMachine:nope";
    let execution = "arn:aws:states:us-east-1:123456789012:execution:nope:x";
    let run = "arn:aws:states:us-east-1:123456789012:mapRun:nope/Map:1";
    let activity = "arn:aws:states:us-east-1:123456789012:activity:nope";
    assert_eq!(
        message(client.describe_execution(execution).await),
        format!("Execution Does Not Exist: '{execution}'")
    );
    assert_eq!(code(client.describe_execution(execution).await), "ExecutionDoesNotExist");
    assert_eq!(code(client.get_execution_history(execution).await), "ExecutionDoesNotExist");
    assert_eq!(code(client.stop_execution(execution).await), "ExecutionDoesNotExist");
    assert_eq!(code(client.redrive_execution(execution).await), "ExecutionDoesNotExist");
    assert_eq!(code(client.list_map_runs(execution).await), "ExecutionDoesNotExist");
    assert_eq!(
        code(client.describe_state_machine_for_execution(execution).await),
        "ExecutionDoesNotExist"
    );
    assert_eq!(
        message(client.describe_state_machine(sm).await),
        format!("State Machine Does Not Exist: '{sm}'")
    );
    assert_eq!(code(client.start_execution(sm).await), "StateMachineDoesNotExist");
    assert_eq!(
        code(client.list_executions().state_machine_arn(sm).await),
        "StateMachineDoesNotExist"
    );
    assert_eq!(
        code(client.update_state_machine(sm).definition(DEFINITION).await),
        "StateMachineDoesNotExist"
    );
    assert_eq!(code(client.describe_map_run(run).await), "ResourceNotFound");
    assert_eq!(code(client.update_map_run(run).max_concurrency(1).await), "ResourceNotFound");
    assert_eq!(code(client.list_executions().map_run_arn(run).await), "ResourceNotFound");
    assert_eq!(
        code(client.describe_state_machine_alias(format!("{sm}:live")).await),
        "ResourceNotFound"
    );
    assert_eq!(code(client.describe_activity(activity).await), "ActivityDoesNotExist");
    assert_eq!(code(client.get_activity_task(activity).await), "ActivityDoesNotExist");
    assert_eq!(code(client.list_tags_for_resource(sm).await), "ResourceNotFound");
    assert_eq!(code(client.send_task_success("never-issued", "{}").await), "TaskDoesNotExist");
    // Deleting what is not there succeeds, as with the service.
    client.delete_state_machine(sm).await.unwrap();
    client.delete_activity(activity).await.unwrap();
}

#[tokio::test]
async fn start_execution_is_idempotent_by_name_while_running() {
    let fake = FakeSfn::start().await;
    let client = fake.client();
    let sm = fake.put_state_machine(seed::state_machine("idem", DEFINITION));
    let first = client.start_execution(&sm).name("once").input("{}").await.unwrap();
    let again = client.start_execution(&sm).name("once").input("{}").await.unwrap();
    assert_eq!((&again.execution_arn, again.start_date), (&first.execution_arn, first.start_date));
    assert_eq!(fake.executions().len(), 1);

    let other_input = client.start_execution(&sm).name("once").input(r#"{"a":1}"#).await;
    assert_eq!(code(other_input), "ExecutionAlreadyExists");
    fake.update_execution(&first.execution_arn, |e| e.status = ExecutionStatus::Succeeded);
    let closed = client.start_execution(&sm).name("once").input("{}").await;
    assert_eq!(code(closed), "ExecutionAlreadyExists");

    let unnamed = client.start_execution(&sm).await.unwrap();
    let generated = unnamed.execution_arn.rsplit(':').next().unwrap().to_owned();
    assert_eq!(generated.len(), 36, "a generated UUID name: {generated}");
    let described = fake.execution(&unnamed.execution_arn).unwrap();
    assert_eq!(described.name.as_deref(), Some(generated.as_str()));
    let started = fake.events(&unnamed.execution_arn);
    assert!(
        matches!(&started[0].details, EventDetails::ExecutionStarted(d) if d.role_arn.as_deref() == Some(ROLE))
    );
}

#[tokio::test]
async fn stop_and_redrive_change_status_and_history() {
    let fake = FakeSfn::start().await;
    let client = fake.client();
    let sm = fake.put_state_machine(seed::state_machine("sr", DEFINITION));
    let execution = fake.put_execution(seed::execution(&sm, "x"));
    assert_eq!(code(client.redrive_execution(&execution).await), "ExecutionNotRedrivable");

    let stopped = client.stop_execution(&execution).error("E").cause("C").await.unwrap();
    let described = client.describe_execution(&execution).await.unwrap();
    assert_eq!(described.status, ExecutionStatus::Aborted);
    assert_eq!(described.stop_date, Some(stopped.stop_date));
    assert_eq!(described.error.as_ref().map(|e| e.as_str()), Some("E"));
    let events = fake.events(&execution);
    let last = events.last().unwrap();
    assert_eq!(
        (last.r#type.clone(), last.id, last.previous_event_id),
        (HistoryEventType::ExecutionAborted, 2, Some(1))
    );
    assert_eq!(last.error_and_cause(), Some((Some("E"), Some("C"))));

    client.redrive_execution(&execution).await.unwrap();
    let described = client.describe_execution(&execution).await.unwrap();
    assert_eq!(
        (described.status, described.redrive_count, described.stop_date),
        (ExecutionStatus::Running, Some(1), None)
    );
    let last = fake.events(&execution).pop().unwrap();
    assert_eq!(last.r#type, HistoryEventType::ExecutionRedriven);
    assert_eq!(last.id, 3);

    let redriven = client
        .list_executions()
        .state_machine_arn(&sm)
        .redrive_filter(sfn_lite::types::ExecutionRedriveFilter::Redriven)
        .await
        .unwrap();
    assert_eq!(redriven.executions.len(), 1);
    let not = client
        .list_executions()
        .state_machine_arn(&sm)
        .redrive_filter(sfn_lite::types::ExecutionRedriveFilter::NotRedriven)
        .await
        .unwrap();
    assert!(not.executions.is_empty());

    fake.update_execution(&execution, |e| e.status = ExecutionStatus::Succeeded);
    assert_eq!(code(client.redrive_execution(&execution).await), "ExecutionNotRedrivable");
}

#[tokio::test]
async fn histories_page_in_either_order_with_or_without_data() {
    let fake = FakeSfn::start().await;
    let client = fake.client();
    let sm = fake.put_state_machine(seed::state_machine("h", DEFINITION));
    let mut execution = seed::execution(&sm, "x");
    execution.input = Some(r#"{"secret":1}"#.into());
    let execution = fake.put_execution(execution);
    fake.append_events(
        &execution,
        (0..4).map(|i| {
            let mut entered = StateEnteredEventDetails::default();
            entered.name = format!("S{i}");
            entered.input = Some(r#"{"secret":2}"#.into());
            HistoryEvent::of_type(0, SystemTime::now(), HistoryEventType::TaskStateEntered)
                .with_details(EventDetails::StateEntered(entered))
        }),
    );
    let ids: Vec<i64> = fake.events(&execution).iter().map(|e| e.id).collect();
    assert_eq!(ids, [1, 2, 3, 4, 5]);

    let reversed: Vec<i64> = client
        .get_execution_history(&execution)
        .reverse_order(true)
        .into_paginator()
        .page_size(2)
        .items()
        .map_ok(|e| e.id)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(reversed, [5, 4, 3, 2, 1]);
    let page = client.get_execution_history(&execution).max_results(2).await.unwrap();
    let token = page.next_token.unwrap();
    let other_order =
        client.get_execution_history(&execution).reverse_order(true).next_token(&token).await;
    assert_eq!(code(other_order), "InvalidToken");

    let bare =
        client.get_execution_history(&execution).include_execution_data(false).await.unwrap();
    assert_eq!(bare.events.len(), 5);
    let EventDetails::ExecutionStarted(started) = &bare.events[0].details else {
        panic!("{:?}", bare.events[0])
    };
    assert!(started.input.is_none());
    assert_eq!(started.role_arn, None);
    let EventDetails::StateEntered(entered) = &bare.events[1].details else {
        panic!("{:?}", bare.events[1])
    };
    assert_eq!((entered.name.as_str(), entered.input.is_none()), ("S0", true));
    let full = client.get_execution_history(&execution).await.unwrap();
    let EventDetails::StateEntered(entered) = &full.events[1].details else {
        panic!("{:?}", full.events[1])
    };
    assert_eq!(entered.input.as_ref().map(|i| i.as_str()), Some(r#"{"secret":2}"#));

    let metadata = client
        .describe_execution(&execution)
        .included_data(IncludedData::MetadataOnly)
        .await
        .unwrap();
    assert!(metadata.input.is_none());
}

#[tokio::test]
async fn map_runs_list_their_children_and_take_updates() {
    let fake = FakeSfn::start().await;
    let client = fake.client();
    let sm = fake.put_state_machine(seed::state_machine("mr", DEFINITION));
    let parent = fake.put_execution(seed::execution(&sm, "parent"));
    let run = fake.put_map_run(seed::map_run(&parent, "Items"));
    let other_run = fake.put_map_run(seed::map_run(&parent, "Other"));
    for (name, status) in [
        ("a", ExecutionStatus::Succeeded),
        ("b", ExecutionStatus::Failed),
        ("c", ExecutionStatus::Failed),
    ] {
        let mut child = seed::child_execution(&run, name);
        child.status = status;
        fake.put_execution(child);
    }
    fake.put_execution(seed::child_execution(&other_run, "z"));

    let children = client.list_executions().map_run_arn(&run).await.unwrap();
    let mut names: Vec<_> = children.executions.iter().map(|e| e.name.clone()).collect();
    names.sort();
    assert_eq!(names, ["a", "b", "c"]);
    assert!(children.executions.iter().all(|e| e.map_run_arn.as_deref() == Some(run.as_str())));
    assert!(children.executions[0].execution_arn.contains(":execution:mr/Items:"));
    let failed = client
        .list_executions()
        .map_run_arn(&run)
        .status_filter(ExecutionStatus::Failed)
        .await
        .unwrap();
    let mut names: Vec<_> = failed.executions.iter().map(|e| e.name.clone()).collect();
    names.sort();
    assert_eq!(names, ["b", "c"]);

    client
        .update_map_run(&run)
        .max_concurrency(25)
        .tolerated_failure_percentage(12.5)
        .tolerated_failure_count(3)
        .await
        .unwrap();
    let described = client.describe_map_run(&run).await.unwrap();
    assert_eq!(
        (
            described.max_concurrency,
            described.tolerated_failure_percentage,
            described.tolerated_failure_count
        ),
        (25, 12.5, 3)
    );

    fake.update_map_run(&run, |r| r.status = MapRunStatus::Succeeded);
    let closed = client.update_map_run(&run).max_concurrency(1).await;
    assert_eq!(code(closed), "ValidationException");
}

#[tokio::test]
async fn aliases_need_valid_routing_and_versions_in_use_stay() {
    let fake = FakeSfn::start().await;
    let client = fake.client();
    let sm = client.create_state_machine("al", DEFINITION, ROLE).publish(true).await.unwrap();
    let v1 = sm.state_machine_version_arn.unwrap();
    let missing = format!("{}:9", sm.state_machine_arn);
    let unknown = client.create_state_machine_alias("a").route(&missing, 100).await;
    assert_eq!(code(unknown), "ResourceNotFound");
    client.create_state_machine_alias("a").route(&v1, 100).await.unwrap();
    let in_use = client.delete_state_machine_version(&v1).await;
    assert_eq!(code(in_use), "ConflictException");

    let started = client.start_execution(&v1).name("by-version").await.unwrap();
    let by_version = client.list_executions().state_machine_arn(&v1).await.unwrap();
    assert_eq!(by_version.executions[0].execution_arn, started.execution_arn);
    assert_eq!(by_version.executions[0].state_machine_version_arn.as_deref(), Some(v1.as_str()));
}

#[tokio::test]
async fn sync_executions_answer_as_seeded_and_only_for_express_machines() {
    let fake = FakeSfn::start().await;
    let client = fake.client();
    let standard = fake.put_state_machine(seed::state_machine("std", DEFINITION));
    assert_eq!(code(client.start_sync_execution(&standard).await), "StateMachineTypeNotSupported");
    let mut express = seed::state_machine("exp", DEFINITION);
    express.r#type = StateMachineType::Express;
    let express = fake.put_state_machine(express);
    let mut failure: StartSyncExecutionOutput =
        serde_json::from_value(json!({"status": "FAILED", "error": "Oops", "cause": "seeded"}))
            .unwrap();
    failure.start_date = time::OffsetDateTime::UNIX_EPOCH;
    fake.set_sync_result(&express, failure);
    let listed = client.list_executions().state_machine_arn(&express).await;
    assert_eq!(code(listed), "StateMachineTypeNotSupported");
    let answered = client.start_sync_execution(&express).name("s").await.unwrap();
    assert_eq!(answered.status, SyncExecutionStatus::Failed);
    assert_eq!(answered.error.as_ref().map(|e| e.as_str()), Some("Oops"));
    assert_eq!(answered.name.as_deref(), Some("s"));
}

#[tokio::test]
async fn test_state_fails_with_a_mocked_error() {
    let fake = FakeSfn::start().await;
    let mut input: sfn_lite::operations::TestStateInput = serde_json::from_value(json!({
        "definition": r#"{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","End":true}"#,
        "mock": {"errorOutput": {"error": "Lambda.Boom", "cause": "mocked"}}
    }))
    .unwrap();
    input.role_arn = Some(ROLE.to_owned());
    let tested = fake.client().send(input).await.unwrap();
    assert_eq!(tested.status, Some(TestExecutionStatus::Failed));
    assert_eq!(tested.error.as_ref().map(|e| e.as_str()), Some("Lambda.Boom"));
    assert!(tested.output.is_none());
}

/// `follow()` streams events the test appends while it follows, and ends
/// at the terminal event.
#[tokio::test]
async fn follow_sees_events_appended_over_time() {
    let fake = FakeSfn::start().await;
    let sm = fake.put_state_machine(seed::state_machine("f", DEFINITION));
    let execution = fake.put_execution(seed::execution(&sm, "x"));
    let mut follow = fake
        .client()
        .get_execution_history(&execution)
        .follow()
        .poll_interval(POLL)
        .max_poll_interval(POLL);
    let first = next(&mut follow).await.unwrap().unwrap();
    assert_eq!((first.id, first.r#type), (1, HistoryEventType::ExecutionStarted));

    let entered = |name: &str| {
        let mut details = StateEnteredEventDetails::default();
        details.name = name.to_owned();
        HistoryEvent::of_type(0, SystemTime::now(), HistoryEventType::PassStateEntered)
            .with_details(EventDetails::StateEntered(details))
    };
    fake.append_events(&execution, [entered("A"), entered("B")]);
    let a = next(&mut follow).await.unwrap().unwrap();
    let b = next(&mut follow).await.unwrap().unwrap();
    assert_eq!((a.id, a.state_name(), b.id, b.state_name()), (2, Some("A"), 3, Some("B")));

    fake.append_events(
        &execution,
        [HistoryEvent::new(
            0,
            SystemTime::now(),
            EventDetails::ExecutionSucceeded(OutputEventDetails::default()),
        )],
    );
    let last = next(&mut follow).await.unwrap().unwrap();
    assert_eq!((last.id, last.r#type), (4, HistoryEventType::ExecutionSucceeded));
    assert!(next(&mut follow).await.is_none(), "the stream ends after the terminal event");
}

/// `watch_map_run` yields each change the test makes, and ends when the
/// run does.
#[tokio::test]
async fn watch_map_run_sees_counts_change_over_time() {
    let fake = FakeSfn::start().await;
    let sm = fake.put_state_machine(seed::state_machine("w", DEFINITION));
    let parent = fake.put_execution(seed::execution(&sm, "p"));
    let mut run = seed::map_run(&parent, "Map");
    run.item_counts.total = 3;
    run.item_counts.pending = 3;
    let run = fake.put_map_run(run);
    let mut watch = fake.client().watch_map_run(&run).poll_interval(POLL).max_poll_interval(POLL);
    let first = next(&mut watch).await.unwrap().unwrap();
    assert_eq!(first.item_counts.pending, 3);

    fake.update_map_run(&run, |r| {
        r.item_counts.pending = 1;
        r.item_counts.succeeded = 2;
    });
    let second = next(&mut watch).await.unwrap().unwrap();
    assert_eq!((second.item_counts.succeeded, second.status.clone()), (2, MapRunStatus::Running));

    fake.update_map_run(&run, |r| {
        r.item_counts.pending = 0;
        r.item_counts.failed = 1;
        r.status = MapRunStatus::Failed;
    });
    let last = next(&mut watch).await.unwrap().unwrap();
    assert_eq!((last.item_counts.failed, last.status), (1, MapRunStatus::Failed));
    assert!(next(&mut watch).await.is_none());
}

/// `wait_for_execution` returns once the test closes the execution.
#[tokio::test]
async fn wait_for_execution_returns_when_the_status_changes() {
    let fake = FakeSfn::start().await;
    let sm = fake.put_state_machine(seed::state_machine("wt", DEFINITION));
    let execution = fake.put_execution(seed::execution(&sm, "x"));
    let client = fake.client();
    let wait = tokio::spawn({
        let execution = execution.clone();
        async move {
            client.wait_for_execution(execution).poll_interval(POLL).max_poll_interval(POLL).await
        }
    });
    tokio::time::sleep(POLL * 5).await;
    assert!(!wait.is_finished(), "still running");
    fake.update_execution(&execution, |e| {
        e.status = ExecutionStatus::Failed;
        e.error = Some("Boom".into());
    });
    let done = tokio::time::timeout(Duration::from_secs(10), wait).await.unwrap().unwrap().unwrap();
    assert_eq!(
        (done.status, done.error.as_ref().map(|e| e.as_str())),
        (ExecutionStatus::Failed, Some("Boom"))
    );
}

#[test]
fn task_outcomes_do_not_show_their_data_in_debug() {
    let outcome = TaskOutcome::Failed {
        error: Some("secret-error".into()),
        cause: Some("secret-cause".into()),
    };
    let shown = format!("{outcome:?}");
    assert!(!shown.contains("secret"), "{shown}");
}

/// The getters read back what calls through the client changed.
#[tokio::test]
async fn the_getters_show_what_the_client_changed() {
    let fake = FakeSfn::start().await;
    let client = fake.client();
    let sm = fake.put_state_machine(seed::state_machine("g", DEFINITION));
    let activity = fake.put_activity("work");
    assert_eq!(activity, "arn:aws:states:us-east-1:123456789012:activity:work");
    assert_eq!(client.describe_activity(&activity).await.unwrap().name, "work");
    client.tag_resource(&activity).tag("k", "v").await.unwrap();
    assert_eq!(fake.tags(&activity), [Tag::new("k", "v")]);

    client
        .update_state_machine(&sm)
        .definition(r#"{"StartAt":"X","States":{"X":{"Type":"Succeed"}}}"#)
        .await
        .unwrap();
    let machine = fake.state_machine(&sm).unwrap();
    assert!(machine.definition.as_str().contains("Succeed"));

    let parent = fake.put_execution(seed::execution(&sm, "p"));
    let run = fake.put_map_run(seed::map_run(&parent, "M"));
    client.update_map_run(&run).tolerated_failure_count(9).await.unwrap();
    assert_eq!(fake.map_run(&run).unwrap().tolerated_failure_count, 9);
    assert!(fake.map_run("arn:aws:states:us-east-1:123456789012:mapRun:g/M:none").is_none());
}

/// Versions and aliases seeded without the API: listed, described and
/// started through like published ones.
#[tokio::test]
async fn seeded_versions_and_aliases_serve_like_published_ones() {
    let fake = FakeSfn::start().await;
    let client = fake.client();
    let machine = fake.put_state_machine(seed::state_machine("orders", seed::PASS_DEFINITION));
    let v1 = fake.publish_version(&machine, Some("first"));
    assert_eq!(v1, format!("{machine}:1"));
    assert_eq!(
        fake.publish_version(&machine, None),
        v1,
        "an unchanged revision is not republished"
    );
    let live = fake.put_alias(seed::alias(&machine, "live", &v1));
    assert_eq!(live, format!("{machine}:live"));

    let versions = client.list_state_machine_versions(&machine).await.unwrap();
    let listed: Vec<_> = versions
        .state_machine_versions
        .iter()
        .map(|v| v.state_machine_version_arn.as_str())
        .collect();
    assert_eq!(listed, [v1.as_str()]);
    let described = client.describe_state_machine(&v1).await.unwrap();
    assert_eq!(described.description.as_ref().map(|d| d.expose().as_str()), Some("first"));
    let alias = client.describe_state_machine_alias(&live).await.unwrap();
    assert_eq!(alias.routing_configuration.unwrap()[0].state_machine_version_arn, v1);

    let started = client.start_execution(&live).name("through-alias").await.unwrap();
    let execution = client.describe_execution(&started.execution_arn).await.unwrap();
    assert_eq!(execution.state_machine_alias_arn.as_deref(), Some(live.as_str()));
    assert_eq!(execution.state_machine_version_arn.as_deref(), Some(v1.as_str()));
}
