//! Execution operations: StartExecution, DescribeExecution, ListExecutions,
//! StopExecution, RedriveExecution.

use super::validate::{
    self as check, ARN_MAX, CAUSE_MAX, ERROR_MAX, EXECUTION_INPUT_MAX,
    LIST_EXECUTIONS_PAGE_TOKEN_MAX, LONG_ARN_MAX, NAME_MAX, PAGE_SIZE_MAX, TRACE_HEADER_MAX,
};
use crate::client::{Client, RequestBuilder};
use crate::error::Error;
use crate::operation::Operation;
use crate::random;
use crate::types::{
    CloudWatchEventsExecutionDataDetails, ExecutionRedriveFilter, ExecutionRedriveStatus,
    ExecutionStatus, IncludedData, Sensitive,
};
use crate::wire;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// Input of `DescribeExecution`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct DescribeExecutionInput {
    /// The execution to describe.
    pub execution_arn: String,
    /// Whether to include encrypted input and output (default: all data).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub included_data: Option<IncludedData>,
}

impl DescribeExecutionInput {
    /// An input for the execution.
    pub fn new(execution_arn: impl Into<String>) -> Self {
        Self { execution_arn: execution_arn.into(), ..Self::default() }
    }
}

/// Output of `DescribeExecution`: an execution's status, data and redrive state.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct DescribeExecutionOutput {
    /// The execution.
    #[serde(default)]
    pub execution_arn: String,
    /// The state machine it runs.
    #[serde(default)]
    pub state_machine_arn: String,
    /// Its name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Its status.
    #[serde(default)]
    pub status: ExecutionStatus,
    /// When it started.
    #[serde(with = "wire::timestamp", default = "wire::epoch")]
    pub start_date: OffsetDateTime,
    /// When it stopped.
    #[serde(with = "wire::timestamp_opt", default, skip_serializing_if = "Option::is_none")]
    pub stop_date: Option<OffsetDateTime>,
    /// Its input, as JSON text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input: Option<Sensitive<String>>,
    /// Whether the input was included.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input_details: Option<CloudWatchEventsExecutionDataDetails>,
    /// Its output, as JSON text, once it succeeded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output: Option<Sensitive<String>>,
    /// Whether the output was included.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output_details: Option<CloudWatchEventsExecutionDataDetails>,
    /// The AWS X-Ray trace header passed at start.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trace_header: Option<String>,
    /// The Map Run that started it, for a child execution of a Distributed Map.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub map_run_arn: Option<String>,
    /// The error code it failed with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<Sensitive<String>>,
    /// Why it failed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cause: Option<Sensitive<String>>,
    /// The state machine version it runs, when started through one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state_machine_version_arn: Option<String>,
    /// The state machine alias it was started through.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state_machine_alias_arn: Option<String>,
    /// How many times it was redriven.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub redrive_count: Option<i32>,
    /// When it was last redriven.
    #[serde(with = "wire::timestamp_opt", default, skip_serializing_if = "Option::is_none")]
    pub redrive_date: Option<OffsetDateTime>,
    /// Whether it can be redriven.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub redrive_status: Option<ExecutionRedriveStatus>,
    /// Why it cannot be redriven.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub redrive_status_reason: Option<Sensitive<String>>,
}

impl Operation for DescribeExecutionInput {
    const NAME: &'static str = "DescribeExecution";
    type Output = DescribeExecutionOutput;

    fn validate(&self) -> Result<(), Error> {
        check::required("executionArn", &self.execution_arn, 1, ARN_MAX)
    }
}

/// Input of `ListExecutions`: the executions of a state machine, or the child
/// executions of a Map Run.
///
/// Exactly one of `state_machine_arn` and `map_run_arn` must be set. The
/// model makes both optional, but the service refuses a request with neither
/// or both, so [`validate`](Operation::validate) does too.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ListExecutionsInput {
    /// The state machine (or version, or alias) whose executions to list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state_machine_arn: Option<String>,
    /// Lists only executions with this status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_filter: Option<ExecutionStatus>,
    /// Page size, 0 to 1000 (0 means the service default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_results: Option<i32>,
    /// The token of the page to fetch.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    /// The Map Run whose child executions to list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub map_run_arn: Option<String>,
    /// Lists only redriven, or only never-redriven, executions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub redrive_filter: Option<ExecutionRedriveFilter>,
}

impl ListExecutionsInput {
    /// An empty input; set `state_machine_arn` or `map_run_arn` before sending.
    pub fn new() -> Self {
        Self::default()
    }

    /// An input for the executions of a state machine.
    pub fn for_state_machine(state_machine_arn: impl Into<String>) -> Self {
        Self { state_machine_arn: Some(state_machine_arn.into()), ..Self::default() }
    }

    /// An input for the child executions of a Map Run.
    pub fn for_map_run(map_run_arn: impl Into<String>) -> Self {
        Self { map_run_arn: Some(map_run_arn.into()), ..Self::default() }
    }
}

/// Output of `ListExecutions`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ListExecutionsOutput {
    /// The executions on this page.
    #[serde(default)]
    pub executions: Vec<ExecutionListItem>,
    /// The token of the next page, absent on the last one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// An execution, as listed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ExecutionListItem {
    /// The execution.
    #[serde(default)]
    pub execution_arn: String,
    /// The state machine it runs.
    #[serde(default)]
    pub state_machine_arn: String,
    /// Its name.
    #[serde(default)]
    pub name: String,
    /// Its status.
    #[serde(default)]
    pub status: ExecutionStatus,
    /// When it started.
    #[serde(with = "wire::timestamp", default = "wire::epoch")]
    pub start_date: OffsetDateTime,
    /// When it stopped.
    #[serde(with = "wire::timestamp_opt", default, skip_serializing_if = "Option::is_none")]
    pub stop_date: Option<OffsetDateTime>,
    /// The Map Run that started it, for a child execution of a Distributed Map.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub map_run_arn: Option<String>,
    /// How many items it processed, for a child execution of a Map Run.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item_count: Option<i32>,
    /// The state machine version it runs, when started through one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state_machine_version_arn: Option<String>,
    /// The state machine alias it was started through.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state_machine_alias_arn: Option<String>,
    /// How many times it was redriven.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub redrive_count: Option<i32>,
    /// When it was last redriven.
    #[serde(with = "wire::timestamp_opt", default, skip_serializing_if = "Option::is_none")]
    pub redrive_date: Option<OffsetDateTime>,
}

impl Operation for ListExecutionsInput {
    const NAME: &'static str = "ListExecutions";
    type Output = ListExecutionsOutput;

    fn validate(&self) -> Result<(), Error> {
        check::optional("stateMachineArn", self.state_machine_arn.as_deref(), 1, ARN_MAX)?;
        check::optional("mapRunArn", self.map_run_arn.as_deref(), 1, LONG_ARN_MAX)?;
        match (&self.state_machine_arn, &self.map_run_arn) {
            (Some(_), Some(_)) => {
                return Err(Error::invalid_input(
                    "stateMachineArn",
                    "and `mapRunArn` cannot both be set: give one of them",
                ));
            }
            (None, None) => {
                return Err(Error::invalid_input("stateMachineArn", "or `mapRunArn` is required"));
            }
            _ => {}
        }
        check::range("maxResults", self.max_results, 0, PAGE_SIZE_MAX)?;
        check::optional("nextToken", self.next_token.as_deref(), 1, LIST_EXECUTIONS_PAGE_TOKEN_MAX)
    }
}

impl Client {
    /// Describes an execution: status, input, output, error (`DescribeExecution`).
    ///
    /// ```no_run
    /// # async fn demo(client: sfn_lite::Client) -> Result<(), sfn_lite::Error> {
    /// let execution = client
    ///     .describe_execution("arn:aws:states:us-east-1:123456789012:execution:sm:e")
    ///     .await?;
    /// println!("{} is {}", execution.execution_arn, execution.status);
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// The service errors the model lists for `DescribeExecution`
    /// ([`ErrorKind::Service`](crate::ErrorKind::Service), by [`Error::code`](crate::Error::code)):
    /// - [`ExecutionDoesNotExist`](crate::ErrorCode::ExecutionDoesNotExist)
    /// - [`InvalidArn`](crate::ErrorCode::InvalidArn)
    /// - [`KmsAccessDeniedException`](crate::ErrorCode::KmsAccessDeniedException)
    /// - [`KmsInvalidStateException`](crate::ErrorCode::KmsInvalidStateException)
    /// - [`KmsThrottlingException`](crate::ErrorCode::KmsThrottlingException)
    ///
    /// Other failures (invalid input, throttling, transport, timeouts,
    /// credentials) are those of every call: see [`Error`](crate::Error).
    pub fn describe_execution(
        &self,
        execution_arn: impl Into<String>,
    ) -> RequestBuilder<DescribeExecutionInput> {
        self.request(DescribeExecutionInput::new(execution_arn))
    }

    /// Lists the executions of a state machine or of a Map Run
    /// (`ListExecutions`); set one of them with
    /// [`state_machine_arn`](RequestBuilder::state_machine_arn) or
    /// [`map_run_arn`](RequestBuilder::map_run_arn).
    ///
    /// ```no_run
    /// # async fn demo(client: sfn_lite::Client) -> Result<(), sfn_lite::Error> {
    /// use sfn_lite::types::ExecutionStatus;
    ///
    /// let page = client
    ///     .list_executions()
    ///     .map_run_arn("arn:aws:states:us-east-1:123456789012:mapRun:sm/map:1")
    ///     .status_filter(ExecutionStatus::Failed)
    ///     .await?;
    /// for execution in &page.executions {
    ///     println!("{} failed", execution.name);
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// The service errors the model lists for `ListExecutions`
    /// ([`ErrorKind::Service`](crate::ErrorKind::Service), by [`Error::code`](crate::Error::code)):
    /// - [`InvalidArn`](crate::ErrorCode::InvalidArn)
    /// - [`InvalidToken`](crate::ErrorCode::InvalidToken)
    /// - [`StateMachineDoesNotExist`](crate::ErrorCode::StateMachineDoesNotExist)
    /// - [`StateMachineTypeNotSupported`](crate::ErrorCode::StateMachineTypeNotSupported)
    /// - [`ValidationException`](crate::ErrorCode::ValidationException)
    /// - [`ResourceNotFound`](crate::ErrorCode::ResourceNotFound)
    ///
    /// Other failures (invalid input, throttling, transport, timeouts,
    /// credentials) are those of every call: see [`Error`](crate::Error).
    pub fn list_executions(&self) -> RequestBuilder<ListExecutionsInput> {
        self.request(ListExecutionsInput::new())
    }
}

crate::client::setters!(DescribeExecutionInput {
    included_data: IncludedData;
});

crate::client::setters!(ListExecutionsInput {
    state_machine_arn: String;
    map_run_arn: String;
    status_filter: ExecutionStatus;
    max_results: i32;
    next_token: String;
    redrive_filter: ExecutionRedriveFilter;
});

crate::paginate::paginated!(ListExecutionsInput => ListExecutionsOutput, executions: ExecutionListItem);

/// Input of `StartExecution`.
///
/// For a Standard workflow the call is idempotent per `name` and `input`:
/// while an execution with the same name and input is running, starting it
/// again returns that execution instead of a second one. Set `name` whenever
/// the call may be retried; see [`Client::start_execution`].
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct StartExecutionInput {
    /// The state machine (or a version or alias of it) to run.
    pub state_machine_arn: String,
    /// The execution's name, 1 to 80 characters, unique for 90 days; the
    /// service generates one when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The execution's input, a JSON text (`"{}"` when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input: Option<Sensitive<String>>,
    /// An AWS X-Ray trace header, up to 256 ASCII characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trace_header: Option<String>,
}

impl StartExecutionInput {
    /// An input that runs the state machine with default name and input.
    pub fn new(state_machine_arn: impl Into<String>) -> Self {
        Self { state_machine_arn: state_machine_arn.into(), ..Self::default() }
    }
}

/// Output of `StartExecution`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct StartExecutionOutput {
    /// The execution.
    #[serde(default)]
    pub execution_arn: String,
    /// When it started.
    #[serde(with = "wire::timestamp", default = "wire::epoch")]
    pub start_date: OffsetDateTime,
}

impl Operation for StartExecutionInput {
    const NAME: &'static str = "StartExecution";
    type Output = StartExecutionOutput;

    fn validate(&self) -> Result<(), Error> {
        check::required("stateMachineArn", &self.state_machine_arn, 1, ARN_MAX)?;
        check::optional("name", self.name.as_deref(), 1, NAME_MAX)?;
        check::optional(
            "input",
            self.input.as_ref().map(Sensitive::as_str),
            0,
            EXECUTION_INPUT_MAX,
        )?;
        check::optional("traceHeader", self.trace_header.as_deref(), 0, TRACE_HEADER_MAX)?;
        if self.trace_header.as_deref().is_some_and(|h| !h.is_ascii()) {
            return Err(Error::invalid_input("traceHeader", "must be ASCII"));
        }
        Ok(())
    }
}

/// Input of `StopExecution`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct StopExecutionInput {
    /// The execution to stop.
    pub execution_arn: String,
    /// An error code to record, up to 256 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<Sensitive<String>>,
    /// A longer explanation, up to 32768 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cause: Option<Sensitive<String>>,
}

impl StopExecutionInput {
    /// An input that stops the execution without an error or cause.
    pub fn new(execution_arn: impl Into<String>) -> Self {
        Self { execution_arn: execution_arn.into(), ..Self::default() }
    }
}

/// Output of `StopExecution`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct StopExecutionOutput {
    /// When the execution stopped.
    #[serde(with = "wire::timestamp", default = "wire::epoch")]
    pub stop_date: OffsetDateTime,
}

impl Operation for StopExecutionInput {
    const NAME: &'static str = "StopExecution";
    type Output = StopExecutionOutput;

    fn validate(&self) -> Result<(), Error> {
        check::required("executionArn", &self.execution_arn, 1, ARN_MAX)?;
        check::optional("error", self.error.as_ref().map(Sensitive::as_str), 0, ERROR_MAX)?;
        check::optional("cause", self.cause.as_ref().map(Sensitive::as_str), 0, CAUSE_MAX)
    }
}

/// Input of `RedriveExecution`: restart a failed, aborted or timed-out
/// Standard execution from its unsuccessful steps.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct RedriveExecutionInput {
    /// The execution to redrive.
    pub execution_arn: String,
    /// Makes the call idempotent: 1 to 64 printable ASCII characters, no
    /// spaces. [`RedriveExecutionInput::new`] fills in a fresh one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_token: Option<String>,
}

impl RedriveExecutionInput {
    /// An input for the execution, with a freshly generated `client_token`,
    /// so that resending this same input (a retry) redrives at most once.
    pub fn new(execution_arn: impl Into<String>) -> Self {
        Self { execution_arn: execution_arn.into(), client_token: Some(random::uuid_v4()) }
    }
}

/// Output of `RedriveExecution`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct RedriveExecutionOutput {
    /// When the execution was redriven.
    #[serde(with = "wire::timestamp", default = "wire::epoch")]
    pub redrive_date: OffsetDateTime,
}

impl Operation for RedriveExecutionInput {
    const NAME: &'static str = "RedriveExecution";
    type Output = RedriveExecutionOutput;

    fn validate(&self) -> Result<(), Error> {
        check::required("executionArn", &self.execution_arn, 1, ARN_MAX)?;
        check::client_token("clientToken", self.client_token.as_deref())
    }
}

impl Client {
    /// Starts an execution of a state machine (`StartExecution`).
    ///
    /// Idempotent per name and input for Standard workflows: while an
    /// execution with the same `name` and `input` is running, the call
    /// returns that execution's ARN and start date rather than starting
    /// another. The same name with a different input, or once that execution
    /// has closed, fails with
    /// [`ErrorCode::ExecutionAlreadyExists`](crate::ErrorCode::ExecutionAlreadyExists).
    /// Without a `name` the service picks a new one on every call, so a retry
    /// after a lost response can start a duplicate: set a name, or send the
    /// call with [`RequestBuilder::max_attempts`]`(1)`.
    ///
    /// ```no_run
    /// # async fn demo(client: sfn_lite::Client) -> Result<(), sfn_lite::Error> {
    /// let started = client
    ///     .start_execution("arn:aws:states:us-east-1:123456789012:stateMachine:hello")
    ///     .name("order-1234")
    ///     .input(r#"{"order":1234}"#)
    ///     .await?;
    /// println!("{}", started.execution_arn);
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// The service errors the model lists for `StartExecution`
    /// ([`ErrorKind::Service`](crate::ErrorKind::Service), by [`Error::code`](crate::Error::code)):
    /// - [`ExecutionLimitExceeded`](crate::ErrorCode::ExecutionLimitExceeded)
    /// - [`ExecutionAlreadyExists`](crate::ErrorCode::ExecutionAlreadyExists)
    /// - [`InvalidArn`](crate::ErrorCode::InvalidArn)
    /// - [`InvalidExecutionInput`](crate::ErrorCode::InvalidExecutionInput)
    /// - [`InvalidName`](crate::ErrorCode::InvalidName)
    /// - [`StateMachineDoesNotExist`](crate::ErrorCode::StateMachineDoesNotExist)
    /// - [`StateMachineDeleting`](crate::ErrorCode::StateMachineDeleting)
    /// - [`ValidationException`](crate::ErrorCode::ValidationException)
    /// - [`KmsAccessDeniedException`](crate::ErrorCode::KmsAccessDeniedException)
    /// - [`KmsInvalidStateException`](crate::ErrorCode::KmsInvalidStateException)
    /// - [`KmsThrottlingException`](crate::ErrorCode::KmsThrottlingException)
    ///
    /// Other failures (invalid input, throttling, transport, timeouts,
    /// credentials) are those of every call: see [`Error`](crate::Error).
    pub fn start_execution(
        &self,
        state_machine_arn: impl Into<String>,
    ) -> RequestBuilder<StartExecutionInput> {
        self.request(StartExecutionInput::new(state_machine_arn))
    }

    /// Stops a running execution (`StopExecution`).
    ///
    /// # Errors
    /// The service errors the model lists for `StopExecution`
    /// ([`ErrorKind::Service`](crate::ErrorKind::Service), by [`Error::code`](crate::Error::code)):
    /// - [`ExecutionDoesNotExist`](crate::ErrorCode::ExecutionDoesNotExist)
    /// - [`InvalidArn`](crate::ErrorCode::InvalidArn)
    /// - [`ValidationException`](crate::ErrorCode::ValidationException)
    /// - [`KmsAccessDeniedException`](crate::ErrorCode::KmsAccessDeniedException)
    /// - [`KmsInvalidStateException`](crate::ErrorCode::KmsInvalidStateException)
    /// - [`KmsThrottlingException`](crate::ErrorCode::KmsThrottlingException)
    ///
    /// Other failures (invalid input, throttling, transport, timeouts,
    /// credentials) are those of every call: see [`Error`](crate::Error).
    pub fn stop_execution(
        &self,
        execution_arn: impl Into<String>,
    ) -> RequestBuilder<StopExecutionInput> {
        self.request(StopExecutionInput::new(execution_arn))
    }

    /// Redrives a failed, aborted or timed-out execution (`RedriveExecution`).
    /// A client token is generated for the request, so retries of it are safe.
    ///
    /// # Errors
    /// The service errors the model lists for `RedriveExecution`
    /// ([`ErrorKind::Service`](crate::ErrorKind::Service), by [`Error::code`](crate::Error::code)):
    /// - [`ExecutionDoesNotExist`](crate::ErrorCode::ExecutionDoesNotExist)
    /// - [`ExecutionNotRedrivable`](crate::ErrorCode::ExecutionNotRedrivable)
    /// - [`ExecutionLimitExceeded`](crate::ErrorCode::ExecutionLimitExceeded)
    /// - [`InvalidArn`](crate::ErrorCode::InvalidArn)
    /// - [`ValidationException`](crate::ErrorCode::ValidationException)
    ///
    /// Other failures (invalid input, throttling, transport, timeouts,
    /// credentials) are those of every call: see [`Error`](crate::Error).
    pub fn redrive_execution(
        &self,
        execution_arn: impl Into<String>,
    ) -> RequestBuilder<RedriveExecutionInput> {
        self.request(RedriveExecutionInput::new(execution_arn))
    }
}

crate::client::setters!(StartExecutionInput {
    name: String;
    input: Sensitive<String>;
    trace_header: String;
});

crate::client::setters!(StopExecutionInput {
    error: Sensitive<String>;
    cause: Sensitive<String>;
});

crate::client::setters!(RedriveExecutionInput {
    client_token: String;
});

crate::builders::with_setters! {
    DescribeExecutionOutput + Default {
        with_execution_arn => execution_arn: String;
        with_state_machine_arn => state_machine_arn: String;
        with_name => name: Option<String>;
        with_status => status: ExecutionStatus;
        with_start_date => start_date: OffsetDateTime;
        with_stop_date => stop_date: Option<OffsetDateTime>;
        with_input => input: Option<Sensitive<String>>;
        with_input_details => input_details: Option<CloudWatchEventsExecutionDataDetails>;
        with_output => output: Option<Sensitive<String>>;
        with_output_details => output_details: Option<CloudWatchEventsExecutionDataDetails>;
        with_trace_header => trace_header: Option<String>;
        with_map_run_arn => map_run_arn: Option<String>;
        with_error => error: Option<Sensitive<String>>;
        with_cause => cause: Option<Sensitive<String>>;
        with_state_machine_version_arn => state_machine_version_arn: Option<String>;
        with_state_machine_alias_arn => state_machine_alias_arn: Option<String>;
        with_redrive_count => redrive_count: Option<i32>;
        with_redrive_date => redrive_date: Option<OffsetDateTime>;
        with_redrive_status => redrive_status: Option<ExecutionRedriveStatus>;
        with_redrive_status_reason => redrive_status_reason: Option<Sensitive<String>>;
    }
    ListExecutionsOutput {
        with_executions => executions: Vec<ExecutionListItem>;
        with_next_token => next_token: Option<String>;
    }
    ExecutionListItem + Default {
        with_execution_arn => execution_arn: String;
        with_state_machine_arn => state_machine_arn: String;
        with_name => name: String;
        with_status => status: ExecutionStatus;
        with_start_date => start_date: OffsetDateTime;
        with_stop_date => stop_date: Option<OffsetDateTime>;
        with_map_run_arn => map_run_arn: Option<String>;
        with_item_count => item_count: Option<i32>;
        with_state_machine_version_arn => state_machine_version_arn: Option<String>;
        with_state_machine_alias_arn => state_machine_alias_arn: Option<String>;
        with_redrive_count => redrive_count: Option<i32>;
        with_redrive_date => redrive_date: Option<OffsetDateTime>;
    }
    StartExecutionOutput + Default {
        with_execution_arn => execution_arn: String;
        with_start_date => start_date: OffsetDateTime;
    }
    StopExecutionOutput + Default {
        with_stop_date => stop_date: OffsetDateTime;
    }
    RedriveExecutionOutput + Default {
        with_redrive_date => redrive_date: OffsetDateTime;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redrive_inputs_carry_a_fresh_valid_token() {
        let a = RedriveExecutionInput::new("arn");
        let b = RedriveExecutionInput::new("arn");
        assert_ne!(a.client_token, b.client_token);
        for input in [&a, &b] {
            let token = input.client_token.as_deref().unwrap_or_default();
            assert_eq!(token.len(), 36, "{token}");
            assert!(input.validate().is_ok());
        }
    }

    #[test]
    fn stop_output_decodes_leniently() {
        let stop: StopExecutionOutput =
            serde_json::from_str("{}").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(stop.stop_date, OffsetDateTime::UNIX_EPOCH);
    }
}
