//! `credential_process`: an external command that prints credentials.

use super::{failed, from_json};
use aws_credential_types::Credentials;
use aws_credential_types::provider::{self, ProvideCredentials};
use std::fmt;

/// How much of the command's standard error an error message quotes.
const STDERR_EXCERPT: usize = 300;

/// Runs a command (through `sh -c`, or `cmd /C` on Windows) and reads the
/// credentials it prints on standard output, in the AWS CLI's JSON form
/// (`Version` 1, `AccessKeyId`, `SecretAccessKey`, optional `SessionToken`
/// and RFC 3339 `Expiration`: without one the credentials never expire). A
/// command that exits non-zero or prints anything else is an error that
/// quotes its standard error, never its output.
///
/// ```
/// use sfn_lite::credentials::CredentialProcess;
///
/// let client = sfn_lite::Client::builder()
///     .region("eu-west-1")
///     .credentials_provider(CredentialProcess::new("/usr/local/bin/vault-creds --role app"))
///     .build();
/// ```
pub struct CredentialProcess {
    command: String,
}

impl fmt::Debug for CredentialProcess {
    /// Only the program: its arguments may carry secrets.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CredentialProcess").field("program", &program(&self.command)).finish()
    }
}

impl CredentialProcess {
    /// The command line to run.
    pub fn new(command: impl Into<String>) -> Self {
        Self { command: command.into() }
    }
}

impl ProvideCredentials for CredentialProcess {
    fn provide_credentials<'a>(&'a self) -> provider::future::ProvideCredentials<'a>
    where
        Self: 'a,
    {
        provider::future::ProvideCredentials::new(async {
            run(&self.command).await.map_err(failed)
        })
    }
}

/// The command's first word, to name it in errors.
fn program(command: &str) -> &str {
    command.split_whitespace().next().unwrap_or("")
}

/// Runs `command` and parses what it prints.
pub(crate) async fn run(command: &str) -> Result<Credentials, String> {
    let name = format!("credential_process `{}`", program(command));
    let owned = command.to_owned();
    let output = tokio::task::spawn_blocking(move || {
        let mut shell = if cfg!(windows) {
            let mut c = std::process::Command::new("cmd");
            c.arg("/C");
            c
        } else {
            let mut c = std::process::Command::new("sh");
            c.arg("-c");
            c
        };
        shell.arg(owned).stdin(std::process::Stdio::null()).output()
    })
    .await
    .map_err(|e| format!("{name} could not be run: {e}"))?
    .map_err(|e| format!("{name} could not be started: {e}"))?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let stderr: String = stderr.trim().chars().take(STDERR_EXCERPT).collect();
        return Err(format!("{name} failed ({}): {stderr}", output.status));
    }
    #[derive(serde::Deserialize)]
    struct Version {
        #[serde(rename = "Version")]
        version: Option<serde_json::Value>,
    }
    let version = serde_json::from_slice::<Version>(&output.stdout)
        .map_err(|_| format!("{name} printed something other than a JSON object"))?
        .version;
    if version != Some(serde_json::Value::from(1)) {
        return Err(format!("{name} printed JSON without \"Version\": 1"));
    }
    from_json(&output.stdout, &format!("the output of {name}"), "credential_process")
}
