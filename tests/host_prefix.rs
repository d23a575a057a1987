//! The model's `sync-` host prefix of StartSyncExecution and TestState, against the
//! in-process server reached by name (the HTTP client resolves the names to
//! 127.0.0.1): the prefixed host is where the request goes and what is
//! signed (checked by the independent SigV4 verifier); other operations keep
//! the endpoint's host; `disable_host_prefix(true)` turns it off; an IP
//! endpoint never gets it. (The HTTP client is built here with the ring
//! provider, so the suite needs the default `rustls-ring` feature.)
#![cfg(feature = "rustls-ring")]

mod common;

use common::{REGION, Reply, Server, assert_request, builder, plain_credentials};
use sfn_lite::Client;

const STATE_MACHINE_ARN: &str = "arn:aws:states:us-east-1:123456789012:stateMachine:resize";
const DONE: &str = r#"{"executionArn": "arn:aws:states:us-east-1:123456789012:express:resize:x:1",
    "startDate": 1795559751.5, "stopDate": 1795559752, "status": "SUCCEEDED", "output": "{}"}"#;

/// A client for `server` by the name `sfn.test`, with `sync-sfn.test`
/// resolving to it too.
fn named_client(server: &Server, disable_prefix: bool) -> Client {
    let addr: std::net::SocketAddr = server.host().parse().expect("an address");
    let http = common::http_builder()
        .resolve("sfn.test", addr)
        .resolve("sync-sfn.test", addr)
        .build()
        .expect("an HTTP client");
    Client::builder()
        .region(REGION)
        .endpoint_url(format!("http://sfn.test:{}", addr.port()))
        .credentials_provider(plain_credentials())
        .http_client(http)
        .disable_host_prefix(disable_prefix)
        .build()
        .expect("a client")
}

#[tokio::test]
async fn sync_operations_go_to_the_sync_host_and_sign_it() {
    let server = Server::always(Reply::ok(DONE)).await;
    let port = server.host().rsplit(':').next().unwrap_or_default().to_owned();
    let client = named_client(&server, false);
    client.start_sync_execution(STATE_MACHINE_ARN).await.expect("the sync answer");
    let request = server.last_request();
    assert_eq!(request.header("host"), Some(format!("sync-sfn.test:{port}").as_str()));
    assert_request(&request, "StartSyncExecution", &plain_credentials());

    client.test_state(r#"{"Type":"Pass","End":true}"#).await.ok();
    let request = server.last_request();
    assert_eq!(request.header("host"), Some(format!("sync-sfn.test:{port}").as_str()));
    assert_request(&request, "TestState", &plain_credentials());

    client.describe_execution("arn:aws:states:us-east-1:123456789012:execution:m:e").await.ok();
    let request = server.last_request();
    assert_eq!(request.header("host"), Some(format!("sfn.test:{port}").as_str()));
    assert_request(&request, "DescribeExecution", &plain_credentials());
}

#[tokio::test]
async fn the_prefix_can_be_turned_off_and_never_applies_to_an_ip_address() {
    let server = Server::always(Reply::ok(DONE)).await;
    let port = server.host().rsplit(':').next().unwrap_or_default().to_owned();
    named_client(&server, true).start_sync_execution(STATE_MACHINE_ARN).await.expect("answer");
    let request = server.last_request();
    assert_eq!(request.header("host"), Some(format!("sfn.test:{port}").as_str()));
    assert_request(&request, "StartSyncExecution", &plain_credentials());

    let by_ip = builder(&server, &plain_credentials()).build().expect("a client");
    by_ip.start_sync_execution(STATE_MACHINE_ARN).await.expect("answer");
    assert_eq!(server.last_request().header("host"), Some(server.host().as_str()));
    assert_eq!(server.request_count(), 2);
}
