//! The EC2 instance metadata service, version 2 (session tokens): the
//! credentials of the instance profile's role.

use super::{Environment, describe, failed, from_json, not_loaded};
use aws_credential_types::Credentials;
use aws_credential_types::provider::error::CredentialsError;
use aws_credential_types::provider::{self, ProvideCredentials};
use reqwest::header::HeaderValue;
use std::sync::Mutex;
use std::time::{Duration, Instant, SystemTime};

const IPV4_ENDPOINT: &str = "http://169.254.169.254";
const IPV6_ENDPOINT: &str = "http://[fd00:ec2::254]";
const TOKEN_PATH: &str = "/latest/api/token";
const CREDENTIALS_PATH: &str = "/latest/meta-data/iam/security-credentials/";
const TOKEN_TTL_HEADER: &str = "x-aws-ec2-metadata-token-ttl-seconds";
const TOKEN_HEADER: &str = "x-aws-ec2-metadata-token";
/// The session token's lifetime asked for, in seconds (the SDKs' 6 hours).
const TOKEN_TTL_SECS: u64 = 21_600;
/// How long one request may take, connection included: a laptop with no
/// IMDS gives up after two of them.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(1);
/// How long credentials IMDS failed to renew stay in use, at least: the
/// SDKs' static stability (plus up to [`STALE_JITTER`]).
const STALE_EXTENSION: Duration = Duration::from_secs(15 * 60);
const STALE_JITTER: Duration = Duration::from_secs(5 * 60);

/// The instance profile's credentials from IMDSv2: a session token
/// (`PUT /latest/api/token`, kept for 6 hours and renewed when IMDS answers
/// 401), the role name, then the role's credentials.
///
/// - `AWS_EC2_METADATA_DISABLED=true` switches it off.
/// - The endpoint is `AWS_EC2_METADATA_SERVICE_ENDPOINT` (or the profile's
///   `ec2_metadata_service_endpoint`), else chosen by
///   `AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE` (or
///   `ec2_metadata_service_endpoint_mode`): `IPv4` (default,
///   `http://169.254.169.254`) or `IPv6` (`http://[fd00:ec2::254]`).
/// - Each request may take 1 s and is tried twice, so where there is no IMDS
///   it gives up after about 2 s.
/// - As the SDKs do, when IMDS is unreachable or hands out expired
///   credentials after it has given some, the last credentials are used
///   for another 15 to 20 minutes (logged as a warning), so an IMDS outage
///   does not stop a running service.
///
/// ```
/// use sfn_lite::credentials::Imds;
///
/// let client = sfn_lite::Client::builder()
///     .region("eu-west-1")
///     .credentials_provider(Imds::new())
///     .build();
/// ```
#[derive(Debug)]
pub struct Imds {
    env: Environment,
    state: Mutex<State>,
}

#[derive(Debug, Default)]
struct State {
    /// The session token (a sensitive header value) and when to renew it.
    token: Option<(HeaderValue, Instant)>,
    /// The last credentials handed out, for static stability.
    last: Option<Credentials>,
}

/// Why a fetch failed: IMDS is not there, or it answered wrongly.
enum Failure {
    Unavailable(String),
    Failed(String),
}

impl Imds {
    /// From the process's variables.
    pub fn new() -> Self {
        Self::with_environment(Environment::from_process())
    }

    /// From the given settings.
    pub fn with_environment(env: Environment) -> Self {
        Self { env, state: Mutex::new(State::default()) }
    }

    fn state(&self) -> std::sync::MutexGuard<'_, State> {
        // A panic while holding the lock cannot leave the state torn.
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    async fn load(&self) -> provider::Result {
        if self.env.var("AWS_EC2_METADATA_DISABLED").is_some_and(|v| v.eq_ignore_ascii_case("true"))
        {
            return Err(not_loaded("AWS_EC2_METADATA_DISABLED is true"));
        }
        let endpoint = self.endpoint()?;
        let fetched = self.fetch(&endpoint).await;
        let now = SystemTime::now();
        let last = self.state().last.clone();
        let credentials = match (fetched, last) {
            (Ok(c), _) if c.expiry().is_none_or(|at| at > now) => c,
            (Ok(c), _) => {
                tracing::warn!(
                    "IMDS handed out expired credentials; using them for another 15 minutes, \
                     as the AWS SDKs do"
                );
                extend(c, now)
            }
            (Err(Failure::Unavailable(why) | Failure::Failed(why)), Some(last)) => {
                tracing::warn!(
                    reason = %why,
                    "cannot renew credentials from IMDS; using the last ones for another 15 minutes"
                );
                extend(last, now)
            }
            (Err(Failure::Unavailable(why)), None) => return Err(not_loaded(why)),
            (Err(Failure::Failed(why)), None) => return Err(failed(why)),
        };
        self.state().last = Some(credentials.clone());
        Ok(credentials)
    }

    fn endpoint(&self) -> Result<String, CredentialsError> {
        let setting = |var: &str, key: &str| {
            self.env.var(var).map(str::to_owned).or_else(|| self.env.profile_value(key))
        };
        if let Some(url) =
            setting("AWS_EC2_METADATA_SERVICE_ENDPOINT", "ec2_metadata_service_endpoint")
        {
            return Ok(url.trim_end_matches('/').to_owned());
        }
        let mode =
            setting("AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE", "ec2_metadata_service_endpoint_mode");
        match mode.as_deref() {
            None => Ok(IPV4_ENDPOINT.to_owned()),
            Some(m) if m.eq_ignore_ascii_case("ipv4") => Ok(IPV4_ENDPOINT.to_owned()),
            Some(m) if m.eq_ignore_ascii_case("ipv6") => Ok(IPV6_ENDPOINT.to_owned()),
            Some(other) => {
                Err(failed(format!("the IMDS endpoint mode {other:?} is neither IPv4 nor IPv6")))
            }
        }
    }

    async fn fetch(&self, endpoint: &str) -> Result<Credentials, Failure> {
        let http = self.env.http().map_err(|e| Failure::Failed(super::reason(&e)))?;
        let list = self.get(&http, endpoint, CREDENTIALS_PATH).await?;
        let role = list.lines().map(str::trim).find(|l| !l.is_empty()).ok_or_else(|| {
            Failure::Unavailable(format!("{endpoint}: the instance has no IAM role"))
        })?;
        let body = self.get(&http, endpoint, &format!("{CREDENTIALS_PATH}{role}")).await?;
        #[derive(serde::Deserialize)]
        struct Code {
            #[serde(rename = "Code")]
            code: Option<String>,
        }
        let what = format!("the IMDS credentials of role {role}");
        match serde_json::from_str::<Code>(&body).ok().and_then(|c| c.code) {
            Some(code) if code != "Success" => {
                return Err(Failure::Failed(format!("{what} came with Code {code:?}")));
            }
            _ => {}
        }
        from_json(body.as_bytes(), &what, "imds").map_err(Failure::Failed)
    }

    /// A GET with the session token, renewing the token once on a 401.
    async fn get(
        &self,
        http: &reqwest::Client,
        endpoint: &str,
        path: &str,
    ) -> Result<String, Failure> {
        for renewed in [false, true] {
            let token = self.token(http, endpoint).await?;
            let url = format!("{endpoint}{path}");
            let (status, body) = send(http.get(&url).header(TOKEN_HEADER, token), &url).await?;
            match status {
                200 => return Ok(body),
                401 if !renewed => self.state().token = None,
                404 if path == CREDENTIALS_PATH => {
                    return Err(Failure::Unavailable(format!(
                        "{url}: the instance has no IAM role"
                    )));
                }
                _ => return Err(Failure::Failed(format!("{url} answered HTTP {status}"))),
            }
        }
        Err(Failure::Failed(format!("{endpoint}{path} refused a fresh session token (HTTP 401)")))
    }

    /// The session token, fetched when there is none or it is due.
    async fn token(&self, http: &reqwest::Client, endpoint: &str) -> Result<HeaderValue, Failure> {
        if let Some((token, renew_at)) = &self.state().token {
            if Instant::now() < *renew_at {
                return Ok(token.clone());
            }
        }
        let url = format!("{endpoint}{TOKEN_PATH}");
        let request = http.put(&url).header(TOKEN_TTL_HEADER, TOKEN_TTL_SECS.to_string());
        let (status, body) = send(request, &url).await?;
        if status != 200 {
            return Err(Failure::Unavailable(format!(
                "{url} answered HTTP {status} to the session token request"
            )));
        }
        let mut token = HeaderValue::from_str(body.trim()).map_err(|_| {
            Failure::Failed(format!("{url} answered a session token no header can hold"))
        })?;
        token.set_sensitive(true);
        let renew_at = Instant::now() + Duration::from_secs(TOKEN_TTL_SECS - 60);
        self.state().token = Some((token.clone(), renew_at));
        Ok(token)
    }
}

/// Sends a request, tried twice when it gets no answer or a 5xx.
async fn send(request: reqwest::RequestBuilder, url: &str) -> Result<(u16, String), Failure> {
    let mut last = String::new();
    for _ in 0..2 {
        let Some(attempt) = request.try_clone() else { break };
        match attempt.timeout(REQUEST_TIMEOUT).send().await {
            Ok(response) => {
                let status = response.status().as_u16();
                match response.text().await {
                    Ok(body) if status < 500 => return Ok((status, body)),
                    Ok(_) => last = format!("HTTP {status}"),
                    Err(e) => last = describe(&e),
                }
            }
            Err(e) => last = describe(&e),
        }
    }
    Err(Failure::Unavailable(format!("no answer from {url} (2 attempts of 1 s): {last}")))
}

/// The credentials, valid for another 15 to 20 minutes.
fn extend(credentials: Credentials, now: SystemTime) -> Credentials {
    let jitter = STALE_JITTER.mul_f64(crate::random::unit());
    let until = now + STALE_EXTENSION + jitter;
    Credentials::new(
        credentials.access_key_id(),
        credentials.secret_access_key(),
        credentials.session_token().map(str::to_owned),
        Some(until),
        "imds",
    )
}

impl Default for Imds {
    fn default() -> Self {
        Self::new()
    }
}

impl ProvideCredentials for Imds {
    fn provide_credentials<'a>(&'a self) -> provider::future::ProvideCredentials<'a>
    where
        Self: 'a,
    {
        provider::future::ProvideCredentials::new(self.load())
    }
}
