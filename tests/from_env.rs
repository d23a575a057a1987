//! `Client::from_env` end to end, with the real process environment: the
//! only test in this binary, since it sets environment variables.

use sfn_lite::{Client, ErrorKind};

#[tokio::test]
async fn from_env_reads_process_environment_and_profile_files() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config");
    let credentials = dir.path().join("credentials");
    // A closed port: a call gets as far as connecting, after credentials.
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    std::fs::write(
        &config,
        format!(
            "[profile test]\nregion = eu-central-1\nservices = local\n\
             [services local]\nsfn =\n  endpoint_url = http://127.0.0.1:{port}\n"
        ),
    )
    .unwrap();
    std::fs::write(&credentials, "[test]\naws_access_key_id = AKID\naws_secret_access_key = s\n")
        .unwrap();

    let unset = [
        "AWS_REGION",
        "AWS_DEFAULT_REGION",
        "AWS_ACCESS_KEY_ID",
        "AWS_SECRET_ACCESS_KEY",
        "AWS_SESSION_TOKEN",
        "AWS_ENDPOINT_URL",
        "AWS_ENDPOINT_URL_SFN",
        "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS",
        "AWS_USE_FIPS_ENDPOINT",
        "AWS_USE_DUALSTACK_ENDPOINT",
    ];
    // SAFETY: this binary's only test, and it sets the variables before
    // anything else runs that could read them concurrently.
    unsafe {
        for name in unset {
            std::env::remove_var(name);
        }
        std::env::set_var("HOME", dir.path());
        std::env::set_var("AWS_PROFILE", "test");
        std::env::set_var("AWS_CONFIG_FILE", &config);
        std::env::set_var("AWS_SHARED_CREDENTIALS_FILE", &credentials);
    }

    let client = Client::from_env().await.unwrap();
    assert_eq!(client.region(), "eu-central-1");
    assert_eq!(client.endpoint(), format!("http://127.0.0.1:{port}/"));
    // Credentials load from the profile, so the call fails only to connect.
    let arn = "arn:aws:states:eu-central-1:123456789012:mapRun:sm/map:1";
    let error = client.describe_map_run(arn).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Transport, "{error}");

    // Explicit builder settings win over the environment and the profile.
    let client = sfn_lite::ClientBuilder::from_env()
        .unwrap()
        .region("us-west-2")
        .endpoint_url("http://127.0.0.1:1")
        .build()
        .unwrap();
    assert_eq!((client.region(), client.endpoint()), ("us-west-2", "http://127.0.0.1:1/"));
}
