//! Tracing: one span per call with its operation, attempts, HTTP status,
//! request id and duration; a span per paginator page and per live poll;
//! and the request id of a successful call, through
//! `send_with_metadata`. (That no secret reaches a span is part of
//! tests/secrets.rs, which captures every span.)

mod common;

use common::{REQUEST_ID, Reply, Server};
use futures::TryStreamExt;
use sfn_lite::ErrorKind;
use std::io;
use std::sync::{Arc, Mutex};

const ARN: &str = "arn:aws:states:us-east-1:123456789012:execution:sm:run-1";

#[derive(Clone, Default)]
struct Capture(Arc<Mutex<Vec<u8>>>);

impl io::Write for Capture {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// The lines closing a span named `name`: fmt writes the span path, then
/// `: target: close`; the span closing is the path's last.
fn closed<'a>(logs: &'a str, name: &str) -> Vec<&'a str> {
    logs.lines()
        .filter(|line| line.contains(": close "))
        .filter(|line| {
            let path = line.split(": sfn_lite::").next().unwrap_or("");
            let last = path.rsplit("}:").next().unwrap_or("");
            let last = last.rsplit(' ').find(|w| w.contains('{')).unwrap_or(last);
            last.split('{').next() == Some(name)
        })
        .collect()
}

#[tokio::test]
async fn a_span_per_call_page_and_poll_and_the_request_id_of_a_success() {
    let capture = Capture::default();
    let writer = capture.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::DEBUG)
        .with_span_events(tracing_subscriber::fmt::format::FmtSpan::CLOSE)
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let server = Server::start().await;
    let client = common::client(&server);
    let execution =
        serde_json::json!({"executionArn": ARN, "status": "SUCCEEDED", "output": "private"});
    server.push(Reply::service_error("ThrottlingException", "slow down"));
    server.push(Reply::ok(execution.to_string()));
    let (described, meta) = client.describe_execution(ARN).send_with_metadata().await.unwrap();
    assert_eq!(described.execution_arn, ARN);
    assert_eq!(
        (meta.request_id.as_deref(), meta.status, meta.attempts),
        (Some(REQUEST_ID), 200, 2)
    );

    server.push(Reply::service_error("ExecutionDoesNotExist", "no such execution"));
    let error = client.describe_execution(ARN).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Service);

    let page = |events: &str, token: Option<&str>| {
        let mut body = serde_json::json!({"events": serde_json::from_str::<serde_json::Value>(events).unwrap()});
        if let Some(token) = token {
            body["nextToken"] = token.into();
        }
        Reply::ok(body.to_string())
    };
    server.push(page(r#"[{"id": 1, "type": "ExecutionStarted", "timestamp": 1}]"#, Some("t")));
    server.push(page(r#"[{"id": 2, "type": "ExecutionSucceeded", "timestamp": 2}]"#, None));
    let events: Vec<_> =
        client.get_execution_history(ARN).into_paginator().items().try_collect().await.unwrap();
    assert_eq!(events.len(), 2);
    server.push(page(r#"[{"id": 1, "type": "ExecutionStarted", "timestamp": 1}, {"id": 2, "type": "ExecutionSucceeded", "timestamp": 2}]"#, None));
    let followed: Vec<_> = client.get_execution_history(ARN).follow().try_collect().await.unwrap();
    assert_eq!(followed.len(), 2);
    // A page is decoded after its call returns, yet its error is the call's.
    server.push(Reply::ok(r#"{"events": "none"}"#));
    let paged = client.get_execution_history(ARN).into_paginator().pages();
    let error = paged.try_collect::<Vec<_>>().await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Decode);
    drop(_guard);

    let logs = String::from_utf8(capture.0.lock().unwrap().clone()).unwrap();
    let calls = closed(&logs, "sfn");
    assert_eq!(calls.len(), 6, "one span per call:\n{logs}");
    let success = calls[0];
    for field in [
        "operation=\"DescribeExecution\"",
        "attempts=2",
        "status=200",
        &format!("request_id=\"{REQUEST_ID}\""),
        "duration_ms=",
    ] {
        assert!(success.contains(field), "{field} missing in {success}");
    }
    let failure = calls[1];
    for field in ["attempts=1", "status=400", "error=service error"] {
        assert!(failure.contains(field), "{field} missing in {failure}");
    }
    assert!(calls[5].contains("error=decode error"), "{}", calls[5]);
    assert_eq!(closed(&logs, "sfn.page").len(), 3, "one span per page:\n{logs}");
    assert_eq!(closed(&logs, "sfn.follow").len(), 1, "one span per poll:\n{logs}");
    // Each page's and each poll's call runs inside its span.
    assert!(
        calls[2].contains("sfn.page{operation=\"GetExecutionHistory\" first=true}:sfn{"),
        "{}",
        calls[2]
    );
    assert!(
        calls[3].contains("sfn.page{operation=\"GetExecutionHistory\" first=false}:sfn{"),
        "{}",
        calls[3]
    );
    assert!(
        calls[4].contains(&format!("sfn.follow{{execution_arn={ARN} reverse=false}}:sfn{{")),
        "{}",
        calls[4]
    );
    assert!(!logs.contains("private"), "a body reached the logs:\n{logs}");
}
