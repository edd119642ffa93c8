"""Records to pandas DataFrames (and a GeoDataFrame of events)."""

from __future__ import annotations

import json
from typing import Any, Iterable, List, NamedTuple, Optional, Union

__all__ = ["Frames", "to_frames", "EVENT_COLUMNS", "CLAIM_COLUMNS", "TOLL_COLUMNS", "RELATION_COLUMNS"]

#: Columns of ``Frames.events``: one row per event of a record.
EVENT_COLUMNS = [
    "doc_id", "event_id", "type", "date", "date_precision", "date_text", "month",
    "location", "location_en", "place_id", "country", "admin1", "lat", "lon", "geo_precision",
    "actors", "actor_ids", "targets", "target_ids", "weapons", "count", "killed", "injured",
    "outcome", "contradiction", "n_claims", "sources", "evidence_start", "evidence_end",
    "published", "outlet", "title", "url",
]
#: Columns of ``Frames.claims``: one row per claim of an event.
CLAIM_COLUMNS = [
    "doc_id", "event_id", "source", "anonymous", "via", "stance", "source_id",
    "evidence_start", "evidence_end",
]
#: Columns of ``Frames.tolls``: one row per casualty toll of a record.
TOLL_COLUMNS = [
    "doc_id", "toll", "place", "country", "lat", "lon", "geo_precision", "killed", "injured",
    "as_of", "source", "breakdown", "evidence_start", "evidence_end",
]
#: Columns of ``Frames.relations``: one row per relation between actors.
RELATION_COLUMNS = [
    "doc_id", "type", "subject", "object", "subject_id", "object_id",
    "evidence_start", "evidence_end",
]

_INT_COLUMNS = {
    "events": ["count", "killed", "injured", "n_claims", "evidence_start", "evidence_end"],
    "claims": ["evidence_start", "evidence_end"],
    "tolls": ["killed", "injured", "evidence_start", "evidence_end"],
    "relations": ["evidence_start", "evidence_end"],
}


class Frames(NamedTuple):
    """The tables of :func:`to_frames`."""

    #: One row per event (``EVENT_COLUMNS``).
    events: Any
    #: One row per claim (``CLAIM_COLUMNS``).
    claims: Any
    #: One row per toll (``TOLL_COLUMNS``).
    tolls: Any
    #: One row per relation (``RELATION_COLUMNS``).
    relations: Any
    #: The events as a GeoDataFrame of points (EPSG:4326; no geometry where the place has no
    #: coordinates), or ``None`` when geopandas is not installed or ``geo=False``.
    events_geo: Any = None


def _first(spans: List[dict]) -> "tuple[Optional[int], Optional[int]]":
    if not spans:
        return None, None
    return spans[0].get("start"), spans[0].get("end")


def _event_rows(doc: dict, ev: dict) -> dict:
    loc = ev.get("location") or {}
    actors = [a for a in ev.get("actors", []) if a.get("role") == "actor"]
    targets = [a for a in ev.get("actors", []) if a.get("role") == "target"]
    start, end = _first(ev.get("evidence", []))
    date = ev.get("date")
    return {
        "doc_id": doc.get("id"),
        "event_id": ev.get("id"),
        "type": ev.get("type"),
        "date": date,
        "date_precision": ev.get("date_precision"),
        "date_text": ev.get("date_text"),
        "month": date[:7] if isinstance(date, str) and len(date) >= 7 else None,
        "location": loc.get("name"),
        "location_en": loc.get("name_en"),
        "place_id": loc.get("place_id"),
        "country": loc.get("country"),
        "admin1": loc.get("admin1"),
        "lat": loc.get("lat"),
        "lon": loc.get("lon"),
        "geo_precision": loc.get("precision"),
        "actors": [a.get("name") for a in actors],
        "actor_ids": [a.get("entity_id") for a in actors if a.get("entity_id")],
        "targets": [a.get("name") for a in targets],
        "target_ids": [a.get("entity_id") for a in targets if a.get("entity_id")],
        "weapons": list(ev.get("weapons", [])),
        "count": ev.get("count"),
        "killed": ev.get("killed"),
        "injured": ev.get("injured"),
        "outcome": list(ev.get("outcome", [])),
        "contradiction": bool(ev.get("contradiction", False)),
        "n_claims": len(ev.get("claims", [])),
        "sources": [c.get("source") for c in ev.get("claims", [])],
        "evidence_start": start,
        "evidence_end": end,
        "published": doc.get("published"),
        "outlet": doc.get("source"),
        "title": doc.get("title"),
        "url": doc.get("url"),
    }


def _frame(pd: Any, rows: List[dict], columns: List[str], ints: List[str]) -> Any:
    df = pd.DataFrame(rows, columns=columns)
    for c in ints:
        df[c] = df[c].astype("Int64")
    for c in ("lat", "lon"):
        if c in df.columns:
            df[c] = df[c].astype("float64")
    return df


def to_frames(records: Iterable[Union[dict, str]], *, geo: Optional[bool] = None) -> Frames:
    """pandas DataFrames of the events, claims, tolls and relations of records.

    ``records``: what :func:`rasd.extract` / :func:`rasd.extract_many` give (dicts), or JSON
    lines as ``rasd extract`` writes them; any iterable, read once. Every row carries its
    ``doc_id`` (and claims their ``event_id``) so the tables join. Counts and offsets are
    nullable integers (``Int64``: a figure the text does not give is ``<NA>``, never 0).

    ``geo``: also build ``events_geo``, a geopandas GeoDataFrame of the events
    (``None``: when geopandas is installed; ``True``: required).
    """
    import pandas as pd

    events: List[dict] = []
    claims: List[dict] = []
    tolls: List[dict] = []
    relations: List[dict] = []
    for rec in records:
        if isinstance(rec, (str, bytes, bytearray)):
            rec = json.loads(rec)
        doc = rec.get("doc", {})
        doc_id = doc.get("id")
        for ev in rec.get("events", []):
            events.append(_event_rows(doc, ev))
            for c in ev.get("claims", []):
                s, e = _first(c.get("evidence", []))
                claims.append({
                    "doc_id": doc_id,
                    "event_id": ev.get("id"),
                    "source": c.get("source"),
                    "anonymous": bool(c.get("anonymous", False)),
                    "via": c.get("via"),
                    "stance": c.get("stance"),
                    "source_id": c.get("source_id"),
                    "evidence_start": s,
                    "evidence_end": e,
                })
        for i, t in enumerate(rec.get("tolls", []), start=1):
            place = t.get("place") or {}
            s, e = _first(t.get("evidence", []))
            tolls.append({
                "doc_id": doc_id,
                "toll": f"toll{i}",
                "place": place.get("name"),
                "country": place.get("country"),
                "lat": place.get("lat"),
                "lon": place.get("lon"),
                "geo_precision": place.get("precision"),
                "killed": t.get("killed"),
                "injured": t.get("injured"),
                "as_of": t.get("as_of"),
                "source": t.get("source"),
                "breakdown": dict(t.get("breakdown", {})),
                "evidence_start": s,
                "evidence_end": e,
            })
        for r in rec.get("relations", []):
            s, e = _first(r.get("evidence", []))
            relations.append({
                "doc_id": doc_id,
                "type": r.get("type"),
                "subject": r.get("subject"),
                "object": r.get("object"),
                "subject_id": r.get("subject_id"),
                "object_id": r.get("object_id"),
                "evidence_start": s,
                "evidence_end": e,
            })
    ev_df = _frame(pd, events, EVENT_COLUMNS, _INT_COLUMNS["events"])
    frames = Frames(
        events=ev_df,
        claims=_frame(pd, claims, CLAIM_COLUMNS, _INT_COLUMNS["claims"]),
        tolls=_frame(pd, tolls, TOLL_COLUMNS, _INT_COLUMNS["tolls"]),
        relations=_frame(pd, relations, RELATION_COLUMNS, _INT_COLUMNS["relations"]),
    )
    if geo is False:
        return frames
    try:
        import geopandas as gpd
    except ImportError:
        if geo:
            raise
        return frames
    from shapely.geometry import Point

    geometry = [
        Point(lon, lat) if pd.notna(lat) and pd.notna(lon) else None
        for lat, lon in zip(ev_df["lat"], ev_df["lon"])
    ]
    return frames._replace(events_geo=gpd.GeoDataFrame(ev_df, geometry=geometry, crs="EPSG:4326"))
