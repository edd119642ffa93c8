"""rasd.Store reads and writes the store of `rasd ingest`, `rasd query` and `rasd export`."""

from __future__ import annotations

import io
import json
import os
import random
import subprocess
import sys
import uuid
import warnings
from pathlib import Path

import pytest

import rasd
from conftest import ROOT, need, need_module, write_jsonl
from reports import EVENTS, reports

SAMPLES = [ROOT / "examples" / "sample.jsonl", ROOT / "examples" / "sample-other-outlet.jsonl"]


def sample_docs():
    return [json.loads(x) for p in SAMPLES for x in p.read_text(encoding="utf-8").splitlines() if x.strip()]


def cli(rasd_bin, *args):
    p = subprocess.run([rasd_bin, *map(str, args)], capture_output=True, text=True, encoding="utf-8")
    return p.returncode, p.stdout, p.stderr


def unstamped(export: str) -> list:
    """A JSON or JSON Lines export without its `stored_at` values (when the store was written)."""

    def drop(v):
        if isinstance(v, dict):
            return {k: drop(x) for k, x in v.items() if k != "stored_at"}
        if isinstance(v, list):
            return [drop(x) for x in v]
        return v

    try:
        return [drop(json.loads(export))]
    except json.JSONDecodeError:
        return [drop(json.loads(line)) for line in export.splitlines() if line.strip()]


def groups(store) -> set:
    """The canonical events as sets of the documents that report them."""
    out = set()
    page = store.query(limit=10_000)
    assert page["total"] == len(page["items"])
    for ev in page["items"]:
        detail = store.event(ev["id"])
        out.add(frozenset(r["doc_id"] for r in detail["reports"]))
    return out


def test_a_store_written_by_python_reads_as_one_written_by_the_cli(tmp_path, rasd_bin):
    cli_db, py_db = tmp_path / "cli.db", tmp_path / "py.db"
    code, _, err = cli(rasd_bin, "ingest", "--db", cli_db, *SAMPLES)
    assert code == 0, err
    with rasd.Store(py_db) as s:
        st = s.ingest(sample_docs())
        assert (st["documents"], st["duplicates"], st["skipped"]) == (5, 0, 0)
        assert st["fused"] == 1 and st["conflicts"] == []
        # The same filters give the same page as `rasd query --format json`.
        for args, kw in [
            ([], {}),
            (["--type", "air_drone_strike", "--country", "IQ"], {"type": "air_drone_strike", "country": "IQ"}),
            (["--from", "2024-02", "--to", "2024-02-28"], {"from_": "2024-02", "to": "2024-02-28"}),
            (["--text", "حرير"], {"text": "حرير"}),
            (["--bbox", "44,36,45,37"], {"bbox": [44, 36, 45, 37]}),
        ]:
            code, out, err = cli(rasd_bin, "query", "--db", cli_db, "--format", "json", "--limit", "50", *args)
            assert code == 0, err
            assert s.query(limit=50, **kw) == json.loads(out), args
        # The CLI reads what Python stored.
        ev = s.query(type=["air_drone_strike"])["items"][0]
        code, out, err = cli(rasd_bin, "event", "--db", py_db, ev["id"], "--json")
        assert code == 0, err
        assert json.loads(out) == s.event(ev["id"])
        assert s.event("ev-999999") is None
        # Exports as `rasd export` writes them, but for when each store was written
        # (`stored_at`; ACLED's timestamp column, not compared).
        for fmt in ["jsonl", "geojson", "plover-jsonl"]:
            code, out, err = cli(rasd_bin, "export", "--db", cli_db, "--format", fmt)
            assert code == 0, err
            assert unstamped(s.export(fmt)) == unstamped(out), fmt
        st = s.export("geojson", tmp_path / "events.geojson", country="IQ")
        assert st["written"] >= 1
        assert json.loads((tmp_path / "events.geojson").read_text(encoding="utf-8"))["type"] == "FeatureCollection"
        pd = need_module("pandas", "the Parquet export read by pandas")
        frame = pd.read_parquet(io.BytesIO(s.export("parquet")))
        assert len(frame) == s.query()["total"]
        assert s.counts()["documents"] == 5
        assert s.verify() == []
        # Ingesting again changes nothing.
        again = s.ingest(sample_docs())
        assert (again["documents"], again["duplicates"]) == (0, 5)
    with pytest.raises(rasd.StoreError, match="is closed"):
        s.query()


def test_errors_have_the_cli_messages(tmp_path, rasd_bin):
    db = tmp_path / "e.db"
    s = rasd.Store(db)
    code, _, err = cli(rasd_bin, "query", "--db", db, "--type", "airstrike")
    assert code == 1
    with pytest.raises(rasd.QueryError) as e:
        s.query(type="airstrike")
    assert isinstance(e.value, ValueError)
    assert err.strip() == f"rasd: error: {e.value}"
    code, _, err = cli(rasd_bin, "query", "--db", db, "--bbox", "1,2,3")
    with pytest.raises(rasd.QueryError) as e:
        s.query(bbox="1,2,3")
    assert err.strip() == f"rasd: error: {e.value}"
    with pytest.raises(rasd.QueryError, match="invalid export format"):
        s.export("xlsx")
    bad = tmp_path / "no" / "such" / "dir" / "x.db"
    code, _, err = cli(rasd_bin, "query", "--db", bad)
    with pytest.raises(rasd.StoreError) as e:
        rasd.Store(bad)
    assert isinstance(e.value, OSError)
    assert err.strip() == f"rasd: error: {e.value}"


def test_taken_ids_and_records_extracted_elsewhere(tmp_path):
    s = rasd.Store(":memory:")
    docs = sample_docs()
    recs = list(rasd.extract_many(docs, json=True))
    st = s.ingest_records(zip(docs, recs))
    assert (st["documents"], st["fused"]) == (5, 1)
    other = dict(docs[0], text=docs[0]["text"] + " وأضاف المصدر أن التحقيق جار.")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        st = s.ingest([other])
    assert st["conflicts"] == [docs[0]["id"]] and st["skipped"] == 1
    assert "is already taken in the store by a different text" in str(caught[0].message)
    st = s.ingest([other], replace=True)
    assert st["replaced"] == 1
    with pytest.raises(rasd.InputError, match=r"^docs:1: a \(doc, record\) pair expected"):
        s.ingest_records([docs[0]])
    with pytest.raises(rasd.InputError, match="not a rasd record"):
        s.ingest_records([(docs[0], {"doc": 1})])


def test_reports_of_the_same_events_fuse_in_any_order():
    docs = reports()
    expected = None
    for seed in range(3):
        random.Random(seed).shuffle(docs)
        s = rasd.Store(":memory:")
        s.ingest(docs, batch=1)
        g = groups(s)
        assert len(g) >= len(EVENTS)
        expected = expected or g
        assert g == expected


def test_four_writers_into_one_postgres_store(tmp_path):
    url = os.environ.get("RASD_TEST_PG", "").strip()
    need(bool(url), "four concurrent PostgreSQL writers",
         "set RASD_TEST_PG=postgres://… (source .ci/setup.d/postgres.sh)")
    schema = f"rasd_py_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    psql = ["psql", url, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-c"]
    subprocess.run(psql + [f"CREATE SCHEMA {schema}"], check=True, capture_output=True)
    try:
        sep = "&" if "?" in url else "?"
        target = f"{url}{sep}options=-c%20search_path%3D{schema}"
        docs = reports()
        # Each writer has three quarters of the reports, in its own order: every report is
        # ingested by three writers at once, and each event is reported by all four.
        files = []
        for w in range(4):
            mine = [d for i, d in enumerate(docs) if i % 4 != w]
            random.Random(w).shuffle(mine)
            files.append(write_jsonl(tmp_path / f"w{w}.jsonl", mine))
        start = tmp_path / "start"
        procs = [
            subprocess.Popen([sys.executable, str(Path(__file__).with_name("pg_writer.py")), target, str(f), str(start)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for f in files
        ]
        start.touch()
        stats = []
        for p in procs:
            out, err = p.communicate(timeout=300)
            assert p.returncode == 0, err
            stats.append(json.loads(out))
        assert sum(st["documents"] for st in stats) == len(docs)
        assert sum(st["duplicates"] for st in stats) == 3 * len(docs) - len(docs)
        pg = rasd.Store(target)
        c = pg.counts()
        assert c["documents"] == len(docs)
        lite = rasd.Store(":memory:")
        lite.ingest(docs)
        assert c["events"] == lite.counts()["events"]
        assert groups(pg) == groups(lite)
        assert pg.verify() == []
    finally:
        subprocess.run(psql + [f"DROP SCHEMA IF EXISTS {schema} CASCADE"], capture_output=True)
