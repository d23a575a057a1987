//! [`Reply`]: what the fake does with one request, an answer or a fault
//! wrapped around one.

use std::time::Duration;

/// The `x-amzn-RequestId` of every [`Reply::json`] answer: a fixed id, so a
/// test can assert that an error carries it. The fake's own answers (the
/// service's and those of [`FakeSfn::fail_next`](super::FakeSfn::fail_next)
/// and [`FakeSfn::throttle_next`](super::FakeSfn::throttle_next)) carry a
/// fresh id each.
pub const REQUEST_ID: &str = "c0ffee00-1234-4abc-8def-000000000001";

/// The content type of the AWS JSON 1.0 protocol.
pub const JSON_1_0: &str = "application/x-amz-json-1.0";

/// What the fake does with one request: an answer, or a fault wrapped around
/// one. Queue it with [`FakeSfn::push`](super::FakeSfn::push) (for the next
/// request) or [`FakeSfn::push_matching`](super::FakeSfn::push_matching), or
/// return it from a [`FakeSfn::set_handler`](super::FakeSfn::set_handler)
/// handler.
///
/// ```
/// use sfn_lite::testing::Reply;
/// use std::time::Duration;
///
/// // A throttled answer that also arrives late.
/// let slow_throttle = Reply::service_error("ThrottlingException", "Rate exceeded")
///     .delayed(Duration::from_millis(50));
/// // The fake's normal answer, its body cut off after 10 bytes.
/// let cut = Reply::Normal.truncated(10);
/// # let _ = (slow_throttle, cut);
/// ```
#[derive(Clone, Debug)]
#[non_exhaustive]
pub enum Reply {
    /// A complete HTTP response.
    Http {
        /// The status code.
        status: u16,
        /// Headers, in order.
        headers: Vec<(String, String)>,
        /// The body.
        body: Vec<u8>,
    },
    /// What the fake answers when nothing is scripted: the raw handler's
    /// reply if one is set, else the service's (with a fresh request id).
    /// It is worked out when the request arrives, so the service acts on
    /// the call even when a fault around it delays or cuts the answer.
    Normal,
    /// Waits, then answers with the inner reply.
    Delay(Duration, Box<Reply>),
    /// Sends the inner reply's head (with its full `Content-Length`) and the
    /// first bytes of its body, then resets the connection (TCP RST).
    ResetAfter(usize, Box<Reply>),
    /// Sends the inner reply's head (with its full `Content-Length`) and the
    /// first bytes of its body, then closes the connection normally: the
    /// body arrives truncated.
    Truncated(usize, Box<Reply>),
    /// Sends the inner reply's head at once and its body after a delay.
    SlowBody(Duration, Box<Reply>),
    /// Resets the connection (TCP RST) without answering.
    Hangup,
}

impl Reply {
    /// A response with a body and no headers yet.
    pub fn raw(status: u16, body: impl Into<Vec<u8>>) -> Self {
        Self::Http { status, headers: Vec::new(), body: body.into() }
    }

    /// An AWS JSON 1.0 response, with its content type and [`REQUEST_ID`].
    pub fn json(status: u16, body: impl Into<Vec<u8>>) -> Self {
        Self::raw(status, body)
            .header("Content-Type", JSON_1_0)
            .header("x-amzn-RequestId", REQUEST_ID)
    }

    /// A 200 JSON response.
    pub fn ok(body: impl Into<Vec<u8>>) -> Self {
        Self::json(200, body)
    }

    /// A 400 service error the way Step Functions sends it:
    /// `{"__type":"<code>","message":"<message>"}` (the code only in the
    /// body; [`FakeSfn::fail_next`](super::FakeSfn::fail_next) also sends it
    /// in `X-Amzn-ErrorType`).
    pub fn service_error(code: &str, message: &str) -> Self {
        let body = serde_json::json!({ "__type": code, "message": message });
        Self::json(400, body.to_string())
    }

    /// Adds a header (to the answer inside any fault; to a
    /// [`Normal`](Self::Normal) answer it adds nothing).
    pub fn header(mut self, name: &str, value: &str) -> Self {
        match &mut self {
            Self::Http { headers, .. } => headers.push((name.into(), value.into())),
            Self::Delay(_, inner)
            | Self::ResetAfter(_, inner)
            | Self::Truncated(_, inner)
            | Self::SlowBody(_, inner) => **inner = inner.as_ref().clone().header(name, value),
            Self::Normal | Self::Hangup => {}
        }
        self
    }

    /// The same reply after `delay`.
    pub fn delayed(self, delay: Duration) -> Self {
        Self::Delay(delay, Box::new(self))
    }

    /// The same reply, reset by the server after `bytes` of its body.
    pub fn reset_after(self, bytes: usize) -> Self {
        Self::ResetAfter(bytes, Box::new(self))
    }

    /// The same reply, its body cut off after `bytes` (the head still
    /// announces the full length).
    pub fn truncated(self, bytes: usize) -> Self {
        Self::Truncated(bytes, Box::new(self))
    }

    /// The same reply, its body sent `delay` after its head.
    pub fn slow_body(self, delay: Duration) -> Self {
        Self::SlowBody(delay, Box::new(self))
    }

    /// This reply with [`Normal`](Self::Normal) (anywhere inside it)
    /// replaced by `normal()`, which is called at most once.
    pub(crate) fn resolve(self, normal: impl FnOnce() -> Reply) -> Reply {
        match self {
            Self::Normal => normal(),
            Self::Delay(d, inner) => Self::Delay(d, Box::new(inner.resolve(normal))),
            Self::ResetAfter(n, inner) => Self::ResetAfter(n, Box::new(inner.resolve(normal))),
            Self::Truncated(n, inner) => Self::Truncated(n, Box::new(inner.resolve(normal))),
            Self::SlowBody(d, inner) => Self::SlowBody(d, Box::new(inner.resolve(normal))),
            other @ (Self::Http { .. } | Self::Hangup) => other,
        }
    }
}

/// The `X-Amzn-ErrorType` value Step Functions sends for `code`.
pub(crate) fn error_type(code: &str) -> String {
    format!("{code}:http://internal.amazon.com/coral/com.amazonaws.swf.service.v2.model/")
}
