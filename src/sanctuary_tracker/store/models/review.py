"""Observations (jurisdiction x provision x value) under review, and the audit log."""

from django.conf import settings
from django.db import models
from django.db.models import Q

STATUSES = ("proposed", "accepted", "rejected")
ORIGINS = ("extracted", "entered")


class Observation(models.Model):
    """A coded value of a provision for a jurisdiction: proposed by extraction or entered
    by a coder, then accepted, edited or rejected by a reviewer. Never deleted."""

    jurisdiction = models.ForeignKey(
        "store.Jurisdiction", null=True, blank=True, on_delete=models.PROTECT
    )
    provision = models.ForeignKey("store.Provision", on_delete=models.PROTECT)
    value = models.TextField()  # JSON
    effective_from = models.DateField(null=True, blank=True)
    effective_to = models.DateField(null=True, blank=True)
    citation = models.TextField(blank=True, default="")
    # "by law" or "in practice": statute, ordinance, resolution, executive_order,
    # sheriff_policy, police_policy, agency_policy, practice or unknown (classify.facts.FORMS)
    # (database defaults too: the loader's multi-row inserts leave both out)
    form = models.CharField(max_length=20, default="unknown", db_default="unknown")
    agency = models.CharField(max_length=80, blank=True, default="", db_default="")
    document = models.ForeignKey("store.Document", null=True, blank=True, on_delete=models.PROTECT)
    span = models.ForeignKey(
        "store.Span", null=True, blank=True, on_delete=models.PROTECT, db_index=False
    )
    origin = models.CharField(max_length=12)
    status = models.CharField(max_length=12, default="proposed")
    negated = models.BooleanField(default=False)
    hedged = models.BooleanField(default=False)
    cue = models.TextField(blank=True, default="")
    rule = models.TextField(blank=True, default="")
    coder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="coded_observations",
    )
    created_at = models.DateTimeField()
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reviewed_observations",
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_reason = models.TextField(blank=True, default="")

    class Meta:
        constraints = [
            models.CheckConstraint(condition=Q(status__in=STATUSES), name="observation_status"),
            models.CheckConstraint(condition=Q(origin__in=ORIGINS), name="observation_origin"),
            models.CheckConstraint(
                condition=~Q(origin="entered") | Q(coder__isnull=False),
                name="entered_observation_has_coder",
            ),
            models.CheckConstraint(
                condition=Q(status="proposed") | Q(reviewer__isnull=False),
                name="reviewed_observation_has_reviewer",
            ),
            models.CheckConstraint(
                condition=Q(effective_to__isnull=True)
                | Q(effective_from__isnull=True)
                | Q(effective_to__gte=models.F("effective_from")),
                name="observation_interval",
            ),
        ]
        permissions = [
            ("code_observation", "Enter observations (coder)"),
            ("review_observation", "Accept, edit or reject observations (reviewer)"),
        ]


class AuditLog(models.Model):
    """One change to the store: who, when, what, the values before and after, and why."""

    at = models.DateTimeField()
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, db_index=False
    )
    action = models.CharField(max_length=40)
    table = models.CharField(max_length=40)
    object_id = models.BigIntegerField()
    before = models.TextField(null=True, blank=True)  # JSON
    after = models.TextField(null=True, blank=True)  # JSON
    reason = models.TextField(blank=True, default="")

    class Meta:
        indexes = [models.Index(fields=["table", "object_id"])]
