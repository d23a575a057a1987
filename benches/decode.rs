//! The cost of reading one page of history: decoding a realistic
//! 1000-event `GetExecutionHistory` body (Task-state events of about 345
//! bytes, whose input and output are escaped JSON strings) into
//! `GetExecutionHistoryOutput`, against the floor of merely scanning the same
//! bytes (`serde::de::IgnoredAny`) and against `serde_json::Value`; and the
//! cost of building one request body.
//!
//! `cargo bench --bench decode` prints MB/s, events/s and each figure as a
//! share of the scan; run without `--bench` (as `cargo test --all-targets`
//! does) it only checks that the page decodes.

mod common;

use serde::de::IgnoredAny;
use serde_json::{Value, json};
use sfn_lite::operations::GetExecutionHistoryOutput;
use std::hint::black_box;
use std::time::{Duration, Instant};

/// Events in a page, as the service's largest page holds.
const EVENTS: usize = 1000;

/// Event `n`, with input and output of about 150 bytes of JSON.
fn event(n: usize) -> Value {
    let payload = format!(
        r#"{{"orderId":{n},"bucket":"photos-prod","key":"raw/img_{n:06}.jpg","size":{},"tags":["resize","thumbnail"],"owner":"team-images"}}"#,
        n * 37 % 100_000
    );
    common::task_event(n, &payload)
}

fn page() -> Vec<u8> {
    let events: Vec<Value> = (0..EVENTS).map(event).collect();
    serde_json::to_vec(&json!({"events": events, "nextToken": "AAAAKgAAAAIAAAAAAAAAA"})).unwrap()
}

/// Runs `f` over and over for about `budget`, and gives the best of five
/// rounds' time per run (the least disturbed by the rest of the machine).
fn best_time(budget: Duration, mut f: impl FnMut()) -> Duration {
    let started = Instant::now();
    f();
    let once = started.elapsed().max(Duration::from_nanos(1));
    let per_round = (budget.as_nanos() / 5 / once.as_nanos()).clamp(1, 100_000) as u32;
    (0..5)
        .map(|_| {
            let round = Instant::now();
            for _ in 0..per_round {
                f();
            }
            round.elapsed() / per_round
        })
        .min()
        .unwrap()
}

fn bench() {
    let body = page();
    let mb = body.len() as f64 / 1e6;
    let budget = Duration::from_secs(2);
    let scan = best_time(budget, || {
        black_box(serde_json::from_slice::<IgnoredAny>(black_box(&body)).unwrap());
    });
    let value = best_time(budget, || {
        black_box(serde_json::from_slice::<Value>(black_box(&body)).unwrap());
    });
    let typed = best_time(budget, || {
        black_box(serde_json::from_slice::<GetExecutionHistoryOutput>(black_box(&body)).unwrap());
    });
    let input = sfn_lite::operations::GetExecutionHistoryInput::new(
        "arn:aws:states:us-east-1:123456789012:execution:orders:5d2e8a1b-7c4f-4b3a-9e6d",
    );
    let request = best_time(Duration::from_millis(500), || {
        black_box(serde_json::to_vec(black_box(&input)).unwrap());
    });

    println!(
        "one page: {EVENTS} events, {} bytes ({:.0} bytes/event)",
        body.len(),
        body.len() as f64 / EVENTS as f64
    );
    println!("| decoder | time/page | MB/s | events/s | share of the scan |");
    println!("| --- | --- | --- | --- | --- |");
    for (name, t) in [
        ("IgnoredAny (scan only)", scan),
        ("serde_json::Value", value),
        ("GetExecutionHistoryOutput", typed),
    ] {
        let secs = t.as_secs_f64();
        println!(
            "| {name} | {:.0} µs | {:.0} | {:.0}k | {:.0}% |",
            secs * 1e6,
            mb / secs,
            EVENTS as f64 / secs / 1e3,
            100.0 * scan.as_secs_f64() / secs
        );
    }
    println!(
        "building one GetExecutionHistory request body: {:.2} µs",
        request.as_secs_f64() * 1e6
    );
}

fn main() {
    if std::env::args().any(|a| a == "--bench") {
        bench();
    } else {
        let decoded: GetExecutionHistoryOutput = serde_json::from_slice(&page()).unwrap();
        assert_eq!(decoded.events.len(), EVENTS);
        let bytes = page().len() / EVENTS;
        assert!((300..400).contains(&bytes), "{bytes} bytes per event");
    }
}
