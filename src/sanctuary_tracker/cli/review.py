"""``sanctuary review``: the review workflow on the command line (a thin shell over
``sanctuary_tracker.store.review``)."""

from __future__ import annotations

import json

import click

from sanctuary_tracker.classify.facts import FORMS
from sanctuary_tracker.cli.common import format_option, store_command, user_option

reason_option = click.option("--reason", required=True, help="Why (kept in the audit log).")
re_review_option = click.option(
    "--re-review",
    is_flag=True,
    help="Decide an observation already accepted or rejected (refused without it); the "
    "earlier decision stays in its history.",
)
undated_option = click.option(
    "--undated",
    is_flag=True,
    help="Accept an entered observation that has no start date (refused without it).",
)
no_citation_option = click.option(
    "--no-citation",
    is_flag=True,
    help="Accept an entered observation that cites no law, ordinance or policy (refused "
    "without it).",
)
jsonl_option = format_option("text", "jsonl")


def _viewer(user: str | None) -> None:
    """Reading the store: any role may read, but a user must be named."""
    from sanctuary_tracker.store.users import VIEW_OBSERVATIONS, require

    require(user, VIEW_OBSERVATIONS)


@click.group()
def review() -> None:
    """Observations under review: list, add, accept, edit, reject, history; redundant
    coding's divergences and agreement."""


@review.command("list")
@click.option("--status", type=click.Choice(["proposed", "accepted", "rejected"]))
@click.option("--jurisdiction", metavar="OCD_ID", help="Only this jurisdiction.")
@click.option("--provision", metavar="CODE", help="Only this provision (P01 ...).")
@jsonl_option
@user_option
@store_command
def review_list(status, jurisdiction, provision, fmt, user) -> None:
    """List observations (the review queue with --status proposed)."""
    from sanctuary_tracker.store.selectors import review_queue

    _viewer(user)
    for o in review_queue(status=status, ocd_id=jurisdiction, provision=provision):
        item = {
            "id": o.id,
            "status": o.status,
            "origin": o.origin,
            "jurisdiction": o.jurisdiction.ocd_id if o.jurisdiction else None,
            "provision": o.provision.code,
            "value": json.loads(o.value),
            "coder": o.coder.username if o.coder else None,
            "reviewer": o.reviewer.username if o.reviewer else None,
            "document": o.document_id,
            "cue": o.cue,
        }
        if fmt == "jsonl":
            click.echo(json.dumps(item, default=str))
        else:
            click.echo(
                f"{o.id}\t{o.status}\t{o.origin}\t{item['jurisdiction'] or '-'}\t"
                f"{o.provision.code}={o.value}\t{item['coder'] or '-'}\t{item['reviewer'] or '-'}"
            )


@review.command("add")
@click.argument("jurisdiction", metavar="OCD_ID_OR_GEOID")
@click.argument("provision", metavar="PROVISION")
@click.argument("value")
@click.option("--from", "effective_from", metavar="YYYY-MM-DD", help="In effect from.")
@click.option("--to", "effective_to", metavar="YYYY-MM-DD", help="In effect until.")
@click.option("--citation", default="", help="Law, ordinance section or policy document.")
@click.option(
    "--form",
    type=click.Choice(FORMS),
    default="unknown",
    show_default=True,
    help="By law (statute, ordinance, resolution, executive_order, sheriff_policy, "
    "police_policy, agency_policy) or in practice.",
)
@click.option(
    "--agency", default="", help="Who acts on it: state, county, sheriff, city police ..."
)
@user_option
@store_command
def review_add(
    jurisdiction, provision, value, effective_from, effective_to, citation, form, agency, user
):
    """Enter an observation as a coder (proposed until a reviewer decides). VALUE is
    true/false, one enum value, or a comma-separated set."""
    from sanctuary_tracker.store.review import enter_observation

    observation = enter_observation(
        user=user,
        jurisdiction=jurisdiction,
        provision=provision,
        value=value,
        effective_from=effective_from,
        effective_to=effective_to,
        citation=citation,
        form=form,
        agency=agency,
    )
    click.echo(f"observation {observation.pk}: proposed")


def _decide(
    decision: str, observation_id: int, user: str | None, reason: str, re_review: bool, **changes
):
    from sanctuary_tracker.store.review import review_observation

    observation = review_observation(
        user=user,
        observation_id=observation_id,
        decision=decision,
        reason=reason,
        re_review=re_review,
        **changes,
    )
    again = " (re-review)" if re_review else ""
    click.echo(f"observation {observation.pk}: {observation.status} by {user}{again}")


def _decision_options(*, accepting: bool):
    """The options of a decision (--reason, --re-review, --user) over the opened store; an
    acceptance also takes --undated and --no-citation."""

    def decorate(body):
        body = user_option(store_command(body))
        if accepting:
            body = undated_option(no_citation_option(body))
        return reason_option(re_review_option(body))

    return decorate


@review.command("accept")
@click.argument("observation_id", type=int)
@_decision_options(accepting=True)
def review_accept(observation_id, reason, re_review, undated, no_citation, user) -> None:
    """Accept an observation as it stands (reviewer). One entered with no start date or no
    citation is accepted only with --undated / --no-citation."""
    _decide(
        "accept", observation_id, user, reason, re_review, undated=undated, no_citation=no_citation
    )


@review.command("reject")
@click.argument("observation_id", type=int)
@_decision_options(accepting=False)
def review_reject(observation_id, reason, re_review, user) -> None:
    """Reject an observation; it stays in the store, marked rejected (reviewer)."""
    _decide("reject", observation_id, user, reason, re_review)


@review.command("edit")
@click.argument("observation_id", type=int)
@click.option("--value", help="The corrected value.")
@click.option("--jurisdiction", metavar="OCD_ID_OR_GEOID", help="The corrected jurisdiction.")
@click.option("--from", "effective_from", metavar="YYYY-MM-DD")
@click.option("--to", "effective_to", metavar="YYYY-MM-DD")
@_decision_options(accepting=True)
def review_edit(
    observation_id,
    value,
    jurisdiction,
    effective_from,
    effective_to,
    reason,
    re_review,
    undated,
    no_citation,
    user,
):
    """Correct an observation and accept it (reviewer); the old values stay in the log."""
    _decide(
        "edit",
        observation_id,
        user,
        reason,
        re_review,
        value=value,
        jurisdiction=jurisdiction,
        effective_from=effective_from,
        effective_to=effective_to,
        undated=undated,
        no_citation=no_citation,
    )


@review.command("history")
@click.argument("observation_id", type=int)
@jsonl_option
@user_option
@store_command
def review_history(observation_id, fmt, user) -> None:
    """The audit log of one observation: who changed what, when and why; every decision,
    a re-review's included, with the decision it replaced."""
    from sanctuary_tracker.store.review import observation_history

    _viewer(user)
    for entry in observation_history(observation_id):
        if fmt == "jsonl":
            item = entry.__dict__ | {"at": entry.at.isoformat(), "decision": entry.decision}
            click.echo(json.dumps(item, default=str, sort_keys=True))
            continue
        click.echo(
            f"{entry.at:%Y-%m-%d %H:%M:%S}\t{entry.user or '-'}\t{entry.action}\t{entry.reason}"
        )
        if entry.decision:
            click.echo(f"\tdecision: {entry.decision}")
        click.echo(f"\tbefore: {_compact(entry.before)}\n\tafter:  {_compact(entry.after)}")


def _compact(values) -> str:
    return "-" if values is None else json.dumps(values, default=str, sort_keys=True)


@review.command("divergences")
@jsonl_option
@user_option
@store_command
def review_divergences(fmt, user) -> None:
    """Jurisdictions and provisions that coders coded differently, for a reviewer to resolve."""
    from sanctuary_tracker.store.review import divergences

    _viewer(user)
    for group in divergences():
        first = group[0]
        if fmt == "jsonl":
            codings = [
                {"coder": c.coder, "value": c.value, "observation": c.observation} for c in group
            ]
            click.echo(
                json.dumps(
                    {
                        "jurisdiction": first.jurisdiction,
                        "provision": first.provision,
                        "codings": codings,
                    }
                )
            )
        else:
            values = "; ".join(f"{c.coder}={json.dumps(c.value)} (#{c.observation})" for c in group)
            click.echo(f"{first.jurisdiction}\t{first.provision}\t{values}")


@review.command("agreement")
@click.option("--coders", metavar="A,B", help="The two coders to compare (default: the only two).")
@jsonl_option
@user_option
@store_command
def review_agreement(coders, fmt, user) -> None:
    """Percent agreement and Cohen's kappa per provision between two coders, over the
    jurisdictions both coded."""
    from sanctuary_tracker.store.errors import StoreError
    from sanctuary_tracker.store.review import agreement

    _viewer(user)
    pair = None
    if coders:
        names = [n.strip() for n in coders.split(",")]
        if len(names) != 2 or not all(names):
            raise StoreError(f"--coders {coders!r}: give two names, A,B")
        pair = (names[0], names[1])
    (a, b), rows = agreement(pair)
    if fmt == "text":
        click.echo(f"coders: {a}, {b}\nprovision\titems\tagreement\tkappa")
    for row in rows:
        kappa = "n/a" if row.kappa is None else f"{row.kappa:.3f}"
        if fmt == "jsonl":
            click.echo(json.dumps(row.__dict__ | {"coders": [a, b]}))
        else:
            click.echo(f"{row.provision}\t{row.items}\t{row.percent:.1f}%\t{kappa}")
