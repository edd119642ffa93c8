#!/usr/bin/env bash
# Bounded API load test on loopback: generate a store, start `rasd serve` on 127.0.0.1, send a
# fixed number of requests (default 20000, at most 60 s) and print requests/s and p50/p90/p99.
#   scripts/loadtest.sh [DOCS] [REQUESTS] [CONCURRENCY] [SLOW]
# SLOW (default 0) slow connections are held at the same time, each sending a byte a second
# (`scripts/loadtest.sh 3000 20000 200 1000`: 1,000 slow connections and 200 fast clients).
set -euo pipefail
cd "$(dirname "$0")/.."
docs=${1:-3000}
requests=${2:-20000}
concurrency=${3:-16}
slow=${4:-0}
dir=target/loadtest
mkdir -p "$dir"
cargo build --release -q -p rasd --bin rasd
cargo build --release -q -p rasd-server --example loadtest
bin=target/release
"$bin/examples/loadtest" gen --db "$dir/store.db" --docs "$docs"
log="$dir/serve.log"
"$bin/rasd" serve --addr 127.0.0.1:0 --db "$dir/store.db" 2>"$log" &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true' EXIT
addr=""
for _ in $(seq 1 100); do
  addr=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$log" | head -1 | sed 's#http://##') || true
  [ -n "$addr" ] && break
  kill -0 "$server" 2>/dev/null || { cat "$log"; exit 1; }
  sleep 0.1
done
[ -n "$addr" ] || { echo "loadtest: rasd serve did not start"; cat "$log"; exit 1; }
"$bin/examples/loadtest" run --addr "$addr" --requests "$requests" --concurrency "$concurrency" --max-secs 60 --slow "$slow"
