//! The cost of reading one page of history: decoding a realistic
//! 1000-event `GetExecutionHistory` body (Task-state events of about 345
//! bytes, whose input and output are escaped JSON strings) into
//! `GetExecutionHistoryOutput` as the client does (the crate's own JSON
//! reader), against the floor of merely scanning the same bytes
//! (`serde_json` into `serde::de::IgnoredAny`), against `serde_json::Value`
//! and against `serde_json` into the same output type; and the
//! cost of one request before it is sent: its body serialized, its headers
//! signed (SigV4), the whole request built.
//!
//! `cargo bench --bench decode` prints MB/s, events/s and each figure as a
//! share of the scan; run without `--bench` (as `cargo test --all-targets`
//! does) it only checks that the page decodes, to what `serde_json` gives.

mod common;

use serde::de::IgnoredAny;
use serde_json::{Value, json};
use sfn_lite::bench_hooks::{self, RequestSteps};
use sfn_lite::operations::{GetExecutionHistoryInput, GetExecutionHistoryOutput};
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

/// A token of the length the service's are.
const NEXT_TOKEN: &str = "AAAAKgAAAAIAAAAAAAAAAQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

fn page() -> Vec<u8> {
    let events: Vec<Value> = (0..EVENTS).map(event).collect();
    serde_json::to_vec(&json!({"events": events, "nextToken": NEXT_TOKEN})).unwrap()
}

/// Rounds each contender runs in, taking turns (A B C A B C ...), so that a
/// change in the machine's load touches all of them alike.
const ROUNDS: usize = 9;

/// Runs the contenders in turn for about `budget` in all, and gives each
/// one's median time per run over [`ROUNDS`] rounds.
fn median_times(budget: Duration, contenders: &mut [&mut dyn FnMut()]) -> Vec<Duration> {
    let count = contenders.len();
    let per_round: Vec<u32> = contenders
        .iter_mut()
        .map(|f| {
            let started = Instant::now();
            f();
            let once = started.elapsed().max(Duration::from_nanos(1));
            let share = budget.as_nanos() / (ROUNDS * count) as u128;
            (share / once.as_nanos()).clamp(1, 100_000) as u32
        })
        .collect();
    let mut times = vec![Vec::with_capacity(ROUNDS); contenders.len()];
    for _ in 0..ROUNDS {
        for ((f, runs), times) in contenders.iter_mut().zip(&per_round).zip(&mut times) {
            let round = Instant::now();
            for _ in 0..*runs {
                f();
            }
            times.push(round.elapsed() / *runs);
        }
    }
    times
        .into_iter()
        .map(|mut t| {
            t.sort();
            t[ROUNDS / 2]
        })
        .collect()
}

fn bench() {
    let body = page();
    let mb = body.len() as f64 / 1e6;
    let times = median_times(
        Duration::from_secs(6),
        &mut [
            &mut || {
                black_box(serde_json::from_slice::<IgnoredAny>(black_box(&body)).unwrap());
            },
            &mut || {
                black_box(serde_json::from_slice::<Value>(black_box(&body)).unwrap());
            },
            &mut || {
                black_box(
                    serde_json::from_slice::<GetExecutionHistoryOutput>(black_box(&body)).unwrap(),
                );
            },
            &mut || {
                black_box(
                    bench_hooks::decode::<GetExecutionHistoryInput>(black_box(&body)).unwrap(),
                );
            },
        ],
    );
    let [scan, value, typed_serde_json, typed] = times[..] else { unreachable!("four contenders") };
    // A second page's request, as a paginator sends it.
    let mut input = GetExecutionHistoryInput::new(
        "arn:aws:states:us-east-1:123456789012:execution:orders:5d2e8a1b-7c4f-4b3a-9e6d",
    );
    input.max_results = Some(1000);
    input.next_token = Some(NEXT_TOKEN.to_owned());
    let body_of_request = serde_json::to_vec(&input).unwrap();
    let steps = RequestSteps::new("http://127.0.0.1:8080", "us-east-1");
    let times = median_times(
        Duration::from_secs(2),
        &mut [
            &mut || {
                black_box(serde_json::to_vec(black_box(&input)).unwrap());
            },
            &mut || {
                black_box(steps.sign::<GetExecutionHistoryInput>(black_box(&body_of_request)));
            },
            &mut || {
                black_box(steps.build(black_box(&input)));
            },
        ],
    );
    let [serialize, sign, build] = times[..] else { unreachable!("three contenders") };

    println!(
        "one page: {EVENTS} events, {} bytes ({:.0} bytes/event)",
        body.len(),
        body.len() as f64 / EVENTS as f64
    );
    println!("medians of {ROUNDS} rounds, the decoders taking turns");
    println!("| decoder | time/page | MB/s | events/s | share of the scan |");
    println!("| --- | --- | --- | --- | --- |");
    for (name, t) in [
        ("IgnoredAny (scan only)", scan),
        ("serde_json::Value", value),
        ("GetExecutionHistoryOutput, by serde_json", typed_serde_json),
        ("GetExecutionHistoryOutput, as the client decodes it", typed),
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
    println!("\none GetExecutionHistory request ({} bytes of body):", body_of_request.len());
    println!("| step | time |");
    println!("| --- | --- |");
    for (name, t) in [
        ("serializing the body", serialize),
        ("signing (SigV4 headers)", sign),
        ("building it (validate, serialize, sign, reqwest::Request)", build),
    ] {
        println!("| {name} | {:.2} µs |", t.as_secs_f64() * 1e6);
    }
}

fn main() {
    if std::env::args().any(|a| a == "--bench") {
        bench();
    } else {
        let decoded = bench_hooks::decode::<GetExecutionHistoryInput>(&page()).unwrap();
        assert_eq!(decoded.events.len(), EVENTS);
        assert_eq!(decoded, serde_json::from_slice::<GetExecutionHistoryOutput>(&page()).unwrap());
        let bytes = page().len() / EVENTS;
        assert!((300..400).contains(&bytes), "{bytes} bytes per event");
    }
}
