"""ICE's 287(g) sheets as published, row by row: what the agreements' history is computed
from (sanctuary_tracker.agreements.history), so that a sheet imported twice changes nothing
and sheets imported in any order give the same history."""

from django.db import models

KINDS = ("participating", "pending")
MODELS = ("JEM", "TFM", "WSO")


class AgreementPublication(models.Model):
    """One ICE sheet, known by the SHA-256 of its normalised content (not its file name)."""

    sha256 = models.CharField(max_length=64, unique=True)
    file_name = models.CharField(max_length=255)
    kind = models.CharField(max_length=16)  # participating | pending
    published = models.DateField()
    half = models.CharField(max_length=2, blank=True, default="")  # am | pm | "" (not known)
    row_count = models.IntegerField()
    origin = models.CharField(max_length=16)  # snapshot (sanctuary init) | import
    imported_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=KINDS), name="agreementpublication_kind"
            ),
            models.CheckConstraint(
                condition=models.Q(half__in=["", "am", "pm"]), name="agreementpublication_half"
            ),
            models.CheckConstraint(
                condition=models.Q(row_count__gte=0), name="agreementpublication_row_count"
            ),
            models.CheckConstraint(
                condition=models.Q(origin__in=["snapshot", "import"]),
                name="agreementpublication_origin",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.kind}, {self.published} {self.half})"


class AgreementRow(models.Model):
    """One row of a sheet, as read (text stripped, model coded, dates ISO)."""

    publication = models.ForeignKey(
        AgreementPublication, on_delete=models.CASCADE, related_name="rows", db_index=False
    )
    row = models.IntegerField()  # the sheet's row number (the header is row 1)
    state = models.CharField(max_length=80)
    agency = models.CharField(max_length=255)
    type = models.CharField(max_length=80, blank=True, default="")
    county = models.CharField(max_length=120, blank=True, default="")
    model = models.CharField(max_length=3)
    signed = models.DateField(null=True, blank=True)
    signed_text = models.CharField(max_length=80, blank=True, default="")
    moa = models.TextField(null=True, blank=True)
    addendum = models.TextField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["publication", "row"], name="agreementrow_unique"),
            models.CheckConstraint(condition=models.Q(model__in=MODELS), name="agreementrow_model"),
            models.CheckConstraint(condition=models.Q(row__gte=2), name="agreementrow_row"),
        ]
