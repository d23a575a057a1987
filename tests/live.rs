//! Live operations against an in-process server whose state changes between
//! polls: following a growing history (bursts, empty polls, throttling,
//! redrives, servers that ignore `reverseOrder`), watching a Map Run and
//! waiting for an execution.

mod common;

use common::{Recorded, Reply, Server};
use futures::{StreamExt, TryStreamExt};
use serde_json::{Value, json};
use sfn_lite::live::WaitTimedOut;
use sfn_lite::operations::DescribeExecutionOutput;
use sfn_lite::types::{ExecutionStatus, HistoryEvent, HistoryEventType, MapRunStatus};
use sfn_lite::{Client, ErrorCode, ErrorKind};
use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::Duration;

const ARN: &str = "arn:aws:states:us-east-1:123456789012:execution:sm:run-1";
const MS: Duration = Duration::from_millis(1);

/// What happens to the history at the start of a poll.
#[derive(Clone, Debug)]
enum Step {
    /// These events are appended.
    Burst(Vec<&'static str>),
    /// The poll is throttled (after the client's retries, which are off).
    Throttle,
    /// The poll fails with a non-retryable error.
    Fail,
}

fn filler(n: usize) -> Step {
    Step::Burst(vec!["PassStateEntered"; n])
}

/// A fake execution whose history grows, one [`Step`] per poll. A poll is
/// any GetExecutionHistory request without a token, but the very first.
struct Sim {
    events: Vec<&'static str>,
    steps: VecDeque<Step>,
    /// Whether the server honours `reverseOrder` and `maxResults` (AWS does,
    /// moto does not).
    like_aws: bool,
    describe: Value,
    history_requests: usize,
    /// Per poll: (events added, requests made, events served).
    polls: Vec<(usize, usize, usize)>,
}

fn event(id: usize, ty: &str) -> Value {
    let mut e = json!({"id": id, "type": ty, "timestamp": 1.7e9 + id as f64});
    if id > 1 {
        e["previousEventId"] = json!(id - 1);
    }
    e
}

impl Sim {
    fn new(initial: usize, steps: Vec<Step>, like_aws: bool) -> Arc<Mutex<Self>> {
        let mut events = vec!["ExecutionStarted"];
        events.extend(std::iter::repeat_n("PassStateEntered", initial - 1));
        Arc::new(Mutex::new(Self {
            events,
            steps: steps.into(),
            like_aws,
            describe: json!({"executionArn": ARN, "status": "FAILED", "redriveStatus": "REDRIVABLE"}),
            history_requests: 0,
            polls: Vec::new(),
        }))
    }

    fn handle(&mut self, request: &Recorded) -> Reply {
        let body = request.json().unwrap();
        match request.operation() {
            Some("DescribeExecution") => return Reply::ok(self.describe.to_string()),
            Some("GetExecutionHistory") => {}
            other => panic!("unexpected {other:?}"),
        }
        self.history_requests += 1;
        let token = body["nextToken"].as_str();
        if token.is_none() && self.history_requests > 1 {
            let step = self.steps.pop_front().unwrap_or(Step::Burst(vec![]));
            let added = match &step {
                Step::Burst(types) => types.len(),
                _ => 0,
            };
            self.polls.push((added, 0, 0));
            match step {
                Step::Burst(types) => self.events.extend(types),
                Step::Throttle => {
                    self.polls.last_mut().unwrap().1 += 1;
                    return Reply::service_error("ThrottlingException", "Rate exceeded");
                }
                Step::Fail => return Reply::service_error("ExecutionDoesNotExist", "gone"),
            }
        }
        let mut all: Vec<Value> =
            self.events.iter().enumerate().map(|(i, ty)| event(i + 1, ty)).collect();
        let (size, start) = if self.like_aws {
            if body["reverseOrder"] == json!(true) {
                all.reverse();
            }
            let size = body["maxResults"].as_u64().map_or(100, |n| n as usize);
            let start = token.map_or(0, |t| t.parse().unwrap());
            (size, start)
        } else {
            (all.len(), 0)
        };
        let page: Vec<Value> = all.iter().skip(start).take(size).cloned().collect();
        if let Some(poll) = self.polls.last_mut() {
            poll.1 += 1;
            poll.2 += page.len();
        }
        let mut out = json!({ "events": page });
        if start + size < all.len() {
            out["nextToken"] = json!((start + size).to_string());
        }
        Reply::ok(out.to_string())
    }
}

async fn serve(sim: &Arc<Mutex<Sim>>) -> (Server, Client) {
    let shared = Arc::clone(sim);
    let server = Server::with_handler(move |r| shared.lock().unwrap().handle(r)).await;
    let client =
        common::builder(&server, &common::plain_credentials()).max_attempts(1).build().unwrap();
    (server, client)
}

fn ids(events: &[HistoryEvent]) -> Vec<i64> {
    events.iter().map(|e| e.id).collect()
}

/// Every event of the followed history; a stream that does not end within
/// 10 s fails the test rather than hanging it.
async fn follow_all(client: &Client, redrives: bool) -> Vec<HistoryEvent> {
    let events = client
        .get_execution_history(ARN)
        .max_results(100)
        .follow()
        .poll_interval(MS)
        .max_poll_interval(4 * MS)
        .across_redrives(redrives)
        .try_collect();
    tokio::time::timeout(Duration::from_secs(10), events).await.expect("the stream ends").unwrap()
}

fn growing_steps() -> Vec<Step> {
    vec![
        filler(3),
        filler(0),
        Step::Throttle,
        filler(250),
        filler(0),
        filler(0),
        filler(1),
        Step::Throttle,
        Step::Throttle,
        Step::Burst(vec!["PassStateExited", "ExecutionSucceeded"]),
    ]
}

#[tokio::test]
async fn follow_yields_every_event_once_in_order_and_reads_only_what_is_new() {
    let sim = Sim::new(250, growing_steps(), true);
    let (server, client) = serve(&sim).await;
    let events = follow_all(&client, false).await;
    let total = 250 + 3 + 250 + 1 + 2;
    assert_eq!(ids(&events), (1..=total as i64).collect::<Vec<_>>());
    assert_eq!(events.last().unwrap().r#type, HistoryEventType::ExecutionSucceeded);

    let sim = sim.lock().unwrap();
    assert!(sim.steps.is_empty(), "every poll happened: {:?}", sim.steps);
    // Catch-up: three pages of 100 oldest first; then every poll reads
    // newest first, one request per 100 new events and one more at most.
    let requests = server.requests();
    let bodies: Vec<Value> = requests.iter().map(|r| r.json().unwrap()).collect();
    assert_eq!(bodies[0], json!({"executionArn": ARN, "maxResults": 100}));
    assert_eq!(bodies[1]["nextToken"], "100");
    assert!(bodies[3..].iter().all(|b| b["reverseOrder"] == true && b["maxResults"] == 100));
    for (added, made, served) in &sim.polls {
        assert!(*made <= 1 + added / 100, "{made} requests for {added} new events");
        assert!(*served <= added + 100, "{served} events read for {added} new ones");
    }
    drop(sim);
    assert_eq!(server.request_count(), requests.len(), "nothing sent after the end");
}

#[tokio::test]
async fn follow_stays_correct_on_a_server_that_ignores_reverse_order() {
    let sim = Sim::new(250, growing_steps(), false);
    let (_server, client) = serve(&sim).await;
    let events = follow_all(&client, false).await;
    assert_eq!(ids(&events), (1..=506).collect::<Vec<_>>());
    assert!(sim.lock().unwrap().steps.is_empty());
}

#[tokio::test]
async fn follow_ends_at_the_first_terminal_event_unless_asked_to_follow_redrives() {
    let steps = || {
        vec![
            Step::Burst(vec!["TaskFailed", "ExecutionFailed"]),
            filler(0),
            Step::Burst(vec!["ExecutionRedriven", "TaskStateEntered"]),
            Step::Burst(vec!["ExecutionSucceeded"]),
        ]
    };
    let sim = Sim::new(2, steps(), true);
    let (server, client) = serve(&sim).await;
    let events = follow_all(&client, false).await;
    assert_eq!(ids(&events), [1, 2, 3, 4]);
    assert_eq!(events[3].r#type, HistoryEventType::ExecutionFailed);
    assert!(server.requests().iter().all(|r| r.operation() == Some("GetExecutionHistory")));

    let sim = Sim::new(2, steps(), true);
    let (server, client) = serve(&sim).await;
    let events = follow_all(&client, true).await;
    assert_eq!(ids(&events), (1..=7).collect::<Vec<_>>());
    let types: Vec<_> = events.iter().map(|e| e.r#type.clone()).collect();
    assert_eq!(types[4], HistoryEventType::ExecutionRedriven);
    assert_eq!(types[6], HistoryEventType::ExecutionSucceeded);
    assert!(server.requests().iter().any(|r| r.operation() == Some("DescribeExecution")));

    // A failure that cannot be redriven ends the stream.
    let sim = Sim::new(2, steps(), true);
    sim.lock().unwrap().describe["redriveStatus"] = json!("NOT_REDRIVABLE");
    let (_server, client) = serve(&sim).await;
    let events = follow_all(&client, true).await;
    assert_eq!(ids(&events), [1, 2, 3, 4]);
}

#[tokio::test]
async fn follow_catches_up_on_a_finished_history_and_yields_other_errors_then_ends() {
    let sim = Sim::new(1, vec![], true);
    sim.lock().unwrap().events.extend([
        "PassStateEntered",
        "ExecutionAborted",
        "ExecutionRedriven",
    ]);
    let (server, client) = serve(&sim).await;
    let events = follow_all(&client, false).await;
    assert_eq!(ids(&events), [1, 2, 3], "nothing after the terminal event");
    assert_eq!(server.request_count(), 1);

    let sim = Sim::new(5, vec![filler(2), Step::Fail, filler(1)], true);
    let (server, client) = serve(&sim).await;
    let mut follow = client.get_execution_history(ARN).follow().poll_interval(MS);
    let mut ok = Vec::new();
    let error = loop {
        match follow.next().await.expect("an error before the end") {
            Ok(event) => ok.push(event),
            Err(error) => break error,
        }
    };
    assert_eq!(ids(&ok), [1, 2, 3, 4, 5, 6, 7]);
    assert_eq!(error.code(), Some(&ErrorCode::ExecutionDoesNotExist));
    assert!(follow.next().await.is_none());
    assert_eq!(server.request_count(), 3);
}

/// A server answering DescribeExecution / DescribeMapRun from a list, the
/// last answer repeated.
async fn answering(bodies: Vec<Value>) -> (Server, Client) {
    let bodies = Mutex::new(VecDeque::from(bodies));
    let server = Server::with_handler(move |_| {
        let mut bodies = bodies.lock().unwrap();
        let body = if bodies.len() > 1 { bodies.pop_front() } else { bodies.front().cloned() };
        match body.unwrap() {
            Value::String(code) => Reply::service_error(&code, "slow down"),
            body => Reply::ok(body.to_string()),
        }
    })
    .await;
    let client =
        common::builder(&server, &common::plain_credentials()).max_attempts(1).build().unwrap();
    (server, client)
}

fn run(status: &str, succeeded: i64, failed: i64) -> Value {
    json!({"mapRunArn": "arn:aws:states:us-east-1:123456789012:mapRun:sm/Map:1", "status": status,
           "itemCounts": {"succeeded": succeeded, "failed": failed, "total": 10},
           "toleratedFailureCount": 1})
}

#[tokio::test]
async fn watch_map_run_yields_only_changes_and_ends_at_a_final_status() {
    let (server, client) = answering(vec![
        run("RUNNING", 0, 0),
        run("RUNNING", 0, 0),
        json!("ThrottlingException"),
        run("RUNNING", 4, 1),
        run("RUNNING", 4, 1),
        run("RUNNING", 8, 2),
        run("FAILED", 8, 2),
    ])
    .await;
    let snapshots: Vec<_> = client
        .watch_map_run("arn:aws:states:us-east-1:123456789012:mapRun:sm/Map:1")
        .poll_interval(MS)
        .max_poll_interval(2 * MS)
        .try_collect()
        .await
        .unwrap();
    let seen: Vec<_> = snapshots
        .iter()
        .map(|s| (s.status.clone(), s.item_counts.succeeded, s.exceeds_tolerated_failures()))
        .collect();
    assert_eq!(
        seen,
        [
            (MapRunStatus::Running, 0, false),
            (MapRunStatus::Running, 4, false),
            (MapRunStatus::Running, 8, true),
            (MapRunStatus::Failed, 8, true)
        ]
    );
    assert_eq!(snapshots[2].item_counts.done_fraction(), Some(1.0));
    assert_eq!(server.request_count(), 7, "no poll after the final status");
}

fn execution(status: &str) -> Value {
    json!({"executionArn": ARN, "status": status, "stateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:sm",
           "startDate": 1.7e9, "output": "secret output"})
}

#[tokio::test]
async fn wait_for_execution_returns_the_final_description() {
    let (server, client) = answering(vec![
        execution("RUNNING"),
        json!("ThrottlingException"),
        execution("PENDING_REDRIVE"),
        execution("RUNNING"),
        execution("SUCCEEDED"),
    ])
    .await;
    let done =
        client.wait_for_execution(ARN).poll_interval(MS).max_poll_interval(MS).await.unwrap();
    assert_eq!(done.status, ExecutionStatus::Succeeded);
    assert_eq!(done.output.unwrap().expose(), "secret output");
    assert_eq!(server.request_count(), 5);
}

#[tokio::test]
async fn wait_for_execution_times_out_with_the_last_status_seen() {
    let (server, client) =
        answering(vec![execution("RUNNING"), execution("PENDING_REDRIVE")]).await;
    let error = client
        .wait_for_execution(ARN)
        .poll_interval(MS)
        .max_poll_interval(5 * MS)
        .max_wait(Duration::from_millis(60))
        .await
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Timeout);
    let message = error.to_string();
    assert!(message.contains("still PENDING_REDRIVE") && message.contains(ARN), "{message}");
    assert!(!format!("{message} {error:?}").contains("secret output"));
    let timeout = WaitTimedOut::<DescribeExecutionOutput>::of(&error).expect("the last status");
    assert_eq!(timeout.last().status, ExecutionStatus::PendingRedrive);
    assert!(timeout.waited() >= Duration::from_millis(60));
    assert!(server.request_count() >= 3, "it polled until the deadline");
}

#[test]
fn count_helpers_say_how_far_a_run_is_and_whether_it_fails() {
    use sfn_lite::operations::DescribeMapRunOutput;
    let run = |pct: f64, count: i64, failed: i64, timed_out: i64, total: i64| {
        let body = json!({"status": "RUNNING", "toleratedFailurePercentage": pct,
            "toleratedFailureCount": count, "itemCounts": {"failed": failed, "timedOut": timed_out,
            "succeeded": 10, "aborted": 1, "running": 3, "total": total}});
        serde_json::from_value::<DescribeMapRunOutput>(body).unwrap()
    };
    let r = run(0.0, 0, 0, 0, 20);
    assert_eq!((r.item_counts.done(), r.item_counts.done_fraction()), (11, Some(0.55)));
    assert_eq!(run(0.0, 0, 0, 0, 0).item_counts.done_fraction(), None);
    assert_eq!(run(0.0, 0, 0, 0, 0).item_counts.failure_percentage(), None);
    assert_eq!(run(0.0, 0, 1, 1, 20).item_counts.failure_percentage(), Some(10.0));
    assert_eq!(run(0.0, 0, 1, 1, 20).item_counts.done(), 13, "failed and timed out are done");
    // (tolerated %, tolerated count, failed, timed out, total) => exceeds
    let cases = [
        ((0.0, 0, 0, 0, 20), false),  // no tolerance, no failure
        ((0.0, 0, 0, 1, 20), true),   // no tolerance: a timeout is a failure
        ((0.0, 2, 2, 0, 20), false),  // count only: 2 of 2 tolerated
        ((0.0, 2, 2, 1, 20), true),   // 3 > 2
        ((10.0, 0, 2, 0, 20), false), // percentage only: 10% of 10%
        ((10.0, 0, 2, 1, 20), true),  // 15% > 10%
        ((50.0, 1, 2, 0, 20), true),  // either threshold exceeded is enough
        ((100.0, 0, 20, 0, 20), false),
    ];
    for ((pct, count, failed, timed_out, total), exceeds) in cases {
        let r = run(pct, count, failed, timed_out, total);
        assert_eq!(
            r.exceeds_tolerated_failures(),
            exceeds,
            "{pct}% / {count}, {failed}+{timed_out} of {total}"
        );
    }
}
