//! Signing: the headers of a request (content type, target, user agent)
//! signed with SigV4, and the clock they are signed by, which learns the
//! service's offset from the HTTP `Date` of a response that refused a
//! signature. A request to the endpoint's root has one canonical form, which
//! is written directly; `aws-sigv4` derives the day's signing key (kept) and
//! computes the HMAC, and signs requests to any other path whole.
//!
//! It takes credentials as given (loading them is [`crate::credentials`]'s
//! job) and never logs them: signed header values are marked sensitive.

use crate::error::{Error, ErrorKind};
use aws_credential_types::Credentials;
use aws_sigv4::http_request::{SignableBody, SignableRequest, SigningSettings, sign};
use aws_sigv4::sign::v4::{SigningParams, calculate_signature, generate_signing_key};
use reqwest::header::{HeaderMap, HeaderName, HeaderValue};
use sha2::{Digest, Sha256};
use std::fmt;
use std::sync::Mutex;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{Duration, SystemTime};

const CONTENT_TYPE: &str = "application/x-amz-json-1.0";
const SIGNING_NAME: &str = "states";
const USER_AGENT: &str = concat!("sfn-lite/", env!("CARGO_PKG_VERSION"));
/// A server clock further than this from ours explains a signature error.
pub(crate) const SKEW_THRESHOLD: Duration = Duration::from_secs(4 * 60);

/// Signs requests to one endpoint in one region.
#[derive(Debug)]
pub(crate) struct Signer {
    endpoint: reqwest::Url,
    region: String,
    /// `host[:port]` as sent in the Host header and signed.
    host: String,
    /// Whether operations' host prefixes apply (`sync-`).
    host_prefix: bool,
    skew: ClockSkew,
    signing_keys: SigningKeys,
}

/// Where a request goes when its operation's host prefix changes the
/// endpoint: the URL and the `host[:port]` signed.
#[derive(Debug)]
pub(crate) struct Destination {
    pub(crate) url: reqwest::Url,
    host: String,
}

fn host_header(url: &reqwest::Url) -> Option<String> {
    match (url.host_str(), url.port()) {
        (Some(h), Some(p)) => Some(format!("{h}:{p}")),
        (Some(h), None) => Some(h.to_owned()),
        (None, _) => None,
    }
}

impl Signer {
    pub(crate) fn new(
        endpoint: reqwest::Url,
        region: String,
        host_prefix: bool,
    ) -> Result<Self, Error> {
        let Some(host) = host_header(&endpoint) else {
            return Err(Error::config(format!("endpoint {endpoint} has no host")));
        };
        Ok(Self {
            endpoint,
            region,
            host,
            host_prefix,
            skew: ClockSkew::default(),
            signing_keys: SigningKeys::default(),
        })
    }

    /// Where an operation whose model gives it the host prefix `prefix`
    /// goes, when that is not the endpoint itself: the prefix before the
    /// endpoint's host name (`sync-states.us-east-1.amazonaws.com`), as the
    /// SDKs do, custom endpoints included. Not when prefixes are off, nor
    /// for an IP address or `localhost`, which no prefixed name can reach.
    pub(crate) fn destination(&self, prefix: Option<&str>) -> Option<Destination> {
        let prefix = prefix.filter(|_| self.host_prefix)?;
        let name = self.endpoint.host_str()?;
        if name.eq_ignore_ascii_case("localhost") {
            return None;
        }
        let mut url = self.endpoint.clone();
        // The URL parser refuses a prefixed IP address (`sync-127.0.0.1`
        // ends like an IPv4 address and is not one; `sync-[::1]` is no host).
        url.set_host(Some(&format!("{prefix}{name}"))).ok()?;
        let host = host_header(&url)?;
        Some(Destination { url, host })
    }

    pub(crate) fn endpoint(&self) -> &reqwest::Url {
        &self.endpoint
    }

    pub(crate) fn region(&self) -> &str {
        &self.region
    }

    /// The clock signatures are dated by.
    pub(crate) fn clock(&self) -> &ClockSkew {
        &self.skew
    }

    /// The headers of a `POST` of `body` to the operation `target`
    /// (`AWSStepFunctions.<Name>`), signed at the current (corrected) time.
    /// `to`: the prefixed destination, if the operation has one.
    pub(crate) fn headers(
        &self,
        credentials: Credentials,
        target: &str,
        body: &[u8],
        to: Option<&Destination>,
    ) -> Result<HeaderMap, Error> {
        self.headers_at(credentials, target, body, to, self.skew.now())
    }

    fn headers_at(
        &self,
        credentials: Credentials,
        target: &str,
        body: &[u8],
        to: Option<&Destination>,
        now: SystemTime,
    ) -> Result<HeaderMap, Error> {
        let target_value = HeaderValue::from_str(target).map_err(|e| {
            Error::with_message(
                ErrorKind::InvalidInput,
                format!("the operation target {target:?} is not a valid header value"),
            )
            .with_source(e)
        })?;
        // The access key id and the session token travel in headers; anything
        // else that cannot be signed is the region's or the endpoint's fault.
        let header_safe = |v: &str| v.bytes().all(|b| (b' '..=b'~').contains(&b));
        if !header_safe(credentials.access_key_id())
            || !credentials.session_token().is_none_or(header_safe)
        {
            return Err(Error::with_message(
                ErrorKind::Credentials,
                "the access key id or session token holds characters an HTTP header cannot",
            ));
        }
        let (url, host) = to.map_or((&self.endpoint, &self.host), |d| (&d.url, &d.host));
        let signed = if url.path() == "/" && url.query().is_none() {
            self.sign_root(&credentials, target, host, body, now)
        } else {
            self.sign_any(credentials, target, url, host, body, now)
        };
        let mut headers = HeaderMap::with_capacity(8);
        headers.insert(reqwest::header::CONTENT_TYPE, HeaderValue::from_static(CONTENT_TYPE));
        headers.insert(reqwest::header::USER_AGENT, HeaderValue::from_static(USER_AGENT));
        headers.insert(HeaderName::from_static("x-amz-target"), target_value);
        for (name, value) in signed? {
            let mut value = HeaderValue::from_str(&value).map_err(|e| cannot_sign(e.into()))?;
            value.set_sensitive(true);
            headers.insert(name, value);
        }
        Ok(headers)
    }

    /// The signature headers of a request to the endpoint's root, as every
    /// request is unless a custom endpoint has a path: the canonical request
    /// of the crate's one kind of request written directly, and the day's
    /// signing key kept (SigV4 derives it with four HMACs), which makes
    /// signing about four times as fast as the general path. Equal to
    /// [`Self::sign_any`] by test.
    fn sign_root(
        &self,
        credentials: &Credentials,
        target: &str,
        host: &str,
        body: &[u8],
        now: SystemTime,
    ) -> Result<Vec<(HeaderName, String)>, Error> {
        let at = time::OffsetDateTime::from(now);
        let date = format!("{:04}{:02}{:02}", at.year(), u8::from(at.month()), at.day());
        let date_time = format!("{date}T{:02}{:02}{:02}Z", at.hour(), at.minute(), at.second());
        let token = credentials.session_token();
        let signed_headers = match token {
            Some(_) => "content-type;host;x-amz-date;x-amz-security-token;x-amz-target",
            None => "content-type;host;x-amz-date;x-amz-target",
        };
        let mut canonical = String::with_capacity(320 + token.map_or(0, str::len));
        canonical.push_str("POST\n/\n\ncontent-type:");
        canonical.push_str(CONTENT_TYPE);
        canonical.push_str("\nhost:");
        canonical.push_str(&trim_spaces(host));
        canonical.push_str("\nx-amz-date:");
        canonical.push_str(&date_time);
        if let Some(token) = token {
            canonical.push_str("\nx-amz-security-token:");
            canonical.push_str(token);
        }
        canonical.push_str("\nx-amz-target:");
        canonical.push_str(&trim_spaces(target));
        canonical.push_str("\n\n");
        canonical.push_str(signed_headers);
        canonical.push('\n');
        push_hex(&mut canonical, &Sha256::digest(body));
        let scope = format!("{date}/{}/{SIGNING_NAME}/aws4_request", self.region);
        let mut string_to_sign = format!("AWS4-HMAC-SHA256\n{date_time}\n{scope}\n");
        push_hex(&mut string_to_sign, &Sha256::digest(canonical.as_bytes()));
        let signature =
            self.signing_keys.sign(credentials, &date, now, &self.region, &string_to_sign);
        let authorization = format!(
            "AWS4-HMAC-SHA256 Credential={}/{scope}, SignedHeaders={signed_headers}, \
             Signature={signature}",
            credentials.access_key_id()
        );
        let mut headers = vec![
            (HeaderName::from_static("x-amz-date"), date_time),
            (reqwest::header::AUTHORIZATION, authorization),
        ];
        if let Some(token) = token {
            headers.push((HeaderName::from_static("x-amz-security-token"), token.to_owned()));
        }
        Ok(headers)
    }

    /// The signature headers of a request to any URL, by `aws-sigv4`'s
    /// general signer.
    fn sign_any(
        &self,
        credentials: Credentials,
        target: &str,
        url: &reqwest::Url,
        host: &str,
        body: &[u8],
        now: SystemTime,
    ) -> Result<Vec<(HeaderName, String)>, Error> {
        let identity = credentials.into();
        let params = SigningParams::builder()
            .identity(&identity)
            .region(&self.region)
            .name(SIGNING_NAME)
            .time(now)
            .settings(SigningSettings::default())
            .build()
            .map_err(|e| cannot_sign(e.into()))?;
        let unsigned = [("content-type", CONTENT_TYPE), ("host", host), ("x-amz-target", target)];
        let signable = SignableRequest::new(
            "POST",
            url.as_str(),
            unsigned.iter().copied(),
            SignableBody::Bytes(body),
        )
        .map_err(|e| cannot_sign(e.into()))?;
        let (instructions, _signature) =
            sign(signable, &params.into()).map_err(|e| cannot_sign(e.into()))?.into_parts();
        instructions
            .headers()
            .map(|(name, value)| {
                let name =
                    HeaderName::from_bytes(name.as_bytes()).map_err(|e| cannot_sign(e.into()))?;
                Ok((name, value.to_owned()))
            })
            .collect()
    }
}

/// A failure to sign that is the region's or the endpoint's fault.
fn cannot_sign(e: Box<dyn std::error::Error + Send + Sync>) -> Error {
    Error::config("cannot sign the request").with_source(e)
}

/// SigV4's normal form of a header value: spaces trimmed at both ends and
/// runs of spaces made one (other whitespace stays), as `aws-sigv4` does.
fn trim_spaces(value: &str) -> std::borrow::Cow<'_, str> {
    let value = value.trim_matches(' ');
    if !value.contains("  ") {
        return value.into();
    }
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        if !(c == ' ' && out.ends_with(' ')) {
            out.push(c);
        }
    }
    out.into()
}

/// Appends `bytes` in lowercase hex.
fn push_hex(out: &mut String, bytes: &[u8]) {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    for &b in bytes {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 0xf)]));
    }
}

/// The last day's signing key, for the secret it was derived from.
#[derive(Default)]
struct SigningKeys(Mutex<Option<SigningKey>>);

struct SigningKey {
    /// The SHA-256 of the secret access key, not the key itself.
    secret: [u8; 32],
    date: String,
    key: Vec<u8>,
}

impl SigningKeys {
    /// The signature of `string_to_sign` with the signing key of `date`
    /// (the date of `now`), derived once a day and secret.
    fn sign(
        &self,
        credentials: &Credentials,
        date: &str,
        now: SystemTime,
        region: &str,
        string_to_sign: &str,
    ) -> String {
        let secret: [u8; 32] = Sha256::digest(credentials.secret_access_key().as_bytes()).into();
        let mut cached = self.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let key = match cached.as_ref() {
            Some(k) if k.date == date && k.secret == secret => &k.key,
            _ => {
                let key = generate_signing_key(
                    credentials.secret_access_key(),
                    now,
                    region,
                    SIGNING_NAME,
                );
                let fresh =
                    SigningKey { secret, date: date.to_owned(), key: key.as_ref().to_vec() };
                &cached.insert(fresh).key
            }
        };
        calculate_signature(key, string_to_sign.as_bytes())
    }
}

impl fmt::Debug for SigningKeys {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SigningKeys(*** Sensitive Data Redacted ***)")
    }
}

/// The offset between the service's clock and ours, learnt from the `Date`
/// of a response that refused our signature; signing times add it.
#[derive(Debug, Default)]
pub(crate) struct ClockSkew {
    millis: AtomicI64,
}

impl ClockSkew {
    /// Now, by the service's clock as far as we know it.
    pub(crate) fn now(&self) -> SystemTime {
        let skew = self.millis.load(Ordering::Relaxed);
        let now = SystemTime::now();
        let shifted = if skew >= 0 {
            now.checked_add(Duration::from_millis(skew.unsigned_abs()))
        } else {
            now.checked_sub(Duration::from_millis(skew.unsigned_abs()))
        };
        shifted.unwrap_or(now)
    }

    /// Learns the offset from a response's `Date` (Unix seconds), received
    /// at `local` (Unix milliseconds by our clock). `true` when the server's
    /// clock was more than [`SKEW_THRESHOLD`] from our corrected one, so the
    /// new offset is worth a retry.
    pub(crate) fn adjust(&self, server_secs: i64, local_millis: i64) -> bool {
        let server_millis = server_secs.saturating_mul(1000);
        let skew = server_millis.saturating_sub(local_millis);
        let current = self.millis.load(Ordering::Relaxed);
        if skew.saturating_sub(current).unsigned_abs() <= SKEW_THRESHOLD.as_millis() as u64 {
            return false;
        }
        self.millis.store(skew, Ordering::Relaxed);
        true
    }

    /// The offset, in milliseconds.
    #[cfg(test)]
    pub(crate) fn millis(&self) -> i64 {
        self.millis.load(Ordering::Relaxed)
    }
}

/// Our clock, in Unix milliseconds.
pub(crate) fn unix_millis_now() -> i64 {
    match SystemTime::now().duration_since(SystemTime::UNIX_EPOCH) {
        Ok(d) => i64::try_from(d.as_millis()).unwrap_or(i64::MAX),
        Err(e) => i64::try_from(e.duration().as_millis()).map_or(i64::MIN, |m| -m),
    }
}

/// Parses an HTTP `Date` in the IMF-fixdate form every server must send
/// (`Sun, 06 Nov 1994 08:49:37 GMT`) into Unix seconds. The obsolete forms
/// are not accepted; a skew correction then just does not happen.
pub(crate) fn parse_http_date(value: &str) -> Option<i64> {
    use time::{Date, Month, Time};
    let (_weekday, rest) = value.trim().split_once(", ")?;
    let mut parts = rest.split(' ');
    let day: u8 = parts.next()?.parse().ok()?;
    let month = match parts.next()? {
        "Jan" => Month::January,
        "Feb" => Month::February,
        "Mar" => Month::March,
        "Apr" => Month::April,
        "May" => Month::May,
        "Jun" => Month::June,
        "Jul" => Month::July,
        "Aug" => Month::August,
        "Sep" => Month::September,
        "Oct" => Month::October,
        "Nov" => Month::November,
        "Dec" => Month::December,
        _ => return None,
    };
    let year: i32 = parts.next()?.parse().ok()?;
    let mut hms = parts.next()?.split(':');
    let mut field = || -> Option<u8> { hms.next()?.parse().ok() };
    let (hour, minute, second) = (field()?, field()?, field()?);
    if hms.next().is_some() || parts.next()? != "GMT" || parts.next().is_some() {
        return None;
    }
    let date = Date::from_calendar_date(year, month, day).ok()?;
    let time = Time::from_hms(hour, minute, second).ok()?;
    Some(date.with_time(time).assume_utc().unix_timestamp())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn signer() -> Signer {
        Signer::new(reqwest::Url::parse("http://127.0.0.1:9/").unwrap(), "us-east-1".into(), true)
            .unwrap()
    }

    fn credentials(token: Option<&str>) -> Credentials {
        Credentials::new("AKID", "SECRET", token.map(str::to_owned), None, "test")
    }

    #[test]
    fn host_prefixes_go_before_host_names_only() {
        let at = |url: &str, on: bool| {
            let signer = Signer::new(reqwest::Url::parse(url).unwrap(), "us-east-1".into(), on);
            signer.unwrap().destination(Some("sync-")).map(|d| (d.url.to_string(), d.host))
        };
        let prefixed = |url: &str, host: &str| Some((url.to_owned(), host.to_owned()));
        assert_eq!(
            at("https://states.us-east-1.amazonaws.com", true),
            prefixed(
                "https://sync-states.us-east-1.amazonaws.com/",
                "sync-states.us-east-1.amazonaws.com"
            )
        );
        assert_eq!(
            at("http://sfn.internal:8083/base", true),
            prefixed("http://sync-sfn.internal:8083/base", "sync-sfn.internal:8083")
        );
        for (url, on) in [
            ("https://states.us-east-1.amazonaws.com", false),
            ("http://127.0.0.1:8083", true),
            ("http://[::1]:8083", true),
            ("http://LOCALHOST:8083", true),
        ] {
            assert_eq!(at(url, on), None, "{url}, prefixes on: {on}");
        }
        assert!(signer().destination(None).is_none());
    }

    #[test]
    fn signed_headers_carry_target_host_and_hide_their_values() {
        let headers = signer()
            .headers(credentials(Some("TOKEN")), "AWSStepFunctions.X", b"{}", None)
            .unwrap();
        assert_eq!(headers["x-amz-target"], "AWSStepFunctions.X");
        assert_eq!(headers["content-type"], CONTENT_TYPE);
        for name in ["authorization", "x-amz-date", "x-amz-security-token"] {
            assert!(headers[name].is_sensitive(), "{name}");
        }
        let authorization = headers["authorization"].to_str().unwrap();
        assert!(authorization.contains("SignedHeaders=content-type;host;"), "{authorization}");
    }

    #[test]
    fn the_root_path_signs_as_aws_sigv4_does() {
        let at = |secs: u64| SystemTime::UNIX_EPOCH + Duration::from_secs(secs);
        let secret = |s: &str| Credentials::new("AKIDEXAMPLE", s, None, None, "test");
        let with_token =
            |t: &str| Credentials::new("ASIAEXAMPLE", "SECRET", Some(t.into()), None, "t");
        let cases = [
            ("http://127.0.0.1:9/", "us-east-1", secret("SECRET"), "AWSStepFunctions.X", at(0)),
            (
                "https://states.eu-west-1.amazonaws.com",
                "eu-west-1",
                secret("SECRET"),
                "T",
                at(86_399),
            ),
            // The next day, and another secret: the kept key must not serve.
            (
                "https://states.eu-west-1.amazonaws.com",
                "eu-west-1",
                secret("SECRET"),
                "T",
                at(86_400),
            ),
            (
                "https://states.eu-west-1.amazonaws.com",
                "eu-west-1",
                secret("OTHER"),
                "T",
                at(86_400),
            ),
            (
                "http://localhost:4566",
                "cn-north-1",
                with_token("tok en  ==  "),
                "  A  B  ",
                at(1_795_559_751),
            ),
            (
                "http://[::1]:8083/",
                "us-gov-west-1",
                with_token("FwoGZXIvYXdzE"),
                "T",
                at(4_102_444_800),
            ),
        ];
        let body = br#"{"executionArn":"arn:aws:states:us-east-1:123456789012:execution:sm:run"}"#;
        // One signer per endpoint, so that its kept key meets the next day
        // and the other secret.
        let mut signers: Vec<(&str, Signer)> = Vec::new();
        for (url, region, credentials, target, now) in cases {
            if !signers.iter().any(|(u, _)| *u == url) {
                let signer = Signer::new(reqwest::Url::parse(url).unwrap(), region.into(), true);
                signers.push((url, signer.unwrap()));
            }
            let signer = &signers.iter().find(|(u, _)| *u == url).unwrap().1;
            for body in [&body[..], b"", b"{}"] {
                let fast = signer.sign_root(&credentials, target, &signer.host, body, now).unwrap();
                let general = signer
                    .sign_any(
                        credentials.clone(),
                        target,
                        &signer.endpoint,
                        &signer.host,
                        body,
                        now,
                    )
                    .unwrap();
                assert_eq!(fast, general, "{url} {region} {target:?}");
            }
        }
    }

    #[test]
    fn a_custom_endpoint_path_is_signed_by_the_general_path() {
        let url = reqwest::Url::parse("http://127.0.0.1:9/sfn/a b/").unwrap();
        let signer = Signer::new(url.clone(), "us-east-1".into(), true).unwrap();
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_795_559_751);
        let headers = signer.headers_at(credentials(None), "T", b"{}", None, now).unwrap();
        let general =
            signer.sign_any(credentials(None), "T", &url, &signer.host, b"{}", now).unwrap();
        let authorization = &general.iter().find(|(n, _)| n == "authorization").unwrap().1;
        assert_eq!(headers["authorization"], authorization.as_str());
        let root = signer.sign_root(&credentials(None), "T", &signer.host, b"{}", now).unwrap();
        assert_ne!(root, general, "the path is signed");
    }

    #[test]
    fn the_kept_signing_key_is_not_shown() {
        let signer = signer();
        signer.headers(credentials(None), "T", b"{}", None).unwrap();
        let shown = format!("{signer:?}");
        assert!(shown.contains("SigningKeys(*** Sensitive Data Redacted ***)"), "{shown}");
    }

    #[test]
    fn each_failure_to_sign_says_whose_it_is() {
        // The operation name is the caller's input.
        let e =
            signer().headers(credentials(None), "AWSStepFunctions.X\n", b"{}", None).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidInput, "{e}");
        // Only the credentials can put a bad value in a signed header.
        let e = signer().headers(credentials(Some("line\nbreak")), "T", b"{}", None).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Credentials, "{e}");
        assert!(!e.to_string().contains("line"), "{e}");
        // So is a region no header can carry (a custom endpoint skips the
        // endpoint rules' region check).
        let url = reqwest::Url::parse("http://127.0.0.1:9/").unwrap();
        let bad_region = Signer::new(url, "us\neast".into(), true).unwrap();
        let e = bad_region.headers(credentials(None), "T", b"{}", None).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Config, "{e}");
        // An endpoint without a host is a setting to fix.
        let no_host = reqwest::Url::parse("unix:/tmp/socket").unwrap();
        assert_eq!(Signer::new(no_host, "r".into(), true).unwrap_err().kind(), ErrorKind::Config);
    }

    #[test]
    fn http_dates_parse_in_imf_fixdate_form_only() {
        assert_eq!(parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT"), Some(784_111_777));
        assert_eq!(parse_http_date("Thu, 01 Jan 1970 00:00:00 GMT"), Some(0));
        assert_eq!(parse_http_date("Tue, 29 Feb 2028 23:59:59 GMT"), Some(1_835_481_599));
        for bad in [
            "",
            "Sunday, 06-Nov-94 08:49:37 GMT",
            "Sun Nov  6 08:49:37 1994",
            "Sun, 06 Nov 1994 08:49:37 UTC",
            "Sun, 06 Nov 1994 08:49:37",
            "Sun, 06 Nov 1994 08:49:37 GMT extra",
            "Sun, 31 Nov 1994 08:49:37 GMT",
            "Sun, 06 Now 1994 08:49:37 GMT",
            "Sun, 06 Nov 1994 24:00:00 GMT",
            "Sun, 06 Nov 1994 08:49 GMT",
            "Sun, 06 Nov 1994 08:49:37:01 GMT",
            "Sun, 06 Nov 99999999999 08:49:37 GMT",
            "Sun, -6 Nov 1994 08:49:37 GMT",
        ] {
            assert_eq!(parse_http_date(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn skew_is_learnt_only_when_far_off() {
        let skew = ClockSkew::default();
        let local = 1_800_000_000_000;
        // Within 4 minutes: a signature error is not the clock's fault.
        assert!(!skew.adjust(1_800_000_000 + 239, local));
        assert_eq!(skew.millis(), 0);
        // 15 minutes ahead: learnt.
        assert!(skew.adjust(1_800_000_000 + 900, local));
        assert_eq!(skew.millis(), 900_000);
        let ahead = skew.now().duration_since(SystemTime::now()).unwrap_or_default();
        assert!(ahead > Duration::from_secs(899) && ahead <= Duration::from_secs(900), "{ahead:?}");
        // Learnt already: the same answer again is no reason for a retry.
        assert!(!skew.adjust(1_800_000_000 + 901, local));
        // Behind works too.
        assert!(skew.adjust(1_800_000_000 - 600, local));
        assert_eq!(skew.millis(), -600_000);
        let behind = SystemTime::now().duration_since(skew.now()).unwrap_or_default();
        assert!(behind >= Duration::from_secs(599), "{behind:?}");
        // Absurd dates neither overflow nor panic.
        assert!(skew.adjust(i64::MAX, local));
        let _ = skew.now();
        assert!(skew.adjust(i64::MIN, local));
        let _ = skew.now();
    }
}
