"""Federal awards matched to jurisdictions (issue: money at stake), and the import runs."""

from django.db import models


class AwardImport(models.Model):
    """One run of ``sanctuary funding import``: its files and what it counted."""

    started_at = models.DateTimeField()
    files = models.TextField()  # "|"-separated paths as given
    summary = models.TextField()  # JSON: rows read, matched, unmatched, rejected ...


class Award(models.Model):
    """A federal award to a recipient, matched (or not yet) to the jurisdiction that got it.

    ``award_key`` is unique: the same award read again, from the same file or another,
    is one row. Unmatched and doubtful awards have ``review`` set: a person decides."""

    award_key = models.CharField(max_length=200, unique=True)
    recipient = models.TextField()
    recipient_state = models.CharField(max_length=8, blank=True, default="")
    jurisdiction = models.ForeignKey(
        "store.Jurisdiction", null=True, blank=True, on_delete=models.PROTECT, db_index=False
    )
    program = models.CharField(max_length=12)  # assistance listing number, "16.738"
    program_title = models.TextField()
    fiscal_year = models.IntegerField(null=True, blank=True)
    amount = models.DecimalField(max_digits=18, decimal_places=2)
    joint_amount = models.DecimalField(max_digits=18, decimal_places=2, null=True, blank=True)
    source_file = models.TextField()
    source_row = models.IntegerField()
    match_method = models.TextField()
    match_confidence = models.FloatField()
    review = models.BooleanField(default=False)
    imported = models.ForeignKey(AwardImport, on_delete=models.PROTECT, db_index=False)

    class Meta:
        indexes = [
            models.Index(fields=["jurisdiction", "program", "fiscal_year"], name="award_by_place"),
            # only the rows a person must look at (a tenth or less of them)
            models.Index(fields=["review"], name="award_review", condition=models.Q(review=True)),
        ]
