"""The classification commands: definitions, classify, explain, compare, lists.

Facts come from the shipped reference data (official list editions, state laws) and, when
the store is initialised, from its accepted observations (``--evidence`` chooses)."""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import json
import os
import sys

import click

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
    if value is None:
        return dt.date.today().isoformat()
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None


DATE = click.option(
    "--date",
    callback=_date,
    metavar="YYYY-MM-DD",
    help="The date to classify on (default: today).",
)


def errors(function):
    """Bad definitions, unknown names and store failures: one line, exit status 1."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        from sanctuary_tracker.classify.definitions import DefinitionError
        from sanctuary_tracker.classify.lookup import NotFound
        from sanctuary_tracker.store.errors import StoreError

        try:
            return function(*args, **kwargs)
        except (DefinitionError, NotFound, StoreError) as exc:
            click.echo(f"sanctuary: error: {exc}", err=True)
            sys.exit(1)

    return wrapper


def _definitions(files):
    from sanctuary_tracker.classify.definitions import load_definitions

    return load_definitions(list(files))


def _pick(definitions, definition_id: str):
    if definition_id not in definitions:
        known = ", ".join(sorted(definitions))
        raise click.BadParameter(f"unknown definition {definition_id!r} (known: {known})")
    return definitions[definition_id]


def _classifier(evidence: str):
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
    from sanctuary_tracker.store.config import DEFAULT_SQLITE
    from sanctuary_tracker.store.errors import StoreError

    if not required and not os.environ.get("DATABASE_URL") and not DEFAULT_SQLITE.exists():
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


def _jurisdiction_record(j) -> dict:
    from sanctuary_tracker.extract.record import record_kind

    return {
        "name": j.name,
        "state": j.state,
        "kind": record_kind(j),
        "geoid": j.geoid,
        "ocd_id": j.ocd_id,
    }


def _emit(rows: list[dict], fmt: str, columns: list[str], output: str | None) -> None:
    """Rows as JSON, CSV (nested values as JSON text) or Parquet (needs --output)."""
    if fmt == "parquet":
        _parquet(rows, columns, output)
        return
    if fmt == "json":
        text = json.dumps(rows, ensure_ascii=False, indent=1) + "\n"
    else:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _flat(row.get(k)) for k in columns})
        text = buffer.getvalue()
    _write(text, output)


def _write(text: str, output: str | None) -> None:
    """``text`` into the file ``output``, or to stdout when there is none."""
    if output:
        with open(output, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
    else:
        click.echo(text, nl=False)


def _flat(value):
    return json.dumps(value, ensure_ascii=False) if isinstance(value, list | dict) else value


def _parquet(rows: list[dict], columns: list[str], output: str | None) -> None:
    if not output:
        raise click.UsageError("--format parquet needs --output FILE")
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise click.UsageError("--format parquet needs the pyarrow package") from None
    table = pa.table({k: [_flat(row.get(k)) for row in rows] for k in columns})
    pq.write_table(table, output)


@click.command()
@click.option("--format", "fmt", type=click.Choice(["json", "csv", "text"]), default="text")
@DEFINITION_FILES
@errors
def definitions(fmt: str, definition_files) -> None:
    """Every definition of "sanctuary" the tracker applies: id, name, source."""
    rows = [d.to_record() for d in _definitions(definition_files).values()]
    if fmt == "text":
        for row in rows:
            click.echo(f"{row['id']:<22} {row['name']}\n{'':<22} {row['source']}")
        return
    _emit(rows, fmt, ["id", "name", "version", "source", "summary", "levels", "file"], None)


CLASSIFY_COLUMNS = ["name", "state", "kind", "geoid", "ocd_id", "label", "reasons"]


@click.command()
@click.option("--definition", "definition_id", required=True, metavar="ID")
@DATE
@click.option("--format", "fmt", type=click.Choice(["json", "csv", "parquet"]), default="json")
@click.option("--output", type=click.Path(dir_okay=False), help="Write here, not to stdout.")
@click.option("--state", metavar="ST", help="Only this state's jurisdictions.")
@click.option(
    "--label", "labels", multiple=True, type=click.Choice(["yes", "partial", "no", "unknown"])
)
@EVIDENCE
@DEFINITION_FILES
@errors
def classify(definition_id, date, fmt, output, state, labels, evidence, definition_files):
    """Every jurisdiction of the gazetteer under one definition on one date: its label
    (yes, partial, no, unknown) and the reasons, each with its source."""
    from sanctuary_tracker.places.gazetteer import load_gazetteer

    definition = _pick(_definitions(definition_files), definition_id)
    classifier = _classifier(evidence)
    gazetteer = load_gazetteer()
    chosen = gazetteer.in_state(state.upper()) if state else list(gazetteer)
    rows = []
    for j, result in classifier.classify_all(definition, date, chosen):
        if labels and result.label not in labels:
            continue
        rows.append({**_jurisdiction_record(j), **result.to_record()})
    _emit(rows, fmt, CLASSIFY_COLUMNS, output)


@click.command()
@click.argument("jurisdiction")
@DATE
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="text")
@EVIDENCE
@DEFINITION_FILES
@errors
def explain(jurisdiction, date, fmt, evidence, definition_files):
    """Every definition's answer for one JURISDICTION ("Chelsea, MA", "Cook County, IL",
    "California", a GEOID or an OCD id) on a date, and why."""
    from sanctuary_tracker.classify.lookup import find_jurisdiction
    from sanctuary_tracker.places.gazetteer import load_gazetteer

    j = find_jurisdiction(load_gazetteer(), jurisdiction)
    classifier = _classifier(evidence)
    rows = [
        {"definition": d.id, "name": d.name, **classifier.classify(j, d, date).to_record()}
        for d in _definitions(definition_files).values()
    ]
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    click.echo(f"{j.name}, {j.state} ({j.kind}, GEOID {j.geoid}) on {date}\n")
    for row in rows:
        click.echo(f"{row['label'].upper():<8} {row['definition']}: {row['name']}")
        for reason in row["reasons"]:
            source = f"  [{reason['source']}]" if reason["source"] else ""
            click.echo(f"         - {reason['text']}{source}")


@click.command()
@DATE
@click.option("--format", "fmt", type=click.Choice(["json", "csv", "text"]), default="text")
@click.option("--state", metavar="ST", help="Only this state's jurisdictions.")
@EVIDENCE
@DEFINITION_FILES
@errors
def compare(date, fmt, state, evidence, definition_files):
    """Where definitions of sanctuary disagree on a date: each jurisdiction that one calls
    sanctuary (yes or partial) and another does not (no), with every definition's label.
    Definitions of other questions (state preemption, cooperation with ICE) are left out."""
    from sanctuary_tracker.places.gazetteer import load_gazetteer

    defs = [d for d in _definitions(definition_files).values() if d.measures == "sanctuary"]
    classifier = _classifier(evidence)
    gazetteer = load_gazetteer()
    chosen = gazetteer.in_state(state.upper()) if state else list(gazetteer)
    rows = []
    for j in chosen:
        labels = {d.id: classifier.classify(j, d, date).label for d in defs}
        said = set(labels.values())
        if "no" in said and said & {"yes", "partial"}:
            rows.append({**_jurisdiction_record(j), "labels": labels})
    if fmt == "text":
        for row in rows:
            said = ", ".join(f"{k}={v}" for k, v in row["labels"].items() if v != "unknown")
            click.echo(f"{row['name']}, {row['state']} ({row['kind']}): {said}")
        click.echo(f"{len(rows)} jurisdictions where definitions disagree on {date}")
        return
    _emit(rows, fmt, ["name", "state", "kind", "geoid", "ocd_id", "labels"], None)


@click.group(invoke_without_command=True)
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="text")
@click.pass_context
def lists(ctx, fmt):
    """The official list editions shipped with their sources; `lists show ID` for one
    edition's members."""
    if ctx.invoked_subcommand is not None:
        return
    from sanctuary_tracker.classify.reference import load_reference

    rows = [e.to_record() for e in load_reference().editions.values()]
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    for row in rows:
        state = "complete" if row["complete"] else "incomplete"
        withdrawn = f", withdrawn {row['withdrawn']}" if row["withdrawn"] else ""
        click.echo(
            f"{row['id']:<22} {row['date']}  {row['members']:>3} members ({state}{withdrawn})"
        )
        click.echo(f"{'':<22} {row['name']}")


@lists.command("show")
@click.argument("edition_id", metavar="ID")
@click.option("--format", "fmt", type=click.Choice(["json", "csv", "text"]), default="text")
def lists_show(edition_id, fmt):
    """The members of one list edition, each with its source."""
    from sanctuary_tracker.classify.reference import load_reference
    from sanctuary_tracker.extract.record import record_kind
    from sanctuary_tracker.places.gazetteer import load_gazetteer

    editions = load_reference().editions
    if edition_id not in editions:
        known = ", ".join(sorted(editions))
        click.echo(
            f"sanctuary: error: unknown list edition {edition_id!r} (known: {known})", err=True
        )
        sys.exit(1)
    edition = editions[edition_id]
    gazetteer = load_gazetteer()
    rows = [
        {
            "name": m["name"],
            "state": m["state"],
            "kind": record_kind(gazetteer.by_geoid(m["geoid"])),
            "geoid": m["geoid"],
            "ocd_id": m["ocd_id"],
            "as_listed": m["as_listed"],
            "source": m["source_url"],
        }
        for m in edition.members
    ]
    if fmt == "text":
        click.echo(f"{edition.name} ({edition.date})")
        if edition.missing:
            click.echo(f"Incomplete: {edition.missing}")
        for row in rows:
            click.echo(f"  {row['name']}, {row['state']} ({row['kind']})  [{row['source']}]")
        return
    _emit(rows, fmt, ["name", "state", "kind", "geoid", "ocd_id", "as_listed", "source"], None)


def register(main: click.Group) -> None:
    for command in (definitions, classify, explain, compare, lists):
        main.add_command(command)
