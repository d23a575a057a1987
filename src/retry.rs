//! The standard AWS retry mode, in the form the AWS SDKs adopt by default in
//! November 2026: the classification of every error code (throttling,
//! transient, clock skew), the backoff between attempts and the client-wide
//! retry quota.
//!
//! The loop that applies them is in [`crate::transport`]; everything here is
//! arithmetic and small pieces of shared state, unit-tested below. It sends
//! nothing and signs nothing.

use crate::error::{Error, ErrorCode, ErrorKind};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

/// Attempts per call unless configured: one try and two retries.
pub(crate) const DEFAULT_MAX_ATTEMPTS: u32 = 3;
/// The retry quota's size, and where it starts.
pub(crate) const QUOTA_CAPACITY: u32 = 500;
/// Quota tokens a retry after a throttling error costs.
pub(crate) const THROTTLING_RETRY_COST: u32 = 5;
/// Quota tokens any other retry costs.
pub(crate) const RETRY_COST: u32 = 14;
/// Quota tokens a call that succeeds at its first attempt gives back.
pub(crate) const NO_RETRY_INCREMENT: u32 = 1;
/// How far above the computed backoff `x-amz-retry-after` may push a delay.
pub(crate) const MAX_RETRY_AFTER_EXTRA: Duration = Duration::from_secs(5);

/// The timing of retries: the backoff bases and their cap.
///
/// The client retries the way the AWS SDKs' *standard* retry mode does in its
/// 2026 form. How many attempts a call makes is set apart from this, with
/// [`ClientBuilder::max_attempts`](crate::ClientBuilder::max_attempts).
///
/// | rule | standard mode |
/// |---|---|
/// | attempts | 3 per call (`max_attempts`, `AWS_MAX_ATTEMPTS`, profile `max_attempts`; 1 turns retries off) |
/// | retried: throttling | `Throttling`, `ThrottlingException`, `ThrottledException`, `RequestThrottledException`, `TooManyRequestsException`, `ProvisionedThroughputExceededException`, `RequestLimitExceeded`, `BandwidthLimitExceeded`, `LimitExceededException`, `RequestThrottled`, `SlowDown`, `KmsThrottlingException`, HTTP 429 |
/// | retried: transient | `RequestTimeout`, `RequestTimeoutException`, `InternalError`, `InternalFailure`, `ServiceUnavailable`, HTTP 500, 502, 503 and 504 (with any body, an HTML page included), connection failures and resets, bodies cut off, the attempt timeout |
/// | never retried | invalid input (nothing is sent), every other 4xx error (validation, not found, access denied, ...), a 2xx body that does not decode, credential and configuration errors, the operation timeout |
/// | backoff before retry *n* (from 1) | a uniformly random duration (full jitter) in `[0, min(base × 2^(n-1), max_backoff))`; base 50 ms for transient errors, 1 s for throttling; `max_backoff` 20 s |
/// | `x-amz-retry-after` | the server's wish in milliseconds, clamped between the computed backoff and 5 s above it; an invalid value is ignored |
/// | retry quota | one bucket of 500 tokens per client (clones share it): a retry after throttling costs 5, any other retry 14; a call that succeeds at once gives 1 back, one that succeeds after retrying gives back what its last retry cost; without the tokens a call fails at once with its last error |
/// | clock skew | a signature error (`InvalidSignatureException`, `SignatureDoesNotMatch`, `RequestTimeTooSkewed`, `RequestExpired`) whose response `Date` is more than 4 minutes from the client's clock sets the client's clock offset, and the call is signed again and sent once more, outside the attempt count and the quota |
///
/// Every attempt is signed afresh (a new `X-Amz-Date`), with credentials from
/// the cache, and every error says how many attempts it took
/// ([`Error::attempts`](crate::Error::attempts)).
///
/// Every operation goes through this one path, so every operation is
/// retried. That is safe for each of them, as a repeat cannot do more than
/// the first request did:
/// - the reads (`Describe*`, `List*`, `GetExecutionHistory`) change nothing;
/// - `UpdateMapRun` sets values, and setting them twice sets them once;
/// - `StartExecution` of a Standard workflow is idempotent per name and
///   input: a repeat while the execution runs returns that execution, and
///   one after it ended gets `ExecutionAlreadyExists`, never a second run;
/// - `StopExecution` and `DeleteStateMachine` move something to an end
///   state, which a repeat can only find already reached;
/// - `CreateStateMachine` with an identical definition and settings returns
///   the state machine the first request created;
/// - `RedriveExecution` carries a `clientToken`, generated once per input,
///   by which the service recognises a repeat.
///
/// Executions started without a name (the service then picks one), and
/// Express workflows, which do not deduplicate by name, are the cases where
/// a retry after a lost answer could start a second execution: give
/// executions names, or send those starts with
/// [`RequestBuilder::max_attempts`](crate::RequestBuilder::max_attempts)`(1)`
/// (this call only; the client's other calls keep retrying).
///
/// ```
/// use std::time::Duration;
/// use sfn_lite::RetryConfig;
///
/// let config = RetryConfig::standard()
///     .with_base_delay(Duration::from_millis(100))
///     .with_max_backoff(Duration::from_secs(5));
/// assert_eq!(config.throttling_base_delay(), Duration::from_secs(1));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RetryConfig {
    base_delay: Duration,
    throttling_base_delay: Duration,
    max_backoff: Duration,
}

impl Default for RetryConfig {
    fn default() -> Self {
        Self::standard()
    }
}

impl RetryConfig {
    /// The standard mode's timing: bases 50 ms (transient) and 1 s
    /// (throttling), backoff capped at 20 s.
    pub fn standard() -> Self {
        Self {
            base_delay: Duration::from_millis(50),
            throttling_base_delay: Duration::from_secs(1),
            max_backoff: Duration::from_secs(20),
        }
    }

    /// The base of the backoff after transient errors (default 50 ms).
    pub fn with_base_delay(mut self, delay: Duration) -> Self {
        self.base_delay = delay;
        self
    }

    /// The base of the backoff after throttling errors (default 1 s).
    pub fn with_throttling_base_delay(mut self, delay: Duration) -> Self {
        self.throttling_base_delay = delay;
        self
    }

    /// The longest backoff before jitter is applied (default 20 s).
    pub fn with_max_backoff(mut self, max: Duration) -> Self {
        self.max_backoff = max;
        self
    }

    /// The base of the backoff after transient errors.
    pub fn base_delay(&self) -> Duration {
        self.base_delay
    }

    /// The base of the backoff after throttling errors.
    pub fn throttling_base_delay(&self) -> Duration {
        self.throttling_base_delay
    }

    /// The longest backoff before jitter is applied.
    pub fn max_backoff(&self) -> Duration {
        self.max_backoff
    }
}

/// Why a failed attempt may be retried.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum RetryClass {
    /// The service asked us to slow down.
    Throttling,
    /// Anything else worth another try: 5xx, connection failures, timeouts.
    Transient,
}

impl RetryClass {
    /// What a retry of this class costs in quota tokens.
    pub(crate) fn cost(self) -> u32 {
        match self {
            Self::Throttling => THROTTLING_RETRY_COST,
            Self::Transient => RETRY_COST,
        }
    }

    fn base(self, config: &RetryConfig) -> Duration {
        match self {
            Self::Throttling => config.throttling_base_delay,
            Self::Transient => config.base_delay,
        }
    }

    /// The class of an error the service answered with (a service error, or
    /// an error response that did not decode); `None` when it must not be
    /// retried.
    pub(crate) fn of_response(error: &Error) -> Option<Self> {
        let status = error.status()?;
        let code = match error.kind() {
            ErrorKind::Service => error.code(),
            // A 2xx body that did not decode: the status says not to retry.
            ErrorKind::Decode => None,
            _ => return None,
        };
        if status == 429 || code.is_some_and(ErrorCode::is_throttling) {
            Some(Self::Throttling)
        } else if matches!(status, 500 | 502 | 503 | 504) || code.is_some_and(is_transient_code) {
            Some(Self::Transient)
        } else {
            None
        }
    }
}

impl ErrorCode {
    /// Whether the code says the caller is being throttled (the list of the
    /// AWS SDKs' standard retry mode; see [`RetryConfig`]).
    ///
    /// ```
    /// use sfn_lite::ErrorCode;
    ///
    /// assert!(ErrorCode::ThrottlingException.is_throttling());
    /// assert!(!ErrorCode::ExecutionDoesNotExist.is_throttling());
    /// ```
    pub fn is_throttling(&self) -> bool {
        matches!(
            self,
            Self::ThrottlingException
                | Self::Throttling
                | Self::ThrottledException
                | Self::RequestThrottledException
                | Self::RequestThrottled
                | Self::TooManyRequestsException
                | Self::ProvisionedThroughputExceededException
                | Self::RequestLimitExceeded
                | Self::BandwidthLimitExceeded
                | Self::LimitExceededException
                | Self::SlowDown
                | Self::KmsThrottlingException
        )
    }
}

fn is_transient_code(code: &ErrorCode) -> bool {
    matches!(
        code,
        ErrorCode::RequestTimeout
            | ErrorCode::RequestTimeoutException
            | ErrorCode::InternalError
            | ErrorCode::InternalFailure
            | ErrorCode::ServiceUnavailable
    )
}

/// Whether a code says the signature was refused, which a skewed clock can
/// cause.
pub(crate) fn is_skew_code(code: &ErrorCode) -> bool {
    matches!(
        code,
        ErrorCode::InvalidSignatureException
            | ErrorCode::SignatureDoesNotMatch
            | ErrorCode::RequestTimeTooSkewed
            | ErrorCode::RequestExpired
    )
}

/// The backoff before retry number `retry` (0 for the first retry):
/// `jitter × min(base × 2^retry, max_backoff)`, with `jitter` in `[0, 1)`.
pub(crate) fn backoff(
    config: &RetryConfig,
    class: RetryClass,
    retry: u32,
    jitter: f64,
) -> Duration {
    let grown = class.base(config).saturating_mul(1u32 << retry.min(31));
    let bound = grown.min(config.max_backoff);
    // Near `Duration::MAX` the f64 product can round past it: keep the bound.
    Duration::try_from_secs_f64(bound.as_secs_f64() * jitter.clamp(0.0, 1.0)).unwrap_or(bound)
}

/// The delay before a retry: the backoff, or the server's `x-amz-retry-after`
/// clamped to at least the backoff and at most 5 s more.
pub(crate) fn delay(backoff: Duration, retry_after: Option<Duration>) -> Duration {
    match retry_after {
        Some(wish) => wish.clamp(backoff, backoff.saturating_add(MAX_RETRY_AFTER_EXTRA)),
        None => backoff,
    }
}

/// An `x-amz-retry-after` value: whole milliseconds, digits only. Anything
/// else is ignored.
pub(crate) fn parse_retry_after(value: &str) -> Option<Duration> {
    let value = value.trim();
    if value.is_empty() || !value.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    value.parse().ok().map(Duration::from_millis)
}

/// The client-wide retry quota: a token bucket that retries draw from and
/// successes refill, so a failing service is not hammered and callers fail
/// fast.
#[derive(Debug)]
pub(crate) struct RetryQuota(AtomicU32);

impl Default for RetryQuota {
    fn default() -> Self {
        Self(AtomicU32::new(QUOTA_CAPACITY))
    }
}

impl RetryQuota {
    /// Takes `cost` tokens; `false` (and nothing taken) when there are fewer.
    pub(crate) fn try_acquire(&self, cost: u32) -> bool {
        self.0.fetch_update(Ordering::AcqRel, Ordering::Acquire, |t| t.checked_sub(cost)).is_ok()
    }

    /// Gives back `tokens`, up to the capacity.
    pub(crate) fn release(&self, tokens: u32) {
        // The closure always returns `Some`, so the update cannot fail.
        let _ = self.0.fetch_update(Ordering::AcqRel, Ordering::Acquire, |t| {
            Some(t.saturating_add(tokens).min(QUOTA_CAPACITY))
        });
    }

    /// Tokens left.
    #[cfg(test)]
    pub(crate) fn available(&self) -> u32 {
        self.0.load(Ordering::Acquire)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ServiceError;

    const MS: Duration = Duration::from_millis(1);

    #[test]
    fn backoff_grows_doubling_from_the_base_and_is_capped_before_jitter() {
        let config = RetryConfig::standard();
        // The bound the jitter scales (jitter 1 is the supremum).
        let transient: Vec<_> =
            (0..12).map(|i| backoff(&config, RetryClass::Transient, i, 1.0).as_millis()).collect();
        // 50 ms × 2^i, the last ones held at 20 s.
        assert_eq!(
            transient,
            [50, 100, 200, 400, 800, 1600, 3200, 6400, 12800, 20000, 20000, 20000]
        );
        let throttled: Vec<_> =
            (0..7).map(|i| backoff(&config, RetryClass::Throttling, i, 1.0).as_millis()).collect();
        assert_eq!(throttled, [1000, 2000, 4000, 8000, 16000, 20000, 20000]);
        // Full jitter: anywhere from 0 to the bound.
        assert_eq!(backoff(&config, RetryClass::Throttling, 3, 0.0), Duration::ZERO);
        assert_eq!(backoff(&config, RetryClass::Throttling, 3, 0.5), Duration::from_secs(4));
        assert_eq!(backoff(&config, RetryClass::Transient, 1, 0.25), 25 * MS);
        // Huge retry numbers neither overflow nor exceed the cap.
        assert_eq!(backoff(&config, RetryClass::Transient, u32::MAX, 0.5), Duration::from_secs(10));
        // Nor do huge settings.
        let huge =
            RetryConfig::standard().with_base_delay(Duration::MAX).with_max_backoff(Duration::MAX);
        for jitter in [0.0, 0.5, 1.0 - f64::EPSILON, 1.0, f64::NAN] {
            assert!(backoff(&huge, RetryClass::Transient, 40, jitter) <= Duration::MAX);
        }
    }

    #[test]
    fn backoff_follows_the_configured_timing() {
        let config = RetryConfig::standard()
            .with_base_delay(2 * MS)
            .with_throttling_base_delay(10 * MS)
            .with_max_backoff(30 * MS);
        let bound = |class, i| backoff(&config, class, i, 1.0);
        assert_eq!(bound(RetryClass::Transient, 0), 2 * MS);
        assert_eq!(bound(RetryClass::Transient, 3), 16 * MS);
        assert_eq!(bound(RetryClass::Transient, 4), 30 * MS);
        assert_eq!(bound(RetryClass::Throttling, 0), 10 * MS);
        assert_eq!(bound(RetryClass::Throttling, 1), 20 * MS);
        assert_eq!(bound(RetryClass::Throttling, 2), 30 * MS);
    }

    #[test]
    fn retry_after_is_clamped_between_the_backoff_and_five_seconds_more() {
        let backoff = 300 * MS;
        assert_eq!(delay(backoff, None), backoff);
        assert_eq!(delay(backoff, Some(2000 * MS)), 2000 * MS, "honoured");
        assert_eq!(delay(backoff, Some(10 * MS)), backoff, "never below the backoff");
        assert_eq!(delay(backoff, Some(Duration::ZERO)), backoff);
        assert_eq!(delay(backoff, Some(60_000 * MS)), 5300 * MS, "at most 5 s above");
        assert_eq!(
            delay(Duration::ZERO, Some(Duration::from_millis(u64::MAX))),
            Duration::from_secs(5)
        );
    }

    #[test]
    fn retry_after_values_are_whole_milliseconds_or_ignored() {
        assert_eq!(parse_retry_after("1500"), Some(1500 * MS));
        assert_eq!(parse_retry_after(" 0 "), Some(Duration::ZERO));
        for garbage in
            ["", "soon", "-5", "+5", "1.5", "1e3", "0x10", "1500ms", "99999999999999999999"]
        {
            assert_eq!(parse_retry_after(garbage), None, "{garbage:?}");
        }
    }

    #[test]
    fn quota_costs_refunds_and_capacity() {
        let quota = RetryQuota::default();
        assert_eq!(quota.available(), 500);
        // 35 transient retries fit (490 tokens); the 36th does not.
        let transient = (0..100).take_while(|_| quota.try_acquire(RETRY_COST)).count();
        assert_eq!(transient, 500 / 14);
        assert_eq!(quota.available(), 500 % 14);
        // A failed acquisition takes nothing.
        assert!(!quota.try_acquire(RETRY_COST));
        assert_eq!(quota.available(), 10);
        // Throttling retries are cheaper: two more fit in the last 10.
        assert!(quota.try_acquire(THROTTLING_RETRY_COST));
        assert!(quota.try_acquire(THROTTLING_RETRY_COST));
        assert!(!quota.try_acquire(THROTTLING_RETRY_COST));
        // Successes at the first attempt refill one token each.
        for _ in 0..14 {
            quota.release(NO_RETRY_INCREMENT);
        }
        assert!(quota.try_acquire(RETRY_COST));
        // Never beyond the capacity.
        quota.release(10_000);
        assert_eq!(quota.available(), 500);
        let throttled = RetryQuota::default();
        let n = (0..1000).take_while(|_| throttled.try_acquire(THROTTLING_RETRY_COST)).count();
        assert_eq!(n, 500 / 5);
    }

    fn service(code: &str, status: u16) -> Error {
        Error::service(ServiceError {
            code: ErrorCode::from(code.to_owned()),
            message: None,
            request_id: None,
            status,
            excerpt: None,
        })
    }

    #[test]
    fn responses_are_classified() {
        use RetryClass::{Throttling, Transient};
        let throttling = [
            "Throttling",
            "ThrottlingException",
            "ThrottledException",
            "RequestThrottledException",
            "TooManyRequestsException",
            "ProvisionedThroughputExceededException",
            "RequestLimitExceeded",
            "BandwidthLimitExceeded",
            "LimitExceededException",
            "RequestThrottled",
            "SlowDown",
            "KmsThrottlingException",
        ];
        for code in throttling {
            assert_eq!(RetryClass::of_response(&service(code, 400)), Some(Throttling), "{code}");
        }
        let transient =
            ["RequestTimeout", "RequestTimeoutException", "InternalError", "InternalFailure"];
        for code in transient.into_iter().chain(["ServiceUnavailable"]) {
            assert_eq!(RetryClass::of_response(&service(code, 400)), Some(Transient), "{code}");
        }
        assert_eq!(RetryClass::of_response(&service("Whatever", 429)), Some(Throttling));
        for status in [500, 502, 503, 504] {
            assert_eq!(RetryClass::of_response(&service("", status)), Some(Transient));
            let html = crate::response::decode_error(status, None, None, b"<html>", None);
            assert_eq!(RetryClass::of_response(&html), Some(Transient), "{status}");
        }
        assert_eq!(
            RetryClass::of_response(&crate::response::decode_error(
                429, None, None, b"<html>", None
            )),
            Some(Throttling)
        );
        for (code, status) in [
            ("ValidationException", 400),
            ("InvalidArn", 400),
            ("ExecutionDoesNotExist", 400),
            ("AccessDeniedException", 403),
            ("Whatever", 404),
            ("InvalidSignatureException", 400),
            ("Whatever", 501),
        ] {
            assert_eq!(RetryClass::of_response(&service(code, status)), None, "{code} {status}");
        }
        // A 200 whose body did not decode is not retried, nor is bad input.
        assert_eq!(RetryClass::of_response(&Error::decode(200, "x")), None);
        assert_eq!(RetryClass::of_response(&Error::invalid_input("name", "is bad")), None);
        assert_eq!(RetryClass::Throttling.cost(), 5);
        assert_eq!(RetryClass::Transient.cost(), 14);
    }

    #[test]
    fn skew_codes() {
        for code in [
            "InvalidSignatureException",
            "SignatureDoesNotMatch",
            "RequestTimeTooSkewed",
            "RequestExpired",
        ] {
            assert!(is_skew_code(&ErrorCode::from(code.to_owned())), "{code}");
        }
        assert!(!is_skew_code(&ErrorCode::ThrottlingException));
    }
}
