//! Lists every Map Run an execution started, following `nextToken`.
//!
//! ```sh
//! cargo run --example list_map_runs -- <execution-arn>
//! ```

use futures::TryStreamExt;
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
        eprintln!("usage: list_map_runs <execution-arn>");
        std::process::exit(2);
    };
    let client = Client::from_env().await?;
    let mut runs = client.list_map_runs(arn).into_paginator().items();
    let mut n = 0;
    while let Some(run) = runs.try_next().await? {
        n += 1;
        let stop = run.stop_date.map_or_else(|| "running".to_owned(), |t| t.to_string());
        println!("{}  started {}  stopped {stop}", run.map_run_arn, run.start_date);
    }
    println!("{n} Map Run(s)");
    Ok(())
}
