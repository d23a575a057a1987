//! A fast loopback Step Functions for the side-by-side benchmark: AWS JSON
//! 1.0 over HTTP/1.1 keep-alive on 127.0.0.1, answering DescribeExecution,
//! DescribeMapRun, ListExecutions and GetExecutionHistory from bodies made
//! once at start.
//!
//! How long a listing is travels in the request, so one server serves every
//! run: GetExecutionHistory of an execution ARN ending in `:events-N` has N
//! events, ListExecutions of a state machine ARN ending in `:executions-N`
//! has N executions. `maxResults` is honoured (the service's default of 100
//! if absent); `nextToken` is `p<offset>`.
//!
//! Usage: `server [ADDR]` (default `127.0.0.1:0`); prints `listening on
//! http://ADDR` once it accepts connections.

#[path = "../../../benches/common/mod.rs"]
mod common;

use bytes::{BufMut, Bytes, BytesMut};
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper::header::{CONTENT_TYPE, HeaderValue};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use serde_json::{Value, json};
use std::convert::Infallible;
use std::io::Write;
use std::sync::Arc;
use tokio::net::TcpListener;

/// Distinct items made at start; a listing cycles through them, so the
/// server's memory does not grow with the listing's length.
const CYCLE: usize = 1000;

const EXECUTION: &str =
    "arn:aws:states:us-east-1:123456789012:execution:orders:5d2e8a1b-7c4f-4b3a-9e6d";
const STATE_MACHINE: &str = "arn:aws:states:us-east-1:123456789012:stateMachine:orders";
const MAP_RUN: &str = "arn:aws:states:us-east-1:123456789012:mapRun:orders/Resize:1b7c4f4b";

/// About 150 bytes of JSON, as a Task's input or output: about 180 once
/// escaped into a string, about 345 bytes per event with the rest.
fn payload(n: usize) -> String {
    format!(
        r#"{{"orderId":{n},"bucket":"photos-prod","key":"raw/img_{n:06}.jpg","size":{},"tags":["resize","thumbnail"],"owner":"team-images"}}"#,
        n * 37 % 100_000
    )
}

/// History event `n`: the crate's bench events (`benches/common`), the same
/// as `benches/decode.rs` decodes.
fn event(n: usize) -> Value {
    common::task_event(n, &payload(n))
}

/// Execution `n` of a Map Run, as ListExecutions lists it.
fn execution(n: usize) -> Value {
    let started = 1_795_559_751.538 + n as f64;
    json!({
        "executionArn": format!("{EXECUTION}-{n:07}"),
        "stateMachineArn": STATE_MACHINE,
        "name": format!("5d2e8a1b-7c4f-4b3a-9e6d-{n:07}"),
        "status": "SUCCEEDED",
        "startDate": started,
        "stopDate": started + 1.25,
        "mapRunArn": MAP_RUN,
        "stateMachineVersionArn": format!("{STATE_MACHINE}:3"),
    })
}

fn describe_execution() -> Value {
    json!({
        "executionArn": EXECUTION,
        "stateMachineArn": STATE_MACHINE,
        "name": "5d2e8a1b-7c4f-4b3a-9e6d",
        "status": "SUCCEEDED",
        "startDate": 1_795_559_751.538,
        "stopDate": 1_795_559_793.112,
        "input": payload(1),
        "inputDetails": {"included": true},
        "output": payload(2),
        "outputDetails": {"included": true},
        "redriveCount": 0,
        "redriveStatus": "NOT_REDRIVABLE",
        "redriveStatusReason": "Execution is SUCCEEDED and cannot be redriven",
    })
}

fn describe_map_run() -> Value {
    let counts = json!({"pending": 0, "running": 0, "succeeded": 10000, "failed": 0,
        "timedOut": 0, "aborted": 0, "total": 10000, "resultsWritten": 10000,
        "failuresNotRedrivable": 0, "pendingRedrive": 0});
    json!({
        "mapRunArn": MAP_RUN,
        "executionArn": EXECUTION,
        "status": "SUCCEEDED",
        "startDate": 1_795_559_751.538,
        "stopDate": 1_795_560_911.004,
        "maxConcurrency": 1000,
        "toleratedFailurePercentage": 0.0,
        "toleratedFailureCount": 0,
        "itemCounts": counts,
        "executionCounts": counts,
        "redriveCount": 0,
    })
}

fn bytes(value: &Value) -> Bytes {
    Bytes::from(serde_json::to_vec(value).expect("a body serializes"))
}

/// Everything the server answers from.
struct Bodies {
    events: Vec<Bytes>,
    executions: Vec<Bytes>,
    describe_execution: Bytes,
    describe_map_run: Bytes,
}

/// The request members the server reads.
struct Query {
    arn: String,
    max_results: usize,
    offset: usize,
}

fn query(body: &[u8], arn_member: &str) -> Option<Query> {
    let request: Value = serde_json::from_slice(body).ok()?;
    let max_results = match request.get("maxResults").and_then(Value::as_u64) {
        None | Some(0) => 100,
        Some(n) => n.min(1000) as usize,
    };
    let offset = match request.get("nextToken").and_then(Value::as_str) {
        None => 0,
        Some(token) => token.strip_prefix('p')?.parse().ok()?,
    };
    Some(Query { arn: request.get(arn_member)?.as_str()?.to_owned(), max_results, offset })
}

/// A page of `member` from a listing of `total` items cycling through `items`.
fn page(items: &[Bytes], member: &str, total: usize, q: &Query) -> Bytes {
    let end = total.min(q.offset + q.max_results);
    let mut body = BytesMut::with_capacity((end - q.offset.min(end)) * (items[0].len() + 1) + 64);
    write!((&mut body).writer(), r#"{{"{member}":["#).expect("writing to memory");
    for n in q.offset..end {
        if n > q.offset {
            body.put_u8(b',');
        }
        body.put_slice(&items[n % items.len()]);
    }
    body.put_u8(b']');
    if end < total {
        write!((&mut body).writer(), r#","nextToken":"p{end}""#).expect("writing to memory");
    }
    body.put_u8(b'}');
    body.freeze()
}

fn total(arn: &str, prefix: &str) -> Option<usize> {
    arn.rsplit(':').next()?.strip_prefix(prefix)?.parse().ok()
}

fn error(code: &str, message: &str) -> (StatusCode, Bytes) {
    (StatusCode::BAD_REQUEST, bytes(&json!({"__type": code, "message": message})))
}

fn answer(bodies: &Bodies, target: &str, request: &[u8]) -> (StatusCode, Bytes) {
    let listing = |member: &str, arn_member: &str, prefix: &str, items: &[Bytes]| match query(
        request, arn_member,
    ) {
        Some(q) => match total(&q.arn, prefix) {
            Some(total) if q.offset <= total => (StatusCode::OK, page(items, member, total, &q)),
            _ => error("InvalidToken", "no such page"),
        },
        None => error("ValidationException", "bad request"),
    };
    match target.strip_prefix("AWSStepFunctions.") {
        Some("DescribeExecution") => (StatusCode::OK, bodies.describe_execution.clone()),
        Some("DescribeMapRun") => (StatusCode::OK, bodies.describe_map_run.clone()),
        Some("GetExecutionHistory") => listing("events", "executionArn", "events-", &bodies.events),
        Some("ListExecutions") => {
            listing("executions", "stateMachineArn", "executions-", &bodies.executions)
        }
        _ => error("UnknownOperationException", "not served here"),
    }
}

async fn handle(bodies: Arc<Bodies>, request: Request<Incoming>) -> Response<Full<Bytes>> {
    let target = request
        .headers()
        .get("x-amz-target")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let body = match request.into_body().collect().await {
        Ok(body) => body.to_bytes(),
        Err(_) => Bytes::new(),
    };
    let (status, body) = answer(&bodies, &target, &body);
    let mut response = Response::new(Full::new(body));
    *response.status_mut() = status;
    response
        .headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static("application/x-amz-json-1.0"));
    response.headers_mut().insert(
        "x-amzn-requestid",
        HeaderValue::from_static("5f2d1c0e-4b8a-4e7f-9a3b-1c2d3e4f5a6b"),
    );
    response
}

fn main() {
    let addr = std::env::args().nth(1).unwrap_or_else(|| "127.0.0.1:0".into());
    let bodies = Arc::new(Bodies {
        events: (0..CYCLE).map(|n| bytes(&event(n))).collect(),
        executions: (0..CYCLE).map(|n| bytes(&execution(n))).collect(),
        describe_execution: bytes(&describe_execution()),
        describe_map_run: bytes(&describe_map_run()),
    });
    let runtime = tokio::runtime::Runtime::new().expect("a Tokio runtime");
    runtime.block_on(async move {
        let listener = TcpListener::bind(&addr).await.expect("binding the server's address");
        let local = listener.local_addr().expect("the listener's address");
        println!("listening on http://{local}");
        std::io::stdout().flush().expect("stdout");
        loop {
            let Ok((stream, _)) = listener.accept().await else { continue };
            let _ = stream.set_nodelay(true);
            let bodies = Arc::clone(&bodies);
            tokio::spawn(async move {
                let service = service_fn(move |request| {
                    let bodies = Arc::clone(&bodies);
                    async move { Ok::<_, Infallible>(handle(bodies, request).await) }
                });
                // Clients close their connections when they are done.
                let _ = http1::Builder::new().serve_connection(TokioIo::new(stream), service).await;
            });
        }
    });
}
