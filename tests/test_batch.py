"""sanctuary batch on a two-worker local Dask cluster: equal to a serial run, resumable,
errors recorded, output readable by `sanctuary load`. One cluster for the module."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from batch_support import bench_pages, dev_texts, write_warc
from click.testing import CliRunner

from sanctuary_tracker.batch.chunks import plan_chunks
from sanctuary_tracker.batch.evidence_files import iter_records
from sanctuary_tracker.batch.manifest import MANIFEST, done_chunks, read_errors
from sanctuary_tracker.batch.pipeline import serial_evidence
from sanctuary_tracker.batch.runner import run_batch
from sanctuary_tracker.cli import main

CHUNK_BYTES = 150_000  # small, so that one test WARC becomes several chunks
SHARED = Path(__file__).resolve().parent.parent.parent / "shared"

pytestmark = pytest.mark.skipif(not SHARED.is_dir(), reason=f"{SHARED} is not present")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> dict[str, Path]:
    """Two good WARCs, a folder of plain files, a truncated WARC and a garbage file."""
    folder = tmp_path_factory.mktemp("inputs")
    pages, dev = bench_pages(SHARED), dev_texts(SHARED)
    big = write_warc(folder / "crawl-a.warc.gz", pages[:30] + dev[:15] + pages[30:40])
    small = write_warc(folder / "crawl-b.warc.gz", dev[15:20] + pages[40:45])
    loose = folder / "loose"
    (loose / "deeper").mkdir(parents=True)
    for name, body, _ in dev[20:23]:
        (loose / f"{name.rsplit('/', 1)[1]}.txt").write_bytes(body)
    (loose / "deeper" / "page.html").write_bytes(pages[45][1])
    truncated = folder / "cut.warc.gz"
    whole = write_warc(folder / "whole.tmp", dev[23:25] + pages[46:48]).read_bytes()
    truncated.write_bytes(whole[: len(whole) - 3000])
    (folder / "whole.tmp").unlink()
    garbage = loose / "garbage.html"
    garbage.write_bytes(bytes(range(256)) * 40)
    return {"big": big, "small": small, "loose": loose, "truncated": truncated, "garbage": garbage}


@pytest.fixture(scope="module")
def cluster():
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as local:
        yield local.scheduler_address


@pytest.fixture(scope="module")
def first_run(corpus, cluster, tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    inputs = [
        str(corpus["big"]),
        str(corpus["small"]),
        str(corpus["loose"]),
        str(corpus["truncated"]),
    ]
    summary = run_batch(inputs, str(out), scheduler=cluster, chunk_bytes=CHUNK_BYTES)
    return inputs, out, summary


def _by_source(records):
    return sorted(records, key=lambda r: r["source"])


def test_batch_on_two_workers_equals_a_serial_run(corpus, first_run):
    _, out, summary = first_run
    files = sorted(
        [str(corpus["big"]), str(corpus["small"]), str(corpus["truncated"])]
        + [str(p) for p in corpus["loose"].rglob("*") if p.is_file()]
    )
    serial = serial_evidence(files)
    batch = list(iter_records(str(out)))
    assert len(batch) == serial.extracted > 20
    assert _by_source(batch) == _by_source(serial.records)
    assert (summary.documents, summary.relevant, summary.extracted) == (
        serial.documents,
        serial.relevant,
        serial.extracted,
    )
    assert summary.chunks > 6  # the big WARC was cut into several chunks
    assert summary.finished == summary.chunks and summary.failed == 0


def test_errors_are_recorded_and_the_rest_is_read(corpus, first_run):
    _, out, summary = first_run
    errors = read_errors(str(out))
    assert sorted(e["input"] for e in errors) == sorted(
        [str(corpus["garbage"]), str(corpus["truncated"])]
    )
    by_input = {e["input"]: e for e in errors}
    assert "truncated gzip" in by_input[str(corpus["truncated"])]["message"]
    assert "binary data" in by_input[str(corpus["garbage"])]["message"]
    assert all(e["chunk"] in done_chunks(str(out)) for e in errors)
    assert summary.errors == 2
    # the records of the cut archive before the cut are kept
    sources = {r["source"].split("#")[0] for r in iter_records(str(out))}
    assert str(corpus["truncated"]) in sources


def test_rerun_does_nothing_new_and_a_deleted_part_is_redone(first_run, cluster):
    inputs, out, summary = first_run
    manifest = out / MANIFEST
    before = manifest.read_text()
    records = _by_source(iter_records(str(out)))
    again = run_batch(inputs, str(out), scheduler=cluster, chunk_bytes=CHUNK_BYTES)
    assert (again.finished, again.skipped, again.documents) == (0, summary.chunks, 0)
    assert manifest.read_text() == before
    # forget one chunk that holds evidence: its part and its manifest line
    lines = before.splitlines()
    victim = next(json.loads(x) for x in lines if json.loads(x)["extracted"] > 0)
    (out / victim["part"]).unlink()
    manifest.write_text(
        "".join(x + "\n" for x in lines if json.loads(x)["chunk"] != victim["chunk"])
    )
    third = run_batch(inputs, str(out), scheduler=cluster, chunk_bytes=CHUNK_BYTES)
    assert (third.finished, third.skipped) == (1, summary.chunks - 1)
    assert third.extracted == victim["extracted"]
    assert _by_source(iter_records(str(out))) == records
    assert set(done_chunks(str(out))) == {json.loads(x)["chunk"] for x in lines}


@pytest.mark.parametrize("on_cluster", [False, True], ids=["this process", "cluster"])
def test_a_failed_task_is_recorded_and_retried_next_run(corpus, tmp_path, request, on_cluster):
    where = {"scheduler": request.getfixturevalue("cluster")} if on_cluster else {"workers": 0}
    blocker = tmp_path / "evidence"
    blocker.write_text("a file where the evidence folder goes: the part cannot be written")
    failed = run_batch([str(corpus["small"])], str(tmp_path), **where)
    assert (failed.failed, failed.finished) == (1, 0)
    assert read_errors(str(tmp_path))[0]["message"].startswith("task failed: FileExistsError: ")
    assert done_chunks(str(tmp_path)) == {}
    blocker.unlink()
    retried = run_batch([str(corpus["small"])], str(tmp_path), **where)
    assert (retried.failed, retried.finished, retried.extracted) == (0, 1, 5)


def test_records_are_what_extract_prints_and_load_accepts(corpus, first_run):
    from sanctuary_tracker.extract.codebook import load_codebook
    from sanctuary_tracker.places.gazetteer import load_gazetteer
    from sanctuary_tracker.store.validate import check_record

    _, out, _ = first_run
    gazetteer, codebook = load_gazetteer(), load_codebook()

    def known(lookup):
        def check(key):
            try:
                lookup(key)
            except KeyError:
                return False
            return True

        return check

    records = list(iter_records(str(out)))
    for record in records:
        check_record(
            record,
            known_ocd_id=known(gazetteer.by_ocd_id),
            known_geoid=known(gazetteer.by_geoid),
            codebook=codebook,
        )
    one = sorted(corpus["loose"].glob("*.txt"))[0]
    printed = subprocess.run(
        [sys.executable, "-m", "sanctuary_tracker.cli", "extract", "--format", "jsonl", str(one)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert json.loads(printed) == next(r for r in records if r["source"] == str(one))


def test_cli_jsonl_output_with_a_scheduler(corpus, cluster, first_run, tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main,
        [
            *("batch", str(corpus["small"]), str(corpus["loose"] / "*.txt")),
            *("--out", str(out), "--scheduler", cluster, "--format", "jsonl"),
        ],
    )
    assert result.exit_code == 0, result.output
    # the three text files are one group, unless a path's hash ends a group early
    chunks = len(
        plan_chunks([str(corpus["small"]), *sorted(map(str, corpus["loose"].glob("*.txt")))])
    )
    assert (
        f"4 inputs, {chunks} chunks ({chunks} run, 0 already done); 13 documents, 8 relevant"
        in (result.output)
    )
    parts = sorted((out / "evidence").glob("part-*.jsonl"))
    assert len(parts) == chunks
    lines = [json.loads(x) for p in parts for x in p.read_text().splitlines()]
    wanted = {str(corpus["small"])} | {str(p) for p in corpus["loose"].glob("*.txt")}
    parquet = [r for r in iter_records(str(first_run[1])) if r["source"].split("#")[0] in wanted]
    assert _by_source(lines) == _by_source(parquet)


def test_no_dask_until_batch_runs():
    code = "import sys, sanctuary_tracker.cli; print(sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')))"
    printed = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert printed.strip() == "[]"


def test_out_folder_inside_an_input_folder_is_not_read(corpus, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_bytes(dev_texts(SHARED)[0][1])
    first = run_batch([str(folder)], str(folder / "out"), workers=0, fmt="jsonl")
    second = run_batch([str(folder)], str(folder / "out"), workers=0, fmt="jsonl")
    assert (first.inputs, first.extracted, second.inputs, second.finished) == (1, 1, 1, 0)
    assert os.path.isfile(folder / "out" / MANIFEST)


def _profilers(dask_worker):
    return sorted(k for k in dask_worker.periodic_callbacks if k.startswith("profile"))


def test_workers_are_prepared_and_do_not_sample_frames(first_run, cluster):
    """The worker plugin stops Dask's profiler (its frames would free HTML trees on the
    wrong thread) and loads the gazetteer once."""
    from distributed import Client

    with Client(cluster) as client:
        assert set(map(tuple, client.run(_profilers).values())) == {()}
        ready = client.run(lambda: __import__("gc").get_freeze_count() > 100_000)
        assert all(ready.values()) and len(ready) == 2


def test_a_new_plan_of_the_same_inputs_replaces_the_old_parts(corpus, tmp_path):
    """Other chunk sizes or another format: the old parts of those inputs go, so that no
    record is there twice; parts of inputs this run was not given stay."""
    big, small, out = str(corpus["big"]), str(corpus["small"]), str(tmp_path)
    expected = _by_source(serial_evidence([big, small]).records)
    run_batch([big], out, workers=0, chunk_bytes=CHUNK_BYTES)
    run_batch([small], out, workers=0, fmt="jsonl")  # another input: kept
    assert _by_source(iter_records(out)) == expected
    coarser = run_batch([big], out, workers=0, chunk_bytes=4 * CHUNK_BYTES)
    # a chunk both plans share (same byte range) is kept; the others are redone
    assert coarser.finished >= 1 and coarser.finished + coarser.skipped == coarser.chunks
    assert coarser.chunks < summary_chunks(big)
    assert _by_source(iter_records(out)) == expected
    # a part no manifest line names (a run stopped between the two) is not kept
    part = next((tmp_path / "evidence").glob("*.parquet"))
    stray = part.with_name("part-0000.parquet")
    stray.write_bytes(part.read_bytes())
    as_jsonl = run_batch([big], out, workers=0, chunk_bytes=4 * CHUNK_BYTES, fmt="jsonl")
    assert not stray.exists()
    assert as_jsonl.finished == coarser.chunks
    assert not list((tmp_path / "evidence").glob("*.parquet"))
    assert _by_source(iter_records(out)) == expected


def summary_chunks(path: str) -> int:
    return len(plan_chunks([path], chunk_bytes=CHUNK_BYTES))
