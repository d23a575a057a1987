//! Container credentials: the endpoint ECS, Fargate and EKS Pod Identity
//! serve to their tasks and pods.

use super::{Environment, describe, failed, from_json, not_loaded};
use aws_credential_types::provider::{self, ProvideCredentials};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::time::Duration;

/// The ECS agent's address, which relative URIs are under.
const ECS_HOST: &str = "http://169.254.170.2";
/// How long one request may take.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(5);

/// `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI` (under `http://169.254.170.2`) or
/// `AWS_CONTAINER_CREDENTIALS_FULL_URI`, with the token of
/// `AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE` (read on each fetch) or
/// `AWS_CONTAINER_AUTHORIZATION_TOKEN` as its `Authorization` header.
///
/// As in the SDKs, a full URI over plain `http` must point at a loopback
/// address or at the ECS / EKS Pod Identity agents (`169.254.170.2`,
/// `169.254.170.23`, `fd00:ec2::23`); any host may be reached over `https`.
///
/// ```
/// use sfn_lite::credentials::Container;
///
/// let client = sfn_lite::Client::builder()
///     .region("eu-west-1")
///     .credentials_provider(Container::new())
///     .build();
/// ```
#[derive(Debug)]
pub struct Container {
    env: Environment,
}

impl Container {
    /// From the process's variables.
    pub fn new() -> Self {
        Self::with_environment(Environment::from_process())
    }

    /// From the given settings.
    pub fn with_environment(env: Environment) -> Self {
        Self { env }
    }

    async fn load(&self) -> provider::Result {
        let url = self.url()?;
        let token = match self.env.var("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE") {
            Some(file) => Some(std::fs::read_to_string(file).map_err(|e| {
                failed(format!("cannot read AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE {file}: {e}"))
            })?),
            None => self.env.var("AWS_CONTAINER_AUTHORIZATION_TOKEN").map(str::to_owned),
        };
        let token = token.map(|t| t.trim().to_owned()).filter(|t| !t.is_empty());
        let mut header = None;
        if let Some(token) = token {
            let mut value = reqwest::header::HeaderValue::from_str(&token).map_err(|_| {
                failed("the container authorization token holds characters a header cannot")
            })?;
            value.set_sensitive(true);
            header = Some(value);
        }
        let http = self.env.http()?;
        let mut last_error = String::new();
        for attempt in 0..2 {
            if attempt > 0 {
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            let mut request = http.get(url.clone()).timeout(REQUEST_TIMEOUT);
            if let Some(value) = &header {
                request = request.header(reqwest::header::AUTHORIZATION, value.clone());
            }
            let response = match request.send().await {
                Ok(response) => response,
                Err(e) => {
                    last_error = format!("no answer from {url}: {}", describe(&e));
                    continue;
                }
            };
            let status = response.status();
            let body = match response.bytes().await {
                Ok(body) => body,
                Err(e) => {
                    last_error = format!("cannot read the answer of {url}: {}", describe(&e));
                    continue;
                }
            };
            if status.is_success() {
                return from_json(&body, &format!("the answer of {url}"), "container")
                    .map_err(failed);
            }
            last_error = format!("{url} answered HTTP {}", status.as_u16());
            if !status.is_server_error() && status.as_u16() != 429 {
                break;
            }
        }
        Err(failed(last_error))
    }

    /// The endpoint, checked against the allow-list.
    fn url(&self) -> Result<reqwest::Url, aws_credential_types::provider::error::CredentialsError> {
        let (text, name) = match (
            self.env.var("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"),
            self.env.var("AWS_CONTAINER_CREDENTIALS_FULL_URI"),
        ) {
            (Some(relative), _) => {
                (format!("{ECS_HOST}{relative}"), "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI")
            }
            (None, Some(full)) => (full.to_owned(), "AWS_CONTAINER_CREDENTIALS_FULL_URI"),
            (None, None) => {
                return Err(not_loaded(
                    "neither AWS_CONTAINER_CREDENTIALS_RELATIVE_URI nor \
                     AWS_CONTAINER_CREDENTIALS_FULL_URI is set",
                ));
            }
        };
        let url = reqwest::Url::parse(&text)
            .map_err(|e| failed(format!("{name} {text:?} is not a URL: {e}")))?;
        if !allowed(&url) {
            return Err(failed(format!(
                "{name} {text:?} is not allowed: over http it must point at a loopback address, \
                 169.254.170.2, 169.254.170.23 or fd00:ec2::23; use https for any other host"
            )));
        }
        Ok(url)
    }
}

/// The SDKs' allow-list for container credential endpoints.
fn allowed(url: &reqwest::Url) -> bool {
    match url.scheme() {
        "https" => return true,
        "http" => {}
        _ => return false,
    }
    let Some(host) = url.host_str() else { return false };
    let Ok(ip) = host.trim_start_matches('[').trim_end_matches(']').parse::<IpAddr>() else {
        return host.eq_ignore_ascii_case("localhost");
    };
    const ECS: Ipv4Addr = Ipv4Addr::new(169, 254, 170, 2);
    const EKS: Ipv4Addr = Ipv4Addr::new(169, 254, 170, 23);
    const EKS_V6: Ipv6Addr = Ipv6Addr::new(0xfd00, 0xec2, 0, 0, 0, 0, 0, 0x23);
    ip.is_loopback() || ip == IpAddr::V4(ECS) || ip == IpAddr::V4(EKS) || ip == IpAddr::V6(EKS_V6)
}

impl Default for Container {
    fn default() -> Self {
        Self::new()
    }
}

impl ProvideCredentials for Container {
    fn provide_credentials<'a>(&'a self) -> provider::future::ProvideCredentials<'a>
    where
        Self: 'a,
    {
        provider::future::ProvideCredentials::new(self.load())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url_of(vars: &[(&str, &str)]) -> Result<String, String> {
        let container = Container::with_environment(Environment::from_vars(vars.iter().copied()));
        container.url().map(|u| u.to_string()).map_err(|e| super::super::reason(&e))
    }

    #[test]
    fn relative_uris_are_under_the_ecs_agent_and_win() {
        let relative = ("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "/v2/credentials/abc");
        let full = ("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:1/x");
        assert_eq!(url_of(&[relative, full]).unwrap(), "http://169.254.170.2/v2/credentials/abc");
        assert_eq!(url_of(&[full]).unwrap(), "http://127.0.0.1:1/x");
        assert!(url_of(&[]).unwrap_err().contains("AWS_CONTAINER_CREDENTIALS_FULL_URI"));
    }

    #[test]
    fn full_uris_follow_the_allow_list() {
        for ok in [
            "http://127.0.0.1/c",
            "http://127.1.2.3:8080/c",
            "http://[::1]/c",
            "http://localhost:9/c",
            "http://169.254.170.2/c",
            "http://169.254.170.23/v1/credentials",
            "http://[fd00:ec2::23]/v1/credentials",
            "https://creds.example.com/c",
        ] {
            assert!(url_of(&[("AWS_CONTAINER_CREDENTIALS_FULL_URI", ok)]).is_ok(), "{ok}");
        }
        for bad in [
            "http://169.254.169.254/c",
            "http://10.0.0.1/c",
            "http://creds.example.com/c",
            "http://[fd00:ec2::24]/c",
            "ftp://127.0.0.1/c",
            "not a url",
        ] {
            let error = url_of(&[("AWS_CONTAINER_CREDENTIALS_FULL_URI", bad)]).unwrap_err();
            assert!(error.contains("AWS_CONTAINER_CREDENTIALS_FULL_URI"), "{bad}: {error}");
        }
    }
}
