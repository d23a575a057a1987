//! Test harness shared by the integration suites: an in-process HTTP server
//! on 127.0.0.1 that records every request and answers from a script (with
//! faults: delays, resets, truncated and slow bodies, hang-ups, a skewed
//! clock), a client wired to it and an offline one, one assertion for what
//! every request must carry, an independent SigV4 verifier ([`sigv4`]), the
//! crate's list of operations ([`OPERATIONS`]), the fixture loader
//! ([`fixture`]) and the service model's facts ([`model`]).
//!
//! Each suite compiles this module on its own and uses a different part of
//! it, so unused items are expected here.
#![allow(dead_code)]

pub mod model;
pub mod sigv4;

use aws_credential_types::Credentials;
use futures::future::BoxFuture;
use http_body_util::combinators::BoxBody;
use http_body_util::{BodyExt, Full};
use hyper::body::{Bytes, Incoming};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use serde::Serialize;
use serde_json::Value;
use sfn_lite::{Client, ClientBuilder, Error, Operation, RequestBuilder, RetryConfig};
use std::collections::VecDeque;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::task::{Context, Poll};
use std::time::{Duration, Instant, SystemTime};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::{JoinHandle, JoinSet};

/// The region every test client signs for.
pub const REGION: &str = "us-east-1";
/// The access key id of the test credentials (AWS's documentation example).
pub const ACCESS_KEY_ID: &str = "AKIDEXAMPLE";
/// The secret of the test credentials (AWS's documentation example).
pub const SECRET_ACCESS_KEY: &str = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
/// The session token of [`session_credentials`].
pub const SESSION_TOKEN: &str = "FwoGZXIvYXdzEXAMPLE//session+token=";
/// The `x-amzn-RequestId` every scripted JSON reply carries.
pub const REQUEST_ID: &str = "c0ffee00-1234-4abc-8def-000000000001";
/// The content type of the AWS JSON 1.0 protocol.
pub const JSON_1_0: &str = "application/x-amz-json-1.0";

/// The crate's operations, each once, in the order of the issue tracker.
/// Every table-driven suite checks that it has a row for each, and
/// `tests/fixtures/generate_model_fixtures.py` reads this list to write the
/// model's facts about them.
pub const OPERATIONS: [&str; 37] = [
    "ListMapRuns",
    "DescribeMapRun",
    "UpdateMapRun",
    "DescribeExecution",
    "ListExecutions",
    "GetExecutionHistory",
    "StartExecution",
    "StopExecution",
    "RedriveExecution",
    "DescribeStateMachine",
    "DescribeStateMachineForExecution",
    "CreateStateMachine",
    "DeleteStateMachine",
    "ListStateMachines",
    "TagResource",
    "UntagResource",
    "ListTagsForResource",
    "CreateActivity",
    "DeleteActivity",
    "DescribeActivity",
    "ListActivities",
    "GetActivityTask",
    "SendTaskSuccess",
    "SendTaskFailure",
    "SendTaskHeartbeat",
    "PublishStateMachineVersion",
    "ListStateMachineVersions",
    "DeleteStateMachineVersion",
    "CreateStateMachineAlias",
    "DescribeStateMachineAlias",
    "UpdateStateMachineAlias",
    "DeleteStateMachineAlias",
    "ListStateMachineAliases",
    "UpdateStateMachine",
    "ValidateStateMachineDefinition",
    "StartSyncExecution",
    "TestState",
];

/// Asserts that `ops` name each of [`OPERATIONS`] exactly once (in any
/// order): `what` says whose list it is.
pub fn assert_every_operation_once<'a>(what: &str, ops: impl IntoIterator<Item = &'a str>) {
    let mut ops: Vec<&str> = ops.into_iter().collect();
    ops.sort_unstable();
    let mut expected = OPERATIONS.to_vec();
    expected.sort_unstable();
    assert_eq!(ops, expected, "{what}: each of the crate's operations, once");
}

/// Whether `token` is an idempotency token as the crate generates them: a
/// version-4 UUID in lowercase text form (which also meets the model's
/// `ClientToken`: 1 to 64 printable ASCII characters, no space).
pub fn is_uuid_v4(token: &str) -> bool {
    let bytes = token.as_bytes();
    token.len() == 36
        && bytes.iter().enumerate().all(|(i, b)| match i {
            8 | 13 | 18 | 23 => *b == b'-',
            _ => b.is_ascii_digit() || (b'a'..=b'f').contains(b),
        })
        && bytes[14] == b'4'
        && matches!(bytes[19], b'8' | b'9' | b'a' | b'b')
}

/// What `X-Amz-Target` carries before the operation name.
pub const TARGET_PREFIX: &str = "AWSStepFunctions.";

/// The path of `tests/fixtures/<name>` (name with its extension).
pub fn fixture_path(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

/// The text of `tests/fixtures/<name>` (name with its extension).
pub fn fixture(name: &str) -> String {
    let path = fixture_path(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// `tests/fixtures/<name>` parsed as JSON.
pub fn fixture_json(name: &str) -> Value {
    serde_json::from_str(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// A client that never talks to a server (its endpoint is the discard port
/// of 127.0.0.1, one attempt), signing with [`plain_credentials`]: for
/// building inputs and looking at them.
pub fn offline_client() -> Client {
    Client::builder()
        .region(REGION)
        .endpoint_url("http://127.0.0.1:9")
        .credentials_provider(plain_credentials())
        .max_attempts(1)
        .build()
        .expect("an offline client")
}

/// Long-term credentials (no session token).
pub fn plain_credentials() -> Credentials {
    Credentials::new(ACCESS_KEY_ID, SECRET_ACCESS_KEY, None, None, "test")
}

/// Temporary credentials, with a session token.
pub fn session_credentials() -> Credentials {
    Credentials::new(ACCESS_KEY_ID, SECRET_ACCESS_KEY, Some(SESSION_TOKEN.into()), None, "test")
}

/// Retry timing for tests: the standard policy (3 attempts, the quota) with
/// millisecond backoffs, so suites that meet throttling or 5xx answers stay
/// fast.
pub fn fast_retries() -> RetryConfig {
    RetryConfig::standard()
        .with_base_delay(Duration::from_millis(1))
        .with_throttling_base_delay(Duration::from_millis(2))
        .with_max_backoff(Duration::from_millis(20))
}

/// A client builder pointed at `server`, signing with `credentials`, with
/// [`fast_retries`]: add settings (timeouts, attempts) before `build()`.
pub fn builder(server: &Server, credentials: &Credentials) -> ClientBuilder {
    Client::builder()
        .region(REGION)
        .endpoint_url(server.url())
        .credentials_provider(credentials.clone())
        .retry_config(fast_retries())
}

/// A client for `server` with [`plain_credentials`].
pub fn client(server: &Server) -> Client {
    client_with(server, &plain_credentials())
}

/// A client for `server` signing with `credentials`.
pub fn client_with(server: &Server, credentials: &Credentials) -> Client {
    builder(server, credentials).build().expect("a client for the test server")
}

// ---------------------------------------------------------------------------
// Sending any operation from a table row.

/// A call in flight, its output turned into JSON so rows of different
/// operations fit one table.
pub type Pending = BoxFuture<'static, Result<Value, Error>>;

/// The three ways the public API sends a request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Via {
    /// `builder.send().await`
    Send,
    /// `builder.await` (the builder is `IntoFuture`)
    Await,
    /// `client.send(builder.into_input()).await`
    ClientSend,
}

/// Every [`Via`].
pub const ALL_VIAS: [Via; 3] = [Via::Send, Via::Await, Via::ClientSend];

/// Sends `request` (built from `client`) the way `via` says; the output
/// comes back as JSON.
pub fn send_via<O>(client: &Client, request: RequestBuilder<O>, via: Via) -> Pending
where
    O: Operation,
    O::Output: Serialize,
{
    match via {
        Via::Send => Box::pin(async move { request.send().await.map(to_json) }),
        Via::Await => Box::pin(async move { request.await.map(to_json) }),
        Via::ClientSend => {
            let client = client.clone();
            let input = request.into_input();
            Box::pin(async move { client.send(input).await.map(to_json) })
        }
    }
}

/// Sends `request` with `.send()`; the output comes back as JSON.
pub fn send<O>(request: RequestBuilder<O>) -> Pending
where
    O: Operation,
    O::Output: Serialize,
{
    Box::pin(async move { request.send().await.map(to_json) })
}

/// Sends a plain input with `client.send(input)`; the output comes back as
/// JSON.
pub fn send_input<O>(client: &Client, input: O) -> Pending
where
    O: Operation,
    O::Output: Serialize,
{
    let client = client.clone();
    Box::pin(async move { client.send(input).await.map(to_json) })
}

fn to_json<T: Serialize>(output: T) -> Value {
    serde_json::to_value(output).expect("an output serializes to JSON")
}

// ---------------------------------------------------------------------------
// What the server records.

/// One request as the server received it.
#[derive(Clone, Debug)]
pub struct Recorded {
    /// `POST`, `GET`, ...
    pub method: String,
    /// The request target: path and query, as sent.
    pub path: String,
    /// Every header in arrival order, names lowercased.
    pub headers: Vec<(String, String)>,
    /// The body bytes.
    pub body: Vec<u8>,
    /// When the request's head arrived.
    pub at: Instant,
}

impl Recorded {
    /// The first value of a header (name in any case).
    pub fn header<'a>(&'a self, name: &str) -> Option<&'a str> {
        self.header_values(name).next()
    }

    /// Every value of a header (name in any case), in order.
    pub fn header_values<'a, 'n>(
        &'a self,
        name: &'n str,
    ) -> impl Iterator<Item = &'a str> + use<'a, 'n> {
        self.headers
            .iter()
            .filter(move |(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The operation `X-Amz-Target` names (without [`TARGET_PREFIX`]);
    /// `None` without the header or the prefix.
    pub fn operation(&self) -> Option<&str> {
        self.header("x-amz-target")?.strip_prefix(TARGET_PREFIX)
    }

    /// The body parsed as JSON.
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| {
            panic!("request body is not JSON ({e}): {:?}", String::from_utf8_lossy(&self.body))
        })
    }
}

// ---------------------------------------------------------------------------
// What the server answers.

/// What the server does with one request: an answer, or a fault wrapped
/// around one. Each variant is one match arm in [`respond`].
#[derive(Clone, Debug)]
pub enum Reply {
    /// A complete HTTP response.
    Http {
        /// The status code.
        status: u16,
        /// Headers, in order.
        headers: Vec<(String, String)>,
        /// The body.
        body: Vec<u8>,
    },
    /// Waits, then answers with the inner reply.
    Delay(Duration, Box<Reply>),
    /// Sends the inner reply's head (with its full `Content-Length`) and the
    /// first bytes of its body, then resets the connection (TCP RST).
    ResetAfter(usize, Box<Reply>),
    /// Sends the inner reply's head (with its full `Content-Length`) and the
    /// first bytes of its body, then closes the connection normally: the
    /// body arrives truncated.
    Truncated(usize, Box<Reply>),
    /// Sends the inner reply's head at once and its body after a delay.
    SlowBody(Duration, Box<Reply>),
    /// Resets the connection without answering.
    Hangup,
}

impl Reply {
    /// A response with a body and no headers yet.
    pub fn raw(status: u16, body: impl Into<Vec<u8>>) -> Self {
        Self::Http { status, headers: Vec::new(), body: body.into() }
    }

    /// An AWS JSON 1.0 response, with the content type and [`REQUEST_ID`].
    pub fn json(status: u16, body: impl Into<Vec<u8>>) -> Self {
        Self::raw(status, body)
            .header("Content-Type", JSON_1_0)
            .header("x-amzn-RequestId", REQUEST_ID)
    }

    /// A 200 JSON response.
    pub fn ok(body: impl Into<Vec<u8>>) -> Self {
        Self::json(200, body)
    }

    /// A 400 service error the way Step Functions sends it:
    /// `{"__type":"<code>","message":"<message>"}`.
    pub fn service_error(code: &str, message: &str) -> Self {
        let body = serde_json::json!({ "__type": code, "message": message });
        Self::json(400, body.to_string())
    }

    /// Adds a header (to the answer inside any fault).
    pub fn header(mut self, name: &str, value: &str) -> Self {
        match &mut self {
            Self::Http { headers, .. } => headers.push((name.into(), value.into())),
            Self::Delay(_, inner)
            | Self::ResetAfter(_, inner)
            | Self::Truncated(_, inner)
            | Self::SlowBody(_, inner) => **inner = inner.as_ref().clone().header(name, value),
            Self::Hangup => {}
        }
        self
    }

    /// The same reply after `delay`.
    pub fn delayed(self, delay: Duration) -> Self {
        Self::Delay(delay, Box::new(self))
    }

    /// The same reply, reset by the server after `bytes` of its body.
    pub fn reset_after(self, bytes: usize) -> Self {
        Self::ResetAfter(bytes, Box::new(self))
    }

    /// The same reply, its body cut off after `bytes` (the head still
    /// announces the full length).
    pub fn truncated(self, bytes: usize) -> Self {
        Self::Truncated(bytes, Box::new(self))
    }

    /// The same reply, its body sent `delay` after its head.
    pub fn slow_body(self, delay: Duration) -> Self {
        Self::SlowBody(delay, Box::new(self))
    }
}

// ---------------------------------------------------------------------------
// Clocks, for the skew fault.

/// An HTTP `Date` (IMF-fixdate): `Sun, 06 Nov 1994 08:49:37 GMT`.
pub fn http_date(at: SystemTime) -> String {
    let t = time::OffsetDateTime::from(at);
    let weekday = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        [usize::from(t.weekday().number_days_from_monday())];
    let month =
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
            [usize::from(u8::from(t.month()) - 1)];
    format!(
        "{weekday}, {:02} {month} {} {:02}:{:02}:{:02} GMT",
        t.day(),
        t.year(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

/// Parses an `X-Amz-Date` (`20150830T123600Z`).
pub fn parse_amz_date(value: &str) -> Option<SystemTime> {
    let digits = |range: std::ops::Range<usize>| value.get(range)?.parse::<u32>().ok();
    if value.len() != 16 || value.get(8..9) != Some("T") || !value.ends_with('Z') {
        return None;
    }
    let month = time::Month::try_from(u8::try_from(digits(4..6)?).ok()?).ok()?;
    let date = time::Date::from_calendar_date(
        i32::try_from(digits(0..4)?).ok()?,
        month,
        u8::try_from(digits(6..8)?).ok()?,
    )
    .ok()?;
    let time = time::Time::from_hms(
        u8::try_from(digits(9..11)?).ok()?,
        u8::try_from(digits(11..13)?).ok()?,
        u8::try_from(digits(13..15)?).ok()?,
    )
    .ok()?;
    Some(date.with_time(time).assume_utc().into())
}

/// A server whose clock runs `skew` ahead of ours (behind when negative
/// seconds): like AWS, it refuses a request whose `X-Amz-Date` is more than
/// 5 minutes from its clock with `InvalidSignatureException` and a `Date`
/// header, and answers `ok` (also with its `Date`) otherwise.
pub fn skewed_clock(skew_secs: i64, ok: Reply) -> impl Fn(&Recorded) -> Reply + Send + Sync {
    move |request| {
        let now = SystemTime::now();
        let server_now = if skew_secs >= 0 {
            now + Duration::from_secs(skew_secs.unsigned_abs())
        } else {
            now - Duration::from_secs(skew_secs.unsigned_abs())
        };
        let date = http_date(server_now);
        let signed = request.header("x-amz-date").and_then(parse_amz_date);
        let off = signed.map(|at| match at.duration_since(server_now) {
            Ok(ahead) => ahead,
            Err(behind) => behind.duration(),
        });
        match off {
            Some(off) if off <= Duration::from_secs(5 * 60) => ok.clone().header("Date", &date),
            _ => Reply::service_error(
                "InvalidSignatureException",
                &format!(
                    "Signature expired: {} is now earlier than the server's time minus 5 min.",
                    request.header("x-amz-date").unwrap_or("(none)")
                ),
            )
            .header("Date", &date),
        }
    }
}

/// What the server answers when nothing was scripted: a 500 a test cannot
/// mistake for a real answer.
fn unscripted() -> Reply {
    Reply::json(
        500,
        r#"{"__type":"NoReplyScripted","message":"the test server had no reply for this request"}"#,
    )
}

type Handler = Arc<dyn Fn(&Recorded) -> Reply + Send + Sync>;

#[derive(Default)]
struct State {
    requests: Mutex<Vec<Recorded>>,
    script: Mutex<VecDeque<Reply>>,
    handler: Mutex<Option<Handler>>,
    count: AtomicUsize,
    abandoned: AtomicUsize,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A test that panicked while holding the lock must not hide the
    // recordings from the next assertion.
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl State {
    /// The scripted reply first, else the handler's, else [`unscripted`].
    fn reply_for(&self, request: &Recorded) -> Reply {
        if let Some(reply) = lock(&self.script).pop_front() {
            return reply;
        }
        let handler = lock(&self.handler).clone();
        handler.map_or_else(unscripted, |h| h(request))
    }
}

// ---------------------------------------------------------------------------
// The server.

/// An HTTP/1.1 server on 127.0.0.1 with an OS-chosen port. Dropping it (or
/// [`Server::shutdown`]) closes the listener and every connection.
pub struct Server {
    addr: SocketAddr,
    state: Arc<State>,
    task: Option<JoinHandle<()>>,
}

impl Server {
    /// Starts a server with an empty script.
    pub async fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind 127.0.0.1:0");
        let addr = listener.local_addr().expect("the listener's address");
        let state = Arc::new(State::default());
        let task = tokio::spawn(accept_loop(listener, Arc::clone(&state)));
        Self { addr, state, task: Some(task) }
    }

    /// Starts a server that answers every request with `handler`.
    pub async fn with_handler(
        handler: impl Fn(&Recorded) -> Reply + Send + Sync + 'static,
    ) -> Self {
        let server = Self::start().await;
        server.set_handler(handler);
        server
    }

    /// Starts a server that answers every request with `reply`.
    pub async fn always(reply: Reply) -> Self {
        Self::with_handler(move |_| reply.clone()).await
    }

    /// `http://127.0.0.1:<port>`, for `endpoint_url`.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// `127.0.0.1:<port>`, as the client sends it in `Host`.
    pub fn host(&self) -> String {
        self.addr.to_string()
    }

    /// Queues a reply for the next request; queued replies go first, in order.
    pub fn push(&self, reply: Reply) {
        lock(&self.state.script).push_back(reply);
    }

    /// Answers requests the queue has no reply for.
    pub fn set_handler(&self, handler: impl Fn(&Recorded) -> Reply + Send + Sync + 'static) {
        *lock(&self.state.handler) = Some(Arc::new(handler));
    }

    /// How many requests arrived (counted as their head arrives).
    pub fn request_count(&self) -> usize {
        self.state.count.load(Ordering::SeqCst)
    }

    /// How many requests the client gave up on before their reply was ready
    /// (hyper drops the pending reply when the client closes the connection),
    /// such as a delayed reply to a request the client cancelled.
    pub fn abandoned_count(&self) -> usize {
        self.state.abandoned.load(Ordering::SeqCst)
    }

    /// Every request received so far (those whose body has fully arrived).
    pub fn requests(&self) -> Vec<Recorded> {
        lock(&self.state.requests).clone()
    }

    /// The last request received; panics if there was none.
    pub fn last_request(&self) -> Recorded {
        lock(&self.state.requests).last().cloned().expect("the server received no request")
    }

    /// Forgets recorded requests and the count (the script stays).
    pub fn reset(&self) {
        lock(&self.state.requests).clear();
        self.state.count.store(0, Ordering::SeqCst);
        self.state.abandoned.store(0, Ordering::SeqCst);
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(task) = self.task.take() {
            task.abort();
        }
    }
}

async fn accept_loop(listener: TcpListener, state: Arc<State>) {
    // Connections live in this set, so aborting the loop closes them too.
    let mut connections = JoinSet::new();
    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let Ok((stream, _)) = accepted else { continue };
                let state = Arc::clone(&state);
                let reset = Arc::new(AtomicBool::new(false));
                let conn = Conn { stream, reset: Arc::clone(&reset) };
                connections.spawn(async move {
                    let service = service_fn(move |request| {
                        let state = Arc::clone(&state);
                        let reset = Arc::clone(&reset);
                        async move { respond(&state, &reset, request).await }
                    });
                    // A client hanging up mid-exchange is normal in these tests.
                    let _ = http1::Builder::new()
                        .serve_connection(TokioIo::new(conn), service)
                        .await;
                });
            }
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
        }
    }
}

/// Counts a reply dropped before it was ready: hyper drops [`respond`] when
/// the client hangs up mid-request.
struct Abandoned<'a>(&'a AtomicUsize);

impl Drop for Abandoned<'_> {
    fn drop(&mut self) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }
}

/// A connection that, once its `reset` flag is set, closes with a TCP RST
/// (zero linger) rather than a FIN when hyper drops it.
struct Conn {
    stream: TcpStream,
    reset: Arc<AtomicBool>,
}

impl Drop for Conn {
    fn drop(&mut self) {
        if self.reset.load(Ordering::SeqCst) {
            // Best effort: without it the client sees a FIN, still a fault.
            let _ = self.stream.set_zero_linger();
        }
    }
}

impl AsyncRead for Conn {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.stream).poll_read(cx, buf)
    }
}

impl AsyncWrite for Conn {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        Pin::new(&mut self.stream).poll_write(cx, buf)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.stream).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.stream).poll_shutdown(cx)
    }
}

/// A response body that may fail part-way, so a fault can cut a response
/// off after some bytes (hyper then closes the connection).
type Body = BoxBody<Bytes, std::io::Error>;

/// How the body of an answer goes out.
enum Delivery {
    Whole,
    ResetAfter(usize),
    Truncated(usize),
    Slow(Duration),
}

async fn respond(
    state: &State,
    reset: &Arc<AtomicBool>,
    request: hyper::Request<Incoming>,
) -> Result<hyper::Response<Body>, std::io::Error> {
    let at = Instant::now();
    state.count.fetch_add(1, Ordering::SeqCst);
    let abandoned = Abandoned(&state.abandoned);
    let (parts, body) = request.into_parts();
    let body = match body.collect().await {
        Ok(collected) => collected.to_bytes().to_vec(),
        Err(_) => Vec::new(),
    };
    let recorded = Recorded {
        method: parts.method.to_string(),
        path: parts.uri.path_and_query().map_or_else(|| "/".into(), |p| p.as_str().into()),
        headers: parts
            .headers
            .iter()
            .map(|(n, v)| (n.as_str().to_owned(), String::from_utf8_lossy(v.as_bytes()).into()))
            .collect(),
        body,
        at,
    };
    let mut reply = state.reply_for(&recorded);
    lock(&state.requests).push(recorded);
    let mut delivery = Delivery::Whole;
    loop {
        match reply {
            Reply::Delay(delay, inner) => {
                tokio::time::sleep(delay).await;
                reply = *inner;
            }
            Reply::ResetAfter(n, inner) => (delivery, reply) = (Delivery::ResetAfter(n), *inner),
            Reply::Truncated(n, inner) => (delivery, reply) = (Delivery::Truncated(n), *inner),
            Reply::SlowBody(d, inner) => (delivery, reply) = (Delivery::Slow(d), *inner),
            Reply::Hangup => {
                reset.store(true, Ordering::SeqCst);
                return Err(std::io::Error::other("scripted hang-up"));
            }
            Reply::Http { status, headers, body } => {
                let full_length = body.len();
                let mut response = hyper::Response::new(body_for(body, delivery, reset));
                *response.status_mut() =
                    hyper::StatusCode::from_u16(status).expect("a valid scripted status");
                for (name, value) in headers {
                    response.headers_mut().append(
                        hyper::header::HeaderName::from_bytes(name.as_bytes())
                            .expect("a valid scripted header name"),
                        hyper::header::HeaderValue::from_str(&value)
                            .expect("a valid scripted header value"),
                    );
                }
                // A streamed body would go chunked; announce the whole length
                // so a cut-off body is visibly short.
                response
                    .headers_mut()
                    .entry(hyper::header::CONTENT_LENGTH)
                    .or_insert_with(|| full_length.into());
                // Answered: not abandoned.
                std::mem::forget(abandoned);
                return Ok(response);
            }
        }
    }
}

fn body_for(body: Vec<u8>, delivery: Delivery, reset: &Arc<AtomicBool>) -> Body {
    use futures::stream::{self, StreamExt};
    use http_body_util::StreamBody;
    use hyper::body::Frame;
    let body = Bytes::from(body);
    let prefix = |n: usize| Ok(Frame::data(body.slice(..n.min(body.len()))));
    match delivery {
        Delivery::Whole => Full::new(body).map_err(|never| match never {}).boxed(),
        Delivery::ResetAfter(n) => {
            let reset = Arc::clone(reset);
            let fail = stream::once(async move {
                // Let hyper flush the prefix before the connection dies.
                tokio::time::sleep(Duration::from_millis(20)).await;
                reset.store(true, Ordering::SeqCst);
                Err(std::io::Error::other("scripted reset"))
            });
            BoxBody::new(StreamBody::new(stream::iter([prefix(n)]).chain(fail)))
        }
        Delivery::Truncated(n) => {
            // Pause before ending, so hyper sends the prefix before it notices
            // the body is short and closes the connection.
            let pause = stream::once(tokio::time::sleep(Duration::from_millis(20)))
                .filter_map(|()| async { None });
            BoxBody::new(StreamBody::new(stream::iter([prefix(n)]).chain(pause)))
        }
        Delivery::Slow(delay) => {
            let later = stream::once(async move {
                tokio::time::sleep(delay).await;
                Ok(Frame::data(body))
            });
            BoxBody::new(StreamBody::new(later))
        }
    }
}

// ---------------------------------------------------------------------------
// The assertion every request must pass.

/// Asserts what every Step Functions request carries: `POST /`, the target
/// header for `operation`, the JSON 1.0 content type, our user agent, a host
/// of `server`, and a SigV4 signature that an independent verifier recomputes
/// from the recorded bytes with `credentials`; with a session token, the
/// `X-Amz-Security-Token` header, signed.
pub fn assert_request(request: &Recorded, operation: &str, credentials: &Credentials) {
    let ctx = format!("{operation}: {request:#?}");
    assert_eq!(request.method, "POST", "{ctx}");
    assert_eq!(request.path, "/", "{ctx}");
    assert_eq!(request.header_values("x-amz-target").count(), 1, "{ctx}");
    assert_eq!(request.operation(), Some(operation), "{ctx}");
    assert_eq!(request.header("content-type"), Some(JSON_1_0), "{ctx}");
    let agent = request.header("user-agent").unwrap_or_default();
    assert!(agent.contains("sfn-lite/"), "user agent {agent:?}: {ctx}");
    assert_eq!(request.header_values("authorization").count(), 1, "{ctx}");

    let verified = sigv4::verify(
        request,
        &sigv4::Expect {
            access_key_id: credentials.access_key_id(),
            secret_access_key: credentials.secret_access_key(),
            region: REGION,
            service: "states",
        },
    )
    .unwrap_or_else(|e| panic!("{operation}: SigV4 verification failed: {e}"));

    let mut required = vec!["content-type", "host", "x-amz-date", "x-amz-target"];
    match credentials.session_token() {
        Some(token) => {
            assert_eq!(request.header("x-amz-security-token"), Some(token), "{ctx}");
            required.push("x-amz-security-token");
        }
        None => assert_eq!(request.header("x-amz-security-token"), None, "{ctx}"),
    }
    for name in required {
        assert!(
            verified.signed_headers.iter().any(|h| h == name),
            "{operation}: `{name}` is not signed (signed: {:?})",
            verified.signed_headers
        );
    }
}

// ---------------------------------------------------------------------------
// A refused connection.

/// An address on 127.0.0.1 that refuses connections for as long as the
/// returned socket lives: the port is bound but never listened on, so the
/// kernel answers a connection attempt with a reset ("connection refused").
/// The bound socket keeps the port reserved: without `SO_REUSEADDR` no other
/// socket (of a concurrent test or another process) can bind it, and the
/// kernel picks no bound port for an outgoing connection. A port freed by
/// dropping a listener (or by [`Server::shutdown`]) has no such guarantee:
/// the OS may hand it to a concurrent test's listener before the connect.
pub fn refusing_address() -> (tokio::net::TcpSocket, SocketAddr) {
    let socket = tokio::net::TcpSocket::new_v4().expect("a TCP socket");
    socket.bind(SocketAddr::from(([127, 0, 0, 1], 0))).expect("bind 127.0.0.1:0");
    let addr = socket.local_addr().expect("the socket's address");
    (socket, addr)
}
