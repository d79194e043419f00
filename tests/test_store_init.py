"""``sanctuary init`` and the store's setup: idempotent, the reference data complete, the
database named in errors, and the library core free of Django."""

from __future__ import annotations

import subprocess
import sys

from click.testing import CliRunner
from store_support import SAMPLES, count, sanctuary

from sanctuary_tracker.cli import main


def test_init_again_changes_nothing(store):
    result = CliRunner().invoke(main, ["init"], catch_exceptions=False)
    assert result.exit_code == 0
    assert "migrations applied: 0" in result.output
    assert "jurisdictions: 0 inserted, 0 updated, 39285 unchanged" in result.output
    assert "provisions: 0 inserted, 0 updated, 18 unchanged" in result.output
    assert count("store_jurisdiction") == 39285


def test_init_restores_a_changed_jurisdiction(store):
    from sanctuary_tracker.store.init import load_jurisdictions
    from sanctuary_tracker.store.models import Jurisdiction

    chelsea = "ocd-division/country:us/state:ma/place:chelsea"
    Jurisdiction.objects.filter(ocd_id=chelsea).update(name="Chelsey")
    assert load_jurisdictions() == {"inserted": 0, "updated": 1, "unchanged": 39284}
    assert Jurisdiction.objects.get(ocd_id=chelsea).name == "Chelsea"


def test_init_makes_a_new_sqlite_store_and_refuses_unknown_databases(tmp_path):
    url = f"sqlite:///{tmp_path / 'fresh' / 'store.db'}"
    made = sanctuary("init", env={"DATABASE_URL": url})
    assert made.returncode == 0, made.stderr
    assert "jurisdictions: 39285 inserted" in made.stdout
    bad = sanctuary("init", env={"DATABASE_URL": "mysql://localhost/x"})
    assert bad.returncode == 1
    assert bad.stderr == (
        "sanctuary: error: DATABASE_URL 'mysql://localhost/x': unsupported database "
        "(use sqlite:///path/to/file.db or postgresql://...)\n"
    )


def test_commands_on_a_store_not_initialised_say_so(tmp_path):
    url = f"sqlite:///{tmp_path / 'empty.db'}"
    result = sanctuary("load", "x.jsonl", "--user", "u", env={"DATABASE_URL": url})
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"sanctuary: error: database {url} is not initialised: run `sanctuary init` first"
    )


def test_read_and_extract_never_import_django():
    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from sanctuary_tracker.cli import main\n"
        f"r = CliRunner().invoke(main, ['extract', {str(SAMPLES / 'doj-list-2025-08-05.txt')!r}])\n"
        "assert r.exit_code == 0, r.output\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('django', 'psycopg')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_every_store_command_is_in_the_readme():
    from sanctuary_tracker.cli.review import review
    from sanctuary_tracker.cli.store import ingest, init, load, users

    readme = (SAMPLES.parent.parent.parent / "README.md").read_text()
    section = readme[readme.index("## The store") :]
    names = [f"sanctuary {c.name}" for c in (init, ingest, load)]
    names += [f"sanctuary users {name}" for name in users.commands if name != "list"]
    names += [f"sanctuary review {name}" for name in review.commands]
    for name in names:
        first = name.split()[-1]
        assert name in section or f"|{first}" in section or f"{first}|" in section, name
