//! Runs an example as a user does: its binary, built first, in a process of
//! its own with the AWS settings in its environment and nothing inherited
//! that could point it elsewhere (a profile, a session token).

use std::path::PathBuf;
use std::process::Command;

/// The example's binary, built first (a no-op when `cargo test` built it
/// already, as it does for a run of every test).
pub fn example(name: &str) -> PathBuf {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let status = Command::new(cargo)
        .args(["build", "--quiet", "--offline", "--example", name])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .status()
        .unwrap_or_else(|e| panic!("cannot run cargo to build the {name} example: {e}"));
    assert!(status.success(), "building the {name} example failed");
    // target/debug/deps/<this test> → target/debug/examples/<name>
    let exe = std::env::current_exe().unwrap();
    let dir = exe.parent().and_then(|deps| deps.parent()).unwrap();
    dir.join("examples").join(format!("{name}{}", std::env::consts::EXE_SUFFIX))
}

/// A command running the example `name` against `endpoint`.
pub fn command(name: &str, endpoint: &str) -> Command {
    let mut command = Command::new(example(name));
    command
        .env("AWS_ENDPOINT_URL_SFN", endpoint)
        .env("AWS_REGION", "us-east-1")
        .env("AWS_ACCESS_KEY_ID", "testing")
        .env("AWS_SECRET_ACCESS_KEY", "testing")
        .env_remove("AWS_PROFILE")
        .env_remove("AWS_SESSION_TOKEN");
    command
}

/// Bytes a process wrote, as text.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}
