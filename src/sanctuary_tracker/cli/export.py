"""``sanctuary export``: the API's downloads (classifications, observations, listings,
quotes) as files, and the whole store as one SQLite file for Datasette."""

from __future__ import annotations

import click

from sanctuary_tracker.cli.common import format_option, output_option, web_command


@click.command("export")
@click.argument(
    "dataset",
    type=click.Choice(["classifications", "observations", "listings", "quotes", "datasette"]),
)
@format_option("csv", "json", "parquet", "geojson")
@output_option(required=True)
@click.option("--definition", metavar="ID", help="For classifications (default: the first).")
@click.option("--date", metavar="YYYY-MM-DD", help="Default: today.")
@click.option("--state", metavar="ST")
@click.option(
    "--full",
    is_flag=True,
    help="Classifications: also every reason that says what is not known (column "
    "`missing`; many times the size).",
)
@web_command
def export(dataset, fmt, output, definition, date, state, full) -> None:
    """Write DATASET to --output: classifications, observations, listings or quotes as
    CSV, JSON, Parquet or GeoJSON; `datasette` writes the whole store as one SQLite file.
    A CSV always has its header, even with no rows."""
    from pathlib import Path

    from sanctuary_tracker.publish.tables import write_atomically
    from sanctuary_tracker.store.selectors import Filters
    from sanctuary_tracker.web import datasets
    from sanctuary_tracker.web.classification import definitions, today
    from sanctuary_tracker.web.params import iso_date

    try:  # the one date parser of the web app and its API
        when = iso_date(date) or today()
    except ValueError as exc:
        raise click.BadParameter(f"{date!r}: {exc}", param_hint="--date") from None
    if definition and definition not in definitions():
        raise click.BadParameter(f"unknown definition {definition!r}")
    problem = datasets.full_problem(dataset, full)
    if problem:
        raise click.BadParameter(problem.removeprefix("full: "), param_hint="--full")
    if dataset == "datasette":
        counts = datasets.write_sqlite(Path(output), when)
        click.echo(", ".join(f"{k}: {v}" for k, v in counts.items()), err=True)
        return
    chosen = Filters(state=state, date=when, definition=definition)
    body = datasets.render(dataset, fmt, chosen, full=full)  # publish's writer
    write_atomically(body, output)
    click.echo(f"{output}: {len(body):,} bytes", err=True)
