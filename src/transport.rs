//! The one request path every operation takes: validate, serialize, sign
//! (SigV4 with `aws-sigv4`), send (`reqwest`), decode the output or the error.
//!
//! It holds no per-operation code, and it never logs a body or a credential.

use crate::credentials::CredentialsCache;
use crate::error::{Error, ErrorKind};
use crate::operation::Operation;
use crate::wire;
use aws_sigv4::http_request::{SignableBody, SignableRequest, SigningSettings, sign};
use aws_sigv4::sign::v4::SigningParams;
use reqwest::header::{HeaderMap, HeaderName, HeaderValue};
use std::time::{Duration, SystemTime};

const CONTENT_TYPE: &str = "application/x-amz-json-1.0";
const SIGNING_NAME: &str = "states";
const USER_AGENT: &str = concat!("sfn-lite/", env!("CARGO_PKG_VERSION"));

/// Everything a request needs, resolved once when the client is built.
#[derive(Debug)]
pub(crate) struct Transport {
    pub(crate) http: reqwest::Client,
    pub(crate) endpoint: reqwest::Url,
    pub(crate) region: String,
    pub(crate) credentials: CredentialsCache,
    pub(crate) attempt_timeout: Option<Duration>,
    /// `host[:port]` as sent in the Host header and signed.
    host: String,
}

impl Transport {
    pub(crate) fn new(
        http: reqwest::Client,
        endpoint: reqwest::Url,
        region: String,
        credentials: CredentialsCache,
        attempt_timeout: Option<Duration>,
    ) -> Result<Self, Error> {
        let host = match (endpoint.host_str(), endpoint.port()) {
            (Some(h), Some(p)) => format!("{h}:{p}"),
            (Some(h), None) => h.to_owned(),
            (None, _) => {
                return Err(Error::with_message(
                    ErrorKind::Config,
                    format!("endpoint {endpoint} has no host"),
                ));
            }
        };
        Ok(Self { http, endpoint, region, credentials, attempt_timeout, host })
    }

    /// Sends one operation and decodes its answer.
    pub(crate) async fn send<O: Operation>(&self, input: &O) -> Result<O::Output, Error> {
        self.send_inner(input).await.map_err(|e| e.for_operation(O::NAME))
    }

    async fn send_inner<O: Operation>(&self, input: &O) -> Result<O::Output, Error> {
        input.validate()?;
        let body = serde_json::to_vec(input).map_err(|e| {
            Error::with_message(ErrorKind::InvalidInput, "cannot serialize the input")
                .with_source(e)
        })?;
        let target = concat_target(O::NAME);
        let headers = self.signed_headers(&target, &body).await?;

        let mut request = self.http.post(self.endpoint.clone()).headers(headers).body(body);
        if let Some(t) = self.attempt_timeout {
            request = request.timeout(t);
        }
        let response = request.send().await.map_err(transport_error)?;
        let status = response.status().as_u16();
        let request_id = header_str(response.headers(), "x-amzn-requestid").map(str::to_owned);
        let error_type = header_str(response.headers(), "x-amzn-errortype").map(str::to_owned);
        let bytes = response.bytes().await.map_err(transport_error)?;
        tracing::debug!(
            operation = O::NAME,
            status,
            request_id = request_id.as_deref().unwrap_or(""),
            "response"
        );

        if (200..300).contains(&status) {
            let bytes: &[u8] =
                if bytes.iter().all(u8::is_ascii_whitespace) { b"{}" } else { &bytes };
            serde_json::from_slice(bytes).map_err(|e| {
                // serde's message may quote a value from the body, and a
                // successful body carries customer data: keep only where.
                Error::decode(
                    status,
                    None,
                    format!("{:?} error at line {} column {}", e.classify(), e.line(), e.column()),
                )
            })
        } else {
            Err(wire::decode_error(status, error_type.as_deref(), request_id, &bytes))
        }
    }

    /// The request headers, signed with SigV4 at the current time.
    async fn signed_headers(&self, target: &str, body: &[u8]) -> Result<HeaderMap, Error> {
        let credentials = self.credentials.get().await?;
        let identity = credentials.into();
        let params = SigningParams::builder()
            .identity(&identity)
            .region(&self.region)
            .name(SIGNING_NAME)
            .time(SystemTime::now())
            .settings(SigningSettings::default())
            .build()
            .map_err(|e| {
                Error::with_message(ErrorKind::Credentials, "cannot sign").with_source(e)
            })?;
        let unsigned = [
            ("content-type", CONTENT_TYPE),
            ("host", self.host.as_str()),
            ("x-amz-target", target),
        ];
        let signable = SignableRequest::new(
            "POST",
            self.endpoint.as_str(),
            unsigned.iter().copied(),
            SignableBody::Bytes(body),
        )
        .map_err(|e| Error::with_message(ErrorKind::Config, "cannot sign").with_source(e))?;
        let (instructions, _signature) = sign(signable, &params.into())
            .map_err(|e| Error::with_message(ErrorKind::Credentials, "cannot sign").with_source(e))?
            .into_parts();

        let mut headers = HeaderMap::with_capacity(8);
        headers.insert(reqwest::header::CONTENT_TYPE, HeaderValue::from_static(CONTENT_TYPE));
        headers.insert(reqwest::header::USER_AGENT, HeaderValue::from_static(USER_AGENT));
        headers.insert(HeaderName::from_static("x-amz-target"), header_value(target)?);
        for (name, value) in instructions.headers() {
            let name = HeaderName::from_bytes(name.as_bytes()).map_err(|e| {
                Error::with_message(ErrorKind::Credentials, "bad signing header").with_source(e)
            })?;
            let mut value = header_value(value)?;
            value.set_sensitive(true);
            headers.insert(name, value);
        }
        Ok(headers)
    }
}

fn concat_target(name: &str) -> String {
    let mut t = String::with_capacity(17 + name.len());
    t.push_str("AWSStepFunctions.");
    t.push_str(name);
    t
}

fn header_value(v: &str) -> Result<HeaderValue, Error> {
    HeaderValue::from_str(v).map_err(|e| {
        Error::with_message(ErrorKind::Credentials, "a signed header is not a valid HTTP value")
            .with_source(e)
    })
}

fn header_str<'h>(headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

fn transport_error(e: reqwest::Error) -> Error {
    let kind = if e.is_timeout() { ErrorKind::Timeout } else { ErrorKind::Transport };
    let what = if e.is_timeout() {
        "the request timed out"
    } else if e.is_connect() {
        "cannot connect"
    } else if e.is_body() || e.is_decode() {
        "the response body was cut off"
    } else {
        "the request failed"
    };
    // reqwest's Display includes the URL only, never headers or bodies.
    Error::with_message(kind, what).with_source(e)
}
