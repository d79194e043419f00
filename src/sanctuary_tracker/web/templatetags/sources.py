"""Naming sources in the pages: a copy's link is labelled with the site that holds it, and
the official lists are at hand for the legend (``web/sources.html`` draws one record's
primary source and copies).

    {% load sources %}
    {{ url|host }}                       {# "documentcloud.org" #}
    {% official_lists as lists %}        {# every shipped edition, as its record #}
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django import template

register = template.Library()


@register.filter
def host(url) -> str:
    """The site an address points at, without "www." (the address itself if it has none)."""
    try:
        name = urlsplit(str(url)).hostname
    except ValueError:
        name = None
    return name.removeprefix("www.") if name else str(url)


@register.simple_tag
def official_lists() -> list[dict]:
    """Every shipped official list edition, oldest first, as its record."""
    from sanctuary_tracker.web.classification import reference

    editions = reference().editions.values()
    return [e.to_record() for e in sorted(editions, key=lambda e: (e.date, e.id))]


@register.simple_tag
def definition_of(definition_id: str):
    """The definition with this id (its name, primary source and copies), or None."""
    from sanctuary_tracker.web.classification import definitions

    return definitions().get(definition_id)


@register.simple_tag
def edition_of(list_id: str):
    """The shipped official list edition with this id, as its record, or None."""
    from sanctuary_tracker.web.classification import reference

    found = reference().editions.get(list_id)
    return found.to_record() if found else None
