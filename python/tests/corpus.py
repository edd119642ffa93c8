"""A corpus of N documents made from the repository's own invented articles.

The articles of ``eval/heldout``, ``eval/fresh`` and ``examples/sample.jsonl`` and the texts of
``crates/extract/tests/fixtures`` are taken in turn, each copy with an id of its own and a
publication date that moves a few days each time over 2023–2024 (so that events fall in many
months), some copies without a date, with a title, or with a numeric id.

    python python/tests/corpus.py 300 > articles.jsonl
"""

from __future__ import annotations

import datetime
import json
import sys
from pathlib import Path
from typing import Dict, Iterator, List

ROOT = Path(__file__).resolve().parents[2]


def base_articles() -> List[Dict[str, str]]:
    """The repository's own articles, in a fixed order."""
    out: List[Dict[str, str]] = []
    files = sorted(ROOT.glob("eval/heldout/*.input.jsonl")) + sorted(ROOT.glob("eval/fresh/*.input.jsonl"))
    files.append(ROOT / "examples" / "sample.jsonl")
    for f in files:
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                out.append({k: rec[k] for k in ("text", "source", "title") if rec.get(k)})
    for f in sorted((ROOT / "crates" / "extract" / "tests" / "fixtures").glob("*.txt")):
        out.append({"text": f.read_text(encoding="utf-8")})
    return out


def corpus(n: int) -> Iterator[Dict[str, object]]:
    """N documents, deterministic."""
    base = base_articles()
    start = datetime.date(2023, 1, 3)
    for i in range(n):
        doc: Dict[str, object] = dict(base[i % len(base)])
        doc["id"] = f"gen-{i:05d}"
        if i % 17 == 5:
            doc["id"] = 900000 + i  # a numeric id: every digit is kept
        if i % 23 != 7:  # a few without a date
            doc["published"] = (start + datetime.timedelta(days=(i * 5) % 720)).isoformat()
        if i % 3 == 0:
            doc.pop("title", None)
        yield doc


def write(n: int, out) -> None:
    for d in corpus(n):
        out.write(json.dumps(d, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    write(int(sys.argv[1]) if len(sys.argv) > 1 else 300, sys.stdout)
