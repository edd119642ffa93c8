#!/usr/bin/env python3
"""Build the input of rasd's own coded SaudiNewsNet articles (eval/snn-own) from the corpus.

The repository keeps only the article ids (`eval/snn-own/SET.ids`) and the hand coding
(`eval/snn-own/SET.gold.jsonl`, by reference: no article text); the text comes from the
corpus beside the repository. Usage:

    python3 scripts/snn-own-input.py SET [CORPUS] > target/eval/snn-own-SET.input.jsonl
"""
import gzip
import json
import sys


def main() -> int:
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 1
    name = sys.argv[1]
    corpus = sys.argv[2] if len(sys.argv) > 2 else "../shared/corpora/saudinewsnet/saudinewsnet.jsonl.gz"
    with open(f"eval/snn-own/{name}.ids", encoding="utf-8") as f:
        ids = [line.strip() for line in f if line.strip()]
    want = set(ids)
    found = {}
    opener = gzip.open if corpus.endswith(".gz") else open
    with opener(corpus, "rt", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r.get("id") in want:
                keep = ("id", "source", "url", "published", "title", "text")
                found[r["id"]] = {k: r[k] for k in keep if k in r}
    missing = [i for i in ids if i not in found]
    if missing:
        print(f"snn-own-input: {len(missing)} ids not in {corpus}: {', '.join(missing)}", file=sys.stderr)
        return 2
    for i in ids:
        print(json.dumps(found[i], ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
