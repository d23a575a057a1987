//! The request path's steps, reachable by the crate's own benches
//! (`benches/decode.rs`): compiled only with the `testing` feature, hidden
//! from the docs, not part of the API and free to change.

use crate::operation::Operation;
use crate::sign::Signer;
use aws_credential_types::Credentials;
use reqwest::header::HeaderMap;

/// Signs and builds requests as a `Client` for one endpoint does, with
/// fixed credentials.
#[derive(Debug)]
pub struct RequestSteps {
    signer: Signer,
    credentials: Credentials,
    http: reqwest::Client,
}

impl RequestSteps {
    /// Requests to `endpoint` (`http://127.0.0.1:1`, say) in `region`.
    ///
    /// # Panics
    /// If `endpoint` is no URL with a host.
    pub fn new(endpoint: &str, region: &str) -> Self {
        let endpoint = reqwest::Url::parse(endpoint).expect("an endpoint URL");
        Self {
            signer: Signer::new(endpoint, region.to_owned(), true)
                .expect("an endpoint with a host"),
            credentials: Credentials::new("AKIDEXAMPLE", "wJalrXUtnFEMI", None, None, "bench"),
            http: crate::http::default_client(std::time::Duration::from_secs(1))
                .expect("an HTTP client"),
        }
    }

    /// Signing one request: the headers of a `POST` of `body` to `O`.
    ///
    /// # Panics
    /// If signing fails.
    pub fn sign<O: Operation>(&self, body: &[u8]) -> HeaderMap {
        let target = format!("AWSStepFunctions.{}", O::NAME);
        self.signer.headers(self.credentials.clone(), &target, body, None).expect("signed headers")
    }

    /// Building one request: `input` validated and serialized, its headers
    /// signed, the HTTP request put together, as each call does before
    /// sending.
    ///
    /// # Panics
    /// If any step fails.
    pub fn build<O: Operation>(&self, input: &O) -> reqwest::Request {
        input.validate().expect("a valid input");
        let body = bytes::Bytes::from(serde_json::to_vec(input).expect("the input serializes"));
        let headers = self.sign::<O>(&body);
        self.http
            .post(self.signer.endpoint().clone())
            .headers(headers)
            .body(body)
            .build()
            .expect("a request")
    }
}

/// Decoding one response body into `O`'s output, as the client does.
///
/// # Errors
/// A body that does not decode.
pub fn decode<O: Operation>(body: &[u8]) -> Result<O::Output, crate::Error> {
    crate::response::decode_output(200, body)
}
