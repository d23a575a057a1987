#!/usr/bin/env bash
# Runs every test of the crate: starts the local moto server the integration
# tests use (installing it on first use), runs `cargo test`, stops the server.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/local-sfn.sh start >/dev/null
trap 'scripts/local-sfn.sh stop >/dev/null' EXIT
cargo test --locked "$@"
