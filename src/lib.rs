//! A light, typed async client for AWS Step Functions, built around
//! Distributed Map: Map Runs, the executions they start, the state machines
//! behind them and their histories.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod client;
mod config;
mod credentials;
mod endpoint;
mod error;
mod operation;
pub mod operations;
mod profile;
mod transport;
pub mod types;
mod wire;

pub use client::{Client, ClientBuilder, RequestBuilder};
pub use error::{Error, ErrorCode, ErrorKind, ServiceError};
pub use operation::Operation;
