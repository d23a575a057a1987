//! Shapes shared by several operations: service enums, Map Run counts,
//! logging, tracing and encryption configuration, alias routing, history
//! events, typed ARNs, and the [`Sensitive`] wrapper.
//!
//! Shapes only the service builds (counts, history events) are
//! `#[non_exhaustive]`, so members the service adds are not breaking changes;
//! shapes you build for an input (logging, tracing and encryption
//! configuration, tags) are not, so a struct literal with
//! `..Default::default()` works.
//!
//! Every output and shared shape, `#[non_exhaustive]` or not, can still be
//! built in code, to fake the service in your own tests: start from
//! `Default` (a required timestamp defaults to the epoch, as when decoding
//! leaves it out) and chain one `with_<member>` setter per member, which
//! takes anything `Into` the member's type (plain strings for
//! [`Sensitive`] ones) and wraps optional members in `Some`. History events
//! are built from their details with [`HistoryEvent::new`].
//!
//! ```
//! use sfn_lite::types::MapRunCounts;
//!
//! let counts = MapRunCounts::default().with_succeeded(8).with_failed(2).with_total(10);
//! assert_eq!(counts.failure_percentage(), Some(20.0));
//! ```

mod arn;
mod enums;
pub mod history;
mod sensitive;

pub use arn::{ExecutionArn, MapRunArn, Qualifier, StateMachineArn};
pub use enums::{
    EncryptionType, ExecutionRedriveFilter, ExecutionRedriveStatus, ExecutionStatus, IncludedData,
    InspectionLevel, KmsKeyState, LogLevel, MapRunStatus, MockResponseValidationMode,
    StateMachineStatus, StateMachineType, SyncExecutionStatus, TestExecutionStatus,
    ValidateStateMachineDefinitionResultCode, ValidateStateMachineDefinitionSeverity,
    ValidationExceptionReason,
};
pub use history::{EventDetails, HistoryEvent, HistoryEventType};
pub use sensitive::Sensitive;

use serde::{Deserialize, Serialize};

/// Counts of a Map Run's items (or of its child executions), by status.
///
/// Shared by `DescribeMapRunOutput::item_counts` and `executionCounts`, which
/// the model defines as two shapes with the same members.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct MapRunCounts {
    /// Not started yet.
    #[serde(default)]
    pub pending: i64,
    /// Running.
    #[serde(default)]
    pub running: i64,
    /// Finished successfully.
    #[serde(default)]
    pub succeeded: i64,
    /// Failed.
    #[serde(default)]
    pub failed: i64,
    /// Timed out.
    #[serde(default)]
    pub timed_out: i64,
    /// Aborted.
    #[serde(default)]
    pub aborted: i64,
    /// All of them.
    #[serde(default)]
    pub total: i64,
    /// Whose results were written to the result writer.
    #[serde(default)]
    pub results_written: i64,
    /// Failed in a way a redrive cannot retry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub failures_not_redrivable: Option<i64>,
    /// Waiting to run again after a redrive.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pending_redrive: Option<i64>,
}

impl MapRunCounts {
    /// Those that ended, however: succeeded, failed, timed out or aborted.
    pub fn done(&self) -> i64 {
        self.succeeded + self.failed + self.timed_out + self.aborted
    }

    /// The share of the total that ended, from 0.0 to 1.0; `None` while the
    /// total is 0 (items not counted yet).
    ///
    /// ```
    /// let counts: sfn_lite::types::MapRunCounts =
    ///     serde_json::from_str(r#"{"succeeded": 6, "failed": 2, "running": 2, "total": 10}"#).unwrap();
    /// assert_eq!(counts.done_fraction(), Some(0.8));
    /// ```
    pub fn done_fraction(&self) -> Option<f64> {
        (self.total > 0).then(|| self.done() as f64 / self.total as f64)
    }

    /// Those that count against a Map Run's failure tolerance: failed or
    /// timed out.
    pub fn failures(&self) -> i64 {
        self.failed + self.timed_out
    }

    /// [`failures`](Self::failures) as a percentage of the total, 0 to 100;
    /// `None` while the total is 0.
    pub fn failure_percentage(&self) -> Option<f64> {
        (self.total > 0).then(|| 100.0 * self.failures() as f64 / self.total as f64)
    }
}

/// Item counts of a Map Run (the model's `MapRunItemCounts`).
pub type MapRunItemCounts = MapRunCounts;
/// Child-execution counts of a Map Run (the model's `MapRunExecutionCounts`).
pub type MapRunExecutionCounts = MapRunCounts;

/// Whether execution input or output was left out of a describe response.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CloudWatchEventsExecutionDataDetails {
    /// Whether the data is included.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub included: Option<bool>,
}

/// CloudWatch Logs configuration of a state machine.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LoggingConfiguration {
    /// What is logged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<LogLevel>,
    /// Whether execution data is logged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub include_execution_data: Option<bool>,
    /// Where logs go.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub destinations: Option<Vec<LogDestination>>,
}

/// A log destination.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LogDestination {
    /// The CloudWatch Logs log group.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cloud_watch_logs_log_group: Option<CloudWatchLogsLogGroup>,
}

/// A CloudWatch Logs log group.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CloudWatchLogsLogGroup {
    /// Its ARN.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub log_group_arn: Option<String>,
}

/// AWS X-Ray tracing configuration.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TracingConfiguration {
    /// Whether tracing is on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
}

/// How a state machine's data is encrypted.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EncryptionConfiguration {
    /// The KMS key (ID, ARN, alias name or alias ARN).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kms_key_id: Option<String>,
    /// How long a data key is reused, 60 to 900 seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kms_data_key_reuse_period_seconds: Option<i32>,
    /// The kind of key.
    #[serde(default, rename = "type")]
    pub r#type: EncryptionType,
}

/// Variables each state references, by state name (sensitive).
pub type VariableReferences = Sensitive<std::collections::HashMap<String, Vec<String>>>;

/// A tag: a key-value pair attached to a state machine or activity.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Tag {
    /// The key, 1 to 128 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// The value, up to 256 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

impl Tag {
    /// A tag with this key and value.
    pub fn new(key: impl Into<String>, value: impl Into<String>) -> Self {
        Self { key: Some(key.into()), value: Some(value.into()) }
    }
}

/// One version an alias routes to, with the share of executions it gets.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RoutingConfigurationListItem {
    /// The version (a version ARN, `...:stateMachine:NAME:N`).
    #[serde(default)]
    pub state_machine_version_arn: String,
    /// Its percentage of the alias's executions, 0 to 100; the weights of an
    /// alias add up to 100.
    #[serde(default)]
    pub weight: i32,
}

impl RoutingConfigurationListItem {
    /// Routes `weight` percent of executions to the version.
    pub fn new(state_machine_version_arn: impl Into<String>, weight: i32) -> Self {
        Self { state_machine_version_arn: state_machine_version_arn.into(), weight }
    }
}

crate::builders::with_setters! {
    MapRunCounts {
        with_pending => pending: i64;
        with_running => running: i64;
        with_succeeded => succeeded: i64;
        with_failed => failed: i64;
        with_timed_out => timed_out: i64;
        with_aborted => aborted: i64;
        with_total => total: i64;
        with_results_written => results_written: i64;
        with_failures_not_redrivable => failures_not_redrivable: Option<i64>;
        with_pending_redrive => pending_redrive: Option<i64>;
    }
    CloudWatchEventsExecutionDataDetails {
        with_included => included: Option<bool>;
    }
    LoggingConfiguration {
        with_level => level: Option<LogLevel>;
        with_include_execution_data => include_execution_data: Option<bool>;
        with_destinations => destinations: Option<Vec<LogDestination>>;
    }
    LogDestination {
        with_cloud_watch_logs_log_group => cloud_watch_logs_log_group: Option<CloudWatchLogsLogGroup>;
    }
    CloudWatchLogsLogGroup {
        with_log_group_arn => log_group_arn: Option<String>;
    }
    TracingConfiguration {
        with_enabled => enabled: Option<bool>;
    }
    EncryptionConfiguration {
        with_kms_key_id => kms_key_id: Option<String>;
        with_kms_data_key_reuse_period_seconds => kms_data_key_reuse_period_seconds: Option<i32>;
        with_type => r#type: EncryptionType;
    }
    Tag {
        with_key => key: Option<String>;
        with_value => value: Option<String>;
    }
    RoutingConfigurationListItem {
        with_state_machine_version_arn => state_machine_version_arn: String;
        with_weight => weight: i32;
    }
}
