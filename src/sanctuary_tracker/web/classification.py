"""Classifications for the web app: one classifier over the shipped lists and state laws
plus the store's accepted observations, rebuilt when a review changes what is accepted;
whole-map labels cached per definition and date."""

from __future__ import annotations

import datetime as dt
import threading
import time
from functools import cache

from sanctuary_tracker.classify import Classifier, Evidence, load_definitions
from sanctuary_tracker.classify.evidence import JAIL, STATE_WIDE
from sanctuary_tracker.classify.reference import load_reference
from sanctuary_tracker.places.gazetteer import load_gazetteer
from sanctuary_tracker.web.lru import Lru

_LOCK = threading.Lock()
_LABEL_CACHE_SIZE = 64
_STATE: dict = {"version": None, "classifier": None, "labels": Lru(_LABEL_CACHE_SIZE)}


@cache
def gazetteer():
    return load_gazetteer()


@cache
def definitions():
    return load_definitions()


@cache
def reference():
    return load_reference()


def default_definition() -> str:
    """The definition shown when none is asked for: the first one shipped."""
    return next(iter(definitions()))


def today() -> str:
    return dt.date.today().isoformat()


def _store_version() -> tuple:
    """Changes whenever an observation is accepted, edited or rejected."""
    from django.db.models import Count, Max

    from sanctuary_tracker.store.models import Observation

    found = Observation.objects.filter(status="accepted").aggregate(
        n=Count("id"), last=Max("reviewed_at")
    )
    return (found["n"], found["last"])


_DATA = {"checked": 0.0, "version": None}
DATA_VERSION_SECONDS = 1.0


def data_version() -> int:
    """The store's data version (``store.state``: it changes with every write that changes
    what the pages read), read from the database at most once a second per process (pages
    may lag a load by that much)."""
    from sanctuary_tracker.store import state

    now = time.monotonic()
    if now - _DATA["checked"] > DATA_VERSION_SECONDS or _DATA["version"] is None:
        _DATA["version"] = state.data_version()
        _DATA["checked"] = now
    return _DATA["version"]


def classifier() -> Classifier:
    """The classifier for the store as it is now."""
    return _current()[0]


def _current() -> tuple[Classifier, Lru]:
    """The classifier for the store as it is now, and its cache of whole-map labels."""
    from sanctuary_tracker.store.agreements287g import agreement_facts, publications_version
    from sanctuary_tracker.store.facts import accepted_facts

    version = (_store_version(), publications_version())  # an import of 287(g) sheets too
    with _LOCK:
        if _STATE["version"] != version or _STATE["classifier"] is None:
            facts = reference().facts() + accepted_facts() + agreement_facts()
            _STATE.update(
                version=version,
                classifier=Classifier(Evidence(facts, gazetteer())),
                labels=Lru(_LABEL_CACHE_SIZE),
            )
        return _STATE["classifier"], _STATE["labels"]


def labels(definition_id: str, date: str) -> dict[str, str]:
    """GEOID -> label for every jurisdiction under one definition on one date."""
    current, held = _current()

    def build() -> dict[str, str]:
        definition = definitions()[definition_id]
        return {j.geoid: c.label for j, c in current.classify_all(definition, date, gazetteer())}

    return held.get_or_build((definition_id, date), build)


def statuses(j, date: str, current: Classifier | None = None) -> list[dict]:
    """``j``'s label and reasons under every definition on ``date``, side by side."""
    current = current or classifier()
    return [
        {
            "definition": d.id,
            "name": d.name,
            "measures": d.measures,
            "source": d.source,
            **current.classify(j, d, date).to_record(),
        }
        for d in definitions().values()
    ]


def timeline(j, current: Classifier | None = None) -> list[dict]:
    """Every fact bearing on ``j`` (its own, its state's laws, its county's jail), oldest
    first: the provisions and listings that start and end."""
    evidence = (current or classifier()).evidence
    sources = [(j.geoid, None)]
    if j.level != "state":
        sources.append((j.geoid[:2], "state"))
    if j.level == "local" and j.county_geoid:
        sources.append((j.county_geoid, "county"))
    rows = []
    for geoid, via in sources:
        for fact in evidence.own.get(geoid, ()):
            if via == "state" and fact.provision not in STATE_WIDE:
                continue
            if via == "county" and fact.provision not in JAIL:
                continue
            rows.append({**fact.to_record(), "describe": fact.describe(), "via": via})
    return sorted(rows, key=lambda r: (r["valid_from"] or "", r["provision"]))
