"""The `sanctuary` command: a thin shell over the library, one module per command group.

``common`` holds what the commands share; each other module holds one group and imports
``common`` only, so no command module imports another. Django, Dask and the classifier are
imported only when a command that needs them runs."""

from __future__ import annotations

import click

from sanctuary_tracker.cli import (
    agreements,
    batch,
    classify,
    export,
    funding,
    laws,
    read,
    review,
    store,
    web,
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="sanctuary-tracker")
def main() -> None:
    """Sanctuary Tracker: read documents about local immigration-enforcement policy
    and turn them into sourced evidence."""


# In the order `sanctuary --help` has always listed them (it sorts them by name).
COMMANDS = (
    read.read,  # documents into clean text with metadata
    read.extract,  # and their evidence
    store.init,  # the store: create it, load documents and evidence, its users
    store.ingest,
    store.load,
    store.users,
    review.review,  # observations under review
    classify.definitions,  # classification under each definition, the official lists
    classify.classify,
    classify.explain,
    classify.compare,
    classify.lists,
    web.demo,  # the web app and API
    web.serve,
    store.password,
    export.export,  # the API's downloads as files
    batch.batch,  # batch runs on a Dask cluster
    funding.funding,  # federal money at stake
    agreements.ice_287g,  # ICE's 287(g) agreements
    laws.laws,  # state laws
)
for command in COMMANDS:
    main.add_command(command)
