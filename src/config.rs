//! Client configuration: region, endpoint (custom, FIPS, dual-stack, China),
//! credentials, HTTP client and timeouts, explicitly set or resolved from the
//! environment and the shared AWS config files.

use crate::credentials::CredentialsCache;
use crate::error::{Error, ErrorKind};
use crate::transport::Transport;
use aws_credential_types::provider::SharedCredentialsProvider;
use std::time::Duration;

/// Settings gathered by [`crate::ClientBuilder`].
#[derive(Debug)]
pub(crate) struct ClientConfig {
    pub(crate) region: Option<String>,
    pub(crate) endpoint_url: Option<String>,
    pub(crate) use_fips: bool,
    pub(crate) use_dual_stack: bool,
    pub(crate) credentials: Option<SharedCredentialsProvider>,
    pub(crate) http_client: Option<reqwest::Client>,
    pub(crate) connect_timeout: Duration,
    pub(crate) attempt_timeout: Option<Duration>,
}

impl Default for ClientConfig {
    fn default() -> Self {
        Self {
            region: None,
            endpoint_url: None,
            use_fips: false,
            use_dual_stack: false,
            credentials: None,
            http_client: None,
            connect_timeout: Duration::from_millis(3100),
            attempt_timeout: Some(Duration::from_secs(60)),
        }
    }
}

impl ClientConfig {
    pub(crate) fn into_transport(self) -> Result<Transport, Error> {
        let region = self.region.filter(|r| !r.is_empty()).ok_or_else(|| {
            config_error("no region: set AWS_REGION, a profile `region`, or ClientBuilder::region")
        })?;
        let endpoint = match &self.endpoint_url {
            Some(url) => {
                if self.use_fips || self.use_dual_stack {
                    return Err(config_error(
                        "a custom endpoint cannot be combined with FIPS or dual-stack",
                    ));
                }
                url.clone()
            }
            None => default_endpoint(&region, self.use_fips, self.use_dual_stack)?,
        };
        let endpoint = reqwest::Url::parse(&endpoint).map_err(|e| {
            config_error(format!("endpoint {endpoint:?} is not a URL")).with_source(e)
        })?;
        if !matches!(endpoint.scheme(), "http" | "https") {
            return Err(config_error(format!("endpoint {endpoint} is not http or https")));
        }
        let credentials = self.credentials.ok_or_else(|| {
            config_error("no credentials provider: use Client::from_env or set one on the builder")
        })?;
        let http = match self.http_client {
            Some(client) => client,
            None => http_client(self.connect_timeout)?,
        };
        Transport::new(
            http,
            endpoint,
            region,
            CredentialsCache::new(credentials),
            self.attempt_timeout,
        )
    }
}

pub(crate) fn config_error(message: impl Into<String>) -> Error {
    Error::with_message(ErrorKind::Config, message)
}

/// The service endpoint of a region, as the endpoint rule set derives it.
pub(crate) fn default_endpoint(
    region: &str,
    fips: bool,
    dual_stack: bool,
) -> Result<String, Error> {
    if !region.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
        return Err(config_error(format!("region {region:?} is not a valid region name")));
    }
    let suffix = if region.starts_with("cn-") { "amazonaws.com.cn" } else { "amazonaws.com" };
    let host = match (fips, dual_stack) {
        (false, false) => format!("states.{region}.{suffix}"),
        (true, false) => format!("states-fips.{region}.{suffix}"),
        (false, true) => format!("states.{region}.api.aws"),
        (true, true) => format!("states-fips.{region}.api.aws"),
    };
    Ok(format!("https://{host}"))
}

/// Settings from the environment (see the crate docs for the variables).
pub(crate) fn from_env() -> Result<ClientConfig, Error> {
    let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
    let mut config = ClientConfig {
        region: var("AWS_REGION").or_else(|| var("AWS_DEFAULT_REGION")),
        endpoint_url: var("AWS_ENDPOINT_URL_SFN").or_else(|| var("AWS_ENDPOINT_URL")),
        use_fips: var("AWS_USE_FIPS_ENDPOINT").is_some_and(|v| v.eq_ignore_ascii_case("true")),
        use_dual_stack: var("AWS_USE_DUALSTACK_ENDPOINT")
            .is_some_and(|v| v.eq_ignore_ascii_case("true")),
        ..ClientConfig::default()
    };
    if let (Some(id), Some(secret)) = (var("AWS_ACCESS_KEY_ID"), var("AWS_SECRET_ACCESS_KEY")) {
        let creds = aws_credential_types::Credentials::new(
            id,
            secret,
            var("AWS_SESSION_TOKEN"),
            None,
            "environment",
        );
        config.credentials = Some(crate::credentials::shared(creds));
    }
    Ok(config)
}

/// A `reqwest::Client` with rustls on the `ring` provider, built without
/// touching rustls' process-wide default provider.
#[cfg(feature = "rustls-ring")]
fn http_client(connect_timeout: Duration) -> Result<reqwest::Client, Error> {
    use rustls_platform_verifier::BuilderVerifierExt;
    let provider = std::sync::Arc::new(rustls::crypto::ring::default_provider());
    let tls = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| config_error("cannot configure TLS").with_source(e))?
        .with_platform_verifier()
        .map_err(|e| config_error("cannot load the platform's TLS roots").with_source(e))?
        .with_no_client_auth();
    reqwest::Client::builder()
        .tls_backend_preconfigured(tls)
        .connect_timeout(connect_timeout)
        .build()
        .map_err(|e| config_error("cannot build the HTTP client").with_source(e))
}

/// A `reqwest::Client` with the TLS backend reqwest's features chose.
#[cfg(not(feature = "rustls-ring"))]
fn http_client(connect_timeout: Duration) -> Result<reqwest::Client, Error> {
    reqwest::Client::builder()
        .connect_timeout(connect_timeout)
        .build()
        .map_err(|e| config_error("cannot build the HTTP client").with_source(e))
}
