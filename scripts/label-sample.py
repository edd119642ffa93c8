#!/usr/bin/env python3
"""Draw the real sentences whose candidate event words are labelled for the detector.

    python3 scripts/label-sample.py CORPUS.jsonl CANDIDATES.jsonl OUTDIR [--seed 7]

CORPUS: the SaudiNewsNet records (../shared/corpora/saudinewsnet, unzipped); CANDIDATES: what
`rasd detector candidates CORPUS` prints. Articles of the shared evaluation sets (their ids are
read from ../shared/eval) and of the project's own coded articles (eval/snn-own) are never drawn.

Sentences are drawn, and every candidate in a drawn sentence is labelled: 60 % of them with the
natural frequency of the candidates, 40 % weighted by 1/frequency of the trigger's written form,
so rare words are seen too; at most 3 sentences per article. One sentence in ten goes to two
batches (agreement). Writes OUTDIR/batch-NN.md (what an annotator reads: text, so it stays out
of the repository) and OUTDIR/batches.jsonl (the candidates of each batch, by reference).

The second round (--targeted, with CANDIDATES from `rasd detector candidates --features` and
the labels so far in data/detector/labels.jsonl) draws sentences not labelled yet: 45 % holding
a candidate of a rare kind (designation, threat, agreement, abduction, suicide, assassination,
shooting, stabbing, protest, interception, explosion, missile, air strike, fall; weighted by
1/frequency of the kind), 20 % holding a violent candidate with a month- or year-precision or
an old date (lists of past events), 20 % from articles dense with violent candidates, 15 % at
random (STRATA="rare:0.15,dated:0,dense:0.6,natural:0.25" changes the shares). Its candidate
ids start with PREFIX (default "d"), its batches at FIRST_BATCH.

The fourth round adds the stratum "active" (SCORES=the output of `rasd detector score --top 0
CORPUS`): sentences holding a candidate the shipped detector is unsure of or accepts (a score
between 0.2 and 0.85), where a new label teaches the model most (uncertainty sampling).

The fifth round adds the stratum "comment": sentences holding a candidate the shipped detector
accepts (a score of 0.35 or more) in a document written as comment rather than news (no date
of the last week, or two questions or more), where the detector's false events in columns and
profiles are.
"""
import collections, glob, json, os, random, sys

def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    seed = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else 7
    args = [a for a in args if a != str(seed)]
    corpus, cands, outdir = args[:3]
    n_sent = int(os.environ.get("N_SENTENCES", "2700"))
    n_batches = int(os.environ.get("N_BATCHES", "10"))
    targeted = "--targeted" in sys.argv
    first_batch = int(os.environ.get("FIRST_BATCH", "1"))
    prefix = os.environ.get("PREFIX", "d") if targeted else "c"
    here = os.path.dirname(os.path.abspath(__file__))
    shared = os.path.join(here, "..", "..", "shared", "eval")
    excluded = set()
    for l in open(os.path.join(shared, "sentences", "dev.gold.jsonl"), encoding="utf-8"):
        excluded.add(json.loads(l)["article"])
    for p in glob.glob(os.path.join(shared, "*", "*.input.jsonl")):
        for l in open(p, encoding="utf-8"):
            excluded.add(json.loads(l)["id"])
    for p in glob.glob(os.path.join(here, "..", "eval", "snn-own", "*.ids")):
        excluded.update(l.strip() for l in open(p, encoding="utf-8") if l.strip())
    docs = {}
    for l in open(corpus, encoding="utf-8"):
        d = json.loads(l)
        if d["id"] not in excluded:
            docs[d["id"]] = d
    done = set()
    if targeted:
        for l in open(os.path.join(here, "..", "data", "detector", "labels.jsonl"), encoding="utf-8"):
            r = json.loads(l)
            done.add((r["doc"], r["sent_start"]))
    by_sent = collections.defaultdict(list)
    for l in open(cands, encoding="utf-8"):
        c = json.loads(l)
        if c["doc"] in docs and (c["doc"], c["sent_start"]) not in done:
            by_sent[(c["doc"], c["sent_start"], c["sent_end"])].append(c)
    form = lambda c: docs[c["doc"]]["text"][c["start"]:c["end"]]
    freq = collections.Counter(form(c) for cs in by_sent.values() for c in cs)
    keys = sorted(by_sent)
    rng = random.Random(seed)
    natural = [k for k in keys for _ in by_sent[k]]  # one entry per candidate
    weights = [sum(1.0 / freq[form(c)] for c in by_sent[k]) for k in keys]
    chosen, per_doc = [], collections.Counter()
    def take(k):
        if k in chosen_set or per_doc[k[0]] >= 3:
            return
        chosen.append(k); chosen_set.add(k); per_doc[k[0]] += 1
    chosen_set = set()
    if targeted:
        rare = {"designation", "threat", "agreement", "abduction", "suicide", "assassination",
                "shooting", "stabbing", "protest", "intercept", "explosion", "missile", "air", "crash"}
        violent = {"attack", "air", "missile", "explosion", "explosive", "suicide", "clash",
                   "assassination", "shooting", "stabbing", "abduction", "kill"}
        kind = lambda c: c["value"].split(",")[0]
        kfreq = collections.Counter(kind(c) for cs in by_sent.values() for c in cs)
        rw = [sum(1.0 / kfreq[kind(c)] for c in by_sent[k] if kind(c) in rare) for k in keys]
        dated = [k for k in keys if any(kind(c) in violent and any(f in ("sd:coarse", "sd:old", "sd:month")
                 for f in c.get("features", [])) for c in by_sent[k])]
        dv = collections.Counter(c["doc"] for cs in by_sent.values() for c in cs if kind(c) in violent)
        dense = [k for k in keys if dv[k[0]] >= 5]
        unsure, accepted = set(), set()
        if os.environ.get("SCORES"):
            for l in open(os.environ["SCORES"], encoding="utf-8"):
                f = l.rstrip("\n").split("\t")
                if len(f) > 3 and 0.2 <= float(f[3].split()[0]) <= 0.85:
                    unsure.add((f[0], int(f[1])))
                if len(f) > 3 and float(f[3].split()[0]) >= 0.35:
                    accepted.add((f[0], int(f[1])))
        active = [k for k in keys if any((c["doc"], c["start"]) in unsure for c in by_sent[k])]
        # Comment: a word the detector accepts in a document written as comment rather than
        # news (no date of the last week, or questions).
        commentish = lambda c: any(f in ("dd:0", "dq:2", "dq:3") for f in c.get("features", []))
        comment = [k for k in keys if any((c["doc"], c["start"]) in accepted and commentish(c)
                                          for c in by_sent[k])]
        shares = {"rare": 0.45, "dated": 0.20, "dense": 0.20, "natural": 0.15, "active": 0.0,
                  "comment": 0.0}
        for part in os.environ.get("STRATA", "").split(","):
            if ":" in part:
                k, v = part.split(":")
                shares[k] = float(v)
        draws = {"rare": lambda: rng.choices(keys, rw)[0], "dated": lambda: rng.choice(dated),
                 "dense": lambda: rng.choice(dense), "natural": lambda: rng.choice(natural),
                 "active": lambda: rng.choice(active), "comment": lambda: rng.choice(comment)}
        for name in ("rare", "dated", "dense", "natural", "active", "comment"):
            share, draw = shares[name], draws[name]
            goal = len(chosen) + int(n_sent * share)
            tries = 0
            # A stratum that runs out of sentences (three an article at most) stops short.
            while len(chosen) < goal and tries < 100 * n_sent:
                take(draw())
                tries += 1
            if len(chosen) < goal:
                print(f"stratum {name}: {goal - len(chosen)} sentences short", file=sys.stderr)
    else:
        while len(chosen) < n_sent * 0.6:
            take(rng.choice(natural))
        while len(chosen) < n_sent:
            take(rng.choices(keys, weights)[0])
    rng.shuffle(chosen)
    twice = set(chosen[: len(chosen) // 10])
    batches = [[] for _ in range(n_batches)]
    for i, k in enumerate(chosen):
        batches[i % n_batches].append(k)
        if k in twice:
            batches[(i + 1 + (i // n_batches) % (n_batches - 1)) % n_batches].append(k)
    os.makedirs(outdir, exist_ok=True)
    ids = {}
    with open(os.path.join(outdir, "batches.jsonl"), "w", encoding="utf-8") as bj:
        for b, sents in enumerate(batches, first_batch):
            md = [f"# Batch {b:02d}: {len(sents)} sentences\n"]
            for k in sorted(sents, key=lambda k: (k[0], k[1])):
                d = docs[k[0]]
                t = d["text"]
                cs = sorted(by_sent[k], key=lambda c: c["start"])
                lo, hi = k[1], k[2]
                # A long sentence is shown around its candidates.
                lo2 = max(lo, cs[0]["start"] - 350)
                hi2 = min(hi, cs[-1]["end"] + 350)
                parts, at = [], lo2
                for c in cs:
                    cid = ids.setdefault((c["doc"], c["start"], c["end"]), f"{prefix}{len(ids) + 1:05d}")
                    parts.append(t[at:c["start"]])
                    parts.append(f"⟦{t[c['start']:c['end']]}⟧{cid[1:]}")
                    at = c["end"]
                    bj.write(json.dumps({"batch": b, "id": cid, "doc": c["doc"], "start": c["start"],
                                         "end": c["end"], "sent_start": lo, "sent_end": hi,
                                         "value": c["value"], "twice": k in twice}, ensure_ascii=False) + "\n")
                parts.append(t[at:hi2])
                prev = t[max(0, lo - 200):lo].replace("\n", " ").strip()
                nxt = t[hi:hi + 200].replace("\n", " ").strip()
                sent = "".join(parts).replace("\n", " ")
                md.append(f"\n## {k[0]} @{lo} (published {d.get('published')})\n")
                md.append(f"title: {d.get('title') or ''}\n")
                md.append(f"before: …{prev}\n")
                md.append(f"SENTENCE: {'…' if lo2 > lo else ''}{sent}{'…' if hi2 < hi else ''}\n")
                md.append(f"after: {nxt}…\n")
                md.append("candidates: " + ", ".join(
                    f"{ids[(c['doc'], c['start'], c['end'])]} «{t[c['start']:c['end']]}» ({c['value'].split(',')[0]})" for c in cs) + "\n")
            open(os.path.join(outdir, f"batch-{b:02d}.md"), "w", encoding="utf-8").write("".join(md))
    print(f"{len(chosen)} sentences, {len(ids)} candidates, {len(twice)} sentences twice, {n_batches} batches")

if __name__ == "__main__":
    main()
