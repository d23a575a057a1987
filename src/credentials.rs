//! Credentials: the cache the transport signs from, and the default provider
//! [`Client::from_env`](crate::Client::from_env) uses (environment variables,
//! then the profile [`crate::config`] selected). Any [`ProvideCredentials`]
//! plugs in instead, including an `aws-config` chain.
//!
//! It reads settings, never writes them, and signs nothing. Secrets never
//! leave this module through `Debug` or logs.

use crate::config::{Env, SelectedProfile};
use crate::error::{Error, ErrorKind};
use crate::profile::Properties;
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

/// Profile settings that get credentials some other way (assume role, SSO,
/// an external process, ...). The SDKs prefer them over static keys.
const UNSUPPORTED_PROFILE_KEYS: &[&str] = &[
    "role_arn",
    "credential_source",
    "web_identity_token_file",
    "sso_session",
    "sso_start_url",
    "credential_process",
    "login_session",
];

/// The credentials [`Client::from_env`](crate::Client::from_env) finds: the
/// `AWS_ACCESS_KEY_ID`/`AWS_SECRET_ACCESS_KEY`/`AWS_SESSION_TOKEN` variables,
/// else the profile's `aws_access_key_id`/`aws_secret_access_key`/
/// `aws_session_token`.
///
/// It is resolved once, from what `from_env` read; as in the SDKs, finding
/// none is not an error until a call needs credentials.
#[derive(Debug)]
pub(crate) struct DefaultCredentialsChain(Result<Credentials, String>);

impl DefaultCredentialsChain {
    /// From the environment, else the selected profile.
    pub(crate) fn resolve(env: &Env<'_>, profile: &SelectedProfile) -> Self {
        let id = env.get("AWS_ACCESS_KEY_ID");
        let secret = env.get("AWS_SECRET_ACCESS_KEY");
        if let (Some(id), Some(secret)) = (id, secret) {
            let token = env.get("AWS_SESSION_TOKEN");
            return Self(Ok(Credentials::new(id, secret, token, None, "environment")));
        }
        Self(from_profile(&profile.name, &profile.properties, &profile.files))
    }
}

fn from_profile(name: &str, profile: &Properties, files: &str) -> Result<Credentials, String> {
    if let Some(key) = UNSUPPORTED_PROFILE_KEYS.iter().find(|k| profile.contains_key(**k)) {
        return Err(format!(
            "profile `{name}` gets credentials through `{key}`, which sfn-lite does not \
             support; pass an aws-config credentials provider to \
             ClientBuilder::credentials_provider"
        ));
    }
    let get = |key: &str| profile.get(key).filter(|v| !v.is_empty()).cloned();
    match (get("aws_access_key_id"), get("aws_secret_access_key")) {
        (Some(id), Some(secret)) => {
            Ok(Credentials::new(id, secret, get("aws_session_token"), None, "profile"))
        }
        (Some(_), None) => {
            Err(format!("profile `{name}` sets aws_access_key_id but not aws_secret_access_key"))
        }
        (None, _) => Err(format!(
            "no credentials found: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not both \
             set, and profile `{name}` in {files} has no aws_access_key_id"
        )),
    }
}

impl ProvideCredentials for DefaultCredentialsChain {
    fn provide_credentials<'a>(&'a self) -> provider::future::ProvideCredentials<'a>
    where
        Self: 'a,
    {
        provider::future::ProvideCredentials::ready(match &self.0 {
            Ok(credentials) => Ok(credentials.clone()),
            Err(reason) => Err(CredentialsError::not_loaded(reason.clone())),
        })
    }
}
