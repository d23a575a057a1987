//! Activity operations: CreateActivity, DeleteActivity, DescribeActivity,
//! ListActivities, and GetActivityTask, the long poll an activity worker
//! runs (its answers go back through `tasks`).

use super::validate::{self as check, ARN_MAX, NAME_MAX, PAGE_SIZE_MAX, PAGE_TOKEN_MAX};
use crate::client::{Client, RequestBuilder};
use crate::error::Error;
use crate::operation::Operation;
use crate::types::{EncryptionConfiguration, Sensitive, Tag};
use crate::wire;
use serde::{Deserialize, Serialize};
use std::time::Duration;
use time::OffsetDateTime;

/// How long the service holds a `GetActivityTask` poll open before it
/// answers with no task.
const LONG_POLL: Duration = Duration::from_secs(60);

/// Input of `CreateActivity`. Creating an activity that exists (same name,
/// same tags) returns it: the call is idempotent.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CreateActivityInput {
    /// The activity's name, 1 to 80 characters.
    pub name: String,
    /// Tags to attach.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
    /// How its data (task inputs) is encrypted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encryption_configuration: Option<EncryptionConfiguration>,
}

impl CreateActivityInput {
    /// An input for an activity with this name.
    pub fn new(name: impl Into<String>) -> Self {
        Self { name: name.into(), ..Self::default() }
    }
}

/// Output of `CreateActivity`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CreateActivityOutput {
    /// The activity.
    #[serde(default)]
    pub activity_arn: String,
    /// When it was created.
    #[serde(with = "wire::timestamp", default = "wire::epoch")]
    pub creation_date: OffsetDateTime,
}

impl Operation for CreateActivityInput {
    const NAME: &'static str = "CreateActivity";
    type Output = CreateActivityOutput;

    fn validate(&self) -> Result<(), Error> {
        check::required("name", &self.name, 1, NAME_MAX)?;
        if let Some(tags) = &self.tags {
            check::tags(tags)?;
        }
        if let Some(encryption) = &self.encryption_configuration {
            check::encryption(encryption)?;
        }
        Ok(())
    }
}

/// Input of `DeleteActivity`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct DeleteActivityInput {
    /// The activity to delete.
    pub activity_arn: String,
}

impl DeleteActivityInput {
    /// An input for the activity.
    pub fn new(activity_arn: impl Into<String>) -> Self {
        Self { activity_arn: activity_arn.into() }
    }
}

/// Output of `DeleteActivity` (empty).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DeleteActivityOutput {}

impl Operation for DeleteActivityInput {
    const NAME: &'static str = "DeleteActivity";
    type Output = DeleteActivityOutput;

    fn validate(&self) -> Result<(), Error> {
        check::required("activityArn", &self.activity_arn, 1, ARN_MAX)
    }
}

/// Input of `DescribeActivity`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct DescribeActivityInput {
    /// The activity to describe.
    pub activity_arn: String,
}

impl DescribeActivityInput {
    /// An input for the activity.
    pub fn new(activity_arn: impl Into<String>) -> Self {
        Self { activity_arn: activity_arn.into() }
    }
}

/// Output of `DescribeActivity`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct DescribeActivityOutput {
    /// The activity.
    #[serde(default)]
    pub activity_arn: String,
    /// Its name.
    #[serde(default)]
    pub name: String,
    /// When it was created.
    #[serde(with = "wire::timestamp", default = "wire::epoch")]
    pub creation_date: OffsetDateTime,
    /// How its data is encrypted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encryption_configuration: Option<EncryptionConfiguration>,
}

impl Operation for DescribeActivityInput {
    const NAME: &'static str = "DescribeActivity";
    type Output = DescribeActivityOutput;

    fn validate(&self) -> Result<(), Error> {
        check::required("activityArn", &self.activity_arn, 1, ARN_MAX)
    }
}

/// Input of `ListActivities`: the account's activities in this region.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ListActivitiesInput {
    /// Page size, 0 to 1000 (0 means the service default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_results: Option<i32>,
    /// The token of the page to fetch.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

impl ListActivitiesInput {
    /// An input for the first page.
    pub fn new() -> Self {
        Self::default()
    }
}

/// Output of `ListActivities`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ListActivitiesOutput {
    /// The activities on this page.
    #[serde(default)]
    pub activities: Vec<ActivityListItem>,
    /// The token of the next page, absent on the last one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// An activity, as listed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ActivityListItem {
    /// The activity.
    #[serde(default)]
    pub activity_arn: String,
    /// Its name.
    #[serde(default)]
    pub name: String,
    /// When it was created.
    #[serde(with = "wire::timestamp", default = "wire::epoch")]
    pub creation_date: OffsetDateTime,
}

impl Operation for ListActivitiesInput {
    const NAME: &'static str = "ListActivities";
    type Output = ListActivitiesOutput;

    fn validate(&self) -> Result<(), Error> {
        check::range("maxResults", self.max_results, 0, PAGE_SIZE_MAX)?;
        check::optional("nextToken", self.next_token.as_deref(), 1, PAGE_TOKEN_MAX)
    }
}

/// Input of `GetActivityTask`: wait for a task of the activity.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct GetActivityTaskInput {
    /// The activity to poll.
    pub activity_arn: String,
    /// The worker's name, 1 to 80 characters, recorded in the execution's
    /// history.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub worker_name: Option<String>,
}

impl GetActivityTaskInput {
    /// An input that polls the activity.
    pub fn new(activity_arn: impl Into<String>) -> Self {
        Self { activity_arn: activity_arn.into(), ..Self::default() }
    }
}

/// Output of `GetActivityTask`: a task, or nothing when the poll ended
/// without one.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct GetActivityTaskOutput {
    /// The token to answer the task with (`SendTaskSuccess`,
    /// `SendTaskFailure`, `SendTaskHeartbeat`); absent when no task came.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub task_token: Option<Sensitive<String>>,
    /// The task's input, as JSON text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input: Option<Sensitive<String>>,
}

impl Operation for GetActivityTaskInput {
    const NAME: &'static str = "GetActivityTask";
    type Output = GetActivityTaskOutput;
    // The service holds the poll for 60 s; the SDKs wait 65 s.
    const MIN_ATTEMPT_TIMEOUT: Option<Duration> = LONG_POLL.checked_add(Duration::from_secs(5));

    fn validate(&self) -> Result<(), Error> {
        check::required("activityArn", &self.activity_arn, 1, ARN_MAX)?;
        check::optional("workerName", self.worker_name.as_deref(), 1, NAME_MAX)
    }
}

impl Client {
    /// Creates an activity, or returns the one with this name
    /// (`CreateActivity`).
    ///
    /// ```no_run
    /// # async fn demo(client: sfn_lite::Client) -> Result<(), sfn_lite::Error> {
    /// let activity = client.create_activity("resize-images").tag("team", "media").await?;
    /// println!("{}", activity.activity_arn);
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// The service errors the model lists for `CreateActivity`
    /// ([`ErrorKind::Service`](crate::ErrorKind::Service), by [`Error::code`](crate::Error::code)):
    /// - [`ActivityLimitExceeded`](crate::ErrorCode::ActivityLimitExceeded)
    /// - [`ActivityAlreadyExists`](crate::ErrorCode::ActivityAlreadyExists)
    /// - [`InvalidName`](crate::ErrorCode::InvalidName)
    /// - [`TooManyTags`](crate::ErrorCode::TooManyTags)
    /// - [`InvalidEncryptionConfiguration`](crate::ErrorCode::InvalidEncryptionConfiguration)
    /// - [`KmsAccessDeniedException`](crate::ErrorCode::KmsAccessDeniedException)
    /// - [`KmsThrottlingException`](crate::ErrorCode::KmsThrottlingException)
    ///
    /// Other failures (invalid input, throttling, transport, timeouts,
    /// credentials) are those of every call: see [`Error`](crate::Error).
    pub fn create_activity(&self, name: impl Into<String>) -> RequestBuilder<CreateActivityInput> {
        self.request(CreateActivityInput::new(name))
    }

    /// Deletes an activity (`DeleteActivity`).
    ///
    /// # Errors
    /// The service errors the model lists for `DeleteActivity`
    /// ([`ErrorKind::Service`](crate::ErrorKind::Service), by [`Error::code`](crate::Error::code)):
    /// - [`InvalidArn`](crate::ErrorCode::InvalidArn)
    ///
    /// Other failures (invalid input, throttling, transport, timeouts,
    /// credentials) are those of every call: see [`Error`](crate::Error).
    pub fn delete_activity(
        &self,
        activity_arn: impl Into<String>,
    ) -> RequestBuilder<DeleteActivityInput> {
        self.request(DeleteActivityInput::new(activity_arn))
    }

    /// Describes an activity (`DescribeActivity`).
    ///
    /// # Errors
    /// The service errors the model lists for `DescribeActivity`
    /// ([`ErrorKind::Service`](crate::ErrorKind::Service), by [`Error::code`](crate::Error::code)):
    /// - [`ActivityDoesNotExist`](crate::ErrorCode::ActivityDoesNotExist)
    /// - [`InvalidArn`](crate::ErrorCode::InvalidArn)
    ///
    /// Other failures (invalid input, throttling, transport, timeouts,
    /// credentials) are those of every call: see [`Error`](crate::Error).
    pub fn describe_activity(
        &self,
        activity_arn: impl Into<String>,
    ) -> RequestBuilder<DescribeActivityInput> {
        self.request(DescribeActivityInput::new(activity_arn))
    }

    /// Lists the activities (`ListActivities`): send it for one page, or
    /// follow every page with [`RequestBuilder::into_paginator`].
    ///
    /// ```no_run
    /// use futures::TryStreamExt;
    ///
    /// # async fn demo(client: sfn_lite::Client) -> Result<(), sfn_lite::Error> {
    /// let mut activities = client.list_activities().into_paginator().items();
    /// while let Some(activity) = activities.try_next().await? {
    ///     println!("{} ({})", activity.name, activity.activity_arn);
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// The service errors the model lists for `ListActivities`
    /// ([`ErrorKind::Service`](crate::ErrorKind::Service), by [`Error::code`](crate::Error::code)):
    /// - [`InvalidToken`](crate::ErrorCode::InvalidToken)
    ///
    /// Other failures (invalid input, throttling, transport, timeouts,
    /// credentials) are those of every call: see [`Error`](crate::Error).
    pub fn list_activities(&self) -> RequestBuilder<ListActivitiesInput> {
        self.request(ListActivitiesInput::new())
    }

    /// Waits for a task of the activity (`GetActivityTask`): the service
    /// answers as soon as one is scheduled, or after 60 s with no task
    /// (`task_token` absent).
    ///
    /// The attempt timeout of this call is at least 65 s, whatever the
    /// client's is, so a poll the service holds is not cut off and retried;
    /// [`RequestBuilder::attempt_timeout`] still sets it for one call.
    ///
    /// ```no_run
    /// # async fn demo(client: sfn_lite::Client) -> Result<(), sfn_lite::Error> {
    /// let activity = "arn:aws:states:us-east-1:123456789012:activity:resize-images";
    /// let task = client.get_activity_task(activity).worker_name("worker-1").await?;
    /// if let Some(token) = task.task_token {
    ///     client.send_task_success(token.expose(), r#"{"done":true}"#).await?;
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// The service errors the model lists for `GetActivityTask`
    /// ([`ErrorKind::Service`](crate::ErrorKind::Service), by [`Error::code`](crate::Error::code)):
    /// - [`ActivityDoesNotExist`](crate::ErrorCode::ActivityDoesNotExist)
    /// - [`ActivityWorkerLimitExceeded`](crate::ErrorCode::ActivityWorkerLimitExceeded)
    /// - [`InvalidArn`](crate::ErrorCode::InvalidArn)
    /// - [`KmsAccessDeniedException`](crate::ErrorCode::KmsAccessDeniedException)
    /// - [`KmsInvalidStateException`](crate::ErrorCode::KmsInvalidStateException)
    /// - [`KmsThrottlingException`](crate::ErrorCode::KmsThrottlingException)
    ///
    /// Other failures (invalid input, throttling, transport, timeouts,
    /// credentials) are those of every call: see [`Error`](crate::Error).
    pub fn get_activity_task(
        &self,
        activity_arn: impl Into<String>,
    ) -> RequestBuilder<GetActivityTaskInput> {
        self.request(GetActivityTaskInput::new(activity_arn))
    }
}

crate::client::setters!(CreateActivityInput {
    tags: Vec<Tag>;
    encryption_configuration: EncryptionConfiguration;
});

impl RequestBuilder<CreateActivityInput> {
    /// Adds one tag.
    pub fn tag(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.input.tags.get_or_insert_with(Vec::new).push(Tag::new(key, value));
        self
    }
}

crate::client::setters!(ListActivitiesInput {
    max_results: i32;
    next_token: String;
});

crate::client::setters!(GetActivityTaskInput {
    worker_name: String;
});

crate::paginate::paginated!(ListActivitiesInput => ListActivitiesOutput, activities: ActivityListItem);

crate::builders::with_setters! {
    CreateActivityOutput + Default {
        with_activity_arn => activity_arn: String;
        with_creation_date => creation_date: OffsetDateTime;
    }
    DeleteActivityOutput {
    }
    DescribeActivityOutput + Default {
        with_activity_arn => activity_arn: String;
        with_name => name: String;
        with_creation_date => creation_date: OffsetDateTime;
        with_encryption_configuration => encryption_configuration: Option<EncryptionConfiguration>;
    }
    ListActivitiesOutput {
        with_activities => activities: Vec<ActivityListItem>;
        with_next_token => next_token: Option<String>;
    }
    ActivityListItem + Default {
        with_activity_arn => activity_arn: String;
        with_name => name: String;
        with_creation_date => creation_date: OffsetDateTime;
    }
    GetActivityTaskOutput {
        with_task_token => task_token: Option<Sensitive<String>>;
        with_input => input: Option<Sensitive<String>>;
    }
}
