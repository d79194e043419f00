"""The API's answers as schemas, so that the OpenAPI description states every field of
``data``: the records of ``records``, the profiles, the map data and search hits. Each
allows fields beyond those listed (a record that gains a field still validates), and the
fields are listed in the order the records give them, so answers keep their key order."""

from __future__ import annotations

from typing import Any, Literal

from ninja import Schema
from pydantic import BaseModel, ConfigDict, Field, create_model

from sanctuary_tracker.web.params import Label


class Record(BaseModel):
    """A record of the API's answers: a plain pydantic model, since ninja's Schema reads
    its input through attribute access, which drops the fields it does not list."""

    model_config = ConfigDict(extra="allow")


class ErrorBody(Schema):
    code: str
    message: str = Field(description="one line per refused parameter: name, value, problem")
    details: list[Any] | None = None


class PageMeta(Schema):
    page: int
    per_page: int
    total: int = Field(description="results in all pages")
    next: str | None = Field(None, description="address of the next page; none on the last")
    previous: str | None = None


class Envelope(Schema):
    ok: bool
    data: Any = None
    meta: PageMeta | dict[str, Any] | None = None
    error: ErrorBody | None = None


class Place(Record):
    """A jurisdiction as other records name it."""

    geoid: str
    name: str
    state: str | None = None
    kind: str | None = None


class Span(Record):
    """Where in a document a record was read: character offsets into one field."""

    document: int
    field: str = Field(description="body or title")
    start: int
    end: int


class Jurisdiction(Record):
    geoid: str = Field(description="Census GEOID")
    ocd_id: str | None = Field(None, description="Open Civic Data division id")
    name: str
    state: str | None = Field(None, description="postal code")
    kind: str
    type: str
    level: str = Field(description="state, county or local")
    county_geoid: str | None = None
    population: int | None = None


class LabelledJurisdiction(Jurisdiction):
    label: Label | None = Field(None, description="with ?definition= only")


class Reason(Record):
    kind: str
    text: str
    source: str | None = None


class Classification(Jurisdiction):
    definition: str
    date: str
    label: Label
    reasons: list[Reason]


class Definition(Record):
    id: str
    name: str
    version: str
    source: str | None = Field(None, description="where the definition is published")
    summary: str
    levels: list[str]
    measures: str = Field(description="sanctuary, cooperation or preemption")
    file: None = None


class Edition(Record):
    """One shipped edition of an official list."""

    id: str
    name: str
    agency: str | None = None
    date: str
    withdrawn: str | None = None
    complete: bool
    members: int
    missing: str | None = Field(None, description="what the shipped edition lacks")
    sources: list[str]


class Document(Record):
    id: int
    source: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    publisher: str | None = None
    original_publisher: str | None = None
    byline: str | None = None
    language: str | None = None
    media_type: str | None = None
    content_hash: str
    copy_of: int | None = Field(None, description="the original of a copy")


class PersonRef(Record):
    id: int
    name: str


class QuoteDocument(Record):
    id: int
    title: str | None = None
    published: str | None = None
    source: str | None = None
    url: str | None = None


class Quote(Record):
    id: int
    text: str
    direct: bool
    speaker: PersonRef | None = None
    speaker_name: str | None = None
    jurisdiction: Place | None = None
    document: QuoteDocument
    span: Span | None = None


class Amount(Record):
    id: int
    text: str
    value: float | None = None
    currency: str | None = None
    refers_to: str | None = None
    jurisdiction: Place | None = None
    document: int | None = None
    span: Span | None = None


class Listing(Record):
    """A jurisdiction on an official list: a shipped edition's member or a document's
    statement."""

    list_id: str
    list_name: str | None = None
    jurisdiction: Place | None = None
    date: str | None = None
    withdrawn: str | None = None
    origin: Literal["reference", "document"]
    reviewed: bool
    source: str | None = None
    document: int | None = None
    span: Span | None = None
    cue: str | None = None


class Observation(Record):
    id: int
    jurisdiction: Place | None = None
    provision: str = Field(description="codebook provision code (P01 ... P17)")
    provision_name: str
    value: Any = Field(description="the provision's value (JSON)")
    effective_from: str | None = None
    effective_to: str | None = None
    citation: str | None = None
    status: str
    origin: str | None = None
    negated: bool
    hedged: bool
    cue: str | None = None
    document: int | None = None
    span: Span | None = None
    review_reason: str | None = None
    reviewer: str | None = None
    reviewed_at: str | None = None


class Person(Record):
    id: int
    name: str
    jurisdiction: Place | None = None


class Role(Record):
    title: str | None = None
    of: str | None = None
    jurisdiction: Place | None = None
    document: int | None = None
    as_of: str | None = None


class PersonProfile(Person):
    roles: list[Role]
    quotes: list[Quote]


class Mention(Record):
    text: str
    jurisdiction: Place | None = None
    confidence: float | None = None
    reason: str | None = None
    span: Span | None = None


class DocumentRole(Record):
    person: PersonRef
    title: str | None = None
    of: str | None = None
    jurisdiction: Place | None = None
    span: Span | None = None


class DocumentDetail(Document):
    body: str
    captions: list[Any]
    mentions: list[Mention]
    people: list[DocumentRole]
    quotes: list[Quote]
    amounts: list[Amount]
    listings: list[Listing]
    observations: list[Observation]


class Status(Record):
    definition: str
    name: str
    measures: str
    source: str | None = None
    label: Label
    reasons: list[Reason]


class Profile(Record):
    """Everything known of one jurisdiction on a date, each item with its source."""

    jurisdiction: Jurisdiction
    date: str
    verdict: list[dict[str, Any]] = Field(description="how many definitions say yes, by kind")
    cards: list[dict[str, Any]] = Field(description="each definition's answer and why")
    not_known: list[dict[str, Any]] = Field(description="provisions with no evidence")
    statuses: list[Status]
    timeline: list[dict[str, Any]] = Field(description="the facts, dated, with sources")
    listings: list[Listing]
    agreements: list[dict[str, Any]] = Field(description="287(g) agreements")
    quotes: list[Quote]
    money_at_stake: dict[str, Any]
    observations: list[Observation]
    documents: list[Document]


class MapData(Record):
    definition: str
    date: str
    counties: dict[str, Label] = Field(description="county GEOID -> label")
    states: dict[str, Label] = Field(description="state GEOID -> label")
    places: list[list[Any]] = Field(
        description="[geoid, name, state, x, y, label] of each place with facts of its own"
    )
    evidence: dict[str, dict[str, int]] = Field(
        description="definition -> how many jurisdictions it decides (yes, partial, no)"
    )


class SearchHit(Record):
    kind: Literal["document", "quote", "person"]
    id: int
    title: str | None = None
    snippet_html: str = Field(description="escaped text, the words found in <mark>")
    url: str


def answer(data_type, name: str) -> dict[int, type[Schema]]:
    """The statuses an operation answers with: 200 with ``data`` of ``data_type`` (the
    schema named ``name``); 400 for a request Django refuses before the API sees it (a
    host not served), 404, 422 and 500 (a failure of ours), all in the envelope."""
    success = create_model(f"{name}Answer", __base__=Envelope, data=(data_type | None, None))
    return {200: success, 400: Envelope, 404: Envelope, 422: Envelope, 500: Envelope}
