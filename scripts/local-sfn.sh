#!/usr/bin/env bash
# A local Step Functions server for tests: moto, pinned, in a private venv.
#
#   scripts/local-sfn.sh start [--lease PID]   start it (or reuse it); print its endpoint URL
#   scripts/local-sfn.sh stop                  stop the server this script started
#   scripts/local-sfn.sh status                print the endpoint if it is running
#
# Only the endpoint goes to stdout; progress and errors go to stderr.
#
# `--lease PID` registers process PID as a user of the server. When this call
# is the one that starts the server, it also starts a reaper that stops the
# server once every registered user has exited (after a short grace period),
# so a plain `cargo test` leaves nothing running. A server started without a
# lease (as CI does) runs until `stop`.
#
# Needs only python3 with venv and pip reaching PyPI. Files, all under target/:
#   target/moto-venv/        the venv with moto[server]
#   target/moto/pid          the server's PID        target/moto/endpoint  its URL
#   target/moto/server.log   its log                 target/moto/pip.log   the install log
set -euo pipefail

MOTO_VERSION=5.2.5
START_TIMEOUT_S=30
LOCK_TIMEOUT_S=600
REAPER_GRACE_S=15

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/target/moto-venv"
STATE="$ROOT/target/moto"
PID_FILE="$STATE/pid"
ENDPOINT_FILE="$STATE/endpoint"
LOG_FILE="$STATE/server.log"
PIP_LOG="$STATE/pip.log"
REAPER_PID_FILE="$STATE/reaper.pid"
LEASES="$STATE/leases"
LOCK_DIR="$STATE/lock"
INSTALLED_MARK="$VENV/.sfn-lite-moto-$MOTO_VERSION"

say() { printf 'local-sfn: %s\n' "$*" >&2; }
die() {
    say "error: $*"
    exit 1
}

need_python() {
    command -v python3 >/dev/null 2>&1 ||
        die "python3 is not installed; install Python 3 (with venv and pip) to run the moto server"
}

# A mkdir lock: portable (no flock on macOS) and safe against a holder that died.
lock() {
    local waited=0 holder
    mkdir -p "$STATE"
    until mkdir "$LOCK_DIR" 2>/dev/null; do
        holder="$(cat "$LOCK_DIR/pid" 2>/dev/null || true)"
        if [[ -n "$holder" ]] && ! kill -0 "$holder" 2>/dev/null; then
            rm -rf "$LOCK_DIR"
            continue
        fi
        ((waited < LOCK_TIMEOUT_S * 10)) || die "timed out waiting for $LOCK_DIR (held by PID ${holder:-?})"
        sleep 0.1
        waited=$((waited + 1))
    done
    echo "${BASHPID:-$$}" >"$LOCK_DIR/pid"
}

unlock() { rm -rf "$LOCK_DIR"; }

# Whether PID is alive and is a moto server (guards against a reused PID).
is_moto_pid() {
    local pid="$1"
    [[ "$pid" =~ ^[0-9]+$ ]] || return 1
    kill -0 "$pid" 2>/dev/null || return 1
    if [[ -r "/proc/$pid/cmdline" ]]; then
        tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q moto_server
    else
        ps -p "$pid" -o command= 2>/dev/null | grep -q moto_server
    fi
}

# Whether the endpoint answers HTTP at all (any status counts).
answers() {
    python3 - "$1" <<'PY' >/dev/null 2>&1
import sys, urllib.request, urllib.error
try:
    urllib.request.urlopen(sys.argv[1] + "/moto-api/", timeout=2)
except urllib.error.HTTPError:
    pass
PY
}

# The recorded endpoint, if its server is alive and answering.
running_endpoint() {
    local pid endpoint
    pid="$(cat "$PID_FILE" 2>/dev/null || true)"
    endpoint="$(cat "$ENDPOINT_FILE" 2>/dev/null || true)"
    [[ -n "$endpoint" ]] && is_moto_pid "$pid" && answers "$endpoint" && printf '%s\n' "$endpoint"
}

# The state machine interpreter is off by default; it applies to state
# machines created after it is switched on.
enable_execution() {
    python3 - "$1" <<'PY' || die "could not switch state machine execution on at $1 (see $LOG_FILE)"
import json, sys, urllib.request
body = json.dumps({"stepfunctions": {"execute_state_machine": True}}).encode()
req = urllib.request.Request(sys.argv[1] + "/moto-api/config", data=body, method="POST",
                             headers={"Content-Type": "application/json"})
with urllib.request.urlopen(req, timeout=10) as resp:
    if not 200 <= resp.status < 300:
        sys.exit(f"HTTP {resp.status}")
PY
}

install_moto() {
    if [[ -f "$INSTALLED_MARK" && -x "$VENV/bin/moto_server" ]]; then
        return
    fi
    if [[ ! -x "$VENV/bin/python" ]]; then
        rm -rf "$VENV"
        say "creating a Python venv in target/moto-venv"
        python3 -m venv "$VENV" >"$PIP_LOG" 2>&1 || {
            tail -n 20 "$PIP_LOG" >&2 || true
            rm -rf "$VENV"
            die "python3 -m venv failed (on Debian/Ubuntu: apt-get install python3-venv)"
        }
    fi
    say "installing moto[server]==$MOTO_VERSION into target/moto-venv (once; this takes a minute)"
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-input \
        "moto[server]==$MOTO_VERSION" >>"$PIP_LOG" 2>&1 || {
        tail -n 20 "$PIP_LOG" >&2 || true
        die "pip could not install moto[server]==$MOTO_VERSION (full log: $PIP_LOG)"
    }
    [[ -x "$VENV/bin/moto_server" ]] || die "moto_server is missing from $VENV/bin after the install"
    touch "$INSTALLED_MARK"
}

free_port() {
    python3 -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()'
}

log_tail() {
    say "last lines of $LOG_FILE:"
    tail -n 20 "$LOG_FILE" >&2 2>/dev/null || true
}

launch() {
    local port endpoint pid waited=0
    port="$(free_port)" || die "could not find a free port with python3"
    endpoint="http://127.0.0.1:$port"
    : >"$LOG_FILE"
    # Detached from our stdout/stderr, so a caller reading them sees EOF.
    "$VENV/bin/moto_server" -H 127.0.0.1 -p "$port" </dev/null >>"$LOG_FILE" 2>&1 &
    pid=$!
    echo "$pid" >"$PID_FILE"
    echo "$endpoint" >"$ENDPOINT_FILE"
    until answers "$endpoint"; do
        if ! kill -0 "$pid" 2>/dev/null; then
            log_tail
            rm -f "$PID_FILE" "$ENDPOINT_FILE"
            die "moto_server exited during startup"
        fi
        if ((waited >= START_TIMEOUT_S * 5)); then
            log_tail
            kill "$pid" 2>/dev/null || true
            rm -f "$PID_FILE" "$ENDPOINT_FILE"
            die "moto_server did not answer on $endpoint within ${START_TIMEOUT_S}s"
        fi
        sleep 0.2
        waited=$((waited + 1))
    done
    say "moto $MOTO_VERSION is running on $endpoint (PID $pid, log target/moto/server.log)"
}

prune_leases() {
    local f
    mkdir -p "$LEASES"
    for f in "$LEASES"/*; do
        [[ -e "$f" ]] || continue
        kill -0 "$(basename "$f")" 2>/dev/null || rm -f "$f"
    done
}

kill_server() {
    local pid waited=0
    pid="$(cat "$PID_FILE" 2>/dev/null || true)"
    if is_moto_pid "$pid"; then
        kill "$pid" 2>/dev/null || true
        while kill -0 "$pid" 2>/dev/null; do
            if ((waited >= 100)); then
                kill -KILL "$pid" 2>/dev/null || true
            fi
            sleep 0.1
            waited=$((waited + 1))
        done
    fi
    rm -f "$PID_FILE" "$ENDPOINT_FILE"
    rm -rf "$LEASES"
}

# Stops the server `server_pid` once no leased user is alive for a grace period.
reap() {
    local server_pid="$1" idle=0
    while sleep 1; do
        lock
        if [[ "$(cat "$PID_FILE" 2>/dev/null || true)" != "$server_pid" ]] || ! is_moto_pid "$server_pid"; then
            unlock
            exit 0
        fi
        prune_leases
        if compgen -G "$LEASES/*" >/dev/null; then
            idle=0
        else
            idle=$((idle + 1))
        fi
        if ((idle >= REAPER_GRACE_S)); then
            kill_server
            rm -f "$REAPER_PID_FILE"
            unlock
            exit 0
        fi
        unlock
    done
}

cmd_start() {
    local lease="" endpoint
    while (($#)); do
        case "$1" in
        --lease)
            [[ $# -ge 2 && "$2" =~ ^[0-9]+$ ]] || die "--lease needs a PID"
            lease="$2"
            shift 2
            ;;
        *) die "unknown option for start: $1" ;;
        esac
    done
    need_python
    lock
    trap unlock EXIT
    if endpoint="$(running_endpoint)"; then
        say "already running on $endpoint"
    else
        install_moto
        launch
        endpoint="$(cat "$ENDPOINT_FILE")"
        rm -rf "$LEASES"
        if [[ -n "$lease" ]]; then
            reap "$(cat "$PID_FILE")" </dev/null >/dev/null 2>&1 &
            echo "$!" >"$REAPER_PID_FILE"
        fi
    fi
    if [[ -n "$lease" ]]; then
        mkdir -p "$LEASES"
        : >"$LEASES/$lease"
    fi
    enable_execution "$endpoint"
    printf '%s\n' "$endpoint"
}

cmd_stop() {
    need_python
    lock
    trap unlock EXIT
    local reaper
    reaper="$(cat "$REAPER_PID_FILE" 2>/dev/null || true)"
    if [[ "$reaper" =~ ^[0-9]+$ ]]; then
        kill "$reaper" 2>/dev/null || true
    fi
    rm -f "$REAPER_PID_FILE"
    if [[ -f "$PID_FILE" ]]; then
        kill_server
        say "stopped"
    else
        say "not running"
    fi
}

cmd_status() {
    need_python
    local endpoint
    if endpoint="$(running_endpoint)"; then
        printf '%s\n' "$endpoint"
    else
        say "not running"
        exit 1
    fi
}

case "${1:-}" in
start)
    shift
    cmd_start "$@"
    ;;
stop) cmd_stop ;;
status) cmd_status ;;
*)
    echo "usage: $0 start [--lease PID] | stop | status" >&2
    exit 2
    ;;
esac
