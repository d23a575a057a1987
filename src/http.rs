//! The HTTP client a [`Client`](crate::Client) uses unless the caller brings
//! one: reqwest with the connect timeout and the TLS backend the crate's
//! features choose. It knows nothing of AWS.

use crate::error::Error;
use std::time::Duration;

/// The default HTTP client, with one connection pool.
pub(crate) fn default_client(connect_timeout: Duration) -> Result<reqwest::Client, Error> {
    let builder = reqwest::Client::builder().connect_timeout(connect_timeout);
    #[cfg(feature = "rustls-ring")]
    let builder = builder.tls_backend_preconfigured(ring_tls()?);
    builder.build().map_err(|e| Error::config("cannot build the HTTP client").with_source(e))
}

/// rustls on the `ring` provider, set up without touching rustls'
/// process-wide default provider.
#[cfg(feature = "rustls-ring")]
fn ring_tls() -> Result<rustls::ClientConfig, Error> {
    use rustls_platform_verifier::BuilderVerifierExt;
    let provider = std::sync::Arc::new(rustls::crypto::ring::default_provider());
    Ok(rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| Error::config("cannot configure TLS").with_source(e))?
        .with_platform_verifier()
        .map_err(|e| Error::config("cannot load the platform's TLS roots").with_source(e))?
        .with_no_client_auth())
}
