//! [`Client`], [`ClientBuilder`] and the generic [`RequestBuilder`] behind
//! every operation method. Per-operation setters live next to their input
//! structs in [`crate::operations`].

use crate::config::{self, ClientConfig};
use crate::error::Error;
use crate::operation::Operation;
use crate::transport::Transport;
use aws_credential_types::provider::ProvideCredentials;
use futures::future::BoxFuture;
use std::fmt;
use std::future::IntoFuture;
use std::sync::Arc;
use std::time::Duration;

/// A Step Functions client. Cheap to clone: clones share one connection pool
/// and one credentials cache.
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
            .field("endpoint", &self.transport.endpoint.as_str())
            .field("region", &self.transport.region)
            .finish_non_exhaustive()
    }
}

impl Client {
    /// A client configured from the environment and the shared AWS config
    /// and credentials files: region, credentials and endpoint, the way the
    /// AWS CLI and SDKs resolve them.
    pub async fn from_env() -> Result<Self, Error> {
        ClientBuilder::from_env()?.build()
    }

    /// A builder to configure every setting explicitly.
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }

    /// The endpoint requests go to.
    pub fn endpoint(&self) -> &str {
        self.transport.endpoint.as_str()
    }

    /// The region requests are signed for.
    pub fn region(&self) -> &str {
        &self.transport.region
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
        self.transport.send(&input).await
    }

    pub(crate) fn request<O: Operation>(&self, input: O) -> RequestBuilder<O> {
        RequestBuilder { client: self.clone(), input }
    }
}

/// A request being built: set optional members, then `.send().await` (or
/// just `.await`).
///
/// One generic type serves every operation; each operation adds its setters.
#[derive(Clone)]
#[must_use = "a request does nothing until it is sent or awaited"]
pub struct RequestBuilder<O> {
    pub(crate) client: Client,
    pub(crate) input: O,
}

impl<O: fmt::Debug> fmt::Debug for RequestBuilder<O> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RequestBuilder").field("input", &self.input).finish_non_exhaustive()
    }
}

impl<O: Operation> RequestBuilder<O> {
    /// Sends the request.
    pub async fn send(self) -> Result<O::Output, Error> {
        self.client.transport.send(&self.input).await
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
}

impl ClientBuilder {
    /// A builder with every setting read from the environment and the shared
    /// config and credentials files (see the crate docs for the variables).
    pub fn from_env() -> Result<Self, Error> {
        Ok(Self { config: config::from_env()? })
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

    /// Where credentials come from: any [`ProvideCredentials`], such as
    /// static [`Credentials`](aws_credential_types::Credentials) or an
    /// `aws-config` credentials chain.
    pub fn credentials_provider(mut self, provider: impl ProvideCredentials + 'static) -> Self {
        self.config.credentials = Some(crate::credentials::shared(provider));
        self
    }

    /// A `reqwest::Client` of your own (proxies, TLS roots, pool settings).
    /// The builder's connect timeout does not apply to it.
    pub fn http_client(mut self, client: reqwest::Client) -> Self {
        self.config.http_client = Some(client);
        self
    }

    /// How long to wait for a connection (default 3.1 s).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.config.connect_timeout = timeout;
        self
    }

    /// How long one HTTP attempt may take, end to end (default 60 s).
    pub fn attempt_timeout(mut self, timeout: Duration) -> Self {
        self.config.attempt_timeout = Some(timeout);
        self
    }

    /// Builds the client.
    pub fn build(self) -> Result<Client, Error> {
        Ok(Client { transport: Arc::new(self.config.into_transport()?) })
    }
}
