//! [`Error`]: the one error type of the crate, with an [`ErrorKind`] to match
//! on, and [`ServiceError`] for what the service said (code, message, request
//! id, HTTP status).
//!
//! Nothing here prints payloads: a body excerpt is kept only for error
//! responses, never for a successful body that failed to decode. Which codes
//! are retried is [`crate::retry`]'s concern, not this module's.

use crate::service_enum::service_enum;
use std::fmt;

/// What went wrong, broadly. Match on this; details are on [`Error`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input broke a rule of the service model; nothing was sent.
    InvalidInput,
    /// The service answered with an error ([`Error::service_error`] has it).
    Service,
    /// The request did not complete: connect, reset, TLS or I/O failure.
    Transport,
    /// A connect, attempt or operation timeout ran out.
    Timeout,
    /// Credentials could not be loaded.
    Credentials,
    /// A response could not be decoded (not JSON, truncated, wrong types).
    Decode,
    /// The client's configuration is unusable (region, endpoint, profile).
    Config,
    /// A paginator stopped because the service repeated its page token.
    Pagination,
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::InvalidInput => "invalid input",
            Self::Service => "service error",
            Self::Transport => "transport error",
            Self::Timeout => "timeout",
            Self::Credentials => "credentials error",
            Self::Decode => "decode error",
            Self::Config => "configuration error",
            Self::Pagination => "pagination error",
        })
    }
}

service_enum! {
    /// A service error code: every error the model lists for this crate's
    /// operations, and the common AWS ones.
    ErrorCode {
        /// The execution does not exist.
        ExecutionDoesNotExist = "ExecutionDoesNotExist",
        /// An execution with this name already exists.
        ExecutionAlreadyExists = "ExecutionAlreadyExists",
        /// Too many executions are running.
        ExecutionLimitExceeded = "ExecutionLimitExceeded",
        /// The execution cannot be redriven.
        ExecutionNotRedrivable = "ExecutionNotRedrivable",
        /// The activity does not exist.
        ActivityDoesNotExist = "ActivityDoesNotExist",
        /// An activity with this name and different tags exists.
        ActivityAlreadyExists = "ActivityAlreadyExists",
        /// Too many activities exist.
        ActivityLimitExceeded = "ActivityLimitExceeded",
        /// Too many workers are polling the activity.
        ActivityWorkerLimitExceeded = "ActivityWorkerLimitExceeded",
        /// The task token matches no task (it never existed, or the task
        /// has already been answered).
        TaskDoesNotExist = "TaskDoesNotExist",
        /// The task timed out (`TimeoutSeconds` or `HeartbeatSeconds`).
        TaskTimedOut = "TaskTimedOut",
        /// The task output is not valid JSON.
        InvalidOutput = "InvalidOutput",
        /// A required parameter is missing.
        MissingRequiredParameter = "MissingRequiredParameter",
        /// The ARN is malformed.
        InvalidArn = "InvalidArn",
        /// The state machine definition is invalid.
        InvalidDefinition = "InvalidDefinition",
        /// The encryption configuration is invalid.
        InvalidEncryptionConfiguration = "InvalidEncryptionConfiguration",
        /// The execution input is not valid JSON.
        InvalidExecutionInput = "InvalidExecutionInput",
        /// The logging configuration is invalid.
        InvalidLoggingConfiguration = "InvalidLoggingConfiguration",
        /// The state machine name is invalid.
        InvalidName = "InvalidName",
        /// The page token or task token is invalid or expired.
        InvalidToken = "InvalidToken",
        /// The tracing configuration is invalid.
        InvalidTracingConfiguration = "InvalidTracingConfiguration",
        /// The resource does not exist.
        ResourceNotFound = "ResourceNotFound",
        /// The request breaks a constraint of the API.
        ValidationException = "ValidationException",
        /// A state machine with this name and a different definition exists.
        StateMachineAlreadyExists = "StateMachineAlreadyExists",
        /// The state machine is being deleted.
        StateMachineDeleting = "StateMachineDeleting",
        /// The state machine does not exist.
        StateMachineDoesNotExist = "StateMachineDoesNotExist",
        /// Too many state machines exist.
        StateMachineLimitExceeded = "StateMachineLimitExceeded",
        /// The operation does not support this state machine type.
        StateMachineTypeNotSupported = "StateMachineTypeNotSupported",
        /// The request conflicts with the resource's state.
        ConflictException = "ConflictException",
        /// A quota would be exceeded.
        ServiceQuotaExceededException = "ServiceQuotaExceededException",
        /// Too many tags.
        TooManyTags = "TooManyTags",
        /// KMS refused access to the key.
        KmsAccessDeniedException = "KmsAccessDeniedException",
        /// The KMS key is not usable in its current state.
        KmsInvalidStateException = "KmsInvalidStateException",
        /// KMS throttled the request.
        KmsThrottlingException = "KmsThrottlingException",
        /// The caller lacks permission.
        AccessDeniedException = "AccessDeniedException",
        /// The request rate is over the account's API quota (Step Functions
        /// throttles with this code and HTTP 400).
        ThrottlingException = "ThrottlingException",
        /// The request rate is too high (the Query-protocol services' code).
        Throttling = "Throttling",
        /// Too many requests in a short time (API Gateway, Lambda and others).
        TooManyRequestsException = "TooManyRequestsException",
        /// The account's request rate for the API is exceeded (EC2's code).
        RequestLimitExceeded = "RequestLimitExceeded",
        /// The request was throttled (a code some services use instead of
        /// `ThrottlingException`).
        ThrottledException = "ThrottledException",
        /// The request was throttled by a front end before the service saw it.
        RequestThrottledException = "RequestThrottledException",
        /// The request was throttled (the short form of
        /// `RequestThrottledException`, sent by some front ends).
        RequestThrottled = "RequestThrottled",
        /// Provisioned throughput was exceeded.
        ProvisionedThroughputExceededException = "ProvisionedThroughputExceededException",
        /// Bandwidth was exceeded.
        BandwidthLimitExceeded = "BandwidthLimitExceeded",
        /// A rate limit was exceeded.
        LimitExceededException = "LimitExceededException",
        /// Slow down.
        SlowDown = "SlowDown",
        /// The access key is not known.
        UnrecognizedClientException = "UnrecognizedClientException",
        /// The signature does not match.
        InvalidSignatureException = "InvalidSignatureException",
        /// The signature does not match.
        SignatureDoesNotMatch = "SignatureDoesNotMatch",
        /// The request's signing time is too far from the server's clock.
        RequestTimeTooSkewed = "RequestTimeTooSkewed",
        /// The signed request has expired.
        RequestExpired = "RequestExpired",
        /// The session token has expired.
        ExpiredTokenException = "ExpiredTokenException",
        /// The request's signature is missing a part (a header, the date or
        /// the credential scope).
        IncompleteSignature = "IncompleteSignature",
        /// The security token is not valid.
        InvalidClientTokenId = "InvalidClientTokenId",
        /// The caller is not subscribed to the service.
        OptInRequired = "OptInRequired",
        /// The action is not known.
        UnknownOperationException = "UnknownOperationException",
        /// The service failed.
        InternalFailure = "InternalFailure",
        /// The service failed.
        InternalError = "InternalError",
        /// The service is unavailable.
        ServiceUnavailable = "ServiceUnavailable",
        /// The request timed out on the server.
        RequestTimeout = "RequestTimeout",
        /// The request timed out on the server.
        RequestTimeoutException = "RequestTimeoutException",
    }
}

/// An error response from the service.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ServiceError {
    /// The error code, cleaned of namespace and URI suffix.
    pub code: ErrorCode,
    /// The service's message, if any.
    pub message: Option<String>,
    /// The `x-amzn-RequestId` of the response, for AWS support.
    pub request_id: Option<String>,
    /// The HTTP status.
    pub status: u16,
    /// The start of the body, when it was not a JSON error (an HTML page
    /// from a proxy); [`Error::body_excerpt`] gives it.
    pub(crate) excerpt: Option<String>,
}

/// The error of every fallible call in this crate.
///
/// Match on [`Error::kind`]; for service errors, [`Error::code`] and
/// [`Error::service_error`] give the details.
///
/// ```
/// # async fn demo(client: sfn_lite::Client) {
/// use sfn_lite::{ErrorCode, ErrorKind};
///
/// match client.describe_execution("arn:aws:states:us-east-1:123456789012:execution:m:e").await {
///     Ok(execution) => println!("{}", execution.status),
///     Err(e) if e.code() == Some(&ErrorCode::ExecutionDoesNotExist) => println!("gone"),
///     Err(e) if e.kind() == ErrorKind::Timeout => println!("try later"),
///     Err(e) => eprintln!("{e}"),
/// }
/// # }
/// ```
pub struct Error {
    inner: Box<Inner>,
}

struct Inner {
    kind: ErrorKind,
    operation: Option<&'static str>,
    /// HTTP attempts made; 1 unless the request was retried.
    attempts: u32,
    detail: Detail,
    source: Option<Box<dyn std::error::Error + Send + Sync + 'static>>,
}

#[derive(Debug, thiserror::Error)]
enum Detail {
    #[error("{kind}: {message}")]
    Message { kind: ErrorKind, message: String },
    #[error("{0}")]
    Service(ServiceError),
    #[error("cannot decode the HTTP {status} response: {reason}")]
    Decode { status: u16, reason: String },
}

impl fmt::Display for ServiceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.code.as_str() {
            "" => write!(f, "unknown error (HTTP {})", self.status)?,
            code => write!(f, "{code} (HTTP {})", self.status)?,
        }
        if let Some(x) = &self.excerpt {
            write!(f, "; the body is not JSON and starts {x:?}")?;
        }
        if let Some(m) = &self.message {
            write!(f, ": {m}")?;
        }
        if let Some(id) = &self.request_id {
            write!(f, " [request id {id}]")?;
        }
        Ok(())
    }
}

impl std::error::Error for ServiceError {}

impl Error {
    fn new(kind: ErrorKind, detail: Detail) -> Self {
        Self { inner: Box::new(Inner { kind, operation: None, attempts: 1, detail, source: None }) }
    }

    /// An [`ErrorKind::InvalidInput`] error: the member `field` (its wire
    /// name) breaks `rule`, shown as ``"`field` rule"``. For the `validate`
    /// of an [`Operation`](crate::Operation) of your own.
    pub fn invalid_input(field: &str, rule: impl fmt::Display) -> Self {
        let message = format!("`{field}` {rule}");
        Self::new(
            ErrorKind::InvalidInput,
            Detail::Message { kind: ErrorKind::InvalidInput, message },
        )
    }

    pub(crate) fn service(err: ServiceError) -> Self {
        Self::new(ErrorKind::Service, Detail::Service(err))
    }

    /// A successful response that did not decode; no excerpt, as its body
    /// carries customer data.
    pub(crate) fn decode(status: u16, reason: impl Into<String>) -> Self {
        Self::new(ErrorKind::Decode, Detail::Decode { status, reason: reason.into() })
    }

    /// An [`ErrorKind::Config`] error: a setting is missing or unusable.
    pub(crate) fn config(message: impl Into<String>) -> Self {
        Self::with_message(ErrorKind::Config, message)
    }

    pub(crate) fn with_message(kind: ErrorKind, message: impl Into<String>) -> Self {
        Self::new(kind, Detail::Message { kind, message: message.into() })
    }

    pub(crate) fn with_source(
        mut self,
        source: impl Into<Box<dyn std::error::Error + Send + Sync + 'static>>,
    ) -> Self {
        self.inner.source = Some(source.into());
        self
    }

    pub(crate) fn for_operation(mut self, operation: &'static str) -> Self {
        self.inner.operation.get_or_insert(operation);
        self
    }

    pub(crate) fn with_attempts(mut self, attempts: u32) -> Self {
        self.inner.attempts = attempts;
        self
    }

    /// What kind of error this is.
    pub fn kind(&self) -> ErrorKind {
        self.inner.kind
    }

    /// The operation that failed (`"DescribeMapRun"`), when known.
    pub fn operation(&self) -> Option<&'static str> {
        self.inner.operation
    }

    /// How many HTTP attempts the call made before giving up: 1 unless it was
    /// retried (see [`ClientBuilder::max_attempts`](crate::ClientBuilder::max_attempts)).
    /// The error is the last attempt's.
    pub fn attempts(&self) -> u32 {
        self.inner.attempts
    }

    /// The service's error, for [`ErrorKind::Service`].
    pub fn service_error(&self) -> Option<&ServiceError> {
        match &self.inner.detail {
            Detail::Service(e) => Some(e),
            _ => None,
        }
    }

    /// The service's error code, for [`ErrorKind::Service`].
    pub fn code(&self) -> Option<&ErrorCode> {
        self.service_error().map(|e| &e.code)
    }

    /// The service's error message, for [`ErrorKind::Service`].
    pub fn message(&self) -> Option<&str> {
        self.service_error().and_then(|e| e.message.as_deref())
    }

    /// The request id of the response, for [`ErrorKind::Service`].
    pub fn request_id(&self) -> Option<&str> {
        self.service_error().and_then(|e| e.request_id.as_deref())
    }

    /// The HTTP status of the response, for service and decode errors.
    pub fn status(&self) -> Option<u16> {
        match &self.inner.detail {
            Detail::Service(e) => Some(e.status),
            Detail::Decode { status, .. } => Some(*status),
            Detail::Message { .. } => None,
        }
    }

    /// The start (200 characters) of an error response body that was not
    /// JSON, such as a proxy's HTML page, with any session token redacted.
    ///
    /// Kept only for error responses (which carry no customer data); `None`
    /// when a successful response failed to decode.
    pub fn body_excerpt(&self) -> Option<&str> {
        self.service_error().and_then(|e| e.excerpt.as_deref())
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(op) = self.inner.operation {
            write!(f, "{op}: ")?;
        }
        write!(f, "{}", self.inner.detail)?;
        // Transport and credential failures say little without their cause.
        match &self.inner.source {
            Some(source) if matches!(self.inner.detail, Detail::Message { .. }) => {
                write!(f, ": {source}")?;
            }
            _ => {}
        }
        match self.inner.attempts {
            0 | 1 => Ok(()),
            n => write!(f, " (after {n} attempts)"),
        }
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut d = f.debug_struct("Error");
        d.field("kind", &self.inner.kind)
            .field("operation", &self.inner.operation)
            .field("attempts", &self.inner.attempts);
        match &self.inner.detail {
            Detail::Message { message, .. } => d.field("message", message),
            Detail::Service(e) => d.field("service_error", e),
            Detail::Decode { status, reason } => d.field("status", status).field("reason", reason),
        };
        if let Some(source) = &self.inner.source {
            d.field("source", source);
        }
        d.finish()
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.inner.source.as_deref().map(|e| e as &(dyn std::error::Error + 'static))
    }
}
