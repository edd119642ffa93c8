"""Extract conflict events from Arabic articles with rasd on Spark.

Reads JSON Lines articles (``id``, ``text``, ``published``, ``source``, ``url``, ``title``) into a
DataFrame, extracts each partition with the ``rasd`` Python package (``mapInPandas``: the Rust
pipeline in the Python worker, one thread per task), and writes

* ``OUT/records/``: the rasd record of every document, as JSON Lines text (what ``rasd extract``
  prints for it);
* ``OUT/events/month=YYYY-MM/``: one row per event, as Parquet partitioned by the month of the
  event (events without a date go to ``month=__HIVE_DEFAULT_PARTITION__``).

Run it with the package installed on the driver and the workers (``pip install ./python``)::

    python examples/spark_extract.py articles.jsonl out/ --master 'local[2]'
    spark-submit examples/spark_extract.py articles.jsonl out/

Where the package cannot be installed on the workers but the binary can (it is one file),
``--pipe`` extracts through ``rdd.pipe("rasd extract -j 1 -")`` instead (``--rasd PATH`` names the
binary when it is not on the workers' ``PATH``); the records are the same. Turning records into
event rows still needs the package on the workers.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from typing import Iterator

INPUT_FIELDS = ["id", "text", "published", "source", "url", "title"]


def input_schema():
    """Every field a string: ids keep their digits, dates stay as written (rasd reads them)."""
    from pyspark.sql.types import StringType, StructField, StructType

    return StructType([StructField(f, StringType()) for f in INPUT_FIELDS])


def event_schema():
    """The columns of the events table (``rasd.to_frames``), as Spark types."""
    from pyspark.sql.types import (ArrayType, BooleanType, DoubleType, LongType, StringType,
                                   StructField, StructType)

    s, ls = StringType(), ArrayType(StringType())
    cols = [
        ("doc_id", s), ("event_id", s), ("type", s), ("date", s), ("date_precision", s),
        ("date_text", s), ("month", s), ("location", s), ("location_en", s), ("place_id", s),
        ("country", s), ("admin1", s), ("lat", DoubleType()), ("lon", DoubleType()),
        ("geo_precision", s), ("actors", ls), ("actor_ids", ls), ("targets", ls),
        ("target_ids", ls), ("weapons", ls), ("count", LongType()), ("killed", LongType()),
        ("injured", LongType()), ("outcome", ls), ("contradiction", BooleanType()),
        ("n_claims", LongType()), ("sources", ls), ("evidence_start", LongType()),
        ("evidence_end", LongType()), ("published", s), ("outlet", s), ("title", s), ("url", s),
    ]
    return StructType([StructField(n, t) for n, t in cols])


def extract_batches(batches: Iterator) -> Iterator:
    """``mapInPandas``: articles in, records (one JSON line each) out, in order."""
    import pandas as pd
    import rasd

    for pdf in batches:
        docs = pdf.to_dict("records")
        lines = list(rasd.extract_many(docs, threads=1, json=True, errors="warn"))
        yield pd.DataFrame({"value": lines}, dtype="object")


def records_to_events(batches: Iterator) -> Iterator:
    """``mapInPandas``: records (JSON lines) in, one row per event out."""
    import rasd

    for pdf in batches:
        ev = rasd.to_frames(pdf["value"], geo=False).events
        yield ev.astype({c: "object" for c in ("actors", "actor_ids", "targets", "target_ids",
                                               "weapons", "outcome", "sources")})


def run(spark, articles: str, out: str, pipe: bool = False, rasd_bin: str = "rasd",
        partitions: int = 0) -> dict:
    """Extract ``articles`` into ``out``/records and ``out``/events; returns counts and times."""
    from pyspark.sql.types import StringType, StructField, StructType

    t0 = time.perf_counter()
    records_schema = StructType([StructField("value", StringType())])
    if pipe:
        lines = spark.sparkContext.textFile(articles)
        if partitions:
            lines = lines.repartition(partitions)
        piped = lines.pipe(f"{rasd_bin} extract -j 1 -")
        records = spark.createDataFrame(piped.map(lambda s: (s,)), records_schema)
    else:
        docs = spark.read.schema(input_schema()).json(articles)
        if partitions:
            docs = docs.repartition(partitions)
        records = docs.mapInPandas(extract_batches, records_schema)
    records.write.mode("overwrite").text(f"{out}/records")
    t1 = time.perf_counter()
    written = spark.read.text(f"{out}/records")
    events = written.mapInPandas(records_to_events, event_schema())
    events.write.mode("overwrite").partitionBy("month").parquet(f"{out}/events")
    t2 = time.perf_counter()
    return {
        "documents": written.count(),
        "events": spark.read.parquet(f"{out}/events").count(),
        "extract_seconds": round(t1 - t0, 2),
        "total_seconds": round(t2 - t0, 2),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("articles", help="JSON Lines articles (a file, a folder or a glob)")
    ap.add_argument("out", help="output folder: OUT/records, OUT/events")
    ap.add_argument("--master", default=None, help="Spark master, e.g. local[2] (default: spark-submit's)")
    ap.add_argument("--pipe", action="store_true", help="extract through `rasd extract` with rdd.pipe")
    ap.add_argument("--rasd", default="rasd", help="the rasd binary for --pipe (default: rasd on PATH)")
    ap.add_argument("--partitions", type=int, default=0, help="repartition the articles first")
    a = ap.parse_args()

    # In local mode the workers are this Python, where rasd is installed.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    b = SparkSession.builder.appName("rasd-extract")
    if a.master:
        b = b.master(a.master)
    spark = b.getOrCreate()
    try:
        print(json.dumps(run(spark, a.articles, a.out, a.pipe, a.rasd, a.partitions)))
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
