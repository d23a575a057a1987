//! The client against a real Step Functions server: moto 5.2.5 with its state
//! machine interpreter on, started by `scripts/local-sfn.sh` (see
//! `moto_support`). Asserts what moto really answers, including where it
//! differs from AWS; `SFN_LITE_SKIP_MOTO=1` skips the file.

#[macro_use]
mod moto_support;

use moto_support::{
    ACCOUNT, catalog_lock, create_state_machine, run_distributed_map, unique, waiting_definition,
};
use sfn_lite::operations::StopExecutionOutput;
use sfn_lite::types::{MapRunStatus, StateMachineType};
use sfn_lite::{Error, ErrorCode, ErrorKind};
use std::collections::HashSet;
use time::OffsetDateTime;

const ITEMS: usize = 30;
const MAX_CONCURRENCY: i32 = 7;

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

/// Asserts moto's HTML 500 page came back as a clean decode error.
fn assert_html_500(err: &Error, operation: &str) {
    assert_eq!(err.kind(), ErrorKind::Decode, "{err}");
    assert_eq!(err.operation(), Some(operation), "{err}");
    assert_eq!(err.status(), Some(500), "{err}");
    assert_eq!(err.code(), None, "{err}");
    let excerpt = err.body_excerpt().unwrap_or_else(|| panic!("no body excerpt in {err:?}"));
    assert!(excerpt.contains("Internal Server Error"), "{excerpt:?}");
}

fn execution_arn(state_machine: &str, name: &str) -> String {
    format!("arn:aws:states:us-east-1:{ACCOUNT}:execution:{state_machine}:{name}")
}

#[tokio::test]
async fn distributed_map_run_is_listed_and_described() {
    let client = moto_client!();
    let run = run_distributed_map(&client, "Shards", MAX_CONCURRENCY, ITEMS).await;

    let page = client.list_map_runs(&run.execution_arn).await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(page.map_runs.len(), 1, "{page:?}");
    assert_eq!(page.next_token, None);
    let listed = &page.map_runs[0];
    assert_eq!(listed, &run.listed);
    assert_eq!(listed.execution_arn, run.execution_arn);
    // A Map Run belongs to the child state machine `<parent>/<label>`, as on AWS.
    assert_eq!(listed.state_machine_arn, format!("{}/{}", run.state_machine_arn, run.label));
    let prefix = format!(
        "arn:aws:states:us-east-1:{ACCOUNT}:mapRun:{}/{}:",
        run.state_machine_name, run.label
    );
    assert!(
        listed.map_run_arn.starts_with(&prefix),
        "{} should start with {prefix}",
        listed.map_run_arn
    );
    let listed_stop =
        listed.stop_date.unwrap_or_else(|| panic!("a finished run has a stop date: {listed:?}"));
    assert!(listed.start_date <= listed_stop);

    let described =
        client.describe_map_run(&listed.map_run_arn).await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(described, run.described);
    assert_eq!(described.map_run_arn, listed.map_run_arn);
    assert_eq!(described.execution_arn, run.execution_arn);
    assert_eq!(described.status, MapRunStatus::Succeeded);
    assert_eq!(described.start_date, listed.start_date);
    assert_eq!(described.stop_date, Some(listed_stop));
    assert_eq!(described.max_concurrency, MAX_CONCURRENCY);
    assert_eq!(described.tolerated_failure_count, 0);
    assert_eq!(described.tolerated_failure_percentage, 0.0);
    let items = ITEMS as i64;
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
async fn update_map_run_is_reflected_by_describe_map_run() {
    let client = moto_client!();
    let run = run_distributed_map(&client, "Tunable", MAX_CONCURRENCY, ITEMS).await;
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
    let client = moto_client!();
    let _catalog = catalog_lock().await;
    let definition = waiting_definition(1);
    let mut created = Vec::new();
    for _ in 0..CREATED {
        created.push(create_state_machine(&client, "page", &definition).await);
    }

    let mut seen = HashSet::new();
    let mut found = Vec::new();
    let mut token: Option<String> = None;
    let mut pages = 0;
    loop {
        pages += 1;
        assert!(pages <= 10_000, "ListStateMachines does not end");
        let mut request = client.list_state_machines().max_results(PAGE);
        if let Some(t) = token.take() {
            request = request.next_token(t);
        }
        let page = request.await.unwrap_or_else(|e| panic!("ListStateMachines page {pages}: {e}"));
        assert!(page.state_machines.len() <= PAGE as usize, "page {pages} is too long: {page:?}");
        for machine in page.state_machines {
            assert!(seen.insert(machine.state_machine_arn.clone()), "listed twice: {machine:?}");
            if created.iter().any(|(_, c)| c.state_machine_arn == machine.state_machine_arn) {
                found.push(machine);
            }
        }
        match page.next_token {
            Some(t) => token = Some(t),
            None => break,
        }
    }
    assert!(
        pages >= CREATED.div_ceil(PAGE as usize),
        "only {pages} pages for {} machines",
        seen.len()
    );
    assert_eq!(found.len(), CREATED, "{found:?}");
    for (name, output) in &created {
        let machine = found
            .iter()
            .find(|m| m.state_machine_arn == output.state_machine_arn)
            .unwrap_or_else(|| panic!("{name} not listed"));
        assert_eq!(&machine.name, name);
        assert_eq!(machine.r#type, StateMachineType::Standard);
        assert_eq!(machine.creation_date, output.creation_date);
    }

    for (_, output) in &created {
        client
            .delete_state_machine(&output.state_machine_arn)
            .await
            .unwrap_or_else(|e| panic!("{e}"));
    }
}

#[tokio::test]
async fn create_state_machine_publishes_a_version() {
    let client = moto_client!();
    let name = unique("versioned");
    let created = client
        .create_state_machine(&name, waiting_definition(1), moto_support::ROLE_ARN)
        .r#type(StateMachineType::Standard)
        .tag("team", "data")
        .publish(true)
        .version_description("first")
        .await
        .unwrap_or_else(|e| panic!("CreateStateMachine: {e}"));
    assert_eq!(
        created.state_machine_arn,
        format!("arn:aws:states:us-east-1:{ACCOUNT}:stateMachine:{name}")
    );
    assert_eq!(created.state_machine_version_arn, Some(format!("{}:1", created.state_machine_arn)));
    let age = OffsetDateTime::now_utc() - created.creation_date;
    assert!(age.whole_seconds().abs() < 300, "creation date {} is off", created.creation_date);
}

#[tokio::test]
async fn start_execution_is_idempotent_and_stop_execution_aborts() {
    let client = moto_client!();
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
    let client = moto_client!();
    let _catalog = catalog_lock().await;
    let (_, machine) = create_state_machine(&client, "doomed", &waiting_definition(1)).await;
    let arn = &machine.state_machine_arn;
    client.delete_state_machine(arn).await.unwrap_or_else(|e| panic!("DeleteStateMachine: {e}"));

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
    let client = moto_client!();
    let unknown = execution_arn("nobody", &unique("never"));

    let err =
        client.list_map_runs(&unknown).await.err().unwrap_or_else(|| panic!("listed {unknown}"));
    assert_service_error(&err, "ListMapRuns", ErrorCode::ExecutionDoesNotExist, &unknown);
    let err = client
        .list_map_runs("not-an-arn")
        .await
        .err()
        .unwrap_or_else(|| panic!("listed not-an-arn"));
    assert_service_error(&err, "ListMapRuns", ErrorCode::InvalidArn, "not-an-arn");

    let err =
        client.stop_execution(&unknown).await.err().unwrap_or_else(|| panic!("stopped {unknown}"));
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

    let err = client.list_state_machines().next_token("garbage").await.err();
    let err = err.unwrap_or_else(|| panic!("accepted a garbage token"));
    assert_service_error(&err, "ListStateMachines", ErrorCode::InvalidToken, "Invalid Token");
}

#[tokio::test]
async fn invalid_definition_gives_moto_s_untyped_error() {
    let client = moto_client!();
    let err = client.create_state_machine(unique("bad"), "{}", moto_support::ROLE_ARN).await.err();
    let err = err.unwrap_or_else(|| panic!("created a state machine from {{}}"));
    // moto sends `"__type": null` with `X-Amzn-ErrorType: UnknownError`
    // where AWS says InvalidDefinition: the header's code is kept, unknown.
    assert_eq!(err.kind(), ErrorKind::Service, "{err}");
    assert_eq!(err.status(), Some(400));
    assert_eq!(err.code(), Some(&ErrorCode::Unknown("UnknownError".into())), "{err}");
    assert!(err.message().is_some_and(|m| m.contains("ASLParserException")), "{err}");
    assert!(err.request_id().is_some(), "{err}");
}

#[tokio::test]
async fn moto_html_500s_are_clean_decode_errors() {
    let client = moto_client!();
    let run = run_distributed_map(&client, "Broken", 2, 3).await;
    let unknown_run = format!("{}-0000", run.listed.map_run_arn);

    let err = client.describe_map_run(&unknown_run).await.err();
    assert_html_500(&err.unwrap_or_else(|| panic!("described {unknown_run}")), "DescribeMapRun");
    let err = client.update_map_run(&unknown_run).max_concurrency(1).await.err();
    assert_html_500(&err.unwrap_or_else(|| panic!("updated {unknown_run}")), "UpdateMapRun");
    // moto does not implement RedriveExecution, for a real execution or not.
    let err = client.redrive_execution(&run.execution_arn).await.err();
    assert_html_500(
        &err.unwrap_or_else(|| panic!("redrove {}", run.execution_arn)),
        "RedriveExecution",
    );
    let unknown = execution_arn(&run.state_machine_name, "never");
    let err = client.redrive_execution(&unknown).client_token("token-1").await.err();
    assert_html_500(&err.unwrap_or_else(|| panic!("redrove {unknown}")), "RedriveExecution");
}
