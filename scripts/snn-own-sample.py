#!/usr/bin/env python3
"""Draw the articles of a new coded set of eval/snn-own (their ids only; never their text).

    target/release/rasd detector candidates CORPUS.jsonl > /tmp/cands.jsonl
    python3 scripts/snn-own-sample.py CORPUS.jsonl /tmp/cands.jsonl NAME [--seed N] > eval/snn-own/NAME.ids

CORPUS: the SaudiNewsNet records (../shared/corpora/saudinewsnet, unzipped); the candidates are
what `rasd detector candidates` prints for it (document id and the lexicon's kind of each
candidate event word). The draw is the one `eval/README.md` describes for `test4` onwards:

* 30 articles drawn at random: 24 among those with at least one violent candidate word, 6
  among those with none (a monitoring tool meets both);
* 30 drawn at random among the articles dense with violent words (at least `--dense`, 3 by
  default: the pool of four or more was spent by `test22`), where round-ups are.

Never drawn: the articles of every set already in eval/snn-own (`*.ids`), of the shared
evaluation sets (../shared/eval, when present) and of the detector's labels
(data/detector/labels.jsonl), so a set is new to the rules and to the weights. The seed defaults
to a number made from NAME, so the same name, corpus and lexicon give the same draw.
"""
import argparse
import collections
import glob
import hashlib
import json
import os
import random
import sys

# The lexicon's kinds that are no violence (crates/extract/src/events/kind.rs, `violent`).
NOT_VIOLENT = {"abduction", "arrest", "protest", "designation", "threat", "agreement"}


def taken(root):
    """Ids no new set may hold: earlier sets, the shared evaluation sets, the detector's labels."""
    out = set()
    for path in glob.glob(os.path.join(root, "eval", "snn-own", "*.ids")):
        with open(path, encoding="utf-8") as f:
            out |= {line.strip() for line in f if line.strip()}
    shared = os.path.join(root, "..", "shared", "eval")
    for path in glob.glob(os.path.join(shared, "**", "*.jsonl"), recursive=True):
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    rec = json.loads(line)
                    out.add((rec.get("doc") or {}).get("id") or rec.get("id"))
    with open(os.path.join(root, "data", "detector", "labels.jsonl"), encoding="utf-8") as f:
        out |= {json.loads(line)["doc"] for line in f if line.strip()}
    out.discard(None)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus")
    ap.add_argument("candidates")
    ap.add_argument("name")
    ap.add_argument("--seed", type=int)
    ap.add_argument("--dense", type=int, default=3, help="violent words that make an article dense")
    args = ap.parse_args()
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    seed = args.seed if args.seed is not None else int(hashlib.sha256(args.name.encode()).hexdigest()[:8], 16)

    ids = []
    with open(args.corpus, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            try:
                ids.append(json.loads(line)["id"])
            except (json.JSONDecodeError, KeyError) as e:
                print(f"{args.corpus}:{n}: skipped: {e}", file=sys.stderr)
    violent = collections.Counter()
    with open(args.candidates, encoding="utf-8") as f:
        for line in f:
            c = json.loads(line)
            if c["value"].split(",")[0] not in NOT_VIOLENT:
                violent[c["doc"]] += 1
    out = taken(root)
    free = [i for i in ids if i not in out]
    rng = random.Random(seed)
    dense = [i for i in free if violent[i] >= args.dense]
    pick_dense = rng.sample(dense, 30)
    rest = [i for i in free if i not in set(pick_dense)]
    some = rng.sample([i for i in rest if violent[i] > 0], 24)
    none = rng.sample([i for i in rest if violent[i] == 0], 6)
    print(f"{args.name}: seed {seed}; {len(free)} articles free, {len(dense)} dense", file=sys.stderr)
    for i in some + none + pick_dense:
        print(i)


if __name__ == "__main__":
    main()
