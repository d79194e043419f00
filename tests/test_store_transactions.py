"""One transaction per document, shown with real processes: a kill in the middle of an
ingest leaves every committed document whole and no partial one; two ingests at once
(PostgreSQL and SQLite) store each document once and lose none."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from store_support import STORE_FIXTURES, count, make_user

EVIDENCE = ("store_span", "store_mention", "store_role", "store_quote", "store_amount")


def corpus(folder: Path, size: int) -> list[Path]:
    """``size`` distinct stories (the fixtures, each with its own closing line)."""
    stories = sorted(STORE_FIXTURES.glob("*.txt"))
    paths = []
    for i in range(size):
        path = folder / f"story-{i:03d}.txt"
        text = stories[i % len(stories)].read_text()
        path.write_text(f"{text}\nCorrection number {i} was appended to this story.\n")
        paths.append(path)
    return paths


def expected_rows(path: Path) -> dict[str, int]:
    """The evidence rows one document should have, from extracting it here."""
    from sanctuary_tracker.extract import extract
    from sanctuary_tracker.read import read

    r = extract(read(str(path)))
    mentions = sum(len(j["mentions"]) for j in r["jurisdictions"])
    items = sum(len(r[k]) for k in ("people", "quotes", "amounts", "lists", "observations"))
    return {
        "store_span": mentions + items,
        "store_mention": mentions,
        "store_role": len(r["people"]),
        "store_quote": len(r["quotes"]),
        "store_amount": len(r["amounts"]),
    }


def held_rows(source: str) -> dict[str, int]:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT id FROM store_document WHERE source = %s", [source])
        (doc_id,) = cursor.fetchone()
        rows = {}
        for table in EVIDENCE:
            cursor.execute(f"SELECT COUNT(*) FROM {table} WHERE document_id = %s", [doc_id])
            rows[table] = cursor.fetchone()[0]
    return rows


def start_sanctuary(url: str, *args: str) -> subprocess.Popen:
    """The real ``sanctuary`` command, acting as casey on the test's store."""
    env = {**os.environ, "DATABASE_URL": url, "SANCTUARY_USER": "casey"}
    return subprocess.Popen(
        [sys.executable, "-m", "sanctuary_tracker.cli", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def start_ingest(paths: list[Path], url: str) -> subprocess.Popen:
    return start_sanctuary(url, "ingest", *map(str, paths))


def kill_once_stored(process: subprocess.Popen, documents: int, what: str) -> None:
    """Kill ``process`` as soon as the store holds ``documents`` documents."""
    deadline = time.monotonic() + 120
    while count("store_document") < documents and process.poll() is None:
        assert time.monotonic() < deadline, f"the {what} stored nothing in two minutes"
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    process.communicate()
    assert process.returncode == -signal.SIGKILL, f"the {what} ended before it was killed"


def test_killed_ingest_keeps_whole_documents_and_no_partial_one(store, tmp_path):
    from sanctuary_tracker.store.models import Document

    make_user("casey", "coder")
    paths = corpus(tmp_path, 30)
    kill_once_stored(start_ingest(paths, store), 3, "ingest")
    committed = list(Document.objects.values_list("source", flat=True))
    assert 3 <= len(committed) < len(paths)
    for source in committed:
        assert held_rows(source) == expected_rows(Path(source)), source
    # (An evidence row without its document cannot exist: foreign keys forbid it.)
    # Running it again finishes the job without redoing what was committed.
    rerun = start_ingest(paths, store)
    _, err = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, err
    left = len(paths) - len(committed)
    assert f"ingest: {left} inserted, 0 updated, {len(committed)} unchanged" in err


def test_killed_load_keeps_whole_documents_and_no_partial_one(store, tmp_path):
    """The same for ``load``, whose documents share commits in groups on SQLite."""
    import json

    from sanctuary_tracker.extract import extract
    from sanctuary_tracker.read import read
    from sanctuary_tracker.store.models import Document

    make_user("casey", "coder")
    records = [extract(read(str(p))) for p in sorted(STORE_FIXTURES.glob("*.txt"))]
    evidence = tmp_path / "evidence.jsonl"
    with evidence.open("w") as out:
        for i in range(20_000):
            record = records[i % len(records)]
            document = {**record["document"], "content_hash": f"sha256:{i:064x}"}
            out.write(json.dumps({**record, "source": f"copy-{i}", "document": document}) + "\n")
    kill_once_stored(start_sanctuary(store, "load", str(evidence), "--group", "50"), 100, "load")
    held = Document.objects.count()
    assert 100 <= held < 20_000 and held % 50 == 0  # whole groups, nothing of the next
    quotes = {r["document"]["title"]: len(r["quotes"]) for r in records}
    from django.db.models import Count

    for document in Document.objects.annotate(n=Count("quotes")).order_by("?")[:50]:
        assert document.n == quotes[document.title]


def test_two_ingests_at_once_store_each_document_once(store, tmp_path):
    from sanctuary_tracker.store.models import Document, Person

    make_user("casey", "coder")
    paths = corpus(tmp_path, 16)
    first, second = start_ingest(paths, store), start_ingest(paths, store)
    outputs = [p.communicate(timeout=300) for p in (first, second)]
    assert first.returncode == second.returncode == 0, outputs
    summaries = [err.strip().splitlines()[-1] for _, err in outputs]
    inserted = [int(s.split()[1]) for s in summaries]
    assert sum(inserted) == len(paths), summaries
    assert Document.objects.count() == len(paths)
    assert set(Document.objects.values_list("source", flat=True)) == set(map(str, paths))
    for path in paths[:4]:
        assert held_rows(str(path)) == expected_rows(path)
    assert count("store_quote") == sum(expected_rows(p)["store_quote"] for p in paths[:2]) * 8
    # People shared by the stories were made once, whichever process met them first.
    assert Person.objects.filter(name="Thomas Ambrosino").count() == 1


def test_an_error_in_the_loader_reaches_the_caller(store):
    """The loader (a child process, or a thread when this process has other threads)
    hands its error back; nothing of the document that failed is stored."""
    import threading

    import pytest

    from sanctuary_tracker.extract import extract
    from sanctuary_tracker.read import read
    from sanctuary_tracker.store.background import LoaderProcess, background_loader
    from sanctuary_tracker.store.lookups import Lookups

    user = make_user("casey", "coder")
    document = read(str(sorted(STORE_FIXTURES.glob("*.txt"))[0]))
    record = extract(document)
    # Not a checked record (its jurisdiction is unknown): the loader fails on it.
    unknown = {
        **record,
        "source": "elsewhere",
        "document": {**record["document"], "content_hash": "sha256:" + "0" * 64},
        "jurisdictions": [{"ocd_id": "ocd-division/country:zz", "mentions": [{}]}],
    }
    loader = background_loader(user=user, lookups=Lookups.load())
    assert isinstance(loader, LoaderProcess) == (threading.active_count() == 1)
    loader.put(record, document)
    loader.put(unknown, document)
    with pytest.raises(KeyError, match="country:zz"):
        loader.close()
    assert count("store_document") == 1
    assert held_rows(document.source) == expected_rows(Path(document.source))
