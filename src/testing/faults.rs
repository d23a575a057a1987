//! The fake's script: replies and faults queued for the calls to come, each
//! for the next call that matches, taken once.

use super::reply::{JSON_1_0, Reply, error_type};
use super::request::Request;
use std::collections::VecDeque;

/// Which calls a scripted reply or fault is for: any call, or the calls of
/// one operation. A `&str` or `String` converts into the latter, so
/// `fake.fail_next("StartExecution", ...)` reads as it should.
///
/// ```
/// use sfn_lite::testing::Match;
///
/// assert_eq!(Match::from("StartExecution"), Match::Operation("StartExecution".into()));
/// # let _ = Match::Any;
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Match {
    /// Any call, whatever its operation.
    Any,
    /// The calls of one operation, named as in `X-Amz-Target` (after
    /// `AWSStepFunctions.`), such as `StartExecution`.
    Operation(String),
}

impl Match {
    fn matches(&self, request: &Request) -> bool {
        match self {
            Self::Any => true,
            Self::Operation(name) => request.operation() == Some(name),
        }
    }
}

impl From<&str> for Match {
    fn from(operation: &str) -> Self {
        Self::Operation(operation.into())
    }
}

impl From<String> for Match {
    fn from(operation: String) -> Self {
        Self::Operation(operation)
    }
}

/// Replies queued for matching calls, in the order they were queued.
#[derive(Debug, Default)]
pub(crate) struct Script {
    queue: VecDeque<(Match, Reply)>,
}

impl Script {
    pub(crate) fn push(&mut self, matcher: Match, reply: Reply) {
        self.queue.push_back((matcher, reply));
    }

    /// Takes the first queued reply whose matcher matches `request`.
    pub(crate) fn take(&mut self, request: &Request) -> Option<Reply> {
        let at = self.queue.iter().position(|(m, _)| m.matches(request))?;
        self.queue.remove(at).map(|(_, reply)| reply)
    }
}

/// A 400 service error as Step Functions sends it, the code in both the
/// body and `X-Amzn-ErrorType`, with a fresh request id.
pub(crate) fn service_error(code: &str, message: &str) -> Reply {
    let body = serde_json::json!({ "__type": code, "message": message });
    Reply::raw(400, body.to_string())
        .header("Content-Type", JSON_1_0)
        .header("x-amzn-RequestId", &crate::random::uuid_v4())
        .header("X-Amzn-ErrorType", &error_type(code))
}
