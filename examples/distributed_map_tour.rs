//! A tour of a Distributed Map run, from creation to cleanup.
//!
//! ```sh
//! scripts/demo.sh                                   # on a local moto server, no AWS account
//! cargo run --example distributed_map_tour -- [--items N] [--max-concurrency N] [--role-arn ARN]
//! ```
//!
//! It creates a state machine whose Map state runs in DISTRIBUTED mode over
//! N inline items (default 40), starts it, follows its history to the Map
//! Run's start, watches the Map Run (a line per change) and waits for the
//! execution, prints the Map Run's final counts, the history as a table and
//! the state machine an execution ran, then deletes the state machine again (also when a step fails, stopping the execution first if
//! it still runs).
//!
//! Where it runs comes from the usual AWS settings ([`Client::from_env`]):
//! - `AWS_ENDPOINT_URL_SFN` (or `AWS_ENDPOINT_URL`): the server, such as the
//!   local one `scripts/local-sfn.sh start` prints; unset for real AWS.
//! - `AWS_REGION` (or `AWS_DEFAULT_REGION`, or the profile's `region`).
//! - `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY` / `AWS_SESSION_TOKEN`, or
//!   `AWS_PROFILE` with `AWS_CONFIG_FILE` / `AWS_SHARED_CREDENTIALS_FILE`.
//! - `SFN_LITE_TOUR_ROLE_ARN` (or `--role-arn`): the IAM role the state
//!   machine runs as. The local server accepts the dummy default; on AWS
//!   pass a role that Step Functions can assume and that may call
//!   `states:StartExecution`, `states:DescribeExecution` and
//!   `states:StopExecution` on the state machine (a Distributed Map starts
//!   its child executions as that role).

use futures::TryStreamExt;
use sfn_lite::operations::{DescribeExecutionOutput, DescribeMapRunOutput};
use sfn_lite::types::{EventDetails, ExecutionStatus, HistoryEvent, MapRunCounts};
use sfn_lite::{Client, Error};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

type BoxError = Box<dyn std::error::Error>;

const USAGE: &str =
    "usage: distributed_map_tour [--items N] [--max-concurrency N] [--role-arn ARN]";
/// A role ARN the local server accepts; AWS needs a real one.
const DUMMY_ROLE_ARN: &str = "arn:aws:iam::123456789012:role/sfn-lite-tour";
const MAX_ITEMS: usize = 10_000;
/// How long to wait for the execution before giving up (and stopping it).
const TIMEOUT: Duration = Duration::from_secs(600);
/// History rows to print at most.
const HISTORY_ROWS: usize = 40;
/// Definition lines to print at most.
const DEFINITION_LINES: usize = 12;
const MAP_STATE: &str = "Fan out";
const LABEL: &str = "Shards";

struct Args {
    items: usize,
    max_concurrency: i32,
    role_arn: String,
}

fn parse_args() -> Result<Args, String> {
    let role_arn = std::env::var("SFN_LITE_TOUR_ROLE_ARN")
        .ok()
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| DUMMY_ROLE_ARN.to_owned());
    let mut parsed = Args { items: 40, max_concurrency: 10, role_arn };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--items" => {
                let n = value("--items")?;
                parsed.items = n.parse().map_err(|_| format!("bad item count {n:?}"))?;
                if !(1..=MAX_ITEMS).contains(&parsed.items) {
                    return Err(format!("--items must be 1 to {MAX_ITEMS}"));
                }
            }
            "--max-concurrency" => {
                let n = value("--max-concurrency")?;
                parsed.max_concurrency = n.parse().map_err(|_| format!("bad number {n:?}"))?;
                if parsed.max_concurrency < 0 {
                    return Err("--max-concurrency must be 0 (no limit) or more".into());
                }
            }
            "--role-arn" => parsed.role_arn = value("--role-arn")?,
            "-h" | "--help" => {
                println!("{USAGE}");
                std::process::exit(0);
            }
            other => return Err(format!("unexpected argument {other:?}")),
        }
    }
    Ok(parsed)
}

/// The state machine: a Distributed Map over `$.items` whose item processor
/// runs each item through a Pass state, as STANDARD child executions.
/// Written out by hand so the printed definition reads in this order.
fn definition(max_concurrency: i32) -> String {
    format!(
        r#"{{
  "Comment": "sfn-lite tour: a Distributed Map over an inline array",
  "StartAt": "{MAP_STATE}",
  "States": {{
    "{MAP_STATE}": {{
      "Type": "Map",
      "Label": "{LABEL}",
      "MaxConcurrency": {max_concurrency},
      "ItemsPath": "$.items",
      "ItemProcessor": {{
        "ProcessorConfig": {{ "Mode": "DISTRIBUTED", "ExecutionType": "STANDARD" }},
        "StartAt": "Echo",
        "States": {{ "Echo": {{ "Type": "Pass", "End": true }} }}
      }},
      "End": true
    }}
  }}
}}"#
    )
}

#[tokio::main]
async fn main() {
    let args = match parse_args() {
        Ok(args) => args,
        Err(e) => {
            eprintln!("{e}\n{USAGE}");
            std::process::exit(2);
        }
    };
    if let Err(e) = run(args).await {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
}

async fn run(args: Args) -> Result<(), BoxError> {
    let client = Client::from_env().await?;
    println!("sfn-lite: a Distributed Map tour");
    println!("  endpoint  {} ({})", client.endpoint(), client.region());

    let stamp = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let name = format!("sfn-lite-tour-{stamp}-{}", std::process::id());
    let created = client
        .create_state_machine(&name, definition(args.max_concurrency), &args.role_arn)
        .await?;
    let state_machine_arn = created.state_machine_arn;
    println!("  created   {state_machine_arn}");

    let mut execution_arn = None;
    let toured = tour(&client, &args, &state_machine_arn, &mut execution_arn).await;
    let cleaned = clean_up(&client, &state_machine_arn, execution_arn.as_deref()).await;
    toured?;
    cleaned?;
    Ok(())
}

/// Everything between creating the state machine and deleting it; sets
/// `execution_arn` as soon as the execution exists, for the cleanup.
async fn tour(
    client: &Client,
    args: &Args,
    state_machine_arn: &str,
    execution_arn: &mut Option<String>,
) -> Result<(), BoxError> {
    let machine = client.describe_state_machine(state_machine_arn).await?;
    let status = machine.status.as_ref().map_or("-", |s| s.as_str());
    println!("            {} state machine, {status}, role {}", machine.r#type, machine.role_arn);

    let input = serde_json::json!({ "items": (0..args.items).collect::<Vec<_>>() }).to_string();
    let started = client
        .start_execution(state_machine_arn)
        .name(format!("tour-{}", std::process::id()))
        .input(input)
        .await?;
    let arn = execution_arn.insert(started.execution_arn);
    println!("  started   {arn}");
    println!(
        "            {} items, Map state {MAP_STATE:?} (label {LABEL}), max concurrency {}",
        args.items, args.max_concurrency
    );

    section("progress");
    let (execution, map_run) = watch(client, arn).await?;
    if execution.status != ExecutionStatus::Succeeded {
        let (error, cause) = (execution.error.as_deref(), execution.cause.as_deref());
        return Err(format!(
            "the execution ended {}: {} {}",
            execution.status,
            error.map_or("", |e| e.as_str()),
            cause.map_or("", |c| c.as_str())
        )
        .into());
    }
    let map_run = map_run.ok_or("the execution finished without a Map Run")?;

    section("Map Run");
    println!("  {}", map_run.map_run_arn);
    let took = map_run.stop_date.map(|stop| (stop - map_run.start_date).whole_milliseconds());
    println!(
        "  {}, max concurrency {}, took {}",
        map_run.status,
        map_run.max_concurrency,
        took.map_or("-".to_owned(), |ms| format!("{ms} ms"))
    );
    print_counts(&map_run);

    section("history");
    let events: Vec<HistoryEvent> = client
        .get_execution_history(arn.as_str())
        .include_execution_data(false)
        .into_paginator()
        .page_size(100)
        .items()
        .try_collect()
        .await?;
    print_history(&events);

    section("state machine for an execution");
    describe_machine_for_execution(client, arn, &map_run.map_run_arn).await
}

/// Follows the history to the Map Run's start, watches the Map Run with a
/// line per change, then waits for the execution to end: sfn-lite's
/// follower, watcher and waiter, no polling loop of our own.
async fn watch(
    client: &Client,
    execution_arn: &str,
) -> Result<(DescribeExecutionOutput, Option<DescribeMapRunOutput>), BoxError> {
    let (interval, max_interval) = (Duration::from_millis(100), Duration::from_secs(2));
    let started = Instant::now();
    // The Map Run's ARN comes with the history's MapRunStarted event; a
    // history that ends without one is an execution that never got there.
    let mut events = client
        .get_execution_history(execution_arn)
        .include_execution_data(false)
        .follow()
        .poll_interval(interval)
        .max_poll_interval(max_interval);
    let mut map_run_arn = None;
    while let Some(event) = events.try_next().await? {
        if let EventDetails::MapRunStarted(started) = &event.details {
            map_run_arn = started.map_run_arn.clone();
            break;
        }
    }
    println!(
        "  {:>7}  {:<10} {:>11} {:>7}  {:>16}",
        "time", "map run", "items done", "failed", "children running"
    );
    let mut map_run = None;
    if let Some(arn) = map_run_arn {
        let mut snapshots =
            client.watch_map_run(arn).poll_interval(interval).max_poll_interval(max_interval);
        while let Some(run) = snapshots.try_next().await? {
            let items = &run.item_counts;
            println!(
                "  {:>6.1}s  {:<10} {:>11} {:>7}  {:>16}",
                started.elapsed().as_secs_f64(),
                run.status.as_str(),
                format!("{}/{}", items.done(), items.total),
                items.failed,
                run.execution_counts.running,
            );
            map_run = Some(run);
        }
    }
    let execution = client
        .wait_for_execution(execution_arn)
        .poll_interval(interval)
        .max_poll_interval(max_interval)
        .max_wait(TIMEOUT)
        .await?;
    println!("  {:>6.1}s  execution {}", started.elapsed().as_secs_f64(), execution.status);
    Ok((execution, map_run))
}

fn section(title: &str) {
    println!("\n{title}");
}

fn print_counts(run: &DescribeMapRunOutput) {
    println!(
        "  {:<11}{:>8}{:>8}{:>10}{:>7}{:>10}{:>8}{:>7}",
        "", "pending", "running", "succeeded", "failed", "timed out", "aborted", "total"
    );
    let row = |label: &str, c: &MapRunCounts| {
        println!(
            "  {label:<11}{:>8}{:>8}{:>10}{:>7}{:>10}{:>8}{:>7}",
            c.pending, c.running, c.succeeded, c.failed, c.timed_out, c.aborted, c.total
        );
    };
    row("items", &run.item_counts);
    row("executions", &run.execution_counts);
}

fn print_history(events: &[HistoryEvent]) {
    let Some(first) = events.first() else {
        println!("  (no events)");
        return;
    };
    let type_width = events.iter().map(|e| e.r#type.as_str().len()).max().unwrap_or(4).max(4);
    let state_width = events.iter().filter_map(|e| e.state_name()).map(str::len).max().unwrap_or(0);
    let state_width = state_width.max(5);
    println!("  {:>4}  {:<type_width$}  {:<state_width$}  {:>8}", "id", "type", "state", "+ms");
    for event in events.iter().take(HISTORY_ROWS) {
        let elapsed = (event.timestamp - first.timestamp).whole_milliseconds();
        println!(
            "  {:>4}  {:<type_width$}  {:<state_width$}  {elapsed:>8}",
            event.id,
            event.r#type.as_str(),
            event.state_name().unwrap_or(""),
        );
    }
    if events.len() > HISTORY_ROWS {
        println!("  ... {} more events", events.len() - HISTORY_ROWS);
    }
}

/// Describes the state machine of one child execution of the Map Run: the
/// item processor, as the child state machine `<name>/<label>`. A server
/// that lists no children (moto) gets the parent execution's instead.
async fn describe_machine_for_execution(
    client: &Client,
    parent_arn: &str,
    map_run_arn: &str,
) -> Result<(), BoxError> {
    let children = client.list_executions().map_run_arn(map_run_arn).max_results(1).await;
    let execution_arn = match children.map(|page| page.executions.into_iter().next()) {
        Ok(Some(child)) => {
            println!("  child execution {}", child.execution_arn);
            child.execution_arn
        }
        Ok(None) => {
            println!("  the Map Run lists no child executions; using the parent execution");
            parent_arn.to_owned()
        }
        Err(e) => {
            println!("  the server cannot list the Map Run's child executions ({});", brief(&e));
            println!("  using the parent execution");
            parent_arn.to_owned()
        }
    };
    let machine = client.describe_state_machine_for_execution(execution_arn).await?;
    println!("  name        {}", machine.name);
    println!("  arn         {}", machine.state_machine_arn);
    if let Some(label) = &machine.label {
        println!("  label       {label}");
    }
    // The type is not part of this answer; ask for the state machine itself.
    let kind = match client.describe_state_machine(&machine.state_machine_arn).await {
        Ok(described) => described.r#type.to_string(),
        Err(e) => format!("unknown ({})", brief(&e)),
    };
    println!("  type        {kind}");
    // Definitions come back as sent; indent one that was sent on one line.
    let definition = machine.definition.as_str();
    let pretty = match serde_json::from_str::<serde_json::Value>(definition) {
        Ok(value) if definition.lines().count() < 2 => {
            serde_json::to_string_pretty(&value).unwrap_or_else(|_| definition.to_owned())
        }
        _ => definition.to_owned(),
    };
    println!("  definition");
    let lines: Vec<&str> = pretty.lines().collect();
    for line in lines.iter().take(DEFINITION_LINES) {
        println!("    {line}");
    }
    if lines.len() > DEFINITION_LINES {
        println!("    ... {} more lines", lines.len() - DEFINITION_LINES);
    }
    Ok(())
}

/// An error in a few words: its code or kind and HTTP status.
fn brief(e: &Error) -> String {
    match (e.code(), e.status()) {
        (Some(code), _) => code.to_string(),
        (None, Some(status)) => format!("{} with HTTP {status}", e.kind()),
        (None, None) => e.kind().to_string(),
    }
}

/// Stops the execution if it still runs, then deletes the state machine.
async fn clean_up(
    client: &Client,
    state_machine_arn: &str,
    execution_arn: Option<&str>,
) -> Result<(), BoxError> {
    section("cleanup");
    if let Some(arn) = execution_arn {
        // When in doubt, stop: deleting a state machine leaves its executions running.
        let running = match client.describe_execution(arn).await {
            Ok(execution) => execution.status == ExecutionStatus::Running,
            Err(_) => true,
        };
        if running {
            match client.stop_execution(arn).cause("the sfn-lite tour is cleaning up").await {
                Ok(_) => println!("  stopped   {arn}"),
                Err(e) => eprintln!("  could not stop {arn}: {e}"),
            }
        }
    }
    client.delete_state_machine(state_machine_arn).await?;
    println!("  deleted   {state_machine_arn}");
    Ok(())
}
