"""The main text of an HTML page: a fast resiliparse pass, a line filter, and a careful
trafilatura pass only where the fast one looks wrong. All rules are general page-building
conventions (class names for captions, sharing, related stories; how furniture lines read),
never rules for one site."""

from __future__ import annotations

import re
from html import unescape

from resiliparse.extract.html2text import extract_plain_text
from resiliparse.parse.html import HTMLTree

from sanctuary_tracker.document import Document
from sanctuary_tracker.errors import ReadError
from sanctuary_tracker.read import furniture as f
from sanctuary_tracker.read.dates import find_date
from sanctuary_tracker.read.html_meta import (
    PageMeta,
    clean,
    host_name,
    page_meta,
    wire_named,
    wire_of,
)
from sanctuary_tracker.read.syndication import is_syndication_notice
from sanctuary_tracker.settings import ReadLimits

MEDIA_TYPE = "text/html"

# Elements that are never the story: figures and their captions, the headline (kept as
# the title), navigation, and blocks whose class names say sharing, related stories,
# newsletters, promotions, bylines, galleries.
SKIP = [
    "figure",
    "figcaption",
    "h1",
    "aside",
    "nav",
    "footer",
    "[class*=caption]",
    "[class*=Caption]",
    "[class*=credit]",
    "[class*=share]",
    "[class*=social]",
    "[class*=related]",
    "[class*=Related]",
    "[class*=newsletter]",
    "[class*=promo]",
    "[class*=byline]",
    "[class*=gallery]",
    "[class*=slideshow]",
    "[class*=subscribe]",
    "[class*=recommend]",
    "[class*=cookie]",
    "[id*=cookie]",
    "[class*=consent]",
    "[id*=consent]",
    "[class*=gdpr]",
    "[class*=advert]",
    "[class*=breadcrumb]",
    "[class*=tags]",
]
SKIP_TAGS = [s for s in SKIP if not s.startswith("[")]
CAPTION_SELECTOR = "figcaption, [class*=caption], [class*=Caption], [class*=credit]"

# Media-player control labels (video.js and alike) and markup left as text (noscript).
_PLAYER = re.compile(
    r"^(?:current time|duration|remaining time|loaded|stream type|playback rate|"
    r"chapters|descriptions|subtitles|audio track|fullscreen)\b[\s:]*[\w.:%/ ]{0,20}$",
    re.I,
)
_MARKUP = re.compile(r"^<[a-zA-Z][^>]*>$")
_STAMP_LABEL = re.compile(r"\b(?:updated|published|posted|modified)\b\s*(?:on\s*)?:?", re.I)
_PROMO = re.compile(r"\b(?:newsletters?|inbox|sign up|subscribe|subscription)\b", re.I)
_QUOTED = re.compile(r"[\"“”]")
_ENDS_SENTENCE = re.compile(r"[.!?…][\"”’')\]]*$")
_ADDRESSED = re.compile(r"\b(?:our|your|you)\b", re.I)
_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")
# A block that is one link and nothing else, possibly inside a heading or list item.
_LINK_ONLY = re.compile(
    r"^(?:<(?:h\d|li|p|ul|ol)>\s*)*<a\b[^>]*>[^<]*</a>\s*(?:</(?:h\d|li|p|ul|ol)>\s*)*$"
)
FAST_ONLY = False  # measuring aid: True skips the careful pass
# When the fast pass's text is checked by the careful pass (thresholds measured on the
# article-extraction benchmark, see benchmarks/bench_read.py):
MIN_WORDS = 60  # fewer words than this
MIN_SENTENCE_SHARE = 0.85  # less of the text than this in sentence lines
SHORT_LINE_WORDS = 6
MAX_SHORT_LINE_SHARE = 0.3  # more of the lines than this short (<= 6 words)
_IMAGE_COUNTER = re.compile(r"^(?:image|photo|slide|picture)?\s*\d+\s*(?:of|/)\s*/?\s*\d*$", re.I)
_DEPTH_SELECTORS: dict[int, str] = {}
NOTICE_MAX_WORDS = 30  # a syndication notice is a short line
_MONTH_START = re.compile(
    r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d", re.I
)
_EMPTY_PARENS = re.compile(r"\(\s*\)|\[\s*\]")
_CREDIT_LABEL = re.compile(
    r"^(?:photo|image|picture|credit|courtesy)s?(?:\s+credit)?\s*(?:by)?\s*[:\-–]\s*", re.I
)
_TRAILING_LABEL = re.compile(
    r"\s*\(?(?:photo|image|picture|credit)s?(?:\s+credit)?\s*(?:by)?\s*:?\s*\)?$", re.I
)


def read_page(markup: str, *, source: str, url: str | None, limits: ReadLimits) -> Document:
    tree = HTMLTree.parse(markup)
    if tree.document is None:
        raise ReadError(source, "could not be parsed as HTML")
    check_depth(tree, limits.max_html_depth, source)
    keep_embedded_quotes(tree)
    meta = page_meta(tree, url)
    captions, credits = figure_texts(tree)
    lines = fast_lines(tree, SKIP)
    body_lines = filter_lines(lines, meta, captions, credits)
    if word_count(body_lines) < MIN_WORDS:
        # a class-name rule may have hit a wrapper of the whole story: tags only
        retry = filter_lines(fast_lines(tree, SKIP_TAGS), meta, captions, credits)
        if word_count(retry) > word_count(body_lines):
            lines, body_lines = retry, retry
    if FAST_ONLY:
        pass
    elif looks_wrong(body_lines):
        careful = careful_lines(markup)
        if careful is not None:
            careful_body = filter_lines(careful, meta, captions, credits)
            if word_count(careful_body) >= word_count(body_lines) * 0.5:
                body_lines = careful_body
    body = "\n".join(body_lines)
    original = (
        _organisation(meta.original_publisher)
        or trailing_original(body_lines, lines)
        or wire_named(meta.byline)
    )
    if original and same_organisation(original, meta.publisher, url):
        original = None
    meta.captions = _unique(captions)
    meta.credits = _unique(credits)
    return Document(
        source=source,
        media_type=MEDIA_TYPE,
        body=body,
        title=meta.title,
        published=meta.published or _dateline_date(lines),
        publisher=meta.publisher,
        original_publisher=original,
        byline=meta.byline,
        captions=meta.captions,
        credits=meta.credits,
        url=url,
        warnings=meta.warnings,
    )


def check_depth(tree, limit: int, source: str) -> None:
    """ReadError when any element sits deeper than ``limit`` (one selector query in C)."""
    selector = _DEPTH_SELECTORS.get(limit)
    if selector is None:
        selector = _DEPTH_SELECTORS[limit] = ">".join(["*"] * (limit + 1))
    if tree.document.query_selector(selector) is not None:
        raise ReadError(source, f"nests HTML elements more than {limit} deep (the limit)")


def figure_texts(tree) -> tuple[list[str], list[str]]:
    """Photo captions and credits: figcaptions and elements whose class says caption/credit."""
    captions: list[str] = []
    credits: list[str] = []
    for node in tree.document.query_selector_all(CAPTION_SELECTOR).values()[:200]:
        text = clean(node.text)
        if not text or len(text) > 1000:
            continue
        cls = (node.class_name or "").lower()
        if "credit" in cls or f.is_credit(text):
            # a photo credit is a few words; a "credits" block of a footer is not
            if len(f.words(text)) <= 12 and not f.is_copyright(text):
                credits.append(text)
            continue
        credit = f.inline_credit(text)
        if credit:
            credits.append(credit)
        captions.append(text)
    # a caption element holding a credit element: the caption without the credit, and
    # each credit once, without its "Photo:" label or parentheses
    credits = _unique([_CREDIT_LABEL.sub("", c.strip("() ")).strip() or c for c in credits])
    out = []
    for caption in captions:
        for credit in sorted(credits, key=len, reverse=True):
            if credit and credit in caption and caption != credit:
                caption = caption.replace(credit, " ")
        caption = _EMPTY_PARENS.sub(" ", caption)
        caption = _TRAILING_LABEL.sub("", clean(caption)).strip(" -–—|/(")
        if caption and caption not in credits and len(f.words(caption)) >= 3:
            out.append(caption)
    return _unique(out), credits


def fast_lines(tree, skip: list[str]) -> list[str]:
    """Resiliparse's main content, one line per block. The extract is
    taken as minimal HTML so that a block made only of one link (a teaser headline, a
    "Read more", a related-story entry) can be told and dropped."""
    marked = extract_plain_text(
        tree,
        preserve_formatting="minimal_html",
        links=True,
        main_content=True,
        comments=False,
        alt_texts=False,
        list_bullets=False,
        post_meta=False,
        skip_elements=skip,
    )
    out: list[str] = []
    for raw in marked.splitlines():
        raw = raw.strip()
        if not raw:
            out.append("")
            continue
        if _LINK_ONLY.match(raw):
            continue
        text = _SPACE.sub(" ", unescape(_TAG.sub("", raw))).strip()
        out.append(text)
    return out


def keep_embedded_quotes(tree) -> None:
    """Quoted posts embedded in a story (``<blockquote>`` in a social-embed wrapper) are part
    of it; clear the wrapper class names that main-content heuristics take for sharing widgets."""
    for node in tree.document.query_selector_all("blockquote[class]").values()[:50]:
        for _ in range(3):
            if node is None or node.tag in ("body", "article", "main"):
                break
            if node.class_name:
                node.class_name = ""
            node = node.parent


def careful_lines(markup: str) -> list[str] | None:
    import trafilatura

    try:
        text = trafilatura.extract(markup, include_comments=False, fast=True)
    except RecursionError:
        return None
    if not text:
        return None
    return [line.strip() for line in text.splitlines()]


def filter_lines(
    lines: list[str], meta: PageMeta, captions: list[str], credits: list[str]
) -> list[str]:
    """The story's lines: furniture, credits, captions, the headline, bylines and bare
    dates taken out; runs of blank lines folded.

    The page's summary (meta description) is a standfirst when page furniture (a byline,
    a date, a credit) stands between it and the story; otherwise it is the story's lede.
    """
    drop = {clean(c) for c in captions} | {clean(c) for c in credits}
    if meta.title:
        drop.add(clean(meta.title))
    summaries = {clean(d) for d in meta.descriptions}
    kept: list[str | None] = []
    pending: int | None = None  # index in kept of a summary line not yet judged
    for line in lines:
        if not line:
            if kept and kept[-1]:
                kept.append("")
            continue
        byline = None
        dropped = len(line) <= 300 and (line in drop or is_furniture_line(line))
        if not dropped:
            byline = f.byline_of(line) if line.startswith("By ") else None
            dropped = byline is not None
            if byline:
                meta.byline = meta.byline or byline
        if dropped:
            if pending is not None:
                kept[pending] = None  # furniture follows the summary: a standfirst
                pending = None
            continue
        pending = len(kept) if line in summaries else None
        kept.append(line)
    out: list[str] = []
    for line in kept:
        if line is not None and (line or (out and out[-1])):
            out.append(line)
    while out and not out[-1]:
        out.pop()
    return out


def is_furniture_line(line: str) -> bool:
    tokens = f.words(line)
    if len(tokens) > 16:
        # every furniture and credit rule is for short lines, except syndication notices;
        # a long paragraph that says "first appeared in" is the story
        return len(tokens) <= NOTICE_MAX_WORDS and is_syndication_notice(line)
    if f.is_furniture(line) or f.is_credit(line) or _IMAGE_COUNTER.match(line):
        return True
    if _PLAYER.match(line) or _MARKUP.match(line):
        return True
    # "Updated: Nov. 19, 2019 9:01 AM", "Bureau | First Published: Tuesday, ..." (a
    # stamp, not a sentence: "The law was updated on March 3, 2019." stays)
    if (
        _STAMP_LABEL.search(line)
        and not _ENDS_SENTENCE.search(line)
        and find_date(line) is not None
    ):
        return True
    # "Get our weekly newsletter", "Let our news meet your inbox."
    if (
        _PROMO.search(line)
        and not _QUOTED.search(line)
        and (not _ENDS_SENTENCE.search(line) or _ADDRESSED.search(line))
    ):
        return True
    # a bare date or time stamp: "Nov. 19, 2019 5:32 p.m."
    return (
        len(tokens) <= 8
        and "@" not in line
        and not line.startswith(("—", "-", "–"))
        and not f.is_sentence(line)
        and find_date(line) is not None
    )


def looks_wrong(lines: list[str]) -> bool:
    """Signals that the fast pass missed the story or kept page furniture: too few words,
    too little of the text in sentences, or too many short lines (menus, link lists)."""
    text_lines = [line for line in lines if line]
    counts = [len(f.words(line)) for line in text_lines]
    words = sum(counts)
    if words < MIN_WORDS:
        return True
    sentence_words = sum(
        n for line, n in zip(text_lines, counts, strict=True) if f.is_sentence(line)
    )
    short_lines = sum(1 for n in counts if n <= SHORT_LINE_WORDS)
    return sentence_words < MIN_SENTENCE_SHARE * words or short_lines > MAX_SHORT_LINE_SHARE * len(
        text_lines
    )


def word_count(lines: list[str]) -> int:
    return sum(len(f.words(line)) for line in lines if line)


def trailing_original(body_lines: list[str], raw_lines: list[str]) -> str | None:
    """Who first published a syndicated copy: a notice among the last lines (of the body,
    or of the text before furniture was taken out), or a wire-service dateline. Notices
    are short lines; a long paragraph that says "first appeared in" is the story."""
    try:
        from sanctuary_tracker.read.syndication import find_original_publisher
    except ImportError:
        find_original_publisher = None
    body = [line for line in body_lines if line]
    if find_original_publisher is not None:
        for lines in (body, [line for line in raw_lines if line]):
            for line in reversed(lines[-8:]):
                if len(f.words(line)) > NOTICE_MAX_WORDS:
                    continue
                found = _organisation(find_original_publisher(line))
                if found:
                    return found
    for line in body[:3]:
        wire = wire_of(line)
        if wire:
            return wire
    return None


def same_organisation(name: str, publisher: str | None, url: str | None) -> bool:
    """ "Live Science" and "livescience.com", "FOXBusiness" and "Fox Business" are one."""
    key = _org_key(name)
    others = [_org_key(publisher or ""), _org_key(host_name(url) or "")]
    return bool(key) and any(
        o and (o == key or o.startswith(key) or key.startswith(o)) for o in others
    )


def _org_key(name: str) -> str:
    name = re.sub(r"\.(?:com|org|net|co\.uk|co|news|tv|fm)$", "", name.lower().strip())
    return re.sub(r"[^a-z0-9]", "", name.removeprefix("the "))


def _organisation(name: str | None) -> str | None:
    """A publisher's name as a notice gave it, or None when it is not one
    ("Futurism. Read the" -> "Futurism"; "Nov 20" -> None)."""
    if not name:
        return None
    name = name.split(". ")[0].strip(" .,;:")
    if not name or _MONTH_START.match(name) or len(f.words(name)) > 8:
        return None
    return name if any(ch.isalpha() for ch in name) else None


def _dateline_date(lines: list[str]) -> str | None:
    for line in lines[:40]:
        if line and len(f.words(line)) <= 12:
            found = find_date(line)
            if found:
                return found
    return None


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(i for i in items if i))
