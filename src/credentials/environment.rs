//! The settings every provider reads: a snapshot of the environment
//! variables, the shared files (read on first use) and the HTTP client the
//! providers share (built on first use).

use super::failed;
use crate::config::{self, Env, SelectedProfile};
use crate::profile;
use aws_credential_types::provider::error::CredentialsError;
use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

/// The variables the providers read; the snapshot keeps only these.
const VARIABLES: &[&str] = &[
    "HOME",
    "USERPROFILE",
    "AWS_PROFILE",
    "AWS_CONFIG_FILE",
    "AWS_SHARED_CREDENTIALS_FILE",
    "AWS_REGION",
    "AWS_DEFAULT_REGION",
    "AWS_ACCESS_KEY_ID",
    "AWS_SECRET_ACCESS_KEY",
    "AWS_SESSION_TOKEN",
    "AWS_WEB_IDENTITY_TOKEN_FILE",
    "AWS_ROLE_ARN",
    "AWS_ROLE_SESSION_NAME",
    "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
    "AWS_CONTAINER_CREDENTIALS_FULL_URI",
    "AWS_CONTAINER_AUTHORIZATION_TOKEN",
    "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE",
    "AWS_EC2_METADATA_DISABLED",
    "AWS_EC2_METADATA_SERVICE_ENDPOINT",
    "AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE",
    "AWS_ENDPOINT_URL",
    "AWS_ENDPOINT_URL_STS",
    "AWS_ENDPOINT_URL_SSO",
    "AWS_ENDPOINT_URL_SSO_OIDC",
    "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS",
];

/// What the credentials providers read: environment variables and the
/// shared config and credentials files they point to.
///
/// The variables are read when it is made; the files when a provider first
/// needs them. Cloning shares the files read and the HTTP client.
///
/// ```
/// use sfn_lite::credentials::{Environment, WebIdentity};
///
/// let env = Environment::from_vars([
///     ("AWS_WEB_IDENTITY_TOKEN_FILE", "/var/run/secrets/token"),
///     ("AWS_ROLE_ARN", "arn:aws:iam::123456789012:role/app"),
///     ("AWS_REGION", "eu-west-1"),
/// ]);
/// let provider = WebIdentity::with_environment(env);
/// ```
#[derive(Clone)]
pub struct Environment(Arc<Inner>);

struct Inner {
    vars: HashMap<String, String>,
    /// The client's region, which wins over the variables and the profile.
    region: Option<String>,
    profile: OnceLock<Result<Arc<SelectedProfile>, String>>,
    http: OnceLock<Result<reqwest::Client, String>>,
}

impl fmt::Debug for Environment {
    /// Variable names only: their values may be secrets.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut names: Vec<&str> = self.0.vars.keys().map(String::as_str).collect();
        names.sort_unstable();
        f.debug_struct("Environment").field("variables", &names).finish_non_exhaustive()
    }
}

impl Environment {
    /// The process's environment variables, now, and the files they point to.
    pub fn from_process() -> Self {
        Self::from_env(&Env::process(), None)
    }

    /// These variables instead of the process's (`HOME` among them, for the
    /// shared files); any variable not given is unset.
    pub fn from_vars<K: Into<String>, V: Into<String>>(
        vars: impl IntoIterator<Item = (K, V)>,
    ) -> Self {
        let vars = vars.into_iter().map(|(k, v)| (k.into(), v.into())).collect();
        Self::new(vars, OnceLock::new())
    }

    /// From `env`, with the profile already selected from it, if it was.
    pub(crate) fn from_env(env: &Env<'_>, selected: Option<SelectedProfile>) -> Self {
        let vars = VARIABLES
            .iter()
            .filter_map(|name| Some(((*name).to_owned(), env.get(name)?)))
            .collect();
        let profile = OnceLock::new();
        if let Some(selected) = selected {
            let _ = profile.set(Ok(Arc::new(selected)));
        }
        Self::new(vars, profile)
    }

    fn new(
        vars: HashMap<String, String>,
        profile: OnceLock<Result<Arc<SelectedProfile>, String>>,
    ) -> Self {
        Self(Arc::new(Inner { vars, region: None, profile, http: OnceLock::new() }))
    }

    /// The same settings, with STS and the SSO portal reached in `region`
    /// (the client's), whatever the variables and the profile say.
    pub(crate) fn with_region(&self, region: String) -> Self {
        let Inner { vars, profile, http, .. } = &*self.0;
        Self(Arc::new(Inner {
            vars: vars.clone(),
            region: Some(region),
            profile: profile.clone(),
            http: http.clone(),
        }))
    }

    /// A variable's value; an empty one counts as unset.
    pub(crate) fn var(&self, name: &str) -> Option<&str> {
        self.0.vars.get(name).map(String::as_str).filter(|v| !v.is_empty())
    }

    /// The selected profile and every other, read on first use.
    pub(crate) fn profiles(&self) -> Result<Arc<SelectedProfile>, CredentialsError> {
        let loaded = self.0.profile.get_or_init(|| {
            let lookup = |name: &str| self.0.vars.get(name).cloned();
            config::select_profile(&Env::new(&lookup)).map(Arc::new).map_err(|e| e.to_string())
        });
        loaded.clone().map_err(failed)
    }

    /// A property of the selected profile.
    pub(crate) fn profile_value(&self, key: &str) -> Option<String> {
        let selected = self.profiles().ok()?;
        selected.set.profile(&selected.name)?.get(key).filter(|v| !v.is_empty()).cloned()
    }

    /// The region STS and the SSO portal are reached in: the client's, else
    /// `AWS_REGION`, `AWS_DEFAULT_REGION`, then the selected profile's
    /// `region`.
    pub(crate) fn region(&self) -> Option<String> {
        self.0
            .region
            .as_deref()
            .or_else(|| self.var("AWS_REGION"))
            .or_else(|| self.var("AWS_DEFAULT_REGION"))
            .map(str::to_owned)
            .or_else(|| self.profile_value("region"))
    }

    /// A configured endpoint URL for a service, as botocore finds it:
    /// `AWS_ENDPOINT_URL_<ENV_ID>`, the profile's `[services]` section entry
    /// `<key>`, `AWS_ENDPOINT_URL`, the profile's `endpoint_url`; none when
    /// `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS` (or the profile key) is `true`.
    pub(crate) fn endpoint_url(&self, env_id: &str, key: &str) -> Option<String> {
        let ignore = self
            .var("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")
            .map(str::to_owned)
            .or_else(|| self.profile_value("ignore_configured_endpoint_urls"));
        if ignore.is_some_and(|v| v.eq_ignore_ascii_case("true")) {
            return None;
        }
        let from_services = || {
            let selected = self.profiles().ok()?;
            let services = selected.set.services(&self.profile_value("services")?)?;
            let value = profile::sub_property(services.get(key)?, "endpoint_url")?;
            Some(value.to_owned()).filter(|v| !v.is_empty())
        };
        self.var(&format!("AWS_ENDPOINT_URL_{env_id}"))
            .map(str::to_owned)
            .or_else(from_services)
            .or_else(|| self.var("AWS_ENDPOINT_URL").map(str::to_owned))
            .or_else(|| self.profile_value("endpoint_url"))
    }

    /// The home directory: `HOME` (on Windows, else `USERPROFILE`).
    pub(crate) fn home(&self) -> Option<&str> {
        self.var("HOME").or_else(|| if cfg!(windows) { self.var("USERPROFILE") } else { None })
    }

    /// A path from the files: a leading `~/` is the home directory.
    pub(crate) fn expand_home(&self, path: &str) -> String {
        match (path.strip_prefix("~/").or_else(|| path.strip_prefix("~\\")), self.home()) {
            (Some(rest), Some(home)) => std::path::Path::new(home).join(rest).display().to_string(),
            _ => path.to_owned(),
        }
    }

    /// The HTTP client the providers share, built on first use.
    pub(crate) fn http(&self) -> Result<reqwest::Client, CredentialsError> {
        let client = self.0.http.get_or_init(|| {
            crate::http::default_client(Duration::from_secs(2)).map_err(|e| e.to_string())
        });
        client.clone().map_err(failed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_client_s_region_wins_for_sts_and_sso() {
        let env = Environment::from_vars([("AWS_REGION", "eu-west-1"), ("HOME", "/nonexistent")]);
        assert_eq!(env.region().as_deref(), Some("eu-west-1"));
        let client = env.with_region("ap-south-2".into());
        assert_eq!(client.region().as_deref(), Some("ap-south-2"));
        // The variables are shared, not lost.
        assert_eq!(client.var("AWS_REGION"), Some("eu-west-1"));
        assert_eq!(Environment::from_vars([("HOME", "/nonexistent")]).region(), None);
    }
}
