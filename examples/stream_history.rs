//! Streams an execution's history, one line per event.
//!
//! ```sh
//! cargo run --example stream_history -- <execution-arn> [--reverse] [--no-data] [--page-size N]
//! ```
//!
//! `--no-data` asks the service to leave execution input and output out
//! (`includeExecutionData=false`); `--reverse` lists the newest event first.

use futures::TryStreamExt;
use sfn_lite::Client;

struct Args {
    execution_arn: String,
    reverse: bool,
    no_data: bool,
    page_size: Option<i32>,
}

fn parse_args() -> Result<Args, String> {
    let mut args = std::env::args().skip(1);
    let (mut arn, mut reverse, mut no_data, mut page_size) = (None, false, false, None);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--reverse" => reverse = true,
            "--no-data" => no_data = true,
            "--page-size" => {
                let n = args.next().ok_or("--page-size needs a number")?;
                page_size = Some(n.parse().map_err(|_| format!("bad page size {n:?}"))?);
            }
            flag if flag.starts_with("--") => return Err(format!("unknown flag {flag}")),
            _ if arn.is_none() => arn = Some(arg),
            _ => return Err(format!("unexpected argument {arg:?}")),
        }
    }
    let execution_arn = arn.ok_or("missing <execution-arn>")?;
    Ok(Args { execution_arn, reverse, no_data, page_size })
}

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
    let args = parse_args().unwrap_or_else(|e| {
        eprintln!(
            "{e}\nusage: stream_history <execution-arn> [--reverse] [--no-data] [--page-size N]"
        );
        std::process::exit(2);
    });
    let client = Client::from_env().await?;
    let mut paginator = client
        .get_execution_history(args.execution_arn)
        .reverse_order(args.reverse)
        .include_execution_data(!args.no_data)
        .into_paginator();
    if let Some(n) = args.page_size {
        paginator = paginator.page_size(n);
    }
    let mut events = paginator.items();
    let mut n = 0u64;
    while let Some(event) = events.try_next().await? {
        n += 1;
        println!(
            "{:>6}  {}  {:<28} {}",
            event.id,
            event.timestamp,
            event.r#type.as_str(),
            event.state_name().unwrap_or("")
        );
    }
    eprintln!("{n} events");
    Ok(())
}
