//! The fake of the `testing` feature, end to end through a client.

use sfn_lite::ErrorKind;
use sfn_lite::testing::FakeSfn;

#[tokio::test]
async fn an_unserved_operation_is_a_service_error() {
    let fake = FakeSfn::start().await;
    let err = fake
        .client()
        .describe_execution("arn:aws:states:us-east-1:123456789012:execution:sm:x")
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Service, "{err}");
}
