//! The credentials providers against in-process fakes of the services they
//! call, each following its documented protocol: STS (query protocol, XML
//! answers), the container credentials endpoint, IMDSv2 and
//! `credential_process` scripts. Every provider reads an explicit
//! [`Environment`] (no process variable is touched), and every endpoint is
//! on 127.0.0.1.
//!
//! - IMDS: the token/role/credentials flow and token reuse; a 401 on a stale
//!   token renews it; an unreachable or silent IMDS fails within ~2 s with
//!   a reason; the disabled flag; the stale-credentials extension; malformed
//!   answers; the endpoint from the profile and the mode.
//! - Container: the full URI with the token file (re-read) or variable;
//!   retry of a 5xx; errors; the allow-list refusing before any request.
//! - `credential_process`: JSON version 1 with `Expiration`, non-zero exit,
//!   garbage, wrong version.
//! - Web identity and assume role: the STS requests (form members, unsigned
//!   or signed by the right credentials, checked by an independent SigV4
//!   verifier), role chains, loops, `credential_source`, `[services]`
//!   endpoints, STS errors with the token redacted.
//! - The chain's order: a table of environments and the source that wins.
//! - Secrets: no key, token or authorization token in any `Debug` or error.

mod common;

use aws_credential_types::Credentials;
use aws_credential_types::provider::ProvideCredentials;
use aws_credential_types::provider::error::CredentialsError;
use common::sigv4::{self, Expect};
use common::{Recorded, Reply, Server};
use sfn_lite::credentials::{
    Container, CredentialProcess, DefaultChain, Environment, Imds, Profile, WebIdentity,
};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

const FUTURE: &str = "2099-01-01T00:00:00Z";
const FUTURE_SECS: u64 = 4_070_908_800;
const PAST: &str = "2001-01-01T00:00:00Z";

/// What a provider's error says (`CredentialsError` displays its variant;
/// the reason is its source).
fn reason(error: &CredentialsError) -> String {
    match std::error::Error::source(error) {
        Some(source) => source.to_string(),
        None => error.to_string(),
    }
}

async fn load(provider: &impl ProvideCredentials) -> Result<Credentials, CredentialsError> {
    provider.provide_credentials().await
}

async fn load_err(provider: &impl ProvideCredentials) -> (bool, String) {
    let error = load(provider).await.expect_err("expected no credentials");
    let not_loaded = matches!(error, CredentialsError::CredentialsNotLoaded(_));
    (not_loaded, reason(&error))
}

fn expiry_secs(c: &Credentials) -> u64 {
    c.expiry().unwrap().duration_since(SystemTime::UNIX_EPOCH).unwrap().as_secs()
}

fn env(vars: &[(&str, &str)]) -> Environment {
    Environment::from_vars(vars.iter().map(|(k, v)| (k.to_string(), v.to_string())))
}

/// The JSON the container endpoint and IMDS answer with.
fn credentials_json(id: &str, expiration: &str) -> String {
    serde_json::json!({
        "Code": "Success", "Type": "AWS-HMAC", "AccessKeyId": id,
        "SecretAccessKey": format!("secret-{id}"), "Token": format!("token-{id}"),
        "Expiration": expiration, "LastUpdated": "2026-11-30T00:00:00Z"
    })
    .to_string()
}

// ---------------------------------------------------------------------------
// A fake IMDS: tokens, one role, credentials.

#[derive(Default)]
struct ImdsState {
    token: Option<String>,
    tokens_issued: usize,
    credentials: String,
}

fn imds_handler(state: Arc<Mutex<ImdsState>>) -> impl Fn(&Recorded) -> Reply + Send + Sync {
    move |r| {
        let mut s = state.lock().unwrap();
        if r.method == "PUT" && r.path == "/latest/api/token" {
            if r.header("x-aws-ec2-metadata-token-ttl-seconds") != Some("21600") {
                return Reply::raw(400, "missing TTL");
            }
            s.tokens_issued += 1;
            let token = format!("imds-session-token-{}", s.tokens_issued);
            s.token = Some(token.clone());
            return Reply::raw(200, token);
        }
        if r.method != "GET" || r.header("x-aws-ec2-metadata-token") != s.token.as_deref() {
            return Reply::raw(401, "");
        }
        match r.path.as_str() {
            "/latest/meta-data/iam/security-credentials/" => Reply::raw(200, "my-role\n"),
            "/latest/meta-data/iam/security-credentials/my-role" => {
                Reply::raw(200, s.credentials.clone())
            }
            _ => Reply::raw(404, ""),
        }
    }
}

async fn fake_imds(credentials: String) -> (Server, Arc<Mutex<ImdsState>>) {
    let state = Arc::new(Mutex::new(ImdsState { credentials, ..ImdsState::default() }));
    (Server::with_handler(imds_handler(Arc::clone(&state))).await, state)
}

fn imds_at(server: &Server) -> Imds {
    Imds::with_environment(env(&[("AWS_EC2_METADATA_SERVICE_ENDPOINT", &server.url())]))
}

#[tokio::test]
async fn imds_fetches_a_token_the_role_and_its_credentials_and_reuses_the_token() {
    let (server, _) = fake_imds(credentials_json("IMDS", FUTURE)).await;
    let imds = imds_at(&server);
    for _ in 0..2 {
        let c = load(&imds).await.unwrap();
        assert_eq!(c.access_key_id(), "IMDS");
        assert_eq!(c.secret_access_key(), "secret-IMDS");
        assert_eq!(c.session_token(), Some("token-IMDS"));
        assert_eq!(expiry_secs(&c), FUTURE_SECS);
    }
    let calls: Vec<String> =
        server.requests().iter().map(|r| format!("{} {}", r.method, r.path)).collect();
    let list = "GET /latest/meta-data/iam/security-credentials/";
    let role = "GET /latest/meta-data/iam/security-credentials/my-role";
    assert_eq!(calls, ["PUT /latest/api/token", list, role, list, role]);
}

#[tokio::test]
async fn a_401_on_a_stale_imds_token_fetches_a_new_one() {
    let (server, state) = fake_imds(credentials_json("IMDS", FUTURE)).await;
    let imds = imds_at(&server);
    load(&imds).await.unwrap();
    // IMDS forgets the session (as after a reboot or the token's expiry).
    state.lock().unwrap().token = Some("another".into());
    assert_eq!(load(&imds).await.unwrap().access_key_id(), "IMDS");
    assert_eq!(state.lock().unwrap().tokens_issued, 2);
    let statuses: Vec<String> = server.requests().iter().map(|r| r.method.clone()).collect();
    assert_eq!(statuses, ["PUT", "GET", "GET", "GET", "PUT", "GET", "GET"]);
}

#[tokio::test]
async fn an_unreachable_imds_fails_fast_with_its_reason() {
    let (_socket, refusing) = common::refusing_address();
    let imds = Imds::with_environment(env(&[(
        "AWS_EC2_METADATA_SERVICE_ENDPOINT",
        &format!("http://{refusing}"),
    )]));
    let (not_loaded, message) = load_err(&imds).await;
    assert!(not_loaded, "{message}");
    assert!(
        message.contains(&format!("no answer from http://{refusing}/latest/api/token")),
        "{message}"
    );

    // A black hole: the connection is accepted, nothing is ever answered.
    let silent = Server::always(Reply::raw(200, "late").delayed(Duration::from_secs(30))).await;
    let started = Instant::now();
    let (not_loaded, message) = load_err(&imds_at(&silent)).await;
    let took = started.elapsed();
    assert!(not_loaded && message.contains("timed out"), "{message}");
    assert!(took < Duration::from_secs(3), "gave up after {took:?}");
    assert_eq!(silent.request_count(), 2, "one retry");
}

#[tokio::test]
async fn imds_can_be_disabled() {
    let (server, _) = fake_imds(credentials_json("IMDS", FUTURE)).await;
    let imds = Imds::with_environment(env(&[
        ("AWS_EC2_METADATA_SERVICE_ENDPOINT", &server.url()),
        ("AWS_EC2_METADATA_DISABLED", "TRUE"),
    ]));
    let (not_loaded, message) = load_err(&imds).await;
    assert!(not_loaded && message.contains("AWS_EC2_METADATA_DISABLED"), "{message}");
    assert_eq!(server.request_count(), 0);
}

#[tokio::test]
async fn stale_imds_credentials_are_extended_as_the_sdks_do() {
    // Expired credentials from IMDS are used for another 15 to 20 minutes.
    let (server, state) = fake_imds(credentials_json("OLD", PAST)).await;
    let imds = imds_at(&server);
    let in_window = |c: &Credentials| {
        let left = c.expiry().unwrap().duration_since(SystemTime::now()).unwrap();
        left > Duration::from_secs(14 * 60) && left <= Duration::from_secs(20 * 60)
    };
    let c = load(&imds).await.unwrap();
    assert_eq!(c.access_key_id(), "OLD");
    assert!(in_window(&c), "{:?}", c.expiry());

    // After IMDS gave credentials, an outage keeps the last ones going.
    state.lock().unwrap().credentials = credentials_json("FRESH", FUTURE);
    assert_eq!(load(&imds).await.unwrap().access_key_id(), "FRESH");
    server.set_handler(|_| Reply::raw(503, "down"));
    let c = load(&imds).await.unwrap();
    assert_eq!(c.access_key_id(), "FRESH");
    assert!(in_window(&c), "{:?}", c.expiry());

    // Never before it gave any.
    let fresh = imds_at(&server);
    let (not_loaded, message) = load_err(&fresh).await;
    assert!(not_loaded && message.contains("HTTP 503"), "{message}");
}

#[tokio::test]
async fn malformed_imds_answers_are_errors_that_quote_nothing() {
    let body =
        r#"{"Code": "Success", "AccessKeyId": "A", "SecretAccessKey": "do-not-show-me-123", "#;
    let (server, _) = fake_imds(body.to_owned()).await;
    let (not_loaded, message) = load_err(&imds_at(&server)).await;
    assert!(!not_loaded && message.contains("not the expected JSON"), "{message}");
    assert!(!message.contains("do-not-show"), "{message}");

    let (server, _) = fake_imds(r#"{"Code": "AssumeRoleUnauthorizedAccess"}"#.to_owned()).await;
    let (_, message) = load_err(&imds_at(&server)).await;
    assert!(message.contains("AssumeRoleUnauthorizedAccess"), "{message}");
}

#[tokio::test]
async fn imds_endpoint_from_the_profile_and_the_mode() {
    let (server, _) = fake_imds(credentials_json("IMDS", FUTURE)).await;
    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir(home.path().join(".aws")).unwrap();
    std::fs::write(
        home.path().join(".aws/config"),
        format!("[default]\nec2_metadata_service_endpoint = {}\n", server.url()),
    )
    .unwrap();
    let home = home.path().display().to_string();
    let imds = Imds::with_environment(env(&[("HOME", &home)]));
    assert_eq!(load(&imds).await.unwrap().access_key_id(), "IMDS");

    let imds = Imds::with_environment(env(&[("AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE", "IPv5")]));
    let (not_loaded, message) = load_err(&imds).await;
    assert!(!not_loaded && message.contains("\"IPv5\""), "{message}");
}

// ---------------------------------------------------------------------------
// Container credentials.

#[tokio::test]
async fn container_credentials_with_a_token_file_reread_on_each_fetch() {
    let server = Server::always(Reply::raw(200, credentials_json("TASK", FUTURE))).await;
    let dir = tempfile::tempdir().unwrap();
    let token_file = dir.path().join("token");
    std::fs::write(&token_file, "first-auth-token\n").unwrap();
    let token_file = token_file.display().to_string();
    let full_uri = format!("{}/v1/credentials", server.url());
    let container = Container::with_environment(env(&[
        ("AWS_CONTAINER_CREDENTIALS_FULL_URI", &full_uri),
        ("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", &token_file),
        ("AWS_CONTAINER_AUTHORIZATION_TOKEN", "ignored-token"),
    ]));
    let c = load(&container).await.unwrap();
    assert_eq!((c.access_key_id(), c.session_token()), ("TASK", Some("token-TASK")));
    assert_eq!(expiry_secs(&c), FUTURE_SECS);
    std::fs::write(&token_file, "second-auth-token").unwrap();
    load(&container).await.unwrap();
    let sent: Vec<Option<String>> =
        server.requests().iter().map(|r| r.header("authorization").map(str::to_owned)).collect();
    assert_eq!(sent, [Some("first-auth-token".into()), Some("second-auth-token".into())]);
    assert_eq!(server.last_request().path, "/v1/credentials");

    let container = Container::with_environment(env(&[
        ("AWS_CONTAINER_CREDENTIALS_FULL_URI", &full_uri),
        ("AWS_CONTAINER_AUTHORIZATION_TOKEN", "env-auth-token"),
    ]));
    load(&container).await.unwrap();
    assert_eq!(server.last_request().header("authorization"), Some("env-auth-token"));
}

#[tokio::test]
async fn container_errors_are_retried_once_then_reported() {
    let server = Server::start().await;
    let full_uri = format!("{}/creds", server.url());
    let container =
        Container::with_environment(env(&[("AWS_CONTAINER_CREDENTIALS_FULL_URI", &full_uri)]));
    server.push(Reply::raw(500, "busy"));
    server.push(Reply::raw(200, credentials_json("TASK", FUTURE)));
    assert_eq!(load(&container).await.unwrap().access_key_id(), "TASK");
    assert_eq!(server.request_count(), 2);

    server.reset();
    server.push(Reply::raw(404, "no"));
    let (not_loaded, message) = load_err(&container).await;
    assert!(!not_loaded && message.contains("HTTP 404"), "{message}");
    assert_eq!(server.request_count(), 1, "a 404 is not retried");

    server.push(Reply::raw(200, "<html>not json</html>"));
    let (_, message) = load_err(&container).await;
    assert!(message.contains("not the expected JSON"), "{message}");
    server.push(Reply::raw(200, r#"{"AccessKeyId": "A"}"#));
    let (_, message) = load_err(&container).await;
    assert!(message.contains("no AccessKeyId and SecretAccessKey"), "{message}");
}

#[tokio::test]
async fn a_full_uri_outside_the_allow_list_is_refused_before_any_request() {
    let server = Server::always(Reply::raw(200, credentials_json("TASK", FUTURE))).await;
    // The same server, by a name that is not loopback: refused.
    let uri = format!("http://sfn-lite.invalid:{}/creds", server.host().split(':').nth(1).unwrap());
    let container =
        Container::with_environment(env(&[("AWS_CONTAINER_CREDENTIALS_FULL_URI", &uri)]));
    let (not_loaded, message) = load_err(&container).await;
    assert!(!not_loaded && message.contains("is not allowed"), "{message}");
    assert_eq!(server.request_count(), 0);
}

// ---------------------------------------------------------------------------
// credential_process.

#[cfg(unix)]
fn script(dir: &tempfile::TempDir, name: &str, body: &str) -> String {
    let path = dir.path().join(name);
    std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path.display().to_string()
}

#[cfg(unix)]
#[tokio::test]
async fn credential_process_output_is_parsed_and_its_failures_reported() {
    let dir = tempfile::tempdir().unwrap();
    let ok = script(
        &dir,
        "ok",
        r#"echo "{\"Version\": 1, \"AccessKeyId\": \"PROC\", \"SecretAccessKey\": \"secret-$1\", \"SessionToken\": \"tok\", \"Expiration\": \"2099-01-01T00:00:00Z\"}""#,
    );
    let c = load(&CredentialProcess::new(format!("{ok} arg"))).await.unwrap();
    assert_eq!((c.access_key_id(), c.secret_access_key()), ("PROC", "secret-arg"));
    assert_eq!(c.session_token(), Some("tok"));
    assert_eq!(expiry_secs(&c), FUTURE_SECS);
    let forever = script(
        &dir,
        "forever",
        r#"echo '{"Version": 1, "AccessKeyId": "P", "SecretAccessKey": "s"}'"#,
    );
    let c = load(&CredentialProcess::new(forever)).await.unwrap();
    assert_eq!((c.expiry(), c.session_token()), (None, None));

    let cases = [
        (
            "exit-3",
            "echo 'token expired, run login' >&2; echo '{\"Version\": 1}'; exit 3",
            "token expired, run login",
        ),
        ("garbage", "echo 'AccessKeyId=hunter2-secret-output'", "other than a JSON object"),
        (
            "v2",
            r#"echo '{"Version": 2, "AccessKeyId": "P", "SecretAccessKey": "hunter2-secret-output"}'"#,
            "\"Version\": 1",
        ),
        (
            "half",
            r#"echo '{"Version": 1, "AccessKeyId": "P"}'"#,
            "no AccessKeyId and SecretAccessKey",
        ),
        (
            "bad-expiry",
            r#"echo '{"Version": 1, "AccessKeyId": "P", "SecretAccessKey": "s", "Expiration": "soon"}'"#,
            "not an RFC 3339 time",
        ),
    ];
    for (name, body, expected) in cases {
        let command = script(&dir, name, body);
        let (not_loaded, message) = load_err(&CredentialProcess::new(&command)).await;
        assert!(!not_loaded && message.contains(expected), "{name}: {message}");
        assert!(message.contains(&format!("credential_process `{command}`")), "{message}");
        assert!(!message.contains("hunter2"), "{name}: {message}");
    }
    let (_, message) = load_err(&CredentialProcess::new("exit 3")).await;
    assert!(message.contains("exit status: 3"), "{message}");
}

// ---------------------------------------------------------------------------
// A fake STS.

/// The form members of a request body.
fn form(r: &Recorded) -> HashMap<String, String> {
    let decode = |s: &str| {
        let bytes = s.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b'%' {
                out.push(u8::from_str_radix(&s[i + 1..i + 3], 16).unwrap());
                i += 3;
            } else {
                out.push(if bytes[i] == b'+' { b' ' } else { bytes[i] });
                i += 1;
            }
        }
        String::from_utf8(out).unwrap()
    };
    let body = String::from_utf8(r.body.clone()).unwrap();
    body.split('&')
        .filter_map(|pair| pair.split_once('='))
        .map(|(k, v)| (decode(k), decode(v)))
        .collect()
}

/// Answers as STS does: the role's credentials named after it (`ASIA-<role
/// name>`, `secret-<role name>`, `token-<role name>`).
fn sts_handler(r: &Recorded) -> Reply {
    let form = form(r);
    let action = form.get("Action").cloned().unwrap_or_default();
    let role = form.get("RoleArn").and_then(|a| a.rsplit('/').next()).unwrap_or("").to_owned();
    if role == "denied" {
        let token = form.get("WebIdentityToken").cloned().unwrap_or_default();
        return Reply::raw(
            403,
            format!(
                "<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code>\
                 <Message>Not authorized to assume role with token {token} &amp; more</Message>\
                 </Error><RequestId>r</RequestId></ErrorResponse>"
            ),
        );
    }
    Reply::raw(
        200,
        format!(
            "<{action}Response xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">\
             <{action}Result><Credentials><AccessKeyId>ASIA-{role}</AccessKeyId>\
             <SecretAccessKey>secret-{role}</SecretAccessKey><SessionToken>token-{role}</SessionToken>\
             <Expiration>{FUTURE}</Expiration></Credentials></{action}Result></{action}Response>"
        ),
    )
    .header("Content-Type", "text/xml")
}

/// A home directory with these shared files.
struct Home(tempfile::TempDir);

impl Home {
    fn new(config: &str, credentials: &str) -> Self {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join(".aws")).unwrap();
        std::fs::write(dir.path().join(".aws/config"), config).unwrap();
        std::fs::write(dir.path().join(".aws/credentials"), credentials).unwrap();
        Self(dir)
    }

    fn path(&self) -> String {
        self.0.path().display().to_string()
    }

    fn file(&self, name: &str, text: &str) -> String {
        let path = self.0.path().join(name);
        std::fs::write(&path, text).unwrap();
        path.display().to_string()
    }

    /// An environment with HOME here, the region, and these variables.
    fn env(&self, vars: &[(&str, &str)]) -> Environment {
        let home = self.path();
        let mut all = vec![("HOME", home.as_str()), ("AWS_REGION", "eu-west-1")];
        all.extend_from_slice(vars);
        env(&all)
    }
}

fn verify_signed_by(r: &Recorded, id: &str, secret: &str, token: Option<&str>) {
    let expect = Expect {
        access_key_id: id,
        secret_access_key: secret,
        region: "eu-west-1",
        service: "sts",
    };
    sigv4::verify(r, &expect).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(r.header("x-amz-security-token"), token);
}

#[tokio::test]
async fn web_identity_from_the_environment() {
    let sts = Server::with_handler(sts_handler).await;
    let home = Home::new("", "");
    let token_file = home.file("token", "eyJ-web-identity-token-1\n");
    let vars = [
        ("AWS_WEB_IDENTITY_TOKEN_FILE", token_file.as_str()),
        ("AWS_ROLE_ARN", "arn:aws:iam::123456789012:role/irsa"),
        ("AWS_ROLE_SESSION_NAME", "my session"),
        ("AWS_ENDPOINT_URL_STS", &sts.url()),
    ];
    let provider = WebIdentity::with_environment(home.env(&vars));
    let c = load(&provider).await.unwrap();
    assert_eq!((c.access_key_id(), c.session_token()), ("ASIA-irsa", Some("token-irsa")));
    assert_eq!(expiry_secs(&c), FUTURE_SECS);
    let r = sts.last_request();
    assert_eq!((r.method.as_str(), r.path.as_str()), ("POST", "/"));
    assert_eq!(r.header("authorization"), None, "AssumeRoleWithWebIdentity is unsigned");
    let sent = form(&r);
    assert_eq!(sent["Action"], "AssumeRoleWithWebIdentity");
    assert_eq!(sent["Version"], "2011-06-15");
    assert_eq!(sent["RoleArn"], "arn:aws:iam::123456789012:role/irsa");
    assert_eq!(sent["RoleSessionName"], "my session");
    assert_eq!(sent["WebIdentityToken"], "eyJ-web-identity-token-1");
    // The token file is rotated: read again on each fetch.
    home.file("token", "eyJ-web-identity-token-2");
    load(&provider).await.unwrap();
    assert_eq!(form(&sts.last_request())["WebIdentityToken"], "eyJ-web-identity-token-2");

    // A role ARN is required; no token file means not configured.
    let (not_loaded, message) =
        load_err(&WebIdentity::with_environment(home.env(&vars[..1]))).await;
    assert!(!not_loaded && message.contains("AWS_ROLE_ARN"), "{message}");
    let (not_loaded, _) = load_err(&WebIdentity::with_environment(home.env(&[]))).await;
    assert!(not_loaded);
}

#[tokio::test]
async fn sts_errors_say_what_was_refused_without_the_token() {
    let sts = Server::with_handler(sts_handler).await;
    let home = Home::new("", "");
    let secret_token = "eyJ-a-secret-web-identity-token-that-must-not-leak";
    let token_file = home.file("token", secret_token);
    let provider = WebIdentity::with_environment(home.env(&[
        ("AWS_WEB_IDENTITY_TOKEN_FILE", &token_file),
        ("AWS_ROLE_ARN", "arn:aws:iam::123456789012:role/denied"),
        ("AWS_ENDPOINT_URL_STS", &sts.url()),
    ]));
    let (not_loaded, message) = load_err(&provider).await;
    assert!(!not_loaded, "{message}");
    for part in [
        "AssumeRoleWithWebIdentity",
        "role/denied",
        "HTTP 403",
        "AccessDenied",
        "& more",
        &sts.url(),
    ] {
        assert!(message.contains(part), "{part} not in {message}");
    }
    assert!(!message.contains("must-not-leak"), "{message}");
    assert_eq!(sts.request_count(), 1, "a 403 is not retried");
}

#[tokio::test]
async fn assume_role_chains_sign_each_step_with_the_credentials_before_it() {
    let sts = Server::with_handler(sts_handler).await;
    let home = Home::new(
        "[profile app]\nrole_arn = arn:aws:iam::123456789012:role/app\nsource_profile = mid\n\
         external_id = ext-1\nrole_session_name = app-session\nduration_seconds = 900\n\
         [profile mid]\nrole_arn = arn:aws:iam::123456789012:role/mid\nsource_profile = base\n\
         [profile base]\nregion = eu-west-1\n",
        "[base]\naws_access_key_id = AKIDBASE\naws_secret_access_key = base-secret\n",
    );
    let provider = Profile::with_environment(
        home.env(&[("AWS_PROFILE", "app"), ("AWS_ENDPOINT_URL_STS", &sts.url())]),
    );
    let c = load(&provider).await.unwrap();
    assert_eq!((c.access_key_id(), c.secret_access_key()), ("ASIA-app", "secret-app"));
    let requests = sts.requests();
    assert_eq!(requests.len(), 2);
    let first = form(&requests[0]);
    assert_eq!(
        (first["Action"].as_str(), first["RoleArn"].as_str()),
        ("AssumeRole", "arn:aws:iam::123456789012:role/mid")
    );
    assert!(first["RoleSessionName"].starts_with("sfn-lite-"), "{first:?}");
    assert!(!first.contains_key("ExternalId") && !first.contains_key("DurationSeconds"));
    verify_signed_by(&requests[0], "AKIDBASE", "base-secret", None);
    let second = form(&requests[1]);
    assert_eq!(second["RoleArn"], "arn:aws:iam::123456789012:role/app");
    assert_eq!(second["RoleSessionName"], "app-session");
    assert_eq!(second["ExternalId"], "ext-1");
    assert_eq!(second["DurationSeconds"], "900");
    verify_signed_by(&requests[1], "ASIA-mid", "secret-mid", Some("token-mid"));
}

#[tokio::test]
async fn profile_forms_and_their_errors() {
    let sts = Server::with_handler(sts_handler).await;
    let home = Home::new(
        "[profile loop-a]\nrole_arn = arn:aws:iam::1:role/a\nsource_profile = loop-b\n\
         [profile loop-b]\nrole_arn = arn:aws:iam::1:role/b\nsource_profile = loop-a\n\
         [profile self]\nrole_arn = arn:aws:iam::1:role/self\nsource_profile = self\n\
         aws_access_key_id = AKIDSELF\naws_secret_access_key = self-secret\n\
         [profile from-env]\nrole_arn = arn:aws:iam::1:role/from-env\ncredential_source = Environment\n\
         [profile bad-source]\nrole_arn = arn:aws:iam::1:role/x\ncredential_source = Laptop\n\
         [profile both]\nrole_arn = arn:aws:iam::1:role/x\ncredential_source = Environment\nsource_profile = self\n\
         [profile neither]\nrole_arn = arn:aws:iam::1:role/x\n\
         [profile mfa]\nrole_arn = arn:aws:iam::1:role/x\nsource_profile = self\nmfa_serial = arn:aws:iam::1:mfa/me\n\
         [profile missing]\nrole_arn = arn:aws:iam::1:role/x\nsource_profile = nowhere\n\
         [profile web]\nrole_arn = arn:aws:iam::1:role/web\nweb_identity_token_file = ~/token\n\
         [profile services]\nrole_arn = arn:aws:iam::1:role/via-services\nsource_profile = self\nservices = local\n\
         [services local]\nsts =\n  endpoint_url = STS_URL\n\
         [profile process]\ncredential_process = echo '{\"Version\": 1, \"AccessKeyId\": \"PROC\", \"SecretAccessKey\": \"s\"}'\n\
         aws_access_key_id = AKIDSTATIC\naws_secret_access_key = s\n"
            .replace("STS_URL", &sts.url())
            .as_str(),
        "",
    );
    let token = home.file("token", "eyJ-profile-token");
    let with = |profile: &str, extra: &[(&str, &str)]| {
        let mut vars = vec![("AWS_PROFILE", profile)];
        vars.extend_from_slice(extra);
        Profile::with_environment(home.env(&vars))
    };
    let to_sts = [("AWS_ENDPOINT_URL_STS", sts.url())];
    let to_sts: Vec<(&str, &str)> = to_sts.iter().map(|(k, v)| (*k, v.as_str())).collect();

    let (_, m) = load_err(&with("loop-a", &to_sts)).await;
    assert!(m.ends_with("the source_profile chain loops: loop-a -> loop-b -> loop-a"), "{m}");
    assert_eq!(sts.request_count(), 0);

    let c = load(&with("self", &to_sts)).await.unwrap();
    assert_eq!(c.access_key_id(), "ASIA-self");
    verify_signed_by(&sts.last_request(), "AKIDSELF", "self-secret", None);

    let env_keys = [
        ("AWS_ACCESS_KEY_ID", "AKIDENV"),
        ("AWS_SECRET_ACCESS_KEY", "env-secret"),
        ("AWS_SESSION_TOKEN", "env-token"),
    ];
    let mut vars = to_sts.clone();
    vars.extend_from_slice(&env_keys);
    assert_eq!(load(&with("from-env", &vars)).await.unwrap().access_key_id(), "ASIA-from-env");
    verify_signed_by(&sts.last_request(), "AKIDENV", "env-secret", Some("env-token"));
    let (_, m) = load_err(&with("from-env", &to_sts)).await;
    assert!(m.contains("credential_source Environment") && m.contains("AWS_ACCESS_KEY_ID"), "{m}");

    for (profile, expected) in [
        ("bad-source", "credential_source \"Laptop\""),
        ("both", "both source_profile and credential_source"),
        ("neither", "neither source_profile nor credential_source"),
        ("mfa", "mfa_serial"),
        ("missing", "source_profile `nowhere`, which is not in"),
    ] {
        let (not_loaded, m) = load_err(&with(profile, &to_sts)).await;
        assert!(!not_loaded && m.contains(&format!("profile `{profile}`")), "{profile}: {m}");
        assert!(m.contains(expected), "{profile}: {m}");
    }

    // web_identity_token_file in a profile (`~` is HOME).
    let _ = token;
    let c = load(&with("web", &to_sts)).await.unwrap();
    assert_eq!(c.access_key_id(), "ASIA-web");
    assert_eq!(form(&sts.last_request())["WebIdentityToken"], "eyJ-profile-token");

    // The [services] section's sts endpoint.
    sts.reset();
    let c = load(&with("services", &[])).await.unwrap();
    assert_eq!(c.access_key_id(), "ASIA-via-services");
    assert_eq!(sts.request_count(), 1);

    // credential_process wins over static keys in the same profile.
    assert_eq!(load(&with("process", &[])).await.unwrap().access_key_id(), "PROC");
}

// ---------------------------------------------------------------------------
// The chain.

/// Which source wins, environment by environment, in the order the AWS
/// SDKs document: environment variables, web identity, profile, container,
/// instance metadata.
#[tokio::test]
async fn the_chain_takes_the_first_configured_source() {
    let sts = Server::with_handler(sts_handler).await;
    let container = Server::always(Reply::raw(200, credentials_json("CONTAINER", FUTURE))).await;
    let (imds, _) = fake_imds(credentials_json("IMDS", FUTURE)).await;
    let home = Home::new(
        "[profile keys]\naws_access_key_id = AKIDPROFILE\naws_secret_access_key = s\n\
         [profile role]\nrole_arn = arn:aws:iam::1:role/profile-role\nsource_profile = keys\n\
         [profile empty]\nregion = eu-west-1\n",
        "",
    );
    let token_file = home.file("token", "eyJ-chain-token");
    let container_uri = format!("{}/creds", container.url());
    let (sts_url, imds_url) = (sts.url(), imds.url());
    let env_keys: [(&str, &str); 2] =
        [("AWS_ACCESS_KEY_ID", "AKIDENV"), ("AWS_SECRET_ACCESS_KEY", "s")];
    let web = [
        ("AWS_WEB_IDENTITY_TOKEN_FILE", token_file.as_str()),
        ("AWS_ROLE_ARN", "arn:aws:iam::1:role/irsa"),
    ];
    let keys = [("AWS_PROFILE", "keys")];
    let role = [("AWS_PROFILE", "role")];
    let empty = [("AWS_PROFILE", "empty")];
    let task = [("AWS_CONTAINER_CREDENTIALS_FULL_URI", container_uri.as_str())];
    let half_env = [("AWS_ACCESS_KEY_ID", "AKIDHALF")];
    let rows: Vec<(Vec<(&str, &str)>, &str)> = vec![
        ([&env_keys[..], &web, &keys, &task].concat(), "AKIDENV"),
        ([&web[..], &keys, &task].concat(), "ASIA-irsa"),
        ([&keys[..], &task].concat(), "AKIDPROFILE"),
        ([&role[..], &task].concat(), "ASIA-profile-role"),
        ([&half_env[..], &keys].concat(), "AKIDPROFILE"),
        ([&empty[..], &task].concat(), "CONTAINER"),
        (empty.to_vec(), "IMDS"),
        (vec![], "IMDS"),
    ];
    for (vars, winner) in rows {
        let mut all = vars.clone();
        all.extend([
            ("AWS_ENDPOINT_URL_STS", sts_url.as_str()),
            ("AWS_EC2_METADATA_SERVICE_ENDPOINT", imds_url.as_str()),
        ]);
        let chain = DefaultChain::with_environment(home.env(&all));
        let got = load(&chain).await.unwrap_or_else(|e| panic!("{vars:?}: {}", reason(&e)));
        assert_eq!(got.access_key_id(), winner, "{vars:?}");
    }

    // A configured source that fails stops the search with its error.
    let denied = [
        ("AWS_WEB_IDENTITY_TOKEN_FILE", token_file.as_str()),
        ("AWS_ROLE_ARN", "arn:aws:iam::1:role/denied"),
        ("AWS_ENDPOINT_URL_STS", sts_url.as_str()),
        ("AWS_PROFILE", "keys"),
    ];
    let (not_loaded, m) = load_err(&DefaultChain::with_environment(home.env(&denied))).await;
    assert!(!not_loaded && m.starts_with("web identity: ") && m.contains("AccessDenied"), "{m}");

    // Nothing configured: every source and why.
    let nothing = [("AWS_PROFILE", "empty"), ("AWS_EC2_METADATA_DISABLED", "true")];
    let (not_loaded, m) = load_err(&DefaultChain::with_environment(home.env(&nothing))).await;
    assert!(not_loaded, "{m}");
    let expected = format!(
        "no credentials found; tried environment variables: AWS_ACCESS_KEY_ID and \
         AWS_SECRET_ACCESS_KEY are not both set; web identity: AWS_WEB_IDENTITY_TOKEN_FILE is not \
         set; profile: profile `empty` in {home}/.aws/credentials or {home}/.aws/config has no \
         credentials; container credentials: neither AWS_CONTAINER_CREDENTIALS_RELATIVE_URI nor \
         AWS_CONTAINER_CREDENTIALS_FULL_URI is set; EC2 instance metadata: \
         AWS_EC2_METADATA_DISABLED is true",
        home = home.path()
    );
    assert_eq!(m, expected);
}

/// The chain through a whole client: `Client::from_env`'s path, with the
/// credentials STS gave signing the Step Functions request.
#[tokio::test]
async fn a_client_signs_with_the_credentials_the_chain_found() {
    let sts = Server::with_handler(sts_handler).await;
    let sfn = Server::always(Reply::ok(r#"{"stateMachines": []}"#)).await;
    let home = Home::new("", "");
    let token_file = home.file("token", "eyJ-client-token");
    let chain = DefaultChain::with_environment(home.env(&[
        ("AWS_WEB_IDENTITY_TOKEN_FILE", &token_file),
        ("AWS_ROLE_ARN", "arn:aws:iam::1:role/client"),
        ("AWS_ENDPOINT_URL_STS", &sts.url()),
    ]));
    let client = sfn_lite::Client::builder()
        .region("eu-west-1")
        .endpoint_url(sfn.url())
        .credentials_provider(chain)
        .build()
        .unwrap();
    client.list_state_machines().await.unwrap();
    client.list_state_machines().await.unwrap();
    assert_eq!(sts.request_count(), 1, "cached until shortly before expiry");
    let expect = Expect {
        access_key_id: "ASIA-client",
        secret_access_key: "secret-client",
        region: "eu-west-1",
        service: "states",
    };
    for r in sfn.requests() {
        sigv4::verify(&r, &expect).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(r.header("x-amz-security-token"), Some("token-client"));
    }
}

// ---------------------------------------------------------------------------
// Secrets.

/// Every log line of the test binary.
#[derive(Clone, Default)]
struct Capture(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Capture {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap_or_else(|p| p.into_inner()).extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Capture {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap_or_else(|p| p.into_inner())).into_owned()
    }
}

/// Installs the binary's global subscriber once: every target, TRACE.
fn capture() -> &'static Capture {
    static CAPTURE: std::sync::OnceLock<Capture> = std::sync::OnceLock::new();
    CAPTURE.get_or_init(|| {
        let capture = Capture::default();
        let writer = capture.clone();
        tracing_subscriber::fmt()
            .with_max_level(tracing::Level::TRACE)
            .with_ansi(false)
            .with_writer(move || writer.clone())
            .try_init()
            .expect("the only subscriber of this test binary");
        capture
    })
}

/// Secrets the providers read or receive never show in logs (every crate,
/// TRACE), `Debug` output or error messages: the web identity token, the
/// container authorization token, the IMDS session token, SSO access and
/// refresh tokens and client secret, secret keys and session tokens; on the
/// paths that succeed, and on those that fail or fall back.
#[tokio::test]
async fn no_provider_shows_a_secret() {
    let logs = capture();
    let secrets = [
        "web-identity-token-SECRET",
        "container-auth-token-SECRET",
        "secret-irsa",
        "token-irsa",
        "secret-TASK",
        "token-TASK",
        "secret-IMDS",
        "token-IMDS",
        "imds-session-token-1",
        "env-secret-SECRET",
        "sso-access-token-SECRET",
        "sso-refreshed-token-SECRET",
        "refresh-token-SECRET",
        "client-secret-SECRET",
        "sso-role-secret-SECRET",
        "sso-role-token-SECRET",
    ];
    let sts = Server::with_handler(sts_handler).await;
    let task = Server::always(Reply::raw(200, credentials_json("TASK", FUTURE))).await;
    let (imds, _) = fake_imds(credentials_json("IMDS", FUTURE)).await;
    let sso = Server::with_handler(sso_handler).await;
    let home = sso_home(&sso);
    let token_file = home.file("token", "web-identity-token-SECRET");
    let task_uri = format!("{}/creds", task.url());
    let vars = [
        ("AWS_WEB_IDENTITY_TOKEN_FILE", token_file.as_str()),
        ("AWS_ROLE_ARN", "arn:aws:iam::1:role/irsa"),
        ("AWS_ENDPOINT_URL_STS", &sts.url()),
        ("AWS_CONTAINER_CREDENTIALS_FULL_URI", &task_uri),
        ("AWS_CONTAINER_AUTHORIZATION_TOKEN", "container-auth-token-SECRET"),
        ("AWS_EC2_METADATA_SERVICE_ENDPOINT", &imds.url()),
        ("AWS_SECRET_ACCESS_KEY", "env-secret-SECRET"),
        ("AWS_ENDPOINT_URL_SSO", &sso.url()),
        ("AWS_ENDPOINT_URL_SSO_OIDC", &sso.url()),
        ("AWS_PROFILE", "sso"),
    ];
    let env = home.env(&vars);
    let web = WebIdentity::with_environment(env.clone());
    let container = Container::with_environment(env.clone());
    let imds_provider = Imds::with_environment(env.clone());
    let sso_provider = Profile::with_environment(env.clone());
    let chain = DefaultChain::with_environment(env.clone());
    cache(
        &home,
        SESSION_CACHE,
        serde_json::json!({
            "accessToken": "sso-access-token-SECRET", "expiresAt": PAST,
            "refreshToken": "refresh-token-SECRET", "clientId": "client-id",
            "clientSecret": "client-secret-SECRET"
        }),
    );
    let mut shown = Vec::new();
    for c in [
        load(&web).await.unwrap(),
        load(&container).await.unwrap(),
        load(&imds_provider).await.unwrap(),
        load(&sso_provider).await.unwrap(),
        load(&chain).await.unwrap(),
    ] {
        shown.push(format!("{c:?}"));
    }
    // Failing paths: a refused role (the fake echoes the token), a container
    // endpoint that refuses, IMDS down (the last credentials go on, with a
    // warning), SSO tokens the portal and SSO-OIDC refuse.
    let denied = WebIdentity::with_environment(home.env(&[
        ("AWS_WEB_IDENTITY_TOKEN_FILE", &token_file),
        ("AWS_ROLE_ARN", "arn:aws:iam::1:role/denied"),
        ("AWS_ENDPOINT_URL_STS", &sts.url()),
    ]));
    let mut errors = vec![load(&denied).await.unwrap_err()];
    task.set_handler(|_| Reply::raw(403, "container-auth-token-SECRET refused"));
    errors.push(load(&container).await.unwrap_err());
    imds.set_handler(|_| Reply::raw(500, "down"));
    shown.push(format!("{:?}", load(&imds_provider).await.unwrap()));
    cache(
        &home,
        SESSION_CACHE,
        serde_json::json!({
            "accessToken": "sso-access-token-SECRET", "expiresAt": PAST,
            "refreshToken": "refresh-token-SECRET-wrong", "clientId": "client-id",
            "clientSecret": "client-secret-SECRET"
        }),
    );
    errors.push(load(&sso_provider).await.unwrap_err());
    sso.set_handler(|_| Reply::raw(401, r#"{"message":"sso-access-token-SECRET is invalid"}"#));
    cache(
        &home,
        SESSION_CACHE,
        serde_json::json!({
            "accessToken": "sso-access-token-SECRET", "expiresAt": FUTURE
        }),
    );
    errors.push(load(&sso_provider).await.unwrap_err());
    for error in &errors {
        shown.push(format!("{error:?} {error} {}", reason(error)));
    }
    shown.push(format!(
        "{env:?} {web:?} {container:?} {imds_provider:?} {sso_provider:?} {chain:?} {chain:#?}"
    ));
    let text = shown.join("\n");
    let logged = logs.text();
    for secret in secrets {
        assert!(!text.contains(secret), "{secret} shown:\n{text}");
        assert!(!logged.contains(secret), "{secret} logged:\n{logged}");
    }
    // What may show does: the searches looked at real output.
    assert!(text.contains("ASIA-irsa") && text.contains("AccessDenied"), "{text}");
    assert!(text.contains("HTTP 401") && text.contains("invalid_grant"), "{text}");
    assert!(logged.contains("using the last ones"), "{logged}");
    assert!(logged.contains("credentials loaded"), "{logged}");
}

// ---------------------------------------------------------------------------
// SSO: a fake portal (GetRoleCredentials) and SSO-OIDC (CreateToken).

/// SHA-1 of `my-sso` and of the legacy start URL: the CLI's cache names.
const SESSION_CACHE: &str = "0ad374308c5a4e22f723adf10145eafad7c4031c.json";
const LEGACY_CACHE: &str = "79e435d7a515078e81c9dffc35f38d5687ebd3a7.json";
const LEGACY_URL: &str = "https://legacy.awsapps.com/start";

fn sso_handler(r: &Recorded) -> Reply {
    match (r.method.as_str(), r.path.split('?').next().unwrap()) {
        ("GET", "/federation/credentials") => {
            match r.header("x-amz-sso_bearer_token") {
                Some("sso-access-token-SECRET" | "sso-refreshed-token-SECRET") => {}
                _ => {
                    return Reply::raw(401, r#"{"message":"Session token not found or invalid"}"#)
                        .header("x-amzn-ErrorType", "UnauthorizedException");
                }
            }
            let token = r.header("x-amz-sso_bearer_token").unwrap();
            let id = if token.contains("refreshed") { "SSO-REFRESHED" } else { "SSO" };
            Reply::raw(
                200,
                serde_json::json!({"roleCredentials": {
                    "accessKeyId": id, "secretAccessKey": "sso-role-secret-SECRET",
                    "sessionToken": "sso-role-token-SECRET", "expiration": FUTURE_SECS * 1000
                }})
                .to_string(),
            )
        }
        ("POST", "/token") => {
            let body: serde_json::Value = serde_json::from_slice(&r.body).unwrap();
            let expected = serde_json::json!({
                "clientId": "client-id", "clientSecret": "client-secret-SECRET",
                "grantType": "refresh_token", "refreshToken": "refresh-token-SECRET"
            });
            if body != expected {
                return Reply::raw(400, r#"{"error":"invalid_grant"}"#);
            }
            Reply::raw(
                200,
                r#"{"accessToken":"sso-refreshed-token-SECRET","expiresIn":3600,"tokenType":"Bearer","refreshToken":"refresh-token-2-SECRET"}"#,
            )
        }
        _ => Reply::raw(404, ""),
    }
}

fn sso_home(server: &Server) -> Home {
    let home = Home::new(
        "[profile sso]\nsso_session = my-sso\nsso_account_id = 111122223333\nsso_role_name = Admin\n\
         [sso-session my-sso]\nsso_start_url = https://my.awsapps.com/start\nsso_region = eu-west-1\n\
         sso_registration_scopes = sso:account:access\n\
         [profile legacy]\nsso_start_url = LEGACY_URL\nsso_region = eu-west-1\n\
         sso_account_id = 111122223333\nsso_role_name = Admin\n\
         [profile orphan]\nsso_session = nowhere\nsso_account_id = 1\nsso_role_name = r\n"
            .replace("LEGACY_URL", LEGACY_URL)
            .as_str(),
        "",
    );
    std::fs::create_dir_all(home.0.path().join(".aws/sso/cache")).unwrap();
    let _ = server;
    home
}

fn cache(home: &Home, name: &str, token: serde_json::Value) {
    let path = home.0.path().join(".aws/sso/cache").join(name);
    std::fs::write(path, token.to_string()).unwrap();
}

fn sso_profile(home: &Home, server: &Server, profile: &str) -> Profile {
    Profile::with_environment(home.env(&[
        ("AWS_PROFILE", profile),
        ("AWS_ENDPOINT_URL_SSO", &server.url()),
        ("AWS_ENDPOINT_URL_SSO_OIDC", &server.url()),
    ]))
}

#[tokio::test]
async fn sso_session_profiles_use_the_cached_token() {
    let server = Server::with_handler(sso_handler).await;
    let home = sso_home(&server);
    cache(
        &home,
        SESSION_CACHE,
        serde_json::json!({
            "accessToken": "sso-access-token-SECRET", "expiresAt": FUTURE, "region": "eu-west-1",
            "startUrl": "https://my.awsapps.com/start"
        }),
    );
    let c = load(&sso_profile(&home, &server, "sso")).await.unwrap();
    assert_eq!((c.access_key_id(), c.session_token()), ("SSO", Some("sso-role-token-SECRET")));
    assert_eq!(expiry_secs(&c), FUTURE_SECS);
    let r = server.last_request();
    assert_eq!(r.path, "/federation/credentials?account_id=111122223333&role_name=Admin");

    // The legacy form: the cache is named after the start URL.
    cache(
        &home,
        LEGACY_CACHE,
        serde_json::json!({
            "accessToken": "sso-access-token-SECRET", "expiresAt": FUTURE
        }),
    );
    assert_eq!(load(&sso_profile(&home, &server, "legacy")).await.unwrap().access_key_id(), "SSO");
}

#[tokio::test]
async fn an_expired_sso_token_is_refreshed_and_saved() {
    let server = Server::with_handler(sso_handler).await;
    let home = sso_home(&server);
    cache(
        &home,
        SESSION_CACHE,
        serde_json::json!({
            "accessToken": "sso-old-token-SECRET", "expiresAt": PAST, "refreshToken": "refresh-token-SECRET",
            "clientId": "client-id", "clientSecret": "client-secret-SECRET",
            "registrationExpiresAt": FUTURE, "region": "eu-west-1", "startUrl": "https://my.awsapps.com/start"
        }),
    );
    let c = load(&sso_profile(&home, &server, "sso")).await.unwrap();
    assert_eq!(c.access_key_id(), "SSO-REFRESHED");
    let calls: Vec<String> = server.requests().iter().map(|r| r.method.clone()).collect();
    assert_eq!(calls, ["POST", "GET"]);
    let saved: serde_json::Value = serde_json::from_slice(
        &std::fs::read(home.0.path().join(".aws/sso/cache").join(SESSION_CACHE)).unwrap(),
    )
    .unwrap();
    assert_eq!(saved["accessToken"], "sso-refreshed-token-SECRET");
    assert_eq!(saved["refreshToken"], "refresh-token-2-SECRET");
    assert_eq!(saved["registrationExpiresAt"], FUTURE, "other members are kept");
    assert!(saved["expiresAt"].as_str().unwrap() > "2026-", "{saved}");
}

/// RFC 3339, `secs` from now.
fn rfc3339_in(secs: u64) -> String {
    let at = time::OffsetDateTime::from(SystemTime::now() + Duration::from_secs(secs));
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        at.year(),
        u8::from(at.month()),
        at.day(),
        at.hour(),
        at.minute(),
        at.second()
    )
}

#[tokio::test]
async fn an_sso_token_about_to_expire_is_refreshed_or_used_while_it_lasts() {
    let server = Server::with_handler(sso_handler).await;
    let home = sso_home(&server);
    let soon = rfc3339_in(120);
    let token = |refresh: &str| {
        serde_json::json!({
            "accessToken": "sso-access-token-SECRET", "expiresAt": soon, "refreshToken": refresh,
            "clientId": "client-id", "clientSecret": "client-secret-SECRET"
        })
    };
    cache(&home, SESSION_CACHE, token("refresh-token-SECRET"));
    let c = load(&sso_profile(&home, &server, "sso")).await.unwrap();
    assert_eq!(c.access_key_id(), "SSO-REFRESHED", "refreshed within 5 minutes of expiry");
    // A refresh that fails leaves the token in use until it expires.
    cache(&home, SESSION_CACHE, token("wrong-SECRET"));
    let c = load(&sso_profile(&home, &server, "sso")).await.unwrap();
    assert_eq!(c.access_key_id(), "SSO");
}

#[tokio::test]
async fn sso_errors_say_which_login_to_run() {
    let server = Server::with_handler(sso_handler).await;
    let home = sso_home(&server);
    // No cached token.
    let (not_loaded, m) = load_err(&sso_profile(&home, &server, "sso")).await;
    assert!(!not_loaded && m.contains("run `aws sso login --sso-session my-sso`"), "{m}");
    assert!(!m.contains("SECRET"), "{m}");
    // Expired, legacy form: cannot be refreshed.
    cache(
        &home,
        LEGACY_CACHE,
        serde_json::json!({
            "accessToken": "sso-old-token-SECRET", "expiresAt": PAST
        }),
    );
    let (_, m) = load_err(&sso_profile(&home, &server, "legacy")).await;
    assert!(m.contains("has expired") && m.contains("run `aws sso login --profile legacy`"), "{m}");
    assert!(!m.contains("SECRET"), "{m}");
    assert_eq!(server.request_count(), 0);
    // A token the portal no longer accepts.
    cache(
        &home,
        SESSION_CACHE,
        serde_json::json!({
            "accessToken": "sso-revoked-token-SECRET", "expiresAt": FUTURE
        }),
    );
    let (_, m) = load_err(&sso_profile(&home, &server, "sso")).await;
    assert!(m.contains("HTTP 401") && m.contains("aws sso login --sso-session my-sso"), "{m}");
    assert!(!m.contains("SECRET"), "{m}");
    // A refresh SSO-OIDC refuses.
    cache(
        &home,
        SESSION_CACHE,
        serde_json::json!({
            "accessToken": "sso-old-token-SECRET", "expiresAt": PAST, "refreshToken": "wrong-SECRET",
            "clientId": "client-id", "clientSecret": "client-secret-SECRET"
        }),
    );
    let (_, m) = load_err(&sso_profile(&home, &server, "sso")).await;
    assert!(
        m.contains("CreateToken") && m.contains("invalid_grant") && m.contains("aws sso login"),
        "{m}"
    );
    // A malformed cache file, and a missing section.
    cache(&home, SESSION_CACHE, serde_json::json!({"accessToken": "sso-access-token-SECRET"}));
    let (_, m) = load_err(&sso_profile(&home, &server, "sso")).await;
    assert!(m.contains("is malformed"), "{m}");
    assert!(!m.contains("SECRET"), "{m}");
    let (_, m) = load_err(&sso_profile(&home, &server, "orphan")).await;
    assert!(m.contains("no [sso-session nowhere] section"), "{m}");
    assert!(!m.contains("SECRET"), "{m}");
}

/// The chain reads nothing and calls nothing until a call needs
/// credentials: a client builds before the token file exists, and its first
/// call uses the file written since.
#[tokio::test]
async fn the_chain_is_resolved_on_first_use() {
    let sts = Server::with_handler(sts_handler).await;
    let sfn = Server::always(Reply::ok(r#"{"stateMachines": []}"#)).await;
    let home = Home::new("", "");
    let token_file = home.0.path().join("later-token").display().to_string();
    let chain = DefaultChain::with_environment(home.env(&[
        ("AWS_WEB_IDENTITY_TOKEN_FILE", &token_file),
        ("AWS_ROLE_ARN", "arn:aws:iam::1:role/later"),
        ("AWS_ENDPOINT_URL_STS", &sts.url()),
    ]));
    let client = sfn_lite::Client::builder()
        .region("eu-west-1")
        .endpoint_url(sfn.url())
        .credentials_provider(chain)
        .build()
        .unwrap();
    assert_eq!(sts.request_count(), 0);
    home.file("later-token", "eyJ-written-later");
    client.list_state_machines().await.unwrap();
    assert_eq!(form(&sts.last_request())["WebIdentityToken"], "eyJ-written-later");
    let authorization = sfn.last_request().header("authorization").unwrap().to_owned();
    assert!(authorization.contains("Credential=ASIA-later/"), "{authorization}");
}
