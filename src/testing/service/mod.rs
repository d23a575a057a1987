//! The fake's service: its state ([`World`]) and what each operation does
//! to it. It knows nothing of HTTP: [`World::handle`] takes an operation
//! name and a request body and gives a status and a body.

use time::OffsetDateTime;

/// Everything the fake holds.
#[derive(Debug, Default)]
pub(crate) struct World {}

/// An answer of the service: a status and an AWS JSON 1.0 body.
#[derive(Debug)]
pub(crate) struct ServiceReply {
    pub(crate) status: u16,
    pub(crate) body: Vec<u8>,
}

impl World {
    /// Runs `operation` (the name after `AWSStepFunctions.` in
    /// `X-Amz-Target`) on `body` at time `now`.
    pub(crate) fn handle(
        &mut self,
        operation: &str,
        _body: &[u8],
        _now: OffsetDateTime,
    ) -> ServiceReply {
        let body = serde_json::json!({
            "__type": "UnknownOperationException",
            "message": format!("the fake does not serve {operation}"),
        });
        ServiceReply { status: 400, body: body.to_string().into_bytes() }
    }
}
