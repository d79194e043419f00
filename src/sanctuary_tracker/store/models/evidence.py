"""Documents and what was read from them, each fact with its span."""

from django.db import models
from django.db.models import Q


class Document(models.Model):
    """One version of one source's text. A syndicated copy (same text, another source)
    points at the original by ``copy_of`` and holds no evidence of its own; a source
    whose text changed gets a new row, so evidence and reviews of the old text remain."""

    source = models.TextField()
    content_hash = models.CharField(max_length=80)
    copy_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="copies"
    )
    media_type = models.CharField(max_length=80, blank=True, default="")
    title = models.TextField(null=True, blank=True)
    published = models.DateField(null=True, blank=True)
    publisher = models.TextField(null=True, blank=True)
    original_publisher = models.TextField(null=True, blank=True)
    byline = models.TextField(null=True, blank=True)
    language = models.CharField(max_length=16, null=True, blank=True)
    url = models.TextField(null=True, blank=True)
    fetched_at = models.CharField(max_length=40, null=True, blank=True)
    # Empty when loaded from an evidence file, which carries no text.
    body = models.TextField(blank=True, default="")
    captions = models.TextField(blank=True, default="[]")  # JSON list
    minhash = models.TextField(blank=True, default="")  # space-separated integers
    loaded_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["source", "content_hash"], name="document_version"),
            # One original per text: concurrent loaders cannot both store its evidence.
            models.UniqueConstraint(
                fields=["content_hash"], condition=Q(copy_of__isnull=True), name="one_original"
            ),
        ]
        permissions = [("load_evidence", "Ingest documents and load evidence files")]

    def __str__(self) -> str:
        return self.source


class Span(models.Model):
    """Where a fact was read: a field of a document (body, title, captions[i] ...) and
    character offsets into it."""

    # Indexed by the (document, ordinal) constraint below; a second index would only
    # cost writes.
    document = models.ForeignKey(
        Document, on_delete=models.PROTECT, related_name="spans", db_index=False
    )
    ordinal = models.PositiveIntegerField()  # order within the document's load
    field = models.CharField(max_length=32)
    start = models.IntegerField(db_column="span_start")
    end = models.IntegerField(db_column="span_end")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["document", "ordinal"], name="span_ordinal"),
            models.CheckConstraint(
                condition=Q(start__gte=0) & Q(end__gte=models.F("start")), name="span_offsets"
            ),
        ]


class Mention(models.Model):
    """A jurisdiction named in a document, with how sure the resolver was and why.

    Facts point at their span without an index on it: spans are reached from facts,
    never the other way, and each index is a page written per document loaded."""

    document = models.ForeignKey(Document, on_delete=models.PROTECT, related_name="mentions")
    span = models.ForeignKey(Span, on_delete=models.PROTECT, db_index=False)
    jurisdiction = models.ForeignKey("store.Jurisdiction", on_delete=models.PROTECT)
    text = models.TextField()
    confidence = models.FloatField()
    reason = models.TextField(blank=True, default="")


class Person(models.Model):
    """One person across documents. Merge rule: the same normalised full name
    (``name_key``) tied to the same jurisdiction; see ``store.people``."""

    name = models.CharField(max_length=200)
    name_key = models.CharField(max_length=200)
    jurisdiction = models.ForeignKey(
        "store.Jurisdiction", null=True, blank=True, on_delete=models.PROTECT
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["name_key", "jurisdiction"],
                condition=Q(jurisdiction__isnull=False),
                name="person_in_jurisdiction",
            ),
            models.UniqueConstraint(
                fields=["name_key"], condition=Q(jurisdiction__isnull=True), name="person_unplaced"
            ),
        ]
        # The loader looks people up by name alone (every jurisdiction at once): the
        # partial unique indexes above cannot serve that query.
        indexes = [models.Index(fields=["name_key"], name="person_name_key")]

    def __str__(self) -> str:
        return self.name


class Role(models.Model):
    """A title a person held, as a document gives it (as of its publication date)."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="roles")
    title = models.TextField(null=True, blank=True)
    of_name = models.TextField(null=True, blank=True)  # whom the title is held for, as written
    jurisdiction = models.ForeignKey(
        "store.Jurisdiction", null=True, blank=True, on_delete=models.PROTECT
    )
    document = models.ForeignKey(Document, on_delete=models.PROTECT)
    span = models.ForeignKey(Span, on_delete=models.PROTECT, db_index=False)


class Quote(models.Model):
    """Words a person said (direct) or that the text attributes to them (reported)."""

    document = models.ForeignKey(Document, on_delete=models.PROTECT, related_name="quotes")
    span = models.ForeignKey(Span, on_delete=models.PROTECT, related_name="+", db_index=False)
    speaker = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT)
    speaker_name = models.TextField(null=True, blank=True)
    speaker_span = models.ForeignKey(
        Span, null=True, blank=True, on_delete=models.PROTECT, related_name="+", db_index=False
    )
    text = models.TextField()
    direct = models.BooleanField()


class Amount(models.Model):
    """A sum of money a document names, and what it refers to."""

    document = models.ForeignKey(Document, on_delete=models.PROTECT, related_name="amounts")
    span = models.ForeignKey(Span, on_delete=models.PROTECT, db_index=False)
    text = models.TextField()
    value = models.DecimalField(max_digits=20, decimal_places=2, null=True, blank=True)
    currency = models.CharField(max_length=3, default="USD")
    refers_to = models.TextField(null=True, blank=True)
    jurisdiction = models.ForeignKey(
        "store.Jurisdiction", null=True, blank=True, on_delete=models.PROTECT
    )


class Listing(models.Model):
    """A document saying a jurisdiction is on an official list (edition ``list_id``)."""

    document = models.ForeignKey(Document, on_delete=models.PROTECT, related_name="listings")
    span = models.ForeignKey(Span, on_delete=models.PROTECT, db_index=False)
    list_id = models.CharField(max_length=80, null=True, blank=True)
    list_name = models.TextField()
    jurisdiction = models.ForeignKey("store.Jurisdiction", on_delete=models.PROTECT)
    cue = models.TextField(null=True, blank=True)
