#!/usr/bin/env bash
# Score rasd on its own evaluation sets (eval/heldout, eval/fresh) and, when ../shared is
# present, on the shared seed and dev sets. Extra arguments go to the scorer (e.g. --by-doc).
set -euo pipefail
cd "$(dirname "$0")/.."
shared=../shared
score=$shared/eval/score.py
[ -f "$score" ] || { echo "eval: $score not found; nothing to score"; exit 0; }
cargo build --release -q -p rasd-extract --example eval_jsonl
bin=target/release/examples/eval_jsonl
mkdir -p target/eval
run() { # NAME INPUT GOLD
  "$bin" "$2" > "target/eval/$1.out.jsonl"
  echo "== $1"
  python3 "$score" "$3" "target/eval/$1.out.jsonl" "${@:4}"
}
for set in seed/seed eval/dev/dev; do
  run "$(basename "$set")" "$shared/$set.input.jsonl" "$shared/$set.gold.jsonl" "$@"
done
for own in heldout fresh; do
  cat eval/$own/*.input.jsonl > target/eval/$own.input.jsonl
  cat eval/$own/*.gold.jsonl > target/eval/$own.gold.jsonl
  run $own target/eval/$own.input.jsonl target/eval/$own.gold.jsonl "$@"
done
