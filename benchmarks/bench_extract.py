"""Extraction cost beside reading: documents per second for read alone and for read + extract
on the same corpus, in one run, on one core.

Corpus: the HTML pages of ../shared/bench/article-extraction and the text documents of
../shared/eval/dev (files read from disk; a second pass is timed, after a warm-up pass that
loads the gazetteer and builds the name automaton, costs paid once per process).
Floor (issue 15): read + extract takes at most 1.5 times as long as read alone.

The two are timed in rounds, side by side (``timing.paired``): each round's ratio is taken,
and the floor is judged on the median of the rounds' ratios. (Best-of-N of each, taken one
after the other, moved by ±8% between runs minutes apart on a shared machine: its speed
drifts between the two batches.)

Run: ``.venv/bin/python benchmarks/bench_extract.py [--rounds N]``. It exits non-zero when
the corpus is missing or the floor is missed.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
from pathlib import Path

from timing import best_of, paired, pin_to_one_core

FLOOR = 1.5  # read + extract over read alone, at most

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def corpus(shared: Path) -> list[Path]:
    pages = sorted((shared / "bench" / "article-extraction" / "html").glob("*"))
    texts = sorted((shared / "eval" / "dev").glob("*.txt"))
    return pages + texts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=SHARED, help="the shared folder")
    parser.add_argument(
        "--rounds", type=int, default=7, help="rounds of read alone beside read + extract"
    )
    args = parser.parse_args()
    paths = corpus(args.shared)
    if not paths:
        print(f"bench_extract: no documents found under {args.shared}", file=sys.stderr)
        return 1
    pin_to_one_core()

    from sanctuary_tracker.extract.stage import extract
    from sanctuary_tracker.read import read

    sources = [str(p) for p in paths]
    documents = [read(s) for s in sources]  # warm-up: imports, caches
    for document in documents:
        extract(document)
    gc.collect()
    gc.freeze()  # as `sanctuary extract` does after its one-time setup

    def read_only():
        for source in sources:
            read(source)

    def read_and_extract():
        for source in sources:
            extract(read(source))

    def extract_only():
        for document in documents:
            extract(document)

    if args.rounds < 1:
        parser.error(f"--rounds must be at least 1, not {args.rounds}")
    pairs = paired(args.rounds, read_only, read_and_extract)
    ratios = sorted(both / alone for alone, both in pairs)
    t_read = min(alone for alone, _ in pairs)
    t_both = min(both for _, both in pairs)
    t_extract = best_of(3, extract_only)
    n = len(sources)
    characters = sum(len(d.body) for d in documents)
    print(f"{n} documents ({characters / 1e6:.2f} M characters of body text); one core")
    print(f"read alone          {n / t_read:8.1f} docs/s  ({t_read:.2f} s)")
    print(f"read + extract      {n / t_both:8.1f} docs/s  ({t_both:.2f} s)")
    print(f"extract alone       {n / t_extract:8.1f} docs/s  ({t_extract:.2f} s)")
    print(f"(the fastest of {args.rounds} rounds each; extract alone, of 3)")
    ratio = statistics.median(ratios)
    verdict = "MEETS" if ratio <= FLOOR else "MISSES"
    print(
        f"read + extract over read alone, round by round: {ratios[0]:.2f}x to "
        f"{ratios[-1]:.2f}x; of the fastest of each: {t_both / t_read:.2f}x"
    )
    print(
        f"read + extract takes {ratio:.2f}x the time of reading (the median round): "
        f"{verdict} the floor (at most {FLOOR}x)"
    )
    return 0 if ratio <= FLOOR else 1


if __name__ == "__main__":
    sys.exit(main())
