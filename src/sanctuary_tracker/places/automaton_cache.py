"""The resolver's automaton kept on disk between processes: building it from the gazetteer
takes about 1.4 s, reading it back under 0.1 s (a command-line run, each batch worker and
each web process pays the build once otherwise).

A cached automaton is used only for the same gazetteer file (its SHA-256), the same code
that makes the keys (the source of ``automaton``, ``folding``, ``cues`` and ``tokens``: a
test checks these are the modules ``automaton`` builds with), the same pyahocorasick and
the same Python; anything else makes a new file. A missing, unreadable or corrupt file is
rebuilt, and a cache folder that cannot be written is simply not used: the cache never
makes a run fail.

Where: ``$SANCTUARY_CACHE`` (an empty value turns the cache off), else
``$XDG_CACHE_HOME/sanctuary-tracker``, else ``~/.cache/sanctuary-tracker``. The files are
pickles, read only from that folder, which is the user's own."""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from sanctuary_tracker.heap import release_freed_heap
from sanctuary_tracker.settings import cache_dir

CACHE_ENV = "SANCTUARY_CACHE"
_KEY_SOURCES = ("automaton.py", "folding.py", "cues.py", "tokens.py")


@lru_cache(maxsize=1)
def _code_digest() -> str:
    """What the keys depend on besides the gazetteer: the code that makes them and the
    libraries that store them."""
    digest = hashlib.sha256()
    here = Path(__file__).parent
    for name in _KEY_SOURCES:
        digest.update((here / name).read_bytes())
    digest.update(metadata.version("pyahocorasick").encode())
    digest.update(sys.version.encode())
    return digest.hexdigest()


def cached_automaton(gazetteer_digest: str, build: Callable[[], object]):
    """The automaton for the gazetteer with this digest: read from the cache when it is
    there and whole, else built by ``build`` and written there for the next process."""
    folder = cache_dir()
    if folder is None:
        return build()
    key = hashlib.sha256(f"{gazetteer_digest}:{_code_digest()}".encode()).hexdigest()
    path = folder / f"automaton-{key[:32]}.pickle"
    try:
        with path.open("rb") as f:  # (read as unpickled: not 15 MB of file bytes at once)
            automaton = pickle.load(f)
    except Exception:  # absent, or truncated or corrupt (a killed writer, a full disk)
        automaton = None
    if automaton is not None and _is_automaton(automaton):
        release_freed_heap()  # the unpickled nodes' buffers: about 8 MB
        return automaton
    automaton = build()
    _write(path, automaton)
    release_freed_heap()
    return automaton


def _is_automaton(value) -> bool:
    import ahocorasick

    return isinstance(value, ahocorasick.Automaton) and value.kind == ahocorasick.AHOCORASICK


def _write(path: Path, automaton) -> None:
    """Written whole or not at all: a temporary file, renamed over the name."""
    data = pickle.dumps(automaton, protocol=pickle.HIGHEST_PROTOCOL)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".automaton-")
    except OSError:
        return  # a folder that cannot be written: no cache
    try:
        with os.fdopen(handle, "wb") as f:
            f.write(data)
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
