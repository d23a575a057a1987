#!/usr/bin/env bash
# Runs every test of the crate: starts the local moto server the integration
# tests use (installing it on first use), runs `cargo test`, stops the server.
# Arguments go to `cargo test` (`scripts/test.sh --test wire -- --nocapture`).
#
# SFN_LITE_SKIP_MOTO=1 leaves the moto tests out and starts no server: they
# are filtered out (`-- --skip moto::`), so the test runner reports them as
# filtered out, never as passed. Refused under CI=true, where every test runs,
# and for any other value of the variable.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ -n "${SFN_LITE_SKIP_MOTO+set}" ]]; then
    if [[ "${CI:-}" == "true" ]]; then
        echo "scripts/test.sh: SFN_LITE_SKIP_MOTO is set under CI=true, where every test runs; unset it" >&2
        exit 1
    fi
    if [[ "$SFN_LITE_SKIP_MOTO" != 1 ]]; then
        echo "scripts/test.sh: SFN_LITE_SKIP_MOTO='$SFN_LITE_SKIP_MOTO': set it to 1 to leave the moto tests out, or unset it" >&2
        exit 2
    fi
    # cargo's arguments, then the test binaries' (after `--`), then the filter.
    cargo_args=()
    test_args=()
    while (($#)); do
        if [[ "$1" == -- ]]; then
            shift
            test_args=("$@")
            break
        fi
        cargo_args+=("$1")
        shift
    done
    note="scripts/test.sh: SFN_LITE_SKIP_MOTO=1: the moto tests were NOT run (filtered out)"
    echo "$note" >&2
    status=0
    cargo test --locked ${cargo_args[@]+"${cargo_args[@]}"} -- \
        ${test_args[@]+"${test_args[@]}"} --skip moto:: || status=$?
    echo "$note" >&2
    exit "$status"
fi

scripts/local-sfn.sh start >/dev/null
trap 'scripts/local-sfn.sh stop >/dev/null' EXIT
cargo test --locked "$@"
