"""examples/spark_extract.py on PySpark in local mode (local[2]): the records it writes are the
ones `rasd extract` prints, document for document, through the package and through rdd.pipe."""

from __future__ import annotations

import collections
import glob
import importlib.util
import json
import os
import shutil
import sys

import pytest

from conftest import ROOT, cli_extract, need, write_jsonl
from corpus import corpus

N_DOCS = 300


@pytest.fixture(scope="module")
def spark():
    need(shutil.which("java") is not None, "Spark local[2]",
         "no Java (source .ci/setup.d/java.sh, or apt-get install default-jre-headless)")
    need(importlib.util.find_spec("pyspark") is not None, "Spark local[2]",
         "pyspark is not installed (pip install pyspark)")
    from pyspark.sql import SparkSession

    # The workers run this Python (where rasd is installed); loopback only, no web UI.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    s = (SparkSession.builder.master("local[2]").appName("rasd-test")
         .config("spark.ui.enabled", "false")
         .config("spark.driver.host", "127.0.0.1")
         .config("spark.driver.bindAddress", "127.0.0.1")
         .config("spark.sql.shuffle.partitions", "4")
         .getOrCreate())
    s.sparkContext.setLogLevel("ERROR")
    yield s
    s.stop()


@pytest.fixture(scope="module")
def job():
    spec = importlib.util.spec_from_file_location("spark_extract", ROOT / "examples" / "spark_extract.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def records_by_id(folder) -> dict:
    out = {}
    for f in sorted(glob.glob(f"{folder}/part-*")):
        with open(f, encoding="utf-8") as fh:
            for line in fh:
                line = line.rstrip("\n")
                if line:
                    doc_id = json.loads(line)["doc"]["id"]
                    assert doc_id not in out, f"{doc_id} twice"
                    out[doc_id] = line
    return out


def test_spark_job_writes_the_records_of_rasd_extract(spark, job, tmp_path, rasd_bin):
    articles = write_jsonl(tmp_path / "articles.jsonl", corpus(N_DOCS))
    lines, _, code = cli_extract(rasd_bin, articles)
    assert code == 0 and len(lines) == N_DOCS
    expected = {json.loads(x)["doc"]["id"]: x for x in lines}
    assert len(expected) == N_DOCS

    out = tmp_path / "out"
    res = job.run(spark, str(articles), str(out), partitions=4)
    assert res["documents"] == N_DOCS
    got = records_by_id(out / "records")
    assert got.keys() == expected.keys()
    for doc_id, line in expected.items():
        assert got[doc_id] == line, doc_id

    # Events: one row per event of the records, partitioned by month.
    import pandas as pd

    events = spark.read.parquet(str(out / "events"))
    n_events = sum(len(json.loads(x)["events"]) for x in lines)
    assert res["events"] == events.count() == n_events > N_DOCS
    want = collections.Counter(
        (e.get("date") or "")[:7] or None for x in lines for e in json.loads(x)["events"]
    )
    parts = {p.split("=", 1)[1] for p in os.listdir(out / "events") if p.startswith("month=")}
    assert parts == {m if m else "__HIVE_DEFAULT_PARTITION__" for m in want}
    assert len(parts) > 12
    months = {r["month"]: r["count"] for r in events.groupBy("month").count().collect()}
    assert months == dict(want)
    # A month's folder is plain Parquet for pandas.
    feb = pd.read_parquet(out / "events" / "month=2024-02")
    assert len(feb) == want["2024-02"] and feb["doc_id"].isin(list(expected)).all()
    assert str(feb["killed"].dtype) in ("Int64", "int64", "float64")

    # The documented fallback: the binary through rdd.pipe, the same records.
    out2 = tmp_path / "out-pipe"
    res = job.run(spark, str(articles), str(out2), pipe=True, rasd_bin=rasd_bin, partitions=2)
    assert res["documents"] == N_DOCS and res["events"] == n_events
    assert records_by_id(out2 / "records") == expected
