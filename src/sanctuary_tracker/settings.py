"""One home for settings: every limit and default, with its reason, overridable by environment."""

from __future__ import annotations

import os
from dataclasses import dataclass, fields


def _env_number(name: str, default: int | float) -> int | float:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    kind, what = (int, "a whole number") if isinstance(default, int) else (float, "a number")
    try:
        value = kind(raw)
    except ValueError:
        value = None
    if value is None or value < 0:
        raise SystemExit(f"sanctuary: error: {name}={raw!r} is not {what} of 0 or more")
    return value


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
        """Defaults, each overridable as SANCTUARY_<NAME> (e.g. SANCTUARY_MAX_HTML_BYTES)."""
        return cls(
            **{f.name: _env_number("SANCTUARY_" + f.name.upper(), f.default) for f in fields(cls)}
        )


SETTINGS_HELP = {
    "SANCTUARY_MAX_HTML_BYTES": "largest HTML page read, in bytes (default 16 MiB)",
    "SANCTUARY_MAX_TEXT_BYTES": "largest plain-text file read, in bytes (default 16 MiB)",
    "SANCTUARY_MAX_PDF_BYTES": "largest PDF read, in bytes (default 100 MiB)",
    "SANCTUARY_MAX_PDF_PAGES": "most PDF pages read (default 2000)",
    "SANCTUARY_MAX_RECORD_BYTES": "largest WARC record read, in bytes (default 16 MiB)",
    "SANCTUARY_MAX_FETCH_BYTES": "most bytes taken from a URL (default 16 MiB)",
    "SANCTUARY_FETCH_TIMEOUT": "seconds to wait on a URL's connect and each read (default 20)",
    "SANCTUARY_READ_SECONDS": "wall-clock seconds allowed for reading one source (default 60)",
    "SANCTUARY_EXTRACT_SECONDS": "wall-clock seconds allowed for extracting evidence from one document (default 120)",
    "SANCTUARY_MAX_HTML_DEPTH": "deepest HTML element nesting accepted (default 512)",
}
