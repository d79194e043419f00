"""The store's data version: one counter, raised in the same transaction as every write
that changes what classification, the map or search read (a load, a review decision or
any other audited change, an award import, ``init``). Caches keyed on it are rebuilt
when it moves; a load that changes nothing leaves it as it is."""

from __future__ import annotations

TABLE = "store_state"
CHANGED = f"UPDATE {TABLE} SET data_version = data_version + 1 WHERE id = 1"


def changed() -> None:
    """Raise the data version (inside the caller's transaction, so that it commits, or
    rolls back, with the change). A writer on the driver's own cursor runs ``CHANGED``."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(CHANGED)


def data_version() -> int:
    """The store's data version as committed now."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f"SELECT data_version FROM {TABLE} WHERE id = 1")
        return cursor.fetchone()[0]
