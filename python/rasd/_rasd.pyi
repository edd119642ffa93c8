"""Type stubs of the native module ``rasd._rasd`` (Rust, PyO3)."""

import datetime
import os
from typing import Any, Dict, Iterable, Iterator, List, Literal, Optional, Sequence, Union

__version__: str
OUTPUT_VERSION: str

Doc = Union[Dict[str, Any], str, Any]
"""A document: a dict (any mapping, pandas row, Spark Row) with ``text`` and optionally
``id``, ``published``, ``source``, ``url``, ``title``; or the text alone."""
Record = Dict[str, Any]
"""A record, as OUTPUT.md describes it: ``doc``, ``events``, ``tolls``, ``relations``,
``entities``, ``warnings``."""
DateLike = Union[str, datetime.date, None]
Errors = Literal["raise", "warn", "ignore"]
ExportFormat = Literal["acled-csv", "plover-jsonl", "geojson", "jsonl", "parquet"]
StrPath = Union[str, "os.PathLike[str]"]

class Pipeline:
    """The rasd extraction pipeline: dictionaries, gazetteer and event detector, loaded once."""

    def __init__(
        self,
        *,
        gazetteer: Optional[Sequence[StrPath]] = None,
        detector: Optional[StrPath] = None,
        rules_only: bool = False,
        trace: bool = False,
        max_bytes: int = 100_000_000,
    ) -> None: ...
    def extract(
        self,
        text: str,
        published: DateLike = None,
        id: Union[str, int, None] = None,
        title: Optional[str] = None,
        *,
        source: Optional[str] = None,
        url: Optional[str] = None,
    ) -> Record:
        """The record ``rasd extract`` prints for the same input."""
    def extract_json(
        self,
        text: str,
        published: DateLike = None,
        id: Union[str, int, None] = None,
        title: Optional[str] = None,
        *,
        source: Optional[str] = None,
        url: Optional[str] = None,
    ) -> str:
        """The JSON line ``rasd extract`` prints for the same input (no newline)."""
    def extract_many(
        self,
        docs: Iterable[Doc],
        threads: Optional[int] = None,
        *,
        errors: Errors = "raise",
        json: bool = False,
    ) -> "Records":
        """Records in input order, extracted on worker threads with the GIL released."""

class Records(Iterator[Any]):
    """The records of ``extract_many``: dicts, or JSON lines with ``json=True``."""

    def __iter__(self) -> "Records": ...
    def __next__(self) -> Any: ...

class Store:
    """The SQLite/PostgreSQL store of ``rasd ingest``, ``query``, ``export`` and ``event``."""

    def __init__(self, target: StrPath) -> None: ...
    @property
    def target(self) -> str:
        """The target, a PostgreSQL password hidden."""
    @property
    def backend(self) -> Literal["sqlite", "postgres", "closed"]:
        """The kind of database."""
    def ingest(
        self,
        docs: Iterable[Doc],
        *,
        batch: int = 200,
        threads: Optional[int] = None,
        replace: bool = False,
        pipeline: Optional[Pipeline] = None,
        errors: Errors = "raise",
    ) -> Dict[str, Any]:
        """Extract and store documents as ``rasd ingest`` does; returns what was done."""
    def ingest_records(
        self,
        pairs: Iterable[Any],
        *,
        batch: int = 200,
        replace: bool = False,
        errors: Errors = "raise",
    ) -> Dict[str, Any]:
        """Store ``(doc, record)`` pairs extracted already."""
    def query(
        self,
        *,
        from_: DateLike = None,
        to: DateLike = None,
        type: Union[str, Sequence[str], None] = None,
        actor: Optional[str] = None,
        country: Optional[str] = None,
        admin1: Optional[str] = None,
        bbox: Union[str, Sequence[float], None] = None,
        text: Optional[str] = None,
        limit: int = 20,
        offset: int = 0,
    ) -> Dict[str, Any]:
        """The page of canonical events ``rasd query --format json`` prints."""
    def event(self, id: str) -> Optional[Dict[str, Any]]:
        """One canonical event as ``rasd event ID --json`` prints it, or None."""
    def export(
        self,
        format: ExportFormat,
        path: Optional[StrPath] = None,
        *,
        from_: DateLike = None,
        to: DateLike = None,
        type: Union[str, Sequence[str], None] = None,
        actor: Optional[str] = None,
        country: Optional[str] = None,
        admin1: Optional[str] = None,
        bbox: Union[str, Sequence[float], None] = None,
        text: Optional[str] = None,
    ) -> Any:
        """Write the export to ``path`` (returns counts) or return it (str; bytes for parquet)."""
    def counts(self) -> Dict[str, int]:
        """Row counts."""
    def verify(self) -> List[str]:
        """Problems in the stored data (none in a healthy store)."""
    def close(self) -> None:
        """Close the connection."""
    def __enter__(self) -> "Store": ...
    def __exit__(self, *args: Any) -> bool: ...

def default_pipeline_object() -> Pipeline:
    """The default pipeline, shared by the module functions."""
