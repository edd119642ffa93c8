#!/usr/bin/env python3
"""Gather the annotators' labels into data/detector/labels.jsonl, by reference only.

    python3 scripts/label-collect.py BATCHES.jsonl OUTDIR DATE > data/detector/labels.jsonl

BATCHES.jsonl: what scripts/label-sample.py wrote (each candidate's batch, article id and
character offsets); OUTDIR: the annotators' files batch-NN.jsonl ({"id", "label", "type",
"reason", "note"}). Writes one line per label: article id, character offsets of the word and of
its sentence, the lexicon's kind at labelling time, label, type, reason, note, batch, date. A
candidate labelled in two batches has two lines. No text of the article is written.
"""
import json, os, sys

def main():
    batches, outdir, date = sys.argv[1:4]
    where = {}
    for l in open(batches, encoding="utf-8"):
        d = json.loads(l)
        where[(d["batch"], d["id"])] = d
    rows = []
    for b in sorted({k[0] for k in where}):
        path = os.path.join(outdir, f"batch-{b:02d}.jsonl")
        for l in open(path, encoding="utf-8"):
            if not l.strip():
                continue
            r = json.loads(l)
            c = where[(b, r["id"])]
            rows.append({"doc": c["doc"], "start": c["start"], "end": c["end"],
                         "sent_start": c["sent_start"], "sent_end": c["sent_end"],
                         "kind": c["value"].split(",")[0], "label": r["label"],
                         "type": r.get("type") or "", "reason": r.get("reason") or "",
                         "note": (r.get("note") or "").strip(), "batch": b, "date": date})
    rows.sort(key=lambda r: (r["doc"], r["start"], r["end"], r["batch"]))
    for r in rows:
        print(json.dumps(r, ensure_ascii=False))

if __name__ == "__main__":
    main()
