//! State machine operations: DescribeStateMachine,
//! DescribeStateMachineForExecution.

use crate::client::{Client, RequestBuilder};
use crate::error::Error;
use crate::operation::{Operation, Sealed, check};
use crate::types::{
    EncryptionConfiguration, IncludedData, LoggingConfiguration, Sensitive, StateMachineStatus,
    StateMachineType, TracingConfiguration, VariableReferences,
};
use crate::wire;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::ARN_MAX;

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

impl Sealed for DescribeStateMachineInput {}
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

impl Sealed for DescribeStateMachineForExecutionInput {}
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
    pub fn describe_state_machine(
        &self,
        state_machine_arn: impl Into<String>,
    ) -> RequestBuilder<DescribeStateMachineInput> {
        self.request(DescribeStateMachineInput::new(state_machine_arn))
    }

    /// Describes the state machine an execution ran, as it was when the
    /// execution started (`DescribeStateMachineForExecution`).
    pub fn describe_state_machine_for_execution(
        &self,
        execution_arn: impl Into<String>,
    ) -> RequestBuilder<DescribeStateMachineForExecutionInput> {
        self.request(DescribeStateMachineForExecutionInput::new(execution_arn))
    }
}

crate::client::setters!(DescribeStateMachineInput {
    /// Whether to include the encrypted definition.
    included_data: IncludedData;
});

crate::client::setters!(DescribeStateMachineForExecutionInput {
    /// Whether to include the encrypted definition.
    included_data: IncludedData;
});
