"""Benchmark HTML main-content extraction: our reader against trafilatura and resiliparse.

Reads the article-extraction benchmark (gzipped pages and ``ground-truth.json``) from
``../shared/bench/article-extraction`` (relative to the repository; ``--bench`` overrides)
and prints precision, recall, F1, accuracy and documents per second (one core) for:

* our reader through ``document_from_bytes`` (decoding, fingerprinting, language included),
* our bare ``read_html``,
* trafilatura default and fast mode (``include_comments=False``),
* resiliparse main-content extraction.

Scoring: text is split into ``\\w+`` tokens; each page's prediction and truth become
multisets of word 4-grams; per page the overlap (true positives), the prediction's excess
(false positives) and the truth's remainder (false negatives) are normalised so that
tp + fp + fn = 1; these are summed over pages; P = TP / (TP + FP), R = TP / (TP + FN),
F1 is their harmonic mean; accuracy is the share of pages whose token sequence equals
the truth's.

Run: ``.venv/bin/python benchmarks/bench_read.py [--repeat N]``. It exits non-zero when
the benchmark folder is missing.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import os
import re
import sys
import time
import warnings
from collections import Counter
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_BENCH = REPO.parent / "shared" / "bench" / "article-extraction"
_TOKEN = re.compile(r"\w+")
NGRAM = 4


# ----------------------------------------------------------------------------- scoring


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text or "")


def shingles(toks: list[str], n: int = NGRAM) -> Counter:
    """The multiset of word n-grams; a text shorter than n words is one shingle."""
    if len(toks) < n:
        return Counter([tuple(toks)]) if toks else Counter()
    return Counter(tuple(toks[i : i + n]) for i in range(len(toks) - n + 1))


def page_counts(predicted: str, truth: str) -> tuple[float, float, float]:
    """Normalised (tp, fp, fn) of one page, summing to 1 (all zero when both are empty)."""
    pred, true = shingles(tokens(predicted)), shingles(tokens(truth))
    tp = sum((pred & true).values())
    fp = sum((pred - true).values())
    fn = sum((true - pred).values())
    total = tp + fp + fn
    if total == 0:
        return 0.0, 0.0, 0.0
    return tp / total, fp / total, fn / total


def score(predictions: dict[str, str], truth: dict[str, str]) -> dict[str, float]:
    tp = fp = fn = 0.0
    exact = 0
    for key, true_text in truth.items():
        predicted = predictions.get(key, "")
        a, b, c = page_counts(predicted, true_text)
        tp, fp, fn = tp + a, fp + b, fn + c
        exact += tokens(predicted) == tokens(true_text)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "accuracy": exact / len(truth) if truth else 0.0,
    }


def page_scores(predictions: dict[str, str], truth: dict[str, str]) -> dict[str, tuple]:
    """Per-page (tp, fp, fn), for looking at where an extractor goes wrong."""
    return {k: page_counts(predictions.get(k, ""), t) for k, t in truth.items()}


# ----------------------------------------------------------------------------- data


def load(bench: Path) -> tuple[dict[str, bytes], dict[str, str], dict[str, str]]:
    """Raw page bytes, truth texts and page URLs, by page id."""
    truth_file = bench / "ground-truth.json"
    html_dir = bench / "html"
    if not truth_file.is_file() or not html_dir.is_dir():
        sys.exit(
            f"bench_read: error: benchmark folder {bench} is missing or incomplete "
            "(need ground-truth.json and html/); pass --bench PATH"
        )
    ground = json.loads(truth_file.read_text(encoding="utf-8"))
    pages, truth, urls = {}, {}, {}
    for key, entry in sorted(ground.items()):
        path = html_dir / f"{key}.html.gz"
        if not path.is_file():
            continue
        pages[key] = gzip.decompress(path.read_bytes())
        truth[key] = entry.get("articleBody") or ""
        urls[key] = entry.get("url")
    if not pages:
        sys.exit(f"bench_read: error: no pages found under {html_dir}")
    return pages, truth, urls


# ----------------------------------------------------------------------------- extractors


def make_extractors(urls: dict[str, str]) -> dict[str, tuple[str, Callable]]:
    """name -> (input kind 'bytes' or 'text', function(key, data) -> text)."""
    import trafilatura
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.html import HTMLTree

    from sanctuary_tracker.errors import ReadError
    from sanctuary_tracker.read import document_from_bytes
    from sanctuary_tracker.read.html import read_html
    from sanctuary_tracker.settings import ReadLimits

    limits = ReadLimits()

    def ours_full(key, data):
        try:
            return document_from_bytes(
                data,
                source=key,
                name=f"{key}.html",
                declared_type="text/html",
                url=urls.get(key),
                limits=limits,
            ).body
        except ReadError:
            return ""

    def ours_bare(key, text):
        try:
            return read_html(text, source=key, url=urls.get(key), limits=limits).body
        except ReadError:
            return ""

    def ours_fast_only(key, text):
        # the fast pass alone (no trafilatura second pass), for comparison
        from sanctuary_tracker.read import html_body

        html_body.FAST_ONLY = True
        try:
            return ours_bare(key, text)
        finally:
            html_body.FAST_ONLY = False

    def traf_default(key, text):
        return trafilatura.extract(text, include_comments=False) or ""

    def traf_fast(key, text):
        return trafilatura.extract(text, include_comments=False, fast=True) or ""

    def resili(key, text):
        return extract_plain_text(
            HTMLTree.parse(text),
            main_content=True,
            comments=False,
            alt_texts=False,
            list_bullets=False,
        )

    return {
        "ours (document_from_bytes)": ("bytes", ours_full),
        "ours (read_html)": ("text", ours_bare),
        "ours (fast pass only)": ("text", ours_fast_only),
        "trafilatura default": ("text", traf_default),
        "trafilatura fast": ("text", traf_fast),
        "resiliparse main_content": ("text", resili),
    }


def run(func, inputs: dict, repeat: int) -> tuple[dict[str, str], float]:
    """Outputs and best-of-``repeat`` documents per second."""
    best = float("inf")
    outputs: dict[str, str] = {}
    first = next(iter(inputs.items()), None)
    if first is not None:
        func(*first)  # warm-up: imports and caches are not counted
    for _ in range(repeat):
        start = time.perf_counter()
        outputs = {key: func(key, data) for key, data in inputs.items()}
        best = min(best, time.perf_counter() - start)
    return outputs, len(inputs) / best if best > 0 else float("inf")


def pin_one_core() -> None:
    if hasattr(os, "sched_setaffinity"):
        with contextlib.suppress(OSError):
            os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Score HTML main-content extractors on the article-extraction benchmark "
        "(word 4-gram precision/recall/F1, exact-match accuracy, documents per second)."
    )
    parser.add_argument(
        "--bench",
        type=Path,
        default=DEFAULT_BENCH,
        help=f"benchmark folder with ground-truth.json and html/ (default {DEFAULT_BENCH})",
    )
    parser.add_argument("--repeat", type=int, default=1, help="time N runs, keep the best")
    parser.add_argument(
        "--only",
        action="append",
        default=None,
        help="run only extractors whose name contains this (repeatable)",
    )
    parser.add_argument(
        "--worst",
        type=int,
        default=0,
        help="also list the N pages where our reader scores worst (F1 per page)",
    )
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")

    pin_one_core()
    warnings.filterwarnings("ignore")
    pages, truth, urls = load(args.bench)
    texts = {key: data.decode("utf-8", errors="replace") for key, data in pages.items()}
    extractors = make_extractors(urls)
    if args.only:
        extractors = {k: v for k, v in extractors.items() if any(o in k for o in args.only)}

    results: dict[str, dict[str, float]] = {}
    outputs_by_name: dict[str, dict[str, str]] = {}
    print(f"{len(pages)} pages from {args.bench}, best of {args.repeat} timing(s), one core")
    print(f"{'extractor':<28} {'P':>6} {'R':>6} {'F1':>6} {'acc':>6} {'docs/s':>8}")
    for name, (kind, func) in extractors.items():
        outputs, rate = run(func, pages if kind == "bytes" else texts, args.repeat)
        result = score(outputs, truth) | {"docs_per_s": rate}
        results[name], outputs_by_name[name] = result, outputs
        print(
            f"{name:<28} {result['precision']:6.3f} {result['recall']:6.3f} "
            f"{result['f1']:6.3f} {result['accuracy']:6.3f} {rate:8.1f}",
            flush=True,
        )

    ours = results.get("ours (document_from_bytes)")
    default, fast = results.get("trafilatura default"), results.get("trafilatura fast")
    if ours and default and fast:
        f1_ok = ours["f1"] >= default["f1"]
        speed_ok = ours["docs_per_s"] >= fast["docs_per_s"]
        print(
            f"floor: F1 {ours['f1']:.3f} >= trafilatura default {default['f1']:.3f}: "
            f"{'yes' if f1_ok else 'NO'}; speed {ours['docs_per_s']:.1f} >= trafilatura fast "
            f"{fast['docs_per_s']:.1f} docs/s: {'yes' if speed_ok else 'NO'} -> "
            f"{'MEETS the floor' if f1_ok and speed_ok else 'BELOW the floor'}"
        )
    if args.worst:
        name = next((n for n in outputs_by_name if n.startswith("ours")), None)
        if name:
            per_page = page_scores(outputs_by_name[name], truth)
            ranked = sorted(per_page.items(), key=lambda kv: kv[1][0])
            print(f"worst {args.worst} pages for {name} (tp, fp, fn):")
            for key, (a, b, c) in ranked[: args.worst]:
                print(f"  {key[:16]} tp={a:.2f} fp={b:.2f} fn={c:.2f} {urls.get(key)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
