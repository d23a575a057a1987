#!/usr/bin/env bash
# The tour of a Distributed Map run on a local Step Functions server (moto),
# with no AWS account:
#
#   scripts/demo.sh [--items N] [--max-concurrency N]
#
# Starts the server with scripts/local-sfn.sh (reusing one that runs; the
# first start installs moto into target/moto-venv), runs
# `cargo run --example distributed_map_tour` against it with dummy
# credentials, and stops the server afterwards if this script started it.
# Your own AWS settings are ignored, so the demo never reaches AWS.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# A lease keeps a server that another user (a `cargo test` run) started
# alive while the demo uses it; one this script starts, it stops at the end.
if scripts/local-sfn.sh status >/dev/null 2>&1; then
    endpoint="$(scripts/local-sfn.sh start --lease $$)"
else
    endpoint="$(scripts/local-sfn.sh start)"
    trap 'scripts/local-sfn.sh stop >/dev/null 2>&1 || true' EXIT
fi

# Point the SDK settings at the local server only.
unset AWS_PROFILE AWS_DEFAULT_PROFILE AWS_SESSION_TOKEN AWS_ENDPOINT_URL AWS_DEFAULT_REGION \
    AWS_IGNORE_CONFIGURED_ENDPOINT_URLS AWS_USE_FIPS_ENDPOINT AWS_USE_DUALSTACK_ENDPOINT \
    SFN_LITE_TOUR_ROLE_ARN
export AWS_ENDPOINT_URL_SFN="$endpoint"
export AWS_REGION=us-east-1
export AWS_ACCESS_KEY_ID=testing
export AWS_SECRET_ACCESS_KEY=testing
export AWS_CONFIG_FILE=/dev/null
export AWS_SHARED_CREDENTIALS_FILE=/dev/null

cargo run --quiet --example distributed_map_tour -- "$@"
