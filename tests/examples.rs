//! The examples moto cannot serve, end to end: `activity_worker`
//! (GetActivityTask) and `deploy_alias` (ValidateStateMachineDefinition,
//! PublishStateMachineVersion), each run as a user runs it, a process with
//! the AWS settings in its environment, against the in-process server of
//! `common` answering the way the service model says. The tests assert what
//! the examples send, print and exit with; the Ctrl-C tests send the worker
//! a real SIGINT (Unix only).

mod common;
#[allow(dead_code)]
mod example_bin;

use common::{Recorded, Reply, Server};
use example_bin::text;
use serde_json::{Value, json};
use std::process::{Child, Output, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

fn ops(requests: &[Recorded]) -> Vec<String> {
    requests.iter().map(|r| r.operation().unwrap_or("?").to_owned()).collect()
}

/// Runs an example to its end.
async fn run(server: &Server, name: &str, args: &[&str]) -> Output {
    let mut command = example_bin::command(name, &server.url());
    command.args(args);
    tokio::task::spawn_blocking(move || command.output().expect("the example runs")).await.unwrap()
}

/// Waits (up to 60 s) until the server has received a request for which
/// `done` holds over all requests so far.
async fn wait_until(server: &Server, what: &str, done: impl Fn(&[Recorded]) -> bool) {
    let start = Instant::now();
    while !done(&server.requests()) {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "timed out waiting for {what}; requests: {:?}",
            ops(&server.requests())
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

// ---------------------------------------------------------------------------
// activity_worker

mod activity_worker {
    use super::*;

    const ACTIVITY: &str = "arn:aws:states:us-east-1:123456789012:activity:upper";
    const WORKER: &str = "test-worker";

    /// A GetActivityTask reply handing over a task (`input` is a JSON text).
    fn task(token: &str, input: Value) -> Reply {
        Reply::ok(json!({ "taskToken": token, "input": input.to_string() }).to_string())
    }

    /// The reply to a long poll that found no task.
    fn no_task() -> Reply {
        Reply::ok("{}").delayed(Duration::from_millis(200))
    }

    /// A server answering GetActivityTask from `tasks` in order, then with
    /// no task; the task calls with `{}`.
    async fn server(tasks: Vec<Reply>) -> Server {
        let polls = AtomicUsize::new(0);
        Server::with_handler(move |request| match request.operation() {
            Some("GetActivityTask") => {
                let n = polls.fetch_add(1, Ordering::SeqCst);
                tasks.get(n).cloned().unwrap_or_else(no_task)
            }
            Some("SendTaskHeartbeat" | "SendTaskSuccess" | "SendTaskFailure") => Reply::ok("{}"),
            other => Reply::service_error("UnknownOperationException", &format!("{other:?}")),
        })
        .await
    }

    fn start(server: &Server) -> Child {
        example_bin::command("activity_worker", &server.url())
            .args([ACTIVITY, WORKER])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the worker starts")
    }

    async fn finish(child: Child) -> Output {
        tokio::task::spawn_blocking(move || child.wait_with_output().expect("the worker ends"))
            .await
            .unwrap()
    }

    #[cfg(unix)]
    fn ctrl_c(child: &Child) {
        let status = std::process::Command::new("kill")
            .args(["-INT", &child.id().to_string()])
            .status()
            .expect("kill runs");
        assert!(status.success(), "kill -INT failed");
    }

    /// The answers (SendTaskSuccess / SendTaskFailure) for `token`.
    fn answers(requests: &[Recorded], token: &str) -> Vec<(String, Value)> {
        requests
            .iter()
            .filter(|r| matches!(r.operation(), Some("SendTaskSuccess" | "SendTaskFailure")))
            .filter(|r| r.json().unwrap()["taskToken"] == token)
            .map(|r| (r.operation().unwrap().to_owned(), r.json().unwrap()))
            .collect()
    }

    fn polls(requests: &[Recorded]) -> usize {
        requests.iter().filter(|r| r.operation() == Some("GetActivityTask")).count()
    }

    fn heartbeats(requests: &[Recorded]) -> bool {
        requests.iter().any(|r| r.operation() == Some("SendTaskHeartbeat"))
    }

    /// Every poll names the activity and the worker, and nothing else.
    fn assert_polls(requests: &[Recorded]) {
        for poll in requests.iter().filter(|r| r.operation() == Some("GetActivityTask")) {
            assert_eq!(
                poll.json().unwrap(),
                json!({ "activityArn": ACTIVITY, "workerName": WORKER })
            );
        }
    }

    #[test]
    fn help_and_usage() {
        let help = example_bin::command("activity_worker", "http://127.0.0.1:9")
            .arg("--help")
            .output()
            .expect("the worker runs");
        let stdout = text(&help.stdout);
        assert_eq!(help.status.code(), Some(0), "{}", text(&help.stderr));
        assert!(stdout.contains("Usage: activity_worker <ACTIVITY_ARN> [WORKER_NAME]"), "{stdout}");
        assert!(stdout.contains("Ctrl-C stops it cleanly"), "{stdout}");

        let bare = example_bin::command("activity_worker", "http://127.0.0.1:9")
            .output()
            .expect("the worker runs");
        assert_eq!(bare.status.code(), Some(2));
        assert!(text(&bare.stderr).contains("Usage: activity_worker <ACTIVITY_ARN>"));
    }

    /// Works on two tasks: the first succeeds after 6 s of work, heartbeating
    /// every 5 s; the second has no `text` and fails with `Worker.NoText`.
    /// Each token is answered exactly once; Ctrl-C while idle stops it
    /// cleanly.
    #[cfg(unix)]
    #[tokio::test(flavor = "multi_thread")]
    async fn answers_each_task_once_heartbeating_while_it_works() {
        let server = server(vec![
            task("token-1", json!({ "text": "abcdef" })),
            task("token-2", json!({ "count": 3 })),
        ])
        .await;
        let child = start(&server);
        wait_until(&server, "the worker to poll again after both tasks", |r| polls(r) >= 4).await;
        ctrl_c(&child);
        let out = finish(child).await;
        let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
        assert_eq!(out.status.code(), Some(0), "{stdout}\n{stderr}");

        let requests = server.requests();
        let ops = ops(&requests);
        let tail = ops.iter().skip_while(|o| *o != "SendTaskFailure").skip(1);
        assert!(tail.clone().all(|o| o == "GetActivityTask"), "{ops:?}");
        let work: Vec<&str> =
            ops.iter().map(String::as_str).take_while(|o| *o != "SendTaskSuccess").collect();
        assert_eq!(work[0], "GetActivityTask", "{ops:?}");
        assert!(work.len() >= 2, "no heartbeat during 6 s of work: {ops:?}");
        assert!(work[1..].iter().all(|o| *o == "SendTaskHeartbeat"), "{ops:?}");
        assert_eq!(
            ops[work.len()..work.len() + 3],
            ["SendTaskSuccess", "GetActivityTask", "SendTaskFailure"],
            "{ops:?}"
        );
        for heartbeat in requests.iter().filter(|r| r.operation() == Some("SendTaskHeartbeat")) {
            assert_eq!(heartbeat.json().unwrap(), json!({ "taskToken": "token-1" }));
        }
        assert_polls(&requests);

        let first = answers(&requests, "token-1");
        assert_eq!(first.len(), 1, "token-1 answered {first:?}");
        assert_eq!(first[0].0, "SendTaskSuccess");
        let output: Value = serde_json::from_str(first[0].1["output"].as_str().unwrap()).unwrap();
        assert_eq!(output, json!({ "text": "ABCDEF" }));
        assert_eq!(first[0].1.as_object().unwrap().len(), 2, "{:?}", first[0].1);

        let second = answers(&requests, "token-2");
        assert_eq!(
            second,
            [(
                "SendTaskFailure".to_owned(),
                json!({
                    "taskToken": "token-2",
                    "error": "Worker.NoText",
                    "cause": "the input has no `text` string",
                })
            )]
        );

        assert!(stderr.contains(&format!("{WORKER} polling {ACTIVITY}")), "{stderr}");
        assert!(stderr.contains("task done"), "{stderr}");
        assert!(stderr.contains("task failed back: Worker.NoText"), "{stderr}");
        assert!(stderr.trim_end().ends_with(&format!("{WORKER} stopped")), "{stderr}");
    }

    /// A heartbeat refused with `TaskTimedOut` means the service took the
    /// task back: the worker drops it unanswered and polls for the next.
    #[tokio::test(flavor = "multi_thread")]
    async fn drops_a_task_whose_heartbeat_times_out() {
        let polls_ = AtomicUsize::new(0);
        let server = Server::with_handler(move |request| match request.operation() {
            Some("GetActivityTask") if polls_.fetch_add(1, Ordering::SeqCst) == 0 => {
                task("token-1", json!({ "text": "a long piece of text" }))
            }
            Some("GetActivityTask") => no_task(),
            Some("SendTaskHeartbeat") => {
                Reply::service_error("TaskTimedOut", "Task Timed Out: 'token-1'")
            }
            _ => Reply::ok("{}"),
        })
        .await;
        let mut child = start(&server);
        wait_until(&server, "a poll after the refused heartbeat", |r| polls(r) >= 2).await;
        let _ = child.kill();
        let out = finish(child).await;

        let requests = server.requests();
        assert_eq!(
            ops(&requests)[..3],
            ["GetActivityTask", "SendTaskHeartbeat", "GetActivityTask"]
        );
        assert!(answers(&requests, "token-1").is_empty(), "{:?}", ops(&requests));
        let stderr = text(&out.stderr);
        assert!(stderr.contains("heartbeat refused, dropping the task"), "{stderr}");
    }

    /// Ctrl-C while a task is held (8 s of work, past its first heartbeat)
    /// that finishes within the grace period:
    /// the task is finished and answered, then the worker exits 0 without
    /// polling again.
    #[cfg(unix)]
    #[tokio::test(flavor = "multi_thread")]
    async fn ctrl_c_lets_the_task_held_finish() {
        let server = server(vec![task("token-1", json!({ "text": "abcdefgh" }))]).await;
        let child = start(&server);
        wait_until(&server, "a heartbeat: the worker holds the task", heartbeats).await;
        ctrl_c(&child);
        let out = finish(child).await;
        let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
        assert_eq!(out.status.code(), Some(0), "{stdout}\n{stderr}");

        let requests = server.requests();
        assert_eq!(ops(&requests), ["GetActivityTask", "SendTaskHeartbeat", "SendTaskSuccess"]);
        let answer = &answers(&requests, "token-1")[0].1;
        assert_eq!(answer["output"], json!({ "text": "ABCDEFGH" }).to_string());
        assert!(stderr.contains("stopping:"), "{stderr}");
        assert!(stderr.contains("task done"), "{stderr}");
    }

    /// Ctrl-C while a task is held that would take longer than the grace
    /// period (10 s): heartbeats go on, then the task is failed back with
    /// `Worker.ShuttingDown`, never abandoned, and the worker exits 0.
    #[cfg(unix)]
    #[tokio::test(flavor = "multi_thread")]
    async fn ctrl_c_fails_back_a_task_that_outlasts_the_grace_period() {
        let text_in = "a text that takes forty seconds to do!!!";
        let server = server(vec![task("token-1", json!({ "text": text_in }))]).await;
        let child = start(&server);
        wait_until(&server, "a heartbeat: the worker holds the task", heartbeats).await;
        let stopped_at = Instant::now();
        ctrl_c(&child);
        let out = finish(child).await;
        let waited = stopped_at.elapsed();
        let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
        assert_eq!(out.status.code(), Some(0), "{stdout}\n{stderr}");
        assert!(waited >= Duration::from_secs(9), "gave up after {waited:?}, not the grace period");

        let requests = server.requests();
        let ops = ops(&requests);
        assert_eq!(ops.first().map(String::as_str), Some("GetActivityTask"), "{ops:?}");
        assert_eq!(ops.last().map(String::as_str), Some("SendTaskFailure"), "{ops:?}");
        let middle = &ops[1..ops.len() - 1];
        assert!(middle.len() >= 3, "heartbeats stopped during the grace period: {ops:?}");
        assert!(middle.iter().all(|o| o == "SendTaskHeartbeat"), "{ops:?}");
        assert_eq!(
            answers(&requests, "token-1"),
            [(
                "SendTaskFailure".to_owned(),
                json!({
                    "taskToken": "token-1",
                    "error": "Worker.ShuttingDown",
                    "cause": "the worker stopped mid-task",
                })
            )]
        );
        assert!(stderr.contains("task failed back: Worker.ShuttingDown"), "{stderr}");
    }

    /// Ctrl-C while a poll is in flight: the poll is let finish, and the task
    /// it hands over at the last moment is failed back at once, not lost.
    #[cfg(unix)]
    #[tokio::test(flavor = "multi_thread")]
    async fn ctrl_c_during_a_poll_fails_back_a_task_handed_over_late() {
        let late = task("token-1", json!({ "text": "abc" })).delayed(Duration::from_secs(5));
        let server = server(vec![late]).await;
        let child = start(&server);
        wait_until(&server, "the first poll", |r| polls(r) >= 1).await;
        tokio::time::sleep(Duration::from_millis(500)).await;
        ctrl_c(&child);
        let out = finish(child).await;
        let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
        assert_eq!(out.status.code(), Some(0), "{stdout}\n{stderr}");

        let requests = server.requests();
        assert_eq!(ops(&requests), ["GetActivityTask", "SendTaskFailure"]);
        assert_eq!(
            answers(&requests, "token-1")[0].1,
            json!({
                "taskToken": "token-1",
                "error": "Worker.ShuttingDown",
                "cause": "the worker stopped before starting",
            })
        );
        assert_eq!(server.abandoned_count(), 0, "the poll in flight was dropped");
    }
}

// ---------------------------------------------------------------------------
// deploy_alias

mod deploy_alias {
    use super::*;

    const MACHINE: &str = "arn:aws:states:us-east-1:123456789012:stateMachine:orders";
    const DEFINITION: &str = r#"{"StartAt":"Done","States":{"Done":{"Type":"Succeed"}}}"#;
    const NOW: f64 = 1_764_500_000.25;

    fn version(n: u32) -> String {
        format!("{MACHINE}:{n}")
    }

    fn alias() -> String {
        format!("{MACHINE}:PROD")
    }

    fn definition_file() -> tempfile::NamedTempFile {
        let file = tempfile::NamedTempFile::new().unwrap();
        std::fs::write(file.path(), DEFINITION).unwrap();
        file
    }

    /// A server answering like the service for a valid definition: revision
    /// `rev-2`, published as version 2, the alias `PROD` routing to
    /// `current` (absent when `None`).
    async fn server(current: Option<Value>) -> Server {
        let current = Arc::new(current);
        Server::with_handler(move |request| {
            let body = match request.operation() {
                Some("ValidateStateMachineDefinition") => {
                    json!({ "result": "OK", "diagnostics": [] })
                }
                Some("UpdateStateMachine") => json!({ "updateDate": NOW, "revisionId": "rev-2" }),
                Some("PublishStateMachineVersion") => {
                    json!({ "creationDate": NOW, "stateMachineVersionArn": version(2) })
                }
                Some("DescribeStateMachineAlias") => match current.as_ref() {
                    Some(routing) => json!({
                        "stateMachineAliasArn": alias(),
                        "name": "PROD",
                        "routingConfiguration": routing,
                        "creationDate": NOW - 86_400.0,
                        "updateDate": NOW - 3_600.0,
                    }),
                    None => {
                        return Reply::service_error(
                            "ResourceNotFound",
                            &format!("Resource not found: '{}'", alias()),
                        );
                    }
                },
                Some("CreateStateMachineAlias") => {
                    json!({ "stateMachineAliasArn": alias(), "creationDate": NOW })
                }
                Some("UpdateStateMachineAlias") => json!({ "updateDate": NOW }),
                other => {
                    return Reply::service_error(
                        "UnknownOperationException",
                        &format!("{other:?}"),
                    );
                }
            };
            Reply::ok(body.to_string())
        })
        .await
    }

    /// Validate, update and publish, as every deploy of a valid definition
    /// starts.
    fn assert_published(requests: &[Recorded], path: &str) {
        assert_eq!(
            requests[0].json().unwrap(),
            json!({ "definition": DEFINITION, "severity": "WARNING" }),
            "ValidateStateMachineDefinition"
        );
        assert_eq!(
            requests[1].json().unwrap(),
            json!({ "stateMachineArn": MACHINE, "definition": DEFINITION }),
            "UpdateStateMachine"
        );
        assert_eq!(
            requests[2].json().unwrap(),
            json!({ "stateMachineArn": MACHINE, "revisionId": "rev-2", "description": path }),
            "PublishStateMachineVersion publishes the revision the update made"
        );
        assert_eq!(requests[3].json().unwrap(), json!({ "stateMachineAliasArn": alias() }));
    }

    fn routing(routes: &[(&str, u32)]) -> Value {
        routes
            .iter()
            .map(|(arn, weight)| json!({ "stateMachineVersionArn": arn, "weight": weight }))
            .collect()
    }

    #[test]
    fn help_usage_and_bad_arguments() {
        let run = |args: &[&str]| {
            example_bin::command("deploy_alias", "http://127.0.0.1:9")
                .args(args)
                .output()
                .expect("the example runs")
        };
        let help = run(&["--help"]);
        let stdout = text(&help.stdout);
        assert_eq!(help.status.code(), Some(0), "{}", text(&help.stderr));
        assert!(
            stdout.contains(
                "Usage: deploy_alias <STATE_MACHINE_ARN> <DEFINITION> [ALIAS] [BAKE_SECONDS]"
            ),
            "{stdout}"
        );
        assert!(stdout.contains("[default: PROD]") && stdout.contains("[default: 60]"), "{stdout}");

        let bare = run(&[]);
        assert_eq!(bare.status.code(), Some(2));
        assert!(text(&bare.stderr).contains("Usage: deploy_alias <STATE_MACHINE_ARN>"));

        let bad = run(&["arn:aws:states:us-east-1:1234:stateMachine:orders", "d.json"]);
        assert_eq!(bad.status.code(), Some(2));
        assert!(text(&bad.stderr).contains("the account `1234` is not 12 digits"));

        // Nothing is sent for a qualified ARN: the alias ARN is built from it.
        let qualified = run(&[&version(3), "d.json"]);
        assert_eq!(qualified.status.code(), Some(1));
        assert!(text(&qualified.stderr).contains("without a version or alias"));
    }

    /// The canary: 90 % old / 10 % new, a bake of 1 s, then 100 % new.
    #[tokio::test]
    async fn shifts_the_alias_90_10_then_100() {
        let server = server(Some(routing(&[(&version(1), 100)]))).await;
        let file = definition_file();
        let path = file.path().to_str().unwrap();
        let out = run(&server, "deploy_alias", &[MACHINE, path, "PROD", "1"]).await;
        let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
        assert_eq!(out.status.code(), Some(0), "{stdout}\n{stderr}");

        let requests = server.requests();
        assert_eq!(
            ops(&requests),
            [
                "ValidateStateMachineDefinition",
                "UpdateStateMachine",
                "PublishStateMachineVersion",
                "DescribeStateMachineAlias",
                "UpdateStateMachineAlias",
                "UpdateStateMachineAlias",
            ]
        );
        assert_published(&requests, path);
        assert_eq!(
            requests[4].json().unwrap(),
            json!({
                "stateMachineAliasArn": alias(),
                "routingConfiguration": routing(&[(&version(1), 90), (&version(2), 10)]),
            })
        );
        assert_eq!(
            requests[5].json().unwrap(),
            json!({
                "stateMachineAliasArn": alias(),
                "routingConfiguration": routing(&[(&version(2), 100)]),
            })
        );
        let baked = requests[5].at - requests[4].at;
        assert!(baked >= Duration::from_secs(1), "baked {baked:?}, not 1 s");
        assert_eq!(
            stdout.lines().collect::<Vec<_>>(),
            [
                format!("published {}", version(2)),
                format!("{}: 90 % {}, 10 % {}; baking 1s", alias(), version(1), version(2)),
                format!("{} → {} (100 %)", alias(), version(2)),
            ]
        );
    }

    /// An alias that does not exist yet is created at 100 %.
    #[tokio::test]
    async fn creates_a_missing_alias_at_100() {
        let server = server(None).await;
        let file = definition_file();
        let path = file.path().to_str().unwrap();
        let out = run(&server, "deploy_alias", &[MACHINE, path]).await;
        let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
        assert_eq!(out.status.code(), Some(0), "{stdout}\n{stderr}");

        let requests = server.requests();
        assert_eq!(
            ops(&requests),
            [
                "ValidateStateMachineDefinition",
                "UpdateStateMachine",
                "PublishStateMachineVersion",
                "DescribeStateMachineAlias",
                "CreateStateMachineAlias",
            ]
        );
        assert_published(&requests, path);
        assert_eq!(
            requests[4].json().unwrap(),
            json!({ "name": "PROD", "routingConfiguration": routing(&[(&version(2), 100)]) })
        );
        assert_eq!(
            stdout.lines().last(),
            Some(format!("created {} → {} (100 %)", alias(), version(2)).as_str())
        );
    }

    /// A definition with an error: the diagnostics are printed and nothing
    /// is changed (the only request is the validation); exit code 1.
    #[tokio::test]
    async fn a_validation_failure_changes_nothing() {
        let server = server(Some(routing(&[(&version(1), 100)]))).await;
        server.push(Reply::ok(
            json!({
                "result": "FAIL",
                "diagnostics": [
                    {
                        "severity": "ERROR",
                        "code": "SCHEMA_VALIDATION_FAILED",
                        "message": "The value for the field 'Next' must be a state name",
                        "location": "/States/Done/Next",
                    },
                    {
                        "severity": "WARNING",
                        "code": "UNREACHABLE_STATE",
                        "message": "State 'Spare' is unreachable",
                    },
                ],
                "truncated": false,
            })
            .to_string(),
        ));
        let file = definition_file();
        let path = file.path().to_str().unwrap();
        let out = run(&server, "deploy_alias", &[MACHINE, path, "PROD", "0"]).await;
        let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
        assert_eq!(out.status.code(), Some(1), "{stdout}\n{stderr}");
        assert_eq!(ops(&server.requests()), ["ValidateStateMachineDefinition"]);
        assert_eq!(
            stdout.lines().collect::<Vec<_>>(),
            [
                "ERROR SCHEMA_VALIDATION_FAILED at /States/Done/Next: The value for the field 'Next' must be a state name",
                "WARNING UNREACHABLE_STATE: State 'Spare' is unreachable",
            ]
        );
        assert!(stderr.contains("the definition has errors; nothing was changed"), "{stderr}");
    }
}
