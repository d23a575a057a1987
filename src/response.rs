//! Reading a response: the output of a successful one, the error of a
//! failed one (the AWS JSON 1.0 error rules), and the redaction of secrets a
//! server may echo in its error. It knows no operation and sends nothing.

use crate::error::{Error, ErrorCode, ServiceError};
use crate::json;

/// Decodes a successful response body into an operation's output.
///
/// The body must be a JSON object (serde's derived decoders would also take
/// an array); an empty body counts as `{}`. On failure the error says where,
/// not what: serde's message may quote a value, and a successful body carries
/// customer data.
pub(crate) fn decode_output<T: serde::de::DeserializeOwned>(
    status: u16,
    body: &[u8],
) -> Result<T, Error> {
    match body.iter().find(|b| !b.is_ascii_whitespace()) {
        None => {
            return json::from_slice(b"{}").map_err(|_| Error::decode(status, "empty body"));
        }
        Some(b'{') => {}
        Some(_) => {
            return Err(Error::decode(status, "the response body is not a JSON object"));
        }
    }
    json::from_slice(body).map_err(|e| {
        Error::decode(
            status,
            format!("{:?} error at line {} column {}", e.category(), e.line(), e.column()),
        )
    })
}

/// The longest body excerpt an error keeps.
const EXCERPT_CHARS: usize = 200;

/// The start of a body, as text, for an error message, with `secret`
/// redacted before it is cut (a token that starts inside the excerpt and
/// ends past it is redacted whole, not shown in part).
fn excerpt(body: &[u8], secret: Option<&str>) -> String {
    let window = EXCERPT_CHARS * 4 + secret.map_or(0, |s| s.len() * 3);
    let text = String::from_utf8_lossy(&body[..body.len().min(window)]);
    let text = match secret {
        Some(secret) => redact(&text, secret),
        None => text.into_owned(),
    };
    let mut out: String = text.chars().take(EXCERPT_CHARS).collect();
    if out.len() < text.len() || body.len() > window {
        out.push('…');
    }
    out
}

/// What replaces a secret in the service's words.
const REDACTED: &str = "*** Sensitive Data Redacted ***";

/// The shortest run of a secret that is redacted: a server or a proxy may
/// echo a token cut short, from its middle, or broken by escapes and line
/// breaks, and every run this long of it is still a secret.
const SECRET_RUN_BYTES: usize = 16;

/// Replaces every echo of `secret` in `text`: any run of at least
/// [`SECRET_RUN_BYTES`] bytes of the secret itself, of its percent-encoded
/// forms (upper and lower case hex) or of its JSON form with escaped
/// slashes, and the whole secret when it is shorter than that.
pub(crate) fn redact(text: &str, secret: &str) -> String {
    if secret.is_empty() {
        return text.to_owned();
    }
    let mut forms = vec![secret.to_owned(), secret.replace('/', "\\/")];
    for hex in [b"0123456789ABCDEF", b"0123456789abcdef"] {
        let mut encoded = String::with_capacity(secret.len() * 3);
        for &b in secret.as_bytes() {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                encoded.push(char::from(b));
            } else {
                encoded.extend([
                    '%',
                    char::from(hex[usize::from(b >> 4)]),
                    char::from(hex[usize::from(b & 15)]),
                ]);
            }
        }
        forms.push(encoded);
    }
    // Every form is matched against the original text and the bytes it
    // covers are marked, so one form's match cannot break another's.
    let bytes = text.as_bytes();
    let mut hidden = vec![false; bytes.len()];
    for form in &forms {
        if form.len() < SECRET_RUN_BYTES {
            for (at, _) in text.match_indices(form.as_str()) {
                hidden[at..at + form.len()].fill(true);
            }
            continue;
        }
        let runs: std::collections::HashSet<&[u8]> =
            form.as_bytes().windows(SECRET_RUN_BYTES).collect();
        for (at, window) in bytes.windows(SECRET_RUN_BYTES).enumerate() {
            if runs.contains(window) {
                hidden[at..at + SECRET_RUN_BYTES].fill(true);
            }
        }
    }
    // A character any of whose bytes is hidden is hidden; each stretch of
    // hidden characters becomes one marker.
    let mut out = String::with_capacity(text.len());
    let mut in_secret = false;
    for (at, c) in text.char_indices() {
        if hidden[at..at + c.len_utf8()].contains(&true) {
            if !in_secret {
                out.push_str(REDACTED);
            }
            in_secret = true;
        } else {
            out.push(c);
            in_secret = false;
        }
    }
    out
}

/// Cleans an error code the way the awsJson1_0 protocol tests require:
/// drop a `:`-suffix (`Code:http://internal...`), then a namespace
/// (`com.amazonaws.sfn#Code`).
pub(crate) fn clean_error_code(raw: &str) -> &str {
    let raw = raw.split(':').next().unwrap_or(raw);
    let raw = raw.split_once('#').map_or(raw, |(_, code)| code);
    raw.trim()
}

/// Decodes an error response: code from the `X-Amzn-ErrorType` header, else
/// the body's `code` or `__type`; message from `message`, `Message` or
/// `errorMessage`. A body that is not JSON keeps an excerpt, and its HTTP
/// status stands in for a code none of those gave.
/// `secret` (the session token the request carried) is redacted from the
/// message and the excerpt: an AWS signature error quotes the canonical
/// request, token and all, and a proxy's page may echo the headers.
pub(crate) fn decode_error(
    status: u16,
    error_type_header: Option<&str>,
    request_id: Option<String>,
    body: &[u8],
    secret: Option<&str>,
) -> Error {
    use serde_json::Value;

    let parsed: Option<serde_json::Map<String, Value>> = if body.iter().all(u8::is_ascii_whitespace)
    {
        Some(serde_json::Map::new())
    } else {
        serde_json::from_slice(body).ok()
    };
    let str_member = |name: &str| -> Option<&str> {
        parsed.as_ref()?.get(name)?.as_str().filter(|s| !s.is_empty())
    };
    let header_code = error_type_header.map(clean_error_code).filter(|c| !c.is_empty());
    let code = header_code
        .or_else(|| str_member("code").or_else(|| str_member("__type")).map(clean_error_code));
    // A body that is not the protocol's JSON (a proxy's or load balancer's
    // HTML page) is still the server's answer: its status stands in for the
    // missing code, as in boto3, and its start is kept. A JSON error with no
    // code anywhere (moto's `"__type": null`) gets an empty unknown code.
    let excerpt = parsed.is_none().then(|| excerpt(body, secret));
    let code = match (code, &excerpt) {
        (Some(code), _) => code.to_owned(),
        (None, Some(_)) => status.to_string(),
        (None, None) => String::new(),
    };
    Error::service(ServiceError {
        code: ErrorCode::from(code),
        message: str_member("message")
            .or_else(|| str_member("Message"))
            .or_else(|| str_member("errorMessage"))
            .map(|m| secret.map_or_else(|| m.to_owned(), |secret| redact(m, secret))),
        request_id,
        status,
        excerpt,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;

    #[test]
    fn codes_are_cleaned_in_every_form() {
        assert_eq!(clean_error_code("ExecutionDoesNotExist"), "ExecutionDoesNotExist");
        assert_eq!(clean_error_code("com.amazonaws.sfn#InvalidArn"), "InvalidArn");
        assert_eq!(
            clean_error_code("InvalidToken:http://internal.amazon.com/coral/com.amazon.coral/"),
            "InvalidToken"
        );
        assert_eq!(
            clean_error_code("aws.protocoltests#FooError:http://internal.amazon.com/"),
            "FooError"
        );
    }

    #[test]
    fn header_wins_over_body() {
        let e = decode_error(
            400,
            Some("InvalidArn"),
            Some("rid".into()),
            br#"{"__type":"ResourceNotFound","Message":"m"}"#,
            None,
        );
        assert_eq!(e.code(), Some(&ErrorCode::InvalidArn));
        assert_eq!(e.message(), Some("m"));
        assert_eq!(e.request_id(), Some("rid"));
    }

    #[test]
    fn null_type_falls_back_and_html_is_a_service_error_coded_by_its_status() {
        let e = decode_error(400, None, None, br#"{"__type":null,"message":"bad"}"#, None);
        assert_eq!(e.kind(), ErrorKind::Service);
        assert_eq!(e.code(), Some(&ErrorCode::Unknown(String::new())));
        assert_eq!(e.message(), Some("bad"));
        assert_eq!(e.status(), Some(400));
        assert_eq!(e.body_excerpt(), None);
        let html = b"<html><body>Internal Server Error</body></html>";
        let e = decode_error(500, None, Some("rid".into()), html, None);
        assert_eq!(e.kind(), ErrorKind::Service);
        assert_eq!(e.code(), Some(&ErrorCode::Unknown("500".into())));
        assert_eq!(e.message(), None);
        assert_eq!(e.request_id(), Some("rid"));
        assert_eq!(e.body_excerpt(), Some("<html><body>Internal Server Error</body></html>"));
        let shown = e.to_string();
        assert!(
            shown.starts_with("500 (HTTP 500); the body is not JSON and starts \"<html>"),
            "{shown}"
        );
        // A code from the header wins over the status; the excerpt stays.
        let e = decode_error(503, Some("ServiceUnavailable"), None, html, None);
        assert_eq!(e.code(), Some(&ErrorCode::ServiceUnavailable));
        assert!(e.body_excerpt().is_some());
    }

    #[test]
    fn success_bodies_must_be_json_objects() {
        #[derive(serde::Deserialize, Debug)]
        struct Out {
            #[serde(default)]
            _a: String,
        }
        assert!(decode_output::<Out>(200, b"  ").is_ok());
        assert!(decode_output::<Out>(200, b" {\"_a\":\"x\"}").is_ok());
        for bad in [&b"[\"x\"]"[..], b"\"x\"", b"null", b"{\"_a\":", b"<html>"] {
            let e = decode_output::<Out>(200, bad).unwrap_err();
            assert_eq!(e.kind(), ErrorKind::Decode);
            assert_eq!(e.body_excerpt(), None);
        }
    }

    #[test]
    fn excerpts_are_short_and_char_safe() {
        let long = "é".repeat(5000);
        let x = excerpt(long.as_bytes(), None);
        assert!(x.chars().count() <= EXCERPT_CHARS + 1);
        assert!(x.ends_with('…'));
        assert_eq!(excerpt(b"short", None), "short");
    }

    /// A token of a real STS session token's length, with every character
    /// that percent-encoding and JSON escaping change, and no repeats.
    fn long_token() -> String {
        const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut token: String = (0..700)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                char::from(ALPHABET[(x % 64) as usize])
            })
            .collect();
        token.push('=');
        token
    }

    #[test]
    fn a_token_starting_inside_the_excerpt_is_redacted_whole() {
        let token = long_token();
        assert!(token.len() > 600);
        for offset in [0, 100, 184, 190, 199, 200, 205] {
            let body = format!("{}{token} trailing", "x".repeat(offset));
            let x = excerpt(body.as_bytes(), Some(&token));
            let redacted = format!("{}{REDACTED} trailing", "x".repeat(offset));
            let mut expected: String = redacted.chars().take(EXCERPT_CHARS).collect();
            if expected.len() < redacted.len() {
                expected.push('…');
            }
            assert_eq!(x, expected, "offset {offset}");
        }
    }

    #[test]
    fn every_echoed_form_of_a_token_is_redacted() {
        let token = long_token();
        let pct: String = token
            .bytes()
            .map(|b| match b {
                b'/' => "%2F".to_owned(),
                b'+' => "%2B".to_owned(),
                b'=' => "%3D".to_owned(),
                b => char::from(b).to_string(),
            })
            .collect();
        let forms = [
            token.clone(),
            token[..40].to_owned(),
            token[..SECRET_RUN_BYTES].to_owned(),
            pct.clone(),
            pct.replace("%2F", "%2f").replace("%2B", "%2b").replace("%3D", "%3d"),
            pct[..50].to_owned(),
            token.replace('/', "\\/"),
        ];
        for form in forms {
            let text = format!("<p>token={form}</p>");
            let out = redact(&text, &token);
            assert!(out.starts_with("<p>token=***"), "{form}: {out}");
            assert!(out.ends_with("***</p>"), "{form}: {out}");
        }
        // Shorter runs are not the token: text that merely shares a few
        // characters with it is kept.
        let text = format!("id {} end", &token[..SECRET_RUN_BYTES - 1]);
        assert_eq!(redact(&text, &token), text);
        assert_eq!(redact("a short one: abc", "abc"), format!("a short one: {REDACTED}"));
    }

    /// Whether `text` holds any run of [`SECRET_RUN_BYTES`] bytes of `secret`.
    fn leaks(text: &str, secret: &str) -> bool {
        secret
            .as_bytes()
            .windows(SECRET_RUN_BYTES)
            .any(|w| text.as_bytes().windows(SECRET_RUN_BYTES).any(|t| t == w))
    }

    #[test]
    fn a_token_echoed_in_pieces_leaks_no_run_of_it() {
        let token = long_token();
        let wrapped: Vec<&str> =
            token.as_bytes().chunks(64).map(|c| std::str::from_utf8(c).unwrap()).collect();
        for echo in [
            token[300..].to_owned(),
            token[100..140].to_owned(),
            token.replace('/', "&#x2F;").replace('+', "&#43;"),
            token.replace('/', "\\u002F").replace('+', "\\u002B"),
            wrapped.join("\n"),
        ] {
            let out = redact(&format!("<p>{echo}</p>"), &token);
            assert!(!leaks(&out, &token), "{out}");
            assert!(out.starts_with("<p>") && out.ends_with("</p>"), "{out}");
        }
        // Non-ASCII text around and inside a match stays valid.
        let out = redact(&format!("é{}é", &token[..40]), &token);
        assert_eq!(out, format!("é{REDACTED}é"));
    }

    #[test]
    fn tokens_are_redacted_from_messages_and_excerpts() {
        let token = long_token();
        let json = format!(r#"{{"__type":"InvalidSignatureException","message":"x {token} y"}}"#);
        let e = decode_error(403, None, None, json.as_bytes(), Some(&token));
        assert_eq!(e.message(), Some(format!("x {REDACTED} y").as_str()));
        let html = format!("<html>{}{token}</html>", " ".repeat(185));
        let e = decode_error(403, None, None, html.as_bytes(), Some(&token));
        let shown = format!("{e} {e:?} {}", e.body_excerpt().unwrap());
        assert!(!shown.contains(&token[..SECRET_RUN_BYTES]), "{shown}");
    }
}
