//! State machine alias operations: CreateStateMachineAlias,
//! DescribeStateMachineAlias, UpdateStateMachineAlias,
//! DeleteStateMachineAlias, ListStateMachineAliases.

use super::validate::{
    self as check, ALIAS_DESCRIPTION_MAX, ARN_MAX, NAME_MAX, PAGE_SIZE_MAX, PAGE_TOKEN_MAX,
};
use crate::client::{Client, RequestBuilder};
use crate::error::Error;
use crate::operation::Operation;
use crate::types::{RoutingConfigurationListItem, Sensitive};
use crate::wire;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

fn description(value: Option<&Sensitive<String>>) -> Result<(), Error> {
    check::optional("description", value.map(Sensitive::as_str), 0, ALIAS_DESCRIPTION_MAX)
}

/// Input of `CreateStateMachineAlias`: a name that routes executions to one
/// version, or splits them between two.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CreateStateMachineAliasInput {
    /// A description, up to 256 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Sensitive<String>>,
    /// The alias's name, 1 to 80 letters, digits, `_`, `-` or `.`, not all
    /// digits.
    pub name: String,
    /// The versions it routes to (one or two) and their weights, adding up
    /// to 100.
    #[serde(default)]
    pub routing_configuration: Vec<RoutingConfigurationListItem>,
}

impl CreateStateMachineAliasInput {
    /// An input for an alias with this name and routing.
    pub fn new(name: impl Into<String>, routing: Vec<RoutingConfigurationListItem>) -> Self {
        Self { name: name.into(), routing_configuration: routing, ..Self::default() }
    }
}

/// Output of `CreateStateMachineAlias`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CreateStateMachineAliasOutput {
    /// The alias (`...:stateMachine:NAME:ALIAS`).
    #[serde(default)]
    pub state_machine_alias_arn: String,
    /// When it was created.
    #[serde(with = "wire::timestamp", default = "wire::epoch")]
    pub creation_date: OffsetDateTime,
}

impl Operation for CreateStateMachineAliasInput {
    const NAME: &'static str = "CreateStateMachineAlias";
    type Output = CreateStateMachineAliasOutput;

    fn validate(&self) -> Result<(), Error> {
        description(self.description.as_ref())?;
        check::required("name", &self.name, 1, NAME_MAX)?;
        check::character_restricted_name("name", &self.name)?;
        check::routing(&self.routing_configuration)
    }
}

/// Input of `DescribeStateMachineAlias`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct DescribeStateMachineAliasInput {
    /// The alias.
    pub state_machine_alias_arn: String,
}

impl DescribeStateMachineAliasInput {
    /// An input for the alias.
    pub fn new(state_machine_alias_arn: impl Into<String>) -> Self {
        Self { state_machine_alias_arn: state_machine_alias_arn.into() }
    }
}

/// Output of `DescribeStateMachineAlias`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct DescribeStateMachineAliasOutput {
    /// The alias.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state_machine_alias_arn: Option<String>,
    /// Its name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Its description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Sensitive<String>>,
    /// The versions it routes to, and their weights.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub routing_configuration: Option<Vec<RoutingConfigurationListItem>>,
    /// When it was created.
    #[serde(with = "wire::timestamp_opt", default, skip_serializing_if = "Option::is_none")]
    pub creation_date: Option<OffsetDateTime>,
    /// When it was last updated.
    #[serde(with = "wire::timestamp_opt", default, skip_serializing_if = "Option::is_none")]
    pub update_date: Option<OffsetDateTime>,
}

impl Operation for DescribeStateMachineAliasInput {
    const NAME: &'static str = "DescribeStateMachineAlias";
    type Output = DescribeStateMachineAliasOutput;

    fn validate(&self) -> Result<(), Error> {
        check::required("stateMachineAliasArn", &self.state_machine_alias_arn, 1, ARN_MAX)
    }
}

/// Input of `UpdateStateMachineAlias`: change an alias's description or
/// routing (at least one of them).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct UpdateStateMachineAliasInput {
    /// The alias.
    pub state_machine_alias_arn: String,
    /// A new description, up to 256 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Sensitive<String>>,
    /// New routing: one or two versions, weights adding up to 100.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub routing_configuration: Option<Vec<RoutingConfigurationListItem>>,
}

impl UpdateStateMachineAliasInput {
    /// An input for the alias that changes nothing yet.
    pub fn new(state_machine_alias_arn: impl Into<String>) -> Self {
        Self { state_machine_alias_arn: state_machine_alias_arn.into(), ..Self::default() }
    }
}

/// Output of `UpdateStateMachineAlias`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct UpdateStateMachineAliasOutput {
    /// When the alias was updated.
    #[serde(with = "wire::timestamp", default = "wire::epoch")]
    pub update_date: OffsetDateTime,
}

impl Operation for UpdateStateMachineAliasInput {
    const NAME: &'static str = "UpdateStateMachineAlias";
    type Output = UpdateStateMachineAliasOutput;

    fn validate(&self) -> Result<(), Error> {
        check::required("stateMachineAliasArn", &self.state_machine_alias_arn, 1, ARN_MAX)?;
        description(self.description.as_ref())?;
        self.routing_configuration.as_deref().map_or(Ok(()), check::routing)
    }
}

/// Input of `DeleteStateMachineAlias`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct DeleteStateMachineAliasInput {
    /// The alias to delete.
    pub state_machine_alias_arn: String,
}

impl DeleteStateMachineAliasInput {
    /// An input for the alias.
    pub fn new(state_machine_alias_arn: impl Into<String>) -> Self {
        Self { state_machine_alias_arn: state_machine_alias_arn.into() }
    }
}

/// Output of `DeleteStateMachineAlias` (empty).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DeleteStateMachineAliasOutput {}

impl Operation for DeleteStateMachineAliasInput {
    const NAME: &'static str = "DeleteStateMachineAlias";
    type Output = DeleteStateMachineAliasOutput;

    fn validate(&self) -> Result<(), Error> {
        check::required("stateMachineAliasArn", &self.state_machine_alias_arn, 1, ARN_MAX)
    }
}

/// Input of `ListStateMachineAliases`: the aliases of a state machine.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ListStateMachineAliasesInput {
    /// The state machine (or one of its versions: the aliases routing to it).
    pub state_machine_arn: String,
    /// The token of the page to fetch.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    /// Page size, 0 to 1000 (0 means the service default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_results: Option<i32>,
}

impl ListStateMachineAliasesInput {
    /// An input for the state machine's first page.
    pub fn new(state_machine_arn: impl Into<String>) -> Self {
        Self { state_machine_arn: state_machine_arn.into(), ..Self::default() }
    }
}

/// Output of `ListStateMachineAliases`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ListStateMachineAliasesOutput {
    /// The aliases on this page.
    #[serde(default)]
    pub state_machine_aliases: Vec<StateMachineAliasListItem>,
    /// The token of the next page, absent on the last one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// An alias, as listed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct StateMachineAliasListItem {
    /// The alias.
    #[serde(default)]
    pub state_machine_alias_arn: String,
    /// When it was created.
    #[serde(with = "wire::timestamp", default = "wire::epoch")]
    pub creation_date: OffsetDateTime,
}

impl Operation for ListStateMachineAliasesInput {
    const NAME: &'static str = "ListStateMachineAliases";
    type Output = ListStateMachineAliasesOutput;

    fn validate(&self) -> Result<(), Error> {
        check::required("stateMachineArn", &self.state_machine_arn, 1, ARN_MAX)?;
        check::optional("nextToken", self.next_token.as_deref(), 1, PAGE_TOKEN_MAX)?;
        check::range("maxResults", self.max_results, 0, PAGE_SIZE_MAX)
    }
}

impl Client {
    /// Creates an alias routing to one version, or splitting executions
    /// between two (`CreateStateMachineAlias`). Add the versions with
    /// [`RequestBuilder::route`].
    ///
    /// ```no_run
    /// # async fn demo(client: sfn_lite::Client) -> Result<(), sfn_lite::Error> {
    /// let alias = client
    ///     .create_state_machine_alias("PROD")
    ///     .route("arn:aws:states:us-east-1:123456789012:stateMachine:orders:1", 100)
    ///     .await?;
    /// println!("{}", alias.state_machine_alias_arn);
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// The service errors the model lists for `CreateStateMachineAlias`
    /// ([`ErrorKind::Service`](crate::ErrorKind::Service), by [`Error::code`](crate::Error::code)):
    /// - [`InvalidArn`](crate::ErrorCode::InvalidArn)
    /// - [`InvalidName`](crate::ErrorCode::InvalidName)
    /// - [`ValidationException`](crate::ErrorCode::ValidationException)
    /// - [`StateMachineDeleting`](crate::ErrorCode::StateMachineDeleting)
    /// - [`ResourceNotFound`](crate::ErrorCode::ResourceNotFound)
    /// - [`ConflictException`](crate::ErrorCode::ConflictException)
    /// - [`ServiceQuotaExceededException`](crate::ErrorCode::ServiceQuotaExceededException)
    ///
    /// Other failures (invalid input, throttling, transport, timeouts,
    /// credentials) are those of every call: see [`Error`](crate::Error).
    pub fn create_state_machine_alias(
        &self,
        name: impl Into<String>,
    ) -> RequestBuilder<CreateStateMachineAliasInput> {
        self.request(CreateStateMachineAliasInput::new(name, Vec::new()))
    }

    /// Describes an alias: its routing, description and dates
    /// (`DescribeStateMachineAlias`).
    ///
    /// # Errors
    /// The service errors the model lists for `DescribeStateMachineAlias`
    /// ([`ErrorKind::Service`](crate::ErrorKind::Service), by [`Error::code`](crate::Error::code)):
    /// - [`ValidationException`](crate::ErrorCode::ValidationException)
    /// - [`InvalidArn`](crate::ErrorCode::InvalidArn)
    /// - [`ResourceNotFound`](crate::ErrorCode::ResourceNotFound)
    ///
    /// Other failures (invalid input, throttling, transport, timeouts,
    /// credentials) are those of every call: see [`Error`](crate::Error).
    pub fn describe_state_machine_alias(
        &self,
        state_machine_alias_arn: impl Into<String>,
    ) -> RequestBuilder<DescribeStateMachineAliasInput> {
        self.request(DescribeStateMachineAliasInput::new(state_machine_alias_arn))
    }

    /// Changes an alias's routing or description (`UpdateStateMachineAlias`):
    /// shift traffic between two versions, then move it all to one.
    ///
    /// ```no_run
    /// # async fn demo(client: sfn_lite::Client) -> Result<(), sfn_lite::Error> {
    /// let alias = "arn:aws:states:us-east-1:123456789012:stateMachine:orders:PROD";
    /// let (v1, v2) = (
    ///     "arn:aws:states:us-east-1:123456789012:stateMachine:orders:1",
    ///     "arn:aws:states:us-east-1:123456789012:stateMachine:orders:2",
    /// );
    /// client.update_state_machine_alias(alias).route(v1, 90).route(v2, 10).await?;
    /// client.update_state_machine_alias(alias).route(v2, 100).await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// The service errors the model lists for `UpdateStateMachineAlias`
    /// ([`ErrorKind::Service`](crate::ErrorKind::Service), by [`Error::code`](crate::Error::code)):
    /// - [`ValidationException`](crate::ErrorCode::ValidationException)
    /// - [`InvalidArn`](crate::ErrorCode::InvalidArn)
    /// - [`ResourceNotFound`](crate::ErrorCode::ResourceNotFound)
    /// - [`ConflictException`](crate::ErrorCode::ConflictException)
    /// - [`StateMachineDeleting`](crate::ErrorCode::StateMachineDeleting)
    ///
    /// Other failures (invalid input, throttling, transport, timeouts,
    /// credentials) are those of every call: see [`Error`](crate::Error).
    pub fn update_state_machine_alias(
        &self,
        state_machine_alias_arn: impl Into<String>,
    ) -> RequestBuilder<UpdateStateMachineAliasInput> {
        self.request(UpdateStateMachineAliasInput::new(state_machine_alias_arn))
    }

    /// Deletes an alias (`DeleteStateMachineAlias`).
    ///
    /// # Errors
    /// The service errors the model lists for `DeleteStateMachineAlias`
    /// ([`ErrorKind::Service`](crate::ErrorKind::Service), by [`Error::code`](crate::Error::code)):
    /// - [`ValidationException`](crate::ErrorCode::ValidationException)
    /// - [`InvalidArn`](crate::ErrorCode::InvalidArn)
    /// - [`ResourceNotFound`](crate::ErrorCode::ResourceNotFound)
    /// - [`ConflictException`](crate::ErrorCode::ConflictException)
    ///
    /// Other failures (invalid input, throttling, transport, timeouts,
    /// credentials) are those of every call: see [`Error`](crate::Error).
    pub fn delete_state_machine_alias(
        &self,
        state_machine_alias_arn: impl Into<String>,
    ) -> RequestBuilder<DeleteStateMachineAliasInput> {
        self.request(DeleteStateMachineAliasInput::new(state_machine_alias_arn))
    }

    /// Lists a state machine's aliases (`ListStateMachineAliases`): send it
    /// for one page, or follow every page with
    /// [`RequestBuilder::into_paginator`].
    ///
    /// # Errors
    /// The service errors the model lists for `ListStateMachineAliases`
    /// ([`ErrorKind::Service`](crate::ErrorKind::Service), by [`Error::code`](crate::Error::code)):
    /// - [`InvalidArn`](crate::ErrorCode::InvalidArn)
    /// - [`InvalidToken`](crate::ErrorCode::InvalidToken)
    /// - [`ResourceNotFound`](crate::ErrorCode::ResourceNotFound)
    /// - [`StateMachineDoesNotExist`](crate::ErrorCode::StateMachineDoesNotExist)
    /// - [`StateMachineDeleting`](crate::ErrorCode::StateMachineDeleting)
    ///
    /// Other failures (invalid input, throttling, transport, timeouts,
    /// credentials) are those of every call: see [`Error`](crate::Error).
    pub fn list_state_machine_aliases(
        &self,
        state_machine_arn: impl Into<String>,
    ) -> RequestBuilder<ListStateMachineAliasesInput> {
        self.request(ListStateMachineAliasesInput::new(state_machine_arn))
    }
}

crate::client::setters!(CreateStateMachineAliasInput {
    description: Sensitive<String>;
});

impl RequestBuilder<CreateStateMachineAliasInput> {
    /// Routes `weight` percent of the alias's executions to a version.
    pub fn route(mut self, state_machine_version_arn: impl Into<String>, weight: i32) -> Self {
        let route = RoutingConfigurationListItem::new(state_machine_version_arn, weight);
        self.input.routing_configuration.push(route);
        self
    }
}

crate::client::setters!(UpdateStateMachineAliasInput {
    description: Sensitive<String>;
    routing_configuration: Vec<RoutingConfigurationListItem>;
});

impl RequestBuilder<UpdateStateMachineAliasInput> {
    /// Routes `weight` percent of the alias's executions to a version; the
    /// routes given replace the alias's.
    pub fn route(mut self, state_machine_version_arn: impl Into<String>, weight: i32) -> Self {
        let route = RoutingConfigurationListItem::new(state_machine_version_arn, weight);
        self.input.routing_configuration.get_or_insert_with(Vec::new).push(route);
        self
    }
}

crate::client::setters!(ListStateMachineAliasesInput {
    next_token: String;
    max_results: i32;
});

crate::paginate::paginated!(ListStateMachineAliasesInput => ListStateMachineAliasesOutput, state_machine_aliases: StateMachineAliasListItem);

crate::builders::with_setters! {
    CreateStateMachineAliasOutput + Default {
        with_state_machine_alias_arn => state_machine_alias_arn: String;
        with_creation_date => creation_date: OffsetDateTime;
    }
    DescribeStateMachineAliasOutput {
        with_state_machine_alias_arn => state_machine_alias_arn: Option<String>;
        with_name => name: Option<String>;
        with_description => description: Option<Sensitive<String>>;
        with_routing_configuration => routing_configuration: Option<Vec<RoutingConfigurationListItem>>;
        with_creation_date => creation_date: Option<OffsetDateTime>;
        with_update_date => update_date: Option<OffsetDateTime>;
    }
    UpdateStateMachineAliasOutput + Default {
        with_update_date => update_date: OffsetDateTime;
    }
    DeleteStateMachineAliasOutput {
    }
    ListStateMachineAliasesOutput {
        with_state_machine_aliases => state_machine_aliases: Vec<StateMachineAliasListItem>;
        with_next_token => next_token: Option<String>;
    }
    StateMachineAliasListItem + Default {
        with_state_machine_alias_arn => state_machine_alias_arn: String;
        with_creation_date => creation_date: OffsetDateTime;
    }
}
