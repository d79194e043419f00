"""The resolver's automaton cache: read back when whole, rebuilt when not, never a failure."""

from __future__ import annotations

import ast
from pathlib import Path

import ahocorasick
import pytest

from sanctuary_tracker.places import automaton_cache
from sanctuary_tracker.places.automaton import build_automaton
from sanctuary_tracker.places.automaton_cache import cached_automaton
from sanctuary_tracker.places.folding import marked
from sanctuary_tracker.places.gazetteer import load_gazetteer

PLACES = Path(automaton_cache.__file__).parent
TEXT = "Officials in Chelsea, Mass., and in Nassau County on Long Island said so."


class Builds:
    """A small automaton's build, counted."""

    def __init__(self, words=("^chelsea", "^nassau")):
        self.count, self.words = 0, words

    def __call__(self):
        self.count += 1
        automaton = ahocorasick.Automaton()
        for word in self.words:
            automaton.add_word(word, (len(word), word))
        automaton.make_automaton()
        return automaton


def found(automaton, text: str = TEXT) -> list:
    return list(automaton.iter_long(marked(text)))


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv(automaton_cache.CACHE_ENV, str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_built_once_then_read_back(folder):
    build = Builds()
    first = cached_automaton("a" * 64, build)
    files = list(folder.glob("automaton-*.pickle"))
    assert build.count == 1 and len(files) == 1
    again = cached_automaton("a" * 64, build)
    assert build.count == 1  # read, not built
    assert found(again) == found(first)
    assert [key for _, (_, key) in found(again)] == ["^chelsea", "^nassau"]


def test_another_gazetteer_is_another_file(folder):
    build = Builds()
    cached_automaton("a" * 64, build)
    cached_automaton("b" * 64, build)
    assert build.count == 2 and len(list(folder.glob("automaton-*.pickle"))) == 2


@pytest.mark.parametrize("damage", [b"", b"not a pickle", b"\x80\x05K\x01."])
def test_a_damaged_file_is_rebuilt(folder, damage):
    build = Builds()
    cached_automaton("a" * 64, build)
    (path,) = folder.glob("automaton-*.pickle")
    path.write_bytes(damage)  # truncated, garbage, a pickle of something else
    assert found(cached_automaton("a" * 64, build)) == found(build())
    assert build.count == 3
    cached_automaton("a" * 64, build)
    assert build.count == 3  # the rebuilt file is whole again


def test_an_unwritable_folder_is_not_used(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv(automaton_cache.CACHE_ENV, str(blocker / "cache"))
    build = Builds()
    assert found(cached_automaton("a" * 64, build)) == found(build())
    assert found(cached_automaton("a" * 64, build)) == found(build())
    assert build.count == 4


def test_an_empty_setting_turns_the_cache_off(tmp_path, monkeypatch):
    monkeypatch.setenv(automaton_cache.CACHE_ENV, "")
    monkeypatch.chdir(tmp_path)
    build = Builds()
    cached_automaton("a" * 64, build)
    cached_automaton("a" * 64, build)
    assert build.count == 2 and not list(tmp_path.rglob("automaton-*"))


def test_the_cached_gazetteer_automaton_finds_what_a_fresh_one_finds(folder):
    gazetteer = load_gazetteer()
    assert gazetteer.digest and len(gazetteer.digest) == 64
    fresh = build_automaton(gazetteer)
    cached_automaton(gazetteer.digest, lambda: fresh)
    read_back = cached_automaton(gazetteer.digest, lambda: pytest.fail("built again"))
    assert read_back is not fresh
    assert found(read_back) == found(fresh) and found(fresh)
    assert len(read_back) == len(fresh)


def _places_imports(module: str) -> set[str]:
    """The ``places`` modules that ``module`` imports (read with ast)."""
    tree = ast.parse((PLACES / f"{module}.py").read_text())
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "sanctuary_tracker.places":
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            package, _, name = node.module.rpartition(".")
            if package == "sanctuary_tracker.places":
                found.add(name)
    return found


def test_the_key_covers_the_code_that_makes_the_keys():
    """The cache's key holds the source of every module the automaton is built with (but the
    cache's own and the gazetteer's, whose file's digest is in the key), so a change to how
    names are spelled, folded or marked makes a new file rather than reading a stale one."""
    modules, todo = set(), ["automaton"]
    while todo:
        module = todo.pop()
        if module not in modules and module not in {"automaton_cache", "gazetteer"}:
            modules.add(module)
            todo += sorted(_places_imports(module))
    assert {f"{m}.py" for m in modules} == set(automaton_cache._KEY_SOURCES)
