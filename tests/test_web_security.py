"""Security of the web app over the served demo: document text is escaped everywhere,
headers forbid inline script, every form needs a CSRF token, edits need a signed-in
user with the right role, session cookies are locked down, and production mode refuses
to start without a secret key."""

from __future__ import annotations

import re
import time
from html.parser import HTMLParser

import pytest
import requests
from web_support import PASSWORD

from sanctuary_tracker.web import settings


class Markup(HTMLParser):
    """Every element of a page: inline scripts and event-handler attributes found."""

    def __init__(self):
        super().__init__()
        self.inline_scripts, self.handlers, self.tags = 0, [], set()

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        names = dict(attrs)
        if tag == "script" and "src" not in names:
            self.inline_scripts += 1
        self.handlers += [(tag, name) for name in names if name.lower().startswith("on")]


def markup(html: str) -> Markup:
    parsed = Markup()
    parsed.feed(html)
    return parsed


def pages_showing_it(site, doc_id):
    people = requests.get(site.url + "/api/people", params={"q": "Roe"}, timeout=60).json()
    paths = [f"/document/{doc_id}/", "/search/?q=comply", "/search/?q=testimony"]
    paths += [f"/person/{p['id']}/" for p in people["data"]]
    springfield = requests.get(
        site.url + "/api/jurisdictions", params={"q": "Springfield", "state": "MA"}, timeout=60
    ).json()["data"]
    paths += [f"/jurisdiction/{j['geoid']}/" for j in springfield[:2]]
    return paths


def test_document_markup_is_escaped_on_every_page(site_sqlite, hostile):
    paths = pages_showing_it(site_sqlite, hostile)
    assert len(paths) >= 4
    body = requests.get(site_sqlite.url + paths[0], timeout=60).text
    assert "&lt;script&gt;" in body  # the text is shown, as text
    for path in paths:
        html = requests.get(site_sqlite.url + path, timeout=60).text
        found = markup(html)
        assert found.inline_scripts == 0 and found.handlers == [], path
        assert not {"img", "svg", "b"} & found.tags, path


def test_pages_forbid_inline_script_and_framing(site_sqlite):
    response = requests.get(site_sqlite.url + "/", timeout=60)
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert markup(response.text).inline_scripts == 0  # no inline script of ours either


def login(site, name: str) -> requests.Session:
    session = requests.Session()
    form = session.get(site.url + "/login/", timeout=60)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)
    done = session.post(
        site.url + "/login/",
        data={"username": name, "password": PASSWORD, "csrfmiddlewaretoken": token},
        headers={"Referer": site.url + "/login/"},
        timeout=60,
    )
    assert done.status_code == 200 and "Review queue" in done.text, done.text[:500]
    return session


def token_of(session, site) -> str:
    page = session.get(site.url + "/review/", timeout=60).text
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)


def submit(session, site, path: str, data: dict) -> requests.Response:
    """Post a form as the browser would: with the page's CSRF token and a same-site Referer."""
    return session.post(
        site.url + path,
        data={**data, "csrfmiddlewaretoken": token_of(session, site)},
        headers={"Referer": site.url + "/review/"},
        timeout=60,
    )


def proposed(session, site) -> list[int]:
    page = session.get(site.url + "/review/", timeout=60).text
    return [int(x) for x in re.findall(r'action="/review/(\d+)/decide/"', page)]


def test_sign_in_sets_locked_down_cookies(site_sqlite):
    session = login(site_sqlite, "demo-reviewer")
    raw = session.get(site_sqlite.url + "/review/", timeout=60)
    assert raw.status_code == 200
    cookie = next(c for c in session.cookies if c.name == "sessionid")
    assert cookie.has_nonstandard_attr("HttpOnly")
    assert cookie.get_nonstandard_attr("SameSite") == "Lax"


def test_sign_in_refuses_a_wrong_password(site_sqlite):
    session = requests.Session()
    form = session.get(site_sqlite.url + "/login/", timeout=60)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)
    done = session.post(
        site_sqlite.url + "/login/",
        data={"username": "demo-reviewer", "password": "wrong", "csrfmiddlewaretoken": token},
        headers={"Referer": site_sqlite.url + "/login/"},
        timeout=60,
    )
    assert "wrong" in done.text and "sessionid" not in session.cookies


def test_every_form_needs_its_csrf_token(site_sqlite):
    session = login(site_sqlite, "demo-reviewer")
    target = proposed(session, site_sqlite)[0]
    for path, data in (
        (f"/review/{target}/decide/", {"decision": "accept", "reason": "forged"}),
        ("/review/enter/", {"jurisdiction": "2513205", "provision": "P04", "value": "true"}),
        ("/logout/", {}),
        ("/login/", {"username": "demo-reviewer", "password": PASSWORD}),
    ):
        forged = session.post(site_sqlite.url + path, data=data, timeout=60)
        assert forged.status_code == 403, path
    assert target in proposed(session, site_sqlite)  # nothing changed


def test_edits_need_a_signed_in_user(site_sqlite):
    anonymous = requests.Session()
    page = anonymous.get(site_sqlite.url + "/review/", timeout=60, allow_redirects=False)
    assert page.status_code == 302 and page.headers["Location"].startswith("/login/")
    token = anonymous.get(site_sqlite.url + "/login/", timeout=60).cookies.get("csrftoken")
    done = anonymous.post(
        site_sqlite.url + "/review/1/decide/",
        data={"decision": "accept", "reason": "x", "csrfmiddlewaretoken": token},
        headers={"Referer": site_sqlite.url + "/login/"},
        timeout=60,
        allow_redirects=False,
    )
    assert done.status_code == 302 and done.headers["Location"].startswith("/login/")


def test_a_coder_cannot_review_but_a_reviewer_can(site_sqlite):
    coder = login(site_sqlite, "demo-coder")
    target = proposed(login(site_sqlite, "demo-reviewer"), site_sqlite)[0]
    decide = f"/review/{target}/decide/"
    refused = submit(coder, site_sqlite, decide, {"decision": "accept", "reason": "I am sure"})
    assert "Not saved" in refused.text and "reviewer" in refused.text
    reviewer = login(site_sqlite, "demo-reviewer")
    assert target in proposed(reviewer, site_sqlite)
    done = submit(reviewer, site_sqlite, decide, {"decision": "reject", "reason": "not so"})
    assert f"Observation {target}: reject saved." in done.text
    assert target not in proposed(reviewer, site_sqlite)


def test_an_accepted_observation_changes_the_classification(site_sqlite):
    """A coder enters P05 (limits on sharing status information) for Chelsea; once a
    reviewer accepts it, EO 13768 section 9(a) calls Chelsea sanctuary."""

    def label():
        statuses = requests.get(
            f"{site_sqlite.url}/api/jurisdictions/2513205",
            params={"date": "2018-01-01"},
            timeout=60,
        ).json()["data"]["statuses"]
        return next(s["label"] for s in statuses if s["definition"] == "eo-13768-1373")

    before = label()
    entered = submit(
        login(site_sqlite, "demo-coder"),
        site_sqlite,
        "/review/enter/",
        {
            "jurisdiction": "2513205",
            "provision": "P05",
            "value": "true",
            "effective_from": "2017-01-01",
            "citation": "Chelsea policy on immigration status information",
        },
    )
    number = int(re.search(r"Observation (\d+) entered", entered.text).group(1))
    assert label() == before  # proposed is not a fact
    reviewer = login(site_sqlite, "demo-reviewer")
    submit(
        reviewer,
        site_sqlite,
        f"/review/{number}/decide/",
        {"decision": "accept", "reason": "checked"},
    )
    time.sleep(1.2)  # pages see the store's changes within a second
    assert before != "yes" and label() == "yes"


def test_production_mode_refuses_to_start_without_a_secret_key(site_sqlite):
    env = {**site_sqlite.env, "SANCTUARY_ENV": "production"}
    env.pop("SANCTUARY_SECRET_KEY", None)
    site = type(site_sqlite)(site_sqlite.url, site_sqlite.database_url, env, "sqlite")
    refused = site.cli("serve", "--port", "1")
    assert refused.returncode == 1 and "SANCTUARY_SECRET_KEY" in refused.stderr
    env["SANCTUARY_SECRET_KEY"] = "k" * 40
    refused = site.cli("serve", "--port", "1")
    assert refused.returncode == 1 and "SANCTUARY_ALLOWED_HOSTS" in refused.stderr


def test_development_keys_are_random_per_run_and_production_keys_come_from_the_environment(
    monkeypatch,
):
    monkeypatch.delenv("SANCTUARY_SECRET_KEY", raising=False)
    assert settings.secret_key("development") != settings.secret_key("development")
    monkeypatch.setenv("SANCTUARY_SECRET_KEY", "s" * 50)
    assert settings.secret_key("production") == "s" * 50
    monkeypatch.setenv("SANCTUARY_ENV", "staging")
    with pytest.raises(settings.WebConfigError):
        settings.mode()


def test_a_signed_in_page_is_never_served_to_someone_else(site_sqlite):
    path = "/?definition=cis&date=2020-01-01"
    first = requests.get(site_sqlite.url + path, timeout=60).text
    assert "Sign in" in first and "demo-reviewer" not in first
    reviewer = login(site_sqlite, "demo-reviewer")
    mine = reviewer.get(site_sqlite.url + path, timeout=60).text
    assert "demo-reviewer" in mine and "csrfmiddlewaretoken" in mine
    again = requests.get(site_sqlite.url + path, timeout=60).text
    assert "demo-reviewer" not in again and "csrfmiddlewaretoken" not in again
