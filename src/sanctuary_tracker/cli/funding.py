"""``sanctuary funding``: import federal award files, show one jurisdiction's awards, and
the money at stake under a definition of sanctuary."""

from __future__ import annotations

import json

import click

from sanctuary_tracker.cli.classifier import (
    DATE,
    EVIDENCE,
    build_classifier,
    load_definitions,
    pick_definition,
)
from sanctuary_tracker.cli.common import (
    Progress,
    emit_rows,
    fail,
    files_argument,
    format_option,
    output_lines,
    output_options,
    store_errors,
    user_option,
    write_text,
)

PROGRAM = click.option("--program", metavar="ALN", help="Only this program (e.g. 16.738).")
FISCAL_YEAR = click.option("--fiscal-year", type=int, help="Only this federal fiscal year.")


@click.group()
def funding() -> None:
    """Federal awards: import them, and see what is at stake where."""


@funding.command("import")
@files_argument
@click.option(
    "--fiscal-year",
    type=int,
    help="The fiscal year of a JAG allocation table whose title and name do not say it.",
)
@format_option("text", "json")
@user_option
@store_errors
def funding_import(files, fiscal_year, fmt, user) -> None:
    """Read award FILE... (USAspending award downloads or BJA JAG allocation tables, CSV or
    XLSX), match each award to its jurisdiction and store it. Ends with the counts: rows
    read, matched, unmatched and doubtful (sent to review), rejected with reasons,
    duplicates; totals net of deobligations."""
    from sanctuary_tracker.funding.tables import TableError
    from sanctuary_tracker.store.db import open_store
    from sanctuary_tracker.store.funding_load import import_files
    from sanctuary_tracker.store.users import LOAD, require

    open_store()
    require(user, LOAD)
    progress = Progress(total=0)

    def rows_read(count: int) -> None:
        progress.note(f"{count:,} rows read")

    try:
        summary = import_files(files, fiscal_year, on_rows=rows_read)
    except TableError as exc:
        progress.clear()
        fail(str(exc))
    progress.clear()
    record = summary.to_record()
    if fmt == "json":
        click.echo(json.dumps(record, indent=1))
        return
    click.echo(
        f"rows read {record['rows_read']:,}; matched {record['matched']:,} "
        f"({record['doubtful']:,} doubtful); unmatched {record['unmatched']:,}; "
        f"sent to review {record['sent_to_review']:,}; rejected {record['rejected']:,}; "
        f"duplicates {record['duplicates']:,}; already held {record['already_held']:,}; "
        f"deobligations {record['deobligations']:,}"
    )
    for reason, count in record["rejected_reasons"].items():
        click.echo(f"  rejected: {reason}: {count:,}")
    click.echo(f"net total ${record['net_total']} (matched: ${record['matched_net_total']})")


@funding.command("show")
@click.argument("jurisdiction")
@PROGRAM
@FISCAL_YEAR
@output_options("text", "json")
@store_errors
def funding_show(jurisdiction, program, fiscal_year, fmt, output) -> None:
    """One JURISDICTION's awards ("Chicago, IL", a GEOID or an OCD id), each with its
    source file and row, and the total."""
    from sanctuary_tracker.classify.lookup import find_jurisdiction
    from sanctuary_tracker.places.gazetteer import load_gazetteer
    from sanctuary_tracker.store.db import open_store
    from sanctuary_tracker.store.funding_queries import show

    open_store()
    j = find_jurisdiction(load_gazetteer(), jurisdiction)
    result = show(j, program, fiscal_year)
    if fmt == "json":
        write_text(json.dumps(result, indent=1) + "\n", output)
        return
    with output_lines(output) as echo:
        echo(f"{j.name}, {j.state}: ${result['total']} in {len(result['awards'])} awards")
        for row in result["by_program_and_year"]:
            echo(f"  {row['program']}  FY{row['fiscal_year']}  ${row['total']}")


@funding.command("at-stake")
@click.option("--definition", "definition_id", required=True, metavar="ID")
@DATE
@PROGRAM
@FISCAL_YEAR
@click.option("--state", metavar="ST", help="Only this state's jurisdictions.")
@output_options("json", "csv", "parquet")
@EVIDENCE
@store_errors
def funding_at_stake(definition_id, date, program, fiscal_year, state, fmt, output, evidence):
    """The money received by the jurisdictions a definition counts as sanctuary on a date:
    the total and the per-jurisdiction list (partial ones listed apart, not totalled)."""
    from sanctuary_tracker.places.gazetteer import load_gazetteer
    from sanctuary_tracker.store.db import open_store
    from sanctuary_tracker.store.funding_queries import at_stake

    definition = pick_definition(load_definitions(()), definition_id)
    open_store()
    result = at_stake(
        build_classifier(evidence), definition, date, load_gazetteer(), program, fiscal_year, state
    )
    if fmt == "json":
        write_text(json.dumps(result, indent=1) + "\n", output)
        return
    columns = ["name", "state", "kind", "geoid", "ocd_id", "label", "total", "reasons"]
    emit_rows(result["jurisdictions"] + result["partial"], fmt, columns, output)


@funding.command("review")
@click.option("--state", metavar="ST", help="Only recipients in this state.")
@click.option("--limit", type=click.IntRange(min=1), default=100, show_default=True)
@output_options("text", "json")
@store_errors
def funding_review(state, limit, fmt, output) -> None:
    """The awards a person must look at: unmatched recipients and doubtful matches, largest
    first, each with how the match was tried and where the row is."""
    from sanctuary_tracker.store.db import open_store
    from sanctuary_tracker.store.funding_queries import review_list

    open_store()
    total, rows = review_list(state, limit)
    if fmt == "json":
        write_text(json.dumps({"total": total, "awards": rows}, indent=1) + "\n", output)
        return
    with output_lines(output) as echo:
        for row in rows:
            where = f"{row['source_file']}:{row['source_row']}"
            echo(
                f"${row['amount']:>15}  {row['recipient']} ({row['state']})  -> "
                f"{row['matched_to'] or 'unmatched'}: {row['match_method']}  [{where}]"
            )
        shown = f", {len(rows)} shown" if total > len(rows) else ""
        echo(f"{total:,} awards to review{shown}")
