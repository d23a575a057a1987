//! State machine operations: CreateStateMachine, DescribeStateMachine,
//! DescribeStateMachineForExecution, ListStateMachines, DeleteStateMachine,
//! UpdateStateMachine.

use super::validate::{
    self as check, ARN_MAX, DEFINITION_MAX, NAME_MAX, PAGE_SIZE_MAX, PAGE_TOKEN_MAX,
    VERSION_DESCRIPTION_MAX,
};
use crate::client::{Client, RequestBuilder};
use crate::error::Error;
use crate::operation::Operation;
use crate::types::{
    EncryptionConfiguration, IncludedData, LoggingConfiguration, Sensitive, StateMachineStatus,
    StateMachineType, Tag, TracingConfiguration, VariableReferences,
};
use crate::wire;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// Input of `DescribeStateMachine`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct DescribeStateMachineInput {
    /// The state machine, or one of its versions or aliases.
    pub state_machine_arn: String,
    /// Whether to include the encrypted definition (default: all data).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub included_data: Option<IncludedData>,
}

impl DescribeStateMachineInput {
    /// An input for the state machine.
    pub fn new(state_machine_arn: impl Into<String>) -> Self {
        Self { state_machine_arn: state_machine_arn.into(), ..Self::default() }
    }
}

/// Output of `DescribeStateMachine`: a state machine's definition and settings.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct DescribeStateMachineOutput {
    /// The state machine (or the version described).
    #[serde(default)]
    pub state_machine_arn: String,
    /// Its name.
    #[serde(default)]
    pub name: String,
    /// Its status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<StateMachineStatus>,
    /// Its Amazon States Language definition, as JSON text.
    #[serde(default)]
    pub definition: Sensitive<String>,
    /// The IAM role its executions assume.
    #[serde(default)]
    pub role_arn: String,
    /// Standard or Express.
    #[serde(default, rename = "type")]
    pub r#type: StateMachineType,
    /// When it was created (for a version: when the version was published).
    #[serde(with = "wire::timestamp", default = "wire::epoch")]
    pub creation_date: OffsetDateTime,
    /// Its CloudWatch Logs configuration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logging_configuration: Option<LoggingConfiguration>,
    /// Its X-Ray tracing configuration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tracing_configuration: Option<TracingConfiguration>,
    /// The Map Run label, when the ARN described a Distributed Map state's
    /// child workflow.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The revision of its definition and settings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revision_id: Option<String>,
    /// The description of the version described.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Sensitive<String>>,
    /// How its data is encrypted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encryption_configuration: Option<EncryptionConfiguration>,
    /// The variables each state references.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variable_references: Option<VariableReferences>,
}

impl Operation for DescribeStateMachineInput {
    const NAME: &'static str = "DescribeStateMachine";
    type Output = DescribeStateMachineOutput;

    fn validate(&self) -> Result<(), Error> {
        check::required("stateMachineArn", &self.state_machine_arn, 1, ARN_MAX)
    }
}

/// Input of `DescribeStateMachineForExecution`: the state machine an
/// execution ran, as it was when it started.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct DescribeStateMachineForExecutionInput {
    /// The execution.
    pub execution_arn: String,
    /// Whether to include the encrypted definition (default: all data).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub included_data: Option<IncludedData>,
}

impl DescribeStateMachineForExecutionInput {
    /// An input for the execution.
    pub fn new(execution_arn: impl Into<String>) -> Self {
        Self { execution_arn: execution_arn.into(), ..Self::default() }
    }
}

/// Output of `DescribeStateMachineForExecution`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct DescribeStateMachineForExecutionOutput {
    /// The state machine.
    #[serde(default)]
    pub state_machine_arn: String,
    /// Its name.
    #[serde(default)]
    pub name: String,
    /// Its Amazon States Language definition, as JSON text.
    #[serde(default)]
    pub definition: Sensitive<String>,
    /// The IAM role its executions assume.
    #[serde(default)]
    pub role_arn: String,
    /// When it was last updated (the Unix epoch when a server leaves it out,
    /// as moto does).
    #[serde(with = "wire::timestamp", default = "wire::epoch")]
    pub update_date: OffsetDateTime,
    /// Its CloudWatch Logs configuration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logging_configuration: Option<LoggingConfiguration>,
    /// Its X-Ray tracing configuration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tracing_configuration: Option<TracingConfiguration>,
    /// The Map Run that started the execution, for a child execution.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub map_run_arn: Option<String>,
    /// The Distributed Map state's label, for a child execution.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The revision of its definition and settings the execution ran.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revision_id: Option<String>,
    /// How its data is encrypted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encryption_configuration: Option<EncryptionConfiguration>,
    /// The variables each state references.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variable_references: Option<VariableReferences>,
}

impl Operation for DescribeStateMachineForExecutionInput {
    const NAME: &'static str = "DescribeStateMachineForExecution";
    type Output = DescribeStateMachineForExecutionOutput;

    fn validate(&self) -> Result<(), Error> {
        check::required("executionArn", &self.execution_arn, 1, ARN_MAX)
    }
}

impl Client {
    /// Describes a state machine, version or alias: definition, role,
    /// settings (`DescribeStateMachine`).
    ///
    /// ```no_run
    /// # async fn demo(client: sfn_lite::Client) -> Result<(), sfn_lite::Error> {
    /// let sm = client
    ///     .describe_state_machine("arn:aws:states:us-east-1:123456789012:stateMachine:sm")
    ///     .await?;
    /// println!("{} ({}) runs as {}", sm.name, sm.r#type, sm.role_arn);
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// The service errors the model lists for `DescribeStateMachine`
    /// ([`ErrorKind::Service`](crate::ErrorKind::Service), by [`Error::code`](crate::Error::code)):
    /// - [`InvalidArn`](crate::ErrorCode::InvalidArn)
    /// - [`StateMachineDoesNotExist`](crate::ErrorCode::StateMachineDoesNotExist)
    /// - [`KmsAccessDeniedException`](crate::ErrorCode::KmsAccessDeniedException)
    /// - [`KmsInvalidStateException`](crate::ErrorCode::KmsInvalidStateException)
    /// - [`KmsThrottlingException`](crate::ErrorCode::KmsThrottlingException)
    ///
    /// Other failures (invalid input, throttling, transport, timeouts,
    /// credentials) are those of every call: see [`Error`](crate::Error).
    pub fn describe_state_machine(
        &self,
        state_machine_arn: impl Into<String>,
    ) -> RequestBuilder<DescribeStateMachineInput> {
        self.request(DescribeStateMachineInput::new(state_machine_arn))
    }

    /// Describes the state machine an execution ran, as it was when the
    /// execution started (`DescribeStateMachineForExecution`).
    ///
    /// # Errors
    /// The service errors the model lists for `DescribeStateMachineForExecution`
    /// ([`ErrorKind::Service`](crate::ErrorKind::Service), by [`Error::code`](crate::Error::code)):
    /// - [`ExecutionDoesNotExist`](crate::ErrorCode::ExecutionDoesNotExist)
    /// - [`InvalidArn`](crate::ErrorCode::InvalidArn)
    /// - [`KmsAccessDeniedException`](crate::ErrorCode::KmsAccessDeniedException)
    /// - [`KmsInvalidStateException`](crate::ErrorCode::KmsInvalidStateException)
    /// - [`KmsThrottlingException`](crate::ErrorCode::KmsThrottlingException)
    ///
    /// Other failures (invalid input, throttling, transport, timeouts,
    /// credentials) are those of every call: see [`Error`](crate::Error).
    pub fn describe_state_machine_for_execution(
        &self,
        execution_arn: impl Into<String>,
    ) -> RequestBuilder<DescribeStateMachineForExecutionInput> {
        self.request(DescribeStateMachineForExecutionInput::new(execution_arn))
    }
}

crate::client::setters!(DescribeStateMachineInput {
    included_data: IncludedData;
});

crate::client::setters!(DescribeStateMachineForExecutionInput {
    included_data: IncludedData;
});

/// Input of `CreateStateMachine`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CreateStateMachineInput {
    /// The state machine's name, 1 to 80 characters.
    pub name: String,
    /// Its Amazon States Language definition (JSON).
    pub definition: Sensitive<String>,
    /// The IAM role its executions run as.
    pub role_arn: String,
    /// Standard (the default) or Express.
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub r#type: Option<StateMachineType>,
    /// Where and what to log.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logging_configuration: Option<LoggingConfiguration>,
    /// Tags to attach.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
    /// X-Ray tracing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tracing_configuration: Option<TracingConfiguration>,
    /// Whether to publish a first version of the state machine.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publish: Option<bool>,
    /// A description of the published version, up to 256 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version_description: Option<Sensitive<String>>,
    /// How its data is encrypted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encryption_configuration: Option<EncryptionConfiguration>,
}

impl CreateStateMachineInput {
    /// An input for a state machine with this name, definition and role.
    pub fn new(
        name: impl Into<String>,
        definition: impl Into<String>,
        role_arn: impl Into<String>,
    ) -> Self {
        Self {
            name: name.into(),
            definition: Sensitive::new(definition.into()),
            role_arn: role_arn.into(),
            ..Self::default()
        }
    }
}

/// Output of `CreateStateMachine`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CreateStateMachineOutput {
    /// The new state machine.
    #[serde(default)]
    pub state_machine_arn: String,
    /// When it was created.
    #[serde(with = "wire::timestamp", default = "wire::epoch")]
    pub creation_date: OffsetDateTime,
    /// The version published with it, when `publish` was set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state_machine_version_arn: Option<String>,
}

impl Operation for CreateStateMachineInput {
    const NAME: &'static str = "CreateStateMachine";
    type Output = CreateStateMachineOutput;

    fn validate(&self) -> Result<(), Error> {
        check::required("name", &self.name, 1, NAME_MAX)?;
        check::required("definition", self.definition.as_str(), 1, DEFINITION_MAX)?;
        check::required("roleArn", &self.role_arn, 1, ARN_MAX)?;
        if let Some(logging) = &self.logging_configuration {
            check::logging(logging)?;
        }
        if let Some(tags) = &self.tags {
            check::tags(tags)?;
        }
        check::optional(
            "versionDescription",
            self.version_description.as_ref().map(Sensitive::as_str),
            0,
            VERSION_DESCRIPTION_MAX,
        )?;
        if let Some(encryption) = &self.encryption_configuration {
            check::encryption(encryption)?;
        }
        Ok(())
    }
}

/// Input of `DeleteStateMachine`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct DeleteStateMachineInput {
    /// The state machine (or one of its versions or aliases) to delete.
    pub state_machine_arn: String,
}

impl DeleteStateMachineInput {
    /// An input for the state machine.
    pub fn new(state_machine_arn: impl Into<String>) -> Self {
        Self { state_machine_arn: state_machine_arn.into() }
    }
}

/// Output of `DeleteStateMachine` (empty).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DeleteStateMachineOutput {}

impl Operation for DeleteStateMachineInput {
    const NAME: &'static str = "DeleteStateMachine";
    type Output = DeleteStateMachineOutput;

    fn validate(&self) -> Result<(), Error> {
        check::required("stateMachineArn", &self.state_machine_arn, 1, ARN_MAX)
    }
}

/// Input of `ListStateMachines`: the account's state machines in this region.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ListStateMachinesInput {
    /// Page size, 0 to 1000 (0 means the service default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_results: Option<i32>,
    /// The token of the page to fetch.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

impl ListStateMachinesInput {
    /// An input for the first page.
    pub fn new() -> Self {
        Self::default()
    }
}

/// Output of `ListStateMachines`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ListStateMachinesOutput {
    /// The state machines on this page.
    #[serde(default)]
    pub state_machines: Vec<StateMachineListItem>,
    /// The token of the next page, absent on the last one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// A state machine, as listed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct StateMachineListItem {
    /// The state machine.
    #[serde(default)]
    pub state_machine_arn: String,
    /// Its name.
    #[serde(default)]
    pub name: String,
    /// Standard or Express.
    #[serde(default, rename = "type")]
    pub r#type: StateMachineType,
    /// When it was created.
    #[serde(with = "wire::timestamp", default = "wire::epoch")]
    pub creation_date: OffsetDateTime,
}

impl Operation for ListStateMachinesInput {
    const NAME: &'static str = "ListStateMachines";
    type Output = ListStateMachinesOutput;

    fn validate(&self) -> Result<(), Error> {
        check::range("maxResults", self.max_results, 0, PAGE_SIZE_MAX)?;
        check::optional("nextToken", self.next_token.as_deref(), 1, PAGE_TOKEN_MAX)
    }
}

impl Client {
    /// Creates a state machine (`CreateStateMachine`).
    ///
    /// ```no_run
    /// # async fn demo(client: sfn_lite::Client) -> Result<(), sfn_lite::Error> {
    /// let definition = r#"{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}"#;
    /// let created = client
    ///     .create_state_machine("hello", definition, "arn:aws:iam::123456789012:role/sfn")
    ///     .tag("team", "data")
    ///     .await?;
    /// println!("{}", created.state_machine_arn);
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// The service errors the model lists for `CreateStateMachine`
    /// ([`ErrorKind::Service`](crate::ErrorKind::Service), by [`Error::code`](crate::Error::code)):
    /// - [`InvalidArn`](crate::ErrorCode::InvalidArn)
    /// - [`InvalidDefinition`](crate::ErrorCode::InvalidDefinition)
    /// - [`InvalidName`](crate::ErrorCode::InvalidName)
    /// - [`InvalidLoggingConfiguration`](crate::ErrorCode::InvalidLoggingConfiguration)
    /// - [`InvalidTracingConfiguration`](crate::ErrorCode::InvalidTracingConfiguration)
    /// - [`StateMachineAlreadyExists`](crate::ErrorCode::StateMachineAlreadyExists)
    /// - [`StateMachineDeleting`](crate::ErrorCode::StateMachineDeleting)
    /// - [`StateMachineLimitExceeded`](crate::ErrorCode::StateMachineLimitExceeded)
    /// - [`StateMachineTypeNotSupported`](crate::ErrorCode::StateMachineTypeNotSupported)
    /// - [`TooManyTags`](crate::ErrorCode::TooManyTags)
    /// - [`ValidationException`](crate::ErrorCode::ValidationException)
    /// - [`ConflictException`](crate::ErrorCode::ConflictException)
    /// - [`InvalidEncryptionConfiguration`](crate::ErrorCode::InvalidEncryptionConfiguration)
    /// - [`KmsAccessDeniedException`](crate::ErrorCode::KmsAccessDeniedException)
    /// - [`KmsThrottlingException`](crate::ErrorCode::KmsThrottlingException)
    ///
    /// Other failures (invalid input, throttling, transport, timeouts,
    /// credentials) are those of every call: see [`Error`](crate::Error).
    pub fn create_state_machine(
        &self,
        name: impl Into<String>,
        definition: impl Into<String>,
        role_arn: impl Into<String>,
    ) -> RequestBuilder<CreateStateMachineInput> {
        self.request(CreateStateMachineInput::new(name, definition, role_arn))
    }

    /// Deletes a state machine (`DeleteStateMachine`). Running executions
    /// finish first; the service deletes it asynchronously.
    ///
    /// # Errors
    /// The service errors the model lists for `DeleteStateMachine`
    /// ([`ErrorKind::Service`](crate::ErrorKind::Service), by [`Error::code`](crate::Error::code)):
    /// - [`InvalidArn`](crate::ErrorCode::InvalidArn)
    /// - [`ValidationException`](crate::ErrorCode::ValidationException)
    ///
    /// Other failures (invalid input, throttling, transport, timeouts,
    /// credentials) are those of every call: see [`Error`](crate::Error).
    pub fn delete_state_machine(
        &self,
        state_machine_arn: impl Into<String>,
    ) -> RequestBuilder<DeleteStateMachineInput> {
        self.request(DeleteStateMachineInput::new(state_machine_arn))
    }

    /// Lists the state machines (`ListStateMachines`): send it for one page,
    /// or follow every page with [`RequestBuilder::into_paginator`].
    ///
    /// ```no_run
    /// use futures::TryStreamExt;
    ///
    /// # async fn demo(client: sfn_lite::Client) -> Result<(), sfn_lite::Error> {
    /// let mut machines = client.list_state_machines().into_paginator().page_size(100).items();
    /// while let Some(machine) = machines.try_next().await? {
    ///     println!("{} ({})", machine.name, machine.r#type);
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// The service errors the model lists for `ListStateMachines`
    /// ([`ErrorKind::Service`](crate::ErrorKind::Service), by [`Error::code`](crate::Error::code)):
    /// - [`InvalidToken`](crate::ErrorCode::InvalidToken)
    ///
    /// Other failures (invalid input, throttling, transport, timeouts,
    /// credentials) are those of every call: see [`Error`](crate::Error).
    pub fn list_state_machines(&self) -> RequestBuilder<ListStateMachinesInput> {
        self.request(ListStateMachinesInput::new())
    }
}

crate::client::setters!(CreateStateMachineInput {
    logging_configuration: LoggingConfiguration;
    tracing_configuration: TracingConfiguration;
    tags: Vec<Tag>;
    publish: bool;
    version_description: Sensitive<String>;
    encryption_configuration: EncryptionConfiguration;
});

impl RequestBuilder<CreateStateMachineInput> {
    /// Sets [`CreateStateMachineInput`]'s `type` (a raw identifier, which
    /// the generated setters' doc links cannot name).
    pub fn r#type(mut self, value: impl Into<StateMachineType>) -> Self {
        self.input.r#type = Some(value.into());
        self
    }

    /// Adds one tag.
    pub fn tag(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.input.tags.get_or_insert_with(Vec::new).push(Tag::new(key, value));
        self
    }
}

crate::client::setters!(ListStateMachinesInput {
    max_results: i32;
    next_token: String;
});

crate::paginate::paginated!(ListStateMachinesInput => ListStateMachinesOutput, state_machines: StateMachineListItem);

/// Input of `UpdateStateMachine`: change a state machine's definition,
/// role, logging, tracing or encryption (at least one), and optionally
/// publish the result as a version.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct UpdateStateMachineInput {
    /// The state machine.
    pub state_machine_arn: String,
    /// A new Amazon States Language definition (JSON).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub definition: Option<Sensitive<String>>,
    /// A new IAM role for its executions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role_arn: Option<String>,
    /// New logging settings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logging_configuration: Option<LoggingConfiguration>,
    /// New X-Ray tracing settings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tracing_configuration: Option<TracingConfiguration>,
    /// Whether to publish the updated state machine as a version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publish: Option<bool>,
    /// A description of the published version, up to 256 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version_description: Option<Sensitive<String>>,
    /// New encryption settings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encryption_configuration: Option<EncryptionConfiguration>,
}

impl UpdateStateMachineInput {
    /// An input for the state machine that changes nothing yet.
    pub fn new(state_machine_arn: impl Into<String>) -> Self {
        Self { state_machine_arn: state_machine_arn.into(), ..Self::default() }
    }
}

/// Output of `UpdateStateMachine`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct UpdateStateMachineOutput {
    /// When it was updated.
    #[serde(with = "wire::timestamp", default = "wire::epoch")]
    pub update_date: OffsetDateTime,
    /// The revision the update made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revision_id: Option<String>,
    /// The version published, when `publish` was set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state_machine_version_arn: Option<String>,
}

impl Operation for UpdateStateMachineInput {
    const NAME: &'static str = "UpdateStateMachine";
    type Output = UpdateStateMachineOutput;

    fn validate(&self) -> Result<(), Error> {
        check::required("stateMachineArn", &self.state_machine_arn, 1, ARN_MAX)?;
        let definition = self.definition.as_ref().map(Sensitive::as_str);
        check::optional("definition", definition, 1, DEFINITION_MAX)?;
        check::optional("roleArn", self.role_arn.as_deref(), 1, ARN_MAX)?;
        if let Some(logging) = &self.logging_configuration {
            check::logging(logging)?;
        }
        check::optional(
            "versionDescription",
            self.version_description.as_ref().map(Sensitive::as_str),
            0,
            VERSION_DESCRIPTION_MAX,
        )?;
        if let Some(encryption) = &self.encryption_configuration {
            check::encryption(encryption)?;
        }
        Ok(())
    }
}

impl Client {
    /// Changes a state machine (`UpdateStateMachine`); running executions
    /// keep the definition they started with. With `publish(true)` the
    /// result is published as a version in the same call.
    ///
    /// ```no_run
    /// # async fn demo(client: sfn_lite::Client, definition: &str) -> Result<(), sfn_lite::Error> {
    /// let updated = client
    ///     .update_state_machine("arn:aws:states:us-east-1:123456789012:stateMachine:orders")
    ///     .definition(definition)
    ///     .publish(true)
    ///     .version_description("retry on throttling")
    ///     .await?;
    /// println!("{:?}", updated.state_machine_version_arn);
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// The service errors the model lists for `UpdateStateMachine`
    /// ([`ErrorKind::Service`](crate::ErrorKind::Service), by [`Error::code`](crate::Error::code)):
    /// - [`InvalidArn`](crate::ErrorCode::InvalidArn)
    /// - [`InvalidDefinition`](crate::ErrorCode::InvalidDefinition)
    /// - [`InvalidLoggingConfiguration`](crate::ErrorCode::InvalidLoggingConfiguration)
    /// - [`InvalidTracingConfiguration`](crate::ErrorCode::InvalidTracingConfiguration)
    /// - [`MissingRequiredParameter`](crate::ErrorCode::MissingRequiredParameter)
    /// - [`StateMachineDeleting`](crate::ErrorCode::StateMachineDeleting)
    /// - [`StateMachineDoesNotExist`](crate::ErrorCode::StateMachineDoesNotExist)
    /// - [`ServiceQuotaExceededException`](crate::ErrorCode::ServiceQuotaExceededException)
    /// - [`ConflictException`](crate::ErrorCode::ConflictException)
    /// - [`ValidationException`](crate::ErrorCode::ValidationException)
    /// - [`InvalidEncryptionConfiguration`](crate::ErrorCode::InvalidEncryptionConfiguration)
    /// - [`KmsAccessDeniedException`](crate::ErrorCode::KmsAccessDeniedException)
    /// - [`KmsThrottlingException`](crate::ErrorCode::KmsThrottlingException)
    ///
    /// Other failures (invalid input, throttling, transport, timeouts,
    /// credentials) are those of every call: see [`Error`](crate::Error).
    pub fn update_state_machine(
        &self,
        state_machine_arn: impl Into<String>,
    ) -> RequestBuilder<UpdateStateMachineInput> {
        self.request(UpdateStateMachineInput::new(state_machine_arn))
    }
}

crate::client::setters!(UpdateStateMachineInput {
    definition: Sensitive<String>;
    role_arn: String;
    logging_configuration: LoggingConfiguration;
    tracing_configuration: TracingConfiguration;
    publish: bool;
    version_description: Sensitive<String>;
    encryption_configuration: EncryptionConfiguration;
});

crate::builders::with_setters! {
    DescribeStateMachineOutput + Default {
        with_state_machine_arn => state_machine_arn: String;
        with_name => name: String;
        with_status => status: Option<StateMachineStatus>;
        with_definition => definition: Sensitive<String>;
        with_role_arn => role_arn: String;
        with_type => r#type: StateMachineType;
        with_creation_date => creation_date: OffsetDateTime;
        with_logging_configuration => logging_configuration: Option<LoggingConfiguration>;
        with_tracing_configuration => tracing_configuration: Option<TracingConfiguration>;
        with_label => label: Option<String>;
        with_revision_id => revision_id: Option<String>;
        with_description => description: Option<Sensitive<String>>;
        with_encryption_configuration => encryption_configuration: Option<EncryptionConfiguration>;
        with_variable_references => variable_references: Option<VariableReferences>;
    }
    DescribeStateMachineForExecutionOutput + Default {
        with_state_machine_arn => state_machine_arn: String;
        with_name => name: String;
        with_definition => definition: Sensitive<String>;
        with_role_arn => role_arn: String;
        with_update_date => update_date: OffsetDateTime;
        with_logging_configuration => logging_configuration: Option<LoggingConfiguration>;
        with_tracing_configuration => tracing_configuration: Option<TracingConfiguration>;
        with_map_run_arn => map_run_arn: Option<String>;
        with_label => label: Option<String>;
        with_revision_id => revision_id: Option<String>;
        with_encryption_configuration => encryption_configuration: Option<EncryptionConfiguration>;
        with_variable_references => variable_references: Option<VariableReferences>;
    }
    CreateStateMachineOutput + Default {
        with_state_machine_arn => state_machine_arn: String;
        with_creation_date => creation_date: OffsetDateTime;
        with_state_machine_version_arn => state_machine_version_arn: Option<String>;
    }
    DeleteStateMachineOutput {
    }
    ListStateMachinesOutput {
        with_state_machines => state_machines: Vec<StateMachineListItem>;
        with_next_token => next_token: Option<String>;
    }
    StateMachineListItem + Default {
        with_state_machine_arn => state_machine_arn: String;
        with_name => name: String;
        with_type => r#type: StateMachineType;
        with_creation_date => creation_date: OffsetDateTime;
    }
    UpdateStateMachineOutput + Default {
        with_update_date => update_date: OffsetDateTime;
        with_revision_id => revision_id: Option<String>;
        with_state_machine_version_arn => state_machine_version_arn: Option<String>;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inputs_serialize_the_wire_names_and_omit_absent_members() {
        let mut create = CreateStateMachineInput::new("n", "{}", "arn:role");
        create.r#type = Some(StateMachineType::Express);
        create.tags = Some(vec![Tag::new("k", "")]);
        let json = serde_json::to_value(&create).unwrap_or_default();
        assert_eq!(
            json,
            serde_json::json!({
                "name": "n", "definition": "{}", "roleArn": "arn:role",
                "type": "EXPRESS", "tags": [{"key": "k", "value": ""}]
            })
        );
        let list = serde_json::to_string(&ListStateMachinesInput::new()).unwrap_or_default();
        assert_eq!(list, "{}");
    }

    #[test]
    fn outputs_decode_leniently_and_round_trip() {
        let item: StateMachineListItem = serde_json::from_str(
            r#"{"stateMachineArn":"arn","name":"n","type":"STANDARD","creationDate":1795621510.348,"extra":1}"#,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(item.r#type, StateMachineType::Standard);
        let back: StateMachineListItem =
            serde_json::from_value(serde_json::to_value(&item).unwrap_or_default())
                .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(back, item);
    }
}
