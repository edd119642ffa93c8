"""rasd.extract / extract_many give what `rasd extract` prints, document for document."""

from __future__ import annotations

import datetime
import itertools
import json
import threading
import time
import warnings

import pytest

import rasd
from conftest import ROOT, cli_extract, need_module, write_jsonl
from corpus import base_articles, corpus

RAID = (
    "قصفت طائرة مسيرة موقعا لفصيل مسلح في بلدة القائم صباح السبت، وقال مصدر أمني عراقي "
    "لوكالة الأنباء إن الهجوم أسفر عن مقتل ثلاثة عناصر وإصابة اثنين آخرين."
)


def test_extract_returns_the_record_of_the_contract():
    rec = rasd.extract(RAID, published="2024-03-04", id="raid-1", title="غارة على القائم")
    assert set(rec) >= {"doc", "events", "tolls", "relations", "entities", "warnings"}
    assert rec["doc"] == {
        "id": "raid-1",
        "source": None,
        "url": None,
        "published": "2024-03-04",
        "title": "غارة على القائم",
        "lang": "ar",
    }
    (ev,) = rec["events"]
    assert ev["type"] == "air_drone_strike"
    assert ev["date"] == "2024-03-02"  # «السبت» before Monday 4 March
    assert ev["location"]["country"] == "IQ"
    assert (ev["killed"], ev["injured"]) == (3, 2)
    assert ev["claims"][0]["anonymous"] is True


def test_extract_equals_the_cli_line_for_line(tmp_path, rasd_bin):
    docs = [
        {"id": "a", "text": RAID, "published": "2024-03-04", "source": "وكالة", "url": "https://x.example/a"},
        {"text": RAID},  # no id: a hash of the text, no date
        {"id": 12345678901234567890123, "text": RAID, "published": "2024-03-04T08:15:00Z"},
        {"id": "d", "text": RAID, "published": "04/03/2024", "title": 5},  # warnings
    ]
    lines, _, code = cli_extract(rasd_bin, write_jsonl(tmp_path / "in.jsonl", docs))
    assert code == 0 and len(lines) == 4
    for d, line in zip(docs, lines):
        got = rasd.extract_json(d["text"], d.get("published"), d.get("id"), d.get("title"),
                                source=d.get("source"), url=d.get("url"))
        assert got == line
        assert rasd.extract(d["text"], d.get("published"), d.get("id"), d.get("title"),
                            source=d.get("source"), url=d.get("url")) == json.loads(line)
    assert json.loads(lines[3])["warnings"][0].startswith('"published" "04/03/2024" is not a YYYY-MM-DD date')


def test_dates_and_missing_values_from_python():
    a = rasd.extract(RAID, published=datetime.date(2024, 3, 4))
    b = rasd.extract(RAID, published=datetime.datetime(2024, 3, 4, 9, 30))
    c = rasd.extract(RAID, published="2024-03-04")
    assert a == b == c
    nan = rasd.extract(RAID, published=float("nan"), title=float("nan"))
    assert nan["doc"]["published"] is None and nan["doc"]["title"] is None
    assert nan["warnings"] == rasd.extract(RAID)["warnings"]


def test_corpus_through_extract_many_equals_rasd_extract(tmp_path, rasd_bin):
    docs = list(corpus(120))
    path = write_jsonl(tmp_path / "corpus.jsonl", docs)
    lines, _, code = cli_extract(rasd_bin, path)
    assert code == 0 and len(lines) == len(docs)
    got = list(rasd.extract_many(docs, threads=2, json=True))
    assert got == lines
    as_dicts = list(rasd.extract_many(iter(docs), threads=3))
    assert as_dicts == [json.loads(x) for x in lines]
    assert sum(len(r["events"]) for r in as_dicts) > 100


def test_bad_documents_have_the_cli_messages(tmp_path, rasd_bin):
    lines = [
        json.dumps({"id": "ok-1", "text": RAID}, ensure_ascii=False),
        json.dumps({"id": "no-text", "body": RAID}, ensure_ascii=False),
        json.dumps({"id": "blank", "text": "   "}),
        json.dumps({"id": "list", "text": ["غارة"]}, ensure_ascii=False),
        json.dumps({"id": "ok-2", "text": RAID}, ensure_ascii=False),
    ]
    out, err, code = cli_extract(rasd_bin, write_jsonl(tmp_path / "bad.jsonl", lines))
    assert code == 2 and len(out) == 2
    cli_msgs = [m.split(":", 3)[3].strip() for m in err.splitlines() if m.startswith("rasd: ")]
    docs = [json.loads(x) for x in lines]

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        got = list(rasd.extract_many(docs, errors="warn", json=True))
    assert got == out
    msgs = [str(w.message) for w in caught if issubclass(w.category, rasd.RasdWarning)]
    assert [m.split(":", 2)[2].strip() for m in msgs] == cli_msgs
    assert msgs[0] == 'docs:2: no "text" field'

    it = rasd.extract_many(docs)
    assert next(it)["doc"]["id"] == "ok-1"
    with pytest.raises(rasd.InputError, match=r'^docs:2: no "text" field$') as e:
        next(it)
    assert isinstance(e.value, ValueError) and isinstance(e.value, rasd.RasdError)
    with pytest.raises(rasd.InputError, match="the text is empty"):
        next(it)
    with pytest.raises(rasd.InputError, match='"text" is an array, not a string'):
        next(it)
    assert next(it)["doc"]["id"] == "ok-2"  # the stream goes on after an error
    assert list(it) == []

    assert [r["doc"]["id"] for r in rasd.extract_many(docs + [42], errors="ignore")] == ["ok-1", "ok-2"]
    with pytest.raises(rasd.InputError, match="the text is empty"):
        rasd.extract("  ")
    with pytest.raises(rasd.QueryError):
        rasd.extract_many(docs, errors="sometimes")


def test_strings_rows_and_mappings_are_documents():
    class Row:  # as a Spark Row
        def __init__(self, **kw):
            self.kw = kw

        def asDict(self):
            return dict(self.kw)

    pd = need_module("pandas", "extract_many over pandas rows")
    frame = pd.DataFrame([{"id": "p1", "text": RAID, "published": None}])
    items = [RAID, Row(id="r1", text=RAID, published="2024-03-04"), next(frame.iterrows())[1]]
    ids = [r["doc"]["id"] for r in rasd.extract_many(items)]
    assert ids == [rasd.extract(RAID)["doc"]["id"], "r1", "p1"]


def test_extract_many_reads_lazily():
    taken = itertools.count()

    def endless():
        for i in itertools.count():
            next(taken)
            yield {"id": f"n{i}", "text": RAID}

    it = rasd.extract_many(endless(), threads=2)
    first = list(itertools.islice(it, 10))
    assert [r["doc"]["id"] for r in first] == [f"n{i}" for i in range(10)]
    # At most the window (16 × threads, at least 64) ahead of what was handed back.
    assert next(taken) <= 10 + 64 + 1


def test_extraction_releases_the_gil():
    # Every article of the repository in one document (repeated lines would be dropped as
    # boilerplate, and take no time).
    long_text = "\n".join(a["text"] for a in base_articles())
    p = rasd.Pipeline()
    p.extract(RAID)
    gaps, done = [], threading.Event()

    def ticker():
        last = time.perf_counter()
        while not done.is_set():
            now = time.perf_counter()
            gaps.append(now - last)
            last = now
            time.sleep(0.001)

    t = threading.Thread(target=ticker)
    t.start()
    t0 = time.perf_counter()
    p.extract(long_text)
    took = time.perf_counter() - t0
    done.set()
    t.join()
    assert took > 0.05, "the document is too short to tell"
    # Had the GIL been held, the ticker would have stopped for the whole extraction.
    assert max(gaps) < took / 2, (max(gaps), took)


def test_pipeline_options(tmp_path):
    trace = rasd.Pipeline(trace=True).extract(RAID, "2024-03-04")
    assert trace.get("trace")
    assert "trace" not in rasd.extract(RAID, "2024-03-04")
    with pytest.raises(rasd.LoadError, match="reading gazetteer") as e:
        rasd.Pipeline(gazetteer=[tmp_path / "missing.tsv"])
    assert isinstance(e.value, OSError)
    assert rasd.default_pipeline() is rasd.default_pipeline()


def test_sample_file_equals_the_cli(rasd_bin):
    lines, _, _ = cli_extract(rasd_bin, ROOT / "examples" / "sample.jsonl")
    docs = [json.loads(x) for x in (ROOT / "examples" / "sample.jsonl").read_text(encoding="utf-8").splitlines()]
    assert list(rasd.extract_many(docs, json=True)) == lines
