"""Peak memory of reading and extracting the largest input each default limit allows.

Generates, in a temporary folder, one input per type at its default size limit:

* text: ``SANCTUARY_MAX_TEXT_BYTES`` (16 MiB) of news-like prose, built from varied
  sentences (places, people, quotes, amounts; seeded, so every run reads the same bytes),
* html: ``SANCTUARY_MAX_HTML_BYTES`` (16 MiB), the same prose as an article page
  (header, navigation, paragraphs, figures, footer),
* pdf: ``SANCTUARY_MAX_PDF_PAGES`` (2,000) pages of that prose with uncompressed content
  streams, about ``SANCTUARY_MAX_PDF_BYTES`` (100 MiB) in all (written by
  ``tests/fixtures/make_fixtures.py``; text past the text limit is not read),

then reads and extracts each in a fresh Python process (after one warm-up process that
fills the caches a first run writes: the name automaton and the given-name counts; a
first run ever adds up to about 190 MB for the latter) and prints that process's peak
resident memory (VmHWM) after the imports, after reading, once the places are resolved
(extraction's first step) and after extracting,
with the time each step took. Reading and extracting run under the time limits `sanctuary
extract` applies (``SANCTUARY_READ_SECONDS``, ``SANCTUARY_EXTRACT_SECONDS``): a step cut
off by one is reported, with the peak it reached until then, as in a real run. The floor
(issue 16): under 500 MB at every step.

Run: ``.venv/bin/python benchmarks/bench_memory.py [--types text,html,pdf] [--scale 1.0]``
(``--scale 0.1`` builds inputs a tenth of the size, for a quick look). It exits non-zero
when a peak is over ``--floor`` megabytes (default 500).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MIB = 1024 * 1024

PLACES = [
    "Boston",
    "Chelsea, Massachusetts",
    "Cook County",
    "Denver",
    "Santa Clara County",
    "Austin, Texas",
    "Philadelphia",
    "Miami-Dade County",
    "Seattle",
    "New Haven, Connecticut",
    "Harris County",
    "Portland, Oregon",
]
PEOPLE = [
    "Mayor Marty Walsh",
    "Sheriff Tom Dart",
    "Governor Jay Inslee",
    "Police Chief Art Acevedo",
    "County Executive Carlos Gimenez",
    "Council Member Ana Lopez",
    "Attorney General Jeff Sessions",
]
SUBJECTS = [
    "the city council",
    "the county board",
    "the sheriff's office",
    "state lawmakers",
    "the police department",
    "immigration advocates",
    "federal officials",
]
ACTIONS = [
    "voted to stop honoring ICE detainers without a judicial warrant",
    "approved an ordinance limiting cooperation with federal immigration agents",
    "ended its 287(g) agreement with Immigration and Customs Enforcement",
    "refused to hold inmates past their release dates for immigration authorities",
    "adopted a policy that bars officers from asking about immigration status",
    "reversed a rule that kept jail records from federal agents",
    "debated whether to join the lawsuit over federal grant conditions",
]
REASONS = [
    "after months of public hearings",
    "citing a federal court ruling on detainers",
    "despite warnings that it could lose grant money",
    "following a request from community groups",
    "in a meeting that ran past midnight",
]
QUOTES = [
    "We will not be an arm of federal immigration enforcement",
    "Public safety depends on trust between residents and police",
    "The law requires us to cooperate, and we intend to follow it",
    "Nobody should be afraid to call the police",
]


def sentence(rng: random.Random) -> str:
    kind = rng.randrange(4)
    place, person = rng.choice(PLACES), rng.choice(PEOPLE)
    if kind == 0:
        return f"In {place}, {rng.choice(SUBJECTS)} {rng.choice(ACTIONS)} {rng.choice(REASONS)}."
    if kind == 1:
        return f'"{rng.choice(QUOTES)}," {person} of {place} said on {rng.choice(DAYS)}.'
    if kind == 2:
        amount = rng.randrange(1, 900) * 1000
        return (
            f"{place} stands to lose ${amount:,} in Byrne JAG grants, {person} said,"
            f" a figure {rng.choice(SUBJECTS)} disputed."
        )
    return (
        f"{rng.choice(SUBJECTS).capitalize()} in {place} {rng.choice(ACTIONS)},"
        f" {rng.randrange(2, 40)} days after {rng.choice(SUBJECTS)} {rng.choice(ACTIONS)}."
    )


DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def paragraphs(rng: random.Random):
    """An endless supply of paragraphs of three to seven sentences."""
    while True:
        yield " ".join(sentence(rng) for _ in range(rng.randrange(3, 8)))


def make_text(size: int) -> bytes:
    rng = random.Random(16)
    out, total = ["Cities weigh limits on immigration cooperation\n\n"], 0
    for paragraph in paragraphs(rng):
        if total + len(paragraph) + 2 > size - 64:
            break
        out.append(paragraph + "\n\n")
        total += len(paragraph) + 2
    return "".join(out).encode("utf-8")


def make_html(size: int) -> bytes:
    rng = random.Random(16)
    head = (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        "<title>Cities weigh limits on immigration cooperation</title>"
        "<meta property='og:site_name' content='The Example Ledger'>"
        "<meta name='author' content='Jane Reporter'>"
        "<meta property='article:published_time' content='2017-03-02T10:00:00Z'>"
        "</head><body><header><nav><a href='/'>Home</a> <a href='/news'>News</a>"
        " <a href='/politics'>Politics</a></nav></header><main><article>"
        "<h1>Cities weigh limits on immigration cooperation</h1>"
        "<p class='byline'>By Jane Reporter</p>"
    )
    tail = "</article></main><footer><p>&copy; 2017 The Example Ledger</p></footer></body></html>"
    out, total = [head], len(head) + len(tail)
    for n, paragraph in enumerate(paragraphs(rng)):
        block = f"<p>{paragraph}</p>\n"
        if n % 40 == 39:
            block += (
                "<figure><img src='/photo.jpg' alt=''><figcaption>A council meeting in"
                f" {rng.choice(PLACES)}. (Photo: Staff)</figcaption></figure>\n"
            )
        if total + len(block) > size:
            break
        out.append(block)
        total += len(block)
    out.append(tail)
    return "".join(out).encode("utf-8")


def make_pdf(size: int, pages: int) -> bytes:
    """A PDF of ``pages`` text pages, about ``size`` bytes, content streams uncompressed
    (written by the test fixtures' minimal PDF writer)."""
    sys.path.insert(0, str(ROOT / "tests" / "fixtures"))
    from make_fixtures import build_pdf

    rng = random.Random(16)
    supply = paragraphs(rng)
    per_page = max(1, int(size / pages * 0.97))
    texts = []
    for _ in range(pages):
        lines, length = [], 0
        while length < per_page:
            words = next(supply).split()
            for start in range(0, len(words), 14):
                lines.append(" ".join(words[start : start + 14]))
                length += len(lines[-1]) + 8
        texts.append(lines)
    info = {"Title": "Cities weigh limits", "CreationDate": "D:20170302100000Z"}
    return build_pdf(texts, info=info)


def peak_mb() -> float:
    """This process's peak resident memory, in MB (10^6 bytes).

    VmHWM is the high-water mark of this process's own memory; ru_maxrss (the fallback
    off Linux) would also carry the parent's peak across fork and exec."""
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 1e6
    kib = next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:"))
    return int(kib) * 1024 / 1e6


def child(path: str, read_only: bool) -> None:
    """Read and extract one file in this fresh process, under the time limits `sanctuary
    extract` applies; print the figures as JSON."""
    sys.path.insert(0, str(ROOT / "src"))
    from sanctuary_tracker.errors import ReadError
    from sanctuary_tracker.extract.stage import extract, prepare
    from sanctuary_tracker.read import read
    from sanctuary_tracker.read.deadline import time_limit
    from sanctuary_tracker.settings import ReadLimits

    prepare()
    figures = {"imports_mb": peak_mb()}
    started = time.perf_counter()
    try:
        document = read(path)
    except ReadError as error:  # the read time limit: the peak until then still counts
        document, figures["read_error"] = None, str(error).rsplit(": ", 1)[-1]
    figures |= {"read_s": time.perf_counter() - started, "read_mb": peak_mb()}
    figures |= {"body_chars": len(document.body) if document else 0}
    figures |= {"extract_s": 0.0, "places_mb": 0.0, "extract_mb": 0.0}
    if document and not read_only:
        # The peak once places are resolved (the first step), apart from the rest.
        from sanctuary_tracker.extract import stage

        resolve = stage.resolve_places

        def resolve_and_measure(text):
            found = resolve(text)
            figures["places_mb"] = peak_mb()
            return found

        stage.resolve_places = resolve_and_measure
        started = time.perf_counter()
        try:
            with time_limit(ReadLimits.from_env().extract_seconds, path, "extract evidence from"):
                extract(document)
        except ReadError:
            figures["timed_out"] = True
        figures |= {"extract_s": time.perf_counter() - started, "extract_mb": peak_mb()}
    print(json.dumps(figures))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--types", default="text,html,pdf", help="comma-separated types")
    parser.add_argument("--scale", type=float, default=1.0, help="input size, times the limit")
    parser.add_argument("--floor", type=float, default=500, help="peak allowed, in MB")
    parser.add_argument("--read-only", action="store_true", help="read, do not extract")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.read_only)
        return 0
    sys.path.insert(0, str(ROOT / "src"))
    from sanctuary_tracker.settings import ReadLimits

    limits = ReadLimits.from_env()
    makers = {
        "text": ("input.txt", lambda: make_text(int(limits.max_text_bytes * args.scale))),
        "html": ("input.html", lambda: make_html(int(limits.max_html_bytes * args.scale))),
        "pdf": (
            "input.pdf",
            lambda: make_pdf(
                int(limits.max_pdf_bytes * args.scale * 0.98),
                max(1, int(limits.max_pdf_pages * args.scale)),
            ),
        ),
    }
    # One warm-up process fills the caches a first run writes (the name automaton, the
    # given-name counts), so that the figures are those of every later run.
    warm = "from sanctuary_tracker.extract.stage import extract, prepare; prepare();"
    warm += " from sanctuary_tracker.text.given_names import births; births('julio')"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    subprocess.run([sys.executable, "-c", warm], check=True, env=env)
    over = 0
    print(
        f"{'type':<5} {'input':>9} {'body':>11} {'imports':>8} {'read':>8} {'places':>8}"
        f" {'extract':>8}"
        f" {'read s':>7} {'extr. s':>7}"
    )
    with tempfile.TemporaryDirectory() as folder:
        for kind in args.types.split(","):
            name, make = makers[kind]
            path = Path(folder) / name
            path.write_bytes(make())
            done = subprocess.run(
                [sys.executable, __file__, "--child", str(path)] + ["--read-only"] * args.read_only,
                capture_output=True,
                text=True,
                check=False,
            )
            if done.returncode:
                print(f"{kind}: failed\n{done.stderr.strip()}", file=sys.stderr)
                over += 1
                continue
            f = json.loads(done.stdout.strip().splitlines()[-1])
            print(
                f"{kind:<5} {path.stat().st_size / MIB:>5.1f} MiB {f['body_chars']:>11,}"
                f" {f['imports_mb']:>5.0f} MB {f['read_mb']:>5.0f} MB {f['places_mb']:>5.0f} MB"
                f" {f['extract_mb']:>5.0f} MB"
                f" {f['read_s']:>7.1f} {f['extract_s']:>7.1f}"
                + (" (extraction hit the time limit)" if f.get("timed_out") else "")
                + (f" (read: {f['read_error']})" if f.get("read_error") else "")
            )
            over += max(f["read_mb"], f["extract_mb"]) > args.floor
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
