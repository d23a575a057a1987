//! Executions, their histories and Map Runs: StartExecution,
//! DescribeExecution, ListExecutions, StopExecution, RedriveExecution,
//! GetExecutionHistory, ListMapRuns, DescribeMapRun, UpdateMapRun.

use super::pages::page;
use super::{Fault, Outcome, World, arn, no_execution, no_machine, split_qualifier};
use crate::operations::{
    DescribeExecutionInput, DescribeExecutionOutput, DescribeMapRunInput, DescribeMapRunOutput,
    ExecutionListItem, GetExecutionHistoryInput, GetExecutionHistoryOutput, ListExecutionsInput,
    ListExecutionsOutput, ListMapRunsInput, ListMapRunsOutput, MapRunListItem,
    RedriveExecutionInput, RedriveExecutionOutput, StartExecutionInput, StartExecutionOutput,
    StopExecutionInput, StopExecutionOutput, UpdateMapRunInput, UpdateMapRunOutput,
};
use crate::random;
use crate::types::history::{
    ExecutionRedrivenEventDetails, ExecutionStartedEventDetails, FailureEventDetails,
    HistoryEventExecutionDataDetails,
};
use crate::types::{
    EventDetails, ExecutionRedriveFilter, ExecutionRedriveStatus, ExecutionStatus, HistoryEvent,
    HistoryEventType, IncludedData, MapRunStatus, Sensitive, StateMachineType,
};
use time::OffsetDateTime;

/// An execution: its description and its history.
#[derive(Debug, Clone)]
pub(crate) struct Execution {
    pub(crate) description: DescribeExecutionOutput,
    pub(crate) events: Vec<HistoryEvent>,
    /// Orders listings newest first when start dates tie.
    pub(crate) sequence: u64,
}

/// A RUNNING execution as StartExecution makes it: started at `now` with
/// `input`, not redrivable while it runs.
pub(crate) fn running(
    execution_arn: String,
    state_machine_arn: String,
    name: String,
    input: String,
    now: OffsetDateTime,
) -> DescribeExecutionOutput {
    DescribeExecutionOutput {
        execution_arn,
        state_machine_arn,
        name: Some(name),
        status: ExecutionStatus::Running,
        start_date: now,
        stop_date: None,
        input: Some(input.into()),
        input_details: None,
        output: None,
        output_details: None,
        trace_header: None,
        map_run_arn: None,
        error: None,
        cause: None,
        state_machine_version_arn: None,
        state_machine_alias_arn: None,
        redrive_count: Some(0),
        redrive_date: None,
        redrive_status: Some(ExecutionRedriveStatus::NotRedrivable),
        redrive_status_reason: Some("Execution is RUNNING and cannot be redriven".into()),
    }
}

fn no_map_run(map_run_arn: &str) -> Fault {
    Fault::new("ResourceNotFound", format!("Map Run Does Not Exist: '{map_run_arn}'"))
}

/// The `ExecutionStarted` event that opens an execution's history.
pub(crate) fn started_event(
    execution: &DescribeExecutionOutput,
    role_arn: Option<String>,
) -> HistoryEvent {
    HistoryEvent {
        timestamp: execution.start_date,
        r#type: HistoryEventType::ExecutionStarted,
        id: 1,
        previous_event_id: Some(0),
        details: EventDetails::ExecutionStarted(ExecutionStartedEventDetails {
            input: execution.input.clone(),
            input_details: Some(HistoryEventExecutionDataDetails { truncated: Some(false) }),
            role_arn,
            state_machine_alias_arn: execution.state_machine_alias_arn.clone(),
            state_machine_version_arn: execution.state_machine_version_arn.clone(),
            ..Default::default()
        }),
    }
}

fn is_closed(status: &ExecutionStatus) -> bool {
    !matches!(status, ExecutionStatus::Running | ExecutionStatus::PendingRedrive)
}

impl World {
    /// Adds `events` to an execution's history, numbering them on from its
    /// last event. `None` when the execution is unknown.
    pub(crate) fn append_events(
        &mut self,
        execution_arn: &str,
        events: impl IntoIterator<Item = HistoryEvent>,
    ) -> Option<()> {
        let execution = self.executions.get_mut(execution_arn)?;
        for mut event in events {
            let last = execution.events.last().map_or(0, |e| e.id);
            event.id = last + 1;
            event.previous_event_id.get_or_insert(last);
            execution.events.push(event);
        }
        Some(())
    }

    /// Stores an execution as given, with its history when it has none yet.
    pub(crate) fn put_execution(&mut self, description: DescribeExecutionOutput) {
        let sequence = self.next_sequence();
        let arn = description.execution_arn.clone();
        let events = match self.executions.remove(&arn) {
            Some(old) => old.events,
            None => vec![started_event(&description, None)],
        };
        self.executions.insert(arn, Execution { description, events, sequence });
    }

    pub(super) fn start_execution(
        &mut self,
        input: StartExecutionInput,
        now: OffsetDateTime,
    ) -> Outcome<StartExecutionOutput> {
        let target = self.resolve_target(&input.state_machine_arn)?;
        let machine = &self.machines[&target.machine_arn];
        let machine_name = machine.description.name.clone();
        let role_arn = machine.description.role_arn.clone();
        let name = input.name.unwrap_or_else(random::uuid_v4);
        let execution_arn = match machine.description.r#type {
            StateMachineType::Express => {
                format!(
                    "{}:{}",
                    arn("express", &format!("{machine_name}:{name}")),
                    random::uuid_v4()
                )
            }
            _ => arn("execution", &format!("{machine_name}:{name}")),
        };
        let input_text = input.input.map_or_else(|| "{}".to_owned(), Sensitive::into_inner);
        if let Some(existing) = self.executions.get(&execution_arn) {
            let same_input = existing.description.input.as_ref().map(|i| i.as_str())
                == Some(input_text.as_str());
            // The service's idempotency: the same start of a running execution
            // answers with that execution; anything else is a conflict.
            if existing.description.status == ExecutionStatus::Running && same_input {
                return Ok(StartExecutionOutput {
                    execution_arn,
                    start_date: existing.description.start_date,
                });
            }
            return Err(Fault::new(
                "ExecutionAlreadyExists",
                format!("Execution Already Exists: '{execution_arn}'"),
            ));
        }
        let mut description =
            running(execution_arn.clone(), target.machine_arn, name, input_text, now);
        description.trace_header = input.trace_header;
        description.state_machine_version_arn = target.version_arn;
        description.state_machine_alias_arn = target.alias_arn;
        let events = vec![started_event(&description, Some(role_arn))];
        let sequence = self.next_sequence();
        self.executions.insert(execution_arn.clone(), Execution { description, events, sequence });
        Ok(StartExecutionOutput { execution_arn, start_date: now })
    }

    pub(super) fn describe_execution(
        &mut self,
        input: DescribeExecutionInput,
        _now: OffsetDateTime,
    ) -> Outcome<DescribeExecutionOutput> {
        let execution = self.execution(&input.execution_arn)?;
        let mut description = execution.description.clone();
        if input.included_data == Some(IncludedData::MetadataOnly) {
            description.input = None;
            description.output = None;
        }
        Ok(description)
    }

    pub(crate) fn execution(&self, execution_arn: &str) -> Outcome<&Execution> {
        self.executions.get(execution_arn).ok_or_else(|| no_execution(execution_arn))
    }

    pub(super) fn list_executions(
        &mut self,
        input: ListExecutionsInput,
        _now: OffsetDateTime,
    ) -> Outcome<ListExecutionsOutput> {
        let mut listed: Vec<&Execution> = match (&input.state_machine_arn, &input.map_run_arn) {
            (Some(machine_arn), _) => {
                let (unqualified, qualifier) = split_qualifier(machine_arn);
                let known = self.machines.contains_key(unqualified)
                    || self
                        .executions
                        .values()
                        .any(|e| e.description.state_machine_arn == *machine_arn);
                if !known {
                    return Err(no_machine(machine_arn));
                }
                let express = self.machines.get(unqualified).map(|m| &m.description.r#type)
                    == Some(&StateMachineType::Express);
                if express {
                    return Err(Fault::new(
                        "StateMachineTypeNotSupported",
                        format!("ListExecutions does not list EXPRESS executions: '{machine_arn}'"),
                    ));
                }
                self.executions
                    .values()
                    .filter(|e| {
                        let d = &e.description;
                        match qualifier {
                            None => d.state_machine_arn == *machine_arn,
                            Some(_) => {
                                d.state_machine_version_arn.as_deref() == Some(machine_arn.as_str())
                                    || d.state_machine_alias_arn.as_deref()
                                        == Some(machine_arn.as_str())
                            }
                        }
                    })
                    .collect()
            }
            (None, Some(map_run_arn)) => {
                if !self.map_runs.contains_key(map_run_arn) {
                    return Err(no_map_run(map_run_arn));
                }
                self.executions
                    .values()
                    .filter(|e| e.description.map_run_arn.as_deref() == Some(map_run_arn.as_str()))
                    .collect()
            }
            (None, None) => {
                return Err(Fault::validation("Must provide a StateMachine ARN or MapRun ARN"));
            }
        };
        listed.retain(|e| {
            let d = &e.description;
            let status = input.status_filter.as_ref().is_none_or(|s| *s == d.status);
            let redriven = d.redrive_count.unwrap_or(0) > 0;
            let redrive = match &input.redrive_filter {
                Some(ExecutionRedriveFilter::Redriven) => redriven,
                Some(ExecutionRedriveFilter::NotRedriven) => !redriven,
                _ => true,
            };
            status && redrive
        });
        // Newest first, as the service lists them.
        listed.sort_by(|a, b| {
            (b.description.start_date, b.sequence).cmp(&(a.description.start_date, a.sequence))
        });
        let items = listed.into_iter().map(|e| list_item(&e.description)).collect();
        let listing = format!(
            "ListExecutions {:?} {:?} {:?} {:?}",
            input.state_machine_arn, input.map_run_arn, input.status_filter, input.redrive_filter
        );
        let (executions, next_token) =
            page(items, &listing, input.max_results, input.next_token.as_deref())?;
        Ok(ListExecutionsOutput { executions, next_token })
    }

    pub(super) fn stop_execution(
        &mut self,
        input: StopExecutionInput,
        now: OffsetDateTime,
    ) -> Outcome<StopExecutionOutput> {
        let arn = input.execution_arn;
        let execution = self.executions.get_mut(&arn).ok_or_else(|| no_execution(&arn))?;
        if is_closed(&execution.description.status) {
            // Stopping a closed execution changes nothing.
            let stop_date = execution.description.stop_date.unwrap_or(now);
            return Ok(StopExecutionOutput { stop_date });
        }
        let d = &mut execution.description;
        d.status = ExecutionStatus::Aborted;
        d.stop_date = Some(now);
        d.error.clone_from(&input.error);
        d.cause.clone_from(&input.cause);
        if !arn.contains(":express:") {
            d.redrive_status = Some(ExecutionRedriveStatus::Redrivable);
            d.redrive_status_reason = None;
        }
        let event = HistoryEvent {
            timestamp: now,
            r#type: HistoryEventType::ExecutionAborted,
            id: 0,
            previous_event_id: None,
            details: EventDetails::ExecutionAborted(FailureEventDetails {
                error: input.error,
                cause: input.cause,
            }),
        };
        self.append_events(&arn, [event]);
        Ok(StopExecutionOutput { stop_date: now })
    }

    pub(super) fn redrive_execution(
        &mut self,
        input: RedriveExecutionInput,
        now: OffsetDateTime,
    ) -> Outcome<RedriveExecutionOutput> {
        let arn = input.execution_arn;
        let execution = self.executions.get_mut(&arn).ok_or_else(|| no_execution(&arn))?;
        let d = &mut execution.description;
        let redrivable = matches!(
            d.status,
            ExecutionStatus::Failed | ExecutionStatus::Aborted | ExecutionStatus::TimedOut
        ) && !arn.contains(":express:")
            && d.redrive_status != Some(ExecutionRedriveStatus::NotRedrivable);
        if !redrivable {
            return Err(Fault::new(
                "ExecutionNotRedrivable",
                format!("Execution '{arn}' is {} and cannot be redriven", d.status),
            ));
        }
        let count = d.redrive_count.unwrap_or(0) + 1;
        d.status = ExecutionStatus::Running;
        d.stop_date = None;
        d.error = None;
        d.cause = None;
        d.output = None;
        d.redrive_count = Some(count);
        d.redrive_date = Some(now);
        d.redrive_status = Some(ExecutionRedriveStatus::NotRedrivable);
        d.redrive_status_reason = Some("Execution is RUNNING and cannot be redriven".into());
        let event = HistoryEvent {
            timestamp: now,
            r#type: HistoryEventType::ExecutionRedriven,
            id: 0,
            previous_event_id: None,
            details: EventDetails::ExecutionRedriven(ExecutionRedrivenEventDetails {
                redrive_count: Some(count),
            }),
        };
        self.append_events(&arn, [event]);
        Ok(RedriveExecutionOutput { redrive_date: now })
    }

    pub(super) fn get_execution_history(
        &mut self,
        input: GetExecutionHistoryInput,
        _now: OffsetDateTime,
    ) -> Outcome<GetExecutionHistoryOutput> {
        let execution = self.execution(&input.execution_arn)?;
        let reverse = input.reverse_order.unwrap_or(false);
        let with_data = input.include_execution_data.unwrap_or(true);
        let mut events = execution.events.clone();
        if reverse {
            events.reverse();
        }
        let listing = format!("GetExecutionHistory {} {reverse}", input.execution_arn);
        let (mut events, next_token) =
            page(events, &listing, input.max_results, input.next_token.as_deref())?;
        if !with_data {
            for event in &mut events {
                *event = without_data(event);
            }
        }
        Ok(GetExecutionHistoryOutput { events, next_token })
    }

    pub(super) fn list_map_runs(
        &mut self,
        input: ListMapRunsInput,
        _now: OffsetDateTime,
    ) -> Outcome<ListMapRunsOutput> {
        let parent = &input.execution_arn;
        let runs: Vec<&DescribeMapRunOutput> =
            self.map_runs.values().filter(|r| r.execution_arn == *parent).collect();
        if runs.is_empty() && !self.executions.contains_key(parent) {
            return Err(no_execution(parent));
        }
        let mut runs: Vec<MapRunListItem> = runs
            .into_iter()
            .map(|r| MapRunListItem {
                execution_arn: r.execution_arn.clone(),
                map_run_arn: r.map_run_arn.clone(),
                // mapRun:MACHINE/LABEL:RUN_ID runs stateMachine:MACHINE/LABEL.
                state_machine_arn: arn(
                    "stateMachine",
                    r.map_run_arn.split(':').nth(6).unwrap_or_default(),
                ),
                start_date: r.start_date,
                stop_date: r.stop_date,
            })
            .collect();
        runs.sort_by_key(|r| std::cmp::Reverse(r.start_date));
        let listing = format!("ListMapRuns {parent}");
        let (map_runs, next_token) =
            page(runs, &listing, input.max_results, input.next_token.as_deref())?;
        Ok(ListMapRunsOutput { map_runs, next_token })
    }

    pub(super) fn describe_map_run(
        &mut self,
        input: DescribeMapRunInput,
        _now: OffsetDateTime,
    ) -> Outcome<DescribeMapRunOutput> {
        self.map_runs.get(&input.map_run_arn).cloned().ok_or_else(|| no_map_run(&input.map_run_arn))
    }

    pub(super) fn update_map_run(
        &mut self,
        input: UpdateMapRunInput,
        _now: OffsetDateTime,
    ) -> Outcome<UpdateMapRunOutput> {
        let run = self
            .map_runs
            .get_mut(&input.map_run_arn)
            .ok_or_else(|| no_map_run(&input.map_run_arn))?;
        if run.status != MapRunStatus::Running {
            return Err(Fault::validation(format!(
                "Map Run '{}' is {} and cannot be updated",
                input.map_run_arn, run.status
            )));
        }
        if let Some(n) = input.max_concurrency {
            run.max_concurrency = n;
        }
        if let Some(p) = input.tolerated_failure_percentage {
            run.tolerated_failure_percentage = p;
        }
        if let Some(n) = input.tolerated_failure_count {
            run.tolerated_failure_count = n;
        }
        Ok(UpdateMapRunOutput {})
    }
}

fn list_item(d: &DescribeExecutionOutput) -> ExecutionListItem {
    ExecutionListItem {
        execution_arn: d.execution_arn.clone(),
        state_machine_arn: d.state_machine_arn.clone(),
        name: d.name.clone().unwrap_or_default(),
        status: d.status.clone(),
        start_date: d.start_date,
        stop_date: d.stop_date,
        map_run_arn: d.map_run_arn.clone(),
        item_count: None,
        state_machine_version_arn: d.state_machine_version_arn.clone(),
        state_machine_alias_arn: d.state_machine_alias_arn.clone(),
        redrive_count: d.redrive_count,
        redrive_date: d.redrive_date,
    }
}

/// The event with the input and output of its details dropped, as
/// `includeExecutionData: false` asks.
fn without_data(event: &HistoryEvent) -> HistoryEvent {
    let Ok(mut json) = serde_json::to_value(event) else { return event.clone() };
    if let Some(object) = json.as_object_mut() {
        for (key, value) in object.iter_mut() {
            if let Some(details) = value.as_object_mut().filter(|_| key.ends_with("EventDetails")) {
                details.remove("input");
                details.remove("output");
            }
        }
    }
    serde_json::from_value(json).unwrap_or_else(|_| event.clone())
}
