//! The one generic paginator: a [`futures::Stream`] of pages or items for any
//! operation that follows `nextToken`, with one page of prefetch.
//!
//! Operations opt in by implementing [`Paginated`]; this module holds no
//! per-operation code.

use crate::client::{Client, RequestBuilder};
use crate::error::{Error, ErrorKind};
use crate::operation::Operation;
use crate::transport::{CallSettings, Undecoded};
use futures::future::{BoxFuture, Either};
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
    ///
    /// A spawned request also reports early the next page's token it reads at
    /// the end of the response body, so that the page after can be requested
    /// while this one is still being decoded.
    ///
    /// The page is decoded by the stream, on the consumer's task, not in the
    /// spawned one: its many small allocations then stay apart from the
    /// large body buffers of the requests in flight, which keeps the
    /// allocator from growing (peak RSS), and the consumer has nothing else
    /// to do while the next body arrives.
    fn request(&self, token: Option<String>) -> InFlight {
        let mut input = self.input.clone();
        input.set_next_token(token.clone());
        let client = self.client.clone();
        let settings = self.settings;
        // A span per page, a child of the caller's (prefetched pages too).
        let span = tracing::debug_span!("sfn.page", operation = O::NAME, first = token.is_none());
        let runtime = tokio::runtime::Handle::try_current().ok().filter(|_| self.prefetch);
        let Some(runtime) = runtime else {
            let fut: BoxFuture<'static, Result<Undecoded, Error>> = Box::pin(
                async move { client.send_undecoded(&input, settings, None).await }.instrument(span),
            );
            return InFlight { token, fut: Request::Lazy(fut), early_token: None };
        };
        let (tell, early_token) = tokio::sync::oneshot::channel();
        let fut = async move {
            let tell = std::sync::Mutex::new(Some(tell));
            let seen = |body: &[u8]| {
                let tell = tell.lock().ok().and_then(|mut tell| tell.take());
                if let (Some(tell), Some(token)) = (tell, trailing_next_token(body)) {
                    // The stream may have moved on: nobody to tell is fine.
                    let _ = tell.send(token.to_owned());
                }
            };
            client.send_undecoded(&input, settings, Some(&seen)).await
        };
        let task = runtime.spawn(fut.instrument(span));
        InFlight { token, fut: Request::Spawned(AbortOnDrop(task)), early_token: Some(early_token) }
    }
}

/// The `nextToken` a JSON object ends with (`..., "nextToken": "AAAA"}`),
/// read from the end of the text without decoding the rest; `None` when the
/// text does not end so, or the token holds an escape.
///
/// A hint, not a decoding: the token the decoded page holds is the one that
/// counts, and a request made from a hint that differs from it is dropped.
fn trailing_next_token(body: &[u8]) -> Option<&str> {
    let trim = |b: &[u8]| b.trim_ascii_end().len();
    let mut end = trim(body);
    end = end.checked_sub(1).filter(|&at| body[at] == b'}')?;
    end = trim(&body[..end]);
    let close = end.checked_sub(1).filter(|&at| body[at] == b'"')?;
    let open = body[..close].iter().rposition(|&b| b == b'"')?;
    let token = &body[open + 1..close];
    if token.is_empty() || token.contains(&b'\\') {
        return None;
    }
    end = trim(&body[..open]);
    end = end.checked_sub(1).filter(|&at| body[at] == b':')?;
    let key = body[..trim(&body[..end])].strip_suffix(b"\"nextToken\"")?;
    // The key is a member of the outer object, not the end of a string.
    matches!(key.trim_ascii_end().last(), Some(b',' | b'{')).then_some(())?;
    std::str::from_utf8(token).ok()
}

struct InFlight {
    token: Option<String>,
    fut: Request,
    /// The next page's token, read from the response body before it is
    /// decoded (spawned requests only).
    early_token: Option<tokio::sync::oneshot::Receiver<String>>,
}

enum Request {
    Lazy(BoxFuture<'static, Result<Undecoded, Error>>),
    Spawned(AbortOnDrop<Result<Undecoded, Error>>),
}

impl Request {
    async fn output(self) -> Result<Undecoded, Error> {
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
    Next(Pages<O>, InFlight),
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
        let InFlight { token, fut, early_token } = in_flight;
        // The next page is requested as soon as its token is known, while
        // this one decodes; it is kept only if the decoded token agrees.
        let mut early = None;
        let page = match early_token {
            None => fut.output().await,
            Some(early_token) => {
                let page = std::pin::pin!(fut.output());
                // The token first: it is sent before the page decodes.
                match futures::future::select(early_token, page).await {
                    Either::Right((page, _)) => page,
                    Either::Left((next_token, page)) => {
                        early = next_token
                            .ok()
                            .filter(|t| Some(t) != token.as_ref())
                            .map(|t| pages.request(Some(t)));
                        page.await
                    }
                }
            }
        };
        let page = match page.and_then(Undecoded::decode::<O>) {
            Ok(page) => page,
            Err(e) => return Some((Err(e), Self::Done)),
        };
        let next = match O::output_token(&page).filter(|t| !t.is_empty()) {
            None => Self::Done,
            Some(t) if Some(t) == token.as_deref() => Self::Failed(
                Error::with_message(
                    ErrorKind::Pagination,
                    "the service returned the page token it was sent; stopping to avoid a loop",
                )
                .for_operation(O::NAME),
            ),
            Some(t) => {
                let next = match early {
                    Some(early) if early.token.as_deref() == Some(t) => early,
                    _ => pages.request(Some(t.to_owned())),
                };
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

    #[test]
    fn the_token_a_page_ends_with_is_read_from_its_end() {
        fn token(body: &str) -> Option<&str> {
            trailing_next_token(body.as_bytes())
        }
        assert_eq!(token(r#"{"events":[{"id":1}],"nextToken":"AAAA+/="}"#), Some("AAAA+/="));
        assert_eq!(token("{\"events\":[] , \"nextToken\" :\t\"AB\" }\r\n"), Some("AB"));
        assert_eq!(token(r#"{"nextToken":"AB"}"#), Some("AB"));
        // Not at the end, or not the outer object's: nothing.
        assert_eq!(token(r#"{"nextToken":"AB","events":[]}"#), None);
        assert_eq!(token(r#"{"events":[{"nextToken":"AB"}]}"#), None);
        assert_eq!(token(r#"{"x":{"nextToken":"AB"}}"#), None);
        // The end of a string that only reads like the member.
        assert_eq!(token(r#"{"x":"a,\"nextToken\":\"AB"}"#), None);
        assert_eq!(token(r#"{"x":"\"nextToken\":\"AB"}"#), None);
        assert_eq!(token(r#"{"x\"nextToken":"AB"}"#), None);
        // Escapes, empty tokens, other members, and no object at all.
        assert_eq!(token(r#"{"nextToken":"A\/B"}"#), None);
        assert_eq!(token(r#"{"nextToken":""}"#), None);
        assert_eq!(token(r#"{"otherToken":"AB"}"#), None);
        assert_eq!(token(r#"{"events":[]}"#), None);
        assert_eq!(token(r#""nextToken":"AB""#), None);
        assert_eq!(token(""), None);
        assert_eq!(token("}"), None);
        assert_eq!(token(r#""}"#), None);
    }

    #[tokio::test]
    async fn a_panic_in_a_prefetched_request_reaches_the_caller() {
        let task = tokio::spawn(async {
            if true {
                panic!("boom in the page request");
            }
            Err::<Undecoded, _>(Error::with_message(ErrorKind::Transport, "not reached"))
        });
        let request = Request::Spawned(AbortOnDrop(task));
        let caught = std::panic::AssertUnwindSafe(request.output()).catch_unwind().await;
        let Err(payload) = caught else {
            panic!("the panic is resumed, not turned into an error");
        };
        assert_eq!(payload.downcast_ref::<&str>(), Some(&"boom in the page request"));
    }
}
