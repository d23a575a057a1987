//! Lifecycle operations: create, list and delete state machines; start, stop
//! and redrive executions (CreateStateMachine, DeleteStateMachine,
//! ListStateMachines, StartExecution, StopExecution, RedriveExecution).

use crate::client::{Client, RequestBuilder};
use crate::error::Error;
use crate::operation::{Operation, Sealed, check};
use crate::types::{
    EncryptionConfiguration, LoggingConfiguration, Sensitive, StateMachineType, Tag,
    TracingConfiguration,
};
use crate::wire;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::{ARN_MAX, PAGE_SIZE_MAX, PAGE_TOKEN_MAX};

/// The model's `Name` maximum length (state machines and executions).
const NAME_MAX: usize = 80;
/// The model's `Definition` maximum length.
const DEFINITION_MAX: usize = 1_048_576;
/// The model's `VersionDescription` maximum length.
const VERSION_DESCRIPTION_MAX: usize = 256;
/// The model's `SensitiveData` maximum length (execution input).
const EXECUTION_INPUT_MAX: usize = 262_144;
/// The model's `TraceHeader` maximum length.
const TRACE_HEADER_MAX: usize = 256;
/// The model's `SensitiveError` maximum length.
const ERROR_MAX: usize = 256;
/// The model's `SensitiveCause` maximum length.
const CAUSE_MAX: usize = 32_768;
/// The model's `ClientToken` maximum length.
const CLIENT_TOKEN_MAX: usize = 64;

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

impl Sealed for CreateStateMachineInput {}
impl Operation for CreateStateMachineInput {
    const NAME: &'static str = "CreateStateMachine";
    type Output = CreateStateMachineOutput;

    fn validate(&self) -> Result<(), Error> {
        check::required("name", &self.name, 1, NAME_MAX)?;
        check::required("definition", self.definition.as_str(), 1, DEFINITION_MAX)?;
        check::required("roleArn", &self.role_arn, 1, ARN_MAX)?;
        if let Some(logging) = &self.logging_configuration {
            check_logging(logging)?;
        }
        if let Some(tags) = &self.tags {
            check_tags(tags)?;
        }
        check::optional(
            "versionDescription",
            self.version_description.as_ref().map(Sensitive::as_str),
            0,
            VERSION_DESCRIPTION_MAX,
        )?;
        if let Some(encryption) = &self.encryption_configuration {
            check_encryption(encryption)?;
        }
        Ok(())
    }
}

/// Checks a `LoggingConfiguration` against the model.
pub(crate) fn check_logging(logging: &LoggingConfiguration) -> Result<(), Error> {
    let groups =
        logging.destinations.iter().flatten().filter_map(|d| d.cloud_watch_logs_log_group.as_ref());
    for group in groups {
        check::optional("logGroupArn", group.log_group_arn.as_deref(), 1, ARN_MAX)?;
    }
    Ok(())
}

/// Checks tags against the model.
pub(crate) fn check_tags(tags: &[Tag]) -> Result<(), Error> {
    for tag in tags {
        check::optional("key", tag.key.as_deref(), 1, 128)?;
        check::optional("value", tag.value.as_deref(), 0, 256)?;
    }
    Ok(())
}

/// Checks an `EncryptionConfiguration` against the model.
pub(crate) fn check_encryption(encryption: &EncryptionConfiguration) -> Result<(), Error> {
    check::optional("kmsKeyId", encryption.kms_key_id.as_deref(), 1, 2048)?;
    check::range(
        "kmsDataKeyReusePeriodSeconds",
        encryption.kms_data_key_reuse_period_seconds,
        60,
        900,
    )
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

impl Sealed for DeleteStateMachineInput {}
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

impl Sealed for ListStateMachinesInput {}
impl Operation for ListStateMachinesInput {
    const NAME: &'static str = "ListStateMachines";
    type Output = ListStateMachinesOutput;

    fn validate(&self) -> Result<(), Error> {
        check::range("maxResults", self.max_results, 0, PAGE_SIZE_MAX)?;
        check::optional("nextToken", self.next_token.as_deref(), 1, PAGE_TOKEN_MAX)
    }
}

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

impl Sealed for StartExecutionInput {}
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

impl Sealed for StopExecutionInput {}
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
        Self { execution_arn: execution_arn.into(), client_token: Some(idempotency_token()) }
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

impl Sealed for RedriveExecutionInput {}
impl Operation for RedriveExecutionInput {
    const NAME: &'static str = "RedriveExecution";
    type Output = RedriveExecutionOutput;

    fn validate(&self) -> Result<(), Error> {
        check::required("executionArn", &self.execution_arn, 1, ARN_MAX)?;
        check::optional("clientToken", self.client_token.as_deref(), 1, CLIENT_TOKEN_MAX)?;
        // The model's pattern `[!-~]+`: printable ASCII, no space.
        if self
            .client_token
            .as_deref()
            .is_some_and(|t| !t.bytes().all(|b| (b'!'..=b'~').contains(&b)))
        {
            return Err(Error::invalid_input(
                "clientToken",
                "must be printable ASCII without spaces",
            ));
        }
        Ok(())
    }
}

/// A random version-4 UUID in its text form, as the AWS SDKs send for
/// idempotency tokens. Randomness comes from std's per-process hash keys,
/// mixed with the time and a counter: unique, not cryptographic.
fn idempotency_token() -> String {
    use std::collections::hash_map::RandomState;
    use std::hash::{BuildHasher, Hasher};
    use std::sync::atomic::{AtomicU64, Ordering};

    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let count = COUNTER.fetch_add(1, Ordering::Relaxed);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let half = |i: u8| {
        let mut h = RandomState::new().build_hasher();
        h.write_u8(i);
        h.write_u128(nanos);
        h.write_u64(count);
        h.write_u32(std::process::id());
        h.finish()
    };
    const VERSION_MASK: u128 = 0xf << 76;
    const VERSION_4: u128 = 0x4 << 76;
    const VARIANT_MASK: u128 = 0xc << 60;
    const VARIANT_RFC: u128 = 0x8 << 60;
    let random = (u128::from(half(0)) << 64) | u128::from(half(1));
    let bits = (random & !(VERSION_MASK | VARIANT_MASK)) | VERSION_4 | VARIANT_RFC;
    let hex = format!("{bits:032x}");
    format!("{}-{}-{}-{}-{}", &hex[..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..])
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
    pub fn delete_state_machine(
        &self,
        state_machine_arn: impl Into<String>,
    ) -> RequestBuilder<DeleteStateMachineInput> {
        self.request(DeleteStateMachineInput::new(state_machine_arn))
    }

    /// Lists the state machines, a page at a time (`ListStateMachines`).
    ///
    /// ```no_run
    /// # async fn demo(client: sfn_lite::Client) -> Result<(), sfn_lite::Error> {
    /// let mut token = None;
    /// loop {
    ///     let mut request = client.list_state_machines().max_results(100);
    ///     if let Some(t) = token {
    ///         request = request.next_token(t);
    ///     }
    ///     let page = request.await?;
    ///     for machine in &page.state_machines {
    ///         println!("{} ({})", machine.name, machine.r#type);
    ///     }
    ///     token = page.next_token;
    ///     if token.is_none() {
    ///         break;
    ///     }
    /// }
    /// # Ok(()) }
    /// ```
    pub fn list_state_machines(&self) -> RequestBuilder<ListStateMachinesInput> {
        self.request(ListStateMachinesInput::new())
    }

    /// Starts an execution of a state machine (`StartExecution`).
    ///
    /// Idempotent per name and input for Standard workflows: while an
    /// execution with the same `name` and `input` is running, the call
    /// returns that execution's ARN and start date rather than starting
    /// another. The same name with a different input, or once that execution
    /// has closed, fails with
    /// [`ErrorCode::ExecutionAlreadyExists`](crate::ErrorCode::ExecutionAlreadyExists).
    /// Without a `name` the service picks a new one on every call, so a retry
    /// after a lost response can start a duplicate: set a name when retrying.
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
    pub fn start_execution(
        &self,
        state_machine_arn: impl Into<String>,
    ) -> RequestBuilder<StartExecutionInput> {
        self.request(StartExecutionInput::new(state_machine_arn))
    }

    /// Stops a running execution (`StopExecution`).
    pub fn stop_execution(
        &self,
        execution_arn: impl Into<String>,
    ) -> RequestBuilder<StopExecutionInput> {
        self.request(StopExecutionInput::new(execution_arn))
    }

    /// Redrives a failed, aborted or timed-out execution (`RedriveExecution`).
    /// A client token is generated for the request, so retries of it are safe.
    pub fn redrive_execution(
        &self,
        execution_arn: impl Into<String>,
    ) -> RequestBuilder<RedriveExecutionInput> {
        self.request(RedriveExecutionInput::new(execution_arn))
    }
}

crate::client::setters!(CreateStateMachineInput {
    /// Standard (the default) or Express.
    r#type: StateMachineType;
    /// Where and what to log.
    logging_configuration: LoggingConfiguration;
    /// X-Ray tracing.
    tracing_configuration: TracingConfiguration;
    /// The tags to attach, replacing any set before.
    tags: Vec<Tag>;
    /// Whether to publish a first version.
    publish: bool;
    /// A description of the published version.
    version_description: Sensitive<String>;
    /// How its data is encrypted.
    encryption_configuration: EncryptionConfiguration;
});

impl RequestBuilder<CreateStateMachineInput> {
    /// Adds one tag.
    pub fn tag(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.input.tags.get_or_insert_with(Vec::new).push(Tag::new(key, value));
        self
    }
}

crate::client::setters!(ListStateMachinesInput {
    /// Page size, 0 to 1000.
    max_results: i32;
    /// The token of the page to fetch.
    next_token: String;
});

crate::client::setters!(StartExecutionInput {
    /// The execution's name; set it to make retries idempotent.
    name: String;
    /// The execution's input, a JSON text.
    input: Sensitive<String>;
    /// An AWS X-Ray trace header.
    trace_header: String;
});

crate::client::setters!(StopExecutionInput {
    /// An error code to record.
    error: Sensitive<String>;
    /// A longer explanation to record.
    cause: Sensitive<String>;
});

crate::client::setters!(RedriveExecutionInput {
    /// The idempotency token, replacing the generated one.
    client_token: String;
});

crate::paginate::paginated!(ListStateMachinesInput => ListStateMachinesOutput, state_machines: StateMachineListItem);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn idempotency_tokens_are_unique_v4_uuids() {
        let a = idempotency_token();
        let b = idempotency_token();
        assert_ne!(a, b);
        for t in [&a, &b] {
            assert_eq!(t.len(), 36, "{t}");
            assert_eq!(&t[14..15], "4", "{t}");
            assert!(matches!(&t[19..20], "8" | "9" | "a" | "b"), "{t}");
            assert!(RedriveExecutionInput::new("arn").validate().is_ok());
        }
    }

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
    fn validation_names_the_wire_member() {
        let cases: Vec<(Result<(), Error>, &str)> = vec![
            (CreateStateMachineInput::new("", "{}", "r").validate(), "`name`"),
            (CreateStateMachineInput::new("n", "", "r").validate(), "`definition`"),
            (CreateStateMachineInput::new("n", "{}", "").validate(), "`roleArn`"),
            (
                CreateStateMachineInput {
                    tags: Some(vec![Tag::new("", "v")]),
                    ..CreateStateMachineInput::new("n", "{}", "r")
                }
                .validate(),
                "`key`",
            ),
            (
                CreateStateMachineInput {
                    encryption_configuration: Some(EncryptionConfiguration {
                        kms_data_key_reuse_period_seconds: Some(59),
                        ..EncryptionConfiguration::default()
                    }),
                    ..CreateStateMachineInput::new("n", "{}", "r")
                }
                .validate(),
                "`kmsDataKeyReusePeriodSeconds`",
            ),
            (
                CreateStateMachineInput {
                    version_description: Some(Sensitive::new("x".repeat(257))),
                    ..CreateStateMachineInput::new("n", "{}", "r")
                }
                .validate(),
                "`versionDescription`",
            ),
            (DeleteStateMachineInput::new("").validate(), "`stateMachineArn`"),
            (
                ListStateMachinesInput { max_results: Some(1001), ..ListStateMachinesInput::new() }
                    .validate(),
                "`maxResults`",
            ),
            (
                StartExecutionInput { name: Some("x".repeat(81)), ..StartExecutionInput::new("a") }
                    .validate(),
                "`name`",
            ),
            (
                StartExecutionInput {
                    trace_header: Some("é".into()),
                    ..StartExecutionInput::new("a")
                }
                .validate(),
                "`traceHeader`",
            ),
            (
                StopExecutionInput {
                    error: Some(Sensitive::new("e".repeat(257))),
                    ..StopExecutionInput::new("a")
                }
                .validate(),
                "`error`",
            ),
            (
                RedriveExecutionInput {
                    client_token: Some("has space".into()),
                    ..RedriveExecutionInput::new("a")
                }
                .validate(),
                "`clientToken`",
            ),
        ];
        for (result, member) in cases {
            match result {
                Err(e) => {
                    assert_eq!(e.kind(), crate::ErrorKind::InvalidInput);
                    assert!(e.to_string().contains(member), "{e} should name {member}");
                }
                Ok(()) => panic!("expected {member} to be refused"),
            }
        }
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

        let stop: StopExecutionOutput =
            serde_json::from_str("{}").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(stop.stop_date, OffsetDateTime::UNIX_EPOCH);
    }
}
