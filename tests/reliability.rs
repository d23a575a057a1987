//! Reliability against a fault-injecting server on 127.0.0.1: the standard
//! retry mode (what is retried, backoff, `x-amz-retry-after`, the retry
//! quota), the attempt and operation timeouts, clock-skew correction,
//! credential refresh, and paginators that lose and duplicate nothing while
//! a tenth of their requests fail.
//!
//! Timing assertions use the arrival times the server records, with bounds
//! wide enough for a loaded CI machine and narrow enough to tell the policy's
//! delays apart.

mod common;

use aws_credential_types::Credentials;
use aws_credential_types::provider::error::CredentialsError;
use aws_credential_types::provider::{ProvideCredentials, future};
use common::{
    Recorded, Reply, Server, assert_request, builder, client, fast_retries, plain_credentials,
    session_credentials, skewed_clock,
};
use futures::TryStreamExt;
use sfn_lite::{Client, ClientBuilder, ErrorCode, ErrorKind, RetryConfig};
use std::collections::VecDeque;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

const EXECUTION_ARN: &str = "arn:aws:states:us-east-1:123456789012:execution:orders:run-1";
const STATE_MACHINE_ARN: &str = "arn:aws:states:us-east-1:123456789012:stateMachine:orders";
const DESCRIBED: &str = r#"{"executionArn": "arn:aws:states:us-east-1:123456789012:execution:orders:run-1",
    "stateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:orders",
    "status": "RUNNING", "startDate": 1795559751.538}"#;

fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

fn unavailable() -> Reply {
    Reply::json(503, r#"{"__type": "ServiceUnavailable", "message": "try again"}"#)
}

fn throttled() -> Reply {
    Reply::service_error("ThrottlingException", "Rate exceeded")
}

fn html_500() -> Reply {
    Reply::raw(500, "<html><body><h1>500 Internal Server Error</h1></body></html>")
        .header("Content-Type", "text/html")
}

/// Checks every request the server saw: the same operation and body, each
/// signed afresh and valid.
fn assert_attempts(server: &Server, credentials: &Credentials, expected: usize) -> Vec<Recorded> {
    let seen = server.requests();
    assert_eq!(seen.len(), expected, "requests: {seen:#?}");
    for request in &seen {
        assert_request(request, "DescribeExecution", credentials);
        assert_eq!(request.body, seen[0].body, "every attempt sends the same body");
    }
    seen
}

async fn describe(
    client: &Client,
) -> Result<sfn_lite::operations::DescribeExecutionOutput, sfn_lite::Error> {
    client.describe_execution(EXECUTION_ARN).await
}

// ---------------------------------------------------------------------------
// What is retried.

#[tokio::test]
async fn a_503_then_success() {
    let server = Server::start().await;
    server.push(unavailable());
    server.push(Reply::ok(DESCRIBED));
    let out = describe(&client(&server)).await.expect("the retry succeeds");
    assert_eq!(out.execution_arn, EXECUTION_ARN);
    assert_attempts(&server, &plain_credentials(), 2);
}

#[tokio::test]
async fn throttling_twice_then_success() {
    let server = Server::start().await;
    server.push(throttled());
    server.push(Reply::service_error("com.amazonaws.sfn#ThrottlingException", "again"));
    server.push(Reply::ok(DESCRIBED));
    let credentials = session_credentials();
    let client = builder(&server, &credentials).build().unwrap();
    describe(&client).await.expect("the third attempt succeeds");
    assert_attempts(&server, &credentials, 3);
}

#[tokio::test]
async fn exhausted_retries_give_the_last_error_with_the_attempt_count() {
    let server = Server::start().await;
    let n = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&n);
    server.set_handler(move |_| {
        let i = counter.fetch_add(1, Ordering::SeqCst) + 1;
        Reply::json(503, format!(r#"{{"__type": "ServiceUnavailable", "message": "attempt {i}"}}"#))
    });
    let e = describe(&client(&server)).await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Service, "{e:?}");
    assert_eq!(e.code(), Some(&ErrorCode::ServiceUnavailable));
    assert_eq!(e.message(), Some("attempt 3"), "the last error, not the first");
    assert_eq!(e.attempts(), 3);
    let shown = e.to_string();
    assert!(shown.contains("DescribeExecution") && shown.contains("after 3 attempts"), "{shown}");
    assert_attempts(&server, &plain_credentials(), 3);

    for (max, expected) in [(5, 5), (1, 1)] {
        server.reset();
        let client = builder(&server, &plain_credentials()).max_attempts(max).build().unwrap();
        let e = describe(&client).await.unwrap_err();
        assert_eq!((e.attempts(), server.request_count()), (expected, expected as usize));
        assert_eq!(e.to_string().contains("attempts"), expected > 1, "{e}");
    }
    let zero = builder(&server, &plain_credentials()).max_attempts(0).build().unwrap_err();
    assert_eq!(zero.kind(), ErrorKind::Config);
}

#[tokio::test]
async fn validation_and_other_client_errors_are_never_retried() {
    let replies = [
        Reply::service_error("ValidationException", "1 validation error detected"),
        Reply::service_error("InvalidArn", "bad arn"),
        Reply::service_error("ExecutionDoesNotExist", "none"),
        Reply::json(403, r#"{"__type": "AccessDeniedException", "message": "no"}"#),
        Reply::json(400, r#"{"__type": "UnrecognizedClientException"}"#),
        Reply::json(404, "not json"),
        Reply::json(501, r#"{"__type": "NotImplemented"}"#),
        Reply::service_error("InvalidSignatureException", "bad signature, clocks agree"),
    ];
    for reply in replies {
        let server = Server::always(reply.clone()).await;
        let e = describe(&client(&server)).await.unwrap_err();
        let ctx = format!("{reply:?}: {e:?}");
        assert_eq!(server.request_count(), 1, "{ctx}");
        assert_eq!(e.attempts(), 1, "{ctx}");
        assert!(!e.to_string().contains("attempts"), "{ctx}");
    }
    // A 200 whose body does not decode is not retried either.
    let server = Server::always(Reply::ok(r#"{"executionArn": 7}"#)).await;
    let e = describe(&client(&server)).await.unwrap_err();
    assert_eq!((e.kind(), server.request_count()), (ErrorKind::Decode, 1));
}

#[tokio::test]
async fn a_connection_reset_mid_body_is_retried() {
    let server = Server::start().await;
    server.push(Reply::ok(DESCRIBED).reset_after(40));
    server.push(Reply::Hangup);
    server.push(Reply::ok(DESCRIBED));
    describe(&client(&server)).await.expect("the third attempt succeeds");
    assert_attempts(&server, &plain_credentials(), 3);

    // Always reset: a transport error after every attempt.
    let server = Server::always(Reply::ok(DESCRIBED).reset_after(40)).await;
    let e = describe(&client(&server)).await.unwrap_err();
    assert_eq!((e.kind(), e.attempts()), (ErrorKind::Transport, 3), "{e:?}");
    assert!(e.to_string().contains("cut off"), "the head arrived, the body did not: {e}");
}

#[tokio::test]
async fn a_truncated_json_body_is_retried() {
    let server = Server::start().await;
    server.push(Reply::ok(DESCRIBED).truncated(DESCRIBED.len() / 2));
    server.push(Reply::ok(DESCRIBED));
    describe(&client(&server)).await.expect("the retry succeeds");
    assert_attempts(&server, &plain_credentials(), 2);

    let server = Server::always(Reply::ok(DESCRIBED).truncated(30)).await;
    let e = describe(&client(&server)).await.unwrap_err();
    assert_eq!((e.kind(), e.attempts()), (ErrorKind::Transport, 3), "{e:?}");
    assert!(e.to_string().contains("cut off"), "{e}");
}

#[tokio::test]
async fn html_5xx_pages_are_retried() {
    let server = Server::start().await;
    server.push(html_500());
    server.push(Reply::raw(502, "<html>Bad Gateway</html>"));
    server.push(Reply::ok(DESCRIBED));
    describe(&client(&server)).await.expect("the third attempt succeeds");
    assert_attempts(&server, &plain_credentials(), 3);

    let server = Server::always(html_500()).await;
    let e = describe(&client(&server)).await.unwrap_err();
    assert_eq!((e.kind(), e.status(), e.attempts()), (ErrorKind::Service, Some(500), 3));
    assert_eq!(e.code(), Some(&ErrorCode::Unknown("500".into())), "{e:?}");
    assert!(e.body_excerpt().is_some_and(|x| x.starts_with("<html>")), "{e:?}");
}

#[tokio::test]
async fn a_refused_connection_is_retried() {
    // A port that stays bound and unlistened for the whole test, so every
    // attempt is refused (see `common::refusing_address`).
    let (_reserved, addr) = common::refusing_address();
    let client = Client::builder()
        .region(common::REGION)
        .endpoint_url(format!("http://{addr}"))
        .credentials_provider(plain_credentials())
        .retry_config(fast_retries())
        .build()
        .unwrap();
    let e = describe(&client).await.unwrap_err();
    assert_eq!((e.kind(), e.attempts()), (ErrorKind::Transport, 3), "{e:?}");
    assert!(e.to_string().contains("cannot connect"), "{e}");
    let refused = std::iter::successors(std::error::Error::source(&e), |s| s.source())
        .filter_map(|s| s.downcast_ref::<std::io::Error>())
        .any(|io| io.kind() == std::io::ErrorKind::ConnectionRefused);
    assert!(refused, "the cause is a refused connection: {e:?}");
}

/// What the refused-connection test relies on: while the reserved socket
/// lives, no listener (std's and tokio's set `SO_REUSEADDR`) can take its
/// port, and a connection to it is refused.
#[tokio::test]
async fn a_refusing_address_stays_refusing() {
    let (reserved, addr) = common::refusing_address();
    let taken = std::net::TcpListener::bind(addr).map(|_| ()).unwrap_err();
    assert_eq!(taken.kind(), std::io::ErrorKind::AddrInUse, "{taken}");
    let taken = tokio::net::TcpListener::bind(addr).await.map(|_| ()).unwrap_err();
    assert_eq!(taken.kind(), std::io::ErrorKind::AddrInUse, "{taken}");
    for _ in 0..3 {
        let refused = tokio::net::TcpStream::connect(addr).await.map(|_| ()).unwrap_err();
        assert_eq!(refused.kind(), std::io::ErrorKind::ConnectionRefused, "{refused}");
    }
    drop(reserved);
}

/// A 503 without the JSON error body, as load balancers and proxies send
/// it: an empty body (a service error with an empty code: the status is all
/// it says), plain text and an HTML page (service errors whose code is the
/// status, keeping an excerpt).
fn bare_503s() -> [(&'static str, Reply, &'static str); 3] {
    [
        ("an empty 503", Reply::raw(503, ""), ""),
        (
            "a plain-text 503",
            Reply::raw(503, "Service Unavailable").header("Content-Type", "text/plain"),
            "503",
        ),
        (
            "an HTML 503",
            Reply::raw(
                503,
                "<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>",
            )
            .header("Content-Type", "text/html"),
            "503",
        ),
    ]
}

#[tokio::test]
async fn a_bare_503_is_retried_then_succeeds() {
    for (what, reply, _) in bare_503s() {
        let server = Server::start().await;
        server.push(reply.clone());
        server.push(reply);
        server.push(Reply::ok(DESCRIBED));
        let out = describe(&client(&server)).await.unwrap_or_else(|e| panic!("{what}: {e:?}"));
        assert_eq!(out.execution_arn, EXECUTION_ARN, "{what}");
        assert_attempts(&server, &plain_credentials(), 3);
    }
}

#[tokio::test]
async fn exhausted_retries_on_a_bare_503_say_status_503() {
    for (what, reply, code) in bare_503s() {
        let server = Server::always(reply).await;
        let e = describe(&client(&server)).await.unwrap_err();
        let ctx = format!("{what}: {e:?}");
        assert_eq!(
            (e.kind(), e.status(), e.attempts()),
            (ErrorKind::Service, Some(503), 3),
            "{ctx}"
        );
        assert_eq!(e.code(), Some(&ErrorCode::Unknown(code.into())), "{ctx}");
        assert_eq!(e.message(), None, "{ctx}");
        assert_eq!(server.request_count(), 3, "{ctx}");
        assert_eq!(e.operation(), Some("DescribeExecution"), "{ctx}");
        let shown = e.to_string();
        assert!(shown.contains("HTTP 503") && shown.contains("after 3 attempts"), "{ctx}: {shown}");
        match e.body_excerpt() {
            // No body: the status is all the service said.
            None => assert_eq!(code, "", "{ctx}"),
            // A body that is not JSON: kept as an excerpt, and shown.
            Some(excerpt) => assert!(!excerpt.is_empty() && shown.contains(excerpt), "{ctx}"),
        }
    }
}

// ---------------------------------------------------------------------------
// Timeouts.

#[tokio::test]
async fn a_slow_response_is_retried_then_the_operation_timeout_ends_the_call() {
    // One slow body, then a prompt answer: the attempt timeout covers the
    // body too, and the retry succeeds.
    let server = Server::start().await;
    server.push(Reply::ok(DESCRIBED).slow_body(Duration::from_secs(3)));
    server.push(Reply::ok(DESCRIBED));
    let client = builder(&server, &plain_credentials()).attempt_timeout(ms(200)).build().unwrap();
    let started = Instant::now();
    describe(&client).await.expect("the retry succeeds");
    assert!(started.elapsed() < Duration::from_secs(2), "{:?}", started.elapsed());
    assert_eq!(server.request_count(), 2);

    // Always slower than the attempt timeout: retried until the operation
    // timeout ends the call.
    let server = Server::always(Reply::ok(DESCRIBED).delayed(Duration::from_secs(5))).await;
    let client = builder(&server, &plain_credentials())
        .attempt_timeout(ms(150))
        .operation_timeout(ms(800))
        .max_attempts(20)
        .build()
        .unwrap();
    let started = Instant::now();
    let e = describe(&client).await.unwrap_err();
    let took = started.elapsed();
    let ctx = format!("after {took:?}: {e:?}");
    assert_eq!(e.kind(), ErrorKind::Timeout, "{ctx}");
    assert!(e.to_string().contains("operation timeout (800ms)"), "{ctx}");
    assert!(took >= ms(750) && took < ms(1500), "{ctx}");
    assert!(server.request_count() >= 4, "{ctx}: retried after attempt timeouts");
    assert_eq!(e.attempts() as usize, server.request_count(), "{ctx}");

    // Without an operation timeout the attempts run out instead.
    let client = builder(&server, &plain_credentials()).attempt_timeout(ms(100)).build().unwrap();
    let e = describe(&client).await.unwrap_err();
    assert_eq!((e.kind(), e.attempts()), (ErrorKind::Timeout, 3), "{e:?}");
    assert!(e.to_string().contains("attempt timeout (100ms)"), "{e}");

    // An operation timeout shorter than one attempt ends the first one.
    server.reset();
    let client = builder(&server, &plain_credentials()).operation_timeout(ms(300)).build().unwrap();
    let started = Instant::now();
    let e = describe(&client).await.unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(2));
    assert_eq!((e.kind(), e.attempts(), server.request_count()), (ErrorKind::Timeout, 1, 1));
    assert!(e.to_string().contains("operation timeout (300ms)"), "{e}");
}

#[tokio::test]
async fn timeouts_too_long_to_add_to_now_are_no_timeouts() {
    let server = Server::start().await;
    server.push(unavailable());
    server.push(Reply::ok(DESCRIBED));
    let client = builder(&server, &plain_credentials())
        .attempt_timeout(Duration::MAX)
        .operation_timeout(Duration::MAX)
        .build()
        .unwrap();
    describe(&client).await.unwrap();
    assert_eq!(server.request_count(), 2);
}

#[tokio::test]
async fn a_backoff_that_would_outlast_the_operation_timeout_ends_the_call_at_once() {
    let server = Server::always(throttled().header("x-amz-retry-after", "3000")).await;
    let client =
        builder(&server, &plain_credentials()).operation_timeout(ms(1000)).build().unwrap();
    let started = Instant::now();
    let e = describe(&client).await.unwrap_err();
    assert!(started.elapsed() < ms(900), "{:?}", started.elapsed());
    assert_eq!((e.kind(), e.attempts(), server.request_count()), (ErrorKind::Timeout, 1, 1));
    let shown = e.to_string();
    assert!(
        shown.contains("operation timeout") && shown.contains("ThrottlingException"),
        "{shown}"
    );
}

// ---------------------------------------------------------------------------
// The retry quota.

#[tokio::test]
async fn the_retry_quota_bounds_retries_against_a_failing_service_and_recovers() {
    const CALLS: usize = 60;
    // Transient errors: 500 / 14 = 35 retries fit, then every call fails at
    // its first attempt.
    let server = Server::always(unavailable()).await;
    let client = client(&server);
    let mut attempts = Vec::new();
    for _ in 0..CALLS {
        attempts.push(describe(&client).await.unwrap_err().attempts());
    }
    assert_eq!(server.request_count(), CALLS + 500 / 14);
    // 17 calls retry twice, one retries once (the last 24 tokens pay one
    // more retry of 14), the rest fail fast.
    assert!(attempts[..17].iter().all(|&a| a == 3), "{attempts:?}");
    assert_eq!(attempts[17], 2, "{attempts:?}");
    assert!(attempts[18..].iter().all(|&a| a == 1), "{attempts:?}");

    // 10 tokens are left. Three successes at the first attempt give back
    // one each: 13, still short of a retry. A success whose body does not
    // decode is a success for the quota too: the service answered.
    server.set_handler(|_| Reply::ok(DESCRIBED));
    server.push(Reply::ok("{\"executionArn\": 7}"));
    assert_eq!(describe(&client).await.unwrap_err().kind(), ErrorKind::Decode);
    for _ in 0..2 {
        describe(&client).await.unwrap();
    }
    server.push(unavailable());
    let e = describe(&client).await.unwrap_err();
    assert_eq!(e.attempts(), 1, "13 tokens do not pay for a retry: {e:?}");
    // One more success: 14, one retry.
    describe(&client).await.unwrap();
    server.push(unavailable());
    server.reset();
    describe(&client).await.expect("the quota pays for a retry again");
    assert_eq!(server.request_count(), 2);

    // Throttling: retries cost 5, so 100 fit.
    let server = Server::always(throttled()).await;
    let client = builder(&server, &plain_credentials())
        .retry_config(fast_retries().with_throttling_base_delay(ms(1)))
        .build()
        .unwrap();
    for _ in 0..CALLS * 2 {
        describe(&client).await.unwrap_err();
    }
    assert_eq!(server.request_count(), CALLS * 2 + 500 / 5);

    // Clones share the quota; another client has its own.
    let clone = client.clone();
    server.reset();
    assert_eq!(describe(&clone).await.unwrap_err().attempts(), 1);
    let fresh = builder(&server, &plain_credentials()).build().unwrap();
    assert_eq!(describe(&fresh).await.unwrap_err().attempts(), 3);
}

// ---------------------------------------------------------------------------
// x-amz-retry-after.

/// The gap between the first two requests' arrivals.
fn gap(server: &Server) -> Duration {
    let seen = server.requests();
    assert!(seen.len() >= 2, "{seen:#?}");
    seen[1].at.duration_since(seen[0].at)
}

#[tokio::test]
async fn retry_after_is_honoured_and_each_attempt_is_signed_afresh() {
    let server = Server::start().await;
    server.push(throttled().header("x-amz-retry-after", "1100"));
    server.push(Reply::ok(DESCRIBED));
    describe(&client(&server)).await.unwrap();
    let wait = gap(&server);
    assert!(wait >= ms(1100) && wait < ms(1600), "{wait:?}");
    // More than a second apart: the second attempt carries a later
    // X-Amz-Date, and both signatures verify.
    let seen = assert_attempts(&server, &plain_credentials(), 2);
    let dates: Vec<_> = seen.iter().map(|r| r.header("x-amz-date").unwrap_or("")).collect();
    assert!(dates[0] < dates[1], "{dates:?}");
}

#[tokio::test]
async fn retry_after_is_clamped_to_five_seconds_above_the_backoff() {
    let server = Server::start().await;
    server.push(throttled().header("x-amz-retry-after", "60000"));
    server.push(Reply::ok(DESCRIBED));
    describe(&client(&server)).await.unwrap();
    let wait = gap(&server);
    // The backoff here is at most 2 ms: the delay is 5 s, not 60.
    assert!(wait >= Duration::from_secs(5) && wait < ms(5600), "{wait:?}");
}

#[tokio::test]
async fn garbage_retry_after_values_are_ignored() {
    for garbage in ["soon", "-5", "1.5e3", "1e9", "99999999999999999999999", "", "0x7fffffff"] {
        let server = Server::start().await;
        server.push(throttled().header("x-amz-retry-after", garbage));
        server.push(Reply::ok(DESCRIBED));
        describe(&client(&server)).await.unwrap();
        let wait = gap(&server);
        // Honoured, any of them would mean seconds; ignored, the 2 ms backoff.
        assert!(wait < ms(700), "{garbage:?}: {wait:?}");
    }
}

// ---------------------------------------------------------------------------
// Clock skew.

#[tokio::test]
async fn a_skewed_server_clock_is_learnt_and_the_call_signed_again() {
    for skew in [15 * 60, -15 * 60] {
        let server = Server::with_handler(skewed_clock(skew, Reply::ok(DESCRIBED))).await;
        // The correction works with retries off: it is not a retry.
        let client = builder(&server, &plain_credentials()).max_attempts(1).build().unwrap();
        describe(&client).await.unwrap_or_else(|e| panic!("skew {skew}: {e}"));
        let seen = assert_attempts(&server, &plain_credentials(), 2);
        let signed: Vec<SystemTime> = seen
            .iter()
            .map(|r| common::parse_amz_date(r.header("x-amz-date").unwrap_or("")).unwrap())
            .collect();
        let moved = match signed[1].duration_since(signed[0]) {
            Ok(d) => d.as_secs() as i64,
            Err(e) => -(e.duration().as_secs() as i64),
        };
        assert!((moved - skew).abs() <= 5, "skew {skew}: the signing clock moved {moved} s");

        // Learnt client-wide: the next call, from a clone, goes through at once.
        server.reset();
        describe(&client.clone()).await.unwrap();
        assert_eq!(server.request_count(), 1, "skew {skew}");
    }
}

#[tokio::test]
async fn a_signature_error_is_retried_for_skew_only_once() {
    // The server's clock is 15 minutes ahead and it refuses every signature
    // (as with a wrong secret): one corrected retry, then the error.
    let refuse = |_: &Recorded| {
        let ahead = SystemTime::now() + Duration::from_secs(15 * 60);
        Reply::service_error(
            "InvalidSignatureException",
            "The request signature we calculated does not match",
        )
        .header("Date", &common::http_date(ahead))
    };
    let server = Server::with_handler(refuse).await;
    let e = describe(&client(&server)).await.unwrap_err();
    assert_eq!(e.code(), Some(&ErrorCode::InvalidSignatureException));
    assert_eq!((server.request_count(), e.attempts()), (2, 2), "{e:?}");

    // Clocks that agree: a signature error is final at once.
    let server = Server::always(
        Reply::service_error("SignatureDoesNotMatch", "no")
            .header("Date", &common::http_date(SystemTime::now())),
    )
    .await;
    let e = describe(&client(&server)).await.unwrap_err();
    assert_eq!((server.request_count(), e.attempts()), (1, 1), "{e:?}");
}

// ---------------------------------------------------------------------------
// Credential refresh.

/// A credentials provider that answers from a script (then repeats its last
/// answer), after a delay, counting calls.
#[derive(Clone, Debug)]
struct Scripted(Arc<ScriptedInner>);

#[derive(Debug)]
struct ScriptedInner {
    calls: AtomicUsize,
    delay: Duration,
    answers: Mutex<VecDeque<Result<Credentials, String>>>,
}

impl Scripted {
    fn new(delay: Duration, answers: Vec<Result<Credentials, String>>) -> Self {
        Self(Arc::new(ScriptedInner {
            calls: AtomicUsize::new(0),
            delay,
            answers: Mutex::new(answers.into()),
        }))
    }

    fn calls(&self) -> usize {
        self.0.calls.load(Ordering::SeqCst)
    }
}

impl ProvideCredentials for Scripted {
    fn provide_credentials<'a>(&'a self) -> future::ProvideCredentials<'a>
    where
        Self: 'a,
    {
        future::ProvideCredentials::new(async move {
            self.0.calls.fetch_add(1, Ordering::SeqCst);
            tokio::time::sleep(self.0.delay).await;
            let answer = {
                let mut answers = self.0.answers.lock().unwrap();
                if answers.len() > 1 { answers.pop_front() } else { answers.front().cloned() }
            };
            match answer {
                Some(Ok(c)) => Ok(c),
                Some(Err(reason)) => Err(CredentialsError::provider_error(reason)),
                None => Err(CredentialsError::not_loaded("no answer scripted")),
            }
        })
    }
}

fn expiring_in(secs: i64) -> Credentials {
    let now = SystemTime::now();
    let at = if secs >= 0 {
        now + Duration::from_secs(secs.unsigned_abs())
    } else {
        now - Duration::from_secs(secs.unsigned_abs())
    };
    Credentials::new(
        common::ACCESS_KEY_ID,
        common::SECRET_ACCESS_KEY,
        Some(common::SESSION_TOKEN.into()),
        Some(at),
        "scripted",
    )
}

fn with_provider(server: &Server, provider: &Scripted) -> ClientBuilder {
    Client::builder()
        .region(common::REGION)
        .endpoint_url(server.url())
        .retry_config(fast_retries())
        .credentials_provider(provider.clone())
}

#[tokio::test]
async fn concurrent_calls_share_one_credentials_refresh() {
    let server = Server::always(Reply::ok(DESCRIBED)).await;
    let provider = Scripted::new(ms(100), vec![Ok(expiring_in(3600))]);
    let client = with_provider(&server, &provider).build().unwrap();
    let calls = (0..20).map(|_| describe(&client));
    for result in futures::future::join_all(calls).await {
        result.unwrap();
    }
    assert_eq!(provider.calls(), 1, "one refresh for twenty callers");
    assert_eq!(server.request_count(), 20);
    for request in server.requests() {
        assert_request(&request, "DescribeExecution", &expiring_in(3600));
    }
    // Cached until shortly before expiry.
    describe(&client).await.unwrap();
    assert_eq!(provider.calls(), 1);
}

#[tokio::test]
async fn credentials_near_expiry_are_refreshed() {
    let server = Server::always(Reply::ok(DESCRIBED)).await;
    // Good for 4 minutes: inside the 5-minute refresh window, so each call
    // asks the provider again.
    let provider = Scripted::new(ms(0), vec![Ok(expiring_in(240))]);
    let client = with_provider(&server, &provider).build().unwrap();
    for n in 1..=3 {
        describe(&client).await.unwrap();
        assert_eq!(provider.calls(), n);
    }
}

#[tokio::test]
async fn expired_or_failed_credentials_never_sign_a_request() {
    let server = Server::always(Reply::ok(DESCRIBED)).await;

    let expired = Scripted::new(ms(0), vec![Ok(expiring_in(-1))]);
    let e = describe(&with_provider(&server, &expired).build().unwrap()).await.unwrap_err();
    assert_eq!((e.kind(), e.attempts()), (ErrorKind::Credentials, 1), "{e:?}");
    assert!(e.to_string().contains("expired"), "{e}");

    let failing = Scripted::new(ms(0), vec![Err("the metadata service is down".into())]);
    let e = describe(&with_provider(&server, &failing).build().unwrap()).await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Credentials, "{e:?}");
    assert!(e.to_string().contains("the metadata service is down"), "{e}");
    assert_eq!(server.request_count(), 0, "nothing was sent");

    // A refresh that fails while the cached credentials stay good for a
    // few minutes: they are used. Good for less than a minute: an error.
    let failing_later =
        Scripted::new(ms(0), vec![Ok(expiring_in(180)), Err("refresh failed".into())]);
    let client = with_provider(&server, &failing_later).build().unwrap();
    describe(&client).await.unwrap();
    describe(&client).await.expect("the cached credentials are still good for 3 minutes");
    assert_eq!((failing_later.calls(), server.request_count()), (2, 2));

    server.reset();
    let failing_soon =
        Scripted::new(ms(0), vec![Ok(expiring_in(30)), Err("refresh failed".into())]);
    let client = with_provider(&server, &failing_soon).build().unwrap();
    describe(&client).await.unwrap();
    let e = describe(&client).await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Credentials, "{e:?}");
    assert!(e.to_string().contains("refresh failed"), "{e}");
    assert_eq!(server.request_count(), 1, "the second call sent nothing");
}

// ---------------------------------------------------------------------------
// Pagination under faults.

/// xorshift64*, seeded: the same faults on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const FAULT_KINDS: [&str; 5] = ["503", "html 500", "throttling", "reset", "truncated"];

/// Serves ListExecutions and GetExecutionHistory pages, failing about one
/// request in ten with a fault drawn from [`FAULT_KINDS`].
struct FaultyPages {
    rng: Mutex<Rng>,
    requests: AtomicUsize,
    faults: Mutex<[usize; 5]>,
    executions: usize,
    events: usize,
}

impl FaultyPages {
    fn reply(&self, request: &Recorded) -> Reply {
        self.requests.fetch_add(1, Ordering::SeqCst);
        let input = request.json().unwrap();
        let start: usize = input["nextToken"]
            .as_str()
            .map_or(0, |t| t.trim_start_matches("after-").parse().expect("a token we issued"));
        let size = input["maxResults"].as_u64().expect("maxResults") as usize;
        let page = match request.operation() {
            Some("ListExecutions") => execution_page(start, size, self.executions),
            Some("GetExecutionHistory") => event_page(start, size, self.events),
            other => panic!("unexpected target {other:?}"),
        };
        let (fault, kind) = {
            let mut rng = self.rng.lock().unwrap();
            (rng.below(10) == 0, rng.below(5) as usize)
        };
        if !fault {
            return Reply::ok(page);
        }
        self.faults.lock().unwrap()[kind] += 1;
        let len = page.len();
        match FAULT_KINDS[kind] {
            "503" => unavailable(),
            "html 500" => html_500(),
            "throttling" => throttled(),
            "reset" => Reply::ok(page).reset_after(len / 3),
            _ => Reply::ok(page).truncated(len / 2),
        }
    }
}

fn next_token(end: usize, total: usize) -> String {
    if end < total { format!(r#","nextToken":"after-{end}""#) } else { String::new() }
}

fn execution_page(start: usize, size: usize, total: usize) -> String {
    let end = (start + size).min(total);
    let items: Vec<String> = (start..end)
        .map(|i| {
            format!(
                r#"{{"executionArn":"arn:aws:states:us-east-1:123456789012:execution:orders:exec-{i:05}","stateMachineArn":"{STATE_MACHINE_ARN}","name":"exec-{i:05}","status":"SUCCEEDED","startDate":{},"stopDate":{}}}"#,
                1_795_559_751 + i,
                1_795_559_752 + i
            )
        })
        .collect();
    format!(r#"{{"executions":[{}]{}}}"#, items.join(","), next_token(end, total))
}

fn event_page(start: usize, size: usize, total: usize) -> String {
    let end = (start + size).min(total);
    let items: Vec<String> = (start..end)
        .map(|i| {
            let id = i + 1;
            let (kind, details) = if id % 2 == 1 {
                ("TaskStateEntered", "stateEnteredEventDetails")
            } else {
                ("TaskStateExited", "stateExitedEventDetails")
            };
            format!(
                r#"{{"timestamp":{}.{:03},"type":"{kind}","id":{id},"previousEventId":{},"{details}":{{"name":"Process"}}}}"#,
                1_795_559_751 + i / 1000,
                i % 1000,
                id - 1
            )
        })
        .collect();
    format!(r#"{{"events":[{}]{}}}"#, items.join(","), next_token(end, total))
}

#[tokio::test]
async fn paginators_lose_and_duplicate_nothing_under_faults() {
    const EXECUTIONS: usize = 10_000;
    const EVENTS: usize = 100_000;
    let pages = Arc::new(FaultyPages {
        rng: Mutex::new(Rng(0x5EED_F00D_CAFE_D00D)),
        requests: AtomicUsize::new(0),
        faults: Mutex::new([0; 5]),
        executions: EXECUTIONS,
        events: EVENTS,
    });
    let handler = Arc::clone(&pages);
    let server = Server::with_handler(move |r| handler.reply(r)).await;
    let client = builder(&server, &plain_credentials())
        .max_attempts(10)
        .retry_config(
            RetryConfig::standard()
                .with_base_delay(ms(1))
                .with_throttling_base_delay(ms(1))
                .with_max_backoff(ms(5)),
        )
        .build()
        .unwrap();
    let started = Instant::now();

    let executions: Vec<_> = client
        .list_executions()
        .state_machine_arn(STATE_MACHINE_ARN)
        .into_paginator()
        .page_size(100)
        .items()
        .try_collect()
        .await
        .expect("every page arrives despite the faults");
    let names: Vec<String> = executions.into_iter().map(|e| e.name).collect();
    let expected: Vec<String> = (0..EXECUTIONS).map(|i| format!("exec-{i:05}")).collect();
    assert!(names == expected, "executions lost, duplicated or out of order");

    let events: Vec<_> = client
        .get_execution_history(EXECUTION_ARN)
        .include_execution_data(false)
        .into_paginator()
        .page_size(1000)
        .items()
        .try_collect()
        .await
        .expect("every page arrives despite the faults");
    let ids: Vec<i64> = events.iter().map(|e| e.id).collect();
    assert!(ids.iter().copied().eq(1..=EVENTS as i64), "events lost, duplicated or out of order");
    assert_eq!(events[EVENTS - 1].previous_event_id, Some(EVENTS as i64 - 1));

    let requests = pages.requests.load(Ordering::SeqCst);
    let faults = *pages.faults.lock().unwrap();
    let injected: usize = faults.iter().sum();
    let page_count = EXECUTIONS / 100 + EVENTS / 1000;
    assert_eq!(requests, page_count + injected, "exactly one retry per fault");
    assert!(injected * 100 >= requests * 5 && injected * 100 <= requests * 15, "{faults:?}");
    assert!(faults.iter().all(|&n| n > 0), "every kind of fault happened: {faults:?}");
    let items = EXECUTIONS + EVENTS;
    println!(
        "pagination under faults: {items} items in {page_count} pages, {requests} requests, \
         {injected} faults injected ({}), 0 lost, 0 duplicated, {:?}",
        FAULT_KINDS
            .iter()
            .zip(faults)
            .map(|(k, n)| format!("{k}: {n}"))
            .collect::<Vec<_>>()
            .join(", "),
        started.elapsed()
    );
}

#[tokio::test]
async fn a_failed_page_is_retried_within_the_paginator() {
    let server = Server::start().await;
    // The second page fails twice before it is served.
    let first = execution_page(0, 10, 25);
    server.push(Reply::ok(first));
    server.push(throttled());
    server.push(Reply::ok(execution_page(10, 10, 25)).reset_after(5));
    server.set_handler(move |r| {
        let input = r.json().unwrap();
        let start = input["nextToken"].as_str().map_or(0, |t| t["after-".len()..].parse().unwrap());
        Reply::ok(execution_page(start, 10, 25))
    });
    let names: Vec<String> = client(&server)
        .list_executions()
        .state_machine_arn(STATE_MACHINE_ARN)
        .into_paginator()
        .page_size(10)
        .items()
        .map_ok(|e| e.name)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(names, (0..25).map(|i| format!("exec-{i:05}")).collect::<Vec<_>>());
    assert_eq!(server.request_count(), 5, "three pages, two retries");
    let tokens: Vec<_> = server
        .requests()
        .iter()
        .map(|r| r.json().unwrap()["nextToken"].as_str().map(String::from))
        .collect();
    assert_eq!(
        tokens,
        [
            None,
            Some("after-10".into()),
            Some("after-10".into()),
            Some("after-10".into()),
            Some("after-20".into())
        ]
    );
}
