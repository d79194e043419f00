"""The review queue (coders enter observations, reviewers accept, edit or reject them),
through the store's review services; sign-in and sign-out. Every form is a POST with a
CSRF token; each action checks the signed-in user's role in the store service."""

from __future__ import annotations

from django.contrib import auth
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST

from sanctuary_tracker.store.errors import StoreError
from sanctuary_tracker.store.review import accepted_without
from sanctuary_tracker.web import records
from sanctuary_tracker.web.params import PageQuery, iso_date
from sanctuary_tracker.web.verdict import value_text

QUEUE_SIZE = 50


def _role(user) -> str | None:
    from sanctuary_tracker.store.users import role_of

    return role_of(user) if user.is_authenticated else None


@login_required
@require_http_methods(["GET"])
def queue(request):
    return _queue(request, message=request.session.pop("review_message", None))


def _queue(request, *, message: str | None = None, problems=(), status: int = 200):
    """The queue page, with the last action's message or the problems of a refused form
    (answered with status 400 and the queue, so that the form can be sent again)."""
    from sanctuary_tracker.extract.codebook import load_codebook
    from sanctuary_tracker.store.models import Observation
    from sanctuary_tracker.store.users import CODE, REVIEW

    rows = (
        Observation.objects.filter(status="proposed")
        .select_related("jurisdiction", "provision", "span", "document", "coder")
        .order_by("created_at", "id")
    )
    items = []
    for o in rows[:QUEUE_SIZE]:
        item = records.observation(o)
        item["coder"] = o.coder.username if o.coder else None
        item["excerpt"] = _excerpt(o)
        item["value_text"] = value_text(item["value"])
        item["lacks"] = accepted_without(o)
        items.append(item)
    return render(
        request,
        "web/review.html",
        {
            "items": items,
            "waiting": rows.count(),
            "role": _role(request.user),
            "can_review": request.user.has_perm(REVIEW),
            "can_code": request.user.has_perm(CODE),
            "provisions": sorted(load_codebook().provisions.values(), key=lambda p: p.id),
            "message": message,
            "problems": list(problems),
        },
        status=status,
    )


def _excerpt(o) -> str:
    if o.span is None or o.document is None or o.span.field != "body":
        return o.cue
    body = o.document.body
    return body[max(0, o.span.start - 120) : o.span.end + 120]


def _back(request, message: str) -> HttpResponseRedirect:
    request.session["review_message"] = message
    return HttpResponseRedirect("/review/")


def _not_saved(request, problems: list[str]):
    return _queue(request, problems=[f"Not saved: {p}" for p in problems], status=400)


@login_required
@require_POST
def decide(request, pk: int):
    from sanctuary_tracker.store.review import review_observation

    decision = request.POST.get("decision", "")
    value = request.POST.get("value", "").strip() or None
    try:
        review_observation(
            user=request.user.username,
            observation_id=pk,
            decision=decision,
            reason=request.POST.get("reason", ""),
            value=value if decision == "edit" else None,
            undated=request.POST.get("undated") == "yes",
            no_citation=request.POST.get("no_citation") == "yes",
        )
    except StoreError as exc:
        return _not_saved(request, [str(exc)])
    return _back(request, f"Observation {pk}: {decision} saved.")


@login_required
@require_POST
def enter(request):
    from sanctuary_tracker.store.review import enter_observation

    form = PageQuery(request.POST)
    start, end = form.read("effective_from", iso_date), form.read("effective_to", iso_date)
    if form.problems:
        return _not_saved(request, form.problems)
    try:
        o = enter_observation(
            user=request.user.username,
            jurisdiction=request.POST.get("jurisdiction", "").strip(),
            provision=request.POST.get("provision", "").strip(),
            value=request.POST.get("value", ""),
            effective_from=start,
            effective_to=end,
            citation=request.POST.get("citation", "").strip(),
        )
    except StoreError as exc:
        return _not_saved(request, [str(exc)])
    return _back(request, f"Observation {o.pk} entered; it waits for a reviewer.")


@require_http_methods(["GET", "POST"])
def login(request):
    from sanctuary_tracker.web import throttle

    wanted = request.POST.get("next") or request.GET.get("next") or "/review/"
    if not url_has_allowed_host_and_scheme(wanted, allowed_hosts={request.get_host()}):
        wanted = "/review/"
    name = request.POST.get("username", "")
    if request.method == "POST" and throttle.locked(request, name):
        # Refused before the password is checked: a right guess now would tell nothing.
        minutes = throttle.lockout_minutes()
        context = {"form": AuthenticationForm(request), "next": wanted, "locked": minutes}
        response = render(request, "web/login.html", context, status=429)
        response["Retry-After"] = str(minutes * 60)
        return response
    form = AuthenticationForm(request, data=request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            throttle.succeeded(request, name)
            auth.login(request, form.get_user())
            return HttpResponseRedirect(wanted)
        throttle.failed(request, name)
    return render(request, "web/login.html", {"form": form, "next": wanted})


@require_POST
def logout(request):
    auth.logout(request)
    return HttpResponseRedirect("/")
