//! History events and GetExecutionHistory, through the public API only:
//! decoding every event type and details member, round trips, leniency,
//! errors and redaction.

mod common;

use std::collections::{BTreeSet, HashMap};

use sfn_lite::operations::{GetExecutionHistoryInput, GetExecutionHistoryOutput};
use sfn_lite::types::history::{EventDetails, HistoryEvent, HistoryEventType};
use sfn_lite::{ErrorKind, Operation};

/// A page holding one event of every type.
fn all_events() -> String {
    common::fixture("get_execution_history_all_events.json")
}

/// Each event of the fixture, in order: its type and the details member the
/// service attaches to that type (none for some).
const EXPECTED: &[(&str, Option<&str>)] = &[
    ("ExecutionStarted", Some("executionStartedEventDetails")),
    ("ExecutionRedriven", Some("executionRedrivenEventDetails")),
    ("PassStateEntered", Some("stateEnteredEventDetails")),
    ("PassStateExited", Some("stateExitedEventDetails")),
    ("EvaluationFailed", Some("evaluationFailedEventDetails")),
    ("ChoiceStateEntered", Some("stateEnteredEventDetails")),
    ("ChoiceStateExited", Some("stateExitedEventDetails")),
    ("WaitStateEntered", Some("stateEnteredEventDetails")),
    ("WaitStateAborted", None),
    ("WaitStateExited", Some("stateExitedEventDetails")),
    ("TaskStateEntered", Some("stateEnteredEventDetails")),
    ("TaskScheduled", Some("taskScheduledEventDetails")),
    ("TaskStartFailed", Some("taskStartFailedEventDetails")),
    ("TaskStarted", Some("taskStartedEventDetails")),
    ("TaskSubmitFailed", Some("taskSubmitFailedEventDetails")),
    ("TaskSubmitted", Some("taskSubmittedEventDetails")),
    ("TaskTimedOut", Some("taskTimedOutEventDetails")),
    ("TaskFailed", Some("taskFailedEventDetails")),
    ("TaskSucceeded", Some("taskSucceededEventDetails")),
    ("TaskStateAborted", None),
    ("TaskStateExited", Some("stateExitedEventDetails")),
    ("LambdaFunctionScheduled", Some("lambdaFunctionScheduledEventDetails")),
    ("LambdaFunctionScheduleFailed", Some("lambdaFunctionScheduleFailedEventDetails")),
    ("LambdaFunctionStartFailed", Some("lambdaFunctionStartFailedEventDetails")),
    ("LambdaFunctionStarted", None),
    ("LambdaFunctionTimedOut", Some("lambdaFunctionTimedOutEventDetails")),
    ("LambdaFunctionFailed", Some("lambdaFunctionFailedEventDetails")),
    ("LambdaFunctionSucceeded", Some("lambdaFunctionSucceededEventDetails")),
    ("ActivityScheduled", Some("activityScheduledEventDetails")),
    ("ActivityScheduleFailed", Some("activityScheduleFailedEventDetails")),
    ("ActivityStarted", Some("activityStartedEventDetails")),
    ("ActivityTimedOut", Some("activityTimedOutEventDetails")),
    ("ActivityFailed", Some("activityFailedEventDetails")),
    ("ActivitySucceeded", Some("activitySucceededEventDetails")),
    ("ParallelStateEntered", Some("stateEnteredEventDetails")),
    ("ParallelStateStarted", None),
    ("ParallelStateFailed", None),
    ("ParallelStateAborted", None),
    ("ParallelStateSucceeded", None),
    ("ParallelStateExited", Some("stateExitedEventDetails")),
    ("MapStateEntered", Some("stateEnteredEventDetails")),
    ("MapStateStarted", Some("mapStateStartedEventDetails")),
    ("MapIterationStarted", Some("mapIterationStartedEventDetails")),
    ("MapIterationSucceeded", Some("mapIterationSucceededEventDetails")),
    ("MapIterationFailed", Some("mapIterationFailedEventDetails")),
    ("MapIterationAborted", Some("mapIterationAbortedEventDetails")),
    ("MapRunStarted", Some("mapRunStartedEventDetails")),
    ("MapRunFailed", Some("mapRunFailedEventDetails")),
    ("MapRunRedriven", Some("mapRunRedrivenEventDetails")),
    ("MapRunAborted", None),
    ("MapRunSucceeded", None),
    ("MapStateFailed", None),
    ("MapStateAborted", None),
    ("MapStateSucceeded", None),
    ("MapStateExited", Some("stateExitedEventDetails")),
    ("SucceedStateEntered", Some("stateEnteredEventDetails")),
    ("SucceedStateExited", Some("stateExitedEventDetails")),
    ("FailStateEntered", Some("stateEnteredEventDetails")),
    ("ExecutionFailed", Some("executionFailedEventDetails")),
    ("ExecutionAborted", Some("executionAbortedEventDetails")),
    ("ExecutionTimedOut", Some("executionTimedOutEventDetails")),
    ("ExecutionSucceeded", Some("executionSucceededEventDetails")),
];

const ACCOUNT: &str = "123456789012";
const MAP_RUN_ARN: &str = concat!(
    "arn:aws:states:us-east-1:123456789012:mapRun:",
    "orders/ProcessItems:0b9f3b5e-6c1e-4c1a-9d0a-2f7d8c1e5a11"
);

fn page() -> GetExecutionHistoryOutput {
    serde_json::from_str(&all_events()).unwrap()
}

fn event(json: &str) -> Result<HistoryEvent, serde_json::Error> {
    serde_json::from_str(json)
}

#[test]
fn every_event_type_and_details_member_decodes_to_a_known_variant() {
    let page = page();
    assert_eq!(page.events.len(), 62);
    assert_eq!(page.next_token.as_deref(), Some("AAAAKgAAAAIAAAAAAAAAAWV4YW1wbGUtdG9rZW4="));

    // The fixture holds each of the model's 62 types exactly once.
    assert_eq!(HistoryEventType::KNOWN.len(), 62);
    let types: BTreeSet<&str> = page.events.iter().map(|e| e.r#type.as_str()).collect();
    assert_eq!(types, HistoryEventType::KNOWN.iter().copied().collect());

    let mut members = BTreeSet::new();
    for (i, (event, (ty, member))) in page.events.iter().zip(EXPECTED).enumerate() {
        let id = i as i64 + 1;
        assert_eq!(event.r#type.as_str(), *ty, "event {id}");
        assert!(!event.r#type.is_unknown(), "event {id}");
        assert_eq!(event.r#type, HistoryEventType::from(*ty));
        assert_eq!(event.id, id);
        assert_eq!(event.previous_event_id, (id > 1).then_some(id - 1), "event {id}");
        assert_eq!(event.details.member_name(), *member, "event {id} ({ty})");
        assert!(!matches!(event.details, EventDetails::Unknown { .. }), "event {id}");
        if member.is_none() {
            assert_eq!(event.details, EventDetails::None, "event {id}");
        }
        members.extend(*member);
    }
    // All 37 details members of the model appear.
    assert_eq!(members.len(), 37);
}

#[test]
fn timestamps_keep_their_milliseconds() {
    let events = page().events;
    let first = &events[0].timestamp;
    assert_eq!(first.unix_timestamp(), 1_795_559_751);
    assert_eq!(first.millisecond(), 538);
    assert_eq!(first.unix_timestamp_nanos(), 1_795_559_751_538_000_000);
    // 17 ms apart in the fixture.
    assert_eq!(events[1].timestamp - events[0].timestamp, time::Duration::milliseconds(17));
    assert_eq!(events[10].timestamp.unix_timestamp_nanos(), 1_795_559_751_708_000_000);
    // `1.7955597525E9` and a whole number of seconds.
    assert_eq!(events[29].timestamp.unix_timestamp_nanos(), 1_795_559_752_500_000_000);
    assert_eq!(events[39].timestamp.unix_timestamp_nanos(), 1_795_559_753_000_000_000);
}

#[test]
fn details_fields_decode() {
    let events = page().events;
    let by_type = |ty: &str| {
        events.iter().find(|e| e.r#type.as_str() == ty).unwrap_or_else(|| panic!("no {ty}"))
    };

    let EventDetails::ExecutionStarted(d) = &by_type("ExecutionStarted").details else {
        panic!("ExecutionStarted details")
    };
    assert_eq!(
        d.input.as_ref().unwrap().as_str(),
        r#"{"orderId":"o-1","card":"secret-input-4242"}"#
    );
    assert_eq!(d.input_details.as_ref().unwrap().truncated, Some(false));
    assert_eq!(
        d.role_arn.as_deref(),
        Some(format!("arn:aws:iam::{ACCOUNT}:role/sfn-orders").as_str())
    );
    assert!(d.state_machine_alias_arn.as_deref().unwrap().ends_with("stateMachine:orders:prod"));
    assert!(d.state_machine_version_arn.as_deref().unwrap().ends_with("stateMachine:orders:3"));

    let EventDetails::TaskScheduled(d) = &by_type("TaskScheduled").details else {
        panic!("TaskScheduled details")
    };
    assert_eq!((d.resource_type.as_str(), d.resource.as_str()), ("lambda", "invoke"));
    assert_eq!(d.region, "us-east-1");
    assert!(d.parameters.as_str().contains(r#""Payload":{"orderId":"o-1"}"#));
    assert_eq!((d.timeout_in_seconds, d.heartbeat_in_seconds), (Some(300), Some(60)));
    let role = d.task_credentials.as_ref().and_then(|c| c.role_arn.as_deref());
    assert_eq!(role, Some(format!("arn:aws:iam::{ACCOUNT}:role/charge-task").as_str()));

    let EventDetails::TaskSucceeded(d) = &by_type("TaskSucceeded").details else {
        panic!("TaskSucceeded details")
    };
    assert_eq!(d.output_details.as_ref().unwrap().truncated, Some(true));

    let EventDetails::StateExited(d) = &by_type("PassStateExited").details else {
        panic!("PassStateExited details")
    };
    assert_eq!(d.name, "Init");
    let vars = d.assigned_variables.as_ref().unwrap().expose();
    let expected: HashMap<String, String> =
        [("orderId", "\"o-1\""), ("attempt", "1")].map(|(k, v)| (k.into(), v.into())).into();
    assert_eq!(*vars, expected);
    assert_eq!(d.assigned_variables_details.as_ref().unwrap().truncated, Some(false));

    let EventDetails::MapRunStarted(d) = &by_type("MapRunStarted").details else {
        panic!("MapRunStarted details")
    };
    assert_eq!(d.map_run_arn.as_deref(), Some(MAP_RUN_ARN));
    let EventDetails::MapRunRedriven(d) = &by_type("MapRunRedriven").details else {
        panic!("MapRunRedriven details")
    };
    assert_eq!((d.map_run_arn.as_deref(), d.redrive_count), (Some(MAP_RUN_ARN), Some(1)));
    let EventDetails::ExecutionRedriven(d) = &by_type("ExecutionRedriven").details else {
        panic!("ExecutionRedriven details")
    };
    assert_eq!(d.redrive_count, Some(2));

    let EventDetails::MapStateStarted(d) = &by_type("MapStateStarted").details else {
        panic!("MapStateStarted details")
    };
    assert_eq!(d.length, Some(3));
    let EventDetails::MapIterationFailed(d) = &by_type("MapIterationFailed").details else {
        panic!("MapIterationFailed details")
    };
    assert_eq!((d.name.as_deref(), d.index), (Some("ProcessItems"), Some(1)));

    let EventDetails::ActivityScheduled(d) = &by_type("ActivityScheduled").details else {
        panic!("ActivityScheduled details")
    };
    assert!(d.resource.ends_with(":activity:approve"));
    assert_eq!((d.timeout_in_seconds, d.heartbeat_in_seconds), (Some(3600), Some(120)));
    let EventDetails::ActivityStarted(d) = &by_type("ActivityStarted").details else {
        panic!("ActivityStarted details")
    };
    assert_eq!(d.worker_name.as_deref(), Some("approver-worker-7"));

    let EventDetails::LambdaFunctionScheduled(d) = &by_type("LambdaFunctionScheduled").details
    else {
        panic!("LambdaFunctionScheduled details")
    };
    assert!(d.resource.ends_with(":function:charge"));
    assert_eq!(d.timeout_in_seconds, Some(30));
    assert!(d.task_credentials.as_ref().unwrap().role_arn.is_some());

    let eval = by_type("EvaluationFailed");
    let EventDetails::EvaluationFailed(d) = &eval.details else {
        panic!("EvaluationFailed details")
    };
    assert_eq!(d.state, "ComputeTotal");
    assert_eq!(d.location.as_ref().unwrap().as_str(), "Assign.total");
    assert_eq!(d.error.as_ref().unwrap().as_str(), "States.QueryEvaluationError");
}

#[test]
fn convenience_accessors() {
    let events = page().events;
    let by_type = |ty: &str| events.iter().find(|e| e.r#type.as_str() == ty).unwrap();

    assert_eq!(by_type("ChoiceStateEntered").state_name(), Some("IsLarge"));
    assert_eq!(by_type("ChoiceStateExited").state_name(), Some("IsLarge"));
    assert_eq!(by_type("MapIterationStarted").state_name(), Some("ProcessItems"));
    assert_eq!(by_type("EvaluationFailed").state_name(), Some("ComputeTotal"));
    assert_eq!(by_type("TaskScheduled").state_name(), None);
    assert_eq!(by_type("ParallelStateStarted").state_name(), None);

    assert_eq!(
        by_type("TaskFailed").error_and_cause(),
        Some((Some("Lambda.Unknown"), Some("secret-cause-task")))
    );
    assert_eq!(
        by_type("MapRunFailed").error_and_cause().and_then(|(e, _)| e),
        Some("States.ExceedToleratedFailureThreshold")
    );
    assert_eq!(by_type("TaskSucceeded").error_and_cause(), None);
    assert_eq!(by_type("MapStateFailed").error_and_cause(), None);
    // Every event with an error member in the fixture reports it.
    let failures = events.iter().filter(|e| e.error_and_cause().is_some()).count();
    assert_eq!(failures, 16);
}

#[test]
fn decode_encode_decode_is_identity() {
    let page = page();
    let bytes = serde_json::to_vec(&page).unwrap();
    let again: GetExecutionHistoryOutput = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(again, page);

    // And the encoding is the wire form itself, member for member; the
    // timestamps are compared to the millisecond the service sends.
    let wire_form = |json: &[u8]| {
        let mut value: serde_json::Value = serde_json::from_slice(json).unwrap();
        for event in value["events"].as_array_mut().unwrap() {
            let secs = event["timestamp"].as_f64().unwrap();
            event["timestamp"] = serde_json::json!((secs * 1000.0).round() as i64);
        }
        value
    };
    assert_eq!(wire_form(&bytes), wire_form(all_events().as_bytes()));
}

#[test]
fn unknown_types_and_details_members_are_kept() {
    let json = r#"{"timestamp": 1795559751.538, "type": "FutureStateEntered", "id": 9,
        "previousEventId": 8,
        "futureEventDetails": {"name": "Next", "nested": {"a": [1, 2.5, null]}}}"#;
    let event = event(json).unwrap();
    assert_eq!(event.r#type, HistoryEventType::Unknown("FutureStateEntered".into()));
    assert!(event.r#type.is_unknown());
    let EventDetails::Unknown { member, json: raw } = &event.details else {
        panic!("expected unknown details, got {:?}", event.details)
    };
    assert_eq!(member, "futureEventDetails");
    assert_eq!(raw.as_str(), r#"{"name": "Next", "nested": {"a": [1, 2.5, null]}}"#);
    assert_eq!(event.details.member_name(), Some("futureEventDetails"));

    let encoded = serde_json::to_string(&event).unwrap();
    assert!(encoded.contains(r#""futureEventDetails":{"name": "Next""#), "{encoded}");
    assert!(encoded.contains(r#""type":"FutureStateEntered""#), "{encoded}");
    assert_eq!(self::event(&encoded).unwrap(), event);

    // An unknown type with a known details member keeps both.
    let event = self::event(
        r#"{"timestamp": 1, "type": "FutureStateEntered", "id": 2,
            "stateEnteredEventDetails": {"name": "Next"}}"#,
    )
    .unwrap();
    assert!(event.r#type.is_unknown());
    assert_eq!(event.state_name(), Some("Next"));
    assert_eq!(self::event(&serde_json::to_string(&event).unwrap()).unwrap(), event);
}

#[test]
fn events_without_details_and_unknown_plain_members() {
    let event = event(
        r#"{"timestamp": 1795559751, "type": "ParallelStateStarted", "id": 3, "previousEventId": 2,
            "somethingNew": {"x": [1, {"y": 2}]}, "flag": true}"#,
    )
    .unwrap();
    assert_eq!(event.details, EventDetails::None);
    assert_eq!(event.details.member_name(), None);
    assert_eq!(event.error_and_cause(), None);
    assert_eq!(
        serde_json::to_string(&event).unwrap(),
        r#"{"timestamp":1795559751,"type":"ParallelStateStarted","id":3,"previousEventId":2}"#
    );
}

#[test]
fn missing_required_members_decode_leniently() {
    let event = event("{}").unwrap();
    assert_eq!(event.timestamp, time::OffsetDateTime::UNIX_EPOCH);
    assert_eq!(event.r#type, HistoryEventType::Unknown(String::new()));
    assert_eq!(event.id, 0);
    assert_eq!(event.previous_event_id, None);
    assert_eq!(event.details, EventDetails::None);

    // Required members of details structs too.
    let event =
        self::event(r#"{"type": "TaskScheduled", "id": 4, "taskScheduledEventDetails": {}}"#)
            .unwrap();
    let EventDetails::TaskScheduled(d) = &event.details else { panic!("TaskScheduled") };
    assert_eq!((d.resource.as_str(), d.parameters.as_str()), ("", ""));
    assert_eq!(d.timeout_in_seconds, None);

    // A page without events.
    let page: GetExecutionHistoryOutput = serde_json::from_str("{}").unwrap();
    assert!(page.events.is_empty() && page.next_token.is_none());

    // `null` optionals count as absent.
    let event = self::event(
        r#"{"timestamp": 2, "type": "MapStateStarted", "id": 5, "previousEventId": null,
            "mapStateStartedEventDetails": null}"#,
    )
    .unwrap();
    assert_eq!((event.previous_event_id, &event.details), (None, &EventDetails::None));
}

#[test]
fn wrong_json_types_are_errors_not_panics() {
    for bad in [
        r#"{"id": "x"}"#,
        r#"{"id": 1.5}"#,
        r#"{"timestamp": "yesterday"}"#,
        r#"{"timestamp": 1e300}"#,
        r#"{"type": 7}"#,
        r#"{"type": null}"#,
        r#"{"previousEventId": "1"}"#,
        r#"{"id": 1, "stateEnteredEventDetails": 42}"#,
        r#"{"id": 1, "stateEnteredEventDetails": "entered"}"#,
        r#"{"id": 1, "stateEnteredEventDetails": {"name": 3}}"#,
        r#"{"id": 1, "mapStateStartedEventDetails": {"length": "three"}}"#,
        r#"{"id": 1, "stateExitedEventDetails": {"name": "s", "assignedVariables": ["x"]}}"#,
        r#"{"id": 1, "taskScheduledEventDetails": {"taskCredentials": "role"}}"#,
        r#"{"id": 1, "id": 2}"#,
        r#"{"id": 1, "futureEventDetails": {"unterminated": }"#,
        "[1, 2, 3]",
        "42",
        "null",
    ] {
        assert!(event(bad).is_err(), "{bad} decoded");
    }
    assert!(
        serde_json::from_str::<GetExecutionHistoryOutput>(r#"{"events": [{"id": "x"}]}"#).is_err()
    );
    assert!(serde_json::from_str::<GetExecutionHistoryOutput>(r#"{"events": {}}"#).is_err());
}

#[test]
fn unknown_details_with_invalid_json_fail_to_encode() {
    let mut event = event(r#"{"timestamp": 1, "type": "X", "id": 1}"#).unwrap();
    event.details =
        EventDetails::Unknown { member: "futureEventDetails".into(), json: "{not json".into() };
    assert!(serde_json::to_string(&event).is_err());
    event.details =
        EventDetails::Unknown { member: "futureEventDetails".into(), json: "[1,2]".into() };
    assert_eq!(
        serde_json::to_string(&event).unwrap(),
        r#"{"timestamp":1,"type":"X","id":1,"futureEventDetails":[1,2]}"#
    );
}

#[test]
fn debug_redacts_sensitive_data() {
    let page = page();
    let debug = format!("{page:?}");
    for secret in [
        "secret-input-4242",
        "secret-output-ok",
        "secret-output-done",
        "secret-cause",
        "Lambda.Unknown",
        "States.QueryEvaluationError",
        "Assign.total",
        "FunctionName",
        "orderId",
    ] {
        assert!(!debug.contains(secret), "Debug shows {secret}");
    }
    // Non-sensitive members still show.
    assert!(debug.contains("approver-worker-7") && debug.contains("ProcessItems"));

    let unknown = event(r#"{"id": 1, "futureEventDetails": {"password": "hunter2"}}"#).unwrap();
    assert!(!format!("{unknown:?}").contains("hunter2"));
    // Serialize writes the real data.
    assert!(serde_json::to_string(&page).unwrap().contains("secret-input-4242"));
}

#[test]
fn input_serializes_validates_and_builds() {
    let arn = "arn:aws:states:us-east-1:123456789012:execution:orders:run-42";
    let input = GetExecutionHistoryInput::new(arn);
    assert_eq!(GetExecutionHistoryInput::NAME, "GetExecutionHistory");
    assert!(input.validate().is_ok());
    assert_eq!(serde_json::to_string(&input).unwrap(), format!(r#"{{"executionArn":"{arn}"}}"#));

    let client = common::offline_client();
    let built = client
        .get_execution_history(arn)
        .max_results(1000)
        .reverse_order(true)
        .next_token("tok")
        .include_execution_data(false)
        .into_input();
    assert!(built.validate().is_ok());
    assert_eq!(
        serde_json::to_value(&built).unwrap(),
        serde_json::json!({
            "executionArn": arn,
            "maxResults": 1000,
            "reverseOrder": true,
            "nextToken": "tok",
            "includeExecutionData": false,
        })
    );
    let round: GetExecutionHistoryInput =
        serde_json::from_value(serde_json::to_value(&built).unwrap()).unwrap();
    assert_eq!(round, built);

    let invalid = |f: fn(&mut GetExecutionHistoryInput), member: &str| {
        let mut input = GetExecutionHistoryInput::new(arn);
        f(&mut input);
        let err = input.validate().unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput);
        assert!(err.to_string().contains(member), "{err} does not name {member}");
    };
    invalid(|i| i.execution_arn.clear(), "executionArn");
    invalid(|i| i.execution_arn = "a".repeat(257), "executionArn");
    invalid(|i| i.max_results = Some(1001), "maxResults");
    invalid(|i| i.max_results = Some(-1), "maxResults");
    invalid(|i| i.next_token = Some(String::new()), "nextToken");
    invalid(|i| i.next_token = Some("t".repeat(1025)), "nextToken");

    let mut edge = GetExecutionHistoryInput::new("a".repeat(256));
    edge.max_results = Some(0);
    edge.next_token = Some("t".repeat(1024));
    assert!(edge.validate().is_ok());
}
