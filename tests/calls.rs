//! Per-call settings and per-operation attempt timeouts, against the
//! in-process server:
//!
//! - `GetActivityTask` long-polls: the service holds it up to 60 s, so its
//!   attempt timeout is at least 65 s whatever the client's; a reply after
//!   62 s of silence arrives (paused time), and a client attempt timeout
//!   shorter than the poll does not cut it off, while a per-call one does.
//! - `StartSyncExecution` waits for an Express execution (up to 5 minutes):
//!   an answer after 4 minutes arrives (paused time).
//! - [`RequestBuilder::max_attempts`], `attempt_timeout` and
//!   `operation_timeout` apply to their call only (and to every page of its
//!   paginator), concurrently with calls of the same client that keep the
//!   client's settings; 0 attempts is refused unsent.

mod common;

use common::{Reply, Server, builder, client, plain_credentials};
use futures::TryStreamExt;
use sfn_lite::ErrorKind;
use std::time::Duration;

const ACTIVITY_ARN: &str = "arn:aws:states:us-east-1:123456789012:activity:resize-images";
const TASK: &str = r#"{"taskToken": "AAAAKgAAAAIAAAAAAAAAAaTaskToken", "input": "{\"n\":1}"}"#;

fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

/// With time paused, the runtime jumps over the server's 62 s of silence;
/// the default 60 s attempt timeout would have fired first.
#[tokio::test(start_paused = true)]
async fn a_long_poll_answered_after_62_seconds_is_received() {
    let server = Server::always(Reply::ok(TASK).delayed(Duration::from_secs(62))).await;
    let client = client(&server);
    let started = tokio::time::Instant::now();
    let task = client.get_activity_task(ACTIVITY_ARN).worker_name("w").await.expect("a task");
    assert!(started.elapsed() >= Duration::from_secs(62), "{:?}", started.elapsed());
    assert_eq!(
        task.task_token.as_ref().map(|t| t.as_str()),
        Some("AAAAKgAAAAIAAAAAAAAAAaTaskToken")
    );
    assert_eq!(server.request_count(), 1, "one attempt, not cut off and retried");
}

/// The same server silence, any other operation: the 60 s default applies.
#[tokio::test(start_paused = true)]
async fn other_operations_keep_the_60_second_attempt_timeout() {
    let server = Server::always(Reply::ok("{}").delayed(Duration::from_secs(62))).await;
    let client = builder(&server, &plain_credentials()).max_attempts(1).build().unwrap();
    let e = client.describe_activity(ACTIVITY_ARN).await.expect_err("a timeout");
    assert_eq!(e.kind(), ErrorKind::Timeout, "{e}");
    assert!(e.to_string().contains("60s"), "{e}");
}

#[tokio::test]
async fn a_short_client_attempt_timeout_does_not_cut_a_long_poll_but_a_per_call_one_does() {
    let server = Server::always(Reply::ok(TASK).delayed(ms(600))).await;
    let client = builder(&server, &plain_credentials())
        .attempt_timeout(ms(150))
        .max_attempts(1)
        .build()
        .unwrap();
    let task = client.get_activity_task(ACTIVITY_ARN).await.expect("the long poll's answer");
    assert!(task.task_token.is_some());
    let e = client.describe_activity(ACTIVITY_ARN).await.expect_err("the client's timeout");
    assert_eq!(e.kind(), ErrorKind::Timeout, "{e}");
    let e = client
        .get_activity_task(ACTIVITY_ARN)
        .attempt_timeout(ms(150))
        .await
        .expect_err("the call's timeout");
    assert_eq!(e.kind(), ErrorKind::Timeout, "{e}");
    assert!(e.to_string().contains("150ms"), "{e}");
}

/// Two calls at once on one client, against a server that always fails
/// with a 500: the one with `max_attempts(1)` makes one attempt, the other
/// the client's 4.
#[tokio::test]
async fn per_call_max_attempts_leave_the_clients_other_calls_untouched() {
    let server =
        Server::always(Reply::json(500, r#"{"__type": "InternalFailure", "message": "down"}"#))
            .await;
    let client = builder(&server, &plain_credentials()).max_attempts(4).build().unwrap();
    let once = client.describe_activity("arn:once").max_attempts(1);
    let default = client.describe_activity("arn:default");
    let (a, b) = tokio::join!(once.send(), default.send());
    assert_eq!(a.expect_err("fails").attempts(), 1);
    assert_eq!(b.expect_err("fails").attempts(), 4);
    let arns: Vec<String> = server
        .requests()
        .iter()
        .map(|r| r.json().unwrap()["activityArn"].as_str().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(arns.iter().filter(|a| *a == "arn:once").count(), 1, "{arns:?}");
    assert_eq!(arns.iter().filter(|a| *a == "arn:default").count(), 4, "{arns:?}");
}

/// Two calls at once, the server slow for both: the call with a short
/// attempt timeout gives up, the other (client defaults) gets its answer.
#[tokio::test]
async fn per_call_timeouts_leave_the_clients_other_calls_untouched() {
    let server = Server::always(Reply::ok(r#"{"activities": []}"#).delayed(ms(400))).await;
    let client = builder(&server, &plain_credentials()).max_attempts(1).build().unwrap();
    let (short, normal, bounded) = tokio::join!(
        client.list_activities().attempt_timeout(ms(100)).send(),
        client.list_activities().send(),
        client.list_activities().operation_timeout(ms(100)).send(),
    );
    let e = short.expect_err("the call's attempt timeout");
    assert_eq!(e.kind(), ErrorKind::Timeout, "{e}");
    assert!(e.to_string().contains("attempt timeout (100ms)"), "{e}");
    normal.expect("the client's settings let the slow answer through");
    let e = bounded.expect_err("the call's operation timeout");
    assert_eq!(e.kind(), ErrorKind::Timeout, "{e}");
    assert!(e.to_string().contains("operation timeout (100ms)"), "{e}");
}

#[tokio::test]
async fn zero_attempts_for_one_call_is_refused_unsent() {
    let server = Server::always(Reply::ok("{}")).await;
    let client = client(&server);
    let e = client.delete_activity(ACTIVITY_ARN).max_attempts(0).await.expect_err("refused");
    assert_eq!(e.kind(), ErrorKind::Config, "{e}");
    assert!(e.to_string().contains("max_attempts"), "{e}");
    assert_eq!(server.request_count(), 0);
}

/// Each page request of a paginator built from the builder keeps its
/// settings.
#[tokio::test]
async fn a_paginator_keeps_the_calls_settings_for_every_page() {
    let server = Server::start().await;
    server.push(Reply::ok(r#"{"activities": [], "nextToken": "p2"}"#));
    server.set_handler(|_| Reply::json(500, r#"{"__type": "InternalFailure", "message": "down"}"#));
    let client = builder(&server, &plain_credentials()).max_attempts(3).build().unwrap();
    let pages: Result<Vec<_>, _> =
        client.list_activities().max_attempts(1).into_paginator().pages().try_collect().await;
    assert_eq!(pages.expect_err("page 2 fails").attempts(), 1);
    assert_eq!(server.request_count(), 2, "page 1, then page 2 once");
}

/// An Express execution runs up to 5 minutes: a StartSyncExecution answered
/// after 4 minutes of silence is received, not cut off and retried.
#[tokio::test(start_paused = true)]
async fn a_sync_execution_answered_after_4_minutes_is_received() {
    let done = r#"{"executionArn": "a", "startDate": 1, "stopDate": 241, "status": "SUCCEEDED"}"#;
    let server = Server::always(Reply::ok(done).delayed(Duration::from_secs(240))).await;
    let client = client(&server);
    let started = tokio::time::Instant::now();
    let out = client.start_sync_execution("arn:sm").await.expect("the result");
    assert!(started.elapsed() >= Duration::from_secs(240), "{:?}", started.elapsed());
    assert_eq!(out.status, sfn_lite::types::SyncExecutionStatus::Succeeded);
    assert_eq!(server.request_count(), 1, "one attempt");
}
