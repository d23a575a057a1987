//! Test harness shared by the integration suites: the crate's fake
//! (`sfn_lite::testing`) as a scripted server ([`Server`]) that records
//! every request and answers from a script (with faults: delays, resets,
//! truncated and slow bodies, hang-ups, a skewed clock), a client wired to
//! it and an offline one, one assertion for what every request must carry,
//! checked with the fake's independent SigV4 verifier ([`sigv4`]), the
//! crate's list of operations ([`OPERATIONS`]), the fixture loader
//! ([`fixture`]) and the service model's facts ([`model`]).
//!
//! Each suite compiles this module on its own and uses a different part of
//! it, so unused items are expected here.
#![allow(dead_code)]

pub mod model;

use aws_credential_types::Credentials;
use futures::future::BoxFuture;
use serde::Serialize;
use serde_json::Value;
use sfn_lite::testing::FakeSfn;
use sfn_lite::{Client, ClientBuilder, Error, Operation, RequestBuilder};
use std::net::SocketAddr;
use std::time::{Duration, SystemTime};

/// The region every test client signs for.
pub const REGION: &str = "us-east-1";
/// The access key id of the test credentials (AWS's documentation example).
pub const ACCESS_KEY_ID: &str = "AKIDEXAMPLE";
/// The secret of the test credentials (AWS's documentation example).
pub const SECRET_ACCESS_KEY: &str = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
/// The session token of [`session_credentials`].
pub const SESSION_TOKEN: &str = "FwoGZXIvYXdzEXAMPLE//session+token=";

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
/// fast; the fake's own clients retry so too.
pub use sfn_lite::testing::quick_retries as fast_retries;

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
// The server: the fake of `sfn_lite::testing`, used as a scripted server.

/// One request as the server received it.
pub use sfn_lite::testing::Request as Recorded;
/// The independent SigV4 verifier.
pub use sfn_lite::testing::sigv4;
/// What the server answers, and its faults.
#[allow(unused_imports)]
pub use sfn_lite::testing::{JSON_1_0, REQUEST_ID, Reply, TARGET_PREFIX};

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

/// The crate's fake ([`FakeSfn`]) as a scripted server: requests nothing
/// scripted answers get [`unscripted`]'s 500 rather than the fake service's
/// answer, until [`FakeSfn::set_handler`] replaces it. Everything else
/// (`push`, `set_handler`, `requests`, `request_count`, `abandoned_count`,
/// `reset`, `url`, `host`, the faults) is the fake's. Dropping it closes
/// the listener and every connection.
pub struct Server(FakeSfn);

impl Server {
    /// Starts a server with an empty script.
    pub async fn start() -> Self {
        let fake = FakeSfn::start().await;
        fake.set_handler(|_| unscripted());
        Self(fake)
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

    /// The last request received; panics if there was none.
    pub fn last_request(&self) -> Recorded {
        self.0.last_request().expect("the server received no request")
    }
}

impl std::ops::Deref for Server {
    type Target = FakeSfn;

    fn deref(&self) -> &FakeSfn {
        &self.0
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
// A plain HTTP client.

/// A `reqwest` client builder for requests the crate's `Client` would not
/// send. With the default `rustls-ring` feature reqwest has no TLS provider
/// of its own, so this one is named (it is never used: every test server is
/// plain HTTP on 127.0.0.1).
pub fn http_builder() -> reqwest::ClientBuilder {
    let builder = reqwest::Client::builder();
    #[cfg(feature = "rustls-ring")]
    let builder = {
        let provider = std::sync::Arc::new(rustls::crypto::ring::default_provider());
        let tls = rustls::ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .expect("TLS versions")
            .with_root_certificates(rustls::RootCertStore::empty())
            .with_no_client_auth();
        builder.tls_backend_preconfigured(tls)
    };
    builder
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
