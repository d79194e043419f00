"""Where the store lives and how Django is set up for it, in code (no manage.py).

The database is ``DATABASE_URL`` when set (``sqlite:///path/to/file.db`` or
``postgresql://user@host:port/name``), else the SQLite file ``data/sanctuary.sqlite3``
under the current directory (the folder is made when missing).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from sanctuary_tracker.settings import get
from sanctuary_tracker.store.errors import StoreError

DEFAULT_SQLITE = Path("data") / "sanctuary.sqlite3"
# WAL lets readers go on while one writer commits; synchronous=NORMAL makes a commit a
# WAL append (durable across a process crash or kill, which is what a batch needs).
_SQLITE_PRAGMAS = (
    "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; "
    "PRAGMA wal_autocheckpoint=20000; PRAGMA cache_size=-65536;"
)


def database_url() -> str:
    """The configured database URL (``DATABASE_URL`` or the default SQLite file)."""
    url = get("DATABASE_URL")
    return url or f"sqlite:///{DEFAULT_SQLITE.resolve()}"


def store_here() -> bool:
    """Whether there is a store to open without making one: ``DATABASE_URL`` is set or the
    default SQLite file exists."""
    return bool(get("DATABASE_URL")) or DEFAULT_SQLITE.exists()


def shown_url(url: str) -> str:
    """The URL without its password, for messages."""
    parts = urlsplit(url)
    if parts.password:
        netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
        return urlunsplit(parts._replace(netloc=netloc))
    return url


def database_settings(url: str) -> dict:
    """Django's DATABASES entry for ``url``; a StoreError for an unusable one."""
    import dj_database_url

    scheme = urlsplit(url).scheme
    if scheme not in ("sqlite", "postgres", "postgresql"):
        raise StoreError(
            f"DATABASE_URL {shown_url(url)!r}: unsupported database "
            "(use sqlite:///path/to/file.db or postgresql://...)"
        )
    try:
        db = dj_database_url.parse(url)
    except ValueError as exc:
        raise StoreError(f"DATABASE_URL {shown_url(url)!r}: {exc}") from exc
    if db["ENGINE"].endswith("sqlite3"):
        path = Path(db["NAME"])
        if str(path) in ("", ":memory:"):
            raise StoreError(f"DATABASE_URL {url!r}: name a file (sqlite:///path/to/file.db)")
        path.parent.mkdir(parents=True, exist_ok=True)
        db["OPTIONS"] = {
            "init_command": _SQLITE_PRAGMAS,
            # Take the write lock when a transaction starts, so that two writers queue
            # instead of one failing on a lock upgrade.
            "transaction_mode": "IMMEDIATE",
            "timeout": 60,
        }
    else:
        db.setdefault("OPTIONS", {})["connect_timeout"] = 10
    db["CONN_MAX_AGE"] = None
    return db


def setup(url: str | None = None) -> str:
    """Configure Django for the store (once per process) and return the database URL.

    Later calls with another URL switch the store to that database (``use_database``)."""
    import django
    from django.conf import settings

    url = url or database_url()
    if settings.configured:
        use_database(url)
        return url
    settings.configure(
        INSTALLED_APPS=[
            "django.contrib.contenttypes",
            "django.contrib.auth",
            "sanctuary_tracker.store",
        ],
        DATABASES={"default": database_settings(url)},
        DEFAULT_AUTO_FIELD="django.db.models.BigAutoField",
        USE_TZ=True,
        TIME_ZONE="UTC",
    )
    django.setup()
    return url


def use_database(url: str) -> None:
    """Point the store's default connection at another database (closes the current one)."""
    from django.conf import settings
    from django.db import connections

    wanted = database_settings(url)
    current = settings.DATABASES["default"]
    if all(current.get(k) == wanted[k] for k in ("ENGINE", "NAME", "HOST", "PORT", "USER")):
        return
    connections.close_all()
    settings.DATABASES["default"] = wanted
    connections.__dict__.pop("settings", None)
    connections._settings = connections.configure_settings(settings.DATABASES)
    del connections["default"]
