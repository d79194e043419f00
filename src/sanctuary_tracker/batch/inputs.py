"""What a batch run reads: INPUT arguments (folders, globs, files) to a sorted list of files."""

from __future__ import annotations

import glob
import os
from dataclasses import dataclass, field

_GLOB_CHARS = frozenset("*?[")


@dataclass
class Inputs:
    """The files to read, in a stable order, and the arguments that named none."""

    files: list[str] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)  # (argument, problem)


def expand_inputs(arguments: list[str] | tuple[str, ...]) -> Inputs:
    """Folders are walked recursively (hidden files and folders skipped), globs expanded
    (``**`` included), files kept. Paths are made absolute, so that record names and the
    manifest do not depend on the working folder; each file is listed once."""
    found = Inputs()
    seen: set[str] = set()
    for argument in arguments:
        if os.path.isdir(argument):
            paths = _walk(argument)
        elif os.path.isfile(argument):
            paths = [argument]
        elif _GLOB_CHARS & set(argument):
            paths = sorted(p for p in glob.glob(argument, recursive=True) if os.path.isfile(p))
            if not paths:
                found.problems.append((argument, "matches no file"))
        else:
            found.problems.append((argument, "no such file or folder"))
            paths = []
        for path in paths:
            path = os.path.abspath(path)
            if path not in seen:
                seen.add(path)
                found.files.append(path)
    return found


def _walk(folder: str) -> list[str]:
    paths = []
    for root, folders, names in os.walk(folder):
        folders[:] = sorted(f for f in folders if not f.startswith("."))
        paths += [os.path.join(root, n) for n in sorted(names) if not n.startswith(".")]
    return paths
