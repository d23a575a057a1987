//! An in-process fake Step Functions for your own tests (feature `testing`):
//! [`FakeSfn::start`] serves the service's operations on 127.0.0.1 from
//! state you seed with the crate's own types, and [`FakeSfn::client`] is a
//! [`Client`] pointed at it.
//!
//! It runs no state machine: executions stay as seeded (or as the
//! operations you send leave them) until the test changes them.
//!
//! Faults are scripted for the calls to come, each taken by exactly one
//! call, in the order they were scripted: [`FakeSfn::fail_next`],
//! [`FakeSfn::throttle_next`], [`FakeSfn::delay_next`],
//! [`FakeSfn::cut_next`], and any [`Reply`] with [`FakeSfn::push`]. Every
//! request received is kept as a [`Request`]: its operation, its typed
//! input and whether its signature verified.
//!
//! ```
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() {
//! use sfn_lite::ErrorKind;
//! use sfn_lite::operations::DescribeExecutionInput;
//! use sfn_lite::testing::FakeSfn;
//!
//! let fake = FakeSfn::start().await;
//! let client = fake.client();
//! let arn = "arn:aws:states:us-east-1:123456789012:execution:orders:order-7";
//!
//! fake.fail_next("DescribeExecution", "ExecutionDoesNotExist", "no such execution");
//! let err = client.describe_execution(arn).await.unwrap_err();
//! assert_eq!(err.kind(), ErrorKind::Service);
//! assert_eq!(err.code().map(|c| c.as_str()), Some("ExecutionDoesNotExist"));
//!
//! let requests = fake.requests();
//! assert_eq!(requests.len(), 1, "a service error is not retried");
//! assert_eq!(requests[0].operation(), Some("DescribeExecution"));
//! assert!(requests[0].signature_verified());
//! let input: DescribeExecutionInput = requests[0].input().unwrap();
//! assert_eq!(input.execution_arn, arn);
//! # }
//! ```

mod faults;
mod reply;
mod request;
pub mod seed;
mod server;
mod service;
pub mod sigv4;

pub use faults::Match;
pub use reply::{JSON_1_0, REQUEST_ID, Reply};
pub use request::{InputError, Request, TARGET_PREFIX};

use crate::client::{Client, ClientBuilder};
use crate::retry::RetryConfig;
use aws_credential_types::Credentials;
use faults::Script;
use server::Server;
use service::World;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

/// The region the fake's clients sign for.
pub const REGION: &str = "us-east-1";

/// A raw handler: answers a request in place of the service.
type Handler = Arc<dyn Fn(&Request) -> Reply + Send + Sync>;

/// What the fake and its server share.
#[derive(Default)]
struct Shared {
    world: Mutex<World>,
    script: Mutex<Script>,
    handler: Mutex<Option<Handler>>,
    requests: Mutex<Vec<Request>>,
    /// The credentials [`Request::signature_verified`] accepts.
    known: Arc<Mutex<Vec<Credentials>>>,
    count: AtomicUsize,
    abandoned: AtomicUsize,
}

/// An in-process fake Step Functions on 127.0.0.1. Dropping it stops the
/// server and closes its connections.
///
/// Each request is answered by, in this order: the first scripted reply or
/// fault that matches it, else the raw handler if one is set
/// ([`set_handler`](Self::set_handler)), else the service. The service's
/// answers carry the JSON 1.0 content type and a fresh `x-amzn-RequestId`.
pub struct FakeSfn {
    shared: Arc<Shared>,
    server: Server,
}

impl FakeSfn {
    /// Starts a fake with no state on an OS-chosen port of 127.0.0.1.
    pub async fn start() -> Self {
        let shared = Arc::new(Shared::default());
        let fake = Self { server: Server::start(Arc::clone(&shared)).await, shared };
        fake.accept_credentials(fake.credentials());
        fake
    }

    /// `http://127.0.0.1:<port>`, for [`ClientBuilder::endpoint_url`](crate::ClientBuilder::endpoint_url).
    pub fn url(&self) -> String {
        format!("http://{}", self.server.addr())
    }

    /// `127.0.0.1:<port>`, as a client sends it in `Host`.
    pub fn host(&self) -> String {
        self.server.addr().to_string()
    }

    /// The credentials [`client`](Self::client) signs with (dummy ones).
    pub fn credentials(&self) -> Credentials {
        Credentials::new("AKIDFAKESFN", "fake-sfn-secret", None, None, "sfn-lite fake")
    }

    /// A client pointed at the fake, signing with [`credentials`](Self::credentials)
    /// for [`REGION`]. It retries as the standard retry mode does (3
    /// attempts, the same codes), with backoffs of milliseconds rather than
    /// seconds so that a scripted throttle does not slow the test down;
    /// [`client_builder`](Self::client_builder) changes any setting.
    pub fn client(&self) -> Client {
        self.client_builder().build().expect("a client for the fake: its settings are all valid")
    }

    /// The settings of [`client`](Self::client), to change some before
    /// `build()`.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// let fake = sfn_lite::testing::FakeSfn::start().await;
    /// let client = fake.client_builder().max_attempts(1).build().unwrap();
    /// fake.throttle_next(1);
    /// let err = client.list_state_machines().await.unwrap_err();
    /// assert!(err.code().is_some_and(|code| code.is_throttling()));
    /// # }
    /// ```
    pub fn client_builder(&self) -> ClientBuilder {
        Client::builder()
            .region(REGION)
            .endpoint_url(self.url())
            .credentials_provider(self.credentials())
            .retry_config(quick_retries())
    }

    /// Also accepts signatures made with `credentials` in
    /// [`Request::signature_verified`], for requests of a client you build
    /// yourself.
    pub fn accept_credentials(&self, credentials: Credentials) {
        lock(&self.shared.known).push(credentials);
    }

    // ---------------------------------------------------------------------
    // Faults.

    /// Fails the next call that `calls` matches (an operation name, or
    /// [`Match::Any`]) with a 400 service error: `{"__type": code,
    /// "message": message}` and `X-Amzn-ErrorType`, as the service sends
    /// them. The call does not reach the service. Whether the client
    /// retries depends on `code` (it retries `ThrottlingException`, not
    /// `ExecutionDoesNotExist`).
    pub fn fail_next(&self, calls: impl Into<Match>, code: &str, message: &str) {
        self.push_matching(calls, faults::service_error(code, message));
    }

    /// Answers each of the next `n` calls, whatever their operation, with
    /// `ThrottlingException` (which clients retry with backoff).
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// use sfn_lite::testing::FakeSfn;
    ///
    /// let fake = FakeSfn::start().await;
    /// fake.throttle_next(2);
    /// let arn = "arn:aws:states:us-east-1:123456789012:execution:orders:order-7";
    /// // Three attempts: two throttled, then the service's own answer.
    /// let _ = fake.client().describe_execution(arn).await;
    /// assert_eq!(fake.requests().len(), 3);
    /// # }
    /// ```
    pub fn throttle_next(&self, n: usize) {
        for _ in 0..n {
            self.push_matching(
                Match::Any,
                faults::service_error("ThrottlingException", "Rate exceeded"),
            );
        }
    }

    /// Answers the next call that `calls` matches `delay` late: the service
    /// acts on it at once, the answer waits (as when a reply is slow on the
    /// network). A client whose attempt timeout is shorter gives up on it.
    pub fn delay_next(&self, calls: impl Into<Match>, delay: Duration) {
        self.push_matching(calls, Reply::Normal.delayed(delay));
    }

    /// Resets the connection of the next call that `calls` matches (TCP
    /// RST, no answer): the client sees a transport error, and the service
    /// never sees the call.
    pub fn cut_next(&self, calls: impl Into<Match>) {
        self.push_matching(calls, Reply::Hangup);
    }

    /// Answers the next request, whatever it is, with `reply` (before any
    /// fault or reply scripted after it).
    pub fn push(&self, reply: Reply) {
        self.push_matching(Match::Any, reply);
    }

    /// Answers the next call that `calls` matches with `reply`.
    pub fn push_matching(&self, calls: impl Into<Match>, reply: Reply) {
        lock(&self.shared.script).push(calls.into(), reply);
    }

    /// Answers every request nothing scripted matches with `handler`
    /// instead of the service: for protocol-level tests that need answers
    /// no service gives (such as a malformed body).
    pub fn set_handler(&self, handler: impl Fn(&Request) -> Reply + Send + Sync + 'static) {
        *lock(&self.shared.handler) = Some(Arc::new(handler));
    }

    // ---------------------------------------------------------------------
    // Inspection.

    /// Every request received so far (those whose body has fully arrived),
    /// in arrival order.
    pub fn requests(&self) -> Vec<Request> {
        lock(&self.shared.requests).clone()
    }

    /// The last request received, if any.
    pub fn last_request(&self) -> Option<Request> {
        lock(&self.shared.requests).last().cloned()
    }

    /// How many requests arrived (counted as their head arrives).
    pub fn request_count(&self) -> usize {
        self.shared.count.load(Ordering::SeqCst)
    }

    /// How many requests the client gave up on before their answer was
    /// ready, such as a delayed answer to a call whose attempt timed out.
    pub fn abandoned_count(&self) -> usize {
        self.shared.abandoned.load(Ordering::SeqCst)
    }

    /// Forgets the recorded requests and both counts; the script, the
    /// handler and the service's state stay.
    pub fn reset(&self) {
        lock(&self.shared.requests).clear();
        self.shared.count.store(0, Ordering::SeqCst);
        self.shared.abandoned.store(0, Ordering::SeqCst);
    }

    /// The fake's state, locked.
    #[allow(dead_code)]
    pub(crate) fn world(&self) -> MutexGuard<'_, World> {
        lock(&self.shared.world)
    }
}

/// The standard retry policy (3 attempts, the same codes retried) with
/// backoffs of milliseconds: what [`FakeSfn::client`] retries with.
pub fn quick_retries() -> RetryConfig {
    RetryConfig::standard()
        .with_base_delay(Duration::from_millis(1))
        .with_throttling_base_delay(Duration::from_millis(2))
        .with_max_backoff(Duration::from_millis(20))
}

/// Locks `m`, ignoring poisoning: a test that panicked while holding the
/// lock must not hide the state from the next assertion.
pub(crate) fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}
