//! Changes a running Map Run's concurrency or failure tolerance.
//!
//! ```sh
//! cargo run --example tune_map_run -- <MAP_RUN_ARN> [--max-concurrency N] \
//!     [--tolerated-failure-percentage P] [--tolerated-failure-count N]
//! ```
//!
//! Validates the values, prints the settings before, updates, and prints
//! them after.

use clap::Parser;
use sfn_lite::Client;
use sfn_lite::operations::DescribeMapRunOutput;
use sfn_lite::types::MapRunArn;

/// Change a running Step Functions Map Run's maximum concurrency or its
/// tolerated failures (percentage, count), printing the settings before and
/// after. At least one change is required.
#[derive(Parser)]
#[command(version)]
#[command(group = clap::ArgGroup::new("change").required(true).multiple(true))]
struct Args {
    /// The Map Run to change.
    map_run_arn: MapRunArn,
    /// How many child workflows may run at once (0: as many as possible).
    #[arg(long, group = "change", value_parser = clap::value_parser!(i32).range(0..))]
    max_concurrency: Option<i32>,
    /// The percentage of failed items that fails the run, 0 to 100.
    #[arg(long, group = "change", value_parser = percentage)]
    tolerated_failure_percentage: Option<f64>,
    /// The number of failed items that fails the run.
    #[arg(long, group = "change", value_parser = clap::value_parser!(i64).range(0..))]
    tolerated_failure_count: Option<i64>,
}

fn percentage(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(p) if (0.0..=100.0).contains(&p) => Ok(p),
        _ => Err(format!("{text:?} is not a percentage from 0 to 100")),
    }
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
    let before = client.describe_map_run(&args.map_run_arn).await?;
    print("before", &before);
    let mut update = client.update_map_run(&args.map_run_arn);
    if let Some(n) = args.max_concurrency {
        update = update.max_concurrency(n);
    }
    if let Some(p) = args.tolerated_failure_percentage {
        update = update.tolerated_failure_percentage(p);
    }
    if let Some(n) = args.tolerated_failure_count {
        update = update.tolerated_failure_count(n);
    }
    update.await?;
    let after = client.describe_map_run(&args.map_run_arn).await?;
    print("after", &after);
    Ok(())
}

fn print(when: &str, run: &DescribeMapRunOutput) {
    println!(
        "{when:<7} {}  max concurrency {}  tolerated failures {}% / {}",
        run.status,
        run.max_concurrency,
        run.tolerated_failure_percentage,
        run.tolerated_failure_count
    );
}
