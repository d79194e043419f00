"""The command reference keeps up with the commands: docs/cli.md is every command's --help
as it prints it, the README points to it and names every command, and every option the
README gives a command is one of that command's options."""

from __future__ import annotations

import importlib.util
import re

import click
from conftest import ROOT

from sanctuary_tracker.cli import main
from sanctuary_tracker.cli.common import FORMAT_HELP

REFERENCE = ROOT / "docs" / "cli.md"
README = ROOT / "README.md"


def _builder():
    spec = importlib.util.spec_from_file_location(
        "build_cli_reference", ROOT / "scripts" / "build_cli_reference.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


BUILDER = _builder()
COMMANDS = list(BUILDER.commands(main))


def _section(text: str, path: tuple[str, ...]) -> str:
    start = text.index(f"\n## {' '.join(('sanctuary', *path))}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end > 0 else None]


def test_the_reference_is_current():
    written = REFERENCE.read_text(encoding="utf-8")
    assert written == BUILDER.reference(main), (
        "docs/cli.md is not current: run .venv/bin/python scripts/build_cli_reference.py"
    )


def test_every_option_of_every_command_is_in_its_reference():
    text = REFERENCE.read_text(encoding="utf-8")
    for path, command in COMMANDS:
        section = _section(text, path)
        for param in command.params:
            for option in param.opts if isinstance(param, click.Option) else ():
                assert option in section, f"sanctuary {' '.join(path)}: {option}"


def test_the_readme_names_every_command_and_points_to_the_reference():
    readme = README.read_text(encoding="utf-8")
    assert "](docs/cli.md)" in readme
    for name in main.commands:
        assert re.search(rf"sanctuary {re.escape(name)}\b", readme), name


def _resolve(tokens: list[str]) -> tuple[click.Command, int]:
    command, depth = main, 0
    for token in tokens:
        if not isinstance(command, click.Group) or token not in command.commands:
            break
        command, depth = command.commands[token], depth + 1
    return command, depth


def test_every_option_the_readme_gives_a_command_is_one_of_its_options():
    readme = README.read_text(encoding="utf-8")
    runs = re.findall(r"\bsanctuary((?: [^\s`|;)]+)+)", readme)
    wrong, checked = [], 0
    for run in runs:
        tokens = run.split()
        command, depth = _resolve(tokens)
        if not depth:
            continue
        options = {"--help", "-h"} | {o for p in command.params for o in p.opts}
        options |= {o for p in command.params for o in p.secondary_opts}
        for token in tokens[depth:]:
            if token.startswith("--"):
                checked += 1
                if token.split("=")[0] not in options:
                    wrong.append(f"sanctuary {' '.join(tokens[:depth])} {token}")
    assert checked >= 20  # the README does show options
    assert not wrong, wrong


def test_every_format_option_is_the_shared_one():
    """Every --format is made by cli.common.format_option: its choices out of the shared
    formats, each explained in its help, its default shown; one that offers Parquet (a
    file, not text for a terminal) comes with --output (batch: --out, a folder of parts)."""
    for path, command in COMMANDS:
        shown = f"sanctuary {' '.join(path)}"
        formats = [p for p in command.params if "--format" in getattr(p, "opts", ())]
        if not formats:
            continue
        (option,) = formats
        assert set(option.type.choices) <= set(FORMAT_HELP), shown
        assert option.show_default and option.help, shown
        names = {o for p in command.params for o in p.opts}
        if "parquet" in option.type.choices:
            assert names & {"--output", "--out"}, shown
