//! Credentials from a profile of the shared files, in every form the AWS CLI
//! supports: static keys, a role assumed from another profile's credentials
//! (`source_profile`, chained) or from another source (`credential_source`),
//! a role assumed with a web identity token, SSO and `credential_process`.

use super::sso;
use super::sts::{self, Role};
use super::{
    Container, Environment, EnvironmentVariables, Imds, default_session_name, failed, not_loaded,
    process, reason, web_identity,
};
use crate::profile::Properties;
use aws_credential_types::Credentials;
use aws_credential_types::provider::error::CredentialsError;
use aws_credential_types::provider::{self, ProvideCredentials};

/// The credentials a profile names (`AWS_PROFILE`, else `default`, unless
/// set with [`Profile::named`]), in any of these forms, tried in this order:
///
/// - `role_arn` with `web_identity_token_file` (+ `role_session_name`):
///   STS `AssumeRoleWithWebIdentity`;
/// - `role_arn` with `source_profile`: the source profile's credentials (its
///   static keys if it has them, else whatever it names, so chains of roles
///   work; loops are refused), then STS `AssumeRole` signed with them;
/// - `role_arn` with `credential_source` (`Environment`,
///   `Ec2InstanceMetadata` or `EcsContainer`): that source, then `AssumeRole`;
/// - SSO: `sso_session` (naming an `[sso-session NAME]` section with
///   `sso_start_url` and `sso_region`) or the legacy `sso_start_url` +
///   `sso_region` in the profile, with `sso_account_id` and `sso_role_name`:
///   the token `aws sso login` cached in `~/.aws/sso/cache/` (refreshed with
///   SSO-OIDC `CreateToken` when it has expired and holds a refresh token),
///   exchanged for the role's credentials with the portal's
///   `GetRoleCredentials` (`AWS_ENDPOINT_URL_SSO`,
///   `AWS_ENDPOINT_URL_SSO_OIDC` or the `[services]` entries `sso` and
///   `sso_oidc` override the regional endpoints); without a usable token
///   the error says which `aws sso login` to run;
/// - `credential_process`: the command's JSON output (version 1);
/// - `aws_access_key_id` + `aws_secret_access_key` (+ `aws_session_token`).
///
/// `AssumeRole` takes the profile's `role_session_name`, `external_id` and
/// `duration_seconds`; a profile with `mfa_serial` is refused (there is no
/// one to ask for a code). STS is reached at the regional endpoint of the
/// region (`AWS_REGION`, the profile's `region`), or at
/// `AWS_ENDPOINT_URL_STS` / the profile's `[services]` `sts` entry.
///
/// ```
/// use sfn_lite::credentials::Profile;
///
/// let client = sfn_lite::Client::builder()
///     .region("eu-west-1")
///     .credentials_provider(Profile::new().named("deploy"))
///     .build();
/// ```
#[derive(Debug)]
pub struct Profile {
    env: Environment,
    name: Option<String>,
    imds: Imds,
    container: Container,
}

/// Where the innermost credentials of a profile chain come from.
enum Base {
    Static(Credentials),
    WebIdentity { file: String, role: Role },
    Environment,
    Imds,
    Container,
    Process(String),
    Sso(sso::Settings),
}

impl Profile {
    /// The profile `AWS_PROFILE` names, from the process's shared files.
    pub fn new() -> Self {
        Self::with_environment(Environment::from_process())
    }

    /// The profile the given settings select.
    pub fn with_environment(env: Environment) -> Self {
        Self {
            imds: Imds::with_environment(env.clone()),
            container: Container::with_environment(env.clone()),
            env,
            name: None,
        }
    }

    /// This profile instead of the selected one.
    pub fn named(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    async fn load(&self) -> provider::Result {
        let (base, roles) = self.plan()?;
        let mut credentials = match base {
            Base::Static(credentials) => credentials,
            Base::WebIdentity { file, role } => {
                web_identity::assume(&self.env, &file, &role).await?
            }
            Base::Environment => EnvironmentVariables::with_environment(self.env.clone())
                .provide_credentials()
                .await
                .map_err(|e| failed(format!("credential_source Environment: {}", reason(&e))))?,
            Base::Imds => self.imds.provide_credentials().await.map_err(|e| {
                failed(format!("credential_source Ec2InstanceMetadata: {}", reason(&e)))
            })?,
            Base::Container => {
                self.container.provide_credentials().await.map_err(|e| {
                    failed(format!("credential_source EcsContainer: {}", reason(&e)))
                })?
            }
            Base::Process(command) => process::run(&command).await.map_err(failed)?,
            Base::Sso(settings) => sso::credentials(&self.env, &settings).await.map_err(failed)?,
        };
        // The role nearest the base first, the selected profile's last.
        for role in roles.iter().rev() {
            credentials = sts::assume_role(&self.env, role, &credentials).await.map_err(failed)?;
        }
        Ok(credentials)
    }

    /// Follows `source_profile` from the selected profile to the base, and
    /// the roles to assume on the way (the selected profile's first).
    fn plan(&self) -> Result<(Base, Vec<Role>), CredentialsError> {
        let selected = self.env.profiles()?;
        let mut current = self.name.clone().unwrap_or_else(|| selected.name.clone());
        let files = &selected.files;
        let mut visited: Vec<String> = Vec::new();
        let mut roles = Vec::new();
        loop {
            if visited.contains(&current) {
                visited.push(current);
                return Err(failed(format!(
                    "the source_profile chain loops: {}",
                    visited.join(" -> ")
                )));
            }
            let Some(props) = selected.set.profile(&current) else {
                return Err(match visited.last() {
                    None => not_loaded(format!("profile `{current}` is not in {files}")),
                    Some(from) => failed(format!(
                        "profile `{from}` has source_profile `{current}`, which is not in {files}"
                    )),
                });
            };
            let is_source = !visited.is_empty();
            visited.push(current.clone());
            let get = |key: &str| props.get(key).filter(|v| !v.is_empty()).cloned();
            // A source profile's own keys win over its role (AWS CLI rule).
            if is_source {
                if let Some(credentials) = static_keys(&current, props)? {
                    return Ok((Base::Static(credentials), roles));
                }
            }
            if let Some(arn) = get("role_arn") {
                let role = role(&current, arn, props)?;
                if let Some(file) = get("web_identity_token_file") {
                    let file = self.env.expand_home(&file);
                    return Ok((Base::WebIdentity { file, role }, roles));
                }
                roles.push(role);
                match (get("source_profile"), get("credential_source")) {
                    (Some(_), Some(_)) => {
                        return Err(failed(format!(
                            "profile `{current}` sets both source_profile and credential_source; \
                             keep one"
                        )));
                    }
                    (Some(source), None) if source == current => {
                        // A profile may be its own source when it has keys.
                        return match static_keys(&current, props)? {
                            Some(credentials) => Ok((Base::Static(credentials), roles)),
                            None => Err(failed(format!(
                                "profile `{current}` is its own source_profile but has no \
                                 aws_access_key_id"
                            ))),
                        };
                    }
                    (Some(source), None) => current = source,
                    (None, Some(source)) => {
                        let base = match source.as_str() {
                            "Environment" => Base::Environment,
                            "Ec2InstanceMetadata" => Base::Imds,
                            "EcsContainer" => Base::Container,
                            other => {
                                return Err(failed(format!(
                                    "profile `{current}` has credential_source {other:?}; it must \
                                     be Environment, Ec2InstanceMetadata or EcsContainer"
                                )));
                            }
                        };
                        return Ok((base, roles));
                    }
                    (None, None) => {
                        return Err(failed(format!(
                            "profile `{current}` has role_arn but neither source_profile nor \
                             credential_source"
                        )));
                    }
                }
                continue;
            }
            if let Some(settings) = sso_settings(&selected.set, files, &current, props)? {
                return Ok((Base::Sso(settings), roles));
            }
            if let Some(command) = get("credential_process") {
                return Ok((Base::Process(command), roles));
            }
            if let Some(credentials) = static_keys(&current, props)? {
                return Ok((Base::Static(credentials), roles));
            }
            return Err(if is_source {
                failed(format!("source_profile `{current}` in {files} has no credentials"))
            } else {
                not_loaded(format!("profile `{current}` in {files} has no credentials"))
            });
        }
    }
}

/// The profile's SSO settings, if it has any.
fn sso_settings(
    set: &crate::profile::ProfileSet,
    files: &str,
    name: &str,
    props: &Properties,
) -> Result<Option<sso::Settings>, CredentialsError> {
    let get = |p: &Properties, key: &str| p.get(key).filter(|v| !v.is_empty()).cloned();
    let (session, source) = match get(props, "sso_session") {
        Some(session) => {
            let section = set.sso_session(&session).ok_or_else(|| {
                failed(format!(
                    "profile `{name}` has sso_session `{session}`, but there is no \
                     [sso-session {session}] section in {files}"
                ))
            })?;
            (Some(session), section)
        }
        None if props.contains_key("sso_start_url") => (None, props),
        None => return Ok(None),
    };
    let where_ = match &session {
        Some(session) => format!("[sso-session {session}]"),
        None => format!("profile `{name}`"),
    };
    let need = |p: &Properties, key: &str, place: &str| {
        get(p, key).ok_or_else(|| failed(format!("{place} has no {key}, which SSO needs")))
    };
    Ok(Some(sso::Settings {
        profile: name.to_owned(),
        start_url: need(source, "sso_start_url", &where_)?,
        region: need(source, "sso_region", &where_)?,
        account_id: need(props, "sso_account_id", &format!("profile `{name}`"))?,
        role_name: need(props, "sso_role_name", &format!("profile `{name}`"))?,
        session,
    }))
}

/// The profile's static keys, if it has an access key id.
fn static_keys(name: &str, props: &Properties) -> Result<Option<Credentials>, CredentialsError> {
    let get = |key: &str| props.get(key).filter(|v| !v.is_empty()).cloned();
    match (get("aws_access_key_id"), get("aws_secret_access_key")) {
        (Some(id), Some(secret)) => {
            Ok(Some(Credentials::new(id, secret, get("aws_session_token"), None, "profile")))
        }
        (Some(_), None) => Err(failed(format!(
            "profile `{name}` sets aws_access_key_id but not aws_secret_access_key"
        ))),
        (None, _) => Ok(None),
    }
}

/// The role a profile names, with its session settings.
fn role(name: &str, arn: String, props: &Properties) -> Result<Role, CredentialsError> {
    let get = |key: &str| props.get(key).filter(|v| !v.is_empty()).cloned();
    if get("mfa_serial").is_some() {
        return Err(failed(format!(
            "profile `{name}` has mfa_serial: sfn-lite cannot prompt for an MFA code; use \
             credentials that need none, or get a session with `aws sts get-session-token` first"
        )));
    }
    let duration_seconds = match get("duration_seconds") {
        None => None,
        Some(text) => Some(text.trim().parse::<u32>().map_err(|_| {
            failed(format!("profile `{name}` has duration_seconds {text:?}, not a whole number"))
        })?),
    };
    Ok(Role {
        arn,
        session_name: get("role_session_name").unwrap_or_else(default_session_name),
        external_id: get("external_id"),
        duration_seconds,
    })
}

impl Default for Profile {
    fn default() -> Self {
        Self::new()
    }
}

impl ProvideCredentials for Profile {
    fn provide_credentials<'a>(&'a self) -> provider::future::ProvideCredentials<'a>
    where
        Self: 'a,
    {
        provider::future::ProvideCredentials::new(self.load())
    }
}
