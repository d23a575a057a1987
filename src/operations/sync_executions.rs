//! StartSyncExecution: run an Express state machine and wait for its
//! result, on the model's `sync-` endpoint.

use super::validate::{self as check, ARN_MAX, EXECUTION_INPUT_MAX, NAME_MAX, TRACE_HEADER_MAX};
use crate::client::{Client, RequestBuilder};
use crate::error::Error;
use crate::operation::Operation;
use crate::types::{
    CloudWatchEventsExecutionDataDetails, IncludedData, Sensitive, SyncExecutionStatus,
};
use crate::wire;
use serde::{Deserialize, Serialize};
use std::time::Duration;
use time::OffsetDateTime;

/// The longest an Express execution runs.
const EXPRESS_MAX: Duration = Duration::from_secs(5 * 60);

/// Input of `StartSyncExecution`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct StartSyncExecutionInput {
    /// The Express state machine (or one of its versions or aliases).
    pub state_machine_arn: String,
    /// The execution's name, 1 to 80 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Its input, JSON text of up to 262144 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input: Option<Sensitive<String>>,
    /// An AWS X-Ray trace header, up to 256 ASCII characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trace_header: Option<String>,
    /// Whether to return the input and output (default: all data).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub included_data: Option<IncludedData>,
}

impl StartSyncExecutionInput {
    /// An input that runs the state machine with no input.
    pub fn new(state_machine_arn: impl Into<String>) -> Self {
        Self { state_machine_arn: state_machine_arn.into(), ..Self::default() }
    }
}

/// Output of `StartSyncExecution`: how the execution ended.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct StartSyncExecutionOutput {
    /// The execution.
    #[serde(default)]
    pub execution_arn: String,
    /// Its state machine.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state_machine_arn: Option<String>,
    /// Its name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// When it started.
    #[serde(with = "wire::timestamp", default = "wire::epoch")]
    pub start_date: OffsetDateTime,
    /// When it stopped.
    #[serde(with = "wire::timestamp", default = "wire::epoch")]
    pub stop_date: OffsetDateTime,
    /// How it ended.
    #[serde(default)]
    pub status: SyncExecutionStatus,
    /// The error code, when it failed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<Sensitive<String>>,
    /// The cause, when it failed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cause: Option<Sensitive<String>>,
    /// Its input, as JSON text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input: Option<Sensitive<String>>,
    /// Whether the input is included.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input_details: Option<CloudWatchEventsExecutionDataDetails>,
    /// Its output, as JSON text, when it succeeded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output: Option<Sensitive<String>>,
    /// Whether the output is included.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output_details: Option<CloudWatchEventsExecutionDataDetails>,
    /// Its AWS X-Ray trace header.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trace_header: Option<String>,
    /// What it was billed for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub billing_details: Option<BillingDetails>,
}

/// What a synchronous execution was billed for.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct BillingDetails {
    /// Memory billed, in MB.
    #[serde(rename = "billedMemoryUsedInMB", default, skip_serializing_if = "Option::is_none")]
    pub billed_memory_used_in_mb: Option<i64>,
    /// Duration billed, in milliseconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub billed_duration_in_milliseconds: Option<i64>,
}

impl Operation for StartSyncExecutionInput {
    const NAME: &'static str = "StartSyncExecution";
    type Output = StartSyncExecutionOutput;
    // The answer comes when the execution ends: up to five minutes.
    const MIN_ATTEMPT_TIMEOUT: Option<Duration> = EXPRESS_MAX.checked_add(Duration::from_secs(10));
    const HOST_PREFIX: Option<&'static str> = Some("sync-");

    fn validate(&self) -> Result<(), Error> {
        check::required("stateMachineArn", &self.state_machine_arn, 1, ARN_MAX)?;
        check::optional("name", self.name.as_deref(), 1, NAME_MAX)?;
        let input = self.input.as_ref().map(Sensitive::as_str);
        check::optional("input", input, 0, EXECUTION_INPUT_MAX)?;
        check::optional("traceHeader", self.trace_header.as_deref(), 0, TRACE_HEADER_MAX)?;
        if self.trace_header.as_deref().is_some_and(|h| !h.is_ascii()) {
            return Err(Error::invalid_input("traceHeader", "must be ASCII"));
        }
        Ok(())
    }
}

impl Client {
    /// Runs an Express state machine and waits for its result
    /// (`StartSyncExecution`).
    ///
    /// The request goes to the model's `sync-` endpoint
    /// (`sync-states.REGION.amazonaws.com`; see
    /// [`ClientBuilder::disable_host_prefix`](crate::ClientBuilder::disable_host_prefix)
    /// for custom endpoints). Its attempt timeout is at least 5 minutes 10
    /// seconds, whatever the client's, as an Express execution runs up to 5
    /// minutes; [`RequestBuilder::attempt_timeout`] still sets it for one
    /// call. Like every call it is retried on throttling and 5xx answers,
    /// which may run the workflow again: send it with
    /// [`RequestBuilder::max_attempts`]`(1)` if that matters.
    ///
    /// ```no_run
    /// use sfn_lite::types::SyncExecutionStatus;
    ///
    /// # async fn demo(client: sfn_lite::Client) -> Result<(), sfn_lite::Error> {
    /// let done = client
    ///     .start_sync_execution("arn:aws:states:us-east-1:123456789012:stateMachine:resize")
    ///     .input(r#"{"key":"cat.png"}"#)
    ///     .await?;
    /// match done.status {
    ///     SyncExecutionStatus::Succeeded => println!("{:?}", done.output.map(|o| o.into_inner())),
    ///     other => println!("{other}: {:?}", done.error.map(|e| e.into_inner())),
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// The service errors the model lists for `StartSyncExecution`
    /// ([`ErrorKind::Service`](crate::ErrorKind::Service), by [`Error::code`](crate::Error::code)):
    /// - [`InvalidArn`](crate::ErrorCode::InvalidArn)
    /// - [`InvalidExecutionInput`](crate::ErrorCode::InvalidExecutionInput)
    /// - [`InvalidName`](crate::ErrorCode::InvalidName)
    /// - [`StateMachineDoesNotExist`](crate::ErrorCode::StateMachineDoesNotExist)
    /// - [`StateMachineDeleting`](crate::ErrorCode::StateMachineDeleting)
    /// - [`StateMachineTypeNotSupported`](crate::ErrorCode::StateMachineTypeNotSupported)
    /// - [`KmsAccessDeniedException`](crate::ErrorCode::KmsAccessDeniedException)
    /// - [`KmsInvalidStateException`](crate::ErrorCode::KmsInvalidStateException)
    /// - [`KmsThrottlingException`](crate::ErrorCode::KmsThrottlingException)
    ///
    /// Other failures (invalid input, throttling, transport, timeouts,
    /// credentials) are those of every call: see [`Error`](crate::Error).
    pub fn start_sync_execution(
        &self,
        state_machine_arn: impl Into<String>,
    ) -> RequestBuilder<StartSyncExecutionInput> {
        self.request(StartSyncExecutionInput::new(state_machine_arn))
    }
}

crate::client::setters!(StartSyncExecutionInput {
    name: String;
    input: Sensitive<String>;
    trace_header: String;
    included_data: IncludedData;
});

crate::builders::with_setters! {
    StartSyncExecutionOutput + Default {
        with_execution_arn => execution_arn: String;
        with_state_machine_arn => state_machine_arn: Option<String>;
        with_name => name: Option<String>;
        with_start_date => start_date: OffsetDateTime;
        with_stop_date => stop_date: OffsetDateTime;
        with_status => status: SyncExecutionStatus;
        with_error => error: Option<Sensitive<String>>;
        with_cause => cause: Option<Sensitive<String>>;
        with_input => input: Option<Sensitive<String>>;
        with_input_details => input_details: Option<CloudWatchEventsExecutionDataDetails>;
        with_output => output: Option<Sensitive<String>>;
        with_output_details => output_details: Option<CloudWatchEventsExecutionDataDetails>;
        with_trace_header => trace_header: Option<String>;
        with_billing_details => billing_details: Option<BillingDetails>;
    }
    BillingDetails {
        with_billed_memory_used_in_mb => billed_memory_used_in_mb: Option<i64>;
        with_billed_duration_in_milliseconds => billed_duration_in_milliseconds: Option<i64>;
    }
}
