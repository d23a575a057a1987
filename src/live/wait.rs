//! [`WaitForExecution`]: polls `DescribeExecution` until the execution ends.

use super::{PollBackoff, is_throttling};
use crate::client::Client;
use crate::error::{Error, ErrorKind};
use crate::operations::DescribeExecutionOutput;
use crate::types::ExecutionStatus;
use futures::future::BoxFuture;
use std::fmt;
use std::future::IntoFuture;
use std::time::Duration;
use tokio::time::Instant;
use tracing::Instrument;

impl Client {
    /// Waits for an execution to end: polls `DescribeExecution` until its
    /// status is `SUCCEEDED`, `FAILED`, `TIMED_OUT` or `ABORTED`, and returns
    /// that last description. Set the poll interval and a maximum wait on the
    /// [`WaitForExecution`] returned, then `.await` it.
    ///
    /// ```no_run
    /// use std::time::Duration;
    /// use sfn_lite::live::WaitTimedOut;
    /// use sfn_lite::operations::DescribeExecutionOutput;
    ///
    /// # async fn demo(client: sfn_lite::Client, arn: &str) -> Result<(), sfn_lite::Error> {
    /// match client.wait_for_execution(arn).max_wait(Duration::from_secs(600)).await {
    ///     Ok(done) => println!("{}", done.status),
    ///     Err(error) => match WaitTimedOut::<DescribeExecutionOutput>::of(&error) {
    ///         Some(timeout) => println!("still {} after 10 minutes", timeout.last().status),
    ///         None => return Err(error),
    ///     },
    /// }
    /// # Ok(()) }
    /// ```
    pub fn wait_for_execution(&self, execution_arn: impl Into<String>) -> WaitForExecution {
        WaitForExecution {
            client: self.clone(),
            execution_arn: execution_arn.into(),
            backoff: PollBackoff::new(Duration::from_secs(2), Duration::from_secs(30)),
            max_wait: None,
        }
    }
}

/// A wait for an execution to end, made by [`Client::wait_for_execution`]:
/// `.await` it for the final [`DescribeExecutionOutput`].
///
/// - Polls every interval (default 2 s), the delay doubling up to the
///   maximum interval (default 30 s) while the status stays the same.
/// - With a maximum wait (default: none), running out is an
///   [`ErrorKind::Timeout`] error saying the last status seen, whose
///   [`source`](std::error::Error::source) is a [`WaitTimedOut`] holding that
///   last description. The deadline is checked between polls.
/// - Throttling slows polling down; any other error is returned.
/// - `PENDING_REDRIVE` is not an end: the execution is about to run again.
#[must_use = "a wait does nothing until awaited"]
pub struct WaitForExecution {
    client: Client,
    execution_arn: String,
    backoff: PollBackoff,
    max_wait: Option<Duration>,
}

impl fmt::Debug for WaitForExecution {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WaitForExecution")
            .field("execution_arn", &self.execution_arn)
            .field("backoff", &self.backoff)
            .field("max_wait", &self.max_wait)
            .finish_non_exhaustive()
    }
}

impl WaitForExecution {
    /// The delay between polls after a change of status (default 2 s).
    pub fn poll_interval(mut self, interval: Duration) -> Self {
        self.backoff = PollBackoff::new(interval, self.backoff.max());
        self
    }

    /// The longest delay between polls (default 30 s).
    pub fn max_poll_interval(mut self, max: Duration) -> Self {
        self.backoff = PollBackoff::new(self.backoff.interval(), max);
        self
    }

    /// How long to wait at most (default: until the execution ends).
    pub fn max_wait(mut self, max_wait: Duration) -> Self {
        self.max_wait = Some(max_wait);
        self
    }

    async fn run(mut self) -> Result<DescribeExecutionOutput, Error> {
        let started = Instant::now();
        let deadline = self.max_wait.map(|wait| started + wait);
        let mut last: Option<DescribeExecutionOutput> = None;
        loop {
            let span = tracing::debug_span!("sfn.wait", execution_arn = %self.execution_arn);
            let poll = self.client.describe_execution(&self.execution_arn).into_future();
            let delay = match poll.instrument(span).await {
                Ok(described) if is_final(&described.status) => return Ok(described),
                Ok(described) => {
                    let changed = last.as_ref().is_none_or(|l| l.status != described.status);
                    last = Some(described);
                    if changed { self.backoff.changed() } else { self.backoff.idle() }
                }
                Err(error) if is_throttling(&error) => {
                    tracing::warn!(execution_arn = %self.execution_arn, "wait throttled; slowing down");
                    self.backoff.throttled()
                }
                Err(error) => return Err(error),
            };
            let wake = Instant::now() + delay;
            match deadline {
                Some(deadline) if Instant::now() >= deadline => {
                    return Err(timed_out(&self.execution_arn, started.elapsed(), last));
                }
                Some(deadline) => tokio::time::sleep_until(wake.min(deadline)).await,
                None => tokio::time::sleep_until(wake).await,
            }
        }
    }
}

fn is_final(status: &ExecutionStatus) -> bool {
    matches!(
        status,
        ExecutionStatus::Succeeded
            | ExecutionStatus::Failed
            | ExecutionStatus::TimedOut
            | ExecutionStatus::Aborted
    )
}

fn timed_out(arn: &str, waited: Duration, last: Option<DescribeExecutionOutput>) -> Error {
    let status = last
        .as_ref()
        .map_or("unknown (every poll was throttled)".to_owned(), |l| l.status.to_string());
    let error = Error::with_message(
        ErrorKind::Timeout,
        format!(
            "gave up waiting for execution `{arn}` after {waited:?}: its status is still {status}"
        ),
    );
    match last {
        Some(last) => error.with_source(WaitTimedOut { last: Box::new(last), waited }),
        None => error,
    }
}

impl IntoFuture for WaitForExecution {
    type Output = Result<DescribeExecutionOutput, Error>;
    type IntoFuture = BoxFuture<'static, Self::Output>;

    fn into_future(self) -> Self::IntoFuture {
        Box::pin(self.run())
    }
}

/// The source of the [`ErrorKind::Timeout`] error of a wait that ran out:
/// the last description seen.
#[derive(Clone, Debug)]
pub struct WaitTimedOut<T> {
    last: Box<T>,
    waited: Duration,
}

impl<T: fmt::Debug + Send + Sync + 'static> WaitTimedOut<T> {
    /// The `WaitTimedOut` behind `error`, if it is a wait's timeout.
    pub fn of(error: &Error) -> Option<&Self> {
        std::error::Error::source(error).and_then(|source| source.downcast_ref::<Self>())
    }

    /// The last description seen before giving up.
    pub fn last(&self) -> &T {
        &self.last
    }

    /// How long the wait lasted.
    pub fn waited(&self) -> Duration {
        self.waited
    }
}

impl<T> fmt::Display for WaitTimedOut<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the wait ran out after {:?}", self.waited)
    }
}

impl<T: fmt::Debug> std::error::Error for WaitTimedOut<T> {}
