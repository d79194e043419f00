"""`sanctuary laws`: the state laws shipped for every state, DC and Puerto Rico, each with its
direction, dates and source, or "none found as of DATE" with the sources checked."""

from __future__ import annotations

import json

import click

from sanctuary_tracker.cli.common import fail, output_lines, output_options, write_text


def state_records(state: str | None = None) -> list[dict]:
    """One record per state (or only ``state``): its coverage and its laws, by effective date.
    Raises KeyError naming the code when ``state`` is not a covered state."""
    from sanctuary_tracker.classify.reference import load_reference
    from sanctuary_tracker.places.gazetteer import load_gazetteer

    reference = load_reference()
    gazetteer = load_gazetteer()
    if state is not None and state not in reference.coverage:
        raise KeyError(state)
    codes = [state] if state is not None else list(reference.coverage)
    out = []
    for code in codes:
        place = gazetteer.state(code)
        out.append(
            {
                "state": code,
                "name": place.name if place else code,
                **reference.coverage[code].to_record(),
                "laws": [_law_record(law) for law in reference.laws_of(code)],
            }
        )
    return out


def _law_record(law: dict) -> dict:
    return {
        "law": law["law"],
        "popular_name": law["popular_name"] or None,
        "direction": law["direction"],
        "provision": "P17" if law["direction"] == "limits_cooperation" else "P16",
        "p16_value": law.get("p16_value"),
        "effective_date": law["effective_date"],
        "end_date": law.get("end_date"),
        "end_note": law.get("end_note"),
        "source_url": law["source_url"],
    }


def render_text(records: list[dict]) -> list[str]:
    lines = []
    for record in records:
        lines.append(f"{record['state']}  {record['name']}")
        if not record["laws"]:
            sources = " ".join(record["sources_checked"])
            lines.append(
                f"  none found as of {record['checked_as_of']} (sources checked: {sources})"
            )
            if record["note"]:
                lines.append(f"  note: {record['note']}")
        for law in record["laws"]:
            name = f"{law['popular_name']}: {law['law']}" if law["popular_name"] else law["law"]
            what = law["direction"] + (f" ({law['p16_value']})" if law["p16_value"] else "")
            until = f"until {law['end_date']}" if law["end_date"] else "in force"
            lines.append(f"  {law['provision']} {what}, from {law['effective_date']}, {until}")
            lines.append(f"    {name}")
            if law["end_note"]:
                lines.append(f"    {law['end_note']}")
            lines.append(f"    source: {law['source_url']}")
    return lines


@click.command("laws")
@click.option("--state", "state", metavar="ST", help="One state, DC or PR, by its two-letter code.")
@output_options("text", "json")
def laws(state: str | None, fmt: str, output: str | None) -> None:
    """State laws on cooperation with immigration enforcement, per state, DC and Puerto Rico:
    each law with its direction, effective and end dates and source, or "none found as of
    DATE" with the sources checked."""
    code = state.upper() if state else None
    try:
        records = state_records(code)
    except KeyError:
        fail(f"--state {state!r}: not a state, DC or PR two-letter code")
    if fmt == "json":
        chosen = records if code is None else records[0]
        write_text(json.dumps(chosen, ensure_ascii=False, indent=1) + "\n", output)
        return
    with output_lines(output) as echo:
        for line in render_text(records):
            echo(line)
