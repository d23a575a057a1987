//! Definition checks: ValidateStateMachineDefinition, which lints an Amazon
//! States Language definition without creating anything.

use super::validate::{self as check, DEFINITION_MAX};
use crate::client::{Client, RequestBuilder};
use crate::error::Error;
use crate::operation::Operation;
use crate::types::{
    Sensitive, StateMachineType, ValidateStateMachineDefinitionResultCode,
    ValidateStateMachineDefinitionSeverity,
};
use serde::{Deserialize, Serialize};

/// The model's `ValidateStateMachineDefinitionMaxResult` maximum.
const DIAGNOSTICS_MAX: i32 = 100;

/// Input of `ValidateStateMachineDefinition`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ValidateStateMachineDefinitionInput {
    /// The Amazon States Language definition (JSON) to check.
    pub definition: Sensitive<String>,
    /// Check it as Standard (the default) or Express.
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub r#type: Option<StateMachineType>,
    /// The least serious diagnostics to report: `ERROR` (the default) or
    /// `WARNING` too.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub severity: Option<ValidateStateMachineDefinitionSeverity>,
    /// The most diagnostics to return, 0 to 100 (0: the service default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_results: Option<i32>,
}

impl ValidateStateMachineDefinitionInput {
    /// An input that checks `definition`.
    pub fn new(definition: impl Into<String>) -> Self {
        Self { definition: Sensitive::new(definition.into()), ..Self::default() }
    }
}

/// Output of `ValidateStateMachineDefinition`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ValidateStateMachineDefinitionOutput {
    /// `OK`, or `FAIL` when an error was found.
    #[serde(default)]
    pub result: ValidateStateMachineDefinitionResultCode,
    /// What was found, errors first.
    #[serde(default)]
    pub diagnostics: Vec<ValidateStateMachineDefinitionDiagnostic>,
    /// Whether there were more diagnostics than returned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub truncated: Option<bool>,
}

/// One finding about a definition. Its code, message and location quote the
/// definition, so they are [`Sensitive`].
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ValidateStateMachineDefinitionDiagnostic {
    /// Error or warning.
    #[serde(default)]
    pub severity: ValidateStateMachineDefinitionSeverity,
    /// What kind of finding (`SCHEMA_VALIDATION_FAILED`, ...).
    #[serde(default)]
    pub code: Sensitive<String>,
    /// What is wrong.
    #[serde(default)]
    pub message: Sensitive<String>,
    /// Where, as a path into the definition (`/States/Resize/Next`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<Sensitive<String>>,
}

impl Operation for ValidateStateMachineDefinitionInput {
    const NAME: &'static str = "ValidateStateMachineDefinition";
    type Output = ValidateStateMachineDefinitionOutput;

    fn validate(&self) -> Result<(), Error> {
        check::required("definition", self.definition.as_str(), 1, DEFINITION_MAX)?;
        check::range("maxResults", self.max_results, 0, DIAGNOSTICS_MAX)
    }
}

impl Client {
    /// Checks a definition without creating anything
    /// (`ValidateStateMachineDefinition`): syntax, schema and semantics, as
    /// `CreateStateMachine` would, and warnings it would not refuse.
    ///
    /// ```no_run
    /// use sfn_lite::types::{ValidateStateMachineDefinitionResultCode, ValidateStateMachineDefinitionSeverity};
    ///
    /// # async fn demo(client: sfn_lite::Client, definition: &str) -> Result<(), sfn_lite::Error> {
    /// let checked = client
    ///     .validate_state_machine_definition(definition)
    ///     .severity(ValidateStateMachineDefinitionSeverity::Warning)
    ///     .await?;
    /// for d in &checked.diagnostics {
    ///     println!("{}: {} at {:?}", d.severity, d.message.expose(), d.location.as_ref().map(|l| l.expose()));
    /// }
    /// if checked.result == ValidateStateMachineDefinitionResultCode::Fail {
    ///     return Ok(());
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// The service errors the model lists for `ValidateStateMachineDefinition`
    /// ([`ErrorKind::Service`](crate::ErrorKind::Service), by [`Error::code`](crate::Error::code)):
    /// - [`ValidationException`](crate::ErrorCode::ValidationException)
    ///
    /// Other failures (invalid input, throttling, transport, timeouts,
    /// credentials) are those of every call: see [`Error`](crate::Error).
    pub fn validate_state_machine_definition(
        &self,
        definition: impl Into<String>,
    ) -> RequestBuilder<ValidateStateMachineDefinitionInput> {
        self.request(ValidateStateMachineDefinitionInput::new(definition))
    }
}

crate::client::setters!(ValidateStateMachineDefinitionInput {
    severity: ValidateStateMachineDefinitionSeverity;
    max_results: i32;
});

impl RequestBuilder<ValidateStateMachineDefinitionInput> {
    /// Sets [`ValidateStateMachineDefinitionInput`]'s `type` (a raw
    /// identifier, which the generated setters' doc links cannot name).
    pub fn r#type(mut self, value: impl Into<StateMachineType>) -> Self {
        self.input.r#type = Some(value.into());
        self
    }
}

crate::builders::with_setters! {
    ValidateStateMachineDefinitionOutput {
        with_result => result: ValidateStateMachineDefinitionResultCode;
        with_diagnostics => diagnostics: Vec<ValidateStateMachineDefinitionDiagnostic>;
        with_truncated => truncated: Option<bool>;
    }
    ValidateStateMachineDefinitionDiagnostic {
        with_severity => severity: ValidateStateMachineDefinitionSeverity;
        with_code => code: Sensitive<String>;
        with_message => message: Sensitive<String>;
        with_location => location: Option<Sensitive<String>>;
    }
}
