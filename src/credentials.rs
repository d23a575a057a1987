//! Credentials: the cache the transport signs from, and the default provider
//! [`Client::from_env`](crate::Client::from_env) uses (environment variables,
//! then the shared credentials and config files). Any
//! [`ProvideCredentials`] plugs in instead, including an `aws-config` chain.
//!
//! Secrets never leave this module through `Debug` or logs.

use crate::error::{Error, ErrorKind};
use aws_credential_types::Credentials;
use aws_credential_types::provider::{ProvideCredentials, SharedCredentialsProvider};
use std::sync::Mutex;
use std::time::{Duration, SystemTime};

/// How long before expiry cached credentials are refreshed.
const REFRESH_BEFORE_EXPIRY: Duration = Duration::from_secs(5 * 60);

/// Caches the provider's credentials until shortly before they expire, so a
/// call does not re-read files or call out for each request.
#[derive(Debug)]
pub(crate) struct CredentialsCache {
    provider: SharedCredentialsProvider,
    cached: Mutex<Option<Credentials>>,
}

impl CredentialsCache {
    pub(crate) fn new(provider: SharedCredentialsProvider) -> Self {
        Self { provider, cached: Mutex::new(None) }
    }

    /// Fresh credentials: cached ones if they stay valid for a while, else
    /// new ones from the provider.
    pub(crate) async fn get(&self) -> Result<Credentials, Error> {
        let now = SystemTime::now();
        if let Some(c) = self.lock().as_ref().filter(|c| fresh(c, now)) {
            return Ok(c.clone());
        }
        let credentials = self.provider.provide_credentials().await.map_err(|e| {
            Error::with_message(ErrorKind::Credentials, "cannot load credentials").with_source(e)
        })?;
        if credentials.expiry().is_some_and(|at| at <= now) {
            return Err(Error::with_message(
                ErrorKind::Credentials,
                "the credentials provider returned expired credentials",
            ));
        }
        *self.lock() = Some(credentials.clone());
        Ok(credentials)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Option<Credentials>> {
        // A panic while holding this lock cannot leave the Option torn.
        self.cached.lock().unwrap_or_else(|p| p.into_inner())
    }
}

fn fresh(c: &Credentials, now: SystemTime) -> bool {
    c.expiry().is_none_or(|at| at > now + REFRESH_BEFORE_EXPIRY)
}

/// Wraps any provider for [`crate::ClientBuilder::credentials_provider`].
pub(crate) fn shared(provider: impl ProvideCredentials + 'static) -> SharedCredentialsProvider {
    SharedCredentialsProvider::new(provider)
}
