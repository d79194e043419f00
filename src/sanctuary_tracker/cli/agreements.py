"""``sanctuary 287g``: import ICE's 287(g) sheets, review the rows no jurisdiction was matched
to, and list the agreements with their dates, models, matches and sources.

review and list read the store when it is initialised, else the shipped snapshot."""

from __future__ import annotations

import json
import sys

import click

from sanctuary_tracker.cli.common import (
    Progress,
    emit_rows,
    files_argument,
    format_option,
    iso_date,
    output_lines,
    output_options,
    store_errors,
    user_option,
)

STATE = click.option("--state", metavar="ST", help="Only agencies ICE lists in this state.")


@click.group("287g")
def ice_287g() -> None:
    """ICE's 287(g) agreements: import its sheets, review and list them."""


@ice_287g.command("import")
@files_argument
@click.option(
    "--published",
    callback=iso_date,
    metavar="YYYY-MM-DD",
    help="The publication date, for a file whose name does not carry ICE's "
    "(participatingAgencies<MMDDYYYY><am|pm>.xlsx).",
)
@format_option("text", "json")
@user_option
@store_errors
def import_sheets(files, published, fmt, user) -> None:
    """Read ICE 287(g) sheet FILE... (participating or pending agencies, xlsx as published
    on https://www.ice.gov/identify-and-arrest/287g) and hold each publication once, by its
    content. Ends with the counts: publications new and already held, rows, agreements new
    and ended, unmatched. A bad file is one line naming it; nothing of it is stored, the
    others are, and the exit status is 1."""
    from sanctuary_tracker.store.agreements287g import import_sheets as run
    from sanctuary_tracker.store.db import open_store
    from sanctuary_tracker.store.users import LOAD, require

    open_store()
    acting = require(user, LOAD)
    progress = Progress(total=len(files))
    report = run(
        files,
        user=acting,
        published=published,
        on_problem=progress.problem,
        on_file=lambda n: progress.note(f"{n}/{len(files)} sheets read"),
    )
    progress.clear()
    if fmt == "json":
        click.echo(json.dumps(report.__dict__, indent=1))
    else:
        click.echo(report.summary())
    if report.failed:
        sys.exit(1)


@ice_287g.command("review")
@STATE
@output_options("text", "json")
@store_errors
def review(state, fmt, output) -> None:
    """The agreements and pending requests matched to no jurisdiction, each with the reason
    and the first sheet row that lists it."""
    from sanctuary_tracker.agreements.records import in_state, unmatched_record
    from sanctuary_tracker.places.gazetteer import load_gazetteer

    history = _history()
    rows = [unmatched_record(a) for a in in_state(history.unmatched(), state, load_gazetteer())]
    if fmt == "json":
        emit_rows(rows, fmt, [], output)
        return
    with output_lines(output) as echo:
        for r in rows:
            echo(
                f"{r['kind']:9} {r['model']} {r['agency']} ({r['state']}; TYPE "
                f"{r['type'] or '-'}; COUNTY {r['county'] or '-'}): {r['reason']}  [{r['first']}]"
            )
        echo(f"{len(rows)} unmatched")


@ice_287g.command("list")
@STATE
@click.option(
    "--jurisdiction",
    metavar="NAME",
    help='Only the agreements bearing on it ("Knox County, TN", a GEOID or an OCD id): a '
    "county's include those of the police of its places.",
)
@click.option(
    "--date",
    callback=iso_date,
    metavar="YYYY-MM-DD",
    help="Only agreements in force on this date (from signing to removal).",
)
@output_options("text", "json", "csv", "parquet")
@store_errors
def list_agreements(state, jurisdiction, date, fmt, output) -> None:
    """ICE's 287(g) agreements with their model, signing date, first and last listing, end,
    the jurisdiction matched (and how) and the sheet and row they are read from."""
    from sanctuary_tracker.agreements.records import (
        COLUMNS,
        agreement_record,
        bearing_on,
        in_state,
        on_date,
    )
    from sanctuary_tracker.classify.lookup import find_jurisdiction
    from sanctuary_tracker.places.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    agreements = list(_history().agreements)
    if jurisdiction:
        j = find_jurisdiction(gazetteer, jurisdiction)  # NotFound: one line (store_errors)
        agreements = bearing_on(agreements, j, gazetteer)
    agreements = on_date(in_state(agreements, state, gazetteer), date)
    rows = [agreement_record(a, gazetteer) for a in agreements]
    if fmt != "text":
        emit_rows(rows, fmt, COLUMNS, output)
        return
    with output_lines(output) as echo:
        for r in rows:
            ended = f", ended {r['ended']}" if r["ended"] else ""
            echo(
                f"{r['model']} {r['agency']} ({r['state']}): signed {r['signed'] or '?'}, "
                f"listed {r['first_listed']} to {r['last_listed']}{ended} -> "
                f"{r['jurisdiction'] or 'unmatched'} [{r['match_method']}]  {r['source']}"
            )
        echo(f"{len(rows)} agreements")


def _history():
    """The store's history when there is a store, else the shipped snapshot's."""
    from sanctuary_tracker.agreements.snapshot import load_snapshot
    from sanctuary_tracker.store.config import store_here

    if not store_here():
        return load_snapshot()  # no store here: do not make one as a side effect
    from sanctuary_tracker.store.agreements287g import current_history
    from sanctuary_tracker.store.db import open_store

    open_store()
    return current_history()
