"""HTML reading: main text, captions and credits kept apart, metadata, and the guard rails."""

from __future__ import annotations

from pathlib import Path

import pytest

from sanctuary_tracker.errors import ReadError
from sanctuary_tracker.read import document_from_bytes
from sanctuary_tracker.read.html import read_html
from sanctuary_tracker.settings import ReadLimits

FIXTURES = Path(__file__).parent / "fixtures" / "html"
LIMITS = ReadLimits()


def read_fixture(name: str, url: str | None = "https://www.example-news.com/2019/story"):
    data = (FIXTURES / name).read_bytes()
    return document_from_bytes(data, source=name, name=name, url=url, limits=LIMITS)


# --------------------------------------------------------------------------- article


@pytest.fixture(scope="module")
def article():
    return read_fixture("article.html")


def test_article_body_is_the_story(article):
    assert article.media_type == "text/html"
    assert article.body.startswith("The Harmon County Board of Supervisors voted 4-1")
    assert article.body.rstrip().endswith("request for comment on Tuesday evening.")
    assert article.body.count("\n\n") == 5  # six paragraphs, kept apart
    # a sentence that mentions an update and a date is story, not a time stamp
    assert "The policy was last updated on March 3, 2015, when the board" in article.body


@pytest.mark.parametrize(
    "furniture",
    [
        "Related Articles",
        "State lawmakers debate",
        "Share on Facebook",
        "Tweet this story",
        "newsletter",
        "Copyright 2019",
        "Sports",
        "By Maria Lopez",
        "County ends jail agreement",  # the headline is the title, not body
        "Supervisors voted to stop holding",  # standfirst (the meta description)
        "Sheriff asks for more jail deputies",  # a block that is only a link
        "Updated:",
        "morning newsletter",
    ],
)
def test_article_body_has_no_furniture(article, furniture):
    assert furniture not in article.body


def test_captions_and_credits_are_kept_out_of_the_body(article):
    assert article.captions == ["Deputies stand outside the county jail in Riverton on Monday."]
    assert article.credits == ["Ann Weber / Valley Ledger"]
    assert "Deputies stand outside" not in article.body
    assert "Ann Weber" not in article.body


def test_article_metadata(article):
    assert article.title == "County ends jail agreement with federal immigration agents"
    assert article.published == "2019-03-28"
    assert article.publisher == "Valley Ledger"  # og:site_name first
    assert article.byline == "Maria Lopez and Tom Reed"  # JSON-LD authors over meta author
    assert article.original_publisher is None
    assert article.url == "https://www.example-news.com/2019/story"
    assert article.language == "en"


def test_summary_that_is_the_lede_stays():
    lede = (
        "The city council voted on Thursday night to adopt a welcoming city ordinance that "
        "limits how local police cooperate with federal immigration authorities."
    )
    markup = (
        (FIXTURES / "bare.html")
        .read_text(encoding="utf-8")
        .replace("<html>", f'<html><head><meta name="description" content="{lede}"></head>')
    )
    doc = read_html(markup, source="t", url=None, limits=LIMITS)
    assert doc.body.startswith(lede)


# --------------------------------------------------------------------------- syndicated


def test_syndicated_copy_names_its_original_publisher():
    doc = read_fixture("syndicated.html")
    assert doc.publisher == "Northern Public Radio"
    assert doc.original_publisher == "WBUR-FM"
    assert doc.byline == "Jane Carter"
    assert doc.published == "2017-05-02"
    assert doc.title == "Lawmakers weigh sanctuary state bill"
    assert doc.body.startswith("State senators on Monday heard three hours")
    assert "To see more, visit" not in doc.body


def test_original_publisher_from_meta_tag():
    markup = (
        (FIXTURES / "article.html")
        .read_text(encoding="utf-8")
        .replace(
            "<head>",
            '<head><meta property="article:original_source" content="https://apnews.com/x">',
        )
    )
    doc = read_html(markup, source="t", url=None, limits=LIMITS)
    assert doc.original_publisher == "apnews.com"


def test_wire_dateline_names_the_wire():
    paragraph = (
        "<p>WASHINGTON (AP) — The Justice Department on Tuesday sued the state over a law that "
        "limits cooperation between local police and federal immigration agents, the latest "
        "step in a long fight over sanctuary policies across the country and in the courts.</p>"
    )
    markup = f"<html><body><article>{paragraph * 3}</article></body></html>"
    doc = read_html(markup, source="t", url="https://local.example.org/a", limits=LIMITS)
    assert doc.original_publisher == "Associated Press"
    assert doc.publisher == "local.example.org"


def test_story_sentence_about_a_first_appearance_is_not_a_notice():
    paragraph = (
        "<p>Cases of the virus first appeared in West Michigan at the end of August, and "
        "since then the county health department has confirmed eleven more infections in "
        "four counties, officials said on Tuesday afternoon at a briefing downtown.</p>"
    )
    filler = "<p>" + "Health officials urged residents to take precautions this week. " * 4
    markup = f"<html><body><article>{filler}</p>{paragraph}</article></body></html>"
    doc = read_html(markup, source="t", url="https://news.example.com/a", limits=LIMITS)
    assert "first appeared in West Michigan" in doc.body
    assert doc.original_publisher is None


def test_wire_byline_names_the_original_publisher():
    markup = (
        (FIXTURES / "bare.html")
        .read_text(encoding="utf-8")
        .replace(
            "<html>",
            '<html><head><meta property="og:site_name" content="Valley Ledger">'
            '<meta name="author" content="The Associated Press"></head>',
        )
    )
    doc = read_html(markup, source="t", url=None, limits=LIMITS)
    assert doc.byline == "The Associated Press"
    assert doc.original_publisher == "Associated Press"


def test_title_loses_site_name_and_entities():
    markup = (
        (FIXTURES / "bare.html")
        .read_text(encoding="utf-8")
        .replace(
            "<html>",
            '<html><head><meta property="og:site_name" content="Valley Ledger">'
            '<meta property="og:title" content="&amp;#8216;Welcoming city&amp;#8217; vote - '
            'what it means | Valley Ledger"></head>',
        )
    )
    doc = read_html(markup, source="t", url=None, limits=LIMITS)
    assert doc.title == "‘Welcoming city’ vote - what it means"


# --------------------------------------------------------------------------- no metadata


def test_page_without_metadata():
    doc = read_fixture("bare.html", url="https://www.example-news.com/city/vote")
    assert doc.body.startswith("The city council voted on Thursday night")
    assert "neighboring cities over the past two years." in doc.body
    assert doc.title is None
    assert doc.published is None
    assert doc.byline is None
    assert doc.original_publisher is None
    assert doc.publisher == "example-news.com"  # from the URL host, without www.
    assert doc.captions == [] and doc.credits == []


def test_page_without_metadata_or_url_has_no_publisher():
    doc = read_fixture("bare.html", url=None)
    assert doc.publisher is None


# --------------------------------------------------------------------------- charset


def test_wrong_declared_charset_is_repaired():
    doc = read_fixture("wrong_charset.html")
    assert "café on Main Street" in doc.body
    assert "\ufffd" not in doc.body
    assert doc.title == "Café owners"
    assert any("charset" in w for w in doc.warnings)


def test_wrong_declared_charset_spanish_letter():
    assert "señor" in read_fixture("wrong_charset.html").body


# --------------------------------------------------------------------------- guard rails


def deep_page(depth: int) -> str:
    return "<html><body>" + "<div>" * depth + "deep text" + "</div>" * depth + "</body></html>"


def test_depth_guard_raises_one_line_read_error():
    with pytest.raises(ReadError) as info:
        read_html(deep_page(100_000), source="deep.html", url=None, limits=LIMITS)
    message = str(info.value)
    assert message.startswith("deep.html: ")
    assert "\n" not in message
    assert "deep" in info.value.problem and str(LIMITS.max_html_depth) in info.value.problem


def test_depth_guard_uses_the_configured_limit():
    limits = ReadLimits(max_html_depth=50)
    with pytest.raises(ReadError):
        read_html(deep_page(60), source="d", url=None, limits=limits)
    # under the limit: read normally (html > body > 40 divs)
    text = (
        "<p>" + "Sanctuary policy words in a sentence that is long enough to keep. " * 12 + "</p>"
    )
    markup = "<html><body>" + "<div>" * 40 + text + "</div>" * 40 + "</body></html>"
    doc = read_html(markup, source="d", url=None, limits=limits)
    assert "Sanctuary policy words" in doc.body


def test_depth_guard_through_document_from_bytes():
    with pytest.raises(ReadError, match="nests HTML elements more than"):
        document_from_bytes(deep_page(5_000).encode(), source="deep", name="deep.html")


@pytest.mark.parametrize(
    "markup",
    [
        "<html><body><p>",
        "<<<>>>",
        "<html><head><script type='application/ld+json'>{not json</script></head><body>x</body>",
        "<table>" * 300 + "text",
        "<p>" + "<b><i>" * 200 + "text",
        '<meta property="article:published_time" content="2019-99-99"><p>text</p>',
    ],
)
def test_hostile_markup_raises_nothing_but_read_error(markup):
    try:
        read_html(markup, source="x", url="not a url", limits=LIMITS)
    except ReadError as error:
        assert "\n" not in str(error)
