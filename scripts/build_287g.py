"""Build the shipped 287(g) snapshot from ICE's published sheets.

    python scripts/build_287g.py ../shared/data/ice-287g/sheets

reads every ``*.xlsx`` in the folder (participating and pending agencies, as ICE published
them), matches each row to the jurisdiction it binds, builds the agreements' history and
writes ``src/sanctuary_tracker/data/ice-287g.json.gz``. Rerunning on the same sheets writes
the same bytes. A file that is not an ICE sheet stops the build with a message naming it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from sanctuary_tracker.agreements.history import build_history  # noqa: E402
from sanctuary_tracker.agreements.sheets import SheetError, read_sheet  # noqa: E402
from sanctuary_tracker.agreements.snapshot import to_snapshot, write_snapshot  # noqa: E402
from sanctuary_tracker.places.gazetteer import load_gazetteer  # noqa: E402

OUT = ROOT / "src" / "sanctuary_tracker" / "data" / "ice-287g.json.gz"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="the folder of ICE's xlsx sheets")
    parser.add_argument("--output", type=Path, default=OUT)
    args = parser.parse_args(argv)
    files = sorted(args.folder.glob("*.xlsx"))
    if not files:
        print(f"build_287g: {args.folder}: no .xlsx files", file=sys.stderr)
        return 1
    try:
        publications = [read_sheet(f) for f in files]
    except SheetError as exc:
        print(f"build_287g: {exc}", file=sys.stderr)
        return 1
    history = build_history(publications, load_gazetteer())
    data = write_snapshot(history)
    args.output.write_bytes(data)
    counts = to_snapshot(history)["counts"]
    print(
        f"wrote {args.output.name}: {len(data):,} bytes; "
        + ", ".join(f"{k} {v:,}" for k, v in counts.items())
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
