//! Map Run operations: ListMapRuns, DescribeMapRun, UpdateMapRun.

use super::validate::{self as check, ARN_MAX, LONG_ARN_MAX, PAGE_SIZE_MAX, PAGE_TOKEN_MAX};
use crate::client::{Client, RequestBuilder};
use crate::error::Error;
use crate::operation::Operation;
use crate::types::{MapRunExecutionCounts, MapRunItemCounts, MapRunStatus};
use crate::wire;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// Input of `ListMapRuns`: the Map Runs an execution started.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ListMapRunsInput {
    /// The execution whose Map Runs to list.
    pub execution_arn: String,
    /// Page size, 0 to 1000 (0 means the service default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_results: Option<i32>,
    /// The token of the page to fetch.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

impl ListMapRunsInput {
    /// An input for the execution's Map Runs.
    pub fn new(execution_arn: impl Into<String>) -> Self {
        Self { execution_arn: execution_arn.into(), ..Self::default() }
    }
}

/// Output of `ListMapRuns`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ListMapRunsOutput {
    /// The Map Runs on this page.
    #[serde(default)]
    pub map_runs: Vec<MapRunListItem>,
    /// The token of the next page, absent on the last one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// A Map Run, as listed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct MapRunListItem {
    /// The execution that started the Map Run.
    #[serde(default)]
    pub execution_arn: String,
    /// The Map Run.
    #[serde(default)]
    pub map_run_arn: String,
    /// The state machine of the execution.
    #[serde(default)]
    pub state_machine_arn: String,
    /// When it started.
    #[serde(with = "wire::timestamp", default = "wire::epoch")]
    pub start_date: OffsetDateTime,
    /// When it stopped.
    #[serde(with = "wire::timestamp_opt", default, skip_serializing_if = "Option::is_none")]
    pub stop_date: Option<OffsetDateTime>,
}

impl Operation for ListMapRunsInput {
    const NAME: &'static str = "ListMapRuns";
    type Output = ListMapRunsOutput;

    fn validate(&self) -> Result<(), Error> {
        check::required("executionArn", &self.execution_arn, 1, ARN_MAX)?;
        check::range("maxResults", self.max_results, 0, PAGE_SIZE_MAX)?;
        check::optional("nextToken", self.next_token.as_deref(), 1, PAGE_TOKEN_MAX)
    }
}

/// Input of `DescribeMapRun`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct DescribeMapRunInput {
    /// The Map Run to describe.
    pub map_run_arn: String,
}

impl DescribeMapRunInput {
    /// An input for the Map Run.
    pub fn new(map_run_arn: impl Into<String>) -> Self {
        Self { map_run_arn: map_run_arn.into() }
    }
}

/// Output of `DescribeMapRun`: a Map Run's configuration and progress.
///
/// Like every output, it can be built in code (for a fake or a test) from
/// `Default` and `with_<member>` setters, one per member:
///
/// ```
/// use sfn_lite::operations::DescribeMapRunOutput;
/// use sfn_lite::types::{MapRunCounts, MapRunStatus};
/// use std::time::SystemTime;
///
/// let run = DescribeMapRunOutput::default()
///     .with_map_run_arn("arn:aws:states:us-east-1:123456789012:mapRun:sm/Map:1")
///     .with_status(MapRunStatus::Running)
///     .with_start_date(SystemTime::now())
///     .with_tolerated_failure_percentage(5.0)
///     .with_item_counts(
///         MapRunCounts::default().with_succeeded(90).with_failed(6).with_running(4).with_total(100),
///     );
/// assert!(run.exceeds_tolerated_failures());
/// assert_eq!(run.stop_date, None);
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct DescribeMapRunOutput {
    /// The Map Run.
    #[serde(default)]
    pub map_run_arn: String,
    /// The execution that started it.
    #[serde(default)]
    pub execution_arn: String,
    /// Its status.
    #[serde(default)]
    pub status: MapRunStatus,
    /// When it started.
    #[serde(with = "wire::timestamp", default = "wire::epoch")]
    pub start_date: OffsetDateTime,
    /// When it stopped.
    #[serde(with = "wire::timestamp_opt", default, skip_serializing_if = "Option::is_none")]
    pub stop_date: Option<OffsetDateTime>,
    /// How many child workflows may run at once (0: as many as possible).
    #[serde(default)]
    pub max_concurrency: i32,
    /// The percentage of failed items that fails the Map Run.
    #[serde(with = "wire::float", default)]
    pub tolerated_failure_percentage: f64,
    /// The number of failed items that fails the Map Run.
    #[serde(default)]
    pub tolerated_failure_count: i64,
    /// Its items, by status.
    #[serde(default)]
    pub item_counts: MapRunItemCounts,
    /// Its child executions, by status.
    #[serde(default)]
    pub execution_counts: MapRunExecutionCounts,
    /// How many times it was redriven.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub redrive_count: Option<i32>,
    /// When it was last redriven.
    #[serde(with = "wire::timestamp_opt", default, skip_serializing_if = "Option::is_none")]
    pub redrive_date: Option<OffsetDateTime>,
}

impl DescribeMapRunOutput {
    /// Whether the failed and timed-out items already exceed what the run
    /// tolerates, so that it fails (or has failed) for that reason.
    ///
    /// The service reports an unset tolerance as 0: with both the count and
    /// the percentage at 0, any failure exceeds it; otherwise a threshold of
    /// 0 is read as unset, and exceeding either non-zero one is enough.
    ///
    /// ```
    /// let run: sfn_lite::operations::DescribeMapRunOutput = serde_json::from_str(
    ///     r#"{"status": "RUNNING", "toleratedFailurePercentage": 5.0, "toleratedFailureCount": 0,
    ///         "itemCounts": {"failed": 6, "succeeded": 50, "total": 100}}"#,
    /// ).unwrap();
    /// assert_eq!(run.item_counts.failure_percentage(), Some(6.0));
    /// assert!(run.exceeds_tolerated_failures());
    /// ```
    pub fn exceeds_tolerated_failures(&self) -> bool {
        let counts = &self.item_counts;
        let (count, percentage) = (self.tolerated_failure_count, self.tolerated_failure_percentage);
        if count <= 0 && percentage <= 0.0 {
            return counts.failures() > 0;
        }
        let over_count = count > 0 && counts.failures() > count;
        let over_percentage =
            percentage > 0.0 && counts.failure_percentage().is_some_and(|p| p > percentage);
        over_count || over_percentage
    }
}

impl Operation for DescribeMapRunInput {
    const NAME: &'static str = "DescribeMapRun";
    type Output = DescribeMapRunOutput;

    fn validate(&self) -> Result<(), Error> {
        check::required("mapRunArn", &self.map_run_arn, 1, LONG_ARN_MAX)
    }
}

/// Input of `UpdateMapRun`: change a running Map Run's concurrency or
/// failure tolerance.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct UpdateMapRunInput {
    /// The Map Run to update.
    pub map_run_arn: String,
    /// How many child workflows may run at once (0: as many as possible).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_concurrency: Option<i32>,
    /// The percentage of failed items that fails the Map Run, 0 to 100.
    #[serde(with = "wire::float_opt", default, skip_serializing_if = "Option::is_none")]
    pub tolerated_failure_percentage: Option<f64>,
    /// The number of failed items that fails the Map Run.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tolerated_failure_count: Option<i64>,
}

impl UpdateMapRunInput {
    /// An input for the Map Run that changes nothing yet.
    pub fn new(map_run_arn: impl Into<String>) -> Self {
        Self { map_run_arn: map_run_arn.into(), ..Self::default() }
    }
}

/// Output of `UpdateMapRun` (empty).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UpdateMapRunOutput {}

impl Operation for UpdateMapRunInput {
    const NAME: &'static str = "UpdateMapRun";
    type Output = UpdateMapRunOutput;

    fn validate(&self) -> Result<(), Error> {
        check::required("mapRunArn", &self.map_run_arn, 1, LONG_ARN_MAX)?;
        check::at_least("maxConcurrency", self.max_concurrency, 0)?;
        check::float_range(
            "toleratedFailurePercentage",
            self.tolerated_failure_percentage,
            0.0,
            100.0,
        )?;
        check::at_least("toleratedFailureCount", self.tolerated_failure_count, 0)
    }
}

impl Client {
    /// Lists the Map Runs an execution started (`ListMapRuns`).
    ///
    /// ```no_run
    /// # async fn demo(client: sfn_lite::Client) -> Result<(), sfn_lite::Error> {
    /// let page = client.list_map_runs("arn:aws:states:us-east-1:123456789012:execution:sm:e").await?;
    /// for run in &page.map_runs {
    ///     println!("{} started {}", run.map_run_arn, run.start_date);
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// The service errors the model lists for `ListMapRuns`
    /// ([`ErrorKind::Service`](crate::ErrorKind::Service), by [`Error::code`](crate::Error::code)):
    /// - [`ExecutionDoesNotExist`](crate::ErrorCode::ExecutionDoesNotExist)
    /// - [`InvalidArn`](crate::ErrorCode::InvalidArn)
    /// - [`InvalidToken`](crate::ErrorCode::InvalidToken)
    ///
    /// Other failures (invalid input, throttling, transport, timeouts,
    /// credentials) are those of every call: see [`Error`](crate::Error).
    pub fn list_map_runs(
        &self,
        execution_arn: impl Into<String>,
    ) -> RequestBuilder<ListMapRunsInput> {
        self.request(ListMapRunsInput::new(execution_arn))
    }

    /// Describes a Map Run: status, counts, limits (`DescribeMapRun`).
    ///
    /// # Errors
    /// The service errors the model lists for `DescribeMapRun`
    /// ([`ErrorKind::Service`](crate::ErrorKind::Service), by [`Error::code`](crate::Error::code)):
    /// - [`ResourceNotFound`](crate::ErrorCode::ResourceNotFound)
    /// - [`InvalidArn`](crate::ErrorCode::InvalidArn)
    ///
    /// Other failures (invalid input, throttling, transport, timeouts,
    /// credentials) are those of every call: see [`Error`](crate::Error).
    pub fn describe_map_run(
        &self,
        map_run_arn: impl Into<String>,
    ) -> RequestBuilder<DescribeMapRunInput> {
        self.request(DescribeMapRunInput::new(map_run_arn))
    }

    /// Changes a Map Run's concurrency or failure tolerance (`UpdateMapRun`).
    ///
    /// ```no_run
    /// # async fn demo(client: sfn_lite::Client) -> Result<(), sfn_lite::Error> {
    /// client
    ///     .update_map_run("arn:aws:states:us-east-1:123456789012:mapRun:sm/map:1")
    ///     .max_concurrency(50)
    ///     .tolerated_failure_percentage(5.0)
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// The service errors the model lists for `UpdateMapRun`
    /// ([`ErrorKind::Service`](crate::ErrorKind::Service), by [`Error::code`](crate::Error::code)):
    /// - [`ResourceNotFound`](crate::ErrorCode::ResourceNotFound)
    /// - [`InvalidArn`](crate::ErrorCode::InvalidArn)
    /// - [`ValidationException`](crate::ErrorCode::ValidationException)
    ///
    /// Other failures (invalid input, throttling, transport, timeouts,
    /// credentials) are those of every call: see [`Error`](crate::Error).
    pub fn update_map_run(
        &self,
        map_run_arn: impl Into<String>,
    ) -> RequestBuilder<UpdateMapRunInput> {
        self.request(UpdateMapRunInput::new(map_run_arn))
    }
}

crate::client::setters!(ListMapRunsInput {
    max_results: i32;
    next_token: String;
});

crate::client::setters!(UpdateMapRunInput {
    max_concurrency: i32;
    tolerated_failure_percentage: f64;
    tolerated_failure_count: i64;
});

crate::paginate::paginated!(ListMapRunsInput => ListMapRunsOutput, map_runs: MapRunListItem);

crate::builders::with_setters! {
    ListMapRunsOutput {
        with_map_runs => map_runs: Vec<MapRunListItem>;
        with_next_token => next_token: Option<String>;
    }
    MapRunListItem + Default {
        with_execution_arn => execution_arn: String;
        with_map_run_arn => map_run_arn: String;
        with_state_machine_arn => state_machine_arn: String;
        with_start_date => start_date: OffsetDateTime;
        with_stop_date => stop_date: Option<OffsetDateTime>;
    }
    DescribeMapRunOutput + Default {
        with_map_run_arn => map_run_arn: String;
        with_execution_arn => execution_arn: String;
        with_status => status: MapRunStatus;
        with_start_date => start_date: OffsetDateTime;
        with_stop_date => stop_date: Option<OffsetDateTime>;
        with_max_concurrency => max_concurrency: i32;
        with_tolerated_failure_percentage => tolerated_failure_percentage: f64;
        with_tolerated_failure_count => tolerated_failure_count: i64;
        with_item_counts => item_counts: MapRunItemCounts;
        with_execution_counts => execution_counts: MapRunExecutionCounts;
        with_redrive_count => redrive_count: Option<i32>;
        with_redrive_date => redrive_date: Option<OffsetDateTime>;
    }
    UpdateMapRunOutput {
    }
}
