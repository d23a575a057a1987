//! [`Follow`]: a running execution's history as a stream that catches up,
//! then keeps polling for new events until the execution ends.

use super::{PollBackoff, is_throttling};
use crate::client::{Client, RequestBuilder};
use crate::error::Error;
use crate::operations::{GetExecutionHistoryInput, GetExecutionHistoryOutput};
use crate::types::{ExecutionRedriveStatus, ExecutionStatus, HistoryEvent, HistoryEventType};
use futures::stream::{self, BoxStream, Stream, StreamExt};
use std::collections::VecDeque;
use std::fmt;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;
use tracing::Instrument;

/// Events per page while catching up, unless the request sets `maxResults`.
const CATCH_UP_PAGE: i32 = 1000;
/// Events per page while tailing: small, as a poll usually finds a few new
/// events, and a reverse page reads only the newest ones.
const TAIL_PAGE: i32 = 100;

impl RequestBuilder<GetExecutionHistoryInput> {
    /// Follows the execution's history like `tail -f`: a [`Follow`] stream
    /// of every event, oldest first, then each new one as the execution runs,
    /// ending after the execution's terminal event.
    ///
    /// `maxResults` sets the catch-up page size (default 1000);
    /// `includeExecutionData` applies to every request; `reverseOrder` and
    /// `nextToken` are the stream's own business and are ignored.
    ///
    /// ```no_run
    /// use futures::TryStreamExt;
    /// use std::time::Duration;
    ///
    /// # async fn demo(client: sfn_lite::Client, execution_arn: &str) -> Result<(), sfn_lite::Error> {
    /// let mut events = client
    ///     .get_execution_history(execution_arn)
    ///     .include_execution_data(false)
    ///     .follow()
    ///     .poll_interval(Duration::from_secs(2));
    /// while let Some(event) = events.try_next().await? {
    ///     println!("{:>6} {}", event.id, event.r#type);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn follow(self) -> Follow {
        Follow {
            client: self.client,
            input: self.input,
            backoff: PollBackoff::new(Duration::from_secs(1), Duration::from_secs(20)),
            across_redrives: false,
            stream: None,
        }
    }
}

/// A running execution's history as a [`Stream`] of events: each event
/// exactly once, in ascending id order, ending after the terminal event
/// (`ExecutionSucceeded`, `ExecutionFailed`, `ExecutionAborted` or
/// `ExecutionTimedOut`). Made by
/// [`RequestBuilder::follow`](crate::RequestBuilder::follow); set it up
/// before polling it (settings made after the first poll are ignored).
///
/// How it reads, and why each event comes once:
/// - **Catch-up**: the history oldest first, following `nextToken`, one
///   page held at a time (the next page is fetched when this one is
///   consumed).
/// - **Tail**: after the poll interval, it reads newest first
///   (`reverseOrder=true`, 100 events a page) back to the last event id it
///   yielded, and yields the new events in ascending order. Event ids
///   increase by one from 1 in the order events happen, so "newer than the
///   last id yielded" is exactly the events not yet yielded, and a poll
///   costs one request per 100 new events (one when there are none), never
///   a re-read of the history. `nextToken` cannot serve here: the last page
///   of a history has no token to resume from.
/// - A server that ignores `reverseOrder` (the moto test server does) is
///   detected by a page that is not newest first; polls then read oldest
///   first and skip what was yielded: still correct, though each poll
///   reads the whole history.
/// - The delay between polls starts at the poll interval (default 1 s),
///   doubles while nothing new arrives, up to the maximum (default 20 s),
///   and drops back when something does ([`PollBackoff`]).
/// - Throttling (after the client's own retries) is not an end: it is
///   logged and the same request is made again after a longer delay. Any
///   other error is yielded, and then the stream ends.
/// - With [`across_redrives`](Self::across_redrives), a failed, aborted or
///   timed-out execution is not the end: the stream checks
///   `DescribeExecution` and, while the execution can still be redriven,
///   keeps polling for `ExecutionRedriven` and the events after it; it ends
///   after a success, or when the execution can no longer be redriven.
///
/// The stream is `Unpin`, `Send` and `'static`.
#[must_use = "a stream does nothing until polled"]
pub struct Follow {
    client: Client,
    input: GetExecutionHistoryInput,
    backoff: PollBackoff,
    across_redrives: bool,
    stream: Option<BoxStream<'static, Result<HistoryEvent, Error>>>,
}

impl fmt::Debug for Follow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Follow")
            .field("execution_arn", &self.input.execution_arn)
            .field("backoff", &self.backoff)
            .field("across_redrives", &self.across_redrives)
            .field("started", &self.stream.is_some())
            .finish_non_exhaustive()
    }
}

impl Follow {
    /// The delay between polls while events keep coming (default 1 s).
    pub fn poll_interval(mut self, interval: Duration) -> Self {
        self.backoff = PollBackoff::new(interval, self.backoff.max());
        self
    }

    /// The longest delay between polls while nothing changes (default 20 s).
    pub fn max_poll_interval(mut self, max: Duration) -> Self {
        self.backoff = PollBackoff::new(self.backoff.interval(), max);
        self
    }

    /// Whether to keep following after a failure, abort or timeout, through
    /// redrives (default `false`: the first terminal event ends the stream).
    pub fn across_redrives(mut self, on: bool) -> Self {
        self.across_redrives = on;
        self
    }

    fn start(&mut self) -> BoxStream<'static, Result<HistoryEvent, Error>> {
        let mut input = self.input.clone();
        input.reverse_order = None;
        input.next_token = None;
        let state = State {
            client: self.client.clone(),
            page_size: input.max_results.filter(|n| *n > 0).unwrap_or(CATCH_UP_PAGE),
            input,
            backoff: self.backoff.clone(),
            across_redrives: self.across_redrives,
            phase: Phase::CatchUp(None),
            delay: Duration::ZERO,
            ready: VecDeque::new(),
            last_id: 0,
            reverse_ignored: false,
            terminal_seen: false,
            ended: false,
        };
        stream::unfold(state, State::next).boxed()
    }
}

impl Stream for Follow {
    type Item = Result<HistoryEvent, Error>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        if this.stream.is_none() {
            this.stream = Some(this.start());
        }
        this.stream.as_mut().map_or(Poll::Ready(None), |s| s.poll_next_unpin(cx))
    }
}

/// Where the stream is. Transitions:
/// - `CatchUp(token)` → `CatchUp(next)` while pages have a token, then
///   `Tail`; `Done` once the terminal event is queued.
/// - `Tail` → `Tail` (after the backoff's delay); `Done` once the terminal
///   event is queued; `Redrivable` after a terminal failure when following
///   across redrives.
/// - `Redrivable` → `Tail` while a redrive is possible, else `Done`
///   (`ExecutionSucceeded` always ends the stream: a success is final).
/// - Throttling keeps the phase and lengthens the delay; another error
///   moves to `Done` after it is yielded.
#[derive(Clone, Debug)]
enum Phase {
    CatchUp(Option<String>),
    Tail,
    Redrivable,
    Done,
}

struct State {
    client: Client,
    input: GetExecutionHistoryInput,
    page_size: i32,
    backoff: PollBackoff,
    across_redrives: bool,
    phase: Phase,
    /// How long to wait before the next request.
    delay: Duration,
    /// Events fetched and not yet yielded, in ascending order.
    ready: VecDeque<HistoryEvent>,
    /// The id of the last event queued (0 before any).
    last_id: i64,
    /// Set once a page asked newest-first came oldest-first.
    reverse_ignored: bool,
    /// The last event queued ended a run of the execution.
    terminal_seen: bool,
    /// The last event queued ends the stream.
    ended: bool,
}

fn is_terminal(event: &HistoryEvent) -> bool {
    matches!(
        event.r#type,
        HistoryEventType::ExecutionSucceeded
            | HistoryEventType::ExecutionFailed
            | HistoryEventType::ExecutionAborted
            | HistoryEventType::ExecutionTimedOut
    )
}

impl State {
    async fn next(mut self) -> Option<(Result<HistoryEvent, Error>, Self)> {
        loop {
            if let Some(event) = self.ready.pop_front() {
                return Some((Ok(event), self));
            }
            let phase = self.phase.clone();
            if matches!(phase, Phase::Done) {
                return None;
            }
            // Free the consumed page before fetching the next.
            self.ready = VecDeque::new();
            if !self.delay.is_zero() {
                tokio::time::sleep(std::mem::take(&mut self.delay)).await;
            }
            let result = match phase {
                Phase::CatchUp(token) => self.catch_up(token).await,
                Phase::Tail => self.tail().await,
                Phase::Redrivable => self.check_redrive().await,
                Phase::Done => Ok(()),
            };
            match result {
                Ok(()) => {}
                Err(error) if is_throttling(&error) => {
                    self.delay = self.backoff.throttled();
                    tracing::warn!(
                        execution_arn = %self.input.execution_arn,
                        retry_in = ?self.delay,
                        "history polling throttled; slowing down"
                    );
                }
                Err(error) => {
                    self.phase = Phase::Done;
                    return Some((Err(error), self));
                }
            }
        }
    }

    fn request(&self, size: i32, reverse: bool, token: Option<String>) -> GetExecutionHistoryInput {
        let mut input = self.input.clone();
        input.max_results = Some(size);
        input.reverse_order = reverse.then_some(true);
        input.next_token = token;
        input
    }

    async fn fetch(
        &self,
        input: GetExecutionHistoryInput,
    ) -> Result<GetExecutionHistoryOutput, Error> {
        let span = tracing::debug_span!(
            "sfn.follow",
            execution_arn = %input.execution_arn,
            reverse = input.reverse_order.unwrap_or(false),
        );
        self.client.send(input).instrument(span).await
    }

    /// Queues the events newer than the last one queued, in the order
    /// given (ascending), up to the event that ends the stream; returns
    /// whether any was new. Moves the page into the queue without copying
    /// when the queue is empty, so a page is held once.
    fn accept(&mut self, mut events: Vec<HistoryEvent>) -> bool {
        let mut last = self.last_id;
        events.retain(|event| {
            let new = event.id > last;
            last = last.max(event.id);
            new
        });
        let mut keep = events.len();
        for (at, event) in events.iter().enumerate() {
            if event.r#type == HistoryEventType::ExecutionRedriven {
                self.terminal_seen = false;
            }
            if is_terminal(event) {
                self.terminal_seen = true;
                // A success is final; failures can be redriven.
                let succeeded = event.r#type == HistoryEventType::ExecutionSucceeded;
                self.ended |= succeeded || !self.across_redrives;
                if self.ended {
                    keep = at + 1;
                    break;
                }
            }
        }
        events.truncate(keep);
        let Some(newest) = events.last() else { return false };
        self.last_id = newest.id;
        if self.ready.is_empty() {
            self.ready = events.into();
        } else {
            self.ready.extend(events);
        }
        true
    }

    /// The phase after the last event queued, waiting `delay` before it.
    fn after_poll(&mut self, delay: Duration) {
        self.phase = match (self.ended, self.terminal_seen) {
            (true, _) => Phase::Done,
            (false, true) => Phase::Redrivable,
            (false, false) => Phase::Tail,
        };
        self.delay = delay;
    }

    async fn catch_up(&mut self, token: Option<String>) -> Result<(), Error> {
        let page = self.fetch(self.request(self.page_size, false, token)).await?;
        let changed = self.accept(page.events);
        match page.next_token {
            Some(next) if !self.ended => {
                self.phase = Phase::CatchUp(Some(next));
            }
            _ => {
                let delay = if changed { self.backoff.changed() } else { self.backoff.idle() };
                self.after_poll(delay);
            }
        }
        Ok(())
    }

    /// One poll for events newer than `last_id`.
    async fn tail(&mut self) -> Result<(), Error> {
        let changed = if self.reverse_ignored {
            self.forward_scan().await?
        } else {
            let mut newer = Vec::new();
            let mut token = None;
            loop {
                let page = self.fetch(self.request(TAIL_PAGE, true, token)).await?;
                let events = page.events;
                if events.windows(2).any(|w| w[0].id < w[1].id) {
                    tracing::debug!(
                        execution_arn = %self.input.execution_arn,
                        "the server ignores reverseOrder; reading histories oldest first"
                    );
                    self.reverse_ignored = true;
                    let changed = self.accept(events);
                    return self.finish_forward(changed, page.next_token).await;
                }
                let reached = events.last().is_none_or(|e| e.id <= self.last_id + 1);
                newer.extend(events.into_iter().take_while(|e| e.id > self.last_id));
                match page.next_token {
                    Some(next) if !reached => token = Some(next),
                    _ => break,
                }
            }
            newer.reverse();
            self.accept(newer)
        };
        let delay = if changed { self.backoff.changed() } else { self.backoff.idle() };
        self.after_poll(delay);
        Ok(())
    }

    /// A poll that reads the whole history oldest first, for servers that
    /// ignore `reverseOrder`.
    async fn forward_scan(&mut self) -> Result<bool, Error> {
        let page = self.fetch(self.request(self.page_size, false, None)).await?;
        let changed = self.accept(page.events);
        self.forward_rest(changed, page.next_token).await
    }

    async fn finish_forward(&mut self, changed: bool, token: Option<String>) -> Result<(), Error> {
        let changed = self.forward_rest(changed, token).await?;
        let delay = if changed { self.backoff.changed() } else { self.backoff.idle() };
        self.after_poll(delay);
        Ok(())
    }

    async fn forward_rest(
        &mut self,
        mut changed: bool,
        mut token: Option<String>,
    ) -> Result<bool, Error> {
        while let Some(next) = token.take() {
            if self.ended {
                break;
            }
            let page = self.fetch(self.request(self.page_size, false, Some(next))).await?;
            changed |= self.accept(page.events);
            token = page.next_token;
        }
        Ok(changed)
    }

    /// After a terminal failure: keep tailing while a redrive can come.
    async fn check_redrive(&mut self) -> Result<(), Error> {
        let described = self.client.describe_execution(&self.input.execution_arn).await?;
        let over = described.status == ExecutionStatus::Succeeded
            || described.redrive_status == Some(ExecutionRedriveStatus::NotRedrivable);
        self.phase = if over { Phase::Done } else { Phase::Tail };
        Ok(())
    }
}
