//! Test harness shared by the integration suites: an in-process HTTP server
//! on 127.0.0.1 that records every request and answers from a script, a
//! client wired to it, one assertion for what every request must carry, and
//! an independent SigV4 verifier ([`sigv4`]).
//!
//! Each suite compiles this module on its own and uses a different part of
//! it, so unused items are expected here.
#![allow(dead_code)]

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
use sfn_lite::{Client, ClientBuilder, Error, Operation, RequestBuilder};
use std::collections::VecDeque;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};
use tokio::net::TcpListener;
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

/// Long-term credentials (no session token).
pub fn plain_credentials() -> Credentials {
    Credentials::new(ACCESS_KEY_ID, SECRET_ACCESS_KEY, None, None, "test")
}

/// Temporary credentials, with a session token.
pub fn session_credentials() -> Credentials {
    Credentials::new(ACCESS_KEY_ID, SECRET_ACCESS_KEY, Some(SESSION_TOKEN.into()), None, "test")
}

/// A client builder pointed at `server`, signing with `credentials`: add
/// settings (timeouts) before `build()`.
pub fn builder(server: &Server, credentials: &Credentials) -> ClientBuilder {
    Client::builder()
        .region(REGION)
        .endpoint_url(server.url())
        .credentials_provider(credentials.clone())
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

    /// The body parsed as JSON.
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| {
            panic!("request body is not JSON ({e}): {:?}", String::from_utf8_lossy(&self.body))
        })
    }
}

// ---------------------------------------------------------------------------
// What the server answers.

/// What the server does with one request. Faults become further variants,
/// each one match arm in [`respond`]: a body cut off after some bytes is a
/// `StreamBody` that yields them and then an error (the body type already
/// allows it); a connection dropped before any answer is an `Err` from
/// `respond`, on which hyper closes the socket.
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

    /// Adds a header.
    pub fn header(mut self, name: &str, value: &str) -> Self {
        match &mut self {
            Self::Http { headers, .. } => headers.push((name.into(), value.into())),
            Self::Delay(_, inner) => **inner = inner.as_ref().clone().header(name, value),
        }
        self
    }

    /// The same reply after `delay`.
    pub fn delayed(self, delay: Duration) -> Self {
        Self::Delay(delay, Box::new(self))
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

    /// Stops accepting, closes every connection, and waits until the port
    /// is released, so a later connect is refused.
    pub async fn shutdown(mut self) {
        if let Some(task) = self.task.take() {
            task.abort();
            // Cancelled is the expected outcome; the wait is what matters.
            let _ = task.await;
        }
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
                connections.spawn(async move {
                    let service = service_fn(move |request| {
                        let state = Arc::clone(&state);
                        async move { respond(&state, request).await }
                    });
                    // A client hanging up mid-exchange is normal in these tests.
                    let _ = http1::Builder::new()
                        .serve_connection(TokioIo::new(stream), service)
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

/// A response body that may fail part-way, so a fault can cut a response
/// off after some bytes (hyper then closes the connection).
type Body = BoxBody<Bytes, std::io::Error>;

async fn respond(
    state: &State,
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
    loop {
        match reply {
            Reply::Delay(delay, inner) => {
                tokio::time::sleep(delay).await;
                reply = *inner;
            }
            Reply::Http { status, headers, body } => {
                let mut response = hyper::Response::new(
                    Full::new(Bytes::from(body)).map_err(|never| match never {}).boxed(),
                );
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
                // Answered: not abandoned.
                std::mem::forget(abandoned);
                return Ok(response);
            }
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
    assert_eq!(
        request.header("x-amz-target"),
        Some(format!("AWSStepFunctions.{operation}").as_str()),
        "{ctx}"
    );
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
