//! Harness for tests against a real Step Functions server: moto, started
//! through `scripts/local-sfn.sh` once per test binary.
//!
//! A moto test never passes without running. A server that cannot be started
//! fails every test that needs it, with the script's reason. To leave the
//! tests out, filter them, so the runner reports them as filtered out rather
//! than passed: every one of them is under the path `moto::`, so
//! `cargo test -- --skip moto::` does it, and so does
//! `SFN_LITE_SKIP_MOTO=1 scripts/test.sh` (which then does not start the
//! server). `SFN_LITE_SKIP_MOTO` itself skips nothing: a moto test that runs
//! while it is set fails, saying how to skip. `scripts/test.sh` refuses to
//! skip under `CI=true`, and `.ci/run` whenever the variable is set.

use aws_credential_types::Credentials;
use sfn_lite::operations::{
    CreateStateMachineOutput, DescribeExecutionOutput, DescribeMapRunOutput, MapRunListItem,
};
use sfn_lite::types::ExecutionStatus;
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

/// How to leave the moto tests out, for the messages of failed ones.
const HOW_TO_SKIP: &str = "to leave the moto tests out, filter them: `cargo test -- --skip moto::` \
     or `SFN_LITE_SKIP_MOTO=1 scripts/test.sh` (the runner then reports them as filtered out)";

/// The server's endpoint, started on first use; panics if it cannot be
/// started, or if the caller asked for a skip the runner did not do.
fn endpoint() -> &'static str {
    static ENDPOINT: OnceLock<Result<String, String>> = OnceLock::new();
    if let Some(value) = std::env::var_os("SFN_LITE_SKIP_MOTO") {
        panic!(
            "SFN_LITE_SKIP_MOTO={value:?} is set, but this moto test was not filtered out, and a \
             test that does not run must not pass; {HOW_TO_SKIP}"
        );
    }
    match ENDPOINT.get_or_init(start_server) {
        Ok(endpoint) => endpoint,
        Err(reason) => panic!("cannot start the moto server: {reason}\n({HOW_TO_SKIP})"),
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

/// A client for the moto server (started on first use; see [`endpoint`]).
pub fn client() -> Client {
    let endpoint = endpoint();
    Client::builder()
        .region("us-east-1")
        .endpoint_url(endpoint)
        .credentials_provider(Credentials::new("testing", "testing", None, None, "moto"))
        .build()
        .unwrap_or_else(|e| panic!("cannot build a client for {endpoint}: {e}"))
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

/// Serializes the tests that delete state machines or activities with those
/// that page through their lists: moto's page token names the next one, so
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

/// A state machine that waits as many seconds as its input's `wait` says:
/// executions of one state machine that finish at once or keep running.
pub fn wait_path_definition() -> String {
    serde_json::json!({
        "StartAt": "Wait",
        "States": { "Wait": { "Type": "Wait", "SecondsPath": "$.wait", "End": true } }
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

/// An execution of a Distributed Map state machine that finished.
#[derive(Debug)]
pub struct FinishedMapRun {
    /// The state machine's name.
    pub state_machine_name: String,
    /// The state machine as created.
    pub created: CreateStateMachineOutput,
    /// Its definition, as sent.
    pub definition: String,
    /// The Map state's label.
    pub label: String,
    /// The execution's name.
    pub execution_name: String,
    /// The execution's input, as sent.
    pub input: String,
    /// The execution, as described once it SUCCEEDED.
    pub execution: DescribeExecutionOutput,
    /// The Map Run as listed.
    pub listed: MapRunListItem,
    /// The Map Run as described once the execution finished.
    pub described: DescribeMapRunOutput,
}

impl FinishedMapRun {
    /// The state machine's ARN.
    pub fn state_machine_arn(&self) -> &str {
        &self.created.state_machine_arn
    }

    /// The execution's ARN.
    pub fn execution_arn(&self) -> &str {
        &self.execution.execution_arn
    }
}

/// The Distributed Map run the read-only tests share: labelled `Shards`,
/// [`SHARED_MAX_CONCURRENCY`] children at once, over [`SHARED_ITEMS`] items.
/// The first test to ask runs it; tests that change a Map Run make their own.
pub async fn shared_map_run(client: &Client) -> &'static FinishedMapRun {
    static RUN: tokio::sync::OnceCell<FinishedMapRun> = tokio::sync::OnceCell::const_new();
    RUN.get_or_init(|| run_distributed_map(client, "Shards", SHARED_MAX_CONCURRENCY, SHARED_ITEMS))
        .await
}

/// Items in the shared run.
pub const SHARED_ITEMS: usize = 30;
/// MaxConcurrency of the shared run.
pub const SHARED_MAX_CONCURRENCY: i32 = 7;

/// Creates a Distributed Map state machine, runs it over `items` inline
/// items, waits with DescribeExecution until the execution SUCCEEDED and
/// reads its one Map Run.
pub async fn run_distributed_map(
    client: &Client,
    label: &str,
    max_concurrency: i32,
    items: usize,
) -> FinishedMapRun {
    let definition = distributed_map_definition(label, max_concurrency);
    let (state_machine_name, created) = create_state_machine(client, "dmap", &definition).await;
    let input = serde_json::json!({ "items": (0..items).collect::<Vec<_>>() }).to_string();
    let execution_name = unique("run");
    let execution_arn = client
        .start_execution(&created.state_machine_arn)
        .name(&execution_name)
        .input(&input)
        .await
        .unwrap_or_else(|e| panic!("StartExecution: {e}"))
        .execution_arn;
    let execution = wait_for_execution(client, &execution_arn).await;
    assert_eq!(execution.status, ExecutionStatus::Succeeded, "{execution:?}");
    let page = client.list_map_runs(&execution_arn).await.unwrap_or_else(|e| panic!("{e}"));
    let [listed] = <[MapRunListItem; 1]>::try_from(page.map_runs)
        .unwrap_or_else(|runs| panic!("expected one Map Run, got {runs:?}"));
    let described = client
        .describe_map_run(&listed.map_run_arn)
        .await
        .unwrap_or_else(|e| panic!("DescribeMapRun: {e}"));
    FinishedMapRun {
        state_machine_name,
        created,
        definition,
        label: label.to_owned(),
        execution_name,
        input,
        execution,
        listed,
        described,
    }
}

/// Polls DescribeExecution until the execution has left RUNNING.
pub async fn wait_for_execution(client: &Client, execution_arn: &str) -> DescribeExecutionOutput {
    wait_until(&format!("{execution_arn} to finish"), || async {
        let execution = client.describe_execution(execution_arn).await?;
        Ok((execution.status != ExecutionStatus::Running).then_some(execution))
    })
    .await
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

/// Calls `operation` on the moto server with a plain, unsigned AWS JSON 1.0
/// request over HTTP/1.0, for what this crate has no operation for
/// (`ListTagsForResource`); returns the answer's JSON. moto checks no
/// signature; it reads the service from the `Authorization` header's
/// credential scope.
pub async fn raw_call(operation: &str, body: &serde_json::Value) -> serde_json::Value {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let endpoint = endpoint();
    let host = endpoint.trim_start_matches("http://");
    let body = body.to_string();
    let request = format!(
        "POST / HTTP/1.0\r\nHost: {host}\r\nContent-Type: application/x-amz-json-1.0\r\n\
         X-Amz-Target: AWSStepFunctions.{operation}\r\n\
         Authorization: AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/states/aws4_request, \
         SignedHeaders=host, Signature=0\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    let mut stream = tokio::net::TcpStream::connect(host)
        .await
        .unwrap_or_else(|e| panic!("{operation}: cannot connect to {host}: {e}"));
    stream.write_all(request.as_bytes()).await.unwrap_or_else(|e| panic!("{operation}: {e}"));
    let mut response = Vec::new();
    stream.read_to_end(&mut response).await.unwrap_or_else(|e| panic!("{operation}: {e}"));
    let response = String::from_utf8_lossy(&response);
    let (head, text) = response
        .split_once("\r\n\r\n")
        .unwrap_or_else(|| panic!("{operation}: not an HTTP response: {response}"));
    let status = head.split(' ').nth(1).unwrap_or_default();
    assert_eq!(status, "200", "{operation}: {head}\n\n{text}");
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{operation}: {e}: {text}"))
}

/// The tags of a resource, as moto's `ListTagsForResource` lists them.
pub async fn tags_of(resource_arn: &str) -> Vec<(String, String)> {
    let answer =
        raw_call("ListTagsForResource", &serde_json::json!({ "resourceArn": resource_arn })).await;
    let tags = answer["tags"].as_array().unwrap_or_else(|| panic!("no tags in {answer}"));
    tags.iter()
        .map(|t| match (t["key"].as_str(), t["value"].as_str()) {
            (Some(k), Some(v)) => (k.to_owned(), v.to_owned()),
            _ => panic!("a tag without a key and a value: {t}"),
        })
        .collect()
}
