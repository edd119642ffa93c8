#!/usr/bin/env bash
# How extraction and search grow with their input (issue 12): prints the time of
#  1. `rasd extract` on one document of 1k, 2k, 4k, 10k and 40k event words told without any
#     punctuation (and, beside it, the same words with a full stop every 20 words), and
#  2. `GET /api/search?q=…` on a store of 3,000 documents for queries of 10 to 1,000 words,
# so that a reader sees both grow about linearly. Speed is measured here, never asserted in a
# test (the tests count work instead: crates/extract/tests/scaling.rs).
#
#   scripts/bench-scaling.sh                  # both
#   WHAT=extract scripts/bench-scaling.sh     # or WHAT=search
#   SIZES="1000 2000 4000 10000 40000 100000" WHAT=extract scripts/bench-scaling.sh
#   RASD_BIN=target/release/rasd REPEAT=1 scripts/bench-scaling.sh   # no build, one run each
#
# The text is made here from words chosen for it (event words, places, figures), nothing is
# read from ../shared or downloaded. The server listens on 127.0.0.1 only. Not run by CI.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
WHAT="${WHAT:-all}"
SIZES="${SIZES:-1000 2000 4000 10000 40000}"
QUERY_SIZES="${QUERY_SIZES:-10 30 100 300 1000}"
DOCS="${DOCS:-3000}"
WORK="${WORK:-$ROOT/target/bench-scaling}"
mkdir -p "$WORK"

BIN="${RASD_BIN:-}"
if [[ -z "$BIN" ]]; then
  cargo build --release -q -p rasd --bin rasd
  BIN="${CARGO_TARGET_DIR:-$ROOT/target}/release/rasd"
fi

REPEAT="${REPEAT:-3}"
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
# The fastest of REPEAT runs of a command (wall-clock seconds): the machine may be busy.
fastest() {
  local best="" t0 t1 t
  for _ in $(seq 1 "$REPEAT"); do
    t0=$(now)
    "$@"
    t1=$(now)
    t=$(secs "$t0" "$t1")
    if [[ -z "$best" ]] || awk -v a="$t" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$t; fi
  done
  echo "$best"
}

# One JSON line of N words from the list, a full stop every STOP words (0: none).
make_doc() {
  local n=$1 stop=$2
  awk -v n="$n" -v stop="$stop" 'BEGIN {
    split("غارة قصف اشتباكات انفجار مقتل هجوم في حلب إدلب الموصل درعا أمس بطائرة مسيرة أسفر عن مقتل ثلاثة وإصابة خمسة", w, " ")
    k = length(w)
    printf "{\"id\": \"scale-%d-%d\", \"published\": \"2024-03-02\", \"text\": \"", n, stop
    for (i = 0; i < n; i++) {
      if (i > 0) printf " "
      printf "%s", w[i % k + 1]
      if (stop > 0 && (i + 1) % stop == 0) printf "."
    }
    printf "\"}\n"
  }'
}

extract_one() { "$BIN" extract -j 1 -o "$2" "$1"; }

if [[ "$WHAT" == all || "$WHAT" == extract ]]; then
  echo "rasd extract, one document ($BIN, 1 worker; the fastest of $REPEAT runs)"
  printf "%8s %10s %12s %14s %10s\n" words KB "no stops, s" "stop/20, s" events
  for n in $SIZES; do
    for stop in 0 20; do
      make_doc "$n" "$stop" > "$WORK/doc-$n-$stop.jsonl"
    done
    kb=$(( $(stat -c %s "$WORK/doc-$n-0.jsonl") / 1000 ))
    plain=$(fastest extract_one "$WORK/doc-$n-0.jsonl" "$WORK/out-$n-0.jsonl")
    stops=$(fastest extract_one "$WORK/doc-$n-20.jsonl" "$WORK/out-$n-20.jsonl")
    events=$(grep -o '"type":' "$WORK/out-$n-0.jsonl" | wc -l)
    printf "%8d %10d %12s %14s %10d\n" "$n" "$kb" "$plain" "$stops" "$events"
  done
fi

if [[ "$WHAT" == all || "$WHAT" == search ]]; then
  cargo build --release -q -p rasd-server --example loadtest
  gen="${CARGO_TARGET_DIR:-$ROOT/target}/release/examples/loadtest"
  db="$WORK/store-$DOCS.db"
  [[ -s "$db" ]] || "$gen" gen --db "$db" --docs "$DOCS"
  log="$WORK/serve.log"
  "$BIN" serve --addr 127.0.0.1:0 --db "$db" 2> "$log" &
  server=$!
  trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true' EXIT
  addr=""
  for _ in $(seq 1 100); do
    addr=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$log" | head -1) || true
    [[ -n "$addr" ]] && break
    sleep 0.1
  done
  [[ -n "$addr" ]] || { echo "rasd serve did not start"; cat "$log"; exit 1; }
  echo
  echo "GET /api/search on $DOCS documents ($addr); each query's words distinct, the first ones in the store; the fastest of $REPEAT"
  printf "%8s %10s %8s %12s\n" words chars status "time, s"
  for n in $QUERY_SIZES; do
    # Words of the store first («غارات», «مدينة»…), then made-up words of three letters.
    q=$(awk -v n="$n" 'BEGIN {
      split("غارات مدينة أمس مصدر قصف اشتباكات مسلحة بين فصيلين حلب", real, " ")
      split("ب ت ث ج ح خ د ذ ر ز س ش ص ض ط ظ ع غ ف ق", l, " ")
      out = ""
      for (i = 0; i < n; i++) {
        if (i < 10) word = real[i + 1]
        else { j = i - 10; word = l[j % 20 + 1] l[int(j / 20) % 20 + 1] l[int(j / 400) % 20 + 1] "ا" }
        out = out (i ? " " : "") word
      }
      print out
    }')
    chars=$(printf "%s" "$q" | wc -m)
    best=""
    for _ in $(seq 1 "$REPEAT"); do
      out=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -G "$addr/api/search" --data-urlencode "q=$q")
      t=${out#* }
      if [[ -z "$best" ]] || awk -v a="$t" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$t; fi
    done
    printf "%8d %10d %8s %12s\n" "$n" "$chars" "${out% *}" "$best"
  done
fi
