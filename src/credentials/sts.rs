//! STS `AssumeRole` and `AssumeRoleWithWebIdentity` over its query protocol:
//! a form-encoded POST, answered in XML. The answer's few elements are
//! picked out by hand (with entity decoding) rather than with an XML crate:
//! STS's answers are flat, machine-written and small.

use super::{Environment, describe};
use crate::response::redact;
use aws_credential_types::Credentials;
use aws_sigv4::http_request::{SignableBody, SignableRequest, SigningSettings, sign};
use aws_sigv4::sign::v4::SigningParams;
use std::time::{Duration, SystemTime};

/// How long one STS request may take.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);
const CONTENT_TYPE: &str = "application/x-www-form-urlencoded; charset=utf-8";

/// A role to assume and how.
#[derive(Debug)]
pub(crate) struct Role {
    pub(crate) arn: String,
    pub(crate) session_name: String,
    pub(crate) external_id: Option<String>,
    pub(crate) duration_seconds: Option<u32>,
}

/// Where STS is reached: a configured endpoint (`AWS_ENDPOINT_URL_STS` and
/// the like), else the regional endpoint, else the global one.
fn endpoint(env: &Environment) -> (String, String) {
    let region = env.region();
    let signing_region = region.clone().unwrap_or_else(|| "us-east-1".to_owned());
    let url = env.endpoint_url("STS", "sts").unwrap_or_else(|| match region {
        Some(r) if r.starts_with("cn-") => format!("https://sts.{r}.amazonaws.com.cn"),
        Some(r) => format!("https://sts.{r}.amazonaws.com"),
        None => "https://sts.amazonaws.com".to_owned(),
    });
    (url, signing_region)
}

/// `AssumeRoleWithWebIdentity`: unsigned, the token is the proof.
pub(crate) async fn assume_role_with_web_identity(
    env: &Environment,
    role: &Role,
    token: &str,
) -> Result<Credentials, String> {
    let mut form = vec![
        ("Action", "AssumeRoleWithWebIdentity"),
        ("Version", "2011-06-15"),
        ("RoleArn", role.arn.as_str()),
        ("RoleSessionName", role.session_name.as_str()),
        ("WebIdentityToken", token),
    ];
    let duration = role.duration_seconds.map(|d| d.to_string());
    if let Some(d) = &duration {
        form.push(("DurationSeconds", d));
    }
    let what = format!("STS AssumeRoleWithWebIdentity of {}", role.arn);
    call(env, &form, None, &what, token).await
}

/// `AssumeRole`, signed with the source credentials.
pub(crate) async fn assume_role(
    env: &Environment,
    role: &Role,
    source: &Credentials,
) -> Result<Credentials, String> {
    let mut form = vec![
        ("Action", "AssumeRole"),
        ("Version", "2011-06-15"),
        ("RoleArn", role.arn.as_str()),
        ("RoleSessionName", role.session_name.as_str()),
    ];
    if let Some(id) = &role.external_id {
        form.push(("ExternalId", id));
    }
    let duration = role.duration_seconds.map(|d| d.to_string());
    if let Some(d) = &duration {
        form.push(("DurationSeconds", d));
    }
    let what = format!("STS AssumeRole of {}", role.arn);
    call(env, &form, Some(source), &what, source.session_token().unwrap_or("")).await
}

/// One call, retried once when the service or the connection failed; the
/// error names `what` and the endpoint, with `secret` redacted.
async fn call(
    env: &Environment,
    form: &[(&str, &str)],
    signer: Option<&Credentials>,
    what: &str,
    secret: &str,
) -> Result<Credentials, String> {
    let (url, region) = endpoint(env);
    let http = env.http().map_err(|e| super::reason(&e))?;
    let body = form_encode(form);
    let mut last_error = String::new();
    for attempt in 0..2 {
        if attempt > 0 {
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        let mut request = http
            .post(&url)
            .timeout(REQUEST_TIMEOUT)
            .header(reqwest::header::CONTENT_TYPE, CONTENT_TYPE)
            .body(body.clone());
        if let Some(credentials) = signer {
            for (name, value) in sign_headers(&url, &region, credentials, body.as_bytes())? {
                request = request.header(name, value);
            }
        }
        let (status, text) = match request.send().await {
            Ok(response) => {
                let status = response.status();
                match response.text().await {
                    Ok(text) => (status, text),
                    Err(e) => {
                        last_error = format!("{what} at {url}: cannot read the answer: {e}");
                        continue;
                    }
                }
            }
            Err(e) => {
                last_error = format!("{what} at {url}: {}", describe(&e));
                continue;
            }
        };
        if status.is_success() {
            return parse_credentials(&text).map_err(|e| format!("{what} at {url}: {e}"));
        }
        let code = element(&text, "Code").unwrap_or_default();
        let message = redact(&element(&text, "Message").unwrap_or_default(), secret);
        last_error =
            format!("{what} at {url} failed with HTTP {}: {code}: {message}", status.as_u16());
        let retryable = status.is_server_error()
            || ["Throttling", "IDPCommunicationError"].contains(&code.as_str());
        if !retryable {
            break;
        }
    }
    Err(last_error)
}

/// SigV4 headers for a POST of `body` to `url` as the `sts` service.
fn sign_headers(
    url: &str,
    region: &str,
    credentials: &Credentials,
    body: &[u8],
) -> Result<Vec<(String, String)>, String> {
    let cannot = |e: &dyn std::fmt::Display| format!("cannot sign the STS request: {e}");
    let parsed = reqwest::Url::parse(url).map_err(|e| cannot(&e))?;
    let host = match (parsed.host_str(), parsed.port()) {
        (Some(h), Some(p)) => format!("{h}:{p}"),
        (Some(h), None) => h.to_owned(),
        _ => return Err(format!("the STS endpoint {url} has no host")),
    };
    let identity = credentials.clone().into();
    let params = SigningParams::builder()
        .identity(&identity)
        .region(region)
        .name("sts")
        .time(SystemTime::now())
        .settings(SigningSettings::default())
        .build()
        .map_err(|e| cannot(&e))?;
    let headers = [("content-type", CONTENT_TYPE), ("host", host.as_str())];
    let signable =
        SignableRequest::new("POST", url, headers.iter().copied(), SignableBody::Bytes(body))
            .map_err(|e| cannot(&e))?;
    let (instructions, _) = sign(signable, &params.into()).map_err(|e| cannot(&e))?.into_parts();
    Ok(instructions.headers().map(|(n, v)| (n.to_owned(), v.to_owned())).collect())
}

/// `application/x-www-form-urlencoded`, every byte but the unreserved ones
/// percent-encoded.
fn form_encode(pairs: &[(&str, &str)]) -> String {
    let encode = |s: &str| {
        let mut out = String::with_capacity(s.len());
        for b in s.bytes() {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                out.push(char::from(b));
            } else {
                out.push_str(&format!("%{b:02X}"));
            }
        }
        out
    };
    let pairs: Vec<String> =
        pairs.iter().map(|(k, v)| format!("{}={}", encode(k), encode(v))).collect();
    pairs.join("&")
}

/// The `<Credentials>` of a successful answer.
fn parse_credentials(xml: &str) -> Result<Credentials, String> {
    let credentials = raw_element(xml, "Credentials").ok_or("the answer has no <Credentials>")?;
    let get = |name: &str| {
        element(credentials, name)
            .ok_or_else(|| format!("the answer's <Credentials> has no <{name}>"))
    };
    let (id, secret, token) = (get("AccessKeyId")?, get("SecretAccessKey")?, get("SessionToken")?);
    let expiry = super::parse_expiration(&get("Expiration")?)?;
    Ok(Credentials::new(id, secret, Some(token), Some(expiry), "sts"))
}

/// The text of the first `<name>` element (with or without attributes),
/// entity references decoded; `None` when absent or malformed.
fn element(xml: &str, name: &str) -> Option<String> {
    decode_entities(raw_element(xml, name)?)
}

/// The content of the first `<name>` element, as written.
fn raw_element<'x>(xml: &'x str, name: &str) -> Option<&'x str> {
    let open = format!("<{name}");
    let mut from = 0;
    let start = loop {
        let at = from + xml[from..].find(&open)?;
        let rest = &xml[at + open.len()..];
        match rest.chars().next()? {
            '>' => break at + open.len() + 1,
            c if c.is_ascii_whitespace() => break at + open.len() + rest.find('>')? + 1,
            _ => from = at + open.len(),
        }
    };
    let end = start + xml[start..].find(&format!("</{name}>"))?;
    Some(&xml[start..end])
}

/// `&lt;`, `&gt;`, `&amp;`, `&quot;`, `&apos;` and character references.
fn decode_entities(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let end = rest[at..].find(';')? + at;
        let entity = &rest[at + 1..end];
        let c = match entity {
            "lt" => '<',
            "gt" => '>',
            "amp" => '&',
            "quot" => '"',
            "apos" => '\'',
            _ => {
                let code = match entity.strip_prefix("#x").or_else(|| entity.strip_prefix("#X")) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                    None => entity.strip_prefix('#')?.parse().ok()?,
                };
                char::from_u32(code)?
            }
        };
        out.push(c);
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    Some(out.trim().to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elements_are_found_whole_and_decoded() {
        let xml = "<R><CredentialsX>no</CredentialsX><Credentials a=\"1\"><AccessKeyId>AK</AccessKeyId>\
                   <SecretAccessKey>s&amp;&lt;&#x41;&#66;&gt;&quot;&apos;</SecretAccessKey>\
                   <SessionToken>\n  tok+/=\n</SessionToken><Expiration>2030-01-02T03:04:05Z</Expiration>\
                   </Credentials></R>";
        let c = parse_credentials(xml).unwrap();
        assert_eq!(c.access_key_id(), "AK");
        assert_eq!(c.secret_access_key(), "s&<AB>\"'");
        assert_eq!(c.session_token(), Some("tok+/="));
        assert_eq!(
            c.expiry().unwrap().duration_since(SystemTime::UNIX_EPOCH).unwrap().as_secs(),
            1_893_553_445
        );
        assert_eq!(element("<a>x &bogus; y</a>", "a"), None);
        assert_eq!(element("<a>x &#xFFFFFFFF; y</a>", "a"), None);
        assert_eq!(element("<a>unclosed", "a"), None);
        assert_eq!(element("<ab>x</ab><a>y</a>", "a").as_deref(), Some("y"));
    }

    #[test]
    fn missing_elements_are_named() {
        let error = parse_credentials("<Credentials><AccessKeyId>A</AccessKeyId></Credentials>");
        assert!(error.unwrap_err().contains("<SecretAccessKey>"));
        assert!(parse_credentials("<html>").unwrap_err().contains("no <Credentials>"));
    }

    #[test]
    fn forms_encode_every_reserved_byte() {
        assert_eq!(
            form_encode(&[("a", "x y+/=&é"), ("b", "-_.~")]),
            "a=x%20y%2B%2F%3D%26%C3%A9&b=-_.~"
        );
    }
}
