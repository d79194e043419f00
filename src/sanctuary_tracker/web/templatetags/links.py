"""Every link to a source outside the site goes through here: only an absolute http(s)
address becomes a link; anything else a document or a file names (javascript:, data:,
a bare path) is shown as text, so the markup never carries a scheme the browser would run.

    {% load links %}
    {% source_link d.url "original source" %}   {# <a href=...> or the address as text #}
    <option data-source="{{ d.source|web_url }}">  {# the address, or "" #}
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from django import template
from django.utils.html import format_html

register = template.Library()

# Browsers drop tabs and newlines inside a scheme ("java\tscript:"): any C0 control,
# space or DEL refuses the address.
_CONTROL = re.compile("[\x00-\x20\x7f]")


def is_web_url(value) -> bool:
    """True for an absolute http:// or https:// address with a host, nothing else."""
    if not isinstance(value, str) or not value:
        return False
    if _CONTROL.search(value):
        return False
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


@register.filter
def web_url(value) -> str:
    """``value`` if it is an http(s) address, else the empty string."""
    return value if is_web_url(value) else ""


@register.simple_tag
def source_link(url, label: str = "source", css: str = "source", rel: str = "noopener noreferrer"):
    """A link to ``url`` labelled ``label`` when it is http(s); else ``label: url`` as text
    (nothing when there is no address at all)."""
    if is_web_url(url):
        return format_html('<a class="{}" href="{}" rel="{}">{}</a>', css, url, rel, label)
    if not url:
        return ""
    return format_html('<span class="{}">{}: {}</span>', css, label, url)


@register.filter
def public_source(document) -> str:
    """A stored document's source as a reader may see it: its web address, or its file's
    name, never a server folder (``sanctuary_tracker.document.public_source``)."""
    from sanctuary_tracker.document import public_source as shown

    return shown(document.source, document.url)
