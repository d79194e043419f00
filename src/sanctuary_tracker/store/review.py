"""The review workflow: coders enter observations, reviewers accept, edit or reject them
(with a reason, their name and the time); nothing is deleted and every change goes to
the audit log. Redundant coding: divergences between two coders of one jurisdiction,
and their agreement per provision."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from sanctuary_tracker.classify.facts import FORMS
from sanctuary_tracker.store.errors import StoreError
from sanctuary_tracker.store.users import CODE, REVIEW, require

DECISIONS = ("accept", "edit", "reject")
# Appended to the audit action of a decision that overturns or repeats an earlier one.
RE_REVIEW = ".re-review"
_TRUE, _FALSE = {"true", "yes", "1", "y"}, {"false", "no", "0", "n"}


def parse_value(provision, text: str) -> Any:
    """The value ``text`` gives for ``provision`` (a codebook Provision): bool as
    true/false, a set or multi-enum as a comma-separated list; a StoreError if not allowed."""
    raw = text.strip()
    if provision.value_type == "bool":
        if raw.lower() not in _TRUE | _FALSE:
            raise StoreError(f"value {text!r}: {provision.id} takes true or false")
        return raw.lower() in _TRUE
    if provision.value_type in ("set", "multi_enum"):
        value: Any = sorted({v.strip() for v in raw.split(",") if v.strip()})
    else:
        value = raw
    if not provision.allows(value):
        allowed = ", ".join(map(str, provision.allowed_values))
        raise StoreError(f"value {text!r}: not a value of {provision.id} ({allowed})")
    return value


def _date(text: str | None, what: str) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise StoreError(f"{what} {text!r}: not a YYYY-MM-DD date") from None


def _jurisdiction(key: str):
    from sanctuary_tracker.store.models import Jurisdiction

    found = Jurisdiction.objects.filter(ocd_id=key).first() or (
        Jurisdiction.objects.filter(geoid=key).first()
    )
    if found is None:
        raise StoreError(f"jurisdiction {key!r}: no such OCD id or GEOID in the store")
    return found


def _provision(code: str):
    from sanctuary_tracker.extract.codebook import load_codebook
    from sanctuary_tracker.store.models import Provision

    row = Provision.objects.filter(code=code).first()
    if row is None:
        raise StoreError(f"provision {code!r}: not in the codebook (P01 ... P17)")
    return row, load_codebook()[code]


def snapshot(observation) -> dict[str, Any]:
    """The reviewable fields of an observation, as the audit log records them."""
    return {
        "jurisdiction": observation.jurisdiction.ocd_id if observation.jurisdiction else None,
        "provision": observation.provision.code,
        "value": json.loads(observation.value),
        "effective_from": observation.effective_from,
        "effective_to": observation.effective_to,
        "citation": observation.citation,
        "form": observation.form,
        "agency": observation.agency,
        "status": observation.status,
        "reviewer": observation.reviewer.username if observation.reviewer else None,
    }


def enter_observation(
    *,
    user: str | None,
    jurisdiction: str,
    provision: str,
    value: str,
    effective_from: str | None = None,
    effective_to: str | None = None,
    citation: str = "",
    form: str = "unknown",
    agency: str = "",
):
    """A coder's observation, proposed for review. ``form`` says whether it holds by law
    (statute, ordinance, policy ...) or in practice; ``agency`` who acts on it."""
    from django.db import transaction
    from django.utils import timezone

    from sanctuary_tracker.store.audit import record_change
    from sanctuary_tracker.store.models import Observation

    coder = require(user, CODE)
    row, codebook_entry = _provision(provision)
    start, end = _date(effective_from, "--from"), _date(effective_to, "--to")
    if start and end and end < start:
        raise StoreError(f"--to {effective_to} is before --from {effective_from}")
    if form not in FORMS:
        raise StoreError(f"--form {form!r}: not one of {', '.join(FORMS)}")
    with transaction.atomic():
        observation = Observation.objects.create(
            jurisdiction=_jurisdiction(jurisdiction),
            provision=row,
            value=json.dumps(parse_value(codebook_entry, value)),
            effective_from=start,
            effective_to=end,
            citation=citation,
            form=form,
            agency=agency,
            origin="entered",
            status="proposed",
            coder=coder,
            created_at=timezone.now(),
        )
        record_change(
            user=coder,
            action="observation.enter",
            table="store_observation",
            object_id=observation.pk,
            before=None,
            after=snapshot(observation),
        )
    return observation


def review_observation(
    *,
    user: str | None,
    observation_id: int,
    decision: str,
    reason: str,
    value: str | None = None,
    jurisdiction: str | None = None,
    effective_from: str | None = None,
    effective_to: str | None = None,
    re_review: bool = False,
    undated: bool = False,
    no_citation: bool = False,
):
    """Accept, edit (new values, then accepted) or reject one observation.

    An observation a coder entered with no start date, or with no citation, is accepted only
    when the reviewer says so explicitly (``undated``, ``no_citation``): otherwise it could
    become a fact without anyone having looked at what it stands on. The audit entry keeps
    what the reviewer accepted it without.

    An observation already accepted or rejected is decided again only as an explicit
    re-review (``re_review=True``); the audit log then holds both decisions, the earlier
    one in the entry's ``before``. Without it the new decision is refused, so that two
    reviewers working from the same queue cannot silently overturn each other."""
    from django.db import transaction
    from django.utils import timezone

    from sanctuary_tracker.store.audit import record_change
    from sanctuary_tracker.store.models import Observation

    reviewer = require(user, REVIEW)
    if decision not in DECISIONS:
        raise StoreError(f"decision {decision!r}: not one of {', '.join(DECISIONS)}")
    if not reason.strip():
        raise StoreError("a review needs a reason (--reason)")
    with transaction.atomic():
        observation = (
            Observation.objects.select_for_update(of=("self",))
            .select_related("jurisdiction", "provision", "reviewer")
            .filter(pk=observation_id)
            .first()
        )
        if observation is None:
            raise StoreError(f"observation {observation_id}: no such observation")
        if observation.coder_id == reviewer.pk:
            raise StoreError(
                f"observation {observation_id}: {reviewer.username} coded it; "
                "another reviewer must review it"
            )
        _check_re_review(observation, re_review)
        before = snapshot(observation)
        if decision == "edit":
            _edit(observation, value, jurisdiction, effective_from, effective_to)
        elif any(v is not None for v in (value, jurisdiction, effective_from, effective_to)):
            raise StoreError(f"new values are given with edit, not {decision}")
        if observation.jurisdiction is None and decision != "reject":
            raise StoreError(
                f"observation {observation_id} names no jurisdiction: "
                "edit it with --jurisdiction before accepting it"
            )
        without = [] if decision == "reject" else accepted_without(observation)
        _check_explicit(observation, without, undated=undated, no_citation=no_citation)
        observation.status = "rejected" if decision == "reject" else "accepted"
        observation.reviewer, observation.reviewed_at = reviewer, timezone.now()
        observation.review_reason = reason
        observation.save()
        after = snapshot(observation)
        if without:
            after["accepted_without"] = without
        record_change(
            user=reviewer,
            action=f"observation.{decision}" + (RE_REVIEW if re_review else ""),
            table="store_observation",
            object_id=observation.pk,
            before=before,
            after=after,
            reason=reason,
        )
    return observation


UNDATED, NO_CITATION = "undated", "no citation"


def accepted_without(observation) -> list[str]:
    """What an entered observation lacks that a reviewer must accept explicitly: a start
    date (``undated``), a citation (``no citation``). One read from a document has the
    document and its span to stand on."""
    if observation.origin != "entered":
        return []
    lacks = []
    if observation.effective_from is None:
        lacks.append(UNDATED)
    if not (observation.citation or "").strip():
        lacks.append(NO_CITATION)
    return lacks


def _check_explicit(observation, without: list[str], *, undated: bool, no_citation: bool) -> None:
    """Refuse to accept an entered observation without a date or citation unless the reviewer
    said so (the CLI's --undated / --no-citation, the review form's boxes)."""
    said = {UNDATED: undated, NO_CITATION: no_citation}
    missing = [w for w in without if not said[w]]
    if not missing:
        return
    lacks = {UNDATED: "no start date", NO_CITATION: "no citation"}
    flags = " ".join("--" + w.replace(" ", "-") for w in missing)
    hint = " (or edit it with --from)" if UNDATED in missing else ""
    raise StoreError(
        f"observation {observation.pk} has {' and '.join(lacks[w] for w in missing)}: "
        f"accept it so only explicitly, with {flags}{hint}"
    )


def _check_re_review(observation, re_review: bool) -> None:
    """Refuse a decision on a decided observation unless it is an explicit re-review (and
    a re-review of one not yet decided)."""
    if observation.status == "proposed":
        if re_review:
            raise StoreError(
                f"observation {observation.pk} has not been reviewed yet: "
                "decide it without --re-review"
            )
        return
    if not re_review:
        by = observation.reviewer.username if observation.reviewer else "a reviewer"
        when = f" on {observation.reviewed_at:%Y-%m-%d}" if observation.reviewed_at else ""
        raise StoreError(
            f"observation {observation.pk} was already {observation.status} by {by}{when}: "
            "to decide it again give --re-review with a --reason (both decisions stay "
            "in its history)"
        )


def _edit(observation, value, jurisdiction, effective_from, effective_to) -> None:
    if all(v is None for v in (value, jurisdiction, effective_from, effective_to)):
        raise StoreError("edit needs a new --value, --jurisdiction, --from or --to")
    if value is not None:
        from sanctuary_tracker.extract.codebook import load_codebook

        entry = load_codebook()[observation.provision.code]
        observation.value = json.dumps(parse_value(entry, value))
    if jurisdiction is not None:
        observation.jurisdiction = _jurisdiction(jurisdiction)
    if effective_from is not None:
        observation.effective_from = _date(effective_from, "--from")
    if effective_to is not None:
        observation.effective_to = _date(effective_to, "--to")
    start, end = observation.effective_from, observation.effective_to
    if start and end and end < start:
        raise StoreError(f"--to {end} is before --from {start}")


@dataclass(frozen=True)
class Coding:
    """One coder's latest standing value for a jurisdiction and provision."""

    observation: int
    coder: str
    jurisdiction: str
    provision: str
    value: Any


def codings() -> dict[tuple[str, str], dict[str, Coding]]:
    """Entered, not rejected observations: (jurisdiction, provision) -> coder -> latest."""
    from sanctuary_tracker.store.models import Observation

    found: dict[tuple[str, str], dict[str, Coding]] = {}
    rows = (
        Observation.objects.filter(origin="entered", jurisdiction__isnull=False)
        .exclude(status="rejected")
        .order_by("created_at", "id")
        .values_list("id", "coder__username", "jurisdiction__ocd_id", "provision__code", "value")
    )
    for pk, coder, ocd_id, code, value in rows:
        found.setdefault((ocd_id, code), {})[coder] = Coding(
            pk, coder, ocd_id, code, json.loads(value)
        )
    return found


def divergences() -> list[list[Coding]]:
    """Jurisdiction x provision pairs that coders coded differently, for resolution."""
    return [
        sorted(by_coder.values(), key=lambda c: c.coder)
        for _, by_coder in sorted(codings().items())
        if len({json.dumps(c.value, sort_keys=True) for c in by_coder.values()}) > 1
    ]


@dataclass(frozen=True)
class Agreement:
    provision: str
    items: int
    percent: float
    kappa: float | None


def agreement(coders: tuple[str, str] | None = None) -> tuple[tuple[str, str], list[Agreement]]:
    """Per provision, the two coders' agreement over the jurisdictions both coded."""
    from sanctuary_tracker.store.agreement import cohens_kappa, percent_agreement

    held = codings()
    if coders is None:
        names = sorted({coder for by_coder in held.values() for coder in by_coder})
        if len(names) != 2:
            raise StoreError(
                f"agreement compares two coders; {len(names)} have coded "
                f"({', '.join(names) or 'none'}): name two with --coders A,B"
            )
        coders = (names[0], names[1])
    a, b = coders
    pairs: dict[str, tuple[list, list]] = {}
    for (_, code), by_coder in sorted(held.items()):
        if a in by_coder and b in by_coder:
            first, second = pairs.setdefault(code, ([], []))
            first.append(json.dumps(by_coder[a].value, sort_keys=True))
            second.append(json.dumps(by_coder[b].value, sort_keys=True))
    return coders, [
        Agreement(code, len(x), 100 * percent_agreement(x, y), cohens_kappa(x, y))
        for code, (x, y) in sorted(pairs.items())
    ]


@dataclass(frozen=True)
class HistoryEntry:
    """One change of an observation as the audit log holds it."""

    at: Any
    user: str | None
    action: str
    reason: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None

    @property
    def decision(self) -> str:
        """``proposed -> accepted (by rita)``, say; empty for a change of no status."""
        before = (self.before or {}).get("status")
        after = (self.after or {}).get("status")
        if not after or (before == after and not self.action.endswith(RE_REVIEW)):
            return ""
        by = (self.after or {}).get("reviewer")
        earlier = (self.before or {}).get("reviewer")
        start = f"{before} (by {earlier})" if before and earlier else before or "new"
        return f"{start} -> {after}" + (f" (by {by})" if by else "")


def observation_history(observation_id: int) -> list[HistoryEntry]:
    """Every change of one observation, oldest first; a StoreError for an unknown id."""
    from sanctuary_tracker.store.models import AuditLog, Observation

    entries = AuditLog.objects.filter(table="store_observation", object_id=observation_id)
    found = [
        HistoryEntry(
            at=e.at,
            user=e.user.username if e.user else None,
            action=e.action,
            reason=e.reason,
            before=None if e.before is None else json.loads(e.before),
            after=None if e.after is None else json.loads(e.after),
        )
        for e in entries.select_related("user").order_by("at", "id")
    ]
    if not found and not Observation.objects.filter(pk=observation_id).exists():
        raise StoreError(f"observation {observation_id}: no such observation")
    return found
