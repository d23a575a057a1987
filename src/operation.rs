//! The [`Operation`] trait: what the one request path needs to know about an
//! operation (its target name, output type and input rules). Input structs
//! implement it in [`crate::operations`], whose `validate` module holds the
//! checks; nothing here does I/O.

use crate::error::Error;
use serde::Serialize;
use serde::de::DeserializeOwned;

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

    /// Checks the input against the service model's constraints (required
    /// members, lengths, ranges), so a bad request never leaves the process.
    fn validate(&self) -> Result<(), Error>;
}
