//! What both client programs share: the workloads, their arguments and how
//! a run reports. Each program only says how its client does each call.
//!
//! Usage: `client-* ENDPOINT WORKLOAD N`, WORKLOAD one of `describe` (N
//! DescribeExecution calls one after the other), `describe32` (N with 32 in
//! flight), `history` (the items stream of an N-event GetExecutionHistory in
//! pages of 1000), `list` (the items stream of N ListExecutions items in
//! pages of 1000). Prints one line: `WORKLOAD N SECONDS RATE/s RSS_KIB`.

use std::time::{Duration, Instant};

/// The workloads.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Workload {
    Describe,
    Describe32,
    History,
    List,
}

pub const PAGE_SIZE: i32 = 1000;
pub const IN_FLIGHT: usize = 32;
pub const EXECUTION: &str =
    "arn:aws:states:us-east-1:123456789012:execution:orders:5d2e8a1b-7c4f-4b3a-9e6d";
/// Calls before the clock starts: connections open, credentials cached.
pub const WARM_UP: usize = 64;

/// The execution whose history has `n` events (the server reads `n` back).
pub fn history_arn(n: usize) -> String {
    format!("arn:aws:states:us-east-1:123456789012:execution:orders:events-{n}")
}

/// The state machine with `n` executions (the server reads `n` back).
pub fn state_machine_arn(n: usize) -> String {
    format!("arn:aws:states:us-east-1:123456789012:stateMachine:executions-{n}")
}

/// Static credentials, the same for both clients, so neither probes for any.
pub const ACCESS_KEY: &str = "AKIDEXAMPLE";
pub const SECRET_KEY: &str = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
pub const REGION: &str = "us-east-1";

pub struct Args {
    pub endpoint: String,
    pub workload: Workload,
    pub n: usize,
}

pub fn args() -> Args {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: client ENDPOINT describe|describe32|history|list N";
    let [endpoint, workload, n] = args.as_slice() else { panic!("{usage}") };
    let workload = match workload.as_str() {
        "describe" => Workload::Describe,
        "describe32" => Workload::Describe32,
        "history" => Workload::History,
        "list" => Workload::List,
        _ => panic!("{usage}"),
    };
    Args { endpoint: endpoint.clone(), workload, n: n.parse().expect(usage) }
}

/// The runtime both programs use: Tokio's multi-threaded one, one worker per
/// core, as `#[tokio::main]` gives.
pub fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("a Tokio runtime")
}

/// The DescribeExecution workloads: `describe` warm-up calls, then `args.n`
/// timed ones, one at a time or [`IN_FLIGHT`] at once as the workload says.
pub async fn describe_calls<F: Future>(args: &Args, describe: impl Fn() -> F) {
    use futures::StreamExt;
    let in_flight = if args.workload == Workload::Describe { 1 } else { IN_FLIGHT };
    let calls =
        |n| futures::stream::iter(0..n).map(|_| describe()).buffer_unordered(in_flight).count();
    calls(WARM_UP).await;
    timed(args, calls(args.n)).await;
}

/// Times `run`, which returns how many calls or items it saw, and prints
/// the result line.
pub async fn timed(args: &Args, run: impl Future<Output = usize>) {
    let started = Instant::now();
    let seen = run.await;
    let elapsed = started.elapsed();
    assert_eq!(seen, args.n, "calls or items lost or repeated");
    report(args, elapsed);
}

fn report(args: &Args, elapsed: Duration) {
    let name = match args.workload {
        Workload::Describe => "describe",
        Workload::Describe32 => "describe32",
        Workload::History => "history",
        Workload::List => "list",
    };
    let secs = elapsed.as_secs_f64();
    println!("{name} {} {secs:.3} {:.0} {}", args.n, args.n as f64 / secs, peak_rss_kib());
}

/// The process's peak resident set (Linux's `VmHWM`, what `time -v` calls
/// "Maximum resident set size"), in KiB; 0 elsewhere.
fn peak_rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
            line.split_whitespace().nth(1)?.parse().ok()
        })
        .unwrap_or(0)
}
