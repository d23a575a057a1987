//! Live operations on running work: [`Follow`] a history as it grows,
//! [`WatchMapRun`] a Map Run's progress, [`WaitForExecution`] to end.
//!
//! Built on the public [`Client`](crate::Client) API only, the way a
//! watcher sits above a client: each stream is an explicit state machine,
//! the delay between polls is a separate piece ([`PollBackoff`]), and no
//! error is swallowed (throttling slows polling down; any other error is
//! returned or yielded, then the stream ends). The service defines no
//! waiters; these are ours.

mod backoff;
mod follow;
mod wait;
mod watch;

pub use backoff::PollBackoff;
pub use follow::Follow;
pub use wait::{WaitForExecution, WaitTimedOut};
pub use watch::WatchMapRun;

use crate::error::{Error, ErrorKind};

/// Whether the error is throttling that outlasted the client's retries.
fn is_throttling(error: &Error) -> bool {
    error.kind() == ErrorKind::Service && error.code().is_some_and(|code| code.is_throttling())
}
