//! Streams a long paginated listing from an in-process server on 127.0.0.1
//! and reports items/s with and without prefetch, and the peak heap the
//! stream needs above what was allocated before it started (which should be
//! about two pages, whatever the number of items).
//!
//! `cargo bench --bench history_stream` runs the full table; run without
//! `--bench` (as `cargo test --all-targets` does) it only checks a small
//! listing end to end.
//!
//! Everything about the operation streamed is in [`listing`]; the rest is
//! generic over any paginated operation whose items serialize.

mod common;

use http_body_util::Full;
use hyper::body::{Bytes, Incoming};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use serde::Deserialize;
use serde_json::Value;
use sfn_lite::{Client, Operation};
use std::alloc::{GlobalAlloc, Layout, System};
use std::convert::Infallible;
use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicIsize, Ordering};
use std::time::{Duration, Instant};
use tokio::net::TcpListener;

/// The operation streamed, its items and its request.
mod listing {
    use serde_json::Value;
    use sfn_lite::operations::GetExecutionHistoryInput;
    use sfn_lite::{Client, RequestBuilder};

    /// The operation.
    pub type Op = GetExecutionHistoryInput;

    /// What the items are, for the table.
    pub const WHAT: &str = "GetExecutionHistory events (HistoryEvent)";

    /// The output member holding a page's items.
    pub const ITEMS: &str = "events";

    /// The request to stream.
    pub fn request(client: &Client) -> RequestBuilder<Op> {
        client.get_execution_history(
            "arn:aws:states:us-east-1:123456789012:execution:orders:5d2e8a1b-7c4f-4b3a-9e6d",
        )
    }

    /// Event `n`, as the service sends it (about 300 bytes).
    pub fn item(n: usize) -> Value {
        let input =
            format!(r#"{{"orderId":{n},"bucket":"photos-prod","key":"raw/img_{n:06}.jpg"}}"#);
        crate::common::task_event(n, &input)
    }
}

// ---------------------------------------------------------------------------
// Counting every heap byte.

/// The system allocator, keeping count, while [`COUNTING`] is on, of the
/// bytes allocated less the bytes freed, and of that count's peak.
///
/// Counting is off while throughput is timed: two threads updating the same
/// counters on every allocation slow each other down, which would penalise
/// prefetch (decoding on one thread, consuming on another) unfairly.
struct Counting;

static COUNTING: AtomicBool = AtomicBool::new(false);
static IN_USE: AtomicIsize = AtomicIsize::new(0);
static PEAK: AtomicIsize = AtomicIsize::new(0);

fn grew(bytes: usize) {
    if COUNTING.load(Ordering::Relaxed) {
        let bytes = bytes as isize;
        let now = IN_USE.fetch_add(bytes, Ordering::Relaxed) + bytes;
        PEAK.fetch_max(now, Ordering::Relaxed);
    }
}

fn shrank(bytes: usize) {
    if COUNTING.load(Ordering::Relaxed) {
        IN_USE.fetch_sub(bytes as isize, Ordering::Relaxed);
    }
}

// SAFETY: every call is passed to `System` unchanged; the counters only
// observe the sizes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract for `layout` is `System`'s.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as for `alloc`.
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` came from `System` with `layout`.
        unsafe { System.dealloc(ptr, layout) };
        shrank(layout.size());
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: `ptr` came from `System` with `layout`.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            grew(new_size);
            shrank(layout.size());
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Runs `f` and returns its output and the peak heap, in bytes, above what
/// was in use when it started. Freeing memory allocated before the start
/// counts as negative, so this is the true peak above the baseline.
async fn peak_heap<T>(f: impl Future<Output = T>) -> (T, usize) {
    IN_USE.store(0, Ordering::SeqCst);
    PEAK.store(0, Ordering::SeqCst);
    COUNTING.store(true, Ordering::SeqCst);
    let out = f.await;
    COUNTING.store(false, Ordering::SeqCst);
    (out, usize::try_from(PEAK.load(Ordering::SeqCst)).unwrap_or(0))
}

// ---------------------------------------------------------------------------
// A server answering from pre-serialized pages.

/// The pages of one listing, serialized once; page `n` is requested with
/// the token `page-n` (page 0 without one).
struct Pages {
    bodies: Vec<Bytes>,
    latency: Duration,
}

fn build_pages(items: usize, page_size: usize) -> Vec<Bytes> {
    let pages = items.div_ceil(page_size);
    (0..pages)
        .map(|p| {
            let items: Vec<Value> =
                (p * page_size..items.min((p + 1) * page_size)).map(listing::item).collect();
            let mut body = serde_json::json!({ listing::ITEMS: items });
            if p + 1 < pages {
                body["nextToken"] = Value::String(format!("page-{}", p + 1));
            }
            Bytes::from(serde_json::to_vec(&body).expect("a page serializes"))
        })
        .collect()
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct PageRequest {
    next_token: Option<String>,
}

impl Pages {
    fn answer(&self, request: &[u8]) -> hyper::Response<Full<Bytes>> {
        let page = serde_json::from_slice::<PageRequest>(request)
            .ok()
            .and_then(|r| match r.next_token {
                None => Some(0),
                Some(t) => t.strip_prefix("page-").and_then(|n| n.parse().ok()),
            })
            .and_then(|n: usize| self.bodies.get(n));
        let mut response = match page {
            Some(body) => hyper::Response::new(Full::new(body.clone())),
            None => {
                let mut r = hyper::Response::new(Full::new(Bytes::from_static(
                    br#"{"__type":"InvalidToken","message":"no such page"}"#,
                )));
                *r.status_mut() = hyper::StatusCode::BAD_REQUEST;
                r
            }
        };
        response.headers_mut().insert(
            hyper::header::CONTENT_TYPE,
            hyper::header::HeaderValue::from_static("application/x-amz-json-1.0"),
        );
        response
    }
}

async fn serve(pages: Arc<Pages>) -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind 127.0.0.1:0");
    let addr = listener.local_addr().expect("the listener's address");
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            let pages = Arc::clone(&pages);
            tokio::spawn(async move {
                let service = service_fn(move |request: hyper::Request<Incoming>| {
                    let pages = Arc::clone(&pages);
                    async move {
                        use http_body_util::BodyExt;
                        let body = request.into_body().collect().await.map(|b| b.to_bytes());
                        if !pages.latency.is_zero() {
                            tokio::time::sleep(pages.latency).await;
                        }
                        Ok::<_, Infallible>(pages.answer(&body.unwrap_or_default()))
                    }
                });
                // The client may close its connections at any time.
                let _ = http1::Builder::new().serve_connection(TokioIo::new(stream), service).await;
            });
        }
    });
    addr
}

// ---------------------------------------------------------------------------
// The runs.

/// What the consumer does with each item.
#[derive(Clone, Copy)]
enum Work {
    /// Only counts it.
    Count,
    /// Writes it out as JSON (to a sink), as a tool exporting it would.
    Reencode,
    /// Waits this long after each page, as a consumer storing pages in a
    /// database would.
    Io(Duration),
}

impl Work {
    fn name(self) -> String {
        match self {
            Self::Count => "count".into(),
            Self::Reencode => "re-encode".into(),
            Self::Io(wait) => format!("io {}ms/pg", wait.as_millis()),
        }
    }
}

#[derive(Clone, Copy)]
struct Run {
    items: usize,
    latency: Duration,
    work: Work,
    prefetch: bool,
}

struct Measured {
    items_per_sec: f64,
    peak_bytes: usize,
}

/// What one page costs: its body, and its items once decoded.
struct PageCost {
    body: usize,
    decoded: usize,
}

const PAGE_SIZE: usize = 1000;

/// Streams the listing once; returns items/s.
async fn stream_once(client: &Client, run: Run) -> f64 {
    use futures::TryStreamExt;

    let started = Instant::now();
    let mut items = listing::request(client)
        .into_paginator()
        .page_size(PAGE_SIZE as i32)
        .prefetch(run.prefetch)
        .items();
    let mut count = 0;
    while let Some(item) = items.try_next().await.expect("an item") {
        count += 1;
        match run.work {
            Work::Count => {}
            Work::Reencode => {
                serde_json::to_writer(std::io::sink(), &item).expect("an item serializes");
            }
            Work::Io(wait) if count % PAGE_SIZE == 0 => tokio::time::sleep(wait).await,
            Work::Io(_) => {}
        }
    }
    let elapsed = started.elapsed();
    assert_eq!(count, run.items, "items lost or repeated");
    count as f64 / elapsed.as_secs_f64()
}

/// The best throughput over `repeats` runs, and the highest peak heap over
/// two more with the allocator counting.
async fn measure(run: Run, repeats: usize) -> Measured {
    let pages = Arc::new(Pages { bodies: build_pages(run.items, PAGE_SIZE), latency: run.latency });
    let addr = serve(Arc::clone(&pages)).await;
    let client = Client::builder()
        .region("us-east-1")
        .endpoint_url(format!("http://{addr}"))
        .credentials_provider(aws_credential_types::Credentials::new(
            "AKIDEXAMPLE",
            "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
            None,
            None,
            "bench",
        ))
        .build()
        .expect("a client");
    // Warm up: the connection pool and the credentials cache exist before
    // any baseline is taken.
    stream_once(&client, run).await;
    let mut best = Measured { items_per_sec: 0.0, peak_bytes: 0 };
    for _ in 0..repeats {
        best.items_per_sec = best.items_per_sec.max(stream_once(&client, run).await);
    }
    for _ in 0..2 {
        let (_, peak) = peak_heap(stream_once(&client, run)).await;
        best.peak_bytes = best.peak_bytes.max(peak);
    }
    best
}

/// The cost of the first page of a listing in pages of [`PAGE_SIZE`].
async fn page_cost() -> PageCost {
    let body = build_pages(PAGE_SIZE, PAGE_SIZE).swap_remove(0);
    let (page, decoded) = peak_heap(async {
        serde_json::from_slice::<<listing::Op as Operation>::Output>(&body).expect("a page")
    })
    .await;
    drop(page);
    PageCost { body: body.len(), decoded }
}

fn mib(bytes: usize) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}

async fn bench() {
    let started = Instant::now();
    let cost = page_cost().await;
    let page = cost.body + cost.decoded;
    println!("{}, pages of {PAGE_SIZE}, server on 127.0.0.1 in this process", listing::WHAT);
    println!(
        "one page: {:.0} KiB of body, {:.0} KiB decoded; \"pages\" below = peak heap / their sum",
        cost.body as f64 / 1024.0,
        cost.decoded as f64 / 1024.0
    );
    println!("items/s: best of 3 runs; peak heap above the baseline: highest of 2 more\n");
    println!(
        "{:>8} {:>8} {:>11} {:>9} {:>12} {:>11} {:>7}",
        "items", "latency", "consumer", "prefetch", "items/s", "peak heap", "pages"
    );
    let mut peaks = Vec::new();
    for (latency, work) in [
        (Duration::ZERO, Work::Count),
        (Duration::from_millis(2), Work::Reencode),
        (Duration::from_millis(2), Work::Io(Duration::from_millis(2))),
    ] {
        for items in [10_000, 100_000] {
            for prefetch in [true, false] {
                let run = Run { items, latency, work, prefetch };
                let m = measure(run, 3).await;
                println!(
                    "{:>8} {:>6}ms {:>11} {:>9} {:>12.0} {:>7.2} MiB {:>7.1}",
                    items,
                    latency.as_millis(),
                    work.name(),
                    if prefetch { "on" } else { "off" },
                    m.items_per_sec,
                    mib(m.peak_bytes),
                    m.peak_bytes as f64 / page as f64,
                );
                peaks.push((run, m.peak_bytes));
            }
        }
    }
    // Flat in the number of items: the highest peak at 100k items is that
    // at 10k, give or take the run-to-run spread of about one body (reqwest
    // joins a body that arrived in several chunks into one copy).
    println!();
    for prefetch in [true, false] {
        let highest = |items| {
            peaks
                .iter()
                .filter(|(r, _)| r.items == items && r.prefetch == prefetch)
                .map(|(_, peak)| *peak)
                .max()
                .unwrap_or(0)
        };
        println!(
            "highest peak heap, prefetch {}: {:.2} MiB at 10k items, {:.2} MiB at 100k",
            if prefetch { "on " } else { "off" },
            mib(highest(10_000)),
            mib(highest(100_000))
        );
    }
    println!("({:.0} s)", started.elapsed().as_secs_f64());
}

/// A small listing, end to end, for `cargo test --all-targets`.
async fn smoke() {
    let run = Run { items: 2_500, latency: Duration::ZERO, work: Work::Reencode, prefetch: true };
    let m = measure(run, 1).await;
    println!("smoke: {} items streamed, peak heap {:.2} MiB", run.items, mib(m.peak_bytes));
}

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a runtime");
    if std::env::args().any(|a| a == "--bench") {
        runtime.block_on(bench());
    } else {
        runtime.block_on(smoke());
    }
}
