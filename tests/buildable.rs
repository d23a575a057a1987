//! Outputs and shared shapes built in code, the way a user's own tests and
//! fakes build them (from outside the crate, despite `#[non_exhaustive]`):
//! `Default` plus `with_<member>` setters.
//!
//! Each of the 37 operations' outputs is built with every member set, and
//! its JSON must have the members of the model's output shape
//! (`fixtures/operation-shapes.json`) at every level, no more and no fewer,
//! then decode back equal. History events are built from their details,
//! with the type the details imply.

mod common;

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;
use sfn_lite::operations::*;
use sfn_lite::types::history::*;
use sfn_lite::types::*;
use std::collections::{BTreeSet, HashMap};
use std::fmt::Debug;
use std::time::{Duration, SystemTime};

const EXECUTION: &str = "arn:aws:states:us-east-1:123456789012:execution:nightly:run-1";
const STATE_MACHINE: &str = "arn:aws:states:us-east-1:123456789012:stateMachine:nightly";
const MAP_RUN: &str = "arn:aws:states:us-east-1:123456789012:mapRun:nightly/Map:4f1c";
const ALIAS: &str = "arn:aws:states:us-east-1:123456789012:stateMachine:nightly:prod";
const VERSION: &str = "arn:aws:states:us-east-1:123456789012:stateMachine:nightly:3";
const ACTIVITY: &str = "arn:aws:states:us-east-1:123456789012:activity:review";
const ROLE: &str = "arn:aws:iam::123456789012:role/sfn";
const LOG_GROUP: &str = "arn:aws:logs:us-east-1:123456789012:log-group:sfn:*";
const DEFINITION: &str = r#"{"StartAt": "Map", "States": {"Map": {"Type": "Map", "End": true}}}"#;

/// A distinct instant for each `n`, to the millisecond (the wire keeps
/// microseconds), as a user's test would write it.
fn at(n: u64) -> SystemTime {
    SystemTime::UNIX_EPOCH + Duration::from_millis(1_795_559_751_000 + n * 1_500)
}

fn counts() -> MapRunCounts {
    MapRunCounts::default()
        .with_pending(1)
        .with_running(2)
        .with_succeeded(3)
        .with_failed(4)
        .with_timed_out(5)
        .with_aborted(6)
        .with_total(21)
        .with_results_written(3)
        .with_failures_not_redrivable(1)
        .with_pending_redrive(2)
}

/// Logging with every member set.
fn logging() -> LoggingConfiguration {
    LoggingConfiguration::default()
        .with_level(LogLevel::Error)
        .with_include_execution_data(true)
        .with_destinations([LogDestination::default().with_cloud_watch_logs_log_group(
            CloudWatchLogsLogGroup::default().with_log_group_arn(LOG_GROUP),
        )])
}

/// A customer managed key, every member set.
fn encryption() -> EncryptionConfiguration {
    EncryptionConfiguration::default()
        .with_kms_key_id("alias/sfn")
        .with_kms_data_key_reuse_period_seconds(7)
        .with_type(EncryptionType::CustomerManagedKmsKey)
}

fn variable_references() -> HashMap<String, Vec<String>> {
    HashMap::from([("Map".to_owned(), vec!["$limit".to_owned()])])
}

/// A short history with one event of each kind users seed fakes with.
fn history() -> Vec<HistoryEvent> {
    vec![
        HistoryEvent::new(
            1,
            at(100),
            EventDetails::ExecutionStarted(
                ExecutionStartedEventDetails::default()
                    .with_input(r#"{"n": 1}"#)
                    .with_input_details(
                        HistoryEventExecutionDataDetails::default().with_truncated(false),
                    )
                    .with_role_arn(ROLE)
                    .with_state_machine_alias_arn(ALIAS)
                    .with_state_machine_version_arn(VERSION),
            ),
        )
        .with_previous_event_id(0),
        HistoryEvent::of_type(2, at(101), HistoryEventType::MapStateEntered)
            .with_previous_event_id(1)
            .with_details(EventDetails::StateEntered(
                StateEnteredEventDetails::default()
                    .with_name("Map")
                    .with_input("[1, 2]")
                    .with_input_details(
                        HistoryEventExecutionDataDetails::default().with_truncated(false),
                    ),
            )),
        HistoryEvent::new(
            3,
            at(102),
            EventDetails::MapRunStarted(
                MapRunStartedEventDetails::default().with_map_run_arn(MAP_RUN),
            ),
        )
        .with_previous_event_id(2),
        HistoryEvent::new(
            4,
            at(103),
            EventDetails::TaskSucceeded(
                TaskOutputEventDetails::default()
                    .with_resource_type("lambda")
                    .with_resource("invoke")
                    .with_output(r#"{"ok": true}"#)
                    .with_output_details(
                        HistoryEventExecutionDataDetails::default().with_truncated(true),
                    ),
            ),
        )
        .with_previous_event_id(3),
        HistoryEvent::new(
            5,
            at(104),
            EventDetails::ExecutionFailed(
                FailureEventDetails::default().with_error("States.TaskFailed").with_cause("boom"),
            ),
        )
        .with_previous_event_id(4),
    ]
}

/// Members whose values are maps keyed by the user's names, not
/// structures: their keys are data.
const MAPS: [&str; 2] = ["variableReferences", "assignedVariables"];

/// Collects where `built` (a built shape's JSON) differs from `model` (the
/// fixture's instance of that shape, every member present): member sets at
/// every level, empty lists, and JSON kinds of values.
fn compare(path: &str, built: &Value, model: &Value, wrong: &mut Vec<String>) {
    match (built, model) {
        (Value::Object(b), Value::Object(m)) => {
            if MAPS.iter().any(|map| path.ends_with(map)) {
                return;
            }
            let built_keys: BTreeSet<&str> = b.keys().map(String::as_str).collect();
            let model_keys: BTreeSet<&str> = m.keys().map(String::as_str).collect();
            if path.ends_with("events[]") {
                // The model's event carries every details member; an event
                // carries one.
                let base: BTreeSet<&str> =
                    model_keys.iter().copied().filter(|k| !k.ends_with("EventDetails")).collect();
                if !built_keys.is_superset(&base) || !built_keys.is_subset(&model_keys) {
                    wrong.push(format!("{path}: members {built_keys:?}"));
                }
            } else if built_keys != model_keys {
                let missing: Vec<_> = model_keys.difference(&built_keys).collect();
                let extra: Vec<_> = built_keys.difference(&model_keys).collect();
                wrong.push(format!("{path}: missing {missing:?}, not in the model {extra:?}"));
            }
            for (key, value) in b {
                if let Some(modelled) = m.get(key) {
                    compare(&format!("{path}.{key}"), value, modelled, wrong);
                }
            }
        }
        (Value::Array(b), Value::Array(m)) => {
            if b.is_empty() {
                wrong.push(format!("{path}: an empty list"));
            }
            for value in b {
                compare(&format!("{path}[]"), value, &m[0], wrong);
            }
        }
        (Value::String(_), Value::String(_))
        | (Value::Number(_), Value::Number(_))
        | (Value::Bool(_), Value::Bool(_)) => {}
        (b, m) => wrong.push(format!("{path}: {b} where the model has {m}")),
    }
}

/// Asserts that `built` encodes as the model's `model` shape at every level
/// and decodes back equal; returns its JSON.
fn assert_modelled<T>(what: &str, built: &T, model: &Value) -> Value
where
    T: Serialize + DeserializeOwned + PartialEq + Debug,
{
    assert!(model.is_object(), "{what}: no model shape in the fixture");
    let text = serde_json::to_string(built).unwrap();
    let json: Value = serde_json::from_str(&text).unwrap();
    let mut wrong = Vec::new();
    compare(what, &json, model, &mut wrong);
    assert!(wrong.is_empty(), "{what} as built differs from the model:\n{}", wrong.join("\n"));
    let back: T = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{what}: {e}\n{text}"));
    assert_eq!(&back, built, "{what} decoded back");
    json
}

/// The fixture's instances of the model's shapes.
fn shapes() -> Value {
    common::fixture_json("operation-shapes.json")
}

struct Outputs {
    shapes: Value,
    checked: Vec<&'static str>,
}

impl Outputs {
    /// Checks an operation's output built with every member set: as
    /// modelled at every level, each top-level member away from its
    /// default, and `Default` the same as decoding `{}`.
    fn check<T>(&mut self, operation: &'static str, built: T)
    where
        T: Serialize + DeserializeOwned + PartialEq + Debug + Default,
    {
        let model = &self.shapes["operations"][operation]["output"];
        let json = assert_modelled(operation, &built, model);
        let default = serde_json::to_value(T::default()).unwrap();
        for (member, value) in json.as_object().unwrap() {
            assert_ne!(
                default.get(member),
                Some(value),
                "{operation}.{member} left at its default"
            );
        }
        let decoded: T = serde_json::from_str("{}").unwrap();
        assert_eq!(T::default(), decoded, "{operation}: Default, and decoding an empty object");
        self.checked.push(operation);
    }
}

#[test]
fn every_output_builds_with_every_member_as_the_model_has_them() {
    let mut outputs = Outputs { shapes: shapes(), checked: Vec::new() };
    outputs.check(
        "ListMapRuns",
        ListMapRunsOutput::default()
            .with_map_runs([MapRunListItem::default()
                .with_execution_arn(EXECUTION)
                .with_map_run_arn(MAP_RUN)
                .with_state_machine_arn(STATE_MACHINE)
                .with_start_date(at(1))
                .with_stop_date(at(2))])
            .with_next_token("page-2"),
    );
    outputs.check(
        "DescribeMapRun",
        DescribeMapRunOutput::default()
            .with_map_run_arn(MAP_RUN)
            .with_execution_arn(EXECUTION)
            .with_status(MapRunStatus::Succeeded)
            .with_start_date(at(3))
            .with_stop_date(at(4))
            .with_max_concurrency(7)
            .with_tolerated_failure_percentage(2.5)
            .with_tolerated_failure_count(7)
            .with_item_counts(counts())
            .with_execution_counts(counts())
            .with_redrive_count(7)
            .with_redrive_date(at(5)),
    );
    outputs.check("UpdateMapRun", UpdateMapRunOutput::default());
    outputs.check(
        "DescribeExecution",
        DescribeExecutionOutput::default()
            .with_execution_arn(EXECUTION)
            .with_state_machine_arn(STATE_MACHINE)
            .with_name("nightly")
            .with_status(ExecutionStatus::Failed)
            .with_start_date(at(6))
            .with_stop_date(at(7))
            .with_input(r#"{"n": 1}"#)
            .with_input_details(CloudWatchEventsExecutionDataDetails::default().with_included(true))
            .with_output(r#"{"ok": true}"#)
            .with_output_details(
                CloudWatchEventsExecutionDataDetails::default().with_included(true),
            )
            .with_trace_header("Root=1-abc")
            .with_map_run_arn(MAP_RUN)
            .with_error("States.TaskFailed")
            .with_cause("boom")
            .with_state_machine_version_arn(VERSION)
            .with_state_machine_alias_arn(ALIAS)
            .with_redrive_count(7)
            .with_redrive_date(at(8))
            .with_redrive_status(ExecutionRedriveStatus::NotRedrivable)
            .with_redrive_status_reason("redrive-status-reason"),
    );
    outputs.check(
        "ListExecutions",
        ListExecutionsOutput::default()
            .with_executions([ExecutionListItem::default()
                .with_execution_arn(EXECUTION)
                .with_state_machine_arn(STATE_MACHINE)
                .with_name("nightly")
                .with_status(ExecutionStatus::Failed)
                .with_start_date(at(9))
                .with_stop_date(at(10))
                .with_map_run_arn(MAP_RUN)
                .with_item_count(7)
                .with_state_machine_version_arn(VERSION)
                .with_state_machine_alias_arn(ALIAS)
                .with_redrive_count(7)
                .with_redrive_date(at(11))])
            .with_next_token("page-2"),
    );
    outputs.check(
        "GetExecutionHistory",
        GetExecutionHistoryOutput::default().with_events(history()).with_next_token("page-2"),
    );
    outputs.check(
        "StartExecution",
        StartExecutionOutput::default().with_execution_arn(EXECUTION).with_start_date(at(12)),
    );
    outputs.check("StopExecution", StopExecutionOutput::default().with_stop_date(at(13)));
    outputs.check("RedriveExecution", RedriveExecutionOutput::default().with_redrive_date(at(14)));
    outputs.check(
        "DescribeStateMachine",
        DescribeStateMachineOutput::default()
            .with_state_machine_arn(STATE_MACHINE)
            .with_name("nightly")
            .with_status(StateMachineStatus::Active)
            .with_definition(DEFINITION)
            .with_role_arn(ROLE)
            .with_type(StateMachineType::Express)
            .with_creation_date(at(15))
            .with_logging_configuration(logging())
            .with_tracing_configuration(TracingConfiguration::default().with_enabled(true))
            .with_label("prod")
            .with_revision_id("rev-1")
            .with_description("the nightly run")
            .with_encryption_configuration(encryption())
            .with_variable_references(variable_references()),
    );
    outputs.check(
        "DescribeStateMachineForExecution",
        DescribeStateMachineForExecutionOutput::default()
            .with_state_machine_arn(STATE_MACHINE)
            .with_name("nightly")
            .with_definition(DEFINITION)
            .with_role_arn(ROLE)
            .with_update_date(at(16))
            .with_logging_configuration(logging())
            .with_tracing_configuration(TracingConfiguration::default().with_enabled(true))
            .with_map_run_arn(MAP_RUN)
            .with_label("prod")
            .with_revision_id("rev-1")
            .with_encryption_configuration(encryption())
            .with_variable_references(variable_references()),
    );
    outputs.check(
        "CreateStateMachine",
        CreateStateMachineOutput::default()
            .with_state_machine_arn(STATE_MACHINE)
            .with_creation_date(at(17))
            .with_state_machine_version_arn(VERSION),
    );
    outputs.check("DeleteStateMachine", DeleteStateMachineOutput::default());
    outputs.check(
        "ListStateMachines",
        ListStateMachinesOutput::default()
            .with_state_machines([StateMachineListItem::default()
                .with_state_machine_arn(STATE_MACHINE)
                .with_name("nightly")
                .with_type(StateMachineType::Express)
                .with_creation_date(at(18))])
            .with_next_token("page-2"),
    );
    outputs.check("TagResource", TagResourceOutput::default());
    outputs.check("UntagResource", UntagResourceOutput::default());
    outputs.check(
        "ListTagsForResource",
        ListTagsForResourceOutput::default()
            .with_tags([Tag::default().with_key("key").with_value("value")]),
    );
    outputs.check(
        "CreateActivity",
        CreateActivityOutput::default().with_activity_arn(ACTIVITY).with_creation_date(at(19)),
    );
    outputs.check("DeleteActivity", DeleteActivityOutput::default());
    outputs.check(
        "DescribeActivity",
        DescribeActivityOutput::default()
            .with_activity_arn(ACTIVITY)
            .with_name("nightly")
            .with_creation_date(at(20))
            .with_encryption_configuration(encryption()),
    );
    outputs.check(
        "ListActivities",
        ListActivitiesOutput::default()
            .with_activities([ActivityListItem::default()
                .with_activity_arn(ACTIVITY)
                .with_name("nightly")
                .with_creation_date(at(21))])
            .with_next_token("page-2"),
    );
    outputs.check(
        "GetActivityTask",
        GetActivityTaskOutput::default().with_task_token("token-1").with_input(r#"{"n": 1}"#),
    );
    outputs.check("SendTaskSuccess", SendTaskSuccessOutput::default());
    outputs.check("SendTaskFailure", SendTaskFailureOutput::default());
    outputs.check("SendTaskHeartbeat", SendTaskHeartbeatOutput::default());
    outputs.check(
        "PublishStateMachineVersion",
        PublishStateMachineVersionOutput::default()
            .with_creation_date(at(22))
            .with_state_machine_version_arn(VERSION),
    );
    outputs.check(
        "ListStateMachineVersions",
        ListStateMachineVersionsOutput::default()
            .with_state_machine_versions([StateMachineVersionListItem::default()
                .with_state_machine_version_arn(VERSION)
                .with_creation_date(at(23))])
            .with_next_token("page-2"),
    );
    outputs.check("DeleteStateMachineVersion", DeleteStateMachineVersionOutput::default());
    outputs.check(
        "CreateStateMachineAlias",
        CreateStateMachineAliasOutput::default()
            .with_state_machine_alias_arn(ALIAS)
            .with_creation_date(at(24)),
    );
    outputs.check(
        "DescribeStateMachineAlias",
        DescribeStateMachineAliasOutput::default()
            .with_state_machine_alias_arn(ALIAS)
            .with_name("nightly")
            .with_description("the nightly run")
            .with_routing_configuration([RoutingConfigurationListItem::default()
                .with_state_machine_version_arn(VERSION)
                .with_weight(7)])
            .with_creation_date(at(25))
            .with_update_date(at(26)),
    );
    outputs.check(
        "UpdateStateMachineAlias",
        UpdateStateMachineAliasOutput::default().with_update_date(at(27)),
    );
    outputs.check("DeleteStateMachineAlias", DeleteStateMachineAliasOutput::default());
    outputs.check(
        "ListStateMachineAliases",
        ListStateMachineAliasesOutput::default()
            .with_state_machine_aliases([StateMachineAliasListItem::default()
                .with_state_machine_alias_arn(ALIAS)
                .with_creation_date(at(28))])
            .with_next_token("page-2"),
    );
    outputs.check(
        "UpdateStateMachine",
        UpdateStateMachineOutput::default()
            .with_update_date(at(29))
            .with_revision_id("rev-1")
            .with_state_machine_version_arn(VERSION),
    );
    outputs.check(
        "ValidateStateMachineDefinition",
        ValidateStateMachineDefinitionOutput::default()
            .with_result(ValidateStateMachineDefinitionResultCode::Fail)
            .with_diagnostics([ValidateStateMachineDefinitionDiagnostic::default()
                .with_severity(ValidateStateMachineDefinitionSeverity::Warning)
                .with_code("code")
                .with_message("message")
                .with_location("location")])
            .with_truncated(true),
    );
    outputs.check(
        "StartSyncExecution",
        StartSyncExecutionOutput::default()
            .with_execution_arn(EXECUTION)
            .with_state_machine_arn(STATE_MACHINE)
            .with_name("nightly")
            .with_start_date(at(30))
            .with_stop_date(at(31))
            .with_status(SyncExecutionStatus::Succeeded)
            .with_error("States.TaskFailed")
            .with_cause("boom")
            .with_input(r#"{"n": 1}"#)
            .with_input_details(CloudWatchEventsExecutionDataDetails::default().with_included(true))
            .with_output(r#"{"ok": true}"#)
            .with_output_details(
                CloudWatchEventsExecutionDataDetails::default().with_included(true),
            )
            .with_trace_header("Root=1-abc")
            .with_billing_details(
                BillingDetails::default()
                    .with_billed_memory_used_in_mb(7)
                    .with_billed_duration_in_milliseconds(7),
            ),
    );
    outputs.check(
        "TestState",
        TestStateOutput::default()
            .with_output(r#"{"ok": true}"#)
            .with_error("States.TaskFailed")
            .with_cause("boom")
            .with_inspection_data(
                InspectionData::default()
                    .with_input(r#"{"n": 1}"#)
                    .with_after_arguments("after-arguments")
                    .with_after_input_path("after-input-path")
                    .with_after_parameters("after-parameters")
                    .with_result("result")
                    .with_after_result_selector("after-result-selector")
                    .with_after_result_path("after-result-path")
                    .with_request(
                        InspectionDataRequest::default()
                            .with_protocol("protocol")
                            .with_method("method")
                            .with_url("url")
                            .with_headers("headers")
                            .with_body("body"),
                    )
                    .with_response(
                        InspectionDataResponse::default()
                            .with_protocol("protocol")
                            .with_status_code("status-code")
                            .with_status_message("status-message")
                            .with_headers("headers")
                            .with_body("body"),
                    )
                    .with_variables("variables")
                    .with_error_details(
                        InspectionErrorDetails::default()
                            .with_catch_index(7)
                            .with_retry_index(7)
                            .with_retry_backoff_interval_seconds(7),
                    )
                    .with_after_items_path("after-items-path")
                    .with_after_item_selector("after-item-selector")
                    .with_after_item_batcher("after-item-batcher")
                    .with_after_items_pointer("after-items-pointer")
                    .with_tolerated_failure_count(7)
                    .with_tolerated_failure_percentage(2.5)
                    .with_max_concurrency(7),
            )
            .with_next_state("next-state")
            .with_status(TestExecutionStatus::CaughtError),
    );
    common::assert_every_operation_once("outputs built", outputs.checked);
}

#[test]
fn counts_and_list_items_build_as_modelled() {
    let shapes = shapes();
    let output = |operation: &str| shapes["operations"][operation]["output"].clone();
    let run = output("DescribeMapRun");
    let counts = counts();
    assert_modelled("itemCounts", &counts, &run["itemCounts"]);
    assert_modelled("executionCounts", &counts, &run["executionCounts"]);
    assert_eq!((counts.done(), counts.failures()), (18, 9));

    let item = |operation: &str, list: &str| output(operation)[list][0].clone();
    let run = MapRunListItem::default()
        .with_execution_arn(EXECUTION)
        .with_map_run_arn(MAP_RUN)
        .with_state_machine_arn(STATE_MACHINE)
        .with_start_date(at(1))
        .with_stop_date(at(2));
    assert_modelled("mapRuns[]", &run, &item("ListMapRuns", "mapRuns"));
    let execution = ExecutionListItem::default()
        .with_execution_arn(EXECUTION)
        .with_state_machine_arn(STATE_MACHINE)
        .with_name("run-1")
        .with_status(ExecutionStatus::Running)
        .with_start_date(at(3))
        .with_stop_date(at(4))
        .with_map_run_arn(MAP_RUN)
        .with_item_count(3)
        .with_state_machine_version_arn(VERSION)
        .with_state_machine_alias_arn(ALIAS)
        .with_redrive_count(1)
        .with_redrive_date(at(5));
    assert_modelled("executions[]", &execution, &item("ListExecutions", "executions"));
    let route = RoutingConfigurationListItem::default()
        .with_state_machine_version_arn(VERSION)
        .with_weight(100);
    let alias = output("DescribeStateMachineAlias");
    assert_modelled("routingConfiguration[]", &route, &alias["routingConfiguration"][0]);
    let tag = Tag::default().with_key("team").with_value("data");
    assert_modelled("tags[]", &tag, &item("ListTagsForResource", "tags"));

    // A member left unset is missing from the JSON, and the check says so.
    let unset = MapRunListItem::default().with_map_run_arn(MAP_RUN);
    let json = serde_json::to_value(&unset).unwrap();
    let mut wrong = Vec::new();
    compare("mapRuns[]", &json, &item("ListMapRuns", "mapRuns"), &mut wrong);
    assert_eq!(wrong, [r#"mapRuns[]: missing ["stopDate"], not in the model []"#]);
}

#[test]
fn a_default_timestamp_is_the_epoch_as_decoding_fills_it() {
    let item = MapRunListItem::default();
    assert_eq!(item.start_date.unix_timestamp(), 0);
    assert_eq!(item, serde_json::from_str::<MapRunListItem>("{}").unwrap());
    let event = HistoryEvent::default();
    assert_eq!((event.timestamp.unix_timestamp(), event.id), (0, 0));
    assert_eq!(event, serde_json::from_str::<HistoryEvent>("{}").unwrap());
}

/// `fooBarEventDetails` → `FooBar`.
fn type_of_member(member: &str) -> String {
    let name = member.strip_suffix("EventDetails").unwrap();
    name[..1].to_uppercase() + &name[1..]
}

#[test]
fn events_built_from_their_details_have_the_type_and_members_of_the_model() {
    let shapes = shapes();
    let model = &shapes["operations"]["GetExecutionHistory"]["output"]["events"][0];
    let details = [
        EventDetails::MapRunStarted(MapRunStartedEventDetails::default().with_map_run_arn(MAP_RUN)),
        EventDetails::TaskSucceeded(
            TaskOutputEventDetails::default()
                .with_resource_type("lambda")
                .with_resource("invoke")
                .with_output(r#"{"ok": true}"#)
                .with_output_details(
                    HistoryEventExecutionDataDetails::default().with_truncated(false),
                ),
        ),
        EventDetails::ExecutionFailed(
            FailureEventDetails::default().with_error("States.Runtime").with_cause("bad path"),
        ),
        EventDetails::ExecutionSucceeded(
            OutputEventDetails::default().with_output("{}").with_output_details(
                HistoryEventExecutionDataDetails::default().with_truncated(true),
            ),
        ),
    ];
    for (id, details) in (7..).zip(details) {
        let member = details.member_name().unwrap().to_owned();
        let event = HistoryEvent::new(id, at(200), details).with_previous_event_id(id - 1);
        let json = assert_modelled(&format!("{member} of events[]"), &event, model);
        let keys: BTreeSet<&str> = json.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(keys, BTreeSet::from(["timestamp", "type", "id", "previousEventId", &member]));
        assert_eq!(json["type"], type_of_member(&member), "{member}");
        assert_eq!(
            (json["id"].as_i64(), json["previousEventId"].as_i64()),
            (Some(id), Some(id - 1))
        );
    }

    let failed = HistoryEvent::new(
        9,
        at(201),
        EventDetails::ExecutionFailed(
            FailureEventDetails::default().with_error("E").with_cause("C"),
        ),
    );
    assert_eq!(failed.error_and_cause(), Some((Some("E"), Some("C"))));
    assert!(!format!("{failed:?}").contains("\"E\""), "{failed:?}");
}

#[test]
fn every_details_kind_implies_its_own_type_except_state_entered_and_exited() {
    let shapes = shapes();
    let model =
        shapes["operations"]["GetExecutionHistory"]["output"]["events"][0].as_object().unwrap();
    let mut implied = 0;
    for (member, value) in model.iter().filter(|(k, _)| k.ends_with("EventDetails")) {
        let event: HistoryEvent =
            serde_json::from_value(serde_json::json!({ member.as_str(): value })).unwrap();
        let expected = match member.as_str() {
            "stateEnteredEventDetails" | "stateExitedEventDetails" => None,
            _ => Some(type_of_member(member)),
        };
        let found = event.details.event_type().map(|t| t.as_str().to_owned());
        assert_eq!(found, expected, "{member}");
        let built = HistoryEvent::new(1, at(0), event.details.clone());
        assert_eq!(
            Some(built.r#type.as_str().to_owned()),
            expected.or(Some(String::new())),
            "{member}"
        );
        implied += usize::from(found.is_some());
    }
    assert_eq!(implied, 35);
    assert_eq!(EventDetails::None.event_type(), None);

    // Types their details do not imply are given.
    let entered = HistoryEvent::of_type(2, at(1), HistoryEventType::PassStateEntered).with_details(
        EventDetails::StateEntered(StateEnteredEventDetails::default().with_name("Prep")),
    );
    assert_eq!((entered.r#type.as_str(), entered.state_name()), ("PassStateEntered", Some("Prep")));
    let done = HistoryEvent::of_type(3, at(2), HistoryEventType::MapRunSucceeded);
    assert_eq!(serde_json::to_value(&done).unwrap()["type"], "MapRunSucceeded");
    assert_eq!(done.details, EventDetails::None);
}

#[test]
fn sensitive_members_set_from_plain_strings_stay_out_of_debug() {
    let task = GetActivityTaskOutput::default()
        .with_task_token("token-hunter2")
        .with_input(String::from(r#"{"password": "hunter2"}"#));
    assert_eq!(task.input.as_ref().map(|i| i.as_str()), Some(r#"{"password": "hunter2"}"#));
    let described = DescribeExecutionOutput::default()
        .with_input("hunter2-in")
        .with_output("hunter2-out")
        .with_error("hunter2-error")
        .with_cause("hunter2-cause");
    let event = HistoryEvent::new(
        1,
        at(0),
        EventDetails::TaskScheduled(
            TaskScheduledEventDetails::default().with_parameters("hunter2-p"),
        ),
    );
    for debug in [format!("{task:?}"), format!("{described:?}"), format!("{event:?}")] {
        assert!(!debug.contains("hunter2"), "{debug}");
    }
}
