//! Harness for tests against a real Step Functions server: moto, started
//! through `scripts/local-sfn.sh` once per test binary.
//!
//! `SFN_LITE_SKIP_MOTO=1` skips these tests; otherwise a server that cannot
//! be started fails them with the script's reason.

use aws_credential_types::Credentials;
use sfn_lite::operations::{CreateStateMachineOutput, DescribeMapRunOutput, MapRunListItem};
use sfn_lite::types::MapRunStatus;
use sfn_lite::{Client, Error};
use std::future::Future;
use std::process::Command;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

/// The account moto puts every resource in.
pub const ACCOUNT: &str = "123456789012";
/// A role ARN for state machines (moto does not check it).
pub const ROLE_ARN: &str = "arn:aws:iam::123456789012:role/sfn-lite-test";
/// How long to wait for an execution or a Map Run to finish.
pub const WAIT: Duration = Duration::from_secs(30);

/// The server's endpoint, started on first use; `None` when skipped.
fn endpoint() -> Option<&'static str> {
    static ENDPOINT: OnceLock<Result<String, String>> = OnceLock::new();
    if std::env::var("SFN_LITE_SKIP_MOTO").is_ok_and(|v| v == "1") {
        println!("skipped: SFN_LITE_SKIP_MOTO=1, no moto server");
        return None;
    }
    match ENDPOINT.get_or_init(start_server) {
        Ok(endpoint) => Some(endpoint),
        Err(reason) => panic!(
            "cannot start the moto server: {reason}\n(set SFN_LITE_SKIP_MOTO=1 to skip these tests)"
        ),
    }
}

/// Runs `scripts/local-sfn.sh start`, leasing the server to this process so
/// the script stops it after the tests if it started it (a server started
/// beforehand, as CI does, is left running).
fn start_server() -> Result<String, String> {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/local-sfn.sh");
    let out = Command::new("bash")
        .arg(script)
        .args(["start", "--lease", &std::process::id().to_string()])
        .output()
        .map_err(|e| format!("cannot run {script}: {e}"))?;
    let stderr = String::from_utf8_lossy(&out.stderr);
    if !out.status.success() {
        return Err(format!("{script} start failed ({}):\n{stderr}", out.status));
    }
    let endpoint = String::from_utf8_lossy(&out.stdout).trim().to_owned();
    if !endpoint.starts_with("http://127.0.0.1:") {
        return Err(format!("{script} start printed {endpoint:?}, not an endpoint:\n{stderr}"));
    }
    Ok(endpoint)
}

/// A client for the moto server, or `None` when moto tests are skipped.
pub fn client() -> Option<Client> {
    let endpoint = endpoint()?;
    let client = Client::builder()
        .region("us-east-1")
        .endpoint_url(endpoint)
        .credentials_provider(Credentials::new("testing", "testing", None, None, "moto"))
        .build();
    Some(client.unwrap_or_else(|e| panic!("cannot build a client for {endpoint}: {e}")))
}

/// A client for the moto server; returns from the test when moto tests are skipped.
macro_rules! moto_client {
    () => {
        match moto_support::client() {
            Some(client) => client,
            None => return,
        }
    };
}

/// A name no other test, and no earlier run against a reused server, took.
pub fn unique(prefix: &str) -> String {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    format!("{prefix}-{}-{nanos:09}-{n}", std::process::id())
}

/// Serializes the tests that delete state machines with those that page
/// through the list: moto's page token names the next state machine, so
/// deleting it between two pages would break the listing.
pub async fn catalog_lock() -> tokio::sync::MutexGuard<'static, ()> {
    static LOCK: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());
    LOCK.lock().await
}

/// A state machine whose Distributed Map (labelled `label`, at most
/// `max_concurrency` children at once) runs a Pass state over `$.items`.
pub fn distributed_map_definition(label: &str, max_concurrency: i32) -> String {
    serde_json::json!({
        "Comment": "sfn-lite: a Distributed Map over an inline array",
        "StartAt": "Fan out",
        "States": {
            "Fan out": {
                "Type": "Map",
                "Label": label,
                "MaxConcurrency": max_concurrency,
                "ItemsPath": "$.items",
                "ItemProcessor": {
                    "ProcessorConfig": { "Mode": "DISTRIBUTED", "ExecutionType": "STANDARD" },
                    "StartAt": "Echo",
                    "States": { "Echo": { "Type": "Pass", "End": true } }
                },
                "End": true
            }
        }
    })
    .to_string()
}

/// A state machine that waits `seconds` and ends: an execution that stays
/// RUNNING for the length of a test.
pub fn waiting_definition(seconds: u32) -> String {
    serde_json::json!({
        "StartAt": "Wait",
        "States": { "Wait": { "Type": "Wait", "Seconds": seconds, "End": true } }
    })
    .to_string()
}

/// Creates a state machine named `unique(prefix)`.
pub async fn create_state_machine(
    client: &Client,
    prefix: &str,
    definition: &str,
) -> (String, CreateStateMachineOutput) {
    let name = unique(prefix);
    let created = client
        .create_state_machine(&name, definition, ROLE_ARN)
        .await
        .unwrap_or_else(|e| panic!("CreateStateMachine {name}: {e}"));
    (name, created)
}

/// An execution of a Distributed Map state machine whose Map Run finished.
#[derive(Debug)]
pub struct FinishedMapRun {
    /// The state machine's name.
    pub state_machine_name: String,
    /// The state machine.
    pub state_machine_arn: String,
    /// The Map state's label.
    pub label: String,
    /// The execution.
    pub execution_arn: String,
    /// The Map Run as listed.
    pub listed: MapRunListItem,
    /// The Map Run as described once it finished.
    pub described: DescribeMapRunOutput,
}

/// Creates a Distributed Map state machine, runs it over `items` inline items
/// and waits until its Map Run has SUCCEEDED.
pub async fn run_distributed_map(
    client: &Client,
    label: &str,
    max_concurrency: i32,
    items: usize,
) -> FinishedMapRun {
    let definition = distributed_map_definition(label, max_concurrency);
    let (state_machine_name, created) = create_state_machine(client, "dmap", &definition).await;
    let input = serde_json::json!({ "items": (0..items).collect::<Vec<_>>() }).to_string();
    let execution_arn = client
        .start_execution(&created.state_machine_arn)
        .name(unique("run"))
        .input(input)
        .await
        .unwrap_or_else(|e| panic!("StartExecution: {e}"))
        .execution_arn;
    let (listed, described) =
        wait_for_map_run(client, &execution_arn, MapRunStatus::Succeeded).await;
    FinishedMapRun {
        state_machine_name,
        state_machine_arn: created.state_machine_arn,
        label: label.to_owned(),
        execution_arn,
        listed,
        described,
    }
}

/// Waits until the execution's (only) Map Run has left RUNNING, then checks
/// it ended with `expected`.
pub async fn wait_for_map_run(
    client: &Client,
    execution_arn: &str,
    expected: MapRunStatus,
) -> (MapRunListItem, DescribeMapRunOutput) {
    let listed = wait_until(&format!("a Map Run of {execution_arn}"), || async {
        Ok(client.list_map_runs(execution_arn).await?.map_runs.into_iter().next())
    })
    .await;
    let described = wait_until(&format!("Map Run {} to finish", listed.map_run_arn), || async {
        let run = client.describe_map_run(&listed.map_run_arn).await?;
        Ok((run.status != MapRunStatus::Running).then_some(run))
    })
    .await;
    assert_eq!(described.status, expected, "Map Run ended {}: {described:?}", described.status);
    // The listing gets its stop date when the run stops: read it again.
    let listed = client
        .list_map_runs(execution_arn)
        .await
        .unwrap_or_else(|e| panic!("ListMapRuns: {e}"))
        .map_runs
        .into_iter()
        .find(|r| r.map_run_arn == listed.map_run_arn)
        .unwrap_or_else(|| panic!("Map Run {} is no longer listed", listed.map_run_arn));
    (listed, described)
}

/// Polls `probe` every 100 ms until it returns `Some`, for at most [`WAIT`];
/// a service error or the time running out fails the test, naming `what`.
pub async fn wait_until<T, F, Fut>(what: &str, mut probe: F) -> T
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<Option<T>, Error>>,
{
    let deadline = Instant::now() + WAIT;
    loop {
        match probe().await {
            Ok(Some(value)) => return value,
            Ok(None) if Instant::now() < deadline => {
                tokio::time::sleep(Duration::from_millis(100)).await
            }
            Ok(None) => panic!("timed out after {WAIT:?} waiting for {what}"),
            Err(e) => panic!("error while waiting for {what}: {e}"),
        }
    }
}
