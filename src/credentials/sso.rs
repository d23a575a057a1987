//! IAM Identity Center (SSO): the access token `aws sso login` cached in
//! `~/.aws/sso/cache/`, refreshed with SSO-OIDC `CreateToken` when it has
//! expired, exchanged for a role's credentials with the portal's
//! `GetRoleCredentials`.

use super::{Environment, describe, parse_expiration};
use aws_credential_types::Credentials;
use std::path::PathBuf;
use std::time::{Duration, SystemTime};

/// How long one request to the portal or SSO-OIDC may take.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);
/// A token this close to expiry is refreshed, when it can be.
const REFRESH_BEFORE_EXPIRY: Duration = Duration::from_secs(5 * 60);

/// An SSO profile's settings, from its `sso_session` section or its own
/// (legacy) keys.
#[derive(Debug)]
pub(crate) struct Settings {
    pub(crate) profile: String,
    /// `Some` for the `sso_session` form, whose tokens can be refreshed.
    pub(crate) session: Option<String>,
    pub(crate) start_url: String,
    pub(crate) region: String,
    pub(crate) account_id: String,
    pub(crate) role_name: String,
}

impl Settings {
    /// What to run to get a fresh token.
    fn login_hint(&self) -> String {
        match &self.session {
            Some(session) => format!("run `aws sso login --sso-session {session}`"),
            None => format!("run `aws sso login --profile {}`", self.profile),
        }
    }

    /// The cache file's name: the SHA-1 of the session name (or, in the
    /// legacy form, of the start URL), as the AWS CLI writes it.
    fn cache_file(&self, env: &Environment) -> Result<PathBuf, String> {
        let home = env.home().ok_or("there is no home directory to find ~/.aws/sso/cache in")?;
        let key = self.session.as_deref().unwrap_or(&self.start_url);
        let name: String = sha1(key.as_bytes()).iter().map(|b| format!("{b:02x}")).collect();
        Ok(PathBuf::from(home).join(".aws").join("sso").join("cache").join(format!("{name}.json")))
    }
}

/// The cached token file; unknown members are kept when it is rewritten.
#[derive(serde::Deserialize, serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct CachedToken {
    access_token: String,
    expires_at: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    refresh_token: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    client_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    client_secret: Option<String>,
    #[serde(flatten)]
    rest: serde_json::Map<String, serde_json::Value>,
}

/// The role's credentials for an SSO profile.
pub(crate) async fn credentials(env: &Environment, sso: &Settings) -> Result<Credentials, String> {
    let path = sso.cache_file(env)?;
    let shown = path.display();
    let text = std::fs::read_to_string(&path).map_err(|e| {
        format!(
            "no cached SSO token for profile `{}` ({shown}: {e}); {}",
            sso.profile,
            sso.login_hint()
        )
    })?;
    // serde's message may quote the token: only its place.
    let mut token: CachedToken = serde_json::from_str(&text).map_err(|e| {
        format!(
            "the SSO token cache {shown} is malformed (line {}, column {}); {}",
            e.line(),
            e.column(),
            sso.login_hint()
        )
    })?;
    let expires_at = parse_expiration(&token.expires_at).map_err(|e| format!("{shown}: {e}"))?;
    let now = SystemTime::now();
    if expires_at <= now + REFRESH_BEFORE_EXPIRY {
        match refresh(env, sso, &token).await {
            Ok(Some(fresh)) => {
                token = fresh;
                // Best effort, as in the CLI: the token works whether or not it is saved.
                if let Err(e) = serde_json::to_vec_pretty(&token)
                    .map_err(std::io::Error::other)
                    .and_then(|bytes| std::fs::write(&path, bytes))
                {
                    tracing::warn!(file = %shown, error = %e, "cannot save the refreshed SSO token");
                }
            }
            Ok(None) if expires_at > now => {}
            Ok(None) => {
                return Err(format!(
                    "the SSO token for profile `{}` has expired; {}",
                    sso.profile,
                    sso.login_hint()
                ));
            }
            Err(e) if expires_at > now => {
                tracing::warn!(reason = %e, "cannot refresh the SSO token; using it until it expires");
            }
            Err(e) => return Err(format!("{e}; {}", sso.login_hint())),
        }
    }
    get_role_credentials(env, sso, &token.access_token).await
}

/// A fresh token from SSO-OIDC `CreateToken`; `None` when the cached one
/// cannot be refreshed (legacy form, or no refresh token).
async fn refresh(
    env: &Environment,
    sso: &Settings,
    token: &CachedToken,
) -> Result<Option<CachedToken>, String> {
    let (Some(_), Some(refresh_token), Some(client_id), Some(client_secret)) =
        (&sso.session, &token.refresh_token, &token.client_id, &token.client_secret)
    else {
        return Ok(None);
    };
    let base = env
        .endpoint_url("SSO_OIDC", "sso_oidc")
        .unwrap_or_else(|| format!("https://oidc.{}.amazonaws.com", sso.region));
    let url = format!("{}/token", base.trim_end_matches('/'));
    let body = serde_json::json!({
        "clientId": client_id, "clientSecret": client_secret,
        "grantType": "refresh_token", "refreshToken": refresh_token,
    });
    let http = env.http().map_err(|e| super::reason(&e))?;
    let response = http
        .post(&url)
        .timeout(REQUEST_TIMEOUT)
        .header(reqwest::header::CONTENT_TYPE, "application/json")
        .body(body.to_string())
        .send()
        .await
        .map_err(|e| format!("SSO-OIDC CreateToken at {url}: {}", describe(&e)))?;
    let status = response.status();
    let bytes = response
        .bytes()
        .await
        .map_err(|e| format!("SSO-OIDC CreateToken at {url}: {}", describe(&e)))?;
    if !status.is_success() {
        return Err(format!(
            "SSO-OIDC CreateToken at {url} failed with HTTP {}{}",
            status.as_u16(),
            error_code(&bytes)
        ));
    }
    #[derive(serde::Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Created {
        access_token: String,
        expires_in: u64,
        refresh_token: Option<String>,
    }
    let created: Created = serde_json::from_slice(&bytes)
        .map_err(|_| format!("SSO-OIDC CreateToken at {url} answered unexpected JSON"))?;
    let expires_at = time::OffsetDateTime::now_utc() + Duration::from_secs(created.expires_in);
    let expires_at = format_rfc3339(expires_at);
    Ok(Some(CachedToken {
        access_token: created.access_token,
        expires_at,
        refresh_token: created.refresh_token.or_else(|| token.refresh_token.clone()),
        client_id: token.client_id.clone(),
        client_secret: token.client_secret.clone(),
        rest: token.rest.clone(),
    }))
}

/// `2026-11-30T12:00:00Z`.
fn format_rfc3339(at: time::OffsetDateTime) -> String {
    let at = at.to_offset(time::UtcOffset::UTC);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        at.year(),
        u8::from(at.month()),
        at.day(),
        at.hour(),
        at.minute(),
        at.second()
    )
}

/// The portal's `GetRoleCredentials`.
async fn get_role_credentials(
    env: &Environment,
    sso: &Settings,
    access_token: &str,
) -> Result<Credentials, String> {
    let base = env
        .endpoint_url("SSO", "sso")
        .unwrap_or_else(|| format!("https://portal.sso.{}.amazonaws.com", sso.region));
    let mut url =
        reqwest::Url::parse(&format!("{}/federation/credentials", base.trim_end_matches('/')))
            .map_err(|e| format!("the SSO portal endpoint {base} is not a URL: {e}"))?;
    url.query_pairs_mut()
        .append_pair("account_id", &sso.account_id)
        .append_pair("role_name", &sso.role_name);
    let what =
        format!("SSO GetRoleCredentials of role {} in account {}", sso.role_name, sso.account_id);
    let mut bearer = reqwest::header::HeaderValue::from_str(access_token).map_err(|_| {
        format!("the cached SSO token holds characters a header cannot; {}", sso.login_hint())
    })?;
    bearer.set_sensitive(true);
    let http = env.http().map_err(|e| super::reason(&e))?;
    let response = http
        .get(url)
        .timeout(REQUEST_TIMEOUT)
        .header("x-amz-sso_bearer_token", bearer)
        .send()
        .await
        .map_err(|e| format!("{what} at {base}: {}", describe(&e)))?;
    let status = response.status().as_u16();
    let bytes =
        response.bytes().await.map_err(|e| format!("{what} at {base}: {}", describe(&e)))?;
    if status == 401 || status == 403 {
        return Err(format!(
            "{what} at {base} was refused (HTTP {status}{}): the SSO session may have ended; {}",
            error_code(&bytes),
            sso.login_hint()
        ));
    }
    if !(200..300).contains(&status) {
        return Err(format!("{what} at {base} failed with HTTP {status}{}", error_code(&bytes)));
    }
    #[derive(serde::Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Answer {
        role_credentials: Role,
    }
    #[derive(serde::Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Role {
        access_key_id: String,
        secret_access_key: String,
        session_token: Option<String>,
        /// Milliseconds since the epoch.
        expiration: u64,
    }
    let answer: Answer = serde_json::from_slice(&bytes)
        .map_err(|_| format!("{what} at {base} answered unexpected JSON"))?;
    let role = answer.role_credentials;
    let expiry = SystemTime::UNIX_EPOCH + Duration::from_millis(role.expiration);
    Ok(Credentials::new(
        role.access_key_id,
        role.secret_access_key,
        role.session_token,
        Some(expiry),
        "sso",
    ))
}

/// `: <code>` of a JSON error body, if it names one (never its message,
/// which could echo a token).
fn error_code(body: &[u8]) -> String {
    #[derive(serde::Deserialize)]
    struct Error {
        #[serde(alias = "__type", alias = "error")]
        code: Option<String>,
    }
    serde_json::from_slice::<Error>(body)
        .ok()
        .and_then(|e| e.code)
        .map(|code| format!(": {code}"))
        .unwrap_or_default()
}

/// SHA-1 (FIPS 180-4), only to name the CLI's cache files.
fn sha1(data: &[u8]) -> [u8; 20] {
    let mut h: [u32; 5] = [0x6745_2301, 0xEFCD_AB89, 0x98BA_DCFE, 0x1032_5476, 0xC3D2_E1F0];
    let mut message = data.to_vec();
    message.push(0x80);
    while message.len() % 64 != 56 {
        message.push(0);
    }
    message.extend_from_slice(&(data.len() as u64 * 8).to_be_bytes());
    for block in message.chunks_exact(64) {
        let mut w = [0u32; 80];
        for (i, word) in block.chunks_exact(4).enumerate() {
            w[i] = u32::from_be_bytes([word[0], word[1], word[2], word[3]]);
        }
        for i in 16..80 {
            w[i] = (w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]).rotate_left(1);
        }
        let [mut a, mut b, mut c, mut d, mut e] = h;
        for (i, wi) in w.iter().enumerate() {
            let (f, k) = match i {
                0..=19 => ((b & c) | (!b & d), 0x5A82_7999),
                20..=39 => (b ^ c ^ d, 0x6ED9_EBA1),
                40..=59 => ((b & c) | (b & d) | (c & d), 0x8F1B_BCDC),
                _ => (b ^ c ^ d, 0xCA62_C1D6),
            };
            let t =
                a.rotate_left(5).wrapping_add(f).wrapping_add(e).wrapping_add(k).wrapping_add(*wi);
            (e, d, c, b, a) = (d, c, b.rotate_left(30), a, t);
        }
        for (x, y) in h.iter_mut().zip([a, b, c, d, e]) {
            *x = x.wrapping_add(y);
        }
    }
    let mut out = [0u8; 20];
    for (chunk, word) in out.chunks_exact_mut(4).zip(h) {
        chunk.copy_from_slice(&word.to_be_bytes());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(data: &[u8]) -> String {
        sha1(data).iter().map(|b| format!("{b:02x}")).collect()
    }

    #[test]
    fn sha1_matches_the_standard_vectors_and_the_cli_cache_names() {
        assert_eq!(hex(b""), "da39a3ee5e6b4b0d3255bfef95601890afd80709");
        assert_eq!(hex(b"abc"), "a9993e364706816aba3e25717850c26c9cd0d89d");
        assert_eq!(
            hex(b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "84983e441c3bd26ebaae4aa1f95129e5e54670f1"
        );
        assert_eq!(hex(&[b'a'; 1_000]), "291e9a6c66994949b57ba5e650361e98fc36b1ba");
        // Lengths around the padding boundary.
        assert_eq!(hex(&[b'x'; 55]), "cef734ba81a024479e09eb5a75b6ddae62e6abf1");
        assert_eq!(hex(&[b'x'; 64]), "bb2fa3ee7afb9f54c6dfb5d021f14b1ffe40c163");
        // The cache file name of a session called `admin`.
        assert_eq!(hex(b"admin"), "d033e22ae348aeb5660fc2140aec35850c4da997");
    }
}
