"""One home for settings: every environment variable the program reads, declared once with
its default, its help and the part that reads it, and read through ``get`` (which parses
and checks it). The README's settings tables and the commands' --help epilogs show these
declarations (tests/test_settings_docs.py checks the README). Imports no web framework."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any


class SettingError(ValueError):
    """A value a setting cannot take; the message names the variable, its value and the
    problem. Callers turn it into their own refusal (SystemExit, WebConfigError)."""


@dataclass(frozen=True)
class ReadLimits:
    """Size and time bounds for reading one source, so that no input can hang a run."""

    # News pages are rarely over a few MB; a 50 MB "page" is an attack or a mistake.
    max_html_bytes: int = 16 * 1024 * 1024
    max_text_bytes: int = 16 * 1024 * 1024
    # Federal reports run to hundreds of pages; 100 MB covers them.
    max_pdf_bytes: int = 100 * 1024 * 1024
    max_pdf_pages: int = 2000
    # One WARC record; whole WARC files are streamed and have no cap.
    max_record_bytes: int = 16 * 1024 * 1024
    # Bytes taken from a URL before giving up.
    max_fetch_bytes: int = 16 * 1024 * 1024
    fetch_timeout: float = 20.0  # seconds, connect and each read
    # Wall-clock bound on reading one source (parsing, extraction).
    read_seconds: int = 60
    # Wall-clock bound on extracting evidence from one document (extraction is linear in
    # the text: about 4 s per MB of the densest text measured).
    extract_seconds: float = 120.0
    # Deeper HTML nesting than this is refused: parsers recurse on it.
    max_html_depth: int = 512

    @classmethod
    def from_env(cls) -> ReadLimits:
        """Defaults, each overridable as SANCTUARY_<NAME> (e.g. SANCTUARY_MAX_HTML_BYTES);
        a bad value stops the program with one line naming it."""
        try:
            return cls(**{f.name: get(limit_name(f.name)) for f in fields(cls)})
        except SettingError as exc:
            raise SystemExit(f"sanctuary: error: {exc}") from None


def limit_name(field: str) -> str:
    """The environment variable of a ReadLimits field."""
    return "SANCTUARY_" + field.upper()


# Parsers: (setting, the environment's value or None when unset) -> the value in use.
Parser = Callable[["Setting", "str | None"], Any]


def _as_given(setting: Setting, raw: str | None) -> str | None:
    """The value as set (None when unset, "" when set empty: some settings tell them apart)."""
    return raw


def _text(setting: Setting, raw: str | None) -> str:
    """The value without surrounding blanks; "" when unset."""
    return (raw or "").strip()


def _limit(setting: Setting, raw: str | None) -> int | float:
    """A read limit: a number of 0 or more, of its default's kind."""
    if raw is None or raw == "":
        return setting.value
    kind, what = (int, "a whole number") if isinstance(setting.value, int) else (float, "a number")
    try:
        value = kind(raw)
    except ValueError:
        value = None
    if value is None or value < 0:
        raise SettingError(f"{setting.name}={raw!r} is not {what} of 0 or more")
    return value


def _at_least_one(setting: Setting, raw: str | None) -> int:
    """A whole number of at least 1."""
    text = _text(setting, raw)
    if not text:
        return setting.value
    if not text.isdigit() or int(text) < 1:
        raise SettingError(f"{setting.name} {text!r}: use a whole number of at least 1")
    return int(text)


def _run_mode(setting: Setting, raw: str | None) -> str:
    """development or production."""
    value = _text(setting, raw) or setting.value
    if value not in ("development", "production"):
        raise SettingError(f"{setting.name} {value!r}: use development or production")
    return value


def _names(setting: Setting, raw: str | None) -> list[str]:
    """A comma-separated list of names, blanks dropped; [] when unset."""
    return [name for name in (n.strip() for n in (raw or "").split(",")) if name]


@dataclass(frozen=True)
class Setting:
    name: str
    part: str  # what reads it: read, places, store, cli, web or demo
    default: str  # as --help and the README's table show it
    help: str  # one line for --help; names the default
    parse: Parser = _text
    value: Any = None  # the value in use when unset, where the parser needs one


def _mib(value: int) -> str:
    return f"{value // (1024 * 1024)} MiB" if value % (1024 * 1024) == 0 else str(value)


def _limit_setting(field: str, help: str) -> Setting:
    value = next(f.default for f in fields(ReadLimits) if f.name == field)
    shown = _mib(value) if field.endswith("_bytes") else f"{value:g}"
    return Setting(limit_name(field), "read", shown, f"{help} (default {shown})", _limit, value)


SIGNIN_DIR_DEFAULT = "a folder per database"

SETTINGS: tuple[Setting, ...] = (
    _limit_setting("max_html_bytes", "largest HTML page read, in bytes"),
    _limit_setting("max_text_bytes", "largest plain-text file read, in bytes"),
    _limit_setting("max_pdf_bytes", "largest PDF read, in bytes"),
    _limit_setting("max_pdf_pages", "most PDF pages read"),
    _limit_setting("max_record_bytes", "largest WARC record read, in bytes"),
    _limit_setting("max_fetch_bytes", "most bytes taken from a URL"),
    _limit_setting("fetch_timeout", "seconds to wait on a URL's connect and each read"),
    _limit_setting("read_seconds", "wall-clock seconds allowed for reading one source"),
    _limit_setting(
        "extract_seconds", "wall-clock seconds allowed for extracting evidence from one document"
    ),
    _limit_setting("max_html_depth", "deepest HTML element nesting accepted"),
    Setting(
        "SANCTUARY_CACHE",
        "places",
        "$XDG_CACHE_HOME/sanctuary-tracker",
        "folder of the caches (the resolver's automaton, the given names' counts); set "
        "empty to turn caching off "
        "(default $XDG_CACHE_HOME/sanctuary-tracker)",
        _as_given,
    ),
    Setting(
        "XDG_CACHE_HOME",
        "places",
        "~/.cache",
        "the user's cache folder, under which the caches live (default ~/.cache)",
        _as_given,
    ),
    Setting(
        "DATABASE_URL",
        "store",
        "data/sanctuary.sqlite3",
        "the store: sqlite:///path/to/file.db or postgresql://user@host:port/name "
        "(default: sqlite file data/sanctuary.sqlite3 under the current directory)",
    ),
    Setting(
        "SANCTUARY_USER",
        "cli",
        "none",
        "the user name commands act as when --user is not given (default none)",
    ),
    Setting(
        "SANCTUARY_ENV",
        "web",
        "development",
        "development (default) or production",
        _run_mode,
        "development",
    ),
    Setting(
        "SANCTUARY_SECRET_KEY",
        "web",
        "a random key per run in development",
        "Django's secret key; required in production (default: a random key per run in "
        "development, which logs everyone out on restart)",
    ),
    Setting(
        "SANCTUARY_ALLOWED_HOSTS",
        "web",
        "127.0.0.1,localhost,[::1]",
        "comma-separated host names the server answers to; required in production "
        "(development: 127.0.0.1,localhost,[::1])",
        _names,
    ),
    Setting(
        "SANCTUARY_SIGNIN_FAILURES_PER_USER",
        "web",
        "5",
        "failed sign-ins for one user name before sign-in as that name is refused for the "
        "lockout (default 5)",
        _at_least_one,
        5,
    ),
    Setting(
        "SANCTUARY_SIGNIN_FAILURES_PER_ADDRESS",
        "web",
        "20",
        "failed sign-ins from one client address before sign-in from it is refused for the "
        "lockout (default 20)",
        _at_least_one,
        20,
    ),
    Setting(
        "SANCTUARY_SIGNIN_LOCKOUT_SECONDS",
        "web",
        "900",
        "how long, after the last failure, a name or address past its limit is refused "
        "(default 900)",
        _at_least_one,
        900,
    ),
    Setting(
        "SANCTUARY_SIGNIN_DIR",
        "web",
        SIGNIN_DIR_DEFAULT,
        "folder of the failure counts, shared by the server's workers "
        f"(default: {SIGNIN_DIR_DEFAULT} in the system's temporary folder)",
    ),
    Setting(
        "SANCTUARY_DEMO_PASSWORD",
        "demo",
        "a random password per user each run",
        "the demo users' password (default: a random password per user each run)",
        _as_given,
    ),
)
_BY_NAME = {s.name: s for s in SETTINGS}


def setting(name: str) -> Setting:
    """The declaration of ``name``; a KeyError for a name that is not declared."""
    return _BY_NAME[name]


def get(name: str) -> Any:
    """The value of the setting ``name`` from the environment, parsed and checked (its
    default when unset); a SettingError for a value it cannot take."""
    declared = setting(name)
    return declared.parse(declared, os.environ.get(name))


def settings_help(*parts: str) -> dict[str, str]:
    """Name -> help of the settings the given parts read, in declaration order."""
    return {s.name: s.help for s in SETTINGS if s.part in parts}


def cache_dir() -> Path | None:
    """The folder the program keeps what it works out once (the name automaton, the given
    names' counts): ``$SANCTUARY_CACHE``, else ``$XDG_CACHE_HOME/sanctuary-tracker``; None
    when ``$SANCTUARY_CACHE`` is set empty (no cache)."""
    configured = get("SANCTUARY_CACHE")
    if configured is not None:
        return Path(configured).expanduser() if configured.strip() else None
    base = get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "sanctuary-tracker"
