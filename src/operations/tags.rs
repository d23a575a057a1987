//! Tag operations: TagResource, UntagResource, ListTagsForResource. Tags go
//! on state machines and activities.

use super::validate::{self as check, ARN_MAX};
use crate::client::{Client, RequestBuilder};
use crate::error::Error;
use crate::operation::Operation;
use crate::types::Tag;
use serde::{Deserialize, Serialize};

/// Input of `TagResource`: add tags to a state machine or activity, or
/// change the values of its existing keys.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct TagResourceInput {
    /// The state machine or activity.
    pub resource_arn: String,
    /// The tags to add: at least one (up to 50 per resource); keys of 1 to
    /// 128 characters, values of up to 256.
    #[serde(default)]
    pub tags: Vec<Tag>,
}

impl TagResourceInput {
    /// An input that adds `tags` to the resource.
    pub fn new(resource_arn: impl Into<String>, tags: Vec<Tag>) -> Self {
        Self { resource_arn: resource_arn.into(), tags }
    }
}

/// Output of `TagResource` (empty).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TagResourceOutput {}

impl Operation for TagResourceInput {
    const NAME: &'static str = "TagResource";
    type Output = TagResourceOutput;

    fn validate(&self) -> Result<(), Error> {
        check::required("resourceArn", &self.resource_arn, 1, ARN_MAX)?;
        check::non_empty("tags", &self.tags)?;
        check::tags(&self.tags)
    }
}

/// Input of `UntagResource`: remove tags from a state machine or activity.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct UntagResourceInput {
    /// The state machine or activity.
    pub resource_arn: String,
    /// The keys of the tags to remove: at least one, each 1 to 128
    /// characters.
    #[serde(default)]
    pub tag_keys: Vec<String>,
}

impl UntagResourceInput {
    /// An input that removes the tags with these keys.
    pub fn new(
        resource_arn: impl Into<String>,
        tag_keys: impl IntoIterator<Item = impl Into<String>>,
    ) -> Self {
        Self {
            resource_arn: resource_arn.into(),
            tag_keys: tag_keys.into_iter().map(Into::into).collect(),
        }
    }
}

/// Output of `UntagResource` (empty).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UntagResourceOutput {}

impl Operation for UntagResourceInput {
    const NAME: &'static str = "UntagResource";
    type Output = UntagResourceOutput;

    fn validate(&self) -> Result<(), Error> {
        check::required("resourceArn", &self.resource_arn, 1, ARN_MAX)?;
        check::non_empty("tagKeys", &self.tag_keys)?;
        for key in &self.tag_keys {
            check::required("tagKeys", key, 1, check::TAG_KEY_MAX)?;
        }
        Ok(())
    }
}

/// Input of `ListTagsForResource`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ListTagsForResourceInput {
    /// The state machine or activity.
    pub resource_arn: String,
}

impl ListTagsForResourceInput {
    /// An input for the resource.
    pub fn new(resource_arn: impl Into<String>) -> Self {
        Self { resource_arn: resource_arn.into() }
    }
}

/// Output of `ListTagsForResource`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ListTagsForResourceOutput {
    /// The resource's tags.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
}

impl Operation for ListTagsForResourceInput {
    const NAME: &'static str = "ListTagsForResource";
    type Output = ListTagsForResourceOutput;

    fn validate(&self) -> Result<(), Error> {
        check::required("resourceArn", &self.resource_arn, 1, ARN_MAX)
    }
}

impl Client {
    /// Adds tags to a state machine or activity, or changes the values of
    /// keys it has (`TagResource`). Add more with [`RequestBuilder::tag`].
    ///
    /// ```no_run
    /// # async fn demo(client: sfn_lite::Client) -> Result<(), sfn_lite::Error> {
    /// client
    ///     .tag_resource("arn:aws:states:us-east-1:123456789012:stateMachine:orders")
    ///     .tag("team", "data")
    ///     .tag("cost-center", "42")
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// The service errors the model lists for `TagResource`
    /// ([`ErrorKind::Service`](crate::ErrorKind::Service), by [`Error::code`](crate::Error::code)):
    /// - [`InvalidArn`](crate::ErrorCode::InvalidArn)
    /// - [`ResourceNotFound`](crate::ErrorCode::ResourceNotFound)
    /// - [`TooManyTags`](crate::ErrorCode::TooManyTags)
    ///
    /// Other failures (invalid input, such as no tag at all, throttling,
    /// transport, timeouts, credentials) are those of every call: see
    /// [`Error`](crate::Error).
    pub fn tag_resource(
        &self,
        resource_arn: impl Into<String>,
    ) -> RequestBuilder<TagResourceInput> {
        self.request(TagResourceInput::new(resource_arn, Vec::new()))
    }

    /// Removes tags from a state machine or activity (`UntagResource`).
    ///
    /// ```no_run
    /// # async fn demo(client: sfn_lite::Client) -> Result<(), sfn_lite::Error> {
    /// client
    ///     .untag_resource("arn:aws:states:us-east-1:123456789012:stateMachine:orders", ["team"])
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// The service errors the model lists for `UntagResource`
    /// ([`ErrorKind::Service`](crate::ErrorKind::Service), by [`Error::code`](crate::Error::code)):
    /// - [`InvalidArn`](crate::ErrorCode::InvalidArn)
    /// - [`ResourceNotFound`](crate::ErrorCode::ResourceNotFound)
    ///
    /// Other failures (invalid input, throttling, transport, timeouts,
    /// credentials) are those of every call: see [`Error`](crate::Error).
    pub fn untag_resource(
        &self,
        resource_arn: impl Into<String>,
        tag_keys: impl IntoIterator<Item = impl Into<String>>,
    ) -> RequestBuilder<UntagResourceInput> {
        self.request(UntagResourceInput::new(resource_arn, tag_keys))
    }

    /// Lists a state machine's or activity's tags (`ListTagsForResource`).
    ///
    /// # Errors
    /// The service errors the model lists for `ListTagsForResource`
    /// ([`ErrorKind::Service`](crate::ErrorKind::Service), by [`Error::code`](crate::Error::code)):
    /// - [`InvalidArn`](crate::ErrorCode::InvalidArn)
    /// - [`ResourceNotFound`](crate::ErrorCode::ResourceNotFound)
    ///
    /// Other failures (invalid input, throttling, transport, timeouts,
    /// credentials) are those of every call: see [`Error`](crate::Error).
    pub fn list_tags_for_resource(
        &self,
        resource_arn: impl Into<String>,
    ) -> RequestBuilder<ListTagsForResourceInput> {
        self.request(ListTagsForResourceInput::new(resource_arn))
    }
}

impl RequestBuilder<TagResourceInput> {
    /// Adds one tag.
    pub fn tag(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.input.tags.push(Tag::new(key, value));
        self
    }
}

crate::builders::with_setters! {
    TagResourceOutput {
    }
    UntagResourceOutput {
    }
    ListTagsForResourceOutput {
        with_tags => tags: Option<Vec<Tag>>;
    }
}
