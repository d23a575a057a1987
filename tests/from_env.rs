//! `Client::from_env` end to end, with the real process environment and
//! shared files holding several profiles: the client is pointed at the
//! in-process server (by the selected profile's `endpoint_url`, or by
//! `AWS_ENDPOINT_URL_SFN`), and the server's recording proves which
//! profile's credentials signed each request: the access key id in the
//! `Authorization` header, the session token header, and a signature an
//! independent SigV4 verifier recomputes with that profile's secret key.
//!
//! The only test in this binary, since it sets environment variables: every
//! change to them happens in this one test, in order, while no client call
//! is in flight.

mod common;

use common::sigv4;
use common::{Recorded, Reply, Server};
use sfn_lite::Client;

const MAP_RUN_ARN: &str = "arn:aws:states:eu-central-1:123456789012:mapRun:sm/map:1";
const DESCRIBED: &str = r#"{"mapRunArn": "arn:aws:states:eu-central-1:123456789012:mapRun:sm/map:1",
    "executionArn": "arn:aws:states:eu-central-1:123456789012:execution:sm:run",
    "status": "SUCCEEDED", "startDate": 1795559751, "maxConcurrency": 1,
    "toleratedFailurePercentage": 0, "toleratedFailureCount": 0,
    "itemCounts": {}, "executionCounts": {}}"#;

/// One profile of the shared credentials file.
struct Profile {
    name: &'static str,
    access_key_id: &'static str,
    secret_access_key: &'static str,
    session_token: Option<&'static str>,
}

const PROFILES: [Profile; 3] = [
    Profile {
        name: "default",
        access_key_id: "AKIDDEFAULT",
        secret_access_key: "default-secret",
        session_token: None,
    },
    Profile {
        name: "test",
        access_key_id: "AKIDTEST",
        secret_access_key: "test-secret",
        session_token: Some("test-session-token"),
    },
    Profile {
        name: "other",
        access_key_id: "AKIDOTHER",
        secret_access_key: "other-secret",
        session_token: Some("other-session-token"),
    },
];

/// Sets and removes process environment variables.
fn set_env(set: &[(&str, &str)], remove: &[&str]) {
    // SAFETY: this binary's only test calls this, between client calls, so no
    // other thread of the test reads the environment concurrently (the
    // runtime is single-threaded and the server task reads no variable).
    unsafe {
        for name in remove {
            std::env::remove_var(name);
        }
        for (name, value) in set {
            std::env::set_var(name, value);
        }
    }
}

/// Asserts that `request` was signed for `region` with `profile`'s
/// credentials and none of the others'.
fn assert_signed_by(request: &Recorded, profile: &Profile, region: &str) {
    let ctx = format!("profile {}: {request:#?}", profile.name);
    let authorization = request.header("authorization").unwrap_or_default();
    let parsed = sigv4::parse_authorization(authorization)
        .unwrap_or_else(|e| panic!("{ctx}: Authorization {authorization:?}: {e}"));
    let scope: Vec<&str> = parsed.credential.split('/').collect();
    assert_eq!(scope.first(), Some(&profile.access_key_id), "{ctx}");
    assert_eq!(scope.get(2..), Some(&[region, "states", "aws4_request"][..]), "{ctx}");
    assert_eq!(request.header("x-amz-security-token"), profile.session_token, "{ctx}");
    for other in PROFILES.iter().filter(|p| p.name != profile.name) {
        assert!(!authorization.contains(other.access_key_id), "{ctx}");
    }
    sigv4::verify(
        request,
        &sigv4::Expect {
            access_key_id: profile.access_key_id,
            secret_access_key: profile.secret_access_key,
            region,
            service: "states",
        },
    )
    .unwrap_or_else(|e| panic!("{ctx}: not signed with its secret key: {e}"));
    if profile.session_token.is_some() {
        let signed = parsed.signed_headers.split(';').any(|h| h == "x-amz-security-token");
        assert!(signed, "{ctx}: the session token is not signed");
    }
}

#[tokio::test]
async fn from_env_signs_with_the_selected_profile() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config");
    let credentials = dir.path().join("credentials");
    // Two servers: each profile's endpoint is its own, so a request that
    // reaches one also proves which endpoint setting was used.
    let test_server = Server::always(Reply::ok(DESCRIBED)).await;
    let other_server = Server::always(Reply::ok(DESCRIBED)).await;
    std::fs::write(
        &config,
        format!(
            "[default]\nregion = us-west-1\n\
             [profile test]\nregion = eu-central-1\nservices = local\n\
             [profile other]\nregion = ap-southeast-2\n\
             [services local]\nsfn =\n  endpoint_url = {}\n",
            test_server.url()
        ),
    )
    .unwrap();
    let mut file = String::new();
    for p in &PROFILES {
        file.push_str(&format!(
            "[{}]\naws_access_key_id = {}\naws_secret_access_key = {}\n",
            p.name, p.access_key_id, p.secret_access_key
        ));
        if let Some(token) = p.session_token {
            file.push_str(&format!("aws_session_token = {token}\n"));
        }
    }
    std::fs::write(&credentials, file).unwrap();

    let unset = [
        "AWS_REGION",
        "AWS_DEFAULT_REGION",
        "AWS_ACCESS_KEY_ID",
        "AWS_SECRET_ACCESS_KEY",
        "AWS_SESSION_TOKEN",
        "AWS_PROFILE",
        "AWS_ENDPOINT_URL",
        "AWS_ENDPOINT_URL_SFN",
        "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS",
        "AWS_USE_FIPS_ENDPOINT",
        "AWS_USE_DUALSTACK_ENDPOINT",
    ];
    let home = dir.path().to_str().unwrap();
    let files = [
        ("HOME", home),
        ("AWS_CONFIG_FILE", config.to_str().unwrap()),
        ("AWS_SHARED_CREDENTIALS_FILE", credentials.to_str().unwrap()),
    ];

    // The `test` profile, by AWS_PROFILE: its region, its endpoint (from its
    // services section), its keys and session token.
    set_env(&[files[0], files[1], files[2], ("AWS_PROFILE", "test")], &unset);
    let client = Client::from_env().await.unwrap();
    assert_eq!(client.region(), "eu-central-1");
    assert_eq!(client.endpoint(), format!("{}/", test_server.url()));
    client.describe_map_run(MAP_RUN_ARN).await.unwrap_or_else(|e| panic!("profile test: {e}"));
    assert_eq!(other_server.request_count(), 0);
    let [request] = <[Recorded; 1]>::try_from(test_server.requests()).unwrap();
    assert_signed_by(&request, &PROFILES[1], "eu-central-1");

    // The `other` profile, by AWS_PROFILE, with the endpoint from
    // AWS_ENDPOINT_URL_SFN (it has no services section).
    set_env(&[("AWS_PROFILE", "other"), ("AWS_ENDPOINT_URL_SFN", &other_server.url())], &[]);
    let client = Client::from_env().await.unwrap();
    assert_eq!(client.region(), "ap-southeast-2");
    client.describe_map_run(MAP_RUN_ARN).await.unwrap_or_else(|e| panic!("profile other: {e}"));
    assert_eq!(test_server.request_count(), 1, "nothing more went to the test profile's server");
    let [request] = <[Recorded; 1]>::try_from(other_server.requests()).unwrap();
    assert_signed_by(&request, &PROFILES[2], "ap-southeast-2");

    // No AWS_PROFILE: the `default` profile.
    set_env(&[], &["AWS_PROFILE"]);
    other_server.reset();
    let client = Client::from_env().await.unwrap();
    assert_eq!(client.region(), "us-west-1");
    client.describe_map_run(MAP_RUN_ARN).await.unwrap_or_else(|e| panic!("profile default: {e}"));
    let [request] = <[Recorded; 1]>::try_from(other_server.requests()).unwrap();
    assert_signed_by(&request, &PROFILES[0], "us-west-1");

    // Explicit builder settings win over the environment and the profile.
    let client = sfn_lite::ClientBuilder::from_env()
        .unwrap()
        .region("us-west-2")
        .endpoint_url("http://127.0.0.1:1")
        .build()
        .unwrap();
    assert_eq!((client.region(), client.endpoint()), ("us-west-2", "http://127.0.0.1:1/"));
}
