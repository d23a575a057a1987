//! Following a long history holds about two pages, not the history: the
//! peak of live heap bytes while following 100,000 events in pages of 1000
//! stays a small multiple of one page. Its own test binary, as it counts
//! every allocation of the process.

mod common;

use common::{Reply, Server};
use futures::StreamExt;
use serde_json::{Value, json};
use sfn_lite::operations::GetExecutionHistoryOutput;
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let now = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(now, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

const EVENTS: usize = 100_000;
const PAGE: usize = 1000;

fn page(start: usize) -> String {
    let events: Vec<Value> = (start + 1..=(start + PAGE).min(EVENTS))
        .map(|id| {
            let ty = match id {
                1 => "ExecutionStarted",
                EVENTS => "ExecutionSucceeded",
                _ => "PassStateEntered",
            };
            json!({"id": id, "previousEventId": id - 1, "type": ty, "timestamp": 1.7e9,
                   "stateEnteredEventDetails": {"name": "a state with a name of some length"}})
        })
        .collect();
    let mut out = json!({ "events": events });
    if start + PAGE < EVENTS {
        out["nextToken"] = json!((start + PAGE).to_string());
    }
    out.to_string()
}

#[tokio::test]
async fn following_100_000_events_holds_about_two_pages() {
    // Built before the baseline: the server's own work is not the client's.
    let pages: Vec<String> = (0..EVENTS).step_by(PAGE).map(page).collect();
    let server = Server::with_handler(move |request| {
        let start: usize =
            request.json().unwrap()["nextToken"].as_str().map_or(0, |t| t.parse().unwrap());
        Reply::ok(pages[start / PAGE].as_bytes())
    })
    .await;
    let client = common::client(&server);
    // One page as the client holds it (its body and decoded events), and
    // the peak of one call that fetches a page and holds it (the page plus
    // the transport's and the in-process server's buffers).
    let body = page(0);
    let before = LIVE.load(Ordering::Relaxed);
    let decoded: GetExecutionHistoryOutput = serde_json::from_str(&body).unwrap();
    let one_page = body.len() + LIVE.load(Ordering::Relaxed) - before;
    drop((body, decoded));
    let arn = "arn:aws:states:us-east-1:123456789012:execution:sm:long";
    let before = LIVE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let held = client.get_execution_history(arn).max_results(PAGE as i32).await.unwrap();
    let one_call = PEAK.load(Ordering::Relaxed) - before;
    drop(held);
    server.reset();

    let mut follow = client
        .get_execution_history(arn)
        .max_results(PAGE as i32)
        .follow()
        .poll_interval(Duration::from_millis(1));
    let baseline = LIVE.load(Ordering::Relaxed);
    PEAK.store(baseline, Ordering::Relaxed);
    let mut expected = 1;
    while let Some(event) = follow.next().await {
        assert_eq!(event.unwrap().id, expected);
        expected += 1;
    }
    assert_eq!(expected - 1, EVENTS as i64);
    assert_eq!(server.request_count(), EVENTS / PAGE);
    let grew = PEAK.load(Ordering::Relaxed).saturating_sub(baseline);
    // About two pages: the call fetching the next page while one is held,
    // with 10% slack. The whole history would be 100 pages.
    let bound = one_call + one_page + one_page / 10;
    assert!(
        grew <= bound,
        "the peak grew by {grew} bytes, more than {bound} (a page is {one_page}, a call {one_call})"
    );
}
