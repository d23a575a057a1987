//! An AWS Signature Version 4 verifier that rebuilds the canonical request
//! from the bytes the fake received, written from the specification with no
//! code in common with the crate's signer: that independence is what makes
//! it a check of the signer. Only the primitives are shared: the HMAC chain
//! and the final HMAC come from `aws-sigv4`'s public functions, SHA-256 from
//! `sha2` (which `aws-sigv4` already depends on).
//!
//! [`Request::signature_verified`] uses it with the credentials the fake
//! knows; [`verify`] checks a request against credentials you name.
//!
//! ```
//! use sfn_lite::testing::{Request, sigv4};
//!
//! // The `get-vanilla` vector of the AWS SigV4 test suite.
//! let request = Request::new(
//!     "GET",
//!     "/",
//!     [
//!         ("host", "example.amazonaws.com"),
//!         ("x-amz-date", "20150830T123600Z"),
//!         (
//!             "authorization",
//!             "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, \
//!              SignedHeaders=host;x-amz-date, \
//!              Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31",
//!         ),
//!     ],
//!     Vec::new(),
//! );
//! let expect = sigv4::Expect {
//!     access_key_id: "AKIDEXAMPLE",
//!     secret_access_key: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
//!     region: "us-east-1",
//!     service: "service",
//! };
//! let verified = sigv4::verify(&request, &expect).unwrap();
//! assert_eq!(verified.signed_headers, ["host", "x-amz-date"]);
//! ```
//!
//! [`Request::signature_verified`]: super::Request::signature_verified

use super::lock;
use super::request::Request;
use sha2::{Digest, Sha256};
use std::fmt::Write as _;

const ALGORITHM: &str = "AWS4-HMAC-SHA256";

/// The signing name of Step Functions.
const SERVICE: &str = "states";

/// What a signature must have been made with.
#[derive(Clone, Copy, Debug)]
pub struct Expect<'a> {
    /// The access key id the credential scope must name.
    pub access_key_id: &'a str,
    /// The secret to derive the signing key from.
    pub secret_access_key: &'a str,
    /// The scope's region.
    pub region: &'a str,
    /// The scope's service (signing name): `states` for Step Functions.
    pub service: &'a str,
}

/// What a verified request was signed with.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Verified {
    /// The `SignedHeaders` list, in order.
    pub signed_headers: Vec<String>,
    /// The `X-Amz-Date` value.
    pub amz_date: String,
    /// The canonical request that was signed.
    pub canonical_request: String,
}

/// The parts of an `Authorization: AWS4-HMAC-SHA256 ...` header.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Authorization {
    /// Access key id / date / region / service / `aws4_request`.
    pub credential: String,
    /// The signed header names, `;`-separated.
    pub signed_headers: String,
    /// The hex signature.
    pub signature: String,
}

/// Parses an `Authorization` header value.
pub fn parse_authorization(value: &str) -> Result<Authorization, String> {
    let rest = value
        .strip_prefix(ALGORITHM)
        .and_then(|r| r.strip_prefix(' '))
        .ok_or_else(|| format!("not {ALGORITHM}: {value:?}"))?;
    let (mut credential, mut signed_headers, mut signature) = (None, None, None);
    for part in rest.split(',') {
        let (key, val) = part.trim().split_once('=').ok_or_else(|| format!("bad part {part:?}"))?;
        let slot = match key {
            "Credential" => &mut credential,
            "SignedHeaders" => &mut signed_headers,
            "Signature" => &mut signature,
            other => return Err(format!("unexpected component {other:?}")),
        };
        if slot.replace(val.to_owned()).is_some() {
            return Err(format!("{key} given twice"));
        }
    }
    Ok(Authorization {
        credential: credential.ok_or("no Credential")?,
        signed_headers: signed_headers.ok_or("no SignedHeaders")?,
        signature: signature.ok_or("no Signature")?,
    })
}

/// Lowercase hex of `bytes`.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().fold(String::with_capacity(bytes.len() * 2), |mut out, b| {
        let _ = write!(out, "{b:02x}");
        out
    })
}

/// Hex SHA-256.
pub fn sha256_hex(data: &[u8]) -> String {
    hex(&Sha256::digest(data))
}

/// The signing key: the HMAC chain over `date` (`YYYYMMDD`), region,
/// service and `aws4_request`.
pub fn signing_key(
    secret: &str,
    date: &str,
    region: &str,
    service: &str,
) -> Result<Vec<u8>, String> {
    let day = parse_day(date).ok_or_else(|| format!("date {date:?} is not YYYYMMDD"))?;
    Ok(aws_sigv4::sign::v4::generate_signing_key(secret, day, region, service).as_ref().to_vec())
}

/// Noon UTC of a `YYYYMMDD` day: the key derivation uses only the day.
fn parse_day(date: &str) -> Option<std::time::SystemTime> {
    let digits = |range: std::ops::Range<usize>| date.get(range)?.parse::<u16>().ok();
    if date.len() != 8 || !date.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let month = time::Month::try_from(u8::try_from(digits(4..6)?).ok()?).ok()?;
    let day = time::Date::from_calendar_date(
        i32::from(digits(0..4)?),
        month,
        u8::try_from(digits(6..8)?).ok()?,
    )
    .ok()?;
    Some(day.with_time(time::Time::from_hms(12, 0, 0).ok()?).assume_utc().into())
}

/// The string to sign for a canonical request.
pub fn string_to_sign(amz_date: &str, scope: &str, canonical_request: &str) -> String {
    format!("{ALGORITHM}\n{amz_date}\n{scope}\n{}", sha256_hex(canonical_request.as_bytes()))
}

/// The hex signature of a string to sign.
pub fn signature(key: &[u8], string_to_sign: &str) -> String {
    aws_sigv4::sign::v4::calculate_signature(key, string_to_sign.as_bytes())
}

/// The canonical query string: parameters sorted by name, then value. The
/// names and values are taken as already URI-encoded, as clients send them.
fn canonical_query(query: &str) -> String {
    let mut pairs: Vec<(&str, &str)> = query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| p.split_once('=').unwrap_or((p, "")))
        .collect();
    pairs.sort_unstable();
    pairs.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("&")
}

/// A header value as canonicalized: trimmed, inner runs of spaces collapsed.
fn canonical_value(value: &str) -> String {
    value.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The canonical request of `request`, signing `signed_headers` (lowercase,
/// sorted). The path is used as sent, which is right for paths that need no
/// further encoding (Step Functions always uses `/`).
pub fn canonical_request(request: &Request, signed_headers: &[&str]) -> Result<String, String> {
    let (path, query) = request.path.split_once('?').unwrap_or((&request.path, ""));
    let mut out = format!("{}\n{path}\n{}\n", request.method, canonical_query(query));
    for name in signed_headers {
        let values: Vec<String> = request.header_values(name).map(canonical_value).collect();
        if values.is_empty() {
            return Err(format!("signed header `{name}` is not in the request"));
        }
        let _ = writeln!(out, "{name}:{}", values.join(","));
    }
    let _ = write!(out, "\n{}\n{}", signed_headers.join(";"), sha256_hex(&request.body));
    Ok(out)
}

/// Verifies the request's SigV4 signature and credential scope against
/// `expect`.
pub fn verify(request: &Request, expect: &Expect<'_>) -> Result<Verified, String> {
    let header = request.header("authorization").ok_or("no Authorization header")?;
    let auth = parse_authorization(header)?;
    let amz_date = request.header("x-amz-date").ok_or("no X-Amz-Date header")?;
    let well_formed = amz_date.len() == 16
        && amz_date.as_bytes()[8] == b'T'
        && amz_date.ends_with('Z')
        && amz_date[..8].bytes().chain(amz_date[9..15].bytes()).all(|b| b.is_ascii_digit());
    if !well_formed {
        return Err(format!("X-Amz-Date {amz_date:?} is not YYYYMMDDTHHMMSSZ"));
    }
    let date = &amz_date[..8];

    let expected_scope = format!("{date}/{}/{}/aws4_request", expect.region, expect.service);
    let expected_credential = format!("{}/{expected_scope}", expect.access_key_id);
    if auth.credential != expected_credential {
        return Err(format!("Credential {:?}, expected {expected_credential:?}", auth.credential));
    }

    let signed: Vec<&str> = auth.signed_headers.split(';').collect();
    let mut sorted = signed.clone();
    sorted.sort_unstable();
    sorted.dedup();
    if signed != sorted || signed.iter().any(|h| h.is_empty() || *h != h.to_ascii_lowercase()) {
        return Err(format!(
            "SignedHeaders {:?} not lowercase, sorted, unique",
            auth.signed_headers
        ));
    }

    let canonical = canonical_request(request, &signed)?;
    let to_sign = string_to_sign(amz_date, &expected_scope, &canonical);
    let key = signing_key(expect.secret_access_key, date, expect.region, expect.service)?;
    let computed = signature(&key, &to_sign);
    if computed != auth.signature {
        return Err(format!(
            "signature {:?}, recomputed {computed:?} from the canonical request\n{}",
            auth.signature,
            redacted(&canonical)
        ));
    }
    Ok(Verified {
        signed_headers: signed.into_iter().map(str::to_owned).collect(),
        amz_date: amz_date.to_owned(),
        canonical_request: canonical,
    })
}

/// `canonical` with the session token's value left out, for messages.
fn redacted(canonical: &str) -> String {
    canonical
        .lines()
        .map(|line| match line.strip_prefix("x-amz-security-token:") {
            Some(_) => "x-amz-security-token:*** Sensitive Data Redacted ***",
            None => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

impl Request {
    /// Whether the request carries a SigV4 signature for Step Functions
    /// that [`verify`] recomputes from the received bytes with one of
    /// the credentials the fake knows: those of
    /// [`FakeSfn::client`](super::FakeSfn::client) and any registered with
    /// [`FakeSfn::accept_credentials`](super::FakeSfn::accept_credentials)
    /// (also after the request arrived). The scope's region may be any.
    pub fn signature_verified(&self) -> bool {
        let Some(region) = self.scope_region() else { return false };
        lock(&self.known).iter().any(|credentials| {
            let expect = Expect {
                access_key_id: credentials.access_key_id(),
                secret_access_key: credentials.secret_access_key(),
                region: &region,
                service: SERVICE,
            };
            verify(self, &expect).is_ok()
        })
    }

    /// The region the signature's credential scope names.
    fn scope_region(&self) -> Option<String> {
        let auth = parse_authorization(self.header("authorization")?).ok()?;
        let region = auth.credential.split('/').nth(2)?;
        Some(region.to_owned())
    }
}
