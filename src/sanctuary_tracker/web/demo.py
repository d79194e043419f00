"""The demo database: the store initialised (gazetteer, codebook, roles), the bundled
sample documents ingested, the bundled award file imported (real Byrne JAG awards, each row
with its BJA award page), demo users with passwords (the store indexes what it loads for
search as it loads it). The shipped official lists and state laws are read by the classifier as they are."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from sanctuary_tracker.settings import get

DEFAULT_DEMO = Path("data") / "demo.sqlite3"
# Byrne JAG awards as BJA's award pages give them (award number, fiscal year, amount,
# recipient), one page per row in its source_url column; see samples/README.md.
DEMO_AWARDS = "bja-jag-awards.csv"
DEMO_USERS = (("demo-admin", "admin"), ("demo-coder", "coder"), ("demo-reviewer", "reviewer"))


@dataclass
class DemoReport:
    url: str
    documents: dict[str, int]
    passwords: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    awards: int = 0


def demo_url() -> tuple[str, bool]:
    """``DATABASE_URL`` when set, else the default demo file; whether it is the default
    (which is rebuilt from scratch each time)."""
    url = get("DATABASE_URL")
    if url:
        return url, False
    return f"sqlite:///{DEFAULT_DEMO.resolve()}", True


def sample_paths() -> list[str]:
    folder = resources.files("sanctuary_tracker") / "samples"
    return sorted(
        str(p) for p in folder.iterdir() if p.name.endswith((".html", ".txt")) and p.is_file()
    )


def award_path() -> str:
    return str(resources.files("sanctuary_tracker") / "samples" / DEMO_AWARDS)


def remove_sqlite(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def build_demo(url: str) -> DemoReport:
    """Initialise the store at ``url`` (Django must be configured for it) and load the
    samples; idempotent on an existing store."""
    from django.contrib.auth.models import User

    from sanctuary_tracker.store.ingest import ingest_sources
    from sanctuary_tracker.store.init import init_store
    from sanctuary_tracker.store.users import add_user

    init_store()
    passwords = {}
    # The first admin of an empty store needs nobody's leave; on a store the demo already
    # built, demo-admin is that admin and acts for every change, its own included.
    first = not User.objects.filter(username="demo-admin", groups__name="admin").exists()
    for name, role in DEMO_USERS:
        acting = None if first and role == "admin" else "demo-admin"
        user, _ = add_user(name, role, acting=acting)
        password = get("SANCTUARY_DEMO_PASSWORD") or secrets.token_urlsafe(9)
        user.set_password(password)
        user.save()
        passwords[name] = password
    coder = User.objects.get(username="demo-coder")
    problems: list[str] = []
    report = ingest_sources(sample_paths(), user=coder, on_problem=problems.append)
    awards = _import_awards()
    return DemoReport(url, dict(report.counts), passwords, problems, awards)


def _import_awards() -> int:
    """The bundled award file, imported once (a store already holding it keeps its rows);
    how many of its awards the store holds."""
    from sanctuary_tracker.store.funding_load import import_files
    from sanctuary_tracker.store.models import Award

    held = Award.objects.filter(source_file__endswith=DEMO_AWARDS)
    if not held.exists():
        import_files([award_path()])
    return held.count()
