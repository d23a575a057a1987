//! A report of an execution's Map Runs and their failed child executions.
//!
//! ```sh
//! cargo run --example map_run_report -- <EXECUTION_ARN> [--max-failures N]
//! ```
//!
//! For each Map Run the execution started: its status, settings and counts,
//! then its failed child executions (ListExecutions by Map Run, FAILED) with
//! their error and cause.

use clap::Parser;
use futures::TryStreamExt;
use sfn_lite::Client;
use sfn_lite::operations::DescribeMapRunOutput;
use sfn_lite::types::{ExecutionArn, ExecutionStatus, MapRunCounts};

/// Report every Map Run of a Step Functions execution (status, concurrency,
/// failure tolerance, item and child-execution counts) and the failed child
/// executions of each, with their error and cause.
#[derive(Parser)]
#[command(version)]
struct Args {
    /// The execution whose Map Runs to report.
    execution_arn: ExecutionArn,
    /// Failed child executions to show per Map Run at most.
    #[arg(long, default_value_t = 20)]
    max_failures: usize,
}

#[tokio::main]
async fn main() -> std::process::ExitCode {
    match run(Args::parse()).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::ExitCode::from(1)
        }
    }
}

async fn run(args: Args) -> Result<(), Box<dyn std::error::Error>> {
    let client = Client::from_env().await?;
    let mut runs = client.list_map_runs(&args.execution_arn).into_paginator().items();
    let mut count = 0;
    while let Some(listed) = runs.try_next().await? {
        count += 1;
        let run = client.describe_map_run(&listed.map_run_arn).await?;
        report(&run);
        failures(&client, &run.map_run_arn, args.max_failures).await;
    }
    if count == 0 {
        println!("{} started no Map Run", args.execution_arn);
    }
    Ok(())
}

fn report(run: &DescribeMapRunOutput) {
    println!("{}", run.map_run_arn);
    println!(
        "  {}  max concurrency {}  tolerated failures {}% / {}{}",
        run.status,
        run.max_concurrency,
        run.tolerated_failure_percentage,
        run.tolerated_failure_count,
        if run.exceeds_tolerated_failures() { "  (exceeded)" } else { "" }
    );
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

/// The failed child executions, with error and cause; a server that cannot
/// list them (moto) is reported, not fatal.
async fn failures(client: &Client, map_run_arn: &str, max: usize) {
    let listed = client
        .list_executions()
        .map_run_arn(map_run_arn)
        .status_filter(ExecutionStatus::Failed)
        .into_paginator()
        .items()
        .try_collect::<Vec<_>>()
        .await;
    let failed = match listed {
        Ok(failed) => failed,
        Err(e) => {
            println!("  failed child executions: cannot list them: {e}");
            return;
        }
    };
    println!("  failed child executions: {}", failed.len());
    for child in failed.iter().take(max) {
        match client.describe_execution(&child.execution_arn).await {
            Ok(d) => println!(
                "    {}  error={}  cause={}",
                child.name,
                d.error.as_ref().map_or("-", |e| e.as_str()),
                d.cause.as_ref().map_or("-", |c| c.as_str()),
            ),
            Err(e) => println!("    {}  (cannot describe: {e})", child.name),
        }
    }
    if failed.len() > max {
        println!("    ... {} more", failed.len() - max);
    }
}
