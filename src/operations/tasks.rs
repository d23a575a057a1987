//! Task token operations: SendTaskSuccess, SendTaskFailure,
//! SendTaskHeartbeat, the answers to a task an activity worker got from
//! `GetActivityTask` or a `.waitForTaskToken` state handed out.

use super::validate::{self as check, CAUSE_MAX, ERROR_MAX, TASK_OUTPUT_MAX, TASK_TOKEN_MAX};
use crate::client::{Client, RequestBuilder};
use crate::error::Error;
use crate::operation::Operation;
use crate::types::Sensitive;
use serde::{Deserialize, Serialize};

/// Input of `SendTaskSuccess`: the task succeeded with this output.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct SendTaskSuccessInput {
    /// The task's token, 1 to 2048 characters.
    pub task_token: Sensitive<String>,
    /// The task's output, JSON text of up to 262144 characters.
    pub output: Sensitive<String>,
}

impl SendTaskSuccessInput {
    /// An input that ends the task with `output`.
    pub fn new(task_token: impl Into<String>, output: impl Into<String>) -> Self {
        Self {
            task_token: Sensitive::new(task_token.into()),
            output: Sensitive::new(output.into()),
        }
    }
}

/// Output of `SendTaskSuccess` (empty).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SendTaskSuccessOutput {}

impl Operation for SendTaskSuccessInput {
    const NAME: &'static str = "SendTaskSuccess";
    type Output = SendTaskSuccessOutput;

    fn validate(&self) -> Result<(), Error> {
        check::required("taskToken", self.task_token.as_str(), 1, TASK_TOKEN_MAX)?;
        // An empty output is how a missing one looks here; it is not JSON
        // either, so the service would refuse it.
        check::required("output", self.output.as_str(), 1, TASK_OUTPUT_MAX)
    }
}

/// Input of `SendTaskFailure`: the task failed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct SendTaskFailureInput {
    /// The task's token, 1 to 2048 characters.
    pub task_token: Sensitive<String>,
    /// An error code, up to 256 characters (what a `Catch` or `Retry`
    /// matches).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<Sensitive<String>>,
    /// A longer explanation, up to 32768 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cause: Option<Sensitive<String>>,
}

impl SendTaskFailureInput {
    /// An input that fails the task without an error or cause.
    pub fn new(task_token: impl Into<String>) -> Self {
        Self { task_token: Sensitive::new(task_token.into()), ..Self::default() }
    }
}

/// Output of `SendTaskFailure` (empty).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SendTaskFailureOutput {}

impl Operation for SendTaskFailureInput {
    const NAME: &'static str = "SendTaskFailure";
    type Output = SendTaskFailureOutput;

    fn validate(&self) -> Result<(), Error> {
        check::required("taskToken", self.task_token.as_str(), 1, TASK_TOKEN_MAX)?;
        check::optional("error", self.error.as_ref().map(Sensitive::as_str), 0, ERROR_MAX)?;
        check::optional("cause", self.cause.as_ref().map(Sensitive::as_str), 0, CAUSE_MAX)
    }
}

/// Input of `SendTaskHeartbeat`: the task is still being worked on.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct SendTaskHeartbeatInput {
    /// The task's token, 1 to 2048 characters.
    pub task_token: Sensitive<String>,
}

impl SendTaskHeartbeatInput {
    /// An input for the task.
    pub fn new(task_token: impl Into<String>) -> Self {
        Self { task_token: Sensitive::new(task_token.into()) }
    }
}

/// Output of `SendTaskHeartbeat` (empty).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SendTaskHeartbeatOutput {}

impl Operation for SendTaskHeartbeatInput {
    const NAME: &'static str = "SendTaskHeartbeat";
    type Output = SendTaskHeartbeatOutput;

    fn validate(&self) -> Result<(), Error> {
        check::required("taskToken", self.task_token.as_str(), 1, TASK_TOKEN_MAX)
    }
}

impl Client {
    /// Ends a task successfully with its output (`SendTaskSuccess`).
    ///
    /// # Errors
    /// The service errors the model lists for `SendTaskSuccess`
    /// ([`ErrorKind::Service`](crate::ErrorKind::Service), by [`Error::code`](crate::Error::code)):
    /// - [`TaskDoesNotExist`](crate::ErrorCode::TaskDoesNotExist)
    /// - [`InvalidOutput`](crate::ErrorCode::InvalidOutput)
    /// - [`InvalidToken`](crate::ErrorCode::InvalidToken)
    /// - [`TaskTimedOut`](crate::ErrorCode::TaskTimedOut)
    /// - [`KmsAccessDeniedException`](crate::ErrorCode::KmsAccessDeniedException)
    /// - [`KmsInvalidStateException`](crate::ErrorCode::KmsInvalidStateException)
    /// - [`KmsThrottlingException`](crate::ErrorCode::KmsThrottlingException)
    ///
    /// Other failures (invalid input, throttling, transport, timeouts,
    /// credentials) are those of every call: see [`Error`](crate::Error).
    pub fn send_task_success(
        &self,
        task_token: impl Into<String>,
        output: impl Into<String>,
    ) -> RequestBuilder<SendTaskSuccessInput> {
        self.request(SendTaskSuccessInput::new(task_token, output))
    }

    /// Fails a task (`SendTaskFailure`), with an error code and cause a
    /// `Catch` or `Retry` of the state can match.
    ///
    /// ```no_run
    /// # async fn demo(client: sfn_lite::Client, token: &str) -> Result<(), sfn_lite::Error> {
    /// client
    ///     .send_task_failure(token)
    ///     .error("ImageTooLarge")
    ///     .cause("the image is 90 MB; the limit is 50 MB")
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// The service errors the model lists for `SendTaskFailure`
    /// ([`ErrorKind::Service`](crate::ErrorKind::Service), by [`Error::code`](crate::Error::code)):
    /// - [`TaskDoesNotExist`](crate::ErrorCode::TaskDoesNotExist)
    /// - [`InvalidToken`](crate::ErrorCode::InvalidToken)
    /// - [`TaskTimedOut`](crate::ErrorCode::TaskTimedOut)
    /// - [`KmsAccessDeniedException`](crate::ErrorCode::KmsAccessDeniedException)
    /// - [`KmsInvalidStateException`](crate::ErrorCode::KmsInvalidStateException)
    /// - [`KmsThrottlingException`](crate::ErrorCode::KmsThrottlingException)
    ///
    /// Other failures (invalid input, throttling, transport, timeouts,
    /// credentials) are those of every call: see [`Error`](crate::Error).
    pub fn send_task_failure(
        &self,
        task_token: impl Into<String>,
    ) -> RequestBuilder<SendTaskFailureInput> {
        self.request(SendTaskFailureInput::new(task_token))
    }

    /// Tells the service a task is still being worked on
    /// (`SendTaskHeartbeat`), within the state's `HeartbeatSeconds`.
    ///
    /// # Errors
    /// The service errors the model lists for `SendTaskHeartbeat`
    /// ([`ErrorKind::Service`](crate::ErrorKind::Service), by [`Error::code`](crate::Error::code)):
    /// - [`TaskDoesNotExist`](crate::ErrorCode::TaskDoesNotExist)
    /// - [`InvalidToken`](crate::ErrorCode::InvalidToken)
    /// - [`TaskTimedOut`](crate::ErrorCode::TaskTimedOut)
    ///
    /// Other failures (invalid input, throttling, transport, timeouts,
    /// credentials) are those of every call: see [`Error`](crate::Error).
    pub fn send_task_heartbeat(
        &self,
        task_token: impl Into<String>,
    ) -> RequestBuilder<SendTaskHeartbeatInput> {
        self.request(SendTaskHeartbeatInput::new(task_token))
    }
}

crate::client::setters!(SendTaskFailureInput {
    error: Sensitive<String>;
    cause: Sensitive<String>;
});

crate::builders::with_setters! {
    SendTaskSuccessOutput {
    }
    SendTaskFailureOutput {
    }
    SendTaskHeartbeatOutput {
    }
}
