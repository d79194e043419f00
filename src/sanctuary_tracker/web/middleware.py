"""Response headers that make injected markup inert: scripts, styles and images only from
this site, no inline script, no plugins, no framing. And a method an address does not take
answered as every other error is (Django and django-ninja answer a bare line)."""

POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)


def content_security_policy(get_response):
    def middleware(request):
        response = get_response(request)
        response.headers.setdefault("Content-Security-Policy", POLICY)
        return response

    return middleware


def method_not_allowed(get_response):
    """A 405 said in the API's envelope or on a page in the site's layout, naming the
    methods the address takes (placed inside the policy above, which then covers it)."""
    from sanctuary_tracker.web.errors import not_allowed

    def middleware(request):
        response = get_response(request)
        if response.status_code != 405:
            return response
        allowed = response.get("Allow") or "GET"
        answer = not_allowed(request, allowed)
        answer["Allow"] = allowed
        return answer

    return middleware
