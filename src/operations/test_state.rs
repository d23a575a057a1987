//! TestState: run one state of a definition in isolation, with its input,
//! variables, context and (optionally) a mocked result, and see what each
//! data-processing step made of it. Served on the model's `sync-` endpoint.

use super::validate::{
    self as check, ARN_MAX, CAUSE_MAX, DEFINITION_MAX, ERROR_MAX, EXECUTION_INPUT_MAX, NAME_MAX,
};
use crate::client::{Client, RequestBuilder};
use crate::error::Error;
use crate::operation::Operation;
use crate::types::{InspectionLevel, MockResponseValidationMode, Sensitive, TestExecutionStatus};
use crate::wire;
use serde::{Deserialize, Serialize};
use std::time::Duration;

/// Input of `TestState`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct TestStateInput {
    /// The definition: one state, or a whole state machine with
    /// [`state_name`](Self::state_name) naming the state to test.
    pub definition: Sensitive<String>,
    /// The IAM role the state's task runs as (needed unless mocked).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role_arn: Option<String>,
    /// The state's input, JSON text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input: Option<Sensitive<String>>,
    /// How much to report (default `INFO`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inspection_level: Option<InspectionLevel>,
    /// Whether `TRACE` shows the HTTP request's and response's secrets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reveal_secrets: Option<bool>,
    /// The variables in scope, as a JSON object text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variables: Option<Sensitive<String>>,
    /// The state to test, when the definition is a whole state machine.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state_name: Option<Sensitive<String>>,
    /// A result or error to use instead of calling the task's service.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mock: Option<MockInput>,
    /// The context object (`$$`), as JSON text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<Sensitive<String>>,
    /// Where in a retry or a Map iteration the state is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state_configuration: Option<TestStateConfiguration>,
}

impl TestStateInput {
    /// An input that tests the state `definition` describes.
    pub fn new(definition: impl Into<String>) -> Self {
        Self { definition: Sensitive::new(definition.into()), ..Self::default() }
    }
}

/// A mocked task result: a result, or an error.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MockInput {
    /// The result, JSON text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<Sensitive<String>>,
    /// The error instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_output: Option<MockErrorOutput>,
    /// How strictly the result is checked against the API's response shape.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field_validation_mode: Option<MockResponseValidationMode>,
}

/// A mocked task error.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MockErrorOutput {
    /// The error code, up to 256 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<Sensitive<String>>,
    /// The cause, up to 32768 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cause: Option<Sensitive<String>>,
}

/// Where in a retry or a Map iteration the tested state is.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TestStateConfiguration {
    /// How many retries were made already.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retrier_retry_count: Option<i32>,
    /// The state whose error is being handled, 1 to 80 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_caused_by_state: Option<Sensitive<String>>,
    /// How many Map iterations failed already.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub map_iteration_failure_count: Option<i32>,
    /// What the Map state's ItemReader would have read, JSON text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub map_item_reader_data: Option<Sensitive<String>>,
}

/// Output of `TestState`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct TestStateOutput {
    /// The state's output, JSON text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output: Option<Sensitive<String>>,
    /// The error, when it failed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<Sensitive<String>>,
    /// The cause, when it failed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cause: Option<Sensitive<String>>,
    /// The data at each processing step (per the inspection level).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inspection_data: Option<Sensitive<InspectionData>>,
    /// The state that would run next.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_state: Option<String>,
    /// How the state ended.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<TestExecutionStatus>,
}

/// The data after each processing step of a tested state (sensitive as a
/// whole: it is the state's data).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct InspectionData {
    /// The raw input.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input: Option<String>,
    /// After `Arguments`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after_arguments: Option<String>,
    /// After `InputPath`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after_input_path: Option<String>,
    /// After `Parameters`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after_parameters: Option<String>,
    /// The task's result.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<String>,
    /// After `ResultSelector`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after_result_selector: Option<String>,
    /// After `ResultPath`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after_result_path: Option<String>,
    /// The HTTP Task's request (`TRACE`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request: Option<InspectionDataRequest>,
    /// The HTTP Task's response (`TRACE`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response: Option<InspectionDataResponse>,
    /// The variables after the state, JSON text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variables: Option<String>,
    /// Which `Catch` or `Retry` handled the error.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_details: Option<InspectionErrorDetails>,
    /// After `ItemsPath` (Map states).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after_items_path: Option<String>,
    /// After `ItemSelector`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after_item_selector: Option<String>,
    /// After `ItemBatcher`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after_item_batcher: Option<String>,
    /// After `ItemsPointer`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after_items_pointer: Option<String>,
    /// The Map state's tolerated failure count.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tolerated_failure_count: Option<i32>,
    /// The Map state's tolerated failure percentage.
    #[serde(with = "wire::float_opt", default, skip_serializing_if = "Option::is_none")]
    pub tolerated_failure_percentage: Option<f64>,
    /// The Map state's maximum concurrency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_concurrency: Option<i32>,
}

/// An HTTP Task's request, as `TestState` shows it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct InspectionDataRequest {
    /// `HTTP/1.1` or the like.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub protocol: Option<String>,
    /// The method.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<String>,
    /// The URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The headers, as text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headers: Option<String>,
    /// The body.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
}

/// An HTTP Task's response, as `TestState` shows it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct InspectionDataResponse {
    /// `HTTP/1.1` or the like.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub protocol: Option<String>,
    /// The status code, as text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_code: Option<String>,
    /// The status message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_message: Option<String>,
    /// The headers, as text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headers: Option<String>,
    /// The body.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
}

/// Which error handler of the tested state applies.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct InspectionErrorDetails {
    /// The index of the `Catch` that caught the error.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catch_index: Option<i32>,
    /// The index of the `Retry` that would retry it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_index: Option<i32>,
    /// The seconds the retry would wait.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_backoff_interval_seconds: Option<i32>,
}

fn sensitive(value: Option<&Sensitive<String>>) -> Option<&str> {
    value.map(Sensitive::as_str)
}

impl Operation for TestStateInput {
    const NAME: &'static str = "TestState";
    type Output = TestStateOutput;
    // A state's task may run as long as a synchronous execution.
    const MIN_ATTEMPT_TIMEOUT: Option<Duration> = Some(Duration::from_secs(5 * 60 + 10));
    const HOST_PREFIX: Option<&'static str> = Some("sync-");

    fn validate(&self) -> Result<(), Error> {
        check::required("definition", self.definition.as_str(), 1, DEFINITION_MAX)?;
        check::optional("roleArn", self.role_arn.as_deref(), 1, ARN_MAX)?;
        check::optional("input", sensitive(self.input.as_ref()), 0, EXECUTION_INPUT_MAX)?;
        check::optional("variables", sensitive(self.variables.as_ref()), 0, EXECUTION_INPUT_MAX)?;
        check::optional("stateName", sensitive(self.state_name.as_ref()), 1, NAME_MAX)?;
        check::optional("context", sensitive(self.context.as_ref()), 0, EXECUTION_INPUT_MAX)?;
        if let Some(mock) = &self.mock {
            check::optional("result", sensitive(mock.result.as_ref()), 0, EXECUTION_INPUT_MAX)?;
            if let Some(error) = &mock.error_output {
                check::optional("error", sensitive(error.error.as_ref()), 0, ERROR_MAX)?;
                check::optional("cause", sensitive(error.cause.as_ref()), 0, CAUSE_MAX)?;
            }
        }
        if let Some(state) = &self.state_configuration {
            check::at_least("retrierRetryCount", state.retrier_retry_count, 0)?;
            let caused_by = sensitive(state.error_caused_by_state.as_ref());
            check::optional("errorCausedByState", caused_by, 1, NAME_MAX)?;
            check::at_least("mapIterationFailureCount", state.map_iteration_failure_count, 0)?;
            let data = sensitive(state.map_item_reader_data.as_ref());
            check::optional("mapItemReaderData", data, 0, EXECUTION_INPUT_MAX)?;
        }
        Ok(())
    }
}

impl Client {
    /// Runs one state in isolation and reports what it made of its input
    /// (`TestState`), on the model's `sync-` endpoint (see
    /// [`ClientBuilder::disable_host_prefix`](crate::ClientBuilder::disable_host_prefix)).
    /// Its attempt timeout is at least 5 minutes 10 seconds, as the state's
    /// task may run that long.
    ///
    /// ```no_run
    /// use sfn_lite::types::InspectionLevel;
    ///
    /// # async fn demo(client: sfn_lite::Client) -> Result<(), sfn_lite::Error> {
    /// let state = r#"{"Type":"Pass","Parameters":{"id.$":"$.order"},"End":true}"#;
    /// let tested = client
    ///     .test_state(state)
    ///     .input(r#"{"order":42}"#)
    ///     .inspection_level(InspectionLevel::Debug)
    ///     .await?;
    /// println!("{:?} → {:?}", tested.status, tested.output.map(|o| o.into_inner()));
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// The service errors the model lists for `TestState`
    /// ([`ErrorKind::Service`](crate::ErrorKind::Service), by [`Error::code`](crate::Error::code)):
    /// - [`InvalidArn`](crate::ErrorCode::InvalidArn)
    /// - [`InvalidDefinition`](crate::ErrorCode::InvalidDefinition)
    /// - [`InvalidExecutionInput`](crate::ErrorCode::InvalidExecutionInput)
    /// - [`ValidationException`](crate::ErrorCode::ValidationException)
    ///
    /// Other failures (invalid input, throttling, transport, timeouts,
    /// credentials) are those of every call: see [`Error`](crate::Error).
    pub fn test_state(&self, definition: impl Into<String>) -> RequestBuilder<TestStateInput> {
        self.request(TestStateInput::new(definition))
    }
}

crate::client::setters!(TestStateInput {
    role_arn: String;
    input: Sensitive<String>;
    inspection_level: InspectionLevel;
    reveal_secrets: bool;
    variables: Sensitive<String>;
    state_name: Sensitive<String>;
    mock: MockInput;
    context: Sensitive<String>;
    state_configuration: TestStateConfiguration;
});

crate::builders::with_setters! {
    TestStateOutput {
        with_output => output: Option<Sensitive<String>>;
        with_error => error: Option<Sensitive<String>>;
        with_cause => cause: Option<Sensitive<String>>;
        with_inspection_data => inspection_data: Option<Sensitive<InspectionData>>;
        with_next_state => next_state: Option<String>;
        with_status => status: Option<TestExecutionStatus>;
    }
    InspectionData {
        with_input => input: Option<String>;
        with_after_arguments => after_arguments: Option<String>;
        with_after_input_path => after_input_path: Option<String>;
        with_after_parameters => after_parameters: Option<String>;
        with_result => result: Option<String>;
        with_after_result_selector => after_result_selector: Option<String>;
        with_after_result_path => after_result_path: Option<String>;
        with_request => request: Option<InspectionDataRequest>;
        with_response => response: Option<InspectionDataResponse>;
        with_variables => variables: Option<String>;
        with_error_details => error_details: Option<InspectionErrorDetails>;
        with_after_items_path => after_items_path: Option<String>;
        with_after_item_selector => after_item_selector: Option<String>;
        with_after_item_batcher => after_item_batcher: Option<String>;
        with_after_items_pointer => after_items_pointer: Option<String>;
        with_tolerated_failure_count => tolerated_failure_count: Option<i32>;
        with_tolerated_failure_percentage => tolerated_failure_percentage: Option<f64>;
        with_max_concurrency => max_concurrency: Option<i32>;
    }
    InspectionDataRequest {
        with_protocol => protocol: Option<String>;
        with_method => method: Option<String>;
        with_url => url: Option<String>;
        with_headers => headers: Option<String>;
        with_body => body: Option<String>;
    }
    InspectionDataResponse {
        with_protocol => protocol: Option<String>;
        with_status_code => status_code: Option<String>;
        with_status_message => status_message: Option<String>;
        with_headers => headers: Option<String>;
        with_body => body: Option<String>;
    }
    InspectionErrorDetails {
        with_catch_index => catch_index: Option<i32>;
        with_retry_index => retry_index: Option<i32>;
        with_retry_backoff_interval_seconds => retry_backoff_interval_seconds: Option<i32>;
    }
}
