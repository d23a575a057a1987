//! Describes a Map Run: status, limits and progress.
//!
//! ```sh
//! cargo run --example describe_map_run -- <map-run-arn>
//! ```
//!
//! Region, credentials and endpoint come from the usual AWS environment
//! variables and profile files (`AWS_ENDPOINT_URL_SFN` for a local server).

use sfn_lite::Client;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    // Display, not Debug: it names the operation, the code and the message.
    match run().await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

async fn run() -> Result<(), Box<dyn std::error::Error>> {
    let Some(arn) = std::env::args().nth(1) else {
        eprintln!("usage: describe_map_run <map-run-arn>");
        std::process::exit(2);
    };
    let client = Client::from_env().await?;
    let run = client.describe_map_run(arn).await?;

    println!("Map Run   {}", run.map_run_arn);
    println!("execution {}", run.execution_arn);
    println!("status    {} (started {})", run.status, run.start_date);
    if let Some(stop) = run.stop_date {
        println!("stopped   {stop}");
    }
    println!(
        "limits    max concurrency {}, tolerated failures {}% / {}",
        run.max_concurrency, run.tolerated_failure_percentage, run.tolerated_failure_count
    );
    for (what, c) in [("items", &run.item_counts), ("executions", &run.execution_counts)] {
        println!(
            "{what:<10} total {} | pending {} running {} succeeded {} failed {} timed out {} aborted {}",
            c.total, c.pending, c.running, c.succeeded, c.failed, c.timed_out, c.aborted
        );
    }
    Ok(())
}
