"""Bad input through the real command line: one line per bad source, no traceback, exit 1.

Each test runs ``sanctuary read ...`` in a subprocess (the installed console script), so
what is checked is exactly what a user sees on standard output and standard error.
"""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
REPORT = FIXTURES / "pdf" / "report.pdf"
SAMPLE_GZ = FIXTURES / "warc" / "sample.warc.gz"
_SCRIPT = Path(sys.executable).parent / "sanctuary"
COMMAND = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "sanctuary_tracker.cli"]
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


def run(*args: str | Path, stdin: bytes | None = None, env: dict | None = None):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("SANCTUARY_")}
    environment.update(env or {})
    return subprocess.run(
        [*COMMAND, "read", *map(str, args)],
        input=stdin,
        capture_output=True,
        env=environment,
        timeout=120,
    )


def errors_of(result) -> list[str]:
    """The per-source error lines, after checking the shape of standard error."""
    err = result.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err, err
    assert "panicked" not in err, err
    lines = err.splitlines()
    assert all(line.startswith("sanctuary: ") for line in lines), err
    return [line.removeprefix("sanctuary: error: ") for line in lines if "error: " in line]


def assert_one_failure(result, source, problem: str):
    assert result.returncode == 1, result
    errors = errors_of(result)
    assert len(errors) == 1, errors
    assert errors[0].startswith(f"{source}: "), errors[0]
    assert problem in errors[0], errors[0]
    tail = result.stderr.decode().splitlines()[-1]
    assert tail == "sanctuary: 1 of 1 sources failed", tail


def html_reader_ready() -> bool:
    from sanctuary_tracker.read.html import read_html
    from sanctuary_tracker.settings import ReadLimits

    try:
        read_html(
            "<html><body><p>Ready.</p></body></html>", source="x", url=None, limits=ReadLimits()
        )
    except NotImplementedError:
        return False
    return True


needs_html = pytest.mark.skipif(not html_reader_ready(), reason="read/html.py is still a stub")


# ------------------------------------------------------------------ refused inputs


def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert_one_failure(run(path), path, "is empty")


def test_whitespace_only_file(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_bytes(b"  \n\t\n")
    assert_one_failure(run(path), path, "is empty")


def test_binary_garbage(tmp_path):
    path = tmp_path / "garbage.bin"
    path.write_bytes(bytes(range(256)) * 8)
    assert_one_failure(run(path), path, "binary data of no supported type")


@pytest.mark.parametrize(("name", "what"), [("image.png", "a PNG image"), ("pack.zip", "a ZIP")])
def test_unsupported_types(tmp_path, name, what):
    path = tmp_path / name
    if name.endswith(".png"):
        path.write_bytes(PNG)
    else:
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("policy.txt", "Sanctuary policy text inside a ZIP.")
    assert_one_failure(run(path), path, f"is {what}")


def test_truncated_gzip(tmp_path):
    path = tmp_path / "notes.txt.gz"
    text = "The county ended its 287(g) agreement with ICE in March.\n" * 50
    path.write_bytes(gzip.compress(text.encode())[:-30])
    assert_one_failure(run(path), path, "truncated gzip")


def test_truncated_warc_prints_the_good_records_first(tmp_path):
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(SAMPLE_GZ.read_bytes()[:-100])
    result = run(path, "--format", "jsonl")
    assert_one_failure(result, path, "is truncated gzip data")
    printed = result.stdout.decode().splitlines()
    assert len(printed) == 2  # the two complete response records
    assert f'"source": "{path}#408"' in printed[0]
    assert "Oakridge City Council" in printed[0]
    assert "Maple County sheriff" in printed[1]  # chunked + gzip body decoded


@pytest.mark.slow
def test_fifty_megabyte_html_page_is_refused_by_size(tmp_path):
    path = tmp_path / "huge.html"
    unit = b"<p>Sanctuary policy paragraph, repeated to make a page far too big.</p>\n"
    count = 50 * 1024 * 1024 // len(unit) + 1
    with path.open("wb") as handle:
        handle.write(b"<!doctype html><html><body>\n")
        handle.write(unit * count)
        handle.write(b"</body></html>\n")
    result = run(path)
    assert_one_failure(result, path, "over the 16,777,216-byte limit")
    assert result.stdout == b""


def test_pdf_that_does_not_parse(tmp_path):
    path = FIXTURES / "pdf" / "broken.pdf"
    assert_one_failure(run(path), path, "is not a readable PDF")


def test_truncated_pdf(tmp_path):
    path = tmp_path / "cut.pdf"
    path.write_bytes(REPORT.read_bytes()[:700])
    assert_one_failure(run(path), path, "PDF")


def test_scanned_pdf():
    path = FIXTURES / "pdf" / "scanned.pdf"
    assert_one_failure(run(path), path, "has no text layer")  # with or without OCR


def test_password_protected_pdf():
    path = FIXTURES / "pdf" / "locked.pdf"
    assert_one_failure(run(path), path, "encrypted PDF that needs a password")


def test_missing_file_and_folder(tmp_path):
    result = run(tmp_path / "nope.txt", tmp_path)
    assert result.returncode == 1
    errors = errors_of(result)
    assert errors == [
        f"{tmp_path / 'nope.txt'}: no such file",
        f"{tmp_path}: is a folder, not a file",
    ]
    assert result.stderr.decode().splitlines()[-1] == "sanctuary: 2 of 2 sources failed"


def test_private_url_refused_without_flag():
    # Refused before any connection is made: nothing is listening on this port.
    result = run("http://127.0.0.1:9/policy.html")
    assert_one_failure(result, "http://127.0.0.1:9/policy.html", "loopback address 127.0.0.1")


def test_unsupported_scheme():
    assert_one_failure(run("ftp://example.com/x.pdf"), "ftp://example.com/x.pdf", "not supported")


# ------------------------------------------------------------- encodings that READ


def words(result) -> str:
    assert result.returncode == 0, result.stderr.decode()
    assert errors_of(result) == []
    return result.stdout.decode("utf-8")


TEXT = "Señor Álvarez said the “sanctuary” ordinance protects naïve newcomers."


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        ("utf-8", TEXT),
        ("utf-8-sig", TEXT),
        ("utf-16", TEXT),
        ("cp1252", TEXT),
        ("latin-1", TEXT.replace("“", "").replace("”", "")),
    ],
)
def test_encodings_are_read_with_the_right_words(tmp_path, encoding, text):
    path = tmp_path / f"statement-{encoding}.txt"
    body = f"{text}\nThe city council vote was five to two on Tuesday evening.\n"
    path.write_bytes(body.encode(encoding))
    out = words(run(path))
    assert text in out
    assert "five to two" in out


def test_mixed_utf8_and_cp1252_lines_are_repaired(tmp_path):
    path = tmp_path / "pasted.txt"
    path.write_bytes(
        "Line one is UTF-8: the café owner backed the naïve plan.\n".encode()
        + "Line two came from Word: the détainer “rules” apply.\n".encode("cp1252")
        + "Line three is UTF-8 again: señor mayor Álvarez agreed.\n".encode()
    )
    out = words(run(path))
    assert "the café owner backed the naïve plan" in out
    assert "the détainer “rules” apply" in out
    assert "señor mayor Álvarez agreed" in out
    assert "Warning: mixed encodings" in out


def test_warc_record_read_by_its_declared_charset():
    out = words(run(SAMPLE_GZ))
    assert "Déclaration de la ville: la police ne coopère pas" in out


@needs_html
def test_html_with_a_wrong_declared_charset(tmp_path):
    path = tmp_path / "page.html"
    path.write_bytes(
        (
            '<html><head><meta charset="iso-8859-1"><title>Política</title></head><body>'
            "<article><p>La política de santuario del condado protege a los residentes.</p>"
            "<p>El alguacil no honrará las órdenes de detención sin una orden judicial.</p>"
            "</article></body></html>"
        ).encode()
    )
    out = words(run(path))
    assert "La política de santuario del condado" in out


# --------------------------------------------------------------- several sources


def test_several_sources_some_bad(tmp_path):
    good_text = tmp_path / "good.txt"
    good_text.write_text("Harbor City declared itself a sanctuary city in 2017.\n")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    png = tmp_path / "photo.png"
    png.write_bytes(PNG)
    result = run(good_text, empty, REPORT, png, tmp_path / "missing.pdf", "--format", "jsonl")
    assert result.returncode == 1
    printed = result.stdout.decode().splitlines()
    assert len(printed) == 2
    assert "Harbor City declared itself" in printed[0]
    assert "judicial warrant" in printed[1]
    errors = errors_of(result)
    assert [e.split(": ", 1)[0] for e in errors] == [
        str(empty),
        str(png),
        str(tmp_path / "missing.pdf"),
    ]
    assert result.stderr.decode().splitlines()[-1] == "sanctuary: 3 of 5 sources failed"


def _sources_printed(result) -> list[str]:
    return [line.split('"source": "', 1)[1].split('"', 1)[0] for line in words(result).splitlines()]


def test_plain_warc_on_standard_input():
    plain = FIXTURES / "warc" / "sample.warc"
    result = run("-", "--format", "jsonl", stdin=plain.read_bytes())
    assert _sources_printed(result) == ["-#549", "-#1051", "-#2169"]


def test_gzip_warc_on_standard_input():
    result = run("-", "--format", "jsonl", stdin=SAMPLE_GZ.read_bytes())
    assert _sources_printed(result) == ["-#408", "-#737", "-#1594"]  # the file's own offsets


def test_multi_member_gzip_text(tmp_path):
    path = tmp_path / "joined.txt.gz"
    path.write_bytes(
        gzip.compress(b"First member: the county board met on Monday.\n")
        + gzip.compress(b"Second member: it voted to end the ICE contract.\n")
    )
    out = words(run(path))
    assert "First member" in out and "Second member" in out


def test_garbage_on_standard_input():
    assert_one_failure(run("-", stdin=b"\x00\x01\x02" * 100), "-", "binary data")
