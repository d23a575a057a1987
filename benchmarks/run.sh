#!/usr/bin/env bash
# sfn-lite against aws-sdk-sfn + aws-config, side by side on one loopback
# server: builds both client programs from clean (timed, separate target
# dirs), runs each workload alternately (sfn-lite, aws-sdk-sfn, sfn-lite, ...)
# and prints one Markdown table of medians and ratios.
#
#   benchmarks/run.sh            the full run (clean builds, 3 rounds)
#   benchmarks/run.sh --quick    a check of the script itself: warm builds,
#                                small workloads, one round
#   ROUNDS=5 benchmarks/run.sh   more rounds
#   CLEAN=0 benchmarks/run.sh    the full workloads, without the clean builds
#
# Needs only cargo (registry access), a C toolchain's `strip`, and Linux
# (peak RSS is read from /proc). Runs from any directory.
set -euo pipefail

cd "$(dirname "$0")"
quick=false
[[ "${1:-}" == "--quick" ]] && quick=true
# Whether to build the client programs from clean, and time it.
clean=${CLEAN:-1}
$quick && clean=0

if $quick; then
  ROUNDS=${ROUNDS:-1}
  DESCRIBE=2000 DESCRIBE32=4000 HISTORY=100000 HISTORY_SMALL=10000 LIST=10000
else
  ROUNDS=${ROUNDS:-3}
  DESCRIBE=20000 DESCRIBE32=50000 HISTORY=1000000 HISTORY_SMALL=100000 LIST=10000
fi

work=$(mktemp -d)
server_pid=
cleanup() {
  [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

log() { echo "$*" >&2; }

cargo fetch --locked >&2

# --- Builds: each program alone, in its own target dir. -------------------
build() { # name features bin -> seconds
  local dir="target/$1"
  # The server is not compared: only the client programs start from clean.
  if [[ "$clean" == 1 && "$1" != server ]]; then rm -rf "$dir"; fi
  local start end
  start=$(date +%s.%N)
  CARGO_TARGET_DIR="$dir" cargo build --release --locked --quiet \
    --no-default-features --features "$2" --bin "$3" >&2
  end=$(date +%s.%N)
  echo "$start $end" | awk '{printf "%.0f", $2 - $1}'
}
log "building the server"
build server server server >/dev/null
timed=$([[ "$clean" == 1 ]] && echo ', from clean, timed' || true)
log "building client-lite (sfn-lite)$timed"
lite_build=$(build lite lite client-lite)
log "building client-sdk (aws-sdk-sfn + aws-config)$timed"
sdk_build=$(build sdk sdk client-sdk)

lite_bin=target/lite/release/client-lite
sdk_bin=target/sdk/release/client-sdk

stripped_size() {
  command -v strip >/dev/null || { log "no strip: binary sizes are unstripped"; stat -c %s "$1"; return; }
  strip -o "$work/stripped" "$1" && stat -c %s "$work/stripped"
}
lite_size=$(stripped_size "$lite_bin")
sdk_size=$(stripped_size "$sdk_bin")

# Crates in the program's normal dependency graph, the program itself aside.
crates() {
  cargo tree --locked -e normal --prefix none --no-dedupe --no-default-features --features "$1" \
    | sed 's/ (.*//' | grep -v '^sfn-benchmarks ' | sort -u | wc -l
}
lite_crates=$(crates lite)
sdk_crates=$(crates sdk)

# --- The server. ------------------------------------------------------------
target/server/release/server >"$work/server.out" &
server_pid=$!
for _ in $(seq 100); do
  grep -q '^listening on ' "$work/server.out" 2>/dev/null && break
  sleep 0.1
done
endpoint=$(sed -n 's/^listening on //p' "$work/server.out")
[[ -n "$endpoint" ]] || { log "the server did not start"; exit 1; }
log "server on $endpoint"

# --- The workloads, alternately. ---------------------------------------------
# Each run prints: WORKLOAD N SECONDS RATE RSS_KIB
run() { # key bin workload n
  local line
  line=$("$2" "$endpoint" "$3" "$4")
  log "  $1: $line"
  echo "$line" | awk '{print $4}' >>"$work/$1.rate"
  echo "$line" | awk '{print $5}' >>"$work/$1.rss"
}
workloads=(
  "describe describe $DESCRIBE"
  "describe32 describe32 $DESCRIBE32"
  "history history $HISTORY"
  "history_small history $HISTORY_SMALL"
  "list list $LIST"
)
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for round in $(seq "$ROUNDS"); do
  log "round $round of $ROUNDS"
  for w in "${workloads[@]}"; do
    read -r key workload n <<<"$w"
    run "lite.$key" "$lite_bin" "$workload" "$n"
    run "sdk.$key" "$sdk_bin" "$workload" "$n"
  done
done

median() { sort -n "$1" | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf (b > 0 ? "%.2f×" : "-"), a / b}'; }
fmt_rate() { awk -v r="$1" 'BEGIN {printf (r >= 10000 ? "%.0fk" : "%.0f"), (r >= 10000 ? r / 1000 : r)}'; }
mib() { awk -v k="$1" 'BEGIN {printf "%.1f MiB", k / 1024}'; }

row() { # label key unit
  local a b
  a=$(median "$work/lite.$2.rate")
  b=$(median "$work/sdk.$2.rate")
  echo "| $1 | $(fmt_rate "$a") $3 | $(fmt_rate "$b") $3 | $(ratio "$a" "$b") |"
}
rss_row() { # label key
  local a b
  a=$(median "$work/lite.$2.rss")
  b=$(median "$work/sdk.$2.rss")
  echo "| $1 | $(mib "$a") | $(mib "$b") | $(ratio "$a" "$b") |"
}

version() { awk -v n="$1" '$0 == "name = \"" n "\"" {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock; }
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)

echo
echo "$(date -u +%Y-%m-%d), $(nproc) cores ($cpu), $(rustc --version)"
echo "sfn-lite $(version sfn-lite) against aws-sdk-sfn $(version aws-sdk-sfn) + aws-config $(version aws-config); medians of $ROUNDS rounds, run alternately; client and server on the same cores"
echo
echo "| | sfn-lite | aws-sdk-sfn | ratio |"
echo "| --- | --- | --- | --- |"
row "DescribeExecution × $DESCRIBE, one at a time" describe calls/s
row "DescribeExecution × $DESCRIBE32, 32 in flight" describe32 calls/s
row "GetExecutionHistory items, $HISTORY events in pages of 1000" history events/s
row "ListExecutions items, $LIST in pages of 1000" list items/s
rss_row "peak RSS streaming $HISTORY events" history
rss_row "peak RSS streaming $HISTORY_SMALL events" history_small
echo "| stripped release binary | $(awk -v b="$lite_size" 'BEGIN {printf "%.1f MB", b / 1e6}') | $(awk -v b="$sdk_size" 'BEGIN {printf "%.1f MB", b / 1e6}') | $(ratio "$lite_size" "$sdk_size") |"
echo "| crates in the normal dependency graph | $lite_crates | $sdk_crates | $(ratio "$lite_crates" "$sdk_crates") |"
if [[ "$clean" != 1 ]]; then
  echo "| clean release build | not timed | not timed | - |"
else
  echo "| clean release build | ${lite_build} s | ${sdk_build} s | $(ratio "$lite_build" "$sdk_build") |"
fi
echo
echo "load average (1, 5, 15 min) before the runs: $load_before; after: $(cut -d' ' -f1-3 /proc/loadavg)"
