"""Metadata of an HTML page from its parsed tree: meta tags, JSON-LD, visible bylines and dates.

Everything here reads a resiliparse (Lexbor) ``HTMLTree``; nothing parses the page again.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from html import unescape
from urllib.parse import urlsplit

from sanctuary_tracker.read.dates import find_date
from sanctuary_tracker.read.site_name import choose_site_name

_TITLE_SEPARATOR = re.compile(r"\s+[|–—·•:]\s+|\s+-\s+")
_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
_SPACE = re.compile(r"\s+")
_ARTICLE_TYPES = ("article", "newsarticle", "reportagenewsarticle", "blogposting", "report")
_BY = re.compile(r"^\s*(?:written\s+)?by[:\s]+", re.I)
# A wire-service dateline: "WASHINGTON (AP) — ...", "LONDON (Reuters) - ...".
_WIRE_DATELINE = re.compile(
    r"^[A-Z][A-Za-z .,'’\-]{1,60}\((?P<wire>AP|Reuters|AFP|UPI|Bloomberg|CNN)\)\s*[—–\-:]"
)
WIRES = {
    "AP": "Associated Press",
    "Reuters": "Reuters",
    "AFP": "Agence France-Presse",
    "UPI": "United Press International",
    "Bloomberg": "Bloomberg",
    "CNN": "CNN",
}
_PUBLISHED_KEYS = (
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "dc.date",
    "dc.date.issued",
    "dcterms.date",
    "dcterms.created",
    "parsely-pub-date",
    "sailthru.date",
    "cxenseparse:recs:publishtime",
    "article.published",
    "citation_publication_date",
)
_ORIGINAL_KEYS = (
    "article:original_source",
    "original-source",
    "syndication-source",
    "original_source",
    "dc.source",
)
_AUTHOR_KEYS = ("author", "article:author", "dc.creator", "parsely-author", "sailthru.author")


@dataclass
class PageMeta:
    title: str | None = None
    published: str | None = None
    publisher: str | None = None
    publisher_reason: str = ""  # why the publisher is the one chosen (or why there is none)
    original_publisher: str | None = None
    byline: str | None = None
    captions: list[str] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
    # the page's summary (meta description): a standfirst, not the story, when it stands alone
    descriptions: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # metadata skipped, and why


def clean(text: str | None) -> str:
    return _SPACE.sub(" ", text or "").strip()


def iso_date(value: str | None) -> str | None:
    """YYYY-MM-DD from an ISO timestamp or a written date, or None."""
    if not value:
        return None
    match = _ISO_DATE.match(value)
    if match:
        from datetime import date

        try:
            return date(*(int(g) for g in match.groups())).isoformat()
        except ValueError:
            return None
    return find_date(value[:200])


def host_name(url: str | None) -> str | None:
    """The site a URL names, without ``www.``: ``https://www.wbur.org/x`` -> ``wbur.org``."""
    if not url:
        return None
    try:
        host = (urlsplit(url if "//" in url else "//" + url).hostname or "").lower()
    except ValueError:
        return None
    host = host.removeprefix("www.").removeprefix("m.")
    return host or None


def meta_tags(tree) -> dict[str, str]:
    """First ``content`` of each meta name/property/itemprop, lowercased keys."""
    found: dict[str, str] = {}
    for node in tree.document.query_selector_all("meta[content]").values():
        content = clean(unescape(node.getattr("content") or ""))
        if not content:
            continue
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = node.getattr(attr)
            if key:
                found.setdefault(key.strip().lower(), content)
    return found


def json_ld(tree, warnings: list[str] | None = None) -> list[dict]:
    """Every JSON-LD object on the page, flattened out of lists and ``@graph``.

    A block nested deeper than ``MAX_JSON_DEPTH`` is skipped, with a warning appended
    to ``warnings``: the page's text does not depend on it."""
    objects: list[dict] = []
    for node in tree.document.query_selector_all('script[type="application/ld+json"]').values():
        raw = node.text or ""
        if not raw.strip() or len(raw) > 1_000_000:
            continue
        if _json_depth(raw) > MAX_JSON_DEPTH:
            if warnings is not None:
                warnings.append(f"skipped JSON-LD metadata nested more than {MAX_JSON_DEPTH} deep")
            continue
        try:
            data = json.loads(raw)
        except ValueError:
            try:  # trailing commas, control characters: a lenient second try
                data = json.loads(raw.strip().rstrip(";"), strict=False)
            except ValueError:
                continue
        stack = [data]
        while stack and len(objects) < 200:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                objects.append(item)
                graph = item.get("@graph")
                if isinstance(graph, list):
                    stack.extend(reversed(graph))
    return objects


MAX_JSON_DEPTH = 100  # real JSON-LD nests under 10; Python's parser recurses per level
_BRACKETS = re.compile(r'[\[\]{}]|"(?:[^"\\]|\\.)*"')


def _json_depth(raw: str) -> int:
    """The deepest nesting of brackets in JSON text (strings skipped), counted without
    parsing, so that text nested too deeply for the parser is never given to it."""
    if raw.count("[") + raw.count("{") <= MAX_JSON_DEPTH:
        return 0
    depth = deepest = 0
    for match in _BRACKETS.finditer(raw):
        token = match.group()
        if token in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif token in "]}":
            depth -= 1
    return deepest


def _types(obj: dict) -> list[str]:
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return [k.lower() for k in kinds if isinstance(k, str)]


def _names(value, depth: int = 0) -> list[str]:
    """Names in a JSON-LD author/publisher value: a string, an object, or a list of them."""
    if isinstance(value, str):
        value = clean(value)
        return [value] if value and not value.startswith(("http://", "https://", "/")) else []
    if depth > 5:
        return []
    if isinstance(value, dict):
        return _names(value.get("name"), depth + 1)
    if isinstance(value, list):
        return [n for v in value[:20] for n in _names(v, depth + 1)]
    return []


def _join_names(names: list[str]) -> str | None:
    unique = list(dict.fromkeys(n for n in names if n))
    if not unique:
        return None
    return unique[0] if len(unique) == 1 else ", ".join(unique[:-1]) + " and " + unique[-1]


def article_object(objects: list[dict]) -> dict:
    for obj in objects:
        if any(t.endswith(_ARTICLE_TYPES) for t in _types(obj)):
            return obj
    return next((o for o in objects if "headline" in o or "datePublished" in o), {})


def visible_byline(tree) -> str | None:
    for selector in ('[rel="author"]', '[itemprop="author"]', '[class*="byline"]', "address"):
        for node in tree.document.query_selector_all(selector).values()[:5]:
            text = plausible_byline(node.text)
            if text:
                return text
    return None


def visible_date(tree) -> str | None:
    for node in tree.document.query_selector_all("time").values()[:5]:
        found = iso_date(node.getattr("datetime")) or iso_date(clean(node.text))
        if found:
            return found
    for selector in ('[class*="date"]', '[class*="dateline"]', '[class*="timestamp"]'):
        for node in tree.document.query_selector_all(selector).values()[:5]:
            found = find_date(clean(node.text)[:200])
            if found:
                return found
    return None


def strip_site(title: str, publisher: str | None, host: str | None = None) -> str:
    """``Headline | Site`` -> ``Headline``: a first or last segment naming the site goes."""
    parts = _TITLE_SEPARATOR.split(title)
    if len(parts) < 2:
        return title
    names = {n.lower() for n in (publisher, host) if n}
    site = {n.split(".")[0] for n in names} | names

    def is_site(part: str) -> bool:
        part = part.strip().lower()
        return part in site or part.replace(" ", "") in site or part.removeprefix("the ") in site

    separators = list(_TITLE_SEPARATOR.finditer(title))
    if is_site(parts[-1]):
        return title[: separators[-1].start()].strip() or title
    if is_site(parts[0]):
        return title[separators[0].end() :].strip() or title
    return title


def plausible_byline(text: str | None) -> str | None:
    """A byline that reads like names: short, no menu separators or addresses."""
    if not text:
        return None
    text = _BY.sub("", clean(text)).strip(" ,|")
    if not (2 < len(text) <= 80) or not text[:1].isupper():
        return None
    if any(mark in text for mark in ("|", "://", "@", "©")) or len(text.split()) > 10:
        return None
    return text


def page_meta(tree, url: str | None) -> PageMeta:
    meta = PageMeta()
    metas = meta_tags(tree)
    objects = json_ld(tree, meta.warnings)
    article = article_object(objects)

    publisher_names = _names(article.get("publisher"))
    candidates = [
        ("og:site_name", metas.get("og:site_name")),
        ("the JSON-LD publisher", publisher_names[0] if publisher_names else None),
        ("application-name", metas.get("application-name")),
    ]
    served, declared = host_name(url), host_name(metas.get("og:url"))
    site = choose_site_name(candidates, served=served, declared=declared)
    meta.publisher, meta.publisher_reason = site.name, site.reason
    # the title loses the site's name as the page gives it ("Headline | Site | tagline")
    given = next((value for _, value in candidates if value), None) or served or declared

    headline = article.get("headline")
    title = (
        clean(headline if isinstance(headline, str) else None)
        or metas.get("og:title")
        or metas.get("twitter:title")
    )
    if not title:
        h1 = tree.body.query_selector("h1") if tree.body else None
        title = clean(h1.text) if h1 else ""
    if not title:
        title = clean(tree.title)
    title = strip_site(title, given, host_name(url))
    meta.title = title or None
    meta.descriptions = list(
        dict.fromkeys(
            d
            for d in (
                metas.get("og:description"),
                metas.get("description"),
                metas.get("twitter:description"),
                clean(article.get("description"))
                if isinstance(article.get("description"), str)
                else None,
            )
            if d and len(d) >= 40
        )
    )

    published = article.get("datePublished")
    meta.published = iso_date(published if isinstance(published, str) else None)
    for key in _PUBLISHED_KEYS:
        if meta.published:
            break
        meta.published = iso_date(metas.get(key))
    if not meta.published:
        meta.published = visible_date(tree)

    authors = _names(article.get("author")) or _names(article.get("creator"))
    if not authors:
        for key in _AUTHOR_KEYS:
            value = metas.get(key, "")
            if value and "://" not in value and not value.startswith("@"):
                authors = [value]
                break
    meta.byline = plausible_byline(_join_names(authors)) or visible_byline(tree)

    for key in _ORIGINAL_KEYS:
        value = metas.get(key)
        if value:
            meta.original_publisher = host_name(value) if "://" in value else value
            break
    if not meta.original_publisher:
        based = article.get("isBasedOn") or article.get("isBasedOnUrl")
        names = _names(based) or _names(article.get("sourceOrganization"))
        if names:
            meta.original_publisher = names[0]
        elif isinstance(based, str) and "://" in based:
            meta.original_publisher = host_name(based)
    return meta


def wire_named(byline: str | None) -> str | None:
    """The wire service a byline names ("The Associated Press", "By Reuters staff")."""
    if not byline:
        return None
    lowered = byline.lower()
    for short, name in WIRES.items():
        if name.lower() in lowered or re.search(rf"\b{short}\b", byline):
            return name
    return None


def wire_of(line: str) -> str | None:
    """The wire service a dateline credits: "WASHINGTON (AP) — ..." -> "Associated Press"."""
    match = _WIRE_DATELINE.match(line)
    return WIRES[match.group("wire")] if match else None
