//! The one request path every operation takes: validate, serialize, then per
//! attempt get credentials ([`crate::credentials`]), sign ([`crate::sign`]),
//! send (`reqwest`) and read the answer ([`crate::response`]); failed
//! attempts are retried as [`crate::retry`] classifies them, within the
//! attempt and operation timeouts.
//!
//! It is the loop that puts those stages together, and only that: it holds
//! no per-operation code, and it never logs a body or a credential.

use crate::credentials::CredentialsCache;
use crate::error::{Error, ErrorKind};
use crate::operation::Operation;
use crate::random;
use crate::response;
use crate::retry::{self, RetryClass, RetryConfig, RetryQuota};
use crate::sign::{self, Destination, Signer};
use reqwest::header::HeaderMap;
use std::future::Future;
use std::time::Duration;
use tokio::time::Instant;
use tracing::Instrument;
use tracing::field::Empty;

/// What a successful call's response said besides its output: its request
/// id (for AWS Support, CloudTrail and logs), HTTP status and the attempts
/// the call took. From
/// [`RequestBuilder::send_with_metadata`](crate::RequestBuilder::send_with_metadata).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ResponseMetadata {
    /// The `x-amzn-RequestId` of the response, when it had one.
    pub request_id: Option<String>,
    /// The HTTP status.
    pub status: u16,
    /// HTTP attempts made; 1 unless the request was retried.
    pub attempts: u32,
}

/// How hard a call tries: attempts, backoff timing and timeouts, resolved
/// when the client is built.
#[derive(Clone, Debug)]
pub(crate) struct Policy {
    pub(crate) max_attempts: u32,
    pub(crate) retry: RetryConfig,
    pub(crate) attempt_timeout: Option<Duration>,
    pub(crate) operation_timeout: Option<Duration>,
}

/// Settings of one call that override the client's [`Policy`] (unset: the
/// client's).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct CallSettings {
    pub(crate) max_attempts: Option<u32>,
    pub(crate) attempt_timeout: Option<Duration>,
    pub(crate) operation_timeout: Option<Duration>,
}

/// What is shown a successful response's body before it is decoded.
pub(crate) type BodySeen<'a> = dyn Fn(&[u8]) + Sync + 'a;

/// A successful response whose body is still to be decoded, for the caller
/// to decode on its own task (see [`Transport::send_undecoded`]).
pub(crate) struct Undecoded {
    status: u16,
    body: bytes::Bytes,
    request_id: Option<String>,
    attempts: u32,
    /// The call's span, to record a decoding error in.
    span: tracing::Span,
}

impl Undecoded {
    /// The output, or the error [`Transport::send`] would have given.
    pub(crate) fn decode<O: Operation>(self) -> Result<O::Output, Error> {
        response::decode_output(self.status, &self.body).map_err(|e| {
            self.span.record("error", tracing::field::display(e.kind()));
            e.with_attempts(self.attempts).for_operation(O::NAME)
        })
    }
}

/// What the request path needs to know of an operation, apart from its
/// input's types: with it, the path is compiled once, not per operation.
struct Call {
    name: &'static str,
    host_prefix: Option<&'static str>,
    min_attempt_timeout: Option<Duration>,
    settings: CallSettings,
}

/// A call's attempts' common ground, resolved once per call.
struct Plan {
    name: &'static str,
    /// The `X-Amz-Target` header.
    target: String,
    /// Where a host prefix sends the call instead of the endpoint.
    to: Option<Destination>,
    limits: Limits,
    /// When the operation timeout runs out.
    deadline: Option<Instant>,
}

/// The limits one call runs under: the client's policy, the operation's
/// needs and the call's own settings, resolved once per call.
struct Limits {
    max_attempts: u32,
    attempt_timeout: Option<Duration>,
    operation_timeout: Option<Duration>,
}

/// Everything a request needs, resolved once when the client is built, and
/// the state retries share across calls (quota, and the signer's clock).
#[derive(Debug)]
pub(crate) struct Transport {
    http: reqwest::Client,
    signer: Signer,
    credentials: CredentialsCache,
    policy: Policy,
    quota: RetryQuota,
}

/// The head of a response, read before its body.
struct Answer {
    status: u16,
    request_id: Option<String>,
    error_type: Option<String>,
    retry_after: Option<Duration>,
    /// The `Date` (Unix seconds) and our clock when it arrived (Unix ms).
    date: Option<(i64, i64)>,
}

/// A failed attempt, with what deciding on a retry needs.
struct Failure {
    error: Error,
    /// `None`: not worth another attempt.
    class: Option<RetryClass>,
    /// The server's `x-amz-retry-after`, when valid.
    retry_after: Option<Duration>,
    /// For a signature error: the response's `Date` (Unix seconds) and our
    /// clock when it arrived (Unix milliseconds).
    server_date: Option<(i64, i64)>,
}

impl Failure {
    fn fatal(error: Error) -> Self {
        Self { error, class: None, retry_after: None, server_date: None }
    }

    fn transient(error: Error) -> Self {
        Self { class: Some(RetryClass::Transient), ..Self::fatal(error) }
    }
}

impl Transport {
    pub(crate) fn new(
        http: reqwest::Client,
        signer: Signer,
        credentials: CredentialsCache,
        policy: Policy,
    ) -> Self {
        Self { http, signer, credentials, policy, quota: RetryQuota::default() }
    }

    /// The endpoint requests go to.
    pub(crate) fn endpoint(&self) -> &reqwest::Url {
        self.signer.endpoint()
    }

    /// The region requests are signed for.
    pub(crate) fn region(&self) -> &str {
        self.signer.region()
    }

    /// Sends one operation, retrying as the policy and the call's settings
    /// allow, and decodes its answer.
    pub(crate) async fn send<O: Operation>(
        &self,
        input: &O,
        settings: CallSettings,
    ) -> Result<O::Output, Error> {
        self.send_with_metadata(input, settings).await.map(|(output, _)| output)
    }

    /// [`send`](Self::send), with the response's metadata.
    pub(crate) async fn send_with_metadata<O: Operation>(
        &self,
        input: &O,
        settings: CallSettings,
    ) -> Result<(O::Output, ResponseMetadata), Error> {
        let undecoded = self.send_undecoded(input, settings, None).await?;
        let meta = ResponseMetadata {
            request_id: undecoded.request_id.clone(),
            status: undecoded.status,
            attempts: undecoded.attempts,
        };
        undecoded.decode::<O>().map(|output| (output, meta))
    }

    /// [`send`](Self::send), leaving the successful response's body for the
    /// caller to decode, after showing it to `seen` (the paginator reads the
    /// next page's token there, to request that page while this one
    /// decodes).
    ///
    /// Only the input's checks and serialization are compiled per
    /// operation; the rest of the path, in [`call`](Self::call), is compiled
    /// once, however many operations a program uses.
    pub(crate) async fn send_undecoded<O: Operation>(
        &self,
        input: &O,
        settings: CallSettings,
        seen: Option<&BodySeen<'_>>,
    ) -> Result<Undecoded, Error> {
        let body = input.validate().and_then(|()| {
            serde_json::to_vec(input).map(bytes::Bytes::from).map_err(|e| {
                Error::with_message(ErrorKind::InvalidInput, "cannot serialize the input")
                    .with_source(e)
            })
        });
        let call = Call {
            name: O::NAME,
            host_prefix: O::HOST_PREFIX,
            min_attempt_timeout: O::MIN_ATTEMPT_TIMEOUT,
            settings,
        };
        self.call(call, body, seen).await
    }

    /// Every call, in a span per call: `sfn` with the operation, then the
    /// attempts, the last HTTP status and request id, and the duration
    /// (never a body or a credential).
    async fn call(
        &self,
        call: Call,
        body: Result<bytes::Bytes, Error>,
        seen: Option<&BodySeen<'_>>,
    ) -> Result<Undecoded, Error> {
        let span = tracing::info_span!(
            "sfn",
            operation = call.name,
            attempts = Empty,
            status = Empty,
            request_id = Empty,
            duration_ms = Empty,
            error = Empty,
        );
        let started = Instant::now();
        let result = self.send_inner(&call, body, seen).instrument(span.clone()).await;
        span.record(
            "duration_ms",
            u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX),
        );
        match &result {
            Ok(undecoded) => span.record("attempts", undecoded.attempts),
            Err(error) => span
                .record("attempts", error.attempts())
                .record("error", tracing::field::display(error.kind())),
        };
        result.map_err(|e| e.for_operation(call.name))
    }

    /// The call's settings win; an operation that holds its response long
    /// (a long poll) raises the client's attempt timeout to what it needs.
    fn limits(&self, call: &Call) -> Result<Limits, Error> {
        let settings = call.settings;
        let max_attempts = settings.max_attempts.unwrap_or(self.policy.max_attempts);
        if max_attempts == 0 {
            return Err(Error::config("max_attempts must be at least 1 (1 turns retries off)"));
        }
        let client = match (self.policy.attempt_timeout, call.min_attempt_timeout) {
            (Some(client), Some(floor)) => Some(client.max(floor)),
            (client, _) => client,
        };
        Ok(Limits {
            max_attempts,
            attempt_timeout: settings.attempt_timeout.or(client),
            operation_timeout: settings.operation_timeout.or(self.policy.operation_timeout),
        })
    }

    async fn send_inner(
        &self,
        call: &Call,
        body: Result<bytes::Bytes, Error>,
        seen: Option<&BodySeen<'_>>,
    ) -> Result<Undecoded, Error> {
        let limits = self.limits(call)?;
        // Shared, so each attempt sends it without copying.
        let body = body?;
        let plan = Plan {
            name: call.name,
            target: concat_target(call.name),
            to: self.signer.destination(call.host_prefix),
            // A timeout too long to add to now is no timeout.
            deadline: limits.operation_timeout.and_then(|t| Instant::now().checked_add(t)),
            limits,
        };
        let mut attempts = 0;
        let mut retries = 0;
        let mut last_retry_cost = None;
        let mut skew_corrected = false;
        loop {
            attempts += 1;
            let failure = match self.attempt(&plan, &body, seen).await {
                Ok((body, status, request_id)) => {
                    let cost = last_retry_cost.unwrap_or(retry::NO_RETRY_INCREMENT);
                    self.quota.release(cost);
                    // The call's span, entered by `call`.
                    let span = tracing::Span::current();
                    return Ok(Undecoded { status, body, request_id, attempts, span });
                }
                Err(failure) => failure,
            };
            let Failure { error, class, retry_after, server_date } = failure;
            if let Some((server, local)) = server_date {
                if !skew_corrected && self.signer.clock().adjust(server, local) {
                    skew_corrected = true;
                    tracing::debug!(
                        operation = call.name,
                        attempt = attempts,
                        "clock skew corrected"
                    );
                    continue;
                }
            }
            let fail = |error: Error| Err(error.with_attempts(attempts));
            let Some(class) = class else { return fail(error) };
            if attempts - u32::from(skew_corrected) >= plan.limits.max_attempts {
                return fail(error);
            }
            let wait = retry::delay(
                retry::backoff(&self.policy.retry, class, retries, random::unit()),
                retry_after,
            );
            let late = |d: Instant| Instant::now().checked_add(wait).is_none_or(|at| at >= d);
            if plan.deadline.is_some_and(late) {
                return fail(operation_timeout(&plan.limits).with_source(error));
            }
            if !self.quota.try_acquire(class.cost()) {
                tracing::debug!(operation = call.name, attempt = attempts, "retry quota exhausted");
                return fail(error);
            }
            last_retry_cost = Some(class.cost());
            retries += 1;
            tracing::debug!(
                operation = call.name,
                attempt = attempts,
                delay_ms = u64::try_from(wait.as_millis()).unwrap_or(u64::MAX),
                kind = %error.kind(),
                code = error.code().map_or("", |c| c.as_str()),
                status = error.status().unwrap_or(0),
                "retrying"
            );
            tokio::time::sleep(wait).await;
        }
    }

    /// One attempt: sign, send, read the whole body of a success, or decode
    /// the error.
    async fn attempt(
        &self,
        plan: &Plan,
        body: &bytes::Bytes,
        seen: Option<&BodySeen<'_>>,
    ) -> Result<(bytes::Bytes, u16, Option<String>), Failure> {
        let headers =
            Self::within(plan, None, self.signed_headers(&plan.target, body, plan.to.as_ref()))
                .await?
                .map_err(Failure::fatal)?;
        // Error replies may echo the token: it is redacted from them.
        let session_token = headers.get("x-amz-security-token").cloned();
        let url = plan.to.as_ref().map_or(self.signer.endpoint(), |d| &d.url);
        let request = self.http.post(url.clone()).headers(headers).body(body.clone());
        let exchange = async {
            let response = request.send().await.map_err(transport_failure)?;
            let headers = response.headers();
            let status = response.status().as_u16();
            // Only error responses need the retry headers.
            let failed = !(200..300).contains(&status);
            let answer = Answer {
                status,
                request_id: header_str(headers, "x-amzn-requestid").map(str::to_owned),
                error_type: header_str(headers, "x-amzn-errortype").map(str::to_owned),
                retry_after: header_str(headers, "x-amz-retry-after")
                    .filter(|_| failed)
                    .and_then(retry::parse_retry_after),
                date: header_str(headers, "date")
                    .filter(|_| failed)
                    .and_then(sign::parse_http_date)
                    .map(|date| (date, sign::unix_millis_now())),
            };
            let bytes = response.bytes().await.map_err(transport_failure)?;
            Ok::<_, Failure>((answer, bytes))
        };
        let (Answer { status, request_id, error_type, retry_after, date }, bytes) =
            Self::within(plan, plan.limits.attempt_timeout, exchange).await??;
        tracing::debug!(
            operation = plan.name,
            status,
            request_id = request_id.as_deref().unwrap_or(""),
            "response"
        );
        let span = tracing::Span::current();
        span.record("status", status);
        if let Some(id) = &request_id {
            span.record("request_id", id.as_str());
        }

        if (200..300).contains(&status) {
            if let Some(seen) = seen {
                seen(&bytes);
            }
            return Ok((bytes, status, request_id));
        }
        let secret = session_token.as_ref().and_then(|t| t.to_str().ok());
        let error =
            response::decode_error(status, error_type.as_deref(), request_id, &bytes, secret);
        let class = RetryClass::of_response(&error);
        let server_date = date.filter(|_| error.code().is_some_and(retry::is_skew_code));
        Err(Failure { error, class, retry_after, server_date })
    }

    /// Runs `work` within the attempt timeout `limit` and the operation's
    /// deadline, whichever ends first; running out is a timeout failure
    /// that says which one ran out (the attempt timeout's may be retried).
    async fn within<T>(
        plan: &Plan,
        limit: Option<Duration>,
        work: impl Future<Output = T>,
    ) -> Result<T, Failure> {
        let attempt_end = limit.and_then(|l| Instant::now().checked_add(l));
        let (end, by_deadline) = match (attempt_end, plan.deadline) {
            (Some(a), Some(d)) if d <= a => (d, true),
            (Some(a), _) => (a, false),
            (None, Some(d)) => (d, true),
            (None, None) => return Ok(work.await),
        };
        match tokio::time::timeout_at(end, work).await {
            Ok(out) => Ok(out),
            Err(_) if by_deadline => Err(Failure::fatal(operation_timeout(&plan.limits))),
            Err(_) => Err(Failure::transient(Error::with_message(
                ErrorKind::Timeout,
                format!("the attempt timeout ({:?}) ran out", limit.unwrap_or_default()),
            ))),
        }
    }

    /// The request headers, signed with fresh credentials from the cache.
    async fn signed_headers(
        &self,
        target: &str,
        body: &[u8],
        to: Option<&Destination>,
    ) -> Result<HeaderMap, Error> {
        let credentials = self.credentials.get().await?;
        self.signer.headers(credentials, target, body, to)
    }
}

fn operation_timeout(limits: &Limits) -> Error {
    let limit = limits.operation_timeout.unwrap_or_default();
    Error::with_message(ErrorKind::Timeout, format!("the operation timeout ({limit:?}) ran out"))
}

fn concat_target(name: &str) -> String {
    let mut t = String::with_capacity(17 + name.len());
    t.push_str("AWSStepFunctions.");
    t.push_str(name);
    t
}

fn header_str<'h>(headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

/// A failed exchange: retried unless the request could not even be built.
fn transport_failure(e: reqwest::Error) -> Failure {
    let (kind, what) = if e.is_timeout() && e.is_connect() {
        (ErrorKind::Timeout, "the connect timeout ran out")
    } else if e.is_timeout() {
        (ErrorKind::Timeout, "the HTTP client's own timeout ran out")
    } else if e.is_connect() {
        (ErrorKind::Transport, "cannot connect")
    } else if e.is_body() || e.is_decode() {
        (ErrorKind::Transport, "the response body was cut off")
    } else {
        (ErrorKind::Transport, "the request failed")
    };
    let retryable = !e.is_builder();
    // reqwest's Display includes the URL only, never headers or bodies.
    let error = Error::with_message(kind, what).with_source(e);
    if retryable { Failure::transient(error) } else { Failure::fatal(error) }
}
