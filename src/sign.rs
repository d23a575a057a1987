//! Signing: the headers of a request (content type, target, user agent)
//! signed with SigV4 by `aws-sigv4`, and the clock they are signed by, which
//! learns the service's offset from the HTTP `Date` of a response that
//! refused a signature.
//!
//! It takes credentials as given (loading them is [`crate::credentials`]'s
//! job) and never logs them: signed header values are marked sensitive.

use crate::error::{Error, ErrorKind};
use aws_credential_types::Credentials;
use aws_sigv4::http_request::{SignableBody, SignableRequest, SigningSettings, sign};
use aws_sigv4::sign::v4::SigningParams;
use reqwest::header::{HeaderMap, HeaderName, HeaderValue};
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
        Ok(Self { endpoint, region, host, host_prefix, skew: ClockSkew::default() })
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
        let identity = credentials.into();
        let cannot_sign = |e: Box<dyn std::error::Error + Send + Sync>| {
            Error::config("cannot sign the request").with_source(e)
        };
        let params = SigningParams::builder()
            .identity(&identity)
            .region(&self.region)
            .name(SIGNING_NAME)
            .time(self.skew.now())
            .settings(SigningSettings::default())
            .build()
            .map_err(|e| cannot_sign(e.into()))?;
        let (url, host) = to.map_or((&self.endpoint, &self.host), |d| (&d.url, &d.host));
        let unsigned =
            [("content-type", CONTENT_TYPE), ("host", host.as_str()), ("x-amz-target", target)];
        let signable = SignableRequest::new(
            "POST",
            url.as_str(),
            unsigned.iter().copied(),
            SignableBody::Bytes(body),
        )
        .map_err(|e| cannot_sign(e.into()))?;
        let (instructions, _signature) =
            sign(signable, &params.into()).map_err(|e| cannot_sign(e.into()))?.into_parts();

        let mut headers = HeaderMap::with_capacity(8);
        headers.insert(reqwest::header::CONTENT_TYPE, HeaderValue::from_static(CONTENT_TYPE));
        headers.insert(reqwest::header::USER_AGENT, HeaderValue::from_static(USER_AGENT));
        headers.insert(HeaderName::from_static("x-amz-target"), target_value);
        for (name, value) in instructions.headers() {
            let mut value = HeaderValue::from_str(value).map_err(|e| cannot_sign(e.into()))?;
            value.set_sensitive(true);
            headers.insert(
                HeaderName::from_bytes(name.as_bytes()).map_err(|e| cannot_sign(e.into()))?,
                value,
            );
        }
        Ok(headers)
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
