//! Web identity: an OIDC token in a file exchanged for a role's credentials
//! with STS `AssumeRoleWithWebIdentity` (EKS IRSA sets the variables).

use super::sts::{self, Role};
use super::{Environment, default_session_name, failed, not_loaded};
use aws_credential_types::provider::error::CredentialsError;
use aws_credential_types::provider::{self, ProvideCredentials};

/// `AWS_WEB_IDENTITY_TOKEN_FILE` + `AWS_ROLE_ARN` (+ `AWS_ROLE_SESSION_NAME`):
/// the token file is read on each fetch (it is rotated) and exchanged with
/// STS `AssumeRoleWithWebIdentity`, unsigned, at the regional endpoint of
/// `AWS_REGION` (or the profile's region), or wherever
/// `AWS_ENDPOINT_URL_STS` points.
///
/// ```
/// use sfn_lite::credentials::WebIdentity;
///
/// let client = sfn_lite::Client::builder()
///     .region("eu-west-1")
///     .credentials_provider(WebIdentity::new())
///     .build();
/// ```
#[derive(Debug)]
pub struct WebIdentity {
    env: Environment,
}

impl WebIdentity {
    /// From the process's variables.
    pub fn new() -> Self {
        Self::with_environment(Environment::from_process())
    }

    /// From the given settings.
    pub fn with_environment(env: Environment) -> Self {
        Self { env }
    }

    async fn load(&self) -> provider::Result {
        let Some(file) = self.env.var("AWS_WEB_IDENTITY_TOKEN_FILE") else {
            return Err(not_loaded("AWS_WEB_IDENTITY_TOKEN_FILE is not set"));
        };
        let Some(arn) = self.env.var("AWS_ROLE_ARN") else {
            return Err(failed("AWS_WEB_IDENTITY_TOKEN_FILE is set but AWS_ROLE_ARN is not"));
        };
        let session_name =
            self.env.var("AWS_ROLE_SESSION_NAME").map_or_else(default_session_name, str::to_owned);
        let role =
            Role { arn: arn.to_owned(), session_name, external_id: None, duration_seconds: None };
        assume(&self.env, file, &role).await
    }
}

/// Reads the token in `file` and exchanges it for `role`'s credentials.
pub(crate) async fn assume(env: &Environment, file: &str, role: &Role) -> provider::Result {
    let token = read_token(file)?;
    sts::assume_role_with_web_identity(env, role, &token).await.map_err(failed)
}

fn read_token(file: &str) -> Result<String, CredentialsError> {
    let token = std::fs::read_to_string(file)
        .map_err(|e| failed(format!("cannot read the web identity token file {file}: {e}")))?;
    let token = token.trim();
    if token.is_empty() {
        return Err(failed(format!("the web identity token file {file} is empty")));
    }
    Ok(token.to_owned())
}

impl Default for WebIdentity {
    fn default() -> Self {
        Self::new()
    }
}

impl ProvideCredentials for WebIdentity {
    fn provide_credentials<'a>(&'a self) -> provider::future::ProvideCredentials<'a>
    where
        Self: 'a,
    {
        provider::future::ProvideCredentials::new(self.load())
    }
}
