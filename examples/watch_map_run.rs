//! A live progress bar of a Map Run.
//!
//! ```sh
//! cargo run --example watch_map_run -- <MAP_RUN_ARN>
//! cargo run --example watch_map_run -- --execution <EXECUTION_ARN>
//! ```
//!
//! Shows succeeded / failed / running / pending items, the rate and the ETA
//! while the Map Run runs (on a terminal), then one summary line. Exits 0
//! when the run succeeded, 3 when it failed or was aborted, 1 on an error.

use clap::Parser;
use futures::TryStreamExt;
use indicatif::{ProgressBar, ProgressStyle};
use sfn_lite::Client;
use sfn_lite::operations::DescribeMapRunOutput;
use sfn_lite::types::{ExecutionArn, MapRunArn, MapRunStatus};
use std::process::ExitCode;
use std::time::Duration;

/// Watch a Step Functions Map Run with a live progress bar (succeeded,
/// failed, running and pending items, rate, ETA), then print a summary line.
/// Exit code: 0 if the run succeeded, 3 if it failed or was aborted, 1 on an
/// error.
#[derive(Parser)]
#[command(version)]
struct Args {
    /// The Map Run (arn:aws:states:REGION:ACCOUNT:mapRun:STATE_MACHINE/LABEL:ID).
    #[arg(required_unless_present = "execution", conflicts_with = "execution")]
    map_run_arn: Option<MapRunArn>,
    /// Watch the first Map Run of this execution instead.
    #[arg(long)]
    execution: Option<ExecutionArn>,
    /// Milliseconds between polls while the counts change.
    #[arg(long, default_value_t = 1000, value_parser = clap::value_parser!(u64).range(1..))]
    interval_ms: u64,
}

#[tokio::main]
async fn main() -> ExitCode {
    match run(Args::parse()).await {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}

async fn run(args: Args) -> Result<ExitCode, Box<dyn std::error::Error>> {
    let client = Client::from_env().await?;
    let map_run_arn = match (args.map_run_arn, args.execution) {
        (Some(arn), _) => arn.to_string(),
        (None, execution) => {
            let execution = execution.ok_or("give a Map Run ARN or --execution")?;
            let mut runs = client.list_map_runs(&execution).into_paginator().items();
            runs.try_next().await?.ok_or("the execution has no Map Run")?.map_run_arn
        }
    };
    let bar = ProgressBar::new(0).with_style(ProgressStyle::with_template(
        "{spinner} [{bar:40}] {pos}/{len} items  {per_sec}  ETA {eta}  {msg}",
    )?);
    bar.enable_steady_tick(Duration::from_millis(200));
    let mut snapshots =
        client.watch_map_run(&map_run_arn).poll_interval(Duration::from_millis(args.interval_ms));
    let mut last: Option<DescribeMapRunOutput> = None;
    while let Some(run) = snapshots.try_next().await? {
        let items = &run.item_counts;
        bar.set_length(items.total.max(0) as u64);
        bar.set_position(items.done().max(0) as u64);
        bar.set_message(format!(
            "{} succeeded, {} failed, {} running, {} pending{}",
            items.succeeded,
            items.failures(),
            items.running,
            items.pending,
            if run.exceeds_tolerated_failures() { "  (over the tolerated failures)" } else { "" }
        ));
        last = Some(run);
    }
    bar.finish_and_clear();
    let run = last.ok_or("no snapshot")?;
    let items = &run.item_counts;
    println!(
        "{} {}: {} of {} items succeeded, {} failed{}",
        run.map_run_arn,
        run.status,
        items.succeeded,
        items.total,
        items.failures(),
        items.failure_percentage().map_or(String::new(), |p| format!(" ({p:.1}%)")),
    );
    Ok(if run.status == MapRunStatus::Succeeded { ExitCode::SUCCESS } else { ExitCode::from(3) })
}
