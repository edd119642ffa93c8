#!/usr/bin/env bash
# Peak memory of `rasd extract -j 1` over a file of a few very large documents: DOCS documents
# (default 20) of DOC_MB megabytes each (default 95), one JSON line each. Memory should stay
# bounded by the bytes in flight (128 MiB, and the document being read), not grow with DOCS.
#
#   scripts/bench-memory.sh                    # 20 × 95 MB
#   DOCS=10 DOC_MB=40 scripts/bench-memory.sh
#   RASD_BIN=path/to/rasd scripts/bench-memory.sh   # measure another build
#
# The text is one Arabic sentence without an event, repeated (extraction is then quick and the
# figure is about what is held, not what is found). Nothing is downloaded. Not run by CI.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
DOCS="${DOCS:-20}"
DOC_MB="${DOC_MB:-95}"
WORK="${WORK:-$ROOT/target/bench-memory}"
mkdir -p "$WORK"
BIN="${RASD_BIN:-}"
if [[ -z "$BIN" ]]; then
  cargo build --release -q -p rasd --bin rasd
  BIN="${CARGO_TARGET_DIR:-$ROOT/target}/release/rasd"
fi
INPUT="$WORK/input-${DOCS}x${DOC_MB}MB.jsonl"
if [[ ! -s "$INPUT" ]]; then
  echo "building $INPUT"
  python3 - "$INPUT" "$DOCS" "$DOC_MB" <<'PY'
import sys
path, docs, mb = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
sentence = "وقال المتحدث إن الاجتماع ناقش التعاون الاقتصادي بين البلدين في مجالات عدة. "
n = mb * 1000 * 1000 // len(sentence.encode())
with open(path, "w", encoding="utf-8") as f:
    for i in range(docs):
        f.write('{"id": "big-%d", "text": "' % i)
        f.write(sentence * n)
        f.write('"}\n')
PY
fi
size=$(stat -c %s "$INPUT")
echo "input: $DOCS documents, $((size / 1000000)) MB in all"
/usr/bin/time -f "%e s, peak RSS %M KB" "$BIN" extract -j 1 --max-bytes 200000000 "$INPUT" -o /dev/null 2> "$WORK/time.txt" || true
tail -1 "$WORK/time.txt" | awk '{ printf "rasd extract -j 1: %s s, peak RSS %.0f MB\n", $1, $5 / 1024 }'
