"""`sanctuary password NAME`: the web sign-in password set from the command line, on
SQLite and PostgreSQL; asked twice at a terminal, else read from standard input; bad input
is one line and changes nothing."""

from __future__ import annotations

import os
import pty
import sys
import uuid

from store_support import make_user, sanctuary

SECRET = "pw-" + uuid.uuid4().hex[:16]


def _user(name: str):
    from django.contrib.auth.models import User

    return User.objects.get(username=name)


def test_password_from_standard_input(store):
    make_user("rita", "reviewer")
    for args in (("rita",), ("rita", "--password-stdin")):
        piped = sanctuary("password", *args, input=SECRET + "\n")
        assert piped.returncode == 0, piped.stderr
        assert piped.stdout == "password set for rita\n"
        assert _user("rita").check_password(SECRET)


def test_bad_password_input_is_one_line_and_changes_nothing(store):
    make_user("rita", "reviewer")
    sanctuary("password", "rita", input=SECRET + "\n")
    cases = [
        (("rita",), "\n", "no password on standard input"),
        (("rita",), "", "no password on standard input"),
        (("rita",), "short\n", "password for 'rita' refused: This password is too short."),
        (("nobody",), SECRET + "\n", "user 'nobody': no such user"),
    ]
    for args, given, problem in cases:
        refused = sanctuary("password", *args, input=given)
        assert refused.returncode == 1, refused.stdout
        assert refused.stderr.count("\n") == 1 and problem in refused.stderr, refused.stderr
        assert "Traceback" not in refused.stderr
    assert _user("rita").check_password(SECRET)


def test_password_is_asked_twice_at_a_terminal(store):
    make_user("rita", "reviewer")
    pid, terminal = pty.fork()
    if pid == 0:  # the child: `sanctuary password rita` at a terminal
        os.execv(
            sys.executable, [sys.executable, "-m", "sanctuary_tracker.cli", "password", "rita"]
        )
    said = b""
    for answer in (SECRET, SECRET):
        while b": " not in said.rsplit(b"\n", 1)[-1]:
            said += os.read(terminal, 1024)
        os.write(terminal, answer.encode() + b"\n")
        said += b"\n"
    while True:
        try:
            chunk = os.read(terminal, 1024)
        except OSError:
            break
        if not chunk:
            break
        said += chunk
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0, said
    assert b"New password for rita" in said and b"Repeat for confirmation" in said
    assert SECRET.encode() not in said  # not echoed
    assert _user("rita").check_password(SECRET)
