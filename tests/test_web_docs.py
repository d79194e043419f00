"""The README keeps up with the web app: every web command and setting is documented."""

from __future__ import annotations

from conftest import ROOT

from sanctuary_tracker.cli.export import export
from sanctuary_tracker.cli.store import password
from sanctuary_tracker.cli.web import demo, serve
from sanctuary_tracker.settings import settings_help


def web_section() -> str:
    readme = (ROOT / "README.md").read_text()
    start = readme.index("## The web app and API")
    end = readme.find("\n## ", start + 1)
    return readme[start : end if end > 0 else None]


def test_every_web_command_is_in_the_readme():
    section = web_section()
    for command in (demo, serve, password, export):
        assert f"sanctuary {command.name}" in section, command.name
    for option in ("--port", "--host", "--build-only", "--workers", "--threads"):
        assert option in section, option


def test_every_web_setting_is_in_the_readme():
    section = web_section()
    for name in settings_help("web", "demo"):
        assert f"`{name}`" in section, name


def test_make_demo_runs_the_main_job():
    makefile = (ROOT / "Makefile").read_text()
    demo_rule = makefile[makefile.index("\ndemo:") :].split("\n\n")[0]
    assert "sanctuary demo" in demo_rule
