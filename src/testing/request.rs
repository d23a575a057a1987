//! [`Request`]: one request as the fake received it, with what a test asks
//! of it (its operation, its typed input, whether its signature verifies).

use crate::operation::Operation;
use aws_credential_types::Credentials;
use serde::de::DeserializeOwned;
use std::fmt;
use std::sync::{Arc, Mutex};
use std::time::Instant;

/// What `X-Amz-Target` carries before the operation name.
pub const TARGET_PREFIX: &str = "AWSStepFunctions.";

/// One request as the fake received it; [`FakeSfn::requests`] lists them in
/// arrival order.
///
/// Its `Debug` output leaves out the body and the values of
/// `Authorization` and `X-Amz-Security-Token`, which carry execution input
/// and credentials.
///
/// [`FakeSfn::requests`]: super::FakeSfn::requests
#[derive(Clone)]
pub struct Request {
    /// `POST`, `GET`, ...
    pub method: String,
    /// The request target: path and query, as sent.
    pub path: String,
    /// Every header in arrival order, names lowercased.
    pub headers: Vec<(String, String)>,
    /// The body bytes.
    pub body: Vec<u8>,
    /// When the request's head arrived.
    pub at: Instant,
    /// The credentials the fake accepts, shared with it.
    pub(super) known: Arc<Mutex<Vec<Credentials>>>,
}

impl Request {
    /// A request made elsewhere (arriving now), to check with
    /// [`sigv4`](super::sigv4);
    /// the fake records the ones it receives itself. It knows no
    /// credentials, so [`signature_verified`](Self::signature_verified) is
    /// `false`.
    pub fn new<N: Into<String>, V: Into<String>>(
        method: &str,
        path: &str,
        headers: impl IntoIterator<Item = (N, V)>,
        body: Vec<u8>,
    ) -> Self {
        let headers =
            headers.into_iter().map(|(n, v)| (n.into().to_ascii_lowercase(), v.into())).collect();
        Self::received(method.into(), path.into(), headers, body, Instant::now(), Arc::default())
    }

    pub(crate) fn received(
        method: String,
        path: String,
        headers: Vec<(String, String)>,
        body: Vec<u8>,
        at: Instant,
        known: Arc<Mutex<Vec<Credentials>>>,
    ) -> Self {
        Self { method, path, headers, body, at, known }
    }

    /// The first value of a header (name in any case).
    pub fn header<'a>(&'a self, name: &str) -> Option<&'a str> {
        self.header_values(name).next()
    }

    /// Every value of a header (name in any case), in order.
    pub fn header_values<'a, 'n>(
        &'a self,
        name: &'n str,
    ) -> impl Iterator<Item = &'a str> + use<'a, 'n> {
        self.headers
            .iter()
            .filter(move |(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The operation `X-Amz-Target` names, such as `StartExecution`; `None`
    /// without the header or its `AWSStepFunctions.` prefix.
    pub fn operation(&self) -> Option<&str> {
        self.header("x-amz-target")?.strip_prefix(TARGET_PREFIX)
    }

    /// The body parsed as JSON.
    pub fn json(&self) -> Result<serde_json::Value, serde_json::Error> {
        serde_json::from_slice(&self.body)
    }

    /// The typed input of operation `O`, decoded from the body: an error if
    /// the request is for another operation or its body does not decode.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// use sfn_lite::operations::StartExecutionInput;
    /// use sfn_lite::testing::FakeSfn;
    ///
    /// let fake = FakeSfn::start().await;
    /// let sm = "arn:aws:states:us-east-1:123456789012:stateMachine:orders";
    /// let _ = fake.client().start_execution(sm).name("order-7").await;
    ///
    /// let input: StartExecutionInput = fake.requests()[0].input().unwrap();
    /// assert_eq!(input.name.as_deref(), Some("order-7"));
    /// # }
    /// ```
    pub fn input<O: Operation + DeserializeOwned>(&self) -> Result<O, InputError> {
        match self.operation() {
            Some(name) if name == O::NAME => {}
            other => {
                return Err(InputError(format!(
                    "the request is for {}, not {}",
                    other.unwrap_or("no Step Functions operation"),
                    O::NAME
                )));
            }
        }
        serde_json::from_slice(&self.body)
            .map_err(|e| InputError(format!("the body is not a {} input: {e}", O::NAME)))
    }
}

impl fmt::Debug for Request {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let headers: Vec<(&str, &str)> = self
            .headers
            .iter()
            .map(|(n, v)| match n.as_str() {
                "authorization" | "x-amz-security-token" => {
                    (n.as_str(), "*** Sensitive Data Redacted ***")
                }
                _ => (n.as_str(), v.as_str()),
            })
            .collect();
        f.debug_struct("Request")
            .field("method", &self.method)
            .field("path", &self.path)
            .field("headers", &headers)
            .field("body", &format_args!("<{} bytes>", self.body.len()))
            .field("at", &self.at)
            .finish_non_exhaustive()
    }
}

/// Why [`Request::input`] could not give the typed input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputError(String);

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for InputError {}
