//! The fake of the `testing` feature, end to end through a client: each
//! scripted fault is taken by exactly the call it is for, requests are
//! recorded with their operation, typed input and signature check, and the
//! order of precedence (script, raw handler, service) holds.
//!
//! The service behind the fake grows its own answers; these tests answer
//! "normal" calls from a raw handler so they check the faults alone.

mod common;

use aws_credential_types::Credentials;
use common::{REGION, assert_request, fast_retries};
use sfn_lite::operations::{DescribeExecutionInput, StartExecutionInput};
use sfn_lite::testing::{FakeSfn, JSON_1_0, Match, Reply};
use sfn_lite::{Client, Error, ErrorKind};
use std::time::Duration;

const EXECUTION: &str = "arn:aws:states:us-east-1:123456789012:execution:orders:run-1";
const STATE_MACHINE: &str = "arn:aws:states:us-east-1:123456789012:stateMachine:orders";
const DESCRIBED: &str = r#"{"executionArn": "arn:aws:states:us-east-1:123456789012:execution:orders:run-1",
    "stateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:orders",
    "status": "RUNNING", "startDate": 1795559751.538}"#;
const STARTED: &str = r#"{"executionArn": "arn:aws:states:us-east-1:123456789012:execution:orders:run-1",
    "startDate": 1795559751.538}"#;

/// A fake whose unscripted calls get valid answers from a raw handler.
async fn fake() -> FakeSfn {
    let fake = FakeSfn::start().await;
    fake.set_handler(|request| match request.operation() {
        Some("StartExecution") => Reply::ok(STARTED),
        _ => Reply::ok(DESCRIBED),
    });
    fake
}

/// The fake's client with millisecond backoffs (3 attempts).
fn fast_client(fake: &FakeSfn) -> Client {
    Client::builder()
        .region(REGION)
        .endpoint_url(fake.url())
        .credentials_provider(fake.credentials())
        .retry_config(fast_retries())
        .build()
        .expect("a client for the fake")
}

async fn describe(client: &Client) -> Result<(), Error> {
    client.describe_execution(EXECUTION).max_attempts(1).await.map(drop)
}

async fn start(client: &Client) -> Result<(), Error> {
    client.start_execution(STATE_MACHINE).name("run-1").max_attempts(1).await.map(drop)
}

/// A plain HTTP client, for requests no `Client` would send.
fn http() -> reqwest::Client {
    common::http_builder().build().expect("an HTTP client")
}

fn code(e: &Error) -> Option<&str> {
    e.code().map(|c| c.as_str())
}

fn operations(fake: &FakeSfn) -> Vec<String> {
    fake.requests().iter().map(|r| r.operation().unwrap_or_default().to_owned()).collect()
}

#[tokio::test]
async fn fail_next_fails_exactly_the_next_matching_call() {
    let fake = fake().await;
    let client = fast_client(&fake);
    fake.fail_next("StartExecution", "ExecutionLimitExceeded", "too many running");

    describe(&client).await.expect("another operation's call is not failed");
    let e = start(&client).await.expect_err("the matching call fails");
    assert_eq!(e.kind(), ErrorKind::Service, "{e}");
    assert_eq!(code(&e), Some("ExecutionLimitExceeded"), "{e}");
    assert_eq!(e.message(), Some("too many running"), "{e}");
    assert!(e.request_id().is_some_and(|id| !id.is_empty()), "{e}");
    start(&client).await.expect("the fault is taken once");

    // Any call: the first one after it, whatever its operation.
    fake.fail_next(Match::Any, "AccessDeniedException", "no");
    let e = describe(&client).await.expect_err("the next call fails");
    assert_eq!(code(&e), Some("AccessDeniedException"), "{e}");
    describe(&client).await.expect("taken once");

    // Two faults for one operation: taken in order, one each.
    fake.fail_next("DescribeExecution", "First", "1");
    fake.fail_next("DescribeExecution", "Second", "2");
    start(&client).await.expect("not for StartExecution");
    assert_eq!(code(&describe(&client).await.unwrap_err()), Some("First"));
    assert_eq!(code(&describe(&client).await.unwrap_err()), Some("Second"));
    describe(&client).await.expect("both taken");
    assert_eq!(fake.request_count(), 9);
}

/// The error of `fail_next` is what Step Functions sends: a 400, the code in
/// `__type` and in `X-Amzn-ErrorType`, a message, the JSON 1.0 content type
/// and a fresh request id each time.
#[tokio::test]
async fn fail_next_answers_as_the_service_does() {
    let fake = fake().await;
    fake.fail_next(Match::Any, "ExecutionDoesNotExist", "gone");
    fake.fail_next(Match::Any, "ExecutionDoesNotExist", "gone");
    let http = http();
    let mut ids = Vec::new();
    for _ in 0..2 {
        let response = http
            .post(fake.url())
            .header("x-amz-target", "AWSStepFunctions.DescribeExecution")
            .body("{}")
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 400);
        let header = |name: &str| {
            response.headers().get(name).map(|v| v.to_str().unwrap().to_owned()).unwrap_or_default()
        };
        assert_eq!(header("content-type"), JSON_1_0);
        assert!(header("x-amzn-errortype").starts_with("ExecutionDoesNotExist:"));
        ids.push(header("x-amzn-requestid"));
        let body: serde_json::Value =
            serde_json::from_slice(&response.bytes().await.unwrap()).unwrap();
        assert_eq!(body, serde_json::json!({"__type": "ExecutionDoesNotExist", "message": "gone"}));
    }
    assert!(!ids[0].is_empty() && ids[0] != ids[1], "fresh request ids: {ids:?}");
}

#[tokio::test]
async fn throttle_next_is_retried_and_seen_exactly_n_times() {
    // Retried: two throttled attempts, then the answer.
    let fake = fake().await;
    fake.throttle_next(2);
    let client = fast_client(&fake);
    client.describe_execution(EXECUTION).await.expect("the third attempt succeeds");
    assert_eq!(fake.request_count(), 3);
    for request in fake.requests() {
        assert_request(&request, "DescribeExecution", &fake.credentials());
    }

    // One attempt per call: exactly n calls see ThrottlingException.
    let fake = fake_with_throttles(3).await;
    let client = fast_client(&fake);
    for n in 0..3 {
        let e = describe(&client).await.expect_err("throttled");
        assert_eq!(code(&e), Some("ThrottlingException"), "call {n}: {e}");
    }
    describe(&client).await.expect("the fourth call is not throttled");
    start(&client).await.expect("nor the fifth");

    // More throttles than attempts: the call fails after its three.
    let fake = fake_with_throttles(4).await;
    let client = fast_client(&fake);
    let e = client.describe_execution(EXECUTION).await.expect_err("three attempts throttled");
    assert_eq!((code(&e), e.attempts()), (Some("ThrottlingException"), 3), "{e}");
    let e = describe(&client).await.expect_err("the fourth throttle");
    assert_eq!(code(&e), Some("ThrottlingException"), "{e}");
    describe(&client).await.expect("then no more");
}

async fn fake_with_throttles(n: usize) -> FakeSfn {
    let fake = fake().await;
    fake.throttle_next(n);
    fake
}

#[tokio::test]
async fn cut_next_is_a_transport_error_that_is_retried() {
    let fake = fake().await;
    let client = fast_client(&fake);
    fake.cut_next("DescribeExecution");
    start(&client).await.expect("another operation's call is not cut");
    let e = describe(&client).await.expect_err("one attempt, cut");
    assert_eq!(e.kind(), ErrorKind::Transport, "{e:?}");
    describe(&client).await.expect("the fault is taken once");

    fake.cut_next(Match::Any);
    fake.reset();
    client.describe_execution(EXECUTION).await.expect("the retry succeeds");
    assert_eq!(operations(&fake), ["DescribeExecution", "DescribeExecution"]);
}

#[tokio::test]
async fn delay_next_outlasts_an_attempt_timeout() {
    let fake = fake().await;
    let client = fast_client(&fake);
    let late = Duration::from_secs(5);
    let timeout = Duration::from_millis(300);
    fake.delay_next("DescribeExecution", late);

    client
        .start_execution(STATE_MACHINE)
        .name("run-1")
        .attempt_timeout(timeout)
        .max_attempts(1)
        .await
        .expect("another operation's call is not delayed");
    let e = client
        .describe_execution(EXECUTION)
        .attempt_timeout(timeout)
        .max_attempts(1)
        .await
        .expect_err("the delayed answer is too late");
    assert_eq!(e.kind(), ErrorKind::Timeout, "{e:?}");
    client
        .describe_execution(EXECUTION)
        .attempt_timeout(timeout)
        .max_attempts(1)
        .await
        .expect("the fault is taken once");

    // Retried: the second attempt is answered in time.
    fake.delay_next(Match::Any, late);
    fake.reset();
    client.describe_execution(EXECUTION).attempt_timeout(timeout).await.expect("retried");
    assert_eq!(fake.request_count(), 2);
    tokio::time::timeout(Duration::from_secs(5), async {
        while fake.abandoned_count() != 1 {
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    })
    .await
    .expect("the late answer was abandoned");
}

#[tokio::test]
async fn requests_verify_their_signature_with_known_credentials() {
    let fake = fake().await;
    describe(&fast_client(&fake)).await.unwrap();
    let request = fake.last_request().expect("one request");
    assert!(request.signature_verified(), "{request:?}");
    assert_request(&request, "DescribeExecution", &fake.credentials());

    // Unknown credentials: not verified until the test registers them.
    let other = Credentials::new("AKIDOTHER", "another-secret", None, None, "test");
    let client = Client::builder()
        .region("eu-west-1")
        .endpoint_url(fake.url())
        .credentials_provider(other.clone())
        .build()
        .unwrap();
    describe(&client).await.unwrap();
    let request = fake.last_request().unwrap();
    assert!(!request.signature_verified(), "an unknown key: {request:?}");
    fake.accept_credentials(other);
    assert!(request.signature_verified(), "a registered key, any region: {request:?}");

    // The fake's secret under another key id: the scope names the key.
    let impostor =
        Credentials::new("AKIDIMPOSTOR", fake.credentials().secret_access_key(), None, None, "t");
    let client = Client::builder()
        .region(REGION)
        .endpoint_url(fake.url())
        .credentials_provider(impostor)
        .build()
        .unwrap();
    describe(&client).await.unwrap();
    assert!(!fake.last_request().unwrap().signature_verified(), "another key id");

    // The same signed headers again: a replay verifies, another body does not.
    let http = http();
    let resend = |body: Vec<u8>| {
        let mut resent = http.post(fake.url()).body(body);
        for (name, value) in &request.headers {
            if !matches!(name.as_str(), "content-length" | "host") {
                resent = resent.header(name, value);
            }
        }
        resent.send()
    };
    resend(request.body.clone()).await.unwrap();
    let replayed = fake.last_request().unwrap();
    assert_eq!(replayed.header("authorization"), request.header("authorization"));
    assert!(replayed.signature_verified(), "a replay: {replayed:?}");
    resend(br#"{"executionArn":"arn:tampered"}"#.to_vec()).await.unwrap();
    let tampered = fake.last_request().unwrap();
    assert_eq!(tampered.header("authorization"), request.header("authorization"));
    assert!(!tampered.signature_verified(), "a tampered body: {tampered:?}");

    // No signature at all.
    http.post(fake.url()).body("{}").send().await.unwrap();
    assert!(!fake.last_request().unwrap().signature_verified());
}

#[tokio::test]
async fn input_decodes_the_typed_input_of_its_operation() {
    let fake = fake().await;
    let client = fast_client(&fake);
    describe(&client).await.unwrap();
    start(&client).await.unwrap();
    let requests = fake.requests();

    let described: DescribeExecutionInput = requests[0].input().unwrap();
    assert_eq!(described.execution_arn, EXECUTION);
    let started: StartExecutionInput = requests[1].input().unwrap();
    assert_eq!(
        (started.state_machine_arn.as_str(), started.name.as_deref()),
        (STATE_MACHINE, Some("run-1"))
    );

    let e = requests[0].input::<StartExecutionInput>().unwrap_err();
    assert!(e.to_string().contains("DescribeExecution, not StartExecution"), "{e}");

    // The right operation with a body that is not its input.
    http()
        .post(fake.url())
        .header("x-amz-target", "AWSStepFunctions.DescribeExecution")
        .body(r#"{"executionArn": 7}"#)
        .send()
        .await
        .unwrap();
    let e = fake.last_request().unwrap().input::<DescribeExecutionInput>().unwrap_err();
    assert!(e.to_string().contains("not a DescribeExecution input"), "{e}");
}

/// A scripted reply or fault first, then the raw handler, else the service,
/// whose answers carry the JSON 1.0 content type and a fresh request id.
#[tokio::test]
async fn script_then_handler_then_service() {
    let fake = FakeSfn::start().await;
    let http = http();
    let post = || {
        http.post(fake.url())
            .header("x-amz-target", "AWSStepFunctions.DescribeExecution")
            .body("{}")
            .send()
    };
    let mut ids = Vec::new();
    for _ in 0..2 {
        let response = post().await.unwrap();
        assert_eq!(response.headers()["content-type"], JSON_1_0);
        ids.push(response.headers()["x-amzn-requestid"].to_str().unwrap().to_owned());
    }
    assert!(!ids[0].is_empty() && ids[0] != ids[1], "fresh request ids: {ids:?}");

    fake.set_handler(|_| Reply::raw(299, "handler"));
    fake.push(Reply::raw(298, "scripted"));
    for expected in [298, 299, 299] {
        assert_eq!(post().await.unwrap().status(), expected);
    }
    // A handler may defer to the service with `Reply::Normal`.
    fake.set_handler(|_| Reply::Normal);
    let response = post().await.unwrap();
    assert_eq!(response.headers()["content-type"], JSON_1_0);
    assert!(response.headers().contains_key("x-amzn-requestid"));
}

/// A request's `Debug` output and a failed verification's message leave out
/// the session token, the signature and the body (execution input).
#[tokio::test]
async fn debug_output_leaves_out_secrets() {
    let fake = fake().await;
    let token = "FwoGZXIvYXdzEXAMPLE-session-token";
    let credentials =
        Credentials::new("AKIDSESSION", "session-secret", Some(token.into()), None, "t");
    let client = Client::builder()
        .region(REGION)
        .endpoint_url(fake.url())
        .credentials_provider(credentials)
        .build()
        .unwrap();
    let secret_input = r#"{"card":"4111-1111-1111-1111"}"#;
    client.start_execution(STATE_MACHINE).name("run-1").input(secret_input).await.unwrap();
    let request = fake.last_request().unwrap();
    let shown = format!("{request:?} {request:#?}");
    for secret in [token, "4111-1111", request.header("authorization").unwrap()] {
        assert!(!shown.contains(secret), "{secret:?} in {shown}");
    }
    assert!(shown.contains("AWSStepFunctions.StartExecution"), "{shown}");

    let expect = sfn_lite::testing::sigv4::Expect {
        access_key_id: "AKIDSESSION",
        secret_access_key: "another-secret",
        region: REGION,
        service: "states",
    };
    let message = sfn_lite::testing::sigv4::verify(&request, &expect).unwrap_err();
    assert!(message.contains("x-amz-security-token:"), "{message}");
    assert!(!message.contains(token), "{message}");
}
