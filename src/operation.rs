//! The [`Operation`] trait: what the one request path needs to know about an
//! operation (its target name, output type and input rules). Input structs
//! implement it in [`crate::operations`], whose `validate` module holds the
//! checks; code outside the crate may implement it for operations this crate
//! does not model yet. Nothing here does I/O.

use crate::error::Error;
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::time::Duration;

/// An operation's input: serializable to the request body, checked before it
/// is sent, and tied to its output type.
///
/// Implemented by every `*Input` struct in [`crate::operations`]; pass any of
/// them to [`Client::send`](crate::Client::send).
///
/// # Calling an operation this crate does not model
/// The service adds operations every year. Until this crate models one,
/// implement `Operation` for an input of your own and send it with
/// [`Client::send`](crate::Client::send) or
/// [`Client::request`](crate::Client::request): it takes the very path of
/// the modelled ones (validation, SigV4 signing, retries, timeouts, error
/// decoding into [`Error`] with its [`ErrorCode`](crate::ErrorCode)). The
/// contract:
///
/// - [`NAME`](Self::NAME) is the operation's name as the service model
///   spells it: requests carry `X-Amz-Target: AWSStepFunctions.<NAME>`.
/// - The input's `Serialize` output is the request body, sent as is (AWS
///   JSON 1.0: a JSON object, members named as in the model, absent
///   optionals omitted).
/// - A 2xx answer's body (a JSON object; `{}` when empty) is decoded into
///   [`Output`](Self::Output): any `DeserializeOwned` type, such as
///   `serde_json::Value`, or a struct of your own. A body that does not
///   decode is an [`ErrorKind::Decode`](crate::ErrorKind::Decode) error.
/// - [`validate`](Self::validate) runs before anything is sent; refuse with
///   [`Error::invalid_input`], or return `Ok(())`.
/// - Every call is retried as [`RetryConfig`](crate::RetryConfig) says, so
///   an operation that is not idempotent should carry its own idempotency
///   token, or be sent with
///   [`RequestBuilder::max_attempts`](crate::RequestBuilder::max_attempts)`(1)`.
///
/// ```no_run
/// use serde::Serialize;
/// use sfn_lite::{Error, Operation};
///
/// /// A hypothetical operation the crate does not know.
/// #[derive(Clone, Serialize)]
/// #[serde(rename_all = "camelCase")]
/// struct DescribeWidget {
///     widget_arn: String,
/// }
///
/// impl Operation for DescribeWidget {
///     const NAME: &'static str = "DescribeWidget";
///     type Output = serde_json::Value;
///
///     fn validate(&self) -> Result<(), Error> {
///         if self.widget_arn.is_empty() {
///             return Err(Error::invalid_input("widgetArn", "is required"));
///         }
///         Ok(())
///     }
/// }
///
/// # async fn demo(client: sfn_lite::Client) -> Result<(), Error> {
/// let widget = client.send(DescribeWidget { widget_arn: "arn:...".into() }).await?;
/// println!("{}", widget["name"]);
/// # Ok(()) }
/// ```
pub trait Operation: Serialize + Clone + Send + Sync + 'static {
    /// The operation name, as in `X-Amz-Target: AWSStepFunctions.<NAME>`.
    const NAME: &'static str;

    /// What a successful call returns.
    type Output: DeserializeOwned + Send + 'static;

    /// The least attempt timeout the operation needs: a long poll
    /// (`GetActivityTask`) or a synchronous execution holds the response
    /// for longer than the client's default. A client attempt timeout
    /// shorter than this is raised to it for this operation; a per-call
    /// [`RequestBuilder::attempt_timeout`](crate::RequestBuilder::attempt_timeout)
    /// is taken as given.
    const MIN_ATTEMPT_TIMEOUT: Option<Duration> = None;

    /// The model's endpoint host prefix (`sync-` for `StartSyncExecution`),
    /// put before the endpoint's host name unless the client turns prefixes
    /// off ([`ClientBuilder::disable_host_prefix`](crate::ClientBuilder::disable_host_prefix)).
    const HOST_PREFIX: Option<&'static str> = None;

    /// Checks the input against the service model's constraints (required
    /// members, lengths, ranges), so a bad request never leaves the process.
    fn validate(&self) -> Result<(), Error>;
}
