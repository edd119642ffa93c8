#!/usr/bin/env bash
# Score rasd on its own evaluation sets (eval/heldout, eval/fresh) and, when ../shared is
# present, on the shared seed, dev and snn-dev sets and on rasd's own coded SaudiNewsNet
# articles (eval/snn-own/dev; with RASD_EVAL_TEST=1, eval/snn-own/test too — score it rarely:
# it is the check that rules tuned on the others generalise). Extra arguments go to the scorer
# (e.g. --by-doc).
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
for set in seed/seed eval/dev/dev eval/snn-dev/snn-dev; do
  run "$(basename "$set")" "$shared/$set.input.jsonl" "$shared/$set.gold.jsonl" "$@"
done
for own in heldout fresh; do
  cat eval/$own/*.input.jsonl > target/eval/$own.input.jsonl
  cat eval/$own/*.gold.jsonl > target/eval/$own.gold.jsonl
  run $own target/eval/$own.input.jsonl target/eval/$own.gold.jsonl "$@"
done
sets=(dev)
[ "${RASD_EVAL_TEST:-}" = 1 ] && sets+=(test test2 test3 test4 test5 test6 test7 test8 test9 test10 test11 test12 test13 test14 test15 test16 test17 test18 test19 test20 test21 test22 test23 test24 test25 test26 test27 test28 test29 test30 test31 test32 test33 test34 test35 test36 test37 test38 test39 test40 test41 test42 test43 test44 test45 test46 test47 test48 test49 test50 test51 test52 test53 test54 test55)
for own in "${sets[@]}"; do
  python3 scripts/snn-own-input.py "$own" "$shared/corpora/saudinewsnet/saudinewsnet.jsonl.gz" \
    > "target/eval/snn-own-$own.input.jsonl"
  run "snn-own-$own" "target/eval/snn-own-$own.input.jsonl" "eval/snn-own/$own.gold.jsonl" "$@"
done
