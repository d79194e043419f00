"""Response headers that make injected markup inert (the policy in csp.py). And a method
an address does not take answered as every other error is (Django and django-ninja answer
a bare line)."""

from sanctuary_tracker.web.csp import POLICY
from sanctuary_tracker.web.errors import not_allowed


def content_security_policy(get_response):
    def middleware(request):
        response = get_response(request)
        response.headers.setdefault("Content-Security-Policy", POLICY)
        return response

    return middleware


def method_not_allowed(get_response):
    """A 405 said in the API's envelope or on a page in the site's layout, naming the
    methods the address takes (placed inside the policy above, which then covers it)."""

    def middleware(request):
        response = get_response(request)
        if response.status_code != 405:
            return response
        allowed = response.get("Allow") or "GET"
        answer = not_allowed(request, allowed)
        answer["Allow"] = allowed
        return answer

    return middleware
