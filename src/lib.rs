//! A light, typed async client for AWS Step Functions, built around
//! Distributed Map: Map Runs, the executions they start, the state machines
//! behind them and their histories.
//!
//! ```no_run
//! use futures::TryStreamExt;
//! use sfn_lite::Client;
//!
//! # async fn demo(execution_arn: &str) -> Result<(), sfn_lite::Error> {
//! let client = Client::from_env().await?;
//!
//! let mut runs = client.list_map_runs(execution_arn).into_paginator().items();
//! while let Some(run) = runs.try_next().await? {
//!     let described = client.describe_map_run(&run.map_run_arn).await?;
//!     let items = &described.item_counts;
//!     println!("{}: {} of {} items succeeded", described.status, items.succeeded, items.total);
//!
//!     // Let the run go faster, and tolerate a few failures.
//!     client
//!         .update_map_run(&run.map_run_arn)
//!         .max_concurrency(100)
//!         .tolerated_failure_percentage(5.0)
//!         .await?;
//! }
//! # Ok(()) }
//! ```
//!
//! Streaming a long history, newest page prefetched while you work:
//!
//! ```no_run
//! use futures::TryStreamExt;
//! use sfn_lite::types::{EventDetails, HistoryEventType};
//!
//! # async fn demo(client: sfn_lite::Client, execution_arn: &str) -> Result<(), sfn_lite::Error> {
//! let mut events = client
//!     .get_execution_history(execution_arn)
//!     .include_execution_data(false)
//!     .into_paginator()
//!     .page_size(1000)
//!     .items();
//! while let Some(event) = events.try_next().await? {
//!     if let EventDetails::MapRunStarted(started) = &event.details {
//!         println!("Map Run {:?} started at {}", started.map_run_arn, event.timestamp);
//!     }
//!     if event.r#type == HistoryEventType::ExecutionFailed {
//!         let (error, _cause) = event.error_and_cause().unwrap_or_default();
//!         println!("failed: {}", error.unwrap_or("?"));
//!     }
//! }
//! # Ok(()) }
//! ```
//!
//! Every operation is a method on [`Client`] returning a [`RequestBuilder`]:
//! set optional members, then `.send().await` or just `.await`. Paginated
//! operations also have [`RequestBuilder::into_paginator`], whose
//! [`Paginator::pages`] and [`Paginator::items`] are plain
//! [`futures::Stream`]s. Behind each builder is a plain input struct in
//! [`operations`] that [`Client::send`] accepts; inputs, outputs and
//! [`types`] serialize to and from the wire format with serde.
//!
//! Errors are one [`Error`] type: match on [`Error::kind`], and for service
//! errors on [`Error::code`]. Members the service model marks sensitive are
//! [`types::Sensitive`] and never show in `Debug` output.
//!
//! Running work can be followed live, see [`live`]:
//! `client.get_execution_history(arn).follow()` streams a history as it
//! grows, [`Client::watch_map_run`] streams a Map Run's progress and
//! [`Client::wait_for_execution`] waits for an execution to end. ARNs can be
//! typed: [`types::ExecutionArn`], [`types::StateMachineArn`] and
//! [`types::MapRunArn`] parse, print back and go wherever a string ARN does.
//!
//! # Tracing
//! Every call runs in a [`tracing`](https://docs.rs/tracing) span named `sfn`
//! (INFO) with the operation, attempts, HTTP status, request id, duration in
//! milliseconds and, on failure, the error kind; paginator pages run in
//! `sfn.page` spans and live polls in `sfn.follow`, `sfn.watch` and
//! `sfn.wait` spans (DEBUG); retries and responses are DEBUG events. No span
//! or event carries a body or a credential. Install any subscriber to see
//! them, e.g. `tracing_subscriber::fmt().with_span_events(FmtSpan::CLOSE)`
//! with a filter such as `RUST_LOG=sfn_lite=debug`. A successful call's
//! request id is also returned by [`RequestBuilder::send_with_metadata`].
//!
//! # Testing your code
//! With the `testing` feature (in your dev-dependencies), the `testing`
//! module's `FakeSfn` is an in-process fake Step Functions on 127.0.0.1: it
//! serves every operation from state you seed with the crate's own types,
//! scripts faults for the calls to come and keeps every request it received,
//! typed and with its signature checked. Outputs and shared shapes have
//! `Default` and `with_<member>` setters, so code that takes them needs no
//! JSON fixtures either.
//!
//! ```
//! use sfn_lite::testing::{FakeSfn, seed};
//! use sfn_lite::types::{MapRunCounts, MapRunStatus};
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), sfn_lite::Error> {
//! let fake = FakeSfn::start().await;
//! let machine = fake.put_state_machine(seed::state_machine("orders", seed::PASS_DEFINITION));
//! let execution = fake.put_execution(seed::execution(&machine, "nightly"));
//! let run = fake.put_map_run(
//!     seed::map_run(&execution, "ProcessOrders")
//!         .with_item_counts(MapRunCounts::default().with_total(10).with_succeeded(4)),
//! );
//!
//! // The code under test takes a `Client`.
//! let client = fake.client();
//! fake.throttle_next(1);
//! let described = client.describe_map_run(&run).await?; // retried once
//! assert_eq!(described.status, MapRunStatus::Running);
//! assert_eq!(described.item_counts.succeeded, 4);
//! assert_eq!(fake.requests().len(), 2);
//! assert!(fake.requests().iter().all(|request| request.signature_verified()));
//! # Ok(()) }
//! ```
//!
//! # Features
//! - `rustls-ring` (default): TLS with rustls and the `ring` provider.
//! - `rustls-aws-lc`: rustls with `aws-lc-rs`, configured by reqwest.
//! - `native-tls`: the platform's TLS library.
//! - `testing`: `testing::FakeSfn`, an in-process fake Step Functions for
//!   your own tests.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

// The layers, top to bottom: a module uses only modules declared after it
// (`python3 ../shared/tools/cycles.py` finds any arrow that runs back up).
#[cfg(feature = "testing")]
pub mod testing; // the in-process fake Step Functions (feature `testing`)
#[cfg(feature = "testing")]
#[doc(hidden)]
pub mod bench_hooks; // the request path's steps, for the crate's own benches
pub mod live; // follow a history, watch a Map Run, wait for an execution
pub mod operations; // inputs, outputs, their Client methods and setters; validate
mod paginate; // the one generic Paginator
mod client; // Client, RequestBuilder, ClientBuilder (wires the parts below)
mod transport; // the request loop: credentials, sign, send, read, retry
pub mod credentials; // the default chain, each provider, the refreshing cache
mod config; // settings from env and profile files, as data
mod retry; // classification of codes, backoff, quota
mod sign; // SigV4 headers and the clock they are signed by
mod response; // output and error decoding, secret redaction
mod http; // the default reqwest client and TLS (credentials providers use it too)
mod endpoint; // custom URL or the rule set's default
mod profile; // the shared config/credentials file parser
mod operation; // the Operation trait
pub mod types; // shapes shared by operations
mod builders; // with_setters!: chainable setters that make shapes buildable
mod wire; // serde helpers for timestamps and floats
mod json; // the JSON reader outputs are decoded with
mod error; // Error, ErrorKind, ServiceError, ErrorCode
mod service_enum; // the macro behind every service enum
mod random; // the one random source: jitter, idempotency tokens
#[cfg(test)]
mod fuzz_tests;

pub use client::{Client, ClientBuilder, RequestBuilder};
pub use error::{Error, ErrorCode, ErrorKind, ServiceError};
pub use operation::Operation;
pub use paginate::{Paginated, Paginator};
pub use retry::RetryConfig;
pub use transport::ResponseMetadata;
