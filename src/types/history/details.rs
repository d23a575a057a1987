//! The `*EventDetails` shapes of a history event, one struct per shape of
//! the service model, plus the small shapes they hold.

use crate::types::Sensitive;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Details of an event that reports a failure: `error` and `cause`.
///
/// The model defines one shape per event type with these same members;
/// they share this struct, and the model's names are aliases of it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct FailureEventDetails {
    /// The error code (sensitive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<Sensitive<String>>,
    /// A more detailed explanation of the failure (sensitive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cause: Option<Sensitive<String>>,
}

/// Details of an `ActivityFailed` event.
pub type ActivityFailedEventDetails = FailureEventDetails;
/// Details of an `ActivityScheduleFailed` event.
pub type ActivityScheduleFailedEventDetails = FailureEventDetails;
/// Details of an `ActivityTimedOut` event.
pub type ActivityTimedOutEventDetails = FailureEventDetails;
/// Details of an `ExecutionFailed` event.
pub type ExecutionFailedEventDetails = FailureEventDetails;
/// Details of an `ExecutionAborted` event.
pub type ExecutionAbortedEventDetails = FailureEventDetails;
/// Details of an `ExecutionTimedOut` event.
pub type ExecutionTimedOutEventDetails = FailureEventDetails;
/// Details of a `LambdaFunctionFailed` event.
pub type LambdaFunctionFailedEventDetails = FailureEventDetails;
/// Details of a `LambdaFunctionScheduleFailed` event.
pub type LambdaFunctionScheduleFailedEventDetails = FailureEventDetails;
/// Details of a `LambdaFunctionStartFailed` event.
pub type LambdaFunctionStartFailedEventDetails = FailureEventDetails;
/// Details of a `LambdaFunctionTimedOut` event.
pub type LambdaFunctionTimedOutEventDetails = FailureEventDetails;
/// Details of a `MapRunFailed` event.
pub type MapRunFailedEventDetails = FailureEventDetails;

/// Details of an `ActivityScheduled` event: an activity task was scheduled.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ActivityScheduledEventDetails {
    /// The activity.
    #[serde(default)]
    pub resource: String,
    /// The input, as JSON text (sensitive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input: Option<Sensitive<String>>,
    /// Whether the input was truncated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input_details: Option<HistoryEventExecutionDataDetails>,
    /// The maximum time allowed, in seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout_in_seconds: Option<i64>,
    /// The maximum time between heartbeats, in seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heartbeat_in_seconds: Option<i64>,
}

/// Details of an `ActivityStarted` event: a worker picked up an activity task.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ActivityStartedEventDetails {
    /// The name of the worker that took the task.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub worker_name: Option<String>,
}

/// Details of an event that carries an output.
///
/// The model defines one shape per event type with these same members;
/// they share this struct, and the model's names are aliases of it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct OutputEventDetails {
    /// The output, as JSON text (sensitive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output: Option<Sensitive<String>>,
    /// Whether the output was truncated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output_details: Option<HistoryEventExecutionDataDetails>,
}

/// Details of an `ActivitySucceeded` event.
pub type ActivitySucceededEventDetails = OutputEventDetails;
/// Details of an `ExecutionSucceeded` event.
pub type ExecutionSucceededEventDetails = OutputEventDetails;
/// Details of a `LambdaFunctionSucceeded` event.
pub type LambdaFunctionSucceededEventDetails = OutputEventDetails;

/// Details of an event that reports a task failure: the resource, `error` and `cause`.
///
/// The model defines one shape per event type with these same members;
/// they share this struct, and the model's names are aliases of it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct TaskFailureEventDetails {
    /// The service of the resource a task calls, such as `lambda` or `dynamodb`.
    #[serde(default)]
    pub resource_type: String,
    /// The action the task calls, such as `invoke` or `putItem`.
    #[serde(default)]
    pub resource: String,
    /// The error code (sensitive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<Sensitive<String>>,
    /// A more detailed explanation of the failure (sensitive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cause: Option<Sensitive<String>>,
}

/// Details of a `TaskFailed` event.
pub type TaskFailedEventDetails = TaskFailureEventDetails;
/// Details of a `TaskStartFailed` event.
pub type TaskStartFailedEventDetails = TaskFailureEventDetails;
/// Details of a `TaskSubmitFailed` event.
pub type TaskSubmitFailedEventDetails = TaskFailureEventDetails;
/// Details of a `TaskTimedOut` event.
pub type TaskTimedOutEventDetails = TaskFailureEventDetails;

/// Details of a `TaskScheduled` event: a service integration task was scheduled.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct TaskScheduledEventDetails {
    /// The service of the resource a task calls, such as `lambda` or `dynamodb`.
    #[serde(default)]
    pub resource_type: String,
    /// The action the task calls, such as `invoke` or `putItem`.
    #[serde(default)]
    pub resource: String,
    /// The region the task runs in.
    #[serde(default)]
    pub region: String,
    /// The parameters the task was called with, as JSON text (sensitive).
    #[serde(default)]
    pub parameters: Sensitive<String>,
    /// The maximum time allowed, in seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout_in_seconds: Option<i64>,
    /// The maximum time between heartbeats, in seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heartbeat_in_seconds: Option<i64>,
    /// The credentials the task runs with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub task_credentials: Option<TaskCredentials>,
}

/// Details of a `TaskStarted` event: a task started.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct TaskStartedEventDetails {
    /// The service of the resource a task calls, such as `lambda` or `dynamodb`.
    #[serde(default)]
    pub resource_type: String,
    /// The action the task calls, such as `invoke` or `putItem`.
    #[serde(default)]
    pub resource: String,
}

/// Details of a task event that carries an output: the resource and the output.
///
/// The model defines one shape per event type with these same members;
/// they share this struct, and the model's names are aliases of it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct TaskOutputEventDetails {
    /// The service of the resource a task calls, such as `lambda` or `dynamodb`.
    #[serde(default)]
    pub resource_type: String,
    /// The action the task calls, such as `invoke` or `putItem`.
    #[serde(default)]
    pub resource: String,
    /// The output, as JSON text (sensitive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output: Option<Sensitive<String>>,
    /// Whether the output was truncated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output_details: Option<HistoryEventExecutionDataDetails>,
}

/// Details of a `TaskSubmitted` event.
pub type TaskSubmittedEventDetails = TaskOutputEventDetails;
/// Details of a `TaskSucceeded` event.
pub type TaskSucceededEventDetails = TaskOutputEventDetails;

/// Details of an `ExecutionStarted` event.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ExecutionStartedEventDetails {
    /// The input, as JSON text (sensitive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input: Option<Sensitive<String>>,
    /// Whether the input was truncated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input_details: Option<HistoryEventExecutionDataDetails>,
    /// The IAM role of the execution.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role_arn: Option<String>,
    /// The state machine alias the execution was started through.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state_machine_alias_arn: Option<String>,
    /// The state machine version that runs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state_machine_version_arn: Option<String>,
}

/// Details of an `ExecutionRedriven` event.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ExecutionRedrivenEventDetails {
    /// How many times the execution has been redriven.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub redrive_count: Option<i32>,
}

/// Details of a `MapStateStarted` event.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct MapStateStartedEventDetails {
    /// The number of iterations of the Map state.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub length: Option<i32>,
}

/// Details of a `MapIterationStarted`, `MapIterationSucceeded`,
/// `MapIterationFailed` or `MapIterationAborted` event (inline Map
/// iterations).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct MapIterationEventDetails {
    /// The name of the Map state.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The index of the iteration in the Map state.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub index: Option<i32>,
}

/// Details of a `LambdaFunctionScheduled` event.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct LambdaFunctionScheduledEventDetails {
    /// The Lambda function.
    #[serde(default)]
    pub resource: String,
    /// The input, as JSON text (sensitive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input: Option<Sensitive<String>>,
    /// Whether the input was truncated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input_details: Option<HistoryEventExecutionDataDetails>,
    /// The maximum time allowed, in seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout_in_seconds: Option<i64>,
    /// The credentials the task runs with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub task_credentials: Option<TaskCredentials>,
}

/// Details of a `*StateEntered` event: a state was entered.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct StateEnteredEventDetails {
    /// The name of the state.
    #[serde(default)]
    pub name: String,
    /// The input, as JSON text (sensitive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input: Option<Sensitive<String>>,
    /// Whether the input was truncated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input_details: Option<HistoryEventExecutionDataDetails>,
}

/// Details of a `*StateExited` event: a state was left.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct StateExitedEventDetails {
    /// The name of the state.
    #[serde(default)]
    pub name: String,
    /// The output, as JSON text (sensitive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output: Option<Sensitive<String>>,
    /// Whether the output was truncated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output_details: Option<HistoryEventExecutionDataDetails>,
    /// The variables the state assigned, name to JSON value (sensitive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assigned_variables: Option<Sensitive<HashMap<String, String>>>,
    /// Whether the assigned variables were truncated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assigned_variables_details: Option<AssignedVariablesDetails>,
}

/// Details of a `MapRunStarted` event: a Distributed Map state started a Map Run.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct MapRunStartedEventDetails {
    /// The Map Run.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub map_run_arn: Option<String>,
}

/// Details of a `MapRunRedriven` event.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct MapRunRedrivenEventDetails {
    /// The Map Run.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub map_run_arn: Option<String>,
    /// How many times the Map Run has been redriven.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub redrive_count: Option<i32>,
}

/// Details of an `EvaluationFailed` event: an expression (JSONata, JSONPath,
/// variable assignment) could not be evaluated.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct EvaluationFailedEventDetails {
    /// The error code (sensitive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<Sensitive<String>>,
    /// A more detailed explanation of the failure (sensitive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cause: Option<Sensitive<String>>,
    /// Where in the state the evaluation failed (sensitive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<Sensitive<String>>,
    /// The name of the state whose evaluation failed.
    #[serde(default)]
    pub state: String,
}

/// Whether input or output data in an event was truncated.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct HistoryEventExecutionDataDetails {
    /// Whether the data was truncated to fit the event size quota.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub truncated: Option<bool>,
}

/// The credentials a task ran with.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct TaskCredentials {
    /// The IAM role the task assumed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role_arn: Option<String>,
}

/// Whether the variables a state assigned were truncated.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct AssignedVariablesDetails {
    /// Whether the data was truncated to fit the event size quota.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub truncated: Option<bool>,
}
