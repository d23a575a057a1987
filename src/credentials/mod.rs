//! Credentials: the default chain the AWS SDKs use and each of its
//! providers, and the cache the transport signs from.
//!
//! [`Client::from_env`](crate::Client::from_env) uses [`DefaultChain`]; each
//! provider also works on its own through
//! [`ClientBuilder::credentials_provider`](crate::ClientBuilder::credentials_provider),
//! and so does any other [`ProvideCredentials`].
//!
//! ```no_run
//! # fn demo() -> Result<(), sfn_lite::Error> {
//! use sfn_lite::credentials::Imds;
//!
//! let client = sfn_lite::Client::builder()
//!     .region("eu-west-1")
//!     .credentials_provider(Imds::new())
//!     .build()?;
//! # Ok(()) }
//! ```
//!
//! Providers read their settings from an [`Environment`]: the process's
//! variables and shared files, or ones given explicitly. They fetch
//! nothing until asked for credentials, and the client's cache asks again
//! only shortly before the credentials expire. Secrets (keys, session and
//! web identity tokens, SSO tokens, the container authorization token)
//! never leave this module through `Debug`, logs or error messages.

mod container;
mod env_vars;
mod environment;
mod imds;
mod process;
mod profile;
mod sso;
mod sts;
mod web_identity;

pub use container::Container;
pub use env_vars::EnvironmentVariables;
pub use environment::Environment;
pub use imds::Imds;
pub use process::CredentialProcess;
pub use profile::Profile;
pub use web_identity::WebIdentity;

use crate::error::{Error, ErrorKind};
use aws_credential_types::Credentials;
use aws_credential_types::provider::error::CredentialsError;
use aws_credential_types::provider::{self, ProvideCredentials, SharedCredentialsProvider};
use std::sync::Mutex;
use std::time::{Duration, SystemTime};

/// How long before expiry cached credentials are refreshed.
const REFRESH_BEFORE_EXPIRY: Duration = Duration::from_secs(5 * 60);
/// How long cached credentials must stay valid to be used when a refresh
/// fails, so one in flight does not expire before the service checks it.
const MIN_REMAINING_ON_FAILED_REFRESH: Duration = Duration::from_secs(60);

/// Caches the provider's credentials until shortly before they expire, so a
/// call does not re-read files or call out for each request.
///
/// Refreshes are single-flight: callers that find the cache stale wait for
/// the one refresh under way instead of each calling the provider. A request
/// is never signed with expired credentials: a provider that fails (with no
/// cached credentials valid for another minute) or hands out expired ones
/// gives an [`ErrorKind::Credentials`] error before anything is sent.
#[derive(Debug)]
pub(crate) struct CredentialsCache {
    provider: SharedCredentialsProvider,
    cached: Mutex<Option<Credentials>>,
    refresh: tokio::sync::Mutex<()>,
}

impl CredentialsCache {
    pub(crate) fn new(provider: SharedCredentialsProvider) -> Self {
        Self { provider, cached: Mutex::new(None), refresh: tokio::sync::Mutex::new(()) }
    }

    /// Fresh credentials: cached ones if they stay valid for a while, else
    /// new ones from the provider.
    pub(crate) async fn get(&self) -> Result<Credentials, Error> {
        if let Some(c) = self.cached_if(|c| fresh(c, SystemTime::now())) {
            return Ok(c);
        }
        let _refreshing = self.refresh.lock().await;
        // Whoever held the lock before us may have refreshed already.
        if let Some(c) = self.cached_if(|c| fresh(c, SystemTime::now())) {
            return Ok(c);
        }
        let loaded = self.provider.provide_credentials().await;
        let now = SystemTime::now();
        let error = match loaded {
            Ok(c) if c.expiry().is_some_and(|at| at <= now) => Error::with_message(
                ErrorKind::Credentials,
                "the credentials provider returned expired credentials",
            ),
            Ok(c) => {
                *self.lock() = Some(c.clone());
                return Ok(c);
            }
            Err(e) => {
                // `CredentialsError` displays only its variant; the reason is its source.
                let message = match std::error::Error::source(&e) {
                    Some(reason) => format!("cannot load credentials: {reason}"),
                    None => "cannot load credentials".to_owned(),
                };
                Error::with_message(ErrorKind::Credentials, message).with_source(e)
            }
        };
        // Credentials due for a refresh but still good for a while beat none.
        let usable = |c: &Credentials| {
            c.expiry().is_none_or(|at| at > now + MIN_REMAINING_ON_FAILED_REFRESH)
        };
        match self.cached_if(usable) {
            Some(c) => {
                tracing::warn!(error = %error, "credentials refresh failed; using cached credentials until they expire");
                Ok(c)
            }
            None => Err(error),
        }
    }

    fn cached_if(&self, keep: impl Fn(&Credentials) -> bool) -> Option<Credentials> {
        self.lock().as_ref().filter(|c| keep(c)).cloned()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Option<Credentials>> {
        // A panic while holding this lock cannot leave the Option torn.
        self.cached.lock().unwrap_or_else(|p| p.into_inner())
    }
}

fn fresh(c: &Credentials, now: SystemTime) -> bool {
    c.expiry().is_none_or(|at| at > now + REFRESH_BEFORE_EXPIRY)
}

/// The default credentials chain of the AWS SDKs, tried in this order on
/// each (re)fetch; the first source that is configured answers:
///
/// 1. [`EnvironmentVariables`]: `AWS_ACCESS_KEY_ID` + `AWS_SECRET_ACCESS_KEY`
///    (+ `AWS_SESSION_TOKEN`);
/// 2. [`WebIdentity`]: `AWS_WEB_IDENTITY_TOKEN_FILE` + `AWS_ROLE_ARN`
///    (EKS IRSA);
/// 3. [`Profile`]: the selected profile of the shared files, in any form the
///    AWS CLI supports (static keys, assume role, web identity, SSO,
///    `credential_process`);
/// 4. [`Container`]: `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI` or
///    `AWS_CONTAINER_CREDENTIALS_FULL_URI` (ECS, Fargate, EKS Pod Identity);
/// 5. [`Imds`]: the EC2 instance metadata service (IMDSv2), unless
///    `AWS_EC2_METADATA_DISABLED` is `true`.
///
/// A source that is configured but fails (a role STS refuses, a malformed
/// answer) ends the search with its error, as in the SDKs. When no source is
/// configured the error lists each one and why it gave nothing.
///
/// ```no_run
/// # fn demo() -> Result<(), sfn_lite::Error> {
/// use sfn_lite::credentials::{DefaultChain, Environment};
///
/// // The same chain `Client::from_env` uses, from explicit settings.
/// let env = Environment::from_vars([("AWS_PROFILE", "ci"), ("AWS_REGION", "eu-west-1")]);
/// let client = sfn_lite::Client::builder()
///     .region("eu-west-1")
///     .credentials_provider(DefaultChain::with_environment(env))
///     .build()?;
/// # Ok(()) }
/// ```
pub struct DefaultChain {
    env: Environment,
    environment: EnvironmentVariables,
    web_identity: WebIdentity,
    profile: Profile,
    container: Container,
    imds: Imds,
}

impl DefaultChain {
    /// The chain over the process's environment and shared files.
    pub fn new() -> Self {
        Self::with_environment(Environment::from_process())
    }

    /// The chain over the given settings.
    pub fn with_environment(env: Environment) -> Self {
        Self {
            environment: EnvironmentVariables::with_environment(env.clone()),
            web_identity: WebIdentity::with_environment(env.clone()),
            profile: Profile::with_environment(env.clone()),
            container: Container::with_environment(env.clone()),
            imds: Imds::with_environment(env.clone()),
            env,
        }
    }

    async fn load(&self) -> provider::Result {
        let sources: [(&str, &dyn ProvideCredentials); 5] = [
            ("environment variables", &self.environment),
            ("web identity", &self.web_identity),
            ("profile", &self.profile),
            ("container credentials", &self.container),
            ("EC2 instance metadata", &self.imds),
        ];
        let mut tried = Vec::with_capacity(sources.len());
        for (name, source) in sources {
            match source.provide_credentials().await {
                Ok(credentials) => {
                    tracing::debug!(source = name, "credentials loaded");
                    return Ok(credentials);
                }
                Err(e @ CredentialsError::CredentialsNotLoaded(_)) => {
                    tried.push(format!("{name}: {}", reason(&e)));
                }
                Err(e) => return Err(failed(format!("{name}: {}", reason(&e)))),
            }
        }
        Err(not_loaded(format!("no credentials found; tried {}", tried.join("; "))))
    }
}

impl std::fmt::Debug for DefaultChain {
    /// Its settings once, not once per source.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DefaultChain").field("env", &self.env).finish_non_exhaustive()
    }
}

impl Default for DefaultChain {
    fn default() -> Self {
        Self::new()
    }
}

impl ProvideCredentials for DefaultChain {
    fn provide_credentials<'a>(&'a self) -> provider::future::ProvideCredentials<'a>
    where
        Self: 'a,
    {
        provider::future::ProvideCredentials::new(self.load())
    }
}

/// Why a provider gave no credentials: `CredentialsError` displays only its
/// variant; the reason is its source.
fn reason(error: &CredentialsError) -> String {
    match std::error::Error::source(error) {
        Some(reason) => reason.to_string(),
        None => error.to_string(),
    }
}

/// The request error and its causes (connection refused, timed out, ...).
fn describe(error: &reqwest::Error) -> String {
    let mut text = if error.is_timeout() { "timed out".to_owned() } else { error.to_string() };
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        text = format!("{text}: {cause}");
        source = cause.source();
    }
    text
}

/// A source that is not configured, and why.
fn not_loaded(reason: impl Into<String>) -> CredentialsError {
    CredentialsError::not_loaded(reason.into())
}

/// A source that is configured but failed, and why.
fn failed(reason: impl Into<String>) -> CredentialsError {
    CredentialsError::provider_error(reason.into())
}

/// Credentials in the JSON the container endpoint, IMDS and
/// `credential_process` answer with; `what` names the answer in errors.
fn from_json(body: &[u8], what: &str, provider_name: &'static str) -> Result<Credentials, String> {
    #[derive(serde::Deserialize)]
    #[serde(rename_all = "PascalCase")]
    struct Answer {
        access_key_id: Option<String>,
        secret_access_key: Option<String>,
        #[serde(alias = "SessionToken")]
        token: Option<String>,
        expiration: Option<String>,
    }
    // serde's message may quote the body, which holds secrets: only its place.
    let answer: Answer = serde_json::from_slice(body).map_err(|e| {
        format!("{what} is not the expected JSON (line {}, column {})", e.line(), e.column())
    })?;
    let (Some(id), Some(secret)) = (answer.access_key_id, answer.secret_access_key) else {
        return Err(format!("{what} has no AccessKeyId and SecretAccessKey"));
    };
    let expiry = answer
        .expiration
        .map(|at| parse_expiration(&at).map_err(|e| format!("{what}: {e}")))
        .transpose()?;
    Ok(Credentials::new(id, secret, answer.token, expiry, provider_name))
}

/// An RFC 3339 time (`2026-11-30T12:00:00Z`), as every source writes expiries.
fn parse_expiration(text: &str) -> Result<SystemTime, String> {
    use time::format_description::well_known::Rfc3339;
    time::OffsetDateTime::parse(text, &Rfc3339)
        .map(SystemTime::from)
        .map_err(|_| format!("the expiration {text:?} is not an RFC 3339 time"))
}

/// A session name for an assumed role when none is configured, as the SDKs
/// make one: unique enough to tell sessions apart in CloudTrail.
fn default_session_name() -> String {
    let millis =
        SystemTime::now().duration_since(SystemTime::UNIX_EPOCH).map_or(0, |d| d.as_millis());
    format!("sfn-lite-{millis}")
}
