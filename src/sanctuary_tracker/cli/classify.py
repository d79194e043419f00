"""The classification commands: definitions, classify, explain, compare, lists.

Facts come from the shipped reference data (official list editions, state laws) and, when
the store is initialised, from its accepted observations (``--evidence`` chooses)."""

from __future__ import annotations

import click

from sanctuary_tracker.cli.classifier import (
    DATE,
    DEFINITION_FILES,
    EVIDENCE,
    build_classifier,
    jurisdiction_record,
    load_definitions,
    pick_definition,
)
from sanctuary_tracker.cli.common import (
    emit_rows,
    fail,
    output_lines,
    output_options,
    store_errors,
)


@click.command()
@output_options("text", "json", "csv", "parquet")
@DEFINITION_FILES
@store_errors
def definitions(fmt: str, output: str | None, definition_files) -> None:
    """Every definition of "sanctuary" the tracker applies: id, name, source."""
    rows = [d.to_record() for d in load_definitions(definition_files).values()]
    if fmt == "text":
        with output_lines(output) as echo:
            for row in rows:
                echo(f"{row['id']:<22} {row['name']}\n{'':<22} {row['source']}")
        return
    emit_rows(rows, fmt, ["id", "name", "version", "source", "summary", "levels", "file"], output)


CLASSIFY_COLUMNS = ["name", "state", "kind", "geoid", "ocd_id", "label", "reasons"]


@click.command()
@click.option("--definition", "definition_id", required=True, metavar="ID")
@DATE
@output_options("json", "csv", "parquet")
@click.option("--state", metavar="ST", help="Only this state's jurisdictions.")
@click.option(
    "--label", "labels", multiple=True, type=click.Choice(["yes", "partial", "no", "unknown"])
)
@EVIDENCE
@DEFINITION_FILES
@store_errors
def classify(definition_id, date, fmt, output, state, labels, evidence, definition_files):
    """Every jurisdiction of the gazetteer under one definition on one date: its label
    (yes, partial, no, unknown) and the reasons, each with its source."""
    from sanctuary_tracker.places.gazetteer import load_gazetteer

    definition = pick_definition(load_definitions(definition_files), definition_id)
    classifier = build_classifier(evidence)
    gazetteer = load_gazetteer()
    chosen = gazetteer.in_state(state.upper()) if state else list(gazetteer)
    rows = []
    for j, result in classifier.classify_all(definition, date, chosen):
        if labels and result.label not in labels:
            continue
        rows.append({**jurisdiction_record(j), **result.to_record()})
    emit_rows(rows, fmt, CLASSIFY_COLUMNS, output)


@click.command()
@click.argument("jurisdiction")
@DATE
@output_options("text", "json")
@EVIDENCE
@DEFINITION_FILES
@store_errors
def explain(jurisdiction, date, fmt, output, evidence, definition_files):
    """Every definition's answer for one JURISDICTION ("Chelsea, MA", "Cook County, IL",
    "California", a GEOID or an OCD id) on a date, and why."""
    from sanctuary_tracker.classify.lookup import find_jurisdiction
    from sanctuary_tracker.places.gazetteer import load_gazetteer

    j = find_jurisdiction(load_gazetteer(), jurisdiction)
    classifier = build_classifier(evidence)
    rows = [
        {"definition": d.id, "name": d.name, **classifier.classify(j, d, date).to_record()}
        for d in load_definitions(definition_files).values()
    ]
    if fmt == "json":
        emit_rows(rows, fmt, [], output)
        return
    with output_lines(output) as echo:
        echo(f"{j.name}, {j.state} ({j.kind}, GEOID {j.geoid}) on {date}\n")
        for row in rows:
            echo(f"{row['label'].upper():<8} {row['definition']}: {row['name']}")
            for reason in row["reasons"]:
                source = f"  [{reason['source']}]" if reason["source"] else ""
                echo(f"         - {reason['text']}{source}")


@click.command()
@DATE
@output_options("text", "json", "csv", "parquet")
@click.option("--state", metavar="ST", help="Only this state's jurisdictions.")
@EVIDENCE
@DEFINITION_FILES
@store_errors
def compare(date, fmt, output, state, evidence, definition_files):
    """Where definitions of sanctuary disagree on a date: each jurisdiction that one calls
    sanctuary (yes or partial) and another does not (no), with every definition's label.
    Definitions of other questions (state preemption, cooperation with ICE) are left out."""
    from sanctuary_tracker.places.gazetteer import load_gazetteer

    defs = [d for d in load_definitions(definition_files).values() if d.measures == "sanctuary"]
    classifier = build_classifier(evidence)
    gazetteer = load_gazetteer()
    chosen = gazetteer.in_state(state.upper()) if state else list(gazetteer)
    rows = []
    for j in chosen:
        labels = {d.id: classifier.classify(j, d, date).label for d in defs}
        said = set(labels.values())
        if "no" in said and said & {"yes", "partial"}:
            rows.append({**jurisdiction_record(j), "labels": labels})
    if fmt == "text":
        with output_lines(output) as echo:
            for row in rows:
                said = ", ".join(f"{k}={v}" for k, v in row["labels"].items() if v != "unknown")
                echo(f"{row['name']}, {row['state']} ({row['kind']}): {said}")
            echo(f"{len(rows)} jurisdictions where definitions disagree on {date}")
        return
    emit_rows(rows, fmt, ["name", "state", "kind", "geoid", "ocd_id", "labels"], output)


@click.group(invoke_without_command=True)
@output_options("text", "json")
@click.pass_context
def lists(ctx, fmt, output):
    """The official list editions shipped with their sources; `lists show ID` for one
    edition's members."""
    if ctx.invoked_subcommand is not None:
        return
    from sanctuary_tracker.classify.reference import load_reference

    rows = [e.to_record() for e in load_reference().editions.values()]
    if fmt == "json":
        emit_rows(rows, fmt, [], output)
        return
    with output_lines(output) as echo:
        for row in rows:
            state = "complete" if row["complete"] else "incomplete"
            withdrawn = f", withdrawn {row['withdrawn']}" if row["withdrawn"] else ""
            echo(f"{row['id']:<22} {row['date']}  {row['members']:>3} members ({state}{withdrawn})")
            echo(f"{'':<22} {row['name']}")


@lists.command("show")
@click.argument("edition_id", metavar="ID")
@output_options("text", "json", "csv", "parquet")
def lists_show(edition_id, fmt, output):
    """The members of one list edition, each with its source."""
    from sanctuary_tracker.classify.reference import load_reference
    from sanctuary_tracker.extract.stage import record_kind
    from sanctuary_tracker.places.gazetteer import load_gazetteer

    editions = load_reference().editions
    if edition_id not in editions:
        known = ", ".join(sorted(editions))
        fail(f"unknown list edition {edition_id!r} (known: {known})")
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
        with output_lines(output) as echo:
            echo(f"{edition.name} ({edition.date})")
            if edition.missing:
                echo(f"Incomplete: {edition.missing}")
            for row in rows:
                echo(f"  {row['name']}, {row['state']} ({row['kind']})  [{row['source']}]")
        return
    columns = ["name", "state", "kind", "geoid", "ocd_id", "as_listed", "source"]
    emit_rows(rows, fmt, columns, output)
