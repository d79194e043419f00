"""The README's "Batch runs" section names every option of `sanctuary batch` and every file
a run writes."""

from __future__ import annotations

from pathlib import Path

from sanctuary_tracker.batch.manifest import ERRORS, MANIFEST
from sanctuary_tracker.batch.output import EVIDENCE_FOLDER
from sanctuary_tracker.cli.batch import batch

README = Path(__file__).resolve().parent.parent / "README.md"


def _section() -> str:
    text = README.read_text()
    start = text.index("## Batch runs")
    end = text.find("\n## ", start + 1)
    return text[start : end if end > 0 else None]


def test_every_batch_option_is_in_the_readme():
    section = _section()
    options = [o for p in batch.params for o in p.opts if o.startswith("--")]
    assert len(options) >= 5
    for option in options:
        assert option in section, f"{option} is not in the README's Batch runs section"


def test_every_output_file_is_in_the_readme():
    section = _section()
    for name in (MANIFEST, ERRORS, f"{EVIDENCE_FOLDER}/part-"):
        assert name in section, name
