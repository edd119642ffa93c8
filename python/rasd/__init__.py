"""rasd (رصد): Arabic news about armed conflict to structured, source-attributed event records.

The Rust pipeline of the ``rasd`` command, in process::

    >>> import rasd
    >>> rec = rasd.extract("قصفت طائرة مسيرة موقعا في بلدة القائم صباح اليوم.", published="2024-03-02")
    >>> [e["type"] for e in rec["events"]]  # doctest: +SKIP
    ['air_drone_strike']

* :func:`extract` gives the record (a dict, the OUTPUT.md contract) that ``rasd extract``
  prints for the same input; :func:`extract_many` streams many, in input order, on worker
  threads with the GIL released;
* :func:`to_frames` turns records into pandas DataFrames of events, claims, tolls and
  relations (and a GeoDataFrame of events when geopandas is installed);
* :class:`Store` ingests into and queries the SQLite/PostgreSQL store of ``rasd ingest``;
* :class:`Pipeline` loads a pipeline with other options (an extra gazetteer, tracing).
"""

from __future__ import annotations

import threading
from typing import Any, Iterable, Iterator, Optional, Union

from . import _rasd
from ._frames import Frames, to_frames
from ._rasd import Pipeline, Records, Store
from .errors import InputError, LoadError, QueryError, RasdError, RasdWarning, StoreError

__version__: str = _rasd.__version__
#: The version of the record format (OUTPUT.md) the records follow.
OUTPUT_VERSION: str = _rasd.OUTPUT_VERSION

__all__ = [
    "extract",
    "extract_json",
    "extract_many",
    "to_frames",
    "Frames",
    "Pipeline",
    "Records",
    "Store",
    "default_pipeline",
    "RasdError",
    "InputError",
    "QueryError",
    "StoreError",
    "LoadError",
    "RasdWarning",
]

_lock = threading.Lock()
_default: Optional[Pipeline] = None


def default_pipeline() -> Pipeline:
    """The pipeline ``rasd extract`` uses (built-in dictionaries, gazetteer, detector), loaded once."""
    global _default
    if _default is None:
        with _lock:
            if _default is None:
                _default = _rasd.default_pipeline_object()
    return _default


def extract(
    text: str,
    published: Any = None,
    id: Any = None,
    title: Optional[str] = None,
    *,
    source: Optional[str] = None,
    url: Optional[str] = None,
) -> dict:
    """Extract one document: the record ``rasd extract`` prints for the same JSON Lines input.

    ``published`` (``"YYYY-MM-DD"``, a trailing time is ignored, or a ``datetime.date``) is the
    anchor of «أمس» and «السبت»; one that is not a date is treated as absent, with a warning
    in the record's ``warnings``. ``id`` defaults to a stable hash of the text. Raises
    :class:`InputError` when the text is empty.
    """
    return default_pipeline().extract(text, published, id, title, source=source, url=url)


def extract_json(
    text: str,
    published: Any = None,
    id: Any = None,
    title: Optional[str] = None,
    *,
    source: Optional[str] = None,
    url: Optional[str] = None,
) -> str:
    """:func:`extract`, but the record as the JSON line ``rasd extract`` prints (no newline)."""
    return default_pipeline().extract_json(text, published, id, title, source=source, url=url)


def extract_many(
    docs: Iterable[Union[dict, str, Any]],
    threads: Optional[int] = None,
    *,
    errors: str = "raise",
    json: bool = False,
) -> Iterator[Union[dict, str]]:
    """Extract many documents, streaming records back in input order.

    ``docs``: dicts (or any mapping, pandas row or Spark ``Row``) with ``text`` and optionally
    ``id``, ``published``, ``source``, ``url``, ``title``; or plain strings. It is read lazily
    and at most 16 × ``threads`` (at least 64) documents are in flight, so memory stays
    bounded. ``threads`` worker threads (default: all cores) extract with the GIL released.
    ``errors``: ``"raise"`` (:class:`InputError` at the bad document), ``"warn"`` (skip it with
    a :class:`RasdWarning`) or ``"ignore"``. ``json=True`` yields JSON lines (str) instead of
    dicts.
    """
    return default_pipeline().extract_many(docs, threads, errors=errors, json=json)
