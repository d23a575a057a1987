//! Client configuration through the public builder: region, endpoint,
//! FIPS/dual-stack and credentials set explicitly.

use aws_credential_types::Credentials;
use sfn_lite::{Client, ClientBuilder, ErrorKind};

fn credentials() -> Credentials {
    Credentials::new(
        "AKIDEXAMPLE",
        "very-secret-key",
        Some("session-token-secret".into()),
        None,
        "test",
    )
}

fn builder(region: &str) -> ClientBuilder {
    Client::builder().region(region).credentials_provider(credentials())
}

#[test]
fn endpoint_derives_from_region_fips_and_dual_stack() {
    let cases = [
        ("us-east-1", false, false, "https://states.us-east-1.amazonaws.com/"),
        ("us-east-1", true, false, "https://states-fips.us-east-1.amazonaws.com/"),
        ("us-east-1", false, true, "https://states.us-east-1.api.aws/"),
        ("us-east-1", true, true, "https://states-fips.us-east-1.api.aws/"),
        ("cn-north-1", false, false, "https://states.cn-north-1.amazonaws.com.cn/"),
        ("cn-north-1", false, true, "https://states.cn-north-1.api.amazonwebservices.com.cn/"),
        ("us-gov-west-1", true, false, "https://states.us-gov-west-1.amazonaws.com/"),
        ("us-gov-east-1", false, true, "https://states-fips.us-gov-east-1.api.aws/"),
        ("xx-new-1", false, false, "https://states.xx-new-1.amazonaws.com/"),
    ];
    for (region, fips, dual_stack, url) in cases {
        let client = builder(region).use_fips(fips).use_dual_stack(dual_stack).build().unwrap();
        assert_eq!(client.endpoint(), url, "{region} fips={fips} dual_stack={dual_stack}");
        assert_eq!(client.region(), region);
    }
}

#[test]
fn custom_endpoint() {
    let client = builder("eu-west-1").endpoint_url("http://127.0.0.1:4566").build().unwrap();
    assert_eq!(client.endpoint(), "http://127.0.0.1:4566/");
    assert_eq!(client.region(), "eu-west-1");
    for builder in [
        builder("eu-west-1").endpoint_url("http://127.0.0.1:4566").use_fips(true),
        builder("eu-west-1").endpoint_url("http://127.0.0.1:4566").use_dual_stack(true),
    ] {
        assert_eq!(builder.build().unwrap_err().kind(), ErrorKind::Config);
    }
    for url in ["not a url", "ftp://127.0.0.1/"] {
        let error = builder("eu-west-1").endpoint_url(url).build().unwrap_err();
        assert_eq!(error.kind(), ErrorKind::Config, "{url}");
    }
}

#[test]
fn missing_or_invalid_settings_fail_the_build() {
    let error = Client::builder().credentials_provider(credentials()).build().unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Config);
    assert!(error.to_string().contains("region"), "{error}");
    let error = Client::builder().region("us-east-1").build().unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Config);
    assert!(error.to_string().contains("credentials"), "{error}");
    for region in ["", "us east", "us_east_1"] {
        let error = builder(region).build().unwrap_err();
        assert_eq!(error.kind(), ErrorKind::Config, "{region:?}");
    }
}

#[test]
fn debug_never_shows_secrets() {
    let unbuilt = builder("us-east-1");
    let client = builder("us-east-1").build().unwrap();
    for debug in [format!("{unbuilt:?}"), format!("{client:?}"), format!("{:?}", credentials())] {
        assert!(!debug.contains("very-secret-key"), "{debug}");
        assert!(!debug.contains("session-token-secret"), "{debug}");
    }
}
