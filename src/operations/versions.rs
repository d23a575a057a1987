//! State machine version operations: PublishStateMachineVersion,
//! ListStateMachineVersions, DeleteStateMachineVersion.

use super::validate::{
    self as check, ARN_MAX, LONG_ARN_MAX, PAGE_SIZE_MAX, PAGE_TOKEN_MAX, VERSION_DESCRIPTION_MAX,
};
use crate::client::{Client, RequestBuilder};
use crate::error::Error;
use crate::operation::Operation;
use crate::types::Sensitive;
use crate::wire;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// Input of `PublishStateMachineVersion`: publish the state machine's
/// current revision as a new, immutable version. Publishing an unchanged
/// revision again returns the version it already has.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct PublishStateMachineVersionInput {
    /// The state machine.
    pub state_machine_arn: String,
    /// The revision to publish, as `DescribeStateMachine` gave it: the call
    /// fails with `ConflictException` if the state machine changed since.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revision_id: Option<String>,
    /// A description of the version, up to 256 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Sensitive<String>>,
}

impl PublishStateMachineVersionInput {
    /// An input that publishes the state machine's current revision.
    pub fn new(state_machine_arn: impl Into<String>) -> Self {
        Self { state_machine_arn: state_machine_arn.into(), ..Self::default() }
    }
}

/// Output of `PublishStateMachineVersion`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct PublishStateMachineVersionOutput {
    /// When the version was published.
    #[serde(with = "wire::timestamp", default = "wire::epoch")]
    pub creation_date: OffsetDateTime,
    /// The version (`...:stateMachine:NAME:N`).
    #[serde(default)]
    pub state_machine_version_arn: String,
}

impl Operation for PublishStateMachineVersionInput {
    const NAME: &'static str = "PublishStateMachineVersion";
    type Output = PublishStateMachineVersionOutput;

    fn validate(&self) -> Result<(), Error> {
        check::required("stateMachineArn", &self.state_machine_arn, 1, ARN_MAX)?;
        check::optional(
            "description",
            self.description.as_ref().map(Sensitive::as_str),
            0,
            VERSION_DESCRIPTION_MAX,
        )
    }
}

/// Input of `ListStateMachineVersions`: a state machine's versions, newest
/// first.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ListStateMachineVersionsInput {
    /// The state machine.
    pub state_machine_arn: String,
    /// The token of the page to fetch.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    /// Page size, 0 to 1000 (0 means the service default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_results: Option<i32>,
}

impl ListStateMachineVersionsInput {
    /// An input for the state machine's first page.
    pub fn new(state_machine_arn: impl Into<String>) -> Self {
        Self { state_machine_arn: state_machine_arn.into(), ..Self::default() }
    }
}

/// Output of `ListStateMachineVersions`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ListStateMachineVersionsOutput {
    /// The versions on this page.
    #[serde(default)]
    pub state_machine_versions: Vec<StateMachineVersionListItem>,
    /// The token of the next page, absent on the last one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// A state machine version, as listed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct StateMachineVersionListItem {
    /// The version.
    #[serde(default)]
    pub state_machine_version_arn: String,
    /// When it was published.
    #[serde(with = "wire::timestamp", default = "wire::epoch")]
    pub creation_date: OffsetDateTime,
}

impl Operation for ListStateMachineVersionsInput {
    const NAME: &'static str = "ListStateMachineVersions";
    type Output = ListStateMachineVersionsOutput;

    fn validate(&self) -> Result<(), Error> {
        check::required("stateMachineArn", &self.state_machine_arn, 1, ARN_MAX)?;
        check::optional("nextToken", self.next_token.as_deref(), 1, PAGE_TOKEN_MAX)?;
        check::range("maxResults", self.max_results, 0, PAGE_SIZE_MAX)
    }
}

/// Input of `DeleteStateMachineVersion`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct DeleteStateMachineVersionInput {
    /// The version to delete; no alias may route to it.
    pub state_machine_version_arn: String,
}

impl DeleteStateMachineVersionInput {
    /// An input for the version.
    pub fn new(state_machine_version_arn: impl Into<String>) -> Self {
        Self { state_machine_version_arn: state_machine_version_arn.into() }
    }
}

/// Output of `DeleteStateMachineVersion` (empty).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DeleteStateMachineVersionOutput {}

impl Operation for DeleteStateMachineVersionInput {
    const NAME: &'static str = "DeleteStateMachineVersion";
    type Output = DeleteStateMachineVersionOutput;

    fn validate(&self) -> Result<(), Error> {
        check::required("stateMachineVersionArn", &self.state_machine_version_arn, 1, LONG_ARN_MAX)
    }
}

impl Client {
    /// Publishes the state machine's current revision as a version
    /// (`PublishStateMachineVersion`).
    ///
    /// ```no_run
    /// # async fn demo(client: sfn_lite::Client) -> Result<(), sfn_lite::Error> {
    /// let version = client
    ///     .publish_state_machine_version("arn:aws:states:us-east-1:123456789012:stateMachine:orders")
    ///     .description("retry on throttling")
    ///     .await?;
    /// println!("{}", version.state_machine_version_arn);
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// The service errors the model lists for `PublishStateMachineVersion`
    /// ([`ErrorKind::Service`](crate::ErrorKind::Service), by [`Error::code`](crate::Error::code)):
    /// - [`ValidationException`](crate::ErrorCode::ValidationException)
    /// - [`StateMachineDeleting`](crate::ErrorCode::StateMachineDeleting)
    /// - [`StateMachineDoesNotExist`](crate::ErrorCode::StateMachineDoesNotExist)
    /// - [`ServiceQuotaExceededException`](crate::ErrorCode::ServiceQuotaExceededException)
    /// - [`ConflictException`](crate::ErrorCode::ConflictException)
    /// - [`InvalidArn`](crate::ErrorCode::InvalidArn)
    ///
    /// Other failures (invalid input, throttling, transport, timeouts,
    /// credentials) are those of every call: see [`Error`](crate::Error).
    pub fn publish_state_machine_version(
        &self,
        state_machine_arn: impl Into<String>,
    ) -> RequestBuilder<PublishStateMachineVersionInput> {
        self.request(PublishStateMachineVersionInput::new(state_machine_arn))
    }

    /// Lists a state machine's versions, newest first
    /// (`ListStateMachineVersions`): send it for one page, or follow every
    /// page with [`RequestBuilder::into_paginator`].
    ///
    /// # Errors
    /// The service errors the model lists for `ListStateMachineVersions`
    /// ([`ErrorKind::Service`](crate::ErrorKind::Service), by [`Error::code`](crate::Error::code)):
    /// - [`ValidationException`](crate::ErrorCode::ValidationException)
    /// - [`InvalidArn`](crate::ErrorCode::InvalidArn)
    /// - [`InvalidToken`](crate::ErrorCode::InvalidToken)
    ///
    /// Other failures (invalid input, throttling, transport, timeouts,
    /// credentials) are those of every call: see [`Error`](crate::Error).
    pub fn list_state_machine_versions(
        &self,
        state_machine_arn: impl Into<String>,
    ) -> RequestBuilder<ListStateMachineVersionsInput> {
        self.request(ListStateMachineVersionsInput::new(state_machine_arn))
    }

    /// Deletes a version (`DeleteStateMachineVersion`).
    ///
    /// # Errors
    /// The service errors the model lists for `DeleteStateMachineVersion`
    /// ([`ErrorKind::Service`](crate::ErrorKind::Service), by [`Error::code`](crate::Error::code)):
    /// - [`ValidationException`](crate::ErrorCode::ValidationException)
    /// - [`InvalidArn`](crate::ErrorCode::InvalidArn)
    /// - [`ConflictException`](crate::ErrorCode::ConflictException)
    ///
    /// Other failures (invalid input, throttling, transport, timeouts,
    /// credentials) are those of every call: see [`Error`](crate::Error).
    pub fn delete_state_machine_version(
        &self,
        state_machine_version_arn: impl Into<String>,
    ) -> RequestBuilder<DeleteStateMachineVersionInput> {
        self.request(DeleteStateMachineVersionInput::new(state_machine_version_arn))
    }
}

crate::client::setters!(PublishStateMachineVersionInput {
    revision_id: String;
    description: Sensitive<String>;
});

crate::client::setters!(ListStateMachineVersionsInput {
    next_token: String;
    max_results: i32;
});

crate::paginate::paginated!(ListStateMachineVersionsInput => ListStateMachineVersionsOutput, state_machine_versions: StateMachineVersionListItem);

crate::builders::with_setters! {
    PublishStateMachineVersionOutput + Default {
        with_creation_date => creation_date: OffsetDateTime;
        with_state_machine_version_arn => state_machine_version_arn: String;
    }
    ListStateMachineVersionsOutput {
        with_state_machine_versions => state_machine_versions: Vec<StateMachineVersionListItem>;
        with_next_token => next_token: Option<String>;
    }
    StateMachineVersionListItem + Default {
        with_state_machine_version_arn => state_machine_version_arn: String;
        with_creation_date => creation_date: OffsetDateTime;
    }
    DeleteStateMachineVersionOutput {
    }
}
