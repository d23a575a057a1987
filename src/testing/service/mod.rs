//! The fake's service: its state ([`World`]) and what each operation does
//! to it. It knows nothing of HTTP: [`World::handle`] takes an operation
//! name and a request body and gives a status and a body.
//!
//! Each request body is decoded into the crate's own input type, checked by
//! its [`Operation::validate`] (the model's limits, as the service checks
//! them), and answered with the crate's own output type, so the wire format
//! is the crate's by construction. Errors carry the service's codes and
//! AWS-like messages.

mod activities;
mod executions;
mod machines;
mod pages;

pub use activities::TaskOutcome;
pub(crate) use activities::{Activity, Task};
pub(crate) use executions::{Execution, running};
pub(crate) use machines::{Machine, created};

use crate::error::Error;
use crate::operation::Operation;
use crate::operations::DescribeMapRunOutput;
use crate::types::Tag;
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::collections::{BTreeMap, HashMap};
use time::OffsetDateTime;

/// The account of every ARN the fake makes.
pub(crate) const ACCOUNT: &str = "123456789012";

/// Everything the fake holds.
#[derive(Default)]
pub(crate) struct World {
    /// State machines by unqualified ARN.
    pub(crate) machines: BTreeMap<String, Machine>,
    /// Executions by ARN.
    pub(crate) executions: BTreeMap<String, Execution>,
    /// Map Runs by ARN.
    pub(crate) map_runs: BTreeMap<String, DescribeMapRunOutput>,
    /// Activities by ARN.
    pub(crate) activities: BTreeMap<String, Activity>,
    /// Activity tasks by token, handed out or not.
    pub(crate) tasks: HashMap<String, Task>,
    /// Tags by resource ARN.
    pub(crate) tags: HashMap<String, Vec<Tag>>,
    /// Orders executions that started at the same instant.
    pub(crate) sequence: u64,
}

// Task tokens are keys here: show how much the fake holds, not what.
impl std::fmt::Debug for World {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("World")
            .field("machines", &self.machines.len())
            .field("executions", &self.executions.len())
            .field("map_runs", &self.map_runs.len())
            .field("activities", &self.activities.len())
            .field("tasks", &self.tasks.len())
            .finish_non_exhaustive()
    }
}

/// An answer of the service: a status and an AWS JSON 1.0 body.
#[derive(Debug)]
pub(crate) struct ServiceReply {
    pub(crate) status: u16,
    pub(crate) body: Vec<u8>,
}

/// A service error: the code goes in `__type`, with the message.
#[derive(Debug)]
pub(crate) struct Fault {
    code: &'static str,
    message: String,
}

impl Fault {
    pub(crate) fn new(code: &'static str, message: impl Into<String>) -> Self {
        Self { code, message: message.into() }
    }

    /// `ValidationException`.
    pub(crate) fn validation(message: impl Into<String>) -> Self {
        Self::new("ValidationException", message)
    }

    fn reply(&self) -> ServiceReply {
        let body = serde_json::json!({ "__type": self.code, "message": self.message });
        ServiceReply { status: 400, body: body.to_string().into_bytes() }
    }
}

/// What an operation's handler gives.
pub(crate) type Outcome<T> = Result<T, Fault>;

impl World {
    /// Runs `operation` (the name after `AWSStepFunctions.` in
    /// `X-Amz-Target`) on `body` at time `now`.
    pub(crate) fn handle(
        &mut self,
        operation: &str,
        body: &[u8],
        now: OffsetDateTime,
    ) -> ServiceReply {
        macro_rules! serve {
            ($($name:literal => $handler:path,)+) => {
                match operation {
                    $($name => self.run(body, now, $handler),)+
                    _ => Fault::new(
                        "UnknownOperationException",
                        format!("The operation `{operation}` is not known to Step Functions"),
                    )
                    .reply(),
                }
            };
        }
        serve! {
            "CreateActivity" => Self::create_activity,
            "DeleteActivity" => Self::delete_activity,
            "DescribeActivity" => Self::describe_activity,
            "ListActivities" => Self::list_activities,
            "GetActivityTask" => Self::get_activity_task,
            "SendTaskSuccess" => Self::send_task_success,
            "SendTaskFailure" => Self::send_task_failure,
            "SendTaskHeartbeat" => Self::send_task_heartbeat,
            "TagResource" => Self::tag_resource,
            "UntagResource" => Self::untag_resource,
            "ListTagsForResource" => Self::list_tags_for_resource,
            "StartExecution" => Self::start_execution,
            "DescribeExecution" => Self::describe_execution,
            "ListExecutions" => Self::list_executions,
            "StopExecution" => Self::stop_execution,
            "RedriveExecution" => Self::redrive_execution,
            "GetExecutionHistory" => Self::get_execution_history,
            "ListMapRuns" => Self::list_map_runs,
            "DescribeMapRun" => Self::describe_map_run,
            "UpdateMapRun" => Self::update_map_run,
            "CreateStateMachine" => Self::create_state_machine,
            "DescribeStateMachine" => Self::describe_state_machine,
            "DescribeStateMachineForExecution" => Self::describe_state_machine_for_execution,
            "UpdateStateMachine" => Self::update_state_machine,
            "DeleteStateMachine" => Self::delete_state_machine,
            "ListStateMachines" => Self::list_state_machines,
            "PublishStateMachineVersion" => Self::publish_state_machine_version,
            "ListStateMachineVersions" => Self::list_state_machine_versions,
            "DeleteStateMachineVersion" => Self::delete_state_machine_version,
            "CreateStateMachineAlias" => Self::create_state_machine_alias,
            "DescribeStateMachineAlias" => Self::describe_state_machine_alias,
            "UpdateStateMachineAlias" => Self::update_state_machine_alias,
            "DeleteStateMachineAlias" => Self::delete_state_machine_alias,
            "ListStateMachineAliases" => Self::list_state_machine_aliases,
            "StartSyncExecution" => Self::start_sync_execution,
            "ValidateStateMachineDefinition" => Self::validate_state_machine_definition,
            "TestState" => Self::test_state,
        }
    }

    /// Decodes the input, checks it as the service does, runs `handler` and
    /// encodes its output.
    fn run<I>(
        &mut self,
        body: &[u8],
        now: OffsetDateTime,
        handler: fn(&mut Self, I, OffsetDateTime) -> Outcome<I::Output>,
    ) -> ServiceReply
    where
        I: Operation + DeserializeOwned,
        I::Output: Serialize,
    {
        let body = if body.is_empty() { b"{}".as_slice() } else { body };
        let input: I = match serde_json::from_slice(body) {
            Ok(input) => input,
            Err(err) => {
                return Fault::new(
                    "SerializationException",
                    format!("The request body is not a valid {} input: {err}", I::NAME),
                )
                .reply();
            }
        };
        if let Err(err) = input.validate() {
            return invalid_input(&err).reply();
        }
        match handler(self, input, now) {
            Ok(output) => match serde_json::to_vec(&output) {
                Ok(body) => ServiceReply { status: 200, body },
                Err(err) => {
                    Fault::new("InternalFailure", format!("unencodable output: {err}")).reply()
                }
            },
            Err(fault) => fault.reply(),
        }
    }

    /// The next number of [`Self::sequence`].
    pub(crate) fn next_sequence(&mut self) -> u64 {
        self.sequence += 1;
        self.sequence
    }
}

/// The service's code for an input the model's limits refuse, from the
/// member the check names: ARNs give `InvalidArn`, names `InvalidName`,
/// tokens `InvalidToken`, definitions `InvalidDefinition`, the rest
/// `ValidationException`.
fn invalid_input(err: &Error) -> Fault {
    let text = err.to_string();
    let member = text.split('`').nth(1).unwrap_or_default();
    let code = if member.ends_with("Arn") || member.ends_with("Arns") {
        "InvalidArn"
    } else if member == "name" {
        "InvalidName"
    } else if member.ends_with("Token") {
        "InvalidToken"
    } else if member == "definition" {
        "InvalidDefinition"
    } else {
        "ValidationException"
    };
    Fault::new(code, text)
}

/// `arn:aws:states:<region>:<account>:<resource>:<name>` in the fake's
/// region and account.
pub(crate) fn arn(resource: &str, name: &str) -> String {
    format!("arn:aws:states:{}:{ACCOUNT}:{resource}:{name}", super::REGION)
}

/// The unqualified state machine ARN of a version or alias ARN (the ARN
/// itself when it has no qualifier), and the qualifier.
pub(crate) fn split_qualifier(state_machine_arn: &str) -> (&str, Option<&str>) {
    // arn:aws:states:REGION:ACCOUNT:stateMachine:NAME[:QUALIFIER]
    match state_machine_arn.match_indices(':').nth(6) {
        Some((at, _)) => (&state_machine_arn[..at], Some(&state_machine_arn[at + 1..])),
        None => (state_machine_arn, None),
    }
}

/// The resource type of an ARN (`stateMachine`, `execution`, ...).
pub(crate) fn resource_type(arn: &str) -> &str {
    arn.split(':').nth(5).unwrap_or_default()
}

/// "Execution Does Not Exist: '<arn>'".
pub(crate) fn no_execution(execution_arn: &str) -> Fault {
    Fault::new("ExecutionDoesNotExist", format!("Execution Does Not Exist: '{execution_arn}'"))
}

/// "State Machine Does Not Exist: '<arn>'".
pub(crate) fn no_machine(state_machine_arn: &str) -> Fault {
    Fault::new(
        "StateMachineDoesNotExist",
        format!("State Machine Does Not Exist: '{state_machine_arn}'"),
    )
}
