//! [`WatchMapRun`]: a Map Run's progress as a stream of changed snapshots.

use super::{PollBackoff, is_throttling};
use crate::client::Client;
use crate::error::Error;
use crate::operations::DescribeMapRunOutput;
use crate::types::MapRunStatus;
use futures::stream::{self, BoxStream, Stream, StreamExt};
use std::fmt;
use std::future::IntoFuture;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;
use tracing::Instrument;

impl Client {
    /// Watches a Map Run: a [`WatchMapRun`] stream of `DescribeMapRun`
    /// snapshots, one each time something changed (counts, status,
    /// settings), ending after the one with a final status (`SUCCEEDED`,
    /// `FAILED` or `ABORTED`).
    ///
    /// ```no_run
    /// use futures::TryStreamExt;
    ///
    /// # async fn demo(client: sfn_lite::Client, map_run_arn: &str) -> Result<(), sfn_lite::Error> {
    /// let mut snapshots = client.watch_map_run(map_run_arn);
    /// while let Some(run) = snapshots.try_next().await? {
    ///     let done = run.item_counts.done_fraction().unwrap_or(0.0);
    ///     println!("{}: {:.0}% done, failing: {}", run.status, done * 100.0, run.exceeds_tolerated_failures());
    /// }
    /// # Ok(()) }
    /// ```
    pub fn watch_map_run(&self, map_run_arn: impl Into<String>) -> WatchMapRun {
        WatchMapRun {
            client: self.clone(),
            map_run_arn: map_run_arn.into(),
            backoff: PollBackoff::new(Duration::from_secs(2), Duration::from_secs(20)),
            stream: None,
        }
    }
}

/// A Map Run's snapshots as a [`Stream`], made by [`Client::watch_map_run`];
/// set it up before polling it.
///
/// - The first snapshot comes at once; then `DescribeMapRun` is polled every
///   interval (default 2 s), the delay doubling while nothing changes up to
///   the maximum (default 20 s), and a snapshot is yielded only when it
///   differs from the last one yielded.
/// - It ends after yielding a snapshot whose status is final.
/// - Throttling slows polling down; any other error is yielded, then the
///   stream ends.
///
/// The stream is `Unpin`, `Send` and `'static`.
#[must_use = "a stream does nothing until polled"]
pub struct WatchMapRun {
    client: Client,
    map_run_arn: String,
    backoff: PollBackoff,
    stream: Option<BoxStream<'static, Result<DescribeMapRunOutput, Error>>>,
}

impl fmt::Debug for WatchMapRun {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WatchMapRun")
            .field("map_run_arn", &self.map_run_arn)
            .field("backoff", &self.backoff)
            .field("started", &self.stream.is_some())
            .finish_non_exhaustive()
    }
}

impl WatchMapRun {
    /// The delay between polls while things change (default 2 s).
    pub fn poll_interval(mut self, interval: Duration) -> Self {
        self.backoff = PollBackoff::new(interval, self.backoff.max());
        self
    }

    /// The longest delay between polls while nothing changes (default 20 s).
    pub fn max_poll_interval(mut self, max: Duration) -> Self {
        self.backoff = PollBackoff::new(self.backoff.interval(), max);
        self
    }
}

impl Stream for WatchMapRun {
    type Item = Result<DescribeMapRunOutput, Error>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        if this.stream.is_none() {
            let state = Watch {
                client: this.client.clone(),
                map_run_arn: this.map_run_arn.clone(),
                backoff: this.backoff.clone(),
                last: None,
                delay: Duration::ZERO,
                done: false,
            };
            this.stream = Some(stream::unfold(state, Watch::next).boxed());
        }
        this.stream.as_mut().map_or(Poll::Ready(None), |s| s.poll_next_unpin(cx))
    }
}

/// The watch's state: `last` yielded, `delay` before the next poll, `done`
/// once a final snapshot or an error was yielded.
struct Watch {
    client: Client,
    map_run_arn: String,
    backoff: PollBackoff,
    last: Option<DescribeMapRunOutput>,
    delay: Duration,
    done: bool,
}

impl Watch {
    async fn next(mut self) -> Option<(Result<DescribeMapRunOutput, Error>, Self)> {
        loop {
            if self.done {
                return None;
            }
            if !self.delay.is_zero() {
                tokio::time::sleep(std::mem::take(&mut self.delay)).await;
            }
            let span = tracing::debug_span!("sfn.watch", map_run_arn = %self.map_run_arn);
            let poll = self.client.describe_map_run(&self.map_run_arn).into_future();
            match poll.instrument(span).await {
                Ok(run) if self.last.as_ref() == Some(&run) => self.delay = self.backoff.idle(),
                Ok(run) => {
                    self.done = matches!(
                        run.status,
                        MapRunStatus::Succeeded | MapRunStatus::Failed | MapRunStatus::Aborted
                    );
                    self.delay = self.backoff.changed();
                    self.last = Some(run.clone());
                    return Some((Ok(run), self));
                }
                Err(error) if is_throttling(&error) => {
                    self.delay = self.backoff.throttled();
                    tracing::warn!(map_run_arn = %self.map_run_arn, retry_in = ?self.delay, "Map Run watch throttled; slowing down");
                }
                Err(error) => {
                    self.done = true;
                    return Some((Err(error), self));
                }
            }
        }
    }
}
