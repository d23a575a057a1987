//! The [`Operation`] trait: what the one request path needs to know about an
//! operation (its target name, output type and input rules). Input structs
//! implement it in [`crate::operations`], whose `validate` module holds the
//! checks; nothing here does I/O.

use crate::error::Error;
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::time::Duration;

mod sealed {
    pub trait Sealed {}
}
pub(crate) use sealed::Sealed;

/// An operation's input: serializable to the request body, checked before it
/// is sent, and tied to its output type.
///
/// Implemented by every `*Input` struct in [`crate::operations`]; pass any of
/// them to [`Client::send`](crate::Client::send).
pub trait Operation: Serialize + Clone + Send + Sync + Sealed + 'static {
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

    /// Checks the input against the service model's constraints (required
    /// members, lengths, ranges), so a bad request never leaves the process.
    fn validate(&self) -> Result<(), Error>;
}
