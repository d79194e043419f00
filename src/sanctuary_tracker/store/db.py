"""Opening the store: set up Django, check the database answers and is initialised, and
turn connection failures into one-line errors naming the database."""

from __future__ import annotations

from contextlib import contextmanager

from sanctuary_tracker.store.config import setup, shown_url
from sanctuary_tracker.store.errors import StoreError

_REQUIRED_TABLE = "store_document"


@contextmanager
def connection_for_messages():
    """The default connection; a database that cannot be reached is a StoreError."""
    from django.db import OperationalError, connection

    try:
        connection.ensure_connection()
    except OperationalError as exc:
        name = shown_url(_url)
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise StoreError(f"database {name}: cannot connect ({first})") from exc
    yield connection


_url = ""


def open_store(url: str | None = None, *, need_tables: bool = True) -> str:
    """Configure the store and check it is reachable (and initialised, unless told not to)."""
    global _url
    _url = setup(url)
    with connection_for_messages() as connection:
        if need_tables and _REQUIRED_TABLE not in connection.introspection.table_names():
            raise StoreError(
                f"database {shown_url(_url)} is not initialised: run `sanctuary init` first"
            )
    return _url
