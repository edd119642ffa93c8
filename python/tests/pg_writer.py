"""One writer of the concurrent-ingest test: ingest a JSON Lines file into a store.

    python pg_writer.py STORE DOCS.jsonl START_FILE

Waits until START_FILE exists (so that the writers start together), then ingests the
documents one per transaction and prints the stats as JSON.
"""

from __future__ import annotations

import json
import os
import sys
import time

import rasd


def main() -> None:
    target, path, start = sys.argv[1], sys.argv[2], sys.argv[3]
    store = rasd.Store(target)
    with open(path, encoding="utf-8") as f:
        docs = [json.loads(line) for line in f if line.strip()]
    deadline = time.monotonic() + 60
    while not os.path.exists(start) and time.monotonic() < deadline:
        time.sleep(0.005)
    stats = store.ingest(docs, batch=1, threads=1)
    print(json.dumps(stats))


if __name__ == "__main__":
    main()
