//! Credentials in environment variables (Lambda sets them).

use super::{Environment, not_loaded};
use aws_credential_types::Credentials;
use aws_credential_types::provider::{self, ProvideCredentials};

/// `AWS_ACCESS_KEY_ID` + `AWS_SECRET_ACCESS_KEY` (+ `AWS_SESSION_TOKEN`),
/// as they were when the [`Environment`] was made.
///
/// ```
/// use sfn_lite::credentials::EnvironmentVariables;
///
/// let client = sfn_lite::Client::builder()
///     .region("eu-west-1")
///     .credentials_provider(EnvironmentVariables::new())
///     .build();
/// ```
#[derive(Debug)]
pub struct EnvironmentVariables {
    env: Environment,
}

impl EnvironmentVariables {
    /// From the process's variables.
    pub fn new() -> Self {
        Self::with_environment(Environment::from_process())
    }

    /// From the given settings.
    pub fn with_environment(env: Environment) -> Self {
        Self { env }
    }

    fn load(&self) -> provider::Result {
        let var = |name| self.env.var(name).map(str::to_owned);
        match (var("AWS_ACCESS_KEY_ID"), var("AWS_SECRET_ACCESS_KEY")) {
            (Some(id), Some(secret)) => {
                Ok(Credentials::new(id, secret, var("AWS_SESSION_TOKEN"), None, "environment"))
            }
            _ => Err(not_loaded("AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not both set")),
        }
    }
}

impl Default for EnvironmentVariables {
    fn default() -> Self {
        Self::new()
    }
}

impl ProvideCredentials for EnvironmentVariables {
    fn provide_credentials<'a>(&'a self) -> provider::future::ProvideCredentials<'a>
    where
        Self: 'a,
    {
        provider::future::ProvideCredentials::ready(self.load())
    }
}
