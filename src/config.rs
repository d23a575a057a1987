//! Client settings as data: region, endpoint URL and flags, credentials
//! provider, HTTP client, retries and timeouts, explicitly set or resolved
//! from the environment and the shared AWS config files (the selected
//! profile is kept for the credentials chain).
//!
//! It builds nothing: the endpoint, the HTTP client, the credentials and the
//! transport are put together by [`ClientBuilder::build`](crate::ClientBuilder::build).

use crate::error::Error;
use crate::profile::{self, FileKind, ProfileSet};
use crate::retry::{DEFAULT_MAX_ATTEMPTS, RetryConfig};
use aws_credential_types::provider::SharedCredentialsProvider;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

/// Settings gathered by [`crate::ClientBuilder`].
#[derive(Debug)]
pub(crate) struct ClientConfig {
    pub(crate) region: Option<String>,
    pub(crate) endpoint_url: Option<String>,
    pub(crate) use_fips: bool,
    pub(crate) use_dual_stack: bool,
    pub(crate) disable_host_prefix: bool,
    pub(crate) credentials: Option<SharedCredentialsProvider>,
    pub(crate) http_client: Option<reqwest::Client>,
    pub(crate) connect_timeout: Duration,
    pub(crate) attempt_timeout: Option<Duration>,
    pub(crate) operation_timeout: Option<Duration>,
    pub(crate) max_attempts: u32,
    pub(crate) retry: RetryConfig,
}

impl Default for ClientConfig {
    fn default() -> Self {
        Self {
            region: None,
            endpoint_url: None,
            use_fips: false,
            use_dual_stack: false,
            disable_host_prefix: false,
            credentials: None,
            http_client: None,
            connect_timeout: Duration::from_millis(3100),
            attempt_timeout: Some(Duration::from_secs(60)),
            operation_timeout: None,
            max_attempts: DEFAULT_MAX_ATTEMPTS,
            retry: RetryConfig::standard(),
        }
    }
}

/// The profile the settings were read from, for the credentials chain.
#[derive(Default)]
pub(crate) struct SelectedProfile {
    /// Its name (`AWS_PROFILE`, else `default`).
    pub(crate) name: String,
    /// The files it was looked for in, for error messages.
    pub(crate) files: String,
    /// Every profile and `[services]` section of the files, for
    /// `source_profile` chains, `sso_session` and service endpoints.
    pub(crate) set: Arc<ProfileSet>,
}

impl fmt::Debug for SelectedProfile {
    /// The properties may hold keys: only the name and files show.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SelectedProfile")
            .field("name", &self.name)
            .field("files", &self.files)
            .finish_non_exhaustive()
    }
}

/// Environment variables: the process's, or a map in tests.
pub(crate) struct Env<'a>(&'a dyn Fn(&str) -> Option<String>);

impl Env<'static> {
    /// The process's environment.
    pub(crate) fn process() -> Self {
        Self(&|name| std::env::var(name).ok())
    }
}

impl<'a> Env<'a> {
    /// Variables from `lookup` instead of the process.
    pub(crate) fn new(lookup: &'a dyn Fn(&str) -> Option<String>) -> Self {
        Self(lookup)
    }

    /// A variable's value; an empty one counts as unset.
    pub(crate) fn get(&self, name: &str) -> Option<String> {
        (self.0)(name).filter(|v| !v.is_empty())
    }
}

/// Settings from `env` and the shared files it points to, in the order
/// documented on [`crate::Client::from_env`], and the profile they came from.
pub(crate) fn resolve(env: &Env<'_>) -> Result<(ClientConfig, SelectedProfile), Error> {
    let selected = select_profile(env)?;
    let files = &selected.set;
    let profile_name = selected.name.as_str();
    let profile = files.profile(profile_name);
    let value = |key: &str| profile.and_then(|p| p.get(key)).filter(|v| !v.is_empty());
    // An environment variable, else the profile's key, with where it came from.
    let setting = |var: &str, key: &str| {
        env.get(var).map(|v| (v, var.to_owned())).or_else(|| {
            value(key).map(|v| (v.clone(), format!("`{key}` in profile `{profile_name}`")))
        })
    };
    let flag = |var: &str, key: &str| {
        setting(var, key).map_or(Ok(false), |(v, what)| parse_bool(&v, &what))
    };

    let endpoint_url =
        if flag("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "ignore_configured_endpoint_urls")? {
            None
        } else {
            env.get("AWS_ENDPOINT_URL_SFN")
                .or_else(|| env.get("AWS_ENDPOINT_URL"))
                .or_else(|| {
                    let service = files.services(value("services")?)?.get("sfn")?;
                    profile::sub_property(service, "endpoint_url")
                        .filter(|v| !v.is_empty())
                        .map(String::from)
                })
                .or_else(|| value("endpoint_url").cloned())
        };
    let max_attempts = setting("AWS_MAX_ATTEMPTS", "max_attempts")
        .map_or(Ok(DEFAULT_MAX_ATTEMPTS), |(v, what)| parse_max_attempts(&v, &what))?;
    let config = ClientConfig {
        region: env
            .get("AWS_REGION")
            .or_else(|| env.get("AWS_DEFAULT_REGION"))
            .or_else(|| value("region").cloned()),
        endpoint_url,
        use_fips: flag("AWS_USE_FIPS_ENDPOINT", "use_fips_endpoint")?,
        use_dual_stack: flag("AWS_USE_DUALSTACK_ENDPOINT", "use_dualstack_endpoint")?,
        max_attempts,
        ..ClientConfig::default()
    };
    Ok((config, selected))
}

/// Reads the shared files `env` points to and selects the profile
/// (`AWS_PROFILE`, else `default`).
pub(crate) fn select_profile(env: &Env<'_>) -> Result<SelectedProfile, Error> {
    let home =
        env.get("HOME").or_else(|| if cfg!(windows) { env.get("USERPROFILE") } else { None });
    let config_path = file_path(env.get("AWS_CONFIG_FILE"), home.as_deref(), "config");
    let credentials_path =
        file_path(env.get("AWS_SHARED_CREDENTIALS_FILE"), home.as_deref(), "credentials");
    let mut files = ProfileSet::default();
    load(&mut files, config_path.as_deref(), FileKind::Config)?;
    load(&mut files, credentials_path.as_deref(), FileKind::Credentials)?;
    let looked_in = format!(
        "{} or {}",
        show(credentials_path.as_deref(), "credentials"),
        show(config_path.as_deref(), "config")
    );

    let explicit_profile = env.get("AWS_PROFILE");
    let profile_name = explicit_profile.as_deref().unwrap_or("default");
    if explicit_profile.is_some() && files.profile(profile_name).is_none() {
        return Err(Error::config(format!(
            "profile `{profile_name}` (from AWS_PROFILE) is not in {looked_in}"
        )));
    }
    let selected =
        SelectedProfile { name: profile_name.to_owned(), files: looked_in, set: Arc::new(files) };
    Ok(selected)
}

/// `AWS_CONFIG_FILE`-style path (a leading `~` is the home directory), else
/// `~/.aws/NAME`; `None` when that needs a home directory and there is none.
fn file_path(explicit: Option<String>, home: Option<&str>, name: &str) -> Option<PathBuf> {
    let Some(path) = explicit else {
        return home.map(|h| Path::new(h).join(".aws").join(name));
    };
    let rest = path.strip_prefix("~/").or_else(|| path.strip_prefix("~\\"));
    Some(match (rest, home) {
        (Some(rest), Some(home)) => Path::new(home).join(rest),
        _ => PathBuf::from(path),
    })
}

/// Merges a file into `files`; a missing file is no error.
fn load(files: &mut ProfileSet, path: Option<&Path>, kind: FileKind) -> Result<(), Error> {
    let Some(path) = path else { return Ok(()) };
    match std::fs::read_to_string(path) {
        Ok(text) => files.merge_file(&text, &path.display().to_string(), kind),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(Error::config(format!("cannot read {}", path.display())).with_source(e)),
    }
}

fn show(path: Option<&Path>, name: &str) -> String {
    match path {
        Some(path) => path.display().to_string(),
        None => format!("~/.aws/{name} (no home directory)"),
    }
}

fn parse_bool(value: &str, what: &str) -> Result<bool, Error> {
    if value.eq_ignore_ascii_case("true") {
        Ok(true)
    } else if value.eq_ignore_ascii_case("false") {
        Ok(false)
    } else {
        Err(Error::config(format!("{what} must be `true` or `false`, not {value:?}")))
    }
}

/// A positive whole number of attempts.
fn parse_max_attempts(value: &str, what: &str) -> Result<u32, Error> {
    match value.trim().parse::<u32>() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err(Error::config(format!(
            "{what} must be a whole number of attempts, 1 or more, not {value:?}"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::credentials::{CredentialsCache, DefaultChain, Environment};
    use crate::error::ErrorKind;
    use aws_credential_types::Credentials;
    use std::collections::HashMap;
    use tempfile::TempDir;

    /// A home directory with `~/.aws/config` and `~/.aws/credentials`.
    struct Home(TempDir);

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

        /// Resolves with `HOME` here and the other variables given.
        fn resolve(&self, vars: &[(&str, &str)]) -> Result<ClientConfig, Error> {
            let mut vars = vars.to_vec();
            let home = self.path();
            vars.push(("HOME", &home));
            resolve_vars(&vars)
        }
    }

    fn resolve_vars(vars: &[(&str, &str)]) -> Result<ClientConfig, Error> {
        let mut map: HashMap<String, String> =
            vars.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        // No test may reach for a real instance metadata service.
        map.entry("AWS_EC2_METADATA_DISABLED".into()).or_insert_with(|| "true".into());
        let lookup = |name: &str| map.get(name).cloned();
        let env = Env::new(&lookup);
        // As `ClientBuilder::from_env` does: the chain reads the same
        // environment and the profile resolution selected.
        let (config, profile) = resolve(&env)?;
        let chain = DefaultChain::with_environment(Environment::from_env(&env, Some(profile)));
        Ok(ClientConfig { credentials: Some(SharedCredentialsProvider::new(chain)), ..config })
    }

    async fn credentials(config: &ClientConfig) -> Result<Credentials, Error> {
        CredentialsCache::new(config.credentials.clone().unwrap()).get().await
    }

    async fn access_key(config: &ClientConfig) -> String {
        credentials(config).await.unwrap().access_key_id().to_owned()
    }

    #[tokio::test]
    async fn nothing_set() {
        let config = resolve_vars(&[]).unwrap();
        assert_eq!(config.region, None);
        assert_eq!(config.endpoint_url, None);
        assert!(!config.use_fips && !config.use_dual_stack);
        let error = credentials(&config).await.unwrap_err();
        assert_eq!(error.kind(), ErrorKind::Credentials);
        let message = error.to_string();
        assert!(message.contains("AWS_ACCESS_KEY_ID"), "{message}");
        assert!(message.contains("profile `default`"), "{message}");
        assert!(message.contains("~/.aws/credentials (no home directory)"), "{message}");
    }

    #[test]
    fn region_precedence() {
        let home = Home::new("[default]\nregion = from-profile\n", "");
        let region = |vars: &[(&str, &str)]| home.resolve(vars).unwrap().region.unwrap();
        assert_eq!(region(&[]), "from-profile");
        assert_eq!(region(&[("AWS_DEFAULT_REGION", "default-var")]), "default-var");
        assert_eq!(
            region(&[("AWS_REGION", "region-var"), ("AWS_DEFAULT_REGION", "default-var")]),
            "region-var"
        );
        assert_eq!(region(&[("AWS_REGION", ""), ("AWS_DEFAULT_REGION", "d")]), "d");
    }

    #[test]
    fn profile_selection() {
        let home = Home::new(
            "[default]\nregion = r-default\n[profile dev]\nregion = r-dev\n",
            "[creds-only]\nregion = r-creds\n",
        );
        let region = |vars: &[(&str, &str)]| home.resolve(vars).unwrap().region;
        assert_eq!(region(&[]).as_deref(), Some("r-default"));
        assert_eq!(region(&[("AWS_PROFILE", "dev")]).as_deref(), Some("r-dev"));
        assert_eq!(region(&[("AWS_PROFILE", "creds-only")]).as_deref(), Some("r-creds"));
        // A profile AWS_PROFILE names must exist; the implicit default need not.
        let error = home.resolve(&[("AWS_PROFILE", "nope")]).unwrap_err();
        assert_eq!(error.kind(), ErrorKind::Config);
        let message = error.to_string();
        assert!(message.contains("profile `nope`") && message.contains("AWS_PROFILE"), "{message}");
        assert!(message.contains(&home.path()), "{message}");
        let empty = Home::new("", "");
        assert_eq!(empty.resolve(&[]).unwrap().region, None);
        assert!(empty.resolve(&[("AWS_PROFILE", "default")]).is_err());
    }

    #[test]
    fn explicit_file_paths_and_tilde() {
        let home = Home::new("[default]\nregion = in-home\n", "");
        let other = tempfile::tempdir().unwrap();
        let config = other.path().join("my-config");
        std::fs::write(&config, "[default]\nregion = explicit\n").unwrap();
        let config = config.display().to_string();
        let resolved = home.resolve(&[("AWS_CONFIG_FILE", &config)]).unwrap();
        assert_eq!(resolved.region.as_deref(), Some("explicit"));
        // `~/` is the home directory.
        std::fs::write(home.0.path().join("cfg"), "[default]\nregion = tilde\n").unwrap();
        let resolved = home.resolve(&[("AWS_CONFIG_FILE", "~/cfg")]).unwrap();
        assert_eq!(resolved.region.as_deref(), Some("tilde"));
        // A missing file is fine.
        let resolved = home.resolve(&[("AWS_CONFIG_FILE", "~/missing")]).unwrap();
        assert_eq!(resolved.region, None);
    }

    #[test]
    fn bad_files_are_config_errors() {
        let home = Home::new("[default]\nregion = x\n[profile broken\n", "");
        let error = home.resolve(&[]).unwrap_err();
        assert_eq!(error.kind(), ErrorKind::Config);
        let message = error.to_string();
        assert!(message.contains(".aws/config, line 3"), "{message}");

        let home = Home::new("", "\u{feff}oops\n");
        let message = home.resolve(&[]).unwrap_err().to_string();
        assert!(message.contains(".aws/credentials, line 1"), "{message}");

        let home = Home::new("", "");
        let dir = home.path();
        let error = home.resolve(&[("AWS_SHARED_CREDENTIALS_FILE", &dir)]).unwrap_err();
        assert_eq!(error.kind(), ErrorKind::Config);
        assert!(error.to_string().contains(&format!("cannot read {dir}")), "{error}");

        std::fs::write(home.0.path().join("binary"), [0xff, 0xfe, 0x00]).unwrap();
        let error = home.resolve(&[("AWS_CONFIG_FILE", "~/binary")]).unwrap_err();
        assert!(error.to_string().contains("cannot read"), "{error}");
    }

    #[tokio::test]
    async fn credentials_precedence() {
        let home = Home::new(
            "[default]\naws_access_key_id = CONFIG\naws_secret_access_key = s\n\
             [profile config-only]\naws_access_key_id = CONFIG_ONLY\naws_secret_access_key = s\n\
             aws_session_token = config-token\n",
            "[default]\naws_access_key_id = CREDS\naws_secret_access_key = s\n",
        );
        // The credentials file wins over the config file...
        assert_eq!(access_key(&home.resolve(&[]).unwrap()).await, "CREDS");
        let config_only = home.resolve(&[("AWS_PROFILE", "config-only")]).unwrap();
        let c = credentials(&config_only).await.unwrap();
        assert_eq!(c.access_key_id(), "CONFIG_ONLY");
        assert_eq!(c.session_token(), Some("config-token"));
        // ... and the environment over both, but only with both variables.
        let env = [("AWS_ACCESS_KEY_ID", "ENV"), ("AWS_SECRET_ACCESS_KEY", "env-secret")];
        let c = credentials(&home.resolve(&env).unwrap()).await.unwrap();
        assert_eq!((c.access_key_id(), c.secret_access_key()), ("ENV", "env-secret"));
        assert_eq!(c.session_token(), None);
        let with_token = [env[0], env[1], ("AWS_SESSION_TOKEN", "env-token")];
        let c = credentials(&home.resolve(&with_token).unwrap()).await.unwrap();
        assert_eq!(c.session_token(), Some("env-token"));
        assert_eq!(access_key(&home.resolve(&env[..1]).unwrap()).await, "CREDS");
        assert_eq!(access_key(&home.resolve(&env[1..]).unwrap()).await, "CREDS");
    }

    #[tokio::test]
    async fn credentials_errors() {
        let home = Home::new(
            "[profile role]\nrole_arn = arn:aws:iam::123456789012:role/r\nsource_profile = none\n\
             [profile half]\naws_access_key_id = A\n[profile none]\nregion = us-east-1\n",
            "",
        );
        async fn message_for(home: &Home, profile: &str) -> String {
            let config = home.resolve(&[("AWS_PROFILE", profile)]).unwrap();
            let error = credentials(&config).await.unwrap_err();
            assert_eq!(error.kind(), ErrorKind::Credentials);
            error.to_string()
        }
        let message = |profile| message_for(&home, profile);
        let m = message("role").await;
        assert!(m.contains("source_profile `none`") && m.contains("no credentials"), "{m}");
        let m = message("half").await;
        assert!(m.contains("aws_secret_access_key"), "{m}");
        let m = message("none").await;
        assert!(m.contains("no credentials found") && m.contains("profile `none`"), "{m}");
        assert!(m.contains(&home.path()), "{m}");
        // Every source tried is listed, with why it gave nothing.
        for why in [
            "environment variables: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not both set",
            "web identity: AWS_WEB_IDENTITY_TOKEN_FILE is not set",
            "container credentials: neither AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
            "EC2 instance metadata: AWS_EC2_METADATA_DISABLED is true",
        ] {
            assert!(m.contains(why), "{why} not in {m}");
        }
        // Environment credentials still win over a profile that fails.
        let config = home
            .resolve(&[
                ("AWS_PROFILE", "role"),
                ("AWS_ACCESS_KEY_ID", "ENV"),
                ("AWS_SECRET_ACCESS_KEY", "s"),
            ])
            .unwrap();
        assert_eq!(access_key(&config).await, "ENV");
    }

    #[test]
    fn endpoint_precedence() {
        let config = "[default]\nendpoint_url = http://profile\nservices = local\n\
                      [services local]\ns3 =\n  endpoint_url = http://s3\n\
                      sfn =\n  endpoint_url = http://services\n\
                      [profile no-services]\nendpoint_url = http://profile\nservices = missing\n";
        let home = Home::new(config, "");
        let endpoint = |vars: &[(&str, &str)]| home.resolve(vars).unwrap().endpoint_url;
        let sfn = ("AWS_ENDPOINT_URL_SFN", "http://env-sfn");
        let global = ("AWS_ENDPOINT_URL", "http://env-global");
        assert_eq!(endpoint(&[sfn, global]).as_deref(), Some("http://env-sfn"));
        assert_eq!(endpoint(&[global]).as_deref(), Some("http://env-global"));
        assert_eq!(endpoint(&[]).as_deref(), Some("http://services"));
        let no_services = ("AWS_PROFILE", "no-services");
        assert_eq!(endpoint(&[no_services]).as_deref(), Some("http://profile"));
        // Switched off by the environment or the profile.
        let ignore = ("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true");
        assert_eq!(endpoint(&[sfn, global, ignore]), None);
        let home = Home::new(
            "[default]\nendpoint_url = http://p\nignore_configured_endpoint_urls = TRUE\n",
            "",
        );
        assert_eq!(home.resolve(&[global]).unwrap().endpoint_url, None);
        let keep = ("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "false");
        assert_eq!(home.resolve(&[keep]).unwrap().endpoint_url.as_deref(), Some("http://p"));
    }

    #[test]
    fn fips_and_dual_stack_flags() {
        let home =
            Home::new("[default]\nuse_fips_endpoint = true\nuse_dualstack_endpoint = True\n", "");
        let config = home.resolve(&[]).unwrap();
        assert!(config.use_fips && config.use_dual_stack);
        let config = home
            .resolve(&[("AWS_USE_FIPS_ENDPOINT", "false"), ("AWS_USE_DUALSTACK_ENDPOINT", "FALSE")])
            .unwrap();
        assert!(!config.use_fips && !config.use_dual_stack);
        let config = resolve_vars(&[("AWS_USE_FIPS_ENDPOINT", "true")]).unwrap();
        assert!(config.use_fips && !config.use_dual_stack);

        let error = resolve_vars(&[("AWS_USE_DUALSTACK_ENDPOINT", "yes")]).unwrap_err();
        assert_eq!(error.kind(), ErrorKind::Config);
        assert!(error.to_string().contains("AWS_USE_DUALSTACK_ENDPOINT"), "{error}");
        let home = Home::new("[default]\nuse_fips_endpoint = 1\n", "");
        let message = home.resolve(&[]).unwrap_err().to_string();
        assert!(message.contains("`use_fips_endpoint` in profile `default`"), "{message}");
    }

    #[test]
    fn debug_hides_secrets() {
        let home = Home::new(
            "",
            "[default]\naws_access_key_id = AKID\naws_secret_access_key = \
                                 very-secret\naws_session_token = token-secret\n",
        );
        // The chain is resolved lazily: it shows its settings, not credentials.
        let debug = format!("{:?}", home.resolve(&[]).unwrap());
        assert!(debug.contains("DefaultChain"), "{debug}");
        assert!(!debug.contains("very-secret") && !debug.contains("token-secret"), "{debug}");
        let env = [
            ("AWS_ACCESS_KEY_ID", "AKID"),
            ("AWS_SECRET_ACCESS_KEY", "very-secret"),
            ("AWS_SESSION_TOKEN", "token-secret"),
        ];
        let debug = format!("{:?}", resolve_vars(&env).unwrap());
        assert!(!debug.contains("very-secret") && !debug.contains("token-secret"), "{debug}");
    }

    #[test]
    fn max_attempts_from_env_then_profile() {
        let home = Home::new("[default]\nmax_attempts = 5\n[profile bad]\nmax_attempts = 0\n", "");
        let attempts = |vars: &[(&str, &str)]| home.resolve(vars).map(|c| c.max_attempts);
        assert_eq!(resolve_vars(&[]).unwrap().max_attempts, 3, "the default");
        assert_eq!(attempts(&[]).unwrap(), 5, "the profile");
        assert_eq!(attempts(&[("AWS_MAX_ATTEMPTS", "1")]).unwrap(), 1, "the environment wins");
        assert_eq!(attempts(&[("AWS_MAX_ATTEMPTS", "")]).unwrap(), 5, "empty is unset");
        for bad in ["0", "-1", "three", "2.5", "99999999999"] {
            let error = attempts(&[("AWS_MAX_ATTEMPTS", bad)]).unwrap_err();
            assert_eq!(error.kind(), ErrorKind::Config);
            let message = error.to_string();
            assert!(message.contains("AWS_MAX_ATTEMPTS") && message.contains(bad), "{message}");
        }
        let error = attempts(&[("AWS_PROFILE", "bad")]).unwrap_err();
        assert!(error.to_string().contains("`max_attempts` in profile `bad`"), "{error}");
    }
}
