"""HTML pages: main content and metadata (title, date, publisher, byline, captions).

Reading one page:

1. Refuse nesting deeper than ``limits.max_html_depth`` (one CSS query on the Lexbor tree;
   extractors recurse and would crash on such a page).
2. Metadata from the same tree: meta tags, JSON-LD, visible bylines and dates
   (``html_meta``); captions and credits from figures and caption/credit elements.
3. Main content, fast pass: resiliparse's main-content extraction (as minimal HTML) with
   page furniture skipped (figures, the headline, navigation, and blocks whose class
   names say caption, credit, share, related, newsletter, promo, byline, cookie ...),
   blocks that are a single link dropped, then a line filter: furniture lines, credits,
   captions, bylines, time stamps, promos, and the meta description when furniture
   separates it from the story (a standfirst) (``html_body``).
4. Careful pass, only where the fast pass looks wrong (fewer than 60 words, under 85% of
   the words in sentence lines, over 30% short lines): trafilatura in fast mode, through
   the same line filter. About one page in five takes it on the benchmark.
"""

from __future__ import annotations

from sanctuary_tracker.document import Document
from sanctuary_tracker.errors import ReadError
from sanctuary_tracker.settings import ReadLimits

MEDIA_TYPE = "text/html"


def read_html(markup: str, *, source: str, url: str | None, limits: ReadLimits) -> Document:
    """A Document (media type text/html) with the page's main text and metadata.

    Raises ReadError (and nothing else) on a page that cannot be read.
    """
    from sanctuary_tracker.read.html_body import read_page

    try:
        return read_page(markup, source=source, url=url, limits=limits)
    except ReadError:
        raise
    except RecursionError:
        raise ReadError(source, "nests its HTML too deeply to read") from None
    except MemoryError:
        raise ReadError(source, "is too large to read as HTML (out of memory)") from None
    except Exception as exc:  # a parser's own failure on hostile markup
        raise ReadError(
            source, f"could not be read as HTML ({type(exc).__name__}: {str(exc)[:120]})"
        ) from None
