//! The escape hatch: an [`Operation`] implemented outside the crate, for an
//! operation the crate does not model, takes the same path as the modelled
//! ones: validated before sending, signed (checked by the independent SigV4
//! verifier), retried on a 5xx with the same body, errors decoded with their
//! code and operation, per-call settings through `Client::request`.

mod common;

use common::{Reply, Server, assert_request, builder, client, plain_credentials};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use sfn_lite::{Error, ErrorCode, ErrorKind, Operation};

/// An operation the service might add one day.
#[derive(Clone, Serialize)]
#[serde(rename_all = "camelCase")]
struct DescribeWidget {
    widget_arn: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    include_parts: Option<bool>,
}

#[derive(Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Widget {
    widget_arn: String,
    name: String,
}

impl Operation for DescribeWidget {
    const NAME: &'static str = "DescribeWidget";
    type Output = Widget;

    fn validate(&self) -> Result<(), Error> {
        if self.widget_arn.is_empty() {
            return Err(Error::invalid_input("widgetArn", "is required"));
        }
        Ok(())
    }
}

/// The same operation, decoded as plain JSON.
#[derive(Clone, Serialize)]
struct RawWidget(Value);

impl Operation for RawWidget {
    const NAME: &'static str = "DescribeWidget";
    type Output = Value;

    fn validate(&self) -> Result<(), Error> {
        Ok(())
    }
}

const WIDGET_ARN: &str = "arn:aws:states:us-east-1:123456789012:widget:w1";

fn widget(include_parts: Option<bool>) -> DescribeWidget {
    DescribeWidget { widget_arn: WIDGET_ARN.into(), include_parts }
}

#[tokio::test]
async fn an_unknown_operation_is_signed_retried_and_decoded() {
    let server = Server::start().await;
    server.push(Reply::json(500, r#"{"__type": "InternalFailure", "message": "try again"}"#));
    server.push(Reply::ok(format!(r#"{{"widgetArn": "{WIDGET_ARN}", "name": "w", "new": 1}}"#)));
    let client = client(&server);
    let output = client.send(widget(Some(true))).await.expect("the second attempt succeeds");
    assert_eq!(output, Widget { widget_arn: WIDGET_ARN.into(), name: "w".into() });
    let requests = server.requests();
    assert_eq!(requests.len(), 2, "one retry after the 500");
    for request in &requests {
        assert_request(request, "DescribeWidget", &plain_credentials());
        assert_eq!(request.json().unwrap(), json!({"widgetArn": WIDGET_ARN, "includeParts": true}));
    }
}

#[tokio::test]
async fn an_unknown_operations_errors_are_typed_and_name_it() {
    let server = Server::always(Reply::service_error("WidgetDoesNotExist", "no such widget")).await;
    let client = client(&server);
    let e = client.send(widget(None)).await.expect_err("a service error");
    assert_eq!(e.kind(), ErrorKind::Service, "{e}");
    assert_eq!(e.code(), Some(&ErrorCode::Unknown("WidgetDoesNotExist".into())), "{e}");
    assert_eq!(e.operation(), Some("DescribeWidget"), "{e}");
    assert_eq!(e.attempts(), 1, "a client error is not retried");
    assert!(e.to_string().contains("no such widget"), "{e}");

    server.set_handler(|_| Reply::ok(r#"{"widgetArn": 7}"#));
    let e = client.send(widget(None)).await.expect_err("a body that does not decode");
    assert_eq!(e.kind(), ErrorKind::Decode, "{e}");
}

#[tokio::test]
async fn an_unknown_operations_validation_runs_before_sending() {
    let server = Server::always(Reply::ok("{}")).await;
    let client = client(&server);
    let e = client
        .send(DescribeWidget { widget_arn: String::new(), include_parts: None })
        .await
        .expect_err("refused");
    assert_eq!(e.kind(), ErrorKind::InvalidInput, "{e}");
    assert_eq!(e.operation(), Some("DescribeWidget"), "{e}");
    assert!(e.to_string().contains("`widgetArn` is required"), "{e}");
    assert_eq!(server.request_count(), 0);
}

#[tokio::test]
async fn an_unknown_operation_takes_per_call_settings_and_plain_json() {
    let server = Server::always(Reply::json(503, r#"{"__type": "ServiceUnavailable"}"#)).await;
    let client = builder(&server, &plain_credentials()).max_attempts(3).build().unwrap();
    let e = client.request(widget(None)).max_attempts(1).await.expect_err("one attempt");
    assert_eq!(e.attempts(), 1, "{e}");
    assert_eq!(server.request_count(), 1);

    server.set_handler(|_| Reply::ok(r#"{"name": "w", "parts": [1, 2]}"#));
    let raw = client.send(RawWidget(json!({"widgetArn": WIDGET_ARN}))).await.expect("JSON");
    assert_eq!(raw, json!({"name": "w", "parts": [1, 2]}));
    assert_request(&server.last_request(), "DescribeWidget", &plain_credentials());
}
