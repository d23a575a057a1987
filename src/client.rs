//! [`Client`], [`ClientBuilder`] and the generic [`RequestBuilder`] behind
//! every operation method. Per-operation setters live next to their input
//! structs in [`crate::operations`].
//!
//! This is the top of the layers: [`ClientBuilder::build`] wires the parts
//! below it (endpoint, HTTP client, credentials, signer, transport) from the
//! settings of [`crate::config`].

use crate::config::{self, ClientConfig, Env};
use crate::credentials::{CredentialsCache, DefaultChain, Environment};
use crate::endpoint;
use crate::error::Error;
use crate::http;
use crate::operation::Operation;
use crate::retry::RetryConfig;
use crate::sign::Signer;
use crate::transport::{CallSettings, Policy, ResponseMetadata, Transport};
use aws_credential_types::provider::{ProvideCredentials, SharedCredentialsProvider};
use futures::future::BoxFuture;
use std::fmt;
use std::future::IntoFuture;
use std::sync::Arc;
use std::time::Duration;

/// A Step Functions client. Cheap to clone: clones share one connection pool,
/// one credentials cache and one retry quota.
///
/// Calls are retried the way the AWS SDKs' standard retry mode does: see
/// [`RetryConfig`] for the policy and [`ClientBuilder`] for the timeouts.
///
/// ```no_run
/// # async fn demo() -> Result<(), sfn_lite::Error> {
/// let client = sfn_lite::Client::from_env().await?;
/// let run = client
///     .describe_map_run("arn:aws:states:us-east-1:123456789012:mapRun:sm/map:1234")
///     .await?;
/// println!("{} of {} items succeeded", run.item_counts.succeeded, run.item_counts.total);
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct Client {
    transport: Arc<Transport>,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("endpoint", &self.transport.endpoint().as_str())
            .field("region", &self.transport.region())
            .finish_non_exhaustive()
    }
}

impl Client {
    /// A client configured from the environment and the shared AWS config
    /// and credentials files: region, credentials and endpoint, the way the
    /// AWS CLI and SDKs resolve them. [`ClientBuilder::from_env`] does the
    /// same and lets explicit settings override any of it.
    ///
    /// Each setting takes the first value found, left to right:
    ///
    /// | setting | environment | profile |
    /// |---|---|---|
    /// | profile | `AWS_PROFILE` | `default` |
    /// | files | `AWS_CONFIG_FILE`, `AWS_SHARED_CREDENTIALS_FILE` | `~/.aws/config`, `~/.aws/credentials` |
    /// | region | `AWS_REGION`, `AWS_DEFAULT_REGION` | `region` |
    /// | credentials | the default chain: see [`DefaultChain`](crate::credentials::DefaultChain) | |
    /// | endpoint | `AWS_ENDPOINT_URL_SFN`, `AWS_ENDPOINT_URL` | `endpoint_url` of `sfn =` in the `[services NAME]` section named by `services = NAME`, then `endpoint_url` |
    /// | ignore endpoint URLs | `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS` | `ignore_configured_endpoint_urls` |
    /// | FIPS | `AWS_USE_FIPS_ENDPOINT` | `use_fips_endpoint` |
    /// | dual-stack | `AWS_USE_DUALSTACK_ENDPOINT` | `use_dualstack_endpoint` |
    /// | max attempts | `AWS_MAX_ATTEMPTS` | `max_attempts` |
    ///
    /// - The home directory is `HOME` (on Windows, else `USERPROFILE`).
    ///   Profiles are `[default]` and `[profile NAME]` in the config file,
    ///   `[NAME]` in the credentials file, which wins for the same property.
    ///   Missing files are fine; an unreadable or malformed one is an
    ///   [`ErrorKind::Config`](crate::ErrorKind::Config) error naming the file
    ///   and line, and so is a profile named by `AWS_PROFILE` that neither
    ///   file has.
    /// - Flags are `true` or `false` (any case); max attempts a whole number
    ///   from 1 (default 3); anything else is a config error. Empty variables
    ///   count as unset.
    /// - With `ignore_configured_endpoint_urls` true, the endpoint URLs of the
    ///   environment and the profile are ignored (not
    ///   [`ClientBuilder::endpoint_url`]). Without an endpoint URL the endpoint
    ///   derives from the region, FIPS and dual-stack, per the Step Functions
    ///   endpoint rules (`https://states.REGION.amazonaws.com` and the like);
    ///   an endpoint URL combined with FIPS or dual-stack is a config error.
    /// - The files are read here, once. Credentials come from the chain the
    ///   AWS SDKs use ([`DefaultChain`](crate::credentials::DefaultChain):
    ///   environment variables, web identity, the profile in any form the
    ///   AWS CLI supports, container credentials, EC2 instance metadata),
    ///   resolved when a call first needs them and refreshed before they
    ///   expire. With none found the call fails with
    ///   [`ErrorKind::Credentials`](crate::ErrorKind::Credentials), saying
    ///   each source tried and why it gave nothing.
    pub async fn from_env() -> Result<Self, Error> {
        ClientBuilder::from_env()?.build()
    }

    /// A builder to configure every setting explicitly.
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }

    /// The endpoint requests go to.
    pub fn endpoint(&self) -> &str {
        self.transport.endpoint().as_str()
    }

    /// The region requests are signed for.
    pub fn region(&self) -> &str {
        self.transport.region()
    }

    /// Sends any operation's input and returns its output.
    ///
    /// ```no_run
    /// # async fn demo(client: sfn_lite::Client) -> Result<(), sfn_lite::Error> {
    /// use sfn_lite::operations::DescribeMapRunInput;
    ///
    /// let input = DescribeMapRunInput::new("arn:aws:states:us-east-1:123456789012:mapRun:sm/map:1");
    /// let run = client.send(input).await?;
    /// # Ok(()) }
    /// ```
    pub async fn send<O: Operation>(&self, input: O) -> Result<O::Output, Error> {
        self.transport.send(&input, CallSettings::default()).await
    }

    /// Sends `input` with `settings`, leaving the successful response's
    /// body for the caller to decode, after showing it to `seen`.
    pub(crate) async fn send_undecoded<O: Operation>(
        &self,
        input: &O,
        settings: CallSettings,
        seen: Option<&crate::transport::BodySeen<'_>>,
    ) -> Result<crate::transport::Undecoded, Error> {
        self.transport.send_undecoded(input, settings, seen).await
    }

    /// A [`RequestBuilder`] for any operation's input, to set per-call
    /// settings before sending it; for an operation of your own too (see
    /// [`Operation`]).
    ///
    /// ```no_run
    /// # async fn demo(client: sfn_lite::Client) -> Result<(), sfn_lite::Error> {
    /// use sfn_lite::operations::DescribeMapRunInput;
    ///
    /// let input = DescribeMapRunInput::new("arn:aws:states:us-east-1:123456789012:mapRun:sm/map:1");
    /// let run = client.request(input).max_attempts(1).await?;
    /// # Ok(()) }
    /// ```
    pub fn request<O: Operation>(&self, input: O) -> RequestBuilder<O> {
        RequestBuilder { client: self.clone(), input, settings: CallSettings::default() }
    }
}

/// A request being built: set optional members, then `.send().await` (or
/// just `.await`).
///
/// One generic type serves every operation; each operation adds its setters.
/// [`max_attempts`](Self::max_attempts),
/// [`attempt_timeout`](Self::attempt_timeout) and
/// [`operation_timeout`](Self::operation_timeout) override the client's
/// settings for this call only (and each page of its
/// [`Paginator`](crate::Paginator)); the call still shares the client's
/// connection pool, credentials and retry quota.
///
/// ```no_run
/// # async fn demo(client: sfn_lite::Client) -> Result<(), sfn_lite::Error> {
/// use std::time::Duration;
///
/// // Without a name, StartExecution is not idempotent: a retry could
/// // start a second execution. Send it once, with a short timeout.
/// let started = client
///     .start_execution("arn:aws:states:us-east-1:123456789012:stateMachine:orders")
///     .max_attempts(1)
///     .attempt_timeout(Duration::from_secs(5))
///     .await?;
/// # Ok(()) }
/// ```
#[derive(Clone)]
#[must_use = "a request does nothing until it is sent or awaited"]
pub struct RequestBuilder<O> {
    pub(crate) client: Client,
    pub(crate) input: O,
    pub(crate) settings: CallSettings,
}

impl<O: fmt::Debug> fmt::Debug for RequestBuilder<O> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RequestBuilder")
            .field("input", &self.input)
            .field("settings", &self.settings)
            .finish_non_exhaustive()
    }
}

impl<O: Operation> RequestBuilder<O> {
    /// Sends the request.
    pub async fn send(self) -> Result<O::Output, Error> {
        self.client.transport.send(&self.input, self.settings).await
    }

    /// How many attempts this call makes at most, the first included; 1
    /// turns retries off. Overrides [`ClientBuilder::max_attempts`] for
    /// this call; 0 fails the call with an
    /// [`ErrorKind::Config`](crate::ErrorKind::Config) error.
    pub fn max_attempts(mut self, attempts: u32) -> Self {
        self.settings.max_attempts = Some(attempts);
        self
    }

    /// How long each attempt of this call may take. Overrides
    /// [`ClientBuilder::attempt_timeout`] for this call, and also the
    /// longer default of operations that hold their response (a
    /// `GetActivityTask` long poll).
    pub fn attempt_timeout(mut self, timeout: Duration) -> Self {
        self.settings.attempt_timeout = Some(timeout);
        self
    }

    /// How long this whole call may take, every attempt and backoff
    /// included. Overrides [`ClientBuilder::operation_timeout`] for this
    /// call.
    pub fn operation_timeout(mut self, timeout: Duration) -> Self {
        self.settings.operation_timeout = Some(timeout);
        self
    }

    /// Sends the request and returns the output with the response's
    /// metadata: its request id, HTTP status and attempts.
    ///
    /// ```no_run
    /// # async fn demo(client: sfn_lite::Client) -> Result<(), sfn_lite::Error> {
    /// let (run, meta) = client
    ///     .describe_map_run("arn:aws:states:us-east-1:123456789012:mapRun:sm/map:1")
    ///     .send_with_metadata()
    ///     .await?;
    /// println!("{} (request id {:?})", run.status, meta.request_id);
    /// # Ok(()) }
    /// ```
    pub async fn send_with_metadata(self) -> Result<(O::Output, ResponseMetadata), Error> {
        self.client.transport.send_with_metadata(&self.input, self.settings).await
    }

    /// The input built so far.
    pub fn as_input(&self) -> &O {
        &self.input
    }

    /// The input built so far, to store or send later with [`Client::send`].
    pub fn into_input(self) -> O {
        self.input
    }
}

/// Declares the setters of an operation's optional members on its
/// [`RequestBuilder`]: `member: Type;` gives `fn member(impl Into<Type>)`
/// setting `Some(value)`. Each setter's doc links to the member's, the one
/// place its meaning and limits are written.
macro_rules! setters {
    ($input:ident { $( $member:ident: $ty:ty; )* }) => {
        impl $crate::client::RequestBuilder<$input> {
            $(
                #[doc = concat!("Sets [`", stringify!($input), "::", stringify!($member), "`].")]
                pub fn $member(mut self, value: impl Into<$ty>) -> Self {
                    self.input.$member = Some(value.into());
                    self
                }
            )*
        }
    };
}
pub(crate) use setters;

impl<O: Operation> IntoFuture for RequestBuilder<O> {
    type Output = Result<O::Output, Error>;
    type IntoFuture = BoxFuture<'static, Self::Output>;

    fn into_future(self) -> Self::IntoFuture {
        Box::pin(self.send())
    }
}

/// Configures a [`Client`]. Settings left unset fall back to the defaults of
/// [`ClientBuilder::from_env`], or fail at [`build`](Self::build) where there
/// is none (region, credentials).
///
/// ```
/// use aws_credential_types::Credentials;
///
/// let client = sfn_lite::Client::builder()
///     .region("eu-west-1")
///     .credentials_provider(Credentials::new("AKID", "SECRET", None, None, "example"))
///     .build()
///     .unwrap();
/// assert_eq!(client.endpoint(), "https://states.eu-west-1.amazonaws.com/");
/// ```
#[derive(Default, Debug)]
pub struct ClientBuilder {
    config: ClientConfig,
    /// From [`from_env`](Self::from_env): what the default chain reads,
    /// unless a provider is set. The chain is made at `build`, so that STS
    /// and SSO are reached in the client's final region.
    default_chain: Option<Environment>,
}

impl ClientBuilder {
    /// A builder with every setting read from the environment and the shared
    /// config and credentials files, as [`Client::from_env`] describes.
    /// Settings made on the builder afterwards win over them.
    pub fn from_env() -> Result<Self, Error> {
        let env = Env::process();
        let (config, profile) = config::resolve(&env)?;
        Ok(Self { config, default_chain: Some(Environment::from_env(&env, Some(profile))) })
    }

    /// The region to sign for and to derive the endpoint from.
    pub fn region(mut self, region: impl Into<String>) -> Self {
        self.config.region = Some(region.into());
        self
    }

    /// A custom endpoint URL (a local server, a VPC endpoint, a proxy).
    pub fn endpoint_url(mut self, url: impl Into<String>) -> Self {
        self.config.endpoint_url = Some(url.into());
        self
    }

    /// Use the FIPS endpoint (`states-fips.`).
    pub fn use_fips(mut self, on: bool) -> Self {
        self.config.use_fips = on;
        self
    }

    /// Use the dual-stack (IPv4 and IPv6) endpoint.
    pub fn use_dual_stack(mut self, on: bool) -> Self {
        self.config.use_dual_stack = on;
        self
    }

    /// Turns off the host prefix the service model gives `StartSyncExecution`
    /// (`sync-`): by default, as in the AWS SDKs, it goes before the
    /// endpoint's host name, custom endpoints included
    /// (`https://states.us-east-1.amazonaws.com` → `https://sync-states.us-east-1.amazonaws.com`,
    /// `https://vpce-1.example.com` → `https://sync-vpce-1.example.com`).
    /// An endpoint that is an IP address or `localhost` never gets it; turn
    /// it off for a local server or proxy reached by another name.
    pub fn disable_host_prefix(mut self, disable: bool) -> Self {
        self.config.disable_host_prefix = disable;
        self
    }

    /// Where credentials come from: any [`ProvideCredentials`], such as
    /// static [`Credentials`](aws_credential_types::Credentials), one of the
    /// providers in [`credentials`](crate::credentials) (say
    /// [`Imds`](crate::credentials::Imds) alone), or an `aws-config` chain.
    /// The client caches what it returns until shortly before expiry.
    pub fn credentials_provider(mut self, provider: impl ProvideCredentials + 'static) -> Self {
        self.config.credentials = Some(SharedCredentialsProvider::new(provider));
        self
    }

    /// A `reqwest::Client` of your own (proxies, TLS roots, pool settings).
    /// The builder's connect timeout does not apply to it.
    pub fn http_client(mut self, client: reqwest::Client) -> Self {
        self.config.http_client = Some(client);
        self
    }

    /// How long to wait for a connection (default 3.1 s). Running out is an
    /// [`ErrorKind::Timeout`](crate::ErrorKind::Timeout) error that says so,
    /// and is retried.
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.config.connect_timeout = timeout;
        self
    }

    /// How long one HTTP attempt may take, from sending the request to the
    /// last byte of the response (default 60 s). Running out is an
    /// [`ErrorKind::Timeout`](crate::ErrorKind::Timeout) error naming the
    /// attempt timeout, and is retried.
    pub fn attempt_timeout(mut self, timeout: Duration) -> Self {
        self.config.attempt_timeout = Some(timeout);
        self
    }

    /// How long a whole call may take: credentials, every attempt and every
    /// backoff between them (default: none, so a call is bounded by
    /// `max_attempts` × the attempt timeout plus the backoffs, about 3 minutes
    /// with the defaults). Running out, or a backoff that would outlast it,
    /// ends the call with an [`ErrorKind::Timeout`](crate::ErrorKind::Timeout)
    /// error naming the operation timeout, whose source is the last attempt's
    /// error if there was one. It is never retried; each page of a
    /// [`Paginator`](crate::Paginator) is one call.
    pub fn operation_timeout(mut self, timeout: Duration) -> Self {
        self.config.operation_timeout = Some(timeout);
        self
    }

    /// How many attempts a call makes at most, the first included (default 3,
    /// or `AWS_MAX_ATTEMPTS`, or the profile's `max_attempts`); 1 turns
    /// retries off, 0 is a config error at [`build`](Self::build).
    /// [`RetryConfig`] says what is retried and how.
    pub fn max_attempts(mut self, attempts: u32) -> Self {
        self.config.max_attempts = attempts;
        self
    }

    /// The timing of retries: backoff bases and cap (default
    /// [`RetryConfig::standard`]). The number of attempts is
    /// [`max_attempts`](Self::max_attempts).
    pub fn retry_config(mut self, config: RetryConfig) -> Self {
        self.config.retry = config;
        self
    }

    /// Builds the client: resolves the endpoint, builds the HTTP client
    /// unless one was given, and checks every setting, so a client that
    /// builds is one that can send.
    ///
    /// # Errors
    /// [`ErrorKind::Config`](crate::ErrorKind::Config), saying what to set,
    /// when there is no region or no credentials provider, the endpoint is
    /// not an http(s) URL or is combined with FIPS or dual-stack, or
    /// `max_attempts` is 0.
    pub fn build(self) -> Result<Client, Error> {
        let config = self.config;
        let region = config.region.filter(|r| !r.is_empty()).ok_or_else(|| {
            Error::config("no region: set AWS_REGION, a profile `region`, or ClientBuilder::region")
        })?;
        let endpoint = endpoint::resolve(
            &region,
            config.endpoint_url.as_deref(),
            config.use_fips,
            config.use_dual_stack,
        )?;
        let credentials = match (config.credentials, self.default_chain) {
            (Some(provider), _) => provider,
            (None, Some(env)) => SharedCredentialsProvider::new(DefaultChain::with_environment(
                env.with_region(region.clone()),
            )),
            (None, None) => {
                return Err(Error::config(
                    "no credentials provider: use Client::from_env or set one on the builder",
                ));
            }
        };
        if config.max_attempts == 0 {
            return Err(Error::config("max_attempts must be at least 1 (1 turns retries off)"));
        }
        let http = match config.http_client {
            Some(client) => client,
            None => http::default_client(config.connect_timeout)?,
        };
        let transport = Transport::new(
            http,
            Signer::new(endpoint, region, !config.disable_host_prefix)?,
            CredentialsCache::new(credentials),
            Policy {
                max_attempts: config.max_attempts,
                retry: config.retry,
                attempt_timeout: config.attempt_timeout,
                operation_timeout: config.operation_timeout,
            },
        );
        Ok(Client { transport: Arc::new(transport) })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;
    use aws_credential_types::Credentials;

    fn builder() -> ClientBuilder {
        Client::builder()
            .region("us-east-1")
            .credentials_provider(Credentials::new("AKID", "SECRET", None, None, "test"))
    }

    #[test]
    fn build_checks_every_setting_and_says_what_to_set() {
        assert!(builder().build().is_ok());
        let cases = [
            (ClientBuilder::default(), "no region"),
            (builder().region(""), "no region"),
            (Client::builder().region("us-east-1"), "no credentials provider"),
            (builder().max_attempts(0), "max_attempts"),
            (builder().endpoint_url("http://127.0.0.1:9").use_fips(true), "FIPS"),
            (builder().endpoint_url("ftp://127.0.0.1:9"), "not http or https"),
            (builder().endpoint_url("http://"), "not a URL"),
            (builder().region("us east"), "not a valid region name"),
        ];
        for (builder, says) in cases {
            let error = builder.build().unwrap_err();
            assert_eq!(error.kind(), ErrorKind::Config, "{error}");
            assert!(error.to_string().contains(says), "{error} should say {says}");
        }
    }

    #[test]
    fn the_endpoint_comes_from_the_region_or_the_custom_url() {
        let client = builder().region("us-gov-west-1").use_dual_stack(true).build().unwrap();
        assert_eq!(client.endpoint(), "https://states-fips.us-gov-west-1.api.aws/");
        assert_eq!(client.region(), "us-gov-west-1");
        let local = builder().endpoint_url("http://127.0.0.1:9").build().unwrap();
        assert_eq!(local.endpoint(), "http://127.0.0.1:9/");
        assert_eq!(local.region(), "us-east-1");
    }
}
