//! The one generic paginator: a [`futures::Stream`] of pages or items for any
//! operation that follows `nextToken`, with one page of prefetch.
//!
//! Operations opt in by implementing [`Paginated`]; this module holds no
//! per-operation code.

use crate::client::{Client, RequestBuilder};
use crate::error::{Error, ErrorKind};
use crate::operation::Operation;
use crate::transport::CallSettings;
use futures::future::BoxFuture;
use futures::stream::{self, Stream, StreamExt, TryStreamExt};
use std::fmt;
use tracing::Instrument;

/// The model's `PageSize` maximum: the most items a page may hold.
pub(crate) const PAGE_SIZE_MAX: i32 = 1000;

/// An operation whose output comes in pages linked by `nextToken`.
pub trait Paginated: Operation {
    /// One element of a page (a Map Run, an execution, a history event).
    type Item: Send + 'static;

    /// Sets `maxResults`.
    fn set_page_size(&mut self, size: i32);

    /// The token the input asks for.
    fn next_token(&self) -> Option<&str>;

    /// Sets the token of the page to fetch.
    fn set_next_token(&mut self, token: Option<String>);

    /// The token of the page after `output`.
    fn output_token(output: &Self::Output) -> Option<&str>;

    /// The page's items.
    fn into_items(output: Self::Output) -> Vec<Self::Item>;
}

/// Implements [`Paginated`] for an input with `max_results` and `next_token`
/// members whose output has `next_token` and a list of items.
macro_rules! paginated {
    ($input:ty => $output:ty, $items:ident: $item:ty) => {
        impl $crate::paginate::Paginated for $input {
            type Item = $item;

            fn set_page_size(&mut self, size: i32) {
                self.max_results = Some(size);
            }

            fn next_token(&self) -> Option<&str> {
                self.next_token.as_deref()
            }

            fn set_next_token(&mut self, token: Option<String>) {
                self.next_token = token;
            }

            fn output_token(output: &$output) -> Option<&str> {
                output.next_token.as_deref()
            }

            fn into_items(output: $output) -> Vec<$item> {
                output.$items
            }
        }
    };
}
pub(crate) use paginated;

/// Streams every page, or every item, of a paginated operation.
///
/// Nothing is sent until the stream is first polled. Each request repeats the
/// input unchanged but for `nextToken`. The stream ends after the page without
/// a token; an error ends it after being yielded once; a service that repeats
/// the token it was sent gets one [`ErrorKind::Pagination`] error after that
/// page rather than an endless loop. With prefetch (the default) the request
/// for the next page is in flight while you consume the current one, so at most
/// two pages are held in memory.
///
/// ```no_run
/// # async fn demo(client: sfn_lite::Client) -> Result<(), sfn_lite::Error> {
/// use futures::TryStreamExt;
///
/// let mut events = client
///     .get_execution_history("arn:aws:states:us-east-1:123456789012:execution:sm:run-1")
///     .include_execution_data(false)
///     .into_paginator()
///     .page_size(1000)
///     .items();
/// while let Some(event) = events.try_next().await? {
///     println!("{} {}", event.id, event.r#type);
/// }
/// # Ok(()) }
/// ```
#[must_use = "a paginator does nothing until its stream is polled"]
pub struct Paginator<O> {
    client: Client,
    input: O,
    settings: CallSettings,
    page_size: Option<i32>,
    prefetch: bool,
}

impl<O: fmt::Debug> fmt::Debug for Paginator<O> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Paginator")
            .field("input", &self.input)
            .field("page_size", &self.page_size)
            .field("prefetch", &self.prefetch)
            .finish_non_exhaustive()
    }
}

impl<O: Paginated> RequestBuilder<O> {
    /// Turns the request into a paginator that follows `nextToken`.
    pub fn into_paginator(self) -> Paginator<O> {
        let RequestBuilder { client, input, settings } = self;
        Paginator { client, input, settings, page_size: None, prefetch: true }
    }
}

impl<O: Paginated> Paginator<O> {
    /// Items per page (`maxResults`), 1 to 1000; the service's default if
    /// unset. A size outside that range ends the stream with an
    /// [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput) error
    /// before anything is sent (0, which the service reads as its default, is
    /// refused too: leave the size unset for that).
    pub fn page_size(mut self, size: i32) -> Self {
        self.page_size = Some(size);
        self
    }

    /// Whether to request the next page while the current one is consumed
    /// (default `true`). Needs a Tokio runtime; without one, pages are
    /// fetched one after the other.
    pub fn prefetch(mut self, on: bool) -> Self {
        self.prefetch = on;
        self
    }

    /// The stream of pages. It is `Unpin`, `Send` and `'static`: poll it in
    /// place or move it into `tokio::spawn`. Once ended it keeps yielding
    /// `None`.
    pub fn pages(self) -> impl Stream<Item = Result<O::Output, Error>> + Send + Unpin + 'static {
        let Paginator { client, mut input, settings, page_size, prefetch } = self;
        let start = match page_size {
            Some(size) if !(1..=PAGE_SIZE_MAX).contains(&size) => State::Failed(
                Error::invalid_input(
                    "maxResults",
                    format!("page size must be 1 to {PAGE_SIZE_MAX}, got {size}"),
                )
                .for_operation(O::NAME),
            ),
            Some(size) => {
                input.set_page_size(size);
                State::Start(Pages { client, input, settings, prefetch })
            }
            None => State::Start(Pages { client, input, settings, prefetch }),
        };
        // Fused so polling after the end (as `select!` loops do) gives `None`
        // rather than `unfold`'s panic; boxed so callers can `try_next()`
        // without pinning it themselves.
        stream::unfold(start, State::step).fuse().boxed()
    }

    /// The stream of items of every page, in order.
    pub fn items(self) -> impl Stream<Item = Result<O::Item, Error>> + Send + Unpin + 'static {
        self.pages()
            .map_ok(|page| stream::iter(O::into_items(page).into_iter().map(Ok)))
            .try_flatten()
    }
}

/// What the stream needs to request a page.
struct Pages<O> {
    client: Client,
    input: O,
    settings: CallSettings,
    prefetch: bool,
}

impl<O: Paginated> Pages<O> {
    /// Starts the request for the page at `token`: spawned now when
    /// prefetching, else when awaited.
    fn request(&self, token: Option<String>) -> InFlight<O::Output> {
        let mut input = self.input.clone();
        input.set_next_token(token.clone());
        let client = self.client.clone();
        let settings = self.settings;
        // A span per page, a child of the caller's (prefetched pages too).
        let span = tracing::debug_span!("sfn.page", operation = O::NAME, first = token.is_none());
        let fut: BoxFuture<'static, Result<O::Output, Error>> =
            Box::pin(async move { client.send_with(&input, settings).await }.instrument(span));
        let fut = match tokio::runtime::Handle::try_current() {
            Ok(rt) if self.prefetch => Request::Spawned(AbortOnDrop(rt.spawn(fut))),
            _ => Request::Lazy(fut),
        };
        InFlight { token, fut }
    }
}

struct InFlight<T> {
    token: Option<String>,
    fut: Request<T>,
}

enum Request<T> {
    Lazy(BoxFuture<'static, Result<T, Error>>),
    Spawned(AbortOnDrop<Result<T, Error>>),
}

impl<T: Send + 'static> Request<T> {
    async fn output(self) -> Result<T, Error> {
        match self {
            Self::Lazy(fut) => fut.await,
            Self::Spawned(mut task) => match (&mut task.0).await {
                Ok(output) => output,
                // A panic while fetching the page is the caller's to see, as
                // it would be without prefetch.
                Err(e) if e.is_panic() => std::panic::resume_unwind(e.into_panic()),
                // Only a runtime shutting down cancels the task under us.
                Err(e) => Err(Error::with_message(
                    ErrorKind::Transport,
                    "the page request was cancelled: its Tokio runtime shut down",
                )
                .with_source(e)),
            },
        }
    }
}

/// A spawned request that is cancelled when the stream is dropped.
struct AbortOnDrop<T>(tokio::task::JoinHandle<T>);

impl<T> Drop for AbortOnDrop<T> {
    fn drop(&mut self) {
        self.0.abort();
    }
}

enum State<O: Paginated> {
    Start(Pages<O>),
    Next(Pages<O>, InFlight<O::Output>),
    Failed(Error),
    Done,
}

impl<O: Paginated> State<O> {
    async fn step(self) -> Option<(Result<O::Output, Error>, Self)> {
        let (pages, in_flight) = match self {
            Self::Done => return None,
            Self::Failed(e) => return Some((Err(e), Self::Done)),
            Self::Start(pages) => {
                let token = pages.input.next_token().map(str::to_owned);
                let first = pages.request(token);
                (pages, first)
            }
            Self::Next(pages, in_flight) => (pages, in_flight),
        };
        let page = match in_flight.fut.output().await {
            Ok(page) => page,
            Err(e) => return Some((Err(e), Self::Done)),
        };
        let next = match O::output_token(&page).filter(|t| !t.is_empty()) {
            None => Self::Done,
            Some(t) if Some(t) == in_flight.token.as_deref() => Self::Failed(
                Error::with_message(
                    ErrorKind::Pagination,
                    "the service returned the page token it was sent; stopping to avoid a loop",
                )
                .for_operation(O::NAME),
            ),
            Some(t) => {
                let next = pages.request(Some(t.to_owned()));
                Self::Next(pages, next)
            }
        };
        Some((Ok(page), next))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use futures::FutureExt;

    #[tokio::test]
    async fn a_panic_in_a_prefetched_request_reaches_the_caller() {
        let task = tokio::spawn(async {
            if true {
                panic!("boom in the page request");
            }
            Ok::<(), Error>(())
        });
        let request = Request::Spawned(AbortOnDrop(task));
        let caught = std::panic::AssertUnwindSafe(request.output()).catch_unwind().await;
        let payload = caught.expect_err("the panic is resumed, not turned into an error");
        assert_eq!(payload.downcast_ref::<&str>(), Some(&"boom in the page request"));
    }
}
