//! The client against a real Step Functions server: moto 5.2.5 with its state
//! machine interpreter on, started by `scripts/local-sfn.sh` (see
//! `moto_support`). Asserts what moto really answers, including where it
//! differs from AWS. Every test is under `moto::`, the path that filters
//! them out (`cargo test -- --skip moto::`); none passes without running
//! (see `moto_support`).
//!
//! The tests run concurrently against one server. Those that only read a
//! finished Distributed Map run share one ([`moto_support::shared_map_run`]).

mod moto_support;

use std::path::Path;
use std::process::Command;

/// `scripts/test.sh` and `.ci/run` never let a skipped moto test pass for a
/// run of every test: under `CI=true`, and in `.ci/run` always, a set
/// `SFN_LITE_SKIP_MOTO` is refused before anything runs; elsewhere
/// `SFN_LITE_SKIP_MOTO=1` filters the tests out (`--skip moto::`, which the
/// runner reports), keeping the caller's arguments. Not under `moto::`, so it
/// runs when those are filtered out. The scripts run with a stand-in `cargo`
/// that records its arguments and a `python3` that fails, so nothing here can
/// start a test run or touch the moto server.
#[test]
fn the_scripts_refuse_to_skip_the_moto_tests_in_ci() {
    let root = env!("CARGO_MANIFEST_DIR");
    let bin = tempfile::tempdir().unwrap_or_else(|e| panic!("a temporary directory: {e}"));
    let log = bin.path().join("cargo-args");
    for (name, script) in [
        ("cargo", "#!/bin/sh\nprintf '%s\\n' \"$@\" > \"$FAKE_CARGO_LOG\"\n"),
        ("python3", "#!/bin/sh\nexit 1\n"),
    ] {
        let path = bin.path().join(name);
        std::fs::write(&path, script).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let made = Command::new("chmod").arg("755").arg(&path).status();
        assert!(made.is_ok_and(|s| s.success()), "chmod {}", path.display());
    }
    let path = format!("{}:{}", bin.path().display(), std::env::var("PATH").unwrap_or_default());
    let run = |script: &str, env: &[(&str, &str)], args: &[&str]| {
        let _ = std::fs::remove_file(&log);
        let out = Command::new("bash")
            .arg(Path::new(root).join(script))
            .args(args)
            .env_remove("CI")
            .env_remove("SFN_LITE_SKIP_MOTO")
            .env("PATH", &path)
            .env("FAKE_CARGO_LOG", &log)
            .envs(env.iter().copied())
            .output()
            .unwrap_or_else(|e| panic!("cannot run {script}: {e}"));
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        let cargo = std::fs::read_to_string(&log).ok();
        (out.status.success(), stderr, cargo)
    };

    let (ok, stderr, cargo) =
        run("scripts/test.sh", &[("CI", "true"), ("SFN_LITE_SKIP_MOTO", "1")], &[]);
    assert!(!ok && cargo.is_none(), "scripts/test.sh skipped under CI=true: {stderr}");
    assert!(stderr.contains("CI=true"), "{stderr}");
    for value in ["1", "0", ""] {
        let (ok, stderr, cargo) = run(".ci/run", &[("SFN_LITE_SKIP_MOTO", value)], &[]);
        assert!(!ok && cargo.is_none(), ".ci/run ran with SFN_LITE_SKIP_MOTO={value:?}: {stderr}");
        assert!(stderr.contains("SFN_LITE_SKIP_MOTO is set"), "{stderr}");
    }
    for value in ["0", "yes", ""] {
        let (ok, stderr, cargo) = run("scripts/test.sh", &[("SFN_LITE_SKIP_MOTO", value)], &[]);
        assert!(!ok && cargo.is_none(), "SFN_LITE_SKIP_MOTO={value:?} was taken: {stderr}");
    }

    let (ok, stderr, cargo) = run(
        "scripts/test.sh",
        &[("SFN_LITE_SKIP_MOTO", "1")],
        &["--test", "wire", "--", "--nocapture"],
    );
    assert!(ok, "{stderr}");
    let cargo = cargo.unwrap_or_else(|| panic!("cargo did not run: {stderr}"));
    let args: Vec<&str> = cargo.lines().collect();
    assert_eq!(
        args,
        ["test", "--locked", "--test", "wire", "--", "--nocapture", "--skip", "moto::"],
        "{stderr}"
    );
    assert!(stderr.contains("the moto tests were NOT run"), "{stderr}");
    let (ok, stderr, cargo) = run("scripts/test.sh", &[("SFN_LITE_SKIP_MOTO", "1")], &[]);
    assert!(ok, "{stderr}");
    assert_eq!(cargo.as_deref(), Some("test\n--locked\n--\n--skip\nmoto::\n"), "{stderr}");
}

/// The tests that need the moto server, under one path for filters.
mod moto {
    use crate::moto_support;

    use crate::moto_support::{
        ACCOUNT, ROLE_ARN, SHARED_ITEMS, SHARED_MAX_CONCURRENCY, catalog_lock,
        create_state_machine, run_distributed_map, shared_map_run, unique, wait_for_execution,
        wait_path_definition, waiting_definition,
    };
    use futures::{StreamExt, TryStreamExt};
    use sfn_lite::operations::{DescribeStateMachineAliasOutput, StopExecutionOutput};
    use sfn_lite::types::{
        EncryptionConfiguration, EncryptionType, EventDetails, ExecutionStatus, HistoryEvent,
        HistoryEventType, MapRunStatus, StateMachineStatus, StateMachineType,
    };
    use sfn_lite::{Error, ErrorCode, ErrorKind};
    use std::collections::HashSet;
    use time::OffsetDateTime;

    /// Asserts a typed service error from moto: code, status 400, a message
    /// containing `message_part`, a request id, and a Display naming all three.
    fn assert_service_error(err: &Error, operation: &str, code: ErrorCode, message_part: &str) {
        assert_eq!(err.kind(), ErrorKind::Service, "{err}");
        assert_eq!(err.operation(), Some(operation), "{err}");
        assert_eq!(err.code(), Some(&code), "{err}");
        assert_eq!(err.status(), Some(400), "{err}");
        let message = err.message().unwrap_or_else(|| panic!("no message in {err:?}"));
        assert!(message.contains(message_part), "{message:?} should contain {message_part:?}");
        let request_id = err.request_id().unwrap_or_else(|| panic!("no request id in {err:?}"));
        assert!(!request_id.is_empty());
        let shown = err.to_string();
        for part in [operation, code.as_str(), message, request_id] {
            assert!(shown.contains(part), "{shown:?} should contain {part:?}");
        }
    }

    /// Asserts moto's HTML 500 page came back as a clean service error
    /// whose code is the status, as boto3 reports it.
    fn assert_html_500(err: &Error, operation: &str) {
        assert_eq!(err.kind(), ErrorKind::Service, "{err}");
        assert_eq!(err.operation(), Some(operation), "{err}");
        assert_eq!(err.status(), Some(500), "{err}");
        assert_eq!(err.code(), Some(&ErrorCode::Unknown("500".into())), "{err}");
        let excerpt = err.body_excerpt().unwrap_or_else(|| panic!("no body excerpt in {err:?}"));
        assert!(excerpt.contains("Internal Server Error"), "{excerpt:?}");
    }

    fn execution_arn(state_machine: &str, name: &str) -> String {
        format!("arn:aws:states:us-east-1:{ACCOUNT}:execution:{state_machine}:{name}")
    }

    #[tokio::test]
    async fn distributed_map_run_is_listed_and_described() {
        let client = moto_support::client();
        let run = shared_map_run(&client).await;

        let page =
            client.list_map_runs(run.execution_arn()).await.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(page.map_runs.len(), 1, "{page:?}");
        assert_eq!(page.next_token, None);
        let listed = &page.map_runs[0];
        assert_eq!(listed, &run.listed);
        assert_eq!(listed.execution_arn, run.execution_arn());
        // A Map Run belongs to the child state machine `<parent>/<label>`, as on AWS.
        assert_eq!(listed.state_machine_arn, format!("{}/{}", run.state_machine_arn(), run.label));
        let prefix = format!(
            "arn:aws:states:us-east-1:{ACCOUNT}:mapRun:{}/{}:",
            run.state_machine_name, run.label
        );
        assert!(
            listed.map_run_arn.starts_with(&prefix),
            "{} should start with {prefix}",
            listed.map_run_arn
        );
        let listed_stop = listed
            .stop_date
            .unwrap_or_else(|| panic!("a finished run has a stop date: {listed:?}"));
        assert!(listed.start_date <= listed_stop);

        let described =
            client.describe_map_run(&listed.map_run_arn).await.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(described, run.described);
        assert_eq!(described.map_run_arn, listed.map_run_arn);
        assert_eq!(described.execution_arn, run.execution_arn());
        assert_eq!(described.status, MapRunStatus::Succeeded);
        assert_eq!(described.start_date, listed.start_date);
        assert_eq!(described.stop_date, Some(listed_stop));
        assert_eq!(described.max_concurrency, SHARED_MAX_CONCURRENCY);
        assert_eq!(described.tolerated_failure_count, 0);
        assert_eq!(described.tolerated_failure_percentage, 0.0);
        let items = SHARED_ITEMS as i64;
        let counts = &described.item_counts;
        assert_eq!((counts.total, counts.succeeded), (items, items), "{counts:?}");
        assert_eq!(
            (counts.pending, counts.running, counts.failed, counts.timed_out, counts.aborted),
            (0, 0, 0, 0, 0)
        );
        assert_eq!(counts.results_written, items);
        // moto runs no child executions; it reports one per item, all succeeded.
        assert_eq!(described.execution_counts, described.item_counts);
        assert_eq!(described.redrive_count, None);

        // The output is data: it round-trips through its wire JSON unchanged.
        let json = serde_json::to_string(&described).unwrap_or_else(|e| panic!("{e}"));
        let back: sfn_lite::operations::DescribeMapRunOutput =
            serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(back, described);
    }

    #[tokio::test]
    async fn describe_execution_of_a_finished_run() {
        let client = moto_support::client();
        let run = shared_map_run(&client).await;

        let execution =
            client.describe_execution(run.execution_arn()).await.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(execution, run.execution);
        assert_eq!(execution.status, ExecutionStatus::Succeeded);
        assert_eq!(execution.state_machine_arn, run.state_machine_arn());
        assert_eq!(
            execution.execution_arn,
            execution_arn(&run.state_machine_name, &run.execution_name)
        );
        assert_eq!(execution.name.as_deref(), Some(run.execution_name.as_str()));
        let stop = execution.stop_date.unwrap_or_else(|| panic!("no stop date: {execution:?}"));
        assert!(execution.start_date <= stop, "{execution:?}");
        assert!(execution.start_date >= run.created.creation_date, "{execution:?}");
        let input = execution.input.as_ref().unwrap_or_else(|| panic!("no input: {execution:?}"));
        assert_eq!(input.as_str(), run.input);
        // A Map state outputs the array of its items' outputs; Pass echoes each.
        let output =
            execution.output.as_ref().unwrap_or_else(|| panic!("no output: {execution:?}"));
        let output: Vec<usize> =
            serde_json::from_str(output.as_str()).unwrap_or_else(|e| panic!("{output:?}: {e}"));
        assert_eq!(output, (0..SHARED_ITEMS).collect::<Vec<_>>());
        // The parent execution is not itself a child of a Map Run.
        assert_eq!(execution.map_run_arn, None);
        assert_eq!((&execution.error, &execution.cause), (&None, &None));
        // `Debug` hides the data; it is there for whoever asks for it.
        assert!(!format!("{execution:?}").contains(&run.input), "Debug shows the input");
    }

    /// The details member AWS attaches to an event of type `t`, when it has one:
    /// `stateEnteredEventDetails` for every `*StateEntered`, and so on.
    fn details_member_for(t: &HistoryEventType) -> String {
        let name = t.as_str();
        for (suffix, member) in [
            ("StateEntered", "stateEnteredEventDetails"),
            ("StateExited", "stateExitedEventDetails"),
        ] {
            if name.ends_with(suffix) {
                return member.to_owned();
            }
        }
        let mut chars = name.chars();
        let first = chars.next().map(|c| c.to_ascii_lowercase()).into_iter();
        first.chain(chars).chain("EventDetails".chars()).collect()
    }

    /// Checks what holds for every history: ids strictly increasing from 1,
    /// earlier events pointing back, time never going backwards, every type and
    /// details member known and the details member fitting the type.
    fn assert_well_formed(events: &[HistoryEvent]) {
        assert!(!events.is_empty(), "empty history");
        assert_eq!(events[0].id, 1, "{:?}", events[0]);
        for pair in events.windows(2) {
            assert!(pair[0].id < pair[1].id, "ids not increasing: {pair:?}");
            assert!(pair[0].timestamp <= pair[1].timestamp, "time went backwards: {pair:?}");
        }
        for event in events {
            assert!(!event.r#type.is_unknown(), "unknown event type: {event:?}");
            assert!(
                !matches!(event.details, EventDetails::Unknown { .. }),
                "unknown details: {event:?}"
            );
            if let Some(member) = event.details.member_name() {
                assert_eq!(member, details_member_for(&event.r#type), "{event:?}");
            }
            if let Some(previous) = event.previous_event_id {
                assert!(previous < event.id, "points forward: {event:?}");
            }
            // Events are data too: their wire JSON decodes back to the same event.
            let json = serde_json::to_string(event).unwrap_or_else(|e| panic!("{e}"));
            let back: HistoryEvent = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(&back, event);
        }
    }

    fn json_value(text: &str) -> serde_json::Value {
        serde_json::from_str(text).unwrap_or_else(|e| panic!("{text:?} is not JSON: {e}"))
    }

    #[tokio::test]
    async fn history_of_a_distributed_map_run() {
        let client = moto_support::client();
        let run = shared_map_run(&client).await;

        let events: Vec<HistoryEvent> = client
            .get_execution_history(run.execution_arn())
            .into_paginator()
            .items()
            .try_collect()
            .await
            .unwrap_or_else(|e| panic!("GetExecutionHistory: {e}"));
        assert_well_formed(&events);

        use HistoryEventType as T;
        let types: Vec<&HistoryEventType> = events.iter().map(|e| &e.r#type).collect();
        assert_eq!(
            types,
            [
                &T::ExecutionStarted,
                &T::MapStateEntered,
                &T::MapStateStarted,
                &T::MapRunStarted,
                &T::MapRunSucceeded,
                &T::MapStateSucceeded,
                &T::MapStateExited,
                &T::ExecutionSucceeded,
            ],
            "{events:#?}"
        );
        let event = |t: HistoryEventType| {
            events.iter().find(|e| e.r#type == t).unwrap_or_else(|| panic!("no {t} event"))
        };

        match &event(T::ExecutionStarted).details {
            EventDetails::ExecutionStarted(d) => {
                // moto re-serializes the input (`{"items": [0, 1, ...]}`): compare values.
                let input = d.input.as_ref().unwrap_or_else(|| panic!("no input: {d:?}"));
                assert_eq!(json_value(input.as_str()), json_value(&run.input));
                assert_eq!(d.role_arn.as_deref(), Some(ROLE_ARN));
            }
            other => panic!("ExecutionStarted carries {other:?}"),
        }
        for t in [T::MapStateEntered, T::MapStateExited] {
            assert_eq!(event(t.clone()).state_name(), Some("Fan out"), "{t}");
        }
        assert!(matches!(event(T::MapStateEntered).details, EventDetails::StateEntered(_)));
        assert!(matches!(event(T::MapStateExited).details, EventDetails::StateExited(_)));
        match &event(T::MapStateStarted).details {
            EventDetails::MapStateStarted(d) => assert_eq!(d.length, Some(SHARED_ITEMS as i32)),
            other => panic!("MapStateStarted carries {other:?}"),
        }
        // The Map Run the history names is the one ListMapRuns lists.
        match &event(T::MapRunStarted).details {
            EventDetails::MapRunStarted(d) => {
                assert_eq!(d.map_run_arn.as_deref(), Some(run.listed.map_run_arn.as_str()))
            }
            other => panic!("MapRunStarted carries {other:?}"),
        }
        // moto, like AWS, attaches no details to these.
        for t in [T::MapRunSucceeded, T::MapStateSucceeded] {
            assert_eq!(event(t.clone()).details, EventDetails::None, "{t}");
        }
        match &event(T::ExecutionSucceeded).details {
            EventDetails::ExecutionSucceeded(d) => {
                let output = d.output.as_ref().unwrap_or_else(|| panic!("no output: {d:?}"));
                let described = run.execution.output.as_ref().map_or("null", |o| o.as_str());
                assert_eq!(json_value(output.as_str()), json_value(described));
            }
            other => panic!("ExecutionSucceeded carries {other:?}"),
        }
        assert!(events.iter().all(|e| e.error_and_cause().is_none()), "a failure in {events:#?}");
    }

    #[tokio::test]
    async fn history_options_are_accepted() {
        let client = moto_support::client();
        let run = shared_map_run(&client).await;
        let all = client
            .get_execution_history(run.execution_arn())
            .await
            .unwrap_or_else(|e| panic!("GetExecutionHistory: {e}"));
        assert_eq!(all.next_token, None);

        // moto ignores reverseOrder and maxResults (it sends every event, oldest
        // first; the in-process server tests what they mean): assert only that
        // it takes them and answers with events of this history.
        let page = client
            .get_execution_history(run.execution_arn())
            .reverse_order(true)
            .max_results(2)
            .include_execution_data(false)
            .await
            .unwrap_or_else(|e| panic!("GetExecutionHistory with options: {e}"));
        assert!(!page.events.is_empty());
        for event in &page.events {
            assert!(all.events.iter().any(|e| e.id == event.id && e.r#type == event.r#type));
        }

        // Through the paginator with small pages: the whole history, in order,
        // however the server pages it.
        let paged: Vec<HistoryEvent> = client
            .get_execution_history(run.execution_arn())
            .into_paginator()
            .page_size(3)
            .items()
            .try_collect()
            .await
            .unwrap_or_else(|e| panic!("GetExecutionHistory pages: {e}"));
        assert_eq!(paged, all.events);
    }

    #[tokio::test]
    async fn describe_state_machine_and_for_execution() {
        let client = moto_support::client();
        let run = shared_map_run(&client).await;

        let machine = client
            .describe_state_machine(run.state_machine_arn())
            .await
            .unwrap_or_else(|e| panic!("DescribeStateMachine: {e}"));
        assert_eq!(machine.state_machine_arn, run.state_machine_arn());
        assert_eq!(machine.name, run.state_machine_name);
        assert_eq!(machine.definition.as_str(), run.definition);
        assert_eq!(machine.r#type, StateMachineType::Standard);
        assert_eq!(machine.role_arn, ROLE_ARN);
        assert_eq!(machine.status, Some(StateMachineStatus::Active));
        assert_eq!(machine.creation_date, run.created.creation_date);
        assert_eq!(machine.label, None);

        let for_execution = client
            .describe_state_machine_for_execution(run.execution_arn())
            .await
            .unwrap_or_else(|e| panic!("DescribeStateMachineForExecution: {e}"));
        assert_eq!(for_execution.state_machine_arn, run.state_machine_arn());
        assert_eq!(for_execution.name, run.state_machine_name);
        assert_eq!(for_execution.definition.as_str(), run.definition);
        assert_eq!(for_execution.role_arn, ROLE_ARN);
        // moto omits the required updateDate: it decodes as the epoch.
        assert!(
            for_execution.update_date == OffsetDateTime::UNIX_EPOCH
                || for_execution.update_date >= run.created.creation_date,
            "{for_execution:?}"
        );
        // The parent execution belongs to no Map Run.
        assert_eq!((&for_execution.map_run_arn, &for_execution.label), (&None, &None));
        assert_eq!(for_execution.logging_configuration, machine.logging_configuration);
        assert_eq!(for_execution.tracing_configuration, machine.tracing_configuration);
    }

    #[tokio::test]
    async fn list_executions_filters_by_status_and_follows_next_token() {
        const QUICK: usize = 5;
        const PAGE: i32 = 2;
        let client = moto_support::client();
        let (machine_name, machine) =
            create_state_machine(&client, "lister", &wait_path_definition()).await;
        let arn = &machine.state_machine_arn;
        let start = |name: &str, wait: u32| {
            client.start_execution(arn).name(name).input(format!(r#"{{"wait":{wait}}}"#))
        };

        let mut quick = Vec::new();
        for _ in 0..QUICK {
            let name = unique("quick");
            start(&name, 0).await.unwrap_or_else(|e| panic!("StartExecution {name}: {e}"));
            quick.push(name);
        }
        let slow = unique("slow");
        let slow_arn =
            start(&slow, 600).await.unwrap_or_else(|e| panic!("StartExecution: {e}")).execution_arn;
        for name in &quick {
            let done = wait_for_execution(&client, &execution_arn(&machine_name, name)).await;
            assert_eq!(done.status, ExecutionStatus::Succeeded, "{done:?}");
        }

        let list = |status: ExecutionStatus| {
            client.list_executions().state_machine_arn(arn).status_filter(status).into_paginator()
        };
        // Pages of two: moto pages for real, so this follows nextToken twice.
        let pages: Vec<_> = list(ExecutionStatus::Succeeded)
            .page_size(PAGE)
            .pages()
            .try_collect()
            .await
            .unwrap_or_else(|e| panic!("ListExecutions: {e}"));
        assert_eq!(pages.len(), QUICK.div_ceil(PAGE as usize), "{pages:#?}");
        assert!(pages.iter().all(|p| p.executions.len() <= PAGE as usize), "{pages:#?}");
        let listed: Vec<_> = pages.into_iter().flat_map(|p| p.executions).collect();
        let mut names: Vec<&str> = listed.iter().map(|e| e.name.as_str()).collect();
        names.sort_unstable();
        let mut expected: Vec<&str> = quick.iter().map(String::as_str).collect();
        expected.sort_unstable();
        assert_eq!(names, expected, "each quick execution exactly once, the slow one not");
        for execution in &listed {
            assert_eq!(execution.status, ExecutionStatus::Succeeded, "{execution:?}");
            assert_eq!(&execution.state_machine_arn, arn);
            assert!(execution.stop_date.is_some_and(|stop| stop >= execution.start_date));
        }

        let running: Vec<_> = list(ExecutionStatus::Running)
            .page_size(PAGE)
            .items()
            .try_collect()
            .await
            .unwrap_or_else(|e| panic!("ListExecutions RUNNING: {e}"));
        let running: Vec<_> = running.iter().map(|e| (e.name.as_str(), e.stop_date)).collect();
        assert_eq!(running, [(slow.as_str(), None)]);

        // Stopping it moves it to ABORTED.
        client.stop_execution(&slow_arn).await.unwrap_or_else(|e| panic!("StopExecution: {e}"));
        let stopped = wait_for_execution(&client, &slow_arn).await;
        assert_eq!(stopped.status, ExecutionStatus::Aborted, "{stopped:?}");
        let aborted: Vec<_> = list(ExecutionStatus::Aborted)
            .items()
            .map_ok(|e| e.name)
            .try_collect()
            .await
            .unwrap_or_else(|e| panic!("ListExecutions ABORTED: {e}"));
        assert_eq!(aborted, [slow]);

        // Without a filter: all of them, each once.
        let all: Vec<String> = client
            .list_executions()
            .state_machine_arn(arn)
            .into_paginator()
            .page_size(PAGE)
            .items()
            .map_ok(|e| e.name)
            .try_collect()
            .await
            .unwrap_or_else(|e| panic!("ListExecutions: {e}"));
        assert_eq!(all.len(), QUICK + 1, "{all:?}");
        assert_eq!(all.iter().collect::<HashSet<_>>().len(), QUICK + 1, "{all:?}");
    }

    #[tokio::test]
    async fn update_map_run_is_reflected_by_describe_map_run() {
        let client = moto_support::client();
        // Its own run: the update would change the shared one under other tests.
        let run = run_distributed_map(&client, "Tunable", SHARED_MAX_CONCURRENCY, 5).await;
        let arn = &run.listed.map_run_arn;

        client
            .update_map_run(arn)
            .max_concurrency(3)
            .tolerated_failure_count(2)
            .tolerated_failure_percentage(12.5)
            .await
            .unwrap_or_else(|e| panic!("UpdateMapRun: {e}"));
        let described = client.describe_map_run(arn).await.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(described.max_concurrency, 3);
        assert_eq!(described.tolerated_failure_count, 2);
        assert_eq!(described.tolerated_failure_percentage, 12.5);
        // moto accepts an update of a finished run; the run itself is unchanged.
        assert_eq!(described.status, MapRunStatus::Succeeded);
        assert_eq!(described.item_counts, run.described.item_counts);

        // One member at a time leaves the others as they were.
        client
            .update_map_run(arn)
            .max_concurrency(0)
            .await
            .unwrap_or_else(|e| panic!("UpdateMapRun: {e}"));
        let described = client.describe_map_run(arn).await.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            (
                described.max_concurrency,
                described.tolerated_failure_count,
                described.tolerated_failure_percentage
            ),
            (0, 2, 12.5)
        );
    }

    #[tokio::test]
    async fn list_state_machines_paginates_with_next_token() {
        const CREATED: usize = 5;
        const PAGE: i32 = 2;
        let client = moto_support::client();
        let _catalog = catalog_lock().await;
        let definition = waiting_definition(1);
        let mut created = Vec::new();
        for _ in 0..CREATED {
            created.push(create_state_machine(&client, "page", &definition).await);
        }

        let pages: Vec<_> = client
            .list_state_machines()
            .into_paginator()
            .page_size(PAGE)
            .pages()
            .try_collect()
            .await
            .unwrap_or_else(|e| panic!("ListStateMachines: {e}"));
        assert!(pages.iter().all(|p| p.state_machines.len() <= PAGE as usize), "{pages:#?}");
        let listed: Vec<_> = pages.iter().flat_map(|p| &p.state_machines).collect();
        assert!(
            pages.len() >= listed.len().div_ceil(PAGE as usize) && pages.len() >= 3,
            "only {} pages for {} machines",
            pages.len(),
            listed.len()
        );
        let mut seen = HashSet::new();
        for machine in &listed {
            assert!(seen.insert(&machine.state_machine_arn), "listed twice: {machine:?}");
        }
        for (name, output) in &created {
            let machine = listed
                .iter()
                .find(|m| m.state_machine_arn == output.state_machine_arn)
                .unwrap_or_else(|| panic!("{name} not listed"));
            assert_eq!(&machine.name, name);
            assert_eq!(machine.r#type, StateMachineType::Standard);
            assert_eq!(machine.creation_date, output.creation_date);
        }

        // The items stream gives them too, each once (other tests may add more).
        let items: Vec<_> = client
            .list_state_machines()
            .into_paginator()
            .page_size(PAGE)
            .items()
            .try_collect()
            .await
            .unwrap_or_else(|e| panic!("ListStateMachines: {e}"));
        let arns: HashSet<_> = items.iter().map(|m| &m.state_machine_arn).collect();
        assert_eq!(arns.len(), items.len(), "a machine listed twice");
        assert!(created.iter().all(|(_, c)| arns.contains(&c.state_machine_arn)), "{items:#?}");

        for (_, output) in &created {
            client
                .delete_state_machine(&output.state_machine_arn)
                .await
                .unwrap_or_else(|e| panic!("{e}"));
        }
    }

    #[tokio::test]
    async fn create_state_machine_publishes_a_version() {
        let client = moto_support::client();
        let name = unique("versioned");
        let created = client
            .create_state_machine(&name, waiting_definition(1), moto_support::ROLE_ARN)
            .r#type(StateMachineType::Standard)
            .tag("team", "data")
            .tag("cost-center", "4711")
            .publish(true)
            .version_description("first")
            .await
            .unwrap_or_else(|e| panic!("CreateStateMachine: {e}"));
        // The tags reached the state machine, in order (read with moto's
        // ListTagsForResource, which this crate does not have).
        let tags = moto_support::tags_of(&created.state_machine_arn).await;
        let tags: Vec<(&str, &str)> = tags.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        assert_eq!(tags, [("team", "data"), ("cost-center", "4711")]);
        assert_eq!(
            created.state_machine_arn,
            format!("arn:aws:states:us-east-1:{ACCOUNT}:stateMachine:{name}")
        );
        assert_eq!(
            created.state_machine_version_arn,
            Some(format!("{}:1", created.state_machine_arn))
        );
        let age = OffsetDateTime::now_utc() - created.creation_date;
        assert!(age.whole_seconds().abs() < 300, "creation date {} is off", created.creation_date);
        // The version description belongs to the version, not the state machine.
        let version_arn = created.state_machine_version_arn.as_deref().unwrap_or_default();
        let version = client
            .describe_state_machine(version_arn)
            .await
            .unwrap_or_else(|e| panic!("DescribeStateMachine {version_arn}: {e}"));
        assert_eq!(version.description.as_ref().map(|d| d.as_str()), Some("first"), "{version:?}");
        let machine = client
            .describe_state_machine(&created.state_machine_arn)
            .await
            .unwrap_or_else(|e| panic!("DescribeStateMachine: {e}"));
        assert_eq!(machine.description, None, "{machine:?}");
    }

    #[tokio::test]
    async fn start_execution_is_idempotent_and_stop_execution_aborts() {
        let client = moto_support::client();
        let (_, machine) = create_state_machine(&client, "waiter", &waiting_definition(600)).await;
        let name = unique("long");
        let start =
            || client.start_execution(&machine.state_machine_arn).name(&name).input(r#"{"n":1}"#);

        let started = start().await.unwrap_or_else(|e| panic!("StartExecution: {e}"));
        // Same name and input while it runs: the same execution, not a new one.
        let again = start().await.unwrap_or_else(|e| panic!("StartExecution again: {e}"));
        assert_eq!(again, started);
        // Same name, other input: refused.
        let err = client
            .start_execution(&machine.state_machine_arn)
            .name(&name)
            .input(r#"{"n":2}"#)
            .await
            .err()
            .unwrap_or_else(|| panic!("a second input under the same name was accepted"));
        assert_service_error(
            &err,
            "StartExecution",
            ErrorCode::ExecutionAlreadyExists,
            &started.execution_arn,
        );

        let stopped = client
            .stop_execution(&started.execution_arn)
            .error("Cancelled")
            .cause("the test is over")
            .await
            .unwrap_or_else(|e| panic!("StopExecution: {e}"));
        // moto answers before its worker records the stop, so the first answer
        // may lack the (required) stopDate, which then decodes as the epoch.
        assert_stop_date(&stopped, started.start_date, true);
        // Stopping again reports the recorded stop date once the worker is done.
        let stopped = moto_support::wait_until("the stop to be recorded", || async {
            let out = client.stop_execution(&started.execution_arn).await?;
            Ok((out.stop_date != OffsetDateTime::UNIX_EPOCH).then_some(out))
        })
        .await;
        assert_stop_date(&stopped, started.start_date, false);
        let described = wait_for_execution(&client, &started.execution_arn).await;
        assert_eq!(described.status, ExecutionStatus::Aborted, "{described:?}");
        assert_eq!(described.stop_date, Some(stopped.stop_date));
        assert_eq!(described.output, None);
        // AWS records the stop's error and cause on the execution and on its
        // ExecutionAborted event. moto 5.2.5 drops them: its StopExecution
        // handler reads only `executionArn` and stops the execution with an
        // empty error and cause, which DescribeExecution leaves out and the
        // event carries as "". This asserts what moto does (and fails if a
        // newer moto records them, to be asserted then); that the client sends
        // them is asserted against the in-process server in tests/secrets.rs.
        assert_eq!((&described.error, &described.cause), (&None, &None), "{described:?}");
        let history = client
            .get_execution_history(&started.execution_arn)
            .await
            .unwrap_or_else(|e| panic!("GetExecutionHistory: {e}"));
        assert_well_formed(&history.events);
        let aborted: Vec<_> = history
            .events
            .iter()
            .filter(|e| e.r#type == HistoryEventType::ExecutionAborted)
            .collect();
        let [aborted] = aborted[..] else { panic!("one ExecutionAborted in {history:#?}") };
        assert_eq!(aborted.error_and_cause(), Some((Some(""), Some(""))), "{aborted:?}");
        // A stopped execution is closed: its name is taken even with the same input.
        let err = start().await.err().unwrap_or_else(|| panic!("restarted a stopped execution"));
        assert_eq!(err.code(), Some(&ErrorCode::ExecutionAlreadyExists), "{err}");
    }

    fn assert_stop_date(out: &StopExecutionOutput, start: OffsetDateTime, may_be_missing: bool) {
        if may_be_missing && out.stop_date == OffsetDateTime::UNIX_EPOCH {
            return;
        }
        assert!(out.stop_date >= start, "stopped {} before it started {start}", out.stop_date);
        assert!(OffsetDateTime::now_utc() - out.stop_date < time::Duration::minutes(5), "{out:?}");
    }

    #[tokio::test]
    async fn delete_state_machine_then_use_it() {
        let client = moto_support::client();
        let _catalog = catalog_lock().await;
        let (_, machine) = create_state_machine(&client, "doomed", &waiting_definition(1)).await;
        let arn = &machine.state_machine_arn;
        client
            .delete_state_machine(arn)
            .await
            .unwrap_or_else(|e| panic!("DeleteStateMachine: {e}"));

        let err = client.start_execution(arn).name(unique("late")).await.err();
        let err = err.unwrap_or_else(|| panic!("started an execution of a deleted state machine"));
        assert_service_error(&err, "StartExecution", ErrorCode::StateMachineDoesNotExist, arn);
        // Deleting what is gone succeeds, as on AWS.
        client
            .delete_state_machine(arn)
            .await
            .unwrap_or_else(|e| panic!("DeleteStateMachine again: {e}"));
        let listed =
            client.list_state_machines().max_results(1000).await.unwrap_or_else(|e| panic!("{e}"));
        assert!(listed.state_machines.iter().all(|m| &m.state_machine_arn != arn), "still listed");

        let err = client.delete_state_machine("not-an-arn").await.err();
        let err = err.unwrap_or_else(|| panic!("deleted not-an-arn"));
        assert_service_error(&err, "DeleteStateMachine", ErrorCode::InvalidArn, "not-an-arn");
    }

    #[tokio::test]
    async fn unknown_and_malformed_arns_give_typed_errors() {
        let client = moto_support::client();
        let unknown = execution_arn("nobody", &unique("never"));

        let err = client
            .list_map_runs(&unknown)
            .await
            .err()
            .unwrap_or_else(|| panic!("listed {unknown}"));
        assert_service_error(&err, "ListMapRuns", ErrorCode::ExecutionDoesNotExist, &unknown);
        let err = client
            .list_map_runs("not-an-arn")
            .await
            .err()
            .unwrap_or_else(|| panic!("listed not-an-arn"));
        assert_service_error(&err, "ListMapRuns", ErrorCode::InvalidArn, "not-an-arn");

        let err = client
            .stop_execution(&unknown)
            .await
            .err()
            .unwrap_or_else(|| panic!("stopped {unknown}"));
        assert_service_error(&err, "StopExecution", ErrorCode::ExecutionDoesNotExist, &unknown);
        let err = client
            .stop_execution("not-an-arn")
            .await
            .err()
            .unwrap_or_else(|| panic!("stopped not-an-arn"));
        assert_service_error(&err, "StopExecution", ErrorCode::InvalidArn, "not-an-arn");

        let err = client.start_execution("not-an-arn").name("x").await.err();
        let err = err.unwrap_or_else(|| panic!("started not-an-arn"));
        assert_service_error(&err, "StartExecution", ErrorCode::InvalidArn, "not-an-arn");

        let err = client.describe_execution(&unknown).await.err();
        let err = err.unwrap_or_else(|| panic!("described {unknown}"));
        assert_service_error(&err, "DescribeExecution", ErrorCode::ExecutionDoesNotExist, &unknown);
        // An unknown execution of a state machine that exists.
        let run = shared_map_run(&client).await;
        let unknown_here = execution_arn(&run.state_machine_name, &unique("never"));
        let err = client.describe_execution(&unknown_here).await.err();
        let err = err.unwrap_or_else(|| panic!("described {unknown_here}"));
        assert_service_error(
            &err,
            "DescribeExecution",
            ErrorCode::ExecutionDoesNotExist,
            &unknown_here,
        );
        let err = client.get_execution_history(&unknown_here).await.err();
        let err = err.unwrap_or_else(|| panic!("read the history of {unknown_here}"));
        assert_service_error(
            &err,
            "GetExecutionHistory",
            ErrorCode::ExecutionDoesNotExist,
            &unknown_here,
        );
        let err = client
            .describe_execution("not-an-arn")
            .await
            .err()
            .unwrap_or_else(|| panic!("described not-an-arn"));
        assert_service_error(&err, "DescribeExecution", ErrorCode::InvalidArn, "not-an-arn");

        let unknown_machine =
            format!("arn:aws:states:us-east-1:{ACCOUNT}:stateMachine:{}", unique("nobody"));
        let err = client.describe_state_machine(&unknown_machine).await.err();
        let err = err.unwrap_or_else(|| panic!("described {unknown_machine}"));
        assert_service_error(
            &err,
            "DescribeStateMachine",
            ErrorCode::StateMachineDoesNotExist,
            &unknown_machine,
        );
        let err = client
            .describe_state_machine("not-an-arn")
            .await
            .err()
            .unwrap_or_else(|| panic!("described not-an-arn"));
        assert_service_error(&err, "DescribeStateMachine", ErrorCode::InvalidArn, "not-an-arn");
        // AWS says ExecutionDoesNotExist here; moto says ResourceNotFound.
        let err = client.describe_state_machine_for_execution(&unknown).await.err();
        let err = err.unwrap_or_else(|| panic!("described the state machine of {unknown}"));
        assert_service_error(
            &err,
            "DescribeStateMachineForExecution",
            ErrorCode::ResourceNotFound,
            &unknown,
        );

        let err = client.list_state_machines().next_token("garbage").await.err();
        let err = err.unwrap_or_else(|| panic!("accepted a garbage token"));
        assert_service_error(&err, "ListStateMachines", ErrorCode::InvalidToken, "Invalid Token");
    }

    #[tokio::test]
    async fn invalid_definition_gives_moto_s_untyped_error() {
        let client = moto_support::client();
        let err =
            client.create_state_machine(unique("bad"), "{}", moto_support::ROLE_ARN).await.err();
        let err = err.unwrap_or_else(|| panic!("created a state machine from {{}}"));
        // moto sends `"__type": null` with `X-Amzn-ErrorType: UnknownError`
        // where AWS says InvalidDefinition: the header's code is kept, unknown.
        assert_eq!(err.kind(), ErrorKind::Service, "{err}");
        assert_eq!(err.status(), Some(400));
        assert_eq!(err.code(), Some(&ErrorCode::Unknown("UnknownError".into())), "{err}");
        assert!(err.message().is_some_and(|m| m.contains("ASLParserException")), "{err}");
        assert!(err.request_id().is_some(), "{err}");
    }

    // ------------------------------------------------------------ activities, tags, task tokens

    /// Deploying with versions and an alias, as moto 5.2.5 serves it:
    /// UpdateStateMachine publishes a second version, an alias routes 100 %
    /// to the first, then 90/10, then 100 % to the second; ListStateMachineAliases
    /// pages; DescribeStateMachineAlias follows every change. (moto has no
    /// PublishStateMachineVersion, ListStateMachineVersions or
    /// DeleteStateMachineVersion: tests/wire.rs and the other suites cover
    /// them against the in-process server.)
    #[tokio::test]
    async fn update_publish_and_shift_an_alias() {
        let client = moto_support::client();
        let name = unique("deploy");
        let created = client
            .create_state_machine(&name, waiting_definition(1), ROLE_ARN)
            .publish(true)
            .await
            .unwrap_or_else(|e| panic!("CreateStateMachine: {e}"));
        let machine = created.state_machine_arn.clone();
        let v1 = created.state_machine_version_arn.expect("version 1");
        assert_eq!(v1, format!("{machine}:1"));

        let updated = client
            .update_state_machine(&machine)
            .definition(waiting_definition(2))
            .publish(true)
            .version_description("two seconds")
            .await
            .unwrap_or_else(|e| panic!("UpdateStateMachine: {e}"));
        assert!(updated.update_date >= created.creation_date, "{updated:?}");
        let v2 = updated.state_machine_version_arn.expect("version 2");
        assert_eq!(v2, format!("{machine}:2"));
        let described =
            client.describe_state_machine(&machine).await.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(described.definition.as_str(), waiting_definition(2));

        let alias = client
            .create_state_machine_alias("PROD")
            .description("production")
            .route(&v1, 100)
            .await
            .unwrap_or_else(|e| panic!("CreateStateMachineAlias: {e}"));
        let alias_arn = alias.state_machine_alias_arn.clone();
        assert_eq!(alias_arn, format!("{machine}:PROD"));
        let routes_of = |d: &DescribeStateMachineAliasOutput| {
            d.routing_configuration
                .iter()
                .flatten()
                .map(|r| (r.state_machine_version_arn.clone(), r.weight))
                .collect::<Vec<_>>()
        };
        for routes in [vec![(&v1, 90), (&v2, 10)], vec![(&v2, 100)]] {
            let mut update = client.update_state_machine_alias(&alias_arn);
            for (version, weight) in &routes {
                update = update.route(*version, *weight);
            }
            update.await.unwrap_or_else(|e| panic!("UpdateStateMachineAlias: {e}"));
            let described = client
                .describe_state_machine_alias(&alias_arn)
                .await
                .unwrap_or_else(|e| panic!("DescribeStateMachineAlias: {e}"));
            let expected: Vec<_> = routes.iter().map(|(v, w)| ((*v).clone(), *w)).collect();
            assert_eq!(routes_of(&described), expected);
            assert_eq!(described.name.as_deref(), Some("PROD"));
            assert_eq!(described.description.as_ref().map(|d| d.as_str()), Some("production"));
            assert_eq!(described.creation_date, Some(alias.creation_date));
        }

        let second = client
            .create_state_machine_alias("STAGING")
            .route(&v2, 100)
            .await
            .unwrap_or_else(|e| panic!("CreateStateMachineAlias: {e}"));
        let listed: Vec<_> = client
            .list_state_machine_aliases(&machine)
            .into_paginator()
            .page_size(1)
            .items()
            .try_collect()
            .await
            .unwrap_or_else(|e| panic!("ListStateMachineAliases: {e}"));
        let mut arns: Vec<_> = listed.iter().map(|a| a.state_machine_alias_arn.clone()).collect();
        arns.sort();
        assert_eq!(arns, [alias_arn.clone(), second.state_machine_alias_arn.clone()]);

        for arn in [&alias_arn, &second.state_machine_alias_arn] {
            client.delete_state_machine_alias(arn).await.unwrap_or_else(|e| panic!("{e}"));
        }
        let gone = client.describe_state_machine_alias(&alias_arn).await.expect_err("deleted");
        assert_eq!(gone.kind(), ErrorKind::Service, "{gone}");
        assert_eq!(gone.code(), Some(&ErrorCode::ResourceNotFound), "{gone}");
        let _catalog = catalog_lock().await;
        client.delete_state_machine(&machine).await.unwrap_or_else(|e| panic!("{e}"));
    }

    /// Activities end to end: create (tagged, encrypted), describe, list
    /// page by page, delete. moto refuses a second CreateActivity of the same
    /// name with ActivityAlreadyExists, where AWS returns the existing one.
    #[tokio::test]
    async fn activities_are_created_described_listed_in_pages_and_deleted() {
        let client = moto_support::client();
        let mut created = Vec::new();
        for n in 0..3 {
            let name = unique(&format!("activity-{n}"));
            let out = client
                .create_activity(&name)
                .tag("team", "media")
                .encryption_configuration(EncryptionConfiguration {
                    r#type: EncryptionType::AwsOwnedKey,
                    ..EncryptionConfiguration::default()
                })
                .await
                .unwrap_or_else(|e| panic!("CreateActivity: {e}"));
            let expected = format!("arn:aws:states:us-east-1:{ACCOUNT}:activity:{name}");
            assert_eq!(out.activity_arn, expected);
            assert!(out.creation_date > OffsetDateTime::UNIX_EPOCH, "{out:?}");
            created.push((name, out));
        }
        let (name, first) = &created[0];
        let described = client
            .describe_activity(&first.activity_arn)
            .await
            .unwrap_or_else(|e| panic!("DescribeActivity: {e}"));
        assert_eq!(&described.name, name);
        assert_eq!(described.activity_arn, first.activity_arn);
        assert_eq!(described.creation_date, first.creation_date);
        let encryption = described.encryption_configuration.expect("the encryption configuration");
        assert_eq!(encryption.r#type, EncryptionType::AwsOwnedKey);

        let again = client.create_activity(name).await.expect_err("moto refuses a duplicate");
        assert_service_error(&again, "CreateActivity", ErrorCode::ActivityAlreadyExists, "exists");

        // moto's page token names the next activity: no deletion between pages.
        let _catalog = catalog_lock().await;
        let pages: Vec<_> = client
            .list_activities()
            .into_paginator()
            .page_size(1)
            .pages()
            .try_collect()
            .await
            .unwrap_or_else(|e| panic!("ListActivities: {e}"));
        assert!(pages.len() >= 3, "{} pages of 1 for 3 activities", pages.len());
        assert!(pages.iter().all(|p| p.activities.len() <= 1), "{pages:#?}");
        let listed: Vec<_> = pages.iter().flat_map(|p| &p.activities).collect();
        for (name, out) in &created {
            let item = listed
                .iter()
                .find(|a| a.activity_arn == out.activity_arn)
                .unwrap_or_else(|| panic!("{name} not listed"));
            assert_eq!(&item.name, name);
            assert_eq!(item.creation_date, out.creation_date);
        }

        for (_, out) in &created {
            client.delete_activity(&out.activity_arn).await.unwrap_or_else(|e| panic!("{e}"));
        }
        let gone = client.describe_activity(&first.activity_arn).await.expect_err("deleted");
        assert_service_error(&gone, "DescribeActivity", ErrorCode::ActivityDoesNotExist, name);
        let malformed = client.describe_activity("arn:nope").await.expect_err("malformed");
        assert_service_error(&malformed, "DescribeActivity", ErrorCode::InvalidArn, "arn:nope");
    }

    /// Tags end to end, on an activity and on a state machine: what
    /// CreateActivity set, TagResource added or changed and UntagResource
    /// removed is what ListTagsForResource lists (and moto's own answer to
    /// an unsigned call agrees).
    #[tokio::test]
    async fn tags_are_added_listed_and_removed() {
        let client = moto_support::client();
        let activity = client
            .create_activity(unique("tagged"))
            .tag("team", "media")
            .await
            .unwrap_or_else(|e| panic!("CreateActivity: {e}"));
        let (_, machine) = create_state_machine(&client, "tagged", &waiting_definition(1)).await;
        for arn in [&activity.activity_arn, &machine.state_machine_arn] {
            client
                .tag_resource(arn)
                .tag("stage", "")
                .tag("team", "data")
                .tag("cost-center", "42")
                .await
                .unwrap_or_else(|e| panic!("TagResource: {e}"));
            client
                .untag_resource(arn, ["cost-center"])
                .await
                .unwrap_or_else(|e| panic!("UntagResource: {e}"));
            let listed = client
                .list_tags_for_resource(arn)
                .await
                .unwrap_or_else(|e| panic!("ListTagsForResource: {e}"));
            let mut tags: Vec<(String, String)> = listed
                .tags
                .unwrap_or_default()
                .into_iter()
                .map(|t| (t.key.unwrap_or_default(), t.value.unwrap_or_default()))
                .collect();
            tags.sort();
            let expected = [("stage".to_owned(), String::new()), ("team".into(), "data".into())];
            assert_eq!(tags, expected, "{arn}");
            let mut raw = moto_support::tags_of(arn).await;
            raw.sort();
            assert_eq!(raw, tags, "{arn}: moto's own answer");
        }
        let _catalog = catalog_lock().await;
        client.delete_activity(&activity.activity_arn).await.unwrap_or_else(|e| panic!("{e}"));
        client
            .delete_state_machine(&machine.state_machine_arn)
            .await
            .unwrap_or_else(|e| panic!("{e}"));
    }

    /// A token no task handed out: moto refuses each task answer with a
    /// typed InvalidToken (AWS says InvalidToken for a malformed token,
    /// TaskDoesNotExist for an unknown one).
    #[tokio::test]
    async fn task_answers_with_an_unknown_token_are_typed_errors() {
        let client = moto_support::client();
        let token = "AAAAKgAAAAIAAAAAAAAAAaTaskToken";
        let results = [
            ("SendTaskHeartbeat", client.send_task_heartbeat(token).await.map(drop)),
            ("SendTaskSuccess", client.send_task_success(token, "{}").await.map(drop)),
            (
                "SendTaskFailure",
                client.send_task_failure(token).error("E").cause("C").await.map(drop),
            ),
        ];
        for (operation, result) in results {
            let e = result.expect_err("an unknown token");
            assert_service_error(&e, operation, ErrorCode::InvalidToken, "Invalid Token");
        }
    }

    #[tokio::test]
    async fn moto_html_500s_are_clean_service_errors() {
        let client = moto_support::client();
        let run = shared_map_run(&client).await;
        let map_run_arn = &run.listed.map_run_arn;

        // moto cannot list the child executions of a Map Run.
        let err = client.list_executions().map_run_arn(map_run_arn).await.err();
        assert_html_500(&err.unwrap_or_else(|| panic!("listed {map_run_arn}")), "ListExecutions");
        // Through the paginator: the error once, then the end of the stream.
        let mut children =
            client.list_executions().map_run_arn(map_run_arn).into_paginator().items();
        let first = children.next().await.unwrap_or_else(|| panic!("an empty stream"));
        assert_html_500(&first.err().unwrap_or_else(|| panic!("listed a child")), "ListExecutions");
        assert!(children.next().await.is_none(), "the stream goes on after an error");

        let unknown_run = format!("{map_run_arn}-0000");
        let err = client.describe_map_run(&unknown_run).await.err();
        assert_html_500(
            &err.unwrap_or_else(|| panic!("described {unknown_run}")),
            "DescribeMapRun",
        );
        let err = client.update_map_run(&unknown_run).max_concurrency(1).await.err();
        assert_html_500(&err.unwrap_or_else(|| panic!("updated {unknown_run}")), "UpdateMapRun");
        // moto does not implement RedriveExecution, for a real execution or not.
        let err = client.redrive_execution(run.execution_arn()).await.err();
        assert_html_500(
            &err.unwrap_or_else(|| panic!("redrove {}", run.execution_arn())),
            "RedriveExecution",
        );
        let unknown = execution_arn(&run.state_machine_name, "never");
        let err = client.redrive_execution(&unknown).client_token("token-1").await.err();
        assert_html_500(&err.unwrap_or_else(|| panic!("redrove {unknown}")), "RedriveExecution");
    }
}
