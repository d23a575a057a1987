//! Seeding the fake with state, and reading back what it holds, with the
//! crate's own types: state machines are [`DescribeStateMachineOutput`]s,
//! executions [`DescribeExecutionOutput`]s, Map Runs
//! [`DescribeMapRunOutput`]s and histories [`HistoryEvent`]s, exactly what
//! the operations answer.
//!
//! Versions and aliases are seeded with [`FakeSfn::publish_version`] and
//! [`FakeSfn::put_alias`] (or through the client, as the service has them).
//!
//! The functions of this module make those values with consistent ARNs (in
//! the fake's [`REGION`](super::REGION) and account `123456789012`) and the
//! service's defaults; change any public field before handing one to a
//! `put_*` method of [`FakeSfn`]. The fake runs nothing: a test moves its
//! executions and Map Runs along with [`FakeSfn::update_execution`],
//! [`FakeSfn::update_map_run`] and [`FakeSfn::append_events`], while the
//! code under test polls, follows or waits.
//!
//! What the operations do with that state, where the service leaves a
//! choice or the fake simplifies:
//! - Listings come newest first in pages of `maxResults` (0 or absent: 100);
//!   a `nextToken` is opaque and only good for the listing that issued it
//!   (same operation, resource and filters), else `InvalidToken`.
//! - `StartExecution` makes a RUNNING execution with an `ExecutionStarted`
//!   event, idempotent by name as the service is; through an alias it runs
//!   the alias's first routed version. Nothing runs after that.
//! - `StartSyncExecution` (EXPRESS machines only) answers what
//!   [`FakeSfn::set_sync_result`] seeded, else SUCCEEDED with the input as
//!   output. `TestState` fails with a mocked error, succeeds with a mocked
//!   result, or passes its input through.
//! - `GetActivityTask` does not long-poll: it hands out a task queued with
//!   [`FakeSfn::push_activity_task`], or answers at once with none.
//! - `ValidateStateMachineDefinition` and `CreateStateMachine` accept a
//!   JSON object whose `StartAt` names one of its `States`.
//!
//! ```
//! use sfn_lite::testing::{FakeSfn, seed};
//! use sfn_lite::types::{ExecutionStatus, MapRunStatus};
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), sfn_lite::Error> {
//! let fake = FakeSfn::start().await;
//! let machine = fake.put_state_machine(seed::state_machine("orders", seed::PASS_DEFINITION));
//! let execution = fake.put_execution(seed::execution(&machine, "nightly"));
//! let mut run = seed::map_run(&execution, "ProcessItems");
//! run.item_counts.total = 10;
//! run.item_counts.succeeded = 4;
//! let run = fake.put_map_run(run);
//!
//! let client = fake.client();
//! assert_eq!(client.describe_map_run(&run).await?.item_counts.succeeded, 4);
//!
//! // Later, the run ends and so does its execution.
//! fake.update_map_run(&run, |run| {
//!     run.status = MapRunStatus::Succeeded;
//!     run.item_counts.succeeded = 10;
//! });
//! fake.update_execution(&execution, |e| e.status = ExecutionStatus::Succeeded);
//! let done = client.describe_execution(&execution).await?;
//! assert_eq!(done.status, ExecutionStatus::Succeeded);
//! # Ok(()) }
//! ```

use super::FakeSfn;
use super::service::{Activity, Machine, arn, created, running, split_qualifier};
use crate::operations::{
    DescribeActivityOutput, DescribeExecutionOutput, DescribeMapRunOutput,
    DescribeStateMachineAliasOutput, DescribeStateMachineOutput, StartSyncExecutionOutput,
};
use crate::random;
use crate::types::{
    HistoryEvent, MapRunCounts, MapRunStatus, RoutingConfigurationListItem, StateMachineType, Tag,
};
use std::collections::VecDeque;
use time::OffsetDateTime;

pub use super::service::TaskOutcome;

/// A one-state definition (`{"StartAt": "Done", "States": {"Done": {"Type": "Pass", "End": true}}}`),
/// for tests that need a valid one and no more.
pub const PASS_DEFINITION: &str =
    r#"{"StartAt":"Done","States":{"Done":{"Type":"Pass","End":true}}}"#;

/// The role [`state_machine`] gives a machine.
pub const ROLE_ARN: &str = "arn:aws:iam::123456789012:role/sfn-lite-fake";

/// An ACTIVE STANDARD state machine named `name`, created now, with the
/// service's defaults: logging and tracing off, an AWS owned key.
pub fn state_machine(name: &str, definition: &str) -> DescribeStateMachineOutput {
    let now = OffsetDateTime::now_utc();
    created(name, definition.into(), ROLE_ARN.to_owned(), StateMachineType::Standard, now)
}

/// A RUNNING execution named `name` of the (unqualified) state machine,
/// started now with input `{}`.
pub fn execution(state_machine_arn: &str, name: &str) -> DescribeExecutionOutput {
    let machine = state_machine_arn.split(':').nth(6).unwrap_or_default();
    let execution_arn = arn("execution", &format!("{machine}:{name}"));
    running_now(execution_arn, state_machine_arn.to_owned(), name)
}

/// A RUNNING child execution named `name` of a Map Run, started now with
/// input `{}`; ListExecutions by the Map Run's ARN lists it.
pub fn child_execution(map_run_arn: &str, name: &str) -> DescribeExecutionOutput {
    // mapRun:MACHINE/LABEL:RUN_ID -> execution:MACHINE/LABEL:NAME
    let machine_and_label = map_run_arn.split(':').nth(6).unwrap_or_default();
    let mut child = running_now(
        arn("execution", &format!("{machine_and_label}:{name}")),
        arn("stateMachine", machine_and_label),
        name,
    );
    child.map_run_arn = Some(map_run_arn.to_owned());
    child
}

fn running_now(
    execution_arn: String,
    state_machine_arn: String,
    name: &str,
) -> DescribeExecutionOutput {
    let now = OffsetDateTime::now_utc();
    running(execution_arn, state_machine_arn, name.to_owned(), "{}".to_owned(), now)
}

/// A RUNNING Map Run of the execution's Distributed Map state `label`,
/// started now with no items counted, unbounded concurrency and no
/// tolerated failures.
pub fn map_run(execution_arn: &str, label: &str) -> DescribeMapRunOutput {
    let machine = execution_arn.split(':').nth(6).unwrap_or_default();
    DescribeMapRunOutput {
        map_run_arn: arn("mapRun", &format!("{machine}/{label}:{}", random::uuid_v4())),
        execution_arn: execution_arn.to_owned(),
        status: MapRunStatus::Running,
        start_date: OffsetDateTime::now_utc(),
        stop_date: None,
        max_concurrency: 0,
        tolerated_failure_percentage: 0.0,
        tolerated_failure_count: 0,
        item_counts: MapRunCounts::default(),
        execution_counts: MapRunCounts::default(),
        redrive_count: None,
        redrive_date: None,
    }
}

/// An alias `name` of the state machine routing all its executions to
/// `version_arn` (one of [`FakeSfn::publish_version`]'s), created now.
pub fn alias(
    state_machine_arn: &str,
    name: &str,
    version_arn: &str,
) -> DescribeStateMachineAliasOutput {
    let now = OffsetDateTime::now_utc();
    DescribeStateMachineAliasOutput {
        state_machine_alias_arn: Some(format!("{state_machine_arn}:{name}")),
        name: Some(name.to_owned()),
        description: None,
        routing_configuration: Some(vec![RoutingConfigurationListItem {
            state_machine_version_arn: version_arn.to_owned(),
            weight: 100,
        }]),
        creation_date: Some(now),
        update_date: Some(now),
    }
}

/// Seeding and inspecting (see [`seed`](self)).
///
/// The methods that change a resource by ARN panic when the fake does not
/// hold it: that is a mistake in the test, shown where it was made.
impl FakeSfn {
    /// Stores a state machine (replacing one of the same ARN, keeping its
    /// versions and aliases) and returns its ARN.
    pub fn put_state_machine(&self, machine: DescribeStateMachineOutput) -> String {
        let arn = machine.state_machine_arn.clone();
        let mut world = self.world();
        match world.machines.get_mut(&arn) {
            Some(existing) => existing.description = machine,
            None => {
                world.machines.insert(arn.clone(), Machine::new(machine));
            }
        }
        arn
    }

    /// Publishes the state machine's current definition as a version with
    /// `description` and returns the version's ARN; when its current
    /// revision is published already, the existing version's ARN, as the
    /// service does.
    pub fn publish_version(&self, state_machine_arn: &str, description: Option<&str>) -> String {
        let mut world = self.world();
        let machine = world
            .machines
            .get_mut(state_machine_arn)
            .unwrap_or_else(|| panic!("the fake holds no state machine {state_machine_arn}"));
        machine.publish(description.map(Into::into), OffsetDateTime::now_utc()).0
    }

    /// Stores an alias (replacing one of the same name) on the state machine
    /// its ARN names, and returns its ARN. [`alias`] makes one.
    pub fn put_alias(&self, alias: DescribeStateMachineAliasOutput) -> String {
        let alias_arn = alias.state_machine_alias_arn.clone().expect("an alias with its ARN");
        let (machine_arn, name) = split_qualifier(&alias_arn);
        let name = name.expect("an alias ARN ends with the alias name").to_owned();
        let mut world = self.world();
        let machine = world
            .machines
            .get_mut(machine_arn)
            .unwrap_or_else(|| panic!("the fake holds no state machine {machine_arn}"));
        machine.aliases.insert(name, alias);
        alias_arn
    }

    /// Stores an execution (replacing one of the same ARN) and returns its
    /// ARN. A new execution's history starts with its `ExecutionStarted`
    /// event; a replaced one keeps its history.
    pub fn put_execution(&self, execution: DescribeExecutionOutput) -> String {
        let arn = execution.execution_arn.clone();
        self.world().put_execution(execution);
        arn
    }

    /// Stores a Map Run (replacing one of the same ARN) and returns its ARN.
    /// `ListMapRuns` lists it under its `execution_arn`; its child
    /// executions are [`child_execution`]s put with [`put_execution`](Self::put_execution).
    pub fn put_map_run(&self, run: DescribeMapRunOutput) -> String {
        let arn = run.map_run_arn.clone();
        self.world().map_runs.insert(arn.clone(), run);
        arn
    }

    /// Stores an activity named `name`, created now, and returns its ARN.
    pub fn put_activity(&self, name: &str) -> String {
        let activity_arn = arn("activity", name);
        let description = DescribeActivityOutput {
            activity_arn: activity_arn.clone(),
            name: name.to_owned(),
            creation_date: OffsetDateTime::now_utc(),
            encryption_configuration: None,
        };
        self.world()
            .activities
            .entry(activity_arn.clone())
            .or_insert(Activity { description, queue: VecDeque::new() });
        activity_arn
    }

    /// Queues a task with `input` (JSON text) for the activity; the next
    /// `GetActivityTask` hands it out. Returns its task token, for
    /// [`task_outcome`](Self::task_outcome).
    ///
    /// The fake's `GetActivityTask` does not long-poll: with no task queued
    /// it answers at once with no task.
    pub fn push_activity_task(&self, activity_arn: &str, input: &str) -> String {
        let token = self.world().push_activity_task(activity_arn, input.to_owned());
        token.unwrap_or_else(|| panic!("the fake holds no activity {activity_arn}"))
    }

    /// Adds events to an execution's history, their ids continuing from its
    /// last event (and `previous_event_id` from it, unless set). Safe while
    /// a client follows the history.
    pub fn append_events(
        &self,
        execution_arn: &str,
        events: impl IntoIterator<Item = HistoryEvent>,
    ) {
        let appended = self.world().append_events(execution_arn, events);
        appended.unwrap_or_else(|| panic!("the fake holds no execution {execution_arn}"));
    }

    /// Changes an execution in place, such as its status, output or stop
    /// date; returns what `change` returns. Its history is left as is.
    pub fn update_execution<R>(
        &self,
        execution_arn: &str,
        change: impl FnOnce(&mut DescribeExecutionOutput) -> R,
    ) -> R {
        let mut world = self.world();
        let execution = world.executions.get_mut(execution_arn);
        let execution =
            execution.unwrap_or_else(|| panic!("the fake holds no execution {execution_arn}"));
        change(&mut execution.description)
    }

    /// Changes a Map Run in place, such as its status or counts; returns
    /// what `change` returns.
    pub fn update_map_run<R>(
        &self,
        map_run_arn: &str,
        change: impl FnOnce(&mut DescribeMapRunOutput) -> R,
    ) -> R {
        let mut world = self.world();
        let run = world.map_runs.get_mut(map_run_arn);
        change(run.unwrap_or_else(|| panic!("the fake holds no Map Run {map_run_arn}")))
    }

    /// What `StartSyncExecution` of the (EXPRESS) state machine answers
    /// from now on; its ARN, name and input members are filled in per call.
    /// Unseeded, a synchronous execution succeeds with its input as output.
    pub fn set_sync_result(&self, state_machine_arn: &str, result: StartSyncExecutionOutput) {
        let mut world = self.world();
        let machine = world.machines.get_mut(state_machine_arn);
        let machine = machine
            .unwrap_or_else(|| panic!("the fake holds no state machine {state_machine_arn}"));
        machine.sync_result = Some(result);
    }

    /// The state machine (latest revision) the fake holds.
    pub fn state_machine(&self, state_machine_arn: &str) -> Option<DescribeStateMachineOutput> {
        self.world().machines.get(state_machine_arn).map(|m| m.description.clone())
    }

    /// The execution the fake holds.
    pub fn execution(&self, execution_arn: &str) -> Option<DescribeExecutionOutput> {
        self.world().executions.get(execution_arn).map(|e| e.description.clone())
    }

    /// Every execution the fake holds, in ARN order.
    pub fn executions(&self) -> Vec<DescribeExecutionOutput> {
        self.world().executions.values().map(|e| e.description.clone()).collect()
    }

    /// The execution's history, oldest first (empty for an unknown one).
    pub fn events(&self, execution_arn: &str) -> Vec<HistoryEvent> {
        self.world().executions.get(execution_arn).map(|e| e.events.clone()).unwrap_or_default()
    }

    /// The Map Run the fake holds.
    pub fn map_run(&self, map_run_arn: &str) -> Option<DescribeMapRunOutput> {
        self.world().map_runs.get(map_run_arn).cloned()
    }

    /// The resource's tags (empty when it has none).
    pub fn tags(&self, resource_arn: &str) -> Vec<Tag> {
        self.world().tags.get(resource_arn).cloned().unwrap_or_default()
    }

    /// What the worker of the task reported (`None` while it is open or
    /// when the token is unknown).
    pub fn task_outcome(&self, task_token: &str) -> Option<TaskOutcome> {
        self.world().tasks.get(task_token).and_then(|t| t.outcome.clone())
    }

    /// How many heartbeats the worker of the task sent.
    pub fn task_heartbeats(&self, task_token: &str) -> u32 {
        self.world().tasks.get(task_token).map_or(0, |t| t.heartbeats)
    }
}
