#!/usr/bin/env bash
# Score rasd on the shared seed and dev sets (when ../shared is present).
set -euo pipefail
cd "$(dirname "$0")/.."
shared=../shared
[ -d "$shared/eval" ] || { echo "eval: ../shared not found; nothing to score"; exit 0; }
cargo build --release -q -p rasd-extract --example eval_jsonl
bin=target/release/examples/eval_jsonl
mkdir -p target/eval
for set in seed/seed eval/dev/dev; do
  name=$(basename "$set")
  "$bin" "$shared/$set.input.jsonl" > "target/eval/$name.out.jsonl"
  echo "== $name"
  python3 "$shared/eval/score.py" "$shared/$set.gold.jsonl" "target/eval/$name.out.jsonl" "$@"
done
