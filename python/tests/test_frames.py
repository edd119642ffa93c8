"""rasd.to_frames: DataFrames of events, claims, tolls and relations."""

from __future__ import annotations

import importlib.util
import json

import rasd
from conftest import ROOT, need, need_module

pd = need_module("pandas", "rasd.to_frames")


def sample_records():
    lines = (ROOT / "examples" / "sample.jsonl").read_text(encoding="utf-8").splitlines()
    return list(rasd.extract_many(json.loads(x) for x in lines))


def test_frames_have_a_row_per_event_claim_toll_and_relation():
    recs = sample_records()
    f = rasd.to_frames(recs, geo=False)
    assert len(f.events) == sum(len(r["events"]) for r in recs)
    assert len(f.claims) == sum(len(e["claims"]) for r in recs for e in r["events"])
    assert len(f.tolls) == sum(len(r["tolls"]) for r in recs)
    assert len(f.relations) == sum(len(r["relations"]) for r in recs)
    assert list(f.events.columns) == rasd._frames.EVENT_COLUMNS
    assert str(f.events["killed"].dtype) == "Int64"
    first = f.events.iloc[0]
    assert first["doc_id"] == "sample-01-harir-drones"
    assert first["type"] == "air_drone_strike"
    assert first["month"] == "2024-02"
    assert first["location_en"] == "Harir Air Base"
    assert first["weapons"] == ["drone"]
    assert bool(first["contradiction"]) is True
    # Claims join their events.
    joined = f.claims.merge(f.events, on=["doc_id", "event_id"], how="left", validate="many_to_one")
    assert joined["type"].notna().all()
    assert set(f.claims["stance"]) >= {"asserts", "denies"}
    assert f.events_geo is None


def test_frames_from_json_lines_and_empty_input():
    recs = sample_records()
    a = rasd.to_frames([json.dumps(r, ensure_ascii=False) for r in recs], geo=False)
    b = rasd.to_frames(recs, geo=False)
    pd.testing.assert_frame_equal(a.events, b.events)
    empty = rasd.to_frames([], geo=False)
    assert len(empty.events) == 0 and list(empty.tolls.columns) == rasd._frames.TOLL_COLUMNS


def test_geodataframe_of_events():
    need(importlib.util.find_spec("geopandas") is not None, "to_frames geo",
         "geopandas is not installed (pip install geopandas)")
    f = rasd.to_frames(sample_records())
    g = f.events_geo
    assert g is not None and g.crs.to_epsg() == 4326
    assert len(g) == len(f.events)
    row = g.iloc[0]
    assert (round(row.geometry.x, 2), round(row.geometry.y, 2)) == (44.34, 36.53)
