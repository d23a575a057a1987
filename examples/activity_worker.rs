//! An activity worker: long-polls `GetActivityTask`, sends heartbeats while
//! it works, answers with `SendTaskSuccess` or `SendTaskFailure`, and on
//! Ctrl-C shuts down cleanly: a task it holds is finished if it can be
//! within the grace period, else failed back (so the state's `Retry` can
//! hand it to another worker), and a poll in flight is let finish, so a task
//! the service hands it at the last moment is failed back, not lost.
//!
//! ```sh
//! cargo run --example activity_worker -- <ACTIVITY_ARN> [WORKER_NAME]
//! ```
//!
//! The "work" here upper-cases the task's input `text`, one second per
//! character; a task without `text` fails with `Worker.NoText`. Give the
//! state a `HeartbeatSeconds` above the heartbeat interval (5 s).
//!
//! Region, credentials and endpoint come from the usual AWS environment
//! variables and profile files (`AWS_ENDPOINT_URL_SFN` for a local server).

use clap::Parser;
use serde_json::{Value, json};
use sfn_lite::{Client, ErrorCode};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

const HEARTBEAT: Duration = Duration::from_secs(5);
/// How long a task in progress may go on after Ctrl-C.
const GRACE: Duration = Duration::from_secs(10);

/// An activity worker: long-polls for tasks of one activity, upper-cases each
/// task's input `text` (one second per character) while heartbeating every
/// 5 s, and answers it. Ctrl-C stops it cleanly: the task it holds is
/// finished within 10 s or failed back with `Worker.ShuttingDown`.
#[derive(Parser)]
#[command(version)]
struct Args {
    /// The activity to work for (arn:aws:states:REGION:ACCOUNT:activity:NAME).
    activity_arn: String,
    /// The name the service records for this worker [default: worker-PID].
    worker_name: Option<String>,
}

#[tokio::main]
async fn main() -> std::process::ExitCode {
    match run(Args::parse()).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

async fn run(args: Args) -> Result<(), Box<dyn std::error::Error>> {
    let activity = args.activity_arn;
    let worker = args.worker_name.unwrap_or_else(|| format!("worker-{}", std::process::id()));
    let client = Client::from_env().await?;

    let stopping = Arc::new(AtomicBool::new(false));
    let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
    // The handler is installed on the future's first poll: poll it now, so a
    // Ctrl-C from the first poll on is ours and never kills the process.
    let mut ctrl_c = Box::pin(tokio::signal::ctrl_c());
    if futures::poll!(&mut ctrl_c).is_ready() {
        return Err("cannot listen for Ctrl-C".into());
    }
    tokio::spawn({
        let stopping = Arc::clone(&stopping);
        async move {
            if ctrl_c.await.is_ok() {
                eprintln!("stopping: finishing the poll in flight (up to 60 s) and the task held");
                stopping.store(true, Ordering::SeqCst);
                let _ = stop_tx.send(true);
            }
        }
    });

    eprintln!("{worker} polling {activity}");
    while !stopping.load(Ordering::SeqCst) {
        // Not cancelled on Ctrl-C: a task handed to a dropped poll would wait
        // for its timeout. The client gives this call a 65 s attempt timeout.
        let task = client.get_activity_task(&activity).worker_name(&worker).await?;
        let (Some(token), input) = (task.task_token, task.input) else { continue };
        let token = token.into_inner();
        if stopping.load(Ordering::SeqCst) {
            fail(&client, &token, "Worker.ShuttingDown", "the worker stopped before starting")
                .await;
            break;
        }
        let input = input.map(|i| i.into_inner()).unwrap_or_default();
        work_on(&client, &token, &input, stop_rx.clone()).await;
    }
    eprintln!("{worker} stopped");
    Ok(())
}

/// Works on one task, heartbeating, and answers it.
async fn work_on(
    client: &Client,
    token: &str,
    input: &str,
    mut stop: tokio::sync::watch::Receiver<bool>,
) {
    let work = process(input);
    tokio::pin!(work);
    let mut heartbeat = tokio::time::interval(HEARTBEAT);
    heartbeat.tick().await;
    let mut deadline = None;
    loop {
        let grace_over = async {
            match deadline {
                Some(at) => tokio::time::sleep_until(at).await,
                None => std::future::pending().await,
            }
        };
        tokio::select! {
            result = &mut work => {
                match result {
                    Ok(output) => match client.send_task_success(token, output.to_string()).await {
                        Ok(_) => eprintln!("task done"),
                        Err(e) => eprintln!("could not report success: {e}"),
                    },
                    Err((error, cause)) => fail(client, token, error, &cause).await,
                }
                return;
            }
            _ = heartbeat.tick() => {
                if let Err(e) = client.send_task_heartbeat(token).await {
                    // The task timed out or was answered: stop working on it.
                    eprintln!("heartbeat refused, dropping the task: {e}");
                    if matches!(e.code(), Some(ErrorCode::TaskTimedOut | ErrorCode::TaskDoesNotExist)) {
                        return;
                    }
                }
            }
            Ok(()) = stop.changed(), if deadline.is_none() => {
                deadline = Some(tokio::time::Instant::now() + GRACE);
            }
            () = grace_over => {
                fail(client, token, "Worker.ShuttingDown", "the worker stopped mid-task").await;
                return;
            }
        }
    }
}

/// The work: upper-case `text`, one second per character.
async fn process(input: &str) -> Result<Value, (&'static str, String)> {
    let input: Value =
        serde_json::from_str(input).map_err(|e| ("Worker.BadInput", e.to_string()))?;
    let Some(text) = input.get("text").and_then(Value::as_str) else {
        return Err(("Worker.NoText", "the input has no `text` string".to_owned()));
    };
    let secs = u64::try_from(text.chars().count()).unwrap_or(u64::MAX);
    tokio::time::sleep(Duration::from_secs(secs)).await;
    Ok(json!({ "text": text.to_uppercase() }))
}

async fn fail(client: &Client, token: &str, error: &str, cause: &str) {
    match client.send_task_failure(token).error(error).cause(cause).await {
        Ok(_) => eprintln!("task failed back: {error}"),
        Err(e) => eprintln!("could not fail the task back: {e}"),
    }
}
