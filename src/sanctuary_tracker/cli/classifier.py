"""The classifier a command runs and the options that choose it: the definitions (shipped
and --definition-file), the evidence (--evidence) and the date (--date); shared by the
classification, funding and 287(g) commands."""

from __future__ import annotations

import datetime as dt

import click

from sanctuary_tracker.cli.common import iso_date

EVIDENCE = click.option(
    "--evidence",
    type=click.Choice(["auto", "store", "reference"]),
    default="auto",
    show_default=True,
    help="reference: shipped lists and state laws only; store: those and the store's "
    "accepted observations; auto: the store when it is initialised.",
)
DEFINITION_FILES = click.option(
    "--definition-file",
    "definition_files",
    multiple=True,
    type=click.Path(dir_okay=False),
    help="A definition of your own (TOML), added to the shipped ones. Repeatable.",
)


def _date(ctx, param, value: str | None) -> str:
    return dt.date.today().isoformat() if value is None else iso_date(ctx, param, value)


DATE = click.option(
    "--date",
    callback=_date,
    metavar="YYYY-MM-DD",
    help="The date to classify on (default: today).",
)


def load_definitions(files):
    from sanctuary_tracker.classify.definitions import load_definitions as load

    return load(list(files))


def pick_definition(definitions, definition_id: str):
    if definition_id not in definitions:
        known = ", ".join(sorted(definitions))
        raise click.BadParameter(f"unknown definition {definition_id!r} (known: {known})")
    return definitions[definition_id]


def build_classifier(evidence: str):
    from sanctuary_tracker.classify import Classifier, Evidence
    from sanctuary_tracker.classify.reference import load_reference
    from sanctuary_tracker.places.gazetteer import load_gazetteer

    facts = load_reference().facts()
    held = None if evidence == "reference" else _store_facts(required=evidence == "store")
    if held is None:  # 287(g) agreements: the shipped snapshot's, else the store's
        from sanctuary_tracker.agreements.snapshot import snapshot_facts

        held = snapshot_facts()
    return Classifier(Evidence(facts + held, load_gazetteer()))


def _store_facts(required: bool):
    """The store's accepted observations and 287(g) agreements; None without a store."""
    from sanctuary_tracker.store.config import store_here
    from sanctuary_tracker.store.errors import StoreError

    if not required and not store_here():
        return None  # no store here: do not make one as a side effect
    try:
        from sanctuary_tracker.store.agreements287g import agreement_facts
        from sanctuary_tracker.store.db import open_store
        from sanctuary_tracker.store.facts import accepted_facts

        open_store()
        return accepted_facts() + agreement_facts()
    except StoreError as exc:
        if required:
            raise
        click.echo(f"sanctuary: note: shipped reference data only ({exc})", err=True)
        return None


def jurisdiction_record(j) -> dict:
    from sanctuary_tracker.extract.stage import record_kind

    return {
        "name": j.name,
        "state": j.state,
        "kind": record_kind(j),
        "geoid": j.geoid,
        "ocd_id": j.ocd_id,
    }
