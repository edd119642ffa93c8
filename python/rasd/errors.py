"""The exceptions and warnings rasd raises.

Every error is a :class:`RasdError`, and also the built-in exception it is closest to, so that
``except ValueError`` and ``except OSError`` catch what they should. Messages are the ones the
``rasd`` command prints.
"""

__all__ = ["RasdError", "InputError", "QueryError", "StoreError", "LoadError", "RasdWarning"]


class RasdError(Exception):
    """Base of every error rasd raises."""


class InputError(RasdError, ValueError):
    """A document that cannot be read: no ``text``, an empty text, not a mapping.

    In ``extract_many`` and ``Store.ingest`` the message starts with the document's place,
    ``docs:N:`` (N counts from 1), as ``rasd extract`` starts it with ``FILE:LINE:``.
    """


class QueryError(RasdError, ValueError):
    """A filter, format or option that is not valid (an unknown event type, a bad bbox)."""


class StoreError(RasdError, OSError):
    """The store cannot be opened, read or written."""


class LoadError(RasdError, OSError):
    """A gazetteer or detector file cannot be read, or the knowledge base cannot be built."""


class RasdWarning(UserWarning):
    """A document skipped with ``errors="warn"``, or refused by the store (its id is taken)."""
