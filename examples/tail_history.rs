//! Follows an execution's history like `tail -f`.
//!
//! ```sh
//! cargo run --example tail_history -- <EXECUTION_ARN> [--json] [--data] [--redrives] [--interval-ms N]
//! ```
//!
//! Prints every event so far, then each new one as the execution runs, one
//! line per event, and exits when the execution ends: 0 if it succeeded, 3
//! if it failed, timed out or was aborted, 1 on an error. Settings come from
//! the usual AWS environment (`AWS_REGION`, credentials,
//! `AWS_ENDPOINT_URL_SFN` for a local server).

use clap::Parser;
use futures::TryStreamExt;
use sfn_lite::Client;
use sfn_lite::types::{ExecutionArn, HistoryEvent, HistoryEventType};
use std::process::ExitCode;
use std::time::Duration;

/// Follow a Step Functions execution's history like `tail -f`: every event
/// so far, then each new one until the execution ends. Exit code: 0 if it
/// succeeded, 3 if it failed, timed out or was aborted, 1 on an error.
#[derive(Parser)]
#[command(version)]
struct Args {
    /// The execution to follow (arn:aws:states:REGION:ACCOUNT:execution:STATE_MACHINE:NAME).
    execution_arn: ExecutionArn,
    /// Print each event as one JSON object per line, as the service sends it.
    #[arg(long)]
    json: bool,
    /// Include execution data (inputs, outputs); needs KMS access on
    /// encrypted state machines.
    #[arg(long)]
    data: bool,
    /// Keep following after a failure, through redrives.
    #[arg(long)]
    redrives: bool,
    /// Milliseconds between polls while events keep coming (backs off to
    /// 20 s while nothing happens).
    #[arg(long, default_value_t = 1000, value_parser = clap::value_parser!(u64).range(1..))]
    interval_ms: u64,
}

#[tokio::main]
async fn main() -> ExitCode {
    let args = Args::parse();
    match run(args).await {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}

async fn run(args: Args) -> Result<ExitCode, Box<dyn std::error::Error>> {
    let client = Client::from_env().await?;
    let mut events = client
        .get_execution_history(&args.execution_arn)
        .include_execution_data(args.data)
        .follow()
        .poll_interval(Duration::from_millis(args.interval_ms))
        .across_redrives(args.redrives);
    let mut last = None;
    while let Some(event) = events.try_next().await? {
        if args.json {
            println!("{}", serde_json::to_string(&event)?);
        } else {
            println!("{}", line(&event));
        }
        last = Some(event.r#type);
    }
    Ok(match last {
        Some(HistoryEventType::ExecutionSucceeded) => ExitCode::SUCCESS,
        _ => ExitCode::from(3),
    })
}

/// `id  time  type  state  error`.
fn line(event: &HistoryEvent) -> String {
    let t = event.timestamp;
    let time =
        format!("{:02}:{:02}:{:02}.{:03}", t.hour(), t.minute(), t.second(), t.millisecond());
    let mut line = format!("{:>6}  {time}  {:<32}", event.id, event.r#type.as_str());
    if let Some(state) = event.state_name() {
        line.push_str("  ");
        line.push_str(state);
    }
    if let Some((error, _cause)) = event.error_and_cause() {
        line.push_str("  error=");
        line.push_str(error.unwrap_or("-"));
    }
    line.trim_end().to_owned()
}
