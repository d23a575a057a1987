//! Execution history: GetExecutionHistory.

use super::validate::{self as check, ARN_MAX, PAGE_SIZE_MAX, PAGE_TOKEN_MAX};
use crate::client::{Client, RequestBuilder};
use crate::error::Error;
use crate::operation::Operation;
use crate::types::HistoryEvent;
use serde::{Deserialize, Serialize};

/// Input of `GetExecutionHistory`: one page of an execution's events.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct GetExecutionHistoryInput {
    /// The execution whose history to read.
    pub execution_arn: String,
    /// Page size, 0 to 1000 (0 means the service default, 100).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_results: Option<i32>,
    /// Whether to list the newest events first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reverse_order: Option<bool>,
    /// The token of the page to fetch.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    /// Whether events carry their input, output and other execution data
    /// (the service default is yes). `false` needs no KMS permission and
    /// makes pages much smaller.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub include_execution_data: Option<bool>,
}

impl GetExecutionHistoryInput {
    /// An input for the execution's history, first page, service defaults.
    pub fn new(execution_arn: impl Into<String>) -> Self {
        Self { execution_arn: execution_arn.into(), ..Self::default() }
    }
}

/// Output of `GetExecutionHistory`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct GetExecutionHistoryOutput {
    /// The events on this page.
    #[serde(default)]
    pub events: Vec<HistoryEvent>,
    /// The token of the next page, absent on the last one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

impl Operation for GetExecutionHistoryInput {
    const NAME: &'static str = "GetExecutionHistory";
    type Output = GetExecutionHistoryOutput;

    fn validate(&self) -> Result<(), Error> {
        check::required("executionArn", &self.execution_arn, 1, ARN_MAX)?;
        check::range("maxResults", self.max_results, 0, PAGE_SIZE_MAX)?;
        check::optional("nextToken", self.next_token.as_deref(), 1, PAGE_TOKEN_MAX)
    }
}

impl Client {
    /// Reads a page of an execution's history (`GetExecutionHistory`).
    ///
    /// ```no_run
    /// # async fn demo(client: sfn_lite::Client) -> Result<(), sfn_lite::Error> {
    /// let page = client
    ///     .get_execution_history("arn:aws:states:us-east-1:123456789012:execution:sm:e")
    ///     .include_execution_data(false)
    ///     .max_results(1000)
    ///     .await?;
    /// for event in &page.events {
    ///     println!("{} {} {:?}", event.id, event.r#type, event.state_name());
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// The service errors the model lists for `GetExecutionHistory`
    /// ([`ErrorKind::Service`](crate::ErrorKind::Service), by [`Error::code`](crate::Error::code)):
    /// - [`ExecutionDoesNotExist`](crate::ErrorCode::ExecutionDoesNotExist)
    /// - [`InvalidArn`](crate::ErrorCode::InvalidArn)
    /// - [`InvalidToken`](crate::ErrorCode::InvalidToken)
    /// - [`KmsAccessDeniedException`](crate::ErrorCode::KmsAccessDeniedException)
    /// - [`KmsInvalidStateException`](crate::ErrorCode::KmsInvalidStateException)
    /// - [`KmsThrottlingException`](crate::ErrorCode::KmsThrottlingException)
    ///
    /// Other failures (invalid input, throttling, transport, timeouts,
    /// credentials) are those of every call: see [`Error`](crate::Error).
    pub fn get_execution_history(
        &self,
        execution_arn: impl Into<String>,
    ) -> RequestBuilder<GetExecutionHistoryInput> {
        self.request(GetExecutionHistoryInput::new(execution_arn))
    }
}

crate::client::setters!(GetExecutionHistoryInput {
    max_results: i32;
    reverse_order: bool;
    next_token: String;
    include_execution_data: bool;
});

crate::paginate::paginated!(GetExecutionHistoryInput => GetExecutionHistoryOutput, events: HistoryEvent);

crate::builders::with_setters! {
    GetExecutionHistoryOutput {
        with_events => events: Vec<HistoryEvent>;
        with_next_token => next_token: Option<String>;
    }
}
