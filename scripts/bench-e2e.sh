#!/usr/bin/env bash
# End-to-end benchmark of `rasd extract`: builds the release binary, makes a JSON Lines input of
# at least SIZE_MB megabytes (default 100) by repeating real articles with fresh ids, runs
# `rasd extract` over it, and prints MB/s, documents/s and peak memory.
#
#   scripts/bench-e2e.sh                 # 100 MB, all cores
#   SIZE_MB=20 JOBS=1 scripts/bench-e2e.sh
#
# The articles come from ../shared/eval/dev/dev.input.jsonl and ../shared/seed/seed.input.jsonl
# when ../shared is there (read, never copied into the repository), else from examples/.
# Nothing is downloaded. Not run by CI.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
SIZE_MB="${SIZE_MB:-100}"
JOBS="${JOBS:-$(nproc 2>/dev/null || echo 2)}"
WORK="${WORK:-$ROOT/target/bench-e2e}"
mkdir -p "$WORK"

# RASD_BIN=path/to/rasd skips the build and measures that binary.
BIN="${RASD_BIN:-}"
if [[ -z "$BIN" ]]; then
  cargo build --release -q -p rasd --bin rasd
  BIN="${CARGO_TARGET_DIR:-$ROOT/target}/release/rasd"
fi

sources=()
for f in ../shared/eval/dev/dev.input.jsonl ../shared/seed/seed.input.jsonl; do
  [[ -s "$f" ]] && sources+=("$f")
done
if [[ ${#sources[@]} -eq 0 ]]; then
  sources=(examples/sample.jsonl)
fi
INPUT="$WORK/input-${SIZE_MB}MB.jsonl"
want=$((SIZE_MB * 1000 * 1000))
if [[ ! -s "$INPUT" || $(stat -c %s "$INPUT") -lt $want ]]; then
  echo "building $INPUT from ${sources[*]}"
  block="$WORK/block.jsonl"
  cat "${sources[@]}" | grep -v '^[[:space:]]*$' > "$block"
  block_size=$(stat -c %s "$block")
  reps=$(( (want + block_size - 1) / block_size ))
  # Fresh ids: the first "id" of each line gets the repetition number as a prefix.
  awk -v reps="$reps" 'NR == FNR { line[n++] = $0; next }
    END { for (r = 1; r <= reps; r++) for (i = 0; i < n; i++) { l = line[i]; sub(/"id": *"/, "\"id\": \"r" r "-", l); print l } }' \
    "$block" /dev/null > "$INPUT"
fi
bytes=$(stat -c %s "$INPUT")
docs=$(wc -l < "$INPUT")
echo "input: $docs documents, $((bytes / 1000000)) MB; $JOBS worker(s); binary $BIN"

OUT="$WORK/out.jsonl"
TIMES="$WORK/time.txt"
start=$(date +%s.%N)
peak_kb=""
if [[ -x /usr/bin/time ]]; then
  status=0
  /usr/bin/time -v "$BIN" extract -j "$JOBS" -o "$OUT" "$INPUT" 2> "$TIMES" || status=$?
  peak_kb=$(awk -F: '/Maximum resident set size/ { gsub(/ /, "", $2); print $2 }' "$TIMES")
else
  # No GNU time: sample the high-water mark of the process while it runs.
  "$BIN" extract -j "$JOBS" -o "$OUT" "$INPUT" 2> "$TIMES" &
  pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    hwm=$(awk '/VmHWM/ { print $2 }' "/proc/$pid/status" 2>/dev/null || true)
    [[ -n "$hwm" ]] && peak_kb=$hwm
    sleep 0.2
  done
  status=0
  wait "$pid" || status=$?
fi
end=$(date +%s.%N)
if [[ $status -ne 0 ]]; then
  echo "rasd extract exited with status $status:"
  grep -v '^\s' "$TIMES" | head -20
fi
records=$(wc -l < "$OUT")
awk -v s="$start" -v e="$end" -v b="$bytes" -v d="$docs" -v r="$records" -v p="$peak_kb" -v j="$JOBS" 'BEGIN {
  t = e - s;
  printf "records written: %d of %d documents\n", r, d;
  printf "wall time:       %.1f s with %d worker(s)\n", t, j;
  printf "throughput:      %.2f MB/s, %.0f documents/s\n", b / 1e6 / t, d / t;
  if (p != "") printf "peak memory:     %.1f MB (max RSS)\n", p / 1024;
}'
