"""The review workflow on SQLite and PostgreSQL: roles, accept / edit / reject with
reviewer, reason and time, nothing deleted, the audit log, divergences and agreement."""

from __future__ import annotations

import json

from store_support import STORE_FIXTURES, count, make_user, run

CHELSEA = "ocd-division/country:us/state:ma/place:chelsea"
SOMERVILLE = "ocd-division/country:us/state:ma/place:somerville"
BOSTON = "ocd-division/country:us/state:ma/place:boston"
DATED = ("--from", "2014-05-01", "--citation", "Ordinance 2014-12")


def entered(result) -> int:
    assert result.exit_code == 0, result.stderr
    return int(result.output.split()[1].rstrip(":"))


def test_roles_decide_who_may_change_data(store):
    make_user("vic", "viewer")
    make_user("casey", "coder")
    refused = run("review", "add", CHELSEA, "P04", "true", "--user", "vic")
    assert refused.exit_code == 1
    assert refused.stderr == (
        "sanctuary: error: user 'vic' is a viewer: entering observations needs the coder "
        "or reviewer or admin role\n"
    )
    observation = entered(run("review", "add", CHELSEA, "P04", "true", "--user", "casey"))
    not_reviewer = run("review", "accept", str(observation), "--reason", "ok", "--user", "casey")
    assert not_reviewer.exit_code == 1
    assert "reviewing observations needs the reviewer or admin role" in not_reviewer.stderr
    no_admin = run("users", "add", "eve", "--role", "admin", "--user", "casey")
    assert no_admin.exit_code == 1 and "managing users needs the admin role" in no_admin.stderr
    assert run("review", "list", "--user", "vic").exit_code == 0


def test_accept_edit_reject_keep_everything_and_log_it(store):
    from sanctuary_tracker.store.models import AuditLog, Observation

    make_user("casey", "coder")
    make_user("rita", "reviewer")
    first = entered(run("review", "add", CHELSEA, "P01", "decline_all", *DATED, "--user", "casey"))
    second = entered(run("review", "add", SOMERVILLE, "P04", "yes", *DATED, "--user", "casey"))
    third = entered(run("review", "add", BOSTON, "P13", "true", "--user", "casey"))
    run("review", "accept", str(first), "--reason", "ordinance 2014-12", "--user", "rita")
    edit = run(
        "review", "edit", str(second), "--value", "false", "--reason", "misread", "--user", "rita"
    )
    assert edit.exit_code == 0, edit.stderr
    run("review", "reject", str(third), "--reason", "no declaration found", "--user", "rita")
    rows = {o.pk: o for o in Observation.objects.select_related("reviewer")}
    assert [rows[i].status for i in (first, second, third)] == ["accepted", "accepted", "rejected"]
    assert rows[second].value == "false" and rows[third].review_reason == "no declaration found"
    assert all(rows[i].reviewer.username == "rita" and rows[i].reviewed_at for i in rows)
    log = AuditLog.objects.filter(table="store_observation", object_id=second).order_by("id")
    assert [e.action for e in log] == ["observation.enter", "observation.edit"]
    assert json.loads(log[1].before)["value"] is True and json.loads(log[1].after)["value"] is False
    assert log[1].reason == "misread" and log[1].user.username == "rita"
    history = run("review", "history", str(second), "--user", "casey")
    assert "observation.edit" in history.output and "misread" in history.output
    assert count("store_observation") == 3


def test_bad_review_input_is_one_line(store):
    make_user("casey", "coder")
    make_user("rita", "reviewer")
    cases = [
        (("review", "add", CHELSEA, "P01", "sometimes"), "value 'sometimes': not a value of P01"),
        (("review", "add", "ocd-division/country:us/state:zz", "P04", "true"), "no such OCD id"),
        (("review", "add", CHELSEA, "P99", "true"), "provision 'P99': not in the codebook"),
        (("review", "add", CHELSEA, "P04", "true", "--from", "May 2014"), "not a YYYY-MM-DD"),
        (("review", "accept", "999999", "--reason", "x"), "observation 999999: no such"),
    ]
    for args, problem in cases:
        user = "rita" if args[1] == "accept" else "casey"
        result = run(*args, "--user", user)
        assert result.exit_code == 1, args
        assert result.stderr.count("\n") == 1 and problem in result.stderr, result.stderr
    own = entered(run("review", "add", CHELSEA, "P04", "true", "--user", "rita"))
    refused = run("review", "accept", str(own), "--reason", "mine", "--user", "rita")
    assert "rita coded it; another reviewer must review it" in refused.stderr


def test_extracted_observations_are_proposed_for_review(store):
    from sanctuary_tracker.store.models import Observation

    make_user("casey", "coder")
    make_user("rita", "reviewer")
    council = STORE_FIXTURES / "chelsea-council.txt"
    run("ingest", str(council), "--user", "casey")
    proposed = Observation.objects.get(origin="extracted")
    assert (proposed.status, proposed.jurisdiction.ocd_id, proposed.provision.code) == (
        "proposed",
        CHELSEA,
        "P04",
    )
    queue = run("review", "list", "--status", "proposed", "--format", "jsonl", "--user", "rita")
    assert json.loads(queue.output)["cue"] == proposed.cue
    run("review", "accept", str(proposed.pk), "--reason", "as the story says", "--user", "rita")
    proposed.refresh_from_db()
    assert proposed.status == "accepted" and proposed.span.document == proposed.document


def test_redundant_coding_divergences_and_agreement(store):
    make_user("ann", "coder")
    make_user("ben", "coder")
    codes = {
        # jurisdiction: (ann's P04, ben's P04, ann's P13, ben's P13)
        CHELSEA: ("true", "true", "true", "true"),
        SOMERVILLE: ("true", "false", "true", "true"),
        BOSTON: ("false", "false", "false", "true"),
        "ocd-division/country:us/state:ma/place:cambridge": ("true", "true", "false", "false"),
    }
    for place, (a04, b04, a13, b13) in codes.items():
        for coder, provision, value in (
            ("ann", "P04", a04),
            ("ben", "P04", b04),
            ("ann", "P13", a13),
            ("ben", "P13", b13),
        ):
            entered(run("review", "add", place, provision, value, "--user", coder))
    divergent = run(
        "review", "divergences", "--format", "jsonl", "--user", "ann"
    ).output.splitlines()
    found = {(d["jurisdiction"], d["provision"]) for d in map(json.loads, divergent)}
    assert found == {(SOMERVILLE, "P04"), (BOSTON, "P13")}
    rows = [
        json.loads(line)
        for line in run(
            "review", "agreement", "--format", "jsonl", "--user", "ann"
        ).output.splitlines()
    ]
    # P04: ann T,T,F,T / ben T,F,F,T -> p_o 3/4; p_e = (3*2 + 1*2)/16 = 1/2; kappa 1/2.
    # P13: ann T,T,F,F / ben T,T,T,F -> p_o 3/4; p_e = (2*3 + 2*1)/16 = 1/2; kappa 1/2.
    assert [(r["provision"], r["items"], r["percent"], r["kappa"]) for r in rows] == [
        ("P04", 4, 75.0, 0.5),
        ("P13", 4, 75.0, 0.5),
    ]
    make_user("cy", "coder")
    entered(run("review", "add", BOSTON, "P04", "true", "--user", "cy"))
    three = run("review", "agreement", "--user", "ann")
    assert three.exit_code == 1 and "name two with --coders A,B" in three.stderr
    assert run("review", "agreement", "--coders", "ann,ben", "--user", "ann").exit_code == 0


def test_a_decided_observation_is_decided_again_only_as_a_re_review(store):
    from sanctuary_tracker.store.models import AuditLog, Observation

    make_user("casey", "coder")
    make_user("rita", "reviewer")
    make_user("sam", "reviewer")
    first = entered(run("review", "add", CHELSEA, "P04", "true", *DATED, "--user", "casey"))
    premature = run(
        "review", "accept", str(first), "--reason", "x", "--re-review", "--user", "rita"
    )
    assert premature.exit_code == 1
    assert "has not been reviewed yet: decide it without --re-review" in premature.stderr
    assert (
        run("review", "accept", str(first), "--reason", "ordinance", "--user", "rita").exit_code
        == 0
    )
    for decision in ("reject", "accept"):
        silent = run("review", decision, str(first), "--reason", "no", "--user", "sam")
        assert silent.exit_code == 1 and silent.stderr.count("\n") == 1
        assert "was already accepted by rita" in silent.stderr and "--re-review" in silent.stderr
    silent_edit = run(
        "review", "edit", str(first), "--value", "false", "--reason", "x", "--user", "sam"
    )
    assert silent_edit.exit_code == 1 and "was already accepted" in silent_edit.stderr
    kept = Observation.objects.select_related("reviewer").get(pk=first)
    assert (kept.status, kept.reviewer.username, kept.review_reason) == (
        "accepted",
        "rita",
        "ordinance",
    )

    again = run(
        "review",
        "reject",
        str(first),
        "--reason",
        "repealed in 2019",
        "--re-review",
        "--user",
        "sam",
    )
    assert again.exit_code == 0, again.stderr
    assert again.output == f"observation {first}: rejected by sam (re-review)\n"
    log = list(AuditLog.objects.filter(object_id=first, table="store_observation").order_by("id"))
    assert [e.action for e in log] == [
        "observation.enter",
        "observation.accept",
        "observation.reject.re-review",
    ]
    assert json.loads(log[2].before)["reviewer"] == "rita"
    assert json.loads(log[2].after)["reviewer"] == "sam"
    history = run("review", "history", str(first), "--user", "casey").output
    assert "decision: proposed -> accepted (by rita)" in history
    assert "decision: accepted (by rita) -> rejected (by sam)" in history
    assert "ordinance" in history and "repealed in 2019" in history
    rows = run("review", "history", str(first), "--format", "jsonl", "--user", "casey")
    decisions = [json.loads(line)["decision"] for line in rows.output.splitlines()]
    assert decisions[1:] == [
        "proposed -> accepted (by rita)",
        "accepted (by rita) -> rejected (by sam)",
    ]
    unknown = run("review", "history", "999999", "--user", "casey")
    assert unknown.exit_code == 1
    assert unknown.stderr == "sanctuary: error: observation 999999: no such observation\n"


def test_the_rule_holds_for_every_caller_of_the_service(store):
    """The web's review view calls the same service: a stale form cannot overturn a decision."""
    import pytest

    from sanctuary_tracker.store.errors import StoreError
    from sanctuary_tracker.store.review import review_observation

    make_user("casey", "coder")
    make_user("rita", "reviewer")
    make_user("sam", "reviewer")
    first = entered(run("review", "add", CHELSEA, "P04", "true", *DATED, "--user", "casey"))
    review_observation(user="rita", observation_id=first, decision="reject", reason="no source")
    with pytest.raises(StoreError, match=r"already rejected by rita .*--re-review"):
        review_observation(user="sam", observation_id=first, decision="accept", reason="yes")
    edited = review_observation(
        user="sam",
        observation_id=first,
        decision="edit",
        reason="the source is the 2014 ordinance",
        value="false",
        re_review=True,
    )
    assert (edited.status, edited.value, edited.reviewer.username) == ("accepted", "false", "sam")


def test_an_entered_observation_without_date_or_citation_is_accepted_only_explicitly(store):
    from sanctuary_tracker.store.models import AuditLog, Observation

    make_user("casey", "coder")
    make_user("rita", "reviewer")
    bare = entered(run("review", "add", CHELSEA, "P04", "true", "--user", "casey"))
    undated = entered(
        run("review", "add", BOSTON, "P13", "true", "--citation", "Order 7", "--user", "casey")
    )
    refused = run("review", "accept", str(bare), "--reason", "ok", "--user", "rita")
    assert refused.exit_code == 1 and refused.stderr.count("\n") == 1
    assert f"observation {bare} has no start date and no citation" in refused.stderr
    assert "--undated --no-citation" in refused.stderr
    half = run("review", "accept", str(bare), "--reason", "ok", "--undated", "--user", "rita")
    assert half.exit_code == 1 and "has no citation:" in half.stderr
    edit = run(
        "review", "edit", str(undated), "--value", "false", "--reason", "x", "--user", "rita"
    )
    assert edit.exit_code == 1 and "has no start date:" in edit.stderr and "--from" in edit.stderr
    assert Observation.objects.filter(status="proposed").count() == 2  # nothing decided
    ok = run(
        *("review", "accept", str(bare), "--reason", "council minutes, no date given"),
        *("--undated", "--no-citation", "--user", "rita"),
    )
    assert ok.exit_code == 0, ok.stderr
    dated = run(
        *("review", "edit", str(undated), "--from", "2017-01-25", "--reason", "order date"),
        *("--user", "rita"),
    )
    assert dated.exit_code == 0, dated.stderr
    log = AuditLog.objects.filter(table="store_observation", action="observation.accept").get()
    assert json.loads(log.after)["accepted_without"] == ["undated", "no citation"]
    edited = AuditLog.objects.filter(table="store_observation", action="observation.edit").get()
    assert "accepted_without" not in json.loads(edited.after)
